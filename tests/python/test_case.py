"""The lifecycle from Python: cases, every event payload, outcomes, the transition table, timeliness, reports."""

import copy
import datetime
import pickle
from zoneinfo import ZoneInfo

import pytest

import sfcore
from sfcore import sample

NZ = ZoneInfo("Pacific/Auckland")

PAYLOADS = {
    sfcore.EventType.REFERRAL_RECEIVED: lambda: sfcore.ReferralReceived(referral=sfcore.Referral(
        source=sfcore.ReferralSource.FAMILY, received=datetime.date(2026, 3, 2), family_name="x")),
    sfcore.EventType.REFERRAL_ACCEPTED: lambda: sfcore.ReferralAccepted(by_panel=True, note="panel"),
    sfcore.EventType.REFERRAL_DECLINED: lambda: sfcore.ReferralDeclined(reason="one agency only"),
    sfcore.EventType.MEMBER_ADDED: lambda: sfcore.MemberAdded(member=sfcore.Member(name="Kiri")),
    sfcore.EventType.CONSENT_RECORDED: lambda: sfcore.ConsentRecorded(member=1, signed_on=datetime.date(2026, 3, 2),
                                                                       form_version="v"),
    sfcore.EventType.CONSENT_WITHDRAWN: lambda: sfcore.ConsentWithdrawn(member=1, note="stop"),
    sfcore.EventType.ROLES_ASSIGNED: lambda: sfcore.RolesAssigned(lead_agency=1, facilitator="Rangi"),
    sfcore.EventType.PREPARATION_STARTED: lambda: sfcore.PreparationStarted(),
    sfcore.EventType.PRIORITIES_SET: lambda: sfcore.PrioritiesSet(key_issues=["housing"], strengths=["aroha"],
                                                                 needs=["a home"]),
    sfcore.EventType.INVITEE_APPROVED: lambda: sfcore.InviteeApproved(who=sfcore.Party.agency(10)),
    sfcore.EventType.INVITEE_WITHDRAWN: lambda: sfcore.InviteeWithdrawn(who=sfcore.Party.agency(10)),
    sfcore.EventType.MEETING_SCHEDULED: lambda: sfcore.MeetingScheduled(meeting=sfcore.Meeting(
        start=datetime.datetime(2026, 4, 1, 10, tzinfo=NZ), venue="Marae")),
    sfcore.EventType.MEETING_HELD: lambda: sfcore.MeetingHeld(meeting=1, attendance=[sfcore.Party.member(1)]),
    sfcore.EventType.PLAN_AGREED: lambda: sfcore.PlanAgreed(plan=sfcore.Plan(lead_agency=1, key_contact=4)),
    sfcore.EventType.PLAN_REVISED: lambda: sfcore.PlanRevised(plan=sfcore.Plan(revision_reason="moved")),
    sfcore.EventType.ACTION_UPDATED: lambda: sfcore.ActionUpdated(action=1, status=sfcore.ActionStatus.DONE),
    sfcore.EventType.REVIEW_SCHEDULED: lambda: sfcore.ReviewScheduled(meeting=sfcore.Meeting(
        start=datetime.datetime(2026, 5, 1, 10, tzinfo=NZ), venue="Marae")),
    sfcore.EventType.ESCALATED: lambda: sfcore.Escalated(note="safety"),
    sfcore.EventType.CLOSURE_STARTED: lambda: sfcore.ClosureStarted(reason=sfcore.ExitReason.OTHER, note="moved"),
    sfcore.EventType.FINAL_REPORT_SUBMITTED: lambda: sfcore.FinalReportSubmitted(summary="done"),
    sfcore.EventType.CASE_CLOSED: lambda: sfcore.CaseClosed(),
    sfcore.EventType.CASE_REOPENED: lambda: sfcore.CaseReopened(reason="asked again"),
    sfcore.EventType.SHARING_CONSENT_GIVEN: lambda: sfcore.SharingConsentGiven(
        subject=1, recipients=[sfcore.Recipient(agency_id=1)], categories=[sfcore.Category.HOUSING],
        purposes=[sfcore.Purpose.MEETING], valid_from=datetime.date(2026, 3, 2), valid_until=datetime.date(2026, 9, 2),
        signed_on=datetime.date(2026, 3, 2), form_version="v"),
    sfcore.EventType.SHARING_CONSENT_WITHDRAWN: lambda: sfcore.SharingConsentWithdrawn(subject=1, note="no more"),
    sfcore.EventType.CONFIDENTIAL_MARKED: lambda: sfcore.ConfidentialMarked(subject=1, category="health"),
    sfcore.EventType.ISSUE_AREAS_SET: lambda: sfcore.IssueAreasSet([sfcore.IssueArea.HOUSING]),
    sfcore.EventType.NECESSITY_ADJUSTED: lambda: sfcore.NecessityAdjusted(category="justice"),
    sfcore.EventType.CATEGORY_REGISTERED: lambda: sfcore.CategoryRegistered(name="kainga", label="home"),
    sfcore.EventType.CONSENT_AGES_SET: lambda: sfcore.ConsentAgesSet(young_person=14, adult=18),
    sfcore.EventType.SHARED_WITHOUT_CONSENT: lambda: sfcore.SharedWithoutConsent(
        subjects=[2], category="child_protection", description="concern", discloser=sfcore.Recipient(agency_id=1),
        recipient=sfcore.Recipient(agency_id=2), basis=sfcore.LegalBasis.OT_S15),
    sfcore.EventType.REQUEST_DECLINED: lambda: sfcore.RequestDeclined(
        requester=sfcore.Recipient(agency_id=3), subjects=1, category="health", basis=sfcore.LegalBasis.OT_S66,
        reasons=["not necessary"], decided_by="coordinator"),
    sfcore.EventType.NOTICE_GIVEN: lambda: sfcore.NoticeGiven(member=1, purpose=sfcore.Purpose.MEETING),
    sfcore.EventType.TIMEFRAMES_SET: lambda: sfcore.TimeframesSet(initial_meeting_working_days=10),
    sfcore.EventType.MEMBER_UPDATED: lambda: sfcore.MemberUpdated(member=1, name="Kiri Ngata", reason="a correction"),
    sfcore.EventType.PERSON_LINKED: lambda: sfcore.PersonLinked(member=1, key="person-1", nhi="ZAC5361"),
    sfcore.EventType.CORRECTION_DECLINED: lambda: sfcore.CorrectionDeclined(member=1, detail="date of birth", statement="15 May",
                                                                           reason="the certificate says 14 May"),
    sfcore.EventType.ACCESS_REQUESTED: lambda: sfcore.AccessRequested(member=1, requester="Hine", received=datetime.date(2026, 3, 2)),
    sfcore.EventType.ACCESS_EXTENDED: lambda: sfcore.AccessExtended(request=9, due=datetime.date(2026, 6, 1), reason="much"),
    sfcore.EventType.ACCESS_ANSWERED: lambda: sfcore.AccessAnswered(request=9, on=datetime.date(2026, 3, 9)),
}

