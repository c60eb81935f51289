"""Normal distribution & squared loss: under Gaussian noise, squared error is maximum likelihood."""

import math

import pandas as pd
import streamlit as st

from core import normal
from ui import lesson, state
from ui.charts import PALETTE, show
from ui.charts import normal_mse as charts
from ui.i18n import t
from ui.numbers import number

NARROW = 0.01  # the width of a narrow interval: probability ≈ density × width


@st.cache_data(show_spinner=False, max_entries=512)
def densities(params: tuple[tuple[float, float], ...]) -> normal.Densities:
    return normal.densities(list(params))


@st.cache_data(show_spinner=False, max_entries=512)
def noise_to_loss(w: float, b: float, sigma: float, n: int, sigmas: tuple[float, ...],
                  seed: int) -> normal.NoiseToLoss:
    return normal.noise_to_loss(w, b, sigma, n, list(sigmas), seed)


@st.cache_data(show_spinner=False, max_entries=256)
def residuals(noise: str, sigma: float, n: int, seed: int) -> normal.Residuals:
    return normal.residuals(noise, sigma, n, seed)


st.title(t("nm.title"))
lesson.key_idea(t("nm.key_idea"))
st.markdown(t("nm.intro"))

# ---- 1. the normal density ----------------------------------------------------------------
if lesson.section(t("nm.s1")):
    st.markdown(t("nm.s1_intro"))
    st.latex(r"p(x) = \frac{1}{\sqrt{2\pi\sigma^2}}\,"
             r"\exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)")
    controls, plot = st.columns([1, 3], gap="medium")  # on a phone: the controls, then the chart
    k = state.slider(t("nm.curves"), "curves", help=t("nm.curves_help"), container=controls)
    params = []
    for i in range(k):
        pair = controls.container(horizontal=True)  # μ and σ of one curve side by side
        mu = state.slider(t("nm.curve_mu", i=i + 1), f"mu{i + 1}", 0.1, container=pair)
        sd = state.slider(t("nm.curve_sigma", i=i + 1), f"sd{i + 1}", 0.1, container=pair,
                          help=t("nm.sigma_positive"))
        params.append((round(mu, 4), round(sd, 4)))
    controls.caption(t("nm.peak", peak=" · ".join(f"{normal.peak_height(sd):.3f}"
                                                  for _, sd in params)))
    d = densities(tuple(params))
    curves = [charts.Density(t("nm.curve_label", i=i + 1, mu=number(mu), sigma=number(sd)), p,
                             mu, peak)
              for i, ((mu, sd), p, peak) in enumerate(zip(params, d.p, d.peaks, strict=True))]
    show(charts.densities(d.x, curves, x_title="x", y_title=t("nm.density_px"),
                          legend=t("nm.legend_curves")), key="nm.density", container=plot)
    st.caption(t("nm.s1_caption"))

    st.subheader(t("nm.prob_title"), divider="gray")  # 3.1: density is not probability
    st.markdown(t("nm.prob_text"))
    mu1, sd1 = params[0]
    lo, hi = state.slider(t("nm.interval"), "interval", 0.05,
                          help=t("nm.interval_help"))
    box = normal.interval_probability(mu1, sd1, lo, hi)
    show(charts.interval_area(d.x, d.p[0], box.x, box.p, x_title="x", y_title=t("nm.density_px"),
                              description=t("nm.interval_desc", a=number(box.a),
                                            b=number(box.b), prob=f"{box.probability:.4f}")),
         key="nm.interval_chart")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("nm.peak_metric"), f"{box.peak:.4f}")
    m2.metric(t("nm.prob_metric", a=number(box.a), b=number(box.b)), f"{box.probability:.4f}")
    m3.metric(t("nm.trapezoid_metric"), f"{box.integral:.6f}")
    st.latex(rf"P({number(box.a)} \le X \le {number(box.b)}) = \int_{{{number(box.a)}}}"
             rf"^{{{number(box.b)}}} p(x)\,dx = \Phi\!\left(\tfrac{{b-\mu}}{{\sigma}}\right)"
             rf" - \Phi\!\left(\tfrac{{a-\mu}}{{\sigma}}\right) = {box.probability:.4f}")
    m = (box.a + box.b) / 2
    narrow = normal.interval_probability(mu1, sd1, m - NARROW / 2, m + NARROW / 2)
    st.markdown(t("nm.prob_after", sigma=number(sd1), peak=f"{box.peak:.4f}",
                  above=t("nm.above" if box.peak > 1 else "nm.below"), m=number(m),
                  width=number(NARROW), mid=f"{box.mid_density:.4f}",
                  approx=f"{box.mid_density * NARROW:.6f}", narrow=f"{narrow.probability:.6f}",
                  prob=f"{box.probability:.4f}"))
    lik = normal.likelihood_in_mu(box.a, box.b, mu1, sd1)  # the interval's ends as data
    st.markdown(t("nm.likelihood_text", x1=number(lik.x1), x2=number(lik.x2),
                  sigma=number(sd1), mu=number(mu1), value=number(lik.value),
                  mu_hat=number(lik.mu_hat), best=number(lik.best), area=number(lik.area),
                  area_num=number(lik.area_numeric, 6),
                  above=t("nm.lik_above") if lik.best > 1 else ""))
    lesson.show_code(normal.interval_probability, normal.likelihood_in_mu,
                     title=t("show_code"))

