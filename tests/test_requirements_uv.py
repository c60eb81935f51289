"""requirements.txt resolves to PyTorch's CPU build under pip AND under uv's default index
strategy — the way Streamlit Community Cloud installs it (uv first, pip when uv fails).

No internet: two loopback stand-ins are served by `python -m http.server` on 127.0.0.1.
"PyPI" holds torch 2.14.1 (the CUDA build's version), torchvision and the pillow we pin;
"download.pytorch.org" holds torch 2.14.1+cpu, torchvision 0.29.1+cpu and an OLDER pillow, as
PyTorch's CPU index does (it also hosts pillow, numpy, jinja2 …). The wheels are tiny stand-ins
with the real names and versions (a dry run reads only their metadata). The test reads the
index lines and the torch, torchvision and pillow pins from the real requirements.txt, points
its download.pytorch.org URLs at the loopback, and asks each installer what it would install.

With `--extra-index-url https://download.pytorch.org/whl/cpu` (what requirements.txt said
before) uv's default strategy (first-index) takes pillow only from the CPU index, where 13.0.0
is missing, and fails; pip resolves. With the CPU index's per-package pages as --find-links,
both resolve, to the CPU torch.
"""

import contextlib
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
HOST = "https://download.pytorch.org/"
OLD_PILLOW = "11.3.0"
OLD_STYLE = "--extra-index-url https://download.pytorch.org/whl/cpu\n"  # before issue 28


def pins() -> dict[str, str]:
    """torch, torchvision and pillow as requirements.txt pins them."""
    found = dict(re.findall(r"^(torch|torchvision|pillow)==(\S+)", (ROOT / "requirements.txt")
                            .read_text(), re.M))
    assert set(found) == {"torch", "torchvision", "pillow"}, found
    return found


def index_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("-")]


def wheel(directory: Path, name: str, version: str, requires: tuple[str, ...] = ()) -> str:
    """A metadata-only wheel `name-version-py3-none-any.whl` in `directory`; its file name."""
    file = f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    meta = "Metadata-Version: 2.1\nName: {}\nVersion: {}\n{}".format(
        name, version, "".join(f"Requires-Dist: {r}\n" for r in requires))
    with zipfile.ZipFile(directory / file, "w") as z:
        z.writestr(f"{info}/METADATA", meta)
        z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                                    "Tag: py3-none-any\n")
        z.writestr(f"{info}/RECORD", "")
    return file


def simple_index(root: Path, prefix: str, packages: dict[str, list[tuple]]) -> None:
    """A PEP 503 index at root/prefix: one page per package, its files beside the pages, linked
    by absolute path as download.pytorch.org links them (/whl/cpu/torch-…whl)."""
    base = root / prefix
    for name, releases in packages.items():
        (base / name).mkdir(parents=True, exist_ok=True)
        files = [wheel(base, name, *release) for release in releases]
        links = "".join(f'<a href="/{prefix}/{f.replace("+", "%2B")}">{f}</a><br>\n'
                        for f in files)
        (base / name / "index.html").write_text(f"<html><body>\n{links}</body></html>\n")
    (base / "index.html").write_text("".join(f'<a href="{n}/">{n}</a>\n' for n in packages))


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory):
    """(base URL, root): "PyPI" at {base}/pypi/simple, the CPU index at {base}/whl/cpu."""
    v = pins()
    root = tmp_path_factory.mktemp("indexes")
    simple_index(root, "pypi/simple", {
        "torch": [(v["torch"],)], "torchvision": [(v["torchvision"], (f"torch=={v['torch']}",))],
        "pillow": [(OLD_PILLOW,), (v["pillow"],)]})
    simple_index(root, "whl/cpu", {
        "torch": [(f"{v['torch']}+cpu",)],
        "torchvision": [(f"{v['torchvision']}+cpu", (f"torch=={v['torch']}",))],
        "pillow": [(OLD_PILLOW,)]})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", root
    finally:
        server.terminate()
        server.wait(10)


