// sfcore._core: the pybind11 bindings. The package sfcore re-exports it.
//
// The parts: this file (enumerations, errors, the module), bind_directory.cpp
// (directory, referral), bind_events.cpp (the model, the events' payloads),
// bind_case.cpp (the lifecycle, calendar, timeliness, reports),
// bind_disclosure.cpp (consent to share, decisions, sharing without consent,
// notices, views), bind_store.cpp (the journal's integrity, archives and the
// store) and bind_analysis.cpp (the
// analysts' tables).
#include <map>

#include "bind.hpp"

namespace sfcore_py {

namespace {

std::map<int, py::object>& family_classes() {
    static auto* classes = new std::map<int, py::object>();  // lives as long as the interpreter
    return *classes;
}

} // namespace

py::handle exception_class(sfcore::error_family f) {
    auto& classes = family_classes();
    auto it = classes.find(static_cast<int>(f));
    return it != classes.end() ? it->second : classes.at(static_cast<int>(sfcore::error_family::internal));
}

void raise(sfcore::errc code, const std::string& detail) { throw sfcore::error(code, detail); }

// The Python exception of an sfcore error: its family's class, its text, and .code.
py::object python_error_object(const sfcore::error& e) {
    py::object exc = exception_class(e.family())(e.what());
    exc.attr("code") = enum_object(e.code());
    return exc;
}

void set_python_error(const sfcore::error& e) {
    py::object exc = python_error_object(e);
    PyErr_SetObject(exception_class(e.family()).ptr(), exc.ptr());
}

PyObject* python_error_from_current() {
    try {
        throw;
    } catch (py::error_already_set& e) {
        e.restore();
    } catch (const py::builtin_exception& e) {
        e.set_error();
    } catch (const sfcore::error& e) {
        set_python_error(e);
    } catch (const std::bad_alloc&) {
        PyErr_NoMemory();
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
    } catch (...) {
        PyErr_SetString(PyExc_RuntimeError, "unknown C++ exception");
    }
    return nullptr;
}

void bind_enums_and_errors(py::module_& m) {
    make_enum<sfcore::errc>(m, "Stable error codes; the hundreds digit is the family (SfcoreError.code).");

    auto builtins = py::module_::import("builtins");
    py::object base = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
        "sfcore.SfcoreError",
        "The root of every sfcore exception. .code is an ErrorCode; str() reads "
        "'[sfcore.error.NNN] meaning: detail'. A refusal by a rule is a returned value, never an exception.",
        PyExc_Exception, nullptr));
    m.attr("SfcoreError") = base;
    for (const auto& fam : sfcore::error_family_table) {
        py::tuple bases = py::make_tuple(base, builtins.attr(fam.python_base));
        const std::string qual = std::string("sfcore.") + fam.python_name;
        const std::string doc = std::string("sfcore errors of the ") + fam.name + " family (codes " +
                                std::to_string(static_cast<int>(fam.family)) + "xx): " + fam.text + ".";
        py::object cls = py::reinterpret_steal<py::object>(
            PyErr_NewExceptionWithDoc(qual.c_str(), doc.c_str(), bases.ptr(), nullptr));
        m.attr(fam.python_name) = cls;
        family_classes()[static_cast<int>(fam.family)] = cls;
    }

    m.def(
        "_error", [](sfcore::errc code, const std::string& detail) { return python_error_object(sfcore::error(code, detail)); },
        py::arg("code"), py::arg("detail"), "The exception sfcore raises for an error code and a detail (for the package's own modules).");

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const sfcore::error& e) {
            set_python_error(e);
        }
    });

    make_enum<sfcore::referral_source>(m, "Who referred a family: an agency, or the family itself.");
    make_enum<sfcore::programme>(m, "The programme a case belongs to.");
    make_enum<sfcore::agency_kind>(m, "Kinds of agency in the directory.");
    make_enum<sfcore::state>(m, "Where a case is in its lifecycle.");
    make_enum<sfcore::event_type>(m, "The kinds of event a case's journal records.");
    make_enum<sfcore::member_role>(m, "A family member's role.");
    make_enum<sfcore::support_type>(m, "Kinds of support agencies provide.");
    make_enum<sfcore::exit_reason>(m, "Why a case closed.");
    make_enum<sfcore::action_status>(m, "The status of an action in a plan.");
    make_enum<sfcore::meeting_kind>(m, "Kinds of meeting: the initial interagency meeting or a review.");
    make_enum<sfcore::party_kind>(m, "Who a party is: a family member, a whole agency or a named practitioner.");
    make_enum<sfcore::guard>(m, "The named guards of the lifecycle's transition table.");
    make_enum<sfcore::overdue_kind>(m, "What is overdue in a case.");
    make_enum<sfcore::category>(
        m, "The built-in information categories (a case may register more, numbered after them).");
    make_enum<sfcore::purpose>(m, "Why information is shared.");
    make_enum<sfcore::issue_area>(m, "Areas a family's key issues fall in (they decide what is necessary to share).");
    make_enum<sfcore::decision_rule>(m, "The rule that decided a disclosure.");
    make_enum<sfcore::legal_basis>(m, "Legal bases for sharing without consent.");
    make_enum<sfcore::s66c_purpose>(m, "The six purposes of Oranga Tamariki Act s66C.");
    make_enum<sfcore::s66_requester>(m, "Who may ask for information under Oranga Tamariki Act s66.");
    make_enum<sfcore::outcome_area>(m, "The outcomes Strengthening Families works toward; a plan's actions name the ones they serve.");
    make_enum<sfcore::working_day_rule>(m, "A definition of working day, each from a law (working_day_rule_source() names it): "
                                           "the practice timeframes count PUBLIC_HOLIDAYS, Privacy Act requests PRIVACY_ACT.");
    make_enum<sfcore::event_kind>(m, "What an event is about: the lifecycle, what governs sharing, or an access record.");
    make_enum<sfcore::archive_encoding>(m, "How an archive's payload is encoded: binary for storage, text to inspect.");
    make_enum<sfcore::archive_content>(m, "What an archive holds.");
}

} // namespace sfcore_py

PYBIND11_MODULE(_core, m) {
    m.doc() = "sfcore: the Strengthening Families lifecycle and consent-gated disclosure (compiled core).";
    m.attr("__version__") = sfcore::version_string;
    m.attr("VERSION_NUMBER") = sfcore::version_number;

    sfcore_py::bind_enums_and_errors(m);
    auto case_class = sfcore_py::bind_case(m);
    sfcore_py::bind_disclosure(m, case_class);
    sfcore_py::bind_store(m, case_class);
    sfcore_py::bind_fhir(m, case_class);
    sfcore_py::bind_persons(m, case_class);
    sfcore_py::bind_analysis(m);
}
