// The directory, referrals, the lifecycle (cases, events and their payloads,
// the transition table), the calendar, timeliness and the final report.
#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

// The calendar given, or the national one when None; the timeframes given, or the case's own when None.
const sfcore::holiday_calendar& calendar_or_default(const sfcore::holiday_calendar* cal) {
    static const sfcore::holiday_calendar national;
    return cal ? *cal : national;
}
std::optional<sfcore::timeframes> timeframes_or_default(const sfcore::timeframes* tf) {
    return tf ? std::optional<sfcore::timeframes>(*tf) : std::nullopt;
}

// Bind one event payload: its class with equality and copying.
template <class P>
py::class_<P> payload_class(py::module_& m, const char* name, const char* doc) {
    py::class_<P> c(m, name, doc);
    value_type(c);
    return c;
}

void bind_directory(py::module_& m) {
    py::class_<sfcore::agency> agency(m, "Agency", "An agency in the directory (read only).");
    agency.def_readonly("id", &sfcore::agency::id, "Its id in the directory.")
        .def_readonly("name", &sfcore::agency::name, "Its name.")
        .def_readonly("kind", &sfcore::agency::kind, "Government, NGO, iwi or community.")
        .def_readonly("former_names", &sfcore::agency::former_names,
                      "Names it had before (the newest last); each still finds it.")
        .def_readonly("child_welfare", &sfcore::agency::child_welfare,
                      "A child welfare and protection agency (Oranga Tamariki Act 1989 s2): s66C sharing is between "
                      "such agencies.")
        .def("__repr__", repr_fields("Agency", {"id", "name", "kind", "child_welfare"}))
        .def(
            "__eq__",
            [](const sfcore::agency& a, const sfcore::agency& b) {
                return a.id == b.id && a.name == b.name && a.kind == b.kind && a.former_names == b.former_names &&
                       a.child_welfare == b.child_welfare;
            },
            py::is_operator());

    py::class_<sfcore::practitioner> practitioner(m, "Practitioner", "A named worker of an agency (read only).");
    practitioner.def_readonly("id", &sfcore::practitioner::id, "Its id in the directory.")
        .def_readonly("agency", &sfcore::practitioner::agency, "The id of the agency they work for.")
        .def_readonly("name", &sfcore::practitioner::name, "Their name.")
        .def_property_readonly(
            "local_group",
            [](const sfcore::practitioner& p) { return p.local_group ? std::optional<sfcore::local_group_id>(p.local_group) : std::nullopt; },
            "The Local Management Group a coordinator belongs to (None: none).")
        .def("__repr__", repr_fields("Practitioner", {"id", "agency", "name", "local_group"}))
        .def(
            "__eq__",
            [](const sfcore::practitioner& a, const sfcore::practitioner& b) {
                return a.id == b.id && a.agency == b.agency && a.name == b.name && a.local_group == b.local_group;
            },
            py::is_operator());

    py::class_<sfcore::programme_site> site(m, "Site",
                                            "A site of Intensive Intervention or a team of Children's Teams, with the numbers "
                                            "of families and children it aims to work with (0: not set). Read only.");
    site.def_readonly("id", &sfcore::programme_site::id, "Its id in the directory.")
        .def_readonly("programme", &sfcore::programme_site::programme, "Its programme.")
        .def_readonly("name", &sfcore::programme_site::name, "Its name.")
        .def_readonly("target_families", &sfcore::programme_site::target_families, "Families it aims to work with (0: not set).")
        .def_readonly("target_children", &sfcore::programme_site::target_children, "Children it aims to work with (0: not set).")
        .def("__repr__", repr_fields("Site", {"id", "programme", "name", "target_families", "target_children"}))
        .def(
            "__eq__",
            [](const sfcore::programme_site& a, const sfcore::programme_site& b) {
                return a.id == b.id && a.programme == b.programme && a.name == b.name &&
                       a.target_families == b.target_families && a.target_children == b.target_children;
            },
            py::is_operator());
    py::class_<sfcore::local_group> group(m, "LocalGroup",
                                          "A Local Management Group: it oversees Strengthening Families in its area and "
                                          "looks for service gaps. Read only.");
    group.def_readonly("id", &sfcore::local_group::id, "Its id in the directory.")
        .def_readonly("name", &sfcore::local_group::name, "Its name.")
        .def("__repr__", repr_fields("LocalGroup", {"id", "name"}))
        .def(
            "__eq__", [](const sfcore::local_group& a, const sfcore::local_group& b) { return a.id == b.id && a.name == b.name; },
            py::is_operator());

    py::class_<sfcore::agency_directory> dir(
        m, "AgencyDirectory",
        "The agencies (and their named practitioners) a case may name. A new directory holds MSD and the eleven other "
        "government agencies of Strengthening Families, with fixed ids; NGOs, iwi and community groups are added.");
    dir.def(py::init<>())
        .def(
            "add",
            [](sfcore::agency_directory& d, const std::string& name, sfcore::agency_kind kind, strict_bool child_welfare) {
                return d.add(name, kind, child_welfare);
            },
            "name"_a, "kind"_a = sfcore::agency_kind::ngo, py::kw_only(), "child_welfare"_a = strict_bool{false},
            "Add an agency and return its new id; child_welfare marks a child welfare and protection agency (s2). "
            "Raises ArgumentError for a blank, taken (current or former) or non-UTF-8 name.")
        .def("rename", &sfcore::agency_directory::rename, "agency_id"_a, "name"_a,
             "Give an agency a new name; the old one is kept as a former name and still finds it. Raises ArgumentError "
             "(NOT_FOUND, INVALID_UTF8, INVALID_ARGUMENT, ALREADY_EXISTS).")
        .def(
            "set_child_welfare",
            [](sfcore::agency_directory& d, sfcore::agency_id id, strict_bool yes) { d.set_child_welfare(id, yes); },
            "agency_id"_a, "child_welfare"_a,
            "Say whether an agency is a child welfare and protection agency (s2; an independent person s66C names "
            "may be entered as one). Raises ArgumentError (NOT_FOUND).")
        .def(
            "find",
            [](const sfcore::agency_directory& d, const std::string& name) {
                auto id = d.find_by_name(name);
                if (!id) raise(sfcore::errc::not_found, "no agency named \"" + name + "\"");
                return *id;
            },
            "name"_a,
            "The id of the agency with this exact name, current or former. Raises ArgumentError (NOT_FOUND) when there "
            "is none.")
        .def(
            "__getitem__", [](const sfcore::agency_directory& d, sfcore::agency_id id) { return d.at(id); }, "agency_id"_a,
            "The agency with an id. Raises ArgumentError (NOT_FOUND) when there is none.")
        .def(
            "__contains__", [](const sfcore::agency_directory& d, sfcore::agency_id id) { return d.find(id) != nullptr; },
            "agency_id"_a)
        .def("__len__", [](const sfcore::agency_directory& d) { return d.all().size(); })
        .def(
            "__iter__", [](const sfcore::agency_directory& d) { return py::make_iterator(d.all().begin(), d.all().end()); },
            py::keep_alive<0, 1>(), "Every agency, in id order.")
        .def_property_readonly(
            "agencies", [](const sfcore::agency_directory& d) { return d.all(); }, "Every agency, in id order.")
        .def("add_practitioner", &sfcore::agency_directory::add_practitioner, "agency"_a, "name"_a,
             "Add a named worker of an agency and return their new id. Raises ArgumentError (NOT_FOUND, INVALID_UTF8, "
             "INVALID_ARGUMENT).")
        .def("practitioner", &sfcore::agency_directory::practitioner_at, "practitioner_id"_a,
             "The practitioner with an id. Raises ArgumentError (NOT_FOUND).")
        .def_property_readonly(
            "practitioners", [](const sfcore::agency_directory& d) { return d.practitioners(); },
            "Every practitioner, in id order.")
        .def("add_site", &sfcore::agency_directory::add_site, "programme"_a, "name"_a, py::kw_only(), "target_families"_a = 0,
             "target_children"_a = 0,
             "Register a site of Intensive Intervention or a team of Children's Teams and return its id (a new directory "
             "holds the four Intensive Intervention sites, with no targets set). Raises ArgumentError (INVALID_ARGUMENT, "
             "INVALID_UTF8, ALREADY_EXISTS, OUT_OF_RANGE).")
        .def("set_site_targets", &sfcore::agency_directory::set_site_targets, "site_id"_a, "target_families"_a,
             "target_children"_a, "Set a site's targets (0: not set). Raises ArgumentError (NOT_FOUND, OUT_OF_RANGE).")
        .def("site", &sfcore::agency_directory::site_at, "site_id"_a, "The site with an id. Raises ArgumentError (NOT_FOUND).")
        .def_property_readonly(
            "sites", [](const sfcore::agency_directory& d) { return d.sites(); }, "Every site and team, in id order.")
        .def("add_local_group", &sfcore::agency_directory::add_local_group, "name"_a,
             "Register a Local Management Group and return its id. Raises ArgumentError (INVALID_ARGUMENT, INVALID_UTF8, "
             "ALREADY_EXISTS).")
        .def("local_group", &sfcore::agency_directory::local_group_at, "local_group_id"_a,
             "The Local Management Group with an id. Raises ArgumentError (NOT_FOUND).")
        .def_property_readonly(
            "local_groups", [](const sfcore::agency_directory& d) { return d.local_groups(); },
            "Every Local Management Group, in id order.")
        .def(
            "set_local_group",
            [](sfcore::agency_directory& d, sfcore::practitioner_id p, std::optional<sfcore::local_group_id> g) {
                d.set_local_group(p, g.value_or(sfcore::local_group_id{}));
            },
            "practitioner_id"_a, "local_group_id"_a,
            "Say which Local Management Group a practitioner (a coordinator) belongs to (None: none). Raises "
            "ArgumentError (NOT_FOUND).")
        .def("__repr__", [](const sfcore::agency_directory& d) {
            return "AgencyDirectory(" + std::to_string(d.all().size()) + " agencies, " +
                   std::to_string(d.practitioners().size()) + " practitioners)";
        });
    add_archive_methods(dir, [](const void* p, std::size_t n) { return sfcore::load_directory(p, n); },
                        "The directory as an archive.",
                        "Load a directory from an archive. Raises StorageError for a damaged or foreign archive.");
}

