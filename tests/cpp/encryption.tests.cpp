// Encryption at rest: an encrypted case's entries stored sealed under its own
// key, that key kept wrapped under a host key from the host's key provider,
// host keys rotated, and a missing or wrong key refused. Store tests are
// tagged [store], so they run on SQLite and again on PostgreSQL; the scans
// of raw files are SQLite's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <sodium.h>

#include "../../src/case_access.hpp"
#include "../../src/chained_reader.hpp"
#include "../../src/crypto.hpp"
#include "../fuzz/load_any.hpp"
#include "fixtures.hpp"
#include "store_place.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

// Strings planted in a case, each distinct, none of which may be readable at rest.
const std::vector<std::string> planted = {
    "Wairimu Canaryone",                                      // a parent's name
    "Tipene Canarytwo",                                       // a child's name
    "Tipene Canarytwo-Corrected",                             // the child's name, corrected
    "Canarythree whanau",                                     // how the family is known
    "canary four: dad's drinking worries the school",         // a referral's reason
    "I don't want the school to know about my counselling",  // a child's own words
    "canary six: my birthday is wrong, it is in June",        // a statement of correction
    "canary seven: housing is the family's first worry",      // another reason
};

// A host's keys, by id, as a key provider gives them.
struct keyring {
    std::map<std::string, std::vector<std::uint8_t>> keys;
    int calls = 0;
    // Keys by id, each 32 bytes of one value.
    keyring(std::initializer_list<std::pair<const char*, std::uint8_t>> ids) {
        for (const auto& [id, v] : ids) keys[id] = std::vector<std::uint8_t>(32, v);
    }
    key_provider provider(const std::string& current) {
        return {[this](const std::string& id) {
                    ++calls;
                    const auto at = keys.find(id);
                    return at == keys.end() ? std::vector<std::uint8_t>{} : at->second;
                },
                current};
    }
};

store_options encrypting(keyring& ring, const std::string& current) {
    store_options o;
    o.encryption = ring.provider(current);
    return o;
}

// A case holding every planted string.
case_file planted_case(fixtures::world& w, std::uint64_t id, at_rest keep) {
    referral r = w.referral_for();
    r.family_name = planted[3];
    r.reasons = {planted[4], planted[7]};
    case_file c = case_file::open(case_id{id}, w.dir, r, "coordinator", w.tick(), keep);
    REQUIRE(w.rec(c, referral_accepted{false, ""}));
    member parent;
    parent.name = planted[0];
    REQUIRE(w.rec(c, member_added{parent}));
    member child;
    child.name = planted[1];
    child.role = member_role::child;
    REQUIRE(w.rec(c, member_added{child}));
    REQUIRE(w.rec(c, member_updated{member_id{2}, planted[2], std::nullopt, std::nullopt, "a correction the person asked for"}));
    REQUIRE(w.rec(c, correction_declined{member_id{2}, "date of birth", planted[6], "the birth certificate says March"}));
    REQUIRE(w.rec(c, consent_recorded{member_id{2}, make_date(2026, 3, 2), "SF-2024", member_id{1}, planted[5]}));
    return c;
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The planted strings found in some bytes.
std::vector<std::string> found_in(const std::string& bytes) {
    std::vector<std::string> out;
    for (const auto& s : planted)
        if (bytes.find(s) != std::string::npos) out.push_back(s);
    return out;
}

} // namespace

TEST_CASE("an encrypted case's planted strings are in no byte of the store's file or its write-ahead log", "[encryption]") {
    temp_dir dir;
    keyring ring{{"k1", 7}};
    fixtures::world w;
    const std::string path = dir.file("cases.db");
    {
        case_store s(path, encrypting(ring, "k1"));
        const case_file c = planted_case(w, 1, at_rest::encrypted);
        CHECK(c.encrypted());
        s.append(c, 0);
        // The store is still open: its latest pages are in the write-ahead log.
        const std::string wal = file_bytes(path + "-wal");
        REQUIRE(wal.size() > 4096);
        CHECK(found_in(wal).empty());
        CHECK(found_in(file_bytes(path)).empty());
        CHECK(s.load(case_id{1}) == c);
    }
    CHECK(found_in(file_bytes(path)).empty());

    // The same case kept plain shows every string: the scan finds what is there.
    const std::string plain_path = dir.file("plain.db");
    {
        case_store s(plain_path);
        s.append(planted_case(w, 1, at_rest::plain), 0);
        CHECK(found_in(file_bytes(plain_path) + file_bytes(plain_path + "-wal")).size() == planted.size());
    }
}

