"""The book's settings on the real Fashion-MNIST: both implementations, three seeds.

Six runs of 10 epochs (a few seconds each), shared by the tests of this module.
"""

import statistics

import pytest

from core import classifier as C

pytestmark = [pytest.mark.realdata, pytest.mark.slow]
SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def runs(fmnist):
    """(impl, seed) → the ten Epoch records at batch 256, lr 0.1."""
    out = {}
    for impl in C.IMPLS:
        for seed in SEEDS:
            model = C.make_model(impl, seed)
            out[impl, seed] = list(C.train(model, fmnist, C.TrainConfig(seed=seed)))
    return out


@pytest.mark.parametrize("impl", C.IMPLS)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_books_checks_hold(runs, impl, seed):
    history = runs[impl, seed]
    assert len(history) == 10
    last = history[-1]
    assert C.book_checks(last) == {"train_loss": True, "train_acc": True, "test_acc": True}
    assert last.train_loss <= 0.46, last
    assert last.test_acc >= 0.81, last
    assert history[0].train_loss > last.train_loss


@pytest.mark.parametrize("impl", C.IMPLS)
def test_mean_test_accuracy(runs, impl):
    assert statistics.mean(runs[impl, s][-1].test_acc for s in SEEDS) >= 0.82


@pytest.mark.parametrize("seed", SEEDS)
def test_scratch_and_concise_agree_within_one_point(runs, seed):
    scratch, concise = runs["scratch", seed][-1], runs["concise", seed][-1]
    assert abs(scratch.test_acc - concise.test_acc) <= 0.01
    assert abs(scratch.train_acc - concise.train_acc) <= 0.01
