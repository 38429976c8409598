/**
 * @file journal.hpp
 * @brief What makes a case's journal tamper-evident: its hash chain, its
 * head, keyed seals, and the clock that stamps each entry.
 *
 * **The chain.** Every entry is hashed in full: SHA-256 over the hash of the
 * entry before it and a canonical, length-prefixed binary encoding of every
 * field of the entry (its sequence number, both instants, who recorded it and
 * every field of its payload). The first entry chains from a hash of the
 * case's id, so a journal cannot be passed off as another case's. A journal
 * is verified whenever it is loaded (from a store or an archive).
 *
 * **What is detected** (the threat model):
 * - *with nothing kept*: any change to an entry that is not followed by
 *   recomputing every later hash (damage, a careless edit), a reordering,
 *   an entry moved from another case. Not detected: dropping the last
 *   entries, rolling back to an earlier copy, or rewriting the whole journal
 *   and recomputing its chain — whoever can write the bytes can do that.
 * - *with an anchor* (a journal_head the host kept, e.g. from
 *   case_store::append()): also truncation, rollback (an earlier copy of a
 *   store, a dropped write-ahead-log frame) and any rewrite of the entries up
 *   to the anchor — verify(expected) fails.
 * - *with a key* (sealing_key: the host supplies it and sfcore never stores
 *   it): a store's summary rows and an archive's frame carry an
 *   HMAC-SHA-256 seal over the journal's head, so whoever can write the file
 *   but does not hold the key cannot produce a rewritten journal that loads.
 *   A key does not detect a rollback to an earlier sealed state: keep an
 *   anchor for that.
 * @since 0.2.0
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/ids.hpp"
#include "sfcore/sha256.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief The head of a journal: how many entries, and the hash of the last (of the case's id when empty). @since 0.2.0 */
struct journal_head {
    std::uint64_t seq = 0;  ///< The number of entries.
    digest hash{};          ///< The hash of entry `seq`.

    /** @brief Equality. @since 0.2.0 */
    friend bool operator==(const journal_head& a, const journal_head& b) noexcept {
        return a.seq == b.seq && a.hash == b.hash;
    }
    /** @brief Inequality. @since 0.2.0 */
    friend bool operator!=(const journal_head& a, const journal_head& b) noexcept { return !(a == b); }
};

/** @brief The result of verifying a journal. @since 0.2.0 */
struct journal_verification {
    bool ok = true;               ///< The journal verifies.
    std::uint64_t first_bad = 0;  ///< The first entry that does not verify (0 when ok, or when the whole journal is short of an anchor).
    std::string reason;           ///< Why, for a person to read ("" when ok).

    /** @brief True when the journal verifies. @since 0.2.0 */
    explicit operator bool() const noexcept { return ok; }
};

/**
 * @brief A key for sealing: an id the seals name and a secret (at least 16
 * bytes) the host keeps. sfcore never stores a secret; it stores the id.
 * @since 0.2.0
 */
struct sealing_key {
    std::string id;                   ///< The key's id: 1-64 bytes of printable ASCII.
    std::vector<std::uint8_t> secret; ///< The secret: at least 16 bytes.
};

/**
 * @brief Check a key: its id and its secret's length.
 * @throws sfcore::error errc::key_error.
 * @since 0.2.0
 */
void check_key(const sealing_key& key);

/**
 * @brief The key with an id in a keyring, or nullptr.
 * @since 0.2.0
 */
const sealing_key* find_key(const std::vector<sealing_key>& keys, std::string_view id) noexcept;

/** @brief HMAC-SHA-256 (RFC 2104) of some bytes under a secret. @since 0.2.0 */
digest hmac_sha256(const std::vector<std::uint8_t>& secret, const void* data, std::size_t size);

/**
 * @brief The seal of a journal's head under a key: HMAC-SHA-256 over the
 * case's id and the head. A host may keep it with the head as a signed anchor.
 * @since 0.2.0
 */
digest seal_of(case_id id, const journal_head& head, const sealing_key& key);

/**
 * @brief The hash a journal starts from: SHA-256 of a fixed label and the
 * case's id (the head of an empty journal).
 * @since 0.2.0
 */
digest journal_genesis(case_id id);

/**
 * @brief A clock: the current instant (UTC). Called with the context it was set with.
 * @since 0.2.0
 */
using clock_function = instant (*)(void* context);

/**
 * @brief Set the clock that stamps journal entries (event::recorded), for
 * every case of the process; nullptr restores the system clock. A journal's
 * stamps never go backwards, whatever the clock says. Set it before cases
 * are used from other threads (tests fix it; hosts rarely need to).
 * @since 0.2.0
 */
void set_clock(clock_function f, void* context = nullptr) noexcept;

/** @brief The current instant by the library's clock, to the microsecond. @since 0.2.0 */
instant clock_now();

} // namespace sfcore
