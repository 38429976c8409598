#include "sfcore/disclosure.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <thread>

#include "pipeline.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

namespace {

constexpr category_set always_necessary = bit(category::identity_contact);

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string join(const std::vector<std::string>& xs, const char* sep = ", ") {
    std::string out;
    for (const auto& x : xs) out += (out.empty() ? "" : sep) + x;
    return out;
}

} // namespace

category_registry::category_registry() {
    for (const auto& row : category_table) {
        names_.emplace_back(row.name);
        labels_.emplace_back(row.label);
    }
}

category category_registry::add(std::string_view name, std::string_view label) {
    if (name.empty() || name.size() > 40 ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos)
        throw error(errc::invalid_argument, "a category name is 1-40 lowercase letters, digits or '_'");
    if (find(name)) throw error(errc::already_exists, "category \"" + std::string(name) + "\" exists");
    if (names_.size() == capacity) throw error(errc::out_of_range, "a registry holds at most 64 categories");
    labels_.push_back(checked_nonblank_utf8(label, "category label"));
    names_.emplace_back(name);
    return static_cast<category>(names_.size() - 1);
}

const std::string& category_registry::name(category c) const {
    if (!contains(c)) throw error(errc::invalid_argument, "unknown category " + std::to_string(static_cast<int>(c)));
    return names_[static_cast<std::size_t>(c)];
}

const std::string& category_registry::label(category c) const {
    if (!contains(c)) throw error(errc::invalid_argument, "unknown category " + std::to_string(static_cast<int>(c)));
    return labels_[static_cast<std::size_t>(c)];
}

std::optional<category> category_registry::find(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return static_cast<category>(i);
    return std::nullopt;
}

category_set default_necessity(issue_area area) noexcept {
    using c = category;
    switch (area) {
    case issue_area::education: return bit(c::education);
    case issue_area::housing: return bit(c::housing) | bit(c::income_benefits);
    case issue_area::income: return bit(c::income_benefits);
    case issue_area::health: return bit(c::health) | bit(c::disability);
    case issue_area::mental_health: return bit(c::mental_health) | bit(c::health);
    case issue_area::addiction: return bit(c::addiction) | bit(c::health);
    case issue_area::justice: return bit(c::justice) | bit(c::police);
    case issue_area::family_violence: return bit(c::family_violence) | bit(c::police) | bit(c::justice) | bit(c::child_protection);
    case issue_area::parenting: return bit(c::child_protection) | bit(c::education) | bit(c::health);
    case issue_area::disability: return bit(c::disability) | bit(c::health);
    }
    return 0;
}

disclosure_ledger::disclosure_ledger(const case_file& c, const agency_directory& directory, consent_settings settings,
                                     category_registry categories)
    : settings_(settings), categories_(std::move(categories)), last_change_(instant(date(min_year, 1, 1))) {
    if (settings.young_person_consent_age < 0 || settings.young_person_consent_age > settings.adult_age ||
        settings.adult_age > 25)
        throw error(errc::invalid_argument, "consent ages must satisfy 0 <= young person age <= adult age <= 25");
    sync(c, directory);
    necessity_.push_back({last_change_, always_necessary});
}

void disclosure_ledger::sync(const case_file& c, const agency_directory& directory) {
    for (std::size_t i = subjects_.size(); i < c.members().size(); ++i) {
        const auto& m = c.members()[i];
        subjects_.push_back({m.id, m.name, m.role, m.born});
    }
    agency_names_.clear();
    for (const auto& a : directory.all()) agency_names_.push_back(a.name);
    practitioner_agency_.clear();
    practitioner_names_.clear();
    for (const auto& p : directory.practitioners()) {
        practitioner_agency_.push_back(p.agency);
        practitioner_names_.push_back(p.name);
    }
    table_.ready = false;
}

bool disclosure_ledger::known(const party& p) const noexcept {
    switch (p.kind) {
    case party_kind::member: return p.id >= 1 && p.id <= subjects_.size();
    case party_kind::agency: return p.id >= 1 && p.id <= agency_names_.size();
    case party_kind::practitioner: return p.id >= 1 && p.id <= practitioner_names_.size();
    }
    return false;
}

