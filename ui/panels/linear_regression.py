"""The linear-regression page's panels: the data and its cached results, the training panel
(a run followed in the server's queue), its replay with one SGD step, and the exercises.

The page (pages/linear_regression.py) calls `training_panel(spec)` in its Train section; this
module holds what that panel draws, from the controls to the finished run's advice.
"""

import time
from functools import partial

import pandas as pd
import streamlit as st
import torch

from core import autodiff_fits, data, linreg, queue, runs
from core.device import device_name, get_device, make_generator
from ui import charts, classroom, keys, lesson, safe, share, state, training
from ui.charts import linear_regression as lr_charts
from ui.i18n import t
from ui.numbers import decimals
from ui.player import Player

LR_CHOICES = linreg.LR_CHOICES  # the menus (ui.params declares the widgets)
MAX_STEPS = 20_000    # a longer run would keep the page busy for many seconds
SETTLE_SECONDS = 1.5  # a click's own run waits this long for its run to end (most do)
GRID = 32             # landscape grid: GRID × GRID values of the loss
CODE = {
    "scratch": (linreg.data_iter, linreg.linreg, linreg.squared_loss, linreg.sgd,
                linreg.init_scratch, linreg.train_scratch),
    "concise": (linreg.load_array, linreg.init_concise, linreg.train_concise),
}
PANEL = training.Panel(keys.LR_RUNNING, keys.LR_STOP, keys.LR_RUN_NOTE)
PLAYER = Player(keys.LR_REPLAY, keys.LR_PLAY, keys.LR_SPEED, (5, 20, 100, 500))  # steps/s

DataSpec = linreg.DataSpec


# ---- the data and what is computed from it once (st.cache_data: pure results) ---------------

def data_spec() -> DataSpec:
    """The data as set in the first section (its sliders, or the link when it is hidden)."""
    return DataSpec(*(state.value(name) for name in ("n", "noise", "w1", "w2", "b")),
                    state.seed())


@st.cache_data(show_spinner=False, max_entries=16)
def make_data(spec: DataSpec):
    # looked up on core.data at each call, not bound at import (a test counts the calls)
    return data.synthetic_data(torch.tensor([spec.w1, spec.w2]), spec.b, spec.n, spec.noise,
                               generator=make_generator(spec.seed))


@st.cache_data(show_spinner=False, max_entries=16)
def solve(spec: DataSpec):
    return linreg.analytic_solution(*make_data(spec))


@st.cache_data(show_spinner=False, max_entries=16)
def landscape(spec: DataSpec, impl: str):
    X, y = make_data(spec)
    found = solve(spec)
    w_star = found[0] if found else [spec.w1, spec.w2]
    window = linreg.landscape_window((0.0, 0.0), w_star)
    scale = linreg.loss_scale(impl)
    grid = linreg.loss_landscape(X, y, *window, size=GRID, scale=scale)
    levels = lr_charts.contour_levels(min(grid[2]), max(grid[2]))
    return grid, window, linreg.loss_contours(X, y, levels, scale=scale)


@st.cache_data(show_spinner=False, max_entries=64)
def stable_lr(spec: DataSpec, batch_size: int, impl: str) -> float:
    return linreg.max_stable_lr(make_data(spec)[0], batch_size, impl)


@st.cache_data(show_spinner=False, max_entries=64)
def measured_edge(spec: DataSpec, batch_size: int, impl: str) -> linreg.Edge:
    return linreg.measured_stable_lr(*make_data(spec), batch_size, impl, seed=spec.seed)


@st.cache_data(show_spinner=False, max_entries=16)
def curvature(spec: DataSpec, impl: str) -> linreg.Curvature:
    return linreg.curvature(make_data(spec)[0], impl)


@st.cache_resource(show_spinner=False)
def autodiff_exercises():
    """3.2 exercises 2–4: Ohm's and Planck's laws learnt by autograd, second derivatives."""
    return (autodiff_fits.fit_ohm(), autodiff_fits.fit_planck(),
            autodiff_fits.second_derivatives())


