"""core.classifier on small tensors, against torch references and the book's own code."""

import csv
import dataclasses
import io
import math
from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F

from core import classifier as C


def synthetic(n_train: int = 600, n_test: int = 200, seed: int = 0) -> SimpleNamespace:
    """A learnable stand-in for Fashion-MNIST: class k lights up rows 2k+4 and 2k+5."""
    g = torch.Generator().manual_seed(seed)

    def make(n):
        y = torch.randint(0, 10, (n,), generator=g)
        X = torch.randint(0, 80, (n, 28, 28), generator=g, dtype=torch.uint8)
        for k in range(10):
            X[y == k, 2 * k + 4:2 * k + 6, :] = 220
        return X, y

    (Xtr, ytr), (Xte, yte) = make(n_train), make(n_test)
    return SimpleNamespace(train_images=Xtr, train_labels=ytr, test_images=Xte, test_labels=yte)


def run(impl: str, data, **cfg) -> tuple[object, list[C.Epoch]]:
    model = C.make_model(impl, cfg.get("seed", 0))
    return model, list(C.train(model, data, C.TrainConfig(**cfg)))


# ---- the from-scratch pieces against torch ------------------------------------------------

@pytest.mark.parametrize("scale", [0.1, 1.0, 20.0])
def test_softmax_matches_torch(scale):
    logits = torch.randn(7, 10, generator=torch.Generator().manual_seed(1)) * scale
    y_hat = C.softmax(logits)
    torch.testing.assert_close(y_hat, torch.softmax(logits, dim=1))
    torch.testing.assert_close(y_hat.sum(1), torch.ones(7))


def test_naive_softmax_breaks_where_torch_does_not():
    logits = torch.tensor([[1000.0, 0.0], [-1000.0, 0.0]])
    assert torch.isnan(C.softmax(logits)[0, 0])      # exp(1000) = inf, inf / inf = nan
    torch.testing.assert_close(torch.softmax(logits, 1), torch.tensor([[1.0, 0.0], [0.0, 1.0]]))


def test_cross_entropy_matches_torch_and_the_book():
    g = torch.Generator().manual_seed(2)
    logits, y = torch.randn(9, 10, generator=g), torch.randint(0, 10, (9,), generator=g)
    y_hat = torch.softmax(logits, dim=1)
    l = C.cross_entropy(y_hat, y)  # noqa: E741
    torch.testing.assert_close(l, F.cross_entropy(logits, y, reduction="none"))
    assert torch.equal(l, -torch.log(y_hat[range(len(y_hat)), y]))  # the book's indexing


def test_accuracy_on_the_books_example_and_against_a_loop():
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    assert C.accuracy(y_hat, torch.tensor([0, 2])).item() == 1
    g = torch.Generator().manual_seed(3)
    y_hat, y = torch.rand(50, 10, generator=g), torch.randint(0, 10, (50,), generator=g)
    by_loop = sum(max(range(10), key=lambda k, r=row: r[k]) == label
                  for row, label in zip(y_hat.tolist(), y.tolist(), strict=True))
    assert C.accuracy(y_hat, y).item() == by_loop


def test_sgd_matches_torch_optim_on_the_mean():
    g = torch.Generator().manual_seed(4)
    X, y = torch.randn(32, 784, generator=g), torch.randint(0, 10, (32,), generator=g)
    W, b = C.init_params(0)
    W2, b2 = (p.detach().clone().requires_grad_() for p in (W, b))
    C.cross_entropy(C.net(X, W, b), y).sum().backward()
    C.sgd([W, b], 0.1, 32)
    F.cross_entropy(X @ W2 + b2, y).backward()  # mean over the batch
    torch.optim.SGD([W2, b2], lr=0.1).step()
    torch.testing.assert_close(W, W2, atol=1e-7, rtol=1e-5)
    torch.testing.assert_close(b, b2, atol=1e-7, rtol=1e-5)
    assert W.grad is None and b.grad is None  # ready for the next backward


def test_init_is_the_books_and_seeded():
    W, b = C.init_params(5)
    assert W.shape == (784, 10) and b.shape == (10,) and W.requires_grad and b.requires_grad
    assert 0.0095 < W.std().item() < 0.0105 and abs(W.mean().item()) < 0.001
    assert torch.equal(b, torch.zeros(10))
    assert torch.equal(W, C.init_params(5)[0]) and not torch.equal(W, C.init_params(6)[0])
    net = C.concise_net(5)
    assert torch.equal(net[1].weight, W.T) and torch.equal(net[1].bias, b)
    assert [type(m).__name__ for m in net] == ["Flatten", "Linear"]


# ---- data, evaluation and the loops --------------------------------------------------------

def test_to_float_equals_to_tensor():
    from PIL import Image
    from torchvision import transforms

    pixels = torch.arange(256, dtype=torch.uint8).repeat(2).reshape(16, 32)
    reference = transforms.ToTensor()(Image.fromarray(pixels.numpy()))[0]
    assert torch.equal(C.to_float(pixels), reference)
    floats = reference.clone()
    assert C.to_float(floats) is floats  # converted once already: untouched


