"""Type stubs for sfcore._core, generated from the module by scripts/gen_stubs.py (make stubs)."""

import datetime
import enum
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

Buffer = Union[bytes, bytearray, memoryview]

class SfcoreError(Exception):
    """The root of every sfcore exception. .code is an ErrorCode; str() reads '[sfcore.error.NNN] meaning: detail'. A refusal by a rule is a returned value, never an exception."""
    code: ErrorCode

ARCHIVE_ENCRYPTED_FORMAT_VERSION: int

ARCHIVE_FORMAT_VERSION: int

class AccessAnswered:
    """An access request was answered on a day, with the ground of each withholding (Privacy Act 2020 ss 49-53; none when given in full)."""
    def __copy__(self) -> AccessAnswered: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> AccessAnswered: ...
    def __eq__(self, arg0: AccessAnswered) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, request: int, on: datetime.date, withheld: List[str] = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def on(self) -> datetime.date:
        ...
    @property
    def request(self) -> int:
        ...
    @property
    def withheld(self) -> List[str]:
        ...

class AccessExtended:
    """The time to answer an access request (request: its entry's seq) is extended to a later day, with the reason (Privacy Act 2020 s 48)."""
    def __copy__(self) -> AccessExtended: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> AccessExtended: ...
    def __eq__(self, arg0: AccessExtended) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, request: int, due: datetime.date, reason: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def due(self) -> datetime.date:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def request(self) -> int:
        ...

class AccessItem:
    """One thing an access response tells the person."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def case(self) -> int:
        ...
    @property
    def heading(self) -> str:
        """Its kind: 'details', 'consent to share', 'shared', 'viewed', …"""
    @property
    def seq(self) -> int:
        """The journal entry it comes from."""
    @property
    def text(self) -> str:
        """What it says, about the person alone."""
    @property
    def when(self) -> datetime.datetime:
        ...

class AccessRequest:
    """An access request as the journal leaves it (Case.access_requests)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def answered_on(self) -> Optional[datetime.date]:
        """The day it was answered, once it was."""
    def due(self, calendar: Optional[HolidayCalendar] = ...) -> datetime.date:
        """The last day to answer it: the extension's, or 20 working days after it was received."""
    @property
    def extended_to(self) -> Optional[datetime.date]:
        """The last day an extension set, if any."""
    @property
    def extension_reason(self) -> str:
        ...
    @property
    def request(self) -> AccessRequested:
        """What it asked (AccessRequested)."""
    @property
    def seq(self) -> int:
        """The request's entry."""
    @property
    def withheld(self) -> List[str]:
        """The grounds of what the answer withheld."""

class AccessRequested:
    """A request for access to a member's personal information (Privacy Act 2020, IPP 6), by the person or by someone with authority to ask for them (authority: '' when the person asked). It is due 20 working days after it was received by the Act's own definition, and overdue in any state of the case until answered."""
    def __copy__(self) -> AccessRequested: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> AccessRequested: ...
    def __eq__(self, arg0: AccessRequested) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, requester: str, received: datetime.date, authority: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def authority(self) -> str:
        ...
    @property
    def member(self) -> int:
        ...
    @property
    def received(self) -> datetime.date:
        ...
    @property
    def requester(self) -> str:
        ...

class AccessResponse:
    """The answer to a person's access request, from every case they are a member of."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def cases(self) -> List[PersonCase]:
        """Their cases (PersonCase), each with their details' history."""
    @property
    def items(self) -> List[AccessItem]:
        """What is held about them (AccessItem)."""
    @property
    def key(self) -> str:
        ...
    @property
    def markdown(self) -> str:
        """The whole answer as Markdown."""
    @property
    def withheld(self) -> List[AccessWithholding]:
        """What was withheld, with its ground (AccessWithholding)."""

class AccessWithholding:
    """Something an access response withholds, with its ground."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def case(self) -> int:
        ...
    @property
    def ground(self) -> str:
        """The ground as the person is told it (it names no one)."""
    @property
    def seq(self) -> int:
        ...

class Action:
    """One action of a plan: who does what, by when."""
    def __copy__(self) -> Action: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Action: ...
    def __eq__(self, arg0: Action) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, description: str, owner: Optional[Party] = ..., due: Optional[datetime.date] = ..., status: ActionStatus = ..., support: SupportType = ..., need: str = ..., id: int = ..., outcomes: List[OutcomeArea] = ...) -> None:
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
    def outcomes(self) -> List[OutcomeArea]:
        """The outcome areas it serves (each at most once)."""
    @outcomes.setter
    def outcomes(self, value: List[OutcomeArea]) -> None: ...
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
    def child_welfare(self) -> bool:
        """A child welfare and protection agency (Oranga Tamariki Act 1989 s2): s66C sharing is between such agencies."""
    @property
    def former_names(self) -> List[str]:
        """Names it had before (the newest last); each still finds it."""
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
    def add(self, name: str, kind: AgencyKind = ..., *, child_welfare: bool = ...) -> int:
        """Add an agency and return its new id; child_welfare marks a child welfare and protection agency (s2). Raises ArgumentError for a blank, taken (current or former) or non-UTF-8 name."""
    def add_local_group(self, name: str) -> int:
        """Register a Local Management Group and return its id. Raises ArgumentError (INVALID_ARGUMENT, INVALID_UTF8, ALREADY_EXISTS)."""
    def add_practitioner(self, agency: int, name: str) -> int:
        """Add a named worker of an agency and return their new id. Raises ArgumentError (NOT_FOUND, INVALID_UTF8, INVALID_ARGUMENT)."""
    def add_site(self, programme: Programme, name: str, *, target_families: int = ..., target_children: int = ...) -> int:
        """Register a site of Intensive Intervention or a team of Children's Teams and return its id (a new directory holds the four Intensive Intervention sites, with no targets set). Raises ArgumentError (INVALID_ARGUMENT, INVALID_UTF8, ALREADY_EXISTS, OUT_OF_RANGE)."""
    @property
    def agencies(self) -> List[Agency]:
        """Every agency, in id order."""
    def find(self, name: str) -> int:
        """The id of the agency with this exact name, current or former. Raises ArgumentError (NOT_FOUND) when there is none."""
    @staticmethod
    def from_bytes(data: Buffer) -> AgencyDirectory:
        """Load a directory from an archive. Raises StorageError for a damaged or foreign archive."""
    def local_group(self, local_group_id: int) -> LocalGroup:
        """The Local Management Group with an id. Raises ArgumentError (NOT_FOUND)."""
    @property
    def local_groups(self) -> List[LocalGroup]:
        """Every Local Management Group, in id order."""
    def practitioner(self, practitioner_id: int) -> Practitioner:
        """The practitioner with an id. Raises ArgumentError (NOT_FOUND)."""
    @property
    def practitioners(self) -> List[Practitioner]:
        """Every practitioner, in id order."""
    def rename(self, agency_id: int, name: str) -> None:
        """Give an agency a new name; the old one is kept as a former name and still finds it. Raises ArgumentError (NOT_FOUND, INVALID_UTF8, INVALID_ARGUMENT, ALREADY_EXISTS)."""
    def set_child_welfare(self, agency_id: int, child_welfare: bool) -> None:
        """Say whether an agency is a child welfare and protection agency (s2; an independent person s66C names may be entered as one). Raises ArgumentError (NOT_FOUND)."""
    def set_local_group(self, practitioner_id: int, local_group_id: Optional[int]) -> None:
        """Say which Local Management Group a practitioner (a coordinator) belongs to (None: none). Raises ArgumentError (NOT_FOUND)."""
    def set_site_targets(self, site_id: int, target_families: int, target_children: int) -> None:
        """Set a site's targets (0: not set). Raises ArgumentError (NOT_FOUND, OUT_OF_RANGE)."""
    def site(self, site_id: int) -> Site:
        """The site with an id. Raises ArgumentError (NOT_FOUND)."""
    @property
    def sites(self) -> List[Site]:
        """Every site and team, in id order."""
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
    - LEDGER = 2: a disclosure ledger of sfcore 0.1 (read by upgrade_v1)
    - AUDIT = 3: an audit log of sfcore 0.1 (no longer read)
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
    def encrypted(self) -> bool:
        """It holds an encrypted case (format ARCHIVE_ENCRYPTED_FORMAT_VERSION)."""
    @property
    def format_version(self) -> int:
        ...
    @property
    def host_key_id(self) -> str:
        """The id of the host key its case key is wrapped under ('' when not encrypted)."""
    @property
    def key_id(self) -> str:
        """The id of the key it is sealed with ('' when not sealed)."""
    @property
    def payload_size(self) -> int:
        ...
    @property
    def sealed(self) -> bool:
        """It carries a keyed seal instead of a checksum."""

class ArgumentError(SfcoreError, ValueError):
    """sfcore errors of the argument family (codes 1xx): a bad argument: wrong value, NULL, invalid UTF-8, unknown id."""

