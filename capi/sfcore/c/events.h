/**
 * @file sfcore/c/events.h
 * @brief The facts a case's journal records, each offered to the one
 * transition table: the lifecycle's events, and what governs sharing
 * (consents to share, withdrawals, confidential marks, necessity, sharing
 * without consent, declined requests, notices).
 */
#ifndef SFCORE_C_EVENTS_H
#define SFCORE_C_EVENTS_H

#include "sfcore/c/case.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- lifecycle events ----------------------------------------------------------
 * Each offers one event to a case's journal. Every one takes, after its
 * own output: the case; the directory its ids refer to; who records it
 * (UTF-8, not blank); and when it happened, in seconds since
 * 1970-01-01T00:00:00Z (not earlier than the case's last lifecycle or
 * disclosure entry). It returns #SF_OK with `out->accepted` 1 when the
 * event was appended (`out->seq` its entry), or 0 with the refusing guard
 * and the reason: a refusal is a value and changes nothing. Bad input (NULL,
 * invalid UTF-8, an unknown id, a date out of range) is an error status and
 * changes nothing.
 */

/** @brief Accept the referral (`by_panel` 1 for a Children's Team panel; `note` may be NULL). @since 0.1.0 */
SF_API int sf_case_accept_referral(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, int by_panel, const char *note);
/**
 * @brief Change a member's details: a correction the person asked for
 * (Privacy Act 2020, IPP 7) or a change the family reports; the values before
 * stay in the journal. `name` NULL, `role` -1 and `born` 0 keep that detail;
 * at least one changes. `reason` says why (not blank).
 * @since 0.2.0
 */
SF_API int sf_case_update_member(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                 uint32_t member, const char *name, int role, int32_t born, const char *reason);
/**
 * @brief Link a member to a person the host knows by its own `key` (UTF-8,
 * not blank, at most 256 bytes), so that the store finds the person's cases
 * together (sf_store_person_cases(), sf_store_siblings()). `nhi` (a
 * National Health Index number, checked) and `nsn` (a National Student
 * Number, 1 to 10 digits) may be NULL. A later link of the same member
 * replaces this one; one person is one member of a case.
 * @since 0.3.0
 */
SF_API int sf_case_link_person(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                               uint32_t member, const char *key, const char *nhi, const char *nsn);
/**
 * @brief Record a request for access to a member's personal information
 * (Privacy Act 2020, IPP 6), received on `received` (YYYYMMDD), by
 * `requester`; `authority` is an agent's authority to ask, or NULL when the
 * person asked. It is due 20 working days later by the Act's definition
 * (sf_privacy_response_due()) and overdue in any state until answered.
 * @since 0.3.0
 */
SF_API int sf_case_request_access(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                  uint32_t member, const char *requester, const char *authority, int32_t received);
/** @brief Extend the time to answer access request `request` (its entry's seq) to `due` (YYYYMMDD, later than before), with the reason (s 48). @since 0.3.0 */
SF_API int sf_case_extend_access(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                 uint64_t request, int32_t due, const char *reason);
/** @brief Record that access request `request` was answered on `on` (YYYYMMDD), with the ground of each withholding (`withheld` may be NULL when `withheld_count` is 0). @since 0.3.0 */
SF_API int sf_case_answer_access(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                 uint64_t request, int32_t on, const char *const *withheld, size_t withheld_count);
/**
 * @brief Record that a correction a member asked for was not made, with
 * their statement of the correction sought attached to the detail (Privacy
 * Act 2020, IPP 7): `detail`, `statement` and `reason` are not blank.
 * @since 0.3.0
 */
SF_API int sf_case_decline_correction(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                      uint32_t member, const char *detail, const char *statement, const char *reason);
/** @brief Decline the referral, with the reason (not blank). @since 0.1.0 */
SF_API int sf_case_decline_referral(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, const char *reason);
/**
 * @brief Add a family member (`out->assigned` is the new member's id).
 * `role` is an #sf_member_role, `born` YYYYMMDD or 0 when not known,
 * `participating` 1 when the member takes part (and so consents).
 * @since 0.1.0
 */
