// A journal read back from its canonical bytes (a store's rows, an encrypted
// case's archive), each entry checked as it comes: numbered in order with no
// gap, hashing to its own hash from the one before (so the chain is verified
// from the bytes themselves, before anything is opened), sealed exactly when
// its case is encrypted (every one with the first entry's cipher), and
// recorded no earlier than the entry before it.
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "archive_detail.hpp"
#include "case_access.hpp"
#include "crypto.hpp"
#include "sfcore/journal.hpp"

namespace sfcore::detail {

struct chained_reader {
    case_id id;
    const char* source = "store";  // where the bytes came from, for malformed errors
    std::vector<event> journal;
    digest prev{};
    std::shared_ptr<const case_secret> secret;  // an encrypted case's own key

    chained_reader() = default;
    chained_reader(case_id of, const char* from, std::uint64_t expected)
        : id(of), source(from), prev(journal_genesis(of)) {
        journal.reserve(std::min<std::uint64_t>(expected, 4096));  // a damaged count must not allocate
    }

    std::string name() const { return "case " + std::to_string(id.value()); }

    // The next entry, which says it is number @p seq.
    void add(std::uint64_t seq, const std::uint8_t* data, std::size_t size) {
        // The entry's name, for an error only (not built for every entry read).
        const auto where = [&] { return name() + ": entry " + std::to_string(journal.size() + 1); };
        if (seq != journal.size() + 1) throw error(errc::integrity, where() + " is missing");
        // The chain first, from the bytes: an entry that verifies was written as it is, so one that then
        // does not open was sealed under another key.
        if (size < 32) throw error(errc::malformed, std::string(source) + ": " + where() + " is shorter than a hash");
        if (std::memcmp(chain_hash(prev, data, size).data(), data + size - 32, 32) != 0)
            throw error(errc::integrity, where() + " does not verify: it was changed after it was written");
        if (is_sealed_entry(data, size) != (secret != nullptr))
            throw error(secret ? errc::integrity : errc::key_error,
                        where() + (secret ? " is not sealed, and its case is encrypted"
                                          : " is sealed, and no key for its case was given"));
        // A case's cipher is its first entry's; every other entry must be sealed with it.
        if (secret && journal.empty() && sealed_cipher(data) != secret->cipher) secret = secret->with_cipher(sealed_cipher(data));
        event e;
        try {
            e = decode_entry(data, size, secret.get());
        } catch (const error& x) {
            throw error(x.code(), std::string(source) + ": " + where() + ": " + x.detail());
        }
        if (e.seq != journal.size() + 1) throw error(errc::integrity, where() + " is numbered " + std::to_string(e.seq));
        if (!journal.empty() && e.recorded < journal.back().recorded)
            throw error(errc::integrity, where() + " was recorded before the entry before it");
        prev = e.hash;
        journal.push_back(std::move(e));
    }

    // The case the entries read make, keeping its key: replayed through the rules it was recorded under.
    case_file replay() && {
        case_file c = [&] {
            try {
                return case_access::replay_chained(id, std::move(journal));
            } catch (const error& e) {
                if (e.code() == errc::integrity) throw;
                throw error(errc::malformed, std::string(source) + ": " + name() + ": the journal does not replay: " + e.detail());
            }
        }();
        case_access::set_secret(c, std::move(secret));
        return c;
    }
};

} // namespace sfcore::detail
