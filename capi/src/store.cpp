// The case store from C. A store handle may be used from many threads: its
// calls take turns; once closed, every call returns SF_ECLOSED.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

case_query query_of(const sf_case_query* query) {
    case_query q;
    if (query) {
        if (query->state >= 0) q.state = enum_from_int<state>(query->state);
        if (query->programme >= 0) q.programme = enum_from_int<programme>(query->programme);
        if (query->coordinator) q.coordinator = practitioner_id{query->coordinator};
        if (query->overdue_on) q.overdue_on = date_of(query->overdue_on);
    }
    return q;
}

store_options options_of(const sf_store_options* options) {
    store_options opt;
    if (options) {
        opt.durable = options->not_durable == 0;
        opt.keys = keys_of(options->keys, options->key_count);
        if (options->seal_with) opt.seal_with = utf8(options->seal_with, "seal_with");
        if (options->calendar) opt.calendar = calendar_in(options->calendar);
    }
    return opt;
}

std::vector<retention_rule> rules_of(const sf_retention_rule* rules, std::size_t n) {
    if (n > 0) need(rules, "rules");
    std::vector<retention_rule> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back({enum_from_int<programme>(rules[i].programme), rules[i].years_after_closure});
    return out;
}

} // namespace

extern "C" {

int sf_store_due_for_disposal(sf_disposal_due** out_items, size_t* out_count, sf_store* store, const sf_retention_rule* rules,
                              size_t rule_count, int32_t on) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        items = nullptr;
        count = 0;
        const auto r = rules_of(rules, rule_count);
        const date d = date_of(on);
        std::vector<sf_disposal_due> v;
        for (const auto& x : with_store(store, [&](case_store& s) { return s.due_for_disposal(r, d); }))
            v.push_back({x.id.value(), static_cast<int>(x.programme), to_yyyymmdd(x.closed), to_yyyymmdd(x.due), x.years, x.encrypted ? 1 : 0});
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_store_dispose(sf_journal_head* out_head, sf_store* store, uint64_t id, const sf_retention_rule* rules, size_t rule_count,
                     int32_t on, const char* disposed_by) {
    return call([&] {
        auto& o = need(out_head, "out_head");
        const auto r = rules_of(rules, rule_count);
        const date d = date_of(on);
        const std::string who = utf8(disposed_by, "disposed_by");
        o = to_c(with_store(store, [&](case_store& s) { return s.dispose(case_id{id}, r, d, who); }));
    });
}

int sf_store_open_encrypted(sf_store** out, const char* path, const sf_store_options* options, const sf_key_provider* keys) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        store_options opt = options_of(options);
        opt.encryption = provider_of(need(keys, "keys"));
        auto h = std::make_unique<store_handle>();
        h->store.emplace(utf8(path, "path"), std::move(opt));
        o = reinterpret_cast<sf_store*>(h.release());
    });
}

int sf_store_rewrap(uint64_t* out_count, sf_store* store) {
    return call([&] {
        auto& o = need(out_count, "out_count");
        o = with_store(store, [](case_store& s) { return s.rewrap(); });
    });
}

int sf_store_open(sf_store** out, const char* path, const sf_store_options* options) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        auto h = std::make_unique<store_handle>();
        h->store.emplace(utf8(path, "path"), options_of(options));
        o = reinterpret_cast<sf_store*>(h.release());
    });
}

int sf_store_migrate(int* out_version, const char* location, const sf_store_options* options) {
    return call([&] {
        auto& o = need(out_version, "out_version");
        o = case_store::migrate(utf8(location, "location"), options_of(options));
    });
}

int sf_store_follow(sf_store* store) {
    return call([&] {
        with_store(store, [](case_store& s) {
            s.follow();
            return 0;
        });
    });
}

int sf_store_next_change(int* out_found, uint64_t* out_case, uint64_t* out_version, sf_store* store, int timeout_ms) {
    return call([&] {
        auto& found = need(out_found, "out_found");
        auto& id = need(out_case, "out_case");
        auto& version = need(out_version, "out_version");
        found = 0;
        id = version = 0;
        const auto change = with_store(store, [&](case_store& s) { return s.next_change(timeout_ms); });
        if (change) {
            found = 1;
            id = change->id.value();
            version = change->version;
        }
    });
}

int sf_store_close(sf_store* store) {
    return call([&] {
        store_handle& h = need(store, "store").impl;
        std::lock_guard<std::mutex> held(h.lock);
        h.store.reset();
    });
}

void sf_store_free(sf_store* store) { free_handle(store); }

int sf_store_append(sf_journal_head* out_head, sf_store* store, const sf_case* c, uint64_t expected_version) {
    return call([&] {
        auto& o = need(out_head, "out_head");
        need(c, "case");
        o = to_c(with_store(store, [&](case_store& s) {
            return read_case(c, [&](const case_file& k) { return s.append(k, expected_version); });
        }));
    });
}

int sf_store_load(sf_case** out, sf_store* store, uint64_t id) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_case>(with_store(store, [&](case_store& s) { return s.load(case_id{id}); }));
    });
}

int sf_store_version(uint64_t* out, sf_store* store, uint64_t id) {
    return call([&] {
        auto& o = need(out, "out");
        o = with_store(store, [&](case_store& s) { return s.version(case_id{id}); });
    });
}

int sf_store_size(uint64_t* out, sf_store* store) {
    return call([&] {
        auto& o = need(out, "out");
        o = with_store(store, [](case_store& s) { return s.size(); });
    });
}