def edge_bound(spec: DataSpec, batch_size: int, impl: str) -> float:
    """The measured edge when the search found one, else the (safe) estimate."""
    edge = measured_edge(spec, batch_size, impl)
    return edge.stable or stable_lr(spec, batch_size, impl)


def edge_text(spec: DataSpec, batch_size: int, impl: str) -> str:
    """Where the edge really is for these settings, against the printed estimate."""
    edge = measured_edge(spec, batch_size, impl)
    fields = {"impl": t(f"lr.impl.{impl}"), "batch": batch_size}
    if not edge.stable:
        return t("lr.edge_none", **fields)
    return t("lr.edge", **fields, estimate=f"{stable_lr(spec, batch_size, impl):.3g}",
             stable=f"{edge.stable:.3g}", unstable=f"{edge.unstable:.3g}", steps=edge.steps,
             runs=edge.runs, seconds=f"{edge.seconds:.2f}")


def suggestion(bound: float) -> float:
    """A learning rate from the menu safely below the stability limit."""
    safe_lrs = [v for v in LR_CHOICES if v <= bound / 2]
    return safe_lrs[-1] if safe_lrs else LR_CHOICES[0]


def parameter_table(spec: DataSpec, sgd, found) -> pd.DataFrame:
    """True, analytic and SGD parameters side by side, four decimals; the error is SGD's
    when there is an SGD result, else the analytic solution's."""
    true = [spec.w1, spec.w2, spec.b]
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


def stable_lr_table(spec: DataSpec) -> None:
    """The largest stable learning rate at a few batch sizes, for both implementations."""
    n = spec.n
    sizes = sorted({1, 10, 100, n})
    lesson.table(pd.DataFrame({
        t("lr.batch"): [str(s) if s < n else t("lr.full", n=n) for s in sizes],
        t("lr.impl.scratch"): [stable_lr(spec, s, "scratch") for s in sizes],
        t("lr.impl.concise"): [stable_lr(spec, s, "concise") for s in sizes],
    }), formats="{:.4g}", hide_index=True)


# ---- the training panel: its own fragment, so Train reruns only this part -------------------

def draw_curve(slots, records, spec, impl, total_steps, done=False):
    """The loss curve and the lines the book prints (cheap: redrawn after every epoch)."""
    steps = [(r.step, r.loss) for r in records if r.kind == "step"]
    epochs = [(r.step, r.loss) for r in records if r.kind in ("init", "epoch")]
    charts.show(lr_charts.loss_curve(steps, epochs, total_steps, step_label=t("lr.series.step"),
                                     epoch_label=t("lr.series.epoch"), x_title=t("lr.step_axis"),
                                     y_title=t(f"lr.loss_axis.{impl}")), container=slots["loss"])
    if not records:
        return
    true_w, true_b, last = [spec.w1, spec.w2], spec.b, records[-1]
    lines = [t("lr.out.epoch_line", epoch=r.epoch, loss=f"{r.loss:f}")
             for r in records if r.kind == "epoch"]
    if last.kind == "diverged":
        lines.append(t("lr.out.stopped", step=last.step, loss=last.loss))
    elif done and last.kind == "epoch":  # the book prints the errors after training
        err_w = decimals(a - b for a, b in zip(true_w, last.w, strict=True))
        lines += [t("lr.out.err_w", err=err_w), t("lr.out.err_b", err=decimals([true_b - last.b]))]
    slots["printed"].code("\n".join(lines) or "…", language=None, wrap_lines=True)


def draw_state(slots, records, spec, impl):
    """The path over the landscape and the parameter table (heavier: redrawn less often)."""
    grid, window, contours = landscape(spec, impl)
    found = solve(spec)
    path = [(r.w[0], r.w[1]) for r in records if r.kind in ("init", "step")]
    chart = lr_charts.landscape(grid, window, contours, path, found[0] if found else None,
                                colour_title=t("lr.colour"), start_label=t("lr.start"),
                                end_label=t("lr.end"), optimum_label=t("lr.optimum"))
    charts.show(chart, container=slots["landscape"])
    if not records:
        return
    slots["table"].table(parameter_table(spec, [*records[-1].w, records[-1].b], found))


