"""One epoch the book's way against one epoch ours, and where one of our epochs spends its time.

Used by the classifier page's "run one epoch the book's way" button and by
scripts/bench_softmax_classifier.py. Both sides train the same from-scratch model (the same
W ~ N(0, 0.01²), b = 0 for one seed) on the same files, on the CPU: the book's pipeline is a
CPU pipeline (its chapter-3 code never moves a tensor to a GPU).
"""

import dataclasses
import time
import warnings

import torch

from core import book_pipeline as book
from core import classifier


@dataclasses.dataclass(frozen=True)
class BookEpoch:
    """One epoch of d2l's train_epoch_ch3 + evaluate_accuracy over DataLoaders, in parts.

    load: time spent inside the training DataLoader (reading, ToTensor per image, collating);
    step: the rest of train_epoch_ch3 (forward, backward, sgd, a float() per batch);
    evaluate: evaluate_accuracy over the test DataLoader (its own loading included).
    """
    load: float
    step: float
    evaluate: float
    train_loss: float
    train_acc: float
    test_acc: float
    workers: int

    @property
    def seconds(self) -> float:
        return self.load + self.step + self.evaluate


@dataclasses.dataclass(frozen=True)
class Stages:
    """One epoch of our from-scratch loop built up stage by stage (cumulative seconds).

    batches: gather + uint8 → float; forward: + net and loss; backward: + backward;
    sgd: + the update; metrics: + the loss and accuracy sums (the whole step);
    evaluate: the test evaluation alone; matmuls: the two matrix products of every step
    without autograd (the irreducible work).
    """
    batches: float
    forward: float
    backward: float
    sgd: float
    metrics: float
    evaluate: float
    matmuls: float


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The book's epoch, ours (classifier.train, as the page trains), and the ratio."""
    book: BookEpoch
    ours: classifier.Epoch
    stages: Stages
    ratio: float  # book.seconds / ours.seconds
    threads: int  # PyTorch's intra-op threads for the book's pipeline (ours uses one)


class _Timed:
    """Wraps an iterable and adds up the time spent fetching its items."""

    def __init__(self, iterable):
        self.iterable, self.seconds = iterable, 0.0

    def __iter__(self):
        start = time.perf_counter()
        items = iter(self.iterable)  # a DataLoader starts its workers here
        self.seconds += time.perf_counter() - start
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            yield item


def book_epoch(W, b, lr: float, train_iter, test_iter) -> BookEpoch:
    """train_epoch_ch3 with the book's net, cross_entropy and sgd, then evaluate_accuracy."""
    def net(X):  # d2l 3.6.3: softmax(X W + b) over the flattened images (W, b from outside)
        return classifier.net(X, W, b)

    def updater(batch_size):
        return book.sgd([W, b], lr, batch_size)

    timed = _Timed(train_iter)
    with warnings.catch_warnings():  # the book's float(l.sum()) on a tensor that needs grad
        warnings.filterwarnings("ignore", message="Converting a tensor with requires_grad")
        start = time.perf_counter()
        train_loss, train_acc = book.train_epoch_ch3(net, timed, book.cross_entropy, updater)
        trained = time.perf_counter()
        test_acc = book.evaluate_accuracy(net, test_iter)
        done = time.perf_counter()
    return BookEpoch(timed.seconds, trained - start - timed.seconds, done - trained,
                     train_loss, train_acc, test_acc, book.get_dataloader_workers())


def epoch_stages(data, device: torch.device, batch_size: int = 256, lr: float = 0.1,
                 rounds: int = 5) -> Stages:
    """Time our from-scratch epoch up to each stage (best of `rounds`, stages interleaved)."""
    images, labels = data.train_images, data.train_labels
    names = ["batches", "forward", "backward", "sgd", "metrics"]

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize(device)

    def epoch(last: str) -> float:
        W, b = classifier.init_params(0, device)
        g = classifier.make_generator(0, device)
        loss_sums, correct = [], []
        sync()
        start = time.perf_counter()
        for idx in classifier.minibatches(len(labels), batch_size, g):
            X, y = classifier.to_float(images.index_select(0, idx)), labels.index_select(0, idx)
            if last == "batches":
                continue
            y_hat = classifier.net(X, W, b)
            l_sum = classifier.cross_entropy(y_hat, y).sum()
            if last == "forward":
                continue
            l_sum.backward()
            if last == "backward":
                W.grad = b.grad = None
                continue
            classifier.sgd([W, b], lr, len(y))
            if last == "sgd":
                continue
            loss_sums.append(l_sum.detach())
            correct.append(classifier.accuracy(y_hat.detach(), y))
        if loss_sums:
            torch.stack(loss_sums).sum().item(), torch.stack(correct).sum().item()
        sync()
        return time.perf_counter() - start

    X0 = classifier.to_float(images[:batch_size].reshape(min(batch_size, len(images)), -1))
    W0 = torch.randn(784, 10, device=device)
    dZ = torch.ones(len(X0), 10, device=device)
    steps = -(-len(labels) // batch_size)

    def matmuls() -> float:
        sync()
        start = time.perf_counter()
        for _ in range(steps):
            X0 @ W0  # forward
            X0.T @ dZ  # backward: ∂l/∂W
        sync()
        return time.perf_counter() - start

    def evaluation() -> float:
        W, b = classifier.init_params(0, device)
        start = time.perf_counter()
        classifier.evaluate_accuracy(lambda X: classifier.net(X, W.detach(), b.detach()),
                                     data.test_images, data.test_labels)
        return time.perf_counter() - start

    # Threads: the process-wide policy of core.resources (no per-call switch).
    runs = [{name: epoch(name) for name in names} for _ in range(rounds)]
    best = {name: min(r[name] for r in runs) for name in names}
    return Stages(**best, evaluate=min(evaluation() for _ in range(rounds)),
                  matmuls=min(matmuls() for _ in range(rounds)))


def on_cpu(data):
    """The data set with its tensors on the CPU (the same object when they already are)."""
    if data.train_labels.device.type == "cpu":
        return data
    return dataclasses.replace(data, train_images=data.train_images.cpu(),
                               train_labels=data.train_labels.cpu(),
                               test_images=data.test_images.cpu(),
                               test_labels=data.test_labels.cpu())


def compare_one_epoch(data, seed: int = 0, batch_size: int = 256, lr: float = 0.1,
                      rounds: int = 1) -> Comparison:
    """One epoch of the book's pipeline and one of ours, same model and files, on the CPU."""
    data = on_cpu(data)
    train_iter, test_iter = book.load_data_fashion_mnist(batch_size)
    W, b = classifier.init_params(seed)
    book_run = book_epoch(W, b, lr, train_iter, test_iter)
    model = classifier.make_model("scratch", seed)
    (ours,) = classifier.train(model, data, classifier.TrainConfig(batch_size, lr, 1, seed))
    stages = epoch_stages(data, torch.device("cpu"), batch_size, lr, rounds)
    return Comparison(book_run, ours, stages, book_run.seconds / ours.seconds,
                      torch.get_num_threads())
