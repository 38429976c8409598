#include <catch2/catch.hpp>

#include <set>

#include <boost/date_time/local_time/local_time.hpp>

#include "fixtures.hpp"
#include "reference_calendar.hpp"
#include "tzif.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {
std::vector<std::string> observed(int year) {
    std::vector<std::string> out;
    for (const auto& h : holiday_calendar{}.holidays(year)) out.push_back(to_iso(h.date) + " " + h.name);
    return out;
}
} // namespace

TEST_CASE("Easter Sunday 2020-2030", "[calendar]") {
    const char* expected[] = {"2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
                              "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21"};
    for (int y = 2020; y <= 2030; ++y) CHECK(to_iso(easter_sunday(y)) == expected[y - 2020]);
}

TEST_CASE("New Zealand public holidays with Mondayisation and Matariki", "[calendar]") {
    SECTION("2021: Waitangi, ANZAC, 2 January, Christmas and Boxing Day all on weekends") {
        CHECK(observed(2021) == std::vector<std::string>{
                                    "2021-01-01 New Year's Day", "2021-01-04 Day after New Year's Day (observed)",
                                    "2021-02-08 Waitangi Day (observed)", "2021-04-02 Good Friday",
                                    "2021-04-05 Easter Monday", "2021-04-26 ANZAC Day (observed)",
                                    "2021-06-07 Sovereign's Birthday", "2021-10-25 Labour Day",
                                    "2021-12-27 Christmas Day (observed)", "2021-12-28 Boxing Day (observed)"});
    }
    SECTION("2022: the first Matariki and the Queen's memorial day; New Year's Day on a Saturday, Christmas on a Sunday") {
        CHECK(observed(2022) == std::vector<std::string>{
                                    "2022-01-03 New Year's Day (observed)",
                                    "2022-01-04 Day after New Year's Day (observed)",
                                    "2022-02-07 Waitangi Day (observed)", "2022-04-15 Good Friday",
                                    "2022-04-18 Easter Monday", "2022-04-25 ANZAC Day",
                                    "2022-06-06 Sovereign's Birthday", "2022-06-24 Matariki",
                                    "2022-09-26 Queen Elizabeth II Memorial Day", "2022-10-24 Labour Day",
                                    "2022-12-26 Boxing Day", "2022-12-27 Christmas Day (observed)"});
    }
    SECTION("2023: New Year's Day on a Sunday") {
        const auto h = observed(2023);
        CHECK(h[0] == "2023-01-02 Day after New Year's Day");
        CHECK(h[1] == "2023-01-03 New Year's Day (observed)");
        CHECK(std::find(h.begin(), h.end(), "2023-07-14 Matariki") != h.end());
    }
    SECTION("2026: ANZAC Day on a Saturday, Boxing Day on a Saturday") {
        CHECK(observed(2026) == std::vector<std::string>{
                                    "2026-01-01 New Year's Day", "2026-01-02 Day after New Year's Day",
                                    "2026-02-06 Waitangi Day", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                                    "2026-04-27 ANZAC Day (observed)", "2026-06-01 Sovereign's Birthday",
                                    "2026-07-10 Matariki", "2026-10-26 Labour Day", "2026-12-25 Christmas Day",
                                    "2026-12-28 Boxing Day (observed)"});
    }
    SECTION("every year 2020-2030: 10 holidays before Matariki, 11 after, all on weekdays, none twice") {
        const int matariki[][2] = {{0, 0}, {0, 0}, {6, 24}, {7, 14}, {6, 28}, {6, 20}, {7, 10}, {6, 25}, {7, 14}, {7, 6}, {6, 21}};
        for (int y = 2020; y <= 2030; ++y) {
            CAPTURE(y);
            const auto hs = holiday_calendar{}.holidays(y);
            CHECK(hs.size() == (y == 2022 ? 12u : y > 2022 ? 11u : 10u));
            std::set<date> days;
            for (const auto& h : hs) {
                CHECK(h.date.day_of_week() != boost::date_time::Saturday);
                CHECK(h.date.day_of_week() != boost::date_time::Sunday);
                CHECK(days.insert(h.date).second);
            }
            if (y >= 2022) {
                const date m = make_date(y, matariki[y - 2020][0], matariki[y - 2020][1]);
                CHECK(m.day_of_week() == boost::date_time::Friday);
                CHECK(holiday_calendar{}.is_holiday(m));
            }
        }
    }
}

