"""One place that decides where tensors live, and how randomness is seeded."""

import random

import torch


def get_device() -> torch.device:
    """CUDA when present, else the CPU."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def device_name(device: torch.device | None = None) -> str:
    """A human name for the device: the GPU's model, or 'CPU'."""
    device = device or get_device()
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return "CPU"


def seed_everything(seed: int) -> None:
    """Seed torch's and Python's global generators (scripts and benchmarks)."""
    random.seed(seed)
    torch.manual_seed(seed)


def make_generator(seed: int, device: torch.device | str = "cpu") -> torch.Generator:
    """A private generator seeded with `seed`.

    The app serves many users from one process, in threads: the global torch
    seed is shared between them, so everything random in `core` draws from a
    generator of its own, and the same seed always gives the same numbers.
    """
    g = torch.Generator(device=device)
    g.manual_seed(int(seed))
    return g
