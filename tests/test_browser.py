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


def open_in_lecture_mode(server, page) -> None:
    page.goto(f"{server}/?lang=en")  # a fresh server's first deep link may say "not found"
    wait_for_app(page)
    page.goto(f"{server}/normal-mse?lang=en&lecture=1&n=123")  # n: section 2's setting
    wait_for_app(page)
    expect(page.get_by_role("slider", name="Number of curves")).to_be_visible()  # section 1


def test_a_hidden_sections_setting_survives_lecture_mode(server, page):
    """Lecture mode shows one section; the link's n (section 2's) stays in the address bar
    meanwhile, and the slider shows it when its section comes."""
    open_in_lecture_mode(server, page)
    page.wait_for_function("() => location.search.includes('n=123')")
    page.get_by_role("button", name="▶").click()
    expect(page.get_by_role("slider", name="Number of examples n")).to_have_attribute(
        "aria-valuetext", "123", timeout=30_000)
    page.wait_for_function("() => location.search.includes('n=123')")


def test_a_hidden_sections_setting_reaches_the_share_link(server, page):
    """Link parameters are declared (ui.keys.LINK_PARAMS), not learnt as pages draw them: a
    hidden section's setting reaches the share link even on a fresh server."""
    open_in_lecture_mode(server, page)
    page.get_by_test_id("stExpandSidebarButton").click()  # lecture mode collapses the sidebar
    page.get_by_role("button", name="Share this view").click()
    link = page.locator('[data-testid="stPopoverBody"] code').first
    expect(link).to_contain_text("lecture=1")
    expect(link).to_contain_text("n=123")
