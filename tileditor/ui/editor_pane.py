"""EditorPane: the Markdown source editor. Holds the text the window gives it and gives it back
byte-exact (NBSP, ZWSP and U+202F survive), speaks FILE line numbers, and turns drops, pastes
and Typora-like shortcuts into signals or single undo steps. Must not import tileditor.services."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFontDatabase, QImage, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from tileditor.ui import markdown_edits as edits
from tileditor.ui.markdown_highlighter import MarkdownHighlighter
from tileditor.ui.text_mirror import TextMirror

# Dropped files with these endings are text to insert, not pictures to import.
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".yml", ".yaml"})
WORD = re.compile(r"\w+(?:['’-]\w+)*")
PARAGRAPH_SEPARATOR = "\u2029"

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
_HEADING_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(7)}


def image_paths(mime: QMimeData) -> list[str]:
    """Local files dropped or pasted ([] unless every URL is a local file). Files that are not
    images are passed on too, so the importer can refuse them with a message instead of the
    editor silently inserting their path as text."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    if not paths or len(paths) != len(urls):
        return []
    if any(Path(p).suffix.lower() in TEXT_SUFFIXES for p in paths):
        return []  # a Markdown/text file dropped on the editor: let Qt insert it as usual
    return paths


class EditorPane(QPlainTextEdit):
    """Signals: `text_edited()` after any change but `set_text`; `top_line_changed(int)` file
    line at the top of the viewport; `cursor_line_changed(int)` file line of the cursor;
    `images_dropped(list[str], int)` local image files dropped or pasted as files, with the
    text position there; `image_pasted(QImage)` clipboard image without text or URLs;
    `context_menu_opening(QMenu, QTextCursor)` right before the context menu shows (a direct
    slot may add entries for the clicked spot); `text_loaded()` after `set_text` (which
    highlights without spell checking: the spelling flow repaints a slice at a time).
    Positions are indices into `text()`."""

    text_edited = Signal()
    top_line_changed = Signal(int)
    cursor_line_changed = Signal(int)
    images_dropped = Signal(list, int)
    image_pasted = Signal(QImage)
    context_menu_opening = Signal(object, object)
    text_loaded = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self._first_line = 1
        self._loading = False
        self._repainting = False
        self._last_top = 1
        self._last_cursor_line = 1
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkdownHighlighter(self.document())
        # Connected before contentsChanged: the copy is current when text_edited goes out.
        self._mirror = TextMirror(self.document())
        self.document().contentsChanged.connect(self._on_document_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- text in and out ---------------------------------------------------------------------

    def set_text(self, text: str, first_line: int = 1) -> None:
        """Replace the whole text (no text_edited, undo history cleared). `first_line` is the
        file line number of the editor's first line, so signals speak file lines."""
        self._first_line = max(1, int(first_line))
        self.highlighter.front_matter_allowed = self._first_line == 1
        self._loading = True
        self.highlighter.spell_paused = True  # a 5,000-line post: 0.3 s more, all at once
        self._mirror.paused = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
            self.highlighter.spell_paused = False
            self._mirror.paused = False
            self._mirror.reset()
        self._last_top = self.top_line()
        self._last_cursor_line = self.cursor_line_column()[0]
        self.text_loaded.emit()

    def text(self) -> str:
        """The text exactly (toPlainText() would turn U+00A0 into spaces), from the Python
        copy kept in step with every edit (cheap for a huge post)."""
        return self._mirror.text()

    def qt_text(self) -> str:
        """The same, read out of Qt (the copy's reference; costs ~10 ms per MB)."""
        return self.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")

    def char_count(self) -> int:
        """About len(text()) (Qt counts a non-BMP character twice), without copying it."""
        return self.document().characterCount() - 1

    def first_line(self) -> int:
        return self._first_line

    # -- edits (one undo step each) ----------------------------------------------------------

    def insert_at(self, position: int, text: str) -> None:
        self.replace_range(position, position, text)

    def replace_range(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()

    def toggle_bold(self) -> None:
        self.setTextCursor(edits.toggle_wrap(self.textCursor(), "**"))

    def toggle_italic(self) -> None:
        self.setTextCursor(edits.toggle_wrap(self.textCursor(), "*"))

    def make_link(self) -> None:
        self.setTextCursor(edits.make_link(self.textCursor()))

    def set_heading_level(self, level: int) -> None:
        """0 = paragraph; applying the current level again makes it a paragraph (Typora)."""
        edits.set_heading_level(self.textCursor(), level)

    def make_code_fence(self) -> None:
        self.setTextCursor(edits.make_code_fence(self.textCursor()))

    # -- where things are --------------------------------------------------------------------

    def goto_line(self, file_line: int) -> None:
        """Put the cursor at the start of `file_line` and scroll it to the top."""
        number = max(0, int(file_line) - self._first_line)
        block = self.document().findBlockByNumber(
            min(number, self.document().blockCount() - 1))
        self.setTextCursor(QTextCursor(block))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.ensureCursorVisible()
        self.setFocus()

    def top_line(self) -> int:
        return self.firstVisibleBlock().blockNumber() + self._first_line

    def cursor_position(self) -> int:
        """The cursor as an index into text() (what insert_at takes)."""
        return self._from_qt(self.textCursor().position())

    def cursor_line_column(self) -> tuple[int, int]:
        """(file line, column), both 1-based; the column counts characters."""
        cursor = self.textCursor()
        block = cursor.block()
        column = len(block.text()[: cursor.positionInBlock()])
        return block.blockNumber() + self._first_line, column + 1

    def word_count(self) -> int:
        return len(WORD.findall(self.text()))

    def rehighlight_block(self, block) -> None:
        """Highlight `block` again (a dictionary loaded, a word was added): Qt reports a
        format change as a content change, which must not count as an edit."""
        self._repainting = True
        try:
            self.highlighter.rehighlightBlock(block)
        finally:
            self._repainting = False

    # -- Qt overrides ------------------------------------------------------------------------

    def contextMenuEvent(self, ev) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(ev.pos())
        self.context_menu_opening.emit(menu, self.cursorForPosition(ev.pos()))
        menu.exec(ev.globalPos())
        menu.deleteLater()

    def event(self, ev: QEvent) -> bool:
        # Claim our formatting keys before window-level shortcuts can take them.
        if ev.type() == QEvent.Type.ShortcutOverride and self._shortcut_for(ev) is not None:
            ev.accept()
            return True
        return super().event(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802
        action = self._shortcut_for(ev)
        if action is None:
            super().keyPressEvent(ev)
            return
        action()
        ev.accept()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        if image_paths(source) or source.hasImage():
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        paths = image_paths(source)
        if paths:
            self.images_dropped.emit(paths, self._from_qt(self.textCursor().position()))
            return
        if source.hasImage() and not source.hasText() and not source.hasUrls():
            image = QImage(source.imageData())
            if not image.isNull():
                self.image_pasted.emit(image)
            return
        super().insertFromMimeData(source)

    def dragEnterEvent(self, ev) -> None:  # noqa: N802
        if image_paths(ev.mimeData()):
            ev.acceptProposedAction()
            return
        super().dragEnterEvent(ev)

    def dragMoveEvent(self, ev) -> None:  # noqa: N802
        if image_paths(ev.mimeData()):
            ev.acceptProposedAction()
            return
        super().dragMoveEvent(ev)

    def dropEvent(self, ev) -> None:  # noqa: N802
        paths = image_paths(ev.mimeData())
        if not paths:
            super().dropEvent(ev)
            return
        qt_pos = self.cursorForPosition(ev.position().toPoint()).position()
        ev.acceptProposedAction()
        self.images_dropped.emit(paths, self._from_qt(qt_pos))

    # -- internals ---------------------------------------------------------------------------

    def _shortcut_for(self, ev: QKeyEvent):
        mods = ev.modifiers() & (CTRL | SHIFT | Qt.KeyboardModifier.AltModifier)
        key = ev.key()
        if mods == CTRL:
            if key == Qt.Key.Key_B:
                return self.toggle_bold
            if key == Qt.Key.Key_I:
                return self.toggle_italic
            if key == Qt.Key.Key_K:
                return self.make_link
            if key in _HEADING_KEYS:
                level = _HEADING_KEYS[key]
                return lambda: self.set_heading_level(level)
        if mods == CTRL | SHIFT and key == Qt.Key.Key_K:
            return self.make_code_fence
        return None

    def _to_qt(self, index: int) -> int:
        """Index into text() -> Qt position (Qt counts UTF-16 units: astral chars are 2)."""
        text = self.text()
        index = max(0, min(int(index), len(text)))
        prefix = text[:index]
        return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)

    def _from_qt(self, position: int) -> int:
        text = self.text()
        units = 0
        for i, ch in enumerate(text):
            if units >= position:
                return i
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(text)

    def _on_document_changed(self) -> None:
        if not self._loading and not self._repainting:
            self.text_edited.emit()

    def _on_scrolled(self, _value: int) -> None:
        top = self.top_line()
        if top != self._last_top:
            self._last_top = top
            self.top_line_changed.emit(top)

    def _on_cursor_moved(self) -> None:
        line = self.cursor_line_column()[0]
        if line != self._last_cursor_line:
            self._last_cursor_line = line
            self.cursor_line_changed.emit(line)
