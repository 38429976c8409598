/**
 * @file identifiers.hpp
 * @brief Identifiers other systems know a person by, checked by their
 * published rules: the National Health Index (NHI) number.
 *
 * An NHI number is seven characters in one of two formats (HISO 10046:2023,
 * the Consumer Health Identity Standard): the original **AAANNNC** (three
 * letters, three digits, a check digit) and the revised **AAANNAX** (three
 * letters, two digits, a letter, a check letter). Letters are A–Z without I
 * and O, valued A = 1 … Z = 24. The first six characters are weighted 7, 6,
 * 5, 4, 3, 2 and summed:
 * - original: the sum modulo 11 must not be 0; the check digit is 11 less
 *   it, with 10 written as 0;
 * - revised: the check letter is the letter valued 23 less the sum modulo 23
 *   (so it is never Z; the 2022 edition of the standard used modulo 24).
 *
 * A number that passes is well formed, not necessarily assigned to anyone
 * (numbers beginning with Z are reserved for testing).
 */
#pragma once

#include <string>
#include <string_view>

namespace sfcore {

/**
 * @brief True when @p text is a well-formed NHI number in either format
 * (letters in either case). Never throws.
 * @since 0.2.0
 */
bool is_valid_nhi(std::string_view text) noexcept;

/**
 * @brief An NHI number checked and written in capitals (the form to store).
 * @throws sfcore::error errc::invalid_argument naming what is wrong: the
 *         length, a character in the wrong place, or the check character.
 * @since 0.2.0
 */
std::string checked_nhi(std::string_view text);

} // namespace sfcore
