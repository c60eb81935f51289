"""The class experiment under faults and strangers, on the store: a database file deleted,
moved or replaced during a class, a full disk, a lock held for long, numbers beyond any
float, one browser (or one address) trying to fill a room, and the CSV of a whole room.

No acknowledged run is lost: a run is acknowledged (submit returns) only when it is in the
file a restart would open."""

import csv
import datetime
import io
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from classroom import board
from classroom import store as db
from classroom.submission import Invalid, validate
from tests.test_classroom_store import Clock, classifier_run, linreg_run


def sqlite_store(path, clock=None, **limits) -> db.Store:
    s = db.Store(sa.create_engine(f"sqlite:///{path}"), db.Limits(min_interval=0.0, **limits),
                 clock or Clock())
    s.ensure_schema()
    return s


def restart(path) -> db.Store:
    """What the app finds after a restart: a new engine on the file at the path."""
    return sqlite_store(path)


def a_room_with_a_student(s, lesson="linreg"):
    code = s.create_room("teacher", lesson).code
    s.join(code, "student")
    return code


def acknowledged(s: db.Store, code: str, runs) -> list[int]:
    """Submit every run; the ids of those acknowledged (a StoreError is no acknowledgement)."""
    ids = []
    for i, raw in enumerate(runs):
        s.clock.now += 3
        try:
            ids.append(s.submit(code, "student", raw | {"seed": i}))
        except db.StoreError:
            pass
    return ids


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced", "log_deleted"])
def test_no_run_is_acknowledged_into_a_file_that_is_no_longer_at_its_path(tmp_path, how):
    path = tmp_path / "class.sqlite3"
    s = sqlite_store(path)
    code = a_room_with_a_student(s)
    before = acknowledged(s, code, [linreg_run()] * 3)
    assert len(before) == 3
    for suffix in ("", "-wal", "-shm"):  # what `rm class.sqlite3*` or `mv` does
        found = tmp_path / f"class.sqlite3{suffix}"
        if how == "moved" and found.exists():
            found.rename(tmp_path / f"elsewhere.sqlite3{suffix}")
        elif how == "replaced" and found.exists():
            shutil.copy(found, tmp_path / f"copy{suffix}")
            found.unlink()
            (tmp_path / f"copy{suffix}").rename(found)
        elif how == "log_deleted" and suffix and found.exists():  # rm class.sqlite3-*
            found.unlink()
        elif how == "deleted" and found.exists():
            found.unlink()
    with pytest.raises(db.StoreError) as e:
        s.submit(code, "student", linreg_run(seed=99))
    assert e.value.kind == "moved"
    with pytest.raises(db.StoreError, match="moved"):
        s.room(code)  # the board says so too
    assert s.health().kind == "moved"
    late = set(acknowledged(s, code, [linreg_run()] * 3))
    assert late <= stored_ids(path), "nothing acknowledged is lost"


def stored_ids(path) -> set[int]:
    """The runs a restart would find at `path`: read by another process, as after a crash
    (this one may still hold a deleted file, and refuses to use the path then)."""
    found = subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "c = sqlite3.connect(sys.argv[1])\n"
         "try: print([r[0] for r in c.execute('SELECT id FROM classroom_submissions')])\n"
         "except sqlite3.OperationalError: print([])", str(path)],
        capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(found.stdout))


def test_a_file_deleted_during_the_write_is_not_acknowledged(tmp_path):
    """The check before a write is not enough: the file may go while the write runs. The
    write is checked again after its commit, and not acknowledged."""
    path = tmp_path / "class.sqlite3"
    s = sqlite_store(path)
    code = a_room_with_a_student(s)

    @event.listens_for(s.engine, "before_cursor_execute")
    def remove_during_the_insert(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO CLASSROOM_SUBMISSIONS"):
            for suffix in ("", "-wal", "-shm"):
                (tmp_path / f"class.sqlite3{suffix}").unlink(missing_ok=True)

    s.clock.now += 3
    with pytest.raises(db.StoreError) as e:
        s.submit(code, "student", linreg_run())
    assert e.value.kind == "moved"
    assert s.health().kind == "moved", "the board says so"
    assert stored_ids(path) == set(), "a restart finds nothing: nothing was acknowledged"


def test_a_file_put_back_is_written_again(tmp_path):
    path = tmp_path / "class.sqlite3"
    s = sqlite_store(path)
    code = a_room_with_a_student(s)
    path.rename(tmp_path / "away.sqlite3")
    with pytest.raises(db.StoreError, match="moved"):
        s.join(code, "other")
    (tmp_path / "away.sqlite3").rename(path)
    s.join(code, "other")
    assert s.health() is None, "the next write that works clears the warning"
    assert restart(path).room(code).members == 2


def test_a_full_disk_is_named_full_remembered_for_the_board_and_loses_nothing(tmp_path):
    path = tmp_path / "class.sqlite3"
    s = sqlite_store(path)
    code = a_room_with_a_student(s)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(s.engine, "connect")
    def no_room_left(dbapi_connection, _record):  # SQLite's own "database or disk is full"
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 1}").close()

    s.engine.dispose()
    ids = acknowledged(s, code, [linreg_run(epochs=30)] * 40)
    assert len(ids) < 40, "the disk filled up"
    with pytest.raises(db.StoreError) as e:
        s.submit(code, "student", linreg_run(epochs=30, seed=1000))
    assert e.value.kind == "full"
    assert s.health().kind == "full" and s.health().at == s.clock.now
    assert {r.id for r in restart(path).rows(code)} == set(ids), "every acknowledged run kept"


