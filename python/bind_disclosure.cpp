// Consent-gated disclosure: recipients, the facts that govern sharing (as
// payloads for Case.record), decisions (one and in bulk, recorded in the
// case's journal), explanations, what a requester is told, filtered views,
// notices, and the disclosure state a case's journal folds to.
#include <algorithm>

#include "bind_disclosure.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

void bind_recipient(py::module_& m) {
    py::class_<sfcore::recipient> r(m, "Recipient",
                                    "Who information is disclosed to, or by: an agency as a whole, or a named "
                                    "practitioner of it. Wherever a recipient is asked for, an Agency or a "
                                    "Practitioner from the directory will do.");
    r.def(py::init([](const sfcore::agency& a) { return sfcore::recipient::of(a.id); }), "agency"_a,
          "The agency as a whole (its consent covers its practitioners).")
        .def(py::init([](const sfcore::practitioner& p) { return sfcore::recipient::of(p.agency, p.id); }), "practitioner"_a,
             "A named practitioner (a consent to them covers only them).")
        .def(py::init([](sfcore::agency_id a, std::optional<sfcore::practitioner_id> p) {
                 return sfcore::recipient::of(a, p.value_or(sfcore::practitioner_id{}));
             }),
             py::kw_only(), "agency_id"_a, "practitioner_id"_a = py::none(), "By ids: an agency, and a named practitioner of it.")
        .def_property_readonly("agency_id", [](const sfcore::recipient& x) { return x.agency; })
        .def_property_readonly(
            "practitioner_id",
            [](const sfcore::recipient& x) { return x.practitioner ? std::optional<sfcore::practitioner_id>(x.practitioner) : std::nullopt; },
            "The named practitioner, or None for the agency as a whole.")
        .def("covers", &sfcore::recipient::covers, "asked"_a, "True when this recipient, named in a consent, covers the one asked.")
        .def(
            "__eq__", [](const sfcore::recipient& a, const sfcore::recipient& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const sfcore::recipient& x) { return py::hash(py::make_tuple(x.agency.value(), x.practitioner.value())); })
        .def("__repr__", [](const sfcore::recipient& x) {
            return "Recipient(agency_id=" + std::to_string(x.agency.value()) +
                   (x.practitioner ? ", practitioner_id=" + std::to_string(x.practitioner.value()) : std::string()) + ")";
        });
    py::implicitly_convertible<sfcore::agency, sfcore::recipient>();
    py::implicitly_convertible<sfcore::practitioner, sfcore::recipient>();
}

