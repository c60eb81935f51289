"""The lecture hall and the phone in a real browser (issue 16).

A presenter's clicker keys move between sections and the link keeps the section; Back/Next
stay on screen; the "project this QR" view warns about a link to this computer; no page
scrolls sideways at 390 px; a lesson pages through its sections on a phone. Screenshots of every page, both languages, at 390 × 844 (phone)
and 1920 × 1080 (lecture) go to artifacts/ for review.
"""

import re

import pytest

from tests.conftest import ARTIFACTS, PAGE_URLS, sampled, wait_for_app

pytestmark = pytest.mark.browser
LANGS = ["en", "zh"]

# Settled: the script has finished, every chart has drawn its canvas or SVG, every picture
# has loaded and no lazily loaded element still shows its placeholder.
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const main = document.querySelector('[data-testid="stMain"]');
  const charts = main.querySelectorAll('[data-testid="stVegaLiteChart"]');
  const pictures = main.querySelectorAll('img');
  return [...charts].every(c => c.querySelector('canvas, svg')) &&
    [...pictures].every(i => i.complete && i.naturalWidth > 0) &&
    !main.querySelector('[data-testid*="keleton" i], [class*="keleton" i]');
}"""
# How far the page scrolls sideways: the document, and Streamlit's own scrolling main area.
OVERFLOW = """() => {
  const doc = document.scrollingElement;
  const main = document.querySelector('[data-testid="stMain"]');
  return Math.max(doc.scrollWidth - window.innerWidth, main.scrollWidth - main.clientWidth);
}"""
MAIN_HEIGHT = """() => document.querySelector('[data-testid="stMain"]').scrollHeight"""


def settle(page) -> None:
    wait_for_app(page)
    page.wait_for_function(SETTLED, timeout=60_000)


# make test: each page in one language, the languages alternating; make bench: both.
SIDEWAYS = sampled([(name, lang) for name in PAGE_URLS for lang in LANGS],
                   keep={(name, LANGS[i % 2]) for i, name in enumerate(PAGE_URLS)}, unpack=True)


@pytest.mark.parametrize("name,lang", SIDEWAYS)
def test_no_page_scrolls_sideways_on_a_phone(server, browser, name, lang):
    """The page as it opens (its first section under the contents), then the whole page
    (every section: the widest content), which the screenshot shows."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}?lang={lang}")
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        first = page.evaluate(OVERFLOW)
        assert first <= 1, f"{name} ({lang}) scrolls sideways by {first} px at 390 px"
        page.goto(f"{server}/{PAGE_URLS[name]}?lang={lang}&all=1")
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        overflow = page.evaluate(OVERFLOW)
        # the whole page in one picture: the main area scrolls inside a 844 px window
        height = min(page.evaluate(MAIN_HEIGHT) + 120, 16_000)
        page.set_viewport_size({"width": 390, "height": height})
        settle(page)
        (ARTIFACTS / "phone" / lang).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone" / lang / f"{name}.png"))
        assert overflow <= 1, f"{name} ({lang}) scrolls sideways by {overflow} px at 390 px"
    finally:
        context.close()


