"""Consent-gated disclosure from Python: consent, decisions with reasons, bulk decisions, sharing without
consent, notices, views, time travel and the audit log."""

import copy
import datetime
import pickle
from zoneinfo import ZoneInfo

import pytest

import sfcore

NZ = ZoneInfo("Pacific/Auckland")


def test_a_decision_is_permit_or_deny_with_the_rule_and_the_reason(world):
    led = world.ledger()
    d = world.ask(led, decide=True)
    assert d and d.permit and d.rule == sfcore.DecisionRule.CONSENT and d.subject == world.adult and d.consent == 1
    assert d.reason.startswith("permitted:") and led.explain(d) == d.reason
    no = world.ask(led, category="mental_health")
    assert not no and no.rule == sfcore.DecisionRule.NOT_NECESSARY and no.consent == 0
    assert "not necessary" in no.reason and "Decision(permit=False" in repr(no)
    police = world.ask(led, recipient=sfcore.Party.agency(world.police))
    assert police.rule == sfcore.DecisionRule.RECIPIENT_NOT_NAMED
    # the combination rule: every subject must consent; the first refusal decides
    both = world.ask(led, subjects=[world.adult, world.child])
    assert not both and both.subject == world.child and both.rule == sfcore.DecisionRule.NO_CONSENT
    assert d == copy.copy(d) == pickle.loads(pickle.dumps(d)) and d != no


def test_a_named_worker_is_not_their_agency(world):
    led = sfcore.Ledger(world.case, world.dir)
    led.set_issue_areas([sfcore.IssueArea.EDUCATION], recorded_by="c", at=world.tick())
    led.give(subject=world.adult, recipients=[sfcore.Party.practitioner(world.sam)], categories=["education"],
             purposes=[sfcore.Purpose.MEETING], valid_from=datetime.date(2026, 1, 1),
             valid_until=datetime.date(2026, 12, 31), signed_on=datetime.date(2026, 3, 2), form_version="v",
             recorded_by="c", at=world.tick())
    assert world.ask(led, category="education", recipient=sfcore.Party.practitioner(world.sam))
    assert not world.ask(led, category="education", recipient=sfcore.Party.agency(world.moe))


def test_confidential_items_and_necessity(world):
    led = world.ledger()
    led.mark_confidential(subject=world.adult, category="housing", recorded_by="whānau", at=world.tick())
    d = world.ask(led)
    assert d.rule == sfcore.DecisionRule.CONFIDENTIAL
    assert led.confidential_at(world.adult, world.tick()) == [sfcore.Category.HOUSING]
    led.mark_confidential(subject=world.adult, category=sfcore.Category.HOUSING, confidential=False,
                          recorded_by="whānau", at=world.tick())
    assert world.ask(led)
    assert sfcore.Category.HOUSING in led.necessary_at(world.tick())
    led.adjust_necessity("housing", widen=False, recorded_by="whānau", at=world.tick())
    assert world.ask(led).rule == sfcore.DecisionRule.NOT_NECESSARY
    led.adjust_necessity(sfcore.Category.HOUSING, widen=True, recorded_by="whānau", at=world.tick())
    assert world.ask(led)


def test_withdrawal_takes_effect_at_its_instant_and_history_answers_the_past(world):
    led = world.ledger()
    before = world.tick()
    led.withdraw(subject=world.adult, recipient=sfcore.Party.agency(world.msd), recorded_by="c", at=world.tick())
    after = world.tick()
    assert world.ask(led, at=after).rule == sfcore.DecisionRule.WITHDRAWN
    assert world.ask(led, at=before)  # time travel: what could MSD see then?
    assert world.ask(led, recipient=sfcore.Party.practitioner(world.sam), at=after)
    led.withdraw(subject=world.adult, category="education", recorded_by="c", at=world.tick())
    assert not world.ask(led, category="education", recipient=sfcore.Party.practitioner(world.sam))
    (w1, w2) = led.withdrawals
    assert w1.recipient == sfcore.Party.agency(world.msd) and w1.category is None and w1.subject == world.adult
    assert w2.category == sfcore.Category.EDUCATION and w2.recipient is None and w2.recorded_by == "c"
    assert w2.at > w1.at and "Withdrawal(" in repr(w1)


