#!/bin/sh
# The README's path for a laptop without make or apt (macOS, Windows, any Linux), tried in a
# clean virtual environment: create it, `pip install -r requirements.txt`, start
# `streamlit run streamlit_app.py` headless and wait until it answers, then stop it.
# Usage: sh scripts/try_laptop_install.sh [python]     (default: python3)
# Where PyTorch's CPU index cannot be reached (an offline CI machine), its line is left out
# and the pins come from the indexes pip is configured with; the script says so.
set -eu
PY=${1:-python3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/d2l-laptop.XXXXXX")
PORT=${PORT:-8765}
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVER=

start=$(date +%s)
"$PY" -m venv "$WORK/venv"
cp "$ROOT/requirements.txt" "$WORK/requirements.txt"
if ! "$WORK/venv/bin/python" -c "import urllib.request as u; u.urlopen('https://download.pytorch.org/whl/cpu/', timeout=5)" 2>/dev/null; then
    echo "PyTorch's CPU index is unreachable from here: installing the same pins without it"
    grep -v -e '^--extra-index-url' -e '^--index-url' "$ROOT/requirements.txt" > "$WORK/requirements.txt"
fi
(cd "$WORK" && "$WORK/venv/bin/python" -m pip install -q -r requirements.txt)
installed=$(date +%s)
echo "installed in $((installed - start)) s"

# what a student types, from the project folder
cd "$ROOT"
"$WORK/venv/bin/streamlit" run streamlit_app.py --server.headless=true \
    --server.address=127.0.0.1 --server.port="$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
    if "$WORK/venv/bin/python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PORT/_stcore/script-health-check', timeout=60)" 2>/dev/null; then
        echo "the app answered after $(( $(date +%s) - installed )) s; total $(( $(date +%s) - start )) s"
        exit 0
    fi
    sleep 1
done
echo "the app did not answer; its log:" && cat "$WORK/server.log"
exit 1
