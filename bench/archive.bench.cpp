// Archive and store benchmarks: save + load throughput and size per event,
// appending to the store, and opening a store of 100,000 cases to load one.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "../src/archive_detail.hpp"
#include "../src/case_access.hpp"
#include "../src/crypto.hpp"
#include "family.hpp"

using namespace sfcore;
using bench::renumbered;

namespace {

// A case with about `events` events: a full case, then plan work (action
// updates and priorities) as a long-running case accumulates.
case_file case_with(fixtures::world& w, std::size_t events) {
    case_file c = w.drive_to(state::plan_active);
    const action_status cycle[] = {action_status::in_progress, action_status::open};
    for (std::size_t i = 0; c.journal().size() < events; ++i) {
        if (i % 3 == 2)
            w.rec(c, priorities_set{{"school attendance", "housing", "step " + std::to_string(i)}, {"close whānau"}, {"money for rent"}});
        else
            w.rec(c, action_updated{action_id{1 + static_cast<std::uint32_t>(i % 2)}, cycle[i % 2], "week " + std::to_string(i)});
    }
    return c;
}

void BM_archive_save_load(benchmark::State& st) {
    fixtures::world w;
    const case_file c = case_with(w, static_cast<std::size_t>(st.range(0)));
    const auto encoding = st.range(1) ? archive_encoding::text : archive_encoding::binary;
    std::size_t size = 0;
    for (auto _ : st) {
        const bytes b = save_archive(c, encoding);
        size = b.size();
        benchmark::DoNotOptimize(load_case(b));
    }
    const double events = static_cast<double>(c.journal().size());
    st.counters["per_event"] = benchmark::Counter(static_cast<double>(st.iterations()) * events,
                                                  benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    st.counters["bytes_per_event"] = static_cast<double>(size) / events;
}
BENCHMARK(BM_archive_save_load)->ArgNames({"events", "text"})->Args({200, 0})->Args({2000, 0})->Args({200, 1});

std::string temp_path(const char* name) {
    char dir[] = "/tmp/sfcore-bench-XXXXXX";
    if (!mkdtemp(dir)) std::abort();
    return std::string(dir) + "/" + name;
}

void BM_store_append(benchmark::State& st) {
    const std::string path = temp_path("append.db");
    store_options o;
    o.durable = st.range(0) != 0;
    case_store store(path, o);
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    store.append(c, 0);
    int i = 0;
    for (auto _ : st) {
        st.PauseTiming();
        const std::uint64_t v = c.journal().size();
        w.rec(c, priorities_set{{"step " + std::to_string(++i)}, {}, {}});
        st.ResumeTiming();
        store.append(c, v);
    }
    std::remove(path.c_str());
}
BENCHMARK(BM_store_append)->ArgName("durable")->Arg(0)->Arg(1)->UseRealTime();

// A store of n cases (1,000, 10,000 or 100,000), made once per run.
const std::string& store_of(std::uint64_t n) {
    static std::map<std::uint64_t, std::string> made;
    auto [it, fresh] = made.try_emplace(n);
    if (fresh) {
        it->second = temp_path(("cases-" + std::to_string(n) + ".db").c_str());
        store_options o;
        o.durable = false;
        case_store store(it->second, o);
        fixtures::world w;
        const case_file proto = w.drive_to(state::plan_active);
        for (std::uint64_t id = 1; id <= n; ++id) store.append(renumbered(proto, case_id{id}, w.dir), 0);
    }
    return it->second;
}

void BM_store_open_and_load_one(benchmark::State& st) {
    const auto n = static_cast<std::uint64_t>(st.range(0));
    const std::string& path = store_of(n);
    std::mt19937_64 rng(1);
    for (auto _ : st) {
        case_store store(path);
        benchmark::DoNotOptimize(store.load(case_id{1 + rng() % n}));
    }
}
BENCHMARK(BM_store_open_and_load_one)->ArgName("cases")->Arg(1000)->Arg(10000)->Arg(100000)->UseRealTime();

void BM_store_load_one(benchmark::State& st) {
    const auto n = static_cast<std::uint64_t>(st.range(0));
    case_store store(store_of(n));
    std::mt19937_64 rng(2);
    for (auto _ : st) benchmark::DoNotOptimize(store.load(case_id{1 + rng() % n}));
}
BENCHMARK(BM_store_load_one)->ArgName("cases")->Arg(1000)->Arg(100000)->UseRealTime();

// 1,000 audited decisions appended to a durable store in one transaction.
void BM_store_append_1000_decisions(benchmark::State& st) {
    const std::string path = temp_path("decisions.db");
    case_store store(path);  // durable: synced at every commit
    bench::family f(20, 150);
    journal_head head = store.append(f.c, 0);
    const auto requests = f.stream(static_cast<std::size_t>(st.max_iterations) * 1000 + 1000);
    std::size_t i = 0;
    for (auto _ : st) {
        st.PauseTiming();
        for (int k = 0; k < 1000; ++k) f.c.decide(f.w.dir, requests[i++], "msd-worker");
        st.ResumeTiming();
        head = store.append(f.c, head.seq);
    }
    benchmark::DoNotOptimize(head);
    std::remove(path.c_str());
}
BENCHMARK(BM_store_append_1000_decisions)->Iterations(50)->Unit(benchmark::kMillisecond)->UseRealTime();

// Load one case of 1,000 entries from a store: its rows read, its chain (from
// the case's id) and its summary verified, the journal replayed — every entry
// checked again by the rules and every decision made again. Loading is the
// verification: a journal that does not verify does not load.
void BM_store_load_1000_entries(benchmark::State& st) {
    const std::string path = temp_path("thousand.db");
    case_store store(path);
    bench::family f(20, 150);
    const auto requests = f.stream(1000);
    for (std::size_t i = 0; f.c.journal().size() < 1000; ++i) f.c.decide(f.w.dir, requests[i], "msd-worker");
    store.append(f.c, 0);
    for (auto _ : st) {
        const case_file c = store.load(f.c.id());
        benchmark::DoNotOptimize(c.journal().size());
    }
    std::remove(path.c_str());
}
BENCHMARK(BM_store_load_1000_entries)->Unit(benchmark::kMicrosecond);

// Every case of a store in one pass (a report over a whole store), per case.
void BM_store_load_all(benchmark::State& st) {
    const auto n = static_cast<std::uint64_t>(st.range(0));
    case_store store(store_of(n));
    for (auto _ : st) benchmark::DoNotOptimize(store.for_each({}, [](const case_file& c) { return c.id().value() != 0; }));
    st.counters["per_case"] = benchmark::Counter(static_cast<double>(st.iterations()) * static_cast<double>(n),
                                                 benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_store_load_all)->ArgName("cases")->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Encryption at rest against the plain store, in the same run: recording one
// entry (a distinct random text each time) and appending it, and loading a
// 500-entry case. An encrypted case seals each entry as it is recorded (its
// hash is over the sealed bytes) and opens each as it is loaded.
key_provider bench_keys() {
    return {[](const std::string&) { return std::vector<std::uint8_t>(32, 7); }, "bench"};
}

case_store at_rest_store(const std::string& path, bool encrypted) {
    store_options o;
    o.durable = false;  // the cost of the work, not of the disk
    if (encrypted) o.encryption = bench_keys();
    return case_store(path, o);
}

// A benchmark's store, plain or encrypted as its argument says, with a world and a random stream; the file goes with it.
struct at_rest_bench {
    bool encrypted;
    std::string path;
    case_store store;
    fixtures::world w;
    std::mt19937_64 rng;

    at_rest_bench(const char* file, bool encrypt, std::uint64_t seed)
        : encrypted(encrypt), path(temp_path(file)), store(at_rest_store(path, encrypt)), rng(seed) {}
    ~at_rest_bench() { std::remove(path.c_str()); }
    at_rest_bench(const at_rest_bench&) = delete;
    at_rest_bench& operator=(const at_rest_bench&) = delete;
};

// A case of about `events` entries whose members have distinct random names.
case_file at_rest_case(fixtures::world& w, std::uint64_t id, bool encrypted, std::size_t events, std::mt19937_64& rng) {
    case_file c = case_file::open(case_id{id}, w.dir, w.referral_for(), "coordinator", w.tick(),
                                  encrypted ? at_rest::encrypted : at_rest::plain);
    w.rec(c, referral_accepted{false, ""});
    for (std::uint32_t i = 0; c.journal().size() < events; ++i) {
        member m;
        m.name = "Member " + std::to_string(rng());
        m.role = i % 2 ? member_role::child : member_role::parent_caregiver;
        w.rec(c, member_added{m});
    }
    return c;
}

// A stream of random picks from 1..n, drawn before the timed loop.
std::vector<std::uint64_t> picks(std::uint64_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::uint64_t> out(1 << 16);
    for (auto& v : out) v = 1 + rng() % n;
    return out;
}

// This thread's CPU time, in nanoseconds.
double thread_cpu_ns() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

void BM_store_append_at_rest(benchmark::State& st) {
    at_rest_bench b("at-rest.db", st.range(0) != 0, 11);
    case_file c = at_rest_case(b.w, 1, b.encrypted, 20, b.rng);
    b.store.append(c, 0);
    std::uint32_t member = 1;
    for (auto _ : st) {
        const std::uint64_t v = c.journal().size();
        b.w.rec(c, member_updated{member_id{1 + member++ % 10}, "Name " + std::to_string(b.rng()), std::nullopt, std::nullopt,
                                  "a correction the person asked for"});
        b.store.append(c, v);
    }
}
BENCHMARK(BM_store_append_at_rest)->ArgName("encrypted")->Arg(0)->Arg(1);

// Run work(which) for the plain store (which 0) and the encrypted one (1) at every iteration, the order
// alternating, each timed in this thread's CPU time, and report both per iteration and their ratio: a
// change in the machine's load falls on both alike, as it need not between two separate benchmarks.
template <class Work>
void interleaved(benchmark::State& st, Work&& work) {
    double spent[2] = {0, 0};  // plain, encrypted
    std::size_t i = 0;
    for (auto _ : st) {
        for (std::size_t k = 0; k < 2; ++k) {
            const std::size_t which = (k + i) & 1;  // the plain store first one time, the encrypted one the next
            const double t0 = thread_cpu_ns();
            work(which);
            spent[which] += thread_cpu_ns() - t0;
        }
        ++i;
    }
    const auto n = static_cast<double>(st.iterations());
    st.counters["plain_us"] = spent[0] / n / 1e3;
    st.counters["encrypted_us"] = spent[1] / n / 1e3;
    st.counters["ratio"] = spent[0] > 0 ? spent[1] / spent[0] : 0;
}

// The two appends above interleaved append by append, each store's case taking the same entries.
void BM_store_append_at_rest_paired(benchmark::State& st) {
    at_rest_bench plain("at-rest-append-plain.db", false, 11);
    at_rest_bench sealed("at-rest-append-sealed.db", true, 11);
    case_file cases[2] = {at_rest_case(plain.w, 1, false, 20, plain.rng), at_rest_case(sealed.w, 1, true, 20, sealed.rng)};
    plain.store.append(cases[0], 0);
    sealed.store.append(cases[1], 0);
    std::uint32_t member[2] = {1, 1};
    interleaved(st, [&](std::size_t which) {
        at_rest_bench& b = which ? sealed : plain;  // each with its own random stream, the same seed
        case_file& c = cases[which];
        const std::uint64_t v = c.journal().size();
        b.w.rec(c, member_updated{member_id{1 + member[which]++ % 10}, "Name " + std::to_string(b.rng()), std::nullopt, std::nullopt,
                                  "a correction the person asked for"});
        b.store.append(c, v);
    });
}
BENCHMARK(BM_store_append_at_rest_paired);

// Load one of 16 cases of 500 entries, drawn at random.
void BM_store_load_at_rest(benchmark::State& st) {
    at_rest_bench b("at-rest-load.db", st.range(0) != 0, 7);
    constexpr std::uint64_t cases = 16;
    for (std::uint64_t id = 1; id <= cases; ++id) b.store.append(at_rest_case(b.w, id, b.encrypted, 500, b.rng), 0);
    const std::vector<std::uint64_t> ids = picks(cases, 13);
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(b.store.load(case_id{ids[i++ & (ids.size() - 1)]}).journal().size());
}
BENCHMARK(BM_store_load_at_rest)->ArgName("encrypted")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The two loads above interleaved load by load, the same case drawn for both.
void BM_store_load_at_rest_paired(benchmark::State& st) {
    at_rest_bench plain("at-rest-load-plain.db", false, 7);
    at_rest_bench sealed("at-rest-load-sealed.db", true, 7);
    constexpr std::uint64_t cases = 16;
    for (at_rest_bench* b : {&plain, &sealed})
        for (std::uint64_t id = 1; id <= cases; ++id) b->store.append(at_rest_case(b->w, id, b->encrypted, 500, b->rng), 0);
    const std::vector<std::uint64_t> ids = picks(cases, 13);
    std::size_t draws[2] = {0, 0};
    interleaved(st, [&](std::size_t which) {
        const case_id id{ids[draws[which]++ & (ids.size() - 1)]};
        benchmark::DoNotOptimize((which ? sealed : plain).store.load(id).journal().size());
    });
}
BENCHMARK(BM_store_load_at_rest_paired)->Unit(benchmark::kMicrosecond);

// The floor of an encrypted load: one stored entry read back from its bytes (decoded, and opened when
// sealed), drawn at random from a case's 500: plain (0), sealed with AES-256-GCM (1, every case opened
// now) and with XChaCha20-Poly1305 (2, the cipher of cases opened before).
void BM_entry_open(benchmark::State& st) {
    const bool encrypted = st.range(0) != 0;
    fixtures::world w;
    std::mt19937_64 rng(17);
    const case_file c = at_rest_case(w, 1, encrypted, 500, rng);
    std::shared_ptr<const detail::case_secret> xchacha;
    const detail::case_secret* secret = detail::case_access::secret(c);
    if (st.range(0) == 2) {
        xchacha = secret->with_cipher(detail::entry_cipher::xchacha20poly1305);
        secret = xchacha.get();
    }
    std::vector<bytes> rows;
    for (const event& e : c.journal()) rows.push_back(detail::encode_entry(e, secret));
    const std::vector<std::uint64_t> at = picks(rows.size(), 19);
    std::size_t i = 0;
    for (auto _ : st) {
        const bytes& r = rows[at[i++ & (at.size() - 1)] - 1];
        benchmark::DoNotOptimize(detail::decode_entry(r.data(), r.size(), secret).seq);
    }
}
BENCHMARK(BM_entry_open)->ArgName("encrypted")->Arg(0)->Arg(1)->Arg(2);

// An access response for a person in 3 cases of 500 entries each (encrypted): one of 8 persons, drawn at random.
void BM_access_response(benchmark::State& st) {
    const std::string path = temp_path("access.db");
    case_store store = at_rest_store(path, true);
    fixtures::world w;
    constexpr std::uint64_t persons = 8;
    std::uint64_t id = 0;
    for (std::uint64_t p = 1; p <= persons; ++p)
        for (int k = 0; k < 3; ++k) {
            case_file c = case_file::open(case_id{++id}, w.dir, w.referral_for(), "coordinator", w.tick(), at_rest::encrypted);
            w.rec(c, referral_accepted{false, ""});
            member m;
            m.name = "Person " + std::to_string(p);
            w.rec(c, member_added{m});
            w.rec(c, person_linked{member_id{1}, "p-" + std::to_string(p), std::nullopt, std::nullopt});
            for (std::uint32_t i = 0; c.journal().size() < 500; ++i) {
                member other;
                other.name = "Other " + std::to_string(id) + "-" + std::to_string(i);
                other.role = member_role::child;
                w.rec(c, member_added{other});
            }
            store.append(c, 0);
        }
    std::vector<std::string> keys;
    for (std::uint64_t p : picks(persons, 23)) keys.push_back("p-" + std::to_string(p));
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(store.access_response(keys[i++ & (keys.size() - 1)], w.dir).items.size());
    std::remove(path.c_str());
}
BENCHMARK(BM_access_response)->Unit(benchmark::kMillisecond);

} // namespace
