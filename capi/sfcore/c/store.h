/**
 * @file sfcore/c/store.h
 * @brief The case store: one journal per case in an SQLite file or a
 * PostgreSQL database, appended with optimistic concurrency, verified on
 * every read, listed and queried.
 */
#ifndef SFCORE_C_STORE_H
#define SFCORE_C_STORE_H

#include "sfcore/c/journal.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How a store is opened. Zero-initialised options are the defaults. @since 0.2.0 */
typedef struct sf_store_options {
    int not_durable;          /**< 1: survive a crash but not a power loss (no sync at every commit). */
    const sf_key *keys;       /**< Keys that seal the cases' summaries: every case read must be sealed with one of them. */
    size_t key_count;         /**< How many (0: no seals, a checksum only). */
    const char *seal_with;    /**< The id of the key new seals use (NULL: the first). */
    const sf_calendar *calendar; /**< The calendar the summaries' next deadlines are counted in (NULL: the national one); copied when the store opens. */
} sf_store_options;

/** @brief Which cases sf_store_list() and sf_store_each() take: every condition given must hold. @since 0.1.0 */
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
    uint64_t version;       /**< Entries stored. */
    int32_t next_deadline;  /**< The earliest pending deadline, YYYYMMDD, or 0. */
    sf_journal_head head;   /**< The stored journal's head. */
} sf_case_summary;

/** @brief One case's head, as a checkpoint keeps it. @since 0.2.0 */
typedef struct sf_kept_head {
    uint64_t case_id;      /**< The case. */
    sf_journal_head head;  /**< Its head when the checkpoint was taken. */
} sf_kept_head;

/** @brief A person's place in one case, as sf_store_person_cases() finds it. @since 0.3.0 */
typedef struct sf_person_case {
    uint64_t case_id;  /**< The case. */
    uint32_t member;   /**< The member the person is in it. */
    int state;         /**< Where the case is: an #sf_state. */
    int programme;     /**< Its #sf_programme. */
    int64_t referred;  /**< When its referral was received (seconds since 1970-01-01T00:00:00Z). */
    size_t versions;   /**< How many versions of the member's details it holds (1, and one more for each change). */
} sf_person_case;

/** @brief How long a programme's closed cases are kept (the host sets the values). @since 0.3.0 */
typedef struct sf_retention_rule {
    int programme;            /**< An #sf_programme. */
    int years_after_closure;  /**< Years a closed case is kept (1-100). */
} sf_retention_rule;

/** @brief A closed case whose retention has ended, as sf_store_due_for_disposal() finds it. @since 0.3.0 */
typedef struct sf_disposal_due {
    uint64_t case_id;  /**< The case. */
    int programme;     /**< Its #sf_programme. */
    int32_t closed;    /**< When it was closed, YYYYMMDD (New Zealand date). */
    int32_t due;       /**< When its retention ended, YYYYMMDD. */
    int32_t years;     /**< The years its programme's rule keeps it. */
    int encrypted;     /**< 1 when it can be disposed of (sf_store_dispose() destroys an encrypted case's key). */
} sf_disposal_due;

/** @brief A sibling across cases, as sf_store_siblings() finds them. @since 0.3.0 */
typedef struct sf_sibling {
    const char *key;      /**< The sibling's person key (in the array's allocation). */
    const char *through;  /**< The person key of the parent or caregiver they share (in the array's allocation). */
    uint64_t case_id;     /**< A case the sibling is a child or young person in. */
    uint32_t member;      /**< The sibling's member in that case. */
    int role;             /**< Their #sf_member_role there. */
} sf_sibling;

/**
 * @brief Open (or create) a case store: an SQLite file in WAL mode, or
 * ":memory:" (either may be written after `sqlite:`); or a PostgreSQL
 * database, named by a libpq URI (`postgresql://…`) or keyword string
 * (`host=/run/pg dbname=cases`). A file that is not an sfcore store is
 * refused and left as it was; a store of sfcore 0.1 is converted, once. A
 * PostgreSQL database must have been migrated (sf_store_migrate()).
 * @param[out] out receives the store; free it with sf_store_free(). One
 *             handle may be used from many threads: calls take turns.
 * @param path the file's path, or the database's connection string (UTF-8).
 * @param options how to open it, or NULL for the defaults.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EIO (cannot open, or cannot
 *         connect); #SF_EMALFORMED (not a store); #SF_EVERSION; #SF_EMIGRATE
 *         (a database whose schema is older than this library's); #SF_EKEY.
 * @since 0.1.0
 */
