"""A real Chromium: press Train on the linear-regression page and see the charts finish."""

import pytest

from tests.conftest import wait_for_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("impl, lang, label, done", [
    ("scratch", "en", "Train", "error in estimating b"),
    ("concise", "zh", "训练", "b的估计误差"),
])
def test_train_draws_the_run(server, browser, impl, lang, label, done):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # a fresh server answers its very first deep link with a "Page not found" dialog
        page.goto(f"{server}/?lang={lang}")
        wait_for_app(page)
        page.goto(f"{server}/linear-regression?lang={lang}&impl={impl}")
        wait_for_app(page)
        page.get_by_role("button", name=label, exact=True).click()
        page.get_by_text(done).wait_for(timeout=60_000)
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 3
        # the landscape carries the path: its canvas or svg has been drawn
        assert page.locator('[data-testid="stVegaLiteChart"]').nth(2).bounding_box()["height"] > 300
    finally:
        page.close()
