"""The shape of a lesson page: sections, a key idea, code panels, exercises, lecture mode.

Pages write
    if lesson.section(title_of_section_1):
        ...draw section 1...
In the normal view every section is drawn. In lecture mode (a sidebar toggle kept in the
URL) only the current section is drawn, and the router's `ui.frame.page_run()` adds Back/Next,
fixed at the bottom of the screen (ui/style.py), which a clicker's keys press. The current
section is kept in the link as `step=N`, so a lecture reopens where it stopped.
"""

import inspect

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ui import keys
from ui.i18n import t
from ui.safe import fragment, literal, literal_frame

_COUNT = keys.LESSON_COUNT
STEP = keys.STEP  # the URL parameter of the current section, counted from 1


def lecture() -> bool:
    """Is the presenter view on?"""
    return bool(st.session_state.get(keys.LECTURE, False))


def begin() -> None:
    """ui.frame.page_run() calls this before each page run."""
    st.session_state[_COUNT] = 0


def _step_in_link() -> int:
    """The section the link names (0-based); 0 when it names none or something odd."""
    raw = st.query_params.get(STEP, "")
    return int(raw) - 1 if raw.isdigit() and 0 < int(raw) <= 999 else 0


def _step() -> int:
    """This page's current section; a link opened in lecture mode starts at its `step`.
    (Read when the first section is met: the page is known only after st.navigation.)"""
    key = _step_key()
    if key not in st.session_state:
        st.session_state[key] = _step_in_link() if lecture() else 0
    return st.session_state[key]


def _step_key() -> str:
    return keys.lesson_step(st.session_state.get(keys.URL_PAGE, ""))


def section(title: str) -> bool:
    """Start a section with a header; False when lecture mode hides it."""
    index = st.session_state.get(_COUNT, 0)
    st.session_state[_COUNT] = index + 1
    if lecture() and index != _step():
        return False
    st.header(title, divider="gray")
    return True


def table(frame, *, formats: str | dict | None = None, hide_index: bool | None = None,
          container=st):
    """A small table drawn as HTML (st.table): large type in lecture mode, no scrollbars, and
    light to draw. st.dataframe's grid costs 0.4 s of the browser's time on the first one
    of a page (scripts/bench_browser.py); these tables have at most a dozen rows.

    `frame` is a DataFrame: its text is shown literally (ui.safe.literal_frame) and its
    numbers stay numbers, formatted by `formats` ("{:.4f}" for every float column, or a
    column → format dict). A Styler is drawn as it is: its strings must already be literal.
    """
    if isinstance(frame, Styler):
        return container.table(frame, hide_index=hide_index)
    shown = literal_frame(frame)
    if formats is not None:
        if isinstance(formats, str):
            numeric = [c for c, (_, col) in zip(shown.columns, frame.items(), strict=True)
                       if pd.api.types.is_float_dtype(col)]
            shown = shown.style.format(formats, subset=numeric)
        else:
            shown = shown.style.format({literal(c): f for c, f in formats.items()})
    return container.table(shown, hide_index=hide_index)


def key_idea(text: str) -> None:
    """The one sentence to remember, at the top of a page."""
    st.info(text, icon="💡")


def show_code(*objects, title: str = "Code") -> None:
    """The source of the `core` functions that run, folded away in lecture mode."""
    if lecture():
        return
    names = ".".join(f"{obj.__module__}.{obj.__qualname__}" for obj in objects)
    _code_panel(objects, title, keys.code_panel(title, names))


@fragment  # st.fragment inside the error boundary (ui.safe)
def _code_panel(objects: tuple, title: str, key: str) -> None:
    """Closed, the expander holds nothing: highlighting the code cost ~0.3 s of the browser's
    time on every page open. Opening it reruns only this panel, which then draws the code."""
    box = st.expander(title, key=key, on_change="rerun")
    if box.open:
        for obj in objects:
            box.code(inspect.getsource(obj), language="python")


def exercises(title: str, items: list[tuple[str, str]], reveal: str) -> None:
    """Questions from the book's exercises, each with an answer the student can reveal."""
    if not section(title):
        return
    for number, (question, answer) in enumerate(items, 1):
        st.markdown(f"**{number}.** {question}")
        revealed(reveal, answer, about=question)  # an answer quoting the student's numbers
        # changes with them: keyed by its question, it stays open meanwhile


def revealed(label: str, text: str, about: str | None = None) -> None:
    """An expander `label` that shows the Markdown `text` when opened (an answer, a reason);
    its key comes from `about` (else the text), so it stays open while that stays the same."""
    _revealed(label, text, keys.reveal(about or text))


@fragment
def _revealed(label: str, text: str, key: str) -> None:
    """Closed, the expander holds nothing (an answer's formulas and text cost the browser
    time on every page open); opening it reruns only this fragment, which draws the text."""
    box = st.expander(label, key=key, on_change="rerun")
    if box.open:
        box.markdown(text)


def finish() -> None:
    """In lecture mode: Back / Next under the current section."""
    if not lecture():
        return
    count = st.session_state.get(_COUNT, 0)
    if count == 0:
        return
    key = _step_key()
    step = min(_step(), count - 1)
    st.session_state[key] = step
    if st.query_params.get(STEP) != str(step + 1):
        st.query_params[STEP] = str(step + 1)
    back, where, forward = st.container(key=keys.LESSON_NAV).columns(
        [1, 2, 1], vertical_alignment="center")
    back.button("◀", key=keys.LESSON_BACK, disabled=step == 0, width="stretch",
                on_click=_move, args=(key, -1))
    where.markdown(f"<div style='text-align:center'>{step + 1} / {count}<br><small "
                   f"style='color:#555;font-size:0.75em'>{t('lesson.keys')}</small></div>",
                   unsafe_allow_html=True)  # fixed text only: no user input
    forward.button("▶", key=keys.LESSON_NEXT, disabled=step >= count - 1, width="stretch",
                   on_click=_move, args=(key, +1))
    if step > 0:  # the page's introduction stays above: bring the section to the top
        st.html(f"<script>/* step {step} */ setTimeout(() => document.querySelector("
                "'[data-testid=\"stMain\"] h2')?.scrollIntoView({block: 'start'}), 60);"
                "</script>", unsafe_allow_javascript=True)


def _move(key: str, by: int) -> None:
    """Back/Next: runs before the rerun, so the new section is drawn at once."""
    st.session_state[key] = st.session_state.get(key, 0) + by
