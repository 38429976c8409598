// The C ABI over the C++ core. Every entry point runs inside call(), which
// catches everything and turns it into a status code and a per-thread
// message: no exception and no C++ type crosses the boundary.
#include "sfcore.h"

#include <new>
#include <string>

#include "sfcore/sfcore.hpp"

struct sf_directory {
    sfcore::agency_directory impl;
};
struct sf_referral {
    sfcore::referral impl;
};
struct sf_case {
    sfcore::case_file impl;
};

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
        o = new sf_directory{};
    });
}

void sf_directory_free(sf_directory* dir) { delete dir; }

int sf_directory_add_agency(uint32_t* out_id, sf_directory* dir, const char* name, int kind) {
    return call([&] {
        auto& o = need(out_id, "out_id");
        auto& d = need(dir, "dir");
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
        o = new sf_referral{std::move(r)};
    });
}

void sf_referral_free(sf_referral* referral) { delete referral; }

int sf_referral_set_agency(sf_referral* referral, uint32_t agency_id, const char* practitioner) {
    return call([&] {
        auto& r = need(referral, "referral");
        if (agency_id == 0) throw sfcore::error(sfcore::errc::invalid_argument, "agency id 0 names no agency");
        std::string p = practitioner ? sfcore::checked_utf8(practitioner, "practitioner") : std::string();
        r.impl.agency = sfcore::agency_id{agency_id};
        r.impl.practitioner = std::move(p);
    });
}

int sf_referral_add_reason(sf_referral* referral, const char* reason) {
    return call([&] {
        auto& r = need(referral, "referral");
        r.impl.reasons.push_back(sfcore::checked_nonblank_utf8(text(reason, "reason"), "referral reason"));
    });
}

int sf_referral_set_programme(sf_referral* referral, int programme) {
    return call([&] {
        auto& r = need(referral, "referral");
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
        o = new sf_case{std::move(c)};
    });
}

void sf_case_free(sf_case* c) { delete c; }

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
