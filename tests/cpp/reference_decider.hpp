// A deliberately naive reference decider, written from the rule as the
// documentation states it (sfcore/disclosure.hpp), over plain lists of facts.
// It shares no code with the engine beyond the value types.
#pragma once

#include <vector>

#include "sfcore/sfcore.hpp"

namespace reference {

using namespace sfcore;

struct grant {
    std::uint32_t id;
    member_id subject;
    std::vector<party> recipients;
    category_set categories;
    purpose_set purposes;
    date from, until;
    instant recorded_at;
};
struct withdrawal {
    member_id subject;
    std::optional<party> recipient;
    std::optional<category> what;
    instant at;
};
struct mark {
    member_id subject;
    category what;
    bool confidential;
    instant at;
};
struct necessity {
    category_set set;
    instant at;
};

struct facts {
    const agency_directory* dir = nullptr;
    std::vector<grant> grants;
    std::vector<withdrawal> withdrawals;
    std::vector<mark> marks;
    std::vector<necessity> necessities;  // in time order

    // A consent to an agency covers its practitioners.
    bool names(const party& granted, const party& asked) const {
        if (granted.kind == asked.kind && granted.id == asked.id) return true;
        if (granted.kind == party_kind::agency && asked.kind == party_kind::practitioner)
            return dir->practitioner_at(practitioner_id{asked.id}).agency.value() == granted.id;
        return false;
    }

    decision one(member_id s, const disclosure_request& r) const {
        decision d;
        d.subject = s;
        bool confidential = false;
        for (const auto& m : marks)
            if (m.at <= r.at && m.subject == s && m.what == r.what) confidential = m.confidential;
        if (confidential) {
            d.rule = decision_rule::confidential;
            return d;
        }
        category_set nec = category_set{1} << static_cast<int>(category::identity_contact);
        for (const auto& n : necessities)
            if (n.at <= r.at) nec = n.set;
        const bool necessary = (nec >> static_cast<int>(r.what)) & 1u;
        if (r.why != purpose::deidentified && !necessary) {
            d.rule = decision_rule::not_necessary;
            return d;
        }
        std::vector<const grant*> known;
        bool later = false;
        for (const auto& g : grants) {
            if (g.subject != s) continue;
            if (g.recorded_at <= r.at) known.push_back(&g);
            else later = true;
        }
        if (known.empty()) {
            d.rule = later ? decision_rule::not_yet_recorded : decision_rule::no_consent;
            return d;
        }
        const date day = nz_date(r.at);
        auto rec = [&](const grant* g) {
            for (const auto& p : g->recipients)
                if (names(p, r.recipient)) return true;
            return false;
        };
        auto cat = [&](const grant* g) { return rec(g) && ((g->categories >> static_cast<int>(r.what)) & 1u); };
        auto pur = [&](const grant* g) { return cat(g) && ((g->purposes >> static_cast<int>(r.why)) & 1u); };
        auto per = [&](const grant* g) { return pur(g) && g->from <= day && day <= g->until; };
        auto standing = [&](const grant* g) {
            if (!per(g)) return false;
            for (const auto& w : withdrawals) {
                if (w.subject != s || w.at < g->recorded_at || w.at > r.at) continue;
                if (w.recipient && !names(*w.recipient, r.recipient)) continue;
                if (w.what && *w.what != r.what) continue;
                return false;
            }
            return true;
        };
        for (const grant* g : known)
            if (standing(g)) {
                d.permit = true;
                d.rule = decision_rule::consent;
                d.consent = g->id;
                return d;
            }
        auto any = [&](auto pred) {
            for (const grant* g : known)
                if (pred(g)) return true;
            return false;
        };
        if (!any(rec)) d.rule = decision_rule::recipient_not_named;
        else if (!any(cat)) d.rule = decision_rule::category_not_named;
        else if (!any(pur)) d.rule = decision_rule::purpose_not_named;
        else if (!any(per)) d.rule = decision_rule::outside_period;
        else d.rule = decision_rule::withdrawn;
        return d;
    }

    decision decide(const disclosure_request& r) const {
        std::vector<decision> each;
        for (auto s : r.subjects) each.push_back(one(s, r));
        for (const auto& d : each)
            if (!d.permit) return d;
        return each.front();
    }
};

} // namespace reference
