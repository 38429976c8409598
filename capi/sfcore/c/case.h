/**
 * @file sfcore/c/case.h
 * @brief A case: referral, opening, reading its state and journal, and the meetings and plans offered to it.
 */
#ifndef SFCORE_C_CASE_H
#define SFCORE_C_CASE_H

#include "sfcore/c/directory.h"
#include "sfcore/c/enums.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- referral ---- */

/**
 * @brief Start a referral.
 * @param[out] out receives the referral; the caller frees it with sf_referral_free().
 * @param source an #sf_referral_source. An agency referral also needs sf_referral_set_agency().
 * @param received the date the referral was received, YYYYMMDD.
 * @param family_name how the family is known (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (unknown source, blank name);
 *         #SF_ERANGE (date); #SF_EUTF8; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_referral_new(sf_referral **out, int source, int32_t received, const char *family_name);

/**
 * @brief Free a referral. NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_referral_free(sf_referral *referral);

/**
 * @brief Name the referring agency, and optionally the practitioner.
 * @param referral the referral.
 * @param agency_id the agency's id in the directory the case is opened with.
 * @param practitioner the practitioner's name (UTF-8), or NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (zero id); #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_referral_set_agency(sf_referral *referral, uint32_t agency_id, const char *practitioner);

/**
 * @brief Add a reason for the referral, in the referrer's words.
 * @param referral the referral.
 * @param reason the reason (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_referral_add_reason(sf_referral *referral, const char *reason);

/**
 * @brief Choose the programme (default #SF_PROGRAMME_STRENGTHENING_FAMILIES).
 * @param referral the referral.
 * @param programme an #sf_programme.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL.
 * @since 0.1.0
 */
SF_API int sf_referral_set_programme(sf_referral *referral, int programme);

/**
 * @brief Name the site, for Intensive Intervention.
 * @param referral the referral.
 * @param site the site (UTF-8).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_referral_set_site(sf_referral *referral, const char *site);

/**
 * @brief Name the Local Management Group the case belongs to (0: none).
 * @return #SF_OK; #SF_ENULLARG. (A group not in the directory is refused by sf_case_open().)
 * @since 0.2.0
 */
SF_API int sf_referral_set_local_group(sf_referral *referral, uint32_t local_group_id);

/* ---- case ---- */

/**
 * @brief Open a case from a referral.
 * @param[out] out receives the case; the caller frees it with sf_case_free().
 * @param dir the directory the referral's agency belongs to.
 * @param case_id the case's id (not zero).
 * @param referral the referral (copied; the caller still owns it).
 * @param recorded_by who recorded it (UTF-8, not blank).
 * @param recorded_at when, in seconds since 1970-01-01T00:00:00Z.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ENOTFOUND (agency);
 *         #SF_ERANGE; #SF_EUTF8; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_case_open(sf_case **out, const sf_directory *dir, uint64_t case_id, const sf_referral *referral,
                        const char *recorded_by, int64_t recorded_at);
/**
 * @brief Open an encrypted case from a referral: as sf_case_open(), and the
 * case gets a key of its own; every entry is stored sealed under it (see
 * sf_store_open_encrypted()).
 * @return as sf_case_open().
 * @since 0.3.0
 */
SF_API int sf_case_open_encrypted(sf_case **out, const sf_directory *dir, uint64_t case_id, const sf_referral *referral,
                                  const char *recorded_by, int64_t recorded_at);
/** @brief `out` receives 1 when the case is encrypted at rest, else 0. @return #SF_OK; #SF_ENULLARG. @since 0.3.0 */
SF_API int sf_case_is_encrypted(int *out, const sf_case *c);

