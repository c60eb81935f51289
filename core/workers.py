"""Training runs in worker processes (issue 24): the pages and the training stop sharing one
interpreter.

A Streamlit server is one Python process. Its training threads (core.queue) and its pages'
script runs take turns holding the interpreter: two 2-epoch runs beside one busy page thread
took 24.45 s in threads and 3.12 s in two workers (scripts/bench_workers.py, 2 idle cores).
`Pool` keeps up to `size` worker processes, each a plain `python -m core.workers` (no
Streamlit, no copy of the server's threads: started, not forked), and trains one run at a
time in each: the run's generator function and its arguments are pickled to the worker, which
sends back each record as it is yielded, then the result.

A real server uses them unless D2L_TRAIN_WORKERS=threads (ui.training.processes, with the
figures of the hall both ways): the room's one run no longer waits behind 200 pages' script
runs, though on 2 cores two runs trained at once cost more CPU than runs taken in turn. A
worker holds about 264 MiB of its own with the CPU build of torch, 410 MiB with this
machine's CUDA build (scripts/worker_rss.py).

- Only runs of `core` are sent (a function whose module is core.*, or a functools.partial of
  one): they need plain values and torch, never Streamlit. `start` raises NotPortable for any
  other, and the queue trains it in a thread of the server as before.
- A run asked for before any worker has started (a worker imports torch: seconds, and tens
  of seconds on a busy machine) trains in a thread too (NotReady), rather than wait.
- A large read-only argument (a data set) is sent to each worker once, not with every run:
  a type registered with `share(cls, key)` is pickled as a reference (its `key`), and its
  value goes to a worker the first time a run there needs it. A worker keeps the last
  KEPT of them.
- Stop: closing the run `start` returns (the queue does, when a run's last watcher
  leaves) asks the worker to stop after its current record, and waits for it, so that a
  slot is free only once its core is. A worker that does not answer within STOP_SECONDS, or
  that dies (killed, out of memory), is killed and replaced by a new one at the next run;
  its run fails (WorkerLost), and the queue frees its slot.
- A worker whose server is gone reads the end of its socket and exits.

Messages are pickled with the standard pickle (records and results by value: a classifier's
per-epoch weights are 31 KB), over a socket pair.
"""

import collections
import functools
import logging
import os
import pickle
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Generator, Hashable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP_SECONDS = 60.0   # a worker asked to stop answers after its current record (an epoch)
START_SECONDS = 120.0  # a new worker imports torch: seconds before it counts as lost
KEPT = 2              # shared values (data sets) a worker keeps
ENV = "D2L_TRAIN_WORKERS"  # "processes" or "threads": where the server trains (ui.training)
log = logging.getLogger("d2l.workers")
_SHARED: dict[type, Callable[[object], Hashable]] = {}


class NotPortable(Exception):
    """This run cannot be trained in a worker process (not a core function, or not
    picklable): train it in a thread."""


class NotReady(NotPortable):
    """No worker has finished starting (importing torch takes seconds, tens of seconds on a
    busy machine): this run trains in a thread rather than wait for one."""


class WorkerLost(RuntimeError):
    """The worker process training a run died or stopped answering."""


class RunFailed(RuntimeError):
    """The run raised in its worker. `name` is its exception's class (the page says that
    the run failed; the traceback goes to the server's log)."""

    def __init__(self, name: str, text: str):
        super().__init__(f"{name} in a worker process")
        self.name, self.text = name, text


def share(cls: type, key: Callable[[object], Hashable]) -> None:
    """Values of `cls` are sent to each worker once (by `key`), not pickled into every run."""
    _SHARED[cls] = key


def portable(work: Callable) -> bool:
    """A run whose function is core's: a function of a core.* module, or a partial of one."""
    func = work.func if isinstance(work, functools.partial) else work
    module = getattr(func, "__module__", "") or ""
    name = getattr(func, "__qualname__", "")
    return module.startswith("core.") and "<locals>" not in name and "<lambda>" not in name


# ---- the server's side ------------------------------------------------------------------------

