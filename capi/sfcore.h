/**
 * @file sfcore.h
 * @brief The sfcore C ABI: the library from C and from any language with a C FFI.
 *
 * Conventions (they hold for every function):
 * - Functions are named `sf_<module>_<verb>`, return an `int` status
 *   (#SF_OK, or a negative `SF_E*` code from #sf_status) and put output
 *   parameters first.
 * - Objects are opaque handles made by `sf_X_new()`/`sf_X_open()`/`sf_X_load()`
 *   and released by `sf_X_free()`, which accepts NULL. The caller owns every
 *   handle it receives. A `const char **` output points into a handle and
 *   stays valid as each function says; a `char **` or `uint8_t **` output
 *   (and the arrays of sf_case_overdue() and sf_store_list()) is allocated
 *   for the caller, who frees it with sf_free(). On failure every handle
 *   output is set to NULL.
 * - A refusal by the lifecycle or the disclosure rules is a value (an
 *   #sf_outcome, an #sf_decision), not an error status.
 * - Every string passed in must be NUL-terminated UTF-8; anything else is
 *   #SF_EUTF8. A NULL where a value is required is #SF_ENULLARG.
 * - A date is an integer YYYYMMDD (20261122); an instant is seconds since
 *   1970-01-01T00:00:00Z. Years 1900 to 2199 are accepted.
 * - On failure, sf_error_last() says why, for the calling thread.
 * - No exception or C++ type ever crosses this boundary.
 * - Enumerations only gain values at the end; values never change.
 *
 * Thread safety: distinct handles may be used from distinct threads at
 * once; one handle must not be used from two threads at once unless every
 * call takes it `const` (reads only) — reading from many threads at once is
 * safe. sf_error_last() and an sf_outcome's reason are per thread. A store
 * handle is used by one thread at a time: open one per thread (they share
 * the file safely).
 *
 * Stability: functions are only added; enumerations only gain values at
 * the end; structs passed by pointer never change within a major version.
 * `capi/abi/` holds the ABI baseline that the tests compare
 * `libsfcore_c.so` with (libabigail); a change that breaks callers needs a
 * new SONAME major version.
 */
#ifndef SFCORE_H
#define SFCORE_H

#include <stddef.h>
#include <stdint.h>

#include "sfcore/version.h"

/** @brief Marks the functions of the C ABI (exported from libsfcore_c). @since 0.1.0 */
#if defined(_WIN32)
#  if defined(SFCORE_C_BUILDING)
#    define SF_API __declspec(dllexport)
#  else
#    define SF_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define SF_API __attribute__((visibility("default")))
#else
#  define SF_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Status codes. #SF_OK is zero; every error is negative, the negated
 * number of the error table (`sfcore/def/errors.def`): #SF_EINVAL is -101.
 * @since 0.1.0
 */
typedef enum sf_status {
    SF_OK = 0, /**< Success. */
#define SF_ERROR(sym, num, name, text) SF_E##sym = -(num),
#include "sfcore/def/errors.def"
#undef SF_ERROR
    SF_STATUS_MIN_ = -999 /**< Not a status: keeps the enumeration's range. */
} sf_status;

/** @brief Who referred a family (`sfcore/def/referral_sources.def`). @since 0.1.0 */
typedef enum sf_referral_source {
#define SF_REFERRAL_SOURCE(sym, v, name, label) SF_REFERRAL_##sym = v,
#include "sfcore/def/referral_sources.def"
#undef SF_REFERRAL_SOURCE
    SF_REFERRAL_SOURCE_COUNT_ /**< Not a source: the number of sources. */
} sf_referral_source;

/** @brief Programmes (`sfcore/def/programmes.def`). @since 0.1.0 */
typedef enum sf_programme {
#define SF_PROGRAMME(sym, v, name, label) SF_PROGRAMME_##sym = v,
#include "sfcore/def/programmes.def"
#undef SF_PROGRAMME
    SF_PROGRAMME_COUNT_ /**< Not a programme: the number of programmes. */
} sf_programme;

/** @brief Kinds of agency (`sfcore/def/agency_kinds.def`). @since 0.1.0 */
typedef enum sf_agency_kind {
#define SF_AGENCY_KIND(sym, v, name, label) SF_AGENCY_KIND_##sym = v,
#include "sfcore/def/agency_kinds.def"
#undef SF_AGENCY_KIND
    SF_AGENCY_KIND_COUNT_ /**< Not a kind: the number of kinds. */
} sf_agency_kind;

/** @brief Ids of the standard agencies (`sfcore/def/agencies.def`). @since 0.1.0 */
typedef enum sf_standard_agency {
    SF_AGENCY_NONE = 0, /**< No agency. */
#define SF_AGENCY(sym, id, name) SF_AGENCY_##sym = id,
#include "sfcore/def/agencies.def"
#undef SF_AGENCY
    SF_AGENCY_STANDARD_END_ /**< Not an agency: one past the last standard id. */
} sf_standard_agency;

/** @brief Lifecycle states (`sfcore/def/states.def`). @since 0.1.0 */
typedef enum sf_state {
#define SF_STATE(sym, v, name, label) SF_STATE_##sym = v,
#include "sfcore/def/states.def"
#undef SF_STATE
    SF_STATE_COUNT_ /**< Not a state: the number of states. */
} sf_state;

/** @brief Journal event types (`sfcore/def/events.def`). @since 0.1.0 */
typedef enum sf_event_type {
#define SF_EVENT(sym, v, name, label) SF_EVENT_##sym = v,
#include "sfcore/def/events.def"
#undef SF_EVENT
    SF_EVENT_TYPE_COUNT_ /**< Not an event type: the number of event types. */
} sf_event_type;

