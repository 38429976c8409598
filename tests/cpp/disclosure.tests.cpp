// Consent-gated disclosure: scenarios from the seeds and the law, decided
// from the case's one journal.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sfcore/archive.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

struct family {
    fixtures::world w;
    case_file c;
    instant t0;

    family() : c(make()) {
        t0 = w.tick();
        REQUIRE(c.record(w.dir, "coordinator", t0, issue_areas_set{{issue_area::education, issue_area::housing}}));
    }

    case_file make() {
        case_file x = w.drive_to(state::preparing);  // Hine (parent, 1988) and Tama (child, 2015)
        member rangi{{}, "Rangi Te Rangi", member_role::young_person, make_date(2009, 6, 1), true};
        w.rec(x, member_added{rangi});  // 16 in 2026: consents for himself
        return x;
    }

    sharing_consent_given consent(member_id subject, std::vector<recipient> to, category_set cats,
                                  purpose_set why = all_purposes) const {
        sharing_consent_given k;
        k.subject = subject;
        k.given_by = subject == member_id{2} ? member_id{1} : subject;
        if (subject == member_id{2}) k.child_views = "ok if it helps me at school";
        k.scope = {std::move(to), cats, why, make_date(2026, 1, 1), make_date(2026, 12, 31)};
        k.signed_on = make_date(2026, 3, 2);
        k.form_version = "SF-consent-2024";
        return k;
    }

    std::uint32_t give(member_id subject, std::vector<recipient> to, category_set cats, purpose_set why = all_purposes) {
        const outcome o = w.rec(c, consent(subject, std::move(to), cats, why));
        REQUIRE(o.accepted);
        return o.assigned;
    }

    outcome fact(event_payload p) { return w.rec(c, std::move(p)); }

    disclosure_request ask(std::vector<member_id> subjects, category what, recipient to, purpose why = purpose::meeting) {
        return {recipient::of(agencies::MOE), std::move(subjects), what, to, why, w.tick()};
    }
    decision decide(const disclosure_request& r, std::string_view actor = "x") { return c.decide(w.dir, r, actor); }
    decision check(const disclosure_request& r) const { return c.check(w.dir, r); }
    recipient msd() const { return recipient::of(agencies::MSD); }
    recipient teacher() const { return recipient::of(agencies::MOE, w.teacher); }
};

} // namespace

SCENARIO("the family keeps one item confidential", "[disclosure][seed]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing) | bit(category::income_benefits));
    REQUIRE(f.fact(necessity_adjusted{category::income_benefits, true}));
    REQUIRE(f.decide(f.ask({member_id{1}}, category::income_benefits, f.msd())));
    REQUIRE(f.fact(confidential_marked{member_id{1}, category::income_benefits, true}));
    const decision d = f.decide(f.ask({member_id{1}}, category::income_benefits, f.msd()));
    CHECK_FALSE(d.permit);
    CHECK(d.rule == decision_rule::confidential);
    CHECK(f.c.explain(d.seq) == "refused for member 1: the family marked this information confidential");
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).permit);
    const auto n = f.c.notice(f.w.dir, member_id{1}, purpose::meeting, f.w.tick());
    CHECK(n.confidential == std::vector<category>{category::income_benefits});
    CHECK(n.text.find("Ministry of Social Development may receive your housing.") != std::string::npos);
    CHECK(n.text.find("income and benefits stay confidential") != std::string::npos);
}

SCENARIO("the family invites one named worker from an agency but not the agency as a whole", "[disclosure][seed]") {
    family f;
    f.give(member_id{1}, {f.teacher()}, bit(category::education));
    CHECK(f.decide(f.ask({member_id{1}}, category::education, f.teacher())).permit);
    const decision whole = f.decide(f.ask({member_id{1}}, category::education, recipient::of(agencies::MOE)));
    CHECK(whole.rule == decision_rule::recipient_not_named);
    GIVEN("a consent to a whole agency") {
        f.give(member_id{1}, {f.msd()}, bit(category::housing));
        THEN("it covers the agency's workers") {
            CHECK(f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agencies::MSD, f.w.social_worker))).permit);
        }
    }
}

