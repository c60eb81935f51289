"""Phone and projector text (issue 26 §5), measured in a real Chromium.

In lecture mode the board's counts (every st.metric) grow and radio options are at least the
charts' axis size; on a 390 px phone every small control is a tap target of at least 24 × 24
px (WCAG 2.2, 2.5.8).
"""

import pytest
from playwright.sync_api import expect

from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser
LECTURE_AXIS = 20  # px: ui.charts.LECTURE_FONTS["label"]

# The computed size of the text itself: the deepest element holding the widget's text.
TEXT_PX = """(selector) => [...document.querySelectorAll(selector)].map(box => {
  let e = box;
  while (e.firstElementChild && e.textContent.trim() ===
         [...e.children].map(c => c.textContent).join('').trim()) e = e.lastElementChild;
  return parseFloat(getComputedStyle(e).fontSize);
})"""
BOXES = """(selector) => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length)
  .map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"""


def test_metrics_and_radio_options_grow_in_lecture_mode(server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(f"{server}/softmax-regression?lecture=1&step=3")
        settle(page)
        metrics = page.evaluate(TEXT_PX, '[data-testid="stMain"] [data-testid="stMetricValue"]')
        assert metrics and min(metrics) >= 40, f"st.metric values at {metrics} px"
        page.goto(f"{server}/loss-comparison?lecture=1&step=1")
        settle(page)
        options = page.evaluate(TEXT_PX, '[data-testid="stMain"] [data-testid="stRadioOption"]')
        assert options and min(options) >= LECTURE_AXIS, f"radio options at {options} px"
    finally:
        page.close()


@pytest.mark.parametrize(("name", "selector"), [
    ("normal-mse", '[data-testid="stRadioOption"]'),
    ("normal-mse", '[data-testid="stCheckbox"] label'),
    ("normal-mse", '[data-testid="stMain"] [data-testid="stTooltipHoverTarget"] button'),
    ("softmax-regression", '[data-testid="stRadioOption"]'),
])
def test_small_controls_are_tap_targets_of_24_px_on_a_phone(server, browser, name, selector):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{server}/{name}?all=1")
        settle(page)
        boxes = page.evaluate(BOXES, selector)
        assert boxes, f"no {selector} on {name}"
        small = [box for box in boxes if box[0] < 24 or box[1] < 24]
        assert not small, f"{name}: {selector} smaller than 24 × 24 px: {small}"
    finally:
        context.close()


def test_a_chart_has_one_export_route_the_apps_named_menu(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/normal-mse")
        settle(page)
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.hover()
        toolbar = page.locator('[data-testid="stElementToolbar"]').first
        toolbar.locator("button").first.wait_for(state="visible", timeout=10_000)
        shown = [b.get_attribute("aria-label") for b in toolbar.locator("button").all()
                 if b.is_visible()]
        assert shown and "Download as PNG" not in shown, shown
        expect(page.get_by_role("button", name="Export").first).to_be_visible()
    finally:
        page.close()
