"""The book's own code (core/book_pipeline.py) against torch, and one epoch of it on the real data."""

import dataclasses

import pytest
import torch
import torch.nn.functional as F

from core import book_pipeline as B
from core import classifier as C
from core import pipeline_timing as P


def test_worked_example_against_torch():
    ex = B.worked_example()
    y_hat, y = torch.tensor(ex.y_hat), torch.tensor(ex.y)
    assert ex.y == (0, 2)
    assert [v for row in ex.y_hat for v in row] == pytest.approx([0.1, 0.3, 0.6, 0.3, 0.2, 0.5])
    assert ex.picked == pytest.approx((0.1, 0.5))
    reference = F.nll_loss(torch.log(y_hat), y, reduction="none")
    assert ex.losses == pytest.approx(tuple(reference.tolist()), rel=1e-6)
    assert ex.losses == pytest.approx((2.3026, 0.6931), abs=5e-5)  # the book's printout
    assert ex.accuracy == 0.5 == float((y_hat.argmax(1) == y).float().mean())
    with pytest.raises(dataclasses.FrozenInstanceError):
        ex.accuracy = 1.0


def test_the_books_pieces_equal_ours():
    g = torch.Generator().manual_seed(0)
    y_hat = torch.softmax(torch.randn(64, 10, generator=g), dim=1)
    y = torch.randint(0, 10, (64,), generator=g)
    assert torch.allclose(B.cross_entropy(y_hat, y), C.cross_entropy(y_hat, y))
    assert B.accuracy(y_hat, y) == float(C.accuracy(y_hat, y))
    metric = B.Accumulator(2)
    metric.add(1, torch.tensor(2.5))
    metric.add(2.0, 0.5)
    assert (metric[0], metric[1]) == (3.0, 3.0)
    metric.reset()
    assert metric[0] == 0.0


def test_the_books_sgd_equals_ours():
    W1, b1 = C.init_params(0)
    W2, b2 = C.init_params(0)
    X, y = torch.rand(32, 784), torch.randint(0, 10, (32,))
    for W, b, step in ((W1, b1, B.sgd), (W2, b2, C.sgd)):
        C.cross_entropy(C.net(X, W, b), y).sum().backward()
        step([W, b], 0.1, 32)
    assert torch.allclose(W1, W2) and torch.allclose(b1, b2)


def test_the_books_concise_net_keeps_a_random_bias():
    torch.manual_seed(0)
    net = B.concise_net()
    bias = net[1].bias.detach()
    assert bias.abs().max() <= 1 / 784 ** 0.5 and bias.abs().max() > 0  # nn.Linear's default
    assert 0.005 < float(net[1].weight.detach().std()) < 0.015
    assert not C.concise_net(0)[1].bias.detach().any()  # ours starts at 0


@pytest.mark.parametrize(("value", "workers"), [(None, 0), ("2", 2), ("99", 8), ("-3", 0),
                                                ("four", 0), ("", 0)])
def test_workers_come_from_the_environment_and_are_capped(monkeypatch, value, workers):
    if value is None:
        monkeypatch.delenv(B.ENV_WORKERS, raising=False)
    else:
        monkeypatch.setenv(B.ENV_WORKERS, value)
    assert B.get_dataloader_workers() == workers


def test_timed_iterator_counts_only_fetching(monkeypatch):
    now = [0.0]  # a clock the test moves: a loaded machine cannot stretch it
    monkeypatch.setattr(P.time, "perf_counter", lambda: now[0])

    def fetching():
        for k in range(3):
            now[0] += 1.0  # fetching an item takes a second
            yield k

    timed = P._Timed(fetching())
    for _ in timed:
        now[0] += 10.0  # the loop body is not the iterator's time
    assert timed.seconds == 3.0


# ---- the book's pipeline on the real data: it must run under `make test` -----------------

@pytest.mark.realdata
@pytest.mark.slow
def test_one_epoch_the_books_way_on_the_real_data(fmnist, monkeypatch):
    monkeypatch.delenv(B.ENV_WORKERS, raising=False)  # the hosted default: no worker processes
    c = P.compare_one_epoch(fmnist, seed=0)
    book, ours = c.book, c.ours
    assert book.workers == 0
    # the same model after one epoch of the same data: nearly the same numbers
    assert 0.6 < book.train_loss < 0.95 and 0.6 < ours.train_loss < 0.95
    assert abs(book.train_loss - ours.train_loss) < 0.05
    assert book.test_acc > 0.7 and ours.test_acc > 0.7
    assert abs(book.test_acc - ours.test_acc) < 0.05
    assert min(book.load, book.step, book.evaluate) > 0
    assert book.seconds == pytest.approx(book.load + book.step + book.evaluate)
    assert c.ratio == pytest.approx(book.seconds / ours.seconds)
    s = c.stages
    assert min(dataclasses.astuple(s)) > 0 and c.threads >= 1


@pytest.mark.realdata
def test_the_books_loader_reads_the_verified_files(fmnist):
    train_iter, test_iter = B.load_data_fashion_mnist(256)
    X, y = next(iter(test_iter))  # the test set is not shuffled: its first 256 images
    assert X.shape == (256, 1, 28, 28) and X.dtype == torch.float32
    assert torch.equal(y, fmnist.test_labels[:256])
    assert torch.allclose(X[:, 0], C.to_float(fmnist.test_images[:256]))  # ToTensor = /255
    assert len(train_iter.dataset) == 60_000 and len(test_iter.dataset) == 10_000


def test_the_books_transforms_give_one_channel_and_resize_changes_height_and_width():
    import torch as _torch

    from core import book_pipeline as bp

    pixels = _torch.arange(28 * 28, dtype=_torch.int64).remainder(256).to(_torch.uint8)
    plain = bp.book_image_tensor(pixels.reshape(28, 28))
    assert plain.shape == (1, 28, 28) and plain.dtype == "float32"
    assert plain.low == 0.0 and plain.high == 1.0
    assert bp.book_image_tensor(pixels.reshape(28, 28), 64).shape == (1, 64, 64)
