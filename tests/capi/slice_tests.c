/* The C ABI's vertical slice: a case from a referral, and its state read back. */
#include <stdint.h>

#include "check.h"
#include "sfcore.h"

static const int64_t recorded_at = 1795000000; /* 2026-11-18 */

static void test_self_referral(void) {
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    int state = -1, source = -1;
    uint32_t agency = 99;
    int32_t received = 0;
    const char *name = NULL;
    size_t events = 0;
    uint64_t id = 0;

    CHECK_STATUS(SF_OK, sf_directory_new(&dir));
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20261120, "\xC5\x8Ct\xC4\x81huhu wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_case_open(&c, dir, 7, ref, "coordinator-1", recorded_at));
    CHECK_STATUS(SF_OK, sf_case_state(&state, c));
    CHECK(state == SF_STATE_REFERRED);
    CHECK_STATUS(SF_OK, sf_case_id(&id, c));
    CHECK(id == 7);
    CHECK_STATUS(SF_OK, sf_case_referral(&source, &agency, &received, c));
    CHECK(source == SF_REFERRAL_SOURCE_FAMILY);
    CHECK(agency == 0);
    CHECK(received == 20261120);
    CHECK_STATUS(SF_OK, sf_case_family_name(&name, c));
    CHECK(name && strcmp(name, "\xC5\x8Ct\xC4\x81huhu wh\xC4\x81nau") == 0);
    CHECK_STATUS(SF_OK, sf_case_event_count(&events, c));
    CHECK(events == 1);
    sf_case_free(c);
    sf_referral_free(ref);
    sf_directory_free(dir);
}

static void test_agency_referral(void) {
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    uint32_t ngo = 0, found = 0, agency = 0;
    int source = -1;
    const char *name = NULL;

    CHECK_STATUS(SF_OK, sf_directory_new(&dir));
    CHECK_STATUS(SF_OK, sf_directory_add_agency(&ngo, dir, "Te Whare Awhina Trust", SF_AGENCY_KIND_NGO));
    CHECK(ngo == SF_AGENCY_STANDARD_END_);
    CHECK_STATUS(SF_OK, sf_directory_find_agency(&found, dir, "Ministry of Education"));
    CHECK(found == SF_AGENCY_MOE);
    CHECK_STATUS(SF_OK, sf_directory_agency_name(&name, dir, SF_AGENCY_POLICE));
    CHECK(name && strcmp(name, "New Zealand Police") == 0);
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_AGENCY, 20261102, "Te Rangi wh\xC4\x81nau"));
    CHECK_STATUS(SF_OK, sf_referral_set_agency(ref, SF_AGENCY_MOE, "Aroha Ngata"));
    CHECK_STATUS(SF_OK, sf_referral_add_reason(ref, "school attendance"));
    CHECK_STATUS(SF_OK, sf_referral_set_programme(ref, SF_PROGRAMME_STRENGTHENING_FAMILIES));
    CHECK_STATUS(SF_OK, sf_case_open(&c, dir, 1, ref, "coordinator-1", recorded_at));
    CHECK_STATUS(SF_OK, sf_case_referral(&source, &agency, NULL, c));
    CHECK(source == SF_REFERRAL_SOURCE_AGENCY);
    CHECK(agency == SF_AGENCY_MOE);
    sf_case_free(c);
    sf_referral_free(ref);
    sf_directory_free(dir);
}

