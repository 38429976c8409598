// The case store's SQLite backend: one file in WAL mode, marked as an
// sfcore store by its application id; BEGIN IMMEDIATE takes the write lock
// for an append, so the version read inside it cannot change before the commit.
#include <chrono>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "archive_detail.hpp"
#include "sfcore/archive.hpp"
#include "store_backend.hpp"
#include "upgrade.hpp"

namespace sfcore::detail {

namespace {

constexpr int schema_version = 4;
constexpr std::int32_t store_application_id = 0x53464353;  // "SFCS"

// The schema's parts (store_backend.hpp) in SQLite's words.
std::string sqlite_part(std::size_t i) { return schema_sql(schema_parts[i], {"INTEGER", "BLOB", "TEXT", " WITHOUT ROWID"}); }
const std::string persons_sql = sqlite_part(1);    // schema 3
const std::string case_keys_sql = sqlite_part(2);  // schema 4
const std::string full_schema_sql = sqlite_part(0) + persons_sql + case_keys_sql;

class sqlite_connection;

class sqlite_statement final : public sql_statement {
public:
    sqlite_statement(const sqlite_connection& c, const std::string& sql);
    ~sqlite_statement() override { sqlite3_finalize(st_); }
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;

    sql_statement& bind(int i, std::int64_t v) override { return check(sqlite3_bind_int64(st_, i, v)); }
    sql_statement& bind_null(int i) override { return check(sqlite3_bind_null(st_, i)); }
    sql_statement& bind(int i, const std::uint8_t* p, std::size_t n) override {
        return check(sqlite3_bind_blob64(st_, i, p, n, SQLITE_TRANSIENT));
    }
    sql_statement& bind(int i, const std::string& t) override {
        return check(sqlite3_bind_text64(st_, i, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    bool row() override;
    void reset() override { sqlite3_reset(st_); }
    std::int64_t integer(int i) const override { return sqlite3_column_int64(st_, i); }
    bool null(int i) const override { return sqlite3_column_type(st_, i) == SQLITE_NULL; }
    blob_view blob(int i) const override {
        const void* p = sqlite3_column_blob(st_, i);
        return {static_cast<const std::uint8_t*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, i))};
    }
    std::string text(int i) const override {
        const auto* p = sqlite3_column_text(st_, i);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, i)))
                 : std::string();
    }

private:
    sql_statement& check(int rc);
    const sqlite_connection& c_;
    sqlite3_stmt* st_ = nullptr;
};

