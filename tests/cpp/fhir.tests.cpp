// HL7 FHIR R4: consents out and in, the access log out; the round trip of
// random histories (SFCORE_FHIR_REQUESTS decisions, default 100,000); and
// bad input, each a clear error with nothing appended. The exported
// resources are validated against the official FHIR R4 JSON schema by
// tests/python/test_fhir.py.
#include <filesystem>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "random_history.hpp"

using namespace sfcore;
using fixtures::code_of;
using fixtures::world;
using json = nlohmann::json;

namespace {

const std::string sf = std::string(fhir_base);

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const error& e) {
        return e.what();
    }
    return "";
}

// A resource that names the case's people by sfcore's identifiers.
json minimal_consent(const case_file& c) {
    const std::string id = std::to_string(c.id().value());
    auto ref = [&](const char* type, const std::string& system, const std::string& value) {
        return json{{"type", type}, {"identifier", {{"system", system}, {"value", value}}}};
    };
    return json{
        {"resourceType", "Consent"},
        {"status", "active"},
        {"scope", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/consentscope"}, {"code", "patient-privacy"}}}}}},
        {"category", json::array()},
        {"patient", ref("Patient", sf + "/NamingSystem/member", id + "/1")},
        {"dateTime", "2026-03-02"},
        {"performer", {ref("Patient", sf + "/NamingSystem/member", id + "/1")}},
        {"policy", {{{"uri", "urn:sfcore:consent-form:SF%202024"}}}},
        {"provision",
         {{"type", "permit"},
          {"period", {{"start", "2026-03-01"}, {"end", "2026-12-31"}}},
          {"actor",
           {{{"role", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"}, {"code", "IRCP"}}}}}},
             {"reference", ref("Organization", sf + "/NamingSystem/agency", std::to_string(agencies::MSD.value()))}}}},
          {"purpose", {{{"system", sf + "/CodeSystem/purpose"}, {"code", "meeting"}}}},
          {"code", {{{"coding", {{{"system", sf + "/CodeSystem/category"}, {"code", "housing"}}}}}}}}}};
}

} // namespace

TEST_CASE("a consent goes out as a FHIR Consent: deny base, a permit per recipient, withdrawals and marks as nested denies", "[fhir]") {
    world w;
    case_file c = fixtures::full_case(w);
    const json r = json::parse(fhir_consent(c, w.dir, 1));
    CHECK(r["resourceType"] == "Consent");
    CHECK(r["status"] == "active");  // withdrawn from the teacher only
    CHECK(r["dateTime"] == "2026-03-02");
    CHECK(r["policy"][0]["uri"] == "urn:sfcore:consent-form:SF-consent-2024");
    CHECK(r["patient"]["identifier"]["value"] == std::to_string(c.id().value()) + "/1");
    CHECK(r["performer"][0]["type"] == "Patient");
    const json& base = r["provision"];
    CHECK(base["type"] == "deny");
    CHECK(base["period"]["start"] == "2026-01-01");
    REQUIRE(base["provision"].size() == 4);  // MSD, the teacher, the teacher's withdrawal, the housing mark
    const json& msd = base["provision"][0];
    CHECK(msd["type"] == "permit");
    CHECK(msd["actor"][0]["reference"]["type"] == "Organization");
    CHECK(msd["actor"][0]["reference"]["display"] == w.dir.at(agencies::MSD).name);
    CHECK(msd["code"].size() == 3);  // education, housing, the regional category
    CHECK(msd["purpose"].size() == 5);
    CHECK(base["provision"][1]["actor"][0]["reference"]["type"] == "Practitioner");
    const json& withdrawal = base["provision"][2];
    CHECK(withdrawal["type"] == "deny");
    CHECK(withdrawal["actor"][0]["reference"]["type"] == "Practitioner");
    CHECK_FALSE(withdrawal.contains("code"));
    const json& mark = base["provision"][3];
    CHECK(mark["code"][0]["coding"][0]["code"] == "housing");
    CHECK(mark["extension"][0]["url"] == sf + "/StructureDefinition/confidential-mark");

    // A child's consent given by a parent: the performer is a RelatedPerson,
    // and the child's own words are not exported.
    const std::string child = fhir_consent(c, w.dir, 2);
    CHECK(json::parse(child)["performer"][0]["type"] == "RelatedPerson");
    CHECK(child.find("ok if it helps me at school") == std::string::npos);
    fhir_links asked;
    asked.child_views = true;
    CHECK(json::parse(fhir_consent(c, w.dir, 2, asked))["extension"][0]["valueString"] == "ok if it helps me at school");

    // The NHI number, when the host knows it, is the patient's identifier.
    fhir_links links;
    links.nhi[member_id{1}] = "ZAC5361";
    const json with_nhi = json::parse(fhir_consent(c, w.dir, 1, links));
    CHECK(with_nhi["patient"]["identifier"]["system"] == "https://standards.digital.health.nz/ns/nhi-id");
    CHECK(with_nhi["patient"]["identifier"]["value"] == "ZAC5361");

    const json bundle = json::parse(fhir_consents(c, w.dir, member_id{1}));
    CHECK(bundle["type"] == "collection");
    CHECK(bundle["entry"].size() == 1);
    CHECK(code_of([&] { fhir_consent(c, w.dir, 3); }) == errc::not_found);
    CHECK(code_of([&] { fhir_consents(c, w.dir, member_id{9}); }) == errc::not_found);
}

TEST_CASE("a whole withdrawal makes the exported consent inactive, and reads back as one", "[fhir]") {
    world w;
    case_file c = w.drive_to(state::awaiting_consent);
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    REQUIRE(w.rec(c, sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, "all of it"}));
    const std::string out = fhir_consent(c, w.dir, 1);
    CHECK(json::parse(out)["status"] == "inactive");

    world w2;
    case_file fresh = w2.drive_to(state::awaiting_consent);
    REQUIRE(w2.rec(fresh, necessity_adjusted{category::housing, true}));
    const fhir_import done = import_fhir_consents(fresh, w2.dir, "importer", w.clock, out);
    CHECK(done.consents == std::vector<std::uint32_t>{1});
    CHECK(done.entries.size() == 2);
    disclosure_request asked = w2.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    asked.at = w.clock;
    CHECK(fresh.check(w2.dir, asked).rule == decision_rule::withdrawn);
    // The same again at that instant would be withdrawn as it is given: refused.
    CHECK_THAT(error_of([&] { import_fhir_consents(fresh, w2.dir, "importer", w.clock, out); }),
               Catch::Contains("same instant"));
}

