// libFuzzer target over the archive loaders (make fuzz).
#include "load_any.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fuzzing::context x;
    fuzzing::load_any(x, data, size);
    return 0;
}
