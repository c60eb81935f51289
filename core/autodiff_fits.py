"""d2l 3.2's exercises 2–4: autograd fits physical laws, and what second derivatives cost.

Ohm's law U = R·I and Planck's law B(λ, T) = 2hc²/λ⁵ · 1/(exp(hc/(λ k T)) − 1) are models with
one parameter each; autograd gives the gradient of a squared error in it, so gradient descent
learns R from (I, U) pairs and the temperature T from a measured spectrum.
"""

import math
from dataclasses import dataclass

import torch

from core.device import make_generator

DTYPE = torch.float64
H, C, K_B = 6.62607015e-34, 2.99792458e8, 1.380649e-23   # Planck, light speed, Boltzmann (SI)
WIEN = 2.897771955e-3                                      # λ_max · T, in m·K


@dataclass(frozen=True)
class Fit:
    """One parameter learnt by gradient descent with autograd, against the truth."""
    true: float
    learnt: float
    closed_form: float   # the same by a formula (least squares, or Wien's law from the peak)
    steps: int
    loss: float          # the final mean squared error


def fit_ohm(seed: int = 0, r_true: float = 4.7, n: int = 50, steps: int = 60) -> Fit:
    """R from noisy (I, U = R·I + ε) pairs: minimise mean (U − R·I)² by autograd and SGD."""
    g = make_generator(seed)
    current = torch.linspace(0.1, 2.0, n, dtype=DTYPE)                     # amperes
    voltage = r_true * current + 0.05 * torch.randn(n, generator=g, dtype=DTYPE)
    R = torch.tensor(1.0, dtype=DTYPE, requires_grad=True)
    for _ in range(steps):
        loss = ((voltage - R * current) ** 2).mean()
        (grad,) = torch.autograd.grad(loss, R)
        with torch.no_grad():
            R -= 0.5 * grad   # the curvature is 2 mean I² ≈ 2.8: 0.5 is stable
    least_squares = float((current * voltage).sum() / (current**2).sum())
    return Fit(r_true, float(R.detach()), least_squares, steps, float(loss.detach()))


def log_planck(wavelength: torch.Tensor, T: torch.Tensor) -> torch.Tensor:
    """log B(λ, T) = log(2hc²/λ⁵) − log(exp(hc/(λ k T)) − 1), stable through expm1."""
    return math.log(2 * H * C**2) - 5 * torch.log(wavelength) \
        - torch.log(torch.expm1(H * C / (wavelength * K_B * T)))


def fit_planck(seed: int = 0, t_true: float = 5778.0, steps: int = 8) -> Fit:
    """T from a spectrum measured with 1 % noise, 300 nm to 3 µm: minimise the mean squared
    error of log B in θ = log T by Newton's method, θ ← θ − ℓ'(θ) / ℓ''(θ), both derivatives
    by autograd (the second through create_graph=True). Wien's law from the peak checks it."""
    g = make_generator(seed)
    wavelength = torch.linspace(300e-9, 3000e-9, 271, dtype=DTYPE)
    measured = log_planck(wavelength, torch.tensor(t_true, dtype=DTYPE)) \
        + 0.01 * torch.randn(271, generator=g, dtype=DTYPE)
    theta = torch.tensor(math.log(3000.0), dtype=DTYPE, requires_grad=True)  # start at 3000 K
    for _ in range(steps):
        loss = ((log_planck(wavelength, theta.exp()) - measured) ** 2).mean()
        (d1,) = torch.autograd.grad(loss, theta, create_graph=True)
        (d2,) = torch.autograd.grad(d1, theta)
        with torch.no_grad():
            theta -= d1 / d2
    peak = float(wavelength[measured.argmax()])
    return Fit(t_true, float(theta.detach().exp()), WIEN / peak, steps, float(loss.detach()))


@dataclass(frozen=True)
class SecondDerivative:
    """The Hessian of a loss by autograd twice, and what a full one would cost."""
    by_autograd: float        # d²/dw² of mean (w x − y)² at w = 0, by two backward passes
    closed_form: float        # 2 mean x²
    hvp_gap: float            # max |H v − H_closed @ v| for softmax regression's loss, d = 10
    params: int               # 784 · 10 + 10: the Fashion-MNIST model's parameters
    hessian_bytes: int        # its full Hessian in float32: params² · 4 bytes


def second_derivatives(seed: int = 0) -> SecondDerivative:
    """create_graph=True keeps the first derivative differentiable; a Hessian-vector product
    needs two backward passes and no d × d matrix."""
    g = make_generator(seed)
    x, y = torch.randn(100, generator=g, dtype=DTYPE), torch.randn(100, generator=g, dtype=DTYPE)
    w = torch.tensor(0.0, dtype=DTYPE, requires_grad=True)
    (dw,) = torch.autograd.grad(((w * x - y) ** 2).mean(), w, create_graph=True)
    (d2w,) = torch.autograd.grad(dw, w)
    X = torch.randn(8, 10, generator=g, dtype=DTYPE)
    labels = torch.randint(0, 3, (8,), generator=g)
    W = torch.randn(10 * 3, generator=g, dtype=DTYPE, requires_grad=True)
    v = torch.randn(10 * 3, generator=g, dtype=DTYPE)

    def loss(flat):
        return torch.nn.functional.cross_entropy(X @ flat.reshape(10, 3), labels)

    (grad,) = torch.autograd.grad(loss(W), W, create_graph=True)
    (hvp,) = torch.autograd.grad(grad @ v, W)                      # H v, never forming H
    with torch.no_grad():  # the same Hessian in closed form: mean of (x xᵀ) ⊗ (diag p − p pᵀ)
        P = torch.softmax(X @ W.reshape(10, 3), dim=1)
        full = sum(torch.kron(torch.outer(x_i, x_i), torch.diag(p_i) - torch.outer(p_i, p_i))
                   for x_i, p_i in zip(X, P, strict=True)) / len(X)             # (30, 30)
    params = 784 * 10 + 10
    return SecondDerivative(float(d2w), float(2 * (x**2).mean()),
                            float((hvp - full @ v).abs().max()), params, params**2 * 4)
