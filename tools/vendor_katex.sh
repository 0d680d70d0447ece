#!/usr/bin/env bash
# Rebuild resources/katex/ from the npm registry: the offline math assets the preview page loads.
# Keeps only what a browser needs (min JS/CSS, auto-render, woff2 fonts) and trims the CSS so
# that it references only the woff2 files shipped. Usage: tools/vendor_katex.sh [VERSION]
set -euo pipefail

VERSION="${1:-0.16.47}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/resources/katex"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "katex@$VERSION" >/dev/null)
tar -xzf "$WORK"/katex-"$VERSION".tgz -C "$WORK"
SRC="$WORK/package/dist"

rm -rf "$DEST"
mkdir -p "$DEST/fonts" "$DEST/contrib"
cp "$SRC/katex.min.js" "$DEST/"
cp "$SRC/contrib/auto-render.min.js" "$DEST/contrib/"
cp "$SRC"/fonts/*.woff2 "$DEST/fonts/"
cp "$WORK/package/LICENSE" "$DEST/LICENSE"

# Every browser QtWebEngine ships reads woff2, so drop the woff/ttf fallbacks from each src list.
python3 - "$SRC/katex.min.css" "$DEST/katex.min.css" <<'PY'
import re
import sys

css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r',\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)', "", css)
open(sys.argv[2], "w", encoding="utf-8").write(css)
PY

printf 'katex %s\nsource: npm registry (npm pack katex@%s)\n' "$VERSION" "$VERSION" > "$DEST/VERSION"
du -sh "$DEST"
