// Journal entries in the canonical form, and the hash that chains them. An
// entry of an encrypted case is stored sealed (layout 4 with AES-256-GCM, or
// layout 3 with XChaCha20-Poly1305: its case's cipher): its layout, number
// and recorded instant in the clear, then the length of the sealed part, its
// nonce, its when, who and payload sealed under the case's key (crypto.hpp),
// then its hash.
#include <array>
#include <cstring>

#include "archive_detail.hpp"
#include "crypto.hpp"
#include "walker.hpp"

namespace sfcore::detail {

namespace {

constexpr std::size_t sealed_header = 1 + 8 + 8;  // layout, seq, recorded

// Walk an entry into an archive's buffer.
void encode(canonical_oarchive& ar, const event& e) {
    walker<canonical_oarchive> w{ar};
    w(const_cast<event&>(e));  // saving only reads
}

// What a sealed entry's seal is bound to: a label, the case and the entry's clear header.
using sealed_ad = std::array<std::uint8_t, 16 + 8 + sealed_header>;
sealed_ad ad_of(case_id id, const std::uint8_t* header) {
    // The label ends in the layout's digit: "sfcore entry   3" or "sfcore entry   4".
    static constexpr char label[15] = {'s', 'f', 'c', 'o', 'r', 'e', ' ', 'e', 'n', 't', 'r', 'y', ' ', ' ', ' '};
    sealed_ad ad;
    std::memcpy(ad.data(), label, 15);
    ad[15] = static_cast<std::uint8_t>('0' + header[0]);
    for (int i = 0; i < 8; ++i) ad[16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(id.value() >> (8 * i));
    std::memcpy(ad.data() + 24, header, sealed_header);
    return ad;
}

void encode_sealed(bytes& out, const event& e, const case_secret& s) {
    canonical_oarchive inner;
    {
        walker<canonical_oarchive> w{inner};
        auto& x = const_cast<event&>(e);  // saving only reads
        w(x.when);
        w(x.who);
        w(x.payload);
    }
    canonical_oarchive head;
    {
        walker<canonical_oarchive> w{head};
        auto v = static_cast<std::uint8_t>(s.cipher);
        head& v;
        w(const_cast<std::uint64_t&>(e.seq));
        w(const_cast<instant&>(e.recorded));
    }
    const std::size_t at = out.size();
    out.insert(out.end(), head.data(), head.data() + head.size());
    const sealed_ad ad = ad_of(s.id, out.data() + at);
    const std::size_t length_at = out.size();
    out.resize(length_at + 4);
    seal(out, s, ad.data(), ad.size(), inner.data(), inner.size());
    const auto n = static_cast<std::uint32_t>(out.size() - length_at - 4 - entry_nonce_size(s.cipher));
    for (int i = 0; i < 4; ++i) out[length_at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (8 * i));
    out.insert(out.end(), e.hash.begin(), e.hash.end());
}

event decode_sealed(const std::uint8_t* data, std::size_t size, const case_secret* s) {
    canonical_iarchive ar{data, data + size};
    walker<canonical_iarchive> w{ar};
    event e;
    std::uint8_t v = 0;
    ar& v;
    w(e.seq);
    w(e.recorded);
    const auto cipher = static_cast<entry_cipher>(v);
    const std::size_t n_nonce = entry_nonce_size(cipher);
    if (ar.remaining() < n_nonce + 4 + tag_size + 32) malformed("a sealed entry is cut short");
    std::uint32_t n = 0;
    ar& n;
    const std::uint8_t* nonce = ar.p;
    ar.p += n_nonce;
    if (n < tag_size || n != ar.remaining() - 32) malformed("a sealed entry's length does not match its bytes");
    const std::uint8_t* sealed = ar.p;
    ar.p += n;
    ar.load_binary(e.hash.data(), e.hash.size());
    if (!s) throw error(errc::key_error, "entry " + std::to_string(e.seq) + " is encrypted, and its case's key was not given");
    if (s->cipher != cipher)
        throw error(errc::integrity, "entry " + std::to_string(e.seq) + " is sealed with " + cipher_name(cipher) +
                                         ", and its case's entries with " + cipher_name(s->cipher));
    // The plaintext on the stack when it fits (an entry rarely needs more), else on the heap.
    std::uint8_t small[512];
    bytes large;
    std::uint8_t* plain = small;
    if (n - tag_size > sizeof small) {
        large.resize(n - tag_size);
        plain = large.data();
    }
    const sealed_ad ad = ad_of(s->id, data);
    if (!open_sealed(plain, *s, ad.data(), ad.size(), nonce, sealed, n))
        throw error(errc::key_error, "entry " + std::to_string(e.seq) +
                                         " does not open with its case's key: the key is not this case's, or the entry was not sealed by sfcore");
    canonical_iarchive in{plain, plain + (n - tag_size)};
    walker<canonical_iarchive> wi{in};
    wi(e.when);
    wi(e.who);
    wi(e.payload);
    if (in.remaining() != 0) malformed("bytes follow a sealed entry's payload");
    return e;
}

} // namespace

void encode_entry(bytes& out, const event& e, const case_secret* s) {
    if (s) return encode_sealed(out, e, *s);
    canonical_oarchive ar;
    encode(ar, e);
    out.insert(out.end(), ar.data(), ar.data() + ar.size());
}

digest entry_hash(const digest& prev, const event& e, const case_secret* s) {
    if (s) {
        bytes b;
        b.reserve(256);
        encode_sealed(b, e, *s);
        return chain_hash(prev, b.data(), b.size());
    }
    canonical_oarchive ar;
    encode(ar, e);
    return chain_hash(prev, ar.data(), ar.size());
}

digest decision_entry_hash(const digest& prev, const event& e, const case_secret* s) {
    if (s) return entry_hash(prev, e, s);
    canonical_oarchive ar;
    walker<canonical_oarchive> w{ar};
    w.save_event_as<disclosure_decided>(const_cast<event&>(e));  // saving only reads
    return chain_hash(prev, ar.data(), ar.size());
}

bytes encode_entry(const event& e, const case_secret* s) {
    bytes out;
    out.reserve(160);
    encode_entry(out, e, s);
    return out;
}

event decode_entry(const std::uint8_t* data, std::size_t size, const case_secret* s) {
    if (!data && size > 0) throw error(errc::null_argument, "entry data");
    if (is_sealed_entry(data, size)) return decode_sealed(data, size, s);
    canonical_iarchive ar{data, data + size};
    walker<canonical_iarchive> w{ar};
    event e;
    w(e);
    if (ar.remaining() != 0) malformed("bytes follow an entry");
    return e;
}

bool is_v1_entry(const std::uint8_t* data, std::size_t size) noexcept { return size > 0 && data[0] == 1; }

bool is_sealed_entry(const std::uint8_t* data, std::size_t size) noexcept {
    return size > 0 && (data[0] == static_cast<std::uint8_t>(entry_cipher::xchacha20poly1305) ||
                        data[0] == static_cast<std::uint8_t>(entry_cipher::aes256gcm));
}

entry_cipher sealed_cipher(const std::uint8_t* data) noexcept { return static_cast<entry_cipher>(data[0]); }

digest chain_hash(const digest& prev, const std::uint8_t* data, std::size_t size) noexcept {
    const std::size_t body = size >= 32 ? size - 32 : 0;
    return sha256().update(prev.data(), prev.size()).update(data, body).finish();
}

} // namespace sfcore::detail
