"""Charts of the softmax classifier page: pure builders, data in, alt.Chart out."""

import base64
import io

import altair as alt
import numpy as np
import pandas as pd
from PIL import Image

from ui.charts import INK, PALETTE, Ready, patched, styled, template

CURVE_COLOURS = [PALETTE[0], PALETTE[1], PALETTE[2]]  # train loss, train acc, test acc
CURVES_NAME = "training-curves"  # the curves' export file names


def curves(frame: pd.DataFrame, num_epochs: int, *, x_title: str, y_title: str,
           metric_title: str) -> alt.LayerChart:
    """Train loss (left axis) and the accuracies (right axis, %) per epoch.

    frame has columns epoch, metric, value; the first metric is the loss. Two axes, so a
    loss of 10⁴ at lr = 100 cannot flatten the accuracies to a line at zero. The loss axis
    spans 0.3 to 0.9 as in the book, wider only when a value falls outside; the x axis spans
    every planned epoch, so the curves grow to the right as training runs.
    """
    metrics = list(dict.fromkeys(frame["metric"]))
    loss_name = metrics[0] if metrics else ""
    low, high = _loss_domain(frame, loss_name)
    colour = alt.Color("metric:N", title=metric_title, sort=metrics,
                       scale=alt.Scale(domain=metrics, range=CURVE_COLOURS[:len(metrics)]),
                       legend=alt.Legend(orient="bottom"))
    x = alt.X("epoch:Q", title=x_title, scale=alt.Scale(domain=_x_domain(num_epochs)),
              axis=alt.Axis(tickMinStep=1, format="d"))
    tooltip = ["epoch:Q", "metric:N", alt.Tooltip("value:Q", format=".4f")]
    left = alt.Chart(frame).transform_filter(alt.datum.metric == loss_name).encode(
        x=x, color=colour, tooltip=tooltip,
        y=alt.Y("value:Q", title=loss_name, scale=alt.Scale(domain=[low, high]),
                axis=alt.Axis(orient="left", titleColor=CURVE_COLOURS[0])))
    right = alt.Chart(frame).transform_filter(alt.datum.metric != loss_name).encode(
        x=x, color=colour, tooltip=tooltip,
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(orient="right", format="%", grid=False)))
    drawn = [c.mark_line(strokeWidth=2.5) + c.mark_point(filled=True, size=60)
             for c in (left, right)]
    return alt.layer(*drawn).resolve_scale(y="independent").properties(
        height=340, name=CURVES_NAME)


def _x_domain(num_epochs: int) -> list[int]:
    return [1, max(2, num_epochs)]


def _loss_domain(frame: pd.DataFrame, loss_name: str) -> tuple[float, float]:
    loss = frame.loc[frame["metric"] == loss_name, "value"].to_numpy(dtype=np.float64)
    finite = loss[np.isfinite(loss)]
    low = min(0.3, float(finite.min())) if len(finite) else 0.3
    high = max(0.9, float(finite.max())) if len(finite) else 0.9
    return low, high


# Where curves() puts what changes from one draw to the next (tests/test_charts_templates.py
# finds them there): the x domain on each of its four marks, the loss axis' domain on the
# left side's two. The rest of the spec depends on the metrics' names, the titles and the view.
X_DOMAIN = tuple(("layer", side, "layer", mark, "encoding", "x", "scale", "domain")
                 for side in (0, 1) for mark in (0, 1))
LOSS_DOMAIN = tuple(("layer", 0, "layer", mark, "encoding", "y", "scale", "domain")
                    for mark in (0, 1))


def curves_spec(frame: pd.DataFrame, num_epochs: int, *, x_title: str, y_title: str,
                metric_title: str, lecture: bool) -> dict:
    """vega_spec(styled(curves(...), lecture)), without Altair: its template (built once per
    metric names, titles and view) with this draw's domains and data put in a copy.

    Building the layered chart took 78-300 ms, at every poll of every page that follows a
    run whose loss leaves 0.3-0.9 (a new domain each epoch), and for every finished run and
    every replayed epoch (scripts/bench_page_run.py: the curves of a varied run)."""
    metrics = tuple(dict.fromkeys(frame["metric"]))
    titles = {"x_title": x_title, "y_title": y_title, "metric_title": metric_title}
    spec = template(("sc.curves", metrics, *titles.values()),
                    lambda: curves(frame, num_epochs, **titles), lecture)
    loss = list(_loss_domain(frame, metrics[0] if metrics else ""))
    return patched(spec, {**dict.fromkeys(X_DOMAIN, _x_domain(num_epochs)),
                          **dict.fromkeys(LOSS_DOMAIN, loss), ("datasets", "data-0"): frame})


