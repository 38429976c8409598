"""Long operations release the GIL: another Python thread runs while they work."""

import threading

import sfcore
from sfcore import sample


def runs_alongside(work):
    """How many times another thread counted while work() ran (0 when work held the GIL throughout)."""
    counter, stop, started = [0], threading.Event(), threading.Event()

    def count():
        started.set()
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=count)
    t.start()
    started.wait()
    before = counter[0]
    work()
    during = counter[0] - before
    stop.set()
    t.join()
    return during


def test_bulk_decisions_release_the_gil(world):
    world.share()
    at = world.tick()
    reqs = [sfcore.Request(discloser=world.agency(world.moe), subjects=[world.adult], category="housing",
                           recipient=world.agency(world.msd), purpose="meeting", at=at)] * 100_000
    n = world.case.version
    assert runs_alongside(lambda: world.case.decide_many(reqs, directory=world.dir, actor="bulk")) > 100
    assert world.case.version == n + 100_000


def test_loading_a_store_releases_the_gil(world):
    world.share()
    store = sfcore.Store(":memory:")
    at = world.tick()
    reqs = [sfcore.Request(discloser=world.agency(world.moe), subjects=[world.adult], category="housing",
                           recipient=world.agency(world.msd), purpose="meeting", at=at)] * 20_000
    world.case.decide_many(reqs, directory=world.dir, actor="bulk")
    store.append(world.case, 0)
    assert runs_alongside(lambda: [store.load(world.case.id) for _ in range(5)]) > 100


def test_eight_threads_decide_check_and_withdraw_on_one_case(world):
    """Decisions (one at a time and in batches) and checks from eight threads while a ninth withdraws: every
    decision is recorded once, and each agrees with the journal as it stood when the decision was recorded. Two of
    the threads wait for the withdrawal after their first 50 rounds, so there are decisions after it however the
    threads are scheduled."""
    world.share()
    at = world.tick()
    withdrawn_at = world.tick()
    later = world.tick()
    errors, decided = [], [[] for _ in range(8)]
    go, under_way, withdrawn = threading.Barrier(9), threading.Event(), threading.Event()

    def worker(i):
        try:
            go.wait()
            for k in range(300):
                when = at if k % 2 else later
                if i % 2:  # half the threads decide in batches
                    if k % 10 == 0:
                        reqs = [sfcore.Request(discloser=world.agency(world.moe), subjects=world.adult,
                                               category="housing", recipient=world.agency(world.msd),
                                               purpose="meeting", at=at if j % 2 else later) for j in range(k, k + 10)]
                        batch = world.case.decide_many(reqs, directory=world.dir, actor=f"t{i}")
                        decided[i].extend((r.at, batch[j]) for j, r in enumerate(reqs))
                else:
                    d = world.case.decide(directory=world.dir, discloser=world.agency(world.moe),
                                          subjects=world.adult, category="housing", recipient=world.agency(world.msd),
                                          purpose="meeting", at=when, actor=f"t{i}")
                    decided[i].append((when, d))
                if k == 50:
                    under_way.set()
                    if i < 2:  # two threads go on only once the withdrawal is in: decisions after it, whatever the timing
                        withdrawn.wait(timeout=60)
                world.case.check(directory=world.dir, discloser=world.agency(world.moe), subjects=world.adult,
                                 category="education", recipient=world.agency(world.msd), purpose="meeting", at=when)
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    go.wait()
    under_way.wait()  # withdraw while six threads are deciding
    try:
        outcome = world.case.record(sfcore.SharingConsentWithdrawn(subject=world.adult, recipient=world.agency(world.msd)),
                                    directory=world.dir, recorded_by="c", at=withdrawn_at)
    finally:
        withdrawn.set()
    for t in threads:
        t.join()
    assert not errors and outcome
    all_decisions = [x for per in decided for x in per]
    assert len(all_decisions) == 2400
    # about an instant before the withdrawal, MSD may see it; about one after it, only until the withdrawal was
    # recorded (the decisions in the journal before it), never after
    assert all(d.permit for when, d in all_decisions if when == at)
    assert any(d.seq < outcome.seq for _, d in all_decisions) and any(d.seq > outcome.seq for _, d in all_decisions)
    for when, d in all_decisions:
        if when == later:
            assert d.permit == (d.seq < outcome.seq), (d, outcome.seq)
            assert d.permit or d.rule == sfcore.DecisionRule.WITHDRAWN
    seqs = sorted(d.seq for _, d in all_decisions)
    assert len(set(seqs)) == 2400
    log = world.case.access_log()
    assert len(log) == 2400 and {e.seq for e in log} == set(seqs)
    # replaying the journal makes every decision again and finds the same answers
    assert sfcore.Case.replay(world.case.id, world.case.journal) == world.case
    assert world.case.verify() and [e.seq for e in world.case.journal] == list(range(1, world.case.version + 1))