class sqlite_connection final : public sql_connection {
public:
    sqlite_connection(const std::string& path, const store_options& options) : name_(path) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, options.vfs.empty() ? nullptr : options.vfs.c_str());
        if (rc != SQLITE_OK) {
            // SQLite gives a handle even when it cannot open: it says why, then it is closed.
            try {
                fail(rc, "store: open");
            } catch (...) {
                sqlite3_close_v2(db_);
                db_ = nullptr;
                throw;
            }
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    }
    ~sqlite_connection() override {
        if (db_) sqlite3_close_v2(db_);
    }
    sqlite_connection(const sqlite_connection&) = delete;
    sqlite_connection& operator=(const sqlite_connection&) = delete;

    [[noreturn]] void fail(int rc, const std::string& what) const {
        const std::string detail = what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) + " (" + name_ + ")";
        switch (rc & 0xff) {
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: throw error(errc::malformed, "store: " + detail);
        default: throw error(errc::io_error, detail);
        }
    }

    sqlite3* db() const noexcept { return db_; }

    std::unique_ptr<sql_statement> prepare(const std::string& sql) override {
        return std::make_unique<sqlite_statement>(*this, sql);
    }
    void exec(const std::string& sql) override {
        char* msg = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK) fail(rc, "store: " + sql);
    }
    void begin_read() override { exec("BEGIN"); }
    void begin_write() override { exec("BEGIN IMMEDIATE"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    const char* lock_row_clause() const noexcept override { return ""; }
    void announce(std::int64_t, std::uint64_t) override {}
    void forget_overwritten() override {
        // The write-ahead log holds old images of the pages changed: copy them into the file (where secure_delete
        // has overwritten the old content) and truncate the log. A reader holding a snapshot may keep it for now.
        sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    }
    void check_storage() override {
        // SQLite's own check of the file: pages, and every index against its table.
        sqlite_statement q(*this, "PRAGMA integrity_check");
        if (q.row() && q.text(0) != "ok") throw error(errc::malformed, "store: the file is damaged: " + q.text(0));
    }
    void follow() override {
        throw error(errc::invalid_argument, "store: an SQLite store has no change feed (" + name_ +
                                                "): its writers share one host; a PostgreSQL store has one");
    }
    std::optional<store_change> next_change(int) override { follow(); return std::nullopt; }
    const char* backend() const noexcept override { return "sqlite"; }
    const std::string& name() const noexcept override { return name_; }

    std::int64_t integer(const char* sql) {
        sqlite_statement q(*this, sql);
        return q.row() ? q.integer(0) : 0;
    }

private:
    sqlite3* db_ = nullptr;
    std::string name_;
};

sqlite_statement::sqlite_statement(const sqlite_connection& c, const std::string& sql) : c_(c) {
    const int rc = sqlite3_prepare_v2(c.db(), sql.c_str(), -1, &st_, nullptr);
    if (rc != SQLITE_OK) c.fail(rc, "store: prepare");
}

sql_statement& sqlite_statement::check(int rc) {
    if (rc != SQLITE_OK) c_.fail(rc, "store: bind");
    return *this;
}

bool sqlite_statement::row() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    c_.fail(rc, "store: step");
}

std::string case_name(std::int64_t id) { return "case " + std::to_string(id); }

// An sfcore 0.1 store: each case's events and ledger made one journal, all in
// one transaction (a case that does not convert leaves the file as it was).
void convert_v1(sqlite_connection& db, const std::function<void(sql_connection&, const case_file&)>& write_summary) {
    write_transaction t(db);
    if (db.integer("PRAGMA application_id") == store_application_id) return;  // another opener converted it first
    agency_directory dir;
    {
        sqlite_statement q(db, "SELECT value FROM sfcore_meta WHERE key = 'directory'");
        if (q.row()) {
            const auto [p, n] = q.blob(0);
            dir = load_directory(p, n);
        }
    }
    db.exec("ALTER TABLE cases RENAME TO cases_v1; ALTER TABLE events RENAME TO events_v1;"
            "DROP INDEX IF EXISTS cases_by_state; DROP INDEX IF EXISTS cases_by_coordinator; DROP INDEX IF EXISTS cases_by_deadline;"
            "DELETE FROM sfcore_meta WHERE key = 'schema';");
    db.exec(full_schema_sql.substr(full_schema_sql.find("CREATE TABLE cases")));
    sqlite_statement cases(db, "SELECT id, ledger FROM cases_v1 ORDER BY id");
    sqlite_statement events(db, "SELECT seq, data FROM events_v1 WHERE case_id = ? ORDER BY seq");
    sqlite_statement ins(db, "INSERT INTO entries(case_id, seq, data) VALUES (?, ?, ?)");
    bytes row;
    while (cases.row()) {
        const std::int64_t id = cases.integer(0);
        std::vector<event> journal;
        events.bind(1, id);
        while (events.row()) {
            if (static_cast<std::uint64_t>(events.integer(0)) != journal.size() + 1)
                throw error(errc::malformed, "store: converting " + case_name(id) + ": it has a gap in its events");
            const auto [p, n] = events.blob(1);
            journal.push_back(decode_entry(p, n));
        }
        events.reset();
        const auto ledger = cases.null(1) ? blob_view{nullptr, 0} : cases.blob(1);
        const case_file c = upgrade_v1_case(case_id{static_cast<std::uint64_t>(id)}, std::move(journal), ledger.first,
                                            ledger.second, dir);
        for (const auto& e : c.journal()) {
            row.clear();
            encode_entry(row, e);
            ins.bind(1, id).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, row.data(), row.size()).done();
            ins.reset();
        }
        write_summary(db, c);
    }
    db.exec("DROP TABLE cases_v1; DROP TABLE events_v1;");
    db.exec("PRAGMA application_id = " + std::to_string(store_application_id));
    sqlite_statement put(db, "INSERT INTO sfcore_meta(key, value) VALUES ('schema', ?), ('converted_from', '0.1')");
    put.bind(1, std::int64_t{schema_version}).done();
    t.commit();
}

} // namespace