class Case:
    """A case: one family's journey through a programme, kept as one journal of entries whose fold is its state: the lifecycle, and what governs sharing its information. Offer each fact with record(): it is accepted, or refused with the guard and the reason (a refusal is a value). decide() and view() record what was decided and shown. Bad input raises and changes nothing. Every Python thread may use one Case at once."""
    def __copy__(self) -> Case: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Case: ...
    def __eq__(self, arg0: Case) -> bool:
        """Same id and journal."""
    def __getstate__(self) -> bytes: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: bytes) -> None: ...
    def access_log(self, actor: str = ...) -> List[Event]:
        """Every decision made and view shown (by one actor, or by anyone for ''), oldest first."""
    @property
    def access_requests(self) -> List[AccessRequest]:
        """Every access request (AccessRequest), oldest first, with its extension and answer."""
    @property
    def approved(self) -> List[Party]:
        """The parties the family approved to take part."""
    @property
    def categories(self) -> CategoryRegistry:
        """The case's information categories (a copy)."""
    def check(self, directory: AgencyDirectory, discloser: Recipient, subjects: Union[int, Member, List[Union[int, Member]]], category: Category | int | str, recipient: Recipient, purpose: Purpose, at: datetime.datetime) -> Decision:
        """As decide(), without recording (to preview, or to ask about any past or future instant)."""
    def check_many(self, requests: Sequence[Any], *, directory: AgencyDirectory) -> DecisionBatch:
        """As decide_many(), without recording."""
    @property
    def closed_at(self) -> Optional[datetime.datetime]:
        ...
    def confidential_at(self, member: int, at: datetime.datetime) -> List[Category | int]:
        """The categories of a member marked confidential at an instant."""
    @property
    def consent_ages(self) -> ConsentAgesSet:
        """From which ages people consent to share for themselves."""
    @property
    def consents(self) -> List[ParticipationConsent]:
        """Every member's consent to take part, as it stands."""
    def correction_statements(self, member_id: int) -> List[CorrectionStatement]:
        """The statements of correction attached to a member's details, oldest first: show them wherever the member's details are shown. Raises ArgumentError (NOT_FOUND)."""
    def decide(self, directory: AgencyDirectory, discloser: Recipient, subjects: Union[int, Member, List[Union[int, Member]]], category: Category | int | str, recipient: Recipient, purpose: Purpose, at: datetime.datetime, actor: str) -> Decision:
        """Decide a request and record the decision in the case's journal. subjects: one member or a list (every one must consent; deny overrides), each an id or a Member read from this case (a Member of another case raises ArgumentError: member numbers are per case). A recipient or discloser is a Recipient, an Agency or a Practitioner. A refusal is a returned Decision; a malformed request (an unknown member or recipient) raises DisclosureError or ArgumentError."""
    def decide_many(self, requests: Sequence[Any], *, directory: AgencyDirectory, actor: str) -> DecisionBatch:
        """Decide many requests (a sequence of Request) in one call, recording each in the journal, without holding the GIL. Returns a DecisionBatch in request order: the same decisions and entries as decide() on each. A malformed request raises; the decisions before it stay recorded."""
    def disclosures_about(self, member_id: Union[int, Member]) -> List[DisclosureOfMember]:
        """Every sharing of information about a member the journal records (a permitted decision, a view that showed an item about them, a sharing without consent), oldest first: the recipients to tell of a correction or a statement (IPP 7(4)). Raises ArgumentError (NOT_FOUND)."""
    @property
    def encrypted(self) -> bool:
        """True when the case is encrypted at rest (opened with encrypted=True)."""
    def entries(self, type: EventType) -> List[Event]:
        """The journal's entries of one type, oldest first."""
    @property
    def exit_note(self) -> str:
        ...
    @property
    def exit_reason(self) -> Optional[ExitReason]:
        ...
    def explain(self, decision: Union[Decision, int]) -> str:
        """The full reason for a recorded decision (a Decision, or its journal entry's seq), for the coordinator and the audit, from the journal (ids, never names). Raises ArgumentError (NOT_FOUND) for anything else."""
    def fhir_audit_events(self, *, directory: AgencyDirectory, links: Optional[Any] = ...) -> Any:
        """The journal's decisions, views, sharings without consent and declined requests as a FHIR R4 Bundle (a dict) of AuditEvents. It names whom each refusal rested on: the coordinator's log."""
    def fhir_consent(self, consent: int, *, directory: AgencyDirectory, links: Optional[Any] = ...) -> Any:
        """One consent to share (its number in the case) as a FHIR R4 Consent resource (a dict): a deny base with a permit per recipient, and withdrawals and confidential marks as nested denies. links (a dict) names people, agencies and codes as other systems do, and gives members' NHI numbers. Raises ArgumentError (NOT_FOUND) for an unknown consent."""
    def fhir_consents(self, member: int, *, directory: AgencyDirectory, links: Optional[Any] = ...) -> Any:
        """Every consent to share of a member as a FHIR R4 Bundle (a dict) of Consent resources, in the order given."""
    def final_report(self, directory: AgencyDirectory, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> FinalReport:
        """The final report, generated from the journal."""
    @property
    def final_report_summary(self) -> str:
        ...
    @staticmethod
    def from_bytes(data: Buffer, keys: List[SealingKey] = ..., key_provider: Optional[function] = ...) -> Case:
        """Load a case from an archive: the frame is checked, the journal verified from the case's id and replayed (a 0.1 case archive is converted as it loads). With keys, the archive must be sealed with one of them. An encrypted case's archive needs key_provider (a callable given a host key id, returning its 32 bytes or None): the case's key is unwrapped with the host key the archive names, and the case stays encrypted. Raises StorageError (MALFORMED, CHECKSUM_MISMATCH, INTEGRITY, KEY_ERROR, ...)."""
    @property
    def head(self) -> JournalHead:
        """The journal's head: keep it to verify against later."""
    @property
    def id(self) -> int:
        """The case's id."""
    def import_fhir_consents(self, resource: Any, *, directory: AgencyDirectory, who: str, when: datetime.datetime, links: Optional[Any] = ...) -> List[int]:
        """Import a FHIR R4 Consent (or a Bundle of them; a dict or its JSON text) into the journal at one instant: every entry it says, or none. Returns the numbers of the consents given. Whatever sfcore cannot represent exactly raises ConsentError naming the element (such as 'provision.provision[2].data'); malformed input raises DataError, and a reference to no one the case knows ArgumentError (NOT_FOUND)."""
    def initial_meeting_due(self, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> datetime.date:
        """The date the initial meeting is due: the referral date plus the case's working days (15 unless set)."""
    def is_approved(self, party: Party) -> bool:
        """True when the party may take part: a family member, or an agency or named practitioner the family approved (approving an agency does not approve its workers by name, nor the reverse)."""
    @property
    def journal(self) -> List[Event]:
        """Every entry, oldest first (a copy)."""
    @property
    def meetings(self) -> List[Meeting]:
        ...
    def member(self, member_id: Union[int, Member]) -> Any:
        """A member by id (or a Member of this case, read again), carrying this case's id as case_id. Raises ArgumentError (NOT_FOUND, or INVALID_ARGUMENT for a Member of another case)."""
    def member_history(self, member_id: Union[int, Member]) -> List[MemberVersion]:
        """Every version of a member's details, oldest first: as added, then after each MemberUpdated entry. Raises ArgumentError (NOT_FOUND)."""
    @property
    def members(self) -> list:
        """The family members, in the order they were added (each carries this case's id as case_id)."""
    def name_of(self, party: Party, directory: AgencyDirectory) -> str:
        """A party's name: a member's, an agency's, or a practitioner's with their agency."""
    def necessary_at(self, at: datetime.datetime) -> List[Category | int]:
        """The categories necessary at an instant."""
    def next_deadline(self, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> Optional[datetime.date]:
        """The earliest date by which something is due (None when nothing is pending)."""
    def notice(self, member: Union[int, Member], *, directory: AgencyDirectory, purpose: Purpose, at: datetime.datetime) -> Notice:
        """A member's disclosure notice: who may receive which of their information for a purpose, what they marked confidential, and what was shared without consent that they were told of (record NoticeGiven when given)."""
    @staticmethod
    def open(*, case_id: int, directory: AgencyDirectory, referral: Referral, recorded_by: str, recorded_at: datetime.datetime, encrypted: bool = ...) -> Case:
        """Open a case from a referral. recorded_at must be a timezone-aware datetime. With encrypted=True the case gets a key of its own and every entry is stored sealed under it (a Store needs a key_provider to keep it; it cannot be archived or pickled). Raises ArgumentError for bad input."""
    def overdue(self, as_of: datetime.date, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ...) -> List[OverdueItem]:
        """What is overdue as of a date."""
    def person_of(self, member_id: int) -> Optional[PersonLinked]:
        """The person a member is (a PersonLinked, as the member's last link gave it), or None when never linked. Raises ArgumentError (NOT_FOUND) for an unknown member."""
    @property
    def persons(self) -> List[PersonLinked]:
        """Every member's link to a person, as it stands, by member."""
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
    def record(self, payload: Union[ReferralReceived, ReferralAccepted, ReferralDeclined, MemberAdded, ConsentRecorded, ConsentWithdrawn, RolesAssigned, PreparationStarted, PrioritiesSet, InviteeApproved, InviteeWithdrawn, MeetingScheduled, MeetingHeld, PlanAgreed, PlanRevised, ActionUpdated, ReviewScheduled, Escalated, ClosureStarted, FinalReportSubmitted, CaseClosed, CaseReopened, SharingConsentGiven, SharingConsentWithdrawn, ConfidentialMarked, IssueAreasSet, NecessityAdjusted, CategoryRegistered, ConsentAgesSet, SharedWithoutConsent, RequestDeclined, NoticeGiven, DisclosureDecided, ViewShown, LegacyAuditImported, TimeframesSet, MemberUpdated, PersonLinked, IdentifiedExtract, AccessRequested, AccessExtended, AccessAnswered, CorrectionDeclined, CaseDisposed], *, directory: AgencyDirectory, recorded_by: str, at: datetime.datetime) -> Outcome:
        """Offer a fact (a payload object, e.g. PreparationStarted() or SharingConsentGiven(...)): returns an Outcome, accepted or refused. at is an aware datetime, never earlier than the last fact."""
    @property
    def referral(self) -> Referral:
        ...
    @property
    def refused(self) -> List[Party]:
        """The parties the family refused (withdrew approval of, and has not approved again): none of them can be made lead agency, key contact or an action's owner."""
    @staticmethod
    def replay(case_id: int, journal: List[Event]) -> Case:
        """Rebuild a case from its journal: the hash chain is verified from the case's id, every entry checked again and every recorded decision made again. Raises StorageError (INTEGRITY) or ArgumentError."""
    def review_due(self, timeframes: Optional[Timeframes] = ...) -> Optional[datetime.date]:
        """The date the next review is due while a plan is in force (plan active or under review): the booked review's date when one is booked and not held, else the last meeting's date plus the latest review day (else None)."""
    @property
    def roles(self) -> CaseRoles:
        ...
    @property
    def sharing_consents(self) -> List[SharingConsent]:
        """Every consent to share, in the order given."""
    @property
    def state(self) -> State:
        """Where the case is in its lifecycle."""
    @property
    def timeframes(self) -> Timeframes:
        """The timeframes the case works to: the programme's, unless its journal sets others (TimeframesSet). Queries given timeframes=None use these."""
    def timeline(self, directory: AgencyDirectory) -> List[str]:
        """One line per entry, e.g. '2026-03-02 09:00 NZDT  initial meeting scheduled: …'."""
    def to_bytes(self, encoding: ArchiveEncoding = ..., key: Optional[SealingKey] = ..., key_provider: Optional[function] = ..., key_id: str = ...) -> bytes:
        """The case as an archive: its id and whole journal. With a key, the archive is sealed (HMAC-SHA-256) instead of checksummed. An encrypted case is archived only with key_provider and key_id: its entries stay sealed and its key is wrapped under host key key_id (binary only). Saving never changes the case."""
    def verify(self, expected: Optional[JournalHead] = ...) -> JournalVerification:
        """Verify the journal: every entry's hash from the case's id, and (when expected is given) that the journal still holds that head at its place. Returns a JournalVerification; never raises for a bad journal."""
    @property
    def version(self) -> int:
        """How many entries the journal holds (what a store append expects next)."""
    def view(self, items: List[InfoItem], *, directory: AgencyDirectory, recipient: Recipient, purpose: Purpose, at: datetime.datetime, actor: str) -> List[InfoItem]:
        """What a recipient may see of the items for a purpose at an instant: only the permitted ones, in order; nothing tells what was left out. The view is recorded in the journal."""
    @property
    def withdrawals(self) -> List[SharingWithdrawal]:
        """Every withdrawal of consent to share (withdrawals from the process included)."""
    def would_accept(self, payload: Union[ReferralReceived, ReferralAccepted, ReferralDeclined, MemberAdded, ConsentRecorded, ConsentWithdrawn, RolesAssigned, PreparationStarted, PrioritiesSet, InviteeApproved, InviteeWithdrawn, MeetingScheduled, MeetingHeld, PlanAgreed, PlanRevised, ActionUpdated, ReviewScheduled, Escalated, ClosureStarted, FinalReportSubmitted, CaseClosed, CaseReopened, SharingConsentGiven, SharingConsentWithdrawn, ConfidentialMarked, IssueAreasSet, NecessityAdjusted, CategoryRegistered, ConsentAgesSet, SharedWithoutConsent, RequestDeclined, NoticeGiven, DisclosureDecided, ViewShown, LegacyAuditImported, TimeframesSet, MemberUpdated, PersonLinked, IdentifiedExtract, AccessRequested, AccessExtended, AccessAnswered, CorrectionDeclined, CaseDisposed], *, directory: AgencyDirectory, recorded_by: str, at: datetime.datetime) -> Outcome:
        """As record(), without changing the case: would the fact be accepted?"""

class CaseClosed:
    """The case closes (needs the final report)."""
    def __copy__(self) -> CaseClosed: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CaseClosed: ...
    def __eq__(self, arg0: CaseClosed) -> bool:
        """Field-by-field equality."""
    def __init__(self) -> None: ...
    def __repr__(self) -> str: ...

class CaseDisposed:
    """The case was disposed of by destroying its key (Store.dispose()): a record the store makes, never offered to record()."""
    def __copy__(self) -> CaseDisposed: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CaseDisposed: ...
    def __eq__(self, arg0: CaseDisposed) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def closed(self) -> datetime.date:
        """When the case was closed."""
    @property
    def years(self) -> int:
        """The retention its programme's rule gave, in years after closure."""

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
    def head(self) -> JournalHead:
        """The stored journal's head."""
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
        """Entries stored."""

class Category(enum.IntEnum):
    """The built-in information categories (a case may register more, numbered after them).

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

class CategoryRegistered:
    """An information category of the case's own, numbered after the built-in ones (Outcome.assigned is its number)."""
    def __copy__(self) -> CategoryRegistered: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CategoryRegistered: ...
    def __eq__(self, arg0: CategoryRegistered) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, name: str, label: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def id(self) -> int:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...

class CategoryRegistry:
    """A case's information categories: the built-in ones and the case's own (read only)."""
    def __contains__(self, category: int) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def find(self, name: str) -> Optional[Category | int]:
        """The category with an identifier, or None."""
    def label(self, category: Category) -> str:
        """A category's label."""
    def name(self, category: Category) -> str:
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

class ConfidentialMarked:
    """The family marks a member's information of a category confidential (never shared under consent), or lifts the mark."""
    def __copy__(self) -> ConfidentialMarked: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ConfidentialMarked: ...
    def __eq__(self, arg0: ConfidentialMarked) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, subject: int, category: Category, confidential: bool = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category:
        ...
    @property
    def confidential(self) -> bool:
        ...
    @property
    def subject(self) -> int:
        ...

class ConsentAgesSet:
    """From which ages people consent to share for themselves."""
    def __copy__(self) -> ConsentAgesSet: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ConsentAgesSet: ...
    def __eq__(self, arg0: ConsentAgesSet) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, young_person: int = ..., adult: int = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def adult(self) -> int:
        ...
    @property
    def young_person(self) -> int:
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

class CorrectionDeclined:
    """A correction a member asked for was not made: their statement of the correction sought is attached to the detail (Privacy Act 2020, IPP 7), shown with their details from then on (Case.correction_statements()); the recipients to tell are Case.disclosures_about()."""
    def __copy__(self) -> CorrectionDeclined: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> CorrectionDeclined: ...
    def __eq__(self, arg0: CorrectionDeclined) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, detail: str, statement: str, reason: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def detail(self) -> str:
        ...
    @property
    def member(self) -> int:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def statement(self) -> str:
        ...

class CorrectionStatement:
    """A statement of correction attached to a member's detail."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def declined(self) -> CorrectionDeclined:
        """The detail, the statement and the reason."""
    @property
    def seq(self) -> int:
        """The CorrectionDeclined entry."""

class Decision:
    """A decision: permit or deny, the rule that decided, the subject it was decided for, and the journal entry recording it. bool(decision) is True when permitted. requester_reason is what the requester is told; Case.explain() gives the coordinator the full reason."""
    def __bool__(self) -> bool: ...
    def __copy__(self) -> Decision: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Decision: ...
    def __eq__(self, arg0: Decision) -> bool: ...
    def __getstate__(self) -> tuple: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    @property
    def case_id(self) -> int:
        ...
    @property
    def consent(self) -> int:
        """The consent that permitted it (0 when denied)."""
    @property
    def permit(self) -> bool:
        ...
    @property
    def requester_reason(self) -> str:
        """What the requester is told: whether disclosure is permitted, and the decision's reference. The same words for every refusal."""
    @property
    def rule(self) -> DecisionRule:
        """The rule that decided (for the coordinator and the audit, not the requester)."""
    @property
    def seq(self) -> int:
        """The journal entry recording it (0 when not recorded, as by check())."""
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

class DisclosureDecided:
    """An access record: a request and the decision made on it (written by Case.decide())."""
    def __copy__(self) -> DisclosureDecided: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> DisclosureDecided: ...
    def __eq__(self, arg0: DisclosureDecided) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category:
        ...
    @property
    def consent(self) -> int:
        ...
    @property
    def discloser(self) -> Recipient:
        ...
    @property
    def permit(self) -> bool:
        ...
    @property
    def purpose(self) -> Purpose:
        ...
    @property
    def recipient(self) -> Recipient:
        ...
    @property
    def rule(self) -> DecisionRule:
        ...
    @property
    def subject(self) -> int:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class DisclosureError(SfcoreError, RuntimeError):
    """sfcore errors of the disclosure family (codes 4xx): disclosure and sharing records."""

class DisclosureOfMember:
    """A sharing of a member's information the journal records."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category:
        ...
    @property
    def how(self) -> EventType:
        """DISCLOSURE_DECIDED (permitted), VIEW_SHOWN or SHARED_WITHOUT_CONSENT."""
    @property
    def seq(self) -> int:
        """The entry that records it."""
    @property
    def to(self) -> Recipient:
        """The recipient."""
    @property
    def when(self) -> datetime.datetime:
        ...

class DisposalDue:
    """A closed case whose retention has ended (Store.due_for_disposal())."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def closed(self) -> datetime.date:
        """When it was closed (New Zealand date)."""
    @property
    def due(self) -> datetime.date:
        """When its retention ended."""
    @property
    def encrypted(self) -> bool:
        """True when it can be disposed of (Store.dispose() destroys an encrypted case's key)."""
    @property
    def id(self) -> int:
        """The case."""
    @property
    def programme(self) -> Programme:
        """Its programme."""
    @property
    def years(self) -> int:
        """The years its programme's rule keeps it."""

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
    - CONFLICT = 504: the store does not hold what the writer expected
    - IO_ERROR = 505: the store could not read or write its file, or reach its server
    - INTEGRITY = 506: a journal does not verify: an entry was changed, removed, reordered or rolled back, or belongs to another case
    - KEY_ERROR = 507: a sealing or encryption key is missing, unknown or does not match
    - CLOSED = 508: the store was closed
    - NEEDS_MIGRATION = 509: the store's schema is older than this library's: migrate it first
    - DISPOSED = 510: the case was disposed of: its key was destroyed and its entries cannot be read
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
    INTEGRITY = 506
    KEY_ERROR = 507
    CLOSED = 508
    NEEDS_MIGRATION = 509
    DISPOSED = 510
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
    """One entry of a case's journal: what happened, when, who recorded it, and its place in the hash chain."""
    def __copy__(self) -> Event: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Event: ...
    def __eq__(self, arg0: Event) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def hash(self) -> str:
        """Its hash in the chain (SHA-256 over the hash before it and every field), in hex."""
    @property
    def kind(self) -> EventKind:
        """What it is about: the lifecycle, what governs sharing, or an access record (a decision or view)."""
    @property
    def payload(self) -> Any:
        """What happened: a payload object."""
    @property
    def recorded(self) -> datetime.datetime:
        """When the library recorded it, by its clock."""
    @property
    def seq(self) -> int:
        """Its place in the journal: 1, 2, 3…"""
    @property
    def type(self) -> EventType:
        """The kind of event."""
    @property
    def when(self) -> datetime.datetime:
        """When it happened, as the host said; for an access record, the instant it was about."""
    @property
    def who(self) -> str:
        """Who recorded it (the host system's user id)."""

class EventKind(enum.IntEnum):
    """What an event is about: the lifecycle, what governs sharing, or an access record.

    Members (value: label):

    - LIFECYCLE = 0: the case's process
    - DISCLOSURE = 1: consent to share and what governs sharing
    - ACCESS = 2: a decision or view the library recorded
    """
    LIFECYCLE = 0
    DISCLOSURE = 1
    ACCESS = 2
    @property
    def label(self) -> str:
        """The plain-language label."""

class EventType(enum.IntEnum):
    """The kinds of event a case's journal records.

    Members (value: label):

    - REFERRAL_RECEIVED = 0: referral received
    - REFERRAL_ACCEPTED = 1: referral accepted
    - REFERRAL_DECLINED = 2: referral declined
    - MEMBER_ADDED = 3: family member added
    - CONSENT_RECORDED = 4: consent to take part recorded
    - CONSENT_WITHDRAWN = 5: consent to take part withdrawn
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
    - SHARING_CONSENT_GIVEN = 22: consent to share recorded
    - SHARING_CONSENT_WITHDRAWN = 23: consent to share withdrawn
    - CONFIDENTIAL_MARKED = 24: confidential mark set or lifted by the family
    - ISSUE_AREAS_SET = 25: issue areas of the key issues set
    - NECESSITY_ADJUSTED = 26: necessity widened or narrowed by the family
    - CATEGORY_REGISTERED = 27: information category registered
    - CONSENT_AGES_SET = 28: consent ages set
    - SHARED_WITHOUT_CONSENT = 29: shared without consent under the law
    - REQUEST_DECLINED = 30: request for information declined
    - NOTICE_GIVEN = 31: disclosure notice given to the family
    - DISCLOSURE_DECIDED = 32: disclosure decided
    - VIEW_SHOWN = 33: filtered view shown
    - LEGACY_AUDIT_IMPORTED = 34: audit log of sfcore 0.1 carried over
    - TIMEFRAMES_SET = 35: timeframes set
    - MEMBER_UPDATED = 36: family member's details changed
    - PERSON_LINKED = 37: family member linked to a person
    - IDENTIFIED_EXTRACT = 38: identified records extracted for analysis
    - ACCESS_REQUESTED = 39: request for access to personal information
    - ACCESS_EXTENDED = 40: time to answer an access request extended
    - ACCESS_ANSWERED = 41: access request answered
    - CORRECTION_DECLINED = 42: correction declined; the person's statement attached
    - CASE_DISPOSED = 43: case disposed of: its key destroyed
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
    SHARING_CONSENT_GIVEN = 22
    SHARING_CONSENT_WITHDRAWN = 23
    CONFIDENTIAL_MARKED = 24
    ISSUE_AREAS_SET = 25
    NECESSITY_ADJUSTED = 26
    CATEGORY_REGISTERED = 27
    CONSENT_AGES_SET = 28
    SHARED_WITHOUT_CONSENT = 29
    REQUEST_DECLINED = 30
    NOTICE_GIVEN = 31
    DISCLOSURE_DECIDED = 32
    VIEW_SHOWN = 33
    LEGACY_AUDIT_IMPORTED = 34
    TIMEFRAMES_SET = 35
    MEMBER_UPDATED = 36
    PERSON_LINKED = 37
    IDENTIFIED_EXTRACT = 38
    ACCESS_REQUESTED = 39
    ACCESS_EXTENDED = 40
    ACCESS_ANSWERED = 41
    CORRECTION_DECLINED = 42
    CASE_DISPOSED = 43
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

FHIR_BASE: str

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
    def outcomes(self) -> List[OutcomeTally]:
        """The outcome areas the plans' actions serve, with how many actions name each and how many were done."""
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
    @property
    def reviews_outside_window(self) -> List[str]:
        """Reviews booked outside the window, each with the reason recorded."""
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
    - WRITTEN_CONSENT = 4: every participating member old enough to consent for themselves (the case's consent age, 16 by default) has given written consent
    - INVITEES_APPROVED = 5: every invitee (and everyone attending) is approved by the family
    - MEETING_PENDING = 6: the meeting is scheduled and not yet held
    - MEETING_HELD = 7: the plan's meeting has been held
    - PLAN_COMPLETE = 8: the plan names a lead agency and a key contact, and every action an owner and a due date
    - CHILD_PLAN = 9: a Children's Team plan is for one child under 18 and records the child's views; others are family plans
    - REVISION_REASON = 10: a plan revision gives its reason
    - ACTIVE_PLAN = 11: a review needs an active plan
    - EXIT_REASON_ALLOWED = 12: the exit reason is one the programme uses
    - FINAL_REPORT = 13: a final report is submitted, unless consent was withdrawn or not given or the case was escalated
    - CONSENT_GIVER = 14: a person consents (to take part, and to share) for themselves from the consent age; a parent or caregiver consents for a younger child, with the child's views
    - RECORD_COMPLETE = 15: a record of sharing without consent, or of a declined request, holds everything the law asks to be recorded
    - BASIS_ALLOWED = 16: the legal basis allows this sharing: under s66C both the discloser and the recipient are child welfare and protection agencies
    - REVIEW_WINDOW = 17: a review is booked within the case's window after the last meeting (4-6 weeks by default), or the record says why not
    - NATURAL_ORDER = 18: events keep their order in time: a meeting is held no earlier than its start, a review starts after the meeting it reviews
    - FAMILY_REFUSED = 19: no one the family refused (withdrew approval of) is made lead agency, key contact or an action's owner
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
    CONSENT_GIVER = 14
    RECORD_COMPLETE = 15
    BASIS_ALLOWED = 16
    REVIEW_WINDOW = 17
    NATURAL_ORDER = 18
    FAMILY_REFUSED = 19
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
    def add_working_days(self, start: datetime.date, days: int, *, rule: WorkingDayRule = ...) -> datetime.date:
        """The day so many working days (by the rule) after start (start itself is not counted)."""
    def holidays(self, year: int) -> List[Holiday]:
        """The holidays observed in a year, in date order."""
    def is_holiday(self, day: datetime.date) -> bool: ...
    def is_working_day(self, day: datetime.date, *, rule: WorkingDayRule = ...) -> bool:
        """A working day by the rule: PUBLIC_HOLIDAYS (Monday to Friday, not a public holiday) or PRIVACY_ACT (the Privacy Act 2020's definition, s 7: also no day from 25 December to 15 January)."""
    def privacy_response_due(self, received: datetime.date) -> datetime.date:
        """The last day to answer a Privacy Act request for access or correction received on a day: 20 working days after it by the Privacy Act's definition (Privacy Act 2020, ss 40-48; an s 48 extension is the host's to record)."""
    def set_matariki(self, year: int, day: datetime.date) -> None:
        """Set the Matariki holiday of a year after the built-in table (a Friday)."""
    def working_days_between(self, start: datetime.date, end: datetime.date, *, rule: WorkingDayRule = ...) -> int:
        """Working days (by the rule) after start up to and including end (0 when end <= start)."""

class IdentifiedExtract:
    """An access record: the case's identified records were extracted for analysis (an identified table of sfcore.analysis records one in every case it reads). Who extracted them is the entry's recorded_by."""
    def __copy__(self) -> IdentifiedExtract: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> IdentifiedExtract: ...
    def __eq__(self, arg0: IdentifiedExtract) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def purpose(self) -> str:
        ...
    @property
    def table(self) -> str:
        ...

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

class IssueAreasSet:
    """The areas of the family's key issues: they decide what is necessary to share."""
    def __copy__(self) -> IssueAreasSet: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> IssueAreasSet: ...
    def __eq__(self, arg0: IssueAreasSet) -> bool:
        """Field-by-field equality."""
    def __init__(self, areas: List[IssueArea]) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def areas(self) -> List[IssueArea]:
        ...

class JournalHead:
    """The head of a case's journal: how many entries, and the hash of the last (of the case's id when empty). Keep the head a store append returns (outside the store) and pass it to Case.verify() or Store.verify() to find truncation and rollback later."""
    def __copy__(self) -> JournalHead: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> JournalHead: ...
    def __eq__(self, arg0: JournalHead) -> bool:
        """Field-by-field equality."""
    def __getstate__(self) -> tuple: ...
    def __hash__(self) -> int: ...
    def __init__(self, seq: int, hash: str) -> None:
        """A head from its entry count and its hash in hex (as kept)."""
    def __repr__(self) -> str: ...
    def __setstate__(self, arg0: tuple) -> None: ...
    @property
    def hash(self) -> str:
        """The hash of the last entry, in hex."""
    @property
    def seq(self) -> int:
        """The number of entries."""

class JournalVerification:
    """The result of verifying a journal; true when it verifies."""
    def __bool__(self) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def first_bad(self) -> int:
        """The first entry that does not verify (0 when ok, or when the journal is short of its anchor)."""
    @property
    def ok(self) -> bool:
        """True when the journal verifies."""
    @property
    def reason(self) -> str:
        """Why, for a person to read ('' when ok)."""

class LegacyAuditImported:
    """The audit log a case kept in sfcore 0.1, carried over whole when it was converted."""
    def __copy__(self) -> LegacyAuditImported: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> LegacyAuditImported: ...
    def __eq__(self, arg0: LegacyAuditImported) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def entries(self) -> int:
        ...
    @property
    def head(self) -> str:
        ...
    @property
    def text(self) -> str:
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

class LocalGroup:
    """A Local Management Group: it oversees Strengthening Families in its area and looks for service gaps. Read only."""
    def __eq__(self, arg0: LocalGroup) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def id(self) -> int:
        """Its id in the directory."""
    @property
    def name(self) -> str:
        """Its name."""

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
    """A member of the family/whānau. One read from a case (Case.members, Case.member()) carries that case's id as case_id, and a case refuses a Member of another case where it takes a member (member numbers are per case); a copy carries none."""
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

class MemberUpdated:
    """A member's details change: a correction the person asked for (Privacy Act 2020, IPP 7) or a change the family reports. Each detail given replaces the member's; the values before stay in the journal (Case.member_history())."""
    def __copy__(self) -> MemberUpdated: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> MemberUpdated: ...
    def __eq__(self, arg0: MemberUpdated) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, name: Optional[str] = ..., role: Optional[MemberRole] = ..., born: Optional[datetime.date] = ..., reason: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def born(self) -> Optional[datetime.date]:
        ...
    @property
    def member(self) -> int:
        ...
    @property
    def name(self) -> Optional[str]:
        ...
    @property
    def reason(self) -> str:
        ...
    @property
    def role(self) -> Optional[MemberRole]:
        ...

class MemberVersion:
    """A member's details as one entry of the journal left them."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def member(self) -> Member:
        """The details from that entry on."""
    @property
    def reason(self) -> str:
        """Why they changed ('' for the member as added)."""
    @property
    def seq(self) -> int:
        """The entry that made this version."""
    @property
    def when(self) -> datetime.datetime:
        """The entry's instant."""
    @property
    def who(self) -> str:
        """Who recorded it."""

class NecessityAdjusted:
    """The family widens (or narrows) what is necessary by one category."""
    def __copy__(self) -> NecessityAdjusted: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> NecessityAdjusted: ...
    def __eq__(self, arg0: NecessityAdjusted) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, category: Category, widen: bool = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category:
        ...
    @property
    def widen(self) -> bool:
        ...

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
    def shared_without_consent(self) -> List[int]:
        """The journal entries of sharings without consent the family was told of."""
    @property
    def text(self) -> str:
        ...

class NoticeGiven:
    """A member was given their disclosure notice (Case.notice()) for a purpose."""
    def __copy__(self) -> NoticeGiven: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> NoticeGiven: ...
    def __eq__(self, arg0: NoticeGiven) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, purpose: Purpose) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def member(self) -> int:
        ...
    @property
    def purpose(self) -> Purpose:
        ...

class NoticeLine:
    """One line of a disclosure notice: who may receive what."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def categories(self) -> List[Category | int]:
        ...
    @property
    def recipient(self) -> Recipient:
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
        """The id the event assigned (a member, meeting, consent or category), or 0."""
    @property
    def from_state(self) -> State:
        """The state before."""
    @property
    def guard(self) -> Guard:
        """The guard that refused it (Guard.NONE when accepted)."""
    @property
    def missing(self) -> List[str]:
        """For Guard.RECORD_COMPLETE: the fields the record lacks, by name ([] otherwise)."""
    @property
    def reason(self) -> str:
        """Why it was refused, for a person to read ('' when accepted)."""
    @property
    def seq(self) -> int:
        """The journal entry appended (0 when refused)."""
    @property
    def to_state(self) -> State:
        """The state after (the same as before when refused)."""

class OutcomeArea(enum.IntEnum):
    """The outcomes Strengthening Families works toward; a plan's actions name the ones they serve.

    Members (value: label):

    - HEALTH_EDUCATION = 0: access to health and education
    - YOUTH_JOBS = 1: job prospects for young people
    - RELATIONSHIPS = 2: positive relationships
    - STRONGER_WHANAU = 3: stronger families and whānau
    - SERVICES_KNOWN = 4: knowledge of available services
    """
    HEALTH_EDUCATION = 0
    YOUTH_JOBS = 1
    RELATIONSHIPS = 2
    STRONGER_WHANAU = 3
    SERVICES_KNOWN = 4
    @property
    def label(self) -> str:
        """The plain-language label."""

class OutcomeTally:
    """How many of a case's actions serve an outcome area, and how many were done."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def actions(self) -> int:
        ...
    @property
    def area(self) -> OutcomeArea:
        ...
    @property
    def done(self) -> int:
        ...

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
    - ACCESS_REQUEST = 3: access request not answered in time
    """
    INITIAL_MEETING = 0
    REVIEW = 1
    ACTION = 2
    ACCESS_REQUEST = 3
    @property
    def label(self) -> str:
        """The plain-language label."""

PRIVACY_RESPONSE_WORKING_DAYS: int

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

class PersonCase:
    """A person's place in one case, as Store.person_cases() finds it."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def history(self) -> List[MemberVersion]:
        """Every version of the member's details in it (MemberVersion), oldest first."""
    @property
    def id(self) -> int:
        """The case."""
    @property
    def link(self) -> PersonLinked:
        """The person's link in it (PersonLinked)."""
    @property
    def member(self) -> int:
        """The member the person is in it."""
    @property
    def programme(self) -> Programme:
        ...
    @property
    def referred(self) -> datetime.datetime:
        """When its referral was received."""
    @property
    def state(self) -> State:
        """Where the case is."""

class PersonLinked:
    """A member of the case is a person the host knows by its own key, so that the person's cases (a family referred twice, a child's siblings in another case) are found together: Store.person_cases(), Store.siblings(). A later link of the same member replaces this one; one person is one member of a case."""
    def __copy__(self) -> PersonLinked: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> PersonLinked: ...
    def __eq__(self, arg0: PersonLinked) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, member: int, key: str, nhi: Optional[str] = ..., nsn: Optional[str] = ...) -> None:
        """key: the host's own key for the person (not blank, at most 256 bytes); nhi: a National Health Index number (checked, kept upper-case); nsn: a National Student Number (1 to 10 digits)."""
    def __repr__(self) -> str: ...
    @property
    def key(self) -> str:
        ...
    @property
    def member(self) -> int:
        ...
    @property
    def nhi(self) -> Optional[str]:
        ...
    @property
    def nsn(self) -> Optional[str]:
        ...

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
    def local_group(self) -> Optional[int]:
        """The Local Management Group a coordinator belongs to (None: none)."""
    @property
    def name(self) -> str:
        """Their name."""

class PreparationStarted:
    """The family-directed preparation starts (refused until Guard.WRITTEN_CONSENT holds)."""
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

class Recipient:
    """Who information is disclosed to, or by: an agency as a whole, or a named practitioner of it. Wherever a recipient is asked for, an Agency or a Practitioner from the directory will do."""
    def __eq__(self, arg0: Recipient) -> bool: ...
    def __hash__(self) -> int: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def agency_id(self) -> int:
        ...
    def covers(self, asked: Recipient) -> bool:
        """True when this recipient, named in a consent, covers the one asked."""
    @property
    def practitioner_id(self) -> Optional[int]:
        """The named practitioner, or None for the agency as a whole."""

class Referral:
    """A referral of a family to a programme: by an agency (naming it), or by the family itself."""
    def __copy__(self) -> Referral: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> Referral: ...
    def __eq__(self, arg0: Referral) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, source: ReferralSource, received: datetime.date, family_name: str, agency: Optional[int] = ..., practitioner: str = ..., reasons: List[str] = ..., programme: Programme = ..., site: str = ..., local_group: Optional[int] = ...) -> None:
        """A referral. An agency referral names the agency (an id from the directory); a self-referral names none. Intensive Intervention referrals name their site, and Children's Team referrals may name their team, each registered in the directory; local_group is the Local Management Group the case belongs to."""
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
    def local_group(self) -> Optional[int]:
        """The Local Management Group the case belongs to."""
    @local_group.setter
    def local_group(self, value: Optional[int]) -> None: ...
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
        """The site (Intensive Intervention) or team (Children's Teams)."""
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
        """Accepted by a Children's Team panel."""
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
    def __init__(self, *, discloser: Recipient, subjects: Union[int, List[int]], category: Category, recipient: Recipient, purpose: Purpose, at: datetime.datetime) -> None: ...
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
    def discloser(self) -> Recipient:
        ...
    @discloser.setter
    def discloser(self, value: Recipient) -> None: ...
    @property
    def purpose(self) -> Purpose:
        ...
    @purpose.setter
    def purpose(self, value: Purpose) -> None: ...
    @property
    def recipient(self) -> Recipient:
        ...
    @recipient.setter
    def recipient(self, value: Recipient) -> None: ...
    @property
    def subjects(self) -> List[int]:
        ...
    @subjects.setter
    def subjects(self, value: List[int]) -> None: ...

class RequestDeclined:
    """A request for information declined, with its reasons (s66I/s66J)."""
    def __copy__(self) -> RequestDeclined: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> RequestDeclined: ...
    def __eq__(self, arg0: RequestDeclined) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, requester: Recipient, subjects: Union[int, List[int]], category: Category, basis: LegalBasis, reasons: List[str], decided_by: str) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def basis(self) -> LegalBasis:
        ...
    @property
    def category(self) -> Category:
        ...
    @property
    def decided_by(self) -> str:
        ...
    @property
    def reasons(self) -> List[str]:
        ...
    @property
    def requester(self) -> Recipient:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class ReviewScheduled:
    """A review meeting is scheduled (the case assigns its id). It starts after the last meeting held and within the case's review window after it (Case.timeframes), unless outside_window_reason says why not (the family asked, a change of circumstances)."""
    def __copy__(self) -> ReviewScheduled: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ReviewScheduled: ...
    def __eq__(self, arg0: ReviewScheduled) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, meeting: Meeting, outside_window_reason: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def meeting(self) -> Meeting:
        ...
    @meeting.setter
    def meeting(self, value: Meeting) -> None: ...
    @property
    def outside_window_reason(self) -> str:
        ...
    @outside_window_reason.setter
    def outside_window_reason(self, value: str) -> None: ...

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