std::size_t disclosure_ledger::slot_of(const party& p) const noexcept {
    return p.kind == party_kind::agency ? p.id - 1 : agency_names_.size() + p.id - 1;
}

party disclosure_ledger::party_of_slot(std::size_t slot) const noexcept {
    if (slot < agency_names_.size()) return party::of(agency_id{static_cast<std::uint32_t>(slot + 1)});
    return party::of(practitioner_id{static_cast<std::uint32_t>(slot - agency_names_.size() + 1)});
}

void disclosure_ledger::prepare(const date& day) {
    const date d = checked_date(day);
    compiled_table t;
    staging g;
    const instant start = nz_time(d, 0, 0);
    t.from = std::max(start, last_change_);
    t.until = nz_time(d + boost::gregorian::days(1), 0, 0) - boost::posix_time::seconds(1);
    t.slots = agency_names_.size() + practitioner_names_.size();
    t.agencies = agency_names_.size();
    t.subjects = subjects_.size();
    t.cats = categories_.size();
    g.cells.assign(subjects_.size() * t.slots, cell{});
    g.has_consent.assign(subjects_.size(), 0);
    g.confidential.resize(subjects_.size());
    for (std::size_t i = 0; i < subjects_.size(); ++i) g.confidential[i] = confidential_at(member_id{static_cast<std::uint32_t>(i + 1)}, last_change_);
    g.necessary = necessary_at(last_change_);
    constexpr category_set everything = ~category_set{0};

    const std::size_t purposes = std::size(purpose_table);
    std::vector<std::vector<entry>> standing(g.cells.size() * purposes);  // [cell][purpose], id order
    std::vector<std::uint8_t> covered(t.slots);
    std::vector<std::uint32_t> slot_row(t.slots, 0);  // per slot: its row (0 when no consent names it)
    for (const auto& c : consents_) {
        const std::size_t s = c.subject.value() - 1;
        g.has_consent[s] = 1;
        std::fill(covered.begin(), covered.end(), 0);
        for (const auto& r : c.scope.recipients)
            for (std::size_t k = 0; k < t.slots; ++k)
                if (covers(r, party_of_slot(k))) covered[k] = 1;
        const bool in_period = d >= c.scope.from && d <= c.scope.until;
        for (std::size_t k = 0; k < t.slots; ++k) {
            if (!covered[k]) continue;
            slot_row[k] = 1;
            cell& x = g.cells[s * t.slots + k];
            x.covered = true;
            x.named |= c.scope.categories;
            category_set withdrawn = 0;
            for (const auto& w : withdrawals_)
                if (w.subject == c.subject && w.at >= c.recorded_at && (!w.recipient || covers(*w.recipient, party_of_slot(k))))
                    withdrawn |= w.what ? bit(*w.what) : everything;
            for (std::size_t p = 0; p < purposes; ++p) {
                if (!((c.scope.purposes >> p) & 1u)) continue;
                purpose_cell& pc = x.by_purpose[p];
                pc.with_purpose |= c.scope.categories;
                if (!in_period) continue;
                pc.in_period |= c.scope.categories;
                const category_set stands = c.scope.categories & ~withdrawn;
                pc.standing |= stands;
                if (stands) standing[(s * t.slots + k) * purposes + p].push_back({c.id, stands});
            }
        }
    }
    // Keep, per (cell, purpose), only the consents that are the first (lowest
    // id) to stand for some category: the one a decision names.
    for (std::size_t i = 0; i < standing.size(); ++i) {
        purpose_cell& pc = g.cells[i / purposes].by_purpose[i % purposes];
        pc.first = static_cast<std::uint32_t>(g.entries.size());
        category_set seen = 0;
        for (const auto& e : standing[i])
            if (e.categories & ~seen) {
                g.entries.push_back(e);
                seen |= e.categories;
            }
        pc.count = static_cast<std::uint32_t>(g.entries.size()) - pc.first;
    }
    // Rows: 0 for recipients no consent names, then one per named recipient.
    std::vector<std::size_t> row_slot{0};
    for (std::size_t k = 0; k < t.slots; ++k)
        if (slot_row[k]) {
            slot_row[k] = static_cast<std::uint32_t>(row_slot.size());
            row_slot.push_back(k);
        }
    t.rows = row_slot.size();
    t.subject_stride = t.rows * purposes * t.cats;
    t.slot_base.resize(t.slots);
    for (std::size_t k = 0; k < t.slots; ++k) t.slot_base[k] = static_cast<std::uint32_t>(slot_row[k] * purposes * t.cats);
    t.answers.resize(t.subjects * t.subject_stride);
    const cell nobody{};
    std::size_t at = 0;
    for (std::size_t si = 0; si < t.subjects; ++si)
        for (std::size_t row = 0; row < t.rows; ++row) {
            const cell& k = row == 0 ? nobody : g.cells[si * t.slots + row_slot[row]];
            for (std::size_t p = 0; p < purposes; ++p)
                for (std::size_t c = 0; c < t.cats; ++c) t.answers[at++] = answer(g, si, k, p, category_set{1} << c);
        }
    t.ready = true;
    table_ = std::move(t);
}

