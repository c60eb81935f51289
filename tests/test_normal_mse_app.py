"""The normal-distribution page through AppTest: widgets at their ends, charts that respond."""

import pytest

from tests.conftest import app_test, chart_frames, tables
from ui import keys

P = "normal-mse."  # session keys of this page's widgets
DENSITY, INTERVAL, SCATTER, NLL, MSE, RESIDUALS = range(6)  # the charts, top to bottom


def frames(at, index: int):
    """The data sets of chart `index`, as DataFrames (Altair layers may have several)."""
    return chart_frames(at.get("vega_lite_chart")[index])


def table(at):
    return tables(at)[0]


def widget(at, name: str):
    return at.slider(key=P + name)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_draws_every_section(lang):
    at = app_test("normal_mse", lang).run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 6         # with section 1's interval (issue 27)
    assert len(at.slider) == 1 + 2 * 3 + 1 + 5 + 2      # count, 3 curves, interval, s. 2, s. 4
    assert [e.proto.page for e in at.get("page_link")][-1] == "loss-comparison"
    assert len(at.expander) >= 4 + 3                    # derivation steps and exercises
    peaks = [c.value for c in at.caption if "0.399 · 0.199 · 0.399" in c.value]
    assert len(peaks) == 1                              # one line beside the chart, per curve


def test_default_curves_are_d2ls_and_peak_heights_are_printed():
    at = app_test("normal_mse").run()
    lines, peaks = frames(at, DENSITY)                  # the curves; their peaks
    assert sorted(lines["curve"].unique()) == sorted(peaks["curve"])
    assert sorted(peaks["text"]) == ["0.199", "0.399", "0.399"]
    assert sorted(peaks["x"]) == [0.0, 0.0, 3.0]


def test_the_table_agrees_with_least_squares():
    at = app_test("normal_mse").run()
    df = table(at)
    w = df.iloc[:, 1].tolist()
    lstsq = w[-2]                       # rows: NLL ×3, MSE, lstsq, true w
    assert len(w) == 6 and w[-1] == 2.0
    assert all(abs(v - lstsq) < 1e-6 for v in w[:-1])


def test_moving_the_likelihood_sigma_reshapes_the_nll_but_keeps_its_minimum():
    at = app_test("normal_mse").run()
    before = frames(at, NLL)
    argmins = table(at).iloc[:, 1].tolist()
    widget(at, "lsig").set_value((0.2, 4.0)).run()
    assert not at.exception
    after = frames(at, NLL)
    assert not before[0].equals(after[0])               # the curves changed...
    assert table(at).iloc[:, 1].tolist() == pytest.approx(argmins, abs=1e-9)  # ...not the minimum
    labels = set(after[0]["curve"])
    assert any("0.2" in s for s in labels) and any("4" in s for s in labels)


@pytest.mark.parametrize("name,value,chart", [("sd1", 0.2, DENSITY), ("mu2", -5.0, DENSITY),
                                              ("n", 1000, SCATTER), ("sigma", 3.0, SCATTER),
                                              ("w", -3.0, MSE), ("rsigma", 3.0, RESIDUALS)])
def test_chart_data_changes_when_a_slider_moves(name, value, chart):
    at = app_test("normal_mse").run()
    before = frames(at, chart)
    widget(at, name).set_value(value).run()
    assert not at.exception, at.exception
    after = frames(at, chart)
    assert any(not a.equals(b) for a, b in zip(before, after, strict=True))


def test_every_widget_at_both_ends():
    at = app_test("normal_mse").run()
    widget(at, "curves").set_value(4).run()             # four curves: all their sliders exist
    assert len(frames(at, DENSITY)[0]["curve"].unique()) == 4
    def end(s, which):
        kind = type(s.value[0] if isinstance(s.value, tuple) else s.value)  # int or float
        v = kind(s.min if which == "min" else s.max)
        return (v, v) if isinstance(s.value, tuple) else v

    keys = [s.key for s in at.slider if s.key.startswith(P) and s.key != P + "curves"]
    assert len(keys) == 2 * 4 + 1 + 5 + 2   # four curves, the interval, sections 2 and 4
    for which in ("min", "max"):
        targets = {key: end(at.slider(key=key), which) for key in keys}
        for key, v in targets.items():
            at.slider(key=key).set_value(v)
        at.run()
        assert not at.exception, (which, at.exception)
        assert {key: at.session_state[key] for key in keys} == targets
        assert len(at.get("vega_lite_chart")) == 6
    widget(at, "curves").set_value(1).run()
    assert not at.exception
    assert len(frames(at, DENSITY)[0]["curve"].unique()) == 1
    at.toggle(key=P + "symlog").set_value(False).run()
    assert not at.exception


