"""The softmax classifier page's panels: the data set, the book's way beside ours, the
training panel (a run followed in the server's queue, ui.training), its replay, the grid of
test predictions, the model's weights and confusions, calibration, an upload, the downloads,
and the exercises read off the student's run.

The page (pages/softmax_classifier.py) is the lesson; it calls these in the order it reads.
The prediction grid: `GRID_COLUMNS` and `grid_chart` (its captions) below.
"""

import hashlib
import math
import time
from functools import partial

import pandas as pd
import streamlit as st

from core import (
    book_pipeline,
    calibration,
    classifier,
    images,
    pipeline_timing,
    queue,
    resources,
    runs,
)
from core.data import DataError
from core.device import device_name
from ui import classroom, keys, lesson, safe, share, state, training, uploads
from ui.charts import draw_spec, memo, memo_spec, show
from ui.charts import softmax_classifier as charts
from ui.data import class_name as name  # a class's name in the session's language
from ui.i18n import t
from ui.numbers import decimals
from ui.player import Player

GRID_COLUMNS = 8  # test images a row in the prediction grid
PANEL = training.Panel(keys.SC_RUNNING, keys.SC_STOP, keys.SC_RUN_NOTE)
# epochs per second (linreg.next_frame: a frame ≤ 0.25 s); the slider starts at epoch 1
PLAYER = Player(keys.SC_REPLAY, keys.SC_PLAY, keys.SC_SPEED, (1, 2, 5, 10), first=1)


# ---- names, curves ------------------------------------------------------------------------------

def digest(tensor) -> bytes:
    """A tensor's content, in 16 bytes: part of a chart's ui.charts.memo key."""
    data = tensor.detach().cpu().contiguous().numpy().tobytes()
    return hashlib.blake2b(data, digest_size=16).digest()


def pct(value: float) -> str:
    """A share as a percentage with one decimal; an empty bin's nan as a dash."""
    return "–" if math.isnan(value) else f"{value:.1%}"


def curves_frame(history: list[classifier.Epoch]) -> pd.DataFrame:
    metrics = [("train_loss", t("sc.train_loss")), ("train_acc", t("sc.train_acc")),
               ("test_acc", t("sc.test_acc"))]
    return pd.DataFrame([{"epoch": e.epoch, "metric": label, "value": getattr(e, field)}
                         for e in history for field, label in metrics])


def curves_ready(history: list[classifier.Epoch], num_epochs: int):
    """The curves of these records, ready to draw (ui.charts.show): a spec filled into the
    chart's template (charts.curves_spec), the chart itself built for Export only."""
    return charts.curves_ready(curves_frame(history), num_epochs, x_title=t("sc.epoch"),
                               y_title=t("sc.value"), metric_title=t("sc.metric"),
                               lecture=lesson.lecture())


def finished_curves(history, num_epochs: int):
    """A finished run's curves (up to an epoch), ready to draw: once per server for the
    same records (ui.charts.memo; a room replaying one run draws the same chart)."""
    history = tuple(history)
    return memo(("sc.curves", history, num_epochs), lambda: curves_ready(history, num_epochs))


def live_curves(history: list[classifier.Epoch], num_epochs: int, slot) -> None:
    """The curves while training, without an Export menu (charts.curves_spec): once per
    server for the same records (a room's run replayed draws the same frames)."""
    history = tuple(history)
    draw_spec(memo_spec(("sc.live", history, num_epochs), lambda: charts.curves_spec(
        curves_frame(history), num_epochs, x_title=t("sc.epoch"), y_title=t("sc.value"),
        metric_title=t("sc.metric"), lecture=lesson.lecture())), container=slot)


# ---- the data set -------------------------------------------------------------------------------

def data_set(data) -> None:
    """One image as the book's loader gives it, and the first 18 training images, named."""
    plain, resized = (book_pipeline.book_image_tensor(data.train_images[0], r) for r in (None, 64))
    st.markdown(t("sc.image_tensor", shape=plain.shape, dtype=plain.dtype, low=f"{plain.low:g}",
                  high=f"{plain.high:g}", resized=resized.shape))
    labels = data.train_labels[:18].tolist()
    for row in range(2):
        for col, i in zip(st.columns(9), range(row * 9, row * 9 + 9), strict=True):
            col.image(images.enlarge(data.train_images[i]), caption=name(labels[i]),
                      width="stretch", alt=t("sc.alt_train", name=name(labels[i])))


# ---- the book's code and pipeline, next to ours (issue 13 §5) -----------------------------------

