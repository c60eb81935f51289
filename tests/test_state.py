"""ui.state: widget values restored from the URL, written back, malformed ones refused."""

import pytest
from streamlit.testing.v1 import AppTest


def declare_demo():
    """The demo page's declarations (AppTest runs the scripts below in this process)."""
    from ui import params

    params.BY_PAGE["demo"] = params._index((
        params.number("n", 10, 1, 100), params.number("sigma", 1.0, 0.1, 5.0),
        params.span("range", (-3.0, 3.0), -10.0, 10.0),
        params.choice("dtype", ("float16", "float32"), "float32"), params.flag("on"),
        params.text("logits", "2, 1, 0.1", max_chars=50), params.flag("show", True),
        params.choice("impl", ("scratch", "concise")),
    ))


def script():
    import streamlit as st

    from tests.test_state import declare_demo
    from ui import state

    declare_demo()
    state.begin()
    state.set_page("demo")
    state.slider("n", "n")
    state.slider("sigma", "sigma")
    state.slider("range", "range")
    state.select("dtype", "dtype")
    state.toggle("on", "on")
    state.text("logits", "logits")
    st.write(dict(st.session_state))
    state.finish()


def run(**params) -> AppTest:
    at = AppTest.from_function(script, default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def values(at):
    ss = at.session_state
    return {k: ss[f"demo.{k}"] for k in ("n", "sigma", "range", "dtype", "on", "logits")}


def test_defaults_leave_the_url_clean():
    at = run()
    assert values(at) == {"n": 10, "sigma": 1.0, "range": (-3.0, 3.0), "dtype": "float32",
                          "on": False, "logits": "2, 1, 0.1"}
    assert dict(at.query_params) == {}


def test_values_come_from_the_url():
    at = run(n="42", sigma="2.5", range="-1.5,4.0", dtype="float16", on="1", logits="5,6")
    assert values(at) == {"n": 42, "sigma": 2.5, "range": (-1.5, 4.0), "dtype": "float16",
                          "on": True, "logits": "5,6"}
    assert not at.toast


def test_moved_widgets_are_written_to_the_url():
    at = run()
    at.slider[0].set_value(77)
    at.slider[1].set_value(0.3)
    at.selectbox[0].set_value("float16")
    at.toggle[0].set_value(True)
    at.run()
    assert at.query_params["n"] == "77" and at.query_params["sigma"] == "0.3"
    assert at.query_params["dtype"] == "float16" and at.query_params["on"] == "1"


@pytest.mark.parametrize("name, raw", [
    ("n", "abc"), ("n", "0"), ("n", "101"), ("n", "4.5"), ("sigma", "nan"), ("sigma", "inf"),
    ("sigma", "-1"), ("range", "5,1"), ("range", "1"), ("range", "a,b"), ("dtype", "float8"),
    ("on", "maybe"), ("logits", "x" * 51),
])
def test_malformed_values_are_ignored_with_a_notice(name, raw):
    at = run(**{name: raw})
    assert not at.exception
    assert values(at) == values(run())
    assert any(name in toast.value for toast in at.toast)


def hiding_script():
    import streamlit as st

    from tests.test_state import declare_demo
    from ui import state

    declare_demo()
    state.begin()
    state.set_page("demo")
    if state.toggle("show", "show"):
        state.slider("n", "n")
    st.write(f"n is {state.value('n')}")
    state.finish()


def test_a_hidden_widget_keeps_its_link_and_value():
    at = AppTest.from_function(hiding_script, default_timeout=90).run()
    at.slider[0].set_value(42).run()
    at.toggle[0].set_value(False).run()  # the slider is not drawn now
    assert at.query_params["n"] == "42" and "n is 42" in at.markdown[0].value
    at.toggle[0].set_value(True).run()
    assert at.slider[0].value == 42


def test_value_reads_a_link_for_a_widget_not_drawn():
    at = AppTest.from_function(hiding_script, default_timeout=90)
    at.query_params["show"] = "0"
    at.query_params["n"] = "33"
    at.run()
    assert "n is 33" in at.markdown[0].value and not at.toast
    assert at.query_params["n"] == "33"


def segmented_script():
    import streamlit as st

    from tests.test_state import declare_demo
    from ui import state

    declare_demo()
    state.begin()
    state.set_page("demo")
    impl = state.select("impl", "impl", widget="segmented_control")
    st.text(f"impl={impl!r}")
    state.finish()


def test_an_empty_segmented_choice_gives_the_default_not_none():
    """A browser once sent None for a required segmented control: the page gets the default."""
    at = AppTest.from_function(segmented_script, default_timeout=90)
    at.query_params["impl"] = "concise"
    at.run()
    assert at.text[0].value == "impl='concise'"
    at.button_group(key="demo.impl").set_value(None).run()
    assert not at.exception
    assert at.text[0].value == "impl='scratch'"
    assert at.query_params.get("impl", ["scratch"]) == ["scratch"]  # no "None" in the link


@pytest.mark.parametrize("raw", ["0", "101", "99999999", "-5", "abc", "1e9", "nan"])
def test_value_reads_a_hidden_widgets_link_with_the_widgets_bounds(raw):
    """A hidden section's reader is the widget's parser: a link cannot ask it for more."""
    at = AppTest.from_function(hiding_script, default_timeout=90)
    at.query_params["show"] = "0"
    at.query_params["n"] = raw
    at.run()
    assert not at.exception
    assert "n is 10" in at.markdown[0].value
    assert any("n" in toast.value for toast in at.toast)


# ---- the declarations (ui.params) --------------------------------------------------------

@pytest.mark.parametrize("name, linked", [
    ("lr", True), ("mu1", True), ("mu4", True), ("mu5", False), ("o10", True), ("o11", False),
    ("o0", False), ("mu", False), ("zz1", False), ("n123", False), ("step", True),
    ("room", True), ("", False)])
def test_linked_knows_names_and_numbered_families(name, linked):
    from ui import keys

    assert keys.linked(name) is linked


def test_every_page_has_its_declarations():
    """Each page of the app declares its settings under its url_path (an empty tuple for
    none): a page missing here would fail on its first widget."""
    import re
    from pathlib import Path

    from ui import params

    app = (Path(__file__).resolve().parent.parent / "streamlit_app.py").read_text()
    named = set(re.findall(r'url_path="([\w-]+)"(?!, default=True)', app))  # the default is /
    hidden = {re.search(r'OVERVIEW = "([\w-]+)"', app.replace('HOME, OVERVIEW = "pages/home.py", ',
                                                               'OVERVIEW = ')).group(1)}
    assert named | hidden | {""} == set(params.PAGES)


@pytest.mark.parametrize("kind_param, good, bad", [
    ("number_int", ["1", "100", "５０"], ["0", "101", "99999999", "1.5", "", "nan", "9" * 5000]),
    ("number_float", ["0.1", "5", "2.5e0"], ["0.09", "5.01", "inf", "nan", "1e400", "x"]),
    ("span", ["-10,10", "1,1"], ["2,1", "1", "1,2,3", "-11,0", "a,b"]),
    ("choice", ["b", "c"], ["B", "d", ""]),
    ("numeric_choice", ["0.5", "5e-1", "2"], ["0.4", "3"]),
    ("range_choice", ["0", "9"], ["10", "-1", "1.0"]),
    ("flag", ["1", "on", "FALSE"], ["yes", "2", ""]),
    ("text", ["", "x" * 5], ["x" * 6]),
])
def test_the_one_parser_keeps_every_kind_within_its_declaration(kind_param, good, bad):
    from ui import params

    param = {
        "number_int": params.number("a", 1, 1, 100),
        "number_float": params.number("a", 1.0, 0.1, 5.0),
        "span": params.span("a", (0.0, 1.0), -10.0, 10.0),
        "choice": params.choice("a", ("a", "b", "c")),
        "numeric_choice": params.choice("a", (0.5, 1.0, 2.0)),
        "range_choice": params.choice("a", range(10)),
        "flag": params.flag("a"),
        "text": params.text("a", "", max_chars=5),
    }[kind_param]
    for raw in good:
        assert params.allowed(param, params.parse(param, raw)), raw
    for raw in bad:
        with pytest.raises(ValueError):
            params.parse(param, raw)


# ---- the notices: nothing a user sent becomes a link --------------------------------------

HOSTILE = ["[LOGIN](http://evil.example/login)", "http://evil.example", "www.evil.example",
           "HTTPS://EVIL.EXAMPLE/x", "a@b.example", "mailto:a@b.example", "ftp://evil.example"]


def autolinks(markdown: str) -> list[str]:
    """What a GitHub-style Markdown renderer would link in `markdown`'s text: its escapes
    resolved (the renderer links the text left after them), then the autolink patterns of
    mdast-util-gfm-autolink-literal: a scheme's ://, www. and an e-mail address."""
    import re

    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)
    urls = re.findall(r"(?:https?|ftp)://[-.\w]+|www\.[-.\w]+", text, re.IGNORECASE | re.ASCII)
    mails = re.findall(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", text, re.ASCII)
    links = re.findall(r"\[[^\]]*\]\([^)]*\)", text) if "\\[" not in markdown else []
    return urls + mails + links


@pytest.mark.parametrize("hostile", HOSTILE)
def test_an_unknown_name_or_a_bad_value_never_becomes_a_link_in_the_notice(hostile):
    at = run(**{hostile: "1", "n": hostile})
    bodies = [toast.value for toast in at.toast]
    assert len(bodies) == 2, bodies  # the unknown name, and n's bad value
    for body in bodies:
        assert not autolinks(body), body
    assert autolinks(hostile), "the checker sees the link in the raw text"
    readable = bodies[0].replace("\u200b", "").replace("\\", "")
    assert hostile[:20] in readable, "the student still reads what was sent"
