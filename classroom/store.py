"""Rooms, members and submissions in a SQL database, through SQLAlchemy only.

The same code runs on an SQLite file (the default: WAL mode, writes take the lock up front
with BEGIN IMMEDIATE) and on PostgreSQL (several app replicas: writes lock the room's row
with SELECT … FOR UPDATE). The app creates and upgrades the schema itself: `schema_version`
holds the version, `MIGRATIONS[v]` turns version v − 1 into v, and an older database is
upgraded in place without losing rows. A database newer than this app is left untouched.

Browsers are known by a hash of a random id their cookie keeps, client addresses by a keyed
hash; a teacher token is handed over privately and only its hash is stored. Failures of the
database become `StoreError(kind)`; a request the rules refuse becomes `Refused(reason)`
(or `submission.Invalid(reason)`).

No acknowledged write is lost silently: on SQLite every transaction checks that the file at
the path is still the one this engine first opened (a deleted, moved or replaced file keeps
serving the old, unlinked copy through open handles, and a restart would find nothing) and
that its write-ahead log was not deleted under it (on Linux), a
write is checked again after its commit, commits are synchronous=FULL, and the last failed
write (a full disk, a lock held too long) is remembered for the teacher's board.
"""

import contextlib
import dataclasses
import hashlib
import json
import os
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy import event, exc

from classroom import names
from classroom.submission import LESSONS, Submission, validate

SCHEMA_VERSION = 3
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 8                                      # 32⁸ ≈ 1.1 · 10¹² codes
STATUSES = ("open", "paused", "closed")


@dataclasses.dataclass(frozen=True)
class Limits:
    """What protects a public server."""
    ttl_seconds: float = 24 * 3600     # a room expires this long after it was created
    max_members: int = 300
    max_submissions: int = 3000        # per room
    max_per_member: int = 60           # submissions per member
    min_interval: float = 2.0          # seconds between two submissions of one member
    max_rooms_per_hour: int = 5        # rooms one browser may create
    # Members of one room behind one client address. A lecture hall often reaches the server
    # through one NAT (a campus network) or a proxy that hides addresses, so the default is the
    # room's own cap; D2L_CLASS_MEMBERS_PER_ADDRESS lowers it where students' addresses differ.
    max_members_per_address: int = 300
    max_rooms_per_address: int = 20    # rooms per hour from one client address
    busy_timeout: float = 2.0          # seconds SQLite waits for a lock: a bounded wait


class StoreError(Exception):
    """The database failed. kind: unwritable, locked, missing, corrupt, full, moved, newer,
    unavailable. `detail` is for the server's log, never for a page."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind, self.detail = kind, detail


class Refused(Exception):
    """The rules refuse this request; `reason` is a short code the page translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Created:
    code: str
    token: str  # handed to the teacher privately; only its hash is kept


@dataclasses.dataclass(frozen=True)
class Room:
    code: str
    lesson: str
    status: str
    created_at: float
    expires_at: float
    members: int
    submitted: int      # members with at least one submission
    submissions: int


@dataclasses.dataclass(frozen=True)
class Member:
    adjective: int
    animal: int

    def name(self, lang: str = "en") -> str:
        return names.pseudonym(self.adjective, self.animal, lang)


@dataclasses.dataclass(frozen=True)
class Row:
    """One stored submission as the board reads it."""
    id: int
    member: Member
    mine: bool
    submission: Submission
    created_at: float
    owner: str = ""     # the submitter's browser hash (marks `mine` for a shared snapshot)


@dataclasses.dataclass(frozen=True)
class MemberInfo:
    """A member as the teacher sees them: to spot and remove a flood."""
    id: int
    member: Member
    runs: int
    joined_at: float
    same_address: int   # members of the room behind the same client address (this one too)


@dataclasses.dataclass(frozen=True)
class Health:
    """The last write that failed, for the teacher's board (None: the last write worked)."""
    kind: str
    at: float


