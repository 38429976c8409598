// The C ABI over the C++ core. Every entry point runs inside call(), which
// catches everything and turns it into a status code and a per-thread
// message: no exception and no C++ type crosses the boundary.
#include "sfcore.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "sfcore/sfcore.hpp"


namespace {

thread_local std::string last_message;
thread_local int last_code = SF_OK;

int fail(int code, const char* message) noexcept {
    last_code = code;
    try {
        last_message = message;
    } catch (...) {
        last_message.clear();  // keep the code; the message could not be stored
    }
    return code;
}

template <class F>
int call(F&& f) noexcept {
    try {
        f();
        return SF_OK;
    } catch (const sfcore::error& e) {
        return fail(-static_cast<int>(e.code()), e.what());
    } catch (const std::bad_alloc&) {
        return fail(SF_ENOMEM, "[sfcore.error.901] out of memory");
    } catch (const std::exception& e) {
        return fail(SF_EINTERNAL, e.what());
    } catch (...) {
        return fail(SF_EINTERNAL, "[sfcore.error.902] internal error: unknown exception");
    }
}

template <class T>
T& need(T* p, const char* what) {
    if (!p) throw sfcore::error(sfcore::errc::null_argument, std::string(what) + " is NULL");
    return *p;
}

std::string_view text(const char* s, const char* what) {
    if (!s) throw sfcore::error(sfcore::errc::null_argument, std::string(what) + " is NULL");
    return s;
}

template <class E>
const char* name_or_throw(int v) {
    return sfcore::to_string(sfcore::enum_from_int<E>(v));
}

// Handles are the C++ objects themselves, cast to the C header's incomplete
// struct types (which are never defined, so the ABI exposes no C++ type).
template <class H>
struct impl_of;
template <class T>
struct handle_ref {
    T& impl;
};
#define SF_HANDLE(H, T)                                                                                 \
    template <>                                                                                         \
    struct impl_of<H> {                                                                                 \
        using type = T;                                                                                 \
    };                                                                                                  \
    [[maybe_unused]] handle_ref<T> need(H* p, const char* what) {                                       \
        if (!p) throw sfcore::error(sfcore::errc::null_argument, std::string(what) + " is NULL");       \
        return {*reinterpret_cast<T*>(p)};                                                              \
    }                                                                                                   \
    [[maybe_unused]] handle_ref<const T> need(const H* p, const char* what) {                           \
        if (!p) throw sfcore::error(sfcore::errc::null_argument, std::string(what) + " is NULL");       \
        return {*reinterpret_cast<const T*>(p)};                                                        \
    }
SF_HANDLE(sf_directory, sfcore::agency_directory)
SF_HANDLE(sf_referral, sfcore::referral)
SF_HANDLE(sf_case, sfcore::case_file)
SF_HANDLE(sf_meeting, sfcore::meeting)
SF_HANDLE(sf_plan, sfcore::plan)
SF_HANDLE(sf_categories, sfcore::category_registry)
SF_HANDLE(sf_ledger, sfcore::disclosure_ledger)
SF_HANDLE(sf_store, sfcore::case_store)
#undef SF_HANDLE

template <class H, class... A>
H* make_handle(A&&... a) {
    return reinterpret_cast<H*>(new typename impl_of<H>::type(std::forward<A>(a)...));
}

template <class H>
void free_handle(H* h) noexcept {
    delete reinterpret_cast<typename impl_of<H>::type*>(h);
}

} // namespace

extern "C" {

const char* sf_version_string(void) { return SF_VERSION_STRING; }
uint32_t sf_version_number(void) { return SF_VERSION_NUMBER; }
const char* sf_error_last(void) { return last_message.c_str(); }
int sf_error_last_code(void) { return last_code; }

int sf_status_name(const char** out, int status) {
    return call([&] {
        auto& o = need(out, "out");
        if (status == SF_OK) {
            o = "SF_OK";
            return;
        }
        const auto* row = sfcore::find_error(static_cast<sfcore::errc>(-status));
        if (status > 0 || !row)
            throw sfcore::error(sfcore::errc::invalid_argument, "no status " + std::to_string(status));
        o = row->c_name;
    });
}

int sf_state_name(const char** out, int state) {
    return call([&] { need(out, "out") = name_or_throw<sfcore::state>(state); });
}

int sf_referral_source_name(const char** out, int source) {
    return call([&] { need(out, "out") = name_or_throw<sfcore::referral_source>(source); });
}

int sf_directory_new(sf_directory** out) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>();
    });
}

void sf_directory_free(sf_directory* dir) { free_handle(dir); }

int sf_directory_add_agency(uint32_t* out_id, sf_directory* dir, const char* name, int kind) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto d = need(dir, "dir");
        o = d.impl.add(text(name, "name"), sfcore::enum_from_int<sfcore::agency_kind>(kind)).value();
    });
}

int sf_directory_find_agency(uint32_t* out_id, const sf_directory* dir, const char* name) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        const auto& d = need(dir, "dir");
        const auto n = sfcore::checked_utf8(text(name, "name"), "name");
        const auto id = d.impl.find_by_name(n);
        if (!id) throw sfcore::error(sfcore::errc::not_found, "no agency named \"" + n + "\"");
        o = id->value();
    });
}

int sf_directory_agency_name(const char** out, const sf_directory* dir, uint32_t agency_id) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(dir, "dir").impl.at(sfcore::agency_id{agency_id}).name.c_str();
    });
}

int sf_referral_new(sf_referral** out, int source, int32_t received, const char* family_name) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        sfcore::referral r;
        r.source = sfcore::enum_from_int<sfcore::referral_source>(source);
        r.received = sfcore::date_from_yyyymmdd(received);
        r.family_name = sfcore::checked_nonblank_utf8(text(family_name, "family_name"), "family name");
        o = make_handle<sf_referral>(std::move(r));
    });
}

void sf_referral_free(sf_referral* referral) { free_handle(referral); }

