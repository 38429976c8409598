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
    practitioners_.push_back(practitioner{id, agency, checked_nonblank_utf8(name, "practitioner name")});
    return id;
}

const practitioner& agency_directory::practitioner_at(practitioner_id id) const {
    if (!id || id.value() > practitioners_.size())
        throw error(errc::not_found, "no practitioner " + std::to_string(id.value()) + " in the directory");
    return practitioners_[id.value() - 1];
}

} // namespace sfcore
