"""Plots for analysts (matplotlib, optional: ``apt-get install python3-matplotlib``).

- :func:`case_timeline`: one case on a date axis — its referral, meetings
  (initial and reviews), actions by their due dates (coloured by status),
  the next review due and the closure.
- :func:`lifecycle_funnel`: how many cases reached each stage of the
  lifecycle (from :func:`sfcore.analysis.funnel`).

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


def case_timeline(case: _core.Case, directory: _core.AgencyDirectory, *, title: str | None = None):
    """One case's timeline: meetings, actions (by due date, coloured by status), reviews and closure."""
    fig = _figure(11, 4.8)
    ax = fig.subplots()
    rows = []  # (label, date, marker, colour)
    referred = case.referral.received
    rows.append(("referral", referred, "o", "black"))
    due = case.initial_meeting_due()
    rows.append(("initial meeting due", due, "v", "#d62728"))
    for m in case.meetings:
        day = m.start.date()
        label = f"{m.kind.label}{'' if m.held else ' (scheduled)'}"
        rows.append((label, day, "s" if m.held else "D", "#9467bd" if m.held else "#c5b0d5"))
    for plan in case.plans:
        for a in plan.actions:
            if a.due is None:
                continue
            owner = case.name_of(a.owner, directory) if a.owner is not None else "unassigned"
            text = a.description if len(a.description) <= 40 else a.description[:37] + "…"
            rows.append((f"{text} — {owner}", a.due, "^", _STATUS_COLOURS.get(a.status, "black")))
    review = case.review_due()
    if review is not None:
        rows.append(("next review due", review, "v", "#d62728"))
    if case.closed_at is not None:
        rows.append((f"closed: {case.exit_reason.label if case.exit_reason is not None else ''}",
                     case.closed_at.date(), "X", "black"))
    rows.sort(key=lambda r: r[1])
    for y, (label, day, marker, colour) in enumerate(rows):
        ax.plot([day], [y], marker=marker, color=colour, markersize=9, linestyle="none")
    ax.set_yticks(range(len(rows)), [r[0] for r in rows])
    ax.invert_yaxis()
    first, last = rows[0][1], rows[-1][1]
    pad = datetime.timedelta(days=max(3, (last - first).days // 20))
    ax.set_xlim(first - pad, last + pad)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("date")
    from matplotlib.lines import Line2D

    legend = [Line2D([], [], marker="s", color="#9467bd", linestyle="none", label="meeting held"),
              Line2D([], [], marker="D", color="#c5b0d5", linestyle="none", label="meeting scheduled"),
              Line2D([], [], marker="v", color="#d62728", linestyle="none", label="due")]
    legend += [Line2D([], [], marker="^", color=c, linestyle="none", label=f"action {s.label}")
               for s, c in _STATUS_COLOURS.items()]
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize="small")
    ax.set_title(title or f"{case.referral.family_name} (case {case.id}): {case.state.label}")
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    return fig


def lifecycle_funnel(source, *, directory=None, title: str = "How far cases got"):
    """A horizontal bar per lifecycle stage: how many cases reached it (see sfcore.analysis.funnel)."""
    rows = analysis.funnel(source, directory=directory)
    fig = _figure(7, 3.8)
    ax = fig.subplots()
    names = [r["stage"] for r in rows]
    counts = [r["cases"] for r in rows]
    bars = ax.barh(names, counts, color="#1f77b4")
    ax.invert_yaxis()
    top = max(counts) if counts else 0
    for bar, n in zip(bars, counts):
        share = f" ({n / top:.0%})" if top else ""
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {n}{share}", va="center")
    ax.set_xlim(0, top * 1.25 if top else 1)
    ax.set_xlabel("cases")
    ax.set_title(title)
    return fig


__all__ = ["case_timeline", "lifecycle_funnel"]
