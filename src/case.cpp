// A case: its journal, the chain that seals it, and the fold that is its state.
#include "sfcore/case.hpp"

#include <algorithm>

#include "archive_detail.hpp"
#include "case_access.hpp"
#include "crypto.hpp"
#include "sfcore/text.hpp"

namespace sfcore {

static_assert(std::variant_size_v<event_payload> == std::size(event_type_table),
              "every event type has exactly one payload alternative, in table order");
// event_payload's alternatives are events.def's rows in order: each row's
// value is its place (the alternative at that value is the row's type), and
// its enumerator is that value.
#define SF_EVENT(C, value, name, label, kind)                                                                    \
    static_assert(std::is_same_v<std::variant_alternative_t<value, event_payload>, name>,                        \
                  "events.def: the row of value " #value " names " #name ", not event_payload's alternative " #value); \
    static_assert(static_cast<std::size_t>(event_type::name) == value, "events.def: " #name "'s value is its row's");
#include "sfcore/def/events.def"
#undef SF_EVENT

referral checked(const referral& r, const agency_directory& directory) {
    referral out;
    out.source = enum_from_int<referral_source>(static_cast<long long>(r.source));
    out.programme = enum_from_int<sfcore::programme>(static_cast<long long>(r.programme));
    if (out.source == referral_source::agency) {
        if (!r.agency) throw error(errc::invalid_argument, "a referral by an agency must name the agency");
        out.agency = directory.at(*r.agency).id;
    } else if (r.agency) {
        throw error(errc::invalid_argument, "a self-referral names no referring agency");
    }
    if (out.source == referral_source::family && !r.practitioner.empty())
        throw error(errc::invalid_argument, "a self-referral names no referring practitioner");
    out.practitioner = checked_utf8(r.practitioner, "practitioner");
    out.received = checked_date(r.received);
    out.family_name = checked_nonblank_utf8(r.family_name, "family name");
    out.reasons.reserve(r.reasons.size());
    for (const auto& reason : r.reasons) out.reasons.push_back(checked_nonblank_utf8(reason, "referral reason"));
    out.site = checked_utf8(r.site, "site");
    // A site or team is one the directory registers for the programme (an Intensive Intervention
    // referral without one is refused when accepted: guard::site_named).
    if (!out.site.empty() && !directory.find_site(out.programme, out.site))
        throw error(errc::not_found, "\"" + out.site + "\" is not a site of " + label(out.programme) + " in the directory");
    if (r.local_group) out.local_group = directory.local_group_at(*r.local_group).id;
    return out;
}

// ---- the journal ---------------------------------------------------------------

case_file case_file::open(case_id id, const agency_directory& directory, const sfcore::referral& r,
                          std::string_view who, instant when, at_rest keep) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    if (keep != at_rest::plain && keep != at_rest::encrypted) throw error(errc::invalid_argument, "at_rest is plain or encrypted");
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), referral_received{checked(r, directory)}};
    case_file c;
    c.id_ = id;
    if (keep == at_rest::encrypted) c.secret_ = detail::case_secret::make(id);
    c.append(std::move(e), state::referred);
    return c;
}

instant case_file::recorded_at(instant now) const noexcept {
    return journal_.empty() || now > journal_.back().recorded ? now : journal_.back().recorded;
}

// Number, stamp and hash an entry; fold it in; then keep it.
void case_file::append(event&& e, sfcore::state next) {
    e.seq = journal_.size() + 1;
    e.recorded = recorded_at(clock_now());
    e.hash = digest{};
    e.hash = detail::entry_hash(journal_.empty() ? journal_genesis(id_) : journal_.back().hash, e, secret_.get());
    apply(e, next);
    journal_.push_back(std::move(e));
}

void detail::case_access::chain(case_id id, std::vector<event>& journal) {
    digest prev = journal_genesis(id);
    instant last(boost::posix_time::neg_infin);
    for (std::size_t i = 0; i < journal.size(); ++i) {
        event& e = journal[i];
        e.seq = i + 1;
        const instant now = clock_now();
        e.recorded = now > last ? now : last;
        last = e.recorded;
        e.hash = detail::entry_hash(prev, e);
        prev = e.hash;
    }
}

journal_head case_file::head() const noexcept {
    if (journal_.empty()) return {0, journal_genesis(id_)};
    return {journal_.size(), journal_.back().hash};
}

