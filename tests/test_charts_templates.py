"""The classifier's curves and weights are drawn from a template (ui.charts.template) with
their domains and data put in by ui.charts.patched: every draw must be the spec that Altair
builds afresh from the same data, and the values must live where the patch puts them."""

import copy
import math

import pandas as pd
import pytest
import torch

from core import classifier
from ui import charts, i18n
from ui.charts import softmax_classifier as sc
from ui.i18n import t
from ui.panels import softmax_classifier as panel

# Losses inside the book's 0.3-0.9, far above it (lr = 10), below it, and not finite.
LOSSES = [[0.78, 0.57, 0.53], [12.0, 850.0, 3.1e4], [0.05, 0.021], [0.6, math.inf, math.nan],
          [0.41]]


def history(losses) -> list[classifier.Epoch]:
    return [classifier.Epoch(e + 1, loss, 0.5 + e / 100, 0.45, 0.01)
            for e, loss in enumerate(losses)]


@pytest.fixture(params=[("en", False), ("zh", False), ("en", True), ("zh", True)],
                ids=["en", "zh", "en-lecture", "zh-lecture"])
def view(request, monkeypatch):
    """A language and view, with no template kept yet."""
    lang, lecture = request.param
    monkeypatch.setattr(i18n, "lang", lambda: lang)
    monkeypatch.setattr(panel.lesson, "lecture", lambda: lecture)
    monkeypatch.setattr(charts, "_templates", type(charts._templates)())
    return lecture


def fresh_curves(losses, num_epochs: int, lecture: bool) -> dict:
    """The spec as it was drawn before the templates: Altair builds the chart anew."""
    chart = sc.curves(panel.curves_frame(history(losses)), num_epochs, x_title=t("sc.epoch"),
                      y_title=t("sc.value"), metric_title=t("sc.metric"))
    return charts.vega_spec(charts.styled(chart, lecture))


def assert_same(drawn: dict, fresh: dict) -> None:
    assert {k: v for k, v in drawn.items() if k != "datasets"} == \
        {k: v for k, v in fresh.items() if k != "datasets"}
    assert drawn["datasets"].keys() == fresh["datasets"].keys()
    for name, frame in fresh["datasets"].items():
        pd.testing.assert_frame_equal(drawn["datasets"][name], frame)


def places(spec, value, path=()) -> set[tuple]:
    """Every path in `spec` at which `value` sits."""
    found = {path} if spec == value else set()
    if isinstance(spec, dict):
        items = spec.items()
    elif isinstance(spec, list):
        items = enumerate(spec)
    else:
        return found
    for key, part in items:
        if not isinstance(part, pd.DataFrame):
            found |= places(part, value, (*path, key))
    return found


def test_curves_drawn_from_the_template_are_the_chart_altair_builds(view):
    """Live (curves_spec), finished, replayed, stopped and failed (curves_ready) alike, and
    the chart the Export menu builds on a click is the one drawn. The template is built from
    a run whose domains none of the others has, so a value left in the wrong place shows."""
    first = panel.curves_ready(history([123.0, 0.2]), 17)
    assert first.spec["layer"][0]["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0.2, 123.0]
    for losses in LOSSES:
        for num_epochs in (1, 30):
            fresh = fresh_curves(losses, num_epochs, view)
            frame = panel.curves_frame(history(losses))
            assert_same(sc.curves_spec(frame, num_epochs, x_title=t("sc.epoch"),
                                       y_title=t("sc.value"), metric_title=t("sc.metric"),
                                       lecture=view), fresh)
            drawn = panel.curves_ready(history(losses), num_epochs)
            assert_same(drawn.spec, fresh)
            assert_same(charts.vega_spec(drawn.chart()), fresh)  # what Export builds
            assert drawn.name == drawn.chart().name == "training-curves" and not drawn.wide
    assert len(charts._templates) == 1, "one template for every run of a language and view"


def test_the_curves_values_that_change_live_where_the_patch_puts_them():
    """If Altair ever moves the domains (or repeats them elsewhere), this fails, not the
    drawing of a wrong axis."""
    spec = fresh_curves([57.25, 0.125], 23, lecture=False)
    assert places(spec, [0.125, 57.25]) == set(sc.LOSS_DOMAIN)
    assert places(spec, [1, 23]) == set(sc.X_DOMAIN)
    assert spec["datasets"].keys() == {"data-0"}


def test_drawing_leaves_the_template_as_it_was(monkeypatch):
    monkeypatch.setattr(charts, "_templates", type(charts._templates)())
    panel.curves_ready(history([0.5]), 3)
    (kept,) = charts._templates.values()
    before = copy.deepcopy(kept)
    drawn = panel.curves_ready(history([40.0, 0.1]), 9)
    assert kept == before and kept["datasets"] == {"data-0": None}
    assert drawn.spec["layer"][1]["layer"][1]["encoding"]["x"]["scale"]["domain"] == [1, 9]
    assert drawn.spec["config"] is kept["config"], "what is not patched is shared"


def test_a_patch_for_a_place_the_template_lacks_raises():
    spec = {"layer": [{"encoding": {"x": {"scale": {"domain": [0, 1]}}}}]}
    with pytest.raises(KeyError):
        charts.patched(spec, {("layer", 0, "encoding", "y", "scale", "domain"): [0, 2]})
    with pytest.raises(IndexError):
        charts.patched(spec, {("layer", 1, "encoding"): {}})
    assert charts.patched(spec, {("layer", 0, "encoding", "x", "scale", "domain"): [0, 2]}) == \
        {"layer": [{"encoding": {"x": {"scale": {"domain": [0, 2]}}}}]}
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 1]


