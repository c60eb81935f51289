"""Widget values kept in the URL, so that a copied link reopens the same view.

Each wrapper (`slider`, `select`, `toggle`, `number`, `text`) creates the Streamlit
widget under a page-prefixed session key and mirrors its value into `st.query_params`
under a short name. On a session's first run the URL wins; after a page switch the
last value is restored; a malformed value, or a parameter the app does not declare
(ui.keys.LINK_PARAMS), is ignored with a small notice. ui.frame.page_run() calls `begin()`
before and `finish()` after each page.

Why not Streamlit 1.67's own `bind="query-params"` (issue 15; each point is pinned in
Chromium by tests/test_builtin_binding.py): a widget in a section not shown (a lesson shows
one at a time, ui.lesson.paged) loses its parameter, even with persist_state="session", so a
share link would lose every hidden section's setting; a choice with a format_func is written as its label (`lang=简体中文`;
`?lang=zh` is dropped, and a Chinese student's `noise=拉普拉斯` is dropped in English);
ranges become repeated parameters and toggles `true` (`symlog=0` is dropped); a bad value is
dropped silently, with no hook for the notice; the widget's key must be the link name. Every
link in use would break, and lecture mode with it.
"""

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from core import numbers
from ui import keys, lesson
from ui.i18n import t
from ui.safe import literal

_PAGE, _SEEN, _KNOWN, _NOTES = keys.URL_PAGE, keys.URL_SEEN, keys.URL_KNOWN, keys.URL_NOTICES
MAX_TEXT = 2000              # longest text accepted from the URL
MAX_NAMED = 5                # unknown parameter names listed in the one notice about them
MAX_NOTICES = 8              # toasts in one run, at most


def begin() -> None:
    """Start a run (the router calls this first)."""
    st.session_state[_SEEN] = set()
    st.session_state[_NOTES] = []
    st.session_state.setdefault(_KNOWN, set())


def set_page(page_id: str) -> None:
    """Name the page whose widgets follow (its settings are kept under this prefix)."""
    st.session_state[_PAGE] = page_id


def finish() -> None:
    """Drop URL parameters that no widget of this page owns; show the notices."""
    seen, known = st.session_state.get(_SEEN, set()), st.session_state.get(_KNOWN, set())
    notes = st.session_state.get(_NOTES, [])
    page = f"{st.session_state.get(_PAGE, '')}."
    for key, text in list(st.session_state.items()):  # widgets hidden this run keep their link
        prefix = keys.link_text(page)
        if key.startswith(prefix) and key[len(prefix):] not in seen:
            name = key[len(prefix):]
            seen.add(name)
            if text is not None and st.query_params.get(name) != text:
                st.query_params[name] = text
    hidden = lesson.hides_sections()
    unknown = []
    for name in list(st.query_params.keys()):
        if name in seen:
            continue
        if hidden and keys.linked(name):  # a hidden section's setting stays in the link
            continue
        if name not in known and not keys.linked(name):  # another page's: dropped silently
            unknown.append(name)
        del st.query_params[name]
    if unknown:  # one notice, however many: a link with 999 strangers gives one toast
        names = ", ".join(literal(name, 40) for name in unknown[:MAX_NAMED])
        more = len(unknown) - MAX_NAMED
        notes.append(t("url.unknown", name=names) if len(unknown) == 1 else
                     t("url.unknown_many", count=len(unknown), names=names +
                       (t("url.and_more", count=more) if more > 0 else "")))
    for note in notes[:MAX_NOTICES]:
        st.toast(note, icon="⚠️")  # a toast renders Markdown: user text in it is escaped
    st.session_state[_NOTES] = []


def _notice(name: str, raw: str) -> None:
    st.session_state.setdefault(_NOTES, []).append(
        t("url.bad_value", name=literal(name, 40), value=literal(raw, 40)))


def _bind(name: str, default: Any, parse: Callable[[str], Any], global_: bool) -> str:
    """Put the starting value of widget `name` into session state; return its key."""
    key = keys.setting(name) if global_ else keys.widget(st.session_state.get(_PAGE, ""), name)
    st.session_state.setdefault(_SEEN, set()).add(name)
    st.session_state.setdefault(_KNOWN, set()).add(name)
    if key not in st.session_state:
        value = st.session_state.get(keys.kept(key), default)
        raw = st.query_params.get(name)
        if raw is not None:
            try:
                value = parse(raw)
            except (ValueError, TypeError, OverflowError):
                _notice(name, raw)
        st.session_state[key] = value
    return key


def _publish(name: str, key: str, default: Any, serialize: Callable[[Any], str]) -> Any:
    """Remember the widget's value across page switches and write it into the URL."""
    value = st.session_state[key]
    st.session_state[keys.kept(key)] = value
    text = serialize(value)
    link = None if text == serialize(default) else text  # defaults keep links short
    st.session_state[keys.link_text(key)] = link  # finish() keeps it when the widget is hidden
    if link is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != link:
        st.query_params[name] = link
    return value


