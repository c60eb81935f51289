"""A lecture hall on one live server (issue 24): N websocket clients speak Streamlit's protocol.

scripts/bench_hall.py simulates the hall with threads in one process; scripts/bench_load.py
drives real Chromium pages, too heavy for 200. This bench starts a real `streamlit run
streamlit_app.py` (tests/conftest.start_server) restricted to 2 cores, as the hosted container,
and connects N lightweight clients that do what the browser's frontend does over
ws://127.0.0.1:PORT/_stcore/stream, without drawing anything:

- open: a BackMsg rerun_script with the page's query string and its name (page_name, as a
  browser that has not yet been told the pages), then, once the server's navigation message
  names the page, its page_script_hash on every later rerun; each carries context_info and the
  hashes of the cacheable ForwardMsgs the client keeps (cached_message_hashes: the server
  then sends a ref_hash instead of a large element the client already has), expired after
  the server's max_cached_message_age runs, as the frontend's ForwardMsgCache does;
- press Train: a rerun_script whose widget_states hold the Train button's id (read from the
  delta that drew it: its id ends with the key, ui.keys.SC_TRAIN) with trigger_value=True,
  and the fragment_id of the delta (the training panel's fragment). A browser also sends the
  current values of the page's other widgets; the server keeps those it is not sent;
- poll: for every ForwardMsg auto_rerun (a st.fragment(run_every=...) drawn: the panel that
  follows a run), a timer sends a rerun_script with that fragment_id and is_auto_rerun=True
  every `interval` seconds, until a stop_auto_rerun names the fragment or a full run's
  new_session (one without fragment ids) clears every timer: the frontend's setInterval.

Each student opens /softmax-classifier?step=4 (the section with the classifier's training
panel) with its settings in the query string, waits for the script to finish, and at a common
signal, after a random offset within ARRIVAL seconds, presses Train; it records the seconds
from its press to the first delta of a Vega-Lite chart (the live curves) and to the replay
slider (ui.keys.SC_REPLAY: drawn only once the run's result is kept, the final curves).

Scenarios, each on a fresh server: 30 students with varied settings (no run shared) and 200
with the book's defaults (one run, shared through the queue's cache). Printed per scenario:
first/median/last seconds to the first and to the final curves; the server's RSS once started,
with all N pages open, at its peak, and after the clients have left (after the server's
periodic malloc_trim); the server's CPU seconds from the signal until the last student has
its final curves, per poll and per session-second of polling (both including the training:
an upper bound of what polling costs); the server's CPU with all N connected but idle for
IDLE seconds, and the fragment reruns sent meanwhile (none: the page draws a polling fragment
only while a run is followed); in the defaults scenario, a reference run (one student, the
same settings with another seed) before the hall, whose CPU is the training's, subtracted.

HALL_WS_EPOCHS (default 2) sets every run's epochs, HALL_WS_SESSIONS overrides N,
HALL_WS_SCENARIOS picks scenarios ("varied,defaults"), HALL_WS_WORKERS where the server trains
("at-once,processes,threads": each scenario each way, one after the other, each on a fresh
server; `at-once` is the behaviour before the queue, every run at once in threads of its own,
for the varied scenario only: `server_env`; core.workers against the queue's threads),
HALL_WS_TIMEOUT (s, default 900)
bounds a scenario. The server writes the queue's trace (core.queue.trace) to HALL_WS_TRACE
(default /tmp/hall_ws_trace_PID.jsonl): the record sums it up (why owners left their runs,
polls run more than 5 s apart) and tells the story of every student without final curves;
`kill -USR1` the server to have every thread's stack written beside it. HALL_WS_DETAIL=1
adds one line per student (first and final curves, polls, bars and charts received). The clients run in this process (asyncio, the `websockets` client that
Streamlit itself requires); on a machine with more than 2 cores they run on the others.
"""

import asyncio
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.proto.Alert_pb2 import Alert  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetStates  # noqa: E402

from tests.conftest import free_port, start_server  # noqa: E402

