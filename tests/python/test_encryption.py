"""Encryption at rest: encrypted cases, host keys from a key provider, rotation, and nothing planted readable in the files."""
import datetime
import pickle

import pytest

import sfcore
from sfcore import sample

PLANTED = [
    "Wairimu Canaryone",
    "Tipene Canarytwo",
    "Tipene Canarytwo-Corrected",
    "I don't want the school to know about my counselling",
    "canary five: my birthday is in June, not March",
]


class Keys:
    """A host's key service: ids to 32-byte keys, counting the calls."""

    def __init__(self, **keys):
        self.keys = {k: bytes([v]) * 32 for k, v in keys.items()}
        self.calls = 0

    def __call__(self, key_id):
        self.calls += 1
        return self.keys.get(key_id)


def planted(directory, case_id):
    f = sample.family_case(directory, case_id, "preparing", seed=case_id, encrypted=True)
    parent = f.record(sfcore.MemberAdded(member=sfcore.Member(name=PLANTED[0]))).assigned
    child = f.record(sfcore.MemberAdded(member=sfcore.Member(name=PLANTED[1], role=sfcore.MemberRole.CHILD))).assigned
    f.record(sfcore.MemberUpdated(member=child, name=PLANTED[2], reason="a correction the person asked for"))
    f.record(sfcore.ConsentRecorded(member=child, signed_on=f.case.referral.received, form_version="SF-2024",
                                    given_by=parent, child_views=PLANTED[3]))
    f.record(sfcore.CorrectionDeclined(member=child, detail="date of birth", statement=PLANTED[4], reason="the certificate"))
    return f


def found(path):
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    return [s for s in PLANTED if s.encode() in data]


def test_nothing_planted_in_an_encrypted_case_is_readable_in_the_store_or_its_wal(directory, tmp_path):
    keys = Keys(k1=1)
    path = tmp_path / "cases.db"
    f = planted(directory, 1)
    assert f.case.encrypted
    with sfcore.Store(str(path), key_provider=keys, key_id="k1") as store:
        store.append(f.case, 0)
        assert (tmp_path / "cases.db-wal").stat().st_size > 0
        assert found(path) == []
        back = store.load(1)
        assert back.encrypted and back.head == f.case.head and back.verify()
        assert [m.name for m in back.members][-2:] == [PLANTED[0], PLANTED[2]]
        assert store.verify()
    assert found(path) == [] and keys.calls == 1
    # The scan finds what is there: the same case kept plain shows every string.
    plain = sample.family_case(directory, 1, "preparing", seed=1)
    plain.record(sfcore.MemberAdded(member=sfcore.Member(name=PLANTED[0])))
    with sfcore.Store(str(tmp_path / "plain.db")) as store:
        store.append(plain.case, 0)
        assert found(tmp_path / "plain.db") == [PLANTED[0]]


def test_an_encrypted_case_is_archived_and_pickled_only_under_a_host_key_and_a_plain_new_case_is_refused(directory, tmp_path):
    f = planted(directory, 2)
    with pytest.raises(sfcore.StorageError, match="set_pickle_keys"):
        pickle.dumps(f.case)
    with pytest.raises(sfcore.StorageError, match="encrypted"):
        f.case.to_bytes()
    with pytest.raises(sfcore.StorageError, match="key_provider"):
        f.case.to_bytes(key_id="k1")
    with pytest.raises(sfcore.ArgumentError, match="binary"):
        f.case.to_bytes(sfcore.ArchiveEncoding.TEXT, key_provider=Keys(k1=1), key_id="k1")
    with sfcore.Store(str(tmp_path / "c.db"), key_provider=Keys(k1=1), key_id="k1") as store:
        with pytest.raises(sfcore.StorageError, match="not encrypted"):
            store.append(sample.family_case(directory, 3, "referred").case, 0)
        assert store.list() == []
    with pytest.raises(sfcore.StorageError, match="key_provider"):
        sfcore.Store(str(tmp_path / "d.db"), key_id="k1")
    with pytest.raises(sfcore.StorageError, match="printable"):
        sfcore.Store(str(tmp_path / "d.db"), key_provider=Keys(k1=1), key_id="")


def test_an_encrypted_cases_archive_and_pickle_hold_nothing_planted_and_load_back_with_the_host_key(directory, tmp_path):
    f = planted(directory, 4)
    keys = Keys(k1=1, k2=2)
    data = f.case.to_bytes(key_provider=keys, key_id="k1")
    assert [s for s in PLANTED if s.encode() in data] == []
    assert bytes([1]) * 32 not in data  # the host key itself is never written
    info = sfcore.inspect_archive(data)
    assert info.encrypted and info.host_key_id == "k1" and info.format_version == sfcore.ARCHIVE_ENCRYPTED_FORMAT_VERSION
    with pytest.raises(sfcore.StorageError, match="key provider"):
        sfcore.Case.from_bytes(data)
    with pytest.raises(sfcore.StorageError, match="k1"):
        sfcore.load_case(data, key_provider=Keys(k2=2))
    back = sfcore.Case.from_bytes(data, key_provider=keys)
    assert back == f.case and back.encrypted and back.head == f.case.head and back.verify()
    assert sfcore.load_case(data, key_provider=keys) == f.case
    # The same case kept plain shows what the scan looks for.
    plain = sample.family_case(directory, 4, "preparing", seed=4)
    plain.record(sfcore.MemberAdded(member=sfcore.Member(name=PLANTED[0])))
    assert PLANTED[0].encode() in plain.case.to_bytes() and PLANTED[0].encode() in pickle.dumps(plain.case)

    # Pickles: under the process's pickle keys, set and cleared.
    sfcore.set_pickle_keys(keys, "k2")
    try:
        pickled = pickle.dumps(f.case)
        assert [s for s in PLANTED if s.encode() in pickled] == []
        again = pickle.loads(pickled)
        assert again == f.case and again.encrypted
        assert pickle.loads(pickle.dumps(plain.case)) == plain.case  # a plain case pickles as before
    finally:
        sfcore.set_pickle_keys(None)
    with pytest.raises(sfcore.StorageError, match="key provider"):
        pickle.loads(pickled)
    with pytest.raises(sfcore.StorageError, match="key_provider"):
        sfcore.set_pickle_keys(None, "k1")
    sfcore.set_pickle_keys(keys, "not an id")
    try:
        with pytest.raises(sfcore.StorageError, match="printable"):
            pickle.dumps(f.case)
    finally:
        sfcore.set_pickle_keys(None)


