// National Health Index numbers: their two formats and check characters.
#include "sfcore/identifiers.hpp"

#include "sfcore/error.hpp"

namespace sfcore {

namespace {

// A letter's value, A = 1 … Z = 24 without I and O; 0 for anything else.
int letter_value(char c) noexcept {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z' || c == 'I' || c == 'O') return 0;
    return c - 'A' + 1 - (c > 'I' ? 1 : 0) - (c > 'O' ? 1 : 0);
}

int digit_value(char c) noexcept { return c >= '0' && c <= '9' ? c - '0' : -1; }

// What is wrong with an NHI number, or nullptr when nothing is.
const char* nhi_problem(std::string_view t) noexcept {
    if (t.size() != 7) return "an NHI number has 7 characters";
    for (int i = 0; i < 3; ++i)
        if (!letter_value(t[i])) return "an NHI number starts with 3 letters (not I or O)";
    if (digit_value(t[3]) < 0 || digit_value(t[4]) < 0) return "an NHI number's 4th and 5th characters are digits";
    const bool revised = letter_value(t[5]) != 0;
    if (!revised && digit_value(t[5]) < 0) return "an NHI number's 6th character is a digit (AAANNNC) or a letter (AAANNAX)";
    static constexpr int weight[] = {7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 6; ++i) sum += weight[i] * (i < 3 || (i == 5 && revised) ? letter_value(t[i]) : digit_value(t[i]));
    if (revised) {
        if (!letter_value(t[6])) return "a revised NHI number (AAANNAX) ends with a check letter";
        return letter_value(t[6]) == 23 - sum % 23 ? nullptr : "the NHI number's check letter does not match";
    }
    if (digit_value(t[6]) < 0) return "an NHI number of the original format (AAANNNC) ends with a check digit";
    if (sum % 11 == 0) return "no check digit makes this NHI number valid";
    return digit_value(t[6]) == (11 - sum % 11) % 10 ? nullptr : "the NHI number's check digit does not match";
}

} // namespace

bool is_valid_nhi(std::string_view text) noexcept { return nhi_problem(text) == nullptr; }

std::string checked_nhi(std::string_view text) {
    if (const char* why = nhi_problem(text)) throw error(errc::invalid_argument, why);
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace sfcore
