"""The normal-distribution page in a real Chromium: a link's settings, five charts, formulas."""

import pytest

from tests.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser


def test_link_opens_the_page_with_its_settings_and_draws_every_chart(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/normal-mse?curves=4&noise=laplace&lang=zh")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        charts.nth(4).wait_for(timeout=30_000)
        assert charts.count() == 5
        assert page.locator(".katex").count() > 10                 # the LaTeX was typeset
        assert page.get_by_text("曲线 4", exact=True).count() == 1  # the fourth curve's controls
        checked = page.locator('[data-testid="stRadio"] input:checked')
        assert checked.count() == 1
        page.wait_for_timeout(500)
        assert "curves=4" in page.url and "noise=laplace" in page.url
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "normal_mse.png"), full_page=True)
    finally:
        page.close()
