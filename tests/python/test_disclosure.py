"""Consent-gated disclosure from Python: the facts that govern sharing (recorded in the case's journal),
decisions with their rule and reason, what a requester is told, bulk decisions, sharing without consent,
declined requests, notices, views and time travel."""

import copy
import datetime
import pickle
import re
from zoneinfo import ZoneInfo

import pytest

import sfcore

NZ = ZoneInfo("Pacific/Auckland")


def test_a_decision_is_permit_or_deny_with_the_rule_and_is_recorded(world):
    world.share()
    before = world.case.version
    d = world.ask(decide=True)
    assert d and d.permit and d.rule == sfcore.DecisionRule.CONSENT and d.subject == world.adult and d.consent == 1
    assert d.seq == before + 1 == world.case.version and d.case_id == world.case.id
    (entry,) = world.case.entries(sfcore.EventType.DISCLOSURE_DECIDED)
    assert entry.seq == d.seq and entry.who == "worker" and entry.kind == sfcore.EventKind.ACCESS
    p = entry.payload
    assert isinstance(p, sfcore.DisclosureDecided) and p.permit and p.rule == sfcore.DecisionRule.CONSENT
    assert (p.subjects, p.category, p.recipient, p.purpose, p.subject, p.consent) == (
        [world.adult], sfcore.Category.HOUSING, world.agency(world.msd), sfcore.Purpose.MEETING, world.adult, 1)
    assert "permitted" in world.case.explain(d) and world.case.explain(d) == world.case.explain(d.seq)
    no = world.ask(category="mental_health")
    assert not no and no.rule == sfcore.DecisionRule.NOT_NECESSARY and no.consent == 0 and no.seq == 0
    assert world.case.version == before + 1  # check() records nothing
    assert "Decision(permit=False" in repr(no)
    police = world.ask(recipient=world.agency(world.police))
    assert police.rule == sfcore.DecisionRule.RECIPIENT_NOT_NAMED
    # the combination rule: every subject must consent; the first refusal decides
    both = world.ask(subjects=[world.adult, world.child])
    assert not both and both.subject == world.child and both.rule == sfcore.DecisionRule.NO_CONSENT
    assert d == copy.copy(d) == pickle.loads(pickle.dumps(d)) and d != no
    with pytest.raises(sfcore.ArgumentError) as e:
        world.case.explain(no)  # never recorded
    assert e.value.code == sfcore.ErrorCode.NOT_FOUND


def test_a_requester_is_told_the_same_words_for_every_refusal(world):
    world.share()
    world.record(sfcore.ConfidentialMarked(subject=world.adult, category="education"))
    refusals = [world.ask(decide=True, category="mental_health"),  # not necessary
                world.ask(decide=True, recipient=world.agency(world.police)),  # not named
                world.ask(decide=True, category="education"),  # confidential
                world.ask(decide=True, subjects=[world.adult, world.child])]  # the child has not consented
    assert len({d.rule for d in refusals}) == 4 and not any(refusals)
    texts = [d.requester_reason for d in refusals]
    # Only the reference differs: nothing names a rule, a member, a category or who else was asked.
    assert {re.sub(r"\(reference [^)]*\)", "", t) for t in texts} == {"Disclosure is not permitted ."}
    for d, t in zip(refusals, texts):
        assert f"(reference {world.case.id}/{d.seq})" in t
        assert t == sfcore.requester_reason(world.case.id, d)
    assert world.ask(decide=True).requester_reason.startswith("Disclosure is permitted")
    # the coordinator's explanation says why, by ids only
    assert "confidential" in world.case.explain(refusals[2])
    assert "Hine" not in world.case.explain(refusals[3])


def test_a_named_worker_is_not_their_agency(world):
    world.record(sfcore.IssueAreasSet([sfcore.IssueArea.EDUCATION]))
    world.record(world.consent(recipients=[world.dir.practitioner(world.sam)], categories=["education"]))
    sam = world.dir.practitioner(world.sam)
    assert world.ask(category="education", recipient=sam)
    assert world.ask(category="education", recipient=sfcore.Recipient(agency_id=world.moe, practitioner_id=world.sam))
    assert not world.ask(category="education", recipient=world.agency(world.moe))
    assert sfcore.Recipient(sam).practitioner_id == world.sam and world.agency(world.moe).practitioner_id is None
    assert world.agency(world.moe).covers(sfcore.Recipient(sam)) and not sfcore.Recipient(sam).covers(world.agency(world.moe))


