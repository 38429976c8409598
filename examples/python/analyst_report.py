"""An analyst's report on a store: the tutorial for Local Management Groups and regional offices.

    python examples/python/analyst_report.py [OUTPUT_DIR]

It fills a store with a sample caseload (sfcore.sample: made-up families,
never real ones), then reads it back as an analyst would: the cases table,
timeliness against the 15-working-day target, what is overdue, exits by
reason and programme, decisions by basis and service gaps — by coordinator
and by region — and draws a case timeline and the lifecycle funnel as PNG
files in OUTPUT_DIR (a temporary folder by default). pandas and matplotlib
are used when installed (python3-pandas, python3-matplotlib).
"""

import datetime
import sys
import tempfile
from pathlib import Path

import sfcore
from sfcore import analysis, sample

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
out.mkdir(parents=True, exist_ok=True)

# A region's store: 400 cases (each journal holds its consents, decisions and sharings) and the agency directory.
directory, families = sample.caseload(400, seed=7)
store_path = out / "region.db"
if store_path.exists():  # a new store: the report never replaces a file
    sys.exit(f"{store_path} exists: the report writes a new store and never replaces a file; remove it or name another")
with sfcore.Store(str(store_path), durable=False) as store:
    store.put_directory(directory)
    for family in families:
        store.append(family.case, 0)

with sfcore.Store(str(store_path)) as store:
    print(f"Analyst | {store!r}")
    cases = analysis.records("cases", store)
    open_cases = [c for c in cases if c["state"] not in ("closed", "declined")]
    print(f"Analyst | {len(cases)} cases, {len(open_cases)} open")

    print("Analyst | referral to initial meeting, by coordinator (target 15 working days):")
    for row in analysis.timeliness(store, by="coordinator"):
        if row["initial_meetings"]:
            print(f"Analyst |   {row['group']:<14} {row['on_time']:>3}/{row['initial_meetings']:<3} on time "
                  f"({row['on_time_share']:.0%}), median {row['median_working_days']} working days")

    # A region is not part of a case: map what the case knows (here the coordinator) to it.
    region = {"Mere Tipene": "Tāmaki Makaurau", "Sione Fifita": "Tāmaki Makaurau", "Anna Clarke": "Waikato"}
    by_region = lambda case: region.get(case["coordinator"], "unassigned")  # noqa: E731
    as_of = datetime.date(2026, 9, 1)
    print(f"Analyst | overdue on {as_of}, by region:")
    for row in analysis.overdue(store, as_of, by=by_region):
        print(f"Analyst |   {row['group']:<16} {row['cases']:>3} cases: {row['initial_meetings']} initial meetings, "
              f"{row['reviews']} reviews, {row['actions']} actions")

    print("Analyst | exits by programme and reason:")
    for row in analysis.exits(store):
        print(f"Analyst |   {row['programme']:<24} {row['exit_reason']:<18} {row['cases']:>3} ({row['share']:.0%})")

    print("Analyst | disclosures by basis:")
    for row in analysis.decisions_by_basis(store):
        print(f"Analyst |   {row['kind']:<24} {row['basis']:<20} {row['count']:>4}")

    print("Analyst | service gaps (needs no agency's action addresses), by region:")
    for row in analysis.service_gaps(store, by=by_region)[:6]:
        print(f"Analyst |   {row['group']:<16} {row['need']:<18} {row['families']:>3} families")

    try:
        frame = analysis.frame("cases", store)
        frame.to_csv(out / "cases.csv", index=False)
        print(f"Analyst | the cases table as a DataFrame: {frame.shape[0]} rows x {frame.shape[1]} columns "
              f"-> {out / 'cases.csv'}")
    except ImportError as e:
        print(f"Analyst | (no DataFrame: {e})")

    try:
        from sfcore import plots

        longest = max(store.cases(state=sfcore.State.CLOSED), key=lambda c: len(c.journal))
        plots.case_timeline(longest, store.directory()).savefig(out / "timeline.png")
        plots.lifecycle_funnel(store).savefig(out / "funnel.png")
        print(f"Analyst | wrote {out / 'timeline.png'} and {out / 'funnel.png'}")
    except ImportError as e:
        print(f"Analyst | (no plots: {e})")
