// The case store: round trips, queries, optimistic concurrency, a process
// killed mid-append, and disk errors injected through an SQLite VFS shim.
//
// The tests tagged [store] and not [sqlite] run against both backends: as
// "cpp: …" on SQLite files, and as "postgresql: …" on a throwaway PostgreSQL
// server that ctest starts (SFCORE_TEST_POSTGRES holds its connection
// string; each store is a fresh schema of its database). Tests tagged
// [sqlite] are about SQLite's file itself; those tagged [postgresql], about
// the server (postgres.tests.cpp).
#include <catch2/catch.hpp>

#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <atomic>
#include <random>
#include <set>
#include <string>
#include <thread>

#include <poll.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <iterator>

#include "../../src/case_access.hpp"
#include "fixtures.hpp"
#include "store_place.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

// Give a journal taken from another case this case's id: renumber, stamp and chain it afresh.
void detail_rechain(case_id id, std::vector<event>& journal) { detail::case_access::chain(id, journal); }

// ---- a VFS that fails the Nth write or sync on request ----------------------
struct fault {
    static inline int writes_left = -1;  // < 0: never fail
    static inline int syncs_left = -1;
    static inline int code = SQLITE_IOERR_WRITE;
    static void reset() { writes_left = syncs_left = -1; }
};

struct shim_file {
    sqlite3_file base;
    sqlite3_file* real;
};
sqlite3_vfs* real_vfs = nullptr;
sqlite3_io_methods shim_io;

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<shim_file*>(f)->real; }

int shim_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
    if (fault::writes_left == 0) return fault::code;
    if (fault::writes_left > 0) --fault::writes_left;
    return real_of(f)->pMethods->xWrite(real_of(f), p, n, off);
}
int shim_sync(sqlite3_file* f, int flags) {
    if (fault::syncs_left == 0) return SQLITE_IOERR_FSYNC;
    if (fault::syncs_left > 0) --fault::syncs_left;
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}

int shim_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
    auto* s = reinterpret_cast<shim_file*>(f);
    s->real = reinterpret_cast<sqlite3_file*>(s + 1);
    s->base.pMethods = nullptr;
    const int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
    if (s->real->pMethods) {
        const sqlite3_io_methods* m = s->real->pMethods;
        shim_io = *m;  // every method as the real file's, but:
        shim_io.xWrite = shim_write;
        shim_io.xSync = shim_sync;
        // The forwarding methods take the shim's file: wrap those that must see the real one.
        shim_io.xClose = [](sqlite3_file* x) { return real_of(x)->pMethods->xClose(real_of(x)); };
        shim_io.xRead = [](sqlite3_file* x, void* p, int n, sqlite3_int64 o) { return real_of(x)->pMethods->xRead(real_of(x), p, n, o); };
        shim_io.xTruncate = [](sqlite3_file* x, sqlite3_int64 n) { return real_of(x)->pMethods->xTruncate(real_of(x), n); };
        shim_io.xFileSize = [](sqlite3_file* x, sqlite3_int64* n) { return real_of(x)->pMethods->xFileSize(real_of(x), n); };
        shim_io.xLock = [](sqlite3_file* x, int l) { return real_of(x)->pMethods->xLock(real_of(x), l); };
        shim_io.xUnlock = [](sqlite3_file* x, int l) { return real_of(x)->pMethods->xUnlock(real_of(x), l); };
        shim_io.xCheckReservedLock = [](sqlite3_file* x, int* r) { return real_of(x)->pMethods->xCheckReservedLock(real_of(x), r); };
        shim_io.xFileControl = [](sqlite3_file* x, int op, void* a) { return real_of(x)->pMethods->xFileControl(real_of(x), op, a); };
        shim_io.xSectorSize = [](sqlite3_file* x) { return real_of(x)->pMethods->xSectorSize(real_of(x)); };
        shim_io.xDeviceCharacteristics = [](sqlite3_file* x) { return real_of(x)->pMethods->xDeviceCharacteristics(real_of(x)); };
        shim_io.xShmMap = [](sqlite3_file* x, int r, int sz, int e, void volatile** p) { return real_of(x)->pMethods->xShmMap(real_of(x), r, sz, e, p); };
        shim_io.xShmLock = [](sqlite3_file* x, int o, int n, int fl) { return real_of(x)->pMethods->xShmLock(real_of(x), o, n, fl); };
        shim_io.xShmBarrier = [](sqlite3_file* x) { real_of(x)->pMethods->xShmBarrier(real_of(x)); };
        shim_io.xShmUnmap = [](sqlite3_file* x, int d) { return real_of(x)->pMethods->xShmUnmap(real_of(x), d); };
        shim_io.iVersion = 2;  // no memory-mapped reads: every write goes through xWrite
        s->base.pMethods = &shim_io;
    }
    return rc;
}

