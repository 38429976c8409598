// Dates and instants across into Python and back: a date is a datetime.date;
// an instant is an aware datetime.datetime (any zone in; Pacific/Auckland
// out). A naive datetime is refused: it names no instant. A part of bind.hpp.
#pragma once

#include <pybind11/pybind11.h>

#include <datetime.h>

#include <cstdint>
#include <mutex>
#include <vector>

#include "sfcore/sfcore.hpp"

namespace sfcore_py {

namespace py = pybind11;

/// Python's datetime C API, imported once for the whole module. datetime.h gives
/// each translation unit a PyDateTimeAPI of its own, and the linker keeps one copy
/// of each inline function here for all of them: so every part reads this one.
inline PyDateTime_CAPI* datetime_api() {
    static PyDateTime_CAPI* api = nullptr;  // an inline function's static: one in the module
    if (!api) api = static_cast<PyDateTime_CAPI*>(PyCapsule_Import(PyDateTime_CAPSULE_NAME, 0));
    if (!api) throw py::error_already_set();
    return api;
}

} // namespace sfcore_py

// datetime.h's macros (PyDate_Check, PyDate_FromDate, ...) read PyDateTimeAPI: the module's one.
#define PyDateTimeAPI (::sfcore_py::datetime_api())

namespace sfcore_py {

inline void import_datetime() { datetime_api(); }

/// Pacific/Auckland, as zoneinfo knows it (kept for the interpreter's life).
inline py::handle nz_zone() {
    static PyObject* zone = py::module_::import("zoneinfo").attr("ZoneInfo")("Pacific/Auckland").release().ptr();
    return zone;
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

} // namespace sfcore_py
