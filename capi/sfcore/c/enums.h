/**
 * @file sfcore/c/enums.h
 * @brief Every enumeration of the C ABI, generated from the tables in
 * `sfcore/def/` that the C++ API and the Python module read too; names and
 * labels of enumerators; and the lifecycle's transition table.
 */
#ifndef SFCORE_C_ENUMS_H
#define SFCORE_C_ENUMS_H

#include "sfcore/c/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Who referred a family (`sfcore/def/referral_sources.def`). @since 0.1.0 */
typedef enum sf_referral_source {
#define SF_REFERRAL_SOURCE(sym, v, name, label) SF_REFERRAL_SOURCE_##sym = v,
#include "sfcore/def/referral_sources.def"
#undef SF_REFERRAL_SOURCE
    SF_REFERRAL_SOURCE_COUNT_, /**< Not a source: the number of sources. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_REFERRAL_…), each the SF_REFERRAL_SOURCE_… of the same
       name and of this type (so comparing one with an #sf_referral_source draws no warning). */
#define SF_REFERRAL_SOURCE(sym, v, name, label) SF_REFERRAL_##sym = SF_REFERRAL_SOURCE_##sym,
#include "sfcore/def/referral_sources.def"
#undef SF_REFERRAL_SOURCE
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
#define SF_AGENCY(sym, id, name, former, welfare) SF_AGENCY_##sym = id,
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
#define SF_EVENT(sym, v, name, label, kind) SF_EVENT_TYPE_##sym = v,
#include "sfcore/def/events.def"
#undef SF_EVENT
    SF_EVENT_TYPE_COUNT_, /**< Not an event type: the number of event types. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_EVENT_…), each the SF_EVENT_TYPE_… of the same
       name and of this type (so comparing one with an #sf_event_type draws no warning). */
#define SF_EVENT(sym, v, name, label, kind) SF_EVENT_##sym = SF_EVENT_TYPE_##sym,
#include "sfcore/def/events.def"
#undef SF_EVENT
} sf_event_type;

/** @brief What an event type is about (`sfcore/def/event_kinds.def`; each type's is the fifth column of `sfcore/def/events.def`). @since 0.2.0 */
typedef enum sf_event_kind {
#define SF_EVENT_KIND(sym, v, name, label) SF_EVENT_KIND_##sym = v,
#include "sfcore/def/event_kinds.def"
#undef SF_EVENT_KIND
    SF_EVENT_KIND_COUNT_ /**< Not a value: one past the last. */
} sf_event_kind;

/** @brief Kinds of party: a family member, an agency, a practitioner (`sfcore/def/party_kinds.def`). @since 0.1.0 */
typedef enum sf_party_kind {
#define SF_PARTY_KIND(sym, v, name, label) SF_PARTY_KIND_##sym = v,
#include "sfcore/def/party_kinds.def"
#undef SF_PARTY_KIND
    SF_PARTY_KIND_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_PARTY_…), each the SF_PARTY_KIND_… of the same
       name and of this type (so comparing one with an #sf_party_kind draws no warning). */
#define SF_PARTY_KIND(sym, v, name, label) SF_PARTY_##sym = SF_PARTY_KIND_##sym,
#include "sfcore/def/party_kinds.def"
#undef SF_PARTY_KIND
    SF_PARTY_COUNT_ = SF_PARTY_KIND_COUNT_ /**< #SF_PARTY_KIND_COUNT_ */
} sf_party_kind;

/** @brief Family members' roles (`sfcore/def/member_roles.def`). @since 0.1.0 */
typedef enum sf_member_role {
#define SF_MEMBER_ROLE(sym, v, name, label) SF_MEMBER_ROLE_##sym = v,
#include "sfcore/def/member_roles.def"
#undef SF_MEMBER_ROLE
    SF_MEMBER_ROLE_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_ROLE_…), each the SF_MEMBER_ROLE_… of the same
       name and of this type (so comparing one with an #sf_member_role draws no warning). */
#define SF_MEMBER_ROLE(sym, v, name, label) SF_ROLE_##sym = SF_MEMBER_ROLE_##sym,
#include "sfcore/def/member_roles.def"
#undef SF_MEMBER_ROLE
    SF_ROLE_COUNT_ = SF_MEMBER_ROLE_COUNT_ /**< #SF_MEMBER_ROLE_COUNT_ */
} sf_member_role;