ACCESS = {sfcore.EventType.DISCLOSURE_DECIDED: sfcore.DisclosureDecided, sfcore.EventType.VIEW_SHOWN: sfcore.ViewShown,
          sfcore.EventType.LEGACY_AUDIT_IMPORTED: sfcore.LegacyAuditImported,
          sfcore.EventType.IDENTIFIED_EXTRACT: sfcore.IdentifiedExtract, sfcore.EventType.CASE_DISPOSED: sfcore.CaseDisposed}


def test_there_is_a_payload_class_for_every_event_type_a_host_may_offer():
    assert set(PAYLOADS) == {t for t in sfcore.EventType if sfcore.kind_of(t) != sfcore.EventKind.ACCESS}
    assert set(PAYLOADS) | set(ACCESS) == set(sfcore.EventType)


def test_access_records_cannot_be_made_by_a_host():
    # Decisions and views are written by the library alone: there is nothing to construct them with.
    for cls in ACCESS.values():
        with pytest.raises(TypeError):
            cls()


def test_every_payload_has_keywords_fields_repr_equality_and_copies():
    made = {event: make() for event, make in PAYLOADS.items()}
    for event, p in made.items():
        assert p == PAYLOADS[event]()
        assert copy.copy(p) == p and copy.deepcopy(p) == p
        assert repr(p).startswith(type(p).__name__ + "(")
        assert all(p != q for other, q in made.items() if other != event)  # another kind of fact is never equal
        with pytest.raises(TypeError):  # keyword-only: nothing positional
            type(p)(1)
    # Equality is field by field: one field different is a different fact.
    assert sfcore.ReferralDeclined(reason="a") != sfcore.ReferralDeclined(reason="b")
    assert sfcore.ConfidentialMarked(subject=1, category="health") != sfcore.ConfidentialMarked(subject=2, category="health")
    assert sfcore.ConfidentialMarked(subject=1, category="health") != sfcore.ConfidentialMarked(
        subject=1, category="health", confidential=False)
    assert sfcore.NoticeGiven(member=1, purpose="meeting") != sfcore.NoticeGiven(member=1, purpose="review")


def test_every_event_types_class_is_named_from_its_row():
    # A class made from a payload's field line (an event with no class written for it) is named this way,
    # so the name of an event added later is known before it is added.
    for t in sfcore.EventType:
        name = "".join(part.capitalize() for part in t.name.lower().split("_"))
        assert type(PAYLOADS[t]()).__name__ == name if t in PAYLOADS else ACCESS[t].__name__ == name


def test_a_class_made_from_a_field_line():
    # MeetingHeld, PlanAgreed, RolesAssigned, ReferralAccepted... are made from their payloads' field lines.
    held = sfcore.MeetingHeld(meeting=1)
    assert held.attendance == [] and repr(held) == "MeetingHeld(meeting=1, attendance=[])"
    with pytest.raises(TypeError):  # an id has no value that could stand for "not given": it is required
        sfcore.MeetingHeld(attendance=[])
    with pytest.raises(TypeError):  # a flag takes True or False only
        sfcore.ReferralAccepted(by_panel=1)
    accepted = sfcore.ReferralAccepted()
    assert accepted.by_panel is False and accepted.note == ""
    with pytest.raises(TypeError):
        accepted.by_panel = "yes"
    roles = sfcore.RolesAssigned()
    assert (roles.coordinator, roles.lead_agency, roles.lead_contact, roles.facilitator) == (None, None, None, None)
    roles.lead_agency = 3
    assert roles == sfcore.RolesAssigned(lead_agency=3)
    # A model value is the payload's own: changing it through the attribute changes the payload.
    scheduled = sfcore.MeetingScheduled(meeting=sfcore.Meeting(start=datetime.datetime(2026, 4, 1, 10, tzinfo=NZ),
                                                                venue="Marae"))
    scheduled.meeting.venue = "Kura"
    assert scheduled.meeting.venue == "Kura"
    assert sfcore.PreparationStarted() == sfcore.PreparationStarted() and repr(sfcore.CaseClosed()) == "CaseClosed()"


