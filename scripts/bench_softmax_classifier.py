"""Softmax regression on Fashion-MNIST: ours against the book's pipeline, in the same run.

The baseline trains exactly as d2l 3.6 / 3.7 do: torchvision's FashionMNIST with
transforms.ToTensor(), DataLoader(batch_size=256, shuffle=True, num_workers=4), the book's
train_epoch_ch3 / evaluate_accuracy (a float() per batch), 10 epochs. Ours is
core.classifier.train, as the page calls it, with the same hyperparameters; it is timed just
before and just after the baseline and the mean is used. Both timings include every epoch's
test evaluation and exclude reading the files. Then: float32 converted once instead of per
batch, where one of our epochs spends its time, and PyTorch's default threads.

Run alone: python scripts/bench_softmax_classifier.py [--quick]  (--quick: 2 epochs)
"""

import dataclasses
import json
import os
import sys
import time
import warnings
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import book_pipeline as book  # noqa: E402
from core import classifier, pipeline_timing, resources  # noqa: E402
from core import data as core_data  # noqa: E402
from core.device import device_name, get_device, seed_everything  # noqa: E402

EPOCHS = 10
os.environ.setdefault(book.ENV_WORKERS, str(book.BOOK_WORKERS))  # the book's 4 workers
BATCH, LR = 256, 0.1


# ---- the book's pipeline, as printed in d2l 3.5-3.7 (core/book_pipeline.py) -------------

def book_iters():
    # the book's code as printed warns on this 2-core machine; the warnings are expected
    warnings.filterwarnings("ignore", message="This DataLoader will create")
    warnings.filterwarnings("ignore", message="Converting a tensor with requires_grad")
    return book.load_data_fashion_mnist(BATCH)


def book_scratch(train_iter, test_iter, epochs):
    W, b = classifier.init_params(0)  # the same start as ours

    def net(X):
        return classifier.net(X, W, b)  # d2l 3.6.3's net, written the same way

    def updater(batch_size):
        return book.sgd([W, b], LR, batch_size)

    return book.train_ch3(net, train_iter, test_iter, book.cross_entropy, epochs, updater)


def book_concise(train_iter, test_iter, epochs):
    net = book.concise_net()
    loss = nn.CrossEntropyLoss(reduction='none')
    trainer = torch.optim.SGD(net.parameters(), lr=LR)
    return book.train_ch3(net, train_iter, test_iter, loss, epochs, trainer)


# ---- ours ---------------------------------------------------------------------------------

def ours(impl: str, data, epochs: int, seed: int = 0):
    """(seconds for the model's init and all epochs, last Epoch record), as the page trains."""
    cfg = classifier.TrainConfig(num_epochs=epochs, seed=seed)
    start = time.perf_counter()
    model = classifier.make_model(impl, seed, data.train_labels.device)
    records = list(classifier.train(model, data, cfg))
    return time.perf_counter() - start, records[-1]


class FloatData:
    """The data set converted once to float32 in [0, 1] (the alternative to per batch)."""

    def __init__(self, data):
        self.train_images = data.train_images.float().div_(255)
        self.test_images = data.test_images.float().div_(255)
        self.train_labels, self.test_labels = data.train_labels, data.test_labels


def timing(name: str, seconds: float, epochs: int, last, **extra) -> dict:
    return {"figure": name, "value": round(seconds, 3), "unit": "s", "epochs": epochs,
            "per_epoch": round(seconds / epochs, 4), "train_loss": round(last[0], 4),
            "train_acc": round(last[1], 4), "test_acc": round(last[2], 4), **extra}


def run(epochs: int = EPOCHS):
    device = get_device()
    resources.configure_threads()  # the server's policy: one intra-op thread, set once
    data = core_data.load_fashion_mnist(device, allow_download=False)
    yield {"figure": "device", "value": device_name(device), "unit": "",
           "threads": torch.get_num_threads(), "cpus": os.cpu_count(),
           "book_workers": book.get_dataloader_workers()}
    for impl in classifier.IMPLS:
        ours(impl, data, 1)  # warm-up: first-call allocations, MKL's initialisation

    # 1. the speed-up, in the same run: ours just before and just after the book's pipeline,
    #    so that a machine busy with other work slows both alike
    ours_seconds = {}
    iters = book_iters() if device.type == "cpu" else None
    for impl, book_run in (("scratch", book_scratch), ("concise", book_concise)):
        before, last = ours(impl, data, epochs)
        if iters is None:  # the book's pipeline is a CPU pipeline: no ratio on a GPU
            ours_seconds[impl] = before
            yield timing(f"ours_{impl}_seconds", before, epochs,
                         (last.train_loss, last.train_acc, last.test_acc))
            continue
        seed_everything(0)
        start = time.perf_counter()
        book_last = book_run(*iters, epochs)
        book_seconds = time.perf_counter() - start
        after, _ = ours(impl, data, epochs)
        ours_seconds[impl] = mean = (before + after) / 2
        yield timing(f"ours_{impl}_seconds", mean, epochs,
                     (last.train_loss, last.train_acc, last.test_acc),
                     before=round(before, 3), after=round(after, 3))
        yield timing(f"book_{impl}_seconds", book_seconds, epochs, book_last)
        yield {"figure": f"speedup_{impl}", "value": round(book_seconds / mean, 1),
               "unit": "x", "low": round(book_seconds / max(before, after), 1),
               "high": round(book_seconds / min(before, after), 1),
               "test_acc_difference": round(last.test_acc - book_last[2], 4)}

    # 2. uint8 converted per batch (what we do) against float32 converted once
    start = time.perf_counter()
    float_data = FloatData(data)
    convert = time.perf_counter() - start
    seconds, last = ours("scratch", float_data, epochs)
    yield {"figure": "ours_scratch_float_once_seconds", "value": round(convert + seconds, 3),
           "unit": "s", "convert_once": round(convert, 3), "test_acc": round(last.test_acc, 4),
           "vs_per_batch": round((convert + seconds) / ours_seconds["scratch"], 2)}
    del float_data

    # 3. where one epoch's time goes
    previous = 0.0
    stages = dataclasses.asdict(pipeline_timing.epoch_stages(data, device, BATCH, LR))
    names = {"evaluate": "test_evaluation", "matmuls": "two_matmuls_per_step_no_autograd"}
    for stage, seconds in stages.items():
        stage = names.get(stage, stage)
        figure = {"figure": f"scratch_epoch_{stage}_seconds", "value": round(seconds, 4),
                  "unit": "s"}
        if stage in ("forward", "backward", "sgd", "metrics"):
            figure["added"] = round(seconds - previous, 4)  # what this stage costs
        previous = seconds
        yield figure

    # 4. the same loop with PyTorch's default threads (one per core) instead of the policy's
    torch.set_num_threads(os.cpu_count() or 1)
    start = time.perf_counter()
    W, b = classifier.init_params(0, device)
    list(classifier.train_scratch(W, b, data, classifier.TrainConfig(num_epochs=epochs)))
    seconds = time.perf_counter() - start
    threads = torch.get_num_threads()
    resources.configure_threads()
    yield {"figure": "ours_scratch_default_threads_seconds", "value": round(seconds, 3),
           "unit": "s", "threads": threads,
           "vs_one_thread": round(seconds / ours_seconds["scratch"], 2)}


if __name__ == "__main__":
    for record in run(2 if "--quick" in sys.argv else EPOCHS):
        print(json.dumps({"bench": "softmax_classifier", **record}), flush=True)