void register_fault_vfs() {
    static sqlite3_vfs shim;
    if (real_vfs) return;
    real_vfs = sqlite3_vfs_find(nullptr);
    shim = *real_vfs;
    shim.zName = "sfcore-fault";
    shim.szOsFile = static_cast<int>(sizeof(shim_file)) + real_vfs->szOsFile;
    shim.xOpen = shim_open;
    sqlite3_vfs_register(&shim, 0);
}

// The entry a writer appends at step i of a case in a working state: a
// lifecycle event, a consent to share, or a decision.
void step(fixtures::world& w, case_file& c, int i) {
    switch (i % 3) {
    case 0: REQUIRE(w.rec(c, priorities_set{{"step " + std::to_string(i)}, {}, {}})); break;
    case 1: REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD)))); break;
    default: c.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::MSD)), "worker");
    }
}

event_payload step_event(int i) { return priorities_set{{"step " + std::to_string(i)}, {}, {}}; }

bytes read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}
void write_file(const std::string& path, const bytes& b) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void sql(const std::string& path, const char* statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    INFO(statement);
    REQUIRE(sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

// Cases with every kind of entry, renumbered 1..n.
std::vector<case_file> some_cases(fixtures::world& w, std::size_t n) {
    std::vector<case_file> out;
    const case_file full = fixtures::full_case(w);
    for (std::size_t i = 0; i < n; ++i) {
        const case_file c = i % 2 ? w.drive_to(state::plan_active) : full;
        std::vector<event> j(c.journal().begin(), c.journal().end());
        detail_rechain(case_id{i + 1}, j);
        out.push_back(case_file::replay(case_id{i + 1}, j));
    }
    return out;
}

} // namespace

TEST_CASE("the store keeps cases, lists and queries them, and survives reopening", "[store]") {
    store_place place;
    fixtures::world w;
    std::vector<case_file> cases;
    for (const auto& row : state_table) {
        std::vector<event> j = fixtures::entries(w.drive_to(row.value));
        detail_rechain(case_id{cases.size() + 1}, j);
        cases.push_back(case_file::replay(case_id{cases.size() + 1}, j));
    }
    const std::string path = place.location;
    {
        case_store st(path);
        st.put_directory(w.dir);
        for (const auto& c : cases) CHECK(st.append(c, 0) == c.head());
        CHECK(st.size() == cases.size());
    }
    case_store st(path);
    CHECK(st.directory().practitioners().size() == w.dir.practitioners().size());
    for (const auto& c : cases) {
        CHECK(st.load(c.id()) == c);
        CHECK(st.version(c.id()) == c.journal().size());
    }
    CHECK(st.version(case_id{99}) == 0);
    CHECK(code_of([&] { st.load(case_id{99}); }) == errc::not_found);
    CHECK(code_of([&] { st.load(case_id{0}); }) == errc::invalid_argument);

    case_query q;
    q.state = state::plan_active;
    auto found = st.list(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].state == state::plan_active);
    CHECK(found[0].coordinator == w.coordinator);
    CHECK(found[0].head == cases[static_cast<std::size_t>(state::plan_active)].head());
    q = {};
    q.coordinator = w.coordinator;
    CHECK(st.list(q).size() == cases.size() - 2);  // all but referred and declined
    q = {};
    q.programme = programme::childrens_team;
    CHECK(st.list(q).empty());
    // Overdue on a date: exactly the cases overdue() finds something in.
    const holiday_calendar cal;
    for (date d = make_date(2026, 3, 1); d < make_date(2026, 7, 1); d += boost::gregorian::days(9)) {
        q = {};
        q.overdue_on = d;
        std::set<std::uint64_t> listed, expected;
        for (const auto& s : st.list(q)) listed.insert(s.id.value());
        for (const auto& c : cases)
            if (!overdue(c, d, cal).empty()) expected.insert(c.id().value());
        CHECK(listed == expected);
    }
    CHECK(st.verify().cases == cases.size());
    CHECK(st.verify());
}

TEST_CASE("load_all reads every matching case in one pass, equal to loading each", "[store]") {
    fixtures::world w;
    store_place place, empty;
    case_store st(place.location);
    const std::vector<case_file> cases = some_cases(w, 9);
    for (const auto& c : cases) st.append(c, 0);
    const auto all = st.load_all();
    REQUIRE(all.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) CHECK(all[i] == cases[i]);

    case_query q;
    q.state = state::closed;
    const auto closed = st.load_all(q);
    REQUIRE(closed.size() == st.list(q).size());
    for (const auto& c : closed) CHECK(c.state() == state::closed);

    std::vector<std::uint64_t> seen;
    CHECK(st.for_each({}, [&](const case_file& c) {
        seen.push_back(c.id().value());
        return seen.size() < 3;  // stop after the third
    }) == 3);
    CHECK(seen == std::vector<std::uint64_t>{1, 2, 3});
    CHECK(case_store(empty.location).load_all().empty());
}

