/* A family's whole case through the C ABI: referral, the family, written
   consent, preparation, consent-gated disclosure, the meeting, the plan,
   closure and the final report — every fact and decision one entry of the
   case's journal, kept in a case store and reloaded.

   Usage: sfcore_example_c [store-file]   (default: an in-memory store)

   Every call returns a status; TRY stops the walk-through at the first
   error and says why (sf_error_last()). A refusal by the lifecycle is not
   an error: it comes back in the sf_outcome. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sfcore.h>

#define TRY(call)                                                                   \
    do {                                                                            \
        if ((call) != SF_OK) {                                                      \
            fprintf(stderr, "C      | %s failed: %s\n", #call, sf_error_last());    \
            goto done;                                                              \
        }                                                                           \
    } while (0)

static const int64_t hour = 3600, day = 86400;
static const int64_t t0 = 1772395200; /* 2026-03-02 09:00 in Auckland */

/* Record an event; show a refusal and count it. */
static int refusals = 0;
static int show(const sf_outcome *o) {
    const char *guard = "";
    if (o->accepted) return 1;
    sf_enum_name(&guard, SF_ENUM_GUARD, o->guard);
    printf("C      |   refused [%s]: %s\n", guard, o->reason);
    ++refusals;
    return 0;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : ":memory:";
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = NULL, *back = NULL;
    sf_meeting *m = NULL;
    sf_plan *p = NULL;
    sf_store *store = NULL;
    char *text = NULL;
    uint8_t *archive = NULL;
    size_t archive_size = 0;
    sf_outcome o;
    uint32_t trust = 0, mere = 0, aroha = 0, sam = 0;
    sf_journal_head stored, kept;
    int state = -1, ok = 0, result = 1;
    const char *name = NULL;

    if (argc > 1) { /* a new store: the walkthrough never replaces a file */
        FILE *existing = fopen(path, "rb");
        if (existing) {
            fclose(existing);
            fprintf(stderr, "%s exists: the walkthrough writes a new store and never replaces a file; remove it or name another\n", path);
            return 2;
        }
    }
    TRY(sf_directory_new(&dir));
    TRY(sf_directory_add_agency(&trust, dir, "Te Whare Awhina Trust", SF_AGENCY_KIND_NGO));
    TRY(sf_directory_add_practitioner(&mere, dir, trust, "Mere Tipene"));
    TRY(sf_directory_add_practitioner(&aroha, dir, SF_AGENCY_MSD, "Aroha Ngata"));
    TRY(sf_directory_add_practitioner(&sam, dir, SF_AGENCY_MOE, "Sam Wilson"));

    /* 1. The school refers the family. */
    TRY(sf_referral_new(&ref, SF_REFERRAL_SOURCE_AGENCY, 20260302, "Te Rangi whānau"));
    TRY(sf_referral_set_agency(ref, SF_AGENCY_MOE, "Sam Wilson"));
    TRY(sf_referral_add_reason(ref, "Tama is missing school"));
    TRY(sf_case_open(&c, dir, 1, ref, "mere", t0));
    TRY(sf_store_open(&store, path, NULL));
    TRY(sf_store_put_directory(store, dir));
    TRY(sf_store_append(&stored, store, c, 0));

    /* 2. Accepted; the family; written consent to take part. */
    TRY(sf_case_accept_referral(&o, c, dir, "mere", t0 + hour, 0, "more than one agency involved"));
    show(&o);
    TRY(sf_case_assign_roles(&o, c, dir, "mere", t0 + hour, mere, 0, 0, NULL));
    TRY(sf_case_add_member(&o, c, dir, "mere", t0 + 2 * hour, "Hine Te Rangi", SF_MEMBER_ROLE_PARENT_CAREGIVER, 19880514, 1));
    TRY(sf_case_add_member(&o, c, dir, "mere", t0 + 2 * hour, "Tama Te Rangi", SF_MEMBER_ROLE_CHILD, 20150801, 1));
    printf("C      | preparation before Hine has signed:\n");
    TRY(sf_case_start_preparation(&o, c, dir, "mere", t0 + 3 * hour));
    show(&o);
    TRY(sf_case_record_consent(&o, c, dir, "mere", t0 + 3 * hour, 1, 20260302, "SF-2024", 0, NULL));
    TRY(sf_case_record_consent(&o, c, dir, "mere", t0 + 4 * hour, 2, 20260302, "SF-2024", 1, "I want to go to school"));
    TRY(sf_case_start_preparation(&o, c, dir, "mere", t0 + 4 * hour));
    if (!show(&o)) goto done;

    /* 3. The family directs the preparation. */
    {
        const char *issues[] = {"school attendance", "rent arrears"}, *needs[] = {"help with rent"};
        const sf_party msd = {SF_PARTY_KIND_AGENCY, SF_AGENCY_MSD}, teacher = {SF_PARTY_KIND_PRACTITIONER, 0};
        sf_party sam_party = teacher;
        sam_party.id = sam;
        TRY(sf_case_set_priorities(&o, c, dir, "mere", t0 + day, issues, 2, NULL, 0, needs, 1));
        TRY(sf_case_approve_invitee(&o, c, dir, "mere", t0 + day, msd));
        TRY(sf_case_approve_invitee(&o, c, dir, "mere", t0 + day, sam_party));
        TRY(sf_meeting_new(&m, t0 + 7 * day + hour, "Ngā Hau e Whā marae"));
        TRY(sf_meeting_add_invitee(m, msd));
        TRY(sf_meeting_add_invitee(m, sam_party));
        TRY(sf_meeting_set_details(m, NULL, NULL, 1, 1));
        TRY(sf_case_schedule_meeting(&o, c, dir, "mere", t0 + day + hour, m));
        if (!show(&o)) goto done;
    }
    TRY(sf_store_append(&stored, store, c, stored.seq));

    /* 4. Consent-gated disclosure for the meeting: facts of the same journal. */
    {
        const sf_recipient msd = {SF_AGENCY_MSD, 0};
        const int areas[] = {SF_ISSUE_AREA_EDUCATION, SF_ISSUE_AREA_HOUSING};
        const uint32_t hine = 1, tama = 2;
        /* Hine's consent: MSD may have her housing and income information, for the meeting and the plan, this year. */
        const sf_consent k = {.subject = hine,
                              .given_by = hine,
                              .recipients = &msd,
                              .recipient_count = 1,
                              .categories = (1ull << SF_CATEGORY_HOUSING) | (1ull << SF_CATEGORY_INCOME_BENEFITS),
                              .purposes = (1u << SF_PURPOSE_MEETING) | (1u << SF_PURPOSE_PLAN_DELIVERY),
                              .from = 20260301,
                              .until = 20261231,
                              .signed_on = 20260304,
                              .form_version = "SF-consent-2024"};
        /* MSD asks for Hine's housing information for the meeting, on day 3. */
        sf_request r = {.discloser = msd, .subjects = &hine, .subject_count = 1, .category = SF_CATEGORY_HOUSING,
                        .recipient = msd, .purpose = SF_PURPOSE_MEETING, .at = t0 + 3 * day};
        sf_decision d;
        TRY(sf_case_set_issue_areas(&o, c, dir, "mere", t0 + 2 * day, areas, 2));
        TRY(sf_case_give_sharing_consent(&o, c, dir, "mere", t0 + 2 * day + hour, &k));
        if (!show(&o)) goto done;
        TRY(sf_case_notice(&text, c, dir, hine, SF_PURPOSE_MEETING, t0 + 2 * day + 2 * hour));
        printf("C      | the notice Hine reviews:\n%s", text);
        sf_free(text);
        text = NULL;
        TRY(sf_case_decide(&d, c, dir, &r, "aroha"));
        TRY(sf_case_explain(&text, c, d.seq));
        printf("C      | MSD asks for Hine's housing: %s\n", text);
        sf_free(text);
        text = NULL;
        r.subjects = &tama;
        r.category = SF_CATEGORY_EDUCATION;
        TRY(sf_case_decide(&d, c, dir, &r, "aroha"));
        TRY(sf_case_explain(&text, c, d.seq));
        printf("C      | MSD asks for Tama's schooling: %s\n", text);
        sf_free(text);
        text = NULL;
        TRY(sf_decision_reason(&text, c, &d));
        printf("C      | what MSD is told: %s\n", text);
        sf_free(text);
        text = NULL;
        TRY(sf_case_verify(&ok, NULL, c, NULL));
        printf("C      | the journal's chain %s\n", ok ? "verifies" : "BROKEN");
    }

    /* 5. The meeting and the plan. */
    {
        const sf_party hine = {SF_PARTY_KIND_MEMBER, 1}, msd = {SF_PARTY_KIND_AGENCY, SF_AGENCY_MSD};
        TRY(sf_case_hold_meeting(&o, c, dir, "mere", t0 + 7 * day + 3 * hour, 1, &hine, 1));
        TRY(sf_plan_new(&p));
        TRY(sf_plan_set_roles(p, SF_AGENCY_MSD, aroha));
        TRY(sf_plan_add_action(NULL, p, "Budget advice and a rent arrears plan", msd, 20260410, SF_SUPPORT_TYPE_BUDGET_ADVICE, "help with rent"));
        TRY(sf_plan_add_action(NULL, p, "Walk Tama to school each morning", hine, 20260320, SF_SUPPORT_TYPE_NONE, "school attendance"));
        TRY(sf_case_agree_plan(&o, c, dir, "mere", t0 + 7 * day + 4 * hour, p));
        if (!show(&o)) goto done;
    }

    /* 6. Closure: closing is refused until the final report is in. */
    TRY(sf_case_update_action(&o, c, dir, "aroha", t0 + 20 * day, 1, SF_ACTION_STATUS_DONE, "arrears cleared"));
    TRY(sf_case_update_action(&o, c, dir, "mere", t0 + 20 * day, 2, SF_ACTION_STATUS_DONE, NULL));
    TRY(sf_case_start_closure(&o, c, dir, "mere", t0 + 21 * day, SF_EXIT_REASON_PLANNED, "Tama at school"));
    printf("C      | closing before the final report:\n");
    TRY(sf_case_close(&o, c, dir, "mere", t0 + 21 * day));
    show(&o);
    TRY(sf_case_submit_final_report(&o, c, dir, "aroha", t0 + 22 * day, "Tama attends school; the rent is paid."));
    TRY(sf_case_close(&o, c, dir, "mere", t0 + 22 * day));
    if (!show(&o)) goto done;
    TRY(sf_case_final_report(&text, c, dir, NULL));
    printf("C      | final report: %.*s...\n", (int)(strchr(text, '\n') ? strchr(text, '\n') - text : 40), text);
    sf_free(text);
    text = NULL;

    /* 7. Kept: the store and an archive, reloaded. */
    TRY(sf_store_append(&stored, store, c, stored.seq));
    kept = stored; /* the head to keep outside the store, to check the store against later */
    TRY(sf_store_load(&back, store, 1));
    TRY(sf_case_state(&state, back));
    TRY(sf_enum_name(&name, SF_ENUM_STATE, state));
    TRY(sf_case_verify(&ok, NULL, back, &kept));
    printf("C      | reloaded from the store: %llu entries, state %s, %s the head kept at the last append\n",
           (unsigned long long)stored.seq, name, ok ? "holding" : "NOT holding");
    sf_case_free(back);
    back = NULL;
    TRY(sf_case_save(&archive, &archive_size, c, SF_ENCODING_BINARY, NULL));
    TRY(sf_case_load(&back, archive, archive_size, NULL, 0));
    printf("C      | archive: %zu bytes, loaded back\n", archive_size);
    result = refusals == 2 && state == SF_STATE_CLOSED && ok ? 0 : 1;

done:
    sf_free(archive);
    sf_free(text);
    sf_case_free(back);
    sf_store_free(store);
    sf_plan_free(p);
    sf_meeting_free(m);
    sf_case_free(c);
    sf_referral_free(ref);
    sf_directory_free(dir);
    return result;
}
