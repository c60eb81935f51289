"""Clicks on "Run one epoch the book's way" (issue 25): the memory they cost at once.

Each click runs the book's pipeline for an epoch beside ours (core.pipeline_timing, about
70 MiB while it runs: the book's DataLoader, its batches, our stages). N clicks arrive
within ARRIVAL seconds, in a process limited to 2 cores, on the real Fashion-MNIST:

- "today": every click's epoch runs at once, each in a thread of its own calling
  core.pipeline_timing.compare_one_epoch, as a page's script thread did before the queue;
- "queue": each click does what the page does: submits the page's own book_epoch
  (ui.panels.softmax_classifier) to a core.queue.TrainingQueue (slots from D2L_TRAIN_SLOTS,
  else the cores: 2) and polls it every ui.training.POLL_SECONDS until it ends.

Printed per mode: the process's RSS before, at its peak (sampled every 20 ms) and the peak
above it, per click at once, and seconds until the last click's result. Each mode runs in a
fresh subprocess. BOOK_CLICKS (default 6) sets N.
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bench_hall import CORES, Sampler, rss_mib  # noqa: E402

ARRIVAL = 2.0   # seconds over which the clicks arrive
CLICKS = int(os.environ.get("BOOK_CLICKS", "6"))


def child(mode: str, n: int) -> dict:
    """One mode in this process (limited to CORES cores); its figures as a dict."""
    import gc
    from functools import partial

    from core import data as core_data
    from core import pipeline_timing, queue, resources
    from ui import training
    from ui.panels.softmax_classifier import book_epoch

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:CORES]))
    resources.configure_process()
    data = core_data.load_fashion_mnist("cpu", allow_download=False)
    pipeline_timing.compare_one_epoch(data, 0)  # first-call costs (imports, allocator pools)
    gc.collect()
    resources.give_back()
    base = rss_mib()
    sampler = Sampler()
    sampler.start()
    q = queue.TrainingQueue() if mode == "queue" else None
    done = [None] * n
    start = time.monotonic()

    def click(i: int) -> None:
        if q is None:
            pipeline_timing.compare_one_epoch(data, i)
        else:
            job = q.submit(i, "book", partial(book_epoch, data, i))
            while q.status(job, i).state in queue.ACTIVE:
                q.touch(i)
                time.sleep(training.POLL_SECONDS)
            assert job.state == queue.DONE and not isinstance(job.result, str), job.error
        done[i] = time.monotonic() - start

    threads = []
    for i in range(n):
        time.sleep(max(0.0, start + ARRIVAL * i / n - time.monotonic()))
        threads.append(threading.Thread(target=click, args=(i,), daemon=True))
        threads[-1].start()
    for thread in threads:
        thread.join()
    sampler.stop.set()
    sampler.join()
    at_once = n if q is None else min(n, q.slots)
    return {"mode": mode, "clicks": n, "at_once": at_once, "rss_base_mib": round(base),
            "rss_peak_mib": round(sampler.peak), "peak_above_base_mib": round(sampler.peak - base),
            "per_click_at_once_mib": round((sampler.peak - base) / at_once, 1),
            "last_result_s": round(max(done), 1)}


def scenario(mode: str, n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(n)], cwd=ROOT,
                         capture_output=True, text=True, timeout=1800,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode != 0:
        return {"mode": mode, "clicks": n, "error": out.stderr[-500:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def run():
    note = ("in-process simulation: threads click the book's epoch (or, for 'today', call "
            "core.pipeline_timing directly); RSS of the process, sampled every 20 ms")
    for mode in ("today", "queue"):
        yield {"figure": f"book epoch x{CLICKS} {mode}", **scenario(mode, CLICKS), "note": note}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]))), flush=True)
    else:
        for record in run():
            print(json.dumps({"bench": "book_epoch", **record}), flush=True)
