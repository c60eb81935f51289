"""What surrounds every page run, in one construct, so that a new page cannot forget a step."""

from contextlib import contextmanager

import streamlit as st

from ui import keys, lesson, state


@contextmanager
def page_run():
    """Before the page: URL state, lesson sections and chart keys start afresh. After it:
    lecture mode's Back/Next, then the URL is tidied and its notices shown. A page that ends
    its run early (st.stop(), st.rerun()) skips the finish, as a run that ends should."""
    state.begin()
    lesson.begin()
    st.session_state[keys.CHARTS_COUNT] = 0
    yield
    lesson.finish()
    state.finish()
