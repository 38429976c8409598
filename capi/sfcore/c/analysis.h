/**
 * @file sfcore/c/analysis.h
 * @brief The analysts' tables (see sfcore/analysis.hpp) as CSV: cases,
 * members, events, meetings, actions, decisions, sharings, declined requests
 * and views, of one case or of every case in a store.
 *
 * The CSV is RFC 4180: a header line of the column names, then a line per
 * row, each ending CRLF; days are YYYY-MM-DD, moments
 * YYYY-MM-DDTHH:MM:SSZ, booleans `true` or `false`, a missing value is an
 * empty field, and a text with a comma, a quote or a line break is quoted.
 * Texts are given as recorded: a spreadsheet that reads a text starting
 * with `=`, `+`, `-` or `@` as a formula should be told to read it as text.
 *
 * A table is de-identified unless `identified_by` is given: no names, no
 * dates of birth or exact ages (an age band instead), none of the family's
 * own words, and each case's id replaced by a stable pseudonym (48 bits of
 * HMAC-SHA-256 under the pseudonym key). An identified table needs who asks
 * and why, and each case it reads records an identified extract first.
 */
#ifndef SFCORE_C_ANALYSIS_H
#define SFCORE_C_ANALYSIS_H

#include "sfcore/c/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief One of the analysts' tables of one case, as CSV.
 * @param[out] out receives the CSV; the caller frees it with sf_free().
 * @param c the case; an identified table records an identified extract in it first.
 * @param dir names the agencies and practitioners.
 * @param table the table: "cases", "members", "events", "meetings", "actions", "decisions", "sharings", "declined" or "views".
 * @param cal the calendar working days are counted in, or NULL for the national one.
 * @param identified_by who asks for an identified table, or NULL for a de-identified one.
 * @param purpose why they ask (with @p identified_by; otherwise NULL).
 * @param pseudonym_key a de-identified table's pseudonym key, at least 16 bytes, or NULL for a random key made once per process.
 * @param key_size the key's size in bytes.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL (an unknown table, a purpose without @p identified_by or the reverse, a short key, or a key with @p identified_by).
 * @since 0.3.0
 */
SF_API int sf_case_table_csv(char **out, sf_case *c, const sf_directory *dir, const char *table, const sf_calendar *cal,
                             const char *identified_by, const char *purpose, const uint8_t *pseudonym_key,
                             size_t key_size);

/**
 * @brief One of the analysts' tables of every case in a store, in id order,
 * as CSV. An identified table records an identified extract in each case
 * first (as sf_store_record_identified_extract()); a de-identified one records
 * nothing.
 * @param[out] out receives the CSV; the caller frees it with sf_free().
 * @param store the store.
 * @param dir names the agencies and practitioners, or NULL for the store's directory.
 * @param table the table, as for sf_case_table_csv().
 * @param cal the calendar working days are counted in, or NULL for the national one.
 * @param identified_by who asks for an identified table, or NULL for a de-identified one.
 * @param purpose why they ask (with @p identified_by; otherwise NULL).
 * @param pseudonym_key a de-identified table's pseudonym key, at least 16 bytes, or NULL for a random key made once per process.
 * @param key_size the key's size in bytes.
 * @return as sf_case_table_csv(); as sf_store_each() and sf_store_record_identified_extract().
 * @since 0.3.0
 */
SF_API int sf_store_table_csv(char **out, sf_store *store, const sf_directory *dir, const char *table,
                              const sf_calendar *cal, const char *identified_by, const char *purpose,
                              const uint8_t *pseudonym_key, size_t key_size);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_ANALYSIS_H */
