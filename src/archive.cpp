// Archives: a frame (magic, format version, encoding, content, length,
// SHA-256) around a Boost.Serialization binary or text archive. The values
// are walked field by field (fields.hpp); Boost writes the primitives, and
// strings, sequences, optionals and variants are written here so that every
// count and length read is checked against the bytes that remain before
// anything is allocated.
#include "sfcore/archive.hpp"

#include <algorithm>
#include <deque>
#include <tuple>
#include <cstring>
#include <istream>
#include <limits>
#include <memory>
#include <ostream>
#include <streambuf>
#include <type_traits>
#include <utility>
#include <variant>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

#include "archive_detail.hpp"
#include "fields.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

namespace detail {

namespace {

constexpr std::uint8_t magic[8] = {0x89, 'S', 'F', 'C', '\r', '\n', 0x1a, '\n'};
constexpr unsigned archive_flags = boost::archive::no_header | boost::archive::no_codecvt;

// The newest version of each value's layout this library writes and reads.
// A value saved by a newer library carries a higher number and is refused.
template <class T>
constexpr std::uint8_t class_version = 1;

[[noreturn]] void malformed(const std::string& why) { throw error(errc::malformed, "archive: " + why); }

// Output: an archive written straight into a byte vector.
class output_buffer : public std::streambuf {
public:
    explicit output_buffer(bytes& out) : out_(out) {}

protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) out_.push_back(static_cast<std::uint8_t>(c));
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        out_.insert(out_.end(), reinterpret_cast<const std::uint8_t*>(s), reinterpret_cast<const std::uint8_t*>(s) + n);
        return n;
    }

private:
    bytes& out_;
};

// Input: the payload, read in place; remaining() bounds every count.
class input_buffer : public std::streambuf {
public:
    input_buffer(const std::uint8_t* p, std::size_t n) { reset(p, n); }
    void reset(const std::uint8_t* p, std::size_t n) {
        char* b = const_cast<char*>(reinterpret_cast<const char*>(p));
        setg(b, b, b + n);
    }
    std::size_t remaining() const noexcept { return static_cast<std::size_t>(egptr() - gptr()); }
};

template <class Ar>
constexpr bool is_text = std::is_same_v<Ar, boost::archive::text_oarchive> || std::is_same_v<Ar, boost::archive::text_iarchive>;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_deque : std::false_type {};
template <class T, class A>
struct is_deque<std::deque<T, A>> : std::true_type {};
template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class T>
struct is_variant : std::false_type {};
template <class... T>
struct is_variant<std::variant<T...>> : std::true_type {};
template <class T>
struct is_strong_id : std::false_type {};
template <class Tag, class Rep>
struct is_strong_id<strong_id<Tag, Rep>> : std::true_type {};
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(fields_of(std::declval<T&>()))>> : std::true_type {};

// The microseconds of the supported range of instants (see time.hpp).
const std::int64_t first_micros = (instant(date(min_year, 1, 1)) - unix_epoch).total_microseconds();
const std::int64_t last_micros = (instant(date(max_year, 12, 31), boost::posix_time::hours(24)) - unix_epoch).total_microseconds();
constexpr std::int64_t no_instant = std::numeric_limits<std::int64_t>::min();

} // namespace

// Walks a value, saving or loading each field. Friends of the ledger and
// the audit log reach their records through it.
template <class Ar>
struct walker {
    Ar& ar;
    const input_buffer* in = nullptr;  // loading: the bytes that remain
    std::istream* is = nullptr;        // loading text: the stream under the archive
    static constexpr bool saving = Ar::is_saving::value;

    std::size_t remaining() const noexcept { return in ? in->remaining() : 0; }

    // A count or length, checked against the bytes left: every element
    // takes at least one byte, so a larger count cannot be honest.
    std::uint32_t count(std::size_t n = 0) {
        std::uint32_t c = static_cast<std::uint32_t>(n);
        if constexpr (saving) {
            if (n > std::numeric_limits<std::uint32_t>::max()) malformed("a sequence is too long to save");
            ar << c;
        } else {
            ar >> c;
            if (c > remaining()) malformed("a count of " + std::to_string(c) + " is larger than the bytes that remain");
        }
        return c;
    }