TEST_CASE("is_holiday agrees with the holiday list on every day 1990-2060", "[calendar]") {
    holiday_calendar cal;
    cal.add(make_date(2026, 1, 26), "Auckland Anniversary Day");
    cal.add(make_date(2026, 11, 13), "Canterbury Anniversary Day");  // a month with no national holiday
    cal.add(make_date(2027, 5, 3), "a regional day in May");
    for (int y = 2031; y <= 2060; ++y) {  // later Matariki dates, as the caller sets them
        date friday(static_cast<unsigned short>(y), 7, 1);
        while (friday.day_of_week() != boost::date_time::Friday) friday += boost::gregorian::days(1);
        cal.set_matariki(y, friday);
    }
    for (int y = 1990; y <= 2060; ++y) {
        std::set<date> listed;
        for (const auto& h : cal.holidays(y)) listed.insert(h.date);
        for (date d(static_cast<unsigned short>(y), 1, 1); d.year() == y; d += boost::gregorian::days(1)) {
            if (cal.is_holiday(d) != (listed.count(d) == 1)) FAIL("disagree on " << to_iso(d));
        }
    }
    SUCCEED();
}

TEST_CASE("working days skip weekends and holidays", "[calendar]") {
    const holiday_calendar cal;
    CHECK(cal.add_working_days(make_date(2026, 11, 2), 15) == make_date(2026, 11, 23));
    CHECK(cal.add_working_days(make_date(2026, 12, 21), 5) == make_date(2026, 12, 30));  // 25th and 28th are holidays
    CHECK(cal.add_working_days(make_date(2026, 7, 9), 1) == make_date(2026, 7, 13));     // Matariki Friday
    CHECK(cal.working_days_between(make_date(2026, 11, 2), make_date(2026, 11, 23)) == 15);
    CHECK(cal.working_days_between(make_date(2026, 11, 23), make_date(2026, 11, 2)) == 0);
    CHECK_FALSE(cal.is_working_day(make_date(2026, 4, 27)));
    CHECK(cal.is_working_day(make_date(2026, 4, 28)));
    CHECK(code_of([&] { cal.add_working_days(make_date(2026, 1, 1), -1); }) == errc::invalid_argument);
}

TEST_CASE("Matariki after the known years must be set, and regional days can be added", "[calendar]") {
    holiday_calendar cal;
    CHECK(code_of([&] { cal.holidays(2053); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.is_holiday(make_date(2053, 3, 3)); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.set_matariki(2053, make_date(2053, 6, 19)); }) == errc::invalid_argument);  // a Thursday
    cal.set_matariki(2053, make_date(2053, 6, 20));
    CHECK(cal.is_holiday(make_date(2053, 6, 20)));
    cal.add(make_date(2026, 1, 26), "Auckland Anniversary Day");
    CHECK(cal.is_holiday(make_date(2026, 1, 26)));
    CHECK_FALSE(holiday_calendar{}.is_holiday(make_date(2026, 1, 26)));
    CHECK(code_of([&] { cal.holidays(1899); }) == errc::out_of_range);
}

TEST_CASE("New Zealand local time follows daylight saving", "[time][nz]") {
    // NZST (+12) in winter, NZDT (+13) in summer.
    CHECK(nz_time(make_date(2026, 7, 1), 10, 0) == instant(make_date(2026, 6, 30), boost::posix_time::hours(22)));
    CHECK(nz_time(make_date(2026, 12, 1), 10, 0) == instant(make_date(2026, 11, 30), boost::posix_time::hours(21)));
    const nz_local l = nz_local_time(instant(make_date(2026, 11, 30), boost::posix_time::hours(21)));
    CHECK(l.date == make_date(2026, 12, 1));
    CHECK(l.hour == 10);
    CHECK(l.utc_offset == 780);
    CHECK(nz_local_time(instant(make_date(2026, 6, 30), boost::posix_time::hours(22))).utc_offset == 720);
    // Daylight saving starts 02:00 on the last Sunday of September, ends 03:00 on the first Sunday of April.
    CHECK(code_of([] { nz_time(make_date(2026, 9, 27), 2, 30); }) == errc::out_of_range);
    CHECK(code_of([] { nz_time(make_date(2026, 4, 5), 2, 30); }) == errc::out_of_range);
    CHECK(nz_time(make_date(2026, 9, 27), 3, 0) == instant(make_date(2026, 9, 26), boost::posix_time::hours(14)));
    CHECK(code_of([] { nz_time(make_date(2026, 9, 1), 24, 0); }) == errc::out_of_range);
}

