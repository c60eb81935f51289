"""Streamlit 1.67's own URL binding (`bind="query-params"`) and widget memory
(`persist_state="session"`), pinned where they block adoption.

ui/state.py keeps its own URL protocol instead of the built-in (issue 15 §1), and its own
mirror of widget values (keys.kept) instead of persist_state. These tests run tiny two-page
apps in Chromium (the built-in syncs the URL in the browser, so AppTest alone would not show
it) and assert what Streamlit does today, each a behaviour the app relies on differently. If
one of these tests fails, Streamlit changed: revisit ui/state.py.
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


def serve(tmp_path_factory, code: str):
    """`streamlit run` on `code` (its own folder and free port); yields its base URL."""
    if not __import__("pathlib").Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("tiny_app")
    (folder / "app.py").write_text(code)
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


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Base URL of `streamlit run` on the tiny app above, stopped after."""
    yield from serve(tmp_path_factory, APP)


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


# ---- persist_state="session": what would replace ui/state.py's keys.kept mirror ----------

PERSIST_APP = '''
import json
import streamlit as st

LABELS = {"en": {c: f"class {c}" for c in "abcde"}, "zh": {c: f"类 {c}" for c in "abcde"}}
st.session_state.runs = st.session_state.get("runs", 0) + 1  # printed first on the page: a
# test waits for the run its click started, not for a fixed time, even one that raises


def page_a():
    st.title("Page A")
    st.caption(f"run {st.session_state.runs}")
    if st.button("Seed"):  # as ui/state.py's _bind seeds a widget: by key, before drawing it
        st.session_state.pick, st.session_state.top = "d", 8
    if st.button("Fewer"):  # the choice's options shrink (fewer classes typed)
        st.session_state.fewer = True
    if st.button("Lower"):  # the slider's max drops
        st.session_state.lower = True
    if st.button("Chinese"):  # the labels change language, the values do not
        st.session_state.zh = True
    st.button("Rerun")
    fewer, lower = st.session_state.get("fewer", False), st.session_state.get("lower", False)
    labels = LABELS["zh" if st.session_state.get("zh") else "en"]
    if st.checkbox("Show the section", value=True, key="show"):
        st.selectbox("Pick", list("abc" if fewer else "abcde"), index=1, key="pick",
                     format_func=labels.get, persist_state="session")
        st.slider("Top", 0, 5 if lower else 10, 3, key="top", persist_state="session")
    st.code(json.dumps({k: st.session_state.get(k, "missing") for k in ("pick", "top")}))


def page_b():
    st.title("Page B")
    st.caption(f"run {st.session_state.runs}")
    st.code(json.dumps({k: st.session_state.get(k, "missing") for k in ("pick", "top")}))


st.navigation([st.Page(page_a, title="Page A", url_path="a", default=True),
               st.Page(page_b, title="Page B", url_path="b")]).run()
'''


@pytest.fixture(scope="module")
def persist(tmp_path_factory):
    """Base URL of `streamlit run` on PERSIST_APP, stopped after."""
    yield from serve(tmp_path_factory, PERSIST_APP)


RUN = '[data-testid="stCaptionContainer"]'  # the persist page's run count


def after_run(page, act, *, finished: bool = True) -> dict | None:
    """Do `act()` (a click) and wait for the run it starts to end; the values printed then
    (none when not `finished`: a run that raised prints none)."""
    wait_for_app(page)
    runs = int(page.locator(RUN).inner_text().split()[-1])
    act()
    page.wait_for_function(f"() => {{ const c = document.querySelector('{RUN}'); "
                           f"return c && Number(c.innerText.split(' ').pop()) > {runs}; }}")
    return values(page) if finished else wait_for_app(page)


def click(page, name: str) -> dict:
    """Click the tiny page's button `name`; the values once its run has finished."""
    return after_run(page, page.get_by_role("button", name=name).click)


def section(page, shown: bool) -> dict:
    """Show or hide the section with the persisted widgets; the values after that run."""
    box = page.get_by_role("checkbox", name="Show the section")
    assert box.is_checked() != shown
    values = after_run(page, page.get_by_text("Show the section").click)
    expect(page.locator('[data-testid="stSelectbox"]')).to_have_count(1 if shown else 0)
    return values


