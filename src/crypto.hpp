// Encryption at rest (libsodium): a case's own key, wrapped under a key the
// host supplies, and the sealed form of an entry.
//
// - A case key is 32 random bytes, made when an encrypted case is opened.
//   It is kept only wrapped: XChaCha20-Poly1305 under a host key
//   (key_provider), with the case's id and the host key's id as associated
//   data, so a wrapped key cannot be moved to another case or another id.
// - An entry of an encrypted case is sealed with XChaCha20-Poly1305 under
//   the case key. Its nonce is synthetic: a keyed BLAKE2b hash of the
//   associated data and the plaintext, so an entry seals to the same bytes
//   every time (the hash chain is over the sealed bytes, and a case in
//   memory recomputes it) and a nonce repeats only with its plaintext.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/archive.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/encryption.hpp"

namespace sfcore::detail {

inline constexpr std::size_t key_size = 32;
inline constexpr std::size_t nonce_size = 24;
inline constexpr std::size_t tag_size = 16;
/** The size of a wrapped case key: nonce, sealed key, tag. */
inline constexpr std::size_t wrapped_key_size = nonce_size + key_size + tag_size;

using key_bytes = std::array<std::uint8_t, key_size>;

/** A case's own key (in memory only). */
struct case_secret {
    case_id id;
    key_bytes key{};
    key_bytes nonce_key{};  // derived from key: the synthetic nonces' key

    case_secret(case_id for_case, const key_bytes& k);
    ~case_secret();
    case_secret(const case_secret&) = delete;
    case_secret& operator=(const case_secret&) = delete;

    /** A new random key for a case. */
    static std::shared_ptr<const case_secret> make(case_id id);
};

/** Overwrite a key in memory with zeros. */
void wipe(key_bytes& k) noexcept;

/** Check a key id: 1-64 bytes of printable ASCII. @throws error errc::key_error naming @p what. */
void check_key_id(const std::string& id, const char* what);

/** A host key as a provider gave it, checked: exactly 32 bytes. @throws error errc::key_error. */
key_bytes host_key(const key_provider& provider, const std::string& id);

/** A case key wrapped under a host key (wrapped_key_size bytes). */
bytes wrap_key(const case_secret& s, const key_bytes& host, std::string_view host_id);

/**
 * A case key unwrapped.
 * @throws error errc::key_error when the wrapped key does not open under the host key (a wrong key), errc::integrity when it is not wrapped_key_size bytes.
 */
std::shared_ptr<const case_secret> unwrap_key(case_id id, const std::uint8_t* wrapped, std::size_t size, const key_bytes& host,
                                              std::string_view host_id);

/** wrap_key() under the host key @p keys names as current, asked of it now and wiped after. @throws error errc::key_error. */
bytes wrap_key(const case_secret& s, const key_provider& keys);

/** unwrap_key() with the host key @p host_id, asked of @p provider now and wiped after. */
std::shared_ptr<const case_secret> unwrap_key(case_id id, const std::uint8_t* wrapped, std::size_t size, const key_provider& provider,
                                              const std::string& host_id);

/** Seal @p plain with associated data @p ad (@p ad_size bytes): writes the nonce then the ciphertext and tag to @p out. */
void seal(bytes& out, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* plain, std::size_t size);

/**
 * Open what seal() wrote into @p plain (room for size - tag_size bytes). Returns false when it does not open (a
 * wrong key or changed bytes). Its nonce is not checked to be the synthetic one (see open_sealed() in crypto.cpp).
 */
bool open_sealed(std::uint8_t* plain, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* nonce,
                 const std::uint8_t* sealed, std::size_t size);

} // namespace sfcore::detail