void bind_referral(py::module_& m) {
    py::class_<sfcore::referral> c(m, "Referral",
                                   "A referral of a family to a programme: by an agency (naming it), or by the family itself.");
    c.def(py::init([](sfcore::referral_source source, const sfcore::date& received, const std::string& family_name,
                      std::optional<sfcore::agency_id> agency, const std::string& practitioner,
                      std::vector<std::string> reasons, sfcore::programme programme, const std::string& site,
                      std::optional<sfcore::local_group_id> local_group) {
               sfcore::referral r;
               r.source = source;
               r.received = received;
               r.family_name = sfcore::checked_nonblank_utf8(family_name, "family name");
               r.agency = agency;
               r.practitioner = practitioner;
               r.reasons = std::move(reasons);
               r.programme = programme;
               r.site = site;
               r.local_group = local_group;
               return r;
           }),
           py::kw_only(), "source"_a, "received"_a, "family_name"_a, "agency"_a = py::none(), "practitioner"_a = "",
           "reasons"_a = std::vector<std::string>{}, "programme"_a = sfcore::programme::strengthening_families,
           "site"_a = "", "local_group"_a = py::none(),
           "A referral. An agency referral names the agency (an id from the directory); a self-referral names none. "
           "Intensive Intervention referrals name their site, and Children's Team referrals may name their team, each "
           "registered in the directory; local_group is the Local Management Group the case belongs to.")
        .def_readwrite("source", &sfcore::referral::source, "Who referred.")
        .def_readwrite("received", &sfcore::referral::received, "The date the referral was received.")
        .def_readwrite("family_name", &sfcore::referral::family_name, "How the family is known.")
        .def_readwrite("agency", &sfcore::referral::agency, "The referring agency's id, for an agency referral.")
        .def_readwrite("practitioner", &sfcore::referral::practitioner, "The referring practitioner's name, if given.")
        .def_readwrite("reasons", &sfcore::referral::reasons, "Why the family was referred, in the referrer's words.")
        .def_readwrite("programme", &sfcore::referral::programme, "The programme referred to.")
        .def_readwrite("site", &sfcore::referral::site, "The site (Intensive Intervention) or team (Children's Teams).")
        .def_readwrite("local_group", &sfcore::referral::local_group, "The Local Management Group the case belongs to.")
        .def("__repr__", repr_fields("Referral", {"source", "received", "family_name", "agency", "programme"}));
    value_type(c);
}