def test_persist_state_keeps_a_value_across_a_page_switch(persist, page):
    """persist_state="session" restores a keyed widget's last value when its page is opened
    again, a value chosen in the browser and one seeded by key: what keys.kept does for
    ui/state.py (a student's settings are back when they return to a page)."""
    assert open_page(page, f"{persist}/") == {"pick": "b", "top": 3}
    click(page, "Seed")
    page.get_by_role("combobox", name="Pick").click()
    page.get_by_role("option", name="class e").click()
    expect(page.locator(CODE)).to_contain_text('"pick": "e"')
    assert values(page) == {"pick": "e", "top": 8}
    page.get_by_role("link", name="Page B").click()
    expect(page.locator("h1")).to_have_text("Page B")
    assert values(page) == {"pick": "e", "top": 8}  # readable on another page, too
    page.get_by_role("link", name="Page A").click()
    expect(page.locator("h1")).to_have_text("Page A")
    assert values(page) == {"pick": "e", "top": 8}
    expect(page.get_by_role("combobox", name="Pick")).to_have_value("class e")
    expect(page.locator('[data-testid="stSlider"]')).to_contain_text("8")


def test_persist_state_keeps_a_hidden_widgets_value_readable(persist, page):
    """While its section is not drawn (run after run), st.session_state[key] still holds
    the widget's value, and the widget shows it when drawn again: what state.value reads
    from keys.kept for a setting whose section a lesson hides (ui.lesson.paged)."""
    open_page(page, f"{persist}/")
    click(page, "Seed")
    assert section(page, shown=False) == {"pick": "d", "top": 8}
    assert click(page, "Rerun") == {"pick": "d", "top": 8}
    assert click(page, "Rerun") == {"pick": "d", "top": 8}
    assert section(page, shown=True) == {"pick": "d", "top": 8}
    expect(page.get_by_role("combobox", name="Pick")).to_have_value("class d")
    expect(page.locator('[data-testid="stSlider"]')).to_contain_text("8")
    no_notice(page)


def test_persist_state_keeps_a_value_whose_labels_changed_language(persist, page):
    """A choice's labels (format_func) change language while its section is hidden; the
    kept value is an option still, and comes back: the app's choices are codes whose labels
    follow the student's language (the sidebar's lang)."""
    open_page(page, f"{persist}/")
    click(page, "Seed")
    section(page, shown=False)
    click(page, "Chinese")
    assert section(page, shown=True) == {"pick": "d", "top": 8}
    expect(page.get_by_role("combobox", name="Pick")).to_have_value("类 d")


def test_persist_state_gives_a_kept_choice_outside_the_options_the_widgets_index(persist, page):
    """A kept choice that is no longer an option when its section is drawn again (fewer
    classes typed now) falls back to the widget's `index`, silently, and st.session_state
    follows. ui/state.py's _bind gives the declared default instead (params.nearest, not a
    selectbox index): with persist_state it would have to pass that default as `index`."""
    open_page(page, f"{persist}/")
    page.get_by_role("combobox", name="Pick").click()
    page.get_by_role("option", name="class e").click()
    expect(page.locator(CODE)).to_contain_text('"pick": "e"')
    assert section(page, shown=False)["pick"] == "e"
    assert click(page, "Fewer")["pick"] == "e"  # not drawn: kept as it was
    assert section(page, shown=True) == {"pick": "b", "top": 3}
    expect(page.get_by_role("combobox", name="Pick")).to_have_value("class b")
    no_notice(page)


def test_persist_state_raises_for_a_kept_value_above_the_sliders_new_max(persist, page):
    """A kept slider value above the max it is drawn with again is neither clamped nor
    reset: the widget raises StreamlitValueAboveMaxError, on that run and on every run after
    while it is drawn (slider.py checks a restored value against its bounds). This is why
    ui/state.py keeps keys.kept: _bind checks a kept value against this run's bounds before
    the widget sees it, and a student never meets an exception for a setting narrowed since."""
    open_page(page, f"{persist}/")
    click(page, "Seed")
    assert section(page, shown=False)["top"] == 8
    assert click(page, "Lower")["top"] == 8
    after_run(page, page.get_by_text("Show the section").click, finished=False)
    error = page.locator('[data-testid="stException"]')
    expect(error).to_contain_text("StreamlitValueAboveMaxError")
    expect(error).to_contain_text("The value 8 is greater than the max_value 5")
    expect(page.locator(CODE)).to_have_count(0)  # the run stopped at the slider
    after_run(page, page.get_by_role("button", name="Rerun").click, finished=False)
    expect(error).to_contain_text("The value 8 is greater than the max_value 5")
    expect(page.locator(CODE)).to_have_count(0)


def test_a_drawn_sliders_max_drop_gives_its_default_even_with_persist_state(persist, page):
    """While drawn, a slider whose max drops below its value is a new widget (its bounds
    are part of its identity): it starts at its default, not clamped, and persist_state
    does not carry the old value over, now or after a rerun."""
    open_page(page, f"{persist}/")
    assert click(page, "Seed")["top"] == 8
    assert click(page, "Lower")["top"] == 3
    assert click(page, "Rerun")["top"] == 3
    expect(page.locator('[data-testid="stSlider"]')).to_contain_text("3")
    no_notice(page)