void bind_disclosure_payloads(py::module_& m) {
    using namespace sfcore;
    payload_class<sharing_consent_given>(m, "SharingConsentGiven",
                                         "A person's written consent to share their information: with whom (whole agencies, "
                                         "or named practitioners), which categories, for which purposes, for which days. It "
                                         "counts from the entry's instant. Who consents for whom is the rule of "
                                         "Guard.CONSENT_GIVER.")
        .def(py::init([](member_id subject, std::vector<recipient> recipients, const std::vector<category>& categories,
                         const std::vector<purpose>& purposes, const date& valid_from, const date& valid_until,
                         const date& signed_on, const std::string& form_version, std::optional<member_id> given_by,
                         const std::string& child_views) {
                 sharing_consent_given k;
                 k.subject = subject;
                 k.given_by = given_by.value_or(subject);
                 k.scope.recipients = std::move(recipients);
                 k.scope.categories = set_of(categories);
                 k.scope.purposes = purpose_set_of(purposes);
                 k.scope.from = valid_from;
                 k.scope.until = valid_until;
                 k.signed_on = signed_on;
                 k.form_version = form_version;
                 k.child_views = child_views;
                 return k;
             }),
             py::kw_only(), "subject"_a, "recipients"_a, "categories"_a, "purposes"_a, "valid_from"_a, "valid_until"_a,
             "signed_on"_a, "form_version"_a, "given_by"_a = py::none(), "child_views"_a = "")
        .def_readonly("id", &sharing_consent_given::id, "The consent's number in the case (assigned when recorded).")
        .def_readonly("subject", &sharing_consent_given::subject)
        .def_readonly("given_by", &sharing_consent_given::given_by)
        .def_property_readonly("recipients", [](const sharing_consent_given& k) { return k.scope.recipients; })
        .def_property_readonly("categories", [](const sharing_consent_given& k) { return categories_of(k.scope.categories); })
        .def_property_readonly("purposes", [](const sharing_consent_given& k) { return purposes_of(k.scope.purposes); })
        .def_property_readonly("valid_from", [](const sharing_consent_given& k) { return k.scope.from; })
        .def_property_readonly("valid_until", [](const sharing_consent_given& k) { return k.scope.until; })
        .def_readonly("signed_on", &sharing_consent_given::signed_on)
        .def_readonly("form_version", &sharing_consent_given::form_version)
        .def_readonly("child_views", &sharing_consent_given::child_views)
        .def("__repr__", repr_fields("SharingConsentGiven", {"id", "subject", "recipients", "categories", "purposes", "valid_from", "valid_until"}));
    payload_class<sharing_consent_withdrawn>(m, "SharingConsentWithdrawn",
                                             "Consent to share withdrawn from the entry's instant: wholly, or only for one "
                                             "recipient (an agency covers its practitioners) and/or one category.")
        .def(py::init([](member_id subject, std::optional<recipient> to, std::optional<category> what, const std::string& note) {
                 return sharing_consent_withdrawn{subject, to, what, note};
             }),
             py::kw_only(), "subject"_a, "recipient"_a = py::none(), "category"_a = py::none(), "note"_a = "")
        .def_readonly("subject", &sharing_consent_withdrawn::subject)
        .def_readonly("recipient", &sharing_consent_withdrawn::recipient)
        .def_readonly("category", &sharing_consent_withdrawn::what)
        .def_readonly("note", &sharing_consent_withdrawn::note)
        .def("__repr__", repr_fields("SharingConsentWithdrawn", {"subject", "recipient", "category"}));
    payload_class<confidential_marked>(m, "ConfidentialMarked",
                                       "The family marks a member's information of a category confidential (never shared "
                                       "under consent), or lifts the mark.")
        .def(py::init([](member_id subject, category what, strict_bool confidential) {
                 return confidential_marked{subject, what, confidential};
             }),
             py::kw_only(), "subject"_a, "category"_a, "confidential"_a = strict_bool{true})
        .def_readonly("subject", &confidential_marked::subject)
        .def_readonly("category", &confidential_marked::what)
        .def_readonly("confidential", &confidential_marked::confidential)
        .def("__repr__", repr_fields("ConfidentialMarked", {"subject", "category", "confidential"}));
    payload_class<issue_areas_set>(m, "IssueAreasSet", "The areas of the family's key issues: they decide what is necessary to share.")
        .def(py::init([](std::vector<issue_area> areas) { return issue_areas_set{std::move(areas)}; }), "areas"_a)
        .def_readonly("areas", &issue_areas_set::areas)
        .def("__repr__", repr_fields("IssueAreasSet", {"areas"}));
    payload_class<necessity_adjusted>(m, "NecessityAdjusted", "The family widens (or narrows) what is necessary by one category.")
        .def(py::init([](category what, strict_bool widen) { return necessity_adjusted{what, widen}; }),
             py::kw_only(), "category"_a, "widen"_a = strict_bool{true})
        .def_readonly("category", &necessity_adjusted::what)
        .def_readonly("widen", &necessity_adjusted::widen)
        .def("__repr__", repr_fields("NecessityAdjusted", {"category", "widen"}));
    payload_class<category_registered>(m, "CategoryRegistered",
                                       "An information category of the case's own, numbered after the built-in ones "
                                       "(Outcome.assigned is its number).")
        .def(py::init([](const std::string& name, const std::string& label) { return category_registered{name, label, category{}}; }),
             py::kw_only(), "name"_a, "label"_a)
        .def_readonly("name", &category_registered::name)
        .def_readonly("label", &category_registered::label)
        .def_property_readonly("id", [](const category_registered& c) { return static_cast<int>(c.id); })
        .def("__repr__", repr_fields("CategoryRegistered", {"name", "label"}));
    payload_class<consent_ages_set>(m, "ConsentAgesSet", "From which ages people consent to share for themselves.")
        .def(py::init([](int young_person, int adult) {
                 if (young_person < 0 || young_person > 255 || adult < 0 || adult > 255)
                     raise(errc::invalid_argument, "consent ages must satisfy young person age <= adult age <= 25");
                 return consent_ages_set{static_cast<std::uint8_t>(young_person), static_cast<std::uint8_t>(adult)};
             }),
             py::kw_only(), "young_person"_a = 16, "adult"_a = 18)
        .def_readonly("young_person", &consent_ages_set::young_person)
        .def_readonly("adult", &consent_ages_set::adult)
        .def("__repr__", repr_fields("ConsentAgesSet", {"young_person", "adult"}));
    payload_class<shared_without_consent>(m, "SharedWithoutConsent",
                                          "Information shared without consent under a named law, recorded with what the law "
                                          "asks: what, by whom, to whom, the basis and purpose, who approved it, why it was "
                                          "necessary and proportionate, and whether the child and family were consulted or "
                                          "told (and if not, why). An incomplete record is refused (Outcome.missing).")
        .def(py::init([](subjects_arg subjects, category what, const std::string& description, recipient discloser,
                         recipient to, legal_basis basis, s66c_purpose s66c, const std::string& requested_by,
                         s66_requester requester_role, const std::string& purpose_text, const std::string& approver, const std::string& necessity,
                         strict_bool child_consulted, strict_bool family_told, const std::string& not_told_reason) {
                 return shared_without_consent{subjects_of(std::move(subjects)), what, description, discloser, to, basis, s66c,
                                               requested_by, requester_role, purpose_text, approver, necessity, child_consulted, family_told,
                                               not_told_reason};
             }),
             py::kw_only(), "subjects"_a, "category"_a, "description"_a, "discloser"_a, "recipient"_a, "basis"_a,
             "s66c"_a = s66c_purpose::none, "requested_by"_a = "",
             "requester_role"_a = s66_requester::none, "purpose"_a = "", "approver"_a = "", "necessity"_a = "",
             "child_consulted"_a = strict_bool{false}, "family_told"_a = strict_bool{false}, "not_told_reason"_a = "")
        .def_readonly("subjects", &shared_without_consent::subjects)
        .def_readonly("category", &shared_without_consent::what)
        .def_readonly("description", &shared_without_consent::description)
        .def_readonly("discloser", &shared_without_consent::discloser)
        .def_readonly("recipient", &shared_without_consent::recipient)
        .def_readonly("basis", &shared_without_consent::basis)
        .def_readonly("s66c", &shared_without_consent::s66c)
        .def_readonly("requested_by", &shared_without_consent::requested_by)
        .def_readonly("requester_role", &shared_without_consent::requester_role)
        .def_readonly("purpose", &shared_without_consent::purpose)
        .def_readonly("approver", &shared_without_consent::approver)
        .def_readonly("necessity", &shared_without_consent::necessity)
        .def_readonly("child_consulted", &shared_without_consent::child_consulted)
        .def_readonly("family_told", &shared_without_consent::family_told)
        .def_readonly("not_told_reason", &shared_without_consent::not_told_reason)
        .def("__repr__", repr_fields("SharedWithoutConsent", {"subjects", "category", "discloser", "recipient", "basis"}));
    payload_class<request_declined>(m, "RequestDeclined", "A request for information declined, with its reasons (s66I/s66J).")
        .def(py::init([](recipient requester, subjects_arg subjects, category what, legal_basis basis,
                         std::vector<std::string> reasons, const std::string& decided_by) {
                 return request_declined{requester, subjects_of(std::move(subjects)), what, basis, std::move(reasons), decided_by};
             }),
             py::kw_only(), "requester"_a, "subjects"_a, "category"_a, "basis"_a, "reasons"_a, "decided_by"_a)
        .def_readonly("requester", &request_declined::requester)
        .def_readonly("subjects", &request_declined::subjects)
        .def_readonly("category", &request_declined::what)
        .def_readonly("basis", &request_declined::basis)
        .def_readonly("reasons", &request_declined::reasons)
        .def_readonly("decided_by", &request_declined::decided_by)
        .def("__repr__", repr_fields("RequestDeclined", {"requester", "subjects", "category", "basis", "reasons"}));
    payload_class<notice_given>(m, "NoticeGiven", "A member was given their disclosure notice (Case.notice()) for a purpose.")
        .def(py::init([](member_id who, purpose why) { return notice_given{who, why}; }), py::kw_only(), "member"_a, "purpose"_a)
        .def_readonly("member", &notice_given::member)
        .def_readonly("purpose", &notice_given::why)
        .def("__repr__", repr_fields("NoticeGiven", {"member", "purpose"}));

    // Access records: read from the journal, written by the library alone.
    payload_class<disclosure_decided>(m, "DisclosureDecided",
                                      "An access record: a request and the decision made on it (written by Case.decide()).")
        .def_readonly("discloser", &disclosure_decided::discloser)
        .def_readonly("subjects", &disclosure_decided::subjects)
        .def_readonly("category", &disclosure_decided::what)
        .def_readonly("recipient", &disclosure_decided::recipient)
        .def_readonly("purpose", &disclosure_decided::why)
        .def_readonly("permit", &disclosure_decided::permit)
        .def_readonly("rule", &disclosure_decided::rule)
        .def_readonly("subject", &disclosure_decided::subject)
        .def_readonly("consent", &disclosure_decided::consent)
        .def("__repr__", repr_fields("DisclosureDecided", {"subjects", "category", "recipient", "purpose", "permit", "rule"}));
    py::class_<shown_item> si(m, "ShownItem", "One item a view showed: whom it is about and its category (never its content).");
    si.def_readonly("subjects", &shown_item::subjects)
        .def_readonly("category", &shown_item::what)
        .def("__repr__", repr_fields("ShownItem", {"subjects", "category"}));
    payload_class<view_shown>(m, "ViewShown", "An access record: a filtered view shown to a recipient (written by Case.view()).")
        .def_readonly("recipient", &view_shown::recipient)
        .def_readonly("purpose", &view_shown::why)
        .def_readonly("offered", &view_shown::offered, "How many items the view was made from.")
        .def_readonly("shown", &view_shown::shown)
        .def("__repr__", repr_fields("ViewShown", {"recipient", "purpose", "offered", "shown"}));
    payload_class<legacy_audit_imported>(m, "LegacyAuditImported",
                                         "The audit log a case kept in sfcore 0.1, carried over whole when it was converted.")
        .def_readonly("text", &legacy_audit_imported::text)
        .def_readonly("entries", &legacy_audit_imported::entries)
        .def_readonly("head", &legacy_audit_imported::head)
        .def("__repr__", repr_fields("LegacyAuditImported", {"entries", "head"}));
}