void bind_model(py::module_& m) {
    py::class_<sfcore::party> party(m, "Party",
                                    "Someone who can be invited, attend, own an action or receive information: a family "
                                    "member, a whole agency or a named practitioner.");
    party
        .def(py::init([](sfcore::party_kind kind, std::uint32_t id) { return sfcore::party{kind, id}; }), "kind"_a, "id"_a)
        .def_static(
            "member", [](sfcore::member_id id) { return sfcore::party::of(id); }, "member_id"_a, "A family member.")
        .def_static(
            "agency", [](sfcore::agency_id id) { return sfcore::party::of(id); }, "agency_id"_a, "A whole agency.")
        .def_static(
            "practitioner", [](sfcore::practitioner_id id) { return sfcore::party::of(id); }, "practitioner_id"_a,
            "A named practitioner (an individual worker, not their agency).")
        .def_readonly("kind", &sfcore::party::kind, "Member, agency or practitioner.")
        .def_readonly("id", &sfcore::party::id, "The member, agency or practitioner id.")
        .def("__hash__", [](const sfcore::party& p) { return std::hash<std::uint64_t>{}((std::uint64_t{static_cast<std::uint8_t>(p.kind)} << 32) | p.id); })
        .def("__repr__", [](const sfcore::party& p) {
            return std::string("Party.") + sfcore::to_string(p.kind) + "(" + std::to_string(p.id) + ")";
        });
    value_type(party);

    py::class_<sfcore::member> member(m, "Member", "A member of the family/whānau.");
    member
        .def(py::init([](const std::string& name, sfcore::member_role role, std::optional<sfcore::date> born, strict_bool participating) {
                 return sfcore::member{sfcore::member_id{}, name, role, born, participating};
             }),
             py::kw_only(), "name"_a, "role"_a = sfcore::member_role::parent_caregiver, "born"_a = py::none(),
             "participating"_a = strict_bool{true}, "A member; the case assigns the id when the MemberAdded event is recorded.")
        .def_readonly("id", &sfcore::member::id, "Its number in the case (0 until added).")
        .def_readwrite("name", &sfcore::member::name, "Name (macrons kept).")
        .def_readwrite("role", &sfcore::member::role, "Role in the family.")
        .def_readwrite("born", &sfcore::member::born, "Date of birth, where known.")
        .def("age_on", &sfcore::member::age_on, "day"_a, "Age in whole years on a date (None when the birth date is not known).")
        .def("__repr__", repr_fields("Member", {"id", "name", "role", "born", "participating"}));
    bool_field(member, "participating", &sfcore::member::participating, "Takes part in the process (and so consents).");
    value_type(member);

    py::class_<sfcore::meeting> meeting(m, "Meeting", "A meeting: the initial interagency meeting or a review.");
    meeting
        .def(py::init([](const sfcore::instant& start, const std::string& venue, std::vector<sfcore::party> invitees,
                         const std::string& facilitator, const std::string& interpreter,
                         std::vector<std::string> support_people, strict_bool karakia, strict_bool mihi) {
                 sfcore::meeting x;
                 x.start = start;
                 x.venue = venue;
                 x.invitees = std::move(invitees);
                 x.facilitator = facilitator;
                 x.interpreter = interpreter;
                 x.support_people = std::move(support_people);
                 x.karakia = karakia;
                 x.mihi = mihi;
                 return x;
             }),
             py::kw_only(), "start"_a, "venue"_a, "invitees"_a = std::vector<sfcore::party>{}, "facilitator"_a = "",
             "interpreter"_a = "", "support_people"_a = std::vector<std::string>{}, "karakia"_a = strict_bool{false}, "mihi"_a = strict_bool{false},
             "A meeting as the family arranges it; every invitee must be approved by the family.")
        .def_readonly("id", &sfcore::meeting::id, "Its number in the case (assigned when scheduled).")
        .def_readonly("kind", &sfcore::meeting::kind, "Initial or review.")
        .def_readwrite("start", &sfcore::meeting::start, "When it starts.")
        .def_readwrite("venue", &sfcore::meeting::venue, "Where, as the family chose.")
        .def_readwrite("invitees", &sfcore::meeting::invitees, "Who is invited (assign a new list to change it).")
        .def_readwrite("facilitator", &sfcore::meeting::facilitator, "An independent facilitator, if any.")
        .def_readwrite("interpreter", &sfcore::meeting::interpreter, "The language of an interpreter, if one is arranged.")
        .def_readwrite("support_people", &sfcore::meeting::support_people, "The family's support people.")
        .def_readonly("held", &sfcore::meeting::held, "Has been held.")
        .def_readonly("attendance", &sfcore::meeting::attendance, "Who attended (once held).")
        .def("__repr__", repr_fields("Meeting", {"id", "kind", "start", "venue", "invitees", "held"}));
    bool_field(meeting, "karakia", &sfcore::meeting::karakia, "Opens with karakia.");
    bool_field(meeting, "mihi", &sfcore::meeting::mihi, "Opens with mihi.");
    value_type(meeting);

    py::class_<sfcore::action> action(m, "Action", "One action of a plan: who does what, by when.");
    action
        .def(py::init([](const std::string& description, std::optional<sfcore::party> owner, std::optional<sfcore::date> due,
                         sfcore::action_status status, sfcore::support_type support, const std::string& need,
                         sfcore::action_id id, std::vector<sfcore::outcome_area> outcomes) {
                 return sfcore::action{id, description, owner, due, status, support, need, std::move(outcomes)};
             }),
             py::kw_only(), "description"_a, "owner"_a = py::none(), "due"_a = py::none(),
             "status"_a = sfcore::action_status::open, "support"_a = sfcore::support_type::none, "need"_a = "",
             "id"_a = sfcore::action_id{}, "outcomes"_a = std::vector<sfcore::outcome_area>{},
             "An action. Leave id 0 for a new one; in a revised plan, keep an action's id to carry it over.")
        .def_readwrite("id", &sfcore::action::id, "Its number in the case (assigned when first agreed).")
        .def_readwrite("description", &sfcore::action::description, "What will be done.")
        .def_readwrite("owner", &sfcore::action::owner, "Who does it: an agency, a practitioner or a family member.")
        .def_readwrite("due", &sfcore::action::due, "By when.")
        .def_readwrite("status", &sfcore::action::status, "How it stands.")
        .def_readwrite("support", &sfcore::action::support, "The kind of support it is.")
        .def_readwrite("need", &sfcore::action::need, "The family's need or priority it addresses, in their words.")
        .def_readwrite("outcomes", &sfcore::action::outcomes, "The outcome areas it serves (each at most once).")
        .def("__repr__", repr_fields("Action", {"id", "description", "owner", "due", "status"}));
    value_type(action);

    py::class_<sfcore::plan> plan(m, "Plan", "An action plan, one version of it.");
    plan.def(py::init([](std::vector<sfcore::action> actions, std::optional<sfcore::agency_id> lead_agency,
                         std::optional<sfcore::practitioner_id> key_contact, std::optional<sfcore::member_id> child,
                         const std::string& child_views, const std::string& revision_reason) {
                 sfcore::plan p;
                 p.actions = std::move(actions);
                 p.lead_agency = lead_agency;
                 p.key_contact = key_contact;
                 p.child = child;
                 p.child_views = child_views;
                 p.revision_reason = revision_reason;
                 return p;
             }),
             py::kw_only(), "actions"_a = std::vector<sfcore::action>{}, "lead_agency"_a = py::none(),
             "key_contact"_a = py::none(), "child"_a = py::none(), "child_views"_a = "", "revision_reason"_a = "",
             "A plan: actions, a lead agency and a key contact (a practitioner); for a Children's Team, the child and "
             "their views; for a revision, why.")
        .def_readonly("version", &sfcore::plan::version, "1 for the first agreed plan, then +1 per revision.")
        .def_readwrite("child", &sfcore::plan::child, "The child, for a Children's Team plan.")
        .def_readwrite("lead_agency", &sfcore::plan::lead_agency, "Coordinates the agencies' work.")
        .def_readwrite("key_contact", &sfcore::plan::key_contact, "Keeps in touch with the family between meetings.")
        .def_readwrite("actions", &sfcore::plan::actions, "The actions (assign a new list to change them).")
        .def_readwrite("child_views", &sfcore::plan::child_views, "The child's own views (Children's Teams).")
        .def_readwrite("revision_reason", &sfcore::plan::revision_reason, "Why it was revised.")
        .def_readonly("agreed", &sfcore::plan::agreed, "The date it was agreed or revised (None before).")
        .def("__repr__", repr_fields("Plan", {"version", "child", "lead_agency", "key_contact", "actions"}));
    value_type(plan);
}