TEST_CASE("an identified extract of a store is recorded in each case, stored, before the case is handed out", "[store][journal]") {
    fixtures::world w;
    store_place place;
    case_store st(place.location);
    const std::vector<case_file> cases = some_cases(w, 4);
    for (const auto& c : cases) st.append(c, 0);
    // A blank purpose: refused before anything is appended.
    CHECK(code_of([&] { st.record_identified_extract("analyst-7", "members", " ", [](const case_file&) {}); }) == errc::invalid_argument);
    for (const auto& c : cases) CHECK(st.load(c.id()).journal().size() == c.journal().size());

    std::vector<std::uint64_t> seen;
    CHECK(st.record_identified_extract("analyst-7", "members", "an audit of case loads", [&](const case_file& c) {
        seen.push_back(c.id().value());
        // Handed out as stored: its last entry is the extract, and the store holds it already.
        const event& last = c.journal().back();
        const auto* x = std::get_if<identified_extract>(&last.payload);
        REQUIRE(x);
        CHECK((last.who == "analyst-7" && x->table == "members" && x->purpose == "an audit of case loads"));
        CHECK(st.load(c.id()) == c);
    }) == cases.size());
    CHECK(seen == std::vector<std::uint64_t>{1, 2, 3, 4});
    CHECK(st.verify().damaged.empty());
}

TEST_CASE("a damaged row stops a whole-store read after the cases before it, with an error naming the case", "[store]") {
    store_place place;
    const std::string path = place.location;
    fixtures::world w;
    const case_file active = w.drive_to(state::plan_active);
    std::vector<event> proto(active.journal().begin(), active.journal().end());
    {
        case_store st(path);
        for (std::uint64_t id = 1; id <= 300; ++id) {
            detail_rechain(case_id{id}, proto);
            st.append(case_file::replay(case_id{id}, proto), 0);
        }
    }
    errc expected = errc::integrity;
    SECTION("an entry that does not decode") {
        place.sql("UPDATE entries SET data = " + place.blob("02ff") + " WHERE case_id = 250 AND seq = 3");
        expected = errc::malformed;
    }
    SECTION("an entry changed by one byte") {
        place.sql("UPDATE entries SET data = substr(data, 1, 20) || " + place.blob("7a") +
                  " || substr(data, 22) WHERE case_id = 250 AND seq = 3");
    }
    SECTION("an entry taken away") { place.sql("DELETE FROM entries WHERE case_id = 250 AND seq = 3"); }
    SECTION("the last entries taken away") { place.sql("DELETE FROM entries WHERE case_id = 250 AND seq > 10"); }
    SECTION("a summary that counts more entries than are stored") { place.sql("UPDATE cases SET version = 99 WHERE id = 250"); }
    SECTION("a summary whose count no case could have") {
        place.sql("UPDATE cases SET version = 9223372036854775000 WHERE id = 250");  // must not be allocated for
    }
    SECTION("another case's entries") {
        place.sql("DELETE FROM entries WHERE case_id = 250; INSERT INTO entries SELECT 250, seq, data FROM entries WHERE case_id = 249");
    }
    case_store st(path);
    std::vector<std::uint64_t> seen;
    try {
        st.for_each({}, [&](const case_file& c) {
            seen.push_back(c.id().value());
            return true;
        });
        FAIL("the damage was not found");
    } catch (const error& e) {
        CHECK(e.code() == expected);
        CHECK(std::string(e.what()).find("case 250") != std::string::npos);
    }
    REQUIRE(seen.size() == 249);  // every case before the damaged one, in order
    CHECK(seen.back() == 249);
    CHECK(code_of([&] { st.load_all(); }) == expected);
    CHECK(code_of([&] { st.load(case_id{250}); }) == expected);  // one case, the same check
    const store_verification v = st.verify();
    CHECK(v.cases == 300);
    REQUIRE(v.damaged.size() == 1);
    CHECK(v.damaged[0].first == case_id{250});
    // A visitor that throws stops the walk; the store is still usable.
    CHECK_THROWS_AS(st.for_each({}, [](const case_file& c) -> bool {
        if (c.id().value() == 10) throw std::runtime_error("stop");
        return true;
    }), std::runtime_error);
    CHECK(st.load(case_id{1}).journal().size() == proto.size());
}