def the_books_way(data, seed: int) -> None:
    """The worked example, the untrained model, the two codes, and one epoch of each."""
    ex = book_pipeline.worked_example()
    y_hat = "[" + ", ".join(decimals(row, 1) for row in ex.y_hat) + "]"
    st.markdown(t("sc.worked", y_hat=y_hat, y=f"[{', '.join(map(str, ex.y))}]",
                  picked=decimals(ex.picked), losses=decimals(ex.losses),
                  accuracy=f"{ex.accuracy:.1f}"))
    start = untrained_model(data, seed)
    st.markdown(t("sc.untrained", seed=seed, acc=f"{start.accuracy:.4f}",
                  share=f"{start.top_share:.0%}", name=name(start.top_class)))
    st.markdown(t("sc.bias_note"))
    left, right = st.columns(2)
    with left:
        lesson.show_code(book_pipeline.load_data_fashion_mnist, book_pipeline.Accumulator,
                         book_pipeline.cross_entropy, book_pipeline.accuracy,
                         book_pipeline.evaluate_accuracy, book_pipeline.train_epoch_ch3,
                         book_pipeline.train_ch3, book_pipeline.sgd, book_pipeline.init_weights,
                         title=t("sc.book_code"))
    with right:
        lesson.show_code(classifier.to_float, classifier.minibatches, classifier.cross_entropy,
                         classifier.accuracy, classifier.evaluate_accuracy, classifier.sgd,
                         classifier.train_scratch, classifier.concise_net,
                         title=t("sc.our_code"))
    st.markdown(t("sc.book_diffs"))
    st.markdown(t("sc.book_run_intro"))
    st.caption(t("sc.book_workers", workers=book_pipeline.get_dataloader_workers()))
    if st.button(t("sc.book_run"), key=keys.SC_BOOK_RUN, icon=":material/timer:",
                 disabled=keys.SC_BOOK_PENDING in st.session_state):
        job = training.hall().submit(training.owner(), "book", partial(book_epoch, data, seed))
        st.session_state[keys.SC_BOOK_PENDING] = (seed, job)
        st.session_state[keys.SC_BOOK_ERROR] = None
    if keys.SC_BOOK_PENDING in st.session_state:
        book_follow()
    why = st.session_state.get(keys.SC_BOOK_ERROR)
    if why == "replaced":
        st.warning(t("sc.book_replaced"), icon=":material/info:")
    elif why == "gone":
        st.warning(t("sc.book_gone"), icon=":material/info:")
    elif why:
        st.warning(t("sc.book_failed", detail=t(f"sc.book_failed.{why}")))
    done = st.session_state.get(keys.SC_BOOK_RESULT)
    if done is not None:
        run_seed, c = done
        st.markdown(t("sc.book_result", book=f"{c.book.seconds:.2f}", ours=f"{c.ours.seconds:.2f}",
                      ratio=f"{c.ratio:.0f}", seed=run_seed))
        a, b = st.columns([3, 2])
        lesson.table(book_stages(c), hide_index=True, container=a)
        lesson.table(book_metrics(c), hide_index=True, container=b)
        st.caption(t("sc.stages_caption"))


def book_epoch(data, seed: int):
    """The book's epoch beside ours as a run of the server's queue (about 70 MiB while it
    runs: one at a time per core, like every training run): no records; its result is the
    Comparison, or why it could not run, in a word the page says ('data', 'workers'); the
    exception, with its server paths, goes to the server's log."""
    try:
        return pipeline_timing.compare_one_epoch(data, seed)
    except (DataError, OSError, RuntimeError) as e:
        safe.log.warning("the book's epoch could not run: %r", e)
        return "data" if isinstance(e, (DataError, OSError)) else "workers"
    yield  # a generator, as the queue runs them


@safe.fragment(run_every=training.WAIT_POLL_SECONDS)  # no records to draw live
def book_follow() -> None:
    """The book's epoch in the queue: its place in line (with Stop) or that it runs; at its
    end the result is kept and the page runs once to draw it."""
    seed, job = st.session_state[keys.SC_BOOK_PENDING]
    if st.session_state.get(keys.SC_BOOK_STOP):  # Stop: the place (or the run) is given up
        training.give_up(job)
    status = training.hall().status(job, training.owner())
    if status.state in queue.ACTIVE and not st.session_state.get(keys.SC_BOOK_STOP):
        if status.state == queue.WAITING:
            training.say_waiting(status)
        else:
            st.info(t("sc.book_running"), icon=":material/timer:")
        st.button(t("sc.stop"), key=keys.SC_BOOK_STOP, icon=":material/stop:")
        return
    stopped = st.session_state.get(keys.SC_BOOK_STOP)
    del st.session_state[keys.SC_BOOK_PENDING]
    if status.state == queue.DONE and isinstance(job.result, str):
        st.session_state[keys.SC_BOOK_ERROR] = job.result
    elif status.state == queue.DONE:
        st.session_state[keys.SC_BOOK_RESULT] = (seed, job.result)
    elif status.state == queue.FAILED:
        st.session_state[keys.SC_BOOK_ERROR] = "failed"  # its traceback: the server's log
    elif status.why == queue.REPLACED:  # given up for the session's next run (Train)
        st.session_state[keys.SC_BOOK_ERROR] = "replaced"
    elif not stopped:  # the page was unseen or closed for a while (core.queue: why)
        st.session_state[keys.SC_BOOK_ERROR] = "gone"
    training.redraw_page()  # the result is drawn by the section, after this fragment


