/**
 * @file sfcore.h
 * @brief The sfcore C ABI: the library from C and from any language with a C FFI.
 *
 * Conventions (they hold for every function):
 * - Functions are named `sf_<module>_<verb>`, return an `int` status
 *   (#SF_OK, or a negative `SF_E*` code from #sf_status) and put output
 *   parameters first.
 * - Objects are opaque handles made by `sf_X_new()`/`sf_X_open()`/`sf_X_load()`
 *   and released by `sf_X_free()`, which accepts NULL. The caller owns every
 *   handle it receives. A `const char **` output points into a handle and
 *   stays valid until the handle changes or is freed; a `char **` or
 *   `uint8_t **` output (and every array a function returns) is allocated
 *   for the caller, who frees it with sf_free(). On failure every handle
 *   output is set to NULL.
 * - A case is one journal: every fact (the lifecycle, consents to share,
 *   withdrawals, sharing without consent, notices) is offered to it as an
 *   event (events.h), and every decision and view is recorded in it
 *   (disclosure.h). Each entry is hash-chained from the case's id
 *   (journal.h); every load verifies the chain.
 * - A refusal by the lifecycle or the disclosure rules is a value (an
 *   #sf_outcome, an #sf_decision), not an error status. What a requester is
 *   told of a refusal (sf_decision_reason()) says nothing about anyone's consent.
 * - Every string passed in must be NUL-terminated UTF-8; anything else is
 *   #SF_EUTF8. A NULL where a value is required is #SF_ENULLARG.
 * - A date is an integer YYYYMMDD (20261122); an instant is seconds since
 *   1970-01-01T00:00:00Z. Years 1900 to 2199 are accepted.
 * - On failure, sf_error_last() says why, for the calling thread.
 * - No exception or C++ type ever crosses this boundary.
 * - Enumerations only gain values at the end; values never change.
 *
 * Thread safety: a case handle may be used from any number of threads at
 * once: decisions and reads run side by side, and every change takes the
 * case to itself (a change is seen by every decision that starts after it
 * returns). A `const char *` a read returned stays valid until the case next
 * changes, so a thread that reads a string while others change the case
 * copies it first. A store handle may be used from many threads (their
 * calls take turns), and sf_store_close() makes every later call return
 * #SF_ECLOSED; free a handle only once no thread uses it. A directory,
 * referral, meeting or plan handle must not be changed from two threads at
 * once; reading it from many is safe. sf_error_last() and an sf_outcome's
 * texts are per thread.
 *
 * Stability: functions are only added; enumerations only gain values at
 * the end; structs passed by pointer never change within a release series.
 * The SONAME carries compatibility: `libsfcore_c.so.0.2` for the 0.2
 * series (before 1.0, each minor version may change the ABI, and gets its
 * own SONAME). `capi/abi/` holds the ABI baseline that the tests compare
 * `libsfcore_c.so` with (libabigail).
 *
 * The header is one file per module, all included here: sfcore/c/base.h
 * (statuses, errors, memory, handles), enums.h, directory.h, calendar.h,
 * case.h, events.h, disclosure.h, journal.h, store.h, fhir.h and analysis.h.
 */
#ifndef SFCORE_H
#define SFCORE_H

#include "sfcore/c/base.h"
#include "sfcore/c/enums.h"
#include "sfcore/c/directory.h"
#include "sfcore/c/calendar.h"
#include "sfcore/c/identifiers.h"
#include "sfcore/c/case.h"
#include "sfcore/c/events.h"
#include "sfcore/c/disclosure.h"
#include "sfcore/c/journal.h"
#include "sfcore/c/store.h"
#include "sfcore/c/fhir.h"
#include "sfcore/c/analysis.h"

#endif /* SFCORE_H */
