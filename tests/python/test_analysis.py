"""Analysts' tables, aggregates and plots, from a store or from objects."""

import datetime
import subprocess
import sys
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

import sfcore
from sfcore import analysis, sample

NZ = ZoneInfo("Pacific/Auckland")


@pytest.fixture(scope="module")
def region():
    d, families = sample.caseload(120, seed=11)
    store = sfcore.Store(":memory:")
    store.put_directory(d)
    for f in families:
        store.append(f.case, 0)
    # a few views and a declined request, so that every table has rows
    for f in families[:40]:
        if f.case.members and f.case.sharing_consents:
            f.case.view([sfcore.InfoItem(subjects=f.case.members[0].id, category="housing", content="x")], directory=d,
                        recipient=sfcore.Recipient(agency_id=d.find("Ministry of Social Development")),
                        purpose="meeting", at=f.clock.tick(), actor="msd")
            f.record(sfcore.RequestDeclined(requester=sfcore.Recipient(agency_id=d.find("New Zealand Police")),
                                            subjects=f.case.members[0].id, category="health",
                                            basis=sfcore.LegalBasis.OT_S66, reasons=["s66J: not held"],
                                            decided_by="coordinator"))
            store.append(f.case, store.version(f.case.id))
    return d, families, None, store


def entries(families, type_):
    return [e for f in families for e in f.case.entries(type_)]


def test_every_table_from_a_store_equals_the_same_from_objects(region):
    d, families, ledgers, store = region
    for table in analysis.TABLES:
        from_store = analysis.records(table, store)
        from_objects = analysis.records(table, [f.case for f in families], directory=d)
        assert from_store == from_objects, table
        cols = analysis.columns(table, store)
        assert {len(v) for v in cols.values()} == {len(from_store)}
        if from_store:
            assert list(cols) == list(from_store[0])


def test_the_cases_table_matches_the_cases(region):
    d, families, _, store = region
    rows = {r["case_id"]: r for r in analysis.records("cases", store)}  # case ids are pseudonyms
    assert len(rows) == len(families)
    for f in families:
        c, r = f.case, rows[sfcore.case_pseudonym(f.case.id)]
        assert r["state"] == c.state.name.lower() and r["programme"] == c.programme.name.lower()
        assert "family_name" not in r and r["referred"] == c.referral.received
        assert r["events"] == len(c.journal) and r["members"] == len(c.members)
        assert r["initial_meeting_due"] == c.initial_meeting_due() and r["next_deadline"] == c.next_deadline()
        assert r["plan_versions"] == len(c.plan_history)
        assert r["exit_reason"] == (c.exit_reason.name.lower() if c.exit_reason is not None else None)
        if c.state == sfcore.State.CLOSED and c.exit_reason == sfcore.ExitReason.PLANNED:
            report = c.final_report(d)
            assert r["working_days_to_initial_meeting"] == report.days_to_initial_meeting
            assert r["reviews_held"] == report.reviews_held and r["closed"] == report.closed_on
            assert r["actions_done"] == len(report.done)
        if c.roles.coordinator is not None:
            assert r["coordinator"] == d.practitioner(c.roles.coordinator).name


