// Disclosure benchmarks: a decision at the current instant, with the audit
// append, at a past instant, and how the cost grows with the number of
// consent records — beside a plain std::unordered_set lookup of the same
// consent tuples, measured in the same run.
#include <benchmark/benchmark.h>

#include <random>
#include <unordered_set>

#include "../tests/cpp/fixtures.hpp"

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
    std::unordered_set<std::uint64_t> tuples;  // (subject, recipient, category, purpose)

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
        ledger = std::make_unique<disclosure_ledger>(c, w.dir);
        ledger->set_issue_areas({issue_area::education, issue_area::housing, issue_area::income, issue_area::health,
                                 issue_area::family_violence, issue_area::parenting}, "c", w.tick());
        std::mt19937_64 rng(7);
        const auto adult = [&](std::uint32_t m) { return m != 2; };  // member 2 is the child
        for (int i = 0; i < records; ++i) {
            disclosure_consent k;
            std::uint32_t m = 1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members));
            k.subject = member_id{m};
            k.given_by = adult(m) ? k.subject : member_id{1};
            k.child_views = "views";
            const party to = recipients[rng() % recipients.size()];
            k.scope = {{to}, (rng() & 0x1FFF) | 1, static_cast<purpose_set>(bit(purpose::meeting) | bit(purpose::plan_delivery)),
                       make_date(2026, 1, 1), make_date(2026, 12, 31)};
            k.signed_on = make_date(2026, 3, 2);
            k.form_version = "v";
            k.recorded_by = "c";
            k.recorded_at = w.tick();
            ledger->give(k);
            for (const auto& cat : category_table)
                if (k.scope.categories & bit(cat.value))
                    for (auto p : {purpose::meeting, purpose::plan_delivery})
                        tuples.insert(key(m, static_cast<std::uint32_t>(to.kind) << 12 | to.id, cat.value, p));
        }
        for (std::uint32_t m = 1; m <= static_cast<std::uint32_t>(members); m += 3)
            ledger->mark_confidential(member_id{m}, category::health, true, "c", w.tick());
        const instant now = w.tick();
        ledger->prepare(nz_date(now));
        for (int i = 0; i < 1024; ++i) {
            const party to = recipients[rng() % recipients.size()];
            requests.push_back({to, {member_id{1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members))}},
                                static_cast<category>(rng() % 13), to, rng() % 2 ? purpose::meeting : purpose::plan_delivery, now});
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

void BM_decision_with_audit(benchmark::State& st) {
    bench_family f(20, 150);
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger->decide(f.requests[i++ & 1023], "worker"));
}
BENCHMARK(BM_decision_with_audit);

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
