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
