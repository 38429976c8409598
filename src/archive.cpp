// Archives: a frame (magic, format version, encoding, content, flags, length,
// checksum or seal) around a Boost.Serialization binary or text archive,
// walked field by field (walker.hpp); and the conversion of sfcore 0.1
// cases and ledgers into one journal.
#include "sfcore/archive.hpp"

#include <algorithm>
#include <cstring>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>

#include "archive_detail.hpp"
#include "case_access.hpp"
#include "chained_reader.hpp"
#include "crypto.hpp"
#include "nz_text.hpp"
#include "upgrade.hpp"
#include "v1.hpp"
#include "walker.hpp"

namespace sfcore {

namespace detail {

namespace {

constexpr std::uint8_t magic[8] = {0x89, 'S', 'F', 'C', '\r', '\n', 0x1a, '\n'};
constexpr unsigned archive_flags = boost::archive::no_header | boost::archive::no_codecvt;
constexpr std::uint8_t flag_sealed = 1;
constexpr std::uint8_t flag_encrypted = 2;

[[noreturn]] void bad_archive(const std::string& why) { throw error(errc::malformed, "archive: " + why); }

void put_le(std::uint8_t* p, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t get_le(const std::uint8_t* p, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | p[i];
    return v;
}

// The seal of a frame: HMAC of the header's first 24 bytes and the payload.
digest frame_seal(const sealing_key& key, const std::uint8_t* frame, std::size_t size) {
    bytes msg(frame, frame + 24);
    msg.insert(msg.end(), frame + archive_header_size, frame + size);
    return hmac_sha256(key.secret, msg.data(), msg.size());
}

// The start of a frame: room for the header, then the sealing key's id.
bytes begin_frame(const sealing_key* key, std::size_t size_hint) {
    if (key) check_key(*key);
    bytes out;
    out.reserve(archive_header_size + size_hint);
    out.resize(archive_header_size, 0);
    if (key) {
        out.push_back(static_cast<std::uint8_t>(key->id.size()));
        out.insert(out.end(), key->id.begin(), key->id.end());
    }
    return out;
}

// The header filled in once the payload is written, with its checksum or seal.
void finish_frame(bytes& out, archive_content content, archive_encoding encoding, const sealing_key* key,
                  std::uint16_t version = archive_format_version, std::uint8_t flags = 0) {
    std::memcpy(out.data(), magic, sizeof magic);
    put_le(out.data() + 8, version, 2);
    out[10] = static_cast<std::uint8_t>(encoding);
    out[11] = static_cast<std::uint8_t>(content);
    out[12] = static_cast<std::uint8_t>(flags | (key ? flag_sealed : 0));
    const std::uint64_t n = out.size() - archive_header_size;
    put_le(out.data() + 16, n, 8);
    const digest d = key ? frame_seal(*key, out.data(), out.size())
                         : sha256().update(out.data() + archive_header_size, n).finish();
    std::memcpy(out.data() + 24, d.data(), d.size());
}

// Save: write the payload after room for the header (and the key's id), then fill the header in.
template <class F>
bytes save_framed(archive_content content, archive_encoding encoding, const sealing_key* key, F&& body,
                  std::size_t size_hint = 0) {
    bytes out = begin_frame(key, size_hint);
    {
        output_buffer buf(out);
        std::ostream os(&buf);
        if (encoding == archive_encoding::text) {
            boost::archive::text_oarchive ar(os, archive_flags);
            walker<boost::archive::text_oarchive> w{ar};
            body(w);
        } else if (encoding == archive_encoding::binary) {
            boost::archive::binary_oarchive ar(buf, archive_flags);
            walker<boost::archive::binary_oarchive> w{ar};
            body(w);
        } else {
            throw error(errc::invalid_argument, "unknown archive encoding");
        }
        os.flush();
    }
    finish_frame(out, content, encoding, key);
    return out;
}

// Check a frame (and its seal against the keys): the payload after the sealing key's id.
std::pair<const std::uint8_t*, std::size_t> open_frame(const void* data, std::size_t size, archive_content content,
                                                       const std::vector<sealing_key>* keys, archive_info& info) {
    info = inspect_archive(data, size);
    if (info.content != content) bad_archive("it holds another kind of value");
    const auto* frame = static_cast<const std::uint8_t*>(data);
    std::size_t skip = 0;
    if (info.sealed) {
        const sealing_key* key = keys ? find_key(*keys, info.key_id) : nullptr;
        if (!key) throw error(errc::key_error, "archive: it is sealed with key \"" + info.key_id + "\", which was not given");
        const digest d = frame_seal(*key, frame, size);
        if (std::memcmp(d.data(), frame + 24, d.size()) != 0)
            throw error(errc::key_error, "archive: its seal does not match key \"" + info.key_id +
                                             "\": the archive was changed, or the key is not the one it was sealed with");
        skip = 1 + info.key_id.size();
    } else if (keys && !keys->empty()) {
        throw error(errc::key_error, "archive: it is not sealed, and a sealed archive was required");
    }
    return {frame + archive_header_size + skip, info.payload_size - skip};
}

// True when the bytes begin with an archive's magic and are long enough for its header.
bool has_magic(const void* data, std::size_t size) {
    return data && size >= archive_header_size && std::memcmp(data, magic, sizeof magic) == 0;
}

// True when a frame says it holds an encrypted case (checked no further: open_frame() checks it).
bool encrypted_frame(const void* data, std::size_t size) {
    return has_magic(data, size) && get_le(static_cast<const std::uint8_t*>(data) + 8, 2) == archive_encrypted_format_version;
}

// Load: check the frame, then walk the payload.
template <class F>
archive_info load_framed(const void* data, std::size_t size, archive_content content, const std::vector<sealing_key>* keys,
                         F&& body) {
    archive_info info;
    const std::pair<const std::uint8_t*, std::size_t> payload = open_frame(data, size, content, keys, info);
    if (info.encrypted)
        throw error(errc::key_error, "archive: it holds an encrypted case, and no key provider was given (its key is wrapped under host key \"" +
                                         info.host_key_id + "\")");
    input_buffer buf(payload.first, payload.second);
    std::istream is(&buf);
    try {
        if (info.encoding == archive_encoding::text) {
            boost::archive::text_iarchive ar(is, archive_flags);
            walker<boost::archive::text_iarchive> w{ar, &buf, &is};
            body(w);
            is >> std::ws;
        } else {
            boost::archive::binary_iarchive ar(buf, archive_flags);
            walker<boost::archive::binary_iarchive> w{ar, &buf, &is};
            body(w);
        }
    } catch (const error& e) {
        if (e.code() == errc::malformed) bad_archive(e.detail());
        if (e.code() == errc::unsupported_version) throw;
        bad_archive(e.what());
    } catch (const boost::archive::archive_exception& e) {
        bad_archive(std::string("the payload cannot be read (") + e.what() + ")");
    } catch (const std::ios_base::failure&) {
        bad_archive("the payload is cut short");
    } catch (const std::length_error&) {
        bad_archive("a length is out of range");
    }
    if (buf.remaining() != 0) bad_archive(std::to_string(buf.remaining()) + " bytes follow the value");
    return info;
}

// A 0.1 case archive's content: its id and events (as 0.1 wrote them).
std::pair<case_id, std::vector<event>> read_case_payload(const void* data, std::size_t size,
                                                         const std::vector<sealing_key>* keys, archive_info* info) {
    case_id id;
    std::vector<event> journal;
    *info = load_framed(data, size, archive_content::case_journal, keys, [&](auto& w) {
        const std::uint8_t v = w.template version<case_file>();
        std::uint64_t raw = 0;
        w(raw);
        id = case_id{raw};
        w(journal);
        for (const auto& e : journal)
            if ((v == 1) != (e.seq == 0)) bad_archive("its entries are not in its format's form");
    });
    return {id, std::move(journal)};
}

// An encrypted case's payload: the host key's id, the case key wrapped under it, the case id, the
// number of entries, then each entry's sealed canonical bytes after its length.
void put_encrypted(bytes& out, const case_file& c, const case_secret& secret, const key_provider& keys) {
    const bytes wrapped = wrap_key(secret, keys);
    out.push_back(static_cast<std::uint8_t>(keys.current.size()));
    out.insert(out.end(), keys.current.begin(), keys.current.end());
    out.insert(out.end(), wrapped.begin(), wrapped.end());
    std::uint8_t n[8];
    put_le(n, c.id().value(), 8);
    out.insert(out.end(), n, n + 8);
    put_le(n, c.journal().size(), 8);
    out.insert(out.end(), n, n + 8);
    for (const event& e : c.journal()) {
        const std::size_t at = out.size();
        out.resize(at + 4);
        encode_entry(out, e, &secret);  // after its length, which is filled in when it is known
        put_le(out.data() + at, out.size() - at - 4, 4);
    }
}

// Read an encrypted case's payload (its frame already checked) with the provider's host key.
case_file read_encrypted(const std::uint8_t* p, std::size_t size, const archive_info& info, const key_provider& provider) {
    const std::uint8_t* const end = p + size;
    const auto need = [&](std::size_t n, const char* what) {
        if (static_cast<std::size_t>(end - p) < n) bad_archive(std::string("an encrypted case's ") + what + " is cut short");
    };
    p += 1 + info.host_key_id.size();  // read by inspect_archive()
    need(wrapped_key_size + 16, "key");
    const std::uint8_t* wrapped = p;
    p += wrapped_key_size;
    const case_id id{get_le(p, 8)};
    const std::uint64_t count = get_le(p + 8, 8);
    p += 16;
    if (!id) bad_archive("the case id is zero");
    // Each entry takes at least its length and a hash: a count the payload cannot hold is refused before anything is made.
    if (count > static_cast<std::uint64_t>(end - p) / (4 + 32)) bad_archive("it counts more entries than it holds");
    chained_reader reader(id, "archive", count);
    reader.secret = unwrap_key(id, wrapped, wrapped_key_size, provider, info.host_key_id);
    for (std::uint64_t i = 1; i <= count; ++i) {
        need(4, "entry length");
        const std::size_t n = get_le(p, 4);
        p += 4;
        need(n, "entry");
        reader.add(i, p, n);
        p += n;
    }
    if (p != end) bad_archive(std::to_string(end - p) + " bytes follow the case");
    return std::move(reader).replay();
}

sfcore::recipient recipient_of(const party& p, const agency_directory& dir) {
    switch (p.kind) {
    case party_kind::agency: return sfcore::recipient::of(dir.at(agency_id{p.id}).id);
    case party_kind::practitioner: {
        const practitioner& x = dir.practitioner_at(practitioner_id{p.id});
        return sfcore::recipient::of(x.agency, x.id);
    }
    case party_kind::member: break;
    }
    bad_archive("a 0.1 ledger names a family member as a recipient");
}

// Merge a 0.1 journal and ledger into one journal: the facts in time order,
// numbered, stamped and chained afresh, then replayed through the rules.
// Who asked under s66, as sfcore 0.1 recorded it in words: 0.2 records the
// role. A record whose words name none of the three is not converted.
s66_requester requester_of(legal_basis basis, const std::string& words) {
    if (basis != legal_basis::ot_s66) return s66_requester::none;
    const std::string w = ascii_lower(words);
    if (w.find("constable") != std::string::npos || w.find("police") != std::string::npos) return s66_requester::constable;
    if (w.find("ordinator") != std::string::npos) return s66_requester::care_protection_coordinator;
    if (w.find("chief executive") != std::string::npos) return s66_requester::chief_executive;
    bad_archive("a sharing under s66 was requested by \"" + words +
                "\": not the chief executive, a care and protection co-ordinator or a constable");
}

case_file upgrade(case_id id, std::vector<event> journal, const v1::ledger_record* ledger, const agency_directory* dir) {
    if (journal.empty() || journal.front().type() != event_type::referral_received)
        bad_archive("a case's journal starts with its referral");
    const std::string who = "sfcore 0.1 ledger";
    const std::string where = "case " + std::to_string(id.value()) + ": ";
    for (const auto& e : journal)
        if (e.when.is_special()) bad_archive(where + "a 0.1 event has no time");
    // The facts; on a tie of instants, the case's own events first, then the ledger's as 0.1 rebuilt them.
    struct step {
        instant at;
        int group;  // 0 the case's event; 1 the ledger's records
        event e;
    };
    std::vector<step> steps;
    for (std::size_t i = 1; i < journal.size(); ++i) steps.push_back({journal[i].when, 0, std::move(journal[i])});
    std::vector<event> merged{std::move(journal.front())};
    if (ledger) {
        const auto& r = *ledger;
        const instant opened = merged.front().when;
        const auto add = [&](instant at, const std::string& by, event_payload p) {
            if (at.is_special()) bad_archive(where + "a 0.1 record has no time");
            steps.push_back({at, 1, event{at, by, std::move(p)}});
        };
        if (r.settings.young_person_consent_age != 16 || r.settings.adult_age != 18) {
            if (r.settings.young_person_consent_age < 0 || r.settings.adult_age < 0 || r.settings.adult_age > 25)
                bad_archive(where + "the 0.1 ledger's consent ages are out of range");
            merged.push_back(event{opened, who,
                                   consent_ages_set{static_cast<std::uint8_t>(r.settings.young_person_consent_age),
                                                    static_cast<std::uint8_t>(r.settings.adult_age)}});
        }
        if (r.category_names.size() != r.category_labels.size()) bad_archive(where + "category names and labels differ in number");
        for (std::size_t i = 0; i < r.category_names.size(); ++i)
            merged.push_back(event{opened, who,
                                   category_registered{r.category_names[i], r.category_labels[i],
                                                       static_cast<category>(std::size(category_table) + i)}});
        for (const auto& k : r.consents) {
            sharing_consent_given g;
            g.subject = k.subject;
            g.given_by = k.given_by;
            g.signed_on = k.signed_on;
            g.form_version = k.form_version;
            g.child_views = k.child_views;
            g.id = k.id;
            for (const auto& p : k.scope.recipients) g.scope.recipients.push_back(recipient_of(p, *dir));
            g.scope.categories = k.scope.categories;
            g.scope.purposes = k.scope.purposes;
            g.scope.from = k.scope.from;
            g.scope.until = k.scope.until;
            add(k.recorded_at, k.recorded_by, std::move(g));
        }
        for (const auto& w : r.withdrawals) {
            sharing_consent_withdrawn x{w.subject, std::nullopt, w.what, ""};
            if (w.recipient) x.recipient = recipient_of(*w.recipient, *dir);
            add(w.at, w.recorded_by, std::move(x));
        }
        for (const auto& [at, subject, what, confidential] : r.marks) add(at, who, confidential_marked{subject, what, confidential});
        // 0.1 kept necessity as the set itself: widen or narrow by each category that differs.
        category_set now = bit(category::identity_contact);
        for (const auto& [at, wanted] : r.necessity) {
            for (std::size_t k = 0; k < category_registry::capacity; ++k)
                if (((now ^ wanted) >> k) & 1u)
                    add(at, who, necessity_adjusted{static_cast<category>(k), ((wanted >> k) & 1u) != 0});
            now = wanted;
        }
        for (const auto& x : r.sharings)
            add(x.at, who,
                shared_without_consent{x.subjects, x.what, x.description, recipient_of(x.discloser, *dir),
                                       recipient_of(x.recipient, *dir), x.basis, x.s66c, x.requested_by,
                                       requester_of(x.basis, x.requested_by), x.purpose, x.approver, x.necessity,
                                       x.child_consulted, x.family_told, x.not_told_reason});
        for (const auto& x : r.declined)
            add(x.at, is_blank(x.decided_by) ? who : x.decided_by,
                request_declined{recipient_of(x.requester, *dir), x.subjects, x.what, x.basis, x.reasons, x.decided_by});
        if (!r.audit.empty())
            if (const std::string why = v1::verify_audit(r.audit); !why.empty())
                bad_archive(where + "the 0.1 audit log does not verify: " + why);
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const step& a, const step& b) { return a.at < b.at || (a.at == b.at && a.group < b.group); });
    for (auto& s : steps) merged.push_back(std::move(s.e));
    case_access::chain(id, merged);
    case_file c = [&] {
        try {
            return case_access::replay_chained(id, std::move(merged));
        } catch (const error& e) {
            bad_archive(where + "the 0.1 records do not fit the case: " + e.detail());
        }
    }();
    if (ledger && !ledger->audit.empty())
        case_access::append_access(c, event{ledger->audit.back().at, who,
                                            legacy_audit_imported{v1::audit_text(ledger->audit), ledger->audit.size(),
                                                                  to_hex(ledger->audit.back().hash)}});
    return c;
}

} // namespace

} // namespace detail

archive_info inspect_archive(const void* data, std::size_t size) {
    using detail::bad_archive;
    if (!data && size > 0) throw error(errc::null_argument, "archive data");
    const auto* p = static_cast<const std::uint8_t*>(data);
    if (!detail::has_magic(data, size)) bad_archive("not an sfcore archive (no magic)");
    archive_info info;
    info.format_version = static_cast<std::uint16_t>(detail::get_le(p + 8, 2));
    if (info.format_version == 0) bad_archive("format version 0");
    if (info.format_version > archive_encrypted_format_version)
        throw error(errc::unsupported_version, "archive: format version " + std::to_string(info.format_version) +
                                                   " is newer than this library reads (" +
                                                   std::to_string(archive_encrypted_format_version) + ")");
    if (p[10] != 1 && p[10] != 2) bad_archive("unknown encoding " + std::to_string(p[10]));
    info.encoding = static_cast<archive_encoding>(p[10]);
    if (p[11] < 1 || p[11] > 4) bad_archive("unknown content " + std::to_string(p[11]));
    info.content = static_cast<archive_content>(p[11]);
    const std::uint8_t flags = p[12];
    if ((info.format_version == 1 && flags != 0) || (flags & ~(detail::flag_sealed | detail::flag_encrypted)))
        bad_archive("unknown flags");
    info.encrypted = flags & detail::flag_encrypted;
    if (info.encrypted != (info.format_version == archive_encrypted_format_version))
        bad_archive("format version 3 is an encrypted case's, and only an encrypted case's");
    if (info.encrypted && (info.encoding != archive_encoding::binary || info.content != archive_content::case_journal))
        bad_archive("an encrypted archive holds a case, in binary");
    if (detail::get_le(p + 13, 3) != 0) bad_archive("reserved header bytes are not zero");
    info.payload_size = detail::get_le(p + 16, 8);
    if (info.payload_size > archive_max_payload) bad_archive("the payload is larger than 1 GiB");
    if (info.payload_size != size - archive_header_size)
        bad_archive("the payload is " + std::to_string(size - archive_header_size) + " bytes, the header says " +
                    std::to_string(info.payload_size));
    info.sealed = flags & detail::flag_sealed;
    // A key id after its length: 1-64 bytes of printable ASCII.
    std::size_t at = archive_header_size;
    const auto key_id = [&](const char* what) {
        const std::size_t n = at < size ? p[at] : 0;
        if (n == 0 || n > 64 || at + 1 + n > size) bad_archive(std::string(what) + " names no key");
        std::string id(reinterpret_cast<const char*>(p + at + 1), n);
        for (char c : id)
            if (c < 0x21 || c > 0x7e) bad_archive(std::string(what) + "'s key id is not printable ASCII");
        at += 1 + n;
        return id;
    };
    if (info.sealed) info.key_id = key_id("a sealed archive");
    if (info.encrypted) info.host_key_id = key_id("an encrypted archive");
    if (!info.sealed) {
        const digest d = sha256().update(p + archive_header_size, info.payload_size).finish();
        if (std::memcmp(d.data(), p + 24, d.size()) != 0) throw error(errc::checksum_mismatch, "archive");
    }
    return info;
}

bytes save_archive(const case_file& c, archive_encoding encoding, const sealing_key* key) {
    if (c.encrypted())
        throw error(errc::key_error, "case " + std::to_string(c.id().value()) +
                                         " is encrypted: an archive would hold its entries readable; save it with a key provider");
    return detail::save_framed(
        archive_content::case_journal, encoding, key,
        [&c](auto& w) {
            w.template version<case_file>();
            std::uint64_t id = c.id().value();
            w(id);
            w(const_cast<case_file::journal_type&>(c.journal()));  // saving only reads
        },
        c.journal().size() * (encoding == archive_encoding::text ? 160 : 120));
}

bytes save_archive(const case_file& c, const key_provider& keys, const sealing_key* seal) {
    const detail::case_secret* secret = detail::case_access::secret(c);
    if (!secret)
        throw error(errc::invalid_argument, "case " + std::to_string(c.id().value()) +
                                                " is not encrypted: open it encrypted (its entries are sealed as they are recorded), or "
                                                "save it without a key provider");
    bytes out = detail::begin_frame(seal, c.journal().size() * 200);
    detail::put_encrypted(out, c, *secret, keys);
    detail::finish_frame(out, archive_content::case_journal, archive_encoding::binary, seal, archive_encrypted_format_version,
                         detail::flag_encrypted);
    return out;
}

case_file load_case(const void* data, std::size_t size, const key_provider& provider, const std::vector<sealing_key>& keys) {
    if (!detail::encrypted_frame(data, size)) return load_case(data, size, keys);
    archive_info info;
    const auto payload = detail::open_frame(data, size, archive_content::case_journal, &keys, info);
    return detail::read_encrypted(payload.first, payload.second, info, provider);
}

case_file load_case(const void* data, std::size_t size, const std::vector<sealing_key>& keys) {
    archive_info info;
    auto [id, journal] = detail::read_case_payload(data, size, &keys, &info);
    if (!id) detail::bad_archive("the case id is zero");
    if (info.format_version == 1) return detail::upgrade(id, std::move(journal), nullptr, nullptr);  // a 0.1 case
    try {
        return case_file::replay(id, std::move(journal));
    } catch (const error& e) {
        if (e.code() == errc::integrity) throw;
        detail::bad_archive("case " + std::to_string(id.value()) + ": the journal does not replay: " + e.what());
    }
}

case_file detail::upgrade_v1_case(case_id id, std::vector<event> journal, const std::uint8_t* ledger_data,
                                  std::size_t ledger_size, const agency_directory& directory) {
    std::optional<v1::ledger_record> ledger;
    if (ledger_data) {
        ledger.emplace();
        const archive_info li = inspect_archive(ledger_data, ledger_size);
        if (li.format_version != 1) bad_archive("a ledger archive is written by sfcore 0.1 only");
        load_framed(ledger_data, ledger_size, archive_content::ledger, nullptr, [&](auto& w) {
            auto& r = *ledger;
            w.template version<v1::ledger_record>();
            w(r.settings);
            w(r.category_names);
            w(r.category_labels);
            w(r.consents);
            w(r.withdrawals);
            w(r.marks);
            w(r.necessity);
            w(r.sharings);
            w(r.declined);
            w(r.audit);
        });
    }
    try {
        return upgrade(id, std::move(journal), ledger ? &*ledger : nullptr, &directory);
    } catch (const error& e) {
        if (e.code() == errc::malformed) throw;
        bad_archive("case " + std::to_string(id.value()) + ": " + e.detail());
    }
}

case_file upgrade_v1(const void* case_data, std::size_t case_size, const void* ledger_data, std::size_t ledger_size,
                     const agency_directory& directory) {
    archive_info info;
    auto [id, journal] = detail::read_case_payload(case_data, case_size, nullptr, &info);
    if (!id) detail::bad_archive("the case id is zero");
    if (info.format_version != 1) {
        if (ledger_data) detail::bad_archive("a 0.2 case holds its disclosure entries: it takes no ledger");
        return case_file::replay(id, std::move(journal));
    }
    return detail::upgrade_v1_case(id, std::move(journal), static_cast<const std::uint8_t*>(ledger_data), ledger_size,
                                   directory);
}

bytes save_archive(const agency_directory& d, archive_encoding encoding) {
    return detail::save_framed(archive_content::directory, encoding, nullptr, [&d](auto& w) {
        w.template version<agency_directory>();
        auto& agencies = const_cast<std::vector<agency>&>(d.all());  // saving only reads
        auto& practitioners = const_cast<std::vector<practitioner>&>(d.practitioners());
        auto& sites = const_cast<std::vector<programme_site>&>(d.sites());
        auto& groups = const_cast<std::vector<local_group>&>(d.local_groups());
        w(agencies);
        w(practitioners);
        w(sites);
        w(groups);
    });
}

agency_directory load_directory(const void* data, std::size_t size) {
    std::vector<agency> agencies;
    std::vector<practitioner> practitioners;
    std::vector<programme_site> sites;
    std::vector<local_group> groups;
    bool registries = false;
    const archive_info info = detail::load_framed(data, size, archive_content::directory, nullptr, [&](auto& w) {
        registries = w.template version<agency_directory>() >= 2;
        w(agencies);
        w(practitioners);
        if (registries) {
            w(sites);
            w(groups);
        }
    });
    // Rebuilt through the directory's own checks: ids in order, names not blank and
    // never used twice (current or former), every practitioner's agency present.
    agency_directory d;
    try {
        const std::size_t builtin = d.all().size();
        if (agencies.size() < builtin) detail::bad_archive("the built-in agencies are missing");
        for (std::size_t i = 0; i < agencies.size(); ++i) {
            const agency& a = agencies[i];
            if (i < builtin) {
                const agency& standard = d.all()[i];
                if (a.id != standard.id) detail::bad_archive("a built-in agency differs");
                if (info.format_version == 1) {
                    // sfcore 0.1 named the built-in agencies as the programme's list did: their current names hold.
                    if (a.name != standard.name &&
                        std::find(standard.former_names.begin(), standard.former_names.end(), a.name) ==
                            standard.former_names.end())
                        detail::bad_archive("a built-in agency differs");
                    continue;
                }
                // A host may have renamed a built-in agency and changed its flag: the archive holds its names.
                for (const auto& former : a.former_names)
                    if (former != standard.name &&
                        std::find(standard.former_names.begin(), standard.former_names.end(), former) ==
                            standard.former_names.end())
                        d.rename(a.id, former);
                if (a.name != d.all()[i].name) d.rename(a.id, a.name);
                d.set_child_welfare(a.id, a.child_welfare);
            } else {
                if (d.add(a.former_names.empty() ? a.name : a.former_names.front(), a.kind, a.child_welfare) != a.id)
                    detail::bad_archive("agency ids are not in order");
                for (std::size_t k = 1; k < a.former_names.size(); ++k) d.rename(a.id, a.former_names[k]);
                if (!a.former_names.empty()) d.rename(a.id, a.name);
            }
            if (d.all()[i].former_names != a.former_names && info.format_version != 1)
                detail::bad_archive("agency " + std::to_string(a.id.value()) + "'s former names do not hold");
        }
        // Sites: the built-in ones first, as they stand (targets may have been set), then the host's.
        const std::size_t builtin_sites = d.sites().size();
        if (registries && sites.size() < builtin_sites) detail::bad_archive("the built-in sites are missing");
        for (std::size_t i = 0; registries && i < sites.size(); ++i) {
            const programme_site& s = sites[i];
            if (i < builtin_sites) {
                const programme_site& standard = d.sites()[i];
                if (s.id != standard.id || s.programme != standard.programme || s.name != standard.name)
                    detail::bad_archive("a built-in site differs");
                d.set_site_targets(s.id, s.target_families, s.target_children);
            } else if (d.add_site(s.programme, s.name, s.target_families, s.target_children) != s.id) {
                detail::bad_archive("site ids are not in order");
            }
        }
        for (const auto& g : groups)
            if (d.add_local_group(g.name) != g.id) detail::bad_archive("Local Management Group ids are not in order");
        for (const auto& p : practitioners) {
            if (d.add_practitioner(p.agency, p.name) != p.id) detail::bad_archive("practitioner ids are not in order");
            if (p.local_group) d.set_local_group(p.id, p.local_group);
        }
    } catch (const error& e) {
        if (e.code() == errc::malformed) throw;
        detail::bad_archive(std::string("the directory does not hold: ") + e.what());
    }
    return d;
}

} // namespace sfcore
