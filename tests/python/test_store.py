"""The store and the archives from Python: a context manager, optimistic concurrency, queries, bulk loading,
journals verified on every read, anchors, sealing keys, and archives that refuse damage."""

import datetime
import os
import pickle
import shutil
import sqlite3
import threading

import pytest

import sfcore
from sfcore import sample

DATA = os.path.join(os.environ.get("SFCORE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                    "tests", "data")
KEY = sfcore.SealingKey("2026-a", b"0123456789abcdef0123456789abcdef")
NEXT_KEY = sfcore.SealingKey("2026-b", bytes(range(32)))


@pytest.fixture
def caseload():
    return sample.caseload(30, seed=5)


def fill(store, d, families):
    store.put_directory(d)
    heads = {}
    for f in families:
        head = store.append(f.case, 0)
        assert head == f.case.head and head.seq == f.case.version
        heads[f.case.id] = head
    return heads


def test_the_store_keeps_lists_and_reloads_cases(tmp_path, caseload):
    d, families = caseload
    path = str(tmp_path / "cases.db")
    with sfcore.Store(path) as store:
        fill(store, d, families)
        assert len(store) == 30 and 1 in store and 31 not in store and store.path == path
        assert "30 cases" in repr(store) and not store.closed
    assert store.closed and "closed" in repr(store)
    with pytest.raises(sfcore.StorageError) as e:
        len(store)
    assert e.value.code == sfcore.ErrorCode.CLOSED
    with sfcore.Store(path, durable=False, busy_timeout_ms=100) as store:
        for f in families:
            again = store.load(f.case.id)
            assert again == f.case and store.version(f.case.id) == f.case.version and again.head == f.case.head
        assert store.cases() == [f.case for f in families] == list(store)
        closed = store.list(state=sfcore.State.CLOSED)
        assert {s.id for s in closed} == {f.case.id for f in families if f.case.state == sfcore.State.CLOSED}
        assert [c.id for c in store.cases(state="closed")] == [s.id for s in closed]
        s = closed[0]
        assert s.state == sfcore.State.CLOSED and s.version > 0 and s.next_deadline is None and "CaseSummary(" in repr(s)
        assert s.head == store.load(s.id).head
        assert s.programme in set(sfcore.Programme) and (s.coordinator is None or s.coordinator >= 1)
        mere = sample.practitioner(d, "Mere Tipene")
        assert all(x.coordinator == mere for x in store.list(coordinator=mere))
        ct = store.list(programme=sfcore.Programme.CHILDRENS_TEAM)
        assert all(x.programme == sfcore.Programme.CHILDRENS_TEAM for x in ct)
        day = datetime.date(2026, 8, 1)
        overdue = {x.id for x in store.list(overdue_on=day)}
        assert overdue == {f.case.id for f in families if f.case.overdue(day)}
        assert store.directory().practitioners == d.practitioners
        with pytest.raises(sfcore.ArgumentError) as e:
            store.load(999)
        assert e.value.code == sfcore.ErrorCode.NOT_FOUND


def test_an_append_names_the_version_it_expects(tmp_path, caseload):
    d, families = caseload
    f = families[0]
    path = str(tmp_path / "c.db")
    with sfcore.Store(path) as a, sfcore.Store(path) as b:
        v = a.append(f.case, 0).seq
        mine = b.load(f.case.id)
        f.record(sfcore.CaseReopened(reason="again") if f.case.state == sfcore.State.CLOSED
                 else sfcore.Escalated(note="safety"))
        assert a.append(f.case, v).seq == v + 1
        with pytest.raises(sfcore.StorageError) as e:  # b is behind: a clear conflict, nothing lost
            b.append(mine, v)
        assert e.value.code == sfcore.ErrorCode.CONFLICT
        assert b.load(f.case.id) == f.case
        with pytest.raises(sfcore.SfcoreError):
            a.append(f.case, 999)
        # a different journal of the same length is a conflict too, never an overwrite
        other = sample.family_case(d, f.case.id, "referred", seed=99).case
        with pytest.raises(sfcore.StorageError) as e:
            a.append(other, 0)
        assert e.value.code == sfcore.ErrorCode.CONFLICT
        assert a.load(f.case.id) == f.case


def test_stores_refuse_what_is_not_a_store(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite database at all" * 100)
    with pytest.raises(sfcore.StorageError) as e:
        sfcore.Store(str(junk))
    assert e.value.code in (sfcore.ErrorCode.MALFORMED, sfcore.ErrorCode.IO_ERROR)
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("create table accounts(id integer primary key, owner text)")
    con.commit()
    con.close()
    before = foreign.read_bytes()
    with pytest.raises(sfcore.StorageError) as e:  # another application's database: refused, left as it was
        sfcore.Store(str(foreign))
    assert e.value.code == sfcore.ErrorCode.MALFORMED and foreign.read_bytes() == before
    with pytest.raises(sfcore.StorageError):
        sfcore.Store(str(tmp_path / "no" / "such" / "dir.db"))
    with sfcore.Store(":memory:") as m:
        with pytest.raises(sfcore.ArgumentError):
            m.directory()


def test_a_changed_row_is_found_on_load_and_by_verify(tmp_path, caseload):
    d, families = caseload
    path = str(tmp_path / "t.db")
    with sfcore.Store(path) as store:
        fill(store, d, families[:5])
    victim = families[2].case.id
    con = sqlite3.connect(path)
    # an entry's bytes, changed in place: the chain no longer verifies
    (data,) = con.execute("select data from entries where case_id=? and seq=3", (victim,)).fetchone()
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01
    con.execute("update entries set data=? where case_id=? and seq=3", (bytes(changed), victim))
    con.commit()
    con.close()
    with sfcore.Store(path) as store:
        with pytest.raises(sfcore.StorageError) as e:
            store.load(victim)
        assert e.value.code in (sfcore.ErrorCode.INTEGRITY, sfcore.ErrorCode.MALFORMED)
        assert f"case {victim}" in str(e.value)
        v = store.verify()
        assert not v and v.cases == 5 and [c for c, _ in v.damaged] == [victim] and "StoreVerification(" in repr(v)
        assert store.load(families[0].case.id) == families[0].case  # the others still load


def test_a_rollback_is_found_against_a_kept_checkpoint(tmp_path, caseload):
    d, families = caseload
    path = tmp_path / "r.db"
    f = next(x for x in families if x.case.state == sfcore.State.PLAN_ACTIVE)
    with sfcore.Store(str(path)) as store:
        fill(store, d, families[:10] + ([f] if f not in families[:10] else []))
    shutil.copy(path, tmp_path / "old.db")  # an earlier copy of the file
    with sfcore.Store(str(path)) as store:
        f.record(sfcore.Escalated(note="safety"))
        store.append(f.case, f.case.version - 1)
        kept = store.checkpoint()
        assert kept[f.case.id] == f.case.head and len(kept) == len(store)
        assert store.verify(kept)
    shutil.copy(tmp_path / "old.db", path)  # rolled back: every journal still verifies by itself ...
    with sfcore.Store(str(path)) as store:
        assert store.verify()
        assert store.load(f.case.id).verify()
        v = store.verify(kept)  # ... but not against the checkpoint kept outside the store
        assert [c for c, _ in v.damaged] == [f.case.id]
        assert not store.load(f.case.id).verify(kept[f.case.id])
    # a head kept as text comes back as the same head
    h = kept[f.case.id]
    assert sfcore.JournalHead(h.seq, h.hash) == h and pickle.loads(pickle.dumps(h)) == h
    with pytest.raises(sfcore.ArgumentError):
        sfcore.JournalHead(1, "not hex")


def test_a_sealed_store_needs_its_key_and_keys_rotate(tmp_path, caseload):
    d, families = caseload
    path = str(tmp_path / "sealed.db")
    with sfcore.Store(path, keys=[KEY]) as store:
        fill(store, d, families[:4])
    for keys in ([], [NEXT_KEY]):
        with sfcore.Store(path, keys=keys) as store:
            with pytest.raises(sfcore.StorageError) as e:
                store.list()
            assert e.value.code == sfcore.ErrorCode.KEY_ERROR and '"2026-a"' in str(e.value)
    with sfcore.Store(path, keys=[KEY, NEXT_KEY], seal_with="2026-b") as store:
        assert store.reseal() == 4
    with sfcore.Store(path, keys=[NEXT_KEY]) as store:
        assert [s.id for s in store.list()] == [f.case.id for f in families[:4]]
        assert store.load(families[0].case.id) == families[0].case
    # whoever can write the file but lacks the key cannot make a summary row that passes
    con = sqlite3.connect(path)
    victim = families[1].case
    other = sfcore.State.REFERRED if victim.state != sfcore.State.REFERRED else sfcore.State.CLOSED
    assert con.execute("update cases set state=? where id=?", (int(other), victim.id)).rowcount == 1
    con.commit()
    con.close()
    with sfcore.Store(path, keys=[NEXT_KEY]) as store:
        with pytest.raises(sfcore.StorageError) as e:
            store.list()
        assert e.value.code in (sfcore.ErrorCode.KEY_ERROR, sfcore.ErrorCode.INTEGRITY)
    with pytest.raises(sfcore.StorageError) as e:
        sfcore.SealingKey("short", b"too short")
    assert e.value.code == sfcore.ErrorCode.KEY_ERROR
    assert "secret" not in repr(KEY).replace("secret=<hidden>", "")


def test_one_store_shared_by_threads_and_closed_under_them(tmp_path, caseload):
    d, families = caseload
    path = str(tmp_path / "t.db")
    errors = []

    def write(store, part):
        try:
            for f in part:
                store.append(f.case, 0)
        except Exception as e:  # reported below
            errors.append(e)

    with sfcore.Store(path) as shared:
        threads = [threading.Thread(target=write, args=(shared, families[i::3])) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and len(shared) == 30
    with sfcore.Store(path) as s:
        assert s.cases() == sorted((f.case for f in families), key=lambda c: c.id)

    # readers that find the store closed under them get a clear error, never a crash
    store = sfcore.Store(path)
    outcomes, go = [], threading.Barrier(5)

    def read():
        go.wait()
        try:
            for _ in range(50):
                store.cases()
            outcomes.append("done")
        except sfcore.StorageError as e:
            outcomes.append(e.code)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    go.wait()
    store.close()
    for t in readers:
        t.join()
    assert len(outcomes) == 4 and set(outcomes) <= {"done", sfcore.ErrorCode.CLOSED}
    assert store.closed


def test_archives_round_trip_and_refuse_damage(caseload):
    d, families = caseload
    c = families[-1].case
    for enc in sfcore.ArchiveEncoding:
        data = c.to_bytes(enc)
        info = sfcore.inspect_archive(data)
        assert info.encoding == enc and info.content == sfcore.ArchiveContent.CASE_JOURNAL
        assert info.format_version == sfcore.ARCHIVE_FORMAT_VERSION and info.payload_size == len(data) - 56
        assert not info.sealed and info.key_id == "" and "ArchiveInfo(" in repr(info)
        assert sfcore.load_case(data) == c == sfcore.Case.from_bytes(bytearray(data)) == sfcore.Case.from_bytes(memoryview(data))
    data = c.to_bytes()
    for i in range(0, len(data), max(1, len(data) // 40)):  # every flipped byte is a clear error
        bad = bytearray(data)
        bad[i] ^= 0x40
        with pytest.raises(sfcore.StorageError) as e:
            sfcore.load_case(bytes(bad))
        assert e.value.code in (sfcore.ErrorCode.MALFORMED, sfcore.ErrorCode.CHECKSUM_MISMATCH,
                                sfcore.ErrorCode.UNSUPPORTED_VERSION, sfcore.ErrorCode.INTEGRITY)
    for n in (0, 10, 56, len(data) - 1):
        with pytest.raises(sfcore.StorageError):
            sfcore.load_case(data[:n])
    with pytest.raises(sfcore.StorageError):  # a directory archive is not a case
        sfcore.load_case(d.to_bytes())
    with pytest.raises(TypeError):
        sfcore.load_case("not bytes")
    assert sfcore.load_directory(d.to_bytes()).practitioners == d.practitioners
    assert pickle.loads(pickle.dumps(families[0].case)) == families[0].case


def test_a_sealed_archive_loads_only_with_its_key(caseload):
    _, families = caseload
    c = families[0].case
    sealed = c.to_bytes(key=KEY)
    info = sfcore.inspect_archive(sealed)
    assert info.sealed and info.key_id == "2026-a"
    assert sfcore.load_case(sealed, keys=[NEXT_KEY, KEY]) == c
    for keys in ([NEXT_KEY], []):  # a sealed archive is checked by its key, or not loaded
        with pytest.raises(sfcore.StorageError) as e:
            sfcore.load_case(sealed, keys=keys)
        assert e.value.code == sfcore.ErrorCode.KEY_ERROR
    with pytest.raises(sfcore.StorageError) as e:  # keys given: an unsealed archive is refused
        sfcore.load_case(c.to_bytes(), keys=[KEY])
    assert e.value.code == sfcore.ErrorCode.KEY_ERROR
    forged = bytearray(sealed)
    forged[-1] ^= 1
    with pytest.raises(sfcore.StorageError):
        sfcore.load_case(bytes(forged), keys=[KEY])


def test_a_case_kept_by_sfcore_0_1_is_converted_into_one_journal():
    def read(name):
        with open(os.path.join(DATA, "v1", name), "rb") as f:
            return f.read()

    d = sfcore.load_directory(read("interleaved.directory.binary.sfa"))
    c = sfcore.upgrade_v1(read("interleaved.case.binary.sfa"), read("interleaved.ledger.binary.sfa"), d)
    assert c.verify() and c.version == len(c.journal)
    kinds = {e.kind for e in c.journal}
    assert kinds == {sfcore.EventKind.LIFECYCLE, sfcore.EventKind.DISCLOSURE, sfcore.EventKind.ACCESS}
    (legacy,) = c.entries(sfcore.EventType.LEGACY_AUDIT_IMPORTED)
    assert legacy.payload.entries > 0 and len(legacy.payload.head) == 64
    assert c.sharing_consents
    alone = sfcore.upgrade_v1(read("interleaved.case.binary.sfa"), None, d)
    assert not alone.sharing_consents and alone.state == c.state
    with pytest.raises(sfcore.StorageError):
        sfcore.upgrade_v1(read("interleaved.case.binary.sfa"), read("interleaved.ledger.binary.sfa")[:-5], d)


def test_a_store_of_sfcore_0_1_is_converted_once_on_open(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(os.path.join(DATA, "v1", "store.sqlite"), path)
    with sfcore.Store(str(path)) as store:
        cases = store.cases()
        assert len(cases) == 3 and all(c.verify() for c in cases) and store.verify()
    with sfcore.Store(str(path)) as store:  # once converted, it opens as a 0.2 store
        assert store.cases() == cases


def test_a_journal_verifies_from_its_case_id_and_against_a_kept_head(caseload):
    _, families = caseload
    c = families[0].case
    v = c.verify()
    assert isinstance(v, sfcore.JournalVerification) and v.ok and v.first_bad == 0 and v.reason == ""
    assert c.journal[0].hash != sfcore.journal_genesis(c.id) and len(sfcore.journal_genesis(c.id)) == 64
    assert sfcore.journal_genesis(c.id) != sfcore.journal_genesis(c.id + 1)
    kept = c.head
    assert c.verify(kept)
    # a head the journal never had: a rewritten or forked copy
    other = sfcore.JournalHead(kept.seq, "00" * 32)
    v = c.verify(other)
    assert not v and v.first_bad == kept.seq and v.reason and "JournalVerification(ok=False" in repr(v)
    # a head further on than the journal: the journal was cut short
    v = c.verify(sfcore.JournalHead(kept.seq + 5, kept.hash))
    assert not v and v.reason
    # a seal: an anchor only a key holder can make, the same every time, different under another key
    seal = sfcore.seal_of(c.id, kept, KEY)
    assert len(seal) == 64 and seal == sfcore.seal_of(c.id, kept, KEY) != sfcore.seal_of(c.id, kept, NEXT_KEY)
    assert seal != sfcore.seal_of(c.id + 1, kept, KEY)
