// One walk over every value sfcore keeps, for three encodings:
// - Boost's binary and text archives (the archive files, archive.cpp);
// - the canonical form: little-endian fixed-width numbers, u32 lengths and
//   counts, one byte per flag, enum and variant index, microsecond instants
//   and YYYYMMDD dates — what a store row holds and what the journal's hash
//   chain hashes (entry.cpp).
// Each value is walked field by field (its SFCORE_FIELDS line, sfcore/detail/fields.hpp). Strings, sequences,
// optionals and variants are written here, so every count and length read
// back is checked against the bytes that remain before anything is
// allocated, every enum and id against its table, every text as UTF-8, and
// every date and instant against the supported range.
#pragma once

#include <algorithm>
#include <cstring>
#include <deque>

#include <boost/container/deque.hpp>
#include <istream>
#include <limits>
#include <ostream>
#include <streambuf>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>

#include "sfcore/agency.hpp"
#include "sfcore/archive.hpp"
#include "sfcore/case.hpp"
#include "sfcore/events.hpp"
#include "sfcore/text.hpp"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the canonical form is written as the machine's bytes");

namespace sfcore::detail {

[[noreturn]] inline void malformed(const std::string& why) { throw error(errc::malformed, why); }

// The newest version of each value's layout this library writes and reads.
// A value saved by a newer library carries a higher number and is refused.
template <class T>
constexpr std::uint8_t class_version = 1;
template <>
inline constexpr std::uint8_t class_version<event> = 2;  // 2: seq, recorded, hash; 1: sfcore 0.1
template <>
inline constexpr std::uint8_t class_version<case_file> = 2;
template <>
inline constexpr std::uint8_t class_version<agency> = 2;  // 2: former names, child welfare and protection agency
template <>
inline constexpr std::uint8_t class_version<review_scheduled> = 2;  // 2: the reason a review is outside its window
template <>
inline constexpr std::uint8_t class_version<action> = 2;  // 2: the outcome areas it serves
template <>
inline constexpr std::uint8_t class_version<referral> = 2;  // 2: its Local Management Group
template <>
inline constexpr std::uint8_t class_version<practitioner> = 2;  // 2: their Local Management Group
template <>
inline constexpr std::uint8_t class_version<agency_directory> = 2;  // 2: sites and Local Management Groups

// How many of a type's fields its version 1 had: the rest were added later, at
// the end of its field list, and a version 1 value is read without them.
template <class T>
inline constexpr std::size_t fields_in_version_1 = static_cast<std::size_t>(-1);
template <>
inline constexpr std::size_t fields_in_version_1<agency> = 3;
template <>
inline constexpr std::size_t fields_in_version_1<review_scheduled> = 1;
template <>
inline constexpr std::size_t fields_in_version_1<action> = 7;
template <>
inline constexpr std::size_t fields_in_version_1<referral> = 8;
template <>
inline constexpr std::size_t fields_in_version_1<practitioner> = 3;
/// The number of payload alternatives sfcore 0.1 knew (its events, in the same order).
inline constexpr std::size_t v1_event_types = 22;

// ---- byte buffers for Boost's archives --------------------------------------

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

// ---- the canonical form -------------------------------------------------------

// Writes an entry's canonical bytes into 512 bytes of its own (an entry
// rarely needs more), spilling to the heap only when they run out.
struct canonical_oarchive {
    using is_saving = std::true_type;
    std::uint8_t inline_bytes[512];
    std::uint8_t* begin_ = inline_bytes;
    std::uint8_t* at = inline_bytes;
    std::uint8_t* end_ = inline_bytes + sizeof inline_bytes;
    bytes spill;

    canonical_oarchive() = default;
    canonical_oarchive(const canonical_oarchive&) = delete;
    canonical_oarchive& operator=(const canonical_oarchive&) = delete;

