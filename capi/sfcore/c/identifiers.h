/**
 * @file sfcore/c/identifiers.h
 * @brief Identifiers other systems know a person by, checked by their
 * published rules: the National Health Index (NHI) number, in its original
 * (AAANNNC) and revised (AAANNAX) formats (HISO 10046:2023; see
 * sfcore/identifiers.hpp for the check-character rules).
 */
#ifndef SFCORE_C_IDENTIFIERS_H
#define SFCORE_C_IDENTIFIERS_H

#include "sfcore/c/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Check an NHI number and write it in capitals.
 * @param[out] out room for 8 bytes: receives the 7 characters and a NUL.
 * @param text the number (UTF-8; letters in either case).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL with sf_error_last()
 *         naming what is wrong (the length, a character in the wrong place,
 *         the check character).
 * @since 0.2.0
 */
SF_API int sf_nhi_check(char *out, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_IDENTIFIERS_H */