void bind_payloads(py::module_& m) {
    using namespace sfcore;
    payload_class<referral_received>(m, "ReferralReceived", "The first event of every case: its referral (made by Case.open).")
        .def(py::init([](const sfcore::referral& r) { return referral_received{r}; }), py::kw_only(), "referral"_a)
        .def_readwrite("referral", &referral_received::referral)
        .def("__repr__", repr_fields("ReferralReceived", {"referral"}));
    auto accepted = payload_class<referral_accepted>(m, "ReferralAccepted",
                                                     "The suitability check passed (by a panel for Children's Teams).");
    bool_field(accepted, "by_panel", &referral_accepted::by_panel, "Accepted by a Children's Team panel.");
    accepted.def(py::init([](strict_bool by_panel, const std::string& note) { return referral_accepted{by_panel, note}; }),
             py::kw_only(), "by_panel"_a = strict_bool{false}, "note"_a = "")
        .def_readwrite("note", &referral_accepted::note)
        .def("__repr__", repr_fields("ReferralAccepted", {"by_panel", "note"}));
    payload_class<referral_declined>(m, "ReferralDeclined", "The referral is not suitable (the reason is required).")
        .def(py::init([](const std::string& reason) { return referral_declined{reason}; }), py::kw_only(), "reason"_a)
        .def_readwrite("reason", &referral_declined::reason)
        .def("__repr__", repr_fields("ReferralDeclined", {"reason"}));
    payload_class<member_added>(m, "MemberAdded", "A family member joins the case (the case assigns the id).")
        .def(py::init([](const sfcore::member& x) { return member_added{x}; }), py::kw_only(), "member"_a)
        .def_readwrite("member", &member_added::member)
        .def("__repr__", repr_fields("MemberAdded", {"member"}));
    payload_class<consent_recorded>(m, "ConsentRecorded",
                                    "A member's written consent to take part; for a child, given by a parent or caregiver "
                                    "with the child's own views.")
        .def(py::init([](member_id mem, const date& signed_on, const std::string& form_version, std::optional<member_id> given_by,
                         const std::string& child_views) {
                 return consent_recorded{mem, signed_on, form_version, given_by, child_views};
             }),
             py::kw_only(), "member"_a, "signed_on"_a, "form_version"_a, "given_by"_a = py::none(), "child_views"_a = "")
        .def_readwrite("member", &consent_recorded::member)
        .def_readwrite("signed_on", &consent_recorded::signed_on)
        .def_readwrite("form_version", &consent_recorded::form_version)
        .def_readwrite("given_by", &consent_recorded::given_by)
        .def_readwrite("child_views", &consent_recorded::child_views)
        .def("__repr__", repr_fields("ConsentRecorded", {"member", "signed_on", "form_version", "given_by"}));
    payload_class<consent_withdrawn>(m, "ConsentWithdrawn",
                                     "A member withdraws consent to take part: the process stops and the case closes.")
        .def(py::init([](member_id mem, const std::string& note) { return consent_withdrawn{mem, note}; }), py::kw_only(),
             "member"_a, "note"_a = "")
        .def_readwrite("member", &consent_withdrawn::member)
        .def_readwrite("note", &consent_withdrawn::note)
        .def("__repr__", repr_fields("ConsentWithdrawn", {"member", "note"}));
    payload_class<roles_assigned>(m, "RolesAssigned", "Assign or reassign roles; only the roles given change.")
        .def(py::init([](std::optional<practitioner_id> coordinator, std::optional<agency_id> lead_agency,
                         std::optional<practitioner_id> lead_contact, std::optional<std::string> facilitator) {
                 return roles_assigned{coordinator, lead_agency, lead_contact, facilitator};
             }),
             py::kw_only(), "coordinator"_a = py::none(), "lead_agency"_a = py::none(), "lead_contact"_a = py::none(),
             "facilitator"_a = py::none())
        .def_readwrite("coordinator", &roles_assigned::coordinator)
        .def_readwrite("lead_agency", &roles_assigned::lead_agency)
        .def_readwrite("lead_contact", &roles_assigned::lead_contact)
        .def_readwrite("facilitator", &roles_assigned::facilitator)
        .def("__repr__", repr_fields("RolesAssigned", {"coordinator", "lead_agency", "lead_contact", "facilitator"}));
    payload_class<preparation_started>(m, "PreparationStarted",
                                       "The family-directed preparation starts (refused until Guard.WRITTEN_CONSENT holds).")
        .def(py::init<>())
        .def("__repr__", [](const preparation_started&) { return std::string("PreparationStarted()"); });
    payload_class<priorities_set>(m, "PrioritiesSet", "The family's key issues, strengths and needs, in their words.")
        .def(py::init([](std::vector<std::string> key_issues, std::vector<std::string> strengths, std::vector<std::string> needs) {
                 return priorities_set{std::move(key_issues), std::move(strengths), std::move(needs)};
             }),
             py::kw_only(), "key_issues"_a = std::vector<std::string>{}, "strengths"_a = std::vector<std::string>{},
             "needs"_a = std::vector<std::string>{})
        .def_readwrite("key_issues", &priorities_set::key_issues)
        .def_readwrite("strengths", &priorities_set::strengths)
        .def_readwrite("needs", &priorities_set::needs)
        .def("__repr__", repr_fields("PrioritiesSet", {"key_issues", "strengths", "needs"}));
    payload_class<invitee_approved>(m, "InviteeApproved",
                                    "The family approves a party to take part: a whole agency, or one named practitioner.")
        .def(py::init([](const party& who) { return invitee_approved{who}; }), py::kw_only(), "who"_a)
        .def_readwrite("who", &invitee_approved::who)
        .def("__repr__", repr_fields("InviteeApproved", {"who"}));
    payload_class<invitee_withdrawn>(m, "InviteeWithdrawn", "The family withdraws an approval.")
        .def(py::init([](const party& who) { return invitee_withdrawn{who}; }), py::kw_only(), "who"_a)
        .def_readwrite("who", &invitee_withdrawn::who)
        .def("__repr__", repr_fields("InviteeWithdrawn", {"who"}));
    payload_class<meeting_scheduled>(m, "MeetingScheduled", "The initial meeting is scheduled (the case assigns its id).")
        .def(py::init([](const sfcore::meeting& x) { return meeting_scheduled{x}; }), py::kw_only(), "meeting"_a)
        .def_readwrite("meeting", &meeting_scheduled::meeting)
        .def("__repr__", repr_fields("MeetingScheduled", {"meeting"}));
    payload_class<meeting_held>(m, "MeetingHeld", "A meeting was held; everyone who attended was approved by the family.")
        .def(py::init([](meeting_id id, std::vector<party> attendance) { return meeting_held{id, std::move(attendance)}; }),
             py::kw_only(), "meeting"_a, "attendance"_a = std::vector<party>{})
        .def_readwrite("meeting", &meeting_held::meeting)
        .def_readwrite("attendance", &meeting_held::attendance)
        .def("__repr__", repr_fields("MeetingHeld", {"meeting", "attendance"}));
    payload_class<plan_agreed>(m, "PlanAgreed", "The meeting agrees an action plan (the case assigns ids and the version).")
        .def(py::init([](const sfcore::plan& p) { return plan_agreed{p}; }), py::kw_only(), "plan"_a)
        .def_readwrite("plan", &plan_agreed::plan)
        .def("__repr__", repr_fields("PlanAgreed", {"plan"}));
    payload_class<plan_revised>(m, "PlanRevised",
                                "The lead contact revises the plan after a change of circumstances (the reason is required).")
        .def(py::init([](const sfcore::plan& p) { return plan_revised{p}; }), py::kw_only(), "plan"_a)
        .def_readwrite("plan", &plan_revised::plan)
        .def("__repr__", repr_fields("PlanRevised", {"plan"}));
    payload_class<action_updated>(m, "ActionUpdated", "An action's status changes.")
        .def(py::init([](action_id a, action_status status, const std::string& note) { return action_updated{a, status, note}; }),
             py::kw_only(), "action"_a, "status"_a, "note"_a = "")
        .def_readwrite("action", &action_updated::action)
        .def_readwrite("status", &action_updated::status)
        .def_readwrite("note", &action_updated::note)
        .def("__repr__", repr_fields("ActionUpdated", {"action", "status", "note"}));
    payload_class<review_scheduled>(m, "ReviewScheduled",
                                    "A review meeting is scheduled (the case assigns its id). It starts after the last meeting "
                                    "held and within the case's review window after it (Case.timeframes), unless "
                                    "outside_window_reason says why not (the family asked, a change of circumstances).")
        .def(py::init([](const sfcore::meeting& x, const std::string& reason) { return review_scheduled{x, reason}; }),
             py::kw_only(), "meeting"_a, "outside_window_reason"_a = "")
        .def_readwrite("meeting", &review_scheduled::meeting)
        .def_readwrite("outside_window_reason", &review_scheduled::outside_window_reason)
        .def("__repr__", repr_fields("ReviewScheduled", {"meeting", "outside_window_reason"}));
    payload_class<timeframes_set>(m, "TimeframesSet",
                                  "The timeframes the case works to from now on (the programme's are 15 working days, "
                                  "then reviews 28-42 days after the last meeting).")
        .def(py::init([](int initial, int earliest, int latest) { return timeframes_set{initial, earliest, latest}; }),
             py::kw_only(), "initial_meeting_working_days"_a = 15, "review_earliest_days"_a = 28, "review_latest_days"_a = 42)
        .def_readonly("initial_meeting_working_days", &timeframes_set::initial_meeting_working_days)
        .def_readonly("review_earliest_days", &timeframes_set::review_earliest_days)
        .def_readonly("review_latest_days", &timeframes_set::review_latest_days)
        .def("__repr__", repr_fields("TimeframesSet", {"initial_meeting_working_days", "review_earliest_days", "review_latest_days"}));
    payload_class<member_updated>(m, "MemberUpdated",
                                  "A member's details change: a correction the person asked for (Privacy Act 2020, IPP 7) or a "
                                  "change the family reports. Each detail given replaces the member's; the values before stay "
                                  "in the journal (Case.member_history()).")
        .def(py::init([](member_id mem, std::optional<std::string> name, std::optional<sfcore::member_role> role,
                         std::optional<date> born, const std::string& reason) {
                 return member_updated{mem, std::move(name), role, born, reason};
             }),
             py::kw_only(), "member"_a, "name"_a = py::none(), "role"_a = py::none(), "born"_a = py::none(), "reason"_a)
        .def_readonly("member", &member_updated::member)
        .def_readonly("name", &member_updated::name)
        .def_readonly("role", &member_updated::role)
        .def_readonly("born", &member_updated::born)
        .def_readonly("reason", &member_updated::reason)
        .def("__repr__", repr_fields("MemberUpdated", {"member", "name", "role", "born", "reason"}));
    payload_class<escalated>(m, "Escalated",
                             "Concerns rise to care and protection: the case leaves Strengthening Families for the statutory "
                             "system (the note is required).")
        .def(py::init([](const std::string& note) { return escalated{note}; }), py::kw_only(), "note"_a)
        .def_readwrite("note", &escalated::note)
        .def("__repr__", repr_fields("Escalated", {"note"}));
    payload_class<closure_started>(m, "ClosureStarted", "Closure starts, with the exit reason (a note is required for OTHER).")
        .def(py::init([](exit_reason reason, const std::string& note) { return closure_started{reason, note}; }), py::kw_only(),
             "reason"_a = exit_reason::planned, "note"_a = "")
        .def_readwrite("reason", &closure_started::reason)
        .def_readwrite("note", &closure_started::note)
        .def("__repr__", repr_fields("ClosureStarted", {"reason", "note"}));
    payload_class<final_report_submitted>(m, "FinalReportSubmitted", "The lead contact's final report to the coordinator.")
        .def(py::init([](const std::string& summary) { return final_report_submitted{summary}; }), py::kw_only(), "summary"_a)
        .def_readwrite("summary", &final_report_submitted::summary)
        .def("__repr__", repr_fields("FinalReportSubmitted", {"summary"}));
    payload_class<case_closed>(m, "CaseClosed", "The case closes (needs the final report).")
        .def(py::init<>())
        .def("__repr__", [](const case_closed&) { return std::string("CaseClosed()"); });
    payload_class<case_reopened>(m, "CaseReopened",
                                 "A closed case is reopened explicitly, with a reason; consent must be given again.")
        .def(py::init([](const std::string& reason) { return case_reopened{reason}; }), py::kw_only(), "reason"_a)
        .def_readwrite("reason", &case_reopened::reason)
        .def("__repr__", repr_fields("CaseReopened", {"reason"}));
}

