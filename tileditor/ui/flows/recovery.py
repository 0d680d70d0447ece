"""Restoring buffers left by a crash: one RecoveryDialog (objectName `recoveryDialog`) per
snapshot in the RecoveryStore, showing the diff against disk; Restore, Discard (confirmed through
the prompter) or Later. Nothing is thrown away unless the user says so. Uses no services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class RecoveryDialog(QDialog):
    """Shows what an unsaved buffer holds against the disk; restore, discard, or decide later."""

    def __init__(self, entry, diff_text: str, prompter, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.prompter = prompter
        name = Path(entry.path).name if entry.path else (entry.title or "a new post")
        self.setWindowTitle(f"Recover unsaved changes to {name}?")
        where = str(entry.path) if entry.path else "a post that was never saved"
        intro = QLabel(f"tileditor stopped before these changes to {where} were saved.")
        intro.setWordWrap(True)
        view = QPlainTextEdit(diff_text or entry.text)
        view.setObjectName("recoveryDiff")
        view.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("recoveryRestoreButton")
        self.discard_button = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard_button.setObjectName("recoveryDiscardButton")
        later = buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("recoveryLaterButton")
        buttons.clicked.connect(self._on_buttons_clicked)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(view)
        lay.addWidget(buttons)
        self.resize(720, 480)
        self.choice = "later"

    def _on_buttons_clicked(self, button) -> None:
        if button is self.restore_button:
            self.choice = "restore"
        elif button is self.discard_button:
            ok = self.prompter.ask("Discard", "Throw these unsaved changes away for good?",
                                   ("Discard", "Keep"), escape="Keep")
            self.choice = "discard" if ok == "Discard" else "later"
        self.accept()

    def exec_choice(self) -> str:
        self.exec()
        return self.choice


def offer_recovery(store, prompter, parent, open_recovered) -> int:
    """Ask about each buffer left by a crash (or a closed instance), newest first; returns how
    many were restored. Only leftovers of instances that are gone are offered: a running
    instance's buffers are never shown or deleted here. A restored buffer's snapshot is dropped
    only after `open_recovered` has taken it (and its autosaver has written a fresh one)."""
    restored = 0
    try:
        for entry in store.leftovers():
            choice = RecoveryDialog(entry, store.diff(entry), prompter, parent).exec_choice()
            if choice == "restore":
                open_recovered(entry)
                store.discard_entry(entry)
                restored += 1
            elif choice == "discard":
                store.discard_entry(entry)
    finally:
        store.release_leftovers()
    return restored
