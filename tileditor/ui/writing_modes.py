"""Writing comfort on the editor: zoom (Ctrl+=, Ctrl+-, Ctrl+wheel), focus mode (the paragraph
being written bright, the rest dimmed) and typewriter scrolling (the line being written stays
mid-screen). Owns only view state of one QPlainTextEdit; must not touch the document's text."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

MIN_POINT_SIZE, MAX_POINT_SIZE = 6, 40


class WritingModes(QObject):
    """`zoom_changed(point_size)` fires when the user zooms, so the size can be remembered."""

    zoom_changed = Signal(int)

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.focus_mode = False
        self.typewriter = False
        editor.cursorPositionChanged.connect(self._on_editor_cursor_moved)
        editor.viewport().installEventFilter(self)

    # -- zoom --------------------------------------------------------------------------------
    def point_size(self) -> int:
        return self.editor.font().pointSize()

    def set_point_size(self, size: int) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, int(size)))
        if size == self.point_size():
            return
        font = self.editor.font()
        font.setPointSize(size)
        self.editor.setFont(font)
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance(" ") * 4)

    def zoom(self, steps: int) -> None:
        before = self.point_size()
        self.set_point_size(before + steps)
        if self.point_size() != before:
            self.zoom_changed.emit(self.point_size())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        # Ctrl+wheel zooms (QPlainTextEdit's own Ctrl+wheel zoom is not remembered).
        if event.type() == event.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            return True
        return super().eventFilter(obj, event)

    # -- focus and typewriter ----------------------------------------------------------------
    def set_focus_mode(self, on: bool) -> None:
        self.focus_mode = bool(on)
        self._dim_other_paragraphs()

    def set_typewriter(self, on: bool) -> None:
        self.typewriter = bool(on)
        # Lets the last lines scroll up to mid-screen too.
        self.editor.setCenterOnScroll(self.typewriter)
        if self.typewriter:
            self.editor.centerCursor()

    def _on_editor_cursor_moved(self) -> None:
        if self.focus_mode:
            self._dim_other_paragraphs()
        if self.typewriter:
            self.editor.centerCursor()

    def _dim_other_paragraphs(self) -> None:
        """Two extra selections (before and after the paragraph holding the cursor) with a
        faded text colour: constant work per keystroke, whatever the post's length."""
        if not self.focus_mode:
            self.editor.setExtraSelections([])
            return
        start, end = self._paragraph_bounds()
        doc_end = self.editor.document().characterCount() - 1
        fmt = QTextCharFormat()
        text = self.editor.palette().color(QPalette.ColorRole.Text)
        base = self.editor.palette().color(QPalette.ColorRole.Base)
        fmt.setForeground(_mix(text, base, 0.62))
        selections = []
        for lo, hi in ((0, start), (end, doc_end)):
            if hi > lo:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = QTextCursor(self.editor.document())
                sel.cursor.setPosition(lo)
                sel.cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                sel.format = fmt
                selections.append(sel)
        self.editor.setExtraSelections(selections)

    def _paragraph_bounds(self) -> tuple[int, int]:
        """Qt positions of the blank-line-delimited paragraph around the cursor."""
        block = self.editor.textCursor().block()
        first = last = block
        while first.previous().isValid() and first.previous().text().strip():
            first = first.previous()
        while last.next().isValid() and last.next().text().strip():
            last = last.next()
        return first.position(), last.position() + last.length() - 1

    def dimmed_ranges(self) -> list[tuple[int, int]]:
        """The dimmed spans as (start, end) Qt positions (for tests and the benchmark)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.editor.extraSelections()]


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() * (1 - t) + b.red() * t), round(a.green() * (1 - t) + b.green() * t),
                  round(a.blue() * (1 - t) + b.blue() * t))
