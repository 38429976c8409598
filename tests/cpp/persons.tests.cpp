// A person across cases: the member a person is in each case (person_linked
// entries), and the store's queries over them — a person's cases with their
// details' history, and a child's siblings through a shared parent. Tagged
// [store], so they run on SQLite and again on PostgreSQL.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "sfcore/report.hpp"
#include "store_place.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

struct person {
    std::string name;
    member_role role;
    std::string key;  // "" for a member not linked to a person
};

// A case of its own id, accepted, whose members are the people given, each linked to its person.
case_file family(fixtures::world& w, std::uint64_t id, const std::vector<person>& people) {
    case_file c = case_file::open(case_id{id}, w.dir, w.referral_for(), "coordinator", w.tick());
    REQUIRE(w.rec(c, referral_accepted{false, ""}));
    std::uint32_t n = 0;
    for (const auto& p : people) {
        member m;
        m.name = p.name;
        m.role = p.role;
        REQUIRE(w.rec(c, member_added{m}));
        ++n;
        if (!p.key.empty()) REQUIRE(w.rec(c, person_linked{member_id{n}, p.key, std::nullopt, std::nullopt}));
    }
    return c;
}

std::vector<std::uint64_t> ids_of(const std::vector<person_case>& cases) {
    std::vector<std::uint64_t> out;
    for (const auto& c : cases) out.push_back(c.id.value());
    return out;
}

// The families the tests share: Hine's two referrals (case 1, and case 2 a
// year on), Tama's father's family (case 3), and another family (case 4).
struct families {
    fixtures::world w;
    std::vector<case_file> cases;
    families() {
        cases.push_back(family(w, 1, {{"Hine Te Rangi", member_role::parent_caregiver, "p-hine"},
                                      {"Tama Te Rangi", member_role::child, "c-tama"},
                                      {"Mere Te Rangi", member_role::child, "c-mere"}}));
        cases.push_back(family(w, 2, {{"Hine Te Rangi", member_role::parent_caregiver, "p-hine"},
                                      {"Aperahama Te Rangi", member_role::child, "c-ape"},
                                      {"Kiri", member_role::child, ""}}));
        cases.push_back(family(w, 3, {{"Tama Te Rangi", member_role::child, "c-tama"},
                                      {"Rewi Parata", member_role::parent_caregiver, "p-rewi"},
                                      {"Ana Parata", member_role::young_person, "c-ana"}}));
        cases.push_back(family(w, 4, {{"Sam Wilson", member_role::parent_caregiver, "p-other"},
                                      {"Jo Wilson", member_role::child, "c-other"}}));
    }
    void store_in(case_store& st) const {
        for (const auto& c : cases) st.append(c, 0);
    }
};

} // namespace

TEST_CASE("a member is linked to a person by an entry: checked, replaced by a later link, kept in the journal", "[lifecycle][persons]") {
    families f;
    case_file& c = f.cases[0];
    REQUIRE(c.person_of(member_id{1})->key == "p-hine");
    CHECK(c.member_for("c-mere") == member_id{3});
    CHECK_FALSE(c.member_for("c-ape"));
    CHECK(c.persons().size() == 3);
    // National numbers are checked; an NHI is kept in its canonical (upper-case) form.
    REQUIRE(f.w.rec(c, person_linked{member_id{2}, "c-tama", std::string("zzz0016"), std::string("123456789")}));
    CHECK(c.person_of(member_id{2})->nhi == std::string("ZZZ0016"));
    CHECK(c.person_of(member_id{2})->nsn == std::string("123456789"));
    const std::size_t before = c.journal().size();
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, "c-tama", std::string("ZZZ0017"), std::nullopt}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, "c-tama", std::nullopt, std::string("12a")}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, "c-tama", std::nullopt, std::string("12345678901")}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, "c-tama", std::nullopt, std::string()}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, " ", std::nullopt, std::nullopt}); }) == errc::invalid_argument);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, "\xC3(", std::nullopt, std::nullopt}); }) == errc::invalid_utf8);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{2}, std::string(257, 'k'), std::nullopt, std::nullopt}); }) == errc::out_of_range);
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{9}, "c-nine", std::nullopt, std::nullopt}); }) == errc::not_found);
    // One person is one member of a case.
    CHECK(code_of([&] { f.w.rec(c, person_linked{member_id{3}, "p-hine", std::nullopt, std::nullopt}); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.person_of(member_id{7}); }) == errc::not_found);
    CHECK(c.journal().size() == before);
    // A link made in error is replaced; the journal keeps both, and a replay folds to the same.
    REQUIRE(f.w.rec(c, person_linked{member_id{3}, "c-mere-2", std::nullopt, std::nullopt}));
    CHECK_FALSE(c.member_for("c-mere"));
    CHECK(c.member_for("c-mere-2") == member_id{3});
    CHECK(c.entries(event_type::person_linked).size() == 5);
    const case_file again = case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end()));
    CHECK(again.persons().size() == c.persons().size());
    for (std::size_t i = 0; i < c.persons().size(); ++i) CHECK(again.persons()[i] == c.persons()[i]);
    // Even a closed case takes a link: finding a person's records is their right however far it has gone.
    case_file closed = f.w.drive_to(state::closed);
    CHECK(f.w.rec(closed, person_linked{member_id{1}, "p-hine", std::nullopt, std::nullopt}));
    CHECK(closed.state() == state::closed);
}

