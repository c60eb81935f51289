"""A slider's rerun on the server (AppTest, one warm session per page): the script's time
with Altair's schema check on (as the tests run) and off (as a student's server runs,
ui.charts.VALIDATE), alternating in the same process, so the ratio is taken within one run.

Run alone: python scripts/bench_rerun.py
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEAT = 5
# page → (the slider's session key, values it steps through): each drives its page's charts
SLIDERS = {"normal_mse": ("normal-mse.mu1", [0.1, 0.2]),
           "loss_comparison": ("loss-comparison.delta", [1.1, 1.2]),
           "linear_regression": ("linear-regression.w1", [1.0, 1.1]),
           "softmax_regression": ("softmax-regression.temp", [1.1, 1.2]),
           "softmax_overflow": ("softmax-overflow.scale", [10.0, 100.0])}  # a select_slider


def check(on: bool) -> None:
    import altair as alt

    from ui import charts

    charts.VALIDATE = alt.utils.schemapi.DEBUG_MODE = on


def rerun_seconds(at, key: str, value: float) -> float:
    widget = at.slider(key=key) if key in {s.key for s in at.slider} else \
        at.select_slider(key=key)
    widget.set_value(value)
    start = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(f"{key}={value}: {at.exception[0].value}")
    return time.perf_counter() - start


def run():
    from tests.conftest import app_test

    for page, (key, values) in SLIDERS.items():
        at = app_test(page).run()
        times = {True: [], False: []}
        for i in range(REPEAT * 2 + 1):
            on = bool(i % 2)
            check(on)
            seconds = rerun_seconds(at, key, values[i % 2])
            if i:  # the first rerun warms the caches
                times[on].append(seconds)
        check(False)
        on, off = statistics.median(times[True]), statistics.median(times[False])
        yield {"figure": f"{page}.slider_rerun_s", "value": round(off, 3), "unit": "s",
               "with_schema_check_s": round(on, 3), "ratio": round(on / off, 2),
               "slider": key}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps(record), flush=True)
