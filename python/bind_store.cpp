// The journal's integrity (heads, verification, sealing keys), archives
// (bytes to keep or move between systems) and the case store (SQLite or PostgreSQL).
#include <cctype>
#include <map>
#include <optional>
#include <memory>

#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

/// 64 hex digits as a digest; anything else is an ArgumentError.
sfcore::digest digest_from_hex(const std::string& hex) {
    std::string lower = hex;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto d = sfcore::digest_from_hex(lower);
    if (!d) throw sfcore::error(sfcore::errc::invalid_argument, "a hash must be 64 hex digits");
    return *d;
}

/// A sealing key from Python: its id and its secret as any bytes-like object.
sfcore::sealing_key make_key(const std::string& id, const py::buffer& secret) {
    auto v = bytes_of(secret);
    sfcore::sealing_key k{id, std::vector<std::uint8_t>(static_cast<const std::uint8_t*>(v.data()),
                                                        static_cast<const std::uint8_t*>(v.data()) + v.size())};
    sfcore::check_key(k);
    return k;
}

/// A Python callable as a key provider: called with the GIL held, and released with it held.
sfcore::key_provider py_key_provider(py::function f, const std::string& current) {
    std::shared_ptr<py::function> held(new py::function(std::move(f)), [](py::function* p) {
        py::gil_scoped_acquire gil;
        delete p;
    });
    return sfcore::key_provider{[held](const std::string& id) {
                                    py::gil_scoped_acquire gil;
                                    const py::object k = (*held)(id);
                                    if (k.is_none()) return std::vector<std::uint8_t>{};
                                    if (!py::isinstance<py::bytes>(k))
                                        raise(sfcore::errc::key_error, "a key provider returns bytes or None, not " +
                                                                           std::string(py::str(k.get_type().attr("__name__"))));
                                    const std::string v = k.cast<std::string>();
                                    return std::vector<std::uint8_t>(v.begin(), v.end());
                                },
                                current};
}

/// The key provider pickles of encrypted cases use (set_pickle_keys()), kept as the module's attribute
/// _pickle_keys: (callable, key id), or None.
std::optional<sfcore::key_provider> pickle_keys() {
    const py::object held = py::module_::import("sfcore._core").attr("_pickle_keys");
    if (held.is_none()) return std::nullopt;
    const auto t = held.cast<py::tuple>();
    return py_key_provider(t[0].cast<py::function>(), t[1].cast<std::string>());
}

/// A case as an archive: its entries sealed and its key wrapped when @p provider is given, else plain.
sfcore::bytes archive_of(const sfcore::case_file& k, const std::optional<sfcore::key_provider>& provider,
                         sfcore::archive_encoding e = sfcore::archive_encoding::binary, const sfcore::sealing_key* key = nullptr) {
    return provider ? sfcore::save_archive(k, *provider, key) : sfcore::save_archive(k, e, key);
}

/// A case from an archive, with @p provider to unwrap an encrypted case's key when given.
sfcore::case_file case_of(const void* data, std::size_t n, const std::optional<sfcore::key_provider>& provider,
                          const std::vector<sfcore::sealing_key>& keys = {}) {
    return provider ? sfcore::load_case(data, n, *provider, keys) : sfcore::load_case(data, n, keys);
}

sfcore::store_checkpoint checkpoint_from(const std::map<sfcore::case_id, sfcore::journal_head>& heads) {
    sfcore::store_checkpoint cp;
    cp.heads.assign(heads.begin(), heads.end());
    return cp;
}

