"""Every widget on every page, at its extremes and at random values: nothing breaks.

The widgets are discovered, not listed, so a new widget is covered without editing this file.
Both languages, lecture mode on and off. After each move: no exception, and (outside lecture
mode, which shows one section at a time) the page still draws its main chart.
"""

import random

import pytest

from tests.conftest import PAGES, app_test, sampled, until_trained
from ui import keys

pytestmark = pytest.mark.slow

KINDS = ["slider", "select_slider", "number_input", "selectbox", "radio", "toggle", "checkbox",
         "text_input", "text_area", "multiselect", "button_group"]
GLOBAL = {keys.LANG, keys.LECTURE, keys.WHOLE}  # the parametrisation below: the whole page
# (tests.conftest.app_test) and lecture mode's one section at a time
TEXTS = ["", "abc", "1e400", "nan", "-inf", "1,,2", "9" * 300, "x; DROP TABLE", "<b>hi</b>",
         "０.５", "1, 2, 3"]
RANDOM_VALUES = 2  # in the long combinations; make test moves each widget to its extremes
# make test: English on the whole page and Chinese in lecture mode; make bench: all four,
# with random values too (the whole-page sweep was a quarter of the suite's time).
COMBINATIONS = sampled([("en", False), ("zh", False), ("en", True), ("zh", True)],
                       keep={("en", False), ("zh", True)}, unpack=True)
# Widgets that appear only after a button is pressed (the regression page's replay panel,
# after Train): the sweep presses it, then moves what appeared (its buttons too) first,
# before other moves change the settings and hide them again.
REVEAL = {"linear_regression": keys.LR_TRAIN}


def moves(widget, rng: random.Random, randoms: int = RANDOM_VALUES) -> list:
    """(label, move) pairs for one discovered widget: extremes first, then random values."""
    proto, kind = widget.proto, type(widget).__name__
    if kind in ("Slider", "NumberInput"):
        is_int = proto.data_type == proto.INT
        lo = proto.min if kind == "Slider" or proto.has_min else -10**6
        hi = proto.max if kind == "Slider" or proto.has_max else 10**6
        cast = int if is_int else float

        def pick():
            return cast(rng.randint(int(lo), int(hi)) if is_int else rng.uniform(lo, hi))

        if kind == "Slider" and isinstance(widget.value, tuple):
            values = [(cast(lo), cast(lo)), (cast(lo), cast(hi)), (cast(hi), cast(hi))]
            values += [tuple(sorted((pick(), pick()))) for _ in range(randoms)]
        else:
            values = [cast(lo), cast(hi)] + [pick() for _ in range(randoms)]
        return [(v, lambda w, v=v: w.set_value(v)) for v in values]
    if kind == "Selectbox":
        n = len(proto.options)
        indices = [0, n - 1] + [rng.randrange(n) for _ in range(randoms)]
        return [(i, lambda w, i=i: w.set_value(raw_option(w, i))) for i in indices]
    if kind in ("Radio", "SelectSlider"):
        n = len(proto.options)
        indices = [0, n - 1] + [rng.randrange(n) for _ in range(randoms)]
        return [(i, lambda w, i=i: w.set_value(raw_option(w, i))) for i in indices]
    if kind in ("Toggle", "Checkbox"):
        return [(v, lambda w, v=v: w.set_value(v)) for v in (True, False)]
    if kind in ("TextInput", "TextArea"):
        texts = [""] + rng.sample(TEXTS, 3)
        return [(v, lambda w, v=v: w.set_value(v)) for v in texts]
    if kind == "Multiselect":
        return [("none", lambda w: w.set_value([]))]
    if kind == "Button":  # only the buttons a REVEAL brought up
        return [("click", lambda w: w.click())]
    return []


def raw_option(widget, index: int):
    """The option object behind the label at `index`: AppTest sets a selectbox by value,
    and a format_func hides the values. Labels, indices and numbers are tried."""
    label = list(widget.proto.options)[index]
    tries = [label, index]
    for cast in (int, float):
        try:
            tries.append(cast(label))
        except ValueError:
            pass
    for raw in tries:
        try:
            if str(widget.format_func(raw)) == label:
                return raw
        except Exception:  # a format_func that does not take this type
            continue
    raise ValueError(f"no option value found for {label!r}")