SF_API int sf_case_add_member(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                              const char *name, int role, int32_t born, int participating);
/**
 * @brief Record a member's written consent to take part: signed on `signed_on`
 * (YYYYMMDD) on form `form_version`; for a child, `given_by` is the parent or
 * caregiver and `child_views` the child's own views (0 and NULL otherwise).
 * @since 0.1.0
 */
SF_API int sf_case_record_consent(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                  int64_t when, uint32_t member, int32_t signed_on, const char *form_version,
                                  uint32_t given_by, const char *child_views);
/** @brief A member withdraws their consent to take part (`note` may be NULL): the case closes, and every consent to share of the member is withdrawn. @since 0.1.0 */
SF_API int sf_case_withdraw_consent(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, uint32_t member, const char *note);
/**
 * @brief Assign roles: the coordinator and lead contact (practitioner ids), the
 * lead agency; 0 leaves a role as it is. `facilitator` NULL leaves it, "" removes it.
 * @since 0.1.0
 */
SF_API int sf_case_assign_roles(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                int64_t when, uint32_t coordinator, uint32_t lead_agency, uint32_t lead_contact,
                                const char *facilitator);
/** @brief Start the family-directed preparation (refused until #SF_GUARD_WRITTEN_CONSENT holds). @since 0.1.0 */
SF_API int sf_case_start_preparation(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                     int64_t when);
/** @brief Set the family's key issues, strengths and needs (arrays of UTF-8 strings; a count of 0 allows NULL). @since 0.1.0 */
SF_API int sf_case_set_priorities(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                  int64_t when, const char *const *key_issues, size_t key_issue_count,
                                  const char *const *strengths, size_t strength_count, const char *const *needs,
                                  size_t need_count);
/** @brief The family approves an agency as a whole, or a named practitioner, to take part. @since 0.1.0 */
SF_API int sf_case_approve_invitee(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, sf_party invitee);
/** @brief The family withdraws an approval. @since 0.1.0 */
SF_API int sf_case_withdraw_invitee(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, sf_party invitee);
/** @brief Schedule the initial meeting (`out->assigned` is its id). @since 0.1.0 */
SF_API int sf_case_schedule_meeting(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, const sf_meeting *meeting);
/**
 * @brief Schedule a review meeting (`out->assigned` is its id). It starts after
 * the last meeting held, and within the case's review window after it (see
 * sf_case_timeframes()) unless @p outside_window_reason says why not (the
 * family asked, a change of circumstances); NULL or "" gives no reason.
 * Refused as #SF_GUARD_NATURAL_ORDER or #SF_GUARD_REVIEW_WINDOW.
 * @since 0.1.0 (@p outside_window_reason since 0.2.0)
 */
SF_API int sf_case_schedule_review(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, const sf_meeting *meeting, const char *outside_window_reason);
/** @brief Record that a meeting was held, and who attended (a count of 0 allows NULL). @since 0.1.0 */
SF_API int sf_case_hold_meeting(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                uint32_t meeting_id, const sf_party *attendance, size_t attendance_count);
/** @brief Agree an action plan at a meeting. @since 0.1.0 */
SF_API int sf_case_agree_plan(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                              const sf_plan *plan);
/** @brief Revise the plan after a change of circumstances (the plan names its revision reason). @since 0.1.0 */
SF_API int sf_case_revise_plan(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                               const sf_plan *plan);
/** @brief Update an action's status (an #sf_action_status; `note` may be NULL). @since 0.1.0 */
SF_API int sf_case_update_action(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                 int64_t when, uint32_t action_id, int status, const char *note);
/** @brief Escalate to statutory care and protection (`note` not blank): the case closes. @since 0.1.0 */
SF_API int sf_case_escalate(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                            const char *note);
/** @brief Start closing, for a reason (an #sf_exit_reason; `note` may be NULL, required for #SF_EXIT_REASON_OTHER). @since 0.1.0 */
SF_API int sf_case_start_closure(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                 int64_t when, int reason, const char *note);
/** @brief The lead contact submits the final report's summary (not blank). @since 0.1.0 */
SF_API int sf_case_submit_final_report(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                       int64_t when, const char *summary);
/** @brief Close the case (after the final report). @since 0.1.0 */
SF_API int sf_case_close(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when);
/** @brief Reopen a closed case, with the reason (not blank). @since 0.1.0 */
SF_API int sf_case_reopen(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                          const char *reason);


