"""The class experiment's core on a real SQLite file: rooms, validation, expiry, caps, many
writers at once, schema upgrades and database faults. `lifecycle` and `thirty_writers` are
run against PostgreSQL too (tests/test_classroom_postgres.py), through the same code.
"""

import csv
import dataclasses
import io
import itertools
import json
import math
import sqlite3
import threading

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classroom import board, names
from classroom import store as db
from classroom.submission import LESSONS, MAX_EPOCHS, Invalid, as_raw, validate


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def linreg_run(lr=0.03, batch_size=10, epochs=3, seed=0, loss=0.5) -> dict:
    return {"lesson": "linreg", "impl": "scratch", "lr": lr, "batch_size": batch_size,
            "epochs": epochs, "seed": seed, "device": "cpu", "seconds_per_epoch": 0.01,
            "train_loss": [loss * 0.5**k for k in range(epochs)]}


def classifier_run(lr=0.1, batch_size=256, epochs=2, seed=0, acc=0.8) -> dict:
    return {"lesson": "classifier", "impl": "concise", "lr": lr, "batch_size": batch_size,
            "epochs": epochs, "seed": seed, "device": "cuda", "seconds_per_epoch": 1.5,
            "train_loss": [0.8] * epochs, "train_acc": [0.7] * epochs,
            "test_acc": [acc - 0.01 * (epochs - 1 - k) for k in range(epochs)]}


def sqlite_store(path, **limits) -> db.Store:
    return db.Store(sa.create_engine(f"sqlite:///{path}"), db.Limits(**limits), Clock())


