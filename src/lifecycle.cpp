// The lifecycle's rules: the table's guards (evaluate, refused_by), and the
// fold (apply). What each event must hold and changes is its own rules'
// (src/events/).
#include <algorithm>

#include "events/rules.hpp"
#include "nz_text.hpp"

#include "sfcore/case.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

using detail::local_text;
using detail::quoted;

namespace {

// A party or member in a refusal's reason: its kind and id (reasons carry ids, never names).
std::string party_label(const party& p) { return std::string(to_string(p.kind)) + " " + std::to_string(p.id); }
std::string member_label(member_id m) { return "member " + std::to_string(m.value()); }

} // namespace

// ---- who consents for whom ----------------------------------------------------
//
// One rule for consent to take part and consent to share: a member consents
// for themselves from the young person's consent age (consent_ages_set; 16
// unless the case sets it) — or, with no date of birth, unless recorded as a
// child; for a younger member a parent or caregiver who consents for
// themselves consents, and the child's own views are recorded.

bool case_file::consents_for_self(const member& m, const date& on) const {
    if (const auto age = m.age_on(on)) return *age >= disclosure_.ages().young_person;
    return m.role != member_role::child;
}

std::optional<std::string> case_file::giver_refusal(member_id subject, member_id given_by, const std::string& child_views,
                                                    const date& on) const {
    const member& s = member_at(subject);
    if (consents_for_self(s, on)) {
        if (given_by != subject) return member_label(subject) + " consents for themselves";
        return std::nullopt;
    }
    if (given_by == subject)
        return "consent for " + member_label(subject) + ", a child, is given by a parent or caregiver";
    const member& giver = member_at(given_by);
    if (giver.role != member_role::parent_caregiver || !consents_for_self(giver, on))
        return "consent for a child is given by a parent or caregiver, and " + member_label(given_by) + " is not one";
    if (is_blank(child_views)) return "a consent given for a child records the child's own views";
    return std::nullopt;
}

// Does a member's withdrawal leave the family with no one taking part who
// consents for themselves? (A support person's withdrawal never does.)
bool case_file::ends_family_consent(member_id leaving, const date& on) const {
    if (member_at(leaving).role == member_role::support_person) return false;
    for (const auto& m : members_) {
        if (m.id == leaving || !m.participating || m.role == member_role::support_person || !consents_for_self(m, on))
            continue;
        const bool standing = std::any_of(consents_.begin(), consents_.end(),
                                          [&](const auto& c) { return c.member == m.id && !c.ended_at; });
        if (standing) return false;
    }
    return true;
}

// ---- the table and its guards ---------------------------------------------

outcome case_file::no_row(event_type type) const {
    outcome o;
    o.from = o.to = state_;
    if (find_transition(state_, type)) return o;
    o.guard = guard::no_transition;
    o.reason = state_ == state::closed
                   ? std::string("a closed case does not accept \"") + label(type) +
                         "\": reopen it first with an explicit case_reopened event"
                   : std::string("\"") + label(type) + "\" is not allowed while the case is " + label(state_);
    return o;
}

outcome case_file::evaluate(const agency_directory* dir, const event& e) const {
    const transition* row = find_transition(state_, e.type());
    if (!row) return no_row(e.type());
    outcome o;
    o.from = o.to = state_;
    for (guard g : row->guards) {
        if (g == guard::none) continue;
        if (auto why = refused_by(dir, g, e, &o.missing)) {
            o.guard = g;
            o.reason = std::move(*why);
            return o;
        }
    }
    o.accepted = true;
    o.to = row->to == stay ? state_ : row->to;
    if (const auto* w = std::get_if<consent_withdrawn>(&e.payload))
        if (state_ != state::closing && ends_family_consent(w->member, nz_date(e.when))) o.to = state::closed;
    if (const auto* m = std::get_if<member_added>(&e.payload)) o.assigned = m->member.id.value();
    if (const auto* m = std::get_if<meeting_scheduled>(&e.payload)) o.assigned = m->meeting.id.value();
    if (const auto* m = std::get_if<review_scheduled>(&e.payload)) o.assigned = m->meeting.id.value();
    if (const auto* k = std::get_if<sharing_consent_given>(&e.payload)) o.assigned = k->id;
    if (const auto* k = std::get_if<category_registered>(&e.payload)) o.assigned = static_cast<std::uint32_t>(k->id);
    return o;
}

