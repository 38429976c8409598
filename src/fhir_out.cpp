// HL7 FHIR R4 out: consents to share as Consent resources, the access log
// and sharings as AuditEvents, written with nlohmann::ordered_json (the
// elements in the specification's order).
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "fhir_map.hpp"
#include "sfcore/error.hpp"

namespace sfcore {
namespace {

using fhir_map::narrows;
using out_json = nlohmann::ordered_json;

out_json coding(const std::string& system, const std::string& code, const std::string& display = {}) {
    out_json c{{"system", system}, {"code", code}};
    if (!display.empty()) c["display"] = display;
    return c;
}

out_json concept_of(const out_json& one) { return out_json{{"coding", out_json::array({one})}}; }

out_json category_concept(const category_registry& reg, category c) {
    out_json codings = out_json::array({coding(fhir_map::category_system, reg.name(c), reg.label(c))});
    for (const auto& s : fhir_map::sensitivities)
        if (s.what == c) codings.push_back(coding(fhir_map::act_code, s.code, s.display));
    return out_json{{"coding", std::move(codings)}};
}

out_json identifier_ref(const char* type, const std::string& system, const std::string& value, const std::string& display) {
    out_json r{{"type", type}, {"identifier", {{"system", system}, {"value", value}}}};
    if (!display.empty()) r["display"] = display;
    return r;
}

std::string member_value(const case_file& c, member_id m) {
    return std::to_string(c.id().value()) + "/" + std::to_string(m.value());
}

out_json person_ref(const case_file& c, member_id m, const char* type, const fhir_links& links) {
    const auto& who = c.member_at(m);
    if (const auto n = links.nhi.find(m); n != links.nhi.end() && std::string_view(type) == "Patient")
        return identifier_ref(type, fhir_map::nhi_system, n->second, who.name);
    return identifier_ref(type, fhir_map::member_ids, member_value(c, m), who.name);
}

out_json recipient_ref(const agency_directory& d, const recipient& r) {
    if (r.practitioner)
        return identifier_ref("Practitioner", fhir_map::practitioner_ids, std::to_string(r.practitioner.value()),
                              d.practitioner_at(r.practitioner).name);
    const agency* a = d.find(r.agency);
    return identifier_ref("Organization", fhir_map::agency_ids, std::to_string(r.agency.value()), a ? a->name : "");
}

out_json actor_of(const agency_directory& d, const recipient& r) {
    return out_json{{"role", concept_of(coding(fhir_map::participation, "IRCP", "information recipient"))},
                    {"reference", recipient_ref(d, r)}};
}

out_json disclose_action() {
    return out_json::array({concept_of(coding(fhir_map::consent_action, "disclose", "Disclose"))});
}

out_json deny_from(const instant& start) {
    return out_json{{"type", "deny"}, {"period", {{"start", to_iso(start)}}}, {"action", disclose_action()}};
}

std::string percent_encode(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
            out += static_cast<char>(ch);
        } else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}


out_json consent_resource(const case_file& c, const agency_directory& d, std::uint32_t id, const fhir_links& links) {
    const auto& all = c.disclosure().consents();
    if (id == 0 || id > all.size()) throw error(errc::not_found, "no consent " + std::to_string(id) + " in the case");
    const sharing_consent& k = all[id - 1];
    const auto& g = k.given;
    const auto& reg = c.disclosure().categories();

    out_json codes = out_json::array();
    for (std::size_t i = 0; i < reg.size(); ++i)
        if (g.scope.categories & bit(static_cast<category>(i))) codes.push_back(category_concept(reg, static_cast<category>(i)));
    out_json purposes = out_json::array();
    for (const auto& row : purpose_table)
        if (g.scope.purposes & bit(row.value)) purposes.push_back(coding(fhir_map::purpose_system, row.name, row.label));
    const out_json period{{"start", to_iso(g.scope.from)}, {"end", to_iso(g.scope.until)}};

    out_json nested = out_json::array();
    for (const auto& r : g.scope.recipients)
        nested.push_back(out_json{{"type", "permit"},
                                  {"period", period},
                                  {"action", disclose_action()},
                                  {"actor", out_json::array({actor_of(d, r)})},
                                  {"purpose", purposes},
                                  {"code", codes}});
    bool whole = false;
    for (const auto& w : c.disclosure().withdrawals()) {
        if (w.subject != g.subject || w.seq < k.seq || !narrows(w, g.scope)) continue;
        out_json p = deny_from(w.at);
        if (w.recipient && !w.from_process) p["actor"] = out_json::array({actor_of(d, *w.recipient)});
        if (w.what && !w.from_process) p["code"] = out_json::array({category_concept(reg, *w.what)});
        whole = whole || w.from_process || (!w.recipient && !w.what);
        nested.push_back(std::move(p));
    }
    // The person's confidential marks (every category: a mark decides before
    // any consent is read) that stood while the consent was on record: [marked, lifted).
    std::map<category, instant> open_marks;
    auto close_mark = [&](category what, const instant* lifted) {
        out_json p = deny_from(open_marks.at(what));
        if (lifted) p["period"]["end"] = to_iso(*lifted);
        p["code"] = out_json::array({category_concept(reg, what)});
        p["extension"] = out_json::array({{{"url", fhir_map::mark_extension}, {"valueBoolean", true}}});
        nested.push_back(std::move(p));
        open_marks.erase(what);
    };
    for (const event* e : c.entries(event_type::confidential_marked)) {
        const auto& m = std::get<confidential_marked>(e->payload);
        if (m.subject != g.subject) continue;
        if (m.confidential) {
            open_marks.emplace(m.what, e->when);
        } else if (open_marks.count(m.what)) {
            if (e->seq > k.seq) close_mark(m.what, &e->when);
            else open_marks.erase(m.what);
        }
    }
    while (!open_marks.empty()) close_mark(open_marks.begin()->first, nullptr);

    out_json extensions = out_json::array();
    if (links.child_views && !g.child_views.empty())
        extensions.push_back({{"url", fhir_map::child_views_extension}, {"valueString", g.child_views}});
    out_json performer = g.given_by == g.subject ? person_ref(c, g.subject, "Patient", links)
                                                 : person_ref(c, g.given_by, "RelatedPerson", links);
    out_json r{
        {"resourceType", "Consent"},
        {"id", "case-" + std::to_string(c.id().value()) + "-consent-" + std::to_string(id)}};
    if (!extensions.empty()) r["extension"] = std::move(extensions);
    r.update(out_json{
        {"identifier", out_json::array({{{"system", fhir_map::consent_ids},
                                         {"value", std::to_string(c.id().value()) + "/" + std::to_string(id)}}})},
        {"status", whole ? "inactive" : "active"},
        {"scope", concept_of(coding(fhir_map::consent_scope_system, "patient-privacy", "Privacy Consent"))},
        {"category", out_json::array({concept_of(coding(fhir_map::loinc, "59284-0", "Patient Consent"))})},
        {"patient", person_ref(c, g.subject, "Patient", links)},
        {"dateTime", to_iso(g.signed_on)},
        {"performer", out_json::array({std::move(performer)})},
        {"policy", out_json::array({{{"uri", fhir_map::form_prefix + percent_encode(g.form_version)}}})},
        {"policyRule", concept_of(coding(fhir_map::act_code, "OPTIN", "opt-in"))},
        {"provision",
         {{"type", "deny"}, {"period", period}, {"action", disclose_action()}, {"provision", std::move(nested)}}}});
    return r;
}

out_json bundle_of(out_json resources) {
    out_json entries = out_json::array();
    for (auto& r : resources) entries.push_back(out_json{{"resource", std::move(r)}});
    return out_json{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}};
}
} // namespace

