// HL7 FHIR R4 in: a Consent (or a Bundle of them) read exactly into the
// case's journal entries, or refused naming the element; and the links that
// name other systems' people, agencies and codes. JSON is parsed by
// nlohmann::json under limits of size, string length and depth.
#include <cctype>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "fhir_map.hpp"
#include "sfcore/error.hpp"
#include "sfcore/identifiers.hpp"
#include "sfcore/text.hpp"

namespace sfcore {
namespace {

using fhir_map::narrows;
using in_json = nlohmann::json;

constexpr std::size_t max_input = 16u << 20;
constexpr std::size_t max_string = 64u << 10;
constexpr int max_depth = 64;

in_json parse(std::string_view text) {
    if (text.size() > max_input)
        throw error(errc::malformed, "the JSON is larger than 16 MiB (" + std::to_string(text.size()) + " bytes)");
    if (!is_valid_utf8(text)) throw error(errc::invalid_utf8, "the JSON is not valid UTF-8");
    in_json::parser_callback_t limit = [](int depth, in_json::parse_event_t ev, in_json& v) {
        if (depth > max_depth) throw error(errc::malformed, "the JSON is nested deeper than 64 levels");
        if (ev == in_json::parse_event_t::value && v.is_string() && v.get_ref<const std::string&>().size() > max_string)
            throw error(errc::malformed, "the JSON holds a string longer than 64 KiB");
        return true;
    };
    try {
        return in_json::parse(text.begin(), text.end(), limit);
    } catch (const in_json::exception& e) {
        throw error(errc::malformed, std::string("not JSON: ") + e.what());
    }
}

// A JSON value and where it is, for errors that name the element.
struct node {
    const in_json& j;
    std::string path;

    [[noreturn]] void refuse(const std::string& why, errc code = errc::invalid_consent) const {
        throw error(code, (path.empty() ? std::string("the resource") : path) + ": " + why);
    }
    [[noreturn]] void malformed(const std::string& why) const { refuse(why, errc::malformed); }
    std::string at(std::string_view key) const { return path.empty() ? std::string(key) : path + "." + std::string(key); }
    bool has(const char* key) const { return j.contains(key); }
    // Where an element would be, for refusing its absence.
    node slot(const char* key) const { return node{j, at(key)}; }
    node get(const char* key) const {
        auto it = j.find(key);
        if (it == j.end()) node{j, at(key)}.refuse("required here", errc::malformed);
        return node{*it, at(key)};
    }
    node object(const char* key) const {
        node n = get(key);
        if (!n.j.is_object()) n.malformed("not a JSON object");
        return n;
    }
    std::vector<node> list(const char* key) const {
        std::vector<node> out;
        auto it = j.find(key);
        if (it == j.end()) return out;
        if (!it->is_array()) node{*it, at(key)}.malformed("not a JSON array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            node e{(*it)[i], at(key) + "[" + std::to_string(i) + "]"};
            if (!e.j.is_object()) e.malformed("not a JSON object");
            out.push_back(e);
        }
        return out;
    }
    std::string text(const char* key) const {
        node n = get(key);
        if (!n.j.is_string()) n.malformed("not a string");
        return n.j.get<std::string>();
    }
    std::string text_or(const char* key, std::string fallback) const { return has(key) ? text(key) : fallback; }
    bool truth_or(const char* key, bool fallback) const {
        if (!has(key)) return fallback;
        node n = get(key);
        if (!n.j.is_boolean()) n.malformed("not true or false");
        return n.j.get<bool>();
    }
    // Elements sfcore has no place for: refused (nothing is approximated).
    void refuse_any(std::initializer_list<const char*> keys, const char* why) const {
        for (const char* k : keys)
            if (has(k)) node{j[k], at(k)}.refuse(why);
    }
};

int digits(std::string_view s, std::size_t at, std::size_t n, const node& where) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') where.malformed("not a FHIR date or dateTime: \"" + std::string(s) + "\"");
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

date date_at(std::string_view s, const node& where) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') {
        if (s.size() == 4 || s.size() == 7) where.refuse("a partial date (\"" + std::string(s) + "\") is not a day");
        where.malformed("not a FHIR date: \"" + std::string(s) + "\"");
    }
    try {
        return checked_date(make_date(digits(s, 0, 4, where), digits(s, 5, 2, where), digits(s, 8, 2, where)));
    } catch (const error& e) {
        where.refuse(e.what(), errc::out_of_range);
    }
}

