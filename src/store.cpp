// The case store over SQLite: WAL mode, one transaction per change, and
// optimistic concurrency by event count.
#include "sfcore/store.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "archive_detail.hpp"
#include "pipeline.hpp"
#include "sfcore/archive.hpp"

namespace sfcore {

namespace {

constexpr int schema_version = 1;

const char* const schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS sfcore_meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS cases(
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  state INTEGER NOT NULL,
  programme INTEGER NOT NULL,
  coordinator INTEGER,
  next_deadline INTEGER,
  ledger_version INTEGER NOT NULL DEFAULT 0,
  ledger BLOB);
CREATE TABLE IF NOT EXISTS events(
  case_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(case_id, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cases_by_state ON cases(state);
CREATE INDEX IF NOT EXISTS cases_by_coordinator ON cases(coordinator);
CREATE INDEX IF NOT EXISTS cases_by_deadline ON cases(next_deadline);
)sql";

std::int64_t key_of(case_id id) {
    if (id.value() == 0 || id.value() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::invalid_argument, "a stored case id is between 1 and 2^63-1");
    return static_cast<std::int64_t>(id.value());
}

// The WHERE clause of a case query over the cases table, with ?1..?4 bound by impl::bind_query().
std::string where_of(const case_query& query) {
    std::string sql = " WHERE 1";
    if (query.state) sql += " AND state = ?1";
    if (query.programme) sql += " AND programme = ?2";
    if (query.coordinator) sql += " AND coordinator = ?3";
    if (query.overdue_on) sql += " AND next_deadline < ?4";
    return sql;
}

// A case's events as read from the store, checked as they come: in order,
// with no gap, and as many as the case's summary says.
struct stored_case {
    std::int64_t id = 0;
    std::uint64_t expected = 0;  // the number of events the summary gives
    std::vector<event> journal;

    stored_case() = default;
    stored_case(std::int64_t key, std::uint64_t events) : id(key), expected(events) {
        journal.reserve(std::min<std::uint64_t>(events, 4096));  // a damaged count must not allocate
    }
    void add(std::int64_t seq, std::pair<const std::uint8_t*, std::size_t> data, detail::event_decoder& decoder) {
        if (static_cast<std::uint64_t>(seq) != journal.size() + 1)
            throw error(errc::malformed, "store: case " + std::to_string(id) + " has a gap in its events");
        journal.push_back(decoder.decode(data.first, data.second));
    }
    case_file replay() && {
        if (journal.size() != expected)
            throw error(errc::malformed, "store: case " + std::to_string(id) + " has " + std::to_string(journal.size()) +
                                             " events, its summary says " + std::to_string(expected));
        try {
            return case_file::replay(case_id{static_cast<std::uint64_t>(id)}, std::move(journal));
        } catch (const error& e) {
            throw error(errc::malformed, "store: case " + std::to_string(id) + ": the journal does not replay: " + e.what());
        }
    }
};

} // namespace

struct case_store::impl {
    sqlite3* db = nullptr;
    store_options options;
    std::string path;

    ~impl() {
        if (db) sqlite3_close_v2(db);
    }

    [[noreturn]] void fail(int rc, const std::string& what) const {
        const std::string detail = what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + " (" + path + ")";
        switch (rc & 0xff) {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: throw error(errc::malformed, "store: " + detail);
        default: throw error(errc::io_error, detail);
        }
    }

    void exec(const char* sql) const {
        char* msg = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK) fail(rc, std::string("store: ") + sql);
    }

    // A prepared statement, finalized when it goes out of scope.
    struct stmt {
        const impl& s;
        sqlite3_stmt* st = nullptr;
        stmt(const impl& store, const char* sql) : s(store) {
            const int rc = sqlite3_prepare_v2(s.db, sql, -1, &st, nullptr);
            if (rc != SQLITE_OK) s.fail(rc, "store: prepare");
        }
        ~stmt() { sqlite3_finalize(st); }
        stmt(const stmt&) = delete;
        stmt& operator=(const stmt&) = delete;
        stmt& bind(int i, std::int64_t v) {
            check(sqlite3_bind_int64(st, i, v));
            return *this;
        }
        stmt& bind_null(int i) {
            check(sqlite3_bind_null(st, i));
            return *this;
        }
        stmt& bind(int i, const bytes& b) {
            check(sqlite3_bind_blob64(st, i, b.data(), b.size(), SQLITE_TRANSIENT));
            return *this;
        }
        stmt& bind(int i, const std::string& t) {
            check(sqlite3_bind_text64(st, i, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
            return *this;
        }
        void check(int rc) const {
            if (rc != SQLITE_OK) s.fail(rc, "store: bind");
        }
        bool row() {
            const int rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) return true;
            if (rc == SQLITE_DONE) return false;
            s.fail(rc, "store: step");
        }
        void done() {
            if (row()) throw error(errc::internal, "store: a statement returned rows");
        }
        std::int64_t integer(int i) const { return sqlite3_column_int64(st, i); }
        bool null(int i) const { return sqlite3_column_type(st, i) == SQLITE_NULL; }
        std::pair<const std::uint8_t*, std::size_t> blob(int i) const {
            const void* p = sqlite3_column_blob(st, i);
            return {static_cast<const std::uint8_t*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i))};
        }
    };

