// The case store over SQLite: WAL mode, one transaction per change,
// optimistic concurrency by journal version and head, and every row read
// back verified before it is believed.
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
#include "case_access.hpp"
#include "pipeline.hpp"
#include "sfcore/archive.hpp"
#include "upgrade.hpp"

namespace sfcore {

namespace {

constexpr int schema_version = 2;
constexpr std::int32_t store_application_id = 0x53464353;  // "SFCS"

const char* const schema_sql = R"sql(
CREATE TABLE sfcore_meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE cases(
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  head BLOB NOT NULL,
  state INTEGER NOT NULL,
  programme INTEGER NOT NULL,
  coordinator INTEGER,
  next_deadline INTEGER,
  seal_key TEXT,
  seal BLOB NOT NULL);
CREATE TABLE entries(
  case_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(case_id, seq)) WITHOUT ROWID;
CREATE INDEX cases_by_state ON cases(state);
CREATE INDEX cases_by_coordinator ON cases(coordinator);
CREATE INDEX cases_by_deadline ON cases(next_deadline);
)sql";

std::int64_t key_of(case_id id) {
    if (id.value() == 0 || id.value() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::invalid_argument, "a stored case id is between 1 and 2^63-1");
    return static_cast<std::int64_t>(id.value());
}

std::string case_name(std::int64_t id) { return "case " + std::to_string(id); }

// The WHERE clause of a case query over the cases table, with ?1..?4 bound by impl::bind_query().
std::string where_of(const case_query& query) {
    std::string sql = " WHERE 1";
    if (query.state) sql += " AND state = ?1";
    if (query.programme) sql += " AND programme = ?2";
    if (query.coordinator) sql += " AND coordinator = ?3";
    if (query.overdue_on) sql += " AND next_deadline < ?4";
    return sql;
}

// A summary row, as stored.
struct summary_row {
    std::int64_t id = 0;
    std::uint64_t version = 0;
    digest head{};
    std::int64_t state = 0, programme = 0;
    std::optional<std::int64_t> coordinator, deadline;
    std::optional<std::string> seal_key;
    digest seal{};
};

// What a summary row's seal covers: every field, so none can change alone.
bytes seal_message(const summary_row& r) {
    bytes m(16);
    std::memcpy(m.data(), "sfcore case row2", 16);
    const auto put = [&m](std::uint64_t v) {
        for (int i = 0; i < 8; ++i) m.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    put(static_cast<std::uint64_t>(r.id));
    put(r.version);
    m.insert(m.end(), r.head.begin(), r.head.end());
    put(static_cast<std::uint64_t>(r.state));
    put(static_cast<std::uint64_t>(r.programme));
    put(r.coordinator ? 1 : 0);
    put(static_cast<std::uint64_t>(r.coordinator.value_or(0)));
    put(r.deadline ? 1 : 0);
    put(static_cast<std::uint64_t>(r.deadline.value_or(0)));
    return m;
}

digest seal_with_key(const summary_row& r, const sealing_key* key) {
    const bytes m = seal_message(r);
    return key ? hmac_sha256(key->secret, m.data(), m.size()) : sha256().update(m.data(), m.size()).finish();
}

// A case's entries as read from the store, checked as they come: in order,
// with no gap, each hashing to its own hash from the one before (so the
// chain is verified from the bytes themselves).
struct stored_case {
    summary_row row;
    std::vector<event> journal;
    digest prev{};

    stored_case() = default;
    explicit stored_case(summary_row r) : row(std::move(r)) {
        journal.reserve(std::min<std::uint64_t>(row.version, 4096));  // a damaged count must not allocate
        prev = journal_genesis(case_id{static_cast<std::uint64_t>(row.id)});
    }
    void add(std::int64_t seq, std::pair<const std::uint8_t*, std::size_t> data) {
        // The entry's name, for an error only (not built for every entry read).
        const auto where = [&] { return case_name(row.id) + ": entry " + std::to_string(journal.size() + 1); };
        if (static_cast<std::uint64_t>(seq) != journal.size() + 1)
            throw error(errc::integrity, where() + " is missing");
        event e;
        try {
            e = detail::decode_entry(data.first, data.second);
        } catch (const error& x) {
            throw error(x.code(), "store: " + where() + ": " + x.detail());
        }
        if (e.seq != journal.size() + 1) throw error(errc::integrity, where() + " is numbered " + std::to_string(e.seq));
        if (detail::chain_hash(prev, data.first, data.second) != e.hash)
            throw error(errc::integrity, where() + " does not verify: it was changed after it was written");
        if (!journal.empty() && e.recorded < journal.back().recorded)
            throw error(errc::integrity, where() + " was recorded before the entry before it");
        prev = e.hash;
        journal.push_back(std::move(e));
    }
    case_file replay() && {
        const std::string name = case_name(row.id);
        if (journal.size() != row.version)
            throw error(errc::integrity, name + " has " + std::to_string(journal.size()) + " entries, its summary says " +
                                             std::to_string(row.version) + ": entries were lost or the summary changed");
        if (prev != row.head) throw error(errc::integrity, name + ": its journal's head is not the one its summary holds");
        case_file c = [&] {
            try {
                return detail::case_access::replay_chained(case_id{static_cast<std::uint64_t>(row.id)}, std::move(journal));
            } catch (const error& e) {
                if (e.code() == errc::integrity) throw;
                throw error(errc::malformed, "store: " + name + ": the journal does not replay: " + e.detail());
            }
        }();
        const auto coordinator = c.roles().coordinator;
        if (static_cast<std::int64_t>(c.state()) != row.state ||
            static_cast<std::int64_t>(c.programme()) != row.programme ||
            coordinator.has_value() != row.coordinator.has_value() ||
            (coordinator && static_cast<std::int64_t>(coordinator->value()) != *row.coordinator))
            throw error(errc::integrity, name + ": its summary row does not agree with its journal");
        return c;
    }
};

} // namespace

struct case_store::impl {
    sqlite3* db = nullptr;
    store_options options;
    std::string path;
    const sealing_key* seal_key = nullptr;  // the key new seals use

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
        stmt& bind(int i, const std::uint8_t* p, std::size_t n) {
            check(sqlite3_bind_blob64(st, i, p, n, SQLITE_TRANSIENT));
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
        void reset() { sqlite3_reset(st); }
        std::int64_t integer(int i) const { return sqlite3_column_int64(st, i); }
        bool null(int i) const { return sqlite3_column_type(st, i) == SQLITE_NULL; }
        std::pair<const std::uint8_t*, std::size_t> blob(int i) const {
            const void* p = sqlite3_column_blob(st, i);
            return {static_cast<const std::uint8_t*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i))};
        }
        std::string text(int i) const {
            const auto* p = sqlite3_column_text(st, i);
            return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
                     : std::string();
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

    static constexpr const char* row_columns = "id, version, head, state, programme, coordinator, next_deadline, seal_key, seal";

    // A summary row from columns 0..8 (as row_columns), checked against its seal.
    summary_row read_row(const stmt& q, int first = 0, bool unsealed_ok = false) const {
        summary_row r;
        r.id = q.integer(first);
        const std::string name = case_name(r.id);
        const std::int64_t version = q.integer(first + 1);
        const auto head = q.blob(first + 2);
        const auto seal = q.blob(first + 8);
        if (version < 1 || head.second != 32 || seal.second != 32)
            throw error(errc::integrity, name + ": its summary row is damaged");
        r.version = static_cast<std::uint64_t>(version);
        std::memcpy(r.head.data(), head.first, 32);
        r.state = q.integer(first + 3);
        r.programme = q.integer(first + 4);
        if (!q.null(first + 5)) r.coordinator = q.integer(first + 5);
        if (!q.null(first + 6)) r.deadline = q.integer(first + 6);
        if (!q.null(first + 7)) r.seal_key = q.text(first + 7);
        std::memcpy(r.seal.data(), seal.first, 32);
        check_seal(r, unsealed_ok);
        return r;
    }

    void check_seal(const summary_row& r, bool unsealed_ok) const {
        const std::string name = case_name(r.id);
        const sealing_key* key = nullptr;
        if (r.seal_key) {
            key = find_key(options.keys, *r.seal_key);
            if (!key)
                throw error(errc::key_error, name + ": its summary is sealed with key \"" + *r.seal_key + "\", which was not given");
        } else if (!options.keys.empty() && !unsealed_ok) {
            throw error(errc::key_error, name + ": its summary is not sealed, and this store's cases must be");
        }
        if (seal_with_key(r, key) != r.seal)
            throw error(key ? errc::key_error : errc::integrity,
                        name + ": its summary row " + (key ? "does not match its seal" : "does not match its checksum") +
                            ": it was changed");
    }

    std::optional<summary_row> row_of(std::int64_t id) const {
        const std::string sql = std::string("SELECT ") + row_columns + " FROM cases WHERE id = ?";
        stmt q(*this, sql.c_str());
        q.bind(1, id);
        if (!q.row()) return std::nullopt;
        return read_row(q);
    }

    void write_row(summary_row r) const {
        r.seal_key.reset();
        if (seal_key) r.seal_key = seal_key->id;
        r.seal = seal_with_key(r, seal_key);
        stmt up(*this, "INSERT INTO cases(id, version, head, state, programme, coordinator, next_deadline, seal_key, seal) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET version = ?2, head = ?3, "
                       "state = ?4, programme = ?5, coordinator = ?6, next_deadline = ?7, seal_key = ?8, seal = ?9");
        up.bind(1, r.id).bind(2, static_cast<std::int64_t>(r.version)).bind(3, r.head.data(), 32).bind(4, r.state).bind(5, r.programme);
        if (r.coordinator) up.bind(6, *r.coordinator);
        else up.bind_null(6);
        if (r.deadline) up.bind(7, *r.deadline);
        else up.bind_null(7);
        if (r.seal_key) up.bind(8, *r.seal_key);
        else up.bind_null(8);
        up.bind(9, r.seal.data(), 32).done();
    }

    summary_row summary_of(const case_file& c) const {
        summary_row r;
        r.id = key_of(c.id());
        const journal_head h = c.head();
        r.version = h.seq;
        r.head = h.hash;
        r.state = static_cast<std::int64_t>(c.state());
        r.programme = static_cast<std::int64_t>(c.programme());
        if (c.roles().coordinator) r.coordinator = static_cast<std::int64_t>(c.roles().coordinator->value());
        if (const auto d = next_deadline(c, options.calendar, options.timeframes)) r.deadline = to_yyyymmdd(*d);
        return r;
    }

    // Bind a case query's conditions to ?1..?4 (see where_of()).
    void bind_query(stmt& q, const case_query& query) const {
        if (query.state) q.bind(1, static_cast<std::int64_t>(*query.state));
        if (query.programme) q.bind(2, static_cast<std::int64_t>(*query.programme));
        if (query.coordinator) q.bind(3, static_cast<std::int64_t>(query.coordinator->value()));
        if (query.overdue_on) q.bind(4, static_cast<std::int64_t>(to_yyyymmdd(checked_date(*query.overdue_on))));
    }

    case_file load(std::int64_t key) const {
        stored_case stored;
        {
            const read_snapshot snapshot(*this);
            auto row = row_of(key);
            if (!row) throw error(errc::not_found, "no " + case_name(key) + " in the store");
            stored = stored_case(std::move(*row));
            stmt q(*this, "SELECT seq, data FROM entries WHERE case_id = ? ORDER BY seq");
            q.bind(1, key);
            while (q.row()) stored.add(q.integer(0), q.blob(1));
        }
        return std::move(stored).replay();
    }

    void convert_v1();
};

case_store::case_store(const std::string& path, store_options options) : impl_(std::make_unique<impl>()) {
    impl& s = *impl_;
    s.options = std::move(options);
    s.path = path;
    for (const auto& k : s.options.keys) check_key(k);
    if (!s.options.keys.empty()) {
        s.seal_key = s.options.seal_with.empty() ? &s.options.keys.front() : find_key(s.options.keys, s.options.seal_with);
        if (!s.seal_key) throw error(errc::key_error, "store: seal_with names key \"" + s.options.seal_with + "\", which is not among the keys");
    } else if (!s.options.seal_with.empty()) {
        throw error(errc::key_error, "store: seal_with names a key, and no keys were given");
    }
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &s.db, flags, s.options.vfs.empty() ? nullptr : s.options.vfs.c_str());
    if (rc != SQLITE_OK) s.fail(rc, "store: open");
    sqlite3_extended_result_codes(s.db, 1);
    sqlite3_busy_timeout(s.db, s.options.busy_timeout_ms);

