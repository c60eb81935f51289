"""The softmax classifier page through AppTest: train for 1–2 epochs, then the grid.

Needs the real Fashion-MNIST (the page trains on it): skipped locally without it, a
failure in CI (D2L_REQUIRE_DATA=1).
"""

import io

import pyarrow.ipc as ipc
import pytest

import core.data as core_data
from core import classifier as C
from tests.conftest import app_test, skip_or_fail

pytestmark = pytest.mark.realdata
RESULT = "sc.result"


@pytest.fixture(scope="module", autouse=True)
def need_data():
    try:
        core_data.locate()
    except core_data.DataError as e:
        skip_or_fail(f"Fashion-MNIST not available: {e}")


def frames(chart) -> list:
    return [ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]


def chart_with(at, column: str):
    """The data frame, among all drawn charts, that has `column`."""
    found = [f for c in at.get("vega_lite_chart") for f in frames(c) if column in f.columns]
    assert found, f"no chart with a {column!r} column"
    return found[0]


def grid_cells(at) -> list[str]:
    """The caption of every grid image: bold true class, then ✓/✗ and the prediction."""
    return [m.value for m in at.markdown if m.value.startswith("**") and ("✓" in m.value
                                                                         or "✗" in m.value)]


def trained(lang: str = "en", **params):
    at = app_test("softmax_classifier", lang, **params).run()
    assert not at.exception, at.exception
    assert RESULT not in at.session_state  # nothing before the click
    at.button(key="sc.train").click().run()
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
    assert cells and all(c.startswith("**dress**") for c in cells)


def test_picked_image_shows_ten_probabilities(at):
    at.selectbox(key="softmax-classifier.filter").set_value("all").run()
    probs = at.session_state[RESULT].test_probs
    for index in (0, 5):
        at.selectbox(key="softmax-classifier.pick").set_value(index).run()
        bars = chart_with(at, "probability")
        assert len(bars) == 10 and abs(bars["probability"].sum() - 1) < 1e-4
        assert bars["probability"].tolist() == pytest.approx(probs[index].tolist(), abs=1e-6)


def test_weights_and_confusion_are_drawn(at):
    weights = chart_with(at, "weight")
    assert len(weights) == 10 * 784 and weights["class"].nunique() == 10
    cells = chart_with(at, "count")
    assert len(cells) == 100 and cells["count"].sum() == 10_000
    assert len(chart_with(at, "accuracy")) == 10


def test_a_nan_run_keeps_the_previous_model():
    at = trained(epochs=1)
    before = at.session_state[RESULT]
    at.select_slider(key="softmax-classifier.lr").set_value(10.0).run()
    at.button(key="sc.train").click().run()
    assert not at.exception, at.exception
    assert any("nan" in e.value for e in at.error)
    assert "softmax-overflow" in [p.proto.page for p in at.get("page_link")]
    assert at.session_state[RESULT] is before


def test_an_unfinished_run_stores_nothing(monkeypatch):
    """A run that ends early (as a rerun or page switch would end it) leaves no model."""
    real_train = C.train

    def broken(model, data, cfg):
        trainer = real_train(model, data, cfg)
        yield next(trainer)
        raise RuntimeError("interrupted")

    at = app_test("softmax_classifier", epochs=2).run()
    monkeypatch.setattr(C, "train", broken)
    at.button(key="sc.train").click().run()
    assert not at.exception  # the interruption surfaced as the error boundary's message...
    assert any("went wrong" in e.value for e in at.error)
    assert RESULT not in at.session_state  # ...and no half-trained model was kept


def test_chinese_page_trains():
    at = trained("zh", epochs=1, impl="concise")
    curves = chart_with(at, "metric")
    assert set(curves["metric"]) == {"训练损失", "训练准确率", "测试准确率"}
    assert at.session_state[RESULT].impl == "concise"
    assert io.BytesIO(at.session_state[RESULT].weights).getbuffer().nbytes > 30_000
