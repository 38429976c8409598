// Consent-gated disclosure: scenarios from the seeds and the law.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

struct family {
    fixtures::world w;
    case_file c;
    disclosure_ledger ledger;
    instant t0;

    family() : c(make()), ledger(c, w.dir), t0(w.tick()) {
        ledger.set_issue_areas({issue_area::education, issue_area::housing}, "coordinator", t0);
    }

    case_file make() {
        case_file x = w.drive_to(state::preparing);  // Hine (parent, 1988) and Tama (child, 2015)
        member rangi{{}, "Rangi Te Rangi", member_role::young_person, make_date(2009, 6, 1), true};
        w.rec(x, member_added{rangi});  // 16 in 2026: consents for himself
        return x;
    }

    disclosure_consent consent(member_id subject, std::vector<party> to, category_set cats,
                               purpose_set why = all_purposes) {
        disclosure_consent k;
        k.subject = subject;
        k.given_by = subject == member_id{2} ? member_id{1} : subject;
        if (subject == member_id{2}) k.child_views = "ok if it helps me at school";
        k.scope = {std::move(to), cats, why, make_date(2026, 1, 1), make_date(2026, 12, 31)};
        k.signed_on = make_date(2026, 3, 2);
        k.form_version = "SF-consent-2024";
        k.recorded_by = "coordinator";
        k.recorded_at = w.tick();
        return k;
    }

    disclosure_request ask(std::vector<member_id> subjects, category what, party to, purpose why = purpose::meeting) {
        return {party::of(agencies::MOE), std::move(subjects), what, to, why, w.tick()};
    }
};

} // namespace

SCENARIO("the family keeps one item confidential", "[disclosure][seed]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing) | bit(category::income_benefits)));
    REQUIRE(f.ledger.decide(f.ask({member_id{1}}, category::income_benefits, party::of(agencies::MSD)), "msd-worker"));
    f.ledger.mark_confidential(member_id{1}, category::income_benefits, true, "coordinator", f.w.tick());
    const decision d = f.ledger.decide(f.ask({member_id{1}}, category::income_benefits, party::of(agencies::MSD)), "msd-worker");
    CHECK_FALSE(d.permit);
    CHECK(d.rule == decision_rule::confidential);
    CHECK(f.ledger.explain(d) == "refused for Hine Te Rangi: the family marked this information confidential");
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "msd-worker").permit);
    const auto n = f.ledger.notice(member_id{1}, purpose::meeting, f.w.tick());
    CHECK(n.confidential == std::vector<category>{category::income_benefits});
    CHECK(n.text.find("Ministry of Social Development may receive your housing.") != std::string::npos);
    CHECK(n.text.find("income and benefits stay confidential") != std::string::npos);
}

SCENARIO("the family invites one named worker from an agency but not the agency as a whole", "[disclosure][seed]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(f.w.teacher)}, bit(category::education)));
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::education, party::of(f.w.teacher)), "x").permit);
    const decision whole = f.ledger.decide(f.ask({member_id{1}}, category::education, party::of(agencies::MOE)), "x");
    CHECK(whole.rule == decision_rule::recipient_not_named);
    GIVEN("a consent to a whole agency") {
        f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
        THEN("it covers the agency's workers") {
            CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(f.w.social_worker)), "x").permit);
        }
    }
}

SCENARIO("disclosure consent is withdrawn mid-plan, wholly or in part", "[disclosure][seed]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD), party::of(agencies::MOE)},
                            bit(category::housing) | bit(category::education)));
    const instant before = f.w.tick();
    WHEN("the whole consent is withdrawn") {
        const instant at = f.w.tick();
        f.ledger.withdraw({member_id{1}, std::nullopt, std::nullopt, "coordinator", at});
        THEN("later decisions deny, earlier ones are answered from history") {
            CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "x").rule ==
                  decision_rule::withdrawn);
            disclosure_request past = f.ask({member_id{1}}, category::housing, party::of(agencies::MSD));
            past.at = before;
            CHECK(f.ledger.check(past).permit);
            past.at = at;  // from the recorded instant
            CHECK_FALSE(f.ledger.check(past).permit);
        }
    }
    WHEN("only one agency is withdrawn") {
        f.ledger.withdraw({member_id{1}, party::of(agencies::MSD), std::nullopt, "coordinator", f.w.tick()});
        CHECK_FALSE(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "x").permit);
        CHECK_FALSE(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(f.w.social_worker)), "x").permit);
        CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MOE)), "x").permit);
    }
    WHEN("only one category is withdrawn") {
        f.ledger.withdraw({member_id{1}, std::nullopt, category::housing, "coordinator", f.w.tick()});
        CHECK_FALSE(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MOE)), "x").permit);
        CHECK(f.ledger.decide(f.ask({member_id{1}}, category::education, party::of(agencies::MOE)), "x").permit);
    }
    WHEN("a new consent is given after a withdrawal") {
        f.ledger.withdraw({member_id{1}, std::nullopt, std::nullopt, "coordinator", f.w.tick()});
        f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
        CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "x").permit);
    }
}

