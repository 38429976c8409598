// The store's queries about a person across cases: their cases, the answer
// to their access request, and a child's siblings through a shared parent.
#include <algorithm>
#include <tuple>

#include "store_impl.hpp"

namespace sfcore {

namespace {

person_case person_case_of(const case_file& c, member_id m) {
    person_case p;
    p.id = c.id();
    p.member = m;
    p.state = c.state();
    p.programme = c.programme();
    p.referred = c.journal().front().when;
    p.link = *c.person_of(m);
    p.history = c.member_history(m);
    return p;
}

} // namespace

std::vector<person_case> case_store::person_cases(std::string_view key) const {
    std::vector<person_case> out;
    for (const auto& [c, m] : impl_->cases_of(key)) out.push_back(person_case_of(c, m));
    return out;
}

access_response case_store::access_response(std::string_view key, const agency_directory& directory) const {
    sfcore::access_response out;
    out.key = std::string(key);
    for (const auto& [c, m] : impl_->cases_of(key)) {
        out.cases.push_back(person_case_of(c, m));
        detail::add_access_part(c, m, directory, out);
    }
    out.markdown = detail::access_markdown(out);
    return out;
}

std::vector<sibling> case_store::siblings(std::string_view key) const {
    const auto is_child = [](member_role r) { return r == member_role::child || r == member_role::young_person; };
    // The parents and caregivers of the person, in the cases they are a child in.
    std::vector<std::string> parents;
    for (const auto& [c, m] : impl_->cases_of(key)) {
        if (!is_child(c.member_at(m).role)) continue;
        for (const auto& l : c.persons())
            if (c.member_at(l.member).role == member_role::parent_caregiver) parents.push_back(l.key);
    }
    std::sort(parents.begin(), parents.end());
    parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
    std::vector<sibling> out;
    for (const auto& parent : parents)
        for (const auto& found : impl_->cases_of(parent)) {
            const case_file& c = found.first;
            const case_id in_case = c.id();
            for (const auto& l : c.persons()) {
                const member& details = c.member_at(l.member);
                if (l.key == key || !is_child(details.role)) continue;
                const bool known = std::any_of(out.begin(), out.end(), [&](const sibling& s) { return s.key == l.key && s.in_case == in_case; });
                if (!known) out.push_back({l.key, in_case, l.member, details, parent});
            }
        }
    std::sort(out.begin(), out.end(), [](const sibling& a, const sibling& b) {
        return std::tie(a.key, a.in_case) < std::tie(b.key, b.in_case);
    });
    return out;
}

} // namespace sfcore
