"""Softmax overflow and underflow: three ways to compute softmax and cross-entropy, per dtype."""

import math

import pandas as pd
import streamlit as st

from core import softmax as sm
from core.device import get_device
from ui import keys, lesson, params, state
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


def relative(value: float, ref: float) -> str:
    """|value − ref| / |ref| as a percentage, or nan/inf spelled out."""
    rel = sm.SmallLoss.rel(value, ref) if math.isfinite(value) else math.nan
    return charts.number(rel) if not math.isfinite(rel) else f"{rel:.2%}"


def name(method: str) -> str:
    return t(f"so.m.{method}")


def verdict(key: str, result: sm.ThreeWays, field: str) -> str:
    return t(key, **{short: t(f"so.status.{getattr(result.of(m), field)}") for short, m in
                     zip(("naive", "stable", "lse"), METHODS, strict=True)})


# ---- the lesson ------------------------------------------------------------------------------

st.title(t("so.title"))
lesson.key_idea(t("so.key_idea"))
st.markdown(t("so.intro"))

with st.container(border=True):  # the controls stay visible in every section of lecture mode
    st.markdown(f"**{t('so.controls')}**")
    left, right = st.columns(2)  # four controls in two short columns: the charts stay near
    text = state.text(t("so.logits"), "logits", container=left,
                      help=t("so.logits_help", cap=sm.MAX_LOGITS, big=f"{sm.MAX_ABS_LOGIT:g}"))
    dtype = state.select(t("so.dtype"), "dtype", widget="segmented_control", container=right)
    parsed = sm.parse_logits(text)
    if parsed.values is not None:
        st.session_state[keys.SO_LAST_GOOD] = parsed.values
    else:
        left.error(t(f"so.err.{parsed.error}", detail=literal(parsed.detail), cap=sm.MAX_LOGITS,
                     big=f"{sm.MAX_ABS_LOGIT:g}"), icon=":material/error:")
    logits = tuple(st.session_state.get(keys.SO_LAST_GOOD, DEFAULT_LOGITS))
    if parsed.values is None:
        left.caption(t("so.kept", logits=vector(logits, 5, charts.INF)))
    scale = state.select(t("so.scale"), "scale", widget="select_slider",
                         format_func=charts.number, help=t("so.scale_help"), container=right)
    y = state.select(t("so.y"), "y", range(len(logits)), container=left,
                     format_func=lambda j: t("so.class_option", j=j,
                                             o=charts.number(logits[j], 5)))
    result = three_ways(logits, scale, y, dtype)
    st.markdown(t("so.used", dtype=dtype, o=vector(result.o, 5, charts.INF)))
    st.markdown(verdict("so.verdict", result, "status"))

lim = limits(dtype)
labels = [name(m) for m in METHODS + ["ref"]]  # used by more than one section
if not all(math.isfinite(v) for v in result.o):
    st.warning(t("so.logits_overflow", dtype=dtype, max=charts.number(lim.max)),
               icon=":material/warning:")

if lesson.section(t("so.s1")):  # the bars first: just under the controls
    bars = pd.DataFrame([
        {"class": str(j), "method": name(m), "p": p if math.isfinite(p) else None,
         "label": "" if math.isfinite(p) else charts.number(p)}
        for m in METHODS + ["ref"] for j, p in enumerate(result.of(m).y_hat)])
    show(charts.probability_bars(bars, [str(j) for j in range(len(logits))], labels,
                                 x_title=t("so.bar_x"), y_title=t("so.bar_y")))
    st.caption(t("so.bars_caption"))
    st.markdown(t("so.s1_text"))
    cls = t("so.col.class")
    table = pd.DataFrame({
        cls: [f"{j} ✓" if j == y else str(j) for j in range(len(logits))],
        t("so.col.o", dtype=dtype): result.o,
        t("so.col.naive"): result.naive.y_hat,
        t("so.col.max_subtracted"): result.max_subtracted.y_hat,
        t("so.col.log_y_hat"): result.log_sum_exp.log_y_hat,
        t("so.col.log_sum_exp"): result.log_sum_exp.y_hat,
        t("so.col.ref"): result.ref.y_hat,
    }).set_index(cls)
    st.markdown(f"**{t('so.probabilities')}**")
    lesson.table(charts.styled(table))
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
    eps = lim.eps
    st.caption(t("so.legend", tol=f"{sm.TOL} · eps = {sm.TOL * eps:.2g}"))
    small = small_loss(logits, scale, y, dtype)
    grad_y, grad_ref_y = result.log_sum_exp.grad[y], result.ref.grad[y]  # ŷ_y − 1
    st.markdown(t("so.small_text", dtype=dtype, rest=charts.number(small.rest, 6),
                  one_plus=charts.number(small.one_plus_rest, 12), eps=f"{small.eps:.3g}",
                  log_sum=charts.number(small.log_sum, 8), log1p=charts.number(small.log1p, 8),
                  ref=charts.number(small.ref, 8), rel_sum=relative(small.log_sum, small.ref),
                  rel_log1p=relative(small.log1p, small.ref), grad=charts.number(grad_y, 6),
                  grad_ref=charts.number(grad_ref_y, 6), rel_grad=relative(grad_y, grad_ref_y)))
    ours, theirs = result.log_sum_exp.loss, result.torch_loss
    st.markdown(t("so.check", ours=charts.number(ours, 8), torch=charts.number(theirs, 8),
                  dtype=dtype, diff=charts.number(abs(ours - theirs), 3)))
    lesson.show_code(sm.naive_softmax, sm.stable_softmax, sm.log_softmax, sm.nll, sm.losses,
                     title=t("show_code"))

