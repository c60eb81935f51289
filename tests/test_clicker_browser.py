"""A presenter's clicker in lecture mode, in a real Chromium (issue 26 §1).

After the teacher touches a control with the mouse (a slider, a radio, a select, a button), the
clicker's keys (→ PageDown Space forward, ← PageUp Shift+Space back) still move the lecture,
whatever has focus, and the control keeps its value (so does the link). Only a field being typed
in keeps its keys. The window is tall enough that each section fits it: here only focus is on
trial (tests/test_lecture_sections_browser.py measures the sections' heights).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import sampled
from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser
FORWARD, BACKWARD = ["ArrowRight", "PageDown", "Space"], ["ArrowLeft", "PageUp", "Shift+Space"]
TALL = {"width": 1920, "height": 2800}  # every section used here fits: no scrolling within

# kind: (page, the section that holds the control, how to touch it, the element that takes
#        focus)
SLIDER = ".st-key-loss-comparison-delta input[type=range]"
RADIO = ".st-key-loss-comparison-form"
SELECT = ".st-key-softmax-regression-y1"
BUTTON = ".st-key-linear-regression-vector button"
CONTROLS = {
    "slider": ("loss-comparison", 2, f"{SLIDER} >> xpath=../..", SLIDER),
    "radio": ("loss-comparison", 2, f"{RADIO} label >> nth=1", f"{RADIO} input >> nth=1"),
    "select": ("softmax-regression", 4, f"{SELECT} [role=combobox]",
               f"{SELECT} input"),
    "button": ("linear-regression", 4, BUTTON, BUTTON),
}
VALUE = """(element) => {  // the widget's inputs and what it shows
  const input = element.closest('[data-testid="stElementContainer"]');
  return [...input.querySelectorAll('input')].map(i => i.type === 'radio' ? i.checked : i.value)
    .join('|') + '|' + input.innerText;
}"""


def at_step(page, step: int) -> None:
    expect(page).to_have_url(re.compile(rf"[?&]step={step}(&|$)"), timeout=60_000)
    expect(page.locator(".st-key-_lesson-nav")).to_contain_text(f"{step} / ", timeout=60_000)
    settle(page)


def link_without_step(page) -> dict:
    query = parse_qs(urlsplit(page.url).query)
    query.pop("step", None)
    return query


@pytest.mark.parametrize("kind", sampled(list(CONTROLS), keep={"slider", "button"}))
def test_clicker_keys_move_the_lecture_after_a_touch_of_any_control(server, browser, kind):
    name, step, touch, focus = CONTROLS[kind]
    page = browser.new_page(viewport=TALL)
    try:
        page.goto(f"{server}/{name}?lecture=1&step={step}")
        at_step(page, step)
        for key in FORWARD + BACKWARD:
            page.locator(touch).click()  # the teacher shows what the control does
            settle(page)
            page.locator(focus).focus()  # and it keeps focus (the harder case: no pointerup)
            value, link = page.locator(focus).evaluate(VALUE), link_without_step(page)
            page.keyboard.press(key)
            moved = step + 1 if key in FORWARD else step - 1
            at_step(page, moved)
            where = f"{kind}, {key}"
            assert link_without_step(page) == link, f"{where}: the link changed"
            page.keyboard.press("ArrowLeft" if key in FORWARD else "ArrowRight")
            at_step(page, step)
            assert page.locator(focus).evaluate(VALUE) == value, f"{where}: the control's value changed"
            assert link_without_step(page) == link, f"{where}: the link changed"
    finally:
        page.close()


def test_a_field_being_typed_in_keeps_its_keys(server, browser):
    """The seed's number field is in the sidebar (collapsed in lecture mode): open it."""
    page = browser.new_page(viewport=TALL)
    try:
        page.goto(f"{server}/normal-mse?lecture=1&step=2")
        at_step(page, 2)
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        field = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"] input')
        field.click()
        field.fill("12")
        for key in ["ArrowLeft", "ArrowRight", "Space"]:
            page.keyboard.press(key)
        expect(field).to_have_value("12")  # the caret moved, not the lecture
        assert re.search(r"[?&]step=2(&|$)", page.url)
        expect(page.locator(".st-key-_lesson-nav")).to_contain_text("2 / ")
    finally:
        page.close()
