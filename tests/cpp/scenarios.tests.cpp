// Stories from the Strengthening Families, Children's Teams and Intensive
// Intervention material, as the engine must tell them.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace sfcore;
using fixtures::code_of;

SCENARIO("a family refers itself and reaches an agreed plan", "[scenario][seed]") {
    fixtures::world w;
    GIVEN("a self-referral") {
        referral r;
        r.source = referral_source::family;
        r.received = make_date(2026, 3, 2);
        r.family_name = "Ōtāhuhu whānau";
        case_file c = case_file::open(case_id{5}, w.dir, r, "coordinator", w.tick());
        WHEN("the coordinator accepts it and the family gives written consent") {
            REQUIRE(w.rec(c, referral_accepted{}));
            member m;
            m.name = "Ana";
            m.role = member_role::parent_caregiver;
            REQUIRE(w.rec(c, member_added{m}).assigned == 1);
            REQUIRE(w.rec(c, consent_recorded{member_id{1}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
            THEN("preparation can start, directed by the family") {
                REQUIRE(w.rec(c, preparation_started{}));
                CHECK(c.state() == state::preparing);
                CHECK(c.referral().source == referral_source::family);
            }
        }
    }
}

SCENARIO("a family will not have one agency in the room", "[scenario][seed]") {
    fixtures::world w;
    GIVEN("a family that approved MSD and the school's teacher, but not Police") {
        case_file c = w.drive_to(state::preparing);
        REQUIRE(w.rec(c, invitee_withdrawn{party::of(agencies::POLICE)}));
        WHEN("a meeting is scheduled with Police invited") {
            const outcome o =
                w.rec(c, meeting_scheduled{w.meeting_with({party::of(agencies::MSD), party::of(agencies::POLICE)})});
            THEN("it is refused, naming the guard and the agency") {
                CHECK_FALSE(o.accepted);
                CHECK(o.guard == guard::invitees_approved);
                CHECK(o.reason == "the family has not approved agency 12 to take part");
                CHECK(c.state() == state::preparing);
                CHECK(c.meetings().empty());
            }
        }
        WHEN("the family approves one named worker but not the worker's agency") {
            REQUIRE(w.rec(c, invitee_approved{party::of(w.officer)}));
            THEN("the worker may come, the agency as a whole may not") {
                CHECK(c.is_approved(party::of(w.officer)));
                CHECK_FALSE(c.is_approved(party::of(agencies::POLICE)));
                CHECK(w.rec(c, meeting_scheduled{w.meeting_with({party::of(w.officer)})}));
            }
        }
    }
}

SCENARIO("no meeting is scheduled without every participating adult's written consent", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    member koro;
    koro.name = "Koro Te Rangi";
    koro.role = member_role::other_whanau;
    REQUIRE(w.rec(c, member_added{koro}));
    const outcome o = w.rec(c, meeting_scheduled{w.meeting_with({party::of(agencies::MSD)})});
    CHECK(o.guard == guard::written_consent);
    CHECK(o.reason == "written consent to take part is missing from member 3");
    REQUIRE(w.rec(c, consent_recorded{member_id{3}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
    CHECK(w.rec(c, meeting_scheduled{w.meeting_with({party::of(agencies::MSD)})}));
    CHECK(c.meetings().front().karakia);
}

SCENARIO("no one takes part in a meeting without the family's approval", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    REQUIRE(w.rec(c, invitee_withdrawn{party::of(agencies::POLICE)}));
    REQUIRE(w.rec(c, meeting_scheduled{w.meeting_with({party::of(agencies::MSD)})}));
    const outcome o = w.rec(c, meeting_held{meeting_id{1}, {party::of(member_id{1}), party::of(w.officer)}});
    CHECK(o.guard == guard::invitees_approved);
    CHECK(o.reason == "the family has not approved practitioner 4 to take part");
    CHECK_FALSE(c.meetings()[0].held);
    CHECK(w.rec(c, meeting_held{meeting_id{1}, {party::of(member_id{1}), party::of(agencies::MSD)}}));
}

SCENARIO("the plan is modified after a change of circumstances", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(c.plans().size() == 1);
    CHECK(c.plans()[0].version == 1);
    CHECK(c.roles().lead_agency == agencies::MSD);
    CHECK(c.roles().lead_contact == w.social_worker);
    plan revised = c.plans()[0];  // keeps the action ids: carried over
    action housing;
    housing.description = "Apply for emergency housing";
    housing.owner = party::of(agencies::HNZ);
    housing.due = make_date(2026, 4, 30);
    revised.actions.push_back(housing);
    WHEN("the revision gives no reason") {
        revised.revision_reason = "";
        const outcome o = w.rec(c, plan_revised{revised});
        THEN("it is refused") { CHECK(o.guard == guard::revision_reason); }
    }
    WHEN("the revision says why") {
        revised.revision_reason = "the family lost its tenancy";
        REQUIRE(w.rec(c, plan_revised{revised}));
        THEN("the plan is version 2, the old version is kept, and the new action has a new id") {
            CHECK(c.plans()[0].version == 2);
            CHECK(c.plan_history().size() == 2);
            CHECK(c.plan_history()[0].actions.size() == 2);
            CHECK(c.plans()[0].actions.back().id == action_id{3});
            CHECK(c.plans()[0].actions.front().id == action_id{1});
        }
    }
    WHEN("an action has no owner") {
        revised.revision_reason = "change";
        revised.actions.back().owner.reset();
        CHECK(w.rec(c, plan_revised{revised}).guard == guard::plan_complete);
    }
    WHEN("the plan loses its key contact") {
        revised.revision_reason = "change";
        revised.key_contact.reset();
        const outcome o = w.rec(c, plan_revised{revised});
        CHECK(o.guard == guard::plan_complete);
        CHECK(o.reason == "the plan names no key contact");
    }
}

SCENARIO("a review cycle renews the plan", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, action_updated{action_id{1}, action_status::done, "three sessions held"}));
    for (int round = 1; round <= 2; ++round) {
        REQUIRE(w.rec(c, review_scheduled{w.meeting_with({party::of(agencies::MSD)}, 35), ""}));
        CHECK(c.state() == state::under_review);
        CHECK(w.rec(c, plan_agreed{w.good_plan()}).guard == guard::meeting_held);  // the review is not held yet
        REQUIRE(w.rec(c, meeting_held{c.meetings().back().id, {party::of(member_id{1})}}));
        REQUIRE(w.rec(c, plan_agreed{c.plans()[0]}));
        CHECK(c.state() == state::plan_active);
        CHECK(c.plans()[0].version == static_cast<std::uint32_t>(round + 1));
    }
    CHECK(c.meetings().size() == 3);
    CHECK(c.meetings()[1].kind == meeting_kind::review);
    CHECK(c.plans()[0].actions[0].status == action_status::done);
}

SCENARIO("escalation ends the Strengthening Families case", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, escalated{"report of concern made to Oranga Tamariki"}));
    THEN("the case is closed, with no final report needed, and ordinary updates do not reopen it") {
        CHECK(c.state() == state::closed);
        CHECK(c.exit_reason() == exit_reason::escalated);
        const outcome o = w.rec(c, action_updated{action_id{1}, action_status::done, ""});
        CHECK(o.guard == guard::no_transition);
        CHECK(o.reason.find("reopen it first") != std::string::npos);
        CHECK(w.rec(c, member_added{}).guard == guard::no_transition);
        CHECK(c.state() == state::closed);
    }
}

SCENARIO("consent is withdrawn mid-plan", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, consent_withdrawn{member_id{1}, "we want to stop"}));
    THEN("the process stops: the case is closed with the reason recorded") {
        CHECK(c.state() == state::closed);
        CHECK(c.exit_reason() == exit_reason::consent_withdrawn);
        CHECK(c.consents()[0].ended_at.has_value());
    }
    AND_WHEN("the family asks to start again") {
        REQUIRE(w.rec(c, case_reopened{"the family asked to start again"}));
        THEN("the case waits for new written consent before anything else") {
            CHECK(c.state() == state::awaiting_consent);
            CHECK_FALSE(c.exit_reason().has_value());
            CHECK(w.rec(c, preparation_started{}).guard == guard::written_consent);
            REQUIRE(w.rec(c, consent_recorded{member_id{1}, make_date(2026, 3, 2), "SF-2025", std::nullopt, ""}));
            CHECK(w.rec(c, preparation_started{}));
        }
    }
}