TEST_CASE("an encrypted case reads back equal and verifies, from one load and from a whole-store read", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 1}};
    fixtures::world w;
    case_store s(place.location, encrypting(ring, "k1"));
    case_file c = planted_case(w, 1, at_rest::encrypted);
    s.append(c, 0);
    const std::uint64_t before = c.journal().size();
    REQUIRE(w.rec(c, member_added{member{member_id{}, "Canary Koro", member_role::other_whanau, std::nullopt, true}}));
    s.append(c, before);
    const case_file back = s.load(case_id{1});
    CHECK(back == c);
    CHECK(back.encrypted());
    CHECK(back.verify());
    CHECK(back.head() == c.head());
    const auto all = s.load_all();
    REQUIRE(all.size() == 1);
    CHECK(all.front() == c);
    CHECK(s.verify());
    // An entry appended to the copy read back seals to the bytes the store expects.
    case_file more = back;
    REQUIRE(w.rec(more, member_added{member{member_id{}, "Another Canary", member_role::child, std::nullopt, true}}));
    s.append(more, back.journal().size());
    CHECK(s.load(case_id{1}) == more);
    // The entries are sealed with AES-256-GCM (layout 4), and their hash chain is over the sealed bytes.
    CHECK(place.value("SELECT count(*) FROM entries WHERE case_id = 1") == std::to_string(more.journal().size()));
    CHECK(place.value("SELECT count(*) FROM entries WHERE case_id = 1 AND substr(data, 1, 1) = " + place.blob("04")) ==
          std::to_string(more.journal().size()));
}

TEST_CASE("an encrypted case's head is not a plain case's head for the same entries", "[encryption]") {
    fixtures::world a, b;
    const case_file plain = planted_case(a, 1, at_rest::plain);
    const case_file sealed = planted_case(b, 1, at_rest::encrypted);
    REQUIRE(plain.journal().size() == sealed.journal().size());
    CHECK(plain.head().hash != sealed.head().hash);
    CHECK(sealed.verify());
    CHECK_FALSE(plain.encrypted());
    // Two encrypted cases have keys of their own.
    fixtures::world c;
    CHECK(planted_case(c, 1, at_rest::encrypted).head().hash != sealed.head().hash);
}

TEST_CASE("a missing, wrong or absent host key is a key error, and a plain new case is refused by an encrypting store", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 1}};
    fixtures::world w;
    {
        case_store s(place.location, encrypting(ring, "k1"));
        s.append(planted_case(w, 1, at_rest::encrypted), 0);
        CHECK(code_of([&] { s.append(planted_case(w, 2, at_rest::plain), 0); }) == errc::key_error);
        CHECK(s.size() == 1);
    }
    // No provider at all.
    {
        case_store s(place.location);
        CHECK(code_of([&] { s.load(case_id{1}); }) == errc::key_error);
        CHECK(code_of([&] { s.load_all(); }) == errc::key_error);
        CHECK(code_of([&] { s.append(planted_case(w, 3, at_rest::encrypted), 0); }) == errc::key_error);
        CHECK(s.size() == 1);
    }
    // The provider does not have the key the case's key is wrapped under.
    {
        keyring other{{"k2", 2}};
        case_store s(place.location, encrypting(other, "k2"));
        try {
            s.load(case_id{1});
            FAIL("loaded without its key");
        } catch (const error& e) {
            CHECK(e.code() == errc::key_error);
            CHECK_THAT(e.what(), Catch::Contains("\"k1\""));
        }
    }
    // The provider's key of that id is the wrong key, or the wrong size.
    {
        keyring wrong{{"k1", 9}};
        case_store s(place.location, encrypting(wrong, "k1"));
        CHECK(code_of([&] { s.load(case_id{1}); }) == errc::key_error);
        wrong.keys["k1"] = std::vector<std::uint8_t>(16, 1);
        case_store t(place.location, encrypting(wrong, "k1"));
        CHECK(code_of([&] { t.load(case_id{1}); }) == errc::key_error);
    }
    // A provider that throws passes its exception on; a bad current id is refused at open.
    {
        store_options o;
        o.encryption = key_provider{[](const std::string&) -> std::vector<std::uint8_t> { throw std::runtime_error("key service down"); }, "k1"};
        case_store s(place.location, o);
        CHECK_THROWS_WITH(s.load(case_id{1}), "key service down");
        o.encryption->current = "bad id";
        CHECK(code_of([&] { case_store t(place.location, o); }) == errc::key_error);
    }
    case_store s(place.location, encrypting(ring, "k1"));
    CHECK(s.load(case_id{1}).encrypted());
}

