// Field-by-field equality of the model's values. Each line lists a type's
// fields once; the comparison is std::tie's.
#include <tuple>

#include "sfcore/case.hpp"

namespace sfcore {

#define SF_EQUAL(T, ...)                                          \
    bool operator==(const T& a, const T& b) {                     \
        const auto fields = [](const T& x) { return std::tie(__VA_ARGS__); }; \
        return fields(a) == fields(b);                            \
    }

// clang-format off
SF_EQUAL(referral, x.source, x.agency, x.practitioner, x.received, x.family_name, x.reasons, x.programme, x.site)
SF_EQUAL(member, x.id, x.name, x.role, x.born, x.participating)
SF_EQUAL(meeting, x.id, x.kind, x.start, x.venue, x.invitees, x.facilitator, x.interpreter, x.support_people, x.karakia, x.mihi, x.held, x.attendance)
SF_EQUAL(action, x.id, x.description, x.owner, x.due, x.status, x.support, x.need)
SF_EQUAL(plan, x.version, x.child, x.lead_agency, x.key_contact, x.actions, x.child_views, x.revision_reason, x.agreed)
SF_EQUAL(referral_received, x.referral)
SF_EQUAL(referral_accepted, x.by_panel, x.note)
SF_EQUAL(referral_declined, x.reason)
SF_EQUAL(member_added, x.member)
SF_EQUAL(consent_recorded, x.member, x.signed_on, x.form_version, x.given_by, x.child_views)
SF_EQUAL(consent_withdrawn, x.member, x.note)
SF_EQUAL(roles_assigned, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
SF_EQUAL(priorities_set, x.key_issues, x.strengths, x.needs)
SF_EQUAL(invitee_approved, x.who)
SF_EQUAL(invitee_withdrawn, x.who)
SF_EQUAL(meeting_scheduled, x.meeting)
SF_EQUAL(meeting_held, x.meeting, x.attendance)
SF_EQUAL(plan_agreed, x.plan)
SF_EQUAL(plan_revised, x.plan)
SF_EQUAL(action_updated, x.action, x.status, x.note)
SF_EQUAL(review_scheduled, x.meeting)
SF_EQUAL(escalated, x.note)
SF_EQUAL(closure_started, x.reason, x.note)
SF_EQUAL(final_report_submitted, x.summary)
SF_EQUAL(case_reopened, x.reason)
SF_EQUAL(event, x.when, x.who, x.payload)
SF_EQUAL(participation_consent, x.member, x.signed_on, x.form_version, x.given_by, x.child_views, x.recorded_by, x.recorded_at, x.ended_at)
SF_EQUAL(case_roles, x.coordinator, x.lead_agency, x.lead_contact, x.facilitator)
// clang-format on
#undef SF_EQUAL

bool operator==(const preparation_started&, const preparation_started&) { return true; }
bool operator==(const case_closed&, const case_closed&) { return true; }

} // namespace sfcore
