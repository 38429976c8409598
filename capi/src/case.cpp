// A case from C: the referral, opening it, reading it, and the meetings and
// plans offered to it. A case handle is a shared_case: reads share it.
#include "internal.hpp"

using namespace sfcore_c;

namespace {

// Access request `index` of a case, or errc::out_of_range.
const access_request& access_request_at(const case_file& k, std::size_t index) {
    if (index >= k.access_requests().size())
        throw error(errc::out_of_range, "the case holds " + std::to_string(k.access_requests().size()) + " access requests");
    return k.access_requests()[index];
}

int open_case(sf_case** out, const sf_directory* dir, uint64_t id, const sf_referral* referral, const char* recorded_by,
              int64_t recorded_at, at_rest keep) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        const auto& d = need(dir, "dir");
        const auto& r = need(referral, "referral");
        o = make_handle<sf_case>(case_file::open(case_id{id}, d.impl, r.impl, text(recorded_by, "recorded_by"),
                                                 instant_of(recorded_at), keep));
    });
}

} // namespace

extern "C" {

// ---- referral -------------------------------------------------------------------

int sf_referral_new(sf_referral** out, int source, int32_t received, const char* family_name) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        referral r;
        r.source = enum_from_int<referral_source>(source);
        r.received = date_from_yyyymmdd(received);
        r.family_name = checked_nonblank_utf8(text(family_name, "family_name"), "family name");
        o = make_handle<sf_referral>(std::move(r));
    });
}

void sf_referral_free(sf_referral* referral) { free_handle(referral); }

int sf_referral_set_agency(sf_referral* referral, uint32_t agency, const char* practitioner) {
    return call([&] {
        auto r = need(referral, "referral");
        if (agency == 0) throw error(errc::invalid_argument, "agency id 0 names no agency");
        std::string p = practitioner ? checked_utf8(practitioner, "practitioner") : std::string();
        r.impl.agency = agency_id{agency};
        r.impl.practitioner = std::move(p);
    });
}

int sf_referral_add_reason(sf_referral* referral, const char* reason) {
    return call([&] {
        auto r = need(referral, "referral");
        r.impl.reasons.push_back(checked_nonblank_utf8(text(reason, "reason"), "referral reason"));
    });
}

int sf_referral_set_local_group(sf_referral* referral, uint32_t group) {
    return call([&] {
        need(referral, "referral").impl.local_group = group ? std::optional<local_group_id>(local_group_id{group}) : std::nullopt;
    });
}

int sf_referral_set_programme(sf_referral* referral, int programme_) {
    return call([&] { need(referral, "referral").impl.programme = enum_from_int<programme>(programme_); });
}

int sf_referral_set_site(sf_referral* referral, const char* site) {
    return call([&] { need(referral, "referral").impl.site = utf8(site, "site"); });
}

// ---- case ------------------------------------------------------------------------

int sf_case_open(sf_case** out, const sf_directory* dir, uint64_t id, const sf_referral* referral,
                 const char* recorded_by, int64_t recorded_at) {
    return open_case(out, dir, id, referral, recorded_by, recorded_at, at_rest::plain);
}

int sf_case_open_encrypted(sf_case** out, const sf_directory* dir, uint64_t id, const sf_referral* referral,
                           const char* recorded_by, int64_t recorded_at) {
    return open_case(out, dir, id, referral, recorded_by, recorded_at, at_rest::encrypted);
}

int sf_case_is_encrypted(int* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.encrypted() ? 1 : 0; });
    });
}

void sf_case_free(sf_case* c) { free_handle(c); }

int sf_case_state(int* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return static_cast<int>(k.state()); });
    });
}

int sf_case_id(uint64_t* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.id().value(); });
    });
}

int sf_case_referral(int* out_source, uint32_t* out_agency_id, int32_t* out_received, const sf_case* c) {
    return call([&] {
        auto& src = need(out_source, "out_source");
        read_case(c, [&](const case_file& k) {
            const auto& r = k.referral();
            src = static_cast<int>(r.source);
            if (out_agency_id) *out_agency_id = r.agency ? r.agency->value() : 0;
            if (out_received) *out_received = to_yyyymmdd(r.received);
            return 0;
        });
    });
}

