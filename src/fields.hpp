// Each model type's fields, listed once: the archives and the canonical
// encoding that the store and the hash chain use (walker.hpp) walk these
// lists. Equality is each type's defaulted operator== over all its members,
// so a field added to a type but not to its line here is compared and not
// saved: the archive and journal round-trip tests then fail.
#pragma once

#include <tuple>

#include "sfcore/agency.hpp"
#include "sfcore/case.hpp"
#include "sfcore/events.hpp"

namespace sfcore::detail {

#define SF_FIELDS(T, ...)                                                     \
    inline auto fields_of(T& x) { return std::tie(__VA_ARGS__); }             \
    inline auto fields_of(const T& x) { return std::tie(__VA_ARGS__); }

// The payloads with no fields.
inline std::tuple<> fields_of(const preparation_started&) { return {}; }
inline std::tuple<> fields_of(const case_closed&) { return {}; }

// clang-format off
SF_FIELDS(referral, x.source, x.agency, x.practitioner, x.received, x.family_name, x.reasons, x.programme, x.site, x.local_group)
SF_FIELDS(member, x.id, x.name, x.role, x.born, x.participating)
SF_FIELDS(party, x.kind, x.id)
SF_FIELDS(meeting, x.id, x.kind, x.start, x.venue, x.invitees, x.facilitator, x.interpreter, x.support_people, x.karakia, x.mihi, x.held, x.attendance)
SF_FIELDS(action, x.id, x.description, x.owner, x.due, x.status, x.support, x.need, x.outcomes)
SF_FIELDS(plan, x.version, x.child, x.lead_agency, x.key_contact, x.actions, x.child_views, x.revision_reason, x.agreed)
SF_FIELDS(referral_received, x.referral)
SF_FIELDS(referral_accepted, x.by_panel, x.note)
SF_FIELDS(referral_declined, x.reason)
SF_FIELDS(member_added, x.member)
SF_FIELDS(consent_recorded, x.member, x.signed_on, x.form_version, x.given_by, x.child_views)
SF_FIELDS(consent_withdrawn, x.member, x.note)
SF_FIELDS(roles_assigned, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
SF_FIELDS(priorities_set, x.key_issues, x.strengths, x.needs)
SF_FIELDS(invitee_approved, x.who)
SF_FIELDS(invitee_withdrawn, x.who)
SF_FIELDS(meeting_scheduled, x.meeting)
SF_FIELDS(meeting_held, x.meeting, x.attendance)
SF_FIELDS(plan_agreed, x.plan)
SF_FIELDS(plan_revised, x.plan)
SF_FIELDS(action_updated, x.action, x.status, x.note)
SF_FIELDS(review_scheduled, x.meeting, x.outside_window_reason)
SF_FIELDS(escalated, x.note)
SF_FIELDS(closure_started, x.reason, x.note)
SF_FIELDS(final_report_submitted, x.summary)
SF_FIELDS(case_reopened, x.reason)
SF_FIELDS(recipient, x.agency, x.practitioner)
SF_FIELDS(consent_scope, x.recipients, x.categories, x.purposes, x.from, x.until)
SF_FIELDS(sharing_consent_given, x.subject, x.given_by, x.scope, x.signed_on, x.form_version, x.child_views, x.id)
SF_FIELDS(sharing_consent_withdrawn, x.subject, x.recipient, x.what, x.note)
SF_FIELDS(confidential_marked, x.subject, x.what, x.confidential)
SF_FIELDS(issue_areas_set, x.areas)
SF_FIELDS(necessity_adjusted, x.what, x.widen)
SF_FIELDS(category_registered, x.name, x.label, x.id)
SF_FIELDS(consent_ages_set, x.young_person, x.adult)
SF_FIELDS(timeframes_set, x.initial_meeting_working_days, x.review_earliest_days, x.review_latest_days)
SF_FIELDS(member_updated, x.member, x.name, x.role, x.born, x.reason)
SF_FIELDS(person_linked, x.member, x.key, x.nhi, x.nsn)
SF_FIELDS(identified_extract, x.table, x.purpose)
SF_FIELDS(access_requested, x.member, x.requester, x.authority, x.received)
SF_FIELDS(access_extended, x.request, x.due, x.reason)
SF_FIELDS(access_answered, x.request, x.on, x.withheld)
SF_FIELDS(correction_declined, x.member, x.detail, x.statement, x.reason)
SF_FIELDS(case_disposed, x.closed, x.years)
SF_FIELDS(shared_without_consent, x.subjects, x.what, x.description, x.discloser, x.recipient, x.basis, x.s66c, x.requested_by, x.requester_role, x.purpose, x.approver, x.necessity, x.child_consulted, x.family_told, x.not_told_reason)
SF_FIELDS(request_declined, x.requester, x.subjects, x.what, x.basis, x.reasons, x.decided_by)
SF_FIELDS(notice_given, x.member, x.why)
SF_FIELDS(disclosure_decided, x.discloser, x.subjects, x.what, x.recipient, x.why, x.permit, x.rule, x.subject, x.consent)
SF_FIELDS(shown_item, x.subjects, x.what)
SF_FIELDS(view_shown, x.recipient, x.why, x.offered, x.shown)
SF_FIELDS(legacy_audit_imported, x.text, x.entries, x.head)
// The entry: equality compares every field; the encodings walk it by hand (walker.hpp).
SF_FIELDS(event, x.when, x.who, x.payload, x.seq, x.recorded, x.hash)
SF_FIELDS(participation_consent, x.member, x.signed_on, x.form_version, x.given_by, x.child_views, x.recorded_by, x.recorded_at, x.ended_at)
SF_FIELDS(case_roles, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
SF_FIELDS(agency, x.id, x.name, x.kind, x.former_names, x.child_welfare)
SF_FIELDS(practitioner, x.id, x.agency, x.name, x.local_group)
SF_FIELDS(programme_site, x.id, x.programme, x.name, x.target_families, x.target_children)
SF_FIELDS(local_group, x.id, x.name)
// clang-format on
#undef SF_FIELDS

} // namespace sfcore::detail
