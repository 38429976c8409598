// The family's members: who they are, their details as they change, the
// person each is, and their written consent to take part (rules.hpp).
#include <algorithm>

#include "rules.hpp"
#include "../nz_text.hpp"
#include "sfcore/identifiers.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

// ---- member_added ------------------------------------------------------------

void event_rules::complete(const case_file& c, const instant&, member_added& p) {
    if (!p.member.id) p.member.id = c.next_member_id();
}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const member_added& p) {
    const auto& m = p.member;
    if (m.id != c.next_member_id()) throw error(errc::invalid_argument, "member ids are assigned by the case");
    check_nonblank_utf8(m.name, "member name");
    enum_from_int<member_role>(static_cast<long long>(m.role));
    if (m.born) check_born(*m.born, nz_date(e.when));
}

void event_rules::apply(case_file& c, const event&, const member_added& p, state) { c.members_.push_back(p.member); }

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const member_added& p) {
    what += ": " + p.member.name + " (" + label(p.member.role) + ")";
}

// ---- member_updated ----------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, member_updated&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const member_updated& p) {
    c.member_at(p.member);
    if (!p.name && !p.role && !p.born) throw error(errc::invalid_argument, "a member update changes at least one detail");
    if (p.name) check_nonblank_utf8(*p.name, "member name");
    if (p.role) enum_from_int<member_role>(static_cast<long long>(*p.role));
    if (p.born) check_born(*p.born, nz_date(e.when));
    check_nonblank_utf8(p.reason, "reason for the change");
}

void event_rules::apply(case_file& c, const event&, const member_updated& p, state) {
    case_file::change_member(c.members_[p.member.value() - 1], p);
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const member_updated& p) {
    std::vector<std::string> changed;
    if (p.name) changed.push_back("name " + *p.name);
    if (p.role) changed.push_back(std::string("role ") + label(*p.role));
    if (p.born) changed.push_back("date of birth " + to_iso(*p.born));
    what += ": member " + std::to_string(p.member.value()) + ", now " + join(changed) + " (" + p.reason + ")";
}

// ---- person_linked -----------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, person_linked& p) {
    if (p.nhi && is_valid_nhi(*p.nhi)) p.nhi = checked_nhi(*p.nhi);
}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const person_linked& p) {
    c.member_at(p.member);
    check_nonblank_utf8(p.key, "person key");
    if (p.key.size() > 256) throw error(errc::out_of_range, "a person key is at most 256 bytes");
    if (const auto other = c.member_for(p.key); other && *other != p.member)
        throw error(errc::invalid_argument, "person \"" + p.key + "\" is already member " + std::to_string(other->value()) +
                                                " of this case");
    if (p.nhi && checked_nhi(*p.nhi) != *p.nhi) throw error(errc::invalid_argument, "an NHI number is kept in capitals");
    if (p.nsn && (p.nsn->empty() || p.nsn->size() > 10 || p.nsn->find_first_not_of("0123456789") != std::string::npos))
        throw error(errc::invalid_argument, "a National Student Number is 1 to 10 digits");
}

void event_rules::apply(case_file& c, const event&, const person_linked& p, state) {
    auto& persons = c.persons_;  // one per linked member, in member order
    const auto at = std::lower_bound(persons.begin(), persons.end(), p.member,
                                     [](const person_linked& l, member_id m) { return l.member < m; });
    if (at != persons.end() && at->member == p.member) *at = p;
    else persons.insert(at, p);
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const person_linked& p) {
    // The key and which national numbers are held; the numbers themselves stay in the journal.
    what += ": member " + std::to_string(p.member.value()) + " is person " + p.key;
    if (p.nhi || p.nsn)
        what += std::string(" (") + (p.nhi ? "NHI" : "") + (p.nhi && p.nsn ? " and " : "") + (p.nsn ? "NSN" : "") + " recorded)";
}

// ---- correction_declined -----------------------------------------------------