def discover(at) -> list[tuple[str, str]]:
    """(kind, key) of every keyed widget on the page, but the sidebar's language, lecture
    mode and whole page."""
    return [(kind, w.key) for kind in KINDS for w in getattr(at, kind)
            if w.key and w.key not in GLOBAL]


def find(at, kind: str, key: str):
    """The widget of `kind` with `key` in the current tree, or None."""
    return next((w for w in getattr(at, kind) if w.key == key), None)


def charts(at) -> int:
    return len(at.get("vega_lite_chart"))


@pytest.mark.parametrize("lang,lecture", COMBINATIONS)
@pytest.mark.parametrize("page", PAGES)
def test_sweep_every_widget(page, lang, lecture, request):
    rng = random.Random(f"{page}-{lang}-{lecture}")
    randoms = RANDOM_VALUES if request.node.get_closest_marker("long") else 0
    params = {"lecture": "1"} if lecture else {}
    at = app_test(page, lang, **params).run()
    assert not at.exception, at.exception
    main_chart = charts(at) > 0 and not lecture
    keys = discover(at)
    assert keys, "the sidebar's seed at least is discovered"
    revealed: list[tuple[str, str]] = []
    if page in REVEAL and not lecture:  # lecture mode shows the first section only
        buttons = {w.key for w in at.button}
        until_trained(at.button(key=REVEAL[page]).click().run())
        assert not at.exception, at.exception
        revealed = [k for k in discover(at) if k not in keys]
        revealed += [("button", w.key) for w in at.button if w.key and w.key not in buttons]
        assert revealed, f"{page}: pressing {REVEAL[page]} showed no new widget"
        keys = revealed + keys
    moved: set[str] = set()
    gone: set[str] = set()  # hidden by an earlier move (e.g. fewer curves)
    for kind, key in keys:
        widget = find(at, kind, key)
        if widget is None:
            gone.add(key)
            continue
        for value, move in moves(widget, rng, randoms):
            widget = find(at, kind, key)
            if widget is None:  # the widget went away after an earlier move
                gone.add(key)
                break
            try:
                move(widget)
            except (ValueError, KeyError, IndexError):
                continue  # a value the widget itself refuses (e.g. a label, not a value)
            at.run()
            moved.add(key)
            assert not at.exception, f"{page} {key}={value!r}: {at.exception}"
            if main_chart:
                assert charts(at) > 0, f"{page} lost its chart after {key}={value!r}"
    assert {k for _, k in revealed} <= moved, f"{page}: {revealed} not all moved ({moved})"
    # a radio whose labels hide their values (format_func) may not be drivable by AppTest
    assert len(moved) >= 0.75 * len({k for _, k in keys} - gone | moved), f"only {sorted(moved)} of {keys} could be moved"


# ---- the one-section view: each section as a student opens it ---------------------------------

WIDGETS_PER_SECTION = 2  # a sample of each section's widgets, each to both extremes


def page_errors(caplog) -> list[str]:
    """Exceptions the pages' error boundary (ui.safe) caught and logged: AppTest does not see
    them as at.exception."""
    return [r.getMessage() for r in caplog.records if r.name == "d2l.pages"]


@pytest.mark.parametrize("page", [p for p in PAGES if p != "home"])
def test_sweep_every_section_shown_alone(page, caplog):
    """Every section (step=1…N), opened alone as the default view does: a sample of its own
    widgets moved to their extremes; no exception, none caught by the error boundary."""
    rng = random.Random(f"{page}-sections")
    count = len(app_test(page).run().header)  # the whole page: every section
    for step in range(1, count + 1):
        at = app_test(page, all=0, step=step).run()
        assert not at.exception and not page_errors(caplog), (page, step, page_errors(caplog))
        own = [kw for kw in discover(at) if not kw[1].startswith("g.")]  # not the sidebar's
        for kind, key in rng.sample(own, min(WIDGETS_PER_SECTION, len(own))):
            widget = find(at, kind, key)
            for value, move in (moves(widget, rng)[:2] if widget is not None else []):
                widget = find(at, kind, key)
                if widget is None:
                    break
                try:
                    move(widget)
                except (ValueError, KeyError, IndexError):
                    continue
                at.run()
                assert not at.exception, f"{page} step {step} {key}={value!r}: {at.exception}"
                assert not page_errors(caplog), (page, step, key, value, page_errors(caplog))
