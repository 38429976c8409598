// Random event sequences against the lifecycle's invariants. The number of
// sequences is SFCORE_PROPERTY_SEQUENCES (default 100000); the seed is
// SFCORE_PROPERTY_SEED (default fixed, so a failure is reproducible).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "fixtures.hpp"

using namespace sfcore;

namespace {

struct generator {
    fixtures::world& w;
    std::mt19937_64 rng;

    bool coin(int percent) { return static_cast<int>(rng() % 100) < percent; }
    std::uint32_t upto(std::uint32_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(rng() % n); }

    party any_party(const case_file& c) {
        switch (upto(4)) {
        case 0: return party::of(member_id{upto(static_cast<std::uint32_t>(c.members().size()) + 1) + 1});
        case 1: return party::of(agencies::MSD);
        case 2: return party::of(agencies::POLICE);
        default: return party::of(coin(50) ? w.teacher : w.officer);
        }
    }

    meeting any_meeting(const case_file& c) {
        meeting m = w.meeting_with({}, 3);
        // A review, mostly inside the case's window after the last meeting held; sometimes with a reason instead.
        if (const meeting* last = c.last_held_meeting(); c.state() == state::plan_active && last && coin(80))
            m.start = last->start + boost::posix_time::hours(24 * (28 + static_cast<int>(upto(15))));
        for (std::uint32_t i = upto(3); i > 0; --i) {
            party p = coin(80) && !c.approved().empty()
                          ? c.approved()[upto(static_cast<std::uint32_t>(c.approved().size()))]
                          : any_party(c);
            if (p.kind != party_kind::member || p.id <= c.members().size()) m.invitees.push_back(p);
        }
        return m;
    }

    // A member who has no standing consent, most of the time.
    member_id unconsented(const case_file& c) {
        const auto members = static_cast<std::uint32_t>(c.members().size());
        if (coin(75))
            for (const auto& m : c.members()) {
                const bool has = std::any_of(c.consents().begin(), c.consents().end(),
                                             [&](const auto& k) { return k.member == m.id && !k.ended_at; });
                if (!has && m.role != member_role::child) return m.id;
            }
        return member_id{upto(members + 1) + 1};
    }

    plan any_plan(const case_file& c) {
        plan p = w.good_plan();
        if (c.programme() == programme::childrens_team || coin(5)) {
            p.child = member_id{upto(static_cast<std::uint32_t>(c.members().size())) + 1};
            if (coin(80)) p.child_views = "views";
        }
        if (coin(10)) p.lead_agency.reset();
        if (coin(10)) p.key_contact.reset();
        if (coin(10)) p.actions.back().owner.reset();
        if (coin(10)) p.actions.front().due.reset();
        if (coin(30) && !c.plans().empty()) p.actions = c.plans().front().actions;  // carry ids over
        if (coin(70)) p.revision_reason = "circumstances changed";
        return p;
    }

    event_payload any_payload(event_type t, const case_file& c) {
        const auto members = static_cast<std::uint32_t>(c.members().size());
        switch (t) {
        case event_type::member_added: {
            member m;
            m.name = "Member " + std::to_string(members + 1);
            m.role = static_cast<member_role>(upto(5));
            if (coin(60)) m.born = make_date(1950 + static_cast<int>(upto(75)), 1 + static_cast<int>(upto(12)), 1);
            m.participating = coin(90);
            return member_added{m};
        }
        case event_type::consent_recorded: {
            consent_recorded r{unconsented(c), make_date(2026, 3, 1), "SF-2024", std::nullopt, ""};
            if (coin(50)) r.given_by = member_id{upto(members) + 1};
            return r;
        }
        case event_type::consent_withdrawn: return consent_withdrawn{member_id{upto(members + 1) + 1}, ""};
        case event_type::invitee_approved: return invitee_approved{any_party(c)};
        case event_type::invitee_withdrawn: return invitee_withdrawn{any_party(c)};
        case event_type::meeting_scheduled: return meeting_scheduled{any_meeting(c)};
        case event_type::review_scheduled: return review_scheduled{any_meeting(c), coin(20) ? "the family asked" : ""};
        case event_type::meeting_held:
            return meeting_held{coin(80) ? meeting_id{static_cast<std::uint32_t>(c.meetings().size())}
                                         : meeting_id{upto(static_cast<std::uint32_t>(c.meetings().size()) + 2)},
                                {}};
        case event_type::plan_agreed: return plan_agreed{any_plan(c)};
        case event_type::plan_revised: return plan_revised{any_plan(c)};
        case event_type::action_updated:
            return action_updated{action_id{upto(6) + 1}, static_cast<action_status>(upto(4)), ""};
        case event_type::referral_accepted: return referral_accepted{coin(70), ""};
        case event_type::closure_started: return closure_started{static_cast<exit_reason>(upto(7)), coin(50) ? "note" : ""};
        default: return w.payload_for(t, c);
        }
    }

    // The event a coordinator would usually record next.
    event_type onward(const case_file& c) {
        switch (c.state()) {
        case state::referred: return event_type::referral_accepted;
        case state::awaiting_consent:
            if (c.members().empty()) return event_type::member_added;
            return coin(50) ? event_type::consent_recorded : event_type::preparation_started;
        case state::preparing:
            return coin(30) ? event_type::invitee_approved : coin(30) ? event_type::consent_recorded : event_type::meeting_scheduled;
        case state::meeting_scheduled:
        case state::under_review: return coin(50) ? event_type::meeting_held : event_type::plan_agreed;
        case state::plan_active:
            return coin(40) ? event_type::action_updated : coin(50) ? event_type::review_scheduled : event_type::plan_revised;
        case state::closing: return coin(50) ? event_type::final_report_submitted : event_type::case_closed;
        case state::closed: return event_type::case_reopened;
        case state::declined: return event_type::referral_accepted;
        }
        return event_type::member_added;
    }

