"""The class experiment in the app: the database connection, joining, the submit panel.

Every call into the database goes through `_call`, which turns a database failure or a
refusal into a message drawn in the page: a lesson page never fails because of the room.
The session's keys are named here and nowhere else.
"""

import math
import os
import secrets
from pathlib import Path

import streamlit as st

from classroom import store as db
from classroom.board import summarize, to_csv
from classroom.submission import LESSONS, Invalid
from core.device import device_name
from ui import keys, notebook, share, state
from ui.charts import classroom as charts
from ui.charts import show
from ui.i18n import lang, t

CONNECTION = "classroom"       # st.connection name, and [connections.classroom] in secrets.toml
ENV_DB = "D2L_CLASSROOM_DB"    # the SQLite file, when no URL is configured
BOARD_PAGE = "pages/class_board.py"
PARAM = keys.ROOM              # the link's room parameter
REFRESH_SECONDS = 2.0          # the board redraws itself this often
LIMITS = db.Limits()           # caps, rate limit, expiry (24 h), SQLite's busy timeout

SESSION, ROOM, MEMBER = keys.CLASS_SESSION, keys.CLASS_ROOM, keys.CLASS_MEMBER
TEACHES, NEW_TOKEN = keys.CLASS_TEACHES, keys.CLASS_NEW_TOKEN


def session_id() -> str:
    if SESSION not in st.session_state:
        st.session_state[SESSION] = secrets.token_urlsafe(24)
    return st.session_state[SESSION]


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
    except Exception as e:  # a missing driver, a bad URL, an unreadable path
        raise db.StoreError("missing" if path and not path.parent.is_dir() else "unavailable",
                            type(e).__name__) from e


def where() -> str:
    return "secrets.toml [connections.classroom]" if _configured() else str(sqlite_path())


def _call(container, fn, *args, **kwargs):
    """fn(store, ...) or None, with any failure explained in `container`."""
    try:
        return fn(open_store(), *args, **kwargs)
    except db.StoreError as e:
        container.warning(t(f"cl.db.{e.kind}", detail=e.detail[:120], where=where()),
                          icon=":material/database:")
    except db.Refused as e:
        room = st.session_state.get(ROOM)
        lesson = ""
        if e.reason == "other_lesson":
            found = peek(lambda s: s.room(room))
            lesson = t(f"cl.lesson.{found.lesson}") if found else ""
        container.warning(t(f"cl.why.{e.reason}", lesson=lesson), icon=":material/block:")
    except Invalid as e:
        container.warning(t("cl.why.invalid", field=e.reason), icon=":material/block:")
    return None


def peek(fn):
    """fn(store), or None when the database or the rules say no (nothing is drawn)."""
    try:
        return fn(open_store())
    except (db.StoreError, db.Refused):
        return None


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
    member = _call(st, lambda s: s.join(code, session_id()))
    if member is not None:
        st.session_state[MEMBER] = member


def sidebar(url_path: str) -> None:
    """The sidebar entry and, in a room, the banner at the top of the page."""
    _join_from_link(on_board=url_path == "class-board")
    code, member = st.session_state.get(ROOM), st.session_state.get(MEMBER)
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
    created = _call(st.sidebar, lambda s: s.create_room(session_id(), lesson))
    if created is None:
        return
    st.session_state[ROOM] = created.code
    st.session_state.pop(MEMBER, None)
    st.session_state.setdefault(TEACHES, {})[created.code] = ""
    st.session_state[NEW_TOKEN] = (created.code, created.token)
    st.switch_page(BOARD_PAGE)


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
    cfg, history = result.config, result.history
    offer({"lesson": "classifier", "impl": result.impl, "lr": cfg.lr,
           "batch_size": cfg.batch_size, "epochs": cfg.num_epochs, "seed": cfg.seed,
           "device": _device_kind(result.device),
           "seconds_per_epoch": sum(e.seconds for e in history) / max(len(history), 1),
           "train_loss": [e.train_loss for e in history],
           "train_acc": [e.train_acc for e in history],
           "test_acc": [e.test_acc for e in history]},
          len(history) == cfg.num_epochs and all(math.isfinite(e.train_loss) for e in history))


@st.fragment
def offer(raw: dict, complete: bool) -> None:
    """The Submit button, what became of it, and the room's board in small. A fragment of
    its own: a click redraws this panel only, never the lesson's training panel around it."""
    code = st.session_state[ROOM]
    box = st.container(border=True)
    if not complete:
        box.caption(t("cl.not_complete"))
        return
    if box.button(t("cl.submit"), key=f"_class.submit.{raw['lesson']}", type="primary",
                  icon=":material/send:", help=t("cl.submit_help", code=code)):
        if MEMBER not in st.session_state:  # a teacher trying their own room, say
            member = _call(box, lambda s: s.join(code, session_id()))
            if member is not None:
                st.session_state[MEMBER] = member
        if _call(box, lambda s: s.submit(code, session_id(), raw)) is not None:
            box.success(t("cl.sent", code=code), icon=":material/check_circle:")
    small_board(box, code)


def small_board(container, code: str) -> None:
    rows = peek(lambda s: s.rows(code, session_id()))
    room = peek(lambda s: s.room(code))
    if not rows or room is None:
        return
    board = summarize(rows, room.lesson, lang())
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
    return code in st.session_state.get(TEACHES, {})