TEST_CASE("a person across cases: a family referred twice, a corrected name's history, siblings through a shared parent", "[store][persons]") {
    store_place place;
    families f;
    case_store st(place.location);
    f.store_in(st);
    // Hine's name is corrected in her second case; her first keeps the name it had.
    case_file& second = f.cases[1];
    const std::uint64_t v = second.journal().size();
    REQUIRE(f.w.rec(second, member_updated{member_id{1}, std::string("Hine Te Rangi-Parata"), std::nullopt, std::nullopt,
                                           "a correction the person asked for"}));
    st.append(second, v);

    const auto hine = st.person_cases("p-hine");
    CHECK(ids_of(hine) == std::vector<std::uint64_t>{1, 2});
    REQUIRE(hine.size() == 2);
    CHECK(hine[0].member == member_id{1});
    CHECK(hine[0].history.size() == 1);
    REQUIRE(hine[1].history.size() == 2);
    CHECK(hine[1].history[0].member.name == "Hine Te Rangi");
    CHECK(hine[1].history[1].member.name == "Hine Te Rangi-Parata");
    CHECK(hine[1].history[1].reason == "a correction the person asked for");
    CHECK(hine[1].link.key == "p-hine");
    CHECK(hine[1].state == state::awaiting_consent);
    CHECK(hine[0].referred < hine[1].referred);
    CHECK(ids_of(st.person_cases("c-tama")) == std::vector<std::uint64_t>{1, 3});
    CHECK(st.person_cases("c-tama")[1].member == member_id{1});
    CHECK(st.person_cases("nobody").empty());
    CHECK(code_of([&] { st.person_cases(""); }) == errc::invalid_argument);
    CHECK(code_of([&] { st.person_cases("\xC3("); }) == errc::invalid_utf8);

    // Tama's siblings: Mere (his own case), Aperahama (his mother's other
    // case) and Ana (his father's); Kiri is not linked to a person, and the
    // other family shares no parent.
    const auto sibs = st.siblings("c-tama");
    REQUIRE(sibs.size() == 3);
    CHECK(std::tie(sibs[0].key, sibs[0].in_case, sibs[0].through) == std::make_tuple(std::string("c-ana"), case_id{3}, std::string("p-rewi")));
    CHECK(sibs[0].details.role == member_role::young_person);
    CHECK(std::tie(sibs[1].key, sibs[1].in_case, sibs[1].through) == std::make_tuple(std::string("c-ape"), case_id{2}, std::string("p-hine")));
    CHECK(std::tie(sibs[2].key, sibs[2].in_case, sibs[2].through) == std::make_tuple(std::string("c-mere"), case_id{1}, std::string("p-hine")));
    CHECK(sibs[2].member == member_id{3});
    CHECK(sibs[2].details.name == "Mere Te Rangi");
    CHECK(st.siblings("c-ape").size() == 2);  // Tama and Mere, through Hine
    CHECK(st.siblings("c-ana").size() == 1);  // Tama, through Rewi
    CHECK(st.siblings("c-other").empty());
    CHECK(st.siblings("p-hine").empty());     // a parent is nobody's sibling here

    // A link replaced: the store's index follows the case's fold.
    case_file& other = f.cases[3];
    const std::uint64_t v4 = other.journal().size();
    REQUIRE(f.w.rec(other, person_linked{member_id{2}, "c-jo", std::nullopt, std::nullopt}));
    st.append(other, v4);
    CHECK(st.person_cases("c-other").empty());
    CHECK(ids_of(st.person_cases("c-jo")) == std::vector<std::uint64_t>{4});
    CHECK(st.verify());
}

