// What each event must hold before the lifecycle's table is asked. Two steps:
// complete() fills in what the case gives an event offered to record() (its
// ids, a plan's version and day, canonical forms), and validate() checks an
// event without changing it -- bad input is an error, and so is a field the
// case gives that differs from what it would give (a replayed journal is
// checked, never corrected).
#include <algorithm>

#include "nz_text.hpp"

#include "sfcore/case.hpp"
#include "sfcore/identifiers.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

using detail::quoted;

namespace {

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

// ---- what the case gives an event offered to record() ---------------------

namespace {

instant to_the_second(const instant& t) {
    if (t.is_special()) return t;  // validate() says what is wrong with it
    const auto fraction = t.time_of_day().fractional_seconds();
    return fraction ? t - boost::posix_time::time_duration(0, 0, 0, fraction) : t;
}

} // namespace

void case_file::complete(event& e) const {
    const auto complete_meeting = [&](sfcore::meeting& m, meeting_kind kind) {
        if (!m.id) m.id = next_meeting_id();
        m.kind = kind;
        m.start = to_the_second(m.start);
    };
    const auto complete_plan = [&](sfcore::plan& p) {
        std::uint32_t next = last_action_id_;
        for (auto& a : p.actions)
            if (!a.id || a.id.value() == next + 1) a.id = action_id{++next};
        const plan* current = current_plan(p.child);
        p.version = current ? current->version + 1 : 1;
        if (!e.when.is_special()) p.agreed = nz_date(e.when);
    };
    std::visit(
        [&](auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, member_added>) {
                if (!p.member.id) p.member.id = next_member_id();
            } else if constexpr (std::is_same_v<T, meeting_scheduled>) {
                complete_meeting(p.meeting, meeting_kind::initial);
            } else if constexpr (std::is_same_v<T, review_scheduled>) {
                complete_meeting(p.meeting, meeting_kind::review);
            } else if constexpr (std::is_same_v<T, plan_agreed> || std::is_same_v<T, plan_revised>) {
                complete_plan(p.plan);
            } else if constexpr (std::is_same_v<T, sharing_consent_given>) {
                if (!p.id) p.id = next_consent_id();
            } else if constexpr (std::is_same_v<T, category_registered>) {
                if (p.id == category{}) p.id = next_category();
            } else if constexpr (std::is_same_v<T, person_linked>) {
                if (p.nhi && is_valid_nhi(*p.nhi)) p.nhi = checked_nhi(*p.nhi);
            }
        },
        e.payload);
}

member_id case_file::next_member_id() const noexcept { return member_id{static_cast<std::uint32_t>(members_.size() + 1)}; }

meeting_id case_file::next_meeting_id() const noexcept { return meeting_id{static_cast<std::uint32_t>(meetings_.size() + 1)}; }

std::uint32_t case_file::next_consent_id() const noexcept {
    return static_cast<std::uint32_t>(disclosure_.consents().size() + 1);
}

category case_file::next_category() const noexcept { return static_cast<category>(disclosure_.categories().size()); }

const plan* case_file::current_plan(const std::optional<member_id>& child) const noexcept {
    const plan* current = nullptr;
    for (const auto& q : plans_)
        if (q.child == child) current = &q;
    return current;
}

// ---- input checks: bad input is an error; the event is not changed ---------

