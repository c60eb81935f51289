"""Softmax regression's theory (d2l 3.4): one-hot labels, softmax, cross-entropy, entropy.

o = W x + b,  ŷ = softmax(o),  l(y, ŷ) = −Σ_j y_j log ŷ_j = log Σ_k exp(o_k) − o_y,
∂l/∂o_j = softmax(o)_j − y_j,  H[P] = −Σ_j P(j) log P(j),  H(P, Q) = H[P] + KL(P ‖ Q).

Every function takes plain values (ints, tuples of floats) and returns plain values or a
frozen dataclass of them; the arithmetic is float64 PyTorch. 0 · log 0 counts as 0 (its
limit) and −log 0 as math.inf: nothing here raises on a zero probability.
"""

import heapq
import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

import torch

from core.device import make_generator

DTYPE = torch.float64
TOLERANCE = 1e-6         # a row of probabilities "sums to 1" within this
LOG2 = math.log(2.0)     # 1 bit = log 2 nats


def _vec(values) -> torch.Tensor:
    return torch.as_tensor(values, dtype=DTYPE)


def _tuple(x: torch.Tensor) -> tuple[float, ...]:
    return tuple(float(v) for v in x.reshape(-1).tolist())


# ---- labels and the network -------------------------------------------------------------

def one_hot(y: int, q: int) -> tuple[float, ...]:
    """y as a vector of q entries: 1 at index y, 0 elsewhere (独热编码)."""
    return tuple(1.0 if j == y else 0.0 for j in range(q))


def parameter_count(d: int, q: int) -> int:
    """A fully-connected layer from d inputs to q outputs: d·q weights + q biases."""
    return d * q + q


@dataclass(frozen=True)
class Minibatch:
    """O = X W + b and Ŷ = softmax(O) row by row, with the shapes of each."""
    X: tuple[tuple[float, ...], ...]      # (n, d)
    W: tuple[tuple[float, ...], ...]      # (d, q)
    b: tuple[float, ...]                  # (q,), broadcast over the n rows
    O: tuple[tuple[float, ...], ...]      # (n, q)
    Y_hat: tuple[tuple[float, ...], ...]  # (n, q), each row sums to 1


def minibatch(n: int, d: int, q: int, seed: int) -> Minibatch:
    """A random minibatch X (n, d) through W (d, q), b (q,): O = XW + b, Ŷ = softmax(O)."""
    g = make_generator(seed)
    X = torch.randn(n, d, generator=g, dtype=DTYPE)
    W = torch.randn(d, q, generator=g, dtype=DTYPE)
    b = torch.randn(q, generator=g, dtype=DTYPE)
    O = X @ W + b  # (n, q): b is added to every row
    Y_hat = torch.softmax(O, dim=1)

    def rows(M):
        return tuple(tuple(r) for r in M.tolist())

    return Minibatch(rows(X), rows(W), _tuple(b), rows(O), rows(Y_hat))


# ---- softmax ----------------------------------------------------------------------------

def softmax(o, temperature: float = 1.0) -> tuple[float, ...]:
    """ŷ_j = exp(o_j / T) / Σ_k exp(o_k / T), computed as exp(z_j − max z) with z = o / T."""
    if not temperature > 0:
        raise ValueError("the temperature must be positive")
    z = _vec(o) / temperature
    e = torch.exp(z - z.max())               # the largest term is exp(0) = 1: no overflow
    return _tuple(e / e.sum())


def smallest_probability(o, temperature: float = 1.0, dtype: str = "float64") -> float:
    """min_j softmax(o / T)_j computed in float64 or float32: exp(z_min − z_max) rounds to 0
    in float32 once it is below half its smallest subnormal, 1.4e-45."""
    z = torch.as_tensor(o, dtype=getattr(torch, dtype)) / temperature
    return float(torch.softmax(z, dim=0).min())


def argmax(values) -> int:
    """The index of the largest value; the first one when several tie (as torch.argmax)."""
    values = list(values)
    return values.index(max(values))


def real_softmax(o) -> float:
    """RealSoftMax(o) = log Σ_k exp(o_k), computed as max o + log Σ_k exp(o_k − max o)."""
    x = _vec(o)
    m = x.max()
    return float(m + torch.log(torch.exp(x - m).sum()))


