// HL7 FHIR R4 from C: JSON strings in and out.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

fhir_links links_of(const char* json) { return json ? fhir_links::from_json(json) : fhir_links{}; }

} // namespace

extern "C" {

int sf_fhir_consent(char** out, const sf_case* c, const sf_directory* dir, uint32_t consent, const char* links_json) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& d = need(dir, "dir");
        const fhir_links links = links_of(links_json);
        o = read_case(c, [&](const case_file& k) { return string_out(fhir_consent(k, d.impl, consent, links)); });
    });
}

int sf_fhir_consents(char** out, const sf_case* c, const sf_directory* dir, uint32_t member, const char* links_json) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& d = need(dir, "dir");
        const fhir_links links = links_of(links_json);
        o = read_case(c, [&](const case_file& k) { return string_out(fhir_consents(k, d.impl, member_id{member}, links)); });
    });
}

int sf_fhir_audit_events(char** out, const sf_case* c, const sf_directory* dir, const char* links_json) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& d = need(dir, "dir");
        const fhir_links links = links_of(links_json);
        o = read_case(c, [&](const case_file& k) { return string_out(fhir_audit_events(k, d.impl, links)); });
    });
}

int sf_fhir_import_consents(uint32_t** out_consents, size_t* out_count, sf_case* c, const sf_directory* dir,
                            const char* who, int64_t when, const char* json, const char* links_json) {
    return call([&] {
        auto& consents = need(out_consents, "out_consents");
        auto& count = need(out_count, "out_count");
        consents = nullptr;
        count = 0;
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        const std::string by = utf8(who, "who");
        const std::string_view resource = text(json, "json");
        const fhir_links links = links_of(links_json);
        const instant at = instant_of(when);
        const fhir_import done =
            k.impl.write([&](case_file& x) { return import_fhir_consents(x, d.impl, by, at, resource, links); });
        consents = copy_out(done.consents.data(), done.consents.size());
        count = done.consents.size();
    });
}

} // extern "C"