// Case.decide() and Case.check(): the hot path, called with keywords. Parsed
// here, not by pybind11's dispatcher (see fast_args); the conversions are
// pybind11's casters.
template <bool Record>
PyObject* decide_or_check(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
    constexpr std::size_t n = Record ? 8 : 7;
    static const auto names = [] {
        if constexpr (Record)
            return interned<n>({"directory", "discloser", "subjects", "category", "recipient", "purpose", "at", "actor"});
        else
            return interned<n>({"directory", "discloser", "subjects", "category", "recipient", "purpose", "at"});
    }();
    try {
        const fast_args<n> a(Record ? "decide" : "check", names, args, nargs, kwnames);
        auto* me = unwrap<shared_case>(self);
        if (!me) throw py::type_error("decide() and check() are methods of sfcore.Case");
        auto& s = *me;
        const auto* dir = unwrap<sfcore::agency_directory>(a[0]);
        if (!dir)
            throw py::type_error(std::string(Record ? "decide" : "check") + "(): argument 'directory' has the wrong type: " +
                                 py::str(a[0].get_type().attr("__name__")).cast<std::string>());
        const auto& directory = *dir;
        const auto discloser = recipient_from(a[1], &directory);
        const auto subjects = a.template get<member_subjects_arg>(2);
        const auto what = resolve(a.template get<category_ref>(3), s);
        const auto recipient = recipient_from(a[4], &directory);
        const auto why = a.template get<sfcore::purpose>(5);
        const auto at = a.template get<sfcore::instant>(6);
        sfcore::decision d;
        if constexpr (Record) {
            const std::string actor = a.template get<std::string>(7);
            d = s.decide(directory, {discloser, subjects_in(subjects, s.id()), what, recipient, why, at}, actor);
        } else if (const auto* one = std::get_if<member_ref>(&subjects)) {
            d = s.check(directory, discloser, member_in(*one, s.id()), what, recipient, why, at);  // no request to build
        } else {
            d = s.check(directory, {discloser, subjects_in(subjects, s.id()), what, recipient, why, at});
        }
        return wrap(py_decision{d, s.id()}).release().ptr();
    } catch (...) {
        return python_error_from_current();
    }
}