TEST_CASE("an append names the version it expects: a writer that is behind gets a conflict and nothing is lost", "[store]") {
    store_place place;
    fixtures::world w;
    const std::string path = place.location;
    case_store a(path), b(path);
    case_file c = w.drive_to(state::preparing);
    REQUIRE(a.append(c, 0).seq == c.journal().size());
    CHECK(code_of([&] { b.append(c, 0); }) == errc::conflict);  // already there
    const auto message_of = [](const auto& f) {
        try {
            f();
        } catch (const error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string held = std::to_string(c.journal().size());
    CHECK_THAT(message_of([&] { b.append(c, 0); }),
               Catch::Contains("is already in the store, with " + held + " entries") && Catch::Contains("append(c, " + held + ")"));
    case_file mine = b.load(c.id()), theirs = a.load(c.id());
    const std::uint64_t v = mine.journal().size();
    REQUIRE(w.rec(theirs, step_event(1)));
    REQUIRE(w.rec(mine, step_event(2)));
    CHECK(a.append(theirs, v).seq == v + 1);
    CHECK(code_of([&] { b.append(mine, v); }) == errc::conflict);
    CHECK_THAT(message_of([&] { b.append(mine, v); }), Catch::Contains("another writer appended first"));
    // A writer that claims the right version but holds another history.
    REQUIRE(w.rec(mine, step_event(3)));
    CHECK(code_of([&] { b.append(mine, v + 1); }) == errc::conflict);
    CHECK(b.load(c.id()) == theirs);
    // Reload, redo, append: it lands.
    mine = b.load(c.id());
    REQUIRE(w.rec(mine, step_event(2)));
    CHECK(b.append(mine, v + 1).seq == v + 2);
    CHECK(a.load(c.id()) == mine);
    CHECK(code_of([&] { a.append(mine, v + 5); }) == errc::invalid_argument);
}

TEST_CASE("consents and decisions are entries too: two writers' decisions never overwrite each other", "[store][journal]") {
    store_place place;
    fixtures::world w;
    const std::string path = place.location;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    case_store a(path), b(path);
    const std::uint64_t n = a.append(c, 0).seq;
    // Two workers load the case at the same version and each decide once.
    case_file one = a.load(c.id()), two = b.load(c.id());
    const decision d1 = one.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::MSD)), "worker-1");
    const decision d2 = two.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::POLICE)), "worker-2");
    CHECK(a.append(one, n).seq == n + 1);
    CHECK(code_of([&] { b.append(two, n); }) == errc::conflict);  // not silently lost
    // The second worker reloads and decides again: both decisions are in the journal.
    two = b.load(c.id());
    two.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::POLICE)), "worker-2");
    CHECK(b.append(two, n + 1).seq == n + 2);
    const case_file back = a.load(c.id());
    const auto log = back.access_log();
    REQUIRE(log.size() == 2);
    CHECK(log[0]->who == "worker-1");
    CHECK(log[1]->who == "worker-2");
    CHECK(std::get<disclosure_decided>(log[0]->payload).permit == d1.permit);
    CHECK(std::get<disclosure_decided>(log[1]->payload).rule == d2.rule);
}

TEST_CASE("list() never contradicts load(): each summary is bound to its journal", "[store][journal]") {
    store_place place;
    fixtures::world w;
    const std::string path = place.location;
    const case_file c = w.drive_to(state::plan_active);
    {
        case_store st(path);
        st.append(c, 0);
    }
    SECTION("a summary changed alone fails its checksum, in list() and load()") {
        place.sql("UPDATE cases SET state = " + std::to_string(static_cast<int>(state::closed)));
        case_store st(path);
        CHECK(code_of([&] { st.list(); }) == errc::integrity);
        CHECK(code_of([&] { st.load(c.id()); }) == errc::integrity);
    }
    // Whoever can write the file can recompute a checksum: a summary changed that way lists what it says,
    // and the journal refuses to agree with it.
    const auto forge = [&](std::int64_t state_v, std::int64_t programme_v, std::int64_t coordinator_v) {
        const auto number = [&](const char* column) { return std::stoll(place.value(std::string("SELECT ") + column + " FROM cases")); };
        const std::string head_hex = place.hex_of("SELECT head FROM cases");
        REQUIRE(head_hex.size() == 64);
        const bool deadline = !place.value("SELECT next_deadline FROM cases").empty();
        bytes m(16);
        std::memcpy(m.data(), "sfcore case row2", 16);
        const auto put = [&m](std::uint64_t v) {
            for (int i = 0; i < 8; ++i) m.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        };
        put(static_cast<std::uint64_t>(number("id")));
        put(static_cast<std::uint64_t>(number("version")));
        for (std::size_t i = 0; i < 64; i += 2) m.push_back(static_cast<std::uint8_t>(std::stoi(head_hex.substr(i, 2), nullptr, 16)));
        put(static_cast<std::uint64_t>(state_v));
        put(static_cast<std::uint64_t>(programme_v));
        put(1);
        put(static_cast<std::uint64_t>(coordinator_v));
        put(deadline);
        put(deadline ? static_cast<std::uint64_t>(number("next_deadline")) : 0);
        const digest d = sha256().update(m.data(), m.size()).finish();
        place.sql("UPDATE cases SET state = " + std::to_string(state_v) + ", programme = " + std::to_string(programme_v) +
                  ", coordinator = " + std::to_string(coordinator_v) + ", seal = " + place.blob(d.data(), d.size()));
    };
    const auto state_v = static_cast<std::int64_t>(c.state()), programme_v = static_cast<std::int64_t>(c.programme());
    const auto coordinator_v = static_cast<std::int64_t>(c.roles().coordinator->value());
    SECTION("a summary changed with its checksum recomputed is found by load() and verify()") {
        forge(static_cast<std::int64_t>(state::closed), programme_v, coordinator_v);
        case_store st(path);
        CHECK(st.list().front().state == state::closed);  // the forged summary checks out on its own…
        CHECK(code_of([&] { st.load(c.id()); }) == errc::integrity);  // …but not against the journal
        CHECK_FALSE(st.verify());
        // With a key, the same forgery does not even list.
        store_options keyed;
        keyed.keys = {{"k", std::vector<std::uint8_t>(32, 3)}};
        CHECK(code_of([&] { case_store(path, keyed).list(); }) == errc::key_error);
    }
    SECTION("the same for a summary's programme") {
        forge(state_v, static_cast<std::int64_t>(programme::childrens_team), coordinator_v);
        case_store st(path);
        CHECK(st.list().front().programme == programme::childrens_team);
        CHECK(code_of([&] { st.load(c.id()); }) == errc::integrity);
    }
    SECTION("the same for a summary's coordinator") {
        forge(state_v, programme_v, coordinator_v + 1);
        case_store st(path);
        CHECK(st.list().front().coordinator == practitioner_id{static_cast<std::uint32_t>(coordinator_v + 1)});
        CHECK(code_of([&] { st.load(c.id()); }) == errc::integrity);
        CHECK_FALSE(st.verify());
    }
}

