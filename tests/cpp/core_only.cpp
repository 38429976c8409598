// A host that links sfcore::core alone (no archives, stores or FHIR, so no
// SQLite, libpq or Boost.Serialization): it takes a family to preparation,
// sets the areas of its key issues, records a consent to share, decides two requests and verifies the journal,
// encrypted in memory too. The build fails if the decision core ever needs the
// persistence target; the run fails if a decision is not the expected one.
#include <iostream>

#include "fixtures.hpp"

using namespace sfcore;

int main() {
    int failures = 0;
    const auto expect = [&](bool ok, const char* what) {
        if (!ok) {
            std::cerr << "FAILED: " << what << "\n";
            ++failures;
        }
    };
    for (const at_rest keep : {at_rest::plain, at_rest::encrypted}) {
        fixtures::world w;
        w.keep = keep;
        case_file c = w.drive_to(state::preparing);
        expect(static_cast<bool>(w.rec(c, issue_areas_set{{issue_area::education, issue_area::housing}})), "the key issues' areas are set");
        expect(static_cast<bool>(w.rec(c, w.adult_consent(recipient::of(agencies::MSD)))), "the consent is recorded");
        disclosure_request r;
        r.discloser = recipient::of(agencies::MOE);
        r.subjects = {member_id{1}};
        r.what = category::housing;
        r.recipient = recipient::of(agencies::MSD);
        r.why = purpose::meeting;
        r.at = w.tick();
        const decision yes = c.decide(w.dir, r, "coordinator");
        expect(yes.permit && yes.rule == decision_rule::consent && yes.seq == c.journal().size(), "housing to MSD is permitted by consent");
        r.recipient = recipient::of(agencies::POLICE);
        const decision no = c.decide(w.dir, r, "coordinator");
        expect(!no.permit && no.rule == decision_rule::recipient_not_named,
               "housing to the Police is refused: the consent does not name them");
        expect(c.verify().ok, "the journal verifies");
        expect(c.encrypted() == (keep == at_rest::encrypted), "the case is encrypted as asked");
        std::cout << (keep == at_rest::encrypted ? "encrypted" : "plain") << " case: " << c.journal().size()
                  << " entries, " << (yes.permit ? "permit" : "deny") << " then " << (no.permit ? "permit" : "deny") << "\n";
    }
    return failures == 0 ? 0 : 1;
}
