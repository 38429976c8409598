"""A family's whole case from Python: the tutorial for integrators.

Run it with the package importable (``make demo`` does, or after ``make venv``:
``.venv/bin/python examples/python/walkthrough.py [store.db]``). It walks the
Te Rangi whānau from referral to the final report, decides what may be shared
about them, records a sharing without consent under the law — every fact,
decision and view one entry of the case's hash-chained journal — keeps the
case in a store and shows it reloading.
"""

import datetime
import pickle
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import sfcore

NZ = ZoneInfo("Pacific/Auckland")


def say(text=""):
    print(f"Python | {text}" if text else "Python |")


# 1. The directory: the government agencies are built in; add your own and your workers.
directory = sfcore.AgencyDirectory()
trust = directory.add("Te Whare Awhina Trust", sfcore.AgencyKind.NGO)
coordinator = directory.add_practitioner(trust, "Mere Tipene")
msd = directory.find("Ministry of Social Development")
moe = directory.find("Ministry of Education")
police = directory.find("New Zealand Police")
aroha = directory.add_practitioner(msd, "Aroha Ngata")
sam = directory.add_practitioner(moe, "Sam Wilson")

# 2. A referral opens a case. Every change after it is an event offered to record().
clock = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=NZ)


def at(hours=1):
    """The next instant: events must never go back in time."""
    global clock
    clock += datetime.timedelta(hours=hours)
    return clock


referral = sfcore.Referral(source=sfcore.ReferralSource.AGENCY, agency=moe, practitioner="Sam Wilson",
                           received=datetime.date(2026, 3, 2), family_name="Te Rangi whānau",
                           reasons=["school attendance", "housing"])
case = sfcore.Case.open(case_id=1, directory=directory, referral=referral, recorded_by="mere", recorded_at=clock)


def record(payload, hours=1):
    outcome = case.record(payload, directory=directory, recorded_by="mere", at=at(hours))
    if not outcome:  # a refusal is a value: say why and stop
        raise SystemExit(f"refused [{outcome.guard.name}]: {outcome.reason}")
    return outcome


record(sfcore.ReferralAccepted(note="more than one agency is involved"))
hine = record(sfcore.MemberAdded(member=sfcore.Member(name="Hine Te Rangi", born=datetime.date(1988, 5, 14)))).assigned
tama = record(sfcore.MemberAdded(member=sfcore.Member(name="Tama Te Rangi", role=sfcore.MemberRole.CHILD,
                                                      born=datetime.date(2015, 8, 1)))).assigned

# The lifecycle refuses what the process does not allow, and says why.
early = case.would_accept(sfcore.PreparationStarted(), directory=directory, recorded_by="mere", at=at())
say(f"preparation before anyone has signed: refused [{early.guard.name}] {early.reason}")

record(sfcore.ConsentRecorded(member=hine, signed_on=datetime.date(2026, 3, 2), form_version="SF-2024"))
record(sfcore.ConsentRecorded(member=tama, signed_on=datetime.date(2026, 3, 2), form_version="SF-2024", given_by=hine,
                              child_views="I want to go to school with my cousins"))
record(sfcore.RolesAssigned(coordinator=coordinator, lead_agency=msd, lead_contact=aroha))
record(sfcore.PreparationStarted())

# 3. The family directs: its priorities, and who comes (a named teacher, not the whole school).
record(sfcore.PrioritiesSet(key_issues=["Tama at school every day", "a secure home"], strengths=["close whānau"],
                            needs=["school attendance", "money for rent"]))
record(sfcore.InviteeApproved(who=sfcore.Party.agency(msd)))
record(sfcore.InviteeApproved(who=sfcore.Party.practitioner(sam)))

# 4. Consent to share, per person, and what the family keeps confidential: facts of the same journal.
record(sfcore.IssueAreasSet([sfcore.IssueArea.EDUCATION, sfcore.IssueArea.HOUSING, sfcore.IssueArea.INCOME]))
for member, given_by, views in [(hine, None, ""), (tama, hine, "ok if it helps me at school")]:
    record(sfcore.SharingConsentGiven(
        subject=member, given_by=given_by, child_views=views,
        recipients=[directory[msd], directory.practitioner(sam)],  # MSD as a whole; Sam by name, not his Ministry
        categories=["education", "housing", "income_benefits", "mental_health"],
        purposes=[sfcore.Purpose.MEETING_PREPARATION, sfcore.Purpose.MEETING, sfcore.Purpose.PLAN_DELIVERY],
        valid_from=datetime.date(2026, 3, 1), valid_until=datetime.date(2027, 2, 28),
        signed_on=datetime.date(2026, 3, 2), form_version="SF-consent-2024"))
record(sfcore.ConfidentialMarked(subject=hine, category="income_benefits"))
say("the notice Hine reviews before the meeting:")
for line in str(case.notice(hine, directory=directory, purpose=sfcore.Purpose.MEETING, at=at())).splitlines():
    say(f"  {line}")
record(sfcore.NoticeGiven(member=hine, purpose=sfcore.Purpose.MEETING))

meeting = sfcore.Meeting(start=datetime.datetime(2026, 3, 12, 10, 0, tzinfo=NZ), venue="Ngā Hau e Whā marae",
                         invitees=[sfcore.Party.agency(msd), sfcore.Party.practitioner(sam)], karakia=True, mihi=True)
record(sfcore.MeetingScheduled(meeting=meeting))

