"""Replay and one SGD step through AppTest (issue 16 §2): the slider at its ends redraws the
path and curves up to that point; the step button writes out this run's own numbers."""

import pytest

from core import linreg
from tests.conftest import all_frames, app_test, tables, until_trained
from ui import keys

WORDS = {"en": ("minibatch", "Shown: the starting point"), "zh": ("小批量", "当前显示：起点")}


def path_of(at):
    (path,) = [df for df in all_frames(at)
               if {"step", "w1", "w2"} <= set(df.columns) and "where" not in df.columns]
    return path


def trained(lang: str, **params):
    at = app_test("linear_regression", lang, **params).run()
    until_trained(at.button(key=keys.LR_TRAIN).click().run())
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_replay_slider_ends_and_one_sgd_step(lang):
    at = trained(lang)
    run = at.session_state[keys.LR_RESULT]
    assert at.slider(key=keys.LR_REPLAY).value == 300  # opens at the end of the run
    assert len(path_of(at)) == 301
    at.slider(key=keys.LR_REPLAY).set_value(0).run()
    assert not at.exception, at.exception
    start = path_of(at)
    assert len(start) == 1 and start.w1.iloc[0] == pytest.approx(run.records[0].w[0])
    shown = [c.value for c in at.caption if c.value.startswith(WORDS[lang][1])]
    assert shown and "0" in shown[0]  # step 0 is the start, not "epoch 1"
    assert "epoch" not in shown[0] and "迭代周期" not in shown[0]
    at.slider(key=keys.LR_REPLAY).set_value(150).run()
    middle = path_of(at)
    assert len(middle) == 151
    assert middle.w1.iloc[-1] == pytest.approx(linreg.replay(run.records, 150)[-1].w[0])
    # one SGD step from step 150: the table of the minibatch and the update in LaTeX
    at.button(key=keys.LR_SGD_STEP).click().run()
    assert not at.exception, at.exception
    (rows,) = [d for d in tables(at) if "ŷ" in d.columns]
    assert len(rows) == 10  # batch size 10: every row shown
    at_150 = linreg.replay(run.records, 150)[-1]
    assert rows["ŷ"].iloc[0] == pytest.approx(
        at_150.w[0] * rows["x₁"].iloc[0] + at_150.w[1] * rows["x₂"].iloc[0] + at_150.b)
    formulas = [f.value for f in at.latex]
    update = [f for f in formulas if r"\mathbf{w} \leftarrow \begin{bmatrix}" in f]
    assert len(update) == 1 and f"{at_150.w[0]:.6g}" in update[0]
    assert r"\frac{0.03}{10}" in update[0]
    assert any(WORDS[lang][0] in m.value for m in at.markdown)
    at.slider(key=keys.LR_REPLAY).set_value(300).run()
    assert len(path_of(at)) == 301 and not at.exception
    assert not [f for f in (x.value for x in at.latex) if r"\mathbf{w} \leftarrow \begin{bm" in f]


def test_captions_say_start_epoch_end_or_minibatch_step():
    at = trained("en", epochs=2, batch="100")  # 10 steps an epoch
    captions = {}
    for step in (0, 5, 10, 20):
        at.slider(key=keys.LR_REPLAY).set_value(step).run()
        (captions[step],) = [c.value for c in at.caption if c.value.startswith("Shown:")]
    assert captions[0].startswith("Shown: the starting point, before any update (step 0 of 20)")
    assert "loss on all the data" in captions[0]
    assert captions[5].startswith("Shown: step 5 of 20 (epoch 1)") and "minibatch" in captions[5]
    assert captions[10].startswith("Shown: step 10 of 20, the end of epoch 1")
    assert captions[20].startswith("Shown: step 20 of 20, the end of epoch 2")


def test_play_at_the_end_starts_again_from_the_start():
    """Play with the slider at the end replays from step 0. (AppTest runs the whole page,
    and a run from outside the replay panel stops the player: the browser test plays it.)"""
    at = trained("en", epochs=1, batch="100")  # 10 steps
    assert at.slider(key=keys.LR_REPLAY).value == 10
    at.toggle(key=keys.LR_PLAY).set_value(True).run()
    assert not at.exception, at.exception
    assert at.slider(key=keys.LR_REPLAY).value == 0
    assert len(path_of(at)) == 1
    assert at.toggle(key=keys.LR_PLAY).value is False  # a full run stops the player
    at.slider(key=keys.LR_REPLAY).set_value(4).run()
    at.toggle(key=keys.LR_PLAY).set_value(True).run()  # from the middle: not rewound
    assert at.slider(key=keys.LR_REPLAY).value == 4 and not at.exception


def test_replay_of_a_diverged_run():
    at = trained("en", lr="10.0")
    end = at.session_state[keys.LR_RESULT].records[-1].step
    assert at.slider(key=keys.LR_REPLAY).max == end
    at.slider(key=keys.LR_REPLAY).set_value(0).run()
    at.button(key=keys.LR_SGD_STEP).click().run()
    assert not at.exception, at.exception
    assert len(path_of(at)) == 1 and at.error  # the failure is still said above
