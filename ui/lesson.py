"""The shape of a lesson page: sections, a key idea, code panels, exercises, lecture mode.

Pages write
    if lesson.section(title_of_section_1):
        ...draw section 1...
A page shows one section at a time (`paged`): its title, key idea and introduction, then the
contents (every section's title, the current one picked), the current section, and buttons to
the previous and next sections. One section is what a student reads on a phone and what a
class looks at, and it opens fast: a whole page of charts and formulas took 2-2.3 s of a
browser's time to settle (scripts/bench_browser.py). The sidebar's "Whole page" switch
(`all=1` in the link) draws every section at once, to read it through, search or print it.

Lecture mode (a sidebar toggle kept in the URL) always shows one section, with Back/Next
fixed at the bottom of the screen (ui/style.py), which a clicker's keys press. The current
section is kept in the link as `step=N`, so a lecture reopens where it stopped.
"""

import inspect
import json

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ui import keys, params
from ui.i18n import t
from ui.safe import fragment, literal, literal_frame

_COUNT = keys.LESSON_COUNT
# The control a class experiment's run starts from, in the section a room's link opens
EXPERIMENT_CONTROLS = ", ".join(f"{keys.selector(key)} button"
                                for key in (keys.LR_TRAIN, keys.SC_TRAIN))
STEP = keys.STEP  # the URL parameter of the current section, counted from 1


def lecture() -> bool:
    """Is the presenter view on?"""
    return bool(st.session_state.get(keys.LECTURE, False))


def paged() -> bool:
    """One section at a time? Always in lecture mode; in the normal view unless the student
    asked for the whole page."""
    return lecture() or not st.session_state.get(keys.WHOLE, False)


def hides_sections() -> bool:
    """Did this run leave sections out? (After the page: a page without sections hides none.)
    Their settings stay in the link (ui.state.finish), and so does the section shown."""
    return paged() and st.session_state.get(_COUNT, 0) > 0


def begin() -> None:
    """ui.frame.page_run() calls this before each page run."""
    st.session_state[_COUNT] = 0
    st.session_state[keys.LESSON_TITLES] = []
    st.session_state.pop(keys.LESSON_TOP, None)
    st.session_state.pop(keys.LESSON_BAR, None)


def _step_in_link() -> int:
    """The section the link names (0-based); 0 when it names none or something odd."""
    try:  # the declared parser and bounds (ui.params), as every setting's
        return params.parse(params.BY_GLOBAL[STEP], st.query_params.get(STEP, "")) - 1
    except ValueError:
        return 0


def _step() -> int:
    """This page's current section; a link opened in lecture mode starts at its `step`.
    (Read when the first section is met: the page is known only after st.navigation.)"""
    key = _step_key()
    if key not in st.session_state:
        st.session_state[key] = _step_in_link() if paged() else 0
        st.session_state[keys.LESSON_LANDING] = STEP not in st.query_params
    return st.session_state[key]


def _step_key() -> str:
    return keys.lesson_step(st.session_state.get(keys.URL_PAGE, ""))


def section(title: str, experiment: bool = False) -> bool:
    """Start a section with a header; False when it is not the one shown (`paged`).

    `experiment`: the section where a class experiment's run is made (ui.classroom). A
    student who opens the page from a room's link, which names no section, lands there."""
    index = st.session_state.get(_COUNT, 0)
    st.session_state[_COUNT] = index + 1
    st.session_state.setdefault(keys.LESSON_TITLES, []).append(title)
    if index == 0 and paged() and not lecture():  # the contents go here, once all are known
        st.session_state[keys.LESSON_TOP] = st.container()
    if index == 0 and lecture():  # the Back/Next bar goes here, once the count is known
        st.session_state[keys.LESSON_BAR] = st.container(key=keys.LESSON_NAV)
    if paged() and index != _step():
        if experiment and st.session_state.get(keys.LESSON_LANDING) and \
                st.session_state.get(keys.CLASS_ROOM):
            st.session_state[_step_key()] = index
            st.session_state[keys.LESSON_LANDING] = False
            st.session_state[keys.LESSON_CONTROL] = True
            st.rerun()  # once, on landing: the sections above were drawn for nothing
        return False
    st.header(title, divider="gray")
    if not paged() and index > 0 and \
            st.session_state.get(keys.LESSON_PLACE) == (st.session_state.get(keys.URL_PAGE), index):
        # the Whole page switch keeps the reader's place: the section they were on
        _bring_to_top(f"[...main().querySelectorAll('h2')].find(h => h.textContent.trim()"
                      f".startsWith({_js_text(title)}))", f"all-{index}")
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


