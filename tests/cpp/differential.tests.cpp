// The journal's disclosure fold against the naive reference decider, over
// random histories and random requests (SFCORE_DIFFERENTIAL_REQUESTS,
// default 1,000,000), with decisions interleaved between the appends and
// asked about every kind of instant: now, the past, the future, the exact
// instant of a change, and the edges of a consent's period.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "fixtures.hpp"
#include "reference_decider.hpp"

using namespace sfcore;

namespace {

struct history {
    fixtures::world w;
    case_file c;
    reference::facts ref;
    std::mt19937_64& rng;
    std::vector<recipient> recipients;
    std::vector<instant> changes;  // the instant of every change
    std::vector<date> edges;       // the first and last days of every consent
    instant start;

    explicit history(std::mt19937_64& g) : c(make(w)), rng(g) {
        recipients = {recipient::of(agencies::MSD), recipient::of(agencies::MOE), recipient::of(agencies::POLICE),
                      recipient::of(agencies::HNZ), recipient::of(agencies::MSD, w.social_worker),
                      recipient::of(agencies::MOE, w.teacher), recipient::of(agencies::POLICE, w.officer),
                      recipient::of(w.trust, w.coordinator)};
        start = w.clock;
    }

    // Hine (adult), Tama (child), Rangi (young person, 16), Koro (other whānau); 30 categories.
    static case_file make(fixtures::world& w) {
        case_file x = w.drive_to(state::awaiting_consent);
        w.rec(x, member_added{member{{}, "Rangi", member_role::young_person, make_date(2009, 6, 1), true}});
        w.rec(x, member_added{member{{}, "Koro", member_role::other_whanau, std::nullopt, true}});
        for (int i = 0; x.disclosure().categories().size() < 30; ++i)
            w.rec(x, category_registered{"regional_" + std::to_string(i), "regional category " + std::to_string(i), {}});
        return x;
    }

    std::uint32_t upto(std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); }
    bool coin(int pct) { return static_cast<int>(rng() % 100) < pct; }
    member_id any_member() { return member_id{upto(4) + 1}; }
    category any_category() { return static_cast<category>(upto(30)); }
    recipient any_recipient() { return recipients[upto(static_cast<std::uint32_t>(recipients.size()))]; }
    // Usually later than the last change; sometimes at the very same instant.
    instant step() {
        if (!coin(10)) w.clock += boost::posix_time::minutes(1 + upto(60 * 24 * 3));
        return w.clock;
    }

    outcome offer(instant at, event_payload p) {
        const outcome o = c.record(w.dir, "c", at, std::move(p));
        if (o) changes.push_back(at);
        return o;
    }

    void random_change() {
        const instant at = step();
        switch (upto(21)) {
        case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: {
            sharing_consent_given k;
            k.subject = any_member();
            k.given_by = k.subject == member_id{2} ? member_id{1} : k.subject;
            k.child_views = "views";
            for (std::uint32_t n = 1 + upto(3); n > 0; --n) k.scope.recipients.push_back(any_recipient());
            k.scope.categories = (rng() & ((category_set{1} << 30) - 1)) | bit(any_category());
            k.scope.purposes = static_cast<purpose_set>((rng() & all_purposes) | bit(static_cast<purpose>(upto(5))));
            k.scope.from = nz_date(at) - boost::gregorian::days(static_cast<long>(upto(30)));
            k.scope.until = nz_date(at) + boost::gregorian::days(static_cast<long>(upto(120)));
            k.signed_on = nz_date(at);
            k.form_version = "v1";
            const outcome o = offer(at, k);
            if (!o) break;  // a closed case takes no new consent
            ref.grants.push_back({o.assigned, k.subject, k.scope.recipients, k.scope.categories, k.scope.purposes,
                                  k.scope.from, k.scope.until, at});
            edges.push_back(k.scope.from);
            edges.push_back(k.scope.until + boost::gregorian::days(1));
            break;
        }
        case 8: case 9: case 10: case 11: {
            sharing_consent_withdrawn x{any_member(), std::nullopt, std::nullopt, ""};
            if (coin(50)) x.recipient = any_recipient();
            if (coin(50)) x.what = any_category();
            REQUIRE(offer(at, x));
            ref.withdrawals.push_back({x.subject, x.recipient, x.what, at});
            break;
        }
        case 12: case 13: case 14: case 15: {
            const member_id m = any_member();
            const category cat = any_category();
            const bool on = coin(70);
            REQUIRE(offer(at, confidential_marked{m, cat, on}));
            ref.marks.push_back({m, cat, on, at});
            break;
        }
        case 16: case 17: {
            std::vector<issue_area> areas;
            for (std::uint32_t n = upto(4); n > 0; --n) areas.push_back(static_cast<issue_area>(upto(10)));
            if (!offer(at, issue_areas_set{areas})) break;
            category_set set = bit(category::identity_contact);
            for (auto a : areas) set |= reference::necessity_of(a);
            ref.necessities.push_back({set, at});
            break;
        }
        case 18: case 19: {
            const category cat = any_category();
            const bool widen = coin(60);
            if (!offer(at, necessity_adjusted{cat, widen})) break;
            category_set set = ref.necessities.empty() ? bit(category::identity_contact) : ref.necessities.back().set;
            set = widen ? (set | bit(cat)) : (set & ~bit(cat));
            ref.necessities.push_back({set, at});
            break;
        }
        default: {
            // Rarely, a member withdraws from the process: every consent of theirs is withdrawn.
            if (!coin(15) || c.state() == state::closed) break;
            const member_id m = any_member();
            const bool consented = std::any_of(c.consents().begin(), c.consents().end(),
                                               [&](const auto& k) { return k.member == m && !k.ended_at; });
            if (!consented) break;
            REQUIRE(offer(at, consent_withdrawn{m, "stop"}));
            ref.withdrawals.push_back({m, std::nullopt, std::nullopt, at});
        }
        }
    }

    disclosure_request random_request() {
        disclosure_request r;
        r.discloser = any_recipient();
        for (std::uint32_t n = 1 + (coin(70) ? 0 : upto(3)); n > 0; --n) r.subjects.push_back(any_member());
        r.what = any_category();
        r.recipient = any_recipient();
        r.why = static_cast<purpose>(upto(5));
        const std::uint32_t kind = upto(100);
        if (kind < 40) {  // now, or soon after the last change
            r.at = w.clock + boost::posix_time::seconds(static_cast<long>(upto(coin(80) ? 3600 * 6 : 86400 * 2)));
        } else if (kind < 55 && !changes.empty()) {  // at a change's very instant, or a second either side
            r.at = changes[upto(static_cast<std::uint32_t>(changes.size()))] + boost::posix_time::seconds(static_cast<long>(upto(3)) - 1);
        } else if (kind < 65 && !edges.empty()) {  // at the edge of a consent's period
            r.at = nz_time(edges[upto(static_cast<std::uint32_t>(edges.size()))], 0, 0) + boost::posix_time::seconds(static_cast<long>(upto(3)) - 1);
        } else {  // anywhere from before the first change to well after the last
            const auto span = (w.clock - start).total_seconds() + 86400 * 200;
            r.at = start - boost::posix_time::hours(24) + boost::posix_time::seconds(static_cast<long>(rng() % static_cast<std::uint64_t>(span)));
        }
        return r;
    }
};

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
