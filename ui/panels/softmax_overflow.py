"""The softmax-overflow page's panels: the cached three ways and sweeps, the logits kept from
the last good entry, and the tables, charts and texts of each section.

The page (pages/softmax_overflow.py) draws the controls and calls these in its sections.
"""

import math

import pandas as pd
import streamlit as st

from core import softmax as sm
from core.device import get_device
from ui import keys, lesson, params
from ui.charts import show
from ui.charts import softmax_overflow as charts
from ui.i18n import t
from ui.numbers import vector
from ui.safe import literal

DEFAULT_LOGITS = (2.0, 1.0, 0.1)  # ui.params.SO_TEXT, read
SCALES = list(params.SO_SCALES)
DEVICE = str(get_device())
METHODS = list(sm.METHODS)
CODE = """model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))   # logits: no softmax layer
loss = nn.CrossEntropyLoss()(model(X), y)                  # log-sum-exp inside
probabilities = torch.softmax(model(X), dim=1)             # only to show them"""
THRESHOLDS = ["max", "log_max", "x_max", "x_max_next", "tiny", "log_tiny", "subnormal",
              "log_half_subnormal", "x_min", "x_min_next"]  # the fields of sm.Limits shown


# ---- what is computed once (st.cache_data: pure results of small inputs) ------------------

@st.cache_data(show_spinner=False, max_entries=256)
def three_ways(logits: tuple, scale: float, y: int, dtype: str) -> sm.ThreeWays:
    return sm.three_ways(logits, scale, y, dtype, DEVICE)


@st.cache_data(show_spinner=False, max_entries=64)
def sweep(logits: tuple, y: int, dtype: str) -> list[sm.SweepRow]:
    return sm.sweep(logits, y, dtype, SCALES, DEVICE)


@st.cache_data(show_spinner=False, max_entries=256)
def small_loss(logits: tuple, scale: float, y: int, dtype: str) -> sm.SmallLoss:
    return sm.small_loss(logits, scale, y, dtype, DEVICE)


@st.cache_data(show_spinner=False)
def limits(dtype: str) -> sm.Limits:
    return sm.exp_limits(dtype, DEVICE)


# ---- words and numbers ---------------------------------------------------------------------

def relative(value: float, ref: float) -> str:
    """|value − ref| / |ref| as a percentage, or nan/inf spelled out."""
    rel = sm.SmallLoss.rel(value, ref) if math.isfinite(value) else math.nan
    return charts.number(rel) if not math.isfinite(rel) else f"{rel:.2%}"


def name(method: str) -> str:
    return t(f"so.m.{method}")


def labels() -> list[str]:
    """The three methods' names and the reference's (legends of more than one section)."""
    return [name(m) for m in METHODS + ["ref"]]


def verdict(key: str, result: sm.ThreeWays, field: str) -> str:
    return t(key, **{short: t(f"so.status.{getattr(result.of(m), field)}") for short, m in
                     zip(("naive", "stable", "lse"), METHODS, strict=True)})


def class_rows(logits: tuple, y: int) -> list[str]:
    """The classes as table rows, the true one ticked."""
    return [f"{j} ✓" if j == y else str(j) for j in range(len(logits))]


# ---- the controls: logits kept from the last good entry ------------------------------------

def typed_logits(text: str, container) -> tuple[float, ...]:
    """The logits typed; after a mistake (said in `container`, the text quoted literally),
    the last good ones of this session, or the defaults."""
    parsed = sm.parse_logits(text)
    if parsed.values is not None:
        st.session_state[keys.SO_LAST_GOOD] = parsed.values
    else:
        container.error(t(f"so.err.{parsed.error}", detail=literal(parsed.detail),
                          cap=sm.MAX_LOGITS, big=f"{sm.MAX_ABS_LOGIT:g}"), icon=":material/error:")
    logits = tuple(st.session_state.get(keys.SO_LAST_GOOD, DEFAULT_LOGITS))
    if parsed.values is None:
        container.caption(t("so.kept", logits=vector(logits, 5, charts.INF)))
    return logits


