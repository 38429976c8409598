/* The C ABI end to end (C11, POSIX threads): a case through its lifecycle, the transition
   table, disclosure, archives, the store, and per-thread errors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "check.h"
#include "sfcore.h"

static const int64_t t0 = 1772395200; /* 2026-03-02 09:00 in Auckland */
static const int64_t hour = 3600, day = 86400;

static sf_directory *dir;
static uint32_t worker;

#define ACCEPTED(call)                                                           \
    do {                                                                          \
        sf_outcome o_;                                                            \
        int rc_ = (call);                                                         \
        CHECK(rc_ == SF_OK);                                                      \
        if (rc_ == SF_OK && !o_.accepted) fprintf(stderr, "refused: %s\n", o_.reason); \
        CHECK(rc_ == SF_OK && o_.accepted);                                       \
    } while (0)
#define O &o_

/* A case driven to an active plan. */
/* Hine's (member 1's) consent to share her housing information with @p to,
   for the meeting, for 2026. */
static sf_consent housing_consent(const sf_recipient *to) {
    sf_consent k;
    memset(&k, 0, sizeof k);
    k.subject = 1;
    k.given_by = 1;
    k.recipients = to;
    k.recipient_count = 1;
    k.categories = 1ull << SF_CATEGORY_HOUSING;
    k.purposes = 1u << SF_PURPOSE_MEETING;
    k.from = 20260101;
    k.until = 20261231;
    k.signed_on = 20260302;
    k.form_version = "v";
    return k;
}

/* A request from @p to to itself for the housing information of the member @p *who, for the meeting, at @p at. */
static sf_request housing_request(const uint32_t *who, sf_recipient to, int64_t at) {
    sf_request r;
    memset(&r, 0, sizeof r);
    r.discloser = to;
    r.subjects = who;
    r.subject_count = 1;
    r.category = SF_CATEGORY_HOUSING;
    r.recipient = to;
    r.purpose = SF_PURPOSE_MEETING;
    r.at = at;
    return r;
}

/* A visitor that counts the cases it is given (in *user). */
static int count_visits(void *user, const sf_case *c) {
    (void)c;
    ++*(int *)user;
    return 0;
}

static sf_case *active_case(uint64_t id) {
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    sf_meeting *m = NULL;
    sf_plan *p = NULL;
    const sf_party msd = {SF_PARTY_KIND_AGENCY, SF_AGENCY_MSD}, hine = {SF_PARTY_KIND_MEMBER, 1};
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20260302, "Te Rangi wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_case_open(&c, dir, id, ref, "c", t0));
    ACCEPTED(sf_case_accept_referral(O, c, dir, "c", t0 + hour, 0, NULL));
    ACCEPTED(sf_case_add_member(O, c, dir, "c", t0 + hour, "Hine", SF_MEMBER_ROLE_PARENT_CAREGIVER, 19880514, 1));
    ACCEPTED(sf_case_add_member(O, c, dir, "c", t0 + hour, "Tama", SF_MEMBER_ROLE_CHILD, 20150801, 1));
    ACCEPTED(sf_case_record_consent(O, c, dir, "c", t0 + 2 * hour, 1, 20260302, "SF-2024", 0, NULL));
    ACCEPTED(sf_case_assign_roles(O, c, dir, "c", t0 + 2 * hour, worker, 0, 0, NULL));
    ACCEPTED(sf_case_start_preparation(O, c, dir, "c", t0 + 3 * hour));
    ACCEPTED(sf_case_approve_invitee(O, c, dir, "c", t0 + 3 * hour, msd));
    CHECK_STATUS(SF_OK, sf_meeting_new(&m, t0 + 7 * day, "marae"));
    CHECK_STATUS(SF_OK, sf_meeting_add_invitee(m, msd));
    ACCEPTED(sf_case_schedule_meeting(O, c, dir, "c", t0 + 4 * hour, m));
    ACCEPTED(sf_case_hold_meeting(O, c, dir, "c", t0 + 7 * day + hour, 1, &hine, 1));
    CHECK_STATUS(SF_OK, sf_plan_new(&p));
    CHECK_STATUS(SF_OK, sf_plan_set_roles(p, SF_AGENCY_MSD, worker));
    CHECK_STATUS(SF_OK, sf_plan_add_action(NULL, p, "Budget advice", msd, 20260410, SF_SUPPORT_TYPE_BUDGET_ADVICE, "rent"));
    ACCEPTED(sf_case_agree_plan(O, c, dir, "c", t0 + 7 * day + 2 * hour, p));
    sf_plan_free(p);
    sf_meeting_free(m);
    sf_referral_free(ref);
    return c;
}

struct seen_cases {
    int count;
    uint64_t last_id;
};
static int see_case(void *user, const sf_case *c) {
    struct seen_cases *seen = (struct seen_cases *)user;
    ++seen->count;
    return sf_case_id(&seen->last_id, c) != SF_OK;  /* go on while the case reads */
}

