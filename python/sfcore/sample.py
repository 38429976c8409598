"""Sample data: an agency directory and families walked through the lifecycle.

For tutorials, tests and benchmarks — never for real families. Everything is
made through the public API (each event is offered to ``Case.record()``), with
a seeded random generator, so the same seed gives the same cases.

- :func:`directory`: the government agencies, two NGOs, an iwi provider and
  their named practitioners (three coordinators among them).
- :func:`family_case`: one family's case, taken to a chosen stage.
- :func:`family_sharing`: consent to share, decisions and a sharing without
  consent, in the case's journal.
- :func:`caseload`: many cases, each with its sharing: a region's caseload
  for an analyst's report.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import List, Optional, Tuple
from zoneinfo import ZoneInfo

from . import _core as sf

NZ = ZoneInfo("Pacific/Auckland")

COORDINATORS = ("Mere Tipene", "Sione Fifita", "Anna Clarke")
SITES = ("Christchurch East", "Tokoroa", "Horowhenua", "Ōtāhuhu")
TEAMS = ("Whangārei", "Rotorua")  # Children's Teams the sample directory registers
LOCAL_GROUPS = ("Ōtāhuhu Local Management Group", "Porirua Local Management Group")

# The outcome areas the action meeting each need serves.
OUTCOMES = {
    "school attendance": [sf.OutcomeArea.HEALTH_EDUCATION],
    "money for rent": [sf.OutcomeArea.STRONGER_WHANAU],
    "a secure home": [sf.OutcomeArea.STRONGER_WHANAU, sf.OutcomeArea.SERVICES_KNOWN],
    "help with stress": [sf.OutcomeArea.HEALTH_EDUCATION, sf.OutcomeArea.RELATIONSHIPS],
    "parenting support": [sf.OutcomeArea.RELATIONSHIPS, sf.OutcomeArea.STRONGER_WHANAU],
    "a GP for the kids": [sf.OutcomeArea.HEALTH_EDUCATION, sf.OutcomeArea.SERVICES_KNOWN],
    "driver licence": [sf.OutcomeArea.YOUTH_JOBS],
}

# (need in the family's words, issue area, category, support, owning agency name)
NEEDS = [
    ("school attendance", sf.IssueArea.EDUCATION, sf.Category.EDUCATION, sf.SupportType.TRUANCY, "Ministry of Education"),
    ("money for rent", sf.IssueArea.INCOME, sf.Category.INCOME_BENEFITS, sf.SupportType.BUDGET_ADVICE,
     "Ministry of Social Development"),
    ("a secure home", sf.IssueArea.HOUSING, sf.Category.HOUSING, sf.SupportType.ACCOMMODATION, "Kāinga Ora – Homes and Communities"),
    ("help with stress", sf.IssueArea.MENTAL_HEALTH, sf.Category.MENTAL_HEALTH, sf.SupportType.COUNSELLING,
     "Health New Zealand | Te Whatu Ora"),
    ("parenting support", sf.IssueArea.PARENTING, sf.Category.IDENTITY_CONTACT, sf.SupportType.SOCIAL_WORK,
     "Te Whare Awhina Trust"),
    ("a GP for the kids", sf.IssueArea.HEALTH, sf.Category.HEALTH, sf.SupportType.HEALTH, "Ministry of Health"),
    ("driver licence", sf.IssueArea.JUSTICE, sf.Category.JUSTICE, sf.SupportType.NONE, "Ngāti Rangi Social Services"),
]

STAGES = ("referred", "declined", "awaiting_consent", "preparing", "meeting_scheduled", "plan_active",
          "under_review", "closed_planned", "closed_escalated", "closed_disengaged", "consent_withdrawn")

_FIRST = ("Hine", "Aroha", "Mere", "Tania", "Losa", "Grace", "Wiremu", "Rewi", "Hemi", "Sam")
_CHILD = ("Tama", "Kiri", "Ana", "Manaia", "Nikau", "Aria", "Mikaere", "Sina")
_FAMILY = ("Te Rangi", "Ngata", "Parata", "Fifita", "Smith", "Tipoki", "Walker", "Horomona", "Tuhiwai", "Lealaiauloto")


def directory() -> sf.AgencyDirectory:
    """The standard agencies, two NGOs and an iwi provider, and their practitioners; two Children's Teams and
    two Local Management Groups, the coordinators in them."""
    d = sf.AgencyDirectory()
    trust = d.add("Te Whare Awhina Trust", sf.AgencyKind.NGO)
    d.add("Pasifika Family Services", sf.AgencyKind.NGO)
    iwi = d.add("Ngāti Rangi Social Services", sf.AgencyKind.IWI)
    for team in TEAMS:
        d.add_site(sf.Programme.CHILDRENS_TEAM, team)
    groups = [d.add_local_group(name) for name in LOCAL_GROUPS]
    for i, name in enumerate(COORDINATORS):
        d.set_local_group(d.add_practitioner(trust, name), groups[0] if i < 2 else groups[1])
    d.add_practitioner(d.find("Ministry of Social Development"), "Aroha Ngata")
    d.add_practitioner(d.find("Ministry of Education"), "Sam Wilson")
    d.add_practitioner(d.find("New Zealand Police"), "Constable Rewi")
    d.add_practitioner(iwi, "Kahu Rangi")
    return d


def practitioner(d: sf.AgencyDirectory, name: str) -> int:
    """The id of a practitioner by name."""
    for p in d.practitioners:
        if p.name == name:
            return p.id
    raise KeyError(name)


@dataclass
class Clock:
    """Instants one after another: every event a little after the last."""

    now: datetime.datetime
    step: datetime.timedelta = datetime.timedelta(hours=2)

    def tick(self, by: Optional[datetime.timedelta] = None) -> datetime.datetime:
        self.now += by or self.step
        return self.now


@dataclass
class Family:
    """A case with its directory and clock: offer events with :meth:`record`."""

    case: sf.Case
    directory: sf.AgencyDirectory
    clock: Clock
    recorded_by: str = "coordinator"
    log: List[sf.Outcome] = field(default_factory=list)

    def record(self, payload, *, after: Optional[datetime.timedelta] = None) -> sf.Outcome:
        """Offer an event a little after the last one; raise if the lifecycle refuses it."""
        o = self.case.record(payload, directory=self.directory, recorded_by=self.recorded_by, at=self.clock.tick(after))
        self.log.append(o)
        if not o:
            raise RuntimeError(f"{type(payload).__name__} refused [{o.guard.name}]: {o.reason}")
        return o


def family_case(d: sf.AgencyDirectory, case_id: int, stage: str = "closed_planned", *, seed: int = 0,
                start: datetime.date = datetime.date(2026, 3, 2), programme=sf.Programme.STRENGTHENING_FAMILIES,
                coordinator: Optional[str] = None, sharing: bool = False, encrypted: bool = False) -> Family:
    """One family's case, walked to a stage (one of :data:`STAGES`), with random but valid details.

    With ``sharing``, once the invitees are approved the case also records its sharing (:func:`family_sharing`).
    With ``encrypted``, the case is encrypted at rest (``Case.open(..., encrypted=True)``)."""
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}")
    rng = random.Random(seed * 7919 + case_id)
    clock = Clock(datetime.datetime(start.year, start.month, start.day, 9, 0, tzinfo=NZ))
    surname = rng.choice(_FAMILY)
    referrer = rng.choice(["Ministry of Education", "Ministry of Social Development", "Health New Zealand | Te Whatu Ora", None])
    referral = sf.Referral(
        source=sf.ReferralSource.AGENCY if referrer else sf.ReferralSource.FAMILY,
        agency=d.find(referrer) if referrer else None,
        received=start,
        family_name=f"{surname} whānau",
        reasons=["more than one agency is involved"],
        programme=programme,
        site=(rng.choice(SITES) if programme == sf.Programme.INTENSIVE_INTERVENTION
              else TEAMS[case_id % len(TEAMS)] if programme == sf.Programme.CHILDRENS_TEAM else ""),
        local_group=d.local_groups[case_id % len(d.local_groups)].id if d.local_groups else None,
    )
    case = sf.Case.open(case_id=case_id, directory=d, referral=referral, recorded_by="coordinator",
                        recorded_at=clock.now, encrypted=encrypted)
    f = Family(case, d, clock)
    if stage == "referred":
        return f
    if stage == "declined":
        f.record(sf.ReferralDeclined(reason="one agency only: not suitable for Strengthening Families"))
        return f
    f.record(sf.ReferralAccepted(by_panel=programme == sf.Programme.CHILDRENS_TEAM))
    parent = f.record(sf.MemberAdded(member=sf.Member(name=f"{rng.choice(_FIRST)} {surname}",
                                                      born=datetime.date(rng.randint(1975, 1998), rng.randint(1, 12), 1)))).assigned
    child = f.record(sf.MemberAdded(member=sf.Member(name=f"{rng.choice(_CHILD)} {surname}", role=sf.MemberRole.CHILD,
                                                     born=datetime.date(rng.randint(2010, 2020), rng.randint(1, 12), 1)))).assigned
    f.record(sf.ConsentRecorded(member=parent, signed_on=start, form_version="SF-2024"))
    if (f.case.member(child).age_on(start) or 0) >= 16:  # from the consent age, a young person signs for themselves
        f.record(sf.ConsentRecorded(member=child, signed_on=start, form_version="SF-2024"))
    else:
        f.record(sf.ConsentRecorded(member=child, signed_on=start, form_version="SF-2024", given_by=parent,
                                    child_views="I want things to be easier at home"))
    f.record(sf.RolesAssigned(coordinator=practitioner(d, coordinator or rng.choice(COORDINATORS))))
    if stage == "awaiting_consent":
        return f
    f.record(sf.PreparationStarted(), after=datetime.timedelta(days=1))
    needs = rng.sample(NEEDS, rng.randint(2, 4))
    f.record(sf.PrioritiesSet(key_issues=[n[0] for n in needs], strengths=["close whānau"], needs=[n[0] for n in needs]))
    owners = {n[4] for n in needs} | {"Ministry of Social Development"}
    for name in sorted(owners):
        f.record(sf.InviteeApproved(who=sf.Party.agency(d.find(name))))
    if sharing:
        family_sharing(f, seed=seed)
    if stage == "preparing":
        return f
    if stage == "consent_withdrawn":
        f.record(sf.ConsentWithdrawn(member=parent, note="we want to stop for now"))
        return f
    invitees = [sf.Party.agency(d.find(name)) for name in sorted(owners)]
    lag = datetime.timedelta(days=rng.randint(4, 26))
    meeting_at = datetime.datetime.combine(start + lag, datetime.time(10, 0), NZ)
    while meeting_at.weekday() >= 5:
        meeting_at += datetime.timedelta(days=1)
    f.record(sf.MeetingScheduled(meeting=sf.Meeting(start=meeting_at, venue="Community house", invitees=invitees,
                                                    karakia=rng.random() < 0.6)))
    if stage == "meeting_scheduled":
        return f
    f.clock.now = max(f.clock.now, meeting_at + datetime.timedelta(hours=2))
    f.record(sf.MeetingHeld(meeting=1, attendance=[sf.Party.member(parent)] + invitees))
    # Agencies take on most needs; the occasional one is left without an owner (a service gap).
    actions = []
    for need, _area, _cat, support, owner in needs:
        if rng.random() < 0.2:
            continue
        actions.append(sf.Action(description=f"Support with {need}", owner=sf.Party.agency(d.find(owner)),
                                 due=meeting_at.date() + datetime.timedelta(days=rng.randint(14, 60)),
                                 support=support, need=need, outcomes=OUTCOMES.get(need, [])))
    actions.append(sf.Action(description="Family keeps the plan on the fridge", owner=sf.Party.member(parent),
                             due=meeting_at.date() + datetime.timedelta(days=14)))
    plan = sf.Plan(actions=actions, lead_agency=d.find("Ministry of Social Development"),
                   key_contact=practitioner(d, "Aroha Ngata"))
    if programme == sf.Programme.CHILDRENS_TEAM:
        plan.child = child
        plan.child_views = "I want to go to school with my cousins"
    f.record(sf.PlanAgreed(plan=plan), after=datetime.timedelta(minutes=30))
    if stage == "plan_active":
        return f
    for a in f.case.plans[0].actions:
        if rng.random() < 0.6:
            f.record(sf.ActionUpdated(action=a.id, status=sf.ActionStatus.DONE), after=datetime.timedelta(days=5))
    if stage == "closed_escalated":
        f.record(sf.Escalated(note="concerns rose to care and protection"))
        return f
    review_days = rng.randint(28, 49)
    review_at = datetime.datetime.combine(meeting_at.date() + datetime.timedelta(days=review_days),
                                          datetime.time(10, 0), NZ)
    f.clock.now = max(f.clock.now, review_at - datetime.timedelta(days=14))
    # Past the six weeks only when the family asks: the record says why.
    late = "the family asked to meet after the school holidays" if review_days > 42 else ""
    f.record(sf.ReviewScheduled(meeting=sf.Meeting(start=review_at, venue="Community house", invitees=invitees[:1]),
                                outside_window_reason=late))
    if stage == "under_review":
        return f
    f.clock.now = max(f.clock.now, review_at + datetime.timedelta(hours=2))
    f.record(sf.MeetingHeld(meeting=2, attendance=[sf.Party.member(parent)] + invitees[:1]))
    f.record(sf.PlanAgreed(plan=f.case.plans[0]))
    reason = sf.ExitReason.PLANNED if stage == "closed_planned" else sf.ExitReason.DISENGAGED
    f.record(sf.ClosureStarted(reason=reason, note="goals achieved" if reason == sf.ExitReason.PLANNED else "stopped coming"),
             after=datetime.timedelta(days=7))
    f.record(sf.FinalReportSubmitted(summary="The family's priorities were worked through with the agencies."))
    f.record(sf.CaseClosed())
    return f


def family_sharing(f: Family, *, seed: int = 0) -> Family:
    """Sharing for a family's case, in its journal: issue areas, consent to share with the agencies in the room,
    sometimes a confidential mark, some decisions, and now and then a sharing without consent under s15."""
    rng = random.Random(seed * 104729 + f.case.id)
    d, case = f.directory, f.case
    members = case.members
    if not members:
        return f
    areas = sorted({n[1] for n in NEEDS if n[0] in case.priorities.needs}) or [sf.IssueArea.PARENTING]
    f.record(sf.IssueAreasSet(areas))
    recipients = [sf.Recipient(agency_id=p.id) for p in case.approved if p.kind == sf.PartyKind.AGENCY]
    recipients = recipients or [sf.Recipient(agency_id=1)]
    start = case.referral.received
    for m in members:
        minor = (m.age_on(start) or 18) < 16  # below the consent age a parent consents, with the child's views
        f.record(sf.SharingConsentGiven(subject=m.id, given_by=members[0].id if minor else None,
                                        child_views="ok" if minor else "", recipients=recipients,
                                        categories=[n[2] for n in NEEDS], purposes=list(sf.Purpose), valid_from=start,
                                        valid_until=start + datetime.timedelta(days=365), signed_on=start,
                                        form_version="SF-consent-2024"))
    if rng.random() < 0.3:
        f.record(sf.ConfidentialMarked(subject=members[0].id, category=sf.Category.MENTAL_HEALTH))
    when = f.clock.tick()
    police = sf.Recipient(agency_id=d.find("New Zealand Police"))
    for _ in range(rng.randint(2, 6)):
        need = rng.choice(NEEDS)
        case.decide(directory=d, discloser=sf.Recipient(agency_id=d.find(need[4])), subjects=rng.choice(members).id,
                    category=need[2], recipient=rng.choice(recipients + [police]), purpose=sf.Purpose.MEETING, at=when,
                    actor="agency-worker")
    if rng.random() < 0.1:
        f.record(sf.SharedWithoutConsent(
            subjects=[members[-1].id], category=sf.Category.CHILD_PROTECTION, description="school's concerns",
            discloser=sf.Recipient(agency_id=d.find("Ministry of Education")),
            recipient=sf.Recipient(agency_id=d.find("Oranga Tamariki")), basis=sf.LegalBasis.OT_S15,
            purpose="report of concern", approver="Principal", necessity="the child's safety", child_consulted=True,
            family_told=True))
    return f


def caseload(n: int, *, seed: int = 1, d: Optional[sf.AgencyDirectory] = None,
             start: datetime.date = datetime.date(2026, 1, 5)) -> Tuple[sf.AgencyDirectory, List[Family]]:
    """n cases across the programmes, coordinators and stages; each that reached preparation records its sharing.

    Referrals arrive a few days apart from ``start``; most cases are Strengthening
    Families, some Children's Teams and Intensive Intervention (with sites).
    """
    d = d or directory()
    rng = random.Random(seed)
    weights = {"referred": 3, "declined": 3, "awaiting_consent": 4, "preparing": 5, "meeting_scheduled": 4,
               "plan_active": 12, "under_review": 6, "closed_planned": 30, "closed_escalated": 6,
               "closed_disengaged": 8, "consent_withdrawn": 4}
    families = []
    for i in range(1, n + 1):
        stage = rng.choices(list(weights), weights=list(weights.values()))[0]
        programme = rng.choices([sf.Programme.STRENGTHENING_FAMILIES, sf.Programme.CHILDRENS_TEAM,
                                 sf.Programme.INTENSIVE_INTERVENTION], weights=[7, 2, 1])[0]
        day = start + datetime.timedelta(days=(i * 3) % 200)
        families.append(family_case(d, i, stage, seed=seed, start=day, programme=programme, sharing=True))
    return d, families


__all__ = ["directory", "practitioner", "Clock", "Family", "family_case", "family_sharing", "caseload", "STAGES",
           "NEEDS", "COORDINATORS", "SITES", "TEAMS", "LOCAL_GROUPS", "OUTCOMES"]