def run_slots(at: bool = False) -> tuple:
    """Two columns of places redrawn in place: the curve and the landscape on the left (under
    the replay's line saying where it stands, `at`), the printed lines and the parameters on
    the right. Returns the columns and the places."""
    left, right = st.columns([3, 2])
    slots = {"at": left.empty()} if at else {}
    slots.update(loss=left.empty(), landscape=left.empty(), printed=right.empty(),
                 table=right.empty())
    return left, right, slots


def controls(spec: DataSpec) -> tuple[str, linreg.TrainConfig]:
    """Implementation, learning rate, batch size and epochs, kept in the URL."""
    names = {k: t(f"lr.impl.{k}") for k in linreg.IMPLEMENTATIONS}
    impl = state.select(t("lr.impl"), "impl", widget="segmented_control", format_func=names.get)
    c1, c2, c3 = st.columns(3)
    lr = state.select(t("lr.lr"), "lr", widget="select_slider", container=c1)
    batch = state.select(t("lr.batch"), "batch", widget="select_slider", container=c2)
    epochs = state.slider(t("lr.epochs"), "epochs", container=c3)
    if batch >= spec.n:
        c2.caption(t("lr.full_batch", n=spec.n))
    return impl, linreg.TrainConfig(lr=lr, batch_size=min(batch, spec.n), num_epochs=epochs,
                                    seed=spec.seed)


def request_run(spec: DataSpec, impl: str, cfg: linreg.TrainConfig) -> training.Watching:
    """Train: a place in the server's queue (a worker thread trains), or the room's run of
    these very settings from its cache."""
    device = get_device()
    return training.request(
        PANEL, "linreg", partial(runs.linreg_run, spec, impl, *make_data(spec), cfg, device),
        impl=impl, cfg=cfg, spec=spec, key=runs.linreg_key(spec, impl, cfg, str(device)),
        cost=linreg.total_steps(spec, cfg))


@safe.fragment(run_every=training.HEARTBEAT_SECONDS)
def follow_panel() -> None:
    """The run this session follows: Stop, and the run's view nested in it (run_view). The
    browser reruns this fragment every HEARTBEAT_SECONDS while it is drawn, and the view at
    its pace (ui.training.follow); a short run (most are) ends within SETTLE_SECONDS of its
    own click, and is drawn whole at once."""
    watching = training.followed(PANEL)
    if watching is None:  # over meanwhile
        return
    if training.stopped(PANEL):  # Stop was clicked (a rerun of this fragment)
        st.session_state[PANEL.note] = ("queue.stopped", None)
        training.redraw_page()  # the panel says so, Train comes back: the page once
        return
    stop = st.empty()  # in this fragment: its click is never lost to one of its polls
    stop.button(t("lr.stop"), key=keys.LR_STOP, icon=":material/stop:")
    status = training.hall().status(watching.job, training.owner())
    if training.follow(run_view, status):  # it ended in this run
        stop.empty()


def run_view() -> bool:
    """The place in line, or the run's bar, curve and path so far; at the end the run is
    kept and the panel runs once more to show it with its replay. True when it ended in this
    run of the page."""
    watching = training.running(PANEL)
    if watching is None:  # in line (its place is said), or over meanwhile (Stop)
        return False
    live = st.empty()  # the bar, curve and path; gone once it ends
    with live.container():
        status = draw_run(watching)
    if status is None:
        return False
    live.empty()  # drawn again below, by the replay
    training.ended(PANEL, status)  # failed or given up: said until the next Train
    if status.state == queue.DONE:
        done = watching.job.result
        st.session_state[keys.LR_RESULT] = done
        st.session_state[keys.LR_REPLAY] = done.records[-1].step  # replay opens at the end
        PLAYER.stop()
    training.redraw_page()  # the panel draws the finished run, with its replay: once
    return True