int sf_referral_set_agency(sf_referral* referral, uint32_t agency_id, const char* practitioner) {
    return call([&] {
        auto r = need(referral, "referral");
        if (agency_id == 0) throw sfcore::error(sfcore::errc::invalid_argument, "agency id 0 names no agency");
        std::string p = practitioner ? sfcore::checked_utf8(practitioner, "practitioner") : std::string();
        r.impl.agency = sfcore::agency_id{agency_id};
        r.impl.practitioner = std::move(p);
    });
}

int sf_referral_add_reason(sf_referral* referral, const char* reason) {
    return call([&] {
        auto r = need(referral, "referral");
        r.impl.reasons.push_back(sfcore::checked_nonblank_utf8(text(reason, "reason"), "referral reason"));
    });
}

int sf_referral_set_programme(sf_referral* referral, int programme) {
    return call([&] {
        auto r = need(referral, "referral");
        r.impl.programme = sfcore::enum_from_int<sfcore::programme>(programme);
    });
}

int sf_case_open(sf_case** out, const sf_directory* dir, uint64_t case_id, const sf_referral* referral,
                 const char* recorded_by, int64_t recorded_at) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& d = need(dir, "dir");
        const auto& r = need(referral, "referral");
        auto c = sfcore::case_file::open(sfcore::case_id{case_id}, d.impl, r.impl, text(recorded_by, "recorded_by"),
                                         sfcore::instant_from_unix(recorded_at));
        o = make_handle<sf_case>(std::move(c));
    });
}

void sf_case_free(sf_case* c) { free_handle(c); }

int sf_case_state(int* out, const sf_case* c) {
    return call([&] { need(out, "out") = static_cast<int>(need(c, "case").impl.state()); });
}

int sf_case_id(uint64_t* out, const sf_case* c) {
    return call([&] { need(out, "out") = need(c, "case").impl.id().value(); });
}

int sf_case_referral(int* out_source, uint32_t* out_agency_id, int32_t* out_received, const sf_case* c) {
    return call([&] {
        auto& src = need(out_source, "out_source");
        const auto& r = need(c, "case").impl.referral();
        src = static_cast<int>(r.source);
        if (out_agency_id) *out_agency_id = r.agency ? r.agency->value() : 0;
        if (out_received) *out_received = sfcore::to_yyyymmdd(r.received);
    });
}

int sf_case_family_name(const char** out, const sf_case* c) {
    return call([&] { need(out, "out") = need(c, "case").impl.referral().family_name.c_str(); });
}

int sf_case_event_count(size_t* out, const sf_case* c) {
    return call([&] { need(out, "out") = need(c, "case").impl.journal().size(); });
}

} // extern "C"

// ---- helpers for the functions below ------------------------------------------

namespace {

using namespace sfcore;

thread_local std::string last_reason;

party party_of(const sf_party& p) {
    party out;
    out.kind = enum_from_int<party_kind>(p.kind);
    out.id = p.id;
    return out;
}

sf_party to_c(const party& p) { return sf_party{static_cast<int>(p.kind), p.id}; }

std::string utf8(const char* s, const char* what) { return checked_utf8(text(s, what), what); }
std::string utf8_or_empty(const char* s, const char* what) { return s ? checked_utf8(s, what) : std::string(); }

std::vector<std::string> utf8_list(const char* const* a, std::size_t n, const char* what) {
    if (n > 0 && !a) throw error(errc::null_argument, std::string(what) + " is NULL");
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(utf8(a[i], what));
    return out;
}

std::vector<member_id> member_list(const std::uint32_t* a, std::size_t n, const char* what) {
    if (n > 0 && !a) throw error(errc::null_argument, std::string(what) + " is NULL");
    std::vector<member_id> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(member_id{a[i]});
    return out;
}

date date_of(std::int32_t v) { return date_from_yyyymmdd(v); }
std::optional<date> optional_date(std::int32_t v) { return v == 0 ? std::optional<date>{} : date_of(v); }
std::int32_t c_date(const std::optional<date>& d) { return d ? to_yyyymmdd(*d) : 0; }
instant instant_of(std::int64_t v) { return instant_from_unix(v); }

category category_of(int v) {
    if (v < 0 || v >= static_cast<int>(category_registry::capacity)) throw error(errc::invalid_argument, "no category " + std::to_string(v));
    return static_cast<category>(v);
}

template <class T>
T* copy_out(const T* p, std::size_t n) {
    if (n == 0) return nullptr;
    auto* out = static_cast<T*>(std::malloc(n * sizeof(T)));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, p, n * sizeof(T));
    return out;
}