TEST_CASE("host keys rotate: rewrap() wraps every case key under the current host key and leaves the entries as they are", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 1}, {"k2", 2}};
    fixtures::world w;
    std::vector<case_file> cases;
    {
        case_store s(place.location, encrypting(ring, "k1"));
        for (std::uint64_t id = 1; id <= 3; ++id) {
            cases.push_back(planted_case(w, id, at_rest::encrypted));
            s.append(cases.back(), 0);
        }
        CHECK(s.rewrap() == 0);  // all under the current key already
    }
    const std::string entries = "SELECT count(*) FROM entries";
    const auto heads = [&] { return place.value("SELECT count(*) FROM cases"); };
    const std::string before = place.value(entries);
    {
        case_store s(place.location, encrypting(ring, "k2"));
        s.append(planted_case(w, 4, at_rest::encrypted), 0);  // wrapped under k2 from the start
        CHECK(s.rewrap() == 3);
        CHECK(s.rewrap() == 0);
    }
    CHECK(place.value("SELECT count(*) FROM case_keys WHERE key_id = 'k2'") == "4");
    CHECK(heads() == "4");
    // Retire k1: every case still reads, equal to what was written.
    ring.keys.erase("k1");
    case_store s(place.location, encrypting(ring, "k2"));
    for (const auto& c : cases) CHECK(s.load(c.id()) == c);
    CHECK(s.verify());
    CHECK(place.value(entries) != "");
    CHECK(std::stoi(place.value(entries)) == std::stoi(before) + static_cast<int>(cases.front().journal().size()));
}

TEST_CASE("a store asks its key provider for a host key once, on the calling thread, and never keeps it", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 5}};
    fixtures::world w;
    case_store s(place.location, encrypting(ring, "k1"));
    for (std::uint64_t id = 1; id <= 5; ++id) s.append(planted_case(w, id, at_rest::encrypted), 0);
    for (std::uint64_t id = 1; id <= 5; ++id) s.load(case_id{id});
    CHECK(s.load_all().size() == 5);
    CHECK(ring.calls == 1);
    // The host key is nowhere in the store.
    if (!store_place::postgres()) {
        const std::string key(32, '\x05');
        CHECK(file_bytes(place.location).find(key) == std::string::npos);
        CHECK(file_bytes(place.location + "-wal").find(key) == std::string::npos);
    }
}

TEST_CASE("a changed sealed entry, or a case key moved to another case, does not load", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 1}};
    fixtures::world w;
    {
        case_store s(place.location, encrypting(ring, "k1"));
        for (const std::uint64_t id : {1, 2}) s.append(planted_case(w, id, at_rest::encrypted), 0);
    }
    case_store s(place.location, encrypting(ring, "k1"));
    // One byte of a sealed entry changed: the chain is over the sealed bytes.
    place.change_entry_byte(1, 3, 40);
    CHECK(code_of([&] { s.load(case_id{1}); }) == errc::integrity);
    // Case 2's key, wrapped for case 2, given to case 3: its wrapping names case 2.
    s.append(planted_case(w, 3, at_rest::encrypted), 0);
    place.sql("UPDATE case_keys SET wrapped = (SELECT wrapped FROM case_keys WHERE case_id = 2) WHERE case_id = 3");
    try {
        s.load(case_id{3});
        FAIL("loaded with another case's key");
    } catch (const error& e) {
        CHECK(e.code() == errc::key_error);
        CHECK_THAT(e.what(), Catch::Contains("case 3: its key does not open"));  // refused as it is unwrapped
    }
    CHECK(s.load(case_id{2}).encrypted());
    CHECK_FALSE(s.verify());
    // A case whose key row is gone cannot be read, and says so.
    place.sql("DELETE FROM case_keys WHERE case_id = 2");
    CHECK(code_of([&] { s.load(case_id{2}); }) == errc::key_error);
}

