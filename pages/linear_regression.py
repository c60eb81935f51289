"""Linear regression training: d2l's synthetic data, SGD from scratch and concise, live."""

import inspect
import math
import time

import pandas as pd
import streamlit as st
import torch

from core import linreg
from core.data import synthetic_data
from core.device import device_name, get_device, make_generator
from ui import charts, lesson, safe, state
from ui.charts import linear_regression as lr_charts
from ui.i18n import t

PAGE = "linear-regression"
RESULT = f"{PAGE}.result"  # the last finished run: {"key": ..., "records": [...], ...}
LR_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0]
BATCH_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
MAX_STEPS = 20_000    # a longer run would keep the page busy for many seconds
REDRAW_SECONDS = 0.3  # the landscape is redrawn at most this often (and at the end)
GRID = 32             # landscape grid: GRID × GRID values of the loss
CODE = {
    "scratch": (linreg.data_iter, linreg.linreg, linreg.squared_loss, linreg.sgd,
                linreg.init_scratch, linreg.train_scratch),
    "concise": (linreg.load_array, linreg.init_concise, linreg.train_concise),
}


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
    scale = linreg.loss_scale(impl)
    grid = linreg.loss_landscape(X, y, *window, size=GRID, scale=scale)
    levels = lr_charts.contour_levels(min(grid[2]), max(grid[2]))
    return grid, window, linreg.loss_contours(X, y, levels, scale=scale)


@st.cache_data(show_spinner=False, max_entries=64)
def stable_lr(data_key: tuple, batch_size: int, impl: str) -> float:
    return linreg.max_stable_lr(make_data(*data_key)[0], batch_size, impl)


@st.cache_data(show_spinner=False, max_entries=64)
def measured_edge(data_key: tuple, batch_size: int, impl: str) -> linreg.Edge:
    return linreg.measured_stable_lr(*make_data(*data_key), batch_size, impl, seed=data_key[5])


@st.cache_data(show_spinner=False, max_entries=16)
def curvature(data_key: tuple, impl: str) -> linreg.Curvature:
    return linreg.curvature(make_data(*data_key)[0], impl)


def edge_bound(data_key: tuple, batch_size: int, impl: str) -> float:
    """The measured edge when the search found one, else the (safe) estimate."""
    edge = measured_edge(data_key, batch_size, impl)
    return edge.stable or stable_lr(data_key, batch_size, impl)


def edge_text(data_key: tuple, batch_size: int, impl: str) -> str:
    """Where the edge really is for these settings, against the printed estimate."""
    edge = measured_edge(data_key, batch_size, impl)
    fields = {"impl": t(f"lr.impl.{impl}"), "batch": batch_size}
    if not edge.stable:
        return t("lr.edge_none", **fields)
    return t("lr.edge", **fields, estimate=f"{stable_lr(data_key, batch_size, impl):.3g}",
             stable=f"{edge.stable:.3g}", unstable=f"{edge.unstable:.3g}", steps=edge.steps,
             runs=edge.runs, seconds=f"{edge.seconds:.2f}")


def sourced(key: str, section: str, number: int, adapted: bool = False) -> str:
    """An exercise's question followed by where it comes from in the book."""
    source = t("lr.source_adapted" if adapted else "lr.source", section=section, number=number)
    return f"{t(key)}  \n*{source}*"


def suggestion(bound: float) -> float:
    """A learning rate from the menu safely below the stability limit."""
    safe = [v for v in LR_CHOICES if v <= bound / 2]
    return safe[-1] if safe else LR_CHOICES[0]


def fmt(values) -> str:
    """Four decimals, as the book's tensors print."""
    return "[" + ", ".join(f"{v:.4f}" for v in values) + "]"


# ---- the training panel: its own fragment, so Train reruns only this part -------------------

def draw_curve(slots, records, data_key, impl, total_steps, done=False):
    """The loss curve and the lines the book prints (cheap: redrawn after every epoch)."""
    steps = [(r.step, r.loss) for r in records if r.kind == "step"]
    epochs = [(r.step, r.loss) for r in records if r.kind in ("init", "epoch")]
    charts.show(lr_charts.loss_curve(steps, epochs, total_steps, step_label=t("lr.series.step"),
                                     epoch_label=t("lr.series.epoch"), x_title=t("lr.step_axis"),
                                     y_title=t(f"lr.loss_axis.{impl}")), container=slots["loss"])
    if not records:
        return
    true_w, true_b, last = list(data_key[2:4]), data_key[4], records[-1]
    lines = [t("lr.out.epoch_line", epoch=r.epoch, loss=f"{r.loss:f}")
             for r in records if r.kind == "epoch"]
    if last.kind == "diverged":
        lines.append(t("lr.out.stopped", step=last.step, loss=last.loss))
    elif done and last.kind == "epoch":  # the book prints the errors after training
        lines += [t("lr.out.err_w", err=fmt(a - b for a, b in zip(true_w, last.w, strict=True))),
                  t("lr.out.err_b", err=f"[{true_b - last.b:.4f}]")]
    slots["printed"].code("\n".join(lines) or "…", language=None, wrap_lines=True)


