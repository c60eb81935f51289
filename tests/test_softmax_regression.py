"""core.softmax_regression against PyTorch and the book's hand-computed values (d2l 3.4)."""

import math
from fractions import Fraction

import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Categorical

from core import softmax_regression as sr

LOGITS = [(2.0, 1.0, 0.1), (-3.0, 0.0, 4.5, 1.25), (0.0,) * 10, (10.0, -10.0, 3.0),
          (1000.0, -1000.0, 0.0), tuple(float(j) for j in range(-5, 5))]


def t64(values):
    return torch.tensor(values, dtype=torch.float64)


@pytest.mark.parametrize("q", [2, 3, 10])
def test_one_hot_matches_torch(q):
    for y in range(q):
        expected = F.one_hot(torch.tensor(y), q).double().tolist()
        assert list(sr.one_hot(y, q)) == expected


@pytest.mark.parametrize("o", LOGITS)
@pytest.mark.parametrize("temperature", [0.05, 0.5, 1.0, 3.0])
def test_softmax_with_temperature_matches_torch(o, temperature):
    ours = sr.softmax(o, temperature)
    theirs = F.softmax(t64(o) / temperature, dim=0).tolist()
    assert ours == pytest.approx(theirs, abs=1e-15)
    assert math.fsum(ours) == pytest.approx(1.0, abs=1e-12)
    assert all(0.0 <= p <= 1.0 for p in ours)


def test_softmax_keeps_the_order_and_ignores_a_shift():
    o = (0.3, -1.2, 2.5, 0.9)
    assert sr.argmax(sr.softmax(o)) == sr.argmax(o) == 2
    shifted = sr.softmax([v + 57.0 for v in o])
    assert shifted == pytest.approx(sr.softmax(o), abs=1e-15)


def test_temperature_sharpens_and_flattens():
    o = (2.0, 1.0, 0.1)
    assert max(sr.softmax(o, 0.05)) > 0.999 and max(sr.softmax(o, 100.0)) < 0.35
    with pytest.raises(ValueError):
        sr.softmax(o, 0.0)


def test_equal_logits_are_uniform_and_the_first_wins_the_tie():
    assert sr.softmax((0.0,) * 10) == pytest.approx((0.1,) * 10)
    assert sr.argmax((0.0,) * 10) == int(torch.argmax(torch.zeros(10))) == 0


@pytest.mark.parametrize("o", LOGITS)
def test_cross_entropy_from_logits_and_from_probabilities_match_torch(o):
    for y in range(len(o)):
        expected = float(F.cross_entropy(t64(o)[None], torch.tensor([y])))
        assert sr.cross_entropy_from_logits(o, y) == pytest.approx(expected, abs=1e-12)
        from_p = sr.cross_entropy(sr.softmax(o), y)
        if math.isfinite(from_p):
            assert from_p == pytest.approx(expected, rel=1e-9, abs=1e-12)
        else:  # the probability underflowed to 0: −log 0 = inf, the logits way is finite
            assert expected > 700


def test_book_example_losses_and_accuracy():
    """d2l 3.4/3.6: y = [0, 2], ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]."""
    y_hat, y = ((0.1, 0.3, 0.6), (0.3, 0.2, 0.5)), (0, 2)
    losses = [sr.cross_entropy(row, label) for row, label in zip(y_hat, y, strict=True)]
    assert [round(v, 4) for v in losses] == [2.3026, 0.6931]
    expected = F.nll_loss(torch.log(t64(y_hat)), torch.tensor(y), reduction="none")
    assert losses == pytest.approx(expected.tolist())
    assert sr.accuracy(y_hat, y) == 0.5
    torch_acc = (t64(y_hat).argmax(1) == torch.tensor(y)).double().mean()
    assert sr.accuracy(y_hat, y) == float(torch_acc)


def test_zero_probability_gives_infinite_loss():
    assert sr.cross_entropy((0.0, 0.5, 0.5), 0) == math.inf
    assert sr.surprisal((0.0, 1.0)) == (math.inf, 0.0)


