"""The Fashion-MNIST loader on tiny generated IDX files, and d2l's synthetic data."""

import gzip
import hashlib
import os

import pytest
import torch

import core.data as data
from core.data import DataError, IdxSpec, read_verified
from tests.conftest import idx_bytes, write_idx

N = 5
IMAGES = bytes(range(256)) * 15 + bytes(N * 784 - 256 * 15)  # N 28×28 images, non-trivial
LABELS = bytes([0, 9, 3, 3, 7])


def spec(name, magic, payload):
    raw = idx_bytes(magic, N, payload)
    return IdxSpec(name, magic, N, hashlib.sha256(raw).hexdigest())


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """A directory with four tiny gzipped IDX files, and FILES pointing at their checksums."""
    files = {
        "train_images": spec("train-images-idx3-ubyte", 2051, IMAGES),
        "train_labels": spec("train-labels-idx1-ubyte", 2049, LABELS),
        "test_images": spec("t10k-images-idx3-ubyte", 2051, IMAGES),
        "test_labels": spec("t10k-labels-idx1-ubyte", 2049, LABELS),
    }
    directory = tmp_path / "fm"
    directory.mkdir()
    for s in files.values():
        write_idx(directory, s.name, s.magic, N, IMAGES if s.is_images else LABELS)
    monkeypatch.setattr(data, "FILES", files)
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "no-debian")
    monkeypatch.setenv("FASHION_MNIST_DIR", str(directory))
    monkeypatch.setenv("D2L_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FASHION_MNIST_DOWNLOAD", "0")
    return directory, files


def test_loads_gzipped_files_with_torchvision_reader(tiny):
    directory, _ = tiny
    ds = data.load_fashion_mnist("cpu")
    assert ds.train_images.shape == (N, 28, 28) and ds.train_images.dtype == torch.uint8
    assert ds.train_labels.tolist() == list(LABELS)
    assert ds.train_images.flatten()[:256].tolist() == list(range(256))
    assert ds.source == str(directory)


def test_second_load_reuses_the_unzipped_copy(tiny, tmp_path):
    data.load_fashion_mnist("cpu")
    copy = tmp_path / "cache" / "FashionMNIST" / "raw" / "train-images-idx3-ubyte"
    assert copy.is_file()
    stamp = copy.stat().st_mtime_ns
    data.load_fashion_mnist("cpu")
    assert copy.stat().st_mtime_ns == stamp


def test_accepts_plain_files_in_torchvision_layout(tiny, tmp_path, monkeypatch):
    directory, files = tiny
    raw_dir = tmp_path / "plain" / "FashionMNIST" / "raw"
    raw_dir.mkdir(parents=True)
    for s in files.values():
        (raw_dir / s.name).write_bytes(gzip.decompress((directory / f"{s.name}.gz").read_bytes()))
    monkeypatch.setenv("FASHION_MNIST_DIR", str(tmp_path / "plain"))
    ds = data.load_fashion_mnist("cpu")
    assert ds.test_labels.tolist() == list(LABELS)


def test_env_dir_comes_before_debian_dir(tiny, tmp_path, monkeypatch):
    directory, _ = tiny
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "elsewhere")
    assert data.candidate_dirs()[0] == directory
    assert data.candidate_dirs()[1] == tmp_path / "elsewhere"


def test_missing_file_is_named(tiny):
    directory, _ = tiny
    (directory / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError) as e:
        data.load_fashion_mnist("cpu")
    assert e.value.kind == "missing" and "t10k-labels-idx1-ubyte" in e.value.path


def test_nothing_anywhere_is_missing(no_data):
    with pytest.raises(DataError) as e:
        data.load_fashion_mnist("cpu")
    assert e.value.kind == "missing"


@pytest.mark.parametrize("damage, kind", [
    (lambda raw: raw[:-10], "length"),                        # truncated
    (lambda raw: raw + b"\0", "length"),                      # padded
    (lambda raw: (1234).to_bytes(4, "big") + raw[4:], "magic"),
    (lambda raw: raw[:4] + (6).to_bytes(4, "big") + raw[8:], "count"),
    (lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]), "checksum"),
    (lambda raw: b"", "magic"),
])
def test_damaged_files_are_refused(tiny, damage, kind):
    directory, files = tiny
    path = directory / "train-images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(damage(gzip.decompress(path.read_bytes()))))
    with pytest.raises(DataError) as e:
        read_verified(path, files["train_images"])
    assert e.value.kind == kind and e.value.path == str(path)


def test_truncated_gzip_is_corrupt(tiny):
    directory, files = tiny
    path = directory / "train-labels-idx1-ubyte.gz"
    path.write_bytes(path.read_bytes()[:20])
    with pytest.raises(DataError) as e:
        data.load_fashion_mnist("cpu")
    assert e.value.kind == "corrupt" and e.value.path == str(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tiny):
    directory, files = tiny
    path = directory / "train-labels-idx1-ubyte.gz"
    path.chmod(0)
    with pytest.raises(DataError) as e:
        read_verified(path, files["train_labels"])
    assert e.value.kind == "unreadable"


def test_unreadable_file_as_root(tiny, monkeypatch):
    """Root ignores file modes, so simulate the OS refusing the read."""
    directory, files = tiny
    path = directory / "train-labels-idx1-ubyte.gz"

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(data.Path, "read_bytes", refuse)
    with pytest.raises(DataError) as e:
        read_verified(path, files["train_labels"])
    assert e.value.kind == "unreadable"


def test_real_specs_are_the_published_sizes():
    assert data.FILES["train_images"].length == 47_040_016
    assert data.FILES["test_labels"].length == 10_008
    assert len(data.CLASS_NAMES) == 10


def test_synthetic_data_follows_the_model():
    g = torch.Generator().manual_seed(0)
    X, y = data.synthetic_data(torch.tensor([2.0, -3.4]), 4.2, 1000, generator=g)
    assert X.shape == (1000, 2) and y.shape == (1000, 1)
    residual = y.squeeze(1) - (X @ torch.tensor([2.0, -3.4]) + 4.2)
    assert residual.std().item() == pytest.approx(0.01, rel=0.15)


def test_synthetic_data_same_seed_same_data():
    a = data.synthetic_data([2.0, -3.4], 4.2, 50, generator=torch.Generator().manual_seed(3))
    b = data.synthetic_data([2.0, -3.4], 4.2, 50, generator=torch.Generator().manual_seed(3))
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
