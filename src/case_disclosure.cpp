// A case's disclosure side: requests checked, decisions made from the
// disclosure fold and recorded in the journal, views, notices and the
// coordinator's explanation of a recorded decision.
#include <algorithm>
#include <type_traits>

#include "sfcore/case.hpp"
#include "sfcore/report.hpp"
#include "sfcore/text.hpp"
#include "archive_detail.hpp"

namespace sfcore {

namespace {

// The actor of an access record: valid UTF-8, not blank (checked without copying).
void check_actor(std::string_view actor) { check_nonblank_utf8(actor, "actor"); }

// A value made by a function where it is constructed: emplace(made_by{f})
// converts to f()'s result in place (no temporary, no move).
template <class F>
struct made_by {
    F make;
    operator std::invoke_result_t<F&>() { return make(); }
};
template <class F>
made_by(F) -> made_by<F>;

std::string join(const std::vector<std::string>& xs) {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i == 0 ? "" : i + 1 == xs.size() ? " and " : ", ") + xs[i];
    return out;
}

} // namespace

void case_file::check_request(const agency_directory* directory, const disclosure_request& r) const {
    if (r.subjects.empty()) throw error(errc::invalid_request, "a request names at least one subject");
    for (auto s : r.subjects) member_at(s);
    if (!disclosure_.categories().contains(r.what))
        throw error(errc::invalid_request, "unknown category " + std::to_string(static_cast<int>(r.what)));
    if (static_cast<std::size_t>(r.why) >= std::size(purpose_table))
        throw error(errc::invalid_request, "unknown purpose " + std::to_string(static_cast<int>(r.why)));
    check_recipient(directory, r.recipient, "the request's recipient");
    check_recipient(directory, r.discloser, "the request's discloser");
}

decision case_file::decide_checked(const disclosure_request& r, instant at) const noexcept {
    decision first;
    for (std::size_t i = 0; i < r.subjects.size(); ++i) {
        const decision d = disclosure_.decide_one(r.subjects[i], r.what, r.recipient, r.why, at);
        if (!d.permit) return d;  // deny overrides
        if (i == 0) first = d;
    }
    return first;
}

// The decision's entry is made at the end of the journal with its payload
// (no default payload to make and destroy), then numbered, stamped and
// chained as append() does; an access record changes nothing else of the case.
// @p now is the library's clock, read once for a decision or for a batch.
void case_file::record_decision(const disclosure_request& r, instant at, decision& d, std::string_view actor,
                                instant now) {
    const std::uint64_t seq = journal_.size() + 1;
    const instant recorded = recorded_at(now);
    const digest prev = journal_.empty() ? journal_genesis(id_) : journal_.back().hash;
    // The entry is made where it stays, at the end of the journal (a made_by
    // converts to it in place), then hashed. Every field is given, the hash
    // before standing in for its own, so none is value-initialized: a compiler
    // clears all 360 bytes of an entry before filling it when one is.
    event& e = journal_.emplace_back(made_by{[&] {
        return event{at, std::string(actor),
                     event_payload(std::in_place_type<disclosure_decided>,
                                   disclosure_decided{r.discloser, r.subjects, r.what, r.recipient, r.why, d.permit, d.rule,
                                                      d.subject, d.consent}),
                     seq, recorded, prev};
    }});
    try {
        e.hash = detail::decision_entry_hash(prev, e, secret_.get());
    } catch (...) {
        journal_.pop_back();  // no entry without its hash
        throw;
    }
    d.seq = seq;
}

decision case_file::check(const agency_directory& directory, const disclosure_request& r) const {
    check_request(&directory, r);
    return decide_checked(r, checked_instant(r.at));
}

decision case_file::check(const agency_directory& directory, const sfcore::recipient& discloser, member_id subject,
                          category what, const sfcore::recipient& to, purpose why, instant at) const {
    member_at(subject);
    if (!disclosure_.categories().contains(what))
        throw error(errc::invalid_request, "unknown category " + std::to_string(static_cast<int>(what)));
    if (static_cast<std::size_t>(why) >= std::size(purpose_table))
        throw error(errc::invalid_request, "unknown purpose " + std::to_string(static_cast<int>(why)));
    check_recipient(&directory, to, "the request's recipient");
    check_recipient(&directory, discloser, "the request's discloser");
    return disclosure_.decide_one(subject, what, to, why, checked_instant(at));
}

decision case_file::decide_unrecorded(const agency_directory& directory, const disclosure_request& r,
                                      std::string_view actor, instant& at) const {
    check_request(&directory, r);
    check_actor(actor);
    at = checked_instant(r.at);
    return decide_checked(r, at);
}

decision case_file::decide(const agency_directory& directory, const disclosure_request& r, std::string_view actor) {
    instant at;
    decision d = decide_unrecorded(directory, r, actor, at);
    record_decision(r, at, d, actor, clock_now());
    return d;
}

// A batch: the actor checked once and the clock read once (every entry of
// the batch is recorded at that instant); each request checked, decided and
// recorded as decide() does, so each entry is chained and verifiable alone.
std::size_t case_file::decide_many(const agency_directory& directory, const disclosure_request* const* requests,
                                   std::size_t count, std::string_view actor, decision* out) {
    if (count == 0) return 0;
    if (!requests || !out) throw error(errc::null_argument, "decide_many: no requests or no room for the decisions");
    check_actor(actor);
    const instant now = clock_now();
    for (std::size_t i = 0; i < count; ++i) {
        if (!requests[i]) throw error(errc::null_argument, "decide_many: request " + std::to_string(i) + " is null");
        const disclosure_request& r = *requests[i];
        check_request(&directory, r);
        const instant at = checked_instant(r.at);
        out[i] = decide_checked(r, at);
        record_decision(r, at, out[i], actor, now);
    }
    return count;
}

