"""A lecture hall presses Train (issue 24 §5): today's behaviour beside the training queue.

N simulated students press Train within ARRIVAL seconds, in a process limited to 2 cores
(sched_setaffinity, as `taskset -c 0,1` would), on the real Fashion-MNIST, with the app's one
torch thread per run:

- "today": every student's run trains at once, each in a thread of its own calling
  core.classifier's training loop directly, as every session's script thread did before the
  queue (its first curves come with its first epoch);
- "queue": each student is a thread that does what the page does: submits to a
  core.queue.TrainingQueue (slots from D2L_TRAIN_SLOTS, else the cores: 2) with the page's
  key, cost and run (core.runs), then polls it every ui.training.POLL_SECONDS as the page's
  run_every fragment does, drawing a run from the cache as the page's replay paces it.

This is an in-process simulation with threads, not browsers over websockets: it measures the
training and the queue, not Streamlit's own per-session costs (scripts/session_size.py and
`make bench` load for those). Each scenario runs in a fresh subprocess; printed per scenario:
seconds from a student's press to its first curves and to its final curves for the first,
median and last student, the process's RSS before, at its peak and after the students leave.

Scenarios: 30 students with varied settings (all different: no run is shared), and 200 with
the book's defaults. HALL_EPOCHS (default 10, the book's) sets the epochs of every run;
"today" with 200 students is run only with HALL_TODAY_200=1 (200 runs at once, ~18 MiB each).
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARRIVAL = 5.0   # seconds over which the students press Train
CORES = 2       # the hosted container's
EPOCHS = int(os.environ.get("HALL_EPOCHS", "10"))
SCENARIOS = [("varied", 30), ("defaults", 200)]


def settings(kind: str, i: int):
    """Student i's settings: the book's defaults, or a combination of its own."""
    from core import classifier

    if kind == "defaults":
        return "scratch", classifier.TrainConfig(num_epochs=EPOCHS)
    impls, batches, lrs = ("scratch", "concise"), (256, 512, 1024), (0.03, 0.1, 0.3)
    return (impls[i % 2], classifier.TrainConfig(batch_size=batches[i // 2 % 3],
                                            lr=lrs[i // 6 % 3], num_epochs=EPOCHS, seed=i))


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Sampler(threading.Thread):
    """The process's peak RSS, sampled every 20 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.stop = rss_mib(), threading.Event()

    def run(self):
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, rss_mib())


def today(i: int, kind: str, data, first: list, final: list, pressed: float) -> None:
    """One student's run as the page ran it before the queue: at once, in its own thread."""
    from core import classifier

    impl, cfg = settings(kind, i)
    model = classifier.make_model(impl, cfg.seed, data.train_labels.device)
    history, snapshots = [], []
    for record, W in classifier.train_recorded(model, data, cfg):
        if not history:
            first[i] = time.monotonic() - pressed
        history.append(record)
        snapshots.append(W)
    classifier.summarize(impl, model, cfg, history, data, "CPU", tuple(snapshots))
    final[i] = time.monotonic() - pressed


def queued(i: int, kind: str, data, q, first: list, final: list, pressed: float) -> None:
    """One student as the page follows its run: submit, then poll as the fragment does."""
    from functools import partial

    from core import queue, resources, runs
    from ui import training

    impl, cfg = settings(kind, i)
    job = q.submit(i, "classifier", partial(runs.classifier_run, impl, cfg, data),
                   key=runs.classifier_key(impl, cfg, data),
                   cost=resources.steps(cfg.batch_size, cfg.num_epochs))
    since = time.monotonic()
    while True:
        status = q.status(job, i)
        if status.state != queue.WAITING:
            shown = training.shown(job, status, since)
            if shown and first[i] is None:
                first[i] = time.monotonic() - pressed
            if status.state not in queue.ACTIVE and shown == len(job.frames):
                final[i] = time.monotonic() - pressed
                return
        q.touch(i)
        time.sleep(training.POLL_SECONDS)


def child(mode: str, kind: str, n: int) -> dict:
    """One scenario in this process (limited to CORES cores); its figures as a dict."""
    import gc

    from core import data as core_data
    from core import queue, resources
    from core.runs import RunCache

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:CORES]))
    resources.configure_process()
    data = core_data.load_fashion_mnist("cpu", allow_download=False)
    gc.collect()
    resources.give_back()
    base = rss_mib()
    sampler = Sampler()
    sampler.start()
    q = queue.TrainingQueue(cache=RunCache()) if mode == "queue" else None
    first, final = [None] * n, [None] * n
    threads, start, cpu = [], time.monotonic(), os.times()
    for i in range(n):
        pressed = start + ARRIVAL * i / n
        time.sleep(max(0.0, pressed - time.monotonic()))
        args = (i, kind, data, first, final, pressed)
        thread = threading.Thread(target=today if mode == "today" else queued,
                                  args=args if mode == "today" else (*args[:3], q, *args[3:]),
                                  daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    total = time.monotonic() - start
    used = sum(os.times()[:2]) - sum(cpu[:2])  # user + system seconds of this process
    sampler.stop.set()
    sampler.join()
    del threads, q
    gc.collect()
    resources.give_back()
    first_sorted, final_sorted = sorted(first), sorted(final)
    return {"mode": mode, "students": n, "settings": kind, "epochs": EPOCHS,
            "slots": queue.default_slots() if mode == "queue" else n,
            "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
            "first_curves_s": [round(first_sorted[0], 2), round(statistics.median(first), 2),
                               round(first_sorted[-1], 2)],
            "final_curves_s": [round(final_sorted[0], 2), round(statistics.median(final), 2),
                               round(final_sorted[-1], 2)],
            "all_done_s": round(total, 2), "cpu_s": round(used, 1),
            "cores_used": round(used / total, 2),  # < 2: other processes had the rest
            "rss_base_mib": round(base),
            "rss_peak_mib": round(sampler.peak), "rss_after_mib": round(rss_mib())}


def scenario(mode: str, kind: str, n: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, kind, str(n)], cwd=ROOT,
                         capture_output=True, text=True, timeout=3600,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode != 0:
        return {"mode": mode, "students": n, "settings": kind, "error": out.stderr[-500:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def run():
    note = ("in-process simulation: threads run the page's queue/cache code path (or, for "
            "'today', core.classifier's loop directly), not browsers; first/median/last "
            "student; seconds from pressing Train")
    for kind, n in SCENARIOS:
        for mode in ("today", "queue"):
            if mode == "today" and n > 30 and os.environ.get("HALL_TODAY_200") != "1":
                yield {"figure": f"hall {kind} x{n} today", "skipped":
                       "200 runs at once (~18 MiB each, minutes of 2 cores); HALL_TODAY_200=1 "
                       "runs it", "note": note}
                continue
            result = scenario(mode, kind, n)
            yield {"figure": f"hall {kind} x{n} {mode}", **result, "note": note}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        mode, kind, n = sys.argv[2], sys.argv[3], int(sys.argv[4])
        print(json.dumps(child(mode, kind, n)), flush=True)
    else:
        sys.path[:0] = [str(ROOT)]
        for record in run():
            print(json.dumps({"bench": "hall", **record}), flush=True)
