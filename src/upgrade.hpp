// The conversion of an sfcore 0.1 case (its events, and its ledger archive
// if it had one) into one journal: shared by upgrade_v1() and the store.
#pragma once

#include <vector>

#include "sfcore/archive.hpp"

namespace sfcore::detail {

/**
 * A 0.1 case from its events (as 0.1 wrote them) and its 0.1 ledger archive
 * (or nullptr), the directory resolving practitioners' agencies.
 * @throws sfcore::error errc::malformed naming the case, as upgrade_v1().
 */
case_file upgrade_v1_case(case_id id, std::vector<event> journal, const std::uint8_t* ledger, std::size_t ledger_size,
                          const agency_directory& directory);

} // namespace sfcore::detail
