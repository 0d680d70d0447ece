"""OutlinePanel: the post's headings as a tree (ATX, kramdown's `#Title`, Setext), ignoring code
fences, Liquid highlight/comment blocks and the front matter; clicking one reports its FILE line.
Must not import tileditor.services or reach into other widgets."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from tileditor.core.frontmatter import split_front_matter

ATX = re.compile(r"^ {0,3}(#{1,6})(?!#)[ \t]*(.*?)[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
NOT_SETEXT_TEXT = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|>|\||<|\{:|#)|^ {4}|^\t")
LIQUID_OPEN = re.compile(r"\{%-?\s*(highlight|comment|raw)\b")
LIQUID_CLOSE = {"highlight": "endhighlight", "comment": "endcomment", "raw": "endraw"}
TRAILING = re.compile(r"(?:[ \t]+#+)?[ \t]*(?:\{[:#][^}]*\}[ \t]*)*$")


class Heading(NamedTuple):
    level: int
    file_line: int
    text: str


def _clean(text: str) -> str:
    return TRAILING.sub("", text).strip() if text.strip() not in ("#", "") else ""


def _body_offset(text: str, first_line: int) -> tuple[str, int]:
    """Drop the front matter (only when the text starts the file); returns (body, its line)."""
    if first_line == 1:
        span = split_front_matter(text)
        if span is not None:
            return text[span.body_start:], 1 + text.count("\n", 0, span.body_start)
    return text, first_line


def find_headings(text: str, first_line: int = 1) -> list[Heading]:
    """Headings of a post (or its body, when `first_line` > 1) with FILE line numbers."""
    body, line0 = _body_offset(text, first_line)
    out: list[Heading] = []
    fence: str | None = None
    liquid: str | None = None
    prev = ""
    for i, line in enumerate(body.split("\n")):
        number = line0 + i
        if fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            prev = ""
            continue
        if liquid is not None:
            if re.search(r"\{%-?\s*" + liquid + r"\b", line):
                liquid = None
            prev = ""
            continue
        m = FENCE.match(line)
        if m:
            fence, prev = m.group(1), ""
            continue
        lm = LIQUID_OPEN.search(line)
        if lm and LIQUID_CLOSE[lm.group(1)] not in line[lm.end():]:
            liquid, prev = LIQUID_CLOSE[lm.group(1)], ""
            continue
        atx = ATX.match(line)
        if atx and _clean(atx.group(2)):
            out.append(Heading(len(atx.group(1)), number, _clean(atx.group(2))))
            prev = ""
            continue
        setext = SETEXT.match(line)
        if setext and prev.strip() and not NOT_SETEXT_TEXT.match(prev):
            level = 1 if setext.group(1)[0] == "=" else 2
            out.append(Heading(level, number - 1, _clean(prev)))
            prev = ""
            continue
        prev = line
    return out


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
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)

    def set_text(self, text: str, first_line: int = 1) -> None:
        """Rebuild from the text (cheap no-op when the headings did not change)."""
        headings = find_headings(text, first_line)
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
            item.setToolTip(0, f"Line {heading.file_line}")
            parents.append((heading.level, item))
        self.expandAll()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line = item.data(0, Qt.ItemDataRole.UserRole)
        if line is not None:
            self.heading_activated.emit(int(line))
