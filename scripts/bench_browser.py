"""Waiting in class (issue 16 §3), measured in a real Chromium at 1920 × 1080.

For every page of a live `streamlit run` (headless, a free port, FASHION_MNIST_DOWNLOAD=0,
as the browser tests run it):
  open_s      navigation → settled: the script has finished, every chart is drawn (an SVG or
              canvas in each Vega-Lite element), images loaded, fonts (KaTeX's too) loaded,
              and then nothing changed in the page for QUIET_MS; the figure is the moment of
              the last change, not the end of the quiet window. Median of REPEAT fresh tabs.
              A page opens on its first section (ui.lesson: one section at a time); `.sN`
              opens section N by its link (`step=N`), where the page's slider is.
  next_s      in the opened tab, a click on the button to the next section → settled.
  script_s    navigation → the script's last run finished (the rest is the browser drawing).
  slider_s    a key press on one slider that drives a chart → that chart's last change, with
              the app idle again (a MutationObserver; never a fixed sleep).
  train_chart_s  the classifier's Train click (book defaults) → the final curves drawn (a
              chart with a point per metric and epoch: 30 symbols);
  train_s     the same click → the last change of the page (the sections below included).
  lecture     the same page opened in lecture mode (what a class waits for), and its slider.
  all         the whole page at once (the sidebar's "Whole page", `all=1`): every section.
A tiny one-chart page (title, one formula, one slider, one line chart) served the same way
is the baseline: every figure also comes as a ratio to it. The 1-minute load average is
printed before and after: the machine is shared.

Run alone: python scripts/bench_browser.py [page ...]   (BENCH_REPEAT=3)
"""

import contextlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_server  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
QUIET_MS = 600         # no change for this long = settled (the figure excludes the wait)
TIMEOUT_MS = 120_000
SLIDER_START_MS = 15_000  # a key press on a slider starts a run within this, or is pressed again
VIEWPORT = {"width": 1920, "height": 1080}
ENV = {"FASHION_MNIST_DOWNLOAD": "0"}
# url path → the URL name of one slider that drives a chart there and the section (from 1)
# that holds it (None: no such slider before training). The classifier's replay slider is
# measured after its Train click, in the section (TRAIN_STEP) that holds the button.
PAGES = {"overview": None, "normal-mse": ("mu1", 1), "linear-regression": ("w1", 1),
         "loss-comparison": ("delta", 1), "softmax-regression": ("temp", 3),
         "softmax-overflow": ("scale", 1), "softmax-classifier": None, "class-board": None}
TRAIN_STEP = 4
NEXT = ".st-key-_lesson-follow button"
BASELINE_SLIDER = "st-key-a"
CLASSIFIER = "softmax-classifier"
REPLAY = "st-key-sc-replay"
TRAIN = ".st-key-sc-train button"

BASELINE_PAGE = '''
import altair as alt
import pandas as pd
import streamlit as st

st.title("Baseline")
st.markdown(r"One formula: $\\hat{y} = \\mathbf{X}\\mathbf{w} + b$")
a = st.slider("a", 0.0, 2.0, 1.0, 0.1, key="a")
x = [i / 50 for i in range(101)]
frame = pd.DataFrame({"x": x, "y": [a * v * v for v in x]})
st.altair_chart(alt.Chart(frame).mark_line().encode(x="x", y="y"), width="stretch")
'''

