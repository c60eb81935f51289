"""A section is a slide (issue 26 §2): every lecture section of every lesson, at 1920 × 1080
and 1280 × 720, is fully visible above the fixed Back/Next bar or reachable with the clicker.

The forward key first scrolls to the rest of a section taller than the screen and moves on
only once its end is in view; each scroll moves less than one screen (nothing is skipped); the
back key is symmetric. Measured, not timed: the test walks every section with PageDown alone,
in one browser against one server, and writes the figures it measured to artifacts/.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, PAGE_URLS, sampled
from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser
SIZES = [(1920, 1080), (1280, 720)]
LESSONS = [name for name in PAGE_URLS if name != "home"]
MAX_SCROLLS = 12  # a section needing more is not a slide any more

# The visible part (main area's top to the bar's top), the section's end, the main area's
# scroll position and the first section heading's top: window.d2lLecture (ui/style.py)
# measures what the key handler measures; the test fails if it is missing.
STATE = """() => {
  const {view, contentBottom} = window.d2lLecture;
  const v = view();
  const main = document.querySelector('[data-testid="stMain"]');
  const heading = main.querySelector('h2');
  return {top: v.top, bottom: v.bottom, end: contentBottom(v.nav), scroll: main.scrollTop,
          max: main.scrollHeight - main.clientHeight,
          heading: heading ? heading.getBoundingClientRect().top : null};
}"""
LANDED = """() => {  // lesson.finish brings a new section's heading to the top
  const main = document.querySelector('[data-testid="stMain"]');
  const heading = main.querySelector('h2');
  if (!heading || !window.d2lLecture) return false;
  const top = window.d2lLecture.view().top, at = heading.getBoundingClientRect().top;
  return at >= top - 2 && (at <= top + 40 ||
    main.scrollTop >= main.scrollHeight - main.clientHeight - 1);
}"""


def move(page, key: str) -> None:
    """Press a clicker key until the section changes: first through the rest of the
    section (scrolls), then once more (the move itself, which the caller waits for)."""
    forward = key in ("ArrowRight", "PageDown", "Space")
    for _ in range(MAX_SCROLLS):
        state = page.evaluate(STATE)
        if forward and (state["end"] - state["bottom"] <= 2 or state["scroll"] >= state["max"]):
            break
        if not forward and (state["heading"] is None or state["heading"] >= state["top"] + 14
                            or state["scroll"] <= 0):
            break
        page.keyboard.press(key)
        page.wait_for_function(f"() => document.querySelector('[data-testid=\"stMain\"]')"
                               f".scrollTop !== {state['scroll']}", timeout=10_000)
    page.keyboard.press(key)


def step_of(page) -> int:
    return int(re.search(r"[?&]step=(\d+)", page.url).group(1))


def walk(page, name: str, size: tuple[int, int], count: int) -> list[int]:
    """Press PageDown through every section; the scrolls each section needed."""
    scrolls = []
    for step in range(1, count + 1):
        where = f"{name} at {size[0]}×{size[1]}, section {step}"
        if step > 1:
            try:
                page.wait_for_function(LANDED, timeout=30_000)
            except Exception as error:  # a timeout: say where, and what was measured
                raise AssertionError(f"{where}: opens away from its start, "
                                     f"{page.evaluate(STATE)}") from error
        used = 0
        while True:
            state = page.evaluate(STATE)
            hidden = state["end"] - state["bottom"]
            if hidden <= 2:  # the whole section is in view: the forward key moves on
                break
            assert state["scroll"] < state["max"], f"{where}: {hidden:.0f} px out of reach"
            page.keyboard.press("PageDown")
            page.wait_for_function(
                f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTop "
                f"!== {state['scroll']}", timeout=10_000)
            after = page.evaluate(STATE)
            assert step_of(page) == step, f"{where}: moved on with {hidden:.0f} px unseen"
            moved = after["scroll"] - state["scroll"]
            assert 0 < moved < state["bottom"] - state["top"], f"{where}: scrolled {moved} px"
            used += 1
            assert used <= MAX_SCROLLS, f"{where}: more than {MAX_SCROLLS} screens"
        scrolls.append(used)
        if step < count:
            page.keyboard.press("PageDown")
            expect(page).to_have_url(re.compile(rf"[?&]step={step + 1}(&|$)"), timeout=60_000)
            expect(page.locator(".st-key-_lesson-nav")).to_contain_text(
                f"{step + 1} / ", timeout=60_000)
            settle(page)
    return scrolls


@pytest.mark.parametrize("size", sampled(SIZES, keep={(1280, 720)}),  # 720p is the harder
                         ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_lecture_section_is_visible_or_reachable_with_the_forward_key(server, browser,
                                                                            size):
    width, height = size
    figures = {}
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for name in LESSONS:
            page.goto(f"{server}/{PAGE_URLS[name]}?lecture=1&step=1")
            expect(page.locator(".st-key-_lesson-nav")).to_contain_text("1 / ", timeout=60_000)
            settle(page)
            count = int(re.search(r"1 / (\d+)", page.locator(
                ".st-key-_lesson-nav").inner_text()).group(1))
            figures[name] = walk(page, name, size, count)
    finally:
        page.close()
    ARTIFACTS.mkdir(exist_ok=True)  # the figures: scrolls each section needed, per lesson
    (ARTIFACTS / f"lecture-sections-{width}x{height}.json").write_text(json.dumps(figures))
    sections = [s for v in figures.values() for s in v]
    print(f"\n{width}x{height}: {sum(s == 0 for s in sections)} of {len(sections)} sections "
          f"fit one screen; the others need {max(sections)} forward presses at most")


def test_the_back_key_scrolls_up_to_the_sections_start_before_it_goes_back(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(f"{server}/loss-comparison?lecture=1&step=3")
        expect(page.locator(".st-key-_lesson-nav")).to_contain_text("3 / ", timeout=60_000)
        settle(page)
        page.wait_for_function(LANDED, timeout=30_000)
        while (state := page.evaluate(STATE))["end"] - state["bottom"] > 2:
            page.keyboard.press("Space")
            page.wait_for_function(f"() => document.querySelector("
                                   f"'[data-testid=\"stMain\"]').scrollTop !== {state['scroll']}")
        start = page.evaluate(STATE)
        assert start["heading"] < start["top"], "the section is taller than a 720 px screen"
        presses = 0
        while (state := page.evaluate(STATE))["heading"] < state["top"] + 14:
            page.keyboard.press("Shift+Space")
            page.wait_for_function(f"() => document.querySelector("
                                   f"'[data-testid=\"stMain\"]').scrollTop !== {state['scroll']}")
            assert step_of(page) == 3, "went back before the section's start was in view"
            presses += 1
            assert presses <= MAX_SCROLLS
        page.keyboard.press("PageUp")
        expect(page).to_have_url(re.compile(r"[?&]step=2(&|$)"), timeout=60_000)
    finally:
        page.close()
