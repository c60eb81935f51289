"""Charts of the loss-comparison page: pure builders, data in, alt.Chart out.

Every builder takes `labels`, the display names of the losses in the order l2, l1, huber, so
that each loss keeps one colour across the page.
"""

import altair as alt
import pandas as pd

from ui.charts import PALETTE

LOSS_COLOURS = PALETTE[:3]   # L2 blue, L1 orange, Huber green
TRUE_COLOUR = PALETTE[7]     # black
DATA_COLOUR = "#7f7f7f"
OUTLIER_COLOUR = PALETTE[4]  # pink (the page's text says so): apart from the loss colours
HEIGHT = 260
CURVE_HEIGHT = 330           # the three narrow panels: title, legend and axes fit in it too


def _loss_colour(labels: list[str], orient: str = "right") -> alt.Color:
    return alt.Color("loss:N", title=None, sort=labels, legend=alt.Legend(orient=orient),
                     scale=alt.Scale(domain=labels, range=LOSS_COLOURS[:len(labels)]))


def curves(y_hat: list[float], columns: dict[str, list[float]], labels: list[str], *,
           title: str, x_title: str, y_title: str, delta: float) -> alt.LayerChart:
    """One curve per loss over y_hat, with dashed rules at the kinks ±δ of Huber's loss."""
    frame = pd.DataFrame({"y_hat": y_hat, **{lab: columns[name] for name, lab
                                              in zip(("l2", "l1", "huber"), labels, strict=True)}})
    long = frame.melt("y_hat", var_name="loss", value_name="value")
    lines = alt.Chart(long).mark_line(strokeWidth=2.5).encode(
        x=alt.X("y_hat:Q", title=x_title),
        y=alt.Y("value:Q", title=y_title),
        color=_loss_colour(labels, "bottom"),
        tooltip=[alt.Tooltip("loss:N"), alt.Tooltip("y_hat:Q", format=".2f"),
                 alt.Tooltip("value:Q", format=".4f")],
    )
    lo, hi = min(y_hat), max(y_hat)
    kinks = pd.DataFrame({"at": [k for k in (-delta, delta) if lo <= k <= hi]})
    rules = alt.Chart(kinks).mark_rule(strokeDash=[4, 4], color=LOSS_COLOURS[2]).encode(
        x="at:Q")
    return alt.layer(lines, rules).properties(title=title, height=CURVE_HEIGHT,
                                              name="loss-curves")


def constants_on_data(points: list[float], outlier: float, constants: dict[str, float],
                      interval: tuple[float, float], labels: list[str], *, title: str,
                      x_title: str, data_label: str, outlier_label: str) -> alt.LayerChart:
    """The data on a line, the outlier marked, and a vertical rule at each loss's constant.

    `interval` is the set of L1 minimisers (one point for odd n), drawn as a band.
    """
    dots = pd.DataFrame({"x": [*points, outlier],
                         "kind": [data_label] * len(points) + [outlier_label]})
    dots_chart = alt.Chart(dots).mark_circle(size=140, opacity=0.85).encode(
        x=alt.X("x:Q", title=x_title, scale=alt.Scale(zero=False, nice=True)),
        y=alt.value(HEIGHT / 2),
        color=alt.Color("kind:N", title=None,
                        scale=alt.Scale(domain=[data_label, outlier_label],
                                        range=[DATA_COLOUR, OUTLIER_COLOUR])),
        tooltip=[alt.Tooltip("kind:N"), alt.Tooltip("x:Q", format=".3f")],
    )
    answers = pd.DataFrame({"loss": labels,
                            "c": [constants[n] for n in ("l2", "l1", "huber")],
                            "dash": [0, 6, 2]})
    rules = alt.Chart(answers).mark_rule(strokeWidth=3).encode(
        x="c:Q",
        color=_loss_colour(labels),
        strokeDash=alt.StrokeDash("loss:N", sort=labels, legend=None,
                                  scale=alt.Scale(domain=labels, range=[[1, 0], [8, 4], [2, 2]])),
        tooltip=[alt.Tooltip("loss:N"), alt.Tooltip("c:Q", format=".4f")],
    )
    band = alt.Chart(pd.DataFrame({"low": [interval[0]], "high": [interval[1]]})).mark_rect(
        color=LOSS_COLOURS[1], opacity=0.2).encode(x="low:Q", x2="high:Q")
    return alt.layer(band, rules, dots_chart).resolve_scale(color="independent").properties(
        title=title, height=HEIGHT, name="best-constants")


