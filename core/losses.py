"""L2, L1 and Huber's robust loss: curves, gradients, implied likelihoods, and what each fits.

Throughout, the residual is r = y_hat − y. Huber's robust loss comes in two forms (FORMS):
"sigma", the book's (《动手学深度学习》3.3 exercise 2, d2l.ai 3.5 exercise 2): r²/(2σ) for
|r| ≤ σ and |r| − σ/2 beyond, which is torch.nn.SmoothL1Loss(beta=σ); and "delta":
½r² for |r| ≤ δ and δ(|r| − δ/2) beyond, which is torch.nn.HuberLoss(delta=δ). The second
is δ times the first, so they coincide only at σ = δ = 1 (and share every minimiser).
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass

import torch

from core import numbers
from core.device import get_device, make_generator

LOSSES = ("l2", "l1", "huber")
FORMS = ("sigma", "delta")  # the book's SmoothL1Loss(beta=σ) form; HuberLoss(delta=δ)


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


def smooth_l1(r: torch.Tensor, sigma: float = 1.0) -> torch.Tensor:
    """The book's Huber loss: |r| − σ/2 for |r| > σ, r²/(2σ) otherwise (SmoothL1Loss(beta=σ))."""
    a = r.abs()
    return torch.where(a > sigma, a - 0.5 * sigma, r**2 / (2 * sigma))


def _form(form: str) -> str:
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}")
    return form


def loss(name: str, r: torch.Tensor, delta: float = 1.0, form: str = "delta") -> torch.Tensor:
    """The loss called `name` ("l2", "l1" or "huber" in `form`), elementwise."""
    if name == "l2":
        return l2(r)
    if name == "l1":
        return l1(r)
    if name == "huber":
        return smooth_l1(r, delta) if _form(form) == "sigma" else huber(r, delta)
    raise ValueError(f"unknown loss {name!r}")


def grad(name: str, r: torch.Tensor, delta: float = 1.0, form: str = "delta") -> torch.Tensor:
    """dl/dr in closed form: r, sign(r), clamp(r, −δ, δ) (divided by σ in the book's form)."""
    if name == "l2":
        return r.clone()
    if name == "l1":
        return torch.sign(r)
    if name == "huber":
        clipped = r.clamp(-delta, delta)
        return clipped / delta if _form(form) == "sigma" else clipped
    raise ValueError(f"unknown loss {name!r}")


@dataclass(frozen=True)
class Parameterisations:
    """The book's σ-form against torch's two classes, on residuals r in [−reach, reach]."""
    sigma: float
    reach: float
    diff_smooth_l1: float  # max |book − F.smooth_l1_loss(beta=σ)|
    diff_huber: float      # max |book − F.huber_loss(delta=σ)|
    ratio: float           # F.huber_loss(delta=σ) / F.smooth_l1_loss(beta=σ), where r ≠ 0


def parameterisations(sigma: float, reach: float = 10.0, points: int = 2001) -> Parameterisations:
    """Which torch class is the book's loss: compare on a grid of residuals (float64)."""
    r = torch.linspace(-reach, reach, points, dtype=torch.float64)
    zero = torch.zeros_like(r)
    book = torch.where(r.abs() > sigma, r.abs() - sigma / 2, r**2 / (2 * sigma))  # as printed
    sl1 = torch.nn.functional.smooth_l1_loss(r, zero, reduction="none", beta=sigma)
    hub = torch.nn.functional.huber_loss(r, zero, reduction="none", delta=sigma)
    nonzero = r != 0
    return Parameterisations(sigma, reach, float((book - sl1).abs().max()),
                             float((book - hub).abs().max()),
                             float((hub[nonzero] / sl1[nonzero]).mean()))


# ---- the likelihood each loss implies: p(r) = exp(−l(r)) / Z ------------------------------

