// SFCORE_FIELDS: a model type's fields, listed once, inside the type.
//
// The canonical encoding that the hash chain and the store use, and the
// archives, walk a type's fields in the order its SFCORE_FIELDS line lists
// them (src/walker.hpp finds the line's fields_of() by argument-dependent
// lookup). Equality is each type's defaulted operator== over all its
// members, so a member left off the line is compared and not saved: the
// archive and journal round-trip tests then fail. A type with no fields
// lists none: SFCORE_FIELDS(T). SFCORE_VALUE(T, ...) is the same line for a
// value type whose equality is field by field: it adds the defaulted
// operator== (the payloads and most model types).
//
// The line also names the fields (field_names()): the JSON form of a
// payload (sfcore/json.hpp) and the Python classes made from the line use
// them, so a field is named where it is listed.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#define SFCORE_FIELDS(T, ...)                                                                  \
    friend auto fields_of([[maybe_unused]] T& x) { return std::tie(__VA_ARGS__); }             \
    friend auto fields_of([[maybe_unused]] const T& x) { return std::tie(__VA_ARGS__); }       \
    friend constexpr const char* field_line_of(const T*) noexcept { return #__VA_ARGS__; }

#define SFCORE_VALUE(T, ...)                                                                   \
    friend bool operator==(const T&, const T&) = default;                                      \
    SFCORE_FIELDS(T, __VA_ARGS__)

namespace sfcore::detail {

// True for a type with a field line (found by argument-dependent lookup).
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(fields_of(std::declval<T&>()))>> : std::true_type {};

// "x.a, x.b" → {"a", "b"}; "" → {}.
inline std::vector<std::string> split_field_line(std::string_view line) {
    std::vector<std::string> names;
    while (!line.empty()) {
        const std::size_t comma = line.find(',');
        std::string_view item = line.substr(0, comma);
        line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.substr(0, 2) == "x.") item.remove_prefix(2);
        names.emplace_back(item);
    }
    return names;
}

/**
 * @brief The names of a type's fields, in the order of its SFCORE_FIELDS line
 * (the member names, e.g. {"member", "signed_on", ...}). The strings live
 * as long as the program.
 * @since 0.3.0
 */
template <class T>
const std::vector<std::string>& field_names() {
    static const std::vector<std::string> names = split_field_line(field_line_of(static_cast<const T*>(nullptr)));
    return names;
}

} // namespace sfcore::detail
