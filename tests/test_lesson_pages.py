"""A lesson shows one section at a time (ui.lesson.paged): the contents above it name every
section, buttons under it lead to the previous and the next, the link keeps the section and
the settings of the sections not shown; the sidebar's "Whole page" shows every section."""

import pytest

from tests.conftest import PAGES, app_test
from ui import keys

LESSONS = [p for p in PAGES if p != "home"]


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def contents(at):
    return at.segmented_control(key=keys.LESSON_PICK)


def share_link(at) -> str:
    return at.sidebar.code[-1].value


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", LESSONS)
def test_a_lesson_opens_on_its_first_section_under_contents_naming_them_all(page, lang):
    whole = headers(app_test(page, lang).run())
    at = app_test(page, lang, all=0).run()
    assert not at.exception
    assert len(whole) >= 4, "every lesson has sections and exercises"
    assert headers(at) == whole[:1]
    assert contents(at).options == whole and contents(at).value == 0
    assert [b.key for b in at.button if b.key in (keys.LESSON_PREV, keys.LESSON_FOLLOW)] == \
        [keys.LESSON_FOLLOW], "the first section leads only forward"
    assert at.button(key=keys.LESSON_FOLLOW).label == f"{whole[1]} →"
    assert "step" not in at.query_params, "the first section keeps the link short"


def test_next_previous_and_the_contents_move_between_sections_and_the_link_follows():
    whole = headers(app_test("normal_mse").run())
    at = app_test("normal_mse", all=0).run()
    at.button(key=keys.LESSON_FOLLOW).click().run()
    assert headers(at) == whole[1:2] and at.query_params["step"] == "2"
    assert contents(at).value == 1, "the contents follow the button"
    assert at.button(key=keys.LESSON_PREV).label == f"← {whole[0]}"
    contents(at).set_value(whole[-1]).run()  # AppTest sets a choice by its label
    assert headers(at) == whole[-1:] and at.query_params["step"] == str(len(whole))
    assert not [b for b in at.button if b.key == keys.LESSON_FOLLOW], "the last leads back only"
    at.button(key=keys.LESSON_PREV).click().run()
    assert headers(at) == whole[-2:-1]
    assert f"step={len(whole) - 1}" in share_link(at), "a shared link opens this section"
    at.button(key=keys.LESSON_PREV).click().run()
    assert at.query_params["step"] == str(len(whole) - 2)


def test_a_link_to_a_section_opens_it_and_a_bad_one_opens_the_first_or_last():
    whole = headers(app_test("loss_comparison").run())
    at = app_test("loss_comparison", all=0, step="3").run()
    assert not at.exception and headers(at) == whole[2:3] and contents(at).value == 2
    for bad in ("0", "-2", "abc", "99999", "2.5"):
        at = app_test("loss_comparison", all=0, step=bad).run()
        assert not at.exception and headers(at) in (whole[:1], whole[-1:])


def test_a_setting_moved_in_one_section_is_kept_while_another_is_shown():
    at = app_test("normal_mse", all=0).run()
    at.slider(key="normal-mse.mu1").set_value(2.5).run()
    at.button(key=keys.LESSON_FOLLOW).click().run()
    assert at.query_params["mu1"] == "2.5", "a hidden section's setting stays in the link"
    assert "mu1=2.5" in share_link(at)
    at.button(key=keys.LESSON_PREV).click().run()
    assert at.slider(key="normal-mse.mu1").value == 2.5


def test_a_hidden_sections_setting_from_a_link_is_kept():
    """rn is section 4's setting: the link opens section 1, and no run has drawn rn yet."""
    at = app_test("normal_mse", all=0, rn="777").run()
    assert not at.exception and not at.toast
    assert at.query_params["rn"] == "777" and "rn=777" in share_link(at)
    contents(at).set_value(contents(at).options[3]).run()
    assert at.slider(key="normal-mse.rn").value == 777


def test_the_whole_page_switch_draws_every_section_without_contents_or_step():
    at = app_test("softmax_regression", all=0, step="2").run()
    at.sidebar.toggle(key=keys.WHOLE).set_value(True).run()
    assert not at.exception and not at.toast
    assert len(headers(at)) >= 8 and not at.segmented_control
    assert "step" not in at.query_params and at.query_params["all"] == "1"
    assert "all=1" in share_link(at) and "step" not in share_link(at)


def test_lecture_mode_has_its_own_bar_and_no_contents():
    at = app_test("normal_mse", lecture="1", all=1).run()  # lecture mode shows one section
    assert len(headers(at)) == 1 and not at.segmented_control
    assert at.sidebar.toggle(key=keys.WHOLE).disabled
    assert at.button(key=keys.LESSON_NEXT) and not [
        b for b in at.button if b.key in (keys.LESSON_PREV, keys.LESSON_FOLLOW)]


def test_the_home_page_has_no_sections_to_page_through():
    at = app_test("home", all=0).run()
    assert not at.exception and not at.segmented_control and "step" not in at.query_params


@pytest.mark.parametrize("page", ["linear_regression", "softmax_classifier"])
def test_a_class_experiments_link_lands_on_the_section_where_the_run_is_made(page, tmp_path,
                                                                           monkeypatch):
    from ui import classroom

    monkeypatch.setenv(classroom.ENV_DB, str(tmp_path / "class.sqlite3"))
    lesson = "linreg" if page == "linear_regression" else "classifier"
    store = classroom.open_store()
    code = store.create_room("teacher", lesson).code
    whole = headers(app_test(page).run())
    at = app_test(page, all=0, room=code).run()
    assert not at.exception
    train = {"linear_regression": keys.LR_TRAIN, "softmax_classifier": keys.SC_TRAIN}[page]
    assert len(headers(at)) == 1 and at.button(key=train), "the section with Train is shown"
    assert contents(at).value == whole.index(headers(at)[0])
    contents(at).set_value(whole[0]).run()  # the student may still read from the start
    assert headers(at) == whole[:1]
    at = app_test(page, all=0, room=code, step="2").run()  # a link naming its section
    assert headers(at) == whole[1:2]


def test_a_page_without_sections_keeps_no_other_pages_setting_in_its_link():
    """Only a page that hid sections keeps their settings: the home page hides none."""
    at = app_test("home", all=0, mu1="2.5", step="3").run()
    assert not at.exception and not at.toast, "another page's setting is dropped silently"
    assert "mu1" not in at.query_params and "step" not in at.query_params
    assert "mu1" not in share_link(at) and "step" not in share_link(at)