SF_API int sf_store_open(sf_store **out, const char *path, const sf_store_options *options);
/**
 * @brief Open a store that keeps encrypted cases (sf_case_open_encrypted()):
 * as sf_store_open(), with a key provider. Every new case appended must be
 * encrypted; its own key is stored wrapped under the provider's `current`
 * host key. A store opened without one can neither append nor read an
 * encrypted case (#SF_EKEY).
 * @param[out] out receives the store; free it with sf_store_free().
 * @param path as for sf_store_open().
 * @param options as for sf_store_open(), or NULL.
 * @param keys the key provider (copied; its context must outlive the store).
 * @return as sf_store_open(); #SF_EKEY for a malformed current id.
 * @since 0.3.0
 */
SF_API int sf_store_open_encrypted(sf_store **out, const char *path, const sf_store_options *options, const sf_key_provider *keys);
/**
 * @brief Bring a store's schema to this library's, when asked (never on
 * open): a PostgreSQL database gets the tables it lacks, under the server's
 * advisory lock. An SQLite file is made or converted by opening it.
 * @param[out] out_version receives the schema version the store is at.
 * @param location as for sf_store_open().
 * @param options as for sf_store_open(), or NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EIO; #SF_EMALFORMED (tables
 *         of the store's names that are not a store's); #SF_EVERSION (newer than this library).
 * @since 0.3.0
 */
SF_API int sf_store_migrate(int *out_version, const char *location, const sf_store_options *options);
/**
 * @brief Start following a PostgreSQL store's changes (LISTEN/NOTIFY):
 * every append that commits from then on, from any host, is announced to
 * sf_store_next_change().
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (an SQLite store: it has no change feed); #SF_EIO; #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_follow(sf_store *store);
/**
 * @brief The next change announced since sf_store_follow(), waiting up to
 * @p timeout_ms milliseconds (0: only one already here). Other calls on the
 * same handle wait while it waits: follow on a handle of its own.
 * @param[out] out_found 1 when a change came, 0 when none did.
 * @param[out] out_case the case that changed (0 when none).
 * @param[out] out_version how many entries the store holds for it now.
 * @param store the store.
 * @param timeout_ms how long to wait.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (not following: call sf_store_follow() again, then reload what
 *         matters); #SF_EIO (the connection was lost); #SF_EMALFORMED (a notice that is not the store's); #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_next_change(int *out_found, uint64_t *out_case, uint64_t *out_version, sf_store *store, int timeout_ms);
/**
 * @brief Close the store's file. The handle stays valid: any call on it,
 * from any thread, then returns #SF_ECLOSED. Free it with sf_store_free()
 * once no thread uses it.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.2.0
 */
SF_API int sf_store_close(sf_store *store);
/** @brief Close a store and free its handle. NULL is allowed and does nothing. @since 0.1.0 */
SF_API void sf_store_free(sf_store *store);
/**
 * @brief Append a case's entries after the first `expected_version`, which
 * must be how many the store holds (0 for a new case), in one transaction.
 * @param[out] out_head receives the head now stored: keep it to verify against later.
 * @param store the store.
 * @param c the case.
 * @param expected_version the entries the writer knows the store holds.
 * @return #SF_OK; #SF_ENULLARG; #SF_ECONFLICT (another writer was first; nothing changed); #SF_EIO; #SF_EINVAL; #SF_EINTEGRITY; #SF_EKEY; #SF_ECLOSED.
 * @since 0.1.0
 */
