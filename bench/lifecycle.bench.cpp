// Lifecycle benchmarks: recording an event in a case (the rules, the fold,
// the entry's hash and the append), and replaying a 200-entry journal (the
// chain verified, every entry checked again).
#include <benchmark/benchmark.h>

#include "../tests/cpp/fixtures.hpp"

using namespace sfcore;

namespace {

// A case with an active plan, and a journal of n events (action updates after the plan).
case_file case_of(fixtures::world& w, std::size_t n) {
    case_file c = w.drive_to(state::plan_active);
    while (c.journal().size() < n)
        w.rec(c, action_updated{action_id{1 + static_cast<std::uint32_t>(c.journal().size() % 2)},
                                action_status::in_progress, ""});
    return c;
}

// Each iteration records a batch of events on a fresh copy of a 200-event
// case (the copy is not timed); the counter is the time per event: the
// checks, the guards, the fold, the entry's hash and the append.
void BM_apply_event(benchmark::State& st) {
    constexpr int batch = 4096;
    fixtures::world w;
    const case_file base = case_of(w, 200);
    const instant when = w.tick();
    const event_payload p = action_updated{action_id{1}, action_status::in_progress, ""};
    for (auto _ : st) {
        st.PauseTiming();
        case_file c = base;
        st.ResumeTiming();
        for (int i = 0; i < batch; ++i) {
            outcome o = c.record(w.dir, "worker", when, p);
            benchmark::DoNotOptimize(o);
        }
        st.PauseTiming();
        { case_file gone = std::move(c); }
        st.ResumeTiming();
    }
    st.counters["event_bytes"] = sizeof(event);
    st.counters["per_event"] =
        benchmark::Counter(static_cast<double>(st.iterations()) * batch, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_apply_event);

void BM_replay(benchmark::State& st) {
    fixtures::world w;
    const case_file c = case_of(w, static_cast<std::size_t>(st.range(0)));
    const std::vector<event> journal(c.journal().begin(), c.journal().end());
    for (auto _ : st) {
        case_file r = case_file::replay(c.id(), journal);
        benchmark::DoNotOptimize(r);
    }
    st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_replay)->Arg(20)->Arg(200)->Arg(2000)->Unit(benchmark::kMicrosecond);

} // namespace