def count(store: db.Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


@pytest.fixture
def store(tmp_path) -> db.Store:
    s = sqlite_store(tmp_path / "class.sqlite3", min_interval=0.0)
    s.ensure_schema()
    return s


# ---- shared with the PostgreSQL test ----------------------------------------------------

def lifecycle(store: db.Store) -> None:
    """Start, join, submit, pause, resume, clear, close: with every refusal on the way."""
    clock = store.clock
    created = store.create_room("teacher", "linreg")
    assert db.valid_code(created.code) and len(created.token) >= 20
    code = created.code
    alice = store.join(code, "alice")
    assert store.join(code, "alice") == alice, "joining again keeps the pseudonym"
    bob = store.join(code, "bob")
    assert alice != bob and alice.name("en") != "?" and alice.name("zh") != "?"
    first = store.submit(code, "alice", linreg_run(lr=0.03))
    clock.now += 5
    store.submit(code, "bob", linreg_run(lr=3.0, loss=9.0))
    with pytest.raises(db.Refused, match="duplicate"):
        clock.now += 5
        store.submit(code, "alice", linreg_run(lr=0.03))
    with pytest.raises(db.Refused, match="not_member"):
        store.submit(code, "carol", linreg_run())
    with pytest.raises(db.Refused, match="other_lesson"):
        store.submit(code, "alice", classifier_run())
    room = store.room(code)
    assert (room.members, room.submitted, room.submissions, room.status) == (2, 2, 2, "open")
    rows = store.rows(code, "alice")
    assert [r.mine for r in rows] == [True, False] and rows[0].id == first
    assert rows[0].submission == validate(linreg_run(lr=0.03))

    for verb in (lambda: store.set_status(code, "bob", "paused"),
                 lambda: store.clear(code, "bob"),
                 lambda: store.set_status(code, "bob", "closed"),
                 lambda: store.set_lesson(code, "bob", "classifier"),
                 lambda: store.clear(code, "bob", token="not-the-token")):
        with pytest.raises(db.Refused, match="not_teacher"):
            verb()
    assert store.is_teacher(code, "teacher") and not store.is_teacher(code, "bob")
    assert store.is_teacher(code, "projector", created.token)

    store.set_status(code, "teacher", "paused")
    clock.now += 5
    with pytest.raises(db.Refused, match="paused"):
        store.submit(code, "alice", linreg_run(lr=0.1))
    store.set_status(code, "projector", "open", token=created.token)  # the token's holder
    store.submit(code, "alice", linreg_run(lr=0.1))
    assert store.clear(code, "teacher") == 3
    assert store.room(code).submissions == 0 and store.room(code).members == 2
    store.set_lesson(code, "teacher", "classifier")
    clock.now += 5
    store.submit(code, "alice", classifier_run())
    store.set_status(code, "teacher", "closed")
    with pytest.raises(db.Refused, match="closed"):
        store.join(code, "dave")
    clock.now += 5
    with pytest.raises(db.Refused, match="closed"):
        store.submit(code, "alice", classifier_run(lr=0.3))
    assert len(store.rows(code)) == 1
    with pytest.raises(db.Refused, match="no_room"):
        store.join("AAAAAAAA" if code != "AAAAAAAA" else "BBBBBBBB", "alice")


def thirty_writers(store: db.Store) -> None:
    """30 students submit at the same moment; then one student double-clicks from 2 threads."""
    code = store.create_room("teacher", "classifier").code
    students = [f"student-{i}" for i in range(30)]
    for s in students:
        store.join(code, s)
    barrier, errors, ids = threading.Barrier(30), [], []

    def submit(i: int) -> None:
        barrier.wait()
        try:
            ids.append(store.submit(code, students[i], classifier_run(lr=10.0 ** (i % 5 - 3),
                                                                      acc=0.5 + i / 100)))
        except Exception as e:  # noqa: BLE001 (collected and asserted on below)
            errors.append(e)

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(30)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    rows = store.rows(code)
    assert len(rows) == 30 == len(set(ids)) == len({r.id for r in rows})
    assert sorted(r.submission.final_test_acc for r in rows) == pytest.approx(
        [0.5 + i / 100 for i in range(30)])
    assert len({r.member for r in rows}) == 30, "one row per student, each under its own name"

    store.clock.now += 5  # past the rate limit: only the double click itself is refused
    outcomes = []
    twice = threading.Barrier(2)

    def double_click() -> None:
        twice.wait()
        try:
            outcomes.append(store.submit(code, students[0], classifier_run(lr=100.0)))
        except db.Refused as e:
            outcomes.append(e.reason)

    pair = [threading.Thread(target=double_click) for _ in range(2)]
    for th in pair:
        th.start()
    for th in pair:
        th.join()
    assert sorted(map(str, outcomes))[1:] in (["duplicate"], ["rate"]), outcomes
    assert len(store.rows(code)) == 31


# ---- on SQLite ------------------------------------------------------------------------

def test_lifecycle(store):
    lifecycle(store)


def test_thirty_writers_at_once(tmp_path):
    s = sqlite_store(tmp_path / "busy.sqlite3", min_interval=1.0)
    s.ensure_schema()
    thirty_writers(s)
    with sqlite3.connect(tmp_path / "busy.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_codes_are_long_random_and_from_the_alphabet():
    codes = {db.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(db.valid_code(c) for c in codes)
    assert len(db.CODE_ALPHABET) ** db.CODE_LENGTH > 10**12
    for bad in ["", "abcdefgh", "ABCDEFG", "ABCDEFGHJ", "ABCD-EFG", "0OOOOOOO", None, 12345678,
                "<b>AAAA</b>", "../../etc"]:
        assert not db.valid_code(bad)


def test_only_hashes_of_the_token_and_the_session_are_stored(store, tmp_path):
    created = store.create_room("my-session-id", "linreg")
    store.join(created.code, "student-session-id")
    dump = "\n".join(sqlite3.connect(tmp_path / "class.sqlite3").iterdump())
    assert created.code in dump
    for secret in (created.token, "my-session-id", "student-session-id"):
        assert secret not in dump


def test_pseudonyms_are_unique_in_a_room_and_from_the_fixed_list(store):
    code = store.create_room("t", "linreg").code
    members = [store.join(code, f"s{i}") for i in range(200)]
    assert len(set(members)) == 200
    for m in members:
        assert m.name("en").split(" ")[0] in {a for a, _ in names.ADJECTIVES}
        assert m.name("zh").endswith(tuple(z for _, z in names.ANIMALS))
    assert names.pseudonym(99, 0) == "?"


def test_rooms_expire_and_are_purged(tmp_path):
    s = sqlite_store(tmp_path / "e.sqlite3", ttl_seconds=3600, min_interval=0.0)
    s.ensure_schema()
    code = s.create_room("t", "linreg").code
    s.join(code, "a")
    s.submit(code, "a", linreg_run())
    s.clock.now += 3599
    assert s.room(code) is not None
    s.clock.now += 2
    assert s.room(code) is None and s.rows(code) == []
    with pytest.raises(db.Refused, match="no_room"):
        s.submit(code, "a", linreg_run(lr=0.1))
    with pytest.raises(db.Refused, match="no_room"):
        s.join(code, "b")
    assert s.purge() == 1
    assert count(s, db.ROOMS) == count(s, db.MEMBERS) == count(s, db.SUBMISSIONS) == 0


def test_caps_and_rate_limits(tmp_path):
    s = sqlite_store(tmp_path / "caps.sqlite3", max_members=3, max_submissions=4,
                     max_per_member=3, min_interval=2.0, max_rooms_per_hour=2)
    s.ensure_schema()
    code = s.create_room("t", "linreg").code
    for who in "abc":
        s.join(code, who)
    with pytest.raises(db.Refused, match="members_cap"):
        s.join(code, "d")
    s.join(code, "a")  # a member coming back is not a new one
    s.submit(code, "a", linreg_run(lr=0.01))
    with pytest.raises(db.Refused, match="rate"):
        s.submit(code, "a", linreg_run(lr=0.1))
    s.clock.now += 2
    s.submit(code, "a", linreg_run(lr=0.1))
    s.clock.now += 2
    s.submit(code, "a", linreg_run(lr=1.0))
    s.clock.now += 2
    with pytest.raises(db.Refused, match="member_cap"):
        s.submit(code, "a", linreg_run(lr=3.0))
    s.submit(code, "b", linreg_run(lr=3.0))
    with pytest.raises(db.Refused, match="submissions_cap"):
        s.submit(code, "c", linreg_run(lr=5.0))
    assert s.room(code).submissions == 4
    s.create_room("t", "classifier")
    with pytest.raises(db.Refused, match="rooms_rate"):
        s.create_room("t", "classifier")
    s.clock.now += 3601
    s.create_room("t", "classifier")


# ---- validation ---------------------------------------------------------------------------

TEACHERS = itertools.count()  # a new creator per example: the rooms-per-hour cap stays out
BAD_VALUES = st.one_of(
    st.none(), st.booleans(), st.text(max_size=20),
    st.sampled_from([math.nan, math.inf, -math.inf, -1.0, 1e308, -0.5, 1e6, 10**12,
                     "<script>alert(1)</script>", "../../etc/passwd", "0.1", [], {}, [0.1]]),
    st.lists(st.floats(allow_nan=True), max_size=3),
)


@st.composite
def malformed(draw):
    """A valid run with one thing broken: a field changed, dropped or added."""
    raw = draw(st.sampled_from([linreg_run(), classifier_run(), linreg_run(epochs=MAX_EPOCHS)]))
    raw = {k: (list(v) if isinstance(v, list) else v) for k, v in raw.items()}
    how = draw(st.sampled_from(["replace", "drop", "add", "series", "length"]))
    field = draw(st.sampled_from(sorted(raw)))
    if how == "replace":
        raw[field] = draw(BAD_VALUES.filter(lambda v: not _fits(raw, field, v)))
    elif how == "drop":
        del raw[field]
    elif how == "add":
        raw[draw(st.sampled_from(["name", "comment", "html", "path", "train_acc"]))] = "x"
    elif how == "series":
        series = draw(st.sampled_from([k for k in raw if isinstance(raw[k], list)]))
        raw[series][draw(st.integers(0, len(raw[series]) - 1))] = draw(st.sampled_from(
            [math.nan, math.inf, -1.0, 2.0 if series != "train_loss" else 1e31, "0.5", None]))
    else:
        series = draw(st.sampled_from([k for k in raw if isinstance(raw[k], list)]))
        raw[series] = raw[series] + [0.1] * draw(st.integers(1, 40))
    return raw


def _fits(raw: dict, field: str, value) -> bool:
    """Would `value` still be a valid `field` (then it is no malformation)?"""
    try:
        validate({**raw, field: value})
    except Invalid:
        return False
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.function_scoped_fixture])
@given(raw=malformed())
def test_a_malformed_submission_is_refused_with_a_reason_and_never_stored(store, raw):
    lesson = raw["lesson"] if str(raw.get("lesson")) in LESSONS else "linreg"
    code = store.create_room(f"teacher-{next(TEACHERS)}", lesson).code
    store.join(code, "s")
    before = count(store, db.SUBMISSIONS)
    with pytest.raises(Invalid) as refused:
        store.submit(code, "s", raw)
    assert refused.value.reason and refused.value.reason.replace("_", "").isalpha()
    assert count(store, db.SUBMISSIONS) == before


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lesson=st.sampled_from(sorted(LESSONS)), data=st.data())
def test_any_run_within_the_pages_ranges_is_kept_exactly(store, lesson, data):
    spec = LESSONS[lesson]
    epochs = data.draw(st.integers(1, MAX_EPOCHS))
    unit = st.floats(0, 1)
    raw = {"lesson": lesson, "impl": data.draw(st.sampled_from(["scratch", "concise"])),
           "lr": data.draw(st.floats(*spec.lr)), "batch_size": data.draw(st.integers(*spec.batch_size)),
           "epochs": epochs, "seed": data.draw(st.integers(0, 2**31 - 1)),
           "device": data.draw(st.sampled_from(["cpu", "cuda"])),
           "seconds_per_epoch": data.draw(st.floats(0, 3600)),
           "train_loss": data.draw(st.lists(st.floats(0, 1e30), min_size=epochs, max_size=epochs))}
    if spec.accuracy:
        raw["train_acc"] = data.draw(st.lists(unit, min_size=epochs, max_size=epochs))
        raw["test_acc"] = data.draw(st.lists(unit, min_size=epochs, max_size=epochs))
    code = store.create_room(f"teacher-{next(TEACHERS)}", lesson).code
    store.join(code, "s")
    store.submit(code, "s", raw)
    [row] = store.rows(code)
    assert row.submission == validate(raw) and as_raw(row.submission) == raw


