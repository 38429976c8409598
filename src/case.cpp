#include "sfcore/case.hpp"

#include <algorithm>

#include "sfcore/text.hpp"

namespace sfcore {

static_assert(std::variant_size_v<event_payload> == std::size(event_type_table),
              "every event type has exactly one payload alternative, in table order");

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A party's name for a refusal's reason (its id when no directory is at hand, as in replay).
std::string party_label(const party& p, const agency_directory* dir, const std::vector<member>& members) {
    switch (p.kind) {
    case party_kind::member:
        for (const auto& m : members)
            if (m.id.value() == p.id) return m.name;
        break;
    case party_kind::agency:
        if (dir)
            if (const agency* a = dir->find(agency_id{p.id})) return a->name;
        break;
    case party_kind::practitioner:
        if (dir && p.id >= 1 && p.id <= dir->practitioners().size())
            return dir->practitioner_at(practitioner_id{p.id}).name;
        break;
    }
    return std::string(to_string(p.kind)) + " " + std::to_string(p.id);
}

void check_texts(const std::vector<std::string>& texts, const char* what) {
    for (const auto& t : texts) checked_nonblank_utf8(t, what);
}

bool is_adult_role(member_role r) { return r == member_role::parent_caregiver || r == member_role::other_whanau; }

} // namespace

referral checked(const referral& r, const agency_directory& directory) {
    referral out;
    out.source = enum_from_int<referral_source>(static_cast<long long>(r.source));
    out.programme = enum_from_int<sfcore::programme>(static_cast<long long>(r.programme));
    if (out.source == referral_source::agency) {
        if (!r.agency) throw error(errc::invalid_argument, "a referral by an agency must name the agency");
        out.agency = directory.at(*r.agency).id;
    } else if (r.agency) {
        throw error(errc::invalid_argument, "a self-referral names no referring agency");
    }
    if (out.source == referral_source::family && !r.practitioner.empty())
        throw error(errc::invalid_argument, "a self-referral names no referring practitioner");
    out.practitioner = checked_utf8(r.practitioner, "practitioner");
    out.received = checked_date(r.received);
    out.family_name = checked_nonblank_utf8(r.family_name, "family name");
    out.reasons.reserve(r.reasons.size());
    for (const auto& reason : r.reasons) out.reasons.push_back(checked_nonblank_utf8(reason, "referral reason"));
    out.site = checked_utf8(r.site, "site");
    return out;
}

case_file case_file::open(case_id id, const agency_directory& directory, const sfcore::referral& r,
                          std::string_view who, instant when) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), referral_received{checked(r, directory)}};
    case_file c;
    c.id_ = id;
    c.apply(e, state::referred);
    c.journal_.push_back(std::move(e));
    return c;
}

case_file case_file::replay(case_id id, std::vector<event> journal) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    if (journal.empty() || journal.front().type() != event_type::referral_received)
        throw error(errc::invalid_argument, "a case's journal starts with its referral");
    case_file c;
    c.id_ = id;
    // Each event is checked and applied in place; the case adopts the journal
    // at the end (its own journal_ stays empty meanwhile, so the order of
    // events is checked here).
    for (std::size_t i = 0; i < journal.size(); ++i) {
        event& e = journal[i];
        if (i == 0) {
            checked_nonblank_utf8(e.who, "recorded-by");
            e.when = checked_instant(e.when);
            c.apply(e, state::referred);
        } else {
            if (e.when < journal[i - 1].when)
                throw error(errc::invalid_argument, "journal event " + std::to_string(i + 1) + " is earlier than the one before it");
            if (c.no_row(e.type()).guard != guard::no_transition) c.validate(nullptr, e);
            const outcome o = c.evaluate(e, nullptr);
            if (!o.accepted)
                throw error(errc::invalid_argument, "journal event " + std::to_string(i + 1) + " (" +
                                                        label(e.type()) + ") is refused: " + o.reason);
            c.apply(e, o.to);
        }
    }
    c.journal_ = std::move(journal);
    return c;
}

outcome case_file::record(const agency_directory& directory, std::string_view who, instant when,
                          event_payload payload) {
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), std::move(payload)};
    // An event the state has no row for is refused before its payload is checked.
    if (!find_transition(state_, e.type())) return no_row(e.type());
    validate(&directory, e);
    outcome o = evaluate(e, &directory);
    if (!o.accepted) return o;
    apply(e, o.to);
    journal_.push_back(std::move(e));
    return o;
}

outcome case_file::check(const agency_directory& directory, std::string_view who, instant when,
                         const event_payload& payload) const {
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), payload};
    if (!find_transition(state_, e.type())) return no_row(e.type());
    validate(&directory, e);
    return evaluate(e, &directory);
}

const member& case_file::member_at(member_id id) const {
    if (!id || id.value() > members_.size())
        throw error(errc::not_found, "no member " + std::to_string(id.value()) + " in case " +
                                         std::to_string(id_.value()));
    return members_[id.value() - 1];
}