def draw_run(watching: training.Watching) -> queue.Status | None:
    """Draw the bar, the curve and the path so far. Returns the run's status once it has
    ended and every record is drawn; else None."""
    job, spec, impl, cfg = watching.job, watching.spec, watching.impl, watching.cfg
    training.settle(job, SETTLE_SECONDS if time.monotonic() - watching.since < 1 else 0)
    status = training.hall().status(job, training.owner())
    total = linreg.total_steps(spec, cfg)
    records = list(job.frames[:training.shown(job, status, watching.since)])
    if status.shared and status.cached is None:
        st.caption(t("queue.joined"))
    last = records[-1] if records else None
    st.progress(min(last.step / total, 1.0) if last else 0.0,
                text=t("lr.progress", epoch=max(last.epoch, 1) if last else 1,
                       epochs=cfg.num_epochs, step=last.step if last else 0, total=total))
    _, _, slots = run_slots()
    draw_curve(slots, records, spec, impl, total)
    draw_state(slots, records, spec, impl)
    if len(records) < len(job.frames) or status.state in queue.ACTIVE:
        return None
    return status


def advice(done: linreg.Run, message) -> None:
    """What the finished run says: how close to the analytic solution, or why it failed."""
    records, lr = done.records, done.cfg.lr
    last, found = records[-1], solve(done.spec)
    bound = edge_bound(done.spec, done.cfg.batch_size, done.impl)
    if last.kind == "epoch" and found:
        gap = max(abs(a - b) for a, b in zip([*last.w, last.b], [*found[0], found[1]],
                                             strict=True))
        st.caption(t("lr.gap", epochs=last.epoch, gap=f"{gap:.2g}"))
    if done.state == "diverged":
        message.error(t("lr.diverged", step=last.step, epoch=last.epoch, lr=lr,
                        bound=f"{bound:.3g}", suggestion=suggestion(bound)), icon="💥")
    elif last.loss > records[0].loss:
        message.warning(t("lr.growing", lr=lr, bound=f"{bound:.3g}",
                          suggestion=suggestion(bound)), icon="📈")


@safe.fragment  # st.fragment inside the error boundary: Train reruns this panel only
def training_panel(spec: DataSpec):
    """The panel's states: never trained (for these settings), training, diverged, trained;
    a run over MAX_STEPS is refused before it starts."""
    impl, cfg = controls(spec)
    training.here()  # the queue counts this page among those that may follow a run
    total = linreg.total_steps(spec, cfg)
    st.markdown(edge_text(spec, cfg.batch_size, impl))
    refused = total > MAX_STEPS
    if refused:
        st.warning(t("lr.too_many", steps=total, limit=MAX_STEPS))
    watching = st.session_state.get(PANEL.running)
    train = st.empty()  # drawn below, once this run knows whether a run is still followed
    if st.session_state.get(keys.LR_TRAIN) and not refused and watching is None:
        watching = request_run(spec, impl, cfg)
    share.refresh_if_stale()  # the settings are in the sidebar's link too: after Train is taken
    if watching is not None:  # waiting or training: followed until it ends
        follow_panel()
        watching = st.session_state.get(PANEL.running)  # it may have ended in this run
    train.button(t("lr.train"), type="primary", key=keys.LR_TRAIN,
                 disabled=refused or watching is not None)
    if watching is not None:
        return
    progress, message = st.empty(), st.empty()
    failed = training.say_failed(PANEL, message)  # said until the next Train; the last run stays
    done = st.session_state.get(keys.LR_RESULT)
    if done is None or (done.spec, done.impl, done.cfg) != (spec, impl, cfg):
        left, right, slots = run_slots()
        draw_curve(slots, [], spec, impl, total)  # never trained with these settings
        draw_state(slots, [], spec, impl)
        left.caption(t("lr.landscape_caption"))
        with right:
            lesson.show_code(*CODE[impl], title=t("show_code"))
        if not failed:
            training.untrained(t("lr.press_train"), message)
        return
    training.say_shared(PANEL)  # the room's run of these settings, replayed: said
    PLAYER.stop()  # a run from outside the replay stops its player
    replay_panel(done)
    lesson.show_code(*CODE[impl], title=t("show_code"))
    progress.caption(t("lr.done", seconds=f"{done.seconds:.2f}", device=device_name()))
    advice(done, message)
    classroom.offer_linreg(done)  # in a class experiment: "Submit to the class"