# Installed before any page script: timestamps (performance.now(), ms since navigation) of
# the last DOM change, the last change inside a chart, fonts and images loaded, the last
# key press and click, and the script's runs (counted as they end).
WATCH = """(() => {
  const P = window.__perf = {mut: 0, chart: 0, font: 0, img: 0, key: 0, click: 0,
                             runs: 0, idle: 0, armed: false, points: 0, full: 0};
  const CHART = '[data-testid="stVegaLiteChart"]';
  new MutationObserver((records) => {
    const now = performance.now();
    P.mut = now;
    if (P.points && !P.full) {  // the first moment a chart draws `points` point symbols
      for (const c of document.querySelectorAll(CHART))
        if (c.querySelectorAll(".mark-symbol path").length >= P.points) P.full = now;
    }
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el) continue;
      if (r.attributeName === "data-test-script-state") {
        // a run counts when it ends: a run that starts and ends between two callbacks of
        // this observer shows "running" only as a record's old value
        if (r.oldValue === "running") { P.runs++; P.idle = now; }
      } else if (P.armed && el.closest(CHART)) {
        P.chart = now;
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeOldValue: true, characterData: true});
  // a chart drawn on a canvas (Streamlit picks one for large data) changes no DOM node:
  // its drawing calls count as changes too (this page's timestamps only)
  const inChart = new WeakMap(), ctx = CanvasRenderingContext2D.prototype;
  for (const name of ["clearRect", "fillRect", "fill", "stroke", "fillText", "drawImage"]) {
    const draw = ctx[name];
    ctx[name] = function (...args) {
      const canvas = this.canvas;  // remembered once attached inside a chart
      if (!inChart.get(canvas) && canvas.closest && canvas.closest(CHART)) {
        inChart.set(canvas, true);
      }
      if (inChart.get(canvas)) {
        P.mut = performance.now();
        if (P.armed) P.chart = P.mut;
      }
      return draw.apply(this, args);
    };
  }
  document.fonts.addEventListener("loadingdone", () => { P.font = performance.now(); });
  document.addEventListener("load", () => { P.img = performance.now(); }, true);
  document.addEventListener("keydown", () => { P.key = performance.now(); }, true);
  document.addEventListener("click", () => { P.click = performance.now(); }, true);
})();"""

# True once the app is idle, drawn and unchanged for `quiet` ms; `since`: a key press or
# click must have started a run (P.runs past `runs`) and, for a slider, changed a chart.
SETTLED = """([quiet, runs, needChart]) => {
  const P = window.__perf, app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (P.runs <= runs || (needChart && !P.chart)) return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
    if (!c.querySelector("svg.marks, canvas")) return false;
  for (const img of document.images) if (!img.complete) return false;
  if (document.fonts.status !== "loaded") return false;
  return performance.now() - Math.max(P.mut, P.font, P.img) >= quiet;
}"""

LAST_CHANGE = "() => Math.max(__perf.mut, __perf.font, __perf.img)"

# What a page holds once settled: where the browser's time can go.
CONTENTS = """() => ({
  charts: document.querySelectorAll('[data-testid="stVegaLiteChart"]').length,
  chart_nodes: [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg')]
                 .reduce((n, s) => n + s.getElementsByTagName("*").length, 0),
  formulas: document.querySelectorAll(".katex").length,
  images: document.images.length,
  popovers: document.querySelectorAll('[data-testid="stPopover"]').length,
  nodes: document.getElementsByTagName("*").length,
})"""


