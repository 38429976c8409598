/* A family's case through the C ABI: a self-referral, read back. */
#include <stdio.h>

#include <sfcore.h>

static int check(int rc) {
    if (rc != SF_OK) fprintf(stderr, "sfcore: %s\n", sf_error_last());
    return rc;
}

int main(void) {
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    int state = -1;
    const char *state_name = NULL, *family = NULL;
    int rc;

    if ((rc = check(sf_directory_new(&dir))) != SF_OK) return 1;
    rc = check(sf_referral_new(&ref, SF_REFERRAL_FAMILY, 20261120, "\xC5\x8Ct\xC4\x81huhu wh\xC4\x81nau"));
    if (rc == SF_OK) rc = check(sf_case_open(&c, dir, 2, ref, "coordinator-1", 1795132800 /* 2026-11-20Z */));
    if (rc == SF_OK) rc = check(sf_case_state(&state, c));
    if (rc == SF_OK) rc = check(sf_state_name(&state_name, state));
    if (rc == SF_OK) rc = check(sf_case_family_name(&family, c));
    if (rc == SF_OK) printf("C      | case 2: %s, self-referral on 2026-11-20 -> state %s\n", family, state_name);

    /* A bad argument is an error code with a reason, never a crash. */
    if (sf_case_state(&state, NULL) == SF_ENULLARG) printf("C      | bad argument -> %s\n", sf_error_last());

    sf_case_free(c);
    sf_referral_free(ref);
    sf_directory_free(dir);
    return rc == SF_OK ? 0 : 1;
}