char* string_out(const std::string& s) {
    auto* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

void bytes_out(std::uint8_t** data, std::size_t* size, const bytes& b) {
    auto* out = static_cast<std::uint8_t*>(std::malloc(b.empty() ? 1 : b.size()));
    if (!out) throw std::bad_alloc();
    if (!b.empty()) std::memcpy(out, b.data(), b.size());
    *data = out;
    *size = b.size();
}

archive_encoding encoding_of(int v) {
    if (v != SF_ENCODING_BINARY && v != SF_ENCODING_TEXT) throw error(errc::invalid_argument, "no encoding " + std::to_string(v));
    return static_cast<archive_encoding>(v);
}

const std::uint8_t* archive_in(const std::uint8_t* data, std::size_t size) {
    if (!data && size > 0) throw error(errc::null_argument, "data is NULL");
    return data;
}

// Offer an event; fill the outcome.
int offer(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, std::int64_t when,
          const std::function<event_payload()>& payload) {
    return call([&] {
        auto& o = need(out, "out");
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        const std::string_view w = text(who, "who");
        const outcome r = k.impl.record(d.impl, w, instant_of(when), payload());
        last_reason = r.reason;
        o.accepted = r.accepted ? 1 : 0;
        o.guard = static_cast<int>(r.guard);
        o.from_state = static_cast<int>(r.from);
        o.to_state = static_cast<int>(r.to);
        o.assigned = r.assigned;
        o.reason = last_reason.c_str();
    });
}

case_query query_of(const sf_case_query* query) {
    case_query q;
    if (query) {
        if (query->state >= 0) q.state = enum_from_int<state>(query->state);
        if (query->programme >= 0) q.programme = enum_from_int<programme>(query->programme);
        if (query->coordinator) q.coordinator = practitioner_id{query->coordinator};
        if (query->overdue_on) q.overdue_on = date_of(query->overdue_on);
    }
    return q;
}

disclosure_request request_of(const sf_request& r) {
    disclosure_request x;
    x.discloser = party_of(r.discloser);
    x.subjects = member_list(r.subjects, r.subject_count, "subjects");
    x.what = category_of(r.category);
    x.recipient = party_of(r.recipient);
    x.why = enum_from_int<purpose>(r.purpose);
    x.at = instant_of(r.at);
    return x;
}

sf_decision to_c(const decision& d) {
    return sf_decision{d.permit ? 1 : 0, static_cast<int>(d.rule), d.subject.value(), d.consent};
}

template <class E>
const enum_row<E>* row_of(int v) {
    for (const auto& r : detail::table_of<E>::rows)
        if (static_cast<int>(r.value) == v) return &r;
    return nullptr;
}

// The name (or label) of an enumerator of any enumeration the C ABI knows.
const char* enum_text(int enumeration, int v, bool label) {
    const auto pick = [&](const auto* row) -> const char* {
        if (!row) throw error(errc::invalid_argument, "no value " + std::to_string(v) + " in enumeration " + std::to_string(enumeration));
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
    case SF_ENUM_AUDIT_KIND: return pick(row_of<audit_kind>(v));
    case SF_ENUM_OVERDUE_KIND: return pick(row_of<overdue_kind>(v));
    default: throw error(errc::invalid_argument, "no enumeration " + std::to_string(enumeration));
    }
}

std::string join_missing(const std::vector<std::string>& missing) {
    std::string out;
    for (const auto& m : missing) out += (out.empty() ? "" : "; ") + m;
    return out;
}

} // namespace

extern "C" {

void sf_free(void* p) { std::free(p); }

int sf_enum_name(const char** out, int enumeration, int value) {
    return call([&] { need(out, "out") = enum_text(enumeration, value, false); });
}

int sf_enum_label(const char** out, int enumeration, int value) {
    return call([&] { need(out, "out") = enum_text(enumeration, value, true); });
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
        for (int i = 0; i < 3; ++i) o.guards[i] = static_cast<int>(t.guards[static_cast<std::size_t>(i)]);
        o.to_state = t.to == stay ? -1 : static_cast<int>(t.to);
    });
}

int sf_directory_add_practitioner(uint32_t* out_id, sf_directory* dir, uint32_t agency_id, const char* name) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto d = need(dir, "dir");
        o = d.impl.add_practitioner(sfcore::agency_id{agency_id}, text(name, "name")).value();
    });
}

int sf_directory_practitioner(const char** out_name, uint32_t* out_agency_id, const sf_directory* dir, uint32_t id) {
    return call([&] {
        auto& o = need(out_name, "out_name");
        const auto& p = need(dir, "dir").impl.practitioner_at(practitioner_id{id});
        o = p.name.c_str();
        if (out_agency_id) *out_agency_id = p.agency.value();
    });
}

int sf_directory_counts(size_t* out_agencies, size_t* out_practitioners, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out_agencies, "out_agencies");
        const auto& d = need(dir, "dir");
        o = d.impl.all().size();
        if (out_practitioners) *out_practitioners = d.impl.practitioners().size();
    });
}

int sf_directory_save(uint8_t** out_data, size_t* out_size, const sf_directory* dir, int encoding) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        bytes_out(out_data, out_size, save_archive(need(dir, "dir").impl, encoding_of(encoding)));
    });
}

int sf_directory_load(sf_directory** out, const uint8_t* data, size_t size) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>(load_directory(archive_in(data, size), size));
    });
}

int sf_referral_set_site(sf_referral* referral, const char* site) {
    return call([&] { need(referral, "referral").impl.site = utf8(site, "site"); });
}

// ---- lifecycle events ----------------------------------------------------------

int sf_case_accept_referral(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            int by_panel, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{referral_accepted{by_panel != 0, utf8_or_empty(note, "note")}}; });
}

int sf_case_decline_referral(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             const char* reason) {
    return offer(out, c, dir, who, when, [&] { return event_payload{referral_declined{utf8(reason, "reason")}}; });
}

int sf_case_add_member(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                       const char* name, int role, int32_t born, int participating) {
    return offer(out, c, dir, who, when, [&] {
        member m;
        m.name = utf8(name, "name");
        m.role = enum_from_int<member_role>(role);
        m.born = optional_date(born);
        m.participating = participating != 0;
        return event_payload{member_added{m}};
    });
}

int sf_case_record_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           uint32_t member, int32_t signed_on, const char* form_version, uint32_t given_by,
                           const char* child_views) {
    return offer(out, c, dir, who, when, [&] {
        consent_recorded k;
        k.member = member_id{member};
        k.signed_on = date_of(signed_on);
        k.form_version = utf8(form_version, "form_version");
        if (given_by) k.given_by = member_id{given_by};
        k.child_views = utf8_or_empty(child_views, "child_views");
        return event_payload{k};
    });
}

int sf_case_withdraw_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             uint32_t member, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{consent_withdrawn{member_id{member}, utf8_or_empty(note, "note")}}; });
}

int sf_case_assign_roles(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                         uint32_t coordinator, uint32_t lead_agency, uint32_t lead_contact, const char* facilitator) {
    return offer(out, c, dir, who, when, [&] {
        roles_assigned r;
        if (coordinator) r.coordinator = practitioner_id{coordinator};
        if (lead_agency) r.lead_agency = agency_id{lead_agency};
        if (lead_contact) r.lead_contact = practitioner_id{lead_contact};
        if (facilitator) r.facilitator = utf8(facilitator, "facilitator");
        return event_payload{r};
    });
}

