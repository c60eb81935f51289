"""Upload memory: the peak extra RSS of core.images.prepare over a hostile set of images.

Each image is prepared in a fresh subprocess (after importing the app's modules and one
warm-up upload), whose peak RSS is reset (Linux /proc/self/clear_refs) just before the call,
so the figure is the memory this one upload adds, not the interpreter's. The set: the
attacks of issue 14 (a 1 × 39,999,999 one-colour PNG, a 6320² RGBA PNG, a 6320² lossless
WebP) and the largest pictures still accepted in each costly form.
`D2L_BENCH_ROOT=/path/to/other/checkout` measures another version of core/images.py.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(os.environ.get("D2L_BENCH_ROOT") or Path(__file__).resolve().parent.parent)
CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "d2l-bench-uploads"
TARGET_MIB = 100

CHILD = r"""
import io, json, sys
from PIL import Image
from core import images

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    return 0

small = io.BytesIO(); Image.new("RGB", (64, 48), "white").save(small, "PNG")
images.prepare(small.getvalue())                      # warm-up: imports, first-call caches
data = open(sys.argv[1], "rb").read()
before = status("VmRSS:")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")                                      # reset the peak (VmHWM) to the RSS now
try:
    images.prepare(data)
    outcome = "accepted"
except images.ImageError as e:
    outcome = "refused: " + e.kind
print(json.dumps({"extra": status("VmHWM:") - before, "outcome": outcome}))
"""


def _png(image: Image.Image, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False, **kwargs)
    return buffer.getvalue()


def _encode(image: Image.Image, fmt: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def hostile_set() -> dict[str, Path]:
    """The images, written once to a cache directory (making them takes a few seconds)."""
    makers = {
        "png_1x39999999_one_colour": lambda: _png(Image.new("L", (1, 39_999_999), 200)),
        "png_6320x6320_rgba": lambda: _png(Image.new("RGBA", (6320, 6320), (250, 250, 250, 0))),
        "webp_6320x6320_lossless": lambda: _encode(Image.new("RGB", (6320, 6320), "white"),
                                                   "WEBP", lossless=True),
        "png_2828x2828_rgba_largest_accepted": lambda: _png(
            Image.new("RGBA", (2828, 2828), (250, 250, 250, 0))),
        "webp_2000x2000_lossless_largest_accepted": lambda: _encode(
            Image.new("RGBA", (2000, 2000), (255, 255, 255, 0)), "WEBP", lossless=True),
        "png_2828x2828_palette_transparent": lambda: _png(
            Image.new("P", (2828, 2828), 0), transparency=0),
        "png_10000x500_rgba_longest_side": lambda: _png(
            Image.new("RGBA", (10_000, 500), (0, 0, 0, 255))),
        "jpeg_8000x5000_cmyk": lambda: _encode(Image.new("CMYK", (8000, 5000), 0), "JPEG"),
        "gif_2828x2828_transparent": lambda: _encode(Image.new("P", (2828, 2828), 0), "GIF",
                                                     transparency=0),
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in makers.items():
        path = CACHE / name
        if not path.is_file():
            try:
                path.write_bytes(make())
            except (OSError, ValueError, KeyError):  # a Pillow without that encoder option
                continue
        paths[name] = path
    return paths


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, check=True,
                         capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run():
    worst = (0, "")
    for name, path in hostile_set().items():
        result = measure(path)
        mib = result["extra"] / 2**20
        worst = max(worst, (mib, name))
        yield {"figure": f"upload_peak_extra_rss_{name}", "value": round(mib, 1), "unit": "MiB",
               "bytes": path.stat().st_size, "outcome": result["outcome"]}
    yield {"figure": "upload_peak_extra_rss_worst_case", "value": round(worst[0], 1),
           "unit": "MiB", "image": worst[1], "target": f"< {TARGET_MIB} MiB"}


if __name__ == "__main__":
    for record in run():
        print(json.dumps(record), flush=True)
