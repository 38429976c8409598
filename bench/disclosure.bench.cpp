// Disclosure benchmarks: a decision at the current instant, with the audit
// append, at a past instant, and how the cost grows with the number of
// consent records — beside a plain std::unordered_set lookup of the same
// consent tuples, measured in the same run.
#include <benchmark/benchmark.h>

#include <random>
#include <unordered_set>

#include "../tests/cpp/fixtures.hpp"
#include "../tests/cpp/reference_decider.hpp"

using namespace sfcore;

namespace {

// A family of `members` people (one parent, the rest young people who consent
// for themselves) with `records` consents spread over 15 recipients.
struct bench_family {
    fixtures::world w;
    case_file c;
    std::unique_ptr<disclosure_ledger> ledger;
    std::vector<party> recipients;
    std::vector<disclosure_request> requests;
    std::unordered_set<std::uint64_t> tuples;  // (subject, recipient, category, purpose) packed in 64 bits

    // The same tuples as a plain struct key with a combined hash.
    struct tuple {
        std::uint32_t subject;
        party recipient;
        category what;
        purpose why;
        bool operator==(const tuple& o) const {
            return subject == o.subject && recipient == o.recipient && what == o.what && why == o.why;
        }
    };
    struct tuple_hash {
        std::size_t operator()(const tuple& t) const noexcept {
            std::size_t h = std::hash<std::uint32_t>{}(t.subject);
            const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
            mix(std::hash<std::uint32_t>{}(static_cast<std::uint32_t>(t.recipient.kind)));
            mix(std::hash<std::uint32_t>{}(t.recipient.id));
            mix(std::hash<int>{}(static_cast<int>(t.what)));
            mix(std::hash<int>{}(static_cast<int>(t.why)));
            return h;
        }
    };
    std::unordered_set<tuple, tuple_hash> plain;
    // The naive reference decider of the differential test, over the same facts.
    reference::facts ref;

    static std::uint64_t key(std::uint32_t s, std::uint32_t r, category c, purpose p) {
        return (std::uint64_t{s} << 32) | (std::uint64_t{r} << 16) | (std::uint64_t(c) << 8) | std::uint64_t(p);
    }

    bench_family(int members, int records) : c(w.drive_to(state::awaiting_consent)) {
        for (int i = 2; i < members; ++i)
            w.rec(c, member_added{member{{}, "Rangatahi " + std::to_string(i), member_role::young_person, make_date(2006, 1, 1), true}});
        for (std::uint32_t a = 1; a <= 12; ++a) recipients.push_back(party::of(agency_id{a}));
        recipients.push_back(party::of(w.social_worker));
        recipients.push_back(party::of(w.teacher));
        recipients.push_back(party::of(w.officer));
        category_registry thirty;  // the 13 built in and 17 a region adds
        for (int i = 0; thirty.size() < 30; ++i) thirty.add("regional_" + std::to_string(i), "regional");
        ledger = std::make_unique<disclosure_ledger>(c, w.dir, consent_settings{}, thirty);
        ledger->set_issue_areas({issue_area::education, issue_area::housing, issue_area::income, issue_area::health,
                                 issue_area::family_violence, issue_area::parenting}, "c", w.tick());
        for (int i = 13; i < 30; i += 2) ledger->adjust_necessity(static_cast<category>(i), true, "c", w.tick());
        std::mt19937_64 rng(7);
        const auto adult = [&](std::uint32_t m) { return m != 2; };  // member 2 is the child
        for (int i = 0; i < records; ++i) {
            disclosure_consent k;
            std::uint32_t m = 1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members));
            k.subject = member_id{m};
            k.given_by = adult(m) ? k.subject : member_id{1};
            k.child_views = "views";
            const party to = recipients[rng() % recipients.size()];
            k.scope = {{to}, (rng() & 0x3FFFFFFF) | 1, static_cast<purpose_set>(bit(purpose::meeting) | bit(purpose::plan_delivery)),
                       make_date(2026, 1, 1), make_date(2026, 12, 31)};
            k.signed_on = make_date(2026, 3, 2);
            k.form_version = "v";
            k.recorded_by = "c";
            k.recorded_at = w.tick();
            ledger->give(k);
            for (int cat = 0; cat < 30; ++cat)
                if (k.scope.categories & bit(static_cast<category>(cat)))
                    for (auto p : {purpose::meeting, purpose::plan_delivery})
                    {
                        tuples.insert(key(m, static_cast<std::uint32_t>(to.kind) << 12 | to.id, static_cast<category>(cat), p));
                        plain.insert({m, to, static_cast<category>(cat), p});
                    }
        }
        for (std::uint32_t m = 1; m <= static_cast<std::uint32_t>(members); m += 3) {
            ledger->mark_confidential(member_id{m}, category::health, true, "c", w.tick());
            ref.marks.push_back({member_id{m}, category::health, true, w.clock});
        }
        const instant now = w.tick();
        ref.dir = &w.dir;
        ref.necessities.push_back({ledger->necessary_at(now), instant(make_date(1900, 1, 1))});
        for (const auto& k : ledger->consents())
            ref.grants.push_back({k.id, k.subject, k.scope.recipients, k.scope.categories, k.scope.purposes, k.scope.from,
                                  k.scope.until, k.recorded_at});
        ledger->prepare(nz_date(now));
        for (int i = 0; i < 1024; ++i) {
            const party to = recipients[rng() % recipients.size()];
            requests.push_back({to, {member_id{1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members))}},
                                static_cast<category>(rng() % 30), to, rng() % 2 ? purpose::meeting : purpose::plan_delivery, now});
        }
    }
};

