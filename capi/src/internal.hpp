// What every source of the C ABI shares: the firewall every entry point runs
// inside (call() catches everything and turns it into a status code and a
// per-thread message: no exception and no C++ type crosses the boundary),
// the handles, and the conversions between C values and sfcore's.
#pragma once

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "sfcore.h"
#include "sfcore/sfcore.hpp"

namespace sfcore_c {

using namespace sfcore;

int fail(int code, const char* message) noexcept;

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
    if (!p) throw error(errc::null_argument, std::string(what) + " is NULL");
    return *p;
}

inline std::string_view text(const char* s, const char* what) {
    if (!s) throw error(errc::null_argument, std::string(what) + " is NULL");
    return s;
}

// ---- handles: the C++ objects themselves, behind the header's incomplete types ----

// A store handle: calls take turns, and a closed store answers SF_ECLOSED.
struct store_handle {
    std::mutex lock;
    std::optional<case_store> store;
};

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
    [[maybe_unused]] inline handle_ref<T> need(H* p, const char* what) {                                \
        if (!p) throw error(errc::null_argument, std::string(what) + " is NULL");                       \
        return {*reinterpret_cast<T*>(p)};                                                              \
    }                                                                                                   \
    [[maybe_unused]] inline handle_ref<const T> need(const H* p, const char* what) {                    \
        if (!p) throw error(errc::null_argument, std::string(what) + " is NULL");                       \
        return {*reinterpret_cast<const T*>(p)};                                                        \
    }
SF_HANDLE(sf_directory, agency_directory)
SF_HANDLE(sf_referral, referral)
SF_HANDLE(sf_case, shared_case)
SF_HANDLE(sf_meeting, meeting)
SF_HANDLE(sf_plan, plan)
SF_HANDLE(sf_store, store_handle)
SF_HANDLE(sf_calendar, holiday_calendar)
#undef SF_HANDLE

template <class H, class... A>
H* make_handle(A&&... a) {
    return reinterpret_cast<H*>(new typename impl_of<H>::type(std::forward<A>(a)...));
}

template <class H>
void free_handle(H* h) noexcept {
    delete reinterpret_cast<typename impl_of<H>::type*>(h);
}

// Read a case: f(const case_file&) under its shared lock.
template <class F>
auto read_case(const sf_case* c, F&& f) {
    return need(c, "case").impl.read(std::forward<F>(f));
}

// Use an open store: f(case_store&) while the handle is held.
template <class F>
auto with_store(sf_store* s, F&& f) {
    store_handle& h = need(s, "store").impl;
    std::lock_guard<std::mutex> held(h.lock);
    if (!h.store) throw error(errc::closed, "the store was closed");
    return std::forward<F>(f)(*h.store);
}

// The calendar of a handle, or the national one for NULL.
const holiday_calendar& calendar_in(const sf_calendar* cal);

// ---- values --------------------------------------------------------------------------

party party_of(const sf_party& p);
sf_party to_c(const party& p);
recipient recipient_of(const sf_recipient& r);
sf_recipient to_c(const recipient& r);
std::string utf8(const char* s, const char* what);
std::string utf8_or_empty(const char* s, const char* what);
std::vector<std::string> utf8_list(const char* const* a, std::size_t n, const char* what);
std::vector<member_id> member_list(const std::uint32_t* a, std::size_t n, const char* what);
inline date date_of(std::int32_t v) { return date_from_yyyymmdd(v); }
inline std::optional<date> optional_date(std::int32_t v) { return v == 0 ? std::optional<date>{} : date_of(v); }
inline std::int32_t c_date(const std::optional<date>& d) { return d ? to_yyyymmdd(*d) : 0; }
inline instant instant_of(std::int64_t v) { return instant_from_unix(v); }
category category_of(int v);
archive_encoding encoding_of(int v);
const std::uint8_t* archive_in(const std::uint8_t* data, std::size_t size);
std::vector<sealing_key> keys_of(const sf_key* keys, std::size_t n);
key_provider provider_of(const sf_key_provider& keys);
sf_journal_head to_c(const journal_head& h);
journal_head head_of(const sf_journal_head& h);

template <class T>
T* copy_out(const T* p, std::size_t n) {
    if (n == 0) return nullptr;
    auto* out = static_cast<T*>(std::malloc(n * sizeof(T)));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, p, n * sizeof(T));
    return out;
}
char* string_out(const std::string& s);
void bytes_out(std::uint8_t** data, std::size_t* size, const bytes& b);

// Fill an sf_outcome (its texts are kept per thread).
void outcome_out(sf_outcome& o, const outcome& r);

} // namespace sfcore_c