TEST_CASE("a store of schema 3 gains the table of case keys when it is opened, and then keeps encrypted cases", "[sqlite][encryption]") {
    temp_dir dir;
    const std::string path = dir.file("old.db");
    fixtures::world w;
    {
        case_store st(path);
        st.append(w.drive_to(state::plan_active), 0);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP TABLE case_keys; UPDATE sfcore_meta SET value = 3 WHERE key = 'schema'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    keyring ring{{"k1", 1}};
    {
        case_store st(path, encrypting(ring, "k1"));
        CHECK_FALSE(st.load(case_id{1}).encrypted());  // a plain case stays readable
        const case_file c = planted_case(w, 2, at_rest::encrypted);
        st.append(c, 0);
        CHECK(st.load(case_id{2}) == c);
        CHECK(st.verify());
    }
    CHECK(sqlite_schema(path) == 4);
}

TEST_CASE("disposal by crypto-shredding: a case due by its programme's rule loses its key, and its journal and the store still verify", "[store][encryption]") {
    store_place place;
    keyring ring{{"k1", 1}};
    fixtures::world w;
    w.keep = at_rest::encrypted;
    case_store s(place.location, encrypting(ring, "k1"));
    case_file closed = w.drive_to(state::closed);
    REQUIRE(w.rec(closed, person_linked{member_id{1}, "p-hine", std::nullopt, std::nullopt}));
    s.append(closed, 0);
    const case_file open = planted_case(w, 2, at_rest::encrypted);
    s.append(open, 0);
    const store_checkpoint kept = s.checkpoint();
    const std::string wrapped = place.value(store_place::postgres() ? "SELECT encode(wrapped, 'hex') FROM case_keys WHERE case_id = 1"
                                                                     : "SELECT hex(wrapped) FROM case_keys WHERE case_id = 1");
    REQUIRE(wrapped.size() == 2 * 72);
    const std::vector<retention_rule> rules = {{programme::strengthening_families, 7}};
    const date closed_on = nz_date(std::find_if(closed.journal().rbegin(), closed.journal().rend(), [](const event& e) {
                                       return e.type() == event_type::case_closed;
                                   })->when);

    // Not yet due; a case not closed; a programme without a rule; bad rules.
    CHECK(s.due_for_disposal(rules, closed_on + boost::gregorian::years(7) - boost::gregorian::days(1)).empty());
    try {
        s.dispose(case_id{1}, rules, make_date(2030, 1, 1), "records officer");
        FAIL("disposed of before its retention ended");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_argument);
        CHECK_THAT(e.what(), Catch::Contains("keeps it until " + to_iso(closed_on + boost::gregorian::years(7))));
    }
    CHECK(code_of([&] { s.dispose(case_id{2}, rules, make_date(2040, 1, 1), "records officer"); }) == errc::invalid_argument);
    CHECK(code_of([&] { s.dispose(case_id{1}, {{programme::childrens_team, 7}}, make_date(2040, 1, 1), "records officer"); }) == errc::invalid_argument);
    CHECK(code_of([&] { s.due_for_disposal({{programme::childrens_team, 0}}, make_date(2040, 1, 1)); }) == errc::invalid_argument);
    CHECK(code_of([&] { s.dispose(case_id{1}, rules, make_date(2040, 1, 1), " "); }) == errc::invalid_argument);
    CHECK(s.load(case_id{1}) == closed);  // nothing changed

    const auto due = s.due_for_disposal(rules, closed_on + boost::gregorian::years(7));
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == case_id{1});
    CHECK(due[0].closed == closed_on);
    CHECK(due[0].due == closed_on + boost::gregorian::years(7));
    CHECK(due[0].years == 7);
    CHECK(due[0].encrypted);

    const journal_head head = s.dispose(case_id{1}, rules, make_date(2040, 1, 1), "records officer");
    CHECK(head.seq == closed.journal().size() + 1);
    CHECK(s.version(case_id{1}) == head.seq);
    CHECK(code_of([&] { s.load(case_id{1}); }) == errc::disposed);
    CHECK(code_of([&] { s.dispose(case_id{1}, rules, make_date(2040, 1, 1), "records officer"); }) == errc::disposed);
    CHECK(s.person_cases("p-hine").empty());
    CHECK(s.due_for_disposal(rules, make_date(2040, 1, 1)).empty());
    const auto rest = s.load_all();
    REQUIRE(rest.size() == 1);
    CHECK(rest.front() == open);
    CHECK(s.rewrap() == 0);
    // The journal still verifies over its sealed entries, from the case's id to the disposal record, and every
    // anchor kept before still holds.
    const store_verification v = s.verify(&kept);
    INFO((v.damaged.empty() ? std::string() : v.damaged.front().second));
    CHECK(v);
    CHECK(v.cases == 2);
    CHECK(place.value("SELECT count(*) FROM case_keys WHERE key_id = '' AND case_id = 1") == "1");
    if (!store_place::postgres()) {
        // The wrapped key is in no byte of the file or its write-ahead log.
        std::vector<std::uint8_t> key_bytes;
        for (std::size_t i = 0; i < wrapped.size(); i += 2) key_bytes.push_back(static_cast<std::uint8_t>(std::stoi(wrapped.substr(i, 2), nullptr, 16)));
        const std::string needle(key_bytes.begin(), key_bytes.end());
        CHECK(file_bytes(place.location).find(needle) == std::string::npos);
        CHECK(file_bytes(place.location + "-wal").find(needle) == std::string::npos);
    }
    // A sealed entry of the disposed case changed is still found.
    place.change_entry_byte(1, 3, 40);
    CHECK_FALSE(s.verify());
}

