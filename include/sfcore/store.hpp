/**
 * @file store.hpp
 * @brief The case store: one journal per case in an SQLite file (WAL mode)
 * or a PostgreSQL database, appended with optimistic concurrency, verified on
 * every read, listed and queried.
 *
 * Which backend is chosen by the location a store is opened at:
 * - `postgresql://…` or `postgres://…` (a libpq URI), or a libpq keyword
 *   string beginning with one of its keywords (`host=/run/pg dbname=cases`):
 *   a PostgreSQL database, shared by the case systems of a region's
 *   agencies. Its schema is made and upgraded only by case_store::migrate(),
 *   never on open.
 * - `sqlite:cases.db`, or any other string (a file path, or ":memory:"): an
 *   SQLite file, embedded in one host.
 *
 * Both backends keep the same tables and behave the same, with these
 * differences: an SQLite writer takes the file's write lock for the length
 * of an append, a PostgreSQL writer locks only its case's row (appends to
 * different cases never wait for each other); store_options::vfs is
 * SQLite's; follow() and next_change() are PostgreSQL's (LISTEN/NOTIFY).
 *
 * The store keeps each case's journal entries (one row each, in the
 * canonical form the hash chain hashes), a summary row per case for queries
 * (version, head, state, programme, coordinator, next deadline) with a
 * checksum — or, with a key, an HMAC-SHA-256 seal — binding it to the
 * journal's head, an index of persons (the SHA-256 of each linked person's
 * key, never the key, with the case and member it names), and the agency
 * directory. Every change is one
 * transaction: it is all there after a crash or a failed write, or none of
 * it is. Several processes and threads may open the same file; an append
 * names the version it expects (decisions and views included), and a
 * writer that is behind gets errc::conflict and changes nothing.
 *
 * Nothing read back is believed unchecked: every load verifies the case's
 * hash chain from its id, its summary row's checksum or seal, and that the
 * summary agrees with the journal; list() checks each summary row it
 * returns; verify() checks every case and reports each damaged one by id,
 * and with a checkpoint (the heads a host kept) finds rollback and lost
 * writes. A file that is not an sfcore store is refused, never adopted
 * (SQLite's application_id). A store written by sfcore 0.1 is converted to
 * this form, once, in one transaction, when it is first opened.
 *
 * A case_store object must not be used from two threads at once; open one
 * per thread (they share the file, or the database, safely).
 * @since 0.1.0
 */
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/analysis.hpp"
#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"
#include "sfcore/encryption.hpp"
#include "sfcore/journal.hpp"
#include "sfcore/timeliness.hpp"