def book_stages(c: pipeline_timing.Comparison) -> pd.DataFrame:
    """Where each pipeline's epoch goes: the book's in three parts, ours stage by stage."""
    book, ours, st_ = t("sc.pipe.book"), t("sc.pipe.ours"), c.stages
    rows = [(book, "load", c.book.load), (book, "step", c.book.step),
            (book, "evaluate", c.book.evaluate), (book, "total", c.book.seconds),
            (ours, "batches", st_.batches), (ours, "forward", st_.forward),
            (ours, "backward", st_.backward), (ours, "sgd", st_.sgd),
            (ours, "metrics", st_.metrics), (ours, "evaluate", st_.evaluate),
            (ours, "total", c.ours.seconds)]
    return pd.DataFrame({t("sc.col.pipeline"): [r[0] for r in rows],
                         t("sc.col.stage"): [t(f"sc.stage.{r[1]}") for r in rows],
                         t("sc.col.seconds"): [f"{r[2]:.3f}" for r in rows]})


def book_metrics(c: pipeline_timing.Comparison) -> pd.DataFrame:
    """Both pipelines' loss and accuracies after their one epoch."""
    runs = [(t("sc.pipe.book"), c.book.train_loss, c.book.train_acc, c.book.test_acc),
            (t("sc.pipe.ours"), c.ours.train_loss, c.ours.train_acc, c.ours.test_acc)]
    columns = ["sc.col.pipeline", "sc.col.train_loss", "sc.col.train_acc", "sc.col.test_acc"]
    return pd.DataFrame([[r[0], *(f"{v:.4f}" for v in r[1:])] for r in runs],
                        columns=[t(c) for c in columns])


# ---- the training panel: Train reruns this panel, a fragment follows the run --------------------

def training_controls() -> tuple[str, classifier.TrainConfig]:
    """Implementation, batch size, learning rate and epochs, kept in the URL."""
    impl = state.select(t("sc.impl"), "impl", widget="segmented_control",
                        format_func=lambda k: t(f"sc.impl.{k}"))
    c1, c2, c3 = st.columns(3)
    batch_size = state.select(t("sc.batch_size"), "bs", widget="select_slider", container=c1)
    lr = state.select(t("sc.lr"), "lr", widget="select_slider", container=c2,
                      help=t("sc.lr_help"))
    epochs = state.slider(t("sc.epochs"), "epochs", container=c3)
    return impl, classifier.TrainConfig(batch_size=batch_size, lr=lr, num_epochs=epochs,
                                        seed=state.seed())


@safe.fragment  # Train reruns this panel, not the page with its 18 images
def training_panel(data) -> None:
    """The panel's states: never trained, waiting in the server's queue (its place and an
    estimate), training (drawn live, with a Stop button), stopped, diverged (the previous
    model stays in both), failed, trained; a run over the work cap is refused before it starts.

    The run trains in the queue's worker thread (ui.training); follow_panel draws it and the
    browser reruns its small fragments (the view of a place in line every 2 s, of a training
    run every 0.5 s: ui.training.follow), so the rest of the page (the
    previous model's replay included) stays usable, and a click on Stop or a setting changed
    meanwhile never reaches the training generator."""
    impl, cfg = training_controls()
    training.here()  # the queue counts this page among those that may follow a run
    allowed = safe.work_allowed(cfg.batch_size, cfg.num_epochs)  # over the cap: says why
    watching = st.session_state.get(PANEL.running)
    train = st.empty()  # drawn below, once this run knows whether a run is still followed
    clicked = bool(st.session_state.get(keys.SC_TRAIN)) and allowed and watching is None
    if clicked:
        st.session_state[keys.SC_FAILED] = st.session_state[keys.SC_STOPPED] = None
        watching = request_run(impl, cfg, data)
        if training.trains_or_kept(watching) and drawn_here(watching, data):
            watching = None  # its end is kept: drawn below, without following fragments
    share.refresh_if_stale()  # the settings are in the sidebar's link too: after Train is taken
    if watching is not None:  # waiting or training
        follow_panel(data)
        watching = st.session_state.get(PANEL.running)  # it may have ended in this run
    train.button(t("sc.train"), key=keys.SC_TRAIN, type="primary", icon=":material/play_arrow:",
                 disabled=not allowed or watching is not None)
    failed, stopped = st.session_state.get(keys.SC_FAILED), st.session_state.get(keys.SC_STOPPED)
    result: classifier.Trained | None = st.session_state.get(keys.SC_RESULT)
    if stopped is not None:  # stopped: the last model stays
        show_stopped(stopped, result)
    elif failed is not None:  # diverged: said here (and after the rerun); the last model stays
        show_failure(failed)
    else:
        training.say_failed(PANEL)  # the queue's failure, or given up: until the next Train
    if result is None:  # never trained
        if watching is None:
            training.untrained(t("sc.press_train"))
        return
    previous_model_note(result)  # after a failed run: which model the replay shows
    PLAYER.stop()  # a run from outside the replay stops its player
    replay_panel(result)  # trained (or diverged before: the last completed model)
    training.say_shared(PANEL)  # the room's run, replayed: honest
    show_checks(result)
    classroom.offer_classifier(result)  # in a class experiment: "Submit to the class"


