/**
 * @file audit.hpp
 * @brief A tamper-evident audit log: every entry is chained to the one before
 * by SHA-256, so a change, a deletion or a reordering is detected.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <deque>
#include <vector>

#include "sfcore/enums.hpp"
#include "sfcore/sha256.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

namespace detail {
struct archive_access;
} // namespace detail

/** @brief One entry of the audit log. @since 0.1.0 */
struct audit_entry {
    std::uint64_t seq = 0;   ///< 1, 2, 3, … in order.
    instant at;              ///< When (UTC).
    audit_kind kind = audit_kind::decision;  ///< What kind of act.
    std::string actor;       ///< Who did it (the host's user id).
    std::string text;        ///< What, in a canonical one-line form (UTF-8).
    digest prev{};           ///< The hash of the entry before (zeros for the first).
    digest hash{};           ///< SHA-256 over prev and this entry's fields.
};

/** @brief The result of verifying a log. @since 0.1.0 */
struct audit_verification {
    bool ok = true;                ///< The chain is intact.
    std::uint64_t first_bad = 0;   ///< The first entry that does not verify (0 when ok).
    std::string reason;            ///< Why, for a person to read.
};

/**
 * @brief An append-only, hash-chained log.
 *
 * The log is saved as text (to_text(), one entry a line, tab-separated,
 * with the hashes in hex) and read back with from_text(), which checks the
 * form; verify() checks the chain.
 * @since 0.1.0
 */
class audit_log {
public:
    /**
     * @brief Append an entry.
     * @throws sfcore::error errc::invalid_utf8 (actor, text); errc::invalid_argument
     *         (blank actor; an instant earlier than the last entry's).
     * @since 0.1.0
     */
    const audit_entry& append(instant at, audit_kind kind, std::string_view actor, std::string_view text);
    /**
     * @brief As append(instant, audit_kind, std::string_view, std::string_view),
     * taking the text without copying it.
     * @throws sfcore::error as that append().
     * @since 0.1.0
     */
    const audit_entry& append_owned(instant at, audit_kind kind, std::string_view actor, std::string&& text);

    /** @brief Every entry, oldest first (appending never moves an entry already written). @since 0.1.0 */
    const std::deque<audit_entry>& entries() const noexcept { return entries_; }

    /** @brief Recompute the chain: detects any change, deletion or reordering. @since 0.1.0 */
    audit_verification verify() const;

    /** @brief The entries of one kind by one actor ("" for any actor): the access log. @since 0.1.0 */
    std::vector<audit_entry> by(audit_kind kind, std::string_view actor = {}) const;

    /** @brief The log as text: one line an entry. @since 0.1.0 */
    std::string to_text() const;

    /**
     * @brief Read a log saved by to_text(). The chain is not checked: call verify().
     * @throws sfcore::error errc::malformed when the text is not such a log.
     * @since 0.1.0
     */
    static audit_log from_text(std::string_view text);

    /** @brief The hash an entry must have, from its fields and the hash before it. @since 0.1.0 */
    static digest hash_of(const audit_entry& e);

private:
    friend struct detail::archive_access;
    std::deque<audit_entry> entries_;  // grows without moving what is written
};

} // namespace sfcore
