"""The class experiment in the app: the database connection, joining, the submit panel.

Every call into the database goes through `_call`, which turns a database failure or a
refusal into a plain message drawn in the page (the detail — a path, a host, a role — goes to
the server's log only): a lesson page never fails because of the room. The sidebar entry, the
Submit panel and the live board run inside the error boundary (ui.safe) as well.

A browser is known by a random id in a cookie (`d2l_browser`, SameSite=Lax, written by a
small script once the browser takes part): a reload or a second tab is the same student
with the same pseudonym and runs, and the teacher's browser stays the teacher. The database
keeps only hashes of it.
"""

import dataclasses
import hashlib
import json
import logging
import math
import os
import re
import secrets
import threading
import time
from pathlib import Path

import streamlit as st

from classroom import store as db
from classroom.board import summarize, to_csv
from classroom.submission import LESSONS, Invalid
from core.device import device_name
from ui import keys, lesson, notebook, safe, share, state
from ui.charts import classroom as charts
from ui.charts import show, styled, vega_spec
from ui.i18n import lang, t

log = logging.getLogger("d2l.classroom")

CONNECTION = "classroom"       # st.connection name, and [connections.classroom] in secrets.toml
ENV_DB = "D2L_CLASSROOM_DB"    # the SQLite file, when no URL is configured
BOARD_PAGE = "pages/class_board.py"
PARAM = keys.ROOM              # the link's room parameter
REFRESH_SECONDS = 2.0          # the teacher's board redraws itself this often
WATCH_SECONDS = 5.0            # and anyone else's (a phone) this often


def _per_address(default: int = db.Limits.max_members) -> int:
    """D2L_CLASS_MEMBERS_PER_ADDRESS (1 … the room's cap); a bad value keeps the default."""
    raw = os.environ.get("D2L_CLASS_MEMBERS_PER_ADDRESS", "")
    return max(1, min(default, int(raw))) if raw.strip().isdigit() else default


# caps, rate limit, expiry (24 h), SQLite's busy timeout
LIMITS = db.Limits(max_members_per_address=_per_address())

# every watcher of a room shares one database read this long (0: each reads for itself)
SNAPSHOT_SECONDS = float(os.environ.get("D2L_CLASS_SNAPSHOT_SECONDS", "1.0"))
COOKIE = "d2l_browser"        # the browser's random id (the database keeps only its hash)
COOKIE_DAYS = 30
_BROWSER_ID = re.compile(r"[A-Za-z0-9_-]{32}")

SESSION, ROOM, MEMBER = keys.CLASS_SESSION, keys.CLASS_ROOM, keys.CLASS_MEMBER
TEACHES, NEW_TOKEN = keys.CLASS_TEACHES, keys.CLASS_NEW_TOKEN
OUTCOME, ACTED = keys.CLASS_OUTCOME, keys.CLASS_ACTED


def _cookie() -> str | None:
    """The browser id the browser sent with this session's first request, if well formed."""
    try:
        found = st.context.cookies.get(COOKIE)
    except Exception:  # no request (a bare script run): no cookie
        return None
    return found if isinstance(found, str) and _BROWSER_ID.fullmatch(found) else None


def address() -> str | None:
    """The client's address (None on localhost or when unknown): for per-address limits."""
    try:
        found = st.context.ip_address
    except Exception:
        return None
    return found if isinstance(found, str) and found else None


def session_id() -> str:
    """This browser's id: its cookie's, or a new one that `remember_browser` writes."""
    if SESSION not in st.session_state:
        st.session_state[SESSION] = _cookie() or secrets.token_urlsafe(24)
    return st.session_state[SESSION]