TEST_CASE("the store's index of persons is checked: a row removed, changed or added is found", "[store][persons]") {
    store_place place;
    families f;
    {
        case_store st(place.location);
        f.store_in(st);
        REQUIRE(st.verify());
    }
    const auto damaged = [&](std::uint64_t id) {
        const store_verification v = case_store(place.location).verify();
        for (const auto& [c, why] : v.damaged)
            if (c == case_id{id}) return why;
        return std::string();
    };
    SECTION("a row removed: the person's other cases are still found, and verify() names the case") {
        place.sql("DELETE FROM persons WHERE case_id = 2 AND member = 1");
        CHECK(ids_of(case_store(place.location).person_cases("p-hine")) == std::vector<std::uint64_t>{1});
        CHECK(damaged(2).find("index of persons") != std::string::npos);
    }
    SECTION("a row pointed at another member") {
        place.sql("UPDATE persons SET member = 3 WHERE case_id = 1 AND member = 1");
        CHECK(code_of([&] { case_store(place.location).person_cases("p-hine"); }) == errc::integrity);
        CHECK(damaged(1).find("index of persons") != std::string::npos);
    }
    SECTION("a row for a case the store does not hold") {
        place.sql("INSERT INTO persons(person, case_id, member) SELECT person, 99, member FROM persons WHERE case_id = 1 AND member = 1");
        CHECK(code_of([&] { case_store(place.location).person_cases("p-hine"); }) == errc::integrity);
        CHECK(damaged(99).find("does not hold") != std::string::npos);
    }
    SECTION("a row moved to another person: the journal does not agree") {
        place.sql("UPDATE persons SET case_id = 4 WHERE case_id = 1 AND member = 2");
        CHECK(code_of([&] { case_store(place.location).person_cases("c-tama"); }) == errc::integrity);
        CHECK_FALSE(damaged(1).empty());
        CHECK_FALSE(damaged(4).empty());
    }
}

