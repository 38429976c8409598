// What makes a journal tamper-evident: its genesis, seals and keys, and the clock.
#include "sfcore/journal.hpp"

#include "crypto.hpp"

#include <atomic>
#include <chrono>
#include <cstring>

namespace sfcore {

namespace {

std::atomic<clock_function> clock_fn{nullptr};
std::atomic<void*> clock_context{nullptr};

void put_u64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

} // namespace

void set_clock(clock_function f, void* context) noexcept {
    clock_context.store(context, std::memory_order_relaxed);
    clock_fn.store(f, std::memory_order_release);
}

instant clock_now() {
    if (const clock_function f = clock_fn.load(std::memory_order_acquire))
        return f(clock_context.load(std::memory_order_relaxed));
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    return unix_epoch + boost::posix_time::microseconds(us);
}

void check_key(const sealing_key& key) {
    detail::check_key_id(key.id, "a sealing key's id");
    if (key.secret.size() < 16) throw error(errc::key_error, "sealing key \"" + key.id + "\" is shorter than 16 bytes");
}

const sealing_key* find_key(const std::vector<sealing_key>& keys, std::string_view id) noexcept {
    for (const auto& k : keys)
        if (k.id == id) return &k;
    return nullptr;
}

digest hmac_sha256(const std::vector<std::uint8_t>& secret, const void* data, std::size_t size) {
    std::uint8_t block[64] = {};
    if (secret.size() > 64) {
        const digest d = sha256().update(secret.data(), secret.size()).finish();
        std::memcpy(block, d.data(), d.size());
    } else if (!secret.empty()) {
        std::memcpy(block, secret.data(), secret.size());
    }
    std::uint8_t ipad[64], opad[64];
    for (int i = 0; i < 64; ++i) {
        ipad[i] = static_cast<std::uint8_t>(block[i] ^ 0x36);
        opad[i] = static_cast<std::uint8_t>(block[i] ^ 0x5c);
    }
    const digest inner = sha256().update(ipad, 64).update(data, size).finish();
    return sha256().update(opad, 64).update(inner.data(), inner.size()).finish();
}

digest seal_of(case_id id, const journal_head& head, const sealing_key& key) {
    check_key(key);
    std::uint8_t msg[16 + 8 + 8 + 32];
    std::memcpy(msg, "sfcore seal 2   ", 16);
    put_u64(msg + 16, id.value());
    put_u64(msg + 24, head.seq);
    std::memcpy(msg + 32, head.hash.data(), 32);
    return hmac_sha256(key.secret, msg, sizeof msg);
}

digest journal_genesis(case_id id) {
    std::uint8_t msg[24];
    std::memcpy(msg, "sfcore journal 2", 16);
    put_u64(msg + 16, id.value());
    return sha256().update(msg, sizeof msg).finish();
}

} // namespace sfcore
