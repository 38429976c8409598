// Each event's behaviour, in one place. For every row of events.def this
// declares four rules, and one file of src/events/ defines all four for each
// event of its area:
//
//   complete  what the case gives an event offered to record(): its ids, a
//             plan's version and day, canonical forms (most events: nothing);
//   validate  what the payload must hold, changing nothing -- bad input is an
//             error, and so is a field complete() gives that differs (a
//             replayed journal is checked, never corrected). For an access
//             record (a decision, a view) it is the record made again from
//             the fold as it stood, which must agree;
//   apply     what it changes in the case (and in its disclosure state): the fold;
//   describe  how it reads in a timeline, after its label.
//
// case_file (case.cpp, case_validate.cpp, lifecycle.cpp) and describe()
// (report.cpp) visit the payload and call these. An event whose rules are not
// all defined does not link; a payload type without a row does not compile.
// The transition rows (which states accept it, where it leads, its guards) are
// the table's, in sfcore/lifecycle.hpp.
#pragma once

#include <string>
#include <vector>

#include "sfcore/case.hpp"

namespace sfcore::detail {

struct event_rules {
#define SF_EVENT(C_SUFFIX, value, name, label, kind)                                                               \
    static void complete(const case_file& c, const instant& when, name& p);                                          \
    static void validate(const case_file& c, const agency_directory* dir, const event& e, const name& p);            \
    static void apply(case_file& c, const event& e, const name& p, state next);                                       \
    static void describe(std::string& what, const case_file& c, const agency_directory& dir, const event& e, const name& p);
#include "sfcore/def/events.def"
#undef SF_EVENT

    // Checks more than one area's events share.
    static void check_party(const case_file& c, const agency_directory* dir, const party& p, const char* what);
    static void check_texts(const std::vector<std::string>& texts, const char* what);
    // A date of birth (member_added, member_updated): in range and not after @p today.
    static void check_born(const date& born, const date& today);
};

} // namespace sfcore::detail