void bind_journal(py::module_& m, case_class& c) {
    py::class_<sfcore::journal_head> head(
        m, "JournalHead",
        "The head of a case's journal: how many entries, and the hash of the last (of the case's id when empty). "
        "Keep the head a store append returns (outside the store) and pass it to Case.verify() or Store.verify() to "
        "find truncation and rollback later.");
    head.def(py::init([](std::uint64_t seq, const std::string& hash) { return sfcore::journal_head{seq, digest_from_hex(hash)}; }),
             "seq"_a, "hash"_a, "A head from its entry count and its hash in hex (as kept).")
        .def_readonly("seq", &sfcore::journal_head::seq, "The number of entries.")
        .def_property_readonly(
            "hash", [](const sfcore::journal_head& h) { return sfcore::to_hex(h.hash); }, "The hash of the last entry, in hex.")
        .def("__hash__",
             [](const sfcore::journal_head& h) {
                 std::uint64_t x = h.seq;
                 for (std::size_t i = 0; i < 8; ++i) x = x * 131 + h.hash[i];
                 return static_cast<std::size_t>(x);
             })
        .def(py::pickle([](const sfcore::journal_head& h) { return py::make_tuple(h.seq, sfcore::to_hex(h.hash)); },
                        [](const py::tuple& t) {
                            if (t.size() != 2) throw sfcore::error(sfcore::errc::invalid_argument, "a JournalHead pickle holds two values");
                            return sfcore::journal_head{t[0].cast<std::uint64_t>(), digest_from_hex(t[1].cast<std::string>())};
                        }))
        .def("__repr__", repr_fields("JournalHead", {"seq", "hash"}));
    value_type(head);

    py::class_<sfcore::journal_verification> ver(m, "JournalVerification",
                                                 "The result of verifying a journal; true when it verifies.");
    ver.def_readonly("ok", &sfcore::journal_verification::ok, "True when the journal verifies.")
        .def_readonly("first_bad", &sfcore::journal_verification::first_bad,
                      "The first entry that does not verify (0 when ok, or when the journal is short of its anchor).")
        .def_readonly("reason", &sfcore::journal_verification::reason, "Why, for a person to read ('' when ok).")
        .def("__bool__", [](const sfcore::journal_verification& v) { return v.ok; })
        .def("__repr__", repr_fields("JournalVerification", {"ok", "first_bad", "reason"}));

    py::class_<sfcore::sealing_key> key(
        m, "SealingKey",
        "A key that seals archives and a store's summary rows: an id (1-64 printable ASCII characters) that seals "
        "name, and a secret of at least 16 bytes that you keep (sfcore stores only the id). Only a holder of the "
        "secret can make a journal that loads under it.");
    key.def(py::init(&make_key), "id"_a, "secret"_a, "Raises StorageError (KEY_ERROR) for a malformed id or a short secret.")
        .def_readonly("id", &sfcore::sealing_key::id, "The key's id.")
        .def("__repr__", [](const sfcore::sealing_key& k) { return "SealingKey(id=" + repr_text(k.id) + ", secret=<hidden>)"; });

    m.def(
        "seal_of",
        [](sfcore::case_id id, const sfcore::journal_head& h, const sfcore::sealing_key& k) {
            return sfcore::to_hex(sfcore::seal_of(id, h, k));
        },
        "case_id"_a, "head"_a, "key"_a,
        "The seal of a journal's head under a key (HMAC-SHA-256 over the case's id and the head), in hex: a signed "
        "anchor to keep with the head.");
    m.def(
        "journal_genesis", [](sfcore::case_id id) { return sfcore::to_hex(sfcore::journal_genesis(id)); }, "case_id"_a,
        "The hash a case's journal starts from (the head of an empty journal), in hex.");

    c.def_property_readonly("head", reading([](const sfcore::case_file& k) { return k.head(); }),
                            "The journal's head: keep it to verify against later.")
        .def_property_readonly("encrypted", reading([](const sfcore::case_file& k) { return k.encrypted(); }),
                               "True when the case is encrypted at rest (opened with encrypted=True).")
        .def(
            "verify",
            [](const sfcore::shared_case& s, std::optional<sfcore::journal_head> expected) {
                return s.read([&](const sfcore::case_file& k) { return k.verify(expected ? &*expected : nullptr); });
            },
            "expected"_a = py::none(),
            "Verify the journal: every entry's hash from the case's id, and (when expected is given) that the journal "
            "still holds that head at its place. Returns a JournalVerification; never raises for a bad journal.");
}

