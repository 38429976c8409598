// One event as compact binary (the archive's encoding, without a frame):
// the case store keeps each event in its own row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "sfcore/archive.hpp"

namespace sfcore::detail {

/** One event's bytes. */
bytes encode_event(const event& e);
/** An event from its bytes; every length is bounded. @throws sfcore::error errc::malformed, errc::unsupported_version. */
event decode_event(const std::uint8_t* data, std::size_t size);

/** Decodes events one after another, reusing one archive (for a case's or a store's many events). */
class event_decoder {
public:
    event_decoder();
    ~event_decoder();
    event_decoder(const event_decoder&) = delete;
    event_decoder& operator=(const event_decoder&) = delete;
    /** As decode_event(). */
    event decode(const std::uint8_t* data, std::size_t size);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace sfcore::detail
