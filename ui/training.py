"""The server's training queue as a page sees it (issue 24 §1-2).

Every training run goes through one core.queue.TrainingQueue: `hall()` is the server's, the
session is its `owner()`. A panel asks for a run, then follows it in a small fragment with
the Stop button, and in it a nested fragment, its view: the place in line, or the run's bar
and curves so far. The browser reruns each (st.fragment's run_every): the view at a `pace`
(a place in line every WAIT_POLL_SECONDS, a training run every POLL_SECONDS, slower when a
crowd follows), the panel every HEARTBEAT_SECONDS, which draws the view again at the pace
that fits now (a run_every is fixed where the fragment is drawn). Every poll is a script
run on the server's one interpreter: a hall of pages polling faster than it can run them
finds its polls run late and their drawing dropped (Streamlit drops a fragment's unsent
drawing when its next run starts), hence CROWD_POLLS (scripts/bench_hall_ws.py). The page
never advances a training generator: a worker process (core.workers) or thread does, so a
setting changed during a run cannot reach into it.

(A click's own run waits a moment for a short run to end, `settle`, and draws it whole; it
replays a run from the room's cache itself, `unfold`. The classifier's click draws such a run
before any following fragment and, in the one-section view, keeps its end without a full run
of the page. Waiting, a script run steps aside from its turn at the interpreter:
core.turns.)

Both lessons' training panels follow a run the same way, with the pieces below: `request`
keeps a `Watching` in the session under the panel's `Panel.running` key, so that any rerun
of the page goes on following it; the panel's follow fragment reads it (`followed`), gives it
up when Stop was clicked (`stopped`), draws it, and at its end forgets it and keeps a note
(`ended`: failed, given up, or the room's run replayed), which the panel says until the next
Train (`say_failed`, `say_shared`). Then `redraw_page` runs the page once, for the sections
that read the result. What a run draws, and what its end keeps, is each panel's own.

A closed tab gives its place up: GRACE_SECONDS after Streamlit's runtime stops counting its
session as active (a phone that wakes up within them keeps its place), the queue drops its
run; an owner whose session is connected keeps it even when its polls are run late (a busy
server), up to core.queue.PATIENCE seconds. A run given up says why (`ended`).
"""

import dataclasses
import math
import os
import time
import weakref
from collections.abc import Callable, Hashable, Iterator

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import queue, turns, workers
from ui import safe
from ui.i18n import t

POLL_SECONDS = 0.5       # the browser reruns a training run's view this often (run_every),
WAIT_POLL_SECONDS = 2.0  # a place in line this often (it changes every few seconds),
HEARTBEAT_SECONDS = 10.0  # and the panel around them (Stop), which sets their pace anew
CROWD_POLLS = 25.0       # polls a second that all pages following runs send together, at
                         # most (bench_hall_ws, 200 pages on 2 idle cores, training in threads:
                         # at 50 the polls starved the room's one run, 1.5 s alone, of the
                         # interpreter: 37.8 s; 8.2 s at 25)
SETTLE_SECONDS = 2.0     # a click's own run waits this long for a run that trains now to end,
SETTLE_MOST = 4.0        # or this long where its records say that it ends by then
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


def processes() -> bool:
    """Train in worker processes (core.workers)? On a real server, yes, unless
    D2L_TRAIN_WORKERS=threads. scripts/bench_hall_ws.py on a slow 2-core VM, 2 workers
    against threads: 200 pressing Train on the book's defaults had their final curves after
    5.8 s (median) and 9.4 s (last) against 23.3 and 26.8 s, the room's one run no longer
    slowed by the pages' script runs; 30 with varied settings after 10.2 and 14.3 s against
    8.1 and 14.1 s (two runs trained at once on 2 cores cost more CPU than runs the
    interpreter takes in turn). On a VM 2.5 times as fast the two were even for the 200
    (last 0.93 against 0.96 s) and the workers ahead for the 30 (last 2.2 against 4.3 s). A
    worker holds about 264 MiB with the CPU build of torch (scripts/worker_rss.py). AppTest's
    runtime is a mock: there, threads always (its tests patch trainers)."""
    mode = os.environ.get(workers.ENV, "").strip().lower()
    if mode == "threads":
        return False
    return Runtime.exists() and type(Runtime.instance()) is Runtime


def hall() -> queue.TrainingQueue:
    """The server's one training queue, with its cache of finished runs."""
    return queue.shared_queue(alive=_alive, processes=processes())