void bind_lifecycle(py::module_& m) {
    py::class_<sfcore::outcome> outcome(m, "Outcome",
                                        "What became of an event offered to a case: accepted, or refused by a named guard "
                                        "with the reason. A refusal is a value; bool(outcome) is True when accepted.");
    outcome.def_readonly("accepted", &sfcore::outcome::accepted, "The event was appended.")
        .def_readonly("guard", &sfcore::outcome::guard, "The guard that refused it (Guard.NONE when accepted).")
        .def_readonly("reason", &sfcore::outcome::reason, "Why it was refused, for a person to read ('' when accepted).")
        .def_readonly("from_state", &sfcore::outcome::from, "The state before.")
        .def_readonly("to_state", &sfcore::outcome::to, "The state after (the same as before when refused).")
        .def_readonly("assigned", &sfcore::outcome::assigned,
                      "The id the event assigned (a member, meeting, consent or category), or 0.")
        .def_readonly("seq", &sfcore::outcome::seq, "The journal entry appended (0 when refused).")
        .def_readonly("missing", &sfcore::outcome::missing,
                      "For Guard.RECORD_COMPLETE: the fields the record lacks, by name ([] otherwise).")
        .def("__bool__", [](const sfcore::outcome& o) { return o.accepted; })
        .def("__repr__", repr_fields("Outcome", {"accepted", "guard", "reason", "from_state", "to_state", "assigned", "seq"}));

    py::class_<sfcore::event> event(m, "Event",
                                    "One entry of a case's journal: what happened, when, who recorded it, and its place "
                                    "in the hash chain.");
    event.def_property_readonly("type", &sfcore::event::type, "The kind of event.")
        .def_property_readonly(
            "kind", [](const sfcore::event& e) { return sfcore::kind_of(e.type()); },
            "What it is about: the lifecycle, what governs sharing, or an access record (a decision or view).")
        .def_readonly("when", &sfcore::event::when,
                      "When it happened, as the host said; for an access record, the instant it was about.")
        .def_readonly("who", &sfcore::event::who, "Who recorded it (the host system's user id).")
        .def_readonly("seq", &sfcore::event::seq, "Its place in the journal: 1, 2, 3…")
        .def_readonly("recorded", &sfcore::event::recorded, "When the library recorded it, by its clock.")
        .def_property_readonly(
            "hash", [](const sfcore::event& e) { return sfcore::to_hex(e.hash); },
            "Its hash in the chain (SHA-256 over the hash before it and every field), in hex.")
        .def_property_readonly(
            "payload", [](const sfcore::event& e) { return py::cast(e.payload); }, "What happened: a payload object.")
        .def("__repr__", repr_fields("Event", {"seq", "type", "when", "who", "payload"}));
    value_type(event);
    m.def("kind_of", &sfcore::kind_of, "type"_a,
          "What an event type is about: the lifecycle, what governs sharing, or an access record (its row in the "
          "event table).");

    py::class_<sfcore::member_version> mv(m, "MemberVersion", "A member's details as one entry of the journal left them.");
    mv.def_readonly("seq", &sfcore::member_version::seq, "The entry that made this version.")
        .def_readonly("when", &sfcore::member_version::when, "The entry's instant.")
        .def_readonly("who", &sfcore::member_version::who, "Who recorded it.")
        .def_readonly("member", &sfcore::member_version::member, "The details from that entry on.")
        .def_readonly("reason", &sfcore::member_version::reason, "Why they changed ('' for the member as added).")
        .def("__repr__", repr_fields("MemberVersion", {"seq", "when", "member", "reason"}));

    py::class_<sfcore::participation_consent> pc(m, "ParticipationConsent", "A member's written consent to take part, as it stands.");
    pc.def_readonly("member", &sfcore::participation_consent::member)
        .def_readonly("signed_on", &sfcore::participation_consent::signed_on)
        .def_readonly("form_version", &sfcore::participation_consent::form_version)
        .def_readonly("given_by", &sfcore::participation_consent::given_by, "For a child: the parent or caregiver.")
        .def_readonly("child_views", &sfcore::participation_consent::child_views)
        .def_readonly("recorded_by", &sfcore::participation_consent::recorded_by)
        .def_readonly("recorded_at", &sfcore::participation_consent::recorded_at)
        .def_readonly("ended_at", &sfcore::participation_consent::ended_at, "When it ended (withdrawn, or lapsed on reopening).")
        .def("__repr__", repr_fields("ParticipationConsent", {"member", "signed_on", "form_version", "given_by", "ended_at"}));

    py::class_<sfcore::case_roles> roles(m, "CaseRoles", "Who holds the case's roles.");
    roles.def_readonly("coordinator", &sfcore::case_roles::coordinator, "The coordinator (a practitioner id).")
        .def_readonly("lead_agency", &sfcore::case_roles::lead_agency, "The lead agency.")
        .def_readonly("lead_contact", &sfcore::case_roles::lead_contact, "The lead (key) contact (a practitioner id).")
        .def_readonly("facilitator", &sfcore::case_roles::facilitator, "An independent facilitator, if any.")
        .def("__repr__", repr_fields("CaseRoles", {"coordinator", "lead_agency", "lead_contact", "facilitator"}));

    py::class_<sfcore::transition> tr(m, "Transition",
                                      "One row of the lifecycle's transition table: in any of from_states, on event, if "
                                      "every guard holds, go to to_state (None: stay).");
    tr.def_property_readonly("from_states",
                             [](const sfcore::transition& t) {
                                 std::vector<sfcore::state> out;
                                 for (const auto& row : sfcore::state_table)
                                     if (t.from.contains(row.value)) out.push_back(row.value);
                                 return out;
                             })
        .def_readonly("event", &sfcore::transition::on)
        .def_property_readonly("guards",
                               [](const sfcore::transition& t) {
                                   std::vector<sfcore::guard> out;
                                   for (auto g : t.guards)
                                       if (g != sfcore::guard::none) out.push_back(g);
                                   return out;
                               })
        .def_property_readonly("to_state",
                               [](const sfcore::transition& t) -> std::optional<sfcore::state> {
                                   if (t.to == sfcore::stay) return std::nullopt;
                                   return t.to;
                               })
        .def("__repr__", repr_fields("Transition", {"from_states", "event", "guards", "to_state"}));
    m.def(
        "transitions", [] { return std::vector<sfcore::transition>(std::begin(sfcore::transition_table), std::end(sfcore::transition_table)); },
        "The lifecycle's transition table, row by row (the engine, the C ABI and the docs read the same table). An "
        "event with no row for a case's state is refused by Guard.NO_TRANSITION.");

    py::class_<sfcore::programme_rules> pr(m, "ProgrammeRules", "What a programme requires of the one lifecycle.");
    pr.def_readonly("programme", &sfcore::programme_rules::programme)
        .def_readonly("panel_acceptance", &sfcore::programme_rules::panel_acceptance, "A panel accepts referrals.")
        .def_readonly("plan_per_child", &sfcore::programme_rules::plan_per_child, "One plan per child, with the child's views.")
        .def_readonly("child_age_limit", &sfcore::programme_rules::child_age_limit, "A plan's child is younger than this.")
        .def_readonly("site_required", &sfcore::programme_rules::site_required, "A referral names its site.")
        .def_property_readonly(
            "exit_reasons",
            [](const sfcore::programme_rules& r) {
                std::vector<sfcore::exit_reason> out;
                for (const auto& row : sfcore::exit_reason_table)
                    if (r.exit_reasons >> static_cast<unsigned>(row.value) & 1u) out.push_back(row.value);
                return out;
            },
            "The exit reasons the programme uses.")
        .def("__repr__", repr_fields("ProgrammeRules", {"programme", "panel_acceptance", "plan_per_child", "site_required"}));
    m.def(
        "programme_rules", [] { return std::vector<sfcore::programme_rules>(std::begin(sfcore::programme_rules_table), std::end(sfcore::programme_rules_table)); },
        "The rules of each programme, in programme order.");

    m.def("nz_time", &sfcore::nz_time, "day"_a, "hour"_a, "minute"_a,
          "A New Zealand local date and time (Pacific/Auckland) as an aware datetime. Raises ArgumentError "
          "(OUT_OF_RANGE) for a time skipped or repeated by daylight saving.");
}

