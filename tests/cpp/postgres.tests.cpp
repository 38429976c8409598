// The PostgreSQL store's own behaviour, against a real server (ctest starts
// a throwaway one; SFCORE_TEST_POSTGRES holds its connection string, whose
// host is the server's directory): migrations, the change feed, lost
// connections, lock and statement timeouts, many writer processes, and the
// server killed under them. The store's shared suite (store.tests.cpp) runs
// against it as well.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/case_access.hpp"
#include "fixtures.hpp"
#include "store_place.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

const char* server() {
    const char* c = store_place::postgres();
    if (!c) FAIL("SFCORE_TEST_POSTGRES is not set: these tests run under ctest, which starts the server");
    return c;
}

// A case with this id, driven to a working state.
case_file new_case(fixtures::world& w, std::uint64_t id) {
    const case_file proto = w.drive_to(state::preparing);
    std::vector<event> j(proto.journal().begin(), proto.journal().end());
    detail::case_access::chain(case_id{id}, j);
    return case_file::replay(case_id{id}, j);
}

// One more entry on a loaded case (a lifecycle event, recorded after its last one).
void one_more(case_file& c, int n) {
    fixtures::world w;
    w.clock = c.journal().back().when;
    REQUIRE(w.rec(c, priorities_set{{"step " + std::to_string(n)}, {}, {}}));
}

// End every connection to a place's store (as a restart or a network cut
// would): they carry its schema's name as their application name.
void cut_connections(const store_place& place) {
    place.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + place.schema +
              "' AND pid <> pg_backend_pid()");
}

int run(const std::string& command) { return std::system(command.c_str()); }

// A call that must fail with @p code, saying @p says.
template <class F>
void check_fails(F&& f, errc code, const std::string& says) {
    try {
        f();
        FAIL("no error; expected one saying \"" << says << "\"");
    } catch (const error& e) {
        CHECK(e.code() == code);
        CHECK(std::string(e.what()).find(says) != std::string::npos);
    }
}

// An append a writer process was told had landed: the case, and the head it returned.
struct ack {
    std::uint64_t id, seq;
    digest hash;
};

// What a store holds against what its writers were told: acknowledged entries
// missing (or replaced), and (case, version) pairs acknowledged twice.
struct tally {
    std::size_t lost = 0, duplicated = 0, cases = 0;
};
tally check_acks(const case_store& st, const std::vector<ack>& acks) {
    tally t;
    std::map<std::uint64_t, case_file> loaded;
    for (const auto& c : st.load_all()) loaded.emplace(c.id().value(), c);
    t.cases = loaded.size();
    std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
    for (const ack& a : acks) {
        if (!seen.insert({a.id, a.seq}).second) ++t.duplicated;
        const auto it = loaded.find(a.id);
        if (it == loaded.end() || it->second.journal().size() < a.seq || it->second.journal()[a.seq - 1].hash != a.hash) ++t.lost;
    }
    return t;
}

// The server's directory (the connection string's host: its socket is there).
std::string server_dir() {
    const std::string c = server();
    const auto at = c.find("host=");
    REQUIRE(at != std::string::npos);
    return c.substr(at + 5, c.find(' ', at) - at - 5);
}

// The server's own script, on its directory.
std::string script(const char* verb) {
    return std::string("bash '") + SFCORE_SOURCE_DIR + "/scripts/test-postgres.sh' " + verb + " '" + server_dir() + "'";
}

} // namespace

