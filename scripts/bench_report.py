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

# Rows of the table: name pattern -> (what it measures, how to read the value). Targets are judged below,
# each by a ratio of two benchmarks of the same run (or, where the issue sets one, an absolute CPU time).
ROWS = [
    (r"BM_entry_hash_floor$", "the floor: hashing one decision's journal entry (SHA-256 over the hash before and its bytes)", "time"),
    (r"BM_entry_encode_and_hash$", "the floor plus the encoding: a decision's entry encoded in the canonical form and hashed", "time"),
    (r"BM_audited_decision/", "audited decision: decide, encode, chain and append the entry", "time"),
    (r"BM_audited_decision_batch/", "audited decisions through decide_many, per decision", "per_decision"),
    (r"BM_check_now/", "decision at the current instant (nothing recorded)", "time"),
    (r"BM_check_after_change/", "the same, right after a new consent and a withdrawal", "time"),
    (r"BM_check_past/records:\d+/", "decision at a past instant", "time"),
    (r"BM_check_large_family/", "decision at the current instant, 80 members and 2,000 records", "time"),
    (r"BM_consent_change/", "recording a consent change (consent, withdrawal or mark): rules, hash, index update", "time"),
    (r"BM_baseline_string_set/", "baseline: std::unordered_set<std::string> of the consent tuples, key built per request", "time"),
    (r"BM_baseline_packed_set/", "baseline: std::unordered_set<uint64_t> of the tuples packed by hand", "time"),
    (r"BM_journal_verify/", "verifying a journal of 100,000 decisions, per entry", "per_entry"),
    (r"BM_check_cpp_call/", "C++ check()", "time"),
    (r"BM_check_c_abi/", "the same through sf_case_check()", "time"),
    (r"BM_decide_shared_case/", "C++ shared_case::decide() (audited)", "time"),
    (r"BM_decide_c_abi/", "the same through sf_case_decide()", "time"),
    (r"BM_apply_event$", "recording a lifecycle event in a 200-entry case: rules, fold, hash, append", "per_event"),
    (r"BM_replay/\d+$", "replaying a journal (chain verified, every entry checked again)", "time"),
    (r"BM_archive_save_load/events:\d+/text:0$", "archive save + load (binary), per entry", "per_event"),
    (r"BM_archive_save_load/events:\d+/text:1$", "archive save + load (text), per entry", "per_event"),
    (r"BM_store_append/durable:0", "store append, one entry a transaction, no sync", "time"),
    (r"BM_store_append/durable:1", "store append, one entry a transaction, synced", "time"),
    (r"BM_store_append_1000_decisions/", "1,000 audited decisions appended to a durable store in one transaction", "time"),
    (r"BM_store_load_1000_entries$", "load a 1,000-entry case from a store and verify it", "time"),
    (r"BM_store_append_at_rest/encrypted:0", "record one entry (a distinct random text) and append it, plain case, no sync", "time"),
    (r"BM_store_append_at_rest/encrypted:1", "the same, encrypted case (the entry sealed as it is recorded)", "time"),
    (r"BM_store_append_at_rest_paired$", "the two interleaved append by append (the same entry, the order alternating): both, per pair", "time"),
    (r"BM_store_load_at_rest/encrypted:0", "load one of 16 cases of 500 entries, drawn at random, plain", "time"),
    (r"BM_store_load_at_rest/encrypted:1", "the same, encrypted (every entry opened)", "time"),
    (r"BM_store_load_at_rest_paired$", "the two loads interleaved load by load (the same case, the order alternating): both, per pair", "time"),
    (r"BM_entry_open/encrypted:0", "read one stored entry back from its bytes, drawn at random from 500, plain", "time"),
    (r"BM_entry_open/encrypted:1", "the same, sealed: opened with AES-256-GCM, its tag checked", "time"),
    (r"BM_entry_open/encrypted:2", "the same, sealed with XChaCha20-Poly1305 (the cipher of cases opened before AES-256-GCM)", "time"),
    (r"BM_access_response$", "an access response for one of 8 persons, drawn at random, each in 3 encrypted cases of 500 entries", "time"),
    (r"BM_store_open_and_load_one/cases:\d+", "open a store and load one case", "time"),
    (r"BM_store_load_one/cases:\d+", "load one case from an open store", "time"),
    (r"BM_store_load_all/cases:\d+", "load every case of a store in one pass, per case", "per_case"),
    (r"BM_backend_appends/postgresql:0/", "SQLite store: durable appends, one entry a transaction, writers on their own cases (time per round of 25 each)", "time"),
    (r"BM_backend_appends/postgresql:1/", "PostgreSQL store: the same", "time"),
    (r"BM_backend_open_and_load_one/postgresql:0/", "SQLite store of 100,000 cases: open it and load one case (median of the loads)", "time"),
    (r"BM_backend_open_and_load_one/postgresql:1/", "PostgreSQL store of 100,000 cases: connect and load one case", "time"),
    (r"BM_backend_load_one/postgresql:0/", "SQLite store of 100,000 cases: load one case (open store)", "time"),
    (r"BM_backend_load_one/postgresql:1/", "PostgreSQL store of 100,000 cases: load one case (open connection)", "time"),
    (r"BM_backend_load_all/postgresql:0/", "SQLite store of 100,000 cases: every case in one pass, per case", "per_case"),
    (r"BM_backend_load_all/postgresql:1/", "PostgreSQL store of 100,000 cases: the same", "per_case"),
    (r"PY_decision_check_keywords$", "Case.check() from Python, keywords, distinct requests", "time"),
    (r"PY_decision_check_positional$", "the same, positional", "time"),
    (r"PY_decide_many$", "Case.decide_many() from Python, per decision (1,000,000 distinct requests, each recorded)", "time"),
    (r"PY_decide_many_first_run$", "the same, its first run in the process: the journal's million new entries in memory the process did not have before (page faults)", "time"),
    (r"PY_check_many$", "Case.check_many() from Python, per decision (1,000,000 distinct requests)", "time"),
    (r"PY_dataframe_cases/100000/real_time$", "a store of 100,000 cases into a pandas DataFrame (the cases table; the store read on a second thread)", "time"),
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

    def value_of(b, read):
        if read == "time":  # CPU time, but wall time for a benchmark that waits (on the disk) by design
            return ns(b["real_time" if b["run_name"].endswith("/real_time") else "cpu_time"], b["time_unit"])
        return b[read] * 1e9  # an inverted rate counter: seconds per item

    def cpu(name_prefix, read="time"):
        for name, b in medians.items():
            if name == name_prefix or name.startswith(name_prefix + "/"):
                return value_of(b, read)
        return None

    rows = []
    for name, b in medians.items():
        for pattern, what, read in ROWS:
            if re.search(pattern, name):
                rows.append((name, what, fmt(value_of(b, read))))
                break
    ctx = data["context"]
    out = [
        "# Performance {#performance}",
        "",
        "[TOC]",
        "",
        "Written by `make bench` (`scripts/bench_report.py` over `build-bench/bench.json` and "
        "`build-bench/python-bench.json`): the median of 5 repetitions of each benchmark, in **CPU time**, on a "
        f"{ctx.get('num_cpus', '?')}-CPU {platform.machine()} machine, {date.today().isoformat()}. Reproduce with "
        "`make bench` (a benchmark named `…/real_time` is given in wall time: it waits for the disk by design, or runs "
        "on two threads). "
        "Every decision benchmark draws each request once from a stream of 1,000,000 distinct random "
        "requests (a different member, recipient, category, purpose and instant each time) over the reference "
        "family — 20 members × 15 recipients (12 agencies, 3 named practitioners) × 30 categories (13 built in, 17 of "
        "the case's own) × 2 purposes, 150 consent records (`bench/family.hpp`); the Python benchmarks use distinct "
        "request objects over the same family. The benchmark process keeps the memory it frees, as a long-running "
        "host's heap does, so the median is the steady state, not a fresh process's first page faults.",
        "",
        "## Targets",
        "",
        "Each target is judged by a ratio of two benchmarks measured in the same run (so load on the machine does "
        "not flip a verdict), or — where one is set for this machine kind — by CPU time.",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]

    notes = []  # paragraphs after the targets' table

    def counter(prefix, key):
        for name, b in medians.items():
            if name.startswith(prefix) and key in b:
                return b[key]
        return None

    def judge(text, value, limit, shown):
        if value is None:
            return
        out.append(f"| {text} | {shown} | {'met' if value <= limit else '**not met**'} |")

    floor, audited = cpu("BM_entry_hash_floor"), cpu("BM_audited_decision")
    if floor and audited:
        judge("audited decision ≤ 1.5× the entry-hash floor", audited / floor, 1.5,
              f"{audited / floor:.2f}× ({fmt(audited)} against {fmt(floor)})")
        judge("audited decision below 250 ns (CPU time)", audited, 250, fmt(audited))
        encoded = cpu("BM_entry_encode_and_hash")
        decided = cpu("BM_check_now")
        if encoded and decided:
            parts = (f"Where an audited decision's {fmt(audited)} go, from benchmarks of the same run: hashing its entry "
                     f"{fmt(floor)} (`BM_entry_hash_floor`), encoding it {fmt(encoded - floor)} "
                     f"(`BM_entry_encode_and_hash` less the floor), checking and deciding the request {fmt(decided)} "
                     f"(`BM_check_now`), and {fmt(max(audited - encoded - decided, 0))} for the rest: reading the clock "
                     "and appending the entry to the journal.")
    now, after = cpu("BM_check_now"), cpu("BM_check_after_change")
    if now:
        judge("a decision at the current instant ≤ 50 ns", now, 50, fmt(now))
    if audited:
        judge("an audited decision (journal append in memory) ≤ 1 µs", audited, 1000, fmt(audited))
    durable = next((b for n, b in medians.items() if n.startswith("BM_store_append_1000_decisions/")), None)
    if durable:
        v = ns(durable["real_time"], durable["time_unit"])
        judge("1,000 audited decisions appended durably in one transaction ≤ 20 ms (wall time: it waits for the disk)",
              v, 20e6, fmt(v))
    load = cpu("BM_store_load_1000_entries")
    if load:
        judge("load and verify a 1,000-entry journal ≤ 1 ms", load, 1e6, fmt(load))
    for what, name in (("append", "BM_store_append_at_rest"), ("load", "BM_store_load_at_rest")):
        plain, sealed = cpu(f"{name}/encrypted:0"), cpu(f"{name}/encrypted:1")
        paired = counter(f"{name}_paired", "ratio")
        if paired:  # the two interleaved one by one: the machine's load cannot fall on one of them only
            plain, sealed = counter(f"{name}_paired", "plain_us") * 1e3, counter(f"{name}_paired", "encrypted_us") * 1e3
            judge(f"encryption at rest: {what} ≤ 1.3× the plain store's", paired, 1.3,
                  f"{paired:.2f}× ({fmt(plain)} → {fmt(sealed)}, interleaved {what} by {what}: `{name}_paired`)")
        elif plain and sealed:
            judge(f"encryption at rest: {what} ≤ 1.3× the plain store's", sealed / plain, 1.3,
                  f"{sealed / plain:.2f}× ({fmt(plain)} → {fmt(sealed)})")
    opened, decoded = cpu("BM_entry_open/encrypted:1"), cpu("BM_entry_open/encrypted:0")
    loaded = cpu("BM_store_load_at_rest/encrypted:0")
    if opened and decoded and loaded:
        parts_load = (f"Why an encrypted load costs what it does, from the same run: opening one sealed entry costs "
                      f"{fmt(opened - decoded)} more than decoding a plain one (`BM_entry_open`), against "
                      f"{fmt(loaded / 500)} for everything a plain load does per entry (`BM_store_load_at_rest` / 500), so "
                      f"the cipher alone puts the floor of an encrypted load at "
                      f"{(loaded + 500 * (opened - decoded)) / loaded:.2f}× the plain one.")
        xchacha = cpu("BM_entry_open/encrypted:2")
        if xchacha:
            parts_load += (f" With XChaCha20-Poly1305, the cipher of cases opened before AES-256-GCM, opening costs "
                           f"{fmt(xchacha - decoded)} more, a floor of {(loaded + 500 * (xchacha - decoded)) / loaded:.2f}×.")
        notes.append(parts_load)
    access = cpu("BM_access_response")
    if access:
        judge("an access response for a person in 3 cases of 500 entries ≤ 10 ms", access, 10e6, fmt(access))
    if now and after:
        judge("decision right after a consent change ≤ 2× a decision with nothing changed", after / now, 2,
              f"{after / now:.2f}× ({fmt(after)} against {fmt(now)}); nothing is prepared: every decision is an index lookup")
    change = cpu("BM_consent_change")
    if change:
        judge("a consent change recorded (index updated) ≤ 5 µs", change, 5000, fmt(change))
    past = {n: cpu(f"BM_check_past/records:{n}") for n in (10, 150, 1000, 10000)}
    if past[1000]:
        judge("decision at a past instant ≤ 100 ns at 1,000 records", past[1000], 100, fmt(past[1000]))
    if past[10] and past[10000]:
        judge("decision at a past instant ≤ 2× from 10 to 10,000 records", past[10000] / past[10], 2,
              f"{past[10000] / past[10]:.2f}× ({fmt(past[10])} → {fmt(past[10000])})")
    cpp, cabi = cpu("BM_check_cpp_call"), cpu("BM_check_c_abi")
    if cpp and cabi:
        judge("the C ABI adds ≤ 50 ns to a decision", cabi - cpp, 50, f"{cabi - cpp:.1f} ns ({fmt(cpp)} → {fmt(cabi)})")
    pycheck, pydecide = cpu("PY_check_many"), cpu("PY_decide_many")
    if pycheck:
        judge("Python check_many over distinct requests ≤ 60 ns a decision", pycheck, 60, fmt(pycheck))
    if pydecide:
        judge("Python decide_many ≥ 2,000,000 audited decisions a second (≤ 500 ns)", pydecide, 500,
              f"{fmt(pydecide)} ({1e9 / pydecide:,.0f} a second)")
    pykw = cpu("PY_decision_check_keywords")
    if cpp and pykw:
        judge("Python adds ≤ 1 µs to a decision called with keywords", pykw - cpp, 1000, f"{fmt(pykw - cpp)}")
    frame = cpu("PY_dataframe_cases/100000/real_time")
    if frame:
        judge("a 100,000-case store into a DataFrame ≤ 2 s (wall time: the store is read on a second thread)",
              frame, 2e9, fmt(frame))
    appends = {(pg, n): counter(f"BM_backend_appends/postgresql:{pg}/writers:{n}/", "appends_per_s")
               for pg in (0, 1) for n in (1, 4, 16)}
    if appends[(1, 1)] and appends[(1, 16)]:
        judge("PostgreSQL store, 16 durable writers ≥ 2× its single writer's appends a second (wall time)",
              -appends[(1, 16)] / appends[(1, 1)], -2,
              f"{appends[(1, 16)] / appends[(1, 1)]:.2f}× ({appends[(1, 1)]:,.0f} → {appends[(1, 16)]:,.0f} a second)")
    if appends[(0, 16)] and appends[(1, 16)]:
        judge("PostgreSQL store, 16 durable writers: more appends a second than the SQLite store's 16",
              -appends[(1, 16)] / appends[(0, 16)], -1,
              f"{appends[(1, 16)] / appends[(0, 16)]:.2f}× ({appends[(0, 16)]:,.0f} → {appends[(1, 16)]:,.0f} a second)")
    pg_p99 = counter("BM_backend_load_one/postgresql:1/", "p99_ms")
    if pg_p99 is not None:
        judge("PostgreSQL store of 100,000 cases: one case loaded in ≤ 2 ms at the 99th percentile (wall time)",
              pg_p99, 2, f"{pg_p99:.2f} ms")
    if floor and audited and cpu("BM_entry_encode_and_hash") and cpu("BM_check_now"):
        out += ["", parts]
    for note in notes:
        out += ["", note]
    if any(appends.values()):
        out += ["", "### The store's two backends, side by side", "",
                "Both durable (SQLite: `synchronous=FULL`; PostgreSQL 15 from Debian, default settings, on the same "
                "machine over a Unix socket). Writers are threads, each with its own connection, appending one entry "
                "a transaction to its own case. Loads are timed one by one; wall time.", "",
                "| | SQLite | PostgreSQL |", "|---|---|---|"]
        for n in (1, 4, 16):
            a, b = appends[(0, n)], appends[(1, n)]
            out.append(f"| appends a second, {n} writer{'s' if n > 1 else ''} | "
                       f"{f'{a:,.0f}' if a else '—'} | {f'{b:,.0f}' if b else '—'} |")
        for label, prefix in (("open the store and load one case", "BM_backend_open_and_load_one"),
                              ("load one case (store open)", "BM_backend_load_one")):
            for q in ("p50_ms", "p99_ms"):
                a, b = counter(f"{prefix}/postgresql:0/", q), counter(f"{prefix}/postgresql:1/", q)
                out.append(f"| {label}, 100,000 cases, {q[:3]} | {f'{a:.3f} ms' if a is not None else '—'} | "
                           f"{f'{b:.3f} ms' if b is not None else '—'} |")
        a, b = counter("BM_backend_load_all/postgresql:0/", "per_case"), counter("BM_backend_load_all/postgresql:1/", "per_case")
        out.append(f"| every case in one pass, per case, 100,000 cases | {fmt(a * 1e9) if a else '—'} | "
                   f"{fmt(b * 1e9) if b else '—'} |")
    sset, packed = cpu("BM_baseline_string_set"), cpu("BM_baseline_packed_set")
    if now and sset and packed:
        out += ["", f"A decision at the current instant takes {now / sset:.2f}× a `std::unordered_set<std::string>` "
                    f"lookup of the same (subject, recipient, category, purpose) tuples and {now / packed:.2f}× a "
                    "lookup with the tuple packed by hand into 64 bits — and unlike either, it knows time, "
                    "withdrawals, confidentiality, necessity and the combination rule."]
    out += ["", "## Every benchmark", "", "| benchmark | what it measures | median (CPU) |", "|---|---|---|"]
    out += [f"| `{n}` | {w} | {v} |" for n, w, v in rows]

    import os
    svg = os.path.join(os.path.dirname(dst) or ".", "scaling.svg")
    curve_past = [(n, past[n]) for n in (10, 150, 1000, 10000) if past[n]]
    replay = []
    for n in (20, 200, 2000):
        v = cpu(f"BM_replay/{n}")
        if v:
            replay.append((n, v / n))
    scaling_svg([
        ("records", "decision at a past instant", "#1b6ca8", curve_past),
        ("events", "replay, per entry", "#27ae60", replay),
    ], svg)
    out += ["", "## Scaling", "", "![A decision at a past instant, and a replayed entry, as the case grows](scaling.svg)", ""]
    out += [
        "Notes:",
        "- Decisions need no preparation: the case folds each consent, withdrawal, mark and necessity change into an "
        "index of intervals as the entry is appended (`BM_consent_change`), so a decision at any instant — now, past "
        "or future — is a few lookups and a search of one short list.",
        "- Every entry of a case's journal is hashed as it is appended, so recording any fact costs at least the "
        "entry-hash floor; `BM_entry_hash_floor` measures it in the same run (SHA-256 with the x86 SHA extensions "
        "where the CPU has them).",
        "",
    ]
    open(dst, "w").write("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
