// The analysts' tables (analysis.hpp): each table's columns and how a case
// fills them, a row at a time. The Python module hands these columns to
// pandas; the C ABI gives them as CSV.
#include "sfcore/analysis.hpp"

#include <cstring>
#include <random>
#include <utility>

#include <boost/date_time/posix_time/posix_time.hpp>

#include "nz_text.hpp"

#include "sfcore/report.hpp"
#include "sfcore/text.hpp"
#include "sfcore/timeliness.hpp"

namespace sfcore {

namespace {

// ---- typed columns, filled a row at a time ---------------------------------

// A column as a table declares it: personal columns (names, dates of birth,
// the family's own words) are left out of a de-identified table.
struct spec {
    const char* name;
    column_kind k;
    bool personal = false;
};

class table {
public:
    table(std::initializer_list<spec> cols) {
        for (const auto& c : cols) {
            table_column col;
            col.name = c.name;
            col.kind = c.k;
            col.personal = c.personal;
            cols_.push_back(std::move(col));
        }
    }

    // Cells, one row at a time, column by column.
    table& operator<<(std::nullopt_t) {
        table_column& c = next();
        c.missing.push_back(1);
        c.any_missing = true;
        if (c.kind == column_kind::text) c.texts.emplace_back();
        else c.values.push_back(0);
        return *this;
    }
    table& operator<<(bool v) { return number(v ? 1 : 0); }
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    table& operator<<(T v) {
        return number(static_cast<std::int64_t>(v));
    }
    template <class Tag, class Rep>
    table& operator<<(strong_id<Tag, Rep> id) {
        return number(static_cast<std::int64_t>(id.value()));
    }
    table& operator<<(std::string s) {
        table_column& c = next();
        c.missing.push_back(0);
        c.texts.push_back(std::move(s));
        return *this;
    }
    table& operator<<(const char* s) { return *this << std::string(s); }
    table& operator<<(const date& d) {
        if (d.is_special()) return *this << std::nullopt;
        return number((d - unix_epoch.date()).days());
    }
    table& operator<<(const instant& t) {
        if (t.is_special()) return *this << std::nullopt;
        return number(to_unix(t));
    }
    template <class T>
    table& operator<<(const std::optional<T>& v) {
        if (!v) return *this << std::nullopt;
        return *this << *v;
    }
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    table& operator<<(E v) {
        return *this << std::string(to_string(v));
    }

