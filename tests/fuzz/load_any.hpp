// What the archive fuzz target does with one input, shared with the Catch2
// test that replays every regression input the fuzzer ever found.
//
// An input that starts with the archive magic is loaded as it is (the frame
// and checksum checks), and then its payload is framed again with a correct
// checksum, so that mutations reach the loader behind the frame. Any other
// input is [content byte][encoding byte][payload], framed the same way.
// Every input is also read as one of the store's entry rows, and as an
// sfcore 0.1 ledger converted with a 0.1 case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include "../../src/archive_detail.hpp"
#include "../cpp/fixtures.hpp"
#include "sfcore/archive.hpp"

namespace fuzzing {

using namespace sfcore;

// A 0.1 case archive a 0.1 ledger input is converted with, and its directory.
struct context {
    fixtures::world w;
    bytes v1_case;
    // The host key an encrypted case's archive is opened with: every id gives the same 32 bytes.
    key_provider keys{[](const std::string&) { return std::vector<std::uint8_t>(32, 0x5a); }, "fuzz"};
    context() {
#ifdef SFCORE_TEST_DATA_DIR
        std::ifstream f(std::string(SFCORE_TEST_DATA_DIR) + "/v1/interleaved.case.binary.sfa", std::ios::binary);
        v1_case.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
#endif
    }
};

inline bytes framed(const std::uint8_t* payload, std::size_t n, std::uint8_t content, std::uint8_t encoding,
                    std::uint16_t version = archive_format_version, std::uint8_t flags = 0) {
    bytes out(archive_header_size, 0);
    const std::uint8_t magic[8] = {0x89, 'S', 'F', 'C', '\r', '\n', 0x1a, '\n'};
    std::memcpy(out.data(), magic, 8);
    out[8] = static_cast<std::uint8_t>(version & 0xff);
    out[9] = static_cast<std::uint8_t>(version >> 8);
    out[10] = encoding;
    out[11] = content;
    out[12] = flags;
    for (int i = 0; i < 8; ++i) out[16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(std::uint64_t{n} >> (8 * i));
    const digest d = sha256().update(payload, n).finish();
    std::memcpy(out.data() + 24, d.data(), 32);
    out.insert(out.end(), payload, payload + n);
    return out;
}

// Load as whatever the frame says; only sfcore::error may escape.
inline void load(const context& x, const std::uint8_t* data, std::size_t size) {
    try {
        switch (inspect_archive(data, size).content) {
        case archive_content::case_journal: load_case(data, size, x.keys).verify(); break;
        case archive_content::ledger:
            if (!x.v1_case.empty()) upgrade_v1(x.v1_case.data(), x.v1_case.size(), data, size, x.w.dir);
            break;
        case archive_content::audit: load_case(data, size); break;
        case archive_content::directory: load_directory(data, size); break;
        }
    } catch (const error&) {
    }
}

inline void load_any(const context& x, const std::uint8_t* data, std::size_t size) {
    try {
        detail::decode_entry(data, size);
    } catch (const error&) {
    }
    load(x, data, size);
    if (size >= archive_header_size && data[0] == 0x89) {
        const auto version = static_cast<std::uint16_t>(data[8] | data[9] << 8);
        // Checksummed afresh (a sealed archive's flag dropped: its seal cannot be made here).
        const bytes b = framed(data + archive_header_size, size - archive_header_size, data[11], data[10], version,
                               static_cast<std::uint8_t>(data[12] & 2));
        load(x, b.data(), b.size());
    } else if (size >= 2) {
        const bytes b = framed(data + 2, size - 2, static_cast<std::uint8_t>(1 + data[0] % 4), static_cast<std::uint8_t>(1 + data[1] % 2),
                               static_cast<std::uint16_t>(1 + (data[1] >> 4) % 2));
        load(x, b.data(), b.size());
    }
}

} // namespace fuzzing