SCENARIO("disclosure consent is withdrawn mid-plan, wholly or in part", "[disclosure][seed]") {
    family f;
    f.give(member_id{1}, {f.msd(), recipient::of(agencies::MOE)}, bit(category::housing) | bit(category::education));
    const instant before = f.w.tick();
    WHEN("the whole consent is withdrawn") {
        const instant at = f.w.tick();
        REQUIRE(f.c.record(f.w.dir, "coordinator", at, sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}));
        THEN("later decisions deny, earlier ones are answered from history") {
            CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).rule == decision_rule::withdrawn);
            disclosure_request past = f.ask({member_id{1}}, category::housing, f.msd());
            past.at = before;
            CHECK(f.check(past).permit);
            past.at = at;  // from the recorded instant
            CHECK_FALSE(f.check(past).permit);
            past.at = at - boost::posix_time::seconds(1);
            CHECK(f.check(past).permit);
        }
    }
    WHEN("only one agency is withdrawn") {
        REQUIRE(f.fact(sharing_consent_withdrawn{member_id{1}, f.msd(), std::nullopt, ""}));
        CHECK_FALSE(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).permit);
        CHECK_FALSE(f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agencies::MSD, f.w.social_worker))).permit);
        CHECK(f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agencies::MOE))).permit);
    }
    WHEN("only one named worker is withdrawn") {
        REQUIRE(f.fact(sharing_consent_withdrawn{member_id{1}, f.teacher(), std::nullopt, ""}));
        CHECK_FALSE(f.decide(f.ask({member_id{1}}, category::education, f.teacher())).permit);
        CHECK(f.decide(f.ask({member_id{1}}, category::education, recipient::of(agencies::MOE))).permit);
    }
    WHEN("only one category is withdrawn") {
        REQUIRE(f.fact(sharing_consent_withdrawn{member_id{1}, std::nullopt, category::housing, ""}));
        CHECK_FALSE(f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agencies::MOE))).permit);
        CHECK(f.decide(f.ask({member_id{1}}, category::education, recipient::of(agencies::MOE))).permit);
    }
    WHEN("a new consent is given after a withdrawal") {
        REQUIRE(f.fact(sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}));
        f.give(member_id{1}, {f.msd()}, bit(category::housing));
        CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).permit);
    }
    WHEN("a withdrawal and a consent are recorded at the same instant") {
        const instant at = f.w.tick();
        REQUIRE(f.c.record(f.w.dir, "c", at, sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}));
        REQUIRE(f.c.record(f.w.dir, "c", at, f.consent(member_id{1}, {f.msd()}, bit(category::housing))));
        THEN("the withdrawal covers the consents recorded at or before its instant, the new one too") {
            CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).rule == decision_rule::withdrawn);
        }
    }
}

TEST_CASE("a withdrawal for one worker covers a consent to their agency recorded at the same instant, for that worker alone", "[disclosure]") {
    // Rangi has no consent yet: the withdrawal names a worker no consent names.
    family f;
    const recipient worker = recipient::of(agencies::MSD, f.w.social_worker);
    const instant at = f.w.tick();
    REQUIRE(f.c.record(f.w.dir, "c", at, sharing_consent_withdrawn{member_id{3}, worker, std::nullopt, ""}));
    REQUIRE(f.c.record(f.w.dir, "c", at, f.consent(member_id{3}, {f.msd()}, bit(category::housing))));
    const case_file replayed = case_file::replay(f.c.id(), {f.c.journal().begin(), f.c.journal().end()});
    for (const case_file* c : {static_cast<const case_file*>(&f.c), &replayed}) {
        const auto check = [&](const recipient& to) {
            return c->check(f.w.dir, {f.msd(), {member_id{3}}, category::housing, to, purpose::meeting, f.w.tick()});
        };
        CHECK(check(worker).rule == decision_rule::withdrawn);
        CHECK(check(f.msd()).permit);
    }
    GIVEN("a consent to the agency a moment later") {
        f.give(member_id{3}, {f.msd()}, bit(category::housing));
        THEN("it is not withdrawn for the worker") {
            const decision d = f.check({f.msd(), {member_id{3}}, category::housing, worker, purpose::meeting, f.w.tick()});
            CHECK(d.permit);
            CHECK(d.consent == 2);
        }
    }
}