def derivation(steps: list[tuple[str, str]], why: str | None = None,
               reasons: list[str] | None = None) -> None:
    """A derivation, step by step: each step's sentence numbered, its formula, and (with
    `reasons`) the reason for it behind an expander labelled `why`."""
    for i, (text, formula) in enumerate(steps, 1):
        st.markdown(f"**{i}.** {text}")
        st.latex(formula)
        if reasons:
            revealed(why, reasons[i - 1])


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
    """Under the section shown: lecture mode's Back / Next bar, or the normal view's contents
    (above the section) and buttons to the previous and next sections."""
    count = st.session_state.get(_COUNT, 0)
    st.session_state[keys.LESSON_LANDING] = False  # a room's link lands once, on opening
    if count == 0 or not paged():
        st.session_state.pop(keys.LESSON_PLACE, None)  # the whole page opened at it, once
        return
    key = _step_key()
    step = min(_step(), count - 1)
    st.session_state[key] = step
    st.session_state[keys.LESSON_PLACE] = (st.session_state.get(keys.URL_PAGE), step)
    link = str(step + 1) if lecture() or step > 0 else None  # a lecture's link names its step
    if st.query_params.get(STEP) != link:
        if link is None:
            del st.query_params[STEP]
        else:
            st.query_params[STEP] = link
    if lecture():
        _lecture_bar(key, step, count)
    else:
        _contents(key, step, st.session_state.get(keys.LESSON_TITLES, [])[:count])
    scroll = st.session_state.pop(keys.LESSON_SCROLL, False)
    if st.session_state.pop(keys.LESSON_CONTROL, False):  # a room's link: its run is made
        # with the Train button, two screens down on a phone
        _bring_to_top(f"main()?.querySelector({_js_text(EXPERIMENT_CONTROLS)})", "room",
                      block="center")
    elif step > 0 and (lecture() or scroll):  # the page's introduction stays above
        _bring_to_top("main()?.querySelector('h2')", str(step + 1))


def _js_text(text: str) -> str:
    """`text` as a JavaScript string literal that cannot end the <script> around it."""
    return json.dumps(text).replace("<", "\\u003c")


def _bring_to_top(element: str, tag: str, block: str = "start") -> None:
    """Scroll the JavaScript expression `element` (a section's heading) to the top of the
    screen (or to scrollIntoView's `block`), once the previous section's elements are gone
    (until then the page is taller, and a scroll made too early is undone when they go), and
    again while charts are drawn (each makes the page taller), for 4 s. The reader's own
    scroll ends it: a wheel, a touch, a key, or the clicker having scrolled within this
    section (ui/style.py keeps its `tag`)."""
    st.html(f"<script>(() => {{ const tag = {_js_text(tag)}, start = Date.now();"
            "const main = () => document.querySelector('[data-testid=\"stMain\"]');"
            "let stopped = false; const stop = () => { stopped = true; };"
            "for (const kind of ['wheel', 'touchstart', 'keydown'])"
            " window.addEventListener(kind, stop, {once: true, capture: true});"
            f"const top = () => {{ if (!stopped && window.d2lScrolledIn !== tag) ({element})"
            f"?.scrollIntoView({{block: '{block}'}}); }};"
            "const go = () => {"
            " if (main()?.querySelector('[data-stale=\"true\"]') &&"
            " Date.now() - start < 5000) return setTimeout(go, 50);"
            " top(); const box = main()?.querySelector('[data-testid=\"stMainBlockContainer\"]');"
            " if (!box) return; const watch = new ResizeObserver(top); watch.observe(box);"
            " setTimeout(() => watch.disconnect(), 4000); };"
            " setTimeout(go, 60); })();</script>", unsafe_allow_javascript=True)


def _lecture_bar(key: str, step: int, count: int) -> None:
    """Back / Next, fixed at the bottom of the screen (ui/style.py), drawn in a slot made
    above the first section: its place among the page's elements stays the same when a
    section's output grows or shrinks, so the bar stays on screen through every rerun (drawn
    after the section, it was gone from a click on "Time both" until the run's end, and a
    clicker's key pressed then was lost)."""
    back, where, forward = st.session_state[keys.LESSON_BAR].columns(
        [1, 2, 1], vertical_alignment="center")  # made by section() at the first section
    back.button("◀", key=keys.LESSON_BACK, disabled=step == 0, width="stretch",
                on_click=_move, args=(key, -1))
    where.markdown(f"<div style='text-align:center'>{step + 1} / {count}<br><small "
                   f"style='color:#555;font-size:0.75em'>{t('lesson.keys')}</small></div>",
                   unsafe_allow_html=True)  # fixed text only: no user input
    forward.button("▶", key=keys.LESSON_NEXT, disabled=step >= count - 1, width="stretch",
                   on_click=_move, args=(key, +1))


def _contents(key: str, step: int, titles: list[str]) -> None:
    """Every section's title above the first section's place, the one shown picked; under
    it, the previous and the next section by name."""
    top = st.session_state.get(keys.LESSON_TOP) or st.container()
    st.session_state[keys.LESSON_PICK] = step  # follows Back/Next and a link's step
    top.segmented_control(t("lesson.contents"), range(len(titles)), key=keys.LESSON_PICK,
                          format_func=lambda i: titles[i], required=True, wrap=True,
                          on_change=_pick, args=(key,), help=t("lesson.contents_help"),
                          label_visibility="collapsed")
    back, forward = st.columns(2, vertical_alignment="center")
    if step > 0:
        back.button(f"← {titles[step - 1]}", key=keys.LESSON_PREV, on_click=_move,
                    args=(key, -1, True))
    if step < len(titles) - 1:
        forward.container(horizontal=True, horizontal_alignment="right").button(
            f"{titles[step + 1]} →", key=keys.LESSON_FOLLOW, type="primary", on_click=_move,
            args=(key, +1, True))


def _pick(key: str) -> None:
    """The contents: runs before the rerun, so the picked section is drawn at once."""
    st.session_state[key] = st.session_state[keys.LESSON_PICK]


def _move(key: str, by: int, scroll: bool = False) -> None:
    """Back/Next: runs before the rerun, so the new section is drawn at once; from the
    bottom of a section (`scroll`), the new one is brought to the top of the screen."""
    st.session_state[key] = st.session_state.get(key, 0) + by
    st.session_state[keys.LESSON_SCROLL] = scroll
