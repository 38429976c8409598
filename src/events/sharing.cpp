// What governs sharing a family's information: consent to share given and
// withdrawn, confidential marks, what is necessary, the categories, the
// consent ages, sharing under the law without consent, requests declined,
// and notices to the family (rules.hpp). Their fold is the disclosure state's.
#include "rules.hpp"
#include "../nz_text.hpp"
#include "sfcore/report.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

namespace {

// The law a basis names: its label up to the colon ("Oranga Tamariki Act 1989 s15").
std::string law_of(legal_basis b) {
    const std::string text = label(b);
    return text.substr(0, text.find(':'));
}

} // namespace

// ---- sharing_consent_given -------------------------------------------------------

void event_rules::complete(const case_file& c, const instant&, sharing_consent_given& p) {
    if (!p.id) p.id = c.next_consent_id();
}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event& e, const sharing_consent_given& p) {
    c.member_at(p.subject);
    c.member_at(p.given_by);
    if (p.id != c.next_consent_id()) throw error(errc::invalid_argument, "consent ids are assigned by the case");
    checked_date(p.signed_on);
    if (p.signed_on > nz_date(e.when)) throw error(errc::out_of_range, "a consent form is signed in the future");
    checked_date(p.scope.from);
    checked_date(p.scope.until);
    if (p.scope.until < p.scope.from) throw error(errc::invalid_consent, "the consent's period ends before it starts");
    if (p.scope.recipients.empty()) throw error(errc::invalid_consent, "a consent names at least one recipient");
    for (const auto& r : p.scope.recipients) c.check_recipient(dir, r, "a consent's recipient");
    if (p.scope.categories == 0) throw error(errc::invalid_consent, "a consent names at least one category");
    if (p.scope.categories & ~c.disclosure_.categories().all())
        throw error(errc::invalid_consent, "a consent names an unknown category");
    if (p.scope.purposes == 0 || (p.scope.purposes & ~all_purposes))
        throw error(errc::invalid_consent, "a consent names at least one purpose, and only known ones");
    check_nonblank_utf8(p.form_version, "consent form version");
    check_utf8(p.child_views, "child's views");
}

void event_rules::apply(case_file& c, const event& e, const sharing_consent_given& p, state) { c.disclosure_.give(p, e); }

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const sharing_consent_given& p) {
    std::vector<std::string> to;
    for (const auto& r : p.scope.recipients) to.push_back(recipient_name(r, dir));
    what += ": " + c.member_at(p.subject).name + " (consent " + std::to_string(p.id) + ") to " + join(to) + ", " +
            to_iso(p.scope.from) + " to " + to_iso(p.scope.until);
}

// ---- sharing_consent_withdrawn ---------------------------------------------------

void event_rules::complete(const case_file&, const instant&, sharing_consent_withdrawn&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const sharing_consent_withdrawn& p) {
    c.member_at(p.subject);
    if (p.recipient) c.check_recipient(dir, *p.recipient, "the withdrawal's recipient");
    if (p.what) c.disclosure_.categories().name(*p.what);
    check_utf8(p.note, "note");
}

void event_rules::apply(case_file& c, const event& e, const sharing_consent_withdrawn& p, state) {
    c.disclosure_.withdraw({p.subject, p.recipient, p.what, false, e.who, e.when, e.seq});
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const sharing_consent_withdrawn& p) {
    what += ": " + c.member_at(p.subject).name + (p.recipient ? ", for " + recipient_name(*p.recipient, dir) : std::string()) +
            (p.what ? ", " + c.disclosure().categories().label(*p.what) : std::string());
}

// ---- confidential_marked ---------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, confidential_marked&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const confidential_marked& p) {
    c.member_at(p.subject);
    c.disclosure_.categories().name(p.what);
}

void event_rules::apply(case_file& c, const event& e, const confidential_marked& p, state) {
    c.disclosure_.mark(p.subject, p.what, p.confidential, disclosure_state::micros_of(e.when));
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&,
                           const confidential_marked& p) {
    what += ": " + c.member_at(p.subject).name + "'s " + c.disclosure().categories().label(p.what) +
            (p.confidential ? " is confidential" : " is no longer confidential");
}

// ---- issue_areas_set, necessity_adjusted: what is necessary to share ---------------

void event_rules::complete(const case_file&, const instant&, issue_areas_set&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const issue_areas_set& p) {
    for (auto a : p.areas) enum_from_int<issue_area>(static_cast<long long>(a));
}

