// The C ABI's cost over the C++ call: the same decisions on the reference
// family, through sf_case_check() and sf_case_decide() and through
// case_file::check() and shared_case::decide(), each over its own stream of
// distinct random requests.
#include <benchmark/benchmark.h>

#include "family.hpp"
#include "sfcore.h"

using namespace sfcore;

namespace {

// The family as a C handle, loaded from its archive as a C host would.
struct c_family {
    bench::family f{20, 150};
    sf_case* handle = nullptr;
    sf_directory* dir = nullptr;
    std::vector<disclosure_request> requests = f.stream(bench::stream_size);
    std::vector<sf_request> c_requests;

    c_family() {
        const bytes archive = save_archive(f.c);
        if (sf_case_load(&handle, archive.data(), archive.size(), nullptr, 0) != SF_OK) std::abort();
        const bytes d = save_archive(f.w.dir);
        if (sf_directory_load(&dir, d.data(), d.size()) != SF_OK) std::abort();
        c_requests.reserve(requests.size());
        for (const auto& r : requests)
            c_requests.push_back({{r.discloser.agency.value(), r.discloser.practitioner.value()},
                                  reinterpret_cast<const std::uint32_t*>(r.subjects.data()), 1, static_cast<int>(r.what),
                                  {r.recipient.agency.value(), r.recipient.practitioner.value()}, static_cast<int>(r.why),
                                  to_unix(r.at)});
    }
    ~c_family() {
        sf_case_free(handle);
        sf_directory_free(dir);
    }
};

static_assert(sizeof(member_id) == sizeof(std::uint32_t), "a member id is passed to C as its uint32_t");

void BM_check_cpp_call(benchmark::State& st) {
    c_family f;
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(f.f.c.check(f.f.w.dir, f.requests[i++]));
}
BENCHMARK(BM_check_cpp_call)->Iterations(bench::stream_size);

// A C call over the stream of requests, one a turn: call(f, &d, request) gives its status and fills d.
template <class Call> void over_c_requests(benchmark::State& st, Call call) {
    c_family f;
    std::size_t i = 0;
    sf_decision d;
    for (auto _ : st) {
        benchmark::DoNotOptimize(call(f, &d, &f.c_requests[i++]));
        benchmark::DoNotOptimize(d);
    }
}

void BM_check_c_abi(benchmark::State& st) {
    over_c_requests(st, [](c_family& f, sf_decision* d, const sf_request* r) { return sf_case_check(d, f.handle, f.dir, r); });
}
BENCHMARK(BM_check_c_abi)->Iterations(bench::stream_size);

void BM_decide_shared_case(benchmark::State& st) {
    c_family f;
    shared_case shared(f.f.c);
    std::size_t i = 0;
    for (auto _ : st) benchmark::DoNotOptimize(shared.decide(f.f.w.dir, f.requests[i++], "msd-worker"));
}
BENCHMARK(BM_decide_shared_case)->Iterations(bench::stream_size);

void BM_decide_c_abi(benchmark::State& st) {
    over_c_requests(st, [](c_family& f, sf_decision* d, const sf_request* r) {
        return sf_case_decide(d, f.handle, f.dir, r, "msd-worker");
    });
}
BENCHMARK(BM_decide_c_abi)->Iterations(bench::stream_size);

} // namespace
