"""The exception hierarchy and the codes come from the one error table."""

import sfcore


def test_every_family_derives_from_sfcore_error():
    for name in ["ArgumentError", "LifecycleError", "ConsentError", "DisclosureError", "StorageError",
                 "InternalError"]:
        cls = getattr(sfcore, name)
        assert issubclass(cls, sfcore.SfcoreError), name
    assert issubclass(sfcore.ArgumentError, ValueError)
    assert issubclass(sfcore.SfcoreError, Exception)


def test_codes_have_stable_numbers():
    assert int(sfcore.ErrorCode.INVALID_ARGUMENT) == 101
    assert int(sfcore.ErrorCode.INVALID_UTF8) == 103
    assert int(sfcore.ErrorCode.NOT_FOUND) == 105
    assert int(sfcore.ErrorCode.TRANSITION_REFUSED) == 201
    assert int(sfcore.ErrorCode.OK) == 0
    assert all(100 <= int(c) < 1000 for c in sfcore.ErrorCode if c != sfcore.ErrorCode.OK)


def test_codes_match_the_c_table(c_library):
    import ctypes

    name = ctypes.c_char_p()
    for member in sfcore.ErrorCode:
        assert c_library.sf_status_name(ctypes.byref(name), -int(member)) == 0
        if member == sfcore.ErrorCode.OK:
            assert name.value == b"SF_OK"
        else:
            assert name.value.startswith(b"SF_E")


def test_common_slips_are_named_plainly(world):
    import datetime

    import pytest

    def message(f):
        with pytest.raises(TypeError) as e:
            f()
        return str(e.value)

    consent = dict(subject=world.adult, recipients=[world.agency(world.msd)], categories=["housing"],
                   purposes=[sfcore.Purpose.MEETING], valid_from=datetime.date(2026, 1, 1),
                   signed_on=datetime.date(2026, 3, 2), form_version="v1")
    assert message(lambda: sfcore.SharingConsentGiven(**consent)) == "SharingConsentGiven() needs valid_until"
    assert message(lambda: sfcore.SharingConsentGiven(**consent, valid_until="2026-12-31")) == (
        "SharingConsentGiven(): valid_until is str, not datetime.date")
    assert message(lambda: sfcore.SharingConsentGiven(**consent, valid_until=datetime.datetime(2026, 12, 31))) == (
        "SharingConsentGiven(): valid_until is datetime.datetime, not datetime.date")
    unknown = message(lambda: sfcore.SharingConsentGiven(**consent, valid_till=datetime.date(2026, 12, 31)))
    assert unknown.startswith("SharingConsentGiven() has no argument 'valid_till'; its arguments are subject, ")
    assert message(lambda: sfcore.Member("Hine")) == "Member() takes keyword arguments only, e.g. Member(name=…)"
    assert "Case.open(" in message(lambda: sfcore.Case())
    refused = message(lambda: world.case.record("PreparationStarted", directory=world.dir, recorded_by="c",
                                                at=world.tick()))
    assert refused.startswith("record(): the payload is a str, and must be one of sfcore's payload classes")
    assert len(refused) < 200
    assert "would_accept(): the payload is a int" in message(
        lambda: world.case.would_accept(3, directory=world.dir, recorded_by="c", at=world.tick()))
    # A call that works is unchanged, and so is an error the module raises itself.
    assert sfcore.SharingConsentGiven(**consent, valid_until=datetime.date(2026, 12, 31)).form_version == "v1"
    with pytest.raises(sfcore.ArgumentError):
        world.case.record(sfcore.MemberAdded(member=sfcore.Member(name=" ")), directory=world.dir, recorded_by="c",
                          at=world.tick())


def test_a_member_from_another_case_is_refused_not_taken_for_this_cases_member_of_the_same_number(world):
    import pytest

    world.share()
    other = sfcore.sample.family_case(world.dir, 2, "preparing", seed=9).case
    here, there = world.case.members[0], other.members[0]
    assert (here.id, there.id) == (1, 1) and here != there
    assert here.case_id == 1 and there.case_id == 2 and world.case.member(1).case_id == 1

    # This case's own Member is its id.
    assert world.ask(subjects=here) == world.ask(subjects=here.id)
    assert world.ask(subjects=[here, world.child]).rule == world.ask(subjects=[here.id, world.child]).rule
    assert world.case.member(here) == here
    assert world.case.disclosures_about(here) == world.case.disclosures_about(here.id)
    assert str(world.case.notice(here, directory=world.dir, purpose=sfcore.Purpose.MEETING, at=world.tick())) == \
        str(world.case.notice(here.id, directory=world.dir, purpose=sfcore.Purpose.MEETING, at=world.tick()))

    # Another case's Member of the same number is refused wherever the case takes a member, and nothing is recorded.
    before = len(world.case.journal)
    calls = [lambda: world.ask(subjects=there), lambda: world.ask(subjects=[here, there], decide=True),
             lambda: world.ask(subjects=there, decide=True), lambda: world.case.member(there),
             lambda: world.case.member_history(there), lambda: world.case.disclosures_about(there),
             lambda: world.case.notice(there, directory=world.dir, purpose=sfcore.Purpose.MEETING, at=world.tick())]
    for call in calls:
        with pytest.raises(sfcore.ArgumentError) as e:
            call()
        assert e.value.code == sfcore.ErrorCode.INVALID_ARGUMENT
        assert "member 1 of case 2, not of case 1" in str(e.value)
    assert len(world.case.journal) == before

    # A Member never added has no number to take; a copy carries no case and counts by its id.
    with pytest.raises(sfcore.ArgumentError) as e:
        world.ask(subjects=sfcore.Member(name="Ana"))
    assert "has not been added to a case" in str(e.value)
    import copy

    assert not hasattr(copy.copy(there), "case_id")
    assert world.ask(subjects=copy.copy(there)) == world.ask(subjects=1)


def test_a_practitioner_or_agency_from_another_directory_is_refused(world):
    import pytest

    world.share()
    elsewhere = sfcore.AgencyDirectory()
    trust = elsewhere.add("Another trust", sfcore.AgencyKind.NGO)
    someone = elsewhere.add_practitioner(trust, "Someone Else")
    for stranger in (elsewhere.practitioner(someone), elsewhere[trust]):
        for role in ("discloser", "recipient"):
            with pytest.raises(sfcore.ArgumentError) as e:
                world.case.check(**{**dict(directory=world.dir, discloser=world.agency(world.moe), subjects=world.adult,
                                           category="housing", recipient=world.agency(world.msd),
                                           purpose=sfcore.Purpose.MEETING, at=world.tick()), role: stranger})
            assert "is not the directory's" in str(e.value)
    # The directory's own objects are taken as their ids.
    own = world.dir.practitioner(world.sam)
    assert world.ask(recipient=own) == world.ask(recipient=sfcore.Recipient(agency_id=own.agency, practitioner_id=own.id))
    assert world.ask(recipient=world.dir[world.msd]) == world.ask(recipient=world.agency(world.msd))
