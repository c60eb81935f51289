"""What a stranger's input and a page's own bug may reach: literal text and one short message.

`literal(text)` makes user text (a URL parameter's name or value, a typed token) safe to
put into a Markdown string: every ASCII punctuation character is backslash-escaped, so a
`[link](http://…)`, an image `![](…)`, `**bold**`, a `:blue[…]` directive or `$…$` shows
as the characters typed; newlines become spaces. `run_page(page)` is the error boundary
around each page run: any exception becomes a short translated message for the student,
and the traceback goes to the server's log only (Community Cloud forces
client.showErrorDetails on, so an exception that reached Streamlit would show its traceback).
`literal_frame(frame)` does the same to a table's labels and string cells (st.table reads
Markdown there).
`work_allowed(batch_size, num_epochs)` refuses a classifier run over the per-run cap
(core.resources.MAX_CLASSIFIER_STEPS) and says why on the page.
"""

import functools
import logging
import re
import string

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import resources, turns
from ui.i18n import t

log = logging.getLogger("d2l.pages")
_PUNCTUATION = set(string.punctuation)
_ZWSP = "\u200b"
# where an autolink starts: a scheme's "://" (any scheme), "www." and an e-mail's "@"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def literal(text: str, limit: int | None = None) -> str:
    """`text` with every Markdown-active character escaped; cut to `limit` characters first.

    Escaping is not enough against GitHub-style autolinks: the renderer links a bare
    `http://…`, `www.…` or `a@b.example` found in the text left after the escapes. A zero-width
    space breaks each of those patterns (`http:` ZWSP `//`, `www` ZWSP `.`, ZWSP `@`), and the
    student still reads the characters sent."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    text = _AUTOLINK.sub(_ZWSP, " ".join(text.splitlines()))
    return "".join("\\" + c if c in _PUNCTUATION else c for c in text)


def literal_frame(frame):
    """`frame` with every string cell, column name and index label passed through `literal`:
    st.table reads Markdown (and $…$) in each of them."""
    def one(value):
        return literal(value) if isinstance(value, str) else value

    frame = frame.map(one)
    frame.columns = frame.columns.map(one)
    frame.index = frame.index.map(one)
    return frame


def _failed(where) -> None:
    log.exception("%s raised", where)  # the traceback: the server's log only
    st.error(t("app.page_failed"), icon=":material/error:")


def run_page(page) -> bool:
    """Run `page` (an st.Page); on an exception, log it and show a short message. True if it ran.

    st.stop() and st.rerun() are BaseExceptions (ScriptControlException) and pass through.
    """
    try:
        page.run()
        return True
    except Exception:
        _failed(f"page {getattr(page, 'url_path', page)}")
        return False


def fragment(func=None, **kwargs):
    """st.fragment with the same boundary inside: a fragment's rerun does not pass through
    run_page, and Streamlit would show its exception (with the traceback on Community Cloud)."""
    if func is None:
        return lambda f: fragment(f, **kwargs)

    @functools.wraps(func)
    def guarded(*args, **kw):
        try:
            with turns.PAGES.turn():  # a fragment's own rerun waits its turn (core.turns)
                return func(*args, **kw)
        except Exception:
            _failed(f"fragment {func.__qualname__}")
            return None

    return st.fragment(guarded, **kwargs)


def fragment_run() -> bool:
    """Is this a fragment's own rerun (not a full run of the page, nor AppTest's)?"""
    ctx = get_script_run_ctx()
    return ctx is not None and bool(ctx.fragment_ids_this_run)


def work_allowed(batch_size: int, num_epochs: int) -> bool:
    """Is a classifier run of this size under the per-run cap? If not, the page says why."""
    work = resources.classifier_work(batch_size, num_epochs)
    if not work.allowed:
        st.warning(t("work.too_much", steps=work.steps, epochs=num_epochs,
                     per_epoch=work.per_epoch, bs=batch_size, limit=work.limit,
                     max_epochs=work.max_epochs), icon=":material/timer:")
    return work.allowed