/** @brief Kinds of party: a family member, an agency, a practitioner (`sfcore/def/party_kinds.def`). @since 0.1.0 */
typedef enum sf_party_kind {
#define SF_PARTY_KIND(sym, v, name, label) SF_PARTY_##sym = v,
#include "sfcore/def/party_kinds.def"
#undef SF_PARTY_KIND
    SF_PARTY_COUNT_ /**< Not a value: one past the last. */
} sf_party_kind;

/** @brief Family members' roles (`sfcore/def/member_roles.def`). @since 0.1.0 */
typedef enum sf_member_role {
#define SF_MEMBER_ROLE(sym, v, name, label) SF_ROLE_##sym = v,
#include "sfcore/def/member_roles.def"
#undef SF_MEMBER_ROLE
    SF_ROLE_COUNT_ /**< Not a value: one past the last. */
} sf_member_role;

/** @brief Kinds of meeting (`sfcore/def/meeting_kinds.def`). @since 0.1.0 */
typedef enum sf_meeting_kind {
#define SF_MEETING_KIND(sym, v, name, label) SF_MEETING_##sym = v,
#include "sfcore/def/meeting_kinds.def"
#undef SF_MEETING_KIND
    SF_MEETING_COUNT_ /**< Not a value: one past the last. */
} sf_meeting_kind;

/** @brief How an action stands (`sfcore/def/action_statuses.def`). @since 0.1.0 */
typedef enum sf_action_status {
#define SF_ACTION_STATUS(sym, v, name, label) SF_ACTION_##sym = v,
#include "sfcore/def/action_statuses.def"
#undef SF_ACTION_STATUS
    SF_ACTION_COUNT_ /**< Not a value: one past the last. */
} sf_action_status;

/** @brief Kinds of support an action gives (`sfcore/def/support_types.def`). @since 0.1.0 */
typedef enum sf_support_type {
#define SF_SUPPORT_TYPE(sym, v, name, label) SF_SUPPORT_##sym = v,
#include "sfcore/def/support_types.def"
#undef SF_SUPPORT_TYPE
    SF_SUPPORT_COUNT_ /**< Not a value: one past the last. */
} sf_support_type;

/** @brief Why a case closed (`sfcore/def/exit_reasons.def`). @since 0.1.0 */
typedef enum sf_exit_reason {
#define SF_EXIT_REASON(sym, v, name, label) SF_EXIT_##sym = v,
#include "sfcore/def/exit_reasons.def"
#undef SF_EXIT_REASON
    SF_EXIT_COUNT_ /**< Not a value: one past the last. */
} sf_exit_reason;

/** @brief The lifecycle's guards: what must hold for an event (`sfcore/def/guards.def`). @since 0.1.0 */
typedef enum sf_guard {
#define SF_GUARD(sym, v, name, label) SF_GUARD_##sym = v,
#include "sfcore/def/guards.def"
#undef SF_GUARD
    SF_GUARD_COUNT_ /**< Not a value: one past the last. */
} sf_guard;

/** @brief The built-in information categories (a registry adds more, up to 64) (`sfcore/def/categories.def`). @since 0.1.0 */
typedef enum sf_category {
#define SF_CATEGORY(sym, v, name, label) SF_CATEGORY_##sym = v,
#include "sfcore/def/categories.def"
#undef SF_CATEGORY
    SF_CATEGORY_COUNT_ /**< Not a value: one past the last. */
} sf_category;

/** @brief Purposes of a disclosure (`sfcore/def/purposes.def`). @since 0.1.0 */
typedef enum sf_purpose {
#define SF_PURPOSE(sym, v, name, label) SF_PURPOSE_##sym = v,
#include "sfcore/def/purposes.def"
#undef SF_PURPOSE
    SF_PURPOSE_COUNT_ /**< Not a value: one past the last. */
} sf_purpose;

/** @brief The rule that decided a disclosure request (`sfcore/def/decision_rules.def`). @since 0.1.0 */
typedef enum sf_decision_rule {
#define SF_DECISION_RULE(sym, v, name, label) SF_RULE_##sym = v,
#include "sfcore/def/decision_rules.def"
#undef SF_DECISION_RULE
    SF_RULE_COUNT_ /**< Not a value: one past the last. */
} sf_decision_rule;

/** @brief Legal bases for sharing without consent (`sfcore/def/legal_bases.def`). @since 0.1.0 */
typedef enum sf_legal_basis {
#define SF_LEGAL_BASIS(sym, v, name, label) SF_BASIS_##sym = v,
#include "sfcore/def/legal_bases.def"
#undef SF_LEGAL_BASIS
    SF_BASIS_COUNT_ /**< Not a value: one past the last. */
} sf_legal_basis;

/** @brief The six purposes of Oranga Tamariki Act s66C (`sfcore/def/s66c_purposes.def`). @since 0.1.0 */
typedef enum sf_s66c_purpose {
#define SF_S66C_PURPOSE(sym, v, name, label) SF_S66C_##sym = v,
#include "sfcore/def/s66c_purposes.def"
#undef SF_S66C_PURPOSE
    SF_S66C_COUNT_ /**< Not a value: one past the last. */
} sf_s66c_purpose;

/** @brief A family's key issue areas (they decide what is necessary to share) (`sfcore/def/issue_areas.def`). @since 0.1.0 */
typedef enum sf_issue_area {
#define SF_ISSUE_AREA(sym, v, name, label) SF_ISSUE_##sym = v,
#include "sfcore/def/issue_areas.def"
#undef SF_ISSUE_AREA
    SF_ISSUE_COUNT_ /**< Not a value: one past the last. */
} sf_issue_area;