SCENARIO("a member who withdraws from the process withdraws their consent to share", "[disclosure][seed]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing));
    f.give(member_id{3}, {f.msd()}, bit(category::housing));
    REQUIRE(f.decide(f.ask({member_id{1}}, category::housing, f.msd(), purpose::plan_delivery)).permit);
    REQUIRE(f.fact(consent_withdrawn{member_id{1}, "we want to stop"}));
    CHECK(f.c.state() == state::closed);
    const decision d = f.decide(f.ask({member_id{1}}, category::housing, f.msd(), purpose::plan_delivery));
    CHECK(d.rule == decision_rule::withdrawn);
    CHECK(f.decide(f.ask({member_id{3}}, category::housing, f.msd(), purpose::plan_delivery)).permit);
    REQUIRE(f.c.disclosure().withdrawals().size() == 1);
    CHECK(f.c.disclosure().withdrawals()[0].from_process);
}

TEST_CASE("the combination rule: each subject's own consent, every subject needed, deny overrides", "[disclosure]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing));
    const decision both = f.decide(f.ask({member_id{1}, member_id{3}}, category::housing, f.msd()));
    CHECK_FALSE(both.permit);
    CHECK(both.subject == member_id{3});
    CHECK(both.rule == decision_rule::no_consent);
    f.give(member_id{3}, {f.msd()}, bit(category::housing));
    CHECK(f.decide(f.ask({member_id{1}, member_id{3}}, category::housing, f.msd())).permit);
    // A child's information is governed by the consent a parent gave for the child, not the parent's own.
    CHECK(f.decide(f.ask({member_id{2}}, category::housing, f.msd())).rule == decision_rule::no_consent);
    f.give(member_id{2}, {f.msd()}, bit(category::housing));
    CHECK(f.decide(f.ask({member_id{2}}, category::housing, f.msd())).permit);
}

TEST_CASE("of several consents that permit, the earliest is named", "[disclosure]") {
    family f;
    const auto first = f.give(member_id{1}, {f.msd()}, bit(category::housing));
    const auto second = f.give(member_id{1}, {f.msd(), f.teacher()}, bit(category::housing) | bit(category::education));
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).consent == first);
    CHECK(f.decide(f.ask({member_id{1}}, category::education, f.msd())).consent == second);
    REQUIRE(f.fact(sharing_consent_withdrawn{member_id{1}, std::nullopt, category::housing, ""}));
    f.give(member_id{1}, {f.msd()}, bit(category::housing));
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).consent == 3);
}

TEST_CASE("each refusal names the closest consent's gap", "[disclosure]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing), bit(purpose::meeting));
    const auto rule = [&](category c, recipient to, purpose why) { return f.decide(f.ask({member_id{1}}, c, to, why)).rule; };
    CHECK(rule(category::housing, recipient::of(agencies::POLICE), purpose::meeting) == decision_rule::recipient_not_named);
    CHECK(rule(category::education, f.msd(), purpose::meeting) == decision_rule::category_not_named);
    CHECK(rule(category::housing, f.msd(), purpose::review) == decision_rule::purpose_not_named);
    CHECK(rule(category::police, f.msd(), purpose::meeting) == decision_rule::not_necessary);
    CHECK(rule(category::housing, f.msd(), purpose::meeting) == decision_rule::consent);
    disclosure_request late = f.ask({member_id{1}}, category::housing, f.msd());
    late.at = nz_time(make_date(2027, 2, 1), 9, 0);
    CHECK(f.check(late).rule == decision_rule::outside_period);
    disclosure_request early = late;
    early.at = f.t0 - boost::posix_time::hours(24 * 30);
    CHECK(f.check(early).rule == decision_rule::not_necessary);  // before the key issues were set
    early.at = f.t0 + boost::posix_time::seconds(1);
    CHECK(f.check(early).rule == decision_rule::not_yet_recorded);  // before the consent
}

TEST_CASE("a consent's period is New Zealand days, from the first day's midnight to the last day's end", "[disclosure]") {
    family f;
    sharing_consent_given k = f.consent(member_id{1}, {f.msd()}, bit(category::housing));
    k.scope.from = make_date(2026, 3, 10);
    k.scope.until = make_date(2026, 3, 20);
    REQUIRE(f.fact(k));
    disclosure_request r = f.ask({member_id{1}}, category::housing, f.msd());
    const auto at = [&](int month, int day, int hour, int minute, int second = 0) {
        r.at = nz_time(make_date(2026, month, day), hour, minute) + boost::posix_time::seconds(second);
        return f.check(r).rule;
    };
    CHECK(at(3, 9, 23, 59, 59) == decision_rule::outside_period);
    CHECK(at(3, 10, 0, 0) == decision_rule::consent);
    CHECK(at(3, 20, 23, 59, 59) == decision_rule::consent);
    CHECK(at(3, 21, 0, 0) == decision_rule::outside_period);
}

