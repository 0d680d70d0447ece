"""Safety copies of the open post: a snapshot in the recovery store while it has unsaved changes,
taken often enough that no edit waits longer than the interval to be on disk, whatever the
post's size; and (optional setting) an automatic save to the repo every interval, paused during
conflict prompts. QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from tileditor.core.document import Document, DocumentError
from tileditor.core.fileio import ConflictError, WriteError
from tileditor.core.recovery import RecoveryStore

log = logging.getLogger(__name__)
MetaFn = Callable[[], dict]
TICK_MS = 100  # how often the timer looks whether a snapshot is due


class Autosaver(QObject):
    """Connect `saved` to RepoWatcher.expect_write(path, document.fingerprint) so the watcher
    ignores the events of the autosave itself.

    `interval_ms` is the longest an edit waits before its snapshot is on disk. The timer ticks
    every 100 ms (a steady tick, never a debounce, so continuous typing snapshots too) and takes
    the text once the last snapshot is old enough that the next one, written in about as long
    as the last write took, still lands within the interval. Snapshots are encoded and written
    (with fsync) on one writer thread; while it writes, at most one newer snapshot per key
    waits, the newest: a slow disk or a huge post never queues a backlog of old copies."""

    snapshot_saved = Signal(str)  # recovery key
    saved = Signal(str)  # path written to the repo by autosave_to_repo
    conflict = Signal(str)  # path changed on disk: autosave to the repo is now paused
    failed = Signal(str)  # one sentence for the user
    _write_failed = Signal(object, str)  # (text, message) from the writer thread

    def __init__(self, store: RecoveryStore, interval_ms: int = 2000,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.autosave_to_repo = False
        self.interval_s = max(1, interval_ms) / 1000
        self._tick_s = min(TICK_MS, max(10, interval_ms // 4)) / 1000
        self._timer = QTimer(self)
        self._timer.setInterval(round(self._tick_s * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._doc: Document | None = None
        self._key = ""
        self._meta_fn: MetaFn | None = None
        self._last_snapshot: str | None = None  # text of the snapshot this autosaver wrote
        self._taken_at = float("-inf")  # monotonic time that text was taken
        self._repo_saved_at = float("-inf")
        self._write_s = 0.0  # how long the last snapshot took to reach the disk
        self._paused = False
        self._last_failure: tuple[str, str] | None = None  # (text, message) reported once
        self._writer: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._pending: dict[str, tuple] = {}  # key -> newest (fn, args) not yet written
        self._draining = False  # the writer's job runs (set and cleared under _lock)
        self._drain: Future | None = None  # that job
        self._write_failed.connect(self._on_write_failed)

    # -- tracking -------------------------------------------------------------------------
    def track(self, document: Document, key: str, meta_fn: MetaFn | None = None) -> None:
        """Follow `document` (a previously tracked one is flushed first)."""
        if self._doc is not None:
            self.flush()
        self._doc, self._key, self._meta_fn = document, key, meta_fn
        self._last_snapshot = None
        self._taken_at = float("-inf")
        self._last_failure = None
        self._paused = False
        self._timer.start()

    def untrack(self) -> None:
        """Stop following; the snapshot stays unless the document was saved (nothing is lost).
        Pending snapshot writes finish and the writer thread ends."""
        self._timer.stop()
        self._doc = None
        self._meta_fn = None
        self._wait_for_writer()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    @property
    def document(self) -> Document | None:
        return self._doc

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    # -- repo autosave pause (a conflict prompt is open) -----------------------------------
    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    # -- work -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write now what the timer would write, and wait until it is on disk."""
        doc = self._doc
        if doc is None:
            return
        if self.autosave_to_repo:
            self._save_to_repo(doc)
        self._snapshot(doc)
        self._wait_for_writer()

    def _on_timer_timeout(self) -> None:
        doc = self._doc
        if doc is None:
            return
        now = time.monotonic()
        if self.autosave_to_repo and now - self._repo_saved_at >= self.interval_s - self._tick_s / 2:
            self._repo_saved_at = now
            self._save_to_repo(doc)
        if self._writing():
            return  # the text is taken when the writer is free, so the copy on disk is fresh
        # Due when a snapshot taken now and written as fast as the last one still lands before
        # the oldest unsaved edit is `interval` old (edits since the last take are younger).
        if now - self._taken_at >= self.interval_s - self._write_s - self._tick_s:
            self._taken_at = now
            self._snapshot(doc)

    def _meta(self, doc: Document) -> dict:
        meta = {"path": doc.path, "fingerprint": doc.fingerprint}
        if self._meta_fn is not None:
            meta.update(self._meta_fn() or {})
        return meta

    def _snapshot(self, doc: Document) -> None:
        if not doc.dirty:
            if self._last_snapshot is not None:
                # Saved (or edited back): the copy this autosaver made is no longer needed.
                self._submit(self._key, self.store.discard, self._key)
                self._last_snapshot = None
            return
        text = doc.text
        if text is self._last_snapshot or text == self._last_snapshot:
            return
        self._last_snapshot = text
        self._submit(self._key, self._write, self._key, text, self._meta(doc))

    # -- the writer thread ------------------------------------------------------------------
    def _submit(self, key: str, fn, *args) -> None:
        with self._lock:
            self._pending.pop(key, None)  # the newest copy replaces one not yet written
            self._pending[key] = (fn, args)
            if self._draining:
                return  # the running job takes it
            self._draining = True
            if self._writer is None:
                self._writer = ThreadPoolExecutor(max_workers=1,
                                                  thread_name_prefix="recovery-writer")
            self._drain = self._writer.submit(self._drain_pending)

    def _drain_pending(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._draining = False
                    return
                key = next(iter(self._pending))
                fn, args = self._pending.pop(key)
            started = time.monotonic()
            try:
                fn(*args)
            except Exception:  # noqa: BLE001 - one bad copy must not stop the later ones
                log.exception("recovery writer: %s failed", getattr(fn, "__name__", fn))
            if fn == self._write:
                self._write_s = time.monotonic() - started

    def _writing(self) -> bool:
        return self._draining

    def _wait_for_writer(self) -> None:
        drain = self._drain
        if drain is not None:
            drain.result()

    def _write(self, key: str, text: str, meta: dict) -> None:
        """On the writer thread: signals reach the UI thread queued."""
        try:
            self.store.save(key, text, meta)
        except (OSError, ValueError) as exc:
            self._write_failed.emit(text, f"Could not write the recovery copy: {exc}")
            return
        self.snapshot_saved.emit(key)

    def _on_write_failed(self, text: str, message: str) -> None:
        if self._last_snapshot == text:
            self._last_snapshot = None  # try again on the next tick
        self._report(text, message)

    def _save_to_repo(self, doc: Document) -> None:
        if self._paused or not doc.dirty or doc.path is None or doc.read_only:
            return
        if doc.missing_on_disk:
            return  # deleted outside: writing it back is the user's call, not ours
        text = doc.text
        try:
            doc.save(root=self._meta(doc).get("repo"))
        except ConflictError:
            self._paused = True
            self.conflict.emit(str(doc.path))
            return
        except (WriteError, DocumentError) as exc:
            self._report(text, str(exc))
            return
        self._last_failure = None
        self.saved.emit(str(doc.path))

    def _report(self, text: str, message: str) -> None:
        # Retry every tick (a full disk may be freed) but tell the user once per new failure.
        if self._last_failure == (text, message):
            return
        self._last_failure = (text, message)
        self.failed.emit(message)