/** @brief Kinds of audit log entry (`sfcore/def/audit_kinds.def`). @since 0.1.0 */
typedef enum sf_audit_kind {
#define SF_AUDIT_KIND(sym, v, name, label) SF_AUDIT_##sym = v,
#include "sfcore/def/audit_kinds.def"
#undef SF_AUDIT_KIND
    SF_AUDIT_COUNT_ /**< Not a value: one past the last. */
} sf_audit_kind;

/** @brief What is overdue (`sfcore/def/overdue_kinds.def`). @since 0.1.0 */
typedef enum sf_overdue_kind {
#define SF_OVERDUE_KIND(sym, v, name, label) SF_OVERDUE_##sym = v,
#include "sfcore/def/overdue_kinds.def"
#undef SF_OVERDUE_KIND
    SF_OVERDUE_COUNT_ /**< Not a value: one past the last. */
} sf_overdue_kind;

/** @brief The enumerations sf_enum_name() and sf_enum_label() know. @since 0.1.0 */
typedef enum sf_enumeration {
    SF_ENUM_STATUS_ = 0,        /**< Not used (see sf_status_name()). */
    SF_ENUM_STATE = 1,          /**< #sf_state */
    SF_ENUM_EVENT_TYPE = 2,     /**< #sf_event_type */
    SF_ENUM_GUARD = 3,          /**< #sf_guard */
    SF_ENUM_REFERRAL_SOURCE = 4, /**< #sf_referral_source */
    SF_ENUM_PROGRAMME = 5,      /**< #sf_programme */
    SF_ENUM_AGENCY_KIND = 6,    /**< #sf_agency_kind */
    SF_ENUM_PARTY_KIND = 7,     /**< #sf_party_kind */
    SF_ENUM_MEMBER_ROLE = 8,    /**< #sf_member_role */
    SF_ENUM_MEETING_KIND = 9,   /**< #sf_meeting_kind */
    SF_ENUM_ACTION_STATUS = 10, /**< #sf_action_status */
    SF_ENUM_SUPPORT_TYPE = 11,  /**< #sf_support_type */
    SF_ENUM_EXIT_REASON = 12,   /**< #sf_exit_reason */
    SF_ENUM_CATEGORY = 13,      /**< #sf_category (the built-in ones) */
    SF_ENUM_PURPOSE = 14,       /**< #sf_purpose */
    SF_ENUM_DECISION_RULE = 15, /**< #sf_decision_rule */
    SF_ENUM_LEGAL_BASIS = 16,   /**< #sf_legal_basis */
    SF_ENUM_S66C_PURPOSE = 17,  /**< #sf_s66c_purpose */
    SF_ENUM_ISSUE_AREA = 18,    /**< #sf_issue_area */
    SF_ENUM_AUDIT_KIND = 19,    /**< #sf_audit_kind */
    SF_ENUM_OVERDUE_KIND = 20,  /**< #sf_overdue_kind */
    SF_ENUM_COUNT_              /**< Not an enumeration: one past the last. */
} sf_enumeration;

/** @brief How an archive is encoded. @since 0.1.0 */
typedef enum sf_encoding {
    SF_ENCODING_BINARY = 1, /**< Compact, for storage. */
    SF_ENCODING_TEXT = 2    /**< Boost's text archive, to inspect. */
} sf_encoding;

/** @brief A party: a family member, a whole agency or a named practitioner. @since 0.1.0 */
typedef struct sf_party {
    int kind;    /**< An #sf_party_kind. */
    uint32_t id; /**< The member's, agency's or practitioner's id. */
} sf_party;

/** @brief What became of an event offered to a case. A refusal is a value, not an error. @since 0.1.0 */
typedef struct sf_outcome {
    int accepted;       /**< 1 when the event was appended, 0 when the lifecycle refused it. */
    int guard;          /**< The #sf_guard that refused it (#SF_GUARD_NONE when accepted). */
    int from_state;     /**< The #sf_state before. */
    int to_state;       /**< The #sf_state after (the same as before when refused). */
    uint32_t assigned;  /**< The id the event assigned: a member's or a meeting's (0 if none). */
    const char *reason; /**< Why it was refused ("" when accepted); valid until the thread's next call that fills an sf_outcome. */
} sf_outcome;

/** @brief A meeting being put together, to schedule (opaque). @since 0.1.0 */
typedef struct sf_meeting sf_meeting;
/** @brief An action plan being put together, to agree or revise (opaque). @since 0.1.0 */
typedef struct sf_plan sf_plan;
/** @brief The information categories a ledger uses: the built-in ones and a region's own (opaque). @since 0.1.0 */
typedef struct sf_categories sf_categories;
/** @brief A family's disclosure ledger: consents, decisions, sharings and the audit log (opaque). @since 0.1.0 */
typedef struct sf_ledger sf_ledger;
/** @brief A case store in an SQLite file (opaque). @since 0.1.0 */
typedef struct sf_store sf_store;

/** @brief The agency directory (opaque). @since 0.1.0 */
typedef struct sf_directory sf_directory;
/** @brief A referral being put together (opaque). @since 0.1.0 */
typedef struct sf_referral sf_referral;
/** @brief A case (opaque). @since 0.1.0 */
typedef struct sf_case sf_case;

/* ---- version and errors ---------------------------------------------- */

/**
 * @brief The library's version, "major.minor.patch".
 * @return a static string, never NULL.
 * @since 0.1.0
 */
SF_API const char *sf_version_string(void);

/**
 * @brief The library's version as major * 10000 + minor * 100 + patch.
 * Compare with #SF_VERSION_NUMBER to detect a header/library mismatch.
 * @since 0.1.0
 */
SF_API uint32_t sf_version_number(void);

