// What the archive fuzz target does with one input, shared with the Catch2
// test that replays every regression input the fuzzer ever found.
//
// An input that starts with the archive magic is loaded as it is (the frame
// and checksum checks), and then its payload is framed again with a correct
// checksum, so that mutations reach the loader behind the frame. Any other
// input is [content byte][encoding byte][payload], framed the same way.
// Every input is also read as one of the store's event rows, by one decoder
// kept from input to input (as the store reuses one over a case's events).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../../src/archive_detail.hpp"
#include "../cpp/fixtures.hpp"
#include "sfcore/archive.hpp"

namespace fuzzing {

using namespace sfcore;

// The case and directory a ledger archive is loaded against.
struct context {
    fixtures::world w;
    case_file c = fixtures::full_case(w);
};

inline bytes framed(const std::uint8_t* payload, std::size_t n, std::uint8_t content, std::uint8_t encoding) {
    bytes out(archive_header_size, 0);
    const std::uint8_t magic[8] = {0x89, 'S', 'F', 'C', '\r', '\n', 0x1a, '\n'};
    std::memcpy(out.data(), magic, 8);
    out[8] = archive_format_version & 0xff;
    out[10] = encoding;
    out[11] = content;
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
        case archive_content::case_journal: load_case(data, size); break;
        case archive_content::ledger: load_ledger(data, size, x.c, x.w.dir); break;
        case archive_content::audit: load_audit(data, size).verify(); break;
        case archive_content::directory: load_directory(data, size); break;
        }
    } catch (const error&) {
    }
}

inline void load_any(const context& x, const std::uint8_t* data, std::size_t size) {
    static detail::event_decoder decoder;
    try {
        decoder.decode(data, size);
    } catch (const error&) {
    }
    load(x, data, size);
    if (size >= archive_header_size && data[0] == 0x89) {
        const bytes b = framed(data + archive_header_size, size - archive_header_size, data[11], data[10]);
        load(x, b.data(), b.size());
    } else if (size >= 2) {
        const bytes b = framed(data + 2, size - 2, static_cast<std::uint8_t>(1 + data[0] % 4), static_cast<std::uint8_t>(1 + data[1] % 2));
        load(x, b.data(), b.size());
    }
}

} // namespace fuzzing
