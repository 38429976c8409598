// An event's payload as JSON, walked field by field from the payload type's
// field line (sfcore/detail/fields.hpp): what sfcore/json.hpp documents.
#include "sfcore/json.hpp"

#include <limits>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "walker.hpp"

namespace sfcore {
namespace {

using nlohmann::json;
using detail::has_fields;
using detail::is_optional;
using detail::is_sequence;
using detail::is_strong_id;

[[noreturn]] void bad(errc code, const std::string& at, const std::string& what) {
    throw error(code, (at.empty() ? std::string("the payload") : at) + ": " + what);
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "none" : s;
}

int digits(std::string_view s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// "YYYY-MM-DD", a real date in 1900–2199.
date date_of_text(std::string_view s, const std::string& at) {
    const int y = s.size() >= 10 ? digits(s, 0, 4) : -1, m = s.size() >= 10 ? digits(s, 5, 2) : -1,
              d = s.size() >= 10 ? digits(s, 8, 2) : -1;
    if (s.size() < 10 || y < 0 || m < 0 || d < 0 || s[4] != '-' || s[7] != '-')
        bad(errc::invalid_argument, at, "expected a date \"YYYY-MM-DD\"");
    if (y < min_year || y > max_year) bad(errc::out_of_range, at, "a date outside 1900-01-01..2199-12-31");
    try {
        return checked_date(date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)));
    } catch (const error&) {
        throw;
    } catch (const std::exception&) {
        bad(errc::out_of_range, at, "not a real date");
    }
}

// "YYYY-MM-DDTHH:MM:SS[.ffffff]Z", UTC.
instant instant_of_text(std::string_view s, const std::string& at) {
    const char* expected = "expected an instant \"YYYY-MM-DDTHH:MM:SSZ\" (UTC, with up to six digits of a fraction)";
    if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') bad(errc::invalid_argument, at, expected);
    const date day = date_of_text(s.substr(0, 10), at);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (h < 0 || mi < 0 || sec < 0) bad(errc::invalid_argument, at, expected);
    if (h > 23 || mi > 59 || sec > 59) bad(errc::out_of_range, at, "not a real time of day");
    long micros = 0;
    const std::string_view rest = s.substr(19, s.size() - 20);
    if (!rest.empty()) {
        if (rest.size() < 2 || rest.size() > 7 || rest[0] != '.') bad(errc::invalid_argument, at, expected);
        const int f = digits(rest, 1, rest.size() - 1);
        if (f < 0) bad(errc::invalid_argument, at, expected);
        micros = f;
        for (std::size_t i = rest.size() - 1; i < 6; ++i) micros *= 10;
    }
    return instant(day, boost::posix_time::hours(h) + boost::posix_time::minutes(mi) + boost::posix_time::seconds(sec) +
                            boost::posix_time::microseconds(micros));
}

template <class T>
void read(const json& j, T& x, const std::string& at);

template <class T, class Tuple, std::size_t... I>
void read_field(const json& j, Tuple& fields, std::size_t which, const std::string& at, std::index_sequence<I...>) {
    ((which == I ? read(j, std::get<I>(fields), at) : void()), ...);
}

template <class T>
void read(const json& j, T& x, const std::string& at) {
    if constexpr (std::is_same_v<T, bool>) {
        if (!j.is_boolean()) bad(errc::invalid_argument, at, "expected true or false");
        x = j.get<bool>();
    } else if constexpr (std::is_same_v<T, category>) {
        if (!j.is_number_unsigned() || j.get<std::uint64_t>() >= category_registry::capacity)
            bad(errc::out_of_range, at, "expected a category number below " + std::to_string(category_registry::capacity));
        x = static_cast<category>(j.get<std::uint64_t>());
    } else if constexpr (std::is_enum_v<T>) {
        if (!j.is_string()) bad(errc::invalid_argument, at, std::string("expected the name of a ") + detail::table_of<T>::what);
        try {
            x = enum_from_string<T>(j.get_ref<const std::string&>());
        } catch (const error& e) {
            bad(e.code(), at, e.detail());
        }
    } else if constexpr (std::is_integral_v<T>) {
        if (!j.is_number_integer()) bad(errc::invalid_argument, at, "expected a whole number");
        if (j.is_number_unsigned()) {
            const auto v = j.get<std::uint64_t>();
            if (v > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) bad(errc::out_of_range, at, "a number out of range");
            x = static_cast<T>(v);
        } else {
            const auto v = j.get<std::int64_t>();
            if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
                (v > 0 && static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
                bad(errc::out_of_range, at, "a number out of range");
            x = static_cast<T>(v);
        }
    } else if constexpr (is_strong_id<T>::value) {
        typename T::rep v{};
        read(j, v, at);
        x = T{v};
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!j.is_string()) bad(errc::invalid_argument, at, "expected a text");
        x = j.get<std::string>();
        if (!is_valid_utf8(x)) bad(errc::invalid_utf8, at, "a text that is not valid UTF-8");
    } else if constexpr (std::is_same_v<T, date>) {
        if (j.is_null()) x = date();
        else if (!j.is_string()) bad(errc::invalid_argument, at, "expected a date \"YYYY-MM-DD\"");
        else x = date_of_text(j.get_ref<const std::string&>(), at);
    } else if constexpr (std::is_same_v<T, instant>) {
        if (j.is_null()) x = instant();
        else if (!j.is_string()) bad(errc::invalid_argument, at, "expected an instant \"YYYY-MM-DDTHH:MM:SSZ\"");
        else x = instant_of_text(j.get_ref<const std::string&>(), at);
    } else if constexpr (std::is_same_v<T, digest>) {
        const auto d = j.is_string() ? digest_from_hex(j.get_ref<const std::string&>()) : std::nullopt;
        if (!d) bad(errc::invalid_argument, at, "expected a hash of 64 lowercase hex digits");
        x = *d;
    } else if constexpr (is_optional<T>::value) {
        if (j.is_null()) x.reset();
        else read(j, x.emplace(), at);
    } else if constexpr (is_sequence<T>::value) {
        if (!j.is_array()) bad(errc::invalid_argument, at, "expected an array");
        x.clear();
        for (std::size_t i = 0; i < j.size(); ++i) read(j[i], x.emplace_back(), at + "[" + std::to_string(i) + "]");
    } else {
        static_assert(has_fields<T>::value, "a type the JSON form does not know");
        const auto& names = detail::field_names<T>();
        if (!j.is_object()) bad(errc::invalid_argument, at, "expected an object of the fields " + joined(names));
        auto fields = fields_of(x);
        static_assert(std::tuple_size_v<decltype(fields)> < 64);
        for (const auto& [key, value] : j.items()) {
            std::size_t which = 0;
            while (which < names.size() && names[which] != key) ++which;
            if (which == names.size())
                bad(errc::invalid_argument, at, "no field \"" + key + "\" (the fields are " + joined(names) + ")");
            read_field<T>(value, fields, which, at.empty() ? key : at + "." + key,
                          std::make_index_sequence<std::tuple_size_v<decltype(fields)>>{});
        }
    }
}

template <class T>
json write(const T& x) {
    if constexpr (std::is_same_v<T, bool>) {
        return x;
    } else if constexpr (std::is_same_v<T, category>) {
        return static_cast<std::uint64_t>(x);
    } else if constexpr (std::is_enum_v<T>) {
        return to_string(x);
    } else if constexpr (std::is_integral_v<T>) {
        return x;
    } else if constexpr (is_strong_id<T>::value) {
        return x.value();
    } else if constexpr (std::is_same_v<T, std::string>) {
        return x;
    } else if constexpr (std::is_same_v<T, date>) {
        return x.is_special() ? json() : json(to_iso(x));
    } else if constexpr (std::is_same_v<T, instant>) {
        return x.is_special() ? json() : json(to_iso(x));
    } else if constexpr (std::is_same_v<T, digest>) {
        return to_hex(x);
    } else if constexpr (is_optional<T>::value) {
        return x ? write(*x) : json();
    } else if constexpr (is_sequence<T>::value) {
        json a = json::array();
        for (const auto& e : x) a.push_back(write(e));
        return a;
    } else {
        static_assert(has_fields<T>::value, "a type the JSON form does not know");
        const auto& names = detail::field_names<T>();
        json o = json::object();
        std::size_t i = 0;
        std::apply([&](const auto&... f) { ((o[names[i++]] = write(f)), ...); }, fields_of(x));
        return o;
    }
}

// The text parsed, refusing a key given twice in one object (JSON leaves it open; here it is an error).
json parse(std::string_view text) {
    if (!is_valid_utf8(text)) throw error(errc::invalid_utf8, "the payload's JSON is not valid UTF-8");
    std::vector<std::set<std::string>> open;
    std::string twice;
    json::parser_callback_t cb = [&](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) open.emplace_back();
        else if (event == json::parse_event_t::object_end && !open.empty()) open.pop_back();
        else if (event == json::parse_event_t::key && !open.empty() && !open.back().insert(parsed.get<std::string>()).second &&
                 twice.empty())
            twice = parsed.get<std::string>();
        return true;
    };
    json j;
    try {
        j = json::parse(text.begin(), text.end(), cb);
    } catch (const json::exception& e) {
        throw error(errc::invalid_argument, std::string("the payload is not JSON: ") + e.what());
    }
    if (!twice.empty()) throw error(errc::invalid_argument, "the payload names \"" + twice + "\" twice");
    return j;
}

template <std::size_t... I>
void emplace(event_payload& p, std::size_t index, std::index_sequence<I...>) {
    ((index == I ? (void)p.emplace<I>() : void()), ...);
}

} // namespace

event_payload payload_from_json(event_type type, std::string_view text) {
    const auto index = static_cast<std::size_t>(type);
    if (index >= std::variant_size_v<event_payload>) throw error(errc::invalid_argument, "unknown event type " + std::to_string(index));
    const json j = parse(text);
    event_payload p;
    emplace(p, index, std::make_index_sequence<std::variant_size_v<event_payload>>{});
    std::visit([&](auto& alt) { read(j, alt, std::string()); }, p);
    return p;
}

std::string payload_to_json(const event_payload& payload) {
    return std::visit([](const auto& alt) { return write(alt).dump(); }, payload);
}

} // namespace sfcore
