"""Draw the home page's small lesson previews once: docs/previews/<page>.png.

    /work/main/.venv/bin/python scripts/make_previews.py

Plain maths only (no training, no data set), so the pictures are cheap and deterministic;
the home page shows the PNGs, so opening it costs no chart rendering.
"""

import math
import random
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

OUT = Path(__file__).resolve().parent.parent / "docs" / "previews"
BLUE, ORANGE, GREEN, RED, PINK = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7"
SIZE = {"width": 300, "height": 150}


def bare(chart):
    """No axes, no padding noise: a thumbnail, not a figure."""
    return chart.properties(**SIZE).configure_axis(
        labels=False, ticks=False, title=None, grid=False, domainColor="#999999",
    ).configure_view(stroke=None).configure_legend(disable=True)


def normal_mse():
    x = [i / 20 for i in range(-140, 141)]
    rows = [{"x": v, "p": math.exp(-(v - mu) ** 2 / (2 * s * s)) / (s * math.sqrt(2 * math.pi)),
             "c": str(k)} for k, (mu, s) in enumerate([(0, 1), (0, 2), (3, 1)]) for v in x]
    return alt.Chart(pd.DataFrame(rows)).mark_line(strokeWidth=3).encode(
        x="x:Q", y="p:Q", color=alt.Color("c:N", scale=alt.Scale(range=[BLUE, ORANGE, GREEN])))


def linear_regression():
    rng = random.Random(0)
    rows = [{"w1": 2 * math.cos(a) * r, "w2": 1.2 * math.sin(a) * r, "r": r}
            for r in (0.5, 1, 1.5, 2, 2.5) for a in [i / 30 * 2 * math.pi for i in range(31)]]
    path = [{"w1": 2.4 * 0.8 ** k + rng.uniform(-0.05, 0.05),
             "w2": -1.4 * 0.7 ** k + rng.uniform(-0.05, 0.05), "k": k} for k in range(14)]
    rings = alt.Chart(pd.DataFrame(rows)).mark_point(color="#9ecae1", size=8, filled=True).encode(
        x="w1:Q", y="w2:Q")
    trail = alt.Chart(pd.DataFrame(path))
    return rings + trail.mark_line(color="black", strokeWidth=6).encode(
        x="w1:Q", y="w2:Q", order="k:Q") + trail.mark_line(color=ORANGE, strokeWidth=3).encode(
        x="w1:Q", y="w2:Q", order="k:Q")


def loss_comparison():
    x = [i / 20 for i in range(-60, 61)]
    rows = [{"x": v, "l": f(v), "c": c} for c, f in
            (("l2", lambda v: v * v / 2), ("l1", abs),
             ("huber", lambda v: v * v / 2 if abs(v) <= 1 else abs(v) - 0.5)) for v in x]
    return alt.Chart(pd.DataFrame(rows)).mark_line(strokeWidth=3).encode(
        x="x:Q", y="l:Q", color=alt.Color("c:N", scale=alt.Scale(domain=["l2", "l1", "huber"],
                                                               range=[BLUE, ORANGE, GREEN])))


def softmax_bars(values, colour):
    total = sum(math.exp(v) for v in values)
    df = pd.DataFrame({"j": [str(k) for k in range(len(values))],
                       "p": [math.exp(v) / total for v in values]})
    return alt.Chart(df).mark_bar(color=colour).encode(x=alt.X("j:N", axis=None), y="p:Q")


def softmax_overflow():
    df = pd.DataFrame([{"row": r, "lo": lo, "hi": hi, "s": s} for r, parts in
                       enumerate([[(0, 6, "ok"), (6, 10, "nan")], [(0, 10, "ok")],
                                  [(0, 4, "ok"), (4, 7, "inf"), (7, 10, "nan")]])
                       for lo, hi, s in parts])
    return alt.Chart(df).mark_rect(stroke="white", strokeWidth=3).encode(
        x="lo:Q", x2="hi:Q", y=alt.Y("row:O", axis=None),
        color=alt.Color("s:N", scale=alt.Scale(domain=["ok", "inf", "nan"],
                                               range=[GREEN, ORANGE, RED])))


def softmax_classifier():
    epochs = list(range(1, 11))
    rows = [{"e": e, "v": v, "m": m} for e in epochs for m, v in
            (("loss", 0.45 + 0.4 * 0.7 ** e), ("train", 0.85 - 0.2 * 0.6 ** e),
             ("test", 0.83 - 0.2 * 0.6 ** e))]
    return alt.Chart(pd.DataFrame(rows)).mark_line(strokeWidth=3, point=True).encode(
        x="e:Q", y=alt.Y("v:Q", scale=alt.Scale(domain=[0.3, 0.9])),
        color=alt.Color("m:N", scale=alt.Scale(range=[BLUE, ORANGE, GREEN])))


PREVIEWS = {
    "normal_mse": normal_mse,
    "linear_regression": linear_regression,
    "loss_comparison": loss_comparison,
    "softmax_regression": lambda: softmax_bars([2.0, 0.5, 1.0, -0.5, 0.2], BLUE),
    "softmax_overflow": softmax_overflow,
    "softmax_classifier": softmax_classifier,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in PREVIEWS.items():
        png = vl_convert.vegalite_to_png(bare(draw()).to_json(), scale=1)
        (OUT / f"{name}.png").write_bytes(png)
        print(f"{OUT / name}.png: {len(png):,} bytes")


if __name__ == "__main__":
    main()
