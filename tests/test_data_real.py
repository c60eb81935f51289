"""The real Fashion-MNIST: must run, not skip, in CI (D2L_REQUIRE_DATA=1)."""

import hashlib

import pytest
import torch

import core.data as data

pytestmark = pytest.mark.realdata


def test_shapes_and_dtypes(fmnist):
    assert fmnist.train_images.shape == (60_000, 28, 28)
    assert fmnist.test_images.shape == (10_000, 28, 28)
    assert fmnist.train_images.dtype == torch.uint8
    assert fmnist.train_labels.dtype == torch.int64


def test_label_counts(fmnist):
    assert torch.bincount(fmnist.train_labels, minlength=10).tolist() == [6000] * 10
    assert torch.bincount(fmnist.test_labels, minlength=10).tolist() == [1000] * 10


def test_known_checksum_of_decoded_pixels(fmnist):
    # SHA-256 of the decoded test images equals that of the raw file's payload.
    digest = hashlib.sha256(fmnist.test_images.numpy().tobytes()).hexdigest()
    raw = data.read_verified(data.locate()["test_images"], data.FILES["test_images"])
    assert digest == hashlib.sha256(raw[16:]).hexdigest()
    assert fmnist.train_labels[:10].tolist() == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]
