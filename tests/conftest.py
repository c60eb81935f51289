"""Shared test helpers: a skip that CI turns into a failure, tiny IDX files, AppTest runs."""

import functools
import gzip
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
PAGES = ["home", "normal_mse", "softmax_overflow", "loss_comparison", "linear_regression",
         "softmax_classifier", "softmax_regression"]
GLOBAL_PARAMS = {"seed", "lecture", "all"}  # the sidebar's, kept on every page
TIMEOUT = 60  # seconds for one AppTest run: importing torch alone takes ~1.5 s


def pytest_configure(config):
    """Every chart a test draws is checked against Vega-Lite's schema (ui.charts.VALIDATE),
    in this process and in the servers the browser tests start; a student's server skips it."""
    os.environ.setdefault("D2L_VALIDATE_CHARTS", "1")
    # xdist's --dist loadfile would hand out the files with most tests first; the order of
    # the collection is the one to keep (pytest_collection_modifyitems, LONGEST_FIRST).
    if getattr(config.option, "loadscopereorder", False):
        config.option.loadscopereorder = False
    # torch's intra-op threads as the app's server sets them (streamlit_app.py): a run's sums
    # then add up in one order whatever ran before in this process (a bit-for-bit test of a
    # shared run against a fresh one failed in a worker that had not yet run the app), and a
    # test worker takes one core, as make test's workers are one per core.
    from core import resources
    resources.configure_threads()
    _each_spec_validated_once()
    _scripts_compiled_once()


def _each_spec_validated_once() -> None:
    """A chart spec equal to one already found valid is not validated again in this process.

    Altair validates the whole spec where a chart is drawn (ui.charts.VALIDATE); most reruns
    of a page (a sweep's move, a click) draw the same specs again (the data travel apart,
    by name), and validating them again was a fifth of an AppTest run. The key is the class
    and the exact spec (its JSON): the same input, the same answer. A spec that fails is
    validated every time, and raises every time."""
    import hashlib
    import json

    from altair.utils import schemapi

    validate = schemapi.SchemaBase.validate.__func__
    if getattr(validate, "_d2l_once", False):
        return
    valid: set = set()

    def once(cls, instance, schema=None):
        if schema is not None:  # a part's schema (never so in to_dict): as Altair does
            return validate(cls, instance, schema)
        try:
            text = json.dumps(instance, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError):
            return validate(cls, instance)
        key = (cls, hashlib.blake2b(text.encode()).digest())
        if key not in valid:
            validate(cls, instance)
            valid.add(key)

    once._d2l_once = True
    schemapi.SchemaBase.validate = classmethod(once)


def _scripts_compiled_once() -> None:
    """AppTest compiles the app's scripts again for every run (a new ScriptCache each time);
    a live server compiles each once. Here each is compiled once per text (its path and a
    hash of its bytes) for the whole process: 7 % of a page's run in the sweep."""
    import hashlib

    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test as app_test_module
    from streamlit.testing.v1 import local_script_runner

    if getattr(app_test_module.ScriptCache, "_d2l_shared", False):
        return
    compiled: dict = {}

    class SharedScriptCache(ScriptCache):
        _d2l_shared = True

        def get_bytecode(self, script_path: str):
            path = os.path.abspath(script_path)
            with open(path, "rb") as f:  # its text, not its time: a file rewritten at once
                key = (path, hashlib.blake2b(f.read()).digest())
            if key not in compiled:
                compiled[key] = super().get_bytecode(script_path)
            return compiled[key]

    app_test_module.ScriptCache = SharedScriptCache
    local_script_runner.ScriptCache = SharedScriptCache


