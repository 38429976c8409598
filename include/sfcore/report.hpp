/**
 * @file report.hpp
 * @brief The final report and the timeline, generated from a case's journal.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"
#include "sfcore/timeliness.hpp"

namespace sfcore {

/** @brief One action as the final report lists it. @since 0.1.0 */
struct report_action {
    std::string description;            ///< What was to be done.
    std::string owner;                  ///< Who was to do it (a name).
    std::optional<sfcore::date> due;    ///< By when.
    action_status status;               ///< How it ended.
};

/** @brief One meeting as the final report lists it. @since 0.1.0 */
struct report_meeting {
    sfcore::date day;             ///< Local date.
    meeting_kind kind;            ///< Initial or review.
    std::size_t attended = 0;     ///< How many attended.
};

/** @brief How many of a case's actions serve an outcome area, and how many of them were done. @since 0.2.0 */
struct outcome_tally {
    outcome_area area;  ///< The outcome area.
    int actions = 0;    ///< Actions of the current plans that name it.
    int done = 0;       ///< Of those, done.
};

/**
 * @brief The final report: what the family set out to do, what was done,
 * how timely the process was, and how it ended. Generated, never typed.
 * @since 0.1.0
 */
struct final_report {
    case_id case_ref;                            ///< The case.
    std::string family_name;                     ///< The family.
    sfcore::programme programme;                 ///< The programme.
    sfcore::date referred;                       ///< Referral date.
    std::vector<std::string> key_issues;         ///< The family's priorities.
    std::string lead_agency;                     ///< The lead agency's name ("" if none).
    std::string key_contact;                     ///< The key contact's name ("" if none).
    std::vector<report_action> done;             ///< Actions done.
    std::vector<report_action> not_done;         ///< Actions not done (dropped, or still open at the end).
    std::vector<report_meeting> meetings;        ///< Meetings held.
    std::optional<int> days_to_initial_meeting;  ///< Working days from referral to the initial meeting, if held.
    int initial_meeting_target = 15;             ///< The target in working days.
    int reviews_held = 0;                        ///< Review meetings held.
    int reviews_late = 0;                        ///< Reviews held later than the timeframe after the meeting before.
    /** @brief The outcome areas the plans' actions serve, in outcome_area order (areas no action names are left out). @since 0.2.0 */
    std::vector<outcome_tally> outcomes;
    /** @brief Reviews booked outside the window, each with the reason recorded ("2026-07-20: the family asked"). @since 0.2.0 */
    std::vector<std::string> reviews_outside_window;
    std::optional<sfcore::exit_reason> exit;     ///< Why the case closed (or is closing).
    std::string exit_note;                       ///< The note with it.
    std::optional<sfcore::date> closed_on;       ///< Local date of closure.
    std::string lead_contact_summary;            ///< The lead contact's own summary.
    int plan_versions = 0;                       ///< How many plan versions were agreed.
};

/**
 * @brief Generate the final report of a case from its journal.
 * @throws sfcore::error errc::not_found when the directory lacks an agency or practitioner the case names.
 * @since 0.1.0
 */
final_report make_final_report(const case_file& c, const agency_directory& directory, const holiday_calendar& cal,
                               const std::optional<timeframes>& tf = std::nullopt);

/** @brief The final report as Markdown. @since 0.1.0 */
std::string to_markdown(const final_report& r);

/**
 * @brief A party's name: a member's name, an agency's, or a practitioner's with their agency.
 * @throws sfcore::error errc::not_found.
 * @since 0.1.0
 */
std::string name_of(const party& p, const case_file& c, const agency_directory& directory);

/**
 * @brief As name_of(), without throwing: no name when the case does not hold
 * the member, or the directory the agency or practitioner (or the
 * practitioner's agency).
 * @since 0.3.0
 */
std::optional<std::string> find_name_of(const party& p, const case_file& c, const agency_directory& directory);

/**
 * @brief A recipient's name: an agency's, or a practitioner's with their agency.
 * @throws sfcore::error errc::not_found.
 * @since 0.2.0
 */
std::string recipient_name(const recipient& r, const agency_directory& directory);
/**
 * @brief One line describing a journal event, for a timeline, e.g.
 * "2026-03-02 09:00 NZDT  initial meeting scheduled: 2026-03-09 10:00 at Marae".
 * @since 0.1.0
 */
std::string describe(const event& e, const case_file& c, const agency_directory& directory);

} // namespace sfcore
