/**
 * @file shared.hpp
 * @brief A disclosure ledger shared by threads: many decide at once while
 * others record consents, withdrawals and the case's new members.
 *
 * The library's threading model: every sfcore value (case_file,
 * disclosure_ledger, audit_log, agency_directory, category_registry) is like
 * a standard container — any number of threads may call its `const` member
 * functions at once, and a call that changes it needs the object to itself.
 * A case_store object is used by one thread at a time (open one per thread;
 * they share the file). The C ABI follows the same rule for handles.
 *
 * shared_ledger packages that rule for the common case of a ledger many
 * workers consult: decide() and check() run concurrently under a shared
 * lock (decide() then appends its audit entry under a short exclusive lock
 * of the audit log alone); every change takes the ledger to itself. A
 * change is visible to every decision that starts after it returns, so once
 * a thread has seen a withdrawal, no later decision of any thread permits
 * what it withdrew.
 * @since 0.1.0
 */
#pragma once

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "sfcore/disclosure.hpp"

namespace sfcore {

/**
 * @brief A disclosure_ledger behind a reader–writer lock, for many threads.
 * @since 0.1.0
 */
class shared_ledger {
public:
    /** @brief Take a ledger to share. @since 0.1.0 */
    explicit shared_ledger(disclosure_ledger ledger) : ledger_(std::move(ledger)) {}

    /**
     * @brief Decide and record the decision; runs alongside other decisions.
     * Audit entries are appended in the order decisions finish, so requests
     * are expected at the current instant (an instant earlier than the log's
     * last entry is refused as by disclosure_ledger::decide()).
     * @throws sfcore::error as disclosure_ledger::decide().
     * @since 0.1.0
     */
    decision decide(const disclosure_request& r, std::string_view actor) {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        const decision d = ledger_.check(r);
        std::lock_guard<std::mutex> audit(audit_lock_);
        ledger_.record_decision(r, d, actor);
        return d;
    }

    /**
     * @brief Decide without recording; runs alongside other decisions.
     * @throws sfcore::error as disclosure_ledger::check().
     * @since 0.1.0
     */
    decision check(const disclosure_request& r) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        return ledger_.check(r);
    }

    /**
     * @brief Read the ledger: @p f is called with it under the shared lock
     * (with the audit log held still), and its result returned.
     * @since 0.1.0
     */
    template <class F>
    auto read(F&& f) const {
        pass_gate();
        std::shared_lock<std::shared_mutex> read(lock_);
        std::lock_guard<std::mutex> audit(audit_lock_);
        return std::forward<F>(f)(static_cast<const disclosure_ledger&>(ledger_));
    }

    /**
     * @brief Change the ledger: @p f is called with it under the exclusive
     * lock (give, withdraw, mark_confidential, sync, prepare, …), and its
     * result returned. Decisions that start after write() returns see the change.
     * @since 0.1.0
     */
    template <class F>
    auto write(F&& f) {
        std::lock_guard<std::mutex> gate(gate_);  // new readers wait behind a waiting writer
        std::unique_lock<std::shared_mutex> write(lock_);
        return std::forward<F>(f)(ledger_);
    }

private:
    // A writer holds the gate while it waits, so a stream of readers cannot starve it.
    void pass_gate() const { std::lock_guard<std::mutex> gate(gate_); }

    mutable std::mutex gate_;
    mutable std::shared_mutex lock_;
    mutable std::mutex audit_lock_;
    disclosure_ledger ledger_;
};

} // namespace sfcore