SCENARIO("closing needs the lead contact's final report", "[scenario][seed]") {
    fixtures::world w;
    case_file c = w.drive_to(state::closing);
    CHECK(w.rec(c, case_closed{}).guard == guard::final_report);
    REQUIRE(w.rec(c, final_report_submitted{"goals met"}));
    REQUIRE(w.rec(c, case_closed{}));
    CHECK(c.state() == state::closed);
    CHECK(c.closed_at().has_value());
    CHECK(c.final_report_summary() == "goals met");
}

SCENARIO("a Children's Team makes one plan per child, with the child's own views", "[scenario][seed]") {
    fixtures::world w;
    GIVEN("a Children's Team referral") {
        case_file c = case_file::open(case_id{9}, w.dir, w.referral_for(programme::childrens_team), "c", w.tick());
        THEN("the coordinator alone cannot accept it: the panel does") {
            CHECK(w.rec(c, referral_accepted{false, ""}).guard == guard::panel_acceptance);
            CHECK(w.rec(c, referral_accepted{true, "panel of 2026-03-02"}));
        }
    }
    GIVEN("a Children's Team case whose meeting was held") {
        case_file c = w.drive_to(state::meeting_scheduled, programme::childrens_team);
        plan p = w.good_plan();
        WHEN("the plan names no child") {
            CHECK(w.rec(c, plan_agreed{p}).guard == guard::child_plan);
        }
        WHEN("the plan is for the parent") {
            p.child = member_id{1};
            p.child_views = "x";
            CHECK(w.rec(c, plan_agreed{p}).reason == "member 1 is not a child or young person of the family");
        }
        WHEN("the child's views are not recorded") {
            p.child = member_id{2};
            CHECK(w.rec(c, plan_agreed{p}).guard == guard::child_plan);
        }
        WHEN("the plan is for Tama with his views") {
            p.child = member_id{2};
            p.child_views = "I want to play rugby";
            REQUIRE(w.rec(c, plan_agreed{p}));
            THEN("a second plan for Tama is refused; a plan for his sister is his sister's own") {
                CHECK(w.rec(c, plan_agreed{p}).guard == guard::child_plan);
                member aroha;
                aroha.name = "Aroha Te Rangi";
                aroha.role = member_role::child;
                aroha.born = make_date(2018, 1, 9);
                REQUIRE(w.rec(c, member_added{aroha}));
                plan q = w.good_plan();
                q.child = member_id{3};
                q.child_views = "I like kapa haka";
                REQUIRE(w.rec(c, plan_agreed{q}));
                CHECK(c.plans().size() == 2);
            }
        }
        WHEN("the child is 18 or older") {
            member old;
            old.name = "Rangi";
            old.role = member_role::young_person;
            old.born = make_date(2007, 1, 1);
            REQUIRE(w.rec(c, member_added{old}));
            p.child = member_id{3};
            p.child_views = "ok";
            const outcome o = w.rec(c, plan_agreed{p});
            CHECK(o.guard == guard::child_plan);
            CHECK(o.reason.find("under 18") != std::string::npos);
        }
        WHEN("the case closes because the family moved away") {
            REQUIRE(w.rec(c, plan_agreed{[&] { plan q = w.good_plan(); q.child = member_id{2}; q.child_views = "ok"; return q; }()}));
            THEN("Children's Teams do not use that exit reason; 'other' with a note is used") {
                CHECK(w.rec(c, closure_started{exit_reason::moved_away, ""}).guard == guard::exit_reason_allowed);
                CHECK(code_of([&] { w.rec(c, closure_started{exit_reason::other, ""}); }) == errc::invalid_argument);
                CHECK(w.rec(c, closure_started{exit_reason::other, "moved to Australia"}));
            }
        }
    }
}

