/**
 * @file case.hpp
 * @brief A case: one family's journey through a programme, kept as one
 * journal of entries whose fold is the case's state — its lifecycle and
 * what governs sharing its information.
 */
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/deque.hpp>
#include <boost/container/options.hpp>

#include "sfcore/agency.hpp"
#include "sfcore/calendar.hpp"
#include "sfcore/detail/fields.hpp"
#include "sfcore/disclosure.hpp"
#include "sfcore/encryption.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/events.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/journal.hpp"
#include "sfcore/lifecycle.hpp"
#include "sfcore/model.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

namespace detail {
struct case_access;
struct case_secret;
struct event_rules;
} // namespace detail

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
    /** @brief Field-by-field equality. @since 0.1.0 */
    friend bool operator==(const participation_consent&, const participation_consent&) = default;
    SFCORE_FIELDS(participation_consent, x.member, x.signed_on, x.form_version, x.given_by, x.child_views, x.recorded_by, x.recorded_at, x.ended_at)
};

/** @brief Who holds the case's roles. @since 0.1.0 */
struct case_roles {
    std::optional<practitioner_id> coordinator;   ///< The coordinator.
    std::optional<agency_id> lead_agency;         ///< The lead agency (set at referral or the first meeting).
    std::optional<practitioner_id> lead_contact;  ///< The lead (key) contact.
    std::string facilitator;                      ///< An independent facilitator, if any.
    /** @brief Field-by-field equality. @since 0.1.0 */
    friend bool operator==(const case_roles&, const case_roles&) = default;
    SFCORE_FIELDS(case_roles, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
};

/**
 * @brief A member's details as one entry of the journal left them: as added,
 * or as changed by a member_updated entry. See case_file::member_history().
 * @since 0.2.0
 */
struct member_version {
    std::uint64_t seq = 0;   ///< The entry that made this version.
    instant when;            ///< The entry's instant.
    std::string who;         ///< Who recorded it.
    sfcore::member member;   ///< The details from that entry on.
    std::string reason;      ///< Why they changed (empty for the member as added).
};

/**
 * @brief A statement of correction attached to a member's detail: see case_file::correction_statements().
 * @since 0.3.0
 */
struct correction_statement {
    std::uint64_t seq = 0;          ///< The correction_declined entry.
    correction_declined declined;   ///< The detail, the statement and why the correction was not made.
};

/**
 * @brief A sharing of a member's information, from the journal: see case_file::disclosures_about().
 * @since 0.3.0
 */
struct disclosure_of_member {
    std::uint64_t seq = 0;         ///< The entry that records it.
    instant when;                  ///< When.
    event_type how = event_type::disclosure_decided;  ///< A permitted decision, a view shown, or a sharing without consent.
    sfcore::recipient to;          ///< Who received it.
    category what = category::housing;  ///< Which category of information.
};

/**
 * @brief An access request as the journal leaves it: see case_file::access_requests().
 * @since 0.3.0
 */
struct access_request {
    std::uint64_t seq = 0;                    ///< The access_requested entry.
    access_requested request;                 ///< What it asked.
    std::optional<sfcore::date> extended_to;  ///< The last day an extension (s 48) set, if any.
    std::string extension_reason;             ///< Why it was extended.
    std::optional<sfcore::date> answered_on;  ///< The day it was answered, once it was.
    std::vector<std::string> withheld;        ///< The grounds of what the answer withheld.