/**
 * @brief Why the calling thread's last failed call failed.
 * @return a message owned by the library, valid until the thread's next
 *         failing call; "" when no call has failed on this thread. Never NULL.
 *         A successful call leaves it as it was.
 * @since 0.1.0
 */
SF_API const char *sf_error_last(void);

/**
 * @brief The status the calling thread's last failed call returned (#SF_OK if none).
 * @since 0.1.0
 */
SF_API int sf_error_last_code(void);

/**
 * @brief The name of a status code, e.g. "SF_EINVAL" for #SF_EINVAL.
 * @param[out] out receives a static string.
 * @param status the status.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL for a number that is no status.
 * @since 0.1.0
 */
SF_API int sf_status_name(const char **out, int status);

/* ---- names of enumerators ------------------------------------------- */

/**
 * @brief The identifier of a state, e.g. "awaiting_consent".
 * @param[out] out receives a static string.
 * @param state an #sf_state.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL for an unknown state.
 * @since 0.1.0
 */
SF_API int sf_state_name(const char **out, int state);

/**
 * @brief The identifier of a referral source, e.g. "family".
 * @param[out] out receives a static string.
 * @param source an #sf_referral_source.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL for an unknown source.
 * @since 0.1.0
 */
SF_API int sf_referral_source_name(const char **out, int source);

/* ---- agency directory ------------------------------------------------ */

/**
 * @brief A new directory holding the standard agencies (#sf_standard_agency).
 * @param[out] out receives the directory; the caller frees it with sf_directory_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_new(sf_directory **out);

/**
 * @brief Free a directory. NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_directory_free(sf_directory *dir);

/**
 * @brief Add an agency (an NGO, iwi or community organisation, or another government agency).
 * @param[out] out_id receives the new agency's id.
 * @param dir the directory.
 * @param name the agency's name: UTF-8, not blank, not already present.
 * @param kind an #sf_agency_kind.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_EEXISTS.
 * @since 0.1.0
 */
SF_API int sf_directory_add_agency(uint32_t *out_id, sf_directory *dir, const char *name, int kind);

/**
 * @brief Find an agency by its exact name.
 * @param[out] out_id receives its id.
 * @param dir the directory.
 * @param name the name (UTF-8).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_find_agency(uint32_t *out_id, const sf_directory *dir, const char *name);

/**
 * @brief The name of an agency.
 * @param[out] out receives the name, owned by the directory and valid until it is changed or freed.
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_agency_name(const char **out, const sf_directory *dir, uint32_t agency_id);

/* ---- referral -------------------------------------------------------- */

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

/* ---- case ------------------------------------------------------------ */

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
 * @brief How many events the case's journal holds.
 * @param[out] out receives the count.
 * @param c the case.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_case_event_count(size_t *out, const sf_case *c);

/* ---- memory and names --------------------------------------------------- */

/**
 * @brief Free a string or buffer the library allocated for the caller (every
 * `char **` and `uint8_t **` output, and the arrays sf_case_overdue() and
 * sf_store_list() return). NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_free(void *p);

/**
 * @brief The identifier of an enumerator, e.g. "plan_active" for (#SF_ENUM_STATE, #SF_STATE_PLAN_ACTIVE).
 * @param[out] out receives a static string.
 * @param enumeration an #sf_enumeration.
 * @param value the enumerator's value.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (unknown enumeration or value).
 * @since 0.1.0
 */
SF_API int sf_enum_name(const char **out, int enumeration, int value);

/**
 * @brief The plain-language label of an enumerator, e.g. "plan active".
 * @param[out] out receives a static string.
 * @param enumeration an #sf_enumeration.
 * @param value the enumerator's value.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL.
 * @since 0.1.0
 */
SF_API int sf_enum_label(const char **out, int enumeration, int value);

/* ---- the transition table ------------------------------------------------- */

/** @brief One row of the lifecycle's transition table. @since 0.1.0 */
typedef struct sf_transition {
    uint32_t from_states; /**< Bit s set: the row applies in #sf_state s. */
    int event;            /**< The #sf_event_type. */
    int guards[3];        /**< The #sf_guard values checked in order (#SF_GUARD_NONE fills the rest). */
    int to_state;         /**< The #sf_state after the event, or -1 when the case stays where it is. */
} sf_transition;

/**
 * @brief How many rows the transition table has.
 * @param[out] out receives the count.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_lifecycle_row_count(size_t *out);

/**
 * @brief One row of the transition table.
 * @param[out] out receives the row.
 * @param index 0 to sf_lifecycle_row_count() - 1.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.1.0
 */
SF_API int sf_lifecycle_row(sf_transition *out, size_t index);

/* ---- the directory (more) --------------------------------------------------- */

