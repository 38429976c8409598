// A random case history for property tests: consents to share, withdrawals
// (in part, whole, and from the process), confidential marks and necessity
// changes at random instants, with the reference decider's facts kept
// alongside, and random requests about every kind of instant.
#pragma once

#include <random>

#include "fixtures.hpp"
#include "reference_decider.hpp"

namespace fixtures {

using namespace sfcore;

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

} // namespace fixtures
