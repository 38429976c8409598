// Archives: round trips, the frame's checks, bounded reads, class versions,
// the golden archives every released format version wrote, and the
// conversion of sfcore 0.1 cases and ledgers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "../../src/archive_detail.hpp"
#include "../../src/case_access.hpp"
#include "../fuzz/load_any.hpp"
#include "../../src/crypto.hpp"
#include "fixtures.hpp"
#include "sfcore/archive.hpp"

using namespace sfcore;
using fixtures::code_of;
using fixtures::read_file;

namespace {

const archive_encoding both[] = {archive_encoding::binary, archive_encoding::text};

bytes frame(const bytes& payload, archive_content content, archive_encoding e = archive_encoding::binary,
            std::uint16_t version = archive_format_version) {
    return fuzzing::framed(payload.data(), payload.size(), static_cast<std::uint8_t>(content), static_cast<std::uint8_t>(e), version);
}

bytes payload_of(const bytes& archive) { return bytes(archive.begin() + archive_header_size, archive.end()); }

std::string data_dir() { return SFCORE_TEST_DATA_DIR; }

// Load an archive: true when it loads, false when it is refused with a clear
// sfcore error (anything else fails the test).
bool loads(const bytes& b) {
    static const fuzzing::context x;  // its key provider opens the golden encrypted case
    try {
        switch (inspect_archive(b.data(), b.size()).content) {
        case archive_content::case_journal: load_case(b.data(), b.size(), x.keys); break;
        case archive_content::directory: load_directory(b); break;
        default: return false;
        }
        return true;
    } catch (const error& e) {
        const errc k = e.code();
        if (k != errc::malformed && k != errc::unsupported_version && k != errc::checksum_mismatch && k != errc::integrity &&
            k != errc::key_error)
            FAIL(e.what());
        return false;
    }
}

} // namespace

TEST_CASE("a case in every state and programme survives a round trip, binary and text", "[archive]") {
    for (int p = 0; p < 3; ++p)
        for (const auto& row : state_table) {
            fixtures::world w;
            const case_file c = w.drive_to(row.value, static_cast<programme>(p));
            for (auto e : both) {
                const bytes b = save_archive(c, e);
                CHECK(inspect_archive(b.data(), b.size()).encoding == e);
                const case_file back = load_case(b);
                CHECK(back == c);
                CHECK(back.members() == c.members());
                CHECK(back.plan_history() == c.plan_history());
                CHECK(back.head() == c.head());
                CHECK(save_archive(back, e) == b);  // saving is deterministic
            }
        }
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    for (auto e : both) {
        const case_file back = load_case(save_archive(c, e));
        CHECK(back == c);
        CHECK(back.disclosure().consents().size() == 2);
        CHECK(back.access_log().size() == 3);
    }
}

TEST_CASE("a directory survives a round trip", "[archive]") {
    fixtures::world w;
    for (auto e : both) {
        const agency_directory d = load_directory(save_archive(w.dir, e));
        CHECK(d.all().size() == w.dir.all().size());
        CHECK(d.practitioners().size() == w.dir.practitioners().size());
        CHECK(d.practitioner_at(w.teacher).name == "Sam Wilson");
        CHECK(d.at(w.trust).kind == agency_kind::ngo);
    }
}

TEST_CASE("a directory's names, former names and child welfare flags survive a round trip, and are checked", "[archive]") {
    fixtures::world w;
    w.dir.rename(w.trust, "Te Whare Awhina Charitable Trust");
    w.dir.rename(w.trust, "Te Whare Awhina");
    w.dir.set_child_welfare(w.trust, true);
    w.dir.rename(agencies::DHB, "Te Whatu Ora");  // a host may rename a built-in agency too
    w.dir.set_child_welfare(agencies::ACC, true);
    w.dir.rename(agencies::HNZ, "Housing New Zealand");  // back to a former name
    for (auto e : both) {
        const agency_directory d = load_directory(save_archive(w.dir, e));
        for (const auto& a : w.dir.all()) {
            INFO(a.name);
            CHECK(d.at(a.id).name == a.name);
            CHECK(d.at(a.id).former_names == a.former_names);
            CHECK(d.at(a.id).child_welfare == a.child_welfare);
        }
        CHECK(d.find_by_name("Te Whare Awhina Trust") == w.trust);
        CHECK(d.find_by_name("District Health Boards") == agencies::DHB);
    }
    // A former name that another agency holds does not load: names are one agency's each.
    const bytes text = payload_of(save_archive(w.dir, archive_encoding::text));
    std::string t(text.begin(), text.end());
    const std::string former = "32 Te Whare Awhina Charitable Trust";
    REQUIRE(t.find(former) != std::string::npos);
    t.replace(t.find(former), former.size(), "3 ACC");
    CHECK(code_of([&] { load_directory(frame(bytes(t.begin(), t.end()), archive_content::directory, archive_encoding::text)); }) ==
          errc::malformed);
}