static_assert(std::size(decision_rule_table) <= 32, "an answer keeps the rule in its low 5 bits");

std::uint32_t disclosure_ledger::answer(const staging& g, std::size_t si, const cell& k, std::size_t p, category_set c) noexcept {
    const auto rule = [](decision_rule r) { return static_cast<std::uint32_t>(r); };
    if (g.confidential[si] & c) return rule(decision_rule::confidential);
    if (p != static_cast<std::size_t>(purpose::deidentified) && !(g.necessary & c)) return rule(decision_rule::not_necessary);
    const purpose_cell& pc = k.by_purpose[p];
    if (pc.standing & c) {
        for (std::uint32_t i = pc.first; i < pc.first + pc.count; ++i)
            if (g.entries[i].categories & c) return g.entries[i].id << 5 | rule(decision_rule::consent);
    }
    if (pc.in_period & c) return rule(decision_rule::withdrawn);
    if (pc.with_purpose & c) return rule(decision_rule::outside_period);
    if (k.named & c) return rule(decision_rule::purpose_not_named);
    if (k.covered) return rule(decision_rule::category_not_named);
    if (g.has_consent[si]) return rule(decision_rule::recipient_not_named);
    return rule(decision_rule::no_consent);
}

const disclosure_ledger::subject_info& disclosure_ledger::subject(member_id m) const {
    if (!m || m.value() > subjects_.size())
        throw error(errc::not_found, "no family member " + std::to_string(m.value()) + " in the ledger");
    return subjects_[m.value() - 1];
}

std::string disclosure_ledger::party_name(const party& p) const {
    switch (p.kind) {
    case party_kind::member: return subject(member_id{p.id}).name;
    case party_kind::agency:
        if (p.id >= 1 && p.id <= agency_names_.size()) return agency_names_[p.id - 1];
        break;
    case party_kind::practitioner:
        if (p.id >= 1 && p.id <= practitioner_names_.size())
            return practitioner_names_[p.id - 1] + " (" + agency_names_[practitioner_agency_[p.id - 1].value() - 1] + ")";
        break;
    }
    throw error(errc::not_found, std::string("no ") + to_string(p.kind) + " " + std::to_string(p.id));
}

void disclosure_ledger::check_category(category c) const { categories_.name(c); }

bool disclosure_ledger::covers(const party& granted, const party& asked) const {
    if (granted == asked) return true;
    return granted.kind == party_kind::agency && asked.kind == party_kind::practitioner && asked.id >= 1 &&
           asked.id <= practitioner_agency_.size() && practitioner_agency_[asked.id - 1].value() == granted.id;
}

