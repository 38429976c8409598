#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include "sfcore/sha256.hpp"

using namespace sfcore;

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[sha256]") {
    CHECK(to_hex(sha256_of("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(to_hex(sha256_of("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(to_hex(sha256_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    sha256 h;
    const std::string a(1000, 'a');
    for (int i = 0; i < 1000; ++i) h.update(a);
    CHECK(to_hex(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Split updates give the same digest as one.
    CHECK(sha256().update("ab").update("c").finish() == sha256_of("abc"));
}

TEST_CASE("SHA-256: the CPU's SHA instructions and the portable code agree on every block", "[sha256]") {
    std::uint64_t x = 88172645463325252ULL;  // xorshift: reproducible blocks
    const auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    std::uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::uint32_t portable[8], fast[8];
    std::copy(init, init + 8, portable);
    std::copy(init, init + 8, fast);
    std::uint8_t block[64];
    bool accelerated = true;
    for (int i = 0; i < 10000 && accelerated; ++i) {
        for (auto& b : block) b = static_cast<std::uint8_t>(next());
        detail::sha256_compress_portable(portable, block);
        accelerated = detail::sha256_compress_accelerated(fast, block);
        if (accelerated) REQUIRE(std::equal(portable, portable + 8, fast));
    }
    if (!accelerated) WARN("this CPU has no SHA instructions: only the portable code ran");
    // The portable code alone still gives the FIPS digest of "abc".
    std::uint32_t s[8];
    std::copy(init, init + 8, s);
    std::uint8_t abc[64] = {'a', 'b', 'c', 0x80};
    abc[63] = 24;
    detail::sha256_compress_portable(s, abc);
    CHECK(s[0] == 0xba7816bf);
    CHECK(s[7] == 0xf20015ad);
}

TEST_CASE("a digest reads back from its hex, and nothing else does", "[sha256]") {
    const digest d = sha256_of("kia ora");
    CHECK(digest_from_hex(to_hex(d)) == d);
    std::string upper = to_hex(d);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK_FALSE(digest_from_hex(upper));  // to_hex writes lowercase: the canonical form is that one
    CHECK_FALSE(digest_from_hex(to_hex(d).substr(1)));
    CHECK_FALSE(digest_from_hex(to_hex(d) + "0"));
    CHECK_FALSE(digest_from_hex(std::string(63, '0') + "g"));
}
