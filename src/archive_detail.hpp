// One event as compact binary (the archive's encoding, without a frame):
// the case store keeps each event in its own row.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sfcore/archive.hpp"

namespace sfcore::detail {

/** One event's bytes. */
bytes encode_event(const event& e);
/** An event from its bytes; every length is bounded. @throws sfcore::error errc::malformed, errc::unsupported_version. */
event decode_event(const std::uint8_t* data, std::size_t size);

} // namespace sfcore::detail