TEST_CASE("necessity follows the family's key issues, widened or narrowed by the family", "[disclosure]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::health) | bit(category::housing));
    CHECK(f.decide(f.ask({member_id{1}}, category::health, f.msd())).rule == decision_rule::not_necessary);
    // De-identified reporting is not bound by the key issues.
    CHECK(f.decide(f.ask({member_id{1}}, category::health, f.msd(), purpose::deidentified)).permit);
    REQUIRE(f.fact(necessity_adjusted{category::health, true}));
    CHECK(f.decide(f.ask({member_id{1}}, category::health, f.msd())).permit);
    REQUIRE(f.fact(necessity_adjusted{category::housing, false}));
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).rule == decision_rule::not_necessary);
    CHECK((default_necessity(issue_area::family_violence) & bit(category::police)) != 0);
    // Setting the issue areas again starts from them (identity and contact details always).
    REQUIRE(f.fact(issue_areas_set{{issue_area::housing}}));
    CHECK(f.decide(f.ask({member_id{1}}, category::health, f.msd())).rule == decision_rule::not_necessary);
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).permit);
}

TEST_CASE("who may consent: adults and young people for themselves, a parent for a child with the child's views", "[disclosure][consent]") {
    family f;
    auto refused_by = [&](sharing_consent_given k) {
        const outcome o = f.fact(std::move(k));
        return o.accepted ? guard::none : o.guard;
    };
    auto k = f.consent(member_id{2}, {f.msd()}, bit(category::housing));
    k.child_views = "";
    CHECK(refused_by(k) == guard::consent_giver);
    k = f.consent(member_id{2}, {f.msd()}, bit(category::housing));
    k.given_by = member_id{2};
    CHECK(refused_by(k) == guard::consent_giver);
    k = f.consent(member_id{3}, {f.msd()}, bit(category::housing));
    k.given_by = member_id{1};  // Rangi is 16: his own consent
    CHECK(refused_by(k) == guard::consent_giver);
    k = f.consent(member_id{1}, {f.msd()}, 0);
    CHECK(code_of([&] { f.fact(k); }) == errc::invalid_consent);
    k = f.consent(member_id{1}, {}, bit(category::housing));
    CHECK(code_of([&] { f.fact(k); }) == errc::invalid_consent);
    k = f.consent(member_id{1}, {f.msd()}, bit(category::housing));
    k.scope.until = make_date(2025, 1, 1);
    CHECK(code_of([&] { f.fact(k); }) == errc::invalid_consent);
    k = f.consent(member_id{9}, {f.msd()}, bit(category::housing));
    CHECK(code_of([&] { f.fact(k); }) == errc::not_found);
    k = f.consent(member_id{1}, {recipient::of(agencies::MSD, f.w.teacher)}, bit(category::housing));
    CHECK(code_of([&] { f.fact(k); }) == errc::invalid_argument);  // the teacher is not an MSD worker
    k = f.consent(member_id{1}, {recipient::of(agency_id{99})}, bit(category::housing));
    CHECK(code_of([&] { f.fact(k); }) == errc::not_found);
    CHECK(f.c.disclosure().consents().empty());
    // The consent age is the case's setting, recorded in its journal.
    REQUIRE(f.fact(consent_ages_set{17, 18}));
    k = f.consent(member_id{3}, {f.msd()}, bit(category::housing));
    CHECK(refused_by(k) == guard::consent_giver);  // under 17: a parent consents
    CHECK(code_of([&] { f.fact(consent_ages_set{19, 18}); }) == errc::invalid_argument);
}