def pytest_xdist_auto_num_workers(config):
    """`make test` runs `-n auto`: a worker per core and one more (a browser test spends much
    of its time waiting for a page, which another worker's work fills), at least 2 and at most
    4 (each worker holds torch, and a server and a browser of its own: about 1.5 GB)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, min(4, (cores or 1) + 1))


# make test's workers take whole files (--dist loadfile), in the order of the collection
# (pytest_configure turns xdist's own order off: most tests first, which left the files of a
# few long browser tests, minutes each, to the end of the run while the other workers had
# nothing left). The files measured longest (`pytest -n 0 --durations=0 FILE`), longest
# first; then the other files of browser tests or slow checks, then the rest.
LONGEST_FIRST = ("test_lecture_phone_browser.py", "test_classroom_app_faults.py",
                 "test_sweep.py", "test_layout_browser.py", "test_browser.py",
                 "test_lecture_sections_browser.py", "test_url_fuzz.py",
                 "test_deploy_replicas.py", "test_classroom_browser.py",
                 "test_classroom_app.py", "test_softmax_classifier_app.py",
                 "test_linear_regression_app.py", "test_replay_classifier_app.py",
                 "test_softmax_classifier_real.py")


def pytest_collection_modifyitems(items):
    """Tests in a module that runs the app through AppTest carry the `app` marker, so that
    `-m "not app"` is the sub-minute loop over the maths, parsers and translations.

    The files are put in the order make test's workers should take them: LONGEST_FIRST, then
    the other files of browser tests or slow checks, then the rest, most tests first (the
    short files last fill the workers' ends). Within a file the order is its own."""
    counts: dict[str, int] = {}
    heavy: set[str] = set()
    for item in items:
        path = getattr(getattr(item, "module", None), "__file__", None)
        if path and _runs_the_app(path):
            item.add_marker(pytest.mark.app)
        name = item.path.name
        counts[name] = counts.get(name, 0) + 1
        if item.get_closest_marker("browser") or item.get_closest_marker("slow"):
            heavy.add(name)

    def rank(name: str) -> tuple:
        first = LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)
        return first, name not in heavy, -counts[name]

    items.sort(key=lambda item: rank(item.path.name))  # stable: a file's own order


@functools.cache
def _runs_the_app(path: str) -> bool:
    text = Path(path).read_text(encoding="utf-8")
    return Path(path).name != "conftest.py" and ("app_test(" in text or "AppTest" in text)


