"""What the board shows, computed from a room's rows: the points, the spread, best and worst.

The classifier's figure is the final test accuracy (higher is better), linear regression's
the final loss on all the data (lower is better). The book's defaults are the reference.
"""

import csv
import dataclasses
import datetime
import io
import statistics

from classroom.store import Row
from classroom.submission import LESSONS


@dataclasses.dataclass(frozen=True)
class Point:
    """One submitted run on the board."""
    id: int
    name: str
    mine: bool
    impl: str
    lr: float
    batch_size: int
    epochs: int
    value: float                # the board's figure: final test accuracy or final loss
    curve: tuple[float, ...]    # that figure after each epoch


@dataclasses.dataclass(frozen=True)
class Board:
    lesson: str
    metric: str                 # "test_acc" or "loss"
    higher_is_better: bool
    points: tuple[Point, ...]
    best: Point | None
    worst: Point | None
    median: float | None
    reference: tuple[float, int, int]   # the book's lr, batch_size, num_epochs
    submitters: int


def summarize(rows: list[Row], lesson: str, lang: str = "en") -> Board:
    """The board of a room about `lesson` (rows of another lesson are left out)."""
    spec = LESSONS[lesson]
    points = []
    for row in rows:
        s = row.submission
        if s.lesson != lesson:
            continue
        curve = s.test_acc if spec.accuracy else s.train_loss
        points.append(Point(row.id, row.member.name(lang), row.mine, s.impl, s.lr,
                            s.batch_size, s.epochs, curve[-1], curve))
    higher = spec.accuracy
    ranked = sorted(points, key=lambda p: (p.value, -p.id), reverse=higher)
    return Board(lesson, "test_acc" if higher else "loss", higher, tuple(points),
                 ranked[0] if ranked else None, ranked[-1] if len(ranked) > 1 else None,
                 statistics.median(p.value for p in points) if points else None,
                 spec.book, len({p.name for p in points}))


CSV_COLUMNS = ("id", "pseudonym", "lesson", "impl", "lr", "batch_size", "epochs", "seed",
               "device", "seconds_per_epoch", "final_loss", "final_test_acc", "train_loss",
               "train_acc", "test_acc", "submitted_at")


def iso_time(seconds: float) -> str:
    """A Unix time as ISO 8601 in UTC: 2027-01-15T08:00:00+00:00."""
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat(timespec="seconds")


def to_csv(rows: list[Row], lang: str = "en") -> str:
    """Every submission, one line each (the `lesson` column says which lesson's run); the
    per-epoch lists as space-separated numbers; the time in ISO 8601 (UTC).

    Every cell is a number or a word from a fixed list, so no cell can start a formula.
    """
    def series(values) -> str:
        return "" if values is None else " ".join(f"{v:.6g}" for v in values)

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        s = row.submission
        writer.writerow([row.id, row.member.name(lang), s.lesson, s.impl, repr(s.lr),
                         s.batch_size, s.epochs, s.seed, s.device, f"{s.seconds_per_epoch:.6g}",
                         f"{s.final_loss:.6g}",
                         "" if s.final_test_acc is None else f"{s.final_test_acc:.6g}",
                         series(s.train_loss), series(s.train_acc), series(s.test_acc),
                         iso_time(row.created_at)])
    return out.getvalue()
