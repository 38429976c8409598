// The case store's parts that its source files share: the summary row and
// its seal, a case's rows read back and checked (stored_case), and the
// store's state (case_store::impl) with the queries over its tables.
#pragma once

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access_response.hpp"
#include "archive_detail.hpp"
#include "case_access.hpp"
#include "chained_reader.hpp"
#include "crypto.hpp"
#include "sfcore/archive.hpp"
#include "sfcore/store.hpp"
#include "sfcore/text.hpp"
#include "store_backend.hpp"

namespace sfcore {

namespace store_internal {

inline std::int64_t key_of(case_id id) {
    if (id.value() == 0 || id.value() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::invalid_argument, "a stored case id is between 1 and 2^63-1");
    return static_cast<std::int64_t>(id.value());
}

inline std::string case_name(std::int64_t id) { return "case " + std::to_string(id); }

// The WHERE clause of a case query over the cases table, with ?1..?4 bound by impl::bind_query().
inline std::string where_of(const case_query& query) {
    std::string sql = " WHERE TRUE";
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
inline bytes seal_message(const summary_row& r) {
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

inline digest seal_with_key(const summary_row& r, const sealing_key* key) {
    const bytes m = seal_message(r);
    return key ? hmac_sha256(key->secret, m.data(), m.size()) : sha256().update(m.data(), m.size()).finish();
}

// A case's entries as read from the store, checked as they come (chained_reader.hpp).
struct stored_case {
    summary_row row;
    detail::chained_reader entries;
    bool disposed = false;  // its key was destroyed: its entries are checked as bytes only

    stored_case() = default;
    explicit stored_case(summary_row r)
        : row(std::move(r)), entries(case_id{static_cast<std::uint64_t>(row.id)}, "store", row.version) {}
    void add(std::int64_t seq, detail::blob_view data) {
        if (disposed) return;  // skipped by whole-store reads; verify() checks its bytes
        entries.add(static_cast<std::uint64_t>(seq), data.first, data.second);
    }
    case_file replay() && {
        const std::string name = case_name(row.id);
        if (entries.journal.size() != row.version)
            throw error(errc::integrity, name + " has " + std::to_string(entries.journal.size()) + " entries, its summary says " +
                                             std::to_string(row.version) + ": entries were lost or the summary changed");
        if (entries.prev != row.head) throw error(errc::integrity, name + ": its journal's head is not the one its summary holds");
        case_file c = std::move(entries).replay();
        const auto coordinator = c.roles().coordinator;
        if (static_cast<std::int64_t>(c.state()) != row.state ||
            static_cast<std::int64_t>(c.programme()) != row.programme ||
            coordinator.has_value() != row.coordinator.has_value() ||
            (coordinator && static_cast<std::int64_t>(coordinator->value()) != *row.coordinator))
            throw error(errc::integrity, name + ": its summary row does not agree with its journal");
        return c;
    }
};

} // namespace store_internal

using namespace store_internal;
using detail::sql_statement;

struct case_store::impl {
    std::unique_ptr<detail::sql_connection> db;
    store_options options;
    const sealing_key* seal_key = nullptr;  // the key new seals use
    mutable std::mutex host_keys_mutex;
    mutable std::map<std::string, detail::key_bytes, std::less<>> host_keys;  // what the key provider gave, by id

    ~impl() {
        for (auto& k : host_keys) detail::wipe(k.second);
    }

    // A host key by id, from the provider the first time.
    detail::key_bytes host_key(const std::string& id) const {
        if (!options.encryption)
            throw error(errc::key_error, "store: a case is encrypted, and the store was opened without a key provider");
        {
            const std::lock_guard<std::mutex> hold(host_keys_mutex);
            if (const auto at = host_keys.find(id); at != host_keys.end()) return at->second;
        }
        const detail::key_bytes k = detail::host_key(*options.encryption, id);  // the provider, outside the lock
        const std::lock_guard<std::mutex> hold(host_keys_mutex);
        return host_keys.emplace(id, k).first->second;
    }

    // Ask the provider now, on the caller's thread, for every host key the store's case keys name.
    void fetch_host_keys() const {
        if (!options.encryption) return;
        std::vector<std::string> ids;
        const auto q = stmt("SELECT DISTINCT key_id FROM case_keys WHERE key_id <> ''");
        while (q->row()) ids.push_back(q->text(0));
        for (const auto& id : ids) host_key(id);
    }

    // A case's own key from its wrapped form in columns first, first+1 (key_id, wrapped), or null when they are NULL.
    std::shared_ptr<const detail::case_secret> secret_from(const sql_statement& q, int first, std::int64_t id) const {
        if (q.null(first)) return nullptr;
        const std::string key_id = q.text(first);
        if (key_id.empty())
            throw error(errc::disposed, case_name(id) + " was disposed of: its key was destroyed and its entries cannot be read");
        const auto wrapped = q.blob(first + 1);
        return detail::unwrap_key(case_id{static_cast<std::uint64_t>(id)}, wrapped.first, wrapped.second, host_key(key_id), key_id);
    }

    std::shared_ptr<const detail::case_secret> secret_of(std::int64_t id) const {
        const auto q = stmt("SELECT key_id, wrapped FROM case_keys WHERE case_id = ?1");
        q->bind(1, id);
        return q->row() ? secret_from(*q, 0, id) : nullptr;
    }

    void write_case_key(std::int64_t id, const detail::case_secret& secret) const {
        const std::string& current = options.encryption->current;
        const bytes wrapped = detail::wrap_key(secret, host_key(current), current);
        const auto q = stmt("INSERT INTO case_keys(case_id, key_id, wrapped) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(case_id) DO UPDATE SET key_id = ?2, wrapped = ?3");
        q->bind(1, id).bind(2, current).bind(3, wrapped.data(), wrapped.size()).done();
    }

    std::unique_ptr<sql_statement> stmt(const std::string& sql) const { return db->prepare(sql); }

    static constexpr const char* row_columns = "id, version, head, state, programme, coordinator, next_deadline, seal_key, seal";

    // A summary row from columns first..first+8 (as row_columns), checked against its seal.
    summary_row read_row(const sql_statement& q, int first = 0, bool unsealed_ok = false) const {
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

    // A case's summary row; @p lock holds it against other writers until the
    // write transaction it is read in ends.
    std::optional<summary_row> row_of(std::int64_t id, bool lock = false) const {
        const auto q = stmt(std::string("SELECT ") + row_columns + " FROM cases WHERE id = ?1" +
                            (lock ? db->lock_row_clause() : ""));
        q->bind(1, id);
        if (!q->row()) return std::nullopt;
        return read_row(*q);
    }

    // Write a case's summary row, sealed with the key new seals use.
    static void write_row(detail::sql_connection& db, const sealing_key* seal_key, summary_row r) {
        r.seal_key.reset();
        if (seal_key) r.seal_key = seal_key->id;
        r.seal = seal_with_key(r, seal_key);
        const auto up = db.prepare(
            "INSERT INTO cases(id, version, head, state, programme, coordinator, next_deadline, seal_key, seal) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET version = ?2, head = ?3, "
            "state = ?4, programme = ?5, coordinator = ?6, next_deadline = ?7, seal_key = ?8, seal = ?9");
        up->bind(1, r.id).bind(2, static_cast<std::int64_t>(r.version)).bind(3, r.head.data(), 32).bind(4, r.state).bind(5, r.programme);
        if (r.coordinator) up->bind(6, *r.coordinator);
        else up->bind_null(6);
        if (r.deadline) up->bind(7, *r.deadline);
        else up->bind_null(7);
        if (r.seal_key) up->bind(8, *r.seal_key);
        else up->bind_null(8);
        up->bind(9, r.seal.data(), 32).done();
    }
    void write_row(const summary_row& r) const { write_row(*db, seal_key, r); }

    static summary_row summary_of(const case_file& c, const store_options& options) {
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
    static void bind_query(sql_statement& q, const case_query& query) {
        if (query.state) q.bind(1, static_cast<std::int64_t>(*query.state));
        if (query.programme) q.bind(2, static_cast<std::int64_t>(*query.programme));
        if (query.coordinator) q.bind(3, static_cast<std::int64_t>(query.coordinator->value()));
        if (query.overdue_on) q.bind(4, static_cast<std::int64_t>(to_yyyymmdd(checked_date(*query.overdue_on))));
    }

    // A case's rows, checked as they are read, in the caller's transaction.
    stored_case read_case(std::int64_t key) const {
        auto row = row_of(key);
        if (!row) throw error(errc::not_found, "no " + case_name(key) + " in the store");
        stored_case stored(std::move(*row));
        stored.entries.secret = secret_of(key);
        const auto q = stmt("SELECT seq, data FROM entries WHERE case_id = ?1 ORDER BY seq");
        q->bind(1, key);
        while (q->row()) stored.add(q->integer(0), q->blob(1));
        return stored;
    }

    case_file load(std::int64_t key) const {
        stored_case stored;
        {
            const detail::read_transaction snapshot(*db);
            stored = read_case(key);
        }
        return std::move(stored).replay();
    }

    // Rewrite a case's rows of the index of persons from its fold.
    void write_persons(std::int64_t id, const case_file& c) const {
        stmt("DELETE FROM persons WHERE case_id = ?1")->bind(1, id).done();
        const auto ins = stmt("INSERT INTO persons(person, case_id, member) VALUES (?1, ?2, ?3)");
        for (const auto& l : c.persons()) {
            const digest d = person_digest(l.key);
            ins->bind(1, d.data(), d.size()).bind(2, id).bind(3, static_cast<std::int64_t>(l.member.value())).done();
            ins->reset();
        }
    }

    // The cases the index names for a person, read in one snapshot, each
    // verified, replayed and checked to hold the link the index names.
    std::vector<std::pair<case_file, member_id>> cases_of(std::string_view key) const {
        check_nonblank_utf8(key, "person key");
        const digest d = person_digest(key);
        std::vector<std::pair<stored_case, std::int64_t>> read;
        {
            const detail::read_transaction snapshot(*db);
            std::vector<std::pair<std::int64_t, std::int64_t>> rows;
            const auto q = stmt("SELECT case_id, member FROM persons WHERE person = ?1 ORDER BY case_id");
            q->bind(1, d.data(), d.size());
            while (q->row()) rows.emplace_back(q->integer(0), q->integer(1));
            for (const auto& [id, m] : rows) {
                try {
                    read.emplace_back(read_case(id), m);
                } catch (const error& e) {
                    if (e.code() != errc::not_found) throw;
                    throw error(errc::integrity, "store: the index of persons names " + case_name(id) + ", which the store does not hold");
                }
            }
        }
        std::vector<std::pair<case_file, member_id>> out;
        out.reserve(read.size());
        for (auto& [stored, m] : read) {
            case_file c = std::move(stored).replay();
            const auto member = c.member_for(key);
            if (!member || static_cast<std::int64_t>(member->value()) != m)
                throw error(errc::integrity, case_name(key_of(c.id())) + ": the index of persons does not agree with its journal");
            out.emplace_back(std::move(c), *member);
        }
        return out;
    }

    // Why a case's rows of the index of persons differ from its fold, if they do.
    std::optional<std::string> persons_disagree(std::int64_t id, const case_file& c) const {
        std::vector<std::pair<digest, std::int64_t>> held, expected;
        const auto q = stmt("SELECT person, member FROM persons WHERE case_id = ?1");
        q->bind(1, id);
        while (q->row()) {
            const auto b = q->blob(0);
            digest d{};
            if (b.second != d.size()) return case_name(id) + ": a row of the index of persons is damaged";
            std::memcpy(d.data(), b.first, d.size());
            held.emplace_back(d, q->integer(1));
        }
        for (const auto& l : c.persons()) expected.emplace_back(person_digest(l.key), static_cast<std::int64_t>(l.member.value()));
        std::sort(held.begin(), held.end());
        std::sort(expected.begin(), expected.end());
        if (held != expected) return case_name(id) + ": the index of persons does not agree with its journal";
        return std::nullopt;
    }

    // Why a disposed case's rows do not verify, if they do not: its chain from the bytes, its count and head
    // against its summary row, its last entry a disposal record, and nothing of it left in the index of persons.
    std::optional<std::string> disposed_disagree(std::int64_t id) const {
        const std::string name = case_name(id);
        const auto row = row_of(id);
        if (!row) return name + " is missing from the store";
        digest prev = journal_genesis(case_id{static_cast<std::uint64_t>(id)});
        std::uint64_t n = 0;
        bytes last;
        const auto q = stmt("SELECT seq, data FROM entries WHERE case_id = ?1 ORDER BY seq");
        q->bind(1, id);
        while (q->row()) {
            const auto [p, size] = q->blob(1);
            const std::string at = name + ": entry " + std::to_string(n + 1);
            if (q->integer(0) != static_cast<std::int64_t>(n + 1)) return at + " is missing";
            if (size < 32 || std::memcmp(detail::chain_hash(prev, p, size).data(), p + size - 32, 32) != 0)
                return at + " does not verify: it was changed after it was written";
            std::memcpy(prev.data(), p + size - 32, 32);
            last.assign(p, p + size);
            ++n;
        }
        if (n != row->version)
            return name + " has " + std::to_string(n) + " entries, its summary says " + std::to_string(row->version);
        if (prev != row->head) return name + ": its journal's head is not the one its summary holds";
        try {
            if (!std::holds_alternative<case_disposed>(detail::decode_entry(last.data(), last.size()).payload))
                return name + ": its key is destroyed, and its last entry is not a disposal record";
        } catch (const error&) {
            return name + ": its key is destroyed, and its last entry is not a disposal record";
        }
        const auto held = stmt("SELECT count(*) FROM persons WHERE case_id = ?1");
        held->bind(1, id);
        if (held->row() && held->integer(0) != 0) return name + " was disposed of, and the index of persons still names it";
        return std::nullopt;
    }

    static digest person_digest(std::string_view key) {
        static constexpr char tag[] = "sfcore person";  // with its terminating zero: no key can run into it
        return sha256().update(tag, sizeof tag).update(key).finish();
    }
};

} // namespace sfcore
