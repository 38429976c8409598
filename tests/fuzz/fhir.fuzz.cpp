// libFuzzer target over the JSON readers (make fuzz): every input is read as
// a FHIR Consent (or Bundle) against a case with consents, withdrawals and
// marks, as FHIR links, and as the payload of every event type
// (sfcore/json.hpp), which, once read, must write and read back the same.
// Any sfcore::error is an answer; a crash, a leak, any other exception or a
// payload that does not round-trip is a finding.
#include <cstdlib>

#include "../cpp/fixtures.hpp"
#include "sfcore/json.hpp"

namespace {

struct context {
    fixtures::world w;
    sfcore::case_file c = fixtures::full_case(w);
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static context x;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        sfcore::fhir_consent_entries(x.c, x.w.dir, text, x.w.clock);
    } catch (const sfcore::error&) {
    }
    try {
        sfcore::fhir_links::from_json(text);
    } catch (const sfcore::error&) {
    }
    for (const auto& row : sfcore::event_type_table) {
        try {
            const sfcore::event_payload p = sfcore::payload_from_json(row.value, text);
            if (sfcore::payload_from_json(row.value, sfcore::payload_to_json(p)) != p) std::abort();
        } catch (const sfcore::error&) {
        }
    }
    return 0;
}
