"""Issue 15, items 12-13 in the widgets: one keystroke in a line of 20,000 `[` is handled
without the old backtracking highlighter regex, and a post the renderer cannot render keeps
the last page and shows why (with the line) in the preview's status strip."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel

from tests.helpers.window import type_at_end
from tileditor.ui.editor_pane import EditorPane
from tileditor.ui.preview_pane import PreviewPane


def test_keystroke_in_a_line_of_twenty_thousand_brackets_is_fast(qtbot):
    editor = EditorPane()
    qtbot.addWidget(editor)
    editor.set_text("[link](http://x) and `code`\n" + "[" * 20_000 + "\n")
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.PreviousBlock)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    t0 = time.perf_counter()
    qtbot.keyClicks(editor, "[")
    assert time.perf_counter() - t0 < 1.0  # 4 s with the old regex
    link = editor.highlighter.formats["link"].foreground().color().name()
    first = editor.document().findBlockByNumber(0).layout().formats()
    assert any(r.start == 0 and r.format.foreground().color().name() == link for r in first)


def test_show_error_shows_the_first_line_and_an_empty_message_hides_it(qtbot):
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.show_error("It failed at line 4.\nTraceback ...")
    label = pane.findChild(QLabel, "previewStatus")
    assert label.isVisibleTo(pane) and label.text() == "It failed at line 4."
    pane.show_error("")
    assert not label.isVisibleTo(pane)


def test_window_shows_a_render_error_with_its_line_and_clears_it(qtbot, window):
    qtbot.waitUntil(lambda: window.session.renderer.generation > 0, timeout=5000)
    window.editor.set_text("---\ntitle: deep\n---\n" + "- " * 10_000 + "a\n")
    type_at_end(qtbot, window, "b")  # an edit (set_text alone is a load)
    qtbot.waitUntil(lambda: (window.preview.findChild(QLabel, "previewStatus") is not None
                             and window.preview.findChild(QLabel, "previewStatus").isVisible()),
                    timeout=20000)
    label = window.preview.findChild(QLabel, "previewStatus")
    assert "RecursionError" in label.text() and "lines 4-5" in label.text()
    window.editor.set_text("---\ntitle: fixed\n---\nfine\n")
    type_at_end(qtbot, window, "!")
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10000)
