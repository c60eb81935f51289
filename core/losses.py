"""L2, L1 and Huber's robust loss: curves, gradients, implied likelihoods, and what each fits.

Throughout, the residual is r = y_hat − y. Huber's loss with threshold δ is
½r² for |r| ≤ δ and δ(|r| − δ/2) beyond; δ = 1 is the book's |r| − ½. It equals
torch.nn.HuberLoss(delta=δ) exactly, and torch.nn.SmoothL1Loss(beta=δ) is the same
loss divided by δ.
"""

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import torch

from core.device import get_device, make_generator

LOSSES = ("l2", "l1", "huber")


# ---- the three losses and their gradients -------------------------------------------------

def l2(r: torch.Tensor) -> torch.Tensor:
    """Squared loss ½ r²."""
    return 0.5 * r**2


def l1(r: torch.Tensor) -> torch.Tensor:
    """Absolute loss |r|."""
    return r.abs()


def huber(r: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    """Huber's loss: ½ r² for |r| ≤ δ, δ(|r| − δ/2) beyond."""
    a = r.abs()
    return torch.where(a <= delta, 0.5 * r**2, delta * (a - 0.5 * delta))


def loss(name: str, r: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    """The loss called `name` ("l2", "l1" or "huber"), elementwise."""
    if name == "l2":
        return l2(r)
    if name == "l1":
        return l1(r)
    if name == "huber":
        return huber(r, delta)
    raise ValueError(f"unknown loss {name!r}")


def grad(name: str, r: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    """dl/dr in closed form: r, sign(r), clamp(r, −δ, δ)."""
    if name == "l2":
        return r.clone()
    if name == "l1":
        return torch.sign(r)
    if name == "huber":
        return r.clamp(-delta, delta)
    raise ValueError(f"unknown loss {name!r}")


# ---- the likelihood each loss implies: p(r) = exp(−l(r)) / Z ------------------------------

def normaliser(name: str, delta: float = 1.0) -> float:
    """Z = ∫ exp(−l(r)) dr in closed form.

    L2: √(2π) (the standard normal); L1: 2 (the Laplace density);
    Huber: √(2π)·erf(δ/√2) from the quadratic middle + 2·exp(−δ²/2)/δ from the two tails.
    """
    if name == "l2":
        return math.sqrt(2 * math.pi)
    if name == "l1":
        return 2.0
    if name == "huber":
        return math.sqrt(2 * math.pi) * math.erf(delta / math.sqrt(2)) + \
            2 * math.exp(-delta**2 / 2) / delta
    raise ValueError(f"unknown loss {name!r}")


def normaliser_numeric(name: str, delta: float = 1.0, half_width: float = 60.0,
                       points: int = 600_001) -> float:
    """Z by the trapezoid rule on [−half_width, half_width] (a check on the closed form)."""
    r = torch.linspace(-half_width, half_width, points, dtype=torch.float64)
    return float(torch.trapezoid(torch.exp(-loss(name, r, delta)), r))


@dataclass(frozen=True)
class Curves:
    """Each loss over y_hat for the target y = 0: value, gradient (autograd), density."""
    y_hat: list[float]
    loss: dict[str, list[float]]
    grad: dict[str, list[float]]
    density: dict[str, list[float]]
    z: dict[str, float]


def loss_curves(lo: float, hi: float, delta: float, points: int = 401) -> Curves:
    """Loss, gradient and normalised likelihood exp(−l)/Z of each loss on [lo, hi]."""
    y_hat = torch.linspace(lo, hi, points, dtype=torch.float64)
    y = torch.zeros_like(y_hat)
    values, grads, densities, zs = {}, {}, {}, {}
    for name in LOSSES:
        x = y_hat.clone().requires_grad_(True)
        value = loss(name, x - y, delta)  # (points,)
        (g,) = torch.autograd.grad(value.sum(), x)  # each value_i depends on x_i only
        value = value.detach()
        zs[name] = normaliser(name, delta)
        values[name] = value.tolist()
        grads[name] = g.tolist()
        densities[name] = (torch.exp(-value) / zs[name]).tolist()
    return Curves(y_hat.tolist(), values, grads, densities, zs)


# ---- mean versus median: the constant c that minimises Σ l(x_i − c) --------------------------

MAX_POINTS = 50
MAX_ABS = 1e6
_SEPARATORS = re.compile(r"[\s,;，；、]+")


class NumbersError(ValueError):
    """Input that is not a usable list of numbers; `code` names the problem."""

    def __init__(self, code: str, token: str = ""):
        super().__init__(f"{code}: {token}")
        self.code, self.token = code, token[:30]


def parse_numbers(text: str) -> list[float]:
    """'1, 2.5 3; 4' → [1.0, 2.5, 3.0, 4.0]; raises NumbersError with a code.

    Codes: "empty", "not_a_number", "not_finite", "too_large" (|x| > MAX_ABS),
    "too_many" (more than MAX_POINTS numbers).
    """
    tokens = [tok for tok in _SEPARATORS.split(text.strip()) if tok]
    if not tokens:
        raise NumbersError("empty")
    if len(tokens) > MAX_POINTS:
        raise NumbersError("too_many", str(len(tokens)))
    values = []
    for tok in tokens:
        try:
            v = float(tok.replace("−", "-"))  # also accept the typographic minus
        except ValueError:
            raise NumbersError("not_a_number", tok) from None
        if not math.isfinite(v):
            raise NumbersError("not_finite", tok)
        if abs(v) > MAX_ABS:
            raise NumbersError("too_large", tok)
        values.append(v)
    return values


def l2_constant(x: torch.Tensor) -> float:
    """argmin_c Σ ½(x_i − c)²: the mean (set the derivative Σ(c − x_i) to zero)."""
    return float(x.mean())


def l1_constant(x: torch.Tensor) -> tuple[float, float, float]:
    """argmin_c Σ |x_i − c|: every c in [low, high] minimises; returns (low, high, midpoint).

    For odd n the two middle values coincide (the median); for even n the whole interval
    between the two middle values minimises, and we report its midpoint, like numpy.median
    (torch.median would report `low`).
    """
    s = torch.sort(x).values
    n = len(s)
    low, high = float(s[(n - 1) // 2]), float(s[n // 2])
    return low, high, (low + high) / 2


def huber_constant(x: torch.Tensor, delta: float, max_steps: int = 5000,
                   tol: float = 1e-12) -> tuple[float, int, float]:
    """argmin_c mean huber(x_i − c) by gradient descent with autograd, from the mean.

    The objective's slope changes at most by 1 per unit of c (Huber's curvature is 0 or 1),
    so lr = 1 is a safe step. Returns (c, steps taken, final gradient).
    """
    c = x.mean().clone().requires_grad_(True)
    opt = torch.optim.SGD([c], lr=1.0)
    for step in range(max_steps):
        opt.zero_grad()
        huber(x - c, delta).mean().backward()
        if abs(float(c.grad)) < tol:
            return float(c.detach()), step, float(c.grad)
        opt.step()
    return float(c.detach()), max_steps, float(c.grad)


@dataclass(frozen=True)
class Constants:
    """The minimising constant of each loss for one data set."""
    mean: float
    median: float           # reported L1 answer (midpoint for even n)
    median_low: float       # every c in [median_low, median_high] minimises Σ|x_i − c|
    median_high: float
    huber: float
    huber_steps: int
    huber_grad: float

    def value(self, name: str) -> float:
        return {"l2": self.mean, "l1": self.median, "huber": self.huber}[name]


def fit_constants(values: list[float], delta: float) -> Constants:
    """The L2, L1 and Huber constants of a small 1-D data set."""
    x = torch.tensor(values, dtype=torch.float64)  # tiny: stays on the CPU
    low, high, mid = l1_constant(x)
    c, steps, g = huber_constant(x, delta)
    return Constants(l2_constant(x), mid, low, high, c, steps, g)


def objective_curves(values: list[float], delta: float, lo: float, hi: float,
                     points: int = 401) -> dict[str, list[float]]:
    """J(c) = mean_i l(x_i − c) for each loss over c in [lo, hi]."""
    x = torch.tensor(values, dtype=torch.float64)
    c = torch.linspace(lo, hi, points, dtype=torch.float64)
    r = x[None, :] - c[:, None]  # (points, n)
    out = {"c": c.tolist()}
    for name in LOSSES:
        out[name] = loss(name, r, delta).mean(dim=1).tolist()
    return out


# ---- robust regression: one line, three losses, the same optimiser -------------------------

@dataclass
class RobustConfig:
    """Noisy points on y = w·x + b, with `outliers` of them shifted by `shift`."""
    n: int = 200
    outliers: int = 20
    noise: float = 0.5
    shift: float = -15.0
    w: float = 2.0
    b: float = 1.0
    delta: float = 1.0
    steps: int = 300
    lr: float = 0.1


def make_line_data(cfg: RobustConfig, seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """x ~ U[−3, 3], y = w·x + b + ε with ε ~ N(0, noise²); the outliers sit at x ∈ [1.5, 3]
    with y shifted by `shift` (a bad sensor at one end). Returns (x, y, is_outlier), shapes (n,).

    Drawn on the CPU, so the same seed gives the same points on every machine.
    """
    g = make_generator(seed)
    k = min(cfg.outliers, cfg.n)
    x = torch.rand(cfg.n, generator=g, dtype=torch.float64) * 6 - 3
    x[:k] = 1.5 + 1.5 * torch.rand(k, generator=g, dtype=torch.float64)
    y = cfg.w * x + cfg.b + cfg.noise * torch.randn(cfg.n, generator=g, dtype=torch.float64)
    is_outlier = torch.arange(cfg.n) < k
    y[is_outlier] += cfg.shift
    return x, y, is_outlier


def fit_line(x: torch.Tensor, y: torch.Tensor, name: str, delta: float, steps: int,
             lr: float) -> Iterator[dict]:
    """Full-batch gradient descent on mean l(w·x + b − y) from w = b = 0; yields every step."""
    w = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    for step in range(1, steps + 1):
        opt.zero_grad()
        y_hat = w * x + b  # (n,)
        objective = loss(name, y_hat - y, delta).mean()
        objective.backward()
        opt.step()
        # the loss before this update, (w, b) after it
        yield {"step": step, "loss": float(objective.detach()), "w": float(w.detach()),
               "b": float(b.detach())}


@dataclass(frozen=True)
class RobustResult:
    """The data, each loss's fitted (w, b), and each loss's path of (w, b) over the steps."""
    x: list[float]
    y: list[float]
    is_outlier: list[bool]
    fits: dict[str, tuple[float, float]]
    history: dict[str, list[dict]]


def robust_fit(cfg: RobustConfig, seed: int, device: torch.device | None = None) -> RobustResult:
    """Fit the same line with L2, L1 and Huber: same data, optimiser, lr and steps."""
    device = device or get_device()
    x, y, is_outlier = make_line_data(cfg, seed)
    xd, yd = x.to(device), y.to(device)
    history = {name: list(fit_line(xd, yd, name, cfg.delta, cfg.steps, cfg.lr))
               for name in LOSSES}
    fits = {name: (h[-1]["w"], h[-1]["b"]) for name, h in history.items()}
    return RobustResult(x.tolist(), y.tolist(), is_outlier.tolist(), fits, history)