void disclosure_ledger::check_order(instant at) const {
    if (at < last_change_) throw error(errc::invalid_argument, "a ledger change cannot be earlier than the last one");
}

std::uint32_t disclosure_ledger::give(disclosure_consent c) {
    c.recorded_at = checked_instant(c.recorded_at);
    check_order(c.recorded_at);
    const subject_info& s = subject(c.subject);
    const subject_info& giver = subject(c.given_by);
    c.signed_on = checked_date(c.signed_on);
    c.scope.from = checked_date(c.scope.from);
    c.scope.until = checked_date(c.scope.until);
    if (c.scope.until < c.scope.from) throw error(errc::invalid_consent, "the consent's period ends before it starts");
    if (c.scope.recipients.empty()) throw error(errc::invalid_consent, "a consent names at least one recipient");
    if (c.scope.categories == 0) throw error(errc::invalid_consent, "a consent names at least one category");
    if (categories_.size() < 64 && (c.scope.categories >> categories_.size())) throw error(errc::invalid_consent, "a consent names an unknown category");
    if (c.scope.purposes == 0 || (c.scope.purposes & ~all_purposes))
        throw error(errc::invalid_consent, "a consent names at least one purpose, and only known ones");
    for (const auto& p : c.scope.recipients) {
        if (p.kind == party_kind::member) throw error(errc::invalid_consent, "a family member is not a recipient of a consent");
        party_name(p);  // known?
    }
    checked_nonblank_utf8(c.form_version, "consent form version");
    checked_nonblank_utf8(c.recorded_by, "recorded-by");
    checked_utf8(c.child_views, "child's views");
    // Who may consent: an adult or a young person of consent age for themselves;
    // for a younger child, a parent or caregiver, with the child's views.
    const auto age = s.born ? member{s.id, s.name, s.role, s.born, true}.age_on(c.signed_on) : std::optional<int>{};
    const bool own = age ? *age >= settings_.young_person_consent_age
                         : (s.role == member_role::parent_caregiver || s.role == member_role::other_whanau ||
                            s.role == member_role::support_person);
    if (own) {
        if (c.given_by != c.subject)
            throw error(errc::invalid_consent, s.name + " consents for themselves");
    } else {
        if (giver.role != member_role::parent_caregiver)
            throw error(errc::invalid_consent, "a child's consent is given by a parent or caregiver");
        if (blank(c.child_views)) throw error(errc::invalid_consent, "a consent for a child records the child's own views");
    }
    c.id = static_cast<std::uint32_t>(consents_.size() + 1);
    audit_.append(c.recorded_at, audit_kind::consent_change, c.recorded_by,
                  "consent|" + std::to_string(c.id) + "|subject=" + std::to_string(c.subject.value()) + "|by=" +
                      std::to_string(c.given_by.value()));
    last_change_ = c.recorded_at;
    table_.ready = false;
    consents_.push_back(std::move(c));
    return consents_.back().id;
}

void disclosure_ledger::withdraw(const consent_withdrawal& w) {
    consent_withdrawal x = w;
    x.at = checked_instant(w.at);
    check_order(x.at);
    subject(x.subject);
    if (x.recipient) party_name(*x.recipient);
    if (x.what) check_category(*x.what);
    checked_nonblank_utf8(x.recorded_by, "recorded-by");
    audit_.append(x.at, audit_kind::consent_change, x.recorded_by,
                  "withdrawal|subject=" + std::to_string(x.subject.value()) +
                      (x.recipient ? "|recipient=" + party_name(*x.recipient) : std::string()) +
                      (x.what ? "|category=" + categories_.name(*x.what) : std::string()));
    last_change_ = x.at;
    table_.ready = false;
    withdrawals_.push_back(std::move(x));
}

void disclosure_ledger::mark_confidential(member_id m, category what, bool confidential, std::string_view by, instant at) {
    at = checked_instant(at);
    check_order(at);
    subject(m);
    check_category(what);
    audit_.append(at, audit_kind::consent_change, checked_nonblank_utf8(by, "recorded-by"),
                  std::string(confidential ? "confidential" : "not-confidential") + "|subject=" +
                      std::to_string(m.value()) + "|category=" + categories_.name(what));
    last_change_ = at;
    table_.ready = false;
    marks_.push_back({at, m, what, confidential});
}

