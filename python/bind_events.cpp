// The case model (parties, members, meetings, plans) and each event's payload class.
#include "bind_fields.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

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

    py::class_<sfcore::member> member(m, "Member",
                                      "A member of the family/whānau. One read from a case (Case.members, Case.member()) "
                                      "carries that case's id as case_id, and a case refuses a Member of another case "
                                      "where it takes a member (member numbers are per case); a copy carries none.",
                                      py::dynamic_attr());
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
    fields_class<referral_received>(m, "ReferralReceived",
                                    "The first event of every case: its referral (made by Case.open).");
    auto accepted = fields_class<referral_accepted>(m, "ReferralAccepted",
                                                    "The suitability check passed (by a panel for Children's Teams).");
    bool_field(accepted, "by_panel", &referral_accepted::by_panel, "Accepted by a Children's Team panel.");
    payload_class<referral_declined>(m, "ReferralDeclined", "The referral is not suitable (the reason is required).")
        .def(py::init([](const std::string& reason) { return referral_declined{reason}; }), py::kw_only(), "reason"_a)
        .def_readwrite("reason", &referral_declined::reason)
        .def("__repr__", repr_fields("ReferralDeclined", {"reason"}));
    fields_class<member_added>(m, "MemberAdded", "A family member joins the case (the case assigns the id).");
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
    fields_class<consent_withdrawn>(m, "ConsentWithdrawn",
                                    "A member withdraws consent to take part: the process stops and the case closes.");
    fields_class<roles_assigned>(m, "RolesAssigned", "Assign or reassign roles; only the roles given change.");
    fields_class<preparation_started>(m, "PreparationStarted",
                                      "The family-directed preparation starts (refused until Guard.WRITTEN_CONSENT holds).");
    fields_class<priorities_set>(m, "PrioritiesSet", "The family's key issues, strengths and needs, in their words.");
    fields_class<invitee_approved>(m, "InviteeApproved",
                                   "The family approves a party to take part: a whole agency, or one named practitioner.");
    fields_class<invitee_withdrawn>(m, "InviteeWithdrawn", "The family withdraws an approval.");
    fields_class<meeting_scheduled>(m, "MeetingScheduled",
                                    "The initial meeting is scheduled (the case assigns its id).");
    fields_class<meeting_held>(m, "MeetingHeld",
                               "A meeting was held; everyone who attended was approved by the family.");
    fields_class<plan_agreed>(m, "PlanAgreed",
                              "The meeting agrees an action plan (the case assigns ids and the version).");
    fields_class<plan_revised>(m, "PlanRevised",
                               "The lead contact revises the plan after a change of circumstances (the reason is required).");
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
    fields_class<case_closed>(m, "CaseClosed", "The case closes (needs the final report).");
    payload_class<case_reopened>(m, "CaseReopened",
                                 "A closed case is reopened explicitly, with a reason; consent must be given again.")
        .def(py::init([](const std::string& reason) { return case_reopened{reason}; }), py::kw_only(), "reason"_a)
        .def_readwrite("reason", &case_reopened::reason)
        .def("__repr__", repr_fields("CaseReopened", {"reason"}));
}

namespace {

// CamelCase of an events.def name: member_updated → MemberUpdated.
std::string class_name(const char* name) {
    std::string s;
    bool up = true;
    for (const char* p = name; *p; ++p) {
        if (*p == '_') {
            up = true;
            continue;
        }
        s += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(*p))) : *p;
        up = false;
    }
    return s;
}

template <class P>
void bind_if_unbound(py::module_& m, const char* name, const char* label) {
    if (py::detail::get_type_info(typeid(P))) return;
    static std::deque<std::string> texts;  // the class's name and doc, for as long as the module lives
    const std::string& cls = texts.emplace_back(class_name(name));
    const std::string& doc = texts.emplace_back(std::string("Payload of EventType.") + name + ": " + label + ".");
    fields_class<P>(m, cls.c_str(), doc.c_str());
}

} // namespace

void bind_remaining_payloads(py::module_& m) {
#define SF_EVENT(C, value, name, label, kind) bind_if_unbound<sfcore::name>(m, #name, label);
#include "sfcore/def/events.def"
#undef SF_EVENT
}

} // namespace sfcore_py
