"""Loss comparison: how long the page's computations take (robust fit, Huber constant, curves)."""


import torch
from bench import best_seconds

from core import losses
from core.device import get_device


def run():
    cfg = losses.RobustConfig()
    devices = [torch.device("cpu")]
    if get_device().type != "cpu":
        devices.append(get_device())
    for device in devices:
        yield {"figure": "robust_fit_seconds", "device": str(device), "steps": cfg.steps,
               "n": cfg.n, "value": round(best_seconds(lambda d=device: losses.robust_fit(cfg, 0, d)), 4),
               "unit": "s"}
    data = [2.1, 2.9, 3.4, 3.8, 4.4, 5.0, 50.0]
    yield {"figure": "fit_constants_seconds", "value":
           round(best_seconds(lambda: losses.fit_constants(data, 1.0)), 5), "unit": "s"}
    yield {"figure": "loss_curves_seconds", "value":
           round(best_seconds(lambda: losses.loss_curves(-3.0, 3.0, 1.0)), 5), "unit": "s"}
    yield {"figure": "normaliser_numeric_seconds", "value":
           round(best_seconds(lambda: losses.normaliser_numeric("huber", 1.0)), 4), "unit": "s"}
