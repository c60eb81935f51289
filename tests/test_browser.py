"""A real Chromium against a live `streamlit run`: every page opens, no exception shown."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, PAGE_URLS, wait_for_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_page_opens_by_url(server, page, name, lang):
    page.goto(f"{server}/{PAGE_URLS[name]}?lang={lang}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text(
        "首页" if lang == "zh" else "Home")
    if name == "home" and lang == "en":
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)


def test_link_restores_settings(server, page):
    page.goto(f"{server}/?seed=4242&lang=zh")
    wait_for_app(page)
    expect(page.locator('[data-testid="stNumberInput"] input').first).to_have_value("4242")
    assert "seed=4242" in page.url and "lang=zh" in page.url