    // Whose file is it? Only an empty file becomes a store; another
    // application's database is refused before anything is written to it.
    const auto integer = [&s](const char* sql) {
        impl::stmt q(s, sql);
        return q.row() ? q.integer(0) : 0;
    };
    const std::int64_t app = integer("PRAGMA application_id");
    const std::int64_t tables = integer("SELECT count(*) FROM sqlite_master");
    bool v1 = false;
    if (app == 0 && tables > 0) {
        const bool meta = integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sfcore_meta'") == 1;
        v1 = meta && integer("SELECT count(*) FROM sfcore_meta WHERE key = 'schema' AND value = 1") == 1 &&
             integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cases', 'events')") == 2;
        if (!v1) throw error(errc::malformed, "store: " + path + " is not an sfcore store (another application's database)");
    } else if (app != 0 && app != store_application_id) {
        throw error(errc::malformed, "store: " + path + " is not an sfcore store (its application id is another's)");
    }
    {
        // journal_mode answers with the mode in force (memory for ":memory:").
        impl::stmt q(s, "PRAGMA journal_mode=WAL");
        q.row();
    }
    s.exec(s.options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    if (v1) {
        s.convert_v1();
        return;
    }
    impl::transaction t(s);
    if (integer("PRAGMA application_id") == 0) {
        s.exec(schema_sql);
        s.exec(("PRAGMA application_id = " + std::to_string(store_application_id)).c_str());
        impl::stmt put(s, "INSERT INTO sfcore_meta(key, value) VALUES ('schema', ?)");
        put.bind(1, std::int64_t{schema_version}).done();
    } else {
        const std::int64_t v = integer("SELECT value FROM sfcore_meta WHERE key = 'schema'");
        if (v > schema_version)
            throw error(errc::unsupported_version, "store: schema version " + std::to_string(v) +
                                                       " is newer than this library reads (" +
                                                       std::to_string(schema_version) + ")");
        if (v != schema_version) throw error(errc::malformed, "store: schema version " + std::to_string(v));
    }
    t.commit();
}

// An sfcore 0.1 store: each case's events and ledger made one journal, all in
// one transaction (a case that does not convert leaves the file as it was).
void case_store::impl::convert_v1() {
    transaction t(*this);
    agency_directory dir;
    {
        stmt q(*this, "SELECT value FROM sfcore_meta WHERE key = 'directory'");
        if (q.row()) {
            const auto [p, n] = q.blob(0);
            dir = load_directory(p, n);
        }
    }
    exec("ALTER TABLE cases RENAME TO cases_v1; ALTER TABLE events RENAME TO events_v1;"
         "DROP INDEX IF EXISTS cases_by_state; DROP INDEX IF EXISTS cases_by_coordinator; DROP INDEX IF EXISTS cases_by_deadline;"
         "DELETE FROM sfcore_meta WHERE key = 'schema';");
    exec(std::string(schema_sql).substr(std::string(schema_sql).find("CREATE TABLE cases")).c_str());
    stmt cases(*this, "SELECT id, ledger FROM cases_v1 ORDER BY id");
    stmt events(*this, "SELECT seq, data FROM events_v1 WHERE case_id = ? ORDER BY seq");
    stmt ins(*this, "INSERT INTO entries(case_id, seq, data) VALUES (?, ?, ?)");
    bytes row;
    while (cases.row()) {
        const std::int64_t id = cases.integer(0);
        std::vector<event> journal;
        events.bind(1, id);
        while (events.row()) {
            if (static_cast<std::uint64_t>(events.integer(0)) != journal.size() + 1)
                throw error(errc::malformed, "store: converting " + case_name(id) + ": it has a gap in its events");
            const auto [p, n] = events.blob(1);
            journal.push_back(detail::decode_entry(p, n));
        }
        events.reset();
        const auto ledger = cases.null(1) ? std::pair<const std::uint8_t*, std::size_t>{nullptr, 0} : cases.blob(1);
        const case_file c = detail::upgrade_v1_case(case_id{static_cast<std::uint64_t>(id)}, std::move(journal),
                                                    ledger.first, ledger.second, dir);
        for (const auto& e : c.journal()) {
            row.clear();
            detail::encode_entry(row, e);
            ins.bind(1, id).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, row.data(), row.size()).done();
            ins.reset();
        }
        write_row(summary_of(c));
    }
    exec("DROP TABLE cases_v1; DROP TABLE events_v1;");
    exec(("PRAGMA application_id = " + std::to_string(store_application_id)).c_str());
    stmt put(*this, "INSERT INTO sfcore_meta(key, value) VALUES ('schema', ?), ('converted_from', '0.1')");
    put.bind(1, std::int64_t{schema_version}).done();
    t.commit();
}