TEST_CASE("export then import gives a journal that decides as the original on random requests", "[fhir][differential]") {
    const long wanted = fixtures::env_or("SFCORE_FHIR_REQUESTS", 100000);
    std::mt19937_64 rng(20261201);
    long done = 0, permits = 0, compared_rules = 0;
    for (int round = 0; done < wanted; ++round) {
        fixtures::history h(rng);
        for (int i = 0, n = 10 + static_cast<int>(h.upto(50)); i < n; ++i) h.random_change();
        const instant at = h.w.clock + boost::posix_time::minutes(1);

        // The same family and necessity in a new case, then each consent imported in order.
        fixtures::world w2;
        case_file copy = fixtures::history::make(w2);
        REQUIRE(copy.id() == h.c.id());
        const category_set necessary = h.c.disclosure().necessary_at(at);
        REQUIRE(copy.record(w2.dir, "setup", at, issue_areas_set{{}}));
        for (std::size_t k = 0; k < 30; ++k) {
            const auto cat = static_cast<category>(k);
            if (((necessary >> k) & 1u) != ((copy.disclosure().necessary_at(at) >> k) & 1u))
                REQUIRE(copy.record(w2.dir, "setup", at, necessity_adjusted{cat, ((necessary >> k) & 1u) != 0}));
        }
        fhir_links links;
        links.child_views = true;
        // One at a time, a second apart: a withdrawal takes in a consent given at its very instant.
        const std::uint32_t consents = static_cast<std::uint32_t>(h.c.disclosure().consents().size());
        for (std::uint32_t k = 1; k <= consents; ++k) {
            INFO("round " << round << ", consent " << k);
            import_fhir_consents(copy, w2.dir, "importer", at + boost::posix_time::seconds(k),
                                 fhir_consent(h.c, h.w.dir, k, links));
        }

        for (int i = 0; i < 5000; ++i, ++done) {
            disclosure_request r = h.random_request();
            r.at = at + boost::posix_time::seconds(consents + 1 + static_cast<long>(rng() % (86400ull * 90)));
            const decision a = h.c.check(h.w.dir, r), b = copy.check(w2.dir, r);
            INFO("round " << round << " request " << i << ": original " << to_string(a.rule) << " (consent " << a.consent
                          << ", subject " << a.subject.value() << "), imported " << to_string(b.rule) << " (consent "
                          << b.consent << ", subject " << b.subject.value() << ")");
            REQUIRE(a.permit == b.permit);
            REQUIRE(a.subject == b.subject);
            REQUIRE(a.consent == b.consent);
            // A person with no consent exports nothing: their refusal may name another rule.
            const bool has_consent = std::any_of(h.c.disclosure().consents().begin(), h.c.disclosure().consents().end(),
                                                 [&](const sharing_consent& k) { return k.given.subject == a.subject; });
            if (has_consent) {
                REQUIRE(a.rule == b.rule);
                ++compared_rules;
            }
            permits += a.permit;
        }
    }
    CHECK(done >= wanted);
    CHECK(permits > done / 100);  // the histories must permit, not only refuse
    CHECK(compared_rules > done / 2);
}

