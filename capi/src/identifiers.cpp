// Identifiers other systems know a person by: the NHI number.
#include "internal.hpp"

#include <cstring>

#include "sfcore/identifiers.hpp"

using namespace sfcore_c;

extern "C" {

int sf_nhi_check(char* out, const char* text) {
    return call([&] {
        char* o = &need(out, "out");
        const std::string nhi = checked_nhi(utf8(text, "text"));
        std::memcpy(o, nhi.c_str(), nhi.size() + 1);
    });
}

} // extern "C"