SCENARIO("Intensive Intervention referrals name their site", "[scenario][seed]") {
    fixtures::world w;
    referral r = w.referral_for(programme::intensive_intervention);
    r.site = "";
    case_file c = case_file::open(case_id{3}, w.dir, r, "c", w.tick());
    CHECK(w.rec(c, referral_accepted{}).guard == guard::site_named);
    case_file ok = case_file::open(case_id{4}, w.dir, w.referral_for(programme::intensive_intervention), "c", w.tick());
    CHECK(w.rec(ok, referral_accepted{}));
    CHECK(ok.referral().site == "Ōtāhuhu");
}

TEST_CASE("bad input is an error and changes nothing", "[lifecycle][input]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    const case_file before = c;
    CHECK(code_of([&] { w.rec(c, action_updated{action_id{99}, action_status::done, ""}); }) == errc::not_found);
    CHECK(code_of([&] { w.rec(c, consent_recorded{member_id{42}, make_date(2026, 3, 2), "v", std::nullopt, ""}); }) == errc::not_found);
    CHECK(code_of([&] { w.rec(c, member_added{member{member_id{}, "wh\xC4", member_role::child, std::nullopt, true}}); }) == errc::invalid_utf8);
    CHECK(code_of([&] { w.rec(c, member_added{member{member_id{}, "Baby", member_role::child, make_date(2030, 1, 1), true}}); }) == errc::out_of_range);
    CHECK(code_of([&] { w.rec(c, action_updated{action_id{1}, static_cast<action_status>(9), ""}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, roles_assigned{practitioner_id{77}, std::nullopt, std::nullopt, std::nullopt}); }) == errc::not_found);
    CHECK(code_of([&] { w.rec(c, roles_assigned{}); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.record(w.dir, "c", c.journal().back().when - boost::posix_time::hours(1), roles_assigned{w.teacher, {}, {}, {}}); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.record(w.dir, "", w.tick(), roles_assigned{w.teacher, {}, {}, {}}); }) == errc::invalid_argument);
    // (A child's consent without a parent's is not bad input but a refusal by the guard consent_giver.)
    CHECK(w.rec(c, consent_recorded{member_id{2}, make_date(2026, 3, 2), "v", std::nullopt, ""}).guard == guard::consent_giver);
    CHECK(c == before);
}