def request_run(impl: str, cfg: classifier.TrainConfig, data) -> training.Watching:
    """Train: a place in the server's queue, or the room's run of these very settings."""
    return training.request(
        PANEL, "classifier", partial(runs.classifier_run, impl, cfg, data), impl=impl, cfg=cfg,
        key=runs.classifier_key(impl, cfg, data),
        cost=resources.steps(cfg.batch_size, cfg.num_epochs))


@safe.fragment(run_every=training.HEARTBEAT_SECONDS)
def follow_panel(data) -> None:
    """The run this session follows: Stop, and the run's view nested in it (run_view). The
    browser reruns this fragment every HEARTBEAT_SECONDS while it is drawn, and the view at
    its pace (ui.training.follow: a place in line every 2 s, a training run every 0.5 s)."""
    watching = training.followed(PANEL)
    if watching is None:  # over meanwhile
        return
    if training.stopped(PANEL):  # Stop was clicked (a rerun of this fragment)
        st.session_state[keys.SC_STOPPED] = classifier.Stopped(
            watching.cfg.lr, watching.cfg.num_epochs, tuple(r for r, _ in watching.job.frames))
        training.redraw_page()  # the panel says so, Train comes back: the page once
        return
    stop = st.empty()  # in this fragment: its click is never lost to one of its polls
    stop.button(t("sc.stop"), key=keys.SC_STOP, icon=":material/stop:")
    status = training.hall().status(watching.job, training.owner())
    if training.follow(run_view, status, data):  # it ended in this run
        stop.empty()


def drawn_here(watching: training.Watching, data) -> bool:
    """The Train click's own run draws a run past its place in line (the room's replayed, or
    the end of a short one: ui.training.unfold) before the fragments that would follow it.
    True when it ended here: its end is kept. One section shown (the lesson's default view,
    lecture mode), none below it reads the model: the panel, drawn on, is all the page
    changes, and no full run follows (bench_hall_ws: a full run was half the server's work
    in a hall of 200). The whole page runs once more for its sections."""
    live = st.empty()
    with live.container():
        status = draw_run(watching, data)
    live.empty()  # drawn again below: the failure from the state, a model by the replay
    if status is None:  # still training: the follow fragments take it over
        return False
    keep_end(watching, status)
    if not lesson.paged():
        training.redraw_page()
    return True


def keep_end(watching: training.Watching, status: queue.Status) -> None:
    """The run is over: its end is kept (a model, a divergence, a failure, given up)."""
    training.ended(PANEL, status)  # failed or given up: said until the next Train
    if status.state == queue.DONE:
        done = watching.job.result
        failed = done if isinstance(done, classifier.Diverged) else None
        st.session_state[keys.SC_FAILED] = failed  # the sections below name their model
        if failed is None:  # only a completed run replaces the model
            st.session_state[keys.SC_RESULT] = done
            st.session_state[keys.SC_REPLAY] = len(done.history)  # replay opens at the end
            PLAYER.stop()


def run_view(data) -> bool:
    """The place in line, or the run's bar and curves; when it is over, its end is kept (a
    model, a divergence, a failure) and the page runs once, for the sections below that read
    the model. True when it ended in this run of the page (a full run: the panel draws the
    end below)."""
    watching = training.running(PANEL)
    if watching is None:  # in line (its place is said), or over meanwhile (Stop)
        return False
    live = st.empty()  # the bar and the curves; gone once it ends
    with live.container():
        status = draw_run(watching, data)
    if status is None:
        return False
    live.empty()  # drawn again below: the failure from the state, a model by the replay
    keep_end(watching, status)
    training.redraw_page()  # the sections below read the model: one full run, at the end
    return True