    void text(std::string& s) {
        if constexpr (saving) {
            if constexpr (is_text<Ar>) {
                ar << s;  // Boost's form: the length, a space, the bytes
            } else {
                count(s.size());
                ar.save_binary(s.data(), s.size());
            }
        } else {
            std::size_t n = 0;
            if constexpr (is_text<Ar>) {
                ar >> n;
            } else {
                std::uint32_t c = 0;
                ar >> c;
                n = c;
            }
            if (n > remaining()) malformed("a text of " + std::to_string(n) + " bytes is longer than the bytes that remain");
            s.resize(n);
            if (n > 0) {
                if constexpr (is_text<Ar>) {
                    is->get();  // the space after the length
                    is->read(s.data(), static_cast<std::streamsize>(n));
                    if (static_cast<std::size_t>(is->gcount()) != n) malformed("a text is cut short");
                } else {
                    ar.load_binary(s.data(), n);
                }
            }
            if (!is_valid_utf8(s)) malformed("a text is not valid UTF-8");
        }
    }

    template <class T>
    void operator()(T& x) {
        if constexpr (std::is_same_v<T, bool>) {
            std::uint8_t b = x ? 1 : 0;
            ar & b;
            if constexpr (!saving) {
                if (b > 1) malformed("a flag is neither 0 nor 1");
                x = b == 1;
            }
        } else if constexpr (std::is_same_v<T, category>) {
            std::uint8_t v = static_cast<std::uint8_t>(x);
            ar & v;
            if constexpr (!saving) {
                if (v >= category_registry::capacity) malformed("a category number is out of range");
                x = static_cast<category>(v);
            }
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(std::size(table_of<T>::rows) <= 256);
            std::uint8_t v = static_cast<std::uint8_t>(x);
            ar & v;
            if constexpr (!saving) {
                if (!find_row(static_cast<T>(v))) malformed(std::string("unknown ") + table_of<T>::what + " " + std::to_string(v));
                x = static_cast<T>(v);
            }
        } else if constexpr (std::is_integral_v<T>) {
            ar & x;
        } else if constexpr (is_strong_id<T>::value) {
            typename T::rep v = x.value();
            ar & v;
            if constexpr (!saving) x = T{v};
        } else if constexpr (std::is_same_v<T, std::string>) {
            text(x);
        } else if constexpr (std::is_same_v<T, date>) {
            std::int32_t v = x.is_special() ? 0 : to_yyyymmdd(x);
            ar & v;
            if constexpr (!saving) {
                try {
                    x = v == 0 ? date() : date_from_yyyymmdd(v);
                } catch (const std::exception&) {
                    malformed("a date is not valid or out of range");
                }
            }
        } else if constexpr (std::is_same_v<T, instant>) {
            std::int64_t v = x.is_special() ? no_instant : (x - unix_epoch).total_microseconds();
            ar & v;
            if constexpr (!saving) {
                if (v == no_instant) x = instant();
                else if (v < first_micros || v >= last_micros) malformed("an instant is out of range");
                else x = unix_epoch + boost::posix_time::microseconds(v);
            }
        } else if constexpr (std::is_same_v<T, digest>) {
            if constexpr (is_text<Ar>) {
                std::string hex = saving ? to_hex(x) : std::string();
                text(hex);
                if constexpr (!saving) {
                    if (hex.size() != 64) malformed("a hash is not 64 hex digits");
                    for (std::size_t i = 0; i < 32; ++i) {
                        int v = 0;
                        for (std::size_t k = 0; k < 2; ++k) {
                            const char c = hex[2 * i + k];
                            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                            if (d < 0) malformed("a hash is not lowercase hex");
                            v = v * 16 + d;
                        }
                        x[i] = static_cast<std::uint8_t>(v);
                    }
                }
            } else if constexpr (saving) {
                ar.save_binary(x.data(), x.size());
            } else {
                if (remaining() < x.size()) malformed("a hash is cut short");
                ar.load_binary(x.data(), x.size());
            }
        } else if constexpr (is_optional<T>::value) {
            bool has = x.has_value();
            (*this)(has);
            if constexpr (saving) {
                if (has) (*this)(*x);
            } else {
                if (has) (*this)(x.emplace());
                else x.reset();
            }
        } else if constexpr (is_vector<T>::value || is_deque<T>::value) {
            const std::uint32_t n = count(x.size());
            if constexpr (saving) {
                for (auto& e : x) (*this)(e);
            } else {
                x.clear();
                // Room for what the bytes left could hold at 8 bytes an element, at most.
                if constexpr (is_vector<T>::value) x.reserve(std::min<std::size_t>(n, remaining() / 8));
                for (std::uint32_t i = 0; i < n; ++i) (*this)(x.emplace_back());
            }
        } else if constexpr (is_tuple<T>::value) {
            std::apply([this](auto&... f) { ((*this)(f), ...); }, x);
        } else if constexpr (is_variant<T>::value) {
            std::uint8_t index = static_cast<std::uint8_t>(x.index());
            ar & index;
            if constexpr (!saving) {
                if (index >= std::variant_size_v<T>) malformed("an unknown kind of event or value");
                emplace(x, index, std::make_index_sequence<std::variant_size_v<T>>{});
            }
            std::visit([this](auto& alt) { (*this)(alt); }, x);
        } else {
            static_assert(has_fields<T>::value, "a type the archives do not know");
            version<T>();
            std::apply([this](auto&... f) { ((*this)(f), ...); }, fields_of(x));
        }
    }

