// Consent-gated disclosure from C: decisions made from the case's journal
// and recorded in it, explanations, requester reasons, notices and views.
#include "internal.hpp"

namespace {

using namespace sfcore_c;

disclosure_request request_of(const sf_request& r) {
    disclosure_request x;
    x.discloser = recipient_of(r.discloser);
    x.subjects = member_list(r.subjects, r.subject_count, "subjects");
    x.what = category_of(r.category);
    x.recipient = recipient_of(r.recipient);
    x.why = enum_from_int<purpose>(r.purpose);
    x.at = instant_of(r.at);
    return x;
}

sf_decision to_c(const decision& d) {
    return sf_decision{d.permit ? 1 : 0, static_cast<int>(d.rule), d.subject.value(), d.consent, d.seq};
}

} // namespace

extern "C" {

int sf_case_decide(sf_decision* out, sf_case* c, const sf_directory* dir, const sf_request* request, const char* actor) {
    return call([&] {
        auto& o = need(out, "out");
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        o = to_c(k.impl.decide(d.impl, request_of(need(request, "request")), text(actor, "actor")));
    });
}

int sf_case_decide_many(sf_decision* out, size_t* out_decided, sf_case* c, const sf_directory* dir,
                        const sf_request* requests, size_t count, const char* actor) {
    return call([&] {
        auto& decided = need(out_decided, "out_decided");
        decided = 0;
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        const std::string_view who = text(actor, "actor");
        if (count == 0) return;
        need(out, "out");
        need(requests, "requests");
        // As sf_case_decide() on each in turn: a request that cannot be read
        // stops the batch where it stands, after the ones before it.
        std::vector<disclosure_request> rs;
        rs.reserve(count);
        std::exception_ptr unreadable;
        for (std::size_t i = 0; i < count && !unreadable; ++i) {
            try {
                rs.push_back(request_of(requests[i]));
            } catch (...) {
                unreadable = std::current_exception();
            }
        }
        k.impl.write([&](case_file& x) {
            for (const auto& r : rs) {
                out[decided] = to_c(x.decide(d.impl, r, who));
                ++decided;
            }
            return 0;
        });
        if (unreadable) std::rethrow_exception(unreadable);
    });
}

int sf_case_check(sf_decision* out, const sf_case* c, const sf_directory* dir, const sf_request* request) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& k = need(c, "case");
        const auto& d = need(dir, "dir");
        const auto& r = need(request, "request");
        if (r.subject_count == 1 && r.subjects) {  // one person: no request object to build
            o = to_c(k.impl.check(d.impl, recipient_of(r.discloser), member_id{r.subjects[0]}, category_of(r.category),
                                  recipient_of(r.recipient), enum_from_int<purpose>(r.purpose), instant_of(r.at)));
            return;
        }
        o = to_c(k.impl.check(d.impl, request_of(r)));
    });
}

int sf_case_explain(char** out, const sf_case* c, uint64_t seq) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [&](const case_file& k) { return string_out(k.explain(seq)); });
    });
}

int sf_decision_reason(char** out, const sf_case* c, const sf_decision* d) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& x = need(d, "decision");
        const case_id id = read_case(c, [](const case_file& k) { return k.id(); });
        decision dd;
        dd.permit = x.permit != 0;
        dd.rule = enum_from_int<decision_rule>(x.rule);
        dd.subject = member_id{x.subject};
        dd.consent = x.consent;
        dd.seq = x.seq;
        o = string_out(requester_reason(id, dd));
    });
}

int sf_case_notice(char** out_text, const sf_case* c, const sf_directory* dir, uint32_t member, int purpose_, int64_t at) {
    return call([&] {
        auto& o = need(out_text, "out_text");
        const auto& d = need(dir, "dir");
        const purpose why = enum_from_int<purpose>(purpose_);
        const instant when = instant_of(at);
        o = read_case(c, [&](const case_file& k) { return string_out(k.notice(d.impl, member_id{member}, why, when).text); });
    });
}

int sf_case_view(int* out_shown, sf_case* c, const sf_directory* dir, const sf_info_item* items, size_t item_count,
                 sf_recipient recipient, int purpose_, int64_t at, const char* actor) {
    return call([&] {
        if (item_count > 0) {
            need(out_shown, "out_shown");
            need(items, "items");
        }
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        std::vector<info_item> v;
        for (size_t i = 0; i < item_count; ++i) {
            info_item x;
            x.subjects = member_list(items[i].subjects, items[i].subject_count, "subjects");
            x.what = category_of(items[i].category);
            x.content = std::to_string(i);  // the index comes back with each shown item
            v.push_back(std::move(x));
        }
        const purpose why = enum_from_int<purpose>(purpose_);
        const std::string_view who = text(actor, "actor");
        const auto shown = k.impl.write([&](case_file& x) { return x.view(d.impl, v, recipient_of(recipient), why, instant_of(at), who); });
        for (size_t i = 0; i < item_count; ++i) out_shown[i] = 0;
        for (const auto& s : shown) out_shown[std::stoul(s.content)] = 1;
    });
}

int sf_case_disclosure_counts(sf_disclosure_counts* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            o.consents = k.disclosure().consents().size();
            o.withdrawals = k.disclosure().withdrawals().size();
            o.sharings = k.entries(event_type::shared_without_consent).size();
            o.declined = k.entries(event_type::request_declined).size();
            o.notices = k.entries(event_type::notice_given).size();
            o.decisions = k.entries(event_type::disclosure_decided).size();
            o.views = k.entries(event_type::view_shown).size();
            o.categories = k.disclosure().categories().size();
            return 0;
        });
    });
}

int sf_case_category(const char** out_name, const char** out_label, const sf_case* c, int category_) {
    return call([&] {
        read_case(c, [&](const case_file& k) {
            const auto& cats = k.disclosure().categories();
            const category what = category_of(category_);
            if (out_name) *out_name = cats.name(what).c_str();
            if (out_label) *out_label = cats.label(what).c_str();
            return 0;
        });
    });
}

} // extern "C"
