"""Tables and aggregates for analysts: caseloads, timeliness, exits, decisions and service gaps.

Every function takes a *source*:

- a :class:`sfcore.Store` (its cases and its agency directory), or
- an iterable of :class:`sfcore.Case` objects, with ``directory=``.

The tables (:data:`TABLES`) are ``cases``, ``members``, ``events``,
``meetings`` and ``actions`` (each case's lifecycle) and ``decisions``,
``sharings`` (without consent), ``declined`` (requests) and ``views`` (the
entries of each case's journal that record them). :func:`records` gives a
table as a list of dicts; :func:`frame` as a pandas DataFrame (pandas is
optional: ``apt-get install python3-pandas``). Enumerations appear by their
identifiers (``"plan_active"``), parties by name, dates as ``datetime.date``.

The tables are **de-identified** unless asked otherwise: no names, no dates
of birth or exact ages (an ``age_band`` instead), none of the family's own
words (action descriptions, meeting venues, a sharing's description and
reasons, a declined request's reasons), and each ``case_id`` replaced by a
stable pseudonym (:func:`sfcore.case_pseudonym`: the same within a process,
or across processes under the same ``pseudonym_key``). An identified table
needs ``identified_by=`` (who) and ``purpose=``, and every case it reads
records an :class:`sfcore.IdentifiedExtract` entry in its journal first (a
store's cases are appended to the store; Case objects are changed in place)::

    analysis.records("members", store, identified_by="analyst-7",
                     purpose="the Privacy Commissioner's audit of 2026")

Aggregates return lists of dicts (``pandas.DataFrame(rows)`` makes a frame
of them). Those that group take ``by``: ``None`` (one group, ``"all"``), a
column of the ``cases`` table (``"coordinator"``, ``"local_group"`` (the
Local Management Group), ``"site"``, ``"programme"``, ``"lead_agency"``…), or a function of a ``cases`` record —
for a region, map the site or the coordinator to it::

    REGION = {"Ōtāhuhu": "Auckland", "Tokoroa": "Waikato"}
    analysis.timeliness(store, by=lambda case: REGION.get(case["site"], "other"))
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter, defaultdict
from typing import Any, Callable, Dict, Iterable, List, Optional, Union
from zoneinfo import ZoneInfo

from . import _core

TABLES = _core.TABLES

By = Union[None, str, Callable[[Dict[str, Any]], Any]]


def _argument_error(text: str) -> Exception:
    """The ArgumentError the core raises for an invalid argument (made by the core: its text and .code)."""
    return _core._error(_core.ErrorCode.INVALID_ARGUMENT, text)


class _Source:
    """Cases and a directory, from a store or from Case objects (a store's cases loaded when first needed)."""

    def __init__(self, source, directory=None, calendar=None, timeframes=None, identified_by=None, purpose=None,
                 pseudonym_key=None):
        self.calendar = calendar
        self.timeframes = timeframes
        self.identity = {"identified_by": identified_by, "purpose": purpose, "pseudonym_key": pseudonym_key}
        self._store = None
        self._cases = None
        if isinstance(source, _core.Store):
            self._store = source
            if directory is None:
                directory = source.directory()
        else:
            if isinstance(source, _core.Case):
                raise TypeError("a source is a Store or an iterable of Case objects: wrap one Case in a list")
            items = list(source)
            for x in items:
                if not isinstance(x, _core.Case):
                    raise TypeError(f"a source holds Case objects, not {type(x).__name__}")
            self._cases = items
        if directory is None:
            raise _argument_error("give directory=: the source has no agency directory to read")
        self.directory = directory

    @property
    def cases(self):
        if self._cases is None:
            self._cases = self._store.cases()
        return self._cases

    def columns(self, table, arrays=False):
        # From a store whose cases were not loaded yet, the table is read in C++, straight from the store.
        source = self._store if self._store is not None and self._cases is None else self.cases
        return _core.table(table, source, directory=self.directory, calendar=self.calendar,
                           timeframes=self.timeframes, arrays=arrays, **self.identity)

    def pseudonym(self, case_id):
        """A case's id as the de-identified tables give it."""
        return _core.case_pseudonym(case_id, self.identity["pseudonym_key"])


def _rows(cols: Dict[str, list]) -> List[Dict[str, Any]]:
    names = list(cols)
    return [dict(zip(names, values)) for values in zip(*cols.values())]


def columns(table: str, source, *, directory=None, calendar=None, timeframes=None, identified_by=None, purpose=None,
            pseudonym_key=None) -> Dict[str, list]:
    """A table as columns: a dict of equal-length lists, one per column (de-identified unless ``identified_by``)."""
    return _Source(source, directory, calendar, timeframes, identified_by, purpose, pseudonym_key).columns(table)


def records(table: str, source, *, directory=None, calendar=None, timeframes=None, identified_by=None, purpose=None,
            pseudonym_key=None) -> List[Dict[str, Any]]:
    """A table as a list of dicts, one per row (de-identified unless ``identified_by``)."""
    return _rows(columns(table, source, directory=directory, calendar=calendar, timeframes=timeframes,
                         identified_by=identified_by, purpose=purpose, pseudonym_key=pseudonym_key))


def _pandas_column(pandas, numpy, kind, values, missing):
    """One packed column (see sfcore._core.table) as a pandas-native column."""
    if kind == "text":
        return values
    a = numpy.frombuffer(values, dtype="<i8")
    mask = None if missing is None else numpy.frombuffer(missing, dtype=numpy.uint8).astype(bool)
    if kind == "integer":
        return a.copy() if mask is None else pandas.arrays.IntegerArray(a.copy(), mask)
    if kind == "boolean":
        return a.astype(bool) if mask is None else pandas.arrays.BooleanArray(a.astype(bool), mask)
    times = a.astype("datetime64[D]" if kind == "day" else "datetime64[s]")
    if mask is not None:
        times[mask] = numpy.datetime64("NaT")
    times = times.astype("datetime64[ns]")
    if kind == "day":
        return times
    return pandas.DatetimeIndex(times).tz_localize("UTC").tz_convert("Pacific/Auckland")


def frame(table: str, source, *, directory=None, calendar=None, timeframes=None, identified_by=None, purpose=None,
          pseudonym_key=None):
    """A table as a pandas DataFrame (needs pandas: ``apt-get install python3-pandas``), de-identified unless ``identified_by``.

    Columns are pandas-native: whole numbers as int64 (``Int64`` where some are
    missing), flags as bool (``boolean``), dates as ``datetime64[ns]`` (NaT where
    missing), instants as tz-aware datetimes in Pacific/Auckland, and text as
    objects. From a store, the table is read straight from the store without
    making a Case object per case.
    """
    try:
        import numpy
        import pandas
    except ImportError as e:  # optional: sfcore itself never needs pandas
        raise ImportError("sfcore.analysis.frame() needs pandas: apt-get install python3-pandas "
                          "(records() gives the same rows as dicts)") from e
    packed = _Source(source, directory, calendar, timeframes, identified_by, purpose, pseudonym_key).columns(table, arrays=True)
    return pandas.DataFrame({name: _pandas_column(pandas, numpy, *col) for name, col in packed.items()})


def _grouper(by: By, cases: Dict[str, list]) -> Callable[[Dict[str, Any]], Any]:
    """A case row's group: ``by`` is None, a callable, or a column of the cases table (``cases``, as columns)."""
    if by is None:
        return lambda case: "all"
    if callable(by):
        return by
    if by not in cases:
        raise _argument_error(f"by={by!r} is not a column of the cases table ({', '.join(cases)})")
    return lambda case: case[by]


def _sorted(rows: List[Dict[str, Any]], *keys: str) -> List[Dict[str, Any]]:
    return sorted(rows, key=lambda r: tuple((r[k] is None, str(r[k])) for k in keys))


def timeliness(source, *, by: By = "coordinator", directory=None, calendar=None, timeframes=None) -> List[Dict[str, Any]]:
    """Referral to initial meeting against each case's target (its own timeframes unless ``timeframes`` is given).

    One row per group: ``cases``, ``initial_meetings`` (held), ``on_time``, ``late``,
    ``on_time_share`` (of those held), ``median_working_days``, ``target`` (the
    working days, or None when the group's cases work to different ones).
    """
    src = _Source(source, directory, calendar, timeframes)
    cols = src.columns("cases")
    key = _grouper(by, cols)
    targets = {src.pseudonym(c.id): (timeframes or c.timeframes).initial_meeting_working_days for c in src.cases}
    groups: Dict[Any, List[Dict[str, Any]]] = defaultdict(list)
    for case in _rows(cols):
        groups[key(case)].append(case)
    out = []
    for group, cases in groups.items():
        held = [c for c in cases if c["working_days_to_initial_meeting"] is not None]
        days = [c["working_days_to_initial_meeting"] for c in held]
        on_time = sum(1 for c in held if c["initial_meeting_on_time"])
        group_targets = {targets[c["case_id"]] for c in cases}
        out.append({"group": group, "cases": len(cases), "initial_meetings": len(days), "on_time": on_time,
                    "late": len(days) - on_time, "on_time_share": on_time / len(days) if days else None,
                    "median_working_days": statistics.median(days) if days else None,
                    "target": group_targets.pop() if len(group_targets) == 1 else None})
    return _sorted(out, "group")


def overdue(source, as_of, *, by: By = "coordinator", directory=None, calendar=None,
            timeframes=None) -> List[Dict[str, Any]]:
    """What is overdue on a date, by group: initial meetings, reviews and actions.

    One row per group: ``cases`` (those with anything overdue), ``initial_meetings``,
    ``reviews``, ``actions``, ``access_requests`` (unanswered past their due date, in any
    state of the case), and ``items`` (each a :class:`sfcore.OverdueItem`).
    """
    src = _Source(source, directory, calendar, timeframes)
    cols = src.columns("cases")
    key = _grouper(by, cols)
    by_id = {row["case_id"]: row for row in _rows(cols)}
    groups: Dict[Any, Dict[str, Any]] = {}
    for case in src.cases:
        items = case.overdue(as_of, calendar, timeframes)
        if not items:
            continue
        group = key(by_id[src.pseudonym(case.id)])
        row = groups.setdefault(group, {"group": group, "cases": 0, "initial_meetings": 0, "reviews": 0,
                                        "actions": 0, "access_requests": 0, "items": []})
        row["cases"] += 1
        for item in items:
            row[{_core.OverdueKind.INITIAL_MEETING: "initial_meetings", _core.OverdueKind.REVIEW: "reviews",
                 _core.OverdueKind.ACTION: "actions", _core.OverdueKind.ACCESS_REQUEST: "access_requests"}[item.kind]] += 1
        row["items"].extend(items)
    return _sorted(list(groups.values()), "group")


def exits(source, *, by: By = None, directory=None) -> List[Dict[str, Any]]:
    """Closed cases by group, programme and exit reason: ``cases`` and ``share`` of the group's closed cases of the programme."""
    cols = _Source(source, directory).columns("cases")
    key = _grouper(by, cols)
    cases = _rows(cols)
    counts = Counter((key(c), c["programme"], c["exit_reason"]) for c in cases if c["exit_reason"] is not None and c["closed"])
    totals = Counter()
    for (group, programme, _), n in counts.items():
        totals[(group, programme)] += n
    rows = [{"group": g, "programme": p, "exit_reason": r, "cases": n, "share": n / totals[(g, p)]}
            for (g, p, r), n in counts.items()]
    return _sorted(rows, "group", "programme", "exit_reason")


def decisions_by_basis(source, *, directory=None) -> List[Dict[str, Any]]:
    """Every disclosure by what decided it.

    Decisions under consent count by the rule that decided (``consent`` permits;
    ``no_consent``, ``confidential``, ``withdrawn``… refuse); sharing without consent
    by its legal basis; declined requests by the basis they relied on. One row per
    (``kind``, ``basis``): ``count``, ``permitted`` (decisions and sharings), ``refused``.
    """
    src = _Source(source, directory)
    rows: Dict[tuple, Dict[str, Any]] = {}

    def add(kind, basis, permitted):
        row = rows.setdefault((kind, basis), {"kind": kind, "basis": basis, "count": 0, "permitted": 0, "refused": 0})
        row["count"] += 1
        row["permitted" if permitted else "refused"] += 1

    for d in _rows(src.columns("decisions")):
        add("decision", d["rule"], d["permit"])
    for s in _rows(src.columns("sharings")):
        add("sharing without consent", s["basis"], True)
    for r in _rows(src.columns("declined")):
        add("declined request", r["basis"], False)
    return _sorted(list(rows.values()), "kind", "basis")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def service_gaps(source, *, by: By = None, directory=None) -> List[Dict[str, Any]]:
    """Needs the families named that no agency's action addresses.

    Only cases that have agreed a plan count. A need (from the family's priorities)
    is addressed when an action of a current plan owned by an agency or a
    practitioner names it as its ``need`` (compared without case or extra spaces);
    an action the family owns does not address it. One row per (group, need):
    ``families`` (how many cases name it unaddressed) and ``case_ids`` (their
    pseudonyms, as the de-identified tables give them), the most common first.
    """
    src = _Source(source, directory)
    cols = src.columns("cases")
    key = _grouper(by, cols)
    by_id = {row["case_id"]: row for row in _rows(cols)}
    gaps: Dict[tuple, Dict[str, Any]] = {}
    for case in src.cases:
        if not case.plan_history:
            continue
        addressed = {_norm(a.need) for p in case.plans for a in p.actions
                     if a.need and a.owner is not None and a.owner.kind != _core.PartyKind.MEMBER}
        pseudonym = src.pseudonym(case.id)
        group = key(by_id[pseudonym])
        for need in dict.fromkeys(case.priorities.needs):
            if _norm(need) in addressed:
                continue
            row = gaps.setdefault((group, _norm(need)), {"group": group, "need": need, "families": 0, "case_ids": []})
            row["families"] += 1
            row["case_ids"].append(pseudonym)
    return sorted(gaps.values(), key=lambda r: (-r["families"], str(r["group"]), r["need"]))


def outcomes(source, *, by: By = None, directory=None) -> List[Dict[str, Any]]:
    """The outcome areas the plans' actions serve: one row per (group, outcome area).

    Columns: ``group``, ``area`` (an :class:`sfcore.OutcomeArea` identifier), ``label``,
    ``families`` (cases with an action serving it), ``actions`` and ``done`` (of the
    current plans). Areas no action names in a group are left out.
    """
    src = _Source(source, directory)
    cols = src.columns("cases")
    key = _grouper(by, cols)
    by_id = {row["case_id"]: row for row in _rows(cols)}
    rows: Dict[tuple, Dict[str, Any]] = {}
    for a in _rows(src.columns("actions")):
        if not a["outcomes"]:
            continue
        group = key(by_id[a["case_id"]])
        for area in a["outcomes"].split(","):
            row = rows.setdefault((group, area), {"group": group, "area": area,
                                                  "label": _core.OutcomeArea[area.upper()].label,
                                                  "families": set(), "actions": 0, "done": 0})
            row["families"].add(a["case_id"])
            row["actions"] += 1
            row["done"] += a["status"] == "done"
    order = {a.name.lower(): int(a) for a in _core.OutcomeArea}
    out = [dict(r, families=len(r["families"])) for r in rows.values()]
    return sorted(out, key=lambda r: (str(r["group"]), order[r["area"]]))


_NZ = ZoneInfo("Pacific/Auckland")


def nz_day(moment: datetime.datetime) -> datetime.date:
    """The day an instant falls on in New Zealand (Pacific/Auckland), as the tables and the plots count days.

    >>> nz_day(datetime.datetime(2026, 3, 1, 12, 30, tzinfo=datetime.timezone.utc))
    datetime.date(2026, 3, 2)
    """
    return moment.astimezone(_NZ).date()


def funnel(source, *, by: By = None, directory=None, as_of: Optional[datetime.date] = None) -> List[Dict[str, Any]]:
    """How far cases got through the lifecycle, as of a day: one row per (group, stage).

    Stages: referred, accepted, preparing (consent given), meeting scheduled, plan agreed,
    reviewed, closed with a planned exit. Each row counts the ``cases`` that had reached the
    stage by the end of ``as_of`` (a New Zealand day; by default the day of the latest entry
    in the source, which each row gives as ``as_of``) and splits them by where they stood that
    day: ``open`` (still being worked), ``exited`` (declined or closed) and ``escalated`` (to
    statutory care and protection, whether or not closed since), so
    ``open + exited + escalated == cases``. A case referred after ``as_of`` is not counted,
    and a case reopened by then counts as open. (The tables do not say which withdrawal of
    consent closed a case: a case closed by a withdrawal and reopened later counts as open
    before its reopening.)
    """
    stages = [("referred", None), ("accepted", "referral_accepted"),
              ("preparing", "preparation_started"), ("meeting scheduled", "meeting_scheduled"),
              ("plan agreed", "plan_agreed"), ("reviewed", "review_scheduled")]
    if as_of is not None and not isinstance(as_of, datetime.date) or isinstance(as_of, datetime.datetime):
        raise TypeError(f"funnel: as_of must be a datetime.date, not {type(as_of).__name__}")
    src = _Source(source, directory)
    history: Dict[Any, List[Any]] = defaultdict(list)  # case -> [(day, type)] in journal order
    for e in _rows(src.columns("events")):
        history[e["case_id"]].append((nz_day(e["when"]), e["type"]))
    if as_of is None:
        days = [day for entries in history.values() for day, _ in entries]
        as_of = max(days) if days else datetime.date.today()
    cols = src.columns("cases")
    key = _grouper(by, cols)
    groups: Dict[Any, List[Dict[str, Any]]] = defaultdict(list)
    for c in _rows(cols):
        if c["referred"] <= as_of:
            groups[key(c)].append(c)

    def standing(case):
        """The types a case's journal held by as_of, and where the case stood that day."""
        seen, where = set(), "open"
        for day, kind in history[case["case_id"]]:
            if day > as_of:
                continue
            seen.add(kind)
            if kind in ("case_closed", "referral_declined"):
                where = "exited"
            elif kind == "case_reopened":
                where = "open"
        # The case's latest closure (also one a withdrawal of consent made) stood on every day from its own.
        if case["closed"] is not None and case["closed"] <= as_of:
            where = "exited"
        if "escalated" in seen:
            where = "escalated"
        return seen, where

    rows = []
    for group in sorted(groups, key=lambda g: (g is None, str(g))):
        cases = [(c, *standing(c)) for c in groups[group]]
        for name, event in stages:
            reached = [where for _, seen, where in cases if event is None or event in seen]
            rows.append({"group": group, "stage": name, "cases": len(reached), "open": reached.count("open"),
                         "exited": reached.count("exited"), "escalated": reached.count("escalated"),
                         "as_of": as_of})
        # A planned exit is the case's exit reason now; it stood on as_of if nothing reopened the case since.
        planned = [c for c, _, where in cases
                   if where == "exited" and c["exit_reason"] == "planned" and c["closed"] is not None
                   and c["closed"] <= as_of]
        rows.append({"group": group, "stage": "closed, planned exit", "cases": len(planned), "open": 0,
                     "exited": len(planned), "escalated": 0, "as_of": as_of})
    return rows


__all__ = ["TABLES", "columns", "records", "frame", "timeliness", "overdue", "exits", "decisions_by_basis",
           "service_gaps", "outcomes", "funnel", "nz_day"]
