// The facts a case's journal records, from C: each is made into its payload
// and offered to the case (record()) under the case's write lock.
#include <functional>

#include "internal.hpp"

namespace {

using namespace sfcore_c;

int offer(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, std::int64_t when,
          const std::function<event_payload()>& payload) {
    return call([&] {
        auto& o = need(out, "out");
        auto k = need(c, "case");
        const auto& d = need(dir, "dir");
        const std::string_view w = text(who, "who");
        const instant at = instant_of(when);
        event_payload p = payload();
        const outcome r = k.impl.write([&](case_file& x) { return x.record(d.impl, w, at, std::move(p)); });
        outcome_out(o, r);
    });
}

template <class T>
std::optional<T> optional_id(std::uint32_t v) {
    return v ? std::optional<T>(T{v}) : std::nullopt;
}

} // namespace

extern "C" {

// ---- the lifecycle ------------------------------------------------------------------

int sf_case_accept_referral(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            int by_panel, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{referral_accepted{by_panel != 0, utf8_or_empty(note, "note")}}; });
}

int sf_case_decline_referral(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             const char* reason) {
    return offer(out, c, dir, who, when, [&] { return event_payload{referral_declined{utf8(reason, "reason")}}; });
}

int sf_case_add_member(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                       const char* name, int role, int32_t born, int participating) {
    return offer(out, c, dir, who, when, [&] {
        member m;
        m.name = utf8(name, "name");
        m.role = enum_from_int<member_role>(role);
        m.born = optional_date(born);
        m.participating = participating != 0;
        return event_payload{member_added{m}};
    });
}

int sf_case_update_member(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          uint32_t member, const char* name, int role, int32_t born, const char* reason) {
    return offer(out, c, dir, who, when, [&] {
        member_updated u;
        u.member = member_id{member};
        if (name) u.name = utf8(name, "name");
        if (role != -1) u.role = enum_from_int<member_role>(role);
        u.born = optional_date(born);
        u.reason = utf8(reason, "reason");
        return event_payload{std::move(u)};
    });
}

int sf_case_link_person(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                        uint32_t member, const char* key, const char* nhi, const char* nsn) {
    return offer(out, c, dir, who, when, [&] {
        person_linked l;
        l.member = member_id{member};
        l.key = utf8(key, "key");
        if (nhi) l.nhi = utf8(nhi, "nhi");
        if (nsn) l.nsn = utf8(nsn, "nsn");
        return event_payload{std::move(l)};
    });
}

int sf_case_request_access(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           uint32_t member, const char* requester, const char* authority, int32_t received) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{access_requested{member_id{member}, utf8(requester, "requester"),
                                              utf8_or_empty(authority, "authority"), date_of(received)}};
    });
}

int sf_case_extend_access(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          uint64_t request, int32_t due, const char* reason) {
    return offer(out, c, dir, who, when,
                 [&] { return event_payload{access_extended{request, date_of(due), utf8(reason, "reason")}}; });
}

int sf_case_answer_access(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          uint64_t request, int32_t on, const char* const* withheld, size_t withheld_count) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{access_answered{request, date_of(on), utf8_list(withheld, withheld_count, "withheld")}};
    });
}

int sf_case_decline_correction(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                               uint32_t member, const char* detail, const char* statement, const char* reason) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{correction_declined{member_id{member}, utf8(detail, "detail"), utf8(statement, "statement"),
                                                 utf8(reason, "reason")}};
    });
}

int sf_case_record_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           uint32_t member, int32_t signed_on, const char* form_version, uint32_t given_by,
                           const char* child_views) {
    return offer(out, c, dir, who, when, [&] {
        consent_recorded k;
        k.member = member_id{member};
        k.signed_on = date_of(signed_on);
        k.form_version = utf8(form_version, "form_version");
        k.given_by = optional_id<member_id>(given_by);
        k.child_views = utf8_or_empty(child_views, "child_views");
        return event_payload{k};
    });
}

int sf_case_withdraw_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             uint32_t member, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{consent_withdrawn{member_id{member}, utf8_or_empty(note, "note")}}; });
}

int sf_case_assign_roles(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                         uint32_t coordinator, uint32_t lead_agency, uint32_t lead_contact, const char* facilitator) {
    return offer(out, c, dir, who, when, [&] {
        roles_assigned r;
        r.coordinator = optional_id<practitioner_id>(coordinator);
        r.lead_agency = optional_id<agency_id>(lead_agency);
        r.lead_contact = optional_id<practitioner_id>(lead_contact);
        if (facilitator) r.facilitator = utf8(facilitator, "facilitator");
        return event_payload{r};
    });
}

