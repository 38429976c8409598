// The disclosure state a case's journal folds to, and its records as Python
// reads them (consents, marks, sharing without consent, decisions, views).
#include "bind_disclosure.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

void bind_records(py::module_& m) {
    py::class_<sfcore::category_registry> reg(m, "CategoryRegistry",
                                              "A case's information categories: the built-in ones and the case's own (read only).");
    reg.def("name", &sfcore::category_registry::name, "category"_a, "A category's identifier.")
        .def("label", &sfcore::category_registry::label, "category"_a, "A category's label.")
        .def(
            "find",
            [](const sfcore::category_registry& r, const std::string& name) -> std::optional<category_obj> {
                auto c = r.find(name);
                if (!c) return std::nullopt;
                return category_obj{enum_object(*c)};
            },
            "name"_a, "The category with an identifier, or None.")
        .def("__len__", &sfcore::category_registry::size)
        .def(
            "__contains__", [](const sfcore::category_registry& r, int c) { return c >= 0 && r.contains(static_cast<sfcore::category>(c)); },
            "category"_a)
        .def("__repr__", [](const sfcore::category_registry& r) { return "CategoryRegistry(" + std::to_string(r.size()) + " categories)"; });

    py::class_<sfcore::sharing_consent> consent(m, "SharingConsent",
                                                "A consent to share as the case's journal holds it (read only).");
    consent.def_property_readonly("id", [](const sfcore::sharing_consent& k) { return k.given.id; })
        .def_property_readonly("subject", [](const sfcore::sharing_consent& k) { return k.given.subject; }, "Whose information.")
        .def_property_readonly("given_by", [](const sfcore::sharing_consent& k) { return k.given.given_by; })
        .def_property_readonly("recipients", [](const sfcore::sharing_consent& k) { return k.given.scope.recipients; })
        .def_property_readonly("categories", [](const sfcore::sharing_consent& k) { return categories_of(k.given.scope.categories); })
        .def_property_readonly("purposes", [](const sfcore::sharing_consent& k) { return purposes_of(k.given.scope.purposes); })
        .def_property_readonly("valid_from", [](const sfcore::sharing_consent& k) { return k.given.scope.from; })
        .def_property_readonly("valid_until", [](const sfcore::sharing_consent& k) { return k.given.scope.until; })
        .def_property_readonly("signed_on", [](const sfcore::sharing_consent& k) { return k.given.signed_on; })
        .def_property_readonly("form_version", [](const sfcore::sharing_consent& k) { return k.given.form_version; })
        .def_readonly("recorded_by", &sfcore::sharing_consent::recorded_by)
        .def_readonly("at", &sfcore::sharing_consent::at, "It counts from then.")
        .def_readonly("seq", &sfcore::sharing_consent::seq, "Its journal entry.")
        .def("__repr__", repr_fields("SharingConsent", {"id", "subject", "recipients", "categories", "purposes", "valid_from", "valid_until"}));

    py::class_<sfcore::sharing_withdrawal> wd(m, "SharingWithdrawal", "A withdrawal of consent to share, whole or partial (read only).");
    wd.def_readonly("subject", &sfcore::sharing_withdrawal::subject)
        .def_readonly("recipient", &sfcore::sharing_withdrawal::recipient, "Only this recipient (None: every one).")
        .def_readonly("category", &sfcore::sharing_withdrawal::what, "Only this category (None: every one).")
        .def_readonly("from_process", &sfcore::sharing_withdrawal::from_process,
                      "The member withdrew from the process (ConsentWithdrawn): every consent.")
        .def_readonly("recorded_by", &sfcore::sharing_withdrawal::recorded_by)
        .def_readonly("at", &sfcore::sharing_withdrawal::at, "It takes effect at this instant.")
        .def_readonly("seq", &sfcore::sharing_withdrawal::seq)
        .def("__repr__", repr_fields("SharingWithdrawal", {"subject", "recipient", "category", "from_process", "at"}));

    py::class_<sfcore::disclosure_request> req(m, "Request", "A request to disclose, for the bulk decide_many() and check_many().");
    req.def(py::init([](const sfcore::recipient& discloser, subjects_arg subjects, sfcore::category what,
                        const sfcore::recipient& recipient, sfcore::purpose why, const sfcore::instant& at) {
                return sfcore::disclosure_request{discloser, subjects_of(std::move(subjects)), what, recipient, why, at};
            }),
            py::kw_only(), "discloser"_a, "subjects"_a, "category"_a, "recipient"_a, "purpose"_a, "at"_a)
        .def_readwrite("discloser", &sfcore::disclosure_request::discloser)
        .def_readwrite("subjects", &sfcore::disclosure_request::subjects)
        .def_readwrite("category", &sfcore::disclosure_request::what)
        .def_readwrite("recipient", &sfcore::disclosure_request::recipient)
        .def_readwrite("purpose", &sfcore::disclosure_request::why)
        .def_readwrite("at", &sfcore::disclosure_request::at)
        .def("__repr__", repr_fields("Request", {"discloser", "subjects", "category", "recipient", "purpose", "at"}));

    py::class_<py_decision> dec(m, "Decision",
                                "A decision: permit or deny, the rule that decided, the subject it was decided for, and the "
                                "journal entry recording it. bool(decision) is True when permitted. requester_reason is "
                                "what the requester is told; Case.explain() gives the coordinator the full reason.");
    dec.def_property_readonly("permit", [](const py_decision& d) { return d.d.permit; })
        .def_property_readonly("rule", [](const py_decision& d) { return d.d.rule; },
                               "The rule that decided (for the coordinator and the audit, not the requester).")
        .def_property_readonly("subject", [](const py_decision& d) { return d.d.subject; },
                               "The subject the rule was applied to (for a refusal, the one who refused).")
        .def_property_readonly("consent", [](const py_decision& d) { return d.d.consent; },
                               "The consent that permitted it (0 when denied).")
        .def_property_readonly("seq", [](const py_decision& d) { return d.d.seq; },
                               "The journal entry recording it (0 when not recorded, as by check()).")
        .def_property_readonly("case_id", [](const py_decision& d) { return d.case_ref; })
        .def_property_readonly(
            "requester_reason", [](const py_decision& d) { return sfcore::requester_reason(d.case_ref, d.d); },
            "What the requester is told: whether disclosure is permitted, and the decision's reference. The same "
            "words for every refusal.")
        .def("__bool__", [](const py_decision& d) { return d.d.permit; })
        .def(
            "__eq__", [](const py_decision& a, const py_decision& b) { return a.d == b.d && a.case_ref == b.case_ref; },
            py::is_operator())
        .def("__copy__", [](const py_decision& d) { return d; })
        .def("__deepcopy__", [](const py_decision& d, const py::dict&) { return d; }, "memo"_a)
        .def(py::pickle(
            [](const py_decision& d) { return py::make_tuple(d.d.permit, d.d.rule, d.d.subject, d.d.consent, d.d.seq, d.case_ref); },
            [](const py::tuple& t) {
                if (t.size() != 6) raise(sfcore::errc::malformed, "a pickled Decision has six fields");
                py_decision d;
                d.d.permit = t[0].cast<bool>();
                d.d.rule = t[1].cast<sfcore::decision_rule>();
                d.d.subject = t[2].cast<sfcore::member_id>();
                d.d.consent = t[3].cast<std::uint32_t>();
                d.d.seq = t[4].cast<std::uint64_t>();
                d.case_ref = t[5].cast<sfcore::case_id>();
                return d;
            }))
        .def("__repr__", repr_fields("Decision", {"permit", "rule", "subject", "consent", "seq"}));

    py::class_<decision_batch> batch(m, "DecisionBatch",
                                     "Decisions made in bulk, in request order: a sequence of Decision, with the counts at hand.");
    batch.def("__len__", [](const decision_batch& b) { return b.decisions.size(); })
        .def(
            "__getitem__",
            [](const decision_batch& b, long long i) {
                const long long n = static_cast<long long>(b.decisions.size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw py::index_error("decision index out of range");
                return py_decision{b.decisions[static_cast<std::size_t>(i)], b.case_ref};
            },
            "index"_a)
        .def_property_readonly(
            "permitted", [](const decision_batch& b) { return std::count_if(b.decisions.begin(), b.decisions.end(), [](const auto& d) { return d.permit; }); },
            "How many were permitted.")
        .def_property_readonly(
            "permits",
            [](const decision_batch& b) {
                std::string bits(b.decisions.size(), '\0');
                for (std::size_t i = 0; i < bits.size(); ++i) bits[i] = b.decisions[i].permit ? 1 : 0;
                return py::bytes(bits);
            },
            "One byte per decision: 1 permitted, 0 refused.")
        .def("__repr__", [](const decision_batch& b) {
            const auto n = std::count_if(b.decisions.begin(), b.decisions.end(), [](const auto& d) { return d.permit; });
            return "DecisionBatch(" + std::to_string(b.decisions.size()) + " decisions, " + std::to_string(n) + " permitted)";
        });

    py::class_<sfcore::info_item> item(m, "InfoItem", "A piece of a family's information an agency holds, for filtered views.");
    item.def(py::init([](subjects_arg subjects, sfcore::category what, const std::string& content) {
                 return sfcore::info_item{subjects_of(std::move(subjects)), what, content};
             }),
             py::kw_only(), "subjects"_a, "category"_a, "content"_a)
        .def_readwrite("subjects", &sfcore::info_item::subjects)
        .def_property(
            "category", [](const sfcore::info_item& i) { return category_obj{enum_object(i.what)}; },
            [](sfcore::info_item& i, sfcore::category c) { i.what = c; })
        .def_readwrite("content", &sfcore::info_item::content)
        .def(
            "__eq__",
            [](const sfcore::info_item& a, const sfcore::info_item& b) {
                return a.subjects == b.subjects && a.what == b.what && a.content == b.content;
            },
            py::is_operator())
        .def("__repr__", repr_fields("InfoItem", {"subjects", "category"}));

    py::class_<sfcore::notice_line> nl(m, "NoticeLine", "One line of a disclosure notice: who may receive what.");
    nl.def_readonly("recipient", &sfcore::notice_line::recipient)
        .def_property_readonly("categories",
                               [](const sfcore::notice_line& l) {
                                   category_list out;
                                   for (auto c : l.categories) out.items.push_back(enum_object(c));
                                   return out;
                               })
        .def("__repr__", repr_fields("NoticeLine", {"recipient", "categories"}));
    py::class_<sfcore::disclosure_notice> notice(m, "Notice",
                                                 "What may be shared about one member, told to the family beforehand, in "
                                                 "plain language (str(notice) is the text).");
    notice.def_readonly("member", &sfcore::disclosure_notice::member)
        .def_readonly("purpose", &sfcore::disclosure_notice::why)
        .def_readonly("lines", &sfcore::disclosure_notice::lines)
        .def_property_readonly("confidential",
                               [](const sfcore::disclosure_notice& n) {
                                   category_list out;
                                   for (auto c : n.confidential) out.items.push_back(enum_object(c));
                                   return out;
                               },
                               "What the family marked confidential.")
        .def_readonly("shared_without_consent", &sfcore::disclosure_notice::shared_without_consent,
                      "The journal entries of sharings without consent the family was told of.")
        .def_readonly("text", &sfcore::disclosure_notice::text)
        .def("__str__", [](const sfcore::disclosure_notice& n) { return n.text; })
        .def("__repr__", repr_fields("Notice", {"member", "purpose", "lines", "confidential"}));
}

} // namespace sfcore_py
