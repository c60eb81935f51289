"""The router and every page through AppTest: loads in both languages, URL state works."""

import pytest

from tests.conftest import PAGES, app_test
from ui import keys


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads(page, lang):
    at = app_test(page, lang).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_navigation_titles_are_translated():
    at = app_test("home", "zh").run()
    zh_links = [e.proto.label for e in at.get("page_link")]
    assert "1. 正态分布与平方损失" in zh_links  # the page's own heading's words, numbered
    en_links = [e.proto.label for e in app_test("home", "en").run().get("page_link")]
    assert "1. Normal distribution & squared loss" in en_links


def test_home_cards_follow_the_books_order_with_a_preview_each():
    at = app_test("home").run()
    links = [e.proto.label for e in at.get("page_link")]
    assert [label.split(". ")[0] for label in links] == ["1", "2", "3", "4", "5", "6"]
    assert "linear regression" in links[1].lower() and "classifier" in links[-1].lower()
    assert len(at.main.get("image")) == 6, "one preview picture a card"
    assert any(e.label.startswith("About") for e in at.expander)



def test_home_reports_device_and_torch():
    at = app_test("home").run()
    text = " ".join(m.value for m in at.markdown)
    assert "Device" in text and "PyTorch" in text


def test_seed_and_language_come_from_the_url():
    at = app_test("home", "zh", seed=1234).run()
    assert at.session_state[keys.SEED] == 1234
    assert at.session_state[keys.LANG] == "zh"
    assert at.sidebar.number_input[0].value == 1234


def test_changed_seed_goes_into_the_url():
    at = app_test("home").run()
    at.sidebar.number_input[0].set_value(77).run()
    assert at.query_params["seed"] == "77"


@pytest.mark.parametrize("bad", ["abc", "-1", "1e99", "", "nan", "3.5"])
def test_malformed_seed_is_ignored_with_a_notice(bad):
    at = app_test("home", seed=bad).run()
    assert not at.exception
    assert at.session_state[keys.SEED] == 0
    assert any("seed" in toast.value for toast in at.toast)


def test_unknown_parameter_is_dropped_with_a_notice():
    at = app_test("home", bogus="1").run()
    assert not at.exception
    assert "bogus" not in at.query_params
    assert any("bogus" in toast.value for toast in at.toast)


def test_unknown_language_falls_back_to_english():
    at = app_test("home", "xx").run()
    assert not at.exception and at.session_state[keys.LANG] == "en"


def test_missing_data_is_explained_on_home(no_data):
    import ui.data

    ui.data._load.clear()
    at = app_test("home").run()
    assert not at.exception
    assert any("dataset-fashion-mnist" in w.value for w in at.warning)
    ui.data._load.clear()