// A whole New Zealand day: "YYYY-MM-DD" and nothing more.
date day_of(const node& n) {
    if (!n.j.is_string()) n.malformed("not a string");
    const auto s = n.j.get<std::string>();
    const date d = date_at(s, n);
    if (s.size() != 10) n.refuse("consent periods are whole days: a time of day (\"" + s + "\") is not represented");
    return d;
}

// An instant: a dateTime with its time and zone, or a date (00:00 New Zealand time).
instant instant_of_node(const node& n) {
    if (!n.j.is_string()) n.malformed("not a string");
    const auto s = n.j.get<std::string>();
    const date d = date_at(s, n);
    if (s.size() == 10) return nz_time(d, 0, 0);
    if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') n.malformed("not a FHIR dateTime: \"" + s + "\"");
    const int h = digits(s, 11, 2, n), mi = digits(s, 14, 2, n), sec = digits(s, 17, 2, n);
    std::size_t i = 19;
    long long micros = 0;
    if (s[i] == '.') {
        int places = 0;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++places)
            if (places < 6) micros = micros * 10 + (s[i] - '0');
        if (places == 0) n.malformed("not a FHIR dateTime: \"" + s + "\"");
        for (; places < 6; ++places) micros *= 10;
    }
    long offset_minutes = 0;
    if (i < s.size() && s[i] == 'Z' && i + 1 == s.size()) {
    } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        offset_minutes = (digits(s, i + 1, 2, n) * 60 + digits(s, i + 4, 2, n)) * (s[i] == '-' ? -1 : 1);
    } else {
        n.malformed("a dateTime with a time needs its zone (Z or ±hh:mm): \"" + s + "\"");
    }
    if (h > 23 || mi > 59 || sec > 59) n.malformed("not a time of day: \"" + s + "\"");
    return checked_instant(instant(d, boost::posix_time::hours(h) + boost::posix_time::minutes(mi - offset_minutes) +
                                          boost::posix_time::seconds(sec) + boost::posix_time::microseconds(micros)));
}

// Does a CodeableConcept (or a Coding) hold (system, code)? A system or a
// code that is not a string is refused naming it.
bool has_coding(const node& n, std::string_view system, std::string_view code) {
    auto one = [&](const node& c) { return c.text_or("system", "") == system && c.text_or("code", "") == code; };
    if (one(n)) return true;
    const auto codings = n.list("coding");
    return std::any_of(codings.begin(), codings.end(), one);
}

std::uint32_t id_number(const std::string& v, const node& where) {
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos || v == "0")
        where.refuse("\"" + v + "\" is not an sfcore number", errc::malformed);
    return static_cast<std::uint32_t>(std::stoul(v));
}

struct reader {
    const case_file& c;
    const agency_directory& d;
    const fhir_links& links;
    instant when;

