// The engine against the naive reference decider over random consent
// histories and random requests (SFCORE_DIFFERENTIAL_REQUESTS, default
// 1,000,000), and the properties every history must keep.
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
    disclosure_ledger ledger;
    reference::facts ref;
    std::mt19937_64& rng;
    std::vector<party> recipients;
    instant start;

    // 30 categories: the 13 built in and 17 a region adds.
    static category_registry thirty() {
        category_registry r;
        for (int i = 0; r.size() < 30; ++i) r.add("regional_" + std::to_string(i), "regional category " + std::to_string(i));
        return r;
    }

    explicit history(std::mt19937_64& g) : c(make(w)), ledger(c, w.dir, consent_settings{}, thirty()), rng(g) {
        ref.dir = &w.dir;
        ref.necessities.push_back({bit(category::identity_contact), instant(make_date(1900, 1, 1))});
        recipients = {party::of(agencies::MSD), party::of(agencies::MOE), party::of(agencies::POLICE),
                      party::of(agencies::HNZ), party::of(w.social_worker), party::of(w.teacher),
                      party::of(w.officer), party::of(w.coordinator)};
        start = w.clock;
    }

    static case_file make(fixtures::world& w) {
        case_file x = w.drive_to(state::awaiting_consent);  // Hine (adult), Tama (child)
        w.rec(x, member_added{member{{}, "Rangi", member_role::young_person, make_date(2009, 6, 1), true}});
        w.rec(x, member_added{member{{}, "Koro", member_role::other_whanau, std::nullopt, true}});
        return x;
    }

    std::uint32_t upto(std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); }
    bool coin(int pct) { return static_cast<int>(rng() % 100) < pct; }
    member_id any_member() { return member_id{upto(4) + 1}; }
    category any_category() { return static_cast<category>(upto(static_cast<std::uint32_t>(ledger.categories().size()))); }
    party any_recipient() { return recipients[upto(static_cast<std::uint32_t>(recipients.size()))]; }
    instant step() { return w.clock += boost::posix_time::minutes(1 + upto(60 * 24 * 3)); }

    void random_change() {
        const instant at = step();
        switch (upto(10)) {
        case 0: case 1: case 2: case 3: {
            disclosure_consent k;
            k.subject = any_member();
            k.given_by = k.subject == member_id{2} ? member_id{1} : k.subject;
            k.child_views = "views";
            for (std::uint32_t n = 1 + upto(3); n > 0; --n) k.scope.recipients.push_back(any_recipient());
            k.scope.categories = (rng() & ((category_set{1} << ledger.categories().size()) - 1)) | bit(any_category());
            k.scope.purposes = static_cast<purpose_set>((rng() & all_purposes) | bit(static_cast<purpose>(upto(5))));
            k.scope.from = nz_date(at) - boost::gregorian::days(static_cast<long>(upto(30)));
            k.scope.until = nz_date(at) + boost::gregorian::days(static_cast<long>(upto(120)));
            k.signed_on = nz_date(at);
            k.form_version = "v1";
            k.recorded_by = "c";
            k.recorded_at = at;
            const auto id = ledger.give(k);
            ref.grants.push_back({id, k.subject, k.scope.recipients, k.scope.categories, k.scope.purposes,
                                  k.scope.from, k.scope.until, at});
            break;
        }
        case 4: case 5: {
            consent_withdrawal x{any_member(), std::nullopt, std::nullopt, "c", at};
            if (coin(50)) x.recipient = any_recipient();
            if (coin(50)) x.what = any_category();
            ledger.withdraw(x);
            ref.withdrawals.push_back({x.subject, x.recipient, x.what, at});
            break;
        }
        case 6: case 7: {
            const member_id m = any_member();
            const category cat = any_category();
            const bool on = coin(70);
            ledger.mark_confidential(m, cat, on, "whānau", at);
            ref.marks.push_back({m, cat, on, at});
            break;
        }
        case 8: {
            std::vector<issue_area> areas;
            for (std::uint32_t n = upto(4); n > 0; --n) areas.push_back(static_cast<issue_area>(upto(10)));
            ledger.set_issue_areas(areas, "c", at);
            category_set set = bit(category::identity_contact);
            for (auto a : areas) set |= default_necessity(a);
            ref.necessities.push_back({set, at});
            break;
        }
        default: {
            const category cat = any_category();
            const bool widen = coin(60);
            ledger.adjust_necessity(cat, widen, "whānau", at);
            category_set set = ref.necessities.back().set;
            set = widen ? (set | bit(cat)) : (set & ~bit(cat));
            ref.necessities.push_back({set, at});
            break;
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
        if (coin(50)) {  // soon after the last change: where a prepared table answers
            r.at = w.clock + boost::posix_time::seconds(static_cast<long>(upto(coin(80) ? 3600 * 6 : 86400 * 2)));
            return r;
        }
        // Anywhere from before the first change to after the last.
        const auto span = (w.clock - start).total_seconds() + 86400 * 10;
        r.at = start - boost::posix_time::hours(24) + boost::posix_time::seconds(static_cast<long>(rng() % static_cast<std::uint64_t>(span)));
        return r;
    }
};

} // namespace