SCENARIO("a police request under s66 and a serious-threat disclosure are recorded in full", "[disclosure][law]") {
    family f;
    shared_without_consent r = f.w.s66_sharing();
    r.requested_by.clear();
    r.requester_role = s66_requester::none;
    r.not_told_reason.clear();
    WHEN("the record does not say who requested it or why the family was not told") {
        const outcome o = f.fact(r);
        THEN("it is refused, naming what is missing, and nothing is recorded") {
            CHECK_FALSE(o.accepted);
            CHECK(o.guard == guard::record_complete);
            CHECK(o.missing == std::vector<std::string>{"requested_by", "requester_role", "not_told_reason"});
            CHECK(o.reason ==
                  "the record lacks who requested it under s66; whether the chief executive, a care and protection "
                  "co-ordinator or a constable asked (s66); why the child or family was not consulted or told");
            CHECK(f.c.entries(event_type::shared_without_consent).empty());
        }
    }
    WHEN("the record is complete") {
        r.requested_by = "Constable Rewi, NZ Police";
        r.requester_role = s66_requester::constable;
        r.not_told_reason = "telling the family would prejudice the investigation";
        REQUIRE(f.fact(r));
        THEN("it is one entry of the journal, with every field, and consent decisions are unchanged") {
            const auto shared = f.c.entries(event_type::shared_without_consent);
            REQUIRE(shared.size() == 1);
            CHECK(std::get<shared_without_consent>(shared[0]->payload) == r);
            CHECK_FALSE(f.decide(f.ask({member_id{2}}, category::child_protection, recipient::of(agencies::POLICE))).permit);
        }
    }
    WHEN("a serious threat is disclosed under IPP 11 with a full record") {
        shared_without_consent t = f.w.s66_sharing();
        t.basis = legal_basis::privacy_ipp11;
        t.requested_by.clear();
        t.requester_role = s66_requester::none;
        t.what = category::mental_health;
        t.description = "Hine said she intends to harm herself tonight";
        t.subjects = {member_id{1}};
        t.recipient = recipient::of(agencies::DHB);
        t.purpose = "crisis mental health response";
        t.necessity = "a serious and imminent threat to life; the crisis team can act on it";
        t.not_told_reason = "told Hine afterwards; no time to consult before";
        CHECK(f.fact(t).accepted);
        t.basis = legal_basis::ot_s66c;
        CHECK(f.fact(t).missing == std::vector<std::string>{"s66c"});
    }
    WHEN("a request is declined without reasons") {
        request_declined d{recipient::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66, {}, "Principal"};
        const outcome o = f.fact(d);
        CHECK_FALSE(o.accepted);
        CHECK(o.missing == std::vector<std::string>{"reasons"});
        d.reasons = {"s66J: the information is not held by the school"};
        CHECK(f.fact(d).accepted);
        CHECK(f.c.entries(event_type::request_declined).size() == 1);
    }
}

TEST_CASE("s66C sharing is between child welfare and protection agencies, as the directory says", "[disclosure][law]") {
    family f;
    shared_without_consent r = f.w.s66_sharing();  // the school to the Police
    r.basis = legal_basis::ot_s66c;
    r.s66c = s66c_purpose::risk_of_harm;
    r.requested_by.clear();
    r.requester_role = s66_requester::none;
    CHECK(f.c.would_accept(f.w.dir, "coordinator", f.w.clock, r).accepted);
    // Inland Revenue is not one: refused, and the reason names it.
    r.recipient = recipient::of(agencies::IRD);
    outcome o = f.c.would_accept(f.w.dir, "coordinator", f.w.clock, r);
    CHECK(o.guard == guard::basis_allowed);
    CHECK(o.reason == "Inland Revenue is not a child welfare and protection agency: s66C does not cover it");
    // Nor is an NGO until the directory says it is; a named practitioner is judged by their agency.
    r.recipient = recipient::of(f.w.trust);
    CHECK(f.c.would_accept(f.w.dir, "coordinator", f.w.clock, r).guard == guard::basis_allowed);
    r.discloser = recipient::of(agencies::ACC);
    r.recipient = recipient::of(agencies::MSD);
    CHECK(f.c.would_accept(f.w.dir, "coordinator", f.w.clock, r).guard == guard::basis_allowed);  // the discloser too
    r.discloser = recipient::of(agencies::MOE, f.w.teacher);
    r.recipient = recipient::of(f.w.trust);
    f.w.dir.set_child_welfare(f.w.trust, true);
    REQUIRE(f.fact(r));
    // The journal holds what was decided when it was recorded: it replays after the directory changes.
    f.w.dir.set_child_welfare(f.w.trust, false);
    CHECK(load_case(save_archive(f.c)) == f.c);
    // Other bases do not ask this of the agencies.
    shared_without_consent s = f.w.s66_sharing();
    s.recipient = recipient::of(agencies::IRD);
    CHECK(f.c.would_accept(f.w.dir, "coordinator", f.w.clock, s).accepted);
}