def test_the_other_tables_count_what_the_cases_hold(region):
    d, families, ledgers, store = region
    cases = [f.case for f in families]
    assert len(analysis.records("members", store)) == sum(len(c.members) for c in cases)
    events = analysis.records("events", store)
    assert len(events) == sum(len(c.journal) for c in cases)
    assert events[0]["type"] == "referral_received" and events[0]["when"].tzinfo is not None
    assert len(analysis.records("meetings", store)) == sum(len(c.meetings) for c in cases)
    assert len(analysis.records("actions", store)) == sum(len(p.actions) for c in cases for p in c.plans)
    decisions = analysis.records("decisions", store)
    assert len(decisions) == len(entries(families, sfcore.EventType.DISCLOSURE_DECIDED)) > 0
    assert {d_["rule"] for d_ in decisions} <= {r.name.lower() for r in sfcore.DecisionRule}
    assert all(d_["permit"] == (d_["rule"] == "consent") for d_ in decisions)
    assert all((d_["consent"] is not None) == d_["permit"] for d_ in decisions)
    first = entries(families, sfcore.EventType.DISCLOSURE_DECIDED)[0]
    assert (decisions[0]["seq"], decisions[0]["at"], decisions[0]["actor"]) == (first.seq, first.when, first.who)
    assert decisions[0]["recorded"] == first.recorded.replace(microsecond=0)
    sharings = analysis.records("sharings", store)
    assert len(sharings) == len(entries(families, sfcore.EventType.SHARED_WITHOUT_CONSENT)) > 0
    assert sharings[0]["basis"] == "ot_s15" and sharings[0]["recipient"] == "Oranga Tamariki"
    declined = analysis.records("declined", store)
    assert len(declined) == len(entries(families, sfcore.EventType.REQUEST_DECLINED)) > 0
    assert declined[0]["requester"] == "New Zealand Police" and "reasons" not in declined[0]  # the agency's words: identified only
    views = analysis.records("views", store)
    assert len(views) == len(entries(families, sfcore.EventType.VIEW_SHOWN)) > 0
    assert {(v["offered"], v["actor"], v["recipient"]) for v in views} == {(1, "msd", "Ministry of Social Development")}
    kinds = {e["kind"] for e in events}
    assert kinds == {"lifecycle", "disclosure", "access"}


def test_frames_when_pandas_is_installed(region):
    pandas = pytest.importorskip("pandas")
    store = region[3]
    df = analysis.frame("cases", store)
    assert isinstance(df, pandas.DataFrame) and len(df) == 120 and "working_days_to_initial_meeting" in df.columns
    assert df.groupby("state").size().sum() == 120
    assert len(analysis.frame("events", store)) == len(analysis.records("events", store))


def test_importing_sfcore_needs_neither_pandas_nor_matplotlib():
    code = "import sys, sfcore, sfcore.analysis; assert 'pandas' not in sys.modules and 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_timeliness_by_coordinator_and_by_a_region_function(region):
    d, families, _, store = region
    rows = analysis.timeliness(store, by="coordinator")
    assert sum(r["cases"] for r in rows) == 120
    held = [f.case for f in families if any(m.held and m.kind == sfcore.MeetingKind.INITIAL for m in f.case.meetings)]
    assert sum(r["initial_meetings"] for r in rows) == len(held)
    assert all(r["on_time"] + r["late"] == r["initial_meetings"] and r["target"] == 15 for r in rows)
    tight = analysis.timeliness(store, by=None, timeframes=sfcore.Timeframes(initial_meeting_working_days=5))
    assert len(tight) == 1 and tight[0]["group"] == "all" and tight[0]["on_time"] <= sum(r["on_time"] for r in rows)
    regions = analysis.timeliness(store, by=lambda case: "north" if case["case_id"] % 2 else "south")
    assert [r["group"] for r in regions] == ["north", "south"]
    with pytest.raises(sfcore.ArgumentError) as e:
        analysis.timeliness(store, by="region")
    assert e.value.code == sfcore.ErrorCode.INVALID_ARGUMENT
    assert str(e.value).startswith("[sfcore.error.101] invalid argument: by='region' is not a column of the cases table")


def test_overdue_exits_decisions_gaps_and_the_funnel(region):
    d, families, ledgers, store = region
    day = datetime.date(2026, 9, 1)
    rows = analysis.overdue(store, day, by="programme")
    assert sum(r["cases"] for r in rows) == sum(1 for f in families if f.case.overdue(day))
    assert sum(r["actions"] for r in rows) == sum(1 for f in families for i in f.case.overdue(day)
                                                  if i.kind == sfcore.OverdueKind.ACTION)
    exits = analysis.exits(store)
    closed = [f.case for f in families if f.case.state == sfcore.State.CLOSED]
    assert sum(r["cases"] for r in exits) == len(closed)
    for programme in {r["programme"] for r in exits}:
        assert abs(sum(r["share"] for r in exits if r["programme"] == programme) - 1) < 1e-9
    basis = analysis.decisions_by_basis(store)
    decisions = len(entries(families, sfcore.EventType.DISCLOSURE_DECIDED))
    assert sum(r["count"] for r in basis if r["kind"] == "decision") == decisions
    assert {r["basis"] for r in basis if r["kind"] == "sharing without consent"} == {"ot_s15"}
    gaps = analysis.service_gaps(store)
    for g in gaps:
        for cid in g["case_ids"]:
            case = next(f.case for f in families if sfcore.case_pseudonym(f.case.id) == cid)
            assert g["need"] in case.priorities.needs
            assert all(a.need != g["need"] or a.owner.kind == sfcore.PartyKind.MEMBER for p in case.plans for a in p.actions)
    assert gaps == sorted(gaps, key=lambda r: (-r["families"], str(r["group"]), r["need"]))
    funnel = analysis.funnel(store)
    counts = [r["cases"] for r in funnel]
    assert counts[0] == 120 and counts[:-1] == sorted(counts[:-1], reverse=True)


