// A deliberately naive reference decider, written from the rule as the
// documentation states it (sfcore/disclosure.hpp), over plain lists of
// facts. It shares no code with the engine: it works out New Zealand dates
// itself (standard time UTC+12, daylight time UTC+13 from the last Sunday
// of September at 02:00 to the first Sunday of April at 03:00), keeps its
// own copy of the issue areas' necessity table, and reads coverage from the
// recipients themselves. Only the value types are shared.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sfcore/sfcore.hpp"

namespace reference {

using namespace sfcore;

// ---- New Zealand dates, from first principles -------------------------------

struct ymd {
    long y;
    unsigned m, d;
};

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
inline long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}
inline ymd civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}
inline unsigned weekday(long days) { return static_cast<unsigned>(((days + 4) % 7 + 7) % 7); }  // 0 Sunday (1970-01-01 was a Thursday)

inline long seconds_of(const instant& t) { return static_cast<long>((t - instant(date(1970, 1, 1))).total_seconds()); }

// The UTC second daylight time starts (last Sunday of September, 02:00 +12)
// and ends (first Sunday of April, 03:00 +13) in a year.
inline long dst_start(long y) {
    long d = days_from_civil(y, 9, 30);
    while (weekday(d) != 0) --d;
    return d * 86400 + 2 * 3600 - 12 * 3600;
}
inline long dst_end(long y) {
    long d = days_from_civil(y, 4, 1);
    while (weekday(d) != 0) ++d;
    return d * 86400 + 3 * 3600 - 13 * 3600;
}

// The New Zealand calendar day of a UTC second, as days since 1970-01-01.
inline long nz_day(long s) {
    const long utc_day = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    const long y = civil_from_days(utc_day).y;
    const bool summer = s < dst_end(y) || s >= dst_start(y);
    const long local = s + (summer ? 13 : 12) * 3600;
    return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}
inline long day_of(const date& d) {
    const auto v = d.year_month_day();
    return days_from_civil(v.year, v.month, v.day);
}

// The issue areas' categories, as the guide's table gives them.
inline category_set necessity_of(issue_area a) {
    const auto c = [](category x) { return category_set{1} << static_cast<unsigned>(x); };
    switch (a) {
    case issue_area::education: return c(category::education);
    case issue_area::housing: return c(category::housing) | c(category::income_benefits);
    case issue_area::income: return c(category::income_benefits);
    case issue_area::health: return c(category::health) | c(category::disability);
    case issue_area::mental_health: return c(category::mental_health) | c(category::health);
    case issue_area::addiction: return c(category::addiction) | c(category::health);
    case issue_area::justice: return c(category::justice) | c(category::police);
    case issue_area::family_violence:
        return c(category::family_violence) | c(category::police) | c(category::justice) | c(category::child_protection);
    case issue_area::parenting: return c(category::child_protection) | c(category::education) | c(category::health);
    case issue_area::disability: return c(category::disability) | c(category::health);
    }
    return 0;
}

// ---- the facts, and the rule ----------------------------------------------------

struct grant {
    std::uint32_t id;
    member_id subject;
    std::vector<recipient> recipients;
    category_set categories;
    purpose_set purposes;
    date from, until;
    instant recorded_at;
};
struct withdrawal {
    member_id subject;
    std::optional<recipient> to;  // none: every recipient
    std::optional<category> what;  // none: every category
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
    std::vector<grant> grants;
    std::vector<withdrawal> withdrawals;
    std::vector<mark> marks;
    std::vector<necessity> necessities;  // in time order

    // A consent naming an agency covers its practitioners; one naming a practitioner, only them.
    static bool names(const recipient& granted, const recipient& asked) {
        if (granted.agency.value() != asked.agency.value()) return false;
        return granted.practitioner.value() == 0 || granted.practitioner.value() == asked.practitioner.value();
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
        const long day = nz_day(seconds_of(r.at));
        auto rec = [&](const grant* g) {
            for (const auto& p : g->recipients)
                if (names(p, r.recipient)) return true;
            return false;
        };
        auto cat = [&](const grant* g) { return rec(g) && ((g->categories >> static_cast<int>(r.what)) & 1u); };
        auto pur = [&](const grant* g) { return cat(g) && ((g->purposes >> static_cast<int>(r.why)) & 1u); };
        auto per = [&](const grant* g) { return pur(g) && day_of(g->from) <= day && day <= day_of(g->until); };
        auto standing = [&](const grant* g) {
            if (!per(g)) return false;
            for (const auto& w : withdrawals) {
                if (w.subject != s || w.at < g->recorded_at || w.at > r.at) continue;
                if (w.to && !names(*w.to, r.recipient)) continue;
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
