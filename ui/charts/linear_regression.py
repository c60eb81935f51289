"""Charts of the linear-regression page: the data, the loss curve, the loss landscape.

Pure builders: plain values in, an alt.Chart out. Text (axis titles, legend entries) comes
in translated from the page, as keyword arguments (the convention of every builder).
"""

import math

import altair as alt
import pandas as pd

from ui.charts import PALETTE

MAX_POINTS = 1500   # longest line drawn; longer series are thinned, keeping the last point
LOSS_FLOOR = 1e-12  # a log axis cannot show 0
PATH, OUTLINE = PALETTE[1], "#000000"  # the SGD path: orange on black, apart from the blues


def thin(rows: list, limit: int = MAX_POINTS) -> list:
    """At most about `limit` evenly spaced rows, always with the first and the last."""
    if len(rows) <= limit:
        return rows
    every = math.ceil(len(rows) / limit)
    return rows[::every] + ([rows[-1]] if (len(rows) - 1) % every else [])


def scatter(x, y, *, x_title: str, y_title: str, limit: int = 2000) -> alt.Chart:
    """The label against one feature, as in the book's figure. Drawn on a canvas: a thousand
    circles as SVG nodes made each move of a slider take 0.37 s to redraw, 0.15 s on a
    canvas (scripts/bench_browser.py, linear-regression.slider_s)."""
    df = pd.DataFrame({"x": list(x)[:limit], "y": list(y)[:limit]})
    return alt.Chart(df).mark_circle(size=14, opacity=0.5, color=PALETTE[0]).encode(
        x=alt.X("x:Q", title=x_title), y=alt.Y("y:Q", title=y_title),
    ).properties(height=300, name="data", usermeta={"embedOptions": {"renderer": "canvas"}})


def loss_curve(steps: list[tuple[int, float]], epochs: list[tuple[int, float]],
               total_steps: int, *, step_label: str, epoch_label: str, x_title: str,
               y_title: str) -> alt.Chart:
    """Minibatch loss per step (thin line) and loss on all the data after each epoch (dots).

    steps and epochs are (step, loss) pairs; the x axis is fixed to the whole run, so a
    live redraw grows to the right instead of rescaling.
    """
    rows = [{"step": s, "loss": max(v, LOSS_FLOOR), "series": step_label}
            for s, v in thin(steps) if math.isfinite(v)]
    rows += [{"step": s, "loss": max(v, LOSS_FLOOR), "series": epoch_label}
             for s, v in epochs if math.isfinite(v)]
    df = pd.DataFrame(rows, columns=["step", "loss", "series"])
    colour = alt.Color("series:N", title=None,
                       scale=alt.Scale(domain=[step_label, epoch_label],
                                       range=[PALETTE[5], PALETTE[0]]),
                       legend=alt.Legend(orient="top"))
    x = alt.X("step:Q", title=x_title, scale=alt.Scale(domain=[0, max(total_steps, 1)]))
    y = alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log"),
              axis=alt.Axis(format=".0e"))  # one format: 1e-3 … 1e+1, never 0.001 … 10
    base = alt.Chart(df).encode(x=x, y=y, color=colour,
                                tooltip=["series:N", "step:Q", alt.Tooltip("loss:Q", format=".3g")])
    line = base.transform_filter(alt.datum.series == step_label).mark_line(strokeWidth=1)
    dots = base.transform_filter(alt.datum.series == epoch_label).mark_line(
        point=alt.OverlayMarkDef(size=60, filled=True), strokeWidth=2)
    return (line + dots).properties(height=300, name="loss-curve")


def contour_levels(lo: float, hi: float) -> list[float]:
    """Round levels 1·10ᵏ and 3·10ᵏ between lo and hi (at most 12, the largest kept)."""
    lo = max(lo, LOSS_FLOOR)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return []
    levels = [float(f"{m}e{k}")  # 3e-4, not 3 * 10.0 ** -4 = 0.00030000000000000003
              for k in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
              for m in (1, 3)]
    return [v for v in levels if lo < v <= hi][-12:]


