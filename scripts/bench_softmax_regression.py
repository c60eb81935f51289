"""Softmax regression page: the core calls behind each section, and the page's render times
against the normal/MSE page's in the same process (a ratio, so the machine's load cancels)."""

import time

from bench import best_seconds

from core import softmax_regression as sr

P = "softmax-regression."
O = (2.0, 1.0, 0.1, 0.5, -0.5, 1.5, -1.0, 0.0, 0.8, -1.5)  # noqa: E741 (ten logits)


def core_figures():
    calls = {
        "softmax_10": lambda: sr.softmax(O, 0.5),
        "gradient_autograd_and_formula_10": lambda: sr.gradient(O, 3),
        "loss_hessian_10": lambda: sr.loss_hessian(O, 3),
        "likelihood_5_examples": lambda: sr.likelihood([(O, 0)] * 5),
        "accuracy_sweep_181_shifts": lambda: sr.shift_true_logit(
            [[-2.3, -1.2, -0.5], [-1.2, -1.6, -0.7]], (0, 2), 0, [i / 20 for i in range(181)]),
    }
    for name, fn in calls.items():
        yield {"figure": f"core_{name}_ms", "value": round(1000 * best_seconds(fn), 3),
               "unit": "ms"}


def _render(at, page: str) -> float:
    at.switch_page(page)
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def render_figures():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()  # warms the process: imports, the router
    _render(at, "pages/softmax_regression.py")  # warms this page's imports and the data set
    _render(at, "pages/normal_mse.py")
    ours = min(_render(at, "pages/softmax_regression.py") for _ in range(3))
    baseline = min(_render(at, "pages/normal_mse.py") for _ in range(3))
    yield {"figure": "softmax_regression_render_warm_s", "value": round(ours, 3), "unit": "s"}
    yield {"figure": "normal_mse_render_warm_s", "value": round(baseline, 3), "unit": "s"}
    yield {"figure": "softmax_regression_render_over_normal_mse", "value": round(
        ours / baseline, 2), "unit": "ratio"}
    at.switch_page("pages/softmax_regression.py").run()
    start = time.perf_counter()
    at.slider(key=P + "k").set_value(10).run()  # ten logit sliders appear
    yield {"figure": "softmax_regression_rerun_k10_s",
           "value": round(time.perf_counter() - start, 3), "unit": "s",
           "exception": bool(at.exception)}


def run():
    yield from core_figures()
    yield from render_figures()
