// The case store: round trips, queries, optimistic concurrency, a process
// killed mid-append, and disk errors injected through an SQLite VFS shim.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>

#include <poll.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

// A fresh directory under /tmp, removed with its files at the end.
struct temp_dir {
    std::string path;
    temp_dir() {
        char name[] = "/tmp/sfcore-store-XXXXXX";
        if (!mkdtemp(name)) throw std::runtime_error("mkdtemp failed");
        path = name;
    }
    ~temp_dir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

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

// The event a writer appends at step i: always accepted in a working state.
event_payload step_event(int i) { return priorities_set{{"step " + std::to_string(i)}, {}, {}}; }

} // namespace

TEST_CASE("the store keeps cases, lists and queries them, and survives reopening", "[store]") {
    temp_dir dir;
    fixtures::world w;
    std::vector<case_file> cases;
    for (const auto& row : state_table) {
        case_file c = w.drive_to(row.value);
        cases.push_back(case_file::replay(case_id{cases.size() + 1}, c.journal()));
    }
    const std::string path = dir.file("cases.db");
    {
        case_store st(path);
        st.put_directory(w.dir);
        for (const auto& c : cases) CHECK(st.append(c, 0) == c.journal().size());
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
}

TEST_CASE("load_all reads every matching case in one pass, equal to loading each", "[store]") {
    fixtures::world w;
    case_store st(":memory:");
    std::vector<case_file> cases;
    for (const auto& row : state_table) {
        const case_file c = w.drive_to(row.value);
        cases.push_back(case_file::replay(case_id{cases.size() + 1}, c.journal()));
        st.append(cases.back(), 0);
    }
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
    CHECK(case_store(":memory:").load_all().empty());
}

TEST_CASE("a damaged row stops a whole-store read after the cases before it, with a clear error", "[store]") {
    temp_dir dir;
    const std::string path = dir.file("cases.db");
    fixtures::world w;
    const case_file proto = w.drive_to(state::plan_active);
    {
        case_store st(path);
        for (std::uint64_t id = 1; id <= 300; ++id) st.append(case_file::replay(case_id{id}, proto.journal()), 0);
    }
    const auto damage = [&](const char* sql) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    };
    SECTION("an event that does not decode") { damage("UPDATE events SET data = x'00ff' WHERE case_id = 250 AND seq = 3"); }
    SECTION("a summary that counts more events than are stored") { damage("UPDATE cases SET version = 99 WHERE id = 250"); }
    SECTION("a summary whose count no case could have") {
        damage("UPDATE cases SET version = 9223372036854775000 WHERE id = 250");  // must not be allocated for
    }
    case_store st(path);
    std::vector<std::uint64_t> seen;
    CHECK(code_of([&] {
              st.for_each({}, [&](const case_file& c) {
                  seen.push_back(c.id().value());
                  return true;
              });
          }) == errc::malformed);
    REQUIRE(seen.size() == 249);  // every case before the damaged one, in order
    CHECK(seen.back() == 249);
    CHECK(code_of([&] { st.load_all(); }) == errc::malformed);
    CHECK(code_of([&] { st.load(case_id{250}); }) == errc::malformed);  // one case, the same check
    // A visitor that throws stops the walk; the store is still usable.
    CHECK_THROWS_AS(st.for_each({}, [](const case_file& c) -> bool {
        if (c.id().value() == 10) throw std::runtime_error("stop");
        return true;
    }), std::runtime_error);
    CHECK(st.load(case_id{1}) == case_file::replay(case_id{1}, proto.journal()));
}

TEST_CASE("an append names the version it expects: a writer that is behind gets a conflict and nothing is lost", "[store]") {
    temp_dir dir;
    fixtures::world w;
    const std::string path = dir.file("cases.db");
    case_store a(path), b(path);
    case_file c = w.drive_to(state::preparing);
    REQUIRE(a.append(c, 0) == c.journal().size());
    CHECK(code_of([&] { b.append(c, 0); }) == errc::conflict);  // already there
    case_file mine = b.load(c.id()), theirs = a.load(c.id());
    const std::uint64_t v = mine.journal().size();
    REQUIRE(w.rec(theirs, step_event(1)));
    REQUIRE(w.rec(mine, step_event(2)));
    CHECK(a.append(theirs, v) == v + 1);
    CHECK(code_of([&] { b.append(mine, v); }) == errc::conflict);
    // A writer that claims the right version but holds another history.
    REQUIRE(w.rec(mine, step_event(3)));
    CHECK(code_of([&] { b.append(mine, v + 1); }) == errc::conflict);
    CHECK(b.load(c.id()) == theirs);
    // Reload, redo, append: it lands.
    mine = b.load(c.id());
    REQUIRE(w.rec(mine, step_event(2)));
    CHECK(b.append(mine, v + 1) == v + 2);
    CHECK(a.load(c.id()) == mine);
    CHECK(code_of([&] { a.append(mine, v + 5); }) == errc::invalid_argument);
}