def landscape(grid: tuple[list, list, list], window: tuple[tuple, tuple],
              contours: tuple[list, list, list], path: list[tuple[float, float]],
              optimum: tuple[float, float] | None, *, colour_title: str, start_label: str,
              end_label: str, optimum_label: str) -> alt.Chart:
    """The loss over (w1, w2) as colour and contour lines, the SGD path and the optimum on top.

    grid is (w1, w2, loss) flat lists from a square grid; window the (w1, w2) limits;
    contours (level, w1, w2) lists of closed curves; path the (w1, w2) of each step.
    Points outside the window are clipped, so a diverging path leaves the picture
    instead of squeezing it.
    """
    w1, w2, loss = grid
    size = round(math.sqrt(len(w1)))
    d1 = (window[0][1] - window[0][0]) / max(size - 1, 1) / 2
    d2 = (window[1][1] - window[1][0]) / max(size - 1, 1) / 2
    cells = pd.DataFrame({"w1": w1, "w2": w2, "loss": [max(v, LOSS_FLOOR) for v in loss]})
    # cells overlap by a hair, so that no seams show between them
    cells["w1_lo"], cells["w1_hi"] = cells.w1 - d1, cells.w1 + 1.1 * d1
    cells["w2_lo"], cells["w2_hi"] = cells.w2 - d2, cells.w2 + 1.1 * d2
    sx = alt.Scale(domain=list(window[0]), nice=False, zero=False)
    sy = alt.Scale(domain=list(window[1]), nice=False, zero=False)
    enc = {"x": alt.X("w1:Q", scale=sx, title="w₁"), "y": alt.Y("w2:Q", scale=sy, title="w₂")}
    colour = alt.Scale(type="log", scheme="blues")
    heat = alt.Chart(cells).mark_rect(clip=True).encode(  # edge cells must not cover the axes
        x=alt.X("w1_lo:Q", scale=sx, title="w₁"), x2="w1_hi",
        y=alt.Y("w2_lo:Q", scale=sy, title="w₂"), y2="w2_hi",
        color=alt.Color("loss:Q", title=colour_title, scale=colour,
                        legend=alt.Legend(format=".0e")),
        tooltip=[alt.Tooltip("w1:Q", format=".2f"), alt.Tooltip("w2:Q", format=".2f"),
                 alt.Tooltip("loss:Q", format=".3g")],
    )
    layers = [heat]
    if contours[0]:
        points = len(contours[0]) // len(set(contours[0]))
        lines = pd.DataFrame({"level": contours[0], "w1": contours[1], "w2": contours[2],
                              "i": [k % points for k in range(len(contours[0]))]})
        layers.append(alt.Chart(lines).mark_line(color=PALETTE[7], opacity=0.35, strokeWidth=1,
                                                  clip=True)
                      .encode(detail="level:N", order="i:Q",
                              tooltip=[alt.Tooltip("level:Q", format=".3g")], **enc))
    points = [{"step": i, "w1": a, "w2": b} for i, (a, b) in enumerate(path)
              if math.isfinite(a) and math.isfinite(b)]
    if points:
        trail = pd.DataFrame(thin(points), columns=["step", "w1", "w2"])
        path_line = alt.Chart(trail).encode(order="step:Q", tooltip=["step:Q"], **enc)
        layers.append(path_line.mark_line(color=OUTLINE, strokeWidth=6, clip=True))  # outline
        layers.append(path_line.mark_line(color=PATH, strokeWidth=3, clip=True, point=alt.
                                          OverlayMarkDef(size=18, clip=True, color=PATH)))
        ends = trail.iloc[[0, -1]].assign(where=[start_label, end_label])
        shape = alt.Shape("where:N", title=None, scale=alt.Scale(
            domain=[start_label, end_label], range=["diamond", "circle"]))
        layers.append(alt.Chart(ends).mark_point(size=200, filled=True, clip=True,
                                                 color=PATH, stroke=OUTLINE, strokeWidth=2)
                      .encode(shape=shape, tooltip=["where:N", "step:Q"], **enc))
    if optimum is not None:
        best = pd.DataFrame({"w1": [optimum[0]], "w2": [optimum[1]], "what": [optimum_label]})
        layers.append(alt.Chart(best).mark_point(shape="cross", size=220, filled=True,
                                                 color=PALETTE[7], clip=True)
                      .encode(tooltip=["what:N"], **enc))
    return alt.layer(*layers).properties(height=460, name="loss-landscape")


def network_diagram(d: int, *, input_title: str, output_title: str) -> str:
    """Graphviz DOT of d2l's fig. 3.1.2: inputs x₁…x_d, all connected to one output o₁."""
    sub = "₀₁₂₃₄₅₆₇₈₉"

    def idx(i: int) -> str:
        return "".join(sub[int(c)] for c in str(i))

    inputs = "\n".join(f'    x{i} [label="x{idx(i)}"];' for i in range(1, d + 1))
    edges = "\n".join(f'  x{i} -> o1 [label=" w{idx(i)}"];' for i in range(1, d + 1))
    return f"""digraph {{
  rankdir=BT; nodesep=0.6; ranksep=0.9;
  node [shape=circle, fontname="sans-serif", width=0.55, fixedsize=true];
  edge [fontname="sans-serif", fontsize=11, color="#666666"];
  subgraph cluster_in {{
    label="{input_title}"; labelloc=b; style=dashed; color="#999999"; fontname="sans-serif";
{inputs}
  }}
  subgraph cluster_out {{
    label="{output_title}"; labelloc=t; style=dashed; color="#999999"; fontname="sans-serif";
    o1 [label="o₁", style=filled, fillcolor="{PALETTE[0]}", fontcolor=white];
  }}
{edges}
}}"""