static void test_lifecycle(void) {
    sf_case *c = active_case(1);
    sf_case_counts n;
    sf_member_info mi;
    sf_plan_info pi;
    sf_action_info ai;
    sf_meeting_info meet;
    sf_event_info ev;
    sf_outcome o;
    sf_overdue_item *items = NULL;
    size_t count = 0;
    int state = -1, reason = 0;
    int32_t deadline = 0;
    const char *name = NULL;
    char *line = NULL;
    sf_plan *rev = NULL;

    CHECK_STATUS(SF_OK, sf_case_state(&state, c));
    CHECK(state == SF_STATE_PLAN_ACTIVE);
    CHECK_STATUS(SF_OK, sf_case_counts_get(&n, c));
    CHECK(n.members == 2 && n.meetings == 1 && n.plans == 1 && n.approved == 1 && n.events == 11);
    CHECK_STATUS(SF_OK, sf_case_member(&mi, &name, c, 2));
    CHECK(mi.role == SF_MEMBER_ROLE_CHILD && mi.born == 20150801 && strcmp(name, "Tama") == 0 && !mi.consented);
    /* A correction the person asked for: the name and date of birth change, the role is kept. */
    CHECK_STATUS(SF_OK, sf_case_update_member(&o, c, dir, "c", t0 + 8 * day, 2, "Tama Te Rangi", -1, 20150802,
                                              "a correction the family asked for"));
    CHECK(o.accepted);
    CHECK_STATUS(SF_OK, sf_case_member(&mi, &name, c, 2));
    CHECK(mi.role == SF_MEMBER_ROLE_CHILD && mi.born == 20150802 && strcmp(name, "Tama Te Rangi") == 0);
    CHECK_STATUS(SF_EINVAL, sf_case_update_member(&o, c, dir, "c", t0 + 8 * day, 2, NULL, -1, 0, "nothing"));
    CHECK_STATUS(SF_EINVAL, sf_case_update_member(&o, c, dir, "c", t0 + 8 * day, 2, "Tama", -1, 0, " "));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_update_member(&o, c, dir, "c", t0 + 8 * day, 9, "Tama", -1, 0, "typo"));
    CHECK_STATUS(SF_OK, sf_case_meeting(&meet, NULL, c, 1));
    CHECK(meet.held && meet.kind == SF_MEETING_KIND_INITIAL && meet.attendance_count == 1);
    CHECK_STATUS(SF_OK, sf_case_plan(&pi, c, 0));
    CHECK(pi.version == 1 && pi.lead_agency == SF_AGENCY_MSD && pi.key_contact == worker && pi.action_count == 1);
    CHECK_STATUS(SF_OK, sf_case_action(&ai, &name, c, 0, 0));
    CHECK(ai.id == 1 && ai.due == 20260410 && ai.owner.kind == SF_PARTY_KIND_AGENCY && strcmp(name, "Budget advice") == 0);
    CHECK_STATUS(SF_OK, sf_case_event(&ev, &name, c, 0));
    CHECK(ev.type == SF_EVENT_TYPE_REFERRAL_RECEIVED && ev.when == t0 && strcmp(name, "c") == 0);
    CHECK_STATUS(SF_OK, sf_case_describe_event(&line, c, dir, 1));
    CHECK(line && strlen(line) > 0);
    sf_free(line);

    /* Overdue on 2026-04-21: the action due 04-10. */
    CHECK_STATUS(SF_OK, sf_case_overdue(&items, &count, c, 20260421, NULL));
    CHECK(count >= 1 && items[count - 1].kind == SF_OVERDUE_KIND_ACTION && items[count - 1].action_id == 1);
    sf_free(items);
    CHECK_STATUS(SF_OK, sf_case_next_deadline(&deadline, c, NULL));
    CHECK(deadline == 20260410);

    /* A revision: copy, change, offer. Without a reason it is refused, and nothing changes. */
    CHECK_STATUS(SF_OK, sf_plan_from_case(&rev, c, 0));
    CHECK_STATUS(SF_OK, sf_plan_set_action_status(rev, 0, SF_ACTION_STATUS_IN_PROGRESS));
    CHECK_STATUS(SF_OK, sf_case_revise_plan(&o, c, dir, "c", t0 + 8 * day, rev));
    CHECK(!o.accepted && o.guard == SF_GUARD_REVISION_REASON && strlen(o.reason) > 0);
    CHECK(o.from_state == SF_STATE_PLAN_ACTIVE && o.to_state == SF_STATE_PLAN_ACTIVE);
    CHECK_STATUS(SF_OK, sf_plan_set_revision_reason(rev, "moved house"));
    ACCEPTED(sf_case_revise_plan(O, c, dir, "c", t0 + 8 * day, rev));
    sf_plan_free(rev);
    CHECK_STATUS(SF_OK, sf_case_plan(&pi, c, 0));
    CHECK(pi.version == 2);

    /* The plan's actions name the outcome areas they serve. */
    {
        sf_plan *next = NULL;
        CHECK_STATUS(SF_OK, sf_plan_from_case(&next, c, 0));
        CHECK_STATUS(SF_OK, sf_plan_set_action_outcomes(next, 0, (1u << SF_OUTCOME_AREA_STRONGER_WHANAU) | (1u << SF_OUTCOME_AREA_SERVICES_KNOWN)));
        CHECK_STATUS(SF_OK, sf_plan_set_revision_reason(next, "the family named what each action is for"));
        ACCEPTED(sf_case_revise_plan(O, c, dir, "c", t0 + 8 * day, next));
        sf_plan_free(next);
        CHECK_STATUS(SF_OK, sf_case_action(&ai, NULL, c, 0, 0));
        CHECK(ai.outcome_areas == ((1u << SF_OUTCOME_AREA_STRONGER_WHANAU) | (1u << SF_OUTCOME_AREA_SERVICES_KNOWN)));
        CHECK(ai.status == SF_ACTION_STATUS_IN_PROGRESS);
    }

    /* Reviews: inside the case's window (28-42 days after the meeting), or outside it with a reason. */
    {
        int initial = 0, earliest = 0, latest = 0;
        sf_meeting *review = NULL;
        sf_party *refused = NULL;
        const sf_party msd = {SF_PARTY_KIND_AGENCY, SF_AGENCY_MSD};
        CHECK_STATUS(SF_OK, sf_case_timeframes(&initial, &earliest, &latest, c));
        CHECK(initial == 15 && earliest == 28 && latest == 42);
        ACCEPTED(sf_case_set_timeframes(O, c, dir, "c", t0 + 8 * day, 15, 21, 35));
        CHECK_STATUS(SF_OK, sf_case_timeframes(NULL, &earliest, NULL, c));
        CHECK(earliest == 21);
        CHECK_STATUS(SF_ERANGE, sf_case_set_timeframes(&o, c, dir, "c", t0 + 8 * day, 15, 40, 35));
        CHECK_STATUS(SF_OK, sf_meeting_new(&review, t0 + 7 * day + 50 * day, "marae"));
        CHECK_STATUS(SF_OK, sf_case_schedule_review(&o, c, dir, "c", t0 + 8 * day, review, NULL));
        CHECK(!o.accepted && o.guard == SF_GUARD_REVIEW_WINDOW);
        CHECK_STATUS(SF_EUTF8, sf_case_schedule_review(&o, c, dir, "c", t0 + 8 * day, review, "\xC3\x28"));
        ACCEPTED(sf_case_schedule_review(O, c, dir, "c", t0 + 8 * day, review, "the family asked"));
        CHECK_STATUS(SF_OK, sf_case_counts_get(&n, c));
        CHECK_STATUS(SF_OK, sf_case_describe_event(&line, c, dir, n.events - 1));
        CHECK(line && strstr(line, "outside the window: the family asked") != NULL);
        sf_free(line);
        sf_meeting_free(review);
        /* The family withdraws its approval of MSD: MSD can no longer be named to lead. */
        ACCEPTED(sf_case_withdraw_invitee(O, c, dir, "c", t0 + 8 * day, msd));
        CHECK_STATUS(SF_OK, sf_case_refused(&refused, &count, c));
        CHECK(count == 1 && refused[0].kind == SF_PARTY_KIND_AGENCY && refused[0].id == SF_AGENCY_MSD);
        sf_free(refused);
        CHECK_STATUS(SF_OK, sf_case_assign_roles(&o, c, dir, "c", t0 + 8 * day, 0, SF_AGENCY_MSD, 0, NULL));
        CHECK(!o.accepted && o.guard == SF_GUARD_FAMILY_REFUSED);
    }

    /* Escalation closes the case; a later event is refused (a value, not an error). */
    ACCEPTED(sf_case_escalate(O, c, dir, "c", t0 + 9 * day, "safety concern"));
    CHECK_STATUS(SF_OK, sf_case_exit_reason(&reason, c));
    CHECK(reason == SF_EXIT_REASON_ESCALATED);
    CHECK_STATUS(SF_OK, sf_case_update_action(&o, c, dir, "c", t0 + 10 * day, 1, SF_ACTION_STATUS_DONE, NULL));
    CHECK(!o.accepted && o.guard == SF_GUARD_NO_TRANSITION);
    /* An event earlier than the last is bad input. */
    CHECK_STATUS(SF_EINVAL, sf_case_reopen(&o, c, dir, "c", t0, "again"));
    ACCEPTED(sf_case_reopen(O, c, dir, "c", t0 + 11 * day, "again"));
    sf_case_free(c);
}

static void test_registries(void) {
    uint32_t team = 0, group = 0, got = 0;
    size_t sites = 0, groups = 0;
    const char *name = NULL;
    int prog = 0, families = 0, children = 0;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    CHECK_STATUS(SF_OK, sf_directory_site_count(&sites, dir));
    CHECK(sites >= 4);
    CHECK_STATUS(SF_OK, sf_directory_site(&name, &prog, &families, &children, dir, 2));
    CHECK(strcmp(name, "Tokoroa") == 0 && prog == SF_PROGRAMME_INTENSIVE_INTERVENTION && families == 0);
    CHECK_STATUS(SF_OK, sf_directory_add_site(&team, dir, SF_PROGRAMME_CHILDRENS_TEAM, "Whang\xC4\x81rei", 50, 120));
    CHECK_STATUS(SF_OK, sf_directory_set_site_targets(dir, 2, 30, 80));
    CHECK_STATUS(SF_OK, sf_directory_site(&name, NULL, &families, &children, dir, 2));
    CHECK(families == 30 && children == 80);
    CHECK_STATUS(SF_OK, sf_directory_add_local_group(&group, dir, "Whang\xC4\x81rei Local Management Group"));
    CHECK_STATUS(SF_OK, sf_directory_local_group_count(&groups, dir));
    CHECK(groups >= 1);
    CHECK_STATUS(SF_OK, sf_directory_local_group(&name, dir, group));
    CHECK(strncmp(name, "Whang", 5) == 0);
    CHECK_STATUS(SF_OK, sf_directory_set_local_group(dir, worker, group));
    CHECK_STATUS(SF_OK, sf_directory_practitioner_group(&got, dir, worker));
    CHECK(got == group);
    /* A Children's Team referral names its registered team and its group; an unknown team is refused. */
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20260302, "Te Rangi wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_referral_set_programme(ref, SF_PROGRAMME_CHILDRENS_TEAM));
    CHECK_STATUS(SF_OK, sf_referral_set_site(ref, "Atlantis"));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_open(&c, dir, 77, ref, "c", t0));
    CHECK_STATUS(SF_OK, sf_referral_set_site(ref, "Whang\xC4\x81rei"));
    CHECK_STATUS(SF_OK, sf_referral_set_local_group(ref, group));
    CHECK_STATUS(SF_OK, sf_case_open(&c, dir, 77, ref, "c", t0));
    sf_case_free(c);
    CHECK_STATUS(SF_OK, sf_referral_set_local_group(ref, 999));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_open(&c, dir, 78, ref, "c", t0));
    sf_referral_free(ref);
}

static void test_table_and_names(void) {
    size_t rows = 0, i;
    sf_transition t;
    const char *s = NULL;
    int saw_reopen = 0;
    CHECK_STATUS(SF_OK, sf_lifecycle_row_count(&rows));
    CHECK(rows > 10);
    for (i = 0; i < rows; ++i) {
        CHECK_STATUS(SF_OK, sf_lifecycle_row(&t, i));
        if (t.event == SF_EVENT_TYPE_CASE_REOPENED) {
            saw_reopen = 1;
            CHECK(t.from_states == (1u << SF_STATE_CLOSED) && t.to_state == SF_STATE_AWAITING_CONSENT);
        }
    }
    CHECK(saw_reopen);
    CHECK_STATUS(SF_OK, sf_enum_name(&s, SF_ENUM_DECISION_RULE, SF_DECISION_RULE_CONFIDENTIAL));
    CHECK(strcmp(s, "confidential") == 0);
    CHECK_STATUS(SF_OK, sf_enum_label(&s, SF_ENUM_STATE, SF_STATE_PLAN_ACTIVE));
    CHECK(strcmp(s, "plan active") == 0);
    CHECK_STATUS(SF_OK, sf_enum_name(&s, SF_ENUM_LEGAL_BASIS, SF_LEGAL_BASIS_PRIVACY_IPP11));
    CHECK(strcmp(s, "privacy_ipp11") == 0);
    /* The names before 0.3.0 are the same values. */
    CHECK(SF_ROLE_CHILD == SF_MEMBER_ROLE_CHILD && SF_RULE_CONFIDENTIAL == SF_DECISION_RULE_CONFIDENTIAL);
    CHECK(SF_EVENT_CASE_REOPENED == SF_EVENT_TYPE_CASE_REOPENED && SF_WORKING_DAYS_PRIVACY_ACT == SF_WORKING_DAY_RULE_PRIVACY_ACT);
    CHECK(SF_PARTY_COUNT_ == SF_PARTY_KIND_COUNT_ && SF_BASIS_PRIVACY_IPP11 == SF_LEGAL_BASIS_PRIVACY_IPP11);
}

