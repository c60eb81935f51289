"""Training in worker processes (core.workers, issue 24): what a worker costs and what it saves.

In one process that imported torch and the data set as a server does, a Pool of 2 workers:
- the seconds a worker takes to start (import torch, send `ready`) and to take the data set;
- the same 2-epoch classifier runs trained here (in a thread, as the server did) and in a
  worker, alternating, RUNS each: the median wall seconds (the pool's overhead: pickling the
  run, its records and its result);
- the point of it: 2 runs at once, beside a busy page thread (pure Python, as the pages' script
  runs are), in threads and then in the 2 workers: wall seconds of the pair, and how many
  rounds of Python work the page thread did meanwhile;
- the memory of each worker once it has trained (RSS, USS: pages only it holds, PSS) and the
  parent's, on this machine's torch build.

`python scripts/bench.py workers`; WORKERS_RUNS (default 5).
"""

import functools
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUNS = int(os.environ.get("WORKERS_RUNS", "5"))


def drain(steps) -> object:
    try:
        while True:
            next(steps)
    except StopIteration as end:
        return end.value


def mib(n: int) -> int:
    return round(n / 2**20)


def run():
    import torch

    from core import classifier, resources, runs, workers
    from core import data as core_data

    resources.configure_threads()
    data = core_data.load_fashion_mnist("cpu", allow_download=False)
    cfg = functools.partial(classifier.TrainConfig, num_epochs=2)
    pool = workers.Pool(2)
    start = time.perf_counter()
    pool.ready()  # each says `ready` once it has imported torch
    started = time.perf_counter() - start
    start = time.perf_counter()
    for seed in (100, 101):  # one run each: the data set goes to both workers
        drain(pool.start(functools.partial(runs.classifier_run, "scratch", cfg(seed=seed), data)))
    first = time.perf_counter() - start

    here, there = [], []
    for seed in range(RUNS):
        for times, go in ((here, lambda c: runs.classifier_run("scratch", c, data)),
                          (there, lambda c: pool.start(functools.partial(
                              runs.classifier_run, "scratch", c, data)))):
            begin = time.perf_counter()
            drain(go(cfg(seed=seed)))
            times.append(time.perf_counter() - begin)
    yield {"figure": "a 2-epoch classifier run, in this process and in a worker",
           "unit": "s", "here": round(statistics.median(here), 3),
           "worker": round(statistics.median(there), 3),
           "workers_ready_s": round(started, 2), "first_runs_with_the_data_set_s": round(first, 2),
           "runs": RUNS, "loadavg": [round(v, 2) for v in os.getloadavg()],
           "note": "median wall seconds; the worker's includes pickling the run, its records "
                   "and result; workers_ready_s: 2 workers importing torch at once"}

    def pair(trainer) -> dict:
        """Two runs at once beside a page thread doing pure-Python work."""
        rounds, stop = [0], threading.Event()

        def page():
            while not stop.is_set():
                sum(i * i for i in range(2000))  # a script run's kind of work: GIL-bound
                rounds[0] += 1

        pages = threading.Thread(target=page, daemon=True)
        pages.start()
        begin = time.perf_counter()
        threads = [threading.Thread(target=lambda s=s: drain(trainer(cfg(seed=200 + s))))
                   for s in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - begin
        stop.set()
        pages.join()
        return {"seconds": round(seconds, 2), "page_rounds_per_s": round(rounds[0] / seconds)}

    threads = pair(lambda c: runs.classifier_run("scratch", c, data))
    processes = pair(lambda c: pool.start(functools.partial(runs.classifier_run, "scratch", c,
                                                            data)))
    yield {"figure": "2 runs at once beside a busy page thread", "unit": "s",
           "threads": threads, "workers": processes,
           "ratio": round(threads["seconds"] / processes["seconds"], 2),
           "cores": len(os.sched_getaffinity(0)),
           "loadavg": [round(v, 2) for v in os.getloadavg()],
           "note": "wall seconds until both 2-epoch runs end, and the page thread's rounds of "
                   "pure-Python work a second meanwhile"}

    memory = {}
    for i, pid in enumerate(pool.workers):
        info = psutil.Process(pid).memory_full_info()
        memory[f"worker_{i}"] = {"rss": mib(info.rss), "uss": mib(info.uss), "pss": mib(info.pss)}
    info = psutil.Process().memory_full_info()
    memory["parent"] = {"rss": mib(info.rss), "uss": mib(info.uss), "pss": mib(info.pss)}
    pool.close()
    yield {"figure": "memory of the worker processes", "unit": "MiB", **memory,
           "torch": torch.__version__,
           "note": "after their runs; USS: pages only that process holds (what a worker adds); "
                   "PSS: shared pages split between the processes that map them"}


if __name__ == "__main__":
    import json

    for record in run():
        print(json.dumps({"bench": "workers", **record}), flush=True)
