"""One admission point for every training run on the server (issue 24 §1).

A lecture hall presses Train at once; a container has about two cores. `TrainingQueue`
runs at most `slots` runs at a time, each followed by a thread of its own, and the others wait
first come, first served. With a `pool` (core.workers: a real server, unless started with
D2L_TRAIN_WORKERS=threads), core's runs are trained in worker processes, so that the pages'
script runs and the training no longer share one interpreter; any other run, and every run
without a pool, is trained in its thread. A run is a generator function (`work`): it yields one small record
per epoch (the page draws them as they come) and returns its result. Each owner (a browser
session) has at most one run at a time: a new request gives the previous one up.

Runs are deterministic, so a request names its run with a `key` (core.runs.run_key): a
finished run of the same key is answered from the cache at once, and a request for a run
that is waiting or training joins it (single flight) instead of training it again. A run
stops when its last watcher leaves: Stop, a new request, an owner that `alive(owner)` says
is gone (a closed tab), or one not seen for `timeout` seconds. An owner that `alive` says is
still connected is only given up after `patience` seconds unseen: a page that polls is seen
when its poll is run, and a server with a hall on two cores may run a page's polls late
(scripts/bench_hall_ws.py). A run given up says why (`Status.why`). A run that raises frees
its slot like any other; nothing an owner does can keep a slot.

Everything a page reads is a frozen `Status`; the page never touches the generator, which
only its thread advances (or, in a worker process, that process).
"""

import dataclasses
import heapq
import json
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterator

from core import workers
from core.runs import Finished, RunCache

WAITING, RUNNING, DONE, FAILED, STOPPED = "waiting", "running", "done", "failed", "stopped"
ACTIVE = (WAITING, RUNNING)
TIMEOUT = 90.0       # seconds an owner may go unseen (its page polls every few seconds; a
                     # hidden tab's timers may be throttled to one a minute)
PATIENCE = 600.0     # seconds unseen for an owner whose session is still connected
PRESENT = 600.0      # a page that drew a training panel this recently may press Train
# Why an owner left its run (Status.why): its Stop, its new request, a closed tab, unseen
STOP, REPLACED, CLOSED, UNSEEN = "stop", "replaced", "closed", "unseen"
SMOOTHING = 0.3      # weight of the newest run in the measured seconds per unit of cost
SLOTS_ENV = "D2L_TRAIN_SLOTS"
TRACE_ENV = "D2L_QUEUE_TRACE"  # a file: one JSON line per queue event (scripts/bench_hall_ws)
log = logging.getLogger("d2l.queue")
_trace_lock = threading.Lock()
if os.environ.get(TRACE_ENV):  # and where every thread is, on SIGUSR1 (a server that lags)
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1, file=open(os.environ[TRACE_ENV] + ".stacks", "a"),
                          all_threads=True)


def trace(event: str, owner: Hashable | None = None, **fields) -> None:
    """One line of the queue's story (submitted, started, given up and why, finished), to
    the file D2L_QUEUE_TRACE names; nothing when it is unset."""
    path = os.environ.get(TRACE_ENV)
    if not path:
        return
    line = json.dumps({"t": round(time.time(), 3), "event": event, "owner": str(owner),
                       **fields}, default=str)
    with _trace_lock, open(path, "a") as f:
        f.write(line + "\n")