case_store::~case_store() = default;
case_store::case_store(case_store&&) noexcept = default;
case_store& case_store::operator=(case_store&&) noexcept = default;

journal_head case_store::append(const case_file& c, std::uint64_t expected_version) {
    const impl& s = *impl_;
    const std::int64_t id = key_of(c.id());
    const auto& journal = c.journal();
    if (expected_version > journal.size())
        throw error(errc::invalid_argument, "the case has " + std::to_string(journal.size()) +
                                                " entries, fewer than the version expected (" +
                                                std::to_string(expected_version) + ")");
    // Encode before the transaction: the lock is held only to write.
    bytes rows;
    std::vector<std::size_t> ends;
    ends.reserve(journal.size() - expected_version);
    for (std::size_t i = expected_version; i < journal.size(); ++i) {
        detail::encode_entry(rows, journal[i]);
        ends.push_back(rows.size());
    }
    const summary_row summary = s.summary_of(c);

    impl::transaction t(s);
    const auto stored = s.row_of(id);
    const std::uint64_t version = stored ? stored->version : 0;
    if (version != expected_version)
        throw error(errc::conflict, case_name(id) + ": the store holds " + std::to_string(version) +
                                        " entries, the writer expected " + std::to_string(expected_version));
    if (expected_version > 0 && stored->head != journal[expected_version - 1].hash)
        throw error(errc::conflict, case_name(id) + ": the writer's history differs from the store's");
    {
        impl::stmt ins(s, "INSERT INTO entries(case_id, seq, data) VALUES (?, ?, ?)");
        std::size_t from = 0;
        for (std::size_t k = 0; k < ends.size(); ++k) {
            ins.bind(1, id).bind(2, static_cast<std::int64_t>(expected_version + k + 1)).bind(3, rows.data() + from, ends[k] - from).done();
            ins.reset();
            from = ends[k];
        }
    }
    s.write_row(summary);
    t.commit();
    return c.head();
}

