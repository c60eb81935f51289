"""What one page run of the classifier costs the server once a model is trained (issue 24 §2).

In a lecture hall every student's page runs in full when a run ends (the sections below read
the model), and again at every click elsewhere on the page: on one container, 200 of them
share the server's one interpreter. A finished run's charts are the same for every student
who replays it, so ui.charts.memo builds each once per server. This bench trains one short
run through AppTest (the real app, the real Fashion-MNIST), then times full page runs of
/softmax-classifier with the memo as the app has it and with the memo emptied before each
run (every chart built anew, as before it existed), in the same process, alternating: on the
training section alone (`step=4`, what a hall opens) and on the whole page (`all=1`).

CPU seconds of the whole process per page run (AppTest's own work included, a few ms),
the median of RUNS. `python scripts/bench.py page_run`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUNS = int(os.environ.get("PAGE_RUN_RUNS", "15"))


def run():
    os.environ.setdefault("D2L_REQUIRE_DATA", "1")
    os.environ.setdefault("FASHION_MNIST_DOWNLOAD", "0")
    from tests.conftest import app_test, until_trained
    from ui import charts, keys

    for view, params in (("training section (step=4)", {"all": 0, "step": 4}),
                         ("whole page (all=1)", {"all": 1})):
        at = app_test("softmax_classifier", "en", epochs=2, **params).run()
        until_trained(at.button(key=keys.SC_TRAIN).click().run())
        if keys.SC_RESULT not in at.session_state:
            yield {"figure": f"page run after a classifier run, {view}", "error": "no model"}
            continue
        at.run()  # the memo filled
        seconds = {"memo": [], "no_memo": []}
        for _ in range(RUNS):
            for kind in seconds:
                if kind == "no_memo":
                    charts._memo.clear()
                start = time.process_time()
                at.run()
                seconds[kind].append(time.process_time() - start)
        memo, fresh = (statistics.median(seconds[k]) for k in ("memo", "no_memo"))
        yield {"figure": f"page run after a classifier run, {view}", "unit": "CPU s",
               "memo": round(memo, 4), "no_memo": round(fresh, 4),
               "ratio": round(fresh / memo, 1), "runs": RUNS,
               "loadavg": [round(v, 2) for v in os.getloadavg()],
               "note": "AppTest, the real app and data, 2-epoch run; median CPU s per full "
                       "page run, with ui.charts.memo and with it emptied before each run"}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps({"bench": "page_run", **record}), flush=True)
