// The analysts' tables, made in the core (sfcore/analysis.hpp), handed to
// Python as lists (sfcore.analysis.records) or as packed arrays that
// sfcore.analysis.frame turns into pandas columns.
#include <unordered_map>

#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

// A column's text cells as Python str, one object per distinct text.
py::object text_cell(std::unordered_map<std::string, py::object>& seen, const std::string& t) {
    auto [it, fresh] = seen.try_emplace(t);
    if (fresh) it->second = py::str(t);
    return it->second;
}

// As Python lists of Python values (None where missing).
py::dict lists(const sfcore::analysis_table& t) {
    py::dict out;
    for (const auto& c : t.columns) {
        py::list l(c.missing.size());
        std::unordered_map<std::string, py::object> seen;
        for (std::size_t i = 0; i < c.missing.size(); ++i) {
            py::object v;
            if (c.missing[i]) v = py::none();
            else switch (c.kind) {
                case sfcore::column_kind::integer: v = py::int_(c.values[i]); break;
                case sfcore::column_kind::boolean: v = py::bool_(c.values[i] != 0); break;
                case sfcore::column_kind::day:
                    v = date_object(sfcore::unix_epoch.date() + boost::gregorian::days(c.values[i]));
                    break;
                case sfcore::column_kind::moment: v = instant_object(sfcore::instant_from_unix(c.values[i])); break;
                case sfcore::column_kind::text: v = text_cell(seen, c.texts[i]); break;
                }
            PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(i), v.release().ptr());
        }
        out[c.name.c_str()] = l;
    }
    return out;
}

// As packed arrays: name -> (kind, values, missing). values is int64
// little-endian bytes (or a list of str for text); missing is bytes (1 =
// missing), or None when nothing is.
py::dict arrays(const sfcore::analysis_table& t) {
    static const char* kinds[] = {"integer", "boolean", "text", "day", "moment"};
    py::dict out;
    for (const auto& c : t.columns) {
        py::object values;
        if (c.kind == sfcore::column_kind::text) {
            py::list l(c.texts.size());
            std::unordered_map<std::string, py::object> seen;
            for (std::size_t i = 0; i < c.texts.size(); ++i) {
                py::object v = c.missing[i] ? py::none() : text_cell(seen, c.texts[i]);
                PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(i), v.release().ptr());
            }
            values = l;
        } else {
            values = py::bytes(reinterpret_cast<const char*>(c.values.data()), c.values.size() * sizeof(std::int64_t));
        }
        py::object missing = c.any_missing
                                 ? py::object(py::bytes(reinterpret_cast<const char*>(c.missing.data()), c.missing.size()))
                                 : py::object(py::none());
        out[c.name.c_str()] = py::make_tuple(kinds[static_cast<int>(c.kind)], values, missing);
    }
    return out;
}

// A pseudonym key a caller gives, as bytes.
std::vector<std::uint8_t> key_of(const py::bytes& b) {
    const std::string v = b;
    return {v.begin(), v.end()};
}

} // namespace