TEST_CASE("an encrypted case's archive holds none of its planted strings and loads back equal with the host's key", "[encryption][archive]") {
    keyring ring{{"k1", 1}, {"k2", 2}};
    fixtures::world w;
    const case_file c = planted_case(w, 4, at_rest::encrypted);
    const bytes a = save_archive(c, ring.provider("k1"));
    const std::string raw(a.begin(), a.end());
    CHECK(found_in(raw).empty());
    CHECK(raw.find(std::string(32, '\x01')) == std::string::npos);  // the host key itself is never written
    // The same case kept plain, archived: the scan finds every string.
    const bytes p = save_archive(planted_case(w, 4, at_rest::plain));
    CHECK(found_in(std::string(p.begin(), p.end())).size() == planted.size());

    const archive_info info = inspect_archive(a.data(), a.size());
    CHECK(info.encrypted);
    CHECK(info.format_version == archive_encrypted_format_version);
    CHECK(info.host_key_id == "k1");
    CHECK_FALSE(info.sealed);

    const case_file back = load_case(a.data(), a.size(), ring.provider("k2"));
    CHECK(back == c);
    CHECK(back.encrypted());
    CHECK(back.head() == c.head());
    CHECK(back.verify().ok);
    // It stays encrypted: saved again (now under k2), its entries are the same sealed bytes.
    const bytes again = save_archive(back, ring.provider("k2"));
    CHECK(inspect_archive(again.data(), again.size()).host_key_id == "k2");
    CHECK(load_case(again.data(), again.size(), ring.provider("k2")) == c);
    CHECK(std::equal(a.end() - 200, a.end(), again.end() - 200));

    // A plain case's archive loads through the same call, and stays plain.
    const case_file plain = load_case(p.data(), p.size(), ring.provider("k1"));
    CHECK_FALSE(plain.encrypted());

    // Sealed as well: the seal is checked first, and its key is needed.
    const sealing_key seal{"archive-seal", std::vector<std::uint8_t>(32, 9)};
    const bytes sealed = save_archive(c, ring.provider("k1"), &seal);
    const archive_info si = inspect_archive(sealed.data(), sealed.size());
    CHECK((si.sealed && si.key_id == "archive-seal" && si.encrypted && si.host_key_id == "k1"));
    CHECK(load_case(sealed.data(), sealed.size(), ring.provider("k1"), {seal}) == c);
    CHECK(code_of([&] { load_case(sealed.data(), sealed.size(), ring.provider("k1")); }) == errc::key_error);
    CHECK(code_of([&] { load_case(a.data(), a.size(), ring.provider("k1"), {seal}); }) == errc::key_error);
}

