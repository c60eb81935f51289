"""core.turns: page runs take turns at the interpreter, first come first served; a run that
waits stands aside and comes back ahead of later ones (issue 24)."""

import threading
import time

import pytest

from core import turns


def start(target, *args) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread


def until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_runs_take_their_turns_in_the_order_they_came():
    gate, order, go = turns.Turns(1), [], threading.Event()

    def run(name):
        with gate.turn():
            order.append(name)
            if name == "first":
                go.wait(10)

    threads = [start(run, "first")]
    until(lambda: order == ["first"])
    for waiting, name in enumerate(("a", "b", "c", "d"), 1):  # each waits before the next
        threads.append(start(run, name))
        until(lambda n=waiting: gate.busy() == (1, n))
    go.set()
    for thread in threads:
        thread.join(10)
    assert order == ["first", "a", "b", "c", "d"]
    assert gate.busy() == (0, 0)


def test_width_runs_at_once_and_a_fragment_inside_a_run_is_part_of_its_turn():
    gate, inside, go = turns.Turns(2), [], threading.Event()

    def run(name):
        with gate.turn():
            with gate.turn():  # a fragment drawn by the page's run: no second turn
                inside.append(name)
                go.wait(10)

    threads = [start(run, n) for n in ("a", "b", "c")]
    until(lambda: len(inside) == 2 and gate.busy() == (2, 1))
    go.set()
    for thread in threads:
        thread.join(10)
    assert sorted(inside) == ["a", "b", "c"] and gate.busy() == (0, 0)


def test_a_run_that_waits_stands_aside_and_comes_back_ahead_of_later_runs():
    gate, order = turns.Turns(1), []
    waiting, back, hold = threading.Event(), threading.Event(), threading.Event()

    def replay():  # a click's own run: a frame, a wait, the next frame
        with gate.turn():
            order.append("frame 1")
            with gate.aside():
                waiting.set()
                back.wait(10)
            order.append("frame 2")

    def holder():  # a run that came while the replay waited
        with gate.turn():
            order.append("holder")
            hold.wait(10)

    def later(name):
        with gate.turn():
            order.append(name)

    threads = [start(replay)]
    until(waiting.is_set)
    threads.append(start(holder))  # the turn is free: taken at once
    until(lambda: "holder" in order)
    threads.append(start(later, "later"))
    until(lambda: gate.busy() == (1, 1))
    back.set()  # the replay comes back while the holder runs: it waits, ahead of "later"
    until(lambda: gate.busy() == (1, 2))
    hold.set()
    for thread in threads:
        thread.join(10)
    assert order == ["frame 1", "holder", "frame 2", "later"]


def test_an_exception_gives_the_turn_back():
    gate = turns.Turns(1)
    with pytest.raises(RuntimeError), gate.turn():
        raise RuntimeError("a rerun or a stop unwinds the run")
    assert gate.busy() == (0, 0)
    with gate.turn():  # free again
        assert gate.busy() == (1, 0)


def test_width_zero_turns_the_turns_off(monkeypatch):
    gate = turns.Turns(0)
    with gate.turn(), gate.aside(), gate.turn():
        assert gate.busy() == (0, 0)
    with gate.aside():  # outside any turn: just the block
        pass
    for value, expected in (("3", 3), ("0", 0), ("-1", turns.WIDTH), ("two", turns.WIDTH)):
        monkeypatch.setenv(turns.ENV, value)
        assert turns.width() == expected
    monkeypatch.delenv(turns.ENV)
    assert turns.width() == turns.WIDTH


def test_a_run_that_never_gives_its_turn_back_does_not_stop_the_others():
    """After `patience` seconds a run goes ahead without a turn (and gives none back)."""
    gate, release, done = turns.Turns(1, patience=0.2), threading.Event(), []

    def stuck():
        with gate.turn():
            release.wait(10)

    def run():
        with gate.turn():
            done.append(gate.busy())

    thread = start(stuck)
    until(lambda: gate.busy() == (1, 0))
    start(run).join(5)
    assert done == [(1, 0)]  # it ran beside the stuck one, and left the count as it was
    release.set()
    thread.join(5)
    assert gate.busy() == (0, 0)


def test_a_long_wait_and_a_long_turn_are_logged(monkeypatch, caplog):
    """An overloaded server says so in its log: who waited long for a turn, who held one."""
    monkeypatch.setattr(turns, "SLOW", 0.05)
    gate, go = turns.Turns(1), threading.Event()

    def run(wait: bool):
        with gate.turn():
            if wait:
                go.wait(10)

    with caplog.at_level("WARNING", logger="d2l.turns"):
        holder = start(run, True)
        until(lambda: gate.busy() == (1, 0))
        waiter = start(run, False)  # its turn comes after the holder's
        until(lambda: gate.busy() == (1, 1))
        time.sleep(0.1)
        go.set()
        holder.join(10)
        waiter.join(10)
    said = [r.getMessage() for r in caplog.records]
    assert any("held its turn" in s for s in said), said
    assert any("waited" in s and "(1 runs ahead of it)" in s for s in said), said
