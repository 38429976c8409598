/**
 * @file sfcore/c/base.h
 * @brief The C ABI's foundations: the export macro, status codes, errors,
 * memory, the opaque handles and the small structs every module shares.
 */
#ifndef SFCORE_C_BASE_H
#define SFCORE_C_BASE_H

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

/** @brief The agency directory (opaque). @since 0.1.0 */
typedef struct sf_directory sf_directory;
/** @brief A referral being put together (opaque). @since 0.1.0 */
typedef struct sf_referral sf_referral;
/**
 * @brief A case: its journal and the state that is its fold (opaque). One
 * handle may be used from any number of threads at once (see sfcore.h).
 * @since 0.1.0
 */
typedef struct sf_case sf_case;
/** @brief A meeting being put together, to schedule (opaque). @since 0.1.0 */
typedef struct sf_meeting sf_meeting;
/** @brief An action plan being put together, to agree or revise (opaque). @since 0.1.0 */
typedef struct sf_plan sf_plan;
/** @brief A case store in an SQLite file (opaque). @since 0.1.0 */
typedef struct sf_store sf_store;
/** @brief A calendar of New Zealand's public holidays, which the host may extend (opaque). @since 0.2.0 */
typedef struct sf_calendar sf_calendar;

/** @brief How an archive is encoded. @since 0.1.0 */
typedef enum sf_encoding {
    SF_ENCODING_BINARY = 1, /**< Compact, for storage. */
    SF_ENCODING_TEXT = 2    /**< Boost's text archive, to inspect. */
} sf_encoding;

/** @brief A party in the lifecycle: a family member, a whole agency or a named practitioner. @since 0.1.0 */
typedef struct sf_party {
    int kind;    /**< An #sf_party_kind. */
    uint32_t id; /**< The member's, agency's or practitioner's id. */
} sf_party;

/**
 * @brief Who information is disclosed to or by: an agency as a whole
 * (`practitioner_id` 0), or a named practitioner of it.
 * @since 0.2.0
 */
typedef struct sf_recipient {
    uint32_t agency_id;        /**< The agency. */
    uint32_t practitioner_id;  /**< A named worker of that agency, or 0 for the agency as a whole. */
} sf_recipient;

/** @brief What became of an event offered to a case. A refusal is a value, not an error. @since 0.1.0 */
typedef struct sf_outcome {
    int accepted;       /**< 1 when the event was appended, 0 when the rules refused it. */
    int guard;          /**< The #sf_guard that refused it (#SF_GUARD_NONE when accepted). */
    int from_state;     /**< The #sf_state before. */
    int to_state;       /**< The #sf_state after (the same as before when refused). */
    uint32_t assigned;  /**< The id the event assigned: a member's, meeting's, consent's or category's (0 if none). */
    const char *reason; /**< Why it was refused ("" when accepted); valid until the thread's next call that fills an sf_outcome. */
    uint64_t seq;       /**< The journal entry appended (0 when refused). */
    const char *missing; /**< For #SF_GUARD_RECORD_COMPLETE: the fields the record lacks, by name, separated by ","; "" otherwise. Valid as `reason`. */
} sf_outcome;

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

/**
 * @brief Free a string or buffer the library allocated for the caller (every
 * `char **` and `uint8_t **` output, and every array a function returns).
 * NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_free(void *p);

/**
 * @brief A clock: the current instant in microseconds since 1970-01-01T00:00:00Z.
 * @since 0.2.0
 */
typedef int64_t (*sf_clock)(void *context);

/**
 * @brief Set the clock that stamps journal entries' recorded instants, for
 * the whole process (NULL restores the system clock). A journal's stamps
 * never go backwards whatever the clock says. Set it before cases are used
 * from other threads (tests fix it; hosts rarely need to).
 * @param now the clock, or NULL.
 * @param context passed to @p now.
 * @return #SF_OK.
 * @since 0.2.0
 */
SF_API int sf_clock_set(sf_clock now, void *context);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_BASE_H */
