"""An uploaded picture, prepared once per file (keyed by the upload's file_id), not per rerun.

Every widget change reruns the page while the file stays in the uploader; decoding it again
each time cost a shared server memory and CPU for nothing. The session keeps the small
28 × 28 result of its latest upload (or why it was refused) and nothing else.
"""

import dataclasses

import streamlit as st

from core import images
from ui import keys
from ui.i18n import t


@dataclasses.dataclass(frozen=True)
class Kept:
    """The upload's id and either its prepared image or the reason it was refused."""
    file_id: str
    prepared: images.Prepared | None
    refusal: str = ""   # an ImageError kind
    limit: int = 0      # the pixel limit that refused it


def refusal_message(kind: str, limit: int = 0) -> str:
    """Why an upload was refused, in the reader's language, with the limit that applied."""
    if kind == "bad_shape":
        return t("upload.bad_shape", side=f"{images.MAX_SIDE:,}", aspect=images.MAX_ASPECT)
    return t(f"sc.bad.{kind}", mb=images.MAX_BYTES // 2**20,
             mp=f"{(limit or images.MAX_PIXELS) / 1e6:g}")


def prepare(upload) -> images.Prepared | None:
    """The upload as a (28, 28) image, decoded only when it is a new file; None (and a warning
    on the page) when it is refused."""
    file_id = str(getattr(upload, "file_id", "") or f"{upload.name}:{upload.size}")
    kept = st.session_state.get(keys.UPLOAD)
    if kept is None or kept.file_id != file_id:
        try:
            kept = Kept(file_id, images.prepare(upload.getvalue()))
        except images.ImageError as e:
            kept = Kept(file_id, None, e.kind, e.limit)
        st.session_state[keys.UPLOAD] = kept
    if kept.prepared is None:
        st.warning(refusal_message(kept.refusal, kept.limit), icon=":material/image:")
    return kept.prepared