static void test_bad_arguments(void) {
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = (sf_case *)&c; /* must be reset to NULL on failure */
    const char *name = NULL;
    int state = 0;

    CHECK_STATUS(SF_ENULLARG, sf_directory_new(NULL));
    CHECK(strstr(sf_error_last(), "out is NULL") != NULL);
    CHECK(sf_error_last_code() == SF_ENULLARG);
    CHECK_STATUS(SF_ENULLARG, sf_case_state(&state, NULL));
    CHECK_STATUS(SF_ENULLARG, sf_case_state(NULL, NULL));
    CHECK_STATUS(SF_EINVAL, sf_referral_new(&ref, 7, 20261102, "Te Rangi"));
    CHECK(strstr(sf_error_last(), "unknown referral source 7") != NULL);
    CHECK(ref == NULL);
    CHECK_STATUS(SF_ERANGE, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20261131, "Te Rangi"));
    CHECK_STATUS(SF_EUTF8, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20261102, "Te Rangi wh\xC4"));
    CHECK_STATUS(SF_ENULLARG, sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20261102, NULL));

    CHECK_STATUS(SF_OK, sf_directory_new(&dir));
    CHECK_STATUS(SF_OK, sf_referral_new(&ref, SF_REFERRAL_SOURCE_AGENCY, 20261102, "Te Rangi"));
    /* agency referral without an agency */
    CHECK_STATUS(SF_EINVAL, sf_case_open(&c, dir, 1, ref, "coordinator-1", recorded_at));
    CHECK(c == NULL);
    CHECK_STATUS(SF_OK, sf_referral_set_agency(ref, 500, NULL));
    CHECK_STATUS(SF_ENOTFOUND, sf_case_open(&c, dir, 1, ref, "coordinator-1", recorded_at));
    CHECK_STATUS(SF_EINVAL, sf_referral_set_agency(ref, 0, NULL));
    CHECK_STATUS(SF_OK, sf_referral_set_agency(ref, SF_AGENCY_OT, NULL));
    CHECK_STATUS(SF_EINVAL, sf_case_open(&c, dir, 0, ref, "coordinator-1", recorded_at));
    CHECK_STATUS(SF_ERANGE, sf_case_open(&c, dir, 1, ref, "coordinator-1", INT64_MAX));
    CHECK_STATUS(SF_ENULLARG, sf_case_open(&c, NULL, 1, ref, "coordinator-1", recorded_at));
    CHECK_STATUS(SF_EINVAL, sf_referral_set_programme(ref, 77));
    CHECK_STATUS(SF_EINVAL, sf_directory_add_agency(&(uint32_t){0}, dir, "x", 99));
    CHECK_STATUS(SF_EEXISTS, sf_directory_add_agency(&(uint32_t){0}, dir, "ACC", SF_AGENCY_KIND_GOVERNMENT));
    CHECK_STATUS(SF_ENOTFOUND, sf_directory_find_agency(&(uint32_t){0}, dir, "Nobody"));
    CHECK_STATUS(SF_ENOTFOUND, sf_directory_agency_name(&name, dir, 0));

    CHECK_STATUS(SF_OK, sf_status_name(&name, SF_EUTF8));
    CHECK(strcmp(name, "SF_EUTF8") == 0);
    CHECK_STATUS(SF_OK, sf_status_name(&name, SF_OK));
    CHECK(strcmp(name, "SF_OK") == 0);
    CHECK_STATUS(SF_EINVAL, sf_status_name(&name, 5));
    CHECK_STATUS(SF_OK, sf_state_name(&name, SF_STATE_MEETING_SCHEDULED));
    CHECK(strcmp(name, "meeting_scheduled") == 0);
    CHECK_STATUS(SF_EINVAL, sf_state_name(&name, SF_STATE_COUNT_));
    CHECK_STATUS(SF_OK, sf_referral_source_name(&name, SF_REFERRAL_SOURCE_FAMILY));
    CHECK(strcmp(name, "family") == 0);

    sf_case_free(NULL);
    sf_referral_free(NULL);
    sf_directory_free(NULL);
    sf_referral_free(ref);
    sf_directory_free(dir);
}

static void test_version(void) {
    CHECK(strcmp(sf_version_string(), SF_VERSION_STRING) == 0);
    CHECK(sf_version_number() == SF_VERSION_NUMBER);
}

int main(void) {
    test_self_referral();
    test_agency_referral();
    test_bad_arguments();
    test_version();
    return check_summary();
}