# ---- the schema: created, upgraded, and a newer one left alone ---------------------------

def v1_database(path) -> None:
    """A database as the first version of the app left it: schema 1, one room, two runs."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        db.MIGRATIONS[1](conn)
        db.VERSION.create(conn)
        conn.execute(sa.insert(db.VERSION).values(version=1))
        conn.execute(sa.text(
            "INSERT INTO classroom_rooms (id, code, lesson, status, teacher_hash, creator_hash,"
            " created_at, expires_at) VALUES (1, 'ABCDEFGH', 'linreg', 'open', 'x', :creator,"
            " 0, 9e18)"), {"creator": db.session_hash("old-teacher")})
        for i, lr in enumerate([0.03, 0.3], 1):
            conn.execute(sa.text(
                "INSERT INTO classroom_members (id, room_id, session_hash, adjective, animal,"
                " joined_at) VALUES (:i, 1, :h, :i, :i, 0)"), {"i": i, "h": db.session_hash(f"s{i}")})
            conn.execute(sa.text(
                "INSERT INTO classroom_submissions (room_id, member_id, lesson, impl, lr, "
                "batch_size, epochs, seed, device, seconds_per_epoch, train_loss, final_loss, "
                "created_at) VALUES (1, :i, 'linreg', 'scratch', :lr, 10, 2, 0, 'cpu', 0.1, "
                ":loss, 0.25, 0)"), {"i": i, "lr": lr, "loss": json.dumps([0.5, 0.25])})
    engine.dispose()


def test_an_empty_database_gets_the_current_schema(tmp_path):
    path = tmp_path / "v0.sqlite3"
    sqlite3.connect(path).close()  # v0: an empty file
    s = sqlite_store(path)
    assert s.schema_version() == 0
    assert s.ensure_schema() == db.SCHEMA_VERSION == s.schema_version()
    assert s.ensure_schema() == db.SCHEMA_VERSION  # a second start changes nothing


def test_a_version_1_database_is_upgraded_without_losing_rows(tmp_path):
    path = tmp_path / "v1.sqlite3"
    v1_database(path)
    s = sqlite_store(path, min_interval=0.0)
    assert s.schema_version() == 1
    s.ensure_schema()
    assert s.schema_version() == db.SCHEMA_VERSION
    rows = s.rows("ABCDEFGH", "s1")
    assert [(r.submission.lr, r.mine) for r in rows] == [(0.03, True), (0.3, False)]
    assert s.is_teacher("ABCDEFGH", "old-teacher")
    s.submit("ABCDEFGH", "s1", linreg_run(lr=1.0))  # the new column works on an old room
    with pytest.raises(db.Refused, match="duplicate"):
        s.submit("ABCDEFGH", "s1", linreg_run(lr=1.0))
    assert len(s.rows("ABCDEFGH")) == 3


def test_a_database_from_a_newer_app_is_left_untouched(tmp_path):
    path = tmp_path / "v9.sqlite3"
    s = sqlite_store(path)
    s.ensure_schema()
    with s.engine.begin() as conn:
        conn.execute(sa.update(db.VERSION).values(version=99))
    before = path.read_bytes()
    with pytest.raises(db.StoreError) as e:
        sqlite_store(path).ensure_schema()
    assert e.value.kind == "newer"
    assert sqlite_store(path).schema_version() == 99 and path.read_bytes() == before


# ---- faults ---------------------------------------------------------------------------------

def fault(store: db.Store) -> str:
    with pytest.raises(db.StoreError) as e:
        store.ensure_schema()
        code = store.create_room("t", "linreg").code
        store.join(code, "s")
    return e.value.kind


def test_a_corrupt_file_is_named_corrupt(tmp_path):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"this is not an SQLite database, just some bytes " * 100)
    assert fault(sqlite_store(path)) == "corrupt"


def test_a_missing_folder_is_named_missing(tmp_path):
    assert fault(sqlite_store(tmp_path / "no" / "such" / "folder.sqlite3")) == "missing"


def test_a_read_only_database_is_named_unwritable(tmp_path):
    path = tmp_path / "ro.sqlite3"
    sqlite_store(path).ensure_schema()
    engine = sa.create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert fault(db.Store(engine)) == "unwritable"
    with pytest.raises(db.StoreError, match="unwritable"):
        db.Store(engine).check_writable()
    sqlite_store(path).check_writable()  # the same file opened for writing is fine


def test_a_locked_database_is_named_locked_and_readers_still_read(tmp_path):
    path = tmp_path / "locked.sqlite3"
    s = sqlite_store(path, busy_timeout=0.2)
    s.ensure_schema()
    code = s.create_room("t", "linreg").code
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert s.room(code) is not None  # WAL: the board can still read
        with pytest.raises(db.StoreError, match="locked"):
            s.check_writable(wait=0.1)
        with pytest.raises(db.StoreError) as e:
            s.join(code, "s")
        assert e.value.kind == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    s.join(code, "s")


# ---- the board's figures and the CSV ----------------------------------------------------

def test_board_ranks_runs_and_marks_mine(store):
    code = store.create_room("t", "classifier").code
    for i, acc in enumerate([0.6, 0.85, 0.3]):
        store.join(code, f"s{i}")
        store.submit(code, f"s{i}", classifier_run(lr=10.0 ** (i - 2), acc=acc))
    b = board.summarize(store.rows(code, "s1"), "classifier")
    assert b.metric == "test_acc" and b.higher_is_better
    assert (b.best.value, b.worst.value, b.median) == pytest.approx((0.85, 0.3, 0.6))
    assert b.best.mine and not b.worst.mine and b.submitters == 3
    assert b.reference == (0.1, 256, 10)
    assert b.best.curve == store.rows(code)[1].submission.test_acc


def test_board_for_regression_prefers_the_lowest_loss(store):
    code = store.create_room("t", "linreg").code
    for i, loss in enumerate([2.0, 1e-4, 50.0]):
        store.join(code, f"s{i}")
        store.submit(code, f"s{i}", linreg_run(lr=0.01 * (i + 1), loss=loss))
    b = board.summarize(store.rows(code), "linreg")
    assert not b.higher_is_better and b.metric == "loss"
    assert b.best.value == pytest.approx(1e-4 * 0.25) and b.worst.value == pytest.approx(12.5)
    assert board.summarize([], "linreg").best is None


def test_csv_holds_every_run_and_only_numbers_and_fixed_words(store):
    code = store.create_room("t", "classifier").code
    store.join(code, "s")
    store.submit(code, "s", classifier_run(epochs=3))
    rows = store.rows(code)
    table = list(csv.DictReader(io.StringIO(board.to_csv(rows, "zh"))))
    assert len(table) == 1 and tuple(table[0]) == board.CSV_COLUMNS
    line = table[0]
    assert line["pseudonym"] == rows[0].member.name("zh")
    assert [float(v) for v in line["test_acc"].split()] == pytest.approx(
        rows[0].submission.test_acc)
    for cell in line.values():
        assert not cell.startswith(("=", "+", "-", "@"))


def test_an_edited_row_is_left_out_of_the_board(store):
    code = store.create_room("t", "linreg").code
    store.join(code, "s")
    store.submit(code, "s", linreg_run())
    with store.engine.begin() as conn:
        conn.execute(sa.update(db.SUBMISSIONS).values(train_loss='["<b>x</b>"]'))
    assert store.rows(code) == []


def test_submission_dataclass_is_frozen():
    s = validate(linreg_run())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.lr = 1.0  # type: ignore[misc]