def curves_ready(frame: pd.DataFrame, num_epochs: int, *, x_title: str, y_title: str,
                 metric_title: str, lecture: bool) -> Ready:
    """curves() ready for ui.charts.show: its spec from curves_spec, and the chart itself
    built only for the Export menu, on its click."""
    titles = {"x_title": x_title, "y_title": y_title, "metric_title": metric_title}

    def chart():
        return styled(curves(frame, num_epochs, **titles), lecture)

    if frame.empty:  # nothing to draw yet, as ui.charts.ready
        return Ready(chart, None, name=CURVES_NAME)
    return Ready(chart, curves_spec(frame, num_epochs, **titles, lecture=lecture),
                 name=CURVES_NAME)


def probability_bars(frame: pd.DataFrame, roles: list[str], *, x_title: str, y_title: str,
                     role_title: str) -> alt.Chart:
    """Ten predicted probabilities (columns class, probability, role).

    `roles` names the three kinds of bar, coloured in this order: the true class, the
    predicted class when it is wrong, any other class.
    """
    base = alt.Chart(frame).encode(
        x=alt.X("probability:Q", title=x_title, scale=alt.Scale(domain=[0, 1.12]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
        y=alt.Y("class:N", title=y_title, sort=None, axis=alt.Axis(labelOverlap=False),
                scale=alt.Scale(paddingInner=0.25)),
        tooltip=["class:N", alt.Tooltip("probability:Q", format=".4f")],
    )
    colours = dict(zip(roles, [PALETTE[0], PALETTE[1], "#9e9e9e"], strict=True))
    drawn = [r for r in roles if r in set(frame["role"])]  # no legend entry for an absent role
    bars = base.mark_bar().encode(
        color=alt.Color("role:N", title=role_title, sort=drawn,
                        scale=alt.Scale(domain=drawn, range=[colours[r] for r in drawn]),
                        legend=alt.Legend(orient="bottom", columns=2)))  # fits a phone
    labels = base.mark_text(align="left", dx=4, fontSize=14, color="#1a1a1a").encode(
        text=alt.Text("probability:Q", format=".0%"))
    # 34 px a class: ten labels never overlap, even at lecture size
    return (bars + labels).properties(height=34 * len(frame), name="probabilities")


# Blue (lowers the class's score), white (no effect), orange (raises it): dark at both ends
# so the extremes stay visible on a washed-out projector.
DIVERGING = ((11, 79, 138), (247, 247, 247), (179, 88, 6))
WEIGHT_SIDE = 130  # px a class's image
SCALE_STEPS = 48   # rectangles in the colour bar
WEIGHTS_NAME = "weights"  # the weights' export file names


def diverging(values: np.ndarray, bound: float) -> np.ndarray:
    """Values in [-bound, bound] as uint8 RGB (shape + (3,)), linear from blue to white to
    orange; outside values take the end colours."""
    u = np.clip(np.asarray(values, dtype=np.float64) / (bound or 1.0), -1.0, 1.0)[..., None]
    low, mid, high = (np.array(c, dtype=np.float64) for c in DIVERGING)
    rgb = np.where(u < 0, mid + (mid - low) * u, mid + (high - mid) * u)
    return np.rint(rgb).astype(np.uint8)


def hex_colour(rgb) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb)


def weight_images(frame: pd.DataFrame, bound: float, *, title: str, scale_title: str,
                  description: str, columns: int = 5) -> alt.HConcatChart:
    """Each class's weights as ONE 28 × 28 picture (not 784 rectangles), beside a colour bar.

    frame has columns class, url (the picture, coloured by `diverging` with `bound`: one scale
    for all ten), and alt; the bar spans -bound … bound with a labelled axis. A fixed width:
    on a phone it scrolls in its box, with the hint.
    """
    frame, scale = _weight_frames(frame, bound, columns)
    base = alt.Chart(frame).encode(x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None))
    pictures = base.mark_image(width=WEIGHT_SIDE, height=WEIGHT_SIDE, yOffset=-10,
                               smooth=False).encode(url="url:N", description="alt:N",
                                                    tooltip=alt.Tooltip("class:N", title=title))
    names = base.mark_text(dy=WEIGHT_SIDE / 2 + 2, fontSize=14, fontWeight="bold",
                           color=INK).encode(text="class:N")
    images = alt.layer(pictures, names).properties(
        width=columns * (WEIGHT_SIDE + 14), height=alt.Step(WEIGHT_SIDE + 34),
        view=alt.ViewBackground(stroke=None))
    bar = alt.Chart(scale).mark_rect().encode(
        y=alt.Y("weight:Q", title=scale_title, scale=alt.Scale(domain=[-bound, bound]),
                axis=alt.Axis(format=".2~r", orient="right", values=_weight_ticks(bound))),
        y2="weight_end:Q", color=alt.Color("colour:N", scale=None)).properties(
        width=18, height=2 * (WEIGHT_SIDE + 34) - 20)
    return alt.hconcat(images, bar, spacing=6).properties(
        description=description, name=WEIGHTS_NAME)