    /**
     * @brief The last day to answer it: privacy_response_due() in @p calendar, or the extension's when that
     * is later (an extension is checked against the national calendar when it is recorded; a host's calendar
     * with more holidays can put the Act's own day past it, and an extension never shortens the time).
     * @since 0.3.0
     */
    sfcore::date due(const holiday_calendar& calendar) const;
};

/**
 * @brief A case: one journal of entries, and the state that is their fold.
 *
 * Every fact of a case is an entry of its journal: the lifecycle, consent to
 * take part, consents to share and their withdrawal, confidential marks,
 * necessity, sharing without consent, declined requests, notices, and every
 * decision made and view shown. The lifecycle state and the disclosure state
 * are folds of the journal; nothing is kept beside it.
 *
 * A case is opened from a referral; every later fact is offered to
 * record(), which either appends it (every guard of its transition-table row
 * holds) or refuses it with the guard that refused and why — a refusal is a
 * value and changes nothing. Bad input (an unknown member, invalid UTF-8, a
 * date out of range, an instant earlier than the last fact) is an error
 * and changes nothing either. decide() and view() append access records.
 *
 * Each entry is hash-chained to the one before it, from a hash of the
 * case's id (see journal.hpp); replay() and every load verify the chain,
 * and re-make every recorded decision to check it. A case_file is a value:
 * copy it freely; one object must not be changed from two threads at once,
 * and may be read from many (sfcore::shared_case shares one among threads).
 * @since 0.1.0
 */
class case_file {
public:
    /**
     * @brief The journal: every entry, oldest first. A deque in blocks of 64
     * entries: appending never moves an entry, and allocates once a block.
     * @since 0.2.0
     */
    using journal_type =
        boost::container::deque<event, void, boost::container::deque_options_t<boost::container::block_size<64u>>>;

    /**
     * @brief Open a case from a referral.
     * @param id the case's id (not zero).
     * @param directory the agencies the referral may name.
     * @param r the referral.
     * @param who who recorded it (UTF-8, not blank).
     * @param when when it was recorded.
     * @param keep at_rest::encrypted: the case gets a key of its own and
     *        every entry is hashed, stored and archived sealed under it (see
     *        encryption.hpp); a store must have a key_provider to keep it.
     * @throws sfcore::error as checked(const referral&, const agency_directory&),
     *         and errc::invalid_argument for a zero id.
     * @since 0.1.0 (@p keep: 0.3.0)
     */
    static case_file open(case_id id, const agency_directory& directory, const referral& r, std::string_view who,
                          instant when, at_rest keep = at_rest::plain);

    /**
     * @brief Rebuild a case from its journal, as read back from storage:
     * the hash chain is verified from the case's id (so the journal is this
     * case's, whole and in order), every entry is checked again as when it
     * was recorded, and every recorded decision and view is made again and
     * must agree (pass the journal with std::move when it is not needed afterwards).
     * @throws sfcore::error errc::integrity (the chain does not verify: an
     *         entry was changed, removed or reordered, or belongs to another
     *         case), errc::invalid_argument (an entry the rules refuse, or
     *         a decision that does not agree with the journal before it).
     * @since 0.1.0
     */
    static case_file replay(case_id id, std::vector<event> journal);

    /**
     * @brief Offer a lifecycle or disclosure event: append it when the rules allow it.
     * @param directory the agencies and practitioners its payload may name.
     * @param who who records it (UTF-8, not blank).
     * @param when when it happened (not earlier than the last lifecycle or disclosure entry).
     * @param payload what happened.
     * @return accepted (with the entry's seq and any id it assigned), or
     *         refused with the guard and the reason.
     * @throws sfcore::error for bad input (see the class description), and
     *         errc::invalid_argument for an access record (decide() and view()
     *         write those); the case is unchanged.
     * @since 0.1.0
     */
    outcome record(const agency_directory& directory, std::string_view who, instant when, event_payload payload);

    /**
     * @brief As record(), without changing the case: would the event be accepted?
     * @throws sfcore::error as record().
     * @since 0.2.0
     */
    outcome would_accept(const agency_directory& directory, std::string_view who, instant when,
                         const event_payload& payload) const;

    /**
     * @brief Decide a request and record the decision in the journal.
     * @param directory the agencies and practitioners the request may name.
     * @param r the request (its instant may be any, past or future).
     * @param actor who asked (the host's user id).
     * @return the decision, with the seq of the entry that records it.
     * @throws sfcore::error errc::invalid_request, errc::not_found,
     *         errc::out_of_range, errc::invalid_utf8 for a malformed request.
     * @since 0.1.0
     */
    decision decide(const agency_directory& directory, const disclosure_request& r, std::string_view actor);

