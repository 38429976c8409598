// Shared test fixtures: a directory, a family, and a driver that takes a case
// to any lifecycle state through the events a coordinator would record.
#pragma once

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
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

// A case's journal as the vector replay() takes.
inline std::vector<event> entries(const case_file& c) { return {c.journal().begin(), c.journal().end()}; }

// A file's bytes, whole (a file that cannot be read is an error, not nothing).
inline bytes read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    return bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
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
    at_rest keep = at_rest::plain;  // how drive_to() opens its cases

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

    // Record at the next tick; a meeting is held once it has started (the clock moves on to its start).
    outcome rec(case_file& c, event_payload p) {
        if (const auto* h = std::get_if<meeting_held>(&p))
            if (h->meeting && h->meeting.value() <= c.meetings().size())
                clock = std::max(clock, c.meetings()[h->meeting.value() - 1].start);
        return c.record(dir, "coordinator", tick(), std::move(p));
    }

    // An adult's (Hine's) consent to share education and housing with a recipient, for 2026, for every purpose.
    sharing_consent_given adult_consent(recipient to, member_id who = member_id{1}) const {
        sharing_consent_given k;
        k.subject = who;
        k.given_by = who;
        k.scope = {{to}, bit(category::housing) | bit(category::education), all_purposes, make_date(2026, 1, 1),
                   make_date(2026, 12, 31)};
        k.signed_on = make_date(2026, 3, 2);
        k.form_version = "SF-consent-2024";
        return k;
    }

    // A complete record of sharing without consent under s66 (the school to the Police, about Tama).
    shared_without_consent s66_sharing() const {
        shared_without_consent r;
        r.subjects = {member_id{2}};
        r.what = category::child_protection;
        r.description = "attendance record and the school's concerns";
        r.discloser = recipient::of(agencies::MOE);
        r.recipient = recipient::of(agencies::POLICE);
        r.basis = legal_basis::ot_s66;
        r.requested_by = "Constable Rewi";
        r.requester_role = s66_requester::constable;
        r.purpose = "investigation of a report of concern";
        r.approver = "Principal, delegated authority";
        r.necessity = "the request names this information and it bears on Tama's safety";
        r.not_told_reason = "telling the family could put Tama at risk";
        return r;
    }

    // A request about one person, at the current clock.
    disclosure_request request(member_id who, category what, recipient to, purpose why = purpose::meeting) const {
        return {recipient::of(agencies::MOE), {who}, what, to, why, clock};
    }

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
        case_file c = case_file::open(case_id{1}, dir, referral_for(prog), "coordinator", tick(), keep);
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
            step(review_scheduled{meeting_with({party::of(agencies::MSD)}, 35), ""});
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
        case event_type::review_scheduled: return review_scheduled{meeting_with({party::of(agencies::MSD)}, 35), ""};
        case event_type::escalated: return escalated{"serious concern for Tama's safety"};
        case event_type::closure_started: return closure_started{exit_reason::planned, ""};
        case event_type::final_report_submitted: return final_report_submitted{"done"};
        case event_type::case_closed: return case_closed{};
        case event_type::case_reopened: return case_reopened{"the family asked to start again"};
        case event_type::sharing_consent_given: return adult_consent(recipient::of(agencies::MSD));
        case event_type::sharing_consent_withdrawn:
            return sharing_consent_withdrawn{member_id{1}, recipient::of(agencies::MSD), std::nullopt, ""};
        case event_type::confidential_marked: return confidential_marked{member_id{1}, category::health, true};
        case event_type::issue_areas_set: return issue_areas_set{{issue_area::housing}};
        case event_type::necessity_adjusted: return necessity_adjusted{category::health, true};
        case event_type::category_registered:
            return category_registered{"regional_" + std::to_string(c.disclosure().categories().size()), "a regional category", {}};
        case event_type::consent_ages_set: return consent_ages_set{16, 18};
        case event_type::shared_without_consent: return s66_sharing();
        case event_type::request_declined:
            return request_declined{recipient::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66,
                                    {"s66J: the information is not held"}, "Principal"};
        case event_type::notice_given: return notice_given{member_id{1}, purpose::meeting};
        case event_type::disclosure_decided: return disclosure_decided{};
        case event_type::view_shown: return view_shown{};
        case event_type::legacy_audit_imported: return legacy_audit_imported{};
        case event_type::identified_extract: return identified_extract{};
        case event_type::case_disposed: return case_disposed{make_date(2026, 3, 2), 7};
        case event_type::correction_declined:
            return correction_declined{member_id{1}, "date of birth", "I was born on 15 May 1988", "the birth certificate says 14 May"};
        case event_type::access_requested: return access_requested{member_id{1}, "Hine Te Rangi", "", make_date(2026, 3, 2)};
        case event_type::access_extended:
        case event_type::access_answered: {
            // The case's first open access request, if it has one (else entry 1, which is not one: refused).
            std::uint64_t open = 1;
            for (const auto& r : c.access_requests())
                if (!r.answered_on) {
                    open = r.seq;
                    break;
                }
            if (t == event_type::access_extended) return access_extended{open, make_date(2026, 12, 31), "much to search"};
            return access_answered{open, make_date(2026, 3, 2), {}};
        }
        case event_type::timeframes_set: return timeframes_set{10, 21, 35};
        case event_type::person_linked: return person_linked{member_id{1}, "person-0001", std::string("ZZZ0016"), std::nullopt};
        case event_type::member_updated:
            return member_updated{member_id{1}, std::string("Hine Ngata"), std::nullopt, make_date(1988, 5, 15),
                                  "a correction the person asked for"};
        }
        throw error(errc::internal, "unknown event type");
    }
};