TEST_CASE("New Zealand local time to an instant agrees with Boost's time zone rules from 2008", "[time][nz]") {
    // Today's rule (in force from April 2008): every quarter hour of 2024-2027 (each daylight-saving change
    // included), then every 3 hours 7 minutes to 2199: the same instant, the same ambiguity, the same times that
    // do not exist.
    using boost::local_time::local_date_time;
    const boost::local_time::time_zone_ptr zone(new boost::local_time::posix_time_zone("NZST+12NZDT,M9.5.0,M4.1.0/3"));
    const auto agree = [&](const date& d, int h, int m) {
        enum { fine, twice, missing } expected = fine;
        instant want;
        try {
            want = local_date_time(d, boost::posix_time::hours(h) + boost::posix_time::minutes(m), zone,
                                   local_date_time::EXCEPTION_ON_ERROR).utc_time();
        } catch (const boost::local_time::ambiguous_result&) {
            expected = twice;
        } catch (const boost::local_time::time_label_invalid&) {
            expected = missing;
        }
        try {
            const instant got = nz_time(d, h, m);
            return expected == fine && got == want;
        } catch (const error& e) {
            return expected != fine && e.code() == errc::out_of_range &&
                   std::string(e.what()).find(expected == twice ? "twice" : "does not exist") != std::string::npos;
        }
    };
    std::size_t checked = 0, special = 0;
    for (date d = make_date(2024, 1, 1); d <= make_date(2027, 12, 31); d += boost::gregorian::days(1))
        for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
            if (!agree(d, minutes / 60, minutes % 60)) FAIL("differs at " << to_iso(d) << " " << minutes);
            ++checked;
        }
    for (long step = 0;; ++step) {
        const long total = step * 187;  // minutes
        const date d = make_date(2008, 4, 7) + boost::gregorian::days(total / (24 * 60));
        if (d > make_date(2199, 12, 31)) break;
        const int h = static_cast<int>(total % (24 * 60) / 60), m = static_cast<int>(total % 60);
        if (!agree(d, h, m)) FAIL("differs at " << to_iso(d) << " " << h << ":" << m);
        ++checked;
    }
    // Both changes of a year are among them: 02:30 on the first Sunday of April happens twice, on the last Sunday of
    // September not at all.
    CHECK(agree(make_date(2026, 4, 5), 2, 30));
    CHECK(agree(make_date(2026, 9, 27), 2, 30));
    for (int y = 2024; y <= 2027; ++y) special += code_of([&] { nz_time(make_date(y, 4, 1), 0, 0); }) == errc::ok;
    CHECK(special == 4);
    CHECK(checked > 400000);
}

