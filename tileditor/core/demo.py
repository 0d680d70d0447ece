"""The built-in demo blog: where its shipped copy lives and installing it into the user's data
folder once, without ever overwriting a copy the user has edited. Must not import PySide6."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from tileditor.core.resources import resource_path

DEMO_DIR_NAME = "demo-blog"
MANIFEST = ".tileditor-demo.json"  # hashes of the files as installed, to tell edits apart


def demo_blog_source() -> Path:
    """The shipped demo blog: resources/demo_blog in a checkout, tileditor/_resources/demo_blog
    in an installed wheel."""
    return resource_path("demo_blog")


def _digests(root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and rel != MANIFEST and not rel.startswith(".git/"):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _read_manifest(dest: Path) -> dict[str, str] | None:
    try:
        data = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else None


def _copy_fresh(source: Path, dest: Path) -> None:
    # Copy next to the destination, then rename: a half-copied demo never appears.
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".demo-", dir=dest.parent))
    try:
        staged = tmp / DEMO_DIR_NAME
        shutil.copytree(source, staged, ignore=shutil.ignore_patterns("__pycache__"))
        manifest = {"files": _digests(staged)}
        (staged / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if dest.exists():
            shutil.rmtree(dest)
        staged.rename(dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def install_demo_blog(data_dir: Path, source: Path | None = None) -> Path:
    """Copy the demo blog to `data_dir/demo-blog` and return that path.

    A copy already there is kept as it is when the user changed, added or removed anything
    in it (or when its origin is unknown); an untouched copy of an older demo is refreshed.
    """
    source = Path(source) if source is not None else demo_blog_source()
    dest = Path(data_dir) / DEMO_DIR_NAME
    if not source.is_dir():
        raise FileNotFoundError(f"The demo blog is missing from this installation ({source}).")
    if not dest.exists():
        _copy_fresh(source, dest)
        return dest
    installed = _read_manifest(dest)
    if installed is None or _digests(dest) != installed:
        return dest  # the user's copy (or something we did not create): never touch it
    if installed != _digests(source):
        _copy_fresh(source, dest)
    return dest