    // A read transaction: one consistent snapshot, even while others append.
    struct read_snapshot {
        const impl& s;
        explicit read_snapshot(const impl& store) : s(store) { s.exec("BEGIN"); }
        ~read_snapshot() { sqlite3_exec(s.db, "COMMIT", nullptr, nullptr, nullptr); }
    };

    // A write transaction: BEGIN IMMEDIATE takes the write lock first, so
    // the version read inside it cannot change before the commit.
    struct transaction {
        const impl& s;
        bool committed = false;
        explicit transaction(const impl& store) : s(store) { s.exec("BEGIN IMMEDIATE"); }
        void commit() {
            s.exec("COMMIT");
            committed = true;
        }
        ~transaction() {
            if (!committed) sqlite3_exec(s.db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    };

    std::uint64_t version_of(std::int64_t id) const {
        stmt q(*this, "SELECT version FROM cases WHERE id = ?");
        q.bind(1, id);
        return q.row() ? static_cast<std::uint64_t>(q.integer(0)) : 0;
    }

    // Bind a case query's conditions to ?1..?4 (see where_of()).
    void bind_query(stmt& q, const case_query& query) const {
        if (query.state) q.bind(1, static_cast<std::int64_t>(*query.state));
        if (query.programme) q.bind(2, static_cast<std::int64_t>(*query.programme));
        if (query.coordinator) q.bind(3, static_cast<std::int64_t>(query.coordinator->value()));
        if (query.overdue_on) q.bind(4, static_cast<std::int64_t>(to_yyyymmdd(checked_date(*query.overdue_on))));
    }

    void require_case(std::int64_t id) const {
        stmt q(*this, "SELECT 1 FROM cases WHERE id = ?");
        q.bind(1, id);
        if (!q.row()) throw error(errc::not_found, "no case " + std::to_string(id) + " in the store");
    }
};

case_store::case_store(const std::string& path, store_options options) : impl_(std::make_unique<impl>()) {
    impl& s = *impl_;
    s.options = std::move(options);
    s.path = path;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &s.db, flags, s.options.vfs.empty() ? nullptr : s.options.vfs.c_str());
    if (rc != SQLITE_OK) s.fail(rc, "store: open");
    sqlite3_extended_result_codes(s.db, 1);
    sqlite3_busy_timeout(s.db, s.options.busy_timeout_ms);
    {
        // journal_mode answers with the mode in force (memory for ":memory:").
        impl::stmt q(s, "PRAGMA journal_mode=WAL");
        q.row();
    }
    s.exec(s.options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    impl::transaction t(s);
    s.exec(schema_sql);
    impl::stmt get(s, "SELECT value FROM sfcore_meta WHERE key = 'schema'");
    if (get.row()) {
        const std::int64_t v = get.integer(0);
        if (v > schema_version)
            throw error(errc::unsupported_version, "store: schema version " + std::to_string(v) +
                                                       " is newer than this library reads (" +
                                                       std::to_string(schema_version) + ")");
        if (v < 1) throw error(errc::malformed, "store: schema version " + std::to_string(v));
    } else {
        impl::stmt put(s, "INSERT INTO sfcore_meta(key, value) VALUES ('schema', ?)");
        put.bind(1, std::int64_t{schema_version}).done();
    }
    t.commit();
}

case_store::~case_store() = default;
case_store::case_store(case_store&&) noexcept = default;
case_store& case_store::operator=(case_store&&) noexcept = default;

std::uint64_t case_store::append(const case_file& c, std::uint64_t expected_version) {
    const impl& s = *impl_;
    const std::int64_t id = key_of(c.id());
    const auto& journal = c.journal();
    if (expected_version > journal.size())
        throw error(errc::invalid_argument, "the case has " + std::to_string(journal.size()) +
                                                " events, fewer than the version expected (" +
                                                std::to_string(expected_version) + ")");
    // Encode before the transaction: the lock is held only to write.
    std::vector<bytes> rows;
    rows.reserve(journal.size() - expected_version);
    for (std::size_t i = expected_version; i < journal.size(); ++i) rows.push_back(detail::encode_event(journal[i]));
    const bytes last = expected_version > 0 ? detail::encode_event(journal[expected_version - 1]) : bytes{};
    std::optional<date> deadline = next_deadline(c, s.options.calendar, s.options.timeframes);

    impl::transaction t(s);
    const std::uint64_t stored = s.version_of(id);
    if (stored != expected_version)
        throw error(errc::conflict, "case " + std::to_string(id) + ": the store holds " + std::to_string(stored) +
                                        " events, the writer expected " + std::to_string(expected_version));
    if (expected_version > 0) {
        impl::stmt q(s, "SELECT data FROM events WHERE case_id = ? AND seq = ?");
        q.bind(1, id).bind(2, static_cast<std::int64_t>(expected_version));
        if (!q.row()) throw error(errc::malformed, "store: case " + std::to_string(id) + " lacks an event");
        const auto [p, n] = q.blob(0);
        if (n != last.size() || (n > 0 && std::memcmp(p, last.data(), n) != 0))
            throw error(errc::conflict, "case " + std::to_string(id) + ": the writer's history differs from the store's");
    }
    {
        impl::stmt ins(s, "INSERT INTO events(case_id, seq, data) VALUES (?, ?, ?)");
        std::int64_t seq = static_cast<std::int64_t>(expected_version);
        for (const auto& r : rows) {
            ins.bind(1, id).bind(2, ++seq).bind(3, r).done();
            sqlite3_reset(ins.st);
        }
    }
    {
        impl::stmt up(s, "INSERT INTO cases(id, version, state, programme, coordinator, next_deadline) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET version = ?2, state = ?3, "
                         "programme = ?4, coordinator = ?5, next_deadline = ?6");
        up.bind(1, id)
            .bind(2, static_cast<std::int64_t>(journal.size()))
            .bind(3, static_cast<std::int64_t>(c.state()))
            .bind(4, static_cast<std::int64_t>(c.programme()));
        if (c.roles().coordinator) up.bind(5, static_cast<std::int64_t>(c.roles().coordinator->value()));
        else up.bind_null(5);
        if (deadline) up.bind(6, static_cast<std::int64_t>(to_yyyymmdd(*deadline)));
        else up.bind_null(6);
        up.done();
    }
    t.commit();
    return journal.size();
}

case_file case_store::load(case_id id) const {
    const impl& s = *impl_;
    const std::int64_t key = key_of(id);
    stored_case stored;
    {
        const impl::read_snapshot snapshot(s);
        const std::uint64_t version = s.version_of(key);
        if (version == 0) throw error(errc::not_found, "no case " + std::to_string(key) + " in the store");
        stored = stored_case(key, version);
        impl::stmt q(s, "SELECT seq, data FROM events WHERE case_id = ? ORDER BY seq");
        q.bind(1, key);
        detail::event_decoder decoder;
        while (q.row()) stored.add(q.integer(0), q.blob(1), decoder);
    }
    return std::move(stored).replay();
}

std::uint64_t case_store::version(case_id id) const { return impl_->version_of(key_of(id)); }

std::uint64_t case_store::size() const {
    impl::stmt q(*impl_, "SELECT count(*) FROM cases");
    q.row();
    return static_cast<std::uint64_t>(q.integer(0));
}

std::vector<case_summary> case_store::list(const case_query& query) const {
    const impl& s = *impl_;
    const std::string sql =
        "SELECT id, version, state, programme, coordinator, next_deadline FROM cases" + where_of(query) + " ORDER BY id";
    impl::stmt q(s, sql.c_str());
    s.bind_query(q, query);
    std::vector<case_summary> out;
    while (q.row()) {
        case_summary c;
        c.id = case_id{static_cast<std::uint64_t>(q.integer(0))};
        c.version = static_cast<std::uint64_t>(q.integer(1));
        try {
            c.state = enum_from_int<state>(q.integer(2));
            c.programme = enum_from_int<programme>(q.integer(3));
            if (!q.null(4)) c.coordinator = practitioner_id{static_cast<std::uint32_t>(q.integer(4))};
            if (!q.null(5)) c.next_deadline = date_from_yyyymmdd(static_cast<std::int32_t>(q.integer(5)));
        } catch (const error& e) {
            throw error(errc::malformed, std::string("store: a case summary is damaged: ") + e.what());
        }
        out.push_back(c);
    }
    return out;
}

namespace {

// Walk the cases of a query in one read: replay each and hand it to
// visit(case_file&&), which returns false to stop. Returns how many were
// visited. With two cores, a worker thread reads the rows and decodes the
// events (SQLite and Boost) while the calling thread replays and visits, so
// visit() always runs on the caller's thread, in case order.
template <class Impl, class Visit>
std::uint64_t walk_cases(const Impl& s, const case_query& query, Visit&& visit) {
    const typename Impl::read_snapshot snapshot(s);
    // The events of the matching cases, in (case, seq) order: the table's own order.
    const std::string sql = "SELECT e.case_id, e.seq, e.data, c.version FROM events e JOIN cases c ON c.id = e.case_id" +
                            where_of(query) + " ORDER BY e.case_id, e.seq";
    typename Impl::stmt q(s, sql.c_str());
    s.bind_query(q, query);

    // Read the cases in order, handing each to take(stored_case&&); take returns false to stop.
    const auto read = [&q](auto&& take) {
        detail::event_decoder decoder;
        stored_case current;
        while (q.row()) {
            const std::int64_t id = q.integer(0);
            if (id != current.id) {
                if (current.id != 0 && !take(std::move(current))) return;
                current = stored_case(id, static_cast<std::uint64_t>(q.integer(3)));
            }
            current.add(q.integer(1), q.blob(2), decoder);
        }
        if (current.id != 0) take(std::move(current));
    };
    std::uint64_t visited = 0;
    const auto replay_and_visit = [&](stored_case&& r) -> bool {
        case_file c = std::move(r).replay();
        ++visited;
        return visit(std::move(c));
    };
    if (std::thread::hardware_concurrency() < 2) {
        read(replay_and_visit);
        return visited;
    }

    // The reader hands over batches of cases, in order; a fault while reading is
    // raised once the cases read before it are visited.
    detail::two_stage<stored_case>(
        [&](const std::function<bool(std::vector<stored_case>&&)>& hand_over) {
            std::vector<stored_case> batch;
            try {
                read([&](stored_case&& r) {
                    batch.push_back(std::move(r));
                    if (batch.size() < 64) return true;
                    return hand_over(std::exchange(batch, {}));
                });
            } catch (...) {
                hand_over(std::move(batch));
                throw;
            }
            if (!batch.empty()) hand_over(std::move(batch));
        },
        [&](std::vector<stored_case>& batch) {
            for (auto& r : batch)
                if (!replay_and_visit(std::move(r))) return false;
            return true;
        });
    return visited;
}

} // namespace

std::uint64_t case_store::for_each(const case_query& query, const std::function<bool(const case_file&)>& visit) const {
    return walk_cases(*impl_, query, [&visit](case_file&& c) { return visit(c); });
}

std::vector<case_file> case_store::load_all(const case_query& query) const {
    std::vector<case_file> out;
    walk_cases(*impl_, query, [&out](case_file&& c) {
        out.push_back(std::move(c));
        return true;
    });
    return out;
}

void case_store::put_ledger(case_id id, const disclosure_ledger& l, std::uint64_t expected_version) {
    const impl& s = *impl_;
    const std::int64_t key = key_of(id);
    const bytes archive = save_archive(l);
    impl::transaction t(s);
    s.require_case(key);
    const std::uint64_t stored = ledger_version(id);
    if (stored != expected_version)
        throw error(errc::conflict, "case " + std::to_string(key) + ": the stored ledger has " + std::to_string(stored) +
                                        " audit entries, the writer expected " + std::to_string(expected_version));
    if (l.audit().entries().size() < stored)
        throw error(errc::conflict, "case " + std::to_string(key) + ": the ledger is older than the stored one");
    impl::stmt up(s, "UPDATE cases SET ledger = ?, ledger_version = ? WHERE id = ?");
    up.bind(1, archive).bind(2, static_cast<std::int64_t>(l.audit().entries().size())).bind(3, key).done();
    t.commit();
}

std::uint64_t case_store::ledger_version(case_id id) const {
    impl::stmt q(*impl_, "SELECT ledger_version FROM cases WHERE id = ?");
    q.bind(1, key_of(id));
    return q.row() ? static_cast<std::uint64_t>(q.integer(0)) : 0;
}

disclosure_ledger case_store::load_ledger(case_id id, const case_file& c, const agency_directory& directory) const {
    impl::stmt q(*impl_, "SELECT ledger FROM cases WHERE id = ?");
    q.bind(1, key_of(id));
    if (!q.row() || q.null(0)) throw error(errc::not_found, "no ledger for case " + std::to_string(id.value()) + " in the store");
    const auto [p, n] = q.blob(0);
    return sfcore::load_ledger(p, n, c, directory);
}

void case_store::put_directory(const agency_directory& d) {
    const bytes archive = save_archive(d);
    impl::stmt q(*impl_, "INSERT INTO sfcore_meta(key, value) VALUES ('directory', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, archive).done();
}

agency_directory case_store::directory() const {
    impl::stmt q(*impl_, "SELECT value FROM sfcore_meta WHERE key = 'directory'");
    if (!q.row()) throw error(errc::not_found, "the store has no agency directory");
    const auto [p, n] = q.blob(0);
    return load_directory(p, n);
}

} // namespace sfcore
