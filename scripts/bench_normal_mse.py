"""Normal & MSE page: the core calls behind each section, and the page's render times."""

import statistics
import time

from core import normal
from core.device import device_name

P = "normal-mse."


def timed(fn, repeat: int = 5) -> float:
    """Median seconds of `repeat` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def core_figures():
    device = device_name()
    calls = {
        "density_curves_4": lambda: normal.density_curves([(0, 1), (0, 2), (3, 1), (-3, 0.5)]),
        "noise_to_loss_n1000_3sigmas": lambda: normal.noise_to_loss(2.0, 4.2, 1.0, 1000,
                                                                    [0.5, 1.0, 2.0], 0),
        "residuals_n5000": lambda: normal.residuals("student_t", 1.0, 5000, 0),
    }
    for name, fn in calls.items():
        yield {"figure": f"core_{name}_ms", "value": round(1000 * timed(fn), 2), "unit": "ms",
               "device": device}


def render_figures():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()  # warms the process: imports, the router
    at.switch_page("pages/normal_mse.py")
    start = time.perf_counter()
    at.run()
    yield {"figure": "normal_mse_first_render_warm_process_s",
           "value": round(time.perf_counter() - start, 3), "unit": "s"}
    start = time.perf_counter()
    at.slider(key=P + "sigma").set_value(2.0).run()   # new data: uncached compute
    yield {"figure": "normal_mse_rerun_after_sigma_move_s",
           "value": round(time.perf_counter() - start, 3), "unit": "s"}
    start = time.perf_counter()
    at.slider(key=P + "sigma").set_value(1.0).run()   # back: every result cached
    yield {"figure": "normal_mse_rerun_cached_s",
           "value": round(time.perf_counter() - start, 3), "unit": "s",
           "exception": bool(at.exception)}


def run():
    yield from core_figures()
    yield from render_figures()
