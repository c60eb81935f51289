"""The book's own Fashion-MNIST pipeline and training helpers, as printed in d2l 3.5–3.7.

These functions are the code the student reads in 《动手学深度学习》 (PyTorch edition),
kept as close to the print as possible so that the page can show them and really run
them next to ours (core/classifier.py). The only changes: the data root is a directory
of the same verified files core/data.py decodes (no download), the DataLoader's worker
count comes from the environment (D2L_BOOK_WORKERS, default 0: a hosted demo must not
fork processes per click), and train_ch3 draws no Animator.
"""

import dataclasses
import os
import tempfile
from pathlib import Path

import torch
from torch import nn
from torch.utils import data

from core import data as core_data

ENV_WORKERS = "D2L_BOOK_WORKERS"
BOOK_WORKERS = 4  # what the book's get_dataloader_workers() returns
MAX_WORKERS = 8


def get_dataloader_workers():
    """The book: 4 processes. Here min(D2L_BOOK_WORKERS, 8), default 0 (load in this process)."""
    try:
        return max(0, min(int(os.environ.get(ENV_WORKERS, "0")), MAX_WORKERS))
    except ValueError:
        return 0


def torchvision_root() -> str:
    """A root whose FashionMNIST/raw/ holds the four verified, un-gzipped files torchvision reads."""
    for base in (core_data.cache_dir(), Path(tempfile.gettempdir()) / "d2l-linear-nets"):
        raw = base / "book" / "FashionMNIST" / "raw"
        try:
            raw.mkdir(parents=True, exist_ok=True)
            for key, path in core_data.locate().items():
                spec = core_data.FILES[key]
                target = core_data.verified_plain_file(path, spec).resolve()
                link = raw / spec.name
                if link.is_symlink() and link.resolve() == target:
                    continue
                tmp = raw / f".{spec.name}.{os.getpid()}.tmp"
                tmp.unlink(missing_ok=True)
                tmp.symlink_to(target)
                tmp.replace(link)  # atomic: a concurrent reader sees the old or the new link
            return str(base / "book")
        except OSError:
            continue  # a read-only cache: try the temp directory
    raise core_data.DataError("unreadable", core_data.cache_dir(), "no writable directory")


# ---- d2l 3.5: reading the data set -----------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ImageTensor:
    """What the book's transforms make of one image: shape, dtype and value range."""
    shape: tuple[int, ...]      # (channels, height, width)
    dtype: str
    low: float
    high: float


def book_image_tensor(pixels: torch.Tensor, resize=None) -> ImageTensor:
    """One (28, 28) uint8 image through the book's transforms: [Resize(resize),] ToTensor()."""
    from PIL import Image
    from torchvision import transforms

    trans = [transforms.ToTensor()]
    if resize:
        trans.insert(0, transforms.Resize(resize))
    x = transforms.Compose(trans)(Image.fromarray(pixels.cpu().numpy()))
    return ImageTensor(tuple(x.shape), str(x.dtype).removeprefix("torch."), float(x.min()),
                       float(x.max()))

def load_data_fashion_mnist(batch_size, resize=None, root=None):
    """Download the Fashion-MNIST dataset and then load it into memory (d2l 3.5.3)."""
    from torchvision import datasets, transforms

    root = root or torchvision_root()  # the book: root="../data", download=True
    trans = [transforms.ToTensor()]
    if resize:
        trans.insert(0, transforms.Resize(resize))
    trans = transforms.Compose(trans)
    mnist_train = datasets.FashionMNIST(root=root, train=True, transform=trans, download=False)
    mnist_test = datasets.FashionMNIST(root=root, train=False, transform=trans, download=False)
    return (data.DataLoader(mnist_train, batch_size, shuffle=True,
                            num_workers=get_dataloader_workers()),
            data.DataLoader(mnist_test, batch_size, shuffle=False,
                            num_workers=get_dataloader_workers()))


# ---- d2l 3.6: the training helpers -----------------------------------------------------------

class Accumulator:
    """For accumulating sums over `n` variables."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


def cross_entropy(y_hat, y):
    """−log ŷ_{i, y_i}, picked out by fancy indexing."""
    return - torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat, y):
    """Compute the number of correct predictions."""
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def evaluate_accuracy(net, data_iter):
    """Compute the accuracy for a model on a dataset."""
    if isinstance(net, torch.nn.Module):
        net.eval()  # Set the model to evaluation mode
    metric = Accumulator(2)  # No. of correct predictions, no. of predictions
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def train_epoch_ch3(net, train_iter, loss, updater):
    """The training loop defined in Chapter 3."""
    # Set the model to training mode
    if isinstance(net, torch.nn.Module):
        net.train()
    # Sum of training loss, sum of training accuracy, no. of examples
    metric = Accumulator(3)
    for X, y in train_iter:
        # Compute gradients and update parameters
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            # Using PyTorch in-built optimizer & loss criterion
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            # Using custom built optimizer & loss criterion
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    # Return training loss and training accuracy
    return metric[0] / metric[2], metric[1] / metric[2]


def train_ch3(net, train_iter, test_iter, loss, num_epochs, updater):
    """Train a model (defined in Chapter 3).

    The book also draws an Animator each epoch and ends with three asserts (train loss
    < 0.5, accuracies in (0.7, 1]); here those are core.classifier.book_checks, and the
    metrics are returned instead (a 2-epoch benchmark run would fail the asserts).
    """
    for epoch in range(num_epochs):
        train_metrics = train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy(net, test_iter)
    train_loss, train_acc = train_metrics
    return train_loss, train_acc, test_acc


def init_weights(m):
    """d2l 3.7.1: weights ~ N(0, 0.01²); the bias keeps nn.Linear's default U(−1/√784, 1/√784)."""
    if type(m) is nn.Linear:  # the book writes type(m) == nn.Linear
        nn.init.normal_(m.weight, std=0.01)


def concise_net():
    """d2l 3.7.1: nn.Sequential(nn.Flatten(), nn.Linear(784, 10)) with init_weights applied."""
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    net.apply(init_weights)
    return net


def sgd(params, lr, batch_size):
    """Minibatch stochastic gradient descent (d2l 3.2)."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


# ---- d2l 3.6.1: the book's worked example ----------------------------------------------------

@dataclasses.dataclass(frozen=True)
class WorkedExample:
    """ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2]: the book's losses and accuracy."""
    y_hat: tuple[tuple[float, ...], ...]
    y: tuple[int, ...]
    picked: tuple[float, ...]   # y_hat[[0, 1], y]: the probability of each true class
    losses: tuple[float, ...]   # cross_entropy(y_hat, y)
    accuracy: float             # accuracy(y_hat, y) / len(y)


def worked_example() -> WorkedExample:
    """The book's two examples run through the book's cross_entropy and accuracy."""
    y = torch.tensor([0, 2])
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    return WorkedExample(tuple(tuple(row) for row in y_hat.tolist()), tuple(y.tolist()),
                         tuple(y_hat[[0, 1], y].tolist()),
                         tuple(cross_entropy(y_hat, y).tolist()),
                         accuracy(y_hat, y) / len(y))