TEST_CASE("a directory's sites, their targets and its Local Management Groups survive a round trip, and are checked", "[archive][registry]") {
    fixtures::world w;
    const site_id team = w.dir.add_site(programme::childrens_team, "Rotorua", 60, 150);
    w.dir.set_site_targets(*w.dir.find_site(programme::intensive_intervention, "Tokoroa"), 30, 80);
    const local_group_id group = w.dir.add_local_group("Ōtāhuhu Local Management Group");
    w.dir.set_local_group(w.coordinator, group);
    for (auto e : both) {
        const agency_directory d = load_directory(save_archive(w.dir, e));
        REQUIRE(d.sites().size() == 5);
        CHECK(d.site_at(team).name == "Rotorua");
        CHECK(d.site_at(team).target_children == 150);
        CHECK(d.site_at(*d.find_site(programme::intensive_intervention, "Tokoroa")).target_families == 30);
        CHECK(d.local_group_at(group).name == "Ōtāhuhu Local Management Group");
        CHECK(d.practitioner_at(w.coordinator).local_group == group);
    }
    // A built-in site renamed in the bytes does not load.
    const bytes text = payload_of(save_archive(w.dir, archive_encoding::text));
    std::string t(text.begin(), text.end());
    REQUIRE(t.find("7 Tokoroa") != std::string::npos);
    t.replace(t.find("7 Tokoroa"), 9, "7 Tokorox");
    CHECK(code_of([&] { load_directory(frame(bytes(t.begin(), t.end()), archive_content::directory, archive_encoding::text)); }) ==
          errc::malformed);
}

TEST_CASE("the frame is checked before the payload is read", "[archive]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::plan_active);
    const bytes good = save_archive(c);
    CHECK(code_of([&] { inspect_archive(nullptr, 10); }) == errc::null_argument);
    CHECK(code_of([&] { inspect_archive(nullptr, 0); }) == errc::malformed);
    CHECK(code_of([&] { load_case(bytes{}); }) == errc::malformed);
    CHECK(code_of([&] { load_case(bytes(good.begin(), good.begin() + 40)); }) == errc::malformed);
    bytes b = good;
    b[1] = 'X';
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // magic
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, archive_encoding::binary, 4)); }) ==
          errc::unsupported_version);
    // Format 3 is an encrypted case's, and says so in its flags.
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, archive_encoding::binary, 3)); }) ==
          errc::malformed);
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, archive_encoding::binary, 0)); }) ==
          errc::malformed);
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, static_cast<archive_encoding>(3))); }) ==
          errc::malformed);
    CHECK(code_of([&] { load_case(frame(payload_of(good), static_cast<archive_content>(9))); }) == errc::malformed);
    CHECK(code_of([&] { load_directory(good); }) == errc::malformed);  // holds a case, not a directory
    b = good;
    b[12] = 2;
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // an unknown flag
    b = good;
    b[13] = 1;
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // reserved bytes
    b = good;
    b.push_back(0);
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // a byte beyond the stated length
    b = good;
    b.back() ^= 0x01;
    CHECK(code_of([&] { load_case(b); }) == errc::checksum_mismatch);
    b = good;
    b[16 + 7] = 0x7f;  // a payload length of petabytes
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);
    // A well-framed payload with bytes after the value.
    bytes p = payload_of(good);
    p.push_back(0);
    CHECK(code_of([&] { load_case(frame(p, archive_content::case_journal)); }) == errc::malformed);
}

