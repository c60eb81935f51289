"""core.linreg against independent references: lstsq, torch.optim.SGD, nn.MSELoss, brute force."""

import dataclasses
import math

import pytest
import torch
import torch.nn.functional as F

from core import linreg
from core.data import synthetic_data
from core.device import make_generator

TRUE_W, TRUE_B = [2.0, -3.4], 4.2


def book_data(seed=0, n=1000, noise=0.01):
    return synthetic_data(torch.tensor(TRUE_W), TRUE_B, n, noise, generator=make_generator(seed))


def errors(record):
    return [abs(a - b) for a, b in zip([*TRUE_W, TRUE_B], [*record.w, record.b], strict=True)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_book_settings_converge(seed):
    """d2l's run: 1,000 examples, lr 0.03, batch 10, 3 epochs."""
    X, y = book_data(seed)
    cfg = linreg.TrainConfig(seed=seed)
    concise = list(linreg.train_concise(X, y, cfg, "cpu"))[-1]
    scratch = list(linreg.train_scratch(X, y, cfg, "cpu"))[-1]
    assert concise.kind == scratch.kind == "epoch"
    assert max(errors(concise)) < 0.01
    # the book prints errors of a few 1e-4 to 1e-3 from scratch
    assert max(errors(scratch)) < 5e-3
    assert scratch.loss < 1e-4 and concise.loss < 2e-4  # the noise floor: σ²/2 and σ²


def test_both_start_from_the_same_weights():
    X, y = book_data()
    first = [next(linreg.train(impl, X, y, linreg.TrainConfig(seed=7), "cpu"))
             for impl in linreg.IMPLEMENTATIONS]
    assert first[0].w == first[1].w and first[0].b == first[1].b == 0.0
    assert all(abs(v) < 0.05 for v in first[0].w)  # N(0, 0.01²)
    # the same parameters, so the concise loss (no ½) is twice the scratch loss
    assert first[1].loss == pytest.approx(2 * first[0].loss, rel=1e-5)


def test_squared_loss_is_half_mse():
    g = make_generator(3)
    y_hat, y = torch.randn(8, 1, generator=g), torch.randn(8, generator=g)
    l = linreg.squared_loss(y_hat, y)  # noqa: E741
    assert l.shape == (8, 1)
    torch.testing.assert_close(2 * l.mean(), F.mse_loss(y_hat, y.reshape(8, 1)))
    torch.testing.assert_close(2 * l.mean(), torch.nn.MSELoss()(y_hat, y.reshape(8, 1)))


def test_analytic_solution_matches_lstsq():
    g = make_generator(5)
    X = torch.randn(60, 3, generator=g)
    y = X @ torch.tensor([[1.5], [-2.0], [0.3]]) + 0.7 + 0.5 * torch.randn(60, 1, generator=g)
    w, b = linreg.analytic_solution(X, y)
    X1 = torch.cat([X, torch.ones(60, 1)], 1).double()
    ref = torch.linalg.lstsq(X1, y.double()).solution[:, 0]
    torch.testing.assert_close(torch.tensor([*w, b], dtype=torch.float64), ref)


def test_analytic_solution_without_noise_is_exact_and_singular_is_none():
    X, y = book_data(noise=0.0, n=50)
    w, b = linreg.analytic_solution(X, y)
    assert w == pytest.approx(TRUE_W, abs=1e-5) and b == pytest.approx(TRUE_B, abs=1e-5)
    assert linreg.analytic_solution(torch.ones(5, 2), torch.ones(5, 1)) is None


def test_sgd_matches_torch_optim_sgd_step_for_step():
    g = make_generator(11)
    X, y = torch.randn(40, 2, generator=g), torch.randn(40, 1, generator=g)
    w0, b0 = torch.randn(2, 1, generator=g), torch.zeros(1)
    w, b = w0.clone().requires_grad_(), b0.clone().requires_grad_()
    w_ref, b_ref = w0.clone().requires_grad_(), b0.clone().requires_grad_()
    opt = torch.optim.SGD([w_ref, b_ref], lr=0.1)
    batch_size = 8
    for start in range(0, 40, batch_size):
        Xb, yb = X[start:start + batch_size], y[start:start + batch_size]
        linreg.squared_loss(linreg.linreg(Xb, w, b), yb).sum().backward()
        linreg.sgd([w, b], 0.1, batch_size)
        opt.zero_grad()
        linreg.squared_loss(Xb @ w_ref + b_ref, yb).mean().backward()
        opt.step()
        torch.testing.assert_close(w, w_ref)
        torch.testing.assert_close(b, b_ref)
        assert not w.grad.any() and not b.grad.any()  # sgd zeroes the gradients


def test_data_iter_visits_every_example_once_in_a_new_order():
    features, labels = torch.arange(23.0).reshape(-1, 1), torch.arange(23.0)
    g = make_generator(0)
    epochs = [[b for b in linreg.data_iter(5, features, labels, g)] for _ in range(2)]
    for batches in epochs:
        assert [len(X) for X, _ in batches] == [5, 5, 5, 5, 3]
        seen = torch.cat([X[:, 0] for X, _ in batches])
        assert sorted(seen.tolist()) == list(range(23))
        assert all(torch.equal(X[:, 0], y) for X, y in batches)  # rows stay paired
    assert not torch.equal(torch.cat([X for X, _ in epochs[0]]), torch.cat([X for X, _ in epochs[1]]))


@pytest.mark.parametrize("impl", linreg.IMPLEMENTATIONS)
@pytest.mark.parametrize("num_epochs", [1, 2, 5])
def test_exactly_num_epochs_epoch_records(impl, num_epochs):
    X, y = book_data(n=50)
    cfg = linreg.TrainConfig(lr=0.03, batch_size=7, num_epochs=num_epochs)
    records = list(linreg.train(impl, X, y, cfg, "cpu"))
    kinds = [r.kind for r in records]
    assert kinds[0] == "init" and kinds[-1] == "epoch"
    assert [r.epoch for r in records if r.kind == "epoch"] == list(range(1, num_epochs + 1))
    assert kinds.count("step") == num_epochs * math.ceil(50 / 7)
    assert [r.step for r in records if r.kind == "step"] == list(range(1, kinds.count("step") + 1))


@pytest.mark.parametrize("impl", linreg.IMPLEMENTATIONS)
def test_divergent_learning_rate_stops_at_once(impl):
    X, y = book_data(n=200)
    records = list(linreg.train(impl, X, y, linreg.TrainConfig(lr=10.0, num_epochs=50), "cpu"))
    last = records[-1]
    assert last.kind == "diverged"
    assert not math.isfinite(last.loss) or not all(map(math.isfinite, [*last.w, last.b]))
    steps = [r for r in records if r.kind == "step"]
    assert all(math.isfinite(r.loss) for r in steps[:-1])  # it stopped at the first bad step
    assert steps[-1].step == last.step < 50 * 20


def test_loss_landscape_matches_brute_force():
    X, y = book_data(n=300, noise=0.5)
    X, y = X.double(), y.double()
    w1, w2, loss = linreg.loss_landscape(X, y, (-1.0, 4.0), (-5.0, 0.0), size=7, scale=0.5)
    assert len(w1) == len(w2) == len(loss) == 49
    bs = torch.linspace(-10, 15, 2501, dtype=torch.float64)  # candidate biases, 0.01 apart
    for i in (0, 10, 24, 48):
        w = torch.tensor([[w1[i]], [w2[i]]], dtype=torch.float64)
        per_b = linreg.squared_loss(X @ w + bs, y.expand(-1, len(bs))).mean(0)  # (len(bs),)
        assert loss[i] == pytest.approx(float(per_b.min()), abs=2e-5)
        assert loss[i] <= float(per_b.min()) + 1e-12  # b* is the best bias
        b_star = (y - X @ w).mean()
        assert loss[i] == pytest.approx(float(F.mse_loss(X @ w + b_star, y)) / 2, rel=1e-9)


def test_landscape_minimum_is_the_analytic_solution():
    X, y = book_data(n=300, noise=0.5)
    (w_star, _) = linreg.analytic_solution(X, y)
    w1, w2, loss = linreg.loss_landscape(X, y, (1.0, 3.0), (-4.4, -2.4), size=41, scale=1.0)
    best = min(range(len(loss)), key=loss.__getitem__)
    assert abs(w1[best] - w_star[0]) <= 0.05 and abs(w2[best] - w_star[1]) <= 0.05


def test_landscape_window_holds_start_and_optimum():
    (lo1, hi1), (lo2, hi2) = linreg.landscape_window((0.0, 0.0), (2.0, -3.4))
    assert lo1 < 0 < 2 < hi1 and lo2 < -3.4 < 0 < hi2
    assert hi1 - lo1 == pytest.approx(hi2 - lo2)


@pytest.mark.parametrize("impl", linreg.IMPLEMENTATIONS)
def test_full_batch_limit_is_two_over_lambda_max(impl):
    """Gradient descent converges just below 2/λ_max and blows up just above it."""
    X, y = book_data(n=200, noise=0.1)
    bound = linreg.max_stable_lr(X, 200, impl)
    H = torch.cat([X, torch.ones(200, 1)], 1).double()
    lam = float(torch.linalg.eigvalsh(H.T @ H / 200)[-1]) * 2 * linreg.loss_scale(impl)
    assert bound == pytest.approx(2 / lam)
    final = {}
    for factor in (0.9, 1.1):
        cfg = linreg.TrainConfig(lr=factor * bound, batch_size=200, num_epochs=300)
        records = list(linreg.train(impl, X, y, cfg, "cpu"))
        final[factor] = (records[0].loss, records[-1].loss)
    assert final[0.9][1] < 0.01 * final[0.9][0]
    assert not final[1.1][1] < final[1.1][0]  # grew (or overflowed)


@pytest.mark.parametrize("impl", linreg.IMPLEMENTATIONS)
def test_minibatch_limit_separates_calm_from_divergent(impl):
    X, y = book_data(n=500)
    bound = linreg.max_stable_lr(X, 10, impl)
    assert bound < linreg.max_stable_lr(X, 500, impl)  # noise lowers the limit
    calm = list(linreg.train(impl, X, y, linreg.TrainConfig(lr=bound / 2), "cpu"))[-1]
    wild = list(linreg.train(impl, X, y, linreg.TrainConfig(lr=bound * 3), "cpu"))[-1]
    assert calm.kind == "epoch" and max(errors(calm)) < 0.01
    assert wild.kind == "diverged"


@pytest.mark.parametrize("scale", [0.5, 1.0])
def test_contours_are_level_sets_of_the_loss(scale):
    X, y = book_data(n=300, noise=0.5)
    X, y = X.double(), y.double()
    levels = [0.4, 1.0, 5.0]  # the minimum is about σ² · scale
    level, w1, w2 = linreg.loss_contours(X, y, levels + [1e-9], scale=scale, points=9)
    assert sorted(set(level)) == levels  # a level below the minimum is left out
    for lv, a, b in zip(level, w1, w2, strict=True):
        w = torch.tensor([[a], [b]], dtype=torch.float64)
        b_star = (y - X @ w).mean()
        assert scale * float(F.mse_loss(X @ w + b_star, y)) == pytest.approx(lv, rel=1e-9)


# ---- issue 13: the fastest rate, the measured edge, the vectorisation timer -------------

@pytest.mark.parametrize("impl", ["scratch", "concise"])
def test_curvature_against_eigvalsh_and_the_fastest_rate(impl):
    X, _ = book_data(n=200)
    c = linreg.curvature(X, impl)
    X1 = torch.cat([X.double(), torch.ones(len(X), 1, dtype=torch.float64)], dim=1)
    # the Hessian of scale · mean (x̃ᵀθ − y)², by autograd
    H = torch.autograd.functional.hessian(
        lambda th: linreg.loss_scale(impl) * ((X1 @ th) ** 2).mean(), torch.zeros(3).double())
    lam = torch.linalg.eigvalsh(H)
    assert (c.lam_min, c.lam_max) == pytest.approx((float(lam[0]), float(lam[-1])), rel=1e-9)
    assert c.bound == pytest.approx(2 / c.lam_max) and c.bound == pytest.approx(
        linreg.max_stable_lr(X, len(X), impl), rel=1e-9)

    def rate(lr):  # the worst contraction factor of a full-batch step
        return max(abs(1 - lr * c.lam_min), abs(1 - lr * c.lam_max))

    grid = torch.linspace(0.01, c.bound, 400).tolist()
    assert min(grid, key=rate) == pytest.approx(c.fastest, abs=c.bound / 200)
    assert rate(c.fastest) < rate(0.5 * c.fastest) and rate(c.fastest) < rate(
        (c.fastest + c.bound) / 2)


@pytest.mark.parametrize("impl", ["scratch", "concise"])
def test_full_batch_edge_is_two_over_lambda_max(impl):
    X, y = book_data()
    edge = linreg.measured_stable_lr(X, y, len(X), impl)
    bound = linreg.curvature(X, impl).bound
    assert bound * 0.98 <= edge.stable < edge.unstable <= bound * 1.05
    assert edge.unstable / edge.stable <= 1.02 + 1e-9 and edge.runs <= 24 and edge.seconds > 0


@pytest.mark.parametrize(("impl", "margin"), [("scratch", 1.0), ("concise", 1.1)])
def test_measured_edge_separates_the_real_training_runs(impl, margin):
    """From scratch the search's short run is the page's run (same start, shuffles and
    update); the concise DataLoader shuffles differently, so it gets a 10 % margin."""
    X, y = book_data()
    edge = linreg.measured_stable_lr(X, y, 10, impl, seed=0)
    assert edge.stable > linreg.max_stable_lr(X, 10, impl)  # the estimate is the safe side

    def ends(lr):
        records = list(linreg.train(impl, X, y, linreg.TrainConfig(
            lr=lr, batch_size=10, num_epochs=edge.epochs, seed=0)))
        return records[0].loss, records[-1]

    start, last = ends(edge.stable / margin)
    assert last.kind == "epoch" and last.loss < start
    start, last = ends(edge.unstable * margin)
    assert last.kind == "diverged" or last.loss > start


def test_the_books_batch_of_ten_trains_above_the_printed_estimate():
    X, y = book_data()
    assert linreg.max_stable_lr(X, 10, "scratch") < 1.5  # the printed estimate, ≈ 1.28
    records = list(linreg.train("scratch", X, y, linreg.TrainConfig(lr=1.5, batch_size=10)))
    assert records[-1].kind == "epoch" and records[-1].loss < 1e-3
    assert linreg.measured_stable_lr(X, y, 10, "scratch").stable > 1.5


def test_an_edge_is_reported_missing_when_everything_grows(monkeypatch):
    X, y = book_data(n=50)
    monkeypatch.setattr(linreg, "_sgd_grows", lambda *args: True)
    edge = linreg.measured_stable_lr(X, y, 10, "scratch")
    assert edge.stable == 0.0 and edge.unstable > 0


def test_vectorisation_timer_returns_sane_fields():
    timing = linreg.time_vectorisation(1000, "cpu", repeats=2)
    assert timing.n == 1000 and timing.device == "cpu"
    assert timing.loop_seconds > 0 and timing.vector_seconds > 0
    assert timing.ratio == pytest.approx(timing.loop_seconds / timing.vector_seconds)
    with pytest.raises(dataclasses.FrozenInstanceError):
        timing.ratio = 1.0
