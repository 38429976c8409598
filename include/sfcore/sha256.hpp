/**
 * @file sha256.hpp
 * @brief SHA-256 (FIPS 180-4), for the audit log's hash chain.
 */
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sfcore {

/** @brief A SHA-256 digest. @since 0.1.0 */
using digest = std::array<std::uint8_t, 32>;

/**
 * @brief Incremental SHA-256.
 *
 * Uses the x86 SHA extensions when the CPU has them (checked once, at run
 * time) and portable code otherwise; both give the same digests.
 * @since 0.1.0
 */
class sha256 {
public:
    /** @brief A fresh hash. @since 0.1.0 */
    sha256() noexcept;
    /** @brief Hash more bytes. @since 0.1.0 */
    sha256& update(const void* data, std::size_t size) noexcept;
    /** @brief Hash more text. @since 0.1.0 */
    sha256& update(std::string_view text) noexcept { return update(text.data(), text.size()); }
    /** @brief The digest of everything hashed (the object is then spent). @since 0.1.0 */
    digest finish() noexcept;

private:
    void block(const std::uint8_t* p) noexcept;
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::uint64_t length_ = 0;
    std::size_t used_ = 0;
};

/** @brief The SHA-256 digest of some text. @since 0.1.0 */
inline digest sha256_of(std::string_view text) { return sha256().update(text).finish(); }

/** @brief A digest as 64 lowercase hex digits. @since 0.1.0 */
std::string to_hex(const digest& d);

/**
 * @brief A digest from 64 lowercase hex digits, as to_hex() writes it; nullopt for anything else.
 * @since 0.3.0
 */
std::optional<digest> digest_from_hex(std::string_view hex) noexcept;

namespace detail {
/** @brief One SHA-256 block, in portable code. @since 0.1.0 */
void sha256_compress_portable(std::uint32_t* state, const std::uint8_t* block) noexcept;
/** @brief One block with the CPU's SHA instructions; false (and nothing done) when the CPU has none. @since 0.1.0 */
bool sha256_compress_accelerated(std::uint32_t* state, const std::uint8_t* block) noexcept;
} // namespace detail

} // namespace sfcore