def test_confidential_items_and_necessity(world):
    world.share()
    world.record(sfcore.ConfidentialMarked(subject=world.adult, category="housing"), by="whānau")
    assert world.ask().rule == sfcore.DecisionRule.CONFIDENTIAL
    assert world.case.confidential_at(world.adult, world.tick()) == [sfcore.Category.HOUSING]
    world.record(sfcore.ConfidentialMarked(subject=world.adult, category=sfcore.Category.HOUSING, confidential=False))
    assert world.ask()
    assert sfcore.Category.HOUSING in world.case.necessary_at(world.tick())
    world.record(sfcore.NecessityAdjusted(category="housing", widen=False))
    assert world.ask().rule == sfcore.DecisionRule.NOT_NECESSARY
    world.record(sfcore.NecessityAdjusted(category=sfcore.Category.HOUSING, widen=True))
    assert world.ask()
    with pytest.raises(TypeError):
        sfcore.ConfidentialMarked(subject=1, category="housing", confidential=1)


def test_withdrawal_takes_effect_at_its_instant_and_history_answers_the_past(world):
    world.share()
    before = world.tick()
    assert world.record(sfcore.SharingConsentWithdrawn(subject=world.adult, recipient=world.agency(world.msd)))
    after = world.tick()
    assert world.ask(at=after).rule == sfcore.DecisionRule.WITHDRAWN
    assert world.ask(at=before)  # time travel: what could MSD see then?
    sam = world.dir.practitioner(world.sam)
    assert world.ask(recipient=sam, at=after)
    world.record(sfcore.SharingConsentWithdrawn(subject=world.adult, category="education"))
    assert not world.ask(category="education", recipient=sam)
    (w1, w2) = world.case.withdrawals
    assert w1.recipient == world.agency(world.msd) and w1.category is None and w1.subject == world.adult
    assert w2.category == sfcore.Category.EDUCATION and w2.recipient is None and w2.recorded_by == "coordinator"
    assert w2.at > w1.at and w2.seq > w1.seq and not w1.from_process and "SharingWithdrawal(" in repr(w1)


def test_withdrawing_from_the_process_withdraws_every_consent_to_share(world):
    world.share()
    sam = world.dir.practitioner(world.sam)
    assert world.ask(recipient=sam, category="education")
    assert world.record(sfcore.ConsentWithdrawn(member=world.adult, note="we want to stop"))
    (w,) = world.case.withdrawals
    assert w.from_process and w.subject == world.adult and w.recipient is None and w.category is None
    assert world.ask().rule == sfcore.DecisionRule.WITHDRAWN
    assert world.ask(recipient=sam, category="education").rule == sfcore.DecisionRule.WITHDRAWN


def test_who_may_consent_is_a_rule_and_a_refusal_records_nothing(world):
    child = world.case.member(world.child)
    assert child.age_on(datetime.date(2026, 3, 2)) < 16
    before = world.case.version
    kw = dict(subject=world.child, recipients=[world.agency(world.msd)], categories=["education"])
    o = world.record(world.consent(**kw))  # a parent consents for a child ...
    assert not o and o.guard == sfcore.Guard.CONSENT_GIVER and "parent or caregiver" in o.reason
    o = world.record(world.consent(given_by=world.adult, **kw))  # ... with the child's views
    assert not o and o.guard == sfcore.Guard.CONSENT_GIVER and "views" in o.reason
    assert world.case.version == before
    o = world.record(world.consent(given_by=world.adult, child_views="ok", **kw))
    assert o and o.assigned == 1 and o.seq == before + 1
    (k,) = world.case.sharing_consents
    assert (k.id, k.subject, k.given_by) == (1, world.child, world.adult)
    assert k.purposes == list(sfcore.Purpose) and k.categories == [sfcore.Category.EDUCATION]
    assert k.recipients == [world.agency(world.msd)] and k.valid_until == datetime.date(2026, 12, 31)
    assert k.valid_from == datetime.date(2026, 1, 1) and k.signed_on == datetime.date(2026, 3, 2)
    assert k.form_version == "v1" and k.recorded_by == "coordinator" and k.at.tzinfo and k.seq == o.seq
    assert "SharingConsent(" in repr(k)
    # the ages are facts of the case too
    assert world.record(sfcore.ConsentAgesSet(young_person=10, adult=18))
    assert world.case.consent_ages.young_person == 10
    # malformed consents are bad input: they raise and change nothing
    n = world.case.version
    with pytest.raises(sfcore.ConsentError):  # a period that ends before it starts
        world.record(world.consent(valid_until=datetime.date(2025, 1, 1)))
    with pytest.raises(sfcore.ConsentError):  # an empty scope
        world.record(world.consent(categories=[]))
    with pytest.raises(sfcore.ArgumentError):  # unknown member
        world.record(world.consent(subject=99))
    with pytest.raises(sfcore.ArgumentError):  # a recipient not in the directory
        world.record(world.consent(recipients=[world.agency(999)]))
    assert world.case.version == n