    /**
     * @brief Decide many requests and record each decision, in order: the same
     * decisions and entries as decide() on each in turn, except that the
     * library's clock is read once, so every entry of the batch has the same
     * `recorded` instant. Each entry is chained and verifiable on its own.
     * @param directory the agencies and practitioners the requests may name.
     * @param requests @p count pointers to requests.
     * @param count how many.
     * @param actor who asked.
     * @param[out] out room for @p count decisions.
     * @return @p count.
     * @throws sfcore::error as decide(), for the first request that fails: the
     *         decisions before it are recorded (as by decide() in a loop), none after it.
     * @since 0.1.0
     */
    std::size_t decide_many(const agency_directory& directory, const disclosure_request* const* requests,
                            std::size_t count, std::string_view actor, decision* out);

    /**
     * @brief As decide_many(const agency_directory&, const disclosure_request* const*, std::size_t, std::string_view, decision*).
     * @return the decisions, in request order.
     * @since 0.1.0
     */
    std::vector<decision> decide_many(const agency_directory& directory, const std::vector<disclosure_request>& requests,
                                      std::string_view actor);

    /**
     * @brief Decide a request without recording it (to preview; decide() is
     * the one to use before disclosing).
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    decision check(const agency_directory& directory, const disclosure_request& r) const;

    /**
     * @brief As check(const agency_directory&, const disclosure_request&), for
     * a request about one person, without building a request (no allocation).
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    decision check(const agency_directory& directory, const sfcore::recipient& discloser, member_id subject,
                   category what, const sfcore::recipient& to, purpose why, instant at) const;

    /**
     * @brief The full reason for a recorded decision, for the coordinator and
     * the audit, from its journal entry (ids, never names).
     * @param seq the decision's entry (decision::seq).
     * @throws sfcore::error errc::not_found when entry @p seq is not a decision.
     * @since 0.1.0
     */
    std::string explain(std::uint64_t seq) const;

    /**
     * @brief Record that the case's identified records were extracted for
     * analysis (an access record, at the library's clock): a host calls it
     * before it hands out names, dates of birth or case ids (as
     * sfcore.analysis does for an identified table).
     * @param who who extracted them (not blank).
     * @param table which table.
     * @param purpose why (not blank).
     * @throws sfcore::error errc::invalid_argument, errc::invalid_utf8.
     * @since 0.3.0
     */
    void record_identified_extract(std::string_view who, std::string_view table, std::string_view purpose);

    /**
     * @brief What a recipient may see of a family's information for a purpose
     * at an instant: only the permitted items, in order; nothing says what
     * was left out. The view is recorded in the journal.
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    std::vector<info_item> view(const agency_directory& directory, const std::vector<info_item>& items,
                                const sfcore::recipient& to, purpose why, instant at, std::string_view actor);

    /**
     * @brief A member's disclosure notice: who may receive which of their
     * information for a purpose at an instant, what they marked
     * confidential, and what was shared without consent that they were told
     * of, in plain language. (Record that it was given with notice_given.)
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    disclosure_notice notice(const agency_directory& directory, member_id m, purpose why, instant at) const;

    /** @brief The disclosure state: the fold of the journal's disclosure entries. @since 0.2.0 */
    const disclosure_state& disclosure() const noexcept { return disclosure_; }

    /** @brief The entries of one type, oldest first (pointers valid until the case changes). @since 0.2.0 */
    std::vector<const event*> entries(event_type type) const;

    /**
     * @brief The access log: every decision made and view shown (by one actor,
     * or by anyone for ""), oldest first (pointers valid until the case changes).
     * @since 0.1.0
     */
    std::vector<const event*> access_log(std::string_view actor = {}) const;

    /** @brief The journal's head: its length and the hash of its last entry. @since 0.2.0 */
    journal_head head() const noexcept;
    /** @brief True when the case is encrypted at rest (see encryption.hpp). @since 0.3.0 */
    bool encrypted() const noexcept { return secret_ != nullptr; }