void disclosure_ledger::set_issue_areas(const std::vector<issue_area>& areas, std::string_view by, instant at) {
    at = checked_instant(at);
    check_order(at);
    category_set necessary = always_necessary;
    std::string names;
    for (auto a : areas) {
        necessary |= default_necessity(enum_from_int<issue_area>(static_cast<long long>(a)));
        names += std::string(names.empty() ? "" : ",") + to_string(a);
    }
    audit_.append(at, audit_kind::consent_change, checked_nonblank_utf8(by, "recorded-by"), "issue-areas|" + names);
    last_change_ = at;
    table_.ready = false;
    necessity_.push_back({at, necessary});
}

void disclosure_ledger::adjust_necessity(category what, bool widen, std::string_view by, instant at) {
    at = checked_instant(at);
    check_order(at);
    check_category(what);
    category_set necessary = necessity_.back().necessary;
    necessary = widen ? (necessary | bit(what)) : (necessary & ~bit(what));
    audit_.append(at, audit_kind::consent_change, checked_nonblank_utf8(by, "recorded-by"),
                  std::string(widen ? "widen|" : "narrow|") + categories_.name(what));
    last_change_ = at;
    table_.ready = false;
    necessity_.push_back({at, necessary});
}

category_set disclosure_ledger::necessary_at(instant at) const {
    category_set out = always_necessary;
    for (const auto& n : necessity_) {
        if (n.at > at) break;
        out = n.necessary;
    }
    return out;
}

category_set disclosure_ledger::confidential_at(member_id m, instant at) const {
    category_set out = 0;
    for (const auto& k : marks_) {
        if (k.at > at) break;
        if (k.subject != m) continue;
        out = k.confidential ? (out | bit(k.what)) : (out & ~bit(k.what));
    }
    return out;
}

void disclosure_ledger::check_request(const disclosure_request& r) const {
    if (r.subjects.empty()) throw error(errc::invalid_request, "a request names at least one subject");
    for (auto s : r.subjects)
        if (!known(party::of(s))) subject(s);  // throws not_found
    if (!categories_.contains(r.what)) check_category(r.what);  // throws
    if (static_cast<std::size_t>(r.why) >= std::size(purpose_table)) enum_from_int<purpose>(static_cast<long long>(r.why));
    if (r.recipient.kind == party_kind::member) throw error(errc::invalid_request, "a recipient is an agency or a practitioner");
    if (!known(r.recipient)) party_name(r.recipient);  // throws not_found
    if (r.at.is_special()) checked_instant(r.at);
}

decision disclosure_ledger::decide_one(member_id s, const disclosure_request& r) const {
    decision d;
    d.subject = s;
    const category_set cat = bit(r.what);
    if (confidential_at(s, r.at) & cat) {
        d.rule = decision_rule::confidential;
        return d;
    }
    if (r.why != purpose::deidentified && !(necessary_at(r.at) & cat)) {
        d.rule = decision_rule::not_necessary;
        return d;
    }
    const date day = nz_date(r.at);
    int best = -1;
    bool recorded = false, later = false;
    for (const auto& g : consents_) {
        if (g.subject != s) continue;
        if (g.recorded_at > r.at) {
            later = true;
            continue;
        }
        recorded = true;
        int stage = 0;
        const bool named = std::any_of(g.scope.recipients.begin(), g.scope.recipients.end(),
                                       [&](const party& p) { return covers(p, r.recipient); });
        if (named) {
            stage = 1;
            if (g.scope.categories & cat) {
                stage = 2;
                if (g.scope.purposes & bit(r.why)) {
                    stage = 3;
                    if (day >= g.scope.from && day <= g.scope.until) {
                        stage = 4;
                        const bool withdrawn = std::any_of(withdrawals_.begin(), withdrawals_.end(), [&](const auto& w) {
                            return w.subject == s && w.at >= g.recorded_at && w.at <= r.at &&
                                   (!w.recipient || covers(*w.recipient, r.recipient)) && (!w.what || *w.what == r.what);
                        });
                        if (!withdrawn) {
                            d.permit = true;
                            d.rule = decision_rule::consent;
                            d.consent = g.id;
                            return d;
                        }
                    }
                }
            }
        }
        best = std::max(best, stage);
    }
    if (!recorded) {
        d.rule = later ? decision_rule::not_yet_recorded : decision_rule::no_consent;
        return d;
    }
    constexpr decision_rule by_stage[] = {decision_rule::recipient_not_named, decision_rule::category_not_named,
                                          decision_rule::purpose_not_named, decision_rule::outside_period,
                                          decision_rule::withdrawn};
    d.rule = by_stage[best];
    return d;
}

