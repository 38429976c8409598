// The case store, over either backend (store_backend.hpp): one transaction
// per change, optimistic concurrency by journal version and head, and every
// row read back verified before it is believed.
#include "sfcore/store.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <limits>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "access_response.hpp"
#include "archive_detail.hpp"
#include "case_access.hpp"
#include "crypto.hpp"
#include "pipeline.hpp"
#include "sfcore/archive.hpp"
#include "sfcore/text.hpp"
#include "store_backend.hpp"

namespace sfcore {

namespace {

std::int64_t key_of(case_id id) {
    if (id.value() == 0 || id.value() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::invalid_argument, "a stored case id is between 1 and 2^63-1");
    return static_cast<std::int64_t>(id.value());
}

std::string case_name(std::int64_t id) { return "case " + std::to_string(id); }

// The WHERE clause of a case query over the cases table, with ?1..?4 bound by impl::bind_query().
std::string where_of(const case_query& query) {
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
    std::shared_ptr<const detail::case_secret> secret;  // an encrypted case's own key, unwrapped
    bool disposed = false;  // its key was destroyed: its entries are checked as bytes only

    stored_case() = default;
    explicit stored_case(summary_row r) : row(std::move(r)) {
        journal.reserve(std::min<std::uint64_t>(row.version, 4096));  // a damaged count must not allocate
        prev = journal_genesis(case_id{static_cast<std::uint64_t>(row.id)});
    }
    void add(std::int64_t seq, detail::blob_view data) {
        if (disposed) return;  // skipped by whole-store reads; verify() checks its bytes
        // The entry's name, for an error only (not built for every entry read).
        const auto where = [&] { return case_name(row.id) + ": entry " + std::to_string(journal.size() + 1); };
        if (static_cast<std::uint64_t>(seq) != journal.size() + 1)
            throw error(errc::integrity, where() + " is missing");
        // The chain first, from the bytes: an entry that verifies was written as it is, so one that then
        // does not open was sealed under another key.
        if (data.second < 32) throw error(errc::malformed, "store: " + where() + " is shorter than a hash");
        if (std::memcmp(detail::chain_hash(prev, data.first, data.second).data(), data.first + data.second - 32, 32) != 0)
            throw error(errc::integrity, where() + " does not verify: it was changed after it was written");
        if (detail::is_sealed_entry(data.first, data.second) != (secret != nullptr))
            throw error(secret ? errc::integrity : errc::key_error,
                        where() + (secret ? " is not sealed, and its case is encrypted" : " is sealed, and the store holds no key for its case"));
        event e;
        try {
            e = detail::decode_entry(data.first, data.second, secret.get());
        } catch (const error& x) {
            throw error(x.code(), "store: " + where() + ": " + x.detail());
        }
        if (e.seq != journal.size() + 1) throw error(errc::integrity, where() + " is numbered " + std::to_string(e.seq));
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
        detail::case_access::set_secret(c, std::move(secret));
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
        stored.secret = secret_of(key);
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

namespace {

void check_keys(const store_options& options) {
    for (const auto& k : options.keys) check_key(k);
    if (!options.keys.empty()) {
        if (!options.seal_with.empty() && !find_key(options.keys, options.seal_with))
            throw error(errc::key_error, "store: seal_with names key \"" + options.seal_with + "\", which is not among the keys");
    } else if (!options.seal_with.empty()) {
        throw error(errc::key_error, "store: seal_with names a key, and no keys were given");
    }
}

} // namespace

case_store::case_store(const std::string& location, store_options options) : impl_(std::make_unique<impl>()) {
    impl& s = *impl_;
    check_keys(options);
    if (options.encryption) detail::check_key_id(options.encryption->current, "the key provider's current key id");
    s.options = std::move(options);
    if (!s.options.keys.empty())
        s.seal_key = s.options.seal_with.empty() ? &s.options.keys.front() : find_key(s.options.keys, s.options.seal_with);
    if (detail::is_postgres_location(location)) {
        s.db = detail::open_postgres_store(location, s.options);
    } else {
        const std::string path = location.rfind("sqlite:", 0) == 0 ? location.substr(7) : location;
        s.db = detail::open_sqlite_store(path, s.options, [&s](detail::sql_connection& db, const case_file& c) {
            impl::write_row(db, s.seal_key, impl::summary_of(c, s.options));
        });
    }
}

int case_store::migrate(const std::string& location, const store_options& options) {
    check_keys(options);
    if (detail::is_postgres_location(location)) return detail::migrate_postgres_store(location, options);
    case_store opened(location, options);  // an SQLite file is made or converted when it is opened
    return detail::sqlite_schema_version();
}

const char* case_store::backend() const noexcept {
    return impl_->db->backend();
}

const std::string& case_store::location() const noexcept { return impl_->db->name(); }

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
    const detail::case_secret* secret = detail::case_access::secret(c);
    if (secret && !s.options.encryption)
        throw error(errc::key_error, case_name(id) + " is encrypted, and the store was opened without a key provider to keep its key");
    if (!secret && s.options.encryption && expected_version == 0)
        throw error(errc::key_error, case_name(id) + " is not encrypted, and this store keeps its new cases encrypted: "
                                                     "open it with at_rest::encrypted");
    // Encode before the transaction: the lock is held only to write.
    bytes rows;
    std::vector<std::size_t> ends;
    ends.reserve(journal.size() - expected_version);
    for (std::size_t i = expected_version; i < journal.size(); ++i) {
        detail::encode_entry(rows, journal[i], secret);
        ends.push_back(rows.size());
    }
    const summary_row summary = impl::summary_of(c, s.options);

    detail::write_transaction t(*s.db);
    const auto stored = s.row_of(id, true);
    const std::uint64_t version = stored ? stored->version : 0;
    if (version != expected_version)
        throw error(errc::conflict, case_name(id) + ": the store holds " + std::to_string(version) +
                                        " entries, the writer expected " + std::to_string(expected_version));
    if (expected_version > 0 && stored->head != journal[expected_version - 1].hash)
        throw error(errc::conflict, case_name(id) + ": the writer's history differs from the store's");
    {
        const auto ins = s.stmt("INSERT INTO entries(case_id, seq, data) VALUES (?1, ?2, ?3)");
        std::size_t from = 0;
        for (std::size_t k = 0; k < ends.size(); ++k) {
            ins->bind(1, id).bind(2, static_cast<std::int64_t>(expected_version + k + 1)).bind(3, rows.data() + from, ends[k] - from).done();
            ins->reset();
            from = ends[k];
        }
    }
    if (secret && expected_version == 0) s.write_case_key(id, *secret);
    s.write_row(summary);
    if (std::any_of(journal.begin() + static_cast<std::ptrdiff_t>(expected_version), journal.end(),
                    [](const event& e) { return e.type() == event_type::person_linked; }))
        s.write_persons(id, c);
    s.db->announce(id, summary.version);
    t.commit();
    return c.head();
}

case_file case_store::load(case_id id) const { return impl_->load(key_of(id)); }

std::uint64_t case_store::version(case_id id) const {
    const auto row = impl_->row_of(key_of(id));
    return row ? row->version : 0;
}

std::uint64_t case_store::size() const {
    const auto q = impl_->stmt("SELECT count(*) FROM cases");
    q->row();
    return static_cast<std::uint64_t>(q->integer(0));
}

std::vector<case_summary> case_store::list(const case_query& query) const {
    const impl& s = *impl_;
    const auto q = s.stmt(std::string("SELECT ") + impl::row_columns + " FROM cases" + where_of(query) + " ORDER BY id");
    impl::bind_query(*q, query);
    std::vector<case_summary> out;
    while (q->row()) {
        const summary_row r = s.read_row(*q);
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
    const detail::read_transaction snapshot(*s.db);
    s.fetch_host_keys();  // the reader thread below then finds them cached
    // The entries of the matching cases, in (case, seq) order: the table's own order.
    const auto q = s.stmt(std::string("SELECT e.seq, e.data, ") +
                          "c.id, c.version, c.head, c.state, c.programme, c.coordinator, c.next_deadline, c.seal_key, c.seal, "
                          "k.key_id, k.wrapped "
                          "FROM entries e JOIN cases c ON c.id = e.case_id LEFT JOIN case_keys k ON k.case_id = c.id" +
                          where_of(query) + " ORDER BY e.case_id, e.seq");
    Impl::bind_query(*q, query);

    // Read the cases in order, handing each to take(stored_case&&); take returns false to stop.
    const auto read = [&q, &s](auto&& take) {
        stored_case current;
        while (q->row()) {
            const std::int64_t id = q->integer(2);
            if (id != current.row.id) {
                if (current.row.id != 0 && !take(std::move(current))) return;
                current = stored_case(s.read_row(*q, 2));
                current.disposed = !q->null(11) && q->text(11).empty();
                if (!current.disposed) current.secret = s.secret_from(*q, 11, id);
            }
            current.add(q->integer(0), q->blob(1));
        }
        if (current.row.id != 0) take(std::move(current));
    };
    std::uint64_t visited = 0;
    const auto replay_and_visit = [&](stored_case&& r) -> bool {
        if (r.disposed) return true;  // nothing of it can be read
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

namespace {

person_case person_case_of(const case_file& c, member_id m) {
    person_case p;
    p.id = c.id();
    p.member = m;
    p.state = c.state();
    p.programme = c.programme();
    p.referred = c.journal().front().when;
    p.link = *c.person_of(m);
    p.history = c.member_history(m);
    return p;
}

} // namespace

std::vector<person_case> case_store::person_cases(std::string_view key) const {
    std::vector<person_case> out;
    for (const auto& [c, m] : impl_->cases_of(key)) out.push_back(person_case_of(c, m));
    return out;
}

access_response case_store::access_response(std::string_view key, const agency_directory& directory) const {
    sfcore::access_response out;
    out.key = std::string(key);
    for (const auto& [c, m] : impl_->cases_of(key)) {
        out.cases.push_back(person_case_of(c, m));
        detail::add_access_part(c, m, directory, out);
    }
    out.markdown = detail::access_markdown(out);
    return out;
}

std::vector<sibling> case_store::siblings(std::string_view key) const {
    const auto is_child = [](member_role r) { return r == member_role::child || r == member_role::young_person; };
    // The parents and caregivers of the person, in the cases they are a child in.
    std::vector<std::string> parents;
    for (const auto& [c, m] : impl_->cases_of(key)) {
        if (!is_child(c.member_at(m).role)) continue;
        for (const auto& l : c.persons())
            if (c.member_at(l.member).role == member_role::parent_caregiver) parents.push_back(l.key);
    }
    std::sort(parents.begin(), parents.end());
    parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
    std::vector<sibling> out;
    for (const auto& parent : parents)
        for (const auto& found : impl_->cases_of(parent)) {
            const case_file& c = found.first;
            const case_id in_case = c.id();
            for (const auto& l : c.persons()) {
                const member& details = c.member_at(l.member);
                if (l.key == key || !is_child(details.role)) continue;
                const bool known = std::any_of(out.begin(), out.end(), [&](const sibling& s) { return s.key == l.key && s.in_case == in_case; });
                if (!known) out.push_back({l.key, in_case, l.member, details, parent});
            }
        }
    std::sort(out.begin(), out.end(), [](const sibling& a, const sibling& b) {
        return std::tie(a.key, a.in_case) < std::tie(b.key, b.in_case);
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
    s.db->check_storage();
    std::vector<std::int64_t> ids;
    {
        const auto q = s.stmt("SELECT id FROM cases ORDER BY id");
        while (q->row()) ids.push_back(q->integer(0));
    }
    for (const std::int64_t id : ids) {
        ++out.cases;
        try {
            const case_file c = s.load(id);
            if (auto why = s.persons_disagree(id, c)) out.damaged.emplace_back(c.id(), std::move(*why));
        } catch (const error& e) {
            if (e.code() == errc::io_error) throw;
            if (e.code() == errc::disposed) {
                if (auto why = s.disposed_disagree(id)) out.damaged.emplace_back(case_id{static_cast<std::uint64_t>(id)}, std::move(*why));
                continue;
            }
            out.damaged.emplace_back(case_id{static_cast<std::uint64_t>(id)}, e.detail());
        }
    }
    {
        // Rows of the index of persons for a case the store does not hold.
        const auto q = s.stmt("SELECT DISTINCT case_id FROM persons WHERE case_id NOT IN (SELECT id FROM cases) ORDER BY case_id");
        while (q->row()) {
            const std::int64_t id = q->integer(0);
            out.damaged.emplace_back(case_id{static_cast<std::uint64_t>(std::max<std::int64_t>(id, 0))},
                                     "the index of persons names " + case_name(id) + ", which the store does not hold");
        }
    }
    if (kept) {
        const auto damaged = [&out](case_id id) {
            return std::any_of(out.damaged.begin(), out.damaged.end(), [id](const auto& d) { return d.first == id; });
        };
        const auto q = s.stmt("SELECT data FROM entries WHERE case_id = ?1 AND seq = ?2");
        for (const auto& [id, head] : kept->heads) {
            if (damaged(id)) continue;
            if (!std::binary_search(ids.begin(), ids.end(), key_of(id))) {
                out.damaged.emplace_back(id, case_name(key_of(id)) + " is missing from the store");
                continue;
            }
            if (head.seq == 0) continue;
            q->bind(1, key_of(id)).bind(2, static_cast<std::int64_t>(head.seq));
            const bool present = q->row();
            const auto data = present ? q->blob(0) : detail::blob_view{nullptr, 0};
            const bool same = present && data.second >= 32 && std::memcmp(data.first + data.second - 32, head.hash.data(), 32) == 0;
            q->reset();
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
    detail::write_transaction t(*s.db);
    std::vector<summary_row> rows;
    {
        const auto q = s.stmt(std::string("SELECT ") + impl::row_columns + " FROM cases ORDER BY id" + s.db->lock_row_clause());
        while (q->row()) rows.push_back(s.read_row(*q, 0, true));
    }
    for (const auto& r : rows) s.write_row(r);
    t.commit();
    return rows.size();
}

namespace {

// What a destroyed case key's row holds: one zero byte, and an empty key id.
constexpr std::uint8_t destroyed_key[1] = {0};

void check_rules(const std::vector<retention_rule>& rules) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
        enum_from_int<programme>(static_cast<std::int64_t>(rules[i].programme));
        if (rules[i].years_after_closure < 1 || rules[i].years_after_closure > 100)
            throw error(errc::invalid_argument, "a retention rule keeps a closed case 1-100 years");
        for (std::size_t k = 0; k < i; ++k)
            if (rules[k].programme == rules[i].programme)
                throw error(errc::invalid_argument, std::string("two retention rules for ") + label(rules[i].programme));
    }
}

// When a closed case's retention ends by its programme's rule; nothing for a case not closed or a programme without one.
std::optional<disposal_due> disposal_of(const case_file& c, const std::vector<retention_rule>& rules) {
    if (c.state() != state::closed) return std::nullopt;
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const retention_rule& r) { return r.programme == c.programme(); });
    if (rule == rules.end()) return std::nullopt;
    const auto closing = std::find_if(c.journal().rbegin(), c.journal().rend(),
                                      [](const event& e) { return e.type() == event_type::case_closed; });
    if (closing == c.journal().rend()) return std::nullopt;
    disposal_due d;
    d.id = c.id();
    d.programme = c.programme();
    d.closed = nz_date(closing->when);
    d.due = d.closed + boost::gregorian::years(rule->years_after_closure);
    d.years = rule->years_after_closure;
    d.encrypted = c.encrypted();
    return d;
}

} // namespace

std::vector<disposal_due> case_store::due_for_disposal(const std::vector<retention_rule>& rules, sfcore::date on) const {
    check_rules(rules);
    checked_date(on);
    case_query q;
    q.state = state::closed;
    std::vector<disposal_due> out;
    for_each(q, [&](const case_file& c) {
        if (const auto d = disposal_of(c, rules); d && d->due <= on) out.push_back(*d);
        return true;
    });
    return out;
}

journal_head case_store::dispose(case_id id, const std::vector<retention_rule>& rules, sfcore::date on, std::string_view who) {
    const impl& s = *impl_;
    check_rules(rules);
    checked_date(on);
    check_nonblank_utf8(who, "disposed by");
    const std::int64_t key = key_of(id);
    const std::string name = case_name(key);
    const case_file c = load(id);
    if (!c.encrypted())
        throw error(errc::invalid_argument, name + " is not encrypted: it cannot be disposed of by destroying its key");
    const auto due = disposal_of(c, rules);
    if (!due)
        throw error(errc::invalid_argument, name + (c.state() != state::closed ? " is not closed" : " has no retention rule for its programme"));
    if (on < due->due)
        throw error(errc::invalid_argument, name + " was closed on " + to_iso(due->closed) + "; its programme's rule keeps it until " +
                                                to_iso(due->due));
    // The disposal record: a plain entry (the case's key is about to go), chained after the sealed ones.
    const journal_head head = c.head();
    event e{clock_now(), std::string(who), case_disposed{due->closed, due->years}};
    e.seq = head.seq + 1;
    e.recorded = e.when > c.journal().back().recorded ? e.when : c.journal().back().recorded;
    e.hash = detail::entry_hash(head.hash, e);
    const bytes row = detail::encode_entry(e);
    summary_row summary = impl::summary_of(c, s.options);
    summary.version = e.seq;
    summary.head = e.hash;
    summary.deadline.reset();

    detail::write_transaction t(*s.db);
    const auto stored = s.row_of(key, true);
    if (!stored || stored->version != head.seq || stored->head != head.hash)
        throw error(errc::conflict, name + ": another writer changed it while it was being disposed of");
    s.stmt("INSERT INTO entries(case_id, seq, data) VALUES (?1, ?2, ?3)")
        ->bind(1, key).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, row.data(), row.size()).done();
    s.write_row(summary);
    s.stmt("UPDATE case_keys SET key_id = '', wrapped = ?2 WHERE case_id = ?1")->bind(1, key).bind(2, destroyed_key, 1).done();
    s.stmt("DELETE FROM persons WHERE case_id = ?1")->bind(1, key).done();
    s.db->announce(key, summary.version);
    t.commit();
    s.db->forget_overwritten();
    return {e.seq, e.hash};
}

std::uint64_t case_store::rewrap() {
    const impl& s = *impl_;
    if (!s.options.encryption) throw error(errc::key_error, "store: rewrap needs a key provider");
    const std::string& current = s.options.encryption->current;
    detail::write_transaction t(*s.db);
    std::vector<std::pair<std::int64_t, std::shared_ptr<const detail::case_secret>>> keys;
    {
        const auto q = s.stmt("SELECT case_id, key_id, wrapped FROM case_keys WHERE key_id <> ?1 AND key_id <> '' ORDER BY case_id");
        q->bind(1, current);
        while (q->row()) keys.emplace_back(q->integer(0), s.secret_from(*q, 1, q->integer(0)));
    }
    for (const auto& [id, secret] : keys) s.write_case_key(id, *secret);
    t.commit();
    return keys.size();
}

void case_store::put_directory(const agency_directory& d) {
    const bytes archive = save_archive(d);
    const auto q = impl_->stmt("INSERT INTO sfcore_meta(key, value) VALUES ('directory', ?1) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q->bind(1, archive.data(), archive.size()).done();
}

agency_directory case_store::directory() const {
    const auto q = impl_->stmt("SELECT value FROM sfcore_meta WHERE key = 'directory'");
    if (!q->row()) throw error(errc::not_found, "the store has no agency directory");
    const auto [p, n] = q->blob(0);
    return load_directory(p, n);
}

void case_store::follow() { impl_->db->follow(); }

std::optional<store_change> case_store::next_change(int timeout_ms) { return impl_->db->next_change(timeout_ms); }

} // namespace sfcore
