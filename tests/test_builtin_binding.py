"""Streamlit 1.67's own URL binding (`bind="query-params"`), pinned where it blocks adoption.

ui/state.py keeps its own URL protocol instead of the built-in (issue 15 §1). These tests run
a tiny two-page app in Chromium (the built-in syncs the URL in the browser, so AppTest alone
would not show it) and assert what the built-in does today, each a behaviour the app's links
rely on differently. If one of these tests fails, Streamlit changed: revisit ui/state.py.
"""

import json
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.conftest import CHROMIUM, free_port, skip_or_fail, stop_server, wait_for_app

pytestmark = [pytest.mark.browser]
CODE = '[data-testid="stCode"] code'  # the tiny page prints its values here

APP = '''
import json
import streamlit as st

LABELS = {"en": "English", "zh": "简体中文"}
NOISE = {"en": {"gauss": "Gaussian", "laplace": "Laplace"},
         "zh": {"gauss": "高斯", "laplace": "拉普拉斯"}}


def page_a():
    st.title("Page A")
    st.selectbox("Language", ["en", "zh"], key="lang", bind="query-params",
                 format_func=LABELS.get)
    noise = NOISE[st.session_state.get("lang") or "en"]  # labels in the session's language
    st.selectbox("Noise", list(noise), key="noise", bind="query-params", format_func=noise.get)
    st.slider("n on A", 1, 60, 12, key="n", bind="query-params")
    if st.checkbox("Show the hidden slider", value=True, key="show"):
        st.slider("hidden", 0, 10, 3, key="h", bind="query-params", persist_state="session")
    st.slider("range", 0, 10, (2, 8), key="r", bind="query-params")
    st.toggle("flag", key="flag", bind="query-params")
    st.code(json.dumps({k: st.session_state.get(k) for k in ("lang", "noise", "n", "h", "r", "flag")}))


def page_b():
    st.title("Page B")
    st.slider("n on B", 0, 100, 3, key="n", bind="query-params")
    st.code(json.dumps({"n": st.session_state.get("n")}))


st.navigation([st.Page(page_a, title="Page A", url_path="a", default=True),
               st.Page(page_b, title="Page B", url_path="b")]).run()
'''


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Base URL of `streamlit run` on the tiny app above (its own free port), stopped after."""
    if not __import__("pathlib").Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("tiny_app")
    (folder / "app.py").write_text(APP)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true",
         "--server.address=127.0.0.1", f"--server.port={port}",
         "--browser.gatherUsageStats=false"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240  # fails early if the process died
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                pass
            # one script run settles the pages: else the first deep link says "Page not found"
            with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/script-health-check", timeout=120):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("the tiny app did not start") from None
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query, keep_blank_values=True)


def values(page) -> dict:
    """The session-state values the tiny page prints, once its script has finished."""
    wait_for_app(page)
    return json.loads(page.locator(CODE).inner_text())


def open_page(page, url: str) -> dict:
    page.goto(url)
    return values(page)


def wait_for_url(page, test: str) -> None:
    """Until `test` (JS over `p`, the URL's URLSearchParams) holds: the browser syncs late."""
    page.wait_for_function(f"() => {{ const p = new URLSearchParams(location.search); "
                           f"return {test}; }}")


def no_notice(page) -> None:
    for testid in ("stToast", "stAlert", "stException"):
        expect(page.locator(f'[data-testid="{testid}"]')).to_have_count(0)


def test_the_widget_key_is_the_parameter_name(tiny, page):
    """`key` is the link's name: the app's page-prefixed keys (softmax-classifier.pick)
    would become its link names, or every page's keys would have to be the short names."""
    open_page(page, f"{tiny}/")
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="简体中文").click()
    wait_for_url(page, "p.has('lang')")
    assert list(params(page)) == ["lang"]