void bind_archives(py::module_& m, case_class& c) {
    py::class_<sfcore::archive_info> info(m, "ArchiveInfo", "What an archive's frame says.");
    info.def_readonly("format_version", &sfcore::archive_info::format_version)
        .def_readonly("encoding", &sfcore::archive_info::encoding)
        .def_readonly("content", &sfcore::archive_info::content)
        .def_readonly("payload_size", &sfcore::archive_info::payload_size)
        .def_readonly("sealed", &sfcore::archive_info::sealed, "It carries a keyed seal instead of a checksum.")
        .def_readonly("key_id", &sfcore::archive_info::key_id, "The id of the key it is sealed with ('' when not sealed).")
        .def_readonly("encrypted", &sfcore::archive_info::encrypted, "It holds an encrypted case (format ARCHIVE_ENCRYPTED_FORMAT_VERSION).")
        .def_readonly("host_key_id", &sfcore::archive_info::host_key_id,
                      "The id of the host key its case key is wrapped under ('' when not encrypted).")
        .def("__repr__", repr_fields("ArchiveInfo", {"format_version", "encoding", "content", "payload_size", "sealed", "key_id",
                                                     "encrypted", "host_key_id"}));

    m.attr("ARCHIVE_FORMAT_VERSION") = sfcore::archive_format_version;
    m.attr("ARCHIVE_ENCRYPTED_FORMAT_VERSION") = sfcore::archive_encrypted_format_version;
    m.def("inspect_archive", from_buffer([](const void* p, std::size_t n) { return sfcore::inspect_archive(p, n); }), "data"_a,
          "Check an archive's frame (and an unsealed archive's checksum) and say what it holds. Raises StorageError "
          "(MALFORMED, UNSUPPORTED_VERSION, CHECKSUM_MISMATCH).");

    auto load = [](const py::buffer& b, const std::vector<sfcore::sealing_key>& keys, std::optional<py::function> key_provider) {
        auto v = bytes_of(b);
        std::optional<sfcore::key_provider> provider;
        if (key_provider) provider = py_key_provider(std::move(*key_provider), "");
        sfcore::case_file k = [&] {
            py::gil_scoped_release unlocked;
            return case_of(v.data(), v.size(), provider, keys);
        }();
        return make_case(std::move(k));
    };
    const char* load_doc =
        "Load a case from an archive: the frame is checked, the journal verified from the case's id and replayed "
        "(a 0.1 case archive is converted as it loads). With keys, the archive must be sealed with one of them. "
        "An encrypted case's archive needs key_provider (a callable given a host key id, returning its 32 bytes or "
        "None): the case's key is unwrapped with the host key the archive names, and the case stays encrypted. "
        "Raises StorageError (MALFORMED, CHECKSUM_MISMATCH, INTEGRITY, KEY_ERROR, ...).";
    m.def("load_case", load, "data"_a, "keys"_a = std::vector<sfcore::sealing_key>{}, "key_provider"_a = py::none(), load_doc);
    c.def_static("from_bytes", load, "data"_a, "keys"_a = std::vector<sfcore::sealing_key>{}, "key_provider"_a = py::none(), load_doc);
    c.def(
        "to_bytes",
        [](const sfcore::shared_case& s, sfcore::archive_encoding e, const sfcore::sealing_key* key,
           std::optional<py::function> key_provider, const std::string& key_id) {
            std::optional<sfcore::key_provider> provider;
            if (key_provider) {
                if (e != sfcore::archive_encoding::binary)
                    raise(sfcore::errc::invalid_argument, "an encrypted case's archive is binary");
                provider = py_key_provider(std::move(*key_provider), key_id);
            } else if (!key_id.empty()) {
                raise(sfcore::errc::key_error, "key_id names a host key, and no key_provider was given");
            }
            sfcore::bytes b = [&] {
                py::gil_scoped_release unlocked;
                return s.read([&](const sfcore::case_file& k) { return archive_of(k, provider, e, key); });
            }();
            return to_py_bytes(b);
        },
        "encoding"_a = sfcore::archive_encoding::binary, "key"_a = py::none(), "key_provider"_a = py::none(), "key_id"_a = "",
        "The case as an archive: its id and whole journal. With a key, the archive is sealed (HMAC-SHA-256) instead "
        "of checksummed. An encrypted case is archived only with key_provider and key_id: its entries stay sealed and "
        "its key is wrapped under host key key_id (binary only). Saving never changes the case.");
    m.attr("_pickle_keys") = py::none();
    m.def(
        "set_pickle_keys",
        [](std::optional<py::function> key_provider, const std::string& key_id) {
            if (!key_provider && !key_id.empty()) raise(sfcore::errc::key_error, "key_id names a host key, and no key_provider was given");
            py::module_::import("sfcore._core").attr("_pickle_keys") =
                key_provider ? py::object(py::make_tuple(*key_provider, key_id)) : py::object(py::none());
        },
        "key_provider"_a, "key_id"_a = "",
        "The host keys pickles of encrypted cases use, for the whole process: key_provider (a callable given a host key "
        "id, returning its 32 bytes or None) and key_id, the host key a pickled case's key is wrapped under (checked "
        "when a case is pickled; unpickling needs none). None clears them. Without them, pickling or unpickling an encrypted case raises StorageError (KEY_ERROR); a plain "
        "case pickles as before.");
    c.def(py::pickle(
        [](const sfcore::shared_case& s) {
            return to_py_bytes(s.read([](const sfcore::case_file& k) {
                std::optional<sfcore::key_provider> provider;
                if (k.encrypted() && !(provider = pickle_keys()))
                    raise(sfcore::errc::key_error,
                          "an encrypted case is pickled only under a host key: call sfcore.set_pickle_keys(provider, key_id) first");
                return archive_of(k, provider);
            }));
        },
        [](const py::bytes& b) {
            const std::string v = b;
            return make_case(case_of(v.data(), v.size(), pickle_keys()));
        }));

    m.def(
        "upgrade_v1",
        [](const py::buffer& case_data, std::optional<py::buffer> ledger_data, const sfcore::agency_directory& d) {
            auto cv = bytes_of(case_data);
            std::optional<byte_view> lv;
            if (ledger_data) lv = bytes_of(*ledger_data);
            sfcore::case_file k = [&] {
                py::gil_scoped_release unlocked;
                return sfcore::upgrade_v1(cv.data(), cv.size(), lv ? lv->data() : nullptr, lv ? lv->size() : 0, d);
            }();
            return make_case(std::move(k));
        },
        "case_data"_a, "ledger_data"_a, "directory"_a,
        "Convert a case kept by sfcore 0.1 (its case archive and its disclosure ledger archive, or None) into one "
        "journal: events and ledger records merged in time order and offered again to the rules, the 0.1 audit log "
        "carried over whole as one LEGACY_AUDIT_IMPORTED entry. Raises StorageError (MALFORMED) when the ledger does "
        "not fit the case or its audit log does not verify.");

    m.def("load_directory", from_buffer([](const void* p, std::size_t n) { return sfcore::load_directory(p, n); }),
          "data"_a, "Load an agency directory from an archive (as AgencyDirectory.from_bytes).");
}

