"""The linear-regression page through AppTest: Train with each implementation, what is drawn."""

import re

import pytest

from tests.conftest import all_frames, app_test, open_answers, open_code_panels, until_trained
from ui import training

TRAIN = "linear-regression.train"
SECTIONS = ["The data", "The analytic solution", "Linear regression as a neural network",
            "Vectorisation for speed", "Two implementations", "The minibatch SGD update",
            "Training with minibatch SGD", "When does SGD diverge?", "Questions to think about"]
RESULT = "linear-regression.result"


datasets = all_frames


def find(at, *columns):
    """The data sets that have all of `columns`."""
    return [df for df in datasets(at) if set(columns) <= set(df.columns)]


def printed(at) -> str:
    """The block that prints what the book prints."""
    blocks = [c.value for c in at.code if c.value.startswith(("epoch ", "迭代周期 "))]
    assert len(blocks) == 1, [c.value[:40] for c in at.code]
    return blocks[0]


def numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+\.\d+", text)]


def test_page_before_training():
    at = app_test("linear_regression").run()
    assert not at.exception
    assert [h.value for h in at.header] == SECTIONS
    scatter = find(at, "x", "y")
    assert len(scatter) == 1 and len(scatter[0]) == 1000
    assert len(find(at, "w1_lo", "loss")) == 1      # the landscape is drawn
    assert len(find(at, "level", "w1", "w2")) == 1  # with its contour lines
    assert not find(at, "step", "w1", "w2")         # but no path yet
    assert any("Press Train" in i.value for i in at.info)
    assert RESULT not in at.session_state
    assert any("no `.sum()`" in i.value and "no ½" in i.value for i in at.info)


@pytest.mark.parametrize("impl", ["scratch", "concise"])
def test_train_each_implementation(impl):
    at = app_test("linear_regression", impl=impl).run()
    assert at.session_state["linear-regression.impl"] == impl
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception, at.exception
    (curve,) = find(at, "step", "loss", "series")
    per_epoch = curve[curve.series == "loss on all data"]
    assert list(per_epoch.step) == [0, 100, 200, 300]  # the start and 3 epochs of 100 steps
    assert per_epoch.loss.iloc[-1] < 1e-3 < per_epoch.loss.iloc[0]
    assert (curve.series == "minibatch loss").sum() == 300
    (path,) = [df for df in find(at, "step", "w1", "w2") if "where" not in df.columns]
    assert len(path) == 301
    assert path.w1.iloc[-1] == pytest.approx(2.0, abs=0.01)
    assert path.w2.iloc[-1] == pytest.approx(-3.4, abs=0.01)
    text = printed(at)
    lines = text.splitlines()
    assert [line.split(",")[0] for line in lines[:3]] == ["epoch 1", "epoch 2", "epoch 3"]
    assert lines[3].startswith("error in estimating w:") and lines[4].startswith(
        "error in estimating b:")
    errors = numbers(lines[3]) + numbers(lines[4])
    assert len(errors) == 3 and all(abs(e) < 0.01 for e in errors)
    result = at.session_state[RESULT]
    assert [r.kind for r in result.records].count("epoch") == 3
    final = result.records[-1]
    assert errors == pytest.approx([2.0 - final.w[0], -3.4 - final.w[1], 4.2 - final.b],
                                   abs=5e-5)  # printed with four decimals, as the book does
    assert any(impl == "scratch" and "def sgd" in c.value or
               impl == "concise" and "nn.MSELoss()" in c.value
               for c in open_code_panels(at).code)
    assert not at.error


def test_concise_loss_is_twice_the_scratch_loss_at_the_start():
    starts = {}
    for impl in ("scratch", "concise"):
        at = app_test("linear_regression", impl=impl, epochs=1).run()
        until_trained(at.button(key=TRAIN).click().run())
        starts[impl] = at.session_state[RESULT].records[0].loss
    assert starts["concise"] == pytest.approx(2 * starts["scratch"], rel=1e-5)


def test_chinese_output():
    at = app_test("linear_regression", "zh").run()
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception
    text = printed(at)
    assert "w的估计误差" in text and "b的估计误差" in text
    assert [line.split("，")[0] for line in text.splitlines()[:3]] == [
        "迭代周期 1", "迭代周期 2", "迭代周期 3"]
    assert "epoch" not in text and "loss" not in text
    assert find(at, "series")[0].series.isin(["小批量损失", "全部数据上的损失"]).all()


