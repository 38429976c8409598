// The analysts' tables from C, as CSV.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

table_options options_of(const sf_calendar* cal, const char* identified_by, const char* purpose,
                         const std::uint8_t* key, std::size_t key_size) {
    table_options o;
    o.calendar = &calendar_in(cal);
    if (identified_by) o.identified_by = utf8(identified_by, "identified_by");
    if (purpose) o.purpose = utf8(purpose, "purpose");
    if (key) o.pseudonym_key.assign(key, key + key_size);
    else if (key_size) throw error(errc::null_argument, "pseudonym_key is NULL but key_size is not 0");
    return o;
}

} // namespace

extern "C" {

int sf_case_table_csv(char** out, sf_case* c, const sf_directory* dir, const char* table, const sf_calendar* cal,
                      const char* identified_by, const char* purpose, const uint8_t* pseudonym_key, size_t key_size) {
    if (out) *out = nullptr;
    return call([&] {
        auto& o = need(out, "out");
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        const std::string name = utf8(table, "table");
        table_builder rows(name, d.impl, options_of(cal, identified_by, purpose, pseudonym_key, key_size));
        if (rows.identified()) k.impl.write([&](case_file& x) { rows.extract(x); });
        else k.impl.read([&](const case_file& x) { rows.add(x); });
        o = string_out(rows.take().csv());
    });
}

int sf_store_table_csv(char** out, sf_store* store, const sf_directory* dir, const char* table, const sf_calendar* cal,
                       const char* identified_by, const char* purpose, const uint8_t* pseudonym_key, size_t key_size) {
    if (out) *out = nullptr;
    return call([&] {
        auto& o = need(out, "out");
        const std::string name = utf8(table, "table");
        const table_options options = options_of(cal, identified_by, purpose, pseudonym_key, key_size);
        const std::string csv = with_store(store, [&](case_store& s) {
            if (dir) return make_table(s, name, need(dir, "dir").impl, options).csv();
            const agency_directory held = s.directory();
            return make_table(s, name, held, options).csv();
        });
        o = string_out(csv);
    });
}

} // extern "C"