def test_a_lesson_pages_through_its_sections_and_the_link_follows(server, browser):
    """The contents pick a section; the button under a section opens the next one at the
    top of the screen; the link names the section, and a new tab opens it from the link."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{server}/normal-mse?lang=en")
        settle(page)
        main = page.locator('[data-testid="stMain"]')
        expect(main.locator("h2")).to_have_count(1)
        expect(main.locator("h2")).to_contain_text("1. The normal density")
        page.locator(".st-key-_lesson-follow button").click()
        expect(page).to_have_url(re.compile(r"[?&]step=2(&|$)"))
        expect(main.locator("h2")).to_contain_text("2. From noise to loss")
        settle(page)
        heading = main.locator("h2").bounding_box()
        assert heading and 0 <= heading["y"] < 844 / 2, "the new section starts at the top"
        picker = page.locator(".st-key-_lesson-pick")
        picker.get_by_text(re.compile("Residuals")).click()
        expect(page).to_have_url(re.compile(r"[?&]step=4(&|$)"))
        expect(main.locator("h2")).to_contain_text("4. Residuals")
        settle(page)
        assert page.evaluate(OVERFLOW) <= 1
        page.screenshot(path=str(ARTIFACTS / "phone-section.png"))
        url = page.url
    finally:
        context.close()
    reopened = browser.new_page()
    try:
        reopened.goto(url)
        settle(reopened)
        expect(reopened.locator('[data-testid="stMain"] h2')).to_contain_text("4. Residuals")
    finally:
        reopened.close()


def test_the_whole_page_switch_keeps_the_readers_place(server, browser):
    """A reader on section 3 who asks for the whole page lands on section 3, not §1."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(f"{server}/loss-comparison?step=3&lang=en")
        settle(page)
        title = page.locator('[data-testid="stMain"] h2').inner_text()
        page.locator('[data-testid="stSidebar"]').get_by_text("Whole page").click()
        expect(page).to_have_url(re.compile(r"[?&]all=1(&|$)"), timeout=60_000)
        settle(page)
        heading = page.locator('[data-testid="stMain"] h2').filter(has_text=title)
        page.wait_for_function("""(h) => { const top = h.getBoundingClientRect().top;
            return top >= 0 && top < 200; }""", arg=heading.element_handle(), timeout=30_000)
        assert page.locator('[data-testid="stMain"] h2').count() > 3, "every section drawn"
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGE_URLS))
def test_lecture_screens_keep_back_and_next_in_view(server, browser, name, lang):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(f"{server}/{PAGE_URLS[name]}?lecture=1&lang={lang}")
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        if name != "home":  # the home page has no sections
            box = page.locator(".st-key-_lesson-next button").bounding_box()
            assert box and box["y"] + box["height"] <= 1080, "▶ is on screen, no scrolling"
        (ARTIFACTS / "lecture" / lang).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "lecture" / lang / f"{name}.png"))
    finally:
        page.close()


def test_clicker_keys_move_between_sections_and_the_link_keeps_the_section(server, browser):
    from playwright.sync_api import expect

    from tests.test_lecture_sections_browser import move

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(f"{server}/linear-regression?lecture=1")
        settle(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.count() == 0 or sidebar.bounding_box() is None or \
            sidebar.bounding_box()["width"] < 5, "the sidebar is collapsed in lecture mode"
        nav = page.locator(".st-key-_lesson-nav")
        expect(nav).to_contain_text("1 / ")
        for key, step in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("PageUp", 3),
                          ("ArrowLeft", 2)]:
            move(page, key)  # a section taller than the screen is scrolled through first
            expect(page).to_have_url(re.compile(rf"[?&]step={step}(&|$)"))
            expect(nav).to_contain_text(f"{step} / ")
            settle(page)
        box = page.locator(".st-key-_lesson-back button").bounding_box()
        assert box and box["y"] + box["height"] <= 720, "◀ stays on a 720 px screen"
        page.screenshot(path=str(ARTIFACTS / "lecture-1280x720.png"))
    finally:
        page.close()
    reopened = browser.new_page(viewport={"width": 1280, "height": 720})
    try:  # a new session from the saved link: the lecture reopens where it stopped
        reopened.goto(f"{server}/linear-regression?lecture=1&step=3")
        settle(reopened)
        expect(reopened.locator(".st-key-_lesson-nav")).to_contain_text("3 / ")
    finally:
        reopened.close()


def test_the_projected_qr_code_is_large_and_warns_about_localhost(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/normal-mse")
        settle(page)
        page.get_by_role("button", name="Project this QR").click()
        dialog = page.get_by_role("dialog", name="Scan to open this view")
        expect(dialog).to_contain_text("Students cannot open this link")
        image = dialog.locator("img").first
        expect(image).to_be_visible()
        assert image.bounding_box()["width"] >= 500, "big enough for the back row"
        page.screenshot(path=str(ARTIFACTS / "project-qr.png"))
    finally:
        page.close()
