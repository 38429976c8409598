// sfcore._core: the pybind11 bindings. The package sfcore re-exports it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cctype>
#include <map>
#include <string>

#include "sfcore/sfcore.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

// Python enumerator names are the C++ identifiers in capitals.
std::string upper(const char* s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
}

template <class E>
py::enum_<E> bind_enum(py::module_& m, const char* name, const char* doc) {
    py::enum_<E> e(m, name, doc);
    for (const auto& row : sfcore::detail::table_of<E>::rows) e.value(upper(row.name).c_str(), row.value, row.label);
    e.def_property_readonly("label", [](E v) { return sfcore::label(v); }, "The plain-language label.");
    return e;
}

py::object datetime_module() { return py::module_::import("datetime"); }

sfcore::date to_date(const py::handle& obj, const char* what) {
    auto dt = datetime_module();
    if (!py::isinstance(obj, dt.attr("date")) || py::isinstance(obj, dt.attr("datetime")))
        throw py::type_error(std::string(what) + " must be a datetime.date");
    return sfcore::make_date(obj.attr("year").cast<int>(), obj.attr("month").cast<int>(), obj.attr("day").cast<int>());
}

py::object from_date(const sfcore::date& d) {
    const auto ymd = d.year_month_day();
    return datetime_module().attr("date")(static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                                          static_cast<int>(ymd.day));
}

sfcore::instant to_instant(const py::handle& obj, const char* what) {
    if (!py::isinstance(obj, datetime_module().attr("datetime")))
        throw py::type_error(std::string(what) + " must be a datetime.datetime");
    if (obj.attr("utcoffset")().is_none())
        throw sfcore::error(sfcore::errc::invalid_argument,
                            std::string(what) + " must be timezone-aware (a naive datetime has no instant)");
    const double ts = obj.attr("timestamp")().cast<double>();
    if (!(ts > -1e12 && ts < 1e12)) throw sfcore::error(sfcore::errc::out_of_range, std::string(what) + " is out of range");
    return sfcore::instant_from_unix(static_cast<std::int64_t>(ts));
}

py::object from_instant(const sfcore::instant& t) {
    static py::object tz = py::module_::import("zoneinfo").attr("ZoneInfo")("Pacific/Auckland");
    return datetime_module().attr("datetime").attr("fromtimestamp")(sfcore::to_unix(t), tz);
}

// Exception classes, one per error family, made from the family table.
std::map<int, py::object>& family_classes() {
    static std::map<int, py::object> classes;
    return classes;
}

void register_errors(py::module_& m) {
    py::enum_<sfcore::errc> codes(m, "ErrorCode", "Stable error codes; the hundreds digit is the family.");
    for (const auto& row : sfcore::error_table) codes.value(upper(row.name).c_str(), row.code, row.text);

    auto builtins = py::module_::import("builtins");
    py::object base = py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc("sfcore.SfcoreError", "The root of every sfcore exception; .code is an ErrorCode.",
                                  PyExc_Exception, nullptr));
    m.attr("SfcoreError") = base;
    for (const auto& fam : sfcore::error_family_table) {
        py::tuple bases = py::make_tuple(base, builtins.attr(fam.python_base));
        const std::string qual = std::string("sfcore.") + fam.python_name;
        py::object cls = py::reinterpret_steal<py::object>(
            PyErr_NewExceptionWithDoc(qual.c_str(), fam.text, bases.ptr(), nullptr));
        m.attr(fam.python_name) = cls;
        family_classes()[static_cast<int>(fam.family)] = cls;
    }

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const sfcore::error& e) {
            auto it = family_classes().find(static_cast<int>(e.family()));
            py::object cls = it != family_classes().end() ? it->second : family_classes().begin()->second;
            py::object exc = cls(e.what());
            exc.attr("code") = py::cast(e.code());
            PyErr_SetObject(cls.ptr(), exc.ptr());
        }
    });
}

