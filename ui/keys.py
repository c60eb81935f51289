"""Every st.session_state key the app uses, named once: grep this module to see them all.

Widget keys are built by `widget` (a page's setting) and `setting` (the sidebar's, shared
by every page); everything else is a constant below, grouped by the module that owns it.
"""

import zlib

from ui import params

# ---- the sidebar's settings, shared by every page (ui.sidebar; kept in the URL) ------------
LANG = "g.lang"
SEED = "g.seed"
LECTURE = "g.lecture"
WHOLE = "g.all"       # every section of a page at once (the normal view shows one at a time)


def selector(key: str) -> str:
    """The CSS class Streamlit gives the element keyed `key` (its dots become dashes)."""
    return ".st-key-" + key.replace(".", "-")


def setting(name: str) -> str:
    """The key of a sidebar setting kept in the URL as `name`."""
    return f"g.{name}"


def widget(page: str, name: str) -> str:
    """The key of page `page`'s setting kept in the URL as `name`."""
    return f"{page}.{name}"


# ---- the link: every URL parameter a page may write (declared in ui.params) ----------------
# Declared, not learnt as pages happen to draw them, so that a section the page hides
# (one section at a time: ui.lesson.paged) keeps its setting in the share link even on a fresh
# server; ui.share keeps only these.
STEP = "step"   # the current section, counted from 1 (ui.lesson)
ROOM = "room"   # the class experiment's room code (ui.classroom)
LINK_PARAMS = params.NAMES


def linked(name: str) -> bool:
    """Is `name` a URL parameter of this app (declared in ui.params, mu1 … mu4 included)?"""
    return name in LINK_PARAMS


# ---- ui.state: the URL ---------------------------------------------------------------------
URL_PAGE = "_url.page"        # the page being drawn
URL_SEEN = "_url.seen"        # names registered during this run
URL_DRAWN = "_url.drawn"      # names whose widget was drawn during this run
URL_KNOWN = "_url.known"      # names any page registered this session
URL_NOTICES = "_url.notices"  # notices to show at the end of this run


def kept(key: str) -> str:
    """A widget's last value, restored when its page is opened again."""
    return f"_keep.{key}"


def link_text(key: str) -> str:
    """A widget's text in the link (None at its default), kept while the widget is hidden."""
    return f"_text.{key}"


# ---- ui.lesson, ui.charts, ui.share, ui.uploads --------------------------------------------
LESSON_COUNT = "_lesson.count"   # sections met in this run
LESSON_BACK = "_lesson.back"
LESSON_NEXT = "_lesson.next"
LESSON_NAV = "_lesson.nav"       # the Back/Next bar, fixed at the bottom in lecture mode
LESSON_BAR = "_lesson.bar"       # the bar's slot, above the first section (a place that stays)
PAGE_SCRIPTS = "_page.scripts"   # the page's scripts (ui.style), out of the layout: no gap
LESSON_TITLES = "_lesson.titles"  # the titles of the sections met in this run
LESSON_TOP = "_lesson.top"        # the slot above the first section, for the contents
LESSON_PICK = "_lesson.pick"      # the contents: a section picked by its title
LESSON_PREV = "_lesson.prev"      # the buttons under a section in the normal view (the
LESSON_FOLLOW = "_lesson.follow"  # clicker's keys press only LESSON_BACK / LESSON_NEXT)
LESSON_SCROLL = "_lesson.scroll"  # set by a move from the bottom: bring the new section up
LESSON_LANDING = "_lesson.landing"  # the page's first run, from a link naming no section
LESSON_CONTROL = "_lesson.control"  # a room's link landed: bring its Train button into view
LESSON_PLACE = "_lesson.place"    # (page, section) last shown one at a time: the whole page
                                  # opens scrolled there


LESSON_CODE = "_lesson.code."   # + a checksum of a code panel's title and functions
LESSON_REVEAL = "_lesson.reveal."  # + a checksum of what an expander's text is about


def code_panel(title: str, names: str) -> str:
    """The key of the code panel (an expander) showing the functions `names` under `title`."""
    return f"{LESSON_CODE}{zlib.crc32(f'{title}|{names}'.encode()):08x}"


