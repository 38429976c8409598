/* The context of a C fragment that needs nothing before it: the headers and main. */
#include <stdio.h>
#include <sfcore.h>

int main(void) {
    // @block
    return 0;
}
