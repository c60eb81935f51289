"""Charts and tables of the softmax overflow page: pure builders, data in, chart out."""

import math
from itertools import groupby
from operator import attrgetter

import altair as alt
import pandas as pd

from ui import numbers
from ui.charts import PALETTE
from ui.safe import literal_frame

STATUSES = ["ok", "imprecise", "wrong", "inf_loss", "loss_overflow", "nan", "bad_input"]
STATUS_COLOURS = {"ok": PALETTE[2], "imprecise": PALETTE[6], "wrong": PALETTE[4],
                  "inf_loss": PALETTE[1],
                  "loss_overflow": PALETTE[5], "nan": PALETTE[3], "bad_input": PALETTE[7]}
SCALE_DOMAIN = [-1e5, 1e5]
BAND = 40  # px a band of the strip: two lines of a 14 px label (a phone's), or one of 20 px
NARROW = 700  # px: a chart narrower than this names each band on two lines
# cell backgrounds: light tints of the palette; the cell text says "nan", "inf" or "0" too
HIGHLIGHT = {"nan": "background-color: rgba(213, 94, 0, 0.40)",
             "inf": "background-color: rgba(230, 159, 0, 0.40)",
             "zero": "background-color: rgba(86, 180, 233, 0.35)"}


def special(value) -> str | None:
    """'nan', 'inf' (either sign) or 'zero' for the values a table highlights, else None."""
    if not isinstance(value, float):
        return None
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf"
    return "zero" if value == 0.0 else None


INF = "inf"  # a page about floating point spells infinity as torch prints it


def number(value, digits: int = 6) -> str:
    """ui.numbers.number with this page's "inf" and six significant digits by default."""
    return numbers.number(value, digits, INF)


def styled(df: pd.DataFrame, digits: int = 6):
    """The table as text, with inf, −inf, nan and exact zeros spelled out and highlighted.

    The cells are strings, so that a NaN reads "nan", not "None"; the colours come from the
    numbers.
    """
    text = literal_frame(df.map(lambda v: number(v, digits)))  # st.table reads Markdown
    colours = df.map(lambda v: HIGHLIGHT.get(special(v), ""))
    colours.index, colours.columns = text.index, text.columns
    return text.style.apply(lambda _: colours, axis=None)