SF_API int sf_store_append(sf_journal_head *out_head, sf_store *store, const sf_case *c, uint64_t expected_version);
/** @brief Load a case into `out` (free it with sf_case_free()), verified. @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINTEGRITY; #SF_EKEY; #SF_EMALFORMED; #SF_EIO; #SF_ECLOSED. @since 0.1.0 */
SF_API int sf_store_load(sf_case **out, sf_store *store, uint64_t case_id);
/** @brief How many entries the store holds for a case (0 for none). @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EIO; #SF_ECLOSED. @since 0.1.0 */
SF_API int sf_store_version(uint64_t *out, sf_store *store, uint64_t case_id);
/** @brief How many cases the store holds. @return #SF_OK; #SF_ENULLARG; #SF_EIO; #SF_ECLOSED. @since 0.1.0 */
SF_API int sf_store_size(uint64_t *out, sf_store *store);
/**
 * @brief The cases that match a query, by id; each summary's checksum or seal is checked.
 * @param[out] out_items receives an array (free it with sf_free()); NULL when none match.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @param query the conditions, or NULL for every case.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ERANGE; #SF_EINTEGRITY; #SF_EKEY; #SF_EIO; #SF_ECLOSED.
 * @since 0.1.0
 */
SF_API int sf_store_list(sf_case_summary **out_items, size_t *out_count, sf_store *store, const sf_case_query *query);
/**
 * @brief Every case a person is a member of (linked by sf_case_link_person()),
 * by case id, read from one snapshot, each case verified: a family referred
 * twice is two cases of the same person. Load a case to see more.
 * @param[out] out_items receives an array (free it with sf_free()); NULL when there are none.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @param key the host's key for the person (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_EINTEGRITY (a case, or the store's index of persons, does not verify); #SF_EKEY; #SF_EMALFORMED; #SF_EIO; #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_person_cases(sf_person_case **out_items, size_t *out_count, sf_store *store, const char *key);
/**
 * @brief The siblings of a child or young person across cases: each other
 * linked child or young person in a case where a parent or caregiver of
 * theirs is a member, by key and case.
 * @param[out] out_items receives an array, its keys in the same allocation (free it with one sf_free()); NULL when there are none.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @param key the child's person key.
 * @return as sf_store_person_cases().
 * @since 0.3.0
 */
SF_API int sf_store_siblings(sf_sibling **out_items, size_t *out_count, sf_store *store, const char *key);
/**
 * @brief The answer to a person's access request (Privacy Act 2020, IPP 6),
 * from every case they are a member of, as Markdown: what is held about them
 * and nothing about anyone else (other members are never named; an entry
 * also about another is given for the person alone, withheld in part under
 * s 53; a sharing the family was not told of is withheld under s 49).
 * Nothing is recorded: record the answer with sf_case_answer_access().
 * @param[out] out_markdown receives the document (free it with sf_free()).
 * @param store the store.
 * @param key the person's key.
 * @param dir the agency directory to name agencies from, or NULL for the store's.
 * @return as sf_store_person_cases(); #SF_ENOTFOUND when `dir` is NULL and the store has no directory.
 * @since 0.3.0
 */
SF_API int sf_store_access_response(char **out_markdown, sf_store *store, const char *key, const sf_directory *dir);
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
 * read in one pass from one consistent snapshot, each verified (for a report
 * over a whole store; much faster than sf_store_load() per case). @p visit
 * runs on the calling thread and must not use @p store.
 * @param[out] out_visited receives how many cases were visited (also when it stops early).
 * @param store the store.
 * @param query the conditions, or NULL for every case.
 * @param visit called with each case.
 * @param user passed to @p visit.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ERANGE; #SF_EINTEGRITY or #SF_EMALFORMED (a damaged case, after the cases before it); #SF_EIO; #SF_ECLOSED.
 * @since 0.1.0
 */
SF_API int sf_store_each(uint64_t *out_visited, sf_store *store, const sf_case_query *query, sf_case_visitor visit,
                         void *user);
/**
 * @brief Record an identified extract (an identified_extract entry: who,
 * which table, why) in every case of the store, each loaded,
 * recorded and appended in turn (a case another writer moved on is loaded
 * again), then call @p visit with it as recorded: what a host does before
 * it hands out an identified table of the store.
 * @param[out] out_recorded receives how many cases were recorded (also when a later one fails).
 * @param store the store.
 * @param who who extracted them (not blank).
 * @param table which table.
 * @param purpose why (not blank).
 * @param visit called with each case after its entry is stored, or NULL; its return value is not used (every case is recorded). It must not use @p store.
 * @param user passed to @p visit.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_ECONFLICT (a case kept changing); as sf_store_load() and sf_store_append().
 * @since 0.3.0
 */
SF_API int sf_store_record_identified_extract(uint64_t *out_recorded, sf_store *store, const char *who, const char *table,
                                              const char *purpose, sf_case_visitor visit, void *user);
