"""Plots for analysts (matplotlib, optional: ``apt-get install python3-matplotlib``).

- :func:`case_timeline`: one case on a date axis, each thing on the day it
  happened — its referral, meetings (initial and reviews), each action on
  the day its status last changed (coloured by that status), an escalation
  and the closure — with the initial meeting's due day (and, while the case
  is open, the next review's) drawn hollow.
- :func:`lifecycle_funnel`: how many cases reached each stage of the
  lifecycle by a day, each bar split into cases still open, exited and
  escalated (from :func:`sfcore.analysis.funnel`).

Each returns a ``matplotlib.figure.Figure`` made without pyplot, so no
display is needed: ``fig.savefig("timeline.png")``.
"""

from __future__ import annotations

import datetime

from . import _core, analysis

_STATUS_COLOURS = {
    _core.ActionStatus.OPEN: "#1f77b4",
    _core.ActionStatus.IN_PROGRESS: "#ff7f0e",
    _core.ActionStatus.DONE: "#2ca02c",
    _core.ActionStatus.NOT_DONE: "#7f7f7f",
}


def _figure(width: float, height: float):
    try:
        from matplotlib.figure import Figure
    except ImportError as e:  # optional: sfcore itself never needs matplotlib
        raise ImportError("sfcore.plots needs matplotlib: apt-get install python3-matplotlib") from e
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _legend(ax, used):
    """A legend of exactly the markers drawn: used maps a label to its (marker, colour, filled)."""
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker=m, color=c, markerfacecolor=c if filled else "none", linestyle="none", label=label)
               for label, (m, c, filled) in used.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")


def _action_days(case: _core.Case):
    """Each action's day and status as it last changed: the day the plan that first held it was agreed,
    then the day of each ActionUpdated entry for it (New Zealand days, from the journal)."""
    days = {}
    for entry in case.journal:
        if entry.type in (_core.EventType.PLAN_AGREED, _core.EventType.PLAN_REVISED):
            for a in entry.payload.plan.actions:
                days.setdefault(a.id, (analysis.nz_day(entry.when), _core.ActionStatus.OPEN))
        elif entry.type == _core.EventType.ACTION_UPDATED:
            days[entry.payload.action] = (analysis.nz_day(entry.when), entry.payload.status)
    return days


def case_timeline(case: _core.Case, directory: _core.AgencyDirectory, *, title: str | None = None):
    """One case's timeline, each thing on the day it happened: the referral, its meetings, each action on
    the day its status last changed (coloured by that status), an escalation and the closure; the initial
    meeting's due day, and while the case is open the next review's, are drawn hollow."""
    fig = _figure(11, 4.8)
    ax = fig.subplots()
    rows = []  # (label, day, legend label, marker, colour, filled)
    rows.append(("referral received", case.referral.received, "referral", "o", "black", True))
    rows.append(("initial meeting due", case.initial_meeting_due(), "due", "v", "#d62728", False))
    for m in case.meetings:
        label = m.kind.label if m.held else f"{m.kind.label} (scheduled)"
        rows.append((label, analysis.nz_day(m.start), "meeting held" if m.held else "meeting scheduled",
                     "s" if m.held else "D", "#9467bd" if m.held else "#c5b0d5", True))
    days = _action_days(case)
    for plan in case.plans:
        for a in plan.actions:
            day, status = days.get(a.id, (plan.agreed, a.status))
            owner = case.name_of(a.owner, directory) if a.owner is not None else "unassigned"
            text = a.description if len(a.description) <= 40 else a.description[:37] + "…"
            rows.append((f"{text} — {owner}", day, f"action {status.label}", "^",
                         _STATUS_COLOURS.get(status, "black"), True))
    for entry in case.entries(_core.EventType.ESCALATED):
        rows.append(("escalated", analysis.nz_day(entry.when), "escalated", "P", "#d62728", True))
    if case.closed_at is None:
        review = case.review_due()
        if review is not None:
            rows.append(("next review due", review, "due", "v", "#d62728", False))
    else:
        reason = case.exit_reason.label if case.exit_reason is not None else ""
        rows.append((f"closed: {reason}", analysis.nz_day(case.closed_at), "closed", "X", "black", True))
    rows.sort(key=lambda r: r[1])
    used = {}
    for y, (_, day, legend, marker, colour, filled) in enumerate(rows):
        ax.plot([day], [y], marker=marker, color=colour, markerfacecolor=colour if filled else "none",
                markersize=9, linestyle="none")
        used.setdefault(legend, (marker, colour, filled))
    ax.set_yticks(range(len(rows)), [r[0] for r in rows])
    ax.invert_yaxis()
    first, last = rows[0][1], rows[-1][1]
    pad = datetime.timedelta(days=max(3, (last - first).days // 20))
    ax.set_xlim(first - pad, last + pad)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("day (New Zealand)")
    _legend(ax, used)
    ax.set_title(title or f"{case.referral.family_name} (case {case.id}): {case.state.label}")
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    return fig


_STANDING = (("open", "still open", "#1f77b4"), ("exited", "exited (declined or closed)", "#7f7f7f"),
             ("escalated", "escalated to statutory care", "#d62728"))


def lifecycle_funnel(source, *, directory=None, as_of: datetime.date | None = None,
                     title: str = "How far cases got"):
    """A bar per lifecycle stage: how many cases had reached it by ``as_of``, each bar split by where those
    cases stood that day — still open, exited, or escalated (see :func:`sfcore.analysis.funnel`); the
    title gives the day."""
    rows = analysis.funnel(source, directory=directory, as_of=as_of)
    fig = _figure(8, 3.8)
    ax = fig.subplots()
    names = [r["stage"] for r in rows]
    left = [0] * len(rows)
    for key, label, colour in _STANDING:
        widths = [r[key] for r in rows]
        ax.barh(names, widths, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, widths)]
    ax.invert_yaxis()
    top = max((r["cases"] for r in rows), default=0)
    for y, r in enumerate(rows):
        share = f" ({r['cases'] / top:.0%})" if top else ""
        ax.text(r["cases"], y, f" {r['cases']}{share}", va="center")
    ax.set_xlim(0, top * 1.3 if top else 1)
    ax.set_xlabel("cases")
    day = rows[0]["as_of"] if rows else as_of
    ax.set_title(f"{title}, as of {day.day} {day:%B %Y}" if day is not None else title)
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    return fig


__all__ = ["case_timeline", "lifecycle_funnel"]