# ---- 2. from noise to loss ----------------------------------------------------------------
if lesson.section(t("nm.s2")):
    st.markdown(t("nm.s2_intro"))
    st.latex(r"y = w\,x + b + \epsilon,\qquad \epsilon \sim \mathcal{N}(0, \sigma^2)")
    left, right = st.columns(2, gap="medium")  # each chart under the controls it answers to
    row1, row2 = left.container(horizontal=True), left.container(horizontal=True)
    w = state.slider(t("nm.w"), "w", 0.1, container=row1)
    b = state.slider(t("nm.b"), "b", 0.1, container=row1)
    sigma = state.slider(t("nm.sigma"), "sigma", 0.1, container=row2, help=t("nm.sigma_help"))
    n = state.slider(t("nm.n"), "n", container=row2)
    lo, hi = state.slider(t("nm.lsig"), "lsig", 0.1, container=right, help=t("nm.lsig_help"))
    symlog = state.toggle(t("nm.symlog"), "symlog", container=right, help=t("nm.symlog_help"))
    sigmas = tuple(sorted({round(lo, 4), round(sigma, 4), round(hi, 4)}))
    r = noise_to_loss(round(w, 4), round(b, 4), round(sigma, 4), n, sigmas, state.seed())

    lines = [charts.Line(t("nm.true_line", w=f"{w:.3f}", b=f"{b:.3f}"), w, b),
             charts.Line(t("nm.fit_line", w=f"{r.w_hat:.3f}", b=f"{r.b_hat:.3f}"),
                         r.w_hat, r.b_hat)]
    show(charts.data_and_lines(r.x, r.y, lines, x_title="x", y_title="y",
                               title=t("nm.scatter_title", n=n), legend=t("nm.legend_lines")),
         key="nm.scatter", container=left)

    def label(s: float) -> str:
        return t("nm.nll_true", sigma=number(s)) if s == round(sigma, 4) else \
            t("nm.nll_sigma", sigma=number(s))

    nll_curves = [charts.LossCurve(label(s), row, a, m)
                  for s, row, a, m in zip(sigmas, r.nll, r.nll_argmin, r.nll_min,
                                          strict=True)]
    show(charts.loss_curves(r.w_grid, nll_curves, PALETTE[:3],
                            x_title=t("nm.w_axis", b=f"{r.b_hat:.3f}"),
                            y_title=t("nm.nll_axis_log" if symlog else "nm.nll_axis"),
                            legend=t("nm.legend_sigma"), symlog=symlog, height=340),
         key="nm.nll", container=right)
    mse_curve = [charts.LossCurve(t("nm.mse_label"), r.mse, r.mse_argmin, r.mse_min)]
    show(charts.loss_curves(r.w_grid, mse_curve, [PALETTE[4]],
                            x_title=t("nm.w_axis", b=f"{r.b_hat:.3f}"),
                            y_title=t("nm.mse_axis"), legend=t("nm.legend_loss"), height=280),
         key="nm.mse", container=right)

    rows = [(t("nm.row_nll", sigma=number(s)), a) for s, a in zip(sigmas, r.nll_argmin,
                                                                    strict=True)]
    rows += [(t("nm.row_mse"), r.mse_argmin), (t("nm.row_lstsq"), r.w_hat),
             (t("nm.row_true"), w)]
    lesson.table(pd.DataFrame(rows, columns=[t("nm.col_what"), t("nm.col_w")]),
                 formats="{:.6f}", hide_index=True)
    gap = max(abs(a - r.w_hat) for a in [*r.nll_argmin, r.mse_argmin])
    st.markdown(t("nm.agree", gap=f"{gap:.1e}", w_hat=f"{r.w_hat:.6f}"))
    st.caption(t("nm.s2_caption"))
    floors = t("nm.floor_sep").join(t("nm.floor_item", sigma=number(s), floor=f"{m:.3f}")
                        for s, m in zip(sigmas, r.nll_min, strict=True))
    lowest = sigmas[min(range(len(sigmas)), key=lambda i: r.nll_min[i])]
    st.markdown(t("nm.floors", mse=f"{r.mse_min:.4f}", floors=floors, lowest=number(lowest),
                  s_mle=f"{r.sigma_mle:.3f}", f_mle=f"{r.floor_mle:.3f}",
                  sigma=number(sigma), log_term=f"{0.5 * math.log(2 * math.pi * r.sigma_mle ** 2):.3f}",
                  fit_term=f"{r.mse_min / (2 * r.sigma_mle ** 2):.3f}"))
    lesson.show_code(normal.make_data, normal.least_squares, normal.mse, normal.nll,
                     normal.argmin_w, title=t("show_code"))