def _token(code: str) -> str:
    return st.session_state.get(TEACHES, {}).get(code, "")


@st.fragment(run_every=REFRESH_SECONDS)
def live_board(code: str, big: bool, teacher: bool = False) -> None:
    """Counts and charts of the room, redrawn every few seconds without a page reload;
    the teacher's also says when submissions would fail now (a locked or read-only file)."""
    room = _call(st, lambda s: s.room(code))
    if room is None:
        return
    if teacher:
        _call(st, lambda s: s.check_writable())
    rows = peek(lambda s: s.rows(code, session_id())) or []
    board = summarize(rows, room.lesson, lang())
    a, b, c, d = st.columns(4)
    a.metric(t("cl.joined"), room.members)
    b.metric(t("cl.submitted"), room.submitted)
    c.metric(t("cl.runs"), len(board.points))
    d.metric(t("cl.status"), t(f"cl.status.{room.status}"))
    if not board.points:
        st.info(t("cl.empty"), icon=":material/hourglass_empty:")
        return
    words = titles(board)
    st.subheader(t(f"cl.scatter_title.{board.metric}"))
    scatter = charts.scatter(board, words, height=520 if big else 320, big=big)
    show(_big(scatter) if big else scatter, container=st, export=False)
    left, right = st.columns(2)
    with left:
        st.subheader(t("cl.distribution"))
        show(charts.distribution(board, words), export=False)
        st.caption(t("cl.median", metric=words["metric"], value=f"{board.median:.4g}"))
    with right:
        st.subheader(t("cl.best_worst"))
        labels = tuple(t(f"cl.{which}", name=p.name if p else "", lr=f"{p.lr:g}" if p else "",
                         bs=p.batch_size if p else "")
                       for which, p in (("best", board.best), ("worst", board.worst)))
        show(charts.best_and_worst(board, labels, words), export=False)


def join_panel(code: str, lesson_key: str) -> None:
    """The link and a large QR code for the students' phones."""
    link = room_link(code, lesson_key)
    st.subheader(t("cl.join"))
    st.image(share.qr_png(link), width="stretch", alt=t("cl.qr_alt", url=link))
    st.code(link, language=None, wrap_lines=True)


def token_once(code: str) -> None:
    """The teacher token of a room this session has just started, until noted."""
    found = st.session_state.get(NEW_TOKEN)
    if not found or found[0] != code:
        return
    with st.container(border=True):
        st.markdown(t("cl.token"))
        st.code(found[1], language=None)
        if st.button(t("cl.token_done"), key="_class.token_done"):
            del st.session_state[NEW_TOKEN]
            st.rerun()


def take_control(code: str) -> None:
    """Another browser of the teacher's: the token makes it a teacher of the room."""
    with st.expander(t("cl.token_enter"), icon=":material/key:"):
        token = st.text_input(t("cl.token_input"), type="password", max_chars=64,
                              key="_class.token_input")
        if st.button(t("cl.token_check"), key="_class.token_check") and token:
            if _call(st, lambda s: s.is_teacher(code, session_id(), token)):
                st.session_state.setdefault(TEACHES, {})[code] = token
                st.rerun()
            else:
                st.warning(t("cl.token_wrong"))


def act(fn) -> None:
    """A teacher's action: redraw at once when it worked, else keep the message in view."""
    if _call(st, lambda s: fn(s) or True):
        st.rerun()


def controls(code: str) -> None:
    """Lesson, pause/resume, clear, close and the CSV: the teacher's only."""
    room = _call(st, lambda s: s.room(code))
    if room is None:
        return
    token = _token(code)
    keys = list(LESSONS)
    picked = st.segmented_control(t("cl.lesson_pick"), keys, default=room.lesson,
                                  format_func=lambda k: t(f"cl.lesson.{k}"),
                                  key=f"_class.lesson.{code}", required=True)
    if picked and picked != room.lesson:
        act(lambda s: s.set_lesson(code, session_id(), picked, token))
    if room.status != "closed":
        paused = room.status == "paused"
        if st.button(t("cl.resume" if paused else "cl.pause"), key="_class.pause",
                    icon=":material/play_arrow:" if paused else ":material/pause:"):
            act(lambda s: s.set_status(code, session_id(), "open" if paused else "paused", token))
    with st.popover(t("cl.clear"), icon=":material/delete_sweep:"):
        if st.button(t("cl.clear_confirm"), key="_class.clear", type="primary"):
            act(lambda s: s.clear(code, session_id(), token))
    if room.status != "closed":
        with st.popover(t("cl.close"), icon=":material/lock:"):
            if st.button(t("cl.close_confirm"), key="_class.close", type="primary"):
                act(lambda s: s.set_status(code, session_id(), "closed", token))

    def csv() -> str:
        return to_csv(peek(lambda s: s.rows(code)) or [], lang())

    st.download_button(t("cl.csv"), csv, f"class_{code}.csv", "text/csv", key="_class.csv",
                      icon=":material/download:", on_click="ignore")
    notebook.board_button(code, room.lesson, LESSONS[room.lesson].book, csv)  # its scatter
    hours = round((room.expires_at - room.created_at) / 3600)
    st.caption(t("cl.expires", hours=hours))
