/**
 * @file sfcore/c/journal.h
 * @brief The journal's integrity: its head, verification against a kept
 * head, keyed seals, archives, and the conversion of sfcore 0.1 archives.
 * (The threat model is in the C++ header sfcore/journal.hpp and the guide.)
 */
#ifndef SFCORE_C_JOURNAL_H
#define SFCORE_C_JOURNAL_H

#include "sfcore/c/case.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A journal's head: how many entries, and the hash of the last (of the case's id when empty). @since 0.2.0 */
typedef struct sf_journal_head {
    uint64_t seq;      /**< The number of entries. */
    uint8_t hash[32];  /**< The hash of entry `seq`. */
} sf_journal_head;

/** @brief A sealing key: an id the seals name, and a secret the host keeps (sfcore never stores it). @since 0.2.0 */
typedef struct sf_key {
    const char *id;          /**< 1-64 bytes of printable ASCII. */
    const uint8_t *secret;   /**< The secret. */
    size_t secret_size;      /**< At least 16. */
} sf_key;

/**
 * @brief A host key callback: write the 32-byte host key with id `key_id`
 * to `secret` and return 0, or return nonzero when the host has no key of
 * that id. Called on the calling thread. A store keeps what it returns for
 * the store's life, an archive call for the call only; sfcore never writes
 * it anywhere.
 * @since 0.3.0
 */
typedef int (*sf_key_fn)(void *context, const char *key_id, uint8_t secret[32]);

/** @brief Where a store's host keys come from (see sf_store_open_encrypted() and sf_case_save_encrypted()). @since 0.3.0 */
typedef struct sf_key_provider {
    sf_key_fn key;        /**< The callback (not NULL). */
    void *context;        /**< Passed to it as it is. */
    const char *current;  /**< The id of the host key new case keys are wrapped under (1-64 bytes of printable ASCII; copied). */
} sf_key_provider;

/** @brief The case's journal head (keep it: sf_case_verify() checks a journal against it). @return #SF_OK; #SF_ENULLARG. @since 0.2.0 */
SF_API int sf_case_head(sf_journal_head *out, const sf_case *c);
/**
 * @brief Recompute the case's hash chain from its id, and check it holds a kept head.
 * @param[out] out_ok receives 1 when the journal verifies.
 * @param[out] out_reason receives why not (free it with sf_free()), or NULL when it verifies. May be NULL.
 * @param c the case.
 * @param expected a head kept earlier, or NULL.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.2.0
 */
SF_API int sf_case_verify(int *out_ok, char **out_reason, const sf_case *c, const sf_journal_head *expected);
/**
 * @brief Save the case (its id and whole journal) as an archive.
 * @param[out] out_data receives the bytes; free them with sf_free().
 * @param[out] out_size receives their number.
 * @param c the case.
 * @param encoding an #sf_encoding.
 * @param key seal the archive with this key, or NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (encoding); #SF_EKEY; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_case_save(uint8_t **out_data, size_t *out_size, const sf_case *c, int encoding, const sf_key *key);
/**
 * @brief Load a case from an archive: the journal is verified from the
 * case's id and replayed (an sfcore 0.1 case archive converts as it loads).
 * @param[out] out receives the case; free it with sf_case_free().
 * @param data the archive's bytes.
 * @param size their number.
 * @param keys when @p key_count > 0, the archive must be sealed with one of these keys.
 * @param key_count how many.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED; #SF_EVERSION; #SF_ECHECKSUM; #SF_EINTEGRITY; #SF_EKEY; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_case_load(sf_case **out, const uint8_t *data, size_t size, const sf_key *keys, size_t key_count);
/**
 * @brief Save an encrypted case (sf_case_is_encrypted()) as an archive with
 * its entries sealed, as a store holds them, and its key wrapped under the
 * host key @p keys names as current (see save_archive() in sfcore/archive.hpp).
 * @param[out] out_data receives the bytes; free them with sf_free().
 * @param[out] out_size receives their number.
 * @param c the case.
 * @param keys the host's key provider.
 * @param seal seal the archive with this key as well, or NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (a plain case); #SF_EKEY (a missing or wrong-size host key, a bad current id); #SF_ENOMEM.
 * @since 0.3.0
 */
SF_API int sf_case_save_encrypted(uint8_t **out_data, size_t *out_size, const sf_case *c, const sf_key_provider *keys,
                                  const sf_key *seal);
/**
 * @brief Load a case from an archive that may hold an encrypted case: its
 * key is unwrapped with the host key the archive names, asked of @p keys
 * (whose current id is not used). A plain case's archive loads as with
 * sf_case_load().
 * @param[out] out receives the case; free it with sf_case_free().
 * @param data the archive's bytes.
 * @param size their number.
 * @param keys the host's key provider.
 * @param seals when @p seal_count > 0, the archive must be sealed with one of these keys.
 * @param seal_count how many.
 * @return as sf_case_load(); #SF_EKEY also for a host key the provider does not give, a wrong one, or a case key wrapped for another case.
 * @since 0.3.0
 */
SF_API int sf_case_load_encrypted(sf_case **out, const uint8_t *data, size_t size, const sf_key_provider *keys, const sf_key *seals,
                                  size_t seal_count);
/**
 * @brief Convert a case kept by sfcore 0.1 — its case archive and its ledger
 * archive, if it had one — into one journal (see upgrade_v1() in sfcore/archive.hpp).
 * @param[out] out receives the case; free it with sf_case_free().
 * @param case_data the 0.1 case archive.
 * @param case_size its length.
 * @param ledger_data the 0.1 ledger archive, or NULL.
 * @param ledger_size its length.
 * @param dir the directory the case was kept with.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED (records that do not fit the case); #SF_EVERSION; #SF_ECHECKSUM.
 * @since 0.2.0
 */
SF_API int sf_case_upgrade_v1(sf_case **out, const uint8_t *case_data, size_t case_size, const uint8_t *ledger_data,
                              size_t ledger_size, const sf_directory *dir);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_JOURNAL_H */
