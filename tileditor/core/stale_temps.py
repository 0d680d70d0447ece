"""Leftovers of saves that never finished (the process was killed between creating its temp file
and renaming it into place): found by our own exact name pattern only, and removed only when no
live writer holds them (the writer keeps a flock on its temp until the rename) and they are a
little old. Must not import PySide6."""

from __future__ import annotations

import logging
import os
import re
import stat as stat_mod
import threading
import time
from pathlib import Path

from tileditor.core.locks import release, try_lock

log = logging.getLogger(__name__)

# `.<name>.<8 hex>.tileditor-tmp` (core.fileio.create_temp), and `.tileditor-<8>.part`, the
# picture temp files tileditor 0.x made with mkstemp.
TEMP_PATTERNS = (
    re.compile(r"^\..+\.[0-9a-f]{8}\.tileditor-tmp$"),
    re.compile(r"^\.tileditor-[a-z0-9_]{8}\.part$"),
)
# A writer takes its lock right after creating the file; younger files are left for safety.
MIN_AGE_S = 2.0
# Folders a blog never asks us to write in, and which can be huge.
SKIP_DIRS = {".git", "node_modules", "_site", ".jekyll-cache", ".sass-cache", "vendor", ".bundle"}


def is_temp_leftover_name(name: str) -> bool:
    return any(p.match(name) for p in TEMP_PATTERNS)


def remove_if_stale(path: Path, min_age: float = MIN_AGE_S,
                    now: float | None = None) -> int | None:
    """Remove one of our temp files when it is abandoned; returns the bytes freed, None if kept."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    now = time.time() if now is None else now
    if not stat_mod.S_ISREG(st.st_mode) or now - st.st_mtime < min_age:
        return None
    fd = try_lock(path)
    if fd is None:
        return None  # a live save is still writing it (or it vanished)
    try:
        os.unlink(path)
    except OSError:
        return None
    finally:
        release(fd)
    return st.st_size


def remove_stale_temps(folder: Path, min_age: float = MIN_AGE_S) -> list[Path]:
    """Abandoned temp files directly in `folder`, removed; returns their paths."""
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(folder) if is_temp_leftover_name(e.name)]
    except OSError:
        return removed
    for name in names:
        if remove_if_stale(folder / name, min_age) is not None:
            removed.append(folder / name)
    return removed


def sweep(root: Path, stop: threading.Event | None = None,
          min_age: float = MIN_AGE_S) -> list[tuple[Path, int]]:
    """Walk the repo at `root` (not .git, _site, node_modules...) and remove abandoned temp
    files; returns (path, size) of each. Stops early when `stop` is set."""
    removed: list[tuple[Path, int]] = []
    now = time.time()
    for dirpath, dirnames, files in os.walk(root):
        if stop is not None and stop.is_set():
            break
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in files:
            if is_temp_leftover_name(name):
                path = Path(dirpath) / name
                size = remove_if_stale(path, min_age, now)
                if size is not None:
                    removed.append((path, size))
    if removed:
        total = sum(s for _, s in removed)
        log.info("removed %d abandoned temp files (%d bytes) under %s", len(removed), total, root)
    return removed