/** @brief Kinds of meeting (`sfcore/def/meeting_kinds.def`). @since 0.1.0 */
typedef enum sf_meeting_kind {
#define SF_MEETING_KIND(sym, v, name, label) SF_MEETING_KIND_##sym = v,
#include "sfcore/def/meeting_kinds.def"
#undef SF_MEETING_KIND
    SF_MEETING_KIND_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_MEETING_…), each the SF_MEETING_KIND_… of the same
       name and of this type (so comparing one with an #sf_meeting_kind draws no warning). */
#define SF_MEETING_KIND(sym, v, name, label) SF_MEETING_##sym = SF_MEETING_KIND_##sym,
#include "sfcore/def/meeting_kinds.def"
#undef SF_MEETING_KIND
    SF_MEETING_COUNT_ = SF_MEETING_KIND_COUNT_ /**< #SF_MEETING_KIND_COUNT_ */
} sf_meeting_kind;

/** @brief How an action stands (`sfcore/def/action_statuses.def`). @since 0.1.0 */
typedef enum sf_action_status {
#define SF_ACTION_STATUS(sym, v, name, label) SF_ACTION_STATUS_##sym = v,
#include "sfcore/def/action_statuses.def"
#undef SF_ACTION_STATUS
    SF_ACTION_STATUS_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_ACTION_…), each the SF_ACTION_STATUS_… of the same
       name and of this type (so comparing one with an #sf_action_status draws no warning). */
#define SF_ACTION_STATUS(sym, v, name, label) SF_ACTION_##sym = SF_ACTION_STATUS_##sym,
#include "sfcore/def/action_statuses.def"
#undef SF_ACTION_STATUS
    SF_ACTION_COUNT_ = SF_ACTION_STATUS_COUNT_ /**< #SF_ACTION_STATUS_COUNT_ */
} sf_action_status;

/** @brief Kinds of support an action gives (`sfcore/def/support_types.def`). @since 0.1.0 */
typedef enum sf_support_type {
#define SF_SUPPORT_TYPE(sym, v, name, label) SF_SUPPORT_TYPE_##sym = v,
#include "sfcore/def/support_types.def"
#undef SF_SUPPORT_TYPE
    SF_SUPPORT_TYPE_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_SUPPORT_…), each the SF_SUPPORT_TYPE_… of the same
       name and of this type (so comparing one with an #sf_support_type draws no warning). */
#define SF_SUPPORT_TYPE(sym, v, name, label) SF_SUPPORT_##sym = SF_SUPPORT_TYPE_##sym,
#include "sfcore/def/support_types.def"
#undef SF_SUPPORT_TYPE
    SF_SUPPORT_COUNT_ = SF_SUPPORT_TYPE_COUNT_ /**< #SF_SUPPORT_TYPE_COUNT_ */
} sf_support_type;

/** @brief Why a case closed (`sfcore/def/exit_reasons.def`). @since 0.1.0 */
typedef enum sf_exit_reason {
#define SF_EXIT_REASON(sym, v, name, label) SF_EXIT_REASON_##sym = v,
#include "sfcore/def/exit_reasons.def"
#undef SF_EXIT_REASON
    SF_EXIT_REASON_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_EXIT_…), each the SF_EXIT_REASON_… of the same
       name and of this type (so comparing one with an #sf_exit_reason draws no warning). */
#define SF_EXIT_REASON(sym, v, name, label) SF_EXIT_##sym = SF_EXIT_REASON_##sym,
#include "sfcore/def/exit_reasons.def"
#undef SF_EXIT_REASON
    SF_EXIT_COUNT_ = SF_EXIT_REASON_COUNT_ /**< #SF_EXIT_REASON_COUNT_ */
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
#define SF_DECISION_RULE(sym, v, name, label) SF_DECISION_RULE_##sym = v,
#include "sfcore/def/decision_rules.def"
#undef SF_DECISION_RULE
    SF_DECISION_RULE_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_RULE_…), each the SF_DECISION_RULE_… of the same
       name and of this type (so comparing one with an #sf_decision_rule draws no warning). */
#define SF_DECISION_RULE(sym, v, name, label) SF_RULE_##sym = SF_DECISION_RULE_##sym,
#include "sfcore/def/decision_rules.def"
#undef SF_DECISION_RULE
    SF_RULE_COUNT_ = SF_DECISION_RULE_COUNT_ /**< #SF_DECISION_RULE_COUNT_ */
} sf_decision_rule;

