// A person across cases, for Python: the PersonLinked entry, a case's links,
// and the store's queries over them (sfcore/store.hpp).
#include "bind.hpp"
#include "bind_disclosure.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

void bind_persons(py::module_& m, case_class& c) {
    py::class_<sfcore::person_linked> link(
        m, "PersonLinked",
        "A member of the case is a person the host knows by its own key, so that the person's cases (a family "
        "referred twice, a child's siblings in another case) are found together: Store.person_cases(), "
        "Store.siblings(). A later link of the same member replaces this one; one person is one member of a case.");
    value_type(link);
    link.def(py::init([](sfcore::member_id member, const std::string& key, std::optional<std::string> nhi,
                         std::optional<std::string> nsn) {
                 return sfcore::person_linked{member, key, std::move(nhi), std::move(nsn)};
             }),
             py::kw_only(), "member"_a, "key"_a, "nhi"_a = py::none(), "nsn"_a = py::none(),
             "key: the host's own key for the person (not blank, at most 256 bytes); nhi: a National Health Index "
             "number (checked, kept upper-case); nsn: a National Student Number (1 to 10 digits).")
        .def_readonly("member", &sfcore::person_linked::member)
        .def_readonly("key", &sfcore::person_linked::key)
        .def_readonly("nhi", &sfcore::person_linked::nhi)
        .def_readonly("nsn", &sfcore::person_linked::nsn)
        .def("__repr__", repr_fields("PersonLinked", {"member", "key", "nhi", "nsn"}));

    c.def(
         "person_of",
         [](const sfcore::shared_case& s, sfcore::member_id id) {
             return s.read([&](const sfcore::case_file& k) { return k.person_of(id); });
         },
         "member_id"_a,
         "The person a member is (a PersonLinked, as the member's last link gave it), or None when never linked. "
         "Raises ArgumentError (NOT_FOUND) for an unknown member.")
        .def_property_readonly("persons", reading([](const sfcore::case_file& k) { return k.persons(); }),
                               "Every member's link to a person, as it stands, by member.");

    py::class_<sfcore::access_requested> req(
        m, "AccessRequested",
        "A request for access to a member's personal information (Privacy Act 2020, IPP 6), by the person or by "
        "someone with authority to ask for them (authority: '' when the person asked). It is due 20 working days "
        "after it was received by the Act's own definition, and overdue in any state of the case until answered.");
    value_type(req);
    req.def(py::init([](sfcore::member_id member, const std::string& requester, sfcore::date received,
                        const std::string& authority) {
                return sfcore::access_requested{member, requester, authority, received};
            }),
            py::kw_only(), "member"_a, "requester"_a, "received"_a, "authority"_a = "")
        .def_readonly("member", &sfcore::access_requested::member)
        .def_readonly("requester", &sfcore::access_requested::requester)
        .def_readonly("authority", &sfcore::access_requested::authority)
        .def_readonly("received", &sfcore::access_requested::received)
        .def("__repr__", repr_fields("AccessRequested", {"member", "requester", "authority", "received"}));
    py::class_<sfcore::access_extended> ext(
        m, "AccessExtended",
        "The time to answer an access request (request: its entry's seq) is extended to a later day, with the "
        "reason (Privacy Act 2020 s 48).");
    value_type(ext);
    ext.def(py::init([](std::uint64_t request, sfcore::date due, const std::string& reason) {
                return sfcore::access_extended{request, due, reason};
            }),
            py::kw_only(), "request"_a, "due"_a, "reason"_a)
        .def_readonly("request", &sfcore::access_extended::request)
        .def_readonly("due", &sfcore::access_extended::due)
        .def_readonly("reason", &sfcore::access_extended::reason)
        .def("__repr__", repr_fields("AccessExtended", {"request", "due", "reason"}));
    py::class_<sfcore::access_answered> ans(
        m, "AccessAnswered",
        "An access request was answered on a day, with the ground of each withholding (Privacy Act 2020 ss 49-53; "
        "none when given in full).");
    value_type(ans);
    ans.def(py::init([](std::uint64_t request, sfcore::date on, std::vector<std::string> withheld) {
                return sfcore::access_answered{request, on, std::move(withheld)};
            }),
            py::kw_only(), "request"_a, "on"_a, "withheld"_a = std::vector<std::string>{})
        .def_readonly("request", &sfcore::access_answered::request)
        .def_readonly("on", &sfcore::access_answered::on)
        .def_readonly("withheld", &sfcore::access_answered::withheld)
        .def("__repr__", repr_fields("AccessAnswered", {"request", "on", "withheld"}));
    py::class_<sfcore::access_request> ar(m, "AccessRequest", "An access request as the journal leaves it (Case.access_requests).");
    ar.def_readonly("seq", &sfcore::access_request::seq, "The request's entry.")
        .def_readonly("request", &sfcore::access_request::request, "What it asked (AccessRequested).")
        .def_readonly("extended_to", &sfcore::access_request::extended_to, "The last day an extension set, if any.")
        .def_readonly("extension_reason", &sfcore::access_request::extension_reason)
        .def_readonly("answered_on", &sfcore::access_request::answered_on, "The day it was answered, once it was.")
        .def_readonly("withheld", &sfcore::access_request::withheld, "The grounds of what the answer withheld.")
        .def(
            "due",
            [](const sfcore::access_request& r, const sfcore::holiday_calendar* calendar) {
                return r.due(calendar ? *calendar : sfcore::holiday_calendar{});
            },
            "calendar"_a = py::none(), "The last day to answer it: the extension's, or 20 working days after it was received.")
        .def("__repr__", repr_fields("AccessRequest", {"seq", "request", "extended_to", "answered_on"}));
    c.def_property_readonly("access_requests", reading([](const sfcore::case_file& k) { return k.access_requests(); }),
                            "Every access request (AccessRequest), oldest first, with its extension and answer.");

    py::class_<sfcore::correction_declined> cd(
        m, "CorrectionDeclined",
        "A correction a member asked for was not made: their statement of the correction sought is attached to the "
        "detail (Privacy Act 2020, IPP 7), shown with their details from then on (Case.correction_statements()); the "
        "recipients to tell are Case.disclosures_about().");
    value_type(cd);
    cd.def(py::init([](sfcore::member_id member, const std::string& detail, const std::string& statement,
                       const std::string& reason) { return sfcore::correction_declined{member, detail, statement, reason}; }),
           py::kw_only(), "member"_a, "detail"_a, "statement"_a, "reason"_a)
        .def_readonly("member", &sfcore::correction_declined::member)
        .def_readonly("detail", &sfcore::correction_declined::detail)
        .def_readonly("statement", &sfcore::correction_declined::statement)
        .def_readonly("reason", &sfcore::correction_declined::reason)
        .def("__repr__", repr_fields("CorrectionDeclined", {"member", "detail", "statement", "reason"}));
    py::class_<sfcore::correction_statement> cs(m, "CorrectionStatement", "A statement of correction attached to a member's detail.");
    cs.def_readonly("seq", &sfcore::correction_statement::seq, "The CorrectionDeclined entry.")
        .def_readonly("declined", &sfcore::correction_statement::declined, "The detail, the statement and the reason.")
        .def("__repr__", repr_fields("CorrectionStatement", {"seq", "declined"}));
    py::class_<sfcore::disclosure_of_member> dm(m, "DisclosureOfMember", "A sharing of a member's information the journal records.");
    dm.def_readonly("seq", &sfcore::disclosure_of_member::seq, "The entry that records it.")
        .def_readonly("when", &sfcore::disclosure_of_member::when)
        .def_readonly("how", &sfcore::disclosure_of_member::how,
                      "DISCLOSURE_DECIDED (permitted), VIEW_SHOWN or SHARED_WITHOUT_CONSENT.")
        .def_readonly("to", &sfcore::disclosure_of_member::to, "The recipient.")
        .def_readonly("category", &sfcore::disclosure_of_member::what)
        .def("__repr__", repr_fields("DisclosureOfMember", {"seq", "when", "how", "to", "category"}));
    c.def(
         "correction_statements",
         [](const sfcore::shared_case& s, sfcore::member_id id) {
             return s.read([&](const sfcore::case_file& k) { return k.correction_statements(id); });
         },
         "member_id"_a,
         "The statements of correction attached to a member's details, oldest first: show them wherever the "
         "member's details are shown. Raises ArgumentError (NOT_FOUND).")
        .def(
            "disclosures_about",
            [](const sfcore::shared_case& s, member_ref member) {
                const sfcore::member_id id = member_in(member, s.id());
                return s.read([&](const sfcore::case_file& k) { return k.disclosures_about(id); });
            },
            "member_id"_a,
            "Every sharing of information about a member the journal records (a permitted decision, a view that "
            "showed an item about them, a sharing without consent), oldest first: the recipients to tell of a "
            "correction or a statement (IPP 7(4)). Raises ArgumentError (NOT_FOUND).");

    py::class_<sfcore::person_case> pc(m, "PersonCase", "A person's place in one case, as Store.person_cases() finds it.");
    pc.def_readonly("id", &sfcore::person_case::id, "The case.")
        .def_readonly("member", &sfcore::person_case::member, "The member the person is in it.")
        .def_readonly("state", &sfcore::person_case::state, "Where the case is.")
        .def_readonly("programme", &sfcore::person_case::programme)
        .def_readonly("referred", &sfcore::person_case::referred, "When its referral was received.")
        .def_readonly("link", &sfcore::person_case::link, "The person's link in it (PersonLinked).")
        .def_readonly("history", &sfcore::person_case::history,
                      "Every version of the member's details in it (MemberVersion), oldest first.")
        .def("__repr__", repr_fields("PersonCase", {"id", "member", "state", "programme"}));

    py::class_<sfcore::sibling> sib(m, "Sibling", "A child related to another through a parent or caregiver they share.");
    sib.def_readonly("key", &sfcore::sibling::key, "The sibling's person key.")
        .def_readonly("case", &sfcore::sibling::in_case, "A case the sibling is a child or young person in.")
        .def_readonly("member", &sfcore::sibling::member, "The sibling's member in that case.")
        .def_readonly("details", &sfcore::sibling::details, "Their details there (Member), as they stand.")
        .def_readonly("through", &sfcore::sibling::through, "The person key of the parent or caregiver they share.")
        .def("__repr__", repr_fields("Sibling", {"key", "case", "member", "through"}));

    py::class_<sfcore::access_item> ai(m, "AccessItem", "One thing an access response tells the person.");
    ai.def_readonly("case", &sfcore::access_item::in_case)
        .def_readonly("seq", &sfcore::access_item::seq, "The journal entry it comes from.")
        .def_readonly("when", &sfcore::access_item::when)
        .def_readonly("heading", &sfcore::access_item::heading, "Its kind: 'details', 'consent to share', 'shared', 'viewed', …")
        .def_readonly("text", &sfcore::access_item::text, "What it says, about the person alone.")
        .def("__repr__", repr_fields("AccessItem", {"case", "seq", "heading", "text"}));
    py::class_<sfcore::access_withholding> aw(m, "AccessWithholding", "Something an access response withholds, with its ground.");
    aw.def_readonly("case", &sfcore::access_withholding::in_case)
        .def_readonly("seq", &sfcore::access_withholding::seq)
        .def_readonly("ground", &sfcore::access_withholding::ground, "The ground as the person is told it (it names no one).")
        .def("__repr__", repr_fields("AccessWithholding", {"case", "seq", "ground"}));
    py::class_<sfcore::access_response> resp(m, "AccessResponse",
                                             "The answer to a person's access request, from every case they are a member of.");
    resp.def_readonly("key", &sfcore::access_response::key)
        .def_readonly("cases", &sfcore::access_response::cases, "Their cases (PersonCase), each with their details' history.")
        .def_readonly("items", &sfcore::access_response::items, "What is held about them (AccessItem).")
        .def_readonly("withheld", &sfcore::access_response::withheld, "What was withheld, with its ground (AccessWithholding).")
        .def_readonly("markdown", &sfcore::access_response::markdown, "The whole answer as Markdown.")
        .def("__repr__", repr_fields("AccessResponse", {"key", "cases", "withheld"}));

    auto store = py::reinterpret_borrow<py::class_<py_store>>(m.attr("Store"));
    store
        .def(
            "person_cases",
            [](const py_store& s, const std::string& key) {
                return s.with([&](sfcore::case_store& st) { return st.person_cases(key); });
            },
            "key"_a,
            "Every case a person is a member of (a PersonLinked entry made them one), by case id, each with their "
            "details' history there: a family referred twice is two cases of the same person. Read from one "
            "snapshot; each case is verified and must hold the link the store's index names. Raises ArgumentError "
            "(INVALID_ARGUMENT, INVALID_UTF8) or StorageError (INTEGRITY, …).")
        .def(
            "access_response",
            [](const py_store& s, const std::string& key, std::optional<sfcore::agency_directory> directory) {
                return s.with([&](sfcore::case_store& st) {
                    return st.access_response(key, directory ? *directory : st.directory());
                });
            },
            "key"_a, "directory"_a = py::none(),
            "The answer to a person's access request (Privacy Act 2020, IPP 6), from every case they are a member "
            "of (AccessResponse: items, withholdings and Markdown), agencies named from directory (default: the "
            "store's). It never reveals another person: other members are never named, an entry also about another "
            "is given for the person alone with a withholding under s 53, a child's views go only to the child, a "
            "sharing the family was not told of is withheld under s 49. Nothing is recorded: record AccessAnswered "
            "with the withholdings' grounds when the answer is sent.")
        .def(
            "siblings",
            [](const py_store& s, const std::string& key) {
                return s.with([&](sfcore::case_store& st) { return st.siblings(key); });
            },
            "key"_a,
            "The siblings of a child or young person across cases: every other linked child or young person in a "
            "case where a parent or caregiver of theirs is a member, by key and case (Sibling). A sibling not "
            "linked to a person is not found.");
}

} // namespace sfcore_py
