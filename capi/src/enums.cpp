// Names and labels of enumerators, from the same tables as the C++ enums,
// and the lifecycle's transition table.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

template <class E>
const enum_row<E>* row_of(int v) {
    for (const auto& r : detail::table_of<E>::rows)
        if (static_cast<int>(r.value) == v) return &r;
    return nullptr;
}

// The name (or label) of an enumerator of any enumeration the C ABI knows.
const char* enum_text(int enumeration, int v, bool label) {
    const auto pick = [&](const auto* row) -> const char* {
        if (!row) {
            using E = std::decay_t<decltype(row->value)>;
            throw error(errc::invalid_argument, std::string("unknown ") + detail::table_of<E>::what + " " + std::to_string(v));
        }
        return label ? row->label : row->name;
    };
    switch (enumeration) {
#define SF_ENUMERATION(cxx, id, number, values, c_prefix, python, what, doc, since, old_prefix, old_count) \
    case SF_ENUM_##id: return pick(row_of<cxx>(v));
#include "sfcore/def/enumerations.def"
#undef SF_ENUMERATION
    default: throw error(errc::invalid_argument, "no enumeration " + std::to_string(enumeration));
    }
}

} // namespace

extern "C" {

int sf_enum_name(const char** out, int enumeration, int value) {
    return call([&] { need(out, "out") = enum_text(enumeration, value, false); });
}

int sf_enum_label(const char** out, int enumeration, int value) {
    return call([&] { need(out, "out") = enum_text(enumeration, value, true); });
}

int sf_state_name(const char** out, int state) { return sf_enum_name(out, SF_ENUM_STATE, state); }

int sf_referral_source_name(const char** out, int source) { return sf_enum_name(out, SF_ENUM_REFERRAL_SOURCE, source); }

int sf_event_type_kind(int* out, int event_type_) {
    return call([&] { need(out, "out") = static_cast<int>(kind_of(enum_from_int<event_type>(event_type_))); });
}

int sf_lifecycle_row_count(size_t* out) {
    return call([&] { need(out, "out") = std::size(transition_table); });
}

int sf_lifecycle_row(sf_transition* out, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        if (index >= std::size(transition_table)) throw error(errc::out_of_range, "no transition row " + std::to_string(index));
        const transition& t = transition_table[index];
        o.from_states = t.from.bits;
        o.event = static_cast<int>(t.on);
        for (int i = 0; i < 5; ++i) o.guards[i] = static_cast<int>(t.guards[static_cast<std::size_t>(i)]);
        o.to_state = t.to == stay ? -1 : static_cast<int>(t.to);
    });
}

} // extern "C"