def draw_run(watching: training.Watching, data) -> queue.Status | None:
    """Draw the bar and the curves so far (a replay of the room's run, and the end of a
    short run, in the click's own run: ui.training.unfold). Returns the run's status once it
    has ended and every record is drawn; else None."""
    job, cfg = watching.job, watching.cfg

    def draw(count: int, status: queue.Status) -> None:
        frames = job.frames[:count]
        if status.shared and status.cached is None:
            st.caption(t("queue.joined"))
        st.progress(count / cfg.num_epochs,
                    text=t("sc.progress", epoch=count, epochs=cfg.num_epochs))
        if frames:
            record = frames[-1][0]
            st.caption(t("sc.speed", seconds=f"{record.seconds:.3f}",
                         device=device_name(data.train_labels.device)))
            # no Export menu while it grows: the finished run's curves carry one
            live_curves([r for r, _ in frames], cfg.num_epochs, st.empty())

    status, count = training.unfold(watching, draw, records=cfg.num_epochs)
    if count < len(job.frames) or status.state in queue.ACTIVE:
        return None
    return status


def show_stopped(stopped: classifier.Stopped, result: classifier.Trained | None) -> None:
    """A run stopped before its last epoch: its curves so far; the model is not kept."""
    if stopped.history:
        show(curves_ready(list(stopped.history), stopped.num_epochs), export=False)
    st.warning(t("sc.stopped", epoch=len(stopped.history), epochs=stopped.num_epochs,
                 lr=stopped.lr) + (" " + t("sc.stopped_previous", lr=result.cfg.lr,
                                           epochs=result.cfg.num_epochs)
                                   if result is not None else ""),
               icon=":material/stop_circle:")


def show_failure(failed: classifier.Diverged) -> None:
    """The failed run's curves up to the epoch its loss became nan, and the page on why."""
    show(curves_ready(list(failed.history), len(failed.history)), export=False)
    st.error(t("sc.nan", epoch=failed.epoch, lr=failed.lr), icon=":material/error:")
    st.page_link("pages/softmax_overflow.py", label=t("sc.nan_link"),
                 icon=":material/arrow_forward:")


def show_checks(result: classifier.Trained) -> None:
    last = result.history[-1]
    passed = classifier.book_checks(last)
    said = {"train_loss": ("sc.check_loss", "sc.check_loss.failed", last.train_loss),
            "train_acc": ("sc.check_train", "sc.check_train.failed", last.train_acc),
            "test_acc": ("sc.check_test", "sc.check_test.failed", last.test_acc)}
    lines = [(key, t(ok if passed[key] else failed, value=f"{value:.4f}"))  # ≥ where it failed
             for key, (ok, failed, value) in said.items()]
    st.markdown("  \n".join(
        f":blue[✓ {text} — {t('sc.passed')}]" if passed[key] else
        f":orange[✗ {text} — {t('sc.failed')}]" for key, text in lines))
    total = sum(e.seconds for e in result.history)
    cfg = result.cfg
    st.caption(t("sc.trained_with", impl=t(f"sc.impl.{result.impl}"), bs=cfg.batch_size,
                 lr=cfg.lr, epochs=cfg.num_epochs, seed=cfg.seed, device=result.device,
                 total=f"{total:.2f}", per_epoch=f"{total / len(result.history):.3f}"))


# ---- replay a finished run (issue 16 §2), and which model the sections below show ---------------

def draw_replay(slots, result: classifier.Trained, epoch: int) -> None:
    """The curves up to `epoch` and the weights after it."""
    at = classifier.replay(result, epoch)
    last = at.history[-1]
    slots["at"].caption(t("sc.replay_at", epoch=at.epoch, epochs=len(result.history),
                          loss=f"{last.train_loss:.4f}", train_acc=f"{last.train_acc:.4f}",
                          test_acc=f"{last.test_acc:.4f}"))
    show(finished_curves(at.history, result.cfg.num_epochs), container=slots["curves"])
    slots["title"].markdown(t("sc.replay_weights", epoch=at.epoch))
    show_weights(at.W, container=slots["weights"])


@safe.fragment
def replay_panel(result: classifier.Trained):
    """A slider over the run's epochs and a Play switch at a chosen speed: curves and weights.

    While Play is on, each run of this panel draws one frame, moves the slider's thumb with
    it, waits and reruns the panel; touching the slider stops the player where it is put.
    A run from outside the panel (a full run, Train) finds the player stopped by
    training_panel."""
    started = time.perf_counter()
    end = len(result.epoch_W)
    if end == 0:  # a run kept from before the replay existed: its curves only
        show(finished_curves(result.history, result.cfg.num_epochs))
        return
    epoch, playing, wait = PLAYER.frame(end)
    PLAYER.controls(end, label=t("sc.replay"), help=t("sc.replay_help"), play=t("sc.play"),
                    play_help=t("sc.play_help"), speed=t("sc.play_speed"), widths=[1, 3])
    slots = {"at": st.empty(), "curves": st.empty(), "title": st.empty(), "weights": st.empty()}
    draw_replay(slots, result, epoch)
    PLAYER.next(playing, wait, started)


def previous_model_note(result: classifier.Trained | None, container=st) -> None:
    """Under a failed run: say that the sections show the previous model, and which."""
    failed = st.session_state.get(keys.SC_FAILED)
    if result is not None and failed is not None:
        container.caption(t("sc.previous_model", failed=failed.lr, lr=result.cfg.lr,
                            epochs=result.cfg.num_epochs))


