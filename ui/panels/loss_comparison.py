"""The loss-comparison page's panels: the cached curves, constants and robust fits, Huber's
form and threshold shared by every section, the formulas, and the tables and verdicts that
explain each section's numbers.

The page (pages/loss_comparison.py) draws the widgets and charts of each section and calls
these for the rest.
"""

import math

import pandas as pd
import streamlit as st

from core import losses
from ui import lesson, state
from ui.charts import loss_comparison as charts
from ui.charts import show
from ui.i18n import t
from ui.safe import literal  # user text in an error box is shown as typed

COUNTER = (-2.0, -2.0, 0.0, 0.01, 50.0)  # data whose Huber constant can leave [median, mean]
SHORT = ["L2", "L1", "Huber"]  # legends of the three narrow charts
BOOK = r"""l(y,y') = \begin{cases}|y-y'| -\frac{\sigma}{2} & |y-y'| > \sigma \\
\frac{1}{2 \sigma} (y-y')^2 & |y-y'| \le \sigma\end{cases}"""
HUBER = {  # each form's loss and normaliser, in LaTeX
    "sigma": (r"l_\sigma(r)=\begin{cases}\frac{r^2}{2\sigma} & |r|\le\sigma\\"
              r"|r|-\frac{\sigma}{2} & |r|>\sigma\end{cases}",
              r"Z_\sigma=\sqrt{2\pi\sigma}\,\operatorname{erf}\!\left(\sqrt{\sigma/2}\right)"
              r"+2e^{-\sigma/2}"),
    "delta": (r"l_\delta(r)=\begin{cases}\tfrac12 r^2 & |r|\le\delta\\"
              r"\delta\left(|r|-\tfrac{\delta}{2}\right) & |r|>\delta\end{cases}",
              r"Z_\delta=\sqrt{2\pi}\,\operatorname{erf}\!\left(\tfrac{\delta}{\sqrt2}\right)"
              r"+\frac{2}{\delta}e^{-\delta^2/2}"),
}


# ---- what is computed once (st.cache_data: pure results of small inputs) ------------------

@st.cache_data(show_spinner=False, max_entries=64)
def loss_curves(lo: float, hi: float, delta: float, form: str) -> losses.Curves:
    return losses.loss_curves(lo, hi, delta, form=form)


@st.cache_data(show_spinner=False, max_entries=16)
def normalisers(delta: float, form: str) -> dict[str, tuple[float, losses.NumericZ]]:
    return {n: (losses.normaliser(n, delta, form), losses.normaliser_numeric(n, delta, form))
            for n in losses.LOSSES}


@st.cache_data(show_spinner=False, max_entries=256)
def constants(values: tuple[float, ...], delta: float, form: str) -> tuple[losses.Constants,
                                                                          dict]:
    fit = losses.fit_constants(list(values), delta, form)
    lo, hi = min(values), max(values)
    pad = max(1.0, 0.15 * (hi - lo))
    return fit, losses.objective_curves(list(values), delta, lo - pad, hi + pad, form=form)


@st.cache_data(show_spinner=False, max_entries=64)
def robust(outliers: int, noise: float, shift: float, steps: int, delta: float, form: str,
           seed: int) -> losses.RobustResult:
    cfg = losses.RobustConfig(outliers=outliers, noise=noise, shift=shift, steps=steps,
                              delta=delta, form=form)
    return losses.robust_fit(cfg, seed)


# ---- the settings every section shares -----------------------------------------------------

def names() -> list[str]:
    """The three losses' names in the session's language (tables, legends, metrics)."""
    return [t("lc.name.l2"), t("lc.name.l1"), t("lc.name.huber")]


def sym_of(form: str) -> str:
    return "σ" if form == "sigma" else "δ"


def force_of(form: str, delta: float) -> str:
    """An outlier's pull under Huber's loss."""
    return "1" if form == "sigma" else f"δ = {delta:g}"


def huber_controls(container) -> tuple[str, float]:
    """Huber's form and threshold, drawn beside the charts of the first section shown (every
    section on the page uses them); a section shown later says which values are in use."""
    if state.drawn("form"):  # drawn in an earlier section of the whole page
        container.caption(t("lc.delta_above", sym=sym_of(state.value("form")),
                            delta=f"{state.value('delta'):g}"))
    else:
        form = state.select(  # a radio: its two long labels fit a narrow column
            t("lc.form"), "form", widget="radio", format_func=lambda f: t(f"lc.form.{f}"),
            container=container, help=t("lc.form_help"))
        state.slider(t("lc.delta", sym=sym_of(form)), "delta", 0.1, container=container,
                     help=t(f"lc.delta_help.{form}"))
    return state.value("form"), state.value("delta")