int sf_case_start_preparation(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when) {
    return offer(out, c, dir, who, when, [] { return event_payload{preparation_started{}}; });
}

int sf_case_set_priorities(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           const char* const* key_issues, size_t key_issue_count, const char* const* strengths,
                           size_t strength_count, const char* const* needs, size_t need_count) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{priorities_set{utf8_list(key_issues, key_issue_count, "key_issues"),
                                            utf8_list(strengths, strength_count, "strengths"),
                                            utf8_list(needs, need_count, "needs")}};
    });
}

int sf_case_approve_invitee(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            sf_party invitee) {
    return offer(out, c, dir, who, when, [&] { return event_payload{invitee_approved{party_of(invitee)}}; });
}

int sf_case_withdraw_invitee(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             sf_party invitee) {
    return offer(out, c, dir, who, when, [&] { return event_payload{invitee_withdrawn{party_of(invitee)}}; });
}

int sf_case_schedule_meeting(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             const sf_meeting* meeting) {
    return offer(out, c, dir, who, when, [&] { return event_payload{meeting_scheduled{need(meeting, "meeting").impl}}; });
}

int sf_case_schedule_review(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            const sf_meeting* meeting, const char* outside_window_reason) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{review_scheduled{need(meeting, "meeting").impl,
                                              utf8_or_empty(outside_window_reason, "outside_window_reason")}};
    });
}

int sf_case_hold_meeting(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                         uint32_t meeting, const sf_party* attendance, size_t attendance_count) {
    return offer(out, c, dir, who, when, [&] {
        if (attendance_count > 0 && !attendance) throw error(errc::null_argument, "attendance is NULL");
        meeting_held h;
        h.meeting = meeting_id{meeting};
        for (size_t i = 0; i < attendance_count; ++i) h.attendance.push_back(party_of(attendance[i]));
        return event_payload{h};
    });
}

int sf_case_agree_plan(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                       const sf_plan* plan) {
    return offer(out, c, dir, who, when, [&] { return event_payload{plan_agreed{need(plan, "plan").impl}}; });
}

int sf_case_revise_plan(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                        const sf_plan* plan) {
    return offer(out, c, dir, who, when, [&] { return event_payload{plan_revised{need(plan, "plan").impl}}; });
}

int sf_case_update_action(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          uint32_t action, int status, const char* note) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{action_updated{action_id{action}, enum_from_int<action_status>(status), utf8_or_empty(note, "note")}};
    });
}

int sf_case_escalate(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when, const char* note) {
    return offer(out, c, dir, who, when, [&] { return event_payload{escalated{utf8(note, "note")}}; });
}

int sf_case_start_closure(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                          int reason, const char* note) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{closure_started{enum_from_int<exit_reason>(reason), utf8_or_empty(note, "note")}};
    });
}

int sf_case_submit_final_report(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                                const char* summary) {
    return offer(out, c, dir, who, when, [&] { return event_payload{final_report_submitted{utf8(summary, "summary")}}; });
}

int sf_case_close(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when) {
    return offer(out, c, dir, who, when, [] { return event_payload{case_closed{}}; });
}

int sf_case_reopen(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when, const char* reason) {
    return offer(out, c, dir, who, when, [&] { return event_payload{case_reopened{utf8(reason, "reason")}}; });
}

// ---- what governs sharing -------------------------------------------------------------

int sf_case_give_sharing_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                                 const sf_consent* consent) {
    return offer(out, c, dir, who, when, [&] {
        const auto& k = need(consent, "consent");
        if (k.recipient_count > 0 && !k.recipients) throw error(errc::null_argument, "recipients is NULL");
        sharing_consent_given x;
        x.subject = member_id{k.subject};
        x.given_by = member_id{k.given_by};
        for (size_t i = 0; i < k.recipient_count; ++i) x.scope.recipients.push_back(recipient_of(k.recipients[i]));
        x.scope.categories = k.categories;
        if (k.purposes > 0xFF) throw error(errc::invalid_consent, "a consent names unknown purposes");
        x.scope.purposes = static_cast<purpose_set>(k.purposes);
        x.scope.from = date_of(k.from);
        x.scope.until = date_of(k.until);
        x.signed_on = date_of(k.signed_on);
        x.form_version = utf8(k.form_version, "form_version");
        x.child_views = utf8_or_empty(k.child_views, "child_views");
        return event_payload{std::move(x)};
    });
}