@pytest.mark.parametrize("o", LOGITS)
def test_gradient_formula_equals_autograd_of_torch_cross_entropy(o):
    for y in range(len(o)):
        x = t64(o).requires_grad_()
        (expected,) = torch.autograd.grad(F.cross_entropy(x[None], torch.tensor([y])), x)
        g = sr.gradient(o, y)
        assert g.formula == pytest.approx(expected.tolist(), abs=1e-12)
        assert g.autograd == pytest.approx(expected.tolist(), abs=1e-12)
        assert g.max_difference < 1e-12
        assert math.fsum(g.formula) == pytest.approx(0.0, abs=1e-12)  # Σ_j (ŷ_j − y_j) = 0


def test_likelihood_product_log_and_sum_agree():
    examples = [((2.0, 1.0, 0.1), 0), ((0.5, 2.5, -1.0), 1), ((1.0, 1.0, 3.0), 2)]
    r = sr.likelihood(examples)
    logits = t64([o for o, _ in examples])
    y = torch.tensor([c for _, c in examples])
    assert r.sum_losses == pytest.approx(float(F.cross_entropy(logits, y, reduction="sum")))
    assert r.neg_log_product == pytest.approx(r.sum_losses, abs=1e-12)
    assert r.product == pytest.approx(math.exp(-r.sum_losses))
    assert r.p == pytest.approx(torch.softmax(logits, 1)[range(3), y].tolist())


def test_likelihood_product_underflows_but_the_sum_does_not():
    r = sr.likelihood([((0.0, 800.0), 0), ((0.0, 800.0), 0)])
    assert r.product == 0.0 and r.neg_log_product == math.inf
    assert r.sum_losses == pytest.approx(1600.0)


@pytest.mark.parametrize("p", [(1.0, 0.0, 0.0), (0.5, 0.25, 0.25), (0.1,) * 10, (0.7, 0.2, 0.1)])
def test_entropy_matches_categorical(p):
    expected = float(Categorical(probs=t64(p)).entropy())
    assert sr.entropy(p) == pytest.approx(expected, abs=1e-12)
    assert sr.to_unit(sr.entropy(p), "bits") == pytest.approx(expected / math.log(2))


def test_uniform_entropy_is_log_k_and_bits_of_a_fair_coin_is_one():
    assert sr.entropy((0.25,) * 4) == pytest.approx(math.log(4))
    assert sr.to_unit(sr.entropy((0.5, 0.5)), "bits") == pytest.approx(1.0)


@pytest.mark.parametrize("p, q", [((1.0, 0.0, 0.0), (0.7, 0.2, 0.1)),
                                  ((0.2, 0.5, 0.3), (0.3, 0.3, 0.4)),
                                  ((0.25,) * 4, (0.1, 0.2, 0.3, 0.4))])
def test_cross_entropy_and_kl_of_distributions_match_torch(p, q):
    P, Q = t64(p), t64(q)
    kl = float(F.kl_div(Q.log(), P, reduction="sum"))
    assert sr.kl_divergence(p, q) == pytest.approx(kl, abs=1e-12)
    h = float(-(P * Q.log()).sum())
    assert sr.cross_entropy_of(p, q) == pytest.approx(h, abs=1e-12)
    assert sr.cross_entropy_of(p, q) == pytest.approx(sr.entropy(p) + sr.kl_divergence(p, q))
    assert sr.cross_entropy_of(p, q) >= sr.entropy(p)


def test_book_information_example():
    """p = [1, 0, 0], q = [0.7, 0.2, 0.1]: H(P) = 0, H(P, Q) = KL = −log 0.7."""
    p, q = (1.0, 0.0, 0.0), (0.7, 0.2, 0.1)
    assert sr.entropy(p) == 0.0
    assert sr.cross_entropy_of(p, q) == pytest.approx(-math.log(0.7))
    assert round(sr.cross_entropy_of(p, q), 4) == 0.3567
    assert sr.kl_divergence(p, q) == pytest.approx(-math.log(0.7))


