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

#include "bind_fields.hpp"

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

#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc, since, old_prefix, old_count) make_enum<sfcore::cxx>(m, doc);
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
    m.def(
        "_enumerations",
        [] {
            py::list out;
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc, since, old_prefix, old_count) \
    out.append(py::make_tuple(python, number, #cxx, c_prefix, values));
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
            return out;
        },
        "The rows of sfcore/def/enumerations.def: (Python name, sf_enumeration number, C++ name, C value prefix, values "
        "table), for the tests.");
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
    sfcore_py::bind_remaining_payloads(m);
    sfcore_py::bind_case_record(case_class);
}
