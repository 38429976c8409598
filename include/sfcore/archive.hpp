/**
 * @file archive.hpp
 * @brief Archives: a case (its whole journal) or an agency directory, as
 * bytes to keep or move between systems — a compact binary form for storage
 * and a text form to inspect.
 *
 * Every archive is a frame around a Boost.Serialization archive (an
 * encrypted case's, format 3, around its sealed entries):
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic: `89 53 46 43 0D 0A 1A 0A` (`\x89SFC\r\n\x1a\n`) |
 * | 8 | 2 | sfcore archive format version, little-endian (this library writes 2, and 3 for an encrypted case; reads 1 to 3) |
 * | 10 | 1 | encoding: 1 binary (`boost::archive::binary_oarchive`), 2 text (`boost::archive::text_oarchive`) |
 * | 11 | 1 | content (archive_content) |
 * | 12 | 1 | flags: bit 0 set when the archive is sealed (format 2 and 3; zero in format 1); bit 1 set in format 3 only, which holds an encrypted case |
 * | 13 | 3 | reserved, zero |
 * | 16 | 8 | payload length in bytes, little-endian |
 * | 24 | 32 | SHA-256 of the payload; when sealed, HMAC-SHA-256 under the key of bytes 0–23 and the payload |
 * | 56 | … | the payload; when sealed it starts with the key's id (one byte of length, then the id) |
 *
 * An encrypted case's payload (format 3, binary, after the sealing key's id
 * when sealed) is not a Boost archive: the host key's id (one byte of
 * length, then the id), the case's key wrapped under that host key (72
 * bytes: XChaCha20-Poly1305, bound to the case id and the host key's id),
 * the case id and the number of entries (8 bytes each, little-endian), then
 * each entry's sealed canonical bytes (what a store's row holds) after its
 * length (4 bytes). A sealed entry's first byte names its cipher: 4 for
 * AES-256-GCM, 3 for XChaCha20-Poly1305 (cases opened before AES-256-GCM
 * became the cipher keep it); every entry of a case has its first entry's.
 * Each entry's chain is checked from its bytes before it is opened.
 *
 * The frame is checked before Boost reads a byte: magic, a format version
 * no newer than this library's, the encoding, content and flags, the length
 * (the archive is exactly header plus payload, at most archive_max_payload)
 * and the checksum or seal. While loading, every count and length is checked
 * against the bytes that remain, each value's class version against the
 * newest this library knows, every enum value and id against its table,
 * every text as UTF-8, and every date and instant against the supported
 * range; a case's journal is then verified (its hash chain, from the case's
 * id) and replayed, every entry checked again as when it was recorded. Any
 * failure is an sfcore::error — errc::malformed, errc::unsupported_version,
 * errc::checksum_mismatch, errc::integrity or errc::key_error — and nothing
 * is half loaded.
 *
 * **sfcore 0.1 archives** (format 1) still load: a case archive is
 * converted as it is read (its entries are numbered, stamped and chained
 * afresh; see upgrade_v1()), and a 0.1 ledger archive is converted together
 * with its case by upgrade_v1(). Archives are written in format 2, an
 * encrypted case's in format 3.
 * @since 0.1.0
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/case.hpp"
#include "sfcore/encryption.hpp"
#include "sfcore/journal.hpp"

namespace sfcore {

/** @brief How an archive's payload is encoded. @since 0.1.0 */
enum class archive_encoding : std::uint8_t {
    binary = 1,  ///< Compact, for storage: Boost's binary archive.
    text = 2,    ///< For inspection: Boost's text archive.
};

/** @brief What an archive holds. @since 0.1.0 */
enum class archive_content : std::uint8_t {
    case_journal = 1,  ///< A case: its id and journal (everything else is derived by replay).
    ledger = 2,        ///< A disclosure ledger of sfcore 0.1 (read only by upgrade_v1()).
    audit = 3,         ///< An audit log of sfcore 0.1 (no longer read: a 0.1 ledger archive holds its log).
    directory = 4,     ///< An agency directory with its practitioners.
};

/** @brief The archive format version this library writes for everything but an encrypted case. @since 0.1.0 */
inline constexpr std::uint16_t archive_format_version = 2;
/**
 * @brief The archive format version of an encrypted case's archive, and the newest this library reads.
 *
 * Its payload is not a Boost archive: the id of the host key, the case's key
 * wrapped under it, the case id, and the entries in their sealed canonical
 * form (the bytes a store holds), each with its length.
 * @since 0.3.0
 */
inline constexpr std::uint16_t archive_encrypted_format_version = 3;
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
    bool sealed = false;                                   ///< It carries a seal instead of a checksum.
    std::string key_id;                                    ///< The id of the key it is sealed with ("" when not sealed).
    bool encrypted = false;                                ///< It holds an encrypted case (format archive_encrypted_format_version). @since 0.3.0
    std::string host_key_id;                               ///< The id of the host key its case key is wrapped under ("" when not encrypted). @since 0.3.0
};

/**
 * @brief Check an archive's frame and say what it holds. The checksum of an
 * unsealed archive is checked; a sealed archive's seal is checked when it is
 * loaded with its key.
 * @throws sfcore::error errc::malformed (not an sfcore archive, wrong length),
 *         errc::unsupported_version (a newer format), errc::checksum_mismatch.
 * @since 0.1.0
 */
