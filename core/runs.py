"""Finished training runs, kept once for the whole server (issue 24 §2).

A run is deterministic for (implementation, hyperparameters, seed, data, device, torch
version): `run_key` names it. `RunCache` keeps the last finished runs, least recently used
first out, bounded by a count AND a size in bytes, so that 200 students who press Train with
the book's defaults share one training and one copy of its result (read-only: a result is
never changed after it is stored). Plain Python; the queue (core.queue) stores into it.
"""

import dataclasses
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Generator, Hashable

import torch

from core import classifier, workers
from core.data import FashionMNIST
from core.device import device_name

MAX_RUNS = 64          # finished runs kept for the room
MAX_MIB = 160          # and at most this many MiB of them (a classifier run: ~1.5 MiB)


@dataclasses.dataclass(frozen=True)
class Finished:
    """One finished run as the room shares it: what it yielded, what it returned."""
    key: Hashable
    frames: tuple          # the records the run yielded, in order (the replay draws them)
    result: object         # what the run returned (classifier.Trained, linreg.Run, …)
    seconds: float         # how long it trained
    finished_at: float     # time.time() when it finished
    nbytes: int            # its size, as the cache counts it


def run_key(kind: str, impl: str, config, data_id: Hashable, device: str) -> tuple:
    """What makes two runs the same run, to the last digit."""
    return (kind, impl, config, data_id, device, torch.__version__)


def data_id(data) -> tuple:
    """A cheap fingerprint of a data set (sizes, device and a label checksum): runs on other
    data are other runs."""
    return (tuple(data.train_images.shape), tuple(data.test_images.shape),
            str(data.train_labels.device), int(data.train_labels[:4096].sum()),
            int(data.test_labels[:4096].sum()))


workers.share(FashionMNIST, data_id)  # sent to a worker process once, not with every run


def classifier_key(impl: str, cfg: classifier.TrainConfig, data) -> tuple:
    """The run_key of one classifier run."""
    device = data.train_labels.device
    return run_key("classifier", impl, dataclasses.astuple(cfg), data_id(data),
                   f"{device_name(device)} {device}")


def classifier_run(impl: str, cfg: classifier.TrainConfig, data) -> Generator:
    """One classifier run for the queue: yields (Epoch, W after it) per epoch; returns the
    summary (classifier.Trained), or classifier.Diverged once the loss is not finite."""
    device = data.train_labels.device
    model = classifier.make_model(impl, cfg.seed, device)
    history, snapshots = [], []
    for record, W in classifier.train_recorded(model, data, cfg):
        history.append(record)
        snapshots.append(W)
        yield record, W
        if not math.isfinite(record.train_loss):
            return classifier.Diverged(cfg.lr, record.epoch, tuple(history))
    if len(history) < cfg.num_epochs:  # never a half-trained model as a result
        raise RuntimeError("the training generator ended before its last epoch")
    return classifier.summarize(impl, model, cfg, history, data, device_name(device),
                                tuple(snapshots))


def linreg_key(spec, impl: str, cfg, device: str) -> tuple:
    """The run_key of one linear-regression run (its data is drawn from `spec`)."""
    return run_key("linreg", impl, dataclasses.astuple(cfg), spec, device)


def linreg_run(spec, impl: str, X, y, cfg, device) -> Generator:
    """One linear-regression run for the queue: yields linreg's records (one per step, epoch
    and the start); returns the linreg.Run."""
    from core import linreg  # the regression page's module: imported by its runs only

    records, start = [], time.perf_counter()
    for record in linreg.train(impl, X, y, cfg, device):
        records.append(record)
        yield record
    return linreg.Run(spec, impl, cfg, tuple(records), time.perf_counter() - start)


def nbytes(value, _seen: set | None = None) -> int:
    """The bytes a value holds in tensors, bytes and strings (nested in tuples, lists, dicts
    and dataclasses); small Python scalars count 0. Each object once."""
    seen = set() if _seen is None else _seen
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if isinstance(value, torch.Tensor):
        return value.element_size() * value.nelement()
    if isinstance(value, bytes | bytearray | str):
        return len(value)
    if isinstance(value, tuple | list | set | frozenset):
        return sum(nbytes(v, seen) for v in value)
    if isinstance(value, dict):
        return sum(nbytes(k, seen) + nbytes(v, seen) for k, v in value.items())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(nbytes(getattr(value, f.name), seen) for f in dataclasses.fields(value))
    return 0


class RunCache:
    """A bounded LRU map key → Finished, safe to use from many threads."""

    def __init__(self, max_entries: int = MAX_RUNS, max_bytes: int = MAX_MIB << 20):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._runs: OrderedDict = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Finished | None:
        """The finished run for `key` (now the most recently used), or None."""
        with self._lock:
            found = self._runs.get(key)
            if found is not None:
                self._runs.move_to_end(key)
            return found

    def put(self, key: Hashable, frames: tuple, result, seconds: float) -> Finished:
        """Store a finished run; the least recently used go until both bounds hold. A run
        larger than the whole cache is returned but not kept."""
        size = nbytes((frames, result))
        done = Finished(key, tuple(frames), result, seconds, time.time(), size)
        with self._lock:
            old = self._runs.pop(key, None)
            if old is not None:
                self._bytes -= old.nbytes
            if size > self.max_bytes or self.max_entries < 1:
                return done
            self._runs[key] = done
            self._bytes += size
            while len(self._runs) > self.max_entries or self._bytes > self.max_bytes:
                _, gone = self._runs.popitem(last=False)
                self._bytes -= gone.nbytes
        return done

    def clear(self) -> None:
        with self._lock:
            self._runs.clear()
            self._bytes = 0

    @property
    def size(self) -> tuple[int, int]:
        """(runs, bytes) kept now."""
        with self._lock:
            return len(self._runs), self._bytes
