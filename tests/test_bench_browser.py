"""The browser benchmark's measuring helpers work, once, on one page (figures are not judged:
`make bench` prints them)."""

import pytest

from scripts import bench_browser

pytestmark = pytest.mark.browser

CHARTS = '[data-testid="stVegaLiteChart"]'


def test_open_and_slider_figures_on_one_page(server, browser):
    context = bench_browser.new_context(browser)
    try:
        found, page = bench_browser.open_settled(context, f"{server}/normal-mse?lang=en",
                                                   need_chart=True)
        assert 0 < found["script_s"] <= found["open_s"] < 120
        assert found["charts"] >= 1 and found["formulas"] >= 1
        assert found["charts"] == page.locator(f"{CHARTS} svg.marks").count()  # all drawn
        drawn = page.locator(CHARTS).evaluate_all("cs => cs.map(c => c.innerHTML).join()")
        seconds = bench_browser.slider_redraw(page, "st-key-normal-mse-mu1")
        assert 0 < seconds < 120
        # the figure waited for a chart that really changed
        assert page.locator(CHARTS).evaluate_all("cs => cs.map(c => c.innerHTML).join()") != drawn
    finally:
        context.close()
