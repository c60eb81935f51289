"""“Share this view”: the current page's link with all its settings, and its QR code."""

import io
import os
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import keys, state
from ui.i18n import t

ENV_BASE = "D2L_BASE_URL"
QR_LIMIT = 2331  # bytes of a version-40 QR code at error level M: a longer link has no QR


def base_url() -> str:
    """Where students reach the app: D2L_BASE_URL, else the address this browser used."""
    configured = os.environ.get(ENV_BASE, "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "http://localhost:8501")
    return f"{parts.scheme}://{parts.netloc}"


def current_link(url_path: str) -> str:
    """The link that reopens this page with the settings now in the URL.

    Only parameters some page has registered: lecture mode may keep a short unknown one in
    the address bar (a hidden section's, on a fresh server), never in the shared link.
    """
    params = {name: st.query_params.get_all(name)[-1] for name in st.query_params.keys()
              if state.registered(name)}
    query = urlencode(params)
    return f"{base_url()}/{url_path}" + (f"?{query}" if query else "")


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(link: str) -> bytes | None:
    """A QR code of `link`, drawn locally (no web service); None when it is too long for one."""
    try:
        code = segno.make(link, error="m")
    except segno.DataOverflowError:  # more than a version-40 symbol holds
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def refresh_if_stale() -> None:
    """In a fragment, after its widgets: a fragment's rerun does not redraw the sidebar, so
    when a setting there changed the link, rerun the whole app (Train alone changes nothing)."""
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.fragment_ids_this_run:  # a full run redraws the sidebar anyway
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
