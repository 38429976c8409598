// The journal's integrity from C: heads, verification, sealed archives and
// the conversion of sfcore 0.1 archives.
#include "internal.hpp"

using namespace sfcore_c;

extern "C" {

int sf_case_head(sf_journal_head* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = to_c(read_case(c, [](const case_file& k) { return k.head(); }));
    });
}

int sf_case_verify(int* out_ok, char** out_reason, const sf_case* c, const sf_journal_head* expected) {
    return call([&] {
        auto& ok = need(out_ok, "out_ok");
        if (out_reason) *out_reason = nullptr;
        const std::optional<journal_head> kept = expected ? std::optional<journal_head>(head_of(*expected)) : std::nullopt;
        const journal_verification v = read_case(c, [&](const case_file& k) { return k.verify(kept ? &*kept : nullptr); });
        ok = v.ok ? 1 : 0;
        if (!v.ok && out_reason) *out_reason = string_out(v.reason);
    });
}

int sf_case_save(uint8_t** out_data, size_t* out_size, const sf_case* c, int encoding, const sf_key* key) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        const auto e = encoding_of(encoding);
        const std::vector<sealing_key> k = key ? keys_of(key, 1) : std::vector<sealing_key>{};
        bytes_out(out_data, out_size, read_case(c, [&](const case_file& x) { return save_archive(x, e, k.empty() ? nullptr : &k[0]); }));
    });
}

int sf_case_load(sf_case** out, const uint8_t* data, size_t size, const sf_key* keys, size_t key_count) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_case>(load_case(archive_in(data, size), size, keys_of(keys, key_count)));
    });
}

int sf_case_save_encrypted(uint8_t** out_data, size_t* out_size, const sf_case* c, const sf_key_provider* keys, const sf_key* seal) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        const key_provider provider = provider_of(need(keys, "keys"));
        const std::vector<sealing_key> k = seal ? keys_of(seal, 1) : std::vector<sealing_key>{};
        bytes_out(out_data, out_size,
                  read_case(c, [&](const case_file& x) { return save_archive(x, provider, k.empty() ? nullptr : &k[0]); }));
    });
}

int sf_case_load_encrypted(sf_case** out, const uint8_t* data, size_t size, const sf_key_provider* keys, const sf_key* seals,
                           size_t seal_count) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const key_provider provider = provider_of(need(keys, "keys"));
        o = make_handle<sf_case>(load_case(archive_in(data, size), size, provider, keys_of(seals, seal_count)));
    });
}

int sf_case_upgrade_v1(sf_case** out, const uint8_t* case_data, size_t case_size, const uint8_t* ledger_data,
                       size_t ledger_size, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& d = need(dir, "dir");
        o = make_handle<sf_case>(upgrade_v1(archive_in(case_data, case_size), case_size,
                                            ledger_data ? archive_in(ledger_data, ledger_size) : nullptr,
                                            ledger_data ? ledger_size : 0, d.impl));
    });
}

} // extern "C"
