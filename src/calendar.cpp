#include "sfcore/calendar.hpp"

#include <algorithm>

#include "sfcore/text.hpp"

namespace sfcore {

namespace {

using boost::gregorian::days;
using wd = boost::date_time::weekdays;

// Te Kāhui o Matariki Public Holiday Act 2022, Schedule 1 (month, day), 2022..2052: always a Friday.
constexpr int matariki_table[][2] = {
    {6, 24}, {7, 14}, {6, 28}, {6, 20}, {7, 10}, {6, 25}, {7, 14}, {7, 6},  {6, 21}, {7, 11}, {7, 2},   // 2022..2032
    {6, 24}, {7, 7},  {6, 29}, {7, 18}, {7, 10}, {6, 25}, {7, 15}, {7, 6},  {7, 19}, {7, 11}, {7, 3},   // 2033..2043
    {6, 24}, {7, 7},  {6, 29}, {7, 19}, {7, 3},  {6, 25}, {7, 15}, {6, 30}, {6, 21},                   // 2044..2052
};

// One-off national holidays: the Queen Elizabeth II Memorial Day Act 2022.
struct one_off {
    int year, month, day;
    const char* name;
};
constexpr one_off one_off_holidays[] = {
    {2022, 9, 26, "Queen Elizabeth II Memorial Day"},
};

// Waitangi Day and ANZAC Day are observed on the next Monday when they fall on
// a weekend from 2014 (Holidays (Full Recognition of Waitangi Day and ANZAC
// Day) Amendment Act 2013); before, a weekend one was not moved.
constexpr int mondayised_from = 2014;
static_assert(std::size(matariki_table) ==
              holiday_calendar::matariki_last_year - holiday_calendar::matariki_first_year + 1);

bool weekend(const date& d) {
    const auto w = d.day_of_week();
    return w == wd::Saturday || w == wd::Sunday;
}

// The row of a working-day rule, or an error naming the value.
const enum_row<working_day_rule>* checked_rule(working_day_rule rule) {
    const auto* row = find_row(rule);
    if (!row) throw error(errc::invalid_argument, "unknown working-day rule " + std::to_string(static_cast<int>(rule)));
    return row;
}

date nth_weekday(int year, int month, wd weekday, int n) {
    date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
    while (d.day_of_week() != weekday) d += days(1);
    return d + days(7 * (n - 1));
}

date next_monday_if_weekend(const date& d) {
    if (d.day_of_week() == wd::Saturday) return d + days(2);
    if (d.day_of_week() == wd::Sunday) return d + days(1);
    return d;
}

// A pair of consecutive holidays (1–2 January, 25–26 December): each one that
// falls on a weekend moves to the next weekday not already taken.
void add_pair(std::vector<holiday>& out, const date& first, const char* first_name, const char* second_name) {
    const date second = first + days(1);
    std::vector<date> taken;
    for (const auto& [d, name] : {std::pair{first, first_name}, std::pair{second, second_name}})
        if (!weekend(d)) taken.push_back(d);
    for (const auto& [d, name] : {std::pair{first, first_name}, std::pair{second, second_name}}) {
        if (!weekend(d)) {
            out.push_back({d, name});
            continue;
        }
        date obs = d;
        while (weekend(obs) || std::find(taken.begin(), taken.end(), obs) != taken.end()) obs += days(1);
        taken.push_back(obs);
        out.push_back({obs, std::string(name) + " (observed)"});
    }
}

void check_year(int year) {
    if (year < min_year || year > max_year)
        throw error(errc::out_of_range, "year " + std::to_string(year) + " is outside 1900..2199");
}

} // namespace

date easter_sunday(int year) {
    check_year(year);
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return make_date(year, month, day);
}

std::vector<holiday> holiday_calendar::compute(int year) const {
    check_year(year);

    std::vector<holiday> out;
    const auto y = static_cast<unsigned short>(year);
    add_pair(out, date(y, 1, 1), "New Year's Day", "Day after New Year's Day");
    const auto waitangi = date(y, 2, 6), anzac = date(y, 4, 25);
    const bool mondayised = year >= mondayised_from;
    out.push_back({mondayised ? next_monday_if_weekend(waitangi) : waitangi,
                   mondayised && weekend(waitangi) ? "Waitangi Day (observed)" : "Waitangi Day"});
    const date easter = easter_sunday(year);
    out.push_back({easter - days(2), "Good Friday"});
    out.push_back({easter + days(1), "Easter Monday"});
    out.push_back({mondayised ? next_monday_if_weekend(anzac) : anzac,
                   mondayised && weekend(anzac) ? "ANZAC Day (observed)" : "ANZAC Day"});
    out.push_back({nth_weekday(year, 6, wd::Monday, 1), "Sovereign's Birthday"});
    if (year >= matariki_first_year) {
        if (auto it = matariki_.find(year); it != matariki_.end()) {
            out.push_back({it->second, "Matariki"});
        } else if (year <= matariki_last_year) {
            const auto& md = matariki_table[year - matariki_first_year];
            out.push_back({make_date(year, md[0], md[1]), "Matariki"});
        } else {
            throw error(errc::out_of_range, "the Matariki holiday of " + std::to_string(year) +
                                                " is not known here: set it with holiday_calendar::set_matariki()");
        }
    }
    for (const auto& o : one_off_holidays)
        if (o.year == year) out.push_back({make_date(o.year, o.month, o.day), o.name});
    out.push_back({nth_weekday(year, 10, wd::Monday, 4), "Labour Day"});
    add_pair(out, date(y, 12, 25), "Christmas Day", "Boxing Day");
    for (const auto& [d, name] : extra_)
        if (d.year() == year) out.push_back({d, name});
    std::stable_sort(out.begin(), out.end(), [](const holiday& a, const holiday& b) { return a.date < b.date; });
    return out;
}

std::vector<holiday> holiday_calendar::holidays(int year) const { return compute(year); }

// Is a date a holiday? Decided from the rules directly, without building the
// year's list (a test checks both agree on every day).
bool holiday_calendar::is_holiday(const date& d) const {
    const date day = checked_date(d);
    const bool national = is_national_holiday(day);  // first: it refuses a year without its Matariki
    return national || (!extra_.empty() && extra_.count(day) > 0);
}

// A national public holiday as observed (not the host's own days).
bool holiday_calendar::is_national_holiday(const date& day) const {
    const auto ymd = day.year_month_day();
    const int year = ymd.year;
    const unsigned month = ymd.month;
    const auto y = static_cast<unsigned short>(year);
    if (year > matariki_last_year && !matariki_.count(year))
        throw error(errc::out_of_range, "the Matariki holiday of " + std::to_string(year) +
                                            " is not known here: set it with holiday_calendar::set_matariki()");
    switch (month) {
    case 1:
    case 12: {  // the two pairs, each observed on the next free weekdays
        std::vector<holiday> pair;
        pair.reserve(2);
        add_pair(pair, month == 1 ? date(y, 1, 1) : date(y, 12, 25), "", "");
        return pair[0].date == day || pair[1].date == day;
    }
    case 2:
        return ymd.day >= 6 && ymd.day <= 8 &&
               day == (year >= mondayised_from ? next_monday_if_weekend(date(y, 2, 6)) : date(y, 2, 6));
    case 3:
    case 4: {
        if (month == 4 && ymd.day >= 25 && ymd.day <= 27 &&
            day == (year >= mondayised_from ? next_monday_if_weekend(date(y, 4, 25)) : date(y, 4, 25)))
            return true;
        const date easter = easter_sunday(year);
        return day == easter - days(2) || day == easter + days(1);
    }
    case 6:
    case 7:
        if (month == 6 && ymd.day <= 7 && day == nth_weekday(year, 6, wd::Monday, 1)) return true;
        if (year >= matariki_first_year && day.day_of_week() == wd::Friday) {
            if (auto it = matariki_.find(year); it != matariki_.end()) return it->second == day;
            const auto& md = matariki_table[year - matariki_first_year];
            return day == date(y, static_cast<unsigned short>(md[0]), static_cast<unsigned short>(md[1]));
        }
        return false;
    case 9:
        for (const auto& o : one_off_holidays)
            if (o.year == year && o.month == 9 && static_cast<int>(ymd.day) == o.day) return true;
        return false;
    case 10: return ymd.day >= 22 && day == nth_weekday(year, 10, wd::Monday, 4);
    default: return false;  // May, August, November: no national holiday
    }
}

// Without a rule: the practice's working days.
bool holiday_calendar::is_working_day(const date& d) const { return is_working_day(d, working_day_rule::public_holidays); }

date holiday_calendar::add_working_days(const date& from, int n) const {
    return add_working_days(from, n, working_day_rule::public_holidays);
}

int holiday_calendar::working_days_between(const date& from, const date& to) const {
    return working_days_between(from, to, working_day_rule::public_holidays);
}

bool holiday_calendar::is_working_day(const date& d, working_day_rule rule) const {
    switch (rule) {
    case working_day_rule::public_holidays: return !weekend(checked_date(d)) && !is_holiday(d);
    case working_day_rule::privacy_act: {
        // Privacy Act 2020, s 7: the national holidays it lists (the New Year and
        // Christmas pairs fall in the break), Mondayised, and no day from 25 December to 15 January.
        const date day = checked_date(d);
        if (weekend(day)) return false;
        const auto md = day.month() * 100 + day.day();
        if (md >= 1225 || md <= 115) return false;
        return !is_national_holiday(day);
    }
    }
    checked_rule(rule);
    return false;  // not reached: checked_rule() throws
}

date holiday_calendar::add_working_days(const date& from, int n, working_day_rule rule) const {
    checked_rule(rule);
    if (n < 0) throw error(errc::invalid_argument, "a number of working days must not be negative");
    date d = checked_date(from);
    while (n > 0) {
        d += days(1);
        if (is_working_day(d, rule)) --n;
    }
    return d;
}

int holiday_calendar::working_days_between(const date& from, const date& to, working_day_rule rule) const {
    checked_rule(rule);
    date d = checked_date(from);
    const date end = checked_date(to);
    int n = 0;
    while (d < end) {
        d += days(1);
        if (is_working_day(d, rule)) ++n;
    }
    return n;
}

const char* source_of(working_day_rule rule) {
    return working_day_rule_sources[checked_rule(rule) - working_day_rule_table];
}

date privacy_response_due(const date& received, const holiday_calendar& calendar) {
    return calendar.add_working_days(received, privacy_response_working_days, working_day_rule::privacy_act);
}

void holiday_calendar::set_matariki(int year, const date& d) {
    const date checked = checked_date(d);
    if (checked.year() != year || checked.day_of_week() != wd::Friday)
        throw error(errc::invalid_argument, "Matariki of " + std::to_string(year) + " is a Friday in that year");
    matariki_[year] = checked;
}

void holiday_calendar::add(const date& d, const std::string& name) {
    const date checked = checked_date(d);
    extra_[checked] = checked_nonblank_utf8(name, "holiday name");
}

} // namespace sfcore
