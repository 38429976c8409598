// The action plan: agreed, revised, and its actions updated (rules.hpp).
#include <algorithm>

#include "rules.hpp"
#include "../nz_text.hpp"
#include "sfcore/text.hpp"

namespace sfcore::detail {

namespace {

// What the case gives a plan: its actions' ids, its version, the day it is agreed.
void complete_plan(plan& p, const plan* current, std::uint32_t last_action_id, const instant& when) {
    std::uint32_t next = last_action_id;
    for (auto& a : p.actions)
        if (!a.id || a.id.value() == next + 1) a.id = action_id{++next};
    p.version = current ? current->version + 1 : 1;
    if (!when.is_special()) p.agreed = nz_date(when);
}

void check_plan(const case_file& c, const agency_directory* dir, const event& e, const plan& p, const plan* current,
                std::uint32_t last_action_id, bool revision) {
    if (p.child) c.member_at(*p.child);
    if (p.lead_agency && dir) dir->at(*p.lead_agency);
    if (p.key_contact && dir) dir->practitioner_at(*p.key_contact);
    check_utf8(p.child_views, "child's views");
    check_utf8(p.revision_reason, "revision reason");
    if (revision && !current)
        throw error(errc::not_found, "there is no current plan to revise for this " + std::string(p.child ? "child" : "family"));
    std::uint32_t next = last_action_id;
    for (const auto& a : p.actions) {
        check_nonblank_utf8(a.description, "action");
        if (a.owner) event_rules::check_party(c, dir, *a.owner, "action owner");
        if (a.due) checked_date(*a.due);
        enum_from_int<action_status>(static_cast<long long>(a.status));
        enum_from_int<support_type>(static_cast<long long>(a.support));
        check_utf8(a.need, "need");
        std::uint32_t areas = 0;
        for (auto o : a.outcomes) {
            const auto bit = 1u << static_cast<unsigned>(enum_from_int<outcome_area>(static_cast<long long>(o)));
            if (areas & bit)
                throw error(errc::invalid_argument, std::string("action ") + quoted(a.description) + " names an outcome area twice");
            areas |= bit;
        }
        if (a.id.value() == next + 1) {
            ++next;
            continue;
        }
        if (!a.id) throw error(errc::invalid_argument, "action ids are assigned by the case");
        const bool carried = current && std::any_of(current->actions.begin(), current->actions.end(),
                                                    [&](const action& x) { return x.id == a.id; });
        if (!carried)
            throw error(errc::not_found, "action " + std::to_string(a.id.value()) +
                                             " is not in the current plan (give new actions id 0)");
    }
    if (p.version != (current ? current->version + 1 : 1))
        throw error(errc::invalid_argument, "a plan's version is given by the case");
    if (p.agreed != nz_date(e.when)) throw error(errc::invalid_argument, "a plan is agreed on the day it is recorded");
}

// The fold of a plan agreed or revised: the plan in force for its child (or
// the family) from now on, every version kept, its lead agency and key contact the case's.
void fold_plan(const plan& p, std::vector<plan>& plans, std::vector<plan>& history, std::uint32_t& last_action_id,
               case_roles& roles) {
    auto it = std::find_if(plans.begin(), plans.end(), [&](const plan& q) { return q.child == p.child; });
    if (it != plans.end()) *it = p;
    else plans.push_back(p);
    history.push_back(p);
    for (const auto& a : p.actions) last_action_id = std::max(last_action_id, a.id.value());
    roles.lead_agency = p.lead_agency;
    roles.lead_contact = p.key_contact;
}

void describe_plan(std::string& what, const plan& p) {
    what += ": version " + std::to_string(p.version) + ", " + std::to_string(p.actions.size()) + " actions" +
            (p.revision_reason.empty() ? "" : " (" + p.revision_reason + ")");
}

} // namespace

// ---- plan_agreed, plan_revised ----------------------------------------------------

void event_rules::complete(const case_file& c, const instant& when, plan_agreed& p) {
    complete_plan(p.plan, c.current_plan(p.plan.child), c.last_action_id_, when);
}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event& e, const plan_agreed& p) {
    check_plan(c, dir, e, p.plan, c.current_plan(p.plan.child), c.last_action_id_, false);
}

void event_rules::apply(case_file& c, const event&, const plan_agreed& p, state) {
    fold_plan(p.plan, c.plans_, c.plan_history_, c.last_action_id_, c.roles_);
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const plan_agreed& p) {
    describe_plan(what, p.plan);
}

void event_rules::complete(const case_file& c, const instant& when, plan_revised& p) {
    complete_plan(p.plan, c.current_plan(p.plan.child), c.last_action_id_, when);
}

void event_rules::validate(const case_file& c, const agency_directory* dir, const event& e, const plan_revised& p) {
    check_plan(c, dir, e, p.plan, c.current_plan(p.plan.child), c.last_action_id_, true);
}

void event_rules::apply(case_file& c, const event&, const plan_revised& p, state) {
    fold_plan(p.plan, c.plans_, c.plan_history_, c.last_action_id_, c.roles_);
}

void event_rules::describe(std::string& what, const case_file&, const agency_directory&, const event&, const plan_revised& p) {
    describe_plan(what, p.plan);
}

// ---- action_updated --------------------------------------------------------------

void event_rules::complete(const case_file&, const instant&, action_updated&) {}

void event_rules::validate(const case_file& c, const agency_directory*, const event&, const action_updated& p) {
    enum_from_int<action_status>(static_cast<long long>(p.status));
    check_utf8(p.note, "note");
    const bool found = std::any_of(c.plans_.begin(), c.plans_.end(), [&](const plan& pl) {
        return std::any_of(pl.actions.begin(), pl.actions.end(), [&](const action& a) { return a.id == p.action; });
    });
    if (!found) throw error(errc::not_found, "no action " + std::to_string(p.action.value()) + " in the current plans");
}

void event_rules::apply(case_file& c, const event&, const action_updated& p, state) {
    for (auto& pl : c.plans_)
        for (auto& a : pl.actions)
            if (a.id == p.action) a.status = p.status;
}

void event_rules::describe(std::string& what, const case_file& c, const agency_directory&, const event&,
                           const action_updated& p) {
    what += ": action " + std::to_string(p.action.value());
    const action* named = nullptr;  // the action as the latest plan version holding it says
    for (const auto& version : c.plan_history())
        for (const auto& a : version.actions)
            if (a.id == p.action) named = &a;
    if (named) what += " " + quoted(named->description);
    what += " " + std::string(label(p.status)) + (p.note.empty() ? "" : " (" + p.note + ")");
}

} // namespace sfcore::detail
