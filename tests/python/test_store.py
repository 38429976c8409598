"""The store and the archives from Python: a context manager, optimistic concurrency, queries, bulk loading,
ledgers, and archives that refuse damage."""

import datetime
import pickle
import threading

import pytest

import sfcore
from sfcore import sample


@pytest.fixture
def caseload():
    return sample.caseload(30, seed=5)


def fill(store, d, families, ledgers):
    store.put_directory(d)
    for f, led in zip(families, ledgers):
        assert store.append(f.case, 0) == f.case.version
        store.put_ledger(f.case.id, led, 0)


def test_the_store_keeps_lists_and_reloads_cases(tmp_path, caseload):
    d, families, ledgers = caseload
    path = str(tmp_path / "cases.db")
    with sfcore.Store(path) as store:
        fill(store, d, families, ledgers)
        assert len(store) == 30 and 1 in store and 31 not in store and store.path == path
        assert "30 cases" in repr(store) and not store.closed
    assert store.closed and "closed" in repr(store)
    with pytest.raises(sfcore.StorageError) as e:
        len(store)
    assert e.value.code == sfcore.ErrorCode.IO_ERROR
    with sfcore.Store(path, durable=False, busy_timeout_ms=100) as store:
        for f in families:
            assert store.load(f.case.id) == f.case and store.version(f.case.id) == f.case.version
        assert store.cases() == [f.case for f in families] == list(store)
        closed = store.list(state=sfcore.State.CLOSED)
        assert {s.id for s in closed} == {f.case.id for f in families if f.case.state == sfcore.State.CLOSED}
        assert [c.id for c in store.cases(state="closed")] == [s.id for s in closed]
        s = closed[0]
        assert s.state == sfcore.State.CLOSED and s.version > 0 and s.next_deadline is None and "CaseSummary(" in repr(s)
        assert s.programme in set(sfcore.Programme) and (s.coordinator is None or s.coordinator >= 1)
        mere = sample.practitioner(d, "Mere Tipene")
        assert all(x.coordinator == mere for x in store.list(coordinator=mere))
        ct = store.list(programme=sfcore.Programme.CHILDRENS_TEAM)
        assert all(x.programme == sfcore.Programme.CHILDRENS_TEAM for x in ct)
        day = datetime.date(2026, 8, 1)
        overdue = {x.id for x in store.list(overdue_on=day)}
        assert overdue == {f.case.id for f in families if f.case.overdue(day)}
        assert store.directory().practitioners == d.practitioners
        led = store.load_ledger(families[0].case.id, families[0].case, d)
        assert led.to_bytes() == ledgers[0].to_bytes() and led.audit.verify()
        assert store.ledger_version(families[0].case.id) == len(ledgers[0].audit)
        with pytest.raises(sfcore.ArgumentError) as e:
            store.load(999)
        assert e.value.code == sfcore.ErrorCode.NOT_FOUND


def test_an_append_names_the_version_it_expects(tmp_path, caseload):
    d, families, _ = caseload
    f = families[0]
    path = str(tmp_path / "c.db")
    with sfcore.Store(path) as a, sfcore.Store(path) as b:
        v = a.append(f.case, 0)
        mine = b.load(f.case.id)
        f.record(sfcore.CaseReopened(reason="again") if f.case.state == sfcore.State.CLOSED
                 else sfcore.Escalated(note="safety"))
        assert a.append(f.case, v) == v + 1
        with pytest.raises(sfcore.StorageError) as e:  # b is behind: a clear conflict, nothing lost
            b.append(mine, v)
        assert e.value.code == sfcore.ErrorCode.CONFLICT
        assert b.load(f.case.id) == f.case
        with pytest.raises(sfcore.ArgumentError):
            a.append(f.case, 999)
        with pytest.raises(sfcore.StorageError) as e:
            a.put_ledger(f.case.id, sfcore.Ledger(f.case, d), 5)
        assert e.value.code == sfcore.ErrorCode.CONFLICT
        with pytest.raises(sfcore.ArgumentError):
            a.load_ledger(f.case.id, f.case, d)  # none stored


def test_stores_refuse_what_is_not_a_store(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite database at all" * 100)
    with pytest.raises(sfcore.StorageError) as e:
        sfcore.Store(str(junk))
    assert e.value.code in (sfcore.ErrorCode.MALFORMED, sfcore.ErrorCode.IO_ERROR)
    with pytest.raises(sfcore.StorageError):
        sfcore.Store(str(tmp_path / "no" / "such" / "dir.db"))
    with sfcore.Store(":memory:") as m:
        with pytest.raises(sfcore.ArgumentError):
            m.directory()


def test_threads_each_with_their_own_store(tmp_path, caseload):
    d, families, _ = caseload
    path = str(tmp_path / "t.db")
    errors = []

    def write(part):
        try:
            with sfcore.Store(path) as s:
                for f in part:
                    s.append(f.case, 0)
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(families[i::3],)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with sfcore.Store(path) as s:
        assert len(s) == 30 and s.cases() == sorted((f.case for f in families), key=lambda c: c.id)


def test_archives_round_trip_and_refuse_damage(caseload):
    d, families, ledgers = caseload
    c = families[-1].case
    for enc in sfcore.ArchiveEncoding:
        data = c.to_bytes(enc)
        info = sfcore.inspect_archive(data)
        assert info.encoding == enc and info.content == sfcore.ArchiveContent.CASE_JOURNAL
        assert info.format_version == sfcore.ARCHIVE_FORMAT_VERSION and info.payload_size == len(data) - 56
        assert "ArchiveInfo(" in repr(info)
        assert sfcore.load_case(data) == c == sfcore.Case.from_bytes(bytearray(data)) == sfcore.Case.from_bytes(memoryview(data))
    data = c.to_bytes()
    for i in range(0, len(data), max(1, len(data) // 40)):  # every flipped byte is a clear error
        bad = bytearray(data)
        bad[i] ^= 0x40
        with pytest.raises(sfcore.StorageError) as e:
            sfcore.load_case(bytes(bad))
        assert e.value.code in (sfcore.ErrorCode.MALFORMED, sfcore.ErrorCode.CHECKSUM_MISMATCH,
                                sfcore.ErrorCode.UNSUPPORTED_VERSION)
    for n in (0, 10, 56, len(data) - 1):
        with pytest.raises(sfcore.StorageError):
            sfcore.load_case(data[:n])
    with pytest.raises(sfcore.StorageError):  # a directory archive is not a case
        sfcore.load_case(d.to_bytes())
    with pytest.raises(TypeError):
        sfcore.load_case("not bytes")
    assert sfcore.load_directory(d.to_bytes()).practitioners == d.practitioners
    log = ledgers[0].audit
    assert sfcore.load_audit(log.to_bytes()).to_text() == log.to_text()
    assert pickle.loads(pickle.dumps(families[0].case)) == families[0].case
