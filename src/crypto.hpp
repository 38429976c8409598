// Encryption at rest (libsodium; OpenSSL for AES-256-GCM where libsodium
// has none): a case's own key, wrapped under a key the host supplies, and
// the sealed form of an entry.
//
// - A case key is 32 random bytes, made when an encrypted case is opened.
//   It is kept only wrapped: XChaCha20-Poly1305 under a host key
//   (key_provider), with the case's id and the host key's id as associated
//   data, so a wrapped key cannot be moved to another case or another id.
// - An entry of an encrypted case is sealed under the case key with its
//   case's cipher, named by the entry's layout byte: AES-256-GCM (layout 4,
//   every case opened now) or XChaCha20-Poly1305 (layout 3, which cases
//   opened earlier keep). Its nonce is synthetic: a keyed BLAKE2b hash of the
//   associated data and the plaintext, so an entry seals to the same bytes
//   every time (the hash chain is over the sealed bytes, and a case in
//   memory recomputes it) and a nonce repeats only with its plaintext.
// - AES-256-GCM runs on libsodium where the CPU has AES-NI and CLMUL (its
//   key schedule made once per case key), else on OpenSSL's EVP, which
//   gives the same bytes on any CPU.
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
inline constexpr std::size_t nonce_size = 24;  // XChaCha20-Poly1305's: a wrapped key's, a layout-3 entry's
inline constexpr std::size_t tag_size = 16;
/** The size of a wrapped case key: nonce, sealed key, tag. */
inline constexpr std::size_t wrapped_key_size = nonce_size + key_size + tag_size;

using key_bytes = std::array<std::uint8_t, key_size>;

/** The cipher a case's entries are sealed with; its value is their layout byte. */
enum class entry_cipher : std::uint8_t {
    xchacha20poly1305 = 3,  ///< cases opened before layout 4 keep it
    aes256gcm = 4,          ///< every case opened now
};

/** The nonce size of an entry sealed with @p c: 24 bytes for XChaCha20-Poly1305, 12 for AES-256-GCM. */
constexpr std::size_t entry_nonce_size(entry_cipher c) noexcept { return c == entry_cipher::aes256gcm ? 12 : nonce_size; }

/** The cipher's name, as errors give it: "AES-256-GCM" or "XChaCha20-Poly1305". */
constexpr const char* cipher_name(entry_cipher c) noexcept { return c == entry_cipher::aes256gcm ? "AES-256-GCM" : "XChaCha20-Poly1305"; }

/** A case's own key (in memory only), and the cipher its entries are sealed with. */
struct case_secret {
    case_id id;
    entry_cipher cipher;
    key_bytes key{};
    key_bytes nonce_key{};  // derived from key: the synthetic nonces' key
    // libsodium's AES-256-GCM key schedule (a crypto_aead_aes256gcm_state), made once when the CPU has
    // AES-NI and CLMUL; else AES-256-GCM runs on OpenSSL.
    alignas(16) std::array<std::uint8_t, 512> aes{};
    bool aes_ready = false;

    case_secret(case_id for_case, const key_bytes& k, entry_cipher c = entry_cipher::aes256gcm);
    ~case_secret();
    case_secret(const case_secret&) = delete;
    case_secret& operator=(const case_secret&) = delete;

    /** A new random key for a case, sealing with AES-256-GCM. */
    static std::shared_ptr<const case_secret> make(case_id id);

    /** The same key sealing with @p c (a case's cipher is its first entry's). */
    std::shared_ptr<const case_secret> with_cipher(entry_cipher c) const;
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

/**
 * Seal @p plain with associated data @p ad (@p ad_size bytes) under the case's cipher: writes the nonce
 * (entry_nonce_size() bytes) then the ciphertext and tag to @p out.
 */
void seal(bytes& out, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* plain, std::size_t size);

/**
 * Open what seal() wrote into @p plain (room for size - tag_size bytes). Returns false when it does not open (a
 * wrong key or changed bytes). Its nonce is not checked to be the synthetic one (see open_sealed() in crypto.cpp).
 */
bool open_sealed(std::uint8_t* plain, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* nonce,
                 const std::uint8_t* sealed, std::size_t size);

/**
 * AES-256-GCM on OpenSSL, as seal() and open_sealed() run it where libsodium has none (a 12-byte nonce, the
 * tag after the ciphertext): OpenSSL's and libsodium's bytes are the same.
 */
void aes256gcm_seal_openssl(std::uint8_t* sealed, const key_bytes& key, const std::uint8_t* nonce, const std::uint8_t* ad,
                            std::size_t ad_size, const std::uint8_t* plain, std::size_t size);

/** Open what aes256gcm_seal_openssl() (or libsodium's AES-256-GCM) sealed; false when it does not open. */
bool aes256gcm_open_openssl(std::uint8_t* plain, const key_bytes& key, const std::uint8_t* nonce, const std::uint8_t* ad,
                            std::size_t ad_size, const std::uint8_t* sealed, std::size_t size);

} // namespace sfcore::detail
