// Many threads deciding while another records events and withdraws consent
// (run under ThreadSanitizer by `make test-tsan`): no data race, no permit
// once the withdrawal is visible to a reader, and a journal that verifies.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "fixtures.hpp"

using namespace sfcore;

TEST_CASE("deciders never permit once a withdrawal is visible, while a writer changes the case", "[concurrency]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing, issue_area::education}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    // Every decision is about one instant after every change the writer makes.
    const instant later = nz_time(make_date(2026, 9, 1), 9, 0);
    shared_case shared(std::move(c));

    constexpr int deciders = 4;
    const int rounds = static_cast<int>(fixtures::env_or("SFCORE_CONCURRENCY_ROUNDS", 400));
    std::atomic<bool> done{false};
    std::atomic<int> violations{0}, permits_before{0}, denials_after{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < deciders; ++t)
        threads.emplace_back([&, t] {
            const disclosure_request r{recipient::of(agencies::MOE), {member_id{1}}, category::housing,
                                       recipient::of(agencies::MSD), purpose::meeting, later};
            bool seen = false;
            while (!done.load()) {
                seen = seen || shared.read([](const case_file& x) { return !x.disclosure().withdrawals().empty(); });
                const decision d = (t % 2 == 0) ? shared.decide(w.dir, r, "worker-" + std::to_string(t)) : shared.check(w.dir, r);
                if (d.rule == decision_rule::withdrawn) seen = true;
                if (seen && d.permit) ++violations;
                if (!seen && d.permit) ++permits_before;
                if (seen && !d.permit) ++denials_after;
            }
        });
    // The writer: the family grows, each new member consents; halfway, member 1 withdraws.
    for (int i = 0; i < rounds; ++i) {
        if (i == rounds / 2) {
            // The deciders have permitted before the withdrawal (on a loaded machine they may not
            // have run yet): wait for them, for a bounded time, so the check below is not left to timing.
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (permits_before.load() < deciders && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
        }
        shared.write([&](case_file& x) {
            member m;
            m.name = "Whanaunga " + std::to_string(i);
            m.role = member_role::other_whanau;
            REQUIRE(x.record(w.dir, "c", w.tick(), member_added{m}).accepted);
            REQUIRE(x.record(w.dir, "c", w.tick(), w.adult_consent(recipient::of(agencies::MSD), x.members().back().id)).accepted);
            if (i == rounds / 2)
                REQUIRE(x.record(w.dir, "c", w.tick(), sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}).accepted);
        });
    }
    // Let the deciders see the final state for a moment, then stop them.
    while (denials_after.load() < deciders * 10) std::this_thread::yield();
    done = true;
    for (auto& t : threads) t.join();

    WARN(deciders << " deciders: " << permits_before.load() << " permits before the withdrawal was visible, "
                  << denials_after.load() << " denials after, " << violations.load() << " permits after");
    CHECK(violations.load() == 0);
    CHECK(permits_before.load() > 0);
    CHECK(denials_after.load() > 0);
    const auto [ok, decisions, consents] = shared.read([](const case_file& x) {
        return std::make_tuple(static_cast<bool>(x.verify()), x.access_log().size(), x.disclosure().consents().size());
    });
    CHECK(ok);
    CHECK(decisions > 0);
    CHECK(consents == static_cast<std::size_t>(rounds) + 1);
    // The journal, with every decision the threads recorded, replays to the same case.
    const case_file copy = shared.read([](const case_file& x) { return x; });
    CHECK(case_file::replay(copy.id(), {copy.journal().begin(), copy.journal().end()}) == copy);
}