static void test_disclosure_archives_store(void) {
    sf_case *c = active_case(2), *back = NULL;
    sf_store *s = NULL, *s2 = NULL;
    const sf_recipient msd = {SF_AGENCY_MSD, 0}, police = {SF_AGENCY_POLICE, 0}, aroha = {SF_AGENCY_MSD, 0};
    const uint32_t hine = 1, tama = 2;
    sf_consent k;
    sf_request r;
    sf_decision d;
    sf_sharing sh;
    sf_declined dec;
    sf_info_item items[2];
    sf_outcome o;
    sf_disclosure_counts counts;
    sf_journal_head head, stored;
    int shown[2] = {9, 9}, ok = 0, regional = -1, areas[] = {SF_ISSUE_AREA_HOUSING};
    char *text = NULL, *reason = NULL;
    uint8_t *bytes = NULL;
    size_t size = 0;
    uint64_t v2 = 0;
    const char *reasons[] = {"s66J: not held"}, *label = NULL;
    sf_case_summary *list = NULL;
    sf_case_query q = {SF_STATE_PLAN_ACTIVE, -1, 0, 0};
    (void)aroha;

    ACCEPTED(sf_case_register_category(O, c, dir, "c", t0 + 8 * day, "whanau_ora", "Wh\xC4\x81nau Ora notes"));
    CHECK_STATUS(SF_OK, sf_case_register_category(&o, c, dir, "c", t0 + 8 * day, "whanau_ora2", "more notes"));
    regional = (int)o.assigned - 1;
    CHECK(regional == SF_CATEGORY_COUNT_);
    CHECK_STATUS(SF_OK, sf_case_category(NULL, &label, c, regional));
    CHECK(strcmp(label, "Wh\xC4\x81nau Ora notes") == 0);
    ACCEPTED(sf_case_set_issue_areas(O, c, dir, "c", t0 + 8 * day, areas, 1));
    k = housing_consent(&msd);
    CHECK_STATUS(SF_OK, sf_case_give_sharing_consent(&o, c, dir, "c", t0 + 8 * day + hour, &k));
    CHECK(o.accepted && o.assigned == 1 && o.seq > 0);
    /* A child does not consent for themselves: a refusal, a value. */
    k.subject = tama;
    k.given_by = tama;
    CHECK_STATUS(SF_OK, sf_case_give_sharing_consent(&o, c, dir, "c", t0 + 8 * day + hour, &k));
    CHECK(!o.accepted && o.guard == SF_GUARD_CONSENT_GIVER);
    /* An empty scope is bad input. */
    k.recipient_count = 0;
    CHECK_STATUS(SF_ECONSENT, sf_case_give_sharing_consent(&o, c, dir, "c", t0 + 8 * day + hour, &k));

    r = housing_request(&hine, msd, t0 + 9 * day);
    CHECK_STATUS(SF_OK, sf_case_decide(&d, c, dir, &r, "aroha"));
    CHECK(d.permit == 1 && d.rule == SF_DECISION_RULE_CONSENT && d.consent == 1 && d.seq > 0);
    r.recipient = police;
    CHECK_STATUS(SF_OK, sf_case_decide(&d, c, dir, &r, "constable"));
    CHECK(d.permit == 0 && d.rule == SF_DECISION_RULE_RECIPIENT_NOT_NAMED);
    {
        /* Whom Hine's information went to (IPP 7(4)): the permitted decision, not the refused one. */
        sf_member_disclosure *went = NULL;
        size_t went_count = 0;
        CHECK_STATUS(SF_OK, sf_case_disclosures_about(&went, &went_count, c, hine));
        CHECK(went_count == 1 && went && went[0].how == SF_EVENT_TYPE_DISCLOSURE_DECIDED && went[0].seq == d.seq - 1);
        CHECK(went_count == 1 && went[0].to.agency_id == msd.agency_id && went[0].category == SF_CATEGORY_HOUSING);
        CHECK(went_count == 1 && went[0].when == t0 + 9 * day);
        sf_free(went);
        CHECK_STATUS(SF_ENOTFOUND, sf_case_disclosures_about(&went, &went_count, c, 99));
        CHECK(went == NULL && went_count == 0);
    }
    CHECK_STATUS(SF_OK, sf_case_explain(&text, c, d.seq));
    CHECK(strcmp(text, "refused for member 1: the person's consent does not name this recipient") == 0);
    sf_free(text);
    CHECK_STATUS(SF_ENOTFOUND, sf_case_explain(&text, c, 1));  /* entry 1 is the referral */
    /* What the constable is told: nothing about anyone's consent. */
    CHECK_STATUS(SF_OK, sf_decision_reason(&text, c, &d));
    CHECK(strstr(text, "Disclosure is not permitted (reference 2/") == text && !strstr(text, "member"));
    sf_free(text);
    items[0].subjects = &hine;
    items[0].subject_count = 1;
    items[0].category = SF_CATEGORY_HOUSING;
    items[1] = items[0];
    items[1].category = SF_CATEGORY_HEALTH;
    CHECK_STATUS(SF_OK, sf_case_view(shown, c, dir, items, 2, msd, SF_PURPOSE_MEETING, t0 + 9 * day + hour, "aroha"));
    CHECK(shown[0] == 1 && shown[1] == 0);

    /* Many at once: the same decisions as one by one, each recorded. */
    {
        sf_request many[3];
        sf_decision out[3];
        size_t decided = 99;
        CHECK_STATUS(SF_OK, sf_case_disclosure_counts(&counts, c));
        const size_t before = counts.decisions;
        many[0] = r;
        many[1] = r;
        many[1].recipient = msd;
        many[2] = many[1];
        many[2].category = SF_CATEGORY_HEALTH;
        CHECK_STATUS(SF_OK, sf_case_decide_many(out, &decided, c, dir, many, 3, "aroha"));
        CHECK_STATUS(SF_OK, sf_case_disclosure_counts(&counts, c));
        CHECK(decided == 3 && counts.decisions == before + 3);
        CHECK(out[0].permit == 0 && out[0].rule == SF_DECISION_RULE_RECIPIENT_NOT_NAMED);
        CHECK(out[1].permit == 1 && out[1].consent == 1 && out[1].seq == out[0].seq + 1);
        CHECK(out[2].permit == 0);
        /* A bad request stops the batch where it stands: the one before it is recorded. */
        many[1].purpose = 42;
        CHECK(sf_case_decide_many(out, &decided, c, dir, many, 3, "aroha") == SF_EINVAL);
        CHECK(decided == 1 && out[0].rule == SF_DECISION_RULE_RECIPIENT_NOT_NAMED);
    }

    /* Withdrawal: later decisions deny; the past still permits. */
    ACCEPTED(sf_case_withdraw_sharing_consent(O, c, dir, "c", t0 + 10 * day, hine, &msd, -1, NULL));
    r.recipient = msd;
    r.at = t0 + 10 * day + hour;
    CHECK_STATUS(SF_OK, sf_case_check(&d, c, dir, &r));
    CHECK(d.permit == 0 && d.rule == SF_DECISION_RULE_WITHDRAWN && d.seq == 0);
    r.at = t0 + 9 * day;
    CHECK_STATUS(SF_OK, sf_case_check(&d, c, dir, &r));
    CHECK(d.permit == 1);

    memset(&sh, 0, sizeof sh);
    sh.subjects = &tama;
    sh.subject_count = 1;
    sh.category = SF_CATEGORY_CHILD_PROTECTION;
    sh.description = "attendance record";
    sh.discloser = msd;
    sh.recipient = police;
    sh.basis = SF_LEGAL_BASIS_OT_S66;
    sh.s66c = SF_S66C_PURPOSE_NONE;
    sh.purpose = "investigation";
    sh.approver = "manager";
    sh.necessity = "bears on safety";
    CHECK_STATUS(SF_OK, sf_case_share_without_consent(&o, c, dir, "aroha", t0 + 11 * day, &sh));
    CHECK(!o.accepted && o.guard == SF_GUARD_RECORD_COMPLETE && strcmp(o.missing, "requested_by,requester_role,not_told_reason") == 0);
    sh.requested_by = "Constable Rewi";
    sh.requester_role = 99;
    CHECK_STATUS(SF_EINVAL, sf_case_share_without_consent(&o, c, dir, "aroha", t0 + 11 * day, &sh));
    sh.requester_role = SF_S66_REQUESTER_CONSTABLE;
    sh.not_told_reason = "risk to Tama";
    ACCEPTED(sf_case_share_without_consent(O, c, dir, "aroha", t0 + 11 * day, &sh));
    /* s66C passes information between child welfare and protection agencies only: Inland Revenue is not one. */
    sh.basis = SF_LEGAL_BASIS_OT_S66C;
    sh.s66c = SF_S66C_PURPOSE_SUPPORT_PLAN;
    sh.requested_by = NULL;
    sh.requester_role = SF_S66_REQUESTER_NONE;
    sh.recipient.agency_id = SF_AGENCY_IRD;
    CHECK_STATUS(SF_OK, sf_case_share_without_consent(&o, c, dir, "aroha", t0 + 11 * day, &sh));
    CHECK(!o.accepted && o.guard == SF_GUARD_BASIS_ALLOWED && strstr(o.reason, "Inland Revenue") != NULL);

    memset(&dec, 0, sizeof dec);
    dec.requester = police;
    dec.subjects = &hine;
    dec.subject_count = 1;
    dec.category = SF_CATEGORY_HEALTH;
    dec.basis = SF_LEGAL_BASIS_OT_S66;
    dec.reasons = reasons;
    dec.reason_count = 1;
    dec.decided_by = "manager";
    ACCEPTED(sf_case_decline_request(O, c, dir, "manager", t0 + 12 * day, &dec));
    ACCEPTED(sf_case_give_notice(O, c, dir, "c", t0 + 12 * day, hine, SF_PURPOSE_MEETING));
    CHECK_STATUS(SF_OK, sf_case_notice(&text, c, dir, hine, SF_PURPOSE_MEETING, t0 + 12 * day));
    CHECK(strstr(text, "Kia ora Hine") == text);
    sf_free(text);

    CHECK_STATUS(SF_OK, sf_case_disclosure_counts(&counts, c));
    CHECK(counts.consents == 1 && counts.sharings == 1 && counts.declined == 1 && counts.notices == 1 &&
          counts.withdrawals == 1 && counts.views == 1 && counts.decisions >= 6 && counts.categories == SF_CATEGORY_COUNT_ + 2);

    /* The journal: its head, verified; an anchor it no longer holds is found. */
    CHECK_STATUS(SF_OK, sf_case_head(&head, c));
    CHECK_STATUS(SF_OK, sf_case_verify(&ok, &reason, c, &head));
    CHECK(ok == 1 && reason == NULL);
    {
        sf_journal_head later = head;
        later.seq += 5;
        CHECK_STATUS(SF_OK, sf_case_verify(&ok, &reason, c, &later));
        CHECK(ok == 0 && reason && strstr(reason, "removed or rolled back"));
        sf_free(reason);
        later = head;
        later.hash[0] ^= 1;
        CHECK_STATUS(SF_OK, sf_case_verify(&ok, NULL, c, &later));
        CHECK(ok == 0);
    }

    /* Archives: binary and text, sealed and not. */
    CHECK_STATUS(SF_OK, sf_case_save(&bytes, &size, c, SF_ENCODING_TEXT, NULL));
    CHECK_STATUS(SF_OK, sf_case_load(&back, bytes, size, NULL, 0));
    bytes[size - 1] ^= 1;
    {
        sf_case *damaged = NULL;
        CHECK_STATUS(SF_ECHECKSUM, sf_case_load(&damaged, bytes, size, NULL, 0));
        CHECK(damaged == NULL);
    }
    sf_free(bytes);
    {
        const uint8_t secret[32] = {7};
        const sf_key key = {"region-2026", secret, sizeof secret}, other = {"region-2027", secret, sizeof secret};
        sf_case *sealed = NULL;
        CHECK_STATUS(SF_OK, sf_case_save(&bytes, &size, c, SF_ENCODING_BINARY, &key));
        CHECK_STATUS(SF_EKEY, sf_case_load(&sealed, bytes, size, NULL, 0));
        CHECK_STATUS(SF_EKEY, sf_case_load(&sealed, bytes, size, &other, 1));
        CHECK_STATUS(SF_OK, sf_case_load(&sealed, bytes, size, &key, 1));
        sf_case_free(sealed);
        sf_free(bytes);
    }

    /* The store: two handles on one file; the one behind gets a conflict. */
    remove("capi-store.db");
    remove("capi-store.db-wal");
    remove("capi-store.db-shm");
    CHECK_STATUS(SF_OK, sf_store_open(&s, "capi-store.db", NULL));
    CHECK_STATUS(SF_OK, sf_store_open(&s2, "capi-store.db", NULL));
    CHECK_STATUS(SF_OK, sf_store_append(&stored, s, back, 0));
    CHECK(stored.seq == head.seq && memcmp(stored.hash, head.hash, 32) == 0);
    CHECK_STATUS(SF_ECONFLICT, sf_store_append(&stored, s2, back, 0));
    CHECK_STATUS(SF_OK, sf_store_list(&list, &size, s2, &q));
    CHECK(size == 1 && list[0].id == 2 && list[0].coordinator == worker && list[0].version == head.seq &&
          list[0].head.seq == head.seq);
    sf_free(list);
    {
        /* Every case in one pass, on this thread; the visitor can stop early. */
        struct seen_cases seen = {0, 0};
        uint64_t visited = 0;
        CHECK_STATUS(SF_OK, sf_store_each(&visited, s2, NULL, see_case, &seen));
        CHECK(visited == 1 && seen.count == 1 && seen.last_id == 2);
    }
    {
        sf_kept_head *kept = NULL;
        size_t n = 0, damaged = 99;
        CHECK_STATUS(SF_OK, sf_store_checkpoint(&kept, &n, s));
        CHECK(n == 1 && kept[0].case_id == 2 && kept[0].head.seq == head.seq);
        CHECK_STATUS(SF_OK, sf_store_verify(&damaged, &text, s, kept, n));
        CHECK(damaged == 0 && text == NULL);
        kept[0].head.seq += 1;  /* a head the store never held: as if it had been rolled back */
        CHECK_STATUS(SF_OK, sf_store_verify(&damaged, &text, s, kept, n));
        CHECK(damaged == 1 && text && strstr(text, "case 2:"));
        sf_free(text);
        sf_free(kept);
    }
    CHECK_STATUS(SF_OK, sf_store_size(&v2, s2));
    CHECK(v2 == 1);
    /* A closed store answers clearly, and can still be freed. */
    CHECK_STATUS(SF_OK, sf_store_close(s2));
    CHECK_STATUS(SF_ECLOSED, sf_store_size(&v2, s2));

    sf_store_free(s2);
    sf_store_free(s);
    sf_case_free(back);
    sf_case_free(c);
}

