"""One translation catalogue: every string a user reads, in English and Simplified Chinese.

Strings live in `ui/strings/<module>.py` as {"key": {"en": ..., "zh": ...}}; keys are
namespaced by a prefix per page ("nm.", "so.", ...). `t(key, **fields)` picks the
session's language.
"""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.strings import CATALOGUE

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"


_last = DEFAULT_LANGUAGE  # the language of the latest script run in this process


def lang() -> str:
    """The session's language code.

    Outside a script run (AppTest calls a widget's format_func from the test's thread)
    there is no session: the language of the latest run stands in.
    """
    global _last
    if get_script_run_ctx(suppress_warning=True) is None:
        return _last
    code = st.session_state.get("g.lang", DEFAULT_LANGUAGE)
    _last = code if code in LANGUAGES else DEFAULT_LANGUAGE
    return _last


def t(key: str, **fields) -> str:
    """The text for `key` in the session's language, with `{fields}` filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:  # a programming error: tests catch it; users see the key, not a traceback
        return key
    text = entry[lang()]
    return text.format(**fields) if fields else text