/** @brief Legal bases for sharing without consent (`sfcore/def/legal_bases.def`). @since 0.1.0 */
typedef enum sf_legal_basis {
#define SF_LEGAL_BASIS(sym, v, name, label) SF_LEGAL_BASIS_##sym = v,
#include "sfcore/def/legal_bases.def"
#undef SF_LEGAL_BASIS
    SF_LEGAL_BASIS_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_BASIS_…), each the SF_LEGAL_BASIS_… of the same
       name and of this type (so comparing one with an #sf_legal_basis draws no warning). */
#define SF_LEGAL_BASIS(sym, v, name, label) SF_BASIS_##sym = SF_LEGAL_BASIS_##sym,
#include "sfcore/def/legal_bases.def"
#undef SF_LEGAL_BASIS
    SF_BASIS_COUNT_ = SF_LEGAL_BASIS_COUNT_ /**< #SF_LEGAL_BASIS_COUNT_ */
} sf_legal_basis;

/** @brief The outcomes Strengthening Families works toward (`sfcore/def/outcome_areas.def`). @since 0.2.0 */
typedef enum sf_outcome_area {
#define SF_OUTCOME_AREA(sym, v, name, label) SF_OUTCOME_AREA_##sym = v,
#include "sfcore/def/outcome_areas.def"
#undef SF_OUTCOME_AREA
    SF_OUTCOME_AREA_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_OUTCOME_…), each the SF_OUTCOME_AREA_… of the same
       name and of this type (so comparing one with an #sf_outcome_area draws no warning). */
#define SF_OUTCOME_AREA(sym, v, name, label) SF_OUTCOME_##sym = SF_OUTCOME_AREA_##sym,
#include "sfcore/def/outcome_areas.def"
#undef SF_OUTCOME_AREA
    SF_OUTCOME_COUNT_ = SF_OUTCOME_AREA_COUNT_ /**< #SF_OUTCOME_AREA_COUNT_ */
} sf_outcome_area;

/** @brief A definition of "working day", each from a law (`sfcore/def/working_days.def`; sf_working_day_rule_source()). @since 0.2.0 */
typedef enum sf_working_day_rule {
#define SF_WORKING_DAYS(sym, v, name, label, source) SF_WORKING_DAY_RULE_##sym = v,
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
    SF_WORKING_DAY_RULE_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_WORKING_DAYS_…), each the SF_WORKING_DAY_RULE_… of the same
       name and of this type (so comparing one with an #sf_working_day_rule draws no warning). */
#define SF_WORKING_DAYS(sym, v, name, label, source) SF_WORKING_DAYS_##sym = SF_WORKING_DAY_RULE_##sym,
#include "sfcore/def/working_days.def"
#undef SF_WORKING_DAYS
    SF_WORKING_DAYS_COUNT_ = SF_WORKING_DAY_RULE_COUNT_ /**< #SF_WORKING_DAY_RULE_COUNT_ */
} sf_working_day_rule;

/** @brief Who may ask for information under Oranga Tamariki Act s66 (`sfcore/def/s66_requesters.def`). @since 0.2.0 */
typedef enum sf_s66_requester {
#define SF_S66_REQUESTER(sym, v, name, label) SF_S66_REQUESTER_##sym = v,
#include "sfcore/def/s66_requesters.def"
#undef SF_S66_REQUESTER
    SF_S66_REQUESTER_COUNT_ /**< Not a value: one past the last. */
} sf_s66_requester;