TEST_CASE("every field the law asks a record to hold is required, one at a time", "[disclosure][law]") {
    family f;
    const shared_without_consent full = f.w.s66_sharing();
    REQUIRE(f.c.would_accept(f.w.dir, "coordinator", f.w.clock, full).accepted);
    const auto lacks = [&](auto change) {
        shared_without_consent r = full;
        change(r);
        return f.c.would_accept(f.w.dir, "coordinator", f.w.clock, r).missing;
    };
    using v = std::vector<std::string>;
    CHECK(lacks([](auto& r) { r.description = " "; }) == v{"description"});
    CHECK(lacks([](auto& r) { r.purpose.clear(); }) == v{"purpose"});
    CHECK(lacks([](auto& r) { r.approver = "\t"; }) == v{"approver"});
    CHECK(lacks([](auto& r) { r.necessity.clear(); }) == v{"necessity"});
    CHECK(lacks([](auto& r) { r.requested_by.clear(); }) == v{"requested_by"});
    CHECK(lacks([](auto& r) { r.requester_role = s66_requester::none; }) == v{"requester_role"});
    CHECK(lacks([](auto& r) { r.not_told_reason.clear(); }) == v{"not_told_reason"});
    CHECK(lacks([](auto& r) { r.basis = legal_basis::ot_s66c; }) == (v{"s66c", "requester_role"}));  // s66 asks who asked; s66C does not
    CHECK(lacks([](auto& r) {
              r.basis = legal_basis::ot_s66c;
              r.requester_role = s66_requester::none;
          }) == v{"s66c"});
    CHECK(lacks([](auto& r) { r.s66c = s66c_purpose::risk_of_harm; }) == v{"s66c"});  // a purpose of s66C under s66
    CHECK(lacks([](auto& r) {
              r.not_told_reason.clear();
              r.child_consulted = r.family_told = true;
          }).empty());
    CHECK(lacks([](auto& r) {
              r.not_told_reason.clear();
              r.child_consulted = true;  // the family was not told
          }) == v{"not_told_reason"});
    CHECK(lacks([](auto& r) {
              r.basis = legal_basis::ot_s15;
              r.requested_by.clear();  // asked for only under s66
              r.requester_role = s66_requester::none;
          }).empty());
    CHECK(lacks([](auto& r) { r.basis = legal_basis::ot_s15; }) == v{"requester_role"});
    const request_declined declined{recipient::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66,
                                    {"s66J: not held"}, "Principal"};
    const auto declines = [&](auto change) {
        request_declined d = declined;
        change(d);
        return f.c.would_accept(f.w.dir, "coordinator", f.w.clock, d).missing;
    };
    CHECK(declines([](auto&) {}).empty());
    CHECK(declines([](auto& d) { d.reasons = {" "}; }) == v{"reasons"});
    CHECK(declines([](auto& d) { d.decided_by.clear(); }) == v{"decided_by"});
}

SCENARIO("a sharing without consent the family was told of is in the member's notice", "[disclosure][law]") {
    family f;
    shared_without_consent r = f.w.s66_sharing();
    r.subjects = {member_id{1}};
    r.family_told = true;
    r.child_consulted = true;
    r.not_told_reason.clear();
    REQUIRE(f.fact(r));
    const auto n = f.c.notice(f.w.dir, member_id{1}, purpose::meeting, f.w.tick());
    REQUIRE(n.shared_without_consent.size() == 1);
    CHECK(n.text.find("Ministry of Education shared your child protection history with New Zealand Police without your consent") != std::string::npos);
    CHECK(f.c.notice(f.w.dir, member_id{2}, purpose::meeting, f.w.tick()).shared_without_consent.empty());
    REQUIRE(f.fact(notice_given{member_id{1}, purpose::meeting}));
    CHECK(f.c.entries(event_type::notice_given).size() == 1);
}