TEST_CASE("the combination rule: each subject's own consent, every subject needed, deny overrides", "[disclosure]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
    const decision both = f.ledger.decide(f.ask({member_id{1}, member_id{3}}, category::housing, party::of(agencies::MSD)), "x");
    CHECK_FALSE(both.permit);
    CHECK(both.subject == member_id{3});
    CHECK(both.rule == decision_rule::no_consent);
    f.ledger.give(f.consent(member_id{3}, {party::of(agencies::MSD)}, bit(category::housing)));
    CHECK(f.ledger.decide(f.ask({member_id{1}, member_id{3}}, category::housing, party::of(agencies::MSD)), "x").permit);
    // A child's information is governed by the consent a parent gave for the child, not the parent's own.
    CHECK(f.ledger.decide(f.ask({member_id{2}}, category::housing, party::of(agencies::MSD)), "x").rule == decision_rule::no_consent);
    f.ledger.give(f.consent(member_id{2}, {party::of(agencies::MSD)}, bit(category::housing)));
    CHECK(f.ledger.decide(f.ask({member_id{2}}, category::housing, party::of(agencies::MSD)), "x").permit);
}

TEST_CASE("each refusal names the closest consent's gap", "[disclosure]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing), bit(purpose::meeting)));
    const auto rule = [&](category c, party to, purpose why) { return f.ledger.decide(f.ask({member_id{1}}, c, to, why), "x").rule; };
    CHECK(rule(category::housing, party::of(agencies::POLICE), purpose::meeting) == decision_rule::recipient_not_named);
    CHECK(rule(category::education, party::of(agencies::MSD), purpose::meeting) == decision_rule::category_not_named);
    CHECK(rule(category::housing, party::of(agencies::MSD), purpose::review) == decision_rule::purpose_not_named);
    CHECK(rule(category::police, party::of(agencies::MSD), purpose::meeting) == decision_rule::not_necessary);
    CHECK(rule(category::housing, party::of(agencies::MSD), purpose::meeting) == decision_rule::consent);
    disclosure_request late = f.ask({member_id{1}}, category::housing, party::of(agencies::MSD));
    late.at = nz_time(make_date(2027, 2, 1), 9, 0);
    CHECK(f.ledger.check(late).rule == decision_rule::outside_period);
    disclosure_request early = late;
    early.at = f.t0 - boost::posix_time::hours(24 * 30);
    CHECK(f.ledger.check(early).rule == decision_rule::not_necessary);  // before the key issues were set
}

TEST_CASE("necessity follows the family's key issues, widened or narrowed by the family", "[disclosure]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::health) | bit(category::housing)));
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::health, party::of(agencies::MSD)), "x").rule == decision_rule::not_necessary);
    // De-identified reporting is not bound by the key issues.
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::health, party::of(agencies::MSD), purpose::deidentified), "x").permit);
    f.ledger.adjust_necessity(category::health, true, "whānau", f.w.tick());
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::health, party::of(agencies::MSD)), "x").permit);
    f.ledger.adjust_necessity(category::housing, false, "whānau", f.w.tick());
    CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "x").rule == decision_rule::not_necessary);
    CHECK((default_necessity(issue_area::family_violence) & bit(category::police)) != 0);
}

