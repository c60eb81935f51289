"""core.calibration: the reliability diagram's numbers and the two reasons test accuracy dips."""

import math

import pytest
import torch

from core import calibration as cal
from core.classifier import Epoch


def slow_reliability(probs, labels, bins=10):
    """The same numbers by a loop over the examples, as the definition reads."""
    rows = [[] for _ in range(bins)]
    for p, y in zip(probs.tolist(), labels.tolist(), strict=True):
        c = max(p)
        rows[min(int(c * bins), bins - 1)].append((c, p.index(c) == y))
    n = len(labels)
    ece = sum(len(r) / n * abs(sum(ok for _, ok in r) / len(r) - sum(c for c, _ in r) / len(r))
              for r in rows if r)
    return [len(r) for r in rows], ece


@pytest.mark.parametrize("seed, spread", [(0, 3.0), (1, 0.3), (2, 10.0)])
def test_reliability_matches_the_definition(seed, spread):
    g = torch.Generator().manual_seed(seed)
    probs = torch.softmax(torch.randn(500, 10, generator=g) * spread, 1)
    labels = torch.randint(0, 10, (500,), generator=g)
    r = cal.reliability(probs, labels)
    counts, ece = slow_reliability(probs.double(), labels)
    assert list(r.count) == counts and sum(r.count) == 500
    assert r.ece == pytest.approx(ece, abs=1e-12)
    assert r.accuracy_all == pytest.approx(float((probs.argmax(1) == labels).double().mean()))
    for count, acc in zip(r.count, r.accuracy, strict=True):
        assert math.isnan(acc) == (count == 0)


def test_a_calibrated_model_has_a_small_ece_and_a_confident_wrong_one_a_large_one():
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(20000, 10, generator=g) * 2
    probs = torch.softmax(logits, 1)
    labels = torch.multinomial(probs, 1, generator=g).squeeze(1)  # drawn from the model itself
    assert cal.reliability(probs, labels).ece < 0.02
    sharp = torch.softmax(logits * 5, 1)                        # same ranking, overconfident
    over = cal.reliability(sharp, labels)
    assert over.ece > 0.2 and over.mean_confidence > over.accuracy_all


def epochs(test_accs, losses=None):
    losses = losses or [1.0 - 0.05 * i for i in range(len(test_accs))]
    return [Epoch(i + 1, loss, acc + 0.01, acc, 1.0)
            for i, (acc, loss) in enumerate(zip(test_accs, losses, strict=True))]


def test_wobble_tells_noise_from_a_lasting_decline():
    # the page's default run (issue 27): dips at epochs 4 and 10, the best at epoch 9
    noise = cal.wobble(epochs([0.79, 0.81, 0.8184, 0.7999, 0.81, 0.82, 0.8261, 0.826, 0.8321,
                               0.8248]))
    assert [d[0] for d in noise.dips] == [4, 8, 10] and noise.best_epoch == 9
    assert not noise.overfitting and noise.loss_rises == ()
    decline = cal.wobble(epochs([0.80, 0.83, 0.82, 0.815, 0.81]))
    assert decline.overfitting and decline.best_epoch == 2
