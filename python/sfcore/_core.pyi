"""Type stubs for sfcore._core, generated from the module by scripts/gen_stubs.py (make stubs)."""

import datetime
import enum
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

Buffer = Union[bytes, bytearray, memoryview]

class SfcoreError(Exception):
    """The root of every sfcore exception. .code is an ErrorCode; str() reads '[sfcore.error.NNN] meaning: detail'. A refusal by a rule is a returned value, never an exception."""
    code: ErrorCode

ARCHIVE_FORMAT_VERSION: int

class Action:
    """One action of a plan: who does what, by when."""
    def __copy__(self) -> Action: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Action: ...
    def __eq__(self, arg0: Action) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, description: str, owner: Optional[Party] = ..., due: Optional[datetime.date] = ..., status: ActionStatus = ..., support: SupportType = ..., need: str = ..., id: int = ...) -> None:
        """An action. Leave id 0 for a new one; in a revised plan, keep an action's id to carry it over."""
    def __repr__(self) -> str: ...
    @property
    def description(self) -> str:
        """What will be done."""
    @description.setter
    def description(self, value: str) -> None: ...
    @property
    def due(self) -> Optional[datetime.date]:
        """By when."""
    @due.setter
    def due(self, value: Optional[datetime.date]) -> None: ...
    @property
    def id(self) -> int:
        """Its number in the case (assigned when first agreed)."""
    @id.setter
    def id(self, value: int) -> None: ...
    @property
    def need(self) -> str:
        """The family's need or priority it addresses, in their words."""
    @need.setter
    def need(self, value: str) -> None: ...
    @property
    def owner(self) -> Optional[Party]:
        """Who does it: an agency, a practitioner or a family member."""
    @owner.setter
    def owner(self, value: Optional[Party]) -> None: ...
    @property
    def status(self) -> ActionStatus:
        """How it stands."""
    @status.setter
    def status(self, value: ActionStatus) -> None: ...
    @property
    def support(self) -> SupportType:
        """The kind of support it is."""
    @support.setter
    def support(self, value: SupportType) -> None: ...

class ActionStatus(enum.IntEnum):
    """The status of an action in a plan.

    Members (value: label):

    - OPEN = 0: not started
    - IN_PROGRESS = 1: in progress
    - DONE = 2: done
    - NOT_DONE = 3: not done (dropped)
    """
    OPEN = 0
    IN_PROGRESS = 1
    DONE = 2
    NOT_DONE = 3
    @property
    def label(self) -> str:
        """The plain-language label."""

class ActionUpdated:
    """An action's status changes."""
    def __copy__(self) -> ActionUpdated: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ActionUpdated: ...
    def __eq__(self, arg0: ActionUpdated) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, action: int, status: ActionStatus, note: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def action(self) -> int:
        ...
    @action.setter
    def action(self, value: int) -> None: ...
    @property
    def note(self) -> str:
        ...
    @note.setter
    def note(self, value: str) -> None: ...
    @property
    def status(self) -> ActionStatus:
        ...
    @status.setter
    def status(self, value: ActionStatus) -> None: ...

class Agency:
    """An agency in the directory (read only)."""
    def __eq__(self, arg0: Agency) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def id(self) -> int:
        """Its id in the directory."""
    @property
    def kind(self) -> AgencyKind:
        """Government, NGO, iwi or community."""
    @property
    def name(self) -> str:
        """Its name."""

class AgencyDirectory:
    """The agencies (and their named practitioners) a case may name. A new directory holds MSD and the eleven other government agencies of Strengthening Families, with fixed ids; NGOs, iwi and community groups are added."""
    def __contains__(self, agency_id: int) -> bool: ...
    def __getitem__(self, agency_id: int) -> Agency:
        """The agency with an id. Raises ArgumentError (NOT_FOUND) when there is none."""
    def __getstate__(self) -> bytes: ...
    def __init__(self) -> None: ...
    def __iter__(self) -> Iterator[Any]:
        """Every agency, in id order."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: bytes) -> None: ...
    def add(self, name: str, kind: AgencyKind = ...) -> int:
        """Add an agency and return its new id. Raises ArgumentError for a blank, taken or non-UTF-8 name."""
    def add_practitioner(self, agency: int, name: str) -> int:
        """Add a named worker of an agency and return their new id. Raises ArgumentError (NOT_FOUND, INVALID_UTF8, INVALID_ARGUMENT)."""
    @property
    def agencies(self) -> List[Agency]:
        """Every agency, in id order."""
    def find(self, name: str) -> int:
        """The id of the agency with this exact name. Raises ArgumentError (NOT_FOUND) when there is none."""
    @staticmethod
    def from_bytes(data: Buffer) -> AgencyDirectory:
        """Load a directory from an archive. Raises StorageError for a damaged or foreign archive."""
    def practitioner(self, practitioner_id: int) -> Practitioner:
        """The practitioner with an id. Raises ArgumentError (NOT_FOUND)."""
    @property
    def practitioners(self) -> List[Practitioner]:
        """Every practitioner, in id order."""
    def to_bytes(self, encoding: ArchiveEncoding = ...) -> bytes:
        """The directory as an archive."""

class AgencyKind(enum.IntEnum):
    """Kinds of agency in the directory.

    Members (value: label):

    - GOVERNMENT = 0: government agency
    - NGO = 1: non-government organisation
    - IWI = 2: iwi or Māori organisation
    - COMMUNITY = 3: community organisation
    """
    GOVERNMENT = 0
    NGO = 1
    IWI = 2
    COMMUNITY = 3
    @property
    def label(self) -> str:
        """The plain-language label."""

class ArchiveContent(enum.IntEnum):
    """What an archive holds.

    Members (value: label):

    - CASE_JOURNAL = 1: a case: its id and journal
    - LEDGER = 2: a disclosure ledger with its audit log
    - AUDIT = 3: an audit log
    - DIRECTORY = 4: an agency directory
    """
    CASE_JOURNAL = 1
    LEDGER = 2
    AUDIT = 3
    DIRECTORY = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class ArchiveEncoding(enum.IntEnum):
    """How an archive's payload is encoded: binary for storage, text to inspect.

    Members (value: label):

    - BINARY = 1: compact binary, for storage
    - TEXT = 2: text, for inspection
    """
    BINARY = 1
    TEXT = 2
    @property
    def label(self) -> str:
        """The plain-language label."""

class ArchiveInfo:
    """What an archive's frame says."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def content(self) -> ArchiveContent:
        ...
    @property
    def encoding(self) -> ArchiveEncoding:
        ...
    @property
    def format_version(self) -> int:
        ...
    @property
    def payload_size(self) -> int:
        ...

class ArgumentError(SfcoreError, ValueError):
    """sfcore errors of the argument family (codes 1xx): a bad argument: wrong value, NULL, invalid UTF-8, unknown id."""