// Store.list() and Store.cases(): the same query keywords, read(store, query)
// for the answer.
template <class Read>
void def_query(py::class_<py_store>& st, const char* name, Read read, const char* doc) {
    st.def(
        name,
        [read](const py_store& s, std::optional<sfcore::state> state, std::optional<sfcore::programme> programme,
               std::optional<sfcore::practitioner_id> coordinator, std::optional<sfcore::date> overdue_on) {
            const sfcore::case_query q{state, programme, coordinator, overdue_on};
            return read(s, q);
        },
        py::kw_only(), "state"_a = py::none(), "programme"_a = py::none(), "coordinator"_a = py::none(),
        "overdue_on"_a = py::none(), doc);
}

std::vector<case_ptr> shared_all(std::vector<sfcore::case_file> all) {
    std::vector<case_ptr> out;
    out.reserve(all.size());
    for (auto& k : all) out.push_back(make_case(std::move(k)));
    return out;
}

void bind_case_store(py::module_& m) {
    py::class_<sfcore::case_summary> sum(m, "CaseSummary", "One case as the store lists it.");
    sum.def_readonly("id", &sfcore::case_summary::id)
        .def_readonly("state", &sfcore::case_summary::state)
        .def_readonly("programme", &sfcore::case_summary::programme)
        .def_readonly("coordinator", &sfcore::case_summary::coordinator)
        .def_readonly("version", &sfcore::case_summary::version, "Entries stored.")
        .def_readonly("next_deadline", &sfcore::case_summary::next_deadline, "The earliest pending deadline.")
        .def_readonly("head", &sfcore::case_summary::head, "The stored journal's head.")
        .def("__repr__", repr_fields("CaseSummary", {"id", "state", "programme", "coordinator", "version", "next_deadline"}));

    py::class_<sfcore::store_verification> sv(m, "StoreVerification",
                                              "The result of verifying a whole store; true when every case verifies.");
    sv.def_readonly("cases", &sfcore::store_verification::cases, "How many cases were checked.")
        .def_readonly("damaged", &sfcore::store_verification::damaged, "Each case that does not verify: (case id, why).")
        .def("__bool__", [](const sfcore::store_verification& v) { return v.damaged.empty(); })
        .def("__repr__", repr_fields("StoreVerification", {"cases", "damaged"}));

    static const auto retention_rules = [](const std::map<sfcore::programme, int>& rules) {
        std::vector<sfcore::retention_rule> out;
        for (const auto& [p, years] : rules) out.push_back({p, years});
        return out;
    };
    py::class_<sfcore::disposal_due> dd(m, "DisposalDue", "A closed case whose retention has ended (Store.due_for_disposal()).");
    dd.def_readonly("id", &sfcore::disposal_due::id, "The case.")
        .def_readonly("programme", &sfcore::disposal_due::programme, "Its programme.")
        .def_readonly("closed", &sfcore::disposal_due::closed, "When it was closed (New Zealand date).")
        .def_readonly("due", &sfcore::disposal_due::due, "When its retention ended.")
        .def_readonly("years", &sfcore::disposal_due::years, "The years its programme's rule keeps it.")
        .def_readonly("encrypted", &sfcore::disposal_due::encrypted, "True when it can be disposed of (Store.dispose() destroys an encrypted case's key).")
        .def("__repr__", repr_fields("DisposalDue", {"id", "programme", "closed", "due", "years", "encrypted"}));
    py::class_<sfcore::case_disposed> cdp(m, "CaseDisposed",
                                          "The case was disposed of by destroying its key (Store.dispose()): a record the store makes, "
                                          "never offered to record().");
    value_type(cdp);
    cdp.def_readonly("closed", &sfcore::case_disposed::closed, "When the case was closed.")
        .def_readonly("years", &sfcore::case_disposed::years, "The retention its programme's rule gave, in years after closure.")
        .def("__repr__", repr_fields("CaseDisposed", {"closed", "years"}));

    py::class_<py_store> st(m, "Store",
                            "A case store in one SQLite file (WAL mode) or one PostgreSQL database: each case's journal appended with optimistic "
                            "concurrency and verified whenever it is read, with a checked (or sealed) summary row per "
                            "case for listing and queries, and the agency directory. Use it as a context manager (it "
                            "closes at the end), or call close(). A Store may be shared by threads (calls take turns); "
                            "several Stores may open the same file.");
    st.def(py::init([](const std::string& path, strict_bool durable, int busy_timeout_ms, const sfcore::holiday_calendar* calendar,
                       const sfcore::timeframes* timeframes, std::vector<sfcore::sealing_key> keys,
                       const std::string& seal_with, std::optional<py::function> key_provider, const std::string& key_id) {
               sfcore::store_options o;
               if (key_provider) o.encryption = py_key_provider(std::move(*key_provider), key_id);
               else if (!key_id.empty()) raise(sfcore::errc::key_error, "key_id names a host key, and no key_provider was given");
               o.durable = durable;
               o.busy_timeout_ms = busy_timeout_ms;
               if (calendar) o.calendar = *calendar;
               if (timeframes) o.timeframes = *timeframes;
               o.keys = std::move(keys);
               o.seal_with = seal_with;
               sfcore::checked_utf8(path, "store path");
               py::gil_scoped_release unlocked;
               py_store s;
               s.store = std::make_unique<sfcore::case_store>(path, std::move(o));
               s.path = s.store->location();
               return s;
           }),
           "path"_a, py::kw_only(), "durable"_a = true, "busy_timeout_ms"_a = 5000, "calendar"_a = py::none(),
           "timeframes"_a = py::none(), "keys"_a = std::vector<sfcore::sealing_key>{}, "seal_with"_a = "",
           "key_provider"_a = py::none(), "key_id"_a = "",
           "Open (or create) a store at a path (':memory:' for one that lives as long as the object; either may "
           "follow 'sqlite:'), or a PostgreSQL database named by a libpq URI ('postgresql://…') or keyword string "
           "('host=/run/pg dbname=cases'), which Store.migrate() must have prepared. durable=False "
           "survives a crash but not a power loss. With keys, every summary row read must be sealed by one of them "
           "and appends seal with the key named seal_with (the first when ''). With key_provider (a callable "
           "taking a host key's id and returning its 32 bytes, or None when it has no such key), the store keeps "
           "encrypted cases (Case.open(..., encrypted=True)): every new case must be encrypted, and its own key is "
           "stored wrapped under the host key key_id. The provider is called on the calling thread, once per id. "
           "A store of sfcore 0.1 is converted "
           "once on open. Raises StorageError (IO_ERROR: cannot open or connect; MALFORMED: not a store; "
           "UNSUPPORTED_VERSION; NEEDS_MIGRATION: a database whose schema is older than this library's) or "
           "StorageError (KEY_ERROR: a sealing or host key missing, malformed or wrong).")
        .def_static(
            "migrate",
            [](const std::string& location) {
                sfcore::checked_utf8(location, "store location");
                py::gil_scoped_release unlocked;
                return sfcore::case_store::migrate(location);
            },
            "location"_a,
            "Bring a store's schema to this library's, when asked (never on open): a PostgreSQL database gets the "
            "tables it lacks, under the server's advisory lock; an SQLite file is made or converted by opening it. "
            "Returns the schema version. Raises StorageError (UNSUPPORTED_VERSION: newer than this library; "
            "MALFORMED: tables of the store's names that are not a store's; IO_ERROR).")
        .def_property_readonly(
            "backend", [](const py_store& s) { return std::string(s.with([](sfcore::case_store& st) { return st.backend(); })); },
            "'sqlite' or 'postgresql'.")
        .def(
            "follow", [](const py_store& s) { s.with([](sfcore::case_store& st) { st.follow(); return 0; }); },
            "Start following a PostgreSQL store's changes (LISTEN/NOTIFY): every append that commits from now on, "
            "from any host, is announced to next_change(). Raises ArgumentError (INVALID_ARGUMENT) for an SQLite store.")
        .def(
            "next_change",
            [](const py_store& s, int timeout_ms) -> py::object {
                const auto change = s.with([&](sfcore::case_store& st) { return st.next_change(timeout_ms); });
                if (!change) return py::none();
                return py::make_tuple(change->id, change->version);
            },
            "timeout_ms"_a = 0,
            "The next change announced since follow(), as (case_id, version), waiting up to timeout_ms "
            "milliseconds; None when none came. Other calls on this Store wait meanwhile: follow on a Store of its "
            "own. Raises ArgumentError (INVALID_ARGUMENT: not following, e.g. after the connection was lost: follow() "
            "again) or StorageError (IO_ERROR; MALFORMED: a notice that is not the store's).")
        .def("__enter__", [](py::object self) { return self; })
        .def(
            "__exit__", [](py_store& s, const py::args&) { s.close(); }, "Close the store.")
        .def("close", &py_store::close, "Close the store (later calls, and calls waiting on it, raise StorageError CLOSED).")
        .def_property_readonly(
            "closed",
            [](const py_store& s) {
                std::lock_guard<std::mutex> held(*s.lock);
                return !s.store;
            },
            "True once closed.")
        .def_readonly("path", &py_store::path)
        .def(
            "append",
            [](const py_store& s, const sfcore::shared_case& c, std::uint64_t expected_version) {
                return s.with([&](sfcore::case_store& st) {
                    return c.read([&](const sfcore::case_file& k) { return st.append(k, expected_version); });
                });
            },
            "case"_a, "expected_version"_a,
            "Append a case's entries after the first expected_version (how many the store holds; 0 for a new case) "
            "and return the JournalHead now stored: keep it to verify against later. Raises StorageError (CONFLICT "
            "when another writer got there first or the stored entries differ; IO_ERROR for a full disk or an I/O "
            "error; INTEGRITY or KEY when the stored summary does not verify): the store is then as it was.")
        .def(
            "load", [](const py_store& s, sfcore::case_id id) { return make_case(s.with([&](sfcore::case_store& st) { return st.load(id); })); },
            "case_id"_a,
            "Load a case: its journal verified and replayed. Raises ArgumentError (NOT_FOUND) or StorageError "
            "(INTEGRITY, KEY, MALFORMED, IO_ERROR).")
        .def(
            "version", [](const py_store& s, sfcore::case_id id) { return s.with([&](sfcore::case_store& st) { return st.version(id); }); },
            "case_id"_a, "How many entries the store holds for a case (0 for none).")
        .def("__len__", [](const py_store& s) { return s.with([](sfcore::case_store& st) { return st.size(); }); })
        .def(
            "__contains__",
            [](const py_store& s, sfcore::case_id id) {
                return id && s.with([&](sfcore::case_store& st) { return st.version(id); }) > 0;
            },
            "case_id"_a)
        .def(
            "__iter__",
            [](const py_store& s) {
                return py::iter(py::cast(shared_all(s.with([](sfcore::case_store& st) { return st.load_all(); }))));
            },
            "Every case, by id (as cases()).")
        .def(
            "checkpoint",
            [](const py_store& s) {
                const auto cp = s.with([](sfcore::case_store& st) { return st.checkpoint(); });
                return std::map<sfcore::case_id, sfcore::journal_head>(cp.heads.begin(), cp.heads.end());
            },
            "The head of every case, {case id: JournalHead}: keep it outside the store and pass it to verify() later "
            "to find rollback and lost writes.")
        .def(
            "verify",
            [](const py_store& s, std::optional<std::map<sfcore::case_id, sfcore::journal_head>> kept) {
                std::optional<sfcore::store_checkpoint> cp;
                if (kept) cp = checkpoint_from(*kept);
                return s.with([&](sfcore::case_store& st) { return st.verify(cp ? &*cp : nullptr); });
            },
            "checkpoint"_a = py::none(),
            "Verify the file (SQLite's integrity check), every case (its chain, its summary, its rules) and each head "
            "of a checkpoint: returns a StoreVerification naming every damaged case.")
        .def(
            "reseal", [](const py_store& s) { return s.with([](sfcore::case_store& st) { return st.reseal(); }); },
            "Seal every summary row again with the key named seal_with, after checking its seal under the key it names "
            "(key rotation), in one transaction. Returns how many cases were sealed. Raises StorageError (KEY_ERROR or "
            "INTEGRITY).")
        .def(
            "rewrap", [](const py_store& s) { return s.with([](sfcore::case_store& st) { return st.rewrap(); }); },
            "Wrap the own key of every encrypted case that is not under the host key key_id again under it, after "
            "opening it with the host key it names (rotation of host keys), in one transaction; the entries are not "
            "touched. Returns how many case keys were wrapped again. Raises StorageError (KEY_ERROR or INTEGRITY).")
        .def(
            "due_for_disposal",
            [](const py_store& s, const std::map<sfcore::programme, int>& rules, const sfcore::date& on) {
                const auto r = retention_rules(rules);
                return s.with([&](sfcore::case_store& st) { return st.due_for_disposal(r, on); });
            },
            "rules"_a, "on"_a,
            "The closed cases whose retention has ended by a date (DisposalDue): rules maps a Programme to the years its "
            "closed cases are kept (1-100); a programme without a rule is kept, and cases already disposed of are not "
            "listed. Raises ArgumentError for a bad rule.")
        .def(
            "dispose",
            [](const py_store& s, sfcore::case_id id, const std::map<sfcore::programme, int>& rules, const sfcore::date& on,
               const std::string& disposed_by) {
                const auto r = retention_rules(rules);
                return s.with([&](sfcore::case_store& st) { return st.dispose(id, r, on, disposed_by); });
            },
            "case_id"_a, "rules"_a, "on"_a, "disposed_by"_a,
            "Dispose of an encrypted case whose retention has ended, by destroying its key (crypto-shredding): a disposal "
            "record is appended, so its journal and the store still verify, and from then on load() raises StorageError "
            "(DISPOSED) and whole-store reads skip it. Returns the journal's new head. Raises ArgumentError (not closed, "
            "not due, no rule, not encrypted) or StorageError (DISPOSED, CONFLICT).")
        .def(
            "put_directory",
            [](const py_store& s, const sfcore::agency_directory& d) {
                s.with([&](sfcore::case_store& st) { st.put_directory(d); });
            },
            "directory"_a, "Save the agency directory (replacing the one stored).")
        .def(
            "directory", [](const py_store& s) { return s.with([](sfcore::case_store& st) { return st.directory(); }); },
            "The stored agency directory. Raises ArgumentError (NOT_FOUND) when none was saved.")
        .def("__repr__", [](const py_store& s) {
            std::lock_guard<std::mutex> held(*s.lock);
            return "Store(" + repr_text(s.path) + (s.store ? ", " + std::to_string(s.store->size()) + " cases)" : ", closed)");
        });
    def_query(st, "list",
              [](const py_store& s, const sfcore::case_query& q) { return s.with([&](sfcore::case_store& st) { return st.list(q); }); },
              "The cases that match every condition given, by id (each summary row's checksum or seal checked).");
    def_query(st, "cases",
              [](const py_store& s, const sfcore::case_query& q) {
                  return shared_all(s.with([&](sfcore::case_store& st) { return st.load_all(q); }));
              },
              "Load every case that matches, by id, in one pass from one consistent snapshot (much faster than load() "
              "per case; the GIL is released while it reads).");
}

} // namespace

void bind_store(py::module_& m, case_class& c) {
    bind_journal(m, c);
    bind_archives(m, c);
    bind_case_store(m);
}

} // namespace sfcore_py
