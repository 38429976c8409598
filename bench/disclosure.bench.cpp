// Disclosure benchmarks. Every decision benchmark draws each request once
// from a pre-generated stream of 1,000,000 distinct random requests (a
// different member, recipient, category, purpose and instant each time), over
// the reference family (20 members × 15 recipients × 30 categories × 2
// purposes) or a large one. Beside them, measured in the same run: the floor
// of an audited decision (hashing one journal entry) and two hash-set
// baselines over the same consent tuples. scripts/bench_report.py judges each
// target by a ratio between benchmarks of one run, in CPU time.
#include <benchmark/benchmark.h>

#include <string>
#include <unordered_set>

#include "../src/archive_detail.hpp"
#include "family.hpp"

using namespace sfcore;

namespace {

// The reference family with its consents (150 records), made once.
bench::family& reference_family() {
    static bench::family f(20, 150);
    return f;
}

// One stream of distinct requests at current instants, made once.
const std::vector<disclosure_request>& current_stream() {
    static const std::vector<disclosure_request> s = reference_family().stream(bench::stream_size);
    return s;
}

// Each benchmark runs the stream through once.
template <class F>
void over_stream(benchmark::State& st, const std::vector<disclosure_request>& s, F&& f) {
    std::size_t i = 0;
    for (auto _ : st) {
        f(s[i]);
        if (++i == s.size()) i = 0;
    }
    st.counters["requests"] = static_cast<double>(s.size());
}

// ---- the floor and the audited decision ------------------------------------

// 4,096 decisions' journal entries from the stream, as the audited decision makes them.
const std::vector<event>& decision_entries() {
    static const std::vector<event> es = [] {
        const auto& s = current_stream();
        std::vector<event> out;
        for (std::size_t i = 0; i < 4096; ++i) {
            const auto& r = s[i];
            event e{r.at, "msd-worker", disclosure_decided{r.discloser, r.subjects, r.what, r.recipient, r.why, true,
                                                            decision_rule::consent, r.subjects[0], 1}};
            e.seq = 1000 + i;
            e.recorded = r.at;
            out.push_back(std::move(e));
        }
        return out;
    }();
    return es;
}

// Hashing one journal entry alone: SHA-256 over the hash before it and the
// canonical bytes of a decision's entry (the bytes already encoded).
void BM_entry_hash_floor(benchmark::State& st) {
    std::vector<bytes> encoded;
    for (const event& e : decision_entries()) encoded.push_back(detail::encode_entry(e));
    digest prev{};
    std::size_t i = 0;
    for (auto _ : st) {
        const bytes& b = encoded[i++ & 4095];
        prev = detail::chain_hash(prev, b.data(), b.size());
        benchmark::DoNotOptimize(prev);
    }
    st.counters["entry_bytes"] = static_cast<double>(encoded[0].size());
}
BENCHMARK(BM_entry_hash_floor);

// The same entries encoded in the canonical form and hashed: the floor plus
// the encoding, as the audited decision does it.
void BM_entry_encode_and_hash(benchmark::State& st) {
    const auto& es = decision_entries();
    digest prev{};
    std::size_t i = 0;
    for (auto _ : st) {
        prev = detail::decision_entry_hash(prev, es[i++ & 4095]);
        benchmark::DoNotOptimize(prev);
    }
}
BENCHMARK(BM_entry_encode_and_hash);

// The audited decision: decide, encode the entry, chain it, append it. The
// journal grows by one entry a decision; each run starts from the family's case.
void BM_audited_decision(benchmark::State& st) {
    const auto& s = current_stream();
    case_file c = reference_family().c;
    const auto& dir = reference_family().w.dir;
    over_stream(st, s, [&](const disclosure_request& r) { benchmark::DoNotOptimize(c.decide(dir, r, "msd-worker")); });
}
BENCHMARK(BM_audited_decision)->Iterations(bench::stream_size);


// The same through decide_many, in batches of 1,024.
void BM_audited_decision_batch(benchmark::State& st) {
    const auto& s = current_stream();
    case_file c = reference_family().c;
    const auto& dir = reference_family().w.dir;
    std::vector<const disclosure_request*> ptrs;
    for (const auto& r : s) ptrs.push_back(&r);
    std::vector<decision> out(1024);
    std::size_t i = 0;
    for (auto _ : st) {
        c.decide_many(dir, ptrs.data() + i, 1024, "msd-worker", out.data());
        benchmark::DoNotOptimize(out.data());
        i = i + 2048 > ptrs.size() ? 0 : i + 1024;
    }
    st.counters["per_decision"] = benchmark::Counter(static_cast<double>(st.iterations()) * 1024,
                                                     benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_audited_decision_batch)->Iterations(bench::stream_size / 1024);

// ---- decisions without recording -------------------------------------------

// A decision at the current instant (check: nothing recorded).
void BM_check_now(benchmark::State& st) {
    const auto& f = reference_family();
    over_stream(st, current_stream(), [&](const disclosure_request& r) { benchmark::DoNotOptimize(f.c.check(f.w.dir, r)); });
}
BENCHMARK(BM_check_now)->Iterations(bench::stream_size);

// The same, on the same family right after a consent change (a new consent
// and a withdrawal were the last entries): nothing needs preparing again.
void BM_check_after_change(benchmark::State& st) {
    bench::family f(20, 150);
    f.consent();
    f.rec(sharing_consent_withdrawn{member_id{3}, f.recipients[0], std::nullopt, ""});
    f.last_fact = f.w.clock;
    const auto s = f.stream(bench::stream_size);
    over_stream(st, s, [&](const disclosure_request& r) { benchmark::DoNotOptimize(f.c.check(f.w.dir, r)); });
}
BENCHMARK(BM_check_after_change)->Iterations(bench::stream_size);

// A decision at a past instant, as the family's history grows (10 to 10,000
// consent records).
void BM_check_past(benchmark::State& st) {
    bench::family f(20, static_cast<int>(st.range(0)));
    const auto s = f.stream(bench::stream_size, true);
    over_stream(st, s, [&](const disclosure_request& r) { benchmark::DoNotOptimize(f.c.check(f.w.dir, r)); });
    st.counters["records"] = static_cast<double>(st.range(0));
}
BENCHMARK(BM_check_past)->ArgName("records")->Arg(10)->Arg(150)->Arg(1000)->Arg(10000)->Iterations(bench::stream_size);

// A decision at the current instant in a large family: 80 members, 2,000 records.
void BM_check_large_family(benchmark::State& st) {
    bench::family f(80, 2000);
    const auto s = f.stream(bench::stream_size);
    over_stream(st, s, [&](const disclosure_request& r) { benchmark::DoNotOptimize(f.c.check(f.w.dir, r)); });
}
BENCHMARK(BM_check_large_family)->Iterations(bench::stream_size);

// ---- a consent change -----------------------------------------------------

// Recording one consent change (a new consent, a withdrawal or a confidential
// mark, in turn) on the reference family: the rules, the entry's hash, and
// the index's update for the cells it touches.
void BM_consent_change(benchmark::State& st) {
    bench::family f(20, 150);
    std::uint32_t k = 0;
    for (auto _ : st) {
        ++k;
        outcome o;
        switch (k % 3) {
        case 0: o = f.consent(); break;
        case 1: o = f.rec(sharing_consent_withdrawn{member_id{1 + k % 20}, f.recipients[k % 15], std::nullopt, ""}); break;
        default: o = f.rec(confidential_marked{member_id{1 + k % 20}, static_cast<category>(k % 30), (k & 4) != 0}); break;
        }
        benchmark::DoNotOptimize(o);
    }
}
BENCHMARK(BM_consent_change)->Iterations(20000);

// ---- baselines over the same consent tuples ------------------------------

// Every (subject, recipient, category, purpose) the family's consents name, as
// a text key in a std::unordered_set<std::string> (a key built per request),
// and packed in 64 bits.
struct tuple_sets {
    std::unordered_set<std::string> text;
    std::unordered_set<std::uint64_t> packed;

    static std::string text_key(std::uint32_t subject, const recipient& to, category what, purpose why) {
        return std::to_string(subject) + '|' + std::to_string(to.agency.value()) + '|' + std::to_string(to.practitioner.value()) +
               '|' + std::to_string(static_cast<int>(what)) + '|' + std::to_string(static_cast<int>(why));
    }
    static std::uint64_t packed_key(std::uint32_t subject, const recipient& to, category what, purpose why) {
        return (std::uint64_t{subject} << 40) | (std::uint64_t{to.agency.value()} << 24) |
               (std::uint64_t{to.practitioner.value()} << 12) | (std::uint64_t(what) << 4) | std::uint64_t(why);
    }

    explicit tuple_sets(const case_file& c) {
        for (const auto& k : c.disclosure().consents())
            for (const auto& to : k.given.scope.recipients)
                for (unsigned cat = 0; cat < 64; ++cat)
                    if (k.given.scope.categories >> cat & 1u)
                        for (auto why : {purpose::meeting, purpose::plan_delivery}) {
                            text.insert(text_key(k.given.subject.value(), to, static_cast<category>(cat), why));
                            packed.insert(packed_key(k.given.subject.value(), to, static_cast<category>(cat), why));
                        }
    }
};

void BM_baseline_string_set(benchmark::State& st) {
    const tuple_sets sets(reference_family().c);
    over_stream(st, current_stream(), [&](const disclosure_request& r) {
        benchmark::DoNotOptimize(sets.text.count(tuple_sets::text_key(r.subjects[0].value(), r.recipient, r.what, r.why)));
    });
}
BENCHMARK(BM_baseline_string_set)->Iterations(bench::stream_size);

void BM_baseline_packed_set(benchmark::State& st) {
    const tuple_sets sets(reference_family().c);
    over_stream(st, current_stream(), [&](const disclosure_request& r) {
        benchmark::DoNotOptimize(sets.packed.count(tuple_sets::packed_key(r.subjects[0].value(), r.recipient, r.what, r.why)));
    });
}
BENCHMARK(BM_baseline_packed_set)->Iterations(bench::stream_size);

// Verifying a journal of n decision entries, per entry.
void BM_journal_verify(benchmark::State& st) {
    case_file c = reference_family().c;
    const auto& s = current_stream();
    for (std::int64_t i = 0; i < st.range(0); ++i) c.decide(reference_family().w.dir, s[static_cast<std::size_t>(i)], "worker");
    for (auto _ : st) benchmark::DoNotOptimize(c.verify());
    st.counters["per_entry"] = benchmark::Counter(static_cast<double>(st.iterations()) * static_cast<double>(c.journal().size()),
                                                  benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_journal_verify)->ArgName("decisions")->Arg(100000);

} // namespace
