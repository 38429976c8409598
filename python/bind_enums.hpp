// Every enumeration as a Python enum.IntEnum made from the same table the
// C++ enum and the C ABI read; an argument takes a member, its int value or
// its name ("plan_active" or "PLAN_ACTIVE"). A part of bind.hpp.
#pragma once

#include <pybind11/pybind11.h>

#include <cctype>
#include <string>
#include <type_traits>
#include <vector>

#include "sfcore/sfcore.hpp"

namespace sfcore_py {

namespace py = pybind11;

/// Python enumerator names are the C++ identifiers in capitals.
inline std::string upper(const char* s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
}

// ---- enumerations --------------------------------------------------------

/// The Python name and rows of an enumeration that has a table.
template <class E, class = void>
struct enum_info : std::false_type {};

template <class E>
struct enum_info<E, std::void_t<decltype(sfcore::detail::table_of<E>::rows)>> : std::true_type {
    static std::vector<std::pair<std::string, long long>> rows() {
        std::vector<std::pair<std::string, long long>> out;
        for (const auto& r : sfcore::detail::table_of<E>::rows) out.emplace_back(r.name, static_cast<long long>(r.value));
        return out;
    }
    static const char* label(long long v) { return sfcore::label(static_cast<E>(v)); }
    static E from_int(long long v) { return sfcore::enum_from_int<E>(v); }
    static E from_name(const std::string& s) { return sfcore::enum_from_string<E>(s); }
};

template <>
struct enum_info<sfcore::errc> : std::true_type {
    static std::vector<std::pair<std::string, long long>> rows() {
        std::vector<std::pair<std::string, long long>> out{{"ok", 0}};
        for (const auto& r : sfcore::error_table) out.emplace_back(r.name, static_cast<long long>(r.code));
        return out;
    }
    static const char* label(long long v) {
        const auto* row = sfcore::find_error(static_cast<sfcore::errc>(v));
        return row ? row->text : "no error";
    }
    static sfcore::errc from_int(long long v) {
        if (v == 0) return sfcore::errc::ok;
        const auto* row = sfcore::find_error(static_cast<sfcore::errc>(v));
        if (!row) throw sfcore::error(sfcore::errc::invalid_argument, "unknown error code " + std::to_string(v));
        return row->code;
    }
    static sfcore::errc from_name(const std::string& s) {
        for (const auto& r : sfcore::error_table)
            if (s == r.name) return r.code;
        throw sfcore::error(sfcore::errc::invalid_argument, "unknown error code \"" + s + "\"");
    }
};

/// Enumerations without a def table: their rows, listed here.
template <class E>
struct listed_enum : std::true_type {
    static std::vector<std::pair<std::string, long long>> rows();
    static const char* label(long long v);
    static E from_int(long long v) {
        for (const auto& [n, x] : rows())
            if (x == v) return static_cast<E>(v);
        throw sfcore::error(sfcore::errc::invalid_argument, "unknown value " + std::to_string(v));
    }
    static E from_name(const std::string& s) {
        for (const auto& [n, x] : rows())
            if (n == s) return static_cast<E>(x);
        throw sfcore::error(sfcore::errc::invalid_argument, "unknown name \"" + s + "\"");
    }
};
template <>
inline std::vector<std::pair<std::string, long long>> listed_enum<sfcore::archive_encoding>::rows() {
    return {{"binary", 1}, {"text", 2}};
}
template <>
inline const char* listed_enum<sfcore::archive_encoding>::label(long long v) {
    return v == 1 ? "compact binary, for storage" : "text, for inspection";
}
template <>
inline std::vector<std::pair<std::string, long long>> listed_enum<sfcore::archive_content>::rows() {
    return {{"case_journal", 1}, {"ledger", 2}, {"audit", 3}, {"directory", 4}};
}
template <>
inline const char* listed_enum<sfcore::archive_content>::label(long long v) {
    switch (v) {
    case 1: return "a case: its id and journal";
    case 2: return "a disclosure ledger of sfcore 0.1 (read by upgrade_v1)";
    case 3: return "an audit log of sfcore 0.1 (no longer read)";
    default: return "an agency directory";
    }
}
template <>
struct enum_info<sfcore::archive_encoding> : listed_enum<sfcore::archive_encoding> {};
template <>
struct enum_info<sfcore::archive_content> : listed_enum<sfcore::archive_content> {};

/// The Python class of each enumeration and its members by value, once made.
template <class E>
struct enum_class {
    static inline PyObject* cls = nullptr;
    static inline std::vector<PyObject*> members;  // by value; nullptr where no member
};

/// The Python class name of each enumeration (the signatures and stubs use it): sfcore/def/enumerations.def's, and three more.
template <class E>
struct enum_name;
#define SFCORE_PY_ENUM_NAME(E, N)                                                  \
    template <>                                                                    \
    struct enum_name<E> {                                                          \
        static constexpr auto name = pybind11::detail::const_name(N);              \
        static constexpr const char* text = N;                                     \
    };
SFCORE_PY_ENUM_NAME(sfcore::errc, "ErrorCode")
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc, since, old_prefix, old_count) SFCORE_PY_ENUM_NAME(sfcore::cxx, python)
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
SFCORE_PY_ENUM_NAME(sfcore::archive_encoding, "ArchiveEncoding")
SFCORE_PY_ENUM_NAME(sfcore::archive_content, "ArchiveContent")
#undef SFCORE_PY_ENUM_NAME

