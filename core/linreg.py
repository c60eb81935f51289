"""Linear regression trained by minibatch SGD, from scratch and with nn.Linear (d2l 3.2-3.3).

Both training loops are generators: they yield a `Record` for the starting point, one per
minibatch step and one per epoch, and stop at once (with a "diverged" record) when the loss
or a parameter stops being finite. The caller draws, stops or collects; nothing here prints.
"""

import dataclasses
import math
import time
from collections.abc import Iterator

import torch
from torch import nn
from torch.utils import data

from core.device import get_device, make_generator

IMPLEMENTATIONS = ("scratch", "concise")


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    """The book's hyperparameters; `seed` drives the initial weights and the shuffling."""
    lr: float = 0.03
    batch_size: int = 10
    num_epochs: int = 3
    seed: int = 0


# The menus a page offers (ui.params declares them; a class experiment accepts only these)
LR_CHOICES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)
BATCH_CHOICES = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
MAX_EPOCHS = 30


@dataclasses.dataclass(frozen=True)
class DataSpec:
    """d2l's synthetic data: n examples of y = w1·x1 + w2·x2 + b + ε, ε ~ N(0, noise²), drawn
    with `seed`. The defaults are the book's; hashable, so it keys a page's caches."""
    n: int = 1000
    noise: float = 0.01
    w1: float = 2.0
    w2: float = -3.4
    b: float = 4.2
    seed: int = 0


def total_steps(spec: DataSpec, cfg: TrainConfig) -> int:
    """Minibatch updates in a run: epochs × ⌈n / batch_size⌉."""
    return cfg.num_epochs * math.ceil(spec.n / cfg.batch_size)


@dataclasses.dataclass
class Record:
    """One moment of training. kind: "init", "step", "epoch" or "diverged".

    loss is the minibatch loss for "step" (before the update), the loss on all the data
    for "init" and "epoch"; w and b are the parameters after the step.
    """
    kind: str
    epoch: int
    step: int
    loss: float
    w: list[float]
    b: float
    seconds: float = 0.0


# ---- from scratch (d2l 3.2) --------------------------------------------------------------

def data_iter(batch_size, features, labels, generator=None):
    """Minibatches (X, y) of `batch_size` examples in a fresh random order (the last may be smaller)."""
    num_examples = len(features)
    indices = torch.randperm(num_examples, generator=generator).to(features.device)
    for i in range(0, num_examples, batch_size):
        batch_indices = indices[i: i + batch_size]
        yield features[batch_indices], labels[batch_indices]


def linreg(X, w, b):
    """ŷ = Xw + b."""
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    """(ŷ − y)² / 2, one value per example."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    """Minibatch SGD: p ← p − lr · (summed gradient) / batch_size."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def init_scratch(num_inputs, generator=None, device="cpu"):
    """w ~ N(0, 0.01²) of shape (d, 1) and b = 0, both with requires_grad."""
    w = torch.normal(0, 0.01, size=(num_inputs, 1), generator=generator).to(device)
    b = torch.zeros(1, device=device)
    return w.requires_grad_(), b.requires_grad_()


def train_scratch(features, labels, cfg: TrainConfig | None = None,
                  device=None) -> Iterator[Record]:
    """d2l's training loop from scratch, one record per step and per epoch."""
    cfg, device = cfg or TrainConfig(), device or get_device()
    g = make_generator(cfg.seed)  # CPU: the same numbers on every device
    features, labels = features.to(device), labels.to(device)
    w, b = init_scratch(features.shape[1], g, device)
    net, loss = linreg, squared_loss
    with torch.no_grad():
        yield _record("init", 0, 0, loss(net(features, w, b), labels).mean(), w, b)
    step, start = 0, time.perf_counter()
    for epoch in range(1, cfg.num_epochs + 1):
        for X, y in data_iter(cfg.batch_size, features, labels, g):
            l = loss(net(X, w, b), y)  # (B, 1)
            l.sum().backward()
            sgd([w, b], cfg.lr, cfg.batch_size)
            step += 1
            record = _record("step", epoch, step, l.mean(), w, b)
            yield record
            if _diverged(record):
                yield dataclasses.replace(record, kind="diverged")
                return
        with torch.no_grad():
            train_l = loss(net(features, w, b), labels)
        yield _record("epoch", epoch, step, train_l.mean(), w, b, time.perf_counter() - start)


# ---- concise (d2l 3.3) -------------------------------------------------------------------

