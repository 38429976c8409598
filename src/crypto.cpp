// Encryption at rest with libsodium (see crypto.hpp).
#include "crypto.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

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

case_secret::case_secret(case_id for_case, const key_bytes& k) : id(for_case), key(k) {
    ready();
    static constexpr char label[] = "sfcore entry nonce key";
    crypto_generichash(nonce_key.data(), nonce_key.size(), reinterpret_cast<const unsigned char*>(label), sizeof label - 1,
                       key.data(), key.size());
}

case_secret::~case_secret() {
    wipe(key);
    wipe(nonce_key);
}

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

void synthetic_nonce(std::uint8_t* nonce, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* plain,
                     std::size_t size) {
    crypto_generichash_state h;
    crypto_generichash_init(&h, s.nonce_key.data(), s.nonce_key.size(), nonce_size);
    const std::uint8_t n[8] = {static_cast<std::uint8_t>(ad_size), static_cast<std::uint8_t>(ad_size >> 8)};
    crypto_generichash_update(&h, n, sizeof n);  // the associated data's length: no shift between it and the plaintext
    crypto_generichash_update(&h, ad, ad_size);
    crypto_generichash_update(&h, plain, size);
    crypto_generichash_final(&h, nonce, nonce_size);
}

} // namespace

void seal(bytes& out, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* plain, std::size_t size) {
    const std::size_t at = out.size();
    out.resize(at + nonce_size + size + tag_size);
    std::uint8_t* nonce = out.data() + at;
    synthetic_nonce(nonce, s, ad, ad_size, plain, size);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonce_size, nullptr, plain, size, ad, ad_size, nullptr, nonce, s.key.data());
}

bool open_sealed(std::uint8_t* plain, const case_secret& s, const std::uint8_t* ad, std::size_t ad_size, const std::uint8_t* nonce,
                 const std::uint8_t* sealed, std::size_t size) {
    if (size < tag_size) return false;
    // The tag authenticates the entry. Its nonce is not derived again: only a holder of the case key can
    // seal under another nonce, and the case's verify(), which seals every entry again, finds such an entry.
    return crypto_aead_xchacha20poly1305_ietf_decrypt(plain, nullptr, nullptr, sealed, size, ad, ad_size, nonce, s.key.data()) == 0;
}

} // namespace sfcore::detail
