"""Normal distribution & squared loss: under Gaussian noise, squared error is maximum likelihood.

The panels (the cached densities, fits and residuals, their charts, tables and texts) are in
ui/panels/normal_mse.py; this script is the lesson, top to bottom."""

import streamlit as st

from core import normal
from ui import lesson, state
from ui.i18n import t
from ui.panels import normal_mse as panel

st.title(t("nm.title"))
lesson.key_idea(t("nm.key_idea"))
st.markdown(t("nm.intro"))

# ---- 1. the normal density ----------------------------------------------------------------
if lesson.section(t("nm.s1")):
    st.markdown(t("nm.s1_intro"))
    st.latex(panel.DENSITY)
    controls, plot = st.columns([1, 3], gap="medium")  # on a phone: the controls, then the chart
    k = state.slider(t("nm.curves"), "curves", help=t("nm.curves_help"), container=controls)
    params = []
    for i in range(k):
        pair = controls.container(horizontal=True)  # μ and σ of one curve side by side
        mu = state.slider(t("nm.curve_mu", i=i + 1), f"mu{i + 1}", 0.1, container=pair)
        sd = state.slider(t("nm.curve_sigma", i=i + 1), f"sd{i + 1}", 0.1, container=pair,
                          help=t("nm.sigma_positive"))
        params.append((round(mu, 4), round(sd, 4)))
    controls.caption(panel.peak_text(params))
    d = panel.density_chart(params, container=plot)
    st.caption(t("nm.s1_caption"))

    st.subheader(t("nm.prob_title"), divider="gray")  # 3.1: density is not probability
    st.markdown(t("nm.prob_text"))
    lo, hi = state.slider(t("nm.interval"), "interval", 0.05,
                          help=t("nm.interval_help"))
    panel.interval_panel(d, *params[0], lo, hi)  # the first curve's; then its likelihood
    lesson.show_code(normal.interval_probability, normal.likelihood_in_mu,
                     title=t("show_code"))

# ---- 2. from noise to loss ----------------------------------------------------------------
if lesson.section(t("nm.s2")):
    st.markdown(t("nm.s2_intro"))
    st.latex(panel.MODEL)
    left, right = st.columns(2, gap="medium")  # each chart under the controls it answers to
    row1, row2 = left.container(horizontal=True), left.container(horizontal=True)
    w = state.slider(t("nm.w"), "w", 0.1, container=row1)
    b = state.slider(t("nm.b"), "b", 0.1, container=row1)
    sigma = state.slider(t("nm.sigma"), "sigma", 0.1, container=row2, help=t("nm.sigma_help"))
    n = state.slider(t("nm.n"), "n", container=row2)
    lo, hi = state.slider(t("nm.lsig"), "lsig", 0.1, container=right, help=t("nm.lsig_help"))
    symlog = state.toggle(t("nm.symlog"), "symlog", container=right, help=t("nm.symlog_help"))
    sigmas = tuple(sorted({round(lo, 4), round(sigma, 4), round(hi, 4)}))
    r = panel.noise_to_loss(round(w, 4), round(b, 4), round(sigma, 4), n, sigmas, state.seed())
    panel.data_chart(r, w, b, n, container=left)
    panel.loss_charts(r, sigma, sigmas, symlog, container=right)
    panel.argmin_table(r, sigmas, w)
    st.markdown(panel.agree_text(r))
    st.caption(t("nm.s2_caption"))
    st.markdown(panel.floors_text(r, sigmas, sigma))
    lesson.show_code(normal.make_data, normal.least_squares, normal.mse, normal.nll,
                     normal.argmin_w, title=t("show_code"))

# ---- 3. the derivation --------------------------------------------------------------------
if lesson.section(t("nm.s3")):
    st.markdown(t("nm.s3_intro"))
    lesson.derivation(panel.derivation_steps(), t("nm.why"), panel.derivation_reasons())
    st.markdown(t("nm.s3_outro"))

# ---- 4. residuals -------------------------------------------------------------------------
if lesson.section(t("nm.s4")):
    st.markdown(t("nm.s4_intro"))
    names = {v: t(f"nm.noise.{v}") for v in normal.NOISES}  # a lookup, fixed in this language
    controls, plot = st.columns([1, 3], gap="medium")
    noise = state.select(t("nm.noise"), "noise", widget="radio", format_func=names.get,
                         container=controls)
    pair = controls.container(horizontal=True)
    rsigma = state.slider(t("nm.rsigma"), "rsigma", 0.1, container=pair)
    rn = state.slider(t("nm.n"), "rn", 10, container=pair)
    q = panel.residuals(noise, round(rsigma, 4), rn, state.seed())
    panel.residual_panel(q, noise, rn, container=plot)
    st.markdown(t("nm.loss_link"))
    st.page_link("pages/loss_comparison.py", label=t("nav.loss_comparison"),
                 icon=":material/functions:")

lesson.exercises(t("exercises"), [(t(f"nm.ex{i}_q"), t(f"nm.ex{i}_a")) for i in range(1, 4)],
                 t("reveal"))
