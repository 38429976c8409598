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