def new_context(browser):
    """A 1920 × 1080 browser context whose every tab carries the WATCH timestamps."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(WATCH)
    return context


def settle(page, runs: int = 0, need_chart: bool = False) -> None:
    """Until SETTLED holds (polled every 50 ms; the figures come from the timestamps)."""
    page.wait_for_function(SETTLED, arg=[QUIET_MS, runs, need_chart], polling=50,
                           timeout=TIMEOUT_MS)


class CPU:
    """CPU seconds spent meanwhile by the tab's main thread (Chromium's TaskDuration) and by
    the server process: less sensitive than wall time to a loaded machine."""

    def __init__(self, page, server=None):
        self.cdp, self.server = page.context.new_cdp_session(page), server
        self.cdp.send("Performance.enable")
        self.start = self.read()

    def read(self) -> tuple[float, float]:
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        times = self.server.cpu_times() if self.server else None
        return metrics["TaskDuration"], (times.user + times.system) if times else 0.0

    def spent(self) -> dict:
        (b0, s0), (b1, s1) = self.start, self.read()
        return {"browser_cpu_s": round(b1 - b0, 3), "server_cpu_s": round(s1 - s0, 3)}


def open_settled(context, url: str, server=None,
                 need_chart: bool = False) -> tuple[dict, object]:
    """A fresh tab opens `url`: {'open_s', 'script_s', CPU, …contents}, and the open tab.
    With `need_chart`, settled means a chart has drawn too (a loaded machine can be quiet
    for QUIET_MS before the first chart arrives)."""
    page = context.new_page()
    cpu = CPU(page, server)
    page.goto(url, timeout=TIMEOUT_MS)
    if need_chart:
        page.wait_for_selector('[data-testid="stVegaLiteChart"] :is(svg.marks, canvas)',
                               timeout=TIMEOUT_MS)
    settle(page)
    figures = {"open_s": page.evaluate(LAST_CHANGE) / 1000,
               "script_s": page.evaluate("() => __perf.idle") / 1000, **cpu.spent()}
    return {**figures, **page.evaluate(CONTENTS)}, page


def slider_redraw(page, key_class: str) -> float:
    """Move the slider in the element `.key_class` one step with the keyboard: seconds from
    the key press to the last change inside a chart, once the app is idle again."""
    from playwright.sync_api import TimeoutError as Timeout

    thumb = page.locator(f".{key_class} input[type=range]").first  # react-aria's thumb
    for attempt in range(2):  # a key press that started no run (seen once, on a fresh tab)
        thumb.focus()
        at_max = thumb.get_attribute("value") == thumb.get_attribute("max")
        runs = page.evaluate("() => { __perf.armed = true; __perf.chart = 0;"
                             " return __perf.runs; }")
        thumb.press("ArrowLeft" if at_max else "ArrowRight")
        try:
            page.wait_for_function("(runs) => __perf.runs > runs", arg=runs, polling=50,
                                   timeout=SLIDER_START_MS if attempt == 0 else TIMEOUT_MS)
        except Timeout:
            continue
        settle(page, runs, need_chart=True)
        return page.evaluate("() => (__perf.chart - __perf.key) / 1000")
    raise RuntimeError(f"two key presses on {key_class} started no run")


def train_click(page, epochs: int = 10) -> tuple[float, float]:
    """Click Train (book defaults): seconds from the click to the final curves (a chart with
    a point for each of the three metrics at every epoch), and to the page's last change."""
    runs = page.evaluate(f"() => {{ __perf.points = {3 * epochs}; __perf.full = 0;"
                         " return __perf.runs; }")
    page.locator(TRAIN).click()
    settle(page, runs)
    page.locator(f".{REPLAY}").wait_for(timeout=TIMEOUT_MS)  # a completed run's panel
    return tuple(page.evaluate(
        "() => [__perf.full - __perf.click,"
        " Math.max(__perf.mut, __perf.font, __perf.img) - __perf.click].map(t => t / 1000)"))


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def figure(name: str, values: list[float], base: float | None = None, **extra) -> dict:
    record = {"figure": name, "value": median(values), "unit": "s",
              "samples": [round(v, 3) for v in values], **extra}
    if base:
        record["ratio_to_baseline"] = round(median(values) / base, 2)
    return record


def load() -> dict:
    return {"figure": "load_average_1min", "value": round(os.getloadavg()[0], 2),
            "unit": "", "cores": os.cpu_count()}


