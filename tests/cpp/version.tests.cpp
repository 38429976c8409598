#include <catch2/catch.hpp>

#include <string>

#include "sfcore/version.hpp"

TEST_CASE("the version is the CMake project version", "[version]") {
    CHECK(std::string(sfcore::version_string) == SFCORE_PROJECT_VERSION);
    CHECK(sfcore::version_number ==
          sfcore::version_major * 10000 + sfcore::version_minor * 100 + sfcore::version_patch);
    CHECK(std::to_string(sfcore::version_major) + "." + std::to_string(sfcore::version_minor) + "." +
              std::to_string(sfcore::version_patch) ==
          sfcore::version_string);
}