TEST_CASE("the store keeps a case's ledger and refuses a stale one", "[store]") {
    fixtures::world w;
    case_store st(":memory:");
    const case_file c = fixtures::full_case(w);
    disclosure_ledger l = fixtures::full_ledger(w, c);
    CHECK(code_of([&] { st.put_ledger(c.id(), l, 0); }) == errc::not_found);
    st.append(c, 0);
    CHECK(code_of([&] { st.load_ledger(c.id(), c, w.dir); }) == errc::not_found);
    st.put_ledger(c.id(), l, 0);
    const std::uint64_t v = st.ledger_version(c.id());
    CHECK(v == l.audit().entries().size());
    const disclosure_ledger back = st.load_ledger(c.id(), c, w.dir);
    CHECK(back.audit().verify().ok);
    CHECK(back.audit().to_text() == l.audit().to_text());
    CHECK(code_of([&] { st.put_ledger(c.id(), l, 0); }) == errc::conflict);
    l.decide({party::of(agencies::MOE), {member_id{1}}, category::education, party::of(agencies::MSD), purpose::meeting, w.tick()}, "w");
    st.put_ledger(c.id(), l, v);
    CHECK(st.ledger_version(c.id()) == v + 1);
}

TEST_CASE("a store from a newer sfcore, or a file that is not a store, is refused clearly", "[store]") {
    temp_dir dir;
    {
        case_store st(dir.file("new.db"));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("new.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE sfcore_meta SET value = 2 WHERE key = 'schema'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK(code_of([&] { case_store st(dir.file("new.db")); }) == errc::unsupported_version);
    std::ofstream(dir.file("junk.db")) << std::string(8192, 'x');
    CHECK(code_of([&] { case_store st(dir.file("junk.db")); }) == errc::malformed);
    CHECK(code_of([&] { case_store st(dir.file("no/such/dir/x.db")); }) == errc::io_error);
    case_store empty(":memory:");
    CHECK(code_of([&] { empty.directory(); }) == errc::not_found);
}

TEST_CASE("a writer killed at random moments loses no acknowledged event", "[store][crash]") {
    temp_dir dir;
    const std::string path = dir.file("crash.db");
    fixtures::world w;
    {
        case_store st(path);
        st.append(w.drive_to(state::preparing), 0);
    }
    const std::uint64_t base = case_store(path).version(case_id{1});
    std::mt19937 rng(4242);
    std::uint64_t acknowledged = base;
    int kills = 0;
    while (acknowledged < base + 200 || kills < 20) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // The writer: append one event a transaction, and acknowledge each
            // version only once append() has returned.
            close(fds[0]);
            try {
                case_store st(path);
                fixtures::world cw;
                case_file c = st.load(case_id{1});
                for (;;) {
                    const std::uint64_t v = c.journal().size();
                    cw.clock = c.journal().back().when;
                    if (!cw.rec(c, step_event(static_cast<int>(v)))) _exit(3);
                    if (st.append(c, v) != v + 1) _exit(4);
                    const std::uint64_t ack = v + 1;
                    if (write(fds[1], &ack, sizeof ack) != sizeof ack) _exit(5);
                }
            } catch (...) {
                _exit(2);
            }
        }
        close(fds[1]);
        // Let it run for a random while, reading acknowledgements, then kill it.
        const int run_ms = static_cast<int>(rng() % 40);
        pollfd p{fds[0], POLLIN, 0};
        for (int waited = 0; waited <= run_ms; ++waited) {
            while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
                std::uint64_t ack = 0;
                if (read(fds[0], &ack, sizeof ack) != sizeof ack) break;
                acknowledged = std::max(acknowledged, ack);
            }
            usleep(1000);
        }
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        std::uint64_t ack = 0;
        while (read(fds[0], &ack, sizeof ack) == sizeof ack) acknowledged = std::max(acknowledged, ack);
        close(fds[0]);
        INFO("the writer exited by itself with " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
        REQUIRE(WIFSIGNALED(status));
        ++kills;
        // After each kill the store opens cleanly and holds every acknowledged event.
        case_store st(path);
        const case_file c = st.load(case_id{1});
        REQUIRE(c.journal().size() >= acknowledged);
        for (std::uint64_t i = base; i < acknowledged; ++i)
            REQUIRE(std::get<priorities_set>(c.journal()[i].payload).key_issues[0] == "step " + std::to_string(i));
    }
    WARN(kills << " kills, " << acknowledged - base << " acknowledged events, all present");
}

TEST_CASE("a full disk or an I/O error during an append is a clear error and leaves the store as it was", "[store][faults]") {
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
                CHECK(again.append(next, before.journal().size()) == next.journal().size());
                c = next;
            }
    CHECK(failures >= 8);
}
