// An instant as New Zealand local time, for timelines and reasons:
// "2026-03-09 09:30 NZDT". Used by the report and the lifecycle's refusals.
#pragma once

#include <string>

#include "sfcore/time.hpp"

namespace sfcore::detail {
std::string local_text(const instant& t);
} // namespace sfcore::detail
