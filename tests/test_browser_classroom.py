"""The classroom in a real browser: no request leaves the server, and the QR code."""

import io
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import PAGE_URLS, drawn, wait_for_app

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
        page.goto(f"{server}/{PAGE_URLS[name]}?all=1")  # every section's requests
        wait_for_app(page)
        drawn(page)  # every request the page makes has been made
        assert not outside, outside
    finally:
        context.close()


# Phone widths and lecture screens: tests/test_lecture_phone_browser.py


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
