// Encryption at rest with libsodium, and OpenSSL's AES-256-GCM where libsodium has none (see crypto.hpp).
#include "crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <limits>

#include "sfcore/error.hpp"

namespace sfcore::detail {

namespace {

void ready() {
    static const int initialised = sodium_init();  // thread-safe once, as a static
    if (initialised < 0) throw error(errc::internal, "libsodium could not be initialised");
}

void put_u64(bytes& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

bytes wrap_ad(case_id id, std::string_view host_id) {
    static constexpr char label[16] = {'s', 'f', 'c', 'o', 'r', 'e', ' ', 'c', 'a', 's', 'e', ' ', 'k', 'e', 'y', '1'};
    bytes ad(label, label + sizeof label);
    put_u64(ad, id.value());
    ad.insert(ad.end(), host_id.begin(), host_id.end());
    return ad;
}

std::string case_name(case_id id) { return "case " + std::to_string(id.value()); }

} // namespace

void wipe(key_bytes& k) noexcept { sodium_memzero(k.data(), k.size()); }

static_assert(sizeof(crypto_aead_aes256gcm_state) <= sizeof(case_secret::aes), "room for libsodium's AES-256-GCM state");
static_assert(alignof(crypto_aead_aes256gcm_state) <= 16, "libsodium's AES-256-GCM state is 16-byte aligned");

case_secret::case_secret(case_id for_case, const key_bytes& k, entry_cipher c) : id(for_case), cipher(c), key(k) {
    ready();
    static constexpr char label[] = "sfcore entry nonce key";
    crypto_generichash(nonce_key.data(), nonce_key.size(), reinterpret_cast<const unsigned char*>(label), sizeof label - 1,
                       key.data(), key.size());
    if (cipher == entry_cipher::aes256gcm && crypto_aead_aes256gcm_is_available()) {
        crypto_aead_aes256gcm_beforenm(reinterpret_cast<crypto_aead_aes256gcm_state*>(aes.data()), key.data());
        aes_ready = true;
    }
}

case_secret::~case_secret() {
    wipe(key);
    wipe(nonce_key);
    sodium_memzero(aes.data(), aes.size());
}

std::shared_ptr<const case_secret> case_secret::with_cipher(entry_cipher c) const { return std::make_shared<const case_secret>(id, key, c); }

std::shared_ptr<const case_secret> case_secret::make(case_id id) {
    ready();
    key_bytes k;
    randombytes_buf(k.data(), k.size());
    auto s = std::make_shared<const case_secret>(id, k);
    wipe(k);
    return s;
}

void check_key_id(const std::string& id, const char* what) {
    const bool printable = std::all_of(id.begin(), id.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
    if (id.empty() || id.size() > 64 || !printable) throw error(errc::key_error, std::string(what) + " is 1-64 bytes of printable ASCII");
}

key_bytes host_key(const key_provider& provider, const std::string& id) {
    if (!provider.key) throw error(errc::key_error, "the key provider has no function to call");
    std::vector<std::uint8_t> k = provider.key(id);
    if (k.empty()) throw error(errc::key_error, "the key provider has no key \"" + id + "\"");
    if (k.size() != key_size) {
        sodium_memzero(k.data(), k.size());
        throw error(errc::key_error, "the key provider's key \"" + id + "\" is " + std::to_string(k.size()) +
                                         " bytes; a host key is exactly 32");
    }
    key_bytes out;
    std::memcpy(out.data(), k.data(), key_size);
    sodium_memzero(k.data(), k.size());
    return out;
}

bytes wrap_key(const case_secret& s, const key_bytes& host, std::string_view host_id) {
    ready();
    const bytes ad = wrap_ad(s.id, host_id);
    bytes out(wrapped_key_size);
    randombytes_buf(out.data(), nonce_size);  // random: a case key is wrapped again at every rotation
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + nonce_size, nullptr, s.key.data(), key_size, ad.data(), ad.size(),
                                               nullptr, out.data(), host.data());
    return out;
}

std::shared_ptr<const case_secret> unwrap_key(case_id id, const std::uint8_t* wrapped, std::size_t size, const key_bytes& host,
                                              std::string_view host_id) {
    ready();
    if (size != wrapped_key_size) throw error(errc::integrity, case_name(id) + ": its wrapped key is damaged");
    const bytes ad = wrap_ad(id, host_id);
    key_bytes k;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(k.data(), nullptr, nullptr, wrapped + nonce_size, key_size + tag_size, ad.data(),
                                                   ad.size(), wrapped, host.data()) != 0)
        throw error(errc::key_error, case_name(id) + ": its key does not open with host key \"" + std::string(host_id) +
                                         "\": that key is wrong, or the wrapped key was changed");
    auto s = std::make_shared<const case_secret>(id, k);
    wipe(k);
    return s;
}

namespace {

// A host key asked of a provider, wiped when it goes.
struct held_key {
    key_bytes k;
    ~held_key() { wipe(k); }
};

} // namespace

bytes wrap_key(const case_secret& s, const key_provider& keys) {
    check_key_id(keys.current, "a key provider's current id");
    const held_key host{host_key(keys, keys.current)};
    return wrap_key(s, host.k, keys.current);
}

std::shared_ptr<const case_secret> unwrap_key(case_id id, const std::uint8_t* wrapped, std::size_t size, const key_provider& provider,
                                              const std::string& host_id) {
    const held_key host{host_key(provider, host_id)};
    return unwrap_key(id, wrapped, size, host.k, host_id);
}

namespace {

// The synthetic nonce: a keyed BLAKE2b hash of the associated data's length, the associated data and the
// plaintext, cut to the cipher's nonce size (BLAKE2b gives at least 16 bytes).
void synthetic_nonce(std::uint8_t* nonce, std::size_t size_of_nonce, const case_secret& s, const std::uint8_t* ad,
                     std::size_t ad_size, const std::uint8_t* plain, std::size_t size) {
    std::uint8_t h_out[nonce_size];
    const std::size_t out_size = std::max<std::size_t>(size_of_nonce, crypto_generichash_BYTES_MIN);
    crypto_generichash_state h;
    crypto_generichash_init(&h, s.nonce_key.data(), s.nonce_key.size(), out_size);
    const std::uint8_t n[8] = {static_cast<std::uint8_t>(ad_size), static_cast<std::uint8_t>(ad_size >> 8)};
    crypto_generichash_update(&h, n, sizeof n);  // the associated data's length: no shift between it and the plaintext
    crypto_generichash_update(&h, ad, ad_size);
    crypto_generichash_update(&h, plain, size);
    crypto_generichash_final(&h, h_out, out_size);
    std::memcpy(nonce, h_out, size_of_nonce);
}

const crypto_aead_aes256gcm_state* aes_state(const case_secret& s) {
    return reinterpret_cast<const crypto_aead_aes256gcm_state*>(s.aes.data());
}

// An OpenSSL cipher context, freed when it goes.
struct evp_context {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    evp_context() {
        if (!ctx) throw error(errc::internal, "OpenSSL could not make a cipher context");
    }
    ~evp_context() { EVP_CIPHER_CTX_free(ctx); }
    evp_context(const evp_context&) = delete;
    evp_context& operator=(const evp_context&) = delete;
};

int as_int(std::size_t n) {
    if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw error(errc::invalid_argument, "an entry is too large to seal");
    return static_cast<int>(n);
}

} // namespace

void aes256gcm_seal_openssl(std::uint8_t* sealed, const key_bytes& key, const std::uint8_t* nonce, const std::uint8_t* ad,
                            std::size_t ad_size, const std::uint8_t* plain, std::size_t size) {
    evp_context c;
    int n = 0;
    if (EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, key.data(), nonce) != 1 ||  // a 12-byte nonce: GCM's default
        EVP_EncryptUpdate(c.ctx, nullptr, &n, ad, as_int(ad_size)) != 1 ||
        (size > 0 && EVP_EncryptUpdate(c.ctx, sealed, &n, plain, as_int(size)) != 1) ||
        EVP_EncryptFinal_ex(c.ctx, sealed + size, &n) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_size), sealed + size) != 1)
        throw error(errc::internal, "OpenSSL could not seal an entry with AES-256-GCM");
}

