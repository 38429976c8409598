#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace sfcore;

namespace {
const instant at = instant_from_unix(1795000000);  // 2026-11-18

using fixtures::code_of;

// The school's referral of the fixtures, with a second reason.
referral by_school() {
    referral r = fixtures::world{}.referral_for();
    r.reasons.push_back("housing");
    return r;
}
} // namespace

SCENARIO("a family refers itself", "[referral][seed]") {
    GIVEN("the standard directory and a self-referral") {
        const agency_directory dir;
        referral r;
        r.source = referral_source::family;
        r.received = make_date(2026, 11, 20);
        r.family_name = "Ōtāhuhu whānau";
        WHEN("a case is opened from it") {
            const auto c = case_file::open(case_id{7}, dir, r, "coordinator-1", at);
            THEN("the case is referred, names no agency and keeps the macrons") {
                CHECK(c.state() == state::referred);
                CHECK(c.id() == case_id{7});
                CHECK(c.referral().source == referral_source::family);
                CHECK_FALSE(c.referral().agency.has_value());
                CHECK(c.referral().family_name == "Ōtāhuhu whānau");
                REQUIRE(c.journal().size() == 1);
                CHECK(c.journal()[0].type() == event_type::referral_received);
                CHECK(c.journal()[0].who == "coordinator-1");
                CHECK(c.journal()[0].when == at);
            }
        }
    }
}

SCENARIO("a school refers a family", "[referral][seed]") {
    const agency_directory dir;
    const auto c = case_file::open(case_id{1}, dir, by_school(), "coordinator-1", at);
    CHECK(c.state() == state::referred);
    CHECK(c.referral().agency == agencies::MOE);
    CHECK(dir.at(*c.referral().agency).name == "Ministry of Education");
    CHECK(c.programme() == programme::strengthening_families);
    CHECK(c.referral().reasons.size() == 2);
}

TEST_CASE("a bad referral gives a clear error and opens no case", "[referral]") {
    const agency_directory dir;
    SECTION("unknown referral source") {
        auto r = by_school();
        r.source = static_cast<referral_source>(9);
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::invalid_argument);
        CHECK_THROWS_WITH(case_file::open(case_id{1}, dir, r, "c", at), Catch::Contains("unknown referral source 9"));
    }
    SECTION("agency referral without an agency") {
        auto r = by_school();
        r.agency.reset();
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::invalid_argument);
    }
    SECTION("agency not in the directory") {
        auto r = by_school();
        r.agency = agency_id{999};
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::not_found);
    }
    SECTION("self-referral naming an agency") {
        auto r = by_school();
        r.source = referral_source::family;
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::invalid_argument);
    }
    SECTION("invalid UTF-8 in the family name") {
        auto r = by_school();
        r.family_name = "Te Rangi wh\xC4";
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::invalid_utf8);
    }
    SECTION("blank family name") {
        auto r = by_school();
        r.family_name = " ";
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::invalid_argument);
    }
    SECTION("zero case id") {
        CHECK(code_of([&] { case_file::open(case_id{0}, dir, by_school(), "c", at); }) == errc::invalid_argument);
    }
    SECTION("date out of range") {
        auto r = by_school();
        r.received = date(1850, 1, 1);
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::out_of_range);
    }
}

TEST_CASE("replaying a case's journal reproduces the case", "[referral][replay]") {
    const agency_directory dir;
    const auto c = case_file::open(case_id{3}, dir, by_school(), "coordinator-1", at);
    CHECK(case_file::replay(case_id{3}, {c.journal().begin(), c.journal().end()}) == c);
    CHECK(code_of([] { case_file::replay(case_id{3}, {}); }) == errc::invalid_argument);
}

TEST_CASE("enumerations list from their tables and parse by name", "[enums]") {
    CHECK(std::string(to_string(state::awaiting_consent)) == "awaiting_consent");
    CHECK(std::string(label(state::plan_active)) == "plan active");
    CHECK(enum_from_string<referral_source>("family") == referral_source::family);
    CHECK(code_of([] { enum_from_string<referral_source>("self"); }) == errc::invalid_argument);
    CHECK(std::size(state_table) == 9);
}

