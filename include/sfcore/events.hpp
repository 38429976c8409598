/**
 * @file events.hpp
 * @brief The journal: every fact of a case is one entry (an sfcore::event),
 * and its payload says what happened.
 *
 * Three kinds of entry share one journal (see sfcore::event_kind): the
 * lifecycle (referral … closure), what governs sharing (consents to share,
 * withdrawals, confidential marks, necessity, sharing without consent,
 * declined requests, notices), and access records (each disclosure decision
 * and each view shown), which only the library writes.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "sfcore/detail/fields.hpp"
#include "sfcore/model.hpp"
#include "sfcore/sha256.hpp"

namespace sfcore {

// ---- lifecycle ------------------------------------------------------------

/** @brief Payload of event_type::referral_received. @since 0.1.0 */
struct referral_received {
    sfcore::referral referral;  ///< The referral, as checked.
    SFCORE_VALUE(referral_received, x.referral)
};
/** @brief Payload of event_type::referral_accepted (the suitability check passed). @since 0.1.0 */
struct referral_accepted {
    bool by_panel = false;  ///< Accepted by a Children's Team panel.
    std::string note;       ///< Anything the coordinator notes.
    SFCORE_VALUE(referral_accepted, x.by_panel, x.note)
};
/** @brief Payload of event_type::referral_declined. @since 0.1.0 */
struct referral_declined {
    std::string reason;  ///< Why the referral is not suitable (not blank).
    SFCORE_VALUE(referral_declined, x.reason)
};
/** @brief Payload of event_type::member_added. @since 0.1.0 */
struct member_added {
    sfcore::member member;  ///< The member; its id is assigned by the case.
    SFCORE_VALUE(member_added, x.member)
};
/** @brief Payload of event_type::consent_recorded: a member's written consent to take part in the process (not to share information: see sharing_consent_given). @since 0.1.0 */
struct consent_recorded {
    member_id member;           ///< Whose consent.
    sfcore::date signed_on;     ///< The date the form was signed.
    std::string form_version;   ///< The consent form's version (not blank).
    std::optional<member_id> given_by;  ///< For a child: the parent or caregiver who gave it.
    std::string child_views;    ///< For a child: the child's own views.
    SFCORE_VALUE(consent_recorded, x.member, x.signed_on, x.form_version, x.given_by, x.child_views)
};
/** @brief Payload of event_type::consent_withdrawn: the member withdraws from the process; the process stops, and so does every sharing of the member's information. @since 0.1.0 */
struct consent_withdrawn {
    member_id member;  ///< Who withdrew.
    std::string note;  ///< Anything they said.
    SFCORE_VALUE(consent_withdrawn, x.member, x.note)
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
    SFCORE_VALUE(roles_assigned, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
};
/** @brief Payload of event_type::preparation_started. @since 0.1.0 */
struct preparation_started {
    /** @brief Equality: every preparation_started is equal to every other. @since 0.1.0 */
    friend bool operator==(const preparation_started&, const preparation_started&) = default;
    SFCORE_FIELDS(preparation_started)
};
/** @brief Payload of event_type::priorities_set: the family's key issues, in their words. @since 0.1.0 */
struct priorities_set {
    std::vector<std::string> key_issues;  ///< The key issues, the family's priorities first.
    std::vector<std::string> strengths;   ///< The family's strengths.
    std::vector<std::string> needs;       ///< The family's needs.
    SFCORE_VALUE(priorities_set, x.key_issues, x.strengths, x.needs)
};
/** @brief Payload of event_type::invitee_approved: the family approves a party to take part. @since 0.1.0 */
struct invitee_approved {
    party who;  ///< An agency as a whole, or a named practitioner.
    SFCORE_VALUE(invitee_approved, x.who)
};
/** @brief Payload of event_type::invitee_withdrawn: the family withdraws an approval. @since 0.1.0 */
struct invitee_withdrawn {
    party who;  ///< The party.
    SFCORE_VALUE(invitee_withdrawn, x.who)
};
/** @brief Payload of event_type::meeting_scheduled (initial meeting). @since 0.1.0 */
struct meeting_scheduled {
    sfcore::meeting meeting;  ///< The meeting; its id is assigned by the case.
    SFCORE_VALUE(meeting_scheduled, x.meeting)
};
/** @brief Payload of event_type::meeting_held. @since 0.1.0 */
struct meeting_held {
    meeting_id meeting;            ///< Which meeting.
    std::vector<party> attendance;  ///< Who attended.
    SFCORE_VALUE(meeting_held, x.meeting, x.attendance)
};
/** @brief Payload of event_type::plan_agreed. @since 0.1.0 */
struct plan_agreed {
    sfcore::plan plan;  ///< The plan; ids and version are assigned by the case.
    SFCORE_VALUE(plan_agreed, x.plan)
};
/** @brief Payload of event_type::plan_revised. @since 0.1.0 */
struct plan_revised {
    sfcore::plan plan;  ///< The whole revised plan; keep an action's id to carry it over.
    SFCORE_VALUE(plan_revised, x.plan)
};
/** @brief Payload of event_type::action_updated. @since 0.1.0 */
struct action_updated {
    action_id action;       ///< Which action.
    action_status status;   ///< Its new status.
    std::string note;       ///< Anything to note.
    SFCORE_VALUE(action_updated, x.action, x.status, x.note)
};
/** @brief Payload of event_type::review_scheduled. @since 0.1.0 */
struct review_scheduled {
    sfcore::meeting meeting;  ///< The review meeting; its id is assigned by the case.
    /**
     * @brief Why the review is outside the case's window after the last
     * meeting (the family asked, a change of circumstances); empty inside it.
     * @since 0.2.0
     */
    std::string outside_window_reason;
    SFCORE_VALUE(review_scheduled, x.meeting, x.outside_window_reason)
};
/**
 * @brief Payload of event_type::escalated: the case leaves Strengthening Families for the statutory system.
 * @since 0.1.0
 */
struct escalated {
    std::string note;  ///< Why (not blank).
    SFCORE_VALUE(escalated, x.note)
};
/** @brief Payload of event_type::closure_started. @since 0.1.0 */
struct closure_started {
    exit_reason reason = exit_reason::planned;  ///< Why the case is closing.
    std::string note;                           ///< Required for exit_reason::other.
    SFCORE_VALUE(closure_started, x.reason, x.note)
};
/** @brief Payload of event_type::final_report_submitted: the lead contact's report. @since 0.1.0 */
struct final_report_submitted {
    std::string summary;  ///< The lead contact's summary (not blank).
    SFCORE_VALUE(final_report_submitted, x.summary)
};
/** @brief Payload of event_type::case_closed. @since 0.1.0 */
struct case_closed {
    /** @brief Equality: every case_closed is equal to every other. @since 0.1.0 */
    friend bool operator==(const case_closed&, const case_closed&) = default;
    SFCORE_FIELDS(case_closed)
};
/** @brief Payload of event_type::case_reopened: an explicit, logged reopening. @since 0.1.0 */
struct case_reopened {
    std::string reason;  ///< Why (not blank).
    SFCORE_VALUE(case_reopened, x.reason)
};


// ---- what governs sharing ---------------------------------------------------

/** @brief What a consent to share covers. @since 0.1.0 */
struct consent_scope {
    std::vector<sfcore::recipient> recipients;  ///< Whole agencies or named practitioners of them.
    category_set categories = 0;                ///< The kinds of information.
    purpose_set purposes = 0;                   ///< The purposes.
    sfcore::date from;                          ///< First day covered (New Zealand date).
    sfcore::date until;                         ///< Last day covered.
    SFCORE_VALUE(consent_scope, x.recipients, x.categories, x.purposes, x.from, x.until)
};

/**
 * @brief Payload of event_type::sharing_consent_given: a person's written
 * consent to share their information. It counts from the entry's instant.
 * @since 0.2.0
 */
struct sharing_consent_given {
    member_id subject;          ///< Whose information.
    member_id given_by;         ///< The subject, or a parent or caregiver for a younger child.
    consent_scope scope;        ///< What it covers.
    sfcore::date signed_on;     ///< When the form was signed.
    std::string form_version;   ///< The form's version (not blank).
    std::string child_views;    ///< A child's own views, when a parent or caregiver consents for them.
    std::uint32_t id = 0;       ///< The consent's number in the case, assigned by the case (1, 2, 3…).
    SFCORE_VALUE(sharing_consent_given, x.subject, x.given_by, x.scope, x.signed_on, x.form_version, x.child_views, x.id)
};

/**
 * @brief Payload of event_type::sharing_consent_withdrawn: consent to share
 * withdrawn, wholly (no recipient, no category) or in part, from the entry's instant.
 * @since 0.2.0
 */
struct sharing_consent_withdrawn {
    member_id subject;                            ///< Whose consent.
    std::optional<sfcore::recipient> recipient;   ///< Only this recipient (an agency covers its practitioners).
    std::optional<category> what;                 ///< Only this category.
    std::string note;                             ///< Anything the person said.
    SFCORE_VALUE(sharing_consent_withdrawn, x.subject, x.recipient, x.what, x.note)
};

/** @brief Payload of event_type::confidential_marked: the family marks (or unmarks) a member's information of a category as confidential. @since 0.2.0 */
struct confidential_marked {
    member_id subject;                       ///< Whose information.
    category what = category::identity_contact;  ///< Which kind.
    bool confidential = true;                ///< Marked (true) or the mark lifted (false).
    SFCORE_VALUE(confidential_marked, x.subject, x.what, x.confidential)
};

/** @brief Payload of event_type::issue_areas_set: the areas of the family's key issues, which decide what is necessary to share. @since 0.2.0 */
struct issue_areas_set {
    std::vector<issue_area> areas;  ///< The areas (none: only identity and contact details are necessary).
    SFCORE_VALUE(issue_areas_set, x.areas)
};

/** @brief Payload of event_type::necessity_adjusted: the family widens or narrows what is necessary by one category. @since 0.2.0 */
struct necessity_adjusted {
    category what = category::identity_contact;  ///< The category.
    bool widen = true;                           ///< Widen (true) or narrow (false).
    SFCORE_VALUE(necessity_adjusted, x.what, x.widen)
};

/** @brief Payload of event_type::category_registered: an information category of the case's own, numbered after the built-in ones. @since 0.2.0 */
struct category_registered {
    std::string name;   ///< Its identifier: lowercase letters, digits and '_', not taken.
    std::string label;  ///< Its plain-language label.
    category id = category::identity_contact;  ///< Its number, assigned by the case.
    SFCORE_VALUE(category_registered, x.name, x.label, x.id)
};

/** @brief Payload of event_type::consent_ages_set: from which ages people consent for themselves. @since 0.2.0 */
struct consent_ages_set {
    std::uint8_t young_person = 16;  ///< From this age a young person consents to share for themselves.
    std::uint8_t adult = 18;         ///< From this age a person is an adult.
    SFCORE_VALUE(consent_ages_set, x.young_person, x.adult)
};

/**
 * @brief Payload of event_type::shared_without_consent: information shared
 * without consent under a named law, recorded with everything the law asks
 * (what, by whom, to whom, the basis and purpose, who approved it, why it was
 * necessary and proportionate, and whether the family was told). The
 * sharing happened at the entry's instant.
 * @since 0.2.0
 */
struct shared_without_consent {
    std::vector<member_id> subjects;    ///< Whom it is about.
    category what = category::identity_contact;  ///< What kind of information.
    std::string description;            ///< What exactly was shared.
    sfcore::recipient discloser;        ///< Who shared it.
    sfcore::recipient recipient;        ///< To whom.
    legal_basis basis = legal_basis::ot_s66;  ///< Under which law.
    s66c_purpose s66c = s66c_purpose::none;   ///< For s66C: which of its six purposes.
    std::string requested_by;           ///< For s66: the name of who asked.
    s66_requester requester_role = s66_requester::none;  ///< For s66: who asked — the chief executive, a care and protection co-ordinator or a constable.
    std::string purpose;                ///< Why, in words.
    std::string approver;               ///< Who approved it (delegated authority).
    std::string necessity;              ///< Why it was necessary and proportionate.
    bool child_consulted = false;       ///< The child (or their representative) was consulted or told.
    bool family_told = false;           ///< The family was told.
    std::string not_told_reason;        ///< If either was not, why.
    SFCORE_VALUE(shared_without_consent, x.subjects, x.what, x.description, x.discloser, x.recipient, x.basis, x.s66c, x.requested_by, x.requester_role, x.purpose, x.approver, x.necessity, x.child_consulted, x.family_told, x.not_told_reason)
};

/** @brief Payload of event_type::request_declined: a request for information declined, with its reasons (Oranga Tamariki Act s66I/s66J). @since 0.2.0 */
struct request_declined {
    sfcore::recipient requester;        ///< Who asked.
    std::vector<member_id> subjects;    ///< About whom.
    category what = category::identity_contact;  ///< What kind of information.
    legal_basis basis = legal_basis::ot_s66;     ///< The basis the request relied on.
    std::vector<std::string> reasons;   ///< The grounds for declining (s66J requires reasons).
    std::string decided_by;             ///< Who declined it.
    SFCORE_VALUE(request_declined, x.requester, x.subjects, x.what, x.basis, x.reasons, x.decided_by)
};

/** @brief Payload of event_type::notice_given: a member was given their disclosure notice (see case_file::notice()) as it stood at the entry's instant. @since 0.2.0 */
struct notice_given {
    member_id member;                 ///< Whom it was given to.
    purpose why = purpose::meeting;   ///< For which purpose.
    SFCORE_VALUE(notice_given, x.member, x.why)
};

// ---- access records (written by the library only) ---------------------------

/**
 * @brief Payload of event_type::disclosure_decided: a request to disclose and
 * the decision made on it, about the instant in the entry's `when`.
 * @since 0.2.0
 */
struct disclosure_decided {
    sfcore::recipient discloser;        ///< Who would disclose.
    std::vector<member_id> subjects;    ///< Whom the information is about.
    category what = category::identity_contact;  ///< What kind of information.
    sfcore::recipient recipient;        ///< Who would receive it.
    purpose why = purpose::meeting;     ///< For what.
    bool permit = false;                ///< The decision.
    decision_rule rule = decision_rule::no_consent;  ///< The rule that decided.
    member_id subject;                  ///< The subject the rule was applied to.
    std::uint32_t consent = 0;          ///< The consent that permitted it (0 when refused).
    SFCORE_VALUE(disclosure_decided, x.discloser, x.subjects, x.what, x.recipient, x.why, x.permit, x.rule, x.subject, x.consent)
};

/** @brief One item a view showed: whom it is about and what kind it is (never its content). @since 0.2.0 */
struct shown_item {
    std::vector<member_id> subjects;             ///< Whom it is about.
    category what = category::identity_contact;  ///< What kind of information.
    SFCORE_VALUE(shown_item, x.subjects, x.what)
};

/** @brief Payload of event_type::view_shown: a filtered view shown to a recipient, about the instant in the entry's `when`. @since 0.2.0 */
struct view_shown {
    sfcore::recipient recipient;    ///< Who was shown it.
    purpose why = purpose::meeting; ///< For what.
    std::uint32_t offered = 0;      ///< How many items the view was made from.
    std::vector<shown_item> shown;  ///< The items shown.
    SFCORE_VALUE(view_shown, x.recipient, x.why, x.offered, x.shown)
};

/**
 * @brief Payload of event_type::legacy_audit_imported: the audit log a case
 * kept in sfcore 0.1, carried over whole when the case was converted (its
 * own hash chain verified first).
 * @since 0.2.0
 */
struct legacy_audit_imported {
    std::string text;           ///< The log in the 0.1 text form, one entry a line.
    std::uint64_t entries = 0;  ///< How many entries it holds.
    std::string head;           ///< The hash of its last entry, in hex ("" when empty).
    SFCORE_VALUE(legacy_audit_imported, x.text, x.entries, x.head)
};

/**
 * @brief Payload of event_type::timeframes_set: the targets this case works to
 * from now on (a region's own, or the family's agreement), replacing the
 * programme's. See case_file::timeframes().
 * @since 0.2.0
 */
struct timeframes_set {
    int initial_meeting_working_days = 15;  ///< Initial meeting within this many working days of the referral (1-60).
    int review_earliest_days = 28;          ///< A review no sooner than this many days after the last meeting (1-365)…
    int review_latest_days = 42;            ///< …and no later than this (review_earliest_days-365).
    SFCORE_VALUE(timeframes_set, x.initial_meeting_working_days, x.review_earliest_days, x.review_latest_days)
};

/**
 * @brief Payload of event_type::member_updated: a member's details change — a
 * correction the person asked for (Privacy Act 2020, IPP 7) or a change the
 * family reports. Each detail given replaces the member's; the values before
 * stay in the journal (case_file::member_history()).
 * @since 0.2.0
 */
struct member_updated {
    member_id member;                      ///< Whose details.
    std::optional<std::string> name;       ///< A new name (UTF-8, not blank), or none to keep it.
    std::optional<member_role> role;       ///< A new role, or none to keep it.
    std::optional<sfcore::date> born;      ///< A new date of birth (not in the future), or none to keep it.
    std::string reason;                    ///< Why (not blank): "a correction the person asked for", …
    SFCORE_VALUE(member_updated, x.member, x.name, x.role, x.born, x.reason)
};

/**
 * @brief Payload of event_type::person_linked: a member of this case is a
 * person the host knows by its own key, so that the person's cases (a
 * family referred twice, a child's siblings in another case) are found
 * together: case_store::person_cases(), case_store::siblings(). A later
 * link of the same member replaces this one (the journal keeps both).
 * @since 0.3.0
 */
struct person_linked {
    member_id member;                ///< Which member of the case.
    std::string key;                 ///< The host's own key for the person (UTF-8, not blank, at most 256 bytes).
    std::optional<std::string> nhi;  ///< Their National Health Index number, checked (see checked_nhi()), if known.
    std::optional<std::string> nsn; ///< Their National Student Number (1 to 10 digits), if known.
    SFCORE_VALUE(person_linked, x.member, x.key, x.nhi, x.nsn)
};

/**
 * @brief Payload of event_type::identified_extract: the case's identified
 * records (names, dates of birth, case ids) were extracted for analysis — an
 * access record the library makes (case_file::record_identified_extract()),
 * never offered to record(). Who extracted them is the entry's `who`.
 * @since 0.3.0
 */
struct identified_extract {
    std::string table;    ///< Which table ("members", "cases"…).
    std::string purpose;  ///< Why (not blank): "an audit the Privacy Commissioner asked for", …
    SFCORE_VALUE(identified_extract, x.table, x.purpose)
};

/**
 * @brief Payload of event_type::access_requested: a request, under the
 * Privacy Act 2020 (IPP 6), for the personal information the agency holds
 * about a member — by the person, or by someone with authority to ask for
 * them. It is due privacy_response_working_days working days after it was
 * received (privacy_response_due()); overdue() lists it once late, in any
 * state of the case.
 * @since 0.3.0
 */
struct access_requested {
    member_id member;       ///< Whom the request is about.
    std::string requester;  ///< Who asked (not blank): the person, or their agent.
    std::string authority;  ///< An agent's authority to ask ("parent of a child under 16", …); empty when the person asked.
    sfcore::date received;  ///< The day it was received (not in the future).
    SFCORE_VALUE(access_requested, x.member, x.requester, x.authority, x.received)
};

/**
 * @brief Payload of event_type::access_extended: the time to answer an access
 * request is extended (Privacy Act 2020 s 48), to a later day, with the reason.
 * @since 0.3.0
 */
struct access_extended {
    std::uint64_t request = 0;  ///< The access_requested entry (its seq), not yet answered.
    sfcore::date due;           ///< The new last day, after the one before.
    std::string reason;         ///< Why (not blank): "a large quantity of information must be searched", …
    SFCORE_VALUE(access_extended, x.request, x.due, x.reason)
};

/**
 * @brief Payload of event_type::access_answered: an access request was
 * answered, with the ground of each withholding (Privacy Act 2020 ss 49-53).
 * @since 0.3.0
 */
struct access_answered {
    std::uint64_t request = 0;          ///< The access_requested entry (its seq), not yet answered.
    sfcore::date on;                    ///< The day it was answered (not before it was received).
    std::vector<std::string> withheld;  ///< The grounds of what was withheld, each not blank (none: given in full).
    SFCORE_VALUE(access_answered, x.request, x.on, x.withheld)
};

/**
 * @brief Payload of event_type::correction_declined: a correction a person
 * asked for was not made, and their statement of the correction sought is
 * attached to the detail (Privacy Act 2020, IPP 7(2)-(3)): it is shown with
 * the member's details from then on (case_file::correction_statements()).
 * The recipients the detail went to, so they can be told (IPP 7(4)), are
 * case_file::disclosures_about().
 * @since 0.3.0
 */
struct correction_declined {
    member_id member;       ///< Whose detail.
    std::string detail;     ///< Which detail (not blank): "date of birth", "address", …
    std::string statement;  ///< The person's statement of the correction sought (not blank).
    std::string reason;     ///< Why it was not made (not blank).
    SFCORE_VALUE(correction_declined, x.member, x.detail, x.statement, x.reason)
};

/**
 * @brief Payload of event_type::case_disposed: the case was disposed of when
 * its retention ended, by destroying its key (case_store::dispose()). Every
 * entry before it stays in the journal, sealed and unreadable, so its hash
 * chain still verifies; this is the last entry a case has. A record the
 * store makes, never offered to record(). Who disposed of it is the entry's `who`.
 * @since 0.3.0
 */
struct case_disposed {
    sfcore::date closed;      ///< When the case was closed.
    std::int32_t years = 0;   ///< The retention its programme's rule gave, in years after closure.
    SFCORE_VALUE(case_disposed, x.closed, x.years)
};

namespace detail {
// The variant of the types after the leading void: events.def's rows, each preceded by a comma.
template <class Void, class... Payloads>
struct payload_variant {
    static_assert(std::is_void_v<Void>);
    using type = std::variant<Payloads...>;
};
using payload_types = payload_variant<void
#define SF_EVENT(C, value, name, label, kind) , name
#include "sfcore/def/events.def"
#undef SF_EVENT
                                      >::type;
} // namespace detail

/**
 * @brief What an event carries: a `std::variant` of the payload types above,
 * one per row of events.def, in its order; the alternative's index is its
 * event_type.
 * @since 0.1.0
 */
using event_payload = detail::payload_types;

/**
 * @brief One entry of a case's journal: what happened, when, who recorded
 * it, and its place in the hash chain.
 *
 * The host gives `who`, `when` and the payload; the case assigns `seq`,
 * `recorded` and `hash` when it appends the entry.
 * @since 0.1.0
 */
struct event {
    /**
     * @brief When it happened, as the host says (UTC). Lifecycle and
     * disclosure entries come in time order (never earlier than the one
     * before); for an access record it is the instant the request was about.
     * @since 0.1.0
     */
    instant when;
    std::string who;        ///< Who recorded it: the host system's user id (UTF-8).
    event_payload payload;  ///< What happened.
    std::uint64_t seq = 0;  ///< Its place in the journal: 1, 2, 3… (assigned).
    instant recorded{};     ///< When the library recorded it, by its clock (assigned; never goes backwards).
    digest hash{};          ///< SHA-256 over the hash before it and every field of this entry (assigned).

    /** @brief The type of the event, from its payload. @since 0.1.0 */
    event_type type() const noexcept { return static_cast<event_type>(payload.index()); }
    SFCORE_VALUE(event, x.when, x.who, x.payload, x.seq, x.recorded, x.hash)
};

} // namespace sfcore
