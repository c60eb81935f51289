"""One translation catalogue: every string a user reads, in English and Simplified Chinese.

Strings live in `ui/strings/<module>.py` as {"key": {"en": ..., "zh": ...}}; keys are
namespaced by a prefix per page ("nm.", "so.", ...). `t(key, **fields)` picks the
session's language.
"""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import keys
from ui.strings import CATALOGUE

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"


def lang() -> str:
    """The session's language code (English outside a script run, where there is no session).

    A widget's format_func may be called outside the run (AppTest calls it from the test's
    thread): pages build it eagerly, as a lookup `{option: t(...)}.get`, never a lambda that
    calls `t` later.
    """
    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT_LANGUAGE
    code = st.session_state.get(keys.LANG, DEFAULT_LANGUAGE)
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **fields) -> str:
    """The text for `key` in the session's language, with `{fields}` filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:  # a programming error: tests catch it; users see the key, not a traceback
        return key
    text = entry[lang()]
    return text.format(**fields) if fields else text
