// New Zealand working days: a calendar handle the host may extend.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

// The calendar of a handle, or the national one for NULL.
const holiday_calendar& calendar_or_national(const sf_calendar* cal) {
    static const holiday_calendar national;
    return cal ? *reinterpret_cast<const holiday_calendar*>(cal) : national;
}

holiday_calendar& calendar_of(sf_calendar* cal) { return need(cal, "cal").impl; }

} // namespace

namespace sfcore_c {
const holiday_calendar& calendar_in(const sf_calendar* cal) { return calendar_or_national(cal); }
} // namespace sfcore_c

extern "C" {

int sf_calendar_new(sf_calendar** out) {
    if (out) *out = nullptr;
    return call([&] {
        auto& o = need(out, "out"); // checked before the handle is made, so a NULL leaks nothing
        o = make_handle<sf_calendar>();
    });
}

void sf_calendar_free(sf_calendar* cal) { free_handle(cal); }

int sf_calendar_set_matariki(sf_calendar* cal, int year, int32_t day) {
    return call([&] { calendar_of(cal).set_matariki(year, date_of(day)); });
}

int sf_calendar_add(sf_calendar* cal, int32_t day, const char* name) {
    return call([&] { calendar_of(cal).add(date_of(day), utf8(name, "name")); });
}

int sf_calendar_is_holiday(int* out, const sf_calendar* cal, int32_t day) {
    return call([&] { need(out, "out") = calendar_or_national(cal).is_holiday(date_of(day)) ? 1 : 0; });
}

int sf_calendar_is_working_day(int* out, const sf_calendar* cal, int32_t day) {
    return call([&] { need(out, "out") = calendar_or_national(cal).is_working_day(date_of(day)) ? 1 : 0; });
}

int sf_calendar_add_working_days(int32_t* out, const sf_calendar* cal, int32_t from, int n) {
    return call([&] { need(out, "out") = to_yyyymmdd(calendar_or_national(cal).add_working_days(date_of(from), n)); });
}

int sf_calendar_working_days_between(int* out, const sf_calendar* cal, int32_t from, int32_t to) {
    return call([&] { need(out, "out") = calendar_or_national(cal).working_days_between(date_of(from), date_of(to)); });
}

int sf_calendar_is_working_day_by(int* out, const sf_calendar* cal, int rule, int32_t day) {
    return call([&] {
        need(out, "out") = calendar_or_national(cal).is_working_day(date_of(day), enum_from_int<working_day_rule>(rule)) ? 1 : 0;
    });
}

int sf_calendar_add_working_days_by(int32_t* out, const sf_calendar* cal, int rule, int32_t from, int n) {
    return call([&] {
        need(out, "out") =
            to_yyyymmdd(calendar_or_national(cal).add_working_days(date_of(from), n, enum_from_int<working_day_rule>(rule)));
    });
}

int sf_calendar_working_days_between_by(int* out, const sf_calendar* cal, int rule, int32_t from, int32_t to) {
    return call([&] {
        need(out, "out") =
            calendar_or_national(cal).working_days_between(date_of(from), date_of(to), enum_from_int<working_day_rule>(rule));
    });
}

int sf_working_day_rule_source(const char** out, int rule) {
    return call([&] { need(out, "out") = source_of(enum_from_int<working_day_rule>(rule)); });
}

int sf_privacy_response_due(int32_t* out, const sf_calendar* cal, int32_t received) {
    return call([&] { need(out, "out") = to_yyyymmdd(privacy_response_due(date_of(received), calendar_or_national(cal))); });
}

int sf_calendar_holiday_name(char** out, const sf_calendar* cal, int32_t day) {
    if (out) *out = nullptr;
    return call([&] {
        auto& o = need(out, "out");
        const date d = date_of(day);
        for (const auto& h : calendar_or_national(cal).holidays(static_cast<int>(d.year())))
            if (h.date == d) {
                o = string_out(h.name);
                return;
            }
        throw error(errc::not_found, to_iso(d) + " is not a public holiday");
    });
}

} // extern "C"
