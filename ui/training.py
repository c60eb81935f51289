"""The server's training queue as a page sees it (issue 24 §1-2).

Every training run goes through one core.queue.TrainingQueue: `hall()` is the server's, the
session is its `owner()`. A panel asks for a run, then follows it in a small fragment
that the browser reruns every POLL_SECONDS (st.fragment's run_every): each run draws where
the run stands (its place in line, or its records so far). The page never advances a training
generator: a worker thread does, so a setting changed during a run cannot reach into it.

(A click's own run waits a moment for a short run to end, `settle`, and draws it whole.)

A closed tab gives its place up: GRACE_SECONDS after Streamlit's runtime stops counting its
session as active (a phone that wakes up within them keeps its place), the queue drops its
run; an owner whose page stopped polling for core.queue.TIMEOUT seconds goes the same way.
"""

import time

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import queue
from ui.i18n import t

POLL_SECONDS = 0.5       # the browser reruns a following panel this often (run_every): each
                         # poll is a small script run, and a hall of 200 polls at once
REPLAY_SECONDS = 0.2     # a run answered from the room's cache: an epoch drawn this often,
REPLAY_TOTAL = 2.0       # and the whole replay in at most this long
GRACE_SECONDS = 30.0     # a disconnected session (a phone whose screen locked) keeps its place
_inactive_since: dict = {}


def _alive(owner) -> bool:
    """Is the session still connected (or disconnected for less than GRACE_SECONDS)?
    Without a runtime (AppTest, the benches) every owner is."""
    if not Runtime.exists():
        return True
    if Runtime.instance().is_active_session(owner):
        _inactive_since.pop(owner, None)
        return True
    since = _inactive_since.setdefault(owner, time.monotonic())
    if time.monotonic() - since < GRACE_SECONDS:
        return True
    _inactive_since.pop(owner, None)
    return False


def hall() -> queue.TrainingQueue:
    """The server's one training queue, with its cache of finished runs."""
    return queue.shared_queue(alive=_alive)


def owner() -> str:
    """This browser session, as the queue knows it."""
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


def shown(job: queue.Job, status: queue.Status, since: float) -> int:
    """How many of the run's records to draw now: all that exist, or for a run from the
    cache, one more every REPLAY_SECONDS since it was asked for (the curves grow as a replay)."""
    if status.cached is None:
        return len(job.frames)
    pace = min(REPLAY_SECONDS, REPLAY_TOTAL / max(1, len(job.frames)))
    return min(len(job.frames), 1 + int((time.monotonic() - since) / pace))


def say_waiting(status: queue.Status, container=st) -> None:
    """The place in line and an honest estimate, from the runs measured on this server."""
    q = hall()
    running, _ = q.load()
    fields = {"ahead": status.ahead, "running": running, "slots": q.slots}
    if status.eta is None:
        container.info(t("queue.waiting_unknown", **fields), icon=":material/hourglass_top:")
    elif status.ahead == 0:
        container.info(t("queue.waiting_next", seconds=f"{max(1, round(status.eta))}",
                         **fields), icon=":material/hourglass_top:")
    else:
        container.info(t("queue.waiting", seconds=f"{max(1, round(status.eta))}", **fields),
                       icon=":material/hourglass_top:")


def settle(job: queue.Job, seconds: float) -> None:
    """Wait up to `seconds` for `job` to end: a click's own script run draws a short run
    whole, instead of a first frame and then a poll later."""
    q, deadline = hall(), time.monotonic() + seconds
    while job.state in queue.ACTIVE and (left := deadline - time.monotonic()) > 0:
        q.wait(job, len(job.frames), left)


def give_up(job: queue.Job) -> None:
    """Stop: the session stops watching its run (a shared run goes on for the others)."""
    q = hall()
    me = owner()
    if q.job(me) is job:
        q.leave(me)
