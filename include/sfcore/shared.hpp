/**
 * @file shared.hpp
 * @brief A case shared by threads: many decide at once while others record
 * consents, withdrawals and the case's other events.
 *
 * The library's threading model: every sfcore value (case_file,
 * agency_directory, category_registry) is like a standard container — any
 * number of threads may call its `const` member functions at once, and a
 * call that changes it needs the object to itself. A case_store object is
 * used by one thread at a time (open one per thread; they share the file).
 *
 * shared_case packages that rule for a case many workers consult, and the C
 * ABI's sf_case and the Python Case use it: decide() and check() run
 * concurrently under a shared lock (decide() then appends its entry under a
 * short exclusive lock of the journal alone); every other change takes the
 * case to itself. A change is visible to every decision that starts after
 * it returns, so once a thread has seen a withdrawal, no later decision of
 * any thread permits what it withdrew.
 * @since 0.1.0
 */
#pragma once

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "sfcore/case.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

/**
 * @brief A case_file behind a reader–writer lock, for many threads.
 * @since 0.2.0
 */
class shared_case {
public:
    /** @brief Take a case to share. @since 0.2.0 */
    explicit shared_case(case_file c) : case_(std::move(c)) {}

    /**
     * @brief Decide and record the decision; runs alongside other decisions.
     * @throws sfcore::error as case_file::decide().
     * @since 0.2.0
     */
    decision decide(const agency_directory& directory, const disclosure_request& r, std::string_view actor) {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        instant at;
        decision d = case_.decide_unrecorded(directory, r, actor, at);
        std::lock_guard<std::mutex> journal(journal_lock_);
        case_.record_decision(r, at, d, actor, clock_now());
        return d;
    }

    /**
     * @brief As case_file::decide_many(); runs alongside other threads' checks
     * (their decide() calls wait for the batch's entries to be appended).
     * @throws sfcore::error as case_file::decide_many().
     * @since 0.2.0
     */
    std::size_t decide_many(const agency_directory& directory, const disclosure_request* const* requests,
                            std::size_t count, std::string_view actor, decision* out) {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        std::lock_guard<std::mutex> journal(journal_lock_);
        return case_.decide_many(directory, requests, count, actor, out);
    }

    /**
     * @brief check() for each request, in order, into @p out; runs alongside other decisions.
     * @throws sfcore::error as case_file::check(), for the first request that fails.
     * @since 0.2.0
     */
    void check_many(const agency_directory& directory, const disclosure_request* const* requests, std::size_t count,
                    decision* out) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        for (std::size_t i = 0; i < count; ++i) out[i] = case_.check(directory, *requests[i]);
    }

    /**
     * @brief Decide without recording; runs alongside other decisions.
     * @throws sfcore::error as case_file::check().
     * @since 0.2.0
     */
    decision check(const agency_directory& directory, const disclosure_request& r) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        return case_.check(directory, r);
    }

    /**
     * @brief As case_file::check() for one person, without building a
     * request; runs alongside other decisions.
     * @throws sfcore::error as case_file::check().
     * @since 0.2.0
     */
    decision check(const agency_directory& directory, const recipient& discloser, member_id subject, category what,
                   const recipient& to, purpose why, instant at) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        return case_.check(directory, discloser, subject, what, to, why, at);
    }

    /** @brief The case's id. @since 0.2.0 */
    case_id id() const {
        std::shared_lock<std::shared_mutex> read(lock_);
        return case_.id();
    }

    /**
     * @brief Read the case: @p f is called with it under the shared lock
     * (with the journal held still), and its result returned.
     * @since 0.2.0
     */
    template <class F>
    auto read(F&& f) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        std::lock_guard<std::mutex> journal(journal_lock_);
        return std::forward<F>(f)(static_cast<const case_file&>(case_));
    }

    /**
     * @brief Change the case: @p f is called with it under the exclusive
     * lock (record(), decide_many(), view(), …), and its result returned.
     * Decisions that start after write() returns see the change.
     * @since 0.2.0
     */
    template <class F>
    auto write(F&& f) {
        std::lock_guard<std::mutex> gate(gate_);  // new readers wait behind a waiting writer
        std::unique_lock<std::shared_mutex> write(lock_);
        return std::forward<F>(f)(case_);
    }

private:
    // A writer holds the gate while it waits, so a stream of readers cannot starve it.
    void pass_gate() const { std::lock_guard<std::mutex> gate(gate_); }

    mutable std::mutex gate_;
    mutable std::shared_mutex lock_;
    mutable std::mutex journal_lock_;
    case_file case_;
};

} // namespace sfcore