class AuditEntry:
    """One entry of the audit log (read only)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def actor(self) -> str:
        """Who did it."""
    @property
    def at(self) -> datetime.datetime:
        ...
    @property
    def hash(self) -> str:
        """SHA-256 of prev and the fields, in hex."""
    @property
    def kind(self) -> AuditKind:
        ...
    @property
    def prev(self) -> str:
        """The hash before, in hex."""
    @property
    def seq(self) -> int:
        """1, 2, 3, … in order."""
    @property
    def text(self) -> str:
        """What, in a canonical one-line form."""

class AuditKind(enum.IntEnum):
    """Kinds of audit entry.

    Members (value: label):

    - DECISION = 0: disclosure decision
    - SHARING = 1: sharing without consent
    - DECLINED = 2: request declined
    - VIEW = 3: filtered view
    - CONSENT_CHANGE = 4: consent recorded or withdrawn
    """
    DECISION = 0
    SHARING = 1
    DECLINED = 2
    VIEW = 3
    CONSENT_CHANGE = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class AuditLog:
    """A tamper-evident, append-only log: every entry is chained to the one before by SHA-256, so verify() detects any change, deletion or reordering."""
    def __getitem__(self, index: int) -> AuditEntry: ...
    def __getstate__(self) -> bytes: ...
    def __init__(self) -> None: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: bytes) -> None: ...
    def append(self, at: datetime.datetime, kind: AuditKind, actor: str, text: str) -> AuditEntry:
        """Append an entry and return it. Raises ArgumentError (an instant earlier than the last entry's, a blank actor)."""
    def by(self, kind: AuditKind, actor: str = ...) -> List[AuditEntry]:
        """The entries of one kind by one actor ('' for any): the access log answers who viewed what."""
    @staticmethod
    def from_bytes(data: Buffer) -> AuditLog:
        """Load a log from an archive (then verify())."""
    @staticmethod
    def from_text(text: str) -> AuditLog:
        """Read a log saved by to_text() (the chain is not checked: call verify()). Raises StorageError (MALFORMED)."""
    def to_bytes(self, encoding: ArchiveEncoding = ...) -> bytes:
        """The log as an archive."""
    def to_text(self) -> str:
        """The log as text: one line an entry, hashes in hex."""
    def verify(self) -> AuditVerification:
        """Recompute the chain."""

class AuditVerification:
    """The result of verifying a log; bool(result) is True when the chain is intact."""
    def __bool__(self) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def first_bad(self) -> int:
        """The first entry that does not verify (0 when ok)."""
    @property
    def ok(self) -> bool:
        ...
    @property
    def reason(self) -> str:
        ...

class Case:
    """A case: one family's journey through a programme, kept as a journal of events whose fold is its state. Offer each change with record(): it is accepted, or refused with the guard and the reason (a refusal is a value). Bad input raises and changes nothing."""
    def __copy__(self) -> Case: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Case: ...
    def __eq__(self, arg0: Case) -> bool:
        """Same id, journal and state."""
    def __getstate__(self) -> bytes: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: bytes) -> None: ...
    @property
    def approved(self) -> List[Party]:
        """The parties the family approved to take part."""
    def check(self, payload: Union[ReferralReceived, ReferralAccepted, ReferralDeclined, MemberAdded, ConsentRecorded, ConsentWithdrawn, RolesAssigned, PreparationStarted, PrioritiesSet, InviteeApproved, InviteeWithdrawn, MeetingScheduled, MeetingHeld, PlanAgreed, PlanRevised, ActionUpdated, ReviewScheduled, Escalated, ClosureStarted, FinalReportSubmitted, CaseClosed, CaseReopened], *, directory: AgencyDirectory, recorded_by: str, at: datetime.datetime) -> Outcome:
        """As record(), without changing the case: would the event be accepted?"""
    @property
    def closed_at(self) -> Optional[datetime.datetime]:
        ...
    @property
    def consents(self) -> List[ParticipationConsent]:
        """Every member's participation consent, as it stands."""
    @property
    def exit_note(self) -> str:
        ...
    @property
    def exit_reason(self) -> Optional[ExitReason]:
        ...
    def final_report(self, directory: AgencyDirectory, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> FinalReport:
        """The final report, generated from the journal."""
    @property
    def final_report_summary(self) -> str:
        ...
    @staticmethod
    def from_bytes(data: Buffer) -> Case:
        """Load a case from an archive; the journal is replayed. Raises StorageError for a damaged archive."""
    @property
    def id(self) -> int:
        """The case's id."""
    def initial_meeting_due(self, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> datetime.date:
        """The date the initial meeting is due: the referral date plus 15 working days (by default)."""
    def is_approved(self, party: Party) -> bool:
        """True when the party may take part: a family member, or an agency or named practitioner the family approved (approving an agency does not approve its workers by name, nor the reverse)."""
    @property
    def journal(self) -> List[Event]:
        """Every event, oldest first (a copy)."""
    @property
    def meetings(self) -> List[Meeting]:
        ...
    def member(self, member_id: int) -> Member:
        """A member by id. Raises ArgumentError (NOT_FOUND)."""
    @property
    def members(self) -> List[Member]:
        """The family members, in the order they were added."""
    def name_of(self, party: Party, directory: AgencyDirectory) -> str:
        """A party's name: a member's, an agency's, or a practitioner's with their agency."""
    def next_deadline(self, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> Optional[datetime.date]:
        """The earliest date by which something is due (None when nothing is pending)."""
    @staticmethod
    def open(*, case_id: int, directory: AgencyDirectory, referral: Referral, recorded_by: str, recorded_at: datetime.datetime) -> Case:
        """Open a case from a referral. recorded_at must be a timezone-aware datetime. Raises ArgumentError for bad input."""
    def overdue(self, as_of: datetime.date, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> List[OverdueItem]:
        """What is overdue as of a date."""
    @property
    def plan_history(self) -> List[Plan]:
        """Every version of every plan, oldest first."""
    @property
    def plans(self) -> List[Plan]:
        """The current plans: one family plan, or one per child."""
    @property
    def priorities(self) -> PrioritiesSet:
        """The family's key issues, strengths and needs."""
    @property
    def programme(self) -> Programme:
        ...
    def record(self, payload: Union[ReferralReceived, ReferralAccepted, ReferralDeclined, MemberAdded, ConsentRecorded, ConsentWithdrawn, RolesAssigned, PreparationStarted, PrioritiesSet, InviteeApproved, InviteeWithdrawn, MeetingScheduled, MeetingHeld, PlanAgreed, PlanRevised, ActionUpdated, ReviewScheduled, Escalated, ClosureStarted, FinalReportSubmitted, CaseClosed, CaseReopened], *, directory: AgencyDirectory, recorded_by: str, at: datetime.datetime) -> Outcome:
        """Offer an event (a payload object, e.g. PreparationStarted()): returns an Outcome, accepted or refused. at is an aware datetime, never earlier than the last event."""
    @property
    def referral(self) -> Referral:
        ...
    @staticmethod
    def replay(case_id: int, journal: List[Event]) -> Case:
        """Rebuild a case from its journal, checking every event again. Raises ArgumentError when the journal does not replay."""
    def review_due(self, timeframes: Optional[Timeframes] = ...) -> Optional[datetime.date]:
        """The latest date the next review is due, once a plan is active (else None)."""
    @property
    def roles(self) -> CaseRoles:
        ...
    @property
    def state(self) -> State:
        """Where the case is in its lifecycle."""
    def timeline(self, directory: AgencyDirectory) -> List[str]:
        """One line per event, e.g. '2026-03-02 09:00 NZDT  initial meeting scheduled: …'."""
    def to_bytes(self, encoding: ArchiveEncoding = ...) -> bytes:
        """The case as an archive (its id and journal)."""
    @property
    def version(self) -> int:
        """How many events the journal holds (what a store append expects next)."""

class CaseClosed:
    """The case closes (needs the final report)."""
    def __copy__(self) -> CaseClosed: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CaseClosed: ...
    def __eq__(self, arg0: CaseClosed) -> bool:
        """Field-by-field equality."""
    def __init__(self) -> None: ...
    def __repr__(self) -> str: ...

class CaseReopened:
    """A closed case is reopened explicitly, with a reason; consent must be given again."""
    def __copy__(self) -> CaseReopened: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CaseReopened: ...
    def __eq__(self, arg0: CaseReopened) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, reason: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def reason(self) -> str:
        ...
    @reason.setter
    def reason(self, value: str) -> None: ...

class CaseRoles:
    """Who holds the case's roles."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def coordinator(self) -> Optional[int]:
        """The coordinator (a practitioner id)."""
    @property
    def facilitator(self) -> str:
        """An independent facilitator, if any."""
    @property
    def lead_agency(self) -> Optional[int]:
        """The lead agency."""
    @property
    def lead_contact(self) -> Optional[int]:
        """The lead (key) contact (a practitioner id)."""

class CaseSummary:
    """One case as the store lists it."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def coordinator(self) -> Optional[int]:
        ...
    @property
    def id(self) -> int:
        ...
    @property
    def next_deadline(self) -> Optional[datetime.date]:
        """The earliest pending deadline."""
    @property
    def programme(self) -> Programme:
        ...
    @property
    def state(self) -> State:
        ...
    @property
    def version(self) -> int:
        """Events stored."""

class Category(enum.IntEnum):
    """The built-in information categories (a ledger's CategoryRegistry may add more, numbered after them).

    Members (value: label):

    - IDENTITY_CONTACT = 0: identity and contact details
    - HEALTH = 1: health
    - MENTAL_HEALTH = 2: mental health
    - ADDICTION = 3: alcohol, drugs and gambling
    - EDUCATION = 4: education and school attendance
    - INCOME_BENEFITS = 5: income and benefits
    - HOUSING = 6: housing
    - JUSTICE = 7: justice and corrections
    - POLICE = 8: police involvement
    - FAMILY_VIOLENCE = 9: family violence
    - CHILD_PROTECTION = 10: child protection history
    - DISABILITY = 11: disability
    - IMMIGRATION = 12: immigration and residency
    """
    IDENTITY_CONTACT = 0
    HEALTH = 1
    MENTAL_HEALTH = 2
    ADDICTION = 3
    EDUCATION = 4
    INCOME_BENEFITS = 5
    HOUSING = 6
    JUSTICE = 7
    POLICE = 8
    FAMILY_VIOLENCE = 9
    CHILD_PROTECTION = 10
    DISABILITY = 11
    IMMIGRATION = 12
    @property
    def label(self) -> str:
        """The plain-language label."""

class CategoryRegistry:
    """The information categories in use: the built-in list (Category, never renumbered) and the ones a caller adds, numbered after them, up to 64 in all."""
    def __contains__(self, category: Any) -> bool: ...
    def __init__(self) -> None: ...
    def __iter__(self) -> Iterator[Any]:
        """Every category: Category members, then the caller's own as ints."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def add(self, name: str, label: str) -> int:
        """Add a category (name: lowercase letters, digits and '_'; label: plain words) and return its id. Raises ArgumentError (INVALID_ARGUMENT, ALREADY_EXISTS, OUT_OF_RANGE when full)."""
    def find(self, name: str) -> Optional[Category | int]:
        """The category with a name, or None."""
    def label(self, category: Category | int | str) -> str:
        """A category's plain-language label."""
    def name(self, category: Category | int | str) -> str:
        """A category's identifier."""

class ClosureStarted:
    """Closure starts, with the exit reason (a note is required for OTHER)."""
    def __copy__(self) -> ClosureStarted: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ClosureStarted: ...
    def __eq__(self, arg0: ClosureStarted) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, reason: ExitReason = ..., note: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def note(self) -> str:
        ...
    @note.setter
    def note(self, value: str) -> None: ...
    @property
    def reason(self) -> ExitReason:
        ...
    @reason.setter
    def reason(self, value: ExitReason) -> None: ...

class Consent:
    """A written consent to share a person's information (read only)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def categories(self) -> List[Category | int]:
        ...
    @property
    def child_views(self) -> str:
        ...
    @property
    def form_version(self) -> str:
        ...
    @property
    def given_by(self) -> int:
        """The subject, or a parent or caregiver for a child."""
    @property
    def id(self) -> int:
        ...
    @property
    def purposes(self) -> List[Purpose]:
        ...
    @property
    def recipients(self) -> List[Party]:
        ...
    @property
    def recorded_at(self) -> datetime.datetime:
        """It counts from then."""
    @property
    def recorded_by(self) -> str:
        ...
    @property
    def signed_on(self) -> datetime.date:
        ...
    @property
    def subject(self) -> int:
        """Whose information."""
    @property
    def valid_from(self) -> datetime.date:
        ...
    @property
    def valid_until(self) -> datetime.date:
        ...

class ConsentError(SfcoreError, RuntimeError):
    """sfcore errors of the consent family (codes 3xx): consent records."""

class ConsentRecorded:
    """A member's written consent to take part; for a child, given by a parent or caregiver with the child's own views."""
    def __copy__(self) -> ConsentRecorded: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ConsentRecorded: ...
    def __eq__(self, arg0: ConsentRecorded) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, signed_on: datetime.date, form_version: str, given_by: Optional[int] = ..., child_views: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def child_views(self) -> str:
        ...
    @child_views.setter
    def child_views(self, value: str) -> None: ...
    @property
    def form_version(self) -> str:
        ...
    @form_version.setter
    def form_version(self, value: str) -> None: ...
    @property
    def given_by(self) -> Optional[int]:
        ...
    @given_by.setter
    def given_by(self, value: Optional[int]) -> None: ...
    @property
    def member(self) -> int:
        ...
    @member.setter
    def member(self, value: int) -> None: ...
    @property
    def signed_on(self) -> datetime.date:
        ...
    @signed_on.setter
    def signed_on(self, value: datetime.date) -> None: ...

class ConsentWithdrawn:
    """A member withdraws consent to take part: the process stops and the case closes."""
    def __copy__(self) -> ConsentWithdrawn: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ConsentWithdrawn: ...
    def __eq__(self, arg0: ConsentWithdrawn) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, note: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def member(self) -> int:
        ...
    @member.setter
    def member(self, value: int) -> None: ...
    @property
    def note(self) -> str:
        ...
    @note.setter
    def note(self, value: str) -> None: ...

class Decision:
    """A decision: permit or deny, the rule that decided, the subject it was decided for, and the reason in plain words. bool(decision) is True when permitted."""
    def __bool__(self) -> bool: ...
    def __copy__(self) -> Decision: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Decision: ...
    def __eq__(self, arg0: Decision) -> bool: ...
    def __getstate__(self) -> tuple: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    @property
    def consent(self) -> int:
        """The consent that permitted it (0 when denied)."""
    @property
    def permit(self) -> bool:
        ...
    @property
    def reason(self) -> str:
        """Why, in plain words."""
    @property
    def rule(self) -> DecisionRule:
        ...
    @property
    def subject(self) -> int:
        """The subject the rule was applied to (for a refusal, the one who refused)."""

class DecisionBatch:
    """Decisions made in bulk, in request order: a sequence of Decision, with the counts at hand."""
    def __getitem__(self, index: int) -> Decision: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    @property
    def permits(self) -> bytes:
        """One byte per decision: 1 permitted, 0 refused."""
    @property
    def permitted(self) -> int:
        """How many were permitted."""

class DecisionRule(enum.IntEnum):
    """The rule that decided a disclosure.

    Members (value: label):

    - CONSENT = 0: the person consented to this recipient, category and purpose, and the consent stands
    - NO_CONSENT = 1: the person has given no consent to share their information
    - RECIPIENT_NOT_NAMED = 2: the person's consent does not name this recipient
    - CATEGORY_NOT_NAMED = 3: the person's consent does not cover this kind of information
    - PURPOSE_NOT_NAMED = 4: the person's consent does not cover this purpose
    - OUTSIDE_PERIOD = 5: the person's consent does not cover this date
    - WITHDRAWN = 6: the person withdrew this consent
    - CONFIDENTIAL = 7: the family marked this information confidential
    - NOT_NECESSARY = 8: this information does not relate to the family's key issues, so it is not necessary to share
    - NOT_YET_RECORDED = 9: no consent had been recorded by that time
    """
    CONSENT = 0
    NO_CONSENT = 1
    RECIPIENT_NOT_NAMED = 2
    CATEGORY_NOT_NAMED = 3
    PURPOSE_NOT_NAMED = 4
    OUTSIDE_PERIOD = 5
    WITHDRAWN = 6
    CONFIDENTIAL = 7
    NOT_NECESSARY = 8
    NOT_YET_RECORDED = 9
    @property
    def label(self) -> str:
        """The plain-language label."""

class DeclinedRequest:
    """A request for information that was declined, with its reasons (s66I/s66J)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def at(self) -> datetime.datetime:
        ...
    @property
    def basis(self) -> LegalBasis:
        ...
    @property
    def category(self) -> Category | int:
        ...
    @property
    def decided_by(self) -> str:
        ...
    @property
    def reasons(self) -> List[str]:
        ...
    @property
    def requester(self) -> Party:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class DisclosureError(SfcoreError, RuntimeError):
    """sfcore errors of the disclosure family (codes 4xx): disclosure and sharing records."""

class ErrorCode(enum.IntEnum):
    """Stable error codes; the hundreds digit is the family (SfcoreError.code).

    Members (value: label):

    - OK = 0: no error
    - INVALID_ARGUMENT = 101: invalid argument
    - NULL_ARGUMENT = 102: a required argument was NULL
    - INVALID_UTF8 = 103: text is not valid UTF-8
    - OUT_OF_RANGE = 104: value out of range
    - NOT_FOUND = 105: no such id
    - ALREADY_EXISTS = 106: the id is already in use
    - BUFFER_TOO_SMALL = 107: the output buffer is too small
    - TRANSITION_REFUSED = 201: the lifecycle refused the event
    - INVALID_CONSENT = 301: the consent record is not valid
    - INVALID_REQUEST = 401: the disclosure request is not valid
    - MALFORMED = 501: the data is malformed
    - UNSUPPORTED_VERSION = 502: the data was written by a newer version of sfcore
    - CHECKSUM_MISMATCH = 503: the data does not match its checksum: it was damaged
    - CONFLICT = 504: another writer changed the case first
    - IO_ERROR = 505: the store could not read or write its file
    - OUT_OF_MEMORY = 901: out of memory
    - INTERNAL = 902: internal error
    """
    OK = 0
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
    @property
    def label(self) -> str:
        """The plain-language label."""

class Escalated:
    """Concerns rise to care and protection: the case leaves Strengthening Families for the statutory system (the note is required)."""
    def __copy__(self) -> Escalated: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Escalated: ...
    def __eq__(self, arg0: Escalated) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, note: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def note(self) -> str:
        ...
    @note.setter
    def note(self, value: str) -> None: ...

class Event:
    """One entry of a case's journal: what happened, when, and who recorded it."""
    def __copy__(self) -> Event: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Event: ...
    def __eq__(self, arg0: Event) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def payload(self) -> Any:
        """What happened: a payload object."""
    @property
    def type(self) -> EventType:
        """The kind of event."""
    @property
    def when(self) -> datetime.datetime:
        """When it was recorded."""
    @property
    def who(self) -> str:
        """Who recorded it (the host system's user id)."""

class EventType(enum.IntEnum):
    """The kinds of event a case's journal records.

    Members (value: label):

    - REFERRAL_RECEIVED = 0: referral received
    - REFERRAL_ACCEPTED = 1: referral accepted
    - REFERRAL_DECLINED = 2: referral declined
    - MEMBER_ADDED = 3: family member added
    - CONSENT_RECORDED = 4: written consent recorded
    - CONSENT_WITHDRAWN = 5: consent withdrawn
    - ROLES_ASSIGNED = 6: roles assigned
    - PREPARATION_STARTED = 7: preparation started
    - PRIORITIES_SET = 8: priorities set by the family
    - INVITEE_APPROVED = 9: invitee approved by the family
    - INVITEE_WITHDRAWN = 10: invitee approval withdrawn
    - MEETING_SCHEDULED = 11: initial meeting scheduled
    - MEETING_HELD = 12: meeting held
    - PLAN_AGREED = 13: action plan agreed
    - PLAN_REVISED = 14: action plan revised
    - ACTION_UPDATED = 15: action updated
    - REVIEW_SCHEDULED = 16: review meeting scheduled
    - ESCALATED = 17: escalated to statutory care and protection
    - CLOSURE_STARTED = 18: closure started
    - FINAL_REPORT_SUBMITTED = 19: final report submitted
    - CASE_CLOSED = 20: case closed
    - CASE_REOPENED = 21: case reopened
    """
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
    def label(self) -> str:
        """The plain-language label."""

class ExitReason(enum.IntEnum):
    """Why a case closed.

    Members (value: label):

    - PLANNED = 0: planned exit: goals achieved
    - ESCALATED = 1: escalated to statutory care and protection
    - DISENGAGED = 2: the family disengaged
    - CONSENT_WITHDRAWN = 3: consent withdrawn
    - CONSENT_DECLINED = 4: consent not given
    - MOVED_AWAY = 5: moved out of the area
    - OTHER = 6: other (see the note)
    """
    PLANNED = 0
    ESCALATED = 1
    DISENGAGED = 2
    CONSENT_WITHDRAWN = 3
    CONSENT_DECLINED = 4
    MOVED_AWAY = 5
    OTHER = 6
    @property
    def label(self) -> str:
        """The plain-language label."""

class FinalReport:
    """The final report: what the family set out to do, what was done, how timely the process was and how it ended. Generated from the journal, never typed."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def case_id(self) -> int:
        ...
    @property
    def closed_on(self) -> Optional[datetime.date]:
        ...
    @property
    def days_to_initial_meeting(self) -> Optional[int]:
        """Working days from referral to the initial meeting, if held."""
    @property
    def done(self) -> List[ReportAction]:
        ...
    @property
    def exit_note(self) -> str:
        ...
    @property
    def exit_reason(self) -> Optional[ExitReason]:
        ...
    @property
    def family_name(self) -> str:
        ...
    @property
    def initial_meeting_target(self) -> int:
        ...
    @property
    def key_contact(self) -> str:
        ...
    @property
    def key_issues(self) -> List[str]:
        ...
    @property
    def lead_agency(self) -> str:
        ...
    @property
    def lead_contact_summary(self) -> str:
        ...
    @property
    def meetings(self) -> List[ReportMeeting]:
        ...
    @property
    def not_done(self) -> List[ReportAction]:
        ...
    @property
    def plan_versions(self) -> int:
        ...
    @property
    def programme(self) -> Programme:
        ...
    @property
    def referred(self) -> datetime.date:
        ...
    @property
    def reviews_held(self) -> int:
        ...
    @property
    def reviews_late(self) -> int:
        ...
    def to_markdown(self) -> str:
        """The report as Markdown."""

class FinalReportSubmitted:
    """The lead contact's final report to the coordinator."""
    def __copy__(self) -> FinalReportSubmitted: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> FinalReportSubmitted: ...
    def __eq__(self, arg0: FinalReportSubmitted) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, summary: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def summary(self) -> str:
        ...
    @summary.setter
    def summary(self, value: str) -> None: ...

class Guard(enum.IntEnum):
    """The named guards of the lifecycle's transition table.

    Members (value: label):

    - NONE = 0: nothing
    - NO_TRANSITION = 1: the event is allowed in the case's state
    - PANEL_ACCEPTANCE = 2: a Children's Team referral is accepted by the panel
    - SITE_NAMED = 3: an Intensive Intervention referral names its site
    - WRITTEN_CONSENT = 4: every participating adult has given written consent
    - INVITEES_APPROVED = 5: every invitee (and everyone attending) is approved by the family
    - MEETING_PENDING = 6: the meeting is scheduled and not yet held
    - MEETING_HELD = 7: the plan's meeting has been held
    - PLAN_COMPLETE = 8: the plan names a lead agency and a key contact, and every action an owner and a due date
    - CHILD_PLAN = 9: a Children's Team plan is for one child under 18 and records the child's views; others are family plans
    - REVISION_REASON = 10: a plan revision gives its reason
    - ACTIVE_PLAN = 11: a review needs an active plan
    - EXIT_REASON_ALLOWED = 12: the exit reason is one the programme uses
    - FINAL_REPORT = 13: a final report is submitted, unless consent was withdrawn or not given or the case was escalated
    """
    NONE = 0
    NO_TRANSITION = 1
    PANEL_ACCEPTANCE = 2
    SITE_NAMED = 3
    WRITTEN_CONSENT = 4
    INVITEES_APPROVED = 5
    MEETING_PENDING = 6
    MEETING_HELD = 7
    PLAN_COMPLETE = 8
    CHILD_PLAN = 9
    REVISION_REASON = 10
    ACTIVE_PLAN = 11
    EXIT_REASON_ALLOWED = 12
    FINAL_REPORT = 13
    @property
    def label(self) -> str:
        """The plain-language label."""

class Holiday:
    """A public holiday as observed."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def date(self) -> datetime.date:
        """The day it is observed."""
    @property
    def name(self) -> str:
        """Its name, e.g. 'Waitangi Day (observed)'."""

class HolidayCalendar:
    """New Zealand's national public holidays and working-day arithmetic (Mondayisation, Easter, Matariki 2022–2030; add regional anniversary days)."""
    def __init__(self) -> None: ...
    def __repr__(self) -> str: ...
    def add(self, day: datetime.date, name: str) -> None:
        """Add a holiday of your own (a regional anniversary day)."""
    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The working day so many working days after start (start itself is not counted)."""
    def holidays(self, year: int) -> List[Holiday]:
        """The holidays observed in a year, in date order."""
    def is_holiday(self, day: datetime.date) -> bool: ...
    def is_working_day(self, day: datetime.date) -> bool:
        """Monday to Friday, not a public holiday."""
    def set_matariki(self, year: int, day: datetime.date) -> None:
        """Set the Matariki holiday of a year after the built-in table (a Friday)."""
    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after start up to and including end (0 when end <= start)."""

class InfoItem:
    """A piece of a family's information an agency holds, for filtered views."""
    def __eq__(self, arg0: InfoItem) -> bool: ...
    def __init__(self, *, subjects: Union[int, List[int]], category: Category, content: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category | int:
        ...
    @category.setter
    def category(self, value: Category | int) -> None: ...
    @property
    def content(self) -> str:
        ...
    @content.setter
    def content(self, value: str) -> None: ...
    @property
    def subjects(self) -> List[int]:
        ...
    @subjects.setter
    def subjects(self, value: List[int]) -> None: ...

class InternalError(SfcoreError, RuntimeError):
    """sfcore errors of the internal family (codes 9xx): a fault inside the library."""

class InviteeApproved:
    """The family approves a party to take part: a whole agency, or one named practitioner."""
    def __copy__(self) -> InviteeApproved: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> InviteeApproved: ...
    def __eq__(self, arg0: InviteeApproved) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, who: Party) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def who(self) -> Party:
        ...
    @who.setter
    def who(self, value: Party) -> None: ...

class InviteeWithdrawn:
    """The family withdraws an approval."""
    def __copy__(self) -> InviteeWithdrawn: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> InviteeWithdrawn: ...
    def __eq__(self, arg0: InviteeWithdrawn) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, who: Party) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def who(self) -> Party:
        ...
    @who.setter
    def who(self, value: Party) -> None: ...

class IssueArea(enum.IntEnum):
    """Areas a family's key issues fall in (they decide what is necessary to share).

    Members (value: label):

    - EDUCATION = 0: schooling and attendance
    - HOUSING = 1: housing
    - INCOME = 2: income and budgeting
    - HEALTH = 3: physical health
    - MENTAL_HEALTH = 4: mental health
    - ADDICTION = 5: alcohol, drugs and gambling
    - JUSTICE = 6: justice and offending
    - FAMILY_VIOLENCE = 7: family violence and safety
    - PARENTING = 8: parenting and care of tamariki
    - DISABILITY = 9: disability
    """
    EDUCATION = 0
    HOUSING = 1
    INCOME = 2
    HEALTH = 3
    MENTAL_HEALTH = 4
    ADDICTION = 5
    JUSTICE = 6
    FAMILY_VIOLENCE = 7
    PARENTING = 8
    DISABILITY = 9
    @property
    def label(self) -> str:
        """The plain-language label."""

class Ledger:
    """One family's consents, confidential items, necessity and sharing without consent, with every decision made on them and the audit log. Nothing about a person reaches anyone they did not agree to, unless a named law allows it and that is recorded. Every change carries its instant and is kept, so decisions can be asked for any past instant. Changes come in time order."""
    def __getstate__(self) -> tuple: ...
    def __init__(self, case: Case, directory: AgencyDirectory, *, young_person_consent_age: int = ..., adult_age: int = ..., categories: Optional[CategoryRegistry] = ...) -> None:
        """A ledger for a case's family (case: a Case; directory: an AgencyDirectory). From young_person_consent_age a young person consents for themselves; below it a parent or caregiver consents, with the child's views recorded."""
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    def adjust_necessity(self, category: Category | int | str, *, widen: bool, recorded_by: str, at: datetime.datetime) -> None:
        """The family widens (True) or narrows (False) what is necessary by one category."""
    @property
    def audit(self) -> AuditLog:
        """The audit log (a copy)."""
    @property
    def case(self) -> Case:
        """The Case the ledger was made or last synced with."""
    @property
    def case_id(self) -> int:
        """The id of the ledger's case."""
    @property
    def categories(self) -> CategoryRegistry:
        """The information categories in use (a copy)."""
    def check(self, discloser: Party, subjects: Union[int, List[int]], category: Category | int | str, recipient: Party, purpose: Purpose, at: datetime.datetime) -> Decision:
        """As decide(), without recording (to preview, or to ask about a past instant: time travel)."""
    def check_many(self, requests: Sequence[Any]) -> DecisionBatch:
        """As decide_many(), without recording."""
    def confidential_at(self, member: int, at: datetime.datetime) -> List[Category | int]:
        """The categories of a member marked confidential at an instant."""
    @property
    def consents(self) -> List[Consent]:
        """Every consent, in the order given."""
    def decide(self, discloser: Party, subjects: Union[int, List[int]], category: Category | int | str, recipient: Party, purpose: Purpose, at: datetime.datetime, actor: str) -> Decision:
        """Decide a request and record the decision in the audit log. subjects: one member id or a list (every one must consent; deny overrides). A refusal is a returned Decision; a malformed request (an unknown member, a family member as recipient) raises DisclosureError or ArgumentError."""
    def decide_many(self, requests: Sequence[Any], *, actor: str) -> DecisionBatch:
        """Decide many requests (a sequence of Request) in one call, recording each in the audit log, without holding the GIL (a large batch also uses a second thread). Returns a DecisionBatch in request order: the same decisions and audit log as decide() on each. A malformed request raises; the decisions before it stay recorded."""
    def decline(self, *, requester: Party, subjects: Union[int, List[int]], category: Category | int | str, basis: LegalBasis, reasons: List[str], decided_by: str, at: datetime.datetime, actor: str) -> RecordResult:
        """Record a declined request with its reasons (s66J). Without reasons it is refused."""
    @property
    def declined(self) -> List[DeclinedRequest]:
        """Every declined request."""
    @property
    def directory(self) -> AgencyDirectory:
        """The AgencyDirectory the ledger was made or last synced with."""
    def explain(self, decision: Decision) -> str:
        """The plain-language reason for a decision."""
    @staticmethod
    def from_bytes(data: Buffer, case: Case, directory: AgencyDirectory) -> Ledger:
        """Load a ledger for a case and directory; every record is checked again. Raises StorageError for a damaged archive."""
    def give(self, *, subject: int, recipients: List[Party], categories: List[Category | int | str], purposes: List[Purpose], valid_from: datetime.date, valid_until: datetime.date, signed_on: datetime.date, form_version: str, recorded_by: str, at: datetime.datetime, given_by: Optional[int] = ..., child_views: str = ...) -> int:
        """Record a written consent and return its id. recipients: whole agencies (covering their workers) or named practitioners (covering only them). Raises ConsentError (INVALID_CONSENT) for who may give it, a missing child's view, an empty scope or a backwards period."""
    def mark_confidential(self, *, subject: int, category: Category | int | str, recorded_by: str, at: datetime.datetime, confidential: bool = ...) -> None:
        """The family marks (or, with confidential=False, unmarks) a member's information of a category as confidential: never disclosed under consent."""
    def necessary_at(self, at: datetime.datetime) -> List[Category | int]:
        """The categories necessary at an instant."""
    def notice(self, member: int, *, purpose: Purpose, at: datetime.datetime) -> Notice:
        """The disclosure notice for a member: who may receive which of their information for a purpose, in plain language, for the family to review before the meeting."""
    def prepare(self, day: datetime.date) -> None:
        """Compile the decision table for one New Zealand day: decisions that day (after the last change) become one lookup. Call it again after changes."""
    def prepared_for(self, at: datetime.datetime) -> bool:
        """True when a decision at this instant is answered from the prepared table."""
    def set_issue_areas(self, areas: List[IssueArea], *, recorded_by: str, at: datetime.datetime) -> None:
        """Set the issue areas of the family's key issues: they decide what is necessary to share."""
    def share_without_consent(self, record: SharingRecord, *, actor: str) -> RecordResult:
        """Record a sharing without consent under a legal basis. An incomplete record is refused (a RecordResult naming what is missing) and nothing is recorded."""
    @property
    def sharings(self) -> List[SharingRecord]:
        """Every sharing without consent."""
    def sync(self, case: Case, directory: AgencyDirectory) -> None:
        """Take in members and practitioners added to the case or directory since."""
    def to_bytes(self, encoding: ArchiveEncoding = ...) -> bytes:
        """The ledger as an archive: settings, categories, records and the audit log."""
    def view(self, items: List[InfoItem], *, recipient: Party, purpose: Purpose, at: datetime.datetime, actor: str) -> List[InfoItem]:
        """What a recipient may see of the items for a purpose at an instant: only the permitted ones, in order; nothing tells what was left out. The view is recorded in the audit log."""
    def withdraw(self, *, subject: int, recorded_by: str, at: datetime.datetime, recipient: Optional[Party] = ..., category: Optional[Category | int | str] = ...) -> None:
        """Withdraw consent from an instant: whole, or only for one recipient and/or one category. History is kept; later decisions deny."""
    @property
    def withdrawals(self) -> List[Withdrawal]:
        ...

class LegalBasis(enum.IntEnum):
    """Legal bases for sharing without consent.

    Members (value: label):

    - OT_S66 = 0: Oranga Tamariki Act 1989 s66: information supplied on request of the chief executive, a care and protection coordinator or a constable
    - OT_S66C = 1: Oranga Tamariki Act 1989 s66C: disclosure by a child welfare and protection agency for one of six purposes
    - OT_S15 = 2: Oranga Tamariki Act 1989 s15: a report of concern about a child
    - FVA_S20 = 3: Family Violence Act 2018 s20: sharing for risk assessment, planning, or protecting a victim
    - PRIVACY_IPP11 = 4: Privacy Act 2020 IPP 11: a serious threat to someone's life or health (only to someone who can act on it, only what is needed)
    """
    OT_S66 = 0
    OT_S66C = 1
    OT_S15 = 2
    FVA_S20 = 3
    PRIVACY_IPP11 = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class LifecycleError(SfcoreError, RuntimeError):
    """sfcore errors of the lifecycle family (codes 2xx): an event the case lifecycle does not allow."""

class Meeting:
    """A meeting: the initial interagency meeting or a review."""
    def __copy__(self) -> Meeting: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Meeting: ...
    def __eq__(self, arg0: Meeting) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, start: datetime.datetime, venue: str, invitees: List[Party] = ..., facilitator: str = ..., interpreter: str = ..., support_people: List[str] = ..., karakia: bool = ..., mihi: bool = ...) -> None:
        """A meeting as the family arranges it; every invitee must be approved by the family."""
    def __repr__(self) -> str: ...
    @property
    def attendance(self) -> List[Party]:
        """Who attended (once held)."""
    @property
    def facilitator(self) -> str:
        """An independent facilitator, if any."""
    @facilitator.setter
    def facilitator(self, value: str) -> None: ...
    @property
    def held(self) -> bool:
        """Has been held."""
    @property
    def id(self) -> int:
        """Its number in the case (assigned when scheduled)."""
    @property
    def interpreter(self) -> str:
        """The language of an interpreter, if one is arranged."""
    @interpreter.setter
    def interpreter(self, value: str) -> None: ...
    @property
    def invitees(self) -> List[Party]:
        """Who is invited (assign a new list to change it)."""
    @invitees.setter
    def invitees(self, value: List[Party]) -> None: ...
    @property
    def karakia(self) -> bool:
        """Opens with karakia."""
    @karakia.setter
    def karakia(self, value: bool) -> None: ...
    @property
    def kind(self) -> MeetingKind:
        """Initial or review."""
    @property
    def mihi(self) -> bool:
        """Opens with mihi."""
    @mihi.setter
    def mihi(self, value: bool) -> None: ...
    @property
    def start(self) -> datetime.datetime:
        """When it starts."""
    @start.setter
    def start(self, value: datetime.datetime) -> None: ...
    @property
    def support_people(self) -> List[str]:
        """The family's support people."""
    @support_people.setter
    def support_people(self, value: List[str]) -> None: ...
    @property
    def venue(self) -> str:
        """Where, as the family chose."""
    @venue.setter
    def venue(self, value: str) -> None: ...

class MeetingHeld:
    """A meeting was held; everyone who attended was approved by the family."""
    def __copy__(self) -> MeetingHeld: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> MeetingHeld: ...
    def __eq__(self, arg0: MeetingHeld) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, meeting: int, attendance: List[Party] = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def attendance(self) -> List[Party]:
        ...
    @attendance.setter
    def attendance(self, value: List[Party]) -> None: ...
    @property
    def meeting(self) -> int:
        ...
    @meeting.setter
    def meeting(self, value: int) -> None: ...

class MeetingKind(enum.IntEnum):
    """Kinds of meeting: the initial interagency meeting or a review.

    Members (value: label):

    - INITIAL = 0: initial meeting
    - REVIEW = 1: review meeting
    """
    INITIAL = 0
    REVIEW = 1
    @property
    def label(self) -> str:
        """The plain-language label."""

class MeetingScheduled:
    """The initial meeting is scheduled (the case assigns its id)."""
    def __copy__(self) -> MeetingScheduled: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> MeetingScheduled: ...
    def __eq__(self, arg0: MeetingScheduled) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, meeting: Meeting) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def meeting(self) -> Meeting:
        ...
    @meeting.setter
    def meeting(self, value: Meeting) -> None: ...

class Member:
    """A member of the family/whānau."""
    def __copy__(self) -> Member: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Member: ...
    def __eq__(self, arg0: Member) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, name: str, role: MemberRole = ..., born: Optional[datetime.date] = ..., participating: bool = ...) -> None:
        """A member; the case assigns the id when the MemberAdded event is recorded."""
    def __repr__(self) -> str: ...
    def age_on(self, day: datetime.date) -> Optional[int]:
        """Age in whole years on a date (None when the birth date is not known)."""
    @property
    def born(self) -> Optional[datetime.date]:
        """Date of birth, where known."""
    @born.setter
    def born(self, value: Optional[datetime.date]) -> None: ...
    @property
    def id(self) -> int:
        """Its number in the case (0 until added)."""
    @property
    def name(self) -> str:
        """Name (macrons kept)."""
    @name.setter
    def name(self, value: str) -> None: ...
    @property
    def participating(self) -> bool:
        """Takes part in the process (and so consents)."""
    @participating.setter
    def participating(self, value: bool) -> None: ...
    @property
    def role(self) -> MemberRole:
        """Role in the family."""
    @role.setter
    def role(self, value: MemberRole) -> None: ...

