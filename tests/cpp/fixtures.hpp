// Shared test fixtures: a directory, a family, and a driver that takes a case
// to any lifecycle state through the events a coordinator would record.
#pragma once

#include <cstdlib>
#include <functional>
#include <string>

#include "sfcore/sfcore.hpp"

#ifndef SFCORE_RANDOMIZED_SCALE
#define SFCORE_RANDOMIZED_SCALE 1  // sanitized builds define 10: randomized tests run smaller
#endif

namespace fixtures {

using namespace sfcore;

// A count from the environment (for the randomized tests), or the default.
inline long env_or(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

inline errc code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const error& e) {
        return e.code();
    }
    return errc::ok;
}

struct world {
    agency_directory dir;
    practitioner_id coordinator, social_worker, teacher, officer;
    agency_id trust;
    instant clock = nz_time(make_date(2026, 3, 2), 9, 0);

    world() {
        trust = dir.add("Te Whare Awhina Trust", agency_kind::ngo);
        coordinator = dir.add_practitioner(trust, "Mere Tipene");
        social_worker = dir.add_practitioner(agencies::MSD, "Aroha Ngata");
        teacher = dir.add_practitioner(agencies::MOE, "Sam Wilson");
        officer = dir.add_practitioner(agencies::POLICE, "Constable Rewi");
    }

    // Every event one hour after the last.
    instant tick() { return clock += boost::posix_time::hours(1); }

    referral referral_for(programme p = programme::strengthening_families) const {
        referral r;
        r.source = referral_source::agency;
        r.agency = agencies::MOE;
        r.received = make_date(2026, 3, 2);
        r.family_name = "Te Rangi whānau";
        r.reasons = {"school attendance"};
        r.programme = p;
        if (p == programme::intensive_intervention) r.site = "Ōtāhuhu";
        return r;
    }

    outcome rec(case_file& c, event_payload p) { return c.record(dir, "coordinator", tick(), std::move(p)); }

    meeting meeting_with(std::initializer_list<party> invitees, int days_from_now = 7) {
        meeting m;
        m.start = clock + boost::posix_time::hours(24 * days_from_now);
        m.venue = "Marae, Ōtāhuhu";
        m.invitees = invitees;
        m.karakia = true;
        return m;
    }

    plan good_plan() const {
        plan p;
        p.lead_agency = agencies::MSD;
        p.key_contact = social_worker;
        action a;
        a.description = "Budget advice sessions";
        a.owner = party::of(agencies::MSD);
        a.due = make_date(2026, 5, 1);
        a.support = support_type::budget_advice;
        a.need = "money for rent";
        action b;
        b.description = "Walk Tama to school each day";
        b.owner = party::of(member_id{1});
        b.due = make_date(2026, 4, 15);
        b.need = "school attendance";
        p.actions = {a, b};
        return p;
    }

    // Drive a new case to a state, as a coordinator would.
    case_file drive_to(state target, programme prog = programme::strengthening_families) {
        case_file c = case_file::open(case_id{1}, dir, referral_for(prog), "coordinator", tick());
        const auto step = [&](event_payload p) {
            const outcome o = rec(c, std::move(p));
            if (!o) throw error(errc::internal, "fixture step refused: " + o.reason);
        };
        if (target == state::referred) return c;
        if (target == state::declined) {
            step(referral_declined{"not suitable: one agency only"});
            return c;
        }
        step(referral_accepted{prog == programme::childrens_team, ""});
        member hine;
        hine.name = "Hine Te Rangi";
        hine.role = member_role::parent_caregiver;
        hine.born = make_date(1988, 5, 14);
        step(member_added{hine});
        member tama;
        tama.name = "Tama Te Rangi";
        tama.role = member_role::child;
        tama.born = make_date(2015, 8, 1);
        step(member_added{tama});
        step(consent_recorded{member_id{1}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""});
        step(consent_recorded{member_id{2}, make_date(2026, 3, 2), "SF-2024", member_id{1}, "I want to go to school"});
        step(roles_assigned{coordinator, std::nullopt, std::nullopt, std::nullopt});
        if (target == state::awaiting_consent) return c;
        step(preparation_started{});
        step(priorities_set{{"school attendance", "housing"}, {"close whānau"}, {"money for rent"}});
        step(invitee_approved{party::of(agencies::MSD)});
        step(invitee_approved{party::of(teacher)});
        step(invitee_approved{party::of(agencies::POLICE)});
        if (target == state::preparing) return c;
        step(meeting_scheduled{meeting_with({party::of(agencies::MSD), party::of(teacher)})});
        step(meeting_held{meeting_id{1}, {party::of(member_id{1}), party::of(agencies::MSD), party::of(teacher)}});
        if (target == state::meeting_scheduled) return c;
        plan p = good_plan();
        if (prog == programme::childrens_team) {
            p.child = member_id{2};
            p.child_views = "I want to go to school with my cousins";
        }
        step(plan_agreed{p});
        if (target == state::plan_active) return c;
        if (target == state::under_review) {
            step(review_scheduled{meeting_with({party::of(agencies::MSD)}, 35)});
            return c;
        }
        step(closure_started{exit_reason::planned, "goals achieved"});
        if (target == state::closing) return c;
        step(final_report_submitted{"Tama attends school every day; rent is paid."});
        step(case_closed{});
        return c;
    }