TEST_CASE("the directory holds MSD and the eleven other government agencies", "[agency]") {
    agency_directory dir;
    CHECK(dir.all().size() == 12);
    CHECK(dir.at(agencies::MSD).name == "Ministry of Social Development");
    CHECK(dir.at(agencies::POLICE).name == "New Zealand Police");
    const auto id = dir.add("Te Whare Awhina Trust", agency_kind::ngo);
    CHECK(id == agency_id{13});
    CHECK(dir.find_by_name("Te Whare Awhina Trust") == id);
    CHECK(code_of([&] { dir.add("Te Whare Awhina Trust", agency_kind::ngo); }) == errc::already_exists);
    CHECK(code_of([&] { dir.add("", agency_kind::iwi); }) == errc::invalid_argument);
    CHECK(code_of([&] { dir.add("x", static_cast<agency_kind>(42)); }) == errc::invalid_argument);
    CHECK(code_of([&] { dir.at(agency_id{0}); }) == errc::not_found);
    CHECK(dir.all().size() == 13);
}

TEST_CASE("agencies go by their current names, and a former name still finds its agency", "[agency]") {
    agency_directory dir;
    // Health New Zealand replaced the District Health Boards (Pae Ora Act 2022); Kāinga Ora replaced Housing New Zealand (2019).
    CHECK(dir.at(agencies::DHB).name == "Health New Zealand | Te Whatu Ora");
    CHECK(dir.at(agencies::DHB).former_names == std::vector<std::string>{"District Health Boards"});
    CHECK(dir.find_by_name("District Health Boards") == agencies::DHB);
    CHECK(dir.at(agencies::HNZ).name == "Kāinga Ora – Homes and Communities");
    CHECK(dir.find_by_name("Housing New Zealand") == agencies::HNZ);
    CHECK(dir.at(agencies::MSD).former_names.empty());
    // A former name is still taken: no other agency may be given it.
    CHECK(code_of([&] { dir.add("Housing New Zealand", agency_kind::ngo); }) == errc::already_exists);

    const auto trust = dir.add("Te Whare Awhina Trust", agency_kind::ngo);
    dir.rename(trust, "Te Whare Awhina Charitable Trust");
    CHECK(dir.at(trust).name == "Te Whare Awhina Charitable Trust");
    CHECK(dir.find_by_name("Te Whare Awhina Trust") == trust);
    CHECK(dir.find_by_name("Te Whare Awhina Charitable Trust") == trust);
    CHECK(code_of([&] { dir.rename(trust, "Inland Revenue"); }) == errc::already_exists);
    CHECK(code_of([&] { dir.rename(trust, "District Health Boards"); }) == errc::already_exists);
    CHECK(code_of([&] { dir.rename(trust, " "); }) == errc::invalid_argument);
    CHECK(code_of([&] { dir.rename(trust, "\xff"); }) == errc::invalid_utf8);
    CHECK(code_of([&] { dir.rename(agency_id{99}, "x"); }) == errc::not_found);
    // Back to its first name: that name is current again, and the one it leaves is the former.
    dir.rename(trust, "Te Whare Awhina Trust");
    CHECK(dir.at(trust).name == "Te Whare Awhina Trust");
    CHECK(dir.at(trust).former_names == std::vector<std::string>{"Te Whare Awhina Charitable Trust"});
    dir.rename(trust, "Te Whare Awhina Trust");  // its own name: nothing changes
    CHECK(dir.at(trust).former_names.size() == 1);
}

TEST_CASE("the child welfare and protection agencies are those the Oranga Tamariki Act names", "[agency][law]") {
    agency_directory dir;
    for (auto id : {agencies::MSD, agencies::OT, agencies::POLICE, agencies::MOE, agencies::DHB, agencies::MOH,
                    agencies::HNZ, agencies::CORRECTIONS, agencies::MOJ}) {
        INFO(dir.at(id).name);
        CHECK(dir.at(id).child_welfare);
    }
    for (auto id : {agencies::ACC, agencies::IRD, agencies::DIA}) {
        INFO(dir.at(id).name);
        CHECK_FALSE(dir.at(id).child_welfare);
    }
    // A host adds the NGOs and iwi services it knows to be child welfare and protection agencies.
    const auto trust = dir.add("Te Whare Awhina Trust", agency_kind::ngo);
    CHECK_FALSE(dir.at(trust).child_welfare);
    dir.set_child_welfare(trust, true);
    CHECK(dir.at(trust).child_welfare);
    CHECK(dir.at(dir.add("Whānau Ora Navigators", agency_kind::iwi, true)).child_welfare);
    CHECK(code_of([&] { dir.set_child_welfare(agency_id{99}, true); }) == errc::not_found);
}