def test_minibatches_slice_one_permutation():
    batches = list(C.minibatches(1000, 256, torch.Generator().manual_seed(0)))
    assert [len(i) for i in batches] == [256, 256, 256, 232]
    assert torch.equal(torch.cat(batches).sort().values, torch.arange(1000))
    again = list(C.minibatches(1000, 256, torch.Generator().manual_seed(0)))
    assert all(torch.equal(a, b) for a, b in zip(batches, again, strict=True))


def test_evaluate_accuracy_in_batches_equals_all_at_once():
    data = synthetic()
    W, b = C.init_params(1)
    W = W.detach() + 0.05 * torch.randn(784, 10, generator=torch.Generator().manual_seed(1))

    def predict(X):
        return C.net(X, W, b.detach())

    whole = (predict(data.test_images.float() / 255).argmax(1) == data.test_labels).float().mean()
    assert C.evaluate_accuracy(predict, data.test_images, data.test_labels, batch_size=7) == \
        pytest.approx(whole.item())


def test_epoch_record_equals_the_books_accounting():
    """Our tensor sums, read once per epoch, equal d2l's float() per step."""
    data = synthetic(n_train=300)
    cfg = C.TrainConfig(batch_size=64, num_epochs=1, seed=3)
    W, b = C.init_params(3)
    [record] = C.train_scratch(W, b, data, cfg)
    W, b = C.init_params(3)
    total_loss = total_correct = 0.0
    for idx in C.minibatches(300, 64, C.make_generator(3)):
        X, y = data.train_images[idx].float() / 255, data.train_labels[idx]
        y_hat = C.net(X, W, b)
        l = C.cross_entropy(y_hat, y)  # noqa: E741
        l.sum().backward()
        C.sgd([W, b], cfg.lr, X.shape[0])  # the last batch has 44 examples
        total_loss += float(l.detach().sum())
        total_correct += float((y_hat.argmax(axis=1) == y).sum())
    assert record.train_loss == pytest.approx(total_loss / 300, rel=1e-6)
    assert record.train_acc == pytest.approx(total_correct / 300)


