#include <vector>

#include "sfcore/model.hpp"

namespace sfcore {

// Pacific/Auckland since 2007: NZST = UTC+12; NZDT = UTC+13 from 02:00 on
// the last Sunday of September to 03:00 on the first Sunday of April (the
// POSIX rule "NZST-12NZDT,M9.5.0,M4.1.0/3"), by arithmetic on seconds; a test
// checks it against Boost's time zone rules.

namespace {
using boost::gregorian::days;
using boost::posix_time::hours;

// NZDT ends at 03:00 NZDT on the first Sunday of April: 14:00 UTC the Saturday before.
instant dst_end_utc(int year) {
    date d(static_cast<unsigned short>(year), 4, 1);
    while (d.day_of_week() != boost::date_time::Sunday) d += days(1);
    return instant(d - days(1), hours(14));
}

// NZDT starts at 02:00 NZST on the last Sunday of September: 14:00 UTC the Saturday before.
instant dst_start_utc(int year) {
    date d(static_cast<unsigned short>(year), 9, 30);
    while (d.day_of_week() != boost::date_time::Sunday) d -= days(1);
    return instant(d - days(1), hours(14));
}

// When daylight saving ends and starts each year, in UTC seconds, for every
// year an instant in range can fall in locally (made once; read by many threads).
struct dst_year {
    std::int64_t end, start;
};
constexpr int dst_first_year = min_year - 1, dst_last_year = max_year + 1;

const std::vector<dst_year>& dst_table() {
    static const std::vector<dst_year> table = [] {
        std::vector<dst_year> t;
        for (int y = dst_first_year; y <= dst_last_year; ++y) t.push_back({to_unix(dst_end_utc(y)), to_unix(dst_start_utc(y))});
        return t;
    }();
    return table;
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The year of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days).
constexpr int year_of_day(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<int>(yoe + era * 400 + (m <= 2));
}
static_assert(year_of_day(0) == 1970 && year_of_day(-1) == 1969 && year_of_day(365) == 1971 && year_of_day(11016) == 2000);
} // namespace

// An instant as New Zealand local time (this runs for many events).
nz_local nz_local_time(const instant& t) {
    const std::int64_t s = to_unix(checked_instant(t));
    const int year = year_of_day(floor_div(s + 12 * 3600, 86400));  // the local year, near enough to pick the rule
    const dst_year& y = dst_table()[static_cast<std::size_t>(year - dst_first_year)];
    const bool daylight = s < y.end || s >= y.start;
    const std::int64_t local = s + (daylight ? 13 : 12) * 3600;
    const std::int64_t day = floor_div(local, 86400), second = local - day * 86400;
    nz_local out;
    out.date = unix_epoch.date() + days(static_cast<long>(day));
    out.hour = static_cast<int>(second / 3600);
    out.minute = static_cast<int>(second % 3600 / 60);
    out.utc_offset = daylight ? 780 : 720;
    return out;
}

// A local New Zealand time as an instant, by the same arithmetic: of the two
// readings (NZDT, NZST), the one whose instant has that offset; both is
// ambiguous (daylight saving ends), neither does not exist (it starts).
instant nz_time(const date& d, int hour, int minute) {
    const date day = checked_date(d);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        throw error(errc::out_of_range, "time " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " is not a time of day");
    const std::int64_t local = (day - unix_epoch.date()).days() * std::int64_t{86400} + hour * 3600 + minute * 60;
    const auto daylight_at = [](std::int64_t s) {
        const int year = year_of_day(floor_div(s + 12 * 3600, 86400));
        const dst_year& y = dst_table()[static_cast<std::size_t>(year - dst_first_year)];
        return s < y.end || s >= y.start;
    };
    const std::int64_t as_daylight = local - 13 * 3600, as_standard = local - 12 * 3600;
    const bool daylight_ok = daylight_at(as_daylight), standard_ok = !daylight_at(as_standard);
    if (daylight_ok && standard_ok)
        throw error(errc::out_of_range, to_iso(day) + " " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " happens twice in New Zealand (daylight saving ends): give the UTC instant");
    if (!daylight_ok && !standard_ok)
        throw error(errc::out_of_range, to_iso(day) + " " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " does not exist in New Zealand (daylight saving starts)");
    return checked_instant(instant_from_unix(daylight_ok ? as_daylight : as_standard));
}

std::optional<int> member::age_on(const date& d) const {
    if (!born) return std::nullopt;
    const auto b = born->year_month_day();
    const auto on = d.year_month_day();
    int age = static_cast<int>(on.year) - static_cast<int>(b.year);
    if (on.month < b.month || (on.month == b.month && on.day < b.day)) --age;
    return age;
}

} // namespace sfcore