TEST_CASE("New Zealand local time follows the time zone database's history, 1900-2037", "[time][nz]") {
    // The database's own file, read by the tests' reader: every offset from 1900 to 2037 (+11:30 and its
    // summer times, +12:00 from 1946, daylight saving from 1974 by each period's rules).
    const tzif::zone z = tzif::read("/usr/share/zoneinfo/Pacific/Auckland");
    const std::int64_t from = to_unix(instant(make_date(1900, 1, 1))), to = to_unix(instant(make_date(2037, 12, 31)));
    std::size_t changes = 0;
    for (const auto& t : z.transitions) {
        if (t.at <= from || t.at >= to) continue;
        ++changes;
        for (std::int64_t s : {t.at - 1, t.at}) {
            const nz_local l = nz_local_time(instant_from_unix(s));
            if (l.utc_offset * 60 != z.offset_at(s)) FAIL("offset differs at " << s);
        }
    }
    CHECK(changes > 150);  // NZ has changed its clocks well over a hundred times since 1900
    for (std::int64_t s = from; s < to; s += 61 * 60 + 7) {
        const nz_local l = nz_local_time(instant_from_unix(s));
        const std::int64_t local = s + z.offset_at(s);
        const date day = unix_epoch.date() + boost::gregorian::days(static_cast<long>(local >= 0 ? local / 86400 : -((-local + 86399) / 86400)));
        if (l.utc_offset * 60 != z.offset_at(s) || l.date != day) FAIL("local time differs at " << s);
    }
    // Local to UTC on every day around each change, and every 5th day otherwise: a local time read with each
    // offset the zone has had; exactly one reading is the instant, two are ambiguous, none does not exist.
    const auto expected = [&](std::int64_t local, std::int64_t& u) {
        int readings = 0;
        for (std::int32_t o : {41400, 43200, 45000, 46800})
            if (z.offset_at(local - o) == o) {
                u = local - o;
                ++readings;
            }
        return readings;
    };
    std::size_t checked = 0;
    for (date d = make_date(1900, 1, 2); d <= make_date(2037, 12, 30); d += boost::gregorian::days(1)) {
        const std::int64_t midnight = (d - unix_epoch.date()).days() * std::int64_t{86400};
        bool near_change = false;
        for (const auto& t : z.transitions) near_change = near_change || (t.at > midnight - 2 * 86400 && t.at < midnight + 2 * 86400);
        if (!near_change && (d - make_date(1900, 1, 2)).days() % 5) continue;
        for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
            std::int64_t want = 0;
            const int readings = expected(midnight + minutes * 60, want);
            const errc got = code_of([&] {
                const instant t = nz_time(d, minutes / 60, minutes % 60);
                if (readings == 1 && to_unix(t) != want) FAIL(to_iso(d) << " " << minutes << ": another instant");
            });
            if ((readings == 1) != (got == errc::ok)) FAIL(to_iso(d) << " " << minutes << ": " << readings << " readings");
            ++checked;
        }
    }
    CHECK(checked > 900000);
    // Known moments: daylight saving from 1990 started on the first Sunday of October and ended on the third
    // Sunday of March (today's rule dates from 2007-08); before 1946 the zone was +11:30.
    CHECK(nz_local_time(instant(make_date(2000, 10, 1), boost::posix_time::hours(14))).utc_offset == 780);
    CHECK(nz_local_time(instant(make_date(2000, 9, 25), boost::posix_time::hours(0))).utc_offset == 720);
    CHECK(nz_local_time(instant(make_date(1935, 7, 1))).utc_offset == 690);
    CHECK(code_of([] { nz_time(make_date(2000, 10, 1), 2, 30); }) == errc::out_of_range);
}

TEST_CASE("every day of 2014-2052 is a holiday exactly when a separately written calendar says so", "[calendar]") {
    const holiday_calendar cal;
    std::size_t days = 0, holidays = 0;
    for (int y = 2014; y <= 2052; ++y) {
        const std::set<long> want = reference_calendar::holidays(y);
        std::set<long> listed;
        for (const auto& h : cal.holidays(y)) listed.insert((h.date - unix_epoch.date()).days());
        if (listed != want) FAIL("the holidays of " << y << " differ");
        for (date d = make_date(y, 1, 1); d <= make_date(y, 12, 31); d += boost::gregorian::days(1)) {
            const long n = (d - unix_epoch.date()).days();
            const bool holiday = want.count(n) > 0, weekend = reference_calendar::weekday(n) >= 5;
            if (cal.is_holiday(d) != holiday) FAIL(to_iso(d) << ": is_holiday() differs");
            if (cal.is_working_day(d) != (!holiday && !weekend)) FAIL(to_iso(d) << ": is_working_day() differs");
            ++days;
            holidays += holiday;
        }
    }
    CHECK(days == 14245);
    CHECK(holidays > 400);  // about 11 a year (10 before Matariki), the 2022 memorial day, and two that fall together in 2038
}

