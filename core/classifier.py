"""Softmax regression on Fashion-MNIST, from scratch (d2l 3.6) and concise (d2l 3.7).

Both trainers are generators: they yield one `Epoch` record per epoch and let the caller
draw, stop or collect. The images stay on the device as uint8 (N, 28, 28); a minibatch is
a slice of a seeded random permutation, gathered and scaled to [0, 1] per step. Loss and
accuracy are summed as tensors during the epoch and read once at its end (one sync per
epoch, not one per step); the test set is evaluated in a few large batches.
"""

import csv
import dataclasses
import io
import math
import time
from collections.abc import Callable, Iterator

import torch
from torch import nn

from core.device import make_generator

NUM_INPUTS, NUM_OUTPUTS = 28 * 28, 10
EVAL_BATCH = 2500  # test images per evaluation batch: 4 batches of 7.8 MB in float32


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    """The book's hyperparameters."""
    batch_size: int = 256
    lr: float = 0.1
    num_epochs: int = 10
    seed: int = 0


# The menus a page offers (ui.params declares them; a class experiment accepts only these)
LR_CHOICES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
BATCH_CHOICES = (16, 32, 64, 128, 256, 512, 1024, 2048)
MAX_EPOCHS = 30


@dataclasses.dataclass(frozen=True)
class Epoch:
    """What one epoch reports: the book's three curves and its duration."""
    epoch: int
    train_loss: float
    train_acc: float
    test_acc: float
    seconds: float


# ---- from scratch (d2l 3.6) ----------------------------------------------------------------