void bind_analysis(py::module_& m) {
    m.attr("TABLES") = py::tuple(py::cast(sfcore::analysis_table_names()));
    py::class_<sfcore::identified_extract> extract(
        m, "IdentifiedExtract",
        "An access record: the case's identified records were extracted for analysis (an identified table of "
        "sfcore.analysis records one in every case it reads). Who extracted them is the entry's recorded_by.");
    value_type(extract);
    extract.def_readonly("table", &sfcore::identified_extract::table)
        .def_readonly("purpose", &sfcore::identified_extract::purpose)
        .def("__repr__", repr_fields("IdentifiedExtract", {"table", "purpose"}));
    m.def(
        "case_pseudonym",
        [](sfcore::case_id id, std::optional<py::bytes> key) {
            if (!key) return sfcore::case_pseudonym(id, sfcore::process_pseudonym_key());
            const auto k = key_of(*key);
            if (k.size() < 16) raise(sfcore::errc::invalid_argument, "a pseudonym key is at least 16 bytes");
            return sfcore::case_pseudonym(id, k);
        },
        "case_id"_a, "key"_a = py::none(),
        "The pseudonym a de-identified table gives a case: 48 bits of HMAC-SHA-256 of its id under the key (by "
        "default a random key made once per process, so pseudonyms agree across one process's tables).");
    m.def(
        "table",
        [](const std::string& name, const py::object& source, const sfcore::agency_directory& directory,
           const sfcore::holiday_calendar* calendar, const sfcore::timeframes* timeframes, strict_bool arrays,
           std::optional<std::string> identified_by, std::optional<std::string> purpose,
           std::optional<py::bytes> pseudonym_key) -> py::dict {
            sfcore::table_options o;
            o.calendar = calendar;
            if (timeframes) o.timeframes = *timeframes;
            o.identified_by = std::move(identified_by);
            o.purpose = std::move(purpose);
            if (pseudonym_key) o.pseudonym_key = key_of(*pseudonym_key);
            sfcore::table_builder rows(name, directory, o);  // checks the name and the options
            sfcore::analysis_table t;
            if (py::isinstance<py_store>(source)) {
                source.cast<const py_store&>().with([&](sfcore::case_store& store) {  // the walk is C++ alone
                    t = sfcore::make_table(store, name, directory, rows.options());
                });
            } else {
                std::vector<sfcore::shared_case*> cases;
                for (const auto& c : source) {
                    if (!py::isinstance<sfcore::shared_case>(c))
                        throw py::type_error("the " + name + " table is made from a Store or Cases, not " +
                                             py::str(c.get_type().attr("__name__")).cast<std::string>());
                    cases.push_back(&c.cast<sfcore::shared_case&>());
                }
                for (auto* c : cases) {
                    if (rows.identified()) c->write([&](sfcore::case_file& k) { rows.extract(k); });
                    else c->read([&](const sfcore::case_file& k) { rows.add(k); });
                }
                t = rows.take();
            }
            return arrays ? sfcore_py::arrays(t) : lists(t);
        },
        "name"_a, "source"_a, py::kw_only(), "directory"_a, "calendar"_a = py::none(), "timeframes"_a = py::none(),
        "arrays"_a = strict_bool{false}, "identified_by"_a = py::none(), "purpose"_a = py::none(),
        "pseudonym_key"_a = py::none(),
        "One of the analysts' tables as columns, from a Store (read without holding the GIL) or a sequence of Case: "
        "cases, members, events, meetings and actions from each case's lifecycle; decisions, sharings (without "
        "consent), declined (requests) and views from the entries of each case's journal. Enumerations are given by "
        "their identifiers ('plan_active'), parties by name. With arrays=False each column is a list of Python values "
        "(None where missing); with arrays=True each is (kind, values, missing): kind one of 'integer', 'boolean', "
        "'day' (days since 1970-01-01), 'moment' (seconds since 1970-01-01 UTC) with values as little-endian int64 "
        "bytes, or 'text' with values a list of str; missing is bytes (1 = missing) or None. sfcore.analysis builds "
        "records and DataFrames from it. "
        "A table is de-identified unless identified_by is given: no names (the family's, a member's; a member who "
        "owns an action is 'member N'), no dates of birth or exact ages (age_band instead), none of the family's "
        "own words (action descriptions, meeting venues, a sharing's description, purpose, necessity and reason "
        "for not telling, a declined request's reasons), and case ids replaced by stable pseudonyms "
        "(case_pseudonym(), under pseudonym_key or the process's key). With identified_by (who) and purpose, the "
        "table is identified, and every case it reads records an IdentifiedExtract entry first (a Store's cases are "
        "appended to it; Case objects are changed in place: save them).");
}

} // namespace sfcore_py
