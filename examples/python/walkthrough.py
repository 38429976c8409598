"""A family's case from Python: referred by Oranga Tamariki, read back."""

import datetime
from zoneinfo import ZoneInfo

import sfcore

NZ = ZoneInfo("Pacific/Auckland")

directory = sfcore.AgencyDirectory()
referral = sfcore.Referral(
    source=sfcore.ReferralSource.AGENCY,
    agency=directory.find("Oranga Tamariki"),
    received=datetime.date(2026, 11, 16),
    family_name="Ngata whānau",
    reasons=["parenting support"],
)
case = sfcore.Case.open(
    case_id=3,
    directory=directory,
    referral=referral,
    recorded_by="coordinator-1",
    recorded_at=datetime.datetime(2026, 11, 16, 9, 30, tzinfo=NZ),
)
print(f"Python | {case!r} referred by {directory[case.referral.agency].name}, state {case.state.name}")

try:
    sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=datetime.date(2026, 2, 30), family_name="x")
except ValueError as e:  # datetime refuses 30 February before sfcore sees it
    print(f"Python | bad date -> {e}")
try:
    sfcore.Case.open(case_id=4, directory=directory, referral=referral, recorded_by="c",
                     recorded_at=datetime.datetime(2026, 11, 16, 9, 30))
except sfcore.ArgumentError as e:
    print(f"Python | naive datetime -> {e.code.name}: {e}")
assert case.state == sfcore.State.REFERRED
