// One journal entry in the canonical form (see walker.hpp): what a store row
// holds, and what the hash chain hashes. Its last 32 bytes are its hash; the
// hash is SHA-256 over the hash of the entry before and every byte before them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sfcore/archive.hpp"

namespace sfcore::detail {

/** Append an entry's canonical bytes to @p out. */
void encode_entry(bytes& out, const event& e);
/** An entry's canonical bytes. */
bytes encode_entry(const event& e);
/**
 * An entry from its canonical bytes (the form sfcore 0.2 writes, or an
 * sfcore 0.1 event row, which has no seq, recorded instant or hash).
 * @throws sfcore::error errc::malformed, errc::unsupported_version.
 */
event decode_entry(const std::uint8_t* data, std::size_t size);
/** True when @p data holds an sfcore 0.1 event (its first byte is layout version 1). */
bool is_v1_entry(const std::uint8_t* data, std::size_t size) noexcept;
/** The hash of an entry, chained after @p prev: its canonical bytes encoded and hashed, on the stack. */
digest entry_hash(const digest& prev, const event& e);
/**
 * entry_hash() of an entry whose payload is a disclosure_decided (the audited
 * decision's path: the payload walked directly, not through the variant).
 * @throws std::bad_variant_access for any other payload.
 */
digest decision_entry_hash(const digest& prev, const event& e);
/** The hash of the entry whose canonical bytes are @p data, chained after @p prev. */
digest chain_hash(const digest& prev, const std::uint8_t* data, std::size_t size) noexcept;

} // namespace sfcore::detail
