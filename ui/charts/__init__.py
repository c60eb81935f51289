"""Altair chart builders (one module per page) and `show`, the one way a chart is drawn.

`show` gives every chart the same treatment: full width, larger labels in lecture mode, and
an Export menu (PNG and SVG rendered locally by vl-convert, the data as CSV). Pages never
call st.altair_chart directly.
"""

import altair as alt
import pandas as pd
import streamlit as st

from ui import keys, lesson
from ui.i18n import t

# A palette colour-blind readers can tell apart (Okabe & Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
_COUNT = keys.CHARTS_COUNT


def frames(chart) -> list[pd.DataFrame]:
    """Every data frame a (possibly layered or concatenated) chart draws."""
    found = []
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        found.append(data)
    for attr in ("layer", "hconcat", "vconcat", "concat"):
        for sub in getattr(chart, attr, None) or []:
            found += [f for f in frames(sub) if not any(f is g for g in found)]
    return found


def to_csv(chart) -> str:
    """The chart's data as CSV (layers stacked, with a `layer` column when there are several)."""
    parts = frames(chart)
    if len(parts) == 1:
        return parts[0].to_csv(index=False)
    return pd.concat(parts, keys=range(len(parts)), names=["layer", None]).reset_index(
        level=0).to_csv(index=False)


def _export(chart, box, name: str) -> None:
    index = st.session_state.get(_COUNT, 0)
    st.session_state[_COUNT] = index + 1  # unique widget keys, even for a chart redrawn live

    def spec() -> str:  # built on click only: serialising a big chart costs time
        with alt.data_transformers.disable_max_rows():
            return chart.to_json()

    def png() -> bytes:
        import vl_convert

        return vl_convert.vegalite_to_png(spec(), scale=2)

    def svg() -> str:
        import vl_convert

        return vl_convert.vegalite_to_svg(spec())

    with box.popover(t("export"), icon=":material/download:"):
        st.download_button("PNG", png, f"{name}.png", "image/png", key=f"_png{index}",
                           on_click="ignore")
        st.download_button("SVG", svg, f"{name}.svg", "image/svg+xml", key=f"_svg{index}",
                           on_click="ignore")
        st.download_button("CSV", lambda: to_csv(chart), f"{name}.csv", "text/csv",
                           key=f"_csv{index}", on_click="ignore")


def show(chart: alt.TopLevelMixin, *, name: str = "chart", container=st, export: bool = True,
         **kwargs):
    """Draw `chart` full width, with an Export menu; bigger type in lecture mode.

    `container` may be an st.empty() slot: the chart and its menu replace what it held.
    """
    if lesson.lecture():
        chart = chart.configure_axis(labelFontSize=18, titleFontSize=20).configure_legend(
            labelFontSize=18, titleFontSize=18).configure_title(fontSize=22)
    box = container.container()
    shown = box.altair_chart(chart, width="stretch", **kwargs)
    if export:
        _export(chart, box, name)
    return shown