def test_payload_fields_read_back():
    m = sfcore.MeetingScheduled(meeting=sfcore.Meeting(start=datetime.datetime(2026, 4, 1, 10, tzinfo=NZ),
                                                       venue="Marae", invitees=[sfcore.Party.agency(1)],
                                                       facilitator="F", interpreter="Samoan",
                                                       support_people=["Aunty"], karakia=True, mihi=True))
    assert m.meeting.venue == "Marae" and m.meeting.invitees == [sfcore.Party.agency(1)]
    assert m.meeting.interpreter == "Samoan" and m.meeting.support_people == ["Aunty"]
    assert m.meeting.karakia and m.meeting.mihi and not m.meeting.held and m.meeting.attendance == []
    assert m.meeting.kind == sfcore.MeetingKind.INITIAL and m.meeting.id == 0 and m.meeting.facilitator == "F"
    r = sfcore.RolesAssigned(coordinator=4)
    assert (r.coordinator, r.lead_agency, r.lead_contact, r.facilitator) == (4, None, None, None)
    c = sfcore.ConsentRecorded(member=2, signed_on=datetime.date(2026, 3, 2), form_version="v", given_by=1,
                               child_views="yes")
    assert (c.member, c.signed_on, c.form_version, c.given_by, c.child_views) == (2, datetime.date(2026, 3, 2), "v", 1, "yes")
    a = sfcore.ActionUpdated(action=3, status="in_progress", note="booked")
    assert (a.action, a.status, a.note) == (3, sfcore.ActionStatus.IN_PROGRESS, "booked")
    assert sfcore.ClosureStarted().reason == sfcore.ExitReason.PLANNED
    assert sfcore.ReferralAccepted().by_panel is False and sfcore.ReferralAccepted(note="n").note == "n"
    assert sfcore.ReferralDeclined(reason="r").reason == "r"
    assert sfcore.ConsentWithdrawn(member=1).note == ""
    assert sfcore.PrioritiesSet(needs=["n"]).needs == ["n"] and sfcore.PrioritiesSet().key_issues == []
    assert sfcore.PrioritiesSet(strengths=["s"]).strengths == ["s"]
    assert sfcore.InviteeApproved(who=sfcore.Party.member(1)).who.kind == sfcore.PartyKind.MEMBER
    assert sfcore.InviteeWithdrawn(who=sfcore.Party.agency(2)).who.id == 2
    assert sfcore.MeetingHeld(meeting=2).attendance == [] and sfcore.MeetingHeld(meeting=2).meeting == 2
    assert sfcore.PlanAgreed(plan=sfcore.Plan(child=2)).plan.child == 2
    assert sfcore.PlanRevised(plan=sfcore.Plan(revision_reason="x")).plan.revision_reason == "x"
    assert sfcore.ReviewScheduled(meeting=m.meeting).meeting.venue == "Marae"
    assert sfcore.Escalated(note="n").note == "n" and sfcore.FinalReportSubmitted(summary="s").summary == "s"
    assert sfcore.CaseReopened(reason="r").reason == "r"
    assert sfcore.MemberAdded(member=sfcore.Member(name="K")).member.name == "K"
    assert sfcore.ReferralReceived(referral=PAYLOADS[sfcore.EventType.REFERRAL_RECEIVED]().referral).referral.family_name == "x"
    p = sfcore.Plan(actions=[sfcore.Action(description="a", due=datetime.date(2026, 5, 1), need="n",
                                           owner=sfcore.Party.agency(1), support=sfcore.SupportType.COUNSELLING)],
                    lead_agency=1, key_contact=2, child_views="v", revision_reason="r")
    assert (p.version, p.agreed, p.lead_agency, p.key_contact, p.child_views) == (0, None, 1, 2, "v")
    act = p.actions[0]
    assert (act.id, act.description, act.due, act.need, act.status, act.support) == (
        0, "a", datetime.date(2026, 5, 1), "n", sfcore.ActionStatus.OPEN, sfcore.SupportType.COUNSELLING)
    assert act.owner == sfcore.Party.agency(1)


def test_value_fields_can_be_assigned():
    m = sfcore.Member(name="Hine")
    m.name, m.role, m.born, m.participating = "Hine T", sfcore.MemberRole.OTHER_WHANAU, datetime.date(1990, 1, 2), False
    assert (m.name, m.role, m.born, m.participating) == ("Hine T", sfcore.MemberRole.OTHER_WHANAU,
                                                         datetime.date(1990, 1, 2), False)
    assert m.age_on(datetime.date(2026, 1, 1)) == 35 and sfcore.Member(name="x").age_on(datetime.date(2026, 1, 1)) is None
    with pytest.raises(sfcore.ArgumentError):
        m.born = datetime.date(1800, 1, 1)
    a = sfcore.Action(description="x")
    a.status = "done"
    assert a.status == sfcore.ActionStatus.DONE


def test_parties_compare_hash_and_name_their_kind():
    assert sfcore.Party.agency(3) == sfcore.Party(sfcore.PartyKind.AGENCY, 3)
    assert sfcore.Party.agency(3) != sfcore.Party.practitioner(3)
    assert len({sfcore.Party.agency(3), sfcore.Party.agency(3), sfcore.Party.member(3)}) == 2
    assert repr(sfcore.Party.practitioner(2)) == "Party.practitioner(2)"
    assert (sfcore.Party.member(1).kind, sfcore.Party.member(1).id) == (sfcore.PartyKind.MEMBER, 1)