    template <class T>
    void version() {
        std::uint8_t v = class_version<T>;
        ar & v;
        if constexpr (!saving) {
            if (v == 0) malformed("a value has class version 0");
            if (v > class_version<T>)
                throw error(errc::unsupported_version, "archive: a value has class version " + std::to_string(v) +
                                                           ", newer than this library reads (" +
                                                           std::to_string(class_version<T>) + ")");
        }
    }

    template <class V, std::size_t... I>
    static void emplace(V& v, std::size_t index, std::index_sequence<I...>) {
        ((index == I ? (void)v.template emplace<I>() : void()), ...);
    }
};

// The records kept inside the ledger and the audit log.
struct archive_access {
    struct ledger_record {
        consent_settings settings;
        std::vector<std::string> category_names, category_labels;  // beyond the built-in ones
        std::vector<disclosure_consent> consents;
        std::vector<consent_withdrawal> withdrawals;
        std::vector<std::tuple<instant, member_id, category, bool>> marks;  // at, subject, category, confidential
        std::vector<std::tuple<instant, category_set>> necessity;  // after the first (built-in) one
        std::vector<sharing_record> sharings;
        std::vector<declined_request> declined;
        std::deque<audit_entry> audit;
    };

    static ledger_record record_of(const disclosure_ledger& l) {
        ledger_record r;
        r.settings = l.settings_;
        for (std::size_t c = std::size(category_table); c < l.categories_.size(); ++c) {
            r.category_names.push_back(l.categories_.name(static_cast<category>(c)));
            r.category_labels.push_back(l.categories_.label(static_cast<category>(c)));
        }
        r.consents = l.consents_;
        r.withdrawals = l.withdrawals_;
        for (const auto& m : l.marks_) r.marks.emplace_back(m.at, m.subject, m.what, m.confidential);
        for (auto n = l.necessity_.begin() + 1; n != l.necessity_.end(); ++n) r.necessity.emplace_back(n->at, n->necessary);
        r.sharings = l.sharings_;
        r.declined = l.declined_;
        r.audit = l.audit_.entries_;
        return r;
    }