def load_array(data_arrays, batch_size, is_train=True, generator=None):
    """A DataLoader over tensors, shuffled by `generator` when training."""
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train, generator=generator)


def init_concise(num_inputs, generator=None, device="cpu"):
    """nn.Sequential(nn.Linear(d, 1)) with weight ~ N(0, 0.01²) and bias = 0."""
    net = nn.Sequential(nn.Linear(num_inputs, 1))
    nn.init.normal_(net[0].weight, 0, 0.01, generator=generator)
    nn.init.zeros_(net[0].bias)
    return net.to(device)


def train_concise(features, labels, cfg: TrainConfig | None = None,
                  device=None) -> Iterator[Record]:
    """d2l's concise loop: DataLoader, nn.Linear, nn.MSELoss, torch.optim.SGD."""
    cfg, device = cfg or TrainConfig(), device or get_device()
    g = make_generator(cfg.seed)
    features, labels = features.to(device), labels.to(device)
    net = init_concise(features.shape[1], g, device)
    loss = nn.MSELoss()  # mean of (ŷ − y)²: no ½, already averaged over the batch
    trainer = torch.optim.SGD(net.parameters(), lr=cfg.lr)
    data_iter = load_array((features, labels), cfg.batch_size, generator=g)
    weight, bias = net[0].weight, net[0].bias
    with torch.no_grad():
        yield _record("init", 0, 0, loss(net(features), labels), weight, bias)
    step, start = 0, time.perf_counter()
    for epoch in range(1, cfg.num_epochs + 1):
        for X, y in data_iter:
            l = loss(net(X), y)
            trainer.zero_grad()
            l.backward()
            trainer.step()
            step += 1
            record = _record("step", epoch, step, l, weight, bias)
            yield record
            if _diverged(record):
                yield dataclasses.replace(record, kind="diverged")
                return
        with torch.no_grad():
            l = loss(net(features), labels)
        yield _record("epoch", epoch, step, l, weight, bias, time.perf_counter() - start)


def train(impl: str, features, labels, cfg: TrainConfig | None = None,
          device=None) -> Iterator[Record]:
    """The loop of implementation `impl` ("scratch" or "concise")."""
    loop = {"scratch": train_scratch, "concise": train_concise}[impl]
    return loop(features, labels, cfg, device)


def _record(kind, epoch, step, loss, w, b, seconds=0.0) -> Record:
    return Record(kind, epoch, step, float(loss.detach()), w.detach().flatten().tolist(),
                  float(b.detach().flatten()[0]), seconds)


def _diverged(record: Record) -> bool:
    return not all(math.isfinite(v) for v in (record.loss, record.b, *record.w))


# ---- what SGD should find, and where it cannot -------------------------------------------

def with_bias_column(X):
    """[X, 1]: the bias folded into the weights as one more input that is always 1."""
    return torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype, device=X.device)], dim=1)


def analytic_solution(X, y):
    """w* = (XᵀX)⁻¹Xᵀy with the bias folded into X; returns (w, b), or None when XᵀX is singular."""
    X1, y = with_bias_column(X.double()), y.double().reshape(-1, 1)
    try:
        theta = torch.linalg.solve(X1.T @ X1, X1.T @ y)  # (d + 1, 1)
    except torch.linalg.LinAlgError:
        return None
    if not torch.isfinite(theta).all():
        return None
    return theta[:-1, 0].tolist(), float(theta[-1, 0])


def loss_scale(impl: str) -> float:
    """The loss as a multiple of mean (ŷ − y)²: ½ from scratch, 1 for nn.MSELoss."""
    return 0.5 if impl == "scratch" else 1.0


def _centred_quadratic(X, y):
    """(C, c, s) with the loss at the best b equal to s − 2wᵀc + wᵀCw (float64).

    With b at its optimum, b* = mean(y − Xw), the loss is that of the centred data:
    C = X̃ᵀX̃/n, c = X̃ᵀỹ/n, s = ỹᵀỹ/n.
    """
    Xc = X.double() - X.double().mean(0)
    yc = y.double().reshape(-1) - y.double().mean()
    n = len(X)
    return Xc.T @ Xc / n, Xc.T @ yc / n, yc @ yc / n


