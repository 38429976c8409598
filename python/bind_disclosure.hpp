// What the disclosure bindings share (bind_disclosure.cpp, bind_records.cpp):
// a category as Python gives it, and the conversions of categories, purposes,
// recipients, subjects and requests.
#pragma once

#include <algorithm>
#include <variant>

#include "bind.hpp"

namespace sfcore_py {

// A category as Python gives it: a Category member, an int (a case's own
// categories follow the built-in ones) or a name ("housing", or a case's own),
// resolved against the case's categories.
struct category_ref {
    py::object obj;
};

// A member where the case is known: an id, or a Member read from a case (which carries that case's id,
// so that one from another case is refused rather than taken for this case's member of the same number).
struct member_ref {
    sfcore::member_id id;
    std::optional<std::uint64_t> from_case;  // the case a Member object was read from
};

} // namespace sfcore_py

namespace pybind11 {
namespace detail {
template <>
struct type_caster<sfcore_py::member_ref> {
    PYBIND11_TYPE_CASTER(sfcore_py::member_ref, const_name("Union[int, Member]"));
    bool load(handle src, bool convert) {
        if (const auto* m = sfcore_py::unwrap<sfcore::member>(src)) {
            if (m->id.value() == 0)
                throw sfcore::error(sfcore::errc::invalid_argument,
                                    "this Member has not been added to a case, so it has no id: pass a case's Member "
                                    "(case.members, case.member()) or a member id");
            value.id = m->id;
            value.from_case.reset();
            const object from = getattr(src, "case_id", none());
            if (!from.is_none()) value.from_case = from.cast<std::uint64_t>();
            return true;
        }
        make_caster<sfcore::member_id> id;
        if (!id.load(src, convert)) return false;
        value.id = cast_op<sfcore::member_id>(id);
        value.from_case.reset();
        return true;
    }
};

template <>
struct type_caster<sfcore_py::category_ref> {
    PYBIND11_TYPE_CASTER(sfcore_py::category_ref, const_name("Category | int | str"));
    bool load(handle src, bool) {
        if (!src || PyBool_Check(src.ptr())) return false;
        if (!PyLong_Check(src.ptr()) && !PyUnicode_Check(src.ptr())) return false;
        value.obj = reinterpret_borrow<object>(src);
        return true;
    }
    static handle cast(const sfcore_py::category_ref& c, return_value_policy, handle) { return c.obj.inc_ref(); }
};
} // namespace detail
} // namespace pybind11