/** @brief The six purposes of Oranga Tamariki Act s66C (`sfcore/def/s66c_purposes.def`). @since 0.1.0 */
typedef enum sf_s66c_purpose {
#define SF_S66C_PURPOSE(sym, v, name, label) SF_S66C_PURPOSE_##sym = v,
#include "sfcore/def/s66c_purposes.def"
#undef SF_S66C_PURPOSE
    SF_S66C_PURPOSE_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_S66C_…), each the SF_S66C_PURPOSE_… of the same
       name and of this type (so comparing one with an #sf_s66c_purpose draws no warning). */
#define SF_S66C_PURPOSE(sym, v, name, label) SF_S66C_##sym = SF_S66C_PURPOSE_##sym,
#include "sfcore/def/s66c_purposes.def"
#undef SF_S66C_PURPOSE
    SF_S66C_COUNT_ = SF_S66C_PURPOSE_COUNT_ /**< #SF_S66C_PURPOSE_COUNT_ */
} sf_s66c_purpose;

/** @brief A family's key issue areas (they decide what is necessary to share) (`sfcore/def/issue_areas.def`). @since 0.1.0 */
typedef enum sf_issue_area {
#define SF_ISSUE_AREA(sym, v, name, label) SF_ISSUE_AREA_##sym = v,
#include "sfcore/def/issue_areas.def"
#undef SF_ISSUE_AREA
    SF_ISSUE_AREA_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_ISSUE_…), each the SF_ISSUE_AREA_… of the same
       name and of this type (so comparing one with an #sf_issue_area draws no warning). */
#define SF_ISSUE_AREA(sym, v, name, label) SF_ISSUE_##sym = SF_ISSUE_AREA_##sym,
#include "sfcore/def/issue_areas.def"
#undef SF_ISSUE_AREA
    SF_ISSUE_COUNT_ = SF_ISSUE_AREA_COUNT_ /**< #SF_ISSUE_AREA_COUNT_ */
} sf_issue_area;

/** @brief What is overdue (`sfcore/def/overdue_kinds.def`). @since 0.1.0 */
typedef enum sf_overdue_kind {
#define SF_OVERDUE_KIND(sym, v, name, label) SF_OVERDUE_KIND_##sym = v,
#include "sfcore/def/overdue_kinds.def"
#undef SF_OVERDUE_KIND
    SF_OVERDUE_KIND_COUNT_, /**< Not a value: one past the last. */
    /* Deprecated since 0.3.0: the names before 0.3.0 (SF_OVERDUE_…), each the SF_OVERDUE_KIND_… of the same
       name and of this type (so comparing one with an #sf_overdue_kind draws no warning). */
#define SF_OVERDUE_KIND(sym, v, name, label) SF_OVERDUE_##sym = SF_OVERDUE_KIND_##sym,
#include "sfcore/def/overdue_kinds.def"
#undef SF_OVERDUE_KIND
    SF_OVERDUE_COUNT_ = SF_OVERDUE_KIND_COUNT_ /**< #SF_OVERDUE_KIND_COUNT_ */
} sf_overdue_kind;

/**
 * @brief The enumerations sf_enum_name() and sf_enum_label() know: one
 * constant SF_ENUM_<ID> for each row of `sfcore/def/enumerations.def`, its
 * number from the row (for example #SF_ENUM_STATE for #sf_state).
 * @since 0.1.0
 */
typedef enum sf_enumeration {
    SF_ENUM_STATUS_ = 0,        /**< Not used (see sf_status_name()). */
    SF_ENUM_AUDIT_KIND_ = 19,   /**< Not used since 0.2 (sfcore 0.1's audit kinds). */
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc) SF_ENUM_##id = number,
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
    SF_ENUM_COUNT_              /**< Not an enumeration: one past the last (the table is in number order). */
} sf_enumeration;


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
