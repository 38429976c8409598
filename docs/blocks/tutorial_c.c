/* The C tutorial's program (docs/tutorial_c.md): its steps, in order, are the body of main. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sfcore.h>

int main(void) {
    // @block
    return 0;
}
