#!/usr/bin/env python3
"""Python benchmarks (make bench): the cost of a decision from Python, bulk decisions, and an analyst's
DataFrame of a 100,000-case store.

Writes Google Benchmark's JSON form (a median over repetitions per benchmark), so
scripts/bench_report.py reads it beside the C++ results:

    PYTHONPATH=build-bench/python python3 bench/python_bench.py OUT.json
"""

import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from zoneinfo import ZoneInfo

import sfcore
from sfcore import analysis, sample

NZ = ZoneInfo("Pacific/Auckland")
REPETITIONS = 5


def family_ledger():
    """A family's prepared ledger: the sample family, consents to the agencies in the room."""
    d = sample.directory()
    f = sample.family_case(d, 1, "preparing", seed=3)
    led = sample.family_ledger(f, seed=3)
    at = f.clock.tick()
    led.prepare(at.date())
    adult = f.case.members[0].id
    # A request the family consented to: what a worker asks most of the day.
    for recipient in (p for p in f.case.approved if p.kind == sfcore.PartyKind.AGENCY):
        for category in led.necessary_at(at):
            kw = dict(discloser=sfcore.Party.agency(d.find("Ministry of Education")), subjects=adult,
                      category=category, recipient=recipient, purpose=sfcore.Purpose.MEETING, at=at)
            if led.check(**kw):
                return led, kw
    raise RuntimeError("the sample family consented to nothing")


def per_call(fn, calls):
    start = time.perf_counter()
    fn(calls)
    return (time.perf_counter() - start) / calls


def record(results, name, samples, unit="ns", scale=1e9, **counters):
    value = statistics.median(samples) * scale
    results.append({"name": f"{name}_median", "run_name": name, "run_type": "aggregate", "aggregate_name": "median",
                    "repetitions": len(samples), "real_time": value, "cpu_time": value, "time_unit": unit,
                    **counters})
    print(f"{name:<40} {value:12.1f} {unit}", flush=True)


def bench_single(results):
    led, kw = family_ledger()
    assert led.prepared_for(kw["at"])

    def keywords(n):
        check = led.check
        for _ in range(n):
            check(**kw)

    args = list(kw.values())

    def positional(n):
        check = led.check
        for _ in range(n):
            check(*args)

    def empty(n):  # the loop alone, taken off the figures above
        for _ in range(n):
            pass

    loop = [per_call(empty, 1_000_000) for _ in range(REPETITIONS)]
    base = statistics.median(loop)
    record(results, "PY_decision_check_keywords", [per_call(keywords, 300_000) - base for _ in range(REPETITIONS)])
    record(results, "PY_decision_check_positional", [per_call(positional, 300_000) - base for _ in range(REPETITIONS)])


def bench_bulk(results):
    led, kw = family_ledger()
    request = sfcore.Request(**kw)
    requests = [request] * 1_000_000
    bulk = []
    for _ in range(REPETITIONS):  # one log, growing to millions of entries
        start = time.perf_counter()
        batch = led.decide_many(requests, actor="bulk")
        bulk.append((time.perf_counter() - start) / len(requests))
        assert len(batch) == len(requests) and batch.permitted == len(requests)
    record(results, "PY_decide_many", bulk, per_decision=statistics.median(bulk))
    checks = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        led.check_many(requests)
        checks.append((time.perf_counter() - start) / len(requests))
    record(results, "PY_check_many", checks, per_decision=statistics.median(checks))
    assert led.audit.verify()


def big_store(path, cases):
    """A store of `cases` cases: the sample caseload's journals under new ids (one transaction per case)."""
    d, families, _ = sample.caseload(250, seed=4)
    journals = [f.case.journal for f in families]
    with sfcore.Store(path, durable=False) as store:
        store.put_directory(d)
        for i in range(cases):
            store.append(sfcore.Case.replay(i + 1, journals[i % len(journals)]), 0)
    return d


def bench_frame(results, cases=100_000):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "region.db")
        started = time.perf_counter()
        big_store(path, cases)
        print(f"(made a store of {cases:,} cases in {time.perf_counter() - started:.1f} s)", flush=True)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            with sfcore.Store(path) as store:
                frame = analysis.frame("cases", store)
            times.append(time.perf_counter() - start)
            assert len(frame) == cases
        record(results, "PY_dataframe_cases/100000", times, unit="ms", scale=1e3)


def main(out):
    results = []
    bench_single(results)
    bench_bulk(results)
    try:
        import pandas  # noqa: F401
        bench_frame(results)
    except ImportError:
        print("(pandas is not installed: no DataFrame benchmark)")
    context = {"date": datetime.datetime.now(NZ).isoformat(), "library": "sfcore " + sfcore.__version__,
               "executable": sys.executable, "num_cpus": os.cpu_count()}
    with open(out, "w") as f:
        json.dump({"context": context, "benchmarks": results}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
