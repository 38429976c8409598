// Family-directed preparation and the meetings: the roles, the family's
// priorities, whom the family approves, the meetings scheduled and held, and
// the timeframes they are measured against (rules.hpp).
#include <algorithm>

#include "rules.hpp"
#include "../nz_text.hpp"
#include "sfcore/report.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

namespace {

void complete_meeting(meeting& m, meeting_kind kind, meeting_id next) {
    if (!m.id) m.id = next;
    m.kind = kind;
    m.start = to_the_second(m.start);  // a special value stays: validate() says what is wrong with it
}

} // namespace

// ---- roles_assigned ------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, roles_assigned&) {}

void event_rules::validate(const case_file&, const agency_directory* dir, const event&, const roles_assigned& p) {
    if (!p.coordinator && !p.lead_agency && !p.lead_contact && !p.facilitator)
        throw error(errc::invalid_argument, "a role assignment names at least one role");
    if (dir) {
        if (p.coordinator) dir->practitioner_at(*p.coordinator);
        if (p.lead_contact) dir->practitioner_at(*p.lead_contact);
        if (p.lead_agency) dir->at(*p.lead_agency);
    }
    if (p.facilitator) check_utf8(*p.facilitator, "facilitator");
}

void event_rules::apply(case_file& c, const event&, const roles_assigned& p, state) {
    if (p.coordinator) c.roles_.coordinator = p.coordinator;
    if (p.lead_agency) c.roles_.lead_agency = p.lead_agency;
    if (p.lead_contact) c.roles_.lead_contact = p.lead_contact;
    if (p.facilitator) c.roles_.facilitator = *p.facilitator;
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const roles_assigned& p) {
    std::vector<std::string> roles;
    if (p.coordinator) roles.push_back("coordinator " + name_of(party::of(*p.coordinator), c, dir));
    if (p.lead_agency) roles.push_back("lead agency " + dir.at(*p.lead_agency).name);
    if (p.lead_contact) roles.push_back("lead contact " + name_of(party::of(*p.lead_contact), c, dir));
    if (p.facilitator) roles.push_back("facilitator " + (p.facilitator->empty() ? std::string("none") : *p.facilitator));
    what += ": " + join(roles);
}

// ---- preparation_started -------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, preparation_started&) {}
void event_rules::validate(const case_file&, const agency_directory*, const event&, const preparation_started&) {}
void event_rules::apply(case_file&, const event&, const preparation_started&, state) {}  // the state is the change
void event_rules::describe(std::string&, const case_file&, const agency_directory&, const event&, const preparation_started&) {}

// ---- priorities_set ------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, priorities_set&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const priorities_set& p) {
    if (p.key_issues.empty()) throw error(errc::invalid_argument, "the family names at least one key issue");
    check_texts(p.key_issues, "key issue");
    check_texts(p.strengths, "strength");
    check_texts(p.needs, "need");
}

void event_rules::apply(case_file& c, const event&, const priorities_set& p, state) { c.priorities_ = p; }

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const priorities_set& p) {
    what += ": " + join(p.key_issues);
}

// ---- invitee_approved, invitee_withdrawn ---------------------------------------

namespace {

template <class Change>
void check_invitee(const case_file& c, const agency_directory* dir, const Change& p) {
    if (p.who.kind == party_kind::member)
        throw error(errc::invalid_argument, "family members take part without approval; invite agencies or practitioners");
    event_rules::check_party(c, dir, p.who, "invitee");
}

} // namespace

void event_rules::complete(const case_file&, const instant&, invitee_approved&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const invitee_approved& p) {
    check_invitee(c, dir, p);
}

void event_rules::apply(case_file& c, const event&, const invitee_approved& p, state) {
    if (std::find(c.approved_.begin(), c.approved_.end(), p.who) == c.approved_.end()) c.approved_.push_back(p.who);
    c.refused_.erase(std::remove(c.refused_.begin(), c.refused_.end(), p.who), c.refused_.end());
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const invitee_approved& p) {
    what += ": " + name_of(p.who, c, dir);
}

void event_rules::complete(const case_file&, const instant&, invitee_withdrawn&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const invitee_withdrawn& p) {
    check_invitee(c, dir, p);
    if (std::find(c.approved_.begin(), c.approved_.end(), p.who) == c.approved_.end())
        throw error(errc::not_found, "that party is not approved");
}

