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

#include "pipeline.hpp"
#include "store_impl.hpp"

namespace sfcore {


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
    if (version != expected_version && expected_version == 0)
        throw error(errc::conflict, case_name(id) + " is already in the store, with " + std::to_string(version) +
                                        " entries: append(c, 0) adds a case the store does not hold (append(c, " +
                                        std::to_string(version) + ") adds the entries after those)");
    if (version != expected_version)
        throw error(errc::conflict, case_name(id) + ": the store holds " + std::to_string(version) +
                                        " entries, the writer expected " + std::to_string(expected_version) +
                                        (version > expected_version ? ": another writer appended first; load the case again"
                                                                    : ""));
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
                if (!current.disposed) current.entries.secret = s.secret_from(*q, 11, id);
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

std::uint64_t case_store::record_identified_extract(std::string_view who, std::string_view table, std::string_view purpose,
                                                   const std::function<void(const case_file&)>& visit) {
    std::uint64_t n = 0;
    for (const case_summary& summary : list()) {
        for (int attempt = 0;; ++attempt) {
            case_file c = load(summary.id);
            const std::uint64_t version = c.journal().size();
            c.record_identified_extract(who, table, purpose);
            try {
                append(c, version);
            } catch (const error& e) {
                if (e.code() != errc::conflict || attempt == 8) throw;
                continue;  // another writer moved it on: load it again
            }
            visit(c);
            ++n;
            break;
        }
    }
    return n;
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

analysis_table make_table(case_store& store, std::string_view name, const agency_directory& directory,
                          const table_options& options) {
    table_builder rows(name, directory, options);
    if (rows.identified()) {
        store.record_identified_extract(*options.identified_by, name, *options.purpose,
                                        [&](const case_file& c) { rows.add(c); });
    } else {
        store.for_each({}, [&](const case_file& c) {
            rows.add(c);
            return true;
        });
    }
    return rows.take();
}

} // namespace sfcore
