// One journal entry in the canonical form (see walker.hpp): what a store row
// holds, and what the hash chain hashes. Its last 32 bytes are its hash; the
// hash is SHA-256 over the hash of the entry before and every byte before them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sfcore/archive.hpp"

namespace sfcore::detail {

struct case_secret;
enum class entry_cipher : std::uint8_t;

/** Append an entry's canonical bytes to @p out. */
void encode_entry(bytes& out, const event& e, const case_secret* s = nullptr);
/** An entry's canonical bytes (sealed with its case's cipher, layout 4 or 3, when @p s is the key of its encrypted case). */
bytes encode_entry(const event& e, const case_secret* s = nullptr);
/**
 * An entry from its canonical bytes (the form sfcore 0.2 writes, or an
 * sfcore 0.1 event row, which has no seq, recorded instant or hash), opened
 * with @p s when it is sealed.
 * @throws sfcore::error errc::malformed, errc::unsupported_version;
 *         errc::key_error for a sealed entry without its key or that does not open with it;
 *         errc::integrity for a sealed entry of another cipher than @p s seals with.
 */
event decode_entry(const std::uint8_t* data, std::size_t size, const case_secret* s = nullptr);
/** True when @p data holds an sfcore 0.1 event (its first byte is layout version 1). */
bool is_v1_entry(const std::uint8_t* data, std::size_t size) noexcept;
/** True when @p data holds a sealed entry of an encrypted case (layout 3 or 4). */
bool is_sealed_entry(const std::uint8_t* data, std::size_t size) noexcept;
/** The cipher a sealed entry (is_sealed_entry()) was sealed with: its layout byte. */
entry_cipher sealed_cipher(const std::uint8_t* data) noexcept;
/** The hash of an entry, chained after @p prev: its canonical bytes encoded and hashed, on the stack. */
digest entry_hash(const digest& prev, const event& e, const case_secret* s = nullptr);
/**
 * entry_hash() of an entry whose payload is a disclosure_decided (the audited
 * decision's path: the payload walked directly, not through the variant).
 * @throws std::bad_variant_access for any other payload.
 */
digest decision_entry_hash(const digest& prev, const event& e, const case_secret* s = nullptr);
/** The hash of the entry whose canonical bytes are @p data, chained after @p prev. */
digest chain_hash(const digest& prev, const std::uint8_t* data, std::size_t size) noexcept;

} // namespace sfcore::detail
