"""The page survives Streamlit's own fatal error in applying the server's messages
(ui/style.py, RECOVER_JS): it reloads at its own link, once a minute at most, and no other
error reloads it. The error is raised here as the frontend raises it, thrown or as a rejected
promise; its cause, most likely a race among Streamlit's fragment reruns, cannot be staged on
purpose."""

import re

import pytest
from playwright.sync_api import expect

from tests.test_lecture_phone_browser import settle

pytestmark = pytest.mark.browser
THROW = """(message) => setTimeout(() => { throw new Error(message); }, 0)"""
REJECT = """(message) => { Promise.reject(new Error(message)); }"""  # an async handler's
FATAL = "Bad delta path index 1 (should be between [0, 0])"  # and "'setIn' cannot be called..."


@pytest.mark.parametrize("lecture, raise_", [(False, THROW), (True, REJECT)],
                         ids=["page-thrown", "lecture-rejected"])
def test_a_fatal_frontend_error_reloads_the_page_at_its_link_once(server, page, lecture,
                                                                  raise_):
    link = f"{server}/linear-regression?lr=0.1&step=3" + ("&lecture=1" if lecture else "")
    page.goto(link)
    settle(page)
    page.evaluate("() => { window.d2lBefore = true; }")  # gone with a reload
    page.evaluate(raise_, "TypeError: something else")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.d2lBefore") is True, "another error reloaded the page"
    with page.expect_navigation():
        page.evaluate(raise_, FATAL)
    settle(page)
    assert page.evaluate("() => window.d2lBefore") is None
    assert re.search(r"[?&]lr=0\.1(&|$)", page.url) and re.search(r"[?&]step=3(&|$)", page.url)
    expect(page.get_by_role("heading", level=2)).to_have_count(1)  # the section, drawn again
    page.evaluate("() => { window.d2lBefore = true; }")
    page.evaluate(raise_, FATAL)  # again within a minute: no reload loop
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.d2lBefore") is True, "reloaded twice in a minute"