def _standing(case):
    """Where a case stands now, worked out from its state and journal apart from analysis.funnel."""
    if case.entries(sfcore.EventType.ESCALATED):
        return "escalated"
    return "exited" if case.state in (sfcore.State.CLOSED, sfcore.State.DECLINED) else "open"


def _standing_on(case, day):
    """Where a case stood at the end of a day, from the entries its journal held by then."""
    held = [e.type for e in case.journal if e.when.astimezone(NZ).date() <= day]
    if sfcore.EventType.ESCALATED in held:
        return "escalated"
    if case.closed_at is not None and case.closed_at.astimezone(NZ).date() <= day:
        return "exited"
    ends = [t for t in held if t in (sfcore.EventType.CASE_CLOSED, sfcore.EventType.REFERRAL_DECLINED,
                                     sfcore.EventType.CASE_REOPENED)]
    return "exited" if ends and ends[-1] != sfcore.EventType.CASE_REOPENED else "open"


def test_the_funnel_splits_each_stage_into_open_exited_and_escalated_as_of_a_day(region):
    d, families, _, store = region
    cases = [f.case for f in families]
    last = max(e.when.astimezone(NZ).date() for c in cases for e in c.journal)
    rows = analysis.funnel(store)
    assert {r["as_of"] for r in rows} == {last}  # by default, the day of the latest entry
    for r in rows:
        assert r["open"] + r["exited"] + r["escalated"] == r["cases"]
    referred = rows[0]
    standing = Counter(_standing(c) for c in cases)
    assert (referred["open"], referred["exited"], referred["escalated"]) == \
        (standing["open"], standing["exited"], standing["escalated"])
    assert standing["escalated"] > 0 and standing["exited"] > 0 and standing["open"] > 0
    planned = sum(1 for c in cases if c.state == sfcore.State.CLOSED and c.exit_reason == sfcore.ExitReason.PLANNED)
    assert rows[-1]["stage"] == "closed, planned exit" and rows[-1]["cases"] == planned

    # As of an earlier day: only cases referred by then, and only what their journals held by then.
    day = sorted(c.referral.received for c in cases)[len(cases) // 2]
    early = analysis.funnel(store, as_of=day)
    assert early[0]["cases"] == sum(1 for c in cases if c.referral.received <= day) < len(cases)
    accepted = sum(1 for c in cases if any(e.when.astimezone(NZ).date() <= day
                                           for e in c.entries(sfcore.EventType.REFERRAL_ACCEPTED)))
    assert early[1]["stage"] == "accepted" and early[1]["cases"] == accepted
    then = Counter(_standing_on(c, day) for c in cases if c.referral.received <= day)
    assert (early[0]["open"], early[0]["exited"], early[0]["escalated"]) == \
        (then["open"], then["exited"], then["escalated"])
    assert all(r["as_of"] == day for r in early)
    assert analysis.funnel(store, as_of=datetime.date(2000, 1, 1)) == []
    with pytest.raises(TypeError):
        analysis.funnel(store, as_of=datetime.datetime(2026, 9, 1, tzinfo=NZ))


def test_local_management_groups_group_every_aggregate_and_outcome_areas_are_counted(region):
    d, families, _, store = region
    groups = {sfcore.case_pseudonym(f.case.id): d.local_group(f.case.referral.local_group).name for f in families}
    cases = analysis.records("cases", store)
    assert {c["case_id"]: c["local_group"] for c in cases} == groups
    for aggregate in (analysis.timeliness(store, by="local_group"), analysis.exits(store, by="local_group"),
                      analysis.service_gaps(store, by="local_group"), analysis.outcomes(store, by="local_group")):
        assert {r["group"] for r in aggregate} <= set(sample.LOCAL_GROUPS)
    assert sum(r["cases"] for r in analysis.timeliness(store, by="local_group")) == 120
    funnel = analysis.funnel(store, by="local_group")
    assert {r["group"] for r in funnel} == set(sample.LOCAL_GROUPS)
    for g in sample.LOCAL_GROUPS:
        assert [r["cases"] for r in funnel if r["group"] == g][0] == sum(1 for v in groups.values() if v == g)
    assert sum(r["cases"] for r in analysis.exits(store, by="local_group")) == sum(r["cases"] for r in analysis.exits(store))
    rows = analysis.outcomes(store)
    for r in rows:
        area = sfcore.OutcomeArea[r["area"].upper()]
        serving = [(f.case.id, a) for f in families for p in f.case.plans for a in p.actions if area in a.outcomes]
        assert r["actions"] == len(serving) and r["label"] == area.label
        assert r["done"] == sum(a.status == sfcore.ActionStatus.DONE for _, a in serving)
        assert r["families"] == len({cid for cid, _ in serving})
    assert {r["area"] for r in rows} == {a.name.lower() for f in families for p in f.case.plans for a in p.actions
                                         for a in a.outcomes}


def test_a_source_of_the_wrong_kind_is_refused(region):
    with pytest.raises(TypeError):
        analysis.records("cases", [1, 2, 3], directory=region[0])
    with pytest.raises(TypeError):
        analysis.records("cases", region[1][0].case, directory=region[0])  # one Case, not a sequence
    with pytest.raises(sfcore.ArgumentError):
        analysis.records("cases", [region[1][0].case])  # no directory to name the agencies from
    with pytest.raises(sfcore.ArgumentError):
        analysis.records("nothing", region[3])


def test_plots_are_drawn_without_a_display(region, tmp_path):
    pytest.importorskip("matplotlib")
    from sfcore import plots

    d, families, _, store = region
    case = max((f.case for f in families), key=lambda c: len(c.journal))
    fig = plots.case_timeline(case, d)
    fig.savefig(tmp_path / "timeline.png")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "referral received" in labels and any(m.kind.label in labels for m in case.meetings)
    funnel = plots.lifecycle_funnel(store)
    funnel.savefig(tmp_path / "funnel.png")
    assert [t.get_text() for t in funnel.axes[0].get_yticklabels()][0] == "referred"
    last = analysis.funnel(store)[0]["as_of"]
    assert funnel.axes[0].get_title() == f"How far cases got, as of {last.day} {last:%B %Y}"
    legend = [t.get_text() for t in funnel.axes[0].get_legend().get_texts()]
    assert legend == ["still open", "exited (declined or closed)", "escalated to statutory care"]
    for png in ("timeline.png", "funnel.png"):
        assert (tmp_path / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _drawn(ax):
    """Each marker drawn on a timeline: (label, day, marker, colour, hollow)."""
    labels = [t.get_text() for t in ax.get_yticklabels()]
    out = []
    for line in ax.get_lines():
        (day,), (y,) = line.get_xdata(), line.get_ydata()
        out.append((labels[int(y)], day, line.get_marker(), line.get_color(), line.get_markerfacecolor() == "none"))
    return out


def test_a_timeline_draws_things_on_the_days_they_happened_and_its_legend_only_what_it_draws(region):
    pytest.importorskip("matplotlib")
    from sfcore import plots

    d, families, _, _ = region
    closed = [f.case for f in families if f.case.state == sfcore.State.CLOSED and f.case.plans]
    case = max(closed, key=lambda c: sum(len(p.actions) for p in c.plans))
    ax = plots.case_timeline(case, d).axes[0]
    drawn = _drawn(ax)
    end = case.closed_at.astimezone(NZ).date()
    assert all(day <= end for _, day, *_ in drawn)  # nothing after the closure: actions are not at their due days
    updated = {}
    for e in case.entries(sfcore.EventType.ACTION_UPDATED):
        updated[e.payload.action] = e.when.astimezone(NZ).date()
    actions = [a for p in case.plans for a in p.actions]
    assert updated and len([m for m in drawn if m[2] == "^"]) == len(actions)
    for a in actions:
        if a.id in updated:
            text = a.description if len(a.description) <= 40 else a.description[:37] + "…"
            assert any(label.startswith(text) and day == updated[a.id] for label, day, *_ in drawn)
    assert not any(label == "next review due" for label, *_ in drawn)  # a closed case has no review due
    legend = ax.get_legend()
    handles = getattr(legend, "legend_handles", None) or legend.legendHandles  # matplotlib 3.7 renamed it
    shown = {(h.get_marker(), h.get_color(), h.get_markerfacecolor() == "none") for h in handles}
    assert shown == {(m, c, hollow) for _, _, m, c, hollow in drawn}
    assert len(legend.get_texts()) == len(shown)


def test_tables_are_de_identified_unless_an_identified_extract_is_asked_for_and_recorded(tmp_path):
    d, families = sample.caseload(12, seed=5)
    cases = [f.case for f in families]
    # What identifies a family: every name, and every date of birth.
    planted = {c.referral.family_name for c in cases} | {m.name for c in cases for m in c.members}
    births = {m.born for c in cases for m in c.members if m.born}
    actions = [a for c in cases for p in c.plans for a in p.actions]
    planted |= {a.description for a in actions}
    for table in analysis.TABLES:
        for row in analysis.records(table, cases, directory=d):
            for value in row.values():
                assert value not in births, (table, value)
                assert not any(isinstance(value, str) and p in value for p in planted), (table, value)
    members = analysis.records("members", cases, directory=d)
    assert {"name", "born", "age_at_referral"}.isdisjoint(members[0]) and "age_band" in members[0]
    assert {m["age_band"] for m in members} <= {"0-4", "5-9", "10-13", "14-17", "18-24", "25-44", "45-64", "65+", None}
    owners = {a["owner"] for a in analysis.records("actions", cases, directory=d) if a["owner_kind"] == "member"}
    assert owners and all(o.startswith("member ") for o in owners)
    # Pseudonyms: stable in a process, and under a key of the caller's across processes.
    ids = [r["case_id"] for r in analysis.records("cases", cases, directory=d)]
    assert ids == [sfcore.case_pseudonym(c.id) for c in cases] and len(set(ids)) == len(cases)
    assert ids == [r["case_id"] for r in analysis.records("cases", cases, directory=d)] != [c.id for c in cases]
    key = b"k" * 32
    keyed = [r["case_id"] for r in analysis.records("cases", cases, directory=d, pseudonym_key=key)]
    assert keyed == [sfcore.case_pseudonym(c.id, key) for c in cases] and keyed != ids
    with pytest.raises(sfcore.ArgumentError, match="16 bytes"):
        analysis.records("cases", cases, directory=d, pseudonym_key=b"short")
    # Nothing was recorded for a de-identified table.
    versions = [c.version for c in cases]
    # An identified table: who and why are required, and each case records the extract first.
    with pytest.raises(sfcore.ArgumentError, match="purpose"):
        analysis.records("members", cases, directory=d, identified_by="analyst-7")
    with pytest.raises(sfcore.ArgumentError):
        analysis.records("members", cases, directory=d, purpose="curiosity")
    assert [c.version for c in cases] == versions
    with sfcore.Store(str(tmp_path / "cases.db")) as store:
        store.put_directory(d)
        for c in cases:
            store.append(c, 0)
        named = analysis.records("members", store, identified_by="analyst-7", purpose="the Commissioner's audit")
        assert {m["name"] for m in named} == {m.name for c in cases for m in c.members}
        assert {m["case_id"] for m in named} == {c.id for c in cases if c.members}
        for c in cases:
            held = store.load(c.id)
            assert held.version == c.version + 1
            last = held.journal[-1]
            assert isinstance(last.payload, sfcore.IdentifiedExtract) and last.who == "analyst-7"
            assert (last.payload.table, last.payload.purpose) == ("members", "the Commissioner's audit")
            assert "IdentifiedExtract(" in repr(last.payload)
        assert store.verify()
    named = analysis.records("cases", cases, directory=d, identified_by="analyst-7", purpose="a case review")
    assert [r["family_name"] for r in named] == [c.referral.family_name for c in cases]
    assert [c.version for c in cases] == [v + 1 for v in versions]
    assert all(c.verify() for c in cases)