class MemberAdded:
    """A family member joins the case (the case assigns the id)."""
    def __copy__(self) -> MemberAdded: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> MemberAdded: ...
    def __eq__(self, arg0: MemberAdded) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: Member) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def member(self) -> Member:
        ...
    @member.setter
    def member(self, value: Member) -> None: ...

class MemberRole(enum.IntEnum):
    """A family member's role.

    Members (value: label):

    - PARENT_CAREGIVER = 0: parent or caregiver
    - CHILD = 1: child (tamaiti)
    - YOUNG_PERSON = 2: young person (rangatahi)
    - OTHER_WHANAU = 3: other whānau
    - SUPPORT_PERSON = 4: support person
    """
    PARENT_CAREGIVER = 0
    CHILD = 1
    YOUNG_PERSON = 2
    OTHER_WHANAU = 3
    SUPPORT_PERSON = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class Notice:
    """What may be shared about one member, told to the family beforehand, in plain language (str(notice) is the text)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    def __str__(self) -> str: ...
    @property
    def confidential(self) -> List[Category | int]:
        """What the family marked confidential."""
    @property
    def lines(self) -> List[NoticeLine]:
        ...
    @property
    def member(self) -> int:
        ...
    @property
    def purpose(self) -> Purpose:
        ...
    @property
    def text(self) -> str:
        ...

class NoticeLine:
    """One line of a disclosure notice: who may receive what."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def categories(self) -> List[Category | int]:
        ...
    @property
    def recipient(self) -> Party:
        ...

