/**
 * @file referral.hpp
 * @brief A referral: how a family comes to a programme.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/detail/fields.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/**
 * @brief A referral of a family to a programme.
 *
 * Any agency can refer a family; a family can refer itself. A referral by an
 * agency names the agency (and may name the practitioner); a self-referral
 * names none.
 * @since 0.1.0
 */
struct referral {
    referral_source source = referral_source::family;  ///< Who referred.
    std::optional<agency_id> agency;                   ///< The referring agency; set exactly when source is agency.
    std::string practitioner;                          ///< The referring practitioner's name, if given (UTF-8).
    sfcore::date received;                             ///< The date the referral was received.
    std::string family_name;                           ///< How the family is known, e.g. "Te Rangi whānau" (UTF-8).
    std::vector<std::string> reasons;                  ///< Why the family was referred (UTF-8), in the referrer's words.
    sfcore::programme programme = programme::strengthening_families;  ///< The programme referred to.
    /**
     * @brief The site (Intensive Intervention, e.g. "Ōtāhuhu") or team (Children's
     * Teams), by its name in the directory's registry of the referral's programme;
     * required for Intensive Intervention, empty for Strengthening Families (UTF-8).
     * @since 0.1.0 (checked against the registry since 0.2.0)
     */
    std::string site;
    /** @brief The Local Management Group the case belongs to (see agency_directory::add_local_group()). @since 0.2.0 */
    std::optional<local_group_id> local_group;
    SFCORE_VALUE(referral, x.source, x.agency, x.practitioner, x.received, x.family_name, x.reasons, x.programme, x.site, x.local_group)
};

/**
 * @brief Check a referral against a directory.
 * @return the referral with its text and date checked.
 * @throws sfcore::error errc::invalid_argument (agency missing for an
 *         agency referral, or given for a self-referral, blank family name),
 *         errc::not_found (agency, site or Local Management Group not in the
 *         directory; a site that is not one of the programme's), errc::invalid_utf8,
 *         errc::out_of_range (date).
 * @since 0.1.0
 */
referral checked(const referral& r, const agency_directory& directory);

} // namespace sfcore
