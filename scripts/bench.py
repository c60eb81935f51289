"""`make bench`: one JSON line per figure.

Runs every `scripts/bench_*.py` module's `run()`, each yielding dicts like
{"figure": "...", "value": ..., "unit": "..."}. Figures are measured, never asserted.
"""

import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]


def best_seconds(fn, repeat: int = 5) -> float:
    """The fastest of `repeat` timed calls of `fn`, after one untimed warm-up call."""
    fn()  # first-call overheads (autograd, CUDA context, caches)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(selected: list[str]) -> None:
    """Every bench, or those named: a bench's exact name runs it alone (`hall` is not also
    `hall_ws`), any other word every bench whose name contains it."""
    names = sorted(p.stem for p in (ROOT / "scripts").glob("bench_*.py"))
    exact = {s for s in selected if f"bench_{s}" in names}
    for name in names:
        short = name.removeprefix("bench_")
        if selected and not any(s == short if s in exact else s in name for s in selected):
            continue
        for record in importlib.import_module(name).run():
            print(json.dumps({"bench": name.removeprefix("bench_"), **record}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
