"""Home: the lesson path as cards (preview, time, what you will be able to do), then About."""

from pathlib import Path

import streamlit as st
import torch

from core.device import device_name
from ui.data import fashion_mnist
from ui.i18n import t

PREVIEWS = Path(__file__).resolve().parent.parent / "docs" / "previews"  # scripts/make_previews.py
PATH = [  # the learning path, in the book's order: (page, estimated minutes)
    ("normal_mse", 15), ("linear_regression", 25), ("loss_comparison", 20),
    ("softmax_regression", 25), ("softmax_overflow", 15), ("softmax_classifier", 20),
]

st.title(t("home.title"))
st.markdown(t("home.intro"))
st.markdown(t("home.path", n=len(PATH), minutes=sum(m for _, m in PATH)))

for row in range(0, len(PATH), 3):
    for column, (number, (page, minutes)) in zip(st.columns(3), enumerate(PATH[row:row + 3],
                                                                          row + 1), strict=False):
        card = column.container(border=True, key=f"home_card_{page}")
        card.image(str(PREVIEWS / f"{page}.png"), width="stretch")
        card.page_link(f"pages/{page}.py", label=f"{number}. {t(f'nav.{page}')}",
                       icon=":material/arrow_forward:")
        card.caption(t("home.minutes", n=minutes))
        card.markdown(t(f"home.{page}"))
        card.markdown(t("home.can") + " " + t(f"home.can.{page}"))

data, problem = fashion_mnist()
if data is None:
    st.warning(problem, icon="🗂️")
with st.expander(t("home.about"), icon=":material/info:"):
    st.markdown(t("home.device", device=device_name(), torch=torch.__version__))
    if data is not None:
        st.markdown(t("home.data_found", source=data.source, train=len(data.train_labels),
                      test=len(data.test_labels), seconds=data.decode_seconds))