def probability_bars(df: pd.DataFrame, classes: list[str], methods: list[str], *,
                     x_title: str, y_title: str) -> alt.LayerChart:
    """Grouped bars of y_hat per class and method; a non-finite value is a label, not a bar.

    df: class (str), method (str, one of methods), p (float or NaN), label ('' or 'nan'...).
    """
    colour = alt.Color("method:N", sort=methods, title=None,
                       scale=alt.Scale(domain=methods, range=PALETTE[:len(methods)]))
    x = alt.X("class:N", sort=classes, scale=alt.Scale(domain=classes), title=x_title,
              axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset("method:N", sort=methods)
    base = alt.Chart(df)
    bars = base.mark_bar().encode(
        x=x, xOffset=offset, color=colour,
        y=alt.Y("p:Q", title=y_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        tooltip=["class:N", "method:N", alt.Tooltip("p:Q", format=".4g")])
    labels = base.transform_filter("datum.label != ''").mark_text(
        baseline="bottom", dy=-2, fontWeight="bold", fontSize=13).encode(
        x=x, xOffset=offset, color=colour, y=alt.datum(0.0), text="label:N")
    return alt.layer(bars, labels).properties(height=300, name="probabilities")


def breaks_strip(segments: pd.DataFrame, rows: list[str], status_labels: dict[str, str],
                 current: float, *, x_title: str) -> alt.LayerChart:
    """One band per method (and its gradient) across the scale factor, coloured by status.

    segments: row (str, one of rows), lo, hi (scale factors), status (a key of STATUSES).
    """
    df = segments.assign(what=segments["status"].map(status_labels))
    domain = [status_labels[s] for s in STATUSES]
    x_scale = alt.Scale(type="symlog", domain=SCALE_DOMAIN)
    bands = alt.Chart(df).mark_rect().encode(
        x=alt.X("lo:Q", scale=x_scale, title=x_title, axis=_scale_axis()), x2="hi:Q",
        # "max-subtracted · gradient" on two lines in a narrow box: the bands keep a phone's
        # width (containerSize: the box's, set before the layout, unlike `width`)
        y=alt.Y("row:N", sort=rows, title=None,
                axis=alt.Axis(labelLimit=220, labelOverlap=False, labelExpr=(
                    f"containerSize()[0] < {NARROW} ? split(datum.label, ' · ') : datum.label"))),
        color=alt.Color("what:N", title=None, sort=domain,
                        legend=alt.Legend(orient="bottom", direction="vertical",
                                          labelLimit=0),  # whole labels, under the bands
                        scale=alt.Scale(domain=domain,
                                        range=[STATUS_COLOURS[s] for s in STATUSES])),
        tooltip=["row:N", "what:N", alt.Tooltip("lo:Q", format=".3g"),
                 alt.Tooltip("hi:Q", format=".3g")])
    rule = alt.Chart(pd.DataFrame({"scale": [current]})).mark_rule(
        color="black", strokeWidth=2).encode(x=alt.X("scale:Q", scale=x_scale))
    # A band per step: the chart grows by its axis and legend instead of squeezing them (a
    # fixed height cut the legend off on a phone)
    return alt.layer(bands, rule).properties(height=alt.Step(BAND), name="where-it-breaks")


def loss_curves(curves: pd.DataFrame, methods: list[str], current: float, *, x_title: str,
                y_title: str) -> alt.LayerChart:
    """The loss against the scale factor where it is finite; each finite run its own line.

    curves: scale, method (one of methods; the last is the float64 reference, dashed on
    top), loss (finite), run (int). Earlier methods are drawn wider and underneath, so a
    line that stops shows even where the curves agree.
    """
    x_scale = alt.Scale(type="symlog", domain=SCALE_DOMAIN)
    top = float(curves["loss"].max()) if len(curves) else 1.0
    # 0, then 10, 100, …: a tick at 1 sat on the one at 0 (2 px apart on a phone)
    y_axis = alt.Axis(values=[0.0] + [10.0**k for k in range(1, 13) if 10.0**k <= 1.5 * top],
                      format=",.12~g")
    colour = alt.Color("method:N", sort=methods, title=None,
                       legend=alt.Legend(orient="bottom", columns=2),  # the plot keeps a
                       # phone's width (at the right the legend left it 170 px)
                       scale=alt.Scale(domain=methods, range=PALETTE[:len(methods)]))
    layers = []
    for i, method in enumerate(methods):
        reference = i == len(methods) - 1
        layers.append(alt.Chart(curves).transform_filter(
            alt.datum.method == method).mark_line(
            strokeWidth=2 if reference else 3 * (len(methods) - i),
            strokeDash=[6, 4] if reference else [1, 0]).encode(
            x=alt.X("scale:Q", scale=x_scale, title=x_title, axis=_scale_axis()),
            y=alt.Y("loss:Q", scale=alt.Scale(type="symlog"), title=y_title, axis=y_axis),
            color=colour, detail="run:N",
            tooltip=["method:N", alt.Tooltip("scale:Q", format=".3g"),
                     alt.Tooltip("loss:Q", format=".5g")]))
    rule = alt.Chart(pd.DataFrame({"scale": [current]})).mark_rule(
        color="black", strokeWidth=2).encode(x=alt.X("scale:Q", scale=x_scale))
    return alt.layer(*layers, rule).properties(height=300, name="loss-by-scale")


def _scale_axis() -> alt.Axis:
    # labelFlush: the end labels sit inside the axis, not cut at a phone's edge; SI prefixes
    # ("−100k", "1k"): at 390 px "100,000" ran over "1,000" and past the chart's edge, and
    # Vega hid every other label. Short, all seven fit a phone: none is hidden.
    return alt.Axis(values=[-1e5, -1e3, -10, 0, 10, 1e3, 1e5], grid=True, labelFlush=True,
                    labelFlushOffset=-2,  # inward: the last glyph clear of the edge
                    labelOverlap=False,
                    labelExpr="format(datum.value, '~s')")  # each its own prefix: 10, not 0k


def segments_of(rows: list, key: str) -> list[dict]:
    """Runs of equal getattr(row, key) per method along the scale grid (rows: core.softmax
    SweepRow): (method, lo, hi, status), hi being where the next run starts."""
    out: list[dict] = []
    for method in dict.fromkeys(r.method for r in rows):
        items = sorted((r for r in rows if r.method == method), key=lambda r: r.scale)
        runs = [list(run) for _, run in groupby(items, key=attrgetter(key))]
        for run, after in zip(runs, [*runs[1:], None], strict=True):
            hi = after[0].scale if after else run[-1].scale
            out.append({"method": method, "lo": run[0].scale, "hi": hi,
                        "status": getattr(run[0], key)})
    return out


def runs_of(rows: list) -> list[dict]:
    """Finite losses per method, numbered by contiguous run, so lines break at inf and nan."""
    out: list[dict] = []
    run = 0
    for method in dict.fromkeys(r.method for r in rows):
        items = sorted((r for r in rows if r.method == method), key=lambda r: r.scale)
        for finite, group in groupby(items, key=lambda r: math.isfinite(r.loss)):
            if finite:
                run += 1
                out += [{"method": method, "scale": r.scale, "loss": r.loss, "run": run}
                        for r in group]
    return out
