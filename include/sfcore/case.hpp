/**
 * @file case.hpp
 * @brief A case: one family's journey through a programme, kept as a journal
 * of events whose fold is the case's state.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/lifecycle.hpp"
#include "sfcore/model.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief A member's written consent to take part, as it stands. @since 0.1.0 */
struct participation_consent {
    member_id member;                   ///< Whose consent.
    sfcore::date signed_on;             ///< The date the form was signed.
    std::string form_version;           ///< The form's version.
    std::optional<member_id> given_by;  ///< For a child: the parent or caregiver who gave it.
    std::string child_views;            ///< For a child: the child's own views.
    std::string recorded_by;            ///< Who recorded it.
    instant recorded_at;                ///< When it was recorded.
    std::optional<instant> ended_at;    ///< When it ended: withdrawn, or lapsed when the case was reopened.
};

/** @brief Who holds the case's roles. @since 0.1.0 */
struct case_roles {
    std::optional<practitioner_id> coordinator;   ///< The coordinator.
    std::optional<agency_id> lead_agency;         ///< The lead agency (set at referral or the first meeting).
    std::optional<practitioner_id> lead_contact;  ///< The lead (key) contact.
    std::string facilitator;                      ///< An independent facilitator, if any.
};

/**
 * @brief A case: a journal of events and the state that is their fold.
 *
 * A case is opened from a referral; every later change is offered to
 * record(), which either appends it (every guard of its transition-table row
 * holds) or refuses it with the guard that refused and why — a refusal is a
 * value and changes nothing. Bad input (an unknown member, invalid UTF-8, a
 * date out of range, an instant earlier than the last event) is an error
 * and changes nothing either. Replaying the journal reproduces the case
 * exactly. A case_file is a value: copy it freely; one object must not be
 * changed from two threads at once, and may be read from many.
 * @since 0.1.0
 */
class case_file {
public:
    /**
     * @brief Open a case from a referral.
     * @param id the case's id (not zero).
     * @param directory the agencies the referral may name.
     * @param r the referral.
     * @param who who recorded it (UTF-8, not blank).
     * @param when when it was recorded.
     * @throws sfcore::error as checked(const referral&, const agency_directory&),
     *         and errc::invalid_argument for a zero id.
     * @since 0.1.0
     */
    static case_file open(case_id id, const agency_directory& directory, const referral& r, std::string_view who,
                          instant when);

    /**
     * @brief Rebuild a case from its journal, checking every event again
     * (pass the journal with std::move when it is not needed afterwards).
     * @throws sfcore::error errc::invalid_argument when the journal does not
     *         start with its referral, holds an event the lifecycle refuses,
     *         or its ids or times are out of order.
     * @since 0.1.0
     */
    static case_file replay(case_id id, std::vector<event> journal);

    /**
     * @brief Offer an event: append it when the lifecycle allows it.
     * @param directory the agencies and practitioners its payload may name.
     * @param who who records it (UTF-8, not blank).
     * @param when when (not earlier than the last event).
     * @param payload what happened.
     * @return accepted, or refused with the guard and the reason.
     * @throws sfcore::error for bad input (see the class description); the case is unchanged.
     * @since 0.1.0
     */
    outcome record(const agency_directory& directory, std::string_view who, instant when, event_payload payload);

    /**
     * @brief As record(), without changing the case: would the event be accepted?
     * @throws sfcore::error as record().
     * @since 0.1.0
     */
    outcome check(const agency_directory& directory, std::string_view who, instant when,
                  const event_payload& payload) const;

    /**
     * @brief Make room for @p events more journal entries, so that recording
     * them never reallocates the journal (a host that loads a case and then
     * appends a known number of events can avoid the growth cost).
     * @since 0.1.0
     */
    void reserve(std::size_t events) { journal_.reserve(journal_.size() + events); }

