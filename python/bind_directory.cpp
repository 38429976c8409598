// The agency directory and referrals.
#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

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

} // namespace sfcore_py