// full_case() wrote the golden archives in tests/data/v2: the tests compare
// those archives with it, so change it only together with a new archive
// format version. (tests/data/v1 holds archives and a store sfcore 0.1 wrote.)
//
// A case with every kind of entry, in a fixed history: the lifecycle
// through a review, a revision, a closure, a reopening and an escalation;
// what governs sharing (a category of its own, issue areas, necessity,
// consent ages, consents for an adult and for a child, a confidential
// mark, withdrawals, a sharing without consent, a declined request, a
// notice); and access records (decisions and a view).
inline case_file full_case(world& w) {
    case_file c = w.drive_to(state::plan_active);
    const auto step = [&](event_payload p) {
        const outcome o = w.rec(c, std::move(p));
        if (!o) throw error(errc::internal, "fixture step refused: " + o.reason);
    };
    step(category_registered{"whanau_ora", "Whānau Ora navigator notes", {}});
    const category regional = *c.disclosure().categories().find("whanau_ora");
    step(issue_areas_set{{issue_area::education, issue_area::housing}});
    step(necessity_adjusted{regional, true});
    step(consent_ages_set{16, 18});
    sharing_consent_given k = w.adult_consent(recipient::of(agencies::MSD));
    k.scope.recipients.push_back(recipient::of(agencies::MOE, w.teacher));
    k.scope.categories |= bit(regional);
    step(k);
    k.subject = member_id{2};
    k.child_views = "ok if it helps me at school";
    k.scope.categories = bit(category::education);
    step(k);
    step(confidential_marked{member_id{1}, category::housing, true});
    step(sharing_consent_withdrawn{member_id{1}, recipient::of(agencies::MOE, w.teacher), std::nullopt, "not the teacher"});
    step(sharing_consent_withdrawn{member_id{2}, std::nullopt, category::education, ""});
    c.decide(w.dir, w.request(member_id{1}, category::education, recipient::of(agencies::MSD)), "msd-worker");
    c.decide(w.dir, w.request(member_id{2}, category::education, recipient::of(agencies::MSD)), "msd-worker");
    step(w.s66_sharing());
    step(request_declined{recipient::of(agencies::POLICE), {member_id{1}}, category::health, legal_basis::ot_s66,
                          {"s66J: the information is not held by the school"}, "Principal"});
    step(notice_given{member_id{1}, purpose::meeting});
    c.view(w.dir, {{{member_id{1}}, category::education, "left school at 15"}}, recipient::of(agencies::MSD),
           purpose::meeting, w.tick(), "msd-worker");
    step(action_updated{action_id{1}, action_status::in_progress, "first session booked"});
    step(review_scheduled{w.meeting_with({party::of(agencies::MSD), party::of(w.teacher)}, 30), ""});
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

// A fixed clock for the journal's recorded instants, so archives written
// from the fixtures are the same bytes every run: each reading is one
// microsecond after the last, from 2026-03-02 09:00 UTC.
struct fixed_clock {
    static instant now(void* context) {
        auto* n = static_cast<std::int64_t*>(context);
        return instant(make_date(2026, 3, 2), boost::posix_time::hours(9)) + boost::posix_time::microseconds(++*n);
    }
    std::int64_t ticks = 0;
    fixed_clock() { set_clock(&fixed_clock::now, &ticks); }
    ~fixed_clock() { set_clock(nullptr); }
    fixed_clock(const fixed_clock&) = delete;
    fixed_clock& operator=(const fixed_clock&) = delete;
};

} // namespace fixtures