    // Rebuild a ledger: each record is offered again, in time order, to the
    // same checks that accepted it; then the audit log is restored as saved.
    static disclosure_ledger rebuild(ledger_record r, const case_file& c, const agency_directory& directory) {
        if (r.category_names.size() != r.category_labels.size()) malformed("category names and labels differ in number");
        category_registry categories;
        for (std::size_t i = 0; i < r.category_names.size(); ++i) categories.add(r.category_names[i], r.category_labels[i]);
        disclosure_ledger l(c, directory, r.settings, std::move(categories));
        struct step {
            std::int64_t at;  // microseconds; the earliest for an instant that is not a time (refused when offered)
            int kind;
            std::size_t index;
        };
        const auto key = [](const instant& t) {
            return t.is_special() ? std::numeric_limits<std::int64_t>::min() : (t - unix_epoch).total_microseconds();
        };
        std::vector<step> steps;
        for (std::size_t i = 0; i < r.consents.size(); ++i) steps.push_back({key(r.consents[i].recorded_at), 0, i});
        for (std::size_t i = 0; i < r.withdrawals.size(); ++i) steps.push_back({key(r.withdrawals[i].at), 1, i});
        for (std::size_t i = 0; i < r.marks.size(); ++i) steps.push_back({key(std::get<0>(r.marks[i])), 2, i});
        for (std::size_t i = 0; i < r.necessity.size(); ++i) steps.push_back({key(std::get<0>(r.necessity[i])), 3, i});
        for (std::size_t i = 0; i < r.sharings.size(); ++i) steps.push_back({key(r.sharings[i].at), 4, i});
        for (std::size_t i = 0; i < r.declined.size(); ++i) steps.push_back({key(r.declined[i].at), 5, i});
        std::stable_sort(steps.begin(), steps.end(), [](const step& a, const step& b) { return a.at < b.at; });
        for (const auto& s : steps) {
            switch (s.kind) {
            case 0: {
                const auto& k = r.consents[s.index];
                if (l.give(k) != k.id) malformed("consent ids are not in order");
                break;
            }
            case 1: l.withdraw(r.withdrawals[s.index]); break;
            case 2: {
                const auto& [at, subject, what, confidential] = r.marks[s.index];
                l.mark_confidential(subject, what, confidential, "archive", at);
                break;
            }
            case 3: {
                const auto& [at, necessary] = r.necessity[s.index];
                l.check_order(checked_instant(at));
                if (l.categories_.size() < 64 && (necessary >> l.categories_.size())) malformed("a necessity names an unknown category");
                l.necessity_.push_back({at, necessary});
                l.last_change_ = at;
                break;
            }
            case 4:
                if (!l.share_without_consent(r.sharings[s.index], "archive")) malformed("a sharing record is incomplete");
                break;
            default:
                if (!l.decline(r.declined[s.index], "archive")) malformed("a declined request is incomplete");
            }
        }
        l.audit_.entries_ = std::move(r.audit);
        l.table_.ready = false;
        return l;
    }

    static std::deque<audit_entry>& entries(audit_log& a) { return a.entries_; }
};

template <class W>
void walk_ledger(W& w, archive_access::ledger_record& r) {
    w.template version<archive_access::ledger_record>();
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
}

namespace {

void put_le(std::uint8_t* p, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t get_le(const std::uint8_t* p, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | p[i];
    return v;
}

// Save: write the payload after room for the header, then fill the header in.
template <class F>
bytes save_framed(archive_content content, archive_encoding encoding, F&& body, std::size_t size_hint = 0) {
    bytes out;
    out.reserve(archive_header_size + size_hint);
    out.resize(archive_header_size, 0);
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
    std::memcpy(out.data(), magic, sizeof magic);
    put_le(out.data() + 8, archive_format_version, 2);
    out[10] = static_cast<std::uint8_t>(encoding);
    out[11] = static_cast<std::uint8_t>(content);
    const std::uint64_t n = out.size() - archive_header_size;
    put_le(out.data() + 16, n, 8);
    const digest d = sha256().update(out.data() + archive_header_size, n).finish();
    std::memcpy(out.data() + 24, d.data(), d.size());
    return out;
}

template <class F>
void load_framed(const void* data, std::size_t size, archive_content content, F&& body) {
    const archive_info info = inspect_archive(data, size);
    if (info.content != content) malformed("it holds another kind of value");
    const auto* payload = static_cast<const std::uint8_t*>(data) + archive_header_size;
    input_buffer buf(payload, info.payload_size);
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
        if (e.code() == errc::malformed || e.code() == errc::unsupported_version) throw;
        malformed(e.what());
    } catch (const boost::archive::archive_exception& e) {
        malformed(std::string("the payload cannot be read (") + e.what() + ")");
    } catch (const std::ios_base::failure&) {
        malformed("the payload is cut short");
    } catch (const std::length_error&) {
        malformed("a length is out of range");
    }
    if (buf.remaining() != 0) malformed(std::to_string(buf.remaining()) + " bytes follow the value");
}

} // namespace

