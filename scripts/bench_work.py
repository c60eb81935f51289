"""The per-run work cap of the classifier: seconds per epoch at each batch size, and the cap.

Times one epoch of the from-scratch trainer (one intra-op thread, the server's policy) at
every batch size the page offers, on data of Fashion-MNIST's shape, then prints what a run
of the page's extremes costs: the book's run (256 × 10), the costliest run the sliders allow
without a cap (batch 16 × 30 epochs), and the costliest run allowed under
core.resources.MAX_CLASSIFIER_STEPS. The cap is chosen so that no allowed run costs more
than the book's batch size at the slider's 30 epochs.
"""

import json
import time

import torch

from core import classifier, resources

BATCH_SIZES = classifier.BATCH_CHOICES  # the page's choices (ui.params declares them from here)
MAX_EPOCHS = classifier.MAX_EPOCHS      # the page's slider


class Data:
    """Random uint8 images and labels of Fashion-MNIST's shape (the cost does not depend on them)."""

    def __init__(self):
        g = torch.Generator().manual_seed(0)
        self.train_images = torch.randint(0, 256, (60_000, 28, 28), dtype=torch.uint8, generator=g)
        self.train_labels = torch.randint(0, 10, (60_000,), generator=g)
        self.test_images, self.test_labels = self.train_images[:10_000], self.train_labels[:10_000]


def epoch_seconds(data, batch_size: int, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        W, b = classifier.init_params(0)
        start = time.perf_counter()
        list(classifier.train_scratch(W, b, data, classifier.TrainConfig(batch_size=batch_size,
                                                                    num_epochs=1)))
        best = min(best, time.perf_counter() - start)
    return best


def run():
    resources.configure_threads()
    data = Data()
    epoch_seconds(data, 256, repeat=1)  # warm-up
    per_epoch = {bs: epoch_seconds(data, bs) for bs in BATCH_SIZES}
    for bs, seconds in per_epoch.items():
        yield {"figure": f"work_epoch_seconds_batch_{bs}", "value": round(seconds, 3), "unit": "s",
               "ms_per_step": round(1000 * seconds / resources.steps(bs, 1), 3),
               "max_epochs_under_cap": min(MAX_EPOCHS, resources.max_epochs(bs))}
    book = 10 * per_epoch[256]
    longest_book = MAX_EPOCHS * per_epoch[256]
    uncapped = max((MAX_EPOCHS * s, bs) for bs, s in per_epoch.items())
    capped = max((min(MAX_EPOCHS, resources.max_epochs(bs)) * s, bs) for bs, s in per_epoch.items())
    # the largest cap under which no allowed run costs more than the book's batch at 30 epochs
    suggested = min((resources.steps(bs, max(1, int(longest_book / s)))
                     for bs, s in per_epoch.items() if MAX_EPOCHS * s > longest_book),
                    default=resources.steps(BATCH_SIZES[0], MAX_EPOCHS))
    yield {"figure": "work_cap_steps", "value": resources.MAX_CLASSIFIER_STEPS, "unit": "steps",
           "book_run_steps": resources.steps(256, 10),
           "suggested_by_this_run": suggested}
    yield {"figure": "work_book_run_seconds", "value": round(book, 2), "unit": "s",
           "batch": 256, "epochs": 10}
    yield {"figure": "work_costliest_run_without_cap_seconds", "value": round(uncapped[0], 2),
           "unit": "s", "batch": uncapped[1], "epochs": MAX_EPOCHS,
           "vs_book": round(uncapped[0] / book, 1)}
    yield {"figure": "work_costliest_run_with_cap_seconds", "value": round(capped[0], 2),
           "unit": "s", "batch": capped[1], "vs_book": round(capped[0] / book, 1)}


if __name__ == "__main__":
    for record in run():
        print(json.dumps(record), flush=True)
