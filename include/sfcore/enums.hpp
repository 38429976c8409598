/**
 * @file enums.hpp
 * @brief The library's enumerations, each generated from its table in `sfcore/def/`.
 *
 * Every enumeration has a table of rows (value, name, label) that can be
 * listed at run time; the C ABI and the Python module read the same tables.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "sfcore/enum_tables.hpp"
#include "sfcore/error.hpp"

namespace sfcore {

/**
 * @brief The kind of an event type, from its row in `sfcore/def/events.def`.
 * @since 0.2.0
 */
constexpr event_kind kind_of(event_type t) noexcept {
    switch (t) {
#define SF_EVENT(sym, v, name, label, kind) \
    case event_type::name: return event_kind::kind;
#include "sfcore/def/events.def"
#undef SF_EVENT
    }
    return event_kind::access;
}

/** @brief The law each working_day_rule comes from, in value order. @since 0.2.0 */
inline constexpr const char* working_day_rule_sources[] = {
#define SF_WORKING_DAYS(sym, v, name, label, source) source,
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
};

namespace detail {
/**
 * @brief An enumeration's rows and what it is called in an error, for each
 * row of `sfcore/def/enumerations.def`.
 * @since 0.1.0
 */
template <class E> struct table_of;
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what_, doc, since, old_prefix, old_count)  \
    template <> struct table_of<cxx> {                                       \
        static constexpr const auto& rows = cxx##_table;                     \
        static constexpr const char* what = what_;                           \
    };
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
} // namespace detail

/**
 * @brief The table row of an enumerator.
 * @return the row, or nullptr for a value outside the table.
 * @since 0.1.0
 */
template <class E>
constexpr const enum_row<E>* find_row(E v) noexcept {
    for (const auto& row : detail::table_of<E>::rows)
        if (row.value == v) return &row;
    return nullptr;
}

/**
 * @brief The identifier of an enumerator, e.g. "plan_active"; "?" outside the table.
 * @since 0.1.0
 */
template <class E>
constexpr const char* to_string(E v) noexcept {
    const auto* row = find_row(v);
    return row ? row->name : "?";
}

/**
 * @brief The plain-language label of an enumerator, e.g. "plan active"; "?" outside the table.
 * @since 0.1.0
 */
template <class E>
constexpr const char* label(E v) noexcept {
    const auto* row = find_row(v);
    return row ? row->label : "?";
}

/**
 * @brief The enumerator with an integer value (the C ABI's and Python's form).
 * @throws sfcore::error errc::invalid_argument when no enumerator has that value.
 * @since 0.1.0
 */
template <class E>
E enum_from_int(long long v) {
    for (const auto& row : detail::table_of<E>::rows)
        if (static_cast<long long>(row.value) == v) return row.value;
    throw error(errc::invalid_argument,
                std::string("unknown ") + detail::table_of<E>::what + " " + std::to_string(v));
}

/**
 * @brief The enumerator with an identifier, e.g. "self" → error, "family" → referral_source::family.
 * @throws sfcore::error errc::invalid_argument when no enumerator has that identifier.
 * @since 0.1.0
 */
template <class E>
E enum_from_string(std::string_view name) {
    for (const auto& row : detail::table_of<E>::rows)
        if (name == row.name) return row.value;
    throw error(errc::invalid_argument,
                std::string("unknown ") + detail::table_of<E>::what + " \"" + std::string(name) + "\"");
}

} // namespace sfcore