def reveal(about: str) -> str:
    """The key of the expander revealing what is `about` this text (an exercise's question,
    a step's reason)."""
    return f"{LESSON_REVEAL}{zlib.crc32(about.encode()):08x}"


def lesson_step(page: str) -> str:
    """The section shown on `page` (one at a time: ui.lesson.paged)."""
    return f"_lesson.step.{page}"


CHARTS_COUNT = "_charts.count"   # charts drawn in this run: unique export-button keys
SHARE_DRAWN = "_share.drawn"     # (url_path, link) the sidebar's share popover shows
NOTEBOOK_DOWNLOAD = "_notebook.download"  # “Continue in Jupyter” (ui.notebook)
NOTEBOOK_BOARD = "_notebook.board"  # the class board as a notebook (ui.notebook)
UPLOAD = "_upload.prepared"      # the latest uploaded picture, prepared once (ui.uploads.Kept)

# ---- pages: results a session keeps -------------------------------------------------------
LR_RESULT = "linear-regression.result"  # the last finished regression run
LR_TRAIN = "linear-regression.train"
LR_RUNNING = "linear-regression.running"  # the run this session follows (a Watching), until it ends
LR_RUN_NOTE = "linear-regression.run_note"  # the last run failed or was stopped, or was the room's
LR_STOP = "linear-regression.stop"        # its Stop button
LR_VECTOR = "linear-regression.vector"
LR_REPLAY = "linear-regression.replay"      # the replay slider: the step shown (not in the URL)
LR_PLAY = "linear-regression.play"
LR_SPEED = "linear-regression.speed"
LR_SGD_STEP = "linear-regression.sgd_step"  # the "one SGD step" button
SO_LAST_GOOD = "softmax-overflow.last_good"  # the last logits that parsed
SC_RESULT = "sc.result"             # the last completed classifier run (classifier.Trained)
SC_BOOK_RESULT = "sc.book_epoch"    # the last book-vs-ours epoch (pipeline_timing.Comparison)
SC_BOOK_RUN = "sc.book_run"
SC_BOOK_PENDING = "sc.book_pending"  # (seed, core.queue.Job) of the book's epoch in the queue
SC_BOOK_STOP = "sc.book_stop"
SC_BOOK_ERROR = "sc.book_error"      # why the last book's epoch could not run (or None)
SC_TRAIN = "sc.train"
SC_REPLAY = "sc.replay"             # the replay slider: the epoch shown (not in the URL)
SC_PLAY = "sc.play"
SC_SPEED = "sc.speed"
SC_RUNNING = "sc.running"           # the run this session follows (a Watching), until it ends
FOLLOWED_RUNS = ("sc.running", "sc.book_pending", "linear-regression.running")     # session keys of runs followed in the queue (tests wait)
SC_RUN_NOTE = "sc.run_note"         # (string key, field): the last run failed, or was the room's
SC_STOP = "sc.stop"                 # its Stop button
SC_STOPPED = "sc.stopped"           # the last run, when it was stopped (classifier.Stopped)
SC_FAILED = "sc.failed"             # the last run, when it failed (classifier.Diverged)
SC_UPLOAD = "sc.upload"
SC_DL_WEIGHTS = "sc.dl_weights"
SC_DL_CSV = "sc.dl_csv"
SC_PICK = widget("softmax-classifier", "pick")  # the inspected test image (ui.state's select)


def sc_grid(pick: int) -> str:
    """The clickable grid's key: a new grid, with no selection, after each pick."""
    return f"sc.grid.{pick}"


# ---- the class experiment (ui.classroom) -------------------------------------------------
CLASS_SESSION = "_class.session"      # a random id: the database knows only its hash
CLASS_ROOM = "_class.room"            # the room this session follows (as a student or teacher)
CLASS_MEMBER = "_class.member"        # this session's pseudonym in CLASS_ROOM: db.Member
CLASS_TEACHES = "_class.teaches"      # {code: token or ""} of the rooms this session controls
CLASS_NEW_TOKEN = "_class.new_token"  # (code, teacher token) of the room this session started
CLASS_OUTCOME = "_class.outcome"      # {run fingerprint: (ok, message)}: what became of a Submit
CLASS_ACTED = "_class.acted"          # (ok, message) of the teacher's last action, until redrawn