class S66Requester(enum.IntEnum):
    """Who may ask for information under Oranga Tamariki Act s66.

    Members (value: label):

    - NONE = 0: not a request under s66
    - CHIEF_EXECUTIVE = 1: the chief executive of Oranga Tamariki
    - CARE_PROTECTION_COORDINATOR = 2: a care and protection co-ordinator
    - CONSTABLE = 3: a constable
    """
    NONE = 0
    CHIEF_EXECUTIVE = 1
    CARE_PROTECTION_COORDINATOR = 2
    CONSTABLE = 3
    @property
    def label(self) -> str:
        """The plain-language label."""

class SealingKey:
    """A key that seals archives and a store's summary rows: an id (1-64 printable ASCII characters) that seals name, and a secret of at least 16 bytes that you keep (sfcore stores only the id). Only a holder of the secret can make a journal that loads under it."""
    def __init__(self, id: str, secret: Buffer) -> None:
        """Raises StorageError (KEY_ERROR) for a malformed id or a short secret."""
    def __repr__(self) -> str: ...
    @property
    def id(self) -> str:
        """The key's id."""

class SharedWithoutConsent:
    """Information shared without consent under a named law, recorded with what the law asks: what, by whom, to whom, the basis and purpose, who approved it, why it was necessary and proportionate, and whether the child and family were consulted or told (and if not, why). An incomplete record is refused (Outcome.missing)."""
    def __copy__(self) -> SharedWithoutConsent: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> SharedWithoutConsent: ...
    def __eq__(self, arg0: SharedWithoutConsent) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, subjects: Union[int, List[int]], category: Category, description: str, discloser: Recipient, recipient: Recipient, basis: LegalBasis, s66c: S66CPurpose = ..., requested_by: str = ..., requester_role: S66Requester = ..., purpose: str = ..., approver: str = ..., necessity: str = ..., child_consulted: bool = ..., family_told: bool = ..., not_told_reason: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def approver(self) -> str:
        ...
    @property
    def basis(self) -> LegalBasis:
        ...
    @property
    def category(self) -> Category:
        ...
    @property
    def child_consulted(self) -> bool:
        ...
    @property
    def description(self) -> str:
        ...
    @property
    def discloser(self) -> Recipient:
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
    def recipient(self) -> Recipient:
        ...
    @property
    def requested_by(self) -> str:
        ...
    @property
    def requester_role(self) -> S66Requester:
        ...
    @property
    def s66c(self) -> S66CPurpose:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class SharingConsent:
    """A consent to share as the case's journal holds it (read only)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def at(self) -> datetime.datetime:
        """It counts from then."""
    @property
    def categories(self) -> List[Category | int]:
        ...
    @property
    def form_version(self) -> str:
        ...
    @property
    def given_by(self) -> int:
        ...
    @property
    def id(self) -> int:
        ...
    @property
    def purposes(self) -> List[Purpose]:
        ...
    @property
    def recipients(self) -> List[Recipient]:
        ...
    @property
    def recorded_by(self) -> str:
        ...
    @property
    def seq(self) -> int:
        """Its journal entry."""
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

class SharingConsentGiven:
    """A person's written consent to share their information: with whom (whole agencies, or named practitioners), which categories, for which purposes, for which days. It counts from the entry's instant. Who consents for whom is the rule of Guard.CONSENT_GIVER."""
    def __copy__(self) -> SharingConsentGiven: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> SharingConsentGiven: ...
    def __eq__(self, arg0: SharingConsentGiven) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, subject: int, recipients: List[Recipient], categories: List[Category], purposes: List[Purpose], valid_from: datetime.date, valid_until: datetime.date, signed_on: datetime.date, form_version: str, given_by: Optional[int] = ..., child_views: str = ...) -> None: ...
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
        ...
    @property
    def id(self) -> int:
        """The consent's number in the case (assigned when recorded)."""
    @property
    def purposes(self) -> List[Purpose]:
        ...
    @property
    def recipients(self) -> List[Recipient]:
        ...
    @property
    def signed_on(self) -> datetime.date:
        ...
    @property
    def subject(self) -> int:
        ...
    @property
    def valid_from(self) -> datetime.date:
        ...
    @property
    def valid_until(self) -> datetime.date:
        ...