class Outcome:
    """What became of an event offered to a case: accepted, or refused by a named guard with the reason. A refusal is a value; bool(outcome) is True when accepted."""
    def __bool__(self) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def accepted(self) -> bool:
        """The event was appended."""
    @property
    def assigned(self) -> int:
        """The id the event assigned (a member or meeting), or 0."""
    @property
    def from_state(self) -> State:
        """The state before."""
    @property
    def guard(self) -> Guard:
        """The guard that refused it (Guard.NONE when accepted)."""
    @property
    def reason(self) -> str:
        """Why it was refused, for a person to read ('' when accepted)."""
    @property
    def to_state(self) -> State:
        """The state after (the same as before when refused)."""

class OverdueItem:
    """One thing that is overdue."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def action(self) -> int:
        """The action, for OverdueKind.ACTION (else 0)."""
    @property
    def case_id(self) -> int:
        ...
    @property
    def days_late(self) -> int:
        """Calendar days late on the as-of date."""
    @property
    def due(self) -> datetime.date:
        ...
    @property
    def kind(self) -> OverdueKind:
        ...
    @property
    def what(self) -> str:
        """A plain-language line."""

class OverdueKind(enum.IntEnum):
    """What is overdue in a case.

    Members (value: label):

    - INITIAL_MEETING = 0: initial meeting not held in time
    - REVIEW = 1: review not held in time
    - ACTION = 2: action past its due date
    """
    INITIAL_MEETING = 0
    REVIEW = 1
    ACTION = 2
    @property
    def label(self) -> str:
        """The plain-language label."""

class ParticipationConsent:
    """A member's written consent to take part, as it stands."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def child_views(self) -> str:
        ...
    @property
    def ended_at(self) -> Optional[datetime.datetime]:
        """When it ended (withdrawn, or lapsed on reopening)."""
    @property
    def form_version(self) -> str:
        ...
    @property
    def given_by(self) -> Optional[int]:
        """For a child: the parent or caregiver."""
    @property
    def member(self) -> int:
        ...
    @property
    def recorded_at(self) -> datetime.datetime:
        ...
    @property
    def recorded_by(self) -> str:
        ...
    @property
    def signed_on(self) -> datetime.date:
        ...

