"""The editor's Python copy of its text (ui/text_mirror.py) equals what Qt holds after any edit:
typing, deleting across lines, pasting blocks, replacing a selection, edit blocks with several
changes, undo and redo, and a whole new text; with emoji (two UTF-16 units), NBSP, U+2028 and
the private-use stand-ins in play, and never by falling back to a rebuild."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from tileditor.ui.editor_pane import EditorPane

_CHARS = st.sampled_from(["a", "b", " ", "\n", "\n\n", "😀", "\u00a0", "\u2028", "é", "\t", "한",
                          "\U0010fe29", "#", "`", "\r"])
_TEXT = st.lists(_CHARS, max_size=8).map("".join)
_OPS = st.lists(st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), _TEXT),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 12)),
    st.tuples(st.just("replace"), st.floats(0, 1), st.integers(0, 12), _TEXT),
    st.tuples(st.just("block"), st.floats(0, 1), _TEXT, st.floats(0, 1), _TEXT),
    st.tuples(st.just("undo")), st.tuples(st.just("redo")),
    st.tuples(st.just("all"), _TEXT), st.tuples(st.just("load"), _TEXT),
), max_size=25)


@pytest.fixture(scope="module")
def pane(qapp):
    return EditorPane()


def _qt_pos(text: str, index: int) -> int:
    """Qt's position of Python index `index` (non-BMP characters count two there)."""
    return len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


def _cursor(pane, frac: float, length: int = 0) -> QTextCursor:
    text = pane.qt_text()
    start = round(frac * len(text))
    end = min(len(text), start + length)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(_qt_pos(text, start))
    cursor.setPosition(_qt_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _apply(pane, op) -> None:
    kind = op[0]
    if kind == "insert":
        _cursor(pane, op[1]).insertText(op[2])
    elif kind == "delete":
        _cursor(pane, op[1], op[2]).removeSelectedText()
    elif kind == "replace":
        _cursor(pane, op[1], op[2]).insertText(op[3])
    elif kind == "block":
        first = _cursor(pane, op[1])
        first.beginEditBlock()
        first.insertText(op[2])
        second = _cursor(pane, op[3])
        second.insertText(op[4])
        first.endEditBlock()
    elif kind == "undo":
        pane.document().undo()
    elif kind == "redo":
        pane.document().redo()
    elif kind == "all":
        cursor = QTextCursor(pane.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(op[1])
    else:
        pane.set_text(op[1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=_TEXT, ops=_OPS)
def test_copy_equals_qt_after_every_edit(pane, start, ops):
    pane.set_text(start)
    before = pane._mirror.rebuilds
    assert pane.text() == pane.qt_text()
    for op in ops:
        _apply(pane, op)
        assert pane.text() == pane.qt_text(), op
    assert pane._mirror.rebuilds == before


def test_typing_keys_and_backspace_keep_the_copy(qtbot):
    pane = EditorPane()
    qtbot.addWidget(pane)
    pane.set_text("line one\n😀 two\u00a0\nthree")
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(12)
    pane.setTextCursor(cursor)
    qtbot.keyClicks(pane, "xy\tz")
    from PySide6.QtCore import Qt

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        qtbot.keyClick(pane, key)
    assert pane.text() == pane.qt_text() and "xy" in pane.text()
    assert pane._mirror.rebuilds == 0
