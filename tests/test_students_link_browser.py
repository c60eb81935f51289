"""Links for students (issue 26 §3, §4), in a real Chromium.

The QR code a teacher projects from lecture mode opens the student's view: the same page,
section, settings and language, never lecture mode; the home page's own address opens it; a
class experiment's link lands on a phone with its Train button in view.
"""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import CHROMIUM, free_port, skip_or_fail, start_server, stop_server
from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser


def test_the_projected_qr_code_opens_the_students_view_not_the_lecture(server, browser):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server}/softmax-regression?lecture=1&step=3&lang=zh&seed=321")
        expect(page.locator(".st-key-_lesson-nav")).to_contain_text("3 / ", timeout=60_000)
        settle(page)
        page.locator('[data-testid="stExpandSidebarButton"]').click()  # collapsed in a lecture
        page.get_by_role("button", name="投影此二维码").click()
        image = page.get_by_role("dialog").locator("img").first
        expect(image).to_be_visible(timeout=30_000)
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))
        assert decoded, "the projected QR code decodes"
        link = decoded[0].text
        expect(page.get_by_role("dialog")).to_contain_text(link)  # the same link, in type
    finally:
        page.close()
    assert link.startswith(f"{server}/softmax-regression?")
    assert "lecture" not in link, link
    assert re.search(r"[?&]step=3(&|$)", link) and "lang=zh" in link and "seed=321" in link
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                has_touch=True)
    student = phone.new_page()
    try:
        student.goto(link)
        settle(student)
        assert student.locator(".st-key-_lesson-nav").count() == 0, "no lecture bar on a phone"
        expect(student.locator(".st-key-_lesson-pick")).to_be_visible()  # the contents
        expect(student.locator('[data-testid="stMain"] h2')).to_contain_text("3.")
    finally:
        phone.close()


@pytest.fixture
def room_link(tmp_path):
    """A live app with a class database of its own, holding one linear regression room."""
    import sqlalchemy as sa

    from classroom import store as db

    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    path = tmp_path / "class.sqlite3"
    store = db.Store(sa.create_engine(f"sqlite:///{path}"))
    store.ensure_schema()
    code = store.create_room("a teacher's session", "linreg").code
    store.engine.dispose()
    port = free_port()
    proc = start_server(port, {"D2L_CLASSROOM_DB": str(path)})
    yield f"http://127.0.0.1:{port}/linear-regression?room={code}"
    stop_server(proc)


def test_a_rooms_link_lands_on_a_phone_with_the_train_button_in_view(room_link, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(room_link)
        settle(page)
        train = page.locator(".st-key-linear-regression-train button")
        expect(train).to_be_visible(timeout=60_000)
        page.wait_for_function("""(b) => { const r = b.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight; }""",
                               arg=train.element_handle(), timeout=30_000)
    finally:
        context.close()