void event_rules::apply(case_file& c, const event&, const invitee_withdrawn& p, state) {
    c.approved_.erase(std::remove(c.approved_.begin(), c.approved_.end(), p.who), c.approved_.end());
    if (std::find(c.refused_.begin(), c.refused_.end(), p.who) == c.refused_.end()) c.refused_.push_back(p.who);
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const invitee_withdrawn& p) {
    what += ": " + name_of(p.who, c, dir);
}

// ---- meeting_scheduled, review_scheduled ---------------------------------------

namespace {

void check_meeting(const case_file& c, const agency_directory* dir, const meeting& m, meeting_kind kind, meeting_id next) {
    if (m.id != next) throw error(errc::invalid_argument, "meeting ids are assigned by the case");
    if (m.kind != kind) throw error(errc::invalid_argument, "a meeting's kind is given by the event that schedules it");
    if (checked_instant(m.start) != m.start) throw error(errc::invalid_argument, "a meeting starts on a whole second");
    check_nonblank_utf8(m.venue, "venue");
    for (const auto& p : m.invitees) event_rules::check_party(c, dir, p, "invitee");
    check_utf8(m.facilitator, "facilitator");
    check_utf8(m.interpreter, "interpreter");
    event_rules::check_texts(m.support_people, "support person");
    if (m.held || !m.attendance.empty()) throw error(errc::invalid_argument, "a meeting is scheduled before it is held");
}

} // namespace

void event_rules::complete(const case_file& c, const instant&, meeting_scheduled& p) {
    complete_meeting(p.meeting, meeting_kind::initial, c.next_meeting_id());
}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const meeting_scheduled& p) {
    check_meeting(c, dir, p.meeting, meeting_kind::initial, c.next_meeting_id());
}

void event_rules::apply(case_file& c, const event&, const meeting_scheduled& p, state) { c.meetings_.push_back(p.meeting); }

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const meeting_scheduled& p) {
    what += ": " + local_text(p.meeting.start) + " at " + p.meeting.venue;
}

void event_rules::complete(const case_file& c, const instant&, review_scheduled& p) {
    complete_meeting(p.meeting, meeting_kind::review, c.next_meeting_id());
}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const review_scheduled& p) {
    check_meeting(c, dir, p.meeting, meeting_kind::review, c.next_meeting_id());
    check_utf8(p.outside_window_reason, "reason the review is outside its window");
}

void event_rules::apply(case_file& c, const event&, const review_scheduled& p, state) { c.meetings_.push_back(p.meeting); }

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const review_scheduled& p) {
    what += ": " + local_text(p.meeting.start) + " at " + p.meeting.venue;
    if (!p.outside_window_reason.empty()) what += " (outside the window: " + p.outside_window_reason + ")";
}

// ---- meeting_held --------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, meeting_held&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const meeting_held& p) {
    if (!p.meeting || p.meeting.value() > c.meetings_.size())
        throw error(errc::not_found, "no meeting " + std::to_string(p.meeting.value()));
    for (const auto& a : p.attendance) check_party(c, dir, a, "attendee");
}

void event_rules::apply(case_file& c, const event&, const meeting_held& p, state) {
    auto& m = c.meetings_[p.meeting.value() - 1];
    m.held = true;
    m.attendance = p.attendance;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const meeting_held& p) {
    what += ": " + std::to_string(p.attendance.size()) + " attended";
}

// ---- timeframes_set ------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, timeframes_set&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const timeframes_set& p) {
    if (p.initial_meeting_working_days < 1 || p.initial_meeting_working_days > 60)
        throw error(errc::out_of_range, "the initial meeting is due within 1 to 60 working days");
    if (p.review_earliest_days < 1 || p.review_latest_days > 365 || p.review_earliest_days > p.review_latest_days)
        throw error(errc::out_of_range, "a review window is 1 to 365 days after the last meeting, its earliest day first");
}

void event_rules::apply(case_file& c, const event&, const timeframes_set& p, state) {
    c.timeframes_ = {p.initial_meeting_working_days, p.review_earliest_days, p.review_latest_days};
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const timeframes_set& p) {
    what += ": initial meeting within " + std::to_string(p.initial_meeting_working_days) + " working days, reviews " +
            std::to_string(p.review_earliest_days) + "-" + std::to_string(p.review_latest_days) +
            " days after the last meeting";
}

} // namespace sfcore::detail