/* One case handle shared by threads: deciders and a writer at once, as the header allows. */
struct shared_case_run {
    sf_case *c;
    int deciders_done;
    int violations;
    int withdrawn_seen;
    pthread_mutex_t lock; /* guards the counts the threads add to */
};
static void *decider_thread(void *arg) {
    struct shared_case_run *run = (struct shared_case_run *)arg;
    const sf_recipient msd = {SF_AGENCY_MSD, 0};
    const uint32_t hine = 1;
    sf_request r;
    sf_decision d;
    sf_disclosure_counts counts;
    int i, seen = 0, violations = 0;
    r = housing_request(&hine, msd, t0 + 60 * day);
    for (i = 0; i < 3000; ++i) {
        if (sf_case_disclosure_counts(&counts, run->c) != SF_OK) ++violations;
        if (counts.withdrawals > 0) seen = 1;
        if ((i % 2 ? sf_case_decide(&d, run->c, dir, &r, "worker") : sf_case_check(&d, run->c, dir, &r)) != SF_OK) ++violations;
        if (seen && d.permit) ++violations;
    }
    pthread_mutex_lock(&run->lock);
    run->violations += violations;
    run->withdrawn_seen += seen;
    pthread_mutex_unlock(&run->lock);
    return NULL;
}

static void test_shared_case_threads(void) {
    struct shared_case_run run = {active_case(3), 0, 0, 0, PTHREAD_MUTEX_INITIALIZER};
    const sf_recipient msd = {SF_AGENCY_MSD, 0};
    const int areas[] = {SF_ISSUE_AREA_HOUSING};
    pthread_t t[4];
    int i, ok = 0;
    ACCEPTED(sf_case_set_issue_areas(O, run.c, dir, "c", t0 + 8 * day, areas, 1));
    sf_consent k = housing_consent(&msd);
    ACCEPTED(sf_case_give_sharing_consent(O, run.c, dir, "c", t0 + 8 * day, &k));
    for (i = 0; i < 4; ++i) CHECK(pthread_create(&t[i], NULL, decider_thread, &run) == 0);
    for (i = 0; i < 200; ++i) ACCEPTED(sf_case_update_action(O, run.c, dir, "c", t0 + 9 * day + i, 1, SF_ACTION_STATUS_IN_PROGRESS, "busy"));
    ACCEPTED(sf_case_withdraw_sharing_consent(O, run.c, dir, "c", t0 + 10 * day, 1, NULL, -1, NULL));
    for (i = 0; i < 4; ++i) pthread_join(t[i], NULL);
    CHECK(run.violations == 0);
    CHECK_STATUS(SF_OK, sf_case_verify(&ok, NULL, run.c, NULL));
    CHECK(ok == 1);
    sf_case_free(run.c);
}