    const std::vector<table_column>& columns() const noexcept { return cols_; }
    std::vector<table_column> take() noexcept { return std::exchange(cols_, {}); }

private:
    table& number(std::int64_t v) {
        table_column& c = next();
        c.missing.push_back(0);
        c.values.push_back(v);
        return *this;
    }
    table_column& next() {
        table_column& c = cols_[next_];
        next_ = (next_ + 1) % cols_.size();
        return c;
    }
    std::vector<table_column> cols_;
    std::size_t next_ = 0;
};

// A text cell: missing when the text is empty.
std::optional<std::string> text(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

// ---- names -----------------------------------------------------------------

// Names of agencies and practitioners for a table; an id the directory lacks
// is named by its kind and number.
class names {
public:
    names(const agency_directory& d, bool identified) : d_(d), identified_(identified) {}
    std::optional<std::string> agency(std::optional<agency_id> id) const {
        if (!id) return std::nullopt;
        const auto* a = d_.find(*id);
        return a ? a->name : "agency " + std::to_string(id->value());
    }
    std::optional<std::string> practitioner(std::optional<practitioner_id> id) const {
        if (!id) return std::nullopt;
        const auto& ps = d_.practitioners();
        if (id->value() == 0 || id->value() > ps.size()) return "practitioner " + std::to_string(id->value());
        return ps[id->value() - 1].name;
    }
    // As name_of(), but a member of a de-identified table, and a party the
    // directory or the case does not hold, is named by its kind and number.
    std::string party(const sfcore::party& p, const case_file& c) const {
        if (p.kind != party_kind::member || identified_)
            if (auto name = find_name_of(p, c, d_)) return std::move(*name);
        return std::string(to_string(p.kind)) + " " + std::to_string(p.id);
    }

private:
    const agency_directory& d_;
    bool identified_;
};


struct settings {
    const agency_directory* directory = nullptr;
    const holiday_calendar* calendar = nullptr;
    std::optional<sfcore::timeframes> timeframes;  // none: each case's own
    bool identified = false;                       // names, dates of birth and case ids as they are
    std::vector<std::uint8_t> key;                 // a de-identified table's pseudonym key

    // The case's id in a table: itself, or its pseudonym.
    std::int64_t case_key(const case_file& c) const {
        return identified ? static_cast<std::int64_t>(c.id().value()) : case_pseudonym(c.id(), key);
    }
};

// ---- the tables, a case at a time ----------------------------------------------

struct case_table {
    virtual ~case_table() = default;
    virtual void add(const case_file& c) = 0;
    table t;
    const settings& s;
    names n;
    case_table(table cols, const settings& st) : t(std::move(cols)), s(st), n(*st.directory, st.identified) {}
};

struct cases_rows : case_table {
    explicit cases_rows(const settings& st)
        : case_table({{"case_id", column_kind::integer}, {"family_name", column_kind::text, true}, {"programme", column_kind::text},
                      {"state", column_kind::text}, {"referral_source", column_kind::text}, {"referring_agency", column_kind::text},
                      {"referred", column_kind::day}, {"site", column_kind::text}, {"local_group", column_kind::text}, {"coordinator", column_kind::text},
                      {"lead_agency", column_kind::text}, {"lead_contact", column_kind::text}, {"members", column_kind::integer},
                      {"participating", column_kind::integer}, {"events", column_kind::integer}, {"initial_meeting_due", column_kind::day},
                      {"initial_meeting", column_kind::day}, {"working_days_to_initial_meeting", column_kind::integer},
                      {"initial_meeting_on_time", column_kind::boolean}, {"meetings_held", column_kind::integer},
                      {"reviews_held", column_kind::integer}, {"plan_versions", column_kind::integer}, {"actions", column_kind::integer},
                      {"actions_done", column_kind::integer}, {"needs", column_kind::integer}, {"exit_reason", column_kind::text},
                      {"closed", column_kind::day}, {"next_deadline", column_kind::day}},
                     st) {}
    void add(const case_file& c) override {
        const auto& r = c.referral();
        const auto& roles = c.roles();
        std::size_t participating = 0;
        for (const auto& m : c.members()) participating += m.participating;
        std::optional<date> initial;
        int held = 0, reviews = 0;
        for (const auto& m : c.meetings()) {
            if (!m.held) continue;
            ++held;
            if (m.kind == meeting_kind::initial && !initial) initial = nz_date(m.start);
            if (m.kind == meeting_kind::review) ++reviews;
        }
        std::size_t actions = 0, done = 0;
        for (const auto& p : c.plans())
            for (const auto& a : p.actions) {
                ++actions;
                done += a.status == action_status::done;
            }
        std::optional<int> days;
        if (initial) days = s.calendar->working_days_between(r.received, *initial);
        std::optional<bool> on_time;
        if (days) on_time = *days <= (s.timeframes ? *s.timeframes : c.timeframes()).initial_meeting_working_days;
        t << s.case_key(c) << r.family_name << c.programme() << c.state() << r.source << n.agency(r.agency) << r.received
          << text(r.site)
          << (r.local_group ? std::optional<std::string>(s.directory->local_group_at(*r.local_group).name) : std::nullopt)
          << n.practitioner(roles.coordinator)
          << n.agency(roles.lead_agency) << n.practitioner(roles.lead_contact) << c.members().size() << participating
          << c.journal().size() << initial_meeting_due(c, *s.calendar, s.timeframes) << initial << days << on_time
          << held << reviews << c.plan_history().size() << actions << done << c.priorities().needs.size()
          << c.exit_reason()
          << (c.closed_at() ? std::optional<date>(nz_date(*c.closed_at())) : std::nullopt)
          << next_deadline(c, *s.calendar, s.timeframes);
    }
};

struct members_rows : case_table {
    explicit members_rows(const settings& st)
        : case_table({{"case_id", column_kind::integer}, {"member_id", column_kind::integer}, {"name", column_kind::text, true}, {"role", column_kind::text},
                      {"born", column_kind::day, true}, {"age_at_referral", column_kind::integer, true}, {"age_band", column_kind::text},
                      {"participating", column_kind::boolean}, {"consented", column_kind::boolean}, {"consent_signed", column_kind::day}},
                     st) {}
    void add(const case_file& c) override {
        for (const auto& m : c.members()) {
            const participation_consent* pc = nullptr;
            for (const auto& k : c.consents())
                if (k.member == m.id) pc = &k;
            const bool standing = pc && !pc->ended_at;
            const std::optional<int> age = m.age_on(c.referral().received);
            t << s.case_key(c) << m.id << m.name << m.role << m.born << age << age_band(age) << m.participating
              << standing << (standing ? std::optional<date>(pc->signed_on) : std::nullopt);
        }
    }
};

struct events_rows : case_table {
    explicit events_rows(const settings& st)
        : case_table({{"case_id", column_kind::integer}, {"seq", column_kind::integer}, {"type", column_kind::text}, {"kind", column_kind::text},
                      {"when", column_kind::moment}, {"recorded", column_kind::moment}, {"who", column_kind::text}},
                     st) {}
    void add(const case_file& c) override {
        for (const auto& e : c.journal())
            t << s.case_key(c) << e.seq << e.type() << kind_of(e.type()) << e.when << e.recorded << e.who;
    }
};

struct meetings_rows : case_table {
    explicit meetings_rows(const settings& st)
        : case_table({{"case_id", column_kind::integer}, {"meeting_id", column_kind::integer}, {"kind", column_kind::text},
                      {"start", column_kind::moment}, {"venue", column_kind::text, true}, {"held", column_kind::boolean},
                      {"invitees", column_kind::integer}, {"attended", column_kind::integer}, {"karakia", column_kind::boolean},
                      {"mihi", column_kind::boolean}, {"interpreter", column_kind::text}, {"facilitator", column_kind::text}},
                     st) {}
    void add(const case_file& c) override {
        for (const auto& m : c.meetings())
            t << s.case_key(c) << m.id << m.kind << m.start << m.venue << m.held << m.invitees.size() << m.attendance.size()
              << m.karakia << m.mihi << text(m.interpreter) << text(m.facilitator);
    }
};

// The outcome areas an action serves, by identifier: "health_education,stronger_whanau" (None: none).
std::optional<std::string> outcomes_text(const std::vector<outcome_area>& areas) {
    if (areas.empty()) return std::nullopt;
    std::string out;
    for (auto a : areas) {
        if (!out.empty()) out += ',';
        out += to_string(a);
    }
    return out;
}

struct actions_rows : case_table {
    explicit actions_rows(const settings& st)
        : case_table({{"case_id", column_kind::integer}, {"plan", column_kind::integer}, {"child", column_kind::integer},
                      {"plan_version", column_kind::integer}, {"action_id", column_kind::integer}, {"description", column_kind::text, true},
                      {"owner", column_kind::text}, {"owner_kind", column_kind::text}, {"due", column_kind::day}, {"status", column_kind::text},
                      {"support", column_kind::text}, {"need", column_kind::text}, {"outcomes", column_kind::text}},
                     st) {}
    void add(const case_file& c) override {
        std::size_t index = 0;
        for (const auto& p : c.plans()) {
            for (const auto& a : p.actions)
                t << s.case_key(c) << index << p.child << p.version << a.id << a.description
                  << (a.owner ? std::optional<std::string>(n.party(*a.owner, c)) : std::nullopt)
                  << (a.owner ? std::optional<party_kind>(a.owner->kind) : std::nullopt) << a.due << a.status
                  << a.support << text(a.need)
                  << outcomes_text(a.outcomes);
            ++index;
        }
    }
};

std::string ids_text(const std::vector<member_id>& ids) {
    std::string out;
    for (auto id : ids) {
        if (!out.empty()) out += ',';
        out += std::to_string(id.value());
    }
    return out;
}

// The tables of what governs sharing and what was decided: rows from the
// journal's entries of one type.
template <class Payload>
struct entry_rows : case_table {
    const agency_directory& d;
    entry_rows(table cols, const settings& st) : case_table(std::move(cols), st), d(*st.directory) {}
    void add(const case_file& c) override {
        for (const auto& e : c.journal())
            if (const auto* p = std::get_if<Payload>(&e.payload)) row(c, e, *p);
    }
    virtual void row(const case_file& c, const event& e, const Payload& p) = 0;
    std::string who(const recipient& r) const { return recipient_name(r, d); }
    static std::string category_name(const case_file& c, category what) {
        return c.disclosure().categories().name(what);
    }
};

struct decisions_rows : entry_rows<disclosure_decided> {
    explicit decisions_rows(const settings& st)
        : entry_rows({{"case_id", column_kind::integer}, {"seq", column_kind::integer}, {"at", column_kind::moment},
                      {"recorded", column_kind::moment}, {"actor", column_kind::text}, {"permit", column_kind::boolean},
                      {"rule", column_kind::text}, {"subject", column_kind::integer}, {"consent", column_kind::integer},
                      {"subjects", column_kind::text}, {"category", column_kind::text}, {"purpose", column_kind::text},
                      {"discloser", column_kind::text}, {"recipient", column_kind::text}},
                     st) {}
    void row(const case_file& c, const event& e, const disclosure_decided& p) override {
        t << s.case_key(c) << e.seq << e.when << e.recorded << e.who << p.permit << p.rule << p.subject
          << (p.consent ? std::optional<std::uint32_t>(p.consent) : std::nullopt) << ids_text(p.subjects)
          << category_name(c, p.what) << p.why << who(p.discloser) << who(p.recipient);
    }
};

struct sharings_rows : entry_rows<shared_without_consent> {
    explicit sharings_rows(const settings& st)
        : entry_rows({{"case_id", column_kind::integer}, {"seq", column_kind::integer}, {"at", column_kind::moment}, {"basis", column_kind::text},
                      {"s66c", column_kind::text}, {"category", column_kind::text}, {"subjects", column_kind::text},
                      {"discloser", column_kind::text}, {"recipient", column_kind::text}, {"description", column_kind::text, true},
                      {"purpose", column_kind::text, true}, {"approver", column_kind::text}, {"necessity", column_kind::text, true},
                      {"requested_by", column_kind::text}, {"requester_role", column_kind::text}, {"child_consulted", column_kind::boolean}, {"family_told", column_kind::boolean},
                      {"not_told_reason", column_kind::text, true}},
                     st) {}
    void row(const case_file& c, const event& e, const shared_without_consent& r) override {
        t << s.case_key(c) << e.seq << e.when << r.basis
          << (r.s66c == s66c_purpose::none ? std::nullopt : std::optional<s66c_purpose>(r.s66c))
          << category_name(c, r.what) << ids_text(r.subjects) << who(r.discloser) << who(r.recipient) << r.description
          << r.purpose << r.approver << r.necessity << text(r.requested_by)
          << (r.requester_role == s66_requester::none ? std::nullopt
                                                              : std::optional<s66_requester>(r.requester_role))
          << r.child_consulted << r.family_told
          << text(r.not_told_reason);
    }
};

struct declined_rows : entry_rows<request_declined> {
    explicit declined_rows(const settings& st)
        : entry_rows({{"case_id", column_kind::integer}, {"seq", column_kind::integer}, {"at", column_kind::moment}, {"requester", column_kind::text},
                      {"basis", column_kind::text}, {"category", column_kind::text}, {"subjects", column_kind::text}, {"reasons", column_kind::text, true},
                      {"decided_by", column_kind::text}},
                     st) {}
    void row(const case_file& c, const event& e, const request_declined& r) override {
        std::string reasons;
        for (const auto& x : r.reasons) {
            if (!reasons.empty()) reasons += "; ";
            reasons += x;
        }
        t << s.case_key(c) << e.seq << e.when << who(r.requester) << r.basis << category_name(c, r.what) << ids_text(r.subjects)
          << reasons << r.decided_by;
    }
};

struct views_rows : entry_rows<view_shown> {
    explicit views_rows(const settings& st)
        : entry_rows({{"case_id", column_kind::integer}, {"seq", column_kind::integer}, {"at", column_kind::moment},
                      {"recorded", column_kind::moment}, {"actor", column_kind::text}, {"recipient", column_kind::text},
                      {"purpose", column_kind::text}, {"offered", column_kind::integer}, {"shown", column_kind::integer}},
                     st) {}
    void row(const case_file& c, const event& e, const view_shown& v) override {
        t << s.case_key(c) << e.seq << e.when << e.recorded << e.who << who(v.recipient) << v.why << v.offered << v.shown.size();
    }
};

// Every table: its name and how its rows are made, in the order analysis_table_names() gives.
template <class Rows>
std::unique_ptr<case_table> make_rows(const settings& s) {
    return std::make_unique<Rows>(s);
}

struct table_kind {
    const char* name;
    std::unique_ptr<case_table> (*make)(const settings&);
};

constexpr table_kind table_kinds[] = {
    {"cases", make_rows<cases_rows>},         {"members", make_rows<members_rows>},     {"events", make_rows<events_rows>},
    {"meetings", make_rows<meetings_rows>},   {"actions", make_rows<actions_rows>},     {"decisions", make_rows<decisions_rows>},
    {"sharings", make_rows<sharings_rows>},   {"declined", make_rows<declined_rows>},   {"views", make_rows<views_rows>},
};

std::unique_ptr<case_table> case_rows(std::string_view name, const settings& s) {
    for (const auto& k : table_kinds)
        if (name == k.name) return k.make(s);
    return nullptr;
}

// A field of a CSV line: quoted when it holds a comma, a quote or a line break.
void csv_field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char ch : s) {
        if (ch == '"') out += '"';
        out += ch;
    }
    out += '"';
}

} // namespace

