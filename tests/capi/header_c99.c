/* Compiled as C99 with -pedantic -Werror: the public header must stand alone. */
#include "sfcore.h"

int sfcore_header_compiles_as_c99(void);
int sfcore_header_compiles_as_c99(void) { return SF_OK + SF_VERSION_MAJOR * 0; }
