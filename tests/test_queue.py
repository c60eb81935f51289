"""The training queue and the run cache (core.queue, core.runs), with real threads.

Each fake run is a generator that yields when the test lets it (a threading.Event per
step), so that every state (waiting, running, raising, abandoned) is reached on purpose."""

import threading
import time
from types import SimpleNamespace

import pytest
import torch

from core import classifier, queue, runs
from core.queue import DONE, FAILED, RUNNING, STOPPED, WAITING, TrainingQueue
from core.runs import RunCache


def until(condition, timeout: float = 5.0) -> None:
    """Wait for `condition()` (a worker thread moves on its own time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


class Gate:
    """A run that yields `steps` frames, each once the test calls `step()`; `calls` counts
    how many times it was started."""

    def __init__(self, steps: int = 2, fail_at: int | None = None):
        self.steps, self.fail_at, self.calls = steps, fail_at, 0
        self.go = threading.Semaphore(0)
        self.closed = threading.Event()

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self.go.release()

    def __call__(self):
        self.calls += 1
        try:
            for i in range(self.steps):
                self.go.acquire()
                if i == self.fail_at:
                    raise ValueError("broken run")
                yield i
            return f"result after {self.steps}"
        finally:
            self.closed.set()


def test_at_most_k_runs_at_once_first_come_first_served():
    q = TrainingQueue(slots=2)
    gates = [Gate(1) for _ in range(5)]
    jobs = [q.submit(f"s{i}", "fake", g) for i, g in enumerate(gates)]
    until(lambda: [j.state for j in jobs] == [RUNNING, RUNNING, WAITING, WAITING, WAITING])
    assert [q.status(j).ahead for j in jobs[2:]] == [0, 1, 2]
    gates[1].step()  # the second finishes: the third (not a later one) starts
    until(lambda: jobs[1].state == DONE and jobs[2].state == RUNNING)
    assert jobs[3].state == WAITING and q.status(jobs[4]).ahead == 1
    for g in gates:
        g.step()
    until(lambda: all(j.state == DONE for j in jobs))
    assert [j.result for j in jobs] == ["result after 1"] * 5
    assert q.load() == (0, 0)


def test_one_run_per_owner_a_new_request_gives_the_old_one_up():
    q = TrainingQueue(slots=1)
    first, second = Gate(3), Gate(1)
    old = q.submit("s", "fake", first)
    until(lambda: old.state == RUNNING)
    new = q.submit("s", "fake", second)
    first.step()  # the old run sees its stop after this record
    until(lambda: old.state == STOPPED and first.closed.is_set())
    until(lambda: new.state == RUNNING)
    second.step()
    until(lambda: new.state == DONE)
    assert q.job("s") is new


def test_a_finished_run_is_answered_from_the_cache_and_a_run_in_flight_is_joined():
    q = TrainingQueue(slots=1, cache=RunCache())
    gate = Gate(2)
    a = q.submit("a", "fake", gate, key="book")
    b = q.submit("b", "fake", gate, key="book")  # the same run, while it trains: joined
    assert b is a and q.status(b, "b").shared and not q.status(a, "a").shared
    gate.step(2)
    until(lambda: a.state == DONE)
    c = q.submit("c", "fake", gate, key="book")  # after: from the cache, at once
    status = q.status(c, "c")
    assert c.state == DONE and status.shared and status.cached is not None
    assert c.frames == [0, 1] and c.result == "result after 2" and gate.calls == 1
    d = q.submit("d", "fake", Gate(1), key="other")  # another key trains
    assert d.state in (WAITING, RUNNING)


def test_a_shared_run_goes_on_while_someone_watches_and_stops_when_nobody_does():
    q = TrainingQueue(slots=1, cache=RunCache())
    gate = Gate(3)
    a = q.submit("a", "fake", gate, key="k")
    q.submit("b", "fake", gate, key="k")
    until(lambda: a.state == RUNNING)
    q.leave("a")
    gate.step()
    until(lambda: len(a.frames) == 1)
    assert a.state == RUNNING  # b still watches
    q.leave("b")
    gate.step()
    until(lambda: a.state == STOPPED)
    assert q.cache.get("k") is None  # a stopped run is not a result
    assert q.load() == (0, 0)


def test_stop_while_waiting_leaves_the_line_and_the_others_move_up():
    q = TrainingQueue(slots=1)
    gates = [Gate(1) for _ in range(3)]
    jobs = [q.submit(i, "fake", g) for i, g in enumerate(gates)]
    until(lambda: jobs[0].state == RUNNING)
    q.leave(1)
    assert jobs[1].state == STOPPED and q.status(jobs[2]).ahead == 0
    gates[0].step()
    until(lambda: jobs[2].state == RUNNING)
    assert gates[1].calls == 0  # the stopped run never started


def test_a_run_that_raises_frees_its_slot_and_says_so():
    q = TrainingQueue(slots=1, cache=RunCache())
    bad, good = Gate(2, fail_at=1), Gate(1)
    a = q.submit("a", "fake", bad, key="bad")
    b = q.submit("b", "fake", good)
    bad.step(2)
    until(lambda: a.state == FAILED)
    assert q.status(a).error == "ValueError" and a.frames == [0]
    until(lambda: b.state == RUNNING)
    good.step()
    until(lambda: b.state == DONE)
    assert q.cache.get("bad") is None  # a failed run is asked again, not served


def test_an_owner_not_seen_for_the_timeout_gives_its_place_up():
    q = TrainingQueue(slots=1, timeout=0.2)
    gates = [Gate(1) for _ in range(3)]
    jobs = [q.submit(i, "fake", g) for i, g in enumerate(gates)]
    deadline = time.monotonic() + 0.6
    while time.monotonic() < deadline:  # 0 and 2 poll; 1 closed its tab
        q.touch(0)
        q.touch(2)
        time.sleep(0.02)
    assert q.status(jobs[2]).ahead == 0 and jobs[1].state == STOPPED
    gates[0].step()
    until(lambda: jobs[2].state == RUNNING)
    gates[2].step()
    until(lambda: jobs[2].state == DONE)


class Clock:
    """core.queue's time, moved by the test: `monotonic()` is `now`."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_a_connected_page_whose_polls_are_run_late_keeps_its_place(monkeypatch):
    """Issue 24: a hall on a loaded 2-core server ran a waiting page's polls more than
    TIMEOUT apart (the touch of its poll comes when the poll is run, not when it was sent),
    and the queue gave the place up of a student who was still there, connected and
    polling. An owner whose session is connected waits however late its polls are run, up
    to PATIENCE; then, or when nobody can say it is connected, it is given up, saying why."""
    clock = Clock()
    monkeypatch.setattr(queue, "time", clock)
    q = TrainingQueue(slots=1, alive=lambda owner: True)
    a = q.submit("a", "fake", Gate(1))
    mine = q.submit("b", "fake", Gate(1))
    until(lambda: a.state == RUNNING)
    clock.now += queue.TIMEOUT + 60  # b's next poll is run 2.5 minutes after its last
    q.touch("a")
    assert q.status(mine, "b").state == WAITING and q.status(mine, "b").ahead == 0
    q.touch("b")
    clock.now += queue.PATIENCE + 1  # then nothing from b for PATIENCE
    q.touch("a")
    status = q.status(mine, "b")
    assert status.state == STOPPED and status.why == queue.UNSEEN

    unknown = TrainingQueue(slots=1)  # no way to ask whether a page is connected
    unknown.submit("c", "fake", Gate(1))
    theirs = unknown.submit("d", "fake", Gate(1))
    clock.now += queue.TIMEOUT + 1
    unknown.touch("c")
    assert unknown.status(theirs).state == STOPPED and unknown.status(theirs).why == queue.UNSEEN