decision disclosure_ledger::check_in_full(const disclosure_request& r) const {
    check_request(r);
    const bool fast = prepared_for(r.at);
    const std::size_t slot = fast ? slot_of(r.recipient) : 0;
    decision first;
    for (std::size_t i = 0; i < r.subjects.size(); ++i) {
        const decision d = fast ? lookup(r.subjects[i], slot, r.what, r.why) : decide_one(r.subjects[i], r);
        if (!d.permit) return d;  // deny overrides
        if (i == 0) first = d;
    }
    return first;
}

decision disclosure_ledger::decide(const disclosure_request& r, std::string_view actor) {
    const decision d = check(r);
    record_decision(r, d, actor);
    return d;
}

namespace {
void append_number(std::string& out, std::uint64_t v) {
    char buf[20];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(end - buf));
}
void append_party(std::string& out, const party& p) {
    out += to_string(p.kind);
    out += ':';
    append_number(out, p.id);
}
} // namespace

std::string disclosure_ledger::decision_text(const disclosure_request& r, const decision& d) const {
    // One buffer, no temporaries: this runs once per decision.
    std::string text;
    text.reserve(128);
    text += d.permit ? "permit|rule=" : "deny|rule=";
    text += to_string(d.rule);
    text += "|subjects=";
    for (std::size_t i = 0; i < r.subjects.size(); ++i) {
        if (i) text += ',';
        append_number(text, r.subjects[i].value());
    }
    text += "|category=";
    text += categories_.name(r.what);
    text += "|purpose=";
    text += to_string(r.why);
    text += "|discloser=";
    append_party(text, r.discloser);
    text += "|recipient=";
    append_party(text, r.recipient);
    return text;
}

void disclosure_ledger::record_decision(const disclosure_request& r, const decision& d, std::string_view actor) {
    audit_.append_owned(r.at, audit_kind::decision, actor, decision_text(r, d));
}

std::size_t disclosure_ledger::decide_many(const disclosure_request* const* requests, std::size_t count,
                                           std::string_view actor, decision* out) {
    if (count == 0) return 0;
    if (!requests || !out) throw error(errc::null_argument, "decide_many: no requests or no room for the decisions");
    const std::string who = checked_nonblank_utf8(actor, "actor");
    // A decision and its audit text, made ahead of the append that chains it into the log.
    struct staged {
        decision d;
        std::string text;
    };
    const auto stage = [&](std::size_t i) {
        const disclosure_request& r = *requests[i];
        staged s{check(r), {}};
        s.text = decision_text(r, s.d);
        return s;
    };
    const auto commit = [&](std::size_t i, staged&& s) {
        audit_.append_owned(requests[i]->at, audit_kind::decision, who, std::move(s.text));
        out[i] = s.d;
    };
    constexpr std::size_t chunk = 512;
    if (count < 4 * chunk || std::thread::hardware_concurrency() < 2) {
        for (std::size_t i = 0; i < count; ++i) commit(i, stage(i));
        return count;
    }
    // Two stages on two threads: a worker decides and words each request
    // (check() reads the ledger but never the audit log), while this thread
    // chains the entries into the log in request order. A failure stops both;
    // the decisions committed before it stay recorded, as with decide() in a loop.
    std::size_t next = 0;
    detail::two_stage<staged>(
        [&](const std::function<bool(std::vector<staged>&&)>& hand_over) {
            for (std::size_t from = 0; from < count; from += chunk) {
                std::vector<staged> part;
                part.reserve(chunk);
                try {
                    for (std::size_t i = from; i < std::min(count, from + chunk); ++i) part.push_back(stage(i));
                } catch (...) {
                    hand_over(std::move(part));  // what was decided before the fault is still recorded
                    throw;
                }
                if (!hand_over(std::move(part))) return;
            }
        },
        [&](std::vector<staged>& part) {
            for (auto& s : part) commit(next++, std::move(s));
            return true;
        });
    return next;
}