TEST_CASE("the initial meeting's due date for every referral date of 2030-2031", "[calendar][timeliness]") {
    // 15 working days after the referral, counted by the reference calendar a day at a time.
    const holiday_calendar cal;
    for (date d = make_date(2030, 1, 1); d <= make_date(2031, 12, 31); d += boost::gregorian::days(1)) {
        const int year = static_cast<int>(d.year());
        long n = (d - unix_epoch.date()).days();
        for (int left = 15; left > 0;) {
            ++n;
            const int y = year + (n >= reference_calendar::day_number(year + 1, 1, 1) ? 1 : 0);
            const bool holiday = reference_calendar::holidays(y).count(n) > 0;
            if (reference_calendar::weekday(n) < 5 && !holiday) --left;
        }
        const date want = unix_epoch.date() + boost::gregorian::days(n);
        if (cal.add_working_days(d, 15) != want) FAIL(to_iso(d) << ": due " << to_iso(cal.add_working_days(d, 15)));
    }
    SUCCEED();
}

TEST_CASE("a Privacy Act request's due date for every request date of 2025-2031, by the Act's own working days", "[calendar][privacy]") {
    // 20 working days after the day received, counted a day at a time by a separately written reading of s 7.
    const holiday_calendar cal;
    std::size_t differ_from_practice = 0;
    for (date d = make_date(2025, 1, 1); d <= make_date(2031, 12, 31); d += boost::gregorian::days(1)) {
        long n = (d - unix_epoch.date()).days();
        for (int left = 20; left > 0;)
            if (reference_calendar::privacy_act_working_day(++n)) --left;
        const date want = unix_epoch.date() + boost::gregorian::days(n);
        if (privacy_response_due(d, cal) != want) FAIL(to_iso(d) << ": due " << to_iso(privacy_response_due(d, cal)));
        if (cal.add_working_days(d, 20, working_day_rule::privacy_act) != want) FAIL(to_iso(d) << ": add_working_days differs");
        if (cal.working_days_between(d, want, working_day_rule::privacy_act) != 20) FAIL(to_iso(d) << ": working_days_between differs");
        differ_from_practice += cal.add_working_days(d, 20) != want;
    }
    // The two definitions give different answers around every summer break.
    CHECK(differ_from_practice > 7 * 30);
}

TEST_CASE("two definitions of working day, each citing its law", "[calendar][privacy]") {
    holiday_calendar cal;
    // Received on Monday 15 December 2025: the Act's due date skips 25 December to 15 January.
    CHECK(privacy_response_due(make_date(2025, 12, 15), cal) == make_date(2026, 2, 3));
    CHECK(cal.add_working_days(make_date(2025, 12, 15), 20) == make_date(2026, 1, 16));
    CHECK(cal.add_working_days(make_date(2025, 12, 15), 20, working_day_rule::public_holidays) == make_date(2026, 1, 16));
    // 6-15 January are working days for the practice, not for the Act; ANZAC Day 2026 (a Saturday) is Mondayised in both.
    CHECK(cal.is_working_day(make_date(2026, 1, 6)));
    CHECK_FALSE(cal.is_working_day(make_date(2026, 1, 6), working_day_rule::privacy_act));
    CHECK(cal.is_working_day(make_date(2026, 1, 16), working_day_rule::privacy_act));
    CHECK_FALSE(cal.is_working_day(make_date(2026, 4, 27), working_day_rule::privacy_act));
    CHECK_FALSE(cal.is_working_day(make_date(2026, 4, 27)));
    // A regional anniversary day the host adds counts for the practice, not for the Act.
    cal.add(make_date(2026, 3, 9), "Taranaki Anniversary Day");
    CHECK_FALSE(cal.is_working_day(make_date(2026, 3, 9)));
    CHECK(cal.is_working_day(make_date(2026, 3, 9), working_day_rule::privacy_act));
    // Each definition names its source; a rule outside the table is an error.
    CHECK(std::string(source_of(working_day_rule::privacy_act)).find("Privacy Act 2020, s 7") != std::string::npos);
    CHECK(std::string(source_of(working_day_rule::public_holidays)).find("Holidays Act 2003") != std::string::npos);
    CHECK(std::string(label(working_day_rule::privacy_act)).find("25 December to 15 January") != std::string::npos);
    const auto bad = static_cast<working_day_rule>(9);
    CHECK(code_of([&] { cal.is_working_day(make_date(2026, 1, 6), bad); }) == errc::invalid_argument);
    CHECK(code_of([&] { cal.add_working_days(make_date(2026, 1, 6), 1, bad); }) == errc::invalid_argument);
    CHECK(code_of([&] { cal.working_days_between(make_date(2026, 1, 6), make_date(2026, 2, 6), bad); }) == errc::invalid_argument);
    CHECK(code_of([&] { source_of(bad); }) == errc::invalid_argument);
    CHECK(code_of([&] { cal.add_working_days(make_date(2026, 1, 6), -1, working_day_rule::privacy_act); }) == errc::invalid_argument);
    // After the known Matariki dates, the Act's count is refused as the practice's is.
    CHECK(code_of([&] { privacy_response_due(make_date(2052, 12, 20), cal); }) == errc::out_of_range);
}

