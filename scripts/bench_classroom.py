"""The class experiment: from a student's Submit click to the point on the teacher's board.

A live server shows the teacher's board in Chromium (1920×1080). 30 simulated students, each
an AppTest session of the same app on the same SQLite file, train a short linear-regression
run and then press "Submit to the class" one after the other; the time runs from the click
until the board in the browser shows the new run (the board redraws itself every
REFRESH_SECONDS, so about half of that is the expected wait). Also prints the server's RSS
before the board is opened and with the board open on 30 runs. Loopback only.
"""

import os
import statistics
import sys
import tempfile
import time

import psutil

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, app_test, free_port, start_server
from ui import classroom as room_ui

STUDENTS = int(os.environ.get("CLASS_STUDENTS", "30"))
TIMEOUT_MS = 120_000
LR_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0]
BATCHES = [5, 10, 20, 50, 100]


def runs_on_board(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').nth(2).inner_text())


def run():
    from playwright.sync_api import sync_playwright

    folder = tempfile.mkdtemp(prefix="d2l-class-bench-")
    os.environ[room_ui.ENV_DB] = os.path.join(folder, "class.sqlite3")  # the AppTest students
    port = free_port()
    server = start_server(port, {room_ui.ENV_DB: os.environ[room_ui.ENV_DB]})
    base = f"http://127.0.0.1:{port}"
    process = psutil.Process(server.pid)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            teacher = browser.new_page(viewport={"width": 1920, "height": 1080})
            teacher.goto(f"{base}/?lang=en")
            teacher.wait_for_selector('[data-testid="stMain"] h1', timeout=TIMEOUT_MS)
            baseline = process.memory_info().rss
            teacher.goto(f"{base}/class-board")
            teacher.locator(".st-key-_class-new_lesson").get_by_text(
                "Linear regression", exact=True).click()
            teacher.locator(".st-key-_class-start_here button").click()
            link = teacher.locator('[data-testid="stCode"]').filter(has_text="?room=")
            link.wait_for(timeout=TIMEOUT_MS)
            code = link.inner_text().strip().rsplit("=", 1)[1]

            latencies = []
            for i in range(STUDENTS):
                student = app_test("linear_regression", room=code, n="100", epochs="1",
                                   lr=str(LR_CHOICES[i % len(LR_CHOICES)]),
                                   batch=str(BATCHES[i % len(BATCHES)])).run()
                student.button(key="linear-regression.train").click().run()
                clicked = time.perf_counter()
                student.button(key="_class.submit.linreg").click().run()
                teacher.wait_for_function(
                    "n => Number(document.querySelectorAll("
                    "'[data-testid=\"stMetricValue\"]')[2]?.innerText) >= n",
                    arg=i + 1, timeout=TIMEOUT_MS)
                latencies.append(time.perf_counter() - clicked)
                print(f"student {i + 1}: {latencies[-1]:.2f} s", file=sys.stderr, flush=True)
            assert runs_on_board(teacher) == STUDENTS
            board_open = process.memory_info().rss
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    yield {"figure": f"submit click → point on the board, median of {STUDENTS} students",
           "value": round(statistics.median(latencies), 3), "unit": "s",
           "note": f"the board redraws every {room_ui.REFRESH_SECONDS:g} s"}
    yield {"figure": f"submit click → point on the board, max of {STUDENTS} students",
           "value": round(max(latencies), 3), "unit": "s"}
    yield {"figure": "server RSS, home page only (baseline)", "value": round(baseline / 2**20),
           "unit": "MiB"}
    yield {"figure": f"server RSS with the board open on {STUDENTS} runs",
           "value": round(board_open / 2**20), "unit": "MiB",
           "ratio_to_baseline": round(board_open / baseline, 2)}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps(record, ensure_ascii=False), flush=True)