def _widget(make: Callable[..., Any], name: str, default: Any, parse: Callable[[str], Any],
            serialize: Callable[[Any], str], global_: bool, **kwargs) -> Any:
    key = _bind(name, default, parse, global_)
    make(key=key, **kwargs)
    return _publish(name, key, default, serialize)


# ---- parsers: raise ValueError for anything out of place --------------------------------

def _number(raw: str, kind: type, lo, hi):
    value = numbers.to_float(raw) if kind is float else numbers.to_int(raw)  # or ValueError
    if not lo <= value <= hi:
        raise ValueError(raw)
    return value


def _fmt(value) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


def _bool(raw: str) -> bool:
    table = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}
    return table[raw.lower()] if raw.lower() in table else _raise(raw)


def _raise(raw):
    raise ValueError(raw)


def _read(raw: str, default):
    """A link value read as the type of `default` (the widgets' own readers); ValueError."""
    if isinstance(default, bool):
        return _bool(raw)
    if isinstance(default, int):
        return numbers.to_int(raw)
    if isinstance(default, float):
        return numbers.to_float(raw)
    return type(default)(raw)


# ---- widgets -----------------------------------------------------------------------------

def slider(label: str, name: str, min_value, max_value, value, step=None, *,
           global_: bool = False, container=st, **kwargs):
    """st.slider kept in the URL; `value` may be a number or a (low, high) pair."""
    kind = float if isinstance(min_value, float) else int

    def parse(raw: str):
        if isinstance(value, tuple):
            low, high = (_number(part, kind, min_value, max_value) for part in raw.split(",", 1))
            if low > high:
                raise ValueError(raw)
            return (low, high)
        return _number(raw, kind, min_value, max_value)

    def serialize(v) -> str:
        return ",".join(_fmt(x) for x in v) if isinstance(v, tuple) else _fmt(v)

    return _widget(container.slider, name, value, parse, serialize, global_, label=label,
                   min_value=min_value, max_value=max_value, step=step, **kwargs)


def number(label: str, name: str, min_value, max_value, value, step=None, *,
           global_: bool = False, container=st, **kwargs):
    """st.number_input kept in the URL."""
    kind = float if isinstance(min_value, float) else int
    return _widget(container.number_input, name, value,
                   lambda raw: _number(raw, kind, min_value, max_value), _fmt, global_,
                   label=label, min_value=min_value, max_value=max_value, step=step, **kwargs)


def select(label: str, name: str, options: Sequence, value=None, *, widget: str = "selectbox",
           global_: bool = False, container=st, **kwargs):
    """A choice among `options` (selectbox, radio or segmented_control) kept in the URL."""
    options = list(options)
    default = options[0] if value is None else value
    by_text = {str(o): o for o in options}

    def parse(raw: str):
        if raw in by_text:
            return by_text[raw]
        numeric = [o for o in options if isinstance(o, int | float) and not isinstance(o, bool)]
        match = [o for o in numeric if numbers.to_float(raw) == o]
        return match[0] if match else _raise(raw)  # "45" finds the option 45.0

    if "format_func" in kwargs:  # labels made now, in this run's language: AppTest calls it later
        labels = {o: kwargs["format_func"](o) for o in options}
        kwargs["format_func"] = lambda o: labels.get(o, str(o))
    make = getattr(container, widget)
    if widget == "segmented_control":
        kwargs.setdefault("required", True)

    def serialize(v) -> str:
        return str(v if v in options else default)

    value = _widget(make, name, default, parse, serialize, global_, label=label,
                    options=options, **kwargs)
    # A browser has been seen to send an empty choice for a required segmented control
    # (a second click inside a fragment): the page gets the default, never None.
    return value if value in options else default


def toggle(label: str, name: str, value: bool = False, *, global_: bool = False,
           container=st, **kwargs) -> bool:
    """st.toggle kept in the URL."""
    return _widget(container.toggle, name, value, _bool, lambda v: "1" if v else "0",
                   global_, label=label, **kwargs)


def text(label: str, name: str, value: str = "", *, max_chars: int = MAX_TEXT,
         area: bool = False, global_: bool = False, container=st, **kwargs) -> str:
    """st.text_input (or text_area) kept in the URL; the page validates the content."""
    def parse(raw: str) -> str:
        return raw if len(raw) <= max_chars else _raise(raw)

    make = container.text_area if area else container.text_input
    return _widget(make, name, value, parse, str, global_, label=label, max_chars=max_chars,
                   **kwargs)


def value(name: str, default):
    """The value of this page's setting `name` when its widget is not drawn this run
    (lecture mode hides sections): the widget's state, the kept value, the link's, or
    `default`. A link value is parsed as the type of `default` and checked no further."""
    key = keys.widget(st.session_state.get(_PAGE, ""), name)
    st.session_state.setdefault(_SEEN, set()).add(name)  # its link parameter stays
    if key in st.session_state:
        return st.session_state[key]
    if keys.kept(key) in st.session_state:
        return st.session_state[keys.kept(key)]
    raw = st.query_params.get(name)
    if raw is not None:
        try:
            return _read(raw, default)
        except (ValueError, TypeError):
            pass
    return default


def seed() -> int:
    """The session's random seed (set in the sidebar)."""
    return int(st.session_state.get(keys.SEED, 0))
