// Journal entries in the canonical form, and the hash that chains them.
#include "archive_detail.hpp"
#include "walker.hpp"

namespace sfcore::detail {

namespace {

// Walk an entry into an archive's buffer.
void encode(canonical_oarchive& ar, const event& e) {
    walker<canonical_oarchive> w{ar};
    w(const_cast<event&>(e));  // saving only reads
}

} // namespace

void encode_entry(bytes& out, const event& e) {
    canonical_oarchive ar;
    encode(ar, e);
    out.insert(out.end(), ar.data(), ar.data() + ar.size());
}

digest entry_hash(const digest& prev, const event& e) {
    canonical_oarchive ar;
    encode(ar, e);
    return chain_hash(prev, ar.data(), ar.size());
}

digest decision_entry_hash(const digest& prev, const event& e) {
    canonical_oarchive ar;
    walker<canonical_oarchive> w{ar};
    w.save_event_as<disclosure_decided>(const_cast<event&>(e));  // saving only reads
    return chain_hash(prev, ar.data(), ar.size());
}

bytes encode_entry(const event& e) {
    bytes out;
    out.reserve(160);
    encode_entry(out, e);
    return out;
}

event decode_entry(const std::uint8_t* data, std::size_t size) {
    if (!data && size > 0) throw error(errc::null_argument, "entry data");
    canonical_iarchive ar{data, data + size};
    walker<canonical_iarchive> w{ar};
    event e;
    w(e);
    if (ar.remaining() != 0) malformed("bytes follow an entry");
    return e;
}

bool is_v1_entry(const std::uint8_t* data, std::size_t size) noexcept { return size > 0 && data[0] == 1; }

digest chain_hash(const digest& prev, const std::uint8_t* data, std::size_t size) noexcept {
    const std::size_t body = size >= 32 ? size - 32 : 0;
    return sha256().update(prev.data(), prev.size()).update(data, body).finish();
}

} // namespace sfcore::detail
