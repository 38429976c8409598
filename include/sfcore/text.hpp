/**
 * @file text.hpp
 * @brief Text is UTF-8 throughout: names and words carry macrons (ā ē ī ō ū).
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sfcore/error.hpp"

namespace sfcore {

/**
 * @brief True when @p s is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF) and holds no NUL byte.
 * @since 0.1.0
 */
constexpr bool is_valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        // Eight ASCII bytes at a time (no high bit, no NUL): most text is ASCII.
        while (n - i >= 8) {
            std::uint64_t v = 0;
            for (std::size_t k = 0; k < 8; ++k) v |= std::uint64_t{static_cast<unsigned char>(s[i + k])} << (8 * k);
            const std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            if ((v & highs) || ((v - ones) & ~v & highs)) break;
            i += 8;
        }
        if (i >= n) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return false;
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return false;
        if (n - i < len) return false;
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c1 < lo || c1 > hi) return false;
        for (std::size_t k = 2; k < len; ++k) {
            const auto ck = static_cast<unsigned char>(s[i + k]);
            if (ck < 0x80 || ck > 0xBF) return false;
        }
        i += len;
    }
    return true;
}

/**
 * @brief Check that @p s is valid UTF-8 (without copying it).
 * @param s the text.
 * @param what what the text is, for the error message (e.g. "family name").
 * @throws sfcore::error errc::invalid_utf8 when it is not.
 * @since 0.2.0
 */
inline void check_utf8(std::string_view s, const char* what) {
    if (!is_valid_utf8(s)) throw error(errc::invalid_utf8, std::string(what) + " is not valid UTF-8");
}

/**
 * @brief Check that @p s is valid UTF-8 and return it as a string.
 * @param s the text.
 * @param what what the text is, for the error message (e.g. "family name").
 * @throws sfcore::error errc::invalid_utf8 when it is not.
 * @since 0.1.0
 */
inline std::string checked_utf8(std::string_view s, const char* what) {
    check_utf8(s, what);
    return std::string(s);
}

/**
 * @brief True when @p s is empty or only spaces, tabs and line breaks: the
 * one meaning of "blank" wherever a text must say something.
 * @since 0.2.0
 */
inline bool is_blank(std::string_view s) noexcept { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/**
 * @brief Check that @p s is valid UTF-8 and not blank (is_blank()).
 * @throws sfcore::error errc::invalid_utf8 or errc::invalid_argument.
 * @since 0.2.0
 */
inline void check_nonblank_utf8(std::string_view s, const char* what) {
    check_utf8(s, what);
    if (is_blank(s)) throw error(errc::invalid_argument, std::string(what) + " must not be empty");
}

/**
 * @brief As checked_utf8(), and the text must not be blank (is_blank()).
 * @throws sfcore::error errc::invalid_utf8 or errc::invalid_argument.
 * @since 0.1.0
 */
inline std::string checked_nonblank_utf8(std::string_view s, const char* what) {
    check_nonblank_utf8(s, what);
    return std::string(s);
}

} // namespace sfcore
