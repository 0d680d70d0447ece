#!/usr/bin/env bash
# Builds the frozen bundle with PyInstaller in a throwaway virtual environment (PyInstaller is
# not a project dependency), then starts it offscreen on the demo blog and prints its size.
# Usage: packaging/build_frozen.sh [OUT_DIR]   (default: dist/frozen); about a minute here.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist/frozen}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

uv venv -q --python 3.11 "$work/venv"
uv pip install -q --python "$work/venv/bin/python" pyinstaller .
"$work/venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$out" \
  --workpath "$work/build" packaging/tileditor.spec

# Smoke test: the bundle renders the demo blog offscreen, from its own data folder.
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu
export TILEDITOR_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/cfg" XDG_STATE_HOME="$work/state"
"$out/tileditor/tileditor" --version
"$out/tileditor/tileditor" --quit-after-render 2>/dev/null | grep '^rendered '
echo "bundle size: $(du -sm "$out/tileditor" | cut -f1) MiB"