    template <class T>
    canonical_oarchive& operator&(const T& v) {
        static_assert(std::is_arithmetic_v<T>);
        save_binary(&v, sizeof v);
        return *this;
    }
    template <class T>
    canonical_oarchive& operator<<(const T& v) {
        return *this & v;
    }
#if defined(__GNUC__)
    __attribute__((always_inline))
#endif
    void save_binary(const void* p, std::size_t n) {
        if (static_cast<std::size_t>(end_ - at) < n) grow(n);
        std::memcpy(at, p, n);
        at += n;
    }
    const std::uint8_t* data() const noexcept { return begin_; }
    std::size_t size() const noexcept { return static_cast<std::size_t>(at - begin_); }

private:
#if defined(__GNUC__)
    __attribute__((noinline))
#endif
    void grow(std::size_t n) {
        const std::size_t used = size();
        bytes bigger(std::max<std::size_t>(2 * static_cast<std::size_t>(end_ - begin_), used + n));
        std::memcpy(bigger.data(), begin_, used);
        spill = std::move(bigger);
        begin_ = spill.data();
        at = begin_ + used;
        end_ = begin_ + spill.size();
    }
};

struct canonical_iarchive {
    using is_saving = std::false_type;
    const std::uint8_t* p;
    const std::uint8_t* end;
    template <class T>
    canonical_iarchive& operator&(T& v) {
        static_assert(std::is_arithmetic_v<T>);
        load_binary(&v, sizeof v);
        return *this;
    }
    template <class T>
    canonical_iarchive& operator>>(T& v) {
        return *this & v;
    }
    void load_binary(void* to, std::size_t n) {
        if (static_cast<std::size_t>(end - p) < n) malformed("the data is cut short");
        std::memcpy(to, p, n);
        p += n;
    }
    std::size_t remaining() const noexcept { return static_cast<std::size_t>(end - p); }
};

// ---- the walk ---------------------------------------------------------------

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_sequence : std::false_type {};
template <class T, class A>
struct is_sequence<std::vector<T, A>> : std::true_type {};
template <class T, class A>
struct is_sequence<std::deque<T, A>> : std::true_type {};
template <class T, class A, class O>
struct is_sequence<boost::container::deque<T, A, O>> : std::true_type {};
template <class T, std::size_t N>
struct is_sequence<boost::container::small_vector<T, N>> : std::true_type {};
template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class T>
struct is_variant : std::false_type {};
template <class... T>
struct is_variant<std::variant<T...>> : std::true_type {};

// The microseconds of the supported range of instants (see time.hpp).
inline std::int64_t micros_since_epoch(const instant& t) { return (t - unix_epoch).total_microseconds(); }
inline const std::int64_t first_micros = micros_since_epoch(instant(date(min_year, 1, 1)));
inline const std::int64_t last_micros =
    micros_since_epoch(instant(date(max_year, 12, 31), boost::posix_time::hours(24)));
inline constexpr std::int64_t no_instant = std::numeric_limits<std::int64_t>::min();

// Walks a value, saving or loading each field.
template <class Ar>
struct walker {
    Ar& ar;
    const input_buffer* in = nullptr;  // loading through Boost: the bytes that remain
    std::istream* is = nullptr;        // loading Boost text: the stream under the archive
    static constexpr bool saving = Ar::is_saving::value;
    static constexpr bool text = std::is_same_v<Ar, boost::archive::text_oarchive> ||
                                 std::is_same_v<Ar, boost::archive::text_iarchive>;
    bool v1_event = false;             // loading an sfcore 0.1 event: only its payloads

    std::size_t remaining() const noexcept {
        if constexpr (std::is_same_v<Ar, canonical_iarchive>) return ar.remaining();
        else return in ? in->remaining() : 0;
    }

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

