"""Spell checking in the real window: typed misspellings get the wavy underline once the
dictionary has loaded off the UI thread; the editor's real context menu shows suggestions
first, and choosing one replaces the word as one undo step; Add to dictionary writes the
user's word file and Ignore lasts the session; spellCheckAction is remembered; a post whose
language has no dictionary gets a status-bar note and the editor keeps working."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from tests.helpers.window import close_window, open_window, type_at_end
from tileditor.core.spelling.checker import _open_dictionary

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True)
def dictionaries():
    for tag in ("en_US", "ko_KR"):
        if _open_dictionary(tag)[0] is None:
            if os.environ.get("CI"):
                pytest.fail(f"CI must have the {tag} dictionary")
            pytest.skip(f"no {tag} dictionary")


# Generous: the Korean dictionary takes most of a second to load on a quiet machine, and
# CI machines are shared.
def underlined(window, line: int) -> list[str]:
    block = window.editor.document().findBlockByNumber(line)
    return [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
            if QTextCharFormat(r.format).underlineStyle() == WAVY]


def last_line(window) -> int:
    return window.editor.document().blockCount() - 1


def type_line(qtbot, window, text: str) -> int:
    """Types a new paragraph at the end, one key event per character carrying its text (as
    a keyboard or an input method sends them: QTest's key clicks know no Hangul, no `)."""
    type_at_end(qtbot, window, "")
    for _ in range(2):
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(window.editor, QKeyEvent(
                kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    return last_line(window)


def open_context_menu(qtbot, window, word: str, choose=None) -> list[str]:
    """Right-click the last occurrence of `word` with a real QContextMenuEvent; returns the
    menu's entries and triggers the action whose objectName or text is `choose`."""
    editor = window.editor
    start = editor.text().rindex(word) + 2
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    pos = editor.cursorRect(cursor).center()
    seen: list[str] = []

    def act_on_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act_on_menu)
            return
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        target = next((a for a in menu.actions()
                       if choose is not None and choose in (a.objectName(), a.text())), None)
        menu.close()
        if target is not None:
            target.trigger()

    QTimer.singleShot(0, act_on_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    return seen


def test_a_typed_misspelling_is_underlined_and_code_is_not(qtbot, window):
    line = type_line(qtbot, window, "The wrold and `wrold` too")
    qtbot.waitUntil(lambda: underlined(window, line) == ["wrold"], timeout=20000)
    line = type_line(qtbot, window, "어제 잘 됬다 오늘 잘 됐다")
    qtbot.waitUntil(lambda: underlined(window, line) == ["됬다"], timeout=20000)


def test_suggestions_come_first_and_replace_as_one_undo_step(qtbot, window):
    before = window.editor.text()
    line = type_line(qtbot, window, "The wrold is big")
    qtbot.waitUntil(lambda: underlined(window, line) == ["wrold"], timeout=20000)
    typed = window.editor.text()
    entries = open_context_menu(qtbot, window, "wrold", choose="world")
    assert entries[0] == "world"
    undo = next(i for i, text in enumerate(entries) if "Undo" in text)
    assert entries.index("Ignore") < undo  # above the editor's own entries
    assert "Add \u201cwrold\u201d to dictionary" in entries
    qtbot.waitUntil(lambda: window.editor.text().endswith("The world is big"), timeout=3000)
    assert underlined(window, line) == []
    window.editor.undo()
    assert window.editor.text() == typed  # one step back: exactly the typed text
    assert before in typed


def test_add_to_dictionary_writes_the_word_file_and_repaints(qtbot, window, tmp_path):
    line = type_line(qtbot, window, "Use kubectl daily")
    qtbot.waitUntil(lambda: underlined(window, line) == ["kubectl"], timeout=20000)
    open_context_menu(qtbot, window, "kubectl", choose="spellAddAction")
    words_file = tmp_path / "data" / "dictionary.txt"
    qtbot.waitUntil(words_file.exists, timeout=3000)
    assert words_file.read_text(encoding="utf-8").split() == ["kubectl"]
    assert underlined(window, line) == []


def test_ignore_lasts_the_session_and_writes_nothing(qtbot, window, tmp_path):
    line = type_line(qtbot, window, "Some ipsum text")
    qtbot.waitUntil(lambda: underlined(window, line) == ["ipsum"], timeout=20000)
    open_context_menu(qtbot, window, "ipsum", choose="spellIgnoreAction")
    qtbot.waitUntil(lambda: underlined(window, line) == [], timeout=3000)
    assert not (tmp_path / "data" / "dictionary.txt").exists()
    line = type_line(qtbot, window, "more ipsum")
    assert underlined(window, line) == []


def test_a_correct_word_gets_no_spelling_entries(qtbot, window):
    type_line(qtbot, window, "The world is fine")
    entries = open_context_menu(qtbot, window, "world")
    assert "Ignore" not in entries and entries  # only the editor's own entries


def test_the_toggle_removes_underlines_and_is_remembered(qtbot, tmp_site, tmp_path, post,
                                                         prompter):
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    action = w.findChild(type(w.actions_.spell_check), "spellCheckAction")
    assert action is w.actions_.spell_check and action.isChecked()
    line = type_line(qtbot, w, "The wrold")
    qtbot.waitUntil(lambda: underlined(w, line) == ["wrold"], timeout=20000)
    action.trigger()
    qtbot.waitUntil(lambda: underlined(w, line) == [], timeout=20000)
    close_window(w, prompter)
    again = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    assert not again.actions_.spell_check.isChecked()
    line = type_line(qtbot, again, "The wrold")
    qtbot.wait(300)
    assert underlined(again, line) == []
    close_window(again, prompter)


def test_a_language_without_a_dictionary_is_reported_and_typing_works(qtbot, tmp_site, tmp_path,
                                                                       prompter):
    post = tmp_site / "_posts" / "2025" / "2025-05-01-xx.md"
    post.write_text("---\ntitle: Xx\nlang: xx_XX\n---\nThe wrold.\n", encoding="utf-8")
    w = open_window(qtbot, tmp_site, post, tmp_path, prompter)
    qtbot.waitUntil(lambda: "xx_XX" in w.statusBar().currentMessage(), timeout=20000)
    assert "not checked" in w.statusBar().currentMessage()
    type_at_end(qtbot, w, " More text")
    assert w.editor.text().endswith("The wrold.\n More text")
    assert underlined(w, last_line(w) - 1) == []
    close_window(w, prompter)


def test_an_idle_dictionary_is_unloaded_and_comes_back_for_a_new_word(qtbot, window,
                                                                       monkeypatch):
    from tileditor.ui.flows import spell

    first = type_line(qtbot, window, "어제 잘 됬다")
    qtbot.waitUntil(lambda: underlined(window, first) == ["됬다"], timeout=20000)
    checker = window.spelling.checker
    monkeypatch.setattr(spell, "RELEASE_IDLE_S", 0.0)  # as if RELEASE_IDLE_S had passed
    window.spelling._on_release_timer_timeout()
    assert not checker.is_loaded("hangul") and not checker.is_loaded("latin")
    line = type_line(qtbot, window, "내일 할께요 wrold")
    qtbot.waitUntil(lambda: underlined(window, line) == ["할께요", "wrold"], timeout=20000)
    assert checker.is_loaded("hangul") and checker.is_loaded("latin")
    assert underlined(window, first) == ["됬다"]