TEST_CASE("a file that is not an sfcore store is refused and left as it was", "[store][sqlite]") {
    temp_dir dir;
    const std::string other = dir.file("other.db");
    sql(other, "CREATE TABLE patients(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO patients VALUES (1, 'Aroha');");
    const bytes before = read_file(other);
    CHECK(code_of([&] { case_store st(other); }) == errc::malformed);
    CHECK(read_file(other) == before);  // no tables added, not switched to WAL
    CHECK_FALSE(std::filesystem::exists(other + "-wal"));
    sql(other, "PRAGMA application_id = 1234");
    CHECK(code_of([&] { case_store st(other); }) == errc::malformed);
    {
        case_store st(dir.file("new.db"));
    }
    sql(dir.file("new.db"), "UPDATE sfcore_meta SET value = 5 WHERE key = 'schema'");
    CHECK(code_of([&] { case_store st(dir.file("new.db")); }) == errc::unsupported_version);
    std::ofstream(dir.file("junk.db")) << std::string(8192, 'x');
    CHECK(code_of([&] { case_store st(dir.file("junk.db")); }) == errc::malformed);
    CHECK(code_of([&] { case_store st(dir.file("no/such/dir/x.db")); }) == errc::io_error);
    case_store empty(":memory:");
    CHECK(code_of([&] { empty.directory(); }) == errc::not_found);
}