/**
 * @brief Add a practitioner who works for an agency.
 * @param[out] out_id receives the practitioner's id.
 * @param dir the directory.
 * @param agency_id the agency.
 * @param name the practitioner's name (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (agency); #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_directory_add_practitioner(uint32_t *out_id, sf_directory *dir, uint32_t agency_id, const char *name);

/**
 * @brief A practitioner's name and agency.
 * @param[out] out_name receives the name, owned by the directory (valid until it is changed or freed).
 * @param[out] out_agency_id receives the agency's id. May be NULL.
 * @param dir the directory.
 * @param practitioner_id the practitioner.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_practitioner(const char **out_name, uint32_t *out_agency_id, const sf_directory *dir,
                                     uint32_t practitioner_id);

/**
 * @brief How many agencies and practitioners the directory holds (ids run from 1 to the count).
 * @param[out] out_agencies receives the number of agencies.
 * @param[out] out_practitioners receives the number of practitioners. May be NULL.
 * @param dir the directory.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_directory_counts(size_t *out_agencies, size_t *out_practitioners, const sf_directory *dir);

/**
 * @brief Save the directory as an archive.
 * @param[out] out_data receives the bytes; free them with sf_free().
 * @param[out] out_size receives their number.
 * @param dir the directory.
 * @param encoding an #sf_encoding.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_save(uint8_t **out_data, size_t *out_size, const sf_directory *dir, int encoding);

/**
 * @brief Load a directory from an archive.
 * @param[out] out receives the directory; free it with sf_directory_free().
 * @param data the archive's bytes.
 * @param size their number.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED; #SF_EVERSION; #SF_ECHECKSUM; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_load(sf_directory **out, const uint8_t *data, size_t size);

/**
 * @brief Name the site, for Intensive Intervention.
 * @param referral the referral.
 * @param site the site (UTF-8).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_referral_set_site(sf_referral *referral, const char *site);

/* ---- lifecycle events ----------------------------------------------------------
 * Each offers one event to a case. Every one takes, after its own output:
 * the case; the directory its ids refer to; who records it (UTF-8, not
 * blank); and when, in seconds since 1970-01-01T00:00:00Z (not earlier than
 * the case's last event). It returns #SF_OK with `out->accepted` 1 when the
 * event was appended, or 0 with the refusing guard and the reason: a
 * refusal is a value and changes nothing. Bad input (NULL, invalid UTF-8, an
 * unknown id, a date out of range) is an error status and changes nothing.
 */

/** @brief Accept the referral (`by_panel` 1 for a Children's Team panel; `note` may be NULL). @since 0.1.0 */
SF_API int sf_case_accept_referral(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, int by_panel, const char *note);
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
/** @brief A member withdraws their consent to take part (`note` may be NULL): the case closes. @since 0.1.0 */
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
/** @brief Start the family-directed preparation (needs every participating member's consent). @since 0.1.0 */
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
/** @brief Schedule a review meeting (`out->assigned` is its id). @since 0.1.0 */
SF_API int sf_case_schedule_review(sf_outcome *out, sf_case *c, const sf_directory *dir, const char *who,
                                   int64_t when, const sf_meeting *meeting);
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
/** @brief Start closing, for a reason (an #sf_exit_reason; `note` may be NULL, required for #SF_EXIT_OTHER). @since 0.1.0 */
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

/* ---- meetings and plans to offer -------------------------------------------- */

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

/* ---- reading a case --------------------------------------------------------------- */

/** @brief How many of each thing a case holds. @since 0.1.0 */
typedef struct sf_case_counts {
    size_t events;    /**< Journal events. */
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
} sf_action_info;

/** @brief A journal event. @since 0.1.0 */
typedef struct sf_event_info {
    int type;      /**< An #sf_event_type. */
    int64_t when;  /**< When it was recorded (seconds since 1970, UTC). */
} sf_event_info;

/** @brief Something overdue in a case. @since 0.1.0 */
typedef struct sf_overdue_item {
    int kind;            /**< An #sf_overdue_kind. */
    int32_t due;         /**< When it was due, YYYYMMDD. */
    int days_late;       /**< Calendar days late on the date asked about. */
    uint32_t action_id;  /**< The action, for #SF_OVERDUE_ACTION (else 0). */
} sf_overdue_item;

/** @brief How many events, members, meetings, plans and approvals a case holds. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_counts_get(sf_case_counts *out, const sf_case *c);
/** @brief A member by id, and their name (owned by the case, valid until it changes or is freed). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.1.0 */
SF_API int sf_case_member(sf_member_info *out, const char **out_name, const sf_case *c, uint32_t member_id);
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
/** @brief A journal event by index, and who recorded it (owned by the case; may pass NULL). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_event(sf_event_info *out, const char **out_who, const sf_case *c, size_t index);
/** @brief One line describing a journal event, for a timeline; free it with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_case_describe_event(char **out, const sf_case *c, const sf_directory *dir, size_t index);
/** @brief Why the case closed or is closing (an #sf_exit_reason), or -1. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_exit_reason(int *out, const sf_case *c);
/** @brief The final report, generated from the journal, as Markdown; free it with sf_free(). @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_final_report(char **out_markdown, const sf_case *c, const sf_directory *dir);
/**
 * @brief What is overdue on a date, with the default timeframes and holidays.
 * @param[out] out_items receives an array (free it with sf_free()); NULL when there is nothing.
 * @param[out] out_count receives its length.
 * @param c the case.
 * @param as_of the date, YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.1.0
 */
SF_API int sf_case_overdue(sf_overdue_item **out_items, size_t *out_count, const sf_case *c, int32_t as_of);
/** @brief The earliest pending deadline (YYYYMMDD), or 0 when nothing is pending. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_case_next_deadline(int32_t *out, const sf_case *c);
/**
 * @brief Save the case (its id and journal) as an archive.
 * @param[out] out_data receives the bytes; free them with sf_free().
 * @param[out] out_size receives their number.
 * @param c the case.
 * @param encoding an #sf_encoding.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (encoding); #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_case_save(uint8_t **out_data, size_t *out_size, const sf_case *c, int encoding);
/**
 * @brief Load a case from an archive; its journal is replayed, every event checked again.
 * @param[out] out receives the case; free it with sf_case_free().
 * @param data the archive's bytes.
 * @param size their number.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED; #SF_EVERSION; #SF_ECHECKSUM; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_case_load(sf_case **out, const uint8_t *data, size_t size);

/* ---- consent-gated disclosure --------------------------------------------------- */