/* One store handle shared by threads, closed while they use it: clear errors, no crash. */
static sf_store *shared_store;
static void *store_thread(void *arg) {
    int i, bad = 0;
    (void)arg;
    for (i = 0; i < 300; ++i) {
        uint64_t n = 0;
        const int rc = sf_store_size(&n, shared_store);
        if (rc != SF_OK && rc != SF_ECLOSED) ++bad;
    }
    return (void *)(intptr_t)bad;
}

static void test_shared_store_threads(void) {
    pthread_t t[3];
    int i, bad = 0;
    CHECK_STATUS(SF_OK, sf_store_open(&shared_store, ":memory:", NULL));
    for (i = 0; i < 3; ++i) CHECK(pthread_create(&t[i], NULL, store_thread, NULL) == 0);
    CHECK_STATUS(SF_OK, sf_store_close(shared_store));
    for (i = 0; i < 3; ++i) {
        void *r = NULL;
        pthread_join(t[i], &r);
        bad += (int)(intptr_t)r;
    }
    CHECK(bad == 0);
    sf_store_free(shared_store);
}

/* Errors are per thread: each thread sees its own last error. */
static void *error_thread(void *arg) {
    const int which = *(const int *)arg;
    int i, bad = 0;
    for (i = 0; i < 2000; ++i) {
        const char *s = NULL;
        if (which == 0) {
            if (sf_state_name(&s, 99) != SF_EINVAL) ++bad;
            if (sf_error_last_code() != SF_EINVAL || !strstr(sf_error_last(), "unknown state")) ++bad;
        } else {
            if (sf_case_state(NULL, NULL) != SF_ENULLARG) ++bad;
            if (sf_error_last_code() != SF_ENULLARG || !strstr(sf_error_last(), "NULL")) ++bad;
        }
    }
    return (void *)(intptr_t)bad;
}

static void test_threads(void) {
    pthread_t t[4];
    int which[4] = {0, 1, 0, 1}, i, bad = 0;
    for (i = 0; i < 4; ++i) CHECK(pthread_create(&t[i], NULL, error_thread, &which[i]) == 0);
    for (i = 0; i < 4; ++i) {
        void *r = NULL;
        pthread_join(t[i], &r);
        bad += (int)(intptr_t)r;
    }
    CHECK(bad == 0);
}

/* The calendar: Matariki to 2052 from the Act, a later year set by the host, regional days, and a store and a
   case that count their deadlines in it. */
static void test_calendar(void) {
    sf_calendar *cal = NULL;
    sf_store *st = NULL;
    sf_store_options opt;
    sf_case_summary *rows = NULL;
    size_t n = 0;
    char *name = NULL;
    int b = -1, days = 0;
    int32_t d = 0, plain = 0, regional = 0;
    sf_journal_head head;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    /* A case only referred: its next deadline is the initial meeting, 15 working days after the referral. */
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20260302, "Ng\xC4\x81ti wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_case_open(&c, dir, 7, ref, "c", t0));
    sf_referral_free(ref);
    CHECK_STATUS(SF_OK, sf_calendar_is_holiday(&b, NULL, 20520621));
    CHECK(b == 1); /* Matariki 2052, from the Act's schedule */
    CHECK_STATUS(SF_OK, sf_calendar_holiday_name(&name, NULL, 20520621));
    CHECK(name && strcmp(name, "Matariki") == 0);
    sf_free(name);
    CHECK_STATUS(SF_OK, sf_calendar_holiday_name(&name, NULL, 20220926));
    CHECK(name && strcmp(name, "Queen Elizabeth II Memorial Day") == 0);
    sf_free(name);
    CHECK_STATUS(SF_ERANGE, sf_calendar_is_working_day(&b, NULL, 20530101)); /* 2053's Matariki is not known */
    CHECK(strstr(sf_error_last(), "Matariki") != NULL);
    CHECK_STATUS(SF_OK, sf_calendar_new(&cal));
    CHECK_STATUS(SF_OK, sf_calendar_set_matariki(cal, 2053, 20530620));
    CHECK_STATUS(SF_OK, sf_calendar_is_working_day(&b, cal, 20530620));
    CHECK(b == 0);
    CHECK_STATUS(SF_OK, sf_calendar_working_days_between(&days, cal, 20530616, 20530623));
    CHECK(days == 4); /* Tue 17 to Mon 23 June 2053, less Friday 20 */
    CHECK_STATUS(SF_OK, sf_calendar_add_working_days(&d, NULL, 20261224, 1));
    CHECK(d == 20261229);
    /* Two definitions of working day: a Privacy Act request received on 15 December 2025 is due
       on 3 February 2026 (no working day from 25 December to 15 January); 20 practice working days
       after the same day end on 16 January. */
    CHECK_STATUS(SF_OK, sf_privacy_response_due(&d, NULL, 20251215));
    CHECK(d == 20260203);
    CHECK_STATUS(SF_OK, sf_calendar_add_working_days_by(&d, NULL, SF_WORKING_DAY_RULE_PUBLIC_HOLIDAYS, 20251215, 20));
    CHECK(d == 20260116);
    CHECK_STATUS(SF_OK, sf_calendar_is_working_day_by(&b, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20260106));
    CHECK(b == 0);
    CHECK_STATUS(SF_OK, sf_calendar_working_days_between_by(&days, NULL, SF_WORKING_DAY_RULE_PRIVACY_ACT, 20251215, 20260203));
    CHECK(days == 20);
    {
        char nhi[8];
        CHECK_STATUS(SF_OK, sf_nhi_check(nhi, "zbn77vl"));
        CHECK(strcmp(nhi, "ZBN77VL") == 0);
        CHECK_STATUS(SF_EINVAL, sf_nhi_check(nhi, "ZZZ0044"));
        CHECK(strstr(sf_error_last(), "no check digit") != NULL);
    }
    {
        const char *source = NULL, *name = NULL;
        CHECK_STATUS(SF_OK, sf_working_day_rule_source(&source, SF_WORKING_DAY_RULE_PRIVACY_ACT));
        CHECK(source && strstr(source, "Privacy Act 2020, s 7") != NULL);
        CHECK_STATUS(SF_OK, sf_enum_name(&name, SF_ENUM_WORKING_DAY_RULE, SF_WORKING_DAY_RULE_PRIVACY_ACT));
        CHECK(name && strcmp(name, "privacy_act") == 0);
    }
    /* A regional anniversary day moves a deadline that counts working days. */
    CHECK_STATUS(SF_OK, sf_case_next_deadline(&plain, c, NULL));
    CHECK_STATUS(SF_OK, sf_calendar_add(cal, plain, "Regional Anniversary Day"));
    CHECK_STATUS(SF_OK, sf_case_next_deadline(&regional, c, cal));
    CHECK(plain == 20260323 && regional == 20260324);
    memset(&opt, 0, sizeof opt);
    opt.calendar = cal;
    CHECK_STATUS(SF_OK, sf_store_open(&st, ":memory:", &opt));
    sf_calendar_free(cal); /* the store keeps its own copy */
    CHECK_STATUS(SF_OK, sf_store_append(&head, st, c, 0));
    CHECK_STATUS(SF_OK, sf_store_list(&rows, &n, st, NULL));
    CHECK(n == 1 && rows[0].next_deadline == regional);
    sf_free(rows);
    sf_store_free(st);
    sf_case_free(c);
}

/* The same store functions on PostgreSQL, where the build's tests run a server (ctest sets SFCORE_TEST_POSTGRES):
 * migrated when asked, opened by a connection string, a writer behind refused, changes followed. */
static void test_postgres_store(void) {
    const char *server = getenv("SFCORE_TEST_POSTGRES");
    sf_store *a = NULL, *b = NULL;
    sf_case *c = NULL, *loaded = NULL;
    sf_journal_head stored;
    uint64_t id = 0, version = 0, held = 0;
    int v = 0, found = 0;
    if (!server || !*server) {
        printf("postgresql: SFCORE_TEST_POSTGRES is not set; ctest runs this part against a throwaway server\n");
        return;
    }
    CHECK_STATUS(SF_OK, sf_store_migrate(&v, server, NULL));
    CHECK(v == 3);
    CHECK_STATUS(SF_OK, sf_store_open(&a, server, NULL));
    CHECK_STATUS(SF_OK, sf_store_open(&b, server, NULL));
    CHECK_STATUS(SF_OK, sf_store_follow(b));
    CHECK_STATUS(SF_OK, sf_store_next_change(&found, &id, &version, b, 0));
    CHECK(found == 0);
    c = active_case(424242);
    CHECK_STATUS(SF_OK, sf_store_version(&held, a, 424242));
    CHECK_STATUS(SF_OK, sf_store_append(&stored, a, c, held));  /* 0 on a fresh server */
    CHECK_STATUS(SF_ECONFLICT, sf_store_append(&stored, b, c, held));
    CHECK_STATUS(SF_OK, sf_store_next_change(&found, &id, &version, b, 5000));
    CHECK(found == 1 && id == 424242 && version == stored.seq);
    CHECK_STATUS(SF_OK, sf_store_load(&loaded, b, 424242));
    sf_case_free(loaded);
    sf_case_free(c);
    sf_store_free(b);
    sf_store_free(a);
}