@contextlib.contextmanager
def serving(script: str = "streamlit_app.py"):
    """A live server of `script`: (base URL, its psutil.Process); stopped afterwards."""
    import psutil

    port = free_port()
    proc = start_server(port, ENV, script=script)
    try:
        yield f"http://127.0.0.1:{port}", psutil.Process(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def next_section(page) -> float | None:
    """Click the button to the next section: seconds to the settled page (None: no button)."""
    from playwright.sync_api import TimeoutError as Timeout

    if not page.locator(NEXT).count():
        return None
    runs = page.evaluate("() => __perf.runs")
    for attempt in range(2):  # a click that started no run (seen on the classifier's first
        page.locator(NEXT).click()  # section, 2 tabs in 30): clicked again, timed from then
        try:
            page.wait_for_function("(runs) => __perf.runs > runs", arg=runs, polling=50,
                                   timeout=SLIDER_START_MS if attempt == 0 else TIMEOUT_MS)
        except Timeout:
            continue
        settle(page, runs)
        return page.evaluate(f"() => ({LAST_CHANGE})() - __perf.click") / 1000
    raise RuntimeError("two clicks on the next section's button started no run")


def measure_page(context, server, url: str, name: str, slider: str | None, baseline: dict,
                 follow: bool = False):
    """REPEAT fresh loads of one page, each followed by one step of its slider (the
    element with class `slider`), if any and if drawn (one section is), and, with `follow`,
    by a click on the button to the next section."""
    loads, slides, nexts = [], [], []
    for _ in range(REPEAT):
        found, page = open_settled(context, url, server)
        loads.append(found)
        if slider and page.locator(f".{slider} input[type=range]").count():
            slides.append(slider_redraw(page, slider))
        if follow and (moved := next_section(page)) is not None:
            nexts.append(moved)
        page.close()
    cpu = {k: median([f[k] for f in loads]) for k in ("browser_cpu_s", "server_cpu_s")}
    contents = {k: v for k, v in loads[-1].items() if k not in cpu and not k.endswith("_s")}
    yield figure(f"{name}.open_s", [f["open_s"] for f in loads], baseline.get("open"),
                 **cpu, **contents)
    yield figure(f"{name}.script_s", [f["script_s"] for f in loads], baseline.get("script"))
    if slides:
        yield figure(f"{name}.slider_s", slides, baseline.get("slider"), slider=slider)
    if nexts:
        yield figure(f"{name}.next_s", nexts, baseline.get("open"))


def measure_training(context, server, url: str, baseline: dict):
    """REPEAT fresh classifier tabs: Train at the defaults, then one step of the replay."""
    charts, trains, spent, slides = [], [], [], []
    for _ in range(REPEAT):
        _, page = open_settled(context, f"{url}/{CLASSIFIER}?lang=en&step={TRAIN_STEP}",
                               server)
        cpu = CPU(page, server)
        chart, settled = train_click(page)
        charts.append(chart)
        trains.append(settled)
        spent.append(cpu.spent())
        slides.append(slider_redraw(page, REPLAY))
        page.close()
    yield figure(f"{CLASSIFIER}.train_chart_s", charts, baseline.get("open"), epochs=10,
                 batch_size=256)
    yield figure(f"{CLASSIFIER}.train_s", trains, baseline.get("open"), epochs=10,
                 batch_size=256, **{k: median([s[k] for s in spent]) for k in spent[0]})
    yield figure(f"{CLASSIFIER}.replay_slider_s", slides, baseline.get("slider"))


def measure_baseline(browser) -> tuple[dict, list[dict]]:
    """The one-chart page on its own server: {'open', 'script', 'slider'} medians."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE_PAGE, encoding="utf-8")
        with serving(str(script)) as (url, server):
            context = new_context(browser)
            records = list(measure_page(context, server, f"{url}/", "baseline",
                                        BASELINE_SLIDER, {}))
            context.close()
    base = {k: r["value"] for k, r in zip(("open", "script", "slider"), records, strict=True)}
    return base, records


def skipped(reason: str) -> dict:
    return {"figure": "browser_skipped", "value": 0, "unit": "", "reason": reason}


def missing() -> str | None:
    """Why the bench cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    import core.data

    try:
        core.data.locate()
    except core.data.DataError as e:
        return f"Fashion-MNIST not available: {e}"
    return None


def run(selected: list[str] | None = None):
    """Every page (or the `selected` url paths), after the baseline; load before and after."""
    reason = missing()
    if reason:
        yield skipped(reason)
        return
    from playwright.sync_api import sync_playwright

    yield load()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base, records = measure_baseline(browser)
        yield from records
        with serving() as (url, server):
            context = new_context(browser)
            open_settled(context, f"{url}/?lang=en")[1].close()  # warm: imports, the data
            for path, where in PAGES.items():
                if selected and path not in selected:
                    continue
                slider, step = where or (None, 1)
                key = slider and f"st-key-{path}-{slider}"
                route = "" if path == "overview" else path  # home is served at /, not /overview
                yield from measure_page(context, server, f"{url}/{route}?lang=en", path,
                                        key if step == 1 else None, base, follow=True)
                if step > 1:  # the section that holds the slider, opened by its link
                    yield from measure_page(context, server, f"{url}/{route}?lang=en&step={step}",
                                            f"{path}.s{step}", key, base)
                # lecture mode: what a projected class waits for
                yield from measure_page(context, server, f"{url}/{route}?lang=en&lecture=1"
                                        f"&step={step}", f"{path}.lecture", key, base)
                # the whole page at once (the sidebar's switch), for comparison
                yield from measure_page(context, server, f"{url}/{route}?lang=en&all=1",
                                        f"{path}.all", key, base)
            if not selected or CLASSIFIER in selected:
                yield from measure_training(context, server, url, base)
            context.close()
        browser.close()
    yield load()


if __name__ == "__main__":
    import json

    for record in run(sys.argv[1:]):
        print(json.dumps(record), flush=True)
