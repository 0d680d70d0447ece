"""The spelling entries of the editor's context menu: on a misspelled word, its suggestions at
the top (choosing one replaces the word as one undo step), then "Add to dictionary" and
"Ignore". Widgets only; the checker is a core.spelling.SpellChecker handed in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QMenu

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True)
class ClickedWord:
    text: str
    start: int  # Qt document positions (UTF-16 units) of the word
    end: int


def _utf16(text: str, index: int) -> int:
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _from_utf16(text: str, units: int) -> int:
    """The str index at `units` UTF-16 units into `text` (one pass; astral chars are 2)."""
    if _ASTRAL.search(text) is None:
        return min(units, len(text))
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def misspelled_word_at(editor, cursor: QTextCursor, checker) -> ClickedWord | None:
    """The misspelled word under `cursor` (its ends count), or None."""
    block = cursor.block()
    text = block.text()
    units = cursor.positionInBlock()
    column = _from_utf16(text, units)
    for w in editor.highlighter.block_words(block):
        if w.start <= column <= w.end:
            if not checker.misspelled(w.text, w.script):
                return None
            base = block.position()
            return ClickedWord(w.text, base + _utf16(text, w.start), base + _utf16(text, w.end))
    return None


def add_spelling_entries(menu: QMenu, editor, word: ClickedWord, suggestions: list[str],
                         on_add: Callable[[str], None], on_ignore: Callable[[str], None]) -> None:
    """Put the entries for `word` above the menu's own (Undo, Cut, Copy, ...)."""
    first = menu.actions()[0] if menu.actions() else None
    entries: list[QAction] = []
    bold = QFont(menu.font())
    bold.setBold(True)
    for suggestion in suggestions:
        act = QAction(suggestion, menu)
        act.setObjectName("spellSuggestionAction")
        act.setFont(bold)
        act.setEnabled(not editor.isReadOnly())
        act.triggered.connect(lambda _=False, s=suggestion: replace_word(editor, word, s))
        entries.append(act)
    if not suggestions:
        none = QAction("(no suggestions)", menu)
        none.setEnabled(False)
        entries.append(none)
    add = QAction(f"Add \u201c{word.text}\u201d to dictionary", menu)
    add.setObjectName("spellAddAction")
    add.triggered.connect(lambda: on_add(word.text))
    ignore = QAction("Ignore", menu)
    ignore.setObjectName("spellIgnoreAction")
    ignore.setToolTip("Not flagged again until tileditor closes")
    ignore.triggered.connect(lambda: on_ignore(word.text))
    entries += [add, ignore]
    menu.insertActions(first, entries)
    if first is not None:
        menu.insertSeparator(first)


def replace_word(editor, word: ClickedWord, replacement: str) -> bool:
    """Replace the word if it is still there (one undo step); False when it moved."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(word.start)
    cursor.setPosition(word.end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() != word.text or editor.isReadOnly():
        return False
    cursor.beginEditBlock()
    cursor.insertText(replacement)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
    return True
