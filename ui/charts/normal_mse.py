"""Charts of the normal-distribution page: data in (plain lists), alt.Chart out."""

import dataclasses
from collections.abc import Sequence

import altair as alt
import pandas as pd

from ui.charts import PALETTE


@dataclasses.dataclass(frozen=True)
class Density:
    """One normal density drawn over the page's x grid: p(x), and its peak at x = μ."""
    label: str
    p: Sequence[float]
    mu: float
    peak: float


@dataclasses.dataclass(frozen=True)
class Line:
    """The line y = w x + b, named in the legend."""
    label: str
    w: float
    b: float


@dataclasses.dataclass(frozen=True)
class LossCurve:
    """A loss over the page's w grid, and its minimum (argmin, min)."""
    label: str
    loss: Sequence[float]
    argmin: float
    min: float


def densities(x: Sequence[float], curves: Sequence[Density], *, x_title: str, y_title: str,
              legend: str) -> alt.LayerChart:
    """One line per curve, its peak marked and labelled.

    The labels (they name μ and σ) live in the data only and the colours follow the curve's
    number: the spec stays the same while a slider moves, so the browser updates the drawn
    chart in place (ui.charts.vega_spec)."""
    lines = pd.DataFrame([{"x": xi, "p": pi, "curve": c.label, "i": i}
                          for i, c in enumerate(curves) for xi, pi in zip(x, c.p, strict=True)])
    peaks = pd.DataFrame([{"x": c.mu, "p": c.peak, "curve": c.label, "i": i,
                           "text": f"{c.peak:.3f}"} for i, c in enumerate(curves)])
    color = alt.Color("curve:N", title=legend, sort=alt.EncodingSortField("i", op="min"),
                      scale=alt.Scale(range=PALETTE[:len(curves)]),
                      legend=alt.Legend(orient="top", labelLimit=400, columns=2))  # a phone
    base = alt.Chart(lines).mark_line(strokeWidth=2.5).encode(
        x=alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[min(x), max(x)], nice=False)),
        y=alt.Y("p:Q", title=y_title), color=color)
    dots = alt.Chart(peaks).mark_point(filled=True, size=70).encode(x="x:Q", y="p:Q", color=color)
    text = alt.Chart(peaks).mark_text(dy=-12, fontSize=13).encode(
        x="x:Q", y="p:Q", text="text:N", color=color)
    return (base + dots + text).properties(height=340, name="densities")


def data_and_lines(x: Sequence[float], y: Sequence[float], lines: Sequence[Line], *, x_title: str,
                   y_title: str, title: str, legend: str) -> alt.LayerChart:
    """The data as dots, and each line across the range of x."""
    pts = pd.DataFrame({"x": list(x), "y": list(y)})
    lo, hi = min(x), max(x)
    segs = pd.DataFrame([{"x": xi, "y": line.w * xi + line.b, "line": line.label}
                         for line in lines for xi in (lo, hi)])
    labels = [line.label for line in lines]
    scatter = alt.Chart(pts).mark_circle(size=35, opacity=0.55, color="#777777").encode(
        x=alt.X("x:Q", title=x_title), y=alt.Y("y:Q", title=y_title),
        tooltip=[alt.Tooltip("x:Q", format=".3f"), alt.Tooltip("y:Q", format=".3f")])
    drawn = alt.Chart(segs).mark_line(strokeWidth=2.5).encode(
        x="x:Q", y="y:Q",
        color=alt.Color("line:N", title=legend, legend=alt.Legend(orient="top", columns=1),
                        scale=alt.Scale(domain=labels, range=[PALETTE[3], PALETTE[0]])),
        strokeDash=alt.StrokeDash("line:N", scale=alt.Scale(domain=labels, range=[[6, 4], [1, 0]]),
                                  legend=None))
    return (scatter + drawn).properties(height=380, title=title, name="data-and-lines")


