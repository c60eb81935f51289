"""Replay and one SGD step (issue 16 §2): the replayed run is the run's own records, and the
written-out update agrees with autograd and with the loop's own step."""

import pytest
import torch

from core import classifier, linreg
from tests.test_linear_regression import book_data


@pytest.mark.parametrize("impl", linreg.IMPLEMENTATIONS)
@pytest.mark.parametrize("batch_size", [1, 10, 1000])
def test_sgd_step_matches_autograd(impl, batch_size):
    X, y = book_data(n=1000)
    w, b, lr = [0.3, -1.2], 0.7, 0.03
    indices = linreg.minibatch(len(X), batch_size, seed=5)
    one = linreg.sgd_step(X, y, w, b, lr, indices, impl)
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    b_t = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    Xb, yb = X.double()[indices], y.double().reshape(-1)[indices]
    y_hat = Xb @ w_t + b_t
    if impl == "scratch":  # d2l's squared_loss, summed over the batch
        l_sum = ((y_hat - yb) ** 2 / 2).sum()
    else:  # nn.MSELoss averages: times |B| gives the sum of the per-example losses
        l_sum = torch.nn.functional.mse_loss(y_hat, yb) * len(indices)
    l_sum.backward()
    assert one.grad_w == pytest.approx(w_t.grad.tolist(), rel=1e-10, abs=1e-12)
    assert one.grad_b == pytest.approx(float(b_t.grad), rel=1e-10, abs=1e-12)
    expected_w = (w_t - lr / len(indices) * w_t.grad).tolist()
    assert one.w_new == pytest.approx(expected_w, rel=1e-10)
    assert one.b_new == pytest.approx(b - lr / len(indices) * float(b_t.grad), rel=1e-10)
    assert one.loss == pytest.approx(float(l_sum.detach()) / len(indices), rel=1e-10)
    assert len(one.indices) == len(one.y) == len(one.y_hat) == batch_size
    assert one.y_hat == pytest.approx((Xb @ torch.tensor(w, dtype=torch.float64) + b).tolist())


def test_sgd_step_is_the_loops_first_step():
    """From the run's start and on the loop's first minibatch, it lands where the loop did."""
    X, y = book_data()
    cfg = linreg.TrainConfig(batch_size=10, lr=0.03)
    records = list(linreg.train_scratch(X, y, cfg, "cpu"))[:2]
    start, first = records
    g = linreg.make_generator(cfg.seed)
    torch.normal(0, 0.01, size=(2, 1), generator=g)  # the loop draws the initial w first
    indices = torch.randperm(len(X), generator=g)[:cfg.batch_size].tolist()
    one = linreg.sgd_step(X, y, start.w, start.b, cfg.lr, indices, "scratch")
    assert one.w_new == pytest.approx(first.w, abs=1e-6)
    assert one.b_new == pytest.approx(first.b, abs=1e-6)
    assert one.loss == pytest.approx(first.loss, rel=1e-5)


def test_minibatch_is_a_seeded_sample_without_repeats():
    a, b = linreg.minibatch(100, 30, 1), linreg.minibatch(100, 30, 1)
    assert a == b and len(set(a)) == 30 and all(0 <= i < 100 for i in a)
    assert a != linreg.minibatch(100, 30, 2)


def test_replay_is_a_prefix_of_the_records():
    X, y = book_data()
    records = tuple(linreg.train_scratch(X, y, linreg.TrainConfig(num_epochs=2), "cpu"))
    assert linreg.replay(records, 0) == records[:1]  # the start only
    assert linreg.replay(records, records[-1].step) == records
    at_57 = linreg.replay(records, 57)
    assert at_57 == records[:len(at_57)]
    assert at_57[-1].step == 57 and at_57[-1].kind == "step"
    at_100 = linreg.replay(records, 100)  # the end of epoch 1: its epoch record included
    assert at_100[-1].kind == "epoch" and at_100[-1].epoch == 1


@pytest.mark.parametrize("speed", [5, 20, 100, 500])
def test_the_player_keeps_its_speed_and_stops_at_the_end(speed):
    """Frame by frame from step 0: `speed` steps a second at one frame per FRAME_SECONDS,
    never past the end, and it reports the last frame as the one where it stops."""
    end, step, seconds, playing = 300, 0, 0.0, True
    while playing:
        before = step
        step, playing, wait = linreg.next_frame(step, end, speed)
        seconds += wait
        assert before < step <= end and 0 < wait <= linreg.FRAME_SECONDS
    assert step == end
    assert end / speed <= seconds < end / speed + linreg.FRAME_SECONDS  # the speed it says
    assert linreg.next_frame(299, 300, 500)[:2] == (300, False)
    assert linreg.next_frame(0, 300, 5) == (1, True, 0.2)  # slow: one step a frame


def test_replay_of_a_diverged_run_ends_with_the_failure():
    X, y = book_data()
    records = tuple(linreg.train_scratch(X, y, linreg.TrainConfig(lr=10.0), "cpu"))
    assert records[-1].kind == "diverged"
    assert linreg.replay(records, records[-1].step)[-1].kind == "diverged"


def _tiny_data(n=64, seed=0):
    g = torch.Generator().manual_seed(seed)

    class Data:
        train_images = torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=g)
        train_labels = torch.randint(0, 10, (n,), generator=g)
        test_images = train_images[:16]
        test_labels = train_labels[:16]
    return Data


@pytest.mark.parametrize("impl", classifier.IMPLS)
def test_classifier_records_weights_per_epoch(impl):
    data, cfg = _tiny_data(), classifier.TrainConfig(batch_size=16, lr=0.1, num_epochs=3)
    model = classifier.make_model(impl, cfg.seed)
    pairs = list(classifier.train_recorded(model, data, cfg))
    history, snapshots = [p[0] for p in pairs], tuple(p[1] for p in pairs)
    result = classifier.summarize(impl, model, cfg, history, data, "cpu", snapshots)
    assert len(result.epoch_W) == 3 and all(W.shape == (784, 10) for W in result.epoch_W)
    assert torch.equal(result.epoch_W[-1], result.W)       # the last snapshot is the model
    assert not torch.equal(result.epoch_W[0], result.W)    # earlier ones were not overwritten
    # the weights after epoch 1 are those of a fresh 1-epoch run with the same seed
    one = classifier.make_model(impl, cfg.seed)
    list(classifier.train(one, data, classifier.TrainConfig(batch_size=16, lr=0.1, num_epochs=1)))
    assert torch.allclose(result.epoch_W[0], classifier.linear_params(one)[0], atol=1e-6)
    at = classifier.replay(result, 2)
    assert at.epoch == 2 and at.history == tuple(history[:2])
    assert torch.equal(at.W, result.epoch_W[1])
    assert classifier.replay(result, 99).epoch == 3 and classifier.replay(result, 0).epoch == 1
