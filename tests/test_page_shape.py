"""A lesson page reads like the lesson (issue 23): its title comes first, its panels live in
ui/panels/. Checked on every lesson page."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHORT = ["linear_regression", "softmax_classifier", "loss_comparison", "normal_mse",
         "softmax_overflow", "softmax_regression"]  # pages whose panels are in ui/panels/
TITLE_WITHIN = 40  # lines


def title_line(tree: ast.Module) -> int | None:
    """The line of the page's st.title(...) call at the top level, if any."""
    for node in tree.body:
        call = getattr(node, "value", None)
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "title"):
            return node.lineno
    return None


@pytest.mark.parametrize("page", SHORT)
def test_a_page_opens_with_its_title_and_defines_no_panels(page):
    tree = ast.parse((ROOT / "pages" / f"{page}.py").read_text(encoding="utf-8"))
    line = title_line(tree)
    assert line is not None and line <= TITLE_WITHIN, f"st.title at line {line}"
    defined = [n.name for n in tree.body
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    assert not defined, f"move {defined} to ui/panels/{page}.py"


def test_the_check_sees_a_late_title_and_a_panel():
    tree = ast.parse("def panel():\n    pass\n" + "x = 1\n" * 50 + "st.title('t')\n")
    assert title_line(tree) == 53
    assert title_line(ast.parse("st.markdown('m')\n")) is None