/**
 * @brief Free a case. NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_case_free(sf_case *c);

/**
 * @brief The case's lifecycle state.
 * @param[out] out receives an #sf_state.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_state(int *out, const sf_case *c);

/**
 * @brief The case's id.
 * @param[out] out receives the id.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_id(uint64_t *out, const sf_case *c);

/**
 * @brief How the case's referral came in.
 * @param[out] out_source receives an #sf_referral_source.
 * @param[out] out_agency_id receives the referring agency's id, 0 for a self-referral. May be NULL.
 * @param[out] out_received receives the date received, YYYYMMDD. May be NULL.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_referral(int *out_source, uint32_t *out_agency_id, int32_t *out_received, const sf_case *c);

/**
 * @brief The family's name as referred.
 * @param[out] out receives the name, owned by the case and valid until it is changed or freed.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_family_name(const char **out, const sf_case *c);

/**
 * @brief How many entries the case's journal holds.
 * @param[out] out receives the count.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_event_count(size_t *out, const sf_case *c);

/* ---- meetings and plans to offer ---- */

/**
 * @brief Start a meeting: when it starts (seconds since 1970, UTC; shown in New Zealand time) and where.
 * @param[out] out receives the meeting; free it with sf_meeting_free().
 * @param start when it starts.
 * @param venue where, as the family chose (UTF-8).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_ERANGE; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_meeting_new(sf_meeting **out, int64_t start, const char *venue);
/** @brief Free a meeting. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_meeting_free(sf_meeting *meeting);
/** @brief Invite a party (each must be approved by the family when the meeting is scheduled). @return #SF_OK; #SF_ENULLARG; #SF_EINVAL. @since 0.1.0 */
SF_API int sf_meeting_add_invitee(sf_meeting *meeting, sf_party invitee);
/** @brief Add one of the family's support people (UTF-8). @return #SF_OK; #SF_ENULLARG; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_meeting_add_support_person(sf_meeting *meeting, const char *name);
/**
 * @brief The meeting's details: an independent facilitator and an interpreter's
 * language (NULL for none), and whether it opens with karakia and mihi.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_meeting_set_details(sf_meeting *meeting, const char *facilitator, const char *interpreter, int karakia,
                                  int mihi);

/**
 * @brief Start an empty action plan.
 * @param[out] out receives the plan; free it with sf_plan_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_plan_new(sf_plan **out);
/**
 * @brief A copy of one of the case's current plans, to revise.
 * @param[out] out receives the plan; free it with sf_plan_free().
 * @param c the case.
 * @param index 0 to the number of current plans - 1 (see sf_case_counts()).
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_plan_from_case(sf_plan **out, const sf_case *c, size_t index);
/** @brief Free a plan. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_plan_free(sf_plan *plan);
/** @brief The lead agency and the key contact (a practitioner); 0 for none. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_plan_set_roles(sf_plan *plan, uint32_t lead_agency, uint32_t key_contact);
/** @brief For a Children's Team plan: the child (a member id) and the child's own views (UTF-8). @return #SF_OK; #SF_ENULLARG; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_plan_set_child(sf_plan *plan, uint32_t child, const char *child_views);
/** @brief Why the plan is revised (UTF-8). @return #SF_OK; #SF_ENULLARG; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_plan_set_revision_reason(sf_plan *plan, const char *reason);
/**
 * @brief Add an action to a plan.
 * @param[out] out_index receives the action's index in the plan. May be NULL.
 * @param plan the plan.
 * @param description what will be done (UTF-8, not blank).
 * @param owner who does it (`owner.id` 0 for no one yet).
 * @param due by when, YYYYMMDD (0 for no date).
 * @param support an #sf_support_type.
 * @param need the family's need it addresses (UTF-8; may be NULL).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8; #SF_ERANGE.
 * @since 0.1.0
 */
SF_API int sf_plan_add_action(size_t *out_index, sf_plan *plan, const char *description, sf_party owner, int32_t due,
                              int support, const char *need);
/** @brief Set the status (#sf_action_status) of the plan's action at an index. @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_plan_set_action_status(sf_plan *plan, size_t index, int status);
/**
 * @brief Set the outcome areas the plan's action at an index serves: bit i for #sf_outcome_area i.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (a bit past the last area); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_plan_set_action_outcomes(sf_plan *plan, size_t index, uint32_t outcome_areas);

/* ---- reading a case ---- */

