// The case store's PostgreSQL backend, through libpq: parameters and rows in
// binary form, rows streamed one at a time (single-row mode), an append's
// case row held with SELECT … FOR UPDATE (appends to other cases never
// wait), a unique key on (case, seq) so two writers of a new case cannot
// both land, NOTIFY for the change feed, and the schema made and upgraded
// only by migrate(), under an advisory lock.
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <poll.h>

#include <libpq-fe.h>

#include "store_backend.hpp"

namespace sfcore::detail {

namespace {

constexpr Oid int8_oid = 20, bytea_oid = 17, text_oid = 25;
constexpr std::int64_t migration_lock = 0x7366636f72654d31;  // "sfcoreM1"

// The schema, one migration a version (its parts in store_backend.hpp, in order), applied by migrate().
constexpr int schema_version = static_cast<int>(std::size(schema_parts));

// ?N (and ? numbered in order) as PostgreSQL's $N.
std::string dollar_parameters(const std::string& sql) {
    std::string out;
    out.reserve(sql.size() + 8);
    int next = 1;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] != '?') {
            out += sql[i];
            continue;
        }
        out += '$';
        if (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) continue;
        out += std::to_string(next++);
    }
    return out;
}

// A server result, cleared when it goes out of scope (also when an error is thrown).
using result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::uint64_t big_endian(const char* p, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<std::uint8_t>(p[i]);
    return v;
}

// Which store, for errors: host, port and database, never the password.
std::string describe(const std::string& location) {
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(location.c_str(), &message);
    if (!options) {
        const std::string why = message ? message : "it does not parse";
        PQfreemem(message);
        throw error(errc::invalid_argument, "store: not a PostgreSQL connection string: " + why);
    }
    std::string out = "postgresql:";
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val && *o->val && (!std::strcmp(o->keyword, "host") || !std::strcmp(o->keyword, "port") ||
                                  !std::strcmp(o->keyword, "dbname") || !std::strcmp(o->keyword, "user")))
            out += std::string(" ") + o->keyword + "=" + o->val;
    PQconninfoFree(options);
    return out;
}

class pg_connection;

class pg_statement final : public sql_statement {
public:
    pg_statement(pg_connection& c, const std::string& sql) : c_(c), sql_(dollar_parameters(sql)) {}
    ~pg_statement() override { finish(); }
    pg_statement(const pg_statement&) = delete;
    pg_statement& operator=(const pg_statement&) = delete;

    sql_statement& bind(int i, std::int64_t v) override {
        std::string b(8, '\0');
        for (int k = 0; k < 8; ++k) b[static_cast<std::size_t>(k)] = static_cast<char>(static_cast<std::uint64_t>(v) >> (56 - 8 * k));
        return set(i, int8_oid, std::move(b), false);
    }
    sql_statement& bind_null(int i) override { return set(i, 0, {}, true); }
    sql_statement& bind(int i, const std::uint8_t* p, std::size_t n) override {
        return set(i, bytea_oid, std::string(reinterpret_cast<const char*>(p), n), false);
    }
    sql_statement& bind(int i, const std::string& t) override { return set(i, text_oid, t, false); }
    bool row() override;
    void reset() override {
        finish();
        params_.clear();
        started_ = finished_ = false;
    }
    std::int64_t integer(int i) const override {
        if (PQgetisnull(current_, 0, i)) return 0;
        const int n = PQgetlength(current_, 0, i);
        const char* p = PQgetvalue(current_, 0, i);
        switch (n) {
        case 8: return static_cast<std::int64_t>(big_endian(p, 8));
        case 4: return static_cast<std::int32_t>(big_endian(p, 4));
        case 2: return static_cast<std::int16_t>(big_endian(p, 2));
        default: throw error(errc::malformed, "store: a number column of " + std::to_string(n) + " bytes");
        }
    }
    bool null(int i) const override { return PQgetisnull(current_, 0, i) != 0; }
    blob_view blob(int i) const override {
        return {reinterpret_cast<const std::uint8_t*>(PQgetvalue(current_, 0, i)),
                static_cast<std::size_t>(PQgetlength(current_, 0, i))};
    }
    std::string text(int i) const override {
        return std::string(PQgetvalue(current_, 0, i), static_cast<std::size_t>(PQgetlength(current_, 0, i)));
    }

private:
    // A parameter never bound (the query does not use it) is sent as a null
    // bigint; one bound to null takes its type from where it is used.
    struct param {
        Oid type = int8_oid;
        std::string value;
        bool null = true;
    };
    sql_statement& set(int i, Oid type, std::string value, bool null) {
        if (i < 1) throw error(errc::internal, "store: parameter " + std::to_string(i));
        if (params_.size() < static_cast<std::size_t>(i)) params_.resize(static_cast<std::size_t>(i));
        params_[static_cast<std::size_t>(i - 1)] = {type, std::move(value), null};
        return *this;
    }
    void finish() noexcept;

