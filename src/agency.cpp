#include "sfcore/agency.hpp"

#include <algorithm>

#include "sfcore/text.hpp"

namespace sfcore {

agency_directory::agency_directory() {
#define SF_AGENCY(sym, id, name, former, welfare)                                                   \
    agencies_.push_back(agency{agency_id{id}, name, agency_kind::government,                        \
                               std::string(former).empty() ? std::vector<std::string>{}             \
                                                           : std::vector<std::string>{former},      \
                               welfare != 0});
#include "sfcore/def/agencies.def"
#undef SF_AGENCY
    for (const char* site : {"Christchurch East", "Tokoroa", "Horowhenua", "Ōtāhuhu"})
        add_site(programme::intensive_intervention, site);
}

agency_id agency_directory::add(std::string_view name, agency_kind kind, bool child_welfare) {
    std::string checked_name = checked_nonblank_utf8(name, "agency name");
    enum_from_int<agency_kind>(static_cast<long long>(kind));
    if (find_by_name(checked_name))
        throw error(errc::already_exists, "agency \"" + checked_name + "\" is already in the directory");
    const agency_id id{agencies_.back().id.value() + 1};
    agencies_.push_back(agency{id, std::move(checked_name), kind, {}, child_welfare});
    return id;
}

void agency_directory::rename(agency_id id, std::string_view name) {
    std::string checked_name = checked_nonblank_utf8(name, "agency name");
    at(id);
    agency& a = agencies_[id.value() - 1];
    if (checked_name == a.name) return;
    if (const auto other = find_by_name(checked_name); other && *other != id)
        throw error(errc::already_exists, "agency \"" + checked_name + "\" is already in the directory");
    a.former_names.erase(std::remove(a.former_names.begin(), a.former_names.end(), checked_name), a.former_names.end());
    a.former_names.push_back(std::move(a.name));
    a.name = std::move(checked_name);
}

void agency_directory::set_child_welfare(agency_id id, bool child_welfare) {
    at(id);
    agencies_[id.value() - 1].child_welfare = child_welfare;
}

const agency* agency_directory::find(agency_id id) const noexcept {
    // Ids are dense and start at 1.
    if (!id || id.value() > agencies_.size()) return nullptr;
    return &agencies_[id.value() - 1];
}

const agency& agency_directory::at(agency_id id) const {
    if (const agency* a = find(id)) return *a;
    throw error(errc::not_found, "no agency " + std::to_string(id.value()) + " in the directory");
}

std::optional<agency_id> agency_directory::find_by_name(std::string_view name) const noexcept {
    for (const auto& a : agencies_)
        if (a.name == name) return a.id;
    for (const auto& a : agencies_)
        for (const auto& former : a.former_names)
            if (former == name) return a.id;
    return std::nullopt;
}

practitioner_id agency_directory::add_practitioner(agency_id agency, std::string_view name) {
    at(agency);
    const practitioner_id id{static_cast<std::uint32_t>(practitioners_.size() + 1)};
    practitioners_.push_back(practitioner{id, agency, checked_nonblank_utf8(name, "practitioner name"), local_group_id{}});
    return id;
}

namespace {
void check_targets(int families, int children) {
    if (families < 0 || families > 100000 || children < 0 || children > 100000)
        throw error(errc::out_of_range, "a site's targets are 0 (not set) to 100000 families and children");
}
} // namespace

site_id agency_directory::add_site(programme prog, std::string_view name, int target_families, int target_children) {
    enum_from_int<programme>(static_cast<long long>(prog));
    if (prog == programme::strengthening_families)
        throw error(errc::invalid_argument, "Strengthening Families has no sites: register Intensive Intervention sites and Children's Teams");
    std::string checked_name = checked_nonblank_utf8(name, "site name");
    check_targets(target_families, target_children);
    if (find_site(prog, checked_name))
        throw error(errc::already_exists, "\"" + checked_name + "\" is already a site of " + label(prog));
    const site_id id{static_cast<std::uint32_t>(sites_.size() + 1)};
    sites_.push_back(programme_site{id, prog, std::move(checked_name), target_families, target_children});
    return id;
}

void agency_directory::set_site_targets(site_id id, int target_families, int target_children) {
    site_at(id);
    check_targets(target_families, target_children);
    sites_[id.value() - 1].target_families = target_families;
    sites_[id.value() - 1].target_children = target_children;
}

const programme_site& agency_directory::site_at(site_id id) const {
    if (!id || id.value() > sites_.size()) throw error(errc::not_found, "no site " + std::to_string(id.value()) + " in the directory");
    return sites_[id.value() - 1];
}

std::optional<site_id> agency_directory::find_site(programme prog, std::string_view name) const noexcept {
    for (const auto& s : sites_)
        if (s.programme == prog && s.name == name) return s.id;
    return std::nullopt;
}

local_group_id agency_directory::add_local_group(std::string_view name) {
    std::string checked_name = checked_nonblank_utf8(name, "Local Management Group name");
    if (find_local_group(checked_name))
        throw error(errc::already_exists, "Local Management Group \"" + checked_name + "\" is already in the directory");
    const local_group_id id{static_cast<std::uint32_t>(groups_.size() + 1)};
    groups_.push_back(local_group{id, std::move(checked_name)});
    return id;
}

const local_group& agency_directory::local_group_at(local_group_id id) const {
    if (!id || id.value() > groups_.size())
        throw error(errc::not_found, "no Local Management Group " + std::to_string(id.value()) + " in the directory");
    return groups_[id.value() - 1];
}

std::optional<local_group_id> agency_directory::find_local_group(std::string_view name) const noexcept {
    for (const auto& g : groups_)
        if (g.name == name) return g.id;
    return std::nullopt;
}

void agency_directory::set_local_group(practitioner_id p, local_group_id group) {
    practitioner_at(p);
    if (group) local_group_at(group);
    practitioners_[p.value() - 1].local_group = group;
}

const practitioner* agency_directory::find_practitioner(practitioner_id id) const noexcept {
    if (!id || id.value() > practitioners_.size()) return nullptr;
    return &practitioners_[id.value() - 1];
}

const practitioner& agency_directory::practitioner_at(practitioner_id id) const {
    if (const practitioner* p = find_practitioner(id)) return *p;
    throw error(errc::not_found, "no practitioner " + std::to_string(id.value()) + " in the directory");
}

} // namespace sfcore