TEST_CASE("roles are reassigned by an event, and the journal keeps the history", "[lifecycle][roles]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, roles_assigned{std::nullopt, agencies::MOE, w.teacher, std::string("Kahu Pomare")}));
    CHECK(c.roles().lead_agency == agencies::MOE);
    CHECK(c.roles().lead_contact == w.teacher);
    CHECK(c.roles().coordinator == w.coordinator);
    CHECK(c.roles().facilitator == "Kahu Pomare");
    int assignments = 0;
    for (const auto& e : c.journal()) assignments += e.type() == event_type::roles_assigned;
    CHECK(assignments == 2);
}

TEST_CASE("check() answers without changing the case", "[lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    const auto n = c.journal().size();
    CHECK(c.would_accept(w.dir, "c", w.tick(), meeting_scheduled{w.meeting_with({party::of(agencies::MSD)})}).accepted);
    CHECK(c.journal().size() == n);
    CHECK(c.state() == state::preparing);
}

// ---- who consents for whom, to take part, and who leaves -------------------

TEST_CASE("adults and young people sign for themselves, and a parent signs for a child, with the child's views", "[consent][lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::awaiting_consent);
    member aroha{{}, "Aroha Te Rangi", member_role::other_whanau, make_date(1990, 1, 1), true};
    member rangi{{}, "Rangi Te Rangi", member_role::young_person, make_date(2010, 3, 2), true};  // 16 on 2026-03-02
    REQUIRE(w.rec(c, member_added{aroha}));
    REQUIRE(w.rec(c, member_added{rangi}));
    const date signed_on = make_date(2026, 3, 2);
    // One adult cannot sign for another.
    outcome o = w.rec(c, consent_recorded{member_id{3}, signed_on, "SF-2024", member_id{1}, ""});
    CHECK(o.guard == guard::consent_giver);
    CHECK(o.reason == "member 3 consents for themselves");
    // A young person of the consent age signs for themselves; preparation waits for them.
    CHECK(w.rec(c, consent_recorded{member_id{4}, signed_on, "SF-2024", member_id{1}, "ok"}).guard == guard::consent_giver);
    REQUIRE(w.rec(c, consent_recorded{member_id{3}, signed_on, "SF-2024", std::nullopt, ""}));
    o = w.rec(c, preparation_started{});
    CHECK(o.guard == guard::written_consent);
    CHECK(o.reason == "written consent to take part is missing from member 4");
    REQUIRE(w.rec(c, consent_recorded{member_id{4}, signed_on, "SF-2024", std::nullopt, ""}));
    CHECK(w.rec(c, preparation_started{}));
    // For a child: a parent or caregiver, not another relative, and the child's views.
    case_file d = w.drive_to(state::awaiting_consent);
    REQUIRE(w.rec(d, member_added{aroha}));
    CHECK(w.rec(d, consent_recorded{member_id{2}, signed_on, "SF-2024", member_id{3}, "ok"}).guard == guard::consent_giver);
    CHECK(w.rec(d, consent_recorded{member_id{2}, signed_on, "SF-2024", member_id{1}, " "}).guard == guard::consent_giver);
    CHECK(w.rec(d, consent_recorded{member_id{2}, signed_on, "SF-2024", std::nullopt, ""}).guard == guard::consent_giver);
    CHECK(w.rec(d, consent_recorded{member_id{2}, signed_on, "SF-2024", member_id{1}, "I want to go to school"}));
}