std::string repr_text(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

} // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "sfcore: the Strengthening Families lifecycle and consent-gated disclosure (compiled core).";
    m.attr("__version__") = sfcore::version_string;
    m.attr("VERSION_NUMBER") = sfcore::version_number;

    register_errors(m);

    bind_enum<sfcore::referral_source>(m, "ReferralSource", "Who referred a family.");
    bind_enum<sfcore::programme>(m, "Programme", "The programme a case belongs to.");
    bind_enum<sfcore::agency_kind>(m, "AgencyKind", "Kinds of agency.");
    bind_enum<sfcore::state>(m, "State", "Where a case is in its lifecycle.");
    bind_enum<sfcore::event_type>(m, "EventType", "The kinds of event a case's journal records.");

    py::class_<sfcore::agency>(m, "Agency", "An agency in the directory.")
        .def_property_readonly("id", [](const sfcore::agency& a) { return a.id.value(); })
        .def_readonly("name", &sfcore::agency::name)
        .def_readonly("kind", &sfcore::agency::kind)
        .def("__repr__", [](const sfcore::agency& a) {
            return "Agency(id=" + std::to_string(a.id.value()) + ", name=" + repr_text(a.name) +
                   ", kind=AgencyKind." + upper(sfcore::to_string(a.kind)) + ")";
        });

    py::class_<sfcore::agency_directory>(m, "AgencyDirectory",
                                         "The agencies a case may name. A new directory holds MSD and the eleven "
                                         "other government agencies of Strengthening Families.")
        .def(py::init<>())
        .def(
            "add",
            [](sfcore::agency_directory& d, const std::string& name, sfcore::agency_kind kind) {
                return d.add(name, kind).value();
            },
            "name"_a, "kind"_a, "Add an agency; returns its id. Raises ArgumentError for a blank or taken name.")
        .def(
            "find",
            [](const sfcore::agency_directory& d, const std::string& name) {
                auto id = d.find_by_name(name);
                if (!id) throw sfcore::error(sfcore::errc::not_found, "no agency named \"" + name + "\"");
                return id->value();
            },
            "name"_a, "The id of the agency with this exact name. Raises ArgumentError (NOT_FOUND) if none.")
        .def(
            "__getitem__",
            [](const sfcore::agency_directory& d, std::uint32_t id) { return d.at(sfcore::agency_id{id}); },
            "agency_id"_a, "The agency with an id. Raises ArgumentError (NOT_FOUND) if none.")
        .def("__len__", [](const sfcore::agency_directory& d) { return d.all().size(); })
        .def(
            "__iter__", [](const sfcore::agency_directory& d) { return py::make_iterator(d.all().begin(), d.all().end()); },
            py::keep_alive<0, 1>())
        .def("__repr__", [](const sfcore::agency_directory& d) {
            return "AgencyDirectory(" + std::to_string(d.all().size()) + " agencies)";
        });

    py::class_<sfcore::referral>(m, "Referral", "A referral of a family to a programme.")
        .def(py::init([](sfcore::referral_source source, const py::object& received, const std::string& family_name,
                         std::optional<std::uint32_t> agency, const std::string& practitioner,
                         std::vector<std::string> reasons, sfcore::programme programme) {
                 sfcore::referral r;
                 r.source = source;
                 r.received = to_date(received, "received");
                 r.family_name = sfcore::checked_nonblank_utf8(family_name, "family name");
                 if (agency) r.agency = sfcore::agency_id{*agency};
                 r.practitioner = practitioner;
                 r.reasons = std::move(reasons);
                 r.programme = programme;
                 return r;
             }),
             py::kw_only(), "source"_a, "received"_a, "family_name"_a, "agency"_a = py::none(), "practitioner"_a = "",
             "reasons"_a = std::vector<std::string>{}, "programme"_a = sfcore::programme::strengthening_families)
        .def_readonly("source", &sfcore::referral::source)
        .def_property_readonly("received", [](const sfcore::referral& r) { return from_date(r.received); })
        .def_readonly("family_name", &sfcore::referral::family_name)
        .def_property_readonly("agency",
                               [](const sfcore::referral& r) -> std::optional<std::uint32_t> {
                                   if (r.agency) return r.agency->value();
                                   return std::nullopt;
                               })
        .def_readonly("practitioner", &sfcore::referral::practitioner)
        .def_readonly("reasons", &sfcore::referral::reasons)
        .def_readonly("programme", &sfcore::referral::programme)
        .def("__repr__", [](const sfcore::referral& r) {
            return "Referral(source=ReferralSource." + upper(sfcore::to_string(r.source)) +
                   ", received=" + py::repr(from_date(r.received)).cast<std::string>() +
                   ", family_name=" + repr_text(r.family_name) + ")";
        });

    py::class_<sfcore::event>(m, "Event", "One entry of a case's journal.")
        .def_property_readonly("type", &sfcore::event::type)
        .def_property_readonly("when", [](const sfcore::event& e) { return from_instant(e.when); })
        .def_readonly("who", &sfcore::event::who)
        .def("__repr__", [](const sfcore::event& e) {
            return "Event(type=EventType." + upper(sfcore::to_string(e.type())) +
                   ", when=" + py::repr(from_instant(e.when)).cast<std::string>() + ", who=" + repr_text(e.who) + ")";
        });

    py::class_<sfcore::case_file>(m, "Case", "A case: one family's journey through a programme.")
        .def_static(
            "open",
            [](std::uint64_t case_id, const sfcore::agency_directory& directory, const sfcore::referral& referral,
               const std::string& recorded_by, const py::object& recorded_at) {
                return sfcore::case_file::open(sfcore::case_id{case_id}, directory, referral, recorded_by,
                                               to_instant(recorded_at, "recorded_at"));
            },
            py::kw_only(), "case_id"_a, "directory"_a, "referral"_a, "recorded_by"_a, "recorded_at"_a,
            "Open a case from a referral. recorded_at must be a timezone-aware datetime.")
        .def_property_readonly("id", [](const sfcore::case_file& c) { return c.id().value(); })
        .def_property_readonly("state", &sfcore::case_file::state)
        .def_property_readonly("programme", &sfcore::case_file::programme)
        .def_property_readonly("referral", &sfcore::case_file::referral)
        .def_property_readonly("journal", &sfcore::case_file::journal)
        .def("__eq__", [](const sfcore::case_file& a, const sfcore::case_file& b) { return a == b; })
        .def("__repr__", [](const sfcore::case_file& c) {
            return "Case(id=" + std::to_string(c.id().value()) + ", state=State." + upper(sfcore::to_string(c.state())) +
                   ", family=" + repr_text(c.referral().family_name) + ")";
        });
}
