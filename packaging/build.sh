#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller: dist/agreement-tracker/agreement-tracker.
#
#   packaging/build.sh                       # with python3 from PATH (an activated venv)
#   PYTHON=.venv/bin/python packaging/build.sh
#   DIST_DIR=/tmp/dist WORK_DIR=/tmp/work packaging/build.sh
#
# The Python used must have the app installed (pip install -e ".[package]").
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"

if ! "$python" -c "import PyInstaller, tracker" 2>/dev/null; then
  echo "build.sh: $python lacks PyInstaller or the app; run: $python -m pip install -e \"$root[package]\"" >&2
  exit 1
fi

exec "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "${DIST_DIR:-$root/dist}" \
  --workpath "${WORK_DIR:-$root/build/pyinstaller}" \
  "$root/packaging/agreement-tracker.spec"
