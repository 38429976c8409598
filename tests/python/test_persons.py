"""A person across cases: members linked to the host's persons, and the store's queries over them."""
import datetime

import pytest

import sfcore
from sfcore import analysis, sample


def linked(directory, case_id, links, stage="preparing"):
    """A sample family case (parent member 1, child member 2) with its members linked to the given keys."""
    f = sample.family_case(directory, case_id, stage, seed=case_id)
    for member, key in links.items():
        f.record(sfcore.PersonLinked(member=member, key=key))
    return f


def test_a_member_is_linked_to_a_person_and_the_link_is_checked(directory):
    f = linked(directory, 1, {1: "p-hine"})
    c = f.case
    assert c.person_of(1).key == "p-hine" and c.person_of(2) is None
    f.record(sfcore.PersonLinked(member=2, key="c-tama", nhi="zac5361", nsn="123456789"))
    link = c.person_of(2)
    assert (link.nhi, link.nsn) == ("ZAC5361", "123456789")  # the NHI kept upper-case
    assert [p.key for p in c.persons] == ["p-hine", "c-tama"]
    assert "PersonLinked(" in repr(link) and link == c.journal[-1].payload
    before = c.version
    with pytest.raises(sfcore.ArgumentError, match="check"):
        f.record(sfcore.PersonLinked(member=2, key="c-tama", nhi="ZVU27KY"))
    with pytest.raises(sfcore.ArgumentError, match="already member 1"):
        f.record(sfcore.PersonLinked(member=2, key="p-hine"))
    with pytest.raises(sfcore.ArgumentError, match="Student Number"):
        f.record(sfcore.PersonLinked(member=2, key="c-tama", nsn="12a"))
    with pytest.raises(sfcore.ArgumentError):
        f.record(sfcore.PersonLinked(member=2, key="  "))
    with pytest.raises(sfcore.ArgumentError):
        c.person_of(9)
    assert c.version == before


def test_a_persons_cases_and_a_childs_siblings_are_found_across_cases(directory, tmp_path):
    first = linked(directory, 1, {1: "p-aroha", 2: "c-tama"})
    again = linked(directory, 2, {1: "p-aroha", 2: "c-mere"})  # the same mother, referred again
    other = linked(directory, 3, {1: "p-sam", 2: "c-jo"})
    with sfcore.Store(str(tmp_path / "cases.db")) as store:
        for f in (first, again, other):
            store.append(f.case, 0)
        v = again.case.version
        again.record(sfcore.MemberUpdated(member=1, name="Aroha Parata", reason="a correction the person asked for"))
        store.append(again.case, v)
        cases = store.person_cases("p-aroha")
        assert [(p.id, p.member) for p in cases] == [(1, 1), (2, 1)]
        assert [h.member.name for h in cases[1].history][-1] == "Aroha Parata" and len(cases[1].history) == 2
        assert cases[0].link.key == "p-aroha" and cases[0].state == sfcore.State.PREPARING
        assert isinstance(cases[0].referred, datetime.datetime) and cases[0].programme == sfcore.Programme.STRENGTHENING_FAMILIES
        assert "PersonCase(" in repr(cases[0])
        assert store.person_cases("nobody") == []
        sibs = store.siblings("c-tama")
        assert [(s.key, s.case, s.member, s.through) for s in sibs] == [("c-mere", 2, 2, "p-aroha")]
        assert sibs[0].details.role == sfcore.MemberRole.CHILD and "Sibling(" in repr(sibs[0])
        assert store.siblings("c-jo") == [] and store.siblings("p-aroha") == []
        with pytest.raises(sfcore.ArgumentError):
            store.person_cases("")
        with pytest.raises(sfcore.ArgumentError):
            store.siblings(" ")
        assert store.verify()