def test_zero_in_q_where_p_is_positive_is_infinite():
    assert sr.cross_entropy_of((0.5, 0.5), (1.0, 0.0)) == math.inf
    assert sr.kl_divergence((0.5, 0.5), (1.0, 0.0)) == math.inf
    assert sr.cross_entropy_of((1.0, 0.0), (1.0, 0.0)) == 0.0  # 0 · log 0 = 0


@pytest.mark.parametrize("d, q", [(4, 3), (784, 10), (1, 2), (16, 10)])
def test_parameter_count_matches_nn_linear(d, q):
    layer = torch.nn.Linear(d, q)
    assert sr.parameter_count(d, q) == sum(p.numel() for p in layer.parameters())
    assert sr.parameter_count(784, 10) == 7850


def test_minibatch_shapes_and_rows():
    m = sr.minibatch(5, 4, 3, seed=0)
    X, W, b = t64(m.X), t64(m.W), t64(m.b)
    assert X.shape == (5, 4) and W.shape == (4, 3) and b.shape == (3,)
    assert torch.allclose(t64(m.O), X @ W + b)
    assert torch.allclose(t64(m.Y_hat), torch.softmax(X @ W + b, dim=1))
    assert torch.allclose(t64(m.Y_hat).sum(1), torch.ones(5, dtype=torch.float64))
    assert sr.minibatch(5, 4, 3, seed=0) == m and sr.minibatch(5, 4, 3, seed=1) != m


@pytest.mark.parametrize("o", LOGITS)
def test_real_softmax_is_logsumexp_and_bounded(o):
    lse = sr.real_softmax(o)
    assert lse == pytest.approx(float(torch.logsumexp(t64(o), 0)), abs=1e-12)
    assert max(o) <= lse <= max(o) + math.log(len(o)) + 1e-12
    values = [sr.scaled_real_softmax(o, lam) for lam in (1.0, 10.0, 100.0, 1000.0)]
    assert all(v >= max(o) - 1e-12 for v in values)
    assert values == sorted(values, reverse=True)  # decreasing towards max o
    assert values[-1] - max(o) <= math.log(len(o)) / 1000 + 1e-12


def test_real_softmax_of_two_numbers_exceeds_the_max():
    assert sr.real_softmax((1.0, 2.0)) == pytest.approx(math.log(math.e + math.e**2))
    assert sr.real_softmax((1.0, 2.0)) > 2.0


@pytest.mark.parametrize("o", LOGITS[:4])
def test_softmax_covariance_is_the_hessian_of_the_loss(o):
    hessian = torch.autograd.functional.hessian(
        lambda x: F.cross_entropy(x[None], torch.tensor([0])), t64(o))
    assert torch.allclose(t64(sr.softmax_covariance(o)), hessian, atol=1e-12)
    assert torch.allclose(t64(sr.loss_hessian(o, len(o) - 1)), hessian, atol=1e-12)


def test_block_codes_approach_log2_3_bits():
    assert [sr.block_code_bits(n) for n in (1, 2, 3, 5)] == [2, 4, 5, 8]
    assert sr.block_code_bits(100) / 100 == pytest.approx(math.log2(3), abs=0.01)
    assert 2 ** sr.block_code_bits(5) >= 3**5 > 2 ** (sr.block_code_bits(5) - 1)


def test_check_row():
    assert sr.check_row((0.1, 0.3, 0.6)).problem is None
    row = sr.check_row((1.0, 1.0, 2.0))
    assert row.problem == "not_one" and row.total == 4.0
    assert row.normalised == (0.25, 0.25, 0.5)
    assert sr.check_row((0.0, 0.0)).problem == "zero_sum"
    assert sr.check_row((-0.1, 1.1)).problem == "negative"