TEST_CASE("an encrypted case's archive is refused without its host key, with a wrong one, or changed", "[encryption][archive]") {
    keyring ring{{"k1", 1}, {"other", 3}};
    fixtures::world w;
    const case_file c = planted_case(w, 5, at_rest::encrypted);
    const bytes a = save_archive(c, ring.provider("k1"));

    // Saving: only with a key provider, only an encrypted case, only under a key the provider has.
    CHECK(code_of([&] { save_archive(c); }) == errc::key_error);
    CHECK(code_of([&] { save_archive(planted_case(w, 6, at_rest::plain), ring.provider("k1")); }) == errc::invalid_argument);
    CHECK(code_of([&] { save_archive(c, ring.provider("missing")); }) == errc::key_error);
    CHECK(code_of([&] { save_archive(c, ring.provider("")); }) == errc::key_error);
    CHECK(code_of([&] { save_archive(c, key_provider{}); }) == errc::key_error);

    // Loading: no provider, a provider without the key, a wrong key, a key of the wrong size.
    CHECK(code_of([&] { load_case(a); }) == errc::key_error);
    keyring none{{"k2", 2}};
    CHECK(code_of([&] { load_case(a.data(), a.size(), none.provider("k2")); }) == errc::key_error);
    keyring wrong{{"k1", 4}};
    CHECK(code_of([&] { load_case(a.data(), a.size(), wrong.provider("k1")); }) == errc::key_error);
    keyring shortk{{"k1", 1}};
    shortk.keys["k1"].resize(16);
    CHECK(code_of([&] { load_case(a.data(), a.size(), shortk.provider("k1")); }) == errc::key_error);

    // Changed bytes, checksummed afresh so the frame passes: each is refused, never garbage.
    const bytes payload(a.begin() + archive_header_size, a.end());
    const auto reframed = [](const bytes& p) {
        return fuzzing::framed(p.data(), p.size(), static_cast<std::uint8_t>(archive_content::case_journal),
                               static_cast<std::uint8_t>(archive_encoding::binary), archive_encrypted_format_version, 2);
    };
    const auto load_changed = [&](const bytes& p) {
        const bytes b = reframed(p);
        return code_of([&] { load_case(b.data(), b.size(), ring.provider("k1")); });
    };
    REQUIRE(load_case(reframed(payload).data(), reframed(payload).size(), ring.provider("k1")) == c);
    const std::size_t id_at = 1 + 2 + detail::wrapped_key_size;  // after "k1" and the wrapped key
    bytes moved = payload;
    moved[id_at] ^= 1;  // another case's id: its key was wrapped for this one
    CHECK(load_changed(moved) == errc::key_error);
    bytes last = payload;
    last[last.size() - 40] ^= 1;  // a byte of the last entry's sealed part
    CHECK(load_changed(last) == errc::integrity);
    bytes hash = payload;
    hash.back() ^= 1;  // the last entry's hash
    CHECK(load_changed(hash) == errc::integrity);
    bytes count = payload;
    count[id_at + 8] = 0xff;  // more entries than it holds
    CHECK(load_changed(count) == errc::malformed);
    bytes fewer = payload;
    --fewer[id_at + 8];  // one entry left over
    CHECK(load_changed(fewer) == errc::malformed);
    CHECK(load_changed(bytes(payload.begin(), payload.end() - 1)) == errc::malformed);
    CHECK(load_changed(bytes(payload.begin(), payload.begin() + 10)) == errc::malformed);
    bytes id_len = payload;
    id_len[0] = 0;
    CHECK(load_changed(id_len) == errc::malformed);
    // The flag and the version agree, in binary, for a case only.
    const bytes text = fuzzing::framed(payload.data(), payload.size(), static_cast<std::uint8_t>(archive_content::case_journal),
                                       static_cast<std::uint8_t>(archive_encoding::text), archive_encrypted_format_version, 2);
    CHECK(code_of([&] { inspect_archive(text.data(), text.size()); }) == errc::malformed);
    const bytes unflagged = fuzzing::framed(payload.data(), payload.size(), static_cast<std::uint8_t>(archive_content::case_journal),
                                            static_cast<std::uint8_t>(archive_encoding::binary), archive_encrypted_format_version, 0);
    CHECK(code_of([&] { inspect_archive(unflagged.data(), unflagged.size()); }) == errc::malformed);
    const bytes v2 = fuzzing::framed(payload.data(), payload.size(), static_cast<std::uint8_t>(archive_content::case_journal),
                                     static_cast<std::uint8_t>(archive_encoding::binary), archive_format_version, 2);
    CHECK(code_of([&] { inspect_archive(v2.data(), v2.size()); }) == errc::malformed);
}

// Case c's journal sealed under its key, entry i with ciphers[i] (the last cipher for the rest), chained over
// the sealed bytes: the rows a store written with those ciphers holds.
std::vector<bytes> sealed_rows(const case_file& c, std::vector<detail::entry_cipher> ciphers) {
    const detail::case_secret* own = detail::case_access::secret(c);
    REQUIRE(own);
    std::vector<bytes> rows;
    digest prev = journal_genesis(c.id());
    for (std::size_t i = 0; i < c.journal().size(); ++i) {
        const detail::case_secret s(c.id(), own->key, ciphers[std::min(i, ciphers.size() - 1)]);
        event e = c.journal()[i];
        e.hash = detail::entry_hash(prev, e, &s);
        rows.push_back(detail::encode_entry(e, &s));
        prev = e.hash;
    }
    return rows;
}

// The case those rows hold, read as a store or an archive reads them: with the case's key, its cipher not given.
case_file read_rows(case_id id, const detail::key_bytes& key, const std::vector<bytes>& rows) {
    detail::chained_reader reader(id, "test", rows.size());
    reader.secret = std::make_shared<const detail::case_secret>(id, key);
    for (std::size_t i = 0; i < rows.size(); ++i) reader.add(i + 1, rows[i].data(), rows[i].size());
    return std::move(reader).replay();
}

constexpr detail::entry_cipher both_ciphers[] = {detail::entry_cipher::aes256gcm, detail::entry_cipher::xchacha20poly1305};

