#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace sfcore;

using fixtures::code_of;

TEST_CASE("dates are checked for existence and range", "[time]") {
    CHECK(make_date(2024, 2, 29) == date(2024, 2, 29));
    CHECK(code_of([] { make_date(2025, 2, 29); }) == errc::out_of_range);
    CHECK(code_of([] { make_date(2026, 13, 1); }) == errc::out_of_range);
    CHECK(code_of([] { make_date(1899, 12, 31); }) == errc::out_of_range);
    CHECK(code_of([] { make_date(2200, 1, 1); }) == errc::out_of_range);
    CHECK(code_of([] { checked_date(date(boost::date_time::not_a_date_time)); }) == errc::out_of_range);
    CHECK(code_of([] { checked_date(date(boost::date_time::pos_infin)); }) == errc::out_of_range);
    CHECK(code_of([] { checked_date(date(1899, 12, 31)); }) == errc::out_of_range);
    CHECK(code_of([] { checked_date(date(2200, 1, 1)); }) == errc::out_of_range);
    CHECK(checked_date(date(1900, 1, 1)) == date(1900, 1, 1));
    CHECK(checked_date(date(2199, 12, 31)) == date(2199, 12, 31));
}

TEST_CASE("dates round-trip through YYYYMMDD", "[time]") {
    CHECK(date_from_yyyymmdd(20261122) == date(2026, 11, 22));
    CHECK(to_yyyymmdd(date(1900, 1, 1)) == 19000101);
    CHECK(to_iso(date(2026, 3, 7)) == "2026-03-07");
    CHECK(code_of([] { date_from_yyyymmdd(20261131); }) == errc::out_of_range);
    CHECK(code_of([] { date_from_yyyymmdd(-1); }) == errc::out_of_range);
    CHECK(code_of([] { date_from_yyyymmdd(0); }) == errc::out_of_range);
}

TEST_CASE("an instant to the second drops its fraction, as checked_instant does", "[time]") {
    const instant whole(date(2026, 3, 9), boost::posix_time::time_duration(9, 30, 15));
    const instant part = whole + boost::posix_time::microseconds(999'999);
    CHECK(to_the_second(part) == whole);
    CHECK(to_the_second(whole) == whole);
    CHECK(checked_instant(part) == whole);
    CHECK(to_the_second(instant(boost::posix_time::not_a_date_time)).is_not_a_date_time());
}

TEST_CASE("instants round-trip through Unix seconds, before and after 1970", "[time]") {
    const std::int64_t samples[] = {0, 1, -1, 86399, 86400, -86401, 1795000000, -2208988800LL, 7258118399LL};
    for (auto s : samples) {
        CAPTURE(s);
        CHECK(to_unix(instant_from_unix(s)) == s);
    }
    CHECK(instant_from_unix(-1) == instant(date(1969, 12, 31), boost::posix_time::hours(23) +
                                                                   boost::posix_time::minutes(59) +
                                                                   boost::posix_time::seconds(59)));
    CHECK(code_of([] { instant_from_unix(-2208988801LL); }) == errc::out_of_range);
    CHECK(code_of([] { instant_from_unix(7258118400LL); }) == errc::out_of_range);
    // A fraction of a second rounds down, on either side of 1970.
    CHECK(to_unix(instant_from_unix(10) + boost::posix_time::milliseconds(900)) == 10);
    CHECK(to_unix(instant_from_unix(-10) + boost::posix_time::milliseconds(900)) == -10);
    CHECK(to_unix(instant_from_unix(-10) - boost::posix_time::milliseconds(100)) == -11);
    CHECK(code_of([] { to_unix(instant()); }) == errc::invalid_argument);
}

TEST_CASE("an instant as ISO 8601 text in UTC, with a fraction only when it has one", "[time]") {
    const instant t(date(2026, 3, 9), boost::posix_time::time_duration(9, 5, 7));
    CHECK(to_iso(t) == "2026-03-09T09:05:07Z");
    CHECK(to_iso(t + boost::posix_time::microseconds(250'000)) == "2026-03-09T09:05:07.250000Z");
    CHECK(to_iso(t + boost::posix_time::microseconds(1)) == "2026-03-09T09:05:07.000001Z");
    CHECK(to_iso(instant_from_unix(-2208988800LL)) == "1900-01-01T00:00:00Z");
    CHECK(to_iso(instant_from_unix(7258118399LL)) == "2199-12-31T23:59:59Z");
    CHECK(code_of([] { to_iso(instant()); }) == errc::invalid_argument);
    CHECK(code_of([] { to_iso(instant(boost::posix_time::pos_infin)); }) == errc::invalid_argument);
}
