#!/usr/bin/env python3
"""Python benchmarks (make bench): the cost of a decision from Python, bulk decisions, and an analyst's
DataFrame of a 100,000-case store. Every decision benchmark draws from distinct random requests over the
reference family of the C++ benchmarks (bench/family.hpp).

Writes Google Benchmark's JSON form (a median over repetitions per benchmark), so
scripts/bench_report.py reads it beside the C++ results:

    PYTHONPATH=build-bench/python python3 bench/python_bench.py OUT.json
"""

import copy
import ctypes
import datetime
import json
import os
import random
import statistics
import sys
import tempfile
import time
from zoneinfo import ZoneInfo

import sfcore
from sfcore import analysis, sample

NZ = ZoneInfo("Pacific/Auckland")
REPETITIONS = 5


def reference_case():
    """The reference family of the C++ benchmarks, from Python: 20 members, 15 recipients (12 agencies, 3 named
    practitioners), 30 categories (13 built in, 17 of the case's own), 2 purposes, 150 consents to share."""
    rng = random.Random(7)
    d = sample.directory()
    f = sample.family_case(d, 1, "awaiting_consent", seed=3)
    for i in range(len(f.case.members), 20):
        f.record(sfcore.MemberAdded(member=sfcore.Member(name=f"Rangatahi {i}", role=sfcore.MemberRole.YOUNG_PERSON,
                                                         born=datetime.date(2006, 1, 1))))
    recipients = [sfcore.Recipient(agency_id=a) for a in range(1, 13)]
    recipients += [d.practitioner(p.id) for p in d.practitioners[3:6]]
    i = 0
    while len(f.case.categories) < 30:
        f.record(sfcore.CategoryRegistered(name=f"regional_{i}", label="regional category"))
        i += 1
    f.record(sfcore.IssueAreasSet([sfcore.IssueArea.EDUCATION, sfcore.IssueArea.HOUSING, sfcore.IssueArea.INCOME,
                                   sfcore.IssueArea.HEALTH, sfcore.IssueArea.FAMILY_VIOLENCE, sfcore.IssueArea.PARENTING]))
    for c in range(13, 30, 2):
        f.record(sfcore.NecessityAdjusted(category=c, widen=True))
    members = [m for m in f.case.members]
    parent = members[0].id
    for _ in range(150):
        m = rng.choice(members)
        minor = (m.age_on(datetime.date(2026, 3, 2)) or 18) < 16
        f.record(sfcore.SharingConsentGiven(
            subject=m.id, given_by=parent if minor else None, child_views="views" if minor else "",
            recipients=[rng.choice(recipients)], categories=[c for c in range(30) if rng.random() < 0.5] or [0],
            purposes=[sfcore.Purpose.MEETING, sfcore.Purpose.PLAN_DELIVERY], valid_from=datetime.date(2026, 1, 1),
            valid_until=datetime.date(2027, 12, 31), signed_on=datetime.date(2026, 3, 2), form_version="v"),
            after=datetime.timedelta(minutes=1))
    return d, f, members, recipients, rng


def requests(n):
    """n distinct random requests over the reference family: each a second after the one before."""
    d, f, members, recipients, rng = reference_case()
    start = f.clock.tick()
    moe = sfcore.Recipient(agency_id=d.find("Ministry of Education"))
    purposes = [sfcore.Purpose.MEETING, sfcore.Purpose.PLAN_DELIVERY]
    out = [sfcore.Request(discloser=moe, subjects=[rng.choice(members).id], category=rng.randrange(30),
                          recipient=rng.choice(recipients), purpose=rng.choice(purposes),
                          at=start + datetime.timedelta(seconds=i)) for i in range(n)]
    return d, f.case, out


# Decisions run on the calling thread alone: they are timed by its CPU clock, as the C++ benchmarks are.
cpu_clock = time.thread_time


def per_call(fn, calls):
    start = cpu_clock()
    fn(calls)
    return (cpu_clock() - start) / calls


def record(results, name, samples, unit="ns", scale=1e9, **counters):
    value = statistics.median(samples) * scale
    results.append({"name": f"{name}_median", "run_name": name, "run_type": "aggregate", "aggregate_name": "median",
                    "repetitions": len(samples), "real_time": value, "cpu_time": value, "time_unit": unit,
                    **counters})
    print(f"{name:<40} {value:12.1f} {unit}", flush=True)


