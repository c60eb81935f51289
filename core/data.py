"""The chapter's data: d2l's synthetic regression set and the real Fashion-MNIST.

Fashion-MNIST is looked for, in this order:
  1. the directory named by the environment variable FASHION_MNIST_DIR;
  2. /usr/share/datasets/fashion-mnist/ (Debian's package `dataset-fashion-mnist`);
  3. a download through torchvision into the cache directory (for users who are online;
     FASHION_MNIST_DOWNLOAD=0 turns it off).
Each of the four IDX files may be gzipped or not, directly in the directory or under
FashionMNIST/raw/. Every file is verified (magic number, counts, exact length, SHA-256 of
the decompressed bytes) before it is decoded with torchvision's own IDX reader.
"""

import dataclasses
import gzip
import hashlib
import os
import tempfile
import time
import zlib
from pathlib import Path

import torch

ENV_DIR = "FASHION_MNIST_DIR"
ENV_DOWNLOAD = "FASHION_MNIST_DOWNLOAD"
ENV_CACHE = "D2L_CACHE_DIR"
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")

CLASS_NAMES = ["t-shirt", "trouser", "pullover", "dress", "coat",
               "sandal", "shirt", "sneaker", "bag", "ankle boot"]


@dataclasses.dataclass(frozen=True)
class IdxSpec:
    """What one IDX file must be: name, magic number, item count, SHA-256 of its raw bytes."""
    name: str
    magic: int
    count: int
    sha256: str

    @property
    def is_images(self) -> bool:
        return self.magic == 2051

    @property
    def length(self) -> int:
        """Exact decompressed length: header + payload."""
        return 16 + self.count * 28 * 28 if self.is_images else 8 + self.count