def loss_landscape(X, y, w1_lim, w2_lim, size=60, scale=0.5):
    """scale · mean (y − Xw − b*)² on a size × size grid of (w1, w2), b* = mean(y − Xw).

    Returns (w1, w2, loss), each a flat list of size² values.
    """
    C, c, s = _centred_quadratic(X, y)
    w1, w2 = torch.meshgrid(torch.linspace(*w1_lim, size, dtype=torch.float64),
                            torch.linspace(*w2_lim, size, dtype=torch.float64), indexing="ij")
    W = torch.stack([w1.flatten(), w2.flatten()], dim=1)  # (size², 2)
    loss = s - 2 * W @ c + ((W @ C) * W).sum(1)
    return w1.flatten().tolist(), w2.flatten().tolist(), (scale * loss.clamp(min=0)).tolist()


def loss_contours(X, y, levels, scale=0.5, points=73):
    """The curves where the landscape's loss equals each level: ellipses around w*.

    The loss is L* + (w − w*)ᵀC(w − w*) (times scale), so the level set of L is
    w = w* + √(L/scale − L*) · C^(−½)·(cos θ, sin θ). Returns (level, w1, w2) lists,
    `points` per level (the first point repeated last); levels at or below the minimum
    are left out.
    """
    C, c, s = _centred_quadratic(X, y)
    try:
        w_star = torch.linalg.solve(C, c)
    except torch.linalg.LinAlgError:  # every example alike: no bowl to draw
        return [], [], []
    floor = float(s - c @ w_star)  # L*, the loss at the optimum (unscaled)
    lam, V = torch.linalg.eigh(C)
    C_inv_sqrt = V @ torch.diag(lam.clamp(min=1e-300).rsqrt()) @ V.T
    theta = torch.linspace(0, 2 * math.pi, points, dtype=torch.float64)
    circle = torch.stack([theta.cos(), theta.sin()])  # (2, points)
    out = ([], [], [])
    for level in levels:
        excess = level / scale - floor
        if excess <= 0:
            continue
        curve = w_star[:, None] + math.sqrt(excess) * C_inv_sqrt @ circle  # (2, points)
        out[0].extend([level] * points)
        out[1].extend(curve[0].tolist())
        out[2].extend(curve[1].tolist())
    return out


def landscape_window(start, w_star, margin=0.6):
    """A square (w1, w2) window that holds the starting point and the optimum."""
    centre = [(a + b) / 2 for a, b in zip(start, w_star, strict=True)]
    half = max(abs(a - b) for a, b in zip(start, w_star, strict=True)) / 2 * (1 + margin) + 0.5
    return (centre[0] - half, centre[0] + half), (centre[1] - half, centre[1] + half)


def max_stable_lr(X, batch_size: int, impl: str) -> float:
    """Largest learning rate for which SGD on this data does not blow up, estimated.

    The loss is scale · mean (x̃ᵀθ − y)², x̃ = [x, 1]; its Hessian is H = 2·scale·X̃ᵀX̃/n.
    Full-batch gradient descent is stable iff lr < 2/λ_max(H). A minibatch of B examples
    (drawn without replacement) adds noise to H; keeping its mean square bounded needs
    lr < 2λ/(λ² + v·(1/B − 1/n)·n/(n − 1)), λ = λ_max(H), v = λ_max(E[ĥĥ]) − λ², ĥ the
    one-example Hessian. At B = n this is exactly 2/λ.
    """
    X1 = with_bias_column(X.double())
    n = len(X1)
    k = 2 * loss_scale(impl)
    H = k * X1.T @ X1 / n
    lam = float(torch.linalg.eigvalsh(H)[-1])
    # E[ĥĥ] with ĥ = k x̃x̃ᵀ: k² · mean ‖x̃‖² x̃x̃ᵀ
    M = k * k * (X1 * (X1 * X1).sum(1, keepdim=True)).T @ X1 / n
    v = max(float(torch.linalg.eigvalsh(M)[-1]) - lam * lam, 0.0)
    fpc = (1 / batch_size - 1 / n) * n / (n - 1) if n > 1 else 0.0
    return 2 * lam / (lam * lam + v * max(fpc, 0.0))


# ---- how fast, and where the edge really is (d2l 3.1 and the exercises of 3.2) ----------

@dataclasses.dataclass(frozen=True)
class Run:
    """A finished run: the data, implementation and hyperparameters it used, its records."""
    spec: DataSpec
    impl: str
    cfg: TrainConfig
    records: tuple[Record, ...]
    seconds: float

    @property
    def state(self) -> str:
        """'diverged' (stopped by a non-finite loss) or 'trained'."""
        return "diverged" if self.records[-1].kind == "diverged" else "trained"