journal_verification case_file::verify(const journal_head* expected) const {
    digest prev = journal_genesis(id_);
    for (std::size_t i = 0; i < journal_.size(); ++i) {
        const event& e = journal_[i];
        const auto bad = [&](std::string why) { return journal_verification{false, i + 1, std::move(why)}; };
        if (e.seq != i + 1) return bad("entry " + std::to_string(i + 1) + " is numbered " + std::to_string(e.seq));
        if (i > 0 && e.recorded < journal_[i - 1].recorded)
            return bad("entry " + std::to_string(i + 1) + " was recorded before the entry before it");
        if (detail::entry_hash(prev, e, secret_.get()) != e.hash)
            return bad("entry " + std::to_string(i + 1) + " was changed after it was written, or belongs to another case");
        prev = e.hash;
    }
    if (expected) {
        if (expected->seq > journal_.size())
            return {false, 0, "the journal has " + std::to_string(journal_.size()) + " entries, fewer than the " +
                                  std::to_string(expected->seq) + " of the kept head: entries were removed or rolled back"};
        const digest& at = expected->seq == 0 ? journal_genesis(id_) : journal_[expected->seq - 1].hash;
        if (at != expected->hash)
            return {false, expected->seq,
                    "entry " + std::to_string(expected->seq) + " differs from the kept head: the journal was rewritten"};
    }
    return {};
}

case_file case_file::replay(case_id id, std::vector<event> journal) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    digest prev = journal_genesis(id);
    for (std::size_t i = 0; i < journal.size(); ++i) {
        const event& e = journal[i];
        const std::string n = std::to_string(i + 1);
        if (e.seq != i + 1) throw error(errc::integrity, "case " + std::to_string(id.value()) + ": entry " + n + " is numbered " + std::to_string(e.seq));
        if (i > 0 && e.recorded < journal[i - 1].recorded)
            throw error(errc::integrity, "case " + std::to_string(id.value()) + ": entry " + n + " was recorded before the entry before it");
        if (detail::entry_hash(prev, e) != e.hash)
            throw error(errc::integrity, "case " + std::to_string(id.value()) + ": entry " + n +
                                             " does not verify: it was changed after it was written, or belongs to another case");
        prev = e.hash;
    }
    return replay_chained(id, std::move(journal));
}

case_file case_file::replay_chained(case_id id, std::vector<event> journal) {
    if (journal.empty() || journal.front().type() != event_type::referral_received)
        throw error(errc::invalid_argument, "a case's journal starts with its referral");
    case_file c;
    c.id_ = id;
    for (std::size_t i = 0; i < journal.size(); ++i) {
        event& e = journal[i];
        const auto n = [i] { return "entry " + std::to_string(i + 1); };  // for an error only
        check_nonblank_utf8(e.who, "recorded-by");
        if (i == 0) {
            e.when = checked_instant(e.when);
            c.apply(e, state::referred);
            continue;
        }
        if (kind_of(e.type()) == event_kind::access) {
            if (const auto why = c.disagrees(e))
                throw error(errc::integrity, "case " + std::to_string(id.value()) + ": " + n() + " (" + label(e.type()) +
                                                 ") does not agree with the journal before it: " + *why);
            continue;
        }
        if (e.when < c.last_fact_)
            throw error(errc::invalid_argument, n() + " is earlier than the one before it");
        if (c.no_row(e.type()).guard != guard::no_transition) c.validate(nullptr, e);
        const outcome o = c.evaluate(nullptr, e);  // the directory's checks held when it was recorded
        if (!o.accepted) throw error(errc::invalid_argument, n() + " (" + label(e.type()) + ") is refused: " + o.reason);
        c.apply(e, o.to);
    }
    c.journal_.assign(std::make_move_iterator(journal.begin()), std::make_move_iterator(journal.end()));
    return c;
}

void case_file::record_identified_extract(std::string_view who, std::string_view table, std::string_view purpose) {
    event e{checked_instant(clock_now()), checked_nonblank_utf8(who, "extracted-by"),
            identified_extract{checked_nonblank_utf8(table, "table"), checked_nonblank_utf8(purpose, "purpose")}};
    append(std::move(e), state_);
}

// An access record made again from the fold as it stood: what it says, or why not.
std::optional<std::string> case_file::disagrees(const event& e) const {
    try {
        checked_instant(e.when);
        validate(nullptr, e);  // an access record's rules make it again (src/events/access.cpp)
        return std::nullopt;
    } catch (const error& x) {
        // An access record's rules throw errc::integrity with the disagreement itself; any other error is shown whole.
        return x.code() == errc::integrity ? x.detail() : std::string(x.what());
    }
}

outcome case_file::record(const agency_directory& directory, std::string_view who, instant when,
                          event_payload payload) {
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), std::move(payload)};
    if (kind_of(e.type()) == event_kind::access)
        throw error(errc::invalid_argument, std::string("\"") + label(e.type()) +
                                                "\" is recorded by the library (decide(), view()), not offered to record()");
    // An event the state has no row for is refused before its payload is checked.
    if (!find_transition(state_, e.type())) return no_row(e.type());
    complete(e);
    validate(&directory, e);
    outcome o = evaluate(&directory, e);
    if (!o.accepted) return o;
    append(std::move(e), o.to);
    o.seq = journal_.size();
    return o;
}

