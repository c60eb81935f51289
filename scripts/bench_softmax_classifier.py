"""Softmax regression on Fashion-MNIST: ours against the book's pipeline, in the same run.

The baseline trains exactly as d2l 3.6 / 3.7 do: torchvision's FashionMNIST with
transforms.ToTensor(), DataLoader(batch_size=256, shuffle=True, num_workers=4), the book's
train_epoch_ch3 / evaluate_accuracy (a float() per batch), 10 epochs. Ours is
core.classifier with the same hyperparameters. Then: where one of our epochs spends its time.

Run alone: python scripts/bench_softmax_classifier.py [--quick]  (--quick: 2 epochs)
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import classifier  # noqa: E402
from core import data as core_data  # noqa: E402
from core.device import device_name, get_device, seed_everything  # noqa: E402

EPOCHS = 10
BATCH, LR = 256, 0.1


# ---- the book's pipeline, as printed in d2l 3.6 and 3.7 (PyTorch) -----------------------

class Accumulator:
    """For accumulating sums over n variables (d2l)."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args, strict=True)]

    def __getitem__(self, idx):
        return self.data[idx]


def book_accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def book_evaluate_accuracy(net, data_iter):
    if isinstance(net, torch.nn.Module):
        net.eval()
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(book_accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def book_train_epoch_ch3(net, train_iter, loss, updater):
    if isinstance(net, torch.nn.Module):
        net.train()
    metric = Accumulator(3)
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)  # noqa: E741
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), book_accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]


def book_train_ch3(net, train_iter, test_iter, loss, num_epochs, updater):
    for _ in range(num_epochs):
        train_metrics = book_train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = book_evaluate_accuracy(net, test_iter)
    train_loss, train_acc = train_metrics
    return train_loss, train_acc, test_acc


def book_iters(root: str):
    from torch.utils import data
    from torchvision import datasets, transforms

    trans = transforms.ToTensor()
    mnist_train = datasets.FashionMNIST(root=root, train=True, transform=trans, download=False)
    mnist_test = datasets.FashionMNIST(root=root, train=False, transform=trans, download=False)
    return (data.DataLoader(mnist_train, BATCH, shuffle=True, num_workers=4),
            data.DataLoader(mnist_test, BATCH, shuffle=False, num_workers=4))


def book_scratch(train_iter, test_iter, epochs):
    W = torch.normal(0, 0.01, size=(784, 10), requires_grad=True)
    b = torch.zeros(10, requires_grad=True)

    def softmax(X):
        X_exp = torch.exp(X)
        partition = X_exp.sum(1, keepdim=True)
        return X_exp / partition

    def net(X):
        return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)

    def cross_entropy(y_hat, y):
        return - torch.log(y_hat[range(len(y_hat)), y])

    def sgd(params, lr, batch_size):
        with torch.no_grad():
            for param in params:
                param -= lr * param.grad / batch_size
                param.grad.zero_()

    def updater(batch_size):
        return sgd([W, b], LR, batch_size)

    return book_train_ch3(net, train_iter, test_iter, cross_entropy, epochs, updater)


def book_concise(train_iter, test_iter, epochs):
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))

    def init_weights(m):
        if type(m) is nn.Linear:
            nn.init.normal_(m.weight, std=0.01)

    net.apply(init_weights)
    loss = nn.CrossEntropyLoss(reduction='none')
    trainer = torch.optim.SGD(net.parameters(), lr=LR)
    return book_train_ch3(net, train_iter, test_iter, loss, epochs, trainer)


def torchvision_root(tmp: Path) -> str:
    """A root whose FashionMNIST/raw/ holds the four un-gzipped files torchvision reads."""
    raw = tmp / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    for key, path in core_data.locate().items():
        spec = core_data.FILES[key]
        (raw / spec.name).symlink_to(core_data.verified_plain_file(path, spec).resolve())
    return str(tmp)


# ---- ours ---------------------------------------------------------------------------------

def ours(impl: str, data, epochs: int, seed: int = 0):
    """(seconds for init + all epochs, last Epoch record)."""
    cfg = classifier.Config(num_epochs=epochs, seed=seed)
    start = time.perf_counter()
    if impl == "scratch":
        W, b = classifier.init_params(seed, data.train_images.device)
        records = list(classifier.train_scratch(W, b, data, cfg))
    else:
        net = classifier.concise_net(seed, data.train_images.device)
        records = list(classifier.train_concise(net, data, cfg))
    return time.perf_counter() - start, records[-1]