void BM_decision_now(benchmark::State& st) {
    bench_family f(20, static_cast<int>(st.range(0)));
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger->check(f.requests[i++ & 1023]));
    st.counters["records"] = static_cast<double>(st.range(0));
}
BENCHMARK(BM_decision_now)->Arg(10)->Arg(150)->Arg(1000)->Arg(10000);

void BM_unordered_set_baseline(benchmark::State& st) {
    bench_family f(20, static_cast<int>(st.range(0)));
    std::size_t i = 0;
    for (auto _ : st) {
        const auto& r = f.requests[i++ & 1023];
        benchmark::DoNotOptimize(f.tuples.count(bench_family::key(r.subjects[0].value(),
            static_cast<std::uint32_t>(r.recipient.kind) << 12 | r.recipient.id, r.what, r.why)));
    }
}
BENCHMARK(BM_unordered_set_baseline)->Arg(150);

void BM_unordered_set_tuple_baseline(benchmark::State& st) {
    bench_family f(20, static_cast<int>(st.range(0)));
    std::size_t i = 0;
    for (auto _ : st) {
        const auto& r = f.requests[i++ & 1023];
        benchmark::DoNotOptimize(f.plain.count({r.subjects[0].value(), r.recipient, r.what, r.why}));
    }
}
BENCHMARK(BM_unordered_set_tuple_baseline)->Arg(150);

// The naive baseline: the reference decider of the differential test (lists
// walked per request), on the same family and requests.
void BM_reference_decider(benchmark::State& st) {
    bench_family f(20, static_cast<int>(st.range(0)));
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ref.decide(f.requests[i++ & 1023]));
}
BENCHMARK(BM_reference_decider)->Arg(10)->Arg(150)->Arg(1000)->Arg(10000);

// A decision with its audit append. Arg 0: batches of 1,024 decisions on a
// copy of a family's ledger (a family's log holds thousands of entries);
// Arg 1: one log growing to millions of entries in memory.
void BM_decision_with_audit(benchmark::State& st) {
    bench_family f(20, 150);
    std::size_t i = 0;
    if (st.range(0) == 1) {
        for (auto _ : st) benchmark::DoNotOptimize(f.ledger->decide(f.requests[i++ & 1023], "worker"));
        return;
    }
    constexpr int batch = 1024;
    for (auto _ : st) {
        st.PauseTiming();
        disclosure_ledger copy = *f.ledger;
        st.ResumeTiming();
        for (int k = 0; k < batch; ++k) benchmark::DoNotOptimize(copy.decide(f.requests[i++ & 1023], "worker"));
        st.PauseTiming();
        { disclosure_ledger gone = std::move(copy); }
        st.ResumeTiming();
    }
    st.counters["per_decision"] =
        benchmark::Counter(static_cast<double>(st.iterations()) * batch, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_decision_with_audit)->ArgName("growing_log")->Arg(0)->Arg(1);

void BM_decision_from_history(benchmark::State& st) {
    bench_family f(20, static_cast<int>(st.range(0)));
    auto requests = f.requests;
    for (auto& r : requests) r.at += boost::posix_time::hours(24 * 3);  // a later day: not prepared
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger->check(requests[i++ & 1023]));
}
BENCHMARK(BM_decision_from_history)->Arg(10)->Arg(150)->Arg(1000);

void BM_decision_past(benchmark::State& st) {
    bench_family f(20, 150);
    auto requests = f.requests;
    // Time travel: halfway through the history of consents.
    const instant mid = f.ledger->consents()[f.ledger->consents().size() / 2].recorded_at;
    for (auto& r : requests) r.at = mid;
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger->check(requests[i++ & 1023]));
}
BENCHMARK(BM_decision_past);

} // namespace

namespace {

// The decision at the current instant as families grow (members), with 150 consent records.
void BM_decision_by_family_size(benchmark::State& st) {
    bench_family f(static_cast<int>(st.range(0)), 150);
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger->check(f.requests[i++ & 1023]));
}
BENCHMARK(BM_decision_by_family_size)->ArgName("members")->Arg(5)->Arg(20)->Arg(80);

// Verifying an audit log of n entries (per entry).
void BM_audit_verify(benchmark::State& st) {
    audit_log log;
    const instant at = instant_from_unix(1772395200);
    for (std::int64_t i = 0; i < st.range(0); ++i)
        log.append(at, audit_kind::decision, "worker", "permit|rule=consent|subjects=1|category=housing|purpose=meeting");
    for (auto _ : st) benchmark::DoNotOptimize(log.verify());
    st.counters["per_entry"] = benchmark::Counter(static_cast<double>(st.iterations()) * static_cast<double>(st.range(0)),
                                                  benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_audit_verify)->ArgName("entries")->Arg(1000)->Arg(100000);

} // namespace