TEST_CASE("every count and length is bounded by the bytes that remain", "[archive]") {
    // A directory archive: class version 1, then a count of agencies near 2^32.
    const bytes huge_count{1, 0xf0, 0xff, 0xff, 0xff, 0, 0};
    CHECK(code_of([&] { load_directory(frame(huge_count, archive_content::directory)); }) == errc::malformed);
    // An agency with a name said to be 4 GiB long.
    const bytes huge_text{1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'M'};
    CHECK(code_of([&] { load_directory(frame(huge_text, archive_content::directory)); }) == errc::malformed);
    // The same in text: a name said to be a billion bytes long.
    const std::string t = "1 1 1 1 1000000000 M";
    CHECK(code_of([&] { load_directory(frame(bytes(t.begin(), t.end()), archive_content::directory, archive_encoding::text)); }) ==
          errc::malformed);
}

TEST_CASE("a value with a class version newer than the library is refused", "[archive]") {
    fixtures::world w;
    for (auto e : both) {
        bytes p = payload_of(save_archive(w.dir, e));
        // The directory's own class version comes first.
        if (e == archive_encoding::binary) {
            REQUIRE(p[0] == 2);
            p[0] = 3;
        } else {
            REQUIRE(p[0] == '2');
            p[0] = '3';
        }
        const bytes b = frame(p, archive_content::directory, e);
        CHECK(code_of([&] { load_directory(b); }) == errc::unsupported_version);
        p[0] = e == archive_encoding::binary ? 0 : '0';
        CHECK(code_of([&] { load_directory(frame(p, archive_content::directory, e)); }) == errc::malformed);
    }
}

TEST_CASE("a journal whose entries the rules refuse does not replay, even when its chain holds", "[archive]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::preparing);
    std::vector<event> journal(c.journal().begin(), c.journal().end());
    journal.erase(journal.begin() + 2);  // the first member: later entries name a member that does not exist
    detail::case_access::chain(c.id(), journal);
    CHECK(code_of([&] { case_file::replay(c.id(), journal); }) == errc::invalid_argument);  // member ids out of order
    // A recorded decision the journal before it does not give is refused.
    case_file d = w.drive_to(state::plan_active);
    REQUIRE(w.rec(d, issue_areas_set{{issue_area::housing}}));
    d.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::MSD)), "x");
    std::vector<event> forged(d.journal().begin(), d.journal().end());
    auto& decided = std::get<disclosure_decided>(forged.back().payload);
    REQUIRE_FALSE(decided.permit);
    decided.permit = true;
    decided.rule = decision_rule::consent;
    decided.consent = 1;
    detail::case_access::chain(d.id(), forged);  // as if the chain had been recomputed
    CHECK(code_of([&] { case_file::replay(d.id(), forged); }) == errc::integrity);
}

TEST_CASE("a replayed journal is checked, never corrected: a field the case gives that differs is refused", "[archive]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    REQUIRE(w.rec(c, person_linked{member_id{1}, "person-0001", std::string("zzz0016"), std::nullopt}));
    REQUIRE(c.journal().back().type() == event_type::person_linked);
    CHECK(std::get<person_linked>(c.journal().back().payload).nhi == std::string("ZZZ0016"));  // record() completes it
    const std::vector<event> journal(c.journal().begin(), c.journal().end());
    const auto first = [&](event_type t) {
        const auto it = std::find_if(journal.begin(), journal.end(), [t](const event& e) { return e.type() == t; });
        REQUIRE(it != journal.end());
        return static_cast<std::size_t>(it - journal.begin());
    };
    // Replays the journal with one entry changed and the chain recomputed: the code it is refused with.
    const auto replayed = [&](event_type t, const std::function<void(event&)>& change) {
        std::vector<event> j = journal;
        change(j[first(t)]);
        detail::case_access::chain(c.id(), j);
        return code_of([&] { case_file::replay(c.id(), j); });
    };
    CHECK(replayed(event_type::plan_agreed, [](event&) {}) == errc::ok);
    CHECK(replayed(event_type::member_added, [](event& e) { std::get<member_added>(e.payload).member.id = member_id{}; }) ==
          errc::invalid_argument);
    CHECK(replayed(event_type::meeting_scheduled,
                   [](event& e) { std::get<meeting_scheduled>(e.payload).meeting.kind = meeting_kind::review; }) ==
          errc::invalid_argument);
    CHECK(replayed(event_type::plan_agreed, [](event& e) { std::get<plan_agreed>(e.payload).plan.version = 2; }) ==
          errc::invalid_argument);
    CHECK(replayed(event_type::plan_agreed, [](event& e) {
              auto& agreed = std::get<plan_agreed>(e.payload).plan.agreed;
              agreed = agreed - boost::gregorian::days(1);
          }) == errc::invalid_argument);
    CHECK(replayed(event_type::plan_agreed, [](event& e) {
              std::get<plan_agreed>(e.payload).plan.actions.front().id = action_id{};
          }) == errc::invalid_argument);
    CHECK(replayed(event_type::sharing_consent_given, [](event& e) { std::get<sharing_consent_given>(e.payload).id = 0; }) ==
          errc::invalid_argument);
    CHECK(replayed(event_type::person_linked, [](event& e) { std::get<person_linked>(e.payload).nhi = "zzz0016"; }) ==
          errc::invalid_argument);
}