@dataclasses.dataclass(frozen=True)
class Curvature:
    """The extreme eigenvalues of the Hessian H of the loss, and the learning rates they set.

    bound = 2/λ_max: full-batch gradient descent converges iff lr < bound.
    fastest = 2/(λ_min + λ_max): the lr whose slowest direction shrinks fastest,
    |1 − lr·λ| largest over λ ∈ {λ_min, λ_max} is smallest there.
    """
    lam_min: float
    lam_max: float
    bound: float
    fastest: float


def curvature(X, impl: str) -> Curvature:
    """λ_min and λ_max of H = 2·scale·X̃ᵀX̃/n (bias folded in), and 2/λ_max, 2/(λ_min + λ_max)."""
    X1 = with_bias_column(X.double())
    lam = torch.linalg.eigvalsh(2 * loss_scale(impl) * X1.T @ X1 / len(X1))
    lo, hi = float(lam[0]), float(lam[-1])
    return Curvature(lo, hi, 2 / hi, 2 / (lo + hi))


@dataclasses.dataclass(frozen=True)
class Edge:
    """The largest learning rate that did not blow up in short SGD runs, found by bisection.

    stable < edge ≤ unstable (stable is 0.0 when even the smallest tried rate blew up);
    each run took `steps` SGD steps (`epochs` epochs, the last one possibly cut short);
    runs: how many short runs it took; seconds: what the search cost.
    """
    stable: float
    unstable: float
    epochs: int
    steps: int
    runs: int
    seconds: float


def _sgd_grows(X1, y, lr: float, batch_size: int, steps: int, scale: float, seed: int) -> bool:
    """Does minibatch SGD on scale·mean (x̃ᵀθ − y)² end above its starting loss (or at inf/nan)?

    The same update as both implementations, θ ← θ − lr · 2·scale·X̃_Bᵀ(X̃_Bθ − y_B)/|B|, written
    without autograd so that a run costs microseconds per step.
    """
    g = make_generator(seed)
    theta = torch.cat([torch.normal(0, 0.01, size=(X1.shape[1] - 1, 1), generator=g),
                       torch.zeros(1, 1)])  # (d + 1, 1): w as initialised, then b = 0

    def loss() -> float:
        return float(scale * ((X1 @ theta - y) ** 2).mean())

    start, done = loss(), 0
    with torch.no_grad():
        while done < steps:  # whole epochs, the last one cut at `steps`
            for idx in torch.randperm(len(X1), generator=g).split(batch_size)[:steps - done]:
                Xb, yb = X1[idx], y[idx]  # (B, d + 1), (B, 1)
                theta -= lr * 2 * scale * Xb.T @ (Xb @ theta - yb) / len(idx)
                done += 1
            end = loss()
            if not math.isfinite(end):
                return True
    return end > start


def measured_stable_lr(X, y, batch_size: int, impl: str, seed: int = 0, min_steps: int = 300,
                       max_steps: int = 3000, rel_tol: float = 0.02, max_runs: int = 24) -> Edge:
    """Bisect lr (in log scale) between a rate that trains and one whose loss grows.

    A rate counts as stable when a short run of minibatch SGD (this seed's shuffles; 3
    epochs, lengthened to `min_steps` steps or cut to `max_steps`) ends below its starting
    loss: just above the edge the error grows by |1 − lr·λ| > 1 per step, and a few hundred
    steps make that visible. The search starts from the full-batch bound 2/λ_max.
    """
    start = time.perf_counter()
    steps_per_epoch = math.ceil(len(X) / batch_size)
    steps = min(max(3 * steps_per_epoch, min_steps), max_steps)
    epochs = math.ceil(steps / steps_per_epoch)
    X1, y = with_bias_column(X.float()), y.float().reshape(-1, 1)
    scale, runs = loss_scale(impl), 0

    def grows(lr: float) -> bool:
        nonlocal runs
        runs += 1
        return _sgd_grows(X1, y, lr, batch_size, steps, scale, seed)

    bound = curvature(X, impl).bound
    lo, hi = bound / 2, bound * 2
    while not grows(hi) and runs < max_runs // 3:
        lo, hi = hi, hi * 2
    while grows(lo) and lo > bound / 1e3 and runs < max_runs // 2:
        hi, lo = lo, lo / 2
    if lo <= bound / 1e3:
        lo = 0.0
    while lo > 0 and hi / lo > 1 + rel_tol and runs < max_runs:
        mid = math.sqrt(lo * hi)
        lo, hi = (lo, mid) if grows(mid) else (mid, hi)
    return Edge(lo, hi, epochs, steps, runs, time.perf_counter() - start)