TEST_CASE("the schema is made and upgraded only when asked, and a newer one is refused", "[store][postgresql]") {
    store_place place;  // made and migrated
    const std::string bare = std::string(server()) + " options='-c search_path=" + place.schema + "_bare'";
    place.sql("CREATE SCHEMA " + place.schema + "_bare");
    const auto drop = [&] { place.try_sql("DROP SCHEMA " + place.schema + "_bare CASCADE"); };
    try {
        // Opening never creates: an empty database asks to be migrated.
        check_fails([&] { case_store st(bare); }, errc::needs_migration, "migrate");
        CHECK(place.value("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + place.schema + "_bare'") == "0");
        CHECK(case_store::migrate(bare) == 3);
        CHECK(case_store::migrate(bare) == 3);  // again: nothing to do
        CHECK(case_store(bare).size() == 0);
        // A store of schema 1 (sfcore 0.2) asks for the migration that adds the index of persons.
        place.sql("DROP TABLE " + place.schema + "_bare.persons; DROP TABLE " + place.schema + "_bare.case_keys; DELETE FROM " +
                  place.schema + "_bare.sfcore_migrations WHERE version >= 2");
        check_fails([&] { case_store st(bare); }, errc::needs_migration, "migrate");
        CHECK(case_store::migrate(bare) == 3);
        CHECK(place.value("SELECT count(*) FROM " + place.schema + "_bare.case_keys") == "0");
        CHECK(case_store(bare).person_cases("anyone").empty());
        CHECK(std::string(case_store(bare).backend()) == "postgresql");
        // Two hosts migrating at once: the server's advisory lock puts one after the other.
        place.sql("DROP SCHEMA " + place.schema + "_bare CASCADE; CREATE SCHEMA " + place.schema + "_bare");
        std::vector<std::thread> hosts;
        std::atomic<int> done{0};
        for (int i = 0; i < 4; ++i)
            hosts.emplace_back([&] {
                if (case_store::migrate(bare) == 3) ++done;
            });
        for (auto& t : hosts) t.join();
        CHECK(done == 4);
        CHECK(place.value("SELECT count(*) FROM " + place.schema + "_bare.sfcore_migrations") == "3");
        // A store a newer library migrated is refused, by open and by migrate.
        place.sql("INSERT INTO " + place.schema + "_bare.sfcore_migrations(version, description) VALUES (4, 'from the future')");
        CHECK(code_of([&] { case_store st(bare); }) == errc::unsupported_version);
        CHECK(code_of([&] { case_store::migrate(bare); }) == errc::unsupported_version);
        // Another application's tables of the same names are not adopted.
        place.sql("DROP SCHEMA " + place.schema + "_bare CASCADE; CREATE SCHEMA " + place.schema + "_bare; CREATE TABLE " +
                  place.schema + "_bare.cases(id int, name text)");
        CHECK(code_of([&] { case_store::migrate(bare); }) == errc::malformed);
        CHECK(code_of([&] { case_store st(bare); }) == errc::malformed);
        CHECK(place.value("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + place.schema + "_bare'") == "1");
    } catch (...) {
        drop();
        throw;
    }
    drop();
    // The same store named by a libpq URI (and by "postgres://"), with what it holds.
    {
        fixtures::world w;
        case_store(place.location).append(new_case(w, 5), 0);
    }
    const std::string query = "/sfcore_test?host=" + server_dir() + "&user=postgres&options=-c%20search_path%3D" + place.schema;
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        case_store by_uri(scheme + query);
        CHECK(std::string(by_uri.backend()) == "postgresql");
        CHECK(by_uri.size() == 1);
        CHECK(by_uri.load(case_id{5}).verify());
        CHECK(by_uri.location().find("dbname=sfcore_test") != std::string::npos);
    }
    CHECK(std::string(case_store("sqlite::memory:").backend()) == "sqlite");
    // What is not a connection string, or not a reachable server, is a clear error.
    CHECK(code_of([&] { case_store st("host=/nonexistent/socket/dir dbname=x connect_timeout=2"); }) == errc::io_error);
    CHECK(code_of([&] { case_store st("dbname='unterminated"); }) == errc::invalid_argument);
    try {
        case_store st("host=/nonexistent/socket/dir dbname=x user=u password=s3cret-word connect_timeout=2");
        FAIL("connected to nothing");
    } catch (const error& e) {
        CHECK(std::string(e.what()).find("s3cret-word") == std::string::npos);  // a password is never shown
        CHECK(std::string(e.what()).find("dbname=x") != std::string::npos);
    }
    store_options sqlite_only;
    sqlite_only.vfs = "unix";
    CHECK(code_of([&] { case_store st(place.location, sqlite_only); }) == errc::invalid_argument);
}

TEST_CASE("hosts follow the store's changes (LISTEN/NOTIFY), sent only when an append commits", "[store][postgresql]") {
    store_place place;
    fixtures::world w;
    case_store follower(place.location), writer(place.location);
    CHECK(code_of([&] { follower.next_change(0); }) == errc::invalid_argument);  // not following yet
    follower.follow();
    CHECK_FALSE(follower.next_change(0));
    case_file c = new_case(w, 7);
    writer.append(c, 0);
    auto change = follower.next_change(5000);
    REQUIRE(change);
    CHECK(change->id == case_id{7});
    CHECK(change->version == c.journal().size());
    // A conflicting append sends nothing.
    case_file stale = c;
    one_more(stale, 1);
    one_more(c, 2);
    writer.append(c, c.journal().size() - 1);
    CHECK(code_of([&] { writer.append(stale, 1); }) == errc::conflict);
    change = follower.next_change(5000);
    REQUIRE(change);
    CHECK(change->version == c.journal().size());
    CHECK_FALSE(follower.next_change(100));
    // A notice on the channel that is not the store's is refused, not believed.
    place.sql("NOTIFY \"sfcore:" + place.schema + "\", 'case 7 is closed'");
    CHECK(code_of([&] { follower.next_change(5000); }) == errc::malformed);
    // A lost connection ends the feed, clearly: follow again.
    cut_connections(place);
    CHECK(code_of([&] { follower.next_change(1000); }) == errc::io_error);
    CHECK(code_of([&] { follower.next_change(0); }) == errc::invalid_argument);
    CHECK(follower.load(case_id{7}) == c);  // reconnected for the next call
    follower.follow();
    one_more(c, 3);
    case_store(place.location).append(c, c.journal().size() - 1);
    REQUIRE(follower.next_change(5000));
    CHECK(code_of([&] { case_store("sqlite::memory:").follow(); }) == errc::invalid_argument);
}

TEST_CASE("a lost connection is a clear error, nothing acknowledged is lost, and the call can be retried", "[store][postgresql]") {
    store_place place;
    fixtures::world w;
    case_store st(place.location);
    case_file c = new_case(w, 1);
    st.append(c, 0);
    cut_connections(place);
    one_more(c, 1);
    std::string why;
    try {
        st.append(c, c.journal().size() - 1);
    } catch (const error& e) {
        why = e.what();
        CHECK(e.code() == errc::io_error);
    }
    // The cut was seen (the error names it) or the connection was opened again first.
    if (!why.empty()) {
        CHECK(why.find("connection") != std::string::npos);
        CHECK(st.append(c, c.journal().size() - 1).seq == c.journal().size());  // retried: it lands
    }
    CHECK(case_store(place.location).load(c.id()) == c);
    CHECK(st.verify());
}

TEST_CASE("appends to different cases never wait for each other, and to one case a held lock times out clearly", "[store][postgresql]") {
    store_place place;
    fixtures::world w;
    {
        case_store st(place.location);
        st.append(new_case(w, 1), 0);
        st.append(new_case(w, 2), 0);
    }
    // Another host holds case 1's row in an open transaction.
    const std::unique_ptr<PGconn, void (*)(PGconn*)> holder(PQconnectdb(place.location.c_str()), PQfinish);
    PGconn* other = holder.get();
    REQUIRE(PQstatus(other) == CONNECTION_OK);
    PQclear(PQexec(other, "BEGIN"));
    PGresult* held = PQexec(other, "SELECT version FROM cases WHERE id = 1 FOR UPDATE");
    REQUIRE(PQresultStatus(held) == PGRES_TUPLES_OK);
    PQclear(held);
    store_options o;
    o.busy_timeout_ms = 300;
    case_store st(place.location, o);
    case_file one = st.load(case_id{1}), two = st.load(case_id{2});
    one_more(one, 1);
    one_more(two, 1);
    CHECK(st.append(two, two.journal().size() - 1).seq == two.journal().size());  // case 2: no wait
    check_fails([&] { st.append(one, one.journal().size() - 1); }, errc::io_error, "lock");
    // A statement timeout (set by the host in the connection string) is as clear.
    store_options patient;
    patient.busy_timeout_ms = 60000;
    case_store slow(place.location + " options='-c search_path=" + place.schema + " -c statement_timeout=200'", patient);
    check_fails([&] { slow.append(one, one.journal().size() - 1); }, errc::io_error, "timed out");
    CHECK(st.version(case_id{1}) == one.journal().size() - 1);  // neither changed anything
    PQclear(PQexec(other, "COMMIT"));
    CHECK(slow.append(one, one.journal().size() - 1).seq == one.journal().size());  // retried: it lands
    CHECK(st.load(case_id{1}) == one);
}

TEST_CASE("8 writer processes append to 200 shared cases: no acknowledged entry lost or duplicated", "[postgresql-writers]") {
    const long seconds = fixtures::env_or("SFCORE_PG_WRITERS_SECONDS", 30 / SFCORE_RANDOMIZED_SCALE);
    constexpr int writers = 8, cases = 200;
    store_place place;
    std::vector<std::pair<pid_t, int>> children;
    for (int k = 0; k < writers; ++k)
        children.push_back(fork_writer([&](int out) {
            case_store st(place.location);  // each writer its own connection, as another agency's host
            fixtures::world w;
            std::mt19937 rng(static_cast<unsigned>(1000 + k));
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
            int n = 0;
            while (std::chrono::steady_clock::now() < until) {
                const std::uint64_t id = 1 + rng() % cases;
                const std::uint64_t v = st.version(case_id{id});
                case_file c = v == 0 ? new_case(w, id) : st.load(case_id{id});
                const std::uint64_t expected = v == 0 ? 0 : c.journal().size();  // as loaded
                if (v > 0) {
                    w.clock = c.journal().back().when;
                    if (!w.rec(c, priorities_set{{"writer " + std::to_string(k) + " step " + std::to_string(n++)}, {}, {}}))
                        return 3;
                }
                if (rng() % 4 == 0) usleep(rng() % 2000);  // widen the window for another writer
                try {
                    const journal_head h = st.append(c, expected);
                    const ack a{id, h.seq, h.hash};
                    if (write(out, &a, sizeof a) != sizeof a) return 5;
                } catch (const error& e) {
                    if (e.code() != errc::conflict) return 6;
                    const ack refused{id, 0, {}};  // seq 0: a conflict, counted apart
                    if (write(out, &refused, sizeof refused) != sizeof refused) return 5;
                }
            }
            return 0;
        }));
    std::vector<ack> acks;
    std::size_t conflicts = 0;
    std::vector<pollfd> open;
    for (const auto& [pid, fd] : children) open.push_back({fd, POLLIN, 0});
    while (!open.empty()) {
        REQUIRE(poll(open.data(), open.size(), 60000) > 0);
        for (std::size_t i = 0; i < open.size();) {
            if (open[i].revents) {
                ack a{};
                const ssize_t got = read(open[i].fd, &a, sizeof a);
                if (got == static_cast<ssize_t>(sizeof a)) {
                    if (a.seq == 0)
                        ++conflicts;
                    else
                        acks.push_back(a);
                } else {
                    REQUIRE(got == 0);
                    close(open[i].fd);
                    open.erase(open.begin() + static_cast<std::ptrdiff_t>(i));
                    continue;
                }
            }
            ++i;
        }
    }
    for (const auto& [pid, fd] : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        INFO("a writer exited with " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    // Every acknowledged head is in its journal, no (case, version) was acknowledged twice, every journal verifies.
    case_store st(place.location);
    const tally t = check_acks(st, acks);
    CHECK(t.duplicated == 0);
    CHECK(t.lost == 0);
    CHECK(st.verify());
    CHECK(t.cases <= static_cast<std::size_t>(cases));
    REQUIRE(acks.size() > static_cast<std::size_t>(cases));
    CHECK(conflicts > 0);  // the writers did collide, and were refused
    WARN(acks.size() << " acknowledged appends and " << conflicts << " conflicts by " << writers << " writers in "
                     << seconds << " s over " << t.cases << " cases: none lost, none duplicated");
}

TEST_CASE("the server killed under three running writers, 50 times: every acknowledged entry is there after it restarts", "[postgresql-faults]") {
    const long kills = fixtures::env_or("SFCORE_PG_KILLS", 50);
    store_place place;
    {
        fixtures::world w;
        case_store st(place.location);
        for (std::uint64_t id = 1; id <= 20; ++id) st.append(new_case(w, id), 0);
    }
    std::vector<ack> acks;
    std::size_t clear_errors = 0;
    std::mt19937 rng(77);
    constexpr int writers = 3;
    for (long round = 0; round < kills; ++round) {
        // Writers that keep going through the outage: each error must be a
        // clear io_error (or a conflict with another writer), then they retry.
        // An error is sent as an ack of seq 0 whose id is its kind.
        std::vector<std::pair<pid_t, int>> running;
        for (int k = 0; k < writers; ++k)
            running.push_back(fork_writer([&](int out) {
                std::mt19937 r(static_cast<unsigned>(round * writers + k));
                for (;;) {
                    try {
                        case_store st(place.location);
                        for (;;) {
                            const std::uint64_t id = 1 + r() % 20;
                            case_file c = st.load(case_id{id});
                            const std::uint64_t v = c.journal().size();
                            one_more(c, static_cast<int>(v));
                            const journal_head h = st.append(c, v);
                            const ack a{id, h.seq, h.hash};
                            if (write(out, &a, sizeof a) != sizeof a) return 5;
                        }
                    } catch (const error& e) {
                        const ack failed{static_cast<std::uint64_t>(e.code() == errc::io_error ? 'i' : e.code() == errc::conflict ? 'c' : 'x'),
                                         0, {}};
                        if (write(out, &failed, sizeof failed) != sizeof failed) return 5;
                        if (failed.id == 'x') return 6;
                        usleep(20000);
                    }
                }
            }));
        usleep(static_cast<useconds_t>(20000 + rng() % 80000));
        REQUIRE(run(script("kill")) == 0);  // as a crash: no shutdown checkpoint
        usleep(static_cast<useconds_t>(rng() % 50000));
        REQUIRE(run(script("restart")) == 0);
        usleep(100000);  // the writers reconnect and append again
        for (const auto& [child, in] : running) {
            kill(child, SIGKILL);
            int status = 0;
            waitpid(child, &status, 0);
            ack a{};
            while (read(in, &a, sizeof a) == sizeof a) {
                if (a.seq != 0) {
                    acks.push_back(a);
                    continue;
                }
                CHECK(a.id != 'x');
                if (a.id == 'i') ++clear_errors;
            }
            close(in);
        }
    }
    case_store st(place.location);
    const tally t = check_acks(st, acks);
    CHECK(t.lost == 0);
    CHECK(t.duplicated == 0);
    CHECK(st.verify());
    CHECK(clear_errors >= static_cast<std::size_t>(kills) / 2);  // the writers saw the outages, as io_error
    WARN(kills << " server kills under " << writers << " writers, " << acks.size() << " acknowledged appends, all present; "
               << clear_errors << " clear io_errors seen by the writers");
}