/** @brief A written consent to disclose a member's information. @since 0.1.0 */
typedef struct sf_consent {
    uint32_t subject;            /**< Whose information (a member id). */
    uint32_t given_by;           /**< The subject, or a parent or caregiver for a child. */
    const sf_party *recipients;  /**< Whole agencies or named practitioners. */
    size_t recipient_count;      /**< How many recipients (at least one). */
    uint64_t categories;         /**< Bit c set: category c (an #sf_category or a registry's own). */
    uint32_t purposes;           /**< Bit p set: #sf_purpose p. */
    int32_t from;                /**< First day covered, YYYYMMDD. */
    int32_t until;               /**< Last day covered, YYYYMMDD. */
    int32_t signed_on;           /**< When the form was signed, YYYYMMDD. */
    const char *form_version;    /**< The form's version (not blank). */
    const char *child_views;     /**< A child's own views, when a parent consents for them (else NULL). */
    const char *recorded_by;     /**< Who recorded it (not blank). */
    int64_t recorded_at;         /**< When it was recorded: it counts from then. */
} sf_consent;

/** @brief A request to disclose information. @since 0.1.0 */
typedef struct sf_request {
    sf_party discloser;         /**< Who would disclose. */
    const uint32_t *subjects;   /**< Whom it is about (member ids). */
    size_t subject_count;       /**< How many (at least one). */
    int category;               /**< What kind of information. */
    sf_party recipient;         /**< Who would receive it (an agency or practitioner). */
    int purpose;                /**< An #sf_purpose. */
    int64_t at;                 /**< When. */
} sf_request;

/** @brief A decision: permit or deny, the rule that decided, and for whom. @since 0.1.0 */
typedef struct sf_decision {
    int permit;        /**< 1 when disclosure is allowed. */
    int rule;          /**< The #sf_decision_rule that decided. */
    uint32_t subject;  /**< The subject the rule was applied to (the refusing one). */
    uint32_t consent;  /**< The consent that permitted it (0 when denied). */
} sf_decision;

/** @brief A sharing without consent, under a legal basis. @since 0.1.0 */
typedef struct sf_sharing {
    const uint32_t *subjects;     /**< Whom it is about. */
    size_t subject_count;         /**< How many. */
    int category;                 /**< What kind of information. */
    const char *description;      /**< What exactly was shared. */
    sf_party discloser;           /**< Who shared it. */
    sf_party recipient;           /**< To whom. */
    int64_t at;                   /**< When. */
    int basis;                    /**< An #sf_legal_basis. */
    int s66c;                     /**< For s66C, an #sf_s66c_purpose (else `SF_S66C_NONE`). */
    const char *requested_by;     /**< For s66: who asked. */
    const char *purpose;          /**< Why, in words. */
    const char *approver;         /**< Who approved it. */
    const char *necessity;        /**< Why it was necessary and proportionate. */
    int child_consulted;          /**< 1 when the child was consulted or told. */
    int family_told;              /**< 1 when the family was told. */
    const char *not_told_reason;  /**< If either was not, why. */
} sf_sharing;

/** @brief A declined request for information, with its reasons (s66J). @since 0.1.0 */
typedef struct sf_declined {
    sf_party requester;          /**< Who asked. */
    const uint32_t *subjects;    /**< About whom. */
    size_t subject_count;        /**< How many. */
    int category;                /**< What kind of information. */
    int basis;                   /**< The #sf_legal_basis the request relied on. */
    const char *const *reasons;  /**< The grounds for declining. */
    size_t reason_count;         /**< How many. */
    const char *decided_by;      /**< Who declined it. */
    int64_t at;                  /**< When. */
} sf_declined;

/** @brief A piece of information an agency holds about the family, for sf_ledger_view(). @since 0.1.0 */
typedef struct sf_info_item {
    const uint32_t *subjects;  /**< Whom it is about. */
    size_t subject_count;      /**< How many. */
    int category;              /**< What kind of information. */
} sf_info_item;

