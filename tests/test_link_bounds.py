"""No link, in any view, makes the server do more than the widgets allow.

The default view shows one section at a time (`?step=N`): the settings of the sections not
shown are read by ui.state.value, which must parse a link with the declared bounds
(ui.params), as the widget would. Each lesson is opened on its sections with every declared
parameter out of bounds, and every value a page reads is checked against its declaration.
"""

import pytest

from tests.conftest import app_test, until_trained
from ui import params

LESSONS = {"normal_mse": "normal-mse", "linear_regression": "linear-regression",
           "loss_comparison": "loss-comparison", "softmax_regression": "softmax-regression",
           "softmax_overflow": "softmax-overflow", "softmax_classifier": "softmax-classifier"}


def out_of_bounds(param: params.Param) -> str:
    """A link value just past what the declaration allows (or of the wrong shape)."""
    if param.kind == "int":
        return str(param.hi * 10_000 + 9)
    if param.kind == "float":
        return repr(float(param.hi) * 1e6 + 1.0)
    if param.kind == "span":
        return f"{param.lo - 1},{param.hi + 1}"
    if param.kind == "text":
        return "x" * (param.max_chars + 1)
    return "99999999"  # a choice or a flag: not an option


def hostile_link(page: str) -> dict[str, str]:
    return {name: out_of_bounds(p) for name, p in params.BY_PAGE[page].items()}


@pytest.fixture
def reads(monkeypatch):
    """Every (name, value) ui.state.value returned, checked against its declaration."""
    from ui import state

    seen: list[tuple[str, object, bool]] = []
    original = state.value

    def spy(name, **kwargs):
        result = original(name, **kwargs)
        page = state.st.session_state.get(state._PAGE, "")
        param = params.declared(page, name, kwargs.get("global_", False))
        seen.append((name, result, params.allowed(param, result)))
        return result

    monkeypatch.setattr(state, "value", spy)
    return seen


def test_a_hidden_sections_link_cannot_ask_for_more_examples(monkeypatch):
    """`/linear-regression?step=7&n=99999999` once built 10⁸ examples (11 GB and counting):
    the default one-section view read `n` for the training section with no bounds."""
    import core.data

    sizes = []
    real = core.data.synthetic_data

    def counting(w, b, num_examples, *args, **kwargs):
        sizes.append(num_examples)
        assert num_examples <= 10_000, f"asked for {num_examples} examples"
        return real(w, b, num_examples, *args, **kwargs)

    monkeypatch.setattr(core.data, "synthetic_data", counting)
    import streamlit as st

    st.cache_data.clear()  # an earlier test's default data would answer from the cache
    at = app_test("linear_regression", all=0, step=7, n=99999999).run()
    assert not at.exception
    assert sizes and max(sizes) <= 10_000
    assert any("n" in toast.value for toast in at.toast)  # and the student is told


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_hidden_read_is_bounded(lesson, reads):
    """The first and the last section shown, the others hidden: whatever the link says,
    every setting a page reads is within its declaration."""
    page = LESSONS[lesson]
    for step in (1, 99):  # 99: past the end, the last section
        reads.clear()
        at = app_test(lesson, all=0, step=step, **hostile_link(page)).run()
        assert not at.exception, at.exception
        assert not [r for r in reads if not r[2]], f"{lesson} step {step}: {reads}"


# every family member shown: the most curves, logits, examples and classes the widgets allow
WIDEST = {"normal_mse": {"curves": 4}, "softmax_regression": {"k": 10, "m": 5, "kp": 6},
          "softmax_classifier": {"epochs": 1}}
NOT_WIDGETS = {"step", "room"}  # read by ui.lesson and ui.classroom, through ui.params.parse


@pytest.mark.slow
@pytest.mark.usefixtures("data_files")
def test_every_declared_parameter_is_drawn_by_a_widget():
    """A declaration no widget draws is a link parameter no student can set: stale. (The
    classifier's grid appears after a run: the test trains one epoch.)"""
    from ui import keys

    drawn: set[str] = set()
    for lesson, page in LESSONS.items():
        at = app_test(lesson, **WIDEST.get(lesson, {})).run()
        if lesson == "softmax_classifier":
            until_trained(at.button(key=keys.SC_TRAIN).click().run())  # the queue's worker
        assert not at.exception, at.exception
        names = set(at.session_state[keys.URL_DRAWN])
        assert set(params.BY_PAGE[page]) - names == set(), page
        drawn |= names
    assert set(params.BY_GLOBAL) - NOT_WIDGETS <= drawn


# ---- the hyperparameter menus: one place (core), the pages and the class experiment --------

@pytest.mark.parametrize("lesson, page, names", [
    ("linreg", "linear-regression", ("lr", "batch", "epochs")),
    ("classifier", "softmax-classifier", ("lr", "bs", "epochs"))])
def test_the_class_experiment_accepts_exactly_what_the_widgets_offer(lesson, page, names):
    """A run made with any setting the page's widgets offer is accepted by the class
    experiment, and a setting just outside them is refused."""
    from classroom import submission

    lr, batch, epochs = (params.BY_PAGE[page][n] for n in names)

    def run(**change) -> dict:
        raw = {"lesson": lesson, "impl": "scratch", "lr": lr.default, "batch_size": batch.default,
               "epochs": 1, "seed": 0, "device": "cpu", "seconds_per_epoch": 0.1,
               "train_loss": [0.5]}
        raw.update(change)
        raw["train_loss"] = [0.5] * raw["epochs"]
        if lesson == "classifier":
            raw["train_acc"] = raw["test_acc"] = [0.5] * raw["epochs"]
        return raw

    for value in lr.options:
        assert submission.validate(run(lr=value)).lr == value
    for value in batch.options:
        assert submission.validate(run(batch_size=value)).batch_size == value
    for value in (epochs.lo, epochs.hi):
        assert submission.validate(run(epochs=value)).epochs == value
    for bad in (run(lr=min(lr.options) / 2), run(lr=max(lr.options) * 2),
                run(batch_size=min(batch.options) - 1), run(batch_size=max(batch.options) + 1),
                run(epochs=epochs.hi + 1)):
        with pytest.raises(submission.Invalid):
            submission.validate(bad)
