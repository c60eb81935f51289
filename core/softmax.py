"""Softmax and cross-entropy three ways in a chosen dtype, and where exp over- and underflows.

naive:          y_hat = exp(o) / sum exp(o),                 loss = -log y_hat[y]
max-subtracted: y_hat = exp(o - max o) / sum exp(o - max o), loss = -log y_hat[y]
log-sum-exp:    log y_hat = o - max o - log sum exp(o - max o),  loss = -log y_hat[y]

Everything here takes plain values (lists of floats, a dtype name) and returns plain values,
so that the page only draws and the tests compare with torch.nn.functional.
"""

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core import numbers

DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32,
          "float64": torch.float64}
METHODS = ("naive", "max_subtracted", "log_sum_exp")
MAX_LOGITS = 64          # longest logit vector the page accepts
MAX_ABS_LOGIT = 1e6      # largest |logit| the page accepts (before the scale factor)
MAX_TEXT = 1000          # longest logits text

# ---- the three methods: o is (..., n) in any float dtype ----------------------------------


def naive_softmax(o: torch.Tensor) -> torch.Tensor:
    """y_hat_j = exp(o_j) / sum_k exp(o_k): exp(o) overflows to inf for large o."""
    e = torch.exp(o)
    return e / e.sum(dim=-1, keepdim=True)


def stable_softmax(o: torch.Tensor) -> torch.Tensor:
    """y_hat_j = exp(o_j - max o) / sum_k exp(o_k - max o): the largest exp is exp(0) = 1."""
    m = o.detach().amax(dim=-1, keepdim=True)  # a constant shift: softmax does not change
    e = torch.exp(o - m)
    return e / e.sum(dim=-1, keepdim=True)


def log_softmax(o: torch.Tensor) -> torch.Tensor:
    """log y_hat_j = o_j - max o - log sum_k exp(o_k - max o): never the log of a rounded 0."""
    shifted = o - o.detach().amax(dim=-1, keepdim=True)
    return shifted - torch.log(torch.exp(shifted).sum(dim=-1, keepdim=True))