TEST_CASE("a store of sfcore 0.2 (schema 2) gains the index of persons when it is opened", "[store][sqlite][persons]") {
    temp_dir dir;
    const std::string path = dir.file("old.db");
    families f;
    {
        case_store st(path);
        st.append(f.w.drive_to(state::plan_active), 0);
    }
    auto sql = [&](const std::string& s) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        INFO(s);
        CHECK(sqlite3_exec(db, s.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    };
    sql("DROP TABLE persons; DROP TABLE case_keys; UPDATE sfcore_meta SET value = 2 WHERE key = 'schema'");
    {
        case_store st(path);
        CHECK(st.load(case_id{1}).state() == state::plan_active);
        CHECK(st.person_cases("p-hine").empty());
        for (std::size_t i = 1; i < f.cases.size(); ++i) st.append(f.cases[i], 0);  // case 1 is the one already held
        CHECK(ids_of(st.person_cases("p-hine")) == std::vector<std::uint64_t>{2});
        CHECK(st.verify());
    }
    CHECK(sqlite_schema(path) == 4);
}

TEST_CASE("an access request is due in 20 working days by the Privacy Act's own definition, in any state, and overdue until answered", "[lifecycle][persons][privacy]") {
    fixtures::world w;
    case_file c = w.drive_to(state::closed);
    const holiday_calendar cal;
    const date received = nz_date(w.clock);
    REQUIRE(w.rec(c, access_requested{member_id{2}, "Hine Te Rangi", "parent of a child under 16", received}));
    REQUIRE(c.access_requests().size() == 1);
    const access_request& r = c.access_requests()[0];
    const date due = privacy_response_due(received, cal);
    CHECK(r.due(cal) == due);
    CHECK(r.seq == c.journal().size());
    CHECK(c.state() == state::closed);
    // A closed case still answers: the request is its next deadline, and overdue the day after.
    CHECK(next_deadline(c, cal) == due);
    CHECK(overdue(c, due, cal).empty());
    const auto late = overdue(c, due + boost::gregorian::days(1), cal);
    REQUIRE(late.size() == 1);
    CHECK(late[0].kind == overdue_kind::access_request);
    CHECK(late[0].days_late == 1);
    CHECK(late[0].what.find("Hine") == std::string::npos);  // the line names no one
    // Bad requests are refused and change nothing.
    const std::size_t before = c.journal().size();
    CHECK(code_of([&] { w.rec(c, access_requested{member_id{9}, "X", "", received}); }) == errc::not_found);
    CHECK(code_of([&] { w.rec(c, access_requested{member_id{1}, " ", "", received}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, access_requested{member_id{1}, "Hine", "", make_date(2099, 1, 1)}); }) == errc::out_of_range);
    CHECK(code_of([&] { w.rec(c, access_extended{r.seq, due, "much to search"}); }) == errc::invalid_argument);  // not later
    CHECK(code_of([&] { w.rec(c, access_extended{r.seq, due + boost::gregorian::days(10), ""}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, access_extended{1, due + boost::gregorian::days(10), "x"}); }) == errc::invalid_argument);  // not a request
    CHECK(code_of([&] { w.rec(c, access_answered{r.seq, received - boost::gregorian::days(1), {}}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, access_answered{r.seq, received, {" "}}); }) == errc::invalid_argument);
    CHECK(c.journal().size() == before);
    // Extended under s 48: due later, not overdue the day after the statutory due date.
    const date later = due + boost::gregorian::days(20);
    REQUIRE(w.rec(c, access_extended{r.seq, later, "a large quantity of information must be searched"}));
    CHECK(c.access_requests()[0].due(cal) == later);
    CHECK(overdue(c, due + boost::gregorian::days(1), cal).empty());
    CHECK(overdue(c, later + boost::gregorian::days(1), cal).size() == 1);
    // Answered, with a ground for what was withheld: no longer overdue, and answered once only.
    REQUIRE(w.rec(c, access_answered{r.seq, received, {"s 53: information about another individual"}}));
    CHECK(c.access_requests()[0].answered_on == received);
    CHECK(c.access_requests()[0].withheld.size() == 1);
    CHECK(overdue(c, later + boost::gregorian::days(1), cal).empty());
    CHECK_FALSE(next_deadline(c, cal));
    CHECK(code_of([&] { w.rec(c, access_answered{r.seq, received, {}}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, access_extended{r.seq, later + boost::gregorian::days(5), "x"}); }) == errc::invalid_argument);
    const case_file again = case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end()));
    CHECK(again == c);
    CHECK(again.access_requests().size() == 1);
    CHECK(again.access_requests()[0].extended_to == later);
}

TEST_CASE("an extension never makes an access request due before the Act's day in the caller's calendar", "[lifecycle][persons][privacy]") {
    using boost::gregorian::days;
    fixtures::world w;
    case_file c = w.drive_to(state::closed);
    const holiday_calendar national;
    // A request received in July 2025 on a day whose last day to answer is a Friday (Matariki was 20 June).
    date received = make_date(2025, 7, 1);
    while (privacy_response_due(received, national).day_of_week() != boost::date_time::Friday) received += days(1);
    const date due = privacy_response_due(received, national);
    REQUIRE(received.year() == due.year());
    // A host's calendar that puts that year's Matariki on a Friday inside the 20 days (set_matariki() is the
    // host's to call): the Act's last day there is the Monday after.
    holiday_calendar host;
    date friday = received + days(1);
    while (friday.day_of_week() != boost::date_time::Friday) friday += days(1);
    host.set_matariki(received.year(), friday);
    const date host_due = privacy_response_due(received, host);
    REQUIRE(host_due == due + days(3));
    // Extended to the Saturday: later than the national day, so recorded; it does not shorten the host's time.
    REQUIRE(w.rec(c, access_requested{member_id{1}, "Hine Te Rangi", "", received}));
    REQUIRE(w.rec(c, access_extended{c.journal().back().seq, due + days(1), "a large quantity of information must be searched"}));
    const access_request& r = c.access_requests()[0];
    CHECK(r.due(national) == due + days(1));
    CHECK(r.due(host) == host_due);
    CHECK(overdue(c, host_due, host).empty());
    CHECK(overdue(c, host_due + days(1), host).size() == 1);
}