TEST_CASE("sites and teams are a registry: an Intensive Intervention referral names a registered site", "[referral][registry]") {
    agency_directory dir;
    REQUIRE(dir.sites().size() == 4);
    for (const char* name : {"Christchurch East", "Tokoroa", "Horowhenua", "Ōtāhuhu"})
        CHECK(dir.find_site(programme::intensive_intervention, name));
    auto r = by_school();
    r.programme = programme::intensive_intervention;
    for (const char* bad : {"Atlantis", "\t", "tokoroa"}) {
        r.site = bad;
        CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::not_found);
    }
    r.site = "Tokoroa";
    CHECK(case_file::open(case_id{1}, dir, r, "c", at).referral().site == "Tokoroa");
    // A site belongs to its programme: Tokoroa is not a Children's Team until one is registered.
    r.programme = programme::childrens_team;
    CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::not_found);
    const site_id team = dir.add_site(programme::childrens_team, "Tokoroa", 40, 90);
    CHECK(dir.site_at(team).target_children == 90);
    CHECK(case_file::open(case_id{1}, dir, r, "c", at).referral().site == "Tokoroa");
    r.programme = programme::strengthening_families;  // Strengthening Families has no sites
    CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::not_found);
    CHECK(code_of([&] { dir.add_site(programme::strengthening_families, "Porirua"); }) == errc::invalid_argument);
    CHECK(code_of([&] { dir.add_site(programme::childrens_team, "Tokoroa"); }) == errc::already_exists);
    CHECK(code_of([&] { dir.add_site(programme::childrens_team, "Rotorua", -1, 0); }) == errc::out_of_range);
    const site_id otahuhu = *dir.find_site(programme::intensive_intervention, "Ōtāhuhu");
    dir.set_site_targets(otahuhu, 40, 100);  // the host's configuration
    CHECK(dir.site_at(otahuhu).target_families == 40);
    CHECK(code_of([&] { dir.set_site_targets(site_id{99}, 1, 1); }) == errc::not_found);
}

TEST_CASE("Local Management Groups are a registry: a case and a coordinator each belong to one", "[referral][registry]") {
    agency_directory dir;
    const local_group_id porirua = dir.add_local_group("Porirua Local Management Group");
    CHECK(dir.find_local_group("Porirua Local Management Group") == porirua);
    CHECK(code_of([&] { dir.add_local_group("Porirua Local Management Group"); }) == errc::already_exists);
    CHECK(code_of([&] { dir.add_local_group("  "); }) == errc::invalid_argument);
    const practitioner_id mere = dir.add_practitioner(dir.add("Te Whare Awhina Trust", agency_kind::ngo), "Mere Tipene");
    dir.set_local_group(mere, porirua);
    CHECK(dir.practitioner_at(mere).local_group == porirua);
    CHECK(dir.find_practitioner(mere) == &dir.practitioner_at(mere));
    CHECK(dir.find_practitioner(practitioner_id{9}) == nullptr);
    CHECK(dir.find_practitioner(practitioner_id{}) == nullptr);
    CHECK(code_of([&] { dir.practitioner_at(practitioner_id{9}); }) == errc::not_found);
    CHECK(code_of([&] { dir.set_local_group(mere, local_group_id{9}); }) == errc::not_found);
    auto r = by_school();
    r.local_group = porirua;
    CHECK(case_file::open(case_id{1}, dir, r, "c", at).referral().local_group == porirua);
    r.local_group = local_group_id{9};
    CHECK(code_of([&] { case_file::open(case_id{1}, dir, r, "c", at); }) == errc::not_found);
}
