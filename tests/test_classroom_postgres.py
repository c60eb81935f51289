"""The class experiment on a real, throwaway PostgreSQL server, through the same SQLAlchemy
code as on SQLite: the room life cycle, 30 writers at once, a schema upgrade.

The server gets its own data directory under a temporary folder and a free loopback port.
PostgreSQL refuses to run as root, so under root initdb and pg_ctl run as `postgres`.
Under `make test` (D2L_REQUIRE_DATA=1) a missing PostgreSQL or psycopg fails the test.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from classroom import store as db
from tests.conftest import free_port, skip_or_fail
from tests.test_classroom_faults import flood_and_removal, token_for_good
from tests.test_classroom_store import Clock, lifecycle, linreg_run, thirty_writers


def _bin(name: str) -> str | None:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


@pytest.fixture(scope="module")
def postgres():
    """A URL of a fresh PostgreSQL server, stopped and deleted afterwards."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        skip_or_fail("PostgreSQL is not installed (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        skip_or_fail("psycopg is not installed (pip install -r requirements.txt)")
    root = Path(tempfile.mkdtemp(prefix="d2l-pg-"))
    user = {}
    if os.geteuid() == 0:  # the server refuses root: hand the folder to `postgres`
        shutil.chown(root, "postgres", "postgres")
        user = {"user": "postgres", "group": "postgres"}
    data, port = root / "data", free_port()

    def run(*cmd):
        subprocess.run(cmd, check=True, capture_output=True, timeout=120, cwd=root, **user)

    try:
        run(initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        run(pg_ctl, "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "60",
            "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                  "-c max_connections=100", "start")
    except (subprocess.SubprocessError, OSError) as e:
        log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        skip_or_fail(f"PostgreSQL did not start: {e} {getattr(e, 'stderr', '')} {log[-500:]}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60, cwd=root, **user)
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(url: str, name: str) -> str:
    """An empty database `name` on the server; its URL."""
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.rsplit("/", 1)[0] + f"/{name}"


def pg_store(url: str, **limits) -> db.Store:
    engine = sa.create_engine(url, pool_size=10, max_overflow=30)
    return db.Store(engine, db.Limits(**limits), Clock())


def test_lifecycle_on_postgresql(postgres):
    store = pg_store(fresh_database(postgres, "lifecycle"), min_interval=0.0)
    assert store.ensure_schema() == db.SCHEMA_VERSION
    lifecycle(store)


def test_thirty_writers_on_postgresql(postgres):
    store = pg_store(fresh_database(postgres, "writers"), min_interval=1.0)
    store.ensure_schema()
    thirty_writers(store)


def test_two_replicas_starting_together_migrate_once(postgres):
    import threading

    url = fresh_database(postgres, "replicas")
    stores, errors = [pg_store(url) for _ in range(4)], []
    barrier = threading.Barrier(4)

    def start(s):
        barrier.wait()
        try:
            s.ensure_schema()
        except Exception as e:  # noqa: BLE001 (asserted on below)
            errors.append(e)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors and stores[0].schema_version() == db.SCHEMA_VERSION


def test_a_version_1_database_is_upgraded_on_postgresql(postgres):
    url = fresh_database(postgres, "old")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        db.MIGRATIONS[1](conn)
        db.VERSION.create(conn)
        conn.execute(sa.insert(db.VERSION).values(version=1))
    code = "ABCDEFGH"
    with engine.begin() as conn:  # rows of the v1 app: the v1 tables' columns only
        conn.execute(sa.text(
            "INSERT INTO classroom_rooms (code, lesson, status, teacher_hash, creator_hash, "
            "created_at, expires_at) VALUES (:c, 'linreg', 'open', 'x', 'y', 0, 9e12)"),
            {"c": code})
        room_id = conn.execute(sa.text("SELECT id FROM classroom_rooms")).scalar()
        conn.execute(sa.text(
            "INSERT INTO classroom_members (room_id, session_hash, adjective, animal, joined_at)"
            " VALUES (:r, :h, 1, 2, 0)"), {"r": room_id, "h": db.session_hash("s")})
    store = pg_store(url, min_interval=0.0)
    assert store.schema_version() == 1 and store.ensure_schema() == db.SCHEMA_VERSION
    store.submit(code, "s", linreg_run())
    assert store.room(code).members == 1 and len(store.rows(code)) == 1


def test_a_flood_is_removed_and_a_token_kept_for_good_on_postgresql(postgres):
    for check in (flood_and_removal, token_for_good):
        s = pg_store(fresh_database(postgres, check.__name__), min_interval=0.0)
        s.ensure_schema()
        check(s)
