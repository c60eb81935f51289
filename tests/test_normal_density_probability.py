"""Density is not probability (d2l 3.1): the normal page's interval section (issue 27)."""

import math

import pytest

from core import normal
from tests.conftest import app_test


@pytest.mark.parametrize("mu, sigma, a, b", [(0.0, 1.0, -1.0, 1.0), (0.5, 0.2, 0.4, 0.7),
                                             (-2.0, 3.0, -7.0, 7.0)])
def test_interval_probability_is_the_area_under_the_density(mu, sigma, a, b):
    box = normal.interval_probability(mu, sigma, a, b)
    def phi(z):
        return 0.5 * (1 + math.erf(z / math.sqrt(2)))
    assert box.probability == pytest.approx(phi((b - mu) / sigma) - phi((a - mu) / sigma),
                                            abs=1e-12)
    assert box.integral == pytest.approx(box.probability, abs=1e-6)
    assert 0 <= box.probability <= 1


def test_a_narrow_normal_has_a_density_above_one_and_probabilities_below():
    box = normal.interval_probability(0.0, 0.2, -0.1, 0.1)
    assert box.peak > 1.99 and box.probability < 0.39


@pytest.mark.parametrize("lang, above", [("en", "above 1, and still no probability"),
                                         ("zh", "大于 1，但它仍然不是概率")])
def test_normal_page_shows_an_interval_probability_and_a_density_above_one(lang, above):
    at = app_test("normal_mse", lang, sd1="0.2", interval="-0.1,0.1").run()
    assert not at.exception, at.exception
    values = {m.label: m.value for m in at.metric}
    box = normal.interval_probability(0.0, 0.2, -0.1, 0.1)
    assert f"{box.probability:.4f}" in values.values() and "1.9947" in values.values()
    text = " ".join(m.value for m in at.markdown)
    assert above in text
    narrow = normal.interval_probability(0.0, 0.2, -0.005, 0.005)
    assert f"{narrow.probability:.6f}" in text


@pytest.mark.parametrize("lang, words", [("en", "do not balance there: 1.024 and 0.500"),
                                         ("zh", "并不相等：1.024 与 0.500")])
def test_floor_sentence_says_the_derivatives_cancel_not_the_terms(lang, words):
    at = app_test("normal_mse", lang).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert words in text and "where they balance" not in text and "两项平衡处" not in text