def test_the_crowd_counts_the_pages_open_on_a_panel_before_they_press_train(monkeypatch):
    """A hall of 200 on the page pressed Train within seconds: the first to press saw few
    followers and kept polling fast. The crowd counts the pages that drew a training panel
    (less those in line, which poll at their own pace), gone or stale pages left out."""
    clock = Clock()
    monkeypatch.setattr(queue, "time", clock)
    gone = {"closed"}
    q = TrainingQueue(slots=1, alive=lambda owner: owner not in gone)
    for owner in ("a", "b", "c", "closed"):
        q.present(owner)
    assert q.crowd() == 3  # nobody has pressed Train yet
    q.submit("a", "fake", Gate(1))
    q.submit("b", "fake", Gate(1))  # in line: counted at the waiting pace, not here
    assert q.crowd() == 2
    clock.now += queue.PRESENT + 1
    q.present("a")
    assert q.crowd() == 1


def test_a_run_given_up_says_why():
    gone = set()
    q = TrainingQueue(slots=1, alive=lambda owner: owner not in gone)
    q.submit("a", "fake", Gate(1))
    jobs = {o: q.submit(o, "fake", Gate(1)) for o in ("stop", "closed", "replaced")}
    q.leave("stop")
    gone.add("closed")
    q.submit("replaced", "fake", Gate(1))
    assert {o: (q.status(j).state, q.status(j).why) for o, j in jobs.items()} == {
        "stop": (STOPPED, queue.STOP), "closed": (STOPPED, queue.CLOSED),
        "replaced": (STOPPED, queue.REPLACED)}


