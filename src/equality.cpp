// Field-by-field equality of the model's values, over the field lists in
// fields.hpp.
#include "fields.hpp"

namespace sfcore {

#define SF_EQUAL(T) \
    bool operator==(const T& a, const T& b) { return detail::fields_of(a) == detail::fields_of(b); }

SF_EQUAL(referral)
SF_EQUAL(member)
SF_EQUAL(meeting)
SF_EQUAL(action)
SF_EQUAL(plan)
SF_EQUAL(referral_received)
SF_EQUAL(referral_accepted)
SF_EQUAL(referral_declined)
SF_EQUAL(member_added)
SF_EQUAL(consent_recorded)
SF_EQUAL(consent_withdrawn)
SF_EQUAL(roles_assigned)
SF_EQUAL(preparation_started)
SF_EQUAL(priorities_set)
SF_EQUAL(invitee_approved)
SF_EQUAL(invitee_withdrawn)
SF_EQUAL(meeting_scheduled)
SF_EQUAL(meeting_held)
SF_EQUAL(plan_agreed)
SF_EQUAL(plan_revised)
SF_EQUAL(action_updated)
SF_EQUAL(review_scheduled)
SF_EQUAL(escalated)
SF_EQUAL(closure_started)
SF_EQUAL(final_report_submitted)
SF_EQUAL(case_closed)
SF_EQUAL(case_reopened)
SF_EQUAL(consent_scope)
SF_EQUAL(sharing_consent_given)
SF_EQUAL(sharing_consent_withdrawn)
SF_EQUAL(confidential_marked)
SF_EQUAL(issue_areas_set)
SF_EQUAL(necessity_adjusted)
SF_EQUAL(category_registered)
SF_EQUAL(consent_ages_set)
SF_EQUAL(timeframes_set)
SF_EQUAL(member_updated)
SF_EQUAL(person_linked)
SF_EQUAL(identified_extract)
SF_EQUAL(access_requested)
SF_EQUAL(access_extended)
SF_EQUAL(access_answered)
SF_EQUAL(shared_without_consent)
SF_EQUAL(request_declined)
SF_EQUAL(notice_given)
SF_EQUAL(disclosure_decided)
SF_EQUAL(shown_item)
SF_EQUAL(view_shown)
SF_EQUAL(legacy_audit_imported)
SF_EQUAL(event)
SF_EQUAL(participation_consent)
SF_EQUAL(case_roles)
#undef SF_EQUAL

} // namespace sfcore
