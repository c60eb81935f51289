"""The normal-distribution page in a real Chromium: a link's settings, five charts, formulas."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser


def test_link_opens_the_page_with_its_settings_and_draws_every_chart(server, page):
    page.goto(f"{server}/normal-mse?curves=4&noise=laplace&lang=zh&all=1")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(6, timeout=60_000)  # with the interval's
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(".katex").nth(10)).to_be_attached()      # the LaTeX was typeset
    expect(page.get_by_text("曲线 4：σ", exact=True)).to_have_count(1)  # the fourth curve's controls
    # the radio shows the link's noise once the widget has mounted (a loaded machine is slow)
    expect(page.locator('[data-testid="stRadio"] input:checked')).to_have_count(1,
                                                                               timeout=30_000)
    page.wait_for_function("() => location.search.includes('curves=4') && "
                           "location.search.includes('noise=laplace')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "normal_mse.png"), full_page=True)