std::string fhir_consent(const case_file& c, const agency_directory& directory, std::uint32_t consent,
                         const fhir_links& links) {
    return consent_resource(c, directory, consent, links).dump();
}

std::string fhir_consents(const case_file& c, const agency_directory& directory, member_id subject,
                          const fhir_links& links) {
    c.member_at(subject);
    out_json all = out_json::array();
    const auto& consents = c.disclosure().consents();
    for (std::size_t i = 0; i < consents.size(); ++i)
        if (consents[i].given.subject == subject)
            all.push_back(consent_resource(c, directory, static_cast<std::uint32_t>(i + 1), links));
    return bundle_of(std::move(all)).dump();
}

std::string fhir_audit_events(const case_file& c, const agency_directory& d, const fhir_links& links) {
    const auto& reg = c.disclosure().categories();
    const std::string case_text = std::to_string(c.id().value());
    out_json events = out_json::array();
    auto agent = [&](const recipient& r, const char* role, const char* display, bool requestor) {
        return out_json{{"type", concept_of(coding(fhir_map::participation, role, display))},
                        {"who", recipient_ref(d, r)},
                        {"requestor", requestor}};
    };
    for (const auto& e : c.journal()) {
        out_json agents = out_json::array(), entities = out_json::array(), details = out_json::array(), purposes;
        const char* outcome = "0";
        std::string outcome_text;
        std::vector<member_id> subjects;
        std::optional<category> what;
        auto detail = [&](const char* type, const std::string& value) {
            details.push_back(out_json{{"type", type}, {"valueString", value}});
        };
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, disclosure_decided>) {
                    agents.push_back(agent(p.recipient, "IRCP", "information recipient", true));
                    if (p.discloser.agency) agents.push_back(agent(p.discloser, "CST", "custodian", false));
                    subjects = p.subjects;
                    what = p.what;
                    purposes = out_json::array({concept_of(coding(fhir_map::purpose_system, to_string(p.why), label(p.why)))});
                    outcome = p.permit ? "0" : "4";
                    outcome_text = label(p.rule);
                    detail("rule", to_string(p.rule));
                    if (!p.permit) detail("refused-for-member", std::to_string(p.subject.value()));
                    if (p.consent) detail("consent", std::to_string(p.consent));
                } else if constexpr (std::is_same_v<T, identified_extract>) {
                    // Every member the case had then: each one's identified details went.
                    for (const auto& before : c.journal()) {
                        if (before.seq >= e.seq) break;
                        if (std::holds_alternative<member_added>(before.payload))
                            subjects.push_back(member_id{static_cast<std::uint32_t>(subjects.size() + 1)});
                    }
                    outcome_text = "identified " + p.table + " table extracted for analysis";
                    detail("table", p.table);
                    detail("purpose", p.purpose);
                } else if constexpr (std::is_same_v<T, view_shown>) {
                    agents.push_back(agent(p.recipient, "IRCP", "information recipient", true));
                    purposes = out_json::array({concept_of(coding(fhir_map::purpose_system, to_string(p.why), label(p.why)))});
                    for (const auto& item : p.shown)
                        for (auto s : item.subjects)
                            if (std::find(subjects.begin(), subjects.end(), s) == subjects.end()) subjects.push_back(s);
                    outcome_text = std::to_string(p.shown.size()) + " of " + std::to_string(p.offered) + " items shown";
                    detail("items-offered", std::to_string(p.offered));
                    detail("items-shown", std::to_string(p.shown.size()));
                } else if constexpr (std::is_same_v<T, shared_without_consent>) {
                    agents.push_back(agent(p.recipient, "IRCP", "information recipient", false));
                    if (p.discloser.agency) agents.push_back(agent(p.discloser, "CST", "custodian", false));
                    subjects = p.subjects;
                    what = p.what;
                    purposes = out_json::array({concept_of(coding(fhir_map::legal_basis_system, to_string(p.basis), label(p.basis)))});
                    outcome_text = std::string("shared without consent under ") + label(p.basis);
                    if (!p.approver.empty()) detail("approved-by", p.approver);
                    detail("family-told", p.family_told ? "yes" : "no");
                } else if constexpr (std::is_same_v<T, request_declined>) {
                    if (p.requester.agency) agents.push_back(agent(p.requester, "IRCP", "information recipient", true));
                    subjects = p.subjects;
                    what = p.what;
                    purposes = out_json::array({concept_of(coding(fhir_map::legal_basis_system, to_string(p.basis), label(p.basis)))});
                    outcome = "4";
                    outcome_text = "request declined";
                    for (const auto& reason : p.reasons) detail("reason", reason);
                }
            },
            e.payload);
        if (outcome_text.empty()) continue;
        agents.push_back(out_json{{"type", concept_of(coding(fhir_map::participation, "ENT", "data entry person"))},
                                  {"who", {{"identifier", {{"system", fhir_map::user_ids}, {"value", e.who}}}}},
                                  {"requestor", false}});
        for (auto s : subjects)
            entities.push_back(out_json{{"what", person_ref(c, s, "Patient", links)},
                                        {"type", coding(fhir_map::entity_type, "1", "Person")},
                                        {"role", coding(fhir_map::object_role, "1", "Patient")}});
        out_json record{{"what", {{"identifier", {{"system", fhir_map::entry_ids}, {"value", case_text + "/" + std::to_string(e.seq)}}}}},
                        {"type", coding(fhir_map::entity_type, "2", "System Object")}};
        if (what) record["securityLabel"] = category_concept(reg, *what)["coding"];
        if (!details.empty()) record["detail"] = std::move(details);
        entities.push_back(std::move(record));
        out_json ev{{"resourceType", "AuditEvent"},
                    {"id", "case-" + case_text + "-entry-" + std::to_string(e.seq)},
                    {"type", coding(fhir_map::dicom, "110106", "Export")},
                    {"subtype", out_json::array({coding(fhir_map::entry_type_system, to_string(e.type()), label(e.type()))})},
                    {"action", "E"},
                    {"period", {{"start", to_iso(e.when)}, {"end", to_iso(e.when)}}},
                    {"recorded", to_iso(e.recorded)},
                    {"outcome", outcome},
                    {"outcomeDesc", outcome_text}};
        if (!purposes.is_null()) ev["purposeOfEvent"] = std::move(purposes);
        ev["agent"] = std::move(agents);
        ev["source"] = out_json{{"site", "sfcore case " + case_text},
                                {"observer", {{"display", "sfcore"}}},
                                {"type", out_json::array({coding(fhir_map::source_type, "4", "Application Server")})}};
        ev["entity"] = std::move(entities);
        events.push_back(std::move(ev));
    }
    return bundle_of(std::move(events)).dump();
}

} // namespace sfcore