    party resolve(const node& ref) const {
        if (!ref.j.is_object()) ref.malformed("not a Reference");
        if (ref.has("reference")) {
            const auto r = ref.text("reference");
            auto it = links.references.find(r);
            if (it == links.references.end())
                ref.get("reference").refuse("\"" + r + "\" is no one the case knows (name it in the links)", errc::not_found);
            return checked(it->second, ref);
        }
        if (!ref.has("identifier")) ref.malformed("a reference needs \"reference\" or \"identifier\"");
        const node id = ref.object("identifier");
        const auto system = id.text("system"), value = id.text("value");
        const node v = id.get("value");
        if (system == fhir_map::agency_ids) return checked(party::of(agency_id{id_number(value, v)}), ref);
        if (system == fhir_map::practitioner_ids) return checked(party::of(practitioner_id{id_number(value, v)}), ref);
        if (system == fhir_map::member_ids) {
            const auto slash = value.find('/');
            if (slash == std::string::npos || value.substr(0, slash) != std::to_string(c.id().value()))
                v.refuse("\"" + value + "\" is a member of another case (this is case " + std::to_string(c.id().value()) + ")",
                         errc::not_found);
            return checked(party::of(member_id{id_number(value.substr(slash + 1), v)}), ref);
        }
        if (system == fhir_map::nhi_system) {
            for (const auto& [m, nhi] : links.nhi)
                if (nhi == value) return checked(party::of(m), ref);
            v.refuse("NHI \"" + value + "\" is no member the links name", errc::not_found);
        }
        auto it = links.references.find(system + "|" + value);
        if (it == links.references.end()) v.refuse("\"" + system + "|" + value + "\" is no one the case knows", errc::not_found);
        return checked(it->second, ref);
    }

    party checked(const party& p, const node& where) const {
        try {
            if (p.kind == party_kind::member) c.member_at(member_id{p.id});
            else if (p.kind == party_kind::agency) d.at(agency_id{p.id});
            else d.practitioner_at(practitioner_id{p.id});
        } catch (const error& e) {
            where.refuse(e.what(), errc::not_found);
        }
        return p;
    }

    member_id member(const node& ref) const {
        const party p = resolve(ref);
        if (p.kind != party_kind::member) ref.refuse("a family member is expected here");
        return member_id{p.id};
    }

    recipient recipient_of(const node& actor) const {
        const node role = actor.object("role");
        if (!has_coding(role, fhir_map::participation, "IRCP") && !has_coding(role, fhir_map::participation, "PRCP"))
            role.refuse("only an information recipient (v3-ParticipationType IRCP or PRCP) is represented");
        const node ref = actor.object("reference");
        const party p = resolve(ref);
        if (p.kind == party_kind::agency) return recipient::of(agency_id{p.id});
        if (p.kind == party_kind::practitioner)
            return recipient::of(d.practitioner_at(practitioner_id{p.id}).agency, practitioner_id{p.id});
        ref.refuse("a recipient is an agency (Organization) or a named practitioner (Practitioner)");
    }

    category category_of(const node& codeable) const {
        std::set<category> found;
        const auto& reg = c.disclosure().categories();
        for (const node& cd : codeable.list("coding")) {
            const auto system = cd.text_or("system", ""), code = cd.text_or("code", "");
            if (system == fhir_map::category_system) {
                const auto k = reg.find(code);
                if (!k) cd.get("code").refuse("\"" + code + "\" is not a category of this case");
                found.insert(*k);
            } else if (system == fhir_map::act_code) {
                for (const auto& s : fhir_map::sensitivities)
                    if (code == s.code) found.insert(s.what);
            }
            if (auto it = links.codes.find(system + "|" + code); it != links.codes.end()) found.insert(it->second);
        }
        if (found.empty()) codeable.refuse("no coding here names an sfcore category (nor one the links map)");
        if (found.size() > 1) codeable.refuse("its codings name different categories");
        return *found.begin();
    }

    void check_actions(const node& p) const {
        for (const node& a : p.list("action"))
            if (!has_coding(a, fhir_map::consent_action, "disclose") && !has_coding(a, fhir_map::consent_action, "access"))
                a.refuse("only disclosure (consentaction disclose or access) is represented");
    }
};

// What one Consent resource says, read against the case.
struct grant_key {
    category_set categories;
    purpose_set purposes;
    date from, until;
    bool operator<(const grant_key& o) const {
        return std::tie(categories, purposes, from, until) < std::tie(o.categories, o.purposes, o.from, o.until);
    }
};