TEST_CASE("an entry sealed under its case's key with a nonce sfcore would not choose loads, and verify() finds it", "[encryption]") {
    fixtures::world w;
    const case_file c = planted_case(w, 7, at_rest::encrypted);
    const detail::case_secret* secret = detail::case_access::secret(c);
    REQUIRE(secret);
    for (const detail::entry_cipher k : both_ciphers) {
        INFO(detail::cipher_name(k));
        std::vector<bytes> rows = sealed_rows(c, {k});
        // The last entry sealed again by another program holding the key: the same header and plaintext, another nonce.
        bytes& last = rows.back();
        constexpr std::size_t header = 1 + 8 + 8 + 4;
        const std::size_t n_nonce = detail::entry_nonce_size(k);
        const std::size_t sealed_size = last.size() - header - n_nonce - 32;
        bytes plain(sealed_size - detail::tag_size);
        std::uint8_t ad[16 + 8 + 17];
        std::memcpy(ad, k == detail::entry_cipher::aes256gcm ? "sfcore entry   4" : "sfcore entry   3", 16);
        for (int i = 0; i < 8; ++i) ad[16 + i] = static_cast<std::uint8_t>(c.id().value() >> (8 * i));
        std::memcpy(ad + 24, last.data(), 17);
        std::uint8_t* nonce = last.data() + header;
        std::uint8_t* sealed = nonce + n_nonce;
        if (k == detail::entry_cipher::aes256gcm) {
            REQUIRE(detail::aes256gcm_open_openssl(plain.data(), secret->key, nonce, ad, sizeof ad, sealed, sealed_size));
            nonce[0] ^= 1;
            detail::aes256gcm_seal_openssl(sealed, secret->key, nonce, ad, sizeof ad, plain.data(), plain.size());
        } else {
            REQUIRE(crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), nullptr, nullptr, sealed, sealed_size, ad, sizeof ad, nonce,
                                                               secret->key.data()) == 0);
            nonce[0] ^= 1;
            crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, nullptr, plain.data(), plain.size(), ad, sizeof ad, nullptr, nonce,
                                                       secret->key.data());
        }
        digest before = journal_genesis(c.id());
        for (std::size_t i = 0; i + 1 < rows.size(); ++i) before = detail::chain_hash(before, rows[i].data(), rows[i].size());
        const digest h = detail::chain_hash(before, last.data(), last.size());
        std::memcpy(last.data() + last.size() - 32, h.data(), 32);

        const case_file back = read_rows(c.id(), secret->key, rows);
        CHECK(back.state() == c.state());
        const journal_verification v = back.verify();
        CHECK_FALSE(v.ok);
        CHECK(v.reason.find("entry " + std::to_string(rows.size())) != std::string::npos);
    }
}

TEST_CASE("a case's cipher is its first entry's: a case sealed with either opens, takes appends sealed the same way, and verifies", "[encryption]") {
    fixtures::world w;
    const case_file c = planted_case(w, 7, at_rest::encrypted);
    CHECK(detail::case_access::secret(c)->cipher == detail::entry_cipher::aes256gcm);  // a case opened now
    for (const detail::entry_cipher k : both_ciphers) {
        INFO(detail::cipher_name(k));
        const std::vector<bytes> rows = sealed_rows(c, {k});
        for (const bytes& row : rows) CHECK(row[0] == static_cast<std::uint8_t>(k));  // the layout byte names the cipher
        case_file back = read_rows(c.id(), detail::case_access::secret(c)->key, rows);
        REQUIRE(detail::case_access::secret(back)->cipher == k);
        CHECK(back.verify());
        CHECK(back.state() == c.state());
        REQUIRE(w.rec(back, member_added{member{member_id{}, "Another Canary", member_role::child, std::nullopt, true}}));
        CHECK(back.verify());
        const detail::case_secret* s = detail::case_access::secret(back);
        std::vector<bytes> more;
        for (const event& e : back.journal()) more.push_back(detail::encode_entry(e, s));
        CHECK(more.back()[0] == static_cast<std::uint8_t>(k));
        CHECK(std::equal(rows.begin(), rows.end(), more.begin()));  // the entries already written seal to the same bytes
        CHECK(read_rows(c.id(), s->key, more) == back);
    }
}

TEST_CASE("entries of one case sealed with two ciphers are refused as an integrity error", "[encryption]") {
    fixtures::world w;
    const case_file c = planted_case(w, 7, at_rest::encrypted);
    const auto& key = detail::case_access::secret(c)->key;
    using k = detail::entry_cipher;
    for (const auto& ciphers : {std::vector<k>{k::aes256gcm, k::xchacha20poly1305}, std::vector<k>{k::xchacha20poly1305, k::aes256gcm},
                                std::vector<k>{k::aes256gcm, k::aes256gcm, k::aes256gcm, k::xchacha20poly1305}}) {
        const std::vector<bytes> rows = sealed_rows(c, ciphers);
        try {
            read_rows(c.id(), key, rows);
            FAIL("mixed ciphers were read");
        } catch (const error& e) {
            CHECK(e.code() == errc::integrity);
            // The error names the entry, its cipher and the case's (its first entry's).
            CHECK_THAT(e.what(), Catch::Contains("entry " + std::to_string(ciphers.size()) + " is sealed with " +
                                                 detail::cipher_name(ciphers.back())) &&
                                     Catch::Contains(std::string("its case's entries with ") + detail::cipher_name(ciphers.front())));
        }
    }
}