def test_who_may_consent(world):
    led = sfcore.Ledger(world.case, world.dir, young_person_consent_age=16, adult_age=18)
    child = world.case.member(world.child)
    kw = dict(recipients=[sfcore.Party.agency(world.msd)], categories=["education"], purposes=["meeting"],
              valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 12, 31),
              signed_on=datetime.date(2026, 3, 2), form_version="v", recorded_by="c")
    if child.age_on(datetime.date(2026, 3, 2)) < 16:
        with pytest.raises(sfcore.ConsentError) as e:  # a parent consents for a child, with the child's views
            led.give(subject=world.child, at=world.tick(), **kw)
        assert e.value.code == sfcore.ErrorCode.INVALID_CONSENT
        with pytest.raises(sfcore.ConsentError):
            led.give(subject=world.child, given_by=world.adult, at=world.tick(), **kw)
        cid = led.give(subject=world.child, given_by=world.adult, child_views="ok", at=world.tick(), **kw)
        k = led.consents[-1]
        assert (k.id, k.subject, k.given_by, k.child_views) == (cid, world.child, world.adult, "ok")
        assert k.purposes == [sfcore.Purpose.MEETING] and k.categories == [sfcore.Category.EDUCATION]
        assert k.recipients == [sfcore.Party.agency(world.msd)] and k.valid_until == datetime.date(2026, 12, 31)
        assert k.valid_from == datetime.date(2026, 1, 1) and k.signed_on == datetime.date(2026, 3, 2)
        assert k.form_version == "v" and k.recorded_by == "c" and k.recorded_at.tzinfo and "Consent(" in repr(k)
    with pytest.raises(sfcore.ConsentError):  # a period that ends before it starts
        led.give(subject=world.adult, at=world.tick(), **{**kw, "valid_until": datetime.date(2025, 1, 1)})
    with pytest.raises(sfcore.ConsentError):  # an empty scope
        led.give(subject=world.adult, at=world.tick(), **{**kw, "categories": []})
    with pytest.raises(sfcore.ArgumentError):  # unknown member
        led.give(subject=99, at=world.tick(), **kw)


def test_categories_are_extensible(world):
    reg = sfcore.CategoryRegistry()
    assert len(reg) == len(sfcore.Category) and list(reg)[0] is sfcore.Category.IDENTITY_CONTACT
    mine = reg.add("whanau_ora", "Whānau Ora navigator notes")
    assert mine == len(sfcore.Category) and reg.find("whanau_ora") == mine and reg.find("nothing") is None
    assert reg.name(mine) == "whanau_ora" and reg.label("whanau_ora") == "Whānau Ora navigator notes"
    assert reg.label(sfcore.Category.HOUSING) == "housing" and "whanau_ora" in reg and mine in reg and 63 not in reg
    assert "CategoryRegistry(14" in repr(reg)
    with pytest.raises(sfcore.ArgumentError) as e:
        reg.add("whanau_ora", "again")
    assert e.value.code == sfcore.ErrorCode.ALREADY_EXISTS
    led = sfcore.Ledger(world.case, world.dir, categories=reg)
    led.adjust_necessity("whanau_ora", widen=True, recorded_by="c", at=world.tick())
    led.give(subject=world.adult, recipients=[sfcore.Party.agency(world.msd)], categories=["whanau_ora"],
             purposes=["meeting"], valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 12, 31),
             signed_on=datetime.date(2026, 3, 2), form_version="v", recorded_by="c", at=world.tick())
    assert world.ask(led, category="whanau_ora") and world.ask(led, category=mine)
    assert led.consents[0].categories == [mine] and led.categories.name(mine) == "whanau_ora"
    with pytest.raises(sfcore.ArgumentError):
        world.ask(led, category="made_up")
    with pytest.raises(sfcore.ArgumentError):
        world.ask(led, category=40)


def test_bad_requests_raise_refusals_do_not(world):
    led = world.ledger()
    with pytest.raises(sfcore.SfcoreError):
        world.ask(led, recipient=sfcore.Party.member(world.child))  # a family member is not a recipient
    with pytest.raises(sfcore.ArgumentError):
        world.ask(led, subjects=42)
    with pytest.raises(sfcore.ArgumentError):
        world.ask(led, at=datetime.datetime(2026, 4, 1, 9, 0))  # naive
    with pytest.raises(TypeError):
        world.ask(led, subjects="Hine")
    with pytest.raises(TypeError):
        led.check(discloser=1, subjects=1, category="housing", recipient=sfcore.Party.agency(1), purpose="meeting",
                  at=world.tick())


