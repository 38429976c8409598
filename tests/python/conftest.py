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
    """A directory and a family with two members (an adult and a child), ready to share."""

    def __init__(self, stage="preparing"):
        self.dir = sample.directory()
        self.f = sample.family_case(self.dir, 1, stage, seed=3)
        self.case = self.f.case
        self.msd = self.dir.find("Ministry of Social Development")
        self.moe = self.dir.find("Ministry of Education")
        self.police = self.dir.find("New Zealand Police")
        self.trust = self.dir.find("Te Whare Awhina Trust")
        self.sam = sample.practitioner(self.dir, "Sam Wilson")
        self.adult, self.child = (m.id for m in self.case.members)

    def tick(self, hours=1):
        return self.f.clock.tick(datetime.timedelta(hours=hours))

    def agency(self, agency_id):
        return sfcore.Recipient(agency_id=agency_id)

    def record(self, payload, by="coordinator"):
        """Offer a fact an hour after the last; returns the Outcome (accepted or refused)."""
        return self.case.record(payload, directory=self.dir, recorded_by=by, at=self.tick())

    def consent(self, **kw):
        """The adult's consent to MSD and the named teacher for housing and education, every purpose, for 2026."""
        fields = dict(subject=self.adult, recipients=[self.agency(self.msd), self.dir.practitioner(self.sam)],
                      categories=["housing", sfcore.Category.EDUCATION], purposes=list(sfcore.Purpose),
                      valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 12, 31),
                      signed_on=datetime.date(2026, 3, 2), form_version="v1")
        fields.update(kw)
        return sfcore.SharingConsentGiven(**fields)

    def share(self):
        """Issue areas (housing, education) and the adult's consent, recorded."""
        assert self.record(sfcore.IssueAreasSet([sfcore.IssueArea.HOUSING, sfcore.IssueArea.EDUCATION]))
        assert self.record(self.consent())
        return self

    def ask(self, *, subjects=None, category="housing", recipient=None, at=None, decide=False):
        kw = dict(directory=self.dir, discloser=self.agency(self.moe), subjects=self.adult if subjects is None else subjects,
                  category=category, recipient=recipient or self.agency(self.msd), purpose=sfcore.Purpose.MEETING,
                  at=at or self.tick())
        return self.case.decide(**kw, actor="worker") if decide else self.case.check(**kw)


@pytest.fixture
def world():
    return World()
