#include <catch2/catch.hpp>

#include <map>
#include <utility>

#include "fixtures.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace Catch {
template <> struct StringMaker<state> {
    static std::string convert(state s) { return to_string(s); }
};
template <> struct StringMaker<event_type> {
    static std::string convert(event_type e) { return to_string(e); }
};
template <> struct StringMaker<guard> {
    static std::string convert(guard g) { return to_string(g); }
};
} // namespace Catch

TEST_CASE("the transition table is well formed", "[lifecycle][table]") {
    for (const auto& row : transition_table) {
        CAPTURE(row.on);
        CHECK(row.from.bits != 0);
        CHECK((row.to == stay || find_row(row.to) != nullptr));
        for (guard g : row.guards) CHECK(find_row(g) != nullptr);
    }
    // At most one row per (state, event): the table is a function.
    for (const auto& s : state_table)
        for (const auto& e : event_type_table) {
            int rows = 0;
            for (const auto& row : transition_table) rows += row.on == e.value && row.from.contains(s.value);
            CAPTURE(s.value, e.value);
            CHECK(rows <= 1);
        }
    // No event leaves declined or closed except an explicit reopen; what a
    // declined or closed case still accepts (a withdrawal, a confidential
    // mark, a sharing under the law, a notice, a correction of a member's
    // details, a member's link to a person) leaves it where it is.
    for (const auto& e : event_type_table) {
        CAPTURE(e.value);
        for (state s : {state::declined, state::closed}) {
            const transition* row = find_transition(s, e.value);
            if (!row) continue;
            if (e.value == event_type::case_reopened && s == state::closed) continue;
            CHECK(row->to == stay);
            CHECK((kind_of(e.value) == event_kind::disclosure || e.value == event_type::member_updated ||
                   e.value == event_type::person_linked || e.value == event_type::correction_declined));
        }
        if (kind_of(e.value) == event_kind::disclosure && e.value != event_type::sharing_consent_given &&
            e.value != event_type::issue_areas_set && e.value != event_type::necessity_adjusted &&
            e.value != event_type::consent_ages_set)
            CHECK(find_transition(state::closed, e.value) != nullptr);
    }
    // Access records have no row: only decide() and view() write them.
    for (const auto& e : event_type_table)
        for (const auto& s : state_table)
            if (kind_of(e.value) == event_kind::access) CHECK(find_transition(s.value, e.value) == nullptr);
}

// The refusals the driver's cases are expected to meet: a pair the table
// allows but whose guard does not hold for a case in that state.
static const std::map<std::pair<state, event_type>, guard> expected_refusals = {
    {{state::preparing, event_type::review_scheduled}, guard::active_plan},
    {{state::meeting_scheduled, event_type::review_scheduled}, guard::active_plan},
    {{state::meeting_scheduled, event_type::meeting_held}, guard::meeting_pending},
    {{state::under_review, event_type::plan_agreed}, guard::meeting_held},
    {{state::plan_active, event_type::plan_agreed}, guard::child_plan},  // the family plan exists: revise it
    {{state::plan_active, event_type::plan_revised}, guard::none},       // accepted: listed to document the pair
    {{state::closing, event_type::case_closed}, guard::final_report},
    {{state::referred, event_type::referral_accepted}, guard::none},
};

