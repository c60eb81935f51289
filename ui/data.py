"""Fashion-MNIST for the pages: decoded once per server process, errors explained.

Whether the server may download the data set is decided once, from the environment
(FASHION_MNIST_DOWNLOAD=0 forbids it), not by whichever session asked first; a download that
failed is not tried again for ten minutes, whoever asks.
"""

import os

import streamlit as st

from core.data import ENV_DIR, ENV_DOWNLOAD, DataError, FashionMNIST, download, load_fashion_mnist
from core.device import get_device
from ui.i18n import t

DOWNLOAD = os.environ.get(ENV_DOWNLOAD, "1") != "0"
PLAIN_KINDS = ("missing", "unreadable", "unreadable_dir", "download")


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(device: str) -> FashionMNIST:
    # read-only and shared by every session: the decoded tensors, never a model
    return load_fashion_mnist(device, allow_download=False)


@st.cache_resource(show_spinner=False, ttl=600)
def _download() -> DataError | None:
    """One download attempt per ten minutes per server: None when it worked, else why not."""
    try:
        download()
    except DataError as e:
        return e
    return None


def explain(error: DataError) -> str:
    """A message that names the file and the fix."""
    kind = error.kind if error.kind in PLAIN_KINDS else "damaged"
    detail = error.detail[:200]
    if kind == "damaged":
        detail = f"{t('data.why.' + error.kind)}; {detail}" if detail else t(f"data.why.{error.kind}")
    return t(f"data.{kind}", path=error.path, detail=detail, env=ENV_DIR)


def source(data: FashionMNIST) -> str:
    """Which directory the data set was read from, and why that one."""
    if data.passed_over:
        why = t("data.why_fallback", env=ENV_DIR, wanted=data.passed_over,
                file=data.passed_over_file)
    else:
        why = t(f"data.why_{data.reason}", env=ENV_DIR)
    return t("data.source", path=data.source, why=why)


def class_name(k: int) -> str:
    """Fashion-MNIST class k's name in the session's language."""
    return t(f"sc.class.{k}")


def fashion_mnist() -> tuple[FashionMNIST | None, str | None]:
    """(data, None), or (None, message) when the data set cannot be used."""
    device = str(get_device())
    try:
        return _load(device), None
    except DataError as e:
        if not (DOWNLOAD and e.kind == "missing"):
            return None, explain(e)
    failed = _download()
    if failed is not None:
        return None, explain(failed)
    try:
        return _load(device), None
    except DataError as e:
        return None, explain(e)


def require_fashion_mnist() -> FashionMNIST:
    """The data set, or an error box and the end of this page's run; says where it came from."""
    data, message = fashion_mnist()
    if data is None:
        st.error(message, icon="🗂️")
        st.stop()
    if data.passed_over:  # FASHION_MNIST_DIR was set and not used: never silently
        st.warning(source(data), icon="🗂️")
    else:
        st.caption(source(data))
    return data