    /** @brief The case's id. @since 0.1.0 */
    case_id id() const noexcept { return id_; }
    /** @brief Where the case is in its lifecycle. @since 0.1.0 */
    sfcore::state state() const noexcept { return state_; }
    /** @brief The programme the case belongs to. @since 0.1.0 */
    sfcore::programme programme() const noexcept { return referral_.programme; }
    /** @brief The referral that opened the case. @since 0.1.0 */
    const sfcore::referral& referral() const noexcept { return referral_; }
    /** @brief Every event, oldest first. @since 0.1.0 */
    const std::vector<event>& journal() const noexcept { return journal_; }
    /** @brief The family members, in the order they were added. @since 0.1.0 */
    const std::vector<member>& members() const noexcept { return members_; }
    /**
     * @brief A member by id.
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    const sfcore::member& member_at(member_id id) const;
    /** @brief Every member's participation consent, as it stands (one entry per member who consented). @since 0.1.0 */
    const std::vector<participation_consent>& consents() const noexcept { return consents_; }
    /** @brief Who holds the roles. @since 0.1.0 */
    const case_roles& roles() const noexcept { return roles_; }
    /** @brief The family's key issues, strengths and needs, as last set. @since 0.1.0 */
    const priorities_set& priorities() const noexcept { return priorities_; }
    /** @brief The parties the family has approved to take part. @since 0.1.0 */
    const std::vector<party>& approved() const noexcept { return approved_; }
    /**
     * @brief True when @p p may take part: a family member, or an agency or
     * named practitioner the family approved. Approving an agency does not
     * approve its workers by name, nor the reverse: the family chooses
     * which individuals come.
     * @since 0.1.0
     */
    bool is_approved(const party& p) const;
    /** @brief The meetings, in the order they were scheduled. @since 0.1.0 */
    const std::vector<meeting>& meetings() const noexcept { return meetings_; }
    /** @brief The current plans: one family plan, or one per child (Children's Teams). @since 0.1.0 */
    const std::vector<plan>& plans() const noexcept { return plans_; }
    /** @brief Every version of every plan, oldest first. @since 0.1.0 */
    const std::vector<plan>& plan_history() const noexcept { return plan_history_; }
    /** @brief Why the case closed or is closing, if it is. @since 0.1.0 */
    const std::optional<sfcore::exit_reason>& exit_reason() const noexcept { return exit_reason_; }
    /** @brief The note with the exit reason, or the decline reason. @since 0.1.0 */
    const std::string& exit_note() const noexcept { return exit_note_; }
    /** @brief The lead contact's final report summary, once submitted. @since 0.1.0 */
    const std::string& final_report_summary() const noexcept { return final_report_; }
    /** @brief When the case last closed (or was declined), if it did. @since 0.1.0 */
    const std::optional<instant>& closed_at() const noexcept { return closed_at_; }

    /** @brief Same id, journal and state. @since 0.1.0 */
    friend bool operator==(const case_file& a, const case_file& b);

private:
    case_file() = default;
    outcome no_row(event_type type) const;
    outcome evaluate(const event& e, const agency_directory* directory) const;
    std::optional<std::string> refused_by(guard g, const event& e, const agency_directory* directory) const;
    void validate(const agency_directory* directory, event& e) const;
    void apply(const event& e, sfcore::state next);

    case_id id_;
    sfcore::state state_ = state::referred;
    sfcore::referral referral_;
    std::vector<event> journal_;
    std::vector<sfcore::member> members_;
    std::vector<participation_consent> consents_;
    case_roles roles_;
    priorities_set priorities_;
    std::vector<party> approved_;
    std::vector<meeting> meetings_;
    std::vector<plan> plans_;
    std::vector<plan> plan_history_;
    std::uint32_t last_action_id_ = 0;
    std::optional<sfcore::exit_reason> exit_reason_;
    std::string exit_note_;
    std::string final_report_;
    std::optional<instant> closed_at_;
};

/**
 * @name Equality
 * Field-by-field equality.
 * @since 0.1.0
 */
///@{
/** @brief Field-by-field equality. @since 0.1.0 */
bool operator==(const referral& a, const referral& b);
bool operator==(const event& a, const event& b);
bool operator==(const participation_consent& a, const participation_consent& b);
bool operator==(const case_roles& a, const case_roles& b);
///@}

} // namespace sfcore
