/**
 * @file timeliness.hpp
 * @brief Timeframes: the initial meeting within 15 working days of referral,
 * reviews 4–6 weeks after the last meeting, actions by their due dates —
 * and what is overdue as of a date, per case and across cases.
 *
 * Each query takes the timeframes to measure by; given none, it uses the
 * case's own (case_file::timeframes(): the programme's, unless the case's
 * journal sets others with event_type::timeframes_set).
 */
#pragma once

#include <optional>
#include <vector>

#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"

namespace sfcore {

/** @brief One thing that is overdue. @since 0.1.0 */
struct overdue_item {
    case_id case_ref;        ///< The case.
    overdue_kind kind;       ///< What is overdue.
    sfcore::date due;        ///< When it was due.
    int days_late = 0;       ///< Calendar days late on the as-of date.
    action_id action;        ///< The action, for overdue_kind::action.
    std::string what;        ///< A plain-language line, e.g. "action \"Budget advice\" was due 2026-05-01".
};

/**
 * @brief The date the initial meeting is due: the referral date plus the working days.
 * @throws sfcore::error as holiday_calendar.
 * @since 0.1.0
 */
sfcore::date initial_meeting_due(const case_file& c, const holiday_calendar& cal, const std::optional<timeframes>& tf = std::nullopt);

/**
 * @brief The date the next review is due while a plan is in force (the case
 * is plan_active or under_review): the booked review's local date when one is
 * booked and not yet held, else the last held meeting's local date plus
 * timeframes::review_latest_days.
 * @return nothing in other states.
 * @since 0.1.0
 */
std::optional<sfcore::date> review_due(const case_file& c, const std::optional<timeframes>& tf = std::nullopt);

/**
 * @brief The earliest date by which something in the case is due: the
 * initial meeting, a review, or an open action. overdue() finds something on
 * exactly the dates after it.
 * @return nothing when nothing is pending (declined and closed cases).
 * @throws sfcore::error as holiday_calendar.
 * @since 0.1.0
 */
std::optional<sfcore::date> next_deadline(const case_file& c, const holiday_calendar& cal, const std::optional<timeframes>& tf = std::nullopt);

/**
 * @brief What is overdue in a case as of a date: the initial meeting, a
 * review (review_due() has passed: a booked review not held by its date, or
 * none booked in time) and open actions. Declined and closed cases have
 * nothing overdue.
 * @throws sfcore::error as holiday_calendar.
 * @since 0.1.0
 */
std::vector<overdue_item> overdue(const case_file& c, const sfcore::date& as_of, const holiday_calendar& cal,
                                  const std::optional<timeframes>& tf = std::nullopt);

/**
 * @brief What is overdue across cases as of a date, case by case.
 * @tparam Range any range of case_file.
 * @since 0.1.0
 */
template <class Range>
std::vector<overdue_item> overdue_across(const Range& cases, const sfcore::date& as_of, const holiday_calendar& cal,
                                         const std::optional<timeframes>& tf = std::nullopt) {
    std::vector<overdue_item> out;
    for (const case_file& c : cases) {
        auto items = overdue(c, as_of, cal, tf);
        out.insert(out.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    }
    return out;
}

} // namespace sfcore
