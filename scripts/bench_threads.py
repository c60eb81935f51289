"""Threading policy: per-session and whole-server throughput with 1, 2 and 4 sessions at once.

Streamlit serves every session from a thread of one process, so sessions that train at once
share torch's intra-op thread setting. For each policy (one intra-op thread; torch's
default, one per core) a fresh subprocess starts N threads that each train the classifier
(from scratch, batch 256, EPOCHS epochs) on the same shared data, as N students pressing
Train together would. Printed: SGD steps per second of the slowest session and of the whole
server. core.resources.THREADS is chosen from these figures.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = (1, 2, 4)
EPOCHS = int(os.environ.get("THREADS_EPOCHS", "2"))

CHILD = r"""
import json, sys, threading, time, torch
from core import classifier, resources
threads, sessions, epochs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
class Data: pass
d = Data(); g = torch.Generator().manual_seed(0)
d.train_images = torch.randint(0, 256, (60000, 28, 28), dtype=torch.uint8, generator=g)
d.train_labels = torch.randint(0, 10, (60000,), generator=g)
d.test_images, d.test_labels = d.train_images[:10000], d.train_labels[:10000]
cfg = classifier.TrainConfig(batch_size=256, num_epochs=epochs)

def train(seconds, i):
    start = time.perf_counter()
    list(classifier.train(classifier.make_model("scratch", i), d, cfg))
    seconds[i] = time.perf_counter() - start

train({}, 0)  # warm-up
best = None
for _ in range(2):
    seconds = {}
    workers = [threading.Thread(target=train, args=(seconds, i)) for i in range(sessions)]
    start = time.perf_counter()
    for w in workers: w.start()
    for w in workers: w.join()
    wall = time.perf_counter() - start
    if best is None or wall < best[0]:
        best = (wall, max(seconds.values()))
steps = resources.steps(256, epochs)
print(json.dumps({"server": sessions * steps / best[0], "slowest_session": steps / best[1],
                  "threads_seen_after": torch.get_num_threads()}))
"""


def measure(threads: int, sessions: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(threads), str(sessions), str(EPOCHS)],
                         cwd=ROOT, check=True, capture_output=True, text=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run():
    cores = os.cpu_count() or 1
    policies = {"one_thread": 1, "default_threads": cores}
    figures = {}
    for policy, threads in policies.items():
        for n in SESSIONS:
            result = measure(threads, n)
            figures[policy, n] = result
            yield {"figure": f"threads_{policy}_{n}_sessions_server_steps_per_s",
                   "value": round(result["server"]), "unit": "steps/s", "threads": threads,
                   "slowest_session_steps_per_s": round(result["slowest_session"]),
                   "cpus": cores}
    for n in SESSIONS:
        yield {"figure": f"threads_one_vs_default_{n}_sessions_server_ratio",
               "value": round(figures["one_thread", n]["server"] /
                              figures["default_threads", n]["server"], 2), "unit": "x"}


if __name__ == "__main__":
    for record in run():
        print(json.dumps(record), flush=True)