def here() -> None:
    """This page draws a training panel: the queue counts it in the crowd that may follow
    runs (`pace`) before it presses Train, and its worker processes start now (importing
    torch takes them seconds), not at the first Train."""
    q = hall()
    q.present(owner())
    if q.pool is not None:
        q.pool.warm()


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
        with turns.PAGES.aside():  # the other pages run meanwhile (core.turns)
            q.wait(job, len(job.frames), left)


def ends_by(job: queue.Job, records: int | None, deadline: float) -> bool:
    """Will `job`, with `records` records in all, end by `deadline` at the pace of its records
    so far? (A room's run joined as it trains: a click's own run draws its end, rather than
    leave it to a poll that a crowd makes seconds late.)"""
    count, started = len(job.frames), job.started
    if not records or not count or started is None:
        return False
    now = time.monotonic()
    return now + (records - count) * (now - started) / count <= deadline


def unfold(watching: "Watching", draw: Callable[[int, queue.Status], None],
           records: int | None = None) -> tuple[queue.Status, int]:
    """Draw a followed run: `draw(count, status)` draws its first `count` records, into one
    slot. In the click's own script run (the run that asked for it), a run that
    trains now is drawn again at each new record for up to SETTLE_SECONDS (a short run, or
    the room's run joined as it ends, is drawn to its end; up to SETTLE_MOST where its
    `records` in all would come by then: `ends_by`), and a run from the room's cache
    is replayed right here, a record every REPLAY_SECONDS, instead of one record per poll: a
    crowd's polls come seconds apart (8 s for 200 pages), so a replay over polls made a hall
    wait for curves computed long before. Any later call, in this run or a poll, draws once.
    Returns the status drawn and how many records."""
    q, me, job, slot = hall(), owner(), watching.job, st.empty()
    fresh = _asked_here(job)
    if fresh:  # once: a follow fragment drawn later in this run draws what is there
        _asked.pop(_this_run(), None)
    clicked, drawn = time.monotonic(), None
    deadline = clicked + SETTLE_SECONDS
    while True:
        status = q.status(job, me)
        count = shown(job, status, watching.since)
        if drawn != (count, status):  # a wait that ended at its deadline brought no news
            with slot.container():
                draw(count, status)
            drawn = (count, status)
        left = deadline - time.monotonic()
        if left <= 0 and ends_by(job, records, clicked + SETTLE_MOST):
            deadline, left = clicked + SETTLE_MOST, clicked + SETTLE_MOST - time.monotonic()
        if not fresh or (count == len(job.frames) and status.state not in queue.ACTIVE):
            return status, count
        if status.cached is not None and count < len(job.frames):
            with turns.PAGES.aside():  # the other pages run meanwhile (core.turns)
                time.sleep(min(REPLAY_SECONDS, REPLAY_TOTAL / max(1, len(job.frames))))
        elif status.state == queue.RUNNING and left > 0:
            with turns.PAGES.aside():
                q.wait(job, count, left)
        else:
            return status, count


def give_up(job: queue.Job) -> None:
    """Stop: the session stops watching its run (a shared run goes on for the others)."""
    q = hall()
    me = owner()
    if q.job(me) is job:
        q.leave(me)


# ---- a panel following its run --------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Panel:
    """A training panel's session keys (ui.keys): the run it follows, Stop, its last note."""
    running: str   # the Watching, while the run is followed
    stop: str      # the Stop button
    note: str      # None, or (string key, field): failed, given up, or the room's run


@dataclasses.dataclass(frozen=True)
class Watching:
    """The run this session asked the queue for, kept in the session until it ends, so that
    a rerun of the page (a click elsewhere, the class experiment's cookie arriving) goes on
    following it instead of losing it. A worker thread trains it; the panel reads its records."""
    impl: str
    cfg: object             # the lesson's TrainConfig
    job: queue.Job
    since: float            # time.monotonic() of the request (a replay from the cache paces from it)
    spec: object = None     # the regression's data (linreg.DataSpec); the classifier's is fixed


_asked: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # a script run → its request


def _this_run():
    """An object that lives as long as this script run and no other (Streamlit makes one per
    run for its parallel fragments), or None."""
    ctx = get_script_run_ctx()
    return getattr(ctx, "parallel_coordinator", None) if ctx is not None else None


def _asked_here(job: queue.Job) -> bool:
    """Was `job` requested in this very script run (the Train click's own run)?"""
    run = _this_run()
    try:
        return run is not None and _asked.get(run) is job
    except TypeError:  # an object that cannot be weakly referenced: never
        return False


