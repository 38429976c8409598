// HL7 FHIR R4 for Python: resources as dicts (through the json module), the
// mapping and its checks in the core (sfcore/fhir.hpp).
#include "bind.hpp"

#include "sfcore/fhir.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

using sfcore::case_file;
using sfcore::shared_case;

sfcore::fhir_links links_of(const py::object& links) {
    if (links.is_none()) return {};
    if (!py::isinstance<py::dict>(links)) throw py::type_error("links must be a dict (or None)");
    const auto text = py::module_::import("json").attr("dumps")(links).cast<std::string>();
    return sfcore::fhir_links::from_json(text);
}

py::object dict_of(const std::string& json) { return py::module_::import("json").attr("loads")(json); }

std::string text_of(const py::object& resource) {
    if (py::isinstance<py::str>(resource)) return resource.cast<std::string>();
    if (py::isinstance<py::dict>(resource)) return py::module_::import("json").attr("dumps")(resource).cast<std::string>();
    throw py::type_error("a FHIR resource is a dict (or its JSON text)");
}

} // namespace

void bind_fhir(py::module_& m, case_class& c) {
    m.attr("FHIR_BASE") = std::string(sfcore::fhir_base);
    c.def(
         "fhir_consent",
         [](const shared_case& s, std::uint32_t consent, const sfcore::agency_directory& directory, const py::object& links) {
             const auto l = links_of(links);
             return dict_of(s.read([&](const case_file& k) { return sfcore::fhir_consent(k, directory, consent, l); }));
         },
         "consent"_a, py::kw_only(), "directory"_a, "links"_a = py::none(),
         "One consent to share (its number in the case) as a FHIR R4 Consent resource (a dict): a deny base with a "
         "permit per recipient, and withdrawals and confidential marks as nested denies. links (a dict) names people, "
         "agencies and codes as other systems do, and gives members' NHI numbers. Raises ArgumentError (NOT_FOUND) "
         "for an unknown consent.")
        .def(
            "fhir_consents",
            [](const shared_case& s, sfcore::member_id member, const sfcore::agency_directory& directory,
               const py::object& links) {
                const auto l = links_of(links);
                return dict_of(s.read([&](const case_file& k) { return sfcore::fhir_consents(k, directory, member, l); }));
            },
            "member"_a, py::kw_only(), "directory"_a, "links"_a = py::none(),
            "Every consent to share of a member as a FHIR R4 Bundle (a dict) of Consent resources, in the order given.")
        .def(
            "fhir_audit_events",
            [](const shared_case& s, const sfcore::agency_directory& directory, const py::object& links) {
                const auto l = links_of(links);
                return dict_of(s.read([&](const case_file& k) { return sfcore::fhir_audit_events(k, directory, l); }));
            },
            py::kw_only(), "directory"_a, "links"_a = py::none(),
            "The journal's decisions, views, sharings without consent and declined requests as a FHIR R4 Bundle (a "
            "dict) of AuditEvents. It names whom each refusal rested on: the coordinator's log.")
        .def(
            "import_fhir_consents",
            [](shared_case& s, const py::object& resource, const sfcore::agency_directory& directory,
               const std::string& who, const sfcore::instant& when, const py::object& links) {
                const auto l = links_of(links);
                const std::string text = text_of(resource);
                return s.write([&](case_file& k) { return sfcore::import_fhir_consents(k, directory, who, when, text, l).consents; });
            },
            "resource"_a, py::kw_only(), "directory"_a, "who"_a, "when"_a, "links"_a = py::none(),
            "Import a FHIR R4 Consent (or a Bundle of them; a dict or its JSON text) into the journal at one instant: "
            "every entry it says, or none. Returns the numbers of the consents given. Whatever sfcore cannot represent "
            "exactly raises ConsentError naming the element (such as 'provision.provision[2].data'); malformed input "
            "raises DataError, and a reference to no one the case knows ArgumentError (NOT_FOUND).");
}

} // namespace sfcore_py
