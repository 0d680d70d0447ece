"""What a stat says of every file under a repo's `_posts` and `_drafts` (and `_config.yml`),
and which paths differ between two such snapshots: the watcher's way to find changes it was
never told about (inotify's queue overflowed, or the observer died). Must not import PySide6."""

from __future__ import annotations

import os
import stat
import threading

from tileditor.core.pacing import Pacer

TOPS = ("_posts", "_drafts")
FILES = ("_config.yml",)

Signature = tuple[int, int, int]  # inode, size, mtime_ns


def _walk(folder: str, out: dict, stop: threading.Event | None, since: int | None,
          recent: set, until: int | None = None, pace: Pacer | None = None) -> None:
    if stop is not None and stop.is_set():
        return
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return  # gone or unreadable: its files count as gone
    pace = pace or Pacer()
    for entry in entries:
        pace()
        try:
            st = entry.stat(follow_symlinks=False)
            if entry.is_dir(follow_symlinks=False):
                if _within(st, since, until):
                    recent.add(entry.path)  # a file in it was added, removed or renamed
                _walk(entry.path, out, stop, since, recent, until, pace)
                continue
        except OSError:
            continue
        out[entry.path] = (st.st_ino, st.st_size, st.st_mtime_ns)
        if _within(st, since, until):
            recent.add(entry.path)


def _within(st: os.stat_result, since: int | None, until: int | None) -> bool:
    return since is not None and st.st_ctime_ns >= since and (
        until is None or st.st_ctime_ns < until)


def snapshot(root, stop: threading.Event | None = None, since: int | None = None,
             recent: set | None = None, until: int | None = None) -> dict[str, Signature]:
    """{path: signature} for the files the watcher cares most about (real paths under the
    real root, as watchdog names them). With `since` (a time.time_ns()), the files and
    folders whose status changed since then (and before `until`) are added to `recent`."""
    base = os.path.realpath(root)
    out: dict[str, Signature] = {}
    recent = set() if recent is None else recent
    for top in TOPS:
        folder = os.path.join(base, top)
        try:
            if _within(os.stat(folder), since, until):
                recent.add(folder)
        except OSError:
            continue
        _walk(folder, out, stop, since, recent, until)
    for name in FILES:
        path = os.path.join(base, name)
        try:
            st = os.stat(path, follow_symlinks=False)
        except OSError:
            continue
        out[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
        if _within(st, since, until):
            recent.add(path)
    return out


def signature(path: str) -> Signature | None:
    """The signature snapshot() would record for `path` (None: gone, or not a file)."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def covers(root: str, path: str) -> bool:
    """Whether `path` (real, under the real `root`) is one of the files snapshot() looks at."""
    rel = path[len(root) + 1:] if path.startswith(root + os.sep) else None
    if rel is None:
        return False
    return rel in FILES or rel.split(os.sep, 1)[0] in TOPS and os.sep in rel


def changed_paths(before: dict[str, Signature], after: dict[str, Signature]) -> set[str]:
    """Paths created, deleted or rewritten between two snapshots."""
    gone = before.keys() - after.keys()
    new = after.keys() - before.keys()
    rewritten = {p for p, sig in after.items() if p in before and before[p] != sig}
    return gone | new | rewritten
