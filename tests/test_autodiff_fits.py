"""core.autodiff_fits: d2l 3.2's exercises 2–4 (issue 27), against closed forms."""

import math

import pytest
import torch

from core import autodiff_fits as af
from tests.conftest import app_test, open_answers


def test_ohm_resistance_learnt_by_autograd_is_the_least_squares_one():
    fit = af.fit_ohm()
    assert fit.learnt == pytest.approx(fit.closed_form, rel=1e-9)
    assert fit.learnt == pytest.approx(fit.true, abs=0.05)


def test_planck_temperature_learnt_by_newton_is_close_and_wien_is_cruder():
    fit = af.fit_planck()
    assert fit.learnt == pytest.approx(fit.true, rel=1e-3)
    assert abs(fit.closed_form - fit.true) > abs(fit.learnt - fit.true)
    # the model is Planck's law: at T = 5778 K the peak is at Wien's b / T ≈ 501.5 nm
    lam = torch.linspace(300e-9, 3000e-9, 27001, dtype=torch.float64)
    peak = float(lam[af.log_planck(lam, torch.tensor(5778.0, dtype=torch.float64)).argmax()])
    assert peak == pytest.approx(af.WIEN / 5778.0, rel=1e-3)


def test_second_derivatives_by_autograd_twice():
    s = af.second_derivatives()
    assert s.by_autograd == pytest.approx(s.closed_form, rel=1e-12)
    assert s.hvp_gap < 1e-12
    assert s.params == 7850 and s.hessian_bytes == 7850**2 * 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_linear_regression_page_answers_the_three_exercises_with_computed_numbers(lang):
    at = app_test("linear_regression", lang).run(timeout=60)
    assert not at.exception, at.exception
    at = open_answers(at)
    answers = " ".join(m.value for m in at.markdown)
    ohm, planck = af.fit_ohm(), af.fit_planck()
    assert f"{ohm.learnt:.4f} Ω" in answers and f"{planck.learnt:.1f} K" in answers
    assert f"{planck.closed_form:.0f} K" in answers and "61,622,500" in answers
    assert math.isfinite(ohm.loss)