def normaliser(name: str, delta: float = 1.0, form: str = "delta") -> float:
    """Z = ∫ exp(−l(r)) dr in closed form.

    L2: √(2π) (the standard normal); L1: 2 (the Laplace density);
    Huber, δ-form: √(2π)·erf(δ/√2) from the quadratic middle + 2·exp(−δ²/2)/δ from the tails;
    the book's σ-form: √(2πσ)·erf(√(σ/2)) + 2·exp(−σ/2).
    """
    if name == "l2":
        return math.sqrt(2 * math.pi)
    if name == "l1":
        return 2.0
    if name == "huber" and _form(form) == "sigma":
        return math.sqrt(2 * math.pi * delta) * math.erf(math.sqrt(delta / 2)) + \
            2 * math.exp(-delta / 2)
    if name == "huber":
        return math.sqrt(2 * math.pi) * math.erf(delta / math.sqrt(2)) + \
            2 * math.exp(-delta**2 / 2) / delta
    raise ValueError(f"unknown loss {name!r}")


TAIL = 45.0  # integrate out to where l(r) = 45: the tails beyond hold less than e^−45 · Z


def reach(name: str, delta: float = 1.0, form: str = "delta", level: float = TAIL) -> float:
    """The r > 0 where l(r) = level, by doubling and bisection on the loss itself."""
    def at(v: float) -> float:
        return float(loss(name, torch.tensor(v, dtype=torch.float64), delta, form))

    hi = 1.0
    while at(hi) < level:
        hi *= 2
    lo = 0.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if at(mid) < level else (lo, mid)
    return hi


@dataclass(frozen=True)
class NumericZ:
    """Z by Simpson's rule, on [−reach, reach] split where the loss has a kink."""
    value: float
    reach: float
    pieces: int


def normaliser_numeric(name: str, delta: float = 1.0, form: str = "delta",
                       half_width: float | None = None, points: int = 200_001) -> NumericZ:
    """Z = ∫ exp(−l(r)) dr by Simpson's rule, a check on the closed form.

    The window [−R, R] reaches where l(R) = TAIL (δ = 0.1 in the δ-form needs R ≈ 450: a
    fixed ±60 would cut off a quarter of Z), and it is split at the kinks (0 for L1, ±δ
    for Huber), where Simpson's rule would lose its order. `points` per piece, odd.
    """
    R = reach(name, delta, form) if half_width is None else half_width
    kinks = {"l2": [], "l1": [0.0], "huber": [-delta, delta]}[name]
    edges = [-R, *[k for k in kinks if -R < k < R], R]
    total = 0.0
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        r = torch.linspace(a, b, points, dtype=torch.float64)  # an even number of intervals
        f = torch.exp(-loss(name, r, delta, form))
        h = (b - a) / (points - 1)
        total += float(h / 3 * (f[0] + f[-1] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum()))
    return NumericZ(total, R, len(edges) - 1)


@dataclass(frozen=True)
class Curves:
    """Each loss over y_hat for the target y = 0: value, gradient (autograd), density."""
    y_hat: list[float]
    loss: dict[str, list[float]]
    grad: dict[str, list[float]]
    density: dict[str, list[float]]
    z: dict[str, float]


def loss_curves(lo: float, hi: float, delta: float, points: int = 101,
                form: str = "delta") -> Curves:
    """Loss, gradient and normalised likelihood exp(−l)/Z of each loss on [lo, hi]: `points`
    evenly spaced, and the kinks (0 for L1, ±δ for Huber) exactly, where a curve or its
    gradient bends or jumps (101 points draw the same picture as 401 at the charts' width, and
    a slider redraws the three charts in less of the browser's time)."""
    grid = torch.linspace(lo, hi, points, dtype=torch.float64)
    kinks = torch.tensor([k for k in (-delta, 0.0, delta) if lo < k < hi], dtype=torch.float64)
    y_hat = torch.unique(torch.cat([grid, kinks]))  # sorted
    y = torch.zeros_like(y_hat)
    values, grads, densities, zs = {}, {}, {}, {}
    for name in LOSSES:
        x = y_hat.clone().requires_grad_(True)
        value = loss(name, x - y, delta, form)  # (points,)
        (g,) = torch.autograd.grad(value.sum(), x)  # each value_i depends on x_i only
        value = value.detach()
        zs[name] = normaliser(name, delta, form)
        values[name] = value.tolist()
        grads[name] = g.tolist()
        densities[name] = (torch.exp(-value) / zs[name]).tolist()
    return Curves(y_hat.tolist(), values, grads, densities, zs)


