"""Calibration (d2l 3.4.3): of all examples given confidence p, about a share p should be right.

A reliability diagram bins the test set by the model's confidence, max_j ŷ_j, and compares each
bin's mean confidence with its accuracy; the expected calibration error (ECE) is their gap,
weighted by how many examples fall in the bin: ECE = Σ_b (n_b / n) · |acc_b − conf_b|.
"""

from dataclasses import dataclass

import torch

BINS = 10  # equal-width bins of confidence over [0, 1]


@dataclass(frozen=True)
class Reliability:
    """Per confidence bin [lower, upper): how many test images, their mean confidence, and the
    share of them predicted right (nan for an empty bin); the ECE over all of them."""
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    count: tuple[int, ...]
    confidence: tuple[float, ...]
    accuracy: tuple[float, ...]
    ece: float
    mean_confidence: float   # over the whole test set
    accuracy_all: float      # the test accuracy

    def at(self, p: float) -> int:
        """The index of the bin that holds confidence p."""
        return min(int(p * len(self.count)), len(self.count) - 1)


def reliability(probs: torch.Tensor, labels: torch.Tensor, bins: int = BINS) -> Reliability:
    """A reliability diagram's numbers from softmax outputs probs (n, q) and labels (n,)."""
    probs, labels = probs.double().cpu(), labels.cpu()
    confidence, predicted = probs.max(dim=1)                            # (n,), (n,)
    right = (predicted == labels).double()
    index = (confidence * bins).long().clamp(max=bins - 1)              # confidence 1 → last bin
    count = torch.bincount(index, minlength=bins)
    conf_sum = torch.bincount(index, weights=confidence, minlength=bins)
    right_sum = torch.bincount(index, weights=right, minlength=bins)
    n = count.clamp(min=1).double()
    mean_conf = torch.where(count > 0, conf_sum / n, torch.nan)
    acc = torch.where(count > 0, right_sum / n, torch.nan)
    ece = float(((right_sum - conf_sum).abs()).sum() / len(labels))  # Σ n_b |acc_b − conf_b| / n
    return Reliability(tuple(i / bins for i in range(bins)),
                       tuple((i + 1) / bins for i in range(bins)), tuple(count.tolist()),
                       tuple(mean_conf.tolist()), tuple(acc.tolist()), ece,
                       float(confidence.mean()), float(right.mean()))


@dataclass(frozen=True)
class Wobble:
    """Two reasons test accuracy can fall during training, read off one run's history."""
    dips: tuple[tuple[int, float, float], ...]  # (epoch, test acc before, after) where it fell
    loss_rises: tuple[int, ...]                 # epochs whose training loss rose
    gap_low: float                              # train − test accuracy from epoch 2 on (epoch
    gap_high: float                             # 1's train figures average a changing model)
    best_epoch: int                             # the epoch of the best test accuracy
    overfitting: bool                           # test accuracy below its best for ≥ 3 epochs


def wobble(history, patience: int = 3) -> Wobble:
    """From a run's epochs (train_loss, train_acc, test_acc): the test-accuracy dips, which are
    SGD noise when the training loss falls smoothly and the test accuracy recovers, and
    overfitting, a lasting decline: the best test accuracy `patience` or more epochs back."""
    pairs = list(zip(history[:-1], history[1:], strict=True))  # consecutive epochs
    dips = tuple((b.epoch, a.test_acc, b.test_acc) for a, b in pairs if b.test_acc < a.test_acc)
    rises = tuple(b.epoch for a, b in pairs if b.train_loss > a.train_loss)
    gaps = [e.train_acc - e.test_acc for e in history[1:] or history]
    best = max(history, key=lambda e: e.test_acc)
    return Wobble(dips, rises, min(gaps), max(gaps), best.epoch,
                  history[-1].epoch - best.epoch >= patience)
