"""How long a room link takes to open while another program holds the class database's lock.

A room on a SQLite file; another connection takes an EXCLUSIVE lock (as a backup tool or a
stuck writer would); a student opens the room's link on the linear-regression page (AppTest,
the whole app). Printed: the time to the drawn page, with the lock and without it. Every
database call waits at most `Limits.busy_timeout` (2 s) for a lock.
"""

import os
import sqlite3
import tempfile
import time

import sqlalchemy as sa

from classroom import store as db
from tests.conftest import app_test
from ui import classroom as room_ui


def opened_in(code: str) -> float:
    started = time.perf_counter()
    at = app_test("linear_regression", room=code).run()
    assert not at.exception and at.title
    return time.perf_counter() - started


def run():
    path = os.path.join(tempfile.mkdtemp(prefix="d2l-class-locked-"), "class.sqlite3")
    os.environ[room_ui.ENV_DB] = path
    s = db.Store(sa.create_engine(f"sqlite:///{path}"))
    s.ensure_schema()
    code = s.create_room("teacher", "linreg").code
    opened_in(code)  # imports and caches
    free = opened_in(code)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        locked = opened_in(code)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    yield {"figure": "room link → page drawn, database free", "value": round(free, 2),
           "unit": "s"}
    yield {"figure": "room link → page drawn, database locked by another program",
           "value": round(locked, 2), "unit": "s",
           "note": f"busy timeout {db.Limits().busy_timeout:g} s per call"}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps(record, ensure_ascii=False), flush=True)