/// Make the enum.IntEnum for E from its table and put it in the module.
template <class E>
py::object make_enum(py::module_& m, const std::string& doc) {
    using info = enum_info<E>;
    const char* name = enum_name<E>::text;
    py::list members;
    std::string text = doc + "\n\nMembers (value: label):\n";
    long long top = 0;
    for (const auto& [n, v] : info::rows()) {
        members.append(py::make_tuple(upper(n.c_str()), v));
        text += "\n- " + upper(n.c_str()) + " = " + std::to_string(v) + ": " + info::label(v);
        top = std::max(top, v);
    }
    py::object cls = py::module_::import("enum").attr("IntEnum")(name, members, py::arg("module") = "sfcore",
                                                                 py::arg("qualname") = name);
    cls.attr("__doc__") = text;
    py::object property = py::module_::import("builtins").attr("property");
    cls.attr("label") = property(
        py::cpp_function([](long long v) -> std::string { return info::label(v); }), py::none(), py::none(),
        "The plain-language label, e.g. 'plan active'.");
    m.attr(name) = cls;
    enum_class<E>::cls = cls.inc_ref().ptr();
    enum_class<E>::members.assign(static_cast<std::size_t>(top) + 1, nullptr);
    for (const auto& [n, v] : info::rows())
        enum_class<E>::members[static_cast<std::size_t>(v)] = py::object(cls.attr(upper(n.c_str()).c_str())).release().ptr();
    return cls;
}

/// The member of an enumeration as a Python object (an int for a caller's own category).
template <class E>
py::object enum_object(E v) {
    const auto i = static_cast<std::size_t>(v);
    const auto& ms = enum_class<E>::members;
    if (i < ms.size() && ms[i]) return py::reinterpret_borrow<py::object>(ms[i]);
    return py::int_(static_cast<long long>(v));
}

/// An enumeration from a Python member, int or name.
template <class E>
bool enum_load(py::handle src, E& out) {
    using info = enum_info<E>;
    if (!src || PyBool_Check(src.ptr())) return false;
    PyObject* cls = enum_class<E>::cls;
    if (cls && PyObject_IsInstance(src.ptr(), cls) == 1) {
        out = static_cast<E>(PyLong_AsLongLong(src.ptr()));
        return true;
    }
    static PyObject* enum_base = py::object(py::module_::import("enum").attr("Enum")).release().ptr();
    if (PyObject_IsInstance(src.ptr(), enum_base) == 1) return false;  // another enumeration's member
    if (PyLong_Check(src.ptr())) {
        const long long v = PyLong_AsLongLong(src.ptr());
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            throw sfcore::error(sfcore::errc::invalid_argument,
                                std::string("an ") + enum_name<E>::text + " value is out of range");
        }
        if constexpr (std::is_same_v<E, sfcore::category>) {
            // A caller's own categories follow the built-in ones; the ledger checks them.
            if (v >= 0 && v < static_cast<long long>(sfcore::category_registry::capacity)) {
                out = static_cast<E>(v);
                return true;
            }
        }
        out = info::from_int(v);
        return true;
    }
    if (PyUnicode_Check(src.ptr())) {
        std::string s = src.cast<std::string>();
        for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        out = info::from_name(s);
        return true;
    }
    return false;
}

} // namespace sfcore_py
