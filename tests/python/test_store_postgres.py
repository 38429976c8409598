"""The store on PostgreSQL from Python: the same Store, named by a connection string, migrated when asked, followed
through its change feed. These run where SFCORE_TEST_POSTGRES names a server (ctest starts a throwaway one)."""

import os
import random
import threading

import pytest

import sfcore
from sfcore import sample

SERVER = os.environ.get("SFCORE_TEST_POSTGRES", "")


def _sql(location, statement):
    """Run SQL as another host would, through the C library's own libpq (ctypes, so no Python driver is needed)."""
    import ctypes
    import ctypes.util

    pq = ctypes.CDLL(ctypes.util.find_library("pq"))
    pq.PQconnectdb.restype = ctypes.c_void_p
    pq.PQexec.restype = ctypes.c_void_p
    pq.PQexec.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    pq.PQresultStatus.argtypes = [ctypes.c_void_p]
    pq.PQclear.argtypes = [ctypes.c_void_p]
    pq.PQfinish.argtypes = [ctypes.c_void_p]
    conn = pq.PQconnectdb(location.encode())
    result = pq.PQexec(conn, statement.encode())
    status = pq.PQresultStatus(result)
    pq.PQclear(result)
    pq.PQfinish(conn)
    assert status in (1, 2), f"{statement}: status {status}"  # PGRES_COMMAND_OK, PGRES_TUPLES_OK


@pytest.fixture
def location():
    """A fresh schema of the test database, dropped at the end."""
    if not SERVER:
        pytest.skip("SFCORE_TEST_POSTGRES is not set: ctest runs these against a throwaway server")
    schema = f"py{os.getpid()}_{random.randrange(10**9)}"
    _sql(SERVER, f"CREATE SCHEMA {schema}")
    yield f"{SERVER} options='-c search_path={schema}'"
    _sql(SERVER, f"DROP SCHEMA {schema} CASCADE")


def test_a_database_is_migrated_when_asked_never_on_open(location):
    with pytest.raises(sfcore.StorageError) as e:
        sfcore.Store(location)
    assert e.value.code == sfcore.ErrorCode.NEEDS_MIGRATION
    assert "migrate" in str(e.value)
    assert sfcore.Store.migrate(location) == 3
    assert sfcore.Store.migrate(location) == 3
    with sfcore.Store(location) as store:
        assert store.backend == "postgresql"
        assert len(store) == 0
        assert "dbname=sfcore_test" in store.path


def test_the_same_store_on_postgresql_keeps_cases_and_refuses_a_writer_behind(location):
    sfcore.Store.migrate(location)
    d, families = sample.caseload(12, seed=9)
    with sfcore.Store(location) as a, sfcore.Store(location) as b:
        a.put_directory(d)
        for f in families:
            a.append(f.case, 0)
        assert len(b) == 12
        for f in families:
            assert b.load(f.case.id).head == f.case.head
        with pytest.raises(sfcore.StorageError) as e:
            b.append(families[0].case, 0)
        assert e.value.code == sfcore.ErrorCode.CONFLICT
        assert b.verify()
        assert [c.id for c in b] == sorted(f.case.id for f in families)


def test_hosts_follow_the_changes_of_a_postgresql_store(location, tmp_path):
    sfcore.Store.migrate(location)
    d, families = sample.caseload(3, seed=2)
    with sfcore.Store(location) as follower, sfcore.Store(location) as writer:
        with pytest.raises(sfcore.ArgumentError):
            follower.next_change()
        follower.follow()
        assert follower.next_change() is None
        got = []
        t = threading.Thread(target=lambda: got.append(follower.next_change(timeout_ms=5000)))
        t.start()
        writer.append(families[1].case, 0)
        t.join()
        assert got == [(families[1].case.id, families[1].case.version)]
    with sfcore.Store(str(tmp_path / "cases.db")) as embedded:
        assert embedded.backend == "sqlite"
        with pytest.raises(sfcore.ArgumentError):
            embedded.follow()
