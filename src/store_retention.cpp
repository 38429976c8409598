// The store's keys over time: rotation of host keys (rewrap), and retention
// and disposal by crypto-shredding.
#include "store_impl.hpp"

namespace sfcore {

namespace {

// What a destroyed case key's row holds: one zero byte, and an empty key id.
constexpr std::uint8_t destroyed_key[1] = {0};

void check_rules(const std::vector<retention_rule>& rules) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
        enum_from_int<programme>(static_cast<std::int64_t>(rules[i].programme));
        if (rules[i].years_after_closure < 1 || rules[i].years_after_closure > 100)
            throw error(errc::invalid_argument, "a retention rule keeps a closed case 1-100 years");
        for (std::size_t k = 0; k < i; ++k)
            if (rules[k].programme == rules[i].programme)
                throw error(errc::invalid_argument, std::string("two retention rules for ") + label(rules[i].programme));
    }
}

// When a closed case's retention ends by its programme's rule; nothing for a case not closed or a programme without one.
std::optional<disposal_due> disposal_of(const case_file& c, const std::vector<retention_rule>& rules) {
    if (c.state() != state::closed) return std::nullopt;
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const retention_rule& r) { return r.programme == c.programme(); });
    if (rule == rules.end()) return std::nullopt;
    const auto closing = std::find_if(c.journal().rbegin(), c.journal().rend(),
                                      [](const event& e) { return e.type() == event_type::case_closed; });
    if (closing == c.journal().rend()) return std::nullopt;
    disposal_due d;
    d.id = c.id();
    d.programme = c.programme();
    d.closed = nz_date(closing->when);
    d.due = d.closed + boost::gregorian::years(rule->years_after_closure);
    d.years = rule->years_after_closure;
    d.encrypted = c.encrypted();
    return d;
}

} // namespace

std::vector<disposal_due> case_store::due_for_disposal(const std::vector<retention_rule>& rules, sfcore::date on) const {
    check_rules(rules);
    checked_date(on);
    case_query q;
    q.state = state::closed;
    std::vector<disposal_due> out;
    for_each(q, [&](const case_file& c) {
        if (const auto d = disposal_of(c, rules); d && d->due <= on) out.push_back(*d);
        return true;
    });
    return out;
}

journal_head case_store::dispose(case_id id, const std::vector<retention_rule>& rules, sfcore::date on, std::string_view who) {
    const impl& s = *impl_;
    check_rules(rules);
    checked_date(on);
    check_nonblank_utf8(who, "disposed by");
    const std::int64_t key = key_of(id);
    const std::string name = case_name(key);
    const case_file c = load(id);
    if (!c.encrypted())
        throw error(errc::invalid_argument, name + " is not encrypted: it cannot be disposed of by destroying its key");
    const auto due = disposal_of(c, rules);
    if (!due)
        throw error(errc::invalid_argument, name + (c.state() != state::closed ? " is not closed" : " has no retention rule for its programme"));
    if (on < due->due)
        throw error(errc::invalid_argument, name + " was closed on " + to_iso(due->closed) + "; its programme's rule keeps it until " +
                                                to_iso(due->due));
    // The disposal record: a plain entry (the case's key is about to go), chained after the sealed ones.
    const journal_head head = c.head();
    event e{clock_now(), std::string(who), case_disposed{due->closed, due->years}};
    e.seq = head.seq + 1;
    e.recorded = e.when > c.journal().back().recorded ? e.when : c.journal().back().recorded;
    e.hash = detail::entry_hash(head.hash, e);
    const bytes row = detail::encode_entry(e);
    summary_row summary = impl::summary_of(c, s.options);
    summary.version = e.seq;
    summary.head = e.hash;
    summary.deadline.reset();

    detail::write_transaction t(*s.db);
    const auto stored = s.row_of(key, true);
    if (!stored || stored->version != head.seq || stored->head != head.hash)
        throw error(errc::conflict, name + ": another writer changed it while it was being disposed of");
    s.stmt("INSERT INTO entries(case_id, seq, data) VALUES (?1, ?2, ?3)")
        ->bind(1, key).bind(2, static_cast<std::int64_t>(e.seq)).bind(3, row.data(), row.size()).done();
    s.write_row(summary);
    s.stmt("UPDATE case_keys SET key_id = '', wrapped = ?2 WHERE case_id = ?1")->bind(1, key).bind(2, destroyed_key, 1).done();
    s.stmt("DELETE FROM persons WHERE case_id = ?1")->bind(1, key).done();
    s.db->announce(key, summary.version);
    t.commit();
    s.db->forget_overwritten();
    return {e.seq, e.hash};
}

std::uint64_t case_store::rewrap() {
    const impl& s = *impl_;
    if (!s.options.encryption) throw error(errc::key_error, "store: rewrap needs a key provider");
    const std::string& current = s.options.encryption->current;
    detail::write_transaction t(*s.db);
    std::vector<std::pair<std::int64_t, std::shared_ptr<const detail::case_secret>>> keys;
    {
        const auto q = s.stmt("SELECT case_id, key_id, wrapped FROM case_keys WHERE key_id <> ?1 AND key_id <> '' ORDER BY case_id");
        q->bind(1, current);
        while (q->row()) keys.emplace_back(q->integer(0), s.secret_from(*q, 1, q->integer(0)));
    }
    for (const auto& [id, secret] : keys) s.write_case_key(id, *secret);
    t.commit();
    return keys.size();
}

} // namespace sfcore
