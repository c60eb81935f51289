"""A presenter's clicker in lecture mode, in a real Chromium (issue 26 §1).

After the teacher touches a control with the mouse (a slider, a radio, a select, a button), the
clicker's keys (→ PageDown Space forward, ← PageUp Shift+Space back) still move the lecture,
whatever has focus, and the control keeps its value (so does the link). Only a field being typed
in keeps its keys. The window is tall enough that each section fits it: here only focus is on
trial (tests/test_lecture_sections_browser.py measures the sections' heights).

The bar stays on screen through a run that redraws the section, and a key pressed while a run
has not drawn it yet waits for it: a key pressed just after a touch of "Time both" was lost
when that run took the bar away (CI's one failure, a rare race: the tests below stage it
instead of waiting for it). A run that ends without the bar drops the key.
"""

import contextlib
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


@contextlib.contextmanager
def lecture_at(server, browser, path: str, step: int):
    """A tall window on the lecture's section `step` of the page at `path`, closed after."""
    page = browser.new_page(viewport=TALL)
    try:
        page.goto(f"{server}/{path}?lecture=1&step={step}")
        at_step(page, step)
        yield page
    finally:
        page.close()


def link_without_step(page) -> dict:
    query = parse_qs(urlsplit(page.url).query)
    query.pop("step", None)
    return query


@pytest.mark.parametrize("kind", sampled(list(CONTROLS), keep={"slider", "button"}))
def test_clicker_keys_move_the_lecture_after_a_touch_of_any_control(server, browser, kind):
    name, step, touch, focus = CONTROLS[kind]
    with lecture_at(server, browser, name, step) as page:
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


def test_a_field_being_typed_in_keeps_its_keys(server, browser):
    """The seed's number field is in the sidebar (collapsed in lecture mode): open it."""
    with lecture_at(server, browser, "normal-mse", 2) as page:
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        field = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"] input')
        field.click()
        field.fill("12")
        for key in ["ArrowLeft", "ArrowRight", "Space"]:
            page.keyboard.press(key)
        expect(field).to_have_value("12")  # the caret moved, not the lecture
        assert re.search(r"[?&]step=2(&|$)", page.url)
        expect(page.locator(".st-key-_lesson-nav")).to_contain_text("2 / ")


# The bar away while a run draws the page (stApp's script state "running"): taken out of the
# page here, as a run that redraws the elements above it took it out until its end.
BAR_AWAY = """() => {
  const nav = document.querySelector('.st-key-_lesson-nav');
  const app = document.querySelector('[data-testid="stApp"]');
  const parent = nav.parentNode, next = nav.nextSibling;
  nav.remove();
  app.setAttribute('data-test-script-state', 'running');
  window.d2lBarBack = () => {
    parent.insertBefore(nav, next);
    app.setAttribute('data-test-script-state', 'notRunning');
  };
}"""
PREVENTED = """() => window.addEventListener(  // after every listener: the page's own last
  'keydown', e => { window.d2lPrevented = e.defaultPrevented; }, {once: true})"""


def test_a_key_pressed_while_the_bar_is_away_waits_for_it(server, browser):
    with lecture_at(server, browser, "linear-regression", 2) as page:
        acted = page.evaluate("() => window.d2lLecture.acted")
        page.evaluate(BAR_AWAY)
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.d2lLecture.acted") == acted, "acted without the bar"
        assert re.search(r"[?&]step=2(&|$)", page.url), "moved without the bar"
        page.evaluate("() => window.d2lBarBack()")
        page.wait_for_function(f"() => window.d2lLecture.acted > {acted}")
        assert page.evaluate("() => window.d2lLecture.last") == "next"
        at_step(page, 3)


def test_a_key_is_dropped_when_the_run_ends_without_the_bar(server, browser):
    with lecture_at(server, browser, "linear-regression", 2) as page:
        acted = page.evaluate("() => window.d2lLecture.acted")
        page.evaluate(BAR_AWAY)
        page.keyboard.press("ArrowRight")
        page.evaluate("() => document.querySelector('[data-testid=\"stApp\"]')"
                      ".setAttribute('data-test-script-state', 'notRunning')")
        page.wait_for_function(f"() => window.d2lLecture.acted > {acted}")
        assert page.evaluate("() => window.d2lLecture.last") == "dropped"
        page.evaluate("() => window.d2lBarBack()")  # the bar again: the key stays dropped
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.d2lLecture.acted") == acted + 1, "acted again"
        assert re.search(r"[?&]step=2(&|$)", page.url), "a dropped key moved the lecture"


def test_a_lecture_page_without_sections_keeps_the_keys(server, browser):
    """The home page has no sections, so no bar: its keys scroll it as usual."""
    page = browser.new_page(viewport=TALL)
    try:
        page.goto(f"{server}/?lecture=1")
        settle(page)
        page.evaluate(PREVENTED)
        page.keyboard.press("PageDown")
        assert page.evaluate("() => window.d2lPrevented") is False
    finally:
        page.close()


# Counts the times the bar was taken out of the page (even if put back at once), from now on.
WATCH_BAR = """() => {
  window.d2lBarGone = 0;
  const bar = (node) => node.nodeType === 1 && (node.matches('.st-key-_lesson-nav') ||
    !!node.querySelector('.st-key-_lesson-nav'));
  new MutationObserver((records) => {
    for (const r of records) window.d2lBarGone += [...r.removedNodes].filter(bar).length;
  }).observe(document.body, {childList: true, subtree: true});
}"""


def test_the_bar_stays_while_a_section_grows(server, browser):
    """A click on "Time both" adds its result above where the bar was drawn: the bar's slot,
    above the section, keeps its place, and the bar stays on screen through the run."""
    with lecture_at(server, browser, "linear-regression", 4) as page:
        page.evaluate(WATCH_BAR)
        page.locator(BUTTON).click()
        expect(page.get_by_text("slower (n = ")).to_be_visible(timeout=60_000)
        settle(page)
        assert page.evaluate("() => window.d2lBarGone") == 0, "the bar left the screen"