int sqlite_schema_version() noexcept { return schema_version; }

// Write-ahead logging, so readers never wait for the writer. Switching to it
// needs the file to itself for a moment: while another opener holds the
// write lock (making the schema, or appending), SQLite answers "busy" at once
// rather than wait, as waiting could deadlock. So the switch is tried again
// until busy_timeout_ms has passed. journal_mode answers with the mode in
// force (memory for ":memory:").
void use_wal(const sqlite_connection& db, int busy_timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        sqlite3_stmt* st = nullptr;
        if (const int rc = sqlite3_prepare_v2(db.db(), "PRAGMA journal_mode=WAL", -1, &st, nullptr); rc != SQLITE_OK)
            db.fail(rc, "store: prepare");
        const int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE) return;
        if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) db.fail(rc, "store: journal mode");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::unique_ptr<sql_connection> open_sqlite_store(const std::string& path, const store_options& options,
                                                  const std::function<void(sql_connection&, const case_file&)>& write_summary) {
    auto conn = std::make_unique<sqlite_connection>(path, options);
    sqlite_connection& db = *conn;
    bool v1 = false;
    {
        // Whose file is it? Only an empty file becomes a store; another
        // application's database is refused before anything is written to
        // it. Asked with the write lock held, so a file that another opener
        // is making a store this moment is looked at once it is made.
        write_transaction t(db);
        const std::int64_t app = db.integer("PRAGMA application_id");
        const std::int64_t tables = db.integer("SELECT count(*) FROM sqlite_master");
        if (app == 0 && tables > 0) {
            const bool meta = db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sfcore_meta'") == 1;
            v1 = meta && db.integer("SELECT count(*) FROM sfcore_meta WHERE key = 'schema' AND value = 1") == 1 &&
                 db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cases', 'events')") == 2;
            if (!v1) throw error(errc::malformed, "store: " + path + " is not an sfcore store (another application's database)");
        } else if (app != 0 && app != store_application_id) {
            throw error(errc::malformed, "store: " + path + " is not an sfcore store (its application id is another's)");
        } else if (app == 0) {
            db.exec(full_schema_sql);
            db.exec("PRAGMA application_id = " + std::to_string(store_application_id));
            sqlite_statement put(db, "INSERT INTO sfcore_meta(key, value) VALUES ('schema', ?)");
            put.bind(1, std::int64_t{schema_version}).done();
        } else {
            const std::int64_t v = db.integer("SELECT value FROM sfcore_meta WHERE key = 'schema'");
            if (v > schema_version)
                throw error(errc::unsupported_version, "store: schema version " + std::to_string(v) +
                                                           " is newer than this library reads (" +
                                                           std::to_string(schema_version) + ")");
            if (v == 2 || v == 3) {
                // A store of sfcore 0.2 has no person links (no entry could make one), and neither has an encrypted
                // case: the new tables start empty.
                db.exec((v == 2 ? persons_sql : std::string()) + case_keys_sql + "UPDATE sfcore_meta SET value = 4 WHERE key = 'schema';");
            } else if (v != schema_version) {
                throw error(errc::malformed, "store: schema version " + std::to_string(v));
            }
        }
        t.commit();
    }
    use_wal(db, options.busy_timeout_ms);
    db.exec(options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA secure_delete=ON");  // a deleted case key is overwritten, not left in a free page
    if (v1) convert_v1(db, write_summary);
    return conn;
}

} // namespace sfcore::detail
