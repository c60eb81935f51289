"""What watching the class board costs the server: CPU per watcher, and for 200 watchers.

A room with 30 submitted runs on a live server; WATCHERS headless Chromium pages (default 8)
open its board as students' phones do (`/class-board?room=…`) and watch it redraw itself
every WATCH_SECONDS (a student's board; the teacher's redraws every REFRESH_SECONDS). The
server's CPU time is read over MEASURE_SECONDS with nobody watching, then with the watchers; the difference per watcher is the cost of one phone, and × 200 the cost
of a lecture hall. Run it twice to compare: D2L_CLASS_SNAPSHOT_SECONDS=0 turns off the one
database read per room and second that all watchers share. Loopback only.
"""

import os
import sys
import tempfile
import time

import psutil
import sqlalchemy as sa

from classroom import store as db
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_server
from ui import classroom as room_ui

WATCHERS = int(os.environ.get("CLASS_WATCHERS", "8"))
MEASURE_SECONDS = float(os.environ.get("CLASS_MEASURE_SECONDS", "20"))
RUNS = 30


def a_room_with_runs(path: str) -> str:
    s = db.Store(sa.create_engine(f"sqlite:///{path}"), db.Limits(min_interval=0.0))
    s.ensure_schema()
    code = s.create_room("bench-teacher", "classifier").code
    for i in range(RUNS):
        s.join(code, f"student-{i}")
        epochs = 3 + i % 5
        s.submit(code, f"student-{i}", {
            "lesson": "classifier", "impl": "concise", "lr": 0.01 * (1 + i),
            "batch_size": 64 * (1 + i % 4), "epochs": epochs, "seed": i, "device": "cpu",
            "seconds_per_epoch": 2.0, "train_loss": [0.9 - 0.05 * k for k in range(epochs)],
            "train_acc": [0.6 + 0.02 * k for k in range(epochs)],
            "test_acc": [0.55 + 0.02 * k + 0.002 * i for k in range(epochs)]})
    return code


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def busy(process: psutil.Process, seconds: float) -> float:
    """Cores the server used on average over `seconds`."""
    before = cpu_seconds(process)
    time.sleep(seconds)
    return (cpu_seconds(process) - before) / seconds


def run():
    from playwright.sync_api import sync_playwright

    folder = tempfile.mkdtemp(prefix="d2l-class-watchers-")
    path = os.path.join(folder, "class.sqlite3")
    code = a_room_with_runs(path)
    port = free_port()
    server = start_server(port, {room_ui.ENV_DB: path})
    process = psutil.Process(server.pid)
    try:
        idle = busy(process, MEASURE_SECONDS / 2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages = []
            for _ in range(WATCHERS):
                page = browser.new_context(viewport={"width": 412, "height": 915}).new_page()
                page.goto(f"http://127.0.0.1:{port}/class-board?room={code}&lang=en")
                page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
                pages.append(page)
            time.sleep(2 * room_ui.WATCH_SECONDS)
            watched = busy(process, MEASURE_SECONDS)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    per_watcher = max(watched - idle, 0.0) / WATCHERS
    shared = os.environ.get("D2L_CLASS_SNAPSHOT_SECONDS", str(room_ui.SNAPSHOT_SECONDS))
    print(f"idle {idle:.3f} cores, {WATCHERS} watchers {watched:.3f} cores", file=sys.stderr)
    yield {"figure": f"server CPU per board watcher (room of {RUNS} runs, redraw every "
                     f"{room_ui.WATCH_SECONDS:g} s, shared read {shared} s)",
           "value": round(per_watcher, 4), "unit": "cores"}
    yield {"figure": "server CPU for 200 board watchers (extrapolated)",
           "value": round(200 * per_watcher, 2), "unit": "cores"}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps(record, ensure_ascii=False), flush=True)