def test_scratch_and_concise_make_the_same_updates():
    data = synthetic()
    (W, b), scratch = run("scratch", data, batch_size=32, num_epochs=2, seed=7)
    net, concise = run("concise", data, batch_size=32, num_epochs=2, seed=7)
    torch.testing.assert_close(W.detach(), net[1].weight.detach().T, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(b.detach(), net[1].bias.detach(), atol=1e-5, rtol=1e-4)
    for s, c in zip(scratch, concise, strict=True):
        assert s.train_loss == pytest.approx(c.train_loss, rel=1e-4)
        assert abs(s.test_acc - c.test_acc) <= 0.01


def test_training_learns_and_is_seeded():
    data = synthetic()
    _, first = run("scratch", data, batch_size=32, num_epochs=3, seed=1)
    _, again = run("scratch", data, batch_size=32, num_epochs=3, seed=1)
    _, other = run("scratch", data, batch_size=32, num_epochs=3, seed=2)
    assert [e.epoch for e in first] == [1, 2, 3]
    assert first[-1].train_loss < first[0].train_loss and first[-1].test_acc > 0.9
    strip = [dataclasses.replace(e, seconds=0) for e in first]
    assert strip == [dataclasses.replace(e, seconds=0) for e in again]
    assert strip != [dataclasses.replace(e, seconds=0) for e in other]
    assert all(e.seconds > 0 for e in first)


def test_a_nan_loss_stops_training():
    _, records = run("scratch", synthetic(), lr=1000.0, num_epochs=5)
    assert len(records) < 5 and not math.isfinite(records[-1].train_loss)
    assert all(math.isfinite(r.train_loss) for r in records[:-1])


def test_training_never_changes_the_process_thread_setting(monkeypatch):
    """torch.set_num_threads is global to the server: a session's run must not call it."""
    calls = []
    monkeypatch.setattr(torch, "set_num_threads", calls.append)
    for impl in C.IMPLS:
        run(impl, synthetic(), num_epochs=1)
    assert calls == [] and not hasattr(C, "single_thread")


# ---- what the page shows after training ----------------------------------------------------

def test_linear_params_and_probabilities_agree_for_both():
    data = synthetic()
    for impl in C.IMPLS:
        model, _ = run(impl, data, batch_size=64, num_epochs=1)
        W, b = C.linear_params(model)
        assert W.shape == (784, 10) and b.shape == (10,) and not W.requires_grad
        probs = C.probabilities(W, b, data.test_images[:5])
        with torch.no_grad():
            logits = (model(data.test_images[:5].float() / 255) if impl == "concise"
                      else torch.log(C.net(data.test_images[:5].float() / 255, *model)))
        torch.testing.assert_close(probs, torch.softmax(logits, 1), atol=1e-6, rtol=1e-5)


def test_confusion_matrix_and_per_class_accuracy():
    y = torch.tensor([0, 0, 1, 1, 1, 2])
    y_pred = torch.tensor([0, 1, 1, 1, 2, 2])
    C_ = C.confusion_matrix(y, y_pred, q=3)
    expected = [[sum(1 for t, p in zip(y.tolist(), y_pred.tolist(), strict=True)
                     if t == i and p == j) for j in range(3)] for i in range(3)]
    assert C_.tolist() == expected and C_.sum() == len(y)
    torch.testing.assert_close(C.per_class_accuracy(C_), torch.tensor([0.5, 2 / 3, 1.0]))


def test_select_examples():
    y = torch.tensor([0, 1, 2, 1, 0, 1])
    y_pred = torch.tensor([0, 2, 2, 1, 1, 0])
    assert C.select_examples(y, y_pred, "all", 4) == [0, 1, 2, 3]
    assert C.select_examples(y, y_pred, "mistakes", 10) == [1, 4, 5]
    assert C.select_examples(y, y_pred, "1", 2) == [1, 3]
    assert C.select_examples(y, y_pred, "9", 5) == []


def test_book_checks():
    good = C.Epoch(10, 0.45, 0.85, 0.83, 0.1)
    assert C.book_checks(good) == {"train_loss": True, "train_acc": True, "test_acc": True}
    bad = C.Epoch(1, float("nan"), 0.1, 0.1, 0.1)
    assert not any(C.book_checks(bad).values())


def test_downloads_round_trip():
    data = synthetic()
    for impl, keys in (("scratch", {"W", "b"}), ("concise", {"1.weight", "1.bias"})):
        model, history = run(impl, data, batch_size=64, num_epochs=2)
        result = C.summarize(impl, model, C.TrainConfig(num_epochs=2), history, data, "CPU")
        state = torch.load(io.BytesIO(result.weights), weights_only=True)
        assert set(state) == keys
        rows = list(csv.DictReader(io.StringIO(C.history_csv(history))))
        assert [int(r["epoch"]) for r in rows] == [1, 2]
        assert float(rows[-1]["test_acc"]) == history[-1].test_acc
        assert result.test_probs.shape == (200, 10) and result.confusion.sum() == 200


# ---- issue 13: the student's own hardest classes, and the model before training ----------

def test_hardest_classes_are_read_from_the_matrix():
    confusion = torch.diag(torch.tensor([90, 95, 60, 99, 70, 98, 40, 97, 96, 94]))
    confusion[6, 0] = 50  # shirts taken for t-shirts: the largest off-diagonal cell
    confusion[6, 4] = 10
    confusion[2, 4] = 40
    confusion[4, 2] = 30
    confusion[0, 6] = 10
    hard = C.hardest_classes(confusion, k=3)
    acc = C.per_class_accuracy(confusion)
    assert hard.classes == (6, 2, 4)
    assert hard.accuracies == pytest.approx(tuple(acc[[6, 2, 4]].tolist()))
    assert (hard.confused_true, hard.confused_pred, hard.confused_count) == (6, 0, 50)
    assert hard.class_size == 100


def test_untrained_model_guesses():
    data = synthetic()
    start = C.untrained(data, seed=0)
    W, b = C.init_params(0)
    pred = (C.to_float(data.test_images).reshape(-1, 784) @ W.detach() + b.detach()).argmax(1)
    assert start.accuracy == pytest.approx(float((pred == data.test_labels).float().mean()))
    counts = torch.bincount(pred, minlength=10)
    assert start.top_class == int(counts.argmax())
    assert start.top_share == pytest.approx(int(counts.max()) / len(pred))


def test_weight_colours_share_one_diverging_scale():
    """ui.charts: −bound is the blue end, 0 white, +bound the orange end, beyond clipped; the
    picture keeps the 28 × 28 layout (row r of the image is pixels 28r … 28r + 27)."""
    import base64

    import numpy as np
    from PIL import Image

    from ui.charts import softmax_classifier as charts

    low, mid, high = (list(c) for c in charts.DIVERGING)
    got = charts.diverging(np.array([-2.0, -1.0, 0.0, 1.0, 5.0]), bound=1.0).tolist()
    assert got == [low, low, mid, high, high]
    half = charts.diverging(np.array([0.5]), bound=1.0)[0]
    assert half.tolist() == [round((m + h) / 2) for m, h in zip(mid, high, strict=True)]
    w = np.zeros((28, 28))
    w[3, 20] = 1.0  # one pixel at row 3, column 20
    url = charts.data_url(charts.diverging(w, bound=1.0))
    picture = np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))))
    assert picture.shape == (28, 28, 3) and picture[3, 20].tolist() == high
    assert (picture.reshape(-1, 3) == mid).all(axis=1).sum() == 28 * 28 - 1


def test_image_descriptions_take_no_article_before_a_class_name():
    from ui.strings import CATALOGUE

    for key in ("sc.alt_grid", "sc.alt_inspected"):
        assert "a {true}" not in CATALOGUE[key]["en"]  # "a ankle boot"
