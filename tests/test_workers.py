"""Training in worker processes (core.workers), through the queue as the server uses it.

Real worker processes: each imports torch once (seconds), so one pool serves the file, and
the tests that kill a worker check that the pool replaces it."""

import functools
import os
import signal
import time

import pytest
import torch

from core import classifier, runs, workers
from core.data import FashionMNIST
from core.queue import DONE, FAILED, RUNNING, STOPPED, TrainingQueue
from core.runs import RunCache


def until(condition, timeout: float = 120.0) -> None:
    """Wait for `condition()`: a worker imports torch first, on a machine that may be busy."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def tiny_data(n: int = 600, m: int = 200, label: int | None = None) -> FashionMNIST:
    g = torch.Generator().manual_seed(7)
    train_labels = torch.randint(0, 10, (n,), generator=g)
    if label is not None:  # a label no class has: the loss cannot be computed
        train_labels[:] = label
    return FashionMNIST(torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=g),
                        train_labels,
                        torch.randint(0, 256, (m, 28, 28), dtype=torch.uint8, generator=g),
                        torch.randint(0, 10, (m,), generator=g), "tiny", 0.0)


@pytest.fixture(scope="module")
def pool():
    made = workers.Pool(2)
    assert made.ready()  # else the runs below would train in threads (NotReady)
    yield made
    made.close()


def fresh(impl, cfg, data):
    """The run in this process, as a thread of the server trains it."""
    steps = runs.classifier_run(impl, cfg, data)
    frames = []
    try:
        while True:
            frames.append(next(steps))
    except StopIteration as end:
        return frames, end.value


def test_a_run_in_a_worker_is_the_run_here_to_the_last_digit(pool):
    data = tiny_data()
    for impl in classifier.IMPLS:
        cfg = classifier.TrainConfig(batch_size=64, lr=0.1, num_epochs=3, seed=5)
        q = TrainingQueue(slots=2, pool=pool)
        job = q.submit("a", "classifier", functools.partial(runs.classifier_run, impl, cfg, data))
        until(lambda job=job: job.state == DONE)
        frames, here = fresh(impl, cfg, data)
        got = job.result
        assert [(e.epoch, e.train_loss, e.train_acc, e.test_acc) for e in got.history] == \
            [(e.epoch, e.train_loss, e.train_acc, e.test_acc) for e in here.history]
        for a, b in [(got.W, here.W), (got.test_probs, here.test_probs),
                     *zip(got.epoch_W, here.epoch_W, strict=True),
                     *((x[1], y[1]) for x, y in zip(job.frames, frames, strict=True))]:
            assert torch.equal(a, b)
        assert got.weights == here.weights


def test_a_data_set_goes_to_a_worker_once(pool, monkeypatch):
    """The data set is a reference in every run after the first a worker trains on it."""
    data, sent = tiny_data(), []
    send = workers._Worker.send
    monkeypatch.setattr(workers._Worker, "send",
                        lambda self, message: (sent.append(message[0]), send(self, message))[1])
    q = TrainingQueue(slots=1, pool=pool)
    for seed in range(4):
        cfg = classifier.TrainConfig(batch_size=64, num_epochs=1, seed=seed)
        job = q.submit("a", "classifier", functools.partial(runs.classifier_run, "scratch",
                                                            cfg, data))
        until(lambda job=job: job.state == DONE)
    assert sent.count("run") == 4
    assert sent.count("keep") <= 2  # once per worker of the pool, at most


def test_stop_frees_the_slot_and_the_worker(pool):
    data = tiny_data(n=6000)
    q = TrainingQueue(slots=1, pool=pool)
    cfg = classifier.TrainConfig(batch_size=16, num_epochs=30)
    job = q.submit("a", "classifier", functools.partial(runs.classifier_run, "scratch", cfg, data))
    until(lambda: len(job.frames) >= 1)
    q.leave("a")
    until(lambda: job.state == STOPPED, timeout=60)
    assert q.load() == (0, 0) and len(job.frames) < 30
    quick = q.submit("b", "classifier", functools.partial(
        runs.classifier_run, "scratch", classifier.TrainConfig(batch_size=64, num_epochs=1),
        tiny_data()))
    until(lambda: quick.state == DONE)  # the worker took the next run


def test_a_run_that_raises_in_a_worker_fails_by_its_exceptions_name(pool):
    q = TrainingQueue(slots=1, pool=pool)
    cfg = classifier.TrainConfig(batch_size=64, num_epochs=2)
    job = q.submit("a", "classifier", functools.partial(runs.classifier_run, "scratch", cfg,
                                                        tiny_data(label=50)))
    until(lambda: job.state == FAILED)
    assert job.error == "RuntimeError" and q.load() == (0, 0)  # as a thread would say
    again = q.submit("a", "classifier", functools.partial(runs.classifier_run, "scratch", cfg,
                                                          tiny_data()))
    until(lambda: again.state == DONE)


def test_a_killed_worker_fails_its_run_frees_its_slot_and_is_replaced(pool):
    assert pool.ready()
    q, before = TrainingQueue(slots=1, pool=pool), set(pool.workers)
    cfg = classifier.TrainConfig(batch_size=16, num_epochs=30)
    job = q.submit("a", "classifier", functools.partial(runs.classifier_run, "scratch", cfg,
                                                        tiny_data(n=6000)))
    until(lambda: len(job.frames) >= 1)
    busy = before - set(pool.workers)  # the one that took the run
    assert len(busy) == 1
    os.kill(busy.pop(), signal.SIGKILL)  # as the kernel's OOM killer would
    until(lambda: job.state == FAILED, timeout=30)
    assert job.error == "WorkerLost" and q.load() == (0, 0)
    after = q.submit("b", "classifier", functools.partial(
        runs.classifier_run, "scratch", classifier.TrainConfig(batch_size=64, num_epochs=1),
        tiny_data()))
    until(lambda: after.state == DONE)
    assert pool._count <= pool.size


def test_a_run_that_is_not_cores_trains_in_a_thread(pool):
    """A page's own generator (here: a test's) cannot go to a worker: it trains here."""
    q = TrainingQueue(slots=1, pool=pool)

    def local():
        yield 1
        return "here"

    assert not workers.portable(local) and workers.portable(
        functools.partial(runs.classifier_run, "scratch"))
    job = q.submit("a", "fake", local)
    until(lambda: job.state == DONE)
    assert job.result == "here" and job.frames == [1]


def test_runs_share_the_slots_and_the_cache_across_workers(pool):
    data = tiny_data()
    q = TrainingQueue(slots=2, pool=pool, cache=RunCache())
    cfgs = [classifier.TrainConfig(batch_size=64, num_epochs=2, seed=s) for s in range(4)]
    jobs = [q.submit(f"s{i}", "classifier",
                     functools.partial(runs.classifier_run, "scratch", cfg, data),
                     key=runs.classifier_key("scratch", cfg, data)) for i, cfg in enumerate(cfgs)]
    assert sum(j.state == RUNNING for j in jobs) == 2
    until(lambda: all(j.state == DONE for j in jobs))
    again = q.submit("late", "classifier", lambda: pytest.fail("trained twice"),
                     key=runs.classifier_key("scratch", cfgs[0], data))
    assert again.state == DONE and torch.equal(again.result.W, jobs[0].result.W)


def test_a_run_asked_for_before_any_worker_has_started_trains_in_a_thread():
    """A cold pool (a server's first Train, its workers still importing torch) never makes a
    run wait for them."""
    cold = workers.Pool(1)
    try:
        q = TrainingQueue(slots=1, pool=cold)
        job = q.submit("a", "classifier", functools.partial(
            runs.classifier_run, "scratch", classifier.TrainConfig(batch_size=64, num_epochs=1),
            tiny_data()))
        until(lambda: job.state == DONE)
        assert cold._count == 1  # its worker was started meanwhile, for the next runs
        assert cold.ready()
        again = q.submit("b", "classifier", functools.partial(
            runs.classifier_run, "scratch", classifier.TrainConfig(batch_size=64, num_epochs=1,
                                                                   seed=1), tiny_data()))
        until(lambda: again.state == DONE)
        assert cold.workers and cold._idle[0].kept  # it trained there, with the data set
    finally:
        cold.close()


def test_a_worker_ends_when_its_server_is_gone():
    own = workers.Pool(1)
    own.warm()
    (pid,) = own.workers
    worker = own._idle[0]
    worker.conn.close()  # what a server that ends (or is killed) leaves its workers
    assert worker.proc.wait(120) == 0
    own.close()
    assert pid not in own.workers


def test_a_real_server_trains_in_processes_unless_told_threads(monkeypatch):
    """Worker processes on a real server (D2L_TRAIN_WORKERS=threads turns them off), and never
    under AppTest, whose runtime is a mock and whose tests patch the trainers in-process."""
    from unittest.mock import MagicMock

    from streamlit.runtime import Runtime

    from ui import training

    monkeypatch.delenv(workers.ENV, raising=False)
    monkeypatch.setattr(Runtime, "_instance", MagicMock(spec=Runtime))
    assert not training.processes()  # AppTest's mock runtime
    monkeypatch.setattr(Runtime, "_instance", object.__new__(Runtime))  # a real server's
    assert training.processes()
    monkeypatch.setenv(workers.ENV, "threads")
    assert not training.processes()