TEST_CASE("an imported consent is read exactly: recipients, categories by sfcore code or v3 label, purposes, period", "[fhir]") {
    world w;
    case_file c = w.drive_to(state::awaiting_consent);
    const auto before = c.journal().size();
    json r = minimal_consent(c);
    r["provision"]["code"].push_back(
        {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", "MH"}}}}});
    const auto entries = fhir_consent_entries(c, w.dir, r.dump(), w.clock);
    REQUIRE(entries.size() == 1);
    const auto& g = std::get<sharing_consent_given>(entries[0]);
    CHECK(g.subject == member_id{1});
    CHECK(g.given_by == member_id{1});
    CHECK(g.scope.recipients == std::vector<recipient>{recipient::of(agencies::MSD)});
    CHECK(g.scope.categories == (bit(category::housing) | bit(category::mental_health)));
    CHECK(g.scope.purposes == bit(purpose::meeting));
    CHECK(g.scope.from == make_date(2026, 3, 1));
    CHECK(g.scope.until == make_date(2026, 12, 31));
    CHECK(g.form_version == "SF 2024");
    CHECK(c.journal().size() == before);  // reading appends nothing
}

TEST_CASE("FHIR that sfcore cannot represent is refused, naming the element, and nothing is appended", "[fhir]") {
    world w;
    case_file c = w.drive_to(state::awaiting_consent);
    const auto before = c.journal().size();
    auto refused = [&](const json& r, errc code, const std::string& element) {
        INFO(element);
        try {
            import_fhir_consents(c, w.dir, "importer", w.clock, r.dump());
            FAIL("accepted");
        } catch (const error& e) {
            CHECK(e.code() == code);
            CHECK_THAT(e.what(), Catch::Contains(element));
        }
        CHECK(c.journal().size() == before);
    };
    const json good = minimal_consent(c);
    json r = good;
    r["provision"]["data"] = json::array({{{"meaning", "related"}, {"reference", {{"reference", "Task/1"}}}}});
    refused(r, errc::invalid_consent, "provision.data");
    r = good;
    r["provision"] = {{"type", "deny"}, {"provision", {good["provision"], good["provision"]}}};
    r["provision"]["provision"][1]["class"] = json::array({{{"system", "urn:ietf:bcp:13"}, {"code", "text/plain"}}});
    refused(r, errc::invalid_consent, "provision.provision[1].class");
    r = good;
    r["policyRule"] = {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", "OPTOUT"}}}}};
    refused(r, errc::invalid_consent, "policyRule");
    r = good;
    r["provision"]["period"]["start"] = "2026-03-01T09:00:00+13:00";
    refused(r, errc::invalid_consent, "provision.period.start");
    r = good;
    r["provision"]["period"]["end"] = "2026-02-30";
    refused(r, errc::out_of_range, "provision.period.end");
    r = good;
    r["provision"]["period"]["end"] = "2300-01-01";
    refused(r, errc::out_of_range, "provision.period.end");
    r = good;
    r["provision"]["code"][0]["coding"][0]["system"] = "http://snomed.info/sct";
    refused(r, errc::invalid_consent, "provision.code[0]");
    r = good;
    r["provision"]["purpose"][0]["system"] = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    refused(r, errc::invalid_consent, "provision.purpose[0]");
    r = good;
    r["provision"].erase("actor");
    refused(r, errc::invalid_consent, "provision.actor");
    r = good;
    r["provision"]["actor"][0]["role"]["coding"][0]["code"] = "AUT";
    refused(r, errc::invalid_consent, "provision.actor[0].role");
    r = good;
    r["provision"]["actor"][0]["reference"] = {{"reference", "Organization/f001"}};
    refused(r, errc::not_found, "provision.actor[0].reference");
    r = good;
    r["patient"]["identifier"]["value"] = "999/1";
    refused(r, errc::not_found, "patient.identifier.value");
    r = good;
    r["status"] = "proposed";
    refused(r, errc::invalid_consent, "status");
    r = good;
    r["status"] = "inactive";
    refused(r, errc::invalid_consent, "status");
    r = good;
    r.erase("policy");
    refused(r, errc::invalid_consent, "policy");
    r = good;
    r["resourceType"] = "Patient";
    refused(r, errc::malformed, "resourceType");
    r = good;
    r["provision"]["type"] = "deny";
    refused(r, errc::invalid_consent, "provision");
    r = good;  // a withdrawal that has not begun
    r["provision"]["provision"] = {{{"type", "deny"}, {"period", {{"start", "2030-01-01T00:00:00Z"}}}}};
    refused(r, errc::invalid_consent, "provision.provision[0].period.start");
    r = good;  // a signature in the future: the case's own rule, with the entry named
    r["dateTime"] = "2099-01-01";
    CHECK(code_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, r.dump()); }) == errc::out_of_range);
    CHECK(c.journal().size() == before);
}

