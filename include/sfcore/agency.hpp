/**
 * @file agency.hpp
 * @brief The agency directory: the government agencies of Strengthening
 * Families, and the NGOs, iwi and community organisations a caller adds.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/detail/fields.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/ids.hpp"

namespace sfcore {

/**
 * @brief Ids of the standard agencies (fixed, from `sfcore/def/agencies.def`).
 * @since 0.1.0
 */
namespace agencies {
#define SF_AGENCY(sym, id, name, former, welfare) inline constexpr agency_id sym{id};
#include "sfcore/def/agencies.def"
#undef SF_AGENCY
} // namespace agencies

/** @brief One agency. @since 0.1.0 */
struct agency {
    agency_id id;      ///< Its id in the directory.
    std::string name;  ///< Its name (UTF-8).
    agency_kind kind;  ///< Government, NGO, iwi or community.
    /** @brief Names it had before (the newest last); each still finds it. @since 0.2.0 */
    std::vector<std::string> former_names;
    /** @brief A child welfare and protection agency (Oranga Tamariki Act 1989 s2): s66C sharing is between such agencies. @since 0.2.0 */
    bool child_welfare = false;
    SFCORE_FIELDS(agency, x.id, x.name, x.kind, x.former_names, x.child_welfare)
};

/** @brief A practitioner: a named worker of an agency. @since 0.1.0 */
struct practitioner {
    practitioner_id id;  ///< Its id in the directory.
    agency_id agency;    ///< The agency the practitioner works for.
    std::string name;    ///< The practitioner's name (UTF-8).
    /** @brief The Local Management Group a coordinator belongs to (none: the zero id). @since 0.2.0 */
    local_group_id local_group;
    SFCORE_FIELDS(practitioner, x.id, x.agency, x.name, x.local_group)
};

/**
 * @brief A site of Intensive Intervention or a team of Children's Teams, with
 * the numbers of families and children it aims to work with (0: not set).
 * @since 0.2.0
 */
struct programme_site {
    site_id id;                      ///< Its id in the directory.
    sfcore::programme programme;     ///< Its programme.
    std::string name;                ///< Its name, unique within the programme (UTF-8).
    int target_families = 0;         ///< Families it aims to work with (0: not set).
    int target_children = 0;         ///< Children it aims to work with (0: not set).
    SFCORE_FIELDS(programme_site, x.id, x.programme, x.name, x.target_families, x.target_children)
};

/** @brief A Local Management Group: oversees Strengthening Families in its area and looks for service gaps. @since 0.2.0 */
struct local_group {
    local_group_id id;  ///< Its id in the directory.
    std::string name;   ///< Its name, unique (UTF-8).
    SFCORE_FIELDS(local_group, x.id, x.name)
};

/**
 * @brief The agencies a case may name.
 *
 * A new directory holds the Ministry of Social Development and the eleven
 * other government agencies of Strengthening Families, with the fixed ids in
 * sfcore::agencies. Agencies added later get the next free id.
 * @since 0.1.0
 */
class agency_directory {
public:
    /** @brief A directory holding the standard agencies. @since 0.1.0 */
    agency_directory();

    /**
     * @brief Add an agency.
     * @param name its name: valid UTF-8, not blank, not already in the directory (as a current or former name).
     * @param kind what kind of organisation it is.
     * @param child_welfare it is a child welfare and protection agency (Oranga Tamariki Act 1989 s2; since 0.2.0).
     * @return its new id.
     * @throws sfcore::error errc::invalid_utf8, errc::invalid_argument, errc::already_exists.
     * @since 0.1.0
     */
    agency_id add(std::string_view name, agency_kind kind, bool child_welfare = false);

    /**
     * @brief Give an agency a new name; its old name is kept as a former name and still finds it.
     * @throws sfcore::error errc::not_found, errc::invalid_utf8, errc::invalid_argument, errc::already_exists.
     * @since 0.2.0
     */
    void rename(agency_id id, std::string_view name);

    /**
     * @brief Say whether an agency is a child welfare and protection agency (s2; an independent person s66C names may be entered as one).
     * @throws sfcore::error errc::not_found.
     * @since 0.2.0
     */
    void set_child_welfare(agency_id id, bool child_welfare);