def test_the_lock_wait_is_bounded_to_two_seconds(tmp_path):
    assert db.Limits().busy_timeout <= 2.0
    s = sqlite_store(tmp_path / "class.sqlite3")
    with s.engine.connect() as conn:
        waits = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert waits <= 2000
    assert synchronous == 2, "FULL: a commit is on the disk before it is acknowledged"


def test_a_write_kept_waiting_by_a_lock_is_remembered_for_the_board(tmp_path):
    path = tmp_path / "class.sqlite3"
    s = sqlite_store(path, busy_timeout=0.1)
    code = a_room_with_a_student(s)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(db.StoreError, match="locked"):
            s.submit(code, "student", linreg_run())
        assert s.health().kind == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    s.submit(code, "student", linreg_run())
    assert s.health() is None


@pytest.mark.parametrize("field, value", [
    ("lr", 10**400), ("seconds_per_epoch", -(10**400)), ("train_loss", [10**400] * 3),
    ("seed", 10**400), ("epochs", 10**400), ("batch_size", -(10**400))])
def test_integers_beyond_any_float_are_refused_with_a_reason(store, field, value):
    raw = linreg_run() | {field: value}
    with pytest.raises(Invalid) as e:
        validate(raw)
    assert e.value.reason.startswith(field)
    code = store.create_room("t", "linreg").code
    store.join(code, "s")
    with pytest.raises(Invalid):
        store.submit(code, "s", raw)


@pytest.mark.parametrize("message, kind", [
    ("database or disk is full", "full"),  # SQLite
    ("could not extend file \"base/16384/2619\": No space left on device", "full"),  # PostgreSQL
    ('connection to server at "fullerton-db.example.edu" (10.0.0.7), port 5432 failed: '
     "Connection refused", "unavailable"),
    ('connection to server at "db-locked-down.example.edu", port 5432 failed: FATAL: '
     'password authentication failed for user "classroom"', "unavailable"),
    ("database is locked", "locked"),
    ("attempt to write a readonly database", "unwritable"),
    ("file is not a database", "corrupt"),
])
def test_a_failure_is_named_by_what_happened_not_by_a_word_in_a_host_name(message, kind):
    """A host called 'fullerton-db' is not a full disk: the teacher is told the right thing."""
    found = db._classify(sa.exc.OperationalError("SELECT 1", {}, Exception(message)), None)
    assert found.kind == kind
    assert message[:100] in found.detail, "the detail (host, port, role) for the server's log"


@pytest.fixture
def store(tmp_path) -> db.Store:
    return sqlite_store(tmp_path / "class.sqlite3")


# ---- one browser, one address ------------------------------------------------------------

def test_one_browser_is_one_member_however_many_tabs(store):
    code = store.create_room("teacher", "linreg").code
    names = {store.join(code, "browser-1", "203.0.113.9").name() for _ in range(6)}
    assert len(names) == 1 and store.room(code).members == 1


def test_one_address_cannot_fill_a_room(tmp_path):
    s = sqlite_store(tmp_path / "class.sqlite3", max_members_per_address=5)
    code = s.create_room("teacher", "linreg").code
    for i in range(5):
        s.join(code, f"cookieless-{i}", "198.51.100.7")
    with pytest.raises(db.Refused, match="address_cap"):
        s.join(code, "cookieless-5", "198.51.100.7")
    s.join(code, "a-real-student", "203.0.113.20")  # another address still joins
    assert s.room(code).members == 6
    dump = "\n".join(sqlite3.connect(tmp_path / "class.sqlite3").iterdump())
    assert "198.51.100.7" not in dump, "only a keyed hash of the address is stored"


def test_rooms_per_hour_are_limited_per_address_too(tmp_path):
    s = sqlite_store(tmp_path / "class.sqlite3", max_rooms_per_address=3)
    for i in range(3):
        s.create_room(f"browser-{i}", "linreg", "198.51.100.7")
    with pytest.raises(db.Refused, match="rooms_rate"):
        s.create_room("browser-9", "linreg", "198.51.100.7")


def test_the_teacher_sees_a_flood_and_removes_it(tmp_path):
    flood_and_removal(sqlite_store(tmp_path / "class.sqlite3"))