def test_an_owner_whose_session_is_gone_gives_its_run_up():
    gone = set()
    q = TrainingQueue(slots=1, alive=lambda owner: owner not in gone)
    gate, other = Gate(5), Gate(1)
    a = q.submit("a", "fake", gate)
    b = q.submit("b", "fake", other)
    until(lambda: a.state == RUNNING)
    gone.add("a")  # the tab closed while its run trained
    gate.step()  # the worker checks between records
    until(lambda: a.state == STOPPED)
    until(lambda: b.state == RUNNING)
    other.step()
    until(lambda: b.state == DONE)


def test_no_slot_leaks_when_runs_are_killed_in_every_state():
    """Waiting, running, raising, abandoned and finished runs, over and over: the queue ends
    empty, and a new run still gets a slot at once."""
    q = TrainingQueue(slots=2, timeout=0.3, cache=RunCache())
    for round_ in range(6):
        gates = {name: Gate(2, fail_at=1 if name == "raising" else None)
                 for name in ("running", "running2", "waiting", "raising", "abandoned", "done")}
        jobs = {name: q.submit(f"{round_}-{name}", "fake", g)
                for name, g in gates.items()}
        until(lambda jobs=jobs: jobs["running"].state == RUNNING)
        q.leave(f"{round_}-waiting")  # stopped while it waits (or runs: same end)
        q.leave(f"{round_}-running")  # stopped while it trains
        for g in gates.values():
            g.step(2)
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:  # all but "abandoned" keep polling
            for name in gates:
                if name != "abandoned":
                    q.touch(f"{round_}-{name}")
            time.sleep(0.02)
            for g in gates.values():
                g.step()
        until(lambda jobs=jobs: all(j.state not in (WAITING, RUNNING) for j in jobs.values()))
        assert jobs["raising"].state in (FAILED, STOPPED)
        assert jobs["waiting"].state == STOPPED
    assert q.load() == (0, 0) and not q._flight
    fresh = Gate(1)
    job = q.submit("late", "fake", fresh)
    assert job.state == RUNNING  # a slot was free at once
    fresh.step()
    until(lambda: job.state == DONE)


def test_the_estimate_counts_the_runs_ahead_and_the_slots():
    q = TrainingQueue(slots=2, guess={"fake": 3.0})  # 3 s per unit of cost
    gates = [Gate(1) for _ in range(6)]
    jobs = [q.submit(i, "fake", g, cost=1.0) for i, g in enumerate(gates)]
    until(lambda: jobs[1].state == RUNNING)
    s = q.status(jobs[5])
    assert s.state == WAITING and s.ahead == 3
    # two slots free within 3 s; the three ahead take 3 + 3 s on one, 3 on the other; then 6 s
    assert 5.0 < s.eta <= 6.0
    assert q.status(jobs[2]).eta <= 3.0
    for g in gates:
        g.step()
    until(lambda: all(j.state == DONE for j in jobs))
    assert q.estimate("fake", 1.0) < 3.0  # measured runs replace the guess


def test_wait_returns_on_a_new_record_or_the_timeout():
    q = TrainingQueue(slots=1)
    gate = Gate(2)
    job = q.submit("a", "fake", gate)
    start = time.monotonic()
    q.wait(job, 0, timeout=0.1)
    assert time.monotonic() - start >= 0.09  # nothing new: the timeout
    threading.Timer(0.05, gate.step).start()
    q.wait(job, 0, timeout=5)
    assert len(job.frames) == 1
    gate.step()
    until(lambda: job.state == DONE)


def test_default_slots_follow_the_environment(monkeypatch):
    monkeypatch.setenv(queue.SLOTS_ENV, "3")
    assert queue.default_slots() == 3
    monkeypatch.setenv(queue.SLOTS_ENV, "zero")
    assert queue.default_slots() >= 1


# ---- the cache -----------------------------------------------------------------------------

def test_the_cache_keeps_the_most_recently_used_within_both_bounds():
    cache = RunCache(max_entries=2, max_bytes=10_000)
    cache.put("a", (), b"x" * 100, 1.0)
    cache.put("b", (), b"x" * 100, 1.0)
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", (), b"x" * 100, 1.0)
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("big", (), b"x" * 9_950, 1.0)  # over the bytes: the others go
    assert cache.size == (1, 9_950) and cache.get("big")
    cache.put("huge", (), b"x" * 20_000, 1.0)  # larger than the whole cache: not kept
    assert cache.get("huge") is None and cache.size[1] <= 10_000


def test_nbytes_counts_shared_tensors_once():
    W = torch.zeros(784, 10)
    assert runs.nbytes(((1, W), [W], {"w": W})) == 784 * 10 * 4 + 1