def objectives(curves_by_loss: dict[str, list[float]], constants: dict[str, float],
               labels: list[str], *, x_title: str, y_title: str,
               subtitles: list[str]) -> alt.HConcatChart:
    """J(c) of each loss in its own panel (their scales differ), the minimiser marked;
    `subtitles` say each panel's y range, since the three y axes are not shared."""
    panels = []
    for colour, name, label, subtitle in zip(LOSS_COLOURS, ("l2", "l1", "huber"), labels,
                                             subtitles, strict=True):
        frame = pd.DataFrame({"c": curves_by_loss["c"], "J": curves_by_loss[name]})
        line = alt.Chart(frame).mark_line(color=colour, strokeWidth=2.5).encode(
            x=alt.X("c:Q", title=x_title), y=alt.Y("J:Q", title=y_title),
            tooltip=[alt.Tooltip("c:Q", format=".3f"), alt.Tooltip("J:Q", format=".4f")])
        best = alt.Chart(pd.DataFrame({"c": [constants[name]]})).mark_rule(
            color=colour, strokeDash=[4, 4]).encode(x="c:Q")
        panels.append(alt.layer(line, best).properties(
            title=alt.TitleParams(label, subtitle=subtitle, subtitleFontSize=13,
                                  subtitleColor="#444444"), height=240, width=260))
    # one x scale for the three panels; each y axis is its own (the panel says so by its axis)
    return alt.hconcat(*panels).resolve_scale(x="shared").properties(name="objectives")


def robust_lines(x: list[float], y: list[float], is_outlier: list[bool],
                 fits: dict[str, tuple[float, float]], true_wb: tuple[float, float],
                 labels: list[str], *, title: str, true_label: str, inlier_label: str,
                 outlier_label: str) -> alt.LayerChart:
    """The data (outliers marked), the true line and the line each loss fitted."""
    dots = pd.DataFrame({"x": x, "y": y,
                         "kind": [outlier_label if o else inlier_label for o in is_outlier]})
    dots_chart = alt.Chart(dots).mark_circle(size=30, opacity=0.6).encode(
        x=alt.X("x:Q", title="x"), y=alt.Y("y:Q", title="y"),
        color=alt.Color("kind:N", title=None,
                        scale=alt.Scale(domain=[inlier_label, outlier_label],
                                        range=[DATA_COLOUR, OUTLIER_COLOUR])),
    )
    lo, hi = min(x), max(x)
    rows = []
    for label, (w, b) in [(true_label, true_wb),
                          *zip(labels, (fits[n] for n in ("l2", "l1", "huber")), strict=True)]:
        rows += [{"line": label, "x": lo, "y": w * lo + b}, {"line": label, "x": hi, "y": w * hi + b}]
    domain = [true_label, *labels]
    lines = alt.Chart(pd.DataFrame(rows)).mark_line(strokeWidth=2.5).encode(
        x="x:Q", y="y:Q",
        color=alt.Color("line:N", title=None, sort=domain,
                        scale=alt.Scale(domain=domain, range=[TRUE_COLOUR, *LOSS_COLOURS])),
        strokeDash=alt.StrokeDash("line:N", sort=domain, legend=None,
                                  scale=alt.Scale(domain=domain,
                                                  range=[[6, 4], [1, 0], [8, 4], [1, 0]])),
    )
    return alt.layer(dots_chart, lines).resolve_scale(color="independent").properties(
        title=title, height=320, name="robust-fits")


def parameter_error(history: dict[str, list[dict]], true_wb: tuple[float, float],
                    labels: list[str], *, title: str, x_title: str,
                    y_title: str) -> alt.Chart:
    """‖(w, b) − (w_true, b_true)‖ after each step, per loss, on a log scale."""
    rows = []
    for name, label in zip(("l2", "l1", "huber"), labels, strict=True):
        for rec in history[name]:
            err = ((rec["w"] - true_wb[0]) ** 2 + (rec["b"] - true_wb[1]) ** 2) ** 0.5
            rows.append({"step": rec["step"], "loss": label, "error": max(err, 1e-6)})
    return alt.Chart(pd.DataFrame(rows)).mark_line(strokeWidth=2).encode(
        x=alt.X("step:Q", title=x_title),
        y=alt.Y("error:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(format=".0e")),
        color=_loss_colour(labels),
        tooltip=[alt.Tooltip("loss:N"), alt.Tooltip("step:Q"),
                 alt.Tooltip("error:Q", format=".4f")],
    ).properties(title=title, height=HEIGHT, name="parameter-error")