def draw_state(slots, records, data_key, impl):
    """The path over the landscape and the parameter table (heavier: redrawn less often)."""
    grid, window, contours = landscape(data_key, impl)
    found = solve(data_key)
    path = [(r.w[0], r.w[1]) for r in records if r.kind in ("init", "step")]
    chart = lr_charts.landscape(grid, window, contours, path, found[0] if found else None,
                                colour_title=t("lr.colour"), start_label=t("lr.start"),
                                end_label=t("lr.end"), optimum_label=t("lr.optimum"))
    charts.show(chart, container=slots["landscape"])
    if not records:
        return
    slots["table"].table(parameter_table(data_key, [*records[-1].w, records[-1].b], found))


def parameter_table(data_key, sgd, found) -> pd.DataFrame:
    """True, analytic and SGD parameters side by side, four decimals; the error is SGD's
    when there is an SGD result, else the analytic solution's."""
    true = [*data_key[2:4], data_key[4]]
    columns = {t("lr.col.true"): true}
    if found:
        columns[t("lr.col.analytic")] = [*found[0], found[1]]
    if sgd:
        columns[t("lr.col.sgd")] = sgd
    if sgd and found:
        columns[t("lr.col.gap")] = [a - b for a, b in zip(sgd, [*found[0], found[1]], strict=True)]
    estimate = sgd or ([*found[0], found[1]] if found else None)
    if estimate:
        columns[t("lr.col.error")] = [a - b for a, b in zip(true, estimate, strict=True)]
    return pd.DataFrame(columns, index=["w₁", "w₂", "b"]).map(
        lambda v: f"{v:.4f}" if abs(v) < 1e4 else f"{v:.3g}")


@safe.fragment  # st.fragment inside the error boundary (its reruns skip the router)
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

    st.markdown(edge_text(data_key, batch_size, impl))
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
            final = record.kind == "diverged" or record.kind == "epoch" and record.epoch == epochs
            timely = time.perf_counter() - drawn > REDRAW_SECONDS
            if final or timely or record.kind == "epoch":
                progress.progress(min(record.step / total_steps, 1.0),
                                  text=t("lr.progress", epoch=max(record.epoch, 1), epochs=epochs,
                                         step=record.step, total=total_steps))
                draw_curve(slots, records, data_key, impl, total_steps, done=final)
            if final or timely:
                draw_state(slots, records, data_key, impl)
                drawn = time.perf_counter()
        result = {"key": run_key, "records": records, "seconds": time.perf_counter() - start}
        st.session_state[RESULT] = result  # only a run that got here replaces the last one
    else:
        result = st.session_state.get(RESULT)
        if result is not None and result["key"] != run_key:
            result = None

    if result is None:
        draw_curve(slots, [], data_key, impl, total_steps)
        draw_state(slots, [], data_key, impl)
        message.info(t("lr.press_train"))
        return
    records = result["records"]
    if not clicked:
        draw_curve(slots, records, data_key, impl, total_steps, done=True)
        draw_state(slots, records, data_key, impl)
    last = records[-1]
    progress.caption(t("lr.done", seconds=f"{result['seconds']:.2f}", device=device_name()))
    bound = edge_bound(data_key, batch_size, impl)
    found = solve(data_key)
    if last.kind == "epoch" and found:
        gap = max(abs(a - b) for a, b in zip([*last.w, last.b], [*found[0], found[1]],
                                             strict=True))
        st.caption(t("lr.gap", epochs=last.epoch, gap=f"{gap:.2g}"))
    if last.kind == "diverged":
        message.error(t("lr.diverged", step=last.step, epoch=last.epoch, lr=lr,
                        bound=f"{bound:.3g}", suggestion=suggestion(bound)), icon="💥")
    elif last.loss > records[0].loss:
        message.warning(t("lr.growing", lr=lr, bound=f"{bound:.3g}",
                          suggestion=suggestion(bound)), icon="📈")


# ---- the page ------------------------------------------------------------------------------

