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


# ---- probability vs likelihood, with the student's interval as data (issue 27, second pass) ---

@pytest.mark.parametrize("x1, x2, mu, sigma", [(-1.0, 1.0, 0.0, 1.0), (0.0, 0.1, 0.3, 0.2),
                                               (2.0, 2.0, -1.0, 3.0)])
def test_likelihood_in_mu_against_the_formula_and_a_riemann_sum(x1, x2, mu, sigma):
    def p(x, m):
        return math.exp(-((x - m) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))

    lik = normal.likelihood_in_mu(x1, x2, mu, sigma)
    assert lik.value == pytest.approx(p(x1, mu) * p(x2, mu), rel=1e-12)
    assert lik.mu_hat == pytest.approx((x1 + x2) / 2)
    assert lik.best == pytest.approx(p(x1, lik.mu_hat) * p(x2, lik.mu_hat), rel=1e-12)
    assert lik.best >= lik.value
    step = sigma / 1000  # a plain Riemann sum over μ̂ ± 20σ
    riemann = sum(p(x1, lik.mu_hat + k * step) * p(x2, lik.mu_hat + k * step)
                  for k in range(-20_000, 20_001)) * step
    assert lik.area == pytest.approx(riemann, rel=1e-9)
    assert lik.area_numeric == pytest.approx(lik.area, rel=1e-6)
    assert abs(lik.area - 1) > 0.1  # not a distribution over μ


@pytest.mark.parametrize("lang, above", [("en", "(above 1: a product of densities"),
                                         ("zh", "（大于 1：它是密度的乘积")])
def test_normal_page_reads_the_likelihood_off_the_students_interval(lang, above):
    """The paragraph used to say, for no data of the page, that the area over μ 'need not be
    1': for one normal observation it is 1. With the interval's two ends it is computed."""
    at = app_test("normal_mse", lang, sd1="0.2", interval="-0.1,0.1").run()
    assert not at.exception, at.exception
    lik = normal.likelihood_in_mu(-0.1, 0.1, 0.0, 0.2)
    text = next(m.value for m in at.markdown if "L(\\mu)" in m.value)
    assert f"{lik.best:.4g}" in text and above in text  # 3.1, above 1
    assert f"{lik.area:.4g}" in text and f"{lik.area_numeric:.6g}" in text
    assert "need not be 1" not in text
