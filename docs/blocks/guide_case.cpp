// The guide's case: the Te Rangi whānau, referred and accepted, with Hine and
// her son (his name misspelt at first), who have both consented to take
// part; a request, a withdrawal, a store in memory and a host's function for
// the fragments that name them.
#include <cstdio>
#include <iostream>
#include <sfcore/sfcore.hpp>

int main() {
    sfcore::agency_directory directory;
    sfcore::referral referral;
    referral.source = sfcore::referral_source::agency;
    referral.agency = sfcore::agencies::MOE;
    referral.received = sfcore::make_date(2026, 3, 2);
    referral.family_name = "Te Rangi whānau";
    sfcore::instant when = sfcore::nz_time(sfcore::make_date(2026, 3, 2), 9, 0);
    const auto next = [&] { return when += boost::posix_time::hours(1); };
    auto c = sfcore::case_file::open(sfcore::case_id{1}, directory, referral, "coordinator-1", when);
    for (sfcore::event_payload fact :
         {sfcore::event_payload{sfcore::referral_accepted{}},
          sfcore::event_payload{sfcore::member_added{{{}, "Hine Te Rangi", sfcore::member_role::parent_caregiver, sfcore::make_date(1990, 5, 1)}}},
          sfcore::event_payload{sfcore::member_added{{{}, "Tama Rangi", sfcore::member_role::child, sfcore::make_date(2015, 8, 1)}}},
          sfcore::event_payload{sfcore::consent_recorded{sfcore::member_id{1}, sfcore::make_date(2026, 3, 2), "v1"}},
          sfcore::event_payload{sfcore::consent_recorded{sfcore::member_id{2}, sfcore::make_date(2026, 3, 2), "v1", sfcore::member_id{1}, "happy to"}}})
        if (!c.record(directory, "coordinator-1", next(), std::move(fact))) return 1;
    next();
    const sfcore::instant now = next();
    sfcore::case_store store(":memory:");
    std::uint64_t version = 0;
    sfcore::disclosure_request request{sfcore::recipient::of(sfcore::agencies::MOE), {sfcore::member_id{1}}, sfcore::category::housing,
                                       sfcore::recipient::of(sfcore::agencies::MSD), sfcore::purpose::meeting, now};
    sfcore::sharing_consent_withdrawn withdrawal{sfcore::member_id{1}, std::nullopt, std::nullopt, "changed her mind"};
    const auto refresh = [](const sfcore::case_file& k) { std::cout << "case " << k.id().value() << "\n"; };
    {
        // @block
    }
    (void)version, (void)request, (void)withdrawal, (void)refresh, (void)store;
}