FILES = {
    "train_images": IdxSpec("train-images-idx3-ubyte", 2051, 60_000,
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    "train_labels": IdxSpec("train-labels-idx1-ubyte", 2049, 60_000,
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    "test_images": IdxSpec("t10k-images-idx3-ubyte", 2051, 10_000,
                           "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    "test_labels": IdxSpec("t10k-labels-idx1-ubyte", 2049, 10_000,
                           "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
}


class DataError(Exception):
    """The data set cannot be used. `kind` says why; `path` names the file or directory."""

    def __init__(self, kind: str, path: str, detail: str = ""):
        self.kind, self.path, self.detail = kind, str(path), detail
        super().__init__(f"{kind}: {path} {detail}".strip())


@dataclasses.dataclass
class FashionMNIST:
    """The decoded data set: uint8 images (N, 28, 28) and int64 labels (N,), on `device`."""
    train_images: torch.Tensor
    train_labels: torch.Tensor
    test_images: torch.Tensor
    test_labels: torch.Tensor
    source: str          # the directory the files came from
    decode_seconds: float
    reason: str = "env"  # why that directory: see Located
    passed_over: str = ""       # FASHION_MNIST_DIR when it was set but not used
    passed_over_file: str = ""  # the file missing there


def cache_dir() -> Path:
    """Where downloads and un-gzipped copies go."""
    return Path(os.environ.get(ENV_CACHE) or Path.home() / ".cache" / "d2l-linear-nets")


def candidate_dirs() -> list[Path]:
    """The directories searched, in order."""
    dirs = []
    if os.environ.get(ENV_DIR):
        dirs.append(Path(os.environ[ENV_DIR]))
    dirs += [DEBIAN_DIR, cache_dir()]
    return dirs


@dataclasses.dataclass(frozen=True)
class Located:
    """The four files found, the directory they came from and why that one.

    reason: 'env' (FASHION_MNIST_DIR), 'debian' (Debian's package) or 'cache' (a download).
    passed_over: the FASHION_MNIST_DIR that was set but not used, else "";
    passed_over_file: the first file missing there.
    """
    paths: dict[str, Path]
    directory: str
    reason: str
    passed_over: str = ""
    passed_over_file: str = ""


def _find(directory: Path, name: str) -> Path | None:
    """The file `name` (or `name`.gz) in `directory` or its FashionMNIST/raw/; None if absent.

    Raises DataError("unreadable_dir") when the directory cannot be searched (no permission to
    enter it: Path.is_file() raises PermissionError then instead of answering False).
    """
    for sub in (directory, directory / "FashionMNIST" / "raw"):
        for candidate in (sub / name, sub / f"{name}.gz"):
            try:
                if candidate.is_file():
                    return candidate
            except OSError as e:
                raise DataError("unreadable_dir", sub, f"{type(e).__name__}: {e.strerror or e}") from e
    return None


def locate_with_reason() -> Located:
    """The four files from the first directory that holds all four, and why that directory.

    Raises DataError("missing", ...) naming the first absent file, or DataError("unreadable_dir")
    naming a directory the server may not enter.
    """
    first_missing = None
    env = os.environ.get(ENV_DIR)
    reasons = (["env"] if env else []) + ["debian", "cache"]
    for directory, reason in zip(candidate_dirs(), reasons, strict=True):
        found = {key: _find(directory, spec.name) for key, spec in FILES.items()}
        if all(found.values()):
            skipped = "" if reason == "env" or not env else str(Path(env))
            missing_there = next((FILES[k].name for k in FILES if skipped and
                                  _find(Path(env), FILES[k].name) is None), "")
            return Located(found, str(found["train_images"].parent), reason, skipped,
                           missing_there)
        if first_missing is None and any(found.values()):
            key = next(k for k, p in found.items() if p is None)
            first_missing = directory / FILES[key].name
    if first_missing is None:
        first_missing = candidate_dirs()[0]
    raise DataError("missing", first_missing)


def locate() -> dict[str, Path]:
    """Paths of the four files from the first directory that holds all four."""
    return locate_with_reason().paths


def read_verified(path: Path, spec: IdxSpec, check_sha: bool = True) -> bytes:
    """The decompressed bytes of `path`, after checking length, magic, counts and checksum."""
    try:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
    except PermissionError as e:
        raise DataError("unreadable", path, str(e)) from e
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise DataError("corrupt", path, str(e)) from e
    except OSError as e:
        raise DataError("unreadable", path, str(e)) from e
    if len(raw) < 8 or int.from_bytes(raw[:4], "big") != spec.magic:
        raise DataError("magic", path, f"expected {spec.magic}")
    if int.from_bytes(raw[4:8], "big") != spec.count:
        raise DataError("count", path, f"expected {spec.count}")
    if len(raw) != spec.length:
        raise DataError("length", path, f"expected {spec.length} bytes, found {len(raw)}")
    if check_sha and hashlib.sha256(raw).hexdigest() != spec.sha256:
        raise DataError("checksum", path)
    return raw


def _plain_copy_path(spec: IdxSpec) -> Path:
    """Where an un-gzipped copy of `spec` is kept for torchvision's reader."""
    target = cache_dir() / "FashionMNIST" / "raw" / spec.name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: fall back to the temp directory
        target = Path(tempfile.gettempdir()) / "d2l-linear-nets" / spec.name
        target.parent.mkdir(parents=True, exist_ok=True)
    return target


def verified_plain_file(path: Path, spec: IdxSpec) -> Path:
    """A verified, un-gzipped file with the contents of `path`.

    A .gz file is decompressed once into the cache; later starts verify that copy
    instead of decompressing again.
    """
    if path.suffix != ".gz":
        read_verified(path, spec)
        return path
    copy = _plain_copy_path(spec)
    if copy.is_file():
        try:
            read_verified(copy, spec)
            return copy
        except DataError:
            pass  # stale or damaged copy: rebuild it from the source
    raw = read_verified(path, spec)
    tmp = copy.with_suffix(f".{os.getpid()}.{id(raw)}.tmp")
    tmp.write_bytes(raw)
    tmp.replace(copy)  # atomic: a concurrent reader never sees half a file
    return copy


def download(root: Path | None = None) -> Path:
    """Fetch the data set with torchvision (needs the internet)."""
    from torchvision.datasets import FashionMNIST as TVFashionMNIST

    root = root or cache_dir()
    try:
        for train in (True, False):
            TVFashionMNIST(str(root), train=train, download=True)
    except Exception as e:  # torchvision raises URLError, RuntimeError, OSError...
        raise DataError("download", root, str(e)) from e
    return root


def load_fashion_mnist(device: torch.device | str = "cpu",
                       allow_download: bool | None = None) -> FashionMNIST:
    """Find, verify and decode Fashion-MNIST; images stay uint8, on `device`."""
    if allow_download is None:
        allow_download = os.environ.get(ENV_DOWNLOAD, "1") != "0"
    start = time.perf_counter()
    try:
        located = locate_with_reason()
    except DataError as e:
        if not allow_download or e.kind != "missing":
            raise
        download()
        located = locate_with_reason()
    paths = located.paths
    # torchvision only here: a training worker process (core.workers) receives decoded
    # tensors and never decodes, so it does not import torchvision (164 MiB here)
    from torchvision.datasets.mnist import read_image_file, read_label_file

    tensors = {}
    for key, spec in FILES.items():
        plain = str(verified_plain_file(paths[key], spec))
        tensor = read_image_file(plain) if spec.is_images else read_label_file(plain)
        tensors[key] = tensor.to(device)
    return FashionMNIST(**tensors, source=located.directory,
                        decode_seconds=time.perf_counter() - start, reason=located.reason,
                        passed_over=located.passed_over,
                        passed_over_file=located.passed_over_file)


def synthetic_data(w: torch.Tensor, b: float, num_examples: int, noise: float = 0.01,
                   generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """d2l's y = Xw + b + ε, X ~ N(0, 1), ε ~ N(0, noise²). Returns X (n, d), y (n, 1)."""
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.randn(num_examples, len(w), generator=generator)
    y = X @ w + b
    y += noise * torch.randn(y.shape, generator=generator)
    return X, y.reshape(-1, 1)
