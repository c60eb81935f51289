"""The classifier's replay through AppTest (issue 16 §2): the epoch slider at its ends redraws
the curves and the weights of that epoch; after a failed run the sections below say which
model they show. Trains on the real Fashion-MNIST (skipped locally without it)."""

import pytest
import torch

from tests.conftest import app_test, chart_frames
from ui import keys

pytestmark = [pytest.mark.realdata, pytest.mark.slow, pytest.mark.usefixtures("data_files")]



def frames_with(at, column: str):
    return [f for c in at.get("vega_lite_chart") for f in chart_frames(c) if column in f.columns]


def replay_weights(at):
    """The weights chart of the replay panel (the first one drawn; the second is the model's)."""
    return frames_with(at, "weight")[0]


def curves(at):
    return frames_with(at, "metric")[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_epoch_slider_ends(lang):
    at = app_test("softmax_classifier", lang, epochs=3, bs="1024").run()
    at.button(key=keys.SC_TRAIN).click().run()
    assert not at.exception, at.exception
    result = at.session_state[keys.SC_RESULT]
    assert len(result.epoch_W) == 3
    assert at.slider(key=keys.SC_REPLAY).value == 3
    assert curves(at).epoch.max() == 3
    at.slider(key=keys.SC_REPLAY).set_value(1).run()
    assert not at.exception, at.exception
    assert set(curves(at).epoch) == {1}
    first = replay_weights(at)
    W1 = result.epoch_W[0].T.reshape(-1)  # class by class, pixel by pixel, as the chart
    assert torch.allclose(torch.tensor(first.weight.to_numpy()), W1.double(), atol=1e-6)
    assert not torch.allclose(W1, result.W.T.reshape(-1))
    word = {"en": "epoch 1 of 3", "zh": "第 1/3 个迭代周期"}[lang]
    assert any(word in c.value for c in at.caption)
    at.slider(key=keys.SC_REPLAY).set_value(3).run()
    assert set(curves(at).epoch) == {1, 2, 3}
    last = torch.tensor(replay_weights(at).weight.to_numpy())
    assert torch.allclose(last, result.W.T.reshape(-1).double(), atol=1e-6)
    at.button(key=keys.SC_PLAY).click().run()  # from the end: one frame
    assert not at.exception, at.exception


def test_failed_run_says_which_model_is_shown():
    at = app_test("softmax_classifier", epochs=1, bs="1024").run()
    at.button(key=keys.SC_TRAIN).click().run()
    assert not any("previous model" in c.value for c in at.caption)
    at.select_slider(key="softmax-classifier.lr").set_value(10.0).run()
    at.button(key=keys.SC_TRAIN).click().run()
    assert not at.exception, at.exception
    notes = [c.value for c in at.caption if "previous model" in c.value]
    assert notes and "learning rate 10.0" in notes[0] and "learning rate 0.1" in notes[0]
    at.select_slider(key="softmax-classifier.lr").set_value(0.1).run()
    at.button(key=keys.SC_TRAIN).click().run()
    assert not any("previous model" in c.value for c in at.caption)