int sf_case_withdraw_sharing_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who,
                                     int64_t when, uint32_t subject, const sf_recipient* recipient, int category_,
                                     const char* note) {
    return offer(out, c, dir, who, when, [&] {
        sharing_consent_withdrawn w{member_id{subject}, std::nullopt, std::nullopt, utf8_or_empty(note, "note")};
        if (recipient) w.recipient = recipient_of(*recipient);
        if (category_ >= 0) w.what = category_of(category_);
        return event_payload{std::move(w)};
    });
}

int sf_case_mark_confidential(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                              uint32_t subject, int category_, int confidential) {
    return offer(out, c, dir, who, when,
                 [&] { return event_payload{confidential_marked{member_id{subject}, category_of(category_), confidential != 0}}; });
}

int sf_case_set_issue_areas(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            const int* areas, size_t area_count) {
    return offer(out, c, dir, who, when, [&] {
        if (area_count > 0 && !areas) throw error(errc::null_argument, "areas is NULL");
        issue_areas_set s;
        for (size_t i = 0; i < area_count; ++i) s.areas.push_back(enum_from_int<issue_area>(areas[i]));
        return event_payload{std::move(s)};
    });
}

int sf_case_adjust_necessity(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             int category_, int widen) {
    return offer(out, c, dir, who, when, [&] { return event_payload{necessity_adjusted{category_of(category_), widen != 0}}; });
}

int sf_case_register_category(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                              const char* name, const char* label) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{category_registered{utf8(name, "name"), utf8(label, "label"), category{}}};
    });
}

int sf_case_set_consent_ages(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                             int young_person_age, int adult_age) {
    return offer(out, c, dir, who, when, [&] {
        if (young_person_age < 0 || young_person_age > 255 || adult_age < 0 || adult_age > 255)
            throw error(errc::invalid_argument, "consent ages must satisfy young person age <= adult age <= 25");
        return event_payload{consent_ages_set{static_cast<std::uint8_t>(young_person_age), static_cast<std::uint8_t>(adult_age)}};
    });
}

int sf_case_set_timeframes(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                           int initial_meeting_working_days, int review_earliest_days, int review_latest_days) {
    return offer(out, c, dir, who, when, [&] {
        return event_payload{timeframes_set{initial_meeting_working_days, review_earliest_days, review_latest_days}};
    });
}

int sf_case_share_without_consent(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                                  const sf_sharing* sharing) {
    return offer(out, c, dir, who, when, [&] {
        const auto& s = need(sharing, "sharing");
        shared_without_consent r;
        r.subjects = member_list(s.subjects, s.subject_count, "subjects");
        r.what = category_of(s.category);
        r.description = utf8_or_empty(s.description, "description");
        r.discloser = recipient_of(s.discloser);
        r.recipient = recipient_of(s.recipient);
        r.basis = enum_from_int<legal_basis>(s.basis);
        r.s66c = enum_from_int<s66c_purpose>(s.s66c);
        r.requested_by = utf8_or_empty(s.requested_by, "requested_by");
        r.requester_role = enum_from_int<s66_requester>(s.requester_role);
        r.purpose = utf8_or_empty(s.purpose, "purpose");
        r.approver = utf8_or_empty(s.approver, "approver");
        r.necessity = utf8_or_empty(s.necessity, "necessity");
        r.child_consulted = s.child_consulted != 0;
        r.family_told = s.family_told != 0;
        r.not_told_reason = utf8_or_empty(s.not_told_reason, "not_told_reason");
        return event_payload{std::move(r)};
    });
}

int sf_case_decline_request(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                            const sf_declined* declined) {
    return offer(out, c, dir, who, when, [&] {
        const auto& d = need(declined, "declined");
        request_declined r;
        r.requester = recipient_of(d.requester);
        r.subjects = member_list(d.subjects, d.subject_count, "subjects");
        r.what = category_of(d.category);
        r.basis = enum_from_int<legal_basis>(d.basis);
        r.reasons = utf8_list(d.reasons, d.reason_count, "reasons");
        r.decided_by = utf8_or_empty(d.decided_by, "decided_by");
        return event_payload{std::move(r)};
    });
}

int sf_case_give_notice(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when,
                        uint32_t member, int purpose_) {
    return offer(out, c, dir, who, when, [&] { return event_payload{notice_given{member_id{member}, enum_from_int<purpose>(purpose_)}}; });
}

// ---- any event, as JSON -------------------------------------------------------------

int sf_case_record_json(sf_outcome* out, sf_case* c, const sf_directory* dir, const char* who, int64_t when, int type,
                        const char* fields) {
    return offer(out, c, dir, who, when,
                 [&] { return payload_from_json(enum_from_int<event_type>(type), text(fields, "fields")); });
}

} // extern "C"
