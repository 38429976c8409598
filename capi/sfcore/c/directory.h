/**
 * @file sfcore/c/directory.h
 * @brief The agency directory: the twelve government agencies, the NGOs, iwi and community organisations a host adds, and their practitioners.
 */
#ifndef SFCORE_C_DIRECTORY_H
#define SFCORE_C_DIRECTORY_H

#include "sfcore/c/enums.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A new directory holding the standard agencies (#sf_standard_agency).
 * @param[out] out receives the directory; the caller frees it with sf_directory_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_new(sf_directory **out);

/**
 * @brief Free a directory. NULL is allowed and does nothing.
 * @since 0.1.0
 */
SF_API void sf_directory_free(sf_directory *dir);

/**
 * @brief Add an agency (an NGO, iwi or community organisation, or another government agency).
 * @param[out] out_id receives the new agency's id.
 * @param dir the directory.
 * @param name the agency's name: UTF-8, not blank, not already present.
 * @param kind an #sf_agency_kind.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_EEXISTS.
 * @since 0.1.0
 */
SF_API int sf_directory_add_agency(uint32_t *out_id, sf_directory *dir, const char *name, int kind);

/**
 * @brief Find an agency by its exact name, current or former (a referral naming "District Health Boards" finds Health New Zealand | Te Whatu Ora).
 * @param[out] out_id receives its id.
 * @param dir the directory.
 * @param name the name (UTF-8).
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_find_agency(uint32_t *out_id, const sf_directory *dir, const char *name);

/**
 * @brief The name of an agency.
 * @param[out] out receives the name, owned by the directory and valid until it is changed or freed.
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_agency_name(const char **out, const sf_directory *dir, uint32_t agency_id);

/**
 * @brief An agency's kind and whether it is a child welfare and protection
 * agency (Oranga Tamariki Act 1989 s2), which s66C sharing needs on both sides.
 * @param[out] out_kind receives an #sf_agency_kind (may be NULL).
 * @param[out] out_child_welfare receives 1 or 0 (may be NULL).
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @return #SF_OK; #SF_ENULLARG (dir); #SF_ENOTFOUND.
 * @since 0.2.0
 */
SF_API int sf_directory_agency_info(int *out_kind, int *out_child_welfare, const sf_directory *dir, uint32_t agency_id);

/**
 * @brief A name an agency had before, oldest first: index 0, 1, … until #SF_ENOTFOUND.
 * @param[out] out receives the name, owned by the directory and valid until it is changed or freed.
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @param index which former name.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (no such agency, or no name at that index).
 * @since 0.2.0
 */
SF_API int sf_directory_agency_former_name(const char **out, const sf_directory *dir, uint32_t agency_id, size_t index);

/**
 * @brief Give an agency a new name; the old one is kept as a former name and still finds it.
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @param name the new name: UTF-8, not blank, not another agency's name.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_ENOTFOUND; #SF_EEXISTS.
 * @since 0.2.0
 */
SF_API int sf_directory_rename_agency(sf_directory *dir, uint32_t agency_id, const char *name);

/**
 * @brief Say whether an agency is a child welfare and protection agency (an
 * independent person s66C allows may be entered as an agency and marked so).
 * @param dir the directory.
 * @param agency_id the agency's id.
 * @param child_welfare 1 or 0.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_EINVAL (not 0 or 1).
 * @since 0.2.0
 */
SF_API int sf_directory_set_child_welfare(sf_directory *dir, uint32_t agency_id, int child_welfare);

/**
 * @brief Add a practitioner who works for an agency.
 * @param[out] out_id receives the practitioner's id.
 * @param dir the directory.
 * @param agency_id the agency.
 * @param name the practitioner's name (UTF-8, not blank).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (agency); #SF_EINVAL; #SF_EUTF8.
 * @since 0.1.0
 */
SF_API int sf_directory_add_practitioner(uint32_t *out_id, sf_directory *dir, uint32_t agency_id, const char *name);

/**
 * @brief A practitioner's name and agency.
 * @param[out] out_name receives the name, owned by the directory (valid until it is changed or freed).
 * @param[out] out_agency_id receives the agency's id. May be NULL.
 * @param dir the directory.
 * @param practitioner_id the practitioner.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.1.0
 */
