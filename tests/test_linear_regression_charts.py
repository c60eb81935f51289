"""The page's chart builders: thinning, contour levels, and what each chart carries."""

import math

import pytest

from ui.charts import linear_regression as lr_charts


def test_thin_keeps_the_ends_and_the_order():
    rows = list(range(10_001))
    short = lr_charts.thin(rows, 1000)
    assert short[0] == 0 and short[-1] == 10_000 and len(short) <= 1001
    assert short == sorted(short)
    assert lr_charts.thin(rows[:50], 1000) == rows[:50]


def test_contour_levels_are_round_and_inside_the_range():
    levels = lr_charts.contour_levels(2e-4, 20.0)
    assert levels == [3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
    assert lr_charts.contour_levels(5.0, 5.0) == []
    assert lr_charts.contour_levels(0.0, math.inf) == []
    assert len(lr_charts.contour_levels(1e-12, 1e12)) == 12


def test_loss_curve_drops_what_a_log_axis_cannot_show():
    chart = lr_charts.loss_curve([(1, 1.0), (2, math.inf), (3, 0.0)], [(0, 2.0)], 3,
                                 step_label="s", epoch_label="e", x_title="x", y_title="y")
    df = chart.data
    assert list(df.step) == [1, 3, 0]
    assert df.loss.min() == pytest.approx(lr_charts.LOSS_FLOOR)


def test_landscape_clips_a_diverging_path_instead_of_failing():
    grid = ([0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0], [1.0, 2.0, 3.0, 0.0])
    chart = lr_charts.landscape(grid, ((0.0, 1.0), (0.0, 1.0)), ([], [], []),
                                [(0.0, 0.0), (1e30, -1e30), (math.nan, 1.0)], (0.5, 0.5),
                                colour_title="c", start_label="a", end_label="b",
                                optimum_label="o")
    spec = chart.to_dict()
    assert len(spec["layer"]) == 5  # colour, the path's outline, the path, its ends, the optimum
    assert all(layer["mark"].get("clip") for layer in spec["layer"][1:])
    outline, path = spec["layer"][1]["mark"], spec["layer"][2]["mark"]
    assert outline["color"] == lr_charts.OUTLINE and path["color"] == lr_charts.PATH
    assert outline["strokeWidth"] > path["strokeWidth"]  # a dark rim around the orange line


def test_network_diagram_connects_every_input_to_the_one_output():
    from ui.charts.linear_regression import network_diagram

    dot = network_diagram(12, input_title="input layer", output_title="output layer")
    assert dot.count("-> o1") == 12 and 'label="x₁₂"' in dot and 'label=" w₁₂"' in dot
    assert 'label="input layer"' in dot and 'label="output layer"' in dot
    assert dot.count("{") == dot.count("}")