TEST_CASE("a store lists a closed case with an unanswered access request as overdue", "[store][persons][privacy]") {
    store_place place;
    fixtures::world w;
    case_file c = w.drive_to(state::closed);
    const date received = nz_date(w.clock);
    REQUIRE(w.rec(c, access_requested{member_id{1}, "Hine Te Rangi", "", received}));
    case_store st(place.location);
    st.append(c, 0);
    const date due = privacy_response_due(received, holiday_calendar{});
    case_query q;
    q.overdue_on = due + boost::gregorian::days(1);
    REQUIRE(st.list(q).size() == 1);
    CHECK(st.list(q)[0].next_deadline == due);
    q.overdue_on = due;
    CHECK(st.list(q).empty());
}

TEST_CASE("a declined correction keeps the person's statement with their details, and the recipients to tell come from the journal", "[lifecycle][persons][privacy]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    // Hine's housing goes to MSD on her consent; Tama's child protection record to the Police under s66.
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    disclosure_request asked = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    asked.at = w.tick();
    REQUIRE(c.decide(w.dir, asked, "coordinator").permit);
    disclosure_request refused = w.request(member_id{1}, category::housing, recipient::of(agencies::POLICE));
    refused.at = w.tick();
    REQUIRE_FALSE(c.decide(w.dir, refused, "coordinator").permit);  // refused: nothing went
    REQUIRE(w.rec(c, w.s66_sharing()));
    // The correction Hine asked for is not made: her statement is attached.
    const std::size_t before = c.journal().size();
    CHECK(code_of([&] { w.rec(c, correction_declined{member_id{1}, "date of birth", " ", "x"}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, correction_declined{member_id{1}, "", "I was born on 15 May", "x"}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, correction_declined{member_id{1}, "date of birth", "I was born on 15 May", ""}); }) == errc::invalid_argument);
    CHECK(code_of([&] { w.rec(c, correction_declined{member_id{9}, "date of birth", "x", "y"}); }) == errc::not_found);
    CHECK(c.journal().size() == before);
    REQUIRE(w.rec(c, correction_declined{member_id{1}, "date of birth", "I was born on 15 May 1988", "the birth certificate says 14 May"}));
    const auto statements = c.correction_statements(member_id{1});
    REQUIRE(statements.size() == 1);
    CHECK(statements[0].seq == c.journal().size());
    CHECK(statements[0].declined.statement == "I was born on 15 May 1988");
    CHECK(c.correction_statements(member_id{2}).empty());
    CHECK(code_of([&] { c.correction_statements(member_id{9}); }) == errc::not_found);
    CHECK(c.member_at(member_id{1}).born == make_date(1988, 5, 14));  // the detail stays as it was
    CHECK(describe(c.journal().back(), c, w.dir).find("their statement: I was born on 15 May 1988") != std::string::npos);
    // IPP 7(4): whom Hine's information went to (the permitted decision only), and Tama's (the s66 sharing).
    const auto hine = c.disclosures_about(member_id{1});
    REQUIRE(hine.size() == 1);
    CHECK(hine[0].how == event_type::disclosure_decided);
    CHECK(hine[0].to == recipient::of(agencies::MSD));
    CHECK(hine[0].what == category::housing);
    const auto tama = c.disclosures_about(member_id{2});
    REQUIRE(tama.size() == 1);
    CHECK(tama[0].how == event_type::shared_without_consent);
    CHECK(tama[0].to == recipient::of(agencies::POLICE));
    // A view that showed an item about Hine counts too.
    const std::vector<info_item> items{{{member_id{1}}, category::housing, "rent arrears"}, {{member_id{2}}, category::education, "x"}};
    CHECK(c.view(w.dir, items, recipient::of(agencies::MSD), purpose::meeting, w.tick(), "coordinator").size() == 1);
    CHECK(c.disclosures_about(member_id{1}).size() == 2);
    CHECK(c.disclosures_about(member_id{1}).back().how == event_type::view_shown);
    CHECK(case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end())) == c);
}

