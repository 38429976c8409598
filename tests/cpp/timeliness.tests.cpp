#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace sfcore;

TEST_CASE("the initial meeting is due 15 working days after referral", "[timeliness]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::preparing);  // referred 2026-03-02
    CHECK(initial_meeting_due(c, cal) == make_date(2026, 3, 23));
    CHECK(overdue(c, make_date(2026, 3, 23), cal).empty());
    const auto items = overdue(c, make_date(2026, 3, 25), cal);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == overdue_kind::initial_meeting);
    CHECK(items[0].days_late == 2);
    CHECK(items[0].case_ref == case_id{1});
    timeframes tight;
    tight.initial_meeting_working_days = 5;
    CHECK(initial_meeting_due(c, cal, tight) == make_date(2026, 3, 9));
}

TEST_CASE("reviews and actions become overdue, and closed cases have nothing overdue", "[timeliness]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::plan_active);  // initial meeting on 2026-03-09 (local)
    REQUIRE(review_due(c) == make_date(2026, 4, 20));
    CHECK(overdue(c, make_date(2026, 4, 10), cal).empty());
    auto items = overdue(c, make_date(2026, 4, 21), cal);  // the action due 04-15 and the review
    REQUIRE(items.size() == 2);
    CHECK(items[0].kind == overdue_kind::review);
    CHECK(items[1].kind == overdue_kind::action);
    CHECK(items[1].action == action_id{2});
    REQUIRE(w.rec(c, action_updated{action_id{2}, action_status::done, ""}));
    CHECK(overdue(c, make_date(2026, 4, 21), cal).size() == 1);
    std::vector<case_file> caseload{c, w.drive_to(state::preparing)};
    CHECK(overdue_across(caseload, make_date(2026, 4, 21), cal).size() == 2);
    REQUIRE(w.rec(c, escalated{"concern"}));
    CHECK(overdue(c, make_date(2027, 1, 1), cal).empty());
}

TEST_CASE("the final report is generated from the journal", "[report]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, action_updated{action_id{1}, action_status::done, ""}));
    REQUIRE(w.rec(c, closure_started{exit_reason::planned, "goals achieved"}));
    REQUIRE(w.rec(c, final_report_submitted{"Rent is paid and Tama is at school."}));
    REQUIRE(w.rec(c, case_closed{}));
    const final_report r = make_final_report(c, w.dir, cal);
    CHECK(r.family_name == "Te Rangi whānau");
    CHECK(r.key_issues == std::vector<std::string>{"school attendance", "housing"});
    CHECK(r.lead_agency == "Ministry of Social Development");
    CHECK(r.key_contact == "Aroha Ngata (Ministry of Social Development)");
    REQUIRE(r.done.size() == 1);
    CHECK(r.done[0].owner == "Ministry of Social Development");
    REQUIRE(r.not_done.size() == 1);
    CHECK(r.not_done[0].owner == "Hine Te Rangi");
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.days_to_initial_meeting == 5);  // 2026-03-02 → 2026-03-09
    CHECK(r.exit == exit_reason::planned);
    CHECK(r.plan_versions == 1);
    const std::string md = to_markdown(r);
    CHECK(md.find("# Final report: Te Rangi whānau (case 1)") == 0);
    CHECK(md.find("Initial meeting 5 working days after referral (target 15): on time") != std::string::npos);
    CHECK(md.find("| Budget advice sessions | Ministry of Social Development | 2026-05-01 | done |") != std::string::npos);
    CHECK(md.find("Rent is paid and Tama is at school.") != std::string::npos);
}

TEST_CASE("every event has a one-line description for a timeline", "[report]") {
    fixtures::world w;
    case_file c = w.drive_to(state::closed);
    for (const auto& e : c.journal()) {
        const std::string line = describe(e, c, w.dir);
        CAPTURE(line);
        CHECK(line.find(label(e.type())) != std::string::npos);
        CHECK((line.find("NZDT") != std::string::npos || line.find("NZST") != std::string::npos));
    }
    CHECK(describe(c.journal()[0], c, w.dir).find("Te Rangi whānau, by Ministry of Education") != std::string::npos);
}

