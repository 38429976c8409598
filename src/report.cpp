#include "sfcore/report.hpp"

#include <cstdio>
#include <sstream>

#include "nz_text.hpp"

namespace sfcore {

using detail::join;
using detail::local_text;

namespace {

// The law a basis names: its label up to the colon ("Oranga Tamariki Act 1989 s15").
std::string law_of(legal_basis b) {
    const std::string text = label(b);
    return text.substr(0, text.find(':'));
}

} // namespace

std::string recipient_name(const recipient& r, const agency_directory& directory) {
    const std::string agency = directory.at(r.agency).name;
    if (!r.practitioner) return agency;
    return directory.practitioner_at(r.practitioner).name + " (" + agency + ")";
}

std::optional<std::string> find_name_of(const party& p, const case_file& c, const agency_directory& directory) {
    switch (p.kind) {
    case party_kind::member:
        if (p.id == 0 || p.id > c.members().size()) return std::nullopt;
        return c.members()[p.id - 1].name;
    case party_kind::agency:
        if (const agency* a = directory.find(agency_id{p.id})) return a->name;
        return std::nullopt;
    case party_kind::practitioner: {
        const auto& ps = directory.practitioners();
        if (p.id == 0 || p.id > ps.size()) return std::nullopt;
        const practitioner& pr = ps[p.id - 1];
        const agency* a = directory.find(pr.agency);
        if (!a) return std::nullopt;
        return pr.name + " (" + a->name + ")";
    }
    }
    return std::nullopt;
}

// The name find_name_of() gives, or the error of the lookup that failed.
std::string name_of(const party& p, const case_file& c, const agency_directory& directory) {
    if (auto name = find_name_of(p, c, directory)) return std::move(*name);
    switch (p.kind) {
    case party_kind::member: c.member_at(member_id{p.id}); break;
    case party_kind::agency: directory.at(agency_id{p.id}); break;
    case party_kind::practitioner: directory.at(directory.practitioner_at(practitioner_id{p.id}).agency); break;
    }
    throw error(errc::invalid_argument, "unknown party kind");
}

final_report make_final_report(const case_file& c, const agency_directory& directory, const holiday_calendar& cal,
                               const std::optional<timeframes>& chosen) {
    const timeframes& tf = chosen ? *chosen : c.timeframes();
    final_report r;
    r.case_ref = c.id();
    r.family_name = c.referral().family_name;
    r.programme = c.programme();
    r.referred = c.referral().received;
    r.key_issues = c.priorities().key_issues;
    if (c.roles().lead_agency) r.lead_agency = directory.at(*c.roles().lead_agency).name;
    if (c.roles().lead_contact) r.key_contact = name_of(party::of(*c.roles().lead_contact), c, directory);
    outcome_tally tallies[std::size(outcome_area_table)] = {};
    for (const auto& p : c.plans())
        for (const auto& a : p.actions) {
            report_action line{a.description, a.owner ? name_of(*a.owner, c, directory) : "", a.due, a.status};
            (a.status == action_status::done ? r.done : r.not_done).push_back(std::move(line));
            for (auto o : a.outcomes) {
                auto& t = tallies[static_cast<std::size_t>(o)];
                ++t.actions;
                t.done += a.status == action_status::done;
            }
        }
    for (std::size_t i = 0; i < std::size(tallies); ++i)
        if (tallies[i].actions) r.outcomes.push_back({static_cast<outcome_area>(i), tallies[i].actions, tallies[i].done});
    std::optional<date> previous;
    for (const auto& m : c.meetings()) {
        if (!m.held) continue;
        const date day = nz_date(m.start);
        r.meetings.push_back({day, m.kind, m.attendance.size()});
        if (m.kind == meeting_kind::initial && !r.days_to_initial_meeting)
            r.days_to_initial_meeting = cal.working_days_between(c.referral().received, day);
        if (m.kind == meeting_kind::review) {
            ++r.reviews_held;
            if (previous && (day - *previous).days() > tf.review_latest_days) ++r.reviews_late;
        }
        previous = day;
    }
    r.initial_meeting_target = tf.initial_meeting_working_days;
    for (const event* e : c.entries(event_type::review_scheduled)) {
        const auto& s = std::get<review_scheduled>(e->payload);
        if (!s.outside_window_reason.empty())
            r.reviews_outside_window.push_back(to_iso(nz_date(s.meeting.start)) + ": " + s.outside_window_reason);
    }
    r.exit = c.exit_reason();
    r.exit_note = c.exit_note();
    if (c.closed_at()) r.closed_on = nz_date(*c.closed_at());
    r.lead_contact_summary = c.final_report_summary();
    r.plan_versions = static_cast<int>(c.plan_history().size());
    return r;
}

std::string to_markdown(const final_report& r) {
    std::ostringstream md;
    md << "# Final report: " << r.family_name << " (case " << r.case_ref.value() << ")\n\n";
    md << "- Programme: " << label(r.programme) << "\n";
    md << "- Referred: " << to_iso(r.referred) << "\n";
    if (!r.lead_agency.empty()) md << "- Lead agency: " << r.lead_agency << "\n";
    if (!r.key_contact.empty()) md << "- Key contact: " << r.key_contact << "\n";
    if (r.exit) md << "- Exit: " << label(*r.exit) << (r.exit_note.empty() ? "" : " — " + r.exit_note) << "\n";
    if (r.closed_on) md << "- Closed: " << to_iso(*r.closed_on) << "\n";
    md << "\n## The family's priorities\n\n";
    if (r.key_issues.empty()) md << "None recorded.\n";
    for (const auto& k : r.key_issues) md << "- " << k << "\n";
    const auto actions = [&md](const char* title, const std::vector<report_action>& xs) {
        md << "\n## " << title << "\n\n";
        if (xs.empty()) {
            md << "None.\n";
            return;
        }
        md << "| action | owner | due | status |\n|---|---|---|---|\n";
        for (const auto& a : xs)
            md << "| " << a.description << " | " << a.owner << " | " << (a.due ? to_iso(*a.due) : "") << " | "
               << label(a.status) << " |\n";
    };
    actions("Actions done", r.done);
    actions("Actions not done", r.not_done);
    md << "\n## Outcome areas\n\n";
    if (r.outcomes.empty()) md << "No action names an outcome area.\n";
    for (const auto& o : r.outcomes)
        md << "- " << label(o.area) << ": " << o.actions << (o.actions == 1 ? " action, " : " actions, ") << o.done << " done\n";
    md << "\n## Meetings held\n\n";
    if (r.meetings.empty()) md << "None.\n";
    for (const auto& m : r.meetings)
        md << "- " << to_iso(m.day) << ": " << label(m.kind) << ", " << m.attended << " attended\n";
    md << "\n## Timeliness\n\n";
    if (r.days_to_initial_meeting)
        md << "- Initial meeting " << *r.days_to_initial_meeting << " working days after referral (target "
           << r.initial_meeting_target << "): "
           << (*r.days_to_initial_meeting <= r.initial_meeting_target ? "on time" : "late") << "\n";
    else
        md << "- No initial meeting was held.\n";
    md << "- Reviews held: " << r.reviews_held << " (" << r.reviews_late << " later than the timeframe)\n";
    for (const auto& w : r.reviews_outside_window) md << "- A review booked outside the window, " << w << "\n";
    md << "- Plan versions agreed: " << r.plan_versions << "\n";
    if (!r.lead_contact_summary.empty()) md << "\n## The lead contact's summary\n\n" << r.lead_contact_summary << "\n";
    return md.str();
}

std::string describe(const event& e, const case_file& c, const agency_directory& dir) {
    std::string what = label(e.type());
    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, referral_received>) {
                what += ": " + p.referral.family_name + ", by " +
                        (p.referral.agency ? dir.at(*p.referral.agency).name : std::string("the family itself"));
            } else if constexpr (std::is_same_v<T, member_added>) {
                what += ": " + p.member.name + " (" + label(p.member.role) + ")";
            } else if constexpr (std::is_same_v<T, consent_recorded> || std::is_same_v<T, consent_withdrawn>) {
                what += ": " + c.member_at(p.member).name;
            } else if constexpr (std::is_same_v<T, roles_assigned>) {
                std::vector<std::string> roles;
                if (p.coordinator) roles.push_back("coordinator " + name_of(party::of(*p.coordinator), c, dir));
                if (p.lead_agency) roles.push_back("lead agency " + dir.at(*p.lead_agency).name);
                if (p.lead_contact) roles.push_back("lead contact " + name_of(party::of(*p.lead_contact), c, dir));
                if (p.facilitator) roles.push_back("facilitator " + (p.facilitator->empty() ? std::string("none") : *p.facilitator));
                what += ": " + join(roles);
            } else if constexpr (std::is_same_v<T, priorities_set>) {
                what += ": " + join(p.key_issues);
            } else if constexpr (std::is_same_v<T, invitee_approved> || std::is_same_v<T, invitee_withdrawn>) {
                what += ": " + name_of(p.who, c, dir);
            } else if constexpr (std::is_same_v<T, meeting_scheduled> || std::is_same_v<T, review_scheduled>) {
                what += ": " + local_text(p.meeting.start) + " at " + p.meeting.venue;
                if constexpr (std::is_same_v<T, review_scheduled>)
                    if (!p.outside_window_reason.empty()) what += " (outside the window: " + p.outside_window_reason + ")";
            } else if constexpr (std::is_same_v<T, meeting_held>) {
                what += ": " + std::to_string(p.attendance.size()) + " attended";
            } else if constexpr (std::is_same_v<T, plan_agreed> || std::is_same_v<T, plan_revised>) {
                what += ": version " + std::to_string(p.plan.version) + ", " + std::to_string(p.plan.actions.size()) +
                        " actions" + (p.plan.revision_reason.empty() ? "" : " (" + p.plan.revision_reason + ")");
            } else if constexpr (std::is_same_v<T, action_updated>) {
                what += ": action " + std::to_string(p.action.value());
                const sfcore::action* named = nullptr;  // the action as the latest plan version holding it says
                for (const auto& version : c.plan_history())
                    for (const auto& a : version.actions)
                        if (a.id == p.action) named = &a;
                if (named) what += " " + detail::quoted(named->description);
                what += " " + std::string(label(p.status)) + (p.note.empty() ? "" : " (" + p.note + ")");
            } else if constexpr (std::is_same_v<T, closure_started>) {
                what += ": " + std::string(label(p.reason));
            } else if constexpr (std::is_same_v<T, referral_declined>) {
                what += ": " + p.reason;
            } else if constexpr (std::is_same_v<T, escalated> ) {
                what += ": " + p.note;
            } else if constexpr (std::is_same_v<T, case_reopened>) {
                what += ": " + p.reason;
            } else if constexpr (std::is_same_v<T, sharing_consent_given>) {
                std::vector<std::string> to;
                for (const auto& r : p.scope.recipients) to.push_back(recipient_name(r, dir));
                what += ": " + c.member_at(p.subject).name + " (consent " + std::to_string(p.id) + ") to " + join(to) +
                        ", " + to_iso(p.scope.from) + " to " + to_iso(p.scope.until);
            } else if constexpr (std::is_same_v<T, sharing_consent_withdrawn>) {
                what += ": " + c.member_at(p.subject).name +
                        (p.recipient ? ", for " + recipient_name(*p.recipient, dir) : std::string()) +
                        (p.what ? ", " + c.disclosure().categories().label(*p.what) : std::string());
            } else if constexpr (std::is_same_v<T, confidential_marked>) {
                what += ": " + c.member_at(p.subject).name + "'s " + c.disclosure().categories().label(p.what) +
                        (p.confidential ? " is confidential" : " is no longer confidential");
            } else if constexpr (std::is_same_v<T, issue_areas_set>) {
                std::vector<std::string> areas;
                for (auto a : p.areas) areas.push_back(label(a));
                what += ": " + (areas.empty() ? std::string("none") : join(areas));
            } else if constexpr (std::is_same_v<T, necessity_adjusted>) {
                what += std::string(": ") + (p.widen ? "widened by " : "narrowed by ") + c.disclosure().categories().label(p.what);
            } else if constexpr (std::is_same_v<T, category_registered>) {
                what += ": " + p.label;
            } else if constexpr (std::is_same_v<T, consent_ages_set>) {
                what += ": young people from " + std::to_string(p.young_person) + ", adults from " + std::to_string(p.adult);
            } else if constexpr (std::is_same_v<T, shared_without_consent>) {
                what += ": " + c.disclosure().categories().label(p.what) + " to " + recipient_name(p.recipient, dir) +
                        ", under " + law_of(p.basis);
                if (p.requester_role != s66_requester::none) what += std::string(", asked by ") + label(p.requester_role);
            } else if constexpr (std::is_same_v<T, request_declined>) {
                what += ": from " + recipient_name(p.requester, dir) + ", under " + law_of(p.basis);
            } else if constexpr (std::is_same_v<T, notice_given>) {
                what += ": " + c.member_at(p.member).name + ", for " + label(p.why);
            } else if constexpr (std::is_same_v<T, disclosure_decided>) {
                what += std::string(": ") + (p.permit ? "permitted" : "refused") + ", " +
                        c.disclosure().categories().label(p.what) + " to " + recipient_name(p.recipient, dir) + ", by " + e.who;
            } else if constexpr (std::is_same_v<T, view_shown>) {
                what += ": to " + recipient_name(p.recipient, dir) + ", " + std::to_string(p.shown.size()) + " of " +
                        std::to_string(p.offered) + " items, by " + e.who;
            } else if constexpr (std::is_same_v<T, legacy_audit_imported>) {
                what += ": " + std::to_string(p.entries) + " entries";
            } else if constexpr (std::is_same_v<T, member_updated>) {
                std::vector<std::string> changed;
                if (p.name) changed.push_back("name " + *p.name);
                if (p.role) changed.push_back(std::string("role ") + label(*p.role));
                if (p.born) changed.push_back("date of birth " + to_iso(*p.born));
                what += ": member " + std::to_string(p.member.value()) + ", now ";
                for (std::size_t i = 0; i < changed.size(); ++i) what += (i ? ", " : "") + changed[i];
                what += " (" + p.reason + ")";
            } else if constexpr (std::is_same_v<T, correction_declined>) {
                what += ": member " + std::to_string(p.member.value()) + "'s " + p.detail + ", not corrected (" + p.reason +
                        "); their statement: " + p.statement;
            } else if constexpr (std::is_same_v<T, access_requested>) {
                what += ": about member " + std::to_string(p.member.value()) + ", by " + p.requester +
                        (p.authority.empty() ? std::string() : " (" + p.authority + ")") + ", received " + to_iso(p.received);
            } else if constexpr (std::is_same_v<T, access_extended>) {
                what += ": request " + std::to_string(p.request) + " now due " + to_iso(p.due) + " (" + p.reason + ")";
            } else if constexpr (std::is_same_v<T, access_answered>) {
                what += ": request " + std::to_string(p.request) + " on " + to_iso(p.on) +
                        (p.withheld.empty() ? std::string(", given in full") : ", " + std::to_string(p.withheld.size()) + " withholding(s)");
            } else if constexpr (std::is_same_v<T, case_disposed>) {
                what += ": closed " + to_iso(p.closed) + ", kept " + std::to_string(p.years) + " years, by " + e.who;
            } else if constexpr (std::is_same_v<T, identified_extract>) {
                what += ": the " + p.table + " table, by " + e.who + ", for " + p.purpose;
            } else if constexpr (std::is_same_v<T, person_linked>) {
                // The key and which national numbers are held; the numbers themselves stay in the journal.
                what += ": member " + std::to_string(p.member.value()) + " is person " + p.key;
                if (p.nhi || p.nsn)
                    what += std::string(" (") + (p.nhi ? "NHI" : "") + (p.nhi && p.nsn ? " and " : "") + (p.nsn ? "NSN" : "") + " recorded)";
            } else if constexpr (std::is_same_v<T, timeframes_set>) {
                what += ": initial meeting within " + std::to_string(p.initial_meeting_working_days) + " working days, reviews " +
                        std::to_string(p.review_earliest_days) + "-" + std::to_string(p.review_latest_days) + " days after the last meeting";
            }
        },
        e.payload);
    return local_text(e.when) + "  " + what;
}

} // namespace sfcore