def scaled_real_softmax(o, lam: float) -> float:
    """λ⁻¹ · RealSoftMax(λ o): tends to max o as λ → ∞ (and stays above it)."""
    return real_softmax([lam * v for v in o]) / lam


def scaled_excess(o, lam: float) -> float:
    """λ⁻¹ · RealSoftMax(λ o) − max o = λ⁻¹ log Σ_k exp(λ (o_k − max o)) > 0, computed in
    60-digit decimal arithmetic from the exact values of the floats: float64 cannot hold it
    beside max o once it is below half the spacing of the floats there."""
    with localcontext() as ctx:
        ctx.prec = 60
        m = Decimal(max(o))
        total = sum((((Decimal(v) - m) * Decimal(lam)).exp() for v in o), Decimal(0))
        return float(total.ln() / Decimal(lam))


# ---- cross-entropy and its gradient ------------------------------------------------------

def cross_entropy(y_hat, y: int) -> float:
    """l = −log ŷ_y from probabilities: math.inf when ŷ_y = 0."""
    p = float(y_hat[y])
    return math.inf if p <= 0 else -math.log(p)


def cross_entropy_from_logits(o, y: int) -> float:
    """l = log Σ_k exp(o_k) − o_y: never the log of a probability rounded to 0."""
    return real_softmax(o) - float(o[y])


@dataclass(frozen=True)
class Likelihood:
    """Maximum likelihood on a few labelled examples: the product and the sum agree."""
    p: tuple[float, ...]        # P(y⁽ⁱ⁾ | x⁽ⁱ⁾) = ŷ⁽ⁱ⁾_y per example
    losses: tuple[float, ...]   # −log ŷ⁽ⁱ⁾_y per example, from the logits
    product: float              # Π_i P(y⁽ⁱ⁾ | x⁽ⁱ⁾): may underflow to 0
    neg_log_product: float      # −log of that product: inf once it underflowed
    sum_losses: float           # Σ_i l⁽ⁱ⁾: always finite


def likelihood(examples) -> Likelihood:
    """For examples [(logits, y), ...]: P(Y | X) = Π ŷ_y, −log P(Y | X) and Σ −log ŷ_y."""
    p = tuple(softmax(o)[y] for o, y in examples)
    losses = tuple(cross_entropy_from_logits(o, y) for o, y in examples)
    product = math.prod(p)
    return Likelihood(p, losses, product, math.inf if product <= 0 else -math.log(product),
                      math.fsum(losses))


@dataclass(frozen=True)
class SoftLabel:
    """The cross-entropy of a label that is a distribution y: the expected surprisal of ŷ."""
    y: tuple[float, ...]            # the label, a distribution over the k classes
    y_hat: tuple[float, ...]        # softmax(o)
    surprisal: tuple[float, ...]    # −log ŷ_j per class, in nats
    terms: tuple[float, ...]        # y_j · (−log ŷ_j): the loss, class by class
    loss: float                     # Σ_j y_j (−log ŷ_j) = E_{j ~ y}[−log ŷ_j]
    from_logits: float              # log Σ_k exp(o_k) − Σ_j y_j o_j: the same, from o
    entropy: float                  # H[y]: the smallest the loss can be (at ŷ = y)
    kl: float                       # KL(y ‖ ŷ) = loss − H[y]


def soft_label_loss(o, y) -> SoftLabel:
    """l(y, ŷ) = −Σ_j y_j log ŷ_j for a label y that is a distribution (d2l 3.4.5.3)."""
    y = tuple(float(v) for v in y)
    y_hat = softmax(o)
    log_y_hat = _tuple(torch.log_softmax(_vec(o), dim=0))   # finite even where ŷ_j rounds to 0
    surprise = tuple(0.0 - v for v in log_y_hat)
    terms = tuple(a * b for a, b in zip(y, surprise, strict=True))
    loss = math.fsum(terms)
    from_logits = real_softmax(o) - math.fsum(a * float(b) for a, b in zip(y, o, strict=True))
    h = entropy(y)
    return SoftLabel(y, y_hat, surprise, terms, loss, from_logits, h, loss - h)


