"""Charts of the softmax classifier page: pure builders, data in, alt.Chart out."""

import altair as alt
import pandas as pd

from ui.charts import PALETTE

CURVE_COLOURS = [PALETTE[0], PALETTE[1], PALETTE[2]]  # train loss, train acc, test acc


def curves(frame: pd.DataFrame, num_epochs: int, *, x_title: str, y_title: str,
           metric_title: str) -> alt.Chart:
    """Train loss, train accuracy and test accuracy per epoch (columns epoch, metric, value).

    The y axis spans 0.3 to 0.9 as in the book, wider only when a value falls outside;
    the x axis spans every planned epoch, so the curves grow to the right as training runs.
    """
    finite = frame["value"].replace([float("inf"), float("-inf")], float("nan")).dropna()
    low = min(0.3, float(finite.min())) if len(finite) else 0.3
    high = max(0.9, float(finite.max())) if len(finite) else 0.9
    metrics = list(dict.fromkeys(frame["metric"]))
    colour = alt.Color("metric:N", title=metric_title, sort=metrics,
                       scale=alt.Scale(domain=metrics, range=CURVE_COLOURS[:len(metrics)]),
                       legend=alt.Legend(orient="bottom"))
    base = alt.Chart(frame).encode(
        x=alt.X("epoch:Q", title=x_title, scale=alt.Scale(domain=[1, max(2, num_epochs)]),
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[low, high])),
        color=colour,
        tooltip=["epoch:Q", "metric:N", alt.Tooltip("value:Q", format=".4f")],
    )
    return (base.mark_line(strokeWidth=2.5) + base.mark_point(filled=True, size=60)).properties(
        height=320)


def probability_bars(frame: pd.DataFrame, roles: list[str], *, x_title: str, y_title: str,
                     role_title: str) -> alt.Chart:
    """Ten predicted probabilities (columns class, probability, role).

    `roles` names the three kinds of bar, coloured in this order: the true class, the
    predicted class when it is wrong, any other class.
    """
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("probability:Q", title=x_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", tickCount=5)),
        y=alt.Y("class:N", title=y_title, sort=None, axis=alt.Axis(labelOverlap=False)),
        color=alt.Color("role:N", title=role_title, sort=roles,
                        scale=alt.Scale(domain=roles, range=[PALETTE[0], PALETTE[1], "#9e9e9e"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=["class:N", alt.Tooltip("probability:Q", format=".4f")],
    ).properties(height=300)


def weight_images(frame: pd.DataFrame, *, title: str, columns: int = 5) -> alt.Chart:
    """Each class's 784 weights as a 28 × 28 image (columns class, row, col, weight)."""
    bound = float(frame["weight"].abs().max()) or 1.0
    order = list(dict.fromkeys(frame["class"]))
    return alt.Chart(frame).mark_rect().encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None),
        color=alt.Color("weight:Q", title=title,
                        scale=alt.Scale(scheme="blueorange", domain=[-bound, bound])),
        tooltip=["class:N", "row:O", "col:O", alt.Tooltip("weight:Q", format=".4f")],
    ).properties(width=130, height=130).facet(
        facet=alt.Facet("class:N", title=None, sort=order), columns=columns)


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
    text = base.mark_text(fontSize=11).encode(
        text="count:Q",
        color=alt.condition(alt.datum.count > threshold, alt.value("white"), alt.value("black")))
    bars = alt.Chart(accuracy).mark_bar(color=PALETTE[2]).encode(
        x=alt.X("accuracy:Q", title=accuracy_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        y=alt.Y("class:N", sort=order, axis=None),
        tooltip=["class:N", alt.Tooltip("accuracy:Q", format=".1%")],
    )
    labels = bars.mark_text(align="left", dx=3, fontSize=11).encode(
        text=alt.Text("accuracy:Q", format=".0%"), color=alt.value("black"))
    return alt.hconcat((cells + text).properties(width=420, height=420),
                       (bars + labels).properties(width=160, height=420))