    pg_connection& c_;
    std::string sql_;
    std::vector<param> params_;
    bool started_ = false, finished_ = false;
    PGresult* current_ = nullptr;
};

class pg_connection final : public sql_connection {
public:
    pg_connection(const std::string& location, const store_options& options)
        : location_(location), name_(describe(location)), options_(options) {
        if (!options.vfs.empty()) throw error(errc::invalid_argument, "store: a VFS is SQLite's; " + name_ + " is PostgreSQL");
        conn_ = PQconnectdb(location.c_str());
        if (!conn_) throw error(errc::out_of_memory, "store: libpq could not allocate a connection");
        if (PQstatus(conn_) != CONNECTION_OK) {
            const std::string why = PQerrorMessage(conn_);
            PQfinish(conn_);
            conn_ = nullptr;
            throw error(errc::io_error, "store: cannot connect to " + name_ + ": " + trimmed(why));
        }
        try {
            set_up();
        } catch (...) {
            PQfinish(conn_);  // the destructor does not run for an object not made
            conn_ = nullptr;
            throw;
        }
    }
    ~pg_connection() override {
        if (conn_) PQfinish(conn_);
    }
    pg_connection(const pg_connection&) = delete;
    pg_connection& operator=(const pg_connection&) = delete;

    PGconn* conn() const noexcept { return conn_; }

    static std::string trimmed(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    }