    /**
     * @brief The agency with an id.
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    const agency& at(agency_id id) const;

    /** @brief The agency with an id, or nullptr. @since 0.1.0 */
    const agency* find(agency_id id) const noexcept;

    /** @brief The id of the agency with this exact name, current or former, if any. @since 0.1.0 */
    std::optional<agency_id> find_by_name(std::string_view name) const noexcept;

    /** @brief Every agency, in id order. @since 0.1.0 */
    const std::vector<agency>& all() const noexcept { return agencies_; }

    /**
     * @brief Add a practitioner of an agency.
     * @param agency the agency they work for.
     * @param name their name (UTF-8, not blank).
     * @return the practitioner's new id.
     * @throws sfcore::error errc::not_found (agency), errc::invalid_utf8, errc::invalid_argument.
     * @since 0.1.0
     */
    practitioner_id add_practitioner(agency_id agency, std::string_view name);

    /**
     * @brief The practitioner with an id.
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    const practitioner& practitioner_at(practitioner_id id) const;

    /** @brief The practitioner with an id, or nullptr. @since 0.2.0 */
    const practitioner* find_practitioner(practitioner_id id) const noexcept;

    /** @brief Every practitioner, in id order. @since 0.1.0 */
    const std::vector<practitioner>& practitioners() const noexcept { return practitioners_; }

    /**
     * @brief Register a site of Intensive Intervention or a team of Children's
     * Teams. A new directory holds the four Intensive Intervention sites
     * (Christchurch East, Tokoroa, Horowhenua, Ōtāhuhu) with no targets set.
     * @param programme Intensive Intervention or Children's Teams (Strengthening Families has no sites).
     * @param name its name: valid UTF-8, not blank, not already a site of the programme.
     * @param target_families families it aims to work with (0: not set; 0-100000).
     * @param target_children children it aims to work with (0: not set; 0-100000).
     * @return its new id.
     * @throws sfcore::error errc::invalid_argument, errc::invalid_utf8, errc::already_exists, errc::out_of_range.
     * @since 0.2.0
     */
    site_id add_site(sfcore::programme programme, std::string_view name, int target_families = 0, int target_children = 0);

    /**
     * @brief Set a site's targets (the numbers of families and children it aims to work with; 0: not set).
     * @throws sfcore::error errc::not_found, errc::out_of_range.
     * @since 0.2.0
     */
    void set_site_targets(site_id id, int target_families, int target_children);

    /**
     * @brief The site with an id.
     * @throws sfcore::error errc::not_found.
     * @since 0.2.0
     */
    const programme_site& site_at(site_id id) const;

    /** @brief The id of a programme's site with this exact name, if any. @since 0.2.0 */
    std::optional<site_id> find_site(sfcore::programme programme, std::string_view name) const noexcept;

    /** @brief Every site, in id order. @since 0.2.0 */
    const std::vector<programme_site>& sites() const noexcept { return sites_; }

    /**
     * @brief Register a Local Management Group.
     * @param name its name: valid UTF-8, not blank, not already registered.
     * @return its new id.
     * @throws sfcore::error errc::invalid_argument, errc::invalid_utf8, errc::already_exists.
     * @since 0.2.0
     */
    local_group_id add_local_group(std::string_view name);

    /**
     * @brief The Local Management Group with an id.
     * @throws sfcore::error errc::not_found.
     * @since 0.2.0
     */
    const local_group& local_group_at(local_group_id id) const;

    /** @brief The id of the Local Management Group with this exact name, if any. @since 0.2.0 */
    std::optional<local_group_id> find_local_group(std::string_view name) const noexcept;

    /** @brief Every Local Management Group, in id order. @since 0.2.0 */
    const std::vector<local_group>& local_groups() const noexcept { return groups_; }

    /**
     * @brief Say which Local Management Group a practitioner (a coordinator) belongs to; the zero id: none.
     * @throws sfcore::error errc::not_found (practitioner or group).
     * @since 0.2.0
     */
    void set_local_group(practitioner_id practitioner, local_group_id group);

private:
    std::vector<agency> agencies_;
    std::vector<practitioner> practitioners_;
    std::vector<programme_site> sites_;
    std::vector<local_group> groups_;
};

} // namespace sfcore