/* FHIR: a consent out as JSON and back into another case of the same family;
   bad input refused with the element named, nothing appended. */
static void test_fhir(void) {
    sf_case *c = active_case(2), *copy = active_case(2);
    const sf_recipient msd = {SF_AGENCY_MSD, 0};
    const uint32_t hine = 1;
    sf_consent k;
    sf_request r;
    sf_decision a, b;
    sf_journal_head before, after;
    int areas[] = {SF_ISSUE_AREA_HOUSING};
    char *json = NULL, *bundle = NULL, *events = NULL;
    uint32_t *ids = NULL;
    size_t n = 0;

    ACCEPTED(sf_case_set_issue_areas(O, c, dir, "c", t0 + 8 * day, areas, 1));
    ACCEPTED(sf_case_set_issue_areas(O, copy, dir, "c", t0 + 8 * day, areas, 1));
    k = housing_consent(&msd);
    ACCEPTED(sf_case_give_sharing_consent(O, c, dir, "c", t0 + 8 * day + hour, &k));
    CHECK_STATUS(SF_OK, sf_fhir_consent(&json, c, dir, 1, "{\"nhi\": {\"1\": \"ZAC5361\"}}"));
    CHECK(strstr(json, "\"resourceType\":\"Consent\"") != NULL);
    CHECK(strstr(json, "ZAC5361") != NULL);
    CHECK_STATUS(SF_OK, sf_fhir_consents(&bundle, c, dir, hine, NULL));
    CHECK(strstr(bundle, "\"resourceType\":\"Bundle\"") != NULL);
    sf_free(json);
    json = NULL;
    CHECK_STATUS(SF_OK, sf_fhir_consent(&json, c, dir, 1, NULL));

    CHECK_STATUS(SF_OK, sf_fhir_import_consents(&ids, &n, copy, dir, "importer", t0 + 9 * day, json, NULL));
    CHECK(n == 1 && ids && ids[0] == 1);
    sf_free(ids);
    ids = NULL;
    r = housing_request(&hine, msd, t0 + 10 * day);
    CHECK_STATUS(SF_OK, sf_case_decide(&a, c, dir, &r, "worker"));
    CHECK_STATUS(SF_OK, sf_case_decide(&b, copy, dir, &r, "worker"));
    CHECK(a.permit && b.permit && a.rule == b.rule && a.consent == b.consent);
    CHECK_STATUS(SF_OK, sf_fhir_audit_events(&events, c, dir, NULL));
    CHECK(strstr(events, "\"resourceType\":\"AuditEvent\"") != NULL);

    CHECK_STATUS(SF_OK, sf_case_head(&before, copy));
    CHECK_STATUS(SF_ECONSENT, sf_fhir_import_consents(&ids, &n, copy, dir, "importer", t0 + 11 * day,
                                                      "{\"resourceType\": \"Consent\", \"status\": \"draft\"}", NULL));
    CHECK(strstr(sf_error_last(), "status") != NULL);
    CHECK(ids == NULL && n == 0);
    CHECK_STATUS(SF_OK, sf_case_head(&after, copy));
    CHECK(before.seq == after.seq);

    sf_free(json);
    sf_free(bundle);
    sf_free(events);
    sf_case_free(c);
    sf_case_free(copy);
}

