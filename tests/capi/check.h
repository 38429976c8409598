/* A minimal test harness for the C tests: CHECK counts, the summary line is
   "N passed, N failed". */
#ifndef SFCORE_TEST_CHECK_H
#define SFCORE_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed = 0;
static int check_failed = 0;

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (cond) {                                                             \
            ++check_passed;                                                     \
        } else {                                                                \
            ++check_failed;                                                     \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
        }                                                                       \
    } while (0)

#define CHECK_STATUS(expected, call)                                            \
    do {                                                                        \
        int check_rc_ = (call);                                                 \
        if (check_rc_ == (expected)) {                                         \
            ++check_passed;                                                     \
        } else {                                                                \
            ++check_failed;                                                     \
            fprintf(stderr, "%s:%d: %s returned %d, expected %d (%s)\n", __FILE__, __LINE__, #call, \
                    check_rc_, (int)(expected), sf_error_last());               \
        }                                                                       \
    } while (0)

static int check_summary(void) {
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

#endif
