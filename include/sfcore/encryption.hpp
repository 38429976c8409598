/**
 * @file encryption.hpp
 * @brief Encryption at rest: which cases are encrypted, and the host keys
 * their own keys are kept under.
 *
 * An encrypted case (opened with at_rest::encrypted) has a key of its own,
 * 32 random bytes made when it is opened. Every entry of its journal is
 * stored sealed with AES-256-GCM (libsodium, or OpenSSL on a CPU without
 * AES-NI) under that key — XChaCha20-Poly1305 for a case opened before
 * AES-256-GCM became the cipher, which keeps it: only the entry's number,
 * its recorded instant and its hash are readable without it. The journal's hash chain is over the sealed bytes, so it verifies
 * without the key (store verify(), anchors, counts).
 *
 * A case key is never stored as it is: a store keeps it wrapped under a
 * host key that a key_provider supplies by id, and records that id. Host
 * keys can be rotated (case_store::rewrap()); a missing or wrong host key is
 * errc::key_error, never garbage.
 * @since 0.3.0
 */
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sfcore {

/** @brief How a case is kept at rest. @since 0.3.0 */
enum class at_rest : std::uint8_t {
    plain = 0,      ///< Its entries are stored as they are.
    encrypted = 1,  ///< Its entries are stored sealed under a key of its own.
};

/**
 * @brief Where a store's host keys come from: a callback the host supplies,
 * which may fetch keys from a key service. sfcore calls it on the thread
 * that called the store, caches what it returns for the store's life and
 * never writes a host key anywhere.
 * @since 0.3.0
 */
struct key_provider {
    /**
     * @brief The host key with an id: exactly 32 bytes, or empty when the
     * host has no key of that id. May throw; the store passes the exception on.
     * @since 0.3.0
     */
    std::function<std::vector<std::uint8_t>(const std::string& id)> key;
    /** @brief The id of the host key new case keys are wrapped under (1-64 bytes of printable ASCII). @since 0.3.0 */
    std::string current;
};

} // namespace sfcore