if lesson.section(t("so.s2")):
    st.markdown(t("so.s2_text", dtype=dtype))
    rows = sweep(logits, y, dtype)
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
    st.caption(t("so.band_key", items="; ".join(t(f"so.status.{s}") for s in charts.STATUSES)))
    curves = pd.DataFrame(charts.runs_of(rows))
    curves["method"] = curves["method"].map(lambda m: name("ref" if m == "float64" else m))
    show(charts.loss_curves(curves, labels, scale, x_title=t("so.axis_scale"),
                            y_title=t("so.axis_loss")))
    st.caption(t("so.curves_text"))
    quantities = ["max", "log_max", "x_max", "x_max_next", "tiny", "log_tiny", "subnormal",
                  "log_half_subnormal", "x_min", "x_min_next"]
    thresholds = pd.DataFrame({t("so.col.quantity"): [t(f"so.th.{k}") for k in quantities],
                               t("so.col.value"): [float(getattr(lim, k)) for k in quantities]})
    lesson.table(charts.styled(thresholds, digits=10), hide_index=True)
    step = lim.x_min - lim.x_min_next
    st.markdown(t("so.underflow_text", dtype=dtype, step=charts.number(step, 4)))
    kept = lim.x_min < lim.log_tiny - 1.0  # well below log(tiny): subnormals survive
    st.caption(t("so.subnormals_on" if kept else "so.subnormals_off"))
    if dtype == "bfloat16":
        st.caption(t("so.bf16_note"))
    st.markdown(t("so.breaks_text", dtype=dtype))
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
    lesson.show_code(sm.exp_limits, sm.last_true_bits, title=t("show_code"))

if lesson.section(t("so.s3")):
    st.markdown(t("so.s3_text", dtype=dtype))
    grads = pd.DataFrame({
        t("so.col.class"): [f"{j} ✓" if j == y else str(j) for j in range(len(logits))],
        **{t("so.col.grad", method=name(m)): result.of(m).grad for m in METHODS},
        t("so.col.grad_ref"): result.ref.grad,
    }).set_index(t("so.col.class"))
    lesson.table(charts.styled(grads))
    st.markdown(verdict("so.grad_verdict", result, "grad_status"))
    grad_y, grad_ref_y = result.log_sum_exp.grad[y], result.ref.grad[y]
    st.caption(t("so.grad_legend", tol=f"{sm.TOL} · eps = {sm.TOL * lim.eps:.2g}",
                 grad=charts.number(grad_y, 6), grad_ref=charts.number(grad_ref_y, 6),
                 rel=relative(grad_y, grad_ref_y)))
    st.markdown(t("so.grad_note"))
    st.page_link("pages/softmax_regression.py", label=t("so.theory_link"), icon=":material/category:")

if lesson.section(t("so.s4")):
    st.markdown(t("so.s4_text"))
    st.code(CODE, language="python")
    wrong = sm.double_softmax(tuple(scale * v for v in logits), y)
    n = len(logits)
    st.markdown(t("so.double", wrong=charts.number(wrong.wrong, 4),
                  right=charts.number(wrong.right, 4), gw=charts.number(wrong.grad_wrong, 3),
                  gr=charts.number(wrong.grad_right, 3), n=n,
                  floor=charts.number(math.log1p((n - 1) / math.e), 4)))

big = three_ways((60000.0, -60000.0), 1.0, 1, "float16")  # a loss beyond float16's range
answers = {3: {"big_ref": charts.number(big.ref.loss),
               "big_torch": charts.number(big.torch_loss)}}
lesson.exercises(t("exercises"), [(t(f"so.q{i}"), t(f"so.a{i}", **answers.get(i, {})))
                                  for i in range(1, 6)], t("reveal"))