TEST_CASE("every (state, event) pair gives the table's result or a named refusal", "[lifecycle][table]") {
    const auto s = GENERATE(from_range(std::begin(state_table), std::end(state_table)));
    const auto e = GENERATE(from_range(std::begin(event_type_table), std::end(event_type_table)));
    fixtures::world w;
    case_file c = w.drive_to(s.value);
    REQUIRE(c.state() == s.value);
    CAPTURE(s.value, e.value);
    const transition* row = find_transition(s.value, e.value);
    const bool no_members = c.members().empty();
    // An extension or an answer names an access request: the case gets one first, where it has a member to be about.
    const bool names_a_request = e.value == event_type::access_extended || e.value == event_type::access_answered;
    if (names_a_request && !no_members) REQUIRE(w.rec(c, w.payload_for(event_type::access_requested, c)));
    const std::size_t before = c.journal().size();
    const bool names_a_member = kind_of(e.value) == event_kind::disclosure && e.value != event_type::category_registered &&
                                e.value != event_type::issue_areas_set && e.value != event_type::necessity_adjusted &&
                                e.value != event_type::consent_ages_set && !names_a_request ||
                                e.value == event_type::member_updated || e.value == event_type::person_linked ||
                                e.value == event_type::correction_declined;
    if (kind_of(e.value) == event_kind::access || (row && no_members && (names_a_member || names_a_request))) {
        // An access record is never offered; a disclosure fact names a member (or a request) a case without members lacks.
        const errc expected = kind_of(e.value) == event_kind::access || names_a_request ? errc::invalid_argument : errc::not_found;
        CHECK(code_of([&] { w.rec(c, w.payload_for(e.value, c)); }) == expected);
        CHECK(c.journal().size() == before);
        CHECK(c.state() == s.value);
        return;
    }
    const outcome o = w.rec(c, w.payload_for(e.value, c));
    if (!row) {
        CHECK_FALSE(o.accepted);
        CHECK(o.guard == guard::no_transition);
        CHECK_FALSE(o.reason.empty());
        CHECK(c.journal().size() == before);
        CHECK(c.state() == s.value);
        return;
    }
    const auto it = expected_refusals.find({s.value, e.value});
    const guard expected = it == expected_refusals.end() ? guard::none : it->second;
    CHECK(o.guard == expected);
    if (expected == guard::none) {
        REQUIRE(o.accepted);
        // A withdrawal closes the case when it was the family's last consent (here it is), except while closing.
        const state want = e.value == event_type::consent_withdrawn ? (s.value == state::closing ? state::closing : state::closed)
                                                                     : row->to == stay ? s.value : row->to;
        CHECK(c.state() == want);
        CHECK(c.journal().size() == before + 1);
    } else {
        CHECK_FALSE(o.accepted);
        CHECK(c.journal().size() == before);
        CHECK(c.state() == s.value);
    }
    CHECK(case_file::replay(c.id(), fixtures::entries(c)) == c);
}

TEST_CASE("a member's details change by an entry, and the journal keeps what they were", "[lifecycle][privacy]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);  // Hine (parent, 1988) and Tama (child, 2015)
    const std::string before = c.member_at(member_id{2}).name;
    const outcome o = w.rec(c, member_updated{member_id{2}, std::string("Tama Te Rangi"), std::nullopt,
                                              make_date(2015, 8, 2), "a correction the family asked for"});
    REQUIRE(o.accepted);
    CHECK(c.state() == state::plan_active);
    CHECK(c.member_at(member_id{2}).name == "Tama Te Rangi");
    CHECK(c.member_at(member_id{2}).born == make_date(2015, 8, 2));
    CHECK(c.member_at(member_id{2}).role == member_role::child);
    // The name as added is still in the journal, and in the member's history.
    const auto history = c.member_history(member_id{2});
    REQUIRE(history.size() == 2);
    CHECK(history[0].member.name == before);
    CHECK(history[0].reason.empty());
    CHECK(history[1].member.name == "Tama Te Rangi");
    CHECK(history[1].reason == "a correction the family asked for");
    CHECK(history[1].seq == c.journal().size());
    CHECK(describe(c.journal().back(), c, w.dir).find("member 2, now name Tama Te Rangi, date of birth 2015-08-02") !=
          std::string::npos);
    // The fold made from the journal is the same case.
    CHECK(case_file::replay(c.id(), fixtures::entries(c)) == c);
    // A role changes too; a correction is taken however far the case has gone.
    REQUIRE(w.rec(c, escalated{"serious concern"}));
    REQUIRE(c.state() == state::closed);
    REQUIRE(w.rec(c, member_updated{member_id{1}, std::nullopt, member_role::other_whanau, std::nullopt, "the family's word"}));
    CHECK(c.member_at(member_id{1}).role == member_role::other_whanau);
    CHECK(c.member_history(member_id{1}).size() == 2);
    // Bad input is an error and changes nothing.
    const case_file kept = c;
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{9}, std::string("X"), std::nullopt, std::nullopt, "typo"}); }) == errc::not_found);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::nullopt, std::nullopt, std::nullopt, "nothing"}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::string(" "), std::nullopt, std::nullopt, "blank"}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::string("Hine"), std::nullopt, std::nullopt, ""}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::string("\xC3("), std::nullopt, std::nullopt, "utf"}); }) == errc::invalid_utf8);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::nullopt, static_cast<member_role>(42), std::nullopt, "role"}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, member_updated{member_id{1}, std::nullopt, std::nullopt, make_date(2099, 1, 1), "future"}); }) == errc::out_of_range);
    CHECK(c == kept);
    CHECK(code_of([&] { c.member_history(member_id{9}); }) == errc::not_found);
}
