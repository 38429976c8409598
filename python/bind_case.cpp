// The lifecycle (cases, outcomes, the transition table), the calendar,
// timeliness and the final report; the directory and referrals are in
// bind_directory.cpp, the model and the events' payloads in bind_events.cpp.
#include "bind.hpp"
#include "bind_disclosure.hpp"

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
        .def_property_readonly("id", reading([](const case_file& k) { return k.id(); }), "The case's id.")
        .def_property_readonly("state", reading([](const case_file& k) { return k.state(); }), "Where the case is in its lifecycle.")
        .def_property_readonly("programme", reading([](const case_file& k) { return k.programme(); }))
        .def_property_readonly("referral", reading([](const case_file& k) { return k.referral(); }))
        .def_property_readonly(
            "journal", reading([](const case_file& k) { return std::vector<sfcore::event>(k.journal().begin(), k.journal().end()); }),
            "Every entry, oldest first (a copy).")
        .def_property_readonly("version", reading([](const case_file& k) { return k.journal().size(); }),
                               "How many entries the journal holds (what a store append expects next).")
        .def_property_readonly(
            "members",
            [](const sfcore::shared_case& s) {
                py::list out;
                for (auto& m : s.read([](const case_file& k) { return k.members(); })) out.append(member_of_case(std::move(m), s.id()));
                return out;
            },
            "The family members, in the order they were added (each carries this case's id as case_id).")
        .def(
            "member",
            [](const sfcore::shared_case& s, member_ref member) {
                const sfcore::member_id id = member_in(member, s.id());
                return member_of_case(s.read([&](const case_file& k) { return k.member_at(id); }), s.id());
            },
            "member_id"_a, "A member by id (or a Member of this case, read again), carrying this case's id as case_id. "
            "Raises ArgumentError (NOT_FOUND, or INVALID_ARGUMENT for a Member of another case).")
        .def(
            "member_history",
            [](const sfcore::shared_case& s, member_ref member) {
                const sfcore::member_id id = member_in(member, s.id());
                return s.read([&](const case_file& k) { return k.member_history(id); });
            },
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

// Case.record() and would_accept(), bound after every payload class is registered, so their signatures (and
// the stubs and the reference made from them) name each payload class by its Python name.
void bind_case_record(case_class& c) {
    c.def(
         "record",
         [](sfcore::shared_case& self, sfcore::event_payload payload, const sfcore::agency_directory& directory,
            const std::string& recorded_by, const sfcore::instant& at) {
             return self.write([&](sfcore::case_file& k) { return k.record(directory, recorded_by, at, std::move(payload)); });
         },
         "payload"_a, py::kw_only(), "directory"_a, "recorded_by"_a, "at"_a,
         "Offer a fact (a payload object, e.g. PreparationStarted() or SharingConsentGiven(...)): returns an Outcome, "
         "accepted or refused. at is an aware datetime, never earlier than the last fact.")
        .def(
            "would_accept",
            [](const sfcore::shared_case& self, const sfcore::event_payload& payload,
               const sfcore::agency_directory& directory, const std::string& recorded_by, const sfcore::instant& at) {
                return self.read([&](const sfcore::case_file& k) { return k.would_accept(directory, recorded_by, at, payload); });
            },
            "payload"_a, py::kw_only(), "directory"_a, "recorded_by"_a, "at"_a,
            "As record(), without changing the case: would the fact be accepted?");
}

} // namespace sfcore_py
