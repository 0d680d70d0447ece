"""OutlinePanel: the post's headings as a tree, clicking one reports its FILE line. Once the
post has rendered it lists the page's own headings (text, ids and lines: core/outline.py);
before that it reads them from the text with the renderer's lexicon. Must not import
tileditor.services or reach into other widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from tileditor.core.outline import Heading, find_headings, headings_from_render

__all__ = ["Heading", "OutlinePanel", "find_headings"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlinePanel(QTreeWidget):
    """objectName `outline`. Signal `heading_activated(int file_line)` on click or Enter."""

    heading_activated = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self._headings: list[Heading] = []
        self._rendered = False  # headings come from the last render, not from the text
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)

    def set_text(self, text: str, first_line: int = 1) -> None:
        """Rebuild from the text, until a render result arrives (cheap no-op when the
        headings did not change)."""
        if not self._rendered:
            self._show(find_headings(text, first_line))

    def show_render(self, result, text: str | None = None) -> None:
        """List the headings the rendered page shows (from now on, until forget_render);
        `text`, the rendered text, puts a heading the page numbers by its block on its line."""
        self.show_headings(headings_from_render(result, text))

    def show_headings(self, headings: list[Heading]) -> None:
        """List headings already read from a render (on the preview thread: the outline of a
        long post costs tens of milliseconds), from now on, until forget_render."""
        self._rendered = True
        self._show(list(headings))

    def forget_render(self) -> None:
        """Another post is open: read headings from the text again until it renders."""
        self._rendered = False

    def _show(self, headings: list[Heading]) -> None:
        if headings == self._headings:
            return
        self._headings = headings
        self._rebuild()

    def headings(self) -> list[Heading]:
        return list(self._headings)

    def set_current_line(self, file_line: int) -> None:
        """Select the heading of the section holding `file_line` (no signal)."""
        target = None
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) <= file_line:
                target = item
        self.blockSignals(True)
        self.setCurrentItem(target) if target is not None else self.clearSelection()
        self.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.invisibleRootItem()]
        while stack:
            node = stack.pop()
            for i in reversed(range(node.childCount())):
                stack.append(node.child(i))
            if node is not self.invisibleRootItem():
                out.append(node)
        return sorted(out, key=lambda it: it.data(0, Qt.ItemDataRole.UserRole))

    def _rebuild(self) -> None:
        self.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading in self._headings:
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            parent = parents[-1][1] if parents else self.invisibleRootItem()
            item = QTreeWidgetItem(parent, [heading.text])
            item.setData(0, Qt.ItemDataRole.UserRole, heading.file_line)
            item.setData(0, ID_ROLE, heading.id)
            item.setToolTip(0, f"Line {heading.file_line}")
            parents.append((heading.level, item))
        self.expandAll()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line = item.data(0, Qt.ItemDataRole.UserRole)
        if line is not None:
            self.heading_activated.emit(int(line))
