/**
 * @file time.hpp
 * @brief Dates and instants: Boost.Date_Time types, with the range sfcore accepts.
 *
 * A calendar date is a boost::gregorian::date; an instant is a
 * boost::posix_time::ptime in UTC, to the second. Dates from 1900-01-01 to
 * 2199-12-31 are accepted (a date of birth, a referral, a review); anything
 * else is errc::out_of_range. At the C boundary a date is an integer
 * YYYYMMDD and an instant is seconds since 1970-01-01T00:00:00Z.
 */
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "sfcore/error.hpp"

namespace sfcore {

/** @brief A calendar date. @since 0.1.0 */
using date = boost::gregorian::date;
/** @brief An instant in UTC, to the second. @since 0.1.0 */
using instant = boost::posix_time::ptime;

/** @brief The first year sfcore accepts. @since 0.1.0 */
inline constexpr int min_year = 1900;
/** @brief The last year sfcore accepts. @since 0.1.0 */
inline constexpr int max_year = 2199;

/**
 * @brief Make a date, checking it exists and lies in the accepted range.
 * @throws sfcore::error errc::out_of_range for 2025-02-29, month 13, year 1800, …
 * @since 0.1.0
 */
inline date make_date(int year, int month, int day) {
    if (year < min_year || year > max_year || month < 1 || month > 12 || day < 1 || day > 31)
        throw error(errc::out_of_range, "date " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                                            std::to_string(day) + " is outside 1900-01-01..2199-12-31 or does not exist");
    if (day > boost::gregorian::gregorian_calendar::end_of_month_day(
                  static_cast<unsigned short>(year), static_cast<unsigned short>(month)))
        throw error(errc::out_of_range, "date " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                                            std::to_string(day) + " does not exist");
    return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

/**
 * @brief A date from an integer YYYYMMDD (the C ABI's form).
 * @throws sfcore::error errc::out_of_range.
 * @since 0.1.0
 */
inline date date_from_yyyymmdd(std::int32_t v) {
    if (v < 0) throw error(errc::out_of_range, "date " + std::to_string(v) + " is negative");
    return make_date(v / 10000, (v / 100) % 100, v % 100);
}

/**
 * @brief The integer YYYYMMDD of a date.
 * @throws sfcore::error errc::invalid_argument for a not-a-date value.
 * @since 0.1.0
 */
inline std::int32_t to_yyyymmdd(const date& d) {
    if (d.is_special()) throw error(errc::invalid_argument, "not a date");
    const auto ymd = d.year_month_day();
    return static_cast<std::int32_t>(ymd.year) * 10000 + ymd.month * 100 + ymd.day;
}

/**
 * @brief A date as ISO 8601 text, "2026-11-22".
 * @throws sfcore::error errc::invalid_argument for a not-a-date value.
 * @since 0.1.0
 */
inline std::string to_iso(const date& d) {
    const std::int32_t v = to_yyyymmdd(d);
    char buf[11];
    const int y = v / 10000, m = (v / 100) % 100, dd = v % 100;
    buf[0] = static_cast<char>('0' + y / 1000);
    buf[1] = static_cast<char>('0' + y / 100 % 10);
    buf[2] = static_cast<char>('0' + y / 10 % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + m / 10);
    buf[6] = static_cast<char>('0' + m % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + dd / 10);
    buf[9] = static_cast<char>('0' + dd % 10);
    buf[10] = '\0';
    return std::string(buf, 10);
}

/**
 * @brief An instant as ISO 8601 text in UTC, "2026-11-22T09:30:00Z", with
 * six digits of a fraction when it has one ("…T09:30:00.250000Z").
 * @throws sfcore::error errc::invalid_argument for a not-a-date-time value.
 * @since 0.3.0
 */
inline std::string to_iso(const instant& t) {
    if (t.is_special()) throw error(errc::invalid_argument, "not a date and time");
    const auto tod = t.time_of_day();
    const long frac = static_cast<long>(tod.total_microseconds() % 1000000);
    char buf[24];
    if (frac == 0)
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                      static_cast<int>(tod.seconds()));
    else
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d.%06ldZ", static_cast<int>(tod.hours()),
                      static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()), frac);
    return to_iso(t.date()) + buf;
}

/**
 * @brief Check a date is a real date in the accepted range, and return it.
 * @throws sfcore::error errc::out_of_range.
 * @since 0.1.0
 */
inline date checked_date(const date& d) {
    // By day number alone: a date that is not special is a real date, and
    // this check runs for every day a timeframe counts.
    static const date first(min_year, 1, 1), last(max_year, 12, 31);
    if (d.is_special()) throw error(errc::out_of_range, "not a date");
    if (d < first || d > last) throw error(errc::out_of_range, "date " + to_iso(d) + " is outside 1900-01-01..2199-12-31");
    return d;
}

/** @brief 1970-01-01T00:00:00Z. @since 0.1.0 */
inline const instant unix_epoch{date(1970, 1, 1)};

/**
 * @brief An instant from seconds since the Unix epoch (UTC).
 * @throws sfcore::error errc::out_of_range outside the accepted years.
 * @since 0.1.0
 */
inline instant instant_from_unix(std::int64_t seconds) {
    // 1900-01-01T00:00:00Z .. 2199-12-31T23:59:59Z
    constexpr std::int64_t lo = -2208988800LL, hi = 7258118399LL;
    if (seconds < lo || seconds > hi)
        throw error(errc::out_of_range, "instant " + std::to_string(seconds) + " is outside 1900..2199");
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    const std::int64_t rest = seconds - days * 86400;
    return instant(unix_epoch.date() + boost::gregorian::days(static_cast<long>(days)),
                   boost::posix_time::seconds(static_cast<long>(rest)));
}

/**
 * @brief Seconds since the Unix epoch of an instant.
 * @throws sfcore::error errc::invalid_argument for a not-a-date-time value.
 * @since 0.1.0
 */
inline std::int64_t to_unix(const instant& t) {
    if (t.is_special()) throw error(errc::invalid_argument, "not a date-time");
    // Tick arithmetic (no calendar conversion), rounded down to the second.
    const std::int64_t ticks = (t - unix_epoch).ticks();
    const std::int64_t per_second = boost::posix_time::time_duration::ticks_per_second();
    return ticks >= 0 ? ticks / per_second : -((-ticks + per_second - 1) / per_second);
}

/**
 * @brief An instant with its fraction of a second dropped (a special value as it is).
 * @since 0.3.0
 */
inline instant to_the_second(const instant& t) {
    if (t.is_special()) return t;
    const auto fraction = t.time_of_day().fractional_seconds();
    return fraction ? t - boost::posix_time::time_duration(0, 0, 0, fraction) : t;
}

/**
 * @brief Check an instant is a real instant in the accepted range, and return it to the second.
 * @throws sfcore::error errc::out_of_range.
 * @since 0.1.0
 */
inline instant checked_instant(const instant& t) {
    static const instant first(date(min_year, 1, 1));
    static const instant last(date(max_year, 12, 31), boost::posix_time::time_duration(23, 59, 59));
    if (t.is_special()) throw error(errc::out_of_range, "not a date-time");
    if (t < first || t > last) throw error(errc::out_of_range, "an instant is outside 1900..2199");
    return to_the_second(t);
}

} // namespace sfcore
