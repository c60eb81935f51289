"""A real browser clicks a picture of the classifier's grid (issue 16 §4).

The click must inspect that test image: the `pick` select, the link's `pick` parameter, the
caption, and the drawn image and bars all change. The inspected image stands beside its bars
on a wide screen and above them on a 390 px phone. Every step waits for the state it checks.
"""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.conftest import PAGE_URLS, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.realdata]

GRID = '[class*="st-key-sc-grid"] .vega-embed'


def trained_page(page, server):
    # a fresh server answers its very first deep link with a "Page not found" dialog
    page.goto(f"{server}/?lang=en")
    wait_for_app(page)
    page.goto(f"{server}/{PAGE_URLS['softmax_classifier']}?lang=en&epochs=1&all=1")
    wait_for_app(page)
    page.locator(".st-key-sc-train button").click()
    expect(page.locator(GRID)).to_be_visible(timeout=120_000)  # drawn once a model exists
    wait_for_app(page)


def inspected_row(page):
    """The columns that hold the inspected image (left) and its bars (right)."""
    row = page.locator('[data-testid="stHorizontalBlock"]').filter(has_text="Test image #")
    return row.locator(':scope > [data-testid="stColumn"]')


def wait_for_url(page, test: str) -> None:
    """Until `test` (JS over `p`, the link's URLSearchParams) holds."""
    page.wait_for_function(
        f"() => {{ const p = new URLSearchParams(location.search); return {test}; }}")


def changed_screenshot(locator, before: bytes, timeout_s: float = 30) -> bytes:
    """A screenshot of `locator` once it differs from `before` (charts redraw after the DOM)."""
    deadline = time.monotonic() + timeout_s
    while True:
        now = locator.screenshot(animations="disabled")
        if now != before or time.monotonic() > deadline:
            return now


def test_clicking_a_thumbnail_inspects_it(server, page):
    trained_page(page, server)
    grid = page.locator(GRID)
    grid.scroll_into_view_if_needed()
    expect(grid.locator("canvas, svg.marks").first).to_be_visible()
    columns = inspected_row(page)
    expect(columns.first).to_contain_text("Test image #0:")
    assert "pick=" not in page.url  # the default (first) picture is not in the link
    columns.first.scroll_into_view_if_needed()
    before = columns.first.screenshot(animations="disabled")
    bars_before = columns.nth(1).screenshot(animations="disabled")

    grid.scroll_into_view_if_needed()
    box = grid.locator("canvas, svg.marks").first.bounding_box()
    cell = box["width"] / 8  # GRID_COLUMNS pictures a row; the third is test image 2
    page.mouse.click(box["x"] + 2.5 * cell, box["y"] + 45)

    wait_for_url(page, "p.get('pick') === '2'")
    wait_for_app(page)
    expect(columns.first).to_contain_text("Test image #2:")
    expect(page.get_by_role("combobox", name="Image to inspect")).to_have_value(
        re.compile(r"^#2: "))
    columns.first.scroll_into_view_if_needed()
    assert changed_screenshot(columns.first, before) != before, "the image was not redrawn"
    assert changed_screenshot(columns.nth(1), bars_before) != bars_before, "bars not redrawn"
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)

    # back to the first picture with the select; a click on the third one counts again
    page.get_by_role("combobox", name="Image to inspect").click()
    page.get_by_role("option", name=re.compile(r"^#0: ")).click()
    wait_for_url(page, "!p.has('pick')")
    wait_for_app(page)
    expect(columns.first).to_contain_text("Test image #0:")
    grid.scroll_into_view_if_needed()
    box = grid.locator("canvas, svg.marks").first.bounding_box()
    page.mouse.click(box["x"] + 2.5 * cell, box["y"] + 45)
    wait_for_url(page, "p.get('pick') === '2'")
    expect(columns.first).to_contain_text("Test image #2:")

    # side by side here; on a 390 px phone the image stands above its bars
    left, right = columns.first.bounding_box(), columns.nth(1).bounding_box()
    assert right["x"] >= left["x"] + left["width"] - 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(
        """() => { const cols = [...document.querySelectorAll('[data-testid="stColumn"]')]
             .filter(c => c.parentElement.textContent.includes('Test image #'));
           if (cols.length < 2) return false;
           const a = cols[0].getBoundingClientRect(), b = cols[1].getBoundingClientRect();
           return b.top >= a.bottom - 1; }""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # the weights grid and the confusion matrix scroll in their own boxes, each with a hint
    hints = page.locator('[class*="st-key-_scroll_hint"]')
    page.wait_for_function("""() => [...document.querySelectorAll(
        '[class*="st-key-_scroll_hint"]')].filter(e => e.offsetParent !== null).length >= 2""")
    expect(hints.last).to_contain_text("sideways")
