"""A classroom at once: N browser sessions train the classifier on one live server.

Prints the server's RSS before the class (warm: two sessions have trained and closed), at
its peak, and after all sessions close (after/before should stay within 15 %: the server
gives memory back, see core.resources), the time until the last session finishes, the
memory each extra session costs, and whether every session's curves equal a single-session
run with the same seed (no state shared between users). Each "before"/"after" figure is read
once the server's periodic malloc_trim has run. Loopback only; the number of sessions and the
time are bounded: LOAD_SESSIONS (default 20), LOAD_EPOCHS (10). LOAD_NEXT_VISITOR=1 also
measures the RSS once a new visitor has come after Streamlit's reconnection window (120 s).
"""

import asyncio
import csv
import io
import os
import sys
import threading
import time

import psutil

from core.resources import TRIM_SECONDS
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_server

SESSIONS = int(os.environ.get("LOAD_SESSIONS", "20"))
EPOCHS = int(os.environ.get("LOAD_EPOCHS", "10"))
TIMEOUT_MS = int(os.environ.get("LOAD_TIMEOUT_S", "600")) * 1000
PATH = "softmax-classifier"
TTL_SECONDS = 120  # Streamlit's server.disconnectedSessionTTL (its default; not set here)
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def rss(proc: psutil.Process) -> int:
    return proc.memory_info().rss


def log(seed: int, what: str) -> None:
    if os.environ.get("LOAD_VERBOSE"):
        print(f"{time.strftime('%H:%M:%S')} session {seed}: {what}", file=sys.stderr, flush=True)


async def train_and_fetch(browser, base: str, seed: int) -> list[dict]:
    """One student: open the whole page with a seed, press Train, download the metrics CSV."""
    context = await browser.new_context(accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)  # a busy server answers a whole class slowly
    page = await context.new_page()
    try:
        await page.goto(f"{base}/{PATH}?seed={seed}&epochs={EPOCHS}&all=1", timeout=TIMEOUT_MS)
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        log(seed, "page open")
        await page.locator(".st-key-sc-train button").click()
        log(seed, "Train clicked")
        button = page.locator(".st-key-sc-dl_csv button")
        await button.wait_for(timeout=TIMEOUT_MS)
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)  # the run has finished
        async with page.expect_download(timeout=TIMEOUT_MS) as info:
            await button.click()
        download = await info.value
        log(seed, "metrics downloaded")
        text = open(await download.path(), encoding="utf-8").read()
        # the curves, without the wall-clock seconds that differ from run to run
        return [{k: v for k, v in row.items() if k != "seconds"}
                for row in csv.DictReader(io.StringIO(text))]
    except Exception:
        if os.environ.get("LOAD_VERBOSE"):
            await page.screenshot(path=f"/tmp/load_fail_{seed}.png", full_page=True)
        raise
    finally:
        await context.close()


async def classroom(base: str, server: psutil.Process, records: list) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # One session first: the reference curves, and a warm server.
        reference = {s: await train_and_fetch(browser, base, s) for s in (1, 2)}
        await asyncio.sleep(TRIM_SECONDS + 5)  # the server's periodic trim has run
        warm = rss(server)
        records.append({"figure": "load_rss_before_mb", "value": round(warm / 2**20),
                        "unit": "MiB", "note": "warm: two sessions trained and closed"})
        start = time.perf_counter()
        outcomes = await asyncio.gather(
            *(train_and_fetch(browser, base, seed) for seed in range(1, SESSIONS + 1)),
            return_exceptions=True)
        elapsed = time.perf_counter() - start
        await browser.close()
    results = dict(zip(range(1, SESSIONS + 1), outcomes, strict=True))
    finished = [s for s, r in results.items() if isinstance(r, list) and r]
    records += [
        {"figure": "load_sessions_finished", "value": len(finished), "of": SESSIONS},
        {"figure": "load_seconds_until_last_session_finished", "value": round(elapsed, 1),
         "unit": "s", "epochs": EPOCHS},
        {"figure": "load_curves_equal_single_session_runs",
         "value": all(results[s] == reference[s] for s in reference)},
    ]
    failures = {s: repr(r)[:200] for s, r in results.items() if not isinstance(r, list)}
    if failures:
        records.append({"figure": "load_failures", "value": failures})
    records.append({"warm": warm})


async def next_visitor(base: str) -> None:
    """Open the home page once and leave (the session store drops expired sessions)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page()
        await page.goto(base, timeout=TIMEOUT_MS)
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        await browser.close()


def run():
    port = free_port()
    proc = start_server(port, {"FASHION_MNIST_DOWNLOAD": "0"})
    server = psutil.Process(proc.pid)
    peak = [0]
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], rss(server))
            time.sleep(0.05)

    threading.Thread(target=watch, daemon=True).start()
    try:
        records: list = []
        asyncio.run(classroom(f"http://127.0.0.1:{port}", server, records))
        warm = records.pop()["warm"]
        yield from records
        yield {"figure": "load_server_peak_rss_mb", "value": round(peak[0] / 2**20),
               "unit": "MiB"}
        yield {"figure": "load_rss_per_extra_session_mb",
               "value": round((peak[0] - warm) / 2**20 / max(SESSIONS - 1, 1), 1),
               "unit": "MiB", "note": "peak during the class minus one warm session"}
        time.sleep(TRIM_SECONDS + 5)  # the server's periodic trim has run
        after = rss(server)
        yield {"figure": "load_rss_after_all_sessions_closed_mb",
               "value": round(after / 2**20), "unit": "MiB",
               "vs_before": round(after / warm, 3), "target": "within 15 % of before"}
        if os.environ.get("LOAD_NEXT_VISITOR"):
            # Streamlit keeps a closed session (its state and the messages it was sent) for
            # server.disconnectedSessionTTL seconds in case it reconnects, and drops expired
            # ones lazily, when the session store is next used: the next visitor does that
            time.sleep(TTL_SECONDS + 5)
            asyncio.run(next_visitor(f"http://127.0.0.1:{port}"))
            time.sleep(TRIM_SECONDS + 5)
            later = rss(server)
            yield {"figure": "load_rss_after_the_next_visitor_mb",
                   "value": round(later / 2**20), "unit": "MiB",
                   "vs_before": round(later / warm, 3),
                   "note": f"a new visitor {TTL_SECONDS} s after the class left"}
    finally:
        stop.set()
        proc.terminate()
        proc.wait(timeout=30)
