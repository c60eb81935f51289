"""The websocket hall's client speaks Streamlit's protocol well enough, once, on a live server:
two students open the classifier's training section, press Train (the button's
trigger_value), follow their runs through the fragment's auto-reruns and both get their final
curves (figures are not judged: `python scripts/bench.py hall_ws` prints them).

No browser: the clients are websockets (scripts/bench_hall_ws.py); a server of its own, on
2 cores, and the real Fashion-MNIST (one epoch each)."""

import asyncio

import pytest

from scripts import bench_hall_ws as bench
from ui.training import POLL_SECONDS

pytestmark = [pytest.mark.realdata, pytest.mark.slow, pytest.mark.long,
              pytest.mark.usefixtures("data_files")]


def test_two_students_press_train_and_get_their_final_curves():
    proc, base, cores = bench.start()
    try:
        assert len(cores) <= bench.CORES
        queries = [bench.settings("varied", i, epochs=1) for i in range(2)]
        students = asyncio.run(asyncio.wait_for(bench.hall(base, queries, timeout=90), 120))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    for student in students:
        assert student.errors == []
        assert student.page_hash  # the server named the page: later reruns send its hash
        assert student.opened is not None and student.train_id.endswith(f"-{bench.TRAIN_KEY}")
        assert student.final is not None and 0 < student.first <= student.final
        assert not student.timers  # the full run at the end cleared the polling
    # the runs were followed by polling the fragment, at the interval the page asked for
    assert any(s.polls for s in students)
    assert {s.interval for s in students if s.polls} == {POLL_SECONDS}
