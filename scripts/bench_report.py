#!/usr/bin/env python3
"""Write docs/performance.md from a Google Benchmark JSON file (make bench).

Each row gives the median over the repetitions, the target the issues set
(where one applies) and whether it is met, on the machine that ran it.
Debian's Google Benchmark is a debug build; the library itself is built
with optimisation (CMAKE_BUILD_TYPE=Release).
"""

import json
import platform
import re
import sys
from datetime import date

# name pattern -> (what it measures, how to read the value, target in ns or None, note)
TARGETS = [
    (r"BM_apply_event/reserve:1$", "apply an event to a 200-event case (journal has room)", "per_event", 100, "≤ 100 ns median"),
    (r"BM_apply_event/reserve:0$", "apply an event, journal growing", "per_event", None, "growth cost, no target"),
    (r"BM_replay/200$", "replay a 200-event case", "time", 50_000, "≤ 50 µs"),
    (r"BM_replay/(20|2000)$", "replay a case", "time", None, "scaling"),
    (r"BM_decision_now/10$", "decision at the current instant, 10 consent records", "time", 50, "≤ 50 ns, no allocation"),
    (r"BM_decision_now/(150|1000|10000)$", "decision at the current instant", "time", 50, "≤ 50 ns; ≤ 3x from 10 to 10,000 records"),
    (r"BM_unordered_set_baseline/150$", "std::unordered_set lookup, packed 64-bit key", "time", None, "baseline"),
    (r"BM_unordered_set_tuple_baseline/150$", "std::unordered_set lookup, tuple key", "time", None, "baseline"),
    (r"BM_decision_with_audit/growing_log:0$", "decision + audit append, a family's log", "per_decision", 2_000, "≤ 2 µs"),
    (r"BM_decision_with_audit/growing_log:1$", "decision + audit append, one log of millions", "time", 2_000, "≤ 2 µs"),
    (r"BM_decision_from_history/\d+$", "decision answered from history (not prepared)", "time", None, "slow path"),
    (r"BM_decision_by_family_size/members:\d+$", "decision at the current instant, by family size", "time", 50, "≤ 50 ns"),
    (r"BM_audit_verify/entries:\d+$", "audit log verification, per entry", "per_entry", None, "no target"),
    (r"BM_decision_past$", "decision at a past instant (time travel)", "time", 1_000, "≤ 1 µs"),
    (r"BM_archive_save_load/events:\d+/text:0$", "archive save + load (binary), per event", "per_event", 1_000, "≤ 1 µs (≥ 1,000,000 events/s)"),
    (r"BM_archive_save_load/events:\d+/text:1$", "archive save + load (text), per event", "per_event", None, "for inspection, no target"),
    (r"BM_archive_save_load/events:\d+/text:0$", "binary archive size per event", "bytes:bytes_per_event", 128, "≤ 128 bytes"),
    (r"BM_store_append/durable:0", "store append, one event a transaction, no sync", "time", None, "no target"),
    (r"BM_store_append/durable:1", "store append, one event a transaction, synced", "time", None, "no target"),
    (r"BM_store_open_and_load_one/cases:100000", "open a store of 100,000 cases and load one", "time", 1_000_000, "≤ 1 ms"),
    (r"BM_store_open_and_load_one/cases:(1000|10000)/", "open a store and load one case", "time", None, "scaling"),
    (r"BM_store_load_one/cases:\d+", "load one case from an open store", "time", None, "no target"),
    (r"BM_store_load_all/cases:\d+", "load every case of a store in one pass, per case", "per_case", None, "no target"),
    (r"BM_reference_decider/\d+$", "the naive reference decider (lists walked per request)", "time", None, "baseline"),
    (r"BM_decision_cpp_call$", "a prepared decision, C++ call", "time", None, "baseline for the C ABI"),
    (r"BM_decision_c_abi$", "the same decision through the C ABI (sf_ledger_check)", "time", None, "see below"),
    (r"PY_decision_check_keywords$", "the same decision from Python, with keywords (ledger.check)", "time", None, "see below"),
    (r"PY_decision_check_positional$", "the same decision from Python, positional", "time", None, "see below"),
    (r"PY_decide_many$", "bulk decide from Python, per decision (1,000,000 requests, each audited)", "time", 500,
     "≤ 500 ns (≥ 2,000,000/s)"),
    (r"PY_check_many$", "bulk check from Python, per decision (not audited)", "time", None, "no target"),
    (r"PY_dataframe_cases/100000$", "a store of 100,000 cases into a pandas DataFrame (the cases table)", "time",
     2_000_000_000, "≤ 2 s"),
]