def test_smallest_sigma_and_n_give_a_finite_table():
    at = app_test("normal_mse", sigma="0.1", n="2", lsig="0.2,0.2").run()
    assert not at.exception
    w = table(at).iloc[:, 1].tolist()
    assert all(abs(v - w[-2]) < 1e-6 for v in w[:-1])


@pytest.mark.parametrize("noise", ["laplace", "student_t", "exponential", "gaussian"])
def test_noise_switch_changes_the_histogram_and_the_sentence(noise):
    at = app_test("normal_mse", "zh").run()
    hist = frames(at, RESIDUALS)
    text = [m.value for m in at.markdown]
    at.radio(key=P + "noise").set_value(noise).run()
    assert not at.exception
    changed = any(not a.equals(b) for a, b in zip(hist, frames(at, RESIDUALS), strict=True))
    assert changed == (noise != "gaussian")
    assert ([m.value for m in at.markdown] != text) == (noise != "gaussian")


def test_settings_come_from_and_go_into_the_url():
    at = app_test("normal_mse", curves="4", sd4="0.7", noise="laplace", lsig="0.3,3.0",
                  symlog="0").run()
    assert not at.exception and not at.toast
    assert at.session_state[P + "curves"] == 4 and at.session_state[P + "sd4"] == 0.7
    assert at.session_state[P + "noise"] == "laplace"
    assert at.session_state[P + "lsig"] == (0.3, 3.0)
    assert at.session_state[P + "symlog"] is False
    widget(at, "n").set_value(123).run()
    assert at.query_params["n"] == "123" and at.query_params["curves"] == "4"


def test_bad_url_values_are_ignored_with_a_notice():
    at = app_test("normal_mse", sd1="0", noise="cauchy", n="-4").run()
    assert not at.exception
    assert at.session_state[P + "sd1"] == 1.0 and at.session_state[P + "n"] == 50
    assert at.session_state[P + "noise"] == "gaussian"
    assert len(at.toast) >= 3


def test_lecture_mode_shows_one_section_at_a_time():
    at = app_test("normal_mse").run()
    at.sidebar.toggle(key=keys.LECTURE).set_value(True).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2 and len(at.header) == 1  # densities, interval
    for _ in range(4):
        at.button(key="_lesson.next").click().run()
        assert not at.exception
    assert len(at.header) == 1                          # the exercises


def floors_text(at) -> str:
    (text,) = [m.value for m in at.markdown if "σ² = MSE" in m.value]
    return text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("sigma, lsig", [("0.1", "0.2,0.2"), ("3.0", "4.0,4.0"),
                                         ("1.0", "0.5,2.0"), ("0.1", "0.2,4.0")])
def test_the_lowest_floor_is_computed_not_claimed(lang, sigma, lsig):
    at = app_test("normal_mse", lang, sigma=sigma, lsig=lsig).run()
    assert not at.exception, at.exception
    text = floors_text(at)
    diamonds = frames(at, NLL)[-1]  # the NLL minimum of each curve, read from the chart
    mins = dict(zip(diamonds["curve"], diamonds["loss"], strict=True))
    df = table(at)
    assert len(mins) == len(df) - 3
    lowest = min(mins, key=mins.get)
    assert f"{mins[lowest]:.3f}" in text
    # the MLE of σ: the root of the MSE the table's minimiser reaches
    s_mle = float(text.split("σ = ")[-2].split(",")[0].split("，")[0])
    assert 0.5 * float(sigma) < s_mle < 2 * float(sigma)


def test_with_the_defaults_the_small_sigma_has_the_highest_floor():
    at = app_test("normal_mse").run()
    text = floors_text(at)
    values = [float(part.split(": ")[1]) for part in text.split("data: ")[1].split(". ")[0]
              .split(" · ")]
    assert values[0] == max(values)  # σ = 0.5: the highest floor, not σ = 2
    assert "lowest of these is at σ = 1" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("noise", ["gaussian", "laplace", "student_t", "exponential"])
@pytest.mark.parametrize("rn", ["20", "5000"])
def test_residual_sentences_quote_this_runs_statistics(lang, noise, rn):
    at = app_test("normal_mse", lang, noise=noise, rn=rn).run()
    assert not at.exception, at.exception
    metrics = at.metric[3:]  # after section 1's three (peak density, interval, its area)
    skew, kurt = (m.value for m in metrics[1:3])
    said = " ".join(m.value for m in at.markdown)
    if noise in ("gaussian", "exponential"):
        assert skew in said
    if noise in ("gaussian", "laplace"):
        assert kurt in said
    if noise == "student_t":
        assert f"{metrics[3].value} " in said
    help_text = metrics[1].proto.help
    assert "ν = 3" in help_text and ("undefined" in help_text or "没有定义" in help_text)
    assert "E|X|³ = ∞" in help_text and "moment is infinite" not in help_text
    assert "三阶矩是无穷大" not in help_text
