#include "sfcore/report.hpp"

#include <cstdio>
#include <sstream>

#include "events/rules.hpp"
#include "nz_text.hpp"

namespace sfcore {

using detail::local_text;

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
    std::visit([&](const auto& p) { detail::event_rules::describe(what, c, dir, e, p); }, e.payload);
    return local_text(e.when) + "  " + what;
}

} // namespace sfcore
