"""The softmax overflow page through AppTest: thresholds per dtype, extreme and malformed input."""

import json

import pandas as pd
import pytest

from tests.conftest import app_test, chart_frames, open_answers, tables
from ui import keys

NAIVE_BREAKS = {  # dtype: (last scale on the slider where naive is right, first where it is nan)
    "float16": (5.5, 5.6),     # 2 * 5.5 = 11 < 11.09 < 11.2
    "bfloat16": (44.0, 45.0),  # 88 <= 88.5 (largest bfloat16 with finite exp) < 90
    "float32": (44.0, 45.0),   # 88 < 88.72 < 90
    "float64": (350.0, 360.0),  # 700 < 709.78 < 720
}
VERDICT = {"ok": "correct", "nan": "nan or inf"}


def page(lang: str = "en", **params):
    at = app_test("softmax_overflow", lang, **params).run()
    assert not at.exception, at.exception
    return at


def verdicts(at) -> dict[str, str]:
    """method -> verdict, from the loss table (the second table of the page)."""
    table = tables(at)[1]
    return {str(method): str(row.iloc[-1]) for method, row in table.iterrows()}


datasets = chart_frames


def chart_frames(at) -> list[pd.DataFrame]:
    """All the data of all the Altair charts, one frame per chart."""
    return [pd.concat(datasets(c), ignore_index=True) for c in at.get("vega_lite_chart")]


@pytest.mark.parametrize("dtype", list(NAIVE_BREAKS))
def test_naive_turns_nan_at_the_threshold_and_log_sum_exp_stays_right(dtype):
    below, above = NAIVE_BREAKS[dtype]
    # true class 1: a loss of about s, so "correct" is a relative check that means something
    at = page(dtype=dtype, scale=repr(below), y="1")
    assert verdicts(at) == {"naive": "correct", "max-subtracted": "correct",
                            "log-sum-exp": "correct", f"F.cross_entropy ({dtype})": "",
                            "float64 reference": ""}
    at.select_slider[0].set_value(above).run()  # move the slider one notch
    assert not at.exception
    after = verdicts(at)
    assert after["naive"].startswith("nan or inf")
    assert after["log-sum-exp"] == "correct"
    assert at.query_params["scale"] == repr(above)
    probabilities = tables(at)[0]
    assert (probabilities.iloc[:, 1] == "nan").any()  # the naive column spells out nan
    assert (probabilities.iloc[:, 4] != "nan").all()  # exp(log y_hat) never does


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
@pytest.mark.parametrize("logits, scale", [("1000, -1000, 0", 100000.0),
                                           ("1000, -1000, 0", -100000.0),
                                           ("-1000000, 1000000, 3", 0.01),
                                           ("0.001, 0", 0.0)])
def test_extreme_inputs_in_every_dtype(dtype, logits, scale):
    at = page(dtype=dtype, logits=logits, scale=repr(scale), y="1")
    assert len(at.get("vega_lite_chart")) == 3 and len(at.table) == 5
    assert not at.error
    used = next(m.value for m in at.markdown if m.value.startswith("Logits used"))
    overflow = "inf" in used
    assert bool(at.warning) == overflow  # logits beyond the dtype are explained
    if not overflow:
        assert verdicts(at)["log-sum-exp"] == "correct"


def test_extreme_inputs_in_chinese():
    at = page("zh", dtype="float16", logits="1000, -1000, 0", scale="100000.0")
    assert at.warning and "float16" in at.warning[0].value
    assert "最大" in at.warning[0].value


@pytest.mark.parametrize("bad, code_words", [
    ("abc", "is not a number"), ("", "is empty"), ("5", "at least two"),
    ("inf, 1", "is not a logit"), ("nan", "is not a logit"), ("1e400, 2", "too large"),
    (",".join(["1"] * 65), "65 values are too many"),
    (",".join(["1"] * 499), "499 values are too many"),
])
def test_malformed_logits_show_a_message_and_keep_the_last_good_ones(bad, code_words):
    at = page(logits="5, 4, 3, 2")
    at.text_input[0].set_value(bad).run()
    assert not at.exception
    assert at.error and code_words in at.error[0].value
    assert any("[5, 4, 3, 2]" in c.value for c in at.caption)
    assert len(tables(at)[0]) == 4  # still the four good logits
    assert len(at.get("vega_lite_chart")) == 3
    at.text_input[0].set_value("7, 8").run()  # and a good one is taken again
    assert not at.error and len(tables(at)[0]) == 2


def test_malformed_logits_in_the_link_fall_back_to_the_default():
    at = page(logits="two, one")
    assert "“two” is not a number" in at.error[0].value
    assert len(tables(at)[0]) == 3


def test_user_text_cannot_inject_markdown():
    at = page(logits="**x**, [a](http://example.com)")
    message = at.error[0].value
    assert "\\*\\*x\\*\\*" in message and "**x**" not in message


@pytest.mark.parametrize("name, raw", [("y", "7"), ("scale", "44.5"), ("dtype", "float8"),
                                        ("logits", "1," * 600)])
def test_malformed_link_parameters_are_ignored_with_a_notice(name, raw):
    at = page(**{name: raw})
    assert any(name in toast.value for toast in at.toast)
    assert verdicts(at)["naive"] == "correct"  # the defaults: [2, 1, 0.1] at s = 1


