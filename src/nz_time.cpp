// New Zealand local time (Pacific/Auckland) from the time zone database:
// every change of its UTC offset from 1900 to 2200 (NZMT +11:30 and its
// summer times until 1945, NZST +12:00 from 1946, daylight saving from 1974
// by the rules of each period), in a table generated from tzdata
// (scripts/gen_nz_zone.py); a test checks it against the database file.
#include <algorithm>
#include <cstdint>
#include <iterator>

#include "nz_text.hpp"
#include "sfcore/model.hpp"

namespace sfcore {

namespace {

struct nz_change {
    std::int64_t at;      // the first UTC second with the new offset (Unix time)
    std::int32_t offset;  // seconds east of UTC
};

#include "nz_zone.inc"

// Pacific/Auckland's offset at a UTC second.
std::int32_t offset_at(std::int64_t s) noexcept {
    const auto* end = std::end(nz_changes);
    const auto* it = std::upper_bound(std::begin(nz_changes), end, s,
                                      [](std::int64_t x, const nz_change& c) { return x < c.at; });
    return it == std::begin(nz_changes) ? nz_first_offset : std::prev(it)->offset;
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::string clock_text(int hour, int minute) {
    return std::to_string(hour) + ":" + (minute < 10 ? "0" : "") + std::to_string(minute);
}

} // namespace

// A local New Zealand time as an instant: of the readings by each offset the
// zone has near that time, the one whose instant has that offset; two is
// ambiguous (the clocks went back), none does not exist (they went forward).
instant nz_time(const date& d, int hour, int minute) {
    const date day = checked_date(d);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        throw error(errc::out_of_range, "time " + std::to_string(hour) + ":" + std::to_string(minute) +
                                            " is not a time of day");
    const std::int64_t local = (day - unix_epoch.date()).days() * std::int64_t{86400} + hour * 3600 + minute * 60;
    // Every offset in force within a day of that local time (offsets lie between +11:30 and +13:00).
    std::int32_t offsets[4];
    std::size_t n = 0;
    for (std::int64_t probe : {local - 2 * 86400, local - 86400, local, local + 86400}) {
        const std::int32_t o = offset_at(probe - 12 * 3600);
        if (std::find(offsets, offsets + n, o) == offsets + n) offsets[n++] = o;
    }
    std::int64_t found = 0;
    int readings = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t u = local - offsets[i];
        if (offset_at(u) == offsets[i]) {
            found = u;
            ++readings;
        }
    }
    if (readings > 1)
        throw error(errc::out_of_range, to_iso(day) + " " + clock_text(hour, minute) +
                                            " happens twice in New Zealand (daylight saving ends): give the UTC instant");
    if (readings == 0)
        throw error(errc::out_of_range, to_iso(day) + " " + clock_text(hour, minute) +
                                            " does not exist in New Zealand (daylight saving starts)");
    return checked_instant(instant_from_unix(found));
}

nz_local nz_local_time(const instant& t) {
    const std::int64_t s = to_unix(checked_instant(t));
    const std::int32_t offset = offset_at(s);
    const std::int64_t local = s + offset;
    const std::int64_t day = floor_div(local, 86400), second = local - day * 86400;
    nz_local out;
    out.date = unix_epoch.date() + boost::gregorian::days(static_cast<long>(day));
    out.hour = static_cast<int>(second / 3600);
    out.minute = static_cast<int>(second % 3600 / 60);
    out.utc_offset = offset / 60;
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

namespace detail {
std::string local_text(const instant& t) {
    const nz_local l = nz_local_time(t);
    const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    const char* zone = l.utc_offset == 780 ? " NZDT" : l.utc_offset == 720 ? " NZST" : l.utc_offset == 750 ? " NZ summer time" : " NZMT";
    return to_iso(l.date) + " " + two(l.hour) + ":" + two(l.minute) + zone;
}
} // namespace detail

} // namespace sfcore
