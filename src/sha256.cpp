#include "sfcore/sha256.hpp"

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SFCORE_SHA_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace sfcore {

namespace {
constexpr std::uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// A number's bytes, most significant first (compilers make this one byte-swapped store).
template <class T>
void store_be(std::uint8_t* p, T v) noexcept {
    for (std::size_t i = 0; i < sizeof v; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * (sizeof v - 1 - i)));
}
} // namespace

namespace detail {

void sha256_compress_portable(std::uint32_t* state, const std::uint8_t* p) noexcept {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = std::uint32_t(p[4 * i]) << 24 | std::uint32_t(p[4 * i + 1]) << 16 | std::uint32_t(p[4 * i + 2]) << 8 |
               std::uint32_t(p[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6],
                  h = state[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
        const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

#ifdef SFCORE_SHA_X86
namespace {

bool cpu_has_sha() noexcept {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool ssse3 = (c & (1u << 9)) != 0, sse41 = (c & (1u << 19)) != 0;
    if (__get_cpuid_max(0, nullptr) < 7) return false;
    __cpuid_count(7, 0, a, b, c, d);
    return ssse3 && sse41 && (b & (1u << 29)) != 0;
}

// One block with the x86 SHA extensions: the same rounds as the portable
// code, four at a time, with the message schedule in four rolling vectors.
__attribute__((target("sha,sse4.1,ssse3"))) void compress_sha_ni(std::uint32_t* state, const std::uint8_t* p) noexcept {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));        // DCBA
    __m128i s1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));   // HGFE
    t = _mm_shuffle_epi32(t, 0xB1);                                               // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);                                             // EFGH
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                       // ABEF
    s1 = _mm_blend_epi16(s1, t, 0xF0);                                            // CDGH
    const __m128i abef = s0, cdgh = s1;
    __m128i w[4];
    for (int g = 0; g < 16; ++g) {
        __m128i& x = w[g & 3];
        if (g < 4) {
            x = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), swap);
        } else {
            // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four lanes at once.
            const __m128i m = _mm_add_epi32(_mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]),
                                            _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
            x = _mm_sha256msg2_epu32(m, w[(g + 3) & 3]);
        }
        __m128i m = _mm_add_epi32(x, _mm_loadu_si128(reinterpret_cast<const __m128i*>(k + 4 * g)));
        s1 = _mm_sha256rnds2_epu32(s1, s0, m);
        m = _mm_shuffle_epi32(m, 0x0E);
        s0 = _mm_sha256rnds2_epu32(s0, s1, m);
    }
    s0 = _mm_add_epi32(s0, abef);
    s1 = _mm_add_epi32(s1, cdgh);
    t = _mm_shuffle_epi32(s0, 0x1B);        // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);       // DCHG
    s0 = _mm_blend_epi16(t, s1, 0xF0);      // DCBA
    s1 = _mm_alignr_epi8(s1, t, 8);         // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), s0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), s1);
}

} // namespace
#endif

bool sha256_compress_accelerated(std::uint32_t* state, const std::uint8_t* p) noexcept {
#ifdef SFCORE_SHA_X86
    static const bool has = cpu_has_sha();
    if (has) {
        compress_sha_ni(state, p);
        return true;
    }
#endif
    (void)state;
    (void)p;
    return false;
}

} // namespace detail

sha256::sha256() noexcept
    : h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void sha256::block(const std::uint8_t* p) noexcept {
    if (!detail::sha256_compress_accelerated(h_.data(), p)) detail::sha256_compress_portable(h_.data(), p);
}

sha256& sha256::update(const void* data, std::size_t size) noexcept {
    const auto* p = static_cast<const std::uint8_t*>(data);
    length_ += size;
    if (used_ > 0) {  // fill the block begun before
        const std::size_t take = std::min(size, buffer_.size() - used_);
        std::memcpy(buffer_.data() + used_, p, take);
        used_ += take;
        p += take;
        size -= take;
        if (used_ < buffer_.size()) return *this;
        block(buffer_.data());
        used_ = 0;
    }
    for (; size >= buffer_.size(); p += buffer_.size(), size -= buffer_.size()) block(p);  // whole blocks in place
    std::memcpy(buffer_.data(), p, size);
    used_ = size;
    return *this;
}

digest sha256::finish() noexcept {
    const std::uint64_t bits = length_ * 8;
    buffer_[used_++] = 0x80;
    if (used_ > 56) {  // no room for the length: pad out this block
        std::memset(buffer_.data() + used_, 0, buffer_.size() - used_);
        block(buffer_.data());
        used_ = 0;
    }
    std::memset(buffer_.data() + used_, 0, 56 - used_);
    store_be(buffer_.data() + 56, bits);
    block(buffer_.data());
    digest out;
#ifdef SFCORE_SHA_X86
    // The words byte-swapped in two 16-byte stores (SSE2): a caller that reads the
    // digest 16 bytes at a time reads what one store wrote, without a stall.
    for (std::size_t half = 0; half < 2; ++half) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h_.data() + 4 * half));
        v = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));    // the bytes of each 16-bit half swapped
        v = _mm_shufflehi_epi16(_mm_shufflelo_epi16(v, 0xB1), 0xB1);     // and the halves of each word
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out.data() + 16 * half), v);
    }
#else
    for (std::size_t i = 0; i < 8; ++i) store_be(out.data() + 4 * i, h_[i]);
#endif
    return out;
}

std::string to_hex(const digest& d) {
    static const char* hex = "0123456789abcdef";
    std::string s(64, '0');
    for (std::size_t i = 0; i < d.size(); ++i) {
        s[2 * i] = hex[d[i] >> 4];
        s[2 * i + 1] = hex[d[i] & 15];
    }
    return s;
}

std::optional<digest> digest_from_hex(std::string_view hex) noexcept {
    digest d{};
    if (hex.size() != 2 * d.size()) return std::nullopt;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        const char c = hex[i];
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return std::nullopt;
        d[i / 2] = static_cast<std::uint8_t>(i % 2 ? d[i / 2] | v : v << 4);
    }
    return d;
}

} // namespace sfcore
