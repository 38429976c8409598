// What every part of sfcore._core shares: how sfcore's values cross into
// Python and back.
//
// - A date is a datetime.date; an instant is an aware datetime.datetime
//   (any zone in; Pacific/Auckland out). A naive datetime is refused: it
//   names no instant.
// - An id (member, agency, practitioner, meeting, action, case) is an int.
// - Every enumeration is a Python enum.IntEnum made from the same table the
//   C++ enum and the C ABI read. An argument takes a member, its int value or
//   its name ("plan_active" or "PLAN_ACTIVE").
//
// The enumerations are bind_enums.hpp's, the dates and instants bind_time.hpp's.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "sfcore/sfcore.hpp"

#include "bind_enums.hpp"
#include "bind_time.hpp"

namespace sfcore_py {

namespace py = pybind11;

/// repr() of a str, for __repr__ texts.
inline std::string repr_text(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

/// repr() of any value Python can take.
template <class T>
std::string repr_of(const T& v) {
    return py::repr(py::cast(v)).template cast<std::string>();
}

// ---- the hot paths' own casts -------------------------------------------------

// pybind11 finds a class's type_info by hashing its std::type_index (its
// mangled name) on every cast, which costs more than a decision. The hot
// paths (Case.decide/check, the bulk calls) look each class up once.

/// The pybind11 type_info of a bound class, found once.
template <class T>
const py::detail::type_info* bound_type() {
    static const py::detail::type_info* t = py::detail::get_type_info(typeid(T), true);
    return t;
}

/// The C++ object of a bound class's instance (or of a subclass's), or nullptr for anything else.
template <class T>
T* unwrap(py::handle h) {
    const py::detail::type_info* t = bound_type<T>();
    PyTypeObject* type = Py_TYPE(h.ptr());
    if (type != t->type && PyType_IsSubtype(type, t->type) == 0) return nullptr;
    auto v_h = reinterpret_cast<py::detail::instance*>(h.ptr())->get_value_and_holder(t, false);
    if (!v_h) return nullptr;
    return static_cast<T*>(v_h.value_ptr());  // nullptr for an instance never initialised
}

/// A new Python instance of a bound class holding @p v (moved in).
template <class T>
py::object wrap(T&& v) {
    using V = std::decay_t<T>;
    V moved(std::forward<T>(v));
    return py::reinterpret_steal<py::object>(py::detail::type_caster_generic::cast(
        &moved, py::return_value_policy::move, py::handle(), bound_type<V>(), nullptr,
        [](const void* p) -> void* { return new V(std::move(*const_cast<V*>(static_cast<const V*>(p)))); }));
}

// ---- shared bindings -------------------------------------------------------

/// Raise the Python exception for an error code.
[[noreturn]] void raise(sfcore::errc code, const std::string& detail);

/// A Python Case: a case shared by every Python thread that holds it (reads
/// and decisions run side by side; a change takes it to itself).
using case_ptr = std::shared_ptr<sfcore::shared_case>;
using case_class = py::class_<sfcore::shared_case, case_ptr>;

/// A new Python Case holding a case.
inline case_ptr make_case(sfcore::case_file c) { return std::make_shared<sfcore::shared_case>(std::move(c)); }

/// A read of a Case as a Python method: f(const case_file&) under the case's
/// shared lock; its result (a value, copied out) is converted after.
template <class F>
auto reading(F f) {
    return [f](const sfcore::shared_case& s) { return s.read([&](const sfcore::case_file& c) { return f(c); }); };
}

/// A Python Store: a case store that can be closed (and used as a context
/// manager). Its calls take turns, without holding the GIL while they wait
/// or work; a closed store raises StorageError (CLOSED), also for a call
/// that was waiting when another thread closed it.
struct py_store {
    std::unique_ptr<std::mutex> lock = std::make_unique<std::mutex>();
    std::unique_ptr<sfcore::case_store> store;
    std::string path;

    /// Run f(case_store&) with the store held and the GIL released.
    template <class F>
    auto with(F&& f) const {
        py::gil_scoped_release unlocked;
        std::lock_guard<std::mutex> held(*lock);
        if (!store) raise(sfcore::errc::closed, "the store " + path + " is closed");
        return std::forward<F>(f)(*store);
    }
    void close() {
        py::gil_scoped_release unlocked;
        std::lock_guard<std::mutex> held(*lock);
        store.reset();
    }
};

// ---- exceptions -------------------------------------------------------------

/// The Python exception class for an sfcore error family.
py::handle exception_class(sfcore::error_family f);


/// Set the Python exception for an sfcore error (as the module's translator does).
void set_python_error(const sfcore::error& e);

/// In a catch block: set the Python exception for the exception in flight, and return nullptr.
PyObject* python_error_from_current();

/// Keyword arguments of a METH_FASTCALL | METH_KEYWORDS method, matched to names
/// (pybind11 2.10 copies the keyword dict and deletes each name it uses, which
/// costs more than a whole decision; the hot methods parse their own).
template <std::size_t N>
class fast_args {
public:
    fast_args(const char* function, const std::array<PyObject*, N>& names, PyObject* const* args, Py_ssize_t nargs,
              PyObject* kwnames) {
        if (nargs > static_cast<Py_ssize_t>(N))
            throw py::type_error(std::string(function) + "() takes at most " + std::to_string(N) + " arguments");
        for (Py_ssize_t i = 0; i < nargs; ++i) values_[static_cast<std::size_t>(i)] = args[i];
        const Py_ssize_t nk = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
        for (Py_ssize_t k = 0; k < nk; ++k) {
            PyObject* key = PyTuple_GET_ITEM(kwnames, k);
            std::size_t at = N;
            for (std::size_t i = 0; i < N && at == N; ++i)
                if (key == names[i]) at = i;  // interned: the usual case
            for (std::size_t i = 0; i < N && at == N; ++i)
                if (PyUnicode_Compare(key, names[i]) == 0) at = i;
            if (at == N)
                throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" +
                                     py::str(key).cast<std::string>() + "'");
            if (values_[at])
                throw py::type_error(std::string(function) + "() got multiple values for argument '" +
                                     py::str(names[at]).cast<std::string>() + "'");
            values_[at] = args[nargs + k];
        }
        for (std::size_t i = 0; i < N; ++i)
            if (!values_[i])
                throw py::type_error(std::string(function) + "() missing required argument '" +
                                     py::str(names[i]).cast<std::string>() + "'");
        function_ = function;
        names_ = &names;
    }

    /// Argument i as a T (pybind11's caster, so the same conversions as everywhere else).
    template <class T>
    T get(std::size_t i) const {
        py::detail::make_caster<T> c;
        if (!c.load(values_[i], true))
            throw py::type_error(std::string(function_) + "(): argument '" + py::str((*names_)[i]).cast<std::string>() +
                                 "' has the wrong type: " +
                                 py::str(py::handle(values_[i]).get_type().attr("__name__")).cast<std::string>());
        return py::detail::cast_op<T>(std::move(c));
    }
    py::handle operator[](std::size_t i) const { return values_[i]; }

private:
    std::array<PyObject*, N> values_{};
    const char* function_ = "";
    const std::array<PyObject*, N>* names_ = nullptr;
};

/// Interned Python strings for a method's argument names (kept for the interpreter's life).
template <std::size_t N>
std::array<PyObject*, N> interned(const std::array<const char*, N>& names) {
    std::array<PyObject*, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = PyUnicode_InternFromString(names[i]);
    return out;
}

// ---- the module's parts -----------------------------------------------------
void bind_enums_and_errors(py::module_& m);
case_class bind_case(py::module_& m);
void bind_directory(py::module_& m);  // bind_directory.cpp: the agency directory
void bind_referral(py::module_& m);   // bind_directory.cpp: referrals
void bind_model(py::module_& m);      // bind_events.cpp: parties, members, meetings, plans
void bind_payloads(py::module_& m);   // bind_events.cpp: each event's payload class
void bind_disclosure(py::module_& m, case_class& c);
void bind_store(py::module_& m, case_class& c);
void bind_fhir(py::module_& m, case_class& c);
void bind_persons(py::module_& m, case_class& c);
void bind_analysis(py::module_& m);
void bind_case_record(case_class& c);  // bind_case.cpp: Case.record() and would_accept(), after every payload class

} // namespace sfcore_py

