"""Markdown editing commands behind the editor's Typora-like shortcuts (bold, italic, link,
heading level, code fence). Each works on a QTextCursor inside one edit block, so it is one
undo step. QtGui only; must not import widgets or tileditor.services."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor

# kramdown makes `#Title` (no space) a heading too.
HEADING_PREFIX = re.compile(r"^( {0,3})(#{1,6})(?!#)[ \t]*")
_VALID_RUNS = {1: (1, 3), 2: (2, 3)}  # "*" wraps italic in * or ***, "**" bold in ** or ***


def _run(doc, pos: int, step: int, char: str) -> int:
    """How many `char` in a row start at pos going by step (-1: before pos, +1: from pos)."""
    count, i = 0, pos - 1 if step < 0 else pos
    while 0 <= i < doc.characterCount() - 1 and doc.characterAt(i) == char and count < 4:
        count += 1
        i += step
    return count


def toggle_wrap(cursor: QTextCursor, marker: str) -> QTextCursor:
    """Wrap the selection in `marker`, or unwrap it if already wrapped (inside or around).
    With no selection, the markers are inserted with the cursor between them."""
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    m, char = len(marker), marker[0]
    valid = _VALID_RUNS[m]
    selected = cursor.selectedText()
    lead = len(selected) - len(selected.lstrip(char))
    trail = len(selected) - len(selected.rstrip(char))
    cursor.beginEditBlock()
    if len(selected) > 2 * m and lead in valid and trail in valid:
        _remove(cursor, end - m, end)
        _remove(cursor, start, start + m)
        start, end = start, end - 2 * m
    elif _run(doc, start, -1, char) in valid and _run(doc, end, 1, char) in valid:
        _remove(cursor, end, end + m)
        _remove(cursor, start - m, start)
        start, end = start - m, end - m
    else:
        _insert(cursor, end, marker)
        _insert(cursor, start, marker)
        start, end = start + m, end + m
    cursor.endEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def make_link(cursor: QTextCursor) -> QTextCursor:
    """`[selection](url)` with `url` selected; a selected URL becomes `[](URL)` with the
    cursor between the brackets."""
    start = cursor.selectionStart()
    selected = cursor.selectedText()
    cursor.beginEditBlock()
    if re.match(r"^(https?://|www\.)\S+$", selected):
        cursor.insertText(f"[]({selected})")
        cursor.endEditBlock()
        cursor.setPosition(start + 1)
        return cursor
    cursor.insertText(f"[{selected}](url)")
    cursor.endEditBlock()
    url_start = start + len(selected) + 3 if "\u2029" not in selected else cursor.position() - 4
    cursor.setPosition(url_start)
    cursor.setPosition(url_start + 3, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def current_heading_level(text: str) -> int:
    m = HEADING_PREFIX.match(text)
    return len(m.group(2)) if m else 0


def set_heading_level(cursor: QTextCursor, level: int) -> QTextCursor:
    """Make every line touched by the selection a level-`level` heading (0: paragraph).
    Asking for the level the first line already has turns the lines back into paragraphs."""
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    if level and current_heading_level(first.text()) == level:
        level = 0
    cursor.beginEditBlock()
    block = first
    while block.isValid():
        m = HEADING_PREFIX.match(block.text())
        old_len = m.end() if m else 0
        new_prefix = "#" * level + " " if level else ""
        if m and level:
            new_prefix = m.group(1) + new_prefix
        edit = QTextCursor(block)
        edit.setPosition(block.position() + old_len, QTextCursor.MoveMode.KeepAnchor)
        if edit.selectedText() != new_prefix:
            edit.insertText(new_prefix)
        if block == last:
            break
        block = block.next()
    cursor.endEditBlock()
    return cursor


def make_code_fence(cursor: QTextCursor) -> QTextCursor:
    """Put a ``` fence around the lines of the selection (or the current line); the cursor
    ends after the opening fence, where the language goes."""
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
        last = last.previous()  # a selection ending at a line start does not include that line
    longest, block = 0, first
    while block.isValid():
        for run in re.findall(r"`+", block.text()):
            longest = max(longest, len(run))
        if block == last:
            break
        block = block.next()
    fence = "`" * max(3, longest + 1)
    cursor.beginEditBlock()
    empty = first == last and not first.text()
    _insert(cursor, last.position() + last.length() - 1, "\n" + fence if not empty else
            "\n\n" + fence)
    _insert(cursor, first.position(), fence + ("\n" if not empty else ""))
    cursor.endEditBlock()
    cursor.setPosition(first.position() + len(fence))
    return cursor


def _insert(cursor: QTextCursor, pos: int, text: str) -> None:
    cursor.setPosition(pos)
    cursor.insertText(text)


def _remove(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
