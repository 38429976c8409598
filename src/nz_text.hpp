// Text for people: an instant as New Zealand local time, for timelines and
// reasons ("2026-03-09 09:30 NZDT"), used by the report and the lifecycle's
// refusals; and a list joined for a sentence.
#pragma once

#include <string>
#include <vector>

#include "sfcore/time.hpp"

namespace sfcore::detail {
std::string local_text(const instant& t);

/** @p s in double quotes, for a reason that names what it refuses. */
inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

/** @p s with its ASCII capitals made small (other bytes, UTF-8 included, as they are). */
inline std::string ascii_lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

/** @p parts joined with @p sep between them. */
inline std::string join(const std::vector<std::string>& parts, const char* sep = ", ") {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}
} // namespace sfcore::detail