struct read_consent {
    member_id subject, given_by;
    date signed_on;
    std::string form_version;
    std::string child_views;
    std::map<grant_key, std::vector<recipient>> grants;
    struct withdrawal {
        sharing_consent_withdrawn entry;
        node from;  // the provision it came from, for errors
    };
    std::vector<withdrawal> withdrawals;
    std::vector<confidential_marked> marks;
    bool whole_withdrawal = false;
};

void read_permit(const reader& rd, const node& p, read_consent& out, bool nested_allowed) {
    p.refuse_any({"data", "dataPeriod", "class", "securityLabel"},
                 "sfcore represents consent by recipient, category, purpose and period only");
    p.refuse_any({"modifierExtension"}, "a modifier extension sfcore does not know");
    if (!nested_allowed) p.refuse_any({"provision"}, "a provision nested in a permit is not represented");
    rd.check_actions(p);
    grant_key key{};
    if (!p.has("period")) p.slot("period").refuse("a consent's period (start and end dates) is required");
    const node period = p.object("period");
    key.from = day_of(period.get("start"));
    key.until = day_of(period.get("end"));
    const auto codes = p.list("code");
    if (codes.empty()) p.slot("code").refuse("a permit names the kinds of information it covers");
    for (const node& cd : codes) key.categories |= bit(rd.category_of(cd));
    const auto purposes = p.list("purpose");
    if (purposes.empty()) key.purposes = all_purposes;
    for (const node& pu : purposes) {
        if (pu.text_or("system", "") != fhir_map::purpose_system) pu.refuse("not an sfcore purpose (" + fhir_map::purpose_system + ")");
        try {
            key.purposes |= bit(enum_from_string<purpose>(pu.text("code")));
        } catch (const error& e) {
            pu.get("code").refuse(e.what());
        }
    }
    const auto actors = p.list("actor");
    if (actors.empty()) p.slot("actor").refuse("a permit names its recipients (sfcore records no consent to share with anyone at all)");
    auto& to = out.grants[key];
    for (const node& a : actors) {
        const recipient r = rd.recipient_of(a);
        if (std::find(to.begin(), to.end(), r) == to.end()) to.push_back(r);
    }
}

void read_deny(const reader& rd, const node& p, read_consent& out) {
    p.refuse_any({"data", "dataPeriod", "class", "securityLabel", "purpose"},
                 "a withdrawal or a confidential mark is by recipient and category only");
    p.refuse_any({"modifierExtension"}, "a modifier extension sfcore does not know");
    p.refuse_any({"provision"}, "a provision nested in a deny is not represented");
    rd.check_actions(p);
    const node period = p.object("period");
    const instant start = instant_of_node(period.get("start"));
    if (start > rd.when) period.get("start").refuse("a withdrawal or mark that has not yet begun is not represented");
    bool mark = false;
    for (const node& x : p.list("extension"))
        if (x.text_or("url", "") == fhir_map::mark_extension) mark = x.truth_or("valueBoolean", false);
    std::vector<std::optional<category>> whats;
    for (const node& cd : p.list("code")) whats.push_back(rd.category_of(cd));
    if (mark) {
        p.refuse_any({"actor"}, "a confidential mark is of a kind of information, for every recipient");
        if (whats.empty()) p.slot("code").refuse("a confidential mark names its kinds of information");
        const bool lifted = period.has("end") && instant_of_node(period.get("end")) <= rd.when;
        if (!lifted)
            for (const auto& w : whats)
                if (!(rd.c.disclosure().confidential_at(out.subject, rd.when) & bit(*w)))
                    out.marks.push_back(confidential_marked{out.subject, *w, true});
        return;
    }
    if (period.has("end")) period.get("end").refuse("a withdrawal does not end (a new consent is given instead)");
    std::vector<std::optional<recipient>> tos;
    for (const node& a : p.list("actor")) tos.push_back(rd.recipient_of(a));
    if (tos.empty()) tos.push_back(std::nullopt);
    if (whats.empty()) whats.push_back(std::nullopt);
    for (const auto& to : tos)
        for (const auto& what : whats) {
            out.withdrawals.push_back({sharing_consent_withdrawn{out.subject, to, what, ""}, p});
            out.whole_withdrawal = out.whole_withdrawal || (!to && !what);
        }
}

