// What sfcore 0.1 kept beside a case's journal — its disclosure ledger and
// audit log — as that version wrote them, read only to convert a 0.1 store
// or archive into one journal per case (see upgrade_v1()).
#pragma once

#include <deque>
#include <string>
#include <tuple>
#include <vector>

#include "sfcore/archive.hpp"

namespace sfcore::detail::v1 {

struct consent_settings {
    int young_person_consent_age = 16;
    int adult_age = 18;
};
struct consent_scope {
    std::vector<party> recipients;
    category_set categories = 0;
    purpose_set purposes = 0;
    date from, until;
};
struct disclosure_consent {
    std::uint32_t id = 0;
    member_id subject, given_by;
    consent_scope scope;
    date signed_on;
    std::string form_version, child_views, recorded_by;
    instant recorded_at;
};
struct consent_withdrawal {
    member_id subject;
    std::optional<party> recipient;
    std::optional<category> what;
    std::string recorded_by;
    instant at;
};
struct sharing_record {
    std::vector<member_id> subjects;
    category what = category::identity_contact;
    std::string description;
    party discloser, recipient;
    instant at;
    legal_basis basis = legal_basis::ot_s66;
    s66c_purpose s66c = s66c_purpose::none;
    std::string requested_by, purpose, approver, necessity;
    bool child_consulted = false, family_told = false;
    std::string not_told_reason;
};
struct declined_request {
    party requester;
    std::vector<member_id> subjects;
    category what = category::identity_contact;
    legal_basis basis = legal_basis::ot_s66;
    std::vector<std::string> reasons;
    std::string decided_by;
    instant at;
};
struct audit_entry {
    std::uint64_t seq = 0;
    instant at;
    std::uint8_t kind = 0;  // 0 decision, 1 sharing, 2 declined, 3 view, 4 consent change
    std::string actor, text;
    digest prev{}, hash{};
};
struct ledger_record {
    consent_settings settings;
    std::vector<std::string> category_names, category_labels;  // beyond the built-in ones
    std::vector<disclosure_consent> consents;
    std::vector<consent_withdrawal> withdrawals;
    std::vector<std::tuple<instant, member_id, category, bool>> marks;  // at, subject, category, confidential
    std::vector<std::tuple<instant, category_set>> necessity;           // after the first (built-in) one
    std::vector<sharing_record> sharings;
    std::vector<declined_request> declined;
    std::deque<audit_entry> audit;
};

// clang-format off
#define SF_FIELDS(T, ...)                                                     \
    inline auto fields_of(T& x) { return std::tie(__VA_ARGS__); }             \
    inline auto fields_of(const T& x) { return std::tie(__VA_ARGS__); }
SF_FIELDS(consent_settings, x.young_person_consent_age, x.adult_age)
SF_FIELDS(consent_scope, x.recipients, x.categories, x.purposes, x.from, x.until)
SF_FIELDS(disclosure_consent, x.id, x.subject, x.given_by, x.scope, x.signed_on, x.form_version, x.child_views, x.recorded_by, x.recorded_at)
SF_FIELDS(consent_withdrawal, x.subject, x.recipient, x.what, x.recorded_by, x.at)
SF_FIELDS(sharing_record, x.subjects, x.what, x.description, x.discloser, x.recipient, x.at, x.basis, x.s66c, x.requested_by, x.purpose, x.approver, x.necessity, x.child_consulted, x.family_told, x.not_told_reason)
SF_FIELDS(declined_request, x.requester, x.subjects, x.what, x.basis, x.reasons, x.decided_by, x.at)
SF_FIELDS(audit_entry, x.seq, x.at, x.kind, x.actor, x.text, x.prev, x.hash)
#undef SF_FIELDS
// clang-format on

/** The hash a 0.1 audit entry must have (its chain: prev, seq, time, kind, actor, text). */
digest audit_hash(const audit_entry& e);
/** Verify a 0.1 audit chain. @return "" when it verifies, else why. */
std::string verify_audit(const std::deque<audit_entry>& log);
/** A 0.1 audit log in its text form ("sfcore-audit 1", one entry a line). */
std::string audit_text(const std::deque<audit_entry>& log);

} // namespace sfcore::detail::v1