def model_ready(result: classifier.Trained | None, container=st) -> bool:
    """A section that shows the trained model: True when there is one (after a failed run,
    it names the model shown); before any, it says where to train one and returns False."""
    if result is None:
        training.untrained(t("sc.need_model", train=t("sc.s_train")), container)
        return False
    previous_model_note(result, container)
    return True


# ---- the grid of test images: click one to inspect it (issue 16 §4) -----------------------------

def prediction_grid(data, result: classifier.Trained) -> None:
    """How many test images, which ones, the grid of them (click one), and the one picked
    beside its ten probabilities."""
    c1, c2 = st.columns(2)
    count = state.slider(t("sc.count"), "n", container=c1)
    which = state.select(t("sc.filter"), "filter", container=c2,
                         format_func=lambda f: t(f"sc.filter.{f}") if not f.isdigit()
                         else t("sc.filter.class", name=name(int(f))))
    y, y_pred = result.test_labels, result.test_pred
    shown = classifier.select_examples(y, y_pred, which, count)
    st.caption(t("sc.grid_count", shown=len(shown), wanted=count))
    if not shown:
        return
    grid = st.container()  # drawn after the select below: it frames the picked image
    pick = state.select(t("sc.pick"), "pick", shown, format_func=lambda i: t(
        "sc.pick_label", index=i, true=name(int(y[i])), pred=name(int(y_pred[i]))))
    same = ("sc.grid", digest(data.test_images[shown]), tuple(y[shown].tolist()),
            tuple(y_pred[shown].tolist()), pick)
    show(memo(same, lambda: grid_chart(data.test_images, y, y_pred, shown, pick), spec=False),
         container=grid, export=False, key=keys.sc_grid(pick),
         on_select=partial(inspect_clicked, pick))
    inspect(pick, data.test_images[pick], result.test_probs[pick], int(y[pick]))


def grid_chart(X, y, y_pred, shown: list[int], pick: int):
    """The test images `shown`, GRID_COLUMNS a row, each captioned true / ✓ or ✗ predicted."""
    rows = []
    for slot, i in enumerate(shown):
        true, pred = int(y[i]), int(y_pred[i])
        rows.append({"index": i, "col": slot % GRID_COLUMNS, "row": slot // GRID_COLUMNS,
                     "url": charts.data_url(images.enlarge(X[i], 1)), "true": name(true),
                     "verdict": f"{'✓' if true == pred else '✗'} {name(pred)}",
                     "right": true == pred, "picked": i == pick,
                     "alt": t("sc.alt_grid", true=name(true), pred=name(pred), verdict=t(
                         "sc.alt_right" if true == pred else "sc.alt_wrong"))})
    return charts.thumbnails(pd.DataFrame(rows), columns=GRID_COLUMNS, selection="click",
                             description=t("sc.grid_desc", shown=len(shown)))


def inspect_clicked(pick: int) -> None:
    """The grid's on_select: the clicked test image becomes `pick` (select and link follow)."""
    points = st.session_state[keys.sc_grid(pick)].selection.get("click") or []
    if points and "index" in points[0]:
        st.session_state[keys.SC_PICK] = int(points[0]["index"])


def inspect(i: int, X_i, probs, true: int) -> None:
    """The inspected image beside its ten probabilities (stacked on a phone)."""
    pred = int(probs.argmax())
    left, right = st.columns([2, 3], vertical_alignment="center")
    show(memo(("sc.picture", digest(X_i), true, pred), lambda: charts.picture(
        charts.data_url(images.enlarge(X_i, 1)), description=t(
            "sc.alt_inspected", true=name(true), pred=name(pred)))), container=left, export=False)
    left.markdown(t("sc.inspected", index=i, true=name(true),
                    pred=name(pred), p=f"{float(probs.max()):.0%}"))
    show(memo(("sc.probabilities", digest(probs), true), lambda: probability_chart(probs, true)),
         container=right)


def probability_chart(probs, true_class: int | None = None):
    """The ten probabilities of one image, the true class and a wrong prediction marked."""
    predicted = int(probs.argmax())
    first = "sc.role_true"
    if true_class is None:  # an upload: only the prediction is known
        first, true_class = "sc.role_predicted", predicted
    roles = [t(first), t("sc.role_wrong"), t("sc.role_other")]
    frame = pd.DataFrame({
        "class": [name(k) for k in range(len(probs))],
        "probability": probs.tolist(),
        "role": [roles[0] if k == true_class else roles[1] if k == predicted else roles[2]
                 for k in range(len(probs))]})
    return charts.probability_bars(frame, roles, x_title=t("sc.probability"),
                                   y_title=t("sc.class"), role_title="")


