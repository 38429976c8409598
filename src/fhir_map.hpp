// HL7 FHIR R4: the one table of code systems, naming systems and codes that
// both directions use (fhir_out.cpp writes resources, fhir_in.cpp reads
// them), and the rule both apply to withdrawals.
#pragma once

#include <algorithm>
#include <string>

#include "sfcore/fhir.hpp"

namespace sfcore {

namespace fhir_map {
inline const std::string base{fhir_base};
inline const std::string category_system = base + "/CodeSystem/category";
inline const std::string purpose_system = base + "/CodeSystem/purpose";
inline const std::string legal_basis_system = base + "/CodeSystem/legal-basis";
inline const std::string entry_type_system = base + "/CodeSystem/entry-type";
inline const std::string agency_ids = base + "/NamingSystem/agency";
inline const std::string practitioner_ids = base + "/NamingSystem/practitioner";
inline const std::string member_ids = base + "/NamingSystem/member";  // "<case>/<member>"
inline const std::string consent_ids = base + "/NamingSystem/consent";  // "<case>/<consent>"
inline const std::string entry_ids = base + "/NamingSystem/journal-entry";  // "<case>/<seq>"
inline const std::string user_ids = base + "/NamingSystem/user";
inline const std::string mark_extension = base + "/StructureDefinition/confidential-mark";
inline const std::string child_views_extension = base + "/StructureDefinition/child-views";
inline const std::string form_prefix = "urn:sfcore:consent-form:";
constexpr const char* nhi_system = "https://standards.digital.health.nz/ns/nhi-id";
constexpr const char* act_code = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
constexpr const char* participation = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
constexpr const char* consent_action = "http://terminology.hl7.org/CodeSystem/consentaction";
constexpr const char* consent_scope_system = "http://terminology.hl7.org/CodeSystem/consentscope";
constexpr const char* loinc = "http://loinc.org";
constexpr const char* dicom = "http://dicom.nema.org/resources/ontology/DCM";
constexpr const char* entity_type = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
constexpr const char* object_role = "http://terminology.hl7.org/CodeSystem/object-role";
constexpr const char* source_type = "http://terminology.hl7.org/CodeSystem/security-source-type";

// The standard v3 sensitivity label a category is, where it is one (in the
// same CodeableConcept as sfcore's code, and read back alone).
struct sensitivity {
    category what;
    const char* code;
    const char* display;
};
constexpr sensitivity sensitivities[] = {
    {category::mental_health, "MH", "mental health information sensitivity"},
    {category::addiction, "SUD", "substance use disorder information sensitivity"},
    {category::family_violence, "SDV", "sexual assault, abuse, or domestic violence information sensitivity"},
};

// A withdrawal narrows a consent when it names no recipient, or one the
// consent names (an agency's withdrawal takes in its practitioners; a
// practitioner's, that practitioner's share of a consent to the agency), and
// no category or one the consent names.
inline bool narrows(const sharing_withdrawal& w, const consent_scope& s) {
    if (w.from_process) return true;
    const bool to = !w.recipient || std::any_of(s.recipients.begin(), s.recipients.end(), [&](const recipient& r) {
                        return w.recipient->covers(r) || r.covers(*w.recipient);
                    });
    return to && (!w.what || (s.categories & bit(*w.what)));
}

} // namespace fhir_map
} // namespace sfcore