def curve_range(container) -> tuple[float, float]:
    """The range of ŷ the curves span, drawn in the first section shown that has curves."""
    if not state.drawn("range"):
        lo, hi = state.slider(t("lc.range"), "range", 0.5, container=container)
        if hi - lo < 0.5:
            container.warning(t("lc.range_empty"))
    lo, hi = state.value("range")
    return (lo - 1.0, hi + 1.0) if hi - lo < 0.5 else (lo, hi)


# ---- 1. the three losses, 2. their likelihoods --------------------------------------------

def loss_formulas(form: str, delta: float, container) -> None:
    """The three losses in LaTeX, and PyTorch's two Huber losses checked against this form."""
    container.latex(r"l_2(r)=\tfrac12 r^2,\qquad l_1(r)=|r|,\qquad " + HUBER[form][0] +
                    r"\qquad r=y'-y")
    container.markdown(t("lc.torch_note"))
    match = losses.parameterisations(delta)
    lesson.table(pd.DataFrame({
        t("lc.col.torch"): [f"F.smooth_l1_loss(beta={delta:g})", f"F.huber_loss(delta={delta:g})"],
        t("lc.col.diff", reach=f"{match.reach:g}"): [match.diff_smooth_l1, match.diff_huber],
    }), formats="{:.3g}", hide_index=True, container=container)
    container.caption(t("lc.torch_check", ratio=f"{match.ratio:.6g}", s=f"{delta:g}"))


def density_latex(form: str) -> str:
    return (r"p(r)=\frac{e^{-l(r)}}{Z},\quad Z_2=\sqrt{2\pi},\quad Z_1=2,\quad " +
            HUBER[form][1])


def normaliser_table(delta: float, form: str) -> None:
    """Each density's normaliser Z in closed form against a numerical integral."""
    zs = normalisers(delta, form)
    lesson.table(pd.DataFrame({
        t("lc.col.loss"): names(),
        t("lc.col.density"): [t("lc.density.l2"), t("lc.density.l1"), t("lc.density.huber")],
        t("lc.col.z_closed"): [zs[n][0] for n in losses.LOSSES],
        t("lc.col.z_numeric"): [zs[n][1].value for n in losses.LOSSES],
        t("lc.col.z_diff"): [abs(zs[n][1].value - zs[n][0]) / zs[n][0] for n in losses.LOSSES],
        t("lc.col.z_reach"): [zs[n][1].reach for n in losses.LOSSES],
    }), formats={t("lc.col.z_closed"): "{:.10f}", t("lc.col.z_numeric"): "{:.10f}",
                 t("lc.col.z_diff"): "{:.1e}", t("lc.col.z_reach"): "{:.4g}"}, hide_index=True)


# ---- 3. mean versus median -----------------------------------------------------------------

def typed_points(text: str, container) -> tuple[float, ...] | None:
    """The numbers typed, or None after an error box that quotes the text as typed."""
    parsed = losses.parse_data(text)
    if parsed.values is None:
        container.error(t(f"lc.err.{parsed.error}", token=literal(parsed.detail),
                          limit=losses.MAX_POINTS, largest=f"{losses.MAX_ABS:g}"))
    return parsed.values


def constants_charts(points: tuple[float, ...], outlier: float, fit: losses.Constants,
                     curves: dict, delta: float, form: str, container) -> None:
    """The data with the three constants, each constant's move with the outlier (against the
    data without it), and each loss's objective around its constant."""
    labels = names()
    base, _ = constants(tuple(points), delta, form)
    show(charts.constants_on_data(
        list(points), outlier, {n: fit.value(n) for n in losses.LOSSES},
        (fit.median_low, fit.median_high), labels, title=t("lc.chart.constants"),
        x_title=t("lc.axis.value"), data_label=t("lc.legend.data"),
        outlier_label=t("lc.legend.outlier")), container=container)
    for col, name, label in zip(container.columns(3), losses.LOSSES, labels, strict=True):
        col.metric(label, f"{fit.value(name):.3f}", f"{fit.value(name) - base.value(name):+.3f}",
                   delta_color="off", help=t("lc.metric_help"))
    container.caption(t("lc.metric_caption"))
    scales = [t("lc.own_scale", lo=f"{min(curves[nm]):.2f}", hi=f"{max(curves[nm]):.2f}")
              for nm in losses.LOSSES]  # each panel's y axis is its own: say so
    show(charts.objectives(curves, {nm: fit.value(nm) for nm in losses.LOSSES}, labels,
                           x_title="c", y_title=t("lc.axis.objective"), subtitles=scales),
         container=container)


def median_text(fit: losses.Constants, n: int) -> str:
    if fit.median_low == fit.median_high:
        return t("lc.median_odd", n=n, median=f"{fit.median:.3f}")
    return t("lc.median_even", n=n, low=f"{fit.median_low:.3f}", high=f"{fit.median_high:.3f}",
             mid=f"{fit.median:.3f}")