/* A person across cases: Tama in two cases, his sibling Ana through their father Rewi. */
static void test_persons(void) {
    sf_case *first = active_case(71), *second = active_case(72);
    sf_store *st = NULL;
    sf_outcome o;
    sf_person_case *cases = NULL;
    sf_sibling *sibs = NULL;
    sf_journal_head head;
    sf_case_counts counts;
    size_t n = 0;
    const char *key = NULL, *nhi = NULL, *nsn = NULL;
    ACCEPTED(sf_case_link_person(O, first, dir, "c", t0 + 8 * day, 2, "c-tama", "zzz0016", NULL));
    ACCEPTED(sf_case_link_person(O, first, dir, "c", t0 + 8 * day, 1, "p-rewi", NULL, NULL));
    ACCEPTED(sf_case_link_person(O, second, dir, "c", t0 + 8 * day, 2, "c-ana", NULL, "123456789"));
    ACCEPTED(sf_case_link_person(O, second, dir, "c", t0 + 8 * day, 1, "p-rewi", NULL, NULL));
    CHECK_STATUS(SF_OK, sf_case_person(&key, &nhi, &nsn, first, 2));
    CHECK(key && strcmp(key, "c-tama") == 0);
    CHECK(nhi && strcmp(nhi, "ZZZ0016") == 0); /* kept in its canonical form */
    CHECK(nsn == NULL);
    CHECK_STATUS(SF_OK, sf_case_person(NULL, NULL, &nsn, second, 2));
    CHECK(nsn && strcmp(nsn, "123456789") == 0);
    CHECK_STATUS(SF_ENOTFOUND, sf_case_person(&key, NULL, NULL, first, 9));
    /* Bad links are refused with a clear status, and change nothing. */
    CHECK_STATUS(SF_EINVAL, sf_case_link_person(&o, first, dir, "c", t0 + 8 * day, 2, "c-tama", "ZZZ0017", NULL));
    CHECK_STATUS(SF_EINVAL, sf_case_link_person(&o, first, dir, "c", t0 + 8 * day, 2, "c-tama", NULL, "12a"));
    CHECK_STATUS(SF_EINVAL, sf_case_link_person(&o, first, dir, "c", t0 + 8 * day, 2, "p-rewi", NULL, NULL));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_link_person(&o, first, dir, "c", t0 + 8 * day, 9, "c-nine", NULL, NULL));
    CHECK_STATUS(SF_ENULLARG, sf_case_link_person(&o, first, dir, "c", t0 + 8 * day, 2, NULL, NULL, NULL));

    CHECK_STATUS(SF_OK, sf_store_open(&st, ":memory:", NULL));
    CHECK_STATUS(SF_OK, sf_store_append(&head, st, first, 0));
    CHECK_STATUS(SF_OK, sf_store_append(&head, st, second, 0));
    CHECK_STATUS(SF_OK, sf_store_person_cases(&cases, &n, st, "p-rewi"));
    CHECK(n == 2 && cases && cases[0].case_id == 71 && cases[1].case_id == 72 && cases[0].member == 1);
    CHECK(n == 2 && cases[0].state == SF_STATE_PLAN_ACTIVE && cases[0].versions == 1 && cases[0].referred == t0);
    sf_free(cases);
    CHECK_STATUS(SF_OK, sf_store_person_cases(&cases, &n, st, "nobody"));
    CHECK(n == 0 && cases == NULL);
    CHECK_STATUS(SF_EINVAL, sf_store_person_cases(&cases, &n, st, " "));
    CHECK_STATUS(SF_OK, sf_store_siblings(&sibs, &n, st, "c-tama"));
    CHECK(n == 1 && sibs && strcmp(sibs[0].key, "c-ana") == 0 && strcmp(sibs[0].through, "p-rewi") == 0);
    CHECK(n == 1 && sibs[0].case_id == 72 && sibs[0].member == 2 && sibs[0].role == SF_MEMBER_ROLE_CHILD);
    sf_free(sibs);
    CHECK_STATUS(SF_OK, sf_store_siblings(&sibs, &n, st, "p-rewi"));
    CHECK(n == 0 && sibs == NULL);
    {
        char *md = NULL;
        CHECK_STATUS(SF_OK, sf_store_access_response(&md, st, "c-ana", dir));
        CHECK(md && strstr(md, "# Your information") && strstr(md, "Tama") && !strstr(md, "Hine"));
        sf_free(md);
        CHECK_STATUS(SF_ENOTFOUND, sf_store_access_response(&md, st, "c-ana", NULL)); /* no directory stored */
        CHECK(md == NULL);
    }
    {
        /* An identified extract of the store: recorded in each case, then each handed to the visitor. */
        uint64_t recorded = 0;
        int visited = 0;
        CHECK_STATUS(SF_OK, sf_store_record_identified_extract(&recorded, st, "analyst-7", "members", "an audit", count_visits, &visited));
        CHECK(recorded == 2 && visited == 2);
        CHECK_STATUS(SF_EINVAL, sf_store_record_identified_extract(&recorded, st, "analyst-7", "members", " ", NULL, NULL));
        CHECK(recorded == 0);
        CHECK_STATUS(SF_OK, sf_store_record_identified_extract(&recorded, st, "analyst-7", "members", "a second audit", NULL, NULL));
        CHECK(recorded == 2);
    }
    {
        /* The analysts' tables as CSV: de-identified unless asked otherwise; an identified one is recorded. */
        static const uint8_t key[16] = {7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        char *csv = NULL, *again = NULL;
        uint64_t before = 0;
        CHECK_STATUS(SF_OK, sf_case_table_csv(&csv, first, dir, "members", NULL, NULL, NULL, key, sizeof key));
        CHECK(csv && strncmp(csv, "case_id,member_id,role,age_band,participating,consented,consent_signed\r\n", 72) == 0);
        CHECK(csv && !strstr(csv, "Hine") && !strstr(csv, "1988") && strstr(csv, ",1,parent_caregiver,25-44,true,true,2026-03-02\r\n"));
        CHECK(csv && strncmp(csv + 72, "71,", 3) != 0); /* a pseudonym, not the case's id */
        /* The same key gives the same pseudonyms in a store's table. */
        CHECK_STATUS(SF_OK, sf_store_table_csv(&again, st, dir, "members", NULL, NULL, NULL, key, sizeof key));
        CHECK(csv && again && strstr(again, csv + 72) != NULL);
        sf_free(again);
        sf_free(csv);
        CHECK_STATUS(SF_OK, sf_case_counts_get(&counts, first));
        before = counts.events;
        CHECK_STATUS(SF_OK, sf_case_table_csv(&csv, first, dir, "members", NULL, "analyst-7", "an audit", NULL, 0));
        CHECK(csv && strstr(csv, "case_id,member_id,name,role,born,") && strstr(csv, "\r\n71,1,Hine,parent_caregiver,1988-05-14,"));
        sf_free(csv);
        CHECK_STATUS(SF_OK, sf_case_counts_get(&counts, first));
        CHECK(counts.events == before + 1); /* the extract is an entry of the case's journal */
        CHECK_STATUS(SF_ENOTFOUND, sf_store_table_csv(&csv, st, NULL, "cases", NULL, NULL, NULL, NULL, 0)); /* no directory stored */
        CHECK_STATUS(SF_OK, sf_store_table_csv(&csv, st, dir, "cases", NULL, "analyst-7", "an audit", NULL, 0));
        CHECK(csv && strstr(csv, "\r\n71,Te Rangi wh\xC4\x81nau,strengthening_families,") && strstr(csv, "\r\n72,"));
        sf_free(csv);
        /* Bad requests are refused, and nothing is recorded. */
        CHECK_STATUS(SF_EINVAL, sf_case_table_csv(&csv, first, dir, "people", NULL, NULL, NULL, NULL, 0));
        CHECK(csv == NULL);
        CHECK_STATUS(SF_EINVAL, sf_case_table_csv(&csv, first, dir, "members", NULL, NULL, "an audit", NULL, 0));
        CHECK_STATUS(SF_EINVAL, sf_case_table_csv(&csv, first, dir, "members", NULL, "analyst-7", NULL, NULL, 0));
        CHECK_STATUS(SF_EINVAL, sf_case_table_csv(&csv, first, dir, "members", NULL, NULL, NULL, key, 8));
        CHECK_STATUS(SF_EINVAL, sf_store_table_csv(&csv, st, dir, "members", NULL, "analyst-7", "an audit", key, sizeof key));
        CHECK_STATUS(SF_OK, sf_case_counts_get(&counts, first));
        CHECK(counts.events == before + 1);
    }
    {
        /* An access request: overdue from the day after its due date until answered. */
        sf_overdue_item *items = NULL;
        size_t count = 0;
        int32_t due = 0;
        const char *grounds[] = {"s 53: information about another individual"};
        uint64_t request = 0;
        ACCEPTED(sf_case_request_access(O, first, dir, "c", t0 + 8 * day, 2, "Hine", "parent of a child under 16", 20260310));
        CHECK_STATUS(SF_OK, sf_case_counts_get(&counts, first));
        request = counts.events;
        CHECK_STATUS(SF_OK, sf_privacy_response_due(&due, NULL, 20260310));
        CHECK_STATUS(SF_OK, sf_case_overdue(&items, &count, first, 20261201, NULL));
        CHECK(count >= 1 && items[0].kind == SF_OVERDUE_KIND_ACCESS_REQUEST && items[0].due == due);
        sf_free(items);
        CHECK_STATUS(SF_EINVAL, sf_case_extend_access(&o, first, dir, "c", t0 + 8 * day, request, due, "too soon"));
        ACCEPTED(sf_case_extend_access(O, first, dir, "c", t0 + 8 * day, request, 20260601, "much to search"));
        CHECK_STATUS(SF_ENULLARG, sf_case_answer_access(&o, first, dir, "c", t0 + 8 * day, request, 20260310, NULL, 1));
        ACCEPTED(sf_case_answer_access(O, first, dir, "c", t0 + 8 * day, request, 20260310, grounds, 1));
        CHECK_STATUS(SF_OK, sf_case_overdue(&items, &count, first, 20261201, NULL));
        for (size_t i = 0; i < count; ++i) CHECK(items[i].kind != SF_OVERDUE_KIND_ACCESS_REQUEST);
        sf_free(items);
        CHECK_STATUS(SF_EINVAL, sf_case_answer_access(&o, first, dir, "c", t0 + 8 * day, request, 20260310, NULL, 0));
        CHECK_STATUS(SF_EINVAL, sf_case_decline_correction(&o, first, dir, "c", t0 + 8 * day, 1, "date of birth", " ", "x"));
        ACCEPTED(sf_case_decline_correction(O, first, dir, "c", t0 + 8 * day, 1, "date of birth", "I was born on 15 May",
                                            "the certificate says 14 May"));
        {
            /* Both read back from the journal. */
            sf_access_request_info info;
            const char *requester = NULL, *authority = NULL, *reason = NULL, *ground = NULL, *detail = NULL, *statement = NULL;
            uint64_t seq = 0;
            CHECK_STATUS(SF_OK, sf_case_access_request_count(&count, first));
            CHECK(count == 1);
            CHECK_STATUS(SF_OK, sf_case_access_request(&info, &requester, &authority, &reason, first, NULL, 0));
            CHECK(info.seq == request && info.member == 2 && info.received == 20260310 && info.due == 20260601);
            CHECK(info.extended_to == 20260601 && info.answered_on == 20260310 && info.withheld_count == 1);
            CHECK(strcmp(requester, "Hine") == 0 && strcmp(authority, "parent of a child under 16") == 0);
            CHECK(strcmp(reason, "much to search") == 0);
            CHECK_STATUS(SF_OK, sf_case_access_withheld(&ground, first, 0, 0));
            CHECK(strcmp(ground, grounds[0]) == 0);
            CHECK_STATUS(SF_ERANGE, sf_case_access_withheld(&ground, first, 0, 1));
            CHECK_STATUS(SF_ERANGE, sf_case_access_request(&info, NULL, NULL, NULL, first, NULL, 1));
            CHECK_STATUS(SF_OK, sf_case_correction_statement_count(&count, first, 1));
            CHECK(count == 1);
            CHECK_STATUS(SF_OK, sf_case_correction_statement(&seq, &detail, &statement, &reason, first, 1, 0));
            CHECK(strcmp(detail, "date of birth") == 0 && strcmp(statement, "I was born on 15 May") == 0);
            CHECK(strcmp(reason, "the certificate says 14 May") == 0);
            CHECK_STATUS(SF_OK, sf_case_counts_get(&counts, first));
            CHECK(seq == counts.events);
            CHECK_STATUS(SF_ERANGE, sf_case_correction_statement(&seq, NULL, NULL, NULL, first, 1, 1));
            CHECK_STATUS(SF_OK, sf_case_correction_statement_count(&count, first, 2));
            CHECK(count == 0);
            CHECK_STATUS(SF_ENOTFOUND, sf_case_correction_statement_count(&count, first, 9));
        }
    }
    sf_store_free(st);
    sf_case_free(first);
    sf_case_free(second);
}

/* A host's key service: two keys, k1 and k2; `retired` names one it no longer has. */
static const char *retired = NULL;
static int key_calls = 0;
static int host_keys(void *context, const char *id, uint8_t secret_out[32]) {
    (void)context;
    ++key_calls;
    if (retired && strcmp(id, retired) == 0) return 1;
    if (strcmp(id, "k1") != 0 && strcmp(id, "k2") != 0) return 1;
    memset(secret_out, id[1], 32);
    return 0;
}

