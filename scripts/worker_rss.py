"""Print the memory of a training worker process (core.workers) with the torch this Python has.

Run it with the project's venv (the pinned CUDA build) and with a venv holding a CPU-only
build, as Community Cloud installs (`pip install torch==2.13.0 numpy psutil` takes the CPU
file this machine keeps): `python scripts/worker_rss.py`. Two workers each train two 2-epoch
runs on data of Fashion-MNIST's shapes (random pixels: the memory is the same, and a venv of
torch alone has no torchvision to decode the real files); then each worker's RSS, USS (pages
only it holds: what it adds to a server) and PSS, and this process's.
"""

import functools
import json
import sys
from pathlib import Path

import psutil
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import classifier, resources, runs, workers  # noqa: E402
from core.data import FashionMNIST  # noqa: E402


def drain(steps):
    try:
        while True:
            next(steps)
    except StopIteration as end:
        return end.value


g = torch.Generator().manual_seed(0)
data = FashionMNIST(torch.randint(0, 256, (60_000, 28, 28), dtype=torch.uint8, generator=g),
                    torch.randint(0, 10, (60_000,), generator=g),
                    torch.randint(0, 256, (10_000, 28, 28), dtype=torch.uint8, generator=g),
                    torch.randint(0, 10, (10_000,), generator=g), "random", 0.0)
resources.configure_threads()
pool = workers.Pool(2)
assert pool.ready()
for impl in ("scratch", "concise"):
    for seed in (0, 1):  # the pool hands the idle workers out in turn: both train
        drain(pool.start(functools.partial(runs.classifier_run, impl,
                                           classifier.TrainConfig(num_epochs=2, seed=seed), data)))
mib = 2**20
for i, pid in enumerate(pool.workers):
    info = psutil.Process(pid).memory_full_info()
    print(json.dumps({"figure": f"worker_{i}_memory", "torch": torch.__version__,
                      "rss": round(info.rss / mib), "uss": round(info.uss / mib),
                      "pss": round(info.pss / mib), "unit": "MiB"}))
info = psutil.Process().memory_full_info()
print(json.dumps({"figure": "parent_memory", "torch": torch.__version__, "rss": round(info.rss / mib),
                  "uss": round(info.uss / mib), "pss": round(info.pss / mib), "unit": "MiB"}))
pool.close()