# ---- inside the model: its weights and its confusions -------------------------------------------

def show_weights(W, container=st) -> None:
    """The weights chart and, under it, its colour scale in words."""
    bound = float(W.abs().max()) or 1.0  # the largest |w| of all ten classes
    box = container.container()
    show(memo(("sc.weights", digest(W), bound), lambda: weights_ready(W, bound)), container=box)
    box.caption(t("sc.weights_scale", **scale_ends(bound)))


def weights_ready(W, bound: float):
    """Column k of W (784, 10) as class k's 28 × 28 picture, one colour scale ±bound for all
    ten (shared: the ten pictures compare at a glance), ready to draw (ui.charts.show)."""
    return charts.weights_ready(weights_frame(W, bound), bound, title=t("sc.class"),
                                scale_title=t("sc.weight_scale"),
                                description=t("sc.weights_desc", **scale_ends(bound)),
                                lecture=lesson.lecture())


def weights_frame(W, bound: float) -> pd.DataFrame:
    """Each class's name, its weights as a picture coloured on the scale ±bound, and what a
    screen reader says for it."""
    columns = W.T.reshape(10, 28, 28).cpu().numpy()  # class k's weights, row by row
    names = [name(k) for k in range(10)]
    return pd.DataFrame({"class": names,
                         "url": [charts.data_url(charts.diverging(w, bound)) for w in columns],
                         "alt": [t("sc.alt_weight", name=n) for n in names]})


def scale_ends(bound: float) -> dict[str, str]:
    """The colour scale's ends as the captions write them (a true minus sign)."""
    return {"low": f"−{bound:.3g}", "high": f"+{bound:.3g}"}


def confusion_chart(matrix):
    """The confusion matrix and the accuracy of each class, built once per server for the
    same matrix (ui.charts.memo)."""
    same = ("sc.confusion", tuple(int(v) for v in matrix.flatten().tolist()))
    return memo(same, lambda: build_confusion(matrix))


def build_confusion(matrix):
    cells = pd.DataFrame([{"true": name(i), "predicted": name(j), "count": int(matrix[i, j])}
                          for i in range(10) for j in range(10)])
    accuracy = pd.DataFrame({"class": [name(k) for k in range(10)],
                             "accuracy": classifier.per_class_accuracy(matrix).tolist()})
    return charts.confusion(cells, accuracy, true_title=t("sc.true"),
                            predicted_title=t("sc.predicted"), count_title=t("sc.count_images"),
                            accuracy_title=t("sc.class_accuracy"))


def hardest_text(confusion) -> str:
    """The student's own hardest classes and most frequent confusion, named."""
    hard = classifier.hardest_classes(confusion)
    items = t("sc.list_sep").join(t("sc.hardest_item", name=name(k), acc=f"{a:.2f}")
                                  for k, a in zip(hard.classes, hard.accuracies, strict=True))
    return t("sc.hardest", classes=items, count=hard.confused_count, size=hard.class_size,
             true=name(hard.confused_true), pred=name(hard.confused_pred))


# ---- calibration (d2l 3.4.3), an upload, the downloads ------------------------------------------

@st.cache_data(show_spinner=False, max_entries=8)
def untrained_model(_data, seed: int) -> classifier.Untrained:
    """The model before training on the test set (40 ms: once per seed, not every run)."""
    return classifier.untrained(_data, seed)


@st.cache_data(show_spinner=False, max_entries=8)
def untrained_reliability(_data, seed: int) -> calibration.Reliability:
    """The reliability numbers of the model before training (W ~ N(0, 0.01²), b = 0)."""
    W0, b0 = classifier.init_params(seed, _data.test_labels.device)
    probs = classifier.probabilities(W0.detach(), b0.detach(), _data.test_images)
    return calibration.reliability(probs, _data.test_labels)


