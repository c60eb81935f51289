"""What one student's session holds after a classifier run (issue 24 §3), printed.

Runs the classifier page through AppTest (the app's own script, the real Fashion-MNIST), presses
Train (EPOCHS epochs, the book's settings otherwise), follows the run to its end as the
browser's poll would, then lists every st.session_state item with the bytes it holds in
tensors, bytes, strings and frames (core.runs.nbytes; a DataFrame by its memory_usage), and
whether the object is the room's (shared through the training queue's cache: one copy for
every session that ran these settings) or the session's own. A second session that presses
Train with the same settings is measured the same way.

Also printed: what Streamlit itself keeps per session that this script cannot see from
AppTest (the page's last messages live in the browser, not the server; st.image files are in
Streamlit's in-memory media store until the next run replaces them), and how long a closed
tab's session is kept (server.disconnectedSessionTTL).

    python scripts/session_size.py        # one JSON line per session, then per item
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
EPOCHS = int(os.environ.get("SESSION_EPOCHS", "10"))


def held(value) -> int:
    """Bytes a session-state value holds (tensors, bytes, strings, frames), each object once."""
    import pandas as pd

    from core import runs

    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(deep=True).sum())
    return runs.nbytes(value)


def shared_objects() -> set[int]:
    """ids of every object the room's cache holds (a run's result and its frames)."""
    from ui import training

    cache = training.hall().cache
    found = set()
    with cache._lock:
        for run in cache._runs.values():
            found.add(id(run.result))
            found.update(id(f) for f in run.frames)
    return found


def measure(at, label: str) -> list[dict]:
    shared = shared_objects()
    rows = []
    for key, value in at.session_state.to_dict().items():
        rows.append({"key": key, "type": type(value).__name__, "bytes": held(value),
                     "shared": id(value) in shared})
    own = sum(r["bytes"] for r in rows if not r["shared"])
    room = sum(r["bytes"] for r in rows if r["shared"])
    big = sorted((r for r in rows if r["bytes"] >= 64), key=lambda r: -r["bytes"])
    return [{"session": label, "items": len(rows), "own_bytes": own,
             "shared_mib": round(room / 2**20, 3),
             "items_under_64_bytes": len(rows) - len(big)}] + big


def main() -> None:
    from streamlit import config

    from tests.conftest import app_test, until_trained
    from ui import keys

    for label in ("first student", "second student, same settings"):
        at = app_test("softmax_classifier", epochs=EPOCHS)
        at.default_timeout = 900  # a loaded machine: the page alone may take a minute
        at.run()
        until_trained(at.button(key=keys.SC_TRAIN).click().run())
        result = at.session_state[keys.SC_RESULT]
        rows = measure(at, label)
        rows[0]["replay_frames"] = len(result.epoch_W)
        for row in rows:
            print(json.dumps(row), flush=True)
    print(json.dumps({"streamlit": "server.disconnectedSessionTTL",
                      "seconds": config.get_option("server.disconnectedSessionTTL"),
                      "note": "a closed tab's session (its session state, the items above) "
                              "is kept this long for a reconnection, then dropped; its place "
                              "in the training queue goes after ui.training.GRACE_SECONDS"}))


if __name__ == "__main__":
    main()
