"""The data set missing, truncated, corrupted or unreadable: the pages that need it explain
what is wrong and how to fix it; every other page keeps working."""

import gzip
import shutil

import pytest

import core.data as data
import ui.data
from tests.conftest import PAGES, app_test, skip_or_fail

DATA_PAGES = {"softmax_classifier"}


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A copy of the real data set in FASHION_MNIST_DIR that a test may damage."""
    try:
        source = data.locate()
    except data.DataError:
        skip_or_fail("Fashion-MNIST is needed to damage a copy of it")
    directory = tmp_path / "fm"
    directory.mkdir()
    for path in source.values():
        shutil.copy(path, directory / path.name)
    monkeypatch.setenv(data.ENV_DIR, str(directory))
    monkeypatch.setenv(data.ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.setenv(data.ENV_DOWNLOAD, "0")
    monkeypatch.setattr(ui.data, "DOWNLOAD", False)
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "no-debian")
    ui.data._load.clear()
    yield directory
    ui.data._load.clear()


def labels_file(directory):
    return next(directory.glob("train-labels-idx1-ubyte*"))


def truncate(directory):
    path = labels_file(directory)
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    path.write_bytes(gzip.compress(raw[:-100]) if path.suffix == ".gz" else raw[:-100])


def corrupt(directory):
    path = labels_file(directory)
    path.write_bytes(b"\x1f\x8b" + b"not really gzip" * 10)


def flip(directory):
    path = labels_file(directory)
    raw = bytearray(gzip.decompress(path.read_bytes()) if path.suffix == ".gz"
                    else path.read_bytes())
    raw[1000] ^= 1  # one label changed: only the checksum can tell
    path.write_bytes(gzip.compress(bytes(raw)) if path.suffix == ".gz" else bytes(raw))


def remove(directory):
    labels_file(directory).unlink()


def unreadable(directory, monkeypatch):
    target = labels_file(directory)
    original = data.Path.read_bytes

    def refuse(self):
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(data.Path, "read_bytes", refuse)


FAULTS = {"missing": remove, "truncated": truncate, "corrupt": corrupt, "checksum": flip,
          "unreadable": unreadable}
EXPECT = {"missing": "dataset-fashion-mnist", "truncated": "train-labels-idx1-ubyte",
          "corrupt": "train-labels-idx1-ubyte", "checksum": "train-labels-idx1-ubyte",
          "unreadable": "train-labels-idx1-ubyte"}


@pytest.mark.realdata
@pytest.mark.parametrize("fault", list(FAULTS))
def test_pages_survive_a_broken_data_set(broken, monkeypatch, fault):
    if fault == "unreadable":
        unreadable(broken, monkeypatch)
    else:
        FAULTS[fault](broken)
    for page in PAGES:
        at = app_test(page).run()
        assert not at.exception, f"{page}: {at.exception}"
        if page in DATA_PAGES or page == "home":
            messages = " ".join(e.value for e in [*at.error, *at.warning])
            assert EXPECT[fault] in messages, f"{page} does not explain the {fault} file"


@pytest.mark.realdata
def test_data_removed_between_reruns_keeps_the_decoded_copy(broken):
    at = app_test("home").run()
    assert "60,000" in " ".join(m.value for m in at.markdown)
    remove(broken)
    at.run()
    assert not at.exception  # decoded once per process: the pages keep working
