#include <boost/date_time/local_time/local_time.hpp>

#include "sfcore/model.hpp"

namespace sfcore {

namespace {
// Pacific/Auckland since 2007: NZST = UTC+12; NZDT = UTC+13 from 02:00 on
// the last Sunday of September to 03:00 on the first Sunday of April.
// (Boost's POSIX zone strings count the offset east of UTC as positive.)
const boost::local_time::time_zone_ptr& nz_zone() {
    static const boost::local_time::time_zone_ptr zone(
        new boost::local_time::posix_time_zone("NZST+12NZDT,M9.5.0,M4.1.0/3"));
    return zone;
}
} // namespace

instant nz_time(const date& d, int hour, int minute) {
    const date day = checked_date(d);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        throw error(errc::out_of_range, "time " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " is not a time of day");
    using boost::local_time::local_date_time;
    try {
        const local_date_time t(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute), nz_zone(),
                                local_date_time::EXCEPTION_ON_ERROR);
        return checked_instant(t.utc_time());
    } catch (const boost::local_time::ambiguous_result&) {
        throw error(errc::out_of_range, to_iso(day) + " " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " happens twice in New Zealand (daylight saving ends): give the UTC instant");
    } catch (const boost::local_time::time_label_invalid&) {
        throw error(errc::out_of_range, to_iso(day) + " " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " does not exist in New Zealand (daylight saving starts)");
    }
}

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
} // namespace

// The same rule as nz_zone(), computed directly: this runs for many events.
nz_local nz_local_time(const instant& t) {
    const instant utc = checked_instant(t);
    const int year = (utc + hours(12)).date().year();
    const bool daylight = utc < dst_end_utc(year) || utc >= dst_start_utc(year);
    const instant local = utc + hours(daylight ? 13 : 12);
    nz_local out;
    out.date = local.date();
    out.hour = static_cast<int>(local.time_of_day().hours());
    out.minute = static_cast<int>(local.time_of_day().minutes());
    out.utc_offset = daylight ? 780 : 720;
    return out;
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