TEST_CASE("an action's update is described by the action's own words and its note", "[report]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    const action& first = c.plans().at(0).actions.at(0);
    REQUIRE(c.record(w.dir, "coordinator-1", c.journal().back().when + boost::posix_time::hours(1),
                     action_updated{first.id, action_status::in_progress, "first session booked"}));
    const std::string line = describe(c.journal().back(), c, w.dir);
    CAPTURE(line);
    CHECK(line.find("action updated: action " + std::to_string(first.id.value()) + " \"" + first.description +
                    "\" in progress (first session booked)") != std::string::npos);
}

TEST_CASE("next_deadline is the last date with nothing overdue", "[timeliness]") {
    const holiday_calendar cal;
    for (const auto& row : state_table) {
        fixtures::world w;
        const case_file c = w.drive_to(row.value);
        const auto due = next_deadline(c, cal);
        INFO(row.name);
        if (row.value == state::closed || row.value == state::declined) CHECK_FALSE(due);
        if (!due) CHECK(overdue(c, make_date(2199, 1, 1), cal).empty());
        for (date d = make_date(2026, 3, 1); d < make_date(2026, 7, 1); d += boost::gregorian::days(1))
            CHECK(overdue(c, d, cal).empty() == (!due || d <= *due));
    }
}

TEST_CASE("a case holds its own timeframes, set in its journal, and every query uses them", "[timeliness]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::awaiting_consent);
    CHECK(c.timeframes().initial_meeting_working_days == 15);
    CHECK(initial_meeting_due(c, cal) == make_date(2026, 3, 23));
    REQUIRE(w.rec(c, timeframes_set{10, 21, 35}));
    CHECK(c.timeframes().review_earliest_days == 21);
    CHECK(initial_meeting_due(c, cal) == make_date(2026, 3, 16));                      // the case's own
    CHECK(initial_meeting_due(c, cal, timeframes{15, 28, 42}) == make_date(2026, 3, 23));  // or the caller's
    CHECK(case_file::replay(c.id(), fixtures::entries(c)).timeframes().initial_meeting_working_days == 10);
    CHECK(fixtures::code_of([&] { w.rec(c, timeframes_set{0, 28, 42}); }) == errc::out_of_range);
    CHECK(fixtures::code_of([&] { w.rec(c, timeframes_set{15, 43, 42}); }) == errc::out_of_range);
    CHECK(fixtures::code_of([&] { w.rec(c, timeframes_set{15, 28, 366}); }) == errc::out_of_range);
    CHECK(c.timeframes().initial_meeting_working_days == 10);  // the refused settings changed nothing
}

TEST_CASE("a review outside the window is refused unless the record says why, and the reason is reported", "[timeliness][review]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::plan_active);  // the initial meeting was held on 2026-03-09 (local)
    const instant held = c.meetings().front().start;
    const auto review_on = [&](int days) {
        meeting m = w.meeting_with({party::of(agencies::MSD)});
        m.start = held + boost::posix_time::hours(24 * days);
        return m;
    };
    outcome o = w.rec(c, review_scheduled{review_on(7), ""});  // one week after: too soon
    CHECK(o.guard == guard::review_window);
    CHECK(o.reason.find("7 days after the last meeting") != std::string::npos);
    o = w.rec(c, review_scheduled{review_on(182), ""});  // six months out: too late
    CHECK(o.guard == guard::review_window);
    REQUIRE(c.state() == state::plan_active);  // the refusals changed nothing
    CHECK(w.rec(c, review_scheduled{review_on(35), ""}).accepted);
}

TEST_CASE("reviews on the window's first and last days are accepted, and outside it with a reason too", "[timeliness][review]") {
    for (int days : {28, 42}) {
        fixtures::world w;
        case_file c = w.drive_to(state::plan_active);
        meeting m = w.meeting_with({party::of(agencies::MSD)});
        m.start = c.meetings().front().start + boost::posix_time::hours(24 * days);
        CHECK(w.rec(c, review_scheduled{m, ""}).accepted);
    }
    for (int days : {27, 43}) {
        fixtures::world w;
        case_file c = w.drive_to(state::plan_active);
        meeting m = w.meeting_with({party::of(agencies::MSD)});
        m.start = c.meetings().front().start + boost::posix_time::hours(24 * days);
        CHECK(w.rec(c, review_scheduled{m, ""}).guard == guard::review_window);
        REQUIRE(w.rec(c, review_scheduled{m, "the family asked to wait until after the tangihanga"}));
        const final_report r = make_final_report(c, w.dir, holiday_calendar{});
        REQUIRE(r.reviews_outside_window.size() == 1);
        CHECK(r.reviews_outside_window[0].find("the family asked") != std::string::npos);
        CHECK(to_markdown(r).find("outside the window") != std::string::npos);
        CHECK(describe(c.journal().back(), c, w.dir).find("outside the window: the family asked") != std::string::npos);
    }
}