def loss_curves(w_grid: Sequence[float], curves: Sequence[LossCurve], colors: Sequence[str], *,
                x_title: str, y_title: str, legend: str, height: int = 280,
                symlog: bool = False) -> alt.LayerChart:
    """Loss against w, one line per curve, minima marked.

    `symlog`: a y scale that is linear near 0 and logarithmic beyond, so a steep curve does
    not flatten the others (monotone: the minima stay where they are).
    """
    labels = [c.label for c in curves]
    lines = pd.DataFrame([{"w": wi, "loss": li, "curve": c.label}
                          for c in curves for wi, li in zip(w_grid, c.loss, strict=True)])
    minima = pd.DataFrame([{"w": c.argmin, "loss": c.min, "curve": c.label} for c in curves])
    color = alt.Color("curve:N", title=legend,  # one entry a line: whole on a phone too
                      legend=alt.Legend(orient="top", labelLimit=400, columns=1),
                      scale=alt.Scale(domain=labels, range=list(colors)[:len(labels)]))
    base = alt.Chart(lines).mark_line(strokeWidth=2.5).encode(
        x=alt.X("w:Q", title=x_title, scale=alt.Scale(domain=[min(w_grid), max(w_grid)],
                                                      nice=False)),
        y=alt.Y("loss:Q", title=y_title,
                scale=alt.Scale(type="symlog") if symlog else alt.Scale(zero=False)),
        color=color)
    marks = alt.Chart(minima).mark_point(shape="diamond", filled=True, size=140,
                                         stroke="black", strokeWidth=1).encode(
        x="w:Q", y="loss:Q", color=color,
        tooltip=[alt.Tooltip("curve:N"), alt.Tooltip("w:Q", format=".6f")])
    rule = alt.Chart(minima.head(1)).mark_rule(strokeDash=[4, 4], color="#555555").encode(x="w:Q")
    return (base + rule + marks).properties(height=height, name="loss-against-w")


def residual_histogram(edges: Sequence[float], density: Sequence[float], grid: Sequence[float],
                       pdf: Sequence[float], *, x_title: str, y_title: str,
                       curve: str) -> alt.LayerChart:
    """Bars of the residuals' density, and the fitted normal density over them."""
    bars = pd.DataFrame({"lo": list(edges[:-1]), "hi": list(edges[1:]), "density": list(density)})
    line = pd.DataFrame({"r": list(grid), "p": list(pdf), "curve": curve})
    hist = alt.Chart(bars).mark_rect(color=PALETTE[5], opacity=0.75, stroke="white",
                                     strokeWidth=0.5).encode(
        x=alt.X("lo:Q", title=x_title, scale=alt.Scale(domain=[edges[0], edges[-1]], nice=False)),
        x2="hi:Q", y=alt.Y("density:Q", title=y_title), y2=alt.datum(0))
    fit = alt.Chart(line).mark_line(strokeWidth=3, color=PALETTE[3]).encode(
        x="r:Q", y="p:Q",
        color=alt.Color("curve:N", title=None, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(range=[PALETTE[3]])))
    return (hist + fit).properties(height=340, name="residuals")


def interval_area(x: Sequence[float], p: Sequence[float], ax: Sequence[float],
                  ap: Sequence[float], *, x_title: str, y_title: str,
                  description: str) -> alt.LayerChart:
    """A density p over x with the area over one interval (ax, ap) shaded: that area, not the
    curve's height, is a probability."""
    curve = alt.Chart(pd.DataFrame({"x": list(x), "p": list(p)})).mark_line(
        color=PALETTE[0], strokeWidth=2.5).encode(x=alt.X("x:Q", title=x_title),
                                                  y=alt.Y("p:Q", title=y_title))
    area = alt.Chart(pd.DataFrame({"x": list(ax), "p": list(ap)})).mark_area(
        color=PALETTE[1], opacity=0.5).encode(x="x:Q", y="p:Q")
    one = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(color="#555555",
                                                           strokeDash=[4, 4]).encode(y="y:Q")
    return (area + curve + one).properties(height=260, description=description,
                                           name="density-interval")
