"""A real Chromium against a live `streamlit run`: every page opens, no exception shown."""

import pytest

from tests.conftest import ARTIFACTS, PAGE_URLS, wait_for_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_page_opens_by_url(server, browser, name, lang):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}?lang={lang}")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "Page not found" not in page.content()
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert ("首页" if lang == "zh" else "Home") in nav
        if name == "home" and lang == "en":
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    finally:
        page.close()


def test_link_restores_settings(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page()
    try:
        page.goto(f"{server}/?seed=4242&lang=zh")
        wait_for_app(page)
        expect(page.locator('[data-testid="stNumberInput"] input').first).to_have_value("4242")
        assert "seed=4242" in page.url and "lang=zh" in page.url
    finally:
        page.close()
