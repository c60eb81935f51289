"""What a student may submit, checked before anything is stored.

A submission is plain numbers and words from fixed sets: the lesson, the implementation,
the hyperparameters within the ranges the pages allow, the seed, the per-epoch metrics
(one value per epoch, at most `MAX_EPOCHS`), the time per epoch and the device kind.
`validate` raises `Invalid(reason)` for anything else; the reason is a short code the
page translates.
"""

import dataclasses
import hashlib
import json
import math
from collections.abc import Mapping

from core import classifier, linreg

MAX_EPOCHS = max(linreg.MAX_EPOCHS, classifier.MAX_EPOCHS)  # the pages' menus (core)
MAX_SEED = 2**31 - 1
MAX_SECONDS = 3600.0     # per epoch
MAX_LOSS = 1e30          # a growing, not yet diverged, regression loss stays far below
IMPLEMENTATIONS = ("scratch", "concise")
DEVICES = ("cpu", "cuda")


@dataclasses.dataclass(frozen=True)
class Lesson:
    """A page whose runs can be submitted: its hyperparameter ranges and the book's defaults."""
    key: str
    url_path: str
    lr: tuple[float, float]
    batch_size: tuple[int, int]
    book: tuple[float, int, int]  # the book's lr, batch_size, num_epochs
    accuracy: bool                # does a run report accuracies (the classifier)?


def _lesson(key: str, url_path: str, menus, book, accuracy: bool) -> Lesson:
    """A lesson whose ranges are its page's menus (core.linreg, core.classifier)."""
    return Lesson(key, url_path, (min(menus.LR_CHOICES), max(menus.LR_CHOICES)),
                  (min(menus.BATCH_CHOICES), max(menus.BATCH_CHOICES)),
                  (book.lr, book.batch_size, book.num_epochs), accuracy)


LESSONS = {
    "linreg": _lesson("linreg", "linear-regression", linreg, linreg.TrainConfig(),
                      accuracy=False),
    "classifier": _lesson("classifier", "softmax-classifier", classifier, classifier.TrainConfig(),
                          accuracy=True),
}


class Invalid(ValueError):
    """A submission refused; `reason` is a short code such as 'lr_range'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Submission:
    """One completed training run, checked."""
    lesson: str
    impl: str
    lr: float
    batch_size: int
    epochs: int
    seed: int
    device: str
    seconds_per_epoch: float
    train_loss: tuple[float, ...]        # one per epoch
    train_acc: tuple[float, ...] | None  # classifier only
    test_acc: tuple[float, ...] | None   # classifier only

    @property
    def final_loss(self) -> float:
        return self.train_loss[-1]

    @property
    def final_test_acc(self) -> float | None:
        return self.test_acc[-1] if self.test_acc else None

    @property
    def run_token(self) -> str:
        """Equal for two runs with the same settings and results (a resubmission)."""
        fields = dataclasses.asdict(self)
        del fields["seconds_per_epoch"], fields["device"]
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:32]


def _choice(raw: Mapping, name: str, options) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or value not in options:
        raise Invalid(name)
    return value


def _integer(raw: Mapping, name: str, lo: int, hi: int) -> int:
    value = raw.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(name)
    if not lo <= value <= hi:
        raise Invalid(f"{name}_range")
    return int(value)


def _number(value, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(name)
    try:
        value = float(value)
    except OverflowError:  # an integer beyond any float (10**400): out of range like 1e30
        raise Invalid(f"{name}_range") from None
    if not math.isfinite(value):
        raise Invalid(f"{name}_finite")
    if not lo <= value <= hi:
        raise Invalid(f"{name}_range")
    return value


def _series(raw: Mapping, name: str, epochs: int, hi: float) -> tuple[float, ...]:
    values = raw.get(name)
    if not isinstance(values, list | tuple):
        raise Invalid(name)
    if len(values) != epochs:  # also bounds the length: epochs ≤ MAX_EPOCHS
        raise Invalid(f"{name}_length")
    return tuple(_number(v, name, 0.0, hi) for v in values)


def validate(raw: Mapping) -> Submission:
    """A checked `Submission` from plain values, or `Invalid(reason)`."""
    if not isinstance(raw, Mapping):
        raise Invalid("format")
    lesson = LESSONS.get(_choice(raw, "lesson", LESSONS))
    epochs = _integer(raw, "epochs", 1, MAX_EPOCHS)
    accuracy = lesson.accuracy
    extra = set(raw) - {"lesson", "impl", "lr", "batch_size", "epochs", "seed", "device",
                        "seconds_per_epoch", "train_loss", "train_acc", "test_acc"}
    if extra:
        raise Invalid("unknown_field")
    if not accuracy and (raw.get("train_acc") is not None or raw.get("test_acc") is not None):
        raise Invalid("unknown_field")
    return Submission(
        lesson=lesson.key,
        impl=_choice(raw, "impl", IMPLEMENTATIONS),
        lr=_number(raw.get("lr"), "lr", *lesson.lr),
        batch_size=_integer(raw, "batch_size", *lesson.batch_size),
        epochs=epochs,
        seed=_integer(raw, "seed", 0, MAX_SEED),
        device=_choice(raw, "device", DEVICES),
        seconds_per_epoch=_number(raw.get("seconds_per_epoch"), "seconds_per_epoch", 0.0,
                                  MAX_SECONDS),
        train_loss=_series(raw, "train_loss", epochs, MAX_LOSS),
        train_acc=_series(raw, "train_acc", epochs, 1.0) if accuracy else None,
        test_acc=_series(raw, "test_acc", epochs, 1.0) if accuracy else None,
    )


def as_raw(s: Submission) -> dict:
    """The plain values of a checked submission (what `validate` accepts back)."""
    raw = dataclasses.asdict(s)
    for name in ("train_loss", "train_acc", "test_acc"):
        raw[name] = list(raw[name]) if raw[name] is not None else None
    if raw["train_acc"] is None:
        del raw["train_acc"], raw["test_acc"]
    return raw