def test_a_case_walks_to_its_final_report(directory):
    f = sample.family_case(directory, 9, "closed_planned", seed=2)
    c = f.case
    assert c.state == sfcore.State.CLOSED
    assert c.exit_reason == sfcore.ExitReason.PLANNED and c.exit_note == "goals achieved"
    assert c.final_report_summary.startswith("The family's")
    assert c.closed_at.tzinfo is not None and c.closed_at > c.journal[0].when
    assert [e.type for e in c.journal][:2] == [sfcore.EventType.REFERRAL_RECEIVED, sfcore.EventType.REFERRAL_ACCEPTED]
    assert c.version == len(c.journal)
    assert len(c.members) == 2 and c.member(1).name == c.members[0].name
    assert [k.member for k in c.consents] == [1, 2] and c.consents[1].given_by == 1
    assert c.consents[0].ended_at is None and c.consents[0].recorded_by == "coordinator"
    assert c.consents[0].signed_on == c.referral.received and c.consents[0].form_version == "SF-2024"
    assert c.consents[1].child_views and c.consents[0].recorded_at.tzinfo is not None
    # the plan names the lead agency and the key contact
    assert c.roles.coordinator is not None and c.roles.lead_agency == directory.find("Ministry of Social Development")
    assert c.roles.lead_contact == sample.practitioner(directory, "Aroha Ngata")
    assert c.roles.facilitator == ""
    assert c.priorities.needs and c.priorities.strengths == ["close whānau"]
    assert all(c.is_approved(p) for p in c.approved)
    assert not c.is_approved(sfcore.Party.practitioner(1))
    assert [m.held for m in c.meetings] == [True, True]
    assert len(c.plans) == 1 and len(c.plan_history) == 2 and c.plans[0].version == 2
    report = c.final_report(directory)
    assert report.case_id == 9 and report.family_name == c.referral.family_name
    assert report.programme == sfcore.Programme.STRENGTHENING_FAMILIES and report.referred == c.referral.received
    assert report.exit_reason == sfcore.ExitReason.PLANNED and report.closed_on == c.closed_at.date()
    assert report.lead_agency == "Ministry of Social Development" and report.key_contact.startswith("Aroha Ngata")
    assert report.initial_meeting_target == 15 and report.days_to_initial_meeting is not None
    assert report.reviews_held == 1 and report.reviews_late in (0, 1) and report.plan_versions == 2
    assert len(report.done) + len(report.not_done) == len(c.plans[0].actions)
    assert [m.kind for m in report.meetings] == [sfcore.MeetingKind.INITIAL, sfcore.MeetingKind.REVIEW]
    assert report.meetings[0].attended >= 2 and report.meetings[0].day == c.meetings[0].start.date()
    assert report.key_issues == c.priorities.key_issues and report.exit_note == "goals achieved"
    assert report.lead_contact_summary == c.final_report_summary
    if report.done:
        assert report.done[0].status == sfcore.ActionStatus.DONE and report.done[0].owner and report.done[0].description
        assert report.done[0].due is not None
    md = report.to_markdown()
    assert md.startswith(f"# Final report: {c.referral.family_name} (case 9)")
    timeline = c.timeline(directory)
    assert len(timeline) == len(c.journal) and "referral received" in timeline[0]
    assert c.name_of(sfcore.Party.member(1), directory) == c.members[0].name
    assert c.name_of(sfcore.Party.agency(1), directory) == "Ministry of Social Development"


def test_a_refusal_is_a_value_and_changes_nothing(family):
    c, before = family.case, family.case.version
    at = family.clock.tick()
    o = c.record(sfcore.CaseClosed(), directory=family.directory, recorded_by="c", at=at)
    assert not o and o.accepted is False
    assert o.guard == sfcore.Guard.NO_TRANSITION and "not allowed" in o.reason
    assert o.from_state == o.to_state == sfcore.State.PREPARING and o.assigned == 0
    assert c.version == before and "Outcome(accepted=False" in repr(o)
    preview = c.would_accept(sfcore.Escalated(note="x"), directory=family.directory, recorded_by="c", at=at)
    assert preview and preview.to_state == sfcore.State.CLOSED and c.state == sfcore.State.PREPARING


def test_bad_input_raises_and_changes_nothing(family):
    c, before = family.case, family.case.version
    at = family.clock.tick()
    with pytest.raises(sfcore.ArgumentError) as e:
        c.record(sfcore.InviteeApproved(who=sfcore.Party.agency(999)), directory=family.directory, recorded_by="c", at=at)
    assert e.value.code == sfcore.ErrorCode.NOT_FOUND
    with pytest.raises(sfcore.ArgumentError):  # earlier than the last event
        c.record(sfcore.PrioritiesSet(needs=["x"]), directory=family.directory, recorded_by="c",
                 at=datetime.datetime(2020, 1, 1, tzinfo=NZ))
    with pytest.raises(sfcore.ArgumentError) as e:
        c.record(sfcore.PrioritiesSet(key_issues=[b"\xff\xfe".decode("latin-1").encode("latin-1")]),
                 directory=family.directory, recorded_by="c", at=at)
    assert e.value.code == sfcore.ErrorCode.INVALID_UTF8
    with pytest.raises(sfcore.ArgumentError):
        c.record(sfcore.PrioritiesSet(needs=["x"]), directory=family.directory, recorded_by="  ", at=at)
    with pytest.raises(TypeError):
        c.record("preparation_started", directory=family.directory, recorded_by="c", at=at)
    with pytest.raises(sfcore.ArgumentError) as e:
        c.member(99)
    assert e.value.code == sfcore.ErrorCode.NOT_FOUND
    assert c.version == before


def test_replay_equals_the_live_case_and_refuses_a_broken_journal(directory):
    c = sample.family_case(directory, 4, "under_review", seed=1).case
    again = sfcore.Case.replay(4, c.journal)
    assert again == c and again.state == sfcore.State.UNDER_REVIEW
    with pytest.raises(sfcore.StorageError) as e:  # the chain starts from the case's id
        sfcore.Case.replay(4, c.journal[1:])
    assert e.value.code == sfcore.ErrorCode.INTEGRITY and "entry 1 is numbered 2" in str(e.value)
    with pytest.raises(sfcore.StorageError) as e:  # another case's journal
        sfcore.Case.replay(5, c.journal)
    assert e.value.code == sfcore.ErrorCode.INTEGRITY
    with pytest.raises(sfcore.StorageError):  # reordered
        sfcore.Case.replay(4, [c.journal[0], c.journal[2], c.journal[1]] + c.journal[3:])
    assert copy.copy(c) == c and copy.deepcopy(c) == c and pickle.loads(pickle.dumps(c)) == c
    e = next(x for x in c.journal if x.type == sfcore.EventType.CONSENT_RECORDED)
    assert e.payload == c.journal[c.journal.index(e)].payload
    assert isinstance(e.payload, sfcore.ConsentRecorded) and e.type == sfcore.EventType.CONSENT_RECORDED
    assert e.who == "coordinator" and e.when.utcoffset() is not None