def test_host_keys_rotate_and_a_missing_or_wrong_key_is_a_clear_error(directory, tmp_path):
    path = str(tmp_path / "cases.db")
    cases = [planted(directory, i) for i in (1, 2)]
    with sfcore.Store(path, key_provider=Keys(k1=1, k2=2), key_id="k1") as store:
        for f in cases:
            store.append(f.case, 0)
    with sfcore.Store(path, key_provider=Keys(k1=1, k2=2), key_id="k2") as store:
        assert store.rewrap() == 2
        assert store.rewrap() == 0
    with sfcore.Store(path, key_provider=Keys(k2=2), key_id="k2") as store:  # k1 retired
        assert [c.head for c in store.cases()] == [f.case.head for f in cases]
    with sfcore.Store(path, key_provider=Keys(k1=1), key_id="k1") as store:
        with pytest.raises(sfcore.StorageError, match='"k2"'):
            store.load(1)
    with sfcore.Store(path, key_provider=Keys(k2=9), key_id="k2") as store:
        with pytest.raises(sfcore.StorageError, match="wrong"):
            store.load(1)
    with sfcore.Store(path, key_provider=lambda key_id: "not bytes", key_id="k2") as store:
        with pytest.raises(sfcore.StorageError, match="bytes or None"):
            store.load(1)

    def down(key_id):
        raise RuntimeError("key service down")

    with sfcore.Store(path, key_provider=down, key_id="k2") as store:
        with pytest.raises(RuntimeError, match="key service down"):
            store.load(1)
    with sfcore.Store(path) as store:
        with pytest.raises(sfcore.StorageError, match="key provider"):
            store.load(2)
        assert len(store.list()) == 2


def test_a_case_due_by_its_programmes_rule_is_disposed_of_by_destroying_its_key(directory, tmp_path):
    path = tmp_path / "cases.db"
    closed = sample.family_case(directory, 1, "closed_planned", seed=1, encrypted=True)
    closed.record(sfcore.PersonLinked(member=1, key="p-aroha"))
    active = planted(directory, 2)
    rules = {sfcore.Programme.STRENGTHENING_FAMILIES: 7}
    with sfcore.Store(str(path), key_provider=Keys(k1=1), key_id="k1") as store:
        store.append(closed.case, 0)
        store.append(active.case, 0)
        kept = store.checkpoint()
        assert store.due_for_disposal(rules, datetime.date(2030, 1, 1)) == []
        [due] = store.due_for_disposal(rules, datetime.date(2040, 1, 1))
        assert (due.id, due.programme, due.years, due.encrypted) == (1, sfcore.Programme.STRENGTHENING_FAMILIES, 7, True)
        assert due.due == due.closed.replace(year=due.closed.year + 7) and "DisposalDue(" in repr(due)
        with pytest.raises(sfcore.ArgumentError, match="keeps it until"):
            store.dispose(1, rules, datetime.date(2030, 1, 1), "records officer")
        with pytest.raises(sfcore.ArgumentError, match="not closed"):
            store.dispose(2, rules, datetime.date(2040, 1, 1), "records officer")
        with pytest.raises(sfcore.ArgumentError):
            store.due_for_disposal({sfcore.Programme.STRENGTHENING_FAMILIES: 0}, datetime.date(2040, 1, 1))
        head = store.dispose(1, rules, datetime.date(2040, 1, 1), "records officer")
        assert head.seq == closed.case.version + 1
        with pytest.raises(sfcore.StorageError, match="disposed of") as e:
            store.load(1)
        assert e.value.code == sfcore.ErrorCode.DISPOSED
        assert store.person_cases("p-aroha") == [] and [c.id for c in store.cases()] == [2]
        assert store.due_for_disposal(rules, datetime.date(2040, 1, 1)) == []
        assert store.verify(kept)
    assert sfcore.CaseDisposed.__doc__ and sfcore.EventType.CASE_DISPOSED in set(sfcore.EventType)


def test_the_analysts_tables_read_an_encrypted_store(directory, tmp_path):
    from sfcore import analysis
    keys = Keys(k1=1)
    with sfcore.Store(str(tmp_path / "cases.db"), key_provider=keys, key_id="k1") as store:
        store.put_directory(directory)
        for i in (1, 2, 3):
            store.append(sample.family_case(directory, i, "closed_planned", seed=i, encrypted=True).case, 0)
        rows = analysis.records("cases", store)
        assert len(rows) == 3 and all("case_id" in r for r in rows)
        members = analysis.records("members", store)
        assert members and all("name" not in m for m in members)  # de-identified by default
    assert keys.calls == 1
