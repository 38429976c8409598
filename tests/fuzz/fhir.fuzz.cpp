// libFuzzer target over the FHIR reader (make fuzz): every input is read as
// a Consent (or Bundle) against a case with consents, withdrawals and marks,
// and as links. Any sfcore::error is an answer; a crash, a leak or any other
// exception is a finding.
#include "../cpp/fixtures.hpp"

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
    return 0;
}
