"""The loss-comparison page through AppTest: every widget to both ends, the outlier drags the mean."""

import pytest

from tests.conftest import all_frames, app_test, tables

PAGE = "loss_comparison"
KEY = "loss-comparison."
SLIDERS = {  # URL name: (lowest, highest)
    "delta": (0.1, 5.0),
    "range": ((-10.0, -10.0), (10.0, 10.0)),
    "outlier": (-50.0, 50.0),
    "k": (0, 80),
    "shift": (-30.0, 30.0),
    "noise": (0.1, 3.0),
    "steps": (10, 1000),
}


frames = all_frames


def constants_frame(at):
    """The data set of the rules drawn at each loss's constant: columns loss, c, dash."""
    (frame,) = [f for f in frames(at) if {"loss", "c", "dash"} <= set(f.columns)]
    return frame


def metrics(at) -> list[float]:
    return [float(m.value) for m in at.metric]


def slider(at, name):
    return next(s for s in at.slider if s.key == KEY + name)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_draws_every_section(lang):
    at = app_test(PAGE, lang).run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 7
    assert len(at.metric) == 3
    assert len(at.table) == 3
    assert not at.error and not at.warning
    links = [e.proto.page for e in at.get("page_link")]
    assert any(link.endswith("normal_mse.py") or "normal-mse" in link for link in links), links
    assert len(at.expander) >= 3 + 3  # exercise answers and the code panels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dragging_the_outlier_drags_the_mean_and_not_the_median(lang):
    at = app_test(PAGE, lang).run()
    near_metrics, near = metrics(at), constants_frame(at)
    slider(at, "outlier").set_value(50.0).run()
    assert not at.exception
    far_metrics, far = metrics(at), constants_frame(at)
    # L2 (the mean) moves by 44/7 ≈ 6.29; L1 (the median) stays; Huber barely moves
    assert far_metrics[0] - near_metrics[0] == pytest.approx(44 / 7, abs=2e-3)
    assert far_metrics[1] == near_metrics[1]
    assert abs(far_metrics[2] - near_metrics[2]) < 0.01
    assert far["c"][0] - near["c"][0] == pytest.approx(44 / 7)
    assert far["c"][1] == near["c"][1]
    # the data set on the chart holds the outlier where the slider put it
    dots = [f for f in frames(at) if {"x", "kind"} <= set(f.columns) and "y" not in f.columns]
    assert 50.0 in dots[0]["x"].tolist()
    assert at.query_params["outlier"] == "50.0"


@pytest.mark.parametrize("name", list(SLIDERS))
def test_every_slider_to_both_ends(name):
    at = app_test(PAGE).run()
    for value in SLIDERS[name]:
        slider(at, name).set_value(value).run()
        assert not at.exception, (name, value, at.exception)
        assert len(at.get("vega_lite_chart")) == 7
        assert at.session_state[KEY + name] == value
    if name == "range":  # an empty range is widened, with a warning
        assert at.warning


def test_every_slider_at_its_low_end_and_high_end_together():
    for end in (0, 1):
        params = {name: ",".join(map(str, v[end])) if isinstance(v[end], tuple) else v[end]
                  for name, v in SLIDERS.items()}
        at = app_test(PAGE, **params).run()
        assert not at.exception
        assert not at.toast, [t.value for t in at.toast]  # every value was accepted
        for name, ends in SLIDERS.items():
            assert at.session_state[KEY + name] == ends[end]


@pytest.mark.parametrize("text, fragment", [
    ("", "at least one number"),
    ("1, two, 3", "“two”"),
    ("1, inf", "“inf”"),
    ("1, 5e9", "“5e9”"),
    (" ".join(["1"] * 51), "51"),
])
def test_bad_data_gives_a_clear_message(text, fragment):
    at = app_test(PAGE).run()
    at.text_input(key=KEY + "data").set_value(text).run()
    assert not at.exception
    assert any(fragment in e.value for e in at.error), [e.value for e in at.error]
    assert not at.metric  # nothing computed from bad data
    assert len(at.get("vega_lite_chart")) == 7 - 2  # the other sections still draw


def test_bad_data_message_in_chinese():
    at = app_test(PAGE, "zh", data="1, abc").run()
    assert not at.exception
    assert any("“abc”不是数" in e.value for e in at.error)


def test_data_and_outlier_come_from_the_url():
    at = app_test(PAGE, data="1 2 3 4", outlier="-40.0").run()
    assert not at.exception
    assert at.text_input(key=KEY + "data").value == "1 2 3 4"
    mean, median, _ = metrics(at)
    assert mean == pytest.approx(-30 / 5, abs=1e-3)
    assert median == pytest.approx(2.0)


def test_even_n_says_which_median_is_reported():
    at = app_test(PAGE, data="1, 2, 3", outlier="10.0").run()
    text = " ".join(m.value for m in at.markdown)
    assert "n = 4 is even" in text and "2.500" in text and "torch.median" in text
    frame = constants_frame(at)
    assert frame["c"][1] == pytest.approx(2.5)


