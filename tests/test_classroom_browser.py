"""A real Chromium: a teacher and two students on one live server. Both students train and
submit; both runs appear on the teacher's board by themselves, without a reload."""

import time
from pathlib import Path

import pytest

from tests.conftest import (
    ARTIFACTS,
    CHROMIUM,
    free_port,
    skip_or_fail,
    start_server,
    stop_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser
WAIT_MS = 60_000  # an upper bound for a loaded 2-core machine, not a measurement


@pytest.fixture
def class_server(tmp_path):
    """A live app with a class database of its own."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    port = free_port()
    proc = start_server(port, {"D2L_CLASSROOM_DB": str(tmp_path / "class.sqlite3")})
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


def metric(page, index: int):
    return page.locator('[data-testid="stMetricValue"]').nth(index)


def test_two_students_submit_and_the_board_updates_itself(class_server, browser):
    from playwright.sync_api import expect

    teacher_context = browser.new_context(viewport={"width": 1920, "height": 1080})
    student_contexts = [browser.new_context(viewport={"width": 412, "height": 915})
                        for _ in range(2)]
    try:
        teacher = teacher_context.new_page()
        teacher.goto(f"{class_server}/?lang=en")  # a fresh server's first deep link
        wait_for_app(teacher)
        teacher.goto(f"{class_server}/class-board")
        wait_for_app(teacher)
        teacher.locator(".st-key-_class-new_lesson").get_by_text("Linear regression", exact=True).click()
        wait_for_app(teacher)
        teacher.locator(".st-key-_class-start_here button").click()
        link_box = teacher.locator('[data-testid="stCode"]').filter(has_text="?room=")
        expect(link_box).to_be_visible(timeout=WAIT_MS)
        link = link_box.inner_text().strip()
        assert "/linear-regression?room=" in link
        expect(metric(teacher, 2)).to_have_text("0")  # Runs

        students = []
        for context, settings in zip(student_contexts, ["", "&lr=0.3&batch=100"], strict=True):
            page = context.new_page()
            page.goto(link + settings)
            wait_for_app(page)
            expect(page.get_by_text("you are", exact=False)).to_be_visible()
            page.locator(".st-key-linear-regression-train button").click()
            expect(page.get_by_text("error in estimating b")).to_be_visible(timeout=WAIT_MS)
            wait_for_app(page)
            students.append(page)

        for n, page in enumerate(students, 1):
            clicked = time.perf_counter()
            page.locator(".st-key-_class-submit-linreg").get_by_role("button", name="Submit to the class").click()
            expect(page.get_by_text("Submitted to room")).to_be_visible(timeout=WAIT_MS)
            expect(metric(teacher, 2)).to_have_text(str(n), timeout=WAIT_MS)  # no reload
            print(f"student {n}: submit click → on the board in "
                  f"{time.perf_counter() - clicked:.2f} s")
        expect(metric(teacher, 0)).to_have_text("2")  # Joined
        expect(metric(teacher, 1)).to_have_text("2")  # Submitted
        charts = teacher.locator('[data-testid="stVegaLiteChart"]')
        expect(charts).to_have_count(3, timeout=WAIT_MS)  # scatter, spread, best and worst
        # each student's own run is on the small board under the button: the room's link
        # opened the section where the run is made (its loss curve and landscape), and the
        # small board is its third chart
        for page in students:
            expect(page.locator('[data-testid="stMain"] h2')).to_have_count(1)
            expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(2 + 1)
        assert teacher.locator('[data-testid="stException"]').count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        wait_for_app(teacher)
        teacher.screenshot(path=str(ARTIFACTS / "class_board_1920x1080.png"))
    finally:
        for context in [teacher_context, *student_contexts]:
            context.close()


def test_a_reload_keeps_the_teacher_the_room_and_the_students_pseudonym(class_server, browser):
    """The browser-id cookie: written by the page's own script, sent back on a reload."""
    from playwright.sync_api import expect

    teacher_context = browser.new_context(viewport={"width": 1920, "height": 1080})
    student_context = browser.new_context(viewport={"width": 412, "height": 915})
    try:
        teacher = teacher_context.new_page()
        teacher.goto(f"{class_server}/class-board?lang=en")
        wait_for_app(teacher)
        teacher.locator(".st-key-_class-start_here button").click()
        pause = teacher.locator(".st-key-_class-pause button")
        expect(pause).to_be_visible(timeout=WAIT_MS)
        link = teacher.locator('[data-testid="stCode"]').filter(has_text="?room=")
        code = link.inner_text().strip().rsplit("=", 1)[1]
        assert any(c["name"] == "d2l_browser" for c in teacher_context.cookies())
        assert f"room={code}" in teacher.url, "the board's address names the room"
        teacher.reload()
        wait_for_app(teacher)
        expect(pause).to_be_visible(timeout=WAIT_MS)  # still the teacher, still the room
        expect(teacher.get_by_text("stays its teacher across reloads")).to_be_visible()

        student = student_context.new_page()
        student.goto(link.inner_text().strip())
        wait_for_app(student)
        banner = student.get_by_text("you are", exact=False)
        expect(banner).to_be_visible(timeout=WAIT_MS)
        name = banner.inner_text()
        # the page writes the cookie from a script in the sidebar: a reload before it has run
        # would be a new browser (on a loaded machine the banner can come first)
        deadline = time.monotonic() + WAIT_MS / 1000
        while not any(c["name"] == "d2l_browser" for c in student_context.cookies()):
            assert time.monotonic() < deadline, "the student's page never wrote its cookie"
            student.wait_for_timeout(200)
        for _ in range(2):
            student.reload()
            wait_for_app(student)
            expect(student.get_by_text("you are", exact=False)).to_have_text(name)
        teacher.reload()
        wait_for_app(teacher)
        expect(metric(teacher, 0)).to_have_text("1", timeout=WAIT_MS)  # Joined: one student
    finally:
        for context in (teacher_context, student_context):
            context.close()