namespace sfcore_py {

using sfcore::case_file;
using sfcore::shared_case;

// A category given as a number or a Category member; another enumeration's member is refused.
inline sfcore::category category_number(const category_ref& ref) {
    sfcore::category c{};
    if (!enum_load<sfcore::category>(ref.obj, c))
        throw py::type_error("a category is a Category, its name or a number, not " +
                             std::string(py::str(py::type::of(ref.obj).attr("__name__"))));
    return c;
}

inline sfcore::category resolve(const category_ref& ref, const sfcore::category_registry& reg) {
    sfcore::category c{};
    if (PyUnicode_Check(ref.obj.ptr())) {
        std::string s = ref.obj.cast<std::string>();
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        auto found = reg.find(s);
        if (!found) raise(sfcore::errc::invalid_argument, "unknown information category \"" + s + "\"");
        return *found;
    }
    c = category_number(ref);
    if (!reg.contains(c))
        raise(sfcore::errc::invalid_argument, "unknown information category " + std::to_string(static_cast<int>(c)));
    return c;
}

inline sfcore::category resolve(const category_ref& ref, const shared_case& s) {
    if (!PyUnicode_Check(ref.obj.ptr())) return category_number(ref);  // a number is checked by the case
    return s.read([&](const case_file& k) { return resolve(ref, k.disclosure().categories()); });
}

inline sfcore::category_set set_of(const std::vector<sfcore::category>& cs) {
    sfcore::category_set s = 0;
    for (auto c : cs) s |= sfcore::bit(c);
    return s;
}

inline category_list categories_of(sfcore::category_set s) {
    category_list out;
    for (unsigned i = 0; i < 64; ++i)
        if (s >> i & 1u) out.items.push_back(enum_object(static_cast<sfcore::category>(i)));
    return out;
}

inline std::vector<sfcore::purpose> purposes_of(sfcore::purpose_set s) {
    std::vector<sfcore::purpose> out;
    for (const auto& row : sfcore::purpose_table)
        if (s & sfcore::bit(row.value)) out.push_back(row.value);
    return out;
}

inline sfcore::purpose_set purpose_set_of(const std::vector<sfcore::purpose>& ps) {
    sfcore::purpose_set s = 0;
    for (auto p : ps) s = static_cast<sfcore::purpose_set>(s | sfcore::bit(p));
    return s;
}

// A recipient from a Recipient, an Agency or a Practitioner (without making a Recipient object).
// With a directory, an Agency or a Practitioner object must be that directory's own (ids are per
// directory: one from another directory would be taken for whoever has its id here).
inline sfcore::recipient recipient_from(py::handle h, const sfcore::agency_directory* directory = nullptr) {
    if (const auto* r = unwrap<sfcore::recipient>(h)) return *r;
    if (const auto* a = unwrap<sfcore::agency>(h)) {
        const sfcore::agency* here = directory ? directory->find(a->id) : nullptr;
        if (directory && (!here || (here->name != a->name && std::find(here->former_names.begin(), here->former_names.end(),
                                                                         a->name) == here->former_names.end())))
            throw sfcore::error(sfcore::errc::invalid_argument,
                                "the Agency passed (id " + std::to_string(a->id.value()) +
                                    ") is not the directory's agency of that id: pass one the same directory gave");
        return sfcore::recipient::of(a->id);
    }
    if (const auto* p = unwrap<sfcore::practitioner>(h)) {
        if (directory) {
            const sfcore::practitioner* here = directory->find_practitioner(p->id);
            if (!here || here->name != p->name || here->agency != p->agency)
                throw sfcore::error(sfcore::errc::invalid_argument,
                                    "the Practitioner passed (id " + std::to_string(p->id.value()) +
                                        ") is not the directory's practitioner of that id: practitioners are per "
                                        "directory (pass one the same directory gave)");
        }
        return sfcore::recipient::of(p->agency, p->id);
    }
    throw py::type_error("a recipient is an Agency, a Practitioner or a Recipient, not " +
                         py::str(h.get_type().attr("__name__")).cast<std::string>());
}

// One or several subjects, by id (for payloads and requests, which are made before they meet a case).
using subjects_arg = std::variant<sfcore::member_id, std::vector<sfcore::member_id>>;
inline std::vector<sfcore::member_id> subjects_of(subjects_arg s) {
    if (auto* one = std::get_if<sfcore::member_id>(&s)) return {*one};
    return std::get<std::vector<sfcore::member_id>>(std::move(s));
}

// The id of a member of case c: refuses a Member read from another case.
inline sfcore::member_id member_in(const member_ref& m, sfcore::case_id c) {
    if (m.from_case && *m.from_case != c.value())
        throw sfcore::error(sfcore::errc::invalid_argument,
                            "the Member passed is member " + std::to_string(m.id.value()) + " of case " +
                                std::to_string(*m.from_case) + ", not of case " + std::to_string(c.value()) +
                                ": member numbers are per case (pass this case's own Member or its id)");
    return m.id;
}
// A member as a case gives it to Python: a Member carrying the case's id as case_id.
inline py::object member_of_case(sfcore::member m, sfcore::case_id c) {
    py::object out = py::cast(std::move(m));
    out.attr("case_id") = c.value();
    return out;
}
using member_subjects_arg = std::variant<member_ref, std::vector<member_ref>>;
inline std::vector<sfcore::member_id> subjects_in(const member_subjects_arg& s, sfcore::case_id c) {
    if (const auto* one = std::get_if<member_ref>(&s)) return {member_in(*one, c)};
    std::vector<sfcore::member_id> out;
    for (const auto& m : std::get<std::vector<member_ref>>(s)) out.push_back(member_in(m, c));
    return out;
}

// A decision as Python sees it, with its case (for its reference).
struct py_decision {
    sfcore::decision d;
    sfcore::case_id case_ref;
};

// Decisions made in bulk: kept compact; each becomes a Decision when read.
struct decision_batch {
    std::vector<sfcore::decision> decisions;
    sfcore::case_id case_ref;
};

// The requests of a bulk call, read while the GIL is held (the objects are
// kept alive with them, whatever kind of sequence holds them).
struct request_list {
    std::vector<py::object> keep;
    std::vector<const sfcore::disclosure_request*> rs;
};
inline request_list requests_of(const py::sequence& requests) {
    request_list out;
    const std::size_t n = py::len(requests);
    out.keep.reserve(n);
    out.rs.reserve(n);
    // The Request class, looked up once: an exact match needs no registry lookup.
    static PyTypeObject* request_type = py::detail::get_type_info(typeid(sfcore::disclosure_request))->type;
    for (const auto& r : requests) {
        if (Py_TYPE(r.ptr()) == request_type) {
            auto* inst = reinterpret_cast<py::detail::instance*>(r.ptr());
            out.rs.push_back(static_cast<const sfcore::disclosure_request*>(inst->get_value_and_holder().value_ptr()));
        } else if (py::isinstance<sfcore::disclosure_request>(r)) {
            out.rs.push_back(&r.cast<const sfcore::disclosure_request&>());
        } else {
            throw py::type_error("requests must be sfcore.Request objects, not " +
                                 py::str(r.get_type().attr("__name__")).cast<std::string>());
        }
        out.keep.push_back(py::reinterpret_borrow<py::object>(r));
    }
    return out;
}

void bind_records(py::module_& m);  // bind_records.cpp: the disclosure state and its records

} // namespace sfcore_py