std::vector<decision> disclosure_ledger::decide_many(const std::vector<disclosure_request>& requests, std::string_view actor) {
    std::vector<const disclosure_request*> ptrs;
    ptrs.reserve(requests.size());
    for (const auto& r : requests) ptrs.push_back(&r);
    std::vector<decision> out(requests.size());
    decide_many(ptrs.data(), ptrs.size(), actor, out.data());
    return out;
}

std::string disclosure_ledger::explain(const decision& d) const {
    const std::string who = d.subject ? subject(d.subject).name : std::string("the person");
    if (d.permit) return "permitted: " + who + " consented (consent " + std::to_string(d.consent) + ")";
    return "refused for " + who + ": " + label(d.rule);
}

record_result disclosure_ledger::share_without_consent(const sharing_record& r, std::string_view actor) {
    sharing_record x = r;
    x.at = checked_instant(r.at);
    for (auto s : x.subjects) subject(s);
    for (const party* p : {&x.discloser, &x.recipient})
        if (p->kind != party_kind::member) party_name(*p);
    check_category(x.what);
    enum_from_int<legal_basis>(static_cast<long long>(x.basis));
    enum_from_int<s66c_purpose>(static_cast<long long>(x.s66c));
    for (const std::string* t : {&x.description, &x.requested_by, &x.purpose, &x.approver, &x.necessity, &x.not_told_reason})
        checked_utf8(*t, "sharing record");

    record_result out;
    auto need = [&out](bool ok, const char* what) {
        if (!ok) out.missing.push_back(what);
    };
    need(!x.subjects.empty(), "whom the information is about");
    need(!blank(x.description), "what was shared");
    need(x.discloser.kind != party_kind::member && x.discloser.id != 0, "who shared it (an agency or practitioner)");
    need(x.recipient.kind != party_kind::member && x.recipient.id != 0, "to whom (an agency or practitioner)");
    need(!blank(x.purpose), "the purpose");
    need(!blank(x.approver), "who approved it");
    need(!blank(x.necessity), "why it was necessary and proportionate");
    need(x.basis != legal_basis::ot_s66c || x.s66c != s66c_purpose::none, "which of the six s66C purposes");
    need(x.basis == legal_basis::ot_s66c || x.s66c == s66c_purpose::none, "no s66C purpose for another basis");
    need(x.basis != legal_basis::ot_s66 || !blank(x.requested_by), "who requested it under s66");
    need((x.child_consulted && x.family_told) || !blank(x.not_told_reason),
         "why the child or family was not consulted or told");
    if (!out.missing.empty()) return out;
    check_order(x.at);

    std::string subjects;
    for (auto s : x.subjects) subjects += (subjects.empty() ? "" : ",") + std::to_string(s.value());
    audit_.append(x.at, audit_kind::sharing, checked_nonblank_utf8(actor, "actor"),
                  std::string("share|basis=") + to_string(x.basis) + "|subjects=" + subjects + "|category=" +
                      categories_.name(x.what) + "|recipient=" + party_name(x.recipient) + "|approver=" + x.approver);
    last_change_ = x.at;
    table_.ready = false;
    sharings_.push_back(std::move(x));
    out.recorded = true;
    return out;
}

