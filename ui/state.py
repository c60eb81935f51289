"""Widget values kept in the URL, so that a copied link reopens the same view.

Every URL parameter is declared once in ui.params (name, default, bounds or options). A page
passes the declared name, a label and how the widget looks (`slider`, `select`, `toggle`,
`number`, `text`); the range and default come from the declaration. Each wrapper creates the
Streamlit widget under a page-prefixed session key and mirrors its value into
`st.query_params`. On a session's first run the URL wins; after a page switch the last value
is restored; a malformed or out-of-range value, or a parameter no page declares, is ignored
with a small notice. A setting used by several sections is read with `value(name)` wherever
it is needed, its widget drawn this run or not: the same parser and bounds as the widget's,
so no link asks a hidden section for more than its widget allows. ui.frame.page_run() calls
`begin()` before and `finish()` after each page.

Why not Streamlit 1.67's own `bind="query-params"` (issue 15; each point is pinned in
Chromium by tests/test_builtin_binding.py): a widget in a section not shown (a lesson shows
one at a time, ui.lesson.paged) loses its parameter, even with persist_state="session", so a
share link would lose every hidden section's setting; a choice with a format_func is written
as its label (`lang=简体中文`; `?lang=zh` is dropped, and a Chinese student's `noise=拉普拉斯`
is dropped in English: streamlit/streamlit#14224, open; the pull request that would have fixed
it was closed); ranges become repeated parameters and toggles `true` (`symlog=0` is dropped);
a bad value is dropped silently, with no hook for the notice; the widget's key must be the
link name. Every link in use would break, and lecture mode with it. Revisit this hand binding
when #14224 is fixed and a hidden widget keeps its parameter.

The other hand-kept mirror, `keys.kept(key)` (`_keep.<key>`: a widget's last value, restored
when its page or section is opened again, and read by `value` while the widget is hidden),
stays hand-made too, although Streamlit 1.67's `persist_state="session"` keeps a keyed
widget's value across page switches and while it is not drawn, readable from
st.session_state (pinned by tests/test_builtin_binding.py:
test_persist_state_keeps_a_value_across_a_page_switch,
test_persist_state_keeps_a_hidden_widgets_value_readable). What it does with a kept value
outside the range the widget is drawn with again is what blocks it:
test_persist_state_raises_for_a_kept_value_above_the_sliders_new_max pins that a slider whose
max dropped while it was hidden raises StreamlitValueAboveMaxError, on every run while drawn
(not clamped, not reset: streamlit/elements/widgets/slider.py, the bounds check after
register_widget), and
test_persist_state_gives_a_kept_choice_outside_the_options_the_widgets_index that a choice
gone from the options becomes the widget's `index`, not the declared default (params.nearest).
`_bind` checks a kept value against this run's options and bounds before the widget sees it
(fewer classes typed now: the default, and never an exception). Revisit when that slider test
fails because Streamlit clamps or resets the value instead of raising: then adopt
persist_state="session" in `_widget`, pass the declared default as the choice's `index`, and
drop `keys.kept`; `bind="query-params"` once #14224 is fixed and a hidden widget keeps its
parameter.
"""

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui import keys, lesson, params
from ui.i18n import t
from ui.safe import literal

_PAGE, _SEEN, _KNOWN, _NOTES = keys.URL_PAGE, keys.URL_SEEN, keys.URL_KNOWN, keys.URL_NOTICES
_DRAWN = keys.URL_DRAWN
MAX_NAMED = 5                # unknown parameter names listed in the one notice about them
MAX_NOTICES = 8              # toasts in one run, at most


def begin() -> None:
    """Start a run (the router calls this first)."""
    st.session_state[_SEEN] = set()
    st.session_state[_DRAWN] = set()
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
    own = params.BY_PAGE.get(st.session_state.get(_PAGE, ""), {})
    unknown = []
    for name in list(st.query_params.keys()):
        if name in seen:
            continue
        if hidden and (name in own or name in params.BY_GLOBAL):  # a hidden section's
            # setting stays in the link, and so does the section shown
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
    for note in list(dict.fromkeys(notes))[:MAX_NOTICES]:  # a setting read twice: one notice
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
        try:  # a kept value outside this run's range (fewer classes now): the default
            parse(_text(value))
        except (ValueError, TypeError, OverflowError):
            value = default
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
            serialize: Callable[[Any], str], global_: bool,
            start: Callable[[Any], dict], **kwargs) -> Any:
    """Create the widget under its key, with its value from session state, and publish it.

    `start(value)` gives the widget's own starting argument (value=, index= or default=) for
    the value it has now: a browser that draws the widget with no value of its own (the
    widget mounted anew from a later run's message, its state dropped as stale meanwhile)
    starts it there, never at the widget's built-in default (a slider's min, the first
    option), which it would then send back as if the student had chosen it
    (no test reproduces it: README, Tests). Session state still holds the value; the argument only
    changes the element's default in the browser, never the widget's id (Streamlit 1.67 keys
    these widgets by their key and range only)."""
    key = _bind(name, default, parse, global_)
    make(key=key, **start(st.session_state[key]), **kwargs)
    st.session_state.setdefault(_DRAWN, set()).add(name)
    return _publish(name, key, default, serialize)


# ---- the declarations (ui.params) --------------------------------------------------------

