"""Altair chart builders (one module per page) and `show`, the one way a chart is drawn.

`show` is where every chart gets the same treatment: full width, larger labels in lecture
mode, and (later) export buttons. Pages never call st.altair_chart directly.
"""

import altair as alt
import streamlit as st

from ui import lesson

# A palette colour-blind readers can tell apart (Okabe & Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]


def show(chart: alt.TopLevelMixin, *, key: str | None = None, container=st, **kwargs):
    """Draw `chart` full width; bigger type when the lecture mode is on."""
    if lesson.lecture():
        chart = chart.configure_axis(labelFontSize=18, titleFontSize=20).configure_legend(
            labelFontSize=18, titleFontSize=18).configure_title(fontSize=22)
    return container.altair_chart(chart, width="stretch", key=key, **kwargs)
