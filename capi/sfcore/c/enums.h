/**
 * @file sfcore/c/enums.h
 * @brief Every enumeration of the C ABI, generated from the tables in
 * `sfcore/def/` that the C++ API and the Python module read too; names and
 * labels of enumerators; and the lifecycle's transition table.
 */
#ifndef SFCORE_C_ENUMS_H
#define SFCORE_C_ENUMS_H

#include "sfcore/c/base.h"
#include "sfcore/c/enum_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Ids of the standard agencies (`sfcore/def/agencies.def`). @since 0.1.0 */
typedef enum sf_standard_agency {
    SF_AGENCY_NONE = 0, /**< No agency. */
#define SF_AGENCY(sym, id, name, former, welfare) SF_AGENCY_##sym = id,
#include "sfcore/def/agencies.def"
#undef SF_AGENCY
    SF_AGENCY_STANDARD_END_ /**< Not an agency: one past the last standard id. */
} sf_standard_agency;

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

/**
 * @brief The identifier of a state, e.g. "awaiting_consent" (as sf_enum_name() with #SF_ENUM_STATE).
 * @param[out] out receives a static string.
 * @param state an #sf_state.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL for an unknown state.
 * @since 0.1.0
 * @deprecated since 0.3.0: sf_enum_name() with #SF_ENUM_STATE names every enumeration's values the same way;
 * this one stays for the ABI.
 */
SF_API int sf_state_name(const char **out, int state);

/**
 * @brief The identifier of a referral source, e.g. "family" (as sf_enum_name() with #SF_ENUM_REFERRAL_SOURCE).
 * @param[out] out receives a static string.
 * @param source an #sf_referral_source.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL for an unknown source.
 * @since 0.1.0
 * @deprecated since 0.3.0: sf_enum_name() with #SF_ENUM_REFERRAL_SOURCE names every enumeration's values the same
 * way; this one stays for the ABI.
 */
SF_API int sf_referral_source_name(const char **out, int source);

/**
 * @brief What an event type is about.
 * @param[out] out receives an #sf_event_kind.
 * @param event_type an #sf_event_type.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL.
 * @since 0.2.0
 */
SF_API int sf_event_type_kind(int *out, int event_type);

/** @brief One row of the lifecycle's transition table. @since 0.1.0 */
typedef struct sf_transition {
    uint32_t from_states; /**< Bit s set: the row applies in #sf_state s. */
    int event;            /**< The #sf_event_type. */
    int guards[5];        /**< The #sf_guard values checked in order (#SF_GUARD_NONE fills the rest). */
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

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_ENUMS_H */
