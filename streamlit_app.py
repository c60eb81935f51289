"""The router: the whole app map on one screen."""

import streamlit as st

from core import resources, turns
from ui import classroom, frame, notebook, safe, share, sidebar, state, style
from ui.i18n import t

st.set_page_config(page_title="Linear neural networks · d2l", page_icon="📈", layout="wide")
resources.configure_process()  # once per server: one torch thread, fewer malloc arenas, trims
HOME, OVERVIEW = "pages/home.py", "overview"  # /overview: the home page's name in old links


def pages() -> list[st.Page]:
    """In the book's order: the learning path of the home page. Titles in the session's
    language, so the sidebar's language switch comes first."""
    return [
        st.Page(HOME, title=t("nav.home"), icon=":material/home:", url_path="start", default=True),
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
        st.Page("pages/class_board.py", title=t("nav.class_board"), icon=":material/groups:",
                url_path="class-board"),
        st.Page(HOME, title=t("nav.home"), url_path=OVERVIEW, visibility="hidden"),  # → /
    ]


# URL paths differ from the file names on purpose: a `pages/` folder makes Streamlit's
# legacy page discovery claim the file names before st.navigation runs (a url_path "home"
# reran pages/home.py alone, without the router's sidebar). The default page is served at /
# whatever its url_path ("start" only names it), so /overview is a page of its own, hidden.
with turns.PAGES.turn():  # the server's one interpreter, page runs in turns (core.turns)
    with frame.page_run():  # URL state, lesson sections, chart keys: begun before, finished after
        sidebar.language()  # before the navigation, so that the page titles are translated
        page = st.navigation(pages())
        if page.url_path == OVERVIEW:  # an old link to the home page: open / with its settings
            st.switch_page(HOME, query_params=[(k, v) for k in st.query_params
                                               for v in st.query_params.get_all(k)])
        state.set_page(page.url_path)
        sidebar.controls()
        style.apply()  # the phone layout; in lecture mode the projector's, and the clicker keys
        classroom.sidebar(page.url_path)  # the class experiment: join from a link, or start
        safe.run_page(page)  # the error boundary: a short message, the traceback in the log
    share.panel(page.url_path)
    notebook.button(page.url_path)  # “Continue in Jupyter”: the lesson as a notebook
