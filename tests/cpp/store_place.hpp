// Where a store test's store lives: an SQLite file in a fresh directory, or
// a fresh schema of the PostgreSQL database named by SFCORE_TEST_POSTGRES.
#pragma once

#include <catch2/catch.hpp>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include "sfcore/store.hpp"

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

// The schema version an SQLite store's file records.
inline int sqlite_schema(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT value FROM sfcore_meta WHERE key = 'schema'", -1, &q, nullptr) == SQLITE_OK);
    const int v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

// Where a test's store lives: a file in a fresh directory, or, when the
// suite runs against PostgreSQL, a fresh schema of its database (made and
// migrated here, dropped at the end).
struct store_place {
    temp_dir dir;
    std::string location;  // what case_store opens
    std::string schema;    // PostgreSQL: the schema's name

    static const char* postgres() {
        const char* c = std::getenv("SFCORE_TEST_POSTGRES");
        return c && *c ? c : nullptr;
    }
    explicit store_place(const std::string& name = "cases.db") {
        if (!postgres()) {
            location = dir.file(name);
            return;
        }
        static std::atomic<int> made{0};
        static const unsigned salt = std::random_device{}();
        schema = "t" + std::to_string(getpid()) + "_" + std::to_string(salt % 100000) + "_" + std::to_string(made++);
        location = std::string(postgres()) + " options='-c search_path=" + schema + "' application_name=" + schema;
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        REQUIRE(sfcore::case_store::migrate(location) == 3);
    }
    ~store_place() {
        if (!schema.empty()) try_sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    store_place(const store_place&) = delete;
    store_place& operator=(const store_place&) = delete;

    // Run SQL on the store directly (as someone who can write the database).
    void sql(const std::string& statement) const {
        INFO(statement);
        REQUIRE(try_sql(statement));
    }
    bool try_sql(const std::string& statement) const {
        if (!postgres()) {
            sqlite3* db = nullptr;
            if (sqlite3_open(location.c_str(), &db) != SQLITE_OK) return false;
            const bool ok = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
            sqlite3_close(db);
            return ok;
        }
        PGconn* c = PQconnectdb(location.c_str());
        PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
        PGresult* r = PQexec(c, statement.c_str());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ok) UNSCOPED_INFO(PQerrorMessage(c));
        PQclear(r);
        PQfinish(c);
        return ok;
    }
    // The first column of the first row of a query, as text.
    std::string value(const std::string& query) const {
        if (!postgres()) {
            sqlite3* db = nullptr;
            REQUIRE(sqlite3_open(location.c_str(), &db) == SQLITE_OK);
            sqlite3_stmt* q = nullptr;
            REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &q, nullptr) == SQLITE_OK);
            std::string out;
            if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
                out = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
            sqlite3_finalize(q);
            sqlite3_close(db);
            return out;
        }
        PGconn* c = PQconnectdb(location.c_str());
        PGresult* r = PQexec(c, query.c_str());
        INFO(query << ": " << PQerrorMessage(c));
        REQUIRE(PQresultStatus(r) == PGRES_TUPLES_OK);
        const std::string out = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? PQgetvalue(r, 0, 0) : "";
        PQclear(r);
        PQfinish(c);
        return out;
    }
    // A blob as a literal of the backend's SQL.
    std::string blob(const std::uint8_t* p, std::size_t n) const {
        static const char* digits = "0123456789abcdef";
        std::string hex;
        for (std::size_t i = 0; i < n; ++i) {
            hex += digits[p[i] >> 4];
            hex += digits[p[i] & 15];
        }
        return postgres() ? "'\\x" + hex + "'::bytea" : "x'" + hex + "'";
    }
    std::string blob(const std::string& hex_digits) const {
        return postgres() ? "'\\x" + hex_digits + "'::bytea" : "x'" + hex_digits + "'";
    }
    // A blob column's bytes, as hex (the backend's own function).
    std::string hex_of(const std::string& column_query) const {
        std::string h = value(postgres() ? "SELECT encode((" + column_query + "), 'hex')" : "SELECT hex((" + column_query + "))");
        for (auto& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return h;
    }
    // Change one byte (1-based `position`) of an entry's data to another value, whatever it was: a byte of
    // ciphertext is random, so setting it to a fixed value would leave it unchanged one time in 256.
    void change_entry_byte(std::uint64_t case_id, std::uint64_t seq, int position) const {
        const std::string at = std::to_string(position), where =
            " WHERE case_id = " + std::to_string(case_id) + " AND seq = " + std::to_string(seq);
        sql(postgres() ? "UPDATE entries SET data = overlay(data placing (CASE WHEN substring(data from " + at +
                             " for 1) = '\\x00'::bytea THEN '\\x01'::bytea ELSE '\\x00'::bytea END) from " + at +
                             " for 1)" + where
                       : "UPDATE entries SET data = substr(data, 1, " + std::to_string(position - 1) +
                             ") || (CASE WHEN substr(data, " + at + ", 1) = x'01' THEN x'02' ELSE x'01' END) || substr(data, " +
                             std::to_string(position + 1) + ")" + where);
        INFO("entry " << seq << " of case " << case_id);
        CHECK(value("SELECT count(*) FROM entries" + where) == "1");
    }
    // Replace this store's tables with another's (as an attacker who can write both would).
    void take_tables_of(const store_place& other) const {
        if (postgres())
            sql("DELETE FROM entries; DELETE FROM cases; INSERT INTO entries SELECT * FROM " + other.schema +
                ".entries; INSERT INTO cases SELECT * FROM " + other.schema + ".cases;");
        else
            sql("ATTACH '" + other.location + "' AS p; DELETE FROM entries; DELETE FROM cases; "
                "INSERT INTO entries SELECT * FROM p.entries; INSERT INTO cases SELECT * FROM p.cases;");
    }
};

// A writer in a child process: body(fd) runs there with the write end of a
// pipe (it acknowledges through it), and the child exits with body's status
// (2 when it throws). Returns the child's pid and the pipe's read end.
template <class Body>
std::pair<pid_t, int> fork_writer(Body&& body) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        int status = 2;
        try {
            status = body(fds[1]);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "writer process: %s\n", e.what());
        } catch (...) {
            std::fprintf(stderr, "writer process: an exception not derived from std::exception\n");
        }
        _exit(status);
    }
    close(fds[1]);
    return {child, fds[0]};
}

} // namespace