int sf_case_start_preparation(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when) {
    return offer(out, c, dir, who, when, [] { return event_payload{preparation_started{}}; });
}

int sf_case_set_priorities(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           const char* const* key_issues, size_t key_issue_count, const char* const* strengths,
                           size_t strength_count, const char* const* needs, size_t need_count) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{priorities_set{utf8_list(key_issues, key_issue_count, "key_issues"),
                                            utf8_list(strengths, strength_count, "strengths"),
                                            utf8_list(needs, need_count, "needs")}};
    });
}

int sf_case_approve_invitee(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            sf_party invitee) {
    return offer(out, c, dir, who, when, [&] { return event_payload{invitee_approved{party_of(invitee)}}; });
}

int sf_case_withdraw_invitee(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             sf_party invitee) {
    return offer(out, c, dir, who, when, [&] { return event_payload{invitee_withdrawn{party_of(invitee)}}; });
}

int sf_case_schedule_meeting(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             const sf_meeting* meeting) {
    return offer(out, c, dir, who, when, [&] { return event_payload{meeting_scheduled{need(meeting, "meeting").impl}}; });
}

int sf_case_schedule_review(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            const sf_meeting* meeting) {
    return offer(out, c, dir, who, when, [&] { return event_payload{review_scheduled{need(meeting, "meeting").impl}}; });
}

int sf_case_hold_meeting(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                         uint32_t meeting_id_, const sf_party* attendance, size_t attendance_count) {
    return offer(out, c, dir, who, when, [&] {
        if (attendance_count > 0 && !attendance) throw error(errc::null_argument, "attendance is NULL");
        meeting_held h;
        h.meeting = meeting_id{meeting_id_};
        for (size_t i = 0; i < attendance_count; ++i) h.attendance.push_back(party_of(attendance[i]));
        return event_payload{h};
    });
}

int sf_case_agree_plan(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                       const sf_plan* plan) {
    return offer(out, c, dir, who, when, [&] { return event_payload{plan_agreed{need(plan, "plan").impl}}; });
}

int sf_case_revise_plan(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                        const sf_plan* plan) {
    return offer(out, c, dir, who, when, [&] { return event_payload{plan_revised{need(plan, "plan").impl}}; });
}

int sf_case_update_action(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          uint32_t action_id_, int status, const char* note) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{action_updated{action_id{action_id_}, enum_from_int<action_status>(status), utf8_or_empty(note, "note")}};
    });
}

int sf_case_escalate(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{escalated{utf8(note, "note")}}; });
}

int sf_case_start_closure(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          int reason, const char* note) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{closure_started{enum_from_int<exit_reason>(reason), utf8_or_empty(note, "note")}};
    });
}

int sf_case_submit_final_report(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                                const char* summary) {
    return offer(out, c, dir, who, when, [&] { return event_payload{final_report_submitted{utf8(summary, "summary")}}; });
}

int sf_case_close(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when) {
    return offer(out, c, dir, who, when, [] { return event_payload{case_closed{}}; });
}

int sf_case_reopen(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when, const char* reason) {
    return offer(out, c, dir, who, when, [&] { return event_payload{case_reopened{utf8(reason, "reason")}}; });
}

// ---- meetings and plans ------------------------------------------------------------

int sf_meeting_new(sf_meeting** out, int64_t start, const char* venue) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        meeting m;
        m.start = instant_of(start);
        m.venue = utf8(venue, "venue");
        o = make_handle<sf_meeting>(std::move(m));
    });
}

void sf_meeting_free(sf_meeting* meeting) { free_handle(meeting); }

int sf_meeting_add_invitee(sf_meeting* meeting, sf_party invitee) {
    return call([&] {
        auto m = need(meeting, "meeting");
        m.impl.invitees.push_back(party_of(invitee));
    });
}

int sf_meeting_add_support_person(sf_meeting* meeting, const char* name) {
    return call([&] {
        auto m = need(meeting, "meeting");
        m.impl.support_people.push_back(utf8(name, "name"));
    });
}

int sf_meeting_set_details(sf_meeting* meeting, const char* facilitator, const char* interpreter, int karakia, int mihi) {
    return call([&] {
        auto m = need(meeting, "meeting");
        std::string f = utf8_or_empty(facilitator, "facilitator"), i = utf8_or_empty(interpreter, "interpreter");
        m.impl.facilitator = std::move(f);
        m.impl.interpreter = std::move(i);
        m.impl.karakia = karakia != 0;
        m.impl.mihi = mihi != 0;
    });
}

int sf_plan_new(sf_plan** out) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_plan>();
    });
}

int sf_plan_from_case(sf_plan** out, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& plans = need(c, "case").impl.plans();
        if (index >= plans.size()) throw error(errc::out_of_range, "no current plan " + std::to_string(index));
        o = make_handle<sf_plan>(plans[index]);
    });
}

void sf_plan_free(sf_plan* plan) { free_handle(plan); }

int sf_plan_set_roles(sf_plan* plan, uint32_t lead_agency, uint32_t key_contact) {
    return call([&] {
        auto p = need(plan, "plan");
        p.impl.lead_agency = lead_agency ? std::optional<agency_id>(agency_id{lead_agency}) : std::nullopt;
        p.impl.key_contact = key_contact ? std::optional<practitioner_id>(practitioner_id{key_contact}) : std::nullopt;
    });
}

int sf_plan_set_child(sf_plan* plan, uint32_t child, const char* child_views) {
    return call([&] {
        auto p = need(plan, "plan");
        std::string views = utf8_or_empty(child_views, "child_views");
        p.impl.child = child ? std::optional<member_id>(member_id{child}) : std::nullopt;
        p.impl.child_views = std::move(views);
    });
}

int sf_plan_set_revision_reason(sf_plan* plan, const char* reason) {
    return call([&] { need(plan, "plan").impl.revision_reason = utf8(reason, "reason"); });
}

