// The disclosure fold: consents, withdrawals, marks and necessity as a case's
// journal gives them, with an index that answers a decision about any
// instant by lookups.
//
// The index, per subject: one row per recipient some consent or withdrawal
// names (an agency's row covers its practitioners; a named practitioner has
// a row of its own, which starts as a copy of its agency's), and in each row
// one cell per (purpose, category) some consent names. A cell holds its
// answer as a function of time (a timeline: a short list of segments), shared
// with every other cell of the subject that has the same grants. Every change
// takes effect at its entry's instant, which is never earlier than the one
// before, so a change only ever rewrites the tail of the timelines it touches,
// and it makes one new timeline for all the cells that shared an old one.
#include "sfcore/disclosure.hpp"

#include <algorithm>
#include <bitset>
#include <limits>

#include "sfcore/text.hpp"

namespace sfcore {

namespace {
constexpr category_set always_necessary = bit(category::identity_contact);
} // namespace

// ---- categories and necessity -------------------------------------------------

category_registry::category_registry() {
    for (const auto& row : category_table) {
        names_.emplace_back(row.name);
        labels_.emplace_back(row.label);
    }
}

void category_registry::check_new(std::string_view name, std::string_view label) const {
    if (name.empty() || name.size() > 40 ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos)
        throw error(errc::invalid_argument, "a category name is 1-40 lowercase letters, digits or '_'");
    if (find(name)) throw error(errc::already_exists, "category \"" + std::string(name) + "\" exists");
    if (names_.size() == capacity) throw error(errc::out_of_range, "a case has at most 64 categories");
    check_nonblank_utf8(label, "category label");
}

category category_registry::add(std::string_view name, std::string_view label) {
    check_new(name, label);
    labels_.emplace_back(label);
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

std::string requester_reason(case_id id, const decision& d) {
    std::string out = d.permit ? "Disclosure is permitted" : "Disclosure is not permitted";
    if (d.seq) out += " (reference " + std::to_string(id.value()) + "/" + std::to_string(d.seq) + ")";
    out += '.';
    return out;
}

// ---- the index ------------------------------------------------------------------

disclosure_state::disclosure_state() { necessity_.steps.emplace_back(std::numeric_limits<micros>::min(), always_necessary); }

disclosure_state::micros disclosure_state::micros_of(const instant& t) noexcept {
    return (t - unix_epoch).total_microseconds();
}

disclosure_state::micros disclosure_state::day_start(const sfcore::date& d) {
    if (d <= date(min_year, 1, 1)) return std::numeric_limits<micros>::min();
    if (d > date(max_year, 12, 31)) return never;
    return micros_of(nz_time(d, 0, 0));
}

category_set disclosure_state::history::at(micros t) const noexcept {
    if (steps.empty()) return 0;
    if (t >= steps.back().first) return steps.back().second;
    auto it = std::upper_bound(steps.begin(), steps.end(), t, [](micros x, const auto& s) { return x < s.first; });
    return it == steps.begin() ? 0 : std::prev(it)->second;
}

void disclosure_state::history::set(micros t, category_set mask) {
    if (!steps.empty() && steps.back().first == t) steps.back().second = mask;
    else steps.emplace_back(t, mask);
}

std::uint32_t disclosure_state::timeline::answer_at(micros t) const noexcept {
    if (t >= segments.back().from) return segments.back().answer;
    auto it = std::upper_bound(segments.begin(), segments.end(), t, [](micros x, const segment& s) { return x < s.from; });
    return std::prev(it)->answer;
}

void disclosure_state::timeline::rebuild_from(micros t) {
    while (!segments.empty() && segments.back().from >= t) segments.pop_back();
    if (segments.empty() && live.size() == 1 && live.front().withdrawn == never && live.front().start < live.front().end) {
        // A cell's first consent (the usual case): outside its period before it, the consent within it.
        const grant& g = live.front();
        const micros from = std::max(t, g.start);
        if (from > t) segments.push_back({t, answer_of(decision_rule::outside_period)});
        if (from < g.end) segments.push_back({from, answer_of(decision_rule::consent, g.consent)});
        if (g.end != never && g.end > from) segments.push_back({g.end, answer_of(decision_rule::outside_period)});
        if (segments.empty()) segments.push_back({t, answer_of(decision_rule::outside_period)});
        return;
    }
    // A grant whose period is over by t can no longer change an answer.
    live.erase(std::remove_if(live.begin(), live.end(), [t](const grant& g) { return g.end <= t; }), live.end());
    boost::container::small_vector<micros, 8> points{t};
    for (const grant& g : live)
        for (micros p : {g.start, g.end, g.withdrawn})
            if (p > t && p != never) points.push_back(p);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    for (micros p : points) {
        // The earliest consent in its period and not withdrawn permits;
        // otherwise one in its period was withdrawn; otherwise none covers the day.
        std::uint32_t a = answer_of(decision_rule::outside_period);
        for (const grant& g : live) {
            if (p < g.start || p >= g.end) continue;
            if (p < g.withdrawn) {
                a = answer_of(decision_rule::consent, g.consent);
                break;
            }
            a = answer_of(decision_rule::withdrawn);
        }
        if (segments.empty() || segments.back().answer != a) segments.push_back({p, a});
    }
}

const disclosure_state::row* disclosure_state::subject_index::row_for(const sfcore::recipient& r) const noexcept {
    const std::size_t p = r.practitioner.value();
    if (p && p < practitioner_row.size() && practitioner_row[p]) return &rows[practitioner_row[p] - 1u];
    const std::size_t a = r.agency.value();
    if (a < agency_row.size() && agency_row[a]) return &rows[agency_row[a] - 1u];
    return nullptr;
}

disclosure_state::subject_index& disclosure_state::subject_at(member_id m) {
    if (m.value() > subjects_.size()) subjects_.resize(m.value());
    return subjects_[m.value() - 1];
}

// The row of a recipient, made when it is first named: a practitioner's
// starts as a copy of its agency's row (the consents to the agency cover them).
std::size_t disclosure_state::row_of(subject_index& s, const sfcore::recipient& r) {
    auto& index = r.practitioner ? s.practitioner_row : s.agency_row;
    const std::size_t key = r.practitioner ? r.practitioner.value() : r.agency.value();
    if (key < index.size() && index[key]) return index[key] - 1u;
    if (s.rows.size() >= 0xFFFF) throw error(errc::out_of_range, "a subject's consents name at most 65,535 recipients");
    row fresh;
    const std::size_t a = r.agency.value();
    if (r.practitioner && a < s.agency_row.size() && s.agency_row[a])
        fresh = s.rows[s.agency_row[a] - 1u];  // its cells share the agency's timelines until one changes
    fresh.who = r;
    s.rows.push_back(std::move(fresh));
    if (key >= index.size()) index.resize(key + 1, 0);
    index[key] = static_cast<std::uint16_t>(s.rows.size());
    return s.rows.size() - 1;
}

// The rows a consent or withdrawal naming @p r bears on: the recipient's own,
// and for an agency the rows of its named practitioners too.
std::vector<std::size_t> disclosure_state::rows_covered(subject_index& s, const sfcore::recipient& r) {
    std::vector<std::size_t> out{row_of(s, r)};
    if (!r.practitioner)
        for (std::size_t i = 0; i < s.rows.size(); ++i)
            if (s.rows[i].who.practitioner && s.rows[i].who.agency == r.agency) out.push_back(i);
    return out;
}

// Make a row's table of cells at least @p n categories wide (as wide as the case's categories).
bool disclosure_state::cell_slot_width(row& r, std::size_t n) const {
    if (n <= r.width) return false;
    const std::uint32_t width = static_cast<std::uint32_t>(std::max<std::size_t>(categories_.size(), n));
    std::vector<std::uint32_t> wider(std::size(purpose_table) * width, 0);
    for (std::size_t q = 0; q < std::size(purpose_table); ++q)
        for (std::size_t k = 0; k < r.width; ++k) wider[q * width + k] = r.cell_of[q * r.width + k];
    r.cell_of = std::move(wider);
    r.width = width;
    return true;
}

// The timeline a change makes from timeline @p from (+ 1; 0 for a cell no
// consent named before): made once per change for every cell that shared
// @p from (remembered in @p done), by copying it and applying @p change,
// which returns false when it changed nothing (the cell keeps @p from).
template <class Change>
std::uint32_t disclosure_state::derive(subject_index& s, derivations& done, std::uint32_t from, micros withdrawn,
                                       Change&& change) {
    for (const derivation& d : done)
        if (d.from == from && d.withdrawn == withdrawn) return d.to;
    timeline next = from ? s.timelines[from - 1u] : timeline{};
    std::uint32_t to = from;
    if (change(next)) {
        if (s.timelines.size() >= std::numeric_limits<std::uint32_t>::max() - 1u)
            throw error(errc::out_of_range, "a subject's consents make too many timelines");
        s.timelines.push_back(std::move(next));
        to = static_cast<std::uint32_t>(s.timelines.size());
    }
    done.push_back({from, withdrawn, to});
    return to;
}

// A withdrawal recorded before a consent at the same instant applies to it
// (a withdrawal covers the consents recorded at or before its instant).
disclosure_state::micros disclosure_state::withdrawn_at_start(const subject_index& s, const row& r, category c,
                                                              micros at) const noexcept {
    for (auto it = s.withdrawals.rbegin(); it != s.withdrawals.rend(); ++it) {
        const sharing_withdrawal& w = withdrawals_[*it];
        if (micros_of(w.at) != at) break;
        if ((!w.recipient || w.recipient->covers(r.who)) && (!w.what || *w.what == c)) return at;
    }
    return never;
}

void disclosure_state::add_grant(subject_index& s, std::size_t ri, const sharing_consent_given& g, micros at,
                                 derivations& done) {
    const grant base{g.id, day_start(g.scope.from), day_start(g.scope.until + boost::gregorian::days(1)), never};
    row& r = s.rows[ri];
    r.first_named = std::min(r.first_named, at);
    if (r.first_category.size() < categories_.size()) r.first_category.resize(categories_.size(), never);
    for (std::size_t c = 0; c < categories_.size(); ++c)
        if ((g.scope.categories >> c) & 1u) r.first_category[c] = std::min(r.first_category[c], at);
    // Widen the row once for the categories this consent names, then give each cell its new timeline.
    if (g.scope.categories) (void)cell_slot_width(r, 64 - static_cast<std::size_t>(__builtin_clzll(g.scope.categories)));
    for (std::size_t p = 0; p < std::size(purpose_table); ++p) {
        if (!((g.scope.purposes >> p) & 1u)) continue;
        for (std::size_t c = 0; c < categories_.size(); ++c) {
            if (!((g.scope.categories >> c) & 1u)) continue;
            std::uint32_t& slot = r.cell_of[p * r.width + c];
            const micros withdrawn = withdrawn_at_start(s, r, static_cast<category>(c), at);
            slot = derive(s, done, slot, withdrawn, [&](timeline& x) {
                grant gr = base;
                gr.withdrawn = withdrawn;
                x.live.push_back(gr);
                x.rebuild_from(at);
                return true;
            });
        }
    }
}

// ---- the fold ---------------------------------------------------------------------

void disclosure_state::give(const sharing_consent_given& g, const event& e) {
    const micros at = micros_of(e.when);
    consents_.push_back({g, e.who, e.when, e.seq});
    subject_index& s = subject_at(g.subject);
    s.first_consent = std::min(s.first_consent, at);
    std::vector<std::size_t> rows;
    for (const auto& r : g.scope.recipients)
        for (std::size_t i : rows_covered(s, r))
            if (std::find(rows.begin(), rows.end(), i) == rows.end()) rows.push_back(i);
    derivations done;
    for (std::size_t i : rows) add_grant(s, i, g, at, done);
}

void disclosure_state::withdraw(sharing_withdrawal w) {
    const micros at = micros_of(w.at);
    subject_index& s = subject_at(w.subject);
    withdrawals_.push_back(std::move(w));
    const sharing_withdrawal& x = withdrawals_.back();
    s.withdrawals.push_back(static_cast<std::uint32_t>(withdrawals_.size() - 1));
    std::vector<std::size_t> rows;
    if (!x.recipient) {
        for (std::size_t i = 0; i < s.rows.size(); ++i) rows.push_back(i);
    } else {
        // A named practitioner always has a row of their own from now on, so a
        // consent to their agency at this very instant reaches it, where
        // withdrawn_at_start() applies this withdrawal to them alone. An agency
        // only a later consent names has nothing to withdraw (withdrawn_at_start()
        // covers a consent at this instant).
        if (x.recipient->practitioner || s.row_for(*x.recipient)) rows = rows_covered(s, *x.recipient);
        else
            for (std::size_t i = 0; i < s.rows.size(); ++i)
                if (s.rows[i].who.agency == x.recipient->agency) rows.push_back(i);
    }
    derivations done;
    for (std::size_t ri : rows) {
        row& r = s.rows[ri];
        for (std::size_t p = 0; p < std::size(purpose_table); ++p)
            for (std::size_t c = 0; c < r.width; ++c) {
                if (x.what && static_cast<std::size_t>(*x.what) != c) continue;
                std::uint32_t& slot = r.cell_of[p * r.width + c];
                if (!slot) continue;
                slot = derive(s, done, slot, at, [at](timeline& k) {
                    bool changed = false;
                    for (grant& g : k.live)
                        if (g.withdrawn == never) {
                            g.withdrawn = at;
                            changed = true;
                        }
                    if (changed) k.rebuild_from(at);
                    return changed;
                });
            }
    }
}

void disclosure_state::mark(member_id m, category what, bool confidential, micros t) {
    subject_index& s = subject_at(m);
    const category_set now = s.confidential.steps.empty() ? 0 : s.confidential.steps.back().second;
    s.confidential.set(t, confidential ? (now | bit(what)) : (now & ~bit(what)));
}

void disclosure_state::set_issue_areas(const std::vector<issue_area>& areas, micros t) {
    category_set mask = always_necessary;
    for (auto a : areas) mask |= default_necessity(a);
    necessity_.set(t, mask);
}

void disclosure_state::adjust_necessity(category what, bool widen, micros t) {
    const category_set now = necessity_.steps.back().second;
    necessity_.set(t, widen ? (now | bit(what)) : (now & ~bit(what)));
}

// ---- decisions ----------------------------------------------------------------

category_set disclosure_state::necessary_at(instant at) const noexcept {
    return necessity_.at(micros_of(at));
}

category_set disclosure_state::confidential_at(member_id m, instant at) const noexcept {
    if (!m || m.value() > subjects_.size()) return 0;
    return subjects_[m.value() - 1].confidential.at(micros_of(at));
}

decision disclosure_state::decide_one(member_id subject, category what, const sfcore::recipient& to, purpose why,
                                      instant at) const noexcept {
    decision d;
    d.subject = subject;
    const micros t = micros_of(at);
    const category_set cat = bit(what);
    const subject_index* s = subject && subject.value() <= subjects_.size() ? &subjects_[subject.value() - 1] : nullptr;
    const auto rule = [&d](decision_rule r) {
        d.rule = r;
        return d;
    };
    if (s && (s->confidential.at(t) & cat)) return rule(decision_rule::confidential);
    if (why != purpose::deidentified && !(necessity_.at(t) & cat))
        return rule(decision_rule::not_necessary);
    if (!s || s->first_consent == never) return rule(decision_rule::no_consent);
    if (t < s->first_consent) return rule(decision_rule::not_yet_recorded);
    const row* r = s->row_for(to);
    if (!r || t < r->first_named) return rule(decision_rule::recipient_not_named);
    const auto c = static_cast<std::size_t>(what);
    if (c < r->width)
        if (const std::uint32_t slot = r->cell_of[static_cast<std::size_t>(why) * r->width + c]) {
            const timeline& k = s->timelines[slot - 1u];
            if (t >= k.segments.front().from) {
                const std::uint32_t a = k.answer_at(t);
                d.rule = static_cast<decision_rule>(a & 31u);
                d.permit = d.rule == decision_rule::consent;
                d.consent = a >> 5;
                return d;
            }
        }
    if (c < r->first_category.size() && t >= r->first_category[c]) return rule(decision_rule::purpose_not_named);
    return rule(decision_rule::category_not_named);
}

static_assert(std::size(decision_rule_table) <= 32, "an answer keeps the rule in its low 5 bits");

} // namespace sfcore
