/**
 * @file lifecycle.hpp
 * @brief The lifecycle as one transition table: state × event [guards] → state.
 *
 * The table is the single source for the engine (case_file::record), the
 * tests (which walk every state × event pair) and the state diagram the docs
 * build draws. A row reads like Boost.SML's `src + event [guard] = dst`;
 * each event's rows are the `SF_TRANSITION` lines under its row of
 * `sfcore/def/events.def`, so an event and its transitions are one place.
 *
 * Consent withdrawal: when a member withdraws consent to take part, the
 * process stops — the case moves to `closed` with exit reason
 * consent_withdrawn, from any open state — and every consent to share of
 * that member is withdrawn with it. It can only come back through an
 * explicit case_reopened event (and new written consent to take part).
 *
 * What governs sharing is in the same table: consents to share and
 * confidential marks are recorded while the family is engaged, a withdrawal
 * of consent to share is accepted in every state (the family can change its
 * mind at any time), and a sharing without consent, a declined request or
 * a notice is recorded in every state. Access records (decisions and views)
 * are written by the library alone and have no row.
 */
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "sfcore/enums.hpp"

namespace sfcore {

/** @brief A set of states, for table rows that apply in several states. @since 0.1.0 */
struct state_set {
    std::uint16_t bits = 0;  ///< Bit i is set when state i is in the set.