read_consent read_resource(const reader& rd, const node& r) {
    if (!r.j.is_object()) r.malformed("not a JSON object");
    if (r.text_or("resourceType", "") != "Consent")
        r.get("resourceType").refuse("a Consent is expected, not \"" + r.text_or("resourceType", "") + "\"", errc::malformed);
    r.refuse_any({"modifierExtension", "implicitRules"}, "a modifier sfcore does not know");
    read_consent out;
    const auto status = r.text("status");
    if (status != "active" && status != "inactive")
        r.get("status").refuse("a consent \"" + status + "\" is not in force, so there is nothing to record");
    if (!has_coding(r.object("scope"), fhir_map::consent_scope_system, "patient-privacy"))
        r.get("scope").refuse("only a privacy consent (consentscope patient-privacy) is a consent to share");
    if (r.has("policyRule") && !has_coding(r.object("policyRule"), fhir_map::act_code, "OPTIN"))
        r.get("policyRule").refuse("only an opt-in consent is represented: sfcore shares nothing without consent");
    out.subject = rd.member(r.object("patient"));

    const node base = r.object("provision");
    base.refuse_any({"data", "dataPeriod", "class", "securityLabel"},
                    "sfcore represents consent by recipient, category, purpose and period only");
    const auto base_type = base.text_or("type", "");
    if (base_type == "permit") {
        read_permit(rd, base, out, true);
    } else if (base_type == "deny") {
        base.refuse_any({"actor", "code", "purpose", "data", "dataPeriod", "class", "securityLabel"},
                        "a deny base with criteria of its own is not represented");
        base.refuse_any({"modifierExtension"}, "a modifier extension sfcore does not know");
        rd.check_actions(base);
    } else {
        base.slot("type").refuse("the base provision says \"deny\" (with nested permits) or \"permit\"");
    }
    for (const node& p : base.list("provision")) {
        const auto type = p.text_or("type", "");
        if (type == "permit" && base_type == "deny") read_permit(rd, p, out, false);
        else if (type == "deny") read_deny(rd, p, out);
        else p.slot("type").refuse("a nested provision says \"deny\", or \"permit\" under a deny base");
    }
    if (out.grants.empty()) base.refuse("it permits nothing: with no permit there is no consent to record (refusal is sfcore's default)");
    if (status == "inactive" && !out.whole_withdrawal)
        r.get("status").refuse("an inactive consent needs a dated withdrawal (a nested deny with period.start) to be placed in time");

    const auto performers = r.list("performer");
    if (performers.empty()) r.slot("performer").refuse("sfcore records who gave the consent");
    if (performers.size() > 1) performers[1].refuse("sfcore records one person who gave the consent");
    out.given_by = rd.member(performers[0]);
    for (const node& x : r.list("extension"))
        if (x.text_or("url", "") == fhir_map::child_views_extension) out.child_views = x.text("valueString");
    out.signed_on = date_at(r.text("dateTime"), r.get("dateTime"));
    const auto policies = r.list("policy");
    if (policies.empty()) r.slot("policy").refuse("the consent form's version (policy[0].uri) is required");
    if (policies.size() > 1) policies[1].refuse("one consent form per consent");
    out.form_version = policies[0].text("uri");
    if (out.form_version.rfind(fhir_map::form_prefix, 0) == 0) {
        std::string v;
        const std::string& s = out.form_version;
        for (std::size_t i = fhir_map::form_prefix.size(); i < s.size(); ++i) {
            if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
                v += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                v += s[i];
            }
        }
        out.form_version = v;
    }
    return out;
}