namespace sfcore {

/** @brief How a store is opened. @since 0.1.0 */
struct store_options {
    holiday_calendar calendar;  ///< The calendar deadlines are counted in.
    /** @brief The deadlines the summaries' next deadline uses; nothing: each case's own (case_file::timeframes()). @since 0.1.0 */
    std::optional<sfcore::timeframes> timeframes;
    int busy_timeout_ms = 5000;     ///< How long to wait for another writer's lock before errc::io_error (PostgreSQL: its lock_timeout).
    bool durable = true;            ///< Sync to disk at every commit (survives power loss, not only a crash; PostgreSQL: synchronous_commit).
    std::string vfs;                ///< An SQLite VFS by name ("" for the default), e.g. for an encrypting layer.
    /**
     * @brief Keys that seal the summary rows (see journal.hpp). When not
     * empty, every case read must be sealed with one of them, and every
     * append seals with the key named by seal_with.
     * @since 0.2.0
     */
    std::vector<sealing_key> keys;
    std::string seal_with;          ///< The id of the key new seals use ("" for the first of keys).
    /**
     * @brief Where the host keys of encrypted cases come from (see
     * encryption.hpp). When given, every new case must be encrypted (opened
     * with at_rest::encrypted); its own key is stored wrapped under the host
     * key `current`. Without it, an encrypted case can be neither appended
     * nor read (errc::key_error).
     * @since 0.3.0
     */
    std::optional<key_provider> encryption;
};

/** @brief One case as the store lists it. @since 0.1.0 */
struct case_summary {
    case_id id;                                ///< The case.
    sfcore::state state = state::referred;     ///< Where it is.
    sfcore::programme programme = programme::strengthening_families;  ///< Its programme.
    std::optional<practitioner_id> coordinator;  ///< Its coordinator, once assigned.
    std::uint64_t version = 0;                 ///< Entries stored.
    std::optional<sfcore::date> next_deadline; ///< The earliest pending deadline (see next_deadline()), by the writer's timeframes.
    journal_head head;                         ///< The stored journal's head.
};

/**
 * @brief How long a programme's closed cases are kept: the host sets the
 * values (its records authority's disposal schedule). @since 0.3.0
 */
struct retention_rule {
    sfcore::programme programme = programme::strengthening_families;  ///< The programme.
    int years_after_closure = 0;                                        ///< Years a closed case is kept (1-100).
};

/** @brief A closed case whose retention has ended, as case_store::due_for_disposal() finds it. @since 0.3.0 */
struct disposal_due {
    case_id id;                                                        ///< The case.
    sfcore::programme programme = programme::strengthening_families;  ///< Its programme.
    sfcore::date closed;                                               ///< When it was closed (New Zealand date).
    sfcore::date due;                                                  ///< When its retention ended.
    std::int32_t years = 0;                                            ///< The years its programme's rule keeps it.
    bool encrypted = false;  ///< It can be disposed of (case_store::dispose() destroys an encrypted case's key).
};

/** @brief A person's place in one case, as case_store::person_cases() finds it. @since 0.3.0 */
struct person_case {
    case_id id;                                ///< The case.
    member_id member;                          ///< The member the person is in it.
    sfcore::state state = state::referred;     ///< Where the case is.
    sfcore::programme programme = programme::strengthening_families;  ///< Its programme.
    instant referred;                          ///< When its referral was received.
    person_linked link;                        ///< The person's link in it (the key, and the national numbers recorded there).
    std::vector<member_version> history;       ///< Every version of the member's details in it, oldest first.
};

/** @brief A child related to another through a parent or caregiver they share, as case_store::siblings() finds them. @since 0.3.0 */
struct sibling {
    std::string key;         ///< The sibling's person key.
    case_id in_case;         ///< A case the sibling is a child or young person in.
    member_id member;        ///< The sibling's member in that case.
    sfcore::member details;  ///< Their details there, as they stand.
    std::string through;     ///< The person key of the parent or caregiver they share.
};

/** @brief One thing an access response tells the person. @since 0.3.0 */
struct access_item {
    case_id in_case;        ///< The case.
    std::uint64_t seq = 0;  ///< The journal entry it comes from.
    instant when;           ///< When.
    std::string heading;    ///< Its kind: "details", "consent to take part", "consent to share", "shared", "viewed", …
    std::string text;       ///< What it says, in plain language, about the person alone.
};

/** @brief Something an access response withholds, and the ground (Privacy Act 2020 ss 49-53). @since 0.3.0 */
struct access_withholding {
    case_id in_case;        ///< The case.
    std::uint64_t seq = 0;  ///< The entry withheld in part or whole.
    std::string ground;     ///< The ground, as the person is told it (it names no one).
};

/**
 * @brief The answer to a person's request for their information (Privacy Act
 * 2020, IPP 6), from every case they are a member of: see case_store::access_response().
 * @since 0.3.0
 */
struct access_response {
    std::string key;                           ///< The person.
    std::vector<person_case> cases;            ///< Their cases, each with their details' history there.
    std::vector<access_item> items;            ///< What is held about them, by case and entry.
    std::vector<access_withholding> withheld;  ///< What was withheld, with its ground.
    std::string markdown;                      ///< The whole answer as a Markdown document.
};

/** @brief A change to a case, as a PostgreSQL store announces it to those that follow it. @since 0.3.0 */
struct store_change {
    case_id id;                ///< The case.
    std::uint64_t version = 0; ///< How many entries the store holds for it now.
};

/** @brief The heads of a store's journals, as a host keeps them to find rollback later. @since 0.2.0 */
struct store_checkpoint {
    std::vector<std::pair<case_id, journal_head>> heads;  ///< One per case, by id.
};

/** @brief The result of verifying a whole store. @since 0.2.0 */
struct store_verification {
    std::uint64_t cases = 0;                                ///< How many cases were checked.
    std::vector<std::pair<case_id, std::string>> damaged;   ///< Each case that does not verify, and why.
    /** @brief True when every case verifies. @since 0.2.0 */
    explicit operator bool() const noexcept { return damaged.empty(); }
};

/** @brief Which cases to list: every given condition must hold. @since 0.1.0 */
struct case_query {
    std::optional<sfcore::state> state;            ///< In this state.
    std::optional<sfcore::programme> programme;    ///< In this programme.
    std::optional<practitioner_id> coordinator;    ///< With this coordinator.
    std::optional<sfcore::date> overdue_on;        ///< With something overdue on this date.
};

/**
 * @brief A case store in one SQLite file or one PostgreSQL database.
 * @since 0.1.0
 */
class case_store {
public:
    /**
     * @brief Open (or create) a store.
     * @param location a file path, or ":memory:" for a store that lives as
     *        long as the object, or `sqlite:` and either; or a PostgreSQL
     *        database (see the file's description).
     * @param options how to open it.
     * @throws sfcore::error errc::io_error (cannot open or create; cannot
     *         connect), errc::malformed (not an sfcore store),
     *         errc::unsupported_version (made by a newer sfcore),
     *         errc::needs_migration (a PostgreSQL database whose schema is
     *         older than this library's, or has none: see migrate()).
     * @since 0.1.0
     */
    explicit case_store(const std::string& location, store_options options = {});

