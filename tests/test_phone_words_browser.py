"""Whole words on a 390 × 844 phone (issue 26, second pass), measured in a real Chromium.

The classifier's test-image grid names every class whole (it had cut "ankl…", "✓ tro…") and
the captions of its training images never break inside a word ("pullo/ver"); every entry of
the overflow page's §2 legend and every tick of its scale axis is inside the chart; /overview
(the home page's name in old links) opens the home page, the link's settings kept. Each
check waits for the state it measures.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import wait_for_app
from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser
GRID = '[class*="st-key-sc-grid"] .vega-embed'

# Words broken across lines or spilling out of their box, in every element `selector` finds:
# a Range over each word has its rectangles on one line only.
BROKEN_WORDS = """(selector) => [...document.querySelectorAll(selector)].flatMap(box => {
  const bad = [];
  const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) bad.push(m[0]);
    }
  }
  if (box.scrollWidth > box.clientWidth + 1) bad.push(box.textContent + ' (overflows)');
  return bad;
})"""

# The texts of chart `index` (an SVG) in the role `role`, each with whether it is shown (Vega
# hides an overlapping axis label with opacity 0) inside the chart's box.
CHART_TEXTS = """([index, role]) => {
  const chart = document.querySelectorAll('[data-testid="stMain"] .vega-embed')[index];
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll(`g.role-${role} text`)].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, inside: r.width > 0 && r.left >= box.left &&
            r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom &&
            t.getAttribute('opacity') !== '0'};
  });
}"""


def phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                               has_touch=True, device_scale_factor=2)


def test_the_classifier_names_every_class_whole_on_a_phone(server, browser):
    context = phone(browser)
    page = context.new_page()
    try:
        page.goto(f"{server}/softmax-classifier?lang=en&epochs=1&all=1")
        settle(page)
        captions = page.locator('[data-testid="stImageCaption"]')
        expect(captions).to_have_count(18)
        assert page.evaluate(BROKEN_WORDS, '[data-testid="stImageCaption"]') == []

        page.locator(".st-key-sc-train button").click()
        grid = page.locator(GRID)
        expect(grid).to_be_visible(timeout=120_000)  # drawn once the model exists
        settle(page)
        texts = grid.locator("g.role-mark text")
        expect(texts).not_to_have_count(0)
        names = texts.all_text_contents()
        assert not [n for n in names if "…" in n], names
        assert any(n.startswith(("✓ ", "✗ ")) for n in names)
        shown = page.locator('[data-testid="stCaptionContainer"]').filter(
            has_text=re.compile(r"^\d+ of \d+ images? shown")).first.text_content()
        assert len(names) == 2 * int(shown.split()[0]), (shown, names)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_overflow_legend_is_whole_and_overview_opens_home_on_a_phone(server, browser):
    context = phone(browser)
    page = context.new_page()
    try:
        page.goto(f"{server}/softmax-overflow?lang=en&step=2")
        settle(page)
        expect(page.locator('[data-testid="stMain"] .vega-embed svg.marks')).to_have_count(
            2, timeout=60_000)
        strip = page.evaluate(CHART_TEXTS, [0, "legend-label"])
        assert len(strip) == 7 and all(e["inside"] and "…" not in e["text"] for e in strip), strip
        curves = page.evaluate(CHART_TEXTS, [1, "legend-label"])
        assert len(curves) == 4 and all(e["inside"] for e in curves), curves
        for index in (0, 1):  # the scale axis (the strip's only axis, the curves' first)
            ticks = page.evaluate(CHART_TEXTS, [index, "axis-label"])[:7]
            assert [e["text"] for e in ticks] == ["−100k", "−1k", "−10", "0", "10", "1k", "100k"]
            assert all(e["inside"] for e in ticks), (index, ticks)

        page.goto(f"{server}/overview?lang=zh&seed=7")
        page.wait_for_url(re.compile(r"/\?(?=.*lang=zh)(?=.*seed=7)"))
        wait_for_app(page)
        expect(page.locator("h1").first).to_have_text("交互式学习线性神经网络")
        expect(page.get_by_text("Page not found")).to_have_count(0)
    finally:
        context.close()
