#include "sfcore/timeliness.hpp"

namespace sfcore {

namespace {
std::optional<date> first_held(const case_file& c, meeting_kind kind) {
    for (const auto& m : c.meetings())
        if (m.kind == kind && m.held) return nz_date(m.start);
    return std::nullopt;
}

// A review booked and not yet held (at most one: booking one leaves plan_active).
const meeting* booked_review(const case_file& c) {
    for (const auto& m : c.meetings())
        if (m.kind == meeting_kind::review && !m.held) return &m;
    return nullptr;
}

bool plan_in_force(const case_file& c) {
    return (c.state() == state::plan_active || c.state() == state::under_review) && !c.plans().empty();
}

int days_between(const date& a, const date& b) { return static_cast<int>((b - a).days()); }

const timeframes& chosen(const case_file& c, const std::optional<timeframes>& tf) { return tf ? *tf : c.timeframes(); }
} // namespace

date initial_meeting_due(const case_file& c, const holiday_calendar& cal, const std::optional<timeframes>& tf) {
    return cal.add_working_days(c.referral().received, chosen(c, tf).initial_meeting_working_days);
}

std::optional<date> review_due(const case_file& c, const std::optional<timeframes>& tf) {
    if (!plan_in_force(c)) return std::nullopt;
    if (const meeting* booked = booked_review(c)) return nz_date(booked->start);
    const meeting* last = c.last_held_meeting();
    if (!last) return std::nullopt;
    return nz_date(last->start) + boost::gregorian::days(chosen(c, tf).review_latest_days);
}

std::optional<date> next_deadline(const case_file& c, const holiday_calendar& cal, const std::optional<timeframes>& tf) {
    std::optional<date> out;
    const auto take = [&out](const date& d) {
        if (!out || d < *out) out = d;
    };
    // An access request is answered however far the case has gone.
    for (const auto& r : c.access_requests())
        if (!r.answered_on) take(r.due(cal));
    if (c.state() == state::closed || c.state() == state::declined) return out;
    if (!first_held(c, meeting_kind::initial) && c.plans().empty()) take(initial_meeting_due(c, cal, tf));
    if (const auto due = review_due(c, tf)) take(*due);
    if (c.state() == state::plan_active || c.state() == state::under_review)
        for (const auto& p : c.plans())
            for (const auto& a : p.actions)
                if (a.due && (a.status == action_status::open || a.status == action_status::in_progress)) take(*a.due);
    return out;
}

std::vector<overdue_item> overdue(const case_file& c, const date& as_of, const holiday_calendar& cal,
                                  const std::optional<timeframes>& tf) {
    std::vector<overdue_item> out;
    const date day = checked_date(as_of);
    // An access request is answered however far the case has gone; the line names no one.
    for (const auto& r : c.access_requests())
        if (const date due = r.due(cal); !r.answered_on && day > due)
            out.push_back({c.id(), overdue_kind::access_request, due, days_between(due, day), action_id{},
                           "an access request received " + to_iso(r.request.received) + " was due to be answered by " +
                               to_iso(due) + (r.extended_to ? " (extended)" : "")});
    if (c.state() == state::closed || c.state() == state::declined) return out;
    const timeframes& t = chosen(c, tf);

    if (!first_held(c, meeting_kind::initial) && c.plans().empty()) {
        const date due = initial_meeting_due(c, cal, t);
        if (day > due)
            out.push_back({c.id(), overdue_kind::initial_meeting, due, days_between(due, day), action_id{},
                           "the initial meeting was due by " + to_iso(due) + " (" +
                               std::to_string(t.initial_meeting_working_days) + " working days after referral)"});
    }
    if (const auto due = review_due(c, t); due && day > *due)
        out.push_back({c.id(), overdue_kind::review, *due, days_between(*due, day), action_id{},
                       booked_review(c) ? "the review booked for " + to_iso(*due) + " has not been held"
                                        : "a review meeting was due by " + to_iso(*due)});
    if (c.state() == state::plan_active || c.state() == state::under_review)
        for (const auto& p : c.plans())
            for (const auto& a : p.actions)
                if (a.due && day > *a.due && (a.status == action_status::open || a.status == action_status::in_progress))
                    out.push_back({c.id(), overdue_kind::action, *a.due, days_between(*a.due, day), a.id,
                                   "action \"" + a.description + "\" was due " + to_iso(*a.due)});
    return out;
}

} // namespace sfcore
