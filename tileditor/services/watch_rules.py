"""What the repo watcher listens to and how it hears that events were lost: pure rules that
run on watchdog's thread for each event, the overflow log hook, and the join of its threads.
QtCore-free."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from pathlib import Path

from tileditor.core.fileio import is_temp_name

IGNORED_TOP = {".git", "_site", ".jekyll-cache", ".sass-cache", "node_modules", "vendor", ".bundle"}
WATCHED_TOP = {"_posts", "_drafts", "images", "assets"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".ico"}


class _OverflowLog(logging.Handler):
    """watchdog logs an inotify queue overflow but tells no event handler: watchers hear it
    here (each rescans; a rescan that finds nothing new reports nothing)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.watchers: weakref.WeakSet = weakref.WeakSet()

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            for watcher in list(self.watchers):
                watcher.events_lost()


OVERFLOW_LOG: _OverflowLog | None = None


def overflow_log() -> _OverflowLog:
    global OVERFLOW_LOG
    if OVERFLOW_LOG is None:
        OVERFLOW_LOG = _OverflowLog()
        logger = logging.getLogger("watchdog.observers")
        logger.addHandler(OVERFLOW_LOG)
        if not logger.isEnabledFor(logging.WARNING):
            logger.setLevel(logging.WARNING)
    return OVERFLOW_LOG


def is_relevant(root: Path | str, path: str) -> bool:
    """Whether a changed path matters to the editor (pure; runs on the watchdog thread, for
    each of the tens of thousands of events of a checkout: string work, no Path objects)."""
    base = os.fspath(root).rstrip(os.sep) + os.sep
    if not path.startswith(base):
        return False
    parts = [p for p in path[len(base):].split(os.sep) if p and p != "."]
    if not parts or parts[0] in IGNORED_TOP:
        return False
    name = parts[-1]
    if is_temp_name(name) or name.endswith(("~", ".swp", ".swx")) or name == "4913":
        return False  # half-written files of ours and of other editors
    if parts == ["_config.yml"] or parts[0] in WATCHED_TOP:
        return True
    return os.path.splitext(name)[1].lower() in IMAGE_EXTS


def stat_sig(path: str | None) -> tuple | None:
    """What a stat says of a file's content identity (None: gone or never watched)."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def finish(observer, threads: list[threading.Thread]) -> None:
    """Join the helper threads, then stop and join the observer (a thread of its own)."""
    for thread in threads:
        thread.join(timeout=30)
    if observer is None:
        return
    try:
        observer.stop()
        if observer.is_alive():
            observer.join(timeout=10)
    except RuntimeError:
        pass  # never started