def flood_and_removal(s: db.Store) -> None:
    """Run on PostgreSQL too (tests/test_classroom_postgres.py)."""
    created = s.create_room("teacher", "linreg")
    code = created.code
    s.join(code, "real", "203.0.113.20")
    s.submit(code, "real", linreg_run())
    for i in range(4):
        s.join(code, f"flood-{i}", "198.51.100.7")
        s.submit(code, f"flood-{i}", linreg_run(seed=i))
    with pytest.raises(db.Refused, match="not_teacher"):
        s.members(code, "flood-0")
    members = s.members(code, "teacher")
    assert len(members) == 5
    flood = [m.id for m in members if m.same_address == 4]
    assert len(flood) == 4 and all(m.runs == 1 for m in members)
    with pytest.raises(db.Refused, match="not_teacher"):
        s.remove_members(code, "flood-0", flood)
    assert s.remove_members(code, "projector", flood, token=created.token) == 4
    room = s.room(code)
    assert (room.members, room.submissions) == (1, 1)
    with pytest.raises(db.Refused, match="removed"):
        s.join(code, "flood-0", "198.51.100.7")
    with pytest.raises(db.Refused, match="removed"):
        s.submit(code, "flood-1", linreg_run(seed=50))


def test_a_version_2_database_is_upgraded_to_3_without_losing_rows(tmp_path):
    path = tmp_path / "class.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # what the previous app made
        for v in (1, 2):
            db.MIGRATIONS[v](conn)
        db.VERSION.create(conn)
        conn.execute(sa.insert(db.VERSION).values(version=2))
        conn.execute(sa.text(
            "INSERT INTO classroom_rooms (code, lesson, status, teacher_hash, creator_hash, "
            "created_at, expires_at) VALUES ('ABCDEFGH', 'linreg', 'open', 'x', :c, 0, 9e12)"),
            {"c": db.session_hash("teacher")})
        conn.execute(sa.text(
            "INSERT INTO classroom_members (room_id, session_hash, adjective, animal, "
            "joined_at) VALUES (1, :s, 0, 0, 0)"), {"s": db.session_hash("student")})
    s = sqlite_store(path)
    assert s.schema_version() == db.SCHEMA_VERSION == 3
    assert s.room("ABCDEFGH").members == 1
    s.submit("ABCDEFGH", "student", linreg_run())
    assert [m.runs for m in s.members("ABCDEFGH", "teacher")] == [1]


# ---- the CSV -----------------------------------------------------------------------------

def test_the_csv_holds_every_run_of_every_lesson_with_iso_times(tmp_path):
    s = sqlite_store(tmp_path / "class.sqlite3")
    code = a_room_with_a_student(s)
    s.submit(code, "student", linreg_run())
    s.set_lesson(code, "teacher", "classifier")
    s.clock.now += 3
    s.submit(code, "student", classifier_run())
    s.clock.now += 3
    s.submit(code, "student", classifier_run(seed=1))
    assert len(s.rows(code)) == 2, "the board shows the current lesson's runs"
    table = list(csv.DictReader(io.StringIO(board.to_csv(s.rows(code, every_lesson=True)))))
    assert [r["lesson"] for r in table] == ["linreg", "classifier", "classifier"]
    when = datetime.datetime.fromisoformat(table[0]["submitted_at"])
    assert when.tzinfo is not None
    assert when.timestamp() == pytest.approx(Clock().now)
    assert table[0]["submitted_at"].startswith("2027-01-15T")


def test_a_token_opens_the_room_to_a_browser_for_good(tmp_path):
    token_for_good(sqlite_store(tmp_path / "class.sqlite3"))


def token_for_good(s: db.Store) -> None:
    """Run on PostgreSQL too."""
    created = s.create_room("laptop", "linreg")
    code = created.code
    assert not s.is_teacher(code, "projector", "wrong-token", remember=True)
    assert not s.is_teacher(code, "projector")
    assert s.is_teacher(code, "projector", created.token, remember=True)
    assert s.is_teacher(code, "projector"), "a reload of the projector: no token needed"
    s.set_status(code, "projector", "paused")
    assert not s.is_teacher(code, "student")
    with pytest.raises(db.Refused, match="not_teacher"):
        s.set_status(code, "student", "open")


def test_a_hall_behind_one_address_fits_unless_the_server_lowers_the_cap(monkeypatch):
    """A lecture hall often shares one campus NAT: by default one address may fill the room;
    D2L_CLASS_MEMBERS_PER_ADDRESS lowers the cap, and a bad value keeps the default."""
    from ui import classroom as ui_classroom
    cap = db.Limits().max_members
    assert db.Limits().max_members_per_address == cap
    for raw, expected in (("", cap), ("60", 60), ("0", 1), ("99999", cap), ("ten", cap),
                          ("-5", cap)):
        monkeypatch.setenv("D2L_CLASS_MEMBERS_PER_ADDRESS", raw)
        assert ui_classroom._per_address() == expected, raw
