"""Charts of the softmax regression page: pure builders, plain data in, alt.Chart out.

Each chart carries a `description` (Vega-Lite writes it as the chart's aria-label), so a
screen reader says what is drawn.
"""

import math

import altair as alt
import pandas as pd

from ui.charts import PALETTE
from ui.numbers import number


def bar_frame(classes: list[str], series: dict[str, list[float]]) -> pd.DataFrame:
    """Long form for `bars`: class, series, value (None when not finite), label."""
    return pd.DataFrame([{"class": c, "series": name,
                          "value": v if math.isfinite(v) else None, "label": number(v, 3)}
                         for name, values in series.items()
                         for c, v in zip(classes, values, strict=True)])


def bars(df: pd.DataFrame, classes: list[str], domain: tuple[float, float] | None = None, *,
         x_title: str, y_title: str, description: str, height: int = 340) -> alt.LayerChart:
    """Grouped bars per class and series, each labelled with its value (∞ has no bar)."""
    names = list(dict.fromkeys(df["series"]))
    colour = alt.Color("series:N", sort=names, title=None, legend=alt.Legend(orient="top"),
                       scale=alt.Scale(domain=names, range=PALETTE[:len(names)]))
    x = alt.X("class:N", sort=classes, scale=alt.Scale(domain=classes), title=x_title,
              axis=alt.Axis(labelAngle=0, labelLimit=120))
    offset = alt.XOffset("series:N", sort=names)
    y_scale = alt.Scale(domain=list(domain)) if domain else alt.Scale()
    base = alt.Chart(df)
    drawn = base.mark_bar().encode(
        x=x, xOffset=offset, color=colour, y=alt.Y("value:Q", title=y_title, scale=y_scale),
        tooltip=["class:N", "series:N", alt.Tooltip("label:N", title=y_title)])
    text = base.mark_text(baseline="bottom", dy=-2, fontSize=13).encode(
        x=x, xOffset=offset, color=colour, text="label:N",
        y=alt.Y("top:Q", scale=y_scale)).transform_calculate(
        top="isValid(datum.value) ? max(datum.value, 0) : 0")
    return alt.layer(drawn, text).properties(height=height, description=description)


def network(d: int, q: int, inputs: list[str], outputs: list[str], *, title: str,
            description: str) -> alt.LayerChart:
    """o = W x + b as a diagram: d input nodes, q output nodes, every one of the d·q edges."""
    def place(count: int, k: int) -> float:  # spread nodes evenly over [0, 1]
        return 0.5 if count == 1 else 1.0 - k / (count - 1)

    nodes = pd.DataFrame(
        [{"x": 0.0, "y": place(d, k), "name": inputs[k], "kind": "x"} for k in range(d)]
        + [{"x": 1.0, "y": place(q, j), "name": outputs[j], "kind": "o"} for j in range(q)])
    edges = pd.DataFrame([{"x": 0.0, "y": place(d, k), "x2": 1.0, "y2": place(q, j),
                           "weight": f"w{j + 1},{k + 1}: {inputs[k]} → {outputs[j]}"}
                          for j in range(q) for k in range(d)])
    axis = None  # no axes: a diagram, not a plot
    scale_x = alt.Scale(domain=[-0.15, 1.15])
    lines = alt.Chart(edges).mark_rule(color="#888888", strokeWidth=1.2, opacity=0.8).encode(
        x=alt.X("x:Q", axis=axis, scale=scale_x), y=alt.Y("y:Q", axis=axis),
        x2="x2:Q", y2="y2:Q", tooltip=[alt.Tooltip("weight:N", title="w")])
    colour = alt.Color("kind:N", legend=None,
                       scale=alt.Scale(domain=["x", "o"], range=[PALETTE[0], PALETTE[1]]))
    dots = alt.Chart(nodes).mark_circle(size=900, opacity=1).encode(
        x=alt.X("x:Q", axis=axis, scale=scale_x), y=alt.Y("y:Q", axis=axis), color=colour,
        tooltip=["name:N"])
    names = alt.Chart(nodes).mark_text(color="white", fontWeight="bold", fontSize=13).encode(
        x="x:Q", y="y:Q", text="name:N")
    return alt.layer(lines, dots, names).properties(
        height=max(240, 36 * max(d, q)), title=title, description=description)


def entropy_gap(parts: pd.DataFrame, *, total_label: str, x_title: str,
                description: str) -> alt.Chart:
    """H(P, Q) as one bar: H[P] and the gap KL(P ‖ Q) stacked (parts: part, value, label)."""
    names = list(parts["part"])
    return alt.Chart(parts).mark_bar().encode(
        x=alt.X("value:Q", title=x_title, stack="zero"),
        y=alt.Y("total:N", title=None),
        color=alt.Color("part:N", sort=names, title=None, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=names, range=[PALETTE[0], PALETTE[3]])),
        order=alt.Order("order:Q"),
        tooltip=["part:N", "label:N"]).transform_calculate(
        total=f"'{total_label}'").properties(height=130, description=description)


def surprisal_curve(points: pd.DataFrame, unit_factor: float, *, x_title: str, y_title: str,
                    description: str) -> alt.LayerChart:
    """−log q against q, with each class of Q on it, sized by P (points: class, q, s, p)."""
    grid = [i / 200 for i in range(2, 201)]
    curve = pd.DataFrame({"q": grid, "s": [-math.log(v) * unit_factor for v in grid]})
    line = alt.Chart(curve).mark_line(color="#777777").encode(
        x=alt.X("q:Q", title=x_title, scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("s:Q", title=y_title))
    shown = points[points["q"] > 0]
    dots = alt.Chart(shown).mark_circle(opacity=0.85, color=PALETTE[3]).encode(
        x="q:Q", y="s:Q", size=alt.Size("p:Q", title="P", scale=alt.Scale(domain=[0, 1],
                                                                          range=[30, 600])),
        tooltip=["class:N", alt.Tooltip("q:Q", format=".3f"), alt.Tooltip("s:Q", format=".4f"),
                 alt.Tooltip("p:Q", format=".3f")])
    names = alt.Chart(shown).mark_text(dx=12, align="left", fontSize=14).encode(
        x="q:Q", y="s:Q", text="class:N")
    return alt.layer(line, dots, names).properties(height=280, description=description)


def loss_and_accuracy(df: pd.DataFrame, now: float, *, x_title: str, y_title: str,
                      description: str) -> alt.LayerChart:
    """Mean loss (smooth) and accuracy (a step) while one logit moves (df: shift, metric, value)."""
    names = list(dict.fromkeys(df["metric"]))
    lines = alt.Chart(df).mark_line(strokeWidth=2.5, interpolate="linear").encode(
        x=alt.X("shift:Q", title=x_title), y=alt.Y("value:Q", title=y_title),
        color=alt.Color("metric:N", sort=names, title=None, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=names, range=[PALETTE[0], PALETTE[1]])))
    rule = alt.Chart(pd.DataFrame({"shift": [now]})).mark_rule(
        strokeDash=[4, 4], color="#555555").encode(x="shift:Q")
    return alt.layer(lines, rule).properties(height=280, description=description)