// The consents a withdrawal would narrow that it was not meant for: it
// applies to every consent of the person on record, so one that would
// change another is refused (exact, or not at all).
struct on_record {
    member_id subject;
    consent_scope scope;
    std::uint64_t order;
    std::uint32_t id;
};
struct withdrawn_record {
    sharing_withdrawal w;
    std::uint64_t order;
};

bool covers(const sharing_withdrawal& earlier, const sharing_consent_withdrawn& w) {
    if (earlier.from_process || (!earlier.recipient && !earlier.what)) return true;
    const bool to = !earlier.recipient || (w.recipient && earlier.recipient->covers(*w.recipient));
    const bool what = !earlier.what || (w.what && *earlier.what == *w.what);
    return to && what;
}

} // namespace

// Every element is checked before it is read; should a value still be read as
// a type it is not, the caller gets sfcore's malformed error, never the parser's.
template <class F>
auto shape_checked(F&& read) {
    try {
        return read();
    } catch (const in_json::exception& e) {
        throw error(errc::malformed, std::string("the JSON is not of the shape expected: ") + e.what());
    }
}

static fhir_links read_links(std::string_view text) {
    const in_json j = parse(text);
    const node root{j, ""};
    if (!j.is_object()) root.malformed("links are a JSON object");
    fhir_links out;
    if (root.has("references")) {
        const node refs = root.object("references");
        for (const auto& [key, v] : refs.j.items()) {
            const node n{v, refs.at(key)};
            if (!v.is_object() || v.size() != 1) n.malformed("one of {\"member\": n}, {\"agency\": n}, {\"practitioner\": n}");
            const std::string& kind = v.begin().key();
            const in_json& id = v.begin().value();
            if (!id.is_number_unsigned() || id.get<std::uint64_t>() == 0 || id.get<std::uint64_t>() > 0xFFFFFFFFu)
                n.malformed("an id is a positive number");
            const auto value = id.get<std::uint32_t>();
            if (kind == "member") out.references[key] = party::of(member_id{value});
            else if (kind == "agency") out.references[key] = party::of(agency_id{value});
            else if (kind == "practitioner") out.references[key] = party::of(practitioner_id{value});
            else n.malformed("\"" + kind + "\" is not member, agency or practitioner");
        }
    }
    if (root.has("codes")) {
        const node codes = root.object("codes");
        for (const auto& [key, v] : codes.j.items()) {
            if (!v.is_string()) node{v, codes.at(key)}.malformed("a category's identifier is expected");
            out.codes[key] = enum_from_string<category>(v.get<std::string>());
        }
    }
    if (root.has("child_views")) {
        const node n = root.get("child_views");
        if (!n.j.is_boolean()) n.malformed("true or false");
        out.child_views = n.j.get<bool>();
    }
    if (root.has("nhi")) {
        const node nhi = root.object("nhi");
        for (const auto& [key, v] : nhi.j.items()) {
            const node n{v, nhi.at(key)};
            if (!v.is_string()) n.malformed("an NHI number is a string");
            out.nhi[member_id{id_number(key, n)}] = checked_nhi(v.get<std::string>());
        }
    }
    return out;
}

fhir_links fhir_links::from_json(std::string_view text) {
    return shape_checked([&] { return read_links(text); });
}