def bench_single(results):
    d, case, reqs = requests(300_000)
    calls = [dict(directory=d, discloser=r.discloser, subjects=r.subjects[0], category=r.category,
                  recipient=r.recipient, purpose=r.purpose, at=r.at) for r in reqs]

    def keywords(n):
        check = case.check
        for kw in calls[:n]:
            check(**kw)

    positional_calls = [tuple(kw.values()) for kw in calls]

    def positional(n):
        check = case.check
        for args in positional_calls[:n]:
            check(*args)

    def empty(n):  # the loop alone, taken off the figures above
        for kw in calls[:n]:
            pass

    base = statistics.median(per_call(empty, len(calls)) for _ in range(REPETITIONS))
    record(results, "PY_decision_check_keywords", [per_call(keywords, len(calls)) - base for _ in range(REPETITIONS)])
    record(results, "PY_decision_check_positional",
           [per_call(positional, len(calls)) - base for _ in range(REPETITIONS)])


def bench_bulk(results):
    d, case, reqs = requests(1_000_000)
    bulk = []
    for _ in range(REPETITIONS + 1):  # each run on a copy of the family's case: its journal grows by a million entries
        mine = copy.copy(case)
        start = cpu_clock()
        batch = mine.decide_many(reqs, directory=d, actor="bulk")
        bulk.append((cpu_clock() - start) / len(reqs))
        assert len(batch) == len(reqs) and mine.version == case.version + len(reqs)
        del mine, batch
    record(results, "PY_decide_many", bulk[1:], per_decision=statistics.median(bulk[1:]))
    record(results, "PY_decide_many_first_run", bulk[:1], per_decision=bulk[0])
    checks = []
    for _ in range(REPETITIONS):
        start = cpu_clock()
        case.check_many(reqs, directory=d)
        checks.append((cpu_clock() - start) / len(reqs))
    record(results, "PY_check_many", checks, per_decision=statistics.median(checks))


def big_store(path, cases):
    """A store of `cases` cases: the sample caseload's facts recorded again under new ids (a journal is chained
    from its case's id, so it cannot be relabelled), one transaction per case."""
    d, families = sample.caseload(250, seed=4)
    facts = []
    for f in families:
        first, *rest = f.case.journal
        facts.append((first, [e for e in rest if e.kind != sfcore.EventKind.ACCESS]))
    with sfcore.Store(path, durable=False) as store:
        store.put_directory(d)
        for i in range(cases):
            first, rest = facts[i % len(facts)]
            c = sfcore.Case.open(case_id=i + 1, directory=d, referral=first.payload.referral, recorded_by=first.who,
                                 recorded_at=first.when)
            for e in rest:
                c.record(e.payload, directory=d, recorded_by=e.who, at=e.when)
            store.append(c, 0)
    return d


def bench_frame(results, cases=100_000):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "region.db")
        started = time.perf_counter()
        big_store(path, cases)
        print(f"(made a store of {cases:,} cases in {time.perf_counter() - started:.1f} s)", flush=True)
        # Wall time: the store is read on a second thread while this one makes the table (the time an analyst waits).
        times = []
        for _ in range(3):
            start = time.perf_counter()
            with sfcore.Store(path) as store:
                frame = analysis.frame("cases", store)
            times.append(time.perf_counter() - start)
            assert len(frame) == cases
        record(results, "PY_dataframe_cases/100000/real_time", times, unit="ms", scale=1e3)


def keep_freed_memory():
    """As the C++ benchmarks' process does (bench/main.cpp): keep the memory freed, as a long-running host's heap
    does, so a repetition after the first measures the library rather than the kernel handing the process new pages
    (the first run of decide_many is reported on its own)."""
    try:
        libc = ctypes.CDLL(None)
        m_trim_threshold, m_mmap_threshold = -1, -3  # glibc's malloc.h
        libc.mallopt(m_trim_threshold, 1 << 30)
        libc.mallopt(m_mmap_threshold, 64 << 20)
    except (OSError, AttributeError):
        pass  # not glibc: the heap's own policy


def main(out):
    keep_freed_memory()
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