    /** @brief The empty set. @since 0.1.0 */
    constexpr state_set() = default;
    /** @brief The set of the listed states. @since 0.1.0 */
    constexpr state_set(std::initializer_list<state> states) {
        for (state s : states) bits = static_cast<std::uint16_t>(bits | (1u << static_cast<unsigned>(s)));
    }
    /** @brief True when @p s is in the set. @since 0.1.0 */
    constexpr bool contains(state s) const noexcept { return (bits >> static_cast<unsigned>(s)) & 1u; }
};

/** @brief Up to five guards of a row; unused places are guard::none. @since 0.1.0 */
using guard_list = std::array<guard, 5>;

/** @brief The target of a row that leaves the state as it is. @since 0.1.0 */
inline constexpr state stay = static_cast<state>(0xFF);

/** @brief One row of the transition table. @since 0.1.0 */
struct transition {
    state_set from;    ///< The states the row applies in.
    event_type on;     ///< The event.
    guard_list guards; ///< What must hold, checked in order; the first that fails refuses the event.
    state to;          ///< The state after the event, or sfcore::stay.
};

namespace detail {
constexpr state_set open_states{state::referred,          state::awaiting_consent, state::preparing,
                                state::meeting_scheduled, state::plan_active,      state::under_review,
                                state::closing};
constexpr state_set engaged{state::awaiting_consent, state::preparing,    state::meeting_scheduled,
                            state::plan_active,      state::under_review, state::closing};
constexpr state_set working{state::preparing, state::meeting_scheduled, state::plan_active, state::under_review};
constexpr state_set all_states{state::referred,          state::declined,    state::awaiting_consent,
                               state::preparing,         state::meeting_scheduled, state::plan_active,
                               state::under_review,      state::closing,     state::closed};
template <class... S>
constexpr state_set states(S... s) {
    return state_set{s...};
}
constexpr guard_list g(guard a = guard::none, guard b = guard::none, guard c = guard::none, guard d = guard::none,
                       guard e = guard::none) {
    return {a, b, c, d, e};
}
} // namespace detail

// clang-format off
/**
 * @brief The lifecycle. Read a row as: in `from`, on `on`, if every guard holds, go to `to`.
 * An event with no row for the case's state is refused by guard::no_transition.
 * @since 0.1.0
 */
inline constexpr transition transition_table[] = {
#define SF_EVENT(C, value, name, label, kind)
#define SF_TRANSITION(event, from, guards, to) {from, event_type::event, guards, to},
#include "sfcore/def/events.def"
#undef SF_TRANSITION
#undef SF_EVENT
};
// clang-format on

namespace detail {
constexpr std::size_t n_states = std::size(state_table);
constexpr std::size_t n_events = std::size(event_type_table);
using transition_index_t = std::array<std::array<std::int8_t, n_events>, n_states>;
// (state, event) → row number, or -1: built once, at compile time, from the table.
constexpr transition_index_t build_transition_index() {
    transition_index_t index{};
    for (auto& per_state : index)
        for (auto& cell : per_state) cell = -1;
    for (std::size_t r = 0; r < std::size(transition_table); ++r)
        for (std::size_t s = 0; s < n_states; ++s)
            if (transition_table[r].from.contains(static_cast<state>(s)))
                index[s][static_cast<std::size_t>(transition_table[r].on)] = static_cast<std::int8_t>(r);
    return index;
}
inline constexpr transition_index_t transition_index = build_transition_index();
} // namespace detail

/**
 * @brief The row for an event in a state, or nullptr when the event is not allowed there.
 * @since 0.1.0
 */
constexpr const transition* find_transition(state s, event_type e) noexcept {
    const auto si = static_cast<std::size_t>(s), ei = static_cast<std::size_t>(e);
    if (si >= detail::n_states || ei >= detail::n_events) return nullptr;
    const int row = detail::transition_index[si][ei];
    return row < 0 ? nullptr : &transition_table[row];
}

/**
 * @brief What a programme requires: the programmes are configuration of one engine.
 * @since 0.1.0
 */
struct programme_rules {
    sfcore::programme programme;  ///< Which programme.
    bool panel_acceptance;        ///< A panel accepts referrals (Children's Teams).
    bool plan_per_child;          ///< One plan per child, with the child's views (Children's Teams).
    int child_age_limit;          ///< A plan's child is younger than this (Children's Teams: 18).
    bool site_required;           ///< A referral names its site (Intensive Intervention).
    std::uint32_t exit_reasons;   ///< Bit i set: exit_reason i is used by the programme.
};

namespace detail {
constexpr std::uint32_t exits(std::initializer_list<exit_reason> reasons) {
    std::uint32_t bits = 0;
    for (auto r : reasons) bits |= 1u << static_cast<unsigned>(r);
    return bits;
}
constexpr std::uint32_t all_exits = exits({exit_reason::planned, exit_reason::escalated, exit_reason::disengaged,
                                           exit_reason::consent_withdrawn, exit_reason::consent_declined,
                                           exit_reason::moved_away, exit_reason::other});
} // namespace detail

// clang-format off
/** @brief The rules of each programme, in programme order. @since 0.1.0 */
inline constexpr programme_rules programme_rules_table[] = {
    // programme                          panel  per-child  age  site   exit reasons
    {programme::strengthening_families,   false, false,     0,   false, detail::all_exits},
    {programme::childrens_team,           true,  true,      18,  false, detail::exits({exit_reason::planned, exit_reason::escalated, exit_reason::disengaged,
                                                                                      exit_reason::consent_withdrawn, exit_reason::consent_declined, exit_reason::other})},
    {programme::intensive_intervention,   false, false,     0,   true,  detail::all_exits},
};
// clang-format on

/** @brief The rules of a programme. @since 0.1.0 */
constexpr const programme_rules& rules_of(programme p) noexcept {
    return programme_rules_table[static_cast<std::size_t>(p)];
}

/**
 * @brief The outcome of offering an event to a case: accepted, or refused
 * by a named guard with a plain-language reason. A refusal is a value.
 * @since 0.1.0
 */
struct outcome {
    bool accepted = false;            ///< The event was appended.
    sfcore::guard guard = guard::none;  ///< The guard that refused it (guard::none when accepted).
    std::string reason;               ///< Why it was refused, for a person to read ("" when accepted).
    state from = state::referred;     ///< The state before.
    state to = state::referred;       ///< The state after (== from when refused).
    std::uint32_t assigned = 0;       ///< The id the event assigned (member, meeting, consent, category), if any.
    std::uint64_t seq = 0;            ///< The journal entry appended (0 when refused).
    std::vector<std::string> missing; ///< For guard::record_complete: the fields the record lacks, by name.

    /** @brief True when accepted. @since 0.1.0 */
    explicit operator bool() const noexcept { return accepted; }
};

} // namespace sfcore
