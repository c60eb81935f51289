"""Home: what each page teaches, where the app runs, and whether the data set is here."""

import streamlit as st
import torch

from core.device import device_name
from ui.data import fashion_mnist
from ui.i18n import t

st.title(t("home.title"))
st.markdown(t("home.intro"))

for page in ("normal_mse", "linear_regression", "loss_comparison", "softmax_regression",
             "softmax_overflow", "softmax_classifier"):  # the learning path, in the book's order
    st.page_link(f"pages/{page}.py", label=t(f"nav.{page}"))
    st.caption(t(f"home.{page}"))

st.subheader(t("home.where"))
st.markdown(t("home.device", device=device_name(), torch=torch.__version__))
data, problem = fashion_mnist()
if data is None:
    st.warning(problem, icon="🗂️")
else:
    st.markdown(t("home.data_found", source=data.source, train=len(data.train_labels),
                  test=len(data.test_labels), seconds=data.decode_seconds))