@dataclasses.dataclass(frozen=True)
class VectorTiming:
    """d2l 3.1.2: adding two n-vectors element by element in Python, and in one call."""
    n: int
    loop_seconds: float
    vector_seconds: float
    ratio: float
    device: str


def time_vectorisation(n: int = 10_000, device=None, repeats: int = 5) -> VectorTiming:
    """c[i] = a[i] + b[i] in a Python for-loop against d = a + b (best of `repeats`)."""
    device = torch.device(device or get_device())
    a, b = torch.ones(n, device=device), torch.ones(n, device=device)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize(device)

    def loop() -> float:
        c = torch.zeros(n, device=device)
        sync()
        t0 = time.perf_counter()
        for i in range(n):
            c[i] = a[i] + b[i]
        sync()
        return time.perf_counter() - t0

    def vector() -> float:
        sync()
        t0 = time.perf_counter()
        d = a + b
        sync()
        return time.perf_counter() - t0

    loop_s = loop()  # one loop is already many thousand calls: no need to repeat it
    vector_s = min(vector() for _ in range(repeats))
    return VectorTiming(n, loop_s, vector_s, loop_s / max(vector_s, 1e-9), str(device))


# ---- replay and one step by hand (issue 16 §2) --------------------------------------------

def replay(records, step: int) -> tuple[Record, ...]:
    """The run as it stood after `step` updates: the records up to that step (a prefix)."""
    return tuple(r for r in records if r.step <= step)


FRAME_SECONDS = 0.25  # a playing replay shows a frame about this often (at most 0.25 s)


def next_frame(step: int, end: int, speed: float) -> tuple[int, bool, float]:
    """The player's next frame at `speed` steps per second: the step it shows, whether it
    plays on (it stops at `end`), and how long the frame stays, stride / speed ≤ FRAME_SECONDS."""
    stride = max(1, int(speed * FRAME_SECONDS))
    step = min(step + stride, end)
    return step, step < end, stride / speed


@dataclasses.dataclass(frozen=True)
class SGDStep:
    """One minibatch update, w ← w − η/|B| Σ_{i∈B} ∂l⁽ⁱ⁾/∂w and b likewise.

    l⁽ⁱ⁾ = scale·(ŷ⁽ⁱ⁾ − y⁽ⁱ⁾)², ŷ = wᵀx + b (scale ½ from scratch, 1 for nn.MSELoss);
    grad_w and grad_b are the sums over the minibatch (before dividing by |B|).
    """
    indices: tuple[int, ...]
    X: tuple[tuple[float, ...], ...]
    y: tuple[float, ...]
    y_hat: tuple[float, ...]
    loss: float                  # mean l over the minibatch, before the update
    w: tuple[float, ...]
    b: float
    lr: float
    scale: float
    grad_w: tuple[float, ...]    # Σ ∂l⁽ⁱ⁾/∂w
    grad_b: float                # Σ ∂l⁽ⁱ⁾/∂b
    w_new: tuple[float, ...]
    b_new: float


def minibatch(n: int, batch_size: int, seed: int) -> list[int]:
    """The first `batch_size` indices of a random order of n examples drawn with `seed`."""
    return torch.randperm(n, generator=make_generator(seed))[:batch_size].tolist()


def sgd_step(X, y, w, b: float, lr: float, indices, impl: str) -> SGDStep:
    """One SGD update of (w, b) on the examples `indices`, written out (float64, no autograd)."""
    scale = loss_scale(impl)
    Xb = X.double()[indices]                    # (B, d)
    yb = y.double().reshape(-1)[indices]        # (B,)
    w_t = torch.tensor(list(w), dtype=torch.float64)
    y_hat = Xb @ w_t + b
    residual = y_hat - yb
    grad_w = 2 * scale * Xb.T @ residual        # Σ ∂l/∂w = Σ 2·scale·x(ŷ − y)
    grad_b = float(2 * scale * residual.sum())
    size = len(indices)
    w_new = w_t - lr / size * grad_w
    return SGDStep(tuple(int(i) for i in indices), tuple(map(tuple, Xb.tolist())),
                   tuple(yb.tolist()), tuple(y_hat.tolist()),
                   float(scale * (residual ** 2).mean()), tuple(float(v) for v in w), float(b),
                   float(lr), scale, tuple(grad_w.tolist()), grad_b, tuple(w_new.tolist()),
                   float(b - lr / size * grad_b))
