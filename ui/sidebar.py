"""The sidebar every page shares: language, random seed, device."""

import streamlit as st
import torch

from core.device import device_name
from ui import state
from ui.i18n import LANGUAGES, t

MAX_SEED = 2**31 - 1
LECTURE_CSS = (
    "<style>[data-testid='stMain'] p, [data-testid='stMain'] li "
    "{font-size: 1.4rem; line-height: 1.5}</style>"
)


def language() -> str:
    """The language switch; drawn before the navigation so page titles are translated."""
    return state.select("Language · 语言", "lang", list(LANGUAGES), "en", global_=True,
                        container=st.sidebar, format_func=LANGUAGES.get)


def controls() -> None:
    """Seed and device, below the navigation."""
    state.number(t("sb.seed"), "seed", 0, MAX_SEED, 0, step=1, global_=True,
                 container=st.sidebar, help=t("sb.seed_help"))
    if state.toggle(t("sb.lecture"), "lecture", False, global_=True, container=st.sidebar,
                    help=t("sb.lecture_help")):
        st.markdown(LECTURE_CSS, unsafe_allow_html=True)  # a fixed style, no user text
    st.sidebar.caption(t("sb.device", device=device_name(), torch=torch.__version__))