SF_API int sf_directory_practitioner(const char **out_name, uint32_t *out_agency_id, const sf_directory *dir,
                                     uint32_t practitioner_id);

/**
 * @brief How many agencies and practitioners the directory holds (ids run from 1 to the count).
 * @param[out] out_agencies receives the number of agencies.
 * @param[out] out_practitioners receives the number of practitioners. May be NULL.
 * @param dir the directory.
 * @return #SF_OK; #SF_ENULLARG.
 * @since 0.1.0
 */
SF_API int sf_directory_counts(size_t *out_agencies, size_t *out_practitioners, const sf_directory *dir);

/**
 * @brief Register a site of Intensive Intervention or a team of Children's Teams
 * (a new directory holds the four Intensive Intervention sites, with no targets set).
 * @param[out] out_id receives its id (ids run from 1 to sf_directory_site_count()).
 * @param dir the directory.
 * @param programme #SF_PROGRAMME_INTENSIVE_INTERVENTION or #SF_PROGRAMME_CHILDRENS_TEAM.
 * @param name its name (UTF-8, not blank, not already a site of the programme).
 * @param target_families families it aims to work with (0: not set; up to 100000).
 * @param target_children children it aims to work with (0: not set; up to 100000).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8; #SF_EEXISTS; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_directory_add_site(uint32_t *out_id, sf_directory *dir, int programme, const char *name,
                                 int target_families, int target_children);
/** @brief Set a site's targets (0: not set). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND; #SF_ERANGE. @since 0.2.0 */
SF_API int sf_directory_set_site_targets(sf_directory *dir, uint32_t site_id, int target_families, int target_children);
/**
 * @brief A site: its name (owned by the directory until it changes or is freed), programme and targets. Outputs but @p out_name may be NULL.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.2.0
 */
SF_API int sf_directory_site(const char **out_name, int *out_programme, int *out_target_families, int *out_target_children,
                             const sf_directory *dir, uint32_t site_id);
/** @brief How many sites the directory holds. @return #SF_OK; #SF_ENULLARG. @since 0.2.0 */
SF_API int sf_directory_site_count(size_t *out, const sf_directory *dir);
/**
 * @brief Register a Local Management Group.
 * @param[out] out_id receives its id (ids run from 1 to sf_directory_local_group_count()).
 * @param dir the directory.
 * @param name its name (UTF-8, not blank, not already registered).
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_EUTF8; #SF_EEXISTS.
 * @since 0.2.0
 */
SF_API int sf_directory_add_local_group(uint32_t *out_id, sf_directory *dir, const char *name);
/** @brief A Local Management Group's name (owned by the directory). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.2.0 */
SF_API int sf_directory_local_group(const char **out_name, const sf_directory *dir, uint32_t local_group_id);
/** @brief How many Local Management Groups the directory holds. @return #SF_OK; #SF_ENULLARG. @since 0.2.0 */
SF_API int sf_directory_local_group_count(size_t *out, const sf_directory *dir);
/**
 * @brief Say which Local Management Group a practitioner (a coordinator) belongs to (0: none).
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND.
 * @since 0.2.0
 */
SF_API int sf_directory_set_local_group(sf_directory *dir, uint32_t practitioner_id, uint32_t local_group_id);
/** @brief The Local Management Group a practitioner belongs to (0: none). @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND. @since 0.2.0 */
SF_API int sf_directory_practitioner_group(uint32_t *out, const sf_directory *dir, uint32_t practitioner_id);

/**
 * @brief Save the directory as an archive.
 * @param[out] out_data receives the bytes; free them with sf_free().
 * @param[out] out_size receives their number.
 * @param dir the directory.
 * @param encoding an #sf_encoding.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_save(uint8_t **out_data, size_t *out_size, const sf_directory *dir, int encoding);

/**
 * @brief Load a directory from an archive.
 * @param[out] out receives the directory; free it with sf_directory_free().
 * @param data the archive's bytes.
 * @param size their number.
 * @return #SF_OK; #SF_ENULLARG; #SF_EMALFORMED; #SF_EVERSION; #SF_ECHECKSUM; #SF_ENOMEM.
 * @since 0.1.0
 */
SF_API int sf_directory_load(sf_directory **out, const uint8_t *data, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_DIRECTORY_H */