def nll(log_y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-log y_hat[y] for each row: log_y_hat (..., n), y (...) -> (...)."""
    return -log_y_hat.gather(-1, y.unsqueeze(-1)).squeeze(-1)


def losses(o: torch.Tensor, y: torch.Tensor) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """(y_hat or log y_hat, loss) per method; rows of o (..., n), true classes y (...)."""
    naive = naive_softmax(o)
    stable = stable_softmax(o)
    log_y_hat = log_softmax(o)
    return {"naive": (naive, nll(torch.log(naive), y)),
            "max_subtracted": (stable, nll(torch.log(stable), y)),
            "log_sum_exp": (log_y_hat, nll(log_y_hat, y))}  # the fused cross-entropy


# ---- the input field ----------------------------------------------------------------------

ERRORS = numbers.ERRORS  # the codes parse_logits may return, one message each on the page


def parse_logits(text: str) -> numbers.Parsed:
    """Logits as typed, '2, 1, 0.1' (core.numbers reads them): 2 to MAX_LOGITS numbers, each
    within ±MAX_ABS_LOGIT; never raises."""
    return numbers.parse_numbers(text, MAX_LOGITS, MAX_ABS_LOGIT, min_count=2)


# ---- where exp stops being finite, and where it becomes 0 -----------------------------------

_BITS = {torch.float16: torch.int16, torch.bfloat16: torch.int16, torch.float32: torch.int32,
         torch.float64: torch.int64}


def _from_bits(bits: list[int], dtype: torch.dtype, device) -> torch.Tensor:
    return torch.tensor(bits, dtype=_BITS[dtype], device=device).view(dtype)


def last_true_bits(test, dtype: torch.dtype, device) -> int:
    """The largest bit pattern b >= 0 with test(float(b)) true; test is monotone in b.

    Non-negative floats are ordered like their bit patterns, so this is a search over the
    integers 0 (the float 0.0) .. bits(inf), 256 candidates at a time in one tensor.
    """
    lo = 0
    hi = int(torch.tensor([math.inf], dtype=dtype).view(_BITS[dtype]).item())
    while hi - lo > 1:
        k = min(256, hi - lo - 1)
        candidates = [lo + (hi - lo) * i // (k + 1) for i in range(1, k + 1)]
        ok = test(_from_bits(candidates, dtype, device)).tolist()
        passed = [c for c, good in zip(candidates, ok, strict=True) if good]
        failed = [c for c, good in zip(candidates, ok, strict=True) if not good]
        lo = max(passed, default=lo)
        hi = min(failed, default=hi)
    return lo


@dataclass(frozen=True)
class Limits:
    """Where exp in one dtype over- and underflows: torch.finfo's numbers and measured ones."""
    max: float                 # the largest finite number
    log_max: float             # log(max): where exp should overflow
    tiny: float                # the smallest normal number
    log_tiny: float
    subnormal: float           # the smallest positive (subnormal) number, tiny * eps
    log_subnormal: float
    log_half_subnormal: float  # log(subnormal / 2): where exp should round to 0
    eps: float                 # the spacing just above 1
    x_max: float               # largest representable x with exp(x) finite
    x_max_next: float          # the next one up: exp = inf
    x_min: float               # smallest representable x with exp(x) > 0
    x_min_next: float          # the next one down: exp = 0


def exp_limits(dtype_name: str, device="cpu") -> Limits:
    """Where torch.exp in this dtype overflows and underflows, measured and from torch.finfo.

    x_max: largest representable x with exp(x) finite; x_max_next: the next one (exp = inf).
    x_min: smallest representable x with exp(x) > 0; x_min_next: the next one down (exp = 0).
    """
    dtype = DTYPES[dtype_name]
    fi = torch.finfo(dtype)
    subnormal = fi.tiny * fi.eps  # 2**(min_exp - mantissa bits): the smallest positive float
    top = last_true_bits(lambda m: torch.isfinite(torch.exp(m)), dtype, device)
    bottom = last_true_bits(lambda m: torch.exp(-m) > 0, dtype, device)
    up = _from_bits([top, top + 1, bottom, bottom + 1], dtype, "cpu").double().tolist()
    return Limits(max=fi.max, log_max=math.log(fi.max), tiny=fi.tiny,
                  log_tiny=math.log(fi.tiny), subnormal=subnormal,
                  log_subnormal=math.log(subnormal),
                  log_half_subnormal=math.log(subnormal) - math.log(2), eps=fi.eps,
                  x_max=up[0], x_max_next=up[1], x_min=-up[2], x_min_next=-up[3])


# ---- the three methods on rows of logits, with autograd gradients -------------------------

TOL = 16  # a loss is "correct" within TOL * eps of the dtype, relative to the float64 loss;
#          a gradient's true-class entry ŷ_y − 1 likewise relative, its other entries (ŷ_j,
#          in [0, 1]) within TOL * eps absolute


def reference_loss(o64: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-log softmax(o)_y in float64, accurate to a few ulps *relative* even when it is tiny.

    With m = max o at index k: loss = (m - o_y) + log1p(sum_{j != k} exp(o_j - m)). Both
    terms are >= 0, so nothing cancels, and log1p never forms 1 + small (which would round
    the small part away, as log(sum exp(o - m)) does: F.cross_entropy in float64 included).
    """
    m, k = o64.max(dim=-1, keepdim=True)                   # (B, 1)
    rest = torch.exp(o64 - m).scatter(-1, k, 0.0).sum(-1)  # (B,): every exp but the max's 1
    gap = m.squeeze(-1) - o64.gather(-1, y.unsqueeze(-1)).squeeze(-1)
    return gap + torch.log1p(rest)


def scaled_logits(logits, scales, dtype_name: str, device="cpu") -> torch.Tensor:
    """o = scale * logits (S, n) for each scale: multiplied exactly in float64, then rounded."""
    s = torch.as_tensor(scales, dtype=torch.float64, device=device).reshape(-1, 1)
    return (s * torch.tensor(logits, dtype=torch.float64, device=device)).to(DTYPES[dtype_name])


def _status(o, y_hat, loss, ref, tol: float) -> torch.Tensor:
    """Per row: 0 ok (off the float64 loss by at most tol * |loss|, relative), 6 imprecise
    (off by more than that but by at most tol absolute: a small loss whose 1 + small was
    rounded), 4 finite but wrong, 3 loss = inf, 5 loss = inf because the true loss is beyond
    the dtype's largest number, 2 nan, 1 bad input (a logit is not finite in the dtype)."""
    err = (loss.double() - ref).abs()
    code = torch.where(err <= tol * ref.abs(), 0, torch.where(err <= tol, 6, 4))
    code = torch.where(torch.isinf(loss), 3, code)
    code = torch.where(torch.isinf(loss) & (ref >= torch.finfo(o.dtype).max), 5, code)
    code = torch.where(~torch.isfinite(y_hat).all(-1) | torch.isnan(loss), 2, code)
    return torch.where(~torch.isfinite(o).all(-1), 1, code)


def _grad_status(o, grad, ref, y, tol: float) -> torch.Tensor:
    """Per row: 0 ok, 6 imprecise, 4 wrong, 2 nan or inf, 1 bad input.

    ok: the true-class entry ŷ_y − 1 within tol of the float64 one *relative* to it (as the
    loss is judged), every other entry ŷ_j within tol absolute. imprecise: only the true-class
    entry fails, by at most tol absolute: ŷ_y − 1 = −r / (1 + r) for a small r carries the
    rounding of 1 + r, like the loss. wrong: an entry is off by more than tol absolute.
    """
    err = (grad.double() - ref).abs()                       # (B, n)
    true = y.unsqueeze(-1)
    err_y = err.gather(-1, true).squeeze(-1)
    ref_y = ref.gather(-1, true).squeeze(-1).abs()
    code = torch.where(err.amax(-1) > tol, 4, torch.where(err_y > tol * ref_y, 6, 0))
    code = torch.where(~torch.isfinite(grad).all(-1), 2, code)
    return torch.where(~torch.isfinite(o).all(-1), 1, code)


STATUS = {0: "ok", 1: "bad_input", 2: "nan", 3: "inf_loss", 4: "wrong", 5: "loss_overflow",
          6: "imprecise"}
BROKEN = {"bad_input", "nan", "inf_loss", "wrong", "loss_overflow"}  # imprecise is not broken


def evaluate(o: torch.Tensor, y: torch.Tensor) -> dict[str, dict[str, torch.Tensor]]:
    """Each method on rows of logits o (B, n), in o's dtype, true classes y (B,).

    Per method: y_hat (B, n), loss (B,), grad = d loss / d o by autograd (B, n), status and
    grad_status (B,) as codes of STATUS. "ref": softmax, loss (by log1p) and softmax - one-hot
    in float64 from the same rounded logits; the fused method also keeps log_y_hat.
    """
    o = o.detach().requires_grad_()
    o64 = o.detach().double()
    p64 = torch.softmax(o64, dim=-1)
    ref_grad = p64 - F.one_hot(y, o.shape[-1]).double()
    ref_loss = reference_loss(o64, y)
    tol = TOL * torch.finfo(o.dtype).eps
    out = {"ref": {"y_hat": p64, "loss": ref_loss, "grad": ref_grad}}
    for name, (y_hat, loss) in losses(o, y).items():
        (grad,) = torch.autograd.grad(loss.sum(), o)  # rows are independent: one pass for all
        row = {"loss": loss.detach(), "grad": grad}
        if name == "log_sum_exp":
            row["log_y_hat"] = y_hat.detach()
            y_hat = torch.exp(y_hat)
        row["y_hat"] = y_hat.detach()
        row["status"] = _status(o.detach(), row["y_hat"], row["loss"], ref_loss, tol)
        row["grad_status"] = _grad_status(o.detach(), grad, ref_grad, y, tol)
        out[name] = row
    return out


def _floats(x: torch.Tensor) -> tuple[float, ...]:
    return tuple(x.detach().double().cpu().tolist())


@dataclass(frozen=True)
class Way:
    """One method at one scale: y_hat, loss, d loss / d o, and how each compares to float64."""
    y_hat: tuple[float, ...]
    loss: float
    grad: tuple[float, ...]
    status: str = "ok"        # a value of STATUS (the float64 reference is "ok" by definition)
    grad_status: str = "ok"
    log_y_hat: tuple[float, ...] | None = None  # the fused method's log y_hat


@dataclass(frozen=True)
class ThreeWays:
    """The three methods and the float64 reference on one vector of logits o in one dtype."""
    o: tuple[float, ...]      # scale * logits, rounded to the dtype
    dtype: str
    y: int
    naive: Way
    max_subtracted: Way
    log_sum_exp: Way
    ref: Way                  # float64 from the same rounded logits
    torch_loss: float         # F.cross_entropy in the dtype

    def of(self, method: str) -> Way:
        """The way named by a value of METHODS, or "ref"."""
        return {"naive": self.naive, "max_subtracted": self.max_subtracted,
                "log_sum_exp": self.log_sum_exp, "ref": self.ref}[method]


def three_ways(logits, scale: float, y: int, dtype_name: str, device="cpu") -> ThreeWays:
    """The three methods at one scale: y_hat, loss, gradient and status, as plain values."""
    o = scaled_logits(logits, [scale], dtype_name, device)  # (1, n)
    target = torch.tensor([y], device=device)
    result = evaluate(o, target)
    ways = {}
    for name, row in result.items():
        status = {} if name == "ref" else {
            "status": STATUS[int(row["status"][0])],
            "grad_status": STATUS[int(row["grad_status"][0])]}
        log_y_hat = _floats(row["log_y_hat"][0]) if "log_y_hat" in row else None
        ways[name] = Way(_floats(row["y_hat"][0]), float(row["loss"][0]),
                         _floats(row["grad"][0]), log_y_hat=log_y_hat, **status)
    with torch.no_grad():
        torch_loss = float(F.cross_entropy(o, target))
    return ThreeWays(o=_floats(o[0]), dtype=dtype_name, y=y, torch_loss=torch_loss, **ways)


@dataclass(frozen=True)
class SweepRow:
    """One method at one scale factor."""
    scale: float
    method: str               # a value of METHODS, or "float64" for the reference
    loss: float
    status: str               # a value of STATUS
    grad_status: str


def sweep(logits, y: int, dtype_name: str, scales, device="cpu") -> list[SweepRow]:
    """For every scale factor: each method's loss, status and gradient status."""
    o = scaled_logits(logits, scales, dtype_name, device)  # (S, n)
    result = evaluate(o, torch.full((len(scales),), y, device=device))
    rows = []
    for name in METHODS:
        row = result[name]
        for scale, loss, flag, grad_flag in zip(scales, _floats(row["loss"]),
                                                row["status"].tolist(),
                                                row["grad_status"].tolist(), strict=True):
            rows.append(SweepRow(scale, name, loss, STATUS[flag], STATUS[grad_flag]))
    rows += [SweepRow(scale, "float64", loss, "ok", "ok")
             for scale, loss in zip(scales, _floats(result["ref"]["loss"]), strict=True)]
    return rows


@dataclass(frozen=True)
class Breaks:
    """The first scale factor > 0 (pos) and < 0 (neg) where a method fails; None: never."""
    pos: float | None = None
    neg: float | None = None


@dataclass(frozen=True)
class MethodBreaks:
    """Breaks per method."""
    naive: Breaks
    max_subtracted: Breaks
    log_sum_exp: Breaks

    def of(self, method: str) -> Breaks:
        """The breaks of a method named by a value of METHODS."""
        return {"naive": self.naive, "max_subtracted": self.max_subtracted,
                "log_sum_exp": self.log_sum_exp}[method]


def first_breaks(rows: list[SweepRow], key: str = "status") -> MethodBreaks:
    """Per method: the smallest scale > 0 and the largest scale < 0 where the row's status
    (key "status" or "grad_status") is broken (nan, inf or wrong; an imprecise small loss
    does not count)."""
    found: dict[tuple[str, str], float] = {}
    for row in rows:
        if row.method not in METHODS or getattr(row, key) not in BROKEN or row.scale == 0:
            continue
        side = "pos" if row.scale > 0 else "neg"
        best = found.get((row.method, side))
        if best is None or abs(row.scale) < abs(best):
            found[(row.method, side)] = row.scale
    return MethodBreaks(*(Breaks(found.get((m, "pos")), found.get((m, "neg")))
                          for m in METHODS))


def predicted_breaks(logits, y: int, limits: Limits) -> MethodBreaks:
    """From the thresholds alone: the first scale > 0 and < 0 at which each method fails.

    With scale s the logits are s*o. Naive fails once some s*o_j > x_max (exp = inf) or every
    s*o_j < x_min (0/0), or once y_hat_y = exp(s*(o_y - max o)) rounds to 0 (log 0), which
    is also where max-subtracted fails. Log-sum-exp fails only when s*o_j itself overflows,
    or when the loss, at least s*(max o - o_y), passes the dtype's largest number.
    Approximate: the dtype rounds s*o_j first.
    """
    lo_, hi_ = limits.x_min, limits.x_max

    def first(pairs) -> float | None:
        # smallest |s| (on the side s > 0) with s*a > b for some (a, b)
        found = [b / a for a, b in pairs if a > 0]
        return min(found) if found else None

    found: dict[tuple[str, str], float] = {}
    for side, sign in (("pos", 1.0), ("neg", -1.0)):
        o = [sign * v for v in logits]
        top, o_y = max(o), o[y]
        overflow = first([(top, hi_)])               # s*max o > x_max: exp = inf
        all_zero = first([(-top, -lo_)])             # s*max o < x_min: 0/0
        y_zero = first([(-o_y, -lo_)])               # s*o_y < x_min: exp(s*o_y) = 0
        gap = first([(top - o_y, -lo_)])             # s*(o_y - max o) < x_min
        too_big = first([(max(abs(v) for v in o), limits.max)])
        loss_over = first([(top - o_y, limits.max)])  # s*(max o - o_y) > finfo.max
        naive = min([v for v in (overflow, all_zero, y_zero, gap, too_big) if v is not None],
                    default=None)
        stable = min([v for v in (gap, too_big) if v is not None], default=None)
        fused = min([v for v in (too_big, loss_over) if v is not None], default=None)
        for name, value in (("naive", naive), ("max_subtracted", stable),
                            ("log_sum_exp", fused)):
            if value is not None:
                found[(name, side)] = sign * value
    return MethodBreaks(*(Breaks(found.get((m, "pos")), found.get((m, "neg")))
                          for m in METHODS))


@dataclass(frozen=True)
class SmallLoss:
    """The loss of the true class y computed two ways in one dtype, and in float64."""
    log_sum: float      # (m - o_y) + log(sum_k exp(o_k - m)): the fused method, F.cross_entropy
    log1p: float        # (m - o_y) + log1p(sum_{k != argmax} exp(o_k - m))
    ref: float          # the float64 reference (by log1p)
    rest: float         # sum_{k != argmax} exp(o_k - m) in the dtype: the "small" in 1 + small
    one_plus_rest: float  # 1 + rest, rounded to the dtype: where the digits of rest are lost
    eps: float          # the dtype's spacing just above 1

    @staticmethod
    def rel(value: float, ref: float) -> float:
        """|value - ref| / |ref| (0 when both are 0, inf when only ref is)."""
        if value == ref:
            return 0.0
        return abs(value - ref) / abs(ref) if ref != 0 else math.inf


def small_loss(logits, scale: float, y: int, dtype_name: str, device="cpu") -> SmallLoss:
    """Why a small loss loses its relative precision in log(1 + small), and log1p keeps it."""
    o = scaled_logits(logits, [scale], dtype_name, device)[0]  # (n,) in the dtype
    m, k = o.max(dim=-1)
    rest = torch.exp(o - m).scatter(-1, k[None], 0.0).sum()
    one_plus = 1 + rest                                        # rounded to the dtype
    gap = m - o[y]
    log_sum = gap + torch.log(torch.exp(o - m).sum())
    with_log1p = gap + torch.log1p(rest)
    ref = reference_loss(o.double()[None], torch.tensor([y], device=device))[0]
    return SmallLoss(float(log_sum), float(with_log1p), float(ref), float(rest),
                     float(one_plus), torch.finfo(DTYPES[dtype_name]).eps)


def scale_grid() -> list[float]:
    """The scale factors of the slider: 0 and +-(1.0 .. 9.9) x 10^k, k = -2 .. 4, and +-1e5."""
    positive = [float(f"{m}e{k - 1}") for k in range(-2, 5) for m in range(10, 100)] + [1e5]
    return [-s for s in reversed(positive)] + [0.0] + positive


@dataclass(frozen=True)
class DoubleSoftmax:
    """The loss and the gradient's norm with softmax applied once (right) and twice (wrong)."""
    right: float
    wrong: float
    grad_right: float
    grad_wrong: float


def double_softmax(logits, y: int) -> DoubleSoftmax:
    """The classic bug: softmax in the model and again inside F.cross_entropy (float64)."""
    o = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    target = torch.tensor([y])
    right = F.cross_entropy(o[None], target)
    (g_right,) = torch.autograd.grad(right, o)
    wrong = F.cross_entropy(torch.softmax(o, -1)[None], target)
    (g_wrong,) = torch.autograd.grad(wrong, o)
    return DoubleSoftmax(float(right.detach()), float(wrong.detach()), float(g_right.norm()),
                         float(g_wrong.norm()))