def request(panel: Panel, kind: str, work: Callable[[], Iterator], *, impl: str, cfg,
            key: Hashable, cost: float, spec=None) -> Watching:
    """Train: a place in the server's queue, or the room's run of these very settings."""
    job = hall().submit(owner(), kind, work, key=key, cost=cost)
    run = _this_run()
    if run is not None:
        try:
            _asked[run] = job
        except TypeError:
            pass
    watching = Watching(impl, cfg, job, time.monotonic(), spec)
    st.session_state[panel.running] = watching
    st.session_state[panel.note] = None
    return watching


def followed(panel: Panel) -> Watching | None:
    """The run the panel follows, if one is (the queue hears that this page is still here)."""
    watching = st.session_state.get(panel.running)
    if watching is not None:
        hall().touch(owner())
    return watching


def running(panel: Panel) -> Watching | None:
    """For a run's view: the run the panel follows once it trains. While it waits in line its
    place is said here and None returned; None too when it is over (Stop, meanwhile)."""
    watching = followed(panel)
    if watching is None:
        return None
    status = hall().status(watching.job, owner())
    if status.state == queue.WAITING:
        say_waiting(status)
        return None
    return watching


def stopped(panel: Panel) -> Watching | None:
    """Stop was clicked (a rerun of the follow fragment): the run is given up (a run shared
    with others goes on for them) and no longer followed. Returns it; else None."""
    watching = st.session_state.get(panel.running)
    if watching is None or not st.session_state.get(panel.stop):
        return None
    del st.session_state[panel.running]
    give_up(watching.job)
    return watching


def pace(status: queue.Status) -> float:
    """Seconds between two polls of a run's view: a place in line every WAIT_POLL_SECONDS, a
    run that trains every POLL_SECONDS, both slower when more pages wait, or follow runs or
    may soon (core.queue's crowd: the pages open on a training panel), than CROWD_POLLS a
    second allow (a hall of 200 on the page: every 8 s, from the first to press Train)."""
    q = hall()
    if status.state == queue.WAITING:
        seconds = max(WAIT_POLL_SECONDS, q.load()[1] / CROWD_POLLS)
    else:
        seconds = max(POLL_SECONDS, q.crowd() / CROWD_POLLS)
    return math.ceil(seconds * 2) / 2  # in half seconds: the browser keeps a timer it has


def follow(view: Callable, status: queue.Status, *args):
    """From a following panel's fragment: `view(*args)` as a nested fragment that the browser
    reruns at `pace(status)` (drawn again by the panel's next run, at the pace of then).
    Returns what `view` returns."""
    return safe.fragment(view, run_every=pace(status))(*args)


def ended(panel: Panel, status: queue.Status) -> None:
    """The run is over: no longer followed; its note says how (until the next Train)."""
    del st.session_state[panel.running]
    if status.state == queue.DONE:
        cached = status.cached
        note = None if cached is None else ("queue.shared", round(time.time() - cached.finished_at))
    elif status.state == queue.FAILED:
        note = ("queue.failed", None)
    else:  # given up: why, when it was not this page's own Stop
        note = {queue.UNSEEN: ("queue.gone_unseen", None),
                queue.CLOSED: ("queue.gone_closed", round(GRACE_SECONDS))}.get(
                    status.why, ("queue.stopped", None))
    st.session_state[panel.note] = note


def say_failed(panel: Panel, container=st) -> bool:
    """A run that failed or was given up, said (the last result stays). True if it was."""
    note = st.session_state.get(panel.note)
    if note is None or note[0] == "queue.shared":
        return False
    container.warning(t(note[0], seconds=note[1]), icon=":material/error:")
    return True


def say_shared(panel: Panel) -> None:
    """The room's run of these very settings, replayed: said, honestly."""
    note = st.session_state.get(panel.note)
    if note is not None and note[0] == "queue.shared":
        st.caption(t("queue.shared", ago=note[1]))


def trains_or_kept(watching: Watching) -> bool:
    """Is the run past its place in line (training, or the room's, from the cache)? The
    click's own run then draws it itself, before any following fragment (`unfold`)."""
    return hall().status(watching.job, owner()).state != queue.WAITING


def redraw_page() -> None:
    """From a follow fragment's own rerun: the page once (the run's end, drawn by the panel
    and read by the sections below it). A full run of the page draws it already."""
    if safe.fragment_run():
        st.rerun(scope="app")


def untrained(text: str, container=st) -> None:
    """Where a trained model (or a run) would be shown, before there is one: how to get one.
    Every such note of the lessons ("Press Train", "Train a model first") is drawn here."""
    container.info(text, icon=":material/info:")