TEST_CASE("golden archives of this format version load, byte for byte", "[archive][golden]") {
    fixtures::world w;
    fixtures::fixed_clock clock;
    const case_file c = fixtures::full_case(w);
    for (const char* file : {"v2/case.binary.sfa", "v2/case.text.sfa"}) {
        INFO(file);
        const bytes b = read_file(data_dir() + "/" + file);
        const archive_info info = inspect_archive(b.data(), b.size());
        CHECK(info.content == archive_content::case_journal);
        CHECK(info.format_version == 2);
        const case_file back = load_case(b);
        CHECK(back == c);
        CHECK(back.state() == state::closed);
        CHECK(save_archive(back, info.encoding) == b);  // this library writes the same bytes
    }
    CHECK(load_directory(read_file(data_dir() + "/v2/directory.binary.sfa")).practitioners().size() == 4);
}

TEST_CASE("the golden encrypted archives load with their host key, hold the golden case's entries, and keep their cipher", "[archive][golden][encryption]") {
    static const fuzzing::context x;
    fixtures::world w;
    fixtures::fixed_clock clock;
    const case_file plain = fixtures::full_case(w);
    // Written before and after AES-256-GCM became the cipher of new cases.
    for (const auto& [file, cipher] : {std::pair{"v3/case.encrypted.sfa", detail::entry_cipher::xchacha20poly1305},
                                       std::pair{"v3/case.aes256gcm.sfa", detail::entry_cipher::aes256gcm}}) {
        INFO(file);
        const bytes b = read_file(data_dir() + "/" + file);
        const archive_info info = inspect_archive(b.data(), b.size());
        CHECK((info.format_version == 3 && info.encrypted && info.host_key_id == "fuzz"));
        CHECK(code_of([&] { load_case(b); }) == errc::key_error);
        case_file back = load_case(b.data(), b.size(), x.keys);
        CHECK(back.encrypted());
        CHECK(back.verify().ok);
        CHECK(back.state() == state::closed);
        REQUIRE(detail::case_access::secret(back)->cipher == cipher);
        // The same facts as the plain golden case; only the hashes differ (they are over the sealed bytes).
        REQUIRE(back.journal().size() == plain.journal().size());
        for (std::size_t i = 0; i < plain.journal().size(); ++i) {
            const event& a = back.journal()[i];
            const event& e = plain.journal()[i];
            CHECK((a.seq == e.seq && a.recorded == e.recorded && a.when == e.when && a.who == e.who && a.payload == e.payload));
            CHECK(a.hash != e.hash);
        }
        // A case read back takes a new entry, sealed with its own cipher, and saves and loads again.
        REQUIRE(w.rec(back, case_reopened{"the family asked for help again"}));
        CHECK(back.verify());
        const bytes saved = save_archive(back, x.keys);
        const case_file again = load_case(saved.data(), saved.size(), x.keys);
        CHECK(again == back);
        CHECK(detail::case_access::secret(again)->cipher == cipher);
        CHECK(again.verify());
    }
}