class _Worker:
    def __init__(self):
        mine, theirs = socket.socketpair()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
        self.proc = subprocess.Popen([sys.executable, "-m", "core.workers", str(theirs.fileno())],
                                     pass_fds=(theirs.fileno(),), cwd=ROOT, env=env,
                                     stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(mine.detach())
        self.kept: collections.OrderedDict = collections.OrderedDict()  # keys it holds
        self.ready = False

    def send(self, message) -> None:
        self.conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def receive(self, timeout: float | None = None):
        """The next message; WorkerLost when the process ended or said nothing in time."""
        try:
            if timeout is not None and not self.conn.poll(timeout):
                raise WorkerLost(f"no answer in {timeout:.0f} s")
            return pickle.loads(self.conn.recv_bytes())
        except (EOFError, OSError) as e:
            raise WorkerLost(f"the worker process ended ({self.proc.poll()})") from e

    def alive(self) -> bool:
        return self.proc.poll() is None

    def started(self, timeout: float = 0.0) -> bool:
        """Has it said `ready` (within `timeout` s)? An idle worker sends nothing else."""
        try:
            while not self.ready and self.conn.poll(timeout):
                self.ready = self.receive()[0] == "ready"
        except (WorkerLost, OSError):
            return False
        return self.ready

    def kill(self) -> None:
        try:
            self.conn.close()
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass


class _Pickler(pickle.Pickler):
    """Pickles a run; a registered shared value becomes a reference, collected in `needed`."""

    def __init__(self, file, needed: dict):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.needed = needed

    def persistent_id(self, obj):
        key = _SHARED.get(type(obj))
        if key is None:
            return None
        ref = (type(obj).__module__, type(obj).__qualname__, key(obj))
        self.needed[ref] = obj
        return ref


class Pool:
    """Up to `size` worker processes, started when first wanted and kept."""

    def __init__(self, size: int):
        self.size = max(1, size)
        self._idle: list[_Worker] = []
        self._count = 0  # workers started and not lost
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Start the workers now (they take a few seconds to import torch), so that the first
        runs do not wait for them."""
        with self._lock:
            while self._count < self.size:
                self._idle.append(_Worker())
                self._count += 1

    def start(self, work: Callable[[], Generator]) -> "_Run":
        """`work()` trained in a worker: an iterator of its records, whose StopIteration carries
        the result, as a generator's (RunFailed if it raised there, WorkerLost if the worker
        died); `close()` stops it. NotPortable at once
        for a run that cannot go, NotReady while no worker has started. The queue runs at
        most `size` at a time."""
        if not portable(work):
            raise NotPortable(repr(work))
        import io

        needed: dict = {}
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, needed).dump(work)
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            raise NotPortable(str(e)) from e
        worker = self._take()
        try:
            for ref, value in needed.items():
                if ref not in worker.kept:
                    worker.send(("keep", ref, value))
                    worker.kept[ref] = True
                    while len(worker.kept) > KEPT:
                        worker.kept.popitem(last=False)
                worker.kept.move_to_end(ref)
            worker.send(("run", buffer.getvalue()))
        except (OSError, pickle.PicklingError) as e:
            self._lose(worker)
            raise WorkerLost(str(e)) from e
        return _Run(self, worker)

    def ready(self, timeout: float = START_SECONDS) -> bool:
        """Start the workers and wait until every one has (the tests and the benches)."""
        self.warm()
        with self._lock:
            idle = list(self._idle)
        return all(worker.started(timeout) for worker in idle)

    def _take(self) -> _Worker:
        """An idle worker that has started; NotReady if none has (the run trains in a
        thread), after starting any that are missing (one that died is replaced here)."""
        with self._lock:
            for worker in list(self._idle):
                if not worker.alive():
                    self._idle.remove(worker)
                    worker.kill()
                    self._count -= 1
                elif worker.started():
                    self._idle.remove(worker)
                    return worker
            while self._count < self.size:
                self._idle.append(_Worker())
                self._count += 1
        raise NotReady("no worker process has started yet")

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            self._idle.append(worker)

    def _lose(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._count -= 1

    @staticmethod
    def _stop(worker: _Worker) -> bool:
        """Ask the worker to stop its run after the current record; True once it has."""
        try:
            worker.send(("stop",))
            while True:
                kind = worker.receive(STOP_SECONDS)[0]
                if kind in ("done", "failed", "stopped"):
                    return True
                if kind == "ready":
                    worker.ready = True
        except (WorkerLost, OSError):
            return False

    def close(self) -> None:
        """End every idle worker (running ones end when their run does and find no pool)."""
        with self._lock:
            idle, self._idle = self._idle, []
            self._count -= len(idle)
        for worker in idle:
            worker.kill()

    @property
    def workers(self) -> list[int]:
        """The process ids of the idle workers (the benches add their memory to the server's)."""
        with self._lock:
            return [w.proc.pid for w in self._idle if w.alive()]


class _Run:
    """A run in a worker, followed as the generator it is there: next() is its next record,
    StopIteration(result) its end; close() stops it (even before its first record)."""

    def __init__(self, pool: Pool, worker: _Worker):
        self.pool, self.worker, self.over = pool, worker, False
        self.timing: dict | None = None  # the worker's wall, CPU and sending seconds, at its end

    def __iter__(self):
        return self

    def __next__(self):
        if self.over:
            raise StopIteration
        worker = self.worker
        try:
            while True:
                message = worker.receive(None if worker.ready else START_SECONDS)
                if message[0] == "ready":
                    worker.ready = True
                elif message[0] == "record":
                    return message[1]
                elif message[0] == "done":
                    self.timing = message[2]
                    self._end(worker)
                    raise StopIteration(message[1])
                elif message[0] == "failed":
                    self._end(worker)
                    log.error("a run raised in a worker process:\n%s", message[2])
                    raise RunFailed(message[1], message[2])
        except WorkerLost:
            self.over = True
            self.pool._lose(worker)
            raise

    def _end(self, worker: _Worker) -> None:
        self.over = True
        self.pool._give_back(worker)

    def close(self) -> None:
        """Stop the run after its current record and wait until the worker is free."""
        if self.over:
            return
        self.over = True
        if self.pool._stop(self.worker):
            self.pool._give_back(self.worker)
        else:
            self.pool._lose(self.worker)


# ---- the worker's side ------------------------------------------------------------------------

class _Unpickler(pickle.Unpickler):
    def __init__(self, file, kept: dict):
        super().__init__(file)
        self.kept = kept

    def persistent_load(self, ref):
        self.kept.move_to_end(ref)  # least recently used first out, as the server counts
        return self.kept[ref]


def _send(conn: Connection, message) -> None:
    conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _train(conn: Connection, work: Callable[[], Generator]) -> None:
    steps, start, cpu, sending = None, time.perf_counter(), time.process_time(), [0.0]

    def timing() -> dict:  # for the queue's trace: a run slower than its CPU time waited
        return {"wall": round(time.perf_counter() - start, 3),
                "cpu": round(time.process_time() - cpu, 3), "send": round(sending[0], 3)}

    def send(message) -> None:
        began = time.perf_counter()
        _send(conn, message)
        sending[0] += time.perf_counter() - began

    try:
        steps = work()
        while True:
            if conn.poll():
                message = pickle.loads(conn.recv_bytes())
                if message[0] == "stop":
                    steps.close()
                    _send(conn, ("stopped",))
                    return
            try:
                record = next(steps)
            except StopIteration as end:
                _send(conn, ("done", end.value, timing()))
                return
            send(("record", record))
    except (EOFError, OSError):
        raise
    except Exception as e:  # the server's log gets the traceback; the page, the class name
        _send(conn, ("failed", type(e).__name__, traceback.format_exc()))


def serve(conn: Connection) -> None:
    """The worker: runs one run after another until the server closes the socket."""
    import io

    from core import resources

    resources.configure_threads()
    resources.limit_arenas()
    kept: collections.OrderedDict = collections.OrderedDict()
    try:
        _send(conn, ("ready",))
    except OSError:  # the server went while this worker started
        return
    while True:
        try:
            message = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        if message[0] == "keep":
            kept[message[1]] = message[2]
            while len(kept) > KEPT:
                kept.popitem(last=False)
        elif message[0] == "run":
            try:
                work = _Unpickler(io.BytesIO(message[1]), kept).load()
            except Exception as e:
                _send(conn, ("failed", type(e).__name__, traceback.format_exc()))
                continue
            try:
                _train(conn, work)
            except (EOFError, OSError):
                return
            resources.give_back()
        # a "stop" for a run that had already ended: nothing to do


if __name__ == "__main__":
    import importlib

    importlib.import_module("core.runs")  # torch and the trainers, before the first run
    serve(Connection(int(sys.argv[1])))