/** @brief Start a category registry with the built-in categories. @param[out] out receives it; free it with sf_categories_free(). @return #SF_OK; #SF_ENULLARG; #SF_ENOMEM. @since 0.1.0 */
SF_API int sf_categories_new(sf_categories **out);
/** @brief Free a category registry. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_categories_free(sf_categories *categories);
/** @brief Add a region's own category (`name` an identifier of lowercase letters, digits and '_'; `label` plain words), up to 64 in all; `out_category` receives its number. @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EEXISTS; #SF_ERANGE; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_categories_add(int *out_category, sf_categories *categories, const char *name, const char *label);

/**
 * @brief A disclosure ledger for a case.
 * @param[out] out receives the ledger; free it with sf_ledger_free().
 * @param c the case (its members are read now; call sf_ledger_sync() after adding more).
 * @param dir the directory.
 * @param young_person_age from this age a young person consents for themselves (-1: 16).
 * @param adult_age from this age a person is an adult (-1: 18).
 * @param categories the categories (copied), or NULL for the built-in ones.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_ledger_new(sf_ledger **out, const sf_case *c, const sf_directory *dir, int young_person_age,
                         int adult_age, const sf_categories *categories);
/** @brief Free a ledger. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_ledger_free(sf_ledger *ledger);
/** @brief Take in the case's new members and the directory's new agencies and practitioners. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_ledger_sync(sf_ledger *ledger, const sf_case *c, const sf_directory *dir);
/** @brief Record a consent; `out_consent_id` receives its id. @return #SF_OK; #SF_ENULLARG; #SF_ECONSENT (who may consent, scope); #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_ledger_give(uint32_t *out_consent_id, sf_ledger *ledger, const sf_consent *consent);
/**
 * @brief Withdraw a member's consent, from an instant: wholly, or only for one
 * recipient (`recipient` not NULL) and/or one category (`category` >= 0).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_ledger_withdraw(sf_ledger *ledger, uint32_t subject, const sf_party *recipient, int category,
                              const char *recorded_by, int64_t at);
/** @brief The family marks (1) or unmarks (0) a member's category confidential. @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_ledger_mark_confidential(sf_ledger *ledger, uint32_t subject, int category, int confidential,
                                       const char *recorded_by, int64_t at);
/** @brief Set the family's key issue areas (#sf_issue_area values), which decide what is necessary to share. @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_ledger_set_issue_areas(sf_ledger *ledger, const int *areas, size_t area_count, const char *recorded_by,
                                     int64_t at);
/** @brief The family widens (1) or narrows (0) what is necessary by one category. @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_ledger_adjust_necessity(sf_ledger *ledger, int category, int widen, const char *recorded_by, int64_t at);
/** @brief Compile the decision table for one New Zealand day (YYYYMMDD): decisions that day are then table lookups. @return #SF_OK; #SF_ENULLARG; #SF_ERANGE. @since 0.1.0 */
SF_API int sf_ledger_prepare(sf_ledger *ledger, int32_t day);
/** @brief Decide a request and record the decision in the audit log; a refusal is a decision, not an error. @return #SF_OK; #SF_ENULLARG; #SF_EREQUEST; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_ledger_decide(sf_decision *out, sf_ledger *ledger, const sf_request *request, const char *actor);
/**
 * @brief Decide many requests and record each decision, in order: the same
 * decisions and the same audit log as sf_ledger_decide() on each in turn,
 * faster (a large batch also uses a second thread inside the call).
 * @param[out] out room for @p count decisions.
 * @param[out] out_decided receives how many were decided and recorded: @p count
 *             on #SF_OK; on an error, those before the request that failed.
 * @param ledger the ledger (not shared with another thread during the call).
 * @param requests @p count requests (NULL allowed when @p count is 0).
 * @param count how many.
 * @param actor who asked (UTF-8).
 * @return as sf_ledger_decide(), for the first request that fails.
 * @since 0.1.0
 */
SF_API int sf_ledger_decide_many(sf_decision *out, size_t *out_decided, sf_ledger *ledger, const sf_request *requests,
                                 size_t count, const char *actor);
/** @brief Decide a request without recording it (a preview; also answers for past instants). @return as sf_ledger_decide(). @since 0.1.0 */
SF_API int sf_ledger_check(sf_decision *out, const sf_ledger *ledger, const sf_request *request);
/** @brief The plain-language reason for a decision; free it with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.1.0 */
SF_API int sf_ledger_explain(char **out, const sf_ledger *ledger, const sf_decision *decision);
/**
 * @brief Record a sharing without consent. An incomplete record is refused and nothing is recorded.
 * @param[out] out_recorded receives 1 when recorded, 0 when refused.
 * @param[out] out_missing receives, when refused, what the record lacks ("; " between items; free it with sf_free()), else NULL. May be NULL.
 * @param ledger the ledger.
 * @param sharing the record.
 * @param actor who records it (the host's user id).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_ledger_share(int *out_recorded, char **out_missing, sf_ledger *ledger, const sf_sharing *sharing,
                           const char *actor);
/** @brief Record a declined request, as sf_ledger_share(). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8. @since 0.1.0 */
SF_API int sf_ledger_decline(int *out_recorded, char **out_missing, sf_ledger *ledger, const sf_declined *declined,
                             const char *actor);
/** @brief The disclosure notice for a member and a purpose at an instant, in plain language; free it with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL. @since 0.1.0 */
SF_API int sf_ledger_notice(char **out_text, const sf_ledger *ledger, uint32_t member, int purpose, int64_t at);
/**
 * @brief A filtered view: which of the items a recipient may see for a purpose
 * at an instant; the view is recorded in the audit log.
 * @param[out] out_shown receives 1 (shown) or 0 for each item; the caller gives room for `item_count`.
 * @param ledger the ledger.
 * @param items the items the agency holds.
 * @param item_count how many.
 * @param recipient who would see them.
 * @param purpose an #sf_purpose.
 * @param at when.
 * @param actor who asks (the host's user id).
 * @return #SF_OK; #SF_ENULLARG; #SF_EREQUEST; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_ledger_view(int *out_shown, sf_ledger *ledger, const sf_info_item *items, size_t item_count,
                          sf_party recipient, int purpose, int64_t at, const char *actor);
/** @brief How many consents, withdrawals, sharings, declined requests and audit entries the ledger holds. Outputs after the first may be NULL. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_ledger_counts(size_t *out_consents, size_t *out_withdrawals, size_t *out_sharings,
                            size_t *out_declined, size_t *out_audit_entries, const sf_ledger *ledger);
/** @brief Verify the audit log's hash chain: `out_ok` receives 1 when intact; `out_first_bad` (may be NULL) the first entry that fails, 0 when intact. @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_ledger_audit_verify(int *out_ok, uint64_t *out_first_bad, const sf_ledger *ledger);
/** @brief The audit log as text (one entry a line); free it with sf_free(). @return #SF_OK; #SF_ENULLARG. @since 0.1.0 */
SF_API int sf_ledger_audit_text(char **out, const sf_ledger *ledger);
/**
 * @brief Verify an audit log saved as text.
 * @param[out] out_ok receives 1 when intact.
 * @param[out] out_first_bad as sf_ledger_audit_verify(); may be NULL.
 * @param text the log, as sf_ledger_audit_text() wrote it.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED (not such a log).
 * @since 0.1.0
 */