TEST_CASE("sfcore 0.1 archives: a case converts as it loads, and a ledger converts with its case", "[archive][golden][v1]") {
    fixtures::world w;
    SECTION("a 0.1 case archive, binary and text") {
        for (const char* file : {"v1/case.binary.sfa", "v1/case.text.sfa"}) {
            INFO(file);
            const bytes b = read_file(data_dir() + "/" + file);
            REQUIRE(inspect_archive(b.data(), b.size()).format_version == 1);
            const case_file back = load_case(b);
            CHECK(back.state() == state::closed);
            CHECK(back.exit_reason() == exit_reason::escalated);
            CHECK(back.verify());
            CHECK(back.journal().size() == 26);  // 0.1 kept 26 events of that case
            CHECK(std::get<referral_received>(back.journal().front().payload).referral.family_name == "Te Rangi whānau");
            CHECK(load_case(save_archive(back)) == back);  // it is written back as 0.2
        }
    }
    SECTION("a 0.1 ledger whose records interleave with its case becomes one journal") {
        const bytes cb = read_file(data_dir() + "/v1/interleaved.case.binary.sfa");
        const bytes lb = read_file(data_dir() + "/v1/interleaved.ledger.binary.sfa");
        const agency_directory dir = load_directory(read_file(data_dir() + "/v1/interleaved.directory.binary.sfa"));
        const case_file c = upgrade_v1(cb.data(), cb.size(), lb.data(), lb.size(), dir);
        CHECK(c.verify());
        CHECK(c.state() == state::plan_active);
        CHECK(c.disclosure().consents().size() == 2);
        CHECK(c.disclosure().withdrawals().size() == 2);
        CHECK(c.entries(event_type::shared_without_consent).size() == 1);
        CHECK(c.entries(event_type::request_declined).size() == 1);
        CHECK(c.disclosure().categories().find("whanau_ora").has_value());
        // The consent to the teacher names the teacher's agency, resolved from the directory.
        CHECK(c.disclosure().consents()[0].given.scope.recipients[1] == recipient::of(agencies::MOE, w.teacher));
        const auto legacy = c.entries(event_type::legacy_audit_imported);
        REQUIRE(legacy.size() == 1);
        const auto& log = std::get<legacy_audit_imported>(legacy[0]->payload);
        CHECK(log.text.rfind("sfcore-audit 1\n", 0) == 0);
        // The decisions 0.1 recorded are the ones the converted journal gives at the same instant.
        int decisions = 0;
        for (std::size_t p = 0, e; (e = log.text.find('\n', p)) != std::string::npos; p = e + 1) {
            const std::string line = log.text.substr(p, e - p);
            if (line.find("\tdecision\t") == std::string::npos) continue;
            const auto unix_time = std::stoll(line.substr(line.find('\t') + 1));
            const bool permitted = line.find("\tpermit|") != std::string::npos;
            const member_id subject{line.find("subjects=1|") != std::string::npos ? 1u : 2u};
            const disclosure_request r{recipient::of(agencies::MOE), {subject}, category::education,
                                       recipient::of(agencies::MSD), purpose::meeting, instant_from_unix(unix_time)};
            CHECK(c.check(dir, r).permit == permitted);
            ++decisions;
        }
        CHECK(decisions == 2);
        CHECK(load_case(save_archive(c)) == c);
    }
    SECTION("records that do not fit the case are refused, naming it") {
        const bytes cb = read_file(data_dir() + "/v1/case.binary.sfa");
        const bytes lb = read_file(data_dir() + "/v1/ledger.binary.sfa");
        try {
            upgrade_v1(cb.data(), cb.size(), lb.data(), lb.size(), w.dir);
            FAIL("the 0.1 fixture ledger records consents after its case closed");
        } catch (const error& e) {
            CHECK(e.code() == errc::malformed);
            CHECK(std::string(e.what()).find("case 1") != std::string::npos);
        }
    }
    SECTION("what 0.2 no longer reads alone is refused clearly") {
        const bytes audit = read_file(data_dir() + "/v1/audit.binary.sfa");
        CHECK(code_of([&] { load_case(audit); }) == errc::malformed);
        const bytes ledger = read_file(data_dir() + "/v1/ledger.binary.sfa");
        CHECK(code_of([&] { load_case(ledger); }) == errc::malformed);
        CHECK(load_directory(read_file(data_dir() + "/v1/directory.binary.sfa")).practitioners().size() == 4);
        // A 0.2 case takes no ledger.
        const bytes now = save_archive(w.drive_to(state::preparing));
        CHECK(code_of([&] { upgrade_v1(now.data(), now.size(), ledger.data(), ledger.size(), w.dir); }) == errc::malformed);
        CHECK(upgrade_v1(now.data(), now.size(), nullptr, 0, w.dir) == load_case(now));
    }
}