class SharingConsentWithdrawn:
    """Consent to share withdrawn from the entry's instant: wholly, or only for one recipient (an agency covers its practitioners) and/or one category."""
    def __copy__(self) -> SharingConsentWithdrawn: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> SharingConsentWithdrawn: ...
    def __eq__(self, arg0: SharingConsentWithdrawn) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, subject: int, recipient: Optional[Recipient] = ..., category: Optional[Category] = ..., note: str = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Optional[Category]:
        ...
    @property
    def note(self) -> str:
        ...
    @property
    def recipient(self) -> Optional[Recipient]:
        ...
    @property
    def subject(self) -> int:
        ...

class SharingWithdrawal:
    """A withdrawal of consent to share, whole or partial (read only)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def at(self) -> datetime.datetime:
        """It takes effect at this instant."""
    @property
    def category(self) -> Optional[Category]:
        """Only this category (None: every one)."""
    @property
    def from_process(self) -> bool:
        """The member withdrew from the process (ConsentWithdrawn): every consent."""
    @property
    def recipient(self) -> Optional[Recipient]:
        """Only this recipient (None: every one)."""
    @property
    def recorded_by(self) -> str:
        ...
    @property
    def seq(self) -> int:
        ...
    @property
    def subject(self) -> int:
        ...

class ShownItem:
    """One item a view showed: whom it is about and its category (never its content)."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def category(self) -> Category:
        ...
    @property
    def subjects(self) -> List[int]:
        ...