    void string(std::string& s) {
        if constexpr (saving) {
            if constexpr (text) {
                ar << s;  // Boost's form: the length, a space, the bytes
            } else {
                count(s.size());
                ar.save_binary(s.data(), s.size());
            }
        } else {
            std::size_t n = 0;
            if constexpr (text) {
                ar >> n;
            } else {
                std::uint32_t c = 0;
                ar >> c;
                n = c;
            }
            if (n > remaining()) malformed("a text of " + std::to_string(n) + " bytes is longer than the bytes that remain");
            s.resize(n);
            if (n > 0) {
                if constexpr (text) {
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
            string(x);
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
            std::int64_t v = x.is_special() ? no_instant : micros_since_epoch(x);
            ar & v;
            if constexpr (!saving) {
                if (v == no_instant) x = instant();
                else if (v < first_micros || v >= last_micros) malformed("an instant is out of range");
                else x = unix_epoch + boost::posix_time::microseconds(v);
            }
        } else if constexpr (std::is_same_v<T, digest>) {
            digest_field(x);
        } else if constexpr (is_optional<T>::value) {
            bool has = x.has_value();
            (*this)(has);
            if constexpr (saving) {
                if (has) (*this)(*x);
            } else {
                if (has) (*this)(x.emplace());
                else x.reset();
            }
        } else if constexpr (is_sequence<T>::value) {
            const std::uint32_t n = count(x.size());
            if constexpr (saving) {
                for (auto& e : x) (*this)(e);
            } else {
                x.clear();
                // Room for what the bytes left could hold at 8 bytes an element, at most.
                if constexpr (std::is_same_v<T, std::vector<typename T::value_type>>)
                    x.reserve(std::min<std::size_t>(n, remaining() / 8));
                for (std::uint32_t i = 0; i < n; ++i) (*this)(x.emplace_back());
            }
        } else if constexpr (is_tuple<T>::value) {
            std::apply([this](auto&... f) { ((*this)(f), ...); }, x);
        } else if constexpr (is_variant<T>::value) {
            std::uint8_t index = static_cast<std::uint8_t>(x.index());
            ar & index;
            if constexpr (!saving) {
                const std::size_t known = v1_event ? v1_event_types : std::variant_size_v<T>;
                if (index >= known) malformed("an unknown kind of event or value (" + std::to_string(index) + ")");
                emplace(x, index, std::make_index_sequence<std::variant_size_v<T>>{});
            }
            std::visit([this](auto& alt) { (*this)(alt); }, x);
        } else if constexpr (std::is_same_v<T, event>) {
            walk_event(x);
        } else {
            static_assert(has_fields<T>::value, "a type the encodings do not know");
            const std::uint8_t v = version<T>();
            auto fields = fields_of(x);
            walk_fields(fields, v == 1 ? fields_in_version_1<T> : static_cast<std::size_t>(-1),
                        std::make_index_sequence<std::tuple_size_v<decltype(fields)>>{});
        }
    }

    // An entry: its version, then (2) seq, recorded, when, who, payload and
    // its hash last — so the bytes before the hash are what it hashes — or
    // (1, sfcore 0.1) when, who and payload.
    void walk_event(event& e) {
        const std::uint8_t v = version<event>();
        if (v == 1) {
            v1_event = true;
            (*this)(e.when);
            (*this)(e.who);
            (*this)(e.payload);
            v1_event = false;
            return;
        }
        walk_event_v2(e, [&] { (*this)(e.payload); });
    }

    // Saving an entry whose payload is known to be a P: the same bytes as
    // walk_event, with P walked directly rather than through the variant.
    template <class P>
    void save_event_as(event& e) {
        static_assert(saving);
        P& payload = std::get<P>(e.payload);
        (void)version<event>();
        walk_event_v2(e, [&] {
            std::uint8_t index = static_cast<std::uint8_t>(e.payload.index());
            ar & index;
            (*this)(payload);
        });
    }

    // A version 2 entry: seq, recorded, when, who, the payload, and its hash last.
    template <class F>
    void walk_event_v2(event& e, F&& payload) {
        (*this)(e.seq);
        (*this)(e.recorded);
        (*this)(e.when);
        (*this)(e.who);
        payload();
        (*this)(e.hash);
    }

    void digest_field(digest& x) {
        if constexpr (text) {
            std::string hex = saving ? to_hex(x) : std::string();
            string(hex);
            if constexpr (!saving) {
                if (hex.size() != 64) malformed("a hash is not 64 hex digits");
                const auto d = digest_from_hex(hex);
                if (!d) malformed("a hash is not lowercase hex");
                x = *d;
            }
        } else if constexpr (saving) {
            ar.save_binary(x.data(), x.size());
        } else {
            if (remaining() < x.size()) malformed("a hash is cut short");
            ar.load_binary(x.data(), x.size());
        }
    }

    // The layout version of a value: written, or read and checked. Returns it.
    template <class T>
    std::uint8_t version() {
        std::uint8_t v = class_version<T>;
        ar & v;
        if constexpr (!saving) {
            if (v == 0) malformed("a value has class version 0");
            if (v > class_version<T>)
                throw error(errc::unsupported_version, "a value has class version " + std::to_string(v) +
                                                           ", newer than this library reads (" +
                                                           std::to_string(class_version<T>) + ")");
        }
        return v;
    }

    // A value's fields in order, the first `present` of them (a value of an older version has fewer).
    template <class Tuple, std::size_t... I>
    void walk_fields(Tuple& fields, std::size_t present, std::index_sequence<I...>) {
        ((I < present ? (*this)(std::get<I>(fields)) : void()), ...);
    }

    template <class V, std::size_t... I>
    static void emplace(V& v, std::size_t index, std::index_sequence<I...>) {
        ((index == I ? (void)v.template emplace<I>() : void()), ...);
    }
};

} // namespace sfcore::detail