    // A payload for each event type that is well-formed for a case driven by drive_to().
    event_payload payload_for(event_type t, const case_file& c) {
        switch (t) {
        case event_type::referral_received: return referral_received{referral_for()};
        case event_type::referral_accepted: return referral_accepted{true, ""};
        case event_type::referral_declined: return referral_declined{"not suitable"};
        case event_type::member_added: {
            member m;
            m.name = "Kiri Te Rangi";
            m.role = member_role::other_whanau;
            return member_added{m};
        }
        case event_type::consent_recorded:
            return consent_recorded{member_id{1}, make_date(2026, 3, 2), "SF-2024", std::nullopt, ""};
        case event_type::consent_withdrawn: return consent_withdrawn{member_id{1}, "we want to stop"};
        case event_type::roles_assigned: return roles_assigned{std::nullopt, agencies::MSD, social_worker, std::nullopt};
        case event_type::preparation_started: return preparation_started{};
        case event_type::priorities_set: return priorities_set{{"housing"}, {}, {}};
        case event_type::invitee_approved: return invitee_approved{party::of(agencies::MOH)};
        case event_type::invitee_withdrawn: return invitee_withdrawn{party::of(agencies::POLICE)};
        case event_type::meeting_scheduled: return meeting_scheduled{meeting_with({party::of(agencies::MSD)})};
        case event_type::meeting_held:
            return meeting_held{meeting_id{static_cast<std::uint32_t>(c.meetings().size())}, {}};
        case event_type::plan_agreed: {
            plan p = good_plan();
            if (c.programme() == programme::childrens_team) {
                p.child = member_id{2};
                p.child_views = "school";
            }
            return plan_agreed{p};
        }
        case event_type::plan_revised: {
            plan p = good_plan();
            p.revision_reason = "moved house";
            return plan_revised{p};
        }
        case event_type::action_updated: return action_updated{action_id{1}, action_status::done, ""};
        case event_type::review_scheduled: return review_scheduled{meeting_with({party::of(agencies::MSD)}, 35)};
        case event_type::escalated: return escalated{"serious concern for Tama's safety"};
        case event_type::closure_started: return closure_started{exit_reason::planned, ""};
        case event_type::final_report_submitted: return final_report_submitted{"done"};
        case event_type::case_closed: return case_closed{};
        case event_type::case_reopened: return case_reopened{"the family asked to start again"};
        }
        throw error(errc::internal, "unknown event type");
    }
};

