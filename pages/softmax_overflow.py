"""Softmax overflow and underflow: three ways to compute softmax and cross-entropy, per dtype.

The panels (the cached computations, the logits kept from the last good entry, each section's
tables, charts and texts) are in ui/panels/softmax_overflow.py; this script is the lesson."""

import math

import streamlit as st

from core import softmax as sm
from ui import lesson, state
from ui.charts import softmax_overflow as charts
from ui.i18n import t
from ui.numbers import vector
from ui.panels import softmax_overflow as panel

st.title(t("so.title"))
lesson.key_idea(t("so.key_idea"))
st.markdown(t("so.intro"))

with st.container(border=True):  # the controls stay visible in every section of lecture mode
    st.markdown(f"**{t('so.controls')}**")
    left, right = st.columns(2)  # four controls in two short columns: the charts stay near
    text = state.text(t("so.logits"), "logits", container=left,
                      help=t("so.logits_help", cap=sm.MAX_LOGITS, big=f"{sm.MAX_ABS_LOGIT:g}"))
    dtype = state.select(t("so.dtype"), "dtype", widget="segmented_control", container=right)
    logits = panel.typed_logits(text, container=left)
    scale = state.select(t("so.scale"), "scale", widget="select_slider",
                         format_func=charts.number, help=t("so.scale_help"), container=right)
    y = state.select(t("so.y"), "y", range(len(logits)), container=left,
                     format_func=lambda j: t("so.class_option", j=j,
                                             o=charts.number(logits[j], 5)))
    result = panel.three_ways(logits, scale, y, dtype)
    st.markdown(t("so.used", dtype=dtype, o=vector(result.o, 5, charts.INF)))
    st.markdown(panel.verdict("so.verdict", result, "status"))

lim = panel.limits(dtype)  # used by more than one section
if not all(math.isfinite(v) for v in result.o):
    st.warning(t("so.logits_overflow", dtype=dtype, max=charts.number(lim.max)),
               icon=":material/warning:")

if lesson.section(t("so.s1")):  # the bars first: just under the controls
    panel.probability_bars(result, logits)
    st.caption(t("so.bars_caption"))
    st.markdown(t("so.s1_text"))
    panel.probability_table(result, logits, y, dtype)
    panel.loss_table(result, dtype)
    st.caption(t("so.legend", tol=f"{sm.TOL} · eps = {sm.TOL * lim.eps:.2g}"))
    st.markdown(panel.small_loss_text(result, logits, scale, y, dtype))
    st.markdown(panel.torch_check_text(result, dtype))
    lesson.show_code(sm.naive_softmax, sm.stable_softmax, sm.log_softmax, sm.nll, sm.losses,
                     title=t("show_code"))

if lesson.section(t("so.s2")):
    st.markdown(t("so.s2_text", dtype=dtype))
    rows = panel.sweep(logits, y, dtype)
    panel.breaks_strip(rows, scale)
    st.caption(t("so.band_key", items="; ".join(t(f"so.status.{s}") for s in charts.STATUSES)))
    panel.loss_curves(rows, scale)
    st.caption(t("so.curves_text"))
    panel.thresholds_table(lim)
    step = lim.x_min - lim.x_min_next
    st.markdown(t("so.underflow_text", dtype=dtype, step=charts.number(step, 4)))
    kept = lim.x_min < lim.log_tiny - 1.0  # well below log(tiny): subnormals survive
    st.caption(t("so.subnormals_on" if kept else "so.subnormals_off"))
    if dtype == "bfloat16":
        st.caption(t("so.bf16_note"))
    st.markdown(t("so.breaks_text", dtype=dtype))
    panel.breaks_table(logits, y, lim, rows)
    lesson.show_code(sm.exp_limits, sm.last_true_bits, title=t("show_code"))

if lesson.section(t("so.s3")):
    st.markdown(t("so.s3_text", dtype=dtype))
    panel.gradient_table(result, logits, y)
    st.markdown(panel.verdict("so.grad_verdict", result, "grad_status"))
    st.caption(panel.gradient_legend(result, y, lim))
    st.markdown(t("so.grad_note"))
    st.page_link("pages/softmax_regression.py", label=t("so.theory_link"), icon=":material/category:")

if lesson.section(t("so.s4")):
    st.markdown(t("so.s4_text"))
    st.code(panel.CODE, language="python")
    st.markdown(panel.double_softmax_text(logits, scale, y))

answers = panel.exercise_answers()
lesson.exercises(t("exercises"), [(t(f"so.q{i}"), t(f"so.a{i}", **answers.get(i, {})))
                                  for i in range(1, 6)], t("reveal"))