bytes encode_event(const event& e) {
    bytes out;
    output_buffer buf(out);
    {
        boost::archive::binary_oarchive ar(buf, archive_flags);
        walker<boost::archive::binary_oarchive> w{ar};
        w(const_cast<event&>(e));  // saving only reads
    }
    return out;
}

// One binary archive over a buffer that is pointed at each event in turn:
// making a Boost archive costs more than reading a small event, and the
// walker writes only primitives (no class or object tracking), so one
// archive can read any number of separately written events.
struct event_decoder::impl {
    input_buffer buf{nullptr, 0};
    boost::archive::binary_iarchive ar{buf, archive_flags};
};

event_decoder::event_decoder() : impl_(std::make_unique<impl>()) {}
event_decoder::~event_decoder() = default;

event event_decoder::decode(const std::uint8_t* data, std::size_t size) {
    if (!data && size > 0) throw error(errc::null_argument, "event data");
    impl& d = *impl_;
    d.buf.reset(data, size);
    event e;
    try {
        walker<boost::archive::binary_iarchive> w{d.ar, &d.buf, nullptr};
        w(e);
    } catch (const error& x) {
        if (x.code() == errc::malformed || x.code() == errc::unsupported_version) throw;
        malformed(x.what());
    } catch (const boost::archive::archive_exception& x) {
        malformed(std::string("an event cannot be read (") + x.what() + ")");
    }
    if (d.buf.remaining() != 0) malformed("bytes follow an event");
    return e;
}

event decode_event(const std::uint8_t* data, std::size_t size) { return event_decoder().decode(data, size); }

} // namespace detail

archive_info inspect_archive(const void* data, std::size_t size) {
    using detail::malformed;
    if (!data && size > 0) throw error(errc::null_argument, "archive data");
    const auto* p = static_cast<const std::uint8_t*>(data);
    if (size < archive_header_size || std::memcmp(p, detail::magic, sizeof detail::magic) != 0)
        malformed("not an sfcore archive (no magic)");
    archive_info info;
    info.format_version = static_cast<std::uint16_t>(detail::get_le(p + 8, 2));
    if (info.format_version == 0) malformed("format version 0");
    if (info.format_version > archive_format_version)
        throw error(errc::unsupported_version, "archive: format version " + std::to_string(info.format_version) +
                                                   " is newer than this library reads (" +
                                                   std::to_string(archive_format_version) + ")");
    if (p[10] != 1 && p[10] != 2) malformed("unknown encoding " + std::to_string(p[10]));
    info.encoding = static_cast<archive_encoding>(p[10]);
    if (p[11] < 1 || p[11] > 4) malformed("unknown content " + std::to_string(p[11]));
    info.content = static_cast<archive_content>(p[11]);
    if (detail::get_le(p + 12, 4) != 0) malformed("reserved header bytes are not zero");
    info.payload_size = detail::get_le(p + 16, 8);
    if (info.payload_size > archive_max_payload) malformed("the payload is larger than 1 GiB");
    if (info.payload_size != size - archive_header_size)
        malformed("the payload is " + std::to_string(size - archive_header_size) + " bytes, the header says " +
                  std::to_string(info.payload_size));
    const digest d = sha256().update(p + archive_header_size, info.payload_size).finish();
    if (std::memcmp(d.data(), p + 24, d.size()) != 0) throw error(errc::checksum_mismatch, "archive");
    return info;
}

