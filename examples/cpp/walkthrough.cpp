// A family's case in C++: referred by a school, read back.
#include <iostream>

#include <sfcore/sfcore.hpp>

int main() {
    sfcore::agency_directory directory;  // MSD and the 11 other government agencies

    sfcore::referral referral;
    referral.source = sfcore::referral_source::agency;
    referral.agency = sfcore::agencies::MOE;
    referral.practitioner = "Aroha Ngata";
    referral.received = sfcore::make_date(2026, 11, 2);
    referral.family_name = "Te Rangi whānau";
    referral.reasons = {"school attendance", "housing"};

    const auto c = sfcore::case_file::open(sfcore::case_id{1}, directory, referral, "coordinator-1",
                                           sfcore::instant_from_unix(1793577600));  // 2026-11-02T00:00:00Z

    std::cout << "C++    | case " << c.id().value() << ": " << c.referral().family_name << ", referred by "
              << directory.at(*c.referral().agency).name << " on " << sfcore::to_iso(c.referral().received)
              << " -> state " << sfcore::to_string(c.state()) << " (" << c.journal().size() << " event)\n";
    return c.state() == sfcore::state::referred ? 0 : 1;
}