# ---- a real classifier run, shared and fresh ----------------------------------------------

def tiny_data(n: int = 600, m: int = 200):
    g = torch.Generator().manual_seed(7)
    return SimpleNamespace(
        train_images=torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=g),
        train_labels=torch.randint(0, 10, (n,), generator=g),
        test_images=torch.randint(0, 256, (m, 28, 28), dtype=torch.uint8, generator=g),
        test_labels=torch.randint(0, 10, (m,), generator=g))


@pytest.mark.parametrize("impl", classifier.IMPLS)
def test_a_shared_run_is_the_fresh_run_to_the_last_digit(impl):
    data, cfg = tiny_data(), classifier.TrainConfig(batch_size=64, lr=0.1, num_epochs=3, seed=5)
    q = TrainingQueue(slots=1, cache=RunCache())
    key = runs.classifier_key(impl, cfg, data)
    first = q.submit("a", "classifier", lambda: runs.classifier_run(impl, cfg, data), key=key)
    until(lambda: first.state == DONE, timeout=60)
    shared = q.submit("b", "classifier", lambda: pytest.fail("trained twice"), key=key)
    assert shared.state == DONE and q.status(shared, "b").cached is not None
    steps = runs.classifier_run(impl, cfg, data)  # a fresh run, outside the queue
    fresh_frames = []
    try:
        while True:
            fresh_frames.append(next(steps))
    except StopIteration as end:
        fresh = end.value
    got = shared.result

    def metrics(history):  # everything but the seconds it took
        return [(e.epoch, e.train_loss, e.train_acc, e.test_acc) for e in history]

    assert metrics(got.history) == metrics(fresh.history)
    for a, b in [(got.W, fresh.W), (got.b, fresh.b), (got.test_probs, fresh.test_probs),
                 *zip(got.epoch_W, fresh.epoch_W, strict=True),
                 *((x[1], y[1]) for x, y in zip(shared.frames, fresh_frames, strict=True))]:
        assert torch.equal(a, b)  # bit for bit
    assert got.weights == fresh.weights


def test_another_seed_or_setting_is_another_run():
    data = tiny_data()
    base = runs.classifier_key("scratch", classifier.TrainConfig(), data)
    assert base == runs.classifier_key("scratch", classifier.TrainConfig(), data)
    assert base != runs.classifier_key("scratch", classifier.TrainConfig(seed=1), data)
    assert base != runs.classifier_key("concise", classifier.TrainConfig(), data)
    assert base != runs.classifier_key("scratch", classifier.TrainConfig(lr=0.3), data)
    assert base != runs.classifier_key("scratch", classifier.TrainConfig(), tiny_data(n=640))


def test_a_closed_tab_is_gone_after_the_grace_period(monkeypatch):
    """ui.training's check for the queue: a session Streamlit's runtime no longer counts as
    active keeps its place GRACE_SECONDS (a phone that slept), then gives it up."""
    from ui import training

    active = {"open tab"}
    runtime = SimpleNamespace(is_active_session=lambda sid: sid in active)
    monkeypatch.setattr(training.Runtime, "exists", staticmethod(lambda: True))
    monkeypatch.setattr(training.Runtime, "instance", staticmethod(lambda: runtime))
    clock = [1000.0]
    monkeypatch.setattr(training.time, "monotonic", lambda: clock[0])
    assert training._alive("open tab") and training._alive("closed tab")  # grace starts
    clock[0] += training.GRACE_SECONDS - 1
    assert training._alive("closed tab")
    clock[0] += 2
    assert not training._alive("closed tab") and training._alive("open tab")


def test_a_joined_run_is_drawn_to_its_end_when_its_records_say_it_ends_soon(monkeypatch):
    """ui.training.ends_by: a click that joins the room's run as it trains draws its end itself
    (up to SETTLE_MOST) when the pace of its records so far says it ends by then; a long run
    is left to the follow fragments, with their Stop, after SETTLE_SECONDS."""
    from ui import training

    clock = [100.0]
    monkeypatch.setattr(training.time, "monotonic", lambda: clock[0])
    job = SimpleNamespace(frames=[1], started=98.0)  # one record in 2 s
    assert training.ends_by(job, 2, 100.0 + 2.0)      # the second by 102
    assert not training.ends_by(job, 2, 100.0 + 1.5)
    assert not training.ends_by(job, 10, 100.0 + 2.0)  # nine more: 18 s
    assert not training.ends_by(job, None, 1e9)         # records unknown: never
    assert not training.ends_by(SimpleNamespace(frames=[], started=98.0), 2, 1e9)
    assert not training.ends_by(SimpleNamespace(frames=[1], started=None), 2, 1e9)
