// The journal's disclosure fold against the naive reference decider, over
// random histories and random requests (SFCORE_DIFFERENTIAL_REQUESTS,
// default 1,000,000), with decisions interleaved between the appends and
// asked about every kind of instant: now, the past, the future, the exact
// instant of a change, and the edges of a consent's period.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "fixtures.hpp"
#include "random_history.hpp"
#include "reference_decider.hpp"

using namespace sfcore;
using fixtures::history;

namespace {

struct tally {
    long done = 0, mismatches = 0, permits = 0, current = 0;
    std::array<long, std::size(decision_rule_table)> by_rule{};
    void compare(const history& h, const disclosure_request& r, const decision& got) {
        const decision want = h.ref.decide(r);
        ++done;
        current += r.at >= h.w.clock;
        if (got.permit != want.permit || got.rule != want.rule || got.subject != want.subject || got.consent != want.consent) {
            ++mismatches;
            if (mismatches <= 5)
                FAIL_CHECK("mismatch at " << to_unix(r.at) << ": engine " << to_string(got.rule) << " (subject "
                                          << got.subject.value() << ", consent " << got.consent << "), reference "
                                          << to_string(want.rule) << " (subject " << want.subject.value() << ", consent "
                                          << want.consent << ")");
        }
        permits += got.permit;
        ++by_rule[static_cast<std::size_t>(got.rule)];
    }
};

} // namespace

TEST_CASE("the journal's fold agrees with the naive reference decider, with decisions between the appends", "[disclosure][differential]") {
    const long requests = fixtures::env_or("SFCORE_DIFFERENTIAL_REQUESTS", 1000000 / SFCORE_RANDOMIZED_SCALE);
    std::mt19937_64 rng(static_cast<std::uint64_t>(fixtures::env_or("SFCORE_DIFFERENTIAL_SEED", 4242)));
    tally t;
    long replays = 0;
    while (t.done < requests) {
        history h(rng);
        for (int i = 0, n = 5 + static_cast<int>(h.upto(60)); i < n && t.done < requests; ++i) {
            h.random_change();
            // After every kind of append, a few decisions: the fold must already agree (no prepare step).
            for (int k = 0; k < 20 && t.done < requests; ++k) {
                const disclosure_request r = h.random_request();
                t.compare(h, r, h.coin(10) ? h.c.decide(h.w.dir, r, "worker") : h.c.check(h.w.dir, r));
            }
        }
        for (int i = 0; i < 300 && t.done < requests; ++i) {
            const disclosure_request r = h.random_request();
            t.compare(h, r, h.c.check(h.w.dir, r));
        }
        // The fold made entry by entry is the fold made from the whole journal.
        if (h.coin(10)) {
            const case_file again = case_file::replay(h.c.id(), {h.c.journal().begin(), h.c.journal().end()});
            for (int i = 0; i < 100; ++i) {
                const disclosure_request r = h.random_request();
                const decision a = h.c.check(h.w.dir, r), b = again.check(h.w.dir, r);
                REQUIRE((a.permit == b.permit && a.rule == b.rule && a.subject == b.subject && a.consent == b.consent));
            }
            ++replays;
        }
    }
    CHECK(t.mismatches == 0);
    // The random histories must exercise every rule, permits included.
    for (const auto& row : decision_rule_table) {
        CAPTURE(row.name);
        CHECK(t.by_rule[static_cast<std::size_t>(row.value)] > 0);
    }
    CHECK(t.permits > requests / 100);
    CHECK(t.current > requests / 10);  // both the current and the past are asked about
    CHECK(t.current < requests - requests / 10);
    CHECK(replays > 0);
    WARN(t.done << " requests, " << t.mismatches << " mismatches, " << t.permits << " permits, " << t.current
                << " about an instant after the last change, " << replays << " journals replayed");
}

TEST_CASE("the reference's own New Zealand dates agree with the library's over the years the rule covers", "[disclosure][differential]") {
    // The oracle computes dates itself; a check of its arithmetic against the library's, every 37 minutes of 2024-2032.
    for (instant t(make_date(2024, 1, 1)); t < instant(make_date(2032, 1, 1)); t += boost::posix_time::minutes(37)) {
        const long got = reference::nz_day(reference::seconds_of(t));
        const long want = reference::day_of(nz_date(t));
        if (got != want) FAIL("differs at " << to_unix(t));
    }
    SUCCEED();
}

TEST_CASE("no permit after a withdrawal's instant, and none of a confidential item", "[disclosure][property]") {
    // The facts are read from the journal's entries here, not from the engine's fold.
    std::mt19937_64 rng(99);
    for (int round = 0; round < 300 / SFCORE_RANDOMIZED_SCALE; ++round) {
        history h(rng);
        for (int i = 0, n = 5 + static_cast<int>(h.upto(40)); i < n; ++i) h.random_change();
        std::vector<const event*> consents;
        for (const auto& e : h.c.journal())
            if (e.type() == event_type::sharing_consent_given) consents.push_back(&e);
        // Is (subject, category) marked confidential at an instant? The last mark at or before it says.
        const auto confidential = [&](member_id s, category what, instant at) {
            bool marked = false;
            for (const auto& e : h.c.journal())
                if (const auto* m = std::get_if<confidential_marked>(&e.payload))
                    if (m->subject == s && m->what == what && e.when <= at) marked = m->confidential;
            return marked;
        };
        for (int i = 0; i < 200; ++i) {
            const disclosure_request r = h.random_request();
            const decision d = h.c.check(h.w.dir, r);
            if (!d.permit) continue;
            for (auto s : r.subjects) {
                REQUIRE_FALSE(confidential(s, r.what, r.at));
                // No whole withdrawal of the subject's stands between the permitting consent and the request.
                REQUIRE(d.consent >= 1);
                REQUIRE(d.consent <= consents.size());
                const event& given = *consents[d.consent - 1];
                if (std::get<sharing_consent_given>(given.payload).subject != s) continue;
                for (const auto& e : h.c.journal()) {
                    bool whole = false;
                    if (const auto* w = std::get_if<sharing_consent_withdrawn>(&e.payload))
                        whole = w->subject == s && !w->recipient && !w->what;
                    if (const auto* w = std::get_if<consent_withdrawn>(&e.payload)) whole = w->member == s;
                    REQUIRE_FALSE((whole && e.when >= given.when && e.when <= r.at));
                }
            }
        }
    }
}
