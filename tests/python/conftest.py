import ctypes
import datetime
import os
from zoneinfo import ZoneInfo

import pytest

import sfcore
from sfcore import sample

NZ = ZoneInfo("Pacific/Auckland")


@pytest.fixture(scope="session")
def c_library():
    """libsfcore_c, when the build says where it is (the build tree's tests do)."""
    path = os.environ.get("SFCORE_C_LIBRARY")
    if not path:
        pytest.skip("SFCORE_C_LIBRARY is not set: run through ctest to check the C library")
    return ctypes.CDLL(path)


@pytest.fixture
def directory():
    """The sample directory: the government agencies, NGOs, an iwi provider and named practitioners."""
    return sample.directory()


@pytest.fixture
def family(directory):
    """The Te Rangi whānau's case, prepared: two members consented, agencies approved."""
    return sample.family_case(directory, 1, "preparing", seed=3)


class World:
    """A directory and a family with two members (an adult and a child), ready for a ledger."""

    def __init__(self, stage="preparing"):
        self.dir = sample.directory()
        self.f = sample.family_case(self.dir, 1, stage, seed=3)
        self.case = self.f.case
        self.msd = self.dir.find("Ministry of Social Development")
        self.moe = self.dir.find("Ministry of Education")
        self.police = self.dir.find("New Zealand Police")
        self.sam = sample.practitioner(self.dir, "Sam Wilson")
        self.adult, self.child = (m.id for m in self.case.members)

    def tick(self, hours=1):
        return self.f.clock.tick(datetime.timedelta(hours=hours))

    def ledger(self, **kw):
        """A ledger with the adult's consent to MSD and the named teacher for housing and education."""
        led = sfcore.Ledger(self.case, self.dir, **kw)
        led.set_issue_areas([sfcore.IssueArea.HOUSING, sfcore.IssueArea.EDUCATION], recorded_by="c", at=self.tick())
        led.give(subject=self.adult, recipients=[sfcore.Party.agency(self.msd), sfcore.Party.practitioner(self.sam)],
                 categories=["housing", sfcore.Category.EDUCATION], purposes=list(sfcore.Purpose),
                 valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 12, 31),
                 signed_on=datetime.date(2026, 3, 2), form_version="v1", recorded_by="c", at=self.tick())
        return led

    def ask(self, led, *, subjects=None, category="housing", recipient=None, at=None, decide=False):
        kw = dict(discloser=sfcore.Party.agency(self.moe), subjects=self.adult if subjects is None else subjects,
                  category=category, recipient=recipient or sfcore.Party.agency(self.msd),
                  purpose=sfcore.Purpose.MEETING, at=at or self.tick())
        return led.decide(**kw, actor="worker") if decide else led.check(**kw)


@pytest.fixture
def world():
    return World()