/** @brief How many of each thing a case holds. @since 0.1.0 */
typedef struct sf_case_counts {
    size_t events;    /**< Journal entries. */
    size_t members;   /**< Family members (ids 1 to members). */
    size_t meetings;  /**< Meetings (ids 1 to meetings). */
    size_t plans;     /**< Current plans. */
    size_t approved;  /**< Approved invitees. */
} sf_case_counts;

/** @brief A family member. @since 0.1.0 */
typedef struct sf_member_info {
    uint32_t id;        /**< The member's id. */
    int role;           /**< An #sf_member_role. */
    int32_t born;       /**< YYYYMMDD, 0 when not known. */
    int participating;  /**< 1 when the member takes part. */
    int consented;      /**< 1 when the member's consent to take part stands. */
} sf_member_info;

/** @brief A meeting. @since 0.1.0 */
typedef struct sf_meeting_info {
    uint32_t id;              /**< The meeting's id. */
    int kind;                 /**< An #sf_meeting_kind. */
    int64_t start;            /**< When it starts (seconds since 1970, UTC). */
    int held;                 /**< 1 once held. */
    size_t invitee_count;     /**< How many were invited. */
    size_t attendance_count;  /**< How many attended. */
} sf_meeting_info;

/** @brief A current plan. @since 0.1.0 */
typedef struct sf_plan_info {
    uint32_t version;      /**< 1, then one more per revision. */
    uint32_t child;        /**< The child's member id (Children's Teams), or 0. */
    uint32_t lead_agency;  /**< The lead agency, or 0. */
    uint32_t key_contact;  /**< The key contact (a practitioner), or 0. */
    int32_t agreed;        /**< The date it was agreed or revised, YYYYMMDD. */
    size_t action_count;   /**< How many actions. */
} sf_plan_info;

/** @brief An action of a plan. @since 0.1.0 */
typedef struct sf_action_info {
    uint32_t id;     /**< The action's id (kept across revisions). */
    sf_party owner;  /**< Who does it (`id` 0 for no one yet). */
    int32_t due;     /**< YYYYMMDD, or 0. */
    int status;      /**< An #sf_action_status. */
    int support;     /**< An #sf_support_type. */
    uint32_t outcome_areas; /**< The outcome areas it serves: bit i for #sf_outcome_area i. @since 0.2.0 */
} sf_action_info;

/** @brief A journal entry. @since 0.1.0 */
typedef struct sf_event_info {
    int type;          /**< An #sf_event_type. */
    int64_t when;      /**< When it happened (seconds since 1970, UTC); for an access record, the instant it was about. */
    uint64_t seq;      /**< Its place in the journal, from 1. */
    int64_t recorded;  /**< When the library recorded it (microseconds since 1970, UTC). */
    uint8_t hash[32];  /**< Its hash in the chain. */
} sf_event_info;

/** @brief Something overdue in a case. @since 0.1.0 */
typedef struct sf_overdue_item {
    int kind;            /**< An #sf_overdue_kind. */
    int32_t due;         /**< When it was due, YYYYMMDD. */
    int days_late;       /**< Calendar days late on the date asked about. */
    uint32_t action_id;  /**< The action, for #SF_OVERDUE_KIND_ACTION (else 0). */
} sf_overdue_item;

/** @brief How many events, members, meetings, plans and approvals a case holds. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_counts_get(sf_case_counts *out, const sf_case *c);
/** @brief A member by id, and their name (owned by the case, valid until it changes or is freed). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.1.0 */
SF_API int sf_case_member(sf_member_info *out, const char **out_name, const sf_case *c, uint32_t member_id);
/**
 * @brief The person a member is linked to (sf_case_link_person()): their
 * key, NHI and NSN (each NULL when not recorded; all three NULL when the
 * member is not linked), owned by the case, valid until it changes or is
 * freed. Any of the three out-pointers may be NULL.
 * @return #SF_OK; #SF_ENULLARG (no case); #SF_ENOTFOUND (no such member).
 * @since 0.3.0
 */
