// A second New Zealand holiday calendar, written apart from the library's
// (its own day arithmetic, its own Easter, the Matariki schedule as text, each
// observed-day rule spelled out case by case), for the tests to compare with.
// It knows the years 2014–2052: Mondayised Waitangi and ANZAC Days, and
// Matariki from the Act's schedule.
#pragma once

#include <cstdlib>
#include <set>
#include <string>

namespace reference_calendar {

// Days since 1970-01-01 of a civil date, counted by months and leap years.
inline long day_number(int y, int m, int d) {
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const auto leap = [](int yr) { return (yr % 4 == 0 && yr % 100 != 0) || yr % 400 == 0; };
    long n = 0;
    for (int yr = 1970; yr < y; ++yr) n += leap(yr) ? 366 : 365;
    n += before[m - 1] + (m > 2 && leap(y) ? 1 : 0) + (d - 1);
    return n;
}
// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
inline int weekday(long n) { return static_cast<int>((n % 7 + 7 + 3) % 7); }

// Easter Sunday by Gauss's method, with the Gregorian corrections.
inline long easter(int y) {
    const int a = y % 19, b = y % 4, c = y % 7, k = y / 100;
    const int p = (13 + 8 * k) / 25, q = k / 4;
    const int M = (15 - p + k - q) % 30, N = (4 + k - q) % 7;
    const int d = (19 * a + M) % 30, e = (2 * b + 4 * c + 6 * d + N) % 7;
    int day = 22 + d + e, month = 3;
    if (day > 31) {
        day = d + e - 9;
        month = 4;
    }
    if (d == 29 && e == 6 && month == 4 && day == 26) day = 19;
    if (d == 28 && e == 6 && (11 * M + 11) % 30 < 19 && month == 4 && day == 25) day = 18;
    return day_number(y, month, day);
}

inline long matariki(int y) {
    static const char* schedule =
        "2022-06-24 2023-07-14 2024-06-28 2025-06-20 2026-07-10 2027-06-25 2028-07-14 2029-07-06 2030-06-21 "
        "2031-07-11 2032-07-02 2033-06-24 2034-07-07 2035-06-29 2036-07-18 2037-07-10 2038-06-25 2039-07-15 "
        "2040-07-06 2041-07-19 2042-07-11 2043-07-03 2044-06-24 2045-07-07 2046-06-29 2047-07-19 2048-07-03 "
        "2049-06-25 2050-07-15 2051-06-30 2052-06-21";
    const std::string s(schedule);
    const std::size_t at = s.find(std::to_string(y) + "-");
    if (at == std::string::npos) return -1;
    return day_number(y, std::atoi(s.c_str() + at + 5), std::atoi(s.c_str() + at + 8));
}

// The observed public holidays of a year (2014..2052), as day numbers.
inline std::set<long> holidays(int y) {
    std::set<long> out;
    const auto monday_if_weekend = [](long n) {
        const int w = weekday(n);
        return w == 5 ? n + 2 : w == 6 ? n + 1 : n;
    };
    // 1 and 2 January; 25 and 26 December: the Holidays Act's cases, spelled out.
    for (const auto& [m, d] : {std::pair{1, 1}, std::pair{12, 25}}) {
        const long first = day_number(y, m, d), second = first + 1;
        switch (weekday(first)) {
        case 4:  // Friday: the second is a Saturday, observed on Monday
            out.insert(first);
            out.insert(first + 3);
            break;
        case 5:  // Saturday and Sunday: observed Monday and Tuesday
            out.insert(first + 2);
            out.insert(first + 3);
            break;
        case 6:  // Sunday: the first is observed on Tuesday; the second is Monday
            out.insert(second);
            out.insert(first + 2);
            break;
        default:
            out.insert(first);
            out.insert(second);
        }
    }
    out.insert(monday_if_weekend(day_number(y, 2, 6)));   // Waitangi Day
    out.insert(monday_if_weekend(day_number(y, 4, 25)));  // ANZAC Day
    const long e = easter(y);
    out.insert(e - 2);
    out.insert(e + 1);
    long june = day_number(y, 6, 1);
    while (weekday(june) != 0) ++june;
    out.insert(june);  // the first Monday of June
    if (y >= 2022) out.insert(matariki(y));
    long october = day_number(y, 10, 1);
    while (weekday(october) != 0) ++october;
    out.insert(october + 21);  // the fourth Monday of October
    if (y == 2022) out.insert(day_number(2022, 9, 26));  // Queen Elizabeth II Memorial Day
    return out;
}

// The Privacy Act 2020's working day (s 7), from its own list: Monday to
// Friday, except Waitangi Day, Good Friday, Easter Monday, ANZAC Day, the
// Sovereign's birthday, Matariki and Labour Day (Waitangi and ANZAC Days on
// the next Monday when they fall on a weekend), 26 September 2022, and any
// day from 25 December to 15 January. n is a day number of 2014..2052.
inline bool privacy_act_working_day(long n) {
    if (weekday(n) >= 5) return false;
    int y = 1970;
    while (day_number(y + 1, 1, 1) <= n) ++y;
    if (n >= day_number(y, 12, 25) || n <= day_number(y, 1, 15)) return false;
    const auto monday_if_weekend = [](long d) {
        const int w = weekday(d);
        return w == 5 ? d + 2 : w == 6 ? d + 1 : d;
    };
    const long e = easter(y);
    long june = day_number(y, 6, 1);
    while (weekday(june) != 0) ++june;
    long october = day_number(y, 10, 1);
    while (weekday(october) != 0) ++october;
    const long listed[] = {monday_if_weekend(day_number(y, 2, 6)), e - 2, e + 1, monday_if_weekend(day_number(y, 4, 25)),
                           june, y >= 2022 ? matariki(y) : -1, october + 21, y == 2022 ? day_number(2022, 9, 26) : -1};
    for (long h : listed)
        if (h == n) return false;
    return true;
}

} // namespace reference_calendar
