"""Periodic safety copies of the open post: a snapshot in the recovery store while it has unsaved
changes, and (optional setting) an automatic save to the repo, paused during conflict prompts.
QtCore only: must not import QtWidgets or tileditor.ui."""

from __future__ import annotations

from collections.abc import Callable

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

    def __init__(self, store: RecoveryStore, interval_ms: int = 2000,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.autosave_to_repo = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._doc: Document | None = None
        self._key = ""
        self._meta_fn: MetaFn | None = None
        self._last_snapshot: str | None = None  # text of the snapshot this autosaver wrote
        self._paused = False
        self._last_failure: tuple[str, str] | None = None  # (text, message) reported once

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
        """Stop following; the snapshot stays unless the document was saved (nothing is lost)."""
        self._timer.stop()
        self._doc = None
        self._meta_fn = None

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
        """Write now what the timer would write."""
        doc = self._doc
        if doc is None:
            return
        if self.autosave_to_repo:
            self._save_to_repo(doc)
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
                self.store.discard(self._key)
                self._last_snapshot = None
            return
        text = doc.text
        if text == self._last_snapshot:
            return
        try:
            self.store.save(self._key, text, self._meta(doc))
        except (OSError, ValueError) as exc:
            self._report(text, f"Could not write the recovery copy: {exc}")
            return
        self._last_snapshot = text
        self.snapshot_saved.emit(self._key)

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
