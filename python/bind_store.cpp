// Archives (bytes to keep or move between systems) and the SQLite case store.
#include <memory>

#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

// Store.list() and Store.cases(): the same query keywords, read(store, query)
// for the answer, with the GIL released while it reads.
template <class Read>
void def_query(py::class_<py_store>& st, const char* name, Read read, const char* doc) {
    st.def(
        name,
        [read](const py_store& s, std::optional<sfcore::state> state, std::optional<sfcore::programme> programme,
               std::optional<sfcore::practitioner_id> coordinator, std::optional<sfcore::date> overdue_on) {
            const sfcore::case_query q{state, programme, coordinator, overdue_on};
            py::gil_scoped_release unlocked;
            return read(s.get(), q);
        },
        py::kw_only(), "state"_a = py::none(), "programme"_a = py::none(), "coordinator"_a = py::none(),
        "overdue_on"_a = py::none(), doc);
}

void bind_archives(py::module_& m) {
    py::class_<sfcore::archive_info> info(m, "ArchiveInfo", "What an archive's frame says.");
    info.def_readonly("format_version", &sfcore::archive_info::format_version)
        .def_readonly("encoding", &sfcore::archive_info::encoding)
        .def_readonly("content", &sfcore::archive_info::content)
        .def_readonly("payload_size", &sfcore::archive_info::payload_size)
        .def("__repr__", repr_fields("ArchiveInfo", {"format_version", "encoding", "content", "payload_size"}));

    m.attr("ARCHIVE_FORMAT_VERSION") = sfcore::archive_format_version;
    m.def("inspect_archive", from_buffer([](const void* p, std::size_t n) { return sfcore::inspect_archive(p, n); }), "data"_a,
          "Check an archive's frame and checksum and say what it holds. Raises StorageError (MALFORMED, "
          "UNSUPPORTED_VERSION, CHECKSUM_MISMATCH).");
    m.def("load_case", from_buffer([](const void* p, std::size_t n) { return sfcore::load_case(p, n); }), "data"_a,
          "Load a case from an archive (as Case.from_bytes).");
    m.def("load_audit", from_buffer([](const void* p, std::size_t n) { return sfcore::load_audit(p, n); }), "data"_a,
          "Load an audit log from an archive (as AuditLog.from_bytes).");
    m.def("load_directory", from_buffer([](const void* p, std::size_t n) { return sfcore::load_directory(p, n); }),
          "data"_a, "Load an agency directory from an archive (as AgencyDirectory.from_bytes).");
}

