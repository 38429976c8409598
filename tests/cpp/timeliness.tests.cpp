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