std::optional<std::string> case_file::refused_by(const agency_directory* dir, guard g, const event& e,
                                                std::vector<std::string>* missing) const {
    const programme_rules& rules = rules_of(programme());
    const auto today = [&e] { return nz_date(e.when); };
    const sfcore::meeting* proposed = nullptr;
    if (const auto* m = std::get_if<meeting_scheduled>(&e.payload)) proposed = &m->meeting;
    if (const auto* m = std::get_if<review_scheduled>(&e.payload)) proposed = &m->meeting;
    const plan* proposed_plan = nullptr;
    if (const auto* p = std::get_if<plan_agreed>(&e.payload)) proposed_plan = &p->plan;
    if (const auto* p = std::get_if<plan_revised>(&e.payload)) proposed_plan = &p->plan;

    switch (g) {
    case guard::none:
    case guard::no_transition:
        return std::nullopt;
    case guard::panel_acceptance:
        if (rules.panel_acceptance && !std::get<referral_accepted>(e.payload).by_panel)
            return "a Children's Team referral is accepted by the panel, not by the coordinator alone";
        return std::nullopt;
    case guard::site_named:
        if (rules.site_required && is_blank(referral_.site))
            return "an Intensive Intervention referral names its site";
        return std::nullopt;
    case guard::written_consent: {
        // Everyone taking part who consents for themselves (from the consent age) has signed.
        std::string absent;
        int adults = 0;
        const date day = today();
        for (const auto& m : members_) {
            if (!m.participating || !consents_for_self(m, day)) continue;
            ++adults;
            const bool consented = std::any_of(consents_.begin(), consents_.end(), [&](const auto& c) {
                return c.member == m.id && !c.ended_at;
            });
            if (!consented) absent += (absent.empty() ? "" : ", ") + member_label(m.id);
        }
        if (adults == 0) return std::string("no participating member of the family old enough to consent is recorded yet");
        if (!absent.empty()) return "written consent to take part is missing from " + absent;
        return std::nullopt;
    }
    case guard::invitees_approved: {
        // Invitees of a meeting being scheduled, or the attendance of one being held.
        const std::vector<party>* parties = proposed ? &proposed->invitees : nullptr;
        if (const auto* held = std::get_if<meeting_held>(&e.payload)) parties = &held->attendance;
        if (parties)
            for (const auto& p : *parties)
                if (!is_approved(p))
                    return "the family has not approved " + party_label(p) + " to take part";
        return std::nullopt;
    }
    case guard::meeting_pending: {
        const auto& m = meetings_[std::get<meeting_held>(e.payload).meeting.value() - 1];
        if (m.held) return "meeting " + std::to_string(m.id.value()) + " has already been held";
        return std::nullopt;
    }
    case guard::meeting_held:
        if (meetings_.empty() || !meetings_.back().held) return std::string("the meeting has not been held yet");
        return std::nullopt;
    case guard::plan_complete: {
        const plan& p = *proposed_plan;
        if (!p.lead_agency) return std::string("the plan names no lead agency");
        if (!p.key_contact) return std::string("the plan names no key contact");
        if (p.actions.empty()) return std::string("the plan has no actions");
        for (const auto& a : p.actions) {
            if (!a.owner) return "action " + quoted(a.description) + " has no owner";
            if (!a.due) return "action " + quoted(a.description) + " has no due date";
        }
        return std::nullopt;
    }
    case guard::child_plan: {
        const plan& p = *proposed_plan;
        if (!rules.plan_per_child) {
            if (p.child) return std::string("this programme makes one family plan, not a plan per child");
        } else {
            if (!p.child) return std::string("a Children's Team plan is for one child: name the child");
            const auto& c = member_at(*p.child);
            if (c.role != member_role::child && c.role != member_role::young_person)
                return member_label(c.id) + " is not a child or young person of the family";
            if (const auto age = c.age_on(today()); age && *age >= rules.child_age_limit)
                return member_label(c.id) + " is " + std::to_string(*age) + ": Children's Teams work with tamariki under " +
                       std::to_string(rules.child_age_limit);
            if (is_blank(p.child_views))
                return "the plan records the child's own views (" + member_label(c.id) + ")";
        }
        if (std::holds_alternative<plan_agreed>(e.payload) && state_ != state::under_review && current_plan(p.child))
            return std::string(p.child ? "this child" : "the family") +
                   " already has a plan: revise it (plan_revised) or agree a new one at a review";
        return std::nullopt;
    }
    case guard::revision_reason:
        if (is_blank(proposed_plan->revision_reason))
            return std::string("a revision says why the plan changed (a change of circumstances)");
        return std::nullopt;
    case guard::active_plan:
        if (state_ != state::plan_active || plans_.empty()) return std::string("a review needs an active plan");
        return std::nullopt;
    case guard::exit_reason_allowed: {
        const auto r = std::get<closure_started>(e.payload).reason;
        if (!((rules.exit_reasons >> static_cast<unsigned>(r)) & 1u))
            return std::string("the exit reason \"") + label(r) + "\" is not one " + label(programme()) + " uses";
        return std::nullopt;
    }
    case guard::final_report:
        if (!final_report_.empty()) return std::nullopt;
        if (exit_reason_ == exit_reason::consent_withdrawn || exit_reason_ == exit_reason::consent_declined ||
            exit_reason_ == exit_reason::escalated)
            return std::nullopt;
        return std::string("closing needs the lead contact's final report");
    case guard::consent_giver: {
        if (const auto* k = std::get_if<sharing_consent_given>(&e.payload))
            return giver_refusal(k->subject, k->given_by, k->child_views, k->signed_on);
        const auto& k = std::get<consent_recorded>(e.payload);
        return giver_refusal(k.member, k.given_by.value_or(k.member), k.child_views, k.signed_on);
    }
    case guard::record_complete: {
        // Each field the law asks for, by its name (for programs) and in words.
        std::vector<std::pair<const char*, const char*>> lacks;
        const auto need = [&lacks](bool ok, const char* field, const char* words) {
            if (!ok) lacks.emplace_back(field, words);
        };
        if (const auto* s = std::get_if<shared_without_consent>(&e.payload)) {
            need(!s->subjects.empty(), "subjects", "whom the information is about");
            need(!is_blank(s->description), "description", "what was shared");
            need(static_cast<bool>(s->discloser.agency), "discloser", "who shared it");
            need(static_cast<bool>(s->recipient.agency), "recipient", "to whom");
            need(!is_blank(s->purpose), "purpose", "the purpose");
            need(!is_blank(s->approver), "approver", "who approved it");
            need(!is_blank(s->necessity), "necessity", "why it was necessary and proportionate");
            need(s->basis != legal_basis::ot_s66c || s->s66c != s66c_purpose::none, "s66c", "which of the six s66C purposes");
            need(s->basis == legal_basis::ot_s66c || s->s66c == s66c_purpose::none, "s66c", "no s66C purpose for another basis");
            need(s->basis != legal_basis::ot_s66 || !is_blank(s->requested_by), "requested_by", "who requested it under s66");
            need(s->basis != legal_basis::ot_s66 || s->requester_role != s66_requester::none, "requester_role",
                 "whether the chief executive, a care and protection co-ordinator or a constable asked (s66)");
            need(s->basis == legal_basis::ot_s66 || s->requester_role == s66_requester::none, "requester_role",
                 "no s66 requester for another basis");
            need((s->child_consulted && s->family_told) || !is_blank(s->not_told_reason), "not_told_reason",
                 "why the child or family was not consulted or told");
        } else {
            const auto& d = std::get<request_declined>(e.payload);
            need(static_cast<bool>(d.requester.agency), "requester", "who asked");
            need(!d.subjects.empty(), "subjects", "whom the request was about");
            need(!d.reasons.empty() && std::none_of(d.reasons.begin(), d.reasons.end(), is_blank), "reasons",
                 "the reasons for declining (s66J)");
            need(!is_blank(d.decided_by), "decided_by", "who declined it");
        }
        if (lacks.empty()) return std::nullopt;
        std::string why = "the record lacks ";
        for (std::size_t i = 0; i < lacks.size(); ++i) {
            why += (i ? "; " : "") + std::string(lacks[i].second);
            if (missing) missing->push_back(lacks[i].first);
        }
        return why;
    }
    case guard::natural_order: {
        // A meeting is held no earlier than it starts; a review starts after the meeting it reviews.
        // (An entry is never earlier than the one before it, so an action is never updated before its plan.)
        // This guard, review_window and family_refused came with sfcore 0.2: a journal read back (no
        // directory) held the rules in force when each entry was recorded, and 0.1 journals predate them.
        if (!dir) return std::nullopt;
        if (const auto* h = std::get_if<meeting_held>(&e.payload)) {
            const auto& m = meetings_[h->meeting.value() - 1];
            if (e.when < m.start)
                return "meeting " + std::to_string(m.id.value()) + " is recorded as held at " + local_text(e.when) +
                       ", before its start at " + local_text(m.start);
            return std::nullopt;
        }
        const meeting* last = last_held_meeting();
        if (proposed && proposed->kind == meeting_kind::review && last && proposed->start <= last->start)
            return "the review starts at " + local_text(proposed->start) + ", not after meeting " +
                   std::to_string(last->id.value()) + " it reviews (" + local_text(last->start) + ")";
        return std::nullopt;
    }
    case guard::review_window: {
        // Within [earliest, latest] days of the last held meeting's local date, unless the record says why not.
        const auto& r = std::get<review_scheduled>(e.payload);
        if (!dir || !is_blank(r.outside_window_reason)) return std::nullopt;
        const meeting* last = last_held_meeting();
        if (!last) return std::nullopt;
        const auto after = (nz_date(r.meeting.start) - nz_date(last->start)).days();
        if (after < timeframes_.review_earliest_days || after > timeframes_.review_latest_days)
            return "the review is " + std::to_string(after) + " days after the last meeting, outside the " +
                   std::to_string(timeframes_.review_earliest_days) + "-" + std::to_string(timeframes_.review_latest_days) +
                   " day window: book it inside, or record why (outside_window_reason)";
        return std::nullopt;
    }
    case guard::family_refused: {
        if (!dir) return std::nullopt;
        std::vector<std::pair<party, const char*>> named;
        if (const auto* r = std::get_if<roles_assigned>(&e.payload)) {
            if (r->lead_agency) named.emplace_back(party::of(*r->lead_agency), "lead agency");
            if (r->lead_contact) named.emplace_back(party::of(*r->lead_contact), "lead contact");
        } else if (proposed_plan) {
            if (proposed_plan->lead_agency) named.emplace_back(party::of(*proposed_plan->lead_agency), "lead agency");
            if (proposed_plan->key_contact) named.emplace_back(party::of(*proposed_plan->key_contact), "key contact");
            for (const auto& a : proposed_plan->actions)
                if (a.owner) named.emplace_back(*a.owner, "an action's owner");
        }
        for (const auto& [who, as] : named)
            if (std::find(refused_.begin(), refused_.end(), who) != refused_.end())
                return "the family refused " + party_label(who) + ": it cannot be made " + as;
        return std::nullopt;
    }
    case guard::basis_allowed: {
        // s66C: information passes between child welfare and protection agencies (OT Act s2).
        // Without the directory (a journal read back) the check held when the entry was recorded.
        const auto& s = std::get<shared_without_consent>(e.payload);
        if (s.basis != legal_basis::ot_s66c || !dir) return std::nullopt;
        for (const auto* r : {&s.discloser, &s.recipient})
            if (r->agency && !dir->at(r->agency).child_welfare)
                return dir->at(r->agency).name + " is not a child welfare and protection agency: s66C does not cover it";
        return std::nullopt;
    }
    }
    return std::nullopt;
}

// ---- the fold ----------------------------------------------------------------

void case_file::apply(const event& e, sfcore::state next) {
    std::visit([&](const auto& p) { detail::event_rules::apply(*this, e, p, next); }, e.payload);
    if (kind_of(e.type()) != event_kind::access) last_fact_ = e.when;
    state_ = next;
}

} // namespace sfcore