SF_API int sf_audit_verify_text(int *out_ok, uint64_t *out_first_bad, const char *text);
/** @brief Save the ledger (with its audit log) as an archive; free the bytes with sf_free(). @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ENOMEM. @since 0.1.0 */
SF_API int sf_ledger_save(uint8_t **out_data, size_t *out_size, const sf_ledger *ledger, int encoding);
/** @brief Load a ledger for a case and directory; every record is checked again. @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED; #SF_EVERSION; #SF_ECHECKSUM; #SF_ENOMEM. @since 0.1.0 */
SF_API int sf_ledger_load(sf_ledger **out, const uint8_t *data, size_t size, const sf_case *c, const sf_directory *dir);

/* ---- the case store ------------------------------------------------------------------ */

/** @brief Which cases sf_store_list() lists: every condition given must hold. @since 0.1.0 */
typedef struct sf_case_query {
    int state;             /**< An #sf_state, or -1 for any. */
    int programme;         /**< An #sf_programme, or -1 for any. */
    uint32_t coordinator;  /**< A practitioner id, or 0 for any. */
    int32_t overdue_on;    /**< YYYYMMDD: only cases with something overdue that day; 0 for any. */
} sf_case_query;

/** @brief One case as the store lists it. @since 0.1.0 */
typedef struct sf_case_summary {
    uint64_t id;            /**< The case. */
    int state;              /**< Its #sf_state. */
    int programme;          /**< Its #sf_programme. */
    uint32_t coordinator;   /**< Its coordinator, or 0. */
    uint64_t version;       /**< Events stored. */
    int32_t next_deadline;  /**< The earliest pending deadline, YYYYMMDD, or 0. */
} sf_case_summary;

/**
 * @brief Open (or create) a case store: an SQLite file in WAL mode, or ":memory:".
 * @param[out] out receives the store; free it with sf_store_free(). Use one handle per thread.
 * @param path the file's path (UTF-8).
 * @param durable 1 to sync every commit to disk (the default, -1), 0 to survive a crash but not a power loss.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EIO; #SF_EMALFORMED (not a store); #SF_EVERSION.
 * @since 0.1.0
 */
SF_API int sf_store_open(sf_store **out, const char *path, int durable);
/** @brief Close a store. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_store_free(sf_store *store);
/**
 * @brief Append a case's events after the first `expected_version`, which must
 * be how many the store holds (0 for a new case), in one transaction.
 * @param[out] out_version receives the version now stored.
 * @param store the store.
 * @param c the case.
 * @param expected_version the events the writer knows the store holds.
 * @return #SF_OK; #SF_ENULLARG; #SF_ECONFLICT (another writer was first; nothing changed); #SF_EIO; #SF_EINVAL.
 * @since 0.1.0
 */
SF_API int sf_store_append(uint64_t *out_version, sf_store *store, const sf_case *c, uint64_t expected_version);
/** @brief Load a case into `out` (free it with sf_case_free()). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EMALFORMED; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_load(sf_case **out, const sf_store *store, uint64_t case_id);
/** @brief How many events the store holds for a case (0 for none). @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_version(uint64_t *out, const sf_store *store, uint64_t case_id);
/** @brief How many cases the store holds. @return #SF_OK; #SF_ENULLARG; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_size(uint64_t *out, const sf_store *store);
/**
 * @brief The cases that match a query, by id.
 * @param[out] out_items receives an array (free it with sf_free()); NULL when none match.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @param query the conditions, or NULL for every case.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ERANGE; #SF_EIO.
 * @since 0.1.0
 */
SF_API int sf_store_list(sf_case_summary **out_items, size_t *out_count, const sf_store *store,
                         const sf_case_query *query);
/**
 * @brief What sf_store_each() calls with each case.
 * @param user the pointer given to sf_store_each().
 * @param c the case, owned by the library and valid only during the call (copy what you keep, e.g. with sf_case_save()).
 * @return 0 to go on, anything else to stop.
 * @since 0.1.0
 */
typedef int (*sf_case_visitor)(void *user, const sf_case *c);
/**
 * @brief Call @p visit with every case that matches a query, in id order,
 * read in one pass from one consistent snapshot (for a report over a whole
 * store; much faster than sf_store_load() per case). @p visit runs on the
 * calling thread and must not use @p store.
 * @param[out] out_visited receives how many cases were visited (also when it stops early).
 * @param store the store.
 * @param query the conditions, or NULL for every case.
 * @param visit called with each case.
 * @param user passed to @p visit.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ERANGE; #SF_EMALFORMED (a damaged row); #SF_EIO.
 * @since 0.1.0
 */
SF_API int sf_store_each(uint64_t *out_visited, const sf_store *store, const sf_case_query *query, sf_case_visitor visit,
                         void *user);
/** @brief Save a case's ledger; `expected_version` is the stored ledger's number of audit entries (0 for none). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_ECONFLICT; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_put_ledger(sf_store *store, uint64_t case_id, const sf_ledger *ledger, uint64_t expected_version);
/** @brief The stored ledger's number of audit entries (0 for none). @return #SF_OK; #SF_ENULLARG; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_ledger_version(uint64_t *out, const sf_store *store, uint64_t case_id);
/** @brief Load a case's ledger into `out` (free it with sf_ledger_free()), for the case and directory given. @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EMALFORMED; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_load_ledger(sf_ledger **out, const sf_store *store, uint64_t case_id, const sf_case *c,
                                const sf_directory *dir);
/** @brief Save the agency directory in the store. @return #SF_OK; #SF_ENULLARG; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_put_directory(sf_store *store, const sf_directory *dir);
/** @brief Load the store's agency directory into `out` (free it with sf_directory_free()). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EIO. @since 0.1.0 */
SF_API int sf_store_directory(sf_directory **out, const sf_store *store);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_H */
