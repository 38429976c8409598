"""The vertical slice from Python: a case from a referral, its state read back."""

import datetime
from zoneinfo import ZoneInfo

import pytest

import sfcore

NZ = ZoneInfo("Pacific/Auckland")
AT = datetime.datetime(2026, 11, 16, 9, 30, tzinfo=NZ)


def school_referral(directory):
    return sfcore.Referral(
        source=sfcore.ReferralSource.AGENCY,
        agency=directory.find("Ministry of Education"),
        practitioner="Aroha Ngata",
        received=datetime.date(2026, 11, 2),
        family_name="Te Rangi whānau",
        reasons=["school attendance", "housing"],
    )


def test_agency_referral_opens_a_referred_case():
    d = sfcore.AgencyDirectory()
    c = sfcore.Case.open(case_id=1, directory=d, referral=school_referral(d), recorded_by="coordinator-1",
                         recorded_at=AT)
    assert c.state == sfcore.State.REFERRED
    assert c.id == 1
    assert c.programme == sfcore.Programme.STRENGTHENING_FAMILIES
    assert c.referral.family_name == "Te Rangi whānau"
    assert c.referral.received == datetime.date(2026, 11, 2)
    assert d[c.referral.agency].name == "Ministry of Education"
    assert c.referral.reasons == ["school attendance", "housing"]
    (event,) = c.journal
    assert event.type == sfcore.EventType.REFERRAL_RECEIVED
    assert event.who == "coordinator-1"
    assert event.when == AT
    assert event.when.tzinfo is not None
    assert "REFERRED" in repr(c) and "Te Rangi whānau" in repr(c)


def test_self_referral_names_no_agency():
    d = sfcore.AgencyDirectory()
    r = sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=datetime.date(2026, 11, 20),
                        family_name="Ōtāhuhu whānau")
    c = sfcore.Case.open(case_id=2, directory=d, referral=r, recorded_by="c", recorded_at=AT)
    assert c.referral.agency is None
    assert c.referral.source == sfcore.ReferralSource.FAMILY
    assert c.referral.family_name == "Ōtāhuhu whānau"


def test_directory_lists_the_standard_agencies_and_takes_more():
    d = sfcore.AgencyDirectory()
    assert len(d) == 12
    assert [a.name for a in d][:2] == ["Ministry of Social Development", "ACC"]
    new = d.add("Te Whare Awhina Trust", sfcore.AgencyKind.NGO)
    assert d[new].kind == sfcore.AgencyKind.NGO
    assert "Te Whare Awhina Trust" in repr(d[new])
    with pytest.raises(sfcore.ArgumentError) as e:
        d.add("ACC", sfcore.AgencyKind.GOVERNMENT)
    assert e.value.code == sfcore.ErrorCode.ALREADY_EXISTS


def test_unknown_agency_is_an_argument_error_with_a_code():
    d = sfcore.AgencyDirectory()
    r = sfcore.Referral(source=sfcore.ReferralSource.AGENCY, agency=999, received=datetime.date(2026, 11, 2),
                        family_name="x")
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.Case.open(case_id=1, directory=d, referral=r, recorded_by="c", recorded_at=AT)
    assert e.value.code == sfcore.ErrorCode.NOT_FOUND
    assert "no agency 999" in str(e.value)
    assert isinstance(e.value, sfcore.SfcoreError)
    assert isinstance(e.value, ValueError)


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        sfcore.Referral(source=1.5, received=datetime.date(2026, 11, 2), family_name="x")
    with pytest.raises(sfcore.ArgumentError):  # a name that is no referral source
        sfcore.Referral(source="charity", received=datetime.date(2026, 11, 2), family_name="x")
    with pytest.raises(TypeError):
        sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received="2026-11-02", family_name="x")
    with pytest.raises(TypeError):
        sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=AT, family_name="x")


def test_naive_datetime_is_refused():
    d = sfcore.AgencyDirectory()
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.Case.open(case_id=1, directory=d, referral=school_referral(d), recorded_by="c",
                         recorded_at=datetime.datetime(2026, 11, 16, 9, 30))
    assert e.value.code == sfcore.ErrorCode.INVALID_ARGUMENT
    assert "timezone-aware" in str(e.value)


def test_dates_out_of_range_are_refused():
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=datetime.date(1850, 1, 1), family_name="x")
    assert e.value.code == sfcore.ErrorCode.OUT_OF_RANGE


def test_blank_family_name_is_refused():
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=datetime.date(2026, 1, 5), family_name="  ")


def test_surrogates_cannot_reach_the_core():
    # A lone surrogate cannot be encoded as UTF-8: refused before sfcore sees it.
    with pytest.raises((UnicodeEncodeError, TypeError, sfcore.ArgumentError)):
        sfcore.Referral(source=sfcore.ReferralSource.FAMILY, received=datetime.date(2026, 1, 5),
                        family_name="wh\udc80nau")
