// A family's whole Strengthening Families case, in C++: referral, consent,
// family-directed preparation, consent-gated disclosure for the meeting, the
// interagency meeting, the action plan, a sharing without consent, a change
// of circumstances, a review, closure and the final report — every fact,
// decision and view one entry of the case's hash-chained journal, kept in a
// case store file as it goes, and reloaded from it at the end. It prints the
// story in numbered sections, each showing what is set up before any
// refusal, and ends with a summary of what it showed.
//
// Usage: sfcore_example_cpp [store-file]   (default: sfcore-walkthrough.db)
#include <cstdio>
#include <fstream>
#include <iostream>

#include <sfcore/sfcore.hpp>

using namespace sfcore;

namespace {

agency_directory directory;
std::vector<std::string> refusals;  // the guard of each refusal shown

// Record an event; show a refusal (a value, not an exception) when there is one.
bool record(case_file& c, instant when, event_payload p) {
    const outcome o = c.record(directory, "coordinator-mere", when, std::move(p));
    if (!o) {
        std::cout << "  refused [" << to_string(o.guard) << "]: " << o.reason << "\n";
        refusals.emplace_back(to_string(o.guard));
    }
    return o.accepted;
}

instant at(int y, int m, int d, int hh, int mm) { return nz_time(make_date(y, m, d), hh, mm); }

// An entry as the timeline describes it, without its instant.
std::string fact(const event& e, const case_file& c) {
    const std::string line = describe(e, c, directory);
    const auto gap = line.find("  ");
    return gap == std::string::npos ? line : line.substr(gap + 2);
}

// A section of the story: its number and a one-line heading.
void section(int n, const char* heading) { std::cout << (n > 1 ? "\n" : "") << n << ". " << heading << "\n"; }

// The names of parties, joined: "A, B and C".
std::string names(const std::vector<party>& parties, const case_file& c) {
    std::string out;
    for (std::size_t i = 0; i < parties.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parties.size() ? " and " : ", ") + name_of(parties[i], c, directory);
    return out;
}

// Each member's consent to take part, as it stands.
void show_participation(const case_file& c) {
    for (const auto& m : c.members()) {
        const participation_consent* signed_by = nullptr;
        for (const auto& k : c.consents())
            if (k.member == m.id && !k.ended_at) signed_by = &k;
        std::cout << "  " << m.name << " (" << label(m.role) << "): "
                  << (signed_by ? "signed " + to_iso(signed_by->signed_on) : std::string("not signed yet"))
                  << (signed_by && signed_by->given_by ? ", given by " + c.member_at(*signed_by->given_by).name : "")
                  << (signed_by && !signed_by->child_views.empty() ? "; in " + m.name.substr(0, m.name.find(' ')) +
                                                                         "'s words: \"" + signed_by->child_views + "\""
                                                                   : "")
                  << "\n";
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::string store_path = argc > 1 ? argv[1] : "sfcore-walkthrough.db";
    if (std::ifstream(store_path)) {  // a new store: the walkthrough never replaces a file
        std::cerr << store_path << " exists: the walkthrough writes a new store and never replaces a file; remove it or name another\n";
        return 2;
    }
    const agency_id trust = directory.add("Te Whare Awhina Trust", agency_kind::ngo);
    const practitioner_id mere = directory.add_practitioner(trust, "Mere Tipene");  // coordinator
    const practitioner_id aroha = directory.add_practitioner(agencies::MSD, "Aroha Ngata");
    const practitioner_id sam = directory.add_practitioner(agencies::MOE, "Sam Wilson");
    const holiday_calendar calendar;

    section(1, "Referral: the school refers the Te Rangi whānau");
    referral r;
    r.source = referral_source::agency;
    r.agency = agencies::MOE;
    r.practitioner = "Sam Wilson";
    r.received = make_date(2026, 3, 2);
    r.family_name = "Te Rangi whānau";
    r.reasons = {"Tama is missing school", "rent arrears"};
    case_file c = case_file::open(case_id{1}, directory, r, "coordinator-mere", at(2026, 3, 2, 9, 0));
    std::cout << "  case " << c.id().value() << " opened: referred by " << r.practitioner << " ("
              << directory.at(*r.agency).name << ") on " << to_iso(r.received) << ": " << r.reasons[0] << "; "
              << r.reasons[1] << "\n";

    // The case store: each stage's entries are appended as one transaction,
    // naming how many the writer expects the store to hold.
    case_store store(store_path);
    store.put_directory(directory);
    journal_head stored = store.append(c, 0);
    const auto save = [&] { stored = store.append(c, stored.seq); };

    record(c, at(2026, 3, 2, 10, 0), referral_accepted{false, "more than one agency involved"});
    record(c, at(2026, 3, 2, 10, 5), roles_assigned{mere, std::nullopt, std::nullopt, std::nullopt});
    std::cout << "  accepted; coordinator " << name_of(party::of(mere), c, directory) << "\n";

    section(2, "Consent to take part: every member signs before preparation starts");
    record(c, at(2026, 3, 3, 14, 0), member_added{member{{}, "Hine Te Rangi", member_role::parent_caregiver, make_date(1988, 5, 14), true}});
    record(c, at(2026, 3, 3, 14, 1), member_added{member{{}, "Tama Te Rangi", member_role::child, make_date(2015, 8, 1), true}});
    record(c, at(2026, 3, 3, 14, 2), member_added{member{{}, "Koro Wiremu", member_role::other_whanau, std::nullopt, true}});
    record(c, at(2026, 3, 3, 14, 30), consent_recorded{member_id{1}, make_date(2026, 3, 3), "SF-2024", std::nullopt, ""});
    record(c, at(2026, 3, 3, 14, 31), consent_recorded{member_id{2}, make_date(2026, 3, 3), "SF-2024", member_id{1}, "I want to go to school with my cousins"});
    show_participation(c);
    std::cout << "  starting preparation now:\n";
    record(c, at(2026, 3, 3, 15, 0), preparation_started{});
    record(c, at(2026, 3, 4, 11, 0), consent_recorded{member_id{3}, make_date(2026, 3, 4), "SF-2024", std::nullopt, ""});
    if (record(c, at(2026, 3, 4, 11, 5), preparation_started{}))
        std::cout << "  Koro signs on 2026-03-04; preparation starts: the case is now " << label(c.state()) << "\n";

    save();

    section(3, "Family-directed preparation: the family decides what matters and who comes");
    record(c, at(2026, 3, 5, 10, 0), priorities_set{{"Tama at school every day", "a secure home"}, {"Koro's support", "close whānau"}, {"help with rent", "transport to school"}});
    record(c, at(2026, 3, 5, 10, 10), invitee_approved{party::of(agencies::MSD)});
    record(c, at(2026, 3, 5, 10, 11), invitee_approved{party::of(sam)});  // the teacher by name, not the Ministry
    record(c, at(2026, 3, 5, 10, 12), invitee_approved{party::of(aroha)});  // and the MSD social worker by name
    std::cout << "  the family's priorities: " << c.priorities().key_issues[0] << "; " << c.priorities().key_issues[1] << "\n"
              << "  the family approved as invitees: " << names(c.approved(), c) << "\n";
    meeting first;
    first.start = at(2026, 3, 12, 10, 0);
    first.venue = "Ngā Hau e Whā marae";
    first.invitees = {party::of(agencies::MSD), party::of(agencies::POLICE)};
    first.karakia = first.mihi = true;
    first.facilitator = "Kahu Pomare";
    std::cout << "  scheduling the meeting with " << names(first.invitees, c) << " invited:\n";
    record(c, at(2026, 3, 5, 11, 0), meeting_scheduled{first});
    first.invitees = {party::of(agencies::MSD), party::of(sam)};
    if (record(c, at(2026, 3, 5, 11, 5), meeting_scheduled{first}))
        std::cout << "  scheduled with " << names(first.invitees, c) << ": " << fact(c.journal().back(), c)
                  << "\n";

    section(4, "Consent to share: what Hine agrees may be shared, with whom, and what stays confidential");
    // Consent-gated disclosure, before the meeting: the family's key issues,
    // Hine's written consent to share, naming MSD and the teacher, and her benefit
    // details kept confidential — each a fact of the same journal.
    record(c, at(2026, 3, 5, 12, 0), issue_areas_set{{issue_area::education, issue_area::housing}});
    sharing_consent_given k;
    k.subject = k.given_by = member_id{1};
    k.scope = {{recipient::of(agencies::MSD), recipient::of(agencies::MOE, sam)},
               bit(category::housing) | bit(category::income_benefits) | bit(category::education) | bit(category::health),
               bit(purpose::meeting_preparation) | bit(purpose::meeting) | bit(purpose::plan_delivery),
               make_date(2026, 3, 5), make_date(2026, 12, 31)};
    k.signed_on = make_date(2026, 3, 5);
    k.form_version = "SF-consent-2024";
    record(c, at(2026, 3, 5, 12, 5), k);
    record(c, at(2026, 3, 5, 12, 10), confidential_marked{member_id{1}, category::income_benefits, true});
    for (const auto* e : {&c.journal()[c.journal().size() - 3], &c.journal()[c.journal().size() - 2], &c.journal().back()})
        std::cout << "  " << fact(*e, c) << "\n";
    std::cout << "  Tama and Koro consented to take part, not to share: nothing about them is shared under consent\n"
              << "  the notice Hine is given beforehand:\n";
    const std::string notice = c.notice(directory, member_id{1}, purpose::meeting, at(2026, 3, 5, 12, 15)).text;
    for (std::size_t from = 0, to; from < notice.size(); from = to + 1) {
        to = notice.find('\n', from);
        if (to == std::string::npos) to = notice.size();
        std::cout << "    | " << notice.substr(from, to - from) << "\n";
    }
    record(c, at(2026, 3, 5, 12, 15), notice_given{member_id{1}, purpose::meeting});

    section(5, "Decisions for the meeting: each recorded in the journal; the requester is told only a reference");
    int permitted = 0, denied = 0;
    const auto ask = [&](category what, recipient to, std::vector<member_id> about, const char* text) {
        const decision d = c.decide(directory, {recipient::of(agencies::MSD), std::move(about), what, to, purpose::meeting,
                                                at(2026, 3, 12, 9, 30)}, "coordinator-mere");
        ++(d ? permitted : denied);
        std::cout << "  " << text << ": " << (d ? "PERMIT" : "DENY") << " [" << to_string(d.rule) << "] "
                  << c.explain(d.seq) << "\n    the requester is told: " << requester_reason(c.id(), d) << "\n";
    };
    ask(category::housing, recipient::of(agencies::MSD), {member_id{1}}, "Hine's housing to MSD");
    ask(category::housing, recipient::of(agencies::MSD, aroha), {member_id{1}}, "Hine's housing to Aroha (MSD)");
    ask(category::income_benefits, recipient::of(agencies::MSD), {member_id{1}}, "Hine's benefits to MSD");
    ask(category::health, recipient::of(agencies::MSD), {member_id{1}}, "Hine's health to MSD");
    ask(category::housing, recipient::of(agencies::POLICE), {member_id{1}}, "Hine's housing to Police");
    ask(category::housing, recipient::of(agencies::MSD), {member_id{1}, member_id{3}}, "Hine's and Koro's tenancy to MSD");

    section(6, "The interagency meeting agrees the family's action plan");
    record(c, at(2026, 3, 12, 12, 0), meeting_held{meeting_id{1}, {party::of(member_id{1}), party::of(member_id{3}), party::of(aroha), party::of(sam)}});
    plan p;
    p.lead_agency = agencies::MSD;
    p.key_contact = aroha;
    p.actions = {
        action{{}, "Budget advice and a rent arrears plan", party::of(agencies::MSD), make_date(2026, 4, 10), action_status::open, support_type::budget_advice, "help with rent", {outcome_area::stronger_whanau}},
        action{{}, "Walk Tama to school each morning", party::of(member_id{3}), make_date(2026, 3, 20), action_status::open, support_type::none, "transport to school", {outcome_area::health_education}},
        action{{}, "Attendance check-ins each Friday", party::of(sam), make_date(2026, 4, 24), action_status::open, support_type::truancy, "Tama at school every day", {outcome_area::health_education}},
    };
    record(c, at(2026, 3, 12, 12, 30), plan_agreed{p});
    if (c.plans().empty()) {
        std::cerr << "the plan was not agreed\n";
        return 1;
    }
    std::cout << "  held on 2026-03-12 with " << names(c.meetings()[0].attendance, c) << "\n"
              << "  lead agency " << directory.at(*p.lead_agency).name << ", key contact "
              << name_of(party::of(aroha), c, directory) << "; the actions:\n";
    for (const auto& a : c.plans()[0].actions)
        std::cout << "    " << a.id.value() << ". " << a.description << " — " << (a.owner ? name_of(*a.owner, c, directory) : std::string("unassigned"))
                  << ", due " << to_iso(*a.due) << "\n";

    section(7, "Sharing without consent under the law: refused until the record is complete");
    shared_without_consent threat;
    threat.subjects = {member_id{2}};
    threat.what = category::child_protection;
    threat.description = "Tama disclosed being hit by a visitor to the house";
    threat.discloser = recipient::of(agencies::MOE, sam);
    threat.recipient = recipient::of(agencies::OT);
    threat.basis = legal_basis::ot_s15;
    threat.purpose = "report of concern about Tama's safety";
    threat.necessity = "a child's disclosure of physical harm; Oranga Tamariki can act on it";
    threat.child_consulted = true;
    threat.not_told_reason = "the family is told after Oranga Tamariki has assessed safety";
    std::cout << "  the teacher records a report of concern about Tama to Oranga Tamariki, without its approver:\n";
    const outcome incomplete = c.record(directory, "teacher-sam", at(2026, 3, 12, 15, 0), threat);
    for (const auto& m : incomplete.missing) std::cout << "  refused: missing " << m << "\n";
    threat.approver = "Principal (delegated authority)";
    const bool shared = c.record(directory, "teacher-sam", at(2026, 3, 12, 15, 5), threat).accepted;
    std::cout << "  with the principal as approver: " << (shared ? "recorded" : "refused") << " under "
              << label(threat.basis) << "\n";

    section(8, "The journal: every fact, decision and view is an entry of one hash chain");
    const journal_verification verified = c.verify();
    std::cout << "  " << c.journal().size() << " entries (" << c.access_log().size()
              << " of them decisions); the chain " << (verified ? "verifies" : "is BROKEN: " + verified.reason) << "\n";
    std::vector<event> tampered(c.journal().begin(), c.journal().end());
    std::get<member_added>(tampered[3].payload).member.name = "someone else";
    bool tamper_refused = false;
    try {
        (void)case_file::replay(c.id(), tampered);
        std::cout << "  a copy with one entry changed: loaded (it should not have been)\n";
    } catch (const error& e) {
        tamper_refused = e.code() == errc::integrity;
        std::cout << "  a copy with one entry changed is refused:\n    " << e.what() << "\n";
    }

    save();

    section(9, "Working the plan: a change of circumstances, what is overdue, the review");
    record(c, at(2026, 3, 20, 16, 0), action_updated{action_id{2}, action_status::done, "Koro walks Tama every day"});
    plan revised = c.plans()[0];
    revised.revision_reason = "the landlord gave notice: the family must move";
    revised.actions.push_back(action{{}, "Emergency housing application", party::of(agencies::HNZ), make_date(2026, 4, 17), action_status::open, support_type::accommodation, "a secure home", {outcome_area::stronger_whanau, outcome_area::services_known}});
    record(c, at(2026, 3, 27, 9, 0), plan_revised{revised});
    std::cout << "  2026-03-20: action 2 done; 2026-03-27: the plan revised (" << revised.revision_reason
              << "), action 4 added\n";
    meeting review;
    review.start = at(2026, 4, 16, 10, 0);
    review.venue = "Ngā Hau e Whā marae";
    review.invitees = {party::of(agencies::MSD), party::of(sam)};
    record(c, at(2026, 4, 2, 9, 0), review_scheduled{review, ""});
    // What the coordinator's overdue list shows on 2026-04-13, three days before the review.
    const date checked = make_date(2026, 4, 13);
    std::cout << "  the coordinator's overdue list on " << to_iso(checked) << ":\n";
    const auto late = overdue(c, checked, calendar);
    for (const auto& item : late) std::cout << "    " << item.what << "\n";
    record(c, at(2026, 4, 16, 12, 0), meeting_held{meeting_id{2}, {party::of(member_id{1}), party::of(aroha), party::of(sam)}});
    record(c, at(2026, 4, 16, 12, 10), action_updated{action_id{1}, action_status::done, "arrears cleared"});
    record(c, at(2026, 4, 16, 12, 11), action_updated{action_id{4}, action_status::done, "new tenancy from 1 May"});
    plan renewed = c.plans()[0];
    renewed.revision_reason.clear();
    record(c, at(2026, 4, 16, 12, 20), plan_agreed{renewed});
    std::cout << "  2026-04-16: the review is held; actions 1 and 4 done; the plan agreed again\n";

    section(10, "Closure: the lead contact's final report comes first");
    record(c, at(2026, 5, 22, 9, 0), action_updated{action_id{3}, action_status::done, "attendance 96%"});
    record(c, at(2026, 5, 22, 9, 30), closure_started{exit_reason::planned, "Tama at school, the whānau housed"});
    std::cout << "  2026-05-22: action 3 done, every action done; closure started (planned exit)\n"
              << "  closing before the final report is in:\n";
    record(c, at(2026, 5, 22, 9, 35), case_closed{});
    record(c, at(2026, 5, 25, 14, 0), final_report_submitted{"Tama attends school every day; the family has a secure tenancy and a budget."});
    if (record(c, at(2026, 5, 25, 14, 5), case_closed{}))
        std::cout << "  2026-05-25: the final report is in, and the case is " << label(c.state()) << "\n";

    section(11, "The timeline: the case's journal, entry by entry");
    for (const auto& e : c.journal()) std::cout << "  " << describe(e, c, directory) << "\n";

    section(12, "The final report, generated from the journal");
    std::cout << "\n" << to_markdown(make_final_report(c, directory, calendar));

    section(13, "Kept: the store and an archive give back the same case");
    const bool replayed = case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end())) == c;
    std::cout << "  replaying the journal gives the same case: " << (replayed ? "yes" : "NO") << "\n";
    // The last entries go to the store, which returns the journal's head to
    // keep as an anchor; a fresh handle reopens the file and reloads.
    save();
    bool reloaded = false, archived = false;
    {
        case_store reopened(store_path);
        const case_file back = reopened.load(c.id());
        const journal_verification anchored = back.verify(&stored);
        reloaded = back == c && anchored.ok && back.disclosure().consents().size() == 1;
        case_query closed_cases;
        closed_cases.state = state::closed;
        std::cout << "  the store reopened: " << reopened.size() << " case, " << reopened.list(closed_cases).size()
                  << " closed; case " << back.id().value() << " reloaded with " << back.journal().size()
                  << " entries, the same as recorded: " << (back == c ? "yes" : "NO")
                  << "; against the head kept at the last append: " << (anchored ? "verifies" : "BROKEN") << "\n";
        const bytes binary = save_archive(back), text = save_archive(back, archive_encoding::text);
        archived = load_case(binary) == c && load_case(text) == c;
        std::cout << "  as an archive: " << binary.size() << " bytes binary (" << binary.size() / back.journal().size()
                  << " bytes an entry, frame included), " << text.size() << " bytes text; loaded back equal: "
                  << (archived ? "yes" : "NO") << "\n";
    }

    std::cout << "\nWhat this showed\n"
              << "  - the lifecycle from referral to closure, " << c.journal().size() << " journal entries; "
              << refusals.size() << " steps refused as values, not errors (" << refusals[0] << ", " << refusals[1]
              << ", " << refusals[2] << ")\n"
              << "  - consent to take part (" << c.consents().size() << " members) and consent to share ("
              << c.disclosure().consents().size() << ", Hine's) are separate facts: of " << permitted + denied
              << " decisions, " << permitted << " permitted and " << denied << " refused, each recorded\n"
              << "  - one sharing without consent, under " << label(threat.basis) << ", recorded once it was complete\n"
              << "  - the chain verifies, a changed copy is refused, and the store and the archive give back the same case\n";
    const bool ok = c.state() == state::closed && replayed && reloaded && archived && refusals.size() == 3 && verified.ok &&
                    tamper_refused && !incomplete && shared && late.size() == 1 && permitted == 2 && denied == 4;
    return ok ? 0 : 1;
}
