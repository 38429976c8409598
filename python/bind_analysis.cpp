// The analysts' tables: cases, members, events, meetings, actions,
// decisions, sharings, declined requests and views. Each is built in C++ as
// typed columns (from a store without holding the GIL, or from Case
// objects), then handed to Python as lists (sfcore.analysis.records) or as
// packed arrays that sfcore.analysis.frame turns into pandas columns.
#include <cstring>
#include <map>
#include <random>
#include <unordered_map>

#include "bind.hpp"

namespace sfcore_py {

using namespace pybind11::literals;

namespace {

// ---- typed columns ------------------------------------------------------

enum class kind { integer, boolean, text, day, moment };

// One column: int64 values (integers, booleans, days since 1970, seconds since
// 1970) or texts, and which rows are missing.
struct column {
    std::string name;
    kind k;
    bool dropped = false;  // personal, and the table is de-identified: filled, never handed out
    std::vector<std::int64_t> values;
    std::vector<std::string> texts;
    std::vector<std::uint8_t> missing;
    bool any_missing = false;

    void none() {
        missing.push_back(1);
        any_missing = true;
        if (k == kind::text) texts.emplace_back();
        else values.push_back(0);
    }
    void number(std::int64_t v) {
        missing.push_back(0);
        values.push_back(v);
    }
    void text(std::string s) {
        missing.push_back(0);
        texts.push_back(std::move(s));
    }
};

// A column as a table declares it: personal columns (names, dates of
// birth, the family's own words) are left out of a de-identified table.
struct spec {
    const char* name;
    kind k;
    bool personal = false;
};

class table {
public:
    table(std::initializer_list<spec> cols) {
        for (const auto& c : cols) cols_.push_back(column{c.name, c.k, c.personal, {}, {}, {}, false});
    }
    // Keep personal columns (an identified table).
    void keep_personal() {
        for (auto& c : cols_) c.dropped = false;
    }

