// The answer to an access request, built a case at a time (access_response.cpp;
// case_store::access_response() gathers the cases).
#pragma once

#include "sfcore/store.hpp"

namespace sfcore::detail {

/// Add what case @p c holds about its member @p m to @p out (items and withholdings).
void add_access_part(const case_file& c, member_id m, const agency_directory& directory, access_response& out);

/// The answer as Markdown.
std::string access_markdown(const access_response& r);

} // namespace sfcore::detail
