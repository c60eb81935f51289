"""Lesson page: coming soon."""

import streamlit as st

from ui.i18n import t

st.title(t("nav.softmax_overflow"))
st.info(t("coming_soon"))
