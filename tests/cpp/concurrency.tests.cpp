// Many threads deciding while another appends events and withdraws consent
// (run under ThreadSanitizer by `make test-tsan`): no data race, and no
// permit once the withdrawal is visible to a reader.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "fixtures.hpp"

using namespace sfcore;

TEST_CASE("deciders never permit once a withdrawal is visible, while a writer changes the ledger", "[concurrency]") {
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    disclosure_ledger l(c, w.dir);
    l.set_issue_areas({issue_area::housing, issue_area::education}, "c", w.tick());
    disclosure_consent k;
    k.subject = k.given_by = member_id{1};
    k.scope = {{party::of(agencies::MSD)}, bit(category::housing), all_purposes, make_date(2026, 1, 1), make_date(2026, 12, 31)};
    k.signed_on = make_date(2026, 3, 2);
    k.form_version = "v";
    k.recorded_by = "c";
    k.recorded_at = w.tick();
    l.give(k);
    // Every decision and change happens at one instant, the current one:
    // the audit log stays in time order whatever order the threads run in.
    const instant now = w.tick();
    l.prepare(nz_date(now));
    shared_ledger shared(std::move(l));

    constexpr int deciders = 4;
    const int rounds = static_cast<int>(fixtures::env_or("SFCORE_CONCURRENCY_ROUNDS", 400));
    std::atomic<bool> done{false};
    std::atomic<int> violations{0}, permits_before{0}, denials_after{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < deciders; ++t)
        threads.emplace_back([&, t] {
            const disclosure_request r{party::of(agencies::MOE), {member_id{1}}, category::housing, party::of(agencies::MSD),
                                       purpose::meeting, now};
            bool seen = false;
            while (!done.load()) {
                seen = seen || shared.read([](const disclosure_ledger& x) { return !x.withdrawals().empty(); });
                const decision d = (t % 2 == 0) ? shared.decide(r, "worker-" + std::to_string(t)) : shared.check(r);
                if (d.rule == decision_rule::withdrawn) seen = true;
                if (seen && d.permit) ++violations;
                if (!seen && d.permit) ++permits_before;
                if (seen && !d.permit) ++denials_after;
            }
        });
    // The writer: the case grows, the ledger takes in each new member and a
    // consent for them; halfway, member 1 withdraws.
    for (int i = 0; i < rounds; ++i) {
        member m;
        m.name = "Whanaunga " + std::to_string(i);
        m.role = member_role::other_whanau;
        REQUIRE(c.record(w.dir, "c", w.tick(), member_added{m}).accepted);
        shared.write([&](disclosure_ledger& x) {
            x.sync(c, w.dir);
            disclosure_consent g = k;
            g.subject = g.given_by = c.members().back().id;
            g.recorded_at = now;
            x.give(g);
            if (i == rounds / 2) x.withdraw({member_id{1}, std::nullopt, std::nullopt, "c", now});
            if (i % 8 == 0) x.prepare(nz_date(now));
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
    const auto [ok, entries] = shared.read([](const disclosure_ledger& x) {
        return std::make_pair(x.audit().verify().ok, x.audit().entries().size());
    });
    CHECK(ok);
    CHECK(entries > static_cast<std::size_t>(rounds));
    const std::size_t consents = shared.read([](const disclosure_ledger& x) { return x.consents().size(); });
    CHECK(consents == static_cast<std::size_t>(rounds) + 1);
}
