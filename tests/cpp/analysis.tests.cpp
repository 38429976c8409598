// The analysts' tables made in the core: de-identified by default, an
// identified table only when asked, parties named once, CSV as RFC 4180.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sfcore/analysis.hpp"
#include "sfcore/report.hpp"
#include "sfcore/store.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

const table_column* column(const analysis_table& t, std::string_view name) {
    for (const auto& c : t.columns)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<std::string> names_of(const analysis_table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.name);
    return out;
}

} // namespace

TEST_CASE("a de-identified table has no personal column, pseudonymous case ids and age bands", "[analysis]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::plan_active);
    table_options o;
    o.pseudonym_key.assign(16, 7);
    table_builder members("members", w.dir, o);
    members.add(c);
    const analysis_table t = members.table();
    CHECK(t.name == "members");
    CHECK(names_of(t) == std::vector<std::string>{"case_id", "member_id", "role", "age_band", "participating",
                                                  "consented", "consent_signed"});
    REQUIRE(t.rows() == 2);
    CHECK(column(t, "case_id")->values == std::vector<std::int64_t>(2, case_pseudonym(c.id(), o.pseudonym_key)));
    CHECK(column(t, "case_id")->values.front() != static_cast<std::int64_t>(c.id().value()));
    CHECK(column(t, "age_band")->texts == std::vector<std::string>{"25-44", "10-13"});
    CHECK(members.take() == t);  // the same table, moved out
    // An action a member owns names the member by number, not by name.
    table_builder actions("actions", w.dir, o);
    actions.add(c);
    const analysis_table owned = actions.table();
    const auto* owner = column(owned, "owner");
    REQUIRE(owner);
    CHECK(owner->texts == std::vector<std::string>{"Ministry of Social Development", "member 1"});
    CHECK(column(owned, "description") == nullptr);
    // Building a table records nothing.
    CHECK(c.journal().back().type() == event_type::plan_agreed);
}

TEST_CASE("an identified table keeps names and ids, and its options are checked", "[analysis]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::plan_active);
    table_options o;
    o.identified_by = "analyst-7";
    o.purpose = "an audit of timeliness";
    table_builder actions("actions", w.dir, o);
    CHECK(actions.identified());
    actions.add(c);
    const analysis_table t = actions.table();
    CHECK(column(t, "owner")->texts == std::vector<std::string>{"Ministry of Social Development", "Hine Te Rangi"});
    CHECK(column(t, "description")->texts.front() == "Budget advice sessions");
    CHECK(column(t, "case_id")->values.front() == 1);

    const auto refused = [&](table_options x, std::string_view name = "cases") {
        return code_of([&] { table_builder(name, w.dir, x); });
    };
    CHECK(refused({}, "people") == errc::invalid_argument);
    table_options no_purpose;
    no_purpose.identified_by = "analyst-7";
    CHECK(refused(no_purpose) == errc::invalid_argument);
    table_options no_asker;
    no_asker.purpose = "curiosity";
    CHECK(refused(no_asker) == errc::invalid_argument);
    table_options blank = o;
    blank.purpose = " ";
    CHECK(refused(blank) == errc::invalid_argument);
    table_options short_key;
    short_key.pseudonym_key.assign(15, 1);
    CHECK(refused(short_key) == errc::invalid_argument);
    table_options keyed = o;
    keyed.pseudonym_key.assign(16, 1);
    CHECK(refused(keyed) == errc::invalid_argument);
    CHECK(refused({}, "\xff") == errc::invalid_utf8);
}

TEST_CASE("a table as CSV: a header, a line per row, quoted texts, ISO days and moments, empty missing cells", "[analysis]") {
    analysis_table t;
    t.name = "test";
    table_column id{"id", column_kind::integer, false, {1, 2}, {}, {0, 0}, false};
    table_column text{"text", column_kind::text, false, {}, {"a, \"b\"", ""}, {0, 1}, true};
    table_column flag{"flag", column_kind::boolean, false, {1, 0}, {}, {0, 0}, false};
    table_column day{"day", column_kind::day, false, {20514, 0}, {}, {0, 1}, true};
    table_column moment{"at", column_kind::moment, false, {1772398800, 0}, {}, {0, 0}, false};
    t.columns = {id, text, flag, day, moment};
    CHECK(t.rows() == 2);
    CHECK(t.csv() ==
          "id,text,flag,day,at\r\n"
          "1,\"a, \"\"b\"\"\",true,2026-03-02,2026-03-01T21:00:00Z\r\n"
          "2,,false,,1970-01-01T00:00:00Z\r\n");
}

TEST_CASE("an identified table of a store records the extract in each case first", "[analysis]") {
    fixtures::world w;
    case_store store(":memory:");
    const case_file c = w.drive_to(state::plan_active);
    store.append(c, 0);
    const analysis_table plain = make_table(store, "events", w.dir);
    CHECK(plain.rows() == c.journal().size());
    CHECK(store.load(c.id()).journal().size() == c.journal().size());  // nothing recorded
    table_options o;
    o.identified_by = "analyst-7";
    o.purpose = "an audit";
    const analysis_table identified = make_table(store, "events", w.dir, o);
    CHECK(identified.rows() == c.journal().size() + 1);  // the events table includes its own extract
    const case_file after = store.load(c.id());
    REQUIRE(after.journal().size() == c.journal().size() + 1);
    const auto* x = std::get_if<identified_extract>(&after.journal().back().payload);
    REQUIRE(x);
    CHECK(x->table == "events");
    CHECK(x->purpose == "an audit");
    CHECK(after.journal().back().who == "analyst-7");
}

TEST_CASE("extract() records an identified table's extract in the case before its rows, a de-identified one records nothing", "[analysis]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    const std::size_t before = c.journal().size();
    table_builder plain("events", w.dir);
    plain.extract(c);
    CHECK(c.journal().size() == before);
    CHECK(plain.table().rows() == before);

    table_options o;
    o.identified_by = "analyst-7";
    o.purpose = "an audit";
    table_builder identified("events", w.dir, o);
    identified.extract(c);
    REQUIRE(c.journal().size() == before + 1);
    const auto* x = std::get_if<identified_extract>(&c.journal().back().payload);
    REQUIRE(x);
    CHECK(x->table == "events");
    CHECK(x->purpose == "an audit");
    CHECK(c.journal().back().who == "analyst-7");
    CHECK(identified.table().rows() == before + 1);  // the rows are read after the extract is recorded
}

TEST_CASE("a party is named once: name_of() throws for one not held, find_name_of() gives no name", "[analysis]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::plan_active);
    CHECK(find_name_of(party::of(member_id{1}), c, w.dir) == "Hine Te Rangi");
    CHECK(find_name_of(party::of(w.coordinator), c, w.dir) == "Mere Tipene (Te Whare Awhina Trust)");
    CHECK(find_name_of(party::of(agencies::MSD), c, w.dir) == "Ministry of Social Development");
    CHECK(name_of(party::of(w.coordinator), c, w.dir) == "Mere Tipene (Te Whare Awhina Trust)");
    for (const party& missing : {party::of(member_id{99}), party::of(member_id{}), party::of(agency_id{999}),
                                 party::of(practitioner_id{999}), party{static_cast<party_kind>(7), 1}}) {
        CHECK_FALSE(find_name_of(missing, c, w.dir));
        CHECK(code_of([&] { name_of(missing, c, w.dir); }) != errc::ok);
    }
    CHECK(code_of([&] { name_of(party::of(member_id{99}), c, w.dir); }) == errc::not_found);
    CHECK(code_of([&] { name_of(party::of(practitioner_id{999}), c, w.dir); }) == errc::not_found);
}
