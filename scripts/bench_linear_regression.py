"""Linear regression: the default run (1,000 examples, 3 epochs, batch 10) of each
implementation in-process, and the Train click to the final chart in a real browser.

Figures are printed, never asserted. Run alone: `python scripts/bench.py linear_regression`.
"""

import statistics
import time

import torch

from core import linreg
from core.data import synthetic_data
from core.device import device_name, get_device, make_generator

REPEATS = 5
# In the page: the time of the click, and of the first moment after it when the run has
# finished (the errors are printed after the last epoch) and the script is idle again.
WATCH = """() => {
  window.__lr = {click: 0, done: 0};
  document.addEventListener("click", () => { window.__lr.click = performance.now(); }, true);
  const app = document.querySelector('[data-testid="stApp"]');
  const check = () => {
    if (window.__lr.click && !window.__lr.done && app.dataset.testScriptState === "notRunning"
        && document.body.textContent.includes("error in estimating b")) {
      requestAnimationFrame(() => { window.__lr.done = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document.body,
      {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def training_figures():
    X, y = synthetic_data(torch.tensor([2.0, -3.4]), 4.2, 1000, 0.01, generator=make_generator(0))
    device = get_device()
    for impl in linreg.IMPLEMENTATIONS:
        list(linreg.train(impl, X, y, linreg.TrainConfig(num_epochs=1), device))  # warm up
        times, steps = [], 0
        for _ in range(REPEATS):
            start = time.perf_counter()
            records = list(linreg.train(impl, X, y, linreg.TrainConfig(), device))
            times.append(time.perf_counter() - start)
            steps = sum(r.kind == "step" for r in records)
        last = records[-1]
        yield {"figure": "default_run_seconds", "impl": impl, "device": device_name(device),
               "value": round(statistics.median(times), 4), "unit": "s",
               "min": round(min(times), 4), "steps": steps,
               "max_abs_error": round(max(abs(2.0 - last.w[0]), abs(-3.4 - last.w[1]),
                                          abs(4.2 - last.b)), 6)}


def browser_figures():
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_server, wait_for_app

    if not Path(CHROMIUM).exists():
        yield {"figure": "train_click_to_final_chart_seconds", "value": None, "unit": "s",
               "skipped": f"{CHROMIUM} is missing"}
        return
    port = free_port()
    proc = start_server(port, {"FASHION_MNIST_DOWNLOAD": "0"})
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # a fresh server greets its first visitor of a deep link with a "Page not found"
            # dialog (the router's pages are not known yet): warm it on the home page first
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            wait_for_app(page)
            page.close()
            for impl in linreg.IMPLEMENTATIONS:
                for attempt in (1, 2):  # each in a new session
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    page.goto(f"http://127.0.0.1:{port}/linear-regression?impl={impl}&all=1")
                    wait_for_app(page)
                    page.wait_for_timeout(500)  # a person does not click in the first instant
                    page.evaluate(WATCH)
                    page.get_by_role("button", name="Train", exact=True).click()
                    page.wait_for_function("() => window.__lr.done", timeout=60_000)
                    seconds = page.evaluate("() => (window.__lr.done - window.__lr.click) / 1000")
                    charts = page.locator('[data-testid="stVegaLiteChart"]').count()
                    done = page.get_by_text("Finished in").inner_text()  # the server's own time
                    server = float(done.split("Finished in ", 1)[1].split(" s", 1)[0])
                    yield {"figure": "train_click_to_final_chart_seconds", "impl": impl,
                           "attempt": attempt, "value": round(seconds, 3), "unit": "s",
                           "server_seconds": server, "charts": charts}
                    page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def run():
    yield from training_figures()
    yield from browser_figures()