bool aes256gcm_open_openssl(std::uint8_t* plain, const key_bytes& key, const std::uint8_t* nonce, const std::uint8_t* ad,
                            std::size_t ad_size, const std::uint8_t* sealed, std::size_t size) {
    if (size < tag_size) return false;
    const std::size_t n_plain = size - tag_size;
    std::array<std::uint8_t, tag_size> tag;
    std::memcpy(tag.data(), sealed + n_plain, tag_size);
    evp_context c;
    int n = 0;
    if (EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, key.data(), nonce) != 1 ||
        EVP_DecryptUpdate(c.ctx, nullptr, &n, ad, as_int(ad_size)) != 1 ||
        (n_plain > 0 && EVP_DecryptUpdate(c.ctx, plain, &n, sealed, as_int(n_plain)) != 1) ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_size), tag.data()) != 1)
        throw error(errc::internal, "OpenSSL could not open an entry with AES-256-GCM");
    if (EVP_DecryptFinal_ex(c.ctx, plain + n_plain, &n) == 1) return true;
    sodium_memzero(plain, n_plain);  // no unauthenticated plaintext is left behind
    return false;
}

void seal(bytes& out, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* plain, std::size_t size) {
    const std::size_t at = out.size();
    const std::size_t n_nonce = entry_nonce_size(s.cipher);
    out.resize(at + n_nonce + size + tag_size);
    std::uint8_t* nonce = out.data() + at;
    synthetic_nonce(nonce, n_nonce, s, ad, ad_size, plain, size);
    std::uint8_t* sealed = nonce + n_nonce;
    if (s.cipher == entry_cipher::xchacha20poly1305)
        crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, nullptr, plain, size, ad, ad_size, nullptr, nonce, s.key.data());
    else if (s.aes_ready)
        crypto_aead_aes256gcm_encrypt_afternm(sealed, nullptr, plain, size, ad, ad_size, nullptr, nonce, aes_state(s));
    else
        aes256gcm_seal_openssl(sealed, s.key, nonce, ad, ad_size, plain, size);
}

bool open_sealed(std::uint8_t* plain, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* nonce,
                 const std::uint8_t* sealed, std::size_t size) {
    if (size < tag_size) return false;
    // The tag authenticates the entry. Its nonce is not derived again: only a holder of the case key can
    // seal under another nonce, and the case's verify(), which seals every entry again, finds such an entry.
    if (s.cipher == entry_cipher::xchacha20poly1305)
        return crypto_aead_xchacha20poly1305_ietf_decrypt(plain, nullptr, nullptr, sealed, size, ad, ad_size, nonce, s.key.data()) == 0;
    if (s.aes_ready)
        return crypto_aead_aes256gcm_decrypt_afternm(plain, nullptr, nullptr, sealed, size, ad, ad_size, nonce, aes_state(s)) == 0;
    return aes256gcm_open_openssl(plain, s.key, nonce, ad, ad_size, sealed, size);
}

} // namespace sfcore::detail