class Party:
    """Someone who can be invited, attend, own an action or receive information: a family member, a whole agency or a named practitioner."""
    def __copy__(self) -> Party: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Party: ...
    def __eq__(self, arg0: Party) -> bool:
        """Field-by-field equality."""
    def __hash__(self) -> int: ...
    def __init__(self, kind: PartyKind, id: int) -> None: ...
    def __repr__(self) -> str: ...
    @staticmethod
    def agency(agency_id: int) -> Party:
        """A whole agency."""
    @property
    def id(self) -> int:
        """The member, agency or practitioner id."""
    @property
    def kind(self) -> PartyKind:
        """Member, agency or practitioner."""
    @staticmethod
    def member(member_id: int) -> Party:
        """A family member."""
    @staticmethod
    def practitioner(practitioner_id: int) -> Party:
        """A named practitioner (an individual worker, not their agency)."""

class PartyKind(enum.IntEnum):
    """Who a party is: a family member, a whole agency or a named practitioner.

    Members (value: label):

    - MEMBER = 0: family member
    - AGENCY = 1: agency
    - PRACTITIONER = 2: named practitioner
    """
    MEMBER = 0
    AGENCY = 1
    PRACTITIONER = 2
    @property
    def label(self) -> str:
        """The plain-language label."""

class Plan:
    """An action plan, one version of it."""
    def __copy__(self) -> Plan: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Plan: ...
    def __eq__(self, arg0: Plan) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, actions: List[Action] = ..., lead_agency: Optional[int] = ..., key_contact: Optional[int] = ..., child: Optional[int] = ..., child_views: str = ..., revision_reason: str = ...) -> None:
        """A plan: actions, a lead agency and a key contact (a practitioner); for a Children's Team, the child and their views; for a revision, why."""
    def __repr__(self) -> str: ...
    @property
    def actions(self) -> List[Action]:
        """The actions (assign a new list to change them)."""
    @actions.setter
    def actions(self, value: List[Action]) -> None: ...
    @property
    def agreed(self) -> datetime.date:
        """The date it was agreed or revised (None before)."""
    @property
    def child(self) -> Optional[int]:
        """The child, for a Children's Team plan."""
    @child.setter
    def child(self, value: Optional[int]) -> None: ...
    @property
    def child_views(self) -> str:
        """The child's own views (Children's Teams)."""
    @child_views.setter
    def child_views(self, value: str) -> None: ...
    @property
    def key_contact(self) -> Optional[int]:
        """Keeps in touch with the family between meetings."""
    @key_contact.setter
    def key_contact(self, value: Optional[int]) -> None: ...
    @property
    def lead_agency(self) -> Optional[int]:
        """Coordinates the agencies' work."""
    @lead_agency.setter
    def lead_agency(self, value: Optional[int]) -> None: ...
    @property
    def revision_reason(self) -> str:
        """Why it was revised."""
    @revision_reason.setter
    def revision_reason(self, value: str) -> None: ...
    @property
    def version(self) -> int:
        """1 for the first agreed plan, then +1 per revision."""