void event_rules::apply(case_file& c, const event& e, const issue_areas_set& p, state) {
    c.disclosure_.set_issue_areas(p.areas, disclosure_state::micros_of(e.when));
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const issue_areas_set& p) {
    std::vector<std::string> areas;
    for (auto a : p.areas) areas.push_back(label(a));
    what += ": " + (areas.empty() ? std::string("none") : join(areas));
}

void event_rules::complete(const case_file&, const instant&, necessity_adjusted&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const necessity_adjusted& p) {
    c.disclosure_.categories().name(p.what);
}

void event_rules::apply(case_file& c, const event& e, const necessity_adjusted& p, state) {
    c.disclosure_.adjust_necessity(p.what, p.widen, disclosure_state::micros_of(e.when));
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&,
                           const necessity_adjusted& p) {
    what += std::string(": ") + (p.widen ? "widened by " : "narrowed by ") + c.disclosure().categories().label(p.what);
}

// ---- category_registered, consent_ages_set -----------------------------------------

void event_rules::complete(const case_file& c, const instant&, category_registered& p) {
    if (p.id == category{}) p.id = c.next_category();
}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const category_registered& p) {
    c.disclosure_.categories().check_new(p.name, p.label);
    if (p.id != c.next_category()) throw error(errc::invalid_argument, "category ids are assigned by the case");
}

void event_rules::apply(case_file& c, const event&, const category_registered& p, state) {
    c.disclosure_.categories_.add(p.name, p.label);
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const category_registered& p) {
    what += ": " + p.label;
}

void event_rules::complete(const case_file&, const instant&, consent_ages_set&) {}

void event_rules::validate(const case_file&, const agency_directory*, const event&, const consent_ages_set& p) {
    if (p.young_person > p.adult || p.adult > 25 || p.adult == 0)
        throw error(errc::invalid_argument, "consent ages must satisfy young person age <= adult age <= 25");
}

void event_rules::apply(case_file& c, const event&, const consent_ages_set& p, state) { c.disclosure_.ages_ = p; }

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const consent_ages_set& p) {
    what += ": young people from " + std::to_string(p.young_person) + ", adults from " + std::to_string(p.adult);
}

// ---- shared_without_consent, request_declined: the law's own records ----------------
// (What the law asks each record to hold is the guard record_complete's, in lifecycle.cpp.)

void event_rules::complete(const case_file&, const instant&, shared_without_consent&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const shared_without_consent& p) {
    for (auto s : p.subjects) c.member_at(s);
    c.disclosure_.categories().name(p.what);
    if (p.discloser.agency) c.check_recipient(dir, p.discloser, "the discloser");
    if (p.recipient.agency) c.check_recipient(dir, p.recipient, "the recipient");
    enum_from_int<legal_basis>(static_cast<long long>(p.basis));
    enum_from_int<s66c_purpose>(static_cast<long long>(p.s66c));
    enum_from_int<s66_requester>(static_cast<long long>(p.requester_role));
    for (const std::string* t : {&p.description, &p.requested_by, &p.purpose, &p.approver, &p.necessity, &p.not_told_reason})
        check_utf8(*t, "sharing record");
}

void event_rules::apply(case_file&, const event&, const shared_without_consent&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file& c, const agency_directory& dir, const event&,
                           const shared_without_consent& p) {
    what += ": " + c.disclosure().categories().label(p.what) + " to " + recipient_name(p.recipient, dir) + ", under " +
            law_of(p.basis);
    if (p.requester_role != s66_requester::none) what += std::string(", asked by ") + label(p.requester_role);
}

void event_rules::complete(const case_file&, const instant&, request_declined&) {}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event&, const request_declined& p) {
    for (auto s : p.subjects) c.member_at(s);
    c.disclosure_.categories().name(p.what);
    if (p.requester.agency) c.check_recipient(dir, p.requester, "the requester");
    enum_from_int<legal_basis>(static_cast<long long>(p.basis));
    for (const auto& r : p.reasons) check_utf8(r, "reason");
    check_utf8(p.decided_by, "decided-by");
}

void event_rules::apply(case_file&, const event&, const request_declined&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file&, const agency_directory& dir, const event&,
                           const request_declined& p) {
    what += ": from " + recipient_name(p.requester, dir) + ", under " + law_of(p.basis);
}

// ---- notice_given ------------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, notice_given&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const notice_given& p) {
    c.member_at(p.member);
    enum_from_int<purpose>(static_cast<long long>(p.why));
}

void event_rules::apply(case_file&, const event&, const notice_given&, state) {}  // a record: the journal keeps it

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&, const notice_given& p) {
    what += ": " + c.member_at(p.member).name + ", for " + label(p.why);
}

} // namespace sfcore::detail
