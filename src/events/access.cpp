// Access: the records only the library writes -- a decision, a view shown,
// an identified extract, a disposal, an old audit log carried over -- and a
// person's requests for access to what is held about them (Privacy Act 2020,
// IPP 6) (rules.hpp). An access record is never offered to record(); its
// validate() makes it again from the fold as it stood, and it must agree.
#include "rules.hpp"
#include "../nz_text.hpp"
#include "sfcore/report.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

// ---- disclosure_decided --------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, disclosure_decided&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const disclosure_decided& p) {
    const disclosure_request r{p.discloser, p.subjects, p.what, p.recipient, p.why, e.when};
    c.check_request(nullptr, r);
    const decision again = c.decide_checked(r, e.when);
    if (again.permit != p.permit || again.rule != p.rule || again.subject != p.subject || again.consent != p.consent)
        throw error(errc::integrity, "the decision recorded is not the one the rules give");
}

void event_rules::apply(case_file&, const event&, const disclosure_decided&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event& e,
                           const disclosure_decided& p) {
    what += std::string(": ") + (p.permit ? "permitted" : "refused") + ", " + c.disclosure().categories().label(p.what) +
            " to " + recipient_name(p.recipient, dir) + ", by " + e.who;
}

// ---- view_shown ----------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, view_shown&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const view_shown& p) {
    if (p.shown.size() > p.offered) throw error(errc::integrity, "it shows more items than it was given");
    for (const auto& item : p.shown) {
        const disclosure_request r{p.recipient, item.subjects, item.what, p.recipient, p.why, e.when};
        c.check_request(nullptr, r);
        if (!c.decide_checked(r, e.when).permit) throw error(errc::integrity, "it shows an item the rules do not permit");
    }
}

void event_rules::apply(case_file&, const event&, const view_shown&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file&, const agency_directory& dir, const event& e, const view_shown& p) {
    what += ": to " + recipient_name(p.recipient, dir) + ", " + std::to_string(p.shown.size()) + " of " +
            std::to_string(p.offered) + " items, by " + e.who;
}

// ---- legacy_audit_imported -------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, legacy_audit_imported&) {}
// What the old log said cannot be made again: its entries are carried as they were.
void event_rules::validate(const case_file&, const agency_directory*, const event&, const legacy_audit_imported&) {}
void event_rules::apply(case_file&, const event&, const legacy_audit_imported&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const legacy_audit_imported& p) {
    what += ": " + std::to_string(p.entries) + " entries";
}

// ---- identified_extract ----------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, identified_extract&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const identified_extract& p) {
    check_nonblank_utf8(p.table, "table");
    check_nonblank_utf8(p.purpose, "purpose");
}

void event_rules::apply(case_file&, const event&, const identified_extract&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event& e,
                           const identified_extract& p) {
    what += ": the " + p.table + " table, by " + e.who + ", for " + p.purpose;
}

// ---- case_disposed ---------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, case_disposed&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const case_disposed&) {
    throw error(errc::integrity, "a disposed case's entries cannot be read: it does not replay");
}

void event_rules::apply(case_file&, const event&, const case_disposed&, state) {}  // the store keeps only the record

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event& e, const case_disposed& p) {
    what += ": closed " + to_iso(p.closed) + ", kept " + std::to_string(p.years) + " years, by " + e.who;
}

// ---- access_requested, access_extended, access_answered (IPP 6) -------------------

void event_rules::complete(const case_file&, const instant&, access_requested&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const access_requested& p) {
    c.member_at(p.member);
    check_nonblank_utf8(p.requester, "requester");
    check_utf8(p.authority, "authority");
    checked_date(p.received);
    if (p.received > nz_date(e.when)) throw error(errc::out_of_range, "an access request is received in the future");
}

void event_rules::apply(case_file& c, const event& e, const access_requested& p, state) {
    c.access_requests_.push_back({e.seq, p, std::nullopt, {}, std::nullopt, {}});
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const access_requested& p) {
    what += ": about member " + std::to_string(p.member.value()) + ", by " + p.requester +
            (p.authority.empty() ? std::string() : " (" + p.authority + ")") + ", received " + to_iso(p.received);
}

void event_rules::complete(const case_file&, const instant&, access_extended&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const access_extended& p) {
    const access_request& r = c.open_request(p.request);
    checked_date(p.due);
    if (p.due <= r.due(holiday_calendar{}))
        throw error(errc::invalid_argument,
                    "an extension moves the last day to answer later, past " + to_iso(r.due(holiday_calendar{})));
    check_nonblank_utf8(p.reason, "reason for the extension");
}

void event_rules::apply(case_file& c, const event&, const access_extended& p, state) {
    access_request& r = c.access_requests_[c.request_index(p.request)];
    r.extended_to = p.due;
    r.extension_reason = p.reason;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const access_extended& p) {
    what += ": request " + std::to_string(p.request) + " now due " + to_iso(p.due) + " (" + p.reason + ")";
}

void event_rules::complete(const case_file&, const instant&, access_answered&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const access_answered& p) {
    const access_request& r = c.open_request(p.request);
    checked_date(p.on);
    if (p.on < r.request.received) throw error(errc::invalid_argument, "an access request is answered before it was received");
    if (p.on > nz_date(e.when)) throw error(errc::out_of_range, "an access request is answered in the future");
    for (const auto& g : p.withheld) check_nonblank_utf8(g, "ground for withholding");
}

void event_rules::apply(case_file& c, const event&, const access_answered& p, state) {
    access_request& r = c.access_requests_[c.request_index(p.request)];
    r.answered_on = p.on;
    r.withheld = p.withheld;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const access_answered& p) {
    what += ": request " + std::to_string(p.request) + " on " + to_iso(p.on) +
            (p.withheld.empty() ? std::string(", given in full") : ", " + std::to_string(p.withheld.size()) + " withholding(s)");
}

} // namespace sfcore::detail