def test_bulk_decisions_agree_with_single_ones_and_are_audited(world):
    led = world.ledger()
    at = world.tick()
    cats = list(sfcore.Category)
    reqs = [sfcore.Request(discloser=sfcore.Party.agency(world.moe), subjects=[world.adult] if i % 3 else [world.adult, world.child],
                           category=cats[i % len(cats)], recipient=sfcore.Party.agency(1 + (i // 3) % 3),
                           purpose=sfcore.Purpose.MEETING, at=at) for i in range(200)]
    checked = led.check_many(reqs)
    assert len(checked) == 200 and len(led.audit) == 2
    singles = [led.check(discloser=r.discloser, subjects=r.subjects, category=r.category, recipient=r.recipient,
                         purpose=r.purpose, at=r.at) for r in reqs]
    assert [checked[i] for i in range(200)] == singles
    assert checked.permitted == sum(1 for d in singles if d) > 0
    assert checked.permits == bytes(1 if d else 0 for d in singles)
    assert checked[-1] == singles[-1] and checked[0].reason == singles[0].reason
    with pytest.raises(IndexError):
        checked[200]
    decided = led.decide_many(reqs, actor="bulk")
    assert len(led.audit) == 202 and [decided[i] for i in range(200)] == singles
    assert "DecisionBatch(200 decisions" in repr(decided)
    led.prepare(at.date())
    assert led.prepared_for(at) and not led.prepared_for(at + datetime.timedelta(days=1))
    assert list(led.check_many(reqs)) == singles  # the same answers from the prepared table
    with pytest.raises(TypeError):
        led.check_many([1, 2])
    r = reqs[0]
    assert (r.discloser, r.purpose, r.at) == (sfcore.Party.agency(world.moe), sfcore.Purpose.MEETING, at)
    assert "Request(" in repr(r)
    r.subjects, r.category, r.recipient, r.purpose, r.at, r.discloser = [world.adult], "housing", sfcore.Party.agency(1), "review", at, sfcore.Party.agency(2)
    assert r.category == sfcore.Category.HOUSING and r.purpose == sfcore.Purpose.REVIEW


def test_sharing_without_consent_needs_a_full_record(world):
    led = world.ledger()
    base = dict(subjects=world.child, category="child_protection", description="attendance record",
                discloser=sfcore.Party.agency(world.moe), recipient=sfcore.Party.agency(world.police),
                at=world.tick(), basis=sfcore.LegalBasis.OT_S66, purpose="investigation",
                approver="Principal", necessity="named in the request")
    refused = led.share_without_consent(sfcore.SharingRecord(**base), actor="principal")
    assert not refused and refused.missing == ["who requested it under s66",
                                               "why the child or family was not consulted or told"]
    assert led.sharings == [] and "RecordResult(recorded=False" in repr(refused)
    ok = led.share_without_consent(sfcore.SharingRecord(**base, requested_by="Constable Rewi",
                                                        not_told_reason="it would prejudice the investigation"),
                                   actor="principal")
    assert ok and ok.recorded and ok.missing == []
    (s,) = led.sharings
    assert (s.subjects, s.category, s.basis, s.requested_by) == ([world.child], sfcore.Category.CHILD_PROTECTION,
                                                                 sfcore.LegalBasis.OT_S66, "Constable Rewi")
    assert (s.description, s.approver, s.necessity, s.purpose) == ("attendance record", "Principal",
                                                                    "named in the request", "investigation")
    assert s.discloser == sfcore.Party.agency(world.moe) and s.recipient == sfcore.Party.agency(world.police)
    assert (s.child_consulted, s.family_told, s.s66c) == (False, False, sfcore.S66CPurpose.NONE)
    assert s.not_told_reason.startswith("it would") and s.at.tzinfo and "SharingRecord(" in repr(s)
    assert len(led.audit.by(sfcore.AuditKind.SHARING)) == 1
    # sharing is recorded apart from consent: decisions are unchanged
    assert not world.ask(led, subjects=world.child, category="child_protection", recipient=sfcore.Party.agency(world.police))
    s66c = led.share_without_consent(sfcore.SharingRecord(**{**base, "basis": "ot_s66c", "at": world.tick()},
                                                          child_consulted=True, family_told=True), actor="x")
    assert s66c.missing == ["which of the six s66C purposes"]


def test_declined_requests_need_reasons(world):
    led = world.ledger()
    kw = dict(requester=sfcore.Party.agency(world.police), subjects=[world.adult], category="health",
              basis=sfcore.LegalBasis.OT_S66, decided_by="Principal", actor="principal")
    assert not led.decline(reasons=[], at=world.tick(), **kw)
    assert led.decline(reasons=["s66J: not held by the school"], at=world.tick(), **kw)
    (d,) = led.declined
    assert (d.requester, d.subjects, d.category, d.basis, d.reasons, d.decided_by) == (
        sfcore.Party.agency(world.police), [world.adult], sfcore.Category.HEALTH, sfcore.LegalBasis.OT_S66,
        ["s66J: not held by the school"], "Principal")
    assert d.at.tzinfo and "DeclinedRequest(" in repr(d)


def test_notices_and_filtered_views(world):
    led = world.ledger()
    led.mark_confidential(subject=world.adult, category="education", recorded_by="whānau", at=world.tick())
    n = led.notice(world.adult, purpose="meeting", at=world.tick())
    assert n.member == world.adult and n.purpose == sfcore.Purpose.MEETING
    assert n.confidential == [sfcore.Category.EDUCATION] and str(n) == n.text and "Kia ora" in n.text
    assert {l.recipient for l in n.lines} == {sfcore.Party.agency(world.msd), sfcore.Party.practitioner(world.sam)}
    assert n.lines[0].categories == [sfcore.Category.HOUSING] and "NoticeLine(" in repr(n.lines[0])
    assert "Notice(" in repr(n)
    items = [sfcore.InfoItem(subjects=world.adult, category="housing", content="emergency housing application"),
             sfcore.InfoItem(subjects=[world.adult], category=sfcore.Category.EDUCATION, content="left school at 15"),
             sfcore.InfoItem(subjects=[world.child], category="housing", content="shares a room")]
    shown = led.view(items, recipient=sfcore.Party.agency(world.msd), purpose="meeting", at=world.tick(), actor="msd")
    assert shown == [items[0]]  # nothing else, and nothing says what was left out
    assert shown[0].content == "emergency housing application" and shown[0].category == sfcore.Category.HOUSING
    assert shown[0].subjects == [world.adult] and "InfoItem(" in repr(shown[0])
    (v,) = led.audit.by(sfcore.AuditKind.VIEW, "msd")
    assert v.actor == "msd"
    items[0].category = "health"
    items[0].content, items[0].subjects = "x", [world.child]
    assert items[0].category == sfcore.Category.HEALTH


def test_the_audit_log_is_tamper_evident(world):
    led = world.ledger()
    for _ in range(5):
        world.ask(led, decide=True)
    log = led.audit
    assert len(log) == 7 and log.verify() and log.verify().first_bad == 0
    e = log[-1]
    assert (e.seq, e.kind, e.actor) == (7, sfcore.AuditKind.DECISION, "worker") and e.text.startswith("permit|")
    assert len(e.hash) == 64 and e.prev == log[-2].hash and e.at.tzinfo and "AuditEntry(" in repr(e)
    assert [x.seq for x in log] == list(range(1, 8))
    text = log.to_text()
    assert sfcore.AuditLog.from_text(text).verify()
    bad = sfcore.AuditLog.from_text(text.replace("permit", "deny", 1))
    v = bad.verify()
    assert not v and v.first_bad == 3 and v.reason and "AuditVerification(ok=False" in repr(v)
    lines = text.splitlines()
    assert not sfcore.AuditLog.from_text("\n".join(lines[:2] + lines[3:]) + "\n").verify()  # a deletion
    with pytest.raises(sfcore.StorageError) as err:
        sfcore.AuditLog.from_text("not a log")
    assert err.value.code == sfcore.ErrorCode.MALFORMED
    again = sfcore.AuditLog.from_bytes(log.to_bytes())
    assert again.to_text() == text and pickle.loads(pickle.dumps(log)).to_text() == text
    mine = sfcore.AuditLog()
    entry = mine.append(world.tick(), sfcore.AuditKind.VIEW, "me", "looked")
    assert entry.seq == 1 and len(mine) == 1 and mine.verify() and repr(mine) == "AuditLog(1 entries)"
    with pytest.raises(sfcore.ArgumentError):
        mine.append(datetime.datetime(2020, 1, 1, tzinfo=NZ), sfcore.AuditKind.VIEW, "me", "earlier")


def test_a_ledger_pickles_and_archives_with_its_case(world):
    led = world.ledger()
    world.ask(led, decide=True)
    assert led.case_id == world.case.id and led.case == world.case and len(led.directory) == len(world.dir)
    for again in (pickle.loads(pickle.dumps(led)),
                  sfcore.Ledger.from_bytes(led.to_bytes(sfcore.ArchiveEncoding.TEXT), world.case, world.dir)):
        assert again.to_bytes() == led.to_bytes() and again.audit.verify()
        assert again.case_id == world.case.id and world.ask(again)
    assert "Ledger(case_id=1" in repr(led)
    with pytest.raises(sfcore.StorageError):
        sfcore.Ledger.from_bytes(led.to_bytes()[:-3], world.case, world.dir)
    led.sync(world.case, world.dir)
    assert led.consents and led.withdrawals == [] and led.declined == [] and led.categories
