"""“Share this view”: the current page's link with all its settings, and its QR code."""

import io
import os
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from ui.i18n import t

ENV_BASE = "D2L_BASE_URL"


def base_url() -> str:
    """Where students reach the app: D2L_BASE_URL, else the address this browser used."""
    configured = os.environ.get(ENV_BASE, "").strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "http://localhost:8501")
    return f"{parts.scheme}://{parts.netloc}"


def current_link(url_path: str) -> str:
    """The link that reopens this page with the settings now in the URL."""
    params = {name: st.query_params.get_all(name)[-1] for name in st.query_params.keys()}
    query = urlencode(params)
    return f"{base_url()}/{url_path}" + (f"?{query}" if query else "")


@st.cache_data(max_entries=256, show_spinner=False)
def qr_png(link: str) -> bytes:
    """A QR code of `link`, drawn locally (no web service)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def panel(url_path: str) -> None:
    """The sidebar's share popover."""
    link = current_link(url_path)
    with st.sidebar.popover(t("share.title"), icon=":material/qr_code_2:", width="stretch"):
        st.code(link, language=None, wrap_lines=True)
        st.image(qr_png(link), width=260, alt=t("share.qr_alt", url=link))
        st.caption(t("share.help"))
