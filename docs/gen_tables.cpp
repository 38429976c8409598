// Writes documentation pages from the library's own tables, so the docs can
// never disagree with the code.  Usage: sfcore_gen_tables errors
#include <iostream>
#include <string>

#include "sfcore/sfcore.hpp"

namespace {

int errors() {
    std::cout << "# Error codes {#errors}\n\n"
                 "Generated from `include/sfcore/def/errors.def`, the one table behind "
                 "`sfcore::errc`, the C ABI's `SF_E*` status codes (the negated number) "
                 "and Python's `sfcore.ErrorCode`.\n\n"
                 "## Families\n\n"
                 "| hundreds | family | Python exception | covers |\n|---|---|---|---|\n";
    for (const auto& f : sfcore::error_family_table)
        std::cout << "| " << static_cast<int>(f.family) << "xx | `" << f.name << "` | `sfcore." << f.python_name
                  << "` (also a `" << f.python_base << "`) | " << f.text << " |\n";
    std::cout << "\n## Codes\n\n| code | C++ `sfcore::errc` | C status | meaning |\n|---|---|---|---|\n";
    for (const auto& e : sfcore::error_table)
        std::cout << "| " << static_cast<int>(e.code) << " | `" << e.name << "` | `" << e.c_name << "` = -"
                  << static_cast<int>(e.code) << " | " << e.text << " |\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    if (what == "errors") return errors();
    std::cerr << "usage: sfcore_gen_tables errors\n";
    return 2;
}
