/**
 * @file sfcore/c/disclosure.h
 * @brief Consent-gated disclosure: decisions made from the case's journal
 * and recorded in it, the coordinator's explanation of a recorded decision,
 * what a requester is told, filtered views and the family's notices.
 */
#ifndef SFCORE_C_DISCLOSURE_H
#define SFCORE_C_DISCLOSURE_H

#include "sfcore/c/events.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A request to disclose information. @since 0.1.0 */
typedef struct sf_request {
    sf_recipient discloser;     /**< Who would disclose. */
    const uint32_t *subjects;   /**< Whom it is about (member ids). */
    size_t subject_count;       /**< How many (at least one). */
    int category;               /**< What kind of information. */
    sf_recipient recipient;     /**< Who would receive it. */
    int purpose;                /**< An #sf_purpose. */
    int64_t at;                 /**< The instant it is about (any, past or future). */
} sf_request;

/** @brief A decision: permit or deny, the rule that decided, for whom, and its journal entry. @since 0.1.0 */
typedef struct sf_decision {
    int permit;        /**< 1 when disclosure is allowed. */
    int rule;          /**< The #sf_decision_rule that decided (for the coordinator, not the requester). */
    uint32_t subject;  /**< The subject the rule was applied to (the refusing one). */
    uint32_t consent;  /**< The consent that permitted it (0 when denied). */
    uint64_t seq;      /**< The journal entry that records it (0 when not recorded, as by sf_case_check()). */
} sf_decision;

/** @brief A piece of information an agency holds about the family, for sf_case_view(). @since 0.1.0 */
typedef struct sf_info_item {
    const uint32_t *subjects;  /**< Whom it is about. */
    size_t subject_count;      /**< How many. */
    int category;              /**< What kind of information. */
} sf_info_item;

/** @brief How many of each disclosure record a case holds. @since 0.2.0 */
typedef struct sf_disclosure_counts {
    size_t consents;     /**< Consents to share (ids 1 to consents). */
    size_t withdrawals;  /**< Withdrawals (withdrawals from the process included). */
    size_t sharings;     /**< Sharings without consent. */
    size_t declined;     /**< Declined requests. */
    size_t notices;      /**< Notices given. */
    size_t decisions;    /**< Decisions recorded. */
    size_t views;        /**< Views shown. */
    size_t categories;   /**< Information categories (ids 0 to categories - 1). */
} sf_disclosure_counts;

/**
 * @brief Decide a request and record the decision in the case's journal; a
 * refusal is a decision, not an error. Runs alongside other threads'
 * decisions on the same case.
 * @param[out] out receives the decision, with the seq of its entry.
 * @param c the case.
 * @param dir the directory the request's recipients belong to.
 * @param request the request.
 * @param actor who asked (the host's user id; UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_EREQUEST; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_case_decide(sf_decision *out, sf_case *c, const sf_directory *dir, const sf_request *request,
                          const char *actor);
/**
 * @brief Decide many requests and record each decision, in order: the same
 * decisions and entries as sf_case_decide() on each in turn.
 * @param[out] out room for @p count decisions.
 * @param[out] out_decided receives how many were decided and recorded: @p count
 *             on #SF_OK; on an error, those before the request that failed.
 * @param c the case.
 * @param dir the directory.
 * @param requests @p count requests (NULL allowed when @p count is 0).
 * @param count how many.
 * @param actor who asked (UTF-8).
 * @return as sf_case_decide(), for the first request that fails.
 * @since 0.2.0
 */
SF_API int sf_case_decide_many(sf_decision *out, size_t *out_decided, sf_case *c, const sf_directory *dir,
                               const sf_request *requests, size_t count, const char *actor);
/** @brief Decide a request without recording it (a preview; `out->seq` is 0). @return as sf_case_decide(). @since 0.2.0 */
SF_API int sf_case_check(sf_decision *out, const sf_case *c, const sf_directory *dir, const sf_request *request);
/**
 * @brief The full reason for a recorded decision, for the coordinator and the
 * audit, from its journal entry (ids, never names); free it with sf_free().
 * @param[out] out receives the text.
 * @param c the case.
 * @param seq the decision's entry (sf_decision::seq).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such entry, or not a decision).
 * @since 0.2.0
 */
SF_API int sf_case_explain(char **out, const sf_case *c, uint64_t seq);
/**
 * @brief What a requester is told of a decision: only whether disclosure is
 * permitted and its reference, the same words for every refusal; free it
 * with sf_free().
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.2.0
 */
SF_API int sf_decision_reason(char **out, const sf_case *c, const sf_decision *decision);
/**
 * @brief A member's disclosure notice for a purpose at an instant, in plain
 * language; free it with sf_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_case_notice(char **out_text, const sf_case *c, const sf_directory *dir, uint32_t member, int purpose,
                          int64_t at);
/**
 * @brief A filtered view: which of the items a recipient may see for a purpose
 * at an instant; the view is recorded in the case's journal.
 * @param[out] out_shown receives 1 (shown) or 0 for each item; the caller gives room for `item_count`.
 * @param c the case.
 * @param dir the directory.
 * @param items the items the agency holds.
 * @param item_count how many.
 * @param recipient who would see them.
 * @param purpose an #sf_purpose.
 * @param at the instant.
 * @param actor who asks (the host's user id).
 * @return #SF_OK; #SF_ENULLARG; #SF_EREQUEST; #SF_ENOTFOUND; #SF_EINVAL; #SF_EUTF8.
 * @since 0.2.0
 */
SF_API int sf_case_view(int *out_shown, sf_case *c, const sf_directory *dir, const sf_info_item *items,
                        size_t item_count, sf_recipient recipient, int purpose, int64_t at, const char *actor);
/** @brief How many consents, withdrawals, sharings, declined requests, notices, decisions, views and categories the case holds. @return #SF_OK; #SF_ENULLARG. @since 0.2.0 */
SF_API int sf_case_disclosure_counts(sf_disclosure_counts *out, const sf_case *c);
/**
 * @brief An information category of the case: its identifier and label
 * (owned by the case until it changes; either output may be NULL).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (no such category).
 * @since 0.2.0
 */
SF_API int sf_case_category(const char **out_name, const char **out_label, const sf_case *c, int category);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_DISCLOSURE_H */