TEST_CASE("who may consent: adults and young people for themselves, a parent for a child with the child's views", "[disclosure][consent]") {
    family f;
    auto k = f.consent(member_id{2}, {party::of(agencies::MSD)}, bit(category::housing));
    k.child_views = "";
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::invalid_consent);
    k = f.consent(member_id{2}, {party::of(agencies::MSD)}, bit(category::housing));
    k.given_by = member_id{2};
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::invalid_consent);
    k = f.consent(member_id{3}, {party::of(agencies::MSD)}, bit(category::housing));
    k.given_by = member_id{1};  // Rangi is 16: his own consent
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::invalid_consent);
    k = f.consent(member_id{1}, {party::of(member_id{2})}, bit(category::housing));
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::invalid_consent);
    k = f.consent(member_id{1}, {party::of(agencies::MSD)}, 0);
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::invalid_consent);
    k = f.consent(member_id{9}, {party::of(agencies::MSD)}, bit(category::housing));
    CHECK(code_of([&] { f.ledger.give(k); }) == errc::not_found);
    CHECK(f.ledger.consents().empty());
    fixtures::world w2;
    disclosure_ledger strict(f.c, f.w.dir, consent_settings{17, 18});
    k = f.consent(member_id{3}, {party::of(agencies::MSD)}, bit(category::housing));
    CHECK(code_of([&] { strict.give(k); }) == errc::invalid_consent);  // under 17: a parent consents
}

SCENARIO("a police request under s66 and a serious-threat disclosure are recorded in full", "[disclosure][law]") {
    family f;
    sharing_record r;
    r.subjects = {member_id{2}};
    r.what = category::child_protection;
    r.description = "attendance record and the school's concerns";
    r.discloser = party::of(agencies::MOE);
    r.recipient = party::of(agencies::POLICE);
    r.at = f.w.tick();
    r.basis = legal_basis::ot_s66;
    r.purpose = "investigation of a report of concern";
    r.approver = "Principal, delegated authority";
    r.necessity = "the request names this information and it bears on Tama's safety";
    r.child_consulted = false;
    r.family_told = false;
    WHEN("the record does not say who requested it or why the family was not told") {
        const record_result res = f.ledger.share_without_consent(r, "principal");
        THEN("it is refused, naming what is missing, and nothing is recorded") {
            CHECK_FALSE(res.recorded);
            CHECK(res.missing == std::vector<std::string>{"who requested it under s66",
                                                          "why the child or family was not consulted or told"});
            CHECK(f.ledger.sharings().empty());
        }
    }
    WHEN("the record is complete") {
        r.requested_by = "Constable Rewi, NZ Police";
        r.not_told_reason = "telling the family would prejudice the investigation";
        REQUIRE(f.ledger.share_without_consent(r, "principal"));
        THEN("it is recorded and audited, and consent decisions are unchanged") {
            CHECK(f.ledger.sharings().size() == 1);
            CHECK(f.ledger.audit().by(audit_kind::sharing).size() == 1);
            CHECK_FALSE(f.ledger.decide(f.ask({member_id{2}}, category::child_protection, party::of(agencies::POLICE)), "x").permit);
        }
    }
    WHEN("a serious threat is disclosed under IPP 11 with a full record") {
        sharing_record t = r;
        t.basis = legal_basis::privacy_ipp11;
        t.what = category::mental_health;
        t.description = "Hine said she intends to harm herself tonight";
        t.subjects = {member_id{1}};
        t.recipient = party::of(agencies::DHB);
        t.purpose = "crisis mental health response";
        t.necessity = "a serious and imminent threat to life; the crisis team can act on it";
        t.not_told_reason = "told Hine afterwards; no time to consult before";
        CHECK(f.ledger.share_without_consent(t, "social-worker").recorded);
        t.basis = legal_basis::ot_s66c;
        CHECK(f.ledger.share_without_consent(t, "social-worker").missing ==
              std::vector<std::string>{"which of the six s66C purposes"});
    }
    WHEN("a request is declined without reasons") {
        declined_request d{party::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66, {}, "Principal", f.w.tick()};
        CHECK_FALSE(f.ledger.decline(d, "principal").recorded);
        d.reasons = {"s66J: the information is not held by the school"};
        CHECK(f.ledger.decline(d, "principal").recorded);
        CHECK(f.ledger.declined().size() == 1);
    }
}

TEST_CASE("a filtered view shows only what is permitted and says nothing of the rest", "[disclosure][view]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
    const std::vector<info_item> items{{{member_id{1}}, category::housing, "rent arrears $1,200"},
                                       {{member_id{1}}, category::education, "left school at 15"},
                                       {{member_id{1}, member_id{3}}, category::housing, "shared tenancy"},
                                       {{member_id{1}}, category::identity_contact, "021 555 0101"}};
    const auto shown = f.ledger.view(items, party::of(agencies::MSD), purpose::meeting, f.w.tick(), "msd-worker");
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].content == "rent arrears $1,200");
    const auto views = f.ledger.audit().by(audit_kind::view, "msd-worker");
    REQUIRE(views.size() == 1);  // the access log: who viewed what
    CHECK(views[0].text.find("Ministry of Social Development") != std::string::npos);
}