class FloatData:
    """The data set converted once to float32 in [0, 1] (the alternative to per batch)."""

    def __init__(self, data):
        self.train_images = data.train_images.float().div_(255)
        self.test_images = data.test_images.float().div_(255)
        self.train_labels, self.test_labels = data.train_labels, data.test_labels


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def where_the_time_goes(data, device):
    """One epoch of the scratch loop built up piece by piece: seconds per stage."""
    images, labels = data.train_images, data.train_labels
    cfg = classifier.Config()
    W, b = classifier.init_params(0, device)

    def timed(step) -> float:
        best = float("inf")
        for _ in range(3):
            g = torch.Generator(device=device).manual_seed(0)
            sync(device)
            start = time.perf_counter()
            for idx in classifier.minibatches(len(labels), cfg.batch_size, g):
                step(idx)
            sync(device)
            best = min(best, time.perf_counter() - start)
        return best

    def batch(idx):
        return classifier.to_float(images.index_select(0, idx)), labels.index_select(0, idx)

    def forward(idx):
        X, y = batch(idx)
        return classifier.cross_entropy(classifier.net(X, W, b), y).sum()

    def forward_backward(idx):
        forward(idx).backward()
        W.grad = b.grad = None

    X0 = classifier.to_float(images[:BATCH].reshape(BATCH, -1))
    dZ = torch.ones(BATCH, 10, device=device)
    Wd = W.detach()

    def matmuls(_idx):
        X0 @ Wd  # forward
        X0.T @ dZ  # backward: ∂l/∂W

    stages = {"batches_only": timed(batch), "plus_forward": timed(forward),
              "plus_backward": timed(forward_backward), "two_matmuls_only": timed(matmuls)}
    sync(device)
    start = time.perf_counter()
    for _ in range(3):
        classifier.evaluate_accuracy(lambda X: classifier.net(X, Wd, b.detach()),
                                     data.test_images, data.test_labels)
    sync(device)
    stages["evaluation"] = (time.perf_counter() - start) / 3
    return stages


def run(epochs: int = EPOCHS):
    device = get_device()
    data = core_data.load_fashion_mnist(device, allow_download=False)
    yield {"figure": "device", "value": device_name(device), "unit": "",
           "threads": torch.get_num_threads(), "cpus": os.cpu_count()}

    ours_seconds = {}
    for impl in ("scratch", "concise"):
        ours(impl, data, 1)  # warm-up: first-call allocations, MKL init
        seconds, last = ours(impl, data, epochs)
        ours_seconds[impl] = seconds
        yield {"figure": f"ours_{impl}_seconds", "value": round(seconds, 3), "unit": "s",
               "epochs": epochs, "per_epoch": round(seconds / epochs, 4),
               "train_loss": round(last.train_loss, 4), "train_acc": round(last.train_acc, 4),
               "test_acc": round(last.test_acc, 4)}

    start = time.perf_counter()
    float_data = FloatData(data)
    convert = time.perf_counter() - start
    seconds, last = ours("scratch", float_data, epochs)
    yield {"figure": "ours_scratch_float_once_seconds", "value": round(convert + seconds, 3),
           "unit": "s", "convert_once": round(convert, 3), "test_acc": round(last.test_acc, 4),
           "vs_per_batch": round((convert + seconds) / ours_seconds["scratch"], 2)}
    del float_data

    for stage, seconds in where_the_time_goes(data, device).items():
        yield {"figure": f"scratch_epoch_{stage}_seconds", "value": round(seconds, 4),
               "unit": "s"}

    if device.type != "cpu":
        return  # the book's pipeline is a CPU pipeline; the ratios are measured on the CPU
    with tempfile.TemporaryDirectory() as tmp:
        train_iter, test_iter = book_iters(torchvision_root(Path(tmp)))
        for impl, fn in (("scratch", book_scratch), ("concise", book_concise)):
            seed_everything(0)
            start = time.perf_counter()
            train_loss, train_acc, test_acc = fn(train_iter, test_iter, epochs)
            seconds = time.perf_counter() - start
            yield {"figure": f"book_{impl}_seconds", "value": round(seconds, 3), "unit": "s",
                   "epochs": epochs, "per_epoch": round(seconds / epochs, 4),
                   "train_loss": round(train_loss, 4), "train_acc": round(train_acc, 4),
                   "test_acc": round(test_acc, 4)}
            yield {"figure": f"speedup_{impl}", "value": round(seconds / ours_seconds[impl], 1),
                   "unit": "x"}


if __name__ == "__main__":
    for record in run(2 if "--quick" in sys.argv else EPOCHS):
        print(json.dumps({"bench": "softmax_classifier", **record}), flush=True)