    // An error from the server or the connection, as the store's error.
    [[noreturn]] void fail(const PGresult* r, const std::string& what) {
        const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        const std::string code = state ? state : "";
        std::string message = trimmed(r && PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
        const bool lost = PQstatus(conn_) != CONNECTION_OK || code.rfind("08", 0) == 0 || code == "57P01" ||
                          code == "57P02" || code == "57P03";
        const std::string where = "store: " + what + " (" + name_ + "): ";
        if (lost) {
            const bool committing = what == "commit";
            throw error(errc::io_error,
                        where + "the connection to the server was lost (" + message + "); " +
                            (committing ? "whether the commit landed is not known: load the case before trying again"
                                        : "nothing of this call was stored: it can be tried again"));
        }
        if (code == "23505" || code == "40001" || code == "40P01")
            throw error(errc::conflict, where + "another writer changed the case first (" + message + ")");
        if (code == "55P03") throw error(errc::io_error, where + "waited too long for another writer's lock (" + message + ")");
        if (code == "57014") throw error(errc::io_error, where + "the statement timed out and changed nothing (" + message + ")");
        if (code == "XX001" || code == "XX002") throw error(errc::malformed, where + "the server's storage is damaged (" + message + ")");
        throw error(errc::io_error, where + message + (code.empty() ? "" : " [" + code + "]"));
    }

    // Make sure the connection is up: a connection lost between calls is
    // opened again (never inside a transaction, whose work the server dropped).
    void ensure_connected() {
        if (PQstatus(conn_) == CONNECTION_OK) return;
        following_ = false;
        PQreset(conn_);
        if (PQstatus(conn_) != CONNECTION_OK)
            throw error(errc::io_error, "store: cannot reach " + name_ + ": " + trimmed(PQerrorMessage(conn_)));
        set_up();
    }

    std::unique_ptr<sql_statement> prepare(const std::string& sql) override {
        if (!in_transaction_) ensure_connected();
        return std::make_unique<pg_statement>(*this, sql);
    }
    void exec(const std::string& sql) override {
        const result r(PQexec(conn_, sql.c_str()), PQclear);
        const ExecStatusType st = PQresultStatus(r.get());
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(r.get(), sql.size() > 40 ? sql.substr(0, 40) + "…" : sql);
    }
    void begin_read() override {
        ensure_connected();
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        in_transaction_ = true;
    }
    void begin_write() override {
        ensure_connected();
        exec("BEGIN");
        in_transaction_ = true;
    }
    void commit() override {
        in_transaction_ = false;
        // COMMIT of a transaction the server already failed answers ROLLBACK, not an error.
        const result r(PQexec(conn_, "COMMIT"), PQclear);
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail(r.get(), "commit");
        if (std::strcmp(PQcmdStatus(r.get()), "COMMIT") != 0)
            throw error(errc::conflict, "store: commit (" + name_ + "): the server rolled the transaction back");
    }
    void rollback() noexcept override {
        if (!in_transaction_) return;
        in_transaction_ = false;
        if (PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
    }
    const char* lock_row_clause() const noexcept override { return " FOR UPDATE"; }
    void announce(std::int64_t id, std::uint64_t version) override {
        auto q = prepare("SELECT pg_notify(?1, ?2)");
        q->bind(1, channel_).bind(2, std::to_string(id) + ":" + std::to_string(version));
        q->discard_rows();
    }
    void check_storage() override {
        // The server checks its own pages (and their checksums, where the
        // cluster has them) as it reads them; here, that it answers.
        auto q = prepare("SELECT 1");
        q->discard_rows();
    }
    void follow() override {
        ensure_connected();
        char* quoted = PQescapeIdentifier(conn_, channel_.c_str(), channel_.size());
        if (!quoted) fail(nullptr, "follow");
        const std::string listen = std::string("LISTEN ") + quoted;
        PQfreemem(quoted);
        exec(listen);
        following_ = true;
    }
    std::optional<store_change> next_change(int timeout_ms) override {
        if (!following_)
            throw error(errc::invalid_argument, "store: " + name_ + ": not following (the connection was lost, or "
                                                "follow() was not called): follow() again, then reload what matters");
        // Wait until the deadline, reading what comes: a server message that
        // ends the connection is read first, and its close on the next pass.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
        for (;;) {
            if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK) {
                following_ = false;
                fail(nullptr, "following the store's changes");
            }
            if (PGnotify* n = PQnotifies(conn_)) {
                const std::string payload = n->extra ? n->extra : "";
                const bool ours = channel_ == n->relname;
                PQfreemem(n);
                if (!ours) continue;
                return parse_change(payload);
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd p{PQsocket(conn_), POLLIN, 0};
            const int waited = ::poll(&p, 1, static_cast<int>(left.count()));
            if (waited < 0 && errno != EINTR)
                throw error(errc::io_error, "store: waiting for a change (" + name_ + "): poll failed");
            if (waited == 0) return std::nullopt;
        }
    }
    const char* backend() const noexcept override { return "postgresql"; }
    const std::string& name() const noexcept override { return name_; }

    // The schema version the database is at (0: none), and whether any of the store's tables is there.
    std::pair<int, bool> schema() {
        auto q = prepare("SELECT to_regclass('sfcore_migrations') IS NOT NULL, "
                         "to_regclass('cases') IS NOT NULL OR to_regclass('entries') IS NOT NULL OR "
                         "to_regclass('sfcore_meta') IS NOT NULL");
        q->row();
        const blob_view has = q->blob(0), tables = q->blob(1);  // booleans: one byte each
        const bool migrations_table = has.second == 1 && has.first[0] != 0;
        const bool store_tables = tables.second == 1 && tables.first[0] != 0;
        q.reset();
        if (!migrations_table) return {0, store_tables};
        auto v = prepare("SELECT coalesce(max(version), 0)::bigint FROM sfcore_migrations");
        v->row();
        return {static_cast<int>(v->integer(0)), true};
    }

private:
    // Session settings, at every (re)connection.
    void set_up() {
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // the server's notices are not the host's output
        exec("SET lock_timeout = " + std::to_string(std::max(options_.busy_timeout_ms, 1)));
        exec(options_.durable ? "SET synchronous_commit = on" : "SET synchronous_commit = off");
        exec("SET client_min_messages = warning");
        // The change feed's channel: one per store (a database may hold several,
        // one to a schema), within the server's 63 bytes for a name.
        auto q = prepare("SELECT current_schema()");
        channel_ = ("sfcore:" + (q->row() ? q->text(0) : std::string())).substr(0, 63);
    }

    store_change parse_change(const std::string& payload) const {
        const auto colon = payload.find(':');
        const auto number = [&](std::string_view s) {
            if (s.empty() || s.size() > 19 || !std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                throw error(errc::malformed, "store: " + name_ + ": a change notice that is not the store's: \"" +
                                                 payload.substr(0, 40) + "\"");
            return std::stoull(std::string(s));
        };
        if (colon == std::string::npos) number("");
        const std::uint64_t id = number(std::string_view(payload).substr(0, colon));
        const std::uint64_t version = number(std::string_view(payload).substr(colon + 1));
        if (id == 0) number("");
        return {case_id{id}, version};
    }

    PGconn* conn_ = nullptr;
    std::string location_, name_, channel_;
    store_options options_;
    bool in_transaction_ = false, following_ = false;
};

bool pg_statement::row() {
    PGconn* conn = c_.conn();
    if (finished_) return false;
    if (!started_) {
        std::vector<const char*> values(params_.size());
        std::vector<int> lengths(params_.size()), formats(params_.size(), 1);
        std::vector<Oid> types(params_.size());
        for (std::size_t i = 0; i < params_.size(); ++i) {
            values[i] = params_[i].null ? nullptr : params_[i].value.data();
            lengths[i] = static_cast<int>(params_[i].value.size());
            types[i] = params_[i].type;
        }
        if (!PQsendQueryParams(conn, sql_.c_str(), static_cast<int>(params_.size()), types.data(), values.data(),
                               lengths.data(), formats.data(), 1))
            c_.fail(nullptr, "send");
        PQsetSingleRowMode(conn);
        started_ = true;
    }
    if (current_) {
        PQclear(current_);
        current_ = nullptr;
    }
    PGresult* r = PQgetResult(conn);
    if (!r) {
        finished_ = true;
        return false;
    }
    switch (PQresultStatus(r)) {
    case PGRES_SINGLE_TUPLE: current_ = r; return true;
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
        PQclear(r);
        finish();
        return false;
    default: {
        const result failed(r, PQclear);
        finish();
        c_.fail(failed.get(), sql_.substr(0, std::min<std::size_t>(sql_.find(' ', 12), 40)));
    }
    }
}

void pg_statement::finish() noexcept {
    if (current_) {
        PQclear(current_);
        current_ = nullptr;
    }
    if (started_ && !finished_) {
        while (PGresult* r = PQgetResult(c_.conn())) PQclear(r);
    }
    finished_ = true;
}

} // namespace

bool is_postgres_location(const std::string& location) noexcept {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) return true;
    // A libpq keyword string: it starts with one of libpq's keywords and '='.
    static constexpr std::array<std::string_view, 12> keywords{"host", "hostaddr", "port", "dbname", "user", "password",
                                                               "passfile", "service", "options", "sslmode",
                                                               "application_name", "connect_timeout"};
    const std::string_view s(location);
    const auto eq = s.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = s.substr(0, eq);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    return std::find(keywords.begin(), keywords.end(), key) != keywords.end();
}

namespace {

// The schema version a database is at (0: none), refused when it is newer
// than this library's or when tables of the store's names are not a store's.
int known_schema(pg_connection& conn) {
    const auto [version, tables] = conn.schema();
    if (version > schema_version)
        throw error(errc::unsupported_version, "store: " + conn.name() + ": schema version " + std::to_string(version) +
                                                   " is newer than this library reads (" + std::to_string(schema_version) + ")");
    if (version == 0 && tables)
        throw error(errc::malformed, "store: " + conn.name() + " is not an sfcore store (it has tables of the store's "
                                                               "names, and no record of sfcore's migrations): nothing was changed");
    return version;
}

} // namespace

std::unique_ptr<sql_connection> open_postgres_store(const std::string& location, const store_options& options) {
    auto conn = std::make_unique<pg_connection>(location, options);
    const int version = known_schema(*conn);
    if (version < schema_version)
        throw error(errc::needs_migration,
                    "store: " + conn->name() + (version == 0 ? " has no sfcore schema" : " is at schema version " + std::to_string(version)) +
                        "; this library needs version " + std::to_string(schema_version) +
                        ": migrate it first (case_store::migrate, sf_store_migrate, sfcore.Store.migrate)");
    return conn;
}

int migrate_postgres_store(const std::string& location, const store_options& options) {
    pg_connection conn(location, options);
    write_transaction t(conn);
    {
        // Two hosts migrating at once: the second waits here, then finds the work done.
        auto lock = conn.prepare("SELECT pg_advisory_xact_lock(?1)");
        lock->bind(1, migration_lock);
        lock->discard_rows();
    }
    const int version = known_schema(conn);
    if (version == 0)
        conn.exec("CREATE TABLE sfcore_migrations(version bigint PRIMARY KEY, "
                  "applied timestamptz NOT NULL DEFAULT now(), description text NOT NULL)");
    for (int v = version + 1; v <= schema_version; ++v) {
        const schema_part& part = schema_parts[v - 1];
        conn.exec(schema_sql(part, {"bigint", "bytea", "text", ""}));
        auto record = conn.prepare("INSERT INTO sfcore_migrations(version, description) VALUES (?1, ?2)");
        record->bind(1, std::int64_t{v}).bind(2, std::string(part.description)).done();
    }
    t.commit();
    return schema_version;
}

} // namespace sfcore::detail