    /**
     * @brief Recompute the hash chain from the case's id.
     * @param expected a head the host kept (an anchor): the journal must
     *        hold it, so truncation, rollback and rewriting up to it are found.
     * @since 0.2.0
     */
    journal_verification verify(const journal_head* expected = nullptr) const;

    /** @brief The case's id. @since 0.1.0 */
    case_id id() const noexcept { return id_; }
    /** @brief Where the case is in its lifecycle. @since 0.1.0 */
    sfcore::state state() const noexcept { return state_; }
    /** @brief The programme the case belongs to. @since 0.1.0 */
    sfcore::programme programme() const noexcept { return referral_.programme; }
    /** @brief The referral that opened the case. @since 0.1.0 */
    const sfcore::referral& referral() const noexcept { return referral_; }
    /** @brief Every entry, oldest first. @since 0.1.0 */
    const journal_type& journal() const noexcept { return journal_; }
    /** @brief The family members, in the order they were added. @since 0.1.0 */
    const std::vector<member>& members() const noexcept { return members_; }
    /**
     * @brief A member by id.
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    const sfcore::member& member_at(member_id id) const;
    /**
     * @brief Every version of a member's details, oldest first: as added, then
     * after each member_updated entry (a corrected name stays in the journal
     * and in this history).
     * @throws sfcore::error errc::not_found for an unknown member.
     * @since 0.2.0
     */
    std::vector<member_version> member_history(member_id id) const;
    /**
     * @brief The person a member is, as the last person_linked entry for the
     * member gave it; nothing when the member was never linked.
     * @throws sfcore::error errc::not_found for an unknown member.
     * @since 0.3.0
     */
    std::optional<person_linked> person_of(member_id id) const;
    /** @brief The member who is the person the host knows by @p key, if one is. @since 0.3.0 */
    std::optional<member_id> member_for(std::string_view key) const noexcept;
    /**
     * @brief The statements of correction attached to a member's details
     * (correction_declined entries), oldest first: show them wherever the
     * member's details are shown.
     * @throws sfcore::error errc::not_found for an unknown member.
     * @since 0.3.0
     */
    std::vector<correction_statement> correction_statements(member_id id) const;
    /**
     * @brief Every sharing of information about a member the journal
     * records — a permitted decision, a view that showed an item about them,
     * a sharing without consent — oldest first: the recipients to tell of a
     * correction or a statement (Privacy Act 2020, IPP 7(4)).
     * @throws sfcore::error errc::not_found for an unknown member.
     * @since 0.3.0
     */
    std::vector<disclosure_of_member> disclosures_about(member_id id) const;
    /** @brief Every access request (Privacy Act 2020, IPP 6), oldest first, with its extensions and answer. @since 0.3.0 */
    const std::vector<access_request>& access_requests() const noexcept { return access_requests_; }
    /** @brief Every member's link to a person, as it stands, by member. @since 0.3.0 */
    const std::vector<person_linked>& persons() const noexcept { return persons_; }
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
    /**
     * @brief The parties the family refused: it withdrew its approval of them
     * (event_type::invitee_withdrawn) and has not approved them again. None of
     * them may be made lead agency, key contact or an action's owner
     * (guard::family_refused).
     * @since 0.2.0
     */
    const std::vector<party>& refused() const noexcept { return refused_; }
    /**
     * @brief The timeframes this case works to: the programme's (15 working
     * days, 28-42 days), unless its journal sets others (event_type::timeframes_set).
     * @since 0.2.0
     */
    const sfcore::timeframes& timeframes() const noexcept { return timeframes_; }
    /** @brief The meetings, in the order they were scheduled. @since 0.1.0 */
    const std::vector<meeting>& meetings() const noexcept { return meetings_; }
    /** @brief The last meeting held (the one a review follows), or nullptr before any is held. @since 0.2.0 */
    const meeting* last_held_meeting() const noexcept {
        for (auto it = meetings_.rbegin(); it != meetings_.rend(); ++it)
            if (it->held) return &*it;
        return nullptr;
    }
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