int sf_store_list(sf_case_summary** out_items, size_t* out_count, sf_store* store, const sf_case_query* query) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const case_query q = query_of(query);
        std::vector<sf_case_summary> v;
        with_store(store, [&](case_store& s) {
            for (const auto& c : s.list(q))
                v.push_back({c.id.value(), static_cast<int>(c.state), static_cast<int>(c.programme),
                             c.coordinator ? c.coordinator->value() : 0, c.version, c_date(c.next_deadline), to_c(c.head)});
            return 0;
        });
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_store_each(uint64_t* out_visited, sf_store* store, const sf_case_query* query, sf_case_visitor visit, void* user) {
    return call([&] {
        auto& visited = need(out_visited, "out_visited");
        visited = 0;
        if (!visit) throw error(errc::null_argument, "visit is NULL");
        const case_query q = query_of(query);
        with_store(store, [&](case_store& s) {
            return s.for_each(q, [&](const case_file& c) {
                ++visited;
                const shared_case handle(c);
                return visit(user, reinterpret_cast<const sf_case*>(&handle)) == 0;
            });
        });
    });
}

int sf_store_record_identified_extract(uint64_t* out_recorded, sf_store* store, const char* who, const char* table,
                                       const char* purpose, sf_case_visitor visit, void* user) {
    return call([&] {
        auto& recorded = need(out_recorded, "out_recorded");
        recorded = 0;
        const std::string w = utf8(who, "who"), t = utf8(table, "table"), p = utf8(purpose, "purpose");
        with_store(store, [&](case_store& s) {
            return s.record_identified_extract(w, t, p, [&](const case_file& c) {
                ++recorded;
                if (!visit) return;
                const shared_case handle(c);
                visit(user, reinterpret_cast<const sf_case*>(&handle));
            });
        });
    });
}

int sf_store_person_cases(sf_person_case** out_items, size_t* out_count, sf_store* store, const char* key) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const std::string k = utf8(key, "key");
        std::vector<sf_person_case> v;
        with_store(store, [&](case_store& s) {
            for (const auto& p : s.person_cases(k))
                v.push_back({p.id.value(), p.member.value(), static_cast<int>(p.state), static_cast<int>(p.programme),
                             to_unix(p.referred), p.history.size()});
            return 0;
        });
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_store_siblings(sf_sibling** out_items, size_t* out_count, sf_store* store, const char* key) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const std::string k = utf8(key, "key");
        const auto found = with_store(store, [&](case_store& s) { return s.siblings(k); });
        items = nullptr;
        count = 0;
        if (found.empty()) return;
        // One allocation: the array, then its keys, each ending in a zero.
        std::size_t size = found.size() * sizeof(sf_sibling);
        for (const auto& s : found) size += s.key.size() + s.through.size() + 2;
        auto* out = static_cast<sf_sibling*>(std::malloc(size));
        if (!out) throw std::bad_alloc();
        char* text = reinterpret_cast<char*>(out + found.size());
        const auto put = [&text](const std::string& s) {
            const char* at = text;
            std::memcpy(text, s.c_str(), s.size() + 1);
            text += s.size() + 1;
            return at;
        };
        for (std::size_t i = 0; i < found.size(); ++i) {
            const sibling& s = found[i];
            out[i].key = put(s.key);
            out[i].through = put(s.through);
            out[i].case_id = s.in_case.value();
            out[i].member = s.member.value();
            out[i].role = static_cast<int>(s.details.role);
        }
        items = out;
        count = found.size();
    });
}

int sf_store_access_response(char** out_markdown, sf_store* store, const char* key, const sf_directory* dir) {
    return call([&] {
        auto& out = need(out_markdown, "out_markdown");
        out = nullptr;
        const std::string k = utf8(key, "key");
        const std::string md = with_store(store, [&](case_store& s) {
            return s.access_response(k, dir ? need(dir, "dir").impl : s.directory()).markdown;
        });
        out = string_out(md);
    });
}

int sf_store_checkpoint(sf_kept_head** out_items, size_t* out_count, sf_store* store) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        std::vector<sf_kept_head> v;
        with_store(store, [&](case_store& s) {
            for (const auto& [id, head] : s.checkpoint().heads) v.push_back({id.value(), to_c(head)});
            return 0;
        });
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_store_verify(size_t* out_damaged, char** out_report, sf_store* store, const sf_kept_head* kept, size_t kept_count) {
    return call([&] {
        auto& damaged = need(out_damaged, "out_damaged");
        if (out_report) *out_report = nullptr;
        if (kept_count > 0 && !kept) throw error(errc::null_argument, "kept is NULL");
        store_checkpoint checkpoint;
        for (size_t i = 0; i < kept_count; ++i) checkpoint.heads.emplace_back(case_id{kept[i].case_id}, head_of(kept[i].head));
        const store_verification v =
            with_store(store, [&](case_store& s) { return s.verify(kept_count ? &checkpoint : nullptr); });
        damaged = v.damaged.size();
        if (!v.damaged.empty() && out_report) {
            std::string report;
            for (const auto& [id, why] : v.damaged) report += "case " + std::to_string(id.value()) + ": " + why + "\n";
            *out_report = string_out(report);
        }
    });
}

int sf_store_reseal(uint64_t* out_count, sf_store* store) {
    return call([&] {
        auto& o = need(out_count, "out_count");
        o = with_store(store, [](case_store& s) { return s.reseal(); });
    });
}

int sf_store_put_directory(sf_store* store, const sf_directory* dir) {
    return call([&] {
        const auto& d = need(dir, "dir");
        with_store(store, [&](case_store& s) {
            s.put_directory(d.impl);
            return 0;
        });
    });
}

int sf_store_directory(sf_directory** out, sf_store* store) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>(with_store(store, [](case_store& s) { return s.directory(); }));
    });
}

} // extern "C"
