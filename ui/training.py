"""The server's training queue as a page sees it (issue 24 §1-2).

Every training run goes through one core.queue.TrainingQueue: `hall()` is the server's, the
session is its `owner()`. A panel asks for a run, then follows it in a small fragment
that the browser reruns every POLL_SECONDS (st.fragment's run_every): each run draws where
the run stands (its place in line, or its records so far). The page never advances a training
generator: a worker thread does, so a setting changed during a run cannot reach into it.

(A short run may instead be followed inside the panel's own script run: `follow_here`.)

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


def follow_here(kind: str, work, key, cost: float, on_records, waiting) -> tuple:
    """Ask for a run and follow it in this script run, for a panel that draws its run while
    it trains (the regression's): its place in line in `waiting`, then `on_records(new)`
    with each batch of new records. Returns (result or None, final Status). A rerun that
    interrupts it (a click, a setting) gives the run up, cleanly, in the queue."""
    q, me = hall(), owner()
    job = q.submit(me, kind, work, key=key, cost=cost)
    drawn = 0
    try:
        while True:
            status = q.status(job, me)
            if status.state == queue.WAITING:
                say_waiting(status, waiting)
            else:
                waiting.empty()
                count = len(job.frames)
                if count > drawn:
                    on_records(job.frames[drawn:count])
                    drawn = count
                if status.state not in queue.ACTIVE and drawn == len(job.frames):
                    return (job.result if status.state == queue.DONE else None), status
            q.touch(me)
            q.wait(job, drawn, POLL_SECONDS)
    except BaseException:  # st.rerun / a new run of the page: the run is not followed any more
        if job.state in queue.ACTIVE:
            give_up(job)
        raise


def give_up(job: queue.Job) -> None:
    """Stop: the session stops watching its run (a shared run goes on for the others)."""
    q = hall()
    me = owner()
    if q.job(me) is job:
        q.leave(me)
