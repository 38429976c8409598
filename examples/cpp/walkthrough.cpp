// A family's whole Strengthening Families case, in C++: referral, consent,
// family-directed preparation, consent-gated disclosure for the meeting, the
// interagency meeting, the action plan, a sharing without consent, a change
// of circumstances, a review, closure and the final report — every fact,
// decision and view one entry of the case's hash-chained journal, kept in a
// case store file as it goes, and reloaded from it at the end.
//
// Usage: sfcore_example_cpp [store-file]   (default: sfcore-walkthrough.db)
#include <cstdio>
#include <fstream>
#include <iostream>

#include <sfcore/sfcore.hpp>

using namespace sfcore;

namespace {

agency_directory directory;
int refusals_shown = 0;

// Record an event; show a refusal (a value, not an exception) when there is one.
bool record(case_file& c, instant when, event_payload p) {
    const outcome o = c.record(directory, "coordinator-mere", when, std::move(p));
    if (!o) {
        std::cout << "  refused [" << to_string(o.guard) << "]: " << o.reason << "\n";
        ++refusals_shown;
    }
    return o.accepted;
}

instant at(int y, int m, int d, int hh, int mm) { return nz_time(make_date(y, m, d), hh, mm); }

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

    // 1. Referral: the school refers the Te Rangi whānau.
    referral r;
    r.source = referral_source::agency;
    r.agency = agencies::MOE;
    r.practitioner = "Sam Wilson";
    r.received = make_date(2026, 3, 2);
    r.family_name = "Te Rangi whānau";
    r.reasons = {"Tama is missing school", "rent arrears"};
    case_file c = case_file::open(case_id{1}, directory, r, "coordinator-mere", at(2026, 3, 2, 9, 0));

    // The case store: each stage's entries are appended as one transaction,
    // naming how many the writer expects the store to hold.
    case_store store(store_path);
    store.put_directory(directory);
    journal_head stored = store.append(c, 0);
    const auto save = [&] { stored = store.append(c, stored.seq); };

    // 2. Suitability, the family, written consent.
    record(c, at(2026, 3, 2, 10, 0), referral_accepted{false, "more than one agency involved"});
    record(c, at(2026, 3, 2, 10, 5), roles_assigned{mere, std::nullopt, std::nullopt, std::nullopt});
    record(c, at(2026, 3, 3, 14, 0), member_added{member{{}, "Hine Te Rangi", member_role::parent_caregiver, make_date(1988, 5, 14), true}});
    record(c, at(2026, 3, 3, 14, 1), member_added{member{{}, "Tama Te Rangi", member_role::child, make_date(2015, 8, 1), true}});
    record(c, at(2026, 3, 3, 14, 2), member_added{member{{}, "Koro Wiremu", member_role::other_whanau, std::nullopt, true}});
    record(c, at(2026, 3, 3, 14, 30), consent_recorded{member_id{1}, make_date(2026, 3, 3), "SF-2024", std::nullopt, ""});
    record(c, at(2026, 3, 3, 14, 31), consent_recorded{member_id{2}, make_date(2026, 3, 3), "SF-2024", member_id{1}, "I want to go to school with my cousins"});
    std::cout << "Preparation before Koro has signed:\n";
    record(c, at(2026, 3, 3, 15, 0), preparation_started{});
    record(c, at(2026, 3, 4, 11, 0), consent_recorded{member_id{3}, make_date(2026, 3, 4), "SF-2024", std::nullopt, ""});
    record(c, at(2026, 3, 4, 11, 5), preparation_started{});

    save();