TEST_CASE("Matariki is known to 2052, and a later year is refused until the host sets it", "[calendar]") {
    holiday_calendar cal;
    CHECK(cal.is_holiday(make_date(2052, 6, 21)));
    CHECK(cal.is_holiday(make_date(2031, 7, 11)));
    CHECK(code_of([&] { cal.is_working_day(make_date(2053, 3, 3)); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.add_working_days(make_date(2052, 12, 20), 15); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.set_matariki(2053, make_date(2053, 6, 19)); }) == errc::invalid_argument);  // a Thursday
    cal.set_matariki(2053, make_date(2053, 6, 20));
    CHECK(cal.is_holiday(make_date(2053, 6, 20)));
    CHECK(cal.add_working_days(make_date(2052, 12, 20), 15) == make_date(2053, 1, 16));
    // A case referred on 20 December 2030 is due, and can be kept in a store.
    CHECK(holiday_calendar{}.add_working_days(make_date(2030, 12, 20), 15) == make_date(2031, 1, 16));
    // Before 2014, a Waitangi or ANZAC Day on a weekend was not moved.
    CHECK_FALSE(holiday_calendar{}.is_holiday(make_date(2009, 4, 27)));  // ANZAC Day 2009 was a Saturday
    CHECK(holiday_calendar{}.is_holiday(make_date(2015, 4, 27)));        // 2015's was a Saturday too: Mondayised
}

TEST_CASE("a member's age on a date comes from their date of birth", "[model]") {
    member m;
    m.born = make_date(2008, 2, 29);
    CHECK(m.age_on(make_date(2026, 2, 28)) == 17);
    CHECK(m.age_on(make_date(2026, 3, 1)) == 18);
    m.born.reset();
    CHECK_FALSE(m.age_on(make_date(2026, 3, 1)).has_value());
}

TEST_CASE("New Zealand local time agrees with Boost's time zone rules from 2008", "[time][nz]") {
    // Every 37 minutes across 2020-2031, including both daylight-saving changes of every year,
    // then every 7 hours 13 minutes to 2199 (today's rule, in force from April 2008).
    const boost::local_time::time_zone_ptr zone(new boost::local_time::posix_time_zone("NZST+12NZDT,M9.5.0,M4.1.0/3"));
    for (instant t(make_date(2020, 1, 1)); t < instant(make_date(2031, 1, 1)); t += boost::posix_time::minutes(37)) {
        const boost::local_time::local_date_time expected(t, zone);
        const nz_local got = nz_local_time(t);
        const auto lt = expected.local_time();
        if (got.date != lt.date() || got.hour != lt.time_of_day().hours() || got.minute != lt.time_of_day().minutes()) {
            FAIL("differs at " << to_unix(t));
        }
    }
    for (instant t(make_date(2008, 4, 7)); t <= instant(make_date(2199, 12, 31), boost::posix_time::hours(23));
         t += boost::posix_time::minutes(433)) {
        const boost::local_time::local_date_time expected(t, zone);
        const nz_local got = nz_local_time(t);
        const auto lt = expected.local_time();
        if (got.date != lt.date() || got.hour != lt.time_of_day().hours() || got.minute != lt.time_of_day().minutes()) {
            FAIL("differs at " << to_unix(t));
        }
    }
    SUCCEED();
}