def session_hash(session_id: str) -> str:
    return hashlib.sha256(f"session:{session_id}".encode()).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(f"teacher:{token}".encode()).hexdigest()


_ADDRESS_KEY = secrets.token_bytes(16)  # per process: an address hash cannot be reversed


def address_hash(address: str | None) -> str | None:
    """A keyed hash of a client address (None when unknown). A restart starts a new key."""
    if not address:
        return None
    return hashlib.blake2b(address.encode(), key=_ADDRESS_KEY, digest_size=16).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def valid_code(code) -> bool:
    """Is `code` shaped like a room code (so it may be looked up at all)?"""
    return (isinstance(code, str) and len(code) == CODE_LENGTH
            and all(c in CODE_ALPHABET for c in code))


# ---- the schema, version by version -----------------------------------------------------

def _tables(metadata: sa.MetaData, version: int) -> tuple[sa.Table, sa.Table, sa.Table]:
    rooms = sa.Table(
        "classroom_rooms", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(16), nullable=False, unique=True),
        sa.Column("lesson", sa.String(16), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("teacher_hash", sa.String(64), nullable=False),
        sa.Column("creator_hash", sa.String(64), nullable=False, index=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True))
    members = sa.Table(
        "classroom_members", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("room_id", sa.Integer, sa.ForeignKey("classroom_rooms.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("session_hash", sa.String(64), nullable=False),
        sa.Column("adjective", sa.Integer, nullable=False),
        sa.Column("animal", sa.Integer, nullable=False),
        sa.Column("joined_at", sa.Float, nullable=False),
        sa.UniqueConstraint("room_id", "session_hash", name="uq_member_session"))
    columns = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("room_id", sa.Integer, sa.ForeignKey("classroom_rooms.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("member_id", sa.Integer,
                  sa.ForeignKey("classroom_members.id", ondelete="CASCADE"), nullable=False),
        sa.Column("lesson", sa.String(16), nullable=False),
        sa.Column("impl", sa.String(16), nullable=False),
        sa.Column("lr", sa.Float, nullable=False),
        sa.Column("batch_size", sa.Integer, nullable=False),
        sa.Column("epochs", sa.Integer, nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("device", sa.String(8), nullable=False),
        sa.Column("seconds_per_epoch", sa.Float, nullable=False),
        sa.Column("train_loss", sa.Text, nullable=False),   # JSON list, one value per epoch
        sa.Column("train_acc", sa.Text),
        sa.Column("test_acc", sa.Text),
        sa.Column("final_loss", sa.Float, nullable=False),
        sa.Column("final_test_acc", sa.Float),
        sa.Column("created_at", sa.Float, nullable=False)]
    if version >= 2:  # v2: a resubmitted run is recognised and refused
        columns.append(sa.Column("run_token", sa.String(32)))
    submissions = sa.Table("classroom_submissions", metadata, *columns)
    if version >= 3:  # v3: limits per client address; the teacher removes a flooding member
        rooms.append_column(sa.Column("creator_address", sa.String(64)))
        members.append_column(sa.Column("address_hash", sa.String(64)))
        members.append_column(sa.Column("removed", sa.Integer, nullable=False, default=0))
    return rooms, members, submissions


VERSION = sa.Table("classroom_schema_version", sa.MetaData(),
                   sa.Column("version", sa.Integer, nullable=False))
# v3: the browsers a teacher token has opened a room to (a reload keeps their controls)
TEACHERS = sa.Table(
    "classroom_teachers", sa.MetaData(),
    sa.Column("room_id", sa.Integer, nullable=False, primary_key=True),
    sa.Column("session_hash", sa.String(64), nullable=False, primary_key=True))
ROOMS, MEMBERS, SUBMISSIONS = _tables(sa.MetaData(), SCHEMA_VERSION)


def _v1(conn: sa.Connection) -> None:
    """Version 1: rooms, members, submissions."""
    metadata = sa.MetaData()
    _tables(metadata, 1)
    metadata.create_all(conn)


def _v2(conn: sa.Connection) -> None:
    """Version 2: submissions carry a run token, unique per member."""
    conn.execute(sa.text("ALTER TABLE classroom_submissions ADD COLUMN run_token VARCHAR(32)"))
    conn.execute(sa.text("CREATE UNIQUE INDEX IF NOT EXISTS uq_submission_run "
                         "ON classroom_submissions (room_id, member_id, run_token)"))


def _v3(conn: sa.Connection) -> None:
    """Version 3: client-address hashes on rooms and members, and removed members."""
    conn.execute(sa.text("ALTER TABLE classroom_rooms ADD COLUMN creator_address VARCHAR(64)"))
    conn.execute(sa.text("ALTER TABLE classroom_members ADD COLUMN address_hash VARCHAR(64)"))
    conn.execute(sa.text("ALTER TABLE classroom_members "
                         "ADD COLUMN removed INTEGER NOT NULL DEFAULT 0"))
    TEACHERS.create(conn)


MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _v1, 2: _v2, 3: _v3}


# ---- SQLite: WAL, a busy timeout, and writes that take the lock when they begin ----------

def _sqlite_begin(conn: sa.Connection) -> None:
    write = conn.get_execution_options().get("classroom_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _identity(path: str) -> tuple[int, int] | None:
    """Which file is at `path` now (device, inode), or None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _file_path(engine: sa.Engine) -> str | None:
    """The SQLite file of `engine` (None: another database, or one in memory)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if not database or database == ":memory:" or "mode=memory" in str(engine.url):
        return None
    return database.removeprefix("file:").split("?")[0]


def _held_deleted(path: str) -> bool:
    """Does this process hold `path`'s write-ahead log (or its index) open after it was
    deleted (Linux's /proc/self/fd; elsewhere: no)? A commit sits in the -wal file until a
    checkpoint copies it into the database: with `rm class.sqlite3-wal` the runs written
    since would be gone after a crash or a restart's first reader, though the file is there."""
    real = os.path.realpath(path)
    gone = {f"{real}-wal (deleted)", f"{real}-shm (deleted)"}
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/self/fd/{fd}") in gone:
                return True
        except OSError:  # closed meanwhile
            continue
    return False


# The file each SQLite engine first wrote, and the last write failure per engine: state of the
# process (engines are shared by every session), so every board sees it.
_FIRST_FILE: "weakref.WeakKeyDictionary[sa.Engine, tuple[int, int]]" = weakref.WeakKeyDictionary()
_LAST_FAILURE: "weakref.WeakKeyDictionary[sa.Engine, Health]" = weakref.WeakKeyDictionary()
# the -wal and -shm files last seen: /proc is read only when they change (it costs ms)
_LOG_FILES: "weakref.WeakKeyDictionary[sa.Engine, tuple]" = weakref.WeakKeyDictionary()
_STATE_LOCK = threading.Lock()


def prepare_engine(engine: sa.Engine, busy_timeout: float = Limits.busy_timeout) -> sa.Engine:
    """Attach the SQLite settings once (nothing to do for other databases)."""
    if engine.dialect.name != "sqlite" or event.contains(engine, "begin", _sqlite_begin):
        return engine

    def connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the "begin" event issues BEGIN itself
        # synchronous=FULL: a commit is on the disk before the student reads "Submitted"
        for pragma in (f"busy_timeout={int(busy_timeout * 1000)}", "journal_mode=WAL",
                       "synchronous=FULL", "foreign_keys=ON"):
            dbapi_connection.execute(f"PRAGMA {pragma}").close()

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


# What went wrong, by SQLite's own phrases and PostgreSQL's SQLSTATE classes: never by a
# lone word, which a host or role name in a connection error may hold ('fullerton-db').
_PHRASES = (
    ("locked", ("database is locked", "table is locked", "schema is locked",
                "lock timeout", "deadlock detected")),
    ("full", ("database or disk is full", "no space left on device", "disk full")),
    ("unwritable", ("readonly database", "read-only transaction", "permission denied",
                    "must be owner of")),
    ("corrupt", ("file is not a database", "database disk image is malformed")),
)
_SQLSTATES = {"55P03": "locked", "40P01": "locked", "53100": "full", "25006": "unwritable",
              "42501": "unwritable", "XX001": "corrupt", "XX002": "corrupt"}


def _classify(e: Exception, path: str | None) -> StoreError:
    """What went wrong, in words a teacher can act on."""
    orig = getattr(e, "orig", None) or e
    text = str(orig).lower()
    kind = _SQLSTATES.get(getattr(orig, "sqlstate", None) or "")
    for name, phrases in _PHRASES:
        if kind is None and any(phrase in text for phrase in phrases):
            kind = name
    if kind is None and "unable to open" in text and path:
        folder = os.path.dirname(os.path.abspath(path))
        kind = "missing" if not os.path.isdir(folder) else "unwritable"
    return StoreError(kind or "unavailable", str(orig)[:200])


class Store:
    """The class experiment's database."""

    def __init__(self, engine: sa.Engine, limits: Limits = Limits(),
                 clock: Callable[[], float] = time.time):
        self.engine = prepare_engine(engine, limits.busy_timeout)
        self.limits, self.clock = limits, clock
        self.path = engine.url.database if engine.dialect.name == "sqlite" else None
        self.file = _file_path(engine)

    # -- transactions ---------------------------------------------------------------------

    def _same_file(self) -> None:
        """StoreError 'moved' when the SQLite file at the path is not (or no longer) the one
        this engine first wrote: what is written now would not be there after a restart."""
        if self.file is None:
            return
        now = _identity(self.file)
        with _STATE_LOCK:
            first = _FIRST_FILE.setdefault(self.engine, now) if now else _FIRST_FILE.get(
                self.engine)
        if now is None or now != first:
            raise StoreError("moved", f"{self.file}: {'gone' if now is None else 'replaced'}")
        logs = tuple(_identity(self.file + suffix) for suffix in ("-wal", "-shm"))
        with _STATE_LOCK:
            known = _LOG_FILES.get(self.engine)
        if logs != known:  # a first look, or the log was made anew: was it deleted under us?
            if _held_deleted(self.file):
                raise StoreError("moved", f"{self.file}: its -wal or -shm file was deleted")
            with _STATE_LOCK:
                _LOG_FILES[self.engine] = logs

    def _failed(self, kind: str | None) -> None:
        with _STATE_LOCK:
            if kind is None:
                _LAST_FAILURE.pop(self.engine, None)
            else:
                _LAST_FAILURE[self.engine] = Health(kind, self.clock())

    def health(self) -> Health | None:
        """The last write that failed (and how), None when the last write worked."""
        with _STATE_LOCK:
            return _LAST_FAILURE.get(self.engine)

    @contextlib.contextmanager
    def _tx(self, write: bool) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(classroom_write=write)
                with conn.begin():
                    self._same_file()
                    yield conn
            if write:
                self._same_file()  # deleted during the write: it must not be acknowledged
        except exc.SQLAlchemyError as e:
            error = _classify(e, self.path)
            if write:
                self._failed(error.kind)
            raise error from e
        except StoreError as e:
            if write:
                self._failed(e.kind)
            raise
        if write:
            self._failed(None)

    def schema_version(self) -> int:
        """The database's schema version (0: no classroom tables yet)."""
        with self._tx(write=False) as conn:
            if not sa.inspect(conn).has_table(VERSION.name):
                return 0
            return int(conn.execute(sa.select(VERSION.c.version)).scalar() or 0)

    def ensure_schema(self) -> int:
        """Create or upgrade the tables; refuse (StoreError 'newer') a database from a newer app."""
        version = self.schema_version()
        if version == SCHEMA_VERSION:
            return version
        if version > SCHEMA_VERSION:
            raise StoreError("newer", f"schema {version} > {SCHEMA_VERSION}")
        with self._tx(write=True) as conn:
            if conn.dialect.name == "postgresql":  # replicas starting together: one migrates
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(1717)"))
            if not sa.inspect(conn).has_table(VERSION.name):
                VERSION.create(conn)
                conn.execute(sa.insert(VERSION).values(version=0))
            version = int(conn.execute(sa.select(VERSION.c.version)).scalar() or 0)
            for v in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[v](conn)
                conn.execute(sa.update(VERSION).values(version=v))
        return SCHEMA_VERSION

    def check_writable(self, wait: float = 0.5) -> None:
        """A write that changes nothing, waiting at most `wait` s for a lock: StoreError
        'unwritable' or 'locked' when a submission would fail now (the board says so)."""
        sqlite = self.engine.dialect.name == "sqlite"
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                if sqlite:
                    raw.execute(f"PRAGMA busy_timeout={int(wait * 1000)}").close()
                try:
                    conn.execution_options(classroom_write=True)
                    with conn.begin():
                        self._same_file()
                        conn.execute(sa.update(VERSION).values(version=VERSION.c.version))
                finally:
                    if sqlite:
                        timeout = int(self.limits.busy_timeout * 1000)
                        raw.execute(f"PRAGMA busy_timeout={timeout}").close()
        except exc.SQLAlchemyError as e:
            raise _classify(e, self.path) from e

    # -- rooms ----------------------------------------------------------------------------

    def create_room(self, session_id: str, lesson: str, address: str | None = None) -> Created:
        """A new room taught by this browser (at most `max_rooms_per_hour` an hour per
        browser, `max_rooms_per_address` per client address)."""
        if lesson not in LESSONS:
            raise Refused("lesson")
        self.purge()
        now, creator, where = self.clock(), session_hash(session_id), address_hash(address)
        token = secrets.token_urlsafe(18)
        with self._tx(write=True) as conn:
            hour = ROOMS.c.created_at > now - 3600
            recent = conn.execute(sa.select(sa.func.count()).select_from(ROOMS).where(
                ROOMS.c.creator_hash == creator, hour)).scalar()
            if recent >= self.limits.max_rooms_per_hour:
                raise Refused("rooms_rate")
            if where is not None and conn.execute(
                    sa.select(sa.func.count()).select_from(ROOMS).where(
                        ROOMS.c.creator_address == where, hour)).scalar() \
                    >= self.limits.max_rooms_per_address:
                raise Refused("rooms_rate")
            while True:
                code = new_code()
                if conn.execute(sa.select(ROOMS.c.id).where(ROOMS.c.code == code)).first() is None:
                    break
            conn.execute(sa.insert(ROOMS).values(
                code=code, lesson=lesson, status="open", teacher_hash=token_hash(token),
                creator_hash=creator, creator_address=where, created_at=now,
                expires_at=now + self.limits.ttl_seconds))
        return Created(code, token)

    def _room_row(self, conn: sa.Connection, code: str, lock: bool = False):
        if not valid_code(code):
            return None
        query = sa.select(ROOMS).where(ROOMS.c.code == code, ROOMS.c.expires_at > self.clock())
        return conn.execute(query.with_for_update() if lock else query).first()

    def room(self, code: str) -> Room | None:
        """The room and its counts, or None when there is no such (unexpired) room."""
        with self._tx(write=False) as conn:
            row = self._room_row(conn, code)
            if row is None:
                return None
            members = conn.execute(sa.select(sa.func.count()).select_from(MEMBERS)
                                   .where(MEMBERS.c.room_id == row.id,
                                          MEMBERS.c.removed == 0)).scalar()
            counts = conn.execute(
                sa.select(sa.func.count(), sa.func.count(sa.distinct(SUBMISSIONS.c.member_id)))
                .where(SUBMISSIONS.c.room_id == row.id)).one()
        return Room(row.code, row.lesson, row.status, row.created_at, row.expires_at,
                    int(members), int(counts[1]), int(counts[0]))

    def is_teacher(self, code: str, session_id: str, token: str | None = None,
                   remember: bool = False) -> bool:
        """Does this browser control the room (it started it, the token opened it to it
        before, or `token` is the room's)? `remember`: a right token opens the room to this
        browser for good (its reloads keep the controls without the token)."""
        with self._tx(write=remember) as conn:
            row = self._room_row(conn, code)
            if row is None or not self._teacher(conn, row, session_id, token):
                return False
            who = session_hash(session_id)
            if remember and token and conn.execute(sa.select(TEACHERS.c.room_id).where(
                    TEACHERS.c.room_id == row.id, TEACHERS.c.session_hash == who)).first() is None:
                conn.execute(sa.insert(TEACHERS).values(room_id=row.id, session_hash=who))
            return True

    @staticmethod
    def _teacher(conn, row, session_id: str, token: str | None) -> bool:
        who = session_hash(session_id)
        by_session = secrets.compare_digest(row.creator_hash, who)
        by_token = bool(token) and secrets.compare_digest(row.teacher_hash, token_hash(token))
        return by_session or by_token or conn.execute(sa.select(TEACHERS.c.room_id).where(
            TEACHERS.c.room_id == row.id, TEACHERS.c.session_hash == who)).first() is not None

    def _as_teacher(self, conn, code: str, session_id: str, token: str | None):
        row = self._room_row(conn, code, lock=True)
        if row is None:
            raise Refused("no_room")
        if not self._teacher(conn, row, session_id, token):
            raise Refused("not_teacher")
        return row

    def _update_as_teacher(self, code: str, session_id: str, token: str | None, **values):
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, session_id, token)
            conn.execute(sa.update(ROOMS).where(ROOMS.c.id == row.id).values(**values))

    def set_status(self, code: str, session_id: str, status: str, token: str | None = None):
        """Pause, resume (open) or close a room: its teacher only."""
        if status not in STATUSES:
            raise Refused("status")
        self._update_as_teacher(code, session_id, token, status=status)

    def set_lesson(self, code: str, session_id: str, lesson: str, token: str | None = None):
        """Which lesson the room is about: its teacher only."""
        if lesson not in LESSONS:
            raise Refused("lesson")
        self._update_as_teacher(code, session_id, token, lesson=lesson)

    def clear(self, code: str, session_id: str, token: str | None = None) -> int:
        """Delete every submission of the room (members stay): its teacher only."""
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, session_id, token)
            return conn.execute(sa.delete(SUBMISSIONS)
                                .where(SUBMISSIONS.c.room_id == row.id)).rowcount

    def purge(self) -> int:
        """Delete expired rooms with their members and submissions; how many rooms went."""
        now = self.clock()
        with self._tx(write=True) as conn:
            old = sa.select(ROOMS.c.id).where(ROOMS.c.expires_at <= now)
            conn.execute(sa.delete(SUBMISSIONS).where(SUBMISSIONS.c.room_id.in_(old)))
            conn.execute(sa.delete(MEMBERS).where(MEMBERS.c.room_id.in_(old)))
            conn.execute(sa.delete(TEACHERS).where(TEACHERS.c.room_id.in_(old)))
            return conn.execute(sa.delete(ROOMS).where(ROOMS.c.expires_at <= now)).rowcount

    # -- students -------------------------------------------------------------------------

    def join(self, code: str, session_id: str, address: str | None = None) -> Member:
        """The browser's pseudonym in the room (the same one when it joins again, from any
        tab); at most `max_members_per_address` members behind one client address."""
        who, where = session_hash(session_id), address_hash(address)
        with self._tx(write=True) as conn:
            row = self._room_row(conn, code, lock=True)
            if row is None:
                raise Refused("no_room")
            found = conn.execute(
                sa.select(MEMBERS.c.adjective, MEMBERS.c.animal, MEMBERS.c.removed).where(
                    MEMBERS.c.room_id == row.id, MEMBERS.c.session_hash == who)).first()
            if found is not None:
                if found.removed:
                    raise Refused("removed")
                return Member(found.adjective, found.animal)
            if row.status == "closed":
                raise Refused("closed")
            taken = {(r.adjective, r.animal) for r in conn.execute(
                sa.select(MEMBERS.c.adjective, MEMBERS.c.animal)
                .where(MEMBERS.c.room_id == row.id))}
            active = conn.execute(sa.select(sa.func.count()).select_from(MEMBERS).where(
                MEMBERS.c.room_id == row.id, MEMBERS.c.removed == 0)).scalar()
            if active >= self.limits.max_members:
                raise Refused("members_cap")
            if where is not None and conn.execute(
                    sa.select(sa.func.count()).select_from(MEMBERS).where(
                        MEMBERS.c.room_id == row.id,
                        MEMBERS.c.address_hash == where)).scalar() \
                    >= self.limits.max_members_per_address:
                raise Refused("address_cap")
            pairs = [(a, n) for a in range(len(names.ADJECTIVES)) for n in range(len(names.ANIMALS))
                     if (a, n) not in taken]
            adjective, animal = secrets.choice(pairs) if pairs else (0, 0)
            conn.execute(sa.insert(MEMBERS).values(room_id=row.id, session_hash=who,
                                                   adjective=adjective, animal=animal,
                                                   joined_at=self.clock(), address_hash=where,
                                                   removed=0))
        return Member(adjective, animal)

    def members(self, code: str, session_id: str, token: str | None = None) -> list[MemberInfo]:
        """The room's members, newest first, with their runs and how many share their client
        address: its teacher only (to spot a flood)."""
        with self._tx(write=False) as conn:
            row = self._room_row(conn, code)
            if row is None:
                raise Refused("no_room")
            if not self._teacher(conn, row, session_id, token):
                raise Refused("not_teacher")
            runs = (sa.select(sa.func.count()).where(SUBMISSIONS.c.member_id == MEMBERS.c.id)
                    .scalar_subquery())
            found = conn.execute(
                sa.select(MEMBERS.c.id, MEMBERS.c.adjective, MEMBERS.c.animal,
                          MEMBERS.c.joined_at, MEMBERS.c.address_hash, runs.label("runs"))
                .where(MEMBERS.c.room_id == row.id, MEMBERS.c.removed == 0)
                .order_by(MEMBERS.c.id.desc())).all()
        per_address: dict = {}
        for m in found:
            if m.address_hash is not None:
                per_address[m.address_hash] = per_address.get(m.address_hash, 0) + 1
        return [MemberInfo(m.id, Member(m.adjective, m.animal), int(m.runs), m.joined_at,
                           per_address.get(m.address_hash, 1)) for m in found]

    def remove_members(self, code: str, session_id: str, ids, token: str | None = None) -> int:
        """Remove members and their runs: their browsers cannot join this room again. Its
        teacher only; how many were removed."""
        ids = [int(i) for i in ids]
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, session_id, token)
            mine = sa.and_(MEMBERS.c.room_id == row.id, MEMBERS.c.id.in_(ids))
            conn.execute(sa.delete(SUBMISSIONS).where(SUBMISSIONS.c.room_id == row.id,
                                                      SUBMISSIONS.c.member_id.in_(ids)))
            return conn.execute(sa.update(MEMBERS).where(mine).values(removed=1)).rowcount

    def submit(self, code: str, session_id: str, raw) -> int:
        """Store one checked run of a member; its id. Invalid or Refused when it may not."""
        s = validate(raw)
        who, now = session_hash(session_id), self.clock()
        with self._tx(write=True) as conn:
            row = self._room_row(conn, code, lock=True)
            if row is None:
                raise Refused("no_room")
            if row.status != "open":
                raise Refused(row.status)  # paused or closed
            if s.lesson != row.lesson:
                raise Refused("other_lesson")
            member = conn.execute(sa.select(MEMBERS.c.id, MEMBERS.c.removed).where(
                MEMBERS.c.room_id == row.id, MEMBERS.c.session_hash == who)).first()
            if member is None:
                raise Refused("not_member")
            if member.removed:
                raise Refused("removed")
            mine = conn.execute(
                sa.select(sa.func.count(), sa.func.max(SUBMISSIONS.c.created_at))
                .where(SUBMISSIONS.c.member_id == member.id)).one()
            if mine[0] >= self.limits.max_per_member:
                raise Refused("member_cap")
            if mine[1] is not None and now - mine[1] < self.limits.min_interval:
                raise Refused("rate")
            total = conn.execute(sa.select(sa.func.count()).select_from(SUBMISSIONS)
                                 .where(SUBMISSIONS.c.room_id == row.id)).scalar()
            if total >= self.limits.max_submissions:
                raise Refused("submissions_cap")
            token = s.run_token
            if conn.execute(sa.select(SUBMISSIONS.c.id).where(
                    SUBMISSIONS.c.member_id == member.id,
                    SUBMISSIONS.c.run_token == token)).first() is not None:
                raise Refused("duplicate")
            return conn.execute(sa.insert(SUBMISSIONS).values(
                room_id=row.id, member_id=member.id, lesson=s.lesson, impl=s.impl, lr=s.lr,
                batch_size=s.batch_size, epochs=s.epochs, seed=s.seed, device=s.device,
                seconds_per_epoch=s.seconds_per_epoch, train_loss=json.dumps(s.train_loss),
                train_acc=None if s.train_acc is None else json.dumps(s.train_acc),
                test_acc=None if s.test_acc is None else json.dumps(s.test_acc),
                final_loss=s.final_loss, final_test_acc=s.final_test_acc, created_at=now,
                run_token=token)).inserted_primary_key[0]

    def rows(self, code: str, session_id: str | None = None,
             every_lesson: bool = False) -> list[Row]:
        """The room's submissions for its current lesson (or all of them), oldest first;
        `mine` marks the caller's. A row that no longer passes the checks (an edited
        database) is left out."""
        who = session_hash(session_id) if session_id else None
        with self._tx(write=False) as conn:
            room = self._room_row(conn, code)
            if room is None:
                return []
            which = [SUBMISSIONS.c.room_id == room.id]
            if not every_lesson:
                which.append(SUBMISSIONS.c.lesson == room.lesson)
            result = conn.execute(
                sa.select(SUBMISSIONS, MEMBERS.c.adjective, MEMBERS.c.animal,
                          MEMBERS.c.session_hash)
                .join(MEMBERS, MEMBERS.c.id == SUBMISSIONS.c.member_id)
                .where(*which).order_by(SUBMISSIONS.c.id)).all()
        rows = []
        for r in result:
            try:
                s = validate({
                    "lesson": r.lesson, "impl": r.impl, "lr": r.lr, "batch_size": r.batch_size,
                    "epochs": r.epochs, "seed": r.seed, "device": r.device,
                    "seconds_per_epoch": r.seconds_per_epoch,
                    "train_loss": json.loads(r.train_loss),
                    **({"train_acc": json.loads(r.train_acc), "test_acc": json.loads(r.test_acc)}
                       if r.train_acc is not None else {})})
            except (ValueError, TypeError, OverflowError):
                continue
            rows.append(Row(r.id, Member(r.adjective, r.animal), who == r.session_hash, s,
                            r.created_at, r.session_hash))
        return rows