st.title(t("lr.title"))
lesson.key_idea(t("lr.key_idea.approach"))
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
    charts.show(lr_charts.scatter(X[:, 1].tolist(), y[:, 0].tolist(), x_title=t("lr.scatter_x"),
                                  y_title=t("lr.scatter_y")))
    st.caption(t("lr.data_caption"))
else:  # lecture mode on another section: the data as last set
    n, noise = state.value("n", 1000), state.value("noise", 0.01)
    w1, w2, b = state.value("w1", 2.0), state.value("w2", -3.4), state.value("b", 4.2)
data_key = (n, noise, w1, w2, b, state.seed())

if lesson.section(t("lr.s_analytic")):
    st.markdown(t("lr.analytic_text.approach"))
    found = solve(data_key)
    if found is None:
        st.warning(t("lr.singular"))
    else:
        st.table(parameter_table(data_key, None, found))
    lesson.show_code(linreg.with_bias_column, linreg.analytic_solution, title=t("show_code"))

if lesson.section(t("lr.s_network")):
    st.markdown(t("lr.network_text"))
    st.graphviz_chart(lr_charts.network_diagram(2, input_title=t("lr.net.input"),
                                                output_title=t("lr.net.output")))
    st.caption(t("lr.net.caption"))

if lesson.section(t("lr.s_vector")):
    st.markdown(t("lr.vector_text"))
    if st.button(t("lr.vector_run"), key=f"{PAGE}.vector"):
        timing = linreg.time_vectorisation(10_000, get_device())
        st.success(t("lr.vector_result", device=device_name(), n=f"{timing.n:,}",
                     loop=f"{timing.loop_seconds * 1e3:.1f}",
                     vector=f"{timing.vector_seconds * 1e3:.4f}", ratio=f"{timing.ratio:,.0f}"))
        st.caption(t("lr.vector_note"))

if lesson.section(t("lr.s_impl")):
    st.markdown(t("lr.impl_text"))
    st.info(t("lr.note"), icon="🔎")

if lesson.section(t("lr.s_update")):
    st.markdown(t("lr.update_text"))
    left, right = st.columns(2)
    left.latex(r"\mathbf{w} \leftarrow \mathbf{w} - \frac{\eta}{|\mathcal{B}|}"
               r"\sum_{i \in \mathcal{B}} \mathbf{x}^{(i)}\left(\mathbf{w}^\top"
               r"\mathbf{x}^{(i)} + b - y^{(i)}\right)")
    left.latex(r"b \leftarrow b - \frac{\eta}{|\mathcal{B}|}\sum_{i \in \mathcal{B}}"
               r"\left(\mathbf{w}^\top\mathbf{x}^{(i)} + b - y^{(i)}\right)")
    left.markdown(t("lr.update_code"))
    with right:
        for fn in (linreg.squared_loss, linreg.sgd):
            st.code(inspect.getsource(fn), language="python")

if lesson.section(t("lr.s_train")):
    st.markdown(t("lr.train_text"))
    training(data_key)
    st.markdown(t("lr.hyper_text"))

if lesson.section(t("lr.s_diverge")):
    st.markdown(t("lr.diverge_text"))
    sizes = sorted({1, 10, 100, n})
    st.dataframe(pd.DataFrame({
        t("lr.batch"): [str(s) if s < n else t("lr.full", n=n) for s in sizes],
        t("lr.impl.scratch"): [stable_lr(data_key, s, "scratch") for s in sizes],
        t("lr.impl.concise"): [stable_lr(data_key, s, "concise") for s in sizes],
    }), hide_index=True)
    st.caption(t("lr.diverge_caption.safe"))

shape = curvature(data_key, state.value("impl", "scratch"))
lesson.exercises(t("exercises"), [
    (sourced("lr.ex6.q", "3.1", 2), t("lr.ex6.a")),
    (sourced("lr.ex1.q", "3.2", 1), t("lr.ex1.a")),
    (sourced("lr.ex2.q", "3.2", 5), t("lr.ex2.a")),
    (sourced("lr.ex3.q", "3.2", 6), t("lr.ex3.a.fastest", fastest=f"{shape.fastest:.3g}",
                                          bound=f"{shape.bound:.3g}")),
    (sourced("lr.ex4.q", "3.2", 7), t("lr.ex4.a")),
    (sourced("lr.ex5.q", "3.3", 1, adapted=True), t("lr.ex5.a")),
    (sourced("lr.ex7.q", "3.3", 3), t("lr.ex7.a")),
], t("reveal"))
