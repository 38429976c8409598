// Consent-gated disclosure: categories, consents and withdrawals, decisions
// (one and in bulk), sharing without consent, declined requests, notices,
// filtered views and the audit log.
#include <algorithm>

#include "bind.hpp"

namespace sfcore_py {

// A category as Python gives it: a Category member, an int (a caller's own
// categories follow the built-in ones) or a name ("housing"). Resolved
// against the ledger's registry, which knows the caller's names.
struct category_ref {
    py::object obj;
};

} // namespace sfcore_py

namespace pybind11 {
namespace detail {
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

using namespace pybind11::literals;

namespace {

sfcore::category resolve(const category_ref& ref, const sfcore::category_registry& reg) {
    sfcore::category c{};
    if (PyUnicode_Check(ref.obj.ptr())) {
        std::string s = ref.obj.cast<std::string>();
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        auto found = reg.find(s);
        if (!found) raise(sfcore::errc::invalid_argument, "unknown information category \"" + s + "\"");
        return *found;
    }
    enum_load<sfcore::category>(ref.obj, c);
    if (!reg.contains(c))
        raise(sfcore::errc::invalid_argument, "unknown information category " + std::to_string(static_cast<int>(c)));
    return c;
}

sfcore::category_set set_of(const std::vector<category_ref>& refs, const sfcore::category_registry& reg) {
    sfcore::category_set s = 0;
    for (const auto& r : refs) s |= sfcore::bit(resolve(r, reg));
    return s;
}

category_list categories_of(sfcore::category_set s) {
    category_list out;
    for (unsigned i = 0; i < 64; ++i)
        if (s >> i & 1u) out.items.push_back(enum_object(static_cast<sfcore::category>(i)));
    return out;
}

std::vector<sfcore::purpose> purposes_of(sfcore::purpose_set s) {
    std::vector<sfcore::purpose> out;
    for (const auto& row : sfcore::purpose_table)
        if (s & sfcore::bit(row.value)) out.push_back(row.value);
    return out;
}

sfcore::purpose_set purpose_set_of(const std::vector<sfcore::purpose>& ps) {
    sfcore::purpose_set s = 0;
    for (auto p : ps) s = static_cast<sfcore::purpose_set>(s | sfcore::bit(p));
    return s;
}

std::string hex(const sfcore::digest& d) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto b : d) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

// One or several subjects.
using subjects_arg = std::variant<sfcore::member_id, std::vector<sfcore::member_id>>;
std::vector<sfcore::member_id> subjects_of(subjects_arg s) {
    if (auto* one = std::get_if<sfcore::member_id>(&s)) return {*one};
    return std::get<std::vector<sfcore::member_id>>(std::move(s));
}

// A decision as Python sees it: the rule's verdict, and the reason in words,
// worded by its ledger when first asked for.
struct py_decision {
    sfcore::decision d;
    py::object ledger;   // the py_ledger that decided, until the reason is worded
    std::string worded;  // the reason, once worded
    const std::string& reason();
};

// Decisions made in bulk: kept compact; each becomes a Decision when read.
struct decision_batch {
    std::vector<sfcore::decision> decisions;
    py::object ledger;  // for the reasons
};

const std::string& py_decision::reason() {
    if (ledger) {
        worded = ledger.cast<const py_ledger&>().l.explain(d);
        ledger = py::object();
    }
    return worded;
}

py_decision explained(const py::object& ledger, const sfcore::decision& d) { return {d, ledger, {}}; }

// The requests of a bulk call, read while the GIL is held (the objects are
// kept alive with them, whatever kind of sequence holds them).
struct request_list {
    std::vector<py::object> keep;
    std::vector<const sfcore::disclosure_request*> rs;
};
request_list requests_of(const py::sequence& requests) {
    request_list out;
    const std::size_t n = py::len(requests);
    out.keep.reserve(n);
    out.rs.reserve(n);
    // The Request class, looked up once: an exact match needs no registry lookup.
    static PyTypeObject* request_type =
        py::detail::get_type_info(typeid(sfcore::disclosure_request))->type;
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

void bind_categories(py::module_& m) {
    py::class_<sfcore::category_registry> reg(
        m, "CategoryRegistry",
        "The information categories in use: the built-in list (Category, never renumbered) and the ones a caller adds, "
        "numbered after them, up to 64 in all.");
    reg.def(py::init<>())
        .def(
            "add", [](sfcore::category_registry& r, const std::string& name, const std::string& label) { return static_cast<int>(r.add(name, label)); },
            "name"_a, "label"_a,
            "Add a category (name: lowercase letters, digits and '_'; label: plain words) and return its id. Raises "
            "ArgumentError (INVALID_ARGUMENT, ALREADY_EXISTS, OUT_OF_RANGE when full).")
        .def(
            "find",
            [](const sfcore::category_registry& r, const std::string& name) -> std::optional<category_obj> {
                auto c = r.find(name);
                if (!c) return std::nullopt;
                return category_obj{enum_object(*c)};
            },
            "name"_a, "The category with a name, or None.")
        .def(
            "name", [](const sfcore::category_registry& r, const category_ref& c) { return r.name(resolve(c, r)); }, "category"_a,
            "A category's identifier.")
        .def(
            "label", [](const sfcore::category_registry& r, const category_ref& c) { return r.label(resolve(c, r)); }, "category"_a,
            "A category's plain-language label.")
        .def("__len__", &sfcore::category_registry::size)
        .def(
            "__iter__",
            [](const sfcore::category_registry& r) {
                py::list all;
                for (std::size_t i = 0; i < r.size(); ++i) all.append(enum_object(static_cast<sfcore::category>(i)));
                return py::iter(all);
            },
            "Every category: Category members, then the caller's own as ints.")
        .def(
            "__contains__",
            [](const sfcore::category_registry& r, const py::object& c) {
                if (PyUnicode_Check(c.ptr())) return r.find(c.cast<std::string>()).has_value();
                sfcore::category x{};
                try {
                    return enum_load<sfcore::category>(c, x) && r.contains(x);
                } catch (const sfcore::error&) {
                    return false;
                }
            },
            "category"_a)
        .def("__repr__", [](const sfcore::category_registry& r) { return "CategoryRegistry(" + std::to_string(r.size()) + " categories)"; });
}

void bind_records(py::module_& m) {
    py::class_<sfcore::disclosure_consent> consent(m, "Consent", "A written consent to share a person's information (read only).");
    consent.def_readonly("id", &sfcore::disclosure_consent::id)
        .def_readonly("subject", &sfcore::disclosure_consent::subject, "Whose information.")
        .def_readonly("given_by", &sfcore::disclosure_consent::given_by, "The subject, or a parent or caregiver for a child.")
        .def_property_readonly("recipients", [](const sfcore::disclosure_consent& k) { return k.scope.recipients; })
        .def_property_readonly("categories", [](const sfcore::disclosure_consent& k) { return categories_of(k.scope.categories); })
        .def_property_readonly("purposes", [](const sfcore::disclosure_consent& k) { return purposes_of(k.scope.purposes); })
        .def_property_readonly("valid_from", [](const sfcore::disclosure_consent& k) { return k.scope.from; })
        .def_property_readonly("valid_until", [](const sfcore::disclosure_consent& k) { return k.scope.until; })
        .def_readonly("signed_on", &sfcore::disclosure_consent::signed_on)
        .def_readonly("form_version", &sfcore::disclosure_consent::form_version)
        .def_readonly("child_views", &sfcore::disclosure_consent::child_views)
        .def_readonly("recorded_by", &sfcore::disclosure_consent::recorded_by)
        .def_readonly("recorded_at", &sfcore::disclosure_consent::recorded_at, "It counts from then.")
        .def("__repr__", repr_fields("Consent", {"id", "subject", "recipients", "categories", "purposes", "valid_from", "valid_until"}));

    py::class_<sfcore::consent_withdrawal> wd(m, "Withdrawal", "A withdrawal of consent, whole or partial (read only).");
    wd.def_readonly("subject", &sfcore::consent_withdrawal::subject)
        .def_readonly("recipient", &sfcore::consent_withdrawal::recipient, "Only this recipient (None: every one).")
        .def_property_readonly("category",
                               [](const sfcore::consent_withdrawal& w) -> std::optional<category_obj> {
                                   if (!w.what) return std::nullopt;
                                   return category_obj{enum_object(*w.what)};
                               },
                               "Only this category (None: every one).")
        .def_readonly("recorded_by", &sfcore::consent_withdrawal::recorded_by)
        .def_readonly("at", &sfcore::consent_withdrawal::at, "It takes effect at this instant.")
        .def("__repr__", repr_fields("Withdrawal", {"subject", "recipient", "category", "at"}));

    py::class_<sfcore::disclosure_request> req(m, "Request", "A request to disclose, for the bulk decide_many() and check_many().");
    req.def(py::init([](const sfcore::party& discloser, subjects_arg subjects, sfcore::category what,
                        const sfcore::party& recipient, sfcore::purpose why, const sfcore::instant& at) {
                return sfcore::disclosure_request{discloser, subjects_of(std::move(subjects)), what, recipient, why, at};
            }),
            py::kw_only(), "discloser"_a, "subjects"_a, "category"_a, "recipient"_a, "purpose"_a, "at"_a)
        .def_readwrite("discloser", &sfcore::disclosure_request::discloser)
        .def_readwrite("subjects", &sfcore::disclosure_request::subjects)
        .def_readwrite("category", &sfcore::disclosure_request::what)
        .def_readwrite("recipient", &sfcore::disclosure_request::recipient)
        .def_readwrite("purpose", &sfcore::disclosure_request::why)
        .def_readwrite("at", &sfcore::disclosure_request::at)
        .def("__repr__", repr_fields("Request", {"discloser", "subjects", "category", "recipient", "purpose", "at"}));

    py::class_<py_decision> dec(m, "Decision",
                                "A decision: permit or deny, the rule that decided, the subject it was decided for, and "
                                "the reason in plain words. bool(decision) is True when permitted.");
    dec.def_property_readonly("permit", [](const py_decision& d) { return d.d.permit; })
        .def_property_readonly("rule", [](const py_decision& d) { return d.d.rule; })
        .def_property_readonly("subject", [](const py_decision& d) { return d.d.subject; },
                               "The subject the rule was applied to (for a refusal, the one who refused).")
        .def_property_readonly("consent", [](const py_decision& d) { return d.d.consent; },
                               "The consent that permitted it (0 when denied).")
        .def_property_readonly("reason", &py_decision::reason, "Why, in plain words.")
        .def("__bool__", [](const py_decision& d) { return d.d.permit; })
        .def(
            "__eq__", [](const py_decision& a, const py_decision& b) { return a.d == b.d; }, py::is_operator())
        .def("__copy__", [](const py_decision& d) { return d; })
        .def("__deepcopy__", [](const py_decision& d, const py::dict&) { return d; }, "memo"_a)
        .def(py::pickle(
            [](py_decision& d) { return py::make_tuple(d.d.permit, d.d.rule, d.d.subject, d.d.consent, d.reason()); },
            [](const py::tuple& t) {
                if (t.size() != 5) raise(sfcore::errc::malformed, "a pickled Decision has five fields");
                py_decision d;
                d.d.permit = t[0].cast<bool>();
                d.d.rule = t[1].cast<sfcore::decision_rule>();
                d.d.subject = t[2].cast<sfcore::member_id>();
                d.d.consent = t[3].cast<std::uint32_t>();
                d.worded = t[4].cast<std::string>();
                return d;
            }))
        .def("__repr__", repr_fields("Decision", {"permit", "rule", "subject", "consent", "reason"}));

    py::class_<decision_batch> batch(m, "DecisionBatch",
                                     "Decisions made in bulk, in request order: a sequence of Decision, with the counts "
                                     "at hand.");
    batch.def("__len__", [](const decision_batch& b) { return b.decisions.size(); })
        .def(
            "__getitem__",
            [](const decision_batch& b, long long i) {
                const long long n = static_cast<long long>(b.decisions.size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw py::index_error("decision index out of range");
                return explained(b.ledger, b.decisions[static_cast<std::size_t>(i)]);
            },
            "index"_a)
        .def_property_readonly(
            "permitted", [](const decision_batch& b) { return std::count_if(b.decisions.begin(), b.decisions.end(), [](const auto& d) { return d.permit; }); },
            "How many were permitted.")
        .def_property_readonly(
            "permits",
            [](const decision_batch& b) {
                std::string bits(b.decisions.size(), '\0');
                for (std::size_t i = 0; i < bits.size(); ++i) bits[i] = b.decisions[i].permit ? 1 : 0;
                return py::bytes(bits);
            },
            "One byte per decision: 1 permitted, 0 refused.")
        .def("__repr__", [](const decision_batch& b) {
            const auto n = std::count_if(b.decisions.begin(), b.decisions.end(), [](const auto& d) { return d.permit; });
            return "DecisionBatch(" + std::to_string(b.decisions.size()) + " decisions, " + std::to_string(n) + " permitted)";
        });

    py::class_<sfcore::sharing_record> sh(m, "SharingRecord",
                                          "A record of sharing without consent: what, by whom, to whom, when, under which "
                                          "law, for what, approved by whom, why it was necessary, and whether the child "
                                          "and family were consulted or told (and if not, why).");
    sh.def(py::init([](subjects_arg subjects, const category_ref& what, const std::string& description,
                       const sfcore::party& discloser, const sfcore::party& recipient, const sfcore::instant& at,
                       sfcore::legal_basis basis, sfcore::s66c_purpose s66c, const std::string& requested_by,
                       const std::string& purpose, const std::string& approver, const std::string& necessity,
                       bool child_consulted, bool family_told, const std::string& not_told_reason) {
               sfcore::sharing_record r;
               r.subjects = subjects_of(std::move(subjects));
               static const sfcore::category_registry builtin;
               sfcore::category c{};
               if (PyUnicode_Check(what.obj.ptr())) c = resolve(what, builtin);
               else enum_load<sfcore::category>(what.obj, c);
               r.what = c;
               r.description = description;
               r.discloser = discloser;
               r.recipient = recipient;
               r.at = at;
               r.basis = basis;
               r.s66c = s66c;
               r.requested_by = requested_by;
               r.purpose = purpose;
               r.approver = approver;
               r.necessity = necessity;
               r.child_consulted = child_consulted;
               r.family_told = family_told;
               r.not_told_reason = not_told_reason;
               return r;
           }),
           py::kw_only(), "subjects"_a, "category"_a, "description"_a, "discloser"_a, "recipient"_a, "at"_a, "basis"_a,
           "s66c"_a = sfcore::s66c_purpose::none, "requested_by"_a = "", "purpose"_a = "", "approver"_a = "",
           "necessity"_a = "", "child_consulted"_a = false, "family_told"_a = false, "not_told_reason"_a = "")
        .def_readonly("subjects", &sfcore::sharing_record::subjects)
        .def_property_readonly("category", [](const sfcore::sharing_record& r) { return category_obj{enum_object(r.what)}; })
        .def_readonly("description", &sfcore::sharing_record::description)
        .def_readonly("discloser", &sfcore::sharing_record::discloser)
        .def_readonly("recipient", &sfcore::sharing_record::recipient)
        .def_readonly("at", &sfcore::sharing_record::at)
        .def_readonly("basis", &sfcore::sharing_record::basis)
        .def_readonly("s66c", &sfcore::sharing_record::s66c)
        .def_readonly("requested_by", &sfcore::sharing_record::requested_by)
        .def_readonly("purpose", &sfcore::sharing_record::purpose)
        .def_readonly("approver", &sfcore::sharing_record::approver)
        .def_readonly("necessity", &sfcore::sharing_record::necessity)
        .def_readonly("child_consulted", &sfcore::sharing_record::child_consulted)
        .def_readonly("family_told", &sfcore::sharing_record::family_told)
        .def_readonly("not_told_reason", &sfcore::sharing_record::not_told_reason)
        .def("__repr__", repr_fields("SharingRecord", {"subjects", "category", "discloser", "recipient", "at", "basis"}));

    py::class_<sfcore::record_result> rr(m, "RecordResult",
                                         "Whether a sharing or a declined request was recorded; when refused, what the "
                                         "record lacks. bool(result) is True when recorded.");
    rr.def_readonly("recorded", &sfcore::record_result::recorded)
        .def_readonly("missing", &sfcore::record_result::missing)
        .def("__bool__", [](const sfcore::record_result& r) { return r.recorded; })
        .def("__repr__", repr_fields("RecordResult", {"recorded", "missing"}));

    py::class_<sfcore::declined_request> dr(m, "DeclinedRequest", "A request for information that was declined, with its reasons (s66I/s66J).");
    dr.def_readonly("requester", &sfcore::declined_request::requester)
        .def_readonly("subjects", &sfcore::declined_request::subjects)
        .def_property_readonly("category", [](const sfcore::declined_request& r) { return category_obj{enum_object(r.what)}; })
        .def_readonly("basis", &sfcore::declined_request::basis)
        .def_readonly("reasons", &sfcore::declined_request::reasons)
        .def_readonly("decided_by", &sfcore::declined_request::decided_by)
        .def_readonly("at", &sfcore::declined_request::at)
        .def("__repr__", repr_fields("DeclinedRequest", {"requester", "subjects", "category", "basis", "reasons", "at"}));

    py::class_<sfcore::info_item> item(m, "InfoItem", "A piece of a family's information an agency holds, for filtered views.");
    item.def(py::init([](subjects_arg subjects, sfcore::category what, const std::string& content) {
                 return sfcore::info_item{subjects_of(std::move(subjects)), what, content};
             }),
             py::kw_only(), "subjects"_a, "category"_a, "content"_a)
        .def_readwrite("subjects", &sfcore::info_item::subjects)
        .def_property(
            "category", [](const sfcore::info_item& i) { return category_obj{enum_object(i.what)}; },
            [](sfcore::info_item& i, sfcore::category c) { i.what = c; })
        .def_readwrite("content", &sfcore::info_item::content)
        .def(
            "__eq__",
            [](const sfcore::info_item& a, const sfcore::info_item& b) {
                return a.subjects == b.subjects && a.what == b.what && a.content == b.content;
            },
            py::is_operator())
        .def("__repr__", repr_fields("InfoItem", {"subjects", "category", "content"}));

    py::class_<sfcore::notice_line> nl(m, "NoticeLine", "One line of a disclosure notice: who may receive what.");
    nl.def_readonly("recipient", &sfcore::notice_line::recipient)
        .def_property_readonly("categories",
                               [](const sfcore::notice_line& l) {
                                   category_list out;
                                   for (auto c : l.categories) out.items.push_back(enum_object(c));
                                   return out;
                               })
        .def("__repr__", repr_fields("NoticeLine", {"recipient", "categories"}));
    py::class_<sfcore::disclosure_notice> notice(m, "Notice",
                                                 "What may be shared about one member, told to the family beforehand, in "
                                                 "plain language (str(notice) is the text).");
    notice.def_readonly("member", &sfcore::disclosure_notice::member)
        .def_readonly("purpose", &sfcore::disclosure_notice::why)
        .def_readonly("lines", &sfcore::disclosure_notice::lines)
        .def_property_readonly("confidential",
                               [](const sfcore::disclosure_notice& n) {
                                   category_list out;
                                   for (auto c : n.confidential) out.items.push_back(enum_object(c));
                                   return out;
                               },
                               "What the family marked confidential.")
        .def_readonly("text", &sfcore::disclosure_notice::text)
        .def("__str__", [](const sfcore::disclosure_notice& n) { return n.text; })
        .def("__repr__", repr_fields("Notice", {"member", "purpose", "lines", "confidential"}));
}

void bind_audit(py::module_& m) {
    py::class_<sfcore::audit_entry> e(m, "AuditEntry", "One entry of the audit log (read only).");
    e.def_readonly("seq", &sfcore::audit_entry::seq, "1, 2, 3, … in order.")
        .def_readonly("at", &sfcore::audit_entry::at)
        .def_readonly("kind", &sfcore::audit_entry::kind)
        .def_readonly("actor", &sfcore::audit_entry::actor, "Who did it.")
        .def_readonly("text", &sfcore::audit_entry::text, "What, in a canonical one-line form.")
        .def_property_readonly("prev", [](const sfcore::audit_entry& x) { return hex(x.prev); }, "The hash before, in hex.")
        .def_property_readonly("hash", [](const sfcore::audit_entry& x) { return hex(x.hash); }, "SHA-256 of prev and the fields, in hex.")
        .def("__repr__", repr_fields("AuditEntry", {"seq", "at", "kind", "actor", "text"}));

    py::class_<sfcore::audit_verification> v(m, "AuditVerification",
                                             "The result of verifying a log; bool(result) is True when the chain is intact.");
    v.def_readonly("ok", &sfcore::audit_verification::ok)
        .def_readonly("first_bad", &sfcore::audit_verification::first_bad, "The first entry that does not verify (0 when ok).")
        .def_readonly("reason", &sfcore::audit_verification::reason)
        .def("__bool__", [](const sfcore::audit_verification& r) { return r.ok; })
        .def("__repr__", repr_fields("AuditVerification", {"ok", "first_bad", "reason"}));

    py::class_<sfcore::audit_log> log(m, "AuditLog",
                                      "A tamper-evident, append-only log: every entry is chained to the one before by "
                                      "SHA-256, so verify() detects any change, deletion or reordering.");
    log.def(py::init<>())
        .def("append", &sfcore::audit_log::append, "at"_a, "kind"_a, "actor"_a, "text"_a, py::return_value_policy::copy,
             "Append an entry and return it. Raises ArgumentError (an instant earlier than the last entry's, a blank actor).")
        .def("verify", &sfcore::audit_log::verify, "Recompute the chain.")
        .def("by", &sfcore::audit_log::by, "kind"_a, "actor"_a = "",
             "The entries of one kind by one actor ('' for any): the access log answers who viewed what.")
        .def("to_text", &sfcore::audit_log::to_text, "The log as text: one line an entry, hashes in hex.")
        .def_static("from_text", &sfcore::audit_log::from_text, "text"_a,
                    "Read a log saved by to_text() (the chain is not checked: call verify()). Raises StorageError (MALFORMED).")
        .def("__len__", [](const sfcore::audit_log& l) { return l.entries().size(); })
        .def(
            "__getitem__",
            [](const sfcore::audit_log& l, long long i) {
                const long long n = static_cast<long long>(l.entries().size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw py::index_error("audit entry index out of range");
                return l.entries()[static_cast<std::size_t>(i)];
            },
            "index"_a)
        .def(
            "__iter__", [](const sfcore::audit_log& l) { return py::make_iterator(l.entries().begin(), l.entries().end()); },
            py::keep_alive<0, 1>())
        .def("__repr__", [](const sfcore::audit_log& l) { return "AuditLog(" + std::to_string(l.entries().size()) + " entries)"; });
    add_archive_methods(log, [](const void* p, std::size_t n) { return sfcore::load_audit(p, n); }, "The log as an archive.",
                        "Load a log from an archive (then verify()).");
}

// decide() and check(): the hot path, called with keywords. Parsed here, not by
// pybind11's dispatcher (see fast_args); the conversions are pybind11's casters.
template <bool Record>
PyObject* decide_or_check(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    constexpr std::size_t n = Record ? 7 : 6;
    static const auto names = [] {
        if constexpr (Record)
            return interned<n>({"discloser", "subjects", "category", "recipient", "purpose", "at", "actor"});
        else
            return interned<n>({"discloser", "subjects", "category", "recipient", "purpose", "at"});
    }();
    try {
        const fast_args<n> a(Record ? "decide" : "check", names, args, nargs, kwnames);
        py::handle me(self);
        if (!py::isinstance<py_ledger>(me)) throw py::type_error("decide() and check() are methods of sfcore.Ledger");
        auto& s = me.cast<py_ledger&>();
        const auto discloser = a.template get<sfcore::party>(0);
        auto subjects = a.template get<subjects_arg>(1);
        const auto what = resolve(a.template get<category_ref>(2), s.l.categories());
        const auto recipient = a.template get<sfcore::party>(3);
        const auto why = a.template get<sfcore::purpose>(4);
        const auto at = a.template get<sfcore::instant>(5);
        sfcore::decision d;
        if constexpr (Record) {
            const std::string actor = a.template get<std::string>(6);
            d = s.l.decide({discloser, subjects_of(std::move(subjects)), what, recipient, why, at}, actor);
        } else if (const auto* one = std::get_if<sfcore::member_id>(&subjects)) {
            d = s.l.check(discloser, *one, what, recipient, why, at);  // no allocation when the day is prepared
        } else {
            d = s.l.check({discloser, subjects_of(std::move(subjects)), what, recipient, why, at});
        }
        return py::cast(explained(py::reinterpret_borrow<py::object>(self), d)).release().ptr();
    } catch (...) {
        return python_error_from_current();
    }
}

void add_fast_method(py::handle cls, PyMethodDef* def) {
    py::object descr = py::reinterpret_steal<py::object>(PyDescr_NewMethod(reinterpret_cast<PyTypeObject*>(cls.ptr()), def));
    if (!descr || PyObject_SetAttrString(cls.ptr(), def->ml_name, descr.ptr()) != 0) throw py::error_already_set();
}

void bind_ledger(py::module_& m) {
    using sfcore::disclosure_ledger;
    py::class_<py_ledger> l(
        m, "Ledger",
        "One family's consents, confidential items, necessity and sharing without consent, with every decision made on "
        "them and the audit log. Nothing about a person reaches anyone they did not agree to, unless a named law allows "
        "it and that is recorded. Every change carries its instant and is kept, so decisions can be asked for any past "
        "instant. Changes come in time order.");
    l.def(py::init([](const held<sfcore::case_file>& c, const held<sfcore::agency_directory>& d, int young, int adult,
                      const sfcore::category_registry* categories) {
              return py_ledger{disclosure_ledger(c.get(), d.get(), sfcore::consent_settings{young, adult},
                                                 categories ? *categories : sfcore::category_registry{}),
                               c.obj, d.obj};
          }),
          "case"_a, "directory"_a, py::kw_only(), "young_person_consent_age"_a = 16, "adult_age"_a = 18,
          "categories"_a = py::none(),
          "A ledger for a case's family (case: a Case; directory: an AgencyDirectory). From young_person_consent_age a "
          "young person consents for themselves; below it a parent or caregiver consents, with the child's views "
          "recorded.")
        .def(
            "sync",
            [](py_ledger& s, const held<sfcore::case_file>& c, const held<sfcore::agency_directory>& d) {
                s.l.sync(c.get(), d.get());
                s.case_obj = c.obj;
                s.directory_obj = d.obj;
            },
            "case"_a, "directory"_a, "Take in members and practitioners added to the case or directory since.")
        .def_property_readonly(
            "case", [](const py_ledger& s) { return held<sfcore::case_file>{s.case_obj}; },
            "The Case the ledger was made or last synced with.")
        .def_property_readonly(
            "directory", [](const py_ledger& s) { return held<sfcore::agency_directory>{s.directory_obj}; },
            "The AgencyDirectory the ledger was made or last synced with.")
        .def_property_readonly(
            "case_id", [](const py_ledger& s) -> sfcore::case_id { return s.case_obj.cast<const sfcore::case_file&>().id(); },
            "The id of the ledger's case.")
        .def(
            "give",
            [](py_ledger& s, sfcore::member_id subject, std::vector<sfcore::party> recipients,
               const std::vector<category_ref>& categories, const std::vector<sfcore::purpose>& purposes,
               const sfcore::date& valid_from, const sfcore::date& valid_until, const sfcore::date& signed_on,
               const std::string& form_version, const std::string& recorded_by, const sfcore::instant& at,
               std::optional<sfcore::member_id> given_by, const std::string& child_views) {
                sfcore::disclosure_consent k;
                k.subject = subject;
                k.given_by = given_by.value_or(subject);
                k.scope.recipients = std::move(recipients);
                k.scope.categories = set_of(categories, s.l.categories());
                k.scope.purposes = purpose_set_of(purposes);
                k.scope.from = valid_from;
                k.scope.until = valid_until;
                k.signed_on = signed_on;
                k.form_version = form_version;
                k.child_views = child_views;
                k.recorded_by = recorded_by;
                k.recorded_at = at;
                return s.l.give(std::move(k));
            },
            py::kw_only(), "subject"_a, "recipients"_a, "categories"_a, "purposes"_a, "valid_from"_a, "valid_until"_a,
            "signed_on"_a, "form_version"_a, "recorded_by"_a, "at"_a, "given_by"_a = py::none(), "child_views"_a = "",
            "Record a written consent and return its id. recipients: whole agencies (covering their workers) or named "
            "practitioners (covering only them). Raises ConsentError (INVALID_CONSENT) for who may give it, a missing "
            "child's view, an empty scope or a backwards period.")
        .def(
            "withdraw",
            [](py_ledger& s, sfcore::member_id subject, const std::string& recorded_by, const sfcore::instant& at,
               std::optional<sfcore::party> recipient, std::optional<category_ref> category) {
                sfcore::consent_withdrawal w;
                w.subject = subject;
                w.recipient = recipient;
                if (category) w.what = resolve(*category, s.l.categories());
                w.recorded_by = recorded_by;
                w.at = at;
                s.l.withdraw(w);
            },
            py::kw_only(), "subject"_a, "recorded_by"_a, "at"_a, "recipient"_a = py::none(), "category"_a = py::none(),
            "Withdraw consent from an instant: whole, or only for one recipient and/or one category. History is kept; "
            "later decisions deny.")
        .def(
            "mark_confidential",
            [](py_ledger& s, sfcore::member_id subject, const category_ref& category, const std::string& recorded_by,
               const sfcore::instant& at, bool confidential) {
                s.l.mark_confidential(subject, resolve(category, s.l.categories()), confidential, recorded_by, at);
            },
            py::kw_only(), "subject"_a, "category"_a, "recorded_by"_a, "at"_a, "confidential"_a = true,
            "The family marks (or, with confidential=False, unmarks) a member's information of a category as "
            "confidential: never disclosed under consent.")
        .def(
            "set_issue_areas",
            [](py_ledger& s, const std::vector<sfcore::issue_area>& areas, const std::string& recorded_by,
               const sfcore::instant& at) { s.l.set_issue_areas(areas, recorded_by, at); },
            "areas"_a, py::kw_only(), "recorded_by"_a, "at"_a,
            "Set the issue areas of the family's key issues: they decide what is necessary to share.")
        .def(
            "adjust_necessity",
            [](py_ledger& s, const category_ref& category, bool widen, const std::string& recorded_by, const sfcore::instant& at) {
                s.l.adjust_necessity(resolve(category, s.l.categories()), widen, recorded_by, at);
            },
            "category"_a, py::kw_only(), "widen"_a, "recorded_by"_a, "at"_a,
            "The family widens (True) or narrows (False) what is necessary by one category.")
        .def(
            "decide_many",
            [](py::object self, const py::sequence& requests, const std::string& actor) {
                auto& s = self.cast<py_ledger&>();
                auto rs = requests_of(requests);
                decision_batch out{std::vector<sfcore::decision>(rs.rs.size()), self};
                {
                    py::gil_scoped_release unlocked;
                    s.l.decide_many(rs.rs.data(), rs.rs.size(), actor, out.decisions.data());
                }
                return out;
            },
            "requests"_a, py::kw_only(), "actor"_a,
            "Decide many requests (a sequence of Request) in one call, recording each in the audit log, without holding "
            "the GIL (a large batch also uses a second thread). Returns a DecisionBatch in request order: the same "
            "decisions and audit log as decide() on each. A malformed request raises; the decisions before it stay "
            "recorded.")
        .def(
            "check_many",
            [](py::object self, const py::sequence& requests) {
                const auto& s = self.cast<const py_ledger&>();
                auto rs = requests_of(requests);
                decision_batch out{{}, self};
                out.decisions.reserve(rs.rs.size());
                {
                    py::gil_scoped_release unlocked;
                    for (const auto* r : rs.rs) out.decisions.push_back(s.l.check(*r));
                }
                return out;
            },
            "requests"_a, "As decide_many(), without recording.")
        .def(
            "explain", [](const py_ledger& s, const py_decision& d) { return s.l.explain(d.d); }, "decision"_a,
            "The plain-language reason for a decision.")
        .def(
            "share_without_consent",
            [](py_ledger& s, const sfcore::sharing_record& r, const std::string& actor) {
                return s.l.share_without_consent(r, actor);
            },
            "record"_a, py::kw_only(), "actor"_a,
            "Record a sharing without consent under a legal basis. An incomplete record is refused (a RecordResult "
            "naming what is missing) and nothing is recorded.")
        .def(
            "decline",
            [](py_ledger& s, const sfcore::party& requester, subjects_arg subjects, const category_ref& category,
               sfcore::legal_basis basis, std::vector<std::string> reasons, const std::string& decided_by,
               const sfcore::instant& at, const std::string& actor) {
                sfcore::declined_request d{requester, subjects_of(std::move(subjects)), resolve(category, s.l.categories()),
                                           basis, std::move(reasons), decided_by, at};
                return s.l.decline(d, actor);
            },
            py::kw_only(), "requester"_a, "subjects"_a, "category"_a, "basis"_a, "reasons"_a, "decided_by"_a, "at"_a,
            "actor"_a, "Record a declined request with its reasons (s66J). Without reasons it is refused.")
        .def(
            "view",
            [](py_ledger& s, const std::vector<sfcore::info_item>& items, const sfcore::party& recipient,
               sfcore::purpose purpose, const sfcore::instant& at, const std::string& actor) {
                return s.l.view(items, recipient, purpose, at, actor);
            },
            "items"_a, py::kw_only(), "recipient"_a, "purpose"_a, "at"_a, "actor"_a,
            "What a recipient may see of the items for a purpose at an instant: only the permitted ones, in order; "
            "nothing tells what was left out. The view is recorded in the audit log.")
        .def(
            "notice",
            [](const py_ledger& s, sfcore::member_id member, sfcore::purpose purpose, const sfcore::instant& at) {
                return s.l.notice(member, purpose, at);
            },
            "member"_a, py::kw_only(), "purpose"_a, "at"_a,
            "The disclosure notice for a member: who may receive which of their information for a purpose, in plain "
            "language, for the family to review before the meeting.")
        .def(
            "prepare", [](py_ledger& s, const sfcore::date& day) { s.l.prepare(day); }, "day"_a,
            "Compile the decision table for one New Zealand day: decisions that day (after the last change) become one "
            "lookup. Call it again after changes.")
        .def(
            "prepared_for", [](const py_ledger& s, const sfcore::instant& at) { return s.l.prepared_for(at); }, "at"_a,
            "True when a decision at this instant is answered from the prepared table.")
        .def_property_readonly(
            "categories", [](const py_ledger& s) { return s.l.categories(); }, "The information categories in use (a copy).")
        .def_property_readonly(
            "consents", [](const py_ledger& s) { return s.l.consents(); }, "Every consent, in the order given.")
        .def_property_readonly("withdrawals", [](const py_ledger& s) { return s.l.withdrawals(); })
        .def_property_readonly(
            "sharings", [](const py_ledger& s) { return s.l.sharings(); }, "Every sharing without consent.")
        .def_property_readonly(
            "declined", [](const py_ledger& s) { return s.l.declined(); }, "Every declined request.")
        .def_property_readonly(
            "audit", [](const py_ledger& s) { return s.l.audit(); }, "The audit log (a copy).")
        .def(
            "necessary_at", [](const py_ledger& s, const sfcore::instant& at) { return categories_of(s.l.necessary_at(at)); },
            "at"_a, "The categories necessary at an instant.")
        .def(
            "confidential_at",
            [](const py_ledger& s, sfcore::member_id mem, const sfcore::instant& at) {
                return categories_of(s.l.confidential_at(mem, at));
            },
            "member"_a, "at"_a, "The categories of a member marked confidential at an instant.")
        .def(
            "to_bytes",
            [](const py_ledger& s, sfcore::archive_encoding e) { return to_py_bytes(sfcore::save_archive(s.l, e)); },
            "encoding"_a = sfcore::archive_encoding::binary,
            "The ledger as an archive: settings, categories, records and the audit log.")
        .def_static(
            "from_bytes",
            [](const py::buffer& b, const held<sfcore::case_file>& c, const held<sfcore::agency_directory>& d) {
                auto v = bytes_of(b);
                return py_ledger{sfcore::load_ledger(v.data(), v.size(), c.get(), d.get()), c.obj, d.obj};
            },
            "data"_a, "case"_a, "directory"_a,
            "Load a ledger for a case and directory; every record is checked again. Raises StorageError for a damaged "
            "archive.")
        .def(py::pickle(
            [](const py_ledger& s) { return py::make_tuple(to_py_bytes(sfcore::save_archive(s.l)), s.case_obj, s.directory_obj); },
            [](const py::tuple& t) {
                if (t.size() != 3) raise(sfcore::errc::malformed, "a pickled Ledger is (archive, case, directory)");
                const std::string b = t[0].cast<py::bytes>();
                return py_ledger{sfcore::load_ledger(b.data(), b.size(), t[1].cast<const sfcore::case_file&>(),
                                                     t[2].cast<const sfcore::agency_directory&>()),
                                 t[1], t[2]};
            }))
        .def("__repr__", [](const py_ledger& s) {
            return "Ledger(case_id=" + std::to_string(s.case_obj.cast<const sfcore::case_file&>().id().value()) +
                   ", consents=" + std::to_string(s.l.consents().size()) + ", sharings=" +
                   std::to_string(s.l.sharings().size()) + ", audit=" + std::to_string(s.l.audit().entries().size()) +
                   " entries)";
        });

    static PyMethodDef decide_def{
        "decide", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(&decide_or_check<true>)),
        METH_FASTCALL | METH_KEYWORDS,
        "decide(self: Ledger, discloser: Party, subjects: Union[int, List[int]], category: Category | int | str, "
        "recipient: Party, purpose: Purpose, at: datetime.datetime, actor: str) -> Decision\n\n"
        "Decide a request and record the decision in the audit log. subjects: one member id or a list (every one "
        "must consent; deny overrides). A refusal is a returned Decision; a malformed request (an unknown member, a "
        "family member as recipient) raises DisclosureError or ArgumentError."};
    static PyMethodDef check_def{
        "check", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(&decide_or_check<false>)),
        METH_FASTCALL | METH_KEYWORDS,
        "check(self: Ledger, discloser: Party, subjects: Union[int, List[int]], category: Category | int | str, "
        "recipient: Party, purpose: Purpose, at: datetime.datetime) -> Decision\n\n"
        "As decide(), without recording (to preview, or to ask about a past instant: time travel)."};
    add_fast_method(l, &decide_def);
    add_fast_method(l, &check_def);
}

} // namespace

void bind_disclosure(py::module_& m) {
    bind_categories(m);
    bind_records(m);
    bind_audit(m);
    bind_ledger(m);
}

} // namespace sfcore_py
