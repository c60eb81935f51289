"""Linear regression training: d2l's synthetic data, SGD from scratch and concise, live."""

import math
import time

import pandas as pd
import streamlit as st
import torch

from core import linreg
from core.data import synthetic_data
from core.device import device_name, get_device, make_generator
from ui import charts, lesson, state
from ui.charts import linear_regression as lr_charts
from ui.i18n import t

PAGE = "linear-regression"
RESULT = f"{PAGE}.result"  # the last finished run: {"key": ..., "records": [...], ...}
LR_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0]
BATCH_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
MAX_STEPS = 20_000    # a longer run would keep the page busy for many seconds
REDRAW_SECONDS = 0.2  # live charts are redrawn at most this often within an epoch
GRID = 40             # landscape grid: GRID × GRID values of the loss
CODE = {
    "scratch": (linreg.data_iter, linreg.linreg, linreg.squared_loss, linreg.sgd,
                linreg.init_scratch, linreg.train_scratch),
    "concise": (linreg.load_array, linreg.init_concise, linreg.train_concise),
}


def kept(name: str, default):
    """The value of a setting whose widget this run does not draw (lecture mode)."""
    key = f"{PAGE}.{name}"
    return st.session_state.get(key, st.session_state.get(f"_keep.{key}", default))


@st.cache_data(show_spinner=False, max_entries=16)
def make_data(n: int, noise: float, w1: float, w2: float, b: float, seed: int):
    return synthetic_data(torch.tensor([w1, w2]), b, n, noise, generator=make_generator(seed))


@st.cache_data(show_spinner=False, max_entries=16)
def solve(data_key: tuple):
    return linreg.analytic_solution(*make_data(*data_key))


@st.cache_data(show_spinner=False, max_entries=16)
def landscape(data_key: tuple, impl: str):
    X, y = make_data(*data_key)
    found = solve(data_key)
    w_star = found[0] if found else list(data_key[2:4])
    window = linreg.landscape_window((0.0, 0.0), w_star)
    grid = linreg.loss_landscape(X, y, *window, size=GRID, scale=linreg.loss_scale(impl))
    return grid, window


@st.cache_data(show_spinner=False, max_entries=64)
def stable_lr(data_key: tuple, batch_size: int, impl: str) -> float:
    return linreg.max_stable_lr(make_data(*data_key)[0], batch_size, impl)


def suggestion(bound: float) -> float:
    """A learning rate from the menu safely below the stability limit."""
    safe = [v for v in LR_CHOICES if v <= bound / 2]
    return safe[-1] if safe else LR_CHOICES[0]


def fmt(values) -> str:
    return "[" + ", ".join(f"{v:.6f}" for v in values) + "]"


# ---- the training panel: its own fragment, so Train reruns only this part -------------------

def draw(slots, records, data_key, impl, total_steps, done=False):
    """Loss curve, landscape with the path, printed output and table, from `records`."""
    true_w, true_b = list(data_key[2:4]), data_key[4]
    steps = [(r.step, r.loss) for r in records if r.kind == "step"]
    epochs = [(r.step, r.loss) for r in records if r.kind in ("init", "epoch")]
    names = {"step": t("lr.series.step"), "epoch": t("lr.series.epoch")}
    charts.show(lr_charts.loss_curve(steps, epochs, total_steps, names, t("lr.step_axis"),
                                     t(f"lr.loss_axis.{impl}")), container=slots["loss"])
    grid, window = landscape(data_key, impl)
    found = solve(data_key)
    path = [(r.w[0], r.w[1]) for r in records if r.kind in ("init", "step")]
    titles = {"colour": t("lr.colour"), "start": t("lr.start"), "end": t("lr.end"),
              "optimum": t("lr.optimum")}
    charts.show(lr_charts.landscape(grid, window, path, found[0] if found else None, titles),
                container=slots["landscape"])
    if not records:
        return
    last = records[-1]
    lines = [t("lr.out.epoch", epoch=r.epoch, loss=f"{r.loss:f}")
             for r in records if r.kind == "epoch"]
    if done and last.kind == "epoch":  # the book prints the errors after training
        lines += [t("lr.out.err_w", err=fmt(a - b for a, b in zip(true_w, last.w, strict=True))),
                  t("lr.out.err_b", err=f"{true_b - last.b:.6f}")]
    slots["printed"].code("\n".join(lines) or "…", language=None)
    names = ["w₁", "w₂", "b"]
    sgd = [*last.w, last.b]
    table = pd.DataFrame({t("lr.col.param"): names, t("lr.col.true"): [*true_w, true_b],
                          t("lr.col.sgd"): sgd,
                          t("lr.col.error"): [a - b for a, b in zip([*true_w, true_b], sgd,
                                                                    strict=True)]})
    if found:
        table[t("lr.col.analytic")] = [*found[0], found[1]]
    slots["table"].dataframe(table, hide_index=True, width="stretch")


