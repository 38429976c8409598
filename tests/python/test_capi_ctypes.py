"""A case through the C ABI alone, from Python's ctypes (no pybind11):
referral, written consent, a permitted and a refused decision, and an
archive round trip."""
import ctypes as C

import pytest

SF_OK, SF_ENULLARG, SF_ECHECKSUM = 0, -102, -503
PARTY_MEMBER, PARTY_AGENCY = 0, 1
MSD, POLICE = 1, 12
ROLE_PARENT = 0
CATEGORY_HOUSING = 6
PURPOSE_MEETING = 1
RULE_CONSENT, RULE_RECIPIENT_NOT_NAMED = 0, 2
ISSUE_HOUSING = 1
T0 = 1772395200  # 2026-03-02 09:00 in Auckland


class Party(C.Structure):
    _fields_ = [("kind", C.c_int), ("id", C.c_uint32)]


class Recipient(C.Structure):
    _fields_ = [("agency_id", C.c_uint32), ("practitioner_id", C.c_uint32)]


class Outcome(C.Structure):
    _fields_ = [("accepted", C.c_int), ("guard", C.c_int), ("from_state", C.c_int), ("to_state", C.c_int),
                ("assigned", C.c_uint32), ("reason", C.c_char_p), ("seq", C.c_uint64), ("missing", C.c_char_p)]


class Consent(C.Structure):
    _fields_ = [("subject", C.c_uint32), ("given_by", C.c_uint32), ("recipients", C.POINTER(Recipient)),
                ("recipient_count", C.c_size_t), ("categories", C.c_uint64), ("purposes", C.c_uint32),
                ("from_", C.c_int32), ("until", C.c_int32), ("signed_on", C.c_int32),
                ("form_version", C.c_char_p), ("child_views", C.c_char_p)]


class Request(C.Structure):
    _fields_ = [("discloser", Recipient), ("subjects", C.POINTER(C.c_uint32)), ("subject_count", C.c_size_t),
                ("category", C.c_int), ("recipient", Recipient), ("purpose", C.c_int), ("at", C.c_int64)]


class Decision(C.Structure):
    _fields_ = [("permit", C.c_int), ("rule", C.c_int), ("subject", C.c_uint32), ("consent", C.c_uint32),
                ("seq", C.c_uint64)]


@pytest.fixture()
def lib(c_library):
    L = c_library
    L.sf_error_last.restype = C.c_char_p
    L.sf_free.argtypes = [C.c_void_p]
    return L


def ok(lib, rc):
    assert rc == SF_OK, lib.sf_error_last().decode()


def test_a_case_through_the_c_abi_alone(lib):
    d, r, c, back = C.c_void_p(), C.c_void_p(), C.c_void_p(), C.c_void_p()
    ok(lib, lib.sf_directory_new(C.byref(d)))
    ok(lib, lib.sf_referral_new(C.byref(r), 1, 20260302, "Te Rangi whānau".encode()))
    ok(lib, lib.sf_case_open(C.byref(c), d, C.c_uint64(1), r, b"coordinator", C.c_int64(T0)))
    o = Outcome()
    ok(lib, lib.sf_case_accept_referral(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 3600), 0, None))
    assert o.accepted == 1 and o.seq == 2
    ok(lib, lib.sf_case_add_member(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 3600), "Hine".encode(),
                                   ROLE_PARENT, 19880514, 1))
    assert o.accepted == 1 and o.assigned == 1
    ok(lib, lib.sf_case_record_consent(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 7200), 1, 20260302,
                                       b"SF-2024", 0, None))
    assert o.accepted == 1
    # A refusal is a value: closing an open case is not in the table.
    ok(lib, lib.sf_case_close(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 7200)))
    assert o.accepted == 0 and o.reason and o.seq == 0

    areas = (C.c_int * 1)(ISSUE_HOUSING)  # housing is one of the family's key issues
    ok(lib, lib.sf_case_set_issue_areas(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 3 * 3600), areas, C.c_size_t(1)))
    assert o.accepted == 1
    msd = (Recipient * 1)(Recipient(MSD, 0))
    k = Consent(1, 1, msd, 1, 1 << CATEGORY_HOUSING, 1 << PURPOSE_MEETING, 20260101, 20261231, 20260302, b"v1", None)
    ok(lib, lib.sf_case_give_sharing_consent(C.byref(o), c, d, b"coordinator", C.c_int64(T0 + 3 * 3600), C.byref(k)))
    assert o.accepted == 1 and o.assigned == 1
    hine = (C.c_uint32 * 1)(1)
    req = Request(Recipient(MSD, 0), hine, 1, CATEGORY_HOUSING, Recipient(MSD, 0), PURPOSE_MEETING, T0 + 86400)
    dec = Decision()
    ok(lib, lib.sf_case_decide(C.byref(dec), c, d, C.byref(req), b"msd-worker"))
    assert (dec.permit, dec.rule, dec.consent, dec.seq) == (1, RULE_CONSENT, 1, 7)
    req.recipient = Recipient(POLICE, 0)
    ok(lib, lib.sf_case_decide(C.byref(dec), c, d, C.byref(req), b"constable"))
    assert (dec.permit, dec.rule, dec.seq) == (0, RULE_RECIPIENT_NOT_NAMED, 8)
    text = C.c_void_p()
    ok(lib, lib.sf_case_explain(C.byref(text), c, C.c_uint64(dec.seq)))
    assert "recipient" in C.string_at(text).decode()
    lib.sf_free(text)
    ok(lib, lib.sf_decision_reason(C.byref(text), c, C.byref(dec)))
    assert C.string_at(text).decode() == "Disclosure is not permitted (reference 1/8)."
    lib.sf_free(text)

    # An archive round trip, and a damaged archive refused.
    data, size = C.POINTER(C.c_uint8)(), C.c_size_t()
    ok(lib, lib.sf_case_save(C.byref(data), C.byref(size), c, 1, None))
    ok(lib, lib.sf_case_load(C.byref(back), data, size, None, C.c_size_t(0)))
    n1, n2 = C.c_size_t(), C.c_size_t()
    ok(lib, lib.sf_case_event_count(C.byref(n1), c))
    ok(lib, lib.sf_case_event_count(C.byref(n2), back))
    assert n1.value == n2.value == 8  # the decisions are entries of the same journal
    data[size.value - 1] ^= 1
    damaged = C.c_void_p()
    assert lib.sf_case_load(C.byref(damaged), data, size, None, C.c_size_t(0)) == SF_ECHECKSUM
    assert not damaged.value
    lib.sf_free(data)
    assert lib.sf_case_state(None, c) == SF_ENULLARG
    for h, free in ((back, lib.sf_case_free), (c, lib.sf_case_free), (r, lib.sf_referral_free),
                    (d, lib.sf_directory_free)):
        free(h)
