"""The softmax classifier page through AppTest: train for 1–2 epochs, then the grid.

Needs the real Fashion-MNIST (the page trains on it): skipped locally without it, a
failure in CI (D2L_REQUIRE_DATA=1).
"""

import io
import json

import pytest

import core.data as core_data
from core import classifier as C
from tests.conftest import app_test, chart_frames, open_code_panels, sampled, tables, until_trained
from ui import keys, training

# trains on the real data
pytestmark = [pytest.mark.realdata, pytest.mark.slow, pytest.mark.usefixtures("data_files")]
RESULT = keys.SC_RESULT



frames = chart_frames


def chart_with(at, column: str):
    """The data frame, among all drawn charts, that has `column`."""
    found = [f for c in at.get("vega_lite_chart") for f in frames(c) if column in f.columns]
    assert found, f"no chart with a {column!r} column"
    return found[0]


def grid(at):
    """The grid of test images (one row a picture: index, true, verdict, picked, url)."""
    return chart_with(at, "verdict")


def grid_cells(at) -> list[str]:
    """The caption of every grid picture: the true class, then ✓/✗ and the prediction."""
    return [f"{true} {verdict}" for true, verdict in grid(at)[["true", "verdict"]].values]


def click_thumbnail(at, index: int):
    """What the browser sends when a grid picture is clicked: the grid chart's point
    selection, as the chart's widget state (AppTest has no click for charts); then a run."""
    (chart,) = [c for c in at.get("vega_lite_chart") if any("verdict" in f for f in frames(c))]
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = chart.proto.id
    state.string_value = json.dumps({"selection": {"click": [{"index": index}]}})
    return at._run(states)


def inspected(at) -> tuple[list[float], str]:
    """The probability bars drawn, and the inspected picture's data URL."""
    (picture,) = [f for c in at.get("vega_lite_chart") for f in frames(c)
                  if list(f.columns) == ["url"]]
    return chart_with(at, "probability")["probability"].tolist(), picture["url"][0]


def trained(lang: str = "en", **params):
    at = app_test("softmax_classifier", lang, **params).run()
    assert not at.exception, at.exception
    assert RESULT not in at.session_state  # nothing before the click
    until_trained(at.button(key="sc.train").click().run())
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def at():
    return trained(epochs=2)


def test_chart_has_one_row_per_epoch_per_metric(at):
    curves = chart_with(at, "metric")
    assert len(curves) == 2 * 3
    assert sorted(curves.groupby("metric").size().tolist()) == [2, 2, 2]
    assert sorted(curves["epoch"].unique().tolist()) == [1, 2]
    result = at.session_state[RESULT]
    assert [e.epoch for e in result.history] == [1, 2]
    assert any("✓" in m.value and "0.7" in m.value for m in at.markdown)  # the book's checks
    assert len([b for b in at.get("download_button") if b.key.startswith("sc.")]) == 2


def test_grid_shows_the_requested_count(at):
    assert len(grid_cells(at)) == 12  # the default
    at.slider(key="softmax-classifier.n").set_value(20).run()
    assert not at.exception
    assert len(grid_cells(at)) == 20
    assert at.query_params["n"] == "20"


def test_mistakes_filter_shows_only_mistakes(at):
    at.selectbox(key="softmax-classifier.filter").set_value("mistakes").run()
    cells = grid_cells(at)
    assert cells and all("✗" in c and "✓" not in c for c in cells)
    result = at.session_state[RESULT]
    n = at.slider(key="softmax-classifier.n").value
    assert len(cells) == min(n, int((result.test_pred != result.test_labels).sum()))


def test_one_class_filter(at):
    at.selectbox(key="softmax-classifier.filter").set_value("3").run()
    cells = grid_cells(at)
    assert cells and all(c.startswith("dress ") for c in cells)


