/**
 * @file sfcore.h
 * @brief The sfcore C ABI: the library from C and from any language with a C FFI.
 *
 * Conventions (they hold for every function):
 * - Functions are named `sf_<module>_<verb>`, return an `int` status
 *   (#SF_OK, or a negative `SF_E*` code from #sf_status) and put output
 *   parameters first.
 * - Objects are opaque handles made by `sf_X_new()`/`sf_X_open()` and released
 *   by `sf_X_free()`, which accepts NULL. The caller owns every handle it
 *   receives; strings the library returns are owned by the library and stay
 *   valid as each function says.
 * - Every string passed in must be NUL-terminated UTF-8; anything else is
 *   #SF_EUTF8. A NULL where a value is required is #SF_ENULLARG.
 * - A date is an integer YYYYMMDD (20261122); an instant is seconds since
 *   1970-01-01T00:00:00Z. Years 1900 to 2199 are accepted.
 * - On failure, sf_error_last() says why, for the calling thread.
 * - No exception or C++ type ever crosses this boundary.
 * - Enumerations only gain values at the end; values never change.
 *
 * Thread safety: distinct handles may be used from distinct threads at
 * once; one handle must not be used from two threads at once unless the
 * function says it only reads (`const`) — reading from many threads at
 * once is safe.
 */
#ifndef SFCORE_H
#define SFCORE_H

#include <stddef.h>
#include <stdint.h>

#include "sfcore/version.h"

/** @brief Marks the functions of the C ABI (exported from libsfcore_c). */
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

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_H */