def skip_or_fail(reason: str) -> None:
    """Skip locally; with D2L_REQUIRE_DATA=1 (the test command sets it) fail instead."""
    if os.environ.get("D2L_REQUIRE_DATA") == "1":
        pytest.fail(f"required in this run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def data_files():
    """The real Fashion-MNIST files can be found: skipped locally, required under `make test`."""
    import core.data

    try:
        core.data.locate()
    except core.data.DataError as e:
        skip_or_fail(f"Fashion-MNIST not available: {e}")


def idx_bytes(magic: int, count: int, payload: bytes) -> bytes:
    """An IDX file: magic, count, (rows, cols for images), payload."""
    header = magic.to_bytes(4, "big") + count.to_bytes(4, "big")
    if magic == 2051:
        header += (28).to_bytes(4, "big") * 2
    return header + payload


def write_idx(directory: Path, name: str, magic: int, count: int, payload: bytes,
              gz: bool = True) -> Path:
    data = idx_bytes(magic, count, payload)
    path = directory / (f"{name}.gz" if gz else name)
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # ui.safe.literal's backslash before punctuation


def tables(at) -> list:
    """Every st.table of the page as a DataFrame, its text as the student reads it (the
    page passes labels and string cells through ui.safe.literal: st.table reads Markdown)."""
    def plain(value):
        return _ESCAPED.sub(r"\1", value) if isinstance(value, str) else value

    found = []
    for element in at.table:
        frame = element.value.map(plain)
        frame.columns = frame.columns.map(plain)
        frame.index = frame.index.map(plain)
        found.append(frame)
    return found


def sampled(values, keep, *, unpack: bool = False) -> list:
    """Parametrize `values`, the ones not in `keep` marked `long`: `make test` runs the sample
    (its 20-minute budget), `make bench` (pytest -m long) the rest. With `unpack`, a tuple
    value is several arguments."""
    return [v if v in keep else
            pytest.param(*(v if unpack else (v,)), marks=pytest.mark.long) for v in values]


def app_test(page: str = "home", lang: str = "en", **params) -> AppTest:
    """The app as a link would open it: `page` with URL parameters; call .run() next.

    AppTest identifies st.navigation's pages only after a first run, so the router runs
    once on the home page first, with the sidebar's (global) parameters; the page's own
    parameters are set after it, before the switch to the page.

    A lesson shows one section at a time (ui.lesson.paged); tests of what the sections hold
    see the whole page (`all=1`, the sidebar's switch) unless they pass `all=0`. The paged
    view has its own tests (tests/test_lesson_pages.py). The home page has no sections.
    """
    if page != "home":
        params = {"all": 1, **params}
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key in GLOBAL_PARAMS & params.keys():
        at.query_params[key] = str(params[key])
    if page == "home":
        for key, value in params.items():
            at.query_params[key] = str(value)
        return at
    at.run()
    for key, value in params.items():
        at.query_params[key] = str(value)
    return at.switch_page(f"pages/{page}.py")


def until_trained(at, timeout: float = 240.0) -> AppTest:
    """Run the page again until the training run it follows has ended. A run trains in the
    server's queue (ui.training, a worker thread); in a browser the following fragments are
    rerun every ui.training.WAIT_POLL_SECONDS and POLL_SECONDS (run_every), which AppTest
    does not do: these reruns stand for it. A rerun comes as soon as a followed run has a new
    record, has started or has ended, and at least every WAIT_POLL_SECONDS (the slowest pace
    a page polls at), not every 0.1 s with nothing new to draw: those reruns took the CPU
    from the run itself (the book's epoch behind its button took twice its time)."""
    import time

    from core import queue
    from ui import keys, training

    def job_of(value):  # a ui.training.Watching, or the book's (seed, Job)
        found = getattr(value, "job", None)
        if found is None and isinstance(value, tuple):
            found = next((v for v in value if isinstance(v, queue.Job)), None)
        return found

    def where(jobs) -> list:
        return [(job.state, len(job.frames)) for job in jobs]

    deadline = time.monotonic() + timeout
    while followed := [at.session_state[key] for key in keys.FOLLOWED_RUNS
                       if key in at.session_state]:
        assert time.monotonic() < deadline, "the run did not end"
        jobs = [job_of(value) for value in followed]
        if None in jobs:  # a run held in a shape not known here: rerun at a steady pace
            time.sleep(0.1)
        else:
            seen = where(jobs)
            until = min(time.monotonic() + training.WAIT_POLL_SECONDS, deadline)
            while time.monotonic() < until and where(jobs) == seen and \
                    all(job.state in queue.ACTIVE for job in jobs):
                time.sleep(0.02)
        at.run()
    return at


def open_code_panels(at, prefixes: tuple[str, ...] | None = None) -> AppTest:
    """Open every code panel and rerun: lesson.show_code draws its code only when opened
    (`prefixes`: other expanders drawn when opened, such as keys.LESSON_REVEAL)."""
    from ui import keys

    for expander in at.expander:
        for prefix in prefixes or (keys.LESSON_CODE,):
            start = expander.proto.id.find(prefix)  # the id ends with the widget's key
            if start >= 0:
                at.session_state[expander.proto.id[start:]] = True
    return at.run()


def open_answers(at) -> AppTest:
    """Open every lesson.revealed expander (exercise answers, reasons) and rerun: each draws
    its text only when opened."""
    from ui import keys

    return open_code_panels(at, (keys.LESSON_REVEAL,))


def chart_frames(chart) -> list:
    """The data sets of one Altair chart that AppTest saw, as DataFrames (one per layer's
    data): the Arrow IPC streams of its vega_lite_chart proto, decoded."""
    import pyarrow.ipc

    return [pyarrow.ipc.open_stream(d.data.data).read_all().to_pandas()
            for d in chart.proto.datasets]


def all_frames(at) -> list:
    """Every data set of every Altair chart on the page, as DataFrames."""
    return [frame for chart in at.get("vega_lite_chart") for frame in chart_frames(chart)]


@pytest.fixture(scope="session")
def fmnist():
    """The real Fashion-MNIST on the CPU; skipped locally, required under `make test`."""
    import core.data

    try:
        return core.data.load_fashion_mnist("cpu", allow_download=False)
    except core.data.DataError as e:
        skip_or_fail(f"Fashion-MNIST not available: {e}")


@pytest.fixture
def no_data(tmp_path, monkeypatch):
    """A world without Fashion-MNIST: every candidate directory is empty."""
    import core.data
    import ui.data

    monkeypatch.setattr(ui.data, "DOWNLOAD", False)  # decided at import, from the environment
    monkeypatch.setenv("FASHION_MNIST_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("FASHION_MNIST_DOWNLOAD", "0")
    monkeypatch.setenv("D2L_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(core.data, "DEBIAN_DIR", tmp_path / "no-debian")
    return tmp_path


# ---- a live server and a real browser ---------------------------------------------------

ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking"]
PAGE_URLS = {"home": "", "normal_mse": "normal-mse", "softmax_overflow": "softmax-overflow",
             "loss_comparison": "loss-comparison", "linear_regression": "linear-regression",
             "softmax_classifier": "softmax-classifier",
             "softmax_regression": "softmax-regression"}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, env: dict | None = None, script: str = "streamlit_app.py"):
    """`streamlit run script` on 127.0.0.1:port from the project root; returns the process."""
    import subprocess
    import sys
    import time
    import urllib.request

    cmd = [sys.executable, "-m", "streamlit", "run", script,
           "--server.headless=true", "--server.address=127.0.0.1", f"--server.port={port}",
           "--browser.gatherUsageStats=false"]
    logs = os.environ.get("D2L_SERVER_LOGS")  # a folder: each server's log in a file there
    if logs:
        Path(logs).mkdir(parents=True, exist_ok=True)
    out = open(Path(logs) / f"server-{port}.log", "ab") if logs else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=out, stderr=subprocess.STDOUT if logs else subprocess.DEVNULL)
    if logs:
        out.close()  # the server holds its own copy
    deadline = time.monotonic() + 240  # waits for the server, fails early if it died: a
    while time.monotonic() < deadline:  # loaded machine (make test's workers) is slow to start
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                pass
            # One script run settles Streamlit's page routing (and warms the imports).
            with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/script-health-check", timeout=120):
                return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


@pytest.fixture(scope="session")
def server():
    """Base URL of a live app server for the whole test session."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    port = free_port()
    proc = start_server(port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


def stop_server(proc) -> None:
    """Terminate, and kill what does not stop within 30 s (a loaded machine is slow to stop)."""
    import subprocess
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    from playwright.sync_api import expect
    # An assertion waits for the state it asserts, up to 30 s (Playwright's default is 5 s): a
    # test passes as soon as the state is there, and a loaded machine never fails it.
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh 1400 × 1000 tab, closed after the test."""
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield tab
    tab.close()


def drawn(page) -> None:
    """Until the page has settled: no request in flight, web fonts loaded (for screenshots
    and for tests that watch requests), never a fixed pause."""
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")


# The text around an element: its nearest ancestor with a few lines of text (a panel).
AROUND = """(element) => {
  let box = element;
  while (box.parentElement && box.innerText.length < 400) box = box.parentElement;
  return box.innerText.slice(0, 3000);
}"""


def page_says(page, locator) -> str:
    """What the page shows around `locator` and whether its script runs: for a failed wait's
    message (what a student would have seen instead)."""
    try:
        state = page.locator('[data-testid="stApp"]').get_attribute(
            "data-test-script-state", timeout=5_000)
        around = locator.first.evaluate(AROUND, timeout=5_000)
    except Exception as error:  # noqa: BLE001 - a message, never the failure itself
        return f"no app to read ({type(error).__name__}): a blank page"
    return f"script {state}; around it: {around!r}"


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Until the script has finished running and the main area has content."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=timeout_ms)