TEST_CASE("a filtered view shows only what is permitted, says nothing of the rest, and is in the access log", "[disclosure][view]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing));
    const std::vector<info_item> items{{{member_id{1}}, category::housing, "rent arrears $1,200"},
                                       {{member_id{1}}, category::education, "left school at 15"},
                                       {{member_id{1}, member_id{3}}, category::housing, "shared tenancy"},
                                       {{member_id{1}}, category::identity_contact, "021 555 0101"}};
    const auto shown = f.c.view(f.w.dir, items, f.msd(), purpose::meeting, f.w.tick(), "msd-worker");
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].content == "rent arrears $1,200");
    const auto views = f.c.access_log("msd-worker");
    REQUIRE(views.size() == 1);  // the access log: who viewed what
    const auto& v = std::get<view_shown>(views[0]->payload);
    CHECK(v.offered == 4);
    REQUIRE(v.shown.size() == 1);
    CHECK(v.shown[0].what == category::housing);
    CHECK(f.c.access_log("someone else").empty());
}

TEST_CASE("bad requests are errors, refusals are values", "[disclosure]") {
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing));
    CHECK(f.decide(f.ask({member_id{1}}, category::housing, f.msd())).permit);
    const std::size_t before = f.c.journal().size();
    CHECK(code_of([&] { f.decide(f.ask({member_id{0}}, category::housing, f.msd())); }) == errc::not_found);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agencies::MSD, practitioner_id{99}))); }) == errc::not_found);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, f.msd(), static_cast<purpose>(9))); }) == errc::invalid_request);
    // An instant that is not a time is an error, never an answer.
    for (const auto special : {boost::date_time::not_a_date_time, boost::date_time::pos_infin, boost::date_time::neg_infin}) {
        auto r = f.ask({member_id{1}}, category::housing, f.msd());
        r.at = instant(special);
        CHECK(code_of([&] { f.check(r); }) == errc::out_of_range);
        CHECK(code_of([&] { f.c.check(f.w.dir, f.msd(), member_id{1}, category::housing, f.msd(), purpose::meeting, instant(special)); }) == errc::out_of_range);
    }
    CHECK(code_of([&] { f.decide(f.ask({}, category::housing, f.msd())); }) == errc::invalid_request);
    CHECK(code_of([&] { f.decide(f.ask({member_id{7}}, category::housing, f.msd())); }) == errc::not_found);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, static_cast<category>(60), f.msd())); }) == errc::invalid_request);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, recipient{})); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, recipient::of(agency_id{99}))); }) == errc::not_found);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, f.msd()), ""); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, category::housing, f.msd()), "\xff"); }) == errc::invalid_utf8);
    CHECK(f.c.journal().size() == before);  // nothing recorded by a bad request
    // A fact earlier than the last is refused; asking about any instant is not.
    CHECK(code_of([&] { f.c.record(f.w.dir, "c", f.t0 - boost::posix_time::hours(1), sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}); }) == errc::invalid_argument);
    // Access records are written by the library only.
    CHECK(code_of([&] { f.fact(disclosure_decided{}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.fact(view_shown{}); }) == errc::invalid_argument);
}

TEST_CASE("the case's own categories, up to 64", "[disclosure][categories]") {
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
    const outcome o = f.fact(category_registered{"whenua", "land and whenua matters", {}});
    REQUIRE(o);
    const auto whenua = static_cast<category>(o.assigned);
    CHECK(whenua == static_cast<category>(13));
    REQUIRE(f.fact(necessity_adjusted{whenua, true}));
    f.give(member_id{1}, {f.msd()}, bit(whenua));
    CHECK(f.decide(f.ask({member_id{1}}, whenua, f.msd())).permit);
    CHECK(f.c.notice(f.w.dir, member_id{1}, purpose::meeting, f.w.tick()).text.find("land and whenua matters") != std::string::npos);
    // A category the case does not know is a clear error.
    CHECK(code_of([&] { f.decide(f.ask({member_id{1}}, static_cast<category>(14), f.msd())); }) == errc::invalid_request);
    CHECK(code_of([&] { f.fact(category_registered{"whenua", "again", {}}); }) == errc::already_exists);
}

