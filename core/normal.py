"""The normal distribution, and why Gaussian noise makes squared error the right loss.

p(x) = 1/sqrt(2πσ²) · exp(-(x - μ)² / (2σ²)). With y = w·x + b + ε and ε ~ N(0, σ²), the
negative log-likelihood per example is ½·log(2πσ²) + mean((y - w·x - b)²) / (2σ²): whatever
σ is, it is smallest where the mean squared error is smallest.
"""

import math
from dataclasses import dataclass

import torch

from core.device import get_device, make_generator

NOISES = ("gaussian", "laplace", "student_t", "exponential")
T_DF = 3          # Student-t degrees of freedom: heavy tails, still a finite variance
X_RANGE = 3.0     # features x ~ U(-3, 3)
REACH = 5.0       # the residual histogram spans ±REACH·σ
DTYPE = torch.float64


def normal_pdf(x: torch.Tensor, mu: float, sigma: float) -> torch.Tensor:
    """p(x) = 1/sqrt(2πσ²) · exp(-(x - μ)² / (2σ²))."""
    return torch.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))


def peak_height(sigma: float) -> float:
    """p(μ) = 1 / (σ·sqrt(2π)): the top of the curve."""
    return 1.0 / (sigma * math.sqrt(2 * math.pi))


def density_curves(params: list[tuple[float, float]], lo: float = -7.0, hi: float = 7.0,
                   num: int = 561) -> tuple[torch.Tensor, torch.Tensor]:
    """x (num,) and p (k, num): the normal density of each (μ, σ) in `params` over [lo, hi]."""
    x = torch.linspace(lo, hi, num, dtype=DTYPE)
    p = torch.stack([normal_pdf(x, mu, sigma) for mu, sigma in params]) if params else \
        torch.empty(0, num, dtype=DTYPE)
    return x, p


@dataclass(frozen=True)
class Densities:
    """The normal density of each (μ, σ) on one grid x, and each curve's peak height."""
    x: tuple[float, ...]                # (num,)
    p: tuple[tuple[float, ...], ...]    # (k, num): one row per (μ, σ)
    peaks: tuple[float, ...]            # (k,) p(μ) = 1 / (σ·sqrt(2π))


def densities(params: list[tuple[float, float]]) -> Densities:
    """p(x) = 1/sqrt(2πσ²) · exp(-(x - μ)² / (2σ²)) for each (μ, σ), as plain values."""
    x, p = density_curves(params)
    return Densities(_floats(x), tuple(_floats(row) for row in p),
                     tuple(peak_height(sigma) for _, sigma in params))


@dataclass(frozen=True)
class Interval:
    """Density is not probability: only the area under p over an interval is a probability."""
    a: float
    b: float
    peak: float           # p(μ) = 1 / (σ·sqrt(2π)): above 1 once σ < 1/sqrt(2π) ≈ 0.399
    probability: float    # P(a ≤ X ≤ b) = Φ((b − μ)/σ) − Φ((a − μ)/σ), from erf
    integral: float       # the same area by the trapezoid rule on 2,001 points
    mid_density: float    # p((a + b)/2): times (b − a), the area of a narrow interval
    x: tuple[float, ...]  # the interval's grid and p on it, for the shaded area
    p: tuple[float, ...]


def interval_probability(mu: float, sigma: float, a: float, b: float) -> Interval:
    """P(a ≤ X ≤ b) for X ~ N(μ, σ²): ∫_a^b p(x) dx, exactly (by erf) and numerically."""
    a, b = min(a, b), max(a, b)
    x = torch.linspace(a, b, 2001, dtype=DTYPE)
    p = normal_pdf(x, mu, sigma)
    exact = float(torch.special.ndtr(torch.tensor((b - mu) / sigma, dtype=DTYPE))
                  - torch.special.ndtr(torch.tensor((a - mu) / sigma, dtype=DTYPE)))
    mid = float(normal_pdf(torch.tensor((a + b) / 2, dtype=DTYPE), mu, sigma))
    return Interval(a, b, peak_height(sigma), exact, float(torch.trapezoid(p, x)), mid,
                    _floats(x[::20]), _floats(p[::20]))


@dataclass(frozen=True)
class Likelihood:
    """L(μ) = p(x₁ | μ, σ) · p(x₂ | μ, σ): two observations, σ fixed, read as a function of μ."""
    x1: float
    x2: float
    sigma: float
    mu: float
    value: float          # L at the given μ
    mu_hat: float         # the maximum-likelihood μ: (x₁ + x₂) / 2
    best: float           # L(μ̂) = exp(−(x₂ − x₁)² / (4σ²)) / (2πσ²): above 1 for a small σ
    area: float           # ∫ L(μ) dμ = exp(−(x₂ − x₁)² / (4σ²)) / (2σ·sqrt(π)): not 1
    area_numeric: float   # the same by the trapezoid rule over μ̂ ± 12σ


