"""The router: the whole app map on one screen."""

import streamlit as st

from core import resources
from ui import lesson, safe, share, sidebar, state, style
from ui.i18n import t

st.set_page_config(page_title="Linear neural networks · d2l", page_icon="📈", layout="wide")
resources.configure_process()  # once per server: one torch thread, fewer malloc arenas, trims

state.begin()
sidebar.language()  # before the navigation, so that the page titles are translated

PAGES = [  # in the book's order: the learning path of the home page
    st.Page("pages/home.py", title=t("nav.home"), icon=":material/home:", url_path="overview",
            default=True),
    st.Page("pages/normal_mse.py", title=t("nav.normal_mse"), icon=":material/ssid_chart:",
            url_path="normal-mse"),
    st.Page("pages/linear_regression.py", title=t("nav.linear_regression"),
            icon=":material/show_chart:", url_path="linear-regression"),
    st.Page("pages/loss_comparison.py", title=t("nav.loss_comparison"),
            icon=":material/functions:", url_path="loss-comparison"),
    st.Page("pages/softmax_regression.py", title=t("nav.softmax_regression"),
            icon=":material/category:", url_path="softmax-regression"),
    st.Page("pages/softmax_overflow.py", title=t("nav.softmax_overflow"),
            icon=":material/warning:", url_path="softmax-overflow"),
    st.Page("pages/softmax_classifier.py", title=t("nav.softmax_classifier"),
            icon=":material/checkroom:", url_path="softmax-classifier"),
]

# URL paths differ from the file names on purpose: a `pages/` folder makes Streamlit's
# legacy page discovery claim the file names before st.navigation runs.
page = st.navigation(PAGES)
state.set_page(page.url_path)
sidebar.controls()
style.apply()  # the phone layout; in lecture mode the projector's, and the clicker keys
lesson.begin()
safe.run_page(page)  # the error boundary: a short message, the traceback in the log
lesson.finish()
state.finish()
share.panel(page.url_path)