def test_the_transition_table_is_the_engines(directory):
    rows = sfcore.transitions()
    assert len(rows) >= 20
    seen = {(s, r.event) for r in rows for s in r.from_states}
    assert len(seen) == sum(len(r.from_states) for r in rows)  # one row per (state, event)
    closing = [r for r in rows if r.event == sfcore.EventType.CASE_CLOSED][0]
    assert closing.from_states == [sfcore.State.CLOSING] and closing.guards == [sfcore.Guard.FINAL_REPORT]
    assert closing.to_state == sfcore.State.CLOSED
    member = [r for r in rows if r.event == sfcore.EventType.MEMBER_ADDED][0]
    assert member.to_state is None  # stays
    assert "Transition(" in repr(closing)
    # A case refuses exactly the lifecycle events with no row for its state.
    c = sample.family_case(directory, 1, "preparing").case
    at = datetime.datetime(2027, 1, 1, tzinfo=NZ)
    for event, make in PAYLOADS.items():
        if sfcore.kind_of(event) != sfcore.EventKind.LIFECYCLE:
            continue
        has_row = (sfcore.State.PREPARING, event) in seen
        try:
            o = c.would_accept(make(), directory=directory, recorded_by="c", at=at)
        except sfcore.ArgumentError:  # the payload names something this case lacks: bad input, not a refusal
            continue
        assert (o.guard == sfcore.Guard.NO_TRANSITION) == (not has_row), event


def test_programme_rules_are_rows():
    rules = {r.programme: r for r in sfcore.programme_rules()}
    assert set(rules) == set(sfcore.Programme)
    ct = rules[sfcore.Programme.CHILDRENS_TEAM]
    assert ct.panel_acceptance and ct.plan_per_child and ct.child_age_limit == 18 and not ct.site_required
    assert sfcore.ExitReason.MOVED_AWAY not in ct.exit_reasons
    assert rules[sfcore.Programme.INTENSIVE_INTERVENTION].site_required
    assert "ProgrammeRules(" in repr(ct)


def test_childrens_team_and_intensive_intervention(directory):
    ct = sample.family_case(directory, 2, "plan_active", programme=sfcore.Programme.CHILDRENS_TEAM).case
    assert ct.plans[0].child == 2 and ct.plans[0].child_views
    ii = sample.family_case(directory, 3, "referred", programme=sfcore.Programme.INTENSIVE_INTERVENTION).case
    assert ii.referral.site in sample.SITES
    r = sfcore.Referral(source="family", received=datetime.date(2026, 3, 2), family_name="x",
                        programme=sfcore.Programme.INTENSIVE_INTERVENTION)
    c = sfcore.Case.open(case_id=5, directory=directory, referral=r, recorded_by="c",
                         recorded_at=datetime.datetime(2026, 3, 2, 9, tzinfo=NZ))
    o = c.record(sfcore.ReferralAccepted(), directory=directory, recorded_by="c",
                 at=datetime.datetime(2026, 3, 2, 10, tzinfo=NZ))
    assert o.guard == sfcore.Guard.SITE_NAMED


def test_timeliness_and_the_calendar(directory):
    c = sample.family_case(directory, 6, "awaiting_consent", start=datetime.date(2026, 3, 2)).case
    assert c.initial_meeting_due() == datetime.date(2026, 3, 23)
    assert c.review_due() is None and c.next_deadline() == datetime.date(2026, 3, 23)
    (late,) = c.overdue(datetime.date(2026, 4, 1))
    assert late.kind == sfcore.OverdueKind.INITIAL_MEETING and late.days_late == 9 and late.case_id == 6
    assert late.due == datetime.date(2026, 3, 23) and late.action == 0 and "initial meeting" in late.what
    assert "OverdueItem(" in repr(late)
    tf = sfcore.Timeframes(initial_meeting_working_days=10)
    assert (tf.review_earliest_days, tf.review_latest_days) == (28, 42) and "Timeframes(" in repr(tf)
    tf.review_latest_days = 40
    assert c.initial_meeting_due(timeframes=tf) == datetime.date(2026, 3, 16)
    cal = sfcore.HolidayCalendar()
    names = [h.name for h in cal.holidays(2026)]
    assert "Waitangi Day" in names[1] or any("Waitangi" in n for n in names)
    assert cal.is_holiday(datetime.date(2026, 12, 25)) and not cal.is_working_day(datetime.date(2026, 12, 26))
    assert cal.add_working_days(datetime.date(2026, 12, 24), 1) == datetime.date(2026, 12, 29)
    assert cal.working_days_between(datetime.date(2026, 12, 24), datetime.date(2026, 12, 31)) == 3
    cal.add(datetime.date(2026, 3, 9), "Taranaki Anniversary")
    assert cal.is_holiday(datetime.date(2026, 3, 9))
    assert c.initial_meeting_due(calendar=cal) == datetime.date(2026, 3, 24)
    with pytest.raises(sfcore.ArgumentError):
        cal.holidays(2053)  # after the Act's schedule, Matariki is not known
    assert [h.date for h in cal.holidays(2052) if h.name == "Matariki"] == [datetime.date(2052, 6, 21)]
    with pytest.raises(sfcore.ArgumentError):
        cal.set_matariki(2053, datetime.date(2053, 6, 19))  # a Thursday
    cal.set_matariki(2053, datetime.date(2053, 6, 20))
    assert any("Matariki" in h.name for h in cal.holidays(2053))
    assert [h.name for h in cal.holidays(2022) if h.date == datetime.date(2022, 9, 26)] == [
        "Queen Elizabeth II Memorial Day"]
    assert "Holiday(" in repr(cal.holidays(2026)[0]) and cal.holidays(2026)[0].date.year == 2026
    assert repr(cal) == "HolidayCalendar()"