int sf_case_family_name(const char** out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.referral().family_name.c_str(); });
    });
}

int sf_case_event_count(size_t* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.journal().size(); });
    });
}

// ---- meetings and plans ------------------------------------------------------------

int sf_meeting_new(sf_meeting** out, int64_t start, const char* venue) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        meeting m;
        m.start = instant_of(start);
        m.venue = utf8(venue, "venue");
        o = make_handle<sf_meeting>(std::move(m));
    });
}

void sf_meeting_free(sf_meeting* meeting) { free_handle(meeting); }

int sf_meeting_add_invitee(sf_meeting* meeting, sf_party invitee) {
    return call([&] {
        auto m = need(meeting, "meeting");
        m.impl.invitees.push_back(party_of(invitee));
    });
}

int sf_meeting_add_support_person(sf_meeting* meeting, const char* name) {
    return call([&] {
        auto m = need(meeting, "meeting");
        m.impl.support_people.push_back(utf8(name, "name"));
    });
}

int sf_meeting_set_details(sf_meeting* meeting, const char* facilitator, const char* interpreter, int karakia, int mihi) {
    return call([&] {
        auto m = need(meeting, "meeting");
        std::string f = utf8_or_empty(facilitator, "facilitator"), i = utf8_or_empty(interpreter, "interpreter");
        m.impl.facilitator = std::move(f);
        m.impl.interpreter = std::move(i);
        m.impl.karakia = karakia != 0;
        m.impl.mihi = mihi != 0;
    });
}

int sf_plan_new(sf_plan** out) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        o = make_handle<sf_plan>();
    });
}

int sf_plan_from_case(sf_plan** out, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        o = nullptr;
        plan p = read_case(c, [&](const case_file& k) {
            if (index >= k.plans().size()) throw error(errc::out_of_range, "no current plan " + std::to_string(index));
            return k.plans()[index];
        });
        o = make_handle<sf_plan>(std::move(p));
    });
}

void sf_plan_free(sf_plan* plan) { free_handle(plan); }

int sf_plan_set_roles(sf_plan* plan, uint32_t lead_agency, uint32_t key_contact) {
    return call([&] {
        auto p = need(plan, "plan");
        p.impl.lead_agency = lead_agency ? std::optional<agency_id>(agency_id{lead_agency}) : std::nullopt;
        p.impl.key_contact = key_contact ? std::optional<practitioner_id>(practitioner_id{key_contact}) : std::nullopt;
    });
}

int sf_plan_set_child(sf_plan* plan, uint32_t child, const char* child_views) {
    return call([&] {
        auto p = need(plan, "plan");
        std::string views = utf8_or_empty(child_views, "child_views");
        p.impl.child = child ? std::optional<member_id>(member_id{child}) : std::nullopt;
        p.impl.child_views = std::move(views);
    });
}

int sf_plan_set_revision_reason(sf_plan* plan, const char* reason) {
    return call([&] { need(plan, "plan").impl.revision_reason = utf8(reason, "reason"); });
}

int sf_plan_add_action(size_t* out_index, sf_plan* plan, const char* description, sf_party owner, int32_t due,
                       int support, const char* need_) {
    return call([&] {
        auto p = need(plan, "plan");
        action a;
        a.description = utf8(description, "description");
        if (owner.id != 0) a.owner = party_of(owner);
        a.due = optional_date(due);
        a.support = enum_from_int<support_type>(support);
        a.need = utf8_or_empty(need_, "need");
        p.impl.actions.push_back(std::move(a));
        if (out_index) *out_index = p.impl.actions.size() - 1;
    });
}

int sf_plan_set_action_status(sf_plan* plan, size_t index, int status) {
    return call([&] {
        auto p = need(plan, "plan");
        const auto st = enum_from_int<action_status>(status);
        if (index >= p.impl.actions.size()) throw error(errc::out_of_range, "no action " + std::to_string(index));
        p.impl.actions[index].status = st;
    });
}

