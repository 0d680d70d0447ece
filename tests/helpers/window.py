"""Helpers the window tests share: open a real window with a recording prompter, close it
without blocking on questions, type at the end, save, and drop files like a real drag."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tileditor.app import build_window


def open_window(qtbot, repo: Path, post: Path | None, tmp_path: Path, prompter=None):
    w = build_window(repo, post, settings_path=tmp_path / "settings.ini",
                     data_path=tmp_path / "data", prompter=prompter)
    w.show()
    if post is not None:
        qtbot.waitUntil(lambda: w.session.document.path == post, timeout=5000)
    return w


def close_window(w, prompter=None) -> None:
    if prompter is not None:
        prompter.answers[:] = ["Discard"]  # closing asks about a buffer a test left unsaved
    w.close()
    w.shutdown()
    w.deleteLater()


def type_at_end(qtbot, window, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


def save(qtbot, window) -> None:
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def drop_files(widget, paths: list[Path], pos=None) -> None:
    """Qt delivers a drop only after an accepted drag-enter, as a real drag would send it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center() if pos is None else pos
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDragMoveEvent(pos, *args))
    QApplication.sendEvent(widget, QDropEvent(QPointF(pos), *args))
