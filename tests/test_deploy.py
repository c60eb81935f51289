"""The deployment: what a host installs imports and runs; the laptop path stays a script."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import app_test

ROOT = Path(__file__).resolve().parent.parent


def pins(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(re.match(r"([\w.-]+)(?:\[[\w,]+\])?==([\w.+-]+)$", line).groups()
                for line in lines
                if line and not line.startswith(("#", "-")))


def test_hosts_get_torch_and_torchvision_from_one_cpu_index():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lines = text.splitlines()  # as links, not an index: tests/test_requirements_uv.py says why
    assert "--find-links https://download.pytorch.org/whl/cpu/torch/" in lines
    assert "--find-links https://download.pytorch.org/whl/cpu/torchvision/" in lines
    found = pins(ROOT / "requirements.txt")
    assert {"torch", "torchvision"} <= found.keys()  # together: never one without the other


def test_torch_and_torchvision_import_and_match_the_pins():
    """The smoke test of an install: both import in a fresh interpreter, at the pinned versions."""
    code = ("import torch, torchvision; from torchvision.datasets.mnist import read_image_file; "
            "print(torch.__version__, torchvision.__version__, torch.get_num_threads())")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, timeout=120).stdout.split()
    found = pins(ROOT / "requirements.txt")
    assert out[0].split("+")[0] == found["torch"]  # a +cpu build is the same release
    assert out[1].split("+")[0] == found["torchvision"]


def test_the_home_pages_about_footer_reads_the_device_line():
    import torch

    from core.device import device_name

    at = app_test("home").run()
    assert not at.exception
    text = " ".join(m.value for m in at.main.markdown)
    assert device_name() in text and torch.__version__ in text


def test_the_server_runs_one_torch_thread_set_once():
    import threading

    import torch

    from core import resources

    app_test("home").run()
    seen = []

    def script_thread():  # Streamlit runs every script run in a fresh thread like this one
        torch.ones(4096, 64).sum()  # a parallel op: the thread takes the process's setting
        seen.append(torch.get_num_threads())

    worker = threading.Thread(target=script_thread)
    worker.start()
    worker.join()
    assert seen == [resources.THREADS]


def test_the_makefile_takes_whichever_python_3_11_to_3_13_exists(tmp_path):
    """A machine with only python3.12 (no 3.11) gets 3.12 instead of a failure."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    (tmp_path / "python3.12").symlink_to(sys.executable)
    for tool in ("sh", "echo"):
        if shutil.which(tool):
            (tmp_path / tool).symlink_to(shutil.which(tool))
    out = subprocess.run([make, "-s", "python"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PATH": str(tmp_path)}, timeout=60)
    assert out.stdout.strip() == str(tmp_path / "python3.12"), out.stderr
    (tmp_path / "python3.12").unlink()
    out = subprocess.run([make, "-s", "python"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PATH": str(tmp_path)}, timeout=60)
    assert out.returncode != 0 and "python3.11" in out.stderr