@st.fragment
def training(data_key: tuple):
    impl = state.select(t("lr.impl"), "impl", linreg.IMPLEMENTATIONS, "scratch",
                        widget="segmented_control", format_func=lambda k: t(f"lr.impl.{k}"))
    c1, c2, c3 = st.columns(3)
    lr = state.select(t("lr.lr"), "lr", LR_CHOICES, 0.03, widget="select_slider", container=c1)
    batch = state.select(t("lr.batch"), "batch", BATCH_CHOICES, 10, widget="select_slider",
                         container=c2)
    epochs = state.slider(t("lr.epochs"), "epochs", 1, 30, 3, container=c3)
    n = data_key[0]
    batch_size = min(batch, n)
    if batch >= n:
        c2.caption(t("lr.full_batch", n=n))
    total_steps = epochs * math.ceil(n / batch_size)
    cfg = linreg.TrainConfig(lr=lr, batch_size=batch_size, num_epochs=epochs, seed=data_key[5])
    run_key = (data_key, impl, lr, batch_size, epochs)

    too_many = total_steps > MAX_STEPS
    if too_many:
        st.warning(t("lr.too_many", steps=total_steps, limit=MAX_STEPS))
    clicked = st.button(t("lr.train"), type="primary", key=f"{PAGE}.train", disabled=too_many)
    progress, message = st.empty(), st.empty()
    left, right = st.columns([3, 2])
    slots = {"loss": left.empty(), "landscape": left.empty(), "printed": right.empty(),
             "table": right.empty()}
    with right:
        lesson.show_code(*CODE[impl], title=t("show_code"))
    left.caption(t("lr.landscape_caption"))

    if clicked:
        records, start, drawn = [], time.perf_counter(), 0.0
        for record in linreg.train(impl, *make_data(*data_key), cfg, get_device()):
            records.append(record)
            now = time.perf_counter()
            if record.kind in ("epoch", "diverged") or now - drawn > REDRAW_SECONDS:
                progress.progress(min(record.step / total_steps, 1.0),
                                  text=t("lr.progress", epoch=max(record.epoch, 1), epochs=epochs,
                                         step=record.step, total=total_steps))
                draw(slots, records, data_key, impl, total_steps,
                     done=record.kind == "epoch" and record.epoch == epochs)
                drawn = time.perf_counter()
        result = {"key": run_key, "records": records, "seconds": time.perf_counter() - start}
        st.session_state[RESULT] = result  # only a run that got here replaces the last one
    else:
        result = st.session_state.get(RESULT)
        if result is not None and result["key"] != run_key:
            result = None

    if result is None:
        draw(slots, [], data_key, impl, total_steps)
        message.info(t("lr.press_train"))
        return
    records = result["records"]
    if not clicked:
        draw(slots, records, data_key, impl, total_steps, done=True)
    last = records[-1]
    progress.caption(t("lr.done", seconds=f"{result['seconds']:.2f}", device=device_name()))
    bound = stable_lr(data_key, batch_size, impl)
    if last.kind == "diverged":
        message.error(t("lr.diverged", step=last.step, epoch=last.epoch, lr=lr,
                        bound=f"{bound:.3g}", suggestion=suggestion(bound)), icon="💥")
    elif last.loss > records[0].loss:
        message.warning(t("lr.growing", lr=lr, bound=f"{bound:.3g}",
                          suggestion=suggestion(bound)), icon="📈")


# ---- the page ------------------------------------------------------------------------------

st.title(t("lr.title"))
lesson.key_idea(t("lr.key_idea"))
st.markdown(t("lr.intro"))

if lesson.section(t("lr.s_data")):
    st.markdown(t("lr.data_text"))
    c1, c2 = st.columns(2)
    n = state.slider(t("lr.n"), "n", 10, 10_000, 1000, step=10, container=c1)
    noise = state.slider(t("lr.noise"), "noise", 0.0, 2.0, 0.01, step=0.01, container=c2)
    c1, c2, c3 = st.columns(3)
    w1 = state.slider(t("lr.w1"), "w1", -5.0, 5.0, 2.0, step=0.1, container=c1)
    w2 = state.slider(t("lr.w2"), "w2", -5.0, 5.0, -3.4, step=0.1, container=c2)
    b = state.slider(t("lr.b"), "b", -10.0, 10.0, 4.2, step=0.1, container=c3)
    X, y = make_data(n, noise, w1, w2, b, state.seed())
    charts.show(lr_charts.scatter(X[:, 1].tolist(), y[:, 0].tolist(), t("lr.scatter_x"),
                                  t("lr.scatter_y")))
    st.caption(t("lr.data_caption"))
else:  # lecture mode on another section: the data as last set
    n, noise = kept("n", 1000), kept("noise", 0.01)
    w1, w2, b = kept("w1", 2.0), kept("w2", -3.4), kept("b", 4.2)
data_key = (n, noise, w1, w2, b, state.seed())

if lesson.section(t("lr.s_analytic")):
    st.markdown(t("lr.analytic_text"))
    found = solve(data_key)
    if found is None:
        st.warning(t("lr.singular"))
    else:
        st.dataframe(pd.DataFrame({
            t("lr.col.param"): ["w₁", "w₂", "b"], t("lr.col.true"): [w1, w2, b],
            t("lr.col.analytic"): [*found[0], found[1]],
            t("lr.col.error"): [w1 - found[0][0], w2 - found[0][1], b - found[1]],
        }), hide_index=True)
    lesson.show_code(linreg.with_bias_column, linreg.analytic_solution, title=t("show_code"))

if lesson.section(t("lr.s_impl")):
    st.markdown(t("lr.impl_text"))
    st.info(t("lr.note"), icon="🔎")

if lesson.section(t("lr.s_train")):
    st.markdown(t("lr.train_text"))
    training(data_key)

if lesson.section(t("lr.s_diverge")):
    st.markdown(t("lr.diverge_text"))
    sizes = sorted({1, 10, 100, n})
    st.dataframe(pd.DataFrame({
        t("lr.batch"): [str(s) if s < n else t("lr.full", n=n) for s in sizes],
        t("lr.impl.scratch"): [stable_lr(data_key, s, "scratch") for s in sizes],
        t("lr.impl.concise"): [stable_lr(data_key, s, "concise") for s in sizes],
    }), hide_index=True)
    st.caption(t("lr.diverge_caption"))

lesson.exercises(t("exercises"), [(t(f"lr.ex{i}.q"), t(f"lr.ex{i}.a")) for i in range(1, 6)],
                 t("reveal"))