def calibration_panel(data, result: classifier.Trained | None) -> None:
    """The model's reliability: the chart, the numbers in words and the table of bins; before
    any training, the untrained model's numbers."""
    if result is None:
        before = untrained_reliability(data, state.seed())
        training.untrained(t("sc.calibration_none", conf=f"{before.mean_confidence:.4f}",
                             acc=f"{before.accuracy_all:.4f}", ece=f"{before.ece:.4f}",
                             train=t("sc.s_train")))
        return
    previous_model_note(result)
    rel = calibration.reliability(result.test_probs, result.test_labels)
    bins = pd.DataFrame({"lower": rel.lower, "upper": rel.upper, "count": rel.count,
                         "confidence": rel.confidence, "accuracy": rel.accuracy})
    same = ("sc.reliability", rel.ece, tuple((n, c, a) for n, c, a in  # no empty bin's nan
                                              zip(rel.count, rel.confidence, rel.accuracy,
                                                  strict=True) if n > 0))
    show(memo(same, lambda: charts.reliability(
        bins[bins["count"] > 0], x_title=t("sc.reliability_x"), y_title=t("sc.reliability_y"),
        count_title=t("sc.col_images"), description=t("sc.reliability_desc",
                                                        ece=f"{rel.ece:.4f}"))))
    half = rel.at(0.5)
    gap = rel.mean_confidence - rel.accuracy_all
    st.markdown(t("sc.calibration_text", n_half=f"{rel.count[half]:,}",
                  acc_half=pct(rel.accuracy[half]), conf_half=pct(rel.confidence[half]),
                  conf=pct(rel.mean_confidence), acc=pct(rel.accuracy_all),
                  ece=f"{rel.ece:.4f}",
                  verdict=t("sc.calibration.over" if gap > 0 else "sc.calibration.under",
                            gap=pct(abs(gap)))))
    lesson.table(pd.DataFrame({
        t("sc.col_bin"): [f"[{lo:.1f}, {hi:.1f}{']' if hi >= 1 else ')'}"  # 1 is in the last
                          for lo, hi in zip(rel.lower, rel.upper, strict=True)],
        t("sc.col_images"): rel.count, t("sc.col_confidence"): [pct(v) for v in rel.confidence],
        t("sc.col_bin_accuracy"): [pct(v) for v in rel.accuracy]}), hide_index=True)


def predict_upload(upload, result: classifier.Trained | None) -> None:
    """The uploaded picture as the model sees it (28 × 28, grey), and what the model says."""
    prepared = uploads.prepare(upload)  # once per file (its file_id), not on every rerun
    if prepared is None:  # uploads.prepare has said why it was refused
        return
    left, right = st.columns([2, 3], vertical_alignment="center")
    show(charts.picture(charts.data_url(images.enlarge(prepared.pixels, 1)),
                        description=t("sc.alt_upload")), container=left, export=False)
    left.caption(t("sc.prepared", w=prepared.original_size[0], h=prepared.original_size[1]))
    if prepared.inverted:
        left.caption(t("sc.inverted"))
    if not model_ready(result, right):
        return
    probs = classifier.probabilities(result.W, result.b, prepared.pixels[None])[0]
    right.markdown(t("sc.your_prediction", name=name(int(probs.argmax())),
                     p=f"{float(probs.max()):.0%}"))
    show(probability_chart(probs), container=right)


def downloads(result: classifier.Trained) -> None:
    """The model's weights (a state_dict) and its metrics (CSV), and how to load them."""
    a, b = st.columns(2)
    a.download_button(t("sc.download_weights"), result.weights,
                      f"softmax_{result.impl}_state_dict.pt", "application/octet-stream",
                      key=keys.SC_DL_WEIGHTS, icon=":material/download:", on_click="ignore")
    b.download_button(t("sc.download_metrics"), classifier.history_csv(result.history),
                      f"softmax_{result.impl}_metrics.csv", "text/csv", key=keys.SC_DL_CSV,
                      icon=":material/table_view:", on_click="ignore")
    st.code(t("sc.load_code", file=f"softmax_{result.impl}_state_dict.pt"), language="python")


# ---- the exercises ------------------------------------------------------------------------------

def exercise_run(result: classifier.Trained | None) -> str:
    """The answer to 3.7 exercise 2 read off the student's run: SGD noise or overfitting."""
    if result is None or len(result.history) < 2:
        return t("sc.ex4.none")
    w = calibration.wobble(result.history)
    dips = ", ".join(t("sc.ex4.dip", epoch=e, before=f"{a:.4f}", after=f"{b:.4f}")
                     for e, a, b in w.dips) or t("sc.ex4.no_dips")
    loss = (t("sc.ex4.loss_rises", epochs=", ".join(map(str, w.loss_rises)),
                                   count=len(w.loss_rises)) if w.loss_rises
            else t("sc.ex4.loss_falls"))
    verdict = ("sc.ex4.overfitting" if w.overfitting else "sc.ex4.noise" if w.dips
               else "sc.ex4.steady")
    return t("sc.ex4.run", epochs=len(result.history), dips=dips, loss=loss,
             low=pct(w.gap_low), high=pct(w.gap_high), best=w.best_epoch, verdict=t(verdict))


def exercises(result: classifier.Trained | None) -> None:
    """3.5's and 3.7's exercises (3.6's, on overflow and the argmax, live on the
    softmax-overflow page, once); 3.7's second is answered from the student's run."""
    sources = {5: ("3.5", 1), 6: ("3.5", 2), 8: ("3.7", 1), 4: ("3.7", 2)}  # key → (§, number)
    lesson.exercises(t("exercises"), [
        (f"{t(f'sc.ex{k}.q')}  \n*{t('sc.source', section=sec, number=num)}*",
         t(f"sc.ex{k}.a", run=exercise_run(result)) if k == 4 else t(f"sc.ex{k}.a"))
        for k, (sec, num) in sources.items()], t("reveal"))
