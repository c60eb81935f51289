"""Controls next to what they change (issue 16 §3), in a real Chromium.

At 1920 × 1080 each representative slider sits beside or above the chart it drives, and
the two fit one screen together. On a 390 × 844 phone, where Streamlit stacks columns, the
slider lands above its chart, the two still fit one screen, and the page never scrolls
sideways. The replay's player follows the slider's thumb, and a touch of the slider stops it.
"""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, PAGE_URLS, sampled
from tests.test_lecture_phone_browser import OVERFLOW, settle
from ui import keys

pytestmark = pytest.mark.browser

# page: [(the slider's URL name, the chart it drives as its place among the page's charts,
#         the lecture section that shows it, and its place among that section's charts)];
# None: a lecture-only pair (the control sits in the section lecture mode shows)
PAIRS = {
    "normal_mse": [("curves", 0, 1, 0), ("sd3", 0, 1, 0), ("interval", 1, 1, 1),
                   ("sigma", 2, 2, 0), ("lsig", 3, 2, 1), ("rsigma", 5, 4, 0)],
    "loss_comparison": [("delta", 0, 1, 0), ("range", 0, 1, 1), ("range", None, 2, 0),
                        ("outlier", 3, 3, 0), ("delta", None, 3, 0), ("k", 5, 4, 0),
                        ("steps", 6, 4, 1), ("delta", None, 4, 1)],
    "softmax_overflow": [("scale", 0, 1, 0)],
    "softmax_regression": [("d", 1, 2, 0), ("o1", 2, 3, 0), ("temp", 2, 3, 0), ("p1", 4, 6, 0),
                           ("q2", 4, 6, 0)],
    "linear_regression": [("n", 0, 1, 0), ("w1", 0, 1, 0), ("b", 0, 1, 0)],
}
SCREENS = {"desktop": (1920, 1080), "lecture": (1920, 1080), "phone": (390, 844)}
NAV = 110  # lecture mode's Back/Next bar covers the bottom of the screen
BOXES = """([slider, index]) => {
  const box = e => { const r = e.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const chart = document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stVegaLiteChart"]')[index];
  return chart ? {slider: box(document.querySelector(slider)), chart: box(chart)} : null;
}"""


def check(page, name: str, screen: str, slider_name: str, index: int, height: int) -> None:
    """The slider beside (wide screens) or above its chart, the two within one screen."""
    slider = f".st-key-{PAGE_URLS[name]}-{slider_name}"
    page.locator(slider).scroll_into_view_if_needed()
    boxes = page.evaluate(BOXES, [slider, index])
    assert boxes, f"{name} {screen}: no chart number {index}"
    s, c = boxes["slider"], boxes["chart"]
    where = f"{name} {screen}: {slider_name} {s} against chart {index} {c}"
    beside = s["right"] <= c["left"] + 1 or s["left"] >= c["right"] - 1
    above = s["bottom"] <= c["top"] + 1
    assert above or (beside and screen != "phone"), where
    span = max(s["bottom"], c["bottom"]) - min(s["top"], c["top"])
    assert span <= height, f"{where}: {span:.0f} px, more than one screen"


@pytest.mark.parametrize("screen", sampled(list(SCREENS), keep={"desktop", "phone"}))
@pytest.mark.parametrize("name", list(PAIRS))
def test_each_slider_sits_beside_or_above_its_chart(server, browser, name, screen):
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    try:
        if screen == "lecture":  # one section at a time, each opened from its link
            for slider_name, _, section, index in PAIRS[name]:
                page.goto(f"{server}/{PAGE_URLS[name]}?lecture=1&step={section}")
                settle(page)
                check(page, name, screen, slider_name, index, height - NAV)
            return
        page.goto(f"{server}/{PAGE_URLS[name]}?all=1")  # the charts counted on the whole page
        settle(page)
        if screen == "phone":
            assert page.evaluate(OVERFLOW) <= 1, f"{name} scrolls sideways at {width} px"
        for slider_name, index, _, _ in PAIRS[name]:
            if index is not None:
                check(page, name, screen, slider_name, index, height)
        (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "layout" / f"{name}-{screen}.png"))
    finally:
        context.close()


NOW = "(slider) => Number(document.querySelector(slider + ' input[type=range]')?.value)"


def test_the_replay_player_moves_the_thumb_and_a_touch_of_the_slider_stops_it(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    replay, play = keys.selector(keys.LR_REPLAY), keys.selector(keys.LR_PLAY)
    try:
        page.goto(f"{server}/{PAGE_URLS['linear_regression']}?all=1")
        settle(page)
        page.locator(f"{keys.selector(keys.LR_TRAIN)} button").click()
        page.wait_for_function(f"() => ({NOW})('{replay}') === 300", timeout=60_000)
        settle(page)
        page.locator(f"{keys.selector(keys.LR_SPEED)} input[type=range]").press("Home")  # 5 a second
        page.wait_for_function(f"() => ({NOW})('{keys.selector(keys.LR_SPEED)}') === 0")
        settle(page)
        thumb = page.locator(f"{replay} input[type=range]")
        thumb.press("Home")
        expect(page.get_by_text("Shown: the starting point")).to_be_visible(timeout=30_000)
        settle(page)
        page.locator(f"{play} label").click()
        # the player moves the thumb with its frames (at 5 steps a second: ~60 s to the end)
        page.wait_for_function(f"() => ({NOW})('{replay}') >= 3", timeout=30_000)
        expect(page.locator(f"{play} input")).to_be_checked()
        thumb.press("Home")  # the student takes the slider back to the start
        expect(page.locator(f"{play} input")).not_to_be_checked(timeout=30_000)
        settle(page)  # a playing panel never settles: it reruns every frame
        assert page.evaluate(f"() => ({NOW})('{replay}')") == 0
        expect(page.get_by_text("Shown: the starting point")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "layout" / "replay-stopped.png"))
    finally:
        page.close()
