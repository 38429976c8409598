// What each event must hold before the lifecycle's table is asked. Two steps:
// complete() fills in what the case gives an event offered to record() (its
// ids, a plan's version and day, canonical forms), and validate() checks an
// event without changing it -- bad input is an error, and so is a field the
// case gives that differs from what it would give (a replayed journal is
// checked, never corrected). Each event's own rules are in src/events/.
#include "events/rules.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

void case_file::check_recipient(const agency_directory* dir, const sfcore::recipient& r, const char* what) const {
    if (!r.agency) throw error(errc::invalid_argument, std::string(what) + " names no agency");
    if (!dir) return;
    dir->at(r.agency);
    if (r.practitioner) {
        const practitioner& p = dir->practitioner_at(r.practitioner);
        if (p.agency != r.agency)
            throw error(errc::invalid_argument, std::string(what) + ": practitioner " + std::to_string(r.practitioner.value()) +
                                                    " works for agency " + std::to_string(p.agency.value()) + ", not " +
                                                    std::to_string(r.agency.value()));
    }
}

// ---- what the case gives an event offered to record() ---------------------

void case_file::complete(event& e) const {
    std::visit([&](auto& p) { detail::event_rules::complete(*this, e.when, p); }, e.payload);
}

member_id case_file::next_member_id() const noexcept { return member_id{static_cast<std::uint32_t>(members_.size() + 1)}; }

meeting_id case_file::next_meeting_id() const noexcept { return meeting_id{static_cast<std::uint32_t>(meetings_.size() + 1)}; }

std::uint32_t case_file::next_consent_id() const noexcept {
    return static_cast<std::uint32_t>(disclosure_.consents().size() + 1);
}

category case_file::next_category() const noexcept { return static_cast<category>(disclosure_.categories().size()); }

const plan* case_file::current_plan(const std::optional<member_id>& child) const noexcept {
    const plan* current = nullptr;
    for (const auto& q : plans_)
        if (q.child == child) current = &q;
    return current;
}

// ---- input checks: bad input is an error; the event is not changed ---------

void case_file::validate(const agency_directory* dir, const event& e) const {
    // An access record's instant is the one its request was about; every other entry keeps time order.
    if (kind_of(e.type()) != event_kind::access && e.when < last_fact_)
        throw error(errc::invalid_argument, "an event cannot be recorded before the case's last event");
    std::visit([&](const auto& p) { detail::event_rules::validate(*this, dir, e, p); }, e.payload);
}

} // namespace sfcore