TEST_CASE("decide_many gives the decisions and the entries of decide() in a loop", "[disclosure][bulk]") {
    const std::size_t n = GENERATE(std::size_t{0}, std::size_t{7}, std::size_t{5000});
    CAPTURE(n);
    family f;
    f.give(member_id{1}, {f.msd()}, bit(category::housing) | bit(category::education));
    f.give(member_id{3}, {f.teacher()}, bit(category::education));
    const category cats[] = {category::housing, category::education, category::health};
    const recipient to[] = {f.msd(), f.teacher(), recipient::of(agencies::POLICE)};
    std::vector<disclosure_request> rs;
    const instant at = f.w.tick();
    for (std::size_t i = 0; i < n; ++i)
        rs.push_back({recipient::of(agencies::MOE),
                      i % 5 == 0 ? std::vector<member_id>{member_id{1}, member_id{3}} : std::vector<member_id>{member_id{static_cast<std::uint32_t>(1 + i % 3)}},
                      cats[i % 3], to[(i / 3) % 3], purpose::meeting, at + boost::posix_time::seconds(static_cast<long>(i % 7) - 3)});
    fixtures::fixed_clock clock;
    case_file one = f.c, many = f.c;
    std::vector<decision> expected;
    for (const auto& r : rs) expected.push_back(one.decide(f.w.dir, r, "worker"));
    const auto got = many.decide_many(f.w.dir, rs, "worker");
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(got[i].permit == expected[i].permit);
        CHECK(got[i].rule == expected[i].rule);
        CHECK(got[i].seq == expected[i].seq);
    }
    CHECK(many.journal().size() == one.journal().size());
    CHECK(many.verify());
    if (n > 1) {
        // The batch reads the library's clock once: its entries share one recorded instant (decide() reads it each time).
        struct ticking {  // a microsecond later at every reading, from after the family's entries
            static instant now(void* context) { return *static_cast<instant*>(context) += boost::posix_time::microseconds(1); }
        };
        instant t = f.c.journal().back().recorded + boost::posix_time::seconds(1);
        set_clock(&ticking::now, &t);
        one = f.c;
        many = f.c;
        for (const auto& r : rs) one.decide(f.w.dir, r, "worker");
        many.decide_many(f.w.dir, rs, "worker");
        set_clock(&fixtures::fixed_clock::now, &clock.ticks);
        const auto& j = many.journal();
        const std::size_t first = j.size() - n;
        const auto same = std::count_if(j.begin() + static_cast<std::ptrdiff_t>(first), j.end(),
                                        [&](const event& e) { return e.recorded == j[first].recorded; });
        CHECK(static_cast<std::size_t>(same) == n);
        CHECK(one.journal().back().recorded > one.journal()[first].recorded);
    }

    SECTION("a malformed request stops the batch: what came before it is recorded, nothing after") {
        if (n < 10) return;
        case_file bad = f.c;
        std::vector<disclosure_request> broken = rs;
        broken[n - 100].subjects = {member_id{42}};
        CHECK(code_of([&] { bad.decide_many(f.w.dir, broken, "worker"); }) == errc::not_found);
        CHECK(bad.journal().size() == f.c.journal().size() + (n - 100));
        CHECK(bad.verify());
    }
    SECTION("a blank actor is refused before anything is decided") {
        case_file blank = f.c;
        if (n > 0) CHECK(code_of([&] { blank.decide_many(f.w.dir, rs, " "); }) == errc::invalid_argument);
        CHECK(blank.journal().size() == f.c.journal().size());
    }
}

TEST_CASE("the discloser of every decision and sharing is in the directory, or nothing is decided or recorded", "[disclosure][input]") {
    family f;
    REQUIRE(f.fact(f.consent(member_id{1}, {recipient::of(agencies::MSD)}, bit(category::housing))));
    const std::size_t before = f.c.journal().size();
    disclosure_request r = f.w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    REQUIRE(f.c.check(f.w.dir, r).permit);
    r.discloser = recipient::of(agency_id{999});  // no such agency
    CHECK(code_of([&] { f.c.decide(f.w.dir, r, "msd"); }) == errc::not_found);
    CHECK(code_of([&] { f.c.check(f.w.dir, r); }) == errc::not_found);
    r.discloser = recipient::of(agencies::MOE, practitioner_id{999});  // no such practitioner
    CHECK(code_of([&] { f.c.decide(f.w.dir, r, "msd"); }) == errc::not_found);
    r.discloser = recipient::of(agencies::MOE, f.w.officer);  // a practitioner of another agency
    CHECK(code_of([&] { f.c.decide(f.w.dir, r, "msd"); }) == errc::invalid_argument);
    shared_without_consent s = f.w.s66_sharing();
    s.discloser = recipient::of(agency_id{999});
    CHECK(code_of([&] { f.fact(s); }) == errc::not_found);
    CHECK(f.c.journal().size() == before);  // nothing decided, nothing recorded
}