int sf_plan_add_action(size_t* out_index, sf_plan* plan, const char* description, sf_party owner, int32_t due,
                       int support, const char* need_) {
    return call([&] {
        auto p = need(plan, "plan");
        action a;
        a.description = utf8(description, "description");
        if (owner.id != 0) a.owner = party_of(owner);
        a.due = optional_date(due);
        a.support = enum_from_int<support_type>(support);
        a.need = utf8_or_empty(need_, "need");
        p.impl.actions.push_back(std::move(a));
        if (out_index) *out_index = p.impl.actions.size() - 1;
    });
}

int sf_plan_set_action_status(sf_plan* plan, size_t index, int status) {
    return call([&] {
        auto p = need(plan, "plan");
        const auto st = enum_from_int<action_status>(status);
        if (index >= p.impl.actions.size()) throw error(errc::out_of_range, "no action " + std::to_string(index));
        p.impl.actions[index].status = st;
    });
}

// ---- reading a case ------------------------------------------------------------------

int sf_case_counts_get(sf_case_counts* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& k = need(c, "case").impl;
        o.events = k.journal().size();
        o.members = k.members().size();
        o.meetings = k.meetings().size();
        o.plans = k.plans().size();
        o.approved = k.approved().size();
    });
}

int sf_case_member(sf_member_info* out, const char** out_name, const sf_case* c, uint32_t id) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& k = need(c, "case").impl;
        const member& m = k.member_at(member_id{id});
        o.id = m.id.value();
        o.role = static_cast<int>(m.role);
        o.born = c_date(m.born);
        o.participating = m.participating ? 1 : 0;
        o.consented = 0;
        for (const auto& p : k.consents())
            if (p.member == m.id && !p.ended_at) o.consented = 1;
        if (out_name) *out_name = m.name.c_str();
    });
}

int sf_case_meeting(sf_meeting_info* out, const char** out_venue, const sf_case* c, uint32_t id) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& ms = need(c, "case").impl.meetings();
        if (id == 0 || id > ms.size()) throw error(errc::not_found, "no meeting " + std::to_string(id));
        const meeting& m = ms[id - 1];
        o.id = m.id.value();
        o.kind = static_cast<int>(m.kind);
        o.start = to_unix(m.start);
        o.held = m.held ? 1 : 0;
        o.invitee_count = m.invitees.size();
        o.attendance_count = m.attendance.size();
        if (out_venue) *out_venue = m.venue.c_str();
    });
}

int sf_case_plan(sf_plan_info* out, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& plans = need(c, "case").impl.plans();
        if (index >= plans.size()) throw error(errc::out_of_range, "no current plan " + std::to_string(index));
        const plan& p = plans[index];
        o.version = p.version;
        o.child = p.child ? p.child->value() : 0;
        o.lead_agency = p.lead_agency ? p.lead_agency->value() : 0;
        o.key_contact = p.key_contact ? p.key_contact->value() : 0;
        o.agreed = p.agreed.is_special() ? 0 : to_yyyymmdd(p.agreed);
        o.action_count = p.actions.size();
    });
}

int sf_case_action(sf_action_info* out, const char** out_description, const sf_case* c, size_t plan_index,
                   size_t action_index) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& plans = need(c, "case").impl.plans();
        if (plan_index >= plans.size() || action_index >= plans[plan_index].actions.size())
            throw error(errc::out_of_range, "no such plan or action");
        const action& a = plans[plan_index].actions[action_index];
        o.id = a.id.value();
        o.owner = a.owner ? to_c(*a.owner) : sf_party{0, 0};
        o.due = c_date(a.due);
        o.status = static_cast<int>(a.status);
        o.support = static_cast<int>(a.support);
        if (out_description) *out_description = a.description.c_str();
    });
}

int sf_case_roles(uint32_t* out_coordinator, uint32_t* out_lead_agency, uint32_t* out_lead_contact, const sf_case* c) {
    return call([&] {
        const auto& r = need(c, "case").impl.roles();
        if (out_coordinator) *out_coordinator = r.coordinator ? r.coordinator->value() : 0;
        if (out_lead_agency) *out_lead_agency = r.lead_agency ? r.lead_agency->value() : 0;
        if (out_lead_contact) *out_lead_contact = r.lead_contact ? r.lead_contact->value() : 0;
    });
}

int sf_case_event(sf_event_info* out, const char** out_who, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& j = need(c, "case").impl.journal();
        if (index >= j.size()) throw error(errc::out_of_range, "no event " + std::to_string(index));
        o.type = static_cast<int>(j[index].type());
        o.when = to_unix(j[index].when);
        if (out_who) *out_who = j[index].who.c_str();
    });
}

int sf_case_describe_event(char** out, const sf_case* c, const sf_directory* dir, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& k = need(c, "case").impl;
        const auto& d = need(dir, "dir").impl;
        if (index >= k.journal().size()) throw error(errc::out_of_range, "no event " + std::to_string(index));
        o = string_out(describe(k.journal()[index], k, d));
    });
}

int sf_case_exit_reason(int* out, const sf_case* c) {
    return call([&] {
        const auto& r = need(c, "case").impl.exit_reason();
        need(out, "out") = r ? static_cast<int>(*r) : -1;
    });
}

int sf_case_final_report(char** out_markdown, const sf_case* c, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out_markdown, "out_markdown");
        const holiday_calendar cal;
        o = string_out(to_markdown(make_final_report(need(c, "case").impl, need(dir, "dir").impl, cal)));
    });
}

int sf_case_overdue(sf_overdue_item** out_items, size_t* out_count, const sf_case* c, int32_t as_of) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const holiday_calendar cal;
        std::vector<sf_overdue_item> v;
        for (const auto& i : overdue(need(c, "case").impl, date_of(as_of), cal))
            v.push_back({static_cast<int>(i.kind), to_yyyymmdd(i.due), i.days_late, i.action.value()});
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_case_next_deadline(int32_t* out, const sf_case* c) {
    return call([&] {
        const holiday_calendar cal;
        need(out, "out") = c_date(next_deadline(need(c, "case").impl, cal));
    });
}