TEST_CASE("every byte of every golden archive, flipped or cut, gives a clear error or the same case", "[archive][golden][mutation]") {
    fixtures::world w;
    fixtures::fixed_clock clock;
    const case_file full = fixtures::full_case(w);
    static const fuzzing::context ctx;
    for (const char* file : {"v2/case.binary.sfa", "v2/case.text.sfa", "v2/directory.binary.sfa", "v1/case.binary.sfa",
                             "v1/interleaved.case.binary.sfa", "v3/case.encrypted.sfa"}) {
        INFO(file);
        const bytes b = read_file(data_dir() + "/" + file);
        // Any change to the archive as stored: the frame or checksum refuses it.
        for (std::size_t i = 0; i < b.size(); ++i) {
            bytes x = b;
            x[i] ^= 0x5a;
            if (loads(x)) FAIL("byte " << i << " changed and the archive still loads");
        }
        for (std::size_t n = 0; n < b.size(); ++n)
            if (loads(bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)))) FAIL("cut to " << n << " bytes and it loads");
        // Changes behind a valid checksum (the frame resealed) reach the loader:
        // it refuses, or the case it loads is the one the archive held.
        const bytes p = payload_of(b);
        const archive_info info = inspect_archive(b.data(), b.size());
        const bool is_case = info.content == archive_content::case_journal;
        const bool v2_case = is_case && info.format_version == 2;
        const std::optional<case_file> encrypted =
            info.encrypted ? std::optional<case_file>(load_case(b.data(), b.size(), ctx.keys)) : std::nullopt;
        std::size_t refused = 0, same = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xff}, static_cast<std::uint8_t>(p[i] ^ 0x01)}) {
                bytes x = p;
                if (x[i] == v) continue;
                x[i] = v;
                const bytes resealed = fuzzing::framed(x.data(), x.size(), static_cast<std::uint8_t>(info.content),
                                                       static_cast<std::uint8_t>(info.encoding), info.format_version,
                                                       info.encrypted ? 2 : 0);
                if (!loads(resealed)) {
                    ++refused;
                    continue;
                }
                ++same;
                if (v2_case && !(load_case(resealed) == full)) FAIL("payload byte " << i << " altered the case it loads");
                if (encrypted && !(load_case(resealed.data(), resealed.size(), ctx.keys) == *encrypted))
                    FAIL("payload byte " << i << " altered the encrypted case it loads");
            }
        CHECK(refused > 0);
        CAPTURE(refused, same);
    }
}

// Writes the golden archives of the current format version. Run by hand,
// once per released format version:
//   SFCORE_GOLDEN_OUT=tests/data/v2 ./build/tests/sfcore_tests "[.write-golden]"
TEST_CASE("write the golden archives", "[.write-golden]") {
    const char* out = std::getenv("SFCORE_GOLDEN_OUT");
    REQUIRE(out);
    fixtures::world w;
    fixtures::fixed_clock clock;
    const case_file c = fixtures::full_case(w);
    const auto write = [out](const std::string& name, const bytes& b) {
        std::ofstream f(std::string(out) + "/" + name, std::ios::binary);
        f.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
        REQUIRE(f.good());
    };
    write("case.binary.sfa", save_archive(c, archive_encoding::binary));
    write("case.text.sfa", save_archive(c, archive_encoding::text));
    write("directory.binary.sfa", save_archive(w.dir, archive_encoding::binary));
}