@dataclass(frozen=True)
class Gradient:
    """∂l/∂o for one example, by the formula softmax(o) − y and by autograd."""
    y_hat: tuple[float, ...]
    y: tuple[float, ...]          # one-hot
    formula: tuple[float, ...]    # ŷ − y
    autograd: tuple[float, ...]   # torch.autograd.grad of log Σ exp(o) − o_y
    max_difference: float


def gradient(o, y: int) -> Gradient:
    """∂l/∂o_j = softmax(o)_j − y_j for l = log Σ_k exp(o_k) − Σ_j y_j o_j."""
    y_hat = softmax(o)
    label = one_hot(y, len(o))
    formula = tuple(a - b for a, b in zip(y_hat, label, strict=True))
    x = _vec(o).requires_grad_()
    loss = torch.logsumexp(x, dim=0) - (x * _vec(label)).sum()
    (grad,) = torch.autograd.grad(loss, x)
    auto = _tuple(grad)
    diff = max(abs(a - b) for a, b in zip(formula, auto, strict=True))
    return Gradient(y_hat, label, formula, auto, diff)


def softmax_covariance(o) -> tuple[tuple[float, ...], ...]:
    """diag(ŷ) − ŷ ŷᵀ: the covariance of a one-hot draw from ŷ, and the loss's Hessian in o."""
    p = _vec(softmax(o))
    return tuple(tuple(r) for r in (torch.diag(p) - torch.outer(p, p)).tolist())


def loss_hessian(o, y: int) -> tuple[tuple[float, ...], ...]:
    """∂²l/∂o_i∂o_j of l = log Σ_k exp(o_k) − o_y, by autograd (it does not depend on y)."""
    H = torch.autograd.functional.hessian(lambda x: torch.logsumexp(x, 0) - x[y], _vec(o))
    return tuple(tuple(r) for r in H.tolist())


# ---- information theory -------------------------------------------------------------------

def to_unit(nats: float, unit: str) -> float:
    """A quantity in nats (log base e) or bits (log base 2): bits = nats / log 2."""
    return nats / LOG2 if unit == "bits" else nats


def surprisal(p) -> tuple[float, ...]:
    """−log P(j) per class, in nats: math.inf for a class of probability 0."""
    return tuple(math.inf if v <= 0 else 0.0 - math.log(v) for v in p)  # 0.0, never −0.0


def entropy(p) -> float:
    """H[P] = −Σ_j P(j) log P(j) in nats, with 0 · log 0 = 0."""
    return float(torch.special.entr(_vec(p)).sum())


def cross_entropy_of(p, q) -> float:
    """H(P, Q) = −Σ_j P(j) log Q(j) in nats: inf when Q(j) = 0 where P(j) > 0."""
    return float(-torch.special.xlogy(_vec(p), _vec(q)).sum())


def kl_divergence(p, q) -> float:
    """KL(P ‖ Q) = Σ_j P(j) log(P(j) / Q(j)) = H(P, Q) − H[P] ≥ 0, in nats."""
    P, Q = _vec(p), _vec(q)
    return float((torch.special.xlogy(P, P) - torch.special.xlogy(P, Q)).sum())


def block_code_bits(n: int, k: int = 3) -> int:
    """Bits of a binary code for n outcomes of k equally likely classes, coded jointly:
    the smallest b with 2^b ≥ k^n (exact integers)."""
    return (k**n - 1).bit_length()


def huffman_lengths(weights) -> tuple[int, ...]:
    """The word lengths of an optimal prefix code (Huffman's) for symbols of these weights:
    merge the two lightest subtrees until one is left; each merge adds a bit to every symbol
    below it. Ties go to the earlier symbol, so the result is deterministic."""
    if len(weights) == 1:
        return (1,)
    lengths = [0] * len(weights)
    heap = [(w, i, (i,)) for i, w in enumerate(weights)]
    heapq.heapify(heap)
    order = len(weights)
    while len(heap) > 1:
        w1, _, a = heapq.heappop(heap)
        w2, _, b = heapq.heappop(heap)
        for i in a + b:
            lengths[i] += 1
        heapq.heappush(heap, (w1 + w2, order, a + b))
        order += 1
    return tuple(lengths)