def likelihood_in_mu(x1: float, x2: float, mu: float, sigma: float) -> Likelihood:
    """The likelihood of μ for the data x₁, x₂ under N(μ, σ²): largest at their mean, and,
    unlike a density in x, not of area 1 over μ."""
    def L(m: torch.Tensor) -> torch.Tensor:
        return normal_pdf(torch.tensor(x1, dtype=DTYPE), m, sigma) * \
            normal_pdf(torch.tensor(x2, dtype=DTYPE), m, sigma)

    mu_hat = (x1 + x2) / 2
    grid = torch.linspace(mu_hat - 12 * sigma, mu_hat + 12 * sigma, 4001, dtype=DTYPE)
    gap = math.exp(-((x2 - x1) ** 2) / (4 * sigma**2))
    return Likelihood(x1, x2, sigma, mu, float(L(torch.tensor(mu, dtype=DTYPE))), mu_hat,
                      gap / (2 * math.pi * sigma**2), gap / (2 * sigma * math.sqrt(math.pi)),
                      float(torch.trapezoid(L(grid), grid)))


def _floats(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(t.detach().cpu().tolist())


def sample_noise(n: int, sigma: float, noise: str, g: torch.Generator) -> torch.Tensor:
    """n draws (n,) of zero-mean noise with standard deviation σ, of the given family."""
    if noise == "gaussian":
        return sigma * torch.randn(n, generator=g, dtype=DTYPE)
    if noise == "laplace":  # inverse CDF; scale σ/√2 gives variance σ²
        u = torch.rand(n, generator=g, dtype=DTYPE) - 0.5
        return -(sigma / math.sqrt(2)) * torch.sign(u) * torch.log1p(-2 * u.abs())
    if noise == "student_t":  # z / sqrt(χ²_ν / ν) has variance ν/(ν-2); rescale to σ²
        z = torch.randn(n, generator=g, dtype=DTYPE)
        chi2 = (torch.randn(n, T_DF, generator=g, dtype=DTYPE) ** 2).sum(dim=1)
        return sigma * math.sqrt((T_DF - 2) / T_DF) * z / torch.sqrt(chi2 / T_DF)
    if noise == "exponential":  # Exp(rate 1/σ) has mean σ and sd σ; shift to mean 0
        u = torch.rand(n, generator=g, dtype=DTYPE)
        return -sigma * torch.log1p(-u) - sigma
    raise ValueError(f"unknown noise {noise!r}")


def make_data(w: float, b: float, sigma: float, n: int, seed: int, noise: str = "gaussian",
              device: torch.device | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """x, y (n,) with y = w·x + b + ε. Drawn on the CPU, so a seed gives the same data anywhere."""
    g = make_generator(seed)
    # x first, so every noise family gets the same x
    x = (2 * torch.rand(n, generator=g, dtype=DTYPE) - 1) * X_RANGE
    eps = sample_noise(n, sigma, noise, g)
    device = device or get_device()
    return x.to(device), (w * x + b + eps).to(device)


def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """(ŵ, b̂) minimising Σ(y - w·x - b)², solved by torch.linalg.lstsq on the design [x, 1]."""
    A = torch.stack([x, torch.ones_like(x)], dim=1)         # (n, 2)
    solution = torch.linalg.lstsq(A, y[:, None]).solution   # (2, 1)
    return float(solution[0, 0]), float(solution[1, 0])


def mse(w: torch.Tensor, b: float, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """mean((y - w·x - b)²) for each w in a (G,) tensor of candidates; returns (G,)."""
    residual = y[None, :] - w[:, None] * x[None, :] - b      # (G, n)
    return (residual**2).mean(dim=1)


def nll(w: torch.Tensor, b: float, x: torch.Tensor, y: torch.Tensor, sigma: float) -> torch.Tensor:
    """-log p(y | x, w, b) / n = ½·log(2πσ²) + mean((y - w·x - b)²) / (2σ²), for each w."""
    return 0.5 * math.log(2 * math.pi * sigma**2) + mse(w, b, x, y) / (2 * sigma**2)


def nll_floor(mse_min: float, sigma: float) -> float:
    """The lowest NLL per example for an assumed σ: ½·log(2πσ²) + MSE/(2σ²)."""
    return 0.5 * math.log(2 * math.pi * sigma**2) + mse_min / (2 * sigma**2)


MIN_MSE = 1e-12  # two points lie on one line: the MSE can be 0, and σ = 0 has no floor


def sigma_mle(mse_min: float) -> float:
    """The σ with the lowest floor: d/dσ [log σ + MSE/(2σ²)] = 0 gives σ² = MSE (kept above
    0: with n = 2 a line through both points leaves an MSE of 0, and log 0 has no value)."""
    return math.sqrt(max(mse_min, MIN_MSE))


def argmin_w(loss, w0: float, device: torch.device | None = None, steps: int = 50) -> float:
    """The w where a smooth convex loss(w) is smallest, by Newton's method on autograd's
    derivatives: w ← w - loss'(w) / loss''(w). Numerical: no closed form is used."""
    w = torch.tensor([w0], dtype=DTYPE, device=device or get_device(), requires_grad=True)
    for _ in range(steps):
        (d1,) = torch.autograd.grad(loss(w).sum(), w, create_graph=True)
        (d2,) = torch.autograd.grad(d1.sum(), w)
        if not bool(d2 > 0):
            raise ValueError("the loss is not convex here: no Newton step")
        step = (d1 / d2).detach()
        with torch.no_grad():
            w -= step
        if abs(float(step)) <= 1e-13 * (1 + abs(float(w.detach()))):
            break
    return float(w.detach()[0])


@dataclass(frozen=True)
class NoiseToLoss:
    x: tuple[float, ...]      # (n,) features
    y: tuple[float, ...]      # (n,) targets
    w_hat: float              # least squares (torch.linalg.lstsq)
    b_hat: float
    w_grid: tuple[float, ...]  # (G,) candidate w, b fixed at b̂
    sigmas: tuple[float, ...]  # σ assumed by each likelihood
    nll: tuple[tuple[float, ...], ...]  # (k, G) NLL per example, one row per σ
    mse: tuple[float, ...]    # (G,)
    nll_argmin: tuple[float, ...]  # numerical argmin of each NLL row
    nll_min: tuple[float, ...]     # the NLL there
    mse_argmin: float
    mse_min: float
    sigma_mle: float          # sqrt(mse_min): the maximum-likelihood σ
    floor_mle: float          # the NLL floor there, ½·log(2π·MSE) + ½


def noise_to_loss(w: float, b: float, sigma: float, n: int, sigmas: list[float], seed: int,
                  half_width: float = 2.0, num: int = 201) -> NoiseToLoss:
    """Data with Gaussian noise, its least-squares fit, and NLL(w) for each σ and MSE(w)."""
    device = get_device()
    x, y = make_data(w, b, sigma, n, seed, device=device)
    w_hat, b_hat = least_squares(x, y)
    w_grid = torch.linspace(w - half_width, w + half_width, num, dtype=DTYPE, device=device)
    curves = torch.stack([nll(w_grid, b_hat, x, y, s) for s in sigmas]) if sigmas else \
        torch.empty(0, num, dtype=DTYPE, device=device)
    w0 = w - half_width  # start the search at the left end of the plot, far from the answer
    nll_argmin = [argmin_w(lambda v, s=s: nll(v, b_hat, x, y, s), w0, device) for s in sigmas]
    nll_min = [float(nll(torch.tensor([a], dtype=DTYPE, device=device), b_hat, x, y, s)[0])
               for a, s in zip(nll_argmin, sigmas, strict=True)]
    mse_argmin = argmin_w(lambda v: mse(v, b_hat, x, y), w0, device)
    mse_min = float(mse(torch.tensor([mse_argmin], dtype=DTYPE, device=device), b_hat, x, y)[0])
    s_mle = sigma_mle(mse_min)
    return NoiseToLoss(_floats(x), _floats(y), w_hat, b_hat, _floats(w_grid), tuple(sigmas),
                       tuple(_floats(row) for row in curves), _floats(mse(w_grid, b_hat, x, y)),
                       tuple(nll_argmin), tuple(nll_min), mse_argmin, mse_min, s_mle,
                       nll_floor(mse_min, s_mle))


@dataclass(frozen=True)
class Residuals:
    residuals: tuple[float, ...]  # (n,) y - ŵ·x - b̂
    sigma_hat: float          # their standard deviation
    skewness: float           # sample skewness: near 0 for symmetric noise with a third moment
    excess_kurtosis: float    # 0 for Gaussian noise, larger for heavy tails
    edges: tuple[float, ...]  # (bins + 1,) histogram bin edges
    density: tuple[float, ...]  # (bins,) histogram scaled to integrate to 1 over all n residuals
    outside: int              # residuals beyond the histogram's range
    grid: tuple[float, ...]   # (G,) points for the fitted N(0, σ̂²) density
    pdf: tuple[float, ...]    # (G,)


def residuals(noise: str, sigma: float, n: int, seed: int, w: float = 2.0, b: float = 4.2,
              bins: int = 40, reach: float = REACH) -> Residuals:
    """Fit a line to data with the given noise; the residuals' histogram against N(0, σ̂²)."""
    x, y = make_data(w, b, sigma, n, seed, noise)
    w_hat, b_hat = least_squares(x, y)
    r = (y - w_hat * x - b_hat).cpu()
    sigma_hat = float(r.std(correction=1)) if n > 1 else 0.0
    z = (r - r.mean()) / (r.std(correction=0) + 1e-300)
    lo, hi = -reach * sigma, reach * sigma  # a fixed window, so heavy tails show as "outside"
    counts = torch.histc(r, bins=bins, min=lo, max=hi)
    width = (hi - lo) / bins
    grid = torch.linspace(lo, hi, 401, dtype=DTYPE)
    pdf = normal_pdf(grid, 0.0, sigma_hat) if sigma_hat > 0 else torch.zeros_like(grid)
    return Residuals(_floats(r), sigma_hat, float((z**3).mean()), float((z**4).mean() - 3),
                     _floats(torch.linspace(lo, hi, bins + 1, dtype=DTYPE)),
                     _floats(counts / (n * width)), int(((r < lo) | (r > hi)).sum()),
                     _floats(grid), _floats(pdf))
