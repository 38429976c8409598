// The guide's encrypted case: a host's key vault (one 32-byte key,
// "2026-12"), a directory, a referral and the instant.
#include <iostream>
#include <sfcore/sfcore.hpp>

struct key_vault {
    std::vector<std::uint8_t> key(const std::string& id) const {
        return id == "2026-12" ? std::vector<std::uint8_t>(32, 0x5a) : std::vector<std::uint8_t>{};
    }
};

int main() {
    key_vault vault;
    sfcore::agency_directory directory;
    sfcore::referral referral;
    referral.received = sfcore::make_date(2026, 3, 2);
    referral.family_name = "Te Rangi whānau";
    const sfcore::instant now = sfcore::nz_time(sfcore::make_date(2026, 3, 2), 9, 0);
    // @block
}
