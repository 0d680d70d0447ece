"""Periodic safety copies of the open post: a snapshot in the recovery store while it has unsaved
changes, and (optional setting) an automatic save to the repo, paused during conflict prompts.
QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from tileditor.core.document import Document, DocumentError
from tileditor.core.fileio import ConflictError, WriteError
from tileditor.core.recovery import RecoveryStore

MetaFn = Callable[[], dict]


class Autosaver(QObject):
    """Connect `saved` to RepoWatcher.expect_write(path, document.fingerprint) so the watcher
    ignores the events of the autosave itself."""

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
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._doc: Document | None = None
        self._key = ""
        self._meta_fn: MetaFn | None = None
        self._last_snapshot: str | None = None  # text of the snapshot this autosaver wrote
        self._paused = False
        self._last_failure: tuple[str, str] | None = None  # (text, message) reported once
        # Snapshots are encoded and written (with fsync) on one writer thread, in order, so a
        # long post's snapshot never stalls typing; flush() waits for it.
        self._writer: ThreadPoolExecutor | None = None
        self._write_failed.connect(self._on_write_failed)

    # -- tracking -------------------------------------------------------------------------
    def track(self, document: Document, key: str, meta_fn: MetaFn | None = None) -> None:
        """Follow `document` (a previously tracked one is flushed first)."""
        if self._doc is not None:
            self.flush()
        self._doc, self._key, self._meta_fn = document, key, meta_fn
        self._last_snapshot = None
        self._last_failure = None
        self._paused = False
        self._timer.start()

    def untrack(self) -> None:
        """Stop following; the snapshot stays unless the document was saved (nothing is lost).
        Pending snapshot writes finish and the writer thread ends."""
        self._timer.stop()
        self._doc = None
        self._meta_fn = None
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
        self._run(wait=True)

    def _on_timer_timeout(self) -> None:
        self._run(wait=False)

    def _run(self, wait: bool) -> None:
        doc = self._doc
        if doc is None:
            return
        if self.autosave_to_repo:
            self._save_to_repo(doc)
        self._snapshot(doc, wait)

    def _meta(self, doc: Document) -> dict:
        meta = {"path": doc.path, "fingerprint": doc.fingerprint}
        if self._meta_fn is not None:
            meta.update(self._meta_fn() or {})
        return meta

    def _snapshot(self, doc: Document, wait: bool = True) -> None:
        if not doc.dirty:
            if self._last_snapshot is not None:
                # Saved (or edited back): the copy this autosaver made is no longer needed.
                self._submit(self.store.discard, wait, self._key)
                self._last_snapshot = None
            return
        text = doc.text
        if text == self._last_snapshot:
            return
        self._last_snapshot = text
        self._submit(self._write, wait, self._key, text, self._meta(doc))

    def _submit(self, fn, wait: bool, *args) -> None:
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recovery-writer")
        future = self._writer.submit(fn, *args)
        if wait:
            future.result()

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