const std::vector<std::string>& analysis_table_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& k : table_kinds) out.emplace_back(k.name);
        return out;
    }();
    return names;
}

std::int64_t case_pseudonym(case_id id, const std::vector<std::uint8_t>& key) {
    static constexpr char tag[] = "sfcore case pseudonym";
    std::uint8_t message[sizeof tag + 8];
    std::memcpy(message, tag, sizeof tag);
    for (int i = 0; i < 8; ++i) message[sizeof tag + i] = static_cast<std::uint8_t>(id.value() >> (8 * i));
    const digest d = hmac_sha256(key, message, sizeof message);
    std::int64_t v = 0;
    for (int i = 0; i < 6; ++i) v = (v << 8) | d[i];
    return v;
}

const std::vector<std::uint8_t>& process_pseudonym_key() {
    static const std::vector<std::uint8_t> key = [] {
        std::random_device r;
        std::vector<std::uint8_t> k(32);
        for (auto& b : k) b = static_cast<std::uint8_t>(r());
        return k;
    }();
    return key;
}

std::optional<std::string> age_band(std::optional<int> age) {
    if (!age) return std::nullopt;
    static const std::pair<int, const char*> bands[] = {{4, "0-4"},   {9, "5-9"},   {13, "10-13"}, {17, "14-17"},
                                                        {24, "18-24"}, {44, "25-44"}, {64, "45-64"}};
    for (const auto& [upto, band] : bands)
        if (*age <= upto) return std::string(band);
    return std::string("65+");
}