void bind_calendar(py::module_& m) {
    py::class_<sfcore::holiday> holiday(m, "Holiday", "A public holiday as observed.");
    holiday.def_readonly("date", &sfcore::holiday::date, "The day it is observed.")
        .def_readonly("name", &sfcore::holiday::name, "Its name, e.g. 'Waitangi Day (observed)'.")
        .def("__repr__", repr_fields("Holiday", {"date", "name"}));

    py::class_<sfcore::holiday_calendar> cal(m, "HolidayCalendar",
                                             "New Zealand's national public holidays and working-day arithmetic "
                                             "(Mondayisation, Easter, Matariki 2022–2030; add regional anniversary days).");
    cal.def(py::init<>())
        .def("holidays", &sfcore::holiday_calendar::holidays, "year"_a, "The holidays observed in a year, in date order.")
        .def("is_holiday", &sfcore::holiday_calendar::is_holiday, "day"_a)
        .def(
            "is_working_day",
            [](const sfcore::holiday_calendar& c, const sfcore::date& d, sfcore::working_day_rule rule) {
                return c.is_working_day(d, rule);
            },
            "day"_a, py::kw_only(), "rule"_a = sfcore::working_day_rule::public_holidays,
            "A working day by the rule: PUBLIC_HOLIDAYS (Monday to Friday, not a public holiday) or PRIVACY_ACT "
            "(the Privacy Act 2020's definition, s 7: also no day from 25 December to 15 January).")
        .def(
            "add_working_days",
            [](const sfcore::holiday_calendar& c, const sfcore::date& d, int n, sfcore::working_day_rule rule) {
                return c.add_working_days(d, n, rule);
            },
            "start"_a, "days"_a, py::kw_only(), "rule"_a = sfcore::working_day_rule::public_holidays,
            "The day so many working days (by the rule) after start (start itself is not counted).")
        .def(
            "working_days_between",
            [](const sfcore::holiday_calendar& c, const sfcore::date& a, const sfcore::date& b, sfcore::working_day_rule rule) {
                return c.working_days_between(a, b, rule);
            },
            "start"_a, "end"_a, py::kw_only(), "rule"_a = sfcore::working_day_rule::public_holidays,
            "Working days (by the rule) after start up to and including end (0 when end <= start).")
        .def(
            "privacy_response_due", [](const sfcore::holiday_calendar& c, const sfcore::date& received) {
                return sfcore::privacy_response_due(received, c);
            },
            "received"_a,
            "The last day to answer a Privacy Act request for access or correction received on a day: 20 working "
            "days after it by the Privacy Act's definition (Privacy Act 2020, ss 40-48; an s 48 extension is the host's to record).")
        .def("set_matariki", &sfcore::holiday_calendar::set_matariki, "year"_a, "day"_a,
             "Set the Matariki holiday of a year after the built-in table (a Friday).")
        .def("add", &sfcore::holiday_calendar::add, "day"_a, "name"_a, "Add a holiday of your own (a regional anniversary day).")
        .def("__repr__", [](const sfcore::holiday_calendar&) { return std::string("HolidayCalendar()"); });

    m.def("is_valid_nhi", [](std::string_view t) { return sfcore::is_valid_nhi(t); }, "text"_a,
          "True for a well-formed NHI number in either format (AAANNNC or AAANNAX; letters in either case).");
    m.def("checked_nhi", [](std::string_view t) { return sfcore::checked_nhi(t); }, "text"_a,
          "An NHI number checked and in capitals; raises ArgumentError (INVALID_ARGUMENT) naming what is wrong.");
    m.def("working_day_rule_source", [](sfcore::working_day_rule rule) { return std::string(sfcore::source_of(rule)); },
          "rule"_a, "The law a definition of working day comes from.");
    m.attr("PRIVACY_RESPONSE_WORKING_DAYS") = sfcore::privacy_response_working_days;

    py::class_<sfcore::timeframes> tf(m, "Timeframes",
                                      "The targets a case works to (the defaults are the programme's). A case holds its own "
                                      "(Case.timeframes, set by TimeframesSet); queries given none use the case's.");
    tf.def(py::init([](int initial, int earliest, int latest) { return sfcore::timeframes{initial, earliest, latest}; }),
           py::kw_only(), "initial_meeting_working_days"_a = 15, "review_earliest_days"_a = 28, "review_latest_days"_a = 42)
        .def_readwrite("initial_meeting_working_days", &sfcore::timeframes::initial_meeting_working_days)
        .def_readwrite("review_earliest_days", &sfcore::timeframes::review_earliest_days)
        .def_readwrite("review_latest_days", &sfcore::timeframes::review_latest_days)
        .def("__repr__", repr_fields("Timeframes", {"initial_meeting_working_days", "review_earliest_days", "review_latest_days"}));

    py::class_<sfcore::overdue_item> od(m, "OverdueItem", "One thing that is overdue.");
    od.def_readonly("case_id", &sfcore::overdue_item::case_ref)
        .def_readonly("kind", &sfcore::overdue_item::kind)
        .def_readonly("due", &sfcore::overdue_item::due)
        .def_readonly("days_late", &sfcore::overdue_item::days_late, "Calendar days late on the as-of date.")
        .def_readonly("action", &sfcore::overdue_item::action, "The action, for OverdueKind.ACTION (else 0).")
        .def_readonly("what", &sfcore::overdue_item::what, "A plain-language line.")
        .def("__repr__", repr_fields("OverdueItem", {"case_id", "kind", "due", "days_late", "what"}));
}

