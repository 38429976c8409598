#include <catch2/catch.hpp>

#include <string>

#include "sfcore/text.hpp"

using namespace sfcore;
using namespace std::string_literals;

TEST_CASE("UTF-8 validation accepts macrons and refuses malformed text", "[text]") {
    using row = std::tuple<std::string, bool>;
    auto [input, valid] = GENERATE(table<std::string, bool>({
        row{"Te Rangi whānau", true},
        row{"Ōtāhuhu", true},
        row{"ā ē ī ō ū Ā Ē Ī Ō Ū", true},
        row{"\xF0\x9F\x8C\xBF fern", true},          // 4-byte sequence
        row{"", true},
        row{"\xC3", false},                           // truncated
        row{"\xC0\xAF", false},                       // overlong '/'
        row{"\xE0\x80\xAF", false},                   // overlong 3-byte
        row{"\xED\xA0\x80", false},                   // UTF-16 surrogate
        row{"\xF4\x90\x80\x80", false},               // above U+10FFFF
        row{"\xFF", false},
        row{"abc\x80", false},                        // stray continuation
        row{"a\0b"s, false},                          // embedded NUL
    }));
    CAPTURE(input);
    CHECK(is_valid_utf8(input) == valid);
}

TEST_CASE("checked text gives a clear error", "[text]") {
    CHECK(checked_utf8("Ngā mihi", "greeting") == "Ngā mihi");
    CHECK_THROWS_MATCHES(checked_utf8("\xC3(", "family name"), error,
                         Catch::Matchers::Predicate<error>([](const error& e) { return e.code() == errc::invalid_utf8; }));
    CHECK_THROWS_WITH(checked_nonblank_utf8("   ", "family name"), Catch::Contains("family name must not be empty"));
}

TEST_CASE("blank is one thing: empty, or only spaces, tabs and line breaks", "[text]") {
    for (const char* blank : {"", " ", "\t", "\r\n", " \t \n "}) {
        CAPTURE(blank);
        CHECK(is_blank(blank));
        CHECK_THROWS_WITH(check_nonblank_utf8(blank, "note"), Catch::Contains("note must not be empty"));
    }
    for (const char* text : {"x", " Ngā ", "\t.\n", "\xC2\xA0"}) {  // a no-break space is something
        CAPTURE(text);
        CHECK_FALSE(is_blank(text));
        CHECK_NOTHROW(check_nonblank_utf8(text, "note"));
    }
    CHECK_THROWS_WITH(check_utf8("\xC3(", "note"), Catch::Contains("note is not valid UTF-8"));
    CHECK_THROWS_WITH(check_nonblank_utf8("\xC3(", "note"), Catch::Contains("note is not valid UTF-8"));
}

TEST_CASE("the eight-byte ASCII path finds a bad byte or a NUL at every offset", "[text]") {
    // Long ASCII text is checked eight bytes at a time: a fault must be found
    // wherever it falls in or between those blocks, before and after valid
    // multi-byte characters.
    for (std::size_t len = 1; len <= 40; ++len)
        for (std::size_t at = 0; at < len; ++at) {
            std::string ok(len, 'a');
            CHECK(is_valid_utf8(ok));
            for (const char bad : {'\0', '\x80', '\xFF', '\xC3'}) {
                std::string s = ok;
                s[at] = bad;
                CAPTURE(len, at, static_cast<int>(static_cast<unsigned char>(bad)));
                CHECK_FALSE(is_valid_utf8(s));
            }
            std::string macron = ok;
            macron.replace(at, 1, "ā");
            CHECK(is_valid_utf8(macron));
            CHECK_FALSE(is_valid_utf8(macron.substr(0, at + 1)));  // cut inside the two-byte character
        }
}
