// The lifecycle's rules: what each event must hold (validate), the table's
// guards (evaluate, refused_by), and how each event changes the case (apply).
#include <algorithm>

#include "nz_text.hpp"

#include "sfcore/case.hpp"
#include "sfcore/identifiers.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

using detail::local_text;

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }


// A party or member in a refusal's reason: its kind and id (reasons carry ids, never names).
std::string party_label(const party& p) { return std::string(to_string(p.kind)) + " " + std::to_string(p.id); }
std::string member_label(member_id m) { return "member " + std::to_string(m.value()); }

void check_texts(const std::vector<std::string>& texts, const char* what) {
    for (const auto& t : texts) check_nonblank_utf8(t, what);
}


} // namespace

void case_file::check_recipient(const agency_directory* dir, const sfcore::recipient& r, const char* what) const {
    if (!r.agency) throw error(errc::invalid_argument, std::string(what) + " names no agency");
    if (!dir) return;
    dir->at(r.agency);
    if (r.practitioner) {
        const practitioner& p = dir->practitioner_at(r.practitioner);
        if (p.agency != r.agency)
            throw error(errc::invalid_argument, std::string(what) + ": practitioner " + std::to_string(r.practitioner.value()) +
                                                    " works for agency " + std::to_string(p.agency.value()) + ", not " +
                                                    std::to_string(r.agency.value()));
    }
}

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

// ---- input checks: bad input is an error, and assigns ids ------------------