class Sibling:
    """A child related to another through a parent or caregiver they share."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def case(self) -> int:
        """A case the sibling is a child or young person in."""
    @property
    def details(self) -> Member:
        """Their details there (Member), as they stand."""
    @property
    def key(self) -> str:
        """The sibling's person key."""
    @property
    def member(self) -> int:
        """The sibling's member in that case."""
    @property
    def through(self) -> str:
        """The person key of the parent or caregiver they share."""

class Site:
    """A site of Intensive Intervention or a team of Children's Teams, with the numbers of families and children it aims to work with (0: not set). Read only."""
    def __eq__(self, arg0: Site) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def id(self) -> int:
        """Its id in the directory."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def programme(self) -> Programme:
        """Its programme."""
    @property
    def target_children(self) -> int:
        """Children it aims to work with (0: not set)."""
    @property
    def target_families(self) -> int:
        """Families it aims to work with (0: not set)."""

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
    """A case store in one SQLite file (WAL mode) or one PostgreSQL database: each case's journal appended with optimistic concurrency and verified whenever it is read, with a checked (or sealed) summary row per case for listing and queries, and the agency directory. Use it as a context manager (it closes at the end), or call close(). A Store may be shared by threads (calls take turns); several Stores may open the same file."""
    def __contains__(self, case_id: int) -> bool: ...
    def __enter__(self) -> Any: ...
    def __exit__(self, *args) -> None:
        """Close the store."""
    def __init__(self, path: str, *, durable: bool = ..., busy_timeout_ms: int = ..., calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ..., keys: List[SealingKey] = ..., seal_with: str = ..., key_provider: Optional[function] = ..., key_id: str = ...) -> None:
        """Open (or create) a store at a path (':memory:' for one that lives as long as the object; either may follow 'sqlite:'), or a PostgreSQL database named by a libpq URI ('postgresql://…') or keyword string ('host=/run/pg dbname=cases'), which Store.migrate() must have prepared. durable=False survives a crash but not a power loss. With keys, every summary row read must be sealed by one of them and appends seal with the key named seal_with (the first when ''). With key_provider (a callable taking a host key's id and returning its 32 bytes, or None when it has no such key), the store keeps encrypted cases (Case.open(..., encrypted=True)): every new case must be encrypted, and its own key is stored wrapped under the host key key_id. The provider is called on the calling thread, once per id. A store of sfcore 0.1 is converted once on open. Raises StorageError (IO_ERROR: cannot open or connect; MALFORMED: not a store; UNSUPPORTED_VERSION; NEEDS_MIGRATION: a database whose schema is older than this library's) or StorageError (KEY_ERROR: a sealing or host key missing, malformed or wrong)."""
    def __iter__(self) -> Iterator[Any]:
        """Every case, by id (as cases())."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def access_response(self, key: str, directory: Optional[AgencyDirectory] = ...) -> AccessResponse:
        """The answer to a person's access request (Privacy Act 2020, IPP 6), from every case they are a member of (AccessResponse: items, withholdings and Markdown), agencies named from directory (default: the store's). It never reveals another person: other members are never named, an entry also about another is given for the person alone with a withholding under s 53, a child's views go only to the child, a sharing the family was not told of is withheld under s 49. Nothing is recorded: record AccessAnswered with the withholdings' grounds when the answer is sent."""
    def append(self, case: Case, expected_version: int) -> JournalHead:
        """Append a case's entries after the first expected_version (how many the store holds; 0 for a new case) and return the JournalHead now stored: keep it to verify against later. Raises StorageError (CONFLICT when another writer got there first or the stored entries differ; IO_ERROR for a full disk or an I/O error; INTEGRITY or KEY when the stored summary does not verify): the store is then as it was."""
    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
    def cases(self, *, state: Optional[State] = ..., programme: Optional[Programme] = ..., coordinator: Optional[int] = ..., overdue_on: Optional[datetime.date] = ...) -> List[Case]:
        """Load every case that matches, by id, in one pass from one consistent snapshot (much faster than load() per case; the GIL is released while it reads)."""
    def checkpoint(self) -> Dict[int, JournalHead]:
        """The head of every case, {case id: JournalHead}: keep it outside the store and pass it to verify() later to find rollback and lost writes."""
    def close(self) -> None:
        """Close the store (later calls, and calls waiting on it, raise StorageError CLOSED)."""
    @property
    def closed(self) -> bool:
        """True once closed."""
    def directory(self) -> AgencyDirectory:
        """The stored agency directory. Raises ArgumentError (NOT_FOUND) when none was saved."""
    def dispose(self, case_id: int, rules: Dict[Programme, int], on: datetime.date, disposed_by: str) -> JournalHead:
        """Dispose of an encrypted case whose retention has ended, by destroying its key (crypto-shredding): a disposal record is appended, so its journal and the store still verify, and from then on load() raises StorageError (DISPOSED) and whole-store reads skip it. Returns the journal's new head. Raises ArgumentError (not closed, not due, no rule, not encrypted) or StorageError (DISPOSED, CONFLICT)."""
    def due_for_disposal(self, rules: Dict[Programme, int], on: datetime.date) -> List[DisposalDue]:
        """The closed cases whose retention has ended by a date (DisposalDue): rules maps a Programme to the years its closed cases are kept (1-100); a programme without a rule is kept, and cases already disposed of are not listed. Raises ArgumentError for a bad rule."""
    def follow(self) -> None:
        """Start following a PostgreSQL store's changes (LISTEN/NOTIFY): every append that commits from now on, from any host, is announced to next_change(). Raises ArgumentError (INVALID_ARGUMENT) for an SQLite store."""
    def list(self, *, state: Optional[State] = ..., programme: Optional[Programme] = ..., coordinator: Optional[int] = ..., overdue_on: Optional[datetime.date] = ...) -> List[CaseSummary]:
        """The cases that match every condition given, by id (each summary row's checksum or seal checked)."""
    def load(self, case_id: int) -> Case:
        """Load a case: its journal verified and replayed. Raises ArgumentError (NOT_FOUND) or StorageError (INTEGRITY, KEY, MALFORMED, IO_ERROR)."""
    @staticmethod
    def migrate(location: str) -> int:
        """Bring a store's schema to this library's, when asked (never on open): a PostgreSQL database gets the tables it lacks, under the server's advisory lock; an SQLite file is made or converted by opening it. Returns the schema version. Raises StorageError (UNSUPPORTED_VERSION: newer than this library; MALFORMED: tables of the store's names that are not a store's; IO_ERROR)."""
    def next_change(self, timeout_ms: int = ...) -> Any:
        """The next change announced since follow(), as (case_id, version), waiting up to timeout_ms milliseconds; None when none came. Other calls on this Store wait meanwhile: follow on a Store of its own. Raises ArgumentError (INVALID_ARGUMENT: not following, e.g. after the connection was lost: follow() again) or StorageError (IO_ERROR; MALFORMED: a notice that is not the store's)."""
    @property
    def path(self) -> str:
        ...
    def person_cases(self, key: str) -> List[PersonCase]:
        """Every case a person is a member of (a PersonLinked entry made them one), by case id, each with their details' history there: a family referred twice is two cases of the same person. Read from one snapshot; each case is verified and must hold the link the store's index names. Raises ArgumentError (INVALID_ARGUMENT, INVALID_UTF8) or StorageError (INTEGRITY, …)."""
    def put_directory(self, directory: AgencyDirectory) -> None:
        """Save the agency directory (replacing the one stored)."""
    def reseal(self) -> int:
        """Seal every summary row again with the key named seal_with, after checking its seal under the key it names (key rotation), in one transaction. Returns how many cases were sealed. Raises StorageError (KEY_ERROR or INTEGRITY)."""
    def rewrap(self) -> int:
        """Wrap the own key of every encrypted case that is not under the host key key_id again under it, after opening it with the host key it names (rotation of host keys), in one transaction; the entries are not touched. Returns how many case keys were wrapped again. Raises StorageError (KEY_ERROR or INTEGRITY)."""
    def siblings(self, key: str) -> List[Sibling]:
        """The siblings of a child or young person across cases: every other linked child or young person in a case where a parent or caregiver of theirs is a member, by key and case (Sibling). A sibling not linked to a person is not found."""
    def verify(self, checkpoint: Optional[Dict[int, JournalHead]] = ...) -> StoreVerification:
        """Verify the file (SQLite's integrity check), every case (its chain, its summary, its rules) and each head of a checkpoint: returns a StoreVerification naming every damaged case."""
    def version(self, case_id: int) -> int:
        """How many entries the store holds for a case (0 for none)."""

