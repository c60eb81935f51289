"""What one run may take from a shared server: SGD steps, CPU threads, memory kept.

- Work: one classifier run is capped at MAX_CLASSIFIER_STEPS SGD steps,
  steps = num_epochs × ⌈n / batch_size⌉. The book's run (batch 256, 10 epochs) is 2,350 steps;
  the cap keeps every batch size of 256 and more for all 30 epochs, batch 128 for 25,
  64 for 12, 32 for 6 and 16 for 3, and refuses batch 16 × 30 epochs (112,500 steps, up to a
  minute of a core). `python scripts/bench_work.py` prints the seconds per epoch that chose
  it: with the cap, no allowed run costs more than the book's batch 256 for 30 epochs.
- Threads: the server process uses THREADS intra-op threads, set once per process by
  `configure_threads()`; no session changes it. `python scripts/bench_threads.py` prints the
  per-session and whole-server throughput with 1, 2 and 4 sessions training at once that
  chose it.
- Memory: glibc gives every thread that allocates its own arena and keeps freed pages in it;
  `limit_arenas()` caps the arenas (as MALLOC_ARENA_MAX would) and `give_back()` returns
  free heap pages to the system (malloc_trim); `configure_process()` does both, once, and
  trims every TRIM_SECONDS from a background thread.
- Garbage collection: `freeze_imports()` takes the objects of the imported libraries out of
  the cyclic collector's sight, once (`configure_process()`; D2L_GC_FREEZE=0 leaves it).
"""

import ctypes
import ctypes.util
import dataclasses
import gc
import math
import os
import threading

import torch

TRAIN_SIZE = 60_000
MAX_CLASSIFIER_STEPS = 12_000  # no run costs more than the book's longest (batch 256 × 30)
THREADS = 1                    # intra-op threads: see scripts/bench_threads.py
ARENAS = 2                     # glibc malloc arenas (M_ARENA_MAX)
TRIM_SECONDS = 15              # how often the server returns free heap pages
_M_ARENA_MAX = -8              # mallopt's parameter number, from glibc's malloc.h
GC_FREEZE_ENV = "D2L_GC_FREEZE"  # "0": Python's collector as it comes (benches: with/without)
_configured = threading.Event()


def steps(batch_size: int, num_epochs: int, n: int = TRAIN_SIZE) -> int:
    """SGD steps of one run: num_epochs × ⌈n / batch_size⌉."""
    return num_epochs * math.ceil(n / batch_size)


def max_epochs(batch_size: int, n: int = TRAIN_SIZE, limit: int = MAX_CLASSIFIER_STEPS) -> int:
    """The most epochs a run at `batch_size` may have under the cap (at least 1)."""
    return max(1, limit // math.ceil(n / batch_size))


@dataclasses.dataclass(frozen=True)
class Work:
    """The size of one requested run and whether it is allowed."""
    steps: int
    per_epoch: int
    limit: int
    max_epochs: int

    @property
    def allowed(self) -> bool:
        return self.steps <= self.limit


def classifier_work(batch_size: int, num_epochs: int, n: int = TRAIN_SIZE) -> Work:
    """How many SGD steps a classifier run asks for, against MAX_CLASSIFIER_STEPS."""
    return Work(steps(batch_size, num_epochs, n), math.ceil(n / batch_size),
                MAX_CLASSIFIER_STEPS, max_epochs(batch_size, n))


def configure_threads(threads: int = THREADS) -> None:
    """Set the process's intra-op threads once (a server-wide policy, never per session)."""
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None  # glibc only


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas for threads that allocate from now on; False if not glibc."""
    libc = _libc()
    return bool(libc and libc.mallopt(_M_ARENA_MAX, arenas))


def give_back() -> bool:
    """Return the heap's free pages to the system (glibc malloc_trim); False if not glibc."""
    libc = _libc()
    return bool(libc and libc.malloc_trim(0))


def _trim_forever(stop: threading.Event, seconds: float) -> None:
    while not stop.wait(seconds):
        give_back()


def freeze_imports() -> bool:
    """Every object alive now, after the imports (torch, pandas, Altair, Streamlit: about
    0.3 million objects), is moved where the cyclic garbage collector no longer scans it
    (gc.freeze), after one collection of what is garbage already. A full collection then
    walks only the objects made since; it walked them all, about 0.1 s holding the
    interpreter, whenever enough new objects had come (a hall of 200 clicks makes them fast:
    py-spy caught the server's script runs stalled in one). False where D2L_GC_FREEZE=0."""
    if os.environ.get(GC_FREEZE_ENV, "1").strip() == "0":
        return False
    gc.collect()
    gc.freeze()
    return True


def configure_process() -> None:
    """The server's policy: threads (checked every run, a no-op when already right), and once
    per process the imports frozen for the garbage collector, the malloc arenas and a
    periodic trim."""
    configure_threads()
    if _configured.is_set():
        return
    _configured.set()
    freeze_imports()
    if limit_arenas():
        threading.Thread(target=_trim_forever, args=(threading.Event(), TRIM_SECONDS),
                         name="d2l-malloc-trim", daemon=True).start()