    event_type any_event(const case_file& c) {
        if (coin(45)) return onward(c);
        // Otherwise mostly events the table allows in the current state.
        if (coin(85)) {
            std::vector<event_type> allowed;
            for (const auto& row : event_type_table)
                if (find_transition(c.state(), row.value)) allowed.push_back(row.value);
            // Events that end a case are offered rarely, so walks reach the later states.
            for (int tries = 0; tries < 4 && !allowed.empty(); ++tries) {
                const event_type t = allowed[upto(static_cast<std::uint32_t>(allowed.size()))];
                const bool ending = t == event_type::consent_withdrawn || t == event_type::escalated ||
                                    t == event_type::closure_started || t == event_type::referral_declined;
                if (!ending || coin(15)) return t;
            }
        }
        return static_cast<event_type>(upto(static_cast<std::uint32_t>(std::size(event_type_table))));
    }
};

void check_invariants(const case_file& c) {
    const state s = c.state();
    REQUIRE(find_row(s) != nullptr);
    for (std::size_t i = 1; i < c.journal().size(); ++i) {
        REQUIRE(c.journal()[i - 1].when <= c.journal()[i].when);  // (no access records in these walks)
        REQUIRE(c.journal()[i - 1].recorded <= c.journal()[i].recorded);
        REQUIRE(c.journal()[i].seq == i + 1);
    }
    for (std::size_t i = 0; i < c.members().size(); ++i) REQUIRE(c.members()[i].id.value() == i + 1);
    for (std::size_t i = 0; i < c.meetings().size(); ++i) REQUIRE(c.meetings()[i].id.value() == i + 1);
    if (s == state::meeting_scheduled || s == state::under_review) REQUIRE_FALSE(c.meetings().empty());
    if (s == state::plan_active || s == state::under_review) {
        REQUIRE_FALSE(c.plans().empty());
        for (const auto& p : c.plans()) {
            REQUIRE(p.lead_agency.has_value());
            REQUIRE(p.key_contact.has_value());
            REQUIRE_FALSE(p.actions.empty());
            for (const auto& a : p.actions) REQUIRE((a.owner && a.due));
            REQUIRE(p.child.has_value() == (c.programme() == programme::childrens_team));
        }
        for (std::size_t i = 0; i < c.plans().size(); ++i)
            for (std::size_t j = i + 1; j < c.plans().size(); ++j) REQUIRE(c.plans()[i].child != c.plans()[j].child);
    }
    if (s == state::closed) {
        REQUIRE(c.exit_reason().has_value());
        REQUIRE(c.closed_at().has_value());
    }
    if (s == state::closing) REQUIRE(c.exit_reason().has_value());
    if (s == state::declined) REQUIRE_FALSE(c.exit_note().empty());
}

} // namespace

TEST_CASE("random event sequences keep every invariant, and replay and an archive round trip equal the live case", "[lifecycle][property]") {
    const long sequences = fixtures::env_or("SFCORE_PROPERTY_SEQUENCES", 100000 / SFCORE_RANDOMIZED_SCALE);
    const auto seed = static_cast<std::uint64_t>(fixtures::env_or("SFCORE_PROPERTY_SEED", 20261122));
    fixtures::world w;
    generator gen{w, std::mt19937_64(seed)};
    long accepted = 0, refused = 0, errors = 0, reached_plan = 0;
    const instant start = w.clock;
    for (long i = 0; i < sequences; ++i) {
        w.clock = start;
        const auto prog = static_cast<programme>(gen.upto(3));
        case_file c = case_file::open(case_id{static_cast<std::uint64_t>(i + 1)}, w.dir, w.referral_for(prog), "c", w.tick());
        bool planned = false;
        for (int step = 0, n = 5 + static_cast<int>(gen.upto(40)); step < n; ++step) {
            const event_type t = gen.any_event(c);
            const event_payload p = gen.any_payload(t, c);
            const std::size_t before = c.journal().size();
            const state was = c.state();
            try {
                // A meeting is usually held once it has started (sometimes the record says earlier, and is refused).
                if (const auto* h = std::get_if<meeting_held>(&p); h && gen.coin(90) && h->meeting &&
                                                                   h->meeting.value() <= c.meetings().size())
                    w.clock = std::max(w.clock, c.meetings()[h->meeting.value() - 1].start);
                const outcome o = c.record(w.dir, "worker", w.tick(), p);
                if (o.accepted) {
                    ++accepted;
                    REQUIRE(c.journal().size() == before + 1);
                    REQUIRE(o.guard == guard::none);
                } else {
                    ++refused;
                    REQUIRE(c.journal().size() == before);
                    REQUIRE(c.state() == was);
                    REQUIRE_FALSE(o.reason.empty());
                }
            } catch (const error&) {
                ++errors;
                REQUIRE(c.journal().size() == before);
                REQUIRE(c.state() == was);
            }
            check_invariants(c);
            planned = planned || c.state() == state::plan_active;
        }
        reached_plan += planned;
        REQUIRE(case_file::replay(c.id(), fixtures::entries(c)) == c);
        // Any case survives an archive round trip (the text form for every tenth).
        REQUIRE(load_case(save_archive(c, i % 10 ? archive_encoding::binary : archive_encoding::text)) == c);
    }
    // The walk must exercise the deep states, not stop at the first guard.
    CHECK(accepted > sequences * 3);
    CHECK(refused > 0);
    CHECK(errors > 0);
    CHECK(reached_plan > sequences / 20);
    WARN(sequences << " sequences: " << accepted << " accepted, " << refused << " refused, " << errors
                   << " bad input; " << reached_plan << " reached an active plan");
}