def test_two_definitions_of_working_day():
    cal = sfcore.HolidayCalendar()
    act = sfcore.WorkingDayRule.PRIVACY_ACT
    received = datetime.date(2025, 12, 15)
    # The Privacy Act's 20 working days skip 25 December to 15 January; the practice's do not.
    assert sfcore.PRIVACY_RESPONSE_WORKING_DAYS == 20
    assert cal.privacy_response_due(received) == datetime.date(2026, 2, 3)
    assert cal.add_working_days(received, 20, rule=act) == datetime.date(2026, 2, 3)
    assert cal.add_working_days(received, 20) == datetime.date(2026, 1, 16)
    assert cal.working_days_between(received, datetime.date(2026, 2, 3), rule=act) == 20
    assert cal.is_working_day(datetime.date(2026, 1, 6)) and not cal.is_working_day(datetime.date(2026, 1, 6), rule=act)
    # The host's regional day counts for the practice only.
    cal.add(datetime.date(2026, 3, 9), "Taranaki Anniversary")
    assert not cal.is_working_day(datetime.date(2026, 3, 9))
    assert cal.is_working_day(datetime.date(2026, 3, 9), rule=sfcore.WorkingDayRule.PRIVACY_ACT)
    assert "Privacy Act 2020, s 7" in sfcore.working_day_rule_source(act)
    assert "Holidays Act 2003" in sfcore.working_day_rule_source(sfcore.WorkingDayRule.PUBLIC_HOLIDAYS)
    with pytest.raises(sfcore.ArgumentError, match="unknown working-day rule 7"):
        cal.is_working_day(datetime.date(2026, 1, 6), rule=7)
    with pytest.raises(sfcore.ArgumentError):
        cal.privacy_response_due(datetime.date(2052, 12, 20))  # runs into 2053, whose Matariki is not known


def test_a_local_time_the_clocks_skipped_is_refused_from_every_zone(directory):
    c = sample.family_case(directory, 1, "preparing").case
    skipped = datetime.datetime(2026, 9, 27, 2, 30, tzinfo=NZ)  # 02:00 became 03:00 that morning
    with pytest.raises(sfcore.ArgumentError) as e:
        c.record(sfcore.PrioritiesSet(needs=["x"]), directory=directory, recorded_by="c", at=skipped)
    assert e.value.code == sfcore.ErrorCode.OUT_OF_RANGE and "does not exist" in str(e.value)
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Meeting(start=skipped, venue="Marae")
    # The hour that happens twice is an instant once the fold says which: both are accepted, an hour apart.
    first = datetime.datetime(2026, 4, 5, 2, 30, tzinfo=NZ)
    second = first.replace(fold=1)
    m1, m2 = sfcore.Meeting(start=first, venue="x"), sfcore.Meeting(start=second, venue="x")
    assert m1.start.astimezone(datetime.timezone.utc) + datetime.timedelta(hours=1) == m2.start.astimezone(
        datetime.timezone.utc)
    # Every other zone too, and a fixed offset is never refused.
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Meeting(start=datetime.datetime(2026, 3, 8, 2, 30, tzinfo=ZoneInfo("America/New_York")), venue="x")
    fixed = datetime.timezone(datetime.timedelta(hours=12))
    assert sfcore.Meeting(start=datetime.datetime(2026, 9, 27, 2, 30, tzinfo=fixed), venue="x").start.tzinfo


def test_nz_time_knows_daylight_saving():
    t = sfcore.nz_time(datetime.date(2026, 1, 15), 9, 30)
    assert t == datetime.datetime(2026, 1, 15, 9, 30, tzinfo=NZ) and t.utcoffset() == datetime.timedelta(hours=13)
    with pytest.raises(sfcore.ArgumentError) as e:
        sfcore.nz_time(datetime.date(2026, 9, 27), 2, 30)  # skipped when daylight saving starts
    assert e.value.code == sfcore.ErrorCode.OUT_OF_RANGE


def test_instants_in_any_zone_mean_the_same_moment(directory):
    r = sfcore.Referral(source="family", received=datetime.date(2026, 3, 2), family_name="x")
    utc = datetime.datetime(2026, 3, 1, 20, 0, tzinfo=datetime.timezone.utc)
    c = sfcore.Case.open(case_id=1, directory=directory, referral=r, recorded_by="c", recorded_at=utc)
    assert c.journal[0].when == utc and c.journal[0].when.tzinfo.key == "Pacific/Auckland"
    assert c.journal[0].when.hour == 9  # 09:00 NZDT


def test_the_directory(directory):
    assert len(directory) == 15 and directory.find("ACC") == 2 and 2 in directory and 99 not in directory
    assert [a.id for a in directory.agencies] == list(range(1, 16)) and list(directory)[0] == directory[1]
    p = directory.practitioner(1)
    assert (p.id, p.name, directory[p.agency].name) == (1, "Mere Tipene", "Te Whare Awhina Trust")
    assert directory.practitioners[0] == p and "Practitioner(" in repr(p)
    a = directory[1]
    assert (a.id, a.kind) == (1, sfcore.AgencyKind.GOVERNMENT) and a.name.startswith("Ministry")
    new = directory.add("Whānau Ora Collective")
    assert directory[new].kind == sfcore.AgencyKind.NGO
    assert directory.add_practitioner(new, "Kahu") == len(directory.practitioners)
    with pytest.raises(sfcore.ArgumentError):
        directory.find("Nobody")
    with pytest.raises(sfcore.ArgumentError):
        directory.practitioner(999)
    with pytest.raises(sfcore.ArgumentError):
        directory.add_practitioner(999, "x")
    again = sfcore.AgencyDirectory.from_bytes(directory.to_bytes(sfcore.ArchiveEncoding.TEXT))
    assert [x.name for x in again] == [x.name for x in directory]
    assert len(pickle.loads(pickle.dumps(directory)).practitioners) == len(directory.practitioners)
    assert repr(directory).startswith("AgencyDirectory(16 agencies")


