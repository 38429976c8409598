#include <stdio.h>

#include <sfcore.h>

int main(void) {
    sf_directory *dir = NULL;
    sf_referral *ref = NULL;
    sf_case *c = NULL;
    int state = -1;
    if (sf_directory_new(&dir) != SF_OK) return 1;
    if (sf_referral_new(&ref, SF_REFERRAL_SOURCE_FAMILY, 20261102, "Te Rangi") != SF_OK) return 1;
    if (sf_case_open(&c, dir, 1, ref, "coordinator", 1795000000) != SF_OK) return 1;
    if (sf_case_state(&state, c) != SF_OK) return 1;
    printf("c consumer: state %d, %s\n", state, sf_version_string());
    sf_case_free(c);
    sf_referral_free(ref);
    sf_directory_free(dir);
    return state == SF_STATE_REFERRED && sf_version_number() == SF_VERSION_NUMBER ? 0 : 1;
}