PAGE = "softmax-classifier"
STEP = 4                 # the page's training section (ui.lesson: step=N, from 1)
TRAIN_KEY = "sc.train"   # ui.keys.SC_TRAIN (the Train button)
REPLAY_KEY = "sc.replay"  # ui.keys.SC_REPLAY (the replay slider: a finished run is kept)
ARRIVAL = 5.0            # seconds over which the students press Train
CORES = 2                # the hosted container's
IDLE = 10.0              # seconds with every student connected and idle
AT_ONCE = "at-once"      # HALL_WS_WORKERS: every run at once, as before issue 24 (server_env)
OPEN_AT_ONCE = 10        # pages opened concurrently before the hall
TRIM_SECONDS = 15        # core.resources.TRIM_SECONDS: the server's periodic malloc_trim
EPOCHS = int(os.environ.get("HALL_WS_EPOCHS", "2"))
SESSIONS = os.environ.get("HALL_WS_SESSIONS")
TIMEOUT = float(os.environ.get("HALL_WS_TIMEOUT", "900"))
SCENARIOS = [("varied", 30), ("defaults", 200)]
FINISHED = ForwardMsg.ScriptFinishedStatus


def settings(kind: str, i: int, epochs: int = EPOCHS) -> str:
    """Student i's query string: the book's defaults, or a combination of its own (as
    scripts/bench_hall.py: implementation, batch size, learning rate, seed)."""
    if kind == "defaults":
        return f"step={STEP}&epochs={epochs}"
    impls, batches, lrs = ("scratch", "concise"), (256, 512, 1024), (0.03, 0.1, 0.3)
    return (f"step={STEP}&impl={impls[i % 2]}&bs={batches[i // 2 % 3]}&lr={lrs[i // 6 % 3]}"
            f"&epochs={epochs}&seed={i}")


