// Each model type's fields, listed once: equality (equality.cpp) and the
// archives (archive.cpp) both walk these lists, so a field added to a type
// and to its line here is compared and saved alike.
#pragma once

#include <tuple>

#include "sfcore/case.hpp"
#include "sfcore/disclosure.hpp"

namespace sfcore::detail {

#define SF_FIELDS(T, ...)                                                     \
    inline auto fields_of(T& x) { return std::tie(__VA_ARGS__); }             \
    inline auto fields_of(const T& x) { return std::tie(__VA_ARGS__); }

// The payloads with no fields.
inline std::tuple<> fields_of(const preparation_started&) { return {}; }
inline std::tuple<> fields_of(const case_closed&) { return {}; }

// clang-format off
SF_FIELDS(referral, x.source, x.agency, x.practitioner, x.received, x.family_name, x.reasons, x.programme, x.site)
SF_FIELDS(member, x.id, x.name, x.role, x.born, x.participating)
SF_FIELDS(party, x.kind, x.id)
SF_FIELDS(meeting, x.id, x.kind, x.start, x.venue, x.invitees, x.facilitator, x.interpreter, x.support_people, x.karakia, x.mihi, x.held, x.attendance)
SF_FIELDS(action, x.id, x.description, x.owner, x.due, x.status, x.support, x.need)
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
SF_FIELDS(review_scheduled, x.meeting)
SF_FIELDS(escalated, x.note)
SF_FIELDS(closure_started, x.reason, x.note)
SF_FIELDS(final_report_submitted, x.summary)
SF_FIELDS(case_reopened, x.reason)
SF_FIELDS(event, x.when, x.who, x.payload)
SF_FIELDS(participation_consent, x.member, x.signed_on, x.form_version, x.given_by, x.child_views, x.recorded_by, x.recorded_at, x.ended_at)
SF_FIELDS(case_roles, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
SF_FIELDS(agency, x.id, x.name, x.kind)
SF_FIELDS(practitioner, x.id, x.agency, x.name)
SF_FIELDS(consent_settings, x.young_person_consent_age, x.adult_age)
SF_FIELDS(consent_scope, x.recipients, x.categories, x.purposes, x.from, x.until)
SF_FIELDS(disclosure_consent, x.id, x.subject, x.given_by, x.scope, x.signed_on, x.form_version, x.child_views, x.recorded_by, x.recorded_at)
SF_FIELDS(consent_withdrawal, x.subject, x.recipient, x.what, x.recorded_by, x.at)
SF_FIELDS(sharing_record, x.subjects, x.what, x.description, x.discloser, x.recipient, x.at, x.basis, x.s66c, x.requested_by, x.purpose, x.approver, x.necessity, x.child_consulted, x.family_told, x.not_told_reason)
SF_FIELDS(declined_request, x.requester, x.subjects, x.what, x.basis, x.reasons, x.decided_by, x.at)
SF_FIELDS(audit_entry, x.seq, x.at, x.kind, x.actor, x.text, x.prev, x.hash)
// clang-format on
#undef SF_FIELDS

} // namespace sfcore::detail