/* ---- what governs sharing: facts of the same journal ---------------------------- */

/**
 * @brief A written consent to share a member's information (given to
 * sf_case_give_sharing_consent(); it counts from the entry's instant).
 * @since 0.2.0
 */
typedef struct sf_consent {
    uint32_t subject;                /**< Whose information (a member id). */
    uint32_t given_by;               /**< The subject, or a parent or caregiver for a younger child. */
    const sf_recipient *recipients;  /**< Whole agencies or named practitioners of them. */
    size_t recipient_count;          /**< How many recipients (at least one). */
    uint64_t categories;             /**< Bit c set: category c (an #sf_category or the case's own). */
    uint32_t purposes;               /**< Bit p set: #sf_purpose p. */
    int32_t from;                    /**< First day covered, YYYYMMDD. */
    int32_t until;                   /**< Last day covered, YYYYMMDD. */
    int32_t signed_on;               /**< When the form was signed, YYYYMMDD. */
    const char *form_version;        /**< The form's version (not blank). */
    const char *child_views;         /**< A child's own views, when a parent or caregiver consents for them (else NULL). */
} sf_consent;

/** @brief A sharing without consent, under a legal basis. @since 0.1.0 */
typedef struct sf_sharing {
    const uint32_t *subjects;     /**< Whom it is about. */
    size_t subject_count;         /**< How many. */
    int category;                 /**< What kind of information. */
    const char *description;      /**< What exactly was shared. */
    sf_recipient discloser;       /**< Who shared it. */
    sf_recipient recipient;       /**< To whom. */
    int basis;                    /**< An #sf_legal_basis. */
    int s66c;                     /**< For s66C, an #sf_s66c_purpose (else `SF_S66C_PURPOSE_NONE`). */
    const char *requested_by;     /**< For s66: the name of who asked. */
    int requester_role;           /**< For s66, an #sf_s66_requester: the chief executive, a care and protection co-ordinator or a constable (else `SF_S66_REQUESTER_NONE`). @since 0.2.0 */
    const char *purpose;          /**< Why, in words. */
    const char *approver;         /**< Who approved it. */
    const char *necessity;        /**< Why it was necessary and proportionate. */
    int child_consulted;          /**< 1 when the child was consulted or told. */
    int family_told;              /**< 1 when the family was told. */
    const char *not_told_reason;  /**< If either was not, why. */
} sf_sharing;

/** @brief A declined request for information, with its reasons (s66J). @since 0.1.0 */
typedef struct sf_declined {
    sf_recipient requester;      /**< Who asked. */
    const uint32_t *subjects;    /**< About whom. */
    size_t subject_count;        /**< How many. */
    int category;                /**< What kind of information. */
    int basis;                   /**< The #sf_legal_basis the request relied on. */
    const char *const *reasons;  /**< The grounds for declining. */
    size_t reason_count;         /**< How many. */
    const char *decided_by;      /**< Who declined it. */
} sf_declined;