def huber_descent_text(fit: losses.Constants, delta: float, form: str) -> str:
    """How gradient descent found Huber's constant (it has no closed form)."""
    lr = losses.huber_lr(delta, form)
    return t("lc.huber_gd", steps=fit.huber_steps, grad=f"{fit.huber_grad:.1e}",
             c=f"{fit.huber:.4f}", lr=f"{lr:g}", curv=f"{1 / lr:g}")


def between(fit: losses.Constants) -> bool:
    """Does Huber's constant lie between the median and the mean?"""
    lo_c, hi_c = sorted((fit.mean, fit.median))
    return lo_c - 1e-9 <= fit.huber <= hi_c + 1e-9


def huber_verdict(values: tuple[float, ...], fit: losses.Constants, delta: float,
                  form: str) -> None:
    """Where Huber's constant landed: the mean, the median, between them (with the
    counterexample where it is one) or outside."""
    sym, force = sym_of(form), force_of(form, delta)
    inside = max(abs(v - fit.huber) for v in values) <= delta  # every point pulls like L2
    at_median = fit.median_low - 1e-3 <= fit.huber <= fit.median_high + 1e-3
    if inside:
        st.markdown(t("lc.huber_is_mean", sym=sym, delta=f"{delta:g}", c=f"{fit.huber:.4f}",
                      mean=f"{fit.mean:.4f}",
                      far=f"{max(abs(v - fit.huber) for v in values):.3f}"))
    elif at_median and not math.isclose(fit.median, fit.mean, abs_tol=1e-3):
        st.markdown(t("lc.huber_is_median", sym=sym, delta=f"{delta:g}", force=force,
                      c=f"{fit.huber:.4f}", median=f"{fit.median:.4f}"))
    elif between(fit):
        st.markdown(t("lc.huber_between", sym=sym, force=force))
        counter, _ = constants(COUNTER, delta, form)
        if not between(counter):  # offer the counterexample only where it is one
            st.markdown(t("lc.huber_counter", data=", ".join(f"{v:g}" for v in COUNTER[:-1]),
                          outlier=f"{COUNTER[-1]:g}", sym=sym, delta=f"{delta:g}",
                          c=f"{counter.huber:.3f}", median=f"{counter.median:.3f}",
                          mean=f"{counter.mean:.3f}"))
    else:
        st.info(t("lc.huber_outside", sym=sym))


# ---- 4. robust regression ------------------------------------------------------------------

def robust_charts(result: losses.RobustResult, cfg: losses.RobustConfig, container) -> None:
    """The three fitted lines on the data, and each fit's distance to the truth per step."""
    labels, true_wb = names(), (cfg.w, cfg.b)
    show(charts.robust_lines(result.x, result.y, result.is_outlier, result.fits, true_wb, labels,
                             title=t("lc.chart.robust"), true_label=t("lc.legend.true"),
                             inlier_label=t("lc.legend.inlier"),
                             outlier_label=t("lc.legend.outlier")), container=container)
    show(charts.parameter_error(result.history, true_wb, labels, title=t("lc.chart.error"),
                                x_title=t("lc.axis.step"), y_title=t("lc.axis.error")),
         container=container)


def robust_table(result: losses.RobustResult, cfg: losses.RobustConfig) -> None:
    lesson.table(pd.DataFrame({
        t("lc.col.loss"): names(),
        "ŵ": [result.fits[n][0] for n in losses.LOSSES],
        "b̂": [result.fits[n][1] for n in losses.LOSSES],
        "|ŵ − w|": [abs(result.fits[n][0] - cfg.w) for n in losses.LOSSES],
        "|b̂ − b|": [abs(result.fits[n][1] - cfg.b) for n in losses.LOSSES],
    }), formats="{:.4f}", hide_index=True)


def robust_summary(result: losses.RobustResult, cfg: losses.RobustConfig, k: int, steps: int,
                   force: str) -> None:
    """Which loss came closest and which furthest, and which fits were still moving."""
    error = {n: ((result.fits[n][0] - cfg.w) ** 2 + (result.fits[n][1] - cfg.b) ** 2) ** 0.5
             for n in losses.LOSSES}
    still = {n: ((h[-1]["w"] - h[-2]["w"]) ** 2 + (h[-1]["b"] - h[-2]["b"]) ** 2) ** 0.5
             for n, h in result.history.items()}  # how far the last step moved
    best, worst = min(error, key=error.get), max(error, key=error.get)
    name = dict(zip(losses.LOSSES, names(), strict=True))
    st.markdown(t("lc.s3.note", force=force))
    st.markdown(t("lc.s3.run", k=k, best=name[best], e_best=f"{error[best]:.3f}",
                  worst=name[worst], e_worst=f"{error[worst]:.3f}"))
    moving = [name[n] for n in losses.LOSSES if still[n] > 1e-4]
    if moving:
        st.markdown(t("lc.s3.moving", names=", ".join(moving), steps=steps))