record_result disclosure_ledger::decline(const declined_request& r, std::string_view actor) {
    declined_request x = r;
    x.at = checked_instant(r.at);
    for (auto s : x.subjects) subject(s);
    if (x.requester.kind != party_kind::member) party_name(x.requester);
    check_category(x.what);
    enum_from_int<legal_basis>(static_cast<long long>(x.basis));
    record_result out;
    const bool reasons = !x.reasons.empty() && std::none_of(x.reasons.begin(), x.reasons.end(), [](const std::string& s) {
        return blank(checked_utf8(s, "reason"));
    });
    if (!reasons) out.missing.push_back("the reasons for declining (s66J)");
    if (blank(checked_utf8(x.decided_by, "decided-by"))) out.missing.push_back("who declined it");
    if (x.subjects.empty()) out.missing.push_back("whom the request was about");
    if (!out.missing.empty()) return out;
    check_order(x.at);
    audit_.append(x.at, audit_kind::declined, checked_nonblank_utf8(actor, "actor"),
                  std::string("declined|basis=") + to_string(x.basis) + "|requester=" + party_name(x.requester) +
                      "|reasons=" + join(x.reasons, "; "));
    last_change_ = x.at;
    table_.ready = false;
    declined_.push_back(std::move(x));
    out.recorded = true;
    return out;
}

std::vector<info_item> disclosure_ledger::view(const std::vector<info_item>& items, const party& recipient, purpose why,
                                               instant at, std::string_view actor) {
    std::vector<info_item> shown;
    for (const auto& item : items) {
        disclosure_request r{recipient, item.subjects, item.what, recipient, why, at};
        if (check(r).permit) shown.push_back(item);
    }
    audit_.append(at, audit_kind::view, checked_nonblank_utf8(actor, "actor"),
                  "view|recipient=" + party_name(recipient) + "|purpose=" + to_string(why) + "|shown=" +
                      std::to_string(shown.size()));
    return shown;
}

disclosure_notice disclosure_ledger::notice(member_id m, purpose why, instant at) const {
    const subject_info& s = subject(m);
    disclosure_notice n;
    n.member = m;
    n.why = why;
    std::vector<party> recipients;
    for (const auto& g : consents_)
        if (g.subject == m && g.recorded_at <= at)
            for (const auto& p : g.scope.recipients)
                if (std::find(recipients.begin(), recipients.end(), p) == recipients.end()) recipients.push_back(p);
    for (const auto& p : recipients) {
        notice_line line{p, {}};
        for (std::size_t c = 0; c < categories_.size(); ++c)
            if (check(disclosure_request{p, {m}, static_cast<category>(c), p, why, at}).permit)
                line.categories.push_back(static_cast<category>(c));
        if (!line.categories.empty()) n.lines.push_back(std::move(line));
    }
    const category_set conf = confidential_at(m, at);
    for (std::size_t c = 0; c < categories_.size(); ++c)
        if (conf & bit(static_cast<category>(c))) n.confidential.push_back(static_cast<category>(c));

    std::string t = "Kia ora " + s.name + ". For " + label(why) + ", this is what may be shared about you:\n";
    if (n.lines.empty()) t += "- Nothing: no one may receive your information under your consent.\n";
    for (const auto& line : n.lines) {
        std::vector<std::string> cats;
        for (auto c : line.categories) cats.push_back(categories_.label(c));
        t += "- " + party_name(line.recipient) + " may receive your " + join(cats) + ".\n";
    }
    if (!n.confidential.empty()) {
        std::vector<std::string> cats;
        for (auto c : n.confidential) cats.push_back(categories_.label(c));
        t += "You asked that your " + join(cats) + " stay confidential: it will not be shared under your consent.\n";
    }
    t += "Only what relates to your family's key issues is shared. Tell your coordinator if anything must stay "
         "confidential. You can change your mind at any time.\n";
    n.text = std::move(t);
    return n;
}

} // namespace sfcore