static std::vector<event_payload> consent_entries(const case_file& c, const agency_directory& directory,
                                                  std::string_view json, instant when, const fhir_links& links) {
    const in_json doc = parse(json);
    const node root{doc, ""};
    if (!doc.is_object()) root.malformed("a FHIR resource is a JSON object");
    std::vector<node> resources;
    if (root.text_or("resourceType", "") == "Bundle") {
        for (const node& e : root.list("entry")) resources.push_back(e.object("resource"));
        if (resources.empty()) root.refuse("the Bundle holds no Consent");
    } else {
        resources.push_back(root);
    }
    const reader rd{c, directory, links, checked_instant(when)};

    std::vector<on_record> consents;
    std::vector<withdrawn_record> withdrawals;
    for (std::size_t i = 0; i < c.disclosure().consents().size(); ++i) {
        const auto& k = c.disclosure().consents()[i];
        consents.push_back({k.given.subject, k.given.scope, k.seq, static_cast<std::uint32_t>(i + 1)});
    }
    for (const auto& w : c.disclosure().withdrawals()) withdrawals.push_back({w, w.seq});
    std::uint64_t order = c.journal().empty() ? 1 : c.journal().back().seq + 1;
    auto next_id = static_cast<std::uint32_t>(consents.size() + 1);

    std::vector<event_payload> out;
    for (const node& r : resources) {
        read_consent k = read_resource(rd, r);
        const std::size_t first_new = consents.size();
        for (auto& [key, to] : k.grants) {
            // A withdrawal at this very instant, on record or from an earlier
            // resource, would withdraw the new consent as it is given.
            const consent_scope scope{to, key.categories, key.purposes, key.from, key.until};
            for (const auto& x : withdrawals)
                if (x.w.subject == k.subject && x.w.at == rd.when && narrows(x.w, scope))
                    r.get("provision").refuse("a withdrawal recorded at this same instant would withdraw this consent as it is given "
                                              "(import it at a later instant)");
            sharing_consent_given g;
            g.subject = k.subject;
            g.given_by = k.given_by;
            g.scope = scope;
            g.signed_on = k.signed_on;
            g.form_version = k.form_version;
            g.child_views = k.child_views;
            consents.push_back({k.subject, g.scope, order++, next_id++});
            out.emplace_back(std::move(g));
        }
        for (const auto& pending : k.withdrawals) {
            const sharing_consent_withdrawn& w = pending.entry;
            // As the fold will keep it once appended at this instant.
            const sharing_withdrawal as_fold{w.subject, w.recipient, w.what, false, "", rd.when, 0};
            for (std::size_t j = 0; j < first_new; ++j) {
                const auto& e = consents[j];
                if (e.subject != w.subject || !narrows(as_fold, e.scope)) continue;
                const bool already = std::any_of(withdrawals.begin(), withdrawals.end(), [&](const withdrawn_record& x) {
                    return x.w.subject == w.subject && x.order > e.order && covers(x.w, w);
                });
                if (!already)
                    pending.from.refuse("this withdrawal would also narrow consent " + std::to_string(e.id) +
                                        ", already on record for the person (import a person's consents in the order they were given)");
            }
            withdrawals.push_back({as_fold, order++});
            out.emplace_back(w);
        }
        for (const auto& m : k.marks) {
            const bool queued = std::any_of(out.begin(), out.end(), [&](const event_payload& p) {
                const auto* x = std::get_if<confidential_marked>(&p);
                return x && x->subject == m.subject && x->what == m.what;
            });
            if (!queued) out.emplace_back(m);
        }
    }
    return out;
}

std::vector<event_payload> fhir_consent_entries(const case_file& c, const agency_directory& directory,
                                                std::string_view json, instant when, const fhir_links& links) {
    return shape_checked([&] { return consent_entries(c, directory, json, when, links); });
}

fhir_import import_fhir_consents(case_file& c, const agency_directory& directory, std::string_view who, instant when,
                                 std::string_view json, const fhir_links& links) {
    const auto entries = fhir_consent_entries(c, directory, json, when, links);
    for (const auto& p : entries)
        if (const outcome o = c.would_accept(directory, who, when, p); !o)
            throw error(errc::transition_refused, "the case refuses the import: " + o.reason);
    fhir_import done;
    for (const auto& p : entries) {
        const outcome o = c.record(directory, who, when, p);
        if (!o) throw error(errc::internal, "an import entry checked beforehand was refused: " + o.reason);
        if (std::holds_alternative<sharing_consent_given>(p)) done.consents.push_back(o.assigned);
        done.entries.push_back(o.seq);
    }
    return done;
}

} // namespace sfcore
