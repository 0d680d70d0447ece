"""Writing comfort through the real window: the Edit menu acts on the focused text widget,
zoom by keys and Ctrl+wheel survives a restart, paste as plain text never imports a picture,
focus mode dims all but the paragraph being written, typewriter keeps the cursor mid-screen."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.helpers.window import close_window, open_window


def _menu_texts(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.objectName() for a in menu.actions() if not a.isSeparator()]


def test_edit_menu_has_the_standard_commands(window):
    names = _menu_texts(window, "&Edit")
    for name in ("undoAction", "redoAction", "cutAction", "copyAction", "pasteAction",
                 "pastePlainAction", "selectAllAction", "findAction"):
        assert name in names


def test_edit_menu_undo_acts_on_the_editor(qtbot, window):
    before = window.editor.text()
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, "xyz")
    assert window.editor.text() == before + "xyz"
    window.actions_.undo.trigger()
    assert window.editor.text() == before
    window.actions_.redo.trigger()
    assert window.editor.text() == before + "xyz"


def test_zoom_keys_and_wheel_and_restart(qtbot, tmp_site, tmp_path, post, prompter):
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    start = w.editor.font().pointSize()
    w.editor.setFocus()
    qtbot.keyClick(w.editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.font().pointSize() == start + 1
    qtbot.keyClick(w.editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.font().pointSize() == start
    vp = w.editor.viewport()
    for _ in range(3):
        wheel = QWheelEvent(QPointF(10, 10), QPointF(vp.mapToGlobal(QPoint(10, 10))), QPoint(0, 0),
                            QPoint(0, 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(vp, wheel)
    assert w.editor.font().pointSize() == start + 3
    close_window(w, prompter)
    again = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    assert again.editor.font().pointSize() == start + 3
    close_window(again, prompter)


def test_paste_as_plain_text_inserts_a_file_url_as_text(qtbot, window, tmp_path):
    picture = tmp_path / "shot.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    mime.setText(str(picture))
    QGuiApplication.clipboard().setMimeData(mime)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    before = window.editor.text()
    try:
        qtbot.keyClick(window.editor, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    finally:
        # The clipboard owns the mime data: left there, Qt and Python both free it at exit.
        QGuiApplication.clipboard().clear()
    assert window.editor.text() == before + str(picture)


def test_focus_mode_dims_everything_but_the_current_paragraph(qtbot, window):
    window.editor.set_text("---\ntitle: x\n---\n\nfirst para\nstill first\n\nsecond para\n")
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.toPlainText().index("second"))
    window.editor.setTextCursor(cursor)
    window.actions_.focus_mode.setChecked(True)
    text = window.editor.toPlainText()
    start = text.index("second para")
    end2 = start + len("second para")
    assert window.writing.modes.dimmed_ranges() == [(0, start), (end2, len(text))]
    cursor.setPosition(text.index("still"))
    window.editor.setTextCursor(cursor)
    first = text.index("first para")
    end = text.index("still first") + len("still first")
    assert window.writing.modes.dimmed_ranges() == [(0, first), (end, len(text))]
    window.actions_.focus_mode.setChecked(False)
    assert window.writing.modes.dimmed_ranges() == []


def test_typewriter_keeps_the_cursor_mid_screen(qtbot, window):
    window.resize(900, 600)
    window.editor.set_text("\n".join(f"line {n}" for n in range(400)))
    window.actions_.typewriter.setChecked(True)
    window.editor.setFocus()
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.toPlainText().index("line 200"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    middle = window.editor.viewport().height() / 2
    y = window.editor.cursorRect().center().y()
    assert abs(y - middle) < window.editor.fontMetrics().height() * 1.5


def test_full_screen_toggles(qtbot, window):
    window.actions_.full_screen.setChecked(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    window.actions_.full_screen.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