namespace sfcore_py {

/// A yes/no parameter that takes True or False (or a numpy bool) only: pybind11's
/// own bool also takes None, and any number by its truth (NaN is true).
struct strict_bool {
    bool value = false;
    operator bool() const noexcept { return value; }
};

/// A read/write yes/no attribute whose setter takes True or False only.
template <class C, class T>
void bool_field(C& cls, const char* name, bool T::*field, const char* doc) {
    cls.def_property(
        name, [field](const T& x) { return x.*field; }, [field](T& x, strict_bool v) { x.*field = v; }, doc);
}

} // namespace sfcore_py

// ---- type casters ------------------------------------------------------------
namespace pybind11 {
namespace detail {

template <>
struct type_caster<sfcore_py::strict_bool> {
    PYBIND11_TYPE_CASTER(sfcore_py::strict_bool, const_name("bool"));
    bool load(handle src, bool) {
        if (!src) return false;
        if (src.ptr() == Py_True || src.ptr() == Py_False) {
            value.value = src.ptr() == Py_True;
            return true;
        }
        const std::string type = Py_TYPE(src.ptr())->tp_name;
        if (type != "numpy.bool_" && type != "numpy.bool") return false;
        const int truth = PyObject_IsTrue(src.ptr());
        if (truth < 0) throw error_already_set();
        value.value = truth == 1;
        return true;
    }
    static handle cast(sfcore_py::strict_bool b, return_value_policy, handle) {
        return handle(b.value ? Py_True : Py_False).inc_ref();
    }
};

template <>
struct type_caster<boost::gregorian::date> {
    PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));
    bool load(handle src, bool) { return sfcore_py::date_load(src, value); }
    static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
        return sfcore_py::date_object(d).release();
    }
};

