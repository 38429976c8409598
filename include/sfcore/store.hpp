/**
 * @file store.hpp
 * @brief The case store: cases kept in an SQLite file (WAL mode), appended
 * event by event with optimistic concurrency, listed and queried.
 *
 * The store keeps each case's events (one row each, in the archive's
 * binary encoding), a summary row per case for queries (state, programme,
 * coordinator, next deadline), each case's disclosure ledger as an archive,
 * and the agency directory. Every change is one transaction: it is all
 * there after a crash or a failed write, or none of it is. Several
 * processes and threads may open the same file; an append names the version
 * it expects, and a writer that is behind gets errc::conflict and changes
 * nothing.
 *
 * A case_store object must not be used from two threads at once; open one
 * per thread (they share the file safely).
 * @since 0.1.0
 */
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"
#include "sfcore/disclosure.hpp"
#include "sfcore/timeliness.hpp"

namespace sfcore {

/** @brief How a store is opened. @since 0.1.0 */
struct store_options {
    holiday_calendar calendar;  ///< The calendar deadlines are counted in.
    sfcore::timeframes timeframes;  ///< The deadlines the overdue query uses.
    int busy_timeout_ms = 5000;     ///< How long to wait for another writer's lock before errc::io_error.
    bool durable = true;            ///< Sync to disk at every commit (survives power loss, not only a crash).
    std::string vfs;                ///< An SQLite VFS by name ("" for the default), e.g. for an encrypting layer.
};

/** @brief One case as the store lists it. @since 0.1.0 */
struct case_summary {
    case_id id;                                ///< The case.
    sfcore::state state = state::referred;     ///< Where it is.
    sfcore::programme programme = programme::strengthening_families;  ///< Its programme.
    std::optional<practitioner_id> coordinator;  ///< Its coordinator, once assigned.
    std::uint64_t version = 0;                 ///< Events stored.
    std::optional<sfcore::date> next_deadline; ///< The earliest pending deadline (see next_deadline()).
};

/** @brief Which cases to list: every given condition must hold. @since 0.1.0 */
struct case_query {
    std::optional<sfcore::state> state;            ///< In this state.
    std::optional<sfcore::programme> programme;    ///< In this programme.
    std::optional<practitioner_id> coordinator;    ///< With this coordinator.
    std::optional<sfcore::date> overdue_on;        ///< With something overdue on this date.
};

/**
 * @brief A case store in one SQLite file.
 * @since 0.1.0
 */
class case_store {
public:
    /**
     * @brief Open (or create) a store.
     * @param path a file path, or ":memory:" for a store that lives as long as the object.
     * @param options how to open it.
     * @throws sfcore::error errc::io_error (cannot open or create), errc::malformed
     *         (not an sfcore store), errc::unsupported_version (made by a newer sfcore).
     * @since 0.1.0
     */
    explicit case_store(const std::string& path, store_options options = {});
    /** @brief Close the store. @since 0.1.0 */
    ~case_store();
    /** @brief Move. @since 0.1.0 */
    case_store(case_store&&) noexcept;
    /** @brief Move. @since 0.1.0 */
    case_store& operator=(case_store&&) noexcept;
    case_store(const case_store&) = delete;
    case_store& operator=(const case_store&) = delete;

    /**
     * @brief Append a case's new events: those after the first
     * @p expected_version, which must be how many the store holds.
     * A new case is appended with @p expected_version 0.
     * @return the version now stored (the case's journal size).
     * @throws sfcore::error errc::conflict (the store holds another number of
     *         events, or different ones), errc::io_error (a full disk, an I/O
     *         error, a lock held too long); the store is then as it was.
     * @since 0.1.0
     */
    std::uint64_t append(const case_file& c, std::uint64_t expected_version);

    /**
     * @brief Load a case: its events, replayed.
     * @throws sfcore::error errc::not_found, errc::malformed (a damaged row), errc::io_error.
     * @since 0.1.0
     */
    case_file load(case_id id) const;

    /** @brief How many events the store holds for a case (0 when it has none). @since 0.1.0 */
    std::uint64_t version(case_id id) const;

    /** @brief How many cases the store holds. @since 0.1.0 */
    std::uint64_t size() const;

    /** @brief The cases that match a query, by id. @since 0.1.0 */
    std::vector<case_summary> list(const case_query& q = {}) const;

    /**
     * @brief Call @p visit with every case that matches a query, in id
     * order, read in one pass from one consistent snapshot (each case is
     * replayed as by load()). @p visit returns false to stop early.
     * The store must not be used from @p visit.
     * @return how many cases were visited.
     * @throws sfcore::error errc::malformed (a damaged row), errc::io_error;
     *         and whatever @p visit throws.
     * @since 0.1.0
     */
    std::uint64_t for_each(const case_query& q, const std::function<bool(const case_file&)>& visit) const;

    /**
     * @brief Every case that matches a query, in id order, from one
     * consistent snapshot: for a report over a whole store (much faster
     * than one load() per case).
     * @throws sfcore::error as for_each().
     * @since 0.1.0
     */
    std::vector<case_file> load_all(const case_query& q = {}) const;

    /**
     * @brief Save a case's disclosure ledger. @p expected_version is the
     * number of audit entries the stored ledger has (0 for none): the
     * ledger only grows, so a writer that is behind gets errc::conflict.
     * @throws sfcore::error errc::not_found (no such case), errc::conflict, errc::io_error.
     * @since 0.1.0
     */
    void put_ledger(case_id id, const disclosure_ledger& l, std::uint64_t expected_version);

    /** @brief The number of audit entries of the stored ledger (0 for none). @since 0.1.0 */
    std::uint64_t ledger_version(case_id id) const;

    /**
     * @brief Load a case's disclosure ledger.
     * @throws sfcore::error errc::not_found, and as load_ledger().
     * @since 0.1.0
     */
    disclosure_ledger load_ledger(case_id id, const case_file& c, const agency_directory& directory) const;

    /**
     * @brief Save the agency directory (replacing the one stored). @throws sfcore::error errc::io_error.
     * @since 0.1.0
     */
    void put_directory(const agency_directory& d);

    /** @brief The stored agency directory. @throws sfcore::error errc::not_found when none was saved. @since 0.1.0 */
    agency_directory directory() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace sfcore