# ---- replay and one SGD step (issue 16 §2): scrubbing reruns only this panel ----------------

def draw_replay(slots, done: linreg.Run, step: int) -> None:
    """The curves, path, printed lines and parameters as they were after `step` updates."""
    shown, total = linreg.replay(done.records, step), linreg.total_steps(done.spec, done.cfg)
    draw_curve(slots, list(shown), done.spec, done.impl, total, done=step == done.records[-1].step)
    draw_state(slots, list(shown), done.spec, done.impl)
    last = shown[-1]
    where = {"init": "lr.replay_start", "epoch": "lr.replay_epoch"}.get(last.kind, "lr.replay_at")
    slots["at"].caption(t(where, step=last.step, total=total, epoch=max(last.epoch, 1),
                          w1=f"{last.w[0]:.4f}", w2=f"{last.w[1]:.4f}", b=f"{last.b:.4f}",
                          loss=f"{last.loss:.4g}"))


@safe.fragment
def replay_panel(done: linreg.Run):
    """A slider over the run's steps, a Play switch at a chosen speed (ui.player), and one
    SGD step. A run from outside the panel (a full run, Train) finds the player stopped by
    training_panel()."""
    started = time.perf_counter()
    end = done.records[-1].step
    step, playing, wait = PLAYER.frame(end)
    (c3,) = PLAYER.controls(end, label=t("lr.replay"), help=t("lr.replay_help"),
                            play=t("lr.play"), play_help=t("lr.play_help"), speed=t("lr.speed"),
                            widths=[1, 2, 2])
    stepped = c3.button(t("lr.sgd_step"), key=keys.LR_SGD_STEP, icon=":material/footprint:",
                        on_click=PLAYER.stop)  # one SGD step stops the player there
    left, _, slots = run_slots(at=True)
    left.caption(t("lr.landscape_caption"))
    draw_replay(slots, done, step)
    if stepped:
        sgd_step_panel(done, step)
    PLAYER.next(playing, wait, started)


def sgd_step_panel(done: linreg.Run, step: int) -> None:
    """One SGD update from the parameters at `step`, on a fresh minibatch, with its numbers."""
    X, y = make_data(done.spec)
    at = linreg.replay(done.records, step)[-1]
    size = done.cfg.batch_size
    indices = linreg.minibatch(len(X), size, done.spec.seed * 100_003 + step)
    one = linreg.sgd_step(X, y, at.w, at.b, done.cfg.lr, indices, done.impl)
    shown = min(size, 10)
    scale = "\\tfrac{1}{2}" if one.scale == 0.5 else ""
    st.markdown(t("lr.sgd_step_intro", size=size, shown=shown, step=step, scale=scale))
    lesson.table(pd.DataFrame({
        t("lr.col.index"): one.indices[:shown],
        "x₁": [r[0] for r in one.X[:shown]], "x₂": [r[1] for r in one.X[:shown]],
        "y": one.y[:shown], "ŷ": one.y_hat[:shown],
        t("lr.col.loss"): [one.scale * (a - b) ** 2 for a, b in zip(one.y_hat[:shown],
                                                                     one.y[:shown], strict=True)],
    }), formats={**dict.fromkeys(["x₁", "x₂", "y", "ŷ"], "{:.4f}"), t("lr.col.loss"): "{:.4g}"},
        hide_index=True)
    st.markdown(t("lr.sgd_step_grad", lr=done.cfg.lr, loss=f"{one.loss:.4g}"))
    for formula in sgd_latex(one):
        st.latex(formula)