class Student:
    """One browser tab, as Streamlit's frontend speaks to the server, without drawing."""

    def __init__(self, base: str, query: str, page: str = PAGE):
        self.url = f"{base.replace('http', 'ws', 1)}/_stcore/stream"
        self.page_url = f"{base}/{page}?{query}"
        self.page, self.query = page, query
        self.page_hash = ""          # the page's script hash, once navigation has named it
        self.cache: dict[str, list] = {}  # hash → [serialized ForwardMsg, run count, fragment]
        self.runs = 0                # the cache's script-run counter
        self.max_age = 2             # new_session's config.max_cached_message_age
        self.timers: dict[str, tuple[asyncio.Task, float]] = {}  # fragment → (timer, interval)
        self.intervals: set[float] = set()  # the polling intervals the server asked for
        self.train_id = self.train_fragment = None
        self.train_disabled = True
        self.pressed = self.first = self.final = None
        self.opened: float | None = None  # seconds from connecting to the page's first finish
        self.polls = 0               # fragment reruns sent
        self.poll_seconds = 0.0      # seconds with a polling timer running
        self.errors: list[str] = []
        self.warning = ""            # the last warning drawn (why a run ended without result)
        self.session_id = ""         # the server's id for this session (the queue's owner)
        self.story: list = []        # (seconds from the press, what happened): new_session,
                                     # auto_rerun, stop_auto_rerun, a warning, the close
        self.last_poll = self.last_message = None  # monotonic times
        self.closing = False
        self.bars: dict[int, int] = {}  # progress bars received while training, by percent
        self.charts = 0              # Vega-Lite charts received after the press
        self.ws = None
        self._reader: asyncio.Task | None = None
        self._ready = asyncio.Event()  # a full run has finished with the Train button drawn
        self._done = asyncio.Event()   # the final curves are drawn

    # ---- what the client sends ------------------------------------------------------------

    async def _send_rerun(self, widgets: WidgetStates | None = None, fragment_id: str = "",
                          auto: bool = False) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        if widgets is not None:
            state.widget_states.CopyFrom(widgets)
        if self.page_hash:
            state.page_script_hash = self.page_hash
        else:  # the frontend before its first new_session: the page from the URL's path
            state.page_name = self.page
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        state.cached_message_hashes.extend(self.cache)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url, info.is_embedded, info.color_scheme = self.page_url, False, "light"
        await self.ws.send(msg.SerializeToString())

    async def _poll(self, fragment_id: str, interval: float) -> None:
        """setInterval(() => sendUpdateWidgetsMessage(fragmentId, true), interval)."""
        start = time.monotonic()
        try:
            while True:
                await asyncio.sleep(interval)
                self.polls += 1
                self.last_poll = time.monotonic()
                await self._send_rerun(fragment_id=fragment_id, auto=True)
        except asyncio.CancelledError:
            pass
        except Exception as e:  # the connection closed under the timer
            self.errors.append(f"poll: {e!r}"[:200])
        finally:
            self.poll_seconds += time.monotonic() - start

    def _note(self, what: str) -> None:
        """A line of this student's story, once Train was pressed."""
        if self.pressed is not None:
            self.story.append((round(time.monotonic() - self.pressed, 2), what[:160]))

    def _stop_timers(self, fragment_ids=None) -> None:
        for fid in list(self.timers) if fragment_ids is None else fragment_ids:
            timer = self.timers.pop(fid, None)
            if timer is not None:
                timer[0].cancel()

    # ---- what the client reads ------------------------------------------------------------

    def _cached(self, msg: ForwardMsg, raw: bytes) -> ForwardMsg:
        """The frontend's ForwardMsgCache: keep cacheable messages, resolve references."""
        if msg.WhichOneof("type") == "ref_hash":
            entry = self.cache.get(msg.ref_hash)
            if entry is None:
                self.errors.append(f"cache miss {msg.ref_hash}")
                return msg
            entry[1] = self.runs
            full = ForwardMsg()
            full.ParseFromString(entry[0])
            full.metadata.CopyFrom(msg.metadata)
            return full
        if msg.metadata.cacheable and msg.hash:
            if msg.hash in self.cache:
                self.cache[msg.hash][1] = self.runs
            else:
                fragment = msg.delta.fragment_id if msg.WhichOneof("type") == "delta" else ""
                self.cache[msg.hash] = [raw, self.runs, fragment]
        return msg

    def _script_finished(self, msg: ForwardMsg) -> None:
        status = msg.script_finished
        fragments = list(msg.metadata.run.fragment_ids)
        if status != FINISHED.FINISHED_EARLY_FOR_RERUN:  # incrementRunCount
            self.runs += 1
            for key, (_, seen, fragment) in list(self.cache.items()):
                if fragments and (not fragment or fragment not in fragments):
                    continue
                if self.runs - seen > self.max_age:
                    del self.cache[key]
        if status == FINISHED.FINISHED_SUCCESSFULLY and not fragments and self.train_id:
            self._ready.set()
            if self.pressed is not None and self.final is None:  # the run ended, no result
                self.errors.append(f"the run ended without a result: {self.warning}"[:200])
                self._done.set()

    def _element(self, msg: ForwardMsg) -> None:
        delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        now = time.monotonic()
        if kind == "button" and element.button.id.endswith(f"-{TRAIN_KEY}"):
            self.train_id, self.train_fragment = element.button.id, delta.fragment_id
            self.train_disabled = element.button.disabled
        elif kind == "vega_lite_chart" and self.pressed is not None:
            self.charts += 1
            if self.first is None:
                self.first = now - self.pressed
        elif kind == "progress" and self.pressed is not None:
            value = element.progress.value
            self.bars[value] = self.bars.get(value, 0) + 1
        elif kind == "slider" and element.slider.id.endswith(f"-{REPLAY_KEY}") \
                and self.pressed is not None and self.final is None:
            self.final = now - self.pressed
            if self.first is None:  # drawn whole at once (a short run, settled in the click)
                self.first = self.final
            self._done.set()
        elif kind == "exception":
            self.errors.append(f"exception: {element.exception.message}"[:200])
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            self.errors.append(f"error: {element.alert.body}"[:200])
        elif kind == "alert" and element.alert.format == Alert.WARNING:
            self.warning = element.alert.body  # e.g. the queue gave the run up
            self._note(f"warning: {self.warning}")
        elif kind == "alert" and element.alert.format == Alert.INFO and \
                element.alert.icon == ":material/hourglass_top:":  # ui.training.say_waiting
            if not self.story or not self.story[-1][1].startswith("waiting"):
                self._note(f"waiting: {element.alert.body}")

    def _handle(self, raw: bytes) -> None:
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        msg = self._cached(msg, raw)
        kind = msg.WhichOneof("type")
        self.last_message = time.monotonic()
        if kind == "delta":
            self._element(msg)
        elif kind == "new_session":
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
            self._note("full run" if not msg.metadata.run.fragment_ids else "fragment run")
            if msg.new_session.config.max_cached_message_age:
                self.max_age = msg.new_session.config.max_cached_message_age
            if not msg.metadata.run.fragment_ids:  # a full run: every interval is cleared
                self._stop_timers()
                self.page_hash = msg.new_session.page_script_hash  # the main script's
        elif kind == "navigation":  # st.navigation has picked the page: its hash from now on
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "auto_rerun":
            fid, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            self.intervals.add(interval)
            if fid not in self.timers:
                self._note(f"auto_rerun every {interval} s")
            if fid and self.timers.get(fid, (None, None))[1] != interval:
                self._stop_timers([fid])
                self.timers[fid] = (asyncio.create_task(self._poll(fid, interval)), interval)
        elif kind == "stop_auto_rerun":
            self._note("stop_auto_rerun")
            self._stop_timers(msg.stop_auto_rerun.fragment_ids)
        elif kind == "page_info_changed":  # the app rewrote the URL's query string
            self.query = msg.page_info_changed.query_string
        elif kind == "script_finished":
            self._script_finished(msg)
        elif kind == "page_not_found":
            self.errors.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "session_event" and \
                msg.session_event.WhichOneof("type") == "script_compilation_exception":
            self.errors.append("script compilation exception")

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                self._handle(raw)
        except Exception as e:  # closed by the server: said, and the student never finishes
            if not self._done.is_set():
                self.errors.append(f"read: {e!r}"[:200])
        if not self._done.is_set() and not self.closing:  # a clean close raises nothing
            self._note(f"closed: {self.ws.close_code} {self.ws.close_reason}")
            self.errors.append(f"closed by the server: {self.ws.close_code}")

    # ---- a student's visit ----------------------------------------------------------------

    async def open(self, timeout: float) -> None:
        """Connect, run the page, and wait until its script has finished (Train drawn)."""
        from websockets.asyncio.client import connect

        start = time.monotonic()
        # Browsers offer permessage-deflate too (the client's default); they send no pings.
        self.ws = await connect(self.url, subprotocols=["streamlit"], max_size=None,
                                ping_interval=None, open_timeout=timeout)
        self._reader = asyncio.create_task(self._read())
        await self._send_rerun()
        await asyncio.wait_for(self._ready.wait(), timeout)
        self.opened = time.monotonic() - start

    async def train(self, at: float, timeout: float) -> None:
        """At monotonic time `at`, press Train; then until the final curves are drawn."""
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        if self.train_id is None or self.train_disabled:
            self.errors.append("no Train button to press")
            return
        widgets = WidgetStates()
        button = widgets.widgets.add()
        button.id, button.trigger_value = self.train_id, True
        self.pressed = time.monotonic()
        await self._send_rerun(widgets, fragment_id=self.train_fragment or "")
        try:
            await asyncio.wait_for(self._done.wait(), max(1.0, at + timeout - time.monotonic()))
        except TimeoutError:
            self.errors.append("timed out before the final curves")

    async def close(self) -> None:
        self.closing = True
        self._stop_timers()
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)