def test_categories_of_the_case_own_are_facts_of_its_journal(world):
    reg = world.case.categories
    assert len(reg) == len(sfcore.Category) and reg.find("nothing") is None and "CategoryRegistry(" in repr(reg)
    o = world.record(sfcore.CategoryRegistered(name="whanau_ora", label="Whānau Ora navigator notes"))
    mine = o.assigned
    assert mine == len(sfcore.Category)
    reg = world.case.categories
    assert reg.find("whanau_ora") == mine and reg.name(mine) == "whanau_ora"
    assert reg.label(mine) == "Whānau Ora navigator notes" and mine in reg and 63 not in reg
    with pytest.raises(sfcore.ArgumentError) as e:
        world.record(sfcore.CategoryRegistered(name="whanau_ora", label="again"))
    assert e.value.code == sfcore.ErrorCode.ALREADY_EXISTS
    world.record(sfcore.NecessityAdjusted(category=mine, widen=True))
    world.record(world.consent(categories=[mine]))
    assert world.ask(category="whanau_ora") and world.ask(category=mine)
    assert world.case.sharing_consents[0].categories == [mine]
    with pytest.raises(sfcore.ArgumentError):
        world.ask(category="made_up")
    with pytest.raises(sfcore.DisclosureError) as e:
        world.ask(category=40)
    assert e.value.code == sfcore.ErrorCode.INVALID_REQUEST


def test_bad_requests_raise_refusals_do_not(world):
    world.share()
    n = world.case.version
    with pytest.raises(sfcore.SfcoreError):
        world.ask(recipient=world.agency(999), decide=True)  # not in the directory
    with pytest.raises(sfcore.ArgumentError):
        world.ask(subjects=42, decide=True)
    with pytest.raises(sfcore.ArgumentError):
        world.ask(at=datetime.datetime(2026, 4, 1, 9, 0), decide=True)  # naive
    with pytest.raises(TypeError):
        world.ask(subjects="Hine")
    with pytest.raises(TypeError):
        world.case.check(directory=world.dir, discloser=1, subjects=1, category="housing",
                         recipient=world.agency(1), purpose="meeting", at=world.tick())
    with pytest.raises(TypeError):
        world.case.check(directory=world.dir)
    with pytest.raises(sfcore.ArgumentError):
        world.case.decide(directory=world.dir, discloser=world.agency(world.moe), subjects=world.adult,
                          category="housing", recipient=world.agency(world.msd), purpose="meeting", at=world.tick(),
                          actor="  ")
    assert world.case.version == n
    with pytest.raises(TypeError):  # a decision is written by the library, never offered
        world.record(sfcore.DisclosureDecided())


