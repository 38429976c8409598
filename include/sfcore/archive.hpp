/**
 * @file archive.hpp
 * @brief Archives: a case, its disclosure ledger (with the audit log), an
 * audit log alone or an agency directory, as bytes to keep or move between
 * systems — a compact binary form for storage and a text form to inspect.
 *
 * Every archive is a frame around a Boost.Serialization archive:
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic: `89 53 46 43 0D 0A 1A 0A` (`\x89SFC\r\n\x1a\n`) |
 * | 8 | 2 | sfcore archive format version, little-endian (this library writes and reads 1) |
 * | 10 | 1 | encoding: 1 binary (`boost::archive::binary_oarchive`), 2 text (`boost::archive::text_oarchive`) |
 * | 11 | 1 | content (archive_content) |
 * | 12 | 4 | reserved, zero |
 * | 16 | 8 | payload length in bytes, little-endian |
 * | 24 | 32 | SHA-256 of the payload |
 * | 56 | … | the payload |
 *
 * The frame is checked before Boost reads a byte: magic, a format version
 * no newer than this library's, the encoding and content, the length (the
 * archive is exactly header plus payload, at most archive_max_payload) and
 * the checksum. While loading, every count and length is checked against the
 * bytes that remain, each value's class version against the newest this
 * library knows, every enum value and id against its table, every text as
 * UTF-8, and every date and instant against the supported range; a case's
 * journal is then replayed and a ledger's records re-checked as when they
 * were first recorded. Any failure is an sfcore::error: errc::malformed,
 * errc::unsupported_version or errc::checksum_mismatch; nothing is half
 * loaded.
 *
 * The binary form is little-endian with 64-bit instants; the text form is
 * Boost's text archive (numbers and length-prefixed strings, one line).
 * @since 0.1.0
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/audit.hpp"
#include "sfcore/case.hpp"
#include "sfcore/disclosure.hpp"

namespace sfcore {

/** @brief How an archive's payload is encoded. @since 0.1.0 */
enum class archive_encoding : std::uint8_t {
    binary = 1,  ///< Compact, for storage: Boost's binary archive.
    text = 2,    ///< For inspection: Boost's text archive.
};

/** @brief What an archive holds. @since 0.1.0 */
enum class archive_content : std::uint8_t {
    case_journal = 1,  ///< A case: its id and journal (everything else is derived by replay).
    ledger = 2,        ///< A disclosure ledger: settings, categories, consents, withdrawals, marks, necessity, sharings, declined requests and the audit log.
    audit = 3,         ///< An audit log alone.
    directory = 4,     ///< An agency directory with its practitioners.
};

/** @brief The archive format version this library writes, and the newest it reads. @since 0.1.0 */
inline constexpr std::uint16_t archive_format_version = 1;
/** @brief The size of an archive's frame header in bytes. @since 0.1.0 */
inline constexpr std::size_t archive_header_size = 56;
/** @brief The largest payload an archive may have (1 GiB). @since 0.1.0 */
inline constexpr std::uint64_t archive_max_payload = std::uint64_t{1} << 30;

/** @brief Bytes: an archive. @since 0.1.0 */
using bytes = std::vector<std::uint8_t>;

/** @brief What an archive's frame says. @since 0.1.0 */
struct archive_info {
    std::uint16_t format_version = 0;                      ///< The format version it was written in.
    archive_encoding encoding = archive_encoding::binary;  ///< Binary or text.
    archive_content content = archive_content::case_journal;  ///< What it holds.
    std::uint64_t payload_size = 0;                        ///< The payload's length in bytes.
};

/**
 * @brief Check an archive's frame and checksum and say what it holds.
 * @throws sfcore::error errc::malformed (not an sfcore archive, wrong length),
 *         errc::unsupported_version (a newer format), errc::checksum_mismatch.
 * @since 0.1.0
 */
archive_info inspect_archive(const void* data, std::size_t size);

/** @name Saving
 * Save a value as an archive. Saving never changes the value.
 * @since 0.1.0
 */
///@{
/** @brief A case: its id and journal. @since 0.1.0 */
bytes save_archive(const case_file& c, archive_encoding encoding = archive_encoding::binary);
bytes save_archive(const disclosure_ledger& l, archive_encoding encoding = archive_encoding::binary);
bytes save_archive(const audit_log& a, archive_encoding encoding = archive_encoding::binary);
bytes save_archive(const agency_directory& d, archive_encoding encoding = archive_encoding::binary);
///@}

/**
 * @brief Load a case: the journal is replayed, every event checked again.
 * @throws sfcore::error as inspect_archive(), errc::malformed when the
 *         archive holds something else or its journal does not replay.
 * @since 0.1.0
 */
case_file load_case(const void* data, std::size_t size);
/** @brief As load_case(const void*, std::size_t). @since 0.1.0 */
inline case_file load_case(const bytes& b) { return load_case(b.data(), b.size()); }

/**
 * @brief Load a disclosure ledger for a case (as loaded) and a directory:
 * each record is checked again as when it was recorded, and the audit log
 * is restored as saved (check it with audit_log::verify()).
 * @throws sfcore::error as load_case().
 * @since 0.1.0
 */
disclosure_ledger load_ledger(const void* data, std::size_t size, const case_file& c, const agency_directory& directory);
/** @brief As load_ledger(const void*, std::size_t, const case_file&, const agency_directory&). @since 0.1.0 */
inline disclosure_ledger load_ledger(const bytes& b, const case_file& c, const agency_directory& directory) {
    return load_ledger(b.data(), b.size(), c, directory);
}

/**
 * @brief Load an audit log. The chain is not checked: call audit_log::verify().
 * @throws sfcore::error as load_case().
 * @since 0.1.0
 */
audit_log load_audit(const void* data, std::size_t size);
/** @brief As load_audit(const void*, std::size_t). @since 0.1.0 */
inline audit_log load_audit(const bytes& b) { return load_audit(b.data(), b.size()); }

/**
 * @brief Load an agency directory.
 * @throws sfcore::error as load_case().
 * @since 0.1.0
 */
agency_directory load_directory(const void* data, std::size_t size);
/** @brief As load_directory(const void*, std::size_t). @since 0.1.0 */
inline agency_directory load_directory(const bytes& b) { return load_directory(b.data(), b.size()); }

} // namespace sfcore