# ---- the server -------------------------------------------------------------------------

def server_cores() -> tuple[set[int], set[int]]:
    """The CORES cores the server may use, and the others (for the clients; none on a
    machine with 2 cores: then the clients share the server's)."""
    mine = sorted(os.sched_getaffinity(0))
    return set(mine[:CORES]), set(mine[CORES:])


def pin(pid: int, cores: set[int]) -> None:
    """Every thread of process `pid` on `cores` (affinity is per thread on Linux; threads
    started later inherit their creator's)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            os.sched_setaffinity(int(task.name), cores)
        except (ProcessLookupError, PermissionError):
            pass


def start(env: dict | None = None):
    """`streamlit run streamlit_app.py` on CORES cores: started with this process's affinity
    narrowed to them (the server inherits it from its first instruction, as under `taskset`,
    so torch and the training queue count 2 cores), then every thread pinned once more."""
    cores, others = server_cores()
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cores)
    try:
        port = free_port()
        proc = start_server(port, {"FASHION_MNIST_DOWNLOAD": "0", "D2L_VALIDATE_CHARTS": "0",
                                   **(env or {})})
    finally:
        os.sched_setaffinity(0, others or before)
    pin(proc.pid, cores)
    return proc, f"http://127.0.0.1:{port}", cores


def tree(server: psutil.Process) -> list[psutil.Process]:
    """The server and its worker processes (core.workers), if it trains in them."""
    try:
        return [server, *server.children(recursive=True)]
    except psutil.Error:
        return [server]


class Sampler(threading.Thread):
    """The peak RSS of the server and its workers together, sampled every 50 ms (an upper
    bound: the pages of torch's libraries that the processes share count once per process),
    and every 0.5 s their proportional set size (PSS: each shared page split between the
    processes that map it; what the container is charged, less the kernel's own)."""

    def __init__(self, server: psutil.Process):
        super().__init__(daemon=True)
        self.server, self.stop = server, threading.Event()
        self.peak, self.peak_pss = self.rss(), self.pss()

    def rss(self) -> int:
        total = 0
        for process in tree(self.server):
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        return total

    def pss(self) -> int:
        total = 0
        for process in tree(self.server):
            try:
                total += process.memory_full_info().pss
            except (psutil.Error, AttributeError):
                pass
        return total

    def run(self):
        beat = 0
        while not self.stop.wait(0.05):
            try:
                self.peak = max(self.peak, self.rss())
                beat += 1
                if beat % 10 == 0:
                    self.peak_pss = max(self.peak_pss, self.pss())
            except psutil.Error:
                return


def cpu(server: psutil.Process, workers: bool = True) -> float:
    """CPU seconds of the server and (unless `workers` is False) its worker processes."""
    total = 0.0
    for process in tree(server) if workers else [server]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def spread(values: list[float]) -> list[float] | None:
    """First, median and last, in seconds."""
    if not values:
        return None
    ordered = sorted(values)
    return [round(ordered[0], 2), round(statistics.median(ordered), 2), round(ordered[-1], 2)]


def mib(value: float) -> int:
    return round(value / 2**20)


def log(what: str) -> None:
    if os.environ.get("HALL_WS_VERBOSE"):
        print(f"{time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# ---- a scenario -------------------------------------------------------------------------

async def open_all(base: str, queries: list[str], timeout: float) -> list[Student]:
    students = [Student(base, q) for q in queries]
    gate = asyncio.Semaphore(OPEN_AT_ONCE)

    async def one(student):
        async with gate:
            try:
                await student.open(timeout)
            except Exception as e:
                student.errors.append(f"open: {e!r}"[:200])

    await asyncio.gather(*(one(s) for s in students))
    return students


async def hall(base: str, queries: list[str], timeout: float = TIMEOUT,
               seed: int = 0) -> list[Student]:
    """The hall in short (tests/test_bench_hall_ws.py): open every page, every student
    presses Train within ARRIVAL seconds and follows its run until its final curves are
    drawn, then leaves."""
    students = await open_all(base, queries, timeout)
    at = time.monotonic() + 0.5
    rng = random.Random(seed)
    try:
        await asyncio.gather(*(s.train(at + rng.uniform(0, ARRIVAL), timeout)
                               for s in students if s.opened is not None))
    finally:
        await close_all(students)
    return students


async def close_all(students: list[Student]) -> None:
    await asyncio.gather(*(s.close() for s in students), return_exceptions=True)


async def reference(base: str, query: str, server: psutil.Process) -> dict:
    """One student alone trains the hall's run (another seed: not shared with the hall):
    the server's CPU from its press to its final curves is one run's training."""
    (student,) = await open_all(base, [query], TIMEOUT)
    used = cpu(server)
    start = time.monotonic()
    await student.train(time.monotonic(), TIMEOUT)
    seconds, used = time.monotonic() - start, cpu(server) - used
    await close_all([student])
    return {"server_cpu_s": round(used, 2), "seconds": round(seconds, 2),
            "polls": student.polls, "final_s": student.final, "errors": student.errors[:3]}


async def scenario(kind: str, n: int, base: str, server: psutil.Process) -> dict:
    record: dict = {"students": n, "settings": kind, "epochs": EPOCHS, "arrival_s": ARRIVAL,
                    "loadavg_before": loadavg()}
    sampler = Sampler(server)
    record["rss_start_mib"] = mib(sampler.rss())
    sampler.start()
    if kind == "defaults":  # the defaults with seed 1: the same work, its own run
        record["reference_run"] = await reference(
            base, settings(kind, 0) + "&seed=1", server)
    queries = [settings(kind, i) for i in range(n)]
    log(f"{kind} x{n}: opening the pages")
    start, used = time.monotonic(), cpu(server)
    students = await open_all(base, queries, TIMEOUT)
    page_cpu = cpu(server) - used
    opened = [s for s in students if s.opened is not None]
    record["pages_opened"] = len(opened)
    record["page_open_s"] = spread([s.opened for s in opened])
    record["open_all_s"] = round(time.monotonic() - start, 1)
    record["open_server_cpu_s"] = round(page_cpu, 1)  # the first loads Fashion-MNIST
    record["rss_connected_mib"] = mib(sampler.rss())

    # All connected, nothing followed: what the connected sessions cost (and any polling)
    polls, used = sum(s.polls for s in students), cpu(server)
    await asyncio.sleep(IDLE)
    idle_cpu = cpu(server) - used
    record["idle"] = {"seconds": IDLE, "server_cpu_s": round(idle_cpu, 2),
                      "server_cores_used": round(idle_cpu / IDLE, 3),
                      "fragment_reruns_sent": sum(s.polls for s in students) - polls}

    # The hall: every student presses Train within ARRIVAL seconds
    log(f"{len(opened)} pages open; the hall presses Train")
    used, mine, own = cpu(server), os.times(), cpu(server, workers=False)
    start = time.monotonic()
    at = start + 0.5
    rng = random.Random(n)
    await asyncio.gather(*(s.train(at + rng.uniform(0, ARRIVAL), TIMEOUT) for s in opened))
    elapsed = time.monotonic() - start
    server_cpu = cpu(server) - used
    own = cpu(server, workers=False) - own
    client_cpu = sum(os.times()[:2]) - sum(mine[:2])
    done = [s for s in opened if s.final is not None]
    polls = sum(s.polls for s in opened)
    poll_seconds = sum(s.poll_seconds for s in opened)
    record.update({
        "finished": len(done),
        "first_curves_s": spread([s.first for s in done]),
        "final_curves_s": spread([s.final for s in done]),
        "all_done_s": round(elapsed, 2),
        "poll_intervals_s": sorted(set().union(*(s.intervals for s in opened))),
        "server_cpu_s": round(server_cpu, 1),
        "server_cores_used": round(server_cpu / elapsed, 2),
        "server_process_cpu_s": round(own, 1),  # the server's own: its pages (and any
        "worker_processes_cpu_s": round(server_cpu - own, 1),  # training in its threads)
        "fragment_reruns_sent": polls,
        "polling_session_s": round(poll_seconds, 1),
        "server_cpu_ms_per_poll": round(1000 * server_cpu / polls, 1) if polls else None,
        "server_cpu_s_per_polling_session_s":
            round(server_cpu / poll_seconds, 4) if poll_seconds else None,
        "client_cpu_s": round(client_cpu, 1),  # these clients, on the same 2 cores here
    })
    ref = record.get("reference_run")
    if ref and polls and len(opened) > 1:
        # An estimate of the polling alone: the shared run's training (the reference run, one
        # student) and every other student's full page run at the end (a page open's CPU:
        # the open phase's per page, the first page's data load left out) taken out.
        per_page = page_cpu / len(opened)
        rest = server_cpu - ref["server_cpu_s"] - (len(opened) - 1) * per_page
        record["polling_estimate"] = {
            "server_cpu_s": round(rest, 1), "page_run_cpu_s": round(per_page, 3),
            "server_cpu_ms_per_poll": round(1000 * rest / polls, 1),
            "server_cpu_s_per_polling_session_s": round(rest / poll_seconds, 4)}
    record["rss_after_hall_mib"] = mib(sampler.rss())
    await close_all(students)
    sampler.stop.set()
    sampler.join()
    record["rss_peak_mib"] = mib(sampler.peak)  # from the server's start to the hall's end
    record["pss_peak_mib"] = mib(sampler.peak_pss)
    record["workers"] = len(tree(server)) - 1
    await asyncio.sleep(TRIM_SECONDS + 5)  # the server's periodic trim has run
    record["rss_after_mib"] = mib(sampler.rss())
    record["loadavg_after"] = loadavg()
    errors = {i: s.errors[:3] for i, s in enumerate(students) if s.errors}
    if errors:
        record["errors"] = dict(list(errors.items())[:5])
        record["students_with_errors"] = len(errors)
    record["unfinished"] = [story(i, s, start) for i, s in enumerate(opened) if s.final is None]
    record["live"] = {  # what the students saw while their runs trained
        "students_with_a_live_chart": sum(1 for s in opened if s.charts and (
            s.final is None or s.first < s.final)),
        "charts_received": sum(s.charts for s in opened),
        "bars_received_by_percent": dict(sorted(sum((Counter(s.bars) for s in opened),
                                                    Counter()).items()))}
    if os.environ.get("HALL_WS_DETAIL"):
        record["students"] = [
            {"session": s.session_id, "pressed": round(s.pressed - start, 1), "first": s.first,
             "final": s.final, "polls": s.polls, "bars": s.bars, "charts": s.charts}
            for s in opened if s.pressed is not None]
    return record


def story(i: int, student: Student, start: float) -> dict:
    """What happened to a student without final curves, as the client saw it (its queue
    events are in the trace, under its session id)."""
    ago = {name: None if at is None else round(at - start, 1)
           for name, at in (("pressed", student.pressed), ("last_poll", student.last_poll),
                            ("last_message", student.last_message))}
    return {"student": i, "session": student.session_id, **ago, "polls": student.polls,
            "timers": len(student.timers), "story": student.story[-12:],
            "errors": student.errors[:3]}


def queue_story(path: Path, sessions: set[str]) -> dict:
    """The queue's trace summed up: why owners left their runs, and the events of the
    sessions that had no final curves."""
    why: dict[str, int] = {}
    late: list[float] = []  # seconds between a page's polls run, where more than 5
    events: dict[str, list] = {}
    if not path.exists():
        return {}
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    t0 = lines[0]["t"] if lines else 0
    for e in lines:
        if e["event"] == "leave":
            why[e.get("why", "?")] = why.get(e.get("why", "?"), 0) + 1
        elif e["event"] == "late":
            late.append(e["unseen"])
        if e["owner"] in sessions:
            events.setdefault(e["owner"], []).append(
                (round(e["t"] - t0, 1), e["event"], e.get("why") or e.get("state") or ""))
    return {"left_because": why, "polls_run_late": len(late),
            "longest_unseen_s": max(late, default=None), "unfinished_events": events}


def server_env(mode: str, n: int) -> dict:
    """Where the server trains: worker processes, threads, or `at-once`, the behaviour before
    issue 24 as near as today's code comes to it: every student's run at once, each in a
    thread of its own (n slots, threads, no turns), drawn live by the page's polls. The room's
    cache still answers identical runs, so it means something for varied settings only."""
    if mode == AT_ONCE:
        return {"D2L_TRAIN_WORKERS": "threads", "D2L_TRAIN_SLOTS": str(n), "D2L_PAGE_TURNS": "0"}
    return {"D2L_TRAIN_WORKERS": mode}


def run_scenario(kind: str, n: int, mode: str) -> dict:
    trace = Path(os.environ.get("HALL_WS_TRACE", f"/tmp/hall_ws_trace_{os.getpid()}.jsonl"))
    trace.unlink(missing_ok=True)
    proc, base, cores = start({"D2L_QUEUE_TRACE": str(trace), **server_env(mode, n)})
    server = psutil.Process(proc.pid)
    try:
        record = asyncio.run(scenario(kind, n, base, server))
        record["queue"] = queue_story(trace, {u["session"] for u in record["unfinished"]})
        record["server_cores"] = sorted(cores)
        return record
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run():
    note = ("a live `streamlit run` on 2 cores; websocket clients speak Streamlit's protocol "
            "(rerun_script, trigger_value, fragment auto-reruns), no browser; seconds from "
            "pressing Train, first/median/last student; CPU per poll includes the training")
    chosen = os.environ.get("HALL_WS_SCENARIOS", "varied,defaults").split(",")
    modes = os.environ.get("HALL_WS_WORKERS", f"{AT_ONCE},processes,threads").split(",")
    for kind, n in SCENARIOS:
        if kind not in chosen:
            continue
        n = int(SESSIONS) if SESSIONS else n
        for mode in modes:  # the server's training: every run at once (before), in worker
            if mode == AT_ONCE and kind != "varied":  # processes, or threads (the queue)
                continue  # one run shared by the room: nothing at once to compare
            yield {"figure": f"hall_ws {kind} x{n} ({mode})", "training_in": mode,
                   **run_scenario(kind, n, mode), "note": note}


if __name__ == "__main__":
    for record in run():
        print(json.dumps({"bench": "hall_ws", **record}), flush=True)
