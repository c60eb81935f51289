"""The normal-and-squared-loss page's panels: the cached densities, fits and residuals, the
charts and tables that show them, the derivation's formulas and the texts quoting the numbers.

The page (pages/normal_mse.py) draws the widgets of each section and calls these.
"""

import math

import pandas as pd
import streamlit as st

from core import normal
from ui import lesson
from ui.charts import PALETTE, show
from ui.charts import normal_mse as charts
from ui.i18n import t
from ui.numbers import number

NARROW = 0.01  # the width of a narrow interval: probability ≈ density × width
DENSITY = (r"p(x) = \frac{1}{\sqrt{2\pi\sigma^2}}\,"
           r"\exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)")
MODEL = r"y = w\,x + b + \epsilon,\qquad \epsilon \sim \mathcal{N}(0, \sigma^2)"


# ---- what is computed once (st.cache_data: pure results of small inputs) ------------------

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


# ---- 1. the normal density, and density against probability --------------------------------

def peak_text(params: list[tuple[float, float]]) -> str:
    return t("nm.peak", peak=" · ".join(f"{normal.peak_height(sd):.3f}" for _, sd in params))


def density_chart(params: list[tuple[float, float]], container) -> normal.Densities:
    """The curves for each (μ, σ), labelled; returns their densities (the interval's chart
    reuses the first)."""
    d = densities(tuple(params))
    curves = [charts.Density(t("nm.curve_label", i=i + 1, mu=number(mu), sigma=number(sd)), p,
                             mu, peak)
              for i, ((mu, sd), p, peak) in enumerate(zip(params, d.p, d.peaks, strict=True))]
    show(charts.densities(d.x, curves, x_title="x", y_title=t("nm.density_px"),
                          legend=t("nm.legend_curves")), key="nm.density", container=container)
    return d


def interval_panel(d: normal.Densities, mu1: float, sd1: float, lo: float, hi: float) -> None:
    """The first curve's probability of [lo, hi] as an area: chart, metrics, the integral,
    a narrow interval where probability ≈ density × width, and the interval's ends read as
    two observations: their likelihood as a function of μ."""
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


# ---- 2. from noise to loss ----------------------------------------------------------------

def data_chart(r: normal.NoiseToLoss, w: float, b: float, n: int, container) -> None:
    """The noisy data with the true line and the least-squares line."""
    lines = [charts.Line(t("nm.true_line", w=f"{w:.3f}", b=f"{b:.3f}"), w, b),
             charts.Line(t("nm.fit_line", w=f"{r.w_hat:.3f}", b=f"{r.b_hat:.3f}"),
                         r.w_hat, r.b_hat)]
    show(charts.data_and_lines(r.x, r.y, lines, x_title="x", y_title="y",
                               title=t("nm.scatter_title", n=n), legend=t("nm.legend_lines")),
         key="nm.scatter", container=container)


def loss_charts(r: normal.NoiseToLoss, sigma: float, sigmas: tuple[float, ...], symlog: bool,
                container) -> None:
    """The negative log-likelihood for each σ, then the mean squared error, against w."""
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
         key="nm.nll", container=container)
    mse_curve = [charts.LossCurve(t("nm.mse_label"), r.mse, r.mse_argmin, r.mse_min)]
    show(charts.loss_curves(r.w_grid, mse_curve, [PALETTE[4]],
                            x_title=t("nm.w_axis", b=f"{r.b_hat:.3f}"),
                            y_title=t("nm.mse_axis"), legend=t("nm.legend_loss"), height=280),
         key="nm.mse", container=container)


def argmin_table(r: normal.NoiseToLoss, sigmas: tuple[float, ...], w: float) -> None:
    """Every curve's minimising w beside least squares and the truth."""
    rows = [(t("nm.row_nll", sigma=number(s)), a) for s, a in zip(sigmas, r.nll_argmin,
                                                                    strict=True)]
    rows += [(t("nm.row_mse"), r.mse_argmin), (t("nm.row_lstsq"), r.w_hat),
             (t("nm.row_true"), w)]
    lesson.table(pd.DataFrame(rows, columns=[t("nm.col_what"), t("nm.col_w")]),
                 formats="{:.6f}", hide_index=True)


def agree_text(r: normal.NoiseToLoss) -> str:
    gap = max(abs(a - r.w_hat) for a in [*r.nll_argmin, r.mse_argmin])
    return t("nm.agree", gap=f"{gap:.1e}", w_hat=f"{r.w_hat:.6f}")


def floors_text(r: normal.NoiseToLoss, sigmas: tuple[float, ...], sigma: float) -> str:
    """Each curve's lowest value, and why the best σ's floor is lowest."""
    floors = t("nm.floor_sep").join(t("nm.floor_item", sigma=number(s), floor=f"{m:.3f}")
                                    for s, m in zip(sigmas, r.nll_min, strict=True))
    lowest = sigmas[min(range(len(sigmas)), key=lambda i: r.nll_min[i])]
    return t("nm.floors", mse=f"{r.mse_min:.4f}", floors=floors, lowest=number(lowest),
             s_mle=f"{r.sigma_mle:.3f}", f_mle=f"{r.floor_mle:.3f}",
             sigma=number(sigma), log_term=f"{0.5 * math.log(2 * math.pi * r.sigma_mle ** 2):.3f}",
             fit_term=f"{r.mse_min / (2 * r.sigma_mle ** 2):.3f}")


# ---- 3. the derivation --------------------------------------------------------------------

def derivation_steps() -> list[tuple[str, str]]:
    """From one example's density to least squares: (sentence, formula) per step."""
    formulas = [
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
    return [(t(f"nm.d{i}"), formula) for i, formula in enumerate(formulas, 1)]


def derivation_reasons() -> list[str]:
    return [t(f"nm.d{i}_why") for i in range(1, 5)]


# ---- 4. residuals -------------------------------------------------------------------------

def residual_panel(q: normal.Residuals, noise: str, rn: int, container) -> None:
    """The residuals' histogram against the fitted normal, its shape in numbers, and what
    those numbers say about the noise."""
    show(charts.residual_histogram(q.edges, q.density, q.grid, q.pdf,
                                   x_title=t("nm.res_axis"), y_title=t("nm.density_axis"),
                                   curve=t("nm.fitted_normal", s=f"{q.sigma_hat:.3f}")),
         key="nm.residuals", container=container)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("nm.sigma_hat"), f"{q.sigma_hat:.3f}")
    m2.metric(t("nm.skew"), f"{q.skewness:.2f}", help=t("nm.skew_help"))
    m3.metric(t("nm.kurt"), f"{q.excess_kurtosis:.2f}", help=t("nm.kurt_help"))
    m4.metric(t("nm.outside"), str(q.outside), help=t("nm.outside_help", k=number(normal.REACH)))
    st.markdown(t(f"nm.says.{noise}", s=f"{q.skewness:.2f}", k=f"{q.excess_kurtosis:.2f}",
                  n=rn, se_s=f"{math.sqrt(6 / rn):.2f}", se_k=f"{math.sqrt(24 / rn):.2f}",
                  out=q.outside, reach=number(normal.REACH),
                  gauss_out=f"{rn * math.erfc(normal.REACH / math.sqrt(2)):.2g}"))
