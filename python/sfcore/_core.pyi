"""Type stubs for sfcore._core (the compiled core)."""

import datetime
import enum
from typing import Iterator, List, Optional

__version__: str
VERSION_NUMBER: int

class ErrorCode(enum.IntEnum):
    INVALID_ARGUMENT = 101
    NULL_ARGUMENT = 102
    INVALID_UTF8 = 103
    OUT_OF_RANGE = 104
    NOT_FOUND = 105
    ALREADY_EXISTS = 106
    BUFFER_TOO_SMALL = 107
    TRANSITION_REFUSED = 201
    INVALID_CONSENT = 301
    INVALID_REQUEST = 401
    MALFORMED = 501
    UNSUPPORTED_VERSION = 502
    CHECKSUM_MISMATCH = 503
    CONFLICT = 504
    IO_ERROR = 505
    OUT_OF_MEMORY = 901
    INTERNAL = 902

class SfcoreError(Exception):
    code: ErrorCode

class ArgumentError(SfcoreError, ValueError): ...
class LifecycleError(SfcoreError, RuntimeError): ...
class ConsentError(SfcoreError, RuntimeError): ...
class DisclosureError(SfcoreError, RuntimeError): ...
class StorageError(SfcoreError, OSError): ...
class InternalError(SfcoreError, RuntimeError): ...

class ReferralSource(enum.IntEnum):
    AGENCY = 0
    FAMILY = 1
    @property
    def label(self) -> str: ...

class Programme(enum.IntEnum):
    STRENGTHENING_FAMILIES = 0
    CHILDRENS_TEAM = 1
    INTENSIVE_INTERVENTION = 2
    @property
    def label(self) -> str: ...

class AgencyKind(enum.IntEnum):
    GOVERNMENT = 0
    NGO = 1
    IWI = 2
    COMMUNITY = 3
    @property
    def label(self) -> str: ...

class State(enum.IntEnum):
    REFERRED = 0
    DECLINED = 1
    AWAITING_CONSENT = 2
    PREPARING = 3
    MEETING_SCHEDULED = 4
    PLAN_ACTIVE = 5
    UNDER_REVIEW = 6
    CLOSING = 7
    CLOSED = 8
    @property
    def label(self) -> str: ...

class EventType(enum.IntEnum):
    REFERRAL_RECEIVED = 0
    REFERRAL_ACCEPTED = 1
    REFERRAL_DECLINED = 2
    MEMBER_ADDED = 3
    CONSENT_RECORDED = 4
    CONSENT_WITHDRAWN = 5
    ROLES_ASSIGNED = 6
    PREPARATION_STARTED = 7
    PRIORITIES_SET = 8
    INVITEE_APPROVED = 9
    INVITEE_WITHDRAWN = 10
    MEETING_SCHEDULED = 11
    MEETING_HELD = 12
    PLAN_AGREED = 13
    PLAN_REVISED = 14
    ACTION_UPDATED = 15
    REVIEW_SCHEDULED = 16
    ESCALATED = 17
    CLOSURE_STARTED = 18
    FINAL_REPORT_SUBMITTED = 19
    CASE_CLOSED = 20
    CASE_REOPENED = 21
    @property
    def label(self) -> str: ...

class Agency:
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> AgencyKind: ...

class AgencyDirectory:
    def __init__(self) -> None: ...
    def add(self, name: str, kind: AgencyKind) -> int: ...
    def find(self, name: str) -> int: ...
    def __getitem__(self, agency_id: int) -> Agency: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Agency]: ...

class Referral:
    def __init__(
        self,
        *,
        source: ReferralSource,
        received: datetime.date,
        family_name: str,
        agency: Optional[int] = None,
        practitioner: str = "",
        reasons: List[str] = [],
        programme: Programme = Programme.STRENGTHENING_FAMILIES,
    ) -> None: ...
    @property
    def source(self) -> ReferralSource: ...
    @property
    def received(self) -> datetime.date: ...
    @property
    def family_name(self) -> str: ...
    @property
    def agency(self) -> Optional[int]: ...
    @property
    def practitioner(self) -> str: ...
    @property
    def reasons(self) -> List[str]: ...
    @property
    def programme(self) -> Programme: ...

class Event:
    @property
    def type(self) -> EventType: ...
    @property
    def when(self) -> datetime.datetime: ...
    @property
    def who(self) -> str: ...

class Case:
    @staticmethod
    def open(
        *,
        case_id: int,
        directory: AgencyDirectory,
        referral: Referral,
        recorded_by: str,
        recorded_at: datetime.datetime,
    ) -> Case: ...
    @property
    def id(self) -> int: ...
    @property
    def state(self) -> State: ...
    @property
    def programme(self) -> Programme: ...
    @property
    def referral(self) -> Referral: ...
    @property
    def journal(self) -> List[Event]: ...
