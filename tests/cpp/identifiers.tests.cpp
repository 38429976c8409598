// NHI numbers: the two formats and their check characters.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "fixtures.hpp"
#include "sfcore/identifiers.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

// The check character computed apart from the library: letters looked up in
// the standard's alphabet, weights 7..2, modulus 11 (a digit) or 23 (a letter).
const std::string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ";

int value(char c) { return c >= '0' && c <= '9' ? c - '0' : static_cast<int>(alphabet.find(c)) + 1; }

// The one check character a six-character body takes, or 0 when none does.
char check_of(const std::string& body) {
    int sum = 0;
    for (int i = 0; i < 6; ++i) sum += (7 - i) * value(body[static_cast<std::size_t>(i)]);
    if (body[5] >= 'A') return alphabet[static_cast<std::size_t>(23 - sum % 23 - 1)];
    if (sum % 11 == 0) return 0;
    return static_cast<char>('0' + (11 - sum % 11) % 10);
}

} // namespace

TEST_CASE("NHI numbers of both formats, from the standard's test range", "[identifiers]") {
    for (const char* ok : {"ZZZ0016", "ZZZ0024", "ZAA0067", "ZAC5361", "ZBN77VL", "ZZZ00AC", "ZDR69YX", "ZSC21TN", "ZYZ81ZV",
                           "ZRA29VA", "zac5361", "zbn77vl"}) {
        CAPTURE(ok);
        CHECK(is_valid_nhi(ok));
    }
    CHECK(checked_nhi("zbn77vl") == "ZBN77VL");
    CHECK(checked_nhi("ZAC5361") == "ZAC5361");
    for (const char* bad : {"ZZZ0044", "ZZZ0017", "ZZZ00AA", "ZZZ00AY", "ZVU27KY", "ZVU27KZ", "ZZZ00AX", "ZHW58CZ", "ZAC5362", "ZIC5361", "ZOC5361",
                            "ZAC536", "ZAC53611", "", "1AC5361", "ZA55361", "ZAC5X61", "ZAC53A1", "ZAC536A", "ZVU27K1",
                            "ZAC 361", "ZAC5361\n"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_valid_nhi(bad));
        CHECK(code_of([&] { checked_nhi(bad); }) == errc::invalid_argument);
    }
    // A clear reason for each kind of slip.
    const auto why = [](std::string_view t) {
        try {
            checked_nhi(t);
        } catch (const error& e) {
            return std::string(e.detail());
        }
        return std::string();
    };
    CHECK(why("ZAC536") == "an NHI number has 7 characters");
    CHECK(why("ZIC5361") == "an NHI number starts with 3 letters (not I or O)");
    CHECK(why("ZAC5362") == "the NHI number's check digit does not match");
    CHECK(why("ZVU27KY") == "the NHI number's check letter does not match");
    CHECK(why("ZZZ0044") == "no check digit makes this NHI number valid");
}

TEST_CASE("every six-character body takes exactly the check character the standard's rule gives", "[identifiers]") {
    std::mt19937 rng(7);
    const auto letter = [&] { return alphabet[rng() % 24]; };
    const auto digit = [&] { return static_cast<char>('0' + rng() % 10); };
    std::size_t valid = 0, none = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string body{letter(), letter(), letter(), digit(), digit(), n % 2 ? letter() : digit()};
        const char want = check_of(body);
        none += want == 0;
        const std::string tail = body[5] >= 'A' ? alphabet : std::string("0123456789");
        for (char c : tail) {
            const bool ok = is_valid_nhi(body + c);
            if (ok != (c == want)) FAIL(body + c << ": " << (ok ? "accepted" : "refused"));
            valid += ok;
        }
    }
    CHECK(valid + none == 20000);
    CHECK(none > 0);  // original-format bodies whose sum is a multiple of 11 take no check digit
}