def prefix_code(lengths) -> tuple[str, ...]:
    """The canonical prefix code with these word lengths (shortest words first, counting up)."""
    words = [""] * len(lengths)
    code, previous = 0, 0
    for i in sorted(range(len(lengths)), key=lambda i: (lengths[i], i)):
        code <<= lengths[i] - previous
        words[i] = format(code, f"0{lengths[i]}b")
        code, previous = code + 1, lengths[i]
    return tuple(words)


@dataclass(frozen=True)
class Coding:
    """Coding draws from P: the entropy bound, Huffman's code, and coding with the model's Q."""
    entropy_bits: float             # H[P] in bits: no code averages fewer bits per draw
    words_p: tuple[str, ...]        # Huffman's code built for P
    words_q: tuple[str, ...]        # Huffman's code built for Q
    huffman_bits: float             # Σ_j P(j) · len(word_p(j)): in [H[P], H[P] + 1]
    cross_entropy_bits: float       # H(P, Q) in bits: the ideal lengths −log₂ Q(j), paid on P
    huffman_q_bits: float           # Σ_j P(j) · len(word_q(j)): Q's code used on draws from P


def coding(p, q) -> Coding:
    """Entropy as a coding bound (d2l 3.4.7): H[P] ≤ Huffman(P) ≤ H[P] + 1 bits per draw,
    and a code built for Q costs about H(P, Q) = H[P] + KL(P ‖ Q) on draws from P."""
    lp, lq = huffman_lengths(list(p)), huffman_lengths(list(q))
    return Coding(entropy(p) / LOG2, prefix_code(lp), prefix_code(lq),
                  math.fsum(w * n for w, n in zip(p, lp, strict=True)),
                  cross_entropy_of(p, q) / LOG2,
                  math.fsum(w * n for w, n in zip(p, lq, strict=True)))


def block_huffman_bits(n: int, k: int = 3) -> Fraction:
    """Expected bits of Huffman's code for n draws of k equally likely classes, coded jointly
    (k^n outcomes of probability k^−n each), per block of n: an exact fraction."""
    lengths = huffman_lengths([1] * k**n)   # equal weights: the same code as 1 / k^n each
    return Fraction(sum(lengths), k**n)


@dataclass(frozen=True)
class Row:
    """A typed row of probabilities, checked: problem is None, or why it is no distribution."""
    values: tuple[float, ...]
    total: float
    normalised: tuple[float, ...] | None   # values / total (None when the total is 0)
    problem: str | None                    # "negative", "zero_sum", "not_one" or None


def check_row(values) -> Row:
    """Is `values` a probability distribution (entries ≥ 0 summing to 1)?"""
    values = tuple(float(v) for v in values)
    total = math.fsum(values)
    if any(v < 0 for v in values):
        return Row(values, total, None, "negative")
    if total <= 0:
        return Row(values, total, None, "zero_sum")
    normalised = tuple(v / total for v in values)
    return Row(values, total, normalised, None if abs(total - 1) <= TOLERANCE else "not_one")


# ---- prediction and accuracy ---------------------------------------------------------------

def accuracy(y_hat, y) -> float:
    """The share of rows whose argmax is the label: mean(argmax ŷ⁽ⁱ⁾ = y⁽ⁱ⁾)."""
    hits = [argmax(row) == label for row, label in zip(y_hat, y, strict=True)]
    return sum(hits) / len(hits)


@dataclass(frozen=True)
class Sweep:
    """Mean loss and accuracy while one logit moves: the loss is smooth, accuracy is a step."""
    shift: tuple[float, ...]
    loss: tuple[float, ...]
    accuracy: tuple[float, ...]


def shift_true_logit(logits, y, row: int, shifts) -> Sweep:
    """Add δ to the true-class logit of example `row`, for each δ: mean loss and accuracy."""
    losses, accuracies = [], []
    for delta in shifts:
        moved = [list(o) for o in logits]
        moved[row][y[row]] += delta
        losses.append(math.fsum(cross_entropy_from_logits(o, c) for o, c in zip(moved, y,
                                                                                strict=True))
                      / len(y))
        accuracies.append(accuracy(moved, y))
    return Sweep(tuple(shifts), tuple(losses), tuple(accuracies))
