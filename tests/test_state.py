"""ui.state: widget values restored from the URL, written back, malformed ones refused."""

import pytest
from streamlit.testing.v1 import AppTest


def script():
    import streamlit as st

    from ui import state

    state.begin()
    state.set_page("demo")
    state.slider("n", "n", 1, 100, 10)
    state.slider("sigma", "sigma", 0.1, 5.0, 1.0)
    state.slider("range", "range", -10.0, 10.0, (-3.0, 3.0))
    state.select("dtype", "dtype", ["float16", "float32"], "float32")
    state.toggle("on", "on", False)
    state.text("logits", "logits", "2, 1, 0.1", max_chars=50)
    st.write(dict(st.session_state))
    state.finish()


def run(**params) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30)
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

    from ui import state

    state.begin()
    state.set_page("demo")
    if state.toggle("show", "show", True):
        state.slider("n", "n", 1, 100, 10)
    st.write(f"n is {state.value('n', 10)}")
    state.finish()


def test_a_hidden_widget_keeps_its_link_and_value():
    at = AppTest.from_function(hiding_script, default_timeout=30).run()
    at.slider[0].set_value(42).run()
    at.toggle[0].set_value(False).run()  # the slider is not drawn now
    assert at.query_params["n"] == "42" and "n is 42" in at.markdown[0].value
    at.toggle[0].set_value(True).run()
    assert at.slider[0].value == 42


def test_value_reads_a_link_for_a_widget_not_drawn():
    at = AppTest.from_function(hiding_script, default_timeout=30)
    at.query_params["show"] = "0"
    at.query_params["n"] = "33"
    at.run()
    assert "n is 33" in at.markdown[0].value and not at.toast
    assert at.query_params["n"] == "33"


def segmented_script():
    import streamlit as st

    from ui import state

    state.begin()
    state.set_page("demo")
    impl = state.select("impl", "impl", ["scratch", "concise"], "scratch",
                        widget="segmented_control")
    st.text(f"impl={impl!r}")
    state.finish()


def test_an_empty_segmented_choice_gives_the_default_not_none():
    """A browser once sent None for a required segmented control: the page gets the default."""
    at = AppTest.from_function(segmented_script, default_timeout=30)
    at.query_params["impl"] = "concise"
    at.run()
    assert at.text[0].value == "impl='concise'"
    at.button_group(key="demo.impl").set_value(None).run()
    assert not at.exception
    assert at.text[0].value == "impl='scratch'"
    assert at.query_params.get("impl", ["scratch"]) == ["scratch"]  # no "None" in the link


# ---- the declared link parameters (ui.keys.LINK_PARAMS) --------------------------------------

def link_names() -> list[tuple[str, str, bool]]:
    """(file, name, numbered) of every URL parameter the app's code binds: the name argument
    of each state.slider/select/toggle/number/text/value call (an f-string like f"mu{i + 1}"
    gives its stem, numbered), and the keys module's STEP and ROOM."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = []
    for path in [*(root / "pages").glob("*.py"), *(root / "ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "state"):
                continue
            where = {"slider": 1, "select": 1, "toggle": 1, "number": 1, "text": 1, "value": 0}
            if node.func.attr not in where or len(node.args) <= where[node.func.attr]:
                continue
            arg = node.args[where[node.func.attr]]
            if isinstance(arg, ast.Constant):
                found.append((path.name, arg.value, False))
            elif isinstance(arg, ast.JoinedStr):
                found.append((path.name, arg.values[0].value, True))
            else:  # a constant's name (PARAM): resolved below through ui.keys
                found.append((path.name, ast.unparse(arg), False))
    return found


def test_every_widget_of_every_page_is_a_declared_link_parameter():
    """A widget whose name is not declared would vanish from share links and lecture mode."""
    from ui import classroom, keys

    aliases = {"PARAM": classroom.PARAM}
    for file, name, numbered in link_names():
        name = aliases.get(name, name)
        if numbered:
            assert name in keys.LINK_FAMILIES, f"{file}: {name}N is not in ui.keys.LINK_FAMILIES"
            assert keys.linked(f"{name}1") and keys.linked(f"{name}{keys.MAX_FAMILY}")
        else:
            assert keys.linked(name), f"{file}: {name!r} is not in ui.keys.LINK_PARAMS"


def test_every_declared_link_parameter_is_used():
    from ui import classroom, keys, lesson

    used = {name for _, name, numbered in link_names() if not numbered}
    used |= {classroom.PARAM, lesson.STEP}
    assert keys.LINK_PARAMS - used == set()
    assert set(keys.LINK_FAMILIES) <= {name for _, name, numbered in link_names() if numbered}


@pytest.mark.parametrize("name, linked", [
    ("lr", True), ("mu1", True), ("o10", True), ("o11", False), ("o0", False), ("mu", False),
    ("zz1", False), ("n123", False), ("step", True), ("room", True), ("", False)])
def test_linked_knows_names_and_numbered_families(name, linked):
    from ui import keys

    assert keys.linked(name) is linked