bytes save_archive(const case_file& c, archive_encoding encoding) {
    return detail::save_framed(archive_content::case_journal, encoding, [&c](auto& w) {
        w.template version<case_file>();
        std::uint64_t id = c.id().value();
        w(id);
        auto& journal = const_cast<std::vector<event>&>(c.journal());  // saving only reads
        w(journal);
    }, c.journal().size() * (encoding == archive_encoding::text ? 96 : 80));
}

case_file load_case(const void* data, std::size_t size) {
    case_id id;
    std::vector<event> journal;
    detail::load_framed(data, size, archive_content::case_journal, [&](auto& w) {
        w.template version<case_file>();
        std::uint64_t v = 0;
        w(v);
        id = case_id{v};
        w(journal);
    });
    try {
        return case_file::replay(id, std::move(journal));
    } catch (const error& e) {
        detail::malformed(std::string("the journal does not replay: ") + e.what());
    }
}

bytes save_archive(const disclosure_ledger& l, archive_encoding encoding) {
    auto r = detail::archive_access::record_of(l);
    return detail::save_framed(archive_content::ledger, encoding, [&r](auto& w) {
        detail::walk_ledger(w, r);
    });
}

disclosure_ledger load_ledger(const void* data, std::size_t size, const case_file& c, const agency_directory& directory) {
    detail::archive_access::ledger_record r;
    detail::load_framed(data, size, archive_content::ledger, [&r](auto& w) { detail::walk_ledger(w, r); });
    try {
        return detail::archive_access::rebuild(std::move(r), c, directory);
    } catch (const error& e) {
        if (e.code() == errc::malformed) throw;
        detail::malformed(std::string("a record does not hold: ") + e.what());
    }
}

bytes save_archive(const audit_log& a, archive_encoding encoding) {
    return detail::save_framed(archive_content::audit, encoding, [&a](auto& w) {
        w.template version<audit_log>();
        w(detail::archive_access::entries(const_cast<audit_log&>(a)));  // saving only reads
    });
}

audit_log load_audit(const void* data, std::size_t size) {
    audit_log a;
    auto& entries = detail::archive_access::entries(a);
    detail::load_framed(data, size, archive_content::audit, [&](auto& w) {
        w.template version<audit_log>();
        w(entries);
    });
    return a;
}

bytes save_archive(const agency_directory& d, archive_encoding encoding) {
    return detail::save_framed(archive_content::directory, encoding, [&d](auto& w) {
        w.template version<agency_directory>();
        auto& agencies = const_cast<std::vector<agency>&>(d.all());  // saving only reads
        auto& practitioners = const_cast<std::vector<practitioner>&>(d.practitioners());
        w(agencies);
        w(practitioners);
    });
}

agency_directory load_directory(const void* data, std::size_t size) {
    std::vector<agency> agencies;
    std::vector<practitioner> practitioners;
    detail::load_framed(data, size, archive_content::directory, [&](auto& w) {
        w.template version<agency_directory>();
        w(agencies);
        w(practitioners);
    });
    agency_directory d;
    try {
        const std::size_t builtin = d.all().size();
        if (agencies.size() < builtin) detail::malformed("the built-in agencies are missing");
        for (std::size_t i = 0; i < agencies.size(); ++i) {
            const agency& a = agencies[i];
            if (i < builtin) {
                if (a.id != d.all()[i].id || a.name != d.all()[i].name) detail::malformed("a built-in agency differs");
            } else if (d.add(a.name, a.kind) != a.id) {
                detail::malformed("agency ids are not in order");
            }
        }
        for (const auto& p : practitioners)
            if (d.add_practitioner(p.agency, p.name) != p.id) detail::malformed("practitioner ids are not in order");
    } catch (const error& e) {
        if (e.code() == errc::malformed) throw;
        detail::malformed(std::string("the directory does not hold: ") + e.what());
    }
    return d;
}

} // namespace sfcore