def init_params(seed: int, device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """W ~ N(0, 0.01²) of shape (784, 10), b = 0."""
    g = make_generator(seed)  # drawn on the CPU: the same start on every device
    W = torch.normal(0, 0.01, size=(NUM_INPUTS, NUM_OUTPUTS), generator=g).to(device)
    b = torch.zeros(NUM_OUTPUTS, device=device)
    return W.requires_grad_(), b.requires_grad_()


def softmax(X: torch.Tensor) -> torch.Tensor:
    """softmax(X)_ij = exp(X_ij) / Σ_k exp(X_ik), the naive way (it overflows for large X)."""
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition  # broadcasting: (n, q) / (n, 1)


def net(X: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """ŷ = softmax(X W + b), with X flattened to (n, 784)."""
    return softmax(X.reshape(-1, W.shape[0]) @ W + b)


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """l_i = −log ŷ_{i, y_i}: the predicted probability of the true class, per example."""
    # the book's y_hat[range(n), y]; gather picks the same entries without building an
    # index tensor from a Python range each step (a host-to-device copy on a GPU)
    return -torch.log(y_hat.gather(1, y.unsqueeze(1)).squeeze(1))


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The number of correct predictions, as a tensor (reading it is the caller's choice)."""
    return (y_hat.argmax(dim=1) == y).sum()


def sgd(params: list[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch SGD: p ← p − lr · ∇p / batch_size (the loss was summed over the batch)."""
    with torch.no_grad():
        for param in params:
            param.sub_(param.grad, alpha=lr / batch_size)  # one fused step per tensor
            param.grad = None  # instead of zero_(): the next backward writes a fresh grad


# ---- concise (d2l 3.7) ---------------------------------------------------------------------

def concise_net(seed: int, device: torch.device | str = "cpu") -> nn.Sequential:
    """nn.Sequential(Flatten, Linear(784, 10)), starting where from-scratch starts."""
    net = nn.Sequential(nn.Flatten(), nn.Linear(NUM_INPUTS, NUM_OUTPUTS))
    # the book: nn.init.normal_(weight, std=0.01); here the very same draw as init_params,
    # so that both implementations can be compared step by step
    W, b = init_params(seed)
    with torch.no_grad():
        net[1].weight.copy_(W.T)  # nn.Linear keeps its weight transposed: (10, 784)
        net[1].bias.copy_(b)
    return net.to(device)


# ---- data and evaluation -------------------------------------------------------------------

def to_float(images: torch.Tensor) -> torch.Tensor:
    """uint8 pixels → float32 in [0, 1], as transforms.ToTensor() does; floats pass through."""
    if images.dtype != torch.uint8:
        return images  # already converted, once, by the caller
    return images.float().div_(255)


def minibatches(n: int, batch_size: int, generator: torch.Generator) -> Iterator[torch.Tensor]:
    """Index tensors of a random permutation of range(n), `batch_size` at a time."""
    perm = torch.randperm(n, generator=generator, device=generator.device)
    for start in range(0, n, batch_size):
        yield perm[start:start + batch_size]


def evaluate_accuracy(predict: Callable[[torch.Tensor], torch.Tensor], images: torch.Tensor,
                      labels: torch.Tensor, batch_size: int = EVAL_BATCH) -> float:
    """Share of `images` whose highest score is the true label; in order, no gradients."""
    correct = torch.zeros((), dtype=torch.int64, device=labels.device)
    with torch.inference_mode():
        for start in range(0, len(labels), batch_size):
            X = to_float(images[start:start + batch_size])
            correct += accuracy(predict(X), labels[start:start + batch_size])
    return correct.item() / len(labels)


def _epoch_record(epoch: int, loss_sums: list, correct: list, n: int, test_acc: float,
                  start: float) -> Epoch:
    # one sync per epoch: the per-step sums were kept as tensors
    train_loss = torch.stack(loss_sums).sum().item() / n
    train_acc = torch.stack(correct).sum().item() / n
    return Epoch(epoch, train_loss, train_acc, test_acc, time.perf_counter() - start)


# ---- the two training loops ----------------------------------------------------------------

def train_scratch(W: torch.Tensor, b: torch.Tensor, data, cfg: TrainConfig) -> Iterator[Epoch]:
    """d2l's train_ch3 with `net`, `cross_entropy` and `sgd`; W and b are updated in place.

    `data` has uint8 train_images/test_images (N, 28, 28) and int64 labels on W's device.
    Stops after an epoch whose loss is not finite (the naive softmax overflowed).
    """
    images, labels = data.train_images, data.train_labels
    g = make_generator(cfg.seed, W.device)
    for epoch in range(1, cfg.num_epochs + 1):
        start = time.perf_counter()
        loss_sums, correct = [], []
        for idx in minibatches(len(labels), cfg.batch_size, g):
            X, y = to_float(images.index_select(0, idx)), labels.index_select(0, idx)
            y_hat = net(X, W, b)
            l_sum = cross_entropy(y_hat, y).sum()
            l_sum.backward()
            sgd([W, b], cfg.lr, len(y))
            loss_sums.append(l_sum.detach())
            correct.append(accuracy(y_hat.detach(), y))
        test_acc = evaluate_accuracy(lambda X: net(X, W, b), data.test_images, data.test_labels)
        record = _epoch_record(epoch, loss_sums, correct, len(labels), test_acc, start)
        yield record
        if not math.isfinite(record.train_loss):
            return


def train_concise(net: nn.Module, data, cfg: TrainConfig) -> Iterator[Epoch]:
    """d2l's train_ch3 with nn.CrossEntropyLoss(reduction='none') and torch.optim.SGD."""
    images, labels = data.train_images, data.train_labels
    loss = nn.CrossEntropyLoss(reduction="none")
    trainer = torch.optim.SGD(net.parameters(), lr=cfg.lr)
    g = make_generator(cfg.seed, next(net.parameters()).device)
    for epoch in range(1, cfg.num_epochs + 1):
        start = time.perf_counter()
        net.train()
        loss_sums, correct = [], []
        for idx in minibatches(len(labels), cfg.batch_size, g):
            X, y = to_float(images.index_select(0, idx)), labels.index_select(0, idx)
            y_hat = net(X)
            l = loss(y_hat, y)
            trainer.zero_grad()  # set_to_none=True: no zero-filling
            l.mean().backward()
            trainer.step()
            loss_sums.append(l.detach().sum())
            correct.append(accuracy(y_hat.detach(), y))
        net.eval()
        test_acc = evaluate_accuracy(net, data.test_images, data.test_labels)
        record = _epoch_record(epoch, loss_sums, correct, len(labels), test_acc, start)
        yield record
        if not math.isfinite(record.train_loss):
            return


# ---- one entry point for the page, and what it keeps of a trained model -------------------

IMPLS = ("scratch", "concise")


def make_model(impl: str, seed: int, device: torch.device | str = "cpu"):
    """(W, b) for 'scratch', an nn.Sequential for 'concise'; the same start for one seed."""
    return init_params(seed, device) if impl == "scratch" else concise_net(seed, device)


def train(model, data, cfg: TrainConfig) -> Iterator[Epoch]:
    """Train `model` (from make_model) in place, one Epoch record per epoch."""
    # no thread setting here: it is process-wide, so the server sets it once
    # (core.resources.configure_threads), never one session for all
    trainer = (train_concise(model, data, cfg) if isinstance(model, nn.Module)
               else train_scratch(*model, data, cfg))
    yield from trainer


def linear_params(model) -> tuple[torch.Tensor, torch.Tensor]:
    """The learned map in the book's layout, W (784, 10) and b (10,), detached, on the CPU."""
    if isinstance(model, nn.Module):
        W, b = model[1].weight.T, model[1].bias
    else:
        W, b = model
    return W.detach().cpu().contiguous(), b.detach().cpu().clone()


def state_dict(model) -> dict[str, torch.Tensor]:
    """What a download holds: the module's state_dict, or {'W', 'b'} from scratch."""
    if isinstance(model, nn.Module):
        return {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    W, b = model
    return {"W": W.detach().cpu().clone(), "b": b.detach().cpu().clone()}


def probabilities(W: torch.Tensor, b: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """softmax(X W + b) for images (n, 28, 28), uint8 or float in [0, 1]; stable softmax."""
    with torch.inference_mode():
        X = to_float(images.to(W.device)).reshape(-1, W.shape[0])
        return torch.softmax(X @ W + b, dim=1)


def confusion_matrix(y: torch.Tensor, y_pred: torch.Tensor, q: int = NUM_OUTPUTS) -> torch.Tensor:
    """C[i, j] = how many images of true class i were predicted as class j."""
    return torch.bincount(y * q + y_pred, minlength=q * q).reshape(q, q)


def per_class_accuracy(confusion: torch.Tensor) -> torch.Tensor:
    """The share of each true class predicted correctly: diagonal / row sums."""
    return confusion.diagonal() / confusion.sum(dim=1).clamp(min=1)


@dataclasses.dataclass(frozen=True)
class Hardest:
    """The classes the model gets wrong most often, and its most frequent single confusion."""
    classes: tuple[int, ...]          # lowest accuracy first
    accuracies: tuple[float, ...]     # their per-class accuracy
    confused_true: int                # the off-diagonal cell with the largest count:
    confused_pred: int                # images of class confused_true predicted confused_pred
    confused_count: int
    class_size: int                   # test images of class confused_true


def hardest_classes(confusion: torch.Tensor, k: int = 3) -> Hardest:
    """The k classes of lowest accuracy (diagonal / row sum) and the largest off-diagonal C[i, j]."""
    acc = per_class_accuracy(confusion)
    order = torch.argsort(acc, stable=True)[:k]
    off = confusion.clone()
    off.fill_diagonal_(-1)
    i, j = divmod(int(off.argmax()), confusion.shape[1])
    return Hardest(tuple(order.tolist()), tuple(acc[order].tolist()), i, j, int(off[i, j]),
                   int(confusion[i].sum()))


@dataclasses.dataclass(frozen=True)
class Untrained:
    """The model before training: its test accuracy, and how unevenly it guesses."""
    accuracy: float
    top_class: int     # the class it predicts most often
    top_share: float   # the share of test images predicted as top_class


def untrained(data, seed: int) -> Untrained:
    """softmax(XW + b) at the start (W ~ N(0, 0.01²), b = 0) on the test set: accuracy ≈ 1/10."""
    W, b = init_params(seed, data.test_labels.device)
    W, b = W.detach(), b.detach()
    accuracy = evaluate_accuracy(lambda X: net(X, W, b), data.test_images, data.test_labels)
    counts = torch.bincount(probabilities(W, b, data.test_images).argmax(1),
                            minlength=NUM_OUTPUTS)
    top = int(counts.argmax())
    return Untrained(accuracy, top, int(counts[top]) / len(data.test_labels))


def select_examples(y: torch.Tensor, y_pred: torch.Tensor, which: str, count: int) -> list[int]:
    """Indices of the first `count` test images that are: 'all', 'mistakes', or of class '3'."""
    if which == "all":
        mask = torch.ones_like(y, dtype=torch.bool)
    elif which == "mistakes":
        mask = y != y_pred
    else:
        mask = y == int(which)
    return torch.nonzero(mask).flatten()[:count].tolist()


def book_checks(last: Epoch) -> dict[str, bool]:
    """The asserts at the end of d2l's train_ch3."""
    return {"train_loss": last.train_loss < 0.5, "train_acc": 0.7 < last.train_acc <= 1,
            "test_acc": 0.7 < last.test_acc <= 1}


def save_bytes(tensors: dict[str, torch.Tensor]) -> bytes:
    """torch.save into memory (no file on the server)."""
    buffer = io.BytesIO()
    torch.save(tensors, buffer)
    return buffer.getvalue()


def history_csv(history: list[Epoch]) -> str:
    """The per-epoch metrics as CSV text."""
    fields = [f.name for f in dataclasses.fields(Epoch)]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([repr(getattr(e, f)) for f in fields] for e in history)
    return text.getvalue()


@dataclasses.dataclass
class Trained:
    """What a session keeps of a completed run (CPU tensors and bytes only)."""
    impl: str
    cfg: TrainConfig
    history: list[Epoch]
    W: torch.Tensor            # (784, 10)
    b: torch.Tensor            # (10,)
    test_probs: torch.Tensor   # (10000, 10): softmax over the test set
    test_labels: torch.Tensor  # (10000,)
    weights: bytes             # torch.save(state_dict)
    device: str
    epoch_W: tuple = ()        # W (784, 10) after each epoch, for the replay (≤ 30 × 31 KB)

    @property
    def test_pred(self) -> torch.Tensor:
        return self.test_probs.argmax(dim=1)

    @property
    def confusion(self) -> torch.Tensor:
        return confusion_matrix(self.test_labels, self.test_pred)


@dataclasses.dataclass(frozen=True)
class Diverged:
    """A run whose training loss stopped being finite at `epoch` (the model is discarded)."""
    lr: float
    epoch: int
    history: tuple[Epoch, ...]  # up to and including the epoch that failed


@dataclasses.dataclass(frozen=True)
class Stopped:
    """A run the student stopped before its last epoch: its epochs so far (its model is
    discarded, the previous one kept)."""
    lr: float
    num_epochs: int
    history: tuple[Epoch, ...] = ()


def summarize(impl: str, model, cfg: TrainConfig, history: list[Epoch], data, device: str,
              epoch_W: tuple = ()) -> Trained:
    """Everything the page shows after training, computed once."""
    W, b = linear_params(model)
    return Trained(impl, cfg, history, W, b, probabilities(W, b, data.test_images.cpu()),
                   data.test_labels.cpu(), save_bytes(state_dict(model)), device, epoch_W)


def train_recorded(model, data, cfg: TrainConfig) -> Iterator[tuple[Epoch, torch.Tensor]]:
    """`train`, each epoch's record with a CPU copy of W (784, 10) at its end: the trajectory."""
    for record in train(model, data, cfg):
        yield record, linear_params(model)[0].clone()


@dataclasses.dataclass(frozen=True)
class Replay:
    """A finished run as it stood after `epoch` epochs: the curves so far and W then."""
    epoch: int
    history: tuple[Epoch, ...]
    W: torch.Tensor  # (784, 10)


def replay(result: Trained, epoch: int) -> Replay:
    """The records of epochs 1..epoch and the weights after epoch (clamped to the run)."""
    epoch = min(max(int(epoch), 1), len(result.epoch_W))
    return Replay(epoch, tuple(result.history[:epoch]), result.epoch_W[epoch - 1])