@pytest.mark.parametrize("impl", ["scratch", "concise"])
def test_divergent_learning_rate_stops_with_a_suggestion(impl):
    at = app_test("linear_regression", impl=impl, lr="10.0").run()
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert "too large" in message and "try lr = " in message
    suggested = float(message.rsplit("try lr = ", 1)[1].rstrip("."))
    assert suggested < 10.0
    records = at.session_state[RESULT].records
    assert records[-1].kind == "diverged" and records[-1].epoch == 1
    # the suggested rate does train: reuse the page's own choice
    at.select_slider(key="linear-regression.lr").set_value(suggested).run()
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.error and at.session_state[RESULT].records[-1].kind == "epoch"


def test_growing_loss_is_flagged():
    # full batch, lr above 2/λ_max: the loss grows but does not overflow in 3 steps
    at = app_test("linear_regression", batch="1000", lr="3.0").run()
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception
    assert any("ended higher" in w.value for w in at.warning)


def test_too_many_steps_disables_training():
    at = app_test("linear_regression", n="10000", batch="1", epochs="30").run()
    assert not at.exception
    assert any("300000 steps" in w.value for w in at.warning)
    assert at.button(key=TRAIN).disabled


def test_a_result_is_shown_only_for_its_own_settings():
    at = app_test("linear_regression").run()
    until_trained(at.button(key=TRAIN).click().run())
    first = at.session_state[RESULT]
    at.select_slider(key="linear-regression.lr").set_value(0.1).run()
    assert not find(at, "step", "w1", "w2")           # another lr: no stale path
    assert at.session_state[RESULT] is first or at.session_state[RESULT] == first
    at.select_slider(key="linear-regression.lr").set_value(0.03).run()
    assert len(find(at, "step", "w1", "w2")[0]) == 301  # back: the finished run again


def test_an_interrupted_run_keeps_the_previous_result(monkeypatch):
    from core import linreg

    at = app_test("linear_regression").run()
    until_trained(at.button(key=TRAIN).click().run())
    finished = at.session_state[RESULT].records
    real_train = linreg.train

    def interrupted(*args, **kwargs):
        loop = real_train(*args, **kwargs)
        yield next(loop)
        yield next(loop)
        raise RuntimeError("interrupted")  # the run ends before it finishes

    monkeypatch.setattr(linreg, "train", interrupted)
    training.hall().cache.clear()  # else the room's finished run of these settings answers
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception  # stopped half-way in the queue's thread: a short message, no
    assert "failed on the server" in at.warning[-1].value  # traceback; its slot is free
    assert training.hall().load() == (0, 0)
    assert len(finished) == 304 and at.session_state[RESULT].records == finished


def test_lecture_mode_shows_one_section_at_a_time_and_trains():
    at = app_test("linear_regression", n=500).run()
    at.sidebar.toggle[0].set_value(True).run()  # the lecture-mode switch
    seen = []
    for step in range(len(SECTIONS)):
        assert not at.exception, at.exception
        seen.append([h.value for h in at.header])
        if seen[-1] == ["Training with minibatch SGD"]:
            until_trained(at.button(key=TRAIN).click().run())
            assert not at.exception
            # the data set is the one the hidden data section was set to
            assert at.session_state[RESULT].spec.n == 500
            assert "error in estimating w" in printed(at)
        if step < len(SECTIONS) - 1:
            at.button(key="_lesson.next").click().run()
    assert [len(h) for h in seen] == [1] * len(SECTIONS)
    assert [h[0] for h in seen] == SECTIONS


# ---- issue 13: the new pieces of the lesson ---------------------------------------------

def test_sgd_approaches_the_analytic_solution_and_the_gap_is_the_runs():
    from core import linreg

    at = app_test("linear_regression").run()
    until_trained(at.button(key=TRAIN).click().run())
    assert not at.exception
    last = at.session_state[RESULT].records[-1]
    spec = at.session_state[RESULT].spec
    w_star, b_star = linreg.analytic_solution(*_book_data(spec))
    gap = max(abs(a - b) for a, b in zip([*last.w, last.b], [*w_star, b_star], strict=True))
    (caption,) = [c.value for c in at.caption if c.value.startswith("After 3 epochs")]
    assert f"within {gap:.2g} of the analytic solution" in caption
    assert 0 < gap < 0.01
    assert "approaches" in at.info[0].value and "same w and b" not in at.info[0].value
    table = [t for t in at.table if "SGD − analytic" in t.value.columns]
    assert len(table) == 1
    assert [float(v) for v in table[0].value["SGD − analytic"]] == pytest.approx(
        [last.w[0] - w_star[0], last.w[1] - w_star[1], last.b - b_star], abs=6e-5)