void case_file::validate(const agency_directory* dir, event& e) const {
    if (e.when < last_fact_)
        throw error(errc::invalid_argument, "an event cannot be recorded before the case's last event");
    const auto today = [&e] { return nz_date(e.when); };  // only some events need the local date

    const auto check_party = [&](const party& p, const char* what) {
        switch (p.kind) {
        case party_kind::member: member_at(member_id{p.id}); return;
        case party_kind::agency: if (dir) dir->at(agency_id{p.id}); return;
        case party_kind::practitioner: if (dir) dir->practitioner_at(practitioner_id{p.id}); return;
        }
        throw error(errc::invalid_argument, std::string("unknown kind of ") + what);
    };
    const auto check_meeting = [&](sfcore::meeting& m, meeting_kind kind) {
        const meeting_id next{static_cast<std::uint32_t>(meetings_.size() + 1)};
        if (m.id && m.id != next) throw error(errc::invalid_argument, "meeting ids are assigned by the case");
        m.id = next;
        m.kind = kind;
        m.start = checked_instant(m.start);
        check_nonblank_utf8(m.venue, "venue");
        for (const auto& p : m.invitees) check_party(p, "invitee");
        check_utf8(m.facilitator, "facilitator");
        check_utf8(m.interpreter, "interpreter");
        check_texts(m.support_people, "support person");
        if (m.held || !m.attendance.empty())
            throw error(errc::invalid_argument, "a meeting is scheduled before it is held");
    };
    const auto check_plan = [&](sfcore::plan& p, bool revision) {
        if (p.child) member_at(*p.child);
        if (p.lead_agency && dir) dir->at(*p.lead_agency);
        if (p.key_contact && dir) dir->practitioner_at(*p.key_contact);
        check_utf8(p.child_views, "child's views");
        check_utf8(p.revision_reason, "revision reason");
        const plan* current = nullptr;
        for (const auto& q : plans_)
            if (q.child == p.child) current = &q;
        if (revision && !current)
            throw error(errc::not_found, "there is no current plan to revise for this " +
                                             std::string(p.child ? "child" : "family"));
        std::uint32_t next = last_action_id_;
        for (auto& a : p.actions) {
            check_nonblank_utf8(a.description, "action");
            if (a.owner) check_party(*a.owner, "action owner");
            if (a.due) a.due = checked_date(*a.due);
            enum_from_int<action_status>(static_cast<long long>(a.status));
            enum_from_int<support_type>(static_cast<long long>(a.support));
            check_utf8(a.need, "need");
            std::uint32_t areas = 0;
            for (auto o : a.outcomes) {
                const auto bit = 1u << static_cast<unsigned>(enum_from_int<outcome_area>(static_cast<long long>(o)));
                if (areas & bit) throw error(errc::invalid_argument, std::string("action ") + quoted(a.description) +
                                                                         " names an outcome area twice");
                areas |= bit;
            }
            if (!a.id || a.id.value() == next + 1) {
                a.id = action_id{++next};
                continue;
            }
            const bool carried = current && std::any_of(current->actions.begin(), current->actions.end(),
                                                        [&](const action& c) { return c.id == a.id; });
            if (!carried)
                throw error(errc::not_found, "action " + std::to_string(a.id.value()) +
                                                 " is not in the current plan (give new actions id 0)");
        }
        p.version = current ? current->version + 1 : 1;
        p.agreed = today();
    };

    std::visit(
        [&](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, referral_received>) {
                throw error(errc::invalid_argument, "a case has exactly one referral, its first event");
            } else if constexpr (std::is_same_v<T, referral_accepted>) {
                check_utf8(p.note, "note");
            } else if constexpr (std::is_same_v<T, referral_declined>) {
                check_nonblank_utf8(p.reason, "decline reason");
            } else if constexpr (std::is_same_v<T, member_added>) {
                auto& m = p.member;
                const member_id next{static_cast<std::uint32_t>(members_.size() + 1)};
                if (m.id && m.id != next) throw error(errc::invalid_argument, "member ids are assigned by the case");
                m.id = next;
                check_nonblank_utf8(m.name, "member name");
                enum_from_int<member_role>(static_cast<long long>(m.role));
                if (m.born) {
                    m.born = checked_date(*m.born);
                    if (*m.born > today()) throw error(errc::out_of_range, "a date of birth is in the future");
                }
            } else if constexpr (std::is_same_v<T, consent_recorded>) {
                const auto& m = member_at(p.member);
                p.signed_on = checked_date(p.signed_on);
                if (p.signed_on > today()) throw error(errc::out_of_range, "a consent form is signed in the future");
                check_nonblank_utf8(p.form_version, "consent form version");
                check_utf8(p.child_views, "child's views");
                (void)m;
                if (p.given_by) member_at(*p.given_by);  // who may consent for whom is the guard consent_giver's
            } else if constexpr (std::is_same_v<T, consent_withdrawn>) {
                member_at(p.member);
                check_utf8(p.note, "note");
                const bool current = std::any_of(consents_.begin(), consents_.end(), [&](const auto& c) {
                    return c.member == p.member && !c.ended_at;
                });
                if (!current) throw error(errc::not_found, "member " + std::to_string(p.member.value()) +
                                                               " has no consent to withdraw");
            } else if constexpr (std::is_same_v<T, roles_assigned>) {
                if (!p.coordinator && !p.lead_agency && !p.lead_contact && !p.facilitator)
                    throw error(errc::invalid_argument, "a role assignment names at least one role");
                if (dir) {
                    if (p.coordinator) dir->practitioner_at(*p.coordinator);
                    if (p.lead_contact) dir->practitioner_at(*p.lead_contact);
                    if (p.lead_agency) dir->at(*p.lead_agency);
                }
                if (p.facilitator) check_utf8(*p.facilitator, "facilitator");
            } else if constexpr (std::is_same_v<T, priorities_set>) {
                if (p.key_issues.empty()) throw error(errc::invalid_argument, "the family names at least one key issue");
                check_texts(p.key_issues, "key issue");
                check_texts(p.strengths, "strength");
                check_texts(p.needs, "need");
            } else if constexpr (std::is_same_v<T, invitee_approved> || std::is_same_v<T, invitee_withdrawn>) {
                if (p.who.kind == party_kind::member)
                    throw error(errc::invalid_argument, "family members take part without approval; invite agencies or practitioners");
                check_party(p.who, "invitee");
                if constexpr (std::is_same_v<T, invitee_withdrawn>)
                    if (std::find(approved_.begin(), approved_.end(), p.who) == approved_.end())
                        throw error(errc::not_found, "that party is not approved");
            } else if constexpr (std::is_same_v<T, meeting_scheduled>) {
                check_meeting(p.meeting, meeting_kind::initial);
            } else if constexpr (std::is_same_v<T, review_scheduled>) {
                check_meeting(p.meeting, meeting_kind::review);
                check_utf8(p.outside_window_reason, "reason the review is outside its window");
            } else if constexpr (std::is_same_v<T, meeting_held>) {
                if (!p.meeting || p.meeting.value() > meetings_.size())
                    throw error(errc::not_found, "no meeting " + std::to_string(p.meeting.value()));
                for (const auto& a : p.attendance) check_party(a, "attendee");
            } else if constexpr (std::is_same_v<T, plan_agreed>) {
                check_plan(p.plan, false);
            } else if constexpr (std::is_same_v<T, plan_revised>) {
                check_plan(p.plan, true);
            } else if constexpr (std::is_same_v<T, action_updated>) {
                enum_from_int<action_status>(static_cast<long long>(p.status));
                check_utf8(p.note, "note");
                const bool found = std::any_of(plans_.begin(), plans_.end(), [&](const plan& pl) {
                    return std::any_of(pl.actions.begin(), pl.actions.end(), [&](const action& a) { return a.id == p.action; });
                });
                if (!found) throw error(errc::not_found, "no action " + std::to_string(p.action.value()) + " in the current plans");
            } else if constexpr (std::is_same_v<T, escalated>) {
                check_nonblank_utf8(p.note, "escalation note");
            } else if constexpr (std::is_same_v<T, closure_started>) {
                enum_from_int<sfcore::exit_reason>(static_cast<long long>(p.reason));
                if (p.reason == exit_reason::other) check_nonblank_utf8(p.note, "exit note");
                else checked_utf8(p.note, "exit note");
            } else if constexpr (std::is_same_v<T, final_report_submitted>) {
                check_nonblank_utf8(p.summary, "final report");
            } else if constexpr (std::is_same_v<T, case_reopened>) {
                check_nonblank_utf8(p.reason, "reopen reason");
            } else if constexpr (std::is_same_v<T, sharing_consent_given>) {
                member_at(p.subject);
                member_at(p.given_by);
                const auto next = static_cast<std::uint32_t>(disclosure_.consents().size() + 1);
                if (p.id && p.id != next) throw error(errc::invalid_argument, "consent ids are assigned by the case");
                p.id = next;
                p.signed_on = checked_date(p.signed_on);
                if (p.signed_on > today()) throw error(errc::out_of_range, "a consent form is signed in the future");
                p.scope.from = checked_date(p.scope.from);
                p.scope.until = checked_date(p.scope.until);
                if (p.scope.until < p.scope.from) throw error(errc::invalid_consent, "the consent's period ends before it starts");
                if (p.scope.recipients.empty()) throw error(errc::invalid_consent, "a consent names at least one recipient");
                for (const auto& r : p.scope.recipients) check_recipient(dir, r, "a consent's recipient");
                if (p.scope.categories == 0) throw error(errc::invalid_consent, "a consent names at least one category");
                if (p.scope.categories & ~disclosure_.categories().all())
                    throw error(errc::invalid_consent, "a consent names an unknown category");
                if (p.scope.purposes == 0 || (p.scope.purposes & ~all_purposes))
                    throw error(errc::invalid_consent, "a consent names at least one purpose, and only known ones");
                check_nonblank_utf8(p.form_version, "consent form version");
                check_utf8(p.child_views, "child's views");
            } else if constexpr (std::is_same_v<T, sharing_consent_withdrawn>) {
                member_at(p.subject);
                if (p.recipient) check_recipient(dir, *p.recipient, "the withdrawal's recipient");
                if (p.what) disclosure_.categories().name(*p.what);
                check_utf8(p.note, "note");
            } else if constexpr (std::is_same_v<T, confidential_marked>) {
                member_at(p.subject);
                disclosure_.categories().name(p.what);
            } else if constexpr (std::is_same_v<T, issue_areas_set>) {
                for (auto a : p.areas) enum_from_int<issue_area>(static_cast<long long>(a));
            } else if constexpr (std::is_same_v<T, necessity_adjusted>) {
                disclosure_.categories().name(p.what);
            } else if constexpr (std::is_same_v<T, category_registered>) {
                disclosure_.categories().check_new(p.name, p.label);
                const auto next = static_cast<category>(disclosure_.categories().size());
                if (p.id != category{} && p.id != next)
                    throw error(errc::invalid_argument, "category ids are assigned by the case");
                p.id = next;
            } else if constexpr (std::is_same_v<T, consent_ages_set>) {
                if (p.young_person > p.adult || p.adult > 25 || p.adult == 0)
                    throw error(errc::invalid_argument, "consent ages must satisfy young person age <= adult age <= 25");
            } else if constexpr (std::is_same_v<T, shared_without_consent>) {
                for (auto s : p.subjects) member_at(s);
                disclosure_.categories().name(p.what);
                if (p.discloser.agency) check_recipient(dir, p.discloser, "the discloser");
                if (p.recipient.agency) check_recipient(dir, p.recipient, "the recipient");
                enum_from_int<legal_basis>(static_cast<long long>(p.basis));
                enum_from_int<s66c_purpose>(static_cast<long long>(p.s66c));
                enum_from_int<s66_requester>(static_cast<long long>(p.requester_role));
                for (const std::string* t : {&p.description, &p.requested_by, &p.purpose, &p.approver, &p.necessity, &p.not_told_reason})
                    check_utf8(*t, "sharing record");
            } else if constexpr (std::is_same_v<T, request_declined>) {
                for (auto s : p.subjects) member_at(s);
                disclosure_.categories().name(p.what);
                if (p.requester.agency) check_recipient(dir, p.requester, "the requester");
                enum_from_int<legal_basis>(static_cast<long long>(p.basis));
                for (const auto& r : p.reasons) checked_utf8(r, "reason");
                check_utf8(p.decided_by, "decided-by");
            } else if constexpr (std::is_same_v<T, notice_given>) {
                member_at(p.member);
                enum_from_int<purpose>(static_cast<long long>(p.why));
            } else if constexpr (std::is_same_v<T, member_updated>) {
                member_at(p.member);
                if (!p.name && !p.role && !p.born) throw error(errc::invalid_argument, "a member update changes at least one detail");
                if (p.name) check_nonblank_utf8(*p.name, "member name");
                if (p.role) enum_from_int<member_role>(static_cast<long long>(*p.role));
                if (p.born) {
                    p.born = checked_date(*p.born);
                    if (*p.born > today()) throw error(errc::out_of_range, "a date of birth is in the future");
                }
                check_nonblank_utf8(p.reason, "reason for the change");
            } else if constexpr (std::is_same_v<T, correction_declined>) {
                member_at(p.member);
                check_nonblank_utf8(p.detail, "detail");
                check_nonblank_utf8(p.statement, "statement of correction");
                check_nonblank_utf8(p.reason, "reason the correction was not made");
            } else if constexpr (std::is_same_v<T, access_requested>) {
                member_at(p.member);
                check_nonblank_utf8(p.requester, "requester");
                check_utf8(p.authority, "authority");
                p.received = checked_date(p.received);
                if (p.received > today()) throw error(errc::out_of_range, "an access request is received in the future");
            } else if constexpr (std::is_same_v<T, access_extended>) {
                const access_request& r = open_request(p.request);
                p.due = checked_date(p.due);
                if (p.due <= r.due(holiday_calendar{}))
                    throw error(errc::invalid_argument, "an extension moves the last day to answer later, past " +
                                                            to_iso(r.due(holiday_calendar{})));
                check_nonblank_utf8(p.reason, "reason for the extension");
            } else if constexpr (std::is_same_v<T, access_answered>) {
                const access_request& r = open_request(p.request);
                p.on = checked_date(p.on);
                if (p.on < r.request.received) throw error(errc::invalid_argument, "an access request is answered before it was received");
                if (p.on > today()) throw error(errc::out_of_range, "an access request is answered in the future");
                for (const auto& g : p.withheld) check_nonblank_utf8(g, "ground for withholding");
            } else if constexpr (std::is_same_v<T, person_linked>) {
                member_at(p.member);
                check_nonblank_utf8(p.key, "person key");
                if (p.key.size() > 256) throw error(errc::out_of_range, "a person key is at most 256 bytes");
                if (const auto other = member_for(p.key); other && *other != p.member)
                    throw error(errc::invalid_argument, "person \"" + p.key + "\" is already member " +
                                                            std::to_string(other->value()) + " of this case");
                if (p.nhi) p.nhi = checked_nhi(*p.nhi);
                if (p.nsn && (p.nsn->empty() || p.nsn->size() > 10 ||
                              p.nsn->find_first_not_of("0123456789") != std::string::npos))
                    throw error(errc::invalid_argument, "a National Student Number is 1 to 10 digits");
            } else if constexpr (std::is_same_v<T, timeframes_set>) {
                if (p.initial_meeting_working_days < 1 || p.initial_meeting_working_days > 60)
                    throw error(errc::out_of_range, "the initial meeting is due within 1 to 60 working days");
                if (p.review_earliest_days < 1 || p.review_latest_days > 365 || p.review_earliest_days > p.review_latest_days)
                    throw error(errc::out_of_range, "a review window is 1 to 365 days after the last meeting, its earliest day first");
            }
        },
        e.payload);
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
        if (std::holds_alternative<plan_agreed>(e.payload) && state_ != state::under_review)
            for (const auto& q : plans_)
                if (q.child == p.child)
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
    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, referral_received>) {
                referral_ = p.referral;
            } else if constexpr (std::is_same_v<T, referral_declined>) {
                exit_note_ = p.reason;
                closed_at_ = e.when;
            } else if constexpr (std::is_same_v<T, member_added>) {
                members_.push_back(p.member);
            } else if constexpr (std::is_same_v<T, consent_recorded>) {
                participation_consent c{p.member, p.signed_on, p.form_version, p.given_by, p.child_views, e.who, e.when, std::nullopt};
                auto it = std::find_if(consents_.begin(), consents_.end(), [&](const auto& x) { return x.member == p.member; });
                if (it != consents_.end()) *it = std::move(c);
                else consents_.push_back(std::move(c));
                members_[p.member.value() - 1].participating = true;  // consenting is taking part (again)
            } else if constexpr (std::is_same_v<T, consent_withdrawn>) {
                // The member leaves the process; the case ends when it was the family's last consent.
                for (auto& c : consents_)
                    if (c.member == p.member && !c.ended_at) c.ended_at = e.when;
                members_[p.member.value() - 1].participating = false;
                if (next == state::closed && state_ != state::closed) {
                    exit_reason_ = exit_reason::consent_withdrawn;
                    exit_note_ = p.note;
                    closed_at_ = e.when;
                }
            } else if constexpr (std::is_same_v<T, roles_assigned>) {
                if (p.coordinator) roles_.coordinator = p.coordinator;
                if (p.lead_agency) roles_.lead_agency = p.lead_agency;
                if (p.lead_contact) roles_.lead_contact = p.lead_contact;
                if (p.facilitator) roles_.facilitator = *p.facilitator;
            } else if constexpr (std::is_same_v<T, priorities_set>) {
                priorities_ = p;
            } else if constexpr (std::is_same_v<T, invitee_approved>) {
                if (std::find(approved_.begin(), approved_.end(), p.who) == approved_.end()) approved_.push_back(p.who);
                refused_.erase(std::remove(refused_.begin(), refused_.end(), p.who), refused_.end());
            } else if constexpr (std::is_same_v<T, invitee_withdrawn>) {
                approved_.erase(std::remove(approved_.begin(), approved_.end(), p.who), approved_.end());
                if (std::find(refused_.begin(), refused_.end(), p.who) == refused_.end()) refused_.push_back(p.who);
            } else if constexpr (std::is_same_v<T, meeting_scheduled> || std::is_same_v<T, review_scheduled>) {
                meetings_.push_back(p.meeting);
            } else if constexpr (std::is_same_v<T, meeting_held>) {
                auto& m = meetings_[p.meeting.value() - 1];
                m.held = true;
                m.attendance = p.attendance;
            } else if constexpr (std::is_same_v<T, plan_agreed> || std::is_same_v<T, plan_revised>) {
                auto it = std::find_if(plans_.begin(), plans_.end(), [&](const plan& q) { return q.child == p.plan.child; });
                if (it != plans_.end()) *it = p.plan;
                else plans_.push_back(p.plan);
                plan_history_.push_back(p.plan);
                for (const auto& a : p.plan.actions) last_action_id_ = std::max(last_action_id_, a.id.value());
                roles_.lead_agency = p.plan.lead_agency;
                roles_.lead_contact = p.plan.key_contact;
            } else if constexpr (std::is_same_v<T, action_updated>) {
                for (auto& pl : plans_)
                    for (auto& a : pl.actions)
                        if (a.id == p.action) a.status = p.status;
            } else if constexpr (std::is_same_v<T, escalated>) {
                exit_reason_ = exit_reason::escalated;
                exit_note_ = p.note;
                closed_at_ = e.when;
            } else if constexpr (std::is_same_v<T, closure_started>) {
                exit_reason_ = p.reason;
                exit_note_ = p.note;
            } else if constexpr (std::is_same_v<T, final_report_submitted>) {
                final_report_ = p.summary;
            } else if constexpr (std::is_same_v<T, case_closed>) {
                closed_at_ = e.when;
            } else if constexpr (std::is_same_v<T, member_updated>) {
                change_member(members_[p.member.value() - 1], p);
            } else if constexpr (std::is_same_v<T, access_requested>) {
                access_requests_.push_back({e.seq, p, std::nullopt, {}, std::nullopt, {}});
            } else if constexpr (std::is_same_v<T, access_extended>) {
                access_request& r = access_requests_[request_index(p.request)];
                r.extended_to = p.due;
                r.extension_reason = p.reason;
            } else if constexpr (std::is_same_v<T, access_answered>) {
                access_request& r = access_requests_[request_index(p.request)];
                r.answered_on = p.on;
                r.withheld = p.withheld;
            } else if constexpr (std::is_same_v<T, person_linked>) {
                const auto at = std::lower_bound(persons_.begin(), persons_.end(), p.member,
                                                 [](const person_linked& l, member_id m) { return l.member < m; });
                if (at != persons_.end() && at->member == p.member) *at = p;
                else persons_.insert(at, p);
            } else if constexpr (std::is_same_v<T, timeframes_set>) {
                timeframes_ = {p.initial_meeting_working_days, p.review_earliest_days, p.review_latest_days};
            } else if constexpr (std::is_same_v<T, case_reopened>) {
                // Reopening asks for written consent again: every consent still standing lapses.
                for (auto& c : consents_)
                    if (!c.ended_at) c.ended_at = e.when;
                exit_reason_.reset();
                exit_note_.clear();
                final_report_.clear();
                closed_at_.reset();
            }
        },
        e.payload);
    const event_kind kind = kind_of(e.type());
    if (kind == event_kind::disclosure || e.type() == event_type::consent_withdrawn) disclosure_.apply(e);
    if (kind != event_kind::access) last_fact_ = e.when;
    state_ = next;
}


} // namespace sfcore