class PlanAgreed:
    """The meeting agrees an action plan (the case assigns ids and the version)."""
    def __copy__(self) -> PlanAgreed: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> PlanAgreed: ...
    def __eq__(self, arg0: PlanAgreed) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, plan: Plan) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def plan(self) -> Plan:
        ...
    @plan.setter
    def plan(self, value: Plan) -> None: ...

class PlanRevised:
    """The lead contact revises the plan after a change of circumstances (the reason is required)."""
    def __copy__(self) -> PlanRevised: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> PlanRevised: ...
    def __eq__(self, arg0: PlanRevised) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, plan: Plan) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def plan(self) -> Plan:
        ...
    @plan.setter
    def plan(self, value: Plan) -> None: ...

class Practitioner:
    """A named worker of an agency (read only)."""
    def __eq__(self, arg0: Practitioner) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def agency(self) -> int:
        """The id of the agency they work for."""
    @property
    def id(self) -> int:
        """Its id in the directory."""
    @property
    def name(self) -> str:
        """Their name."""

class PreparationStarted:
    """The family-directed preparation starts (needs every participating adult's consent)."""
    def __copy__(self) -> PreparationStarted: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> PreparationStarted: ...
    def __eq__(self, arg0: PreparationStarted) -> bool:
        """Field-by-field equality."""
    def __init__(self) -> None: ...
    def __repr__(self) -> str: ...