void event_rules::complete(const case_file&, const instant&, correction_declined&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const correction_declined& p) {
    c.member_at(p.member);
    check_nonblank_utf8(p.detail, "detail");
    check_nonblank_utf8(p.statement, "statement of correction");
    check_nonblank_utf8(p.reason, "reason the correction was not made");
}

void event_rules::apply(case_file&, const event&, const correction_declined&, state) {}  // the journal keeps the statement

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&,
                           const correction_declined& p) {
    what += ": member " + std::to_string(p.member.value()) + "'s " + p.detail + ", not corrected (" + p.reason +
            "); their statement: " + p.statement;
}

// ---- consent_recorded: written consent to take part ----------------------------

void event_rules::complete(const case_file&, const instant&, consent_recorded&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event& e, const consent_recorded& p) {
    c.member_at(p.member);
    checked_date(p.signed_on);
    if (p.signed_on > nz_date(e.when)) throw error(errc::out_of_range, "a consent form is signed in the future");
    check_nonblank_utf8(p.form_version, "consent form version");
    check_utf8(p.child_views, "child's views");
    if (p.given_by) c.member_at(*p.given_by);  // who may consent for whom is the guard consent_giver's
}

void event_rules::apply(case_file& c, const event& e, const consent_recorded& p, state) {
    participation_consent k{p.member, p.signed_on, p.form_version, p.given_by, p.child_views, e.who, e.when, std::nullopt};
    auto it = std::find_if(c.consents_.begin(), c.consents_.end(), [&](const auto& x) { return x.member == p.member; });
    if (it != c.consents_.end()) *it = std::move(k);
    else c.consents_.push_back(std::move(k));
    c.members_[p.member.value() - 1].participating = true;  // consenting is taking part (again)
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&,
                           const consent_recorded& p) {
    what += ": " + c.member_at(p.member).name;
}

// ---- consent_withdrawn ---------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, consent_withdrawn&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const consent_withdrawn& p) {
    c.member_at(p.member);
    check_utf8(p.note, "note");
    const bool current = std::any_of(c.consents_.begin(), c.consents_.end(),
                                     [&](const auto& k) { return k.member == p.member && !k.ended_at; });
    if (!current) throw error(errc::not_found, "member " + std::to_string(p.member.value()) + " has no consent to withdraw");
}

void event_rules::apply(case_file& c, const event& e, const consent_withdrawn& p, state next) {
    // The member leaves the process; the case ends when it was the family's last consent.
    for (auto& k : c.consents_)
        if (k.member == p.member && !k.ended_at) k.ended_at = e.when;
    c.members_[p.member.value() - 1].participating = false;
    if (next == state::closed && c.state_ != state::closed) {
        c.exit_reason_ = exit_reason::consent_withdrawn;
        c.exit_note_ = p.note;
        c.closed_at_ = e.when;
    }
    // Leaving the process withdraws every consent to share the member gave.
    c.disclosure_.withdraw({p.member, std::nullopt, std::nullopt, true, e.who, e.when, e.seq});
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&,
                           const consent_withdrawn& p) {
    what += ": " + c.member_at(p.member).name;
}

// ---- checks the areas share ------------------------------------------------------

void event_rules::check_party(const case_file& c, const agency_directory* dir, const party& p, const char* what) {
    switch (p.kind) {
    case party_kind::member: c.member_at(member_id{p.id}); return;
    case party_kind::agency: if (dir) dir->at(agency_id{p.id}); return;
    case party_kind::practitioner: if (dir) dir->practitioner_at(practitioner_id{p.id}); return;
    }
    throw error(errc::invalid_argument, std::string("unknown kind of ") + what);
}

void event_rules::check_texts(const std::vector<std::string>& texts, const char* what) {
    for (const auto& t : texts) check_nonblank_utf8(t, what);
}

void event_rules::check_born(const date& born, const date& today) {
    checked_date(born);
    if (born > today) throw error(errc::out_of_range, "a date of birth is in the future");
}

} // namespace sfcore::detail
