// The store's two backends side by side, both durable: appends a second with
// 1, 4 and 16 concurrent writers (each its own connection and its own case),
// opening a store of 100,000 cases and loading one (p50 and p99 of each
// load), and the whole-store read per case. The PostgreSQL server is the one
// SFCORE_BENCH_POSTGRES names (make bench starts a throwaway one); without
// it, the PostgreSQL rows are skipped.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <libpq-fe.h>
#include <unistd.h>

#include "family.hpp"

using namespace sfcore;
using bench::renumbered;

namespace {

const char* server() {
    const char* s = std::getenv("SFCORE_BENCH_POSTGRES");
    return s && *s ? s : nullptr;
}

// A fresh store: an SQLite file in a new directory, or a new schema of the
// benchmark database, migrated.
std::string fresh_store(bool postgres, const std::string& name) {
    if (!postgres) {
        char dir[] = "/tmp/sfcore-bench-XXXXXX";
        if (!mkdtemp(dir)) std::abort();
        return std::string(dir) + "/" + name + ".db";
    }
    const std::string schema = "bench_" + name;
    PGconn* c = PQconnectdb(server());
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(c, ("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema).c_str()));
    PQfinish(c);
    const std::string location = std::string(server()) + " options='-c search_path=" + schema + "'";
    case_store::migrate(location);
    return location;
}

bool skip_without_server(benchmark::State& st, bool postgres) {
    if (postgres && !server()) {
        st.SkipWithError("SFCORE_BENCH_POSTGRES is not set (make bench starts a server)");
        return true;
    }
    return false;
}

// Appends a second with `writers` concurrent writers, each on its own
// connection appending one entry a transaction to its own case, durably.
void BM_backend_appends(benchmark::State& st) {
    const bool postgres = st.range(0) != 0;
    const int writers = static_cast<int>(st.range(1));
    if (skip_without_server(st, postgres)) return;
    constexpr int per_writer = 25;
    const std::string location = fresh_store(postgres, "appends_" + std::to_string(writers));
    struct writer {
        std::unique_ptr<case_store> store;
        fixtures::world w;
        std::optional<case_file> c;
    };
    std::vector<std::unique_ptr<writer>> ws;
    {
        fixtures::world w;
        const case_file proto = w.drive_to(state::plan_active);
        for (int i = 0; i < writers; ++i) {
            auto x = std::make_unique<writer>();
            store_options o;
            o.busy_timeout_ms = 60000;  // SQLite's writers queue for the file's lock
            x->store = std::make_unique<case_store>(location, o);
            x->c = renumbered(proto, case_id{static_cast<std::uint64_t>(i + 1)}, w.dir);
            x->w.clock = x->c->journal().back().when;
            x->store->append(*x->c, 0);
            ws.push_back(std::move(x));
        }
    }
    int step = 0;
    for (auto _ : st) {
        ++step;
        std::vector<std::thread> threads;
        for (auto& x : ws)
            threads.emplace_back([&x, step] {
                for (int k = 0; k < per_writer; ++k) {
                    case_file& c = *x->c;
                    const std::uint64_t v = c.journal().size();
                    x->w.rec(c, priorities_set{{"step " + std::to_string(step) + "." + std::to_string(k)}, {}, {}});
                    x->store->append(c, v);
                }
            });
        for (auto& t : threads) t.join();
    }
    st.counters["appends_per_s"] =
        benchmark::Counter(static_cast<double>(st.iterations()) * writers * per_writer, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_backend_appends)
    ->ArgNames({"postgresql", "writers"})
    ->ArgsProduct({{0, 1}, {1, 4, 16}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// A store of 100,000 cases per backend, made once per run (not durably, by
// eight writers at once, to be quick about it).
const std::string& big_store(bool postgres) {
    constexpr std::uint64_t n = 100000;
    static std::map<bool, std::string> made;
    auto [it, fresh] = made.try_emplace(postgres);
    if (fresh) {
        it->second = fresh_store(postgres, "cases_100000");
        fixtures::world w;
        const case_file proto = w.drive_to(state::plan_active);
        std::vector<std::thread> threads;
        constexpr std::uint64_t makers = 8;
        for (std::uint64_t t = 0; t < makers; ++t)
            threads.emplace_back([&, t] {
                store_options o;
                o.durable = false;
                o.busy_timeout_ms = 60000;
                case_store store(it->second, o);
                for (std::uint64_t id = 1 + t; id <= n; id += makers) store.append(renumbered(proto, case_id{id}, w.dir), 0);
            });
        for (auto& t : threads) t.join();
    }
    return it->second;
}

// Each load timed alone; the median and the 99th percentile of them.
template <class Load>
void percentiles(benchmark::State& st, Load&& load) {
    std::vector<double> ms;
    std::mt19937_64 rng(11);
    for (auto _ : st) {
        const auto t0 = std::chrono::steady_clock::now();
        load(case_id{1 + rng() % 100000});
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    st.counters["p50_ms"] = ms[ms.size() / 2];
    st.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

void BM_backend_open_and_load_one(benchmark::State& st) {
    const bool postgres = st.range(0) != 0;
    if (skip_without_server(st, postgres)) return;
    const std::string& location = big_store(postgres);
    percentiles(st, [&](case_id id) {
        case_store store(location);
        benchmark::DoNotOptimize(store.load(id));
    });
}
BENCHMARK(BM_backend_open_and_load_one)->ArgName("postgresql")->Arg(0)->Arg(1)->Iterations(2000)->UseRealTime();

void BM_backend_load_one(benchmark::State& st) {
    const bool postgres = st.range(0) != 0;
    if (skip_without_server(st, postgres)) return;
    case_store store(big_store(postgres));
    percentiles(st, [&](case_id id) { benchmark::DoNotOptimize(store.load(id)); });
}
BENCHMARK(BM_backend_load_one)->ArgName("postgresql")->Arg(0)->Arg(1)->Iterations(5000)->UseRealTime();

// Every case of the store in one pass, per case.
void BM_backend_load_all(benchmark::State& st) {
    const bool postgres = st.range(0) != 0;
    if (skip_without_server(st, postgres)) return;
    case_store store(big_store(postgres));
    std::uint64_t n = 0;
    for (auto _ : st) n = store.for_each({}, [](const case_file& c) { return c.id().value() != 0; });
    st.counters["per_case"] = benchmark::Counter(static_cast<double>(st.iterations()) * static_cast<double>(n),
                                                 benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_backend_load_all)->ArgName("postgresql")->Arg(0)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