int sf_case_save(uint8_t** out_data, size_t* out_size, const sf_case* c, int encoding) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        bytes_out(out_data, out_size, save_archive(need(c, "case").impl, encoding_of(encoding)));
    });
}

int sf_case_load(sf_case** out, const uint8_t* data, size_t size) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_case>(load_case(archive_in(data, size), size));
    });
}

// ---- disclosure --------------------------------------------------------------------------

int sf_categories_new(sf_categories** out) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_categories>();
    });
}

void sf_categories_free(sf_categories* categories) { free_handle(categories); }

int sf_categories_add(int* out_category, sf_categories* categories, const char* name, const char* label) {
    return call([&] {
        auto& o = need(out_category, "out_category");
        auto r = need(categories, "categories");
        o = static_cast<int>(r.impl.add(text(name, "name"), text(label, "label")));
    });
}

int sf_ledger_new(sf_ledger** out, const sf_case* c, const sf_directory* dir, int young_person_age, int adult_age,
                  const sf_categories* categories) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        consent_settings s;
        if (young_person_age >= 0) s.young_person_consent_age = young_person_age;
        if (adult_age >= 0) s.adult_age = adult_age;
        const category_registry cats = categories ? need(categories, "categories").impl : category_registry{};
        o = make_handle<sf_ledger>(disclosure_ledger(need(c, "case").impl, need(dir, "dir").impl, s, cats));
    });
}

void sf_ledger_free(sf_ledger* ledger) { free_handle(ledger); }

int sf_ledger_sync(sf_ledger* ledger, const sf_case* c, const sf_directory* dir) {
    return call([&] {
        auto l = need(ledger, "ledger");
        l.impl.sync(need(c, "case").impl, need(dir, "dir").impl);
    });
}

int sf_ledger_give(uint32_t* out_consent_id, sf_ledger* ledger, const sf_consent* consent) {
    return call([&] {
        auto& o = need(out_consent_id, "out_consent_id");
        auto l = need(ledger, "ledger");
        const auto& k = need(consent, "consent");
        if (k.recipient_count > 0 && !k.recipients) throw error(errc::null_argument, "recipients is NULL");
        disclosure_consent x;
        x.subject = member_id{k.subject};
        x.given_by = member_id{k.given_by};
        for (size_t i = 0; i < k.recipient_count; ++i) x.scope.recipients.push_back(party_of(k.recipients[i]));
        x.scope.categories = k.categories;
        if (k.purposes > 0xFF) throw error(errc::invalid_consent, "a consent names unknown purposes");
        x.scope.purposes = static_cast<purpose_set>(k.purposes);
        x.scope.from = date_of(k.from);
        x.scope.until = date_of(k.until);
        x.signed_on = date_of(k.signed_on);
        x.form_version = utf8(k.form_version, "form_version");
        x.child_views = utf8_or_empty(k.child_views, "child_views");
        x.recorded_by = utf8(k.recorded_by, "recorded_by");
        x.recorded_at = instant_of(k.recorded_at);
        o = l.impl.give(std::move(x));
    });
}

int sf_ledger_withdraw(sf_ledger* ledger, uint32_t subject, const sf_party* recipient, int category_,
                       const char* recorded_by, int64_t at) {
    return call([&] {
        auto l = need(ledger, "ledger");
        consent_withdrawal w;
        w.subject = member_id{subject};
        if (recipient) w.recipient = party_of(*recipient);
        if (category_ >= 0) w.what = category_of(category_);
        w.recorded_by = utf8(recorded_by, "recorded_by");
        w.at = instant_of(at);
        l.impl.withdraw(w);
    });
}

int sf_ledger_mark_confidential(sf_ledger* ledger, uint32_t subject, int category_, int confidential,
                                const char* recorded_by, int64_t at) {
    return call([&] {
        auto l = need(ledger, "ledger");
        l.impl.mark_confidential(member_id{subject}, category_of(category_), confidential != 0, text(recorded_by, "recorded_by"),
                                 instant_of(at));
    });
}

int sf_ledger_set_issue_areas(sf_ledger* ledger, const int* areas, size_t area_count, const char* recorded_by, int64_t at) {
    return call([&] {
        auto l = need(ledger, "ledger");
        if (area_count > 0 && !areas) throw error(errc::null_argument, "areas is NULL");
        std::vector<issue_area> v;
        for (size_t i = 0; i < area_count; ++i) v.push_back(enum_from_int<issue_area>(areas[i]));
        l.impl.set_issue_areas(v, text(recorded_by, "recorded_by"), instant_of(at));
    });
}

int sf_ledger_adjust_necessity(sf_ledger* ledger, int category_, int widen, const char* recorded_by, int64_t at) {
    return call([&] {
        auto l = need(ledger, "ledger");
        l.impl.adjust_necessity(category_of(category_), widen != 0, text(recorded_by, "recorded_by"), instant_of(at));
    });
}

int sf_ledger_prepare(sf_ledger* ledger, int32_t day) {
    return call([&] { need(ledger, "ledger").impl.prepare(date_of(day)); });
}

int sf_ledger_decide(sf_decision* out, sf_ledger* ledger, const sf_request* request, const char* actor) {
    return call([&] {
        auto& o = need(out, "out");
        auto l = need(ledger, "ledger");
        o = to_c(l.impl.decide(request_of(need(request, "request")), text(actor, "actor")));
    });
}

