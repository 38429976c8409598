#include <iostream>

#include <sfcore/sfcore.hpp>

int main() {
    sfcore::agency_directory dir;
    sfcore::referral r;
    r.source = sfcore::referral_source::family;
    r.received = sfcore::make_date(2026, 11, 2);
    r.family_name = "Te Rangi whānau";
    auto c = sfcore::case_file::open(sfcore::case_id{1}, dir, r, "coordinator", sfcore::instant_from_unix(1795000000));
    std::cout << "c++ consumer: " << sfcore::to_string(c.state()) << " " << sfcore::version_string << "\n";
    return c.state() == sfcore::state::referred ? 0 : 1;
}
