// The benchmark families: a case whose journal holds a family's consents to
// share, built through case_file::record() as a host would, and streams of
// distinct random requests over it.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "../tests/cpp/fixtures.hpp"

namespace bench {

using namespace sfcore;

// A family of `members` people (a parent and young people who consent for
// themselves) with `records` consents to share, spread at random over 15
// recipients (12 agencies as a whole, 3 named practitioners), 30 categories
// (13 built in, 17 of the case's own) and 2 purposes; every third member keeps
// health confidential. One fact a minute, from 2026-03-02.
struct family {
    fixtures::world w;
    case_file c;
    std::vector<recipient> recipients;
    instant first_consent, last_fact;
    std::mt19937_64 rng;
    int members;

    instant tick() { return w.clock += boost::posix_time::minutes(1); }
    outcome rec(event_payload p) { return c.record(w.dir, "coordinator", tick(), std::move(p)); }

    family(int members_, int records, std::uint64_t seed = 7)
        : c(w.drive_to(state::awaiting_consent)), rng(seed), members(members_) {
        for (int i = 2; i < members; ++i)
            rec(member_added{member{{}, "Rangatahi " + std::to_string(i), member_role::young_person, make_date(2006, 1, 1), true}});
        for (std::uint32_t a = 1; a <= 12; ++a) recipients.push_back(recipient::of(agency_id{a}));
        recipients.push_back(recipient::of(agencies::MSD, w.social_worker));
        recipients.push_back(recipient::of(agencies::MOE, w.teacher));
        recipients.push_back(recipient::of(agencies::POLICE, w.officer));
        for (int i = 0; c.disclosure().categories().size() < 30; ++i)
            rec(category_registered{"regional_" + std::to_string(i), "regional category", category{}});
        rec(issue_areas_set{{issue_area::education, issue_area::housing, issue_area::income, issue_area::health,
                             issue_area::family_violence, issue_area::parenting}});
        for (int i = 13; i < 30; i += 2) rec(necessity_adjusted{static_cast<category>(i), true});
        first_consent = w.clock + boost::posix_time::minutes(1);
        for (int i = 0; i < records; ++i) consent();
        for (std::uint32_t m = 1; m <= static_cast<std::uint32_t>(members); m += 3)
            rec(confidential_marked{member_id{m}, category::health, true});
        last_fact = w.clock;
    }

    // One more random consent to share (a fact of the journal).
    outcome consent() {
        sharing_consent_given k;
        k.subject = k.given_by = member_id{1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members))};
        // Member 2 is the child of fixtures::world: a parent consents for them, with their views.
        if (k.subject == member_id{2}) {
            k.given_by = member_id{1};
            k.child_views = "views";
        }
        k.scope = {{recipients[rng() % recipients.size()]}, (rng() & 0x3FFFFFFF) | 1,
                   static_cast<purpose_set>(bit(purpose::meeting) | bit(purpose::plan_delivery)), make_date(2026, 1, 1),
                   make_date(2027, 12, 31)};
        k.signed_on = make_date(2026, 3, 2);
        k.form_version = "v";
        return rec(std::move(k));
    }

    // A random request about one member at an instant.
    disclosure_request request_at(instant at) {
        const recipient to = recipients[rng() % recipients.size()];
        return {recipient::of(agencies::MOE), {member_id{1 + static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(members))}},
                static_cast<category>(rng() % 30), to, rng() % 2 ? purpose::meeting : purpose::plan_delivery, at};
    }

    // n distinct random requests: at the current instant (each a second after
    // the last fact, so no two are the same), or (past) at random instants
    // between the first consent and the last fact.
    std::vector<disclosure_request> stream(std::size_t n, bool past = false) {
        std::vector<disclosure_request> out;
        out.reserve(n);
        const auto span = (last_fact - first_consent).total_seconds();
        for (std::size_t i = 0; i < n; ++i) {
            const instant at = past ? first_consent + boost::posix_time::seconds(static_cast<long>(rng() % static_cast<std::uint64_t>(span)))
                                    : last_fact + boost::posix_time::seconds(static_cast<long>(i + 1));
            out.push_back(request_at(at));
        }
        return out;
    }
};

// The size of the streams every decision benchmark draws from.
constexpr std::size_t stream_size = 1'000'000;

// The same case under another id: its facts recorded again (a journal is
// chained from its case's id, so it cannot simply be relabelled).
inline case_file renumbered(const case_file& proto, case_id id, const agency_directory& dir) {
    const auto& first = proto.journal().front();
    case_file c = case_file::open(id, dir, std::get<referral_received>(first.payload).referral, first.who, first.when);
    for (std::size_t i = 1; i < proto.journal().size(); ++i) {
        const event& e = proto.journal()[i];
        c.record(dir, e.who, e.when, e.payload);
    }
    return c;
}

} // namespace bench
