"""FindBar: shortcuts, next/previous with wrap, case sensitivity, replace, replace all undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tileditor.ui.editor_pane import EditorPane
from tileditor.ui.find_bar import FindBar

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "Cat cat CAT\nconcat\u00a0cat"


@pytest.fixture
def setup(qtbot):
    host = QWidget()
    # A window-wide action on Ctrl+F, as the main window has: must not make the key ambiguous.
    host.window_find = QAction("Find", host)
    host.window_find.setShortcut(QKeySequence("Ctrl+F"))
    host.window_find_count = []
    host.window_find.triggered.connect(lambda: host.window_find_count.append(1))
    host.addAction(host.window_find)
    layout = QVBoxLayout(host)
    editor = EditorPane()
    bar = FindBar(editor)
    layout.addWidget(editor)
    layout.addWidget(bar)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    editor.setFocus()
    editor.set_text(TEXT)
    yield editor, bar, host
    host.close()  # `host` owns both widgets; keeping this frame alive keeps them alive


def sel(editor):
    c = editor.textCursor()
    return c.selectionStart(), c.selectionEnd()


def test_ctrl_f_opens_find_and_esc_closes(setup, qtbot):
    editor, bar, host = setup
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and not bar.replace_field.isVisible()
    assert host.window_find_count == []  # the editor's bar took the key, unambiguously
    assert bar.find_field.hasFocus()
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert editor.hasFocus()


def test_ctrl_h_opens_replace(setup, qtbot):
    editor, bar, _host = setup
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    assert bar.isVisible() and bar.replace_field.isVisible() and bar.is_replace_mode()


def test_next_previous_wrap_and_case(setup, qtbot):
    editor, bar, _host = setup
    bar.open_find()
    qtbot.keyClicks(bar.find_field, "cat")  # search as you type: first match
    assert sel(editor) == (0, 3)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert sel(editor) == (4, 7)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_F3)
    assert sel(editor) == (8, 11)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return, SHIFT)
    assert sel(editor) == (4, 7)
    bar.case_box.setChecked(True)
    for expected in [(15, 18), (19, 22), (4, 7)]:  # "concat", NBSP "cat", wrap to "cat"
        assert bar.find_next()
        assert sel(editor) == expected
    bar.find_field.setText("dog")
    assert not bar.find_next()
    assert bar.status.text() == "No matches"


def test_replace_one_then_all_is_one_undo_step(setup, qtbot):
    editor, bar, _host = setup
    bar.open_replace()
    bar.find_field.setText("cat")
    bar.replace_field.setText("dog")
    bar.case_box.setChecked(True)
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    assert bar.find_next()
    bar.replace_current()
    assert editor.text() == "Cat dog CAT\nconcat\u00a0cat"
    assert sel(editor) == (15, 18)  # moved on to the next match
    assert bar.replace_all() == 2
    assert editor.text() == "Cat dog CAT\ncondog\u00a0dog"
    editor.undo()
    assert editor.text() == "Cat dog CAT\nconcat\u00a0cat"
    bar.case_box.setChecked(False)
    bar.replace_field.setText("a cat")  # the replacement contains the needle: no loop
    assert bar.replace_all() == 4
    assert editor.text() == "a cat dog a cat\ncona cat\u00a0a cat"


def test_f3_in_editor_and_escape_from_editor(setup, qtbot):
    editor, bar, _host = setup
    bar.open_find()
    bar.find_field.setText("cat")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert sel(editor) == (0, 3)
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert sel(editor) == (4, 7)
    qtbot.keyClick(editor, Qt.Key.Key_F3, SHIFT)
    assert sel(editor) == (0, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not bar.isVisible()