    /**
     * @brief Bring a store's schema to this library's, when asked (a store is
     * never changed silently on open): a PostgreSQL database gets the tables
     * it lacks, each migration applied in order in one transaction, under the
     * server's advisory lock so two hosts migrating at once do not collide.
     * An SQLite file is made or converted when it is opened, so migrating it
     * opens it.
     * @return the schema version the store is at.
     * @throws sfcore::error errc::unsupported_version (the store is newer
     *         than this library), errc::io_error, errc::malformed.
     * @since 0.3.0
     */
    static int migrate(const std::string& location, const store_options& options = {});

    /** @brief "sqlite" or "postgresql". @since 0.3.0 */
    const char* backend() const noexcept;

    /**
     * @brief Where the store is, for messages and logs: the file's path, or the
     * database's host, port, name and user (never its password).
     * @since 0.3.0
     */
    const std::string& location() const noexcept;
    /** @brief Close the store. @since 0.1.0 */
    ~case_store();
    /** @brief Move. @since 0.1.0 */
    case_store(case_store&&) noexcept;
    /** @brief Move. @since 0.1.0 */
    case_store& operator=(case_store&&) noexcept;
    case_store(const case_store&) = delete;
    case_store& operator=(const case_store&) = delete;

    /**
     * @brief Append a case's new entries: those after the first
     * @p expected_version, which must be how many the store holds (and the
     * store's head must be the case's entry at that place). A new case is
     * appended with @p expected_version 0.
     * @return the head now stored: keep it to verify against later.
     * @throws sfcore::error errc::conflict (the store holds another number of
     *         entries, or different ones), errc::io_error (a full disk, an I/O
     *         error, a lock held too long), errc::integrity or errc::key_error
     *         (the stored summary does not verify); the store is then as it was.
     * @since 0.1.0
     */
    journal_head append(const case_file& c, std::uint64_t expected_version);

    /**
     * @brief Load a case: its journal, verified and replayed.
     * @throws sfcore::error errc::not_found, errc::integrity (the journal or
     *         its summary does not verify), errc::key_error, errc::malformed
     *         (a damaged row), errc::io_error; each names the case.
     * @since 0.1.0
     */
    case_file load(case_id id) const;

    /** @brief How many entries the store holds for a case (0 when it has none). @since 0.1.0 */
    std::uint64_t version(case_id id) const;

    /** @brief How many cases the store holds. @since 0.1.0 */
    std::uint64_t size() const;

    /**
     * @brief The cases that match a query, by id; each summary row's checksum
     * (or seal) is checked.
     * @throws sfcore::error errc::integrity, errc::key_error naming the case.
     * @since 0.1.0
     */
    std::vector<case_summary> list(const case_query& q = {}) const;