def _book_data(spec):
    import torch

    from core.data import synthetic_data
    from core.device import make_generator

    return synthetic_data(torch.tensor([spec.w1, spec.w2]), spec.b, spec.n, spec.noise,
                          generator=make_generator(spec.seed))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("n", "batch", "impl"), [(10, "10000", "scratch"), (10_000, "1", "concise"),
                                                  (1000, "10", "scratch")])
def test_measured_edge_for_the_students_batch(lang, n, batch, impl):
    from core import linreg

    at = app_test("linear_regression", lang, n=n, batch=batch, impl=impl).run()
    assert not at.exception, at.exception
    (text,) = [m.value for m in at.markdown if m.value.startswith(("**Measured", "**按你的设置"))]
    bs = min(int(batch), n)
    edge = linreg.measured_stable_lr(*_book_data(linreg.DataSpec(n=n)), bs, impl)
    assert f"{edge.stable:.3g}" in text and f"{edge.unstable:.3g}" in text
    assert (f"batch size {bs}" if lang == "en" else f"批量大小 {bs}") in text
    estimate = f"{linreg.max_stable_lr(_book_data(linreg.DataSpec(n=n))[0], bs, impl):.3g}"
    assert estimate in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_vectorisation_button(lang):
    at = app_test("linear_regression", lang).run()
    assert not at.success
    at.button(key="linear-regression.vector").click().run()
    assert not at.exception
    (result,) = [s.value for s in at.success]
    numbers = [float(v.replace(",", "")) for v in re.findall(r"\d[\d,]*\.?\d*", result)]
    loop_ms, vector_ms, ratio = numbers[0], numbers[1], numbers[2]
    assert loop_ms > 0 and vector_ms > 0 and ratio >= 1
    assert ("10,000" in result) and (("for-loop" in result) if lang == "en" else ("循环" in result))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_update_equations_network_and_sources(lang):
    at = app_test("linear_regression", lang).run()
    assert not at.exception
    latex = [x.value for x in at.latex]
    assert any(r"\frac{\eta}{|\mathcal{B}|}" in v and r"\mathbf{w} \leftarrow" in v for v in latex)
    assert any(v.strip("$\n").startswith(r"b \leftarrow") for v in latex)
    assert any("def sgd" in c.value and "batch_size" in c.value
               for c in open_code_panels(at).code)
    (dot,) = [g.proto.spec for g in at.get("graphviz_chart")]
    assert dot.count("-> o1") == 2 and ("input layer" in dot if lang == "en" else "输入层" in dot)
    questions = [m.value for m in at.markdown if re.match(r"\*\*\d+\.\*\*", m.value)]
    assert len(questions) == 10  # with 3.2's exercises 2-4 (issue 27)
    source = "d2l §" if lang == "en" else "《动手学深度学习》（第二版）"
    assert all(source in q for q in questions)
    assert sum("3.1" in q for q in questions) == 1 and sum("3.3" in q for q in questions) == 2
    # the answer about the fastest rate quotes this data's numbers
    from core import linreg

    c = linreg.curvature(_book_data(linreg.DataSpec())[0], "scratch")
    answers = [m.value for m in open_answers(at).markdown if "2/(λ_min + λ_max)" in m.value]
    assert answers and f"{c.fastest:.3g}" in answers[0] and f"{c.bound:.3g}" in answers[0]
    if lang == "zh":
        text = " ".join(m.value for m in at.markdown)
        for term in ("解析解", "小批量随机梯度下降", "全连接层", "超参数", "验证集"):
            assert term in text, term


def test_the_measured_edge_follows_the_batch_slider():
    at = app_test("linear_regression", n=200).run()
    at.select_slider(key="linear-regression.batch").set_value(1).run()
    assert not at.exception
    (text,) = [m.value for m in at.markdown if m.value.startswith("**Measured")]
    assert "batch size 1)" in text
    at.select_slider(key="linear-regression.batch").set_value(10000).run()
    (text,) = [m.value for m in at.markdown if m.value.startswith("**Measured")]
    assert "batch size 200)" in text  # the full batch: at most n