TEST_CASE("the engine agrees with the naive reference decider on random histories", "[disclosure][differential]") {
    const long requests = fixtures::env_or("SFCORE_DIFFERENTIAL_REQUESTS", 1000000 / SFCORE_RANDOMIZED_SCALE);
    std::mt19937_64 rng(static_cast<std::uint64_t>(fixtures::env_or("SFCORE_DIFFERENTIAL_SEED", 4242)));
    long done = 0, mismatches = 0, permits = 0, from_table = 0;
    std::array<long, std::size(decision_rule_table)> by_rule{};
    while (done < requests) {
        history h(rng);
        for (int i = 0, n = 5 + static_cast<int>(h.upto(60)); i < n; ++i) h.random_change();
        // Most histories compile the day's table (the day of the last change, or the next).
        if (h.coin(85)) h.ledger.prepare(nz_date(h.w.clock) + boost::gregorian::days(h.coin(80) ? 0 : 1));
        for (int i = 0; i < 400 && done < requests; ++i, ++done) {
            const disclosure_request r = h.random_request();
            from_table += h.ledger.prepared_for(r.at);
            const decision got = h.ledger.check(r);
            const decision want = h.ref.decide(r);
            if (!(got == want)) {
                ++mismatches;
                if (mismatches <= 5)
                    FAIL_CHECK("mismatch: engine " << to_string(got.rule) << " (subject " << got.subject.value()
                                                   << ", consent " << got.consent << "), reference "
                                                   << to_string(want.rule) << " (subject " << want.subject.value()
                                                   << ", consent " << want.consent << ")");
            }
            permits += got.permit;
            ++by_rule[static_cast<std::size_t>(got.rule)];
        }
    }
    CHECK(mismatches == 0);
    // The random histories must exercise every rule, permits included.
    for (const auto& row : decision_rule_table) {
        CAPTURE(row.name);
        CHECK(by_rule[static_cast<std::size_t>(row.value)] > 0);
    }
    CHECK(permits > requests / 100);
    CHECK(from_table > requests / 10);  // both paths are compared, the table and the history
    CHECK(from_table < requests - requests / 10);
    WARN(done << " requests, " << mismatches << " mismatches, " << permits << " permits, " << from_table
              << " answered from a prepared table");
}

TEST_CASE("no permit after a withdrawal's instant, and none of a confidential item", "[disclosure][property]") {
    std::mt19937_64 rng(99);
    for (int round = 0; round < 300; ++round) {
        history h(rng);
        for (int i = 0, n = 5 + static_cast<int>(h.upto(40)); i < n; ++i) h.random_change();
        for (int i = 0; i < 200; ++i) {
            const disclosure_request r = h.random_request();
            const decision d = h.ledger.check(r);
            if (!d.permit) continue;
            for (auto s : r.subjects) {
                REQUIRE_FALSE((h.ledger.confidential_at(s, r.at) & bit(r.what)));
                // The permitting consent was not withdrawn (wholly, or for this recipient or category) by then.
                const auto& g = h.ledger.consents()[d.consent - 1];
                if (g.subject != s) continue;
                for (const auto& w : h.ledger.withdrawals()) {
                    const bool applies = w.subject == s && w.at >= g.recorded_at && w.at <= r.at && !w.recipient && !w.what;
                    REQUIRE_FALSE(applies);
                }
            }
        }
    }
}
