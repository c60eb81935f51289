"""Softmax overflow page: measured exp thresholds per dtype, compute times, page render time."""

import time

from bench import best_seconds

from core import softmax as sm
from core.device import get_device


def threshold_figures(device: str):
    for dtype in sm.DTYPES:
        lim = sm.exp_limits(dtype, device)
        for key, value in (("x_max", lim.x_max), ("x_min", lim.x_min)):
            yield {"figure": f"exp_{key}", "dtype": dtype, "device": device,
                   "value": value, "unit": "x"}
        yield {"figure": "exp_limits_seconds", "dtype": dtype, "device": device,
               "value": round(best_seconds(lambda d=dtype: sm.exp_limits(d, device)), 4),
               "unit": "s"}


def compute_figures(device: str):
    grid = sm.scale_grid()
    for n in (3, 64):
        logits = [float(j % 7) - 3.0 for j in range(n)]
        for dtype in sm.DTYPES:
            yield {"figure": "sweep_seconds", "dtype": dtype, "n": n, "scales": len(grid),
                   "device": device, "unit": "s",
                   "value": round(best_seconds(lambda d=dtype, o=logits: sm.sweep(o, 0, d, grid,
                                                                               device)), 4)}
    yield {"figure": "three_ways_seconds", "dtype": "float32", "n": 3, "device": device,
           "unit": "s",
           "value": round(best_seconds(lambda: sm.three_ways([2, 1, 0.1], 45.0, 0, "float32",
                                                         device)), 5)}


def render_figures():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()  # warm: imports, home
    at.switch_page("pages/softmax_overflow.py")
    start = time.perf_counter()
    at.run()
    yield {"figure": "page_first_render_seconds", "value": round(time.perf_counter() - start, 3),
           "unit": "s", "exception": bool(at.exception)}
    at.select_slider[0].set_value(45.0)
    start = time.perf_counter()
    at.run()
    yield {"figure": "page_rerun_new_scale_seconds",
           "value": round(time.perf_counter() - start, 3), "unit": "s",
           "exception": bool(at.exception)}


def run():
    device = str(get_device())
    yield from threshold_figures(device)
    yield from compute_figures(device)
    yield from render_figures()