    /**
     * @brief Call @p visit with every case that matches a query, in id
     * order, read in one pass from one consistent snapshot (each case is
     * verified and replayed as by load()). @p visit returns false to stop early.
     * The store must not be used from @p visit.
     * @return how many cases were visited.
     * @throws sfcore::error as load(), after the cases before the damaged one
     *         were visited; and whatever @p visit throws.
     * @since 0.1.0
     */
    std::uint64_t for_each(const case_query& q, const std::function<bool(const case_file&)>& visit) const;

    /**
     * @brief Record an identified extract in every case of the store
     * (case_file::record_identified_extract()), then call @p visit with each
     * case as recorded, in id order: what a host does before it hands out an
     * identified table of the store (as sfcore.analysis does). Each case is
     * loaded, recorded and appended on its own; a case another writer moved
     * on meanwhile is loaded again (up to 8 times).
     * @param who who extracted them (not blank).
     * @param table which table.
     * @param purpose why (not blank).
     * @param visit called with each case after its entry is stored.
     * @return how many cases were recorded.
     * @throws sfcore::error as load() and append(): errc::conflict when a
     *         case kept changing; the cases before it keep their entries.
     * @since 0.3.0
     */
    std::uint64_t record_identified_extract(std::string_view who, std::string_view table, std::string_view purpose,
                                           const std::function<void(const case_file&)>& visit);

    /**
     * @brief Every case that matches a query, in id order, from one
     * consistent snapshot: for a report over a whole store (much faster
     * than one load() per case).
     * @throws sfcore::error as for_each().
     * @since 0.1.0
     */
    std::vector<case_file> load_all(const case_query& q = {}) const;

    /**
     * @brief Every case a person is a member of (a person_linked entry made
     * them one), by case id, each with their details' history there: a
     * family referred twice is two cases of the same person. Read from one
     * snapshot; each case is loaded and verified, and must hold the link
     * the store's index of persons names (verify() also finds an index row
     * that is missing or added).
     * @param key the host's key for the person (UTF-8, not blank).
     * @throws sfcore::error errc::invalid_argument (a bad key), errc::integrity
     *         (a case, or the index, does not verify), and as load().
     * @since 0.3.0
     */
    std::vector<person_case> person_cases(std::string_view key) const;

    /**
     * @brief The siblings of a child or young person across cases: every
     * other linked person who is a child or young person in a case where a
     * parent or caregiver of theirs (a linked person who is one in a case the
     * child is a child in) is a member. One entry per sibling and case, by
     * key and case; a sibling not linked to a person is not found.
     * @throws sfcore::error as person_cases().
     * @since 0.3.0
     */
    std::vector<sibling> siblings(std::string_view key) const;

    /**
     * @brief The answer to a person's access request (Privacy Act 2020,
     * IPP 6), from every case they are a member of: their details and every
     * version of them, statements of correction, their consents to take part
     * and to share (and withdrawals), confidential marks, every sharing of
     * their information (to whom, when, what, on which consent or under
     * which law, and who recorded a view), requests about them that were
     * declined, the meetings they attended, the plans' actions they do (and
     * each change of their status), the notices they were given, and their
     * access requests (with any extension) — as items and as Markdown.
     *
     * It never reveals another person: other members are never named; an
     * entry about them too is given for the person alone, with a withholding
     * under s 53 (another individual's affairs); free text written into the
     * person's records (a note, a statement, an action's words) that names
     * another member of the case — a word of any of their names, past or
     * present, that is not also a word of the person's own — is left out
     * with the same withholding; a child's views go only to the child; a
     * sharing the family was not told of is withheld under s 49.
     * Nothing is recorded: the host records access_answered, with the
     * withholdings' grounds, when it sends the answer.
     * @throws sfcore::error as person_cases().
     * @since 0.3.0
     */
    sfcore::access_response access_response(std::string_view key, const agency_directory& directory) const;

    /**
     * @brief The head of every case, to keep outside the store (the anchor
     * verify() checks against).
     * @throws sfcore::error as list().
     * @since 0.2.0
     */
    store_checkpoint checkpoint() const;

    /**
     * @brief Verify the file (SQLite's integrity check: its pages, and every
     * index against its table; PostgreSQL checks its own pages), every case (its chain, its summary, its
     * rules), and each head of a checkpoint the host kept: a case whose
     * journal no longer holds its kept head was rolled back or lost writes.
     * @return every damaged case by id, with why.
     * @throws sfcore::error errc::io_error, or errc::malformed when the file itself cannot be read.
     * @since 0.2.0
     */
    store_verification verify(const store_checkpoint* kept = nullptr) const;

