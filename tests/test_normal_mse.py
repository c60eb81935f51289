"""core.normal against torch.distributions, quadrature and least squares."""

import math

import pytest
import torch

from core import normal


@pytest.mark.parametrize("mu, sigma", [(0.0, 1.0), (0.0, 2.0), (3.0, 1.0), (-2.5, 0.2)])
def test_density_matches_torch_distributions(mu, sigma):
    x = torch.linspace(-7, 7, 1001, dtype=torch.float64)
    ours = normal.normal_pdf(x, mu, sigma)
    f64 = torch.float64  # float arguments would make the reference float32
    ref = torch.distributions.Normal(torch.tensor(mu, dtype=f64), torch.tensor(sigma, dtype=f64))
    ref = ref.log_prob(x).exp()
    torch.testing.assert_close(ours, ref, rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("mu, sigma", [(0.0, 1.0), (1.0, 0.5), (-1.0, 3.0)])
def test_density_integrates_to_one(mu, sigma):
    x = torch.linspace(mu - 12 * sigma, mu + 12 * sigma, 20001, dtype=torch.float64)
    assert torch.trapezoid(normal.normal_pdf(x, mu, sigma), x).item() == pytest.approx(1, abs=1e-9)


@pytest.mark.parametrize("sigma", [0.2, 1.0, 4.0])
def test_peak_height(sigma):
    assert normal.peak_height(sigma) == pytest.approx(1 / (sigma * math.sqrt(2 * math.pi)))
    x, p = normal.density_curves([(0.0, sigma)], -7, 7, 1401)
    assert p.max().item() == pytest.approx(normal.peak_height(sigma), rel=1e-6)


def test_density_curves_shape():
    x, p = normal.density_curves([(0.0, 1.0), (0.0, 2.0), (3.0, 1.0)])
    assert x[0].item() == -7 and x[-1].item() == 7 and p.shape == (3, len(x))
    assert p[2].argmax().item() == int(torch.argmin((x - 3).abs()))  # the mean shifts the curve


def test_least_squares_matches_lstsq_and_closed_form():
    x, y = normal.make_data(2.0, 4.2, 1.0, 200, seed=3)
    w_hat, b_hat = normal.least_squares(x, y)
    xm, ym = x.mean(), y.mean()
    w_closed = ((x - xm) * (y - ym)).sum() / ((x - xm) ** 2).sum()
    assert w_hat == pytest.approx(w_closed.item(), abs=1e-10)
    assert b_hat == pytest.approx((ym - w_closed * xm).item(), abs=1e-10)


@pytest.mark.parametrize("sigma_true", [0.1, 1.0, 3.0])
def test_nll_argmin_is_least_squares_for_every_sigma(sigma_true):
    sigmas = [0.2, 0.5, 1.0, 2.0, 4.0]
    r = normal.noise_to_loss(2.0, 4.2, sigma_true, 100, sigmas, seed=0)
    for a in r.nll_argmin:
        assert a == pytest.approx(r.w_hat, abs=1e-4)
    assert r.mse_argmin == pytest.approx(r.w_hat, abs=1e-4)
    # the curves differ in height and scale: NLL = ½log(2πσ²) + MSE/(2σ²)
    for s, row in zip(sigmas, r.nll, strict=True):
        torch.testing.assert_close(row, 0.5 * math.log(2 * math.pi * s**2) + r.mse / (2 * s**2))
    assert len({round(m, 6) for m in r.nll_min}) == len(sigmas)


def test_nll_is_the_mean_negative_log_density():
    x, y = normal.make_data(1.0, 0.0, 0.7, 50, seed=1)
    w = torch.tensor([0.3, 1.0, 1.7], dtype=torch.float64)
    ours = normal.nll(w, 0.1, x, y, 0.7)
    ref = torch.stack([-torch.distributions.Normal(wi * x + 0.1, 0.7).log_prob(y).mean()
                       for wi in w])
    torch.testing.assert_close(ours, ref)


def test_same_seed_same_data_and_noise_families():
    a = normal.make_data(2.0, 4.2, 1.0, 30, seed=5)
    b = normal.make_data(2.0, 4.2, 1.0, 30, seed=5)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    g = torch.Generator().manual_seed(0)
    for noise in normal.NOISES:
        e = normal.sample_noise(200_000, 1.5, noise, g)
        assert abs(e.mean().item()) < 0.05 and e.std().item() == pytest.approx(1.5, rel=0.05)


def test_residual_statistics_tell_the_noise_apart():
    gauss = normal.residuals("gaussian", 1.0, 5000, seed=0)
    laplace = normal.residuals("laplace", 1.0, 5000, seed=0)
    expo = normal.residuals("exponential", 1.0, 5000, seed=0)
    assert abs(gauss.excess_kurtosis) < 0.3 and abs(gauss.skewness) < 0.15
    assert laplace.excess_kurtosis > 2  # heavy tails (3 in theory)
    assert expo.skewness > 1.5          # skewed (2 in theory)
    width = (gauss.edges[1] - gauss.edges[0]).item()
    inside = gauss.density.sum().item() * width
    assert inside == pytest.approx(1 - gauss.outside / 5000, abs=1e-9)