def test_clicking_a_thumbnail_inspects_it(at):
    """A click on a grid picture picks it: the select, the link, the frame, image and bars."""
    at.selectbox(key="softmax-classifier.filter").set_value("all").run()
    at.selectbox(key="softmax-classifier.pick").set_value(0).run()
    probs = at.session_state[RESULT].test_probs
    before_bars, before_url = inspected(at)
    assert before_bars == pytest.approx(probs[0].tolist(), abs=1e-6)
    assert grid(at).set_index("index")["picked"].to_dict()[0]
    click_thumbnail(at, 5)
    assert not at.exception, at.exception
    assert at.selectbox(key="softmax-classifier.pick").value == 5
    assert at.query_params["pick"] == "5"
    bars, url = inspected(at)
    assert bars == pytest.approx(probs[5].tolist(), abs=1e-6) and bars != before_bars
    assert url != before_url and url in grid(at)["url"].tolist()
    assert grid(at).query("picked")["index"].tolist() == [5]
    # the select still works, and a picture clicked before is clicked again
    at.selectbox(key="softmax-classifier.pick").set_value(1).run()
    click_thumbnail(at, 5)
    assert not at.exception, at.exception
    assert at.selectbox(key="softmax-classifier.pick").value == 5


def test_picked_image_shows_ten_probabilities(at):
    at.selectbox(key="softmax-classifier.filter").set_value("all").run()
    probs = at.session_state[RESULT].test_probs
    for index in (0, 5):
        at.selectbox(key="softmax-classifier.pick").set_value(index).run()
        bars = chart_with(at, "probability")
        assert len(bars) == 10 and abs(bars["probability"].sum() - 1) < 1e-4
        assert bars["probability"].tolist() == pytest.approx(probs[index].tolist(), abs=1e-6)


def test_weights_and_confusion_are_drawn(at):
    weights = [f for c in at.get("vega_lite_chart") for f in frames(c)
               if {"class", "url"} <= set(f.columns)][0]  # one picture a class, not 784 rects
    assert len(weights) == 10 and weights["class"].nunique() == 10
    assert all(u.startswith("data:image/png;base64,") for u in weights["url"])
    bound = float(at.session_state[RESULT].W.abs().max())  # one scale, stated by its bar
    scale = chart_with(at, "weight_end")
    assert scale["weight"].min() == pytest.approx(-bound) and scale[
        "weight_end"].max() == pytest.approx(bound)
    assert any("One colour scale for all ten" in c.value for c in at.caption)
    cells = chart_with(at, "count")
    assert len(cells) == 100 and cells["count"].sum() == 10_000
    assert len(chart_with(at, "accuracy")) == 10


def test_a_nan_run_keeps_the_previous_model():
    at = trained(epochs=1)
    before = at.session_state[RESULT]
    at.select_slider(key="softmax-classifier.lr").set_value(10.0).run()
    until_trained(at.button(key="sc.train").click().run())
    assert not at.exception, at.exception
    assert any("nan" in e.value for e in at.error)
    assert "softmax-overflow" in [p.proto.page for p in at.get("page_link")]
    assert at.session_state[RESULT] is before
    assert not at.get("progress"), "no progress bar is left frozen by the failed run"


def test_an_unfinished_run_stores_nothing(monkeypatch):
    """A run that ends early (as a rerun or page switch would end it) leaves no model."""
    real_train = C.train

    def broken(model, data, cfg):
        trainer = real_train(model, data, cfg)
        yield next(trainer)
        raise RuntimeError("interrupted")

    at = app_test("softmax_classifier", epochs=2).run()
    monkeypatch.setattr(C, "train", broken)
    training.hall().cache.clear()  # else the room's finished run of these settings answers
    until_trained(at.button(key="sc.train").click().run())
    assert not at.exception  # the interruption is said, and its slot is free again...
    assert any("failed on the server" in w.value for w in at.warning)
    assert training.hall().load() == (0, 0)
    assert RESULT not in at.session_state  # ...and no half-trained model was kept
    assert keys.SC_RUNNING not in at.session_state  # nor a run that would never end
    at.run()
    assert not at.exception and at.button(key="sc.train").disabled is False


