#include <catch2/catch.hpp>

#include <set>

#include <boost/date_time/local_time/local_time.hpp>

#include "fixtures.hpp"

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
    SECTION("2022: the first Matariki; New Year's Day on a Saturday, Christmas on a Sunday") {
        CHECK(observed(2022) == std::vector<std::string>{
                                    "2022-01-03 New Year's Day (observed)",
                                    "2022-01-04 Day after New Year's Day (observed)",
                                    "2022-02-07 Waitangi Day (observed)", "2022-04-15 Good Friday",
                                    "2022-04-18 Easter Monday", "2022-04-25 ANZAC Day",
                                    "2022-06-06 Sovereign's Birthday", "2022-06-24 Matariki", "2022-10-24 Labour Day",
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
            CHECK(hs.size() == (y >= 2022 ? 11u : 10u));
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
    CHECK(code_of([&] { cal.holidays(2031); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.is_holiday(make_date(2031, 3, 3)); }) == errc::out_of_range);
    CHECK(code_of([&] { cal.set_matariki(2031, make_date(2031, 7, 10)); }) == errc::invalid_argument);  // a Thursday
    cal.set_matariki(2031, make_date(2031, 7, 11));
    CHECK(cal.is_holiday(make_date(2031, 7, 11)));
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

TEST_CASE("New Zealand local time to an instant agrees with Boost's time zone rules", "[time][nz]") {
    // Every quarter hour of 2024-2027 (each daylight-saving change included), then every 3 hours 7 minutes of
    // the whole accepted range: the same instant, the same ambiguity, the same times that do not exist.
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
        const date d = make_date(1900, 1, 2) + boost::gregorian::days(total / (24 * 60));  // (1 January's first hours are before 1900 in UTC)
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
    CHECK(checked > 600000);
}

TEST_CASE("a member's age on a date comes from their date of birth", "[model]") {
    member m;
    m.born = make_date(2008, 2, 29);
    CHECK(m.age_on(make_date(2026, 2, 28)) == 17);
    CHECK(m.age_on(make_date(2026, 3, 1)) == 18);
    m.born.reset();
    CHECK_FALSE(m.age_on(make_date(2026, 3, 1)).has_value());
}

TEST_CASE("the fast New Zealand local time agrees with Boost's time zone rules", "[time][nz]") {
    // Every 37 minutes across 2020-2031, including both daylight-saving changes of every year,
    // then every 7 hours 13 minutes across the whole accepted range.
    const boost::local_time::time_zone_ptr zone(new boost::local_time::posix_time_zone("NZST+12NZDT,M9.5.0,M4.1.0/3"));
    for (instant t(make_date(2020, 1, 1)); t < instant(make_date(2031, 1, 1)); t += boost::posix_time::minutes(37)) {
        const boost::local_time::local_date_time expected(t, zone);
        const nz_local got = nz_local_time(t);
        const auto lt = expected.local_time();
        if (got.date != lt.date() || got.hour != lt.time_of_day().hours() || got.minute != lt.time_of_day().minutes()) {
            FAIL("differs at " << to_unix(t));
        }
    }
    for (instant t(make_date(1900, 1, 1)); t <= instant(make_date(2199, 12, 31), boost::posix_time::hours(23));
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
