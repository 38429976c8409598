# The guide's encrypted case in Python: a host's key vault (one 32-byte key, "2026-12"), a directory, a
# referral and the instant.
import datetime
import zoneinfo

import sfcore


class KeyVault:
    def key(self, key_id):
        return bytes([0x5A] * 32) if key_id == "2026-12" else b""


vault = KeyVault()
d = sfcore.AgencyDirectory()
now = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Pacific/Auckland"))
r = sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=now.date(), family_name="Te Rangi whānau")
# @block