def default_slots() -> int:
    """Runs at once: the cores this process may use, or D2L_TRAIN_SLOTS when it is set."""
    value = os.environ.get(SLOTS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclasses.dataclass(frozen=True)
class Status:
    """Where one run stands, as its owner's page shows it."""
    state: str                 # waiting, running, done, failed, stopped
    ahead: int = 0             # runs that start before this one (while it waits)
    eta: float | None = None   # estimated seconds until it starts (while it waits)
    frames: int = 0            # records yielded so far
    shared: bool = False       # another owner asked for this very run first
    cached: Finished | None = None  # a run answered from the cache: when it was computed
    error: str | None = None   # a failed run's exception class (its traceback: the log)
    why: str | None = None     # a stopped run: why its last watcher left (STOP, CLOSED, ...)


class Job:
    """One requested run. Its worker thread appends to `frames` and sets `state`; pages
    read them through TrainingQueue.status and copies of `frames` (append-only)."""

    def __init__(self, kind: str, key: Hashable | None, work: Callable[[], Iterator],
                 cost: float, first: Hashable):
        self.kind, self.key, self.work, self.cost, self.first = kind, key, work, cost, first
        self.frames: list = []
        self.state = WAITING
        self.result = None
        self.error: str | None = None
        self.cached: Finished | None = None
        self.started: float | None = None
        self.why: str | None = None  # set when its last watcher leaves
        self.watchers: set = {first}
        self.stop = threading.Event()

    @classmethod
    def from_cache(cls, kind: str, found: Finished, owner: Hashable) -> "Job":
        job = cls(kind, found.key, lambda: iter(()), 0.0, None)
        job.frames, job.result, job.state, job.cached = list(found.frames), found.result, DONE, found
        job.watchers = {owner}
        return job


class TrainingQueue:
    """At most `slots` runs at once, FIFO, one per owner, finished runs shared through
    `cache`. `guess` gives seconds per unit of cost for a kind never measured yet."""

    def __init__(self, slots: int | None = None, cache: RunCache | None = None,
                 timeout: float = TIMEOUT, alive: Callable[[Hashable], bool] | None = None,
                 guess: dict[str, float] | None = None, patience: float = PATIENCE,
                 pool: workers.Pool | None = None):
        self.slots = slots or default_slots()
        self.pool = pool  # worker processes that train core's runs (else: threads here)
        self.cache, self.timeout, self.alive = cache, timeout, alive
        self.patience = max(patience, timeout)
        self.rates: dict[str, float] = dict(guess or {})  # seconds per unit of cost, by kind
        self._waiting: deque[Job] = deque()
        self._running: set[Job] = set()
        self._flight: dict[Hashable, Job] = {}
        self._owners: dict[Hashable, Job] = {}
        self._seen: dict[Hashable, float] = {}
        self._present: dict[Hashable, float] = {}  # owner → when its page last drew a panel
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    # ---- what a page calls ---------------------------------------------------------------

    def submit(self, owner: Hashable, kind: str, work: Callable[[], Iterator],
               key: Hashable | None = None, cost: float = 1.0) -> Job:
        """Ask for a run: from the cache, joined to the same run in flight, or queued. The
        owner's previous run, if any, is given up first."""
        with self._lock:
            self._reap()
            self._leave(owner, REPLACED)
            self._seen[owner] = time.monotonic()
            found = self.cache.get(key) if key is not None and self.cache is not None else None
            if found is not None:
                job = self._owners[owner] = Job.from_cache(kind, found, owner)
                trace("cached", owner, kind=kind)
                return job
            job = self._flight.get(key) if key is not None else None
            if job is not None:
                job.watchers.add(owner)
                trace("joined", owner, kind=kind, job=id(job), state=job.state)
            else:
                job = Job(kind, key, work, cost, owner)
                self._waiting.append(job)
                if key is not None:
                    self._flight[key] = job
                trace("queued", owner, kind=kind, job=id(job), ahead=len(self._waiting) - 1)
            self._owners[owner] = job
            self._dispatch()
            return job

    def leave(self, owner: Hashable, why: str = STOP) -> None:
        """The owner stops watching its run (Stop, or its session ended): a run nobody
        watches any more stops (waiting: at once; training: after its current epoch)."""
        with self._lock:
            self._leave(owner, why)
            self._seen.pop(owner, None)
            self._changed.notify_all()

    def touch(self, owner: Hashable) -> None:
        """The owner's page is still there (it polls its run)."""
        with self._lock:
            if owner in self._owners:
                now = time.monotonic()
                if now - self._seen.get(owner, now) > 5:
                    trace("late", owner, unseen=round(now - self._seen[owner], 1))
                self._seen[owner] = now

    def job(self, owner: Hashable) -> Job | None:
        """The owner's current (or last) run."""
        with self._lock:
            return self._owners.get(owner)

    def status(self, job: Job, owner: Hashable | None = None) -> Status:
        """Where `job` stands; while it waits, its place and an estimate from measured runs."""
        with self._lock:
            self._reap()
            shared = job.cached is not None or (owner is not None and owner != job.first)
            ahead, eta = 0, None
            if job.state == WAITING and job in self._waiting:
                ahead = self._waiting.index(job)
                eta = self._eta(ahead)
            return Status(job.state, ahead, eta, len(job.frames), shared, job.cached, job.error,
                          job.why)

    def wait(self, job: Job, frames: int, timeout: float) -> None:
        """Return once `job` has more than `frames` records or has ended, or after
        `timeout` seconds (a waiting page redraws its place then)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while job.state in ACTIVE and len(job.frames) <= frames:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self._changed.wait(left)

    def load(self) -> tuple[int, int]:
        """(running, waiting) now."""
        with self._lock:
            return len(self._running), len(self._waiting)

    def following(self) -> int:
        """Owners watching a run that trains now (each page polls it for its records)."""
        with self._lock:
            return sum(len(job.watchers) for job in self._running)

    def present(self, owner: Hashable) -> None:
        """The owner's page drew a training panel: it may press Train any moment."""
        with self._lock:
            self._present[owner] = time.monotonic()

    def crowd(self) -> int:
        """Pages that follow a training run now or may soon: those that drew a training
        panel in the last PRESENT seconds (and are not gone), less those waiting in line.
        A hall that presses Train within seconds is counted before it presses."""
        with self._lock:
            now = time.monotonic()
            for owner, at in list(self._present.items()):
                if now - at > PRESENT or (self.alive is not None and not self._alive(owner)):
                    del self._present[owner]
            return max(sum(len(job.watchers) for job in self._running),
                       len(self._present) - len(self._waiting))

    def estimate(self, kind: str, cost: float) -> float | None:
        """Seconds one run of `cost` takes, from the last runs of its kind."""
        with self._lock:
            rate = self.rates.get(kind)
            return None if rate is None else rate * cost

    # ---- inside the lock -----------------------------------------------------------------

    def _alive(self, owner: Hashable) -> bool:
        try:
            return self.alive(owner)
        except Exception:  # a check that fails keeps the owner
            return True

    def _leave(self, owner: Hashable, why: str) -> None:
        job = self._owners.pop(owner, None)
        if job is None or owner not in job.watchers:
            return
        job.watchers.discard(owner)
        trace("leave", owner, why=why, job=id(job), state=job.state, watchers=len(job.watchers))
        if job.watchers or job.state not in ACTIVE:
            return
        if self._flight.get(job.key) is job:  # a new request must not join a stopping run
            del self._flight[job.key]
        job.why = why
        if job.state == WAITING:
            self._waiting.remove(job)
            job.state = STOPPED
        else:
            job.stop.set()  # its worker stops after the current record
        self._changed.notify_all()

    def _reap(self) -> None:
        """Owners gone (not alive, or unseen for `timeout` s; `patience` s if alive says
        that their session is still connected) give their runs up."""
        now = time.monotonic()
        for owner, seen in list(self._seen.items()):
            why = UNSEEN if now - seen > self.patience else None
            if why is None and self.alive is not None and owner in self._owners:
                try:
                    connected = self.alive(owner)
                except Exception:  # a check that fails keeps the owner
                    connected = True
                why = None if connected else CLOSED
            elif why is None and now - seen > self.timeout:
                why = UNSEEN  # nobody can say whether the page is still there
            if why is not None:
                trace("gone", owner, why=why, unseen=round(now - seen, 1))
                self._leave(owner, why)
                del self._seen[owner]

    def _dispatch(self) -> None:
        while self._waiting and len(self._running) < self.slots:
            job = self._waiting.popleft()
            job.state, job.started = RUNNING, time.monotonic()
            self._running.add(job)
            trace("started", job.first, job=id(job), watchers=len(job.watchers))
            threading.Thread(target=self._run, args=(job,), name=f"d2l-train-{job.kind}",
                             daemon=True).start()
        self._changed.notify_all()

    def _eta(self, ahead: int) -> float | None:
        """Seconds until the run with `ahead` runs before it starts: each slot frees when its
        run's estimate is spent; the runs ahead take the earliest free slots in turn."""
        now, free = time.monotonic(), []
        for job in self._running:
            cost = self._seconds(job)
            if cost is None:
                return None
            free.append(max(0.0, cost - (now - job.started)))
        free += [0.0] * max(0, self.slots - len(free))
        heapq.heapify(free)
        for job in list(self._waiting)[:ahead]:
            cost = self._seconds(job)
            if cost is None:
                return None
            heapq.heappush(free, heapq.heappop(free) + cost)
        return free[0]

    def _seconds(self, job: Job) -> float | None:
        rate = self.rates.get(job.kind)
        return None if rate is None else rate * job.cost

    # ---- the worker ----------------------------------------------------------------------

    def _run(self, job: Job) -> None:
        state, result, error, steps = STOPPED, None, None, None
        try:
            steps = self._steps(job)
            while not job.stop.is_set():
                try:
                    frame = next(steps)
                except StopIteration as end:
                    state, result = DONE, end.value
                    break
                with self._lock:
                    job.frames.append(frame)
                    self._reap()
                    self._changed.notify_all()
        except Exception as e:  # the slot is freed below; the owner's page says it failed
            log.exception("a %s run raised", job.kind)
            state, error = FAILED, e.name if isinstance(e, workers.RunFailed) else type(e).__name__
        finally:
            if steps is not None and state != DONE and hasattr(steps, "close"):
                try:
                    steps.close()
                except Exception:
                    log.exception("closing a %s run raised", job.kind)
            self._finish(job, state, result, error, getattr(steps, "timing", None))

    def _steps(self, job: Job) -> Iterator:
        """The run's records: from a worker process when the queue has a pool and the run is
        core's (core.workers), else from its generator in this thread."""
        if self.pool is not None:
            try:
                started = self.pool.start(job.work)
                trace("worker", job.first, job=id(job))
                return started
            except workers.NotPortable:
                pass
        return job.work()

    def _finish(self, job: Job, state: str, result, error: str | None,
                worker: dict | None = None) -> None:
        seconds = time.monotonic() - job.started
        if state == DONE and job.key is not None and self.cache is not None:
            self.cache.put(job.key, tuple(job.frames), result, seconds)
        with self._lock:
            if state == DONE and job.cost > 0:
                measured = seconds / job.cost
                old = self.rates.get(job.kind)
                self.rates[job.kind] = measured if old is None else (
                    SMOOTHING * measured + (1 - SMOOTHING) * old)
            job.result, job.error, job.state = result, error, state
            trace("finished", job.first, job=id(job), state=state, frames=len(job.frames),
                  seconds=round(seconds, 2), watchers=len(job.watchers), worker=worker)
            self._running.discard(job)
            if self._flight.get(job.key) is job:
                del self._flight[job.key]
            self._dispatch()


_QUEUE: TrainingQueue | None = None
_QUEUE_LOCK = threading.Lock()


def shared_queue(alive: Callable[[Hashable], bool] | None = None,
                 processes: bool = False) -> TrainingQueue:
    """The server's one queue and cache (made on first use), training core's runs in as many
    worker processes as it has slots when `processes` (core.workers)."""
    global _QUEUE
    with _QUEUE_LOCK:
        if _QUEUE is None:
            slots = default_slots()
            _QUEUE = TrainingQueue(slots, cache=RunCache(), alive=alive,
                                   pool=workers.Pool(slots) if processes else None)
        return _QUEUE