SF_API int sf_case_person(const char **out_key, const char **out_nhi, const char **out_nsn, const sf_case *c, uint32_t member_id);
/** @brief An access request as the journal leaves it (sf_case_access_request()). @since 0.3.0 */
typedef struct sf_access_request_info {
    uint64_t seq;           /**< Its access_requested entry: the request sf_case_extend_access() and sf_case_answer_access() name. */
    uint32_t member;        /**< Whom it is about. */
    int32_t received;       /**< The day it was received, YYYYMMDD. */
    int32_t due;            /**< The last day to answer it (an extension's, else 20 working days by the Act), YYYYMMDD. */
    int32_t extended_to;    /**< The last day an extension (s 48) set, YYYYMMDD, or 0. */
    int32_t answered_on;    /**< The day it was answered, YYYYMMDD, or 0 while it is open. */
    size_t withheld_count;  /**< How many grounds of withholding its answer gave (sf_case_access_withheld()). */
} sf_access_request_info;

/** @brief How many access requests the case holds. @return #SF_OK; #SF_ENULLARG. @since 0.3.0 */
SF_API int sf_case_access_request_count(size_t *out, const sf_case *c);
/**
 * @brief Access request `index` (from 0, in the order received), with who
 * asked, an agent's authority ("" when the person asked) and why it was
 * extended ("" when it was not), owned by the case, valid until it changes
 * or is freed. Any of the string out-pointers may be NULL.
 * @param[out] out receives the request.
 * @param[out] out_requester receives who asked.
 * @param[out] out_authority receives an agent's authority.
 * @param[out] out_extension_reason receives why it was extended.
 * @param c the case.
 * @param calendar the calendar its due day is counted in (NULL: the national one).
 * @param index which request.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE (no such index).
 * @since 0.3.0
 */
SF_API int sf_case_access_request(sf_access_request_info *out, const char **out_requester, const char **out_authority,
                                  const char **out_extension_reason, const sf_case *c, const sf_calendar *calendar, size_t index);
/** @brief Ground `k` of what access request `index`'s answer withheld (owned by the case). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.3.0 */
SF_API int sf_case_access_withheld(const char **out_ground, const sf_case *c, size_t index, size_t k);
/** @brief How many statements of correction are attached to a member's details. @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such member). @since 0.3.0 */
SF_API int sf_case_correction_statement_count(size_t *out, const sf_case *c, uint32_t member);
/**
 * @brief A member's statement of correction `index` (from 0, in the order
 * recorded): the correction_declined entry, the detail, the person's
 * statement and why the correction was not made, owned by the case, valid
 * until it changes or is freed. Any out-pointer but the first may be NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such member); #SF_ERANGE (no such index).
 * @since 0.3.0
 */
SF_API int sf_case_correction_statement(uint64_t *out_seq, const char **out_detail, const char **out_statement, const char **out_reason,
                                        const sf_case *c, uint32_t member, size_t index);

/** @brief A sharing of a member's information, from the journal (sf_case_disclosures_about()). @since 0.3.0 */
typedef struct sf_member_disclosure {
    uint64_t seq;     /**< The entry that records it. */
    int64_t when;     /**< When (seconds since 1970-01-01T00:00:00Z). */
    int how;          /**< An #sf_event_type: `SF_EVENT_TYPE_DISCLOSURE_DECIDED` (a permitted decision), `SF_EVENT_TYPE_VIEW_SHOWN` or `SF_EVENT_TYPE_SHARED_WITHOUT_CONSENT`. */
    sf_recipient to;  /**< Who received it. */
    int category;     /**< Which category of information. */
} sf_member_disclosure;

