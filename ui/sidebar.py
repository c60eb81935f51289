"""The sidebar every page shares: language, random seed, lecture mode, whole page."""

import streamlit as st

from ui import state
from ui.i18n import LANGUAGES, t


def language() -> str:
    """The language switch; drawn before the navigation so page titles are translated."""
    return state.select("Language · 语言", "lang", global_=True, container=st.sidebar,
                        format_func=LANGUAGES.get)


def controls() -> None:
    """Seed, lecture mode and the whole page, below the navigation (lecture mode's style:
    ui/style.py; the sections shown: ui.lesson)."""
    state.number(t("sb.seed"), "seed", step=1, global_=True, container=st.sidebar,
                 help=t("sb.seed_help"))
    lecture = state.toggle(t("sb.lecture"), "lecture", global_=True, container=st.sidebar,
                           help=t("sb.lecture_help"))
    state.toggle(t("sb.whole"), "all", global_=True, container=st.sidebar,
                 help=t("sb.whole_help"), disabled=lecture)  # a lecture shows one section
