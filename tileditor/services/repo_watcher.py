"""Watches the blog repo with watchdog and reports coalesced changes on the Qt thread: posts,
drafts, image folders and _config.yml; ignores .git, _site and our own atomic writes.
QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from tileditor.core.fileio import Fingerprint, fingerprint, is_temp_name

IGNORED_TOP = {".git", "_site", ".jekyll-cache", ".sass-cache", "node_modules", "vendor", ".bundle"}
WATCHED_TOP = {"_posts", "_drafts", "images", "assets"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".ico"}
SKIPPED_EVENTS = {"opened", "closed_no_write"}


def is_relevant(root: Path, path: str) -> bool:
    """Whether a changed path matters to the editor (pure; runs on the watchdog thread)."""
    try:
        rel = Path(path).relative_to(root)
    except ValueError:
        return False
    parts = rel.parts
    if not parts or parts[0] in IGNORED_TOP:
        return False
    name = parts[-1]
    if is_temp_name(name) or name.endswith(("~", ".swp", ".swx")) or name == "4913":
        return False  # half-written files of ours and of other editors
    if rel.as_posix() == "_config.yml" or parts[0] in WATCHED_TOP:
        return True
    return rel.suffix.lower() in IMAGE_EXTS


def _stat_sig(path: str | None) -> tuple | None:
    """What a stat says of a file's content identity (None: gone or never watched)."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: RepoWatcher):
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in SKIPPED_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return
        dest = os.fsdecode(event.dest_path) if event.dest_path else None
        self._watcher._post(event.event_type, os.fsdecode(event.src_path), dest)


class RepoWatcher(QObject):
    """`changed(list)`: sorted unique paths after a quiet window; `file_changed(path, kind)`
    for the file given to watch_file (kind: modified/deleted/moved/created)."""

    changed = Signal(list)
    file_changed = Signal(str, str)
    file_moved = Signal(str, str)  # old path, new path; emitted with file_changed(..., "moved")
    _woken = Signal()

    def __init__(self, root: Path, parent: QObject | None = None, quiet_ms: int = 200,
                 max_wait_ms: int = 1000):
        super().__init__(parent)
        self.root = Path(os.path.realpath(root))
        self._lock = threading.Lock()
        self._inbox: list[tuple[str, str, str | None]] = []
        self._observer = None
        self._pending: set[str] = set()
        self._watched: str | None = None
        self._watched_as: str | None = None
        self._watched_kinds: list[tuple[str, str | None]] = []
        self._watched_existed = False
        self._watched_sig: tuple | None = None
        self._expected: dict[str, Fingerprint] = {}
        # Queued: the watchdog thread only wakes the Qt thread, which then drains the inbox.
        self._woken.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._quiet = self._timer(quiet_ms)
        self._cap = self._timer(max_wait_ms)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self._flush)
        return timer

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        if self._observer is not None:
            return
        observer = Observer()
        observer.daemon = True
        observer.schedule(_Handler(self), str(self.root), recursive=True)
        observer.start()
        self._observer = observer

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout=10)
        self._quiet.stop()
        self._cap.stop()
        with self._lock:
            self._inbox.clear()
        self._pending.clear()
        self._watched_kinds.clear()

    @property
    def running(self) -> bool:
        return self._observer is not None

    # -- what to watch --------------------------------------------------------------------
    def watch_file(self, path: Path | str | None) -> None:
        """The open post: its changes come as file_changed (None stops watching)."""
        self._watched = os.path.realpath(path) if path is not None else None
        # Events carry real paths; signals give back the path the caller knows the post by.
        self._watched_as = os.fspath(path) if path is not None else None
        self._watched_kinds.clear()
        self._watched_existed = path is not None and os.path.exists(self._watched)
        self._watched_sig = _stat_sig(self._watched)

    def expect_write(self, path: Path | str, fp: Fingerprint) -> None:
        """Our own save of exactly these bytes: events showing them on disk are ignored.
        Call it right after the save on the Qt thread: events are drained only afterwards, and
        the check compares the file's hash when they are handled, not a time window."""
        self._expected[os.path.realpath(path)] = fp

    # -- watchdog thread ------------------------------------------------------------------
    def _post(self, kind: str, src: str, dest: str | None) -> None:
        watched = self._watched
        keep_src = src == watched or is_relevant(self.root, src)
        keep_dest = dest is not None and (dest == watched or is_relevant(self.root, dest))
        if not (keep_src or keep_dest):
            return
        with self._lock:
            wake = not self._inbox
            self._inbox.append((kind, src if keep_src else "", dest if keep_dest else None))
        if wake:
            try:
                self._woken.emit()
            except RuntimeError:
                pass  # the Qt object is gone (stop() was skipped): nothing left to tell

    # -- Qt thread ------------------------------------------------------------------------
    def _drain(self) -> None:
        with self._lock:
            batch, self._inbox = self._inbox, []
        if self._observer is None or not batch:
            return
        for kind, src, dest in batch:
            self._take(kind, src, dest)
        if self._pending or self._watched_kinds:
            self._quiet.start()
            if not self._cap.isActive():
                self._cap.start()

    def _take(self, kind: str, src: str, dest: str | None) -> None:
        watched = self._watched
        for p in (src, dest):
            if p and is_relevant(self.root, p):
                self._pending.add(p)
        if watched is None:
            return
        if src == watched:
            self._watched_kinds.append((kind, dest if kind == "moved" else None))
        elif dest == watched:
            self._watched_kinds.append(("created", None))

    def _flush(self) -> None:
        self._quiet.stop()
        self._cap.stop()
        paths, self._pending = self._pending, set()
        kinds, self._watched_kinds = self._watched_kinds, []
        if paths and not kinds and self._watched is not None \
                and _stat_sig(self._watched) != self._watched_sig:
            # A burst (a checkout of thousands of files) can overflow inotify and lose the
            # open post's own event: after every burst, its stat says whether it changed.
            kinds = [("modified", None)]
        paths = {p for p in paths if not self._is_own_write(p)}
        if paths:
            self.changed.emit(sorted(paths))
        if kinds and self._watched is not None:
            self._report_watched(kinds)

    def _is_own_write(self, path: str) -> bool:
        fp = self._expected.get(path)
        if fp is None:
            return False
        if fp.same_bytes(fingerprint(path)):
            return True
        del self._expected[path]  # someone else wrote since: from now on their events count
        return False

    def _report_watched(self, kinds: list[tuple[str, str | None]]) -> None:
        real, path = self._watched, self._watched_as
        self._watched_sig = _stat_sig(real)
        exists = os.path.exists(real)
        existed, self._watched_existed = self._watched_existed, exists
        if exists:
            if self._is_own_write(real):
                return
            self.file_changed.emit(path, "modified" if existed else "created")
            return
        if not existed:
            return
        moved_to = next((d for k, d in reversed(kinds) if k == "moved" and d), None)
        if moved_to and os.path.exists(moved_to):
            self.file_changed.emit(path, "moved")
            self.file_moved.emit(path, moved_to)
        else:
            self.file_changed.emit(path, "deleted")