/**
 * @brief Record a written consent to share (`out->assigned` is its id). Who
 * may consent is a rule (#SF_GUARD_CONSENT_GIVER): a refusal is a value.
 * @return #SF_OK; #SF_ENULLARG; #SF_ECONSENT (an empty or malformed scope);
 *         #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_case_give_sharing_consent(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                        int64_t when, const sf_consent *consent);
/**
 * @brief Withdraw a member's consent to share, from `when`: wholly, or only
 * for one recipient (`recipient` not NULL; an agency covers its practitioners)
 * and/or one category (`category` >= 0). `note` may be NULL.
 * @since 0.2.0
 */
SF_API int sf_case_withdraw_sharing_consent(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                            int64_t when, uint32_t subject, const sf_recipient *recipient,
                                            int category, const char *note);
/** @brief The family marks (1) or unmarks (0) a member's information of a category confidential. @since 0.2.0 */
SF_API int sf_case_mark_confidential(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                     int64_t when, uint32_t subject, int category, int confidential);
/** @brief Set the areas (#sf_issue_area values) of the family's key issues, which decide what is necessary to share. @since 0.2.0 */
SF_API int sf_case_set_issue_areas(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, const int *areas, size_t area_count);
/** @brief The family widens (1) or narrows (0) what is necessary by one category. @since 0.2.0 */
SF_API int sf_case_adjust_necessity(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, int category, int widen);
/**
 * @brief Register a category of the case's own (`name` lowercase letters,
 * digits and '_'; `label` plain words), up to 64 in all: `out->assigned` is
 * its number.
 * @since 0.2.0
 */
SF_API int sf_case_register_category(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                     int64_t when, const char *name, const char *label);
/**
 * @brief Set the timeframes the case works to from now on: the initial meeting
 * within @p initial_meeting_working_days (1-60) working days of the referral, and
 * reviews @p review_earliest_days to @p review_latest_days (1-365) days after the
 * last meeting. The programme's are 15, 28 and 42. Out of range: #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_case_set_timeframes(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                                  int initial_meeting_working_days, int review_earliest_days, int review_latest_days);
/** @brief Set from which ages people consent to share for themselves (young person, adult; the defaults are 16 and 18). @since 0.2.0 */
SF_API int sf_case_set_consent_ages(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                    int64_t when, int young_person_age, int adult_age);
/**
 * @brief Record a sharing without consent, at `when`. An incomplete record is
 * refused (#SF_GUARD_RECORD_COMPLETE, with `out->missing` naming the fields)
 * and nothing is recorded.
 * @since 0.2.0
 */
SF_API int sf_case_share_without_consent(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                         int64_t when, const sf_sharing *sharing);
/** @brief Record a declined request, at `when`, as sf_case_share_without_consent(). @since 0.2.0 */
SF_API int sf_case_decline_request(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, const sf_declined *declined);
/** @brief Record that a member was given their disclosure notice for a purpose (see sf_case_notice()). @since 0.2.0 */
SF_API int sf_case_give_notice(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                               uint32_t member, int purpose);

/* ---- any event, as JSON --------------------------------------------------------- */

/**
 * @brief Offer any event, its payload given as JSON: `type` is an
 * #sf_event_type and `fields` a JSON object of its payload's fields by name
 * (UTF-8), as `sfcore/json.hpp` documents — for example, for
 * #SF_EVENT_TYPE_CONSENT_RECORDED,
 * `{"member": 1, "signed_on": "2026-03-02", "form_version": "v3"}`. A
 * field left out keeps its default. Every event type can be recorded this
 * way, one added after this header was written too; the functions above
 * are the same events with C arguments. The outcome, the other arguments
 * and the errors are those of every function here; JSON that is not the
 * type's payload (not an object, a member that is not a field, a value of
 * the wrong kind) is #SF_EINVAL with the field named in sf_error_last(),
 * a value out of range #SF_ERANGE, and the case does not change.
 * @since 0.3.0
 */
SF_API int sf_case_record_json(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who, int64_t when,
                               int type, const char *fields);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_EVENTS_H */