def test_chinese_page_trains():
    at = trained("zh", epochs=1, impl="concise")
    curves = chart_with(at, "metric")
    assert set(curves["metric"]) == {"训练损失", "训练精度", "测试精度"}
    assert at.session_state[RESULT].impl == "concise"
    assert io.BytesIO(at.session_state[RESULT].weights).getbuffer().nbytes > 30_000


# ---- issue 13: the book's code and pipeline, the student's own hardest classes ----------

def test_hardest_classes_come_from_this_run(at):
    result = at.session_state[RESULT]
    hard = C.hardest_classes(result.confusion)
    (text,) = [m.value for m in at.markdown if m.value.startswith("**Your model's hardest")]
    names = core_data.CLASS_NAMES
    assert text.index(names[hard.classes[0]]) < text.index(names[hard.classes[1]])
    assert f"{hard.confused_count} of the {hard.class_size} test images of " \
           f"{names[hard.confused_true]} were taken for {names[hard.confused_pred]}" in text
    assert not any("Shirts, t-shirts, pullovers and coats" in m.value for m in at.markdown)


@pytest.mark.slow
@pytest.mark.parametrize("lang", sampled(["en", "zh"], keep={"en"}))  # the real epoch: 90 s
def test_one_epoch_the_books_way_button(lang, monkeypatch):
    monkeypatch.delenv("D2L_BOOK_WORKERS", raising=False)
    at = app_test("softmax_classifier", lang, seed=3).run()
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert ("[2.3026, 0.6931]" in text) and ("0.5" in text)  # the book's worked example
    start = C.untrained(core_data.load_fashion_mnist("cpu", allow_download=False), 3)
    assert f"{start.accuracy:.4f}" in text
    workers = [c.value for c in at.caption if "D2L_BOOK_WORKERS" in c.value]
    assert len(workers) == 1 and (" 0 " in workers[0])
    assert "sc.book_epoch" not in at.session_state
    until_trained(at.button(key="sc.book_run").click().run())
    assert not at.exception, at.exception
    seed, c = at.session_state["sc.book_epoch"]
    assert seed == 3 and c.book.workers == 0
    (line,) = [m.value for m in at.markdown if f"{c.book.seconds:.2f}" in m.value]
    assert f"{c.ours.seconds:.2f}" in line and f"{c.ratio:.0f}" in line
    stages, metrics = tables(at)[0], tables(at)[1]
    assert len(stages) == 11 and len(metrics) == 2
    assert float(stages.iloc[3, 2]) == pytest.approx(c.book.seconds, abs=1e-3)
    assert float(metrics.iloc[1, 3]) == pytest.approx(c.ours.test_acc, abs=1e-4)
    if lang == "zh":
        for term in ("迭代周期", "精度"):
            assert term in text + line
    code = " ".join(x.value for x in open_code_panels(at).code)
    assert "y_hat[range(len(y_hat)), y]" in code and "gather(1" in code
    assert "num_workers=get_dataloader_workers()" in code and "transforms.ToTensor()" in code


def test_every_exercise_names_its_source(at):
    questions = [m.value for m in at.markdown if m.value[:2] == "**" and m.value[2].isdigit()
                 and ".**" in m.value[:6]]
    assert len(questions) == 4  # 3.6's live once, on the softmax-overflow page
    assert all("Source: d2l §3." in q for q in questions)
    assert [q.split("§")[1][:3] for q in questions] == ["3.5", "3.5", "3.7", "3.7"]


def test_a_failing_book_pipeline_is_said_not_raised(monkeypatch):
    from core import pipeline_timing

    def broken(*args, **kwargs):
        raise core_data.DataError("unreadable", "/nowhere", "no writable directory")

    at = app_test("softmax_classifier").run()
    monkeypatch.setattr(pipeline_timing, "compare_one_epoch", broken)
    until_trained(at.button(key="sc.book_run").click().run())
    assert not at.exception, at.exception
    said = " ".join(w.value for w in at.warning)
    assert "could not run here" in said and "files could not be read" in said
    assert "/nowhere" not in said  # a server path stays in the server's log
    assert "sc.book_epoch" not in at.session_state