def test_a_choice_with_format_func_is_written_as_its_label(tiny, page):
    """`lang=简体中文`, not `lang=zh`; and a link with the value (`?lang=zh`) is dropped."""
    open_page(page, f"{tiny}/")
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="简体中文").click()
    wait_for_url(page, "p.get('lang') !== null")
    assert params(page)["lang"] == ["简体中文"]
    expect(page.locator(CODE)).to_contain_text('"lang": "zh"')  # the script got the value

    shown = open_page(page, f"{tiny}/?lang=zh")
    assert shown["lang"] == "en"  # the value, as a link carries it today, is not accepted
    wait_for_url(page, "!p.has('lang')")
    no_notice(page)


def test_a_link_works_only_in_the_language_it_was_made_in(tiny, page):
    """A Chinese student's link carries the Chinese label; opened in English it is dropped."""
    shown = open_page(page, f"{tiny}/?lang=%E7%AE%80%E4%BD%93%E4%B8%AD%E6%96%87"
                      "&noise=%E6%8B%89%E6%99%AE%E6%8B%89%E6%96%AF")  # 简体中文, 拉普拉斯
    assert (shown["lang"], shown["noise"]) == ("zh", "laplace")
    shown = open_page(page, f"{tiny}/?noise=%E6%8B%89%E6%99%AE%E6%8B%89%E6%96%AF")
    assert shown["noise"] == "gauss"
    wait_for_url(page, "!p.has('noise')")
    no_notice(page)
    assert open_page(page, f"{tiny}/?noise=Laplace")["noise"] == "laplace"


@pytest.mark.parametrize("link", ["n=abc", "n=999", "n=", "flag=1"])
def test_a_bad_value_is_dropped_silently(tiny, page, link):
    """A malformed or out-of-range value: removed from the link, the default used, no
    notice on the page (ui/state.py shows one). `flag=1` is bad too: toggles are true/false."""
    name = link.split("=")[0]
    shown = open_page(page, f"{tiny}/?{link}")
    assert shown == {**shown, "n": 12, "flag": False}
    wait_for_url(page, f"!p.has('{name}')")
    no_notice(page)


def test_ranges_are_repeated_parameters_and_toggles_true(tiny, page):
    shown = open_page(page, f"{tiny}/?r=3&r=7&flag=true")
    assert shown["r"] == [3, 7] and shown["flag"] is True
    assert params(page)["r"] == ["3", "7"] and params(page)["flag"] == ["true"]
    assert "r=3&r=7" in page.url


def test_a_hidden_widget_loses_its_parameter_even_with_persist_state(tiny, page):
    """persist_state="session" keeps the VALUE while the widget is not drawn, but the
    parameter leaves the link: a link copied then (lecture mode hides sections) loses it."""
    assert open_page(page, f"{tiny}/?h=7")["h"] == 7
    assert params(page)["h"] == ["7"]
    hidden = page.locator('[data-testid="stSlider"]').filter(has_text="hidden")
    page.get_by_text("Show the hidden slider").click()
    expect(hidden).to_have_count(0)
    wait_for_url(page, "!p.has('h')")
    assert values(page)["h"] == 7  # the value is kept in the session...
    page.get_by_text("Show the hidden slider").click()
    expect(hidden).to_contain_text("7")
    wait_for_url(page, "p.get('h') === '7'")  # ...and written back once it is drawn again


def test_a_page_switch_drops_the_other_pages_parameters(tiny, page):
    """A bound parameter belongs to its page: page B's link has none of page A's. Keys do
    not clash across pages (B's own `n` keeps B's default), and back on page A its value
    and its parameter return. This one does not block adoption; it pins what the app's
    links would do with the built-in."""
    assert open_page(page, f"{tiny}/?n=50&h=7")["n"] == 50
    page.get_by_role("link", name="Page B").click()
    expect(page.locator("h1")).to_have_text("Page B")
    assert values(page) == {"n": 3}
    wait_for_url(page, "location.pathname === '/b' && ![...p.keys()].length")
    page.get_by_role("link", name="Page A").click()
    expect(page.locator("h1")).to_have_text("Page A")
    shown = values(page)
    assert (shown["n"], shown["h"]) == (50, 7)
    wait_for_url(page, "p.get('n') === '50' && p.get('h') === '7'")