def _weight_frames(frame: pd.DataFrame, bound: float,
                   columns: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pictures placed in a grid of `columns` (columns col, row added), and the colour
    bar's SCALE_STEPS rectangles from -bound to bound (weight, weight_end, colour)."""
    frame = frame.assign(col=[k % columns for k in range(len(frame))],
                         row=[k // columns for k in range(len(frame))])
    edges = np.linspace(-bound, bound, SCALE_STEPS + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    scale = pd.DataFrame({"weight": edges[:-1], "weight_end": edges[1:],
                          "colour": [hex_colour(c) for c in diverging(centres, bound)]})
    return frame, scale


def _weight_ticks(bound: float) -> list[float]:
    return [-bound, -bound / 2, 0, bound / 2, bound]


# Where weight_images() puts what changes with the weights (tests/test_charts_templates.py
# finds them there): the colour bar's domain and ticks, and the description that names them.
BOUND_DOMAIN = ("hconcat", 1, "encoding", "y", "scale", "domain")
BOUND_TICKS = ("hconcat", 1, "encoding", "y", "axis", "values")


def weights_ready(frame: pd.DataFrame, bound: float, *, title: str, scale_title: str,
                  description: str, lecture: bool, columns: int = 5) -> Ready:
    """weight_images() ready for ui.charts.show, without Altair (50-60 ms a new run or
    replayed epoch): its template (built once per titles and view) with this draw's bound,
    description and data put in a copy; the chart itself is built only for the Export
    menu, on its click."""
    texts = {"title": title, "scale_title": scale_title, "description": description}

    def chart():
        return styled(weight_images(frame, bound, **texts, columns=columns), lecture)

    spec = template(("sc.weights", columns, title, scale_title),
                    lambda: weight_images(frame, bound, **texts, columns=columns), lecture)
    pictures, scale = _weight_frames(frame, bound, columns)
    return Ready(chart, patched(spec, {
        ("description",): description, BOUND_DOMAIN: [-bound, bound],
        BOUND_TICKS: _weight_ticks(bound), ("datasets", "data-0"): pictures,
        ("datasets", "data-1"): scale}), name=WEIGHTS_NAME, wide=True)


def confusion(frame: pd.DataFrame, accuracy: pd.DataFrame, *, true_title: str,
              predicted_title: str, count_title: str, accuracy_title: str) -> alt.HConcatChart:
    """The confusion matrix (columns true, predicted, count) beside each class's accuracy."""
    order = list(dict.fromkeys(frame["true"]))
    base = alt.Chart(frame).encode(
        x=alt.X("predicted:N", title=predicted_title, sort=order),
        y=alt.Y("true:N", title=true_title, sort=order),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("count:Q", title=count_title, scale=alt.Scale(scheme="blues", type="sqrt")),
        tooltip=["true:N", "predicted:N", "count:Q"])
    threshold = float(frame["count"].max()) / 2
    text = base.mark_text(fontSize=13).encode(
        text="count:Q",
        color=alt.condition(alt.datum.count > threshold, alt.value("white"), alt.value("black")))
    bars = alt.Chart(accuracy).mark_bar(color=PALETTE[2]).encode(
        x=alt.X("accuracy:Q", title=accuracy_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        y=alt.Y("class:N", sort=order, axis=None),
        tooltip=["class:N", alt.Tooltip("accuracy:Q", format=".1%")],
    )
    labels = bars.mark_text(align="left", dx=3, fontSize=13).encode(
        text=alt.Text("accuracy:Q", format=".0%"), color=alt.value("black"))
    return alt.hconcat((cells + text).properties(width=420, height=420),
                       (bars + labels).properties(width=160, height=420)).properties(
        name="confusion-matrix")


def reliability(frame: pd.DataFrame, *, x_title: str, y_title: str, count_title: str,
                description: str) -> alt.LayerChart:
    """A reliability diagram: per confidence bin (columns lower, upper, accuracy, confidence,
    count) a bar as tall as the bin's accuracy, a dot at its mean confidence, and the
    diagonal accuracy = confidence that a calibrated model follows."""
    x = alt.X("lower:Q", title=x_title, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    y = alt.Y("accuracy:Q", title=y_title, scale=alt.Scale(domain=[0, 1]),
              axis=alt.Axis(format="%"))
    tooltip = [alt.Tooltip("lower:Q", format=".1f"), alt.Tooltip("upper:Q", format=".1f"),
               alt.Tooltip("count:Q", title=count_title),
               alt.Tooltip("confidence:Q", format=".3f"), alt.Tooltip("accuracy:Q", format=".3f")]
    bars = alt.Chart(frame).mark_bar(color=PALETTE[0], opacity=0.8, stroke="white").encode(
        x=x, x2="upper:Q", y=y, tooltip=tooltip)
    dots = alt.Chart(frame).mark_point(color=PALETTE[3], filled=True, size=70).encode(
        x=alt.X("confidence:Q"), y=alt.Y("confidence:Q"), tooltip=tooltip)
    diagonal = alt.Chart(pd.DataFrame({"p": [0.0, 1.0]})).mark_line(
        color=INK, strokeDash=[5, 4]).encode(x="p:Q", y="p:Q")
    return (bars + diagonal + dots).properties(height=320, description=description,
                                               name="reliability")


# ---- pictures: the grid of test images and the one being inspected (issue 16 §4) ---------

THUMB_ROW = 126  # px a grid row: a picture of up to 82 px and two lines of caption
MIN_CELL = 88  # px a grid cell at least: "✗ ankle boot" (13 px) is 70 px wide, "ankle boot" 66
MISTAKE = PALETTE[3]  # vermillion: dark enough for text on white, unlike the orange


def data_url(pixels) -> str:
    """A (28, 28) grey or (28, 28, 3) RGB uint8 image as a PNG data URL (a few hundred bytes
    to a few kB), for a Vega image mark."""
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def thumbnails(frame: pd.DataFrame, *, columns: int, selection: str,
               description: str) -> alt.LayerChart:
    """Test images in a clickable grid, captioned with the true class and ✓/✗ the prediction.

    frame has columns index (the test image's index), col, row (its place in a grid of
    `columns` a row), url, true, verdict, right, picked and alt (what a screen reader says
    for the picture); a click on a cell selects its `index` through the point selection
    `selection`, and the picked cell wears a dark frame. The grid is as wide as the page and
    has `columns` cells a row where each is at least MIN_CELL px wide, fewer on a narrower
    screen (4 on a 390 px phone): the browser places the cells from the chart's width, so no
    class name is ever cut short ("ankl…").
    """
    click = alt.selection_point(name=selection, fields=["index"], on="click")
    cols = f"max(1, min({columns}, floor(width / {MIN_CELL})))"  # `width`: the chart's, in px
    base = alt.Chart(frame).transform_calculate(
        slot=f"datum.row * {columns} + datum.col").transform_calculate(
        c=f"datum.slot % ({cols})", r=f"floor(datum.slot / ({cols}))").transform_calculate(
        x0=f"(datum.c + 0.03) / ({cols})", xc=f"(datum.c + 0.5) / ({cols})",
        x1=f"(datum.c + 0.97) / ({cols})")
    x_scale = alt.Scale(domain=[0, 1], nice=False, zero=False)
    y = alt.Y("r:O", axis=None)
    tooltip = alt.Tooltip("index:Q", title="#")
    cells = base.mark_rect(fill="#ffffff", fillOpacity=0.01, strokeWidth=3,
                           cursor="pointer").encode(
        x=alt.X("x0:Q", axis=None, scale=x_scale), x2="x1:Q", y=y, tooltip=tooltip,
        stroke=alt.condition(alt.datum.picked, alt.value(INK), alt.value("transparent"))
    ).add_params(click)
    centre = base.encode(x=alt.X("xc:Q", axis=None, scale=x_scale), y=y, tooltip=tooltip)
    side = alt.ExprRef(f"min(width / ({cols}) * 0.9, 82)")
    pictures = centre.mark_image(width=side, height=side, yOffset=-20, smooth=False,
                                 cursor="pointer").encode(url="url:N", description="alt:N")
    limit = alt.ExprRef(f"width / ({cols}) - 2")
    names = centre.mark_text(dy=35, fontSize=14, fontWeight="bold", color=INK, limit=limit,
                             cursor="pointer").encode(text="true:N")
    verdicts = centre.mark_text(dy=53, fontSize=13, limit=limit, cursor="pointer").encode(
        text="verdict:N",
        color=alt.condition(alt.datum.right, alt.value(PALETTE[0]), alt.value(MISTAKE)))
    return alt.layer(cells, pictures, names, verdicts).properties(
        height=alt.Step(THUMB_ROW), description=description, name="test-images")


def picture(url: str, *, side: int = 240, description: str) -> alt.Chart:
    """One image, `side` px square (less in a narrower column), drawn with crisp pixels."""
    frame = pd.DataFrame({"url": [url]})
    size = alt.ExprRef(f"min(width, {side})")
    return alt.Chart(frame).mark_image(
        width=size, height=size, align="left", baseline="top", smooth=False).encode(
        x=alt.value(0), y=alt.value(0), url="url:N").properties(
        height=side, description=description, name="inspected-image")