archive_info inspect_archive(const void* data, std::size_t size);

/**
 * @brief Save a case: its id and whole journal. Saving never changes the case.
 * @param c the case.
 * @param encoding binary or text.
 * @param key when given, seal the archive with this key (see journal.hpp):
 *        only a holder of the key can make an archive that loads under it.
 * @throws sfcore::error errc::key_error for a malformed key, and for an
 *         encrypted case (case_file::encrypted()), whose entries this
 *         archive would hold readable: save it with a key provider.
 * @since 0.1.0
 */
bytes save_archive(const case_file& c, archive_encoding encoding = archive_encoding::binary,
                   const sealing_key* key = nullptr);
/**
 * @brief Save an encrypted case (case_file::encrypted()) with its entries
 * sealed, as a store holds them, and its key wrapped under the host key
 * @p keys names as current. Nothing of the case is readable in the archive
 * but its id, its entries' numbers, recorded instants and hashes.
 * @param c the case.
 * @param keys the host's key provider: the case key is wrapped under keys.current.
 * @param seal when given, seal the archive with this key as well (see journal.hpp).
 * @throws sfcore::error errc::invalid_argument for a plain case (open it
 *         encrypted: its entries are sealed as they are recorded);
 *         errc::key_error for a missing or wrong-size host key, a bad
 *         current id or a malformed seal key.
 * @since 0.3.0
 */
bytes save_archive(const case_file& c, const key_provider& keys, const sealing_key* seal = nullptr);
/**
 * @brief Save an agency directory.
 * @since 0.1.0
 */
bytes save_archive(const agency_directory& d, archive_encoding encoding = archive_encoding::binary);

/**
 * @brief Load a case: the frame is checked, the journal verified from the
 * case's id and replayed, every entry checked again (a 0.1 case archive is
 * converted as it loads).
 * @param data the archive.
 * @param size its length.
 * @param keys when not empty, the archive must be sealed with one of these keys.
 * @throws sfcore::error as inspect_archive(); errc::integrity when the
 *         journal does not verify; errc::key_error when the archive is
 *         sealed with a key not given, its seal does not match, or it is
 *         not sealed though keys are given, and when it holds an encrypted
 *         case (load it with a key provider); errc::malformed when it holds
 *         something else or does not replay.
 * @since 0.1.0
 */
case_file load_case(const void* data, std::size_t size, const std::vector<sealing_key>& keys = {});
/**
 * @brief Load a case, which may be encrypted: its key is unwrapped with the
 * host key the archive names, asked of @p provider; each entry's chain is
 * checked from its bytes before it is opened. A plain case loads as with
 * load_case(const void*, std::size_t, const std::vector<sealing_key>&).
 * The case keeps its key: it stays encrypted.
 * @param data the archive.
 * @param size its length.
 * @param provider the host's key provider (its current id is not used).
 * @param keys as load_case(const void*, std::size_t, const std::vector<sealing_key>&).
 * @throws sfcore::error as load_case(const void*, std::size_t, const std::vector<sealing_key>&);
 *         errc::key_error for a host key the provider does not give, a wrong
 *         one, or a case key wrapped for another case.
 * @since 0.3.0
 */
case_file load_case(const void* data, std::size_t size, const key_provider& provider, const std::vector<sealing_key>& keys = {});
/** @brief As load_case(const void*, std::size_t, const std::vector<sealing_key>&). @since 0.1.0 */
inline case_file load_case(const bytes& b, const std::vector<sealing_key>& keys = {}) {
    return load_case(b.data(), b.size(), keys);
}

/**
 * @brief Load an agency directory.
 * @throws sfcore::error as inspect_archive(), errc::malformed.
 * @since 0.1.0
 */
agency_directory load_directory(const void* data, std::size_t size);
/** @brief As load_directory(const void*, std::size_t). @since 0.1.0 */
inline agency_directory load_directory(const bytes& b) { return load_directory(b.data(), b.size()); }

/**
 * @brief Convert a case kept by sfcore 0.1 — its case archive and, if it
 * had one, its disclosure ledger archive — into one journal.
 *
 * The case's events and the ledger's records (consents, withdrawals,
 * confidential marks, necessity, sharings without consent, declined
 * requests) are merged in time order and offered again to the rules, with
 * the directory resolving each practitioner's agency; the ledger's audit log
 * must verify by its own chain and is carried over whole as one
 * event_type::legacy_audit_imported entry. Every entry is numbered, stamped
 * and chained afresh. A member's withdrawal from the process now withdraws
 * their consents to share (0.1 kept the two apart).
 * @param case_data a 0.1 (or 0.2) case archive.
 * @param case_size its length.
 * @param ledger_data a 0.1 ledger archive of the same case, or nullptr.
 * @param ledger_size its length (0 with no ledger).
 * @param directory the agency directory the case was kept with.
 * @throws sfcore::error as load_case(); errc::malformed when the ledger's
 *         records do not fit the case or its audit log does not verify.
 * @since 0.2.0
 */
case_file upgrade_v1(const void* case_data, std::size_t case_size, const void* ledger_data, std::size_t ledger_size,
                     const agency_directory& directory);

} // namespace sfcore