    // 3. The family directs the preparation: priorities, who comes, where.
    record(c, at(2026, 3, 5, 10, 0), priorities_set{{"Tama at school every day", "a secure home"}, {"Koro's support", "close whānau"}, {"help with rent", "transport to school"}});
    record(c, at(2026, 3, 5, 10, 10), invitee_approved{party::of(agencies::MSD)});
    record(c, at(2026, 3, 5, 10, 11), invitee_approved{party::of(sam)});  // the teacher by name, not the Ministry
    record(c, at(2026, 3, 5, 10, 12), invitee_approved{party::of(aroha)});  // and the MSD social worker by name
    meeting first;
    first.start = at(2026, 3, 12, 10, 0);
    first.venue = "Ngā Hau e Whā marae";
    first.invitees = {party::of(agencies::MSD), party::of(agencies::POLICE)};
    first.karakia = first.mihi = true;
    first.facilitator = "Kahu Pomare";
    std::cout << "Scheduling with Police invited (the family did not approve Police):\n";
    record(c, at(2026, 3, 5, 11, 0), meeting_scheduled{first});
    first.invitees = {party::of(agencies::MSD), party::of(sam)};
    record(c, at(2026, 3, 5, 11, 5), meeting_scheduled{first});

    // Consent-gated disclosure, before the meeting: the family's key issues,
    // Hine's written consent naming MSD and the teacher, and her benefit
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
    std::cout << "\nDisclosure notice for Hine (told beforehand):\n"
              << c.notice(directory, member_id{1}, purpose::meeting, at(2026, 3, 5, 12, 15)).text;
    record(c, at(2026, 3, 5, 12, 15), notice_given{member_id{1}, purpose::meeting});
    std::cout << "\nDecisions for the meeting (each recorded in the journal):\n";
    const auto ask = [&](category what, recipient to, std::vector<member_id> about, const char* text) {
        const decision d = c.decide(directory, {recipient::of(agencies::MSD), std::move(about), what, to, purpose::meeting,
                                                at(2026, 3, 12, 9, 30)}, "coordinator-mere");
        std::cout << "  " << text << ": " << (d ? "PERMIT" : "DENY") << " [" << to_string(d.rule) << "] "
                  << c.explain(d.seq) << "\n    the requester is told: " << requester_reason(c.id(), d) << "\n";
    };
    ask(category::housing, recipient::of(agencies::MSD), {member_id{1}}, "Hine's housing to MSD");
    ask(category::housing, recipient::of(agencies::MSD, aroha), {member_id{1}}, "Hine's housing to Aroha (MSD)");
    ask(category::income_benefits, recipient::of(agencies::MSD), {member_id{1}}, "Hine's benefits to MSD");
    ask(category::health, recipient::of(agencies::MSD), {member_id{1}}, "Hine's health to MSD");
    ask(category::housing, recipient::of(agencies::POLICE), {member_id{1}}, "Hine's housing to Police");
    ask(category::housing, recipient::of(agencies::MSD), {member_id{1}, member_id{3}}, "Hine's and Koro's tenancy to MSD");
    std::cout << "\n";

    // 4. The initial meeting and the action plan.
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

    // Sharing without consent: a serious threat, recorded in full.
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
    std::cout << "\nSharing without consent, first without its approver:\n";
    const outcome incomplete = c.record(directory, "teacher-sam", at(2026, 3, 12, 15, 0), threat);
    for (const auto& m : incomplete.missing) std::cout << "  refused: missing " << m << "\n";
    threat.approver = "Principal (delegated authority)";
    std::cout << "  complete record: "
              << (c.record(directory, "teacher-sam", at(2026, 3, 12, 15, 5), threat) ? "recorded" : "refused")
              << " under " << label(threat.basis) << "\n";
    const journal_verification verified = c.verify();
    std::cout << "Journal: " << c.journal().size() << " entries (" << c.access_log().size()
              << " of them decisions), chain " << (verified ? "verifies" : "BROKEN: " + verified.reason) << "\n";
    std::vector<event> tampered(c.journal().begin(), c.journal().end());
    std::get<member_added>(tampered[3].payload).member.name = "someone else";
    try {
        (void)case_file::replay(c.id(), tampered);
        std::cout << "A journal with one entry changed: loaded (it should not have)\n";
    } catch (const error& e) {
        std::cout << "A journal with one entry changed: " << e.what() << "\n";
    }

    save();

