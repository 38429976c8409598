// The C ABI's foundations: errors, memory, the clock, and the conversions
// every module uses.
#include "internal.hpp"

namespace sfcore_c {

namespace {
thread_local std::string last_message;
thread_local int last_code = SF_OK;
thread_local std::string last_reason, last_missing;

std::atomic<sf_clock> c_clock{nullptr};
std::atomic<void*> c_clock_context{nullptr};

instant clock_adapter(void*) {
    const std::int64_t us = c_clock.load()(c_clock_context.load());
    return unix_epoch + boost::posix_time::microseconds(us);
}
} // namespace

int fail(int code, const char* message) noexcept {
    last_code = code;
    try {
        last_message = message;
    } catch (...) {
        last_message.clear();  // keep the code; the message could not be stored
    }
    return code;
}

party party_of(const sf_party& p) {
    party out;
    out.kind = enum_from_int<party_kind>(p.kind);
    out.id = p.id;
    return out;
}

sf_party to_c(const party& p) { return sf_party{static_cast<int>(p.kind), p.id}; }

recipient recipient_of(const sf_recipient& r) { return recipient::of(agency_id{r.agency_id}, practitioner_id{r.practitioner_id}); }

sf_recipient to_c(const recipient& r) { return sf_recipient{r.agency.value(), r.practitioner.value()}; }

std::string utf8(const char* s, const char* what) { return checked_utf8(text(s, what), what); }

std::string utf8_or_empty(const char* s, const char* what) { return s ? checked_utf8(s, what) : std::string(); }

std::vector<std::string> utf8_list(const char* const* a, std::size_t n, const char* what) {
    if (n > 0 && !a) throw error(errc::null_argument, std::string(what) + " is NULL");
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(utf8(a[i], what));
    return out;
}

std::vector<member_id> member_list(const std::uint32_t* a, std::size_t n, const char* what) {
    if (n > 0 && !a) throw error(errc::null_argument, std::string(what) + " is NULL");
    std::vector<member_id> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(member_id{a[i]});
    return out;
}

category category_of(int v) {
    if (v < 0 || v >= static_cast<int>(category_registry::capacity))
        throw error(errc::invalid_argument, "no category " + std::to_string(v));
    return static_cast<category>(v);
}

archive_encoding encoding_of(int v) {
    if (v != SF_ENCODING_BINARY && v != SF_ENCODING_TEXT) throw error(errc::invalid_argument, "no encoding " + std::to_string(v));
    return static_cast<archive_encoding>(v);
}

const std::uint8_t* archive_in(const std::uint8_t* data, std::size_t size) {
    if (!data && size > 0) throw error(errc::null_argument, "data is NULL");
    return data;
}

std::vector<sealing_key> keys_of(const sf_key* keys, std::size_t n) {
    if (n > 0 && !keys) throw error(errc::null_argument, "keys is NULL");
    std::vector<sealing_key> out;
    for (std::size_t i = 0; i < n; ++i) {
        if (keys[i].secret_size > 0 && !keys[i].secret) throw error(errc::null_argument, "a key's secret is NULL");
        sealing_key k{std::string(text(keys[i].id, "a key's id")), {keys[i].secret, keys[i].secret + keys[i].secret_size}};
        check_key(k);
        out.push_back(std::move(k));
    }
    return out;
}

// A C key provider as the core's: the callback asked for 32 bytes, and a refusal as no key.
key_provider provider_of(const sf_key_provider& keys) {
    const sf_key_fn fn = need(keys.key, "keys->key");
    void* const context = keys.context;
    return {[fn, context](const std::string& id) {
                std::vector<std::uint8_t> k(32);
                if (fn(context, id.c_str(), k.data()) != 0) {
                    std::fill(k.begin(), k.end(), std::uint8_t{0});
                    k.clear();
                }
                return k;
            },
            utf8(keys.current, "keys->current")};
}

sf_journal_head to_c(const journal_head& h) {
    sf_journal_head out{};
    out.seq = h.seq;
    std::memcpy(out.hash, h.hash.data(), 32);
    return out;
}

journal_head head_of(const sf_journal_head& h) {
    journal_head out;
    out.seq = h.seq;
    std::memcpy(out.hash.data(), h.hash, 32);
    return out;
}

char* string_out(const std::string& s) {
    auto* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

void bytes_out(std::uint8_t** data, std::size_t* size, const bytes& b) {
    auto* out = static_cast<std::uint8_t*>(std::malloc(b.empty() ? 1 : b.size()));
    if (!out) throw std::bad_alloc();
    if (!b.empty()) std::memcpy(out, b.data(), b.size());
    *data = out;
    *size = b.size();
}

void outcome_out(sf_outcome& o, const outcome& r) {
    last_reason = r.reason;
    last_missing.clear();
    for (const auto& m : r.missing) last_missing += (last_missing.empty() ? "" : ",") + m;
    o.accepted = r.accepted ? 1 : 0;
    o.guard = static_cast<int>(r.guard);
    o.from_state = static_cast<int>(r.from);
    o.to_state = static_cast<int>(r.to);
    o.assigned = r.assigned;
    o.reason = last_reason.c_str();
    o.seq = r.seq;
    o.missing = last_missing.c_str();
}

} // namespace sfcore_c

using namespace sfcore_c;

extern "C" {

const char* sf_version_string(void) { return SF_VERSION_STRING; }
uint32_t sf_version_number(void) { return SF_VERSION_NUMBER; }
const char* sf_error_last(void) { return last_message.c_str(); }
int sf_error_last_code(void) { return last_code; }

int sf_status_name(const char** out, int status) {
    return call([&] {
        auto& o = need(out, "out");
        if (status == SF_OK) {
            o = "SF_OK";
            return;
        }
        const auto* row = find_error(static_cast<errc>(-status));
        if (status > 0 || !row) throw error(errc::invalid_argument, "no status " + std::to_string(status));
        o = row->c_name;
    });
}

void sf_free(void* p) { std::free(p); }

int sf_clock_set(sf_clock now, void* context) {
    c_clock_context.store(context);
    c_clock.store(now);
    set_clock(now ? &clock_adapter : nullptr, nullptr);
    return SF_OK;
}

} // extern "C"