TEST_CASE("an access response holds everything about the person across their cases and nothing about anyone else", "[store][persons][privacy]") {
    store_place place;
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);  // Hine (1) and Tama (2); Tama's consent given by Hine, with his views
    REQUIRE(w.rec(c, person_linked{member_id{1}, "p-hine", std::nullopt, std::nullopt}));
    REQUIRE(w.rec(c, person_linked{member_id{2}, "c-tama", std::nullopt, std::nullopt}));
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing, issue_area::education}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    sharing_consent_given tama = w.adult_consent(recipient::of(agencies::MSD), member_id{2});
    tama.given_by = member_id{1};
    tama.child_views = "only if it helps me with my reading";
    REQUIRE(w.rec(c, tama));
    // One decision about both of them, one about Hine alone, a view of each, the s66 sharing about Tama the family was not told of.
    disclosure_request both = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    both.subjects = {member_id{1}, member_id{2}};
    both.at = w.tick();
    REQUIRE(c.decide(w.dir, both, "coordinator").permit);
    disclosure_request hers = w.request(member_id{1}, category::education, recipient::of(agencies::MSD));
    hers.at = w.tick();
    REQUIRE(c.decide(w.dir, hers, "coordinator").permit);
    c.view(w.dir, {{{member_id{1}}, category::housing, "rent arrears"}, {{member_id{2}}, category::education, "reading age"}},
           recipient::of(agencies::MSD), purpose::meeting, w.tick(), "coordinator");
    REQUIRE(w.rec(c, w.s66_sharing()));
    REQUIRE(w.rec(c, correction_declined{member_id{1}, "date of birth", "Hine says 15 May 1988", "the certificate says 14 May"}));
    REQUIRE(w.rec(c, access_requested{member_id{1}, "Hine Te Rangi", "", nz_date(w.clock)}));
    // Hine's second case: a later referral, where she attends the meeting and does two of the plan's actions.
    case_file again = family(w, 2, {{"Hine Te Rangi", member_role::parent_caregiver, "p-hine"}, {"Ana Parata", member_role::child, "c-ana"}});
    REQUIRE(w.rec(again, consent_recorded{member_id{1}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""}));
    REQUIRE(w.rec(again, consent_recorded{member_id{2}, make_date(2026, 3, 2), "SF-2024", member_id{1}, "happy to come"}));
    REQUIRE(w.rec(again, roles_assigned{w.coordinator, std::nullopt, std::nullopt, std::nullopt}));
    REQUIRE(w.rec(again, preparation_started{}));
    REQUIRE(w.rec(again, invitee_approved{party::of(agencies::MSD)}));
    REQUIRE(w.rec(again, meeting_scheduled{w.meeting_with({party::of(agencies::MSD)})}));
    REQUIRE(w.rec(again, meeting_held{meeting_id{1}, {party::of(member_id{1}), party::of(agencies::MSD)}}));
    plan p = w.good_plan();
    p.actions[1].description = "Walk Ana to school each day";  // names Ana: withheld from Hine's answer
    p.actions[1].need = "getting there on time";
    action own_words;
    own_words.description = "Budget course on Tuesdays";
    own_words.owner = party::of(member_id{1});
    own_words.need = "money for rent";
    own_words.due = make_date(2026, 6, 30);
    p.actions.push_back(own_words);
    REQUIRE(w.rec(again, plan_agreed{p}));
    REQUIRE(w.rec(again, action_updated{action_id{3}, action_status::done, "finished in June"}));
    REQUIRE(w.rec(again, action_updated{action_id{1}, action_status::done, "MSD's own"}));
    // Action 2 handed to MSD: what becomes of it after that is not Hine's.
    plan handed = again.plans().front();
    handed.actions[1].owner = party::of(agencies::MSD);
    handed.revision_reason = "a change of circumstances";
    REQUIRE(w.rec(again, plan_revised{handed}));
    REQUIRE(w.rec(again, action_updated{action_id{2}, action_status::in_progress, "the school van now"}));
    REQUIRE(w.rec(again, notice_given{member_id{1}, purpose::meeting}));
    case_store st(place.location);
    st.append(c, 0);
    st.append(again, 0);

    const access_response h = st.access_response("p-hine", w.dir);
    CHECK(h.key == "p-hine");
    REQUIRE(h.cases.size() == 2);
    CHECK(h.markdown.find("Hine Te Rangi, parent or caregiver, born 1988-05-14") != std::string::npos);
    CHECK(h.markdown.find("Hine says 15 May 1988") != std::string::npos);                 // her statement of correction
    CHECK(h.markdown.find("## Case 2") != std::string::npos);
    // Everything about Tama and Ana stays out: names, Tama's words, the sharing about him.
    for (const char* planted : {"Tama", "Ana", "reading", "attendance record", "telling the family", "I want to go to school",
                                "getting there on time", "Budget advice", "MSD's own", "school van", "action 2 now"}) {
        INFO(planted);
        CHECK(h.markdown.find(planted) == std::string::npos);
        for (const auto& i : h.items) CHECK(i.text.find(planted) == std::string::npos);
    }
    // What she does and attended is hers: the meeting, her action in her own words and its progress, the notice.
    for (const char* hers : {"you attended the initial meeting", "Budget course on Tuesdays", "for: money for rent",
                             "action 3 now done: finished in June", "action 2 is yours", "notice of sharing"}) {
        INFO(hers);
        CHECK(h.markdown.find(hers) != std::string::npos);
    }
    // The decision about both is given for Hine alone, with its ground; the one about her alone withholds nothing;
    // the action that names Ana keeps its number and date, and its words are withheld.
    REQUIRE(h.withheld.size() == 2);  // the joint decision (the view's item about Tama is simply not hers), the action
    for (const auto& wh : h.withheld) CHECK(wh.ground.find("s 53") != std::string::npos);
    CHECK(h.withheld[1].in_case == again.id());
    const auto shared = std::count_if(h.items.begin(), h.items.end(), [](const access_item& i) { return i.heading == "shared"; });
    CHECK(shared == 2);
    CHECK(std::any_of(h.items.begin(), h.items.end(), [](const access_item& i) { return i.heading == "access request"; }));

    const access_response t = st.access_response("c-tama", w.dir);
    REQUIRE(t.cases.size() == 1);
    CHECK(t.markdown.find("Tama Te Rangi, child (tamaiti)") != std::string::npos);
    CHECK(t.markdown.find("I want to go to school") != std::string::npos);  // his own views
    CHECK(t.markdown.find("only if it helps me with my reading") != std::string::npos);
    CHECK(t.markdown.find("given for you by a family member") != std::string::npos);
    for (const char* planted : {"Hine", "15 May", "rent arrears", "attendance record", "telling the family"}) {
        INFO(planted);
        CHECK(t.markdown.find(planted) == std::string::npos);
        for (const auto& i : t.items) CHECK(i.text.find(planted) == std::string::npos);
    }
    // The s66 sharing the family was not told of is withheld under s 49; the joint decision under s 53.
    CHECK(std::count_if(t.withheld.begin(), t.withheld.end(), [](const access_withholding& x) { return x.ground.find("s 49") != std::string::npos; }) == 1);
    CHECK(std::count_if(t.withheld.begin(), t.withheld.end(), [](const access_withholding& x) { return x.ground.find("s 53") != std::string::npos; }) == 1);
    CHECK(st.access_response("nobody", w.dir).cases.empty());
    CHECK(code_of([&] { st.access_response("", w.dir); }) == errc::invalid_argument);
}
