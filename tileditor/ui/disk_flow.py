"""What the window does about the disk: saving (with the conflict check), changes made by others
(the pure disk_policy decides, this shows its dialog), and restoring buffers after a crash.
Part of the composition root; the decisions themselves live in core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPlainTextEdit, QVBoxLayout

from tileditor.core import disk_policy
from tileditor.core.fileio import ConflictError, WriteError


class DiskFlow(QObject):
    status_reported = Signal(str)
    saved = Signal(object)  # Path written

    def __init__(self, window, session, watcher_factory, parent=None):
        super().__init__(parent)
        self.window, self.session = window, session
        self._watcher_factory = watcher_factory
        self.watcher = None
        self.asking = False  # a conflict prompt is open: autosave to the repo waits

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        doc, site = self.session.document, self.session.site
        if doc.read_only_reason:
            QMessageBox.information(self.window, "Read-only", doc.read_only_reason)
            return False
        target = doc.path or self.session.planned_path()
        if target is None:
            QMessageBox.warning(self.window, "Save", "Open a Jekyll repository first: there is nowhere to save.")
            return False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fp = doc.save(target, root=site.root if site else None)
        except ConflictError:
            return self._resolve_conflict_on_save()
        except (WriteError, OSError) as exc:
            QMessageBox.warning(self.window, "Not saved", f"{exc}\nYour text is still here, unsaved.")
            return False
        if self.watcher is not None:
            self.watcher.expect_write(str(target), fp)
            self.watcher.watch_file(str(target))
        self.session._report_dirty()
        rel = _relative(target, site.root if site else None)
        self.status_reported.emit(f"Saved to {rel}")
        self.saved.emit(target)
        return True

    def _resolve_conflict_on_save(self) -> bool:
        doc = self.session.document
        box = QMessageBox(QMessageBox.Icon.Warning, "The file changed on disk",
                          f"{doc.path.name} was changed by another program since you opened it. "
                          "Saving now would overwrite that change.", parent=self.window)
        box.setDetailedText(doc.diff_against_disk())
        keep = box.addButton("Overwrite with mine", QMessageBox.ButtonRole.DestructiveRole)
        reload_ = box.addButton("Load theirs", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is keep:
            doc.fingerprint = _current_fingerprint(doc.path)
            return self.save()
        if box.clickedButton() is reload_:
            self._reload()
        return False

    # -- changes by others --------------------------------------------------------------------
    def watch(self, root: Path | None, on_repo_changed) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if root is None:
            return
        self.watcher = self._watcher_factory(root)
        self.watcher.changed.connect(on_repo_changed)
        self.watcher.file_changed.connect(self._on_watcher_file_changed)
        self.watcher.start()
        if self.session.document.path is not None:
            self.watcher.watch_file(str(self.session.document.path))

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def _on_watcher_file_changed(self, path: str, kind: str) -> None:
        doc = self.session.document
        if doc.path is None or Path(path) != doc.path or self.asking:
            return
        state = doc.disk_state()
        if kind != "deleted" and state == "same":
            return
        disk_equals_buffer = False
        if state != "missing":
            try:
                from tileditor.core.textcodec import decode_bytes

                disk_equals_buffer = decode_bytes(doc.path.read_bytes()).text == doc.text
            except (OSError, ValueError):
                disk_equals_buffer = False
        change = "deleted" if state == "missing" else kind
        decision = disk_policy.decide(change, buffer_dirty=doc.dirty, disk_equals_buffer=disk_equals_buffer)
        self._act(decision)

    def _act(self, decision) -> None:
        action = decision.action
        if action == disk_policy.Action.RELOAD_SILENTLY:
            self._reload(keep_view=True)
            self.status_reported.emit(decision.message or "Reloaded: the file changed on disk.")
        elif action == disk_policy.Action.MARK_UNSAVED:
            self.session.document.mark_missing()
            self.session._report_dirty()
            self.session.dirty_changed.emit(True)
            self.status_reported.emit(decision.message)
        elif action == disk_policy.Action.ASK_RELOAD_OR_KEEP:
            self._ask_reload_or_keep(decision)
        elif action == disk_policy.Action.IGNORE:
            self.session.document.fingerprint = _current_fingerprint(self.session.document.path)

    def _ask_reload_or_keep(self, decision) -> None:
        doc = self.session.document
        self.asking = True
        try:
            box = QMessageBox(QMessageBox.Icon.Question, decision.title, decision.message, parent=self.window)
            box.setDetailedText(doc.diff_against_disk())
            theirs = box.addButton("Reload theirs", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton("Keep mine", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is theirs:
                self._reload(keep_view=True)
            else:  # keep mine: the next save overwrites knowingly
                doc.fingerprint = _current_fingerprint(doc.path)
                self.session._report_dirty()
        finally:
            self.asking = False

    def _reload(self, keep_view: bool = False) -> None:
        editor = self.session.editor
        pos, top = editor.cursor_position(), editor.top_line()
        doc = self.session.document
        doc.reload()
        self.session.show_document(doc, self.session.draft)
        if keep_view:
            editor.set_cursor_position(min(pos, len(editor.text())))
            editor.goto_line(top, keep_cursor=True)

    # -- crash recovery -------------------------------------------------------------------------
    def offer_recovery(self, store, open_recovered) -> int:
        """Ask about each buffer left by a crash; returns how many were restored."""
        restored = 0
        for entry in store.entries():
            dlg = RecoveryDialog(entry, store.diff(entry), self.window)
            choice = dlg.exec_choice()
            if choice == "restore":
                open_recovered(entry)
                store.discard(entry.key)
                restored += 1
            elif choice == "discard":
                store.discard(entry.key)
        return restored


class RecoveryDialog(QDialog):
    """Shows what an unsaved buffer holds against the disk; restore, discard, or decide later."""

    def __init__(self, entry, diff_text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        name = Path(entry.path).name if entry.path else "a new post"
        self.setWindowTitle(f"Recover unsaved changes to {name}?")
        view = QPlainTextEdit(diff_text or entry.text)
        view.setReadOnly(True)
        buttons = QDialogButtonBox()
        self._restore = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self._discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.clicked.connect(self._on_buttons_clicked)
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        lay.addWidget(buttons)
        self.resize(720, 480)
        self.choice = "later"

    def _on_buttons_clicked(self, button) -> None:
        if button is self._restore:
            self.choice = "restore"
        elif button is self._discard:
            ok = QMessageBox.question(self, "Discard", "Throw these unsaved changes away for good?")
            self.choice = "discard" if ok == QMessageBox.StandardButton.Yes else "later"
        self.accept()

    def exec_choice(self) -> str:
        self.exec()
        return self.choice


def _current_fingerprint(path):
    from tileditor.core.fileio import fingerprint

    return fingerprint(path) if path else None


def _relative(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)
