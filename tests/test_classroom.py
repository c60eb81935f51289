"""Lecture mode, the share link and its QR code, chart export."""

import io

import altair as alt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PAGES, app_test, open_answers
from ui import keys
from ui.charts import to_csv


def headers(at) -> list[str]:
    return [h.value for h in at.header]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_lecture_mode_walks_every_section(page, lang):
    normal = app_test(page, lang).run()
    sections = headers(normal)
    at = app_test(page, lang, lecture="1").run()
    assert not at.exception
    if len(sections) <= 1:
        return
    seen = [headers(at)]
    assert seen[0] == sections[:1], "lecture mode shows the first section only"
    for _ in range(len(sections) - 1):
        at.button(key="_lesson.next").click().run()
        assert not at.exception
        seen.append(headers(at))
    assert [h for step in seen for h in step] == sections
    assert at.button(key="_lesson.next").disabled
    at.button(key="_lesson.back").click().run()
    assert headers(at) == sections[-2:-1]


def test_leaving_lecture_mode_keeps_the_settings():
    at = app_test("home", seed=99, lecture="1").run()
    at.sidebar.toggle[0].set_value(False).run()
    assert not at.exception and at.session_state[keys.SEED] == 99


def share_link(at) -> str:
    return next(c.value for c in at.sidebar.code)


def test_share_link_carries_page_and_settings():
    at = app_test("home", "zh", seed=31).run()
    link = share_link(at)
    assert link.startswith("http") and "seed=31" in link and "lang=zh" in link


def test_share_link_uses_the_configured_base(monkeypatch):
    monkeypatch.setenv("D2L_BASE_URL", "https://class.example.org/d2l/")
    assert share_link(app_test("home", seed=5).run()) == "https://class.example.org/d2l/?seed=5"
    at = app_test("normal_mse", "zh", seed=5, all=0).run()  # the default view
    assert share_link(at) == "https://class.example.org/d2l/normal-mse?lang=zh&seed=5"


def test_qr_code_decodes_to_the_link():
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    from ui.share import qr_png

    link = "http://192.168.1.20:8501/normal-mse?sigma=2.5&lang=zh&seed=7"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(link))))
    assert decoded[0].text == link


def test_csv_export_of_a_layered_chart():
    a = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    b = pd.DataFrame({"x": [5], "y": [6]})
    chart = alt.layer(alt.Chart(a).mark_line().encode(x="x", y="y"),
                      alt.Chart(b).mark_point().encode(x="x", y="y"))
    rows = to_csv(chart).strip().splitlines()
    assert rows[0] == "layer,x,y" and rows[1:] == ["0,1,3", "0,2,4", "1,5,6"]
    assert to_csv(alt.Chart(a).mark_line()).splitlines()[0] == "x,y"


def test_chart_has_an_export_menu():
    def script():
        import altair as alt
        import pandas as pd

        from ui.charts import show

        show(alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x"), name="demo")
        show(alt.Chart(pd.DataFrame({"x": [3]})).mark_bar().encode(x="x"), name="demo")

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2
    assert len(at.get("download_button")) == 6


def test_export_renders_png_and_svg_of_a_large_chart():
    from ui import charts

    frame = pd.DataFrame({"x": range(6000), "y": range(6000)})
    chart = alt.Chart(frame).mark_line().encode(x="x", y="y")
    made = {}

    class Box:
        def container(self, *a, **k):  # the corner the menu sits in
            return self

        def popover(self, *a, **k):
            import contextlib
            return contextlib.nullcontext()

    import streamlit as st

    original = st.download_button
    st.download_button = lambda label, data, *a, **k: made.setdefault(label, data())
    try:
        charts._export(chart, Box(), "big")
    finally:
        st.download_button = original
    assert made["PNG"][:8] == b"\x89PNG\r\n\x1a\n"
    assert made["SVG"].lstrip().startswith("<svg")
    assert made["CSV"].count("\n") == 6001


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", [p for p in PAGES if p != "home"])
def test_every_lesson_ends_with_exercises_and_answers(page, lang):
    at = app_test(page, lang).run()
    reveal = "Show the answer" if lang == "en" else "显示答案"
    answers = [e for e in at.expander if e.label == reveal]
    assert 2 <= len(answers) <= 10, f"{page}: {len(answers)} exercises"  # a section's worth
    assert not any(e.markdown for e in answers)  # drawn when opened: lighter to open the page
    answers = [e for e in open_answers(at).expander if e.label == reveal]
    for expander in answers:
        assert expander.markdown and all(m.value.strip() for m in expander.markdown)
    assert headers(at)[-1] == ("Questions to think about" if lang == "en" else "思考题")