def ns(value, unit):
    return value * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


def fmt(v):
    if v >= 1e6:
        return f"{v / 1e6:.2f} ms"
    if v >= 1e3:
        return f"{v / 1e3:.2f} µs"
    return f"{v:.1f} ns"


def scaling_svg(series, path):
    """A two-panel log-log chart: each series is (panel, label, colour, [(x, ns)])."""
    import math
    W, H, M = 360, 240, 46
    panels = {"records": "consent records", "events": "events in the case"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{2 * W}" height="{H}" fill="white"/>']
    for i, (panel, xlabel) in enumerate(panels.items()):
        ox = i * W
        pts = [p for s in series if s[0] == panel for p in s[3]]
        if not pts:
            continue
        xs = [math.log10(x) for x, _ in pts]
        ys = [math.log10(y) for _, y in pts]
        x0, x1 = min(xs), max(xs) or 1
        y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
        if y1 == y0:
            y1 += 1
        fx = lambda v: ox + M + (math.log10(v) - x0) / ((x1 - x0) or 1) * (W - 2 * M + 10)
        fy = lambda v: H - M + 10 - (math.log10(v) - y0) / (y1 - y0) * (H - 2 * M)
        out.append(f'<line x1="{ox + M}" y1="{H - M + 10}" x2="{ox + W - M + 10}" y2="{H - M + 10}" stroke="black"/>')
        out.append(f'<line x1="{ox + M}" y1="{M - 10}" x2="{ox + M}" y2="{H - M + 10}" stroke="black"/>')
        for e in range(y0, y1 + 1):
            y = fy(10 ** e)
            label = fmt(10 ** e).replace(".0 ", " ").replace(".00 ", " ")
            out.append(f'<line x1="{ox + M - 3}" y1="{y:.1f}" x2="{ox + W - M + 10}" y2="{y:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{ox + M - 5}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
        for x in sorted({x for x, _ in pts}):
            out.append(f'<text x="{fx(x):.1f}" y="{H - M + 24}" text-anchor="middle">{x:,}</text>')
        out.append(f'<text x="{ox + W / 2}" y="{H - 8}" text-anchor="middle">{xlabel} (log scale)</text>')
        n = 0
        for sp, label, colour, data in series:
            if sp != panel or not data:
                continue
            path_d = " ".join(f"{'M' if j == 0 else 'L'}{fx(x):.1f},{fy(y):.1f}" for j, (x, y) in enumerate(data))
            out.append(f'<path d="{path_d}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for x, y in data:
                out.append(f'<circle cx="{fx(x):.1f}" cy="{fy(y):.1f}" r="3" fill="{colour}"/>')
            out.append(f'<text x="{ox + M + 8}" y="{M - 14 + 13 * n}" fill="{colour}">{label}</text>')
            n += 1
    out.append("</svg>")
    open(path, "w").write("\n".join(out) + "\n")


def main(src, dst, *more):
    data = json.load(open(src))
    for extra in more:  # the Python benchmarks, in the same form
        data["benchmarks"] += json.load(open(extra))["benchmarks"]
    medians = {b["run_name"]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
    rows = []
    for name, b in medians.items():
        for pattern, what, read, target, note in TARGETS:
            if not re.search(pattern, name):
                continue
            if read == "time":
                value = ns(b["real_time"], b["time_unit"])
                shown = fmt(value)
            elif read.startswith("bytes:"):
                value = b[read[len("bytes:"):]]
                shown = f"{value:.1f} bytes"
            else:
                value = b[read] * 1e9  # an inverted rate counter: seconds per item
                shown = fmt(value)
            met = "" if target is None else ("met" if value <= target else "**not met**")
            rows.append((name, what, shown, note, met))
    ctx = data["context"]
    out = [
        "# Performance {#performance}",
        "",
        "Written by `make bench` (`scripts/bench_report.py` over `build-bench/bench.json`): the median of "
        f"5 repetitions of each benchmark on a {ctx.get('num_cpus', '?')}-CPU {platform.machine()} machine, "
        f"{date.today().isoformat()}. Reproduce with `make bench`.",
        "",
        "| benchmark | what it measures | median | target | |",
        "|---|---|---|---|---|",
    ]
    out += [f"| `{n}` | {w} | {v} | {t} | {m} |" for n, w, v, t, m in rows]
    def median_ns(name):
        b = medians.get(name)
        return ns(b["real_time"], b["time_unit"]) if b else None

    decision, packed, plain = (median_ns(n) for n in ("BM_decision_now/150", "BM_unordered_set_baseline/150",
                                                       "BM_unordered_set_tuple_baseline/150"))
    if decision and packed and plain:
        ok = "met" if decision <= plain / 2 else "**not met**"
        out += ["", f"A decision takes {decision / plain:.2f}x a plain `std::unordered_set` lookup of the same "
                    f"(subject, recipient, category, purpose) tuples; the target is at most 0.5x: {ok}. "
                    f"Against a set of the tuples packed by hand into one 64-bit key it takes {decision / packed:.2f}x."]
    def curve(prefix, xs, per=False):
        pts = []
        for x in xs:
            v = median_ns(f"{prefix}/{x}")
            if v:
                pts.append((x, v / x if per else v))
        return pts
    import os
    svg = os.path.join(os.path.dirname(dst) or ".", "scaling.svg")
    scaling_svg([
        ("records", "decision, prepared day", "#1b6ca8", curve("BM_decision_now", [10, 150, 1000, 10000])),
        ("records", "decision from history", "#c0392b", curve("BM_decision_from_history", [10, 150, 1000])),
        ("records", "naive reference decider", "#7f7f7f", curve("BM_reference_decider", [10, 150, 1000, 10000])),
        ("events", "replay, per event", "#27ae60", curve("BM_replay", [20, 200, 2000], per=True)),
    ], svg)
    dn = curve("BM_decision_now", [10, 10000])
    rp = curve("BM_replay", [20, 200, 2000], per=True)
    out += ["", "## Scaling", "", "![How a decision and a replayed event cost as the case grows](scaling.svg)", ""]
    if len(dn) == 2:
        out.append(f"- A decision at the current instant costs {dn[1][1] / dn[0][1]:.2f}x as much with 10,000 consent "
                   f"records as with 10 (target: at most 3x).")
    if len(rp) == 3:
        out.append(f"- Replaying costs {fmt(rp[0][1])}, {fmt(rp[1][1])} and {fmt(rp[2][1])} an event for 20, 200 and "
                   f"2,000 events: at most linear in the number of events (the per-event cost does not grow).")
    cpp, cabi = median_ns("BM_decision_cpp_call"), median_ns("BM_decision_c_abi")
    if cpp and cabi:
        ok = "met" if cabi - cpp <= 50 else "**not met**"
        out += ["", f"The C ABI adds {cabi - cpp:.1f} ns to a decision (C++ {fmt(cpp)}, C {fmt(cabi)}); "
                    f"the target is at most 50 ns: {ok}."]
    pykw, pypos = median_ns("PY_decision_check_keywords"), median_ns("PY_decision_check_positional")
    if cpp and pykw:
        ok = "met" if pykw - cpp <= 1000 else "**not met**"
        out += ["", f"Python adds {fmt(pykw - cpp)} to a decision called with keywords"
                    + (f" ({fmt(pypos - cpp)} positional)" if pypos else "")
                    + f" (C++ {fmt(cpp)}); the target is at most 1 µs: {ok}. The Python figures are from "
                      "`bench/python_bench.py`, with the cost of the Python loop itself taken off."]
    naive, fast = median_ns("BM_reference_decider/10000"), median_ns("BM_decision_now/10000")
    if naive and fast:
        out += ["", f"Against the naive reference decider of the differential test, a decision at 10,000 consent "
                    f"records is {naive / fast:,.0f}x faster ({fmt(fast)} against {fmt(naive)})."]
    out += [
        "",
        "Notes:",
        "- A decision at the current instant is answered from the decision table `prepare()` compiles for the day; "
        "a valid request about one person is one lookup in that table, and its cost does not grow with the number of consent records. Decisions outside the prepared day are answered "
        "from history (`BM_decision_from_history`).",
        "- Applying an event costs more when the journal must grow: reserve room with `case_file::reserve()` when "
        "the number of events to append is known.",
        "",
    ]
    open(dst, "w").write("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
