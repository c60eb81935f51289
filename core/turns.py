"""Turns at the server's one interpreter: page script runs first come, first served (issue 24).

Every page's script run is Python that needs the interpreter's one lock (the GIL): when a
hall of 200 presses Train within 5 s, 200 script runs share it, each a slice at a time, and
all of them end together, after the whole hall's work (processor sharing). Taken in turns,
`width` at a time, in the order they came, the first students' runs end first and the last
waits for the work ahead of it only; the interpreter also switches among 2 threads instead
of 200. A run that waits for something else (a replay's next frame, a run's next record)
stands `aside` and, when it comes back, goes ahead of the runs that came after it.

A run takes its turn once: a fragment drawn inside a page's run (a nested `turn`) is part
of it. Plain threading, no Streamlit: ui.safe.fragment and streamlit_app.py take the turns.
"""

import heapq
import itertools
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "D2L_PAGE_TURNS"  # how many page runs at once (default 2: one blocked on a database
WIDTH = 2               # or a file does not stop the others); 0 turns the turns off
PATIENCE = 30.0         # seconds a run waits for its turn at most, then goes ahead without
                        # one: a run that never gives its turn back cannot stop the server
SLOW = 5.0              # a wait this long for a turn is logged (the server is overloaded)
log = logging.getLogger("d2l.turns")


class Turns:
    """A first-come, first-served semaphore whose holders may step aside and come back."""

    def __init__(self, width: int, patience: float = PATIENCE):
        self.width, self.patience = width, patience
        self._lock = threading.Lock()
        self._held = 0                      # turns taken
        self._waiting: list = []            # heap of (ticket, id, Event)
        self._tickets = itertools.count()
        self._mine = threading.local()      # this thread's ticket and nesting depth

    def busy(self) -> tuple[int, int]:
        """(turns taken, runs waiting for one)."""
        with self._lock:
            return self._held, len(self._waiting)

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Run the block in a turn: wait for one in the order of arrival (a nested call in
        the same thread is part of the turn it is in)."""
        if self.width <= 0 or getattr(self._mine, "depth", 0):
            self._mine.depth = getattr(self._mine, "depth", 0) + 1
            try:
                yield
            finally:
                self._mine.depth -= 1
            return
        ticket = next(self._tickets)
        self._hold(ticket)
        self._mine.depth, self._mine.ticket = 1, ticket
        try:
            yield
        finally:
            self._mine.depth = 0
            self._give()

    @contextmanager
    def aside(self) -> Iterator[None]:
        """Give the turn up while the block waits (a sleep, a condition); take it back after,
        ahead of every run that came later. Outside a turn: just the block."""
        depth = getattr(self._mine, "depth", 0)
        if self.width <= 0 or depth == 0:
            yield
            return
        self._mine.depth = 0
        self._give()
        try:
            yield
        finally:
            self._hold(self._mine.ticket)
            self._mine.depth = depth

    def _hold(self, ticket: int) -> None:
        """Take a turn (`_take`) and note whether, and since when, this thread holds it."""
        self._mine.holds = self._take(ticket)
        self._mine.since = time.monotonic()

    def _take(self, ticket: int) -> bool:
        """Wait for a turn in the order of `ticket`; True once it is this thread's, False if
        it went ahead without one after `patience` seconds."""
        with self._lock:
            if self._held < self.width and not self._waiting:
                self._held += 1
                return True
            ready = threading.Event()
            entry = (ticket, id(ready), ready)
            heapq.heappush(self._waiting, entry)
            ahead = self._held + sum(1 for other in self._waiting if other[0] < ticket)
        began = time.monotonic()
        if ready.wait(self.patience):  # `_give` handed its turn over: _held counts it
            waited = time.monotonic() - began
            if waited > SLOW:
                log.warning("a page run waited %.1f s for its turn (%d runs ahead of it)",
                            waited, ahead)
            return True
        with self._lock:
            if ready.is_set():  # handed over just now
                return True
            self._waiting.remove(entry)
            heapq.heapify(self._waiting)
        log.warning("a page run went ahead without a turn after %.0f s (%d runs ahead of it; "
                    "a turn not given back?)", self.patience, ahead)
        return False

    def _give(self) -> None:
        if not getattr(self._mine, "holds", False):  # it went ahead without a turn
            return
        self._mine.holds = False
        held = time.monotonic() - self._mine.since
        if held > SLOW:
            log.warning("a page run held its turn %.1f s", held)
        with self._lock:
            if self._waiting:
                heapq.heappop(self._waiting)[2].set()
            else:
                self._held -= 1


def width() -> int:
    """D2L_PAGE_TURNS, else WIDTH; a value that is not a whole number ≥ 0 is WIDTH."""
    try:
        value = int(os.environ.get(ENV, WIDTH))
    except ValueError:
        return WIDTH
    return value if value >= 0 else WIDTH


PAGES = Turns(width())  # the server's page script runs