// Twenty rounds: one opener's switch to WAL meeting another's write lock
// (SQLite's immediate "busy", retried) happens in a few rounds in a hundred.
TEST_CASE("eight threads opening one new file at once all get the same store", "[store][sqlite]") {
    temp_dir dir;
    fixtures::world w;
    const case_file proto = w.drive_to(state::preparing);
    for (int round = 0; round < 20; ++round) {
        const std::string path = dir.file("new" + std::to_string(round) + ".db");
        std::vector<std::thread> openers;
        std::atomic<int> opened{0};
        std::vector<std::string> errors(8);
        for (std::uint64_t i = 0; i < 8; ++i)
            openers.emplace_back([&, i] {
                try {
                    case_store st(path);
                    std::vector<event> j(proto.journal().begin(), proto.journal().end());
                    detail_rechain(case_id{i + 1}, j);
                    st.append(case_file::replay(case_id{i + 1}, j), 0);
                    ++opened;
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
            });
        for (auto& t : openers) t.join();
        INFO("round " << round);
        for (const auto& e : errors) REQUIRE(e == "");
        REQUIRE(opened == 8);
        REQUIRE(case_store(path).size() == 8);
    }
}

TEST_CASE("a store written by sfcore 0.1 is converted once, every case to one journal", "[store][sqlite][v1]") {
    temp_dir dir;
    const std::string path = dir.file("v1.db");
    std::filesystem::copy_file(std::string(SFCORE_TEST_DATA_DIR) + "/v1/store.sqlite", path);
    {
        case_store st(path);
        CHECK(st.size() == 3);
        const case_file c = st.load(case_id{7});
        CHECK(c.verify());
        CHECK(c.disclosure().consents().size() == 2);
        CHECK(c.entries(event_type::legacy_audit_imported).size() == 1);
        CHECK(st.load(case_id{8}).state() == state::closed);
        CHECK(st.load(case_id{8}).programme() == programme::childrens_team);
        CHECK(st.load(case_id{9}).state() == state::referred);
        CHECK(st.verify());
    }
    const bytes converted = read_file(path);
    {
        case_store again(path);  // already converted: opened as it is
        CHECK(again.size() == 3);
        CHECK(again.load(case_id{7}).journal().size() == case_store(path).load(case_id{7}).journal().size());
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT value FROM sfcore_meta WHERE key = 'converted_from'", -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "0.1");
    sqlite3_finalize(q);
    sqlite3_close(db);
    // A 0.1 store whose records do not fit its cases is refused, and left as it was.
    const std::string bad = dir.file("bad.db");
    std::filesystem::copy_file(std::string(SFCORE_TEST_DATA_DIR) + "/v1/store.sqlite", bad);
    sql(bad, "DELETE FROM events WHERE case_id = 7 AND seq = 2");  // a gap in case 7
    const bytes before = read_file(bad);
    try {
        case_store st(bad);
        FAIL("converted a store with a gap");
    } catch (const error& e) {
        CHECK(e.code() == errc::malformed);
        CHECK(std::string(e.what()).find("case 7") != std::string::npos);
    }
    (void)converted;
    case_store(dir.file("fresh.db"));  // (a store opens after a refused one)
    CHECK(read_file(bad).size() == before.size());
}

TEST_CASE("a kept checkpoint finds a rolled-back store", "[store][journal]") {
    store_place place;
    fixtures::world w;
    const std::string path = place.location;
    std::vector<case_file> cases = some_cases(w, 4);
    {
        case_store st(path);
        for (const auto& c : cases) st.append(c, 0);
    }
    // An earlier copy of the store's tables, put back after a later append.
    place.sql("CREATE TABLE cases_before AS SELECT * FROM cases");
    const std::uint64_t before = cases[1].journal().size();
    store_checkpoint kept;
    {
        case_store st(path);
        step(w, cases[1], 0);
        st.append(cases[1], st.version(cases[1].id()));
        kept = st.checkpoint();
        CHECK(st.verify(&kept));
    }
    place.sql("DELETE FROM entries WHERE case_id = " + std::to_string(cases[1].id().value()) + " AND seq > " +
              std::to_string(before) + "; DELETE FROM cases; INSERT INTO cases SELECT * FROM cases_before");
    case_store st(path);
    CHECK(st.verify());  // on its own, the earlier copy is a valid store…
    const store_verification v = st.verify(&kept);  // …but it does not hold the kept heads
    REQUIRE(v.damaged.size() == 1);
    CHECK(v.damaged[0].first == cases[1].id());
    CHECK(v.damaged[0].second.find("rolled back") != std::string::npos);
}

TEST_CASE("a kept checkpoint finds a dropped write-ahead-log frame", "[store][sqlite][journal]") {
    temp_dir dir;
    fixtures::world w;
    const std::string path = dir.file("cases.db");
    std::vector<case_file> cases = some_cases(w, 4);
    SECTION("a bit flipped in the write-ahead log") {
        store_checkpoint kept;
        case_store st(path);  // kept open: the appends stay in the WAL
        for (const auto& c : cases) st.append(c, 0);
        kept = st.checkpoint();
        // The files as a crash would leave them, with one bit of the WAL's last frames flipped.
        const std::string copy = dir.file("copy.db");
        write_file(copy, read_file(path));
        bytes wal = read_file(path + "-wal");
        REQUIRE(wal.size() > 4096);
        wal[wal.size() - 100] ^= 0x08;
        write_file(copy + "-wal", wal);
        case_store damaged(copy);  // SQLite drops the frames from the bad one on…
        const store_verification v = damaged.verify(&kept);
        CHECK_FALSE(v);  // …and the kept heads find what was lost
        CHECK(v.damaged.size() >= 1);
    }
}

TEST_CASE("a keyed store: only the key holder can rewrite a journal that loads", "[store][seal]") {
    store_place place, plain_place;
    fixtures::world w;
    const std::string path = place.location;
    const sealing_key k1{"region-2026", std::vector<std::uint8_t>(32, 1)}, k2{"region-2027", std::vector<std::uint8_t>(32, 2)};
    store_options o;
    o.keys = {k1};
    const case_file c = fixtures::full_case(w);
    {
        case_store st(path, o);
        st.append(c, 0);
        CHECK(st.load(c.id()) == c);
    }
    CHECK(code_of([&] { case_store(path).load(c.id()); }) == errc::key_error);  // sealed: the key is needed
    SECTION("a journal rewritten and rehashed, with its summary, does not load under the key") {
        // An attacker who can write the file stores another history under the
        // same id with a valid chain, as an unkeyed store would write it.
        fixtures::world w2;
        const case_file other = w2.drive_to(state::closed);
        const std::string plain = plain_place.location;
        {
            case_store st(plain);
            std::vector<event> j(other.journal().begin(), other.journal().end());
            detail_rechain(c.id(), j);
            st.append(case_file::replay(c.id(), j), 0);
        }
        place.take_tables_of(plain_place);
        CHECK(code_of([&] { case_store(path, o).load(c.id()); }) == errc::key_error);
        CHECK(code_of([&] { case_store(path, o).list(); }) == errc::key_error);
        CHECK(case_store(path).load(c.id()).state() == state::closed);  // without the key, it is just a store
    }
    SECTION("keys rotate: every summary sealed again under the new key") {
        store_options both = o;
        both.keys = {k1, k2};
        both.seal_with = k2.id;
        CHECK(case_store(path, both).reseal() == 1);
        store_options only_new;
        only_new.keys = {k2};
        CHECK(case_store(path, only_new).load(c.id()) == c);
        CHECK(code_of([&] { case_store(path, o).load(c.id()); }) == errc::key_error);  // the old key alone no longer opens it
    }
    SECTION("bad keys are refused at open") {
        store_options bad;
        bad.keys = {{"k", std::vector<std::uint8_t>(4, 0)}};
        CHECK(code_of([&] { case_store(path, bad); }) == errc::key_error);
        bad.keys = {k1};
        bad.seal_with = "nope";
        CHECK(code_of([&] { case_store(path, bad); }) == errc::key_error);
    }
}

TEST_CASE("random byte changes to a store's file and write-ahead log: a clear error, or the same cases", "[store][sqlite][mutation]") {
    // SFCORE_STORE_MUTATIONS changes in all, half to the file and half to the log.
    const long n = fixtures::env_or("SFCORE_STORE_MUTATIONS", 10000 / SFCORE_RANDOMIZED_SCALE);
    temp_dir dir;
    fixtures::world w;
    const std::vector<case_file> cases = some_cases(w, 4);
    const std::string path = dir.file("cases.db");
    store_checkpoint kept;
    bytes db, wal;
    {
        case_store st(path);
        for (std::size_t i = 0; i < 2; ++i) st.append(cases[i], 0);
        sql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
        for (std::size_t i = 2; i < cases.size(); ++i) st.append(cases[i], 0);  // these stay in the log
        kept = st.checkpoint();
        db = read_file(path);
        wal = read_file(path + "-wal");
    }
    REQUIRE(wal.size() > 0);
    std::mt19937_64 rng(20261201);
    long errors = 0, unchanged = 0, log_errors = 0;
    const std::string copy = dir.file("m.db");
    for (long k = 0; k < n; ++k) {
        bytes d = db, l = wal;
        bytes& target = k % 2 ? l : d;
        const std::size_t at = rng() % target.size();
        target[at] ^= static_cast<std::uint8_t>(1 + rng() % 255);
        write_file(copy, d);
        write_file(copy + "-wal", l);
        std::remove((copy + "-shm").c_str());
        bool refused = false;
        try {
            case_store st(copy);
            const store_verification v = st.verify(&kept);
            if (!v) {
                refused = true;
            } else {
                for (const auto& c : cases)
                    if (!(st.load(c.id()) == c)) FAIL((k % 2 ? "log" : "file") << " byte " << at << ": case " << c.id().value() << " loads altered");
                st.list();
            }
        } catch (const error& e) {
            const errc code = e.code();
            if (code != errc::malformed && code != errc::integrity && code != errc::io_error && code != errc::not_found &&
                code != errc::unsupported_version)
                FAIL((k % 2 ? "log" : "file") << " byte " << at << ": " << e.what());
            refused = true;
        }
        (refused ? errors : unchanged) += 1;
        log_errors += refused && k % 2;
    }
    WARN(n << " changes: " << errors << " clear errors (" << log_errors << " of them to the log), " << unchanged
           << " with every case unchanged (a byte the store does not use)");
    CHECK(errors + unchanged == n);
}

TEST_CASE("a writer killed at random moments loses no acknowledged entry: events, consents and decisions", "[store][crash]") {
    store_place place;
    const std::string path = place.location;
    fixtures::world w;
    {
        case_store st(path);
        case_file c = w.drive_to(state::preparing);
        REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
        st.append(c, 0);
    }
    const std::uint64_t base = case_store(path).version(case_id{1});
    const long min_kills = fixtures::env_or("SFCORE_CRASH_KILLS", 200 / SFCORE_RANDOMIZED_SCALE);
    std::mt19937 rng(4242);
    std::uint64_t acknowledged = base;
    int kills = 0, reloads = 0;
    constexpr std::uint64_t ready = ~std::uint64_t{0};  // a writer's word that it has loaded the case
    while (acknowledged < base + 200 || kills < min_kills) {
        // The writer: append one entry a transaction, and acknowledge each
        // version only once append() has returned. A conflict means the
        // killed writer's last commit landed after this one loaded (a
        // server finishes a commit its client sent before it died): load
        // again, as any writer that is behind would.
        const auto [child, acks] = fork_writer([&](int out) {
            case_store st(path);
            fixtures::world cw;
            case_file c = st.load(case_id{1});
            if (write(out, &ready, sizeof ready) != sizeof ready) return 5;
            for (;;) {
                const std::uint64_t v = c.journal().size();
                cw.clock = c.journal().back().when;
                step(cw, c, static_cast<int>(v));
                try {
                    if (st.append(c, v).seq != v + 1) return 4;
                } catch (const error& e) {
                    if (e.code() != errc::conflict) throw;
                    const std::uint64_t reloaded = 0;  // told to the parent, which counts them
                    if (write(out, &reloaded, sizeof reloaded) != sizeof reloaded) return 5;
                    c = st.load(case_id{1});
                    continue;
                }
                const std::uint64_t ack = v + 1;
                if (write(out, &ack, sizeof ack) != sizeof ack) return 5;
            }
        });
        // Let it run for a random while once it has opened the store and loaded the case (which takes a
        // server's connection longer than the while: a writer killed before then would never write),
        // reading acknowledgements, then kill it. One writer in eight is killed at any moment from its start.
        bool started = rng() % 8 == 0;
        const auto take = [&](int timeout_ms) {
            pollfd p{acks, POLLIN, 0};
            while (poll(&p, 1, timeout_ms) > 0 && (p.revents & POLLIN)) {
                std::uint64_t ack = 0;
                if (read(acks, &ack, sizeof ack) != sizeof ack) break;
                if (ack == ready) {
                    started = true;
                    return;
                }
                acknowledged = std::max(acknowledged, ack);
                reloads += ack == 0;
            }
        };
        for (int waited = 0; !started && waited < 30000; waited += 10) take(10);
        const int run_ms = static_cast<int>(rng() % 25);
        for (int waited = 0; waited <= run_ms; ++waited) {
            take(0);
            usleep(1000);
        }
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        std::uint64_t ack = 0;
        while (read(acks, &ack, sizeof ack) == sizeof ack) {
            if (ack == ready) continue;
            acknowledged = std::max(acknowledged, ack);
            reloads += ack == 0;
        }
        close(acks);
        INFO("the writer exited by itself with " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
        REQUIRE(WIFSIGNALED(status));
        ++kills;
        // After each kill the store opens cleanly, verifies, and holds every acknowledged entry.
        case_store st(path);
        const case_file c = st.load(case_id{1});
        REQUIRE(c.journal().size() >= acknowledged);
        for (std::uint64_t i = base; i < acknowledged; ++i) {
            const event_type t = c.journal()[i].type();
            REQUIRE(t == (i % 3 == 0 ? event_type::priorities_set : i % 3 == 1 ? event_type::sharing_consent_given : event_type::disclosure_decided));
        }
    }
    const case_file last = case_store(path).load(case_id{1});
    CHECK_FALSE(last.disclosure().consents().empty());
    CHECK_FALSE(last.access_log().empty());
    WARN(kills << " kills, " << acknowledged - base << " acknowledged entries, all present; " << reloads
               << " writers found their case moved on (a dead writer's last commit landing late) and loaded it again");
}

TEST_CASE("a full disk or an I/O error during an append is a clear error and leaves the store as it was", "[store][sqlite][faults]") {
    register_fault_vfs();
    temp_dir dir;
    fixtures::world w;
    const std::string path = dir.file("faults.db");
    store_options o;
    o.vfs = "sfcore-fault";
    case_file c = w.drive_to(state::preparing);
    {
        case_store st(path, o);
        st.append(c, 0);
    }
    int failures = 0;
    for (int code : {SQLITE_FULL, SQLITE_IOERR_WRITE})
        for (int n = 0; n < 8; ++n)
            for (bool sync : {false, true}) {
                INFO("code " << code << ", after " << n << (sync ? " syncs" : " writes"));
                case_store st(path, o);
                const case_file before = st.load(c.id());
                case_file next = before;
                REQUIRE(w.rec(next, step_event(failures)));
                fault::code = code;
                (sync ? fault::syncs_left : fault::writes_left) = n;
                errc got = errc::ok;
                try {
                    st.append(next, before.journal().size());
                } catch (const error& e) {
                    got = e.code();
                }
                fault::reset();
                if (got == errc::ok) continue;  // the fault came after the last write of this append
                ++failures;
                CHECK(got == errc::io_error);
                // Reopened, the store holds what it held before the failed append.
                case_store again(path, o);
                CHECK(again.load(c.id()) == before);
                CHECK(again.version(c.id()) == before.journal().size());
                // And the same append, retried, lands.
                CHECK(again.append(next, before.journal().size()).seq == next.journal().size());
                c = next;
            }
    CHECK(failures >= 8);
}
