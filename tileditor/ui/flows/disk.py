"""What the window does about the disk: saving (with the conflict check and one-sentence errors)
and changes made by others (the pure core.disk_policy decides; this asks through the prompter
and acts). Part of the composition root; decisions live in core, dialogs in ui/dialogs.py."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tileditor.core import disk_policy, stale_temps
from tileditor.core.document import DocumentError
from tileditor.core.fileio import (
    ConflictError,
    WriteError,
    WriteProtectedError,
    fingerprint,
    resolve_target,
    user_message,
)

RELOAD, KEEP = "Reload theirs", "Keep mine"
OVERWRITE, LOAD, CANCEL = "Overwrite with mine", "Load theirs", "Cancel"
SAVE_ANYWAY = "Save anyway"
WATCH_GRACE_MS = 50  # a small repo is watched when the window opens, as before


class DiskFlow(QObject):
    status_reported = Signal(str)
    saved = Signal(object)  # Path written
    moved = Signal(object)  # Path the open post now lives at (renamed on disk)

    def __init__(self, session, watcher_factory, prompter, autosaver, wait_listed, parent=None):
        """`wait_listed()` blocks until the repo's listing is in (RepoFlow.wait_listed)."""
        super().__init__(parent)
        self.session, self.prompter, self.autosaver = session, prompter, autosaver
        self._wait_listed = wait_listed
        self._watcher_factory = watcher_factory
        self.watcher = None
        self.asking = False  # a prompt about the disk is open: watcher events wait
        self._sweeper: threading.Thread | None = None
        self._sweep_stop = threading.Event()
        self.swept: list[tuple[Path, int]] = []  # abandoned temp files removed (path, bytes)

    # -- saving -----------------------------------------------------------------------------
    def save(self, overwrite: bool = False, allow_protected: bool = False) -> bool:
        doc, site = self.session.document, self.session.site
        if doc.read_only_reason:
            self.prompter.inform("Read-only", doc.read_only_reason)
            return False
        if doc.path is None:
            self._wait_listed()  # the blog's folder and name conventions
        target = doc.path or self.session.planned_path()
        if target is None:
            return self._refuse("Open a Jekyll repository first: there is nowhere to save.")
        root = site.root if site else None
        try:
            # Check before mkdir: a folder symlinked out of the repo must not grow folders.
            resolve_target(target, root)
            target.parent.mkdir(parents=True, exist_ok=True)
            fp = doc.save(target, root=root, overwrite=overwrite, allow_protected=allow_protected)
        except ConflictError as exc:
            if doc.path is None or Path(exc.path) != Path(doc.path).resolve():
                return self._refuse(str(exc))
            return self._resolve_conflict_on_save()
        except WriteProtectedError as exc:
            if exc.kind == "mode" and self._ask_save_anyway(exc):
                return self.save(overwrite=overwrite, allow_protected=True)
            return self._refuse(str(exc))
        except (WriteError, DocumentError) as exc:
            return self._refuse(str(exc))
        except OSError as exc:  # mkdir of the post's folder
            return self._refuse(user_message(exc, target))
        if self.watcher is not None:
            self.watcher.expect_write(str(target), fp)
            self.watcher.watch_file(str(target))
        self.autosaver.resume()
        self.session.report_dirty()
        self.status_reported.emit(f"Saved to {_relative(target, root)}")
        self.saved.emit(target)
        return True

    def _refuse(self, message: str) -> bool:
        """A save that did not happen: the buffer stays as it is, dirty; say why in one line."""
        self.prompter.warn("Not saved", message)
        self.status_reported.emit(message)
        return False

    def _ask_save_anyway(self, exc) -> bool:
        """A chmod-read-only post is replaced only on the user's word, each time."""
        message = (f"{exc.path.name} is read-only on disk: its permissions say it must not be "
                   "changed. Replace it anyway (its permissions stay as they are)?")
        return self._ask("Read-only file", message, (SAVE_ANYWAY, CANCEL), "",
                         CANCEL) == SAVE_ANYWAY

    def _resolve_conflict_on_save(self) -> bool:
        doc = self.session.document
        message = (f"{doc.path.name} was changed or removed by another program since you opened "
                   "it. Saving now would overwrite that change.")
        choice = self._ask("The file changed on disk", message, (OVERWRITE, LOAD, CANCEL),
                           doc.diff_against_disk(), CANCEL)
        if choice == OVERWRITE:
            return self.save(overwrite=True)
        if choice == LOAD:
            self._reload(keep_view=True)
        return False

    def _ask(self, title, message, choices, detail, escape) -> str:
        """Ask with repo autosave paused and watcher reactions held back until answered."""
        was_paused = self.autosaver.paused
        self.asking = True
        self.autosaver.pause()
        try:
            return self.prompter.ask(title, message, choices, detail=detail, escape=escape)
        finally:
            self.asking = False
            if not was_paused:
                self.autosaver.resume()

    # -- changes by others --------------------------------------------------------------------
    def watch(self, root: Path | None, on_repo_changed, big: bool = False) -> None:
        """Watch `root`; a small repo's watches are in when this returns, a `big` one's
        (RepoFlow.is_big) are added without the UI thread waiting for them."""
        # The old repo's watches are removed on a helper thread: in a big repo that takes a
        # while, and nothing of it is needed any more.
        self.stop(wait=False)
        if root is None:
            return
        self._start_sweep(root)
        self.watcher = self._watcher_factory(root)
        self.watcher.changed.connect(on_repo_changed)
        self.watcher.file_changed.connect(self._on_watcher_file_changed)
        self.watcher.file_moved.connect(self._on_watcher_file_moved)
        if self.session.document.path is not None:
            self.watcher.watch_file(str(self.session.document.path))
        # Adding watches to every folder of a 20,000-post repo takes seconds: off the UI
        # thread; whatever changes meanwhile is found and reported once it is done.
        self.watcher.start(background=True, wait_ms=0 if big else WATCH_GRACE_MS)

    def stop(self, wait: bool = True) -> None:
        if self.watcher is not None:
            self.watcher.stop(wait=wait)
            self.watcher = None
        if self._sweeper is not None:
            self._sweep_stop.set()
            self._sweeper.join()
            self._sweeper = None

    def _start_sweep(self, root: Path) -> None:
        """Temp files left in the repo by a save that was killed are removed (off the UI
        thread: a 20,000-post repo takes a while to walk); a live writer's are left alone."""
        self._sweep_stop = threading.Event()
        self._sweeper = threading.Thread(target=self._sweep, args=(root, self._sweep_stop),
                                         name="temp-sweep", daemon=True)
        self._sweeper.start()

    def _sweep(self, root: Path, stop: threading.Event) -> None:
        try:
            self.swept += stale_temps.sweep(root, stop)
        except OSError:
            pass  # best effort: the repo may be gone or unreadable

    def _on_watcher_file_changed(self, path: str, kind: str) -> None:
        doc = self.session.document
        if doc.path is None or Path(path) != doc.path or self.asking or kind == "moved":
            return  # a move comes again as file_moved, with its destination
        state = doc.disk_state()
        if kind != "deleted" and state == "same":
            return
        change = "deleted" if state == "missing" else kind
        equal = state != "missing" and doc.disk_equals_buffer()
        self._act(disk_policy.decide(change, buffer_dirty=doc.dirty, disk_equals_buffer=equal))

    def check_restored(self) -> None:
        """After a crash buffer was restored: when the file is no longer what the buffer was
        based on, the user decides as for any change on disk, before anything is saved."""
        doc = self.session.document
        if doc.path is None or doc.missing_on_disk or doc.read_only_reason:
            return
        state = doc.disk_state()
        if state == "missing":
            return
        decision = disk_policy.decide_restore(
            disk_changed=state == "changed", disk_equals_buffer=doc.disk_equals_buffer(),
            name=doc.path.name)
        self._act(decision)

    def _on_watcher_file_moved(self, old: str, new: str) -> None:
        doc = self.session.document
        if doc.path is None or Path(old) != doc.path or self.asking:
            return
        decision = disk_policy.decide("moved", buffer_dirty=doc.dirty, disk_equals_buffer=False,
                                      moved_to=Path(new))
        self._act(decision, moved_to=Path(new))

    def _act(self, decision, moved_to: Path | None = None) -> None:
        action, doc = decision.action, self.session.document
        if action == disk_policy.Action.RELOAD_SILENTLY:
            if self._reload(keep_view=True):
                self.status_reported.emit(decision.message)
        elif action == disk_policy.Action.MARK_UNSAVED:
            doc.mark_missing()
            self.autosaver.pause()  # writing it back would undo the deletion: the user decides
            self.session.report_dirty()
            self.status_reported.emit(decision.message)
        elif action == disk_policy.Action.ASK_RELOAD_OR_KEEP:
            self._ask_reload_or_keep(decision)
        elif action == disk_policy.Action.FOLLOW_MOVE and moved_to is not None:
            doc.follow_move(moved_to)
            if self.watcher is not None:
                self.watcher.watch_file(str(moved_to))
            self.session.report_dirty()
            self.moved.emit(moved_to)
            self.status_reported.emit(decision.message)
        elif action == disk_policy.Action.IGNORE:
            doc.fingerprint = fingerprint(doc.path)

    def _ask_reload_or_keep(self, decision) -> None:
        doc = self.session.document
        seen = fingerprint(doc.path)  # what the user is shown; a later change asks again
        choice = self._ask(decision.title, decision.message, (RELOAD, KEEP),
                           doc.diff_against_disk(), KEEP)
        if choice == RELOAD:
            self._reload(keep_view=True)
            self.autosaver.resume()
            return
        doc.fingerprint = seen
        if seen is None:
            doc.mark_missing()
        else:
            # The answer settles the change on disk, also when repo autosave ran into it
            # first (it then paused itself, before the watcher's event asked this).
            self.autosaver.resume()
        self.session.report_dirty()
        self.status_reported.emit("Kept your version: saving will replace the file on disk.")

    def _reload(self, keep_view: bool = False) -> bool:
        editor, doc = self.session.editor, self.session.document
        position, scroll = editor.textCursor().position(), editor.verticalScrollBar().value()
        try:
            doc.reload()
        except DocumentError as exc:
            self.prompter.warn("Cannot reload", str(exc))
            return False
        self.session.show_document(doc, self.session.draft)
        if keep_view:
            cursor = editor.textCursor()
            cursor.setPosition(min(position, editor.document().characterCount() - 1))
            editor.setTextCursor(cursor)
            editor.verticalScrollBar().setValue(scroll)
        return True


def _relative(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)