int sf_ledger_decide_many(sf_decision* out, size_t* out_decided, sf_ledger* ledger, const sf_request* requests,
                          size_t count, const char* actor) {
    std::size_t before = 0;
    disclosure_ledger* l = nullptr;
    const int status = call([&] {
        need(out_decided, "out_decided") = 0;
        auto h = need(ledger, "ledger");
        l = &h.impl;
        before = l->audit().entries().size();
        const std::string_view who = text(actor, "actor");
        if (count == 0) return;
        need(out, "out");
        need(requests, "requests");
        // As sf_ledger_decide() on each in turn: a request that cannot be read
        // stops the batch where it stands, after the ones before it.
        std::vector<disclosure_request> rs;
        rs.reserve(count);
        std::exception_ptr unreadable;
        for (std::size_t i = 0; i < count && !unreadable; ++i) {
            try {
                rs.push_back(request_of(requests[i]));
            } catch (...) {
                unreadable = std::current_exception();
            }
        }
        std::vector<decision> ds(rs.size());
        std::vector<const disclosure_request*> ptrs;
        ptrs.reserve(rs.size());
        for (const auto& r : rs) ptrs.push_back(&r);
        try {
            l->decide_many(ptrs.data(), ptrs.size(), who, ds.data());
        } catch (...) {
            // The decisions before the failing request are recorded: hand them back too.
            const std::size_t done = l->audit().entries().size() - before;
            for (std::size_t i = 0; i < done; ++i) out[i] = to_c(ds[i]);
            throw;
        }
        for (std::size_t i = 0; i < ds.size(); ++i) out[i] = to_c(ds[i]);
        if (unreadable) std::rethrow_exception(unreadable);
    });
    if (out_decided && l) *out_decided = l->audit().entries().size() - before;
    return status;
}

int sf_ledger_check(sf_decision* out, const sf_ledger* ledger, const sf_request* request) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& l = need(ledger, "ledger");
        const auto& r = need(request, "request");
        if (r.subject_count == 1 && r.subjects) {  // one person: no request object to build
            o = to_c(l.impl.check(party_of(r.discloser), member_id{r.subjects[0]}, category_of(r.category),
                                  party_of(r.recipient), enum_from_int<purpose>(r.purpose), instant_of(r.at)));
            return;
        }
        o = to_c(l.impl.check(request_of(r)));
    });
}

int sf_ledger_explain(char** out, const sf_ledger* ledger, const sf_decision* d) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& l = need(ledger, "ledger");
        const auto& x = need(d, "decision");
        decision dd;
        dd.permit = x.permit != 0;
        dd.rule = enum_from_int<decision_rule>(x.rule);
        dd.subject = member_id{x.subject};
        dd.consent = x.consent;
        o = string_out(l.impl.explain(dd));
    });
}

int sf_ledger_share(int* out_recorded, char** out_missing, sf_ledger* ledger, const sf_sharing* sharing, const char* actor) {
    return call([&] {
        auto& rec = need(out_recorded, "out_recorded");
        auto l = need(ledger, "ledger");
        const auto& s = need(sharing, "sharing");
        if (out_missing) *out_missing = nullptr;
        sharing_record r;
        r.subjects = member_list(s.subjects, s.subject_count, "subjects");
        r.what = category_of(s.category);
        r.description = utf8_or_empty(s.description, "description");
        r.discloser = party_of(s.discloser);
        r.recipient = party_of(s.recipient);
        r.at = instant_of(s.at);
        r.basis = enum_from_int<legal_basis>(s.basis);
        r.s66c = enum_from_int<s66c_purpose>(s.s66c);
        r.requested_by = utf8_or_empty(s.requested_by, "requested_by");
        r.purpose = utf8_or_empty(s.purpose, "purpose");
        r.approver = utf8_or_empty(s.approver, "approver");
        r.necessity = utf8_or_empty(s.necessity, "necessity");
        r.child_consulted = s.child_consulted != 0;
        r.family_told = s.family_told != 0;
        r.not_told_reason = utf8_or_empty(s.not_told_reason, "not_told_reason");
        const record_result res = l.impl.share_without_consent(r, text(actor, "actor"));
        rec = res.recorded ? 1 : 0;
        if (!res.recorded && out_missing) *out_missing = string_out(join_missing(res.missing));
    });
}

int sf_ledger_decline(int* out_recorded, char** out_missing, sf_ledger* ledger, const sf_declined* declined, const char* actor) {
    return call([&] {
        auto& rec = need(out_recorded, "out_recorded");
        auto l = need(ledger, "ledger");
        const auto& d = need(declined, "declined");
        if (out_missing) *out_missing = nullptr;
        declined_request r;
        r.requester = party_of(d.requester);
        r.subjects = member_list(d.subjects, d.subject_count, "subjects");
        r.what = category_of(d.category);
        r.basis = enum_from_int<legal_basis>(d.basis);
        r.reasons = utf8_list(d.reasons, d.reason_count, "reasons");
        r.decided_by = utf8_or_empty(d.decided_by, "decided_by");
        r.at = instant_of(d.at);
        const record_result res = l.impl.decline(r, text(actor, "actor"));
        rec = res.recorded ? 1 : 0;
        if (!res.recorded && out_missing) *out_missing = string_out(join_missing(res.missing));
    });
}

int sf_ledger_notice(char** out_text, const sf_ledger* ledger, uint32_t member, int purpose_, int64_t at) {
    return call([&] {
        auto& o = need(out_text, "out_text");
        const auto& l = need(ledger, "ledger");
        o = string_out(l.impl.notice(member_id{member}, enum_from_int<purpose>(purpose_), instant_of(at)).text);
    });
}

int sf_ledger_view(int* out_shown, sf_ledger* ledger, const sf_info_item* items, size_t item_count, sf_party recipient,
                   int purpose_, int64_t at, const char* actor) {
    return call([&] {
        if (item_count > 0) {
            need(out_shown, "out_shown");
            need(items, "items");
        }
        auto l = need(ledger, "ledger");
        std::vector<info_item> v;
        for (size_t i = 0; i < item_count; ++i) {
            info_item x;
            x.subjects = member_list(items[i].subjects, items[i].subject_count, "subjects");
            x.what = category_of(items[i].category);
            x.content = std::to_string(i);  // the index comes back with each shown item
            v.push_back(std::move(x));
        }
        const auto shown = l.impl.view(v, party_of(recipient), enum_from_int<purpose>(purpose_), instant_of(at), text(actor, "actor"));
        for (size_t i = 0; i < item_count; ++i) out_shown[i] = 0;
        for (const auto& s : shown) out_shown[std::stoul(s.content)] = 1;
    });
}

