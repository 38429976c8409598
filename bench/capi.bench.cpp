// The C ABI's cost over the C++ call: the same decision on the same ledger,
// through sf_ledger_check() and through disclosure_ledger::check().
// (A C handle is the C++ object itself, cast: see capi/sfcore.cpp.)
#include <benchmark/benchmark.h>

#include <random>

#include "../tests/cpp/fixtures.hpp"
#include "sfcore.h"

using namespace sfcore;

namespace {

struct prepared_family {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    disclosure_ledger ledger{c, w.dir};
    std::vector<disclosure_request> requests;
    std::vector<sf_request> c_requests;
    std::vector<std::uint32_t> subjects;

    prepared_family() {
        ledger.set_issue_areas({issue_area::education, issue_area::housing}, "c", w.tick());
        std::mt19937_64 rng(3);
        const party to[] = {party::of(agencies::MSD), party::of(agencies::MOE), party::of(w.teacher)};
        for (int i = 0; i < 40; ++i) {
            disclosure_consent k;
            k.subject = k.given_by = member_id{1};
            k.scope = {{to[rng() % 3]}, (rng() & 0x1FFF) | 1, all_purposes, make_date(2026, 1, 1), make_date(2026, 12, 31)};
            k.signed_on = make_date(2026, 3, 2);
            k.form_version = "v";
            k.recorded_by = "c";
            k.recorded_at = w.tick();
            ledger.give(k);
        }
        const instant now = w.tick();
        ledger.prepare(nz_date(now));
        subjects.assign(1024, 1);
        for (int i = 0; i < 1024; ++i) {
            const party r = to[rng() % 3];
            const auto what = static_cast<category>(rng() % 13);
            requests.push_back({party::of(agencies::MOE), {member_id{1}}, what, r, purpose::meeting, now});
            c_requests.push_back({{SF_PARTY_AGENCY, SF_AGENCY_MOE}, &subjects[static_cast<std::size_t>(i)], 1, static_cast<int>(what),
                                  {static_cast<int>(r.kind), r.id}, SF_PURPOSE_MEETING, to_unix(now)});
        }
    }
};

void BM_decision_cpp_call(benchmark::State& st) {
    prepared_family f;
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.ledger.check(f.requests[i++ & 1023]));
}
BENCHMARK(BM_decision_cpp_call);

void BM_decision_c_abi(benchmark::State& st) {
    prepared_family f;
    const auto* handle = reinterpret_cast<const sf_ledger*>(&f.ledger);
    std::size_t i = 0;
    sf_decision d;
    for (auto _ : st) {
        benchmark::DoNotOptimize(sf_ledger_check(&d, handle, &f.c_requests[i++ & 1023]));
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_decision_c_abi);

} // namespace