TEST_CASE("a withdrawal that would narrow another consent on record is refused (import a person's consents in order)", "[fhir]") {
    world w;
    case_file c = w.drive_to(state::awaiting_consent);
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    json r = minimal_consent(c);
    r["provision"]["provision"] = {{{"type", "deny"}, {"period", {{"start", "2026-03-01T00:00:00Z"}}}}};
    const auto before = c.journal().size();
    CHECK_THAT(error_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, r.dump()); }),
               Catch::Contains("provision.provision[0]") && Catch::Contains("consent 1"));
    CHECK(c.journal().size() == before);
    // Once that consent is itself withdrawn as widely, the import is exact again.
    REQUIRE(w.rec(c, sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}));
    const fhir_import done = import_fhir_consents(c, w.dir, "importer", w.tick(), r.dump());
    CHECK(done.consents == std::vector<std::uint32_t>{2});
}

TEST_CASE("bad FHIR input is a clear error, and nothing is appended", "[fhir]") {
    world w;
    case_file c = w.drive_to(state::awaiting_consent);
    const auto before = c.journal().size();
    auto code = [&](const std::string& text) {
        return code_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, text); });
    };
    CHECK(code("{\"resourceType\": \"Consent\",") == errc::malformed);
    CHECK(code("") == errc::malformed);
    CHECK(code("[1, 2]") == errc::malformed);
    CHECK(code(std::string("{\"resourceType\": \"Cons\xC3\x28nt\"}")) == errc::invalid_utf8);
    json big = minimal_consent(c);
    big["policy"][0]["uri"] = std::string(10u << 20, 'a');
    CHECK_THAT(error_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, big.dump()); }),
               Catch::Contains("64 KiB"));
    CHECK(code(std::string(20u << 20, ' ')) == errc::malformed);
    std::string deep = "{\"resourceType\": \"Consent\", \"x\": ";
    for (int i = 0; i < 100000; ++i) deep += "[";
    CHECK_THAT(error_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, deep); }), Catch::Contains("64 levels"));
    json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", {{{"resource", minimal_consent(c)}}, {{"resource", {{"resourceType", "Patient"}}}}}}};
    CHECK_THAT(error_of([&] { import_fhir_consents(c, w.dir, "importer", w.clock, bundle.dump()); }),
               Catch::Contains("entry[1].resource.resourceType"));
    CHECK(c.journal().size() == before);
    // The first entry alone imports.
    bundle["entry"].erase(1);
    CHECK(import_fhir_consents(c, w.dir, "importer", w.clock, bundle.dump()).consents.size() == 1);
}

