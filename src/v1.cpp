// The audit log of sfcore 0.1: its hash chain and its text form, to verify
// and carry over a 0.1 ledger's log when a case is converted.
#include "v1.hpp"

#include <cstring>

namespace sfcore::detail::v1 {

namespace {

constexpr const char* kind_names[] = {"decision", "sharing", "declined", "view", "consent_change"};

void put_be(sha256& h, std::uint64_t v) {
    std::uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    h.update(b, 8);
}

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

digest audit_hash(const audit_entry& e) {
    sha256 h;
    h.update(e.prev.data(), e.prev.size());
    put_be(h, e.seq);
    put_be(h, static_cast<std::uint64_t>(to_unix(e.at)));
    h.update(&e.kind, 1);
    put_be(h, e.actor.size());
    h.update(e.actor);
    put_be(h, e.text.size());
    h.update(e.text);
    return h.finish();
}

std::string verify_audit(const std::deque<audit_entry>& log) {
    digest prev{};
    for (std::size_t i = 0; i < log.size(); ++i) {
        const auto& e = log[i];
        const std::string n = std::to_string(i + 1);
        if (e.seq != i + 1) return "entry " + n + " has sequence number " + std::to_string(e.seq);
        if (e.kind >= std::size(kind_names)) return "entry " + n + " has an unknown kind";
        if (e.at.is_special()) return "entry " + n + " has no time";
        if (e.prev != prev) return "entry " + n + " does not follow the entry before it";
        if (audit_hash(e) != e.hash) return "entry " + n + " was changed after it was written";
        if (i > 0 && e.at < log[i - 1].at) return "entry " + n + " is out of time order";
        prev = e.hash;
    }
    return {};
}

std::string audit_text(const std::deque<audit_entry>& log) {
    std::string out = "sfcore-audit 1\n";
    for (const auto& e : log)
        out += std::to_string(e.seq) + '\t' + std::to_string(to_unix(e.at)) + '\t' + kind_names[e.kind] + '\t' +
               escape(e.actor) + '\t' + escape(e.text) + '\t' + to_hex(e.prev) + '\t' + to_hex(e.hash) + '\n';
    return out;
}

} // namespace sfcore::detail::v1