def remember_browser() -> None:
    """Write the browser id into a cookie once this session takes part (a reload then keeps
    the pseudonym, the runs and the teacher's rights). The id is ours: [A-Za-z0-9_-] only.
    Written on every run until the browser sends it back: a run cut short by a rerun may
    never reach the browser."""
    found = st.session_state.get(SESSION)
    if not found or _cookie() == found:
        return
    seconds = COOKIE_DAYS * 24 * 3600
    st.sidebar.html(
        f"<script>document.cookie = '{COOKIE}={found}; Path=/; Max-Age={seconds}; "
        "SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True)


def default_path() -> Path:
    """Per user: $XDG_DATA_HOME (or ~/.local/share)/d2l-linear-networks/classroom.sqlite3."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "d2l-linear-networks" / "classroom.sqlite3"


def sqlite_path() -> Path:
    configured = os.environ.get(ENV_DB, "").strip()
    if configured:
        return Path(configured)  # its folder must exist: a typo should not create one
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def sqlite_url() -> str:
    return f"sqlite:///{sqlite_path()}"


def _secrets() -> dict:
    """[connections.classroom] of .streamlit/secrets.toml: a `url`, or dialect/host/username."""
    try:
        return dict(st.secrets.get("connections", {}).get(CONNECTION) or {})
    except Exception:  # no secrets file, or one that does not parse: use SQLite
        return {}


def _configured() -> bool:
    return bool(_secrets())


def open_store() -> db.Store:
    """The room database, its schema made current; db.StoreError when that fails."""
    path = None
    try:
        if _configured():  # PostgreSQL for several replicas, say
            url = _secrets().get("url")
            conn = st.connection(CONNECTION, type="sql", pool_pre_ping=True,
                                 **({"url": url} if url else {}))
        else:
            url = sqlite_url()
            path = Path(url.removeprefix("sqlite:///").split("?")[0].removeprefix("file:"))
            conn = st.connection(CONNECTION, type="sql", url=url)
        store = db.Store(conn.engine, LIMITS)
        store.ensure_schema()
        return store
    except db.StoreError:
        raise
    except PermissionError as e:  # a folder that cannot be made (a read-only home)
        raise db.StoreError("unwritable", str(e)) from e
    except Exception as e:  # a missing driver, a bad URL, an unreadable path
        raise db.StoreError("missing" if path and not path.parent.is_dir() else "unavailable",
                            f"{type(e).__name__}: {e}") from e


def where() -> str:
    """Where the database is, for the server's log (never for a page)."""
    if _configured():
        return "secrets.toml [connections.classroom]"
    configured = os.environ.get(ENV_DB, "").strip()
    return configured or str(default_path())


def explain(e: Exception) -> str:
    """A plain message for a page; what only the server's operator needs goes to the log."""
    if isinstance(e, db.StoreError):
        log.warning("class database %s: %s (%s)", e.kind, e.detail, where())
        return t(f"cl.db.{e.kind}")
    if isinstance(e, db.Refused):
        lesson = ""
        if e.reason == "other_lesson":
            found = peek(lambda s: s.room(st.session_state.get(ROOM)))
            lesson = t(f"cl.lesson.{found.lesson}") if found else ""
        return t(f"cl.why.{e.reason}", lesson=lesson)
    if isinstance(e, Invalid):
        return t("cl.why.invalid", field=e.reason)
    log.exception("class experiment: unexpected failure")
    return t("cl.why.unexpected")


def attempt(fn, *args, **kwargs):
    """(fn(store, ...), None) or (None, the message saying why not): never raises."""
    try:
        return fn(open_store(), *args, **kwargs), None
    except Exception as e:  # a database failure, a refusal, or our own bug: said plainly
        return None, explain(e)


def _call(container, fn, *args, **kwargs):
    """fn(store, ...) or None, with any failure explained in `container`."""
    value, why = attempt(fn, *args, **kwargs)
    if why is not None:
        container.warning(why, icon=":material/block:")
    return value


def peek(fn):
    """fn(store), or None when the database or the rules say no (nothing is drawn)."""
    try:
        return fn(open_store())
    except (db.StoreError, db.Refused):
        return None


# ---- one read per room and refresh, shared by every watcher in this process ---------------

_SHARED: dict[str, tuple[int, float, object]] = {}   # code -> (version, time, (room, rows))
_VERSION: dict[str, int] = {}                          # bumped by every write of this process
_SHARED_LOCK = threading.Lock()


def changed(code: str) -> None:
    """A write to the room from this process: the next read is fresh."""
    with _SHARED_LOCK:
        _VERSION[code] = _VERSION.get(code, 0) + 1


def snapshot(code: str):
    """(Room, rows of its lesson) read at most once per SNAPSHOT_SECONDS for all watchers;
    StoreError as any read. Rows come without `mine`: see `mark_mine`."""
    now, key = time.monotonic(), f"{where()}|{code}"
    with _SHARED_LOCK:
        version = _VERSION.get(code, 0)
        found = _SHARED.get(key)
        if found and found[0] == version and now - found[1] < SNAPSHOT_SECONDS:
            return found[2]
    store = open_store()
    value = (store.room(code), store.rows(code))
    with _SHARED_LOCK:
        if len(_SHARED) > 256:  # rooms come and go: never more than this many kept
            _SHARED.clear()
        _SHARED[key] = (version, now, value)
    return value


def mark_mine(rows):
    """The rows with `mine` set on this browser's own."""
    me = db.session_hash(session_id()) if SESSION in st.session_state else None
    return [dataclasses.replace(r, mine=r.owner == me) for r in rows]


# ---- the sidebar: start a room, or join one from a link --------------------------------

def lesson_of(url_path: str) -> str:
    """The lesson a page teaches (the classifier by default)."""
    return next((k for k, v in LESSONS.items() if v.url_path == url_path), "classifier")


def room_link(code: str, lesson: str) -> str:
    return f"{share.base_url()}/{LESSONS[lesson].url_path}?{PARAM}={code}"


def _join_from_link(on_board: bool) -> None:
    raw = state.value(PARAM, global_=True)  # keeps ?room= in the URL on this page
    if not raw:
        return
    code = str(raw).strip().upper()
    if not db.valid_code(code):
        st.toast(t("cl.bad_link"), icon="⚠️")
        return
    if st.session_state.get(ROOM) == code and (on_board or MEMBER in st.session_state):
        return
    st.session_state[ROOM] = code
    st.session_state.pop(MEMBER, None)
    if on_board:  # the projector or a teacher's second browser: watch, do not join
        return
    member = _call(st, lambda s: s.join(code, session_id(), address()))
    if member is not None:
        st.session_state[MEMBER] = member


def sidebar(url_path: str) -> None:
    """The sidebar entry and, in a room, the banner at the top of the page; inside the error
    boundary: a failure here leaves a short message, and the lesson below is drawn."""
    try:
        _sidebar(url_path)
    except Exception:
        log.exception("class experiment: the sidebar failed")
        st.warning(t("cl.why.unexpected"), icon=":material/error:")


def _sidebar(url_path: str) -> None:
    on_board = url_path == "class-board"
    _join_from_link(on_board)
    code, member = st.session_state.get(ROOM), st.session_state.get(MEMBER)
    if on_board and code and st.query_params.get(PARAM) != code:
        st.query_params[PARAM] = code  # a reload of the board keeps its room
    remember_browser()
    if code and member is not None:
        st.caption(t("cl.banner", code=code, name=member.name(lang())))
    with st.sidebar.expander(t("cl.sidebar"), icon=":material/groups:"):
        st.caption(t("cl.sidebar_help"))
        teaches = st.session_state.get(TEACHES, {})
        if code in teaches:
            st.caption(t("cl.teaching", code=code))
        if code:
            st.page_link(BOARD_PAGE, label=t("cl.open_board"), icon=":material/leaderboard:")
            st.button(t("cl.leave"), key="_class.leave", icon=":material/logout:", on_click=leave)
        if st.button(t("cl.start"), key="_class.start", icon=":material/add_circle:"):
            start(lesson_of(url_path))


def leave() -> None:
    """Follow no room any more (the membership stays in the database until the room expires)."""
    for key in (ROOM, MEMBER):
        st.session_state.pop(key, None)
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def start(lesson: str) -> None:
    """Create a room taught by this session, then show its board."""
    created = _call(st.sidebar, lambda s: s.create_room(session_id(), lesson, address()))
    if created is None:
        return
    st.session_state[ROOM] = created.code
    st.session_state.pop(MEMBER, None)
    st.session_state.setdefault(TEACHES, {})[created.code] = created.token
    st.session_state[NEW_TOKEN] = (created.code, created.token)
    st.switch_page(BOARD_PAGE, query_params={PARAM: created.code})


# ---- the submit panel under a completed run --------------------------------------------

def _device_kind(name: str) -> str:
    return "cpu" if name == "CPU" else "cuda"


def offer_linreg(done) -> None:
    """The linear-regression page's last run (a core.linreg.Run), offered to the room."""
    if done is None or not st.session_state.get(ROOM):
        return
    cfg, records = done.cfg, done.records
    losses = [r.loss for r in records if r.kind == "epoch"]
    complete = records[-1].kind == "epoch" and len(losses) == cfg.num_epochs
    offer({"lesson": "linreg", "impl": done.impl, "lr": cfg.lr, "batch_size": cfg.batch_size,
           "epochs": cfg.num_epochs, "seed": done.spec.seed,
           "device": _device_kind(device_name()),
           "seconds_per_epoch": records[-1].seconds / max(cfg.num_epochs, 1),
           "train_loss": losses},
          complete)


def offer_classifier(result) -> None:
    """The softmax classifier page's last run (a classifier.Trained), offered to the room."""
    if result is None or not st.session_state.get(ROOM):
        return
    cfg, history = result.cfg, result.history
    offer({"lesson": "classifier", "impl": result.impl, "lr": cfg.lr,
           "batch_size": cfg.batch_size, "epochs": cfg.num_epochs, "seed": cfg.seed,
           "device": _device_kind(result.device),
           "seconds_per_epoch": sum(e.seconds for e in history) / max(len(history), 1),
           "train_loss": [e.train_loss for e in history],
           "train_acc": [e.train_acc for e in history],
           "test_acc": [e.test_acc for e in history]},
          len(history) == cfg.num_epochs and all(math.isfinite(e.train_loss) for e in history))


def fingerprint(raw: dict) -> str:
    """Which run a Submit button offers (its outcome is kept under this)."""
    return hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()[:16]


def submit(code: str, raw: dict) -> None:
    """The Submit click. A callback: it runs before the click's rerun, so a click is never
    dropped by a rerun that supersedes it; its outcome — "submitted" or the reason — is
    kept under the run's fingerprint and shown until another run is offered."""
    outcomes = st.session_state.setdefault(OUTCOME, {})
    key = fingerprint(raw)
    why = None
    if MEMBER not in st.session_state:  # a teacher trying their own room, say
        member, why = attempt(lambda s: s.join(code, session_id(), address()))
        if member is not None:
            st.session_state[MEMBER] = member
    if why is None:
        _, why = attempt(lambda s: s.submit(code, session_id(), raw))
    if why is None:
        changed(code)
    if len(outcomes) > 16:
        outcomes.clear()
    outcomes[key] = (why is None, t("cl.sent", code=code) if why is None else why)


@safe.fragment
def offer(raw: dict, complete: bool) -> None:
    """The Submit button, what became of it, and the room's board in small. A fragment of
    its own: a click redraws this panel only, never the lesson's training panel around it."""
    code = st.session_state.get(ROOM)
    if not code:
        return
    box = st.container(border=True)
    if not complete:
        box.caption(t("cl.not_complete"))
        return
    box.button(t("cl.submit"), key=f"_class.submit.{raw['lesson']}", type="primary",
               icon=":material/send:", help=t("cl.submit_help", code=code),
               on_click=submit, args=(code, raw))
    found = st.session_state.get(OUTCOME, {}).get(fingerprint(raw))
    if found is not None:
        ok, message = found
        if ok:
            box.success(message, icon=":material/check_circle:")
        else:
            box.warning(message, icon=":material/block:")
    small_board(box, code)


def small_board(container, code: str) -> None:
    try:
        room, rows = snapshot(code)
    except Exception:  # said by the Submit outcome or the board; the small chart is extra
        return
    if not rows or room is None:
        return
    board = summarize(mark_mine(rows), room.lesson, lang())
    container.caption(t("cl.small_board", code=code, runs=len(board.points)))
    show(charts.scatter(board, titles(board), height=220), container=container, export=False)


def titles(board) -> dict[str, str]:
    """The charts' words in the session's language."""
    return {"metric": t(f"cl.metric.{board.metric}"), "lr": t("cl.lr"), "batch": t("cl.batch"),
            "epochs": t("cl.epochs"), "epoch": t("cl.epoch"), "book": t("cl.book"),
            "you": t("cl.you"), "who": t("cl.who"), "count": t("cl.count"),
            "log_loss": t("cl.log_loss")}


# ---- the board page ---------------------------------------------------------------------

def _big(chart):
    """Type readable from the back row."""
    return chart.configure_axis(labelFontSize=20, titleFontSize=24).configure_legend(
        labelFontSize=18, titleFontSize=20)


def teaches(code: str) -> bool:
    """Does this browser control the room: it started it (its cookie's id, so a reload keeps
    the rights), or a token was typed in this session?"""
    if code in st.session_state.get(TEACHES, {}):
        return True
    if SESSION not in st.session_state and _cookie() is None:
        return False  # a browser never seen before cannot have started it
    if peek(lambda s: s.is_teacher(code, session_id())):
        st.session_state.setdefault(TEACHES, {})[code] = ""
        return True
    return False


def _token(code: str) -> str:
    return st.session_state.get(TEACHES, {}).get(code, "")


def _health(teacher: bool) -> None:
    """What the board says about the database beyond the room's counts: a lock or a
    read-only file (a submission would fail now), the last write that failed (a full disk)."""
    if not teacher:
        return
    _, why = attempt(lambda s: s.check_writable())
    if why is not None:
        st.warning(why, icon=":material/database:")
        return
    health = peek(lambda s: s.health())
    if health is not None:
        st.warning(t("cl.health", seconds=max(0, round(time.time() - health.at)),
                     reason=t(f"cl.db.{health.kind}")), icon=":material/database:")


def live_board(code: str, big: bool, teacher: bool = False) -> None:
    """Counts and charts of the room, redrawn without a page reload: every REFRESH_SECONDS
    on the teacher's board (the projector), every WATCH_SECONDS on anyone else's (students'
    phones: 200 of them would cost the server several cores at the teacher's pace)."""
    (_teacher_board if teacher else _watched_board)(code, big, teacher)


@safe.fragment(run_every=REFRESH_SECONDS)
def _teacher_board(code: str, big: bool, teacher: bool) -> None:
    _board(code, big, teacher)


@safe.fragment(run_every=WATCH_SECONDS)
def _watched_board(code: str, big: bool, teacher: bool) -> None:
    _board(code, big, teacher)


def _board(code: str, big: bool, teacher: bool) -> None:
    """The board, from one read shared by every watcher; the teacher's also says when
    submissions would fail or have failed (a locked, read-only or full database)."""
    try:
        room, rows = snapshot(code)
    except Exception as e:  # a moved or deleted file, a lock: the board says so
        st.warning(explain(e), icon=":material/database:")
        return
    if room is None:
        st.warning(t("cl.why.no_room"), icon=":material/block:")
        return
    _health(teacher)
    board, specs = board_view(room, rows, big)
    a, b, c, d = st.columns(4)
    a.metric(t("cl.joined"), room.members)
    b.metric(t("cl.submitted"), room.submitted)
    c.metric(t("cl.runs"), len(board.points))
    d.metric(t("cl.status"), t(f"cl.status.{room.status}"))
    if not board.points:
        st.info(t("cl.empty"), icon=":material/hourglass_empty:")
        return
    scatter, spread, extremes = (_fresh(spec) for spec in specs)
    st.subheader(t(f"cl.scatter_title.{board.metric}"))
    st.vega_lite_chart(spec=scatter, width="stretch")
    left, right = st.columns(2)
    with left:
        st.subheader(t("cl.distribution"))
        st.vega_lite_chart(spec=spread, width="stretch")
        st.caption(t("cl.median", metric=titles(board)["metric"], value=f"{board.median:.4g}"))
    with right:
        st.subheader(t("cl.best_worst"))
        st.vega_lite_chart(spec=extremes, width="stretch")


_VIEWS: dict[tuple, tuple] = {}   # (read id, room, lang, big, lecture, mine) -> (rows, view)


def _fresh(spec: dict) -> dict:
    """A copy Streamlit may take apart (it moves the data sets out of the spec it is given)."""
    return {**spec, "datasets": dict(spec.get("datasets", {}))}


def board_view(room, rows, big: bool):
    """The board's figures and its three charts' Vega-Lite specs (data sets as Arrow bytes),
    built once per shared read, language, size and set of own runs: 200 phones watching a
    room cost one build per refresh, not 200."""
    from streamlit import dataframe_util

    shared, rows = rows, mark_mine(rows)
    mine = frozenset(r.id for r in rows if r.mine)
    key = (id(shared), room, lang(), big, lesson.lecture(), mine)
    with _SHARED_LOCK:
        found = _VIEWS.get(key)
    if found is not None and found[0] is shared:  # the same read (an id is reused only later)
        return found[1]
    board = summarize(rows, room.lesson, lang())
    specs = ()
    if board.points:
        words = titles(board)
        scatter = charts.scatter(board, words, height=520 if big else 320, big=big)
        labels = tuple(t(f"cl.{which}", name=p.name if p else "", lr=f"{p.lr:g}" if p else "",
                         bs=p.batch_size if p else "")
                       for which, p in (("best", board.best), ("worst", board.worst)))
        specs = []
        for chart in (_big(scatter) if big else scatter, charts.distribution(board, words),
                      charts.best_and_worst(board, labels, words)):
            spec = vega_spec(styled(chart, lesson.lecture()))
            spec["datasets"] = {name: dataframe_util.convert_anything_to_arrow_bytes(data)
                                for name, data in spec.get("datasets", {}).items()}
            specs.append(spec)
    view = (board, tuple(specs))
    with _SHARED_LOCK:
        if len(_VIEWS) > 64:
            _VIEWS.clear()
        _VIEWS[key] = (shared, view)
    return view


def join_panel(code: str, lesson_key: str) -> None:
    """The link and a large QR code for the students' phones (never the teacher token)."""
    link = room_link(code, lesson_key)
    st.subheader(t("cl.join"))
    st.image(share.qr_png(link), width="stretch", alt=t("cl.qr_alt", url=link))
    st.code(link, language=None, wrap_lines=True)


def token_panel(code: str) -> None:
    """The teacher token, kept off the projected screen: a file to download, or shown on
    this screen only when the teacher presses for it (until the next action)."""
    token = _token(code)
    if not token:  # a reload: this browser's cookie keeps the rights; the token is not kept
        st.caption(t("cl.token_kept"))
        return
    st.caption(t("cl.token"))
    st.download_button(t("cl.token_download"), f"{t('cl.token_file', code=code)}\n{token}\n",
                       f"teacher_token_{code}.txt", "text/plain", key="_class.token_file",
                       icon=":material/key:", on_click="ignore")
    if st.button(t("cl.token_show"), key="_class.token_show", icon=":material/visibility:"):
        st.code(token, language=None)


def take_control(code: str) -> None:
    """Another browser of the teacher's: the token makes it a teacher of the room."""
    with st.expander(t("cl.token_enter"), icon=":material/key:"):
        token = st.text_input(t("cl.token_input"), type="password", max_chars=64,
                              key="_class.token_input")
        if st.button(t("cl.token_check"), key="_class.token_check") and token:
            if _call(st, lambda s: s.is_teacher(code, session_id(), token, remember=True)):
                st.session_state.setdefault(TEACHES, {})[code] = token
                st.rerun()
            else:
                st.warning(t("cl.token_wrong"))


def lesson_key(code: str) -> str:
    return f"_class.lesson.{code}"


def act(code: str, action: str, value=None) -> None:
    """A teacher's action, as a callback: what the control said when it was clicked is what
    is written (the last write wins, and says so); the run that follows redraws every control
    from the room's state."""
    token, me = _token(code), session_id()
    if action == "lesson":
        value = st.session_state.get(lesson_key(code))
    calls = {"lesson": lambda s: s.set_lesson(code, me, value, token),
             "status": lambda s: s.set_status(code, me, value, token),
             "clear": lambda s: s.clear(code, me, token),
             "remove": lambda s: s.remove_members(code, me, value, token)}
    fn = calls[action]
    _, why = attempt(fn)
    if why is None:
        changed(code)
        done = t(f"cl.done.{action}", what=t(f"cl.lesson.{value}") if action == "lesson"
                 else t(f"cl.status.{value}") if action == "status"
                 else len(value) if action == "remove" else "")
    st.session_state[ACTED] = (why is None, done if why is None else why)


def members_panel(code: str) -> None:
    """Who joined, flood first (many members behind one address, many runs): the teacher
    removes them, with their runs; their browsers cannot join this room again."""
    found, why = attempt(lambda s: s.members(code, session_id(), _token(code)))
    if why is not None:
        st.caption(why)
        return
    found = sorted(found, key=lambda m: (-m.same_address, -m.runs, -m.id))
    with st.popover(t("cl.members", count=len(found)), icon=":material/group:"):
        if not found:
            st.caption(t("cl.members_none"))
            return
        words = {str(m.id): t("cl.member_line", name=m.member.name(lang()), runs=m.runs,
                              same=m.same_address) for m in found}
        picked = st.multiselect(t("cl.remove_pick"), list(words), format_func=words.get,
                                key=f"_class.remove_pick.{code}")
        st.button(t("cl.remove"), key="_class.remove", icon=":material/person_remove:",
                  disabled=not picked, on_click=act, args=(code, "remove", tuple(picked)))


def controls(code: str) -> None:
    """Lesson, pause/resume, clear, close, members, the token and the CSV: the teacher's
    only. Each control is drawn from the room's current state after every action."""
    room = _call(st, lambda s: s.room(code))
    if room is None:
        return
    acted = st.session_state.pop(ACTED, None)
    if acted is not None:
        (st.success if acted[0] else st.warning)(acted[1])
    st.session_state[lesson_key(code)] = room.lesson  # another teacher's switch shows here
    st.segmented_control(t("cl.lesson_pick"), list(LESSONS),
                         format_func=lambda k: t(f"cl.lesson.{k}"), key=lesson_key(code),
                         required=True, on_change=act, args=(code, "lesson"))
    if room.status == "open":
        st.button(t("cl.pause"), key="_class.pause", icon=":material/pause:",
                  on_click=act, args=(code, "status", "paused"))
    elif room.status == "paused":
        st.button(t("cl.resume"), key="_class.pause", icon=":material/play_arrow:",
                  on_click=act, args=(code, "status", "open"))
    with st.popover(t("cl.clear"), icon=":material/delete_sweep:"):
        st.button(t("cl.clear_confirm"), key="_class.clear", type="primary",
                  on_click=act, args=(code, "clear"))
    if room.status != "closed":
        with st.popover(t("cl.close"), icon=":material/lock:"):
            st.button(t("cl.close_confirm"), key="_class.close", type="primary",
                      on_click=act, args=(code, "status", "closed"))
    members_panel(code)

    def csv() -> str:  # every run of the room, of every lesson it was about
        return to_csv(peek(lambda s: s.rows(code, every_lesson=True)) or [], lang())

    st.download_button(t("cl.csv"), csv, f"class_{code}.csv", "text/csv", key="_class.csv",
                       icon=":material/download:", on_click="ignore")
    notebook.board_button(code, room.lesson, LESSONS[room.lesson].book, csv)  # its scatter
    token_panel(code)
    hours = round((room.expires_at - room.created_at) / 3600)
    st.caption(t("cl.expires", hours=hours))
    if not _configured():
        st.caption(t("cl.sqlite_note"))
