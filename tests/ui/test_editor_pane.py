"""EditorPane: exact text round trip, Typora-like shortcuts as single undo steps, signals,
drops and pastes, FILE line numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage, QTextCursor

from tileditor.ui.editor_pane import EditorPane

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(qtbot):
    e = EditorPane()
    qtbot.addWidget(e)
    e.resize(500, 300)
    e.show()
    return e


def select(editor, start, end):
    c = editor.textCursor()
    c.setPosition(start)
    c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)


def press(qtbot, editor, key, mods=CTRL):
    qtbot.keyClick(editor, key, mods)


SPECIAL = "Title\u00a0with NBSP\n\nzero\u200bwidth and narrow\u202fnbsp  \nline\u2028sep\n\ttab"


def test_exact_round_trip_keeps_special_spaces(editor):
    editor.set_text(SPECIAL)
    assert editor.text() == SPECIAL
    assert editor.toPlainText() != SPECIAL  # what a naive implementation would return


def test_edit_elsewhere_keeps_special_spaces(editor, qtbot):
    editor.set_text(SPECIAL + "\n")
    edited = []
    editor.text_edited.connect(lambda: edited.append(1))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "more")
    assert editor.text() == SPECIAL + "\nmore"
    assert edited
    editor.insert_at(0, "# ")
    assert editor.text() == "# " + SPECIAL + "\nmore"


def test_set_text_does_not_emit_text_edited(editor):
    edited = []
    editor.text_edited.connect(lambda: edited.append(1))
    editor.set_text("new text")
    assert edited == []
    assert not editor.document().isUndoAvailable()


def test_no_final_newline_and_trailing_spaces_survive(editor):
    for text in ["a  \nb", "a\n", "", "\n\n", "x\n\n\ny   "]:
        editor.set_text(text)
        assert editor.text() == text


@pytest.mark.parametrize(
    "text, sel, key, expected, selected",
    [
        ("make this bold", (5, 9), Qt.Key.Key_B, "make **this** bold", "this"),
        ("make **this** bold", (7, 11), Qt.Key.Key_B, "make this bold", "this"),
        ("make **this** bold", (5, 13), Qt.Key.Key_B, "make this bold", "this"),
        ("italic word", (7, 11), Qt.Key.Key_I, "italic *word*", "word"),
        ("italic *word*", (8, 12), Qt.Key.Key_I, "italic word", "word"),
        ("a **bold** b", (4, 8), Qt.Key.Key_I, "a ***bold*** b", "bold"),
        ("see docs now", (4, 8), Qt.Key.Key_K, "see [docs](url) now", "url"),
        ("go https://x.org/a now", (3, 18), Qt.Key.Key_K, "go [](https://x.org/a) now", ""),
    ],
)
def test_inline_shortcuts_and_single_undo(editor, qtbot, text, sel, key, expected, selected):
    editor.set_text(text)
    select(editor, *sel)
    press(qtbot, editor, key)
    assert editor.text() == expected
    assert editor.textCursor().selectedText() == selected
    editor.undo()
    assert editor.text() == text


def test_bold_without_selection_puts_cursor_between_markers(editor, qtbot):
    editor.set_text("ab")
    select(editor, 1, 1)
    press(qtbot, editor, Qt.Key.Key_B)
    qtbot.keyClicks(editor, "X")
    assert editor.text() == "a**X**b"


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("Intro\nnext", Qt.Key.Key_1, "# Intro\nnext"),
        ("Intro\nnext", Qt.Key.Key_3, "### Intro\nnext"),
        ("## Intro\nnext", Qt.Key.Key_4, "#### Intro\nnext"),
        ("## Intro\nnext", Qt.Key.Key_2, "Intro\nnext"),  # same level toggles back
        ("###### Intro\nnext", Qt.Key.Key_0, "Intro\nnext"),
        ("#Intro\nnext", Qt.Key.Key_2, "## Intro\nnext"),  # kramdown's `#Title` heading
    ],
)
def test_heading_shortcuts(editor, qtbot, text, key, expected):
    editor.set_text(text)
    select(editor, 2, 2)
    press(qtbot, editor, key)
    assert editor.text() == expected
    editor.undo()
    assert editor.text() == text


def test_code_fence_around_selected_lines(editor, qtbot):
    editor.set_text("before\nx = 1\ny = `2`\nafter")
    select(editor, 8, 15)  # inside "x = 1" to inside "y = `2`"
    press(qtbot, editor, Qt.Key.Key_K, CTRL | SHIFT)
    assert editor.text() == "before\n```\nx = 1\ny = `2`\n```\nafter"
    qtbot.keyClicks(editor, "python")
    assert editor.text().startswith("before\n```python\nx = 1")
    editor.undo()
    editor.undo()
    assert editor.text() == "before\nx = 1\ny = `2`\nafter"


def test_code_fence_uses_longer_fence_for_inner_backticks(editor, qtbot):
    editor.set_text("```\ninner\n```")
    select(editor, 0, len(editor.text()))
    press(qtbot, editor, Qt.Key.Key_K, CTRL | SHIFT)
    assert editor.text() == "````\n```\ninner\n```\n````"


def test_replace_range_is_one_undo_step(editor):
    editor.set_text("one two three")
    editor.replace_range(4, 7, "2")
    assert editor.text() == "one 2 three"
    editor.undo()
    assert editor.text() == "one two three"


def test_positions_count_python_characters_with_astral_text(editor):
    editor.set_text("😀 smile")
    editor.insert_at(2, "big ")
    assert editor.text() == "😀 big smile"


def test_file_lines_goto_top_line_and_cursor(editor, qtbot):
    body = "\n".join(f"line {i}" for i in range(200))
    editor.set_text(body, first_line=11)
    assert editor.top_line() == 11
    tops = []
    editor.top_line_changed.connect(tops.append)
    editor.goto_line(111)  # body line 100
    assert editor.cursor_line_column() == (111, 1)
    assert editor.cursor_position() == editor.text().index("line 100")
    assert editor.textCursor().block().text() == "line 100"
    assert editor.top_line() == 111
    assert tops and tops[-1] == 111
    editor.verticalScrollBar().setValue(5)
    assert tops[-1] == 16


def test_word_count(editor):
    editor.set_text("Hello, world! It's 2025 — 오늘 배운 것\n\n`code`")
    assert editor.word_count() == 8


def _drop(editor, mime, pos):
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    editor.dropEvent(ev)
    return ev


def test_dropping_image_files_emits_paths_and_position(editor, qtbot, tmp_path, tiny_png):
    editor.set_text("first line\nsecond line\nthird")
    img = tmp_path / "shot.png"
    img.write_bytes(tiny_png)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(img))])
    rect = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(1)))
    with qtbot.waitSignal(editor.images_dropped, timeout=1000) as blocker:
        _drop(editor, mime, editor.viewport().mapTo(editor, rect.center()))
    paths, position = blocker.args
    assert paths == [str(img)]
    assert 11 <= position <= 22  # somewhere in "second line", where it was dropped
    assert editor.text() == "first line\nsecond line\nthird"  # nothing inserted by itself


def test_dropping_text_inserts_it(editor, qtbot):
    editor.set_text("abc")
    got = []
    editor.images_dropped.connect(lambda *a: got.append(a))
    mime = QMimeData()
    mime.setText("XYZ")
    _drop(editor, mime, editor.cursorRect(editor.textCursor()).center())
    assert "XYZ" in editor.text()
    assert got == []


def test_dropping_a_non_image_file_is_not_an_image_drop(editor, tmp_path):
    doc = tmp_path / "notes.txt"
    doc.write_text("x")
    got = []
    editor.images_dropped.connect(lambda *a: got.append(a))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    _drop(editor, mime, editor.cursorRect(editor.textCursor()).center())
    assert got == []


def test_pasting_an_image_emits_image_pasted(editor, qtbot):
    editor.set_text("abc")
    img = QImage(4, 3, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.red)
    mime = QMimeData()
    mime.setImageData(img)
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(editor.image_pasted, timeout=1000) as blocker:
        editor.paste()
    assert blocker.args[0].size() == img.size()
    assert editor.text() == "abc"


def test_pasting_text_inserts_text(editor):
    editor.set_text("abc")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QGuiApplication.clipboard().setText("\u00a0pasted")
    got = []
    editor.image_pasted.connect(got.append)
    editor.paste()
    assert editor.text() == "abc\u00a0pasted"
    assert got == []


def test_separator_and_noncharacters_in_a_body_survive_an_unrelated_edit(qtbot, window, post):
    """U+2028, U+2029, U+FDD0 and U+FDD1 are QTextDocument's own marks; the file keeps them."""
    from tests.helpers.window import save, type_at_end

    text = post.read_text(encoding="utf-8") + "\n\nline\u2028sep para\u2029sep f\ufdd0g\ufdd1h\n"
    post.write_text(text, encoding="utf-8")
    assert window.open_post(post)
    assert window.session.document.read_only_reason is None
    type_at_end(qtbot, window, "!")
    save(qtbot, window)
    assert post.read_text(encoding="utf-8") == text + "!"
    # The stand-ins never reach the preview or the file.
    assert "\U0010fe29" not in window.session.document.text


def test_a_file_holding_the_stand_ins_opens_read_only(qtbot, window, post):
    post.write_text("---\ntitle: x\n---\nodd \U0010fe29 char\n", encoding="utf-8")
    assert window.open_post(post)
    assert "private-use" in (window.session.document.read_only_reason or "")