TEST_CASE("the consent age is one setting, read by consent to take part and consent to share alike", "[consent][lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::awaiting_consent);
    member kiri{{}, "Kiri Te Rangi", member_role::young_person, make_date(2011, 1, 1), true};  // 15 in March 2026
    REQUIRE(w.rec(c, member_added{kiri}));
    const date signed_on = make_date(2026, 3, 2);
    CHECK(w.rec(c, consent_recorded{member_id{3}, signed_on, "SF-2024", std::nullopt, ""}).guard == guard::consent_giver);
    CHECK(w.rec(c, preparation_started{}));  // at 15, Kiri is consented for, and not awaited
    REQUIRE(w.rec(c, consent_ages_set{14, 18}));
    CHECK(w.rec(c, consent_recorded{member_id{3}, signed_on, "SF-2024", member_id{1}, "yes"}).guard == guard::consent_giver);
    CHECK(w.rec(c, consent_recorded{member_id{3}, signed_on, "SF-2024", std::nullopt, ""}));
    sharing_consent_given k = w.adult_consent(recipient::of(agencies::MSD), member_id{3});
    CHECK(w.rec(c, k));  // and to share, for herself
}

TEST_CASE("who leaves the process: a support person alone, and the case ends with the family's last consent", "[consent][lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    member aunty{{}, "Aunty Mere", member_role::support_person, make_date(1970, 1, 1), true};
    member koro{{}, "Koro Wiremu", member_role::other_whanau, make_date(1950, 1, 1), true};
    REQUIRE(w.rec(c, member_added{aunty}));
    REQUIRE(w.rec(c, member_added{koro}));
    REQUIRE(w.rec(c, consent_recorded{member_id{3}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
    REQUIRE(w.rec(c, consent_recorded{member_id{4}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD), member_id{3})));
    // The support person leaves: the case goes on, and nothing of hers is shared any more.
    REQUIRE(w.rec(c, consent_withdrawn{member_id{3}, "stepping back"}));
    CHECK(c.state() == state::plan_active);
    CHECK_FALSE(c.member_at(member_id{3}).participating);
    CHECK_FALSE(c.exit_reason().has_value());
    CHECK(c.check(w.dir, w.request(member_id{3}, category::housing, recipient::of(agencies::MSD))).rule == decision_rule::withdrawn);
    // Hine leaves; Koro still takes part: the case goes on.
    REQUIRE(w.rec(c, consent_withdrawn{member_id{1}, "I need a break"}));
    CHECK(c.state() == state::plan_active);
    // Koro was the family's last consent: the case closes, consent withdrawn.
    REQUIRE(w.rec(c, consent_withdrawn{member_id{4}, "we stop"}));
    CHECK(c.state() == state::closed);
    CHECK(c.exit_reason() == exit_reason::consent_withdrawn);
}

TEST_CASE("a support person who consented before the family and then withdraws does not end the case", "[consent][lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::referred);
    REQUIRE(w.rec(c, referral_accepted{}));
    member hine{{}, "Hine Te Rangi", member_role::parent_caregiver, make_date(1988, 5, 14), true};
    member aunty{{}, "Aunty Mere", member_role::support_person, make_date(1970, 1, 1), true};
    REQUIRE(w.rec(c, member_added{hine}));
    REQUIRE(w.rec(c, member_added{aunty}));
    // Aunty Mere signs first; Hine has not yet signed.
    REQUIRE(w.rec(c, consent_recorded{member_id{2}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
    REQUIRE(w.rec(c, consent_withdrawn{member_id{2}, "not this time"}));
    CHECK(c.state() == state::awaiting_consent);  // the family has not decided yet: their case waits for them
    CHECK_FALSE(c.exit_reason().has_value());
}

TEST_CASE("a withdrawal while closing leaves the exit the family planned", "[consent][lifecycle]") {
    fixtures::world w;
    case_file c = w.drive_to(state::closing);
    REQUIRE(c.exit_reason() == exit_reason::planned);
    REQUIRE(w.rec(c, consent_withdrawn{member_id{1}, "done with it"}));
    CHECK(c.state() == state::closing);
    CHECK(c.exit_reason() == exit_reason::planned);
    CHECK(c.exit_note() == "goals achieved");
}

TEST_CASE("events keep their order in time: a meeting held before its start, a review before its meeting, an action before its plan", "[lifecycle][order]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    REQUIRE(w.rec(c, meeting_scheduled{w.meeting_with({party::of(agencies::MSD)}, 7)}));
    const instant start = c.meetings().front().start;
    // Recorded as held an hour before it starts: refused, and the case is unchanged.
    const std::size_t before = c.journal().size();
    outcome o = c.record(w.dir, "coordinator", start - boost::posix_time::hours(1), meeting_held{meeting_id{1}, {}});
    CHECK(o.guard == guard::natural_order);
    CHECK(o.reason.find("before its start") != std::string::npos);
    CHECK(c.journal().size() == before);
    CHECK_FALSE(c.meetings().front().held);
    REQUIRE(c.record(w.dir, "coordinator", start, meeting_held{meeting_id{1}, {}}));  // at its start: accepted
    w.clock = start;
    REQUIRE(w.rec(c, plan_agreed{w.good_plan()}));
    // A review that starts before the meeting it reviews, even with a reason for being outside the window.
    meeting early = w.meeting_with({party::of(agencies::MSD)});
    early.start = start - boost::posix_time::hours(24);
    o = w.rec(c, review_scheduled{early, "the family asked"});
    CHECK(o.guard == guard::natural_order);
    CHECK(o.reason.find("not after meeting 1") != std::string::npos);
    // An action updated at a time before the plan was agreed: an entry is never earlier than the one before it.
    CHECK(fixtures::code_of([&] {
              c.record(w.dir, "coordinator", start - boost::posix_time::hours(2), action_updated{action_id{1}, action_status::done, ""});
          }) == errc::invalid_argument);
    CHECK(c.plans().front().actions.front().status == action_status::open);
}

TEST_CASE("a plan cannot make anyone the family refused its lead agency, key contact or an action's owner", "[lifecycle][plan]") {
    fixtures::world w;
    case_file c = w.drive_to(state::meeting_scheduled);  // the family approved MSD, the teacher and the Police
    REQUIRE(w.rec(c, invitee_approved{party::of(w.social_worker)}));
    REQUIRE(w.rec(c, invitee_withdrawn{party::of(agencies::MSD)}));
    REQUIRE(w.rec(c, invitee_withdrawn{party::of(w.social_worker)}));
    REQUIRE(w.rec(c, invitee_withdrawn{party::of(agencies::POLICE)}));
    CHECK(c.refused() == std::vector<party>{party::of(agencies::MSD), party::of(w.social_worker), party::of(agencies::POLICE)});
    plan p = w.good_plan();  // MSD leads, Aroha (MSD) is the key contact, MSD owns the budget advice
    outcome o = w.rec(c, plan_agreed{p});
    CHECK(o.guard == guard::family_refused);
    CHECK(o.reason == "the family refused agency 1: it cannot be made lead agency");
    p.lead_agency = agencies::MOE;
    CHECK(w.rec(c, plan_agreed{p}).reason.find("cannot be made key contact") != std::string::npos);
    p.key_contact = w.teacher;
    CHECK(w.rec(c, plan_agreed{p}).reason.find("cannot be made an action's owner") != std::string::npos);
    p.actions[0].owner = party::of(agencies::MOE);
    REQUIRE(w.rec(c, plan_agreed{p}));
    // Roles assigned outside a plan are held to the same rule; approving again lifts the refusal.
    CHECK(w.rec(c, roles_assigned{std::nullopt, agencies::POLICE, std::nullopt, std::nullopt}).guard == guard::family_refused);
    plan q = c.plans().front();
    q.revision_reason = "the family changed its mind";
    q.key_contact = w.social_worker;
    CHECK(w.rec(c, plan_revised{q}).guard == guard::family_refused);
    REQUIRE(w.rec(c, invitee_approved{party::of(w.social_worker)}));
    CHECK(c.refused() == std::vector<party>{party::of(agencies::MSD), party::of(agencies::POLICE)});
    REQUIRE(w.rec(c, plan_revised{q}));
    CHECK(case_file::replay(c.id(), fixtures::entries(c)) == c);
}