void case_file::validate(const agency_directory* dir, const event& e) const {
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
    const auto check_meeting = [&](const sfcore::meeting& m, meeting_kind kind) {
        if (m.id != next_meeting_id()) throw error(errc::invalid_argument, "meeting ids are assigned by the case");
        if (m.kind != kind) throw error(errc::invalid_argument, "a meeting's kind is given by the event that schedules it");
        if (checked_instant(m.start) != m.start) throw error(errc::invalid_argument, "a meeting starts on a whole second");
        check_nonblank_utf8(m.venue, "venue");
        for (const auto& p : m.invitees) check_party(p, "invitee");
        check_utf8(m.facilitator, "facilitator");
        check_utf8(m.interpreter, "interpreter");
        check_texts(m.support_people, "support person");
        if (m.held || !m.attendance.empty())
            throw error(errc::invalid_argument, "a meeting is scheduled before it is held");
    };
    const auto check_plan = [&](const sfcore::plan& p, bool revision) {
        if (p.child) member_at(*p.child);
        if (p.lead_agency && dir) dir->at(*p.lead_agency);
        if (p.key_contact && dir) dir->practitioner_at(*p.key_contact);
        check_utf8(p.child_views, "child's views");
        check_utf8(p.revision_reason, "revision reason");
        const plan* current = current_plan(p.child);
        if (revision && !current)
            throw error(errc::not_found, "there is no current plan to revise for this " +
                                             std::string(p.child ? "child" : "family"));
        std::uint32_t next = last_action_id_;
        for (const auto& a : p.actions) {
            check_nonblank_utf8(a.description, "action");
            if (a.owner) check_party(*a.owner, "action owner");
            if (a.due) checked_date(*a.due);
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
            if (a.id.value() == next + 1) {
                ++next;
                continue;
            }
            if (!a.id) throw error(errc::invalid_argument, "action ids are assigned by the case");
            const bool carried = current && std::any_of(current->actions.begin(), current->actions.end(),
                                                        [&](const action& c) { return c.id == a.id; });
            if (!carried)
                throw error(errc::not_found, "action " + std::to_string(a.id.value()) +
                                                 " is not in the current plan (give new actions id 0)");
        }
        if (p.version != (current ? current->version + 1 : 1))
            throw error(errc::invalid_argument, "a plan's version is given by the case");
        if (p.agreed != today()) throw error(errc::invalid_argument, "a plan is agreed on the day it is recorded");
    };

    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, referral_received>) {
                throw error(errc::invalid_argument, "a case has exactly one referral, its first event");
            } else if constexpr (std::is_same_v<T, referral_accepted>) {
                check_utf8(p.note, "note");
            } else if constexpr (std::is_same_v<T, referral_declined>) {
                check_nonblank_utf8(p.reason, "decline reason");
            } else if constexpr (std::is_same_v<T, member_added>) {
                const auto& m = p.member;
                if (m.id != next_member_id()) throw error(errc::invalid_argument, "member ids are assigned by the case");
                check_nonblank_utf8(m.name, "member name");
                enum_from_int<member_role>(static_cast<long long>(m.role));
                if (m.born) {
                    checked_date(*m.born);
                    if (*m.born > today()) throw error(errc::out_of_range, "a date of birth is in the future");
                }
            } else if constexpr (std::is_same_v<T, consent_recorded>) {
                const auto& m = member_at(p.member);
                checked_date(p.signed_on);
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
                if (p.id != next_consent_id()) throw error(errc::invalid_argument, "consent ids are assigned by the case");
                checked_date(p.signed_on);
                if (p.signed_on > today()) throw error(errc::out_of_range, "a consent form is signed in the future");
                checked_date(p.scope.from);
                checked_date(p.scope.until);
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
                if (p.id != next_category()) throw error(errc::invalid_argument, "category ids are assigned by the case");
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
                    checked_date(*p.born);
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
                checked_date(p.received);
                if (p.received > today()) throw error(errc::out_of_range, "an access request is received in the future");
            } else if constexpr (std::is_same_v<T, access_extended>) {
                const access_request& r = open_request(p.request);
                checked_date(p.due);
                if (p.due <= r.due(holiday_calendar{}))
                    throw error(errc::invalid_argument, "an extension moves the last day to answer later, past " +
                                                            to_iso(r.due(holiday_calendar{})));
                check_nonblank_utf8(p.reason, "reason for the extension");
            } else if constexpr (std::is_same_v<T, access_answered>) {
                const access_request& r = open_request(p.request);
                checked_date(p.on);
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
                if (p.nhi && checked_nhi(*p.nhi) != *p.nhi)
                    throw error(errc::invalid_argument, "an NHI number is kept in capitals");
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

} // namespace sfcore