case_file case_store::load(case_id id) const { return impl_->load(key_of(id)); }

std::uint64_t case_store::version(case_id id) const {
    const auto row = impl_->row_of(key_of(id));
    return row ? row->version : 0;
}

std::uint64_t case_store::size() const {
    impl::stmt q(*impl_, "SELECT count(*) FROM cases");
    q.row();
    return static_cast<std::uint64_t>(q.integer(0));
}

std::vector<case_summary> case_store::list(const case_query& query) const {
    const impl& s = *impl_;
    const std::string sql = std::string("SELECT ") + impl::row_columns + " FROM cases" + where_of(query) + " ORDER BY id";
    impl::stmt q(s, sql.c_str());
    s.bind_query(q, query);
    std::vector<case_summary> out;
    while (q.row()) {
        const summary_row r = s.read_row(q);
        case_summary c;
        c.id = case_id{static_cast<std::uint64_t>(r.id)};
        c.version = r.version;
        c.head = {r.version, r.head};
        try {
            c.state = enum_from_int<state>(r.state);
            c.programme = enum_from_int<programme>(r.programme);
            if (r.coordinator) c.coordinator = practitioner_id{static_cast<std::uint32_t>(*r.coordinator)};
            if (r.deadline) c.next_deadline = date_from_yyyymmdd(static_cast<std::int32_t>(*r.deadline));
        } catch (const error& e) {
            throw error(errc::integrity, case_name(r.id) + ": its summary row is damaged: " + e.detail());
        }
        out.push_back(c);
    }
    return out;
}

