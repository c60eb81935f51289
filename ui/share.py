"""“Share this view”: the current page's link with all its settings, and its QR code.

A popover in the sidebar, and a large "project this QR" view big enough to scan from the
back row, which warns loudly when the link points to this computer (students cannot open it).
"""

import html
import io
import os
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from ui import keys, safe
from ui.i18n import t
from ui.safe import literal

ENV_BASE = "D2L_BASE_URL"
QR_LIMIT = 2331  # bytes of a version-40 QR code at error level M: a longer link has no QR
LOOPBACK = {"localhost", "::1", "0.0.0.0"}  # and 127.x.y.z: this computer only
PROJECTED_WIDTH = 600  # px of the projected QR code: scannable from the back row
STUDENT_DROPS = frozenset({"lecture"})  # the teacher's view, never the students'


def base_url() -> str:
    """Where students reach the app: D2L_BASE_URL, else the address this browser used."""
    configured = os.environ.get(ENV_BASE, "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "http://localhost:8501")
    return f"{parts.scheme}://{parts.netloc}"


def current_link(url_path: str, *, student: bool = False) -> str:
    """The link that reopens this page with the settings now in the URL.

    Only the app's own parameters (ui.keys.LINK_PARAMS), never a stranger's, the current
    section with them (a lecture reopens where it stopped). `student`: the link a class
    scans from the projector, the same page, section, settings and language but never
    lecture mode (a phone in lecture mode has no contents and a fixed bar on a third of it).
    """
    params = {name: st.query_params.get_all(name)[-1] for name in st.query_params.keys()
              if keys.linked(name) and not (student and name in STUDENT_DROPS)}
    query = urlencode(params)
    return f"{base_url()}/{url_path}" + (f"?{query}" if query else "")


def local_host(link: str) -> str | None:
    """The host of `link` when it names this computer (students cannot reach it), else None."""
    host = (urlsplit(link).hostname or "").lower()
    return host if host in LOOPBACK or host.startswith("127.") else None


def _warn_if_local(link: str) -> None:
    host = local_host(link)
    if host is not None:
        st.error(t("share.localhost", host=literal(host, 60)), icon="🚫")


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(link: str, scale: int = 8) -> bytes | None:
    """A QR code of `link`, drawn locally (no web service); None when it is too long for one."""
    try:
        code = segno.make(link, error="m")
    except segno.DataOverflowError:  # more than a version-40 symbol holds
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def refresh_if_stale() -> None:
    """In a fragment, after its widgets: a fragment's rerun does not redraw the sidebar, so
    when a setting there changed the link, rerun the whole app (Train alone changes nothing).
    Called after a Train click is taken: the full rerun resets the button's trigger, and a
    click taken only after it would be lost ("Press Train" after Train)."""
    if not safe.fragment_run():  # a full run redraws the sidebar anyway
        return
    drawn = st.session_state.get(keys.SHARE_DRAWN)
    if drawn is not None and current_link(drawn[0]) != drawn[1]:
        st.rerun(scope="app")


def panel(url_path: str) -> None:
    """The sidebar's share popover: the link always; its QR code when the link fits one."""
    link = current_link(url_path)
    st.session_state[keys.SHARE_DRAWN] = (url_path, link)
    with st.sidebar.popover(t("share.title"), icon=":material/qr_code_2:", width="stretch"):
        st.code(link, language=None, wrap_lines=True)
        png = qr_png(link)
        if png is None:
            st.info(t("share.too_long", n=len(link), limit=QR_LIMIT), icon=":material/qr_code_2:")
        else:
            st.image(png, width=260, alt=t("share.qr_alt", url=link))
        st.caption(t("share.help"))
    # beside the popover, not in it: an open popover would cover the projected view
    students = current_link(url_path, student=True)
    if qr_png(students) is not None and st.sidebar.button(
            t("share.project"), icon=":material/fit_screen:", key="_share.project",
            width="stretch"):
        st.dialog(t("share.project_title"), width="large")(project)(students)


def project(link: str) -> None:
    """The students' link in large type and a QR code as wide as the projector allows."""
    _warn_if_local(link)
    png = qr_png(link, scale=16)
    if png is not None:
        st.image(png, width=PROJECTED_WIDTH, alt=t("share.qr_alt", url=link))
    # the link is user text (its parameters): escaped, never read as HTML
    st.html(f"<div style='font-size:2rem;font-family:monospace;word-break:break-all'>"
            f"{html.escape(link)}</div>")