int sf_ledger_counts(size_t* out_consents, size_t* out_withdrawals, size_t* out_sharings, size_t* out_declined,
                     size_t* out_audit_entries, const sf_ledger* ledger) {
    return call([&] {
        auto& o = need(out_consents, "out_consents");
        const auto& l = need(ledger, "ledger").impl;
        o = l.consents().size();
        if (out_withdrawals) *out_withdrawals = l.withdrawals().size();
        if (out_sharings) *out_sharings = l.sharings().size();
        if (out_declined) *out_declined = l.declined().size();
        if (out_audit_entries) *out_audit_entries = l.audit().entries().size();
    });
}

int sf_ledger_audit_verify(int* out_ok, uint64_t* out_first_bad, const sf_ledger* ledger) {
    return call([&] {
        auto& o = need(out_ok, "out_ok");
        const auto& v = need(ledger, "ledger").impl.audit().verify();
        o = v.ok ? 1 : 0;
        if (out_first_bad) *out_first_bad = v.first_bad;
    });
}

int sf_ledger_audit_text(char** out, const sf_ledger* ledger) {
    return call([&] {
        auto& o = need(out, "out");
        o = string_out(need(ledger, "ledger").impl.audit().to_text());
    });
}

int sf_audit_verify_text(int* out_ok, uint64_t* out_first_bad, const char* log_text) {
    return call([&] {
        auto& o = need(out_ok, "out_ok");
        const auto v = audit_log::from_text(text(log_text, "text")).verify();
        o = v.ok ? 1 : 0;
        if (out_first_bad) *out_first_bad = v.first_bad;
    });
}

int sf_ledger_save(uint8_t** out_data, size_t* out_size, const sf_ledger* ledger, int encoding) {
    return call([&] {
        need(out_data, "out_data");
        need(out_size, "out_size");
        bytes_out(out_data, out_size, save_archive(need(ledger, "ledger").impl, encoding_of(encoding)));
    });
}

int sf_ledger_load(sf_ledger** out, const uint8_t* data, size_t size, const sf_case* c, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& k = need(c, "case").impl;
        const auto& d = need(dir, "dir").impl;
        o = make_handle<sf_ledger>(load_ledger(archive_in(data, size), size, k, d));
    });
}

// ---- the store ------------------------------------------------------------------------------

int sf_store_open(sf_store** out, const char* path, int durable) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        store_options opt;
        if (durable >= 0) opt.durable = durable != 0;
        o = make_handle<sf_store>(case_store(utf8(path, "path"), opt));
    });
}

void sf_store_free(sf_store* store) { free_handle(store); }

int sf_store_append(uint64_t* out_version, sf_store* store, const sf_case* c, uint64_t expected_version) {
    return call([&] {
        auto& o = need(out_version, "out_version");
        auto s = need(store, "store");
        o = s.impl.append(need(c, "case").impl, expected_version);
    });
}

int sf_store_load(sf_case** out, const sf_store* store, uint64_t id) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_case>(need(store, "store").impl.load(case_id{id}));
    });
}

int sf_store_version(uint64_t* out, const sf_store* store, uint64_t id) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(store, "store").impl.version(case_id{id});
    });
}

int sf_store_size(uint64_t* out, const sf_store* store) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(store, "store").impl.size();
    });
}

int sf_store_list(sf_case_summary** out_items, size_t* out_count, const sf_store* store, const sf_case_query* query) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const auto& s = need(store, "store");
        const case_query q = query_of(query);
        std::vector<sf_case_summary> v;
        for (const auto& c : s.impl.list(q))
            v.push_back({c.id.value(), static_cast<int>(c.state), static_cast<int>(c.programme),
                         c.coordinator ? c.coordinator->value() : 0, c.version, c_date(c.next_deadline)});
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_store_each(uint64_t* out_visited, const sf_store* store, const sf_case_query* query, sf_case_visitor visit,
                  void* user) {
    return call([&] {
        auto& visited = need(out_visited, "out_visited");
        visited = 0;
        const auto& s = need(store, "store");
        if (!visit) throw sfcore::error(sfcore::errc::null_argument, "visit is NULL");
        const case_query q = query_of(query);
        s.impl.for_each(q, [&](const case_file& c) {
            ++visited;
            return visit(user, reinterpret_cast<const sf_case*>(&c)) == 0;
        });
    });
}

int sf_store_put_ledger(sf_store* store, uint64_t id, const sf_ledger* ledger, uint64_t expected_version) {
    return call([&] {
        auto s = need(store, "store");
        s.impl.put_ledger(case_id{id}, need(ledger, "ledger").impl, expected_version);
    });
}

int sf_store_ledger_version(uint64_t* out, const sf_store* store, uint64_t id) {
    return call([&] {
        auto& o = need(out, "out");
        o = need(store, "store").impl.ledger_version(case_id{id});
    });
}

int sf_store_load_ledger(sf_ledger** out, const sf_store* store, uint64_t id, const sf_case* c, const sf_directory* dir) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& s = need(store, "store");
        const auto& k = need(c, "case").impl;
        const auto& d = need(dir, "dir").impl;
        o = make_handle<sf_ledger>(s.impl.load_ledger(case_id{id}, k, d));
    });
}

int sf_store_put_directory(sf_store* store, const sf_directory* dir) {
    return call([&] {
        auto s = need(store, "store");
        s.impl.put_directory(need(dir, "dir").impl);
    });
}

int sf_store_directory(sf_directory** out, const sf_store* store) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_directory>(need(store, "store").impl.directory());
    });
}

} // extern "C"