class StoreVerification:
    """The result of verifying a whole store; true when every case verifies."""
    def __bool__(self) -> bool: ...
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def cases(self) -> int:
        """How many cases were checked."""
    @property
    def damaged(self) -> List[Tuple[int, str]]:
        """Each case that does not verify: (case id, why)."""

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
    """The targets a case works to (the defaults are the programme's). A case holds its own (Case.timeframes, set by TimeframesSet); queries given none use the case's."""
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

class TimeframesSet:
    """The timeframes the case works to from now on (the programme's are 15 working days, then reviews 28-42 days after the last meeting)."""
    def __copy__(self) -> TimeframesSet: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> TimeframesSet: ...
    def __eq__(self, arg0: TimeframesSet) -> bool:
        """Field-by-field equality."""
    def __init__(self, *, initial_meeting_working_days: int = ..., review_earliest_days: int = ..., review_latest_days: int = ...) -> None: ...
    def __repr__(self) -> str: ...
    @property
    def initial_meeting_working_days(self) -> int:
        ...
    @property
    def review_earliest_days(self) -> int:
        ...
    @property
    def review_latest_days(self) -> int:
        ...

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

class ViewShown:
    """An access record: a filtered view shown to a recipient (written by Case.view())."""
    def __copy__(self) -> ViewShown: ...
    def __deepcopy__(self, memo: Dict[str, Any]) -> ViewShown: ...
    def __eq__(self, arg0: ViewShown) -> bool:
        """Field-by-field equality."""
    def __init__(self, *args: Any, **kwargs: Any) -> Any: ...
    def __repr__(self) -> str: ...
    @property
    def offered(self) -> int:
        """How many items the view was made from."""
    @property
    def purpose(self) -> Purpose:
        ...
    @property
    def recipient(self) -> Recipient:
        ...
    @property
    def shown(self) -> List[ShownItem]:
        ...