def test_robust_section_table_shows_l2_worst_with_outliers():
    at = app_test(PAGE).run()
    table = tables(at)[2]
    errors = table.iloc[:, 3] + table.iloc[:, 4]  # |ŵ − w| + |b̂ − b| for L2, L1, Huber
    assert errors.iloc[0] > 4 * max(errors.iloc[1], errors.iloc[2])


def test_lecture_mode_shows_one_section_at_a_time():
    at = app_test(PAGE).run()
    at.sidebar.toggle[0].set_value(True).run()  # lecture mode
    seen = []
    for step in range(6):  # five sections and the exercises
        assert not at.exception, at.exception
        assert len(at.header) == 1
        seen.append(at.header[0].value)
        if step < 5:
            at.button(key="_lesson.next").click().run()
    assert len(set(seen)) == 6
    assert at.button(key="_lesson.next").disabled


def z_table(at):
    (frame,) = [d for d in tables(at) if d.shape[1] == 6]
    return frame


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("form", ["sigma", "delta"])
@pytest.mark.parametrize("delta", [0.1, 5.0])
def test_both_forms_at_both_ends_of_the_threshold(lang, form, delta):
    at = app_test(PAGE, lang, form=form, delta=delta).run()
    assert not at.exception, at.exception
    assert not at.toast, [t.value for t in at.toast]
    assert at.session_state[KEY + "form"] == form
    assert len(at.get("vega_lite_chart")) == 7
    # the book's formula is quoted, and the form in use is drawn
    latex = " ".join(e.value for e in at.latex)
    assert r"\frac{1}{2 \sigma} (y-y')^2" in latex
    assert (r"l_\sigma(r)" in latex) == (form == "sigma")
    assert (r"Z_\sigma" in latex) == (form == "sigma")
    # which torch class is the book's loss: SmoothL1 matches exactly, HuberLoss is off by δ
    match = tables(at)[0]
    assert match.iloc[0, 1] == 0.0 and match.iloc[1, 1] > 1.0
    # the numerical check of Z agrees with the formula, even at the smallest threshold
    z = z_table(at)
    assert (z.iloc[:, 4] < 1e-9).all(), z
    huber = z.iloc[2]
    assert huber.iloc[3] == pytest.approx(huber.iloc[2], rel=1e-9)
    # the chart of the loss is the chosen form's, at y′ = 3 (the end of the default range)
    (curves,) = [f for f in frames(at) if "y_hat" in f.columns and f["value"].max() > 4.4][:1]
    at3 = curves[(curves["y_hat"] == 3.0) & curves["loss"].str.startswith("Huber")]["value"]
    if form == "sigma":
        expected = 3 - delta / 2 if delta < 3 else 9 / (2 * delta)
    else:
        expected = delta * (3 - delta / 2) if delta < 3 else 9 / 2
    assert float(at3.iloc[0]) == pytest.approx(expected)


def test_the_form_is_in_the_url_and_switches_the_symbol():
    at = app_test(PAGE).run()
    assert "form" not in at.query_params  # the book's form is the default
    assert "σ" in slider(at, "delta").label
    at.radio(key=KEY + "form").set_value("delta").run()
    assert not at.exception
    assert at.query_params["form"] == "delta" and "δ" in slider(at, "delta").label


@pytest.mark.parametrize("delta, shown", [(1.0, True), (5.0, False)])
def test_the_counterexample_is_offered_only_where_it_is_one(delta, shown):
    at = app_test(PAGE, delta=delta).run()
    text = " ".join(m.value for m in at.markdown)
    assert ("Usually, not always" in text) == shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_robust_section_names_the_best_fit_of_this_run(lang):
    at = app_test(PAGE, lang, k=0, steps=10).run()
    text = " ".join(m.value for m in at.markdown)
    assert ("k = 0" in text) and ("**" in text)
    assert ("Not settled yet" in text) if lang == "en" else ("还没有停稳" in text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_huber_is_the_mean_at_a_large_threshold_and_a_median_at_a_small_one(lang):
    """Issue 27: at δ = 5 every point is within δ (Huber's answer is the mean), at δ = 0.1 it
    is the median; neither lies strictly "between" them."""
    big = app_test("loss_comparison", lang, delta="5.0").run()
    assert not big.exception
    text = " ".join(m.value for m in big.markdown)
    assert ("answer is the mean itself" if lang == "en" else "答案就是均值本身") in text
    assert "lies between the median and the mean" not in text
    small = app_test("loss_comparison", lang, delta="0.1").run()
    assert not small.exception
    text = " ".join(m.value for m in small.markdown)
    assert ("Huber's answer is a median" if lang == "en" else "答案是一个中位数") in text