def requirements(tmp_path: Path, base: str, lines: list[str]) -> Path:
    """The index lines with download.pytorch.org on the loopback, and the three pins."""
    v = pins()
    text = "".join(line.replace(HOST, f"{base}/") + "\n" for line in lines)
    text += "".join(f"{name}=={version}\n" for name, version in v.items())
    path = tmp_path / "requirements.txt"
    path.write_text(text)
    return path


def uv_resolve(req: Path, base: str, tmp_path: Path) -> tuple[int, dict[str, str], str]:
    """`uv pip install --dry-run -r req` with "PyPI" as its default index, in uv's default
    index strategy, run from the repository (where a uv.toml would be read): versions."""
    out = subprocess.run(
        [UV, "pip", "install", "--dry-run", "--python", sys.executable, "-r", str(req),
         "--index-url", f"{base}/pypi/simple", "--reinstall", "--no-cache",
         "--cache-dir", str(tmp_path / "uv-cache")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "UV_NO_PROGRESS": "1"})
    found = dict(re.findall(r"^ \+ ([\w-]+)==(\S+)", out.stderr + out.stdout, re.M))
    return out.returncode, found, out.stderr


def pip_resolve(req: Path, base: str, tmp_path: Path) -> tuple[int, dict[str, str], str]:
    """`pip install --dry-run -r req` against "PyPI" only (no pip.conf): what it would install."""
    report = tmp_path / "report.json"
    out = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--report", str(report), "-r", str(req), "--index-url", f"{base}/pypi/simple",
         "--no-cache-dir", "--disable-pip-version-check"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PIP_CONFIG_FILE": "/dev/null"})
    found = {}
    if out.returncode == 0:
        found = {i["metadata"]["name"]: i["metadata"]["version"]
                 for i in json.loads(report.read_text())["install"]}
    return out.returncode, found, out.stderr


needs_uv = pytest.mark.skipif(UV is None, reason="uv is not installed (requirements-dev.txt)")


@needs_uv
def test_uv_default_strategy_resolves_our_requirements_to_the_cpu_torch(stand_in, tmp_path):
    base, _ = stand_in
    lines = index_lines((ROOT / "requirements.txt").read_text())
    code, found, err = uv_resolve(requirements(tmp_path, base, lines), base, tmp_path)
    v = pins()
    assert code == 0, err
    assert found["torch"] == f"{v['torch']}+cpu" and found["torchvision"].endswith("+cpu"), found
    assert found["pillow"] == v["pillow"], found


def test_pip_resolves_our_requirements_to_the_cpu_torch(stand_in, tmp_path):
    base, _ = stand_in
    lines = index_lines((ROOT / "requirements.txt").read_text())
    code, found, err = pip_resolve(requirements(tmp_path, base, lines), base, tmp_path)
    v = pins()
    assert code == 0, err
    assert found["torch"] == f"{v['torch']}+cpu" and found["torchvision"].endswith("+cpu"), found
    assert found["pillow"] == v["pillow"], found


@needs_uv
def test_the_stand_in_shows_why_an_extra_index_fails_under_uv(stand_in, tmp_path):
    """The old line: pip resolves, uv (first-index) refuses our pillow pin. Were the stand-in
    wrong (no older pillow on the CPU index), this would fail, and the two above prove less."""
    base, _ = stand_in
    req = requirements(tmp_path, base, [OLD_STYLE.strip()])
    code, _, err = uv_resolve(req, base, tmp_path)
    assert code != 0 and "pillow" in err, err
    code, found, err = pip_resolve(req, base, tmp_path)
    assert code == 0 and found["torch"].endswith("+cpu"), err


def test_make_leaves_the_index_lines_out_here():
    """The Makefile installs the pins without the CPU index's lines (unreachable here)."""
    make = (ROOT / "Makefile").read_text()
    for line in index_lines((ROOT / "requirements.txt").read_text()):
        option = line.split()[0].split("=")[0]
        assert f"'^{option}'" in make, option