    // 5. Implementation: a change of circumstances, the plan revised.
    record(c, at(2026, 3, 20, 16, 0), action_updated{action_id{2}, action_status::done, "Koro walks Tama every day"});
    plan revised = c.plans()[0];
    revised.revision_reason = "the landlord gave notice: the family must move";
    revised.actions.push_back(action{{}, "Emergency housing application", party::of(agencies::HNZ), make_date(2026, 4, 17), action_status::open, support_type::accommodation, "a secure home", {outcome_area::stronger_whanau, outcome_area::services_known}});
    record(c, at(2026, 3, 27, 9, 0), plan_revised{revised});

    // What a coordinator's overdue list shows on 2026-04-20.
    std::cout << "\nOverdue on 2026-04-20:\n";
    for (const auto& item : overdue(c, make_date(2026, 4, 20), calendar)) std::cout << "  " << item.what << "\n";

    // 6. Review, 5 weeks after the initial meeting.
    meeting review;
    review.start = at(2026, 4, 16, 10, 0);
    review.venue = "Ngā Hau e Whā marae";
    review.invitees = {party::of(agencies::MSD), party::of(sam)};
    record(c, at(2026, 4, 2, 9, 0), review_scheduled{review, ""});
    record(c, at(2026, 4, 16, 12, 0), meeting_held{meeting_id{2}, {party::of(member_id{1}), party::of(aroha), party::of(sam)}});
    record(c, at(2026, 4, 16, 12, 10), action_updated{action_id{1}, action_status::done, "arrears cleared"});
    record(c, at(2026, 4, 16, 12, 11), action_updated{action_id{4}, action_status::done, "new tenancy from 1 May"});
    plan renewed = c.plans()[0];
    renewed.revision_reason.clear();
    record(c, at(2026, 4, 16, 12, 20), plan_agreed{renewed});

    // 7. Closure: the goals are met; the lead contact reports.
    record(c, at(2026, 5, 22, 9, 0), action_updated{action_id{3}, action_status::done, "attendance 96%"});
    record(c, at(2026, 5, 22, 9, 30), closure_started{exit_reason::planned, "Tama at school, the whānau housed"});
    std::cout << "Closing before the final report:\n";
    record(c, at(2026, 5, 22, 9, 35), case_closed{});
    record(c, at(2026, 5, 25, 14, 0), final_report_submitted{"Tama attends school every day; the family has a secure tenancy and a budget."});
    record(c, at(2026, 5, 25, 14, 5), case_closed{});

    std::cout << "\nTimeline of case " << c.id().value() << " (" << c.journal().size() << " entries):\n";
    for (const auto& e : c.journal()) std::cout << "  " << describe(e, c, directory) << "\n";
    std::cout << "\n" << to_markdown(make_final_report(c, directory, calendar));

    const bool replayed = case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end())) == c;
    std::cout << "\nState: " << to_string(c.state()) << "; replaying the journal gives the same case: "
              << (replayed ? "yes" : "NO") << "\n";

    // 8. Kept: the last entries go to the store, which returns the journal's
    // head to keep as an anchor; a fresh handle reopens the file and reloads.
    save();
    bool reloaded = false;
    {
        case_store reopened(store_path);
        const case_file back = reopened.load(c.id());
        const journal_verification anchored = back.verify(&stored);
        reloaded = back == c && anchored.ok && back.disclosure().consents().size() == 1;
        case_query closed_cases;
        closed_cases.state = state::closed;
        std::cout << "\nReopened the store " << store_path << ": " << reopened.size() << " case, "
                  << reopened.list(closed_cases).size() << " closed; case " << back.id().value() << " reloaded with "
                  << back.journal().size() << " entries, the same as recorded: " << (back == c ? "yes" : "NO")
                  << "; against the head kept at the last append: " << (anchored ? "verifies" : "BROKEN") << "\n";
        const bytes binary = save_archive(back), text = save_archive(back, archive_encoding::text);
        std::cout << "As an archive: " << binary.size() << " bytes binary (" << binary.size() / back.journal().size()
                  << " bytes an entry, frame included), " << text.size() << " bytes text; loaded back equal: "
                  << (load_case(binary) == c && load_case(text) == c ? "yes" : "NO") << "\n";
    }
    return c.state() == state::closed && replayed && reloaded && refusals_shown == 3 && verified.ok && !incomplete ? 0 : 1;
}
