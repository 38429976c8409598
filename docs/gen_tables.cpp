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

std::string guards_of(const sfcore::transition& row) {
    std::string out;
    for (auto g : row.guards)
        if (g != sfcore::guard::none) out += (out.empty() ? "" : ", ") + std::string(sfcore::to_string(g));
    return out;
}

// The state diagram, from the transition table. Rows that stay in their
// state are listed in the tables rather than drawn, to keep it readable.
int diagram() {
    std::cout << "digraph lifecycle {\n"
                 "  rankdir=TB; bgcolor=\"transparent\";\n"
                 "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4f0\", fontname=\"Helvetica\"];\n"
                 "  edge [fontname=\"Helvetica\", fontsize=10];\n"
                 "  start [shape=point]; start -> referred [label=\"referral_received\"];\n";
    // A row that applies in many states is drawn once, from "any open state".
    bool any_node = false;
    for (const auto& row : sfcore::transition_table) {
        if (row.to == sfcore::stay) continue;
        const std::string g = guards_of(row);
        const std::string label = std::string(sfcore::to_string(row.on)) + (g.empty() ? "" : "\\n[" + g + "]");
        int sources = 0;
        for (const auto& s : sfcore::state_table) sources += row.from.contains(s.value);
        if (sources >= 5) {
            if (!any_node)
                std::cout << "  any [label=\"open states\\n(see the table)\", style=\"rounded,dashed\", fillcolor=\"white\"];\n";
            any_node = true;
            std::cout << "  any -> " << sfcore::to_string(row.to) << " [label=\"" << label << "\", style=dashed];\n";
            continue;
        }
        for (const auto& s : sfcore::state_table) {
            if (!row.from.contains(s.value) || s.value == row.to) continue;
            std::cout << "  " << s.name << " -> " << sfcore::to_string(row.to) << " [label=\"" << label << "\"];\n";
        }
    }
    std::cout << "}\n";
    return 0;
}

int lifecycle() {
    std::cout << "# The lifecycle tables {#lifecycle_tables}\n\n"
                 "Generated from `sfcore::transition_table` (`include/sfcore/lifecycle.hpp`): the engine, "
                 "the tests and this page read the same rows.\n\n"
                 "![The lifecycle](lifecycle.svg)\n\n"
                 "## States\n\n| state | meaning |\n|---|---|\n";
    for (const auto& s : sfcore::state_table) std::cout << "| `" << s.name << "` | " << s.label << " |\n";
    std::cout << "\n## Transitions\n\nAn event with no row for the case's state is refused by `no_transition`; "
                 "a row's guards are checked in order and the first that fails refuses the event.\n\n"
                 "| in state | event | guards | goes to |\n|---|---|---|---|\n";
    for (const auto& row : sfcore::transition_table) {
        std::string from;
        for (const auto& s : sfcore::state_table)
            if (row.from.contains(s.value)) from += (from.empty() ? "" : ", ") + std::string("`") + s.name + "`";
        const std::string g = guards_of(row);
        std::cout << "| " << from << " | `" << sfcore::to_string(row.on) << "` | " << (g.empty() ? "—" : g) << " | "
                  << (row.to == sfcore::stay ? std::string("(stays)") : "`" + std::string(sfcore::to_string(row.to)) + "`")
                  << " |\n";
    }
    std::cout << "\n## Events\n\n| event | meaning |\n|---|---|\n";
    for (const auto& e : sfcore::event_type_table) std::cout << "| `" << e.name << "` | " << e.label << " |\n";
    std::cout << "\n## Guards\n\n| guard | what must hold |\n|---|---|\n";
    for (const auto& g : sfcore::guard_table)
        if (g.value != sfcore::guard::none) std::cout << "| `" << g.name << "` | " << g.label << " |\n";
    std::cout << "\n## Programmes\n\n| programme | panel accepts | one plan per child | child under | site named | "
                 "exit reasons |\n|---|---|---|---|---|---|\n";
    for (const auto& r : sfcore::programme_rules_table) {
        std::string exits;
        for (const auto& e : sfcore::exit_reason_table)
            if ((r.exit_reasons >> static_cast<unsigned>(e.value)) & 1u) exits += (exits.empty() ? "" : ", ") + std::string(e.name);
        std::cout << "| " << sfcore::label(r.programme) << " | " << (r.panel_acceptance ? "yes" : "no") << " | "
                  << (r.plan_per_child ? "yes" : "no") << " | " << (r.child_age_limit ? std::to_string(r.child_age_limit) : "—")
                  << " | " << (r.site_required ? "yes" : "no") << " | " << exits << " |\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    if (what == "errors") return errors();
    if (what == "diagram") return diagram();
    if (what == "lifecycle") return lifecycle();
    std::cerr << "usage: sfcore_gen_tables errors|diagram|lifecycle\n";
    return 2;
}
