"""“Continue in Jupyter”: one download button in the sidebar of every lesson.

The notebook (core.notebook) is built from what the share link carries (ui.share): the
page's settings, hidden sections' included, so that it reruns what the student sees. It is
built only when the button is pressed (a deferred download), never on an ordinary rerun.
"""

from functools import partial

import streamlit as st

from core import notebook
from ui import keys, share
from ui.i18n import lang, t
from ui.strings import CATALOGUE

LESSONS = {path: lesson for lesson, path in notebook.URL_PATHS.items()}  # url_path → lesson
PARTS = ("from", "section", "settings", "code", "run", "figure", "missing")


def texts(lesson: str, code: str) -> dict[str, str]:
    """The notebook's texts in language `code` (the page's)."""
    out = {part: CATALOGUE[f"nb.{part}"][code] for part in PARTS}
    out["title"] = CATALOGUE[f"nav.{lesson}"][code]
    out["formulas"] = CATALOGUE[f"nb.formulas.{lesson}"][code].format()  # {{ }} → { }
    return out


def link_params() -> dict[str, str]:
    """The parameters of the share link (ui.share.current_link): the app's own, hidden
    sections' settings included (ui.state.finish keeps them in the URL)."""
    return {name: st.query_params.get_all(name)[-1] for name in st.query_params.keys()
            if keys.linked(name)}


def make(lesson: str, params: dict[str, str], code: str, link: str, section: str) -> bytes:
    return notebook.to_bytes(notebook.build(lesson, params, texts(lesson, code), link, section))


def button(url_path: str) -> None:
    """The sidebar's download button, on a lesson page (after the page has run)."""
    lesson = LESSONS.get(url_path)
    if lesson is None:
        return
    params = link_params()
    step, section = None, ""
    titles = st.session_state.get(keys.LESSON_TITLES, [])
    if titles and not st.session_state.get(keys.WHOLE, False):
        index = st.session_state.get(keys.lesson_step(url_path), 0)
        if 0 <= index < len(titles):
            step, section = index + 1, titles[index]
    st.sidebar.download_button(
        t("nb.button"), partial(make, lesson, params, lang(), share.current_link(url_path),
                                section),
        file_name=notebook.file_name(lesson, params, step), mime="application/x-ipynb+json",
        key=keys.NOTEBOOK_DOWNLOAD, help=t("nb.help"), on_click="ignore",
        icon=":material/terminal:", width="stretch")


def board_button(code: str, lesson: str, book: tuple[float, int, int], csv) -> None:
    """The class board's runs as a notebook that redraws its scatter from the CSV (`csv()`
    gives the room's CSV, read only when the teacher presses the button)."""
    code_lang = lang()
    words = {part: CATALOGUE[f"nb.board_{part}"][code_lang] for part in ("title", "intro")}
    words["figure"] = CATALOGUE["nb.board_figure"][code_lang]
    st.download_button(
        t("nb.board_button"),
        lambda: notebook.to_bytes(notebook.board(csv(), lesson, book, words)),
        file_name=f"class_{code}.ipynb", mime="application/x-ipynb+json",
        key=keys.NOTEBOOK_BOARD, icon=":material/terminal:", on_click="ignore")
