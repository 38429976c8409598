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
    case SF_ENUM_STATE: return pick(row_of<state>(v));
    case SF_ENUM_EVENT_TYPE: return pick(row_of<event_type>(v));
    case SF_ENUM_GUARD: return pick(row_of<guard>(v));
    case SF_ENUM_REFERRAL_SOURCE: return pick(row_of<referral_source>(v));
    case SF_ENUM_PROGRAMME: return pick(row_of<programme>(v));
    case SF_ENUM_AGENCY_KIND: return pick(row_of<agency_kind>(v));
    case SF_ENUM_PARTY_KIND: return pick(row_of<party_kind>(v));
    case SF_ENUM_MEMBER_ROLE: return pick(row_of<member_role>(v));
    case SF_ENUM_MEETING_KIND: return pick(row_of<meeting_kind>(v));
    case SF_ENUM_ACTION_STATUS: return pick(row_of<action_status>(v));
    case SF_ENUM_SUPPORT_TYPE: return pick(row_of<support_type>(v));
    case SF_ENUM_EXIT_REASON: return pick(row_of<exit_reason>(v));
    case SF_ENUM_CATEGORY: return pick(row_of<category>(v));
    case SF_ENUM_PURPOSE: return pick(row_of<purpose>(v));
    case SF_ENUM_DECISION_RULE: return pick(row_of<decision_rule>(v));
    case SF_ENUM_LEGAL_BASIS: return pick(row_of<legal_basis>(v));
    case SF_ENUM_S66C_PURPOSE: return pick(row_of<s66c_purpose>(v));
    case SF_ENUM_ISSUE_AREA: return pick(row_of<issue_area>(v));
    case SF_ENUM_OVERDUE_KIND: return pick(row_of<overdue_kind>(v));
    case SF_ENUM_EVENT_KIND: return pick(row_of<event_kind>(v));
    case SF_ENUM_S66_REQUESTER: return pick(row_of<s66_requester>(v));
    case SF_ENUM_OUTCOME_AREA: return pick(row_of<outcome_area>(v));
    case SF_ENUM_WORKING_DAY_RULE: return pick(row_of<working_day_rule>(v));
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