int sf_plan_set_action_outcomes(sf_plan* plan, size_t index, uint32_t areas) {
    return call([&] {
        auto p = need(plan, "plan");
        constexpr std::size_t known = std::size(outcome_area_table);
        if (areas >> known) throw error(errc::invalid_argument, "outcome areas: a bit past the last area is set");
        if (index >= p.impl.actions.size()) throw error(errc::out_of_range, "no action " + std::to_string(index));
        std::vector<outcome_area> v;
        for (std::size_t i = 0; i < known; ++i)
            if ((areas >> i) & 1u) v.push_back(static_cast<outcome_area>(i));
        p.impl.actions[index].outcomes = std::move(v);
    });
}

// ---- reading a case ------------------------------------------------------------------

int sf_case_counts_get(sf_case_counts* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            o.events = k.journal().size();
            o.members = k.members().size();
            o.meetings = k.meetings().size();
            o.plans = k.plans().size();
            o.approved = k.approved().size();
            return 0;
        });
    });
}

int sf_case_member(sf_member_info* out, const char** out_name, const sf_case* c, uint32_t id) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            const member& m = k.member_at(member_id{id});
            o.id = m.id.value();
            o.role = static_cast<int>(m.role);
            o.born = c_date(m.born);
            o.participating = m.participating ? 1 : 0;
            o.consented = 0;
            for (const auto& p : k.consents())
                if (p.member == m.id && !p.ended_at) o.consented = 1;
            if (out_name) *out_name = m.name.c_str();
            return 0;
        });
    });
}

int sf_case_access_request_count(size_t* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.access_requests().size(); });
    });
}

int sf_case_access_request(sf_access_request_info* out, const char** out_requester, const char** out_authority,
                           const char** out_extension_reason, const sf_case* c, const sf_calendar* calendar, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const holiday_calendar& cal = calendar_in(calendar);
        read_case(c, [&](const case_file& k) {
            const access_request& r = access_request_at(k, index);
            o = {r.seq,
                 r.request.member.value(),
                 to_yyyymmdd(r.request.received),
                 to_yyyymmdd(r.due(cal)),
                 c_date(r.extended_to),
                 c_date(r.answered_on),
                 r.withheld.size()};
            if (out_requester) *out_requester = r.request.requester.c_str();
            if (out_authority) *out_authority = r.request.authority.c_str();
            if (out_extension_reason) *out_extension_reason = r.extension_reason.c_str();
            return 0;
        });
    });
}

int sf_case_access_withheld(const char** out_ground, const sf_case* c, size_t index, size_t k) {
    return call([&] {
        auto& o = need(out_ground, "out_ground");
        read_case(c, [&](const case_file& x) {
            const access_request& r = access_request_at(x, index);
            if (k >= r.withheld.size())
                throw error(errc::out_of_range, "the answer withheld on " + std::to_string(r.withheld.size()) + " grounds");
            o = r.withheld[k].c_str();
            return 0;
        });
    });
}

int sf_case_correction_statement_count(size_t* out, const sf_case* c, uint32_t member) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [&](const case_file& k) { return k.correction_statements(member_id{member}).size(); });
    });
}

int sf_case_correction_statement(uint64_t* out_seq, const char** out_detail, const char** out_statement, const char** out_reason,
                                 const sf_case* c, uint32_t member, size_t index) {
    return call([&] {
        auto& seq = need(out_seq, "out_seq");
        read_case(c, [&](const case_file& k) {
            k.member_at(member_id{member});
            // The index-th correction_declined entry about the member, read in place: its strings are the case's.
            std::size_t n = 0;
            for (const event& e : k.journal()) {
                const auto* d = std::get_if<correction_declined>(&e.payload);
                if (!d || d->member != member_id{member} || n++ != index) continue;
                seq = e.seq;
                if (out_detail) *out_detail = d->detail.c_str();
                if (out_statement) *out_statement = d->statement.c_str();
                if (out_reason) *out_reason = d->reason.c_str();
                return 0;
            }
            throw error(errc::out_of_range, "the member has " + std::to_string(n) + " statements of correction");
        });
    });
}