template <>
struct type_caster<boost::posix_time::ptime> {
    PYBIND11_TYPE_CASTER(boost::posix_time::ptime, const_name("datetime.datetime"));
    bool load(handle src, bool) { return sfcore_py::instant_load(src, value); }
    static handle cast(const boost::posix_time::ptime& t, return_value_policy, handle) {
        return sfcore_py::instant_object(t).release();
    }
};

template <class Tag, class Rep>
struct type_caster<sfcore::strong_id<Tag, Rep>> {
    using id_type = sfcore::strong_id<Tag, Rep>;
    PYBIND11_TYPE_CASTER(id_type, const_name("int"));
    bool load(handle src, bool convert) {
        if (!src || PyBool_Check(src.ptr()) || !PyLong_Check(src.ptr())) return false;
        make_caster<Rep> rep;
        if (!rep.load(src, convert))
            throw sfcore::error(sfcore::errc::invalid_argument,
                                "an id must be a whole number from 0 to " +
                                    std::to_string(std::numeric_limits<Rep>::max()));
        value = id_type(cast_op<Rep>(rep));
        return true;
    }
    static handle cast(id_type id, return_value_policy, handle) {
        return PyLong_FromUnsignedLongLong(static_cast<unsigned long long>(id.value()));
    }
};

template <class E>
struct type_caster<E, std::enable_if_t<std::is_enum_v<E> && sfcore_py::enum_info<E>::value>> {
    PYBIND11_TYPE_CASTER(E, sfcore_py::enum_name<E>::name);
    bool load(handle src, bool) { return sfcore_py::enum_load<E>(src, value); }
    static handle cast(E v, return_value_policy, handle) { return sfcore_py::enum_object(v).release(); }
};

} // namespace detail
} // namespace pybind11

namespace sfcore_py {

/// A __repr__ that lists fields by their Python names: "Name(a=..., b=...)".
inline auto repr_fields(const char* name, std::vector<const char*> fields) {
    return [name, fields](const py::object& self) {
        std::string s = std::string(name) + "(";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) s += ", ";
            s += fields[i];
            s += "=";
            s += py::repr(self.attr(fields[i])).cast<std::string>();
        }
        return s + ")";
    };
}