def _declared(name: str, global_: bool) -> params.Param:
    """`name`'s declaration on the page being drawn (or the sidebar's)."""
    return params.declared(st.session_state.get(_PAGE, ""), name, global_)


def _fmt(value) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


def _text(value) -> str:
    """A value as a link writes it (the parsers read it back)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return ",".join(_fmt(x) for x in value) if isinstance(value, tuple) else _fmt(value)


def _number_widget(make, label: str, name: str, step, global_: bool, container, kwargs):
    """A slider or number input: its range and default are the declaration's."""
    param = _declared(name, global_)
    cast = float if param.kind == "float" or isinstance(param.lo, float) else int

    def serialize(v) -> str:
        return ",".join(_fmt(x) for x in v) if isinstance(v, tuple) else _fmt(v)

    lo, hi = cast(param.lo), cast(param.hi)

    def start(v) -> dict:
        def inside(x):
            return min(max(cast(x), lo), hi)
        return {"value": tuple(inside(x) for x in v) if isinstance(v, tuple) else inside(v)}

    return _widget(getattr(container, make), name, param.default,
                   lambda raw: params.parse(param, raw), serialize, global_, start,
                   label=label, min_value=lo, max_value=hi, step=step, **kwargs)


# ---- widgets: the declared name, a label, and how it looks ---------------------------------

def slider(label: str, name: str, step=None, *, global_: bool = False, container=st,
           **kwargs):
    """st.slider kept in the URL; a declared span gives a range slider."""
    return _number_widget("slider", label, name, step, global_, container, kwargs)


def number(label: str, name: str, step=None, *, global_: bool = False, container=st,
           **kwargs):
    """st.number_input kept in the URL."""
    return _number_widget("number_input", label, name, step, global_, container, kwargs)


def select(label: str, name: str, options: Sequence | None = None, *,
           widget: str = "selectbox", global_: bool = False, container=st, **kwargs):
    """A choice among the declared options (selectbox, radio, select_slider or
    segmented_control) kept in the URL. `options` narrows them for this run (a page's dynamic
    bounds: the classes of the logits typed); the default is then the nearest one."""
    param = _declared(name, global_)
    if options is None:
        options = list(param.options)
    else:
        options = list(options)
        assert all(params.allowed(param, o) for o in options), f"{name}: options undeclared"
    default = params.nearest(param, options)

    if "format_func" in kwargs:  # labels made now, in this run's language: AppTest calls it later
        labels = {o: kwargs["format_func"](o) for o in options}
        kwargs["format_func"] = lambda o: labels.get(o, str(o))
    make = getattr(container, widget)
    if widget == "segmented_control":
        kwargs.setdefault("required", True)

    def serialize(v) -> str:
        return str(v if v in options else default)

    def start(v) -> dict:
        v = v if v in options else default
        if widget in ("selectbox", "radio"):
            return {"index": options.index(v)}
        return {"default": v} if widget == "segmented_control" else {"value": v}

    value = _widget(make, name, default, lambda raw: params.parse(param, raw, options),
                    serialize, global_, start, label=label, options=options, **kwargs)
    # A browser has been seen to send an empty choice for a required segmented control
    # (a second click inside a fragment): the page gets the default, never None.
    return value if value in options else default


def toggle(label: str, name: str, *, global_: bool = False, container=st, **kwargs) -> bool:
    """st.toggle kept in the URL."""
    param = _declared(name, global_)
    return _widget(container.toggle, name, param.default, lambda raw: params.parse(param, raw),
                   lambda v: "1" if v else "0", global_, lambda v: {"value": bool(v)},
                   label=label, **kwargs)


def text(label: str, name: str, *, area: bool = False, global_: bool = False, container=st,
         **kwargs) -> str:
    """st.text_input (or text_area) kept in the URL; the page validates the content."""
    param = _declared(name, global_)
    make = container.text_area if area else container.text_input
    return _widget(make, name, param.default, lambda raw: params.parse(param, raw), str,
                   global_, lambda v: {"value": str(v)}, label=label,
                   max_chars=param.max_chars, **kwargs)


def drawn(name: str) -> bool:
    """Has setting `name`'s widget been drawn in this run (by an earlier section shown)?"""
    return name in st.session_state.get(_DRAWN, set())


def value(name: str, *, global_: bool = False):
    """Setting `name` wherever a page needs it, its widget drawn this run or not (one section
    at a time hides the others): the widget's state, the kept value, the link's, or the
    declared default. A link is read by the widget's parser, with the declared bounds: a
    hidden section can never be asked for more than its widget allows."""
    param = _declared(name, global_)
    key = keys.setting(name) if global_ else keys.widget(st.session_state.get(_PAGE, ""), name)
    st.session_state.setdefault(_SEEN, set()).add(name)  # its link parameter stays
    for kept in (key, keys.kept(key)):
        if kept in st.session_state and params.allowed(param, st.session_state[kept]):
            return st.session_state[kept]
    raw = st.query_params.get(name)
    if raw is not None:
        try:
            return params.parse(param, raw)
        except (ValueError, TypeError, OverflowError):
            _notice(name, raw)
    return param.default


def seed() -> int:
    """The session's random seed (set in the sidebar)."""
    return int(st.session_state.get(keys.SEED, 0))