def test_agencies_keep_their_former_names_and_say_whether_they_are_child_welfare_agencies(directory):
    health = directory.find("District Health Boards")  # found by its former name
    assert directory[health].name == "Health New Zealand | Te Whatu Ora"
    assert directory[health].former_names == ["District Health Boards"] and directory[health].child_welfare
    assert not directory[directory.find("Inland Revenue")].child_welfare
    trust = directory.find("Te Whare Awhina Trust")
    directory.rename(trust, "Te Whare Awhina Charitable Trust")
    assert directory.find("Te Whare Awhina Trust") == trust == directory.find("Te Whare Awhina Charitable Trust")
    assert directory[trust].former_names == ["Te Whare Awhina Trust"]
    with pytest.raises(sfcore.ArgumentError) as e:
        directory.rename(trust, "Inland Revenue")
    assert e.value.code == sfcore.ErrorCode.ALREADY_EXISTS
    with pytest.raises(sfcore.ArgumentError):
        directory.rename(999, "x")
    assert not directory[trust].child_welfare
    directory.set_child_welfare(trust, True)
    assert directory[trust].child_welfare and "child_welfare=True" in repr(directory[trust])
    iwi = directory.add("Ngā Kete Mātauranga", sfcore.AgencyKind.IWI, child_welfare=True)
    assert directory[iwi].child_welfare
    again = sfcore.AgencyDirectory.from_bytes(directory.to_bytes())
    assert list(again) == list(directory)  # names, former names and flags, every agency


def test_referral_fields():
    r = sfcore.Referral(source=sfcore.ReferralSource.AGENCY, agency=9, practitioner="Sam", received=datetime.date(2026, 3, 2),
                        family_name="Te Rangi whānau", reasons=["attendance"], programme="childrens_team", site="")
    assert (r.source, r.agency, r.practitioner, r.reasons, r.programme, r.site) == (
        sfcore.ReferralSource.AGENCY, 9, "Sam", ["attendance"], sfcore.Programme.CHILDRENS_TEAM, "")
    assert copy.copy(r) == r and "Referral(" in repr(r)
    r.site, r.family_name, r.received = "Tokoroa", "y", datetime.date(2026, 3, 3)
    assert (r.site, r.family_name, r.received) == ("Tokoroa", "y", datetime.date(2026, 3, 3))


def test_what_a_case_returns_is_typed(directory):
    c = sample.family_case(directory, 3, "closed_planned").case
    assert isinstance(directory[1], sfcore.Agency) and isinstance(c.journal[0], sfcore.Event)
    assert isinstance(c.roles, sfcore.CaseRoles) and isinstance(c.consents[0], sfcore.ParticipationConsent)
    report = c.final_report(directory)
    assert isinstance(report, sfcore.FinalReport) and isinstance(report.meetings[0], sfcore.ReportMeeting)
    assert all(isinstance(a, sfcore.ReportAction) for a in report.done + report.not_done)
    assert "CaseRoles(" in repr(c.roles) and "ParticipationConsent(" in repr(c.consents[0])
    assert "FinalReport(" in repr(report) and "ReportMeeting(" in repr(report.meetings[0])


def test_a_case_holds_its_own_timeframes_and_reviews_keep_to_its_window(directory):
    f = sample.family_case(directory, 7, "awaiting_consent", start=datetime.date(2026, 3, 2))
    c = f.case
    assert (c.timeframes.initial_meeting_working_days, c.timeframes.review_earliest_days) == (15, 28)
    o = f.record(sfcore.TimeframesSet(initial_meeting_working_days=10, review_earliest_days=21, review_latest_days=35))
    assert o and c.timeframes.review_latest_days == 35 and "TimeframesSet(" in repr(c.journal[-1].payload)
    assert c.initial_meeting_due() == datetime.date(2026, 3, 16)  # the case's own, with no timeframes given
    with pytest.raises(sfcore.ArgumentError):
        f.record(sfcore.TimeframesSet(review_earliest_days=50, review_latest_days=40))

    g = sample.family_case(directory, 8, "plan_active", seed=2)
    held = g.case.meetings[0].start
    early = sfcore.Meeting(start=held + datetime.timedelta(days=7), venue="Community house")
    refused = g.case.record(sfcore.ReviewScheduled(meeting=early), directory=directory, recorded_by="c", at=g.clock.tick())
    assert refused.guard == sfcore.Guard.REVIEW_WINDOW and "7 days after the last meeting" in refused.reason
    late = sfcore.ReviewScheduled(meeting=sfcore.Meeting(start=held + datetime.timedelta(days=60), venue="Community house"),
                                  outside_window_reason="the family asked to wait until after the tangihanga")
    assert g.record(late) and g.case.state == sfcore.State.UNDER_REVIEW
    assert g.case.journal[-1].payload.outside_window_reason.startswith("the family asked")
    assert g.case.review_due() == (held + datetime.timedelta(days=60)).date()  # the booked review's date
    (overdue,) = [i for i in g.case.overdue((held + datetime.timedelta(days=61)).date()) if i.kind == sfcore.OverdueKind.REVIEW]
    assert "has not been held" in overdue.what
    report = g.case.final_report(directory)
    assert any("tangihanga" in r for r in report.reviews_outside_window)