/**
 * @brief Every case's head, to keep outside the store (the anchor sf_store_verify() checks against).
 * @param[out] out_items receives an array (free it with sf_free()); NULL for an empty store.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINTEGRITY; #SF_EKEY; #SF_EIO; #SF_ECLOSED.
 * @since 0.2.0
 */
SF_API int sf_store_checkpoint(sf_kept_head **out_items, size_t *out_count, sf_store *store);
/**
 * @brief Verify the file, every case, and each kept head: a case whose
 * journal no longer holds its kept head was rolled back or lost writes.
 * @param[out] out_damaged receives how many cases are damaged (0: the store verifies).
 * @param[out] out_report receives one line per damaged case, "case N: why" (free it with sf_free()); NULL when none. May be NULL.
 * @param store the store.
 * @param kept heads kept earlier (NULL when @p kept_count is 0).
 * @param kept_count how many.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED (the file itself is damaged); #SF_EIO; #SF_ECLOSED.
 * @since 0.2.0
 */
SF_API int sf_store_verify(size_t *out_damaged, char **out_report, sf_store *store, const sf_kept_head *kept,
                           size_t kept_count);
/** @brief Seal every case's summary again with the key named by `seal_with` (key rotation); `out_count` receives how many. @return #SF_OK; #SF_ENULLARG; #SF_EKEY; #SF_EINTEGRITY; #SF_EIO; #SF_ECLOSED. @since 0.2.0 */
SF_API int sf_store_reseal(uint64_t *out_count, sf_store *store);
/**
 * @brief Wrap every encrypted case's own key that is not under the key
 * provider's current host key again under it (rotation of host keys); the
 * entries are not touched. One transaction. `out_count` receives how many.
 * @return #SF_OK; #SF_ENULLARG; #SF_EKEY (no key provider, or a host key it
 *         does not have or that does not open a case key); #SF_EINTEGRITY; #SF_EIO; #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_rewrap(uint64_t *out_count, sf_store *store);
/**
 * @brief The closed cases whose retention has ended by a date (a programme
 * without a rule is kept; cases already disposed of are not listed).
 * @param[out] out_items receives an array (free it with sf_free()); NULL when there are none.
 * @param[out] out_count receives its length.
 * @param store the store.
 * @param rules one rule per programme at most (NULL when rule_count is 0).
 * @param rule_count how many.
 * @param on the date, YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (a rule out of 1-100 years, two for one programme, an unknown programme); #SF_ERANGE; #SF_EKEY; #SF_EINTEGRITY; #SF_EIO; #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_due_for_disposal(sf_disposal_due **out_items, size_t *out_count, sf_store *store, const sf_retention_rule *rules,
                                     size_t rule_count, int32_t on);
/**
 * @brief Dispose of an encrypted case whose retention has ended, by
 * destroying its key: a disposal record is appended, so its journal still
 * verifies (sf_store_verify()), and from then on sf_store_load() gives
 * #SF_EDISPOSED. See case_store::dispose() for what is overwritten where.
 * @param[out] out_head receives the journal's new head.
 * @param store the store.
 * @param case_id the case.
 * @param rules as for sf_store_due_for_disposal().
 * @param rule_count how many.
 * @param on the date it is disposed of, YYYYMMDD.
 * @param disposed_by who disposes of it (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (not closed, not due, no rule, not encrypted); #SF_EDISPOSED (already);
 *         #SF_ECONFLICT; #SF_ENOTFOUND; #SF_EKEY; #SF_EIO; #SF_ECLOSED.
 * @since 0.3.0
 */
SF_API int sf_store_dispose(sf_journal_head *out_head, sf_store *store, uint64_t case_id, const sf_retention_rule *rules,
                            size_t rule_count, int32_t on, const char *disposed_by);
/** @brief Save the agency directory in the store. @return #SF_OK; #SF_ENULLARG; #SF_EIO; #SF_ECLOSED. @since 0.1.0 */
SF_API int sf_store_put_directory(sf_store *store, const sf_directory *dir);
/** @brief Load the store's agency directory into `out` (free it with sf_directory_free()). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EIO; #SF_ECLOSED. @since 0.1.0 */
SF_API int sf_store_directory(sf_directory **out, sf_store *store);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_STORE_H */
