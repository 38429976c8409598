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

#include "sfcore/error.hpp"

namespace sfcore {

/** @brief Who referred a family to a programme. @since 0.1.0 */
enum class referral_source : std::uint8_t {
#define SF_REFERRAL_SOURCE(sym, v, name, label) name = v,
#include "sfcore/def/referral_sources.def"
#undef SF_REFERRAL_SOURCE
};

/** @brief The programme a case belongs to. @since 0.1.0 */
enum class programme : std::uint8_t {
#define SF_PROGRAMME(sym, v, name, label) name = v,
#include "sfcore/def/programmes.def"
#undef SF_PROGRAMME
};

/** @brief Kinds of agency in the directory. @since 0.1.0 */
enum class agency_kind : std::uint8_t {
#define SF_AGENCY_KIND(sym, v, name, label) name = v,
#include "sfcore/def/agency_kinds.def"
#undef SF_AGENCY_KIND
};

/** @brief Where a case is in its lifecycle. @since 0.1.0 */
enum class state : std::uint8_t {
#define SF_STATE(sym, v, name, label) name = v,
#include "sfcore/def/states.def"
#undef SF_STATE
};

/** @brief The kinds of event a case's journal records. @since 0.1.0 */
enum class event_type : std::uint8_t {
#define SF_EVENT(sym, v, name, label, kind) name = v,
#include "sfcore/def/events.def"
#undef SF_EVENT
};

/**
 * @brief What an event is about: the case's process, what governs sharing,
 * or a decision or view the library recorded.
 * @since 0.2.0
 */
enum class event_kind : std::uint8_t {
#define SF_EVENT_KIND(sym, v, name, label) name = v,
#include "sfcore/def/event_kinds.def"
#undef SF_EVENT_KIND
};

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

/** @brief A family member's role. @since 0.1.0 */
enum class member_role : std::uint8_t {
#define SF_MEMBER_ROLE(sym, v, name, label) name = v,
#include "sfcore/def/member_roles.def"
#undef SF_MEMBER_ROLE
};

/** @brief Kinds of support agencies provide. @since 0.1.0 */
enum class support_type : std::uint8_t {
#define SF_SUPPORT_TYPE(sym, v, name, label) name = v,
#include "sfcore/def/support_types.def"
#undef SF_SUPPORT_TYPE
};

/** @brief Why a case closed. @since 0.1.0 */
enum class exit_reason : std::uint8_t {
#define SF_EXIT_REASON(sym, v, name, label) name = v,
#include "sfcore/def/exit_reasons.def"
#undef SF_EXIT_REASON
};

/** @brief The status of an action in a plan. @since 0.1.0 */
enum class action_status : std::uint8_t {
#define SF_ACTION_STATUS(sym, v, name, label) name = v,
#include "sfcore/def/action_statuses.def"
#undef SF_ACTION_STATUS
};

/** @brief Kinds of meeting. @since 0.1.0 */
enum class meeting_kind : std::uint8_t {
#define SF_MEETING_KIND(sym, v, name, label) name = v,
#include "sfcore/def/meeting_kinds.def"
#undef SF_MEETING_KIND
};

/** @brief Who a party is: a family member, an agency or a named practitioner. @since 0.1.0 */
enum class party_kind : std::uint8_t {
#define SF_PARTY_KIND(sym, v, name, label) name = v,
#include "sfcore/def/party_kinds.def"
#undef SF_PARTY_KIND
};

/** @brief The named guards of the transition table. @since 0.1.0 */
enum class guard : std::uint8_t {
#define SF_GUARD(sym, v, name, label) name = v,
#include "sfcore/def/guards.def"
#undef SF_GUARD
};

/** @brief What is overdue. @since 0.1.0 */
enum class overdue_kind : std::uint8_t {
#define SF_OVERDUE_KIND(sym, v, name, label) name = v,
#include "sfcore/def/overdue_kinds.def"
#undef SF_OVERDUE_KIND
};

/** @brief Information categories: what a piece of information is about (callers may register more). @since 0.1.0 */
enum class category : std::uint8_t {
#define SF_CATEGORY(sym, v, name, label) name = v,
#include "sfcore/def/categories.def"
#undef SF_CATEGORY
};

/** @brief Why information is shared. @since 0.1.0 */
enum class purpose : std::uint8_t {
#define SF_PURPOSE(sym, v, name, label) name = v,
#include "sfcore/def/purposes.def"
#undef SF_PURPOSE
};

/** @brief Areas a family's key issues fall in. @since 0.1.0 */
enum class issue_area : std::uint8_t {
#define SF_ISSUE_AREA(sym, v, name, label) name = v,
#include "sfcore/def/issue_areas.def"
#undef SF_ISSUE_AREA
};

/** @brief The rule that decided a disclosure. @since 0.1.0 */
enum class decision_rule : std::uint8_t {
#define SF_DECISION_RULE(sym, v, name, label) name = v,
#include "sfcore/def/decision_rules.def"
#undef SF_DECISION_RULE
};

/** @brief Legal bases for sharing without consent. @since 0.1.0 */
enum class legal_basis : std::uint8_t {
#define SF_LEGAL_BASIS(sym, v, name, label) name = v,
#include "sfcore/def/legal_bases.def"
#undef SF_LEGAL_BASIS
};

/** @brief The outcomes Strengthening Families works toward; a plan's actions name the ones they serve. @since 0.2.0 */
enum class outcome_area : std::uint8_t {
#define SF_OUTCOME_AREA(sym, v, name, label) name = v,
#include "sfcore/def/outcome_areas.def"
#undef SF_OUTCOME_AREA
};

/**
 * @brief A definition of "working day", each from a law (`sfcore/def/working_days.def`):
 * the practice timeframes count one, the Privacy Act's access and correction requests the other.
 * @since 0.2.0
 */
enum class working_day_rule : std::uint8_t {
#define SF_WORKING_DAYS(sym, v, name, label, source) name = v,
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
};

/** @brief Who may ask for information under Oranga Tamariki Act s66. @since 0.2.0 */
enum class s66_requester : std::uint8_t {
#define SF_S66_REQUESTER(sym, v, name, label) name = v,
#include "sfcore/def/s66_requesters.def"
#undef SF_S66_REQUESTER
};

/** @brief The six purposes of Oranga Tamariki Act s66C. @since 0.1.0 */
enum class s66c_purpose : std::uint8_t {
#define SF_S66C_PURPOSE(sym, v, name, label) name = v,
#include "sfcore/def/s66c_purposes.def"
#undef SF_S66C_PURPOSE
};

/**
 * @brief One row of an enumeration's table.
 * @tparam E the enumeration.
 * @since 0.1.0
 */
template <class E>
struct enum_row {
    E value;            ///< The enumerator.
    const char* name;   ///< Its identifier, e.g. "awaiting_consent".
    const char* label;  ///< Its plain-language label, e.g. "awaiting consent".
};

/** @brief The rows of referral_source, in value order. @since 0.1.0 */
inline constexpr enum_row<referral_source> referral_source_table[] = {
#define SF_REFERRAL_SOURCE(sym, v, name, label) {referral_source::name, #name, label},
#include "sfcore/def/referral_sources.def"
#undef SF_REFERRAL_SOURCE
};

/** @brief The rows of programme, in value order. @since 0.1.0 */
inline constexpr enum_row<programme> programme_table[] = {
#define SF_PROGRAMME(sym, v, name, label) {programme::name, #name, label},
#include "sfcore/def/programmes.def"
#undef SF_PROGRAMME
};

/** @brief The rows of agency_kind, in value order. @since 0.1.0 */
inline constexpr enum_row<agency_kind> agency_kind_table[] = {
#define SF_AGENCY_KIND(sym, v, name, label) {agency_kind::name, #name, label},
#include "sfcore/def/agency_kinds.def"
#undef SF_AGENCY_KIND
};

/** @brief The rows of state, in value order. @since 0.1.0 */
inline constexpr enum_row<state> state_table[] = {
#define SF_STATE(sym, v, name, label) {state::name, #name, label},
#include "sfcore/def/states.def"
#undef SF_STATE
};

/** @brief The rows of event_type, in value order. @since 0.1.0 */
inline constexpr enum_row<event_type> event_type_table[] = {
#define SF_EVENT(sym, v, name, label, kind) {event_type::name, #name, label},
#include "sfcore/def/events.def"
#undef SF_EVENT
};

/** @brief The rows of member_role, in value order. @since 0.1.0 */
inline constexpr enum_row<member_role> member_role_table[] = {
#define SF_MEMBER_ROLE(sym, v, name, label) {member_role::name, #name, label},
#include "sfcore/def/member_roles.def"
#undef SF_MEMBER_ROLE
};

/** @brief The rows of support_type, in value order. @since 0.1.0 */
inline constexpr enum_row<support_type> support_type_table[] = {
#define SF_SUPPORT_TYPE(sym, v, name, label) {support_type::name, #name, label},
#include "sfcore/def/support_types.def"
#undef SF_SUPPORT_TYPE
};

/** @brief The rows of exit_reason, in value order. @since 0.1.0 */
inline constexpr enum_row<exit_reason> exit_reason_table[] = {
#define SF_EXIT_REASON(sym, v, name, label) {exit_reason::name, #name, label},
#include "sfcore/def/exit_reasons.def"
#undef SF_EXIT_REASON
};

/** @brief The rows of action_status, in value order. @since 0.1.0 */
inline constexpr enum_row<action_status> action_status_table[] = {
#define SF_ACTION_STATUS(sym, v, name, label) {action_status::name, #name, label},
#include "sfcore/def/action_statuses.def"
#undef SF_ACTION_STATUS
};

/** @brief The rows of meeting_kind, in value order. @since 0.1.0 */
inline constexpr enum_row<meeting_kind> meeting_kind_table[] = {
#define SF_MEETING_KIND(sym, v, name, label) {meeting_kind::name, #name, label},
#include "sfcore/def/meeting_kinds.def"
#undef SF_MEETING_KIND
};

/** @brief The rows of party_kind, in value order. @since 0.1.0 */
inline constexpr enum_row<party_kind> party_kind_table[] = {
#define SF_PARTY_KIND(sym, v, name, label) {party_kind::name, #name, label},
#include "sfcore/def/party_kinds.def"
#undef SF_PARTY_KIND
};

/** @brief The rows of guard, in value order. @since 0.1.0 */
inline constexpr enum_row<guard> guard_table[] = {
#define SF_GUARD(sym, v, name, label) {guard::name, #name, label},
#include "sfcore/def/guards.def"
#undef SF_GUARD
};

/** @brief The rows of overdue_kind, in value order. @since 0.1.0 */
inline constexpr enum_row<overdue_kind> overdue_kind_table[] = {
#define SF_OVERDUE_KIND(sym, v, name, label) {overdue_kind::name, #name, label},
#include "sfcore/def/overdue_kinds.def"
#undef SF_OVERDUE_KIND
};

/** @brief The rows of category, in value order. @since 0.1.0 */
inline constexpr enum_row<category> category_table[] = {
#define SF_CATEGORY(sym, v, name, label) {category::name, #name, label},
#include "sfcore/def/categories.def"
#undef SF_CATEGORY
};

/** @brief The rows of purpose, in value order. @since 0.1.0 */
inline constexpr enum_row<purpose> purpose_table[] = {
#define SF_PURPOSE(sym, v, name, label) {purpose::name, #name, label},
#include "sfcore/def/purposes.def"
#undef SF_PURPOSE
};

/** @brief The rows of issue_area, in value order. @since 0.1.0 */
inline constexpr enum_row<issue_area> issue_area_table[] = {
#define SF_ISSUE_AREA(sym, v, name, label) {issue_area::name, #name, label},
#include "sfcore/def/issue_areas.def"
#undef SF_ISSUE_AREA
};

/** @brief The rows of decision_rule, in value order. @since 0.1.0 */
inline constexpr enum_row<decision_rule> decision_rule_table[] = {
#define SF_DECISION_RULE(sym, v, name, label) {decision_rule::name, #name, label},
#include "sfcore/def/decision_rules.def"
#undef SF_DECISION_RULE
};

/** @brief The rows of legal_basis, in value order. @since 0.1.0 */
inline constexpr enum_row<legal_basis> legal_basis_table[] = {
#define SF_LEGAL_BASIS(sym, v, name, label) {legal_basis::name, #name, label},
#include "sfcore/def/legal_bases.def"
#undef SF_LEGAL_BASIS
};

/** @brief The rows of outcome_area, in value order. @since 0.2.0 */
inline constexpr enum_row<outcome_area> outcome_area_table[] = {
#define SF_OUTCOME_AREA(sym, v, name, label) {outcome_area::name, #name, label},
#include "sfcore/def/outcome_areas.def"
#undef SF_OUTCOME_AREA
};

/** @brief The rows of s66_requester, in value order. @since 0.2.0 */
inline constexpr enum_row<s66_requester> s66_requester_table[] = {
#define SF_S66_REQUESTER(sym, v, name, label) {s66_requester::name, #name, label},
#include "sfcore/def/s66_requesters.def"
#undef SF_S66_REQUESTER
};

/** @brief The rows of working_day_rule, in value order. @since 0.2.0 */
inline constexpr enum_row<working_day_rule> working_day_rule_table[] = {
#define SF_WORKING_DAYS(sym, v, name, label, source) {working_day_rule::name, #name, label},
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
};

/** @brief The law each working_day_rule comes from, in value order. @since 0.2.0 */
inline constexpr const char* working_day_rule_sources[] = {
#define SF_WORKING_DAYS(sym, v, name, label, source) source,
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
};

/** @brief The rows of s66c_purpose, in value order. @since 0.1.0 */
inline constexpr enum_row<s66c_purpose> s66c_purpose_table[] = {
#define SF_S66C_PURPOSE(sym, v, name, label) {s66c_purpose::name, #name, label},
#include "sfcore/def/s66c_purposes.def"
#undef SF_S66C_PURPOSE
};

/** @brief The rows of event_kind, in value order. @since 0.2.0 */
inline constexpr enum_row<event_kind> event_kind_table[] = {
#define SF_EVENT_KIND(sym, v, name, label) {event_kind::name, #name, label},
#include "sfcore/def/event_kinds.def"
#undef SF_EVENT_KIND
};

namespace detail {
/**
 * @brief An enumeration's rows and what it is called in an error, for each
 * row of `sfcore/def/enumerations.def`.
 * @since 0.1.0
 */
template <class E> struct table_of;
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what_, doc)  \
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