TEST_CASE("AES-256-GCM: OpenSSL gives the published answers, and libsodium's bytes are OpenSSL's", "[encryption]") {
    // McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 13 and 14: a zero key and nonce.
    const detail::key_bytes zero_key{};
    const std::uint8_t zero_nonce[12] = {};
    const std::uint8_t zero_block[16] = {};
    const auto hex = [](const std::uint8_t* p, std::size_t n) {
        std::string h;
        for (std::size_t i = 0; i < n; ++i) h += "0123456789abcdef"[p[i] >> 4], h += "0123456789abcdef"[p[i] & 15];
        return h;
    };
    bytes out(16 + 16);
    detail::aes256gcm_seal_openssl(out.data(), zero_key, zero_nonce, nullptr, 0, nullptr, 0);
    CHECK(hex(out.data(), 16) == "530f8afbc74536b9a963b4f1c4cb738b");
    detail::aes256gcm_seal_openssl(out.data(), zero_key, zero_nonce, nullptr, 0, zero_block, 16);
    CHECK(hex(out.data(), 32) == "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
    std::uint8_t back[16];
    CHECK(detail::aes256gcm_open_openssl(back, zero_key, zero_nonce, nullptr, 0, out.data(), 32));
    CHECK(std::memcmp(back, zero_block, 16) == 0);
    out[3] ^= 1;
    CHECK_FALSE(detail::aes256gcm_open_openssl(back, zero_key, zero_nonce, nullptr, 0, out.data(), 32));
    CHECK(std::all_of(back, back + 16, [](std::uint8_t b) { return b == 0; }));  // nothing unauthenticated is left
    CHECK_FALSE(detail::aes256gcm_open_openssl(back, zero_key, zero_nonce, nullptr, 0, out.data(), 15));

    // A case's seal() and open_sealed() give the same bytes with libsodium's AES-256-GCM (where the CPU has it)
    // and with OpenSSL's, and each opens the other's, for sizes around the block size.
    detail::key_bytes key;
    randombytes_buf(key.data(), key.size());
    auto fast = std::make_shared<detail::case_secret>(case_id{9}, key);
    auto portable = std::make_shared<detail::case_secret>(case_id{9}, key);
    portable->aes_ready = false;  // as on a CPU without AES-NI
    CHECK(fast->aes_ready == (crypto_aead_aes256gcm_is_available() == 1));
    for (const std::size_t n : {0, 1, 15, 16, 17, 63, 64, 65, 200, 1000}) {
        INFO(n);
        bytes plain(n), ad(41);
        if (n > 0) randombytes_buf(plain.data(), plain.size());  // (no null pointer to libsodium for an empty plaintext)
        randombytes_buf(ad.data(), ad.size());
        bytes a, b;
        detail::seal(a, *fast, ad.data(), ad.size(), plain.data(), plain.size());
        detail::seal(b, *portable, ad.data(), ad.size(), plain.data(), plain.size());
        REQUIRE(a.size() == 12 + n + 16);
        CHECK(a == b);
        bytes opened(n + 1);
        CHECK(detail::open_sealed(opened.data(), *portable, ad.data(), ad.size(), a.data(), a.data() + 12, a.size() - 12));
        CHECK(std::equal(plain.begin(), plain.end(), opened.begin()));
        CHECK(detail::open_sealed(opened.data(), *fast, ad.data(), ad.size(), b.data(), b.data() + 12, b.size() - 12));
        CHECK(std::equal(plain.begin(), plain.end(), opened.begin()));
        // A changed byte, another associated data or another nonce does not open, with either.
        for (auto* s : {fast.get(), portable.get()}) {
            bytes x = a;
            x.back() ^= 0x80;
            CHECK_FALSE(detail::open_sealed(opened.data(), *s, ad.data(), ad.size(), x.data(), x.data() + 12, x.size() - 12));
            x = a;
            x[0] ^= 1;
            CHECK_FALSE(detail::open_sealed(opened.data(), *s, ad.data(), ad.size(), x.data(), x.data() + 12, x.size() - 12));
            bytes other_ad = ad;
            other_ad[40] ^= 1;
            CHECK_FALSE(detail::open_sealed(opened.data(), *s, other_ad.data(), other_ad.size(), a.data(), a.data() + 12, a.size() - 12));
        }
    }
}