std::vector<decision> case_file::decide_many(const agency_directory& directory,
                                             const std::vector<disclosure_request>& requests, std::string_view actor) {
    std::vector<const disclosure_request*> ptrs;
    ptrs.reserve(requests.size());
    for (const auto& r : requests) ptrs.push_back(&r);
    std::vector<decision> out(requests.size());
    decide_many(directory, ptrs.data(), ptrs.size(), actor, out.data());
    return out;
}

std::vector<info_item> case_file::view(const agency_directory& directory, const std::vector<info_item>& items,
                                       const sfcore::recipient& to, purpose why, instant at, std::string_view actor) {
    check_actor(actor);
    const instant when = checked_instant(at);
    std::vector<info_item> shown;
    view_shown record{to, why, static_cast<std::uint32_t>(items.size()), {}};
    for (const auto& item : items) {
        const disclosure_request r{to, item.subjects, item.what, to, why, when};
        check_request(&directory, r);
        check_utf8(item.content, "item content");
        if (decide_checked(r, when).permit) {
            shown.push_back(item);
            record.shown.push_back({item.subjects, item.what});
        }
    }
    append(event{when, std::string(actor), std::move(record)}, state_);
    return shown;
}

disclosure_notice case_file::notice(const agency_directory& directory, member_id m, purpose why, instant at) const {
    const member& person = member_at(m);
    enum_from_int<purpose>(static_cast<long long>(why));
    const instant when = checked_instant(at);
    const category_registry& cats = disclosure_.categories();
    disclosure_notice n;
    n.member = m;
    n.why = why;
    std::vector<sfcore::recipient> named;
    for (const auto& k : disclosure_.consents())
        if (k.given.subject == m && k.at <= when)
            for (const auto& r : k.given.scope.recipients)
                if (std::find(named.begin(), named.end(), r) == named.end()) named.push_back(r);
    for (const auto& r : named) {
        notice_line line{r, {}};
        for (std::size_t c = 0; c < cats.size(); ++c)
            if (disclosure_.decide_one(m, static_cast<category>(c), r, why, when).permit)
                line.categories.push_back(static_cast<category>(c));
        if (!line.categories.empty()) n.lines.push_back(std::move(line));
    }
    const category_set conf = disclosure_.confidential_at(m, when);
    for (std::size_t c = 0; c < cats.size(); ++c)
        if (conf & bit(static_cast<category>(c))) n.confidential.push_back(static_cast<category>(c));
    for (const event* e : entries(event_type::shared_without_consent)) {
        const auto& s = std::get<shared_without_consent>(e->payload);
        if (e->when <= when && s.family_told && std::find(s.subjects.begin(), s.subjects.end(), m) != s.subjects.end())
            n.shared_without_consent.push_back(e->seq);
    }

    std::string t = "Kia ora " + person.name + ". For " + label(why) + ", this is what may be shared about you:\n";
    if (n.lines.empty()) t += "- Nothing: no one may receive your information under your consent.\n";
    for (const auto& line : n.lines) {
        std::vector<std::string> labels;
        for (auto c : line.categories) labels.push_back(cats.label(c));
        t += "- " + recipient_name(line.recipient, directory) + " may receive your " + join(labels) + ".\n";
    }
    if (!n.confidential.empty()) {
        std::vector<std::string> labels;
        for (auto c : n.confidential) labels.push_back(cats.label(c));
        t += "You asked that your " + join(labels) + " stay confidential: it will not be shared under your consent.\n";
    }
    for (std::uint64_t seq : n.shared_without_consent) {
        const event& e = journal_[seq - 1];
        const auto& s = std::get<shared_without_consent>(e.payload);
        t += "On " + to_iso(nz_date(e.when)) + ", " + recipient_name(s.discloser, directory) + " shared your " +
             cats.label(s.what) + " with " + recipient_name(s.recipient, directory) + " without your consent, under " +
             label(s.basis) + ".\n";
    }
    t += "Only what relates to your family's key issues is shared. Tell your coordinator if anything must stay "
         "confidential. You can change your mind at any time.\n";
    n.text = std::move(t);
    return n;
}

std::string case_file::explain(std::uint64_t seq) const {
    if (seq == 0 || seq > journal_.size())
        throw error(errc::not_found, "case " + std::to_string(id_.value()) + " has no entry " + std::to_string(seq));
    const auto* d = std::get_if<disclosure_decided>(&journal_[seq - 1].payload);
    if (!d) throw error(errc::not_found, "entry " + std::to_string(seq) + " of case " + std::to_string(id_.value()) + " is not a decision");
    const std::string who = "member " + std::to_string(d->subject.value());
    if (d->permit && d->subjects.size() > 1) {
        std::string all;
        for (std::size_t i = 0; i < d->subjects.size(); ++i)
            all += (i == 0 ? "" : i + 1 == d->subjects.size() ? " and " : ", ") + std::to_string(d->subjects[i].value());
        return "permitted: members " + all + " each consented to share this with this recipient, for this purpose (" +
               who + " under consent " + std::to_string(d->consent) + ")";
    }
    if (d->permit)
        return "permitted: " + who + " consented to share this with this recipient, for this purpose (consent " +
               std::to_string(d->consent) + ")";
    return "refused for " + who + ": " + label(d->rule);
}

} // namespace sfcore