void bind_report(py::module_& m) {
    py::class_<sfcore::report_action> ra(m, "ReportAction", "One action as the final report lists it.");
    ra.def_readonly("description", &sfcore::report_action::description)
        .def_readonly("owner", &sfcore::report_action::owner, "Who was to do it (a name).")
        .def_readonly("due", &sfcore::report_action::due)
        .def_readonly("status", &sfcore::report_action::status)
        .def("__repr__", repr_fields("ReportAction", {"description", "owner", "due", "status"}));
    py::class_<sfcore::report_meeting> rm(m, "ReportMeeting", "One meeting as the final report lists it.");
    rm.def_readonly("day", &sfcore::report_meeting::day)
        .def_readonly("kind", &sfcore::report_meeting::kind)
        .def_readonly("attended", &sfcore::report_meeting::attended)
        .def("__repr__", repr_fields("ReportMeeting", {"day", "kind", "attended"}));

    py::class_<sfcore::outcome_tally> ot(m, "OutcomeTally", "How many of a case's actions serve an outcome area, and how many were done.");
    ot.def_readonly("area", &sfcore::outcome_tally::area)
        .def_readonly("actions", &sfcore::outcome_tally::actions)
        .def_readonly("done", &sfcore::outcome_tally::done)
        .def("__repr__", repr_fields("OutcomeTally", {"area", "actions", "done"}));
    py::class_<sfcore::final_report> fr(m, "FinalReport",
                                        "The final report: what the family set out to do, what was done, how timely the "
                                        "process was and how it ended. Generated from the journal, never typed.");
    fr.def_readonly("case_id", &sfcore::final_report::case_ref)
        .def_readonly("family_name", &sfcore::final_report::family_name)
        .def_readonly("programme", &sfcore::final_report::programme)
        .def_readonly("referred", &sfcore::final_report::referred)
        .def_readonly("key_issues", &sfcore::final_report::key_issues)
        .def_readonly("lead_agency", &sfcore::final_report::lead_agency)
        .def_readonly("key_contact", &sfcore::final_report::key_contact)
        .def_readonly("done", &sfcore::final_report::done)
        .def_readonly("not_done", &sfcore::final_report::not_done)
        .def_readonly("meetings", &sfcore::final_report::meetings)
        .def_readonly("days_to_initial_meeting", &sfcore::final_report::days_to_initial_meeting,
                      "Working days from referral to the initial meeting, if held.")
        .def_readonly("initial_meeting_target", &sfcore::final_report::initial_meeting_target)
        .def_readonly("reviews_held", &sfcore::final_report::reviews_held)
        .def_readonly("reviews_late", &sfcore::final_report::reviews_late)
        .def_readonly("outcomes", &sfcore::final_report::outcomes,
                      "The outcome areas the plans' actions serve, with how many actions name each and how many were done.")
        .def_readonly("reviews_outside_window", &sfcore::final_report::reviews_outside_window,
                      "Reviews booked outside the window, each with the reason recorded.")
        .def_readonly("exit_reason", &sfcore::final_report::exit)
        .def_readonly("exit_note", &sfcore::final_report::exit_note)
        .def_readonly("closed_on", &sfcore::final_report::closed_on)
        .def_readonly("lead_contact_summary", &sfcore::final_report::lead_contact_summary)
        .def_readonly("plan_versions", &sfcore::final_report::plan_versions)
        .def("to_markdown", [](const sfcore::final_report& r) { return sfcore::to_markdown(r); }, "The report as Markdown.")
        .def("__repr__", repr_fields("FinalReport", {"case_id", "family_name", "programme", "exit_reason", "closed_on"}));
}

