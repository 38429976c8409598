/* Every exported function, called with NULL and with invalid arguments: each
   returns an error code (none crashes). The table is compared with the
   library's exported symbols (argv[1]), so a new function without a row
   fails this test. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sfcore.h"

static sf_directory *dir;
static sf_referral *ref;
static sf_case *kase;
static sf_meeting *meeting;
static sf_plan *plan;
static sf_store *store;

static const char *bad_utf8 = "\xff\xfe";
static const int64_t t0 = 1772398800; /* 2026-03-02 10:00 NZDT */
static const sf_party msd = {SF_PARTY_KIND_AGENCY, SF_AGENCY_MSD};
static const sf_party no_party = {99, 1};
static const sf_recipient to_msd = {SF_AGENCY_MSD, 0};
static const sf_recipient to_nobody = {999, 0};
static const uint8_t secret[32] = {1};

#define ERR(call) CHECK((call) < 0)
#define NUL(call) CHECK_STATUS(SF_ENULLARG, (call))

static void row_sf_version_string(void) { CHECK(sf_version_string() != NULL); }
static void row_sf_version_number(void) { CHECK(sf_version_number() == SF_VERSION_NUMBER); }
static void row_sf_error_last(void) { CHECK(sf_error_last() != NULL); }
static void row_sf_error_last_code(void) { sf_directory_new(NULL); CHECK(sf_error_last_code() == SF_ENULLARG); }
static void row_sf_status_name(void) { const char *s; NUL(sf_status_name(NULL, SF_OK)); ERR(sf_status_name(&s, 5)); ERR(sf_status_name(&s, -100)); }
static void row_sf_state_name(void) { const char *s; NUL(sf_state_name(NULL, 0)); ERR(sf_state_name(&s, 99)); ERR(sf_state_name(&s, -1)); }
static void row_sf_referral_source_name(void) { const char *s; NUL(sf_referral_source_name(NULL, 0)); ERR(sf_referral_source_name(&s, 99)); }
static void row_sf_free(void) { sf_free(NULL); /* allowed: does nothing */ }
static void row_sf_enum_name(void) { const char *s; NUL(sf_enum_name(NULL, SF_ENUM_STATE, 0)); ERR(sf_enum_name(&s, 99, 0)); ERR(sf_enum_name(&s, SF_ENUM_STATE, 99)); ERR(sf_enum_name(&s, SF_ENUM_STATUS_, 0)); }
static void row_sf_enum_label(void) { const char *s; NUL(sf_enum_label(NULL, SF_ENUM_STATE, 0)); ERR(sf_enum_label(&s, -1, 0)); ERR(sf_enum_label(&s, SF_ENUM_GUARD, -5)); }
static void row_sf_lifecycle_row_count(void) { NUL(sf_lifecycle_row_count(NULL)); }
static void row_sf_lifecycle_row(void) { sf_transition t; NUL(sf_lifecycle_row(NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_lifecycle_row(&t, 100000)); }
static void row_sf_event_type_kind(void) { int k; NUL(sf_event_type_kind(NULL, 0)); ERR(sf_event_type_kind(&k, 99)); ERR(sf_event_type_kind(&k, -1)); }
static int64_t fixed_clock(void *context) { (void)context; return 1772398800000000LL; }
static void row_sf_clock_set(void) { CHECK_STATUS(SF_OK, sf_clock_set(fixed_clock, NULL)); CHECK_STATUS(SF_OK, sf_clock_set(NULL, NULL)); }

static void row_sf_directory_new(void) { NUL(sf_directory_new(NULL)); }
static void row_sf_directory_free(void) { sf_directory_free(NULL); /* allowed: does nothing */ }
static void row_sf_directory_add_agency(void) { uint32_t id; NUL(sf_directory_add_agency(NULL, dir, "x", 0)); NUL(sf_directory_add_agency(&id, NULL, "x", 0)); NUL(sf_directory_add_agency(&id, dir, NULL, 0)); CHECK_STATUS(SF_EUTF8, sf_directory_add_agency(&id, dir, bad_utf8, 0)); ERR(sf_directory_add_agency(&id, dir, "New", 99)); ERR(sf_directory_add_agency(&id, dir, "  ", 0)); }
static void row_sf_directory_find_agency(void) { uint32_t id; NUL(sf_directory_find_agency(NULL, dir, "x")); NUL(sf_directory_find_agency(&id, NULL, "x")); NUL(sf_directory_find_agency(&id, dir, NULL)); CHECK_STATUS(SF_EUTF8, sf_directory_find_agency(&id, dir, bad_utf8)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_find_agency(&id, dir, "nobody")); }
static void row_sf_directory_agency_name(void) { const char *s; NUL(sf_directory_agency_name(NULL, dir, 1)); NUL(sf_directory_agency_name(&s, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_agency_name(&s, dir, 0)); }
static void row_sf_directory_add_practitioner(void) { uint32_t id; NUL(sf_directory_add_practitioner(NULL, dir, 1, "x")); NUL(sf_directory_add_practitioner(&id, NULL, 1, "x")); NUL(sf_directory_add_practitioner(&id, dir, 1, NULL)); CHECK_STATUS(SF_EUTF8, sf_directory_add_practitioner(&id, dir, 1, bad_utf8)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_add_practitioner(&id, dir, 999, "x")); }
static void row_sf_directory_practitioner(void) { const char *s; NUL(sf_directory_practitioner(NULL, NULL, dir, 1)); NUL(sf_directory_practitioner(&s, NULL, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_practitioner(&s, NULL, dir, 999)); }
static void row_sf_directory_counts(void) { size_t n; NUL(sf_directory_counts(NULL, NULL, dir)); NUL(sf_directory_counts(&n, NULL, NULL)); }
static void row_sf_directory_save(void) { uint8_t *b; size_t n; NUL(sf_directory_save(NULL, &n, dir, 1)); NUL(sf_directory_save(&b, NULL, dir, 1)); NUL(sf_directory_save(&b, &n, NULL, 1)); CHECK_STATUS(SF_EINVAL, sf_directory_save(&b, &n, dir, 7)); }
static void row_sf_directory_load(void) { sf_directory *d; const uint8_t junk[4] = {1, 2, 3, 4}; NUL(sf_directory_load(NULL, junk, 4)); NUL(sf_directory_load(&d, NULL, 4)); CHECK_STATUS(SF_EMALFORMED, sf_directory_load(&d, junk, 4)); CHECK(d == NULL); }

static void row_sf_referral_new(void) { sf_referral *r; NUL(sf_referral_new(NULL, 0, 20260302, "x")); NUL(sf_referral_new(&r, 0, 20260302, NULL)); CHECK_STATUS(SF_EUTF8, sf_referral_new(&r, 0, 20260302, bad_utf8)); ERR(sf_referral_new(&r, 99, 20260302, "x")); ERR(sf_referral_new(&r, 0, 18000101, "x")); ERR(sf_referral_new(&r, 0, 20260231, "x")); }
static void row_sf_referral_free(void) { sf_referral_free(NULL); /* allowed: does nothing */ }
static void row_sf_referral_set_agency(void) { NUL(sf_referral_set_agency(NULL, 1, NULL)); CHECK_STATUS(SF_EUTF8, sf_referral_set_agency(ref, 1, bad_utf8)); ERR(sf_referral_set_agency(ref, 0, NULL)); }
static void row_sf_referral_add_reason(void) { NUL(sf_referral_add_reason(NULL, "x")); NUL(sf_referral_add_reason(ref, NULL)); CHECK_STATUS(SF_EUTF8, sf_referral_add_reason(ref, bad_utf8)); }
static void row_sf_referral_set_programme(void) { NUL(sf_referral_set_programme(NULL, 0)); ERR(sf_referral_set_programme(ref, 42)); }
static void row_sf_referral_set_local_group(void) { NUL(sf_referral_set_local_group(NULL, 1)); }
static void row_sf_referral_set_site(void) { NUL(sf_referral_set_site(NULL, "x")); NUL(sf_referral_set_site(ref, NULL)); CHECK_STATUS(SF_EUTF8, sf_referral_set_site(ref, bad_utf8)); }

static void row_sf_case_open(void) { sf_case *c; NUL(sf_case_open(NULL, dir, 1, ref, "w", t0)); NUL(sf_case_open(&c, NULL, 1, ref, "w", t0)); NUL(sf_case_open(&c, dir, 1, NULL, "w", t0)); NUL(sf_case_open(&c, dir, 1, ref, NULL, t0)); ERR(sf_case_open(&c, dir, 0, ref, "w", t0)); CHECK_STATUS(SF_EUTF8, sf_case_open(&c, dir, 1, ref, bad_utf8, t0)); ERR(sf_case_open(&c, dir, 1, ref, "w", -99999999999LL)); }
static void row_sf_case_free(void) { sf_case_free(NULL); /* allowed: does nothing */ }
static void row_sf_case_state(void) { int s; NUL(sf_case_state(NULL, kase)); NUL(sf_case_state(&s, NULL)); }
static void row_sf_case_id(void) { uint64_t v; NUL(sf_case_id(NULL, kase)); NUL(sf_case_id(&v, NULL)); }
static void row_sf_case_referral(void) { int s; NUL(sf_case_referral(NULL, NULL, NULL, kase)); NUL(sf_case_referral(&s, NULL, NULL, NULL)); }
static void row_sf_case_family_name(void) { const char *s; NUL(sf_case_family_name(NULL, kase)); NUL(sf_case_family_name(&s, NULL)); }
static void row_sf_case_event_count(void) { size_t n; NUL(sf_case_event_count(NULL, kase)); NUL(sf_case_event_count(&n, NULL)); }

/* The lifecycle events share their first five arguments. */
#define EVENT_ROW(fn, ...)                                                            \
    static void row_##fn(void) {                                                       \
        sf_outcome o;                                                                  \
        NUL(fn(NULL, kase, dir, "w", t0 + 3600, __VA_ARGS__));                         \
        NUL(fn(&o, NULL, dir, "w", t0 + 3600, __VA_ARGS__));                           \
        NUL(fn(&o, kase, NULL, "w", t0 + 3600, __VA_ARGS__));                          \
        NUL(fn(&o, kase, dir, NULL, t0 + 3600, __VA_ARGS__));                          \
        CHECK_STATUS(SF_EUTF8, fn(&o, kase, dir, bad_utf8, t0 + 3600, __VA_ARGS__));   \
        ERR(fn(&o, kase, dir, "w", 99999999999LL, __VA_ARGS__));                       \
    }
#define EVENT_ROW0(fn)                                                                \
    static void row_##fn(void) {                                                       \
        sf_outcome o;                                                                  \
        NUL(fn(NULL, kase, dir, "w", t0 + 3600));                                      \
        NUL(fn(&o, NULL, dir, "w", t0 + 3600));                                        \
        NUL(fn(&o, kase, NULL, "w", t0 + 3600));                                       \
        NUL(fn(&o, kase, dir, NULL, t0 + 3600));                                       \
        CHECK_STATUS(SF_EUTF8, fn(&o, kase, dir, bad_utf8, t0 + 3600));                \
        ERR(fn(&o, kase, dir, "w", 99999999999LL));                                    \
    }
EVENT_ROW(sf_case_accept_referral, 0, "note")
EVENT_ROW(sf_case_decline_referral, "reason")
EVENT_ROW(sf_case_add_member, "Hine", SF_MEMBER_ROLE_PARENT_CAREGIVER, 19880514, 1)
EVENT_ROW(sf_case_update_member, 1, "Hine Ngata", -1, 0, "a correction the person asked for")
EVENT_ROW(sf_case_link_person, 1, "p-hine", NULL, NULL)
EVENT_ROW(sf_case_request_access, 1, "Hine", NULL, 20260302)
EVENT_ROW(sf_case_decline_correction, 1, "date of birth", "I was born on 15 May", "the certificate says 14 May")
EVENT_ROW(sf_case_extend_access, 99, 20261231, "much to search")
EVENT_ROW(sf_case_answer_access, 99, 20260302, NULL, 0)
EVENT_ROW(sf_case_record_consent, 1, 20260302, "SF-2024", 0, NULL)
EVENT_ROW(sf_case_withdraw_consent, 1, NULL)
EVENT_ROW(sf_case_assign_roles, 0, 0, 0, NULL)
EVENT_ROW0(sf_case_start_preparation)
EVENT_ROW(sf_case_set_priorities, NULL, 0, NULL, 0, NULL, 0)
EVENT_ROW(sf_case_approve_invitee, msd)
EVENT_ROW(sf_case_withdraw_invitee, msd)
EVENT_ROW(sf_case_schedule_meeting, meeting)
EVENT_ROW(sf_case_schedule_review, meeting, NULL)
EVENT_ROW(sf_case_hold_meeting, 1, NULL, 0)
EVENT_ROW(sf_case_agree_plan, plan)
EVENT_ROW(sf_case_revise_plan, plan)
EVENT_ROW(sf_case_update_action, 1, SF_ACTION_STATUS_DONE, NULL)
EVENT_ROW(sf_case_escalate, "note")
EVENT_ROW(sf_case_start_closure, SF_EXIT_REASON_PLANNED, NULL)
EVENT_ROW(sf_case_submit_final_report, "summary")
EVENT_ROW0(sf_case_close)
EVENT_ROW(sf_case_reopen, "reason")
static sf_consent a_consent(void) {
    sf_consent k; memset(&k, 0, sizeof k);
    k.subject = 1; k.given_by = 1; k.recipients = &to_msd; k.recipient_count = 1; k.categories = 1; k.purposes = 1;
    k.from = 20260101; k.until = 20261231; k.signed_on = 20260302; k.form_version = "v";
    return k;
}
static void row_sf_case_give_sharing_consent(void) {
    sf_outcome o; sf_consent k = a_consent();
    NUL(sf_case_give_sharing_consent(NULL, kase, dir, "w", t0 + 3600, &k)); NUL(sf_case_give_sharing_consent(&o, NULL, dir, "w", t0 + 3600, &k));
    NUL(sf_case_give_sharing_consent(&o, kase, NULL, "w", t0 + 3600, &k)); NUL(sf_case_give_sharing_consent(&o, kase, dir, NULL, t0 + 3600, &k));
    NUL(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, NULL));
    k.recipients = NULL; NUL(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
    k = a_consent(); k.form_version = bad_utf8; CHECK_STATUS(SF_EUTF8, sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
    k = a_consent(); k.purposes = 0x100; ERR(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
    k = a_consent(); k.subject = 999; ERR(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
    k = a_consent(); k.recipients = &to_nobody; ERR(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
    k = a_consent(); k.until = 20990231; ERR(sf_case_give_sharing_consent(&o, kase, dir, "w", t0 + 3600, &k));
}
EVENT_ROW(sf_case_withdraw_sharing_consent, 1, NULL, -1, NULL)
EVENT_ROW(sf_case_mark_confidential, 1, SF_CATEGORY_HEALTH, 1)
EVENT_ROW(sf_case_set_issue_areas, NULL, 0)
EVENT_ROW(sf_case_adjust_necessity, SF_CATEGORY_HEALTH, 1)
EVENT_ROW(sf_case_register_category, "regional", "a regional category")
EVENT_ROW(sf_case_set_consent_ages, 16, 18)
EVENT_ROW(sf_case_set_timeframes, 15, 28, 42)
static sf_sharing a_sharing(void) { static const uint32_t who = 1; sf_sharing x; memset(&x, 0, sizeof x); x.subjects = &who; x.subject_count = 1; x.discloser = to_msd; x.recipient = to_msd; return x; }
static void row_sf_case_share_without_consent(void) {
    sf_outcome o; sf_sharing x = a_sharing();
    NUL(sf_case_share_without_consent(NULL, kase, dir, "w", t0 + 3600, &x)); NUL(sf_case_share_without_consent(&o, NULL, dir, "w", t0 + 3600, &x));
    NUL(sf_case_share_without_consent(&o, kase, dir, "w", t0 + 3600, NULL)); x.basis = 99; ERR(sf_case_share_without_consent(&o, kase, dir, "w", t0 + 3600, &x));
    x = a_sharing(); x.purpose = bad_utf8; CHECK_STATUS(SF_EUTF8, sf_case_share_without_consent(&o, kase, dir, "w", t0 + 3600, &x));
    x = a_sharing(); x.recipient = to_nobody; ERR(sf_case_share_without_consent(&o, kase, dir, "w", t0 + 3600, &x));
}
static void row_sf_case_decline_request(void) {
    sf_outcome o; sf_declined d; memset(&d, 0, sizeof d);
    NUL(sf_case_decline_request(NULL, kase, dir, "w", t0 + 3600, &d)); NUL(sf_case_decline_request(&o, kase, dir, "w", t0 + 3600, NULL));
    d.requester = to_msd; d.reason_count = 2; NUL(sf_case_decline_request(&o, kase, dir, "w", t0 + 3600, &d));
}
EVENT_ROW(sf_case_give_notice, 1, SF_PURPOSE_MEETING)
static void row_sf_case_record_json(void) {
    sf_outcome o;
    NUL(sf_case_record_json(NULL, kase, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{}"));
    NUL(sf_case_record_json(&o, NULL, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{}"));
    NUL(sf_case_record_json(&o, kase, NULL, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{}"));
    NUL(sf_case_record_json(&o, kase, dir, NULL, t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{}"));
    NUL(sf_case_record_json(&o, kase, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, NULL));
    CHECK_STATUS(SF_EUTF8, sf_case_record_json(&o, kase, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{\"note\": \"\xff\"}"));
    CHECK_STATUS(SF_EINVAL, sf_case_record_json(&o, kase, dir, "w", t0 + 3600, -1, "{}"));
    CHECK_STATUS(SF_EINVAL, sf_case_record_json(&o, kase, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{\"note\""));
    CHECK_STATUS(SF_EINVAL, sf_case_record_json(&o, kase, dir, "w", t0 + 3600, SF_EVENT_TYPE_ESCALATED, "{\"nope\": 1}"));
    ERR(sf_case_record_json(&o, kase, dir, "w", 99999999999LL, SF_EVENT_TYPE_ESCALATED, "{}"));
}

static void row_sf_meeting_new(void) { sf_meeting *m; NUL(sf_meeting_new(NULL, t0, "x")); NUL(sf_meeting_new(&m, t0, NULL)); CHECK_STATUS(SF_EUTF8, sf_meeting_new(&m, t0, bad_utf8)); ERR(sf_meeting_new(&m, 99999999999LL, "x")); }
static void row_sf_meeting_free(void) { sf_meeting_free(NULL); /* allowed: does nothing */ }
static void row_sf_meeting_add_invitee(void) { NUL(sf_meeting_add_invitee(NULL, msd)); ERR(sf_meeting_add_invitee(meeting, no_party)); }
static void row_sf_meeting_add_support_person(void) { NUL(sf_meeting_add_support_person(NULL, "x")); NUL(sf_meeting_add_support_person(meeting, NULL)); CHECK_STATUS(SF_EUTF8, sf_meeting_add_support_person(meeting, bad_utf8)); }
static void row_sf_meeting_set_details(void) { NUL(sf_meeting_set_details(NULL, NULL, NULL, 0, 0)); CHECK_STATUS(SF_EUTF8, sf_meeting_set_details(meeting, bad_utf8, NULL, 0, 0)); }
static void row_sf_plan_new(void) { NUL(sf_plan_new(NULL)); }
static void row_sf_plan_from_case(void) { sf_plan *p; NUL(sf_plan_from_case(NULL, kase, 0)); NUL(sf_plan_from_case(&p, NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_plan_from_case(&p, kase, 5)); }
static void row_sf_plan_free(void) { sf_plan_free(NULL); /* allowed: does nothing */ }
static void row_sf_plan_set_roles(void) { NUL(sf_plan_set_roles(NULL, 1, 1)); }
static void row_sf_plan_set_child(void) { NUL(sf_plan_set_child(NULL, 1, NULL)); CHECK_STATUS(SF_EUTF8, sf_plan_set_child(plan, 1, bad_utf8)); }
static void row_sf_plan_set_revision_reason(void) { NUL(sf_plan_set_revision_reason(NULL, "x")); NUL(sf_plan_set_revision_reason(plan, NULL)); CHECK_STATUS(SF_EUTF8, sf_plan_set_revision_reason(plan, bad_utf8)); }
static void row_sf_plan_add_action(void) { NUL(sf_plan_add_action(NULL, NULL, "x", msd, 0, 0, NULL)); NUL(sf_plan_add_action(NULL, plan, NULL, msd, 0, 0, NULL)); CHECK_STATUS(SF_EUTF8, sf_plan_add_action(NULL, plan, bad_utf8, msd, 0, 0, NULL)); ERR(sf_plan_add_action(NULL, plan, "x", no_party, 0, 0, NULL)); ERR(sf_plan_add_action(NULL, plan, "x", msd, 20261399, 0, NULL)); ERR(sf_plan_add_action(NULL, plan, "x", msd, 0, 99, NULL)); }
static void row_sf_plan_set_action_outcomes(void) { NUL(sf_plan_set_action_outcomes(NULL, 0, 1)); CHECK_STATUS(SF_ERANGE, sf_plan_set_action_outcomes(plan, 999, 1)); CHECK_STATUS(SF_EINVAL, sf_plan_set_action_outcomes(plan, 0, 1u << SF_OUTCOME_AREA_COUNT_)); }
static void row_sf_plan_set_action_status(void) { NUL(sf_plan_set_action_status(NULL, 0, 0)); CHECK_STATUS(SF_ERANGE, sf_plan_set_action_status(plan, 999, 0)); ERR(sf_plan_set_action_status(plan, 0, 99)); }

static void row_sf_case_counts_get(void) { sf_case_counts n; NUL(sf_case_counts_get(NULL, kase)); NUL(sf_case_counts_get(&n, NULL)); }
static void row_sf_case_member(void) { sf_member_info m; NUL(sf_case_member(NULL, NULL, kase, 1)); NUL(sf_case_member(&m, NULL, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_member(&m, NULL, kase, 999)); }
static void row_sf_case_meeting(void) { sf_meeting_info m; NUL(sf_case_meeting(NULL, NULL, kase, 1)); NUL(sf_case_meeting(&m, NULL, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_meeting(&m, NULL, kase, 999)); }
static void row_sf_case_plan(void) { sf_plan_info p; NUL(sf_case_plan(NULL, kase, 0)); NUL(sf_case_plan(&p, NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_case_plan(&p, kase, 999)); }
static void row_sf_case_action(void) { sf_action_info a; NUL(sf_case_action(NULL, NULL, kase, 0, 0)); NUL(sf_case_action(&a, NULL, NULL, 0, 0)); CHECK_STATUS(SF_ERANGE, sf_case_action(&a, NULL, kase, 999, 0)); }
static void row_sf_case_roles(void) { NUL(sf_case_roles(NULL, NULL, NULL, NULL)); }
static void row_sf_case_timeframes(void) { int a; NUL(sf_case_timeframes(&a, NULL, NULL, NULL)); CHECK_STATUS(SF_OK, sf_case_timeframes(NULL, NULL, NULL, kase)); }
static void row_sf_case_refused(void) { sf_party *p; size_t n; NUL(sf_case_refused(NULL, &n, kase)); NUL(sf_case_refused(&p, NULL, kase)); NUL(sf_case_refused(&p, &n, NULL)); }
static void row_sf_case_event(void) { sf_event_info e; NUL(sf_case_event(NULL, NULL, kase, 0)); NUL(sf_case_event(&e, NULL, NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_case_event(&e, NULL, kase, 99999)); }
static void row_sf_case_event_fields(void) { char *s; NUL(sf_case_event_fields(NULL, kase, 0)); NUL(sf_case_event_fields(&s, NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_case_event_fields(&s, kase, 99999)); }
static void row_sf_case_describe_event(void) { char *s; NUL(sf_case_describe_event(NULL, kase, dir, 0)); NUL(sf_case_describe_event(&s, NULL, dir, 0)); NUL(sf_case_describe_event(&s, kase, NULL, 0)); CHECK_STATUS(SF_ERANGE, sf_case_describe_event(&s, kase, dir, 99999)); }
static void row_sf_case_exit_reason(void) { int r; NUL(sf_case_exit_reason(NULL, kase)); NUL(sf_case_exit_reason(&r, NULL)); }
static void row_sf_case_final_report(void) { char *s; NUL(sf_case_final_report(NULL, kase, dir, NULL)); NUL(sf_case_final_report(&s, NULL, dir, NULL)); NUL(sf_case_final_report(&s, kase, NULL, NULL)); }
static void row_sf_case_overdue(void) { sf_overdue_item *i; size_t n; NUL(sf_case_overdue(NULL, &n, kase, 20260401, NULL)); NUL(sf_case_overdue(&i, NULL, kase, 20260401, NULL)); NUL(sf_case_overdue(&i, &n, NULL, 20260401, NULL)); ERR(sf_case_overdue(&i, &n, kase, 1, NULL)); }
static void row_sf_case_next_deadline(void) { int32_t d; NUL(sf_case_next_deadline(NULL, kase, NULL)); NUL(sf_case_next_deadline(&d, NULL, NULL)); }
static void row_sf_directory_agency_info(void) { int k, w; CHECK_STATUS(SF_ENULLARG, sf_directory_agency_info(&k, &w, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_agency_info(&k, &w, dir, 999)); CHECK_STATUS(SF_OK, sf_directory_agency_info(NULL, NULL, dir, 1)); }
static void row_sf_directory_agency_former_name(void) { const char *s; NUL(sf_directory_agency_former_name(NULL, dir, 6, 0)); NUL(sf_directory_agency_former_name(&s, NULL, 6, 0)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_agency_former_name(&s, dir, 6, 9)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_agency_former_name(&s, dir, 999, 0)); }
static void row_sf_directory_rename_agency(void) { NUL(sf_directory_rename_agency(NULL, 1, "x")); NUL(sf_directory_rename_agency(dir, 1, NULL)); CHECK_STATUS(SF_EUTF8, sf_directory_rename_agency(dir, 1, bad_utf8)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_rename_agency(dir, 999, "x")); CHECK_STATUS(SF_EEXISTS, sf_directory_rename_agency(dir, 1, "ACC")); ERR(sf_directory_rename_agency(dir, 1, "  ")); }
static void row_sf_directory_add_site(void) { uint32_t id; NUL(sf_directory_add_site(NULL, dir, SF_PROGRAMME_CHILDRENS_TEAM, "x", 0, 0)); NUL(sf_directory_add_site(&id, NULL, SF_PROGRAMME_CHILDRENS_TEAM, "x", 0, 0)); NUL(sf_directory_add_site(&id, dir, SF_PROGRAMME_CHILDRENS_TEAM, NULL, 0, 0)); CHECK_STATUS(SF_EUTF8, sf_directory_add_site(&id, dir, SF_PROGRAMME_CHILDRENS_TEAM, bad_utf8, 0, 0)); CHECK_STATUS(SF_EINVAL, sf_directory_add_site(&id, dir, SF_PROGRAMME_STRENGTHENING_FAMILIES, "x", 0, 0)); CHECK_STATUS(SF_EEXISTS, sf_directory_add_site(&id, dir, SF_PROGRAMME_INTENSIVE_INTERVENTION, "Tokoroa", 0, 0)); CHECK_STATUS(SF_ERANGE, sf_directory_add_site(&id, dir, SF_PROGRAMME_CHILDRENS_TEAM, "y", -1, 0)); ERR(sf_directory_add_site(&id, dir, 99, "z", 0, 0)); }
static void row_sf_directory_set_site_targets(void) { NUL(sf_directory_set_site_targets(NULL, 1, 1, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_set_site_targets(dir, 999, 1, 1)); CHECK_STATUS(SF_ERANGE, sf_directory_set_site_targets(dir, 1, 1, 100001)); }
static void row_sf_directory_site(void) { const char *s; NUL(sf_directory_site(NULL, NULL, NULL, NULL, dir, 1)); NUL(sf_directory_site(&s, NULL, NULL, NULL, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_site(&s, NULL, NULL, NULL, dir, 999)); }
static void row_sf_directory_site_count(void) { size_t n; NUL(sf_directory_site_count(NULL, dir)); NUL(sf_directory_site_count(&n, NULL)); }
static void row_sf_directory_add_local_group(void) { uint32_t id; NUL(sf_directory_add_local_group(NULL, dir, "x")); NUL(sf_directory_add_local_group(&id, NULL, "x")); NUL(sf_directory_add_local_group(&id, dir, NULL)); CHECK_STATUS(SF_EUTF8, sf_directory_add_local_group(&id, dir, bad_utf8)); ERR(sf_directory_add_local_group(&id, dir, " ")); }
static void row_sf_directory_local_group(void) { const char *s; NUL(sf_directory_local_group(NULL, dir, 1)); NUL(sf_directory_local_group(&s, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_local_group(&s, dir, 999)); }
static void row_sf_directory_local_group_count(void) { size_t n; NUL(sf_directory_local_group_count(NULL, dir)); NUL(sf_directory_local_group_count(&n, NULL)); }
static void row_sf_directory_set_local_group(void) { NUL(sf_directory_set_local_group(NULL, 1, 0)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_set_local_group(dir, 999, 0)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_set_local_group(dir, 1, 999)); }
static void row_sf_directory_practitioner_group(void) { uint32_t g; NUL(sf_directory_practitioner_group(NULL, dir, 1)); NUL(sf_directory_practitioner_group(&g, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_practitioner_group(&g, dir, 999)); }
static void row_sf_directory_set_child_welfare(void) { NUL(sf_directory_set_child_welfare(NULL, 1, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_directory_set_child_welfare(dir, 999, 1)); CHECK_STATUS(SF_EINVAL, sf_directory_set_child_welfare(dir, 1, 2)); }
static void row_sf_calendar_new(void) { NUL(sf_calendar_new(NULL)); }
static void row_sf_calendar_free(void) { sf_calendar_free(NULL); }
static void row_sf_calendar_set_matariki(void) { sf_calendar *c; CHECK_STATUS(SF_OK, sf_calendar_new(&c)); NUL(sf_calendar_set_matariki(NULL, 2053, 20530620)); ERR(sf_calendar_set_matariki(c, 2053, 20530619)); ERR(sf_calendar_set_matariki(c, 2053, 20531399)); sf_calendar_free(c); }
static void row_sf_calendar_add(void) { sf_calendar *c; CHECK_STATUS(SF_OK, sf_calendar_new(&c)); NUL(sf_calendar_add(NULL, 20260309, "x")); NUL(sf_calendar_add(c, 20260309, NULL)); CHECK_STATUS(SF_EUTF8, sf_calendar_add(c, 20260309, bad_utf8)); ERR(sf_calendar_add(c, 18000101, "x")); sf_calendar_free(c); }
static void row_sf_calendar_is_holiday(void) { int b; NUL(sf_calendar_is_holiday(NULL, NULL, 20260101)); ERR(sf_calendar_is_holiday(&b, NULL, 20260230)); CHECK_STATUS(SF_ERANGE, sf_calendar_is_holiday(&b, NULL, 20530101)); }
static void row_sf_calendar_is_working_day(void) { int b; NUL(sf_calendar_is_working_day(NULL, NULL, 20260101)); ERR(sf_calendar_is_working_day(&b, NULL, 0)); }
static void row_sf_calendar_add_working_days(void) { int32_t d; NUL(sf_calendar_add_working_days(NULL, NULL, 20260101, 1)); CHECK_STATUS(SF_EINVAL, sf_calendar_add_working_days(&d, NULL, 20260101, -1)); ERR(sf_calendar_add_working_days(&d, NULL, 1, 1)); }
static void row_sf_calendar_working_days_between(void) { int n; NUL(sf_calendar_working_days_between(NULL, NULL, 20260101, 20260201)); ERR(sf_calendar_working_days_between(&n, NULL, 20260101, 99999999)); }
static void row_sf_calendar_is_working_day_by(void) { int b; NUL(sf_calendar_is_working_day_by(NULL, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260101)); CHECK_STATUS(SF_EINVAL, sf_calendar_is_working_day_by(&b, NULL, 7, 20260105)); ERR(sf_calendar_is_working_day_by(&b, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 0)); }
static void row_sf_calendar_add_working_days_by(void) { int32_t d; NUL(sf_calendar_add_working_days_by(NULL, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260101, 1)); CHECK_STATUS(SF_EINVAL, sf_calendar_add_working_days_by(&d, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260101, -1)); CHECK_STATUS(SF_EINVAL, sf_calendar_add_working_days_by(&d, NULL, -1, 20260101, 1)); ERR(sf_calendar_add_working_days_by(&d, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 1, 1)); }
static void row_sf_calendar_working_days_between_by(void) { int n; NUL(sf_calendar_working_days_between_by(NULL, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260101, 20260201)); CHECK_STATUS(SF_EINVAL, sf_calendar_working_days_between_by(&n, NULL, 2, 20260101, 20260201)); ERR(sf_calendar_working_days_between_by(&n, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260101, 99999999)); }
static void row_sf_working_day_rule_source(void) { const char *s; NUL(sf_working_day_rule_source(NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT)); CHECK_STATUS(SF_EINVAL, sf_working_day_rule_source(&s, SF_WORKING_DAY_RULE_COUNT_)); }
static void row_sf_privacy_response_due(void) { int32_t d; NUL(sf_privacy_response_due(NULL, NULL, 20260101)); ERR(sf_privacy_response_due(&d, NULL, 20261301)); CHECK_STATUS(SF_ERANGE, sf_privacy_response_due(&d, NULL, 20521215)); }
static void row_sf_nhi_check(void) { char nhi[8]; NUL(sf_nhi_check(NULL, "ZAC5361")); NUL(sf_nhi_check(nhi, NULL)); CHECK_STATUS(SF_EUTF8, sf_nhi_check(nhi, bad_utf8)); CHECK_STATUS(SF_EINVAL, sf_nhi_check(nhi, "ZAC5362")); }
static void row_sf_calendar_holiday_name(void) { char *s; NUL(sf_calendar_holiday_name(NULL, NULL, 20260101)); CHECK_STATUS(SF_ENOTFOUND, sf_calendar_holiday_name(&s, NULL, 20260303)); CHECK(s == NULL); }
static void row_sf_case_save(void) {
    uint8_t *b; size_t n; const sf_key short_key = {"k", secret, 8}, no_id = {NULL, secret, 32};
    NUL(sf_case_save(NULL, &n, kase, 1, NULL)); NUL(sf_case_save(&b, NULL, kase, 1, NULL)); NUL(sf_case_save(&b, &n, NULL, 1, NULL));
    CHECK_STATUS(SF_EINVAL, sf_case_save(&b, &n, kase, 0, NULL)); CHECK_STATUS(SF_EKEY, sf_case_save(&b, &n, kase, 1, &short_key));
    NUL(sf_case_save(&b, &n, kase, 1, &no_id));
}
static void row_sf_case_load(void) {
    sf_case *c; const uint8_t junk[60] = {0x89, 'S', 'F', 'C'}; const sf_key key = {"k", secret, 32};
    NUL(sf_case_load(NULL, junk, 60, NULL, 0)); NUL(sf_case_load(&c, NULL, 60, NULL, 0)); NUL(sf_case_load(&c, junk, 60, NULL, 1));
    CHECK_STATUS(SF_EMALFORMED, sf_case_load(&c, junk, 60, NULL, 0)); CHECK_STATUS(SF_EMALFORMED, sf_case_load(&c, junk, 0, &key, 1));
}
static int null_key(void *context, const char *id, uint8_t secret_out[32]) { (void)context; (void)id; (void)secret_out; return 1; }
static void row_sf_case_save_encrypted(void) {
    uint8_t *b; size_t n; sf_key_provider p = {null_key, NULL, "k1"};
    NUL(sf_case_save_encrypted(NULL, &n, kase, &p, NULL)); NUL(sf_case_save_encrypted(&b, NULL, kase, &p, NULL));
    NUL(sf_case_save_encrypted(&b, &n, NULL, &p, NULL)); NUL(sf_case_save_encrypted(&b, &n, kase, NULL, NULL));
    p.key = NULL; NUL(sf_case_save_encrypted(&b, &n, kase, &p, NULL)); p.key = null_key;
    CHECK_STATUS(SF_EINVAL, sf_case_save_encrypted(&b, &n, kase, &p, NULL)); /* a plain case */
}
static void row_sf_case_load_encrypted(void) {
    sf_case *c; const uint8_t junk[60] = {0x89, 'S', 'F', 'C'}; sf_key_provider p = {null_key, NULL, "k1"};
    NUL(sf_case_load_encrypted(NULL, junk, 60, &p, NULL, 0)); NUL(sf_case_load_encrypted(&c, NULL, 60, &p, NULL, 0));
    NUL(sf_case_load_encrypted(&c, junk, 60, NULL, NULL, 0)); NUL(sf_case_load_encrypted(&c, junk, 60, &p, NULL, 1));
    p.current = NULL; NUL(sf_case_load_encrypted(&c, junk, 60, &p, NULL, 0)); p.current = "k1";
    CHECK_STATUS(SF_EMALFORMED, sf_case_load_encrypted(&c, junk, 60, &p, NULL, 0)); CHECK(c == NULL);
}
static void row_sf_case_access_request_count(void) { size_t n; NUL(sf_case_access_request_count(NULL, kase)); NUL(sf_case_access_request_count(&n, NULL)); }
static void row_sf_case_access_request(void) {
    sf_access_request_info i; NUL(sf_case_access_request(NULL, NULL, NULL, NULL, kase, NULL, 0)); NUL(sf_case_access_request(&i, NULL, NULL, NULL, NULL, NULL, 0));
    CHECK_STATUS(SF_ERANGE, sf_case_access_request(&i, NULL, NULL, NULL, kase, NULL, 1000));
}
static void row_sf_case_access_withheld(void) { const char *g; NUL(sf_case_access_withheld(NULL, kase, 0, 0)); NUL(sf_case_access_withheld(&g, NULL, 0, 0)); CHECK_STATUS(SF_ERANGE, sf_case_access_withheld(&g, kase, 1000, 0)); }
static void row_sf_case_correction_statement_count(void) {
    size_t n; NUL(sf_case_correction_statement_count(NULL, kase, 1)); NUL(sf_case_correction_statement_count(&n, NULL, 1));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_correction_statement_count(&n, kase, 999));
}
static void row_sf_case_correction_statement(void) {
    uint64_t s; NUL(sf_case_correction_statement(NULL, NULL, NULL, NULL, kase, 1, 0)); NUL(sf_case_correction_statement(&s, NULL, NULL, NULL, NULL, 1, 0));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_correction_statement(&s, NULL, NULL, NULL, kase, 999, 0));
}
static void row_sf_case_disclosures_about(void) {
    sf_member_disclosure *d; size_t n; NUL(sf_case_disclosures_about(NULL, &n, kase, 1)); NUL(sf_case_disclosures_about(&d, NULL, kase, 1));
    NUL(sf_case_disclosures_about(&d, &n, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_disclosures_about(&d, &n, kase, 999));
}
static void row_sf_store_record_identified_extract(void) {
    uint64_t n; NUL(sf_store_record_identified_extract(NULL, store, "a", "members", "p", NULL, NULL)); NUL(sf_store_record_identified_extract(&n, NULL, "a", "members", "p", NULL, NULL));
    NUL(sf_store_record_identified_extract(&n, store, NULL, "members", "p", NULL, NULL)); NUL(sf_store_record_identified_extract(&n, store, "a", NULL, "p", NULL, NULL));
    NUL(sf_store_record_identified_extract(&n, store, "a", "members", NULL, NULL, NULL));
    CHECK_STATUS(SF_EUTF8, sf_store_record_identified_extract(&n, store, bad_utf8, "members", "p", NULL, NULL));
}
static void row_sf_case_table_csv(void) {
    char *csv; NUL(sf_case_table_csv(NULL, kase, dir, "cases", NULL, NULL, NULL, NULL, 0)); NUL(sf_case_table_csv(&csv, NULL, dir, "cases", NULL, NULL, NULL, NULL, 0));
    NUL(sf_case_table_csv(&csv, kase, NULL, "cases", NULL, NULL, NULL, NULL, 0)); NUL(sf_case_table_csv(&csv, kase, dir, NULL, NULL, NULL, NULL, NULL, 0));
    NUL(sf_case_table_csv(&csv, kase, dir, "cases", NULL, NULL, NULL, NULL, 16));
    CHECK_STATUS(SF_EUTF8, sf_case_table_csv(&csv, kase, dir, bad_utf8, NULL, NULL, NULL, NULL, 0));
    CHECK_STATUS(SF_EUTF8, sf_case_table_csv(&csv, kase, dir, "cases", NULL, bad_utf8, "p", NULL, 0));
}
static void row_sf_store_table_csv(void) {
    char *csv; NUL(sf_store_table_csv(NULL, store, dir, "cases", NULL, NULL, NULL, NULL, 0)); NUL(sf_store_table_csv(&csv, NULL, dir, "cases", NULL, NULL, NULL, NULL, 0));
    NUL(sf_store_table_csv(&csv, store, dir, NULL, NULL, NULL, NULL, NULL, 0));
    CHECK_STATUS(SF_EINVAL, sf_store_table_csv(&csv, store, dir, "people", NULL, NULL, NULL, NULL, 0));
    CHECK_STATUS(SF_EUTF8, sf_store_table_csv(&csv, store, dir, "cases", NULL, "a", bad_utf8, NULL, 0));
}
static void row_sf_case_upgrade_v1(void) {
    sf_case *c; const uint8_t junk[3] = {0};
    NUL(sf_case_upgrade_v1(NULL, junk, 3, NULL, 0, dir)); NUL(sf_case_upgrade_v1(&c, NULL, 3, NULL, 0, dir)); NUL(sf_case_upgrade_v1(&c, junk, 3, NULL, 0, NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_case_upgrade_v1(&c, junk, 3, junk, 3, dir)); CHECK(c == NULL);
}
static void row_sf_case_head(void) { sf_journal_head h; NUL(sf_case_head(NULL, kase)); NUL(sf_case_head(&h, NULL)); }
static void row_sf_case_verify(void) { int ok; NUL(sf_case_verify(NULL, NULL, kase, NULL)); NUL(sf_case_verify(&ok, NULL, NULL, NULL)); }

static sf_request a_request(void) { static const uint32_t who = 1; sf_request r; r.discloser = to_msd; r.subjects = &who; r.subject_count = 1; r.category = 0; r.recipient = to_msd; r.purpose = 0; r.at = t0; return r; }
static void row_sf_case_decide(void) {
    sf_decision d; sf_request r = a_request();
    NUL(sf_case_decide(NULL, kase, dir, &r, "a")); NUL(sf_case_decide(&d, NULL, dir, &r, "a")); NUL(sf_case_decide(&d, kase, NULL, &r, "a"));
    NUL(sf_case_decide(&d, kase, dir, NULL, "a")); NUL(sf_case_decide(&d, kase, dir, &r, NULL)); CHECK_STATUS(SF_EUTF8, sf_case_decide(&d, kase, dir, &r, bad_utf8));
    r.subject_count = 0; ERR(sf_case_decide(&d, kase, dir, &r, "a")); r = a_request(); r.subjects = NULL; NUL(sf_case_decide(&d, kase, dir, &r, "a"));
    r = a_request(); r.purpose = 42; ERR(sf_case_decide(&d, kase, dir, &r, "a")); r = a_request(); r.recipient = to_nobody; ERR(sf_case_decide(&d, kase, dir, &r, "a"));
    r = a_request(); r.at = 99999999999LL; ERR(sf_case_decide(&d, kase, dir, &r, "a"));
}
static void row_sf_case_decide_many(void) {
    sf_decision d[2]; size_t n = 7; sf_request r[2]; r[0] = a_request(); r[1] = a_request();
    NUL(sf_case_decide_many(d, NULL, kase, dir, r, 2, "a")); NUL(sf_case_decide_many(d, &n, NULL, dir, r, 2, "a")); CHECK(n == 0);
    NUL(sf_case_decide_many(d, &n, kase, NULL, r, 2, "a")); NUL(sf_case_decide_many(NULL, &n, kase, dir, r, 2, "a")); NUL(sf_case_decide_many(d, &n, kase, dir, NULL, 2, "a"));
    NUL(sf_case_decide_many(d, &n, kase, dir, r, 2, NULL)); CHECK_STATUS(SF_EUTF8, sf_case_decide_many(d, &n, kase, dir, r, 2, bad_utf8));
    CHECK_STATUS(SF_OK, sf_case_decide_many(NULL, &n, kase, dir, NULL, 0, "a")); CHECK(n == 0);
    r[1].purpose = 42; ERR(sf_case_decide_many(d, &n, kase, dir, r, 2, "a")); CHECK(n == 1);
    r[1] = a_request(); r[1].subjects = NULL; NUL(sf_case_decide_many(d, &n, kase, dir, r, 2, "a"));
}
static void row_sf_case_check(void) { sf_decision d; sf_request r = a_request(); NUL(sf_case_check(NULL, kase, dir, &r)); NUL(sf_case_check(&d, NULL, dir, &r)); NUL(sf_case_check(&d, kase, NULL, &r)); NUL(sf_case_check(&d, kase, dir, NULL)); r.category = -1; ERR(sf_case_check(&d, kase, dir, &r)); r = a_request(); r.subject_count = 2; r.subjects = NULL; NUL(sf_case_check(&d, kase, dir, &r)); }
static void row_sf_case_explain(void) { char *s; NUL(sf_case_explain(NULL, kase, 1)); NUL(sf_case_explain(&s, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_explain(&s, kase, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_explain(&s, kase, 0)); CHECK_STATUS(SF_ENOTFOUND, sf_case_explain(&s, kase, 99999)); }
static void row_sf_decision_reason(void) { char *s; sf_decision d = {0, 999, 1, 0, 0}; NUL(sf_decision_reason(NULL, kase, &d)); NUL(sf_decision_reason(&s, NULL, &d)); NUL(sf_decision_reason(&s, kase, NULL)); ERR(sf_decision_reason(&s, kase, &d)); }
static void row_sf_case_notice(void) { char *s; NUL(sf_case_notice(NULL, kase, dir, 1, 0, t0)); NUL(sf_case_notice(&s, NULL, dir, 1, 0, t0)); NUL(sf_case_notice(&s, kase, NULL, 1, 0, t0)); ERR(sf_case_notice(&s, kase, dir, 999, 0, t0)); ERR(sf_case_notice(&s, kase, dir, 1, 99, t0)); }
static void row_sf_case_view(void) {
    int shown[1]; sf_info_item it; static const uint32_t who = 1; it.subjects = &who; it.subject_count = 1; it.category = 0;
    NUL(sf_case_view(NULL, kase, dir, &it, 1, to_msd, 0, t0, "a")); NUL(sf_case_view(shown, NULL, dir, &it, 1, to_msd, 0, t0, "a"));
    NUL(sf_case_view(shown, kase, NULL, &it, 1, to_msd, 0, t0, "a")); NUL(sf_case_view(shown, kase, dir, NULL, 1, to_msd, 0, t0, "a"));
    NUL(sf_case_view(shown, kase, dir, &it, 1, to_msd, 0, t0, NULL)); ERR(sf_case_view(shown, kase, dir, &it, 1, to_nobody, 0, t0, "a"));
}
static void row_sf_case_disclosure_counts(void) { sf_disclosure_counts c; NUL(sf_case_disclosure_counts(NULL, kase)); NUL(sf_case_disclosure_counts(&c, NULL)); }
static void row_sf_case_category(void) { const char *s; NUL(sf_case_category(&s, &s, NULL, 0)); ERR(sf_case_category(&s, NULL, kase, 63)); ERR(sf_case_category(&s, NULL, kase, -1)); }

static void row_sf_store_open(void) {
    sf_store *st; sf_store_options o; const sf_key short_key = {"k", secret, 8};
    NUL(sf_store_open(NULL, ":memory:", NULL)); NUL(sf_store_open(&st, NULL, NULL)); CHECK_STATUS(SF_EUTF8, sf_store_open(&st, bad_utf8, NULL));
    CHECK_STATUS(SF_EIO, sf_store_open(&st, "/no/such/dir/x.db", NULL));
    memset(&o, 0, sizeof o); o.key_count = 1; NUL(sf_store_open(&st, ":memory:", &o));
    o.keys = &short_key; CHECK_STATUS(SF_EKEY, sf_store_open(&st, ":memory:", &o)); CHECK(st == NULL);
}
static int no_key(void *context, const char *id, uint8_t secret_out[32]) { (void)context; (void)id; (void)secret_out; return 1; }
static void row_sf_store_open_encrypted(void) {
    sf_store *st; sf_key_provider p = {no_key, NULL, "k1"};
    NUL(sf_store_open_encrypted(NULL, ":memory:", NULL, &p)); NUL(sf_store_open_encrypted(&st, NULL, NULL, &p)); NUL(sf_store_open_encrypted(&st, ":memory:", NULL, NULL));
    CHECK_STATUS(SF_EUTF8, sf_store_open_encrypted(&st, bad_utf8, NULL, &p));
    p.key = NULL; NUL(sf_store_open_encrypted(&st, ":memory:", NULL, &p)); p.key = no_key;
    p.current = NULL; NUL(sf_store_open_encrypted(&st, ":memory:", NULL, &p));
    p.current = "not an id"; CHECK_STATUS(SF_EKEY, sf_store_open_encrypted(&st, ":memory:", NULL, &p)); CHECK(st == NULL);
}
static void row_sf_store_rewrap(void) { uint64_t n; NUL(sf_store_rewrap(NULL, store)); NUL(sf_store_rewrap(&n, NULL)); CHECK_STATUS(SF_EKEY, sf_store_rewrap(&n, store)); }
static void row_sf_store_due_for_disposal(void) {
    sf_disposal_due *i; size_t n; sf_retention_rule r = {SF_PROGRAMME_STRENGTHENING_FAMILIES, 7};
    NUL(sf_store_due_for_disposal(NULL, &n, store, &r, 1, 20300101)); NUL(sf_store_due_for_disposal(&i, NULL, store, &r, 1, 20300101));
    NUL(sf_store_due_for_disposal(&i, &n, NULL, &r, 1, 20300101)); NUL(sf_store_due_for_disposal(&i, &n, store, NULL, 1, 20300101));
    CHECK(sf_store_due_for_disposal(&i, &n, store, NULL, 0, 20300101) == SF_OK && n == 0 && i == NULL);
    r.years_after_closure = 0; CHECK_STATUS(SF_EINVAL, sf_store_due_for_disposal(&i, &n, store, &r, 1, 20300101));
    r.years_after_closure = 7; r.programme = 99; ERR(sf_store_due_for_disposal(&i, &n, store, &r, 1, 20300101));
    r.programme = SF_PROGRAMME_STRENGTHENING_FAMILIES; ERR(sf_store_due_for_disposal(&i, &n, store, &r, 1, 20301399));
}
static void row_sf_store_dispose(void) {
    sf_journal_head h; sf_retention_rule r = {SF_PROGRAMME_STRENGTHENING_FAMILIES, 7};
    NUL(sf_store_dispose(NULL, store, 1, &r, 1, 20400101, "w")); NUL(sf_store_dispose(&h, NULL, 1, &r, 1, 20400101, "w"));
    NUL(sf_store_dispose(&h, store, 1, NULL, 1, 20400101, "w")); NUL(sf_store_dispose(&h, store, 1, &r, 1, 20400101, NULL));
    CHECK_STATUS(SF_ENOTFOUND, sf_store_dispose(&h, store, 424242, &r, 1, 20400101, "w"));
    CHECK_STATUS(SF_EUTF8, sf_store_dispose(&h, store, 1, &r, 1, 20400101, bad_utf8));
}
static void row_sf_case_open_encrypted(void) { sf_case *c; NUL(sf_case_open_encrypted(NULL, dir, 1, ref, "w", t0)); NUL(sf_case_open_encrypted(&c, NULL, 1, ref, "w", t0)); NUL(sf_case_open_encrypted(&c, dir, 1, NULL, "w", t0)); NUL(sf_case_open_encrypted(&c, dir, 1, ref, NULL, t0)); ERR(sf_case_open_encrypted(&c, dir, 0, ref, "w", t0)); CHECK_STATUS(SF_EUTF8, sf_case_open_encrypted(&c, dir, 1, ref, bad_utf8, t0)); }
static void row_sf_case_is_encrypted(void) { int v; NUL(sf_case_is_encrypted(NULL, kase)); NUL(sf_case_is_encrypted(&v, NULL)); CHECK(sf_case_is_encrypted(&v, kase) == SF_OK && v == 0); }
static void row_sf_store_migrate(void) {
    int v = 0;
    NUL(sf_store_migrate(NULL, ":memory:", NULL)); NUL(sf_store_migrate(&v, NULL, NULL));
    CHECK_STATUS(SF_EUTF8, sf_store_migrate(&v, bad_utf8, NULL));
    CHECK_STATUS(SF_EINVAL, sf_store_migrate(&v, "dbname='unterminated", NULL));
    CHECK_STATUS(SF_EIO, sf_store_migrate(&v, "host=/no/such/dir dbname=x connect_timeout=2", NULL));
    CHECK_STATUS(SF_OK, sf_store_migrate(&v, ":memory:", NULL)); CHECK(v == 4);
}
static void row_sf_store_follow(void) { NUL(sf_store_follow(NULL)); CHECK_STATUS(SF_EINVAL, sf_store_follow(store)); }
static void row_sf_store_next_change(void) {
    int found; uint64_t id, v;
    NUL(sf_store_next_change(NULL, &id, &v, store, 0)); NUL(sf_store_next_change(&found, NULL, &v, store, 0));
    NUL(sf_store_next_change(&found, &id, NULL, store, 0)); NUL(sf_store_next_change(&found, &id, &v, NULL, 0));
    CHECK_STATUS(SF_EINVAL, sf_store_next_change(&found, &id, &v, store, 0)); CHECK(found == 0);
}
static void row_sf_fhir_consent(void) {
    char *s;
    NUL(sf_fhir_consent(NULL, kase, dir, 1, NULL)); NUL(sf_fhir_consent(&s, NULL, dir, 1, NULL)); NUL(sf_fhir_consent(&s, kase, NULL, 1, NULL));
    CHECK_STATUS(SF_ENOTFOUND, sf_fhir_consent(&s, kase, dir, 99999, NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_fhir_consent(&s, kase, dir, 1, "{"));
    CHECK_STATUS(SF_EUTF8, sf_fhir_consent(&s, kase, dir, 1, bad_utf8));
}
static void row_sf_fhir_consents(void) {
    char *s;
    NUL(sf_fhir_consents(NULL, kase, dir, 1, NULL)); NUL(sf_fhir_consents(&s, NULL, dir, 1, NULL)); NUL(sf_fhir_consents(&s, kase, NULL, 1, NULL));
    CHECK_STATUS(SF_ENOTFOUND, sf_fhir_consents(&s, kase, dir, 99999, NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_fhir_consents(&s, kase, dir, 1, "[]"));
}
static void row_sf_fhir_audit_events(void) {
    char *s;
    NUL(sf_fhir_audit_events(NULL, kase, dir, NULL)); NUL(sf_fhir_audit_events(&s, NULL, dir, NULL)); NUL(sf_fhir_audit_events(&s, kase, NULL, NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_fhir_audit_events(&s, kase, dir, "{\"nhi\": 1}"));
}
static void row_sf_fhir_import_consents(void) {
    uint32_t *ids; size_t n;
    NUL(sf_fhir_import_consents(NULL, &n, kase, dir, "w", t0, "{}", NULL)); NUL(sf_fhir_import_consents(&ids, NULL, kase, dir, "w", t0, "{}", NULL));
    NUL(sf_fhir_import_consents(&ids, &n, NULL, dir, "w", t0, "{}", NULL)); NUL(sf_fhir_import_consents(&ids, &n, kase, NULL, "w", t0, "{}", NULL));
    NUL(sf_fhir_import_consents(&ids, &n, kase, dir, NULL, t0, "{}", NULL)); NUL(sf_fhir_import_consents(&ids, &n, kase, dir, "w", t0, NULL, NULL));
    CHECK_STATUS(SF_EUTF8, sf_fhir_import_consents(&ids, &n, kase, dir, bad_utf8, t0, "{}", NULL));
    CHECK_STATUS(SF_EUTF8, sf_fhir_import_consents(&ids, &n, kase, dir, "w", t0, bad_utf8, NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_fhir_import_consents(&ids, &n, kase, dir, "w", t0, "{\"resourceType\": ", NULL));
    CHECK_STATUS(SF_EMALFORMED, sf_fhir_import_consents(&ids, &n, kase, dir, "w", t0, "{\"resourceType\": \"Patient\"}", NULL));
    ERR(sf_fhir_import_consents(&ids, &n, kase, dir, "w", -99999999999LL, "{}", NULL));
    CHECK(ids == NULL && n == 0);
}
static void row_sf_store_close(void) { NUL(sf_store_close(NULL)); }
static void row_sf_store_free(void) { sf_store_free(NULL); /* allowed: does nothing */ }
static void row_sf_store_append(void) { sf_journal_head h; NUL(sf_store_append(NULL, store, kase, 0)); NUL(sf_store_append(&h, NULL, kase, 0)); NUL(sf_store_append(&h, store, NULL, 0)); ERR(sf_store_append(&h, store, kase, 99999)); }
static void row_sf_store_load(void) { sf_case *c; NUL(sf_store_load(NULL, store, 1)); NUL(sf_store_load(&c, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_store_load(&c, store, 424242)); ERR(sf_store_load(&c, store, 0)); }
static void row_sf_store_version(void) { uint64_t v; NUL(sf_store_version(NULL, store, 1)); NUL(sf_store_version(&v, NULL, 1)); ERR(sf_store_version(&v, store, 0)); }
static void row_sf_store_size(void) { uint64_t v; NUL(sf_store_size(NULL, store)); NUL(sf_store_size(&v, NULL)); }
static void row_sf_store_list(void) { sf_case_summary *i; size_t n; sf_case_query q = {99, -1, 0, 0}; NUL(sf_store_list(NULL, &n, store, NULL)); NUL(sf_store_list(&i, NULL, store, NULL)); NUL(sf_store_list(&i, &n, NULL, NULL)); ERR(sf_store_list(&i, &n, store, &q)); q.state = -1; q.overdue_on = 5; ERR(sf_store_list(&i, &n, store, &q)); }
static int count_case(void *user, const sf_case *c) { (void)c; ++*(int *)user; return 0; }
static void row_sf_store_each(void) {
    uint64_t n; int seen = 0; sf_case_query q = {99, -1, 0, 0};
    NUL(sf_store_each(NULL, store, NULL, count_case, &seen)); NUL(sf_store_each(&n, NULL, NULL, count_case, &seen));
    NUL(sf_store_each(&n, store, NULL, NULL, &seen)); ERR(sf_store_each(&n, store, &q, count_case, &seen));
    q.state = -1; q.overdue_on = 5; ERR(sf_store_each(&n, store, &q, count_case, &seen)); CHECK(seen == 0);
}
static void row_sf_case_person(void) { const char *k; NUL(sf_case_person(&k, NULL, NULL, NULL, 1)); CHECK_STATUS(SF_ENOTFOUND, sf_case_person(&k, NULL, NULL, kase, 999)); CHECK_STATUS(SF_OK, sf_case_person(NULL, NULL, NULL, kase, 1)); }
static void row_sf_store_person_cases(void) { sf_person_case *i; size_t n; NUL(sf_store_person_cases(NULL, &n, store, "k")); NUL(sf_store_person_cases(&i, NULL, store, "k")); NUL(sf_store_person_cases(&i, &n, NULL, "k")); NUL(sf_store_person_cases(&i, &n, store, NULL)); CHECK_STATUS(SF_EUTF8, sf_store_person_cases(&i, &n, store, bad_utf8)); }
static void row_sf_store_siblings(void) { sf_sibling *i; size_t n; NUL(sf_store_siblings(NULL, &n, store, "k")); NUL(sf_store_siblings(&i, NULL, store, "k")); NUL(sf_store_siblings(&i, &n, NULL, "k")); NUL(sf_store_siblings(&i, &n, store, NULL)); CHECK_STATUS(SF_EUTF8, sf_store_siblings(&i, &n, store, bad_utf8)); }
static void row_sf_store_access_response(void) { char *md; NUL(sf_store_access_response(NULL, store, "k", NULL)); NUL(sf_store_access_response(&md, NULL, "k", NULL)); NUL(sf_store_access_response(&md, store, NULL, NULL)); CHECK_STATUS(SF_EUTF8, sf_store_access_response(&md, store, bad_utf8, NULL)); }
static void row_sf_store_checkpoint(void) { sf_kept_head *k; size_t n; NUL(sf_store_checkpoint(NULL, &n, store)); NUL(sf_store_checkpoint(&k, NULL, store)); NUL(sf_store_checkpoint(&k, &n, NULL)); }
static void row_sf_store_verify(void) { size_t n; NUL(sf_store_verify(NULL, NULL, store, NULL, 0)); NUL(sf_store_verify(&n, NULL, NULL, NULL, 0)); NUL(sf_store_verify(&n, NULL, store, NULL, 3)); }
static void row_sf_store_reseal(void) { uint64_t n; NUL(sf_store_reseal(NULL, store)); NUL(sf_store_reseal(&n, NULL)); CHECK_STATUS(SF_EKEY, sf_store_reseal(&n, store)); }
static void row_sf_store_put_directory(void) { NUL(sf_store_put_directory(NULL, dir)); NUL(sf_store_put_directory(store, NULL)); }
static void row_sf_store_directory(void) { sf_directory *d; NUL(sf_store_directory(NULL, store)); NUL(sf_store_directory(&d, NULL)); CHECK_STATUS(SF_ENOTFOUND, sf_store_directory(&d, store)); }

#define ROW(fn) {#fn, row_##fn}
static const struct row {
    const char *name;
    void (*run)(void);
} rows[] = {
    ROW(sf_version_string), ROW(sf_version_number), ROW(sf_error_last), ROW(sf_error_last_code), ROW(sf_status_name),
    ROW(sf_state_name), ROW(sf_referral_source_name), ROW(sf_free), ROW(sf_enum_name), ROW(sf_enum_label),
    ROW(sf_lifecycle_row_count), ROW(sf_lifecycle_row), ROW(sf_event_type_kind), ROW(sf_clock_set),
    ROW(sf_directory_new), ROW(sf_directory_free), ROW(sf_directory_add_agency), ROW(sf_directory_find_agency),
    ROW(sf_directory_agency_name), ROW(sf_directory_add_practitioner), ROW(sf_directory_practitioner),
    ROW(sf_directory_counts), ROW(sf_directory_save), ROW(sf_directory_load),
    ROW(sf_referral_new), ROW(sf_referral_free), ROW(sf_referral_set_agency), ROW(sf_referral_add_reason),
    ROW(sf_referral_set_programme), ROW(sf_referral_set_site), ROW(sf_referral_set_local_group),
    ROW(sf_case_open), ROW(sf_case_open_encrypted), ROW(sf_case_is_encrypted), ROW(sf_case_free), ROW(sf_case_state), ROW(sf_case_id), ROW(sf_case_referral),
    ROW(sf_case_family_name), ROW(sf_case_event_count),
    ROW(sf_case_accept_referral), ROW(sf_case_decline_referral), ROW(sf_case_add_member), ROW(sf_case_record_consent),
    ROW(sf_case_withdraw_consent), ROW(sf_case_assign_roles), ROW(sf_case_start_preparation), ROW(sf_case_set_priorities),
    ROW(sf_case_approve_invitee), ROW(sf_case_withdraw_invitee), ROW(sf_case_schedule_meeting), ROW(sf_case_schedule_review),
    ROW(sf_case_hold_meeting), ROW(sf_case_agree_plan), ROW(sf_case_revise_plan), ROW(sf_case_update_action),
    ROW(sf_case_escalate), ROW(sf_case_start_closure), ROW(sf_case_submit_final_report), ROW(sf_case_close), ROW(sf_case_reopen),
    ROW(sf_case_give_sharing_consent), ROW(sf_case_withdraw_sharing_consent), ROW(sf_case_mark_confidential),
    ROW(sf_case_set_issue_areas), ROW(sf_case_adjust_necessity), ROW(sf_case_register_category), ROW(sf_case_set_consent_ages), ROW(sf_case_set_timeframes),
    ROW(sf_case_share_without_consent), ROW(sf_case_decline_request), ROW(sf_case_give_notice), ROW(sf_case_record_json),
    ROW(sf_meeting_new), ROW(sf_meeting_free), ROW(sf_meeting_add_invitee), ROW(sf_meeting_add_support_person),
    ROW(sf_meeting_set_details), ROW(sf_plan_new), ROW(sf_plan_from_case), ROW(sf_plan_free), ROW(sf_plan_set_roles),
    ROW(sf_plan_set_child), ROW(sf_plan_set_revision_reason), ROW(sf_plan_add_action), ROW(sf_plan_set_action_status), ROW(sf_plan_set_action_outcomes),
    ROW(sf_case_counts_get), ROW(sf_case_member), ROW(sf_case_meeting), ROW(sf_case_plan), ROW(sf_case_action),
    ROW(sf_case_roles), ROW(sf_case_timeframes), ROW(sf_case_refused), ROW(sf_case_event), ROW(sf_case_describe_event), ROW(sf_case_event_fields), ROW(sf_case_exit_reason), ROW(sf_case_final_report),
    ROW(sf_case_overdue), ROW(sf_case_next_deadline),
    ROW(sf_directory_agency_info), ROW(sf_directory_agency_former_name), ROW(sf_directory_rename_agency),
    ROW(sf_directory_set_child_welfare), ROW(sf_directory_add_site), ROW(sf_directory_set_site_targets), ROW(sf_directory_site),
    ROW(sf_directory_site_count), ROW(sf_directory_add_local_group), ROW(sf_directory_local_group),
    ROW(sf_directory_local_group_count), ROW(sf_directory_set_local_group), ROW(sf_directory_practitioner_group),
    ROW(sf_calendar_new), ROW(sf_calendar_free), ROW(sf_calendar_set_matariki), ROW(sf_calendar_add), ROW(sf_calendar_is_holiday),
    ROW(sf_calendar_is_working_day), ROW(sf_calendar_add_working_days), ROW(sf_calendar_working_days_between),
    ROW(sf_calendar_is_working_day_by), ROW(sf_calendar_add_working_days_by), ROW(sf_calendar_working_days_between_by),
    ROW(sf_working_day_rule_source), ROW(sf_privacy_response_due), ROW(sf_nhi_check), ROW(sf_case_update_member), ROW(sf_case_link_person), ROW(sf_case_person), ROW(sf_case_request_access), ROW(sf_case_decline_correction), ROW(sf_case_extend_access), ROW(sf_case_answer_access),
    ROW(sf_calendar_holiday_name),
    ROW(sf_case_decide), ROW(sf_case_decide_many), ROW(sf_case_check), ROW(sf_case_explain), ROW(sf_decision_reason),
    ROW(sf_case_notice), ROW(sf_case_view), ROW(sf_case_disclosure_counts), ROW(sf_case_category),
    ROW(sf_case_head), ROW(sf_case_verify), ROW(sf_case_save), ROW(sf_case_load), ROW(sf_case_save_encrypted), ROW(sf_case_load_encrypted), ROW(sf_case_access_request_count), ROW(sf_case_access_request),
    ROW(sf_case_access_withheld), ROW(sf_case_correction_statement_count), ROW(sf_case_correction_statement), ROW(sf_case_disclosures_about), ROW(sf_case_upgrade_v1),
    ROW(sf_store_open), ROW(sf_store_open_encrypted), ROW(sf_store_close), ROW(sf_store_free), ROW(sf_store_append), ROW(sf_store_load), ROW(sf_store_version),
    ROW(sf_store_size), ROW(sf_store_list), ROW(sf_store_person_cases), ROW(sf_store_siblings), ROW(sf_store_access_response), ROW(sf_store_each), ROW(sf_store_checkpoint), ROW(sf_store_verify),
    ROW(sf_store_reseal), ROW(sf_store_rewrap), ROW(sf_store_record_identified_extract), ROW(sf_store_due_for_disposal), ROW(sf_store_dispose), ROW(sf_store_put_directory), ROW(sf_store_directory),
    ROW(sf_store_migrate), ROW(sf_store_follow), ROW(sf_store_next_change),
    ROW(sf_case_table_csv), ROW(sf_store_table_csv),
    ROW(sf_fhir_consent), ROW(sf_fhir_consents), ROW(sf_fhir_audit_events), ROW(sf_fhir_import_consents),
};

static int has_row(const char *name) {
    size_t i;
    for (i = 0; i < sizeof rows / sizeof rows[0]; ++i)
        if (strcmp(rows[i].name, name) == 0) return 1;
    return 0;
}

int main(int argc, char **argv) {
    size_t i;
    int exported = 0;
    char cmd[4096], line[512];
    FILE *nm;
    if (argc < 2) {
        fprintf(stderr, "usage: %s path/to/libsfcore_c.so\n", argv[0]);
        return 2;
    }
    /* Every exported function has a row. */
    snprintf(cmd, sizeof cmd, "nm -D --defined-only '%s'", argv[1]);
    nm = popen(cmd, "r");
    CHECK(nm != NULL);
    while (nm && fgets(line, sizeof line, nm)) {
        char *sym = strrchr(line, ' ');
        if (!sym) continue;
        ++sym;
        sym[strcspn(sym, "\n")] = 0;
        if (strncmp(sym, "sf_", 3) != 0) continue;
        ++exported;
        if (!has_row(sym)) {
            fprintf(stderr, "exported function without a row: %s\n", sym);
            CHECK(0);
        }
    }
    if (nm) CHECK(pclose(nm) == 0);
    CHECK((size_t)exported == sizeof rows / sizeof rows[0]);

    /* Objects for the rows to pass beside their NULL and invalid arguments. */
    CHECK_STATUS(SF_OK, sf_directory_new(&dir));
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20260302, "Te Rangi wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_case_open(&kase, dir, 1, ref, "c", t0));
    CHECK_STATUS(SF_OK, sf_meeting_new(&meeting, t0 + 86400, "marae"));
    CHECK_STATUS(SF_OK, sf_plan_new(&plan));
    CHECK_STATUS(SF_OK, sf_plan_add_action(NULL, plan, "an action", msd, 0, 0, NULL));
    {
        sf_outcome o;
        CHECK_STATUS(SF_OK, sf_case_accept_referral(&o, kase, dir, "c", t0 + 60, 0, NULL));
        CHECK_STATUS(SF_OK, sf_case_add_member(&o, kase, dir, "c", t0 + 120, "Hine", SF_MEMBER_ROLE_PARENT_CAREGIVER, 19880514, 1));
    }
    CHECK_STATUS(SF_OK, sf_store_open(&store, ":memory:", NULL));

    for (i = 0; i < sizeof rows / sizeof rows[0]; ++i) rows[i].run();

    sf_store_free(store);
    sf_plan_free(plan);
    sf_meeting_free(meeting);
    sf_case_free(kase);
    sf_referral_free(ref);
    sf_directory_free(dir);
    printf("%d exported functions, %d rows\n", exported, (int)(sizeof rows / sizeof rows[0]));
    return check_summary();
}
