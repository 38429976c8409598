// What the case store needs of a database: statements with numbered
// parameters, rows, transactions. One implementation per backend (SQLite,
// PostgreSQL); the store's logic (summaries, seals, verification, the
// whole-store read) is written once over this interface (store.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sfcore/store.hpp"

namespace sfcore::detail {

/// Bytes in a row: valid until the row changes.
using blob_view = std::pair<const std::uint8_t*, std::size_t>;

/// A statement: parameters ?1, ?2… (or ? numbered in order), bound before
/// the first row(); reset() makes it ready to run again with new bindings.
class sql_statement {
public:
    virtual ~sql_statement() = default;
    virtual sql_statement& bind(int i, std::int64_t v) = 0;
    virtual sql_statement& bind_null(int i) = 0;
    virtual sql_statement& bind(int i, const std::uint8_t* p, std::size_t n) = 0;
    virtual sql_statement& bind(int i, const std::string& t) = 0;
    /// Run (at the first call) and step: true while there is a row.
    virtual bool row() = 0;
    virtual void reset() = 0;
    virtual std::int64_t integer(int i) const = 0;
    virtual bool null(int i) const = 0;
    virtual blob_view blob(int i) const = 0;
    virtual std::string text(int i) const = 0;

    /// Run a statement whose rows (a function's result) are not wanted.
    void discard_rows() {
        while (row()) {
        }
    }

    /// Run a statement that returns no rows.
    void done() {
        if (row()) throw error(errc::internal, "store: a statement returned rows");
    }
};

/// A connection to one store.
class sql_connection {
public:
    virtual ~sql_connection() = default;
    virtual std::unique_ptr<sql_statement> prepare(const std::string& sql) = 0;
    virtual void exec(const std::string& sql) = 0;
    /// A read transaction: one consistent snapshot while others write.
    virtual void begin_read() = 0;
    /// A write transaction.
    virtual void begin_write() = 0;
    virtual void commit() = 0;
    /// Ends a transaction that did not commit (never throws).
    virtual void rollback() noexcept = 0;
    /// What a summary row is read with inside a write transaction, to hold
    /// it against other writers until the commit ("" where the transaction
    /// already holds the write lock).
    virtual const char* lock_row_clause() const noexcept = 0;
    /// Tells those following the store that a case changed (in the write
    /// transaction: it is sent when the transaction commits).
    virtual void announce(std::int64_t id, std::uint64_t version) = 0;
    /// The database's own check of its storage, throwing when it fails.
    virtual void check_storage() = 0;
    /// After a committed change that overwrote a secret: push every copy of the old pages out of logs the backend keeps.
    virtual void forget_overwritten() {}
    /// Start receiving change notices (case_store::follow()).
    virtual void follow() = 0;
    /// The first change notice that arrives within @p timeout_ms, if any.
    virtual std::optional<store_change> next_change(int timeout_ms) = 0;
    /// "sqlite" or "postgresql".
    virtual const char* backend() const noexcept = 0;
    /// Which store, for errors ("cases.db", "postgresql: host=… dbname=…").
    virtual const std::string& name() const noexcept = 0;
};

/// A write transaction, rolled back unless committed.
struct write_transaction {
    sql_connection& c;
    bool committed = false;
    explicit write_transaction(sql_connection& conn) : c(conn) { c.begin_write(); }
    void commit() {
        c.commit();
        committed = true;
    }
    ~write_transaction() {
        if (!committed) c.rollback();
    }
    write_transaction(const write_transaction&) = delete;
    write_transaction& operator=(const write_transaction&) = delete;
};

/// A read transaction: one consistent snapshot, even while others append.
struct read_transaction {
    sql_connection& c;
    explicit read_transaction(sql_connection& conn) : c(conn) { c.begin_read(); }
    ~read_transaction() { c.rollback(); }
    read_transaction(const read_transaction&) = delete;
    read_transaction& operator=(const read_transaction&) = delete;
};

/// The store's tables, written once for both backends: each part of the
/// schema in the order it came (PostgreSQL applies part i as its migration
/// i + 1; SQLite's schema version 2 is part 0, version 3 adds part 1, 4 part 2).
/// `INT`, `BLOB`, `TEXT` and ` NOROWID` stand for each backend's own words (schema_sql()).
struct schema_part {
    const char* description;
    const char* sql;
};
inline constexpr schema_part schema_parts[] = {
    {"the case store: summaries, entries, metadata", R"sql(
CREATE TABLE sfcore_meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE cases(
  id INT PRIMARY KEY,
  version INT NOT NULL,
  head BLOB NOT NULL,
  state INT NOT NULL,
  programme INT NOT NULL,
  coordinator INT,
  next_deadline INT,
  seal_key TEXT,
  seal BLOB NOT NULL);
CREATE TABLE entries(
  case_id INT NOT NULL,
  seq INT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(case_id, seq)) NOROWID;
CREATE INDEX cases_by_state ON cases(state);
CREATE INDEX cases_by_coordinator ON cases(coordinator);
CREATE INDEX cases_by_deadline ON cases(next_deadline);
)sql"},
    {"persons: which member of which case each person is (by the SHA-256 of the host's key for them)", R"sql(
CREATE TABLE persons(person BLOB NOT NULL, case_id INT NOT NULL, member INT NOT NULL, PRIMARY KEY(person, case_id)) NOROWID;
CREATE INDEX persons_by_case ON persons(case_id);
)sql"},
    {"case_keys: the own keys of encrypted cases, each wrapped under a host key", R"sql(
CREATE TABLE case_keys(case_id INT PRIMARY KEY, key_id TEXT NOT NULL, wrapped BLOB NOT NULL);
)sql"},
};

/// A backend's words for the schema's types, and what follows a table that needs no row id.
struct sql_words {
    const char* integer;
    const char* blob;
    const char* text;
    const char* without_rowid;
};

/// A part of the schema in a backend's words.
inline std::string schema_sql(const schema_part& part, const sql_words& w) {
    std::string out;
    const std::string_view sql = part.sql;
    for (std::size_t i = 0; i < sql.size();) {
        const auto word = [&](std::string_view name) { return sql.substr(i, name.size()) == name; };
        if (word(" NOROWID")) {
            out += w.without_rowid;
            i += 8;
        } else if (word("INT ") || word("INT,") || word("INT)")) {
            out += w.integer;
            i += 3;
        } else if (word("BLOB")) {
            out += w.blob;
            i += 4;
        } else if (word("TEXT")) {
            out += w.text;
            i += 4;
        } else {
            out += sql[i++];
        }
    }
    return out;
}

/// Open an SQLite store: a new file made a store, a store of sfcore 0.1
/// converted (@p write_summary writes each converted case's summary row, in
/// the conversion's transaction), any other file refused (store_sqlite.cpp).
std::unique_ptr<sql_connection> open_sqlite_store(const std::string& path, const store_options& options,
                                                  const std::function<void(sql_connection&, const case_file&)>& write_summary);

/// The schema version of the SQLite store's tables.
int sqlite_schema_version() noexcept;

/// True when @p location names a PostgreSQL database (store_postgres.cpp).
bool is_postgres_location(const std::string& location) noexcept;

/// Connect to a PostgreSQL store; its schema must be this library's (see case_store::migrate()).
std::unique_ptr<sql_connection> open_postgres_store(const std::string& location, const store_options& options);

/// Bring a PostgreSQL database's schema to this library's; returns the version it is at.
int migrate_postgres_store(const std::string& location, const store_options& options);

} // namespace sfcore::detail
