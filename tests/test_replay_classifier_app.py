"""The classifier's replay through AppTest (issue 16 §2): the epoch slider at its ends redraws
the curves and the weights of that epoch; after a failed run the sections below say which
model they show. Trains on the real Fashion-MNIST (skipped locally without it)."""

import base64
import io

import numpy as np
import pytest
import torch
from PIL import Image

from tests.conftest import app_test, chart_frames, until_trained
from ui import keys

pytestmark = [pytest.mark.realdata, pytest.mark.slow, pytest.mark.usefixtures("data_files")]



def frames_with(at, column: str):
    return [f for c in at.get("vega_lite_chart") for f in chart_frames(c) if column in f.columns]


def replay_weights(at) -> torch.Tensor:
    """The weights the replay panel draws (the first weights chart; the second is the
    model's), read back from its ten pictures, (10, 784) class by class, pixel by pixel.

    The colour map is inverted by hand: R − B is 0 at white, −127 at the blue end, +173 at
    the orange end, linear on each side, and the colour bar spans ±bound."""
    pictures = frames_with(at, "url")
    pictures = [f for f in pictures if "class" in f.columns][0]
    bound = frames_with(at, "weight_end")[0].weight_end.max()
    rows = []
    for url in pictures.url:
        png = base64.b64decode(url.split(",", 1)[1])
        rgb = torch.tensor(np.asarray(Image.open(io.BytesIO(png)).convert("RGB")),
                           dtype=torch.float64)
        d = (rgb[..., 0] - rgb[..., 2]).reshape(-1)
        rows.append(torch.where(d < 0, d / 127, d / 173) * bound)
    return torch.stack(rows)


def curves(at):
    return frames_with(at, "metric")[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_epoch_slider_ends(lang):
    at = app_test("softmax_classifier", lang, epochs=3, bs="1024").run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    assert not at.exception, at.exception
    result = at.session_state[keys.SC_RESULT]
    assert len(result.epoch_W) == 3
    assert at.slider(key=keys.SC_REPLAY).value == 3
    assert curves(at).epoch.max() == 3
    at.slider(key=keys.SC_REPLAY).set_value(1).run()
    assert not at.exception, at.exception
    assert set(curves(at).epoch) == {1}
    first = replay_weights(at)
    W1 = result.epoch_W[0].T.double()  # (10, 784): class by class, pixel by pixel
    step = float(W1.abs().max()) / 100  # the colours' rounding: under 1 % of the scale
    assert torch.allclose(first, W1, atol=step)
    assert not torch.allclose(first, result.W.T.double(), atol=step)
    word = {"en": "epoch 1 of 3", "zh": "第 1/3 个迭代周期"}[lang]
    assert any(word in c.value for c in at.caption)
    at.slider(key=keys.SC_REPLAY).set_value(3).run()
    assert set(curves(at).epoch) == {1, 2, 3}
    W = result.W.T.double()
    assert torch.allclose(replay_weights(at), W, atol=float(W.abs().max()) / 100)


def test_play_at_the_end_starts_again_from_the_first_epoch():
    """Play is a switch: with the slider at the end it replays from epoch 1, from the middle
    it is not rewound. (AppTest runs the whole page, and a run from outside the replay panel
    stops the player: the browser test plays it.)"""
    at = app_test("softmax_classifier", epochs=3, bs="1024").run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    assert at.slider(key=keys.SC_REPLAY).value == 3
    at.toggle(key=keys.SC_PLAY).set_value(True).run()
    assert not at.exception, at.exception
    assert at.slider(key=keys.SC_REPLAY).value == 1
    assert set(curves(at).epoch) == {1}
    assert at.toggle(key=keys.SC_PLAY).value is False  # a full run stops the player
    at.slider(key=keys.SC_REPLAY).set_value(2).run()
    at.toggle(key=keys.SC_PLAY).set_value(True).run()  # from the middle: not rewound
    assert at.slider(key=keys.SC_REPLAY).value == 2 and not at.exception
    assert set(curves(at).epoch) == {1, 2}


def test_failed_run_says_which_model_is_shown():
    """A diverged run keeps its learning rate and epoch in the state: the error and the
    sections' "previous model" notes are drawn from it, so they survive the rerun that
    follows (the fragment reruns the app; AppTest's click is a full run, and the next run
    stands for that rerun)."""
    at = app_test("softmax_classifier", epochs=1, bs="1024").run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    assert not any("previous model" in c.value for c in at.caption)
    at.select_slider(key="softmax-classifier.lr").set_value(100.0).run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    assert not at.exception, at.exception
    failed = at.session_state[keys.SC_FAILED]
    assert (failed.lr, failed.epoch) == (100.0, 1)
    for _ in range(2):  # the run of the click, then the rerun after it
        notes = [c.value for c in at.caption if "previous model" in c.value]
        assert len(notes) >= 2, "the training panel and the sections below say it"
        assert "learning rate 100.0" in notes[0] and "learning rate 0.1" in notes[0]
        errors = [e.value for e in at.error]
        assert any("nan" in e and "100.0" in e for e in errors), errors
        assert "softmax-overflow" in [p.proto.page for p in at.get("page_link")]
        at.run()
        assert not at.exception, at.exception
    at.select_slider(key="softmax-classifier.lr").set_value(0.1).run()
    until_trained(at.button(key=keys.SC_TRAIN).click().run())
    assert at.session_state[keys.SC_FAILED] is None
    assert not any("previous model" in c.value for c in at.caption)
    assert not at.error
