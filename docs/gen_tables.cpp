// Writes documentation pages from the library's own tables, so the docs can
// never disagree with the code.  Usage: sfcore_gen_tables errors (or enumerations, diagram, lifecycle, law)
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "sfcore/sfcore.hpp"

namespace {

int errors() {
    std::cout << "# Error codes {#errors}\n\n[TOC]\n\n"
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

// Every enumeration, from sfcore/def/enumerations.def: its names in C++, C and Python.
int enumerations() {
    std::cout << "# Enumerations {#enumerations}\n\n[TOC]\n\n"
                 "Generated from `include/sfcore/def/enumerations.def`, the one table of the library's enumerations. "
                 "Each enumeration's values are in its own table in `include/sfcore/def/` (a row each: value, name, "
                 "label), read by the C++ enum, the C typedef and the Python `enum.IntEnum`, so the three agree. "
                 "In C, `sf_enum_name()` and `sf_enum_label()` take the `SF_ENUM_…` constant; in Python a value's "
                 "`.label` is its label; in C++, `sfcore::to_string()` and `sfcore::label()`.\n\n"
                 "| C++ | C (values) | `sf_enumeration` | Python | values | what it is |\n|---|---|---|---|---|---|\n";
    const auto count = [](const auto& rows) { return std::size(rows); };
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc, since, old_prefix, old_count)                                       \
    std::cout << "| `sfcore::" #cxx "` | `sf_" #cxx "` (`" c_prefix "…`) | `SF_ENUM_" #id "` = " #number " | `sfcore." python \
                 "` | " << count(sfcore::cxx##_table) << " (`" values "`) | " doc " |\n";
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
    std::cout << "\nEvery C value is named `SF_` + the enumeration's name + `_` + the value's (`SF_MEMBER_ROLE_CHILD`). "
                 "Before 0.3.0 fifteen enumerations had shorter prefixes (`SF_ROLE_CHILD`, `SF_RULE_CONSENT`, "
                 "`SF_EVENT_PLAN_AGREED`…); those names remain, deprecated, as the same values.\n";
    std::cout << "\nThree enumerations have tables of their own: the error codes (@ref errors \"Error codes\"), and an "
                 "archive's encoding and content (`sfcore::archive_encoding`, `sfcore::archive_content`).\n\n"
                 "## Adding an enumeration\n\n"
                 "1. Its values table, `include/sfcore/def/<name>s.def` (a row each; values never change).\n"
                 "2. Its row in `include/sfcore/def/enumerations.def`, numbered next: its names in C++, C and "
                 "Python, its doc, the version it comes in. The C `SF_ENUM_…` constant, `sf_enum_name()`, the "
                 "Python `enum.IntEnum` and this page follow from it.\n"
                 "3. `make enums`, which writes its C++ `enum class` and `<name>_table` "
                 "(`include/sfcore/enum_tables.hpp`) and its C `typedef enum sf_<name>` "
                 "(`capi/sfcore/c/enum_types.h`) from the two tables. A test fails while either file is not "
                 "what the tables make.\n";
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
    std::cout << "# The lifecycle tables {#lifecycle_tables}\n\n[TOC]\n\n"
                 "Generated from `sfcore::transition_table` (the `SF_TRANSITION` lines of `include/sfcore/def/events.def`): the engine, "
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
    std::cout << "\n## Events\n\nEvery entry of a case's journal is one of these. A *lifecycle* or *disclosure* "
                 "event is offered to `case_file::record()` and accepted or refused by its rows above; an *access* "
                 "record is written by the library alone, by `decide()`, `view()` and the conversion of a 0.1 case.\n\n"
                 "| event | kind | meaning |\n|---|---|---|\n";
    for (const auto& e : sfcore::event_type_table)
        std::cout << "| `" << e.name << "` | " << sfcore::to_string(sfcore::kind_of(e.value)) << " | " << e.label << " |\n";
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

// Sharing without consent: every legal basis, and what its record must hold —
// asked of a case itself, by offering it an empty record under each basis.
int law() {
    using namespace sfcore;
    std::cout << "# Sharing without consent {#sharing_law}\n\n[TOC]\n\n"
                 "Generated from `sfcore::legal_basis_table` and `sfcore::s66c_purpose_table`; the lists of what a "
                 "record must hold are a case's own answer to an empty `shared_without_consent` record under each "
                 "basis (`case_file::record()` refuses an incomplete record by the guard `record_complete`, with "
                 "these items in its reason and their field names in `outcome::missing`, and records nothing).\n\n"
                 "Sharing without consent is a separate act from a decision under consent: it never changes what "
                 "consent permits, and it is one entry of the case's journal, recorded in full.\n\n"
                 "## The legal bases\n\n| basis | what it allows |\n|---|---|\n";
    for (const auto& b : legal_basis_table) std::cout << "| `" << b.name << "` | " << b.label << " |\n";
    std::cout << "\n## What the record must hold\n\n";
    agency_directory directory;
    referral r;
    r.family_name = "—";
    r.received = make_date(2026, 1, 5);
    const instant at = instant_from_unix(1767600000);
    case_file c = case_file::open(case_id{1}, directory, r, "docs", at);
    (void)c.record(directory, "docs", at, referral_accepted{});
    (void)c.record(directory, "docs", at, member_added{member{{}, "—", member_role::parent_caregiver, std::nullopt, true}});
    // What an empty record lacks under each basis (the child and family marked as
    // consulted and told, so the reason for not telling them is not asked for).
    const auto items_of = [](const std::string& reason) {
        std::vector<std::string> out;
        const std::string lead = "the record lacks ";
        std::string rest = reason.rfind(lead, 0) == 0 ? reason.substr(lead.size()) : reason;
        for (std::size_t at = 0; at <= rest.size();) {
            const std::size_t end = std::min(rest.find("; ", at), rest.size());
            out.push_back(rest.substr(at, end - at));
            at = end + 2;
        }
        return out;
    };
    std::vector<std::vector<std::string>> missing;
    for (const auto& b : legal_basis_table) {
        shared_without_consent empty;
        empty.basis = b.value;
        empty.subjects = {member_id{1}};
        empty.child_consulted = empty.family_told = true;
        const outcome o = c.would_accept(directory, "docs", at, empty);
        missing.push_back(o.accepted ? std::vector<std::string>{} : items_of(o.reason));
    }
    std::vector<std::string> common;
    for (const auto& item : missing.front()) {
        bool everywhere = true;
        for (const auto& m : missing) everywhere = everywhere && std::find(m.begin(), m.end(), item) != m.end();
        if (everywhere) common.push_back(item);
    }
    std::cout << "Under every basis, the record must say:\n\n";
    for (const auto& item : common) std::cout << "- " << item << "\n";
    std::cout << "- whom the information is about\n"
                 "- whether the child (or their representative) was consulted or told, and whether the family "
                 "was told — and when either was not, why\n\n"
                 "Its instant is the journal entry's; who recorded it is the entry's too.\n\n"
                 "| basis | and also |\n|---|---|\n";
    for (std::size_t i = 0; i < missing.size(); ++i) {
        std::string extra;
        for (const auto& item : missing[i])
            if (std::find(common.begin(), common.end(), item) == common.end()) extra += (extra.empty() ? "" : "; ") + item;
        std::cout << "| `" << legal_basis_table[i].name << "` | " << (extra.empty() ? "—" : extra) << " |\n";
    }
    std::cout << "\n";
    std::cout << "## Who may ask under s66\n\nA record under s66 names the person who asked (`requested_by`) and "
                 "which of these they are (`requester_role`, an `s66_requester`); another basis names none.\n\n"
                 "| requester | |\n|---|---|\n";
    for (const auto& p : s66_requester_table)
        if (p.value != s66_requester::none) std::cout << "| `" << p.name << "` | " << p.label << " |\n";
    std::cout << "\n## The six purposes of s66C\n\n| purpose | |\n|---|---|\n";
    for (const auto& p : s66c_purpose_table)
        if (p.value != s66c_purpose::none) std::cout << "| `" << p.name << "` | " << p.label << " |\n";
    std::cout << "\nUnder s66C both the discloser and the recipient are child welfare and protection agencies "
                 "(Oranga Tamariki Act 1989 s2): a record naming another agency (or a practitioner of one) is refused "
                 "by the guard `basis_allowed`, naming it. The directory says which agencies are (`agency::child_welfare`); "
                 "a new directory marks these:\n\n";
    for (const auto& a : directory.all())
        std::cout << "- " << a.name << (a.child_welfare ? "" : " — **not** one") << "\n";
    std::cout << "\nA host marks the NGOs, iwi and community services the Act makes child welfare and protection "
                 "agencies (registered community housing providers, school boards, early childhood services, "
                 "providers of regulated services, and those regulations designate) with "
                 "`agency_directory::set_child_welfare()` or `add(name, kind, true)`. A journal read back is not "
                 "checked against the directory again: the check held when the entry was recorded.\n";
    std::cout << "\n## Declined requests\n\nA request may be declined on the grounds of s66I; a "
                 "`request_declined` entry records who asked, about whom, for what, under which basis and who "
                 "decided (its instant is the entry's), and a record without reasons is refused (s66J).\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    if (what == "errors") return errors();
    if (what == "enumerations") return enumerations();
    if (what == "diagram") return diagram();
    if (what == "lifecycle") return lifecycle();
    if (what == "law") return law();
    std::cerr << "usage: sfcore_gen_tables errors|enumerations|diagram|lifecycle|law\n";
    return 2;
}