def test_a_meeting_is_held_no_earlier_than_its_start_and_the_family_s_refusal_holds(directory):
    f = sample.family_case(directory, 9, "meeting_scheduled", seed=4)
    c = f.case
    start = c.meetings[0].start
    o = c.record(sfcore.MeetingHeld(meeting=1), directory=directory, recorded_by="c", at=start - datetime.timedelta(hours=1))
    assert o.guard == sfcore.Guard.NATURAL_ORDER and not c.meetings[0].held
    msd = directory.find("Ministry of Social Development")
    assert f.record(sfcore.InviteeWithdrawn(who=sfcore.Party.agency(msd)))
    assert c.refused == [sfcore.Party.agency(msd)]
    f.clock.now = max(f.clock.now, start + datetime.timedelta(hours=1))
    assert f.record(sfcore.MeetingHeld(meeting=1))
    plan = sfcore.Plan(lead_agency=msd, key_contact=sample.practitioner(directory, "Aroha Ngata"),
                       actions=[sfcore.Action(description="Budget advice", owner=sfcore.Party.agency(msd),
                                              due=datetime.date(2026, 6, 1))])
    o = c.record(sfcore.PlanAgreed(plan=plan), directory=directory, recorded_by="c", at=f.clock.tick())
    assert o.guard == sfcore.Guard.FAMILY_REFUSED and "refused agency" in o.reason


def test_sites_teams_and_local_management_groups_are_registries():
    d = sfcore.AgencyDirectory()
    assert [s.name for s in d.sites] == list(sample.SITES)
    tokoroa = d.sites[1]
    assert tokoroa.programme == sfcore.Programme.INTENSIVE_INTERVENTION and tokoroa.target_families == 0
    d.set_site_targets(tokoroa.id, 30, 80)
    assert (d.site(tokoroa.id).target_families, d.site(tokoroa.id).target_children) == (30, 80)
    team = d.add_site(sfcore.Programme.CHILDRENS_TEAM, "Rotorua", target_families=50, target_children=120)
    assert d.site(team) == d.sites[-1] and "Site(" in repr(d.sites[-1])
    with pytest.raises(sfcore.ArgumentError):
        d.add_site(sfcore.Programme.STRENGTHENING_FAMILIES, "Porirua")
    group = d.add_local_group("Rotorua Local Management Group")
    assert d.local_group(group).name == "Rotorua Local Management Group" and d.local_groups == [d.local_group(group)]
    assert "LocalGroup(" in repr(d.local_groups[0])
    trust = d.add("Te Whare Awhina Trust")
    mere = d.add_practitioner(trust, "Mere Tipene")
    d.set_local_group(mere, group)
    assert d.practitioner(mere).local_group == group
    d.set_local_group(mere, None)
    assert d.practitioner(mere).local_group is None
    r = sfcore.Referral(source="family", received=datetime.date(2026, 3, 2), family_name="Ngata whānau",
                        programme=sfcore.Programme.CHILDRENS_TEAM, site="Atlantis", local_group=group)
    at = datetime.datetime(2026, 3, 2, 9, tzinfo=NZ)
    with pytest.raises(sfcore.ArgumentError):
        sfcore.Case.open(case_id=1, directory=d, referral=r, recorded_by="c", recorded_at=at)
    r.site = "Rotorua"
    c = sfcore.Case.open(case_id=1, directory=d, referral=r, recorded_by="c", recorded_at=at)
    assert c.referral.local_group == group and c.referral.site == "Rotorua"
    back = sfcore.AgencyDirectory.from_bytes(d.to_bytes())
    assert back.sites == d.sites and back.local_groups == d.local_groups and back.practitioners == d.practitioners


def test_actions_name_the_outcome_areas_they_serve_and_the_final_report_counts_them(directory):
    f = sample.family_case(directory, 11, "closed_planned", seed=5)
    report = f.case.final_report(directory)
    named = [a for p in f.case.plans for a in p.actions if a.outcomes]
    assert named and report.outcomes
    for tally in report.outcomes:
        assert isinstance(tally.area, sfcore.OutcomeArea) and "OutcomeTally(" in repr(tally)
        serving = [a for p in f.case.plans for a in p.actions if tally.area in a.outcomes]
        assert tally.actions == len(serving)
        assert tally.done == sum(a.status == sfcore.ActionStatus.DONE for a in serving)
    assert "## Outcome areas" in report.to_markdown()


def test_nhi_numbers():
    assert sfcore.is_valid_nhi("ZAC5361") and sfcore.is_valid_nhi("zbn77vl")
    assert not sfcore.is_valid_nhi("ZZZ0044") and not sfcore.is_valid_nhi("ZVU27KY")
    assert sfcore.checked_nhi("zbn77vl") == "ZBN77VL"
    with pytest.raises(sfcore.ArgumentError, match="check letter does not match"):
        sfcore.checked_nhi("ZVU27KY")
    with pytest.raises(sfcore.ArgumentError, match="7 characters"):
        sfcore.checked_nhi("ZAC536")


def test_a_members_details_change_and_the_journal_keeps_what_they_were(directory):
    f = sample.family_case(directory, 8, "preparing")
    c = f.case
    first = c.member(1)
    f.record(sfcore.MemberUpdated(member=1, name="Aroha Te Rangi", born=datetime.date(1988, 5, 15),
                                  reason="a correction the person asked for"))
    assert c.member(1).name == "Aroha Te Rangi" and c.member(1).born == datetime.date(1988, 5, 15)
    assert c.member(1).role == first.role
    history = c.member_history(1)
    assert [v.member.name for v in history] == [first.name, "Aroha Te Rangi"]
    assert history[0].reason == "" and history[1].reason == "a correction the person asked for"
    assert history[1].seq == c.version and "MemberVersion(" in repr(history[1])
    assert any(isinstance(e.payload, sfcore.MemberUpdated) and e.payload.name == "Aroha Te Rangi" for e in c.journal)
    assert "MemberUpdated(" in repr(c.journal[-1].payload)
    with pytest.raises(sfcore.ArgumentError, match="changes at least one detail"):
        f.record(sfcore.MemberUpdated(member=1, reason="nothing"))
    with pytest.raises(sfcore.ArgumentError):
        c.member_history(99)