    // Cells, one row at a time, column by column.
    table& operator<<(std::nullopt_t) {
        next().none();
        return *this;
    }
    table& operator<<(bool v) {
        next().number(v ? 1 : 0);
        return *this;
    }
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    table& operator<<(T v) {
        next().number(static_cast<std::int64_t>(v));
        return *this;
    }
    template <class Tag, class Rep>
    table& operator<<(sfcore::strong_id<Tag, Rep> id) {
        next().number(static_cast<std::int64_t>(id.value()));
        return *this;
    }
    table& operator<<(std::string s) {
        next().text(std::move(s));
        return *this;
    }
    table& operator<<(const char* s) { return *this << std::string(s); }
    table& operator<<(const sfcore::date& d) {
        if (d.is_special()) return *this << std::nullopt;
        next().number((d - sfcore::unix_epoch.date()).days());
        return *this;
    }
    table& operator<<(const sfcore::instant& t) {
        if (t.is_special()) return *this << std::nullopt;
        next().number(sfcore::to_unix(t));
        return *this;
    }
    template <class T>
    table& operator<<(const std::optional<T>& v) {
        if (!v) return *this << std::nullopt;
        return *this << *v;
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    table& operator<<(E v) {
        return *this << std::string(sfcore::to_string(v));
    }

    // As Python lists of Python values (None where missing).
    py::dict lists() const {
        py::dict out;
        for (const auto& c : cols_) {
            if (c.dropped) continue;
            py::list l(c.missing.size());
            std::unordered_map<std::string, py::object> seen;  // one str per distinct text
            for (std::size_t i = 0; i < c.missing.size(); ++i) {
                py::object v;
                if (c.missing[i]) v = py::none();
                else switch (c.k) {
                    case kind::integer: v = py::int_(c.values[i]); break;
                    case kind::boolean: v = py::bool_(c.values[i] != 0); break;
                    case kind::day: v = date_object(sfcore::unix_epoch.date() + boost::gregorian::days(c.values[i])); break;
                    case kind::moment: v = instant_object(sfcore::instant_from_unix(c.values[i])); break;
                    case kind::text: {
                        auto [it, fresh] = seen.try_emplace(c.texts[i]);
                        if (fresh) it->second = py::str(c.texts[i]);
                        v = it->second;
                    }
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
    py::dict arrays() const {
        static const char* kinds[] = {"integer", "boolean", "text", "day", "moment"};
        py::dict out;
        for (const auto& c : cols_) {
            if (c.dropped) continue;
            py::object values;
            if (c.k == kind::text) {
                py::list l(c.texts.size());
                std::unordered_map<std::string, py::object> seen;
                for (std::size_t i = 0; i < c.texts.size(); ++i) {
                    py::object v = py::none();
                    if (!c.missing[i]) {
                        auto [it, fresh] = seen.try_emplace(c.texts[i]);
                        if (fresh) it->second = py::str(c.texts[i]);
                        v = it->second;
                    }
                    PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(i), v.release().ptr());
                }
                values = l;
            } else {
                values = py::bytes(reinterpret_cast<const char*>(c.values.data()), c.values.size() * sizeof(std::int64_t));
            }
            py::object missing = c.any_missing
                                     ? py::object(py::bytes(reinterpret_cast<const char*>(c.missing.data()), c.missing.size()))
                                     : py::object(py::none());
            out[c.name.c_str()] = py::make_tuple(kinds[static_cast<int>(c.k)], values, missing);
        }
        return out;
    }

private:
    column& next() {
        column& c = cols_[next_];
        next_ = (next_ + 1) % cols_.size();
        return c;
    }
    std::vector<column> cols_;
    std::size_t next_ = 0;
};

// ---- names -----------------------------------------------------------------

// Names of agencies and practitioners for a table; an id the directory lacks
// is named by its kind and number.
class names {
public:
    names(const sfcore::agency_directory& d, bool identified) : d_(d), identified_(identified) {}
    std::optional<std::string> agency(std::optional<sfcore::agency_id> id) const {
        if (!id) return std::nullopt;
        const auto* a = d_.find(*id);
        return a ? a->name : "agency " + std::to_string(id->value());
    }
    std::optional<std::string> practitioner(std::optional<sfcore::practitioner_id> id) const {
        if (!id) return std::nullopt;
        const auto& ps = d_.practitioners();
        if (id->value() == 0 || id->value() > ps.size()) return "practitioner " + std::to_string(id->value());
        return ps[id->value() - 1].name;
    }
    std::string party(const sfcore::party& p, const sfcore::case_file* c) const {
        switch (p.kind) {
        case sfcore::party_kind::agency: return *agency(sfcore::agency_id{p.id});
        case sfcore::party_kind::practitioner: {
            const auto& ps = d_.practitioners();
            if (p.id == 0 || p.id > ps.size()) break;
            const auto& pr = ps[p.id - 1];
            return pr.name + " (" + *agency(pr.agency) + ")";
        }
        case sfcore::party_kind::member:
            if (c && identified_)
                for (const auto& m : c->members())
                    if (m.id.value() == p.id) return m.name;
            break;
        }
        return std::string(sfcore::to_string(p.kind)) + " " + std::to_string(p.id);
    }

private:
    const sfcore::agency_directory& d_;
    bool identified_;
};

// The key a de-identified table's pseudonyms are made with when the caller
// gives none: one per process, so pseudonyms agree across its tables.
const std::vector<std::uint8_t>& process_key() {
    static const std::vector<std::uint8_t> key = [] {
        std::random_device r;
        std::vector<std::uint8_t> k(32);
        for (auto& b : k) b = static_cast<std::uint8_t>(r());
        return k;
    }();
    return key;
}

// A pseudonym key a caller gives: at least 16 bytes.
std::vector<std::uint8_t> pseudonym_key_of(const py::bytes& b) {
    const std::string v = b;
    if (v.size() < 16) raise(sfcore::errc::invalid_argument, "a pseudonym key is at least 16 bytes");
    return {v.begin(), v.end()};
}

// A case's stable pseudonym: 48 bits of HMAC-SHA-256 under the key, of the case's id.
std::int64_t case_pseudonym(sfcore::case_id id, const std::vector<std::uint8_t>& key) {
    static constexpr char tag[] = "sfcore case pseudonym";
    std::uint8_t message[sizeof tag + 8];
    std::memcpy(message, tag, sizeof tag);
    for (int i = 0; i < 8; ++i) message[sizeof tag + i] = static_cast<std::uint8_t>(id.value() >> (8 * i));
    const sfcore::digest d = sfcore::hmac_sha256(key, message, sizeof message);
    std::int64_t v = 0;
    for (int i = 0; i < 6; ++i) v = (v << 8) | d[i];
    return v;
}

// An age in the bands the tables give instead of a date of birth.
std::optional<std::string> age_band(std::optional<int> age) {
    if (!age) return std::nullopt;
    static const std::pair<int, const char*> bands[] = {{4, "0-4"},   {9, "5-9"},   {13, "10-13"}, {17, "14-17"},
                                                        {24, "18-24"}, {44, "25-44"}, {64, "45-64"}};
    for (const auto& [upto, band] : bands)
        if (*age <= upto) return std::string(band);
    return std::string("65+");
}

struct settings {
    const sfcore::agency_directory* directory = nullptr;
    const sfcore::holiday_calendar* calendar = nullptr;
    std::optional<sfcore::timeframes> timeframes;  // none: each case's own
    bool identified = false;                       // names, dates of birth and case ids as they are
    std::vector<std::uint8_t> key;                 // a de-identified table's pseudonym key

    // The case's id in a table: itself, or its pseudonym.
    std::int64_t case_key(const sfcore::case_file& c) const {
        return identified ? static_cast<std::int64_t>(c.id().value()) : case_pseudonym(c.id(), key);
    }
};

// ---- the tables, a case (or a ledger) at a time ------------------------------

struct case_table {
    virtual ~case_table() = default;
    virtual void add(const sfcore::case_file& c) = 0;
    table t;
    const settings& s;
    names n;
    case_table(table cols, const settings& st) : t(std::move(cols)), s(st), n(*st.directory, st.identified) {
        if (st.identified) t.keep_personal();
    }
};

struct cases_rows : case_table {
    explicit cases_rows(const settings& st)
        : case_table({{"case_id", kind::integer}, {"family_name", kind::text, true}, {"programme", kind::text},
                      {"state", kind::text}, {"referral_source", kind::text}, {"referring_agency", kind::text},
                      {"referred", kind::day}, {"site", kind::text}, {"local_group", kind::text}, {"coordinator", kind::text},
                      {"lead_agency", kind::text}, {"lead_contact", kind::text}, {"members", kind::integer},
                      {"participating", kind::integer}, {"events", kind::integer}, {"initial_meeting_due", kind::day},
                      {"initial_meeting", kind::day}, {"working_days_to_initial_meeting", kind::integer},
                      {"initial_meeting_on_time", kind::boolean}, {"meetings_held", kind::integer},
                      {"reviews_held", kind::integer}, {"plan_versions", kind::integer}, {"actions", kind::integer},
                      {"actions_done", kind::integer}, {"needs", kind::integer}, {"exit_reason", kind::text},
                      {"closed", kind::day}, {"next_deadline", kind::day}},
                     st) {}
    void add(const sfcore::case_file& c) override {
        const auto& r = c.referral();
        const auto& roles = c.roles();
        std::size_t participating = 0;
        for (const auto& m : c.members()) participating += m.participating;
        std::optional<sfcore::date> initial;
        int held = 0, reviews = 0;
        for (const auto& m : c.meetings()) {
            if (!m.held) continue;
            ++held;
            if (m.kind == sfcore::meeting_kind::initial && !initial) initial = sfcore::nz_date(m.start);
            if (m.kind == sfcore::meeting_kind::review) ++reviews;
        }
        std::size_t actions = 0, done = 0;
        for (const auto& p : c.plans())
            for (const auto& a : p.actions) {
                ++actions;
                done += a.status == sfcore::action_status::done;
            }
        std::optional<int> days;
        if (initial) days = s.calendar->working_days_between(r.received, *initial);
        std::optional<bool> on_time;
        if (days) on_time = *days <= (s.timeframes ? *s.timeframes : c.timeframes()).initial_meeting_working_days;
        t << s.case_key(c) << r.family_name << c.programme() << c.state() << r.source << n.agency(r.agency) << r.received
          << (r.site.empty() ? std::optional<std::string>() : r.site)
          << (r.local_group ? std::optional<std::string>(s.directory->local_group_at(*r.local_group).name) : std::nullopt)
          << n.practitioner(roles.coordinator)
          << n.agency(roles.lead_agency) << n.practitioner(roles.lead_contact) << c.members().size() << participating
          << c.journal().size() << sfcore::initial_meeting_due(c, *s.calendar, s.timeframes) << initial << days << on_time
          << held << reviews << c.plan_history().size() << actions << done << c.priorities().needs.size()
          << c.exit_reason()
          << (c.closed_at() ? std::optional<sfcore::date>(sfcore::nz_date(*c.closed_at())) : std::nullopt)
          << sfcore::next_deadline(c, *s.calendar, s.timeframes);
    }
};

struct members_rows : case_table {
    explicit members_rows(const settings& st)
        : case_table({{"case_id", kind::integer}, {"member_id", kind::integer}, {"name", kind::text, true}, {"role", kind::text},
                      {"born", kind::day, true}, {"age_at_referral", kind::integer, true}, {"age_band", kind::text},
                      {"participating", kind::boolean}, {"consented", kind::boolean}, {"consent_signed", kind::day}},
                     st) {}
    void add(const sfcore::case_file& c) override {
        for (const auto& m : c.members()) {
            const sfcore::participation_consent* pc = nullptr;
            for (const auto& k : c.consents())
                if (k.member == m.id) pc = &k;
            const bool standing = pc && !pc->ended_at;
            const std::optional<int> age = m.age_on(c.referral().received);
            t << s.case_key(c) << m.id << m.name << m.role << m.born << age << age_band(age) << m.participating
              << standing << (standing ? std::optional<sfcore::date>(pc->signed_on) : std::nullopt);
        }
    }
};

struct events_rows : case_table {
    explicit events_rows(const settings& st)
        : case_table({{"case_id", kind::integer}, {"seq", kind::integer}, {"type", kind::text}, {"kind", kind::text},
                      {"when", kind::moment}, {"recorded", kind::moment}, {"who", kind::text}},
                     st) {}
    void add(const sfcore::case_file& c) override {
        for (const auto& e : c.journal())
            t << s.case_key(c) << e.seq << e.type() << sfcore::kind_of(e.type()) << e.when << e.recorded << e.who;
    }
};

struct meetings_rows : case_table {
    explicit meetings_rows(const settings& st)
        : case_table({{"case_id", kind::integer}, {"meeting_id", kind::integer}, {"kind", kind::text},
                      {"start", kind::moment}, {"venue", kind::text, true}, {"held", kind::boolean},
                      {"invitees", kind::integer}, {"attended", kind::integer}, {"karakia", kind::boolean},
                      {"mihi", kind::boolean}, {"interpreter", kind::text}, {"facilitator", kind::text}},
                     st) {}
    static std::optional<std::string> text(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }
    void add(const sfcore::case_file& c) override {
        for (const auto& m : c.meetings())
            t << s.case_key(c) << m.id << m.kind << m.start << m.venue << m.held << m.invitees.size() << m.attendance.size()
              << m.karakia << m.mihi << text(m.interpreter) << text(m.facilitator);
    }
};

// The outcome areas an action serves, by identifier: "health_education,stronger_whanau" (None: none).
std::optional<std::string> outcomes_text(const std::vector<sfcore::outcome_area>& areas) {
    if (areas.empty()) return std::nullopt;
    std::string out;
    for (auto a : areas) out += (out.empty() ? "" : ",") + std::string(sfcore::to_string(a));
    return out;
}

struct actions_rows : case_table {
    explicit actions_rows(const settings& st)
        : case_table({{"case_id", kind::integer}, {"plan", kind::integer}, {"child", kind::integer},
                      {"plan_version", kind::integer}, {"action_id", kind::integer}, {"description", kind::text, true},
                      {"owner", kind::text}, {"owner_kind", kind::text}, {"due", kind::day}, {"status", kind::text},
                      {"support", kind::text}, {"need", kind::text}, {"outcomes", kind::text}},
                     st) {}
    void add(const sfcore::case_file& c) override {
        std::size_t index = 0;
        for (const auto& p : c.plans()) {
            for (const auto& a : p.actions)
                t << s.case_key(c) << index << p.child << p.version << a.id << a.description
                  << (a.owner ? std::optional<std::string>(n.party(*a.owner, &c)) : std::nullopt)
                  << (a.owner ? std::optional<sfcore::party_kind>(a.owner->kind) : std::nullopt) << a.due << a.status
                  << a.support << (a.need.empty() ? std::nullopt : std::optional<std::string>(a.need))
                  << outcomes_text(a.outcomes);
            ++index;
        }
    }
};

std::string ids_text(const std::vector<sfcore::member_id>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id.value());
    return out;
}

// The tables of what governs sharing and what was decided: rows from the
// journal's entries of one type.
template <class Payload>
struct entry_rows : case_table {
    const sfcore::agency_directory& d;
    entry_rows(table cols, const settings& st) : case_table(std::move(cols), st), d(*st.directory) {}
    void add(const sfcore::case_file& c) override {
        for (const auto& e : c.journal())
            if (const auto* p = std::get_if<Payload>(&e.payload)) row(c, e, *p);
    }
    virtual void row(const sfcore::case_file& c, const sfcore::event& e, const Payload& p) = 0;
    std::string who(const sfcore::recipient& r) const { return sfcore::recipient_name(r, d); }
    static std::string category_name(const sfcore::case_file& c, sfcore::category what) {
        return c.disclosure().categories().name(what);
    }
    static std::optional<std::string> text(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }
};

struct decisions_rows : entry_rows<sfcore::disclosure_decided> {
    explicit decisions_rows(const settings& st)
        : entry_rows({{"case_id", kind::integer}, {"seq", kind::integer}, {"at", kind::moment},
                      {"recorded", kind::moment}, {"actor", kind::text}, {"permit", kind::boolean},
                      {"rule", kind::text}, {"subject", kind::integer}, {"consent", kind::integer},
                      {"subjects", kind::text}, {"category", kind::text}, {"purpose", kind::text},
                      {"discloser", kind::text}, {"recipient", kind::text}},
                     st) {}
    void row(const sfcore::case_file& c, const sfcore::event& e, const sfcore::disclosure_decided& p) override {
        t << s.case_key(c) << e.seq << e.when << e.recorded << e.who << p.permit << p.rule << p.subject
          << (p.consent ? std::optional<std::uint32_t>(p.consent) : std::nullopt) << ids_text(p.subjects)
          << category_name(c, p.what) << p.why << who(p.discloser) << who(p.recipient);
    }
};

struct sharings_rows : entry_rows<sfcore::shared_without_consent> {
    explicit sharings_rows(const settings& st)
        : entry_rows({{"case_id", kind::integer}, {"seq", kind::integer}, {"at", kind::moment}, {"basis", kind::text},
                      {"s66c", kind::text}, {"category", kind::text}, {"subjects", kind::text},
                      {"discloser", kind::text}, {"recipient", kind::text}, {"description", kind::text, true},
                      {"purpose", kind::text, true}, {"approver", kind::text}, {"necessity", kind::text, true},
                      {"requested_by", kind::text}, {"requester_role", kind::text}, {"child_consulted", kind::boolean}, {"family_told", kind::boolean},
                      {"not_told_reason", kind::text, true}},
                     st) {}
    void row(const sfcore::case_file& c, const sfcore::event& e, const sfcore::shared_without_consent& r) override {
        t << s.case_key(c) << e.seq << e.when << r.basis
          << (r.s66c == sfcore::s66c_purpose::none ? std::nullopt : std::optional<sfcore::s66c_purpose>(r.s66c))
          << category_name(c, r.what) << ids_text(r.subjects) << who(r.discloser) << who(r.recipient) << r.description
          << r.purpose << r.approver << r.necessity << text(r.requested_by)
          << (r.requester_role == sfcore::s66_requester::none ? std::nullopt
                                                              : std::optional<sfcore::s66_requester>(r.requester_role))
          << r.child_consulted << r.family_told
          << text(r.not_told_reason);
    }
};

struct declined_rows : entry_rows<sfcore::request_declined> {
    explicit declined_rows(const settings& st)
        : entry_rows({{"case_id", kind::integer}, {"seq", kind::integer}, {"at", kind::moment}, {"requester", kind::text},
                      {"basis", kind::text}, {"category", kind::text}, {"subjects", kind::text}, {"reasons", kind::text, true},
                      {"decided_by", kind::text}},
                     st) {}
    void row(const sfcore::case_file& c, const sfcore::event& e, const sfcore::request_declined& r) override {
        std::string reasons;
        for (const auto& x : r.reasons) reasons += (reasons.empty() ? "" : "; ") + x;
        t << s.case_key(c) << e.seq << e.when << who(r.requester) << r.basis << category_name(c, r.what) << ids_text(r.subjects)
          << reasons << r.decided_by;
    }
};

struct views_rows : entry_rows<sfcore::view_shown> {
    explicit views_rows(const settings& st)
        : entry_rows({{"case_id", kind::integer}, {"seq", kind::integer}, {"at", kind::moment},
                      {"recorded", kind::moment}, {"actor", kind::text}, {"recipient", kind::text},
                      {"purpose", kind::text}, {"offered", kind::integer}, {"shown", kind::integer}},
                     st) {}
    void row(const sfcore::case_file& c, const sfcore::event& e, const sfcore::view_shown& v) override {
        t << s.case_key(c) << e.seq << e.when << e.recorded << e.who << who(v.recipient) << v.why << v.offered << v.shown.size();
    }
};

std::unique_ptr<case_table> case_rows(const std::string& name, const settings& s) {
    if (name == "cases") return std::make_unique<cases_rows>(s);
    if (name == "members") return std::make_unique<members_rows>(s);
    if (name == "events") return std::make_unique<events_rows>(s);
    if (name == "meetings") return std::make_unique<meetings_rows>(s);
    if (name == "actions") return std::make_unique<actions_rows>(s);
    if (name == "decisions") return std::make_unique<decisions_rows>(s);
    if (name == "sharings") return std::make_unique<sharings_rows>(s);
    if (name == "declined") return std::make_unique<declined_rows>(s);
    if (name == "views") return std::make_unique<views_rows>(s);
    return nullptr;
}

} // namespace

void bind_analysis(py::module_& m) {
    m.attr("TABLES") = py::make_tuple("cases", "members", "events", "meetings", "actions", "decisions", "sharings",
                                      "declined", "views");
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
            return case_pseudonym(id, key ? pseudonym_key_of(*key) : process_key());
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
            static const sfcore::holiday_calendar national;
            settings s;
            s.directory = &directory;
            s.calendar = calendar ? calendar : &national;
            if (timeframes) s.timeframes = *timeframes;
            s.identified = identified_by.has_value();
            if (s.identified) {
                sfcore::check_nonblank_utf8(*identified_by, "identified_by");
                if (!purpose) raise(sfcore::errc::invalid_argument, "an identified table needs its purpose");
                sfcore::check_nonblank_utf8(*purpose, "purpose");
                if (pseudonym_key) raise(sfcore::errc::invalid_argument, "an identified table has no pseudonyms: give no pseudonym_key");
            } else {
                if (purpose) raise(sfcore::errc::invalid_argument, "a purpose is given with identified_by (a de-identified table records nothing)");
                s.key = pseudonym_key ? pseudonym_key_of(*pseudonym_key) : process_key();
            }
            auto rows = case_rows(name, s);
            if (!rows)
                raise(sfcore::errc::invalid_argument,
                      "unknown table \"" + name +
                          "\": one of cases, members, events, meetings, actions, decisions, sharings, declined, views");
            if (py::isinstance<py_store>(source)) {
                source.cast<const py_store&>().with([&](sfcore::case_store& store) {  // the walk is C++ alone
                    if (s.identified) {
                        store.record_identified_extract(*identified_by, name, *purpose, [&](const sfcore::case_file& c) { rows->add(c); });
                        return;
                    }
                    store.for_each({}, [&](const sfcore::case_file& c) {
                        rows->add(c);
                        return true;
                    });
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
                    if (s.identified)
                        c->write([&](sfcore::case_file& k) { k.record_identified_extract(*identified_by, name, *purpose); });
                    c->read([&](const sfcore::case_file& k) { rows->add(k); });
                }
            }
            return arrays ? rows->t.arrays() : rows->t.lists();
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
