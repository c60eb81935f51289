"""Print the resident memory that `import torch` costs with the torch this Python has.

Run it with the project's venv (the pinned CUDA build) and with a venv holding a CPU-only
build to compare: `python scripts/torch_rss.py`.
"""

import json

import psutil

process = psutil.Process()
before = process.memory_info().rss
import torch  # noqa: E402

after = process.memory_info().rss
print(json.dumps({"figure": "import_torch_rss_mb", "torch": torch.__version__,
                  "value": round(after / 2**20), "added": round((after - before) / 2**20),
                  "unit": "MiB"}))
