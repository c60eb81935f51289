"""What one page run of the classifier costs the server once a model is trained (issue 24 §2).

In a lecture hall every student's page runs in full when a run ends (the sections below read
the model), and again at every click elsewhere on the page: on one container, 200 of them
share the server's one interpreter. A finished run's charts are the same for every student
who replays it, so ui.charts.memo builds each once per server. This bench trains one short
run through AppTest (the real app, the real Fashion-MNIST), then times full page runs of
/softmax-classifier with the memo as the app has it and with the memo emptied before each
run (every chart built anew, as before it existed), in the same process, alternating: on the
training section alone (`step=4`, what a hall opens) and on the whole page (`all=1`).

A hall of varied settings (lr = 10 takes the loss far out of 0.3-0.9) found the memo cold
for every run and every replayed epoch, and the live curves' spec new at every poll. So
the curves and the weights are drawn from a template (ui.charts.template, built by Altair
once per language and view) with the domains and data put in: the third and fourth
figures time a draw of a varied run's charts with Altair building them (as before) and
from the template, and a step=4 page run after that run with the memo emptied, with and
without the templates.

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
DRAWS = int(os.environ.get("PAGE_RUN_DRAWS", "40"))  # draws of a chart the old way


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

    yield from varied()


def median_cpu(fn, times: int) -> float:
    """The median CPU seconds of `times` calls of fn, after one untimed call."""
    fn()
    seconds = []
    for _ in range(times):
        start = time.process_time()
        fn()
        seconds.append(time.process_time() - start)
    return statistics.median(seconds)


def varied():
    """A run at lr = 10 (concise: the scratch softmax overflows at once, a nan): its charts
    drawn by Altair and from the templates, and the page after it."""
    from tests.conftest import app_test, until_trained
    from ui import charts, keys
    from ui.charts import softmax_classifier as sc
    from ui.i18n import t
    from ui.panels import softmax_classifier as panel

    at = app_test("softmax_classifier", "en", all=0, step=4, impl="concise", lr=10.0,
                  epochs=5).run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    result, failed = (at.session_state[k] if k in at.session_state else None
                      for k in (keys.SC_RESULT, keys.SC_FAILED))
    run = result or failed
    if run is None:
        yield {"figure": "curves of a varied run", "error": "no run"}
        return
    history, num_epochs = list(run.history), len(run.history)
    losses = [round(e.train_loss, 3) for e in history]
    lr = run.cfg.lr if result is not None else run.lr

    def altair_curves():  # what a memo miss or a live poll with a new loss domain built
        return charts.ready(sc.curves(panel.curves_frame(history), num_epochs,
                                      x_title=t("sc.epoch"), y_title=t("sc.value"),
                                      metric_title=t("sc.metric")))

    figures = {"finished or replayed curves (a memo miss)":
               (altair_curves, lambda: panel.curves_ready(history, num_epochs)),
               "live curves (a poll)":
               (lambda: altair_curves().spec, lambda: sc.curves_spec(
                   panel.curves_frame(history), num_epochs, x_title=t("sc.epoch"),
                   y_title=t("sc.value"), metric_title=t("sc.metric"), lecture=False))}
    if result is not None:
        W, bound = result.W, float(result.W.abs().max()) or 1.0
        figures["weights (a memo miss)"] = (lambda: charts.ready(sc.weight_images(
            panel.weights_frame(W, bound), bound, title=t("sc.class"),
            scale_title=t("sc.weight_scale"), description=t(
                "sc.weights_desc", **panel.scale_ends(bound)))),
            lambda: panel.weights_ready(W, bound))
    for what, (altair, templated) in figures.items():
        old, new = median_cpu(altair, DRAWS), median_cpu(templated, DRAWS * 10)
        yield {"figure": f"{what}, a varied run", "unit": "CPU s", "altair": round(old, 5),
               "template": round(new, 5), "ratio": round(old / new, 1), "lr": lr, "losses": losses,
               "draws": DRAWS, "loadavg": [round(v, 2) for v in os.getloadavg()],
               "note": "one draw's spec, median CPU s: Altair builds the chart (as before), "
                       "or its template's copy gets the domains and data (ui.charts.patched)"}

    at.run()
    seconds = {"templates": [], "no_templates": []}
    for _ in range(RUNS):
        for kind in seconds:
            charts._memo.clear()  # every student's run is new to the memo
            if kind == "no_templates":
                charts._templates.clear()
            start = time.process_time()
            at.run()
            seconds[kind].append(time.process_time() - start)
    kept, fresh = (statistics.median(seconds[k]) for k in ("templates", "no_templates"))
    yield {"figure": "page run after a varied run (lr=10), step=4, memo emptied",
           "unit": "CPU s", "templates": round(kept, 4), "no_templates": round(fresh, 4),
           "ratio": round(fresh / kept, 1), "runs": RUNS, "trained": result is not None,
           "loadavg": [round(v, 2) for v in os.getloadavg()],
           "note": "AppTest, the real app and data; median CPU s per full page run with "
                   "ui.charts.memo emptied before each (a run new to the server), with the "
                   "templates kept and emptied (every chart built by Altair, about as before)"}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps({"bench": "page_run", **record}), flush=True)
