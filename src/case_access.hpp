// What the library's own parts (the store, the archives, the 0.1 conversion)
// may do with a case that its users may not.
#pragma once

#include "sfcore/case.hpp"

namespace sfcore::detail {

struct case_access {
    /** As case_file::replay(), for a journal whose hash chain the caller has verified from the entries' bytes. */
    static case_file replay_chained(case_id id, std::vector<event> journal) {
        return case_file::replay_chained(id, std::move(journal));
    }
    /**
     * Number, stamp and chain entries made outside a case (a conversion), as
     * append() would, for replay_chained().
     */
    static void chain(case_id id, std::vector<event>& journal);
    /** An encrypted case's own key, or nullptr. */
    static const case_secret* secret(const case_file& c) noexcept { return c.secret_.get(); }
    /** Give a case read back its own key (its entries were opened with it). */
    static void set_secret(case_file& c, std::shared_ptr<const case_secret> s) { c.secret_ = std::move(s); }
    /** Append an access record the library made (as decide() and view() do). */
    static void append_access(case_file& c, event&& e) { c.append(std::move(e), c.state_); }
};

} // namespace sfcore::detail
