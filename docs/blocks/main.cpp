// The context of a C++ fragment that needs nothing before it: the headers and main.
#include <cassert>
#include <cstdio>
#include <iostream>
#include <sfcore/sfcore.hpp>

int main() {
    // @block
}
