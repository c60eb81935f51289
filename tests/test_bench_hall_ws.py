"""The websocket hall's client speaks Streamlit's protocol well enough, once, on a live server:
two students open the classifier's training section, press Train (the button's
trigger_value), follow their runs through the fragment's auto-reruns and both get their final
curves (figures are not judged: `python scripts/bench.py hall_ws` prints them).

No browser: the clients are websockets (scripts/bench_hall_ws.py); a server of its own, on
2 cores, and the real Fashion-MNIST."""

import asyncio
import concurrent.futures
import time

import pytest

from scripts import bench_hall_ws as bench
from ui.training import HEARTBEAT_SECONDS, POLL_SECONDS

pytestmark = [pytest.mark.realdata, pytest.mark.slow, pytest.mark.long,
              pytest.mark.usefixtures("data_files")]


def run(coroutine):
    """asyncio.run(coroutine()) in a thread of its own: in `pytest -m long` the browser tests'
    Playwright (its sync API) keeps an event loop running in this thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine())).result()


def hall(queries: list[str], timeout: float) -> list:
    """Every student of `queries` presses Train on a server of its own (2 cores)."""
    proc, base, cores = bench.start()
    try:
        assert len(cores) <= bench.CORES
        return run(lambda: asyncio.wait_for(bench.hall(base, queries, timeout), timeout + 60))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_two_students_press_train_and_get_their_final_curves():
    # 15 epochs: runs longer than a click's own script run waits for them (SETTLE_MOST, 4 s)
    # on a fast machine, so that polls follow them (1 epoch ended within the click's run)
    students = hall([bench.settings("varied", i, epochs=15) for i in range(2)], timeout=180)
    for student in students:
        assert student.errors == []
        assert student.page_hash  # the server named the page: later reruns send its hash
        assert student.opened is not None and student.train_id.endswith(f"-{bench.TRAIN_KEY}")
        assert student.final is not None and 0 < student.first <= student.final
        assert not student.timers  # the full run at the end cleared the polling
    # the runs were followed by polling: the panel's fragment (Stop) at its heartbeat, and the
    # run's view nested in it at the pace of a training run
    assert any(s.polls for s in students)
    assert set().union(*(s.intervals for s in students)) == {HEARTBEAT_SECONDS, POLL_SECONDS}



def test_the_rooms_run_is_drawn_by_the_click_alone():
    """A student who presses Train on settings the room has trained gets the replay and the
    final curves from the click's own script run: no poll, no full run of the page after it
    (in the one-section view no section below reads the model), no polling left behind."""
    query = bench.settings("defaults", 0, epochs=1)
    proc, base, _ = bench.start()

    async def two() -> list:
        first, second = await bench.open_all(base, [query, query], 90)
        try:
            await first.train(time.monotonic(), 90)
            await second.train(time.monotonic(), 90)
        finally:
            await bench.close_all([first, second])
        return [first, second]

    try:
        first, second = run(lambda: asyncio.wait_for(two(), 240))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert first.errors == [] and second.errors == []
    assert first.final is not None and second.final is not None
    assert second.polls == 0 and not second.timers, second.story
    assert not any(what == "full run" for _, what in second.story), second.story