namespace {

// Walk the cases of a query in one read: verify and replay each, and hand it
// to visit(case_file&&), which returns false to stop. Returns how many were
// visited. With two cores, a worker thread reads the rows and decodes and
// verifies the entries while the calling thread replays and visits, so
// visit() always runs on the caller's thread, in case order.
template <class Impl, class Visit>
std::uint64_t walk_cases(const Impl& s, const case_query& query, Visit&& visit) {
    const typename Impl::read_snapshot snapshot(s);
    // The entries of the matching cases, in (case, seq) order: the table's own order.
    const std::string sql = std::string("SELECT e.seq, e.data, ") +
                            "c.id, c.version, c.head, c.state, c.programme, c.coordinator, c.next_deadline, c.seal_key, c.seal "
                            "FROM entries e JOIN cases c ON c.id = e.case_id" +
                            where_of(query) + " ORDER BY e.case_id, e.seq";
    typename Impl::stmt q(s, sql.c_str());
    s.bind_query(q, query);

    // Read the cases in order, handing each to take(stored_case&&); take returns false to stop.
    const auto read = [&q, &s](auto&& take) {
        stored_case current;
        while (q.row()) {
            const std::int64_t id = q.integer(2);
            if (id != current.row.id) {
                if (current.row.id != 0 && !take(std::move(current))) return;
                current = stored_case(s.read_row(q, 2));
            }
            current.add(q.integer(0), q.blob(1));
        }
        if (current.row.id != 0) take(std::move(current));
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

store_checkpoint case_store::checkpoint() const {
    store_checkpoint out;
    for (const auto& c : list()) out.heads.emplace_back(c.id, c.head);
    return out;
}

store_verification case_store::verify(const store_checkpoint* kept) const {
    const impl& s = *impl_;
    store_verification out;
    {
        // SQLite's own check of the file: pages, and every index against its table.
        impl::stmt q(s, "PRAGMA integrity_check");
        if (q.row() && q.text(0) != "ok") throw error(errc::malformed, "store: the file is damaged: " + q.text(0));
    }
    std::vector<std::int64_t> ids;
    {
        impl::stmt q(s, "SELECT id FROM cases ORDER BY id");
        while (q.row()) ids.push_back(q.integer(0));
    }
    for (const std::int64_t id : ids) {
        ++out.cases;
        try {
            s.load(id);
        } catch (const error& e) {
            if (e.code() == errc::io_error) throw;
            out.damaged.emplace_back(case_id{static_cast<std::uint64_t>(id)}, e.detail());
        }
    }
    if (kept) {
        const auto damaged = [&out](case_id id) {
            return std::any_of(out.damaged.begin(), out.damaged.end(), [id](const auto& d) { return d.first == id; });
        };
        impl::stmt q(s, "SELECT data FROM entries WHERE case_id = ? AND seq = ?");
        for (const auto& [id, head] : kept->heads) {
            if (damaged(id)) continue;
            if (!std::binary_search(ids.begin(), ids.end(), key_of(id))) {
                out.damaged.emplace_back(id, case_name(key_of(id)) + " is missing from the store");
                continue;
            }
            if (head.seq == 0) continue;
            q.bind(1, key_of(id)).bind(2, static_cast<std::int64_t>(head.seq));
            const bool present = q.row();
            const auto data = present ? q.blob(0) : std::pair<const std::uint8_t*, std::size_t>{nullptr, 0};
            const bool same = present && data.second >= 32 && std::memcmp(data.first + data.second - 32, head.hash.data(), 32) == 0;
            q.reset();
            if (!present)
                out.damaged.emplace_back(id, case_name(key_of(id)) + " holds fewer entries than its kept head (" +
                                                 std::to_string(head.seq) + "): it was rolled back or lost writes");
            else if (!same)
                out.damaged.emplace_back(id, case_name(key_of(id)) + ": entry " + std::to_string(head.seq) +
                                                 " is not the kept head: the journal was rewritten or rolled back");
        }
    }
    std::sort(out.damaged.begin(), out.damaged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

std::uint64_t case_store::reseal() {
    const impl& s = *impl_;
    if (!s.seal_key) throw error(errc::key_error, "store: reseal needs keys");
    impl::transaction t(s);
    std::vector<summary_row> rows;
    {
        const std::string sql = std::string("SELECT ") + impl::row_columns + " FROM cases ORDER BY id";
        impl::stmt q(s, sql.c_str());
        while (q.row()) rows.push_back(s.read_row(q, 0, true));
    }
    for (const auto& r : rows) s.write_row(r);
    t.commit();
    return rows.size();
}

void case_store::put_directory(const agency_directory& d) {
    const bytes archive = save_archive(d);
    impl::stmt q(*impl_, "INSERT INTO sfcore_meta(key, value) VALUES ('directory', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, archive.data(), archive.size()).done();
}

agency_directory case_store::directory() const {
    impl::stmt q(*impl_, "SELECT value FROM sfcore_meta WHERE key = 'directory'");
    if (!q.row()) throw error(errc::not_found, "the store has no agency directory");
    const auto [p, n] = q.blob(0);
    return load_directory(p, n);
}

} // namespace sfcore
