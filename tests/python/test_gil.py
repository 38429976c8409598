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
    led = world.ledger()
    at = world.tick()
    reqs = [sfcore.Request(discloser=sfcore.Party.agency(world.moe), subjects=[world.adult], category="housing",
                           recipient=sfcore.Party.agency(world.msd), purpose="meeting", at=at)] * 100_000
    assert runs_alongside(lambda: led.decide_many(reqs, actor="bulk")) > 100
    assert len(led.audit) == 100_002


def test_loading_a_store_releases_the_gil():
    d, families, _ = sample.caseload(60, seed=2)
    store = sfcore.Store(":memory:")
    for i in range(40):  # 2,400 cases
        for f in families:
            store.append(sfcore.Case.replay(i * 100 + f.case.id, f.case.journal), 0)
    assert runs_alongside(lambda: store.cases()) > 100