bool case_file::is_approved(const party& p) const {
    if (p.kind == party_kind::member) return true;  // the family itself
    return std::find(approved_.begin(), approved_.end(), p) != approved_.end();
}

// ---- input checks: bad input is an error, and assigns ids ------------------

void case_file::validate(const agency_directory* dir, event& e) const {
    if (!journal_.empty() && e.when < journal_.back().when)
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
        checked_nonblank_utf8(m.venue, "venue");
        for (const auto& p : m.invitees) check_party(p, "invitee");
        checked_utf8(m.facilitator, "facilitator");
        checked_utf8(m.interpreter, "interpreter");
        check_texts(m.support_people, "support person");
        if (m.held || !m.attendance.empty())
            throw error(errc::invalid_argument, "a meeting is scheduled before it is held");
    };
    const auto check_plan = [&](sfcore::plan& p, bool revision) {
        if (p.child) member_at(*p.child);
        if (p.lead_agency && dir) dir->at(*p.lead_agency);
        if (p.key_contact && dir) dir->practitioner_at(*p.key_contact);
        checked_utf8(p.child_views, "child's views");
        checked_utf8(p.revision_reason, "revision reason");
        const plan* current = nullptr;
        for (const auto& q : plans_)
            if (q.child == p.child) current = &q;
        if (revision && !current)
            throw error(errc::not_found, "there is no current plan to revise for this " +
                                             std::string(p.child ? "child" : "family"));
        std::uint32_t next = last_action_id_;
        for (auto& a : p.actions) {
            checked_nonblank_utf8(a.description, "action");
            if (a.owner) check_party(*a.owner, "action owner");
            if (a.due) a.due = checked_date(*a.due);
            enum_from_int<action_status>(static_cast<long long>(a.status));
            enum_from_int<support_type>(static_cast<long long>(a.support));
            checked_utf8(a.need, "need");
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
                checked_utf8(p.note, "note");
            } else if constexpr (std::is_same_v<T, referral_declined>) {
                checked_nonblank_utf8(p.reason, "decline reason");
            } else if constexpr (std::is_same_v<T, member_added>) {
                auto& m = p.member;
                const member_id next{static_cast<std::uint32_t>(members_.size() + 1)};
                if (m.id && m.id != next) throw error(errc::invalid_argument, "member ids are assigned by the case");
                m.id = next;
                checked_nonblank_utf8(m.name, "member name");
                enum_from_int<member_role>(static_cast<long long>(m.role));
                if (m.born) {
                    m.born = checked_date(*m.born);
                    if (*m.born > today()) throw error(errc::out_of_range, "a date of birth is in the future");
                }
            } else if constexpr (std::is_same_v<T, consent_recorded>) {
                const auto& m = member_at(p.member);
                p.signed_on = checked_date(p.signed_on);
                if (p.signed_on > today()) throw error(errc::out_of_range, "a consent form is signed in the future");
                checked_nonblank_utf8(p.form_version, "consent form version");
                checked_utf8(p.child_views, "child's views");
                if (p.given_by) {
                    if (!is_adult_role(member_at(*p.given_by).role))
                        throw error(errc::invalid_argument, "a child's consent is given by a parent or caregiver");
                } else if (m.role == member_role::child) {
                    throw error(errc::invalid_argument, "a child's consent is given by a parent or caregiver (given_by)");
                }
            } else if constexpr (std::is_same_v<T, consent_withdrawn>) {
                member_at(p.member);
                checked_utf8(p.note, "note");
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
                if (p.facilitator) checked_utf8(*p.facilitator, "facilitator");
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
                checked_utf8(p.note, "note");
                const bool found = std::any_of(plans_.begin(), plans_.end(), [&](const plan& pl) {
                    return std::any_of(pl.actions.begin(), pl.actions.end(), [&](const action& a) { return a.id == p.action; });
                });
                if (!found) throw error(errc::not_found, "no action " + std::to_string(p.action.value()) + " in the current plans");
            } else if constexpr (std::is_same_v<T, escalated>) {
                checked_nonblank_utf8(p.note, "escalation note");
            } else if constexpr (std::is_same_v<T, closure_started>) {
                enum_from_int<sfcore::exit_reason>(static_cast<long long>(p.reason));
                if (p.reason == exit_reason::other) checked_nonblank_utf8(p.note, "exit note");
                else checked_utf8(p.note, "exit note");
            } else if constexpr (std::is_same_v<T, final_report_submitted>) {
                checked_nonblank_utf8(p.summary, "final report");
            } else if constexpr (std::is_same_v<T, case_reopened>) {
                checked_nonblank_utf8(p.reason, "reopen reason");
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

outcome case_file::evaluate(const event& e, const agency_directory* dir) const {
    const transition* row = find_transition(state_, e.type());
    if (!row) return no_row(e.type());
    outcome o;
    o.from = o.to = state_;
    for (guard g : row->guards) {
        if (g == guard::none) continue;
        if (auto why = refused_by(g, e, dir)) {
            o.guard = g;
            o.reason = std::move(*why);
            return o;
        }
    }
    o.accepted = true;
    o.to = row->to == stay ? state_ : row->to;
    if (const auto* m = std::get_if<member_added>(&e.payload)) o.assigned = m->member.id.value();
    if (const auto* m = std::get_if<meeting_scheduled>(&e.payload)) o.assigned = m->meeting.id.value();
    if (const auto* m = std::get_if<review_scheduled>(&e.payload)) o.assigned = m->meeting.id.value();
    return o;
}

std::optional<std::string> case_file::refused_by(guard g, const event& e, const agency_directory* dir) const {
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
        if (rules.site_required && referral_.site.find_first_not_of(' ') == std::string::npos)
            return "an Intensive Intervention referral names its site";
        return std::nullopt;
    case guard::written_consent: {
        std::string missing;
        int adults = 0;
        const date day = today();
        for (const auto& m : members_) {
            if (!m.participating) continue;
            const auto age = m.age_on(day);
            const bool adult = age ? *age >= 18 : is_adult_role(m.role);
            if (!adult) continue;
            ++adults;
            const bool consented = std::any_of(consents_.begin(), consents_.end(), [&](const auto& c) {
                return c.member == m.id && !c.ended_at;
            });
            if (!consented) missing += (missing.empty() ? "" : ", ") + m.name;
        }
        if (adults == 0) return std::string("no participating adult of the family is recorded yet");
        if (!missing.empty()) return "written consent is missing from " + missing;
        return std::nullopt;
    }
    case guard::invitees_approved: {
        // Invitees of a meeting being scheduled, or the attendance of one being held.
        const std::vector<party>* parties = proposed ? &proposed->invitees : nullptr;
        if (const auto* held = std::get_if<meeting_held>(&e.payload)) parties = &held->attendance;
        if (parties)
            for (const auto& p : *parties)
                if (!is_approved(p))
                    return "the family has not approved " + party_label(p, dir, members_) + " to take part";
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
                return c.name + " is not a child or young person of the family";
            if (const auto age = c.age_on(today()); age && *age >= rules.child_age_limit)
                return c.name + " is " + std::to_string(*age) + ": Children's Teams work with tamariki under " +
                       std::to_string(rules.child_age_limit);
            if (p.child_views.find_first_not_of(" \t\r\n") == std::string::npos)
                return "the plan records " + c.name + "'s own views";
        }
        if (std::holds_alternative<plan_agreed>(e.payload) && state_ != state::under_review)
            for (const auto& q : plans_)
                if (q.child == p.child)
                    return std::string(p.child ? "this child" : "the family") +
                           " already has a plan: revise it (plan_revised) or agree a new one at a review";
        return std::nullopt;
    }
    case guard::revision_reason:
        if (proposed_plan->revision_reason.find_first_not_of(" \t\r\n") == std::string::npos)
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
            } else if constexpr (std::is_same_v<T, consent_withdrawn>) {
                for (auto& c : consents_)
                    if (c.member == p.member && !c.ended_at) c.ended_at = e.when;
                exit_reason_ = exit_reason::consent_withdrawn;
                exit_note_ = p.note;
                closed_at_ = e.when;
            } else if constexpr (std::is_same_v<T, roles_assigned>) {
                if (p.coordinator) roles_.coordinator = p.coordinator;
                if (p.lead_agency) roles_.lead_agency = p.lead_agency;
                if (p.lead_contact) roles_.lead_contact = p.lead_contact;
                if (p.facilitator) roles_.facilitator = *p.facilitator;
            } else if constexpr (std::is_same_v<T, priorities_set>) {
                priorities_ = p;
            } else if constexpr (std::is_same_v<T, invitee_approved>) {
                if (std::find(approved_.begin(), approved_.end(), p.who) == approved_.end()) approved_.push_back(p.who);
            } else if constexpr (std::is_same_v<T, invitee_withdrawn>) {
                approved_.erase(std::remove(approved_.begin(), approved_.end(), p.who), approved_.end());
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
    state_ = next;
}

bool operator==(const case_file& a, const case_file& b) {
    return a.id_ == b.id_ && a.state_ == b.state_ && a.journal_ == b.journal_ && a.members_ == b.members_ &&
           a.meetings_ == b.meetings_ && a.plans_ == b.plans_ && a.plan_history_ == b.plan_history_ &&
           a.approved_ == b.approved_ && a.priorities_ == b.priorities_ && a.exit_reason_ == b.exit_reason_ &&
           a.exit_note_ == b.exit_note_ && a.final_report_ == b.final_report_ && a.closed_at_ == b.closed_at_ &&
           a.last_action_id_ == b.last_action_id_ && a.consents_ == b.consents_ && a.roles_ == b.roles_;
}

} // namespace sfcore