/**
 * @brief Everyone a member's information went to, from the journal (for
 * IPP 7(4): whom to tell of a correction): permitted decisions, views that
 * showed an item about them, and sharings without consent.
 * @param[out] out_items receives the array (free it with sf_free()), or NULL when there are none.
 * @param[out] out_count receives its length.
 * @param c the case.
 * @param member the member.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such member); #SF_ENOMEM.
 * @since 0.3.0
 */
SF_API int sf_case_disclosures_about(sf_member_disclosure **out_items, size_t *out_count, const sf_case *c, uint32_t member);
/** @brief A meeting by id, and its venue (owned by the case; may pass NULL). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.1.0 */
SF_API int sf_case_meeting(sf_meeting_info *out, const char **out_venue, const sf_case *c, uint32_t meeting_id);
/** @brief A current plan by index. @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_plan(sf_plan_info *out, const sf_case *c, size_t plan_index);
/** @brief An action of a current plan, and its description (owned by the case; may pass NULL). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_action(sf_action_info *out, const char **out_description, const sf_case *c, size_t plan_index,
                          size_t action_index);
/** @brief Who holds the roles (0 where no one does). Any output may be NULL. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_roles(uint32_t *out_coordinator, uint32_t *out_lead_agency, uint32_t *out_lead_contact,
                         const sf_case *c);
/**
 * @brief The timeframes the case works to (see sf_case_set_timeframes()). Any output may be NULL.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.2.0
 */
SF_API int sf_case_timeframes(int *out_initial_meeting_working_days, int *out_review_earliest_days,
                              int *out_review_latest_days, const sf_case *c);
/**
 * @brief The parties the family refused (withdrew approval of, and has not approved again), which
 * cannot be made lead agency, key contact or an action's owner (#SF_GUARD_FAMILY_REFUSED).
 * @param[out] out_parties receives an array (free it with sf_free()); NULL when there are none.
 * @param[out] out_count receives its length.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.2.0
 */
SF_API int sf_case_refused(sf_party **out_parties, size_t *out_count, const sf_case *c);
/** @brief A journal entry by index (0 for the first), and who recorded it (owned by the case until it changes; may pass NULL). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_event(sf_event_info *out, const char **out_who, const sf_case *c, size_t index);
/** @brief One line describing a journal entry, for a timeline; free it with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_describe_event(char **out, const sf_case *c, const sf_directory *dir, size_t index);
/**
 * @brief A journal entry's payload by index (0 for the first), as a JSON
 * object of its fields by name (`sfcore/json.hpp`; what sf_case_record_json()
 * reads); its type is sf_case_event()'s. Free it with sf_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.3.0
 */
SF_API int sf_case_event_fields(char **out, const sf_case *c, size_t index);
/** @brief Why the case closed or is closing (an #sf_exit_reason), or -1. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_exit_reason(int *out, const sf_case *c);
/** @brief The final report, generated from the journal, as Markdown, its working days counted in @p cal (NULL: the national calendar); free it with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_final_report(char **out_markdown, const sf_case *c, const sf_directory *dir, const sf_calendar *cal);
/**
 * @brief What is overdue on a date, by the case's timeframes (sf_case_timeframes()): the initial
 * meeting, a review (a booked review not held by its date, or none booked in time) and open actions.
 * @param[out] out_items receives an array (free it with sf_free()); NULL when there is nothing.
 * @param[out] out_count receives its length.
 * @param c the case.
 * @param as_of the date, YYYYMMDD.
 * @param cal the calendar working days are counted in, or NULL for the national one.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.1.0
 */
SF_API int sf_case_overdue(sf_overdue_item **out_items, size_t *out_count, const sf_case *c, int32_t as_of,
                           const sf_calendar *cal);
/** @brief The earliest pending deadline (YYYYMMDD), or 0 when nothing is pending, counted in @p cal (NULL: the national calendar). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_next_deadline(int32_t *out, const sf_case *c, const sf_calendar *cal);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_CASE_H */
