#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "sfcore/error.hpp"

using namespace sfcore;

TEST_CASE("every error code is unique, positive and in a known family", "[error]") {
    std::set<int> seen;
    for (const auto& row : error_table) {
        const int n = static_cast<int>(row.code);
        CAPTURE(row.name);
        CHECK(seen.insert(n).second);
        CHECK(n >= 100);
        CHECK(n <= 999);
        bool known = false;
        for (const auto& fam : error_family_table) known = known || fam.family == family_of(row.code);
        CHECK(known);
        CHECK(std::string(row.c_name).rfind("SF_E", 0) == 0);
    }
}

TEST_CASE("an error names its stable code, meaning and detail", "[error]") {
    const error e(errc::invalid_utf8, "family name is not valid UTF-8");
    CHECK(e.code() == errc::invalid_utf8);
    CHECK(e.family() == error_family::argument);
    CHECK(std::string(e.what()) == "[sfcore.error.103] text is not valid UTF-8: family name is not valid UTF-8");
    CHECK(find_error(errc::ok) == nullptr);
    REQUIRE(find_error(errc::not_found) != nullptr);
    CHECK(std::string(find_error(errc::not_found)->c_name) == "SF_ENOTFOUND");
}