outcome case_file::would_accept(const agency_directory& directory, std::string_view who, instant when,
                                const event_payload& payload) const {
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), payload};
    if (kind_of(e.type()) == event_kind::access)
        throw error(errc::invalid_argument, std::string("\"") + label(e.type()) + "\" is recorded by the library, not offered");
    if (!find_transition(state_, e.type())) return no_row(e.type());
    complete(e);
    validate(&directory, e);
    return evaluate(&directory, e);
}

void case_file::change_member(member& m, const member_updated& u) {
    if (u.name) m.name = *u.name;
    if (u.role) m.role = *u.role;
    if (u.born) m.born = u.born;
}

std::vector<member_version> case_file::member_history(member_id id) const {
    member_at(id);
    std::vector<member_version> out;
    for (const event& e : journal_) {
        if (const auto* a = std::get_if<member_added>(&e.payload); a && a->member.id == id) {
            out.push_back({e.seq, e.when, e.who, a->member, {}});
        } else if (const auto* u = std::get_if<member_updated>(&e.payload); u && u->member == id && !out.empty()) {
            member m = out.back().member;
            change_member(m, *u);
            out.push_back({e.seq, e.when, e.who, std::move(m), u->reason});
        }
    }
    return out;
}

std::optional<person_linked> case_file::person_of(member_id id) const {
    member_at(id);
    const auto at = std::lower_bound(persons_.begin(), persons_.end(), id,
                                     [](const person_linked& l, member_id m) { return l.member < m; });  // in member order
    if (at != persons_.end() && at->member == id) return *at;
    return std::nullopt;
}

std::vector<correction_statement> case_file::correction_statements(member_id id) const {
    member_at(id);
    std::vector<correction_statement> out;
    for (const event& e : journal_)
        if (const auto* d = std::get_if<correction_declined>(&e.payload); d && d->member == id) out.push_back({e.seq, *d});
    return out;
}

std::vector<disclosure_of_member> case_file::disclosures_about(member_id id) const {
    member_at(id);
    const auto about = [id](const std::vector<member_id>& subjects) {
        return std::find(subjects.begin(), subjects.end(), id) != subjects.end();
    };
    std::vector<disclosure_of_member> out;
    for (const event& e : journal_) {
        if (const auto* d = std::get_if<disclosure_decided>(&e.payload); d && d->permit && about(d->subjects)) {
            out.push_back({e.seq, e.when, e.type(), d->recipient, d->what});
        } else if (const auto* s = std::get_if<shared_without_consent>(&e.payload); s && about(s->subjects)) {
            out.push_back({e.seq, e.when, e.type(), s->recipient, s->what});
        } else if (const auto* v = std::get_if<view_shown>(&e.payload)) {
            for (const auto& item : v->shown)
                if (about(item.subjects)) out.push_back({e.seq, e.when, e.type(), v->recipient, item.what});
        }
    }
    return out;
}

date access_request::due(const holiday_calendar& calendar) const {
    const date statutory = privacy_response_due(request.received, calendar);
    return extended_to && *extended_to > statutory ? *extended_to : statutory;
}

// Where the request of entry seq is (access_requests_ is in the order of its entries).
std::size_t case_file::request_index(std::uint64_t seq) const {
    const auto at = std::lower_bound(access_requests_.begin(), access_requests_.end(), seq,
                                     [](const access_request& r, std::uint64_t s) { return r.seq < s; });
    if (at == access_requests_.end() || at->seq != seq)
        throw error(errc::invalid_argument, "entry " + std::to_string(seq) + " is not an access request");
    return static_cast<std::size_t>(at - access_requests_.begin());
}

const access_request& case_file::open_request(std::uint64_t seq) const {
    const access_request& r = access_requests_[request_index(seq)];
    if (r.answered_on) throw error(errc::invalid_argument, "access request " + std::to_string(seq) + " was answered");
    return r;
}

std::optional<member_id> case_file::member_for(std::string_view key) const noexcept {
    for (const auto& l : persons_)
        if (l.key == key) return l.member;
    return std::nullopt;
}

const member& case_file::member_at(member_id id) const {
    if (!id || id.value() > members_.size())
        throw error(errc::not_found, "no member " + std::to_string(id.value()) + " in case " +
                                         std::to_string(id_.value()));
    return members_[id.value() - 1];
}

bool case_file::is_approved(const party& p) const {
    if (p.kind == party_kind::member) return true;  // the family itself
    return std::find(approved_.begin(), approved_.end(), p) != approved_.end();
}

std::vector<const event*> case_file::entries(event_type type) const {
    std::vector<const event*> out;
    for (const auto& e : journal_)
        if (e.type() == type) out.push_back(&e);
    return out;
}

std::vector<const event*> case_file::access_log(std::string_view actor) const {
    std::vector<const event*> out;
    for (const auto& e : journal_)
        if (kind_of(e.type()) == event_kind::access && (actor.empty() || e.who == actor)) out.push_back(&e);
    return out;
}

bool operator==(const case_file& a, const case_file& b) {
    return a.id_ == b.id_ && a.state_ == b.state_ && a.journal_ == b.journal_;
}

} // namespace sfcore