TEST_CASE("a case's own review window is the one the guard holds to", "[timeliness][review]") {
    fixtures::world w;
    case_file c = w.drive_to(state::meeting_scheduled);
    REQUIRE(w.rec(c, timeframes_set{15, 14, 21}));
    plan p = w.good_plan();
    REQUIRE(w.rec(c, plan_agreed{p}));
    meeting m = w.meeting_with({party::of(agencies::MSD)});
    m.start = c.meetings().front().start + boost::posix_time::hours(24 * 28);  // inside 28-42, outside 14-21
    CHECK(w.rec(c, review_scheduled{m, ""}).guard == guard::review_window);
    m.start = c.meetings().front().start + boost::posix_time::hours(24 * 14);
    CHECK(w.rec(c, review_scheduled{m, ""}).accepted);
}

TEST_CASE("a booked review not held by its date is overdue, and review_due answers while a plan is in force", "[timeliness][review]") {
    fixtures::world w;
    const holiday_calendar cal;
    case_file c = w.drive_to(state::under_review);  // a review booked 35 days on, not yet held
    const date booked = nz_date(c.meetings().back().start);
    CHECK(review_due(c) == booked);  // under review: the booked date
    CHECK(std::none_of(overdue(c, booked, cal).begin(), overdue(c, booked, cal).end(),
                       [](const overdue_item& i) { return i.kind == overdue_kind::review; }));
    const auto items = overdue(c, booked + boost::gregorian::days(1), cal);
    const auto review = std::find_if(items.begin(), items.end(), [](const overdue_item& i) { return i.kind == overdue_kind::review; });
    REQUIRE(review != items.end());
    CHECK(review->due == booked);
    CHECK(review->what.find("has not been held") != std::string::npos);
    CHECK(next_deadline(c, cal) <= booked);
    // Held: the next review is due from it.
    REQUIRE(w.rec(c, meeting_held{meeting_id{2}, {}}));
    CHECK(review_due(c) == booked + boost::gregorian::days(42));
    REQUIRE(w.rec(c, closure_started{exit_reason::planned, ""}));
    CHECK_FALSE(review_due(c));  // closing: no review is due
}

TEST_CASE("a plan's actions name the outcome areas they serve, and the final report counts them", "[report][outcomes]") {
    fixtures::world w;
    case_file c = w.drive_to(state::meeting_scheduled);
    plan p = w.good_plan();
    p.actions[0].outcomes = {outcome_area::stronger_whanau, outcome_area::services_known};
    p.actions[1].outcomes = {outcome_area::health_education, outcome_area::stronger_whanau};
    plan twice = p;
    twice.actions[0].outcomes.push_back(outcome_area::services_known);
    CHECK(fixtures::code_of([&] { w.rec(c, plan_agreed{twice}); }) == errc::invalid_argument);
    plan unknown = p;
    unknown.actions[0].outcomes.push_back(static_cast<outcome_area>(9));
    CHECK(fixtures::code_of([&] { w.rec(c, plan_agreed{unknown}); }) == errc::invalid_argument);
    REQUIRE(w.rec(c, plan_agreed{p}));
    REQUIRE(w.rec(c, action_updated{action_id{1}, action_status::done, ""}));
    const final_report r = make_final_report(c, w.dir, holiday_calendar{});
    REQUIRE(r.outcomes.size() == 3);
    CHECK((r.outcomes[0].area == outcome_area::health_education && r.outcomes[0].actions == 1 && r.outcomes[0].done == 0));
    CHECK((r.outcomes[1].area == outcome_area::stronger_whanau && r.outcomes[1].actions == 2 && r.outcomes[1].done == 1));
    CHECK((r.outcomes[2].area == outcome_area::services_known && r.outcomes[2].actions == 1 && r.outcomes[2].done == 1));
    CHECK(to_markdown(r).find("- stronger families and whānau: 2 actions, 1 done") != std::string::npos);
    CHECK(load_case(save_archive(c)).plans().front().actions[0].outcomes == p.actions[0].outcomes);
}