static void test_encryption(void) {
    sf_referral *ref = NULL;
    sf_case *c = NULL, *back = NULL, *plain = NULL;
    sf_store *st = NULL;
    sf_journal_head head, again;
    sf_key_provider keys = {host_keys, NULL, "k1"};
    uint64_t n = 0;
    int yes = -1, ok = 0;
    FILE *f = NULL;
    char *bytes = NULL, *reason = NULL;
    long size = 0, found = 0;
    remove("capi-encrypted.db");
    remove("capi-encrypted.db-wal");
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20260302, "Canaryfamily wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_case_open_encrypted(&c, dir, 81, ref, "c", t0));
    CHECK_STATUS(SF_OK, sf_case_is_encrypted(&yes, c));
    CHECK(yes == 1);
    ACCEPTED(sf_case_accept_referral(O, c, dir, "c", t0 + hour, 0, NULL));
    ACCEPTED(sf_case_add_member(O, c, dir, "c", t0 + hour, "Hinewai Canarychild", SF_MEMBER_ROLE_CHILD, 20150801, 1));
    CHECK_STATUS(SF_OK, sf_store_open_encrypted(&st, "capi-encrypted.db", NULL, &keys));
    CHECK_STATUS(SF_OK, sf_store_append(&head, st, c, 0));
    /* A plain new case is refused by a store that keeps its cases encrypted. */
    CHECK_STATUS(SF_OK, sf_case_open(&plain, dir, 82, ref, "c", t0));
    CHECK_STATUS(SF_EKEY, sf_store_append(&again, st, plain, 0));
    CHECK_STATUS(SF_OK, sf_store_load(&back, st, 81));
    CHECK_STATUS(SF_OK, sf_case_is_encrypted(&yes, back));
    CHECK(yes == 1);
    CHECK_STATUS(SF_OK, sf_case_verify(&ok, &reason, back, &head));
    CHECK(ok == 1);
    sf_free(reason);
    sf_case_free(back);
    CHECK(key_calls == 1); /* asked once, then kept for the store's life */
    sf_store_free(st);
    /* Nothing planted is readable in the file. */
    f = fopen("capi-encrypted.db", "rb");
    CHECK(f != NULL);
    if (f) {
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        fseek(f, 0, SEEK_SET);
        bytes = (char *)malloc((size_t)size);
        CHECK(fread(bytes, 1, (size_t)size, f) == (size_t)size);
        fclose(f);
        for (long i = 0; i + 6 <= size; ++i)
            if (memcmp(bytes + i, "Canary", 6) == 0) ++found;
        CHECK(found == 0);
        free(bytes);
    }
    {
        /* An archive of the encrypted case: entries sealed, its key wrapped under k1; nothing planted readable. */
        uint8_t *archive = NULL;
        size_t archive_size = 0, planted = 0;
        sf_case *loaded = NULL;
        CHECK_STATUS(SF_EKEY, sf_case_save(&archive, &archive_size, c, SF_ENCODING_BINARY, NULL));
        CHECK_STATUS(SF_EINVAL, sf_case_save_encrypted(&archive, &archive_size, plain, &keys, NULL));
        CHECK_STATUS(SF_OK, sf_case_save_encrypted(&archive, &archive_size, c, &keys, NULL));
        for (size_t i = 0; i + 6 <= archive_size; ++i)
            if (memcmp(archive + i, "Canary", 6) == 0) ++planted;
        CHECK(planted == 0);
        CHECK_STATUS(SF_EKEY, sf_case_load(&loaded, archive, archive_size, NULL, 0));
        CHECK(loaded == NULL);
        CHECK_STATUS(SF_OK, sf_case_load_encrypted(&loaded, archive, archive_size, &keys, NULL, 0));
        CHECK_STATUS(SF_OK, sf_case_is_encrypted(&yes, loaded));
        CHECK(yes == 1);
        CHECK_STATUS(SF_OK, sf_case_verify(&ok, NULL, loaded, &head));
        CHECK(ok == 1);
        sf_case_free(loaded);
        loaded = NULL;
        retired = "k1";
        CHECK_STATUS(SF_EKEY, sf_case_load_encrypted(&loaded, archive, archive_size, &keys, NULL, 0));
        CHECK(loaded == NULL);
        retired = NULL;
        sf_free(archive);
    }
    {
        /* Retention: the case is not closed, so nothing is due and it cannot be disposed of. */
        sf_disposal_due *due = NULL;
        const sf_retention_rule rule = {SF_PROGRAMME_STRENGTHENING_FAMILIES, 7};
        CHECK_STATUS(SF_OK, sf_store_open_encrypted(&st, "capi-encrypted.db", NULL, &keys));
        CHECK_STATUS(SF_OK, sf_store_due_for_disposal(&due, &n, st, &rule, 1, 20400101));
        CHECK(n == 0 && due == NULL);
        CHECK_STATUS(SF_EINVAL, sf_store_dispose(&again, st, 81, &rule, 1, 20400101, "records officer"));
        sf_store_free(st);
    }
    /* Rotation: k2 becomes current, k1 is retired once every case key is wrapped again. */
    keys.current = "k2";
    CHECK_STATUS(SF_OK, sf_store_open_encrypted(&st, "capi-encrypted.db", NULL, &keys));
    CHECK_STATUS(SF_OK, sf_store_rewrap(&n, st));
    CHECK(n == 1);
    sf_store_free(st);
    retired = "k1";
    CHECK_STATUS(SF_OK, sf_store_open_encrypted(&st, "capi-encrypted.db", NULL, &keys));
    CHECK_STATUS(SF_OK, sf_store_load(&back, st, 81));
    sf_case_free(back);
    sf_store_free(st);
    /* Without the key it is wrapped under, or without a provider: SF_EKEY, and nothing else. */
    retired = "k2";
    CHECK_STATUS(SF_OK, sf_store_open_encrypted(&st, "capi-encrypted.db", NULL, &keys));
    back = NULL;
    CHECK_STATUS(SF_EKEY, sf_store_load(&back, st, 81));
    CHECK(back == NULL);
    sf_store_free(st);
    CHECK_STATUS(SF_OK, sf_store_open(&st, "capi-encrypted.db", NULL));
    CHECK_STATUS(SF_EKEY, sf_store_load(&back, st, 81));
    CHECK_STATUS(SF_EKEY, sf_store_append(&again, st, c, 0));
    sf_store_free(st);
    retired = NULL;
    sf_case_free(plain);
    sf_case_free(c);
    sf_referral_free(ref);
    remove("capi-encrypted.db");
    remove("capi-encrypted.db-wal");
}

/* Any event from JSON, and any entry's payload read back as JSON. */
static void test_json(void) {
    sf_case *c = active_case(3);
    sf_outcome o;
    sf_event_info ev;
    size_t n = 0, before = 0;
    char *fields = NULL;
    const char *err = NULL;
    CHECK_STATUS(SF_OK, sf_case_event_count(&before, c));
    ACCEPTED(sf_case_record_json(O, c, dir, "c", t0 + 8 * day, SF_EVENT_TYPE_ACTION_UPDATED,
                                 "{\"action\": 1, \"status\": \"in_progress\", \"note\": \"first session booked\"}"));
    CHECK_STATUS(SF_OK, sf_case_event_count(&n, c));
    CHECK(n == before + 1);
    CHECK_STATUS(SF_OK, sf_case_event(&ev, NULL, c, n - 1));
    CHECK(ev.type == SF_EVENT_TYPE_ACTION_UPDATED);
    CHECK_STATUS(SF_OK, sf_case_event_fields(&fields, c, n - 1));
    CHECK(fields && strcmp(fields, "{\"action\":1,\"note\":\"first session booked\",\"status\":\"in_progress\"}") == 0);
    sf_free(fields);
    /* The entry a member was added by, read as JSON, names the member's fields. */
    CHECK_STATUS(SF_OK, sf_case_event_fields(&fields, c, 2));
    CHECK(fields && strstr(fields, "\"name\":\"Hine\"") && strstr(fields, "\"born\":\"1988-05-14\""));
    sf_free(fields);
    /* A refusal is a value; bad JSON is an error naming the field; neither changes the case. */
    CHECK_STATUS(SF_OK, sf_case_record_json(&o, c, dir, "c", t0 + 8 * day, SF_EVENT_TYPE_CASE_CLOSED, "{}"));
    CHECK(!o.accepted && o.guard == SF_GUARD_NO_TRANSITION);
    CHECK_STATUS(SF_EINVAL, sf_case_record_json(&o, c, dir, "c", t0 + 8 * day, SF_EVENT_TYPE_ACTION_UPDATED,
                                                "{\"action\": 1, \"status\": 3}"));
    err = sf_error_last();
    CHECK(err && strstr(err, "status: expected the name of"));
    CHECK_STATUS(SF_ERANGE, sf_case_record_json(&o, c, dir, "c", t0 + 8 * day, SF_EVENT_TYPE_MEMBER_UPDATED,
                                                "{\"member\": 1, \"born\": \"2300-01-01\", \"reason\": \"typo\"}"));
    CHECK_STATUS(SF_OK, sf_case_event_count(&n, c));
    CHECK(n == before + 1);
    sf_case_free(c);
}

int main(void) {
    CHECK_STATUS(SF_OK, sf_directory_new(&dir));
    CHECK_STATUS(SF_OK, sf_directory_add_practitioner(&worker, dir, SF_AGENCY_MSD, "Aroha Ngata"));
    test_lifecycle();
    test_json();
    test_table_and_names();
    test_registries();
    test_calendar();
    test_disclosure_archives_store();
    test_fhir();
    test_persons();
    test_encryption();
    test_threads();
    test_shared_case_threads();
    test_shared_store_threads();
    test_postgres_store();
    sf_directory_free(dir);
    return check_summary();
}