# 5. Decisions: each recorded in the journal. The coordinator reads why; the requester is told only the answer.
when = datetime.datetime(2026, 3, 12, 9, 0, tzinfo=NZ)
for who, subjects, what, to in [
    ("Sam asks to share Tama's attendance with MSD", tama, "education", directory[msd]),
    ("MSD asks for Hine's benefit details", hine, "income_benefits", directory[msd]),
    ("the Police ask for Tama's attendance", tama, "education", directory[police]),
    ("MSD asks for both members' housing", [hine, tama], "housing", directory[msd]),
]:
    d = case.decide(directory=directory, discloser=directory.practitioner(sam), subjects=subjects, category=what,
                    recipient=to, purpose=sfcore.Purpose.MEETING, at=when, actor="sam")
    say(f"{who}: {case.explain(d)}")
    say(f"    they are told: {d.requester_reason}")

# 7. The meeting agrees the plan: who does what by when, a lead agency and a key contact.
clock = datetime.datetime(2026, 3, 12, 12, 0, tzinfo=NZ)
record(sfcore.MeetingHeld(meeting=1, attendance=[sfcore.Party.member(hine), sfcore.Party.agency(msd),
                                                 sfcore.Party.practitioner(sam)]))
plan = sfcore.Plan(lead_agency=msd, key_contact=aroha, actions=[
    sfcore.Action(description="Budget advice and a rent arrears plan", owner=sfcore.Party.agency(msd),
                  due=datetime.date(2026, 4, 10), support=sfcore.SupportType.BUDGET_ADVICE, need="money for rent"),
    sfcore.Action(description="Attendance check-ins each Friday", owner=sfcore.Party.practitioner(sam),
                  due=datetime.date(2026, 4, 24), support=sfcore.SupportType.TRUANCY, need="school attendance"),
])
record(sfcore.PlanAgreed(plan=plan))

# 6. Sharing without consent: a separate, recorded act under a named law. An incomplete record is refused.
request = dict(subjects=[tama], category=sfcore.Category.CHILD_PROTECTION,
               description="attendance record and the school's concerns", discloser=directory[moe],
               recipient=directory[police], basis=sfcore.LegalBasis.OT_S66,
               purpose="a report of concern is being investigated", approver="Principal, delegated authority",
               necessity="the request names it; it bears on Tama's safety")
refused = case.record(sfcore.SharedWithoutConsent(**request), directory=directory, recorded_by="principal", at=at(3))
say(f"a police request under s66, recorded incompletely: refused, missing {refused.missing}")
done = record(sfcore.SharedWithoutConsent(
    **request, requested_by="Constable Rewi, NZ Police",
    requester_role=sfcore.S66Requester.CONSTABLE,
    not_told_reason="telling the family now would prejudice the investigation"))
say(f"the same with a full record: recorded as entry {done.seq}")

for action in case.plans[0].actions:
    record(sfcore.ActionUpdated(action=action.id, status=sfcore.ActionStatus.DONE), hours=24 * 10)
today = clock.date()  # what the coordinator's overdue list shows on the day the last action was done
say(f"overdue on {today}: {[item.what for item in case.overdue(today)] or 'nothing'}")

# 8. Closure: the lead contact's final report, then the case closes.
record(sfcore.ClosureStarted(reason=sfcore.ExitReason.PLANNED, note="Tama at school, the whānau housed"))
record(sfcore.FinalReportSubmitted(summary="Tama attends school every day; the rent is paid."))
record(sfcore.CaseClosed())
say(f"{case!r}")
report = case.final_report(directory)
say(f"final report: initial meeting after {report.days_to_initial_meeting} working days "
    f"(target {report.initial_meeting_target}); {len(report.done)} actions done; exit: {report.exit_reason.label}")
say("timeline:")
for line in case.timeline(directory)[:4]:
    say(f"  {line}")
say(f"  … {len(case.journal)} entries in all")

# 9. The journal is the audit: every fact, decision and view, hash-chained from the case's id.
say(f"journal: {case.version} entries, verifies: {bool(case.verify())}; "
    f"{len(case.access_log())} of them decisions and views, by {sorted({e.who for e in case.access_log()})}")
forged = list(case.journal)
try:  # a journal with an entry dropped (or changed, or reordered) does not load
    sfcore.Case.replay(case.id, forged[:5] + forged[6:])
except sfcore.StorageError as e:
    say(f"the journal with one entry dropped: {e.code.name}")

# 10. Keep it: the store (SQLite), archives and pickling. Keep the head the store returns outside it.
path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "cases.db"
if path.exists():  # a new store: the walkthrough never replaces a file
    sys.exit(f"{path} exists: the walkthrough writes a new store and never replaces a file; remove it or name another")
with sfcore.Store(str(path)) as store:
    store.put_directory(directory)
    kept = store.append(case, 0)
with sfcore.Store(str(path)) as store:
    again = store.load(1)
    say(f"reloaded from {path.name}: {again!r}, the same: {again == case}; "
        f"holds the head kept at the append: {bool(again.verify(kept))}")
archive = case.to_bytes()
say(f"as an archive: {len(archive)} bytes, {sfcore.inspect_archive(archive)!r}")
assert sfcore.Case.from_bytes(archive) == case and pickle.loads(pickle.dumps(case)) == case

# Bad input is an exception with a stable code; a refusal never is.
try:
    case.record(sfcore.CaseReopened(reason="the family asked"), directory=directory, recorded_by="mere",
                at=datetime.datetime(2026, 3, 2, 9, 0))
except sfcore.ArgumentError as e:
    say(f"a naive datetime -> {e.code.name}")
