/**
 * @file sfcore/c/fhir.h
 * @brief HL7 FHIR R4 as JSON strings: a person's consents to share out and
 * in as `Consent` resources, and the journal's decisions, views and
 * sharings out as `AuditEvent`s (see sfcore/fhir.hpp for the mapping and
 * what is refused).
 *
 * Every function takes optional links (`links_json`, NULL for none): how
 * FHIR references and codes name the case's people, agencies and kinds of
 * information, as a JSON object such as
 * `{"references": {"Patient/f001": {"member": 1}, "Organization/f001": {"agency": 2}},
 * "codes": {"http://loinc.org|18842-5": "health"}, "nhi": {"1": "ZZZ0016"}}`.
 */
#ifndef SFCORE_C_FHIR_H
#define SFCORE_C_FHIR_H

#include "sfcore/c/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief One consent to share (@p consent, its number in the case: 1, 2,
 * 3…) as a FHIR R4 `Consent` (JSON, UTF-8) in `*out`; free it with sf_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such consent);
 *         #SF_EMALFORMED or #SF_EINVAL (links that cannot be read).
 * @since 0.3.0
 */
SF_API int sf_fhir_consent(char **out, const sf_case *c, const sf_directory *dir, uint32_t consent,
                           const char *links_json);
/**
 * @brief Every consent to share of one member as a FHIR R4 `Bundle` of
 * `Consent`s (JSON); free it with sf_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such member); as sf_fhir_consent() for the links.
 * @since 0.3.0
 */
SF_API int sf_fhir_consents(char **out, const sf_case *c, const sf_directory *dir, uint32_t member,
                            const char *links_json);
/**
 * @brief The journal's decisions, views, sharings without consent and
 * declined requests as a FHIR R4 `Bundle` of `AuditEvent`s (JSON); free it
 * with sf_free(). It names whom each refusal rested on: the coordinator's log.
 * @return #SF_OK; #SF_ENULLARG; as sf_fhir_consent() for the links.
 * @since 0.3.0
 */
SF_API int sf_fhir_audit_events(char **out, const sf_case *c, const sf_directory *dir, const char *links_json);
/**
 * @brief Import a FHIR R4 `Consent` (or a `Bundle` of them) into the case's
 * journal: every entry it says, or none.
 * @param[out] out_consents receives the numbers of the consents given (free
 *        it with sf_free(); NULL when there are none).
 * @param[out] out_count receives how many.
 * @param c the case.
 * @param dir the agency directory its recipients are in.
 * @param who who records the import (UTF-8, not blank).
 * @param when the instant the entries are recorded at (Unix seconds).
 * @param json the resource (UTF-8 JSON).
 * @param links_json the links (see above), or NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EMALFORMED (not JSON, not
 *         FHIR R4, too large or too deep); #SF_ECONSENT (FHIR that sfcore
 *         cannot represent exactly); #SF_ENOTFOUND (a reference to no one the
 *         case knows); #SF_EREFUSED (the case refuses an entry). The error
 *         message (sf_error_last()) names the element, such as
 *         `provision.provision[2].data`; nothing is appended on an error.
 * @since 0.3.0
 */
SF_API int sf_fhir_import_consents(uint32_t **out_consents, size_t *out_count, sf_case *c, const sf_directory *dir,
                                   const char *who, int64_t when, const char *json, const char *links_json);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_FHIR_H */