// full_case() and full_ledger() wrote the golden archives in tests/data/v1:
// the tests compare those archives with them, so change them only together
// with a new archive format version.
//
// A case that has been through a review, a revision, a closure, a reopening
// and an escalation, and ended closed: most kinds of event, in a fixed history.
inline case_file full_case(world& w) {
    case_file c = w.drive_to(state::plan_active);
    const auto step = [&](event_payload p) {
        const outcome o = w.rec(c, std::move(p));
        if (!o) throw error(errc::internal, "fixture step refused: " + o.reason);
    };
    step(action_updated{action_id{1}, action_status::in_progress, "first session booked"});
    step(review_scheduled{w.meeting_with({party::of(agencies::MSD), party::of(w.teacher)}, 30)});
    step(meeting_held{meeting_id{2}, {party::of(member_id{1}), party::of(agencies::MSD)}});
    step(plan_agreed{c.plans().front()});  // agreed again at the review
    plan revised = c.plans().front();
    revised.revision_reason = "moved house";
    revised.actions[0].status = action_status::done;
    step(plan_revised{revised});
    step(invitee_withdrawn{party::of(agencies::POLICE)});
    step(closure_started{exit_reason::planned, "goals achieved"});
    step(final_report_submitted{"Tama attends school every day; rent is paid."});
    step(case_closed{});
    step(case_reopened{"the family asked for help again"});
    step(escalated{"serious concern for Tama's safety"});
    return c;
}

// A ledger for a case from drive_to() or full_case() with every kind of
// record: consents (one for a child), withdrawals, a confidential mark,
// necessity changes, a sharing without consent, a declined request,
// decisions and a view; and one category a region added.
inline disclosure_ledger full_ledger(world& w, const case_file& c) {
    category_registry categories;
    const category regional = categories.add("whanau_ora", "Whānau Ora navigator notes");
    disclosure_ledger l(c, w.dir, consent_settings{}, categories);
    l.set_issue_areas({issue_area::education, issue_area::housing}, "coordinator", w.tick());
    l.adjust_necessity(regional, true, "coordinator", w.tick());
    disclosure_consent k;
    k.subject = member_id{1};
    k.given_by = member_id{1};
    k.scope = {{party::of(agencies::MSD), party::of(w.teacher)}, bit(category::housing) | bit(category::education) | bit(regional),
               all_purposes, make_date(2026, 1, 1), make_date(2026, 12, 31)};
    k.signed_on = make_date(2026, 3, 2);
    k.form_version = "SF-consent-2024";
    k.recorded_by = "coordinator";
    k.recorded_at = w.tick();
    l.give(k);
    k.subject = member_id{2};
    k.child_views = "ok if it helps me at school";
    k.scope.categories = bit(category::education);
    k.recorded_at = w.tick();
    l.give(k);
    l.mark_confidential(member_id{1}, category::housing, true, "coordinator", w.tick());
    l.withdraw({member_id{1}, party::of(w.teacher), std::nullopt, "coordinator", w.tick()});
    l.withdraw({member_id{2}, std::nullopt, category::education, "coordinator", w.tick()});
    const instant at = w.tick();
    l.decide({party::of(agencies::MOE), {member_id{1}}, category::education, party::of(agencies::MSD), purpose::meeting, at}, "msd-worker");
    l.decide({party::of(agencies::MOE), {member_id{2}}, category::education, party::of(agencies::MSD), purpose::meeting, at}, "msd-worker");
    sharing_record r;
    r.subjects = {member_id{2}};
    r.what = category::child_protection;
    r.description = "attendance record and the school's concerns";
    r.discloser = party::of(agencies::MOE);
    r.recipient = party::of(agencies::POLICE);
    r.at = w.tick();
    r.basis = legal_basis::ot_s66;
    r.requested_by = "Constable Rewi";
    r.purpose = "investigation of a report of concern";
    r.approver = "Principal, delegated authority";
    r.necessity = "the request names this information and it bears on Tama's safety";
    r.not_told_reason = "telling the family could put Tama at risk";
    if (!l.share_without_consent(r, "principal")) throw error(errc::internal, "fixture sharing refused");
    if (!l.decline({party::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66,
                    {"s66J: the information is not held by the school"}, "Principal", w.tick()}, "principal"))
        throw error(errc::internal, "fixture decline refused");
    l.view({{{member_id{1}}, category::education, "left school at 15"}}, party::of(agencies::MSD), purpose::meeting, w.tick(), "msd-worker");
    return l;
}

} // namespace fixtures
