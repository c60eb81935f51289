"""The code panels (ui.lesson.show_code): closed, they hold no code (highlighting it cost the
browser ~0.3 s on every page open); opened, they show the source of the functions that run."""

import inspect

from core import normal
from tests.conftest import app_test, open_code_panels
from ui import keys


def code_panels(at) -> list:
    return [e for e in at.expander if keys.LESSON_CODE in e.proto.id]


def test_a_closed_panel_is_empty_and_an_opened_one_shows_the_code_that_runs():
    at = app_test("normal_mse").run()
    assert not at.exception
    panels = code_panels(at)  # section 1's interval, section 2's losses
    assert len(panels) == 2 and not any(p.code for p in panels), "closed: nothing to highlight"
    (_, panel) = code_panels(open_code_panels(at))
    assert not at.exception
    source = inspect.getsource(normal)  # the page shows functions of core.normal
    assert panel.code and all(c.value.startswith("def ") and c.value in source
                              for c in panel.code)


def test_lecture_mode_draws_no_code_panel():
    assert not code_panels(app_test("normal_mse", lecture="1", step="2").run())


def test_no_lint_pragma_in_the_code_students_read():
    """Code panels show core's source: lint exceptions live in ruff.toml, not in `# noqa`."""
    import pathlib

    core = pathlib.Path(__file__).resolve().parents[1] / "core"
    shown = [p.name for p in sorted(core.glob("*.py")) if "noqa" in p.read_text()]
    assert shown == []