class WorkingDayRule(enum.IntEnum):
    """A definition of working day, each from a law (working_day_rule_source() names it): the practice timeframes count PUBLIC_HOLIDAYS, Privacy Act requests PRIVACY_ACT.

    Members (value: label):

    - PUBLIC_HOLIDAYS = 0: Monday to Friday, except New Zealand's national public holidays as observed and the host's own (regional anniversary days)
    - PRIVACY_ACT = 1: Monday to Friday, except Waitangi Day, Good Friday, Easter Monday, ANZAC Day, the Sovereign's Birthday, Matariki and Labour Day (Waitangi and ANZAC Days on the next Monday when they fall on a weekend), and no day from 25 December to 15 January
    """
    PUBLIC_HOLIDAYS = 0
    PRIVACY_ACT = 1
    @property
    def label(self) -> str:
        """The plain-language label."""

def case_pseudonym(case_id: int, key: Optional[bytes] = ...) -> int:
    """The pseudonym a de-identified table gives a case: 48 bits of HMAC-SHA-256 of its id under the key (by default a random key made once per process, so pseudonyms agree across one process's tables)."""

def checked_nhi(text: str) -> str:
    """An NHI number checked and in capitals; raises ArgumentError (INVALID_ARGUMENT) naming what is wrong."""