def sgd_latex(one: linreg.SGDStep) -> tuple[str, str]:
    """The update with the student's numbers: the gradient's sums, then w and b after it."""
    def num(v: float, digits: int = 4) -> str:
        mantissa, _, exponent = f"{v:.{digits}g}".partition("e")
        return rf"{mantissa}\times 10^{{{int(exponent)}}}" if exponent else mantissa

    def col(values, digits: int = 4) -> str:
        return (r"\begin{bmatrix}" + r" \\ ".join(num(v, digits) for v in values)
                + r"\end{bmatrix}")

    factor = rf"\frac{{{num(one.lr)}}}{{{len(one.indices)}}}"
    grad = (rf"\sum_{{i\in\mathcal{{B}}}} \frac{{\partial l^{{(i)}}}}{{\partial \mathbf{{w}}}} = "
            rf"{col(one.grad_w)},\quad \sum_{{i\in\mathcal{{B}}}} \frac{{\partial l^{{(i)}}}}"
            rf"{{\partial b}} = {num(one.grad_b)}")
    update = (rf"\mathbf{{w}} \leftarrow {col(one.w, 6)} - {factor}{col(one.grad_w)} = "
              rf"{col(one.w_new, 6)},\quad b \leftarrow {num(one.b, 6)} - {factor}\cdot"
              rf"({num(one.grad_b)}) = {num(one.b_new, 6)}")
    return grad, update


# ---- the exercises ---------------------------------------------------------------------------

def sourced(key: str, section: str, number: int, adapted: bool = False) -> str:
    """An exercise's question followed by where it comes from in the book."""
    source = t("lr.source_adapted" if adapted else "lr.source", section=section, number=number)
    return f"{t(key)}  \n*{source}*"


def exercises(spec: DataSpec) -> None:
    """The exercises of 3.1–3.3, some answered with numbers computed here."""
    shape = curvature(spec, state.value("impl"))
    ohm, planck, second = autodiff_exercises()  # 3.2 exercises 2–4, computed once per server
    lesson.exercises(t("exercises"), [
        (sourced("lr.ex6.q", "3.1", 2), t("lr.ex6.a")),
        (sourced("lr.ex1.q", "3.2", 1), t("lr.ex1.a")),
        (sourced("lr.ex8.q", "3.2", 2), t("lr.ex8.a", true=f"{ohm.true:g}", steps=ohm.steps,
                                          learnt=f"{ohm.learnt:.4f}",
                                          closed=f"{ohm.closed_form:.4f}")),
        (sourced("lr.ex9.q", "3.2", 3), t("lr.ex9.a", true=f"{planck.true:g}",
                                          steps=planck.steps, learnt=f"{planck.learnt:.1f}",
                                          closed=f"{planck.closed_form:.0f}")),
        (sourced("lr.ex10.q", "3.2", 4), t("lr.ex10.a", d2=f"{second.by_autograd:.6f}",
                                           closed=f"{second.closed_form:.6f}",
                                           params=f"{second.params:,}",
                                           entries=f"{second.params ** 2:,}",
                                           mb=f"{second.hessian_bytes / 1e6:.0f}",
                                           gap=f"{second.hvp_gap:.1e}")),
        (sourced("lr.ex2.q", "3.2", 5), t("lr.ex2.a")),
        (sourced("lr.ex3.q", "3.2", 6), t("lr.ex3.a.fastest", fastest=f"{shape.fastest:.3g}",
                                          bound=f"{shape.bound:.3g}")),
        (sourced("lr.ex4.q", "3.2", 7), t("lr.ex4.a")),
        (sourced("lr.ex5.q", "3.3", 1, adapted=True), t("lr.ex5.a")),
        (sourced("lr.ex7.q", "3.3", 3), t("lr.ex7.a")),
    ], t("reveal"))