TEST_CASE("bad requests are errors, refusals are values", "[disclosure]") {
    family f;
    const bool prepared = GENERATE(false, true);  // the same errors when a table answers the day
    if (prepared) {
        f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
        f.ledger.prepare(nz_date(f.w.clock));
        REQUIRE(f.ledger.prepared_for(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)).at));
        CHECK(f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "x").permit);
        CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{0}}, category::housing, party::of(agencies::MSD)), "x"); }) == errc::not_found);
        CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(practitioner_id{99})), "x"); }) == errc::not_found);
        CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD), static_cast<purpose>(9)), "x"); }) == errc::invalid_argument);
    }
    // An instant that is not a time is an error, never an answer from the prepared day.
    for (const auto special : {boost::date_time::not_a_date_time, boost::date_time::pos_infin, boost::date_time::neg_infin}) {
        auto r = f.ask({member_id{1}}, category::housing, party::of(agencies::MSD));
        r.at = instant(special);
        CHECK(code_of([&] { f.ledger.check(r); }) == errc::out_of_range);
        CHECK(code_of([&] { f.ledger.check(party::of(agencies::MSD), member_id{1}, category::housing, party::of(agencies::MSD), purpose::meeting, instant(special)); }) == errc::out_of_range);
    }
    CHECK(code_of([&] { f.ledger.decide(f.ask({}, category::housing, party::of(agencies::MSD)), "x"); }) == errc::invalid_request);
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{7}}, category::housing, party::of(agencies::MSD)), "x"); }) == errc::not_found);
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, static_cast<category>(60), party::of(agencies::MSD)), "x"); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(member_id{2})), "x"); }) == errc::invalid_request);
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agency_id{99})), "x"); }) == errc::not_found);
    CHECK(code_of([&] { f.ledger.withdraw({member_id{1}, std::nullopt, std::nullopt, "c", f.t0 - boost::posix_time::hours(1)}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), ""); }) == errc::invalid_argument);
}

TEST_CASE("the audit log detects any change, deletion or reordering", "[audit]") {
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing)));
    for (int i = 0; i < 5; ++i) f.ledger.decide(f.ask({member_id{1}}, category::housing, party::of(agencies::MSD)), "worker");
    const audit_log& log = f.ledger.audit();
    REQUIRE(log.verify().ok);
    const std::string saved = log.to_text();
    REQUIRE(audit_log::from_text(saved).verify().ok);
    CHECK(audit_log::from_text(saved).entries().size() == log.entries().size());

    SECTION("every single-byte change of the saved log fails to load or to verify") {
        for (std::size_t i = 0; i < saved.size(); ++i) {
            for (const char replacement : {'0', 'x', '\t'}) {
                if (saved[i] == replacement) continue;
                std::string bad = saved;
                bad[i] = replacement;
                bool detected = false;
                try {
                    detected = !audit_log::from_text(bad).verify().ok;
                } catch (const error& e) {
                    detected = e.code() == errc::malformed || e.code() == errc::out_of_range;
                }
                if (!detected) FAIL("byte " << i << " changed to '" << replacement << "' was not detected");
            }
        }
        SUCCEED();
    }
    SECTION("deleting or swapping a line is detected") {
        std::vector<std::string> lines;
        for (std::size_t p = 0, e; (e = saved.find('\n', p)) != std::string::npos; p = e + 1) lines.push_back(saved.substr(p, e - p + 1));
        std::string without = saved;
        without.erase(without.find(lines[3]), lines[3].size());
        CHECK_FALSE(audit_log::from_text(without).verify().ok);
        std::string swapped = lines[0];
        for (std::size_t i = 1; i < lines.size(); ++i) swapped += lines[i == 2 ? 3 : i == 3 ? 2 : i];
        const auto v = audit_log::from_text(swapped).verify();
        CHECK_FALSE(v.ok);
        CHECK(v.first_bad == 2);
    }
    SECTION("malformed text is a clear error") {
        CHECK(code_of([] { audit_log::from_text("not a log"); }) == errc::malformed);
        CHECK(code_of([&] { audit_log::from_text(saved.substr(0, saved.size() - 1)); }) == errc::malformed);
    }
}

