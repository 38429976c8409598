/**
 * @file model.hpp
 * @brief The things a case is made of: family members, parties, meetings,
 * actions and plans, and the payload of every journal event.
 */
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sfcore/enums.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief A member of the family/whānau. @since 0.1.0 */
struct member {
    member_id id;                            ///< Its number in the case (assigned when added).
    std::string name;                        ///< Name (UTF-8; macrons kept).
    member_role role = member_role::parent_caregiver;  ///< Role in the family.
    std::optional<sfcore::date> born;        ///< Date of birth, where known.
    bool participating = true;               ///< Takes part in the process (and so consents).

    /**
     * @brief Age in whole years on a date.
     * @return the age, or nothing when the date of birth is not known.
     * @since 0.1.0
     */
    std::optional<int> age_on(const sfcore::date& d) const;
};

/**
 * @brief Someone who can be invited, attend, or own an action: a family
 * member, a whole agency, or a named practitioner.
 * @since 0.1.0
 */
struct party {
    party_kind kind = party_kind::member;  ///< Which kind of id `id` is.
    std::uint32_t id = 0;                  ///< A member_id, agency_id or practitioner_id value.

    /** @brief A family member. @since 0.1.0 */
    static party of(member_id m) noexcept { return {party_kind::member, m.value()}; }
    /** @brief A whole agency. @since 0.1.0 */
    static party of(agency_id a) noexcept { return {party_kind::agency, a.value()}; }
    /** @brief A named practitioner. @since 0.1.0 */
    static party of(practitioner_id p) noexcept { return {party_kind::practitioner, p.value()}; }
    /** @brief Equality. @since 0.1.0 */
    friend bool operator==(const party& a, const party& b) noexcept { return a.kind == b.kind && a.id == b.id; }
    /** @brief Inequality. @since 0.1.0 */
    friend bool operator!=(const party& a, const party& b) noexcept { return !(a == b); }
};

/** @brief A meeting: the initial interagency meeting or a review. @since 0.1.0 */
struct meeting {
    meeting_id id;                          ///< Its number in the case (assigned when scheduled).
    meeting_kind kind = meeting_kind::initial;  ///< Initial or review.
    instant start;                          ///< When it starts (UTC; see nz_local_time()).
    std::string venue;                      ///< Where, as the family chose (UTF-8).
    std::vector<party> invitees;            ///< Who is invited; each approved by the family.
    std::string facilitator;                ///< An independent facilitator, if any (UTF-8).
    std::string interpreter;                ///< The language of an interpreter, if one is arranged.
    std::vector<std::string> support_people;  ///< The family's support people (UTF-8).
    bool karakia = false;                   ///< Opens with karakia.
    bool mihi = false;                      ///< Opens with mihi.
    bool held = false;                      ///< Has been held.
    std::vector<party> attendance;          ///< Who attended (once held).
};

/** @brief One action of a plan: who does what, by when. @since 0.1.0 */
struct action {
    action_id id;                           ///< Its number in the case (assigned when first agreed).
    std::string description;                ///< What will be done (UTF-8).
    std::optional<party> owner;             ///< Who does it: an agency, a practitioner or a family member.
    std::optional<sfcore::date> due;        ///< By when.
    action_status status = action_status::open;  ///< How it stands.
    support_type support = support_type::none;   ///< The kind of support it is.
    std::string need;                       ///< The family's need or priority it addresses (their words).
};

/** @brief An action plan, one version of it. @since 0.1.0 */
struct plan {
    std::uint32_t version = 0;              ///< 1 for the first agreed plan, then +1 per revision (per plan).
    std::optional<member_id> child;         ///< The child, for a Children's Team plan; empty for a family plan.
    std::optional<agency_id> lead_agency;   ///< Coordinates the agencies' work.
    std::optional<practitioner_id> key_contact;  ///< Keeps in touch with the family between meetings.
    std::vector<action> actions;            ///< The actions.
    std::string child_views;                ///< The child's own views (Children's Teams).
    std::string revision_reason;            ///< Why it was revised (change of circumstances); empty for version 1.
    sfcore::date agreed;                    ///< The date it was agreed or revised (from the event).
};