void add_fast_method(py::handle cls, PyMethodDef* def) {
    py::object descr = py::reinterpret_steal<py::object>(PyDescr_NewMethod(reinterpret_cast<PyTypeObject*>(cls.ptr()), def));
    if (!descr || PyObject_SetAttrString(cls.ptr(), def->ml_name, descr.ptr()) != 0) throw py::error_already_set();
}

void bind_case_disclosure(case_class& c) {
    c.def(
         "decide_many",
         [](shared_case& s, const py::sequence& requests, const sfcore::agency_directory& directory, const std::string& actor) {
             auto rs = requests_of(requests);
             decision_batch out{std::vector<sfcore::decision>(rs.rs.size()), s.read([](const case_file& k) { return k.id(); })};
             {
                 py::gil_scoped_release unlocked;
                 s.decide_many(directory, rs.rs.data(), rs.rs.size(), actor, out.decisions.data());
             }
             return out;
         },
         "requests"_a, py::kw_only(), "directory"_a, "actor"_a,
         "Decide many requests (a sequence of Request) in one call, recording each in the journal, without holding the "
         "GIL. Returns a DecisionBatch in request order: the same decisions and entries as decide() on each. A malformed "
         "request raises; the decisions before it stay recorded.")
        .def(
            "check_many",
            [](const shared_case& s, const py::sequence& requests, const sfcore::agency_directory& directory) {
                auto rs = requests_of(requests);
                decision_batch out{std::vector<sfcore::decision>(rs.rs.size()), s.read([](const case_file& k) { return k.id(); })};
                {
                    py::gil_scoped_release unlocked;
                    s.check_many(directory, rs.rs.data(), rs.rs.size(), out.decisions.data());
                }
                return out;
            },
            "requests"_a, py::kw_only(), "directory"_a, "As decide_many(), without recording.")
        .def(
            "explain",
            [](const shared_case& s, const std::variant<py_decision, std::uint64_t>& which) {
                const std::uint64_t seq = std::holds_alternative<py_decision>(which) ? std::get<py_decision>(which).d.seq
                                                                                       : std::get<std::uint64_t>(which);
                return s.read([&](const case_file& k) { return k.explain(seq); });
            },
            "decision"_a,
            "The full reason for a recorded decision (a Decision, or its journal entry's seq), for the coordinator and "
            "the audit, from the journal (ids, never names). Raises ArgumentError (NOT_FOUND) for anything else.")
        .def(
            "view",
            [](shared_case& s, const std::vector<sfcore::info_item>& items, const sfcore::agency_directory& directory,
               const sfcore::recipient& recipient, sfcore::purpose purpose, const sfcore::instant& at, const std::string& actor) {
                return s.write([&](case_file& k) { return k.view(directory, items, recipient, purpose, at, actor); });
            },
            "items"_a, py::kw_only(), "directory"_a, "recipient"_a, "purpose"_a, "at"_a, "actor"_a,
            "What a recipient may see of the items for a purpose at an instant: only the permitted ones, in order; "
            "nothing tells what was left out. The view is recorded in the journal.")
        .def(
            "notice",
            [](const shared_case& s, member_ref member, const sfcore::agency_directory& directory,
               sfcore::purpose purpose, const sfcore::instant& at) {
                const sfcore::member_id id = member_in(member, s.id());
                return s.read([&](const case_file& k) { return k.notice(directory, id, purpose, at); });
            },
            "member"_a, py::kw_only(), "directory"_a, "purpose"_a, "at"_a,
            "A member's disclosure notice: who may receive which of their information for a purpose, what they marked "
            "confidential, and what was shared without consent that they were told of (record NoticeGiven when given).")
        .def_property_readonly(
            "categories", reading([](const case_file& k) { return k.disclosure().categories(); }),
            "The case's information categories (a copy).")
        .def_property_readonly(
            "sharing_consents", reading([](const case_file& k) { return k.disclosure().consents(); }),
            "Every consent to share, in the order given.")
        .def_property_readonly(
            "withdrawals", reading([](const case_file& k) { return k.disclosure().withdrawals(); }),
            "Every withdrawal of consent to share (withdrawals from the process included).")
        .def_property_readonly(
            "consent_ages", reading([](const case_file& k) { return k.disclosure().ages(); }),
            "From which ages people consent to share for themselves.")
        .def(
            "necessary_at",
            [](const shared_case& s, const sfcore::instant& at) {
                return categories_of(s.read([&](const case_file& k) { return k.disclosure().necessary_at(at); }));
            },
            "at"_a, "The categories necessary at an instant.")
        .def(
            "confidential_at",
            [](const shared_case& s, sfcore::member_id mem, const sfcore::instant& at) {
                return categories_of(s.read([&](const case_file& k) { return k.disclosure().confidential_at(mem, at); }));
            },
            "member"_a, "at"_a, "The categories of a member marked confidential at an instant.")
        .def(
            "entries",
            [](const shared_case& s, sfcore::event_type type) {
                return s.read([&](const case_file& k) {
                    std::vector<sfcore::event> out;
                    for (const auto* e : k.entries(type)) out.push_back(*e);
                    return out;
                });
            },
            "type"_a, "The journal's entries of one type, oldest first.")
        .def(
            "access_log",
            [](const shared_case& s, const std::string& actor) {
                return s.read([&](const case_file& k) {
                    std::vector<sfcore::event> out;
                    for (const auto* e : k.access_log(actor)) out.push_back(*e);
                    return out;
                });
            },
            "actor"_a = "", "Every decision made and view shown (by one actor, or by anyone for ''), oldest first.");

    static PyMethodDef decide_def{
        "decide", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(&decide_or_check<true>)),
        METH_FASTCALL | METH_KEYWORDS,
        "decide(self: Case, directory: AgencyDirectory, discloser: Recipient, subjects: Union[int, Member, List[Union[int, Member]]], "
        "category: Category | int | str, recipient: Recipient, purpose: Purpose, at: datetime.datetime, actor: str) -> Decision\n\n"
        "Decide a request and record the decision in the case's journal. subjects: one member or a list (every "
        "one must consent; deny overrides), each an id or a Member read from this case (a Member of another case "
        "raises ArgumentError: member numbers are per case). A recipient or discloser is a Recipient, an Agency or a Practitioner. "
        "A refusal is a returned Decision; a malformed request (an unknown member or recipient) raises DisclosureError "
        "or ArgumentError."};
    static PyMethodDef check_def{
        "check", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)(void)>(&decide_or_check<false>)),
        METH_FASTCALL | METH_KEYWORDS,
        "check(self: Case, directory: AgencyDirectory, discloser: Recipient, subjects: Union[int, Member, List[Union[int, Member]]], "
        "category: Category | int | str, recipient: Recipient, purpose: Purpose, at: datetime.datetime) -> Decision\n\n"
        "As decide(), without recording (to preview, or to ask about any past or future instant)."};
    add_fast_method(c, &decide_def);
    add_fast_method(c, &check_def);
}

} // namespace

void bind_disclosure(py::module_& m, case_class& c) {
    bind_recipient(m);
    bind_disclosure_payloads(m);
    bind_records(m);
    bind_case_disclosure(c);
    m.def("requester_reason", [](sfcore::case_id id, const py_decision& d) { return sfcore::requester_reason(id, d.d); },
          "case_id"_a, "decision"_a, "As Decision.requester_reason, for a decision of a case.");
}

} // namespace sfcore_py