int sf_case_disclosures_about(sf_member_disclosure** out_items, size_t* out_count, const sf_case* c, uint32_t member) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        items = nullptr;
        count = 0;
        std::vector<sf_member_disclosure> v;
        read_case(c, [&](const case_file& k) {
            for (const auto& d : k.disclosures_about(member_id{member}))
                v.push_back({d.seq, to_unix(d.when), static_cast<int>(d.how), to_c(d.to), static_cast<int>(d.what)});
            return 0;
        });
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_case_person(const char** out_key, const char** out_nhi, const char** out_nsn, const sf_case* c, uint32_t id) {
    return call([&] {
        const char* key = nullptr;
        const char* nhi = nullptr;
        const char* nsn = nullptr;
        read_case(c, [&](const case_file& k) {
            k.member_at(member_id{id});
            for (const auto& l : k.persons())
                if (l.member == member_id{id}) {
                    key = l.key.c_str();
                    nhi = l.nhi ? l.nhi->c_str() : nullptr;
                    nsn = l.nsn ? l.nsn->c_str() : nullptr;
                }
            return 0;
        });
        if (out_key) *out_key = key;
        if (out_nhi) *out_nhi = nhi;
        if (out_nsn) *out_nsn = nsn;
    });
}

int sf_case_meeting(sf_meeting_info* out, const char** out_venue, const sf_case* c, uint32_t id) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            const auto& ms = k.meetings();
            if (id == 0 || id > ms.size()) throw error(errc::not_found, "no meeting " + std::to_string(id));
            const meeting& m = ms[id - 1];
            o.id = m.id.value();
            o.kind = static_cast<int>(m.kind);
            o.start = to_unix(m.start);
            o.held = m.held ? 1 : 0;
            o.invitee_count = m.invitees.size();
            o.attendance_count = m.attendance.size();
            if (out_venue) *out_venue = m.venue.c_str();
            return 0;
        });
    });
}

int sf_case_plan(sf_plan_info* out, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            const auto& plans = k.plans();
            if (index >= plans.size()) throw error(errc::out_of_range, "no current plan " + std::to_string(index));
            const plan& p = plans[index];
            o.version = p.version;
            o.child = p.child ? p.child->value() : 0;
            o.lead_agency = p.lead_agency ? p.lead_agency->value() : 0;
            o.key_contact = p.key_contact ? p.key_contact->value() : 0;
            o.agreed = p.agreed.is_special() ? 0 : to_yyyymmdd(p.agreed);
            o.action_count = p.actions.size();
            return 0;
        });
    });
}

int sf_case_action(sf_action_info* out, const char** out_description, const sf_case* c, size_t plan_index,
                   size_t action_index) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            const auto& plans = k.plans();
            if (plan_index >= plans.size() || action_index >= plans[plan_index].actions.size())
                throw error(errc::out_of_range, "no such plan or action");
            const action& a = plans[plan_index].actions[action_index];
            o.id = a.id.value();
            o.owner = a.owner ? to_c(*a.owner) : sf_party{0, 0};
            o.due = c_date(a.due);
            o.status = static_cast<int>(a.status);
            o.support = static_cast<int>(a.support);
            o.outcome_areas = 0;
            for (auto area : a.outcomes) o.outcome_areas |= 1u << static_cast<unsigned>(area);
            if (out_description) *out_description = a.description.c_str();
            return 0;
        });
    });
}

int sf_case_roles(uint32_t* out_coordinator, uint32_t* out_lead_agency, uint32_t* out_lead_contact, const sf_case* c) {
    return call([&] {
        read_case(c, [&](const case_file& k) {
            const auto& r = k.roles();
            if (out_coordinator) *out_coordinator = r.coordinator ? r.coordinator->value() : 0;
            if (out_lead_agency) *out_lead_agency = r.lead_agency ? r.lead_agency->value() : 0;
            if (out_lead_contact) *out_lead_contact = r.lead_contact ? r.lead_contact->value() : 0;
            return 0;
        });
    });
}

