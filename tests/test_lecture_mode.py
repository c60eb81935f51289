"""Lecture mode's link and the charts' back-row styling, without a browser (issue 16)."""

import altair as alt
import pandas as pd
import pytest

from tests.conftest import app_test
from ui import charts, share


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def test_the_link_names_the_section_and_reopens_it():
    sections = headers(app_test("normal_mse").run())
    at = app_test("normal_mse", lecture="1").run()
    assert at.query_params["step"] == "1"
    at.button(key="_lesson.next").click().run()
    assert at.query_params["step"] == "2" and headers(at) == sections[1:2]
    reopened = app_test("normal_mse", lecture="1", step="3").run()  # a fresh session
    assert not reopened.exception and headers(reopened) == sections[2:3]


@pytest.mark.parametrize("step", ["0", "-1", "abc", "99999", "2.5", ""])
def test_a_bad_step_in_the_link_opens_the_first_or_last_section(step):
    sections = headers(app_test("normal_mse").run())
    at = app_test("normal_mse", lecture="1", step=step).run()
    assert not at.exception
    assert headers(at) in (sections[:1], sections[-1:])


def test_charts_grow_in_lecture_mode_and_keep_one_readable_type_size():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q").properties(
        height=300)
    normal, lecture = charts.styled(chart).to_dict(), charts.styled(chart, True).to_dict()
    assert normal["config"]["axis"]["labelFontSize"] >= 13
    assert normal["config"]["axis"]["titleFontSize"] >= 14
    assert normal["config"]["legend"]["labelLimit"] == 0, "legends are never truncated"
    assert lecture["config"]["axis"]["labelFontSize"] > normal["config"]["axis"]["labelFontSize"]
    assert lecture["height"] > normal["height"] == 300


def test_value_labels_are_at_least_the_axis_labels_size():
    """Numbers on bars and peaks (text marks) were 13 px beside 20 px axes in lecture mode;
    a text mark fitted to a fixed layout (a width `limit`) keeps its size."""
    frame = pd.DataFrame({"x": [1, 2]})
    bars = alt.Chart(frame).mark_bar().encode(x="x:Q")
    labels = alt.Chart(frame).mark_text(fontSize=13, dy=-2).encode(x="x:Q", text="x:Q")
    fitted = alt.Chart(frame).mark_text(fontSize=13, limit=40).encode(x="x:Q", text="x:Q")
    chart = alt.layer(bars, labels, fitted)
    for lecture in (False, True):
        axis = charts.styled(chart, lecture).to_dict()
        size = axis["config"]["axis"]["labelFontSize"]
        marks = [layer["mark"] for layer in axis["layer"]]
        assert marks[1]["fontSize"] >= size and marks[2]["fontSize"] == 13
    assert labels.to_dict()["mark"]["fontSize"] == 13, "the builder's chart is left as it was"


def test_export_names_say_which_page_and_which_chart():
    from ui.charts import linear_regression as lr_charts

    chart = lr_charts.scatter([1.0], [2.0], x_title="x", y_title="y")
    assert charts.file_name(chart, None).endswith("-data")
    assert charts.file_name(chart, "Loss vs. accuracy").endswith("-loss-vs-accuracy")
    assert charts.file_name(chart, None).startswith("d2l-")


@pytest.mark.parametrize(("link", "local"), [
    ("http://localhost:8501/normal-mse", "localhost"), ("http://127.0.0.1:9/x", "127.0.0.1"),
    ("http://[::1]:8501/", "::1"), ("http://192.168.1.20:8501/", None),
    ("https://d2l.example.org/overview?lang=zh", None)])
def test_a_link_to_this_computer_is_recognised(link, local):
    assert share.local_host(link) == local


def test_a_links_step_without_lecture_mode_is_dropped_without_a_notice():
    """A lecture link opened with lecture mode off: no 'unknown parameter' toast for step."""
    at = app_test("softmax_regression", step="3").run()
    assert not at.exception
    assert [toast.value for toast in at.toast] == []
    assert "step" not in at.query_params
