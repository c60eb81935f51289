"""One translation catalogue: every string a user reads, in English and Simplified Chinese.

Strings live in `ui/strings/<module>.py` as {"key": {"en": ..., "zh": ...}}; keys are
namespaced by a prefix per page ("nm.", "so.", ...). `t(key, **fields)` picks the
session's language.

Plurals: a field whose format spec holds a `|` chooses a word by its count instead of
printing it, `{n:one|other}`: "{runs} {runs:run|runs} so far" reads "1 run so far" and
"2 runs so far"; "{out} of {n} {out:lies|lie}" agrees the verb. English has these two
forms (the singular for a count of exactly 1); Chinese has no plural and never needs one.
"""

import numbers
import string

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


def is_one(count) -> bool:
    """Does `count` take the singular? Exactly 1 (a number, or a text that reads "1")."""
    if isinstance(count, numbers.Real) and not isinstance(count, bool):
        return bool(count == 1)  # a NumPy number compares to a NumPy bool
    return str(count).strip() == "1"


def plural_forms(spec: str) -> tuple[str, str] | None:
    """(one, other) for a plural format spec "one|other"; None for an ordinary spec."""
    if "|" not in spec:
        return None
    one, other = spec.split("|", 1)
    return one, other


class _Formatter(string.Formatter):
    """str.format, except that a `{n:one|other}` field is the word that agrees with n."""

    def format_field(self, value, format_spec):
        forms = plural_forms(format_spec)
        if forms is None:
            return super().format_field(value, format_spec)
        return forms[0] if is_one(value) else forms[1]


_FORMATTER = _Formatter()


def fill(text: str, **fields) -> str:
    """`text` with its `{fields}` filled in and its plural choices made."""
    if "|" not in text:  # no plural choice: str.format, a little faster
        return text.format(**fields)
    return _FORMATTER.vformat(text, (), fields)


def t(key: str, **fields) -> str:
    """The text for `key` in the session's language, with `{fields}` filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:  # a programming error: tests catch it; users see the key, not a traceback
        return key
    text = entry[lang()]
    return fill(text, **fields) if fields else text