    /** @brief Same id and journal. @since 0.1.0 */
    friend bool operator==(const case_file& a, const case_file& b);

private:
    friend class shared_case;
    friend struct detail::case_access;
    friend struct detail::event_rules;  // each event's rules (src/events/)
    case_file() = default;
    // As replay(), for a journal whose hash chain the caller has verified.
    static case_file replay_chained(case_id id, std::vector<event> journal);
    outcome no_row(event_type type) const;
    outcome evaluate(const agency_directory* dir, const event& e) const;
    std::optional<std::string> refused_by(const agency_directory* dir, guard g, const event& e,
                                          std::vector<std::string>* missing) const;
    bool consents_for_self(const sfcore::member& m, const sfcore::date& on) const;
    std::optional<std::string> giver_refusal(member_id subject, member_id given_by, const std::string& child_views,
                                             const sfcore::date& on) const;
    bool ends_family_consent(member_id leaving, const sfcore::date& on) const;
    // What the case gives an event offered to record(): ids, a plan's version and day, canonical forms.
    void complete(event& e) const;
    // Checks an event, changing nothing: bad input, or a field complete() gives that differs, is an error.
    void validate(const agency_directory* directory, const event& e) const;
    // The plan in force for a child (or the family plan): the last agreed or revised, or none.
    const plan* current_plan(const std::optional<member_id>& child) const noexcept;
    // The ids the case gives what is added next (complete() assigns them; validate() checks them).
    member_id next_member_id() const noexcept;
    meeting_id next_meeting_id() const noexcept;
    std::uint32_t next_consent_id() const noexcept;
    category next_category() const noexcept;
    void apply(const event& e, sfcore::state next);
    void append(event&& e, sfcore::state next);
    std::optional<std::string> disagrees(const event& e) const;
    void check_recipient(const agency_directory* directory, const sfcore::recipient& r, const char* what) const;
    void check_request(const agency_directory* directory, const disclosure_request& r) const;
    decision decide_checked(const disclosure_request& r, instant at) const noexcept;
    // What decide() does before it records: the request and actor checked, the instant checked (into @p at), the decision.
    decision decide_unrecorded(const agency_directory& directory, const disclosure_request& r, std::string_view actor,
                               instant& at) const;
    // The instant an entry appended at library time @p now is recorded at: never before the last entry's.
    instant recorded_at(instant now) const noexcept;
    void record_decision(const disclosure_request& r, instant at, decision& d, std::string_view actor, instant now);
    static void change_member(member& m, const member_updated& u);  // the details a member_updated entry gives

    case_id id_;
    std::shared_ptr<const detail::case_secret> secret_;  // an encrypted case's own key (null: plain)
    sfcore::state state_ = state::referred;
    sfcore::referral referral_;
    journal_type journal_;
    instant last_fact_{boost::posix_time::neg_infin};  // the last lifecycle or disclosure entry's instant
    std::vector<sfcore::member> members_;
    std::vector<person_linked> persons_;  // one per linked member, by member
    std::vector<access_request> access_requests_;
    // The open access request an extension or an answer names (errc::invalid_argument when none).
    const access_request& open_request(std::uint64_t seq) const;
    std::size_t request_index(std::uint64_t seq) const;
    std::vector<participation_consent> consents_;
    case_roles roles_;
    priorities_set priorities_;
    std::vector<party> approved_;
    std::vector<party> refused_;
    sfcore::timeframes timeframes_;
    std::vector<meeting> meetings_;
    std::vector<plan> plans_;
    std::vector<plan> plan_history_;
    std::uint32_t last_action_id_ = 0;
    std::optional<sfcore::exit_reason> exit_reason_;
    std::string exit_note_;
    std::string final_report_;
    std::optional<instant> closed_at_;
    disclosure_state disclosure_;
};

} // namespace sfcore
