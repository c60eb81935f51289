"""Charts of the class experiment board: the room's runs against the learning rate, their
spread, the best and the worst curves. Pure builders: a classroom.board.Board and the
translated words in, an alt.Chart out.
"""

import math

import altair as alt
import pandas as pd

from classroom.board import Board
from ui.charts import PALETTE

LOSS_FLOOR = 1e-12  # a log axis cannot show 0


def _value(board: Board, v: float) -> float:
    return v if board.higher_is_better else max(v, LOSS_FLOOR)


def _y(board: Board, title: str) -> alt.Y:
    if board.higher_is_better:
        return alt.Y("value:Q", title=title, scale=alt.Scale(domain=[0, 1]))
    return alt.Y("value:Q", title=title, scale=alt.Scale(type="log"))


def scatter(board: Board, words: dict[str, str], height: int = 420, big: bool = False):
    """One dot per run: the figure against the learning rate (log axis), coloured by batch
    size, sized by epochs; the caller's own runs ringed; the book's learning rate a rule."""
    df = pd.DataFrame([{"lr": p.lr, "value": _value(board, p.value), "batch": p.batch_size,
                        "epochs": p.epochs, "who": p.name, "mine": p.mine}
                       for p in board.points],
                      columns=["lr", "value", "batch", "epochs", "who", "mine"])
    x = alt.X("lr:Q", title=words["lr"], scale=alt.Scale(type="log"))
    y = _y(board, words["metric"])
    dots = alt.Chart(df).mark_circle(opacity=0.8, stroke="white", strokeWidth=1).encode(
        x=x, y=y,
        color=alt.Color("batch:O", title=words["batch"], scale=alt.Scale(scheme="viridis")),
        size=alt.Size("epochs:O", title=words["epochs"],
                      scale=alt.Scale(range=[120, 900] if big else [40, 300])),
        tooltip=[alt.Tooltip("who:N", title=words["who"]),
                 alt.Tooltip("lr:Q", title=words["lr"], format=".3g"),
                 alt.Tooltip("batch:O", title=words["batch"]),
                 alt.Tooltip("epochs:O", title=words["epochs"]),
                 alt.Tooltip("value:Q", title=words["metric"], format=".4g")])
    mine = alt.Chart(df[df["mine"]]).mark_point(
        shape="circle", filled=False, size=900 if big else 500, strokeWidth=3,
        color=PALETTE[3]).encode(x=x, y=y)
    lr, batch_size, epochs = board.reference
    ref = pd.DataFrame({"lr": [lr], "label": [f"{words['book']}: lr {lr:g}, "
                                              f"{words['batch']} {batch_size}, "
                                              f"{words['epochs']} {epochs}"]})
    rule = alt.Chart(ref).mark_rule(strokeDash=[6, 4], color="gray").encode(x="lr:Q")
    label = alt.Chart(ref).mark_text(align="left", dx=6, dy=-6, baseline="top", color="gray",
                                     fontSize=20 if big else 12).encode(
        x="lr:Q", y=alt.value(4), text="label:N")
    return (rule + label + dots + mine).properties(height=height)


def distribution(board: Board, words: dict[str, str], height: int = 260):
    """A histogram of the room's figures (of log₁₀ of the loss for regression), median ruled."""
    if board.higher_is_better:
        values, title = [p.value for p in board.points], words["metric"]
        median = board.median
    else:
        values = [math.log10(max(p.value, LOSS_FLOOR)) for p in board.points]
        title, median = words["log_loss"] + " · log₁₀", math.log10(max(board.median, LOSS_FLOOR))
    df = pd.DataFrame({"value": values})
    bars = alt.Chart(df).mark_bar(color=PALETTE[0]).encode(
        x=alt.X("value:Q", bin=alt.Bin(maxbins=20), title=title),
        y=alt.Y("count():Q", title=words["count"]))
    rule = alt.Chart(pd.DataFrame({"value": [median]})).mark_rule(
        color=PALETTE[3], strokeWidth=3).encode(x="value:Q")
    return (bars + rule).properties(height=height)


def best_and_worst(board: Board, labels: tuple[str, str], words: dict[str, str],
                   height: int = 300):
    """The best and the worst run's figure after each epoch."""
    rows = []
    for point, label in zip((board.best, board.worst), labels, strict=True):
        if point is not None:
            rows += [{"epoch": i, "value": _value(board, v), "run": label}
                     for i, v in enumerate(point.curve, 1)]
    df = pd.DataFrame(rows, columns=["epoch", "value", "run"])
    return alt.Chart(df).mark_line(point=alt.OverlayMarkDef(size=80, filled=True),
                                   strokeWidth=3).encode(
        x=alt.X("epoch:Q", title=words["epoch"], axis=alt.Axis(tickMinStep=1)),
        y=_y(board, words["metric"]),
        color=alt.Color("run:N", title=None, scale=alt.Scale(range=[PALETTE[2], PALETTE[3]]),
                        legend=alt.Legend(orient="top", labelLimit=600)),
    ).properties(height=height)