# ---- 1. three ways to compute it -----------------------------------------------------------

def probability_bars(result: sm.ThreeWays, logits: tuple) -> None:
    """Each method's probabilities per class; a value that is not finite is labelled."""
    bars = pd.DataFrame([
        {"class": str(j), "method": name(m), "p": p if math.isfinite(p) else None,
         "label": "" if math.isfinite(p) else charts.number(p)}
        for m in METHODS + ["ref"] for j, p in enumerate(result.of(m).y_hat)])
    show(charts.probability_bars(bars, [str(j) for j in range(len(logits))], labels(),
                                 x_title=t("so.bar_x"), y_title=t("so.bar_y")))


def probability_table(result: sm.ThreeWays, logits: tuple, y: int, dtype: str) -> None:
    cls = t("so.col.class")
    table = pd.DataFrame({
        cls: class_rows(logits, y),
        t("so.col.o", dtype=dtype): result.o,
        t("so.col.naive"): result.naive.y_hat,
        t("so.col.max_subtracted"): result.max_subtracted.y_hat,
        t("so.col.log_y_hat"): result.log_sum_exp.log_y_hat,
        t("so.col.log_sum_exp"): result.log_sum_exp.y_hat,
        t("so.col.ref"): result.ref.y_hat,
    }).set_index(cls)
    st.markdown(f"**{t('so.probabilities')}**")
    lesson.table(charts.styled(table))


def loss_table(result: sm.ThreeWays, dtype: str) -> None:
    """Each method's loss, PyTorch's and the float64 reference, with the relative error."""
    ref_loss = result.ref.loss
    loss_values = [result.of(m).loss for m in METHODS] + [result.torch_loss, ref_loss]
    losses = pd.DataFrame({
        t("so.col.method"): [name(m) for m in METHODS] + [t("so.m.torch", dtype=dtype),
                                                          name("ref")],
        t("so.col.loss"): loss_values,
        t("so.col.rel"): [relative(v, ref_loss) for v in loss_values[:-1]] + [""],
        t("so.col.status"): [t(f"so.status.{result.of(m).status}") for m in METHODS] + ["", ""],
    }).set_index(t("so.col.method"))
    st.markdown(f"**{t('so.losses')}**")
    lesson.table(charts.styled(losses))


def small_loss_text(result: sm.ThreeWays, logits: tuple, scale: float, y: int,
                    dtype: str) -> str:
    """A loss near 0: log(1 + rest) against log1p(rest), and the gradient at the true class."""
    small = small_loss(logits, scale, y, dtype)
    grad_y, grad_ref_y = result.log_sum_exp.grad[y], result.ref.grad[y]  # ŷ_y − 1
    return t("so.small_text", dtype=dtype, rest=charts.number(small.rest, 6),
             one_plus=charts.number(small.one_plus_rest, 12), eps=f"{small.eps:.3g}",
             log_sum=charts.number(small.log_sum, 8), log1p=charts.number(small.log1p, 8),
             ref=charts.number(small.ref, 8), rel_sum=relative(small.log_sum, small.ref),
             rel_log1p=relative(small.log1p, small.ref), grad=charts.number(grad_y, 6),
             grad_ref=charts.number(grad_ref_y, 6), rel_grad=relative(grad_y, grad_ref_y))


def torch_check_text(result: sm.ThreeWays, dtype: str) -> str:
    ours, theirs = result.log_sum_exp.loss, result.torch_loss
    return t("so.check", ours=charts.number(ours, 8), torch=charts.number(theirs, 8),
             dtype=dtype, diff=charts.number(abs(ours - theirs), 3))


# ---- 2. where each way breaks --------------------------------------------------------------