def inspect_archive(data: Buffer) -> ArchiveInfo:
    """Check an archive's frame (and an unsealed archive's checksum) and say what it holds. Raises StorageError (MALFORMED, UNSUPPORTED_VERSION, CHECKSUM_MISMATCH)."""

def is_valid_nhi(text: str) -> bool:
    """True for a well-formed NHI number in either format (AAANNNC or AAANNAX; letters in either case)."""

def journal_genesis(case_id: int) -> str:
    """The hash a case's journal starts from (the head of an empty journal), in hex."""

def kind_of(type: EventType) -> EventKind:
    """What an event type is about: the lifecycle, what governs sharing, or an access record (its row in the event table)."""

def load_case(data: Buffer, keys: List[SealingKey] = ..., key_provider: Optional[function] = ...) -> Case:
    """Load a case from an archive: the frame is checked, the journal verified from the case's id and replayed (a 0.1 case archive is converted as it loads). With keys, the archive must be sealed with one of them. An encrypted case's archive needs key_provider (a callable given a host key id, returning its 32 bytes or None): the case's key is unwrapped with the host key the archive names, and the case stays encrypted. Raises StorageError (MALFORMED, CHECKSUM_MISMATCH, INTEGRITY, KEY_ERROR, ...)."""

def load_directory(data: Buffer) -> AgencyDirectory:
    """Load an agency directory from an archive (as AgencyDirectory.from_bytes)."""

def nz_time(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    """A New Zealand local date and time (Pacific/Auckland) as an aware datetime. Raises ArgumentError (OUT_OF_RANGE) for a time skipped or repeated by daylight saving."""

def programme_rules() -> List[ProgrammeRules]:
    """The rules of each programme, in programme order."""

def requester_reason(case_id: int, decision: Decision) -> str:
    """As Decision.requester_reason, for a decision of a case."""

def seal_of(case_id: int, head: JournalHead, key: SealingKey) -> str:
    """The seal of a journal's head under a key (HMAC-SHA-256 over the case's id and the head), in hex: a signed anchor to keep with the head."""

def set_pickle_keys(key_provider: Optional[function], key_id: str = ...) -> None:
    """The host keys pickles of encrypted cases use, for the whole process: key_provider (a callable given a host key id, returning its 32 bytes or None) and key_id, the host key a pickled case's key is wrapped under (checked when a case is pickled; unpickling needs none). None clears them. Without them, pickling or unpickling an encrypted case raises StorageError (KEY_ERROR); a plain case pickles as before."""

def table(name: str, source: Any, *, directory: AgencyDirectory, calendar: Optional[HolidayCalendar] = ..., timeframes: Optional[Timeframes] = ..., arrays: bool = ..., identified_by: Optional[str] = ..., purpose: Optional[str] = ..., pseudonym_key: Optional[bytes] = ...) -> Dict[str, Any]:
    """One of the analysts' tables as columns, from a Store (read without holding the GIL) or a sequence of Case: cases, members, events, meetings and actions from each case's lifecycle; decisions, sharings (without consent), declined (requests) and views from the entries of each case's journal. Enumerations are given by their identifiers ('plan_active'), parties by name. With arrays=False each column is a list of Python values (None where missing); with arrays=True each is (kind, values, missing): kind one of 'integer', 'boolean', 'day' (days since 1970-01-01), 'moment' (seconds since 1970-01-01 UTC) with values as little-endian int64 bytes, or 'text' with values a list of str; missing is bytes (1 = missing) or None. sfcore.analysis builds records and DataFrames from it. A table is de-identified unless identified_by is given: no names (the family's, a member's; a member who owns an action is 'member N'), no dates of birth or exact ages (age_band instead), none of the family's own words (action descriptions, meeting venues, a sharing's description, purpose, necessity and reason for not telling, a declined request's reasons), and case ids replaced by stable pseudonyms (case_pseudonym(), under pseudonym_key or the process's key). With identified_by (who) and purpose, the table is identified, and every case it reads records an IdentifiedExtract entry first (a Store's cases are appended to it; Case objects are changed in place: save them)."""

def transitions() -> List[Transition]:
    """The lifecycle's transition table, row by row (the engine, the C ABI and the docs read the same table). An event with no row for a case's state is refused by Guard.NO_TRANSITION."""

def upgrade_v1(case_data: Buffer, ledger_data: Optional[Buffer], directory: AgencyDirectory) -> Case:
    """Convert a case kept by sfcore 0.1 (its case archive and its disclosure ledger archive, or None) into one journal: events and ledger records merged in time order and offered again to the rules, the 0.1 audit log carried over whole as one LEGACY_AUDIT_IMPORTED entry. Raises StorageError (MALFORMED) when the ledger does not fit the case or its audit log does not verify."""

def working_day_rule_source(rule: WorkingDayRule) -> str:
    """The law a definition of working day comes from."""

__version__: str