case_class bind_case_file(py::module_& m) {
    using sfcore::case_file;
    case_class c(m, "Case",
                 "A case: one family's journey through a programme, kept as one journal of entries whose fold is its "
                 "state: the lifecycle, and what governs sharing its information. Offer each fact with record(): it is "
                 "accepted, or refused with the guard and the reason (a refusal is a value). decide() and view() record "
                 "what was decided and shown. Bad input raises and changes nothing. Every Python thread may use one Case "
                 "at once.");
    c.def_static(
         "open",
         [](sfcore::case_id id, const sfcore::agency_directory& directory, const sfcore::referral& referral,
            const std::string& recorded_by, const sfcore::instant& recorded_at, strict_bool encrypted) {
             return make_case(case_file::open(id, directory, referral, recorded_by, recorded_at,
                                              encrypted ? sfcore::at_rest::encrypted : sfcore::at_rest::plain));
         },
         py::kw_only(), "case_id"_a, "directory"_a, "referral"_a, "recorded_by"_a, "recorded_at"_a, "encrypted"_a = false,
         "Open a case from a referral. recorded_at must be a timezone-aware datetime. With encrypted=True the case "
         "gets a key of its own and every entry is stored sealed under it (a Store needs a key_provider to keep it; "
         "it cannot be archived or pickled). Raises ArgumentError for bad input.")
        .def_static(
            "replay",
            [](sfcore::case_id id, std::vector<sfcore::event> journal) { return make_case(case_file::replay(id, std::move(journal))); },
            "case_id"_a, "journal"_a,
            "Rebuild a case from its journal: the hash chain is verified from the case's id, every entry checked again "
            "and every recorded decision made again. Raises StorageError (INTEGRITY) or ArgumentError.")
        .def(
            "record",
            [](sfcore::shared_case& self, sfcore::event_payload payload, const sfcore::agency_directory& directory,
               const std::string& recorded_by, const sfcore::instant& at) {
                return self.write([&](case_file& k) { return k.record(directory, recorded_by, at, std::move(payload)); });
            },
            "payload"_a, py::kw_only(), "directory"_a, "recorded_by"_a, "at"_a,
            "Offer a fact (a payload object, e.g. PreparationStarted() or SharingConsentGiven(...)): returns an Outcome, "
            "accepted or refused. at is an aware datetime, never earlier than the last fact.")
        .def(
            "would_accept",
            [](const sfcore::shared_case& self, const sfcore::event_payload& payload,
               const sfcore::agency_directory& directory, const std::string& recorded_by, const sfcore::instant& at) {
                return self.read([&](const case_file& k) { return k.would_accept(directory, recorded_by, at, payload); });
            },
            "payload"_a, py::kw_only(), "directory"_a, "recorded_by"_a, "at"_a,
            "As record(), without changing the case: would the fact be accepted?")
        .def_property_readonly("id", reading([](const case_file& k) { return k.id(); }), "The case's id.")
        .def_property_readonly("state", reading([](const case_file& k) { return k.state(); }), "Where the case is in its lifecycle.")
        .def_property_readonly("programme", reading([](const case_file& k) { return k.programme(); }))
        .def_property_readonly("referral", reading([](const case_file& k) { return k.referral(); }))
        .def_property_readonly(
            "journal", reading([](const case_file& k) { return std::vector<sfcore::event>(k.journal().begin(), k.journal().end()); }),
            "Every entry, oldest first (a copy).")
        .def_property_readonly("version", reading([](const case_file& k) { return k.journal().size(); }),
                               "How many entries the journal holds (what a store append expects next).")
        .def_property_readonly("members", reading([](const case_file& k) { return k.members(); }),
                               "The family members, in the order they were added.")
        .def(
            "member",
            [](const sfcore::shared_case& s, sfcore::member_id id) { return s.read([&](const case_file& k) { return k.member_at(id); }); },
            "member_id"_a, "A member by id. Raises ArgumentError (NOT_FOUND).")
        .def(
            "member_history",
            [](const sfcore::shared_case& s, sfcore::member_id id) { return s.read([&](const case_file& k) { return k.member_history(id); }); },
            "member_id"_a,
            "Every version of a member's details, oldest first: as added, then after each MemberUpdated entry. "
            "Raises ArgumentError (NOT_FOUND).")
        .def_property_readonly("consents", reading([](const case_file& k) { return k.consents(); }),
                               "Every member's consent to take part, as it stands.")
        .def_property_readonly("roles", reading([](const case_file& k) { return k.roles(); }))
        .def_property_readonly("priorities", reading([](const case_file& k) { return k.priorities(); }),
                               "The family's key issues, strengths and needs.")
        .def_property_readonly("approved", reading([](const case_file& k) { return k.approved(); }),
                               "The parties the family approved to take part.")
        .def_property_readonly("refused", reading([](const case_file& k) { return k.refused(); }),
                               "The parties the family refused (withdrew approval of, and has not approved again): none "
                               "of them can be made lead agency, key contact or an action's owner.")
        .def_property_readonly("timeframes", reading([](const case_file& k) { return k.timeframes(); }),
                               "The timeframes the case works to: the programme's, unless its journal sets others "
                               "(TimeframesSet). Queries given timeframes=None use these.")
        .def(
            "is_approved",
            [](const sfcore::shared_case& s, const sfcore::party& p) { return s.read([&](const case_file& k) { return k.is_approved(p); }); },
            "party"_a,
            "True when the party may take part: a family member, or an agency or named practitioner the family "
            "approved (approving an agency does not approve its workers by name, nor the reverse).")
        .def_property_readonly("meetings", reading([](const case_file& k) { return k.meetings(); }))
        .def_property_readonly("plans", reading([](const case_file& k) { return k.plans(); }),
                               "The current plans: one family plan, or one per child.")
        .def_property_readonly("plan_history", reading([](const case_file& k) { return k.plan_history(); }),
                               "Every version of every plan, oldest first.")
        .def_property_readonly("exit_reason", reading([](const case_file& k) { return k.exit_reason(); }))
        .def_property_readonly("exit_note", reading([](const case_file& k) { return k.exit_note(); }))
        .def_property_readonly("final_report_summary", reading([](const case_file& k) { return k.final_report_summary(); }))
        .def_property_readonly("closed_at", reading([](const case_file& k) { return k.closed_at(); }))
        .def(
            "timeline",
            [](const sfcore::shared_case& s, const sfcore::agency_directory& directory) {
                return s.read([&](const case_file& k) {
                    std::vector<std::string> out;
                    for (const auto& e : k.journal()) out.push_back(sfcore::describe(e, k, directory));
                    return out;
                });
            },
            "directory"_a, "One line per entry, e.g. '2026-03-02 09:00 NZDT  initial meeting scheduled: …'.")
        .def(
            "name_of",
            [](const sfcore::shared_case& s, const sfcore::party& p, const sfcore::agency_directory& d) {
                return s.read([&](const case_file& k) { return sfcore::name_of(p, k, d); });
            },
            "party"_a, "directory"_a, "A party's name: a member's, an agency's, or a practitioner's with their agency.")
        .def(
            "final_report",
            [](const sfcore::shared_case& s, const sfcore::agency_directory& d, const sfcore::holiday_calendar* cal,
               const sfcore::timeframes* tf) {
                return s.read([&](const case_file& k) {
                    return sfcore::make_final_report(k, d, calendar_or_default(cal), timeframes_or_default(tf));
                });
            },
            "directory"_a, "calendar"_a = py::none(), "timeframes"_a = py::none(), "The final report, generated from the journal.")
        .def(
            "initial_meeting_due",
            [](const sfcore::shared_case& s, const sfcore::holiday_calendar* cal, const sfcore::timeframes* tf) {
                return s.read([&](const case_file& k) {
                    return sfcore::initial_meeting_due(k, calendar_or_default(cal), timeframes_or_default(tf));
                });
            },
            "calendar"_a = py::none(), "timeframes"_a = py::none(),
            "The date the initial meeting is due: the referral date plus the case's working days (15 unless set).")
        .def(
            "review_due",
            [](const sfcore::shared_case& s, const sfcore::timeframes* tf) {
                return s.read([&](const case_file& k) { return sfcore::review_due(k, timeframes_or_default(tf)); });
            },
            "timeframes"_a = py::none(),
            "The date the next review is due while a plan is in force (plan active or under review): the booked "
            "review's date when one is booked and not held, else the last meeting's date plus the latest review "
            "day (else None).")
        .def(
            "next_deadline",
            [](const sfcore::shared_case& s, const sfcore::holiday_calendar* cal, const sfcore::timeframes* tf) {
                return s.read([&](const case_file& k) {
                    return sfcore::next_deadline(k, calendar_or_default(cal), timeframes_or_default(tf));
                });
            },
            "calendar"_a = py::none(), "timeframes"_a = py::none(),
            "The earliest date by which something is due (None when nothing is pending).")
        .def(
            "overdue",
            [](const sfcore::shared_case& s, const sfcore::date& as_of, const sfcore::holiday_calendar* cal,
               const sfcore::timeframes* tf) {
                return s.read([&](const case_file& k) {
                    return sfcore::overdue(k, as_of, calendar_or_default(cal), timeframes_or_default(tf));
                });
            },
            "as_of"_a, "calendar"_a = py::none(), "timeframes"_a = py::none(), "What is overdue as of a date.")
        .def("__copy__", [](const sfcore::shared_case& s) { return make_case(s.read([](const case_file& k) { return k; })); })
        .def(
            "__deepcopy__",
            [](const sfcore::shared_case& s, const py::dict&) { return make_case(s.read([](const case_file& k) { return k; })); },
            "memo"_a)
        .def(
            "__eq__",
            [](const sfcore::shared_case& a, const sfcore::shared_case& b) {
                if (&a == &b) return true;
                const case_file x = a.read([](const case_file& k) { return k; });
                return b.read([&](const case_file& k) { return x == k; });
            },
            py::is_operator(), "Same id and journal.")
        .def("__repr__", [](const sfcore::shared_case& s) {
            return s.read([](const case_file& k) {
                return "Case(id=" + std::to_string(k.id().value()) + ", family=" + repr_text(k.referral().family_name) +
                       ", state=State." + upper(sfcore::to_string(k.state())) +
                       ", entries=" + std::to_string(k.journal().size()) + ")";
            });
        });
    return c;
}

} // namespace

case_class bind_case(py::module_& m) {
    bind_directory(m);
    bind_referral(m);
    bind_model(m);
    bind_payloads(m);
    bind_lifecycle(m);
    bind_calendar(m);
    bind_report(m);
    return bind_case_file(m);
}

} // namespace sfcore_py