TEST_CASE("a value of the wrong JSON type anywhere in a consent is a clear error, and nothing is appended", "[fhir][fuzz]") {
    world w;
    const case_file source = fixtures::full_case(w);
    const json exported = json::parse(fhir_consent(source, w.dir, 1));  // permits, a withdrawal and a mark
    fhir_links links;
    links.child_views = true;
    const instant at = w.clock + boost::posix_time::minutes(1);
    auto target = [](world& into) {  // the same family, with the case's own category
        case_file fresh = into.drive_to(state::awaiting_consent);
        REQUIRE(into.rec(fresh, category_registered{"whanau_ora", "Whānau Ora navigator notes", {}}));
        return fresh;
    };
    {
        world w2;
        case_file fresh = target(w2);
        REQUIRE(fresh.id() == source.id());
        REQUIRE(import_fhir_consents(fresh, w2.dir, "importer", at, exported.dump(), links).consents.size() == 1);
    }
    world w2;
    case_file c = target(w2);
    const auto before = c.journal().size();
    const json wrong[] = {7, -1.5, nullptr, true, "x", json::array(), json::object(), json::array({1})};
    int refused = 0, tried = 0;
    const json leaves = exported.flatten();
    for (const auto& [path, leaf] : leaves.items())
        for (const json& v : wrong) {
            if (v == leaf) continue;
            json r = exported;
            r[json::json_pointer(path)] = v;
            INFO(path << " = " << v.dump());
            ++tried;
            try {
                fhir_consent_entries(c, w2.dir, r.dump(), at, links);  // any other exception fails the test
            } catch (const error& e) {
                ++refused;
                CHECK(std::string(e.what()).size() > 0);
            }
            CHECK(c.journal().size() == before);
        }
    CHECK(tried > 300);
    CHECK(refused > tried / 2);

    // The shapes the fuzzer found, each refused naming its element.
    auto refusal = [&](json r) { return error_of([&] { import_fhir_consents(c, w2.dir, "importer", at, r.dump(), links); }); };
    json r = exported;
    r["scope"] = {{"system", 7}};
    CHECK_THAT(refusal(r), Catch::Contains("scope.system: not a string"));
    r = exported;
    r["scope"]["coding"][0]["code"] = json::array({"patient-privacy"});
    CHECK_THAT(refusal(r), Catch::Contains("scope.coding[0].code: not a string"));
    r = exported;
    r["provision"]["provision"][3]["extension"][0]["valueBoolean"] = "yes";
    CHECK_THAT(refusal(r), Catch::Contains("provision.provision[3].extension[0].valueBoolean: not true or false"));
    CHECK(c.journal().size() == before);
}