std::string analysis_table::csv() const {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        csv_field(out, columns[i].name);
    }
    out += "\r\n";
    const std::size_t n = rows();
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const table_column& c = columns[i];
            if (i) out += ',';
            if (c.missing[r]) continue;
            switch (c.kind) {
            case column_kind::integer: out += std::to_string(c.values[r]); break;
            case column_kind::boolean: out += c.values[r] ? "true" : "false"; break;
            case column_kind::text: csv_field(out, c.texts[r]); break;
            case column_kind::day: out += to_iso(unix_epoch.date() + boost::gregorian::days(c.values[r])); break;
            case column_kind::moment:
                out += to_iso(instant_from_unix(c.values[r]));
                break;
            }
        }
        out += "\r\n";
    }
    return out;
}

struct table_builder::rows {
    std::string name;
    settings s;
    std::unique_ptr<case_table> t;
};

table_builder::table_builder(std::string_view name, const agency_directory& directory, table_options options)
    : rows_(std::make_unique<rows>()), options_(std::move(options)) {
    static const holiday_calendar national;
    settings& s = rows_->s;
    s.directory = &directory;
    s.calendar = options_.calendar ? options_.calendar : &national;
    s.timeframes = options_.timeframes;
    s.identified = options_.identified_by.has_value();
    if (s.identified) {
        check_nonblank_utf8(*options_.identified_by, "identified_by");
        if (!options_.purpose) throw error(errc::invalid_argument, "an identified table needs its purpose");
        check_nonblank_utf8(*options_.purpose, "purpose");
        if (!options_.pseudonym_key.empty())
            throw error(errc::invalid_argument, "an identified table has no pseudonyms: give no pseudonym key");
    } else {
        if (options_.purpose)
            throw error(errc::invalid_argument,
                        "a purpose is given with identified_by (a de-identified table records nothing)");
        if (!options_.pseudonym_key.empty() && options_.pseudonym_key.size() < 16)
            throw error(errc::invalid_argument, "a pseudonym key is at least 16 bytes");
        s.key = options_.pseudonym_key.empty() ? process_pseudonym_key() : options_.pseudonym_key;
    }
    rows_->t = case_rows(name, s);
    rows_->name = name;
    if (!rows_->t) {
        std::string known;
        for (const auto& n : analysis_table_names()) {
            if (!known.empty()) known += ", ";
            known += n;
        }
        throw error(errc::invalid_argument, "unknown table " + detail::quoted(checked_utf8(name, "table name")) + ": one of " + known);
    }
}

table_builder::~table_builder() = default;
table_builder::table_builder(table_builder&&) noexcept = default;
table_builder& table_builder::operator=(table_builder&&) noexcept = default;

void table_builder::add(const case_file& c) { rows_->t->add(c); }

void table_builder::extract(case_file& c) {
    if (rows_->s.identified) c.record_identified_extract(*options_.identified_by, rows_->name, *options_.purpose);
    add(c);
}

analysis_table table_builder::table() const {
    analysis_table out;
    out.name = rows_->name;
    out.columns.reserve(rows_->t->t.columns().size());
    for (const auto& c : rows_->t->t.columns())
        if (!c.personal || rows_->s.identified) out.columns.push_back(c);
    return out;
}

analysis_table table_builder::take() {
    analysis_table out;
    out.name = rows_->name;
    for (auto& c : rows_->t->t.take())
        if (!c.personal || rows_->s.identified) out.columns.push_back(std::move(c));
    rows_ = nullptr;
    return out;
}

bool table_builder::identified() const noexcept { return rows_->s.identified; }

const table_options& table_builder::options() const noexcept { return options_; }

} // namespace sfcore