int sf_case_timeframes(int* out_initial, int* out_earliest, int* out_latest, const sf_case* c) {
    return call([&] {
        read_case(c, [&](const case_file& k) {
            const auto& t = k.timeframes();
            if (out_initial) *out_initial = t.initial_meeting_working_days;
            if (out_earliest) *out_earliest = t.review_earliest_days;
            if (out_latest) *out_latest = t.review_latest_days;
            return 0;
        });
    });
}

int sf_case_refused(sf_party** out_parties, size_t* out_count, const sf_case* c) {
    if (out_parties) *out_parties = nullptr;
    if (out_count) *out_count = 0;
    return call([&] {
        auto& parties = need(out_parties, "out_parties");
        auto& count = need(out_count, "out_count");
        const std::vector<party> refused = read_case(c, [](const case_file& k) { return k.refused(); });
        std::vector<sf_party> v;
        for (const auto& p : refused) v.push_back(sf_party{static_cast<int>(p.kind), p.id});
        parties = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_case_event(sf_event_info* out, const char** out_who, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        read_case(c, [&](const case_file& k) {
            const auto& j = k.journal();
            if (index >= j.size()) throw error(errc::out_of_range, "no entry " + std::to_string(index));
            const event& e = j[index];
            o.type = static_cast<int>(e.type());
            o.when = to_unix(e.when);
            o.seq = e.seq;
            o.recorded = (e.recorded - unix_epoch).total_microseconds();
            std::memcpy(o.hash, e.hash.data(), 32);
            if (out_who) *out_who = e.who.c_str();
            return 0;
        });
    });
}

int sf_case_describe_event(char** out, const sf_case* c, const sf_directory* dir, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        const auto& d = need(dir, "dir").impl;
        o = read_case(c, [&](const case_file& k) {
            if (index >= k.journal().size()) throw error(errc::out_of_range, "no entry " + std::to_string(index));
            return string_out(describe(k.journal()[index], k, d));
        });
    });
}

int sf_case_event_fields(char** out, const sf_case* c, size_t index) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [&](const case_file& k) {
            if (index >= k.journal().size()) throw error(errc::out_of_range, "no entry " + std::to_string(index));
            return string_out(payload_to_json(k.journal()[index].payload));
        });
    });
}

int sf_case_exit_reason(int* out, const sf_case* c) {
    return call([&] {
        auto& o = need(out, "out");
        o = read_case(c, [](const case_file& k) { return k.exit_reason() ? static_cast<int>(*k.exit_reason()) : -1; });
    });
}

int sf_case_final_report(char** out_markdown, const sf_case* c, const sf_directory* dir, const sf_calendar* calendar) {
    return call([&] {
        auto& o = need(out_markdown, "out_markdown");
        const auto& d = need(dir, "dir").impl;
        const holiday_calendar& cal = calendar_in(calendar);
        o = read_case(c, [&](const case_file& k) { return string_out(to_markdown(make_final_report(k, d, cal))); });
    });
}

int sf_case_overdue(sf_overdue_item** out_items, size_t* out_count, const sf_case* c, int32_t as_of,
                    const sf_calendar* calendar) {
    return call([&] {
        auto& items = need(out_items, "out_items");
        auto& count = need(out_count, "out_count");
        const holiday_calendar& cal = calendar_in(calendar);
        const date day = date_of(as_of);
        std::vector<sf_overdue_item> v;
        read_case(c, [&](const case_file& k) {
            for (const auto& i : overdue(k, day, cal))
                v.push_back({static_cast<int>(i.kind), to_yyyymmdd(i.due), i.days_late, i.action.value()});
            return 0;
        });
        items = copy_out(v.data(), v.size());
        count = v.size();
    });
}

int sf_case_next_deadline(int32_t* out, const sf_case* c, const sf_calendar* calendar) {
    return call([&] {
        auto& o = need(out, "out");
        const holiday_calendar& cal = calendar_in(calendar);
        o = read_case(c, [&](const case_file& k) { return c_date(next_deadline(k, cal)); });
    });
}

} // extern "C"