def test_bulk_decisions_agree_with_single_ones_and_are_recorded(world):
    world.share()
    at = world.tick()
    cats = list(sfcore.Category)
    reqs = [sfcore.Request(discloser=world.agency(world.moe), subjects=[world.adult] if i % 3 else [world.adult, world.child],
                           category=cats[i % len(cats)], recipient=world.agency(1 + (i // 3) % 3),
                           purpose=sfcore.Purpose.MEETING, at=at) for i in range(200)]
    n = world.case.version
    checked = world.case.check_many(reqs, directory=world.dir)
    assert len(checked) == 200 and world.case.version == n
    singles = [world.case.check(directory=world.dir, discloser=r.discloser, subjects=r.subjects, category=r.category,
                                recipient=r.recipient, purpose=r.purpose, at=r.at) for r in reqs]
    assert [checked[i] for i in range(200)] == singles
    assert checked.permitted == sum(1 for d in singles if d) > 0
    assert checked.permits == bytes(1 if d else 0 for d in singles)
    assert checked[-1] == singles[-1]
    with pytest.raises(IndexError):
        checked[200]
    decided = world.case.decide_many(reqs, directory=world.dir, actor="bulk")
    assert world.case.version == n + 200
    assert [(decided[i].permit, decided[i].rule, decided[i].subject) for i in range(200)] == [
        (d.permit, d.rule, d.subject) for d in singles]
    assert [decided[i].seq for i in range(200)] == list(range(n + 1, n + 201))
    assert len(world.case.access_log("bulk")) == 200 and "DecisionBatch(200 decisions" in repr(decided)
    with pytest.raises(TypeError):
        world.case.check_many([1, 2], directory=world.dir)
    r = reqs[0]
    assert (r.discloser, r.purpose, r.at) == (world.agency(world.moe), sfcore.Purpose.MEETING, at)
    assert "Request(" in repr(r)
    r.subjects, r.category, r.purpose = [world.adult], "housing", "review"
    assert r.category == sfcore.Category.HOUSING and r.purpose == sfcore.Purpose.REVIEW


def test_sharing_without_consent_needs_a_full_record(world):
    world.share()
    base = dict(subjects=world.child, category="child_protection", description="attendance record",
                discloser=world.agency(world.moe), recipient=world.agency(world.police),
                basis=sfcore.LegalBasis.OT_S66, purpose="investigation", approver="Principal",
                necessity="named in the request")
    n = world.case.version
    refused = world.record(sfcore.SharedWithoutConsent(**base))
    assert not refused and refused.guard == sfcore.Guard.RECORD_COMPLETE
    assert refused.missing == ["requested_by", "requester_role", "not_told_reason"] and world.case.version == n
    ok = world.record(sfcore.SharedWithoutConsent(**base, requested_by="Constable Rewi",
                                                  requester_role=sfcore.S66Requester.CONSTABLE,
                                                  not_told_reason="it would prejudice the investigation"))
    assert ok and ok.missing == []
    (e,) = world.case.entries(sfcore.EventType.SHARED_WITHOUT_CONSENT)
    s = e.payload
    assert (s.subjects, s.category, s.basis, s.requested_by, s.requester_role) == (
        [world.child], sfcore.Category.CHILD_PROTECTION, sfcore.LegalBasis.OT_S66, "Constable Rewi",
        sfcore.S66Requester.CONSTABLE)
    assert (s.description, s.approver, s.necessity, s.purpose) == ("attendance record", "Principal",
                                                                    "named in the request", "investigation")
    assert s.discloser == world.agency(world.moe) and s.recipient == world.agency(world.police)
    assert (s.child_consulted, s.family_told, s.s66c) == (False, False, sfcore.S66CPurpose.NONE)
    assert s.not_told_reason.startswith("it would") and e.kind == sfcore.EventKind.DISCLOSURE
    # sharing under a law is recorded apart from consent: decisions are unchanged
    assert not world.ask(subjects=world.child, category="child_protection", recipient=world.agency(world.police))
    s66c = world.record(sfcore.SharedWithoutConsent(**{**base, "basis": "ot_s66c"}, child_consulted=True,
                                                    family_told=True))
    assert s66c.missing == ["s66c"]
    # s66C is between child welfare and protection agencies: the directory says which
    s66c = dict(base, basis="ot_s66c", s66c=sfcore.S66CPurpose.RISK_OF_HARM, child_consulted=True, family_told=True)
    refused = world.record(sfcore.SharedWithoutConsent(**{**s66c, "recipient": world.agency(world.trust)}))
    assert refused.guard == sfcore.Guard.BASIS_ALLOWED and "Te Whare Awhina Trust" in refused.reason
    world.dir.set_child_welfare(world.trust, True)
    assert world.record(sfcore.SharedWithoutConsent(**{**s66c, "recipient": world.agency(world.trust)}))


def test_declined_requests_need_reasons(world):
    kw = dict(requester=world.agency(world.police), subjects=[world.adult], category="health",
              basis=sfcore.LegalBasis.OT_S66, decided_by="Principal")
    o = world.record(sfcore.RequestDeclined(reasons=[], **kw))
    assert not o and o.missing == ["reasons"]
    assert world.record(sfcore.RequestDeclined(reasons=["s66J: not held by the school"], **kw))
    (e,) = world.case.entries(sfcore.EventType.REQUEST_DECLINED)
    d = e.payload
    assert (d.requester, d.subjects, d.category, d.basis, d.reasons, d.decided_by) == (
        world.agency(world.police), [world.adult], sfcore.Category.HEALTH, sfcore.LegalBasis.OT_S66,
        ["s66J: not held by the school"], "Principal")
    assert "RequestDeclined(" in repr(d)


def test_notices_and_filtered_views(world):
    world.share()
    world.record(sfcore.ConfidentialMarked(subject=world.adult, category="education"))
    n = world.case.notice(world.adult, directory=world.dir, purpose="meeting", at=world.tick())
    assert n.member == world.adult and n.purpose == sfcore.Purpose.MEETING
    assert n.confidential == [sfcore.Category.EDUCATION] and str(n) == n.text and "Kia ora" in n.text
    assert {l.recipient for l in n.lines} == {world.agency(world.msd), sfcore.Recipient(world.dir.practitioner(world.sam))}
    assert n.lines[0].categories == [sfcore.Category.HOUSING] and "NoticeLine(" in repr(n.lines[0])
    assert "Notice(" in repr(n) and n.shared_without_consent == []
    assert world.record(sfcore.NoticeGiven(member=world.adult, purpose="meeting"))
    items = [sfcore.InfoItem(subjects=world.adult, category="housing", content="emergency housing application"),
             sfcore.InfoItem(subjects=[world.adult], category=sfcore.Category.EDUCATION, content="left school at 15"),
             sfcore.InfoItem(subjects=[world.child], category="housing", content="shares a room")]
    shown = world.case.view(items, directory=world.dir, recipient=world.agency(world.msd), purpose="meeting",
                            at=world.tick(), actor="msd")
    assert shown == [items[0]]  # nothing else, and nothing says what was left out
    assert shown[0].content == "emergency housing application" and shown[0].category == sfcore.Category.HOUSING
    assert shown[0].subjects == [world.adult] and "InfoItem(" in repr(shown[0])
    (v,) = world.case.access_log("msd")
    assert v.who == "msd" and isinstance(v.payload, sfcore.ViewShown)
    assert v.payload.offered == 3 and all(isinstance(i, sfcore.ShownItem) for i in v.payload.shown)
    assert [(i.subjects, i.category) for i in v.payload.shown] == [
        ([world.adult], sfcore.Category.HOUSING)]
    assert "emergency" not in repr(v.payload)  # a view records what kind was shown, never the content
    items[0].category = "health"
    items[0].content, items[0].subjects = "x", [world.child]
    assert items[0].category == sfcore.Category.HEALTH


def test_every_fact_decision_and_view_is_one_entry_of_the_one_journal(world):
    world.share()
    world.ask(decide=True)
    world.case.view([], directory=world.dir, recipient=world.agency(world.msd), purpose="meeting", at=world.tick(),
                    actor="msd")
    kinds = [e.kind for e in world.case.journal]
    assert kinds[0] == sfcore.EventKind.LIFECYCLE and kinds[-2:] == [sfcore.EventKind.ACCESS] * 2
    assert sfcore.EventKind.DISCLOSURE in kinds
    assert [e.seq for e in world.case.journal] == list(range(1, world.case.version + 1))
    assert len({e.hash for e in world.case.journal}) == world.case.version
    assert all(e.recorded.tzinfo is not None for e in world.case.journal)
    # the state is a fold of the journal: replaying it gives the same case, decisions made again
    again = sfcore.Case.replay(world.case.id, world.case.journal)
    assert again == world.case and again.head == world.case.head
    assert again.check(directory=world.dir, discloser=world.agency(world.moe), subjects=world.adult,
                       category="housing", recipient=world.agency(world.msd), purpose="meeting", at=world.tick())
