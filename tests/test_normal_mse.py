"""core.normal against independent references: torch.distributions, closed forms, lstsq."""

import math

import pytest
import torch
import torch.nn.functional as F

from core import normal

D = torch.float64


@pytest.mark.parametrize("mu,sigma", [(0.0, 1.0), (0.0, 2.0), (3.0, 1.0), (-2.5, 0.2), (1.0, 4.0)])
def test_density_matches_torch_distributions(mu, sigma):
    x = torch.linspace(-7, 7, 1001, dtype=D)
    # float64 parameters: with Python floats torch.distributions computes log σ in float32
    ref = torch.distributions.Normal(torch.tensor(mu, dtype=D), torch.tensor(sigma, dtype=D))
    torch.testing.assert_close(normal.normal_pdf(x, mu, sigma), ref.log_prob(x).exp(),
                               rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("mu,sigma", [(0.0, 1.0), (3.0, 0.2), (-1.0, 4.0)])
def test_density_integrates_to_one(mu, sigma):
    x = torch.linspace(mu - 12 * sigma, mu + 12 * sigma, 20_001, dtype=D)
    assert torch.trapezoid(normal.normal_pdf(x, mu, sigma), x).item() == pytest.approx(1, abs=1e-9)


def test_density_curves_and_peak_heights():
    params = [(0.0, 1.0), (0.0, 2.0), (3.0, 1.0)]
    x, p = normal.density_curves(params)
    assert x[0] == -7 and x[-1] == 7 and p.shape == (3, len(x))
    for row, (mu, sigma) in zip(p, params, strict=True):
        peak = normal.peak_height(sigma)
        assert peak == pytest.approx(torch.distributions.Normal(mu, sigma).log_prob(
            torch.tensor(mu)).exp().item())
        assert row.max().item() == pytest.approx(peak, rel=1e-6)  # μ is on the grid
        assert row.argmax().item() == int(torch.argmin((x - mu).abs()))
    assert normal.peak_height(2.0) == pytest.approx(normal.peak_height(1.0) / 2)
    assert normal.density_curves([])[1].shape == (0, len(x))
    d = normal.densities(params)  # the page's plain values: the same numbers
    assert d.x == tuple(x.tolist()) and d.p == tuple(tuple(row.tolist()) for row in p)
    assert d.peaks == tuple(normal.peak_height(sigma) for _, sigma in params)


def test_nll_and_mse_match_torch_references():
    x, y = normal.make_data(1.5, -0.5, 0.7, 64, seed=3, device="cpu")
    w = torch.tensor([-1.0, 0.3, 1.5, 2.2], dtype=D)
    for sigma in (0.3, 1.0, 2.5):
        expected = torch.stack([-torch.distributions.Normal(wi * x - 0.5, sigma).log_prob(y).mean()
                                for wi in w])
        torch.testing.assert_close(normal.nll(w, -0.5, x, y, sigma), expected)
    expected = torch.stack([F.mse_loss(wi * x - 0.5, y) for wi in w])
    torch.testing.assert_close(normal.mse(w, -0.5, x, y), expected)


def closed_form(x, y):
    """Simple regression by hand: ŵ = cov(x, y) / var(x), b̂ = ȳ - ŵ·x̄."""
    xc, yc = x - x.mean(), y - y.mean()
    w = (xc * yc).sum() / (xc * xc).sum()
    return w.item(), (y.mean() - w * x.mean()).item()


@pytest.mark.parametrize("n", [2, 7, 500])
def test_least_squares_matches_the_closed_form(n):
    x, y = normal.make_data(-2.0, 3.0, 1.3, n, seed=n)
    w_hat, b_hat = normal.least_squares(x, y)
    w_ref, b_ref = closed_form(x.cpu(), y.cpu())
    assert w_hat == pytest.approx(w_ref, abs=1e-9) and b_hat == pytest.approx(b_ref, abs=1e-9)


@pytest.mark.parametrize("noise_sigma", [0.1, 1.0, 3.0])
@pytest.mark.parametrize("sigma", [0.1, 0.5, 1.0, 2.0, 4.0])
def test_nll_argmin_is_the_least_squares_solution(sigma, noise_sigma):
    x, y = normal.make_data(2.0, 4.2, noise_sigma, 200, seed=11)
    w_ref, b_ref = closed_form(x.cpu(), y.cpu())
    found = normal.argmin_w(lambda v: normal.nll(v, b_ref, x, y, sigma), w0=-5.0)
    w_hat, _ = normal.least_squares(x, y)
    assert found == pytest.approx(w_hat, abs=1e-4)
    assert found == pytest.approx(w_ref, abs=1e-4)


def test_argmin_finds_a_known_minimum_from_far_away():
    assert normal.argmin_w(lambda v: (v - 3.25) ** 2 + 7, w0=-40.0) == pytest.approx(3.25, abs=1e-8)
    assert normal.argmin_w(lambda v: torch.cosh(v + 1), w0=2.0) == pytest.approx(-1, abs=1e-6)
    with pytest.raises(ValueError):
        normal.argmin_w(lambda v: -(v**2), w0=1.0)  # no minimum: refused, not a wrong answer


def test_noise_to_loss_curves_differ_but_share_their_minimum():
    r = normal.noise_to_loss(2.0, 4.2, 1.0, 50, [0.5, 1.0, 2.0], seed=0)
    nll, mse = torch.tensor(r.nll), torch.tensor(r.mse)
    assert nll.shape == (3, len(r.w_grid)) and len(mse) == len(r.w_grid)
    for row, a, m in zip(nll, r.nll_argmin, r.nll_min, strict=True):
        assert a == pytest.approx(r.w_hat, abs=1e-6)
        assert row.min().item() >= m - 1e-12           # nothing on the grid is lower
    assert r.mse_argmin == pytest.approx(r.w_hat, abs=1e-6)
    assert mse.min().item() >= r.mse_min - 1e-12
    heights = [row.min().item() for row in nll]
    assert len({round(h, 6) for h in heights}) == 3    # different heights...
    spread = [(row.max() - row.min()).item() for row in nll]
    assert spread[0] > spread[1] > spread[2]           # ...and a smaller σ is steeper
    assert abs(r.w_hat - 2.0) < 0.3


def test_same_seed_same_data_and_same_x_for_every_noise():
    x1, y1 = normal.make_data(1.0, 0.0, 1.0, 30, seed=5)
    x2, y2 = normal.make_data(1.0, 0.0, 1.0, 30, seed=5)
    assert torch.equal(x1, x2) and torch.equal(y1, y2)
    x3, y3 = normal.make_data(1.0, 0.0, 1.0, 30, seed=6)
    assert not torch.equal(y1, y3)
    x4, _ = normal.make_data(1.0, 0.0, 1.0, 30, seed=5, noise="laplace")
    assert torch.equal(x1, x4)
    assert x1.abs().max() <= normal.X_RANGE


def ks_distance(sample: torch.Tensor, cdf) -> float:
    """Kolmogorov–Smirnov distance between the sample's empirical CDF and `cdf`."""
    s = sample.sort().values
    n = len(s)
    f = cdf(s)
    i = torch.arange(1, n + 1, dtype=D)
    return max((i / n - f).abs().max().item(), (f - (i - 1) / n).abs().max().item())


N_BIG = 100_000
KS = 1.63 / math.sqrt(N_BIG)  # the 1% critical value


@pytest.mark.parametrize("noise", normal.NOISES)
def test_every_noise_has_mean_zero_and_sd_sigma(noise):
    eps = normal.sample_noise(N_BIG, 1.7, noise, torch.Generator().manual_seed(0))
    assert eps.mean().item() == pytest.approx(0, abs=0.05)
    if noise != "student_t":  # ν = 3: the sample sd converges too slowly to test this way
        assert eps.std().item() == pytest.approx(1.7, rel=0.02)


def test_noise_families_follow_their_distributions():
    g = torch.Generator().manual_seed(1)
    sigma = 1.3
    gauss = normal.sample_noise(N_BIG, sigma, "gaussian", g)
    assert ks_distance(gauss, torch.distributions.Normal(0.0, sigma).cdf) < KS
    lap = normal.sample_noise(N_BIG, sigma, "laplace", g)
    assert ks_distance(lap, torch.distributions.Laplace(0.0, sigma / math.sqrt(2)).cdf) < KS
    expo = normal.sample_noise(N_BIG, sigma, "exponential", g)
    assert ks_distance(expo + sigma, torch.distributions.Exponential(1 / sigma).cdf) < KS
    t3 = normal.sample_noise(N_BIG, sigma, "student_t", g) / (sigma / math.sqrt(3))
    # P(|T_3| > 3) = 0.0577 and P(|T_3| < 0.7649) = 0.5 (t table, 3 degrees of freedom)
    assert (t3.abs() > 3).double().mean().item() == pytest.approx(0.0577, abs=0.004)
    assert (t3.abs() < 0.7649).double().mean().item() == pytest.approx(0.5, abs=0.01)  # quartile
    with pytest.raises(ValueError):
        normal.sample_noise(3, 1.0, "cauchy", g)


def test_residuals_show_the_noise_shape():
    gauss = normal.residuals("gaussian", 1.0, 5000, seed=0)
    lap = normal.residuals("laplace", 1.0, 5000, seed=0)
    expo = normal.residuals("exponential", 1.0, 5000, seed=0)
    assert abs(gauss.excess_kurtosis) < 0.3 and abs(gauss.skewness) < 0.15
    assert 2.0 < lap.excess_kurtosis < 4.5
    assert 1.5 < expo.skewness < 2.5
    for r in (gauss, lap, expo):
        assert r.sigma_hat == pytest.approx(1.0, rel=0.06)
        width = r.edges[1] - r.edges[0]
        area = math.fsum(r.density) * width
        assert area == pytest.approx(1 - r.outside / 5000, abs=1e-9)
        pdf, grid = torch.tensor(r.pdf), torch.tensor(r.grid)
        assert torch.trapezoid(pdf, grid).item() == pytest.approx(1, abs=1e-4)
        assert math.fsum(r.residuals) / 5000 == pytest.approx(0, abs=1e-9)  # least squares with b


def test_the_nll_floor_is_lowest_at_the_mle_of_sigma_not_at_a_large_sigma():
    r = normal.noise_to_loss(2.0, 4.2, 1.0, 50, [0.5, 1.0, 2.0], seed=0)
    # each curve's minimum is the floor formula ½·log(2πσ²) + MSE/(2σ²)
    for s, m in zip([0.5, 1.0, 2.0], r.nll_min, strict=True):
        assert m == pytest.approx(normal.nll_floor(r.mse_min, s), rel=1e-12)
    assert r.nll_min[0] == max(r.nll_min)  # the defaults: the small σ has the highest floor
    # independently: the floor over a fine grid of σ, by autograd-free brute force
    x, y = normal.make_data(2.0, 4.2, 1.0, 50, 0, device=torch.device("cpu"))
    sigmas = torch.linspace(0.2, 3.0, 2801, dtype=torch.float64)
    residual = y - r.w_hat * x - r.b_hat
    floors = 0.5 * torch.log(2 * math.pi * sigmas**2) + (residual**2).mean() / (2 * sigmas**2)
    best = float(sigmas[floors.argmin()])
    assert r.sigma_mle == pytest.approx(best, abs=1e-3)
    assert r.sigma_mle == pytest.approx(float(residual.std(correction=0)), rel=1e-9)
    assert r.floor_mle == pytest.approx(float(floors.min()), abs=1e-6)


def test_two_points_on_one_line_keep_a_finite_floor():
    """n = 2 (the slider's minimum): a line through both points leaves an MSE of 0; the
    maximum-likelihood σ and its floor stay finite (log 0 raised a math domain error)."""
    import math as _math

    from core import normal as _normal
    s = _normal.sigma_mle(0.0)
    assert s > 0 and _math.isfinite(_normal.nll_floor(0.0, s))