/** @brief Payload of event_type::referral_received. @since 0.1.0 */
struct referral_received {
    sfcore::referral referral;  ///< The referral, as checked.
};
/** @brief Payload of event_type::referral_accepted (the suitability check passed). @since 0.1.0 */
struct referral_accepted {
    bool by_panel = false;  ///< Accepted by a Children's Team panel.
    std::string note;       ///< Anything the coordinator notes.
};
/** @brief Payload of event_type::referral_declined. @since 0.1.0 */
struct referral_declined {
    std::string reason;  ///< Why the referral is not suitable (not blank).
};
/** @brief Payload of event_type::member_added. @since 0.1.0 */
struct member_added {
    sfcore::member member;  ///< The member; its id is assigned by the case.
};
/** @brief Payload of event_type::consent_recorded: a member's written consent to take part. @since 0.1.0 */
struct consent_recorded {
    member_id member;           ///< Whose consent.
    sfcore::date signed_on;     ///< The date the form was signed.
    std::string form_version;   ///< The consent form's version (not blank).
    std::optional<member_id> given_by;  ///< For a child: the parent or caregiver who gave it.
    std::string child_views;    ///< For a child: the child's own views.
};
/** @brief Payload of event_type::consent_withdrawn: the member withdraws; the process stops. @since 0.1.0 */
struct consent_withdrawn {
    member_id member;  ///< Who withdrew.
    std::string note;  ///< Anything they said.
};
/**
 * @brief Payload of event_type::roles_assigned: assignment or reassignment; only the given roles change.
 * @since 0.1.0
 */
struct roles_assigned {
    std::optional<practitioner_id> coordinator;   ///< The coordinator.
    std::optional<agency_id> lead_agency;         ///< The lead agency.
    std::optional<practitioner_id> lead_contact;  ///< The lead (key) contact.
    std::optional<std::string> facilitator;       ///< An independent facilitator ("" to remove).
};
/** @brief Payload of event_type::preparation_started. @since 0.1.0 */
struct preparation_started {};
/** @brief Payload of event_type::priorities_set: the family's key issues, in their words. @since 0.1.0 */
struct priorities_set {
    std::vector<std::string> key_issues;  ///< The key issues, the family's priorities first.
    std::vector<std::string> strengths;   ///< The family's strengths.
    std::vector<std::string> needs;       ///< The family's needs.
};
/** @brief Payload of event_type::invitee_approved: the family approves a party to take part. @since 0.1.0 */
struct invitee_approved {
    party who;  ///< An agency as a whole, or a named practitioner.
};
/** @brief Payload of event_type::invitee_withdrawn: the family withdraws an approval. @since 0.1.0 */
struct invitee_withdrawn {
    party who;  ///< The party.
};
/** @brief Payload of event_type::meeting_scheduled (initial meeting). @since 0.1.0 */
struct meeting_scheduled {
    sfcore::meeting meeting;  ///< The meeting; its id is assigned by the case.
};
/** @brief Payload of event_type::meeting_held. @since 0.1.0 */
struct meeting_held {
    meeting_id meeting;            ///< Which meeting.
    std::vector<party> attendance;  ///< Who attended.
};
/** @brief Payload of event_type::plan_agreed. @since 0.1.0 */
struct plan_agreed {
    sfcore::plan plan;  ///< The plan; ids and version are assigned by the case.
};
/** @brief Payload of event_type::plan_revised. @since 0.1.0 */
struct plan_revised {
    sfcore::plan plan;  ///< The whole revised plan; keep an action's id to carry it over.
};
/** @brief Payload of event_type::action_updated. @since 0.1.0 */
struct action_updated {
    action_id action;       ///< Which action.
    action_status status;   ///< Its new status.
    std::string note;       ///< Anything to note.
};
/** @brief Payload of event_type::review_scheduled. @since 0.1.0 */
struct review_scheduled {
    sfcore::meeting meeting;  ///< The review meeting; its id is assigned by the case.
};
/**
 * @brief Payload of event_type::escalated: the case leaves Strengthening Families for the statutory system.
 * @since 0.1.0
 */
struct escalated {
    std::string note;  ///< Why (not blank).
};
/** @brief Payload of event_type::closure_started. @since 0.1.0 */
struct closure_started {
    exit_reason reason = exit_reason::planned;  ///< Why the case is closing.
    std::string note;                           ///< Required for exit_reason::other.
};
/** @brief Payload of event_type::final_report_submitted: the lead contact's report. @since 0.1.0 */
struct final_report_submitted {
    std::string summary;  ///< The lead contact's summary (not blank).
};
/** @brief Payload of event_type::case_closed. @since 0.1.0 */
struct case_closed {};
/** @brief Payload of event_type::case_reopened: an explicit, logged reopening. @since 0.1.0 */
struct case_reopened {
    std::string reason;  ///< Why (not blank).
};

