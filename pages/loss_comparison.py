"""Loss comparison: what L2, L1 and Huber's loss each do (d2l 3.1, and 3.3 exercise 2).

The panels (the cached curves and fits, Huber's shared controls, the formulas, tables and
verdicts) are in ui/panels/loss_comparison.py; this script is the lesson, top to bottom."""

import streamlit as st

from core import losses
from ui import lesson, state
from ui.charts import loss_comparison as charts
from ui.charts import show
from ui.i18n import t
from ui.panels import loss_comparison as panel

st.title(t("lc.title"))
lesson.key_idea(t("lc.key_idea"))
st.markdown(t("lc.intro"))
short = panel.SHORT  # the three narrow charts' legends

# ---- 1. the three losses -----------------------------------------------------------------
if lesson.section(t("lc.s1")):
    st.markdown(t("lc.s1.book"))
    st.latex(panel.BOOK)
    st.markdown(t("lc.s1.intro"))
    formulas = st.container()  # filled once the form is known (its control sits lower down)
    controls, plots = st.columns([1, 4], gap="medium")
    form, delta = panel.huber_controls(controls)  # every section uses them: drawn once
    lo, hi = panel.curve_range(controls)
    c = panel.loss_curves(lo, hi, delta, form)
    cols = plots.columns(2)
    show(charts.curves(c.y_hat, c.loss, short, title=t("lc.chart.loss"),
                       x_title=t("lc.axis.y_hat"), y_title=t("lc.axis.loss"), delta=delta),
         container=cols[0])
    show(charts.curves(c.y_hat, c.grad, short, title=t("lc.chart.grad"),
                       x_title=t("lc.axis.y_hat"), y_title=t("lc.axis.grad"), delta=delta),
         container=cols[1])
    panel.loss_formulas(form, delta, container=formulas)
    st.markdown(t(f"lc.s1.grad_note.{form}", delta=f"{delta:g}"))
    lesson.show_code(losses.smooth_l1, losses.huber, losses.grad, title=t("show_code"))

# ---- 2. the likelihood each loss implies (a section of its own: one screen each) -----------
if lesson.section(t("lc.s1b")):
    controls, plot = st.columns([1, 3], gap="medium")
    form, delta = panel.huber_controls(controls)
    lo, hi = panel.curve_range(controls)
    c = panel.loss_curves(lo, hi, delta, form)
    show(charts.curves(c.y_hat, c.density, short, title=t("lc.chart.density"),
                       x_title=t("lc.axis.y_hat"), y_title=t("lc.axis.density"), delta=delta),
         container=plot)
    st.markdown(t("lc.s1.density_note"))
    st.latex(panel.density_latex(form))
    panel.normaliser_table(delta, form)
    st.caption(t("lc.z_caption", level=f"{losses.TAIL:g}"))
    lesson.show_code(losses.normaliser, losses.normaliser_numeric, title=t("show_code"))

# ---- 3. mean versus median -----------------------------------------------------------------
if lesson.section(t("lc.s2")):
    st.markdown(t("lc.s2.intro"))
    controls, plot = st.columns([1, 3], gap="medium")
    form, delta = panel.huber_controls(controls)
    text = state.text(t("lc.data"), "data", container=controls,
                      help=t("lc.data_help", limit=losses.MAX_POINTS))
    outlier = state.slider(t("lc.outlier"), "outlier", 0.5, container=controls,
                           help=t("lc.outlier_help"))
    points = panel.typed_points(text, controls)
    if points is not None:
        values = (*points, outlier)
        fit, curves = panel.constants(values, delta, form)
        panel.constants_charts(points, outlier, fit, curves, delta, form, container=plot)
        st.markdown(panel.median_text(fit, len(values)))
        st.markdown(panel.huber_descent_text(fit, delta, form))
        panel.huber_verdict(values, fit, delta, form)
        st.markdown(t("lc.s2.objective_note"))
    lesson.show_code(losses.l2_constant, losses.l1_constant, losses.huber_constant,
                     title=t("show_code"))

# ---- 4. robust regression ------------------------------------------------------------------
if lesson.section(t("lc.s3")):
    cfg = losses.RobustConfig()
    st.markdown(t("lc.s3.intro", n=cfg.n, w=f"{cfg.w:g}", b=f"{cfg.b:g}"))
    controls, plot = st.columns([1, 3], gap="medium")
    form, delta = panel.huber_controls(controls)
    row1, row2 = controls.container(horizontal=True), controls.container(horizontal=True)
    k = state.slider(t("lc.k"), "k", container=row1)
    shift = state.slider(t("lc.shift"), "shift", 0.5, container=row1)
    noise = state.slider(t("lc.noise"), "noise", 0.1, container=row2)
    steps = state.slider(t("lc.steps"), "steps", 10, container=row2)
    result = panel.robust(k, noise, shift, steps, delta, form, state.seed())
    panel.robust_charts(result, cfg, container=plot)
    st.markdown(t("lc.s3.how", steps=steps, lr=f"{cfg.lr:g}", delta=f"{delta:g}",
                  sym=panel.sym_of(form)))
    panel.robust_table(result, cfg)
    panel.robust_summary(result, cfg, k, steps, panel.force_of(form, delta))
    lesson.show_code(losses.make_line_data, losses.fit_line, losses.robust_fit,
                     title=t("show_code"))

# ---- 5. when to use which ------------------------------------------------------------------
if lesson.section(t("lc.s4")):
    st.markdown(t("lc.s4.text", sym=panel.sym_of(state.value("form"))))
    st.page_link("pages/normal_mse.py", label=t("lc.s4.link"), icon=":material/ssid_chart:")

lesson.exercises(t("exercises"), [(t(f"lc.ex{i}.q"), t(f"lc.ex{i}.a")) for i in range(1, 4)],
                 t("reveal"))