# ---- 3. the derivation --------------------------------------------------------------------
if lesson.section(t("nm.s3")):
    st.markdown(t("nm.s3_intro"))
    steps = [
        r"p\big(y^{(i)} \mid x^{(i)}\big) = \frac{1}{\sqrt{2\pi\sigma^2}}"
        r"\exp\!\left(-\frac{\big(y^{(i)} - w x^{(i)} - b\big)^2}{2\sigma^2}\right)",
        r"P(\mathbf{y} \mid X) = \prod_{i=1}^{n} p\big(y^{(i)} \mid x^{(i)}\big)",
        r"-\log P(\mathbf{y} \mid X) = \sum_{i=1}^{n}\left[\tfrac12\log(2\pi\sigma^2)"
        r" + \frac{\big(y^{(i)} - w x^{(i)} - b\big)^2}{2\sigma^2}\right]"
        r" = \underbrace{\tfrac{n}{2}\log(2\pi\sigma^2)}_{\text{" + t("nm.no_wb") + r"}\ w,\,b}"
        r" + \frac{1}{2\sigma^2}\sum_{i=1}^{n}\big(y^{(i)} - w x^{(i)} - b\big)^2",
        r"\operatorname*{argmin}_{w,\,b}\; -\log P(\mathbf{y} \mid X)"
        r" = \operatorname*{argmin}_{w,\,b}\;"
        r" \frac1n\sum_{i=1}^{n}\big(y^{(i)} - w x^{(i)} - b\big)^2",
    ]
    for i, formula in enumerate(steps, 1):
        st.markdown(f"**{i}.** {t(f'nm.d{i}')}")
        st.latex(formula)
        lesson.revealed(t("nm.why"), t(f"nm.d{i}_why"))
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
    q = residuals(noise, round(rsigma, 4), rn, state.seed())
    show(charts.residual_histogram(q.edges, q.density, q.grid, q.pdf,
                                   x_title=t("nm.res_axis"), y_title=t("nm.density_axis"),
                                   curve=t("nm.fitted_normal", s=f"{q.sigma_hat:.3f}")),
         key="nm.residuals", container=plot)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("nm.sigma_hat"), f"{q.sigma_hat:.3f}")
    m2.metric(t("nm.skew"), f"{q.skewness:.2f}", help=t("nm.skew_help"))
    m3.metric(t("nm.kurt"), f"{q.excess_kurtosis:.2f}", help=t("nm.kurt_help"))
    m4.metric(t("nm.outside"), str(q.outside), help=t("nm.outside_help", k=number(normal.REACH)))
    st.markdown(t(f"nm.says.{noise}", s=f"{q.skewness:.2f}", k=f"{q.excess_kurtosis:.2f}",
                  n=rn, se_s=f"{math.sqrt(6 / rn):.2f}", se_k=f"{math.sqrt(24 / rn):.2f}",
                  out=q.outside, reach=number(normal.REACH),
                  gauss_out=f"{rn * math.erfc(normal.REACH / math.sqrt(2)):.2g}"))
    st.markdown(t("nm.loss_link"))
    st.page_link("pages/loss_comparison.py", label=t("nav.loss_comparison"),
                 icon=":material/functions:")

lesson.exercises(t("exercises"), [(t(f"nm.ex{i}_q"), t(f"nm.ex{i}_a")) for i in range(1, 4)],
                 t("reveal"))