def breaks_strip(rows: list[sm.SweepRow], scale: float) -> None:
    """A band per method and quantity (loss, gradient), coloured by its status per scale."""
    band_names = {}
    segments = []
    for key, what in (("status", t("so.loss")), ("grad_status", t("so.gradient"))):
        for seg in charts.segments_of(rows, key):
            if seg["method"] in METHODS:
                band = f"{name(seg['method'])} · {what}"
                band_names[(seg["method"], key)] = band
                segments.append({**seg, "row": band})
    order = [band_names[(m, k)] for m in METHODS for k in ("status", "grad_status")]
    st.markdown(t("so.chart_text"))
    show(charts.breaks_strip(pd.DataFrame(segments), order,
                             {s: t(f"so.band.{s}") for s in charts.STATUSES}, scale,
                             x_title=t("so.axis_scale")))


def loss_curves(rows: list[sm.SweepRow], scale: float) -> None:
    curves = pd.DataFrame(charts.runs_of(rows))
    curves["method"] = curves["method"].map(lambda m: name("ref" if m == "float64" else m))
    show(charts.loss_curves(curves, labels(), scale, x_title=t("so.axis_scale"),
                            y_title=t("so.axis_loss")))


def thresholds_table(lim: sm.Limits) -> None:
    thresholds = pd.DataFrame({t("so.col.quantity"): [t(f"so.th.{k}") for k in THRESHOLDS],
                               t("so.col.value"): [float(getattr(lim, k)) for k in THRESHOLDS]})
    lesson.table(charts.styled(thresholds, digits=10), hide_index=True)


def breaks_table(logits: tuple, y: int, lim: sm.Limits, rows: list[sm.SweepRow]) -> None:
    """Where each method breaks on either side: predicted from the limits, seen in the sweep."""
    predicted = sm.predicted_breaks(logits, y, lim)
    seen = sm.first_breaks(rows)

    def when(value, missing: str) -> str:
        return missing if value is None else charts.number(float(value), 5)

    columns = {t("so.col.method"): [name(m) for m in METHODS]}
    for side in ("pos", "neg"):
        columns[t(f"so.col.pred_{side}")] = [when(getattr(predicted.of(m), side), t("so.never"))
                                             for m in METHODS]
        columns[t(f"so.col.seen_{side}")] = [when(getattr(seen.of(m), side), t("so.not_seen"))
                                             for m in METHODS]
    lesson.table(pd.DataFrame(columns).set_index(t("so.col.method")))


# ---- 3. the gradient, 4. in a real model ---------------------------------------------------

def gradient_table(result: sm.ThreeWays, logits: tuple, y: int) -> None:
    grads = pd.DataFrame({
        t("so.col.class"): class_rows(logits, y),
        **{t("so.col.grad", method=name(m)): result.of(m).grad for m in METHODS},
        t("so.col.grad_ref"): result.ref.grad,
    }).set_index(t("so.col.class"))
    lesson.table(charts.styled(grads))


def gradient_legend(result: sm.ThreeWays, y: int, lim: sm.Limits) -> str:
    grad_y, grad_ref_y = result.log_sum_exp.grad[y], result.ref.grad[y]
    return t("so.grad_legend", tol=f"{sm.TOL} · eps = {sm.TOL * lim.eps:.2g}",
             grad=charts.number(grad_y, 6), grad_ref=charts.number(grad_ref_y, 6),
             rel=relative(grad_y, grad_ref_y))


def double_softmax_text(logits: tuple, scale: float, y: int) -> str:
    """Softmax applied twice (a softmax layer before CrossEntropyLoss): the loss it gives."""
    wrong = sm.double_softmax(tuple(scale * v for v in logits), y)
    n = len(logits)
    return t("so.double", wrong=charts.number(wrong.wrong, 4),
             right=charts.number(wrong.right, 4), gw=charts.number(wrong.grad_wrong, 3),
             gr=charts.number(wrong.grad_right, 3), n=n,
             floor=charts.number(math.log1p((n - 1) / math.e), 4))


def exercise_answers() -> dict[int, dict[str, str]]:
    """The numbers the exercises' answers quote (3: a loss beyond float16's range)."""
    big = three_ways((60000.0, -60000.0), 1.0, 1, "float16")
    return {3: {"big_ref": charts.number(big.ref.loss),
                "big_torch": charts.number(big.torch_loss)}}
