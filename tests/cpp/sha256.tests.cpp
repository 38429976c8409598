#include <catch2/catch.hpp>

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