// Writes the golden encrypted archive (format 3, its entries sealed with AES-256-GCM) of full_case()
// opened encrypted, its key wrapped under the fuzzing context's host key "fuzz". Run by hand:
//   SFCORE_GOLDEN_OUT=tests/data/v3 ./build/tests/sfcore_tests "[.write-golden-encrypted]"
TEST_CASE("write the golden encrypted archive", "[.write-golden-encrypted]") {
    const char* out = std::getenv("SFCORE_GOLDEN_OUT");
    REQUIRE(out);
    static const fuzzing::context x;
    fixtures::world w;
    w.keep = at_rest::encrypted;
    fixtures::fixed_clock clock;
    const bytes b = save_archive(fixtures::full_case(w), x.keys);
    std::ofstream f(std::string(out) + "/case.aes256gcm.sfa", std::ios::binary);
    f.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
    REQUIRE(f.good());
}

TEST_CASE("every input the fuzzer found, and the golden archives it starts from, load or give a clear error", "[archive][fuzz]") {
    static const fuzzing::context x;
    namespace fs = std::filesystem;
    int n = 0;
    for (const auto& dir : {data_dir() + "/v1", data_dir() + "/v2", data_dir() + "/v3", std::string(SFCORE_FUZZ_REGRESSIONS_DIR) + "/archive"})
        for (const auto& f : fs::directory_iterator(dir)) {
            if (f.path().filename() == ".keep") continue;
            INFO(f.path().string());
            const bytes b = read_file(f.path().string());
            CHECK_NOTHROW(fuzzing::load_any(x, b.data(), b.size()));
            ++n;
        }
    CHECK(n >= 14);
}

TEST_CASE("an entry's canonical bytes decode to the entry, and nothing else does", "[archive][store]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    for (std::size_t i = 0; i < c.journal().size(); ++i) {
        CAPTURE(i);
        const bytes row = detail::encode_entry(c.journal()[i]);
        CHECK(detail::decode_entry(row.data(), row.size()) == c.journal()[i]);
        bytes cut(row.begin(), row.end() - 1);
        CHECK(code_of([&] { detail::decode_entry(cut.data(), cut.size()); }) == errc::malformed);
        bytes longer = row;
        longer.push_back(0);
        CHECK(code_of([&] { detail::decode_entry(longer.data(), longer.size()); }) == errc::malformed);
        bytes newer = row;
        newer[0] = 5;
        CHECK(code_of([&] { detail::decode_entry(newer.data(), newer.size()); }) == errc::unsupported_version);
        for (const std::uint8_t sealed : {3, 4}) {  // the sealed layouts: a plain entry is not one
            newer[0] = sealed;
            CHECK(code_of([&] { detail::decode_entry(newer.data(), newer.size()); }) == errc::malformed);
        }
    }
    CHECK(code_of([&] { detail::decode_entry(nullptr, 3); }) == errc::null_argument);
}

TEST_CASE("a sealed entry opens only with its case's key, and its bytes hide its payload", "[archive]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    const auto mine = detail::case_secret::make(c.id());
    const auto other = detail::case_secret::make(c.id());
    for (std::size_t i = 0; i < c.journal().size(); ++i) {
        CAPTURE(i);
        const event& e = c.journal()[i];
        const bytes row = detail::encode_entry(e, mine.get());
        CHECK(detail::is_sealed_entry(row.data(), row.size()));
        CHECK(detail::encode_entry(e, mine.get()) == row);  // deterministic: the chain can be recomputed
        CHECK(detail::decode_entry(row.data(), row.size(), mine.get()) == e);
        CHECK(code_of([&] { detail::decode_entry(row.data(), row.size()); }) == errc::key_error);
        CHECK(code_of([&] { detail::decode_entry(row.data(), row.size(), other.get()) ; }) == errc::key_error);
        CHECK(detail::encode_entry(e, other.get()) != row);
        bytes cut(row.begin(), row.end() - 1);
        CHECK(code_of([&] { detail::decode_entry(cut.data(), cut.size(), mine.get()); }) == errc::malformed);
        bytes flipped = row;
        flipped[row.size() / 2] ^= 1;
        CHECK(code_of([&] { detail::decode_entry(flipped.data(), flipped.size(), mine.get()); }) != errc::ok);
        if (!e.who.empty()) CHECK(std::search(row.begin(), row.end(), e.who.begin(), e.who.end()) == row.end());
    }
}