/// Equality and copying for a value type bound with pybind11.
template <class T, class... Extra>
py::class_<T, Extra...>& value_type(py::class_<T, Extra...>& c) {
    c.def(
        "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator(), "Field-by-field equality.");
    c.def("__copy__", [](const T& v) { return T(v); });
    c.def("__deepcopy__", [](const T& v, const py::dict&) { return T(v); }, py::arg("memo"));
    return c;
}

/// Bind one event payload: its class with equality and copying.
template <class P>
py::class_<P> payload_class(py::module_& m, const char* name, const char* doc) {
    py::class_<P> c(m, name, doc);
    value_type(c);
    return c;
}

/// Bytes from any object with the buffer protocol (bytes, bytearray, memoryview).
struct byte_view {
    py::buffer_info info;
    const void* data() const { return info.ptr; }
    std::size_t size() const { return static_cast<std::size_t>(info.size * info.itemsize); }
};
inline byte_view bytes_of(const py::buffer& b) {
    py::buffer_info info = b.request();
    if (info.ndim > 1) throw sfcore::error(sfcore::errc::invalid_argument, "an archive must be flat bytes");
    return byte_view{std::move(info)};
}
inline py::bytes to_py_bytes(const sfcore::bytes& b) {
    return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
}

/// A loader of archives (load(const void*, size_t)) as a function of any
/// bytes-like object; the GIL is released while it reads.
template <class Load>
auto from_buffer(Load load) {
    return [load](const py::buffer& b) {
        auto v = bytes_of(b);
        py::gil_scoped_release unlocked;
        return load(v.data(), v.size());
    };
}

/// to_bytes(), from_bytes() and pickling of a value kept as an archive.
template <class T, class Load, class... Extra>
void add_archive_methods(py::class_<T, Extra...>& c, Load load, const char* to_doc, const char* from_doc) {
    c.def(
        "to_bytes", [](const T& v, sfcore::archive_encoding e) { return to_py_bytes(sfcore::save_archive(v, e)); },
        py::arg("encoding") = sfcore::archive_encoding::binary, to_doc);
    c.def_static("from_bytes", from_buffer(load), py::arg("data"), from_doc);
    c.def(py::pickle([](const T& v) { return to_py_bytes(sfcore::save_archive(v)); },
                     [load](const py::bytes& b) {
                         const std::string s = b;
                         return load(s.data(), s.size());
                     }));
}

} // namespace sfcore_py

namespace sfcore_py {

/// A bound C++ object taken with its Python object (to keep a reference to
/// it); the signature names T's Python class.
template <class T>
struct held {
    py::object obj;
    const T& get() const { return obj.cast<const T&>(); }
};

/// A category out: a Category member, or an int for a caller's own.
struct category_obj {
    py::object obj;
};

/// Categories out: Category members, and ints for a caller's own.
struct category_list {
    std::vector<py::object> items;
};

} // namespace sfcore_py

namespace pybind11 {
namespace detail {

template <class T>
struct type_caster<sfcore_py::held<T>> {
    PYBIND11_TYPE_CASTER(sfcore_py::held<T>, make_caster<T>::name);
    bool load(handle src, bool) {
        if (!isinstance<T>(src)) return false;
        value.obj = reinterpret_borrow<object>(src);
        return true;
    }
    static handle cast(const sfcore_py::held<T>& h, return_value_policy, handle) { return h.obj.inc_ref(); }
};

template <>
struct type_caster<sfcore_py::category_obj> {
    PYBIND11_TYPE_CASTER(sfcore_py::category_obj, const_name("Category | int"));
    bool load(handle, bool) { return false; }
    static handle cast(const sfcore_py::category_obj& c, return_value_policy, handle) { return c.obj.inc_ref(); }
};

template <>
struct type_caster<sfcore_py::category_list> {
    PYBIND11_TYPE_CASTER(sfcore_py::category_list, const_name("List[Category | int]"));
    bool load(handle, bool) { return false; }
    static handle cast(const sfcore_py::category_list& l, return_value_policy, handle) {
        list out;
        for (const auto& o : l.items) out.append(o);
        return out.release();
    }
};

} // namespace detail
} // namespace pybind11