def test_a_books_epoch_given_up_for_train_says_so():
    """One run a student: Train while the book's epoch waits in line gives the epoch up
    (tests/test_queue.py: a waiting run its owner replaced stops), and the page says so; it
    used to vanish without a word. A Stop the student pressed is not reported."""
    from core import queue

    for pressed, said in [(False, True), (True, False)]:
        at = app_test("softmax_classifier").run()
        job = queue.Job("book", None, lambda: iter(()), 1.0, "someone")
        job.state, job.why = queue.STOPPED, queue.STOP if pressed else queue.REPLACED
        at.session_state[keys.SC_BOOK_PENDING] = (42, job)
        if pressed:
            at.session_state[keys.SC_BOOK_STOP] = True
        at.run()
        assert not at.exception, at.exception
        warned = any("Train started another run" in w.value for w in at.warning)
        assert warned == said, (pressed, [w.value for w in at.warning])


def test_a_stopped_run_is_said_and_the_previous_model_stays():
    """After Stop (tests/test_softmax_classifier_browser.py presses it in a real run), the
    panel draws the stopped run's curves and says after which epoch; the model stays; the
    next Train clears the message."""
    at = trained(epochs=1)
    before = at.session_state[RESULT]
    first = before.history[0]
    at.session_state[keys.SC_STOPPED] = C.Stopped(0.3, 5, (first,))
    at.run()
    assert not at.exception, at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "Stopped after epoch 1 of 5 (learning rate 0.3)" in warning
    assert "previous model (learning rate 0.1, number of epochs 1)" in warning
    assert at.session_state[RESULT] is before
    until_trained(at.button(key="sc.train").click().run())
    assert not at.exception and "Stopped after" not in " ".join(w.value for w in at.warning)
    assert at.session_state[keys.SC_STOPPED] is None


def test_a_finished_run_leaves_no_run_in_progress(at):
    assert keys.SC_RUNNING not in at.session_state
    assert not [b for b in at.button if b.key == keys.SC_STOP]  # Stop goes with the run


# ---- calibration (d2l 3.4.3) and 3.7 exercise 2, from the student's own run (issue 27) -------

def test_calibration_before_a_run_explains_the_untrained_model():
    at = app_test("softmax_classifier", "en").run()
    assert not at.exception
    (note,) = [i.value for i in at.info if "No trained model yet" in i.value]
    assert "ECE 0.0" in note and "accuracy 0.0" in note


def test_reliability_diagram_of_the_trained_model(at):
    from core import calibration

    result = at.session_state[RESULT]
    rel = calibration.reliability(result.test_probs, result.test_labels)
    bins = chart_with(at, "confidence")
    assert bins["count"].sum() == 10000 and len(bins) == sum(c > 0 for c in rel.count)
    text = " ".join(m.value for m in at.markdown)
    assert f"ECE = {rel.ece:.4f}" in text
    half = rel.at(0.5)
    assert f"of the {rel.count[half]:,} test images given a confidence in [0.5, 0.6)" in text
    (table,) = [f for f in tables(at) if "confidence bin" in f.columns]
    assert list(table["confidence bin"])[-2:] == ["[0.8, 0.9)", "[0.9, 1.0]"]  # 1 is in the last


def test_exercise_answer_reads_noise_and_overfitting_off_the_run(at):
    from tests.conftest import open_answers

    opened = open_answers(at)
    answer = next(m.value for m in opened.markdown if "Your run (2 epochs)" in m.value)
    assert "SGD" in answer and "Overfitting" in answer and "overfitting: the model" not in answer


def test_a_failed_book_check_prints_the_inequality_that_holds(at):
    result = at.session_state[RESULT]
    loss = result.history[-1].train_loss
    checks = next(m.value for m in at.markdown if "the book's check" in m.value)
    sign = "<" if loss < 0.5 else "≥"
    assert f"train loss {loss:.4f} {sign} 0.5" in checks


def test_data_section_gives_the_image_tensor_shape_and_resize(at):
    text = " ".join(m.value for m in at.markdown)
    assert "tensor of shape (1, 28, 28)" in text and "has shape (1, 64, 64)" in text