    /**
     * @brief Seal every case's summary row again with the key named by
     * store_options::seal_with, after checking its seal under the key it
     * names: key rotation. One transaction.
     * @return how many cases were sealed.
     * @throws sfcore::error errc::key_error (no keys, or a row whose key is
     *         not given), errc::integrity.
     * @since 0.2.0
     */
    std::uint64_t reseal();
    /**
     * @brief Wrap the own key of every encrypted case that is not wrapped
     * under the host key store_options::encryption names as `current` again
     * under it, after opening it with the key it names: rotation of host
     * keys. The entries are not touched (their hash chain stays as it is).
     * One transaction.
     * @return how many case keys were wrapped again.
     * @throws sfcore::error errc::key_error (no key provider, or a host key it
     *         does not have or that does not open a case key), errc::integrity.
     * @since 0.3.0
     */
    std::uint64_t rewrap();

    /**
     * @brief The closed cases whose retention has ended by a date: closed at
     * least the years their programme's rule gives before @p on. A
     * programme without a rule is kept. Cases already disposed of are not listed.
     * @throws sfcore::error errc::invalid_argument (a rule out of 1-100
     *         years, or two for one programme), as for_each().
     * @since 0.3.0
     */
    std::vector<disposal_due> due_for_disposal(const std::vector<retention_rule>& rules, sfcore::date on) const;
    /**
     * @brief Dispose of an encrypted case whose retention has ended, by
     * crypto-shredding: its key is destroyed (overwritten in the store; an
     * SQLite store's write-ahead log is checkpointed and truncated), the index
     * of persons forgets it, and a case_disposed entry is appended, so the
     * journal's hash chain still verifies over the sealed entries (anchors,
     * counts and verify() survive; the content is gone). From then on load()
     * gives errc::disposed and whole-store reads skip it. One transaction.
     * On PostgreSQL the overwritten key's old row version stays in the table's
     * files until VACUUM reclaims it: run VACUUM FULL case_keys after disposals.
     * @return the journal's new head.
     * @throws sfcore::error errc::invalid_argument (not closed, not due by the
     *         rule, no rule for its programme, not encrypted, a blank @p who),
     *         errc::disposed (already), errc::conflict (another writer appended first), as load().
     * @since 0.3.0
     */
    journal_head dispose(case_id id, const std::vector<retention_rule>& rules, sfcore::date on, std::string_view who);

    /**
     * @brief Save the agency directory (replacing the one stored). @throws sfcore::error errc::io_error.
     * @since 0.1.0
     */
    void put_directory(const agency_directory& d);

    /** @brief The stored agency directory. @throws sfcore::error errc::not_found when none was saved. @since 0.1.0 */
    agency_directory directory() const;

    /**
     * @brief Start following the store's changes: from now on, every append
     * that commits (from any host) is announced to next_change(). PostgreSQL
     * only (LISTEN/NOTIFY).
     * @throws sfcore::error errc::invalid_argument (an SQLite store), errc::io_error.
     * @since 0.3.0
     */
    void follow();

    /**
     * @brief The next change announced since follow(), waiting up to
     * @p timeout_ms milliseconds (0: only one already here); nothing when none came.
     * A notice says which case changed; load() it to see how.
     * @throws sfcore::error errc::invalid_argument (before follow(), or an
     *         SQLite store), errc::io_error (the connection was lost: follow() again).
     * @since 0.3.0
     */
    std::optional<store_change> next_change(int timeout_ms);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/**
 * @brief One of the analysts' tables (analysis.hpp) of every case in a
 * store, in id order. An identified table (options.identified_by) first
 * records an identified extract in each case it reads
 * (case_store::record_identified_extract()); a de-identified one records
 * nothing.
 * @param store the store.
 * @param name the table: one of analysis_table_names().
 * @param directory names the agencies and practitioners.
 * @param options the calendar, timeframes, and who asks and why for an identified table.
 * @throws sfcore::error as table_builder() and case_store::for_each().
 * @since 0.3.0
 */
analysis_table make_table(case_store& store, std::string_view name, const agency_directory& directory,
                          const table_options& options = {});

} // namespace sfcore
