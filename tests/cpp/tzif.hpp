// A reader of the time zone database's compiled files (TZif, RFC 8536), for
// the tests: the transitions of one zone, read from the file itself, with no
// code shared with the library.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace tzif {

struct transition {
    std::int64_t at;      // UTC seconds
    std::int32_t offset;  // seconds east of UTC from then on
};

struct zone {
    std::int32_t initial_offset = 0;
    std::vector<transition> transitions;

    std::int32_t offset_at(std::int64_t s) const {
        std::int32_t off = initial_offset;
        for (const auto& t : transitions) {
            if (t.at > s) break;
            off = t.offset;
        }
        return off;
    }
};

inline std::int64_t be(const unsigned char* p, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = v << 8 | p[i];
    if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

// The version 2+ data block of a TZif file (64-bit transition times).
inline zone read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot open " + path + " (install Debian's tzdata)");
    const std::vector<unsigned char> b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto header = [&](std::size_t at, std::int64_t* counts) {
        if (b.size() < at + 44 || b[at] != 'T' || b[at + 1] != 'Z' || b[at + 2] != 'i' || b[at + 3] != 'f')
            throw std::runtime_error(path + " is not a TZif file");
        for (int i = 0; i < 6; ++i) counts[i] = be(&b[at + 20 + 4 * i], 4);  // isutc, isstd, leap, time, type, char
        return b[at + 4];
    };
    std::int64_t c[6];
    const unsigned char version = header(0, c);
    if (version < '2') throw std::runtime_error(path + " has no 64-bit data");
    // Skip the version 1 block: times are 4 bytes there.
    std::size_t at = 44 + static_cast<std::size_t>(c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
    header(at, c);
    at += 44;
    const std::size_t times = at, types = times + static_cast<std::size_t>(c[3]) * 8,
                      infos = types + static_cast<std::size_t>(c[3]);
    zone z;
    const auto offset_of = [&](std::size_t type) { return static_cast<std::int32_t>(be(&b[infos + 6 * type], 4)); };
    z.initial_offset = offset_of(0);
    for (std::int64_t i = 0; i < c[3]; ++i)
        z.transitions.push_back({be(&b[times + 8 * static_cast<std::size_t>(i)], 8), offset_of(b[types + static_cast<std::size_t>(i)])});
    return z;
}

} // namespace tzif
