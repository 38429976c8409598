#include "sfcore/audit.hpp"

#include <cstring>

#include "sfcore/text.hpp"

namespace sfcore {

namespace {

void put_u64(sha256& h, std::uint64_t v) {
    std::uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    h.update(b, 8);
}

// Length-prefixed, so no two different entries hash the same bytes.
void put_text(sha256& h, std::string_view s) {
    put_u64(h, s.size());
    h.update(s);
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

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i == s.size()) throw error(errc::malformed, "audit log: a line ends in a lone backslash");
        switch (s[i]) {
        case '\\': out += '\\'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        default: throw error(errc::malformed, "audit log: unknown escape");
        }
    }
    return out;
}

digest from_hex(std::string_view s) {
    if (s.size() != 64) throw error(errc::malformed, "audit log: a hash is not 64 hex digits");
    digest d{};
    for (std::size_t i = 0; i < 32; ++i) {
        int v = 0;
        for (int k = 0; k < 2; ++k) {
            const char c = s[2 * i + static_cast<std::size_t>(k)];
            int x;
            if (c >= '0' && c <= '9') x = c - '0';
            else if (c >= 'a' && c <= 'f') x = c - 'a' + 10;
            else throw error(errc::malformed, "audit log: a hash has a character that is not lowercase hex");
            v = v * 16 + x;
        }
        d[i] = static_cast<std::uint8_t>(v);
    }
    return d;
}

std::uint64_t parse_u64(std::string_view s, const char* what) {
    if (s.empty() || s.size() > 19) throw error(errc::malformed, std::string("audit log: bad ") + what);
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') throw error(errc::malformed, std::string("audit log: bad ") + what);
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}

std::int64_t parse_i64(std::string_view s, const char* what) {
    if (!s.empty() && s[0] == '-') return -static_cast<std::int64_t>(parse_u64(s.substr(1), what));
    return static_cast<std::int64_t>(parse_u64(s, what));
}

} // namespace

digest audit_log::hash_of(const audit_entry& e) {
    // prev | seq | unix time | kind | actor (length-prefixed) | text (length-prefixed),
    // gathered into one buffer so short entries hash in few blocks.
    std::uint8_t head[32 + 8 + 8 + 1];
    std::memcpy(head, e.prev.data(), 32);
    const auto put = [&head](std::size_t at, std::uint64_t v) {
        for (int i = 0; i < 8; ++i) head[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
    };
    put(32, e.seq);
    put(40, static_cast<std::uint64_t>(to_unix(e.at)));
    head[48] = static_cast<std::uint8_t>(e.kind);
    sha256 h;
    h.update(head, sizeof head);
    put_text(h, e.actor);
    put_text(h, e.text);
    return h.finish();
}

const audit_entry& audit_log::append(instant at, audit_kind kind, std::string_view actor, std::string_view text) {
    return append_owned(at, kind, actor, std::string(text));
}

const audit_entry& audit_log::append_owned(instant at, audit_kind kind, std::string_view actor, std::string&& text) {
    audit_entry e;
    e.at = checked_instant(at);
    if (!entries_.empty() && e.at < entries_.back().at)
        throw error(errc::invalid_argument, "an audit entry cannot be earlier than the last one");
    e.kind = enum_from_int<audit_kind>(static_cast<long long>(kind));
    e.actor = checked_nonblank_utf8(actor, "audit actor");
    if (!is_valid_utf8(text)) throw error(errc::invalid_utf8, "audit text is not valid UTF-8");
    e.text = std::move(text);
    e.seq = entries_.size() + 1;
    if (!entries_.empty()) e.prev = entries_.back().hash;
    e.hash = hash_of(e);
    entries_.push_back(std::move(e));
    return entries_.back();
}

audit_verification audit_log::verify() const {
    digest prev{};
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        const auto bad = [&](std::string why) { return audit_verification{false, i + 1, std::move(why)}; };
        if (e.seq != i + 1) return bad("entry " + std::to_string(i + 1) + " has sequence number " + std::to_string(e.seq));
        if (e.prev != prev) return bad("entry " + std::to_string(e.seq) + " does not follow the entry before it");
        if (hash_of(e) != e.hash) return bad("entry " + std::to_string(e.seq) + " was changed after it was written");
        if (i > 0 && e.at < entries_[i - 1].at) return bad("entry " + std::to_string(e.seq) + " is out of time order");
        prev = e.hash;
    }
    return {};
}

std::vector<audit_entry> audit_log::by(audit_kind kind, std::string_view actor) const {
    std::vector<audit_entry> out;
    for (const auto& e : entries_)
        if (e.kind == kind && (actor.empty() || e.actor == actor)) out.push_back(e);
    return out;
}

std::string audit_log::to_text() const {
    std::string out = "sfcore-audit 1\n";
    for (const auto& e : entries_) {
        out += std::to_string(e.seq) + '\t' + std::to_string(to_unix(e.at)) + '\t' + to_string(e.kind) + '\t' +
               escape(e.actor) + '\t' + escape(e.text) + '\t' + to_hex(e.prev) + '\t' + to_hex(e.hash) + '\n';
    }
    return out;
}

audit_log audit_log::from_text(std::string_view text) {
    constexpr std::string_view header = "sfcore-audit 1\n";
    if (text.substr(0, header.size()) != header) throw error(errc::malformed, "audit log: no 'sfcore-audit 1' header");
    if (!is_valid_utf8(text)) throw error(errc::malformed, "audit log: not valid UTF-8");
    audit_log log;
    std::size_t pos = header.size();
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) throw error(errc::malformed, "audit log: the last line is cut short");
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        std::vector<std::string_view> f;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size(); ++i)
            if (i == line.size() || line[i] == '\t') {
                f.push_back(line.substr(start, i - start));
                start = i + 1;
            }
        if (f.size() != 7) throw error(errc::malformed, "audit log: a line does not have 7 fields");
        audit_entry e;
        e.seq = parse_u64(f[0], "sequence number");
        e.at = instant_from_unix(parse_i64(f[1], "instant"));
        try {
            e.kind = enum_from_string<audit_kind>(f[2]);
        } catch (const error&) {
            throw error(errc::malformed, "audit log: unknown entry kind");
        }
        e.actor = unescape(f[3]);
        e.text = unescape(f[4]);
        e.prev = from_hex(f[5]);
        e.hash = from_hex(f[6]);
        log.entries_.push_back(std::move(e));
    }
    return log;
}

} // namespace sfcore
