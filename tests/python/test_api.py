"""The module as a whole: every class has a __repr__, every public name is exercised by a test, and bad
input from Python is a clear exception, never a crash."""

import datetime
import enum
import inspect
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import sfcore
from sfcore import _core, sample

NZ = ZoneInfo("Pacific/Auckland")
HERE = Path(__file__).resolve().parent


def bound_classes():
    for name in dir(_core):
        obj = getattr(_core, name)
        if inspect.isclass(obj) and not issubclass(obj, (enum.Enum, BaseException)):
            yield name, obj


def test_every_class_has_its_own_repr_that_names_it():
    missing = [name for name, cls in bound_classes() if "__repr__" not in vars(cls)]
    assert not missing, missing
    # Where a class can be made without arguments, its repr starts with its name.
    made = 0
    for name, cls in bound_classes():
        try:
            obj = cls()
        except TypeError:
            continue
        made += 1
        assert repr(obj).startswith(name), (name, repr(obj))
    assert made >= 5


def test_every_public_name_and_member_appears_in_a_test():
    text = "".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    missing = [n for n in dir(_core) if not n.startswith("_") and n not in words]
    for name, cls in bound_classes():
        missing += [f"{name}.{m}" for m in vars(cls) if not m.startswith("_") and m not in words]
    assert not missing, f"not exercised by any test: {missing}"


def test_wrong_types_are_type_errors_that_name_the_argument():
    with pytest.raises(TypeError) as e:
        sfcore.Member(name=42)
    assert str(e.value) == "Member(): name is int, not str"
    with pytest.raises(TypeError):
        sfcore.Party.agency("MSD")
    with pytest.raises(sfcore.ArgumentError):  # an int, but no id is negative
        sfcore.Party.agency(-1)
    with pytest.raises(TypeError):
        sfcore.Meeting(start=datetime.date(2026, 1, 1), venue="x")  # a date is not an instant
    with pytest.raises(TypeError):
        sfcore.HolidayCalendar().is_working_day(datetime.datetime(2026, 1, 1, tzinfo=NZ))  # nor the reverse
    with pytest.raises(TypeError):
        sfcore.Case.open(1, None, None, "c", None)  # keyword-only


def test_values_out_of_range_are_argument_errors():
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.Meeting(start=datetime.datetime(1850, 1, 1, tzinfo=NZ), venue="x")
    assert e.value.code == sfcore.ErrorCode.OUT_OF_RANGE
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.Member(name="x", born=datetime.date(2200, 1, 1))
    assert e.value.code == sfcore.ErrorCode.OUT_OF_RANGE
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Party.agency(2 ** 40)  # an id does not fit
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Store(":memory:").load(0)


def test_invalid_utf8_from_bytes_is_refused_with_its_code():
    d = sfcore.AgencyDirectory()
    with pytest.raises(sfcore.ArgumentError) as e:
        d.add(b"Trust \xff", sfcore.AgencyKind.NGO)  # bytes reach the core as they are: checked there
    assert e.value.code == sfcore.ErrorCode.INVALID_UTF8
    with pytest.raises((TypeError, UnicodeEncodeError)):
        d.add("Trust \udc80", sfcore.AgencyKind.NGO)  # a lone surrogate cannot become UTF-8 at all
    assert len(d) == 12  # nothing was added


def test_nothing_recorded_is_lost_by_bad_input():
    d = sample.directory()
    f = sample.family_case(d, 1, "plan_active", sharing=True)
    before, head = f.case.to_bytes(), f.case.head
    for bad in (lambda: f.case.record(sfcore.ActionUpdated(action=99, status="done"), directory=d, recorded_by="c",
                                      at=f.clock.tick()),
                lambda: f.case.record(sfcore.PlanRevised(plan=sfcore.Plan(revision_reason="x", lead_agency=999)),
                                      directory=d, recorded_by="c", at=f.clock.tick()),
                lambda: f.case.record(sfcore.SharingConsentWithdrawn(subject=7), directory=d, recorded_by="c",
                                      at=f.clock.tick()),
                lambda: f.case.record(sfcore.ConfidentialMarked(subject=1, category="nothing"), directory=d,
                                      recorded_by="c", at=f.clock.tick()),
                lambda: f.case.decide(directory=d, discloser=sfcore.Recipient(agency_id=1), subjects=[1, 99],
                                      category="housing", recipient=sfcore.Recipient(agency_id=2), purpose="meeting",
                                      at=f.clock.tick(), actor="x"),
                lambda: f.case.view([sfcore.InfoItem(subjects=1, category="housing", content="x")], directory=d,
                                    recipient=sfcore.Recipient(agency_id=999), purpose="meeting", at=f.clock.tick(),
                                    actor="x"),
                lambda: f.case.record(sfcore.PrioritiesSet(needs=["x"]), directory=d, recorded_by="c",
                                      at=datetime.datetime(2020, 1, 1, tzinfo=NZ))):
        with pytest.raises(sfcore.SfcoreError):
            bad()
    assert f.case.to_bytes() == before and f.case.head == head and f.case.verify()
