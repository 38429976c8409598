// How a case begins and ends: the referral, accepted or declined; escalation;
// closure, the final report, and reopening (rules.hpp).
#include "rules.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

// ---- referral_received ---------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, referral_received&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const referral_received&) {
    // case_file::open() checks the referral it begins with (checked(const referral&, ...)).
    throw error(errc::invalid_argument, "a case has exactly one referral, its first event");
}

void event_rules::apply(case_file& c, const event&, const referral_received& p, state) { c.referral_ = p.referral; }

void event_rules::describe(std::string& what, const case_file&, const agency_directory& dir, const event&,
                           const referral_received& p) {
    what += ": " + p.referral.family_name + ", by " +
            (p.referral.agency ? dir.at(*p.referral.agency).name : std::string("the family itself"));
}

// ---- referral_accepted, referral_declined ----------------------------------------

void event_rules::complete(const case_file&, const instant&, referral_accepted&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const referral_accepted& p) {
    check_utf8(p.note, "note");
}

void event_rules::apply(case_file&, const event&, const referral_accepted&, state) {}  // the state is the change

void event_rules::describe(std::string&, const case_file&, const agency_directory&, const event&, const referral_accepted&) {}

void event_rules::complete(const case_file&, const instant&, referral_declined&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const referral_declined& p) {
    check_nonblank_utf8(p.reason, "decline reason");
}

void event_rules::apply(case_file& c, const event& e, const referral_declined& p, state) {
    c.exit_note_ = p.reason;
    c.closed_at_ = e.when;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const referral_declined& p) {
    what += ": " + p.reason;
}

// ---- escalated -----------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, escalated&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const escalated& p) {
    check_nonblank_utf8(p.note, "escalation note");
}

void event_rules::apply(case_file& c, const event& e, const escalated& p, state) {
    c.exit_reason_ = exit_reason::escalated;
    c.exit_note_ = p.note;
    c.closed_at_ = e.when;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const escalated& p) {
    what += ": " + p.note;
}

// ---- closure_started, final_report_submitted, case_closed --------------------------

void event_rules::complete(const case_file&, const instant&, closure_started&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const closure_started& p) {
    enum_from_int<exit_reason>(static_cast<long long>(p.reason));
    if (p.reason == exit_reason::other) check_nonblank_utf8(p.note, "exit note");
    else check_utf8(p.note, "exit note");
}

void event_rules::apply(case_file& c, const event&, const closure_started& p, state) {
    c.exit_reason_ = p.reason;
    c.exit_note_ = p.note;
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const closure_started& p) {
    what += ": " + std::string(label(p.reason));
}

void event_rules::complete(const case_file&, const instant&, final_report_submitted&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const final_report_submitted& p) {
    check_nonblank_utf8(p.summary, "final report");
}

void event_rules::apply(case_file& c, const event&, const final_report_submitted& p, state) { c.final_report_ = p.summary; }

void event_rules::describe(std::string&, const case_file&, const agency_directory&, const event&, const final_report_submitted&) {}

void event_rules::complete(const case_file&, const instant&, case_closed&) {}
void event_rules::validate(const case_file&, const agency_directory*, const event&, const case_closed&) {}
void event_rules::apply(case_file& c, const event& e, const case_closed&, state) { c.closed_at_ = e.when; }
void event_rules::describe(std::string&, const case_file&, const agency_directory&, const event&, const case_closed&) {}

// ---- case_reopened ---------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, case_reopened&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const case_reopened& p) {
    check_nonblank_utf8(p.reason, "reopen reason");
}

void event_rules::apply(case_file& c, const event& e, const case_reopened&, state) {
    // Reopening asks for written consent again: every consent still standing lapses.
    for (auto& k : c.consents_)
        if (!k.ended_at) k.ended_at = e.when;
    c.exit_reason_.reset();
    c.exit_note_.clear();
    c.final_report_.clear();
    c.closed_at_.reset();
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const case_reopened& p) {
    what += ": " + p.reason;
}

} // namespace sfcore::detail