void bind_case_store(py::module_& m) {
    py::class_<sfcore::case_summary> sum(m, "CaseSummary", "One case as the store lists it.");
    sum.def_readonly("id", &sfcore::case_summary::id)
        .def_readonly("state", &sfcore::case_summary::state)
        .def_readonly("programme", &sfcore::case_summary::programme)
        .def_readonly("coordinator", &sfcore::case_summary::coordinator)
        .def_readonly("version", &sfcore::case_summary::version, "Events stored.")
        .def_readonly("next_deadline", &sfcore::case_summary::next_deadline, "The earliest pending deadline.")
        .def("__repr__", repr_fields("CaseSummary", {"id", "state", "programme", "coordinator", "version", "next_deadline"}));

    py::class_<py_store> st(m, "Store",
                            "A case store in one SQLite file (WAL mode): cases appended event by event with optimistic "
                            "concurrency, listed and queried, with each case's ledger and the agency directory. Use it "
                            "as a context manager (it closes at the end), or call close(). One Store object per thread; "
                            "several may open the same file.");
    st.def(py::init([](const std::string& path, bool durable, int busy_timeout_ms, const sfcore::holiday_calendar* calendar,
                       const sfcore::timeframes* timeframes) {
               sfcore::store_options o;
               o.durable = durable;
               o.busy_timeout_ms = busy_timeout_ms;
               if (calendar) o.calendar = *calendar;
               if (timeframes) o.timeframes = *timeframes;
               sfcore::checked_utf8(path, "store path");
               py::gil_scoped_release unlocked;
               return py_store{std::make_unique<sfcore::case_store>(path, std::move(o)), path};
           }),
           "path"_a, py::kw_only(), "durable"_a = true, "busy_timeout_ms"_a = 5000, "calendar"_a = py::none(),
           "timeframes"_a = py::none(),
           "Open (or create) a store at a path (':memory:' for one that lives as long as the object). durable=False "
           "survives a crash but not a power loss. Raises StorageError (IO_ERROR, MALFORMED: not a store, "
           "UNSUPPORTED_VERSION).")
        .def("__enter__", [](py::object self) { return self; })
        .def(
            "__exit__", [](py_store& s, const py::args&) { s.store.reset(); }, "Close the store.")
        .def(
            "close", [](py_store& s) { s.store.reset(); }, "Close the store (later calls raise StorageError).")
        .def_property_readonly(
            "closed", [](const py_store& s) { return !s.store; }, "True once closed.")
        .def_readonly("path", &py_store::path)
        .def(
            "append",
            [](const py_store& s, const sfcore::case_file& c, std::uint64_t expected_version) {
                py::gil_scoped_release unlocked;
                return s.get().append(c, expected_version);
            },
            "case"_a, "expected_version"_a,
            "Append a case's events after the first expected_version (how many the store holds; 0 for a new case) and "
            "return the version now stored. Raises StorageError (CONFLICT when another writer got there first; "
            "IO_ERROR for a full disk or an I/O error): the store is then as it was.")
        .def(
            "load",
            [](const py_store& s, sfcore::case_id id) {
                py::gil_scoped_release unlocked;
                return s.get().load(id);
            },
            "case_id"_a, "Load a case (replayed). Raises ArgumentError (NOT_FOUND) or StorageError.")
        .def(
            "version", [](const py_store& s, sfcore::case_id id) { return s.get().version(id); }, "case_id"_a,
            "How many events the store holds for a case (0 for none).")
        .def("__len__", [](const py_store& s) { return s.get().size(); })
        .def(
            "__contains__", [](const py_store& s, sfcore::case_id id) { return id && s.get().version(id) > 0; }, "case_id"_a)
        .def(
            "__iter__",
            [](const py_store& s) {
                std::vector<sfcore::case_file> all;
                {
                    py::gil_scoped_release unlocked;
                    all = s.get().load_all();
                }
                return py::iter(py::cast(std::move(all)));
            },
            "Every case, by id (as cases()).")
        .def(
            "put_ledger",
            [](const py_store& s, sfcore::case_id id, const py_ledger& ledger, std::uint64_t expected_version) {
                py::gil_scoped_release unlocked;
                s.get().put_ledger(id, ledger.l, expected_version);
            },
            "case_id"_a, "ledger"_a, "expected_version"_a,
            "Save a case's ledger. expected_version is the number of audit entries of the stored ledger (0 for none). "
            "Raises ArgumentError (NOT_FOUND: no such case) or StorageError (CONFLICT).")
        .def(
            "ledger_version", [](const py_store& s, sfcore::case_id id) { return s.get().ledger_version(id); }, "case_id"_a,
            "The number of audit entries of the stored ledger (0 for none).")
        .def(
            "load_ledger",
            [](const py_store& s, sfcore::case_id id, const held<sfcore::case_file>& c, const held<sfcore::agency_directory>& d) {
                return py_ledger{s.get().load_ledger(id, c.get(), d.get()), c.obj, d.obj};
            },
            "case_id"_a, "case"_a, "directory"_a, "Load a case's ledger. Raises ArgumentError (NOT_FOUND) or StorageError.")
        .def(
            "put_directory", [](const py_store& s, const sfcore::agency_directory& d) { s.get().put_directory(d); },
            "directory"_a, "Save the agency directory (replacing the one stored).")
        .def(
            "directory", [](const py_store& s) { return s.get().directory(); },
            "The stored agency directory. Raises ArgumentError (NOT_FOUND) when none was saved.")
        .def("__repr__", [](const py_store& s) {
            return "Store(" + repr_text(s.path) + (s.store ? ", " + std::to_string(s.store->size()) + " cases)" : ", closed)");
        });
    def_query(st, "list", [](const sfcore::case_store& s, const sfcore::case_query& q) { return s.list(q); },
              "The cases that match every condition given, by id.");
    def_query(st, "cases", [](const sfcore::case_store& s, const sfcore::case_query& q) { return s.load_all(q); },
              "Load every case that matches, by id, in one pass from one consistent snapshot (much faster than load() "
              "per case; the GIL is released while it reads).");
}

} // namespace

void bind_store(py::module_& m) {
    bind_archives(m);
    bind_case_store(m);
}

} // namespace sfcore_py
