#!/bin/sh
# A venv with the CPU build of torch, the build Community Cloud installs, to measure the app's
# memory as it is hosted (README, Sizing a class): `sh scripts/cpu_build_venv.sh [DIR]`, then
# `HALL_WS_SCENARIOS=defaults DIR/bin/python scripts/bench_hall_ws.py` (DIR: /tmp/d2l-cpu by
# default; the server and its workers run on the venv's Python).
# The newest `+cpu` torch that this machine's registries serve is 2.13.0 (requirements.txt pins
# 2.14.1, of which only the CUDA build is served here), and no `+cpu` torchvision at all:
# PyPI's torchvision 0.28.0 (built for CUDA torch 2.13.0) is installed, whose compiled
# operators (nms, roi_align...) fail to load beside a CPU torch, and the two modules that
# register them are left out of its `import`. The app reads Fashion-MNIST with torchvision's
# pure-Python IDX reader and never calls those operators; their library's few MiB are not
# counted.
set -eu
DIR=${1:-/tmp/d2l-cpu}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=$(make -s -C "$ROOT" python)
"$PY" -m venv "$DIR"
# torch alone from PyTorch's index; its dependencies, and the rest, from the indexes pip has
"$DIR/bin/pip" install -q --no-deps "torch==2.13.0+cpu" --index-url https://download.pytorch.org/whl/cpu
grep -v -e '^--' -e '^torch' -e '^torchvision' "$ROOT/requirements.txt" > "$DIR/requirements-cpu.txt"
"$DIR/bin/pip" install -q -r "$DIR/requirements-cpu.txt" filelock typing-extensions sympy "setuptools>=77.0.3" \
    networkx jinja2 fsspec \
    $(grep -e "^pytest==" -e "^psutil==" "$ROOT/requirements-dev.txt")  # the bench: tests/conftest.py
"$DIR/bin/pip" install -q --no-deps torchvision==0.28.0
init=$("$DIR/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/torchvision/__init__.py
sed -i -e '/^    _autograd_registrations,$/d' -e '/^    _meta_registrations,$/d' "$init"
"$DIR/bin/pip" check
"$DIR/bin/python" -W ignore -c "import torch, torchvision
from torchvision.datasets.mnist import read_image_file
print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'CUDA', torch.version.cuda)"