# ---- mean versus median: the constant c that minimises Σ l(x_i − c) --------------------------

MAX_POINTS = 50
MAX_ABS = 1e6


def parse_data(text: str) -> numbers.Parsed:
    """'1, 2.5 3; 4' -> (1.0, 2.5, 3.0, 4.0): 1 to MAX_POINTS numbers, each within ±MAX_ABS
    (core.numbers reads them); never raises."""
    return numbers.parse_numbers(text, MAX_POINTS, MAX_ABS)


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


def huber_lr(delta: float, form: str = "delta") -> float:
    """1 / the largest curvature of the mean Huber loss: 1 in the δ-form, σ in the book's."""
    return delta if _form(form) == "sigma" else 1.0


def huber_constant(x: torch.Tensor, delta: float, max_steps: int = 5000,
                   tol: float = 1e-12, form: str = "delta") -> tuple[float, int, float]:
    """argmin_c mean huber(x_i − c) by gradient descent with autograd, from the mean.

    The objective's slope changes at most by 1 per unit of c (1/σ in the book's form: its
    curvature is 0 or 1/σ), so lr = huber_lr is a safe step. Both forms have the same
    minimiser and, with these rates, take the same steps. Returns (c, steps, final gradient).
    """
    c = x.mean().clone().requires_grad_(True)
    opt = torch.optim.SGD([c], lr=huber_lr(delta, form))
    for step in range(max_steps):
        opt.zero_grad()
        loss("huber", x - c, delta, form).mean().backward()
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


def fit_constants(values: list[float], delta: float, form: str = "delta") -> Constants:
    """The L2, L1 and Huber constants of a small 1-D data set."""
    x = torch.tensor(values, dtype=torch.float64)  # tiny: stays on the CPU
    low, high, mid = l1_constant(x)
    c, steps, g = huber_constant(x, delta, form=form)
    return Constants(l2_constant(x), mid, low, high, c, steps, g)


def objective_curves(values: list[float], delta: float, lo: float, hi: float,
                     points: int = 401, form: str = "delta") -> dict[str, list[float]]:
    """J(c) = mean_i l(x_i − c) for each loss over c in [lo, hi]."""
    x = torch.tensor(values, dtype=torch.float64)
    c = torch.linspace(lo, hi, points, dtype=torch.float64)
    r = x[None, :] - c[:, None]  # (points, n)
    out = {"c": c.tolist()}
    for name in LOSSES:
        out[name] = loss(name, r, delta, form).mean(dim=1).tolist()
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
    form: str = "delta"  # Huber's parameterisation (FORMS)


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
             lr: float, form: str = "delta") -> Iterator[dict]:
    """Full-batch gradient descent on mean l(w·x + b − y) from w = b = 0; yields every step."""
    w = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    b = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    for step in range(1, steps + 1):
        opt.zero_grad()
        y_hat = w * x + b  # (n,)
        objective = loss(name, y_hat - y, delta, form).mean()
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
    history = {name: list(fit_line(xd, yd, name, cfg.delta, cfg.steps, cfg.lr, cfg.form))
               for name in LOSSES}
    fits = {name: (h[-1]["w"], h[-1]["b"]) for name, h in history.items()}
    return RobustResult(x.tolist(), y.tolist(), is_outlier.tolist(), fits, history)