TEST_CASE("the category list is extensible, up to 64", "[disclosure][categories]") {
    category_registry r;
    CHECK(r.size() == std::size(category_table));
    const category gambling = r.add("gambling_harm", "gambling harm");
    CHECK(static_cast<int>(gambling) == 13);
    CHECK(r.label(gambling) == "gambling harm");
    CHECK(r.find("housing") == category::housing);
    CHECK(code_of([&] { r.add("gambling_harm", "again"); }) == errc::already_exists);
    CHECK(code_of([&] { r.add("Bad Name", "x"); }) == errc::invalid_argument);
    CHECK(code_of([&] { r.label(static_cast<category>(40)); }) == errc::invalid_argument);
    for (int i = 0; r.size() < category_registry::capacity; ++i) r.add("extra_" + std::to_string(i), "extra");
    CHECK(code_of([&] { r.add("one_too_many", "x"); }) == errc::out_of_range);

    family f;
    category_registry regional;
    const category whenua = regional.add("whenua", "land and whenua matters");
    disclosure_ledger ledger(f.c, f.w.dir, consent_settings{}, regional);
    ledger.adjust_necessity(whenua, true, "whānau", f.w.tick());
    ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(whenua)));
    CHECK(ledger.decide(f.ask({member_id{1}}, whenua, party::of(agencies::MSD)), "x").permit);
    CHECK(ledger.notice(member_id{1}, purpose::meeting, f.w.tick()).text.find("land and whenua matters") != std::string::npos);
    // A category the ledger does not know is a clear error.
    CHECK(code_of([&] { f.ledger.decide(f.ask({member_id{1}}, whenua, party::of(agencies::MSD)), "x"); }) == errc::invalid_argument);
}

TEST_CASE("decide_many gives the decisions and the audit log of decide() in a loop", "[disclosure][bulk]") {
    // Small batches run on the calling thread; large ones on two (see decide_many).
    const std::size_t n = GENERATE(std::size_t{0}, std::size_t{7}, std::size_t{5000});
    CAPTURE(n);
    family f;
    f.ledger.give(f.consent(member_id{1}, {party::of(agencies::MSD)}, bit(category::housing) | bit(category::education)));
    f.ledger.give(f.consent(member_id{3}, {party::of(f.w.teacher)}, bit(category::education)));
    const category cats[] = {category::housing, category::education, category::health};
    const party to[] = {party::of(agencies::MSD), party::of(f.w.teacher), party::of(agencies::POLICE)};
    std::vector<disclosure_request> rs;
    const instant at = f.w.tick();
    for (std::size_t i = 0; i < n; ++i)
        rs.push_back({party::of(agencies::MOE),
                      i % 5 == 0 ? std::vector<member_id>{member_id{1}, member_id{3}} : std::vector<member_id>{member_id{static_cast<std::uint32_t>(1 + i % 3)}},
                      cats[i % 3], to[(i / 3) % 3], purpose::meeting, at});
    disclosure_ledger one = f.ledger, many = f.ledger;
    std::vector<decision> expected;
    for (const auto& r : rs) expected.push_back(one.decide(r, "worker"));
    CHECK(many.decide_many(rs, "worker") == expected);
    CHECK(many.audit().to_text() == one.audit().to_text());
    CHECK(many.audit().verify().ok);

    SECTION("a malformed request stops the batch: what came before it is recorded, nothing after") {
        if (n < 10) return;
        disclosure_ledger bad = f.ledger;
        std::vector<disclosure_request> broken = rs;
        broken[n - 100].subjects = {member_id{42}};
        CHECK(code_of([&] { bad.decide_many(broken, "worker"); }) == errc::not_found);
        CHECK(bad.audit().entries().size() == f.ledger.audit().entries().size() + (n - 100));
        CHECK(bad.audit().verify().ok);
        broken[n - 100] = rs[n - 100];
        broken[n - 50].at = at - boost::posix_time::hours(1);  // earlier than the log: refused where it falls
        disclosure_ledger late = f.ledger;
        CHECK(code_of([&] { late.decide_many(broken, "worker"); }) == errc::invalid_argument);
        CHECK(late.audit().entries().size() == f.ledger.audit().entries().size() + (n - 50));
    }
    SECTION("a blank actor is refused before anything is decided") {
        disclosure_ledger blank = f.ledger;
        if (n > 0) CHECK(code_of([&] { blank.decide_many(rs, " "); }) == errc::invalid_argument);
        CHECK(blank.audit().entries().size() == f.ledger.audit().entries().size());
    }
}
