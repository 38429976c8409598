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
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <mutex>
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

/// repr() of a str, for __repr__ texts.
inline std::string repr_text(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

/// repr() of any value Python can take.
template <class T>
std::string repr_of(const T& v) {
    return py::repr(py::cast(v)).template cast<std::string>();
}

inline void import_datetime() {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (!PyDateTimeAPI) throw py::error_already_set();
}

/// Pacific/Auckland, as zoneinfo knows it (kept for the interpreter's life).
inline py::handle nz_zone() {
    static PyObject* zone = py::module_::import("zoneinfo").attr("ZoneInfo")("Pacific/Auckland").release().ptr();
    return zone;
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

/// The Python class name of each enumeration (the signatures and stubs use it).
template <class E>
struct enum_name;
#define SFCORE_PY_ENUM_NAME(E, N)                                                  \
    template <>                                                                    \
    struct enum_name<E> {                                                          \
        static constexpr auto name = pybind11::detail::const_name(N);              \
        static constexpr const char* text = N;                                     \
    };
SFCORE_PY_ENUM_NAME(sfcore::errc, "ErrorCode")
SFCORE_PY_ENUM_NAME(sfcore::referral_source, "ReferralSource")
SFCORE_PY_ENUM_NAME(sfcore::programme, "Programme")
SFCORE_PY_ENUM_NAME(sfcore::agency_kind, "AgencyKind")
SFCORE_PY_ENUM_NAME(sfcore::state, "State")
SFCORE_PY_ENUM_NAME(sfcore::event_type, "EventType")
SFCORE_PY_ENUM_NAME(sfcore::member_role, "MemberRole")
SFCORE_PY_ENUM_NAME(sfcore::support_type, "SupportType")
SFCORE_PY_ENUM_NAME(sfcore::exit_reason, "ExitReason")
SFCORE_PY_ENUM_NAME(sfcore::action_status, "ActionStatus")
SFCORE_PY_ENUM_NAME(sfcore::meeting_kind, "MeetingKind")
SFCORE_PY_ENUM_NAME(sfcore::party_kind, "PartyKind")
SFCORE_PY_ENUM_NAME(sfcore::guard, "Guard")
SFCORE_PY_ENUM_NAME(sfcore::overdue_kind, "OverdueKind")
SFCORE_PY_ENUM_NAME(sfcore::category, "Category")
SFCORE_PY_ENUM_NAME(sfcore::purpose, "Purpose")
SFCORE_PY_ENUM_NAME(sfcore::issue_area, "IssueArea")
SFCORE_PY_ENUM_NAME(sfcore::decision_rule, "DecisionRule")
SFCORE_PY_ENUM_NAME(sfcore::legal_basis, "LegalBasis")
SFCORE_PY_ENUM_NAME(sfcore::s66c_purpose, "S66CPurpose")
SFCORE_PY_ENUM_NAME(sfcore::s66_requester, "S66Requester")
SFCORE_PY_ENUM_NAME(sfcore::outcome_area, "OutcomeArea")
SFCORE_PY_ENUM_NAME(sfcore::working_day_rule, "WorkingDayRule")
SFCORE_PY_ENUM_NAME(sfcore::event_kind, "EventKind")
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

// ---- dates and instants ----------------------------------------------------

/// A datetime.date (not a datetime.datetime) as a date.
inline bool date_load(py::handle src, sfcore::date& out) {
    import_datetime();
    if (!PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    out = sfcore::make_date(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                            PyDateTime_GET_DAY(src.ptr()));
    return true;
}

inline py::object date_object(const sfcore::date& d) {
    import_datetime();
    if (d.is_special()) return py::none();
    const auto ymd = d.year_month_day();
    return py::reinterpret_steal<py::object>(
        PyDate_FromDate(static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day)));
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr long long days_from_civil(long long y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

/// The error for a datetime that names no instant (no tzinfo, or one whose utcoffset() is None).
inline sfcore::error naive_datetime() {
    return sfcore::error(sfcore::errc::invalid_argument,
                         "a datetime must be timezone-aware (a naive datetime names no instant): give it a tzinfo, "
                         "e.g. ZoneInfo(\"Pacific/Auckland\")");
}

/// A zone's UTC offset for a local time, remembered: asking a tzinfo (zoneinfo is
/// written in Python) costs more than the rest of a decision. The offset of a
/// given zone at given local fields never changes (true of zoneinfo, timezone
/// and every tzinfo that follows the datetime contract), and each entry holds a
/// reference to its zone, so an entry is never stale. Used with the GIL held.
///
/// Three levels: a fixed-offset datetime.timezone is asked once; for a
/// zoneinfo.ZoneInfo zone from 1970 on, a local day whose offset is the same
/// at its start, its middle and its end (with either fold) is taken to have
/// one offset throughout — the time zone database changes no zone's offset
/// and back within one day — so every instant of that day costs a lookup; on
/// a day when the offset changes, before 1970, and for any other tzinfo, each
/// local time is asked for (and remembered) on its own.
class offset_cache {
public:
    // The offset in seconds of local time (fields, fold) in zone tz, as utcoffset() gives it.
    long long offset(PyObject* dt, PyObject* tz, long long local, int fold) {
        if (Py_TYPE(tz) == fixed_zone_type()) return fixed(dt, tz);
        if (local < 0 || PyObject_TypeCheck(tz, zoneinfo_type()) == 0) return exact(dt, tz, local, fold);
        const long long day = local / 86400;
        day_entry& d = days_[(static_cast<std::size_t>(day) ^ (reinterpret_cast<std::uintptr_t>(tz) >> 4)) % day_slots];
        if (d.zone.ptr() != tz || d.day != day) fill_day(d, tz, day);
        if (d.uniform) return d.offset;
        return exact(dt, tz, local, fold);
    }

private:
    static PyTypeObject* fixed_zone_type() {
        import_datetime();
        return Py_TYPE(PyDateTimeAPI->TimeZone_UTC);
    }
    static PyObject* fromtimestamp() {
        static PyObject* const f = py::object(py::handle(reinterpret_cast<PyObject*>(PyDateTimeAPI->DateTimeType))
                                                  .attr("fromtimestamp")).release().ptr();  // kept for the interpreter's life
        return f;
    }
    static PyTypeObject* zoneinfo_type() {
        static PyObject* const type = py::object(py::module_::import("zoneinfo").attr("ZoneInfo")).release().ptr();  // kept for the interpreter's life
        return reinterpret_cast<PyTypeObject*>(type);
    }

    // utcoffset() of a datetime, in seconds.
    static long long ask(PyObject* dt) {
        py::object delta = py::reinterpret_steal<py::object>(PyObject_CallMethod(dt, "utcoffset", nullptr));
        if (!delta) throw py::error_already_set();
        if (delta.is_none()) throw naive_datetime();
        return static_cast<long long>(PyDateTime_DELTA_GET_DAYS(delta.ptr())) * 86400 +
               PyDateTime_DELTA_GET_SECONDS(delta.ptr());
    }

    long long fixed(PyObject* dt, PyObject* tz) {
        entry& e = fixed_[(reinterpret_cast<std::uintptr_t>(tz) >> 4) % fixed_slots];
        if (e.zone.ptr() != tz) {
            e.offset = ask(dt);
            e.zone = py::reinterpret_borrow<py::object>(tz);
        }
        return e.offset;
    }

    struct day_entry {
        py::object zone;
        long long day = 0;
        bool uniform = false;
        long long offset = 0;
    };

    void fill_day(day_entry& d, PyObject* tz, long long day) {
        // The local day's date, from its number (days since 1970-01-01).
        long long z = day + 719468;
        const long long era = (z >= 0 ? z : z - 146096) / 146097;
        const long long doe = z - era * 146097;
        const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const long long mp = (5 * doy + 2) / 153;
        const int dd = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
        const int mm = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
        const int yy = static_cast<int>(yoe + era * 400 + (mm <= 2));
        long long first = 0;
        bool uniform = true;
        int probes = 0;
        for (const auto& [h, m, sec] : {std::array<int, 3>{0, 0, 0}, std::array<int, 3>{12, 0, 0}, std::array<int, 3>{23, 59, 59}})
            for (int fold : {0, 1}) {
                py::object probe = py::reinterpret_steal<py::object>(PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(
                    yy, mm, dd, h, m, sec, 0, tz, fold, PyDateTimeAPI->DateTimeType));
                if (!probe) throw py::error_already_set();
                const long long off = ask(probe.ptr());
                if (probes++ == 0) first = off;
                else if (off != first) uniform = false;
            }
        d.zone = py::reinterpret_borrow<py::object>(tz);
        d.day = day;
        d.uniform = uniform;
        d.offset = first;
    }

    long long exact(PyObject* dt, PyObject* tz, long long local, int fold) {
        const std::size_t slot = (static_cast<std::size_t>(local) ^ (reinterpret_cast<std::uintptr_t>(tz) >> 4) ^
                                  static_cast<std::size_t>(fold)) % size;
        entry& e = entries_[slot];
        if (e.zone.ptr() == tz && e.local == local && e.fold == fold) return e.offset;
        const long long off = ask(dt);
        // A local time the clocks skipped (daylight saving starting) names no instant: the zone reads the
        // instant it gives as another local time. Refused, as nz_time() refuses it.
        py::object back = py::reinterpret_steal<py::object>(
            PyObject_CallFunction(fromtimestamp(), "LO", static_cast<long long>(local - off), tz));
        if (!back) throw py::error_already_set();
        const long long seen = days_from_civil(PyDateTime_GET_YEAR(back.ptr()), static_cast<unsigned>(PyDateTime_GET_MONTH(back.ptr())),
                                               static_cast<unsigned>(PyDateTime_GET_DAY(back.ptr()))) * 86400 +
                               PyDateTime_DATE_GET_HOUR(back.ptr()) * 3600LL + PyDateTime_DATE_GET_MINUTE(back.ptr()) * 60LL +
                               PyDateTime_DATE_GET_SECOND(back.ptr());
        if (seen != local)
            throw sfcore::error(sfcore::errc::out_of_range,
                                py::str(py::handle(dt)).cast<std::string>() +
                                    " does not exist in its time zone (the clocks went forward past it)");
        e.zone = py::reinterpret_borrow<py::object>(tz);
        e.local = local;
        e.fold = fold;
        e.offset = off;
        return off;
    }

    static constexpr std::size_t size = 256, day_slots = 64, fixed_slots = 8;
    struct entry {
        py::object zone;
        long long local = 0;
        int fold = 0;
        long long offset = 0;
    };
    entry entries_[size];
    day_entry days_[day_slots];
    entry fixed_[fixed_slots];
};

inline offset_cache& offsets() {
    static auto* cache = new offset_cache();  // lives as long as the interpreter
    return *cache;
}

/// An aware datetime.datetime as an instant (to the second); a naive one is an error.
inline bool instant_load(py::handle src, sfcore::instant& out) {
    import_datetime();
    PyObject* o = src.ptr();
    if (!PyDateTime_Check(o)) return false;
    const int y = PyDateTime_GET_YEAR(o);
    if (y < sfcore::min_year - 1 || y > sfcore::max_year + 1)
        throw sfcore::error(sfcore::errc::out_of_range, "a datetime in year " + std::to_string(y) + " is outside 1900..2199");
    const long long local = days_from_civil(y, static_cast<unsigned>(PyDateTime_GET_MONTH(o)),
                                            static_cast<unsigned>(PyDateTime_GET_DAY(o))) * 86400 +
                            PyDateTime_DATE_GET_HOUR(o) * 3600LL + PyDateTime_DATE_GET_MINUTE(o) * 60LL +
                            PyDateTime_DATE_GET_SECOND(o);
    PyObject* tz = PyDateTime_DATE_GET_TZINFO(o);
    if (tz == Py_None) throw naive_datetime();
    out = sfcore::instant_from_unix(local - offsets().offset(o, tz, local, PyDateTime_DATE_GET_FOLD(o)));
    return true;
}

/// An instant as an aware datetime in Pacific/Auckland.
inline py::object instant_object(const sfcore::instant& t) {
    import_datetime();
    if (t.is_special()) return py::none();
    static PyObject* const fromtimestamp =  // kept for the interpreter's life
        py::object(py::handle(reinterpret_cast<PyObject*>(PyDateTimeAPI->DateTimeType)).attr("fromtimestamp")).release().ptr();
    return py::reinterpret_borrow<py::object>(fromtimestamp)(sfcore::to_unix(t), nz_zone());
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
