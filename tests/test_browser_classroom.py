"""The classroom in a real browser: no request leaves the server, phones, lecture screens, QR."""

import io
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, PAGE_URLS, drawn, wait_for_app

pytestmark = pytest.mark.browser
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_no_request_leaves_the_server(server, browser, name):
    """Offline-ready: no web fonts, CDNs, telemetry or hub downloads."""
    context = browser.new_context()
    outside = []
    context.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).scheme in
               ("http", "https", "ws", "wss") and urlsplit(r.url).hostname not in LOOPBACK
               else None)
    page = context.new_page()
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}")
        wait_for_app(page)
        drawn(page)  # every request the page makes has been made
        assert not outside, outside
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_phone_width(server, browser, name):
    """At 390 px: no horizontal scrolling of the page; a screenshot for review."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}")
        wait_for_app(page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        drawn(page)  # charts and formulas finished drawing
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        (ARTIFACTS / "phone").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone" / f"{name}.png"), full_page=True)
        assert overflow <= 1, f"{name} scrolls sideways by {overflow} px at 390 px"
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_lecture_mode_screenshots(server, browser, name):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}?lecture=1")
        wait_for_app(page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        drawn(page)  # charts and formulas finished drawing
        (ARTIFACTS / "lecture").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "lecture" / f"{name}.png"))
    finally:
        page.close()


def test_qr_code_on_screen_opens_this_view(server, browser):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/?lang=zh&seed=321")
        wait_for_app(page)
        page.get_by_text("分享此视图").click()
        image = page.locator('[data-testid="stPopoverBody"] img').first
        image.wait_for(timeout=10_000)
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))
        assert decoded, "the QR code on screen decodes"
        link = decoded[0].text
        assert link.startswith(server) and "lang=zh" in link and "seed=321" in link
        student = browser.new_page()
        student.goto(link)
        wait_for_app(student)
        expect(student.locator('[data-testid="stNumberInput"] input').first).to_have_value("321")
        student.close()
    finally:
        page.close()
