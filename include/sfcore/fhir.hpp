/**
 * @file fhir.hpp
 * @brief HL7 FHIR R4: a person's consents to share out and in as `Consent`
 * resources, and the case's access log and sharings out as `AuditEvent`s.
 *
 * **Consent out.** Each consent to share becomes one `Consent` (JSON): a
 * `deny` base provision (nothing is shared unless a nested provision permits
 * it) with one `permit` provision per recipient — an `Organization` for a
 * whole agency, a `Practitioner` for a named worker — naming the categories
 * (`code`), the purposes (`purpose`) and the period (whole New Zealand
 * days). What later narrowed it are nested `deny` provisions from an instant
 * on: each withdrawal (in part, or whole, which also makes the status
 * `inactive`) and each confidential mark of the person's information. The
 * `policy` is the consent form's version; `performer` is who gave it (the
 * person, or a `RelatedPerson` for a parent or caregiver). A child's own
 * words go out only when asked for (fhir_links::child_views). The mapping, element by element, is the table
 * on the guide's FHIR page, and the same table reads resources back.
 *
 * **Consent in.** import_fhir_consents() reads a `Consent` (or a `Bundle`
 * of them, in order) and appends what it says to the case's journal as
 * sharing_consent_given, sharing_consent_withdrawn and confidential_marked
 * entries at one instant — all of them, or none when anything is refused.
 * Whatever sfcore cannot represent exactly (an opt-out policy, a permit with
 * no named recipient, a code it does not know, a period with a time of day,
 * a `data` or `class` restriction, a withdrawal in the future…) is refused
 * with an error naming the element, such as `provision.provision[2].data`;
 * nothing is approximated. The case's journal is in time order, so an
 * imported consent counts from the instant it is imported, and a withdrawal
 * or mark that had begun by then takes effect at that instant.
 *
 * **AuditEvent out.** fhir_audit_events() gives every decision, view,
 * sharing without consent, declined request and identified extract of the journal as an
 * `AuditEvent` in a `Bundle`: who, what, for whom, when, the outcome and the
 * rule or the section of the law. It is the coordinator's log (it names the
 * subject a refusal rested on): give it only to those who may read the
 * journal itself.
 *
 * JSON is read with nlohmann::json inside the library (never part of this
 * interface); input is limited to 16 MiB, strings to 64 KiB and nesting to
 * 64 levels, and invalid UTF-8 is refused.
 */
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/case.hpp"

namespace sfcore {

/**
 * @brief How FHIR names the case's people, agencies and kinds of
 * information, beyond sfcore's own identifiers (which are always understood).
 * @since 0.3.0
 */
struct fhir_links {
    /**
     * @brief A reference's target: a literal reference ("Patient/f001",
     * "Organization/f001", "RelatedPerson/peter") or an identifier written
     * "system|value", to a member, agency or practitioner.
     * @since 0.3.0
     */
    std::map<std::string, party, std::less<>> references;
    /** @brief More codes for categories: "system|code" to a category. @since 0.3.0 */
    std::map<std::string, category, std::less<>> codes;
    /** @brief Members' National Health Index numbers: exported as the patient's identifier, and read back. @since 0.3.0 */
    std::map<member_id, std::string> nhi;
    /**
     * @brief Export a child's own views, given with a consent a parent or
     * caregiver gave for them, as the Consent's extension
     * `<fhir_base>/StructureDefinition/child-views` (read back on import).
     * Off by default: they are the child's words, for those the child's
     * consent is shared with only when the family agrees.
     * @since 0.3.0
     */
    bool child_views = false;

    /**
     * @brief Links from JSON (the C ABI's and Python's form):
     * `{"references": {"Patient/f001": {"member": 1}, "Organization/f001": {"agency": 2},
     * "Practitioner/13": {"practitioner": 4}}, "codes": {"http://loinc.org|18842-5": "health"},
     * "nhi": {"1": "ZZZ0016"}, "child_views": true}`; every key may be left out.
     * @throws sfcore::error errc::malformed for JSON that does not say this;
     *         errc::invalid_argument for an unknown category or an NHI number that does not check.
     * @since 0.3.0
     */
    static fhir_links from_json(std::string_view json);
};

/** @brief The base of sfcore's code systems and naming systems ("<base>/CodeSystem/category", …). @since 0.3.0 */
inline constexpr std::string_view fhir_base = "https://sfcore.nz/fhir";

/**
 * @brief One consent to share (@p consent, its number in the case: 1, 2,
 * 3…) as a FHIR R4 `Consent` (JSON), as it stands now.
 * @throws sfcore::error errc::not_found for an unknown consent.
 * @since 0.3.0
 */
std::string fhir_consent(const case_file& c, const agency_directory& directory, std::uint32_t consent,
                         const fhir_links& links = {});

/**
 * @brief Every consent to share of one person, as a FHIR R4 `Bundle` (type
 * `collection`) of `Consent` resources in the order given.
 * @throws sfcore::error errc::not_found for an unknown member.
 * @since 0.3.0
 */
std::string fhir_consents(const case_file& c, const agency_directory& directory, member_id subject,
                          const fhir_links& links = {});

/**
 * @brief The journal's decisions, views, sharings without consent and
 * declined requests as a FHIR R4 `Bundle` (type `collection`) of `AuditEvent`s.
 * @since 0.3.0
 */
std::string fhir_audit_events(const case_file& c, const agency_directory& directory, const fhir_links& links = {});

/**
 * @brief The journal entries a `Consent` (or a `Bundle` of them) would
 * append at @p when, read and checked without changing the case.
 * @throws sfcore::error errc::malformed (not JSON, not FHIR R4, too large,
 *         too deep), errc::invalid_consent (FHIR that sfcore cannot represent
 *         exactly), each naming the element; errc::not_found for a reference
 *         to no one the case knows.
 * @since 0.3.0
 */
std::vector<event_payload> fhir_consent_entries(const case_file& c, const agency_directory& directory,
                                                std::string_view json, instant when, const fhir_links& links = {});

/** @brief What an import appended. @since 0.3.0 */
struct fhir_import {
    std::vector<std::uint32_t> consents;  ///< The consents given, by their numbers in the case.
    std::vector<std::uint64_t> entries;   ///< Every journal entry appended, in order.
};

/**
 * @brief Import a `Consent` (or a `Bundle` of them) into the case's journal:
 * every entry fhir_consent_entries() gives, all recorded at @p when by @p who,
 * or none.
 * @throws sfcore::error as fhir_consent_entries(), or when the case refuses
 *         an entry (errc::transition_refused with its reason); nothing is appended then.
 * @since 0.3.0
 */
fhir_import import_fhir_consents(case_file& c, const agency_directory& directory, std::string_view who,
                                 instant when, std::string_view json, const fhir_links& links = {});

} // namespace sfcore