def test_accuracy_is_a_step_while_the_loss_is_smooth():
    y_hat = ((0.1, 0.3, 0.6), (0.3, 0.2, 0.5))
    logits = [[math.log(p) for p in row] for row in y_hat]
    s = sr.shift_true_logit(logits, (0, 2), 0, [0.0, 1.0, 1.7, 1.9, 3.0])
    assert s.accuracy == (0.5, 0.5, 0.5, 1.0, 1.0)  # log 0.1 + δ passes log 0.6 at δ = log 6 ≈ 1.79
    assert all(a > b for a, b in zip(s.loss, s.loss[1:], strict=False))
    assert s.loss[0] == pytest.approx((2.302585 + 0.693147) / 2, abs=1e-6)


# ---- issue 27: exact excess, Huffman, soft labels --------------------------------------------

def test_scaled_excess_is_exact_where_float64_rounds_it_away():
    import mpmath

    mpmath.mp.dps = 80
    o = (2.0, 1.0, 0.1)
    for lam in (1.0, 10.0, 100.0):
        exact = mpmath.log(sum(mpmath.exp(lam * (mpmath.mpf(v) - 2)) for v in o)) / lam
        assert sr.scaled_excess(o, lam) == pytest.approx(float(exact), rel=1e-12)
    assert f"{sr.scaled_excess(o, 100.0):.3g}" == "3.72e-46"
    assert sr.scaled_real_softmax(o, 100.0) == 2.0  # float64: the excess is below ulp(2) / 2
    assert sr.scaled_excess(o, 100.0) < math.ulp(2.0) / 2


def test_huffman_on_pairs_of_three_equal_classes_costs_29_ninths():
    assert sr.block_huffman_bits(1) == Fraction(5, 3)
    assert sr.block_huffman_bits(2) == Fraction(29, 9)
    assert sorted(sr.huffman_lengths([1] * 9)) == [3] * 7 + [4] * 2
    assert float(sr.block_huffman_bits(2)) / 2 < 5 / 3 and sr.block_code_bits(2) / 2 == 2.0


@pytest.mark.parametrize("p", [(0.5, 0.25, 0.25), (0.7, 0.2, 0.1), (1.0, 0.0, 0.0),
                               (0.05, 0.05, 0.1, 0.3, 0.5), (0.2,) * 5])
def test_huffman_code_is_prefix_free_and_within_a_bit_of_the_entropy(p):
    c = sr.coding(p, (0.1,) * 4 + (0.6,) if len(p) == 5 else (0.2, 0.3, 0.5))
    words = c.words_p
    assert not any(a != b and b.startswith(a) for a in words for b in words)
    assert sum(2.0 ** -len(w) for w in words) == pytest.approx(1.0)  # a full binary tree
    assert c.entropy_bits - 1e-12 <= c.huffman_bits <= c.entropy_bits + 1
    if min(p) > 0:
        assert c.huffman_bits < c.entropy_bits + 1
    assert c.huffman_q_bits >= c.entropy_bits - 1e-12


def test_soft_label_loss_matches_torch_with_probability_targets():
    o, y = (2.0, 1.0, 0.1), (0.1, 0.2, 0.7)
    r = sr.soft_label_loss(o, y)
    expected = float(F.cross_entropy(t64([o]), t64([y])))
    assert r.loss == pytest.approx(expected, abs=1e-12)
    assert r.from_logits == pytest.approx(expected, abs=1e-12)
    assert r.entropy == pytest.approx(float(Categorical(probs=t64(y)).entropy()))
    assert r.kl == pytest.approx(sr.kl_divergence(y, r.y_hat), abs=1e-12)


def test_smallest_probability_is_zero_in_float32_only():
    o = (10.0, -10.0, 0.0)
    assert sr.smallest_probability(o, 0.05) == pytest.approx(math.exp(-400), rel=1e-9)
    assert sr.smallest_probability(o, 0.05, "float32") == 0.0