def test_an_access_request_is_due_by_the_privacy_acts_working_days_and_overdue_until_answered(directory):
    f = sample.family_case(directory, 5, "closed_planned", seed=5)
    c = f.case
    received = f.clock.now.date()
    f.record(sfcore.AccessRequested(member=1, requester="the person", received=received))
    (r,) = c.access_requests
    due = sfcore.HolidayCalendar().privacy_response_due(received)
    assert r.due() == due and r.seq == c.version and r.answered_on is None and "AccessRequest(" in repr(r)
    assert c.state == sfcore.State.CLOSED
    late = [i for i in c.overdue(due + datetime.timedelta(days=1)) if i.kind == sfcore.OverdueKind.ACCESS_REQUEST]
    assert len(late) == 1 and late[0].days_late == 1
    assert analysis.overdue([c], due + datetime.timedelta(days=1), by=None, directory=directory)[0]["access_requests"] == 1
    with pytest.raises(sfcore.ArgumentError):
        f.record(sfcore.AccessExtended(request=r.seq, due=due, reason="not later"))
    f.record(sfcore.AccessExtended(request=r.seq, due=due + datetime.timedelta(days=14), reason="much to search"))
    assert c.access_requests[0].extended_to == due + datetime.timedelta(days=14)
    assert c.access_requests[0].extension_reason == "much to search" and c.access_requests[0].request.authority == ""
    f.record(sfcore.AccessAnswered(request=r.seq, on=received, withheld=["s 53: information about another individual"]))
    assert c.access_requests[0].answered_on == received and c.access_requests[0].withheld == ["s 53: information about another individual"]
    assert not [i for i in c.overdue(due + datetime.timedelta(days=30)) if i.kind == sfcore.OverdueKind.ACCESS_REQUEST]
    with pytest.raises(sfcore.ArgumentError, match="was answered"):
        f.record(sfcore.AccessAnswered(request=r.seq, on=received))
    assert "AccessAnswered(" in repr(c.journal[-1].payload)
    assert c.journal[-1].payload == sfcore.AccessAnswered(request=r.seq, on=received,
                                                          withheld=["s 53: information about another individual"])


def test_a_declined_correction_keeps_the_statement_and_the_recipients_to_tell_come_from_the_journal(directory):
    f = sample.family_case(directory, 6, "closed_planned", seed=6, sharing=True)
    c = f.case
    f.record(sfcore.CorrectionDeclined(member=1, detail="date of birth", statement="I was born on 15 May",
                                       reason="the birth certificate says otherwise"))
    (s,) = c.correction_statements(1)
    assert s.seq == c.version and s.declined.statement == "I was born on 15 May" and s.declined.detail == "date of birth"
    assert s.declined.member == 1 and s.declined.reason.startswith("the birth") and "CorrectionStatement(" in repr(s)
    assert c.correction_statements(2) == []
    with pytest.raises(sfcore.ArgumentError):
        f.record(sfcore.CorrectionDeclined(member=1, detail="name", statement=" ", reason="x"))
    with pytest.raises(sfcore.ArgumentError):
        c.correction_statements(99)
    shared = c.disclosures_about(1) + c.disclosures_about(2)
    assert shared  # the sample's sharing: decisions, and a sharing without consent
    kinds = {d.how for d in shared}
    assert kinds <= {sfcore.EventType.DISCLOSURE_DECIDED, sfcore.EventType.VIEW_SHOWN, sfcore.EventType.SHARED_WITHOUT_CONSENT}
    for d in shared:
        entry = c.journal[d.seq - 1]
        assert entry.type == d.how and entry.when == d.when and d.category == entry.payload.category and d.to is not None
        assert "DisclosureOfMember(" in repr(d)
    decided = [e for e in c.entries(sfcore.EventType.DISCLOSURE_DECIDED) if e.payload.permit and 1 in e.payload.subjects]
    assert len([d for d in c.disclosures_about(1) if d.how == sfcore.EventType.DISCLOSURE_DECIDED]) == len(decided)


def test_an_access_response_tells_the_person_about_themselves_alone(directory, tmp_path):
    f = linked(directory, 7, {1: "p-parent", 2: "c-child"})
    g = sample.family_sharing(f, seed=7)
    c = g.case
    parent, child = c.member(1), c.member(2)
    with sfcore.Store(str(tmp_path / "cases.db")) as store:
        store.put_directory(directory)
        store.append(c, 0)
        r = store.access_response("p-parent")
        assert r.key == "p-parent" and [p.id for p in r.cases] == [7] and "AccessResponse(" in repr(r)
        assert parent.name in r.markdown and child.name not in r.markdown
        assert all(child.name not in i.text for i in r.items)
        assert {i.heading for i in r.items} >= {"details", "consent to take part", "consent to share"}
        assert all(i.case == 7 and i.seq >= 1 for i in r.items) and "AccessItem(" in repr(r.items[0])
        for w in r.withheld:
            assert "s 53" in w.ground or "s 49" in w.ground
            assert w.case == 7 and w.seq >= 1 and "AccessWithholding(" in repr(w)
        mine = store.access_response("c-child", directory)
        assert child.name in mine.markdown and parent.name not in mine.markdown
        assert store.access_response("nobody").cases == []