class PrioritiesSet:
    """The family's key issues, strengths and needs, in their words."""
    def __copy__(self) -> PrioritiesSet: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> PrioritiesSet: ...
    def __eq__(self, arg0: PrioritiesSet) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, key_issues: List[str] = ..., strengths: List[str] = ..., needs: List[str] = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def key_issues(self) -> List[str]:
        ...
    @key_issues.setter
    def key_issues(self, value: List[str]) -> None: ...
    @property
    def needs(self) -> List[str]:
        ...
    @needs.setter
    def needs(self, value: List[str]) -> None: ...
    @property
    def strengths(self) -> List[str]:
        ...
    @strengths.setter
    def strengths(self, value: List[str]) -> None: ...

class Programme(enum.IntEnum):
    """The programme a case belongs to.

    Members (value: label):

    - STRENGTHENING_FAMILIES = 0: Strengthening Families
    - CHILDRENS_TEAM = 1: Children's Teams
    - INTENSIVE_INTERVENTION = 2: Intensive Intervention for whānau
    """
    STRENGTHENING_FAMILIES = 0
    CHILDRENS_TEAM = 1
    INTENSIVE_INTERVENTION = 2
    @property
    def label(self) -> str:
        """The plain-language label."""

class ProgrammeRules:
    """What a programme requires of the one lifecycle."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def child_age_limit(self) -> int:
        """A plan's child is younger than this."""
    @property
    def exit_reasons(self) -> List[ExitReason]:
        """The exit reasons the programme uses."""
    @property
    def panel_acceptance(self) -> bool:
        """A panel accepts referrals."""
    @property
    def plan_per_child(self) -> bool:
        """One plan per child, with the child's views."""
    @property
    def programme(self) -> Programme:
        ...
    @property
    def site_required(self) -> bool:
        """A referral names its site."""

class Purpose(enum.IntEnum):
    """Why information is shared.

    Members (value: label):

    - MEETING_PREPARATION = 0: preparing the meeting
    - MEETING = 1: the meeting
    - PLAN_DELIVERY = 2: delivering the plan
    - REVIEW = 3: reviewing the plan
    - DEIDENTIFIED = 4: de-identified reporting
    """
    MEETING_PREPARATION = 0
    MEETING = 1
    PLAN_DELIVERY = 2
    REVIEW = 3
    DEIDENTIFIED = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class RecordResult:
    """Whether a sharing or a declined request was recorded; when refused, what the record lacks. bool(result) is True when recorded."""
    def __bool__(self) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def missing(self) -> List[str]:
        ...
    @property
    def recorded(self) -> bool:
        ...

class Referral:
    """A referral of a family to a programme: by an agency (naming it), or by the family itself."""
    def __copy__(self) -> Referral: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Referral: ...
    def __eq__(self, arg0: Referral) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, source: ReferralSource, received: datetime.date, family_name: str, agency: Optional[int] = ..., practitioner: str = ..., reasons: List[str] = ..., programme: Programme = ..., site: str = ...) -> None:
        """A referral. An agency referral names the agency (an id from the directory); a self-referral names none. Intensive Intervention referrals name their site."""
    def __repr__(self) -> str: ...
    @property
    def agency(self) -> Optional[int]:
        """The referring agency's id, for an agency referral."""
    @agency.setter
    def agency(self, value: Optional[int]) -> None: ...
    @property
    def family_name(self) -> str:
        """How the family is known."""
    @family_name.setter
    def family_name(self, value: str) -> None: ...
    @property
    def practitioner(self) -> str:
        """The referring practitioner's name, if given."""
    @practitioner.setter
    def practitioner(self, value: str) -> None: ...
    @property
    def programme(self) -> Programme:
        """The programme referred to."""
    @programme.setter
    def programme(self, value: Programme) -> None: ...
    @property
    def reasons(self) -> List[str]:
        """Why the family was referred, in the referrer's words."""
    @reasons.setter
    def reasons(self, value: List[str]) -> None: ...
    @property
    def received(self) -> datetime.date:
        """The date the referral was received."""
    @received.setter
    def received(self, value: datetime.date) -> None: ...
    @property
    def site(self) -> str:
        """The site, for Intensive Intervention."""
    @site.setter
    def site(self, value: str) -> None: ...
    @property
    def source(self) -> ReferralSource:
        """Who referred."""
    @source.setter
    def source(self, value: ReferralSource) -> None: ...

class ReferralAccepted:
    """The suitability check passed (by a panel for Children's Teams)."""
    def __copy__(self) -> ReferralAccepted: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ReferralAccepted: ...
    def __eq__(self, arg0: ReferralAccepted) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, by_panel: bool = ..., note: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def by_panel(self) -> bool:
        ...
    @by_panel.setter
    def by_panel(self, value: bool) -> None: ...
    @property
    def note(self) -> str:
        ...
    @note.setter
    def note(self, value: str) -> None: ...

class ReferralDeclined:
    """The referral is not suitable (the reason is required)."""
    def __copy__(self) -> ReferralDeclined: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ReferralDeclined: ...
    def __eq__(self, arg0: ReferralDeclined) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, reason: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def reason(self) -> str:
        ...
    @reason.setter
    def reason(self, value: str) -> None: ...

class ReferralReceived:
    """The first event of every case: its referral (made by Case.open)."""
    def __copy__(self) -> ReferralReceived: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ReferralReceived: ...
    def __eq__(self, arg0: ReferralReceived) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, referral: Referral) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def referral(self) -> Referral:
        ...
    @referral.setter
    def referral(self, value: Referral) -> None: ...

class ReferralSource(enum.IntEnum):
    """Who referred a family: an agency, or the family itself.

    Members (value: label):

    - AGENCY = 0: an agency
    - FAMILY = 1: the family itself (self-referral)
    """
    AGENCY = 0
    FAMILY = 1
    @property
    def label(self) -> str:
        """The plain-language label."""

class ReportAction:
    """One action as the final report lists it."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def description(self) -> str:
        ...
    @property
    def due(self) -> Optional[datetime.date]:
        ...
    @property
    def owner(self) -> str:
        """Who was to do it (a name)."""
    @property
    def status(self) -> ActionStatus:
        ...

class ReportMeeting:
    """One meeting as the final report lists it."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def attended(self) -> int:
        ...
    @property
    def day(self) -> datetime.date:
        ...
    @property
    def kind(self) -> MeetingKind:
        ...

class Request:
    """A request to disclose, for the bulk decide_many() and check_many()."""
    def __init__(self, *, discloser: Party, subjects: Union[int, List[int]], category: Category, recipient: Party, purpose: Purpose, at: datetime.datetime) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def at(self) -> datetime.datetime:
        ...
    @at.setter
    def at(self, value: datetime.datetime) -> None: ...
    @property
    def category(self) -> Category:
        ...
    @category.setter
    def category(self, value: Category) -> None: ...
    @property
    def discloser(self) -> Party:
        ...
    @discloser.setter
    def discloser(self, value: Party) -> None: ...
    @property
    def purpose(self) -> Purpose:
        ...
    @purpose.setter
    def purpose(self, value: Purpose) -> None: ...
    @property
    def recipient(self) -> Party:
        ...
    @recipient.setter
    def recipient(self, value: Party) -> None: ...
    @property
    def subjects(self) -> List[int]:
        ...
    @subjects.setter
    def subjects(self, value: List[int]) -> None: ...

class ReviewScheduled:
    """A review meeting is scheduled (the case assigns its id)."""
    def __copy__(self) -> ReviewScheduled: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ReviewScheduled: ...
    def __eq__(self, arg0: ReviewScheduled) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, meeting: Meeting) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def meeting(self) -> Meeting:
        ...
    @meeting.setter
    def meeting(self, value: Meeting) -> None: ...

class RolesAssigned:
    """Assign or reassign roles; only the roles given change."""
    def __copy__(self) -> RolesAssigned: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> RolesAssigned: ...
    def __eq__(self, arg0: RolesAssigned) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, coordinator: Optional[int] = ..., lead_agency: Optional[int] = ..., lead_contact: Optional[int] = ..., facilitator: Optional[str] = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def coordinator(self) -> Optional[int]:
        ...
    @coordinator.setter
    def coordinator(self, value: Optional[int]) -> None: ...
    @property
    def facilitator(self) -> Optional[str]:
        ...
    @facilitator.setter
    def facilitator(self, value: Optional[str]) -> None: ...
    @property
    def lead_agency(self) -> Optional[int]:
        ...
    @lead_agency.setter
    def lead_agency(self, value: Optional[int]) -> None: ...
    @property
    def lead_contact(self) -> Optional[int]:
        ...
    @lead_contact.setter
    def lead_contact(self, value: Optional[int]) -> None: ...

class S66CPurpose(enum.IntEnum):
    """The six purposes of Oranga Tamariki Act s66C.

    Members (value: label):

    - NONE = 0: not a s66C disclosure
    - RISK_OF_HARM = 1: preventing or reducing the risk of harm to a child
    - ASSESSMENT = 2: making or contributing to a risk or needs assessment
    - SUPPORT_PLAN = 3: making or contributing to a support plan
    - PREVENTION_PLAN = 4: making or contributing to a prevention plan
    - SERVICES = 5: arranging, providing or reviewing services
    - CARE_PROTECTION = 6: care and protection functions under the Act
    """
    NONE = 0
    RISK_OF_HARM = 1
    ASSESSMENT = 2
    SUPPORT_PLAN = 3
    PREVENTION_PLAN = 4
    SERVICES = 5
    CARE_PROTECTION = 6
    @property
    def label(self) -> str:
        """The plain-language label."""