TEST_CASE("every input the FHIR fuzzer found is read as the fuzzer reads it, and gives a clear error", "[fhir][fuzz]") {
    namespace fs = std::filesystem;
    world w;
    const case_file c = fixtures::full_case(w);
    int n = 0;
    for (const auto& f : fs::directory_iterator(std::string(SFCORE_FUZZ_REGRESSIONS_DIR) + "/fhir")) {
        INFO(f.path().string());
        const bytes b = fixtures::read_file(f.path().string());
        const std::string text(b.begin(), b.end());
        CHECK(code_of([&] { fhir_consent_entries(c, w.dir, text, w.clock); }) == errc::malformed);
        const errc as_links = code_of([&] { fhir_links::from_json(text); });  // a Consent has no link elements
        CHECK((as_links == errc::ok || as_links == errc::malformed));
        ++n;
    }
    CHECK(n >= 3);
}

TEST_CASE("links are read from JSON, and bad links are clear errors", "[fhir]") {
    const fhir_links l = fhir_links::from_json(
        R"({"references": {"Patient/f001": {"member": 1}, "Organization/f001": {"agency": 2}, "Practitioner/13": {"practitioner": 4}},
            "codes": {"http://loinc.org|18842-5": "health"}, "nhi": {"1": "zac5361"}, "child_views": true})");
    CHECK(l.child_views);
    CHECK(l.references.at("Patient/f001") == party::of(member_id{1}));
    CHECK(l.references.at("Organization/f001") == party::of(agency_id{2}));
    CHECK(l.references.at("Practitioner/13") == party::of(practitioner_id{4}));
    CHECK(l.codes.at("http://loinc.org|18842-5") == category::health);
    CHECK(l.nhi.at(member_id{1}) == "ZAC5361");
    CHECK(code_of([] { fhir_links::from_json(R"({"references": {"x": {"member": 0}}})"); }) == errc::malformed);
    CHECK(code_of([] { fhir_links::from_json(R"({"references": {"x": {"person": 1}}})"); }) == errc::malformed);
    CHECK(code_of([] { fhir_links::from_json(R"({"codes": {"a|b": "nonsense"}})"); }) == errc::invalid_argument);
    CHECK(code_of([] { fhir_links::from_json(R"({"nhi": {"1": "ZAC5362"}})"); }) == errc::invalid_argument);
    CHECK(code_of([] { fhir_links::from_json("[]"); }) == errc::malformed);
}

TEST_CASE("the journal's decisions, views, sharings and declined requests go out as AuditEvents", "[fhir]") {
    world w;
    case_file c = fixtures::full_case(w);
    const json b = json::parse(fhir_audit_events(c, w.dir));
    CHECK(b["resourceType"] == "Bundle");
    std::map<std::string, int> by_type;
    std::map<std::string, int> outcomes;
    for (const auto& e : b["entry"]) {
        const json& a = e["resource"];
        CHECK(a["resourceType"] == "AuditEvent");
        CHECK(a["agent"].size() >= 2);
        CHECK(a.contains("recorded"));
        ++by_type[a["subtype"][0]["code"].get<std::string>()];
        ++outcomes[a["outcome"].get<std::string>()];
    }
    CHECK(by_type["disclosure_decided"] == 2);
    CHECK(by_type["view_shown"] == 1);
    CHECK(by_type["shared_without_consent"] == 1);
    CHECK(by_type["request_declined"] == 1);
    CHECK(outcomes["4"] >= 2);  // the refused decision, the declined request
    // The sharing without consent names its section of the law.
    bool s66 = false;
    for (const auto& e : b["entry"])
        if (e["resource"]["subtype"][0]["code"] == "shared_without_consent")
            s66 = e["resource"]["purposeOfEvent"][0]["coding"][0]["code"] == "ot_s66";
    CHECK(s66);
}