def weights(scale: float, seed: int) -> torch.Tensor:
    return torch.randn(784, 10, generator=torch.Generator().manual_seed(seed)) * scale


def test_weights_drawn_from_the_template_are_the_chart_altair_builds(view):
    for seed, scale in enumerate((0.01, 0.37, 4.0, 0.0)):
        W = weights(scale, seed)
        bound = float(W.abs().max()) or 1.0
        drawn = panel.weights_ready(W, bound)
        fresh = charts.vega_spec(charts.styled(sc.weight_images(
            panel.weights_frame(W, bound), bound, title=t("sc.class"), scale_title=t("sc.weight_scale"),
            description=t("sc.weights_desc", **panel.scale_ends(bound))), view))
        assert_same(drawn.spec, fresh)
        assert_same(charts.vega_spec(drawn.chart()), fresh)  # what Export builds
        assert drawn.name == drawn.chart().name == "weights"
        assert drawn.wide and isinstance(drawn.chart(), charts.WIDE)
    assert len(charts._templates) == 1


def test_the_weights_values_that_change_live_where_the_patch_puts_them():
    frame = pd.DataFrame({"class": list("abcdefghij"), "url": ["u"] * 10, "alt": ["a"] * 10})
    spec = charts.vega_spec(charts.styled(sc.weight_images(
        frame, 0.75, title="class", scale_title="weight", description="one scale ±0.75")))
    assert places(spec, [-0.75, 0.75]) == {sc.BOUND_DOMAIN}
    assert places(spec, [-0.75, -0.375, 0, 0.375, 0.75]) == {sc.BOUND_TICKS}
    assert places(spec, "one scale ±0.75") == {("description",)}
    assert list(spec["datasets"]["data-0"].columns) == ["class", "url", "alt", "col", "row"]
    assert list(spec["datasets"]["data-1"].columns) == ["weight", "weight_end", "colour"]


def test_export_builds_a_template_drawn_chart_on_a_click_only(monkeypatch):
    """The finished curves' Export menu: the chart is built when PNG, SVG or CSV is clicked
    (Streamlit calls the download's function then), not when the page draws the menu."""
    buttons = {}
    monkeypatch.setattr(charts.st, "download_button",
                        lambda label, data, *args, **kwargs: buttons.setdefault(label, data))
    drawn = panel.curves_ready(history([12.0, 3.5, 0.7]), 5)
    built = []

    def chart():
        built.append(drawn.chart())
        return built[-1]

    charts._export(chart, charts.st, charts.file_name(chart, drawn.name))
    assert built == [] and buttons.keys() == {"PNG", "SVG", "CSV"}
    assert buttons["CSV"]() == panel.curves_frame(history([12.0, 3.5, 0.7])).to_csv(index=False)
    assert "<svg" in buttons["SVG"]() and len(built) == 2
    assert charts.file_name(chart, drawn.name).endswith("-training-curves")