class SharingRecord:
    """A record of sharing without consent: what, by whom, to whom, when, under which law, for what, approved by whom, why it was necessary, and whether the child and family were consulted or told (and if not, why)."""
    def __init__(self, *, subjects: Union[int, List[int]], category: Category | int | str, description: str, discloser: Party, recipient: Party, at: datetime.datetime, basis: LegalBasis, s66c: S66CPurpose = ..., requested_by: str = ..., purpose: str = ..., approver: str = ..., necessity: str = ..., child_consulted: bool = ..., family_told: bool = ..., not_told_reason: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def approver(self) -> str:
        ...
    @property
    def at(self) -> datetime.datetime:
        ...
    @property
    def basis(self) -> LegalBasis:
        ...
    @property
    def category(self) -> Category | int:
        ...
    @property
    def child_consulted(self) -> bool:
        ...
    @property
    def description(self) -> str:
        ...
    @property
    def discloser(self) -> Party:
        ...
    @property
    def family_told(self) -> bool:
        ...
    @property
    def necessity(self) -> str:
        ...
    @property
    def not_told_reason(self) -> str:
        ...
    @property
    def purpose(self) -> str:
        ...
    @property
    def recipient(self) -> Party:
        ...
    @property
    def requested_by(self) -> str:
        ...
    @property
    def s66c(self) -> S66CPurpose:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class State(enum.IntEnum):
    """Where a case is in its lifecycle.

    Members (value: label):

    - REFERRED = 0: referred
    - DECLINED = 1: declined
    - AWAITING_CONSENT = 2: awaiting consent
    - PREPARING = 3: preparing
    - MEETING_SCHEDULED = 4: meeting scheduled
    - PLAN_ACTIVE = 5: plan active
    - UNDER_REVIEW = 6: under review
    - CLOSING = 7: closing
    - CLOSED = 8: closed
    """
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
    def label(self) -> str:
        """The plain-language label."""

class StorageError(SfcoreError, OSError):
    """sfcore errors of the storage family (codes 5xx): archives and the case store."""

class Store:
    """A case store in one SQLite file (WAL mode): cases appended event by event with optimistic concurrency, listed and queried, with each case's ledger and the agency directory. Use it as a context manager (it closes at the end), or call close(). One Store object per thread; several may open the same file."""
    def __contains__(self, case_id: int) -> bool: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, *args) -> None:
        """Close the store."""
    def __init__(self, path: str, *, durable: bool = ..., busy_timeout_ms: int = ..., calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> None:
        """Open (or create) a store at a path (':memory:' for one that lives as long as the object). durable=False survives a crash but not a power loss. Raises StorageError (IO_ERROR, MALFORMED: not a store, UNSUPPORTED_VERSION)."""
    def __iter__(self) -> Iterator[Any]:
        """Every case, by id (as cases())."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def append(self, case: Case, expected_version: int) -> int:
        """Append a case's events after the first expected_version (how many the store holds; 0 for a new case) and return the version now stored. Raises StorageError (CONFLICT when another writer got there first; IO_ERROR for a full disk or an I/O error): the store is then as it was."""
    def cases(self, *, state: Optional[State] = ..., programme: Optional[Programme] = ..., coordinator: Optional[int] = ..., overdue_on: Optional[datetime.date] = ...) -> List[Case]:
        """Load every case that matches, by id, in one pass from one consistent snapshot (much faster than load() per case; the GIL is released while it reads)."""
    def close(self) -> None:
        """Close the store (later calls raise StorageError)."""
    @property
    def closed(self) -> bool:
        """True once closed."""
    def directory(self) -> AgencyDirectory:
        """The stored agency directory. Raises ArgumentError (NOT_FOUND) when none was saved."""
    def ledger_version(self, case_id: int) -> int:
        """The number of audit entries of the stored ledger (0 for none)."""
    def list(self, *, state: Optional[State] = ..., programme: Optional[Programme] = ..., coordinator: Optional[int] = ..., overdue_on: Optional[datetime.date] = ...) -> List[CaseSummary]:
        """The cases that match every condition given, by id."""
    def load(self, case_id: int) -> Case:
        """Load a case (replayed). Raises ArgumentError (NOT_FOUND) or StorageError."""
    def load_ledger(self, case_id: int, case: Case, directory: AgencyDirectory) -> Ledger:
        """Load a case's ledger. Raises ArgumentError (NOT_FOUND) or StorageError."""
    @property
    def path(self) -> str:
        ...
    def put_directory(self, directory: AgencyDirectory) -> None:
        """Save the agency directory (replacing the one stored)."""
    def put_ledger(self, case_id: int, ledger: Ledger, expected_version: int) -> None:
        """Save a case's ledger. expected_version is the number of audit entries of the stored ledger (0 for none). Raises ArgumentError (NOT_FOUND: no such case) or StorageError (CONFLICT)."""
    def version(self, case_id: int) -> int:
        """How many events the store holds for a case (0 for none)."""

class SupportType(enum.IntEnum):
    """Kinds of support agencies provide.

    Members (value: label):

    - NONE = 0: no particular support type
    - SOCIAL_WORK = 1: social work
    - TRUANCY = 2: truancy services
    - BUDGET_ADVICE = 3: budget advice
    - ACCOMMODATION = 4: accommodation referrals
    - HEALTH = 5: health programmes
    - EDUCATION = 6: schooling and other education services
    - COUNSELLING = 7: counselling
    """
    NONE = 0
    SOCIAL_WORK = 1
    TRUANCY = 2
    BUDGET_ADVICE = 3
    ACCOMMODATION = 4
    HEALTH = 5
    EDUCATION = 6
    COUNSELLING = 7
    @property
    def label(self) -> str:
        """The plain-language label."""

TABLES: Tuple[str, ...]

class Timeframes:
    """The targets a region works to (the defaults are the programme's)."""
    def __init__(self, *, initial_meeting_working_days: int = ..., review_earliest_days: int = ..., review_latest_days: int = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def initial_meeting_working_days(self) -> int:
        ...
    @initial_meeting_working_days.setter
    def initial_meeting_working_days(self, value: int) -> None: ...
    @property
    def review_earliest_days(self) -> int:
        ...
    @review_earliest_days.setter
    def review_earliest_days(self, value: int) -> None: ...
    @property
    def review_latest_days(self) -> int:
        ...
    @review_latest_days.setter
    def review_latest_days(self, value: int) -> None: ...

class Transition:
    """One row of the lifecycle's transition table: in any of from_states, on event, if every guard holds, go to to_state (None: stay)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def event(self) -> EventType:
        ...
    @property
    def from_states(self) -> List[State]:
        ...
    @property
    def guards(self) -> List[Guard]:
        ...
    @property
    def to_state(self) -> Optional[State]:
        ...

VERSION_NUMBER: int

class Withdrawal:
    """A withdrawal of consent, whole or partial (read only)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def at(self) -> datetime.datetime:
        """It takes effect at this instant."""
    @property
    def category(self) -> Optional[Category | int]:
        """Only this category (None: every one)."""
    @property
    def recipient(self) -> Optional[Party]:
        """Only this recipient (None: every one)."""
    @property
    def recorded_by(self) -> str:
        ...
    @property
    def subject(self) -> int:
        ...

def inspect_archive(data: Buffer) -> ArchiveInfo:
    """Check an archive's frame and checksum and say what it holds. Raises StorageError (MALFORMED, UNSUPPORTED_VERSION, CHECKSUM_MISMATCH)."""

def load_audit(data: Buffer) -> AuditLog:
    """Load an audit log from an archive (as AuditLog.from_bytes)."""

def load_case(data: Buffer) -> Case:
    """Load a case from an archive (as Case.from_bytes)."""

def load_directory(data: Buffer) -> AgencyDirectory:
    """Load an agency directory from an archive (as AgencyDirectory.from_bytes)."""

def nz_time(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    """A New Zealand local date and time (Pacific/Auckland) as an aware datetime. Raises ArgumentError (OUT_OF_RANGE) for a time skipped or repeated by daylight saving."""

def programme_rules() -> List[ProgrammeRules]:
    """The rules of each programme, in programme order."""

def table(name: str, source: Any, *, directory: AgencyDirectory, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ..., arrays: bool = ...) -> Dict[str, Any]:
    """One of the analysts' tables as columns: cases, members, events, meetings and actions from a Store (read without holding the GIL) or a sequence of Case; decisions, sharings and declined from a sequence of Ledger. Enumerations are given by their identifiers ('plan_active'), parties by name. With arrays=False each column is a list of Python values (None where missing); with arrays=True each is (kind, values, missing): kind one of 'integer', 'boolean', 'day' (days since 1970-01-01), 'moment' (seconds since 1970-01-01 UTC) with values as little-endian int64 bytes, or 'text' with values a list of str; missing is bytes (1 = missing) or None. sfcore.analysis builds records and DataFrames from it."""

def transitions() -> List[Transition]:
    """The lifecycle's transition table, row by row (the engine, the C ABI and the docs read the same table). An event with no row for a case's state is refused by Guard.NO_TRANSITION."""

__version__: str