/** @brief What an event carries; the alternative's index is its event_type. @since 0.1.0 */
using event_payload =
    std::variant<referral_received, referral_accepted, referral_declined, member_added, consent_recorded,
                 consent_withdrawn, roles_assigned, preparation_started, priorities_set, invitee_approved,
                 invitee_withdrawn, meeting_scheduled, meeting_held, plan_agreed, plan_revised, action_updated,
                 review_scheduled, escalated, closure_started, final_report_submitted, case_closed, case_reopened>;

/**
 * @brief One entry of a case's journal: what happened, when, and who recorded it.
 * @since 0.1.0
 */
struct event {
    instant when;           ///< When it was recorded (UTC); never earlier than the event before it.
    std::string who;        ///< Who recorded it: the host system's user id (UTF-8).
    event_payload payload;  ///< What happened.

    /** @brief The type of the event, from its payload. @since 0.1.0 */
    event_type type() const noexcept { return static_cast<event_type>(payload.index()); }
};

/**
 * @brief A local New Zealand date and time (Pacific/Auckland, with daylight saving) as an instant.
 * @throws sfcore::error errc::out_of_range for a time that does not exist
 *         (the hour skipped when daylight saving starts) or is ambiguous
 *         (the hour repeated when it ends), or a bad date or time.
 * @since 0.1.0
 */
instant nz_time(const sfcore::date& d, int hour, int minute);

/**
 * @brief The New Zealand local date and time of an instant, and its UTC offset in minutes.
 * @since 0.1.0
 */
struct nz_local {
    sfcore::date date;     ///< Local date.
    int hour = 0;          ///< Local hour, 0–23.
    int minute = 0;        ///< Local minute.
    int utc_offset = 0;    ///< Minutes ahead of UTC: 720 (NZST) or 780 (NZDT).
};

/** @brief The New Zealand local time of an instant. @since 0.1.0 */
nz_local nz_local_time(const instant& t);

/** @brief The New Zealand local date of an instant. @since 0.1.0 */
inline sfcore::date nz_date(const instant& t) { return nz_local_time(t).date; }

} // namespace sfcore

namespace sfcore {

/**
 * @name Equality
 * Field-by-field equality of the model's values (a journal replayed equals the original).
 * @since 0.1.0
 */
///@{
/** @brief Field-by-field equality. @since 0.1.0 */
bool operator==(const member& a, const member& b);
bool operator==(const meeting& a, const meeting& b);
bool operator==(const action& a, const action& b);
bool operator==(const plan& a, const plan& b);
bool operator==(const referral_received& a, const referral_received& b);
bool operator==(const referral_accepted& a, const referral_accepted& b);
bool operator==(const referral_declined& a, const referral_declined& b);
bool operator==(const member_added& a, const member_added& b);
bool operator==(const consent_recorded& a, const consent_recorded& b);
bool operator==(const consent_withdrawn& a, const consent_withdrawn& b);
bool operator==(const roles_assigned& a, const roles_assigned& b);
bool operator==(const preparation_started& a, const preparation_started& b);
bool operator==(const priorities_set& a, const priorities_set& b);
bool operator==(const invitee_approved& a, const invitee_approved& b);
bool operator==(const invitee_withdrawn& a, const invitee_withdrawn& b);
bool operator==(const meeting_scheduled& a, const meeting_scheduled& b);
bool operator==(const meeting_held& a, const meeting_held& b);
bool operator==(const plan_agreed& a, const plan_agreed& b);
bool operator==(const plan_revised& a, const plan_revised& b);
bool operator==(const action_updated& a, const action_updated& b);
bool operator==(const review_scheduled& a, const review_scheduled& b);
bool operator==(const escalated& a, const escalated& b);
bool operator==(const closure_started& a, const closure_started& b);
bool operator==(const final_report_submitted& a, const final_report_submitted& b);
bool operator==(const case_closed& a, const case_closed& b);
bool operator==(const case_reopened& a, const case_reopened& b);
///@}

} // namespace sfcore