def test_a_scale_written_without_decimals_is_accepted():
    at = page(scale="45")  # the option is 45.0; a hand-typed link says 45
    assert not at.toast and at.session_state["softmax-overflow.scale"] == 45.0
    assert verdicts(at)["naive"] != "correct"


def test_true_class_selector_follows_the_number_of_logits():
    at = page(logits="1, 2, 3, 4", y="3")
    assert at.selectbox(key="softmax-overflow.y").value == 3
    at.text_input[0].set_value("1, 2").run()
    assert not at.exception and at.selectbox(key="softmax-overflow.y").value in (0, 1)


def test_widgets_write_the_url():
    at = page()
    at.segmented_control[0].set_value("bfloat16").run()
    at.select_slider[0].set_value(-1000.0).run()
    at.text_input[0].set_value("3, 2, 1").run()
    assert not at.exception
    assert at.query_params["dtype"] == "bfloat16" and at.query_params["scale"] == "-1000.0"
    assert at.query_params["logits"] == "3, 2, 1"


def test_charts_show_nan_as_a_label_and_lines_stop_where_the_method_fails():
    at = page(scale="45.0")
    bars, strip, curves = chart_frames(at)
    naive = bars[bars["method"] == "naive"]
    assert naive["p"].isna().sum() == 1 and (naive["label"] == "nan").sum() == 1
    assert set(strip["status"]) >= {"ok", "nan"}
    naive_curve = curves[curves["method"] == "naive"]
    assert naive_curve["scale"].max() == 44.0  # the line stops where naive breaks
    lse = curves[curves["method"] == "log-sum-exp"]
    assert lse["scale"].max() == 1e5 and lse["scale"].min() == -1e5


def test_thresholds_are_printed_for_the_chosen_dtype():
    at = page(dtype="float16")
    table = tables(at)[2]
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert values["largest finite number, finfo.max"] == "65504"
    assert values["largest x with exp(x) finite (measured)"] == "11.0859375"
    assert values["smallest x with exp(x) > 0 (measured)"] == "-17.328125"


def test_tables_highlight_nan_inf_and_zero():
    at = page(scale="60.0", y="2")  # naive: nan; max-subtracted: y_hat_2 = 0, loss inf
    styles = json.dumps([str(at.table[i].proto.arrow_data.styler.styles)
                         for i in range(2)])
    for colour in ("213, 94, 0", "230, 159, 0", "86, 180, 233"):
        assert colour in styles


def test_lecture_mode_shows_one_section_and_keeps_the_controls():
    at = app_test("softmax_overflow", scale="45.0")
    at.session_state[keys.LECTURE] = True  # the sidebar toggle (a link sets it on a first visit)
    at.run()
    assert not at.exception
    assert len(at.header) == 1
    assert at.text_input and at.select_slider
    assert any("nan or inf" in m.value for m in at.markdown)  # the verdict line stays


@pytest.mark.parametrize("lang, imprecise, rel_word", [("en", "imprecise", "relative error"),
                                                       ("zh", "不精确", "相对误差")])
@pytest.mark.parametrize("scale", [5.0, 1e5, -1e5, 0.01])
def test_small_losses_are_imprecise_not_correct_in_both_languages(lang, imprecise, rel_word,
                                                                   scale):
    at = page(lang, dtype="float16", scale=repr(scale))
    table = tables(at)[1]
    assert rel_word in table.columns
    (small,) = [m.value for m in at.markdown if "`log1p`" in m.value and "0.000977" in m.value]
    assert "float16" in small  # the spacing next to 1 in float16, computed, is in the text
    naive = table.iloc[0]
    if scale == 5.0:  # loss 0.0068, float16 naive off by 6 %: not "correct"
        assert naive.iloc[-1].startswith(imprecise)
        assert float(naive[rel_word].rstrip("%")) > 1.0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exercise_answer_computes_the_float16_loss_overflow(lang):
    at = open_answers(page(lang))
    answers = " ".join(m.value for m in at.markdown)
    assert "120000" in answers and "inf" in answers  # float16 F.cross_entropy at ±60000
    sources = [m.value for m in at.markdown if "3.6" in m.value]
    assert len(sources) >= 5  # every exercise names its section


def test_loss_overflow_break_is_predicted_for_log_sum_exp():
    at = page(dtype="float16", logits="60000, -60000", y="1")
    assert verdicts(at)["log-sum-exp"].startswith("loss = inf (the true loss")
    breaks = tables(at)[3]
    assert breaks.loc["log-sum-exp"].iloc[0] == "0.54587"  # 65504 / 120000, predicted


@pytest.mark.parametrize("lang, word", [("en", "imprecise"), ("zh", "不精确")])
def test_small_loss_gradient_is_shown_with_its_relative_error(lang, word):
    at = page(lang, dtype="float16", logits="12, 6, 0.6001", scale="1.0", y="0")
    small = next(m.value for m in at.markdown if "`log1p`" in m.value and "0.000977" in m.value)
    assert "−0.00292969" in small or "-0.00292969" in small
    assert "0.00248376" in small and "17.95%" in small
    assert "never forms" not in small and "不经过" not in small
    grad_verdict = next(m.value for m in at.markdown if m.value.startswith(("**Gradients.**",
                                                                              "**梯度。**")))
    assert grad_verdict.count(word) == 2  # max-subtracted and log-sum-exp; naive is nan
    legend = next(c.value for c in at.caption if "17.95%" in c.value)
    assert "16 · eps = 0.016" in legend
