"""ui.charts: the schema check runs in the tests and is skipped on a student's server."""

import subprocess
import sys

import altair as alt
import pandas as pd
import pytest

from ui import charts

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_the_tests_check_every_chart_against_the_schema():
    """Once, as a whole, where it is drawn (Altair's debug mode, off everywhere, would check
    every part again as it is built)."""
    assert charts.VALIDATE and not alt.utils.schemapi.DEBUG_MODE
    bad = alt.Chart(pd.DataFrame({"x": [1]})).mark_line().encode(x="x:Q")
    bad.mark = "no-such-mark"
    with pytest.raises(Exception, match="no-such-mark"):
        charts.styled(bad).to_dict()


def test_a_server_skips_the_check_and_draws_the_same_spec():
    """Without D2L_VALIDATE_CHARTS the spec is the same, only unchecked."""
    code = ("import json, altair as alt, pandas as pd; from ui import charts; "
            "c = alt.Chart(pd.DataFrame({'x': [1, 2]})).mark_line().encode(x='x:Q'); "
            "print(charts.VALIDATE, alt.utils.schemapi.DEBUG_MODE); "
            "print(json.dumps(charts.styled(c).to_dict(), sort_keys=True))")
    env = {k: v for k, v in __import__("os").environ.items() if k != "D2L_VALIDATE_CHARTS"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out[0] == "False False"  # no check at all
    c = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_line().encode(x="x:Q")
    assert out[1] == __import__("json").dumps(charts.styled(c).to_dict(), sort_keys=True)


@pytest.mark.parametrize("lecture", [False, True])
def test_a_live_training_chart_is_the_chart_its_builder_draws(lecture):
    """The live curves reuse a spec built once per shape: each redraw must equal the chart
    built afresh from its data, through every epoch of a run and a loss off the usual axis."""
    from ui.charts import softmax_classifier as sc

    labels = ["train loss", "train acc", "test acc"]
    losses = [0.78, 0.57, 0.53, 0.51, 5.0, float("nan")]
    for epochs in range(1, len(losses) + 1):
        frame = pd.DataFrame([{"epoch": e + 1, "metric": m, "value": v}
                              for e in range(epochs)
                              for m, v in zip(labels, (losses[e], 0.8, 0.79), strict=True)])
        kw = {"x_title": "epoch", "y_title": "value", "metric_title": "metric"}
        live = sc.curves_spec(frame, 10, lecture=lecture, **kw)
        fresh = charts.vega_spec(charts.styled(sc.curves(frame, 10, **kw), lecture))
        assert live.keys() == fresh.keys() and set(live["datasets"]) == {"data-0"}
        assert {k: v for k, v in live.items() if k != "datasets"} == \
            {k: v for k, v in fresh.items() if k != "datasets"}, f"epoch {epochs}"
        assert live["datasets"]["data-0"].equals(fresh["datasets"]["data-0"])


def test_memo_builds_a_chart_once_per_key_language_and_view(monkeypatch):
    """A finished run's curves, drawn by every page run of every student replaying it, are
    built once per server; another key, language or view (lecture mode) is another chart."""
    monkeypatch.setattr(charts, "_memo", type(charts._memo)())
    view = {"lang": "en", "lecture": False}
    monkeypatch.setattr(charts, "lang", lambda: view["lang"])
    monkeypatch.setattr(charts.lesson, "lecture", lambda: view["lecture"])
    built = []

    def build(n):
        def chart():
            built.append(n)
            return alt.Chart(pd.DataFrame({"x": list(range(n))})).mark_line().encode(x="x:Q")
        return chart

    first = charts.memo(("curves", 3), build(3))
    assert charts.memo(("curves", 3), build(3)) is first and built == [3]
    assert first.spec["datasets"]["data-0"]["x"].tolist() == [0, 1, 2]
    other = charts.memo(("curves", 4), build(4))
    assert other is not first and other.spec["datasets"]["data-0"]["x"].tolist() == [0, 1, 2, 3]
    view["lang"] = "zh"
    assert charts.memo(("curves", 3), build(3)) is not first
    view["lecture"] = True
    lecture = charts.memo(("curves", 3), build(3))
    assert lecture.spec["config"]["axis"]["labelFontSize"] == charts.LECTURE_FONTS["label"]
    assert built == [3, 4, 3, 3]


def test_memo_keeps_the_most_recently_used(monkeypatch):
    monkeypatch.setattr(charts, "_memo", type(charts._memo)())
    monkeypatch.setattr(charts, "MEMO_ENTRIES", 2)
    monkeypatch.setattr(charts, "lang", lambda: "en")
    monkeypatch.setattr(charts.lesson, "lecture", lambda: False)
    built = []

    def chart(n):
        built.append(n)
        return alt.Chart(pd.DataFrame({"x": [n]})).mark_point().encode(x="x:Q")

    for n in (1, 2, 1, 3):  # 2 is the least recently used when 3 comes
        charts.memo(n, lambda n=n: chart(n))
    assert len(charts._memo) == 2
    charts.memo(1, lambda: chart(1))
    charts.memo(2, lambda: chart(2))
    assert built == [1, 2, 3, 2]


def test_a_kept_chart_is_drawn_with_the_arrow_bytes_streamlit_would_make(monkeypatch):
    """memo and memo_spec keep a spec's data sets in Arrow, converted once: what Streamlit
    puts on the wire is byte for byte what it made of the data frames at every draw."""
    from streamlit import dataframe_util
    from streamlit.elements.vega_charts import _marshall_chart_data
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    monkeypatch.setattr(charts, "_memo", type(charts._memo)())
    monkeypatch.setattr(charts, "_live", type(charts._live)())
    monkeypatch.setattr(charts, "lang", lambda: "en")
    monkeypatch.setattr(charts.lesson, "lecture", lambda: False)
    frame = pd.DataFrame({"x": [1.5, 2.5], "label": ["a", "训练"]})
    chart = alt.Chart(frame).mark_line().encode(x="x:Q", color="label:N")
    kept = charts.memo("arrow", lambda: chart)
    name = next(iter(kept.spec["datasets"]))
    assert isinstance(kept.spec["datasets"][name], pd.DataFrame)  # the spec stays readable
    assert kept.wire["datasets"][name] == \
        dataframe_util.convert_anything_to_arrow_bytes(kept.spec["datasets"][name])
    assert {k: v for k, v in kept.wire.items() if k != "datasets"} == \
        {k: v for k, v in kept.spec.items() if k != "datasets"}

    def wire(spec):  # what st.vega_lite_chart sends of a spec
        proto = VegaLiteChart()
        _marshall_chart_data(proto, dict(spec))
        return [(d.name, d.data.data) for d in proto.datasets]

    assert wire(kept.wire) == wire(kept.spec)
    built = []

    def spec():
        built.append(1)
        return charts.vega_spec(charts.styled(chart))

    live = charts.memo_spec("live", spec)
    assert charts.memo_spec("live", spec) is live and built == [1]
    assert wire(live) == wire(charts.vega_spec(charts.styled(chart)))
    assert len(charts._memo) == 1  # a live chart does not push out the charts memo keeps


def test_a_spec_found_valid_is_not_checked_again_and_a_bad_one_raises_every_time():
    """tests/conftest.py checks each distinct spec once per test process (most reruns draw
    the same specs again): a bad spec still raises, every time, even after a good one of
    the same chart."""
    from altair.utils import schemapi

    assert getattr(schemapi.SchemaBase.validate.__func__, "_d2l_once", False)
    good = alt.Chart(pd.DataFrame({"x": [1]})).mark_line().encode(x="x:Q")
    assert charts.styled(good).to_dict() == charts.styled(good).to_dict()
    bad = good.copy()
    bad.mark = "no-such-mark"
    for _ in range(2):
        with pytest.raises(Exception, match="no-such-mark"):
            charts.styled(bad).to_dict()
