"""A Python copy of a QTextDocument's text, one string per block, kept in step through
`contentsChange`: the whole text of a 20 MB post is then a join (~1 ms per MB, cached until the
next edit) instead of a conversion out of Qt (~10 ms per MB, holding the GIL). Only block
numbers are used, never positions (Qt counts UTF-16 units, Python code points); after every
change the UTF-16 length is checked against Qt's and the copy is rebuilt from Qt whenever the
two disagree. Must not import tileditor.services."""

from __future__ import annotations

import logging

from PySide6.QtGui import QTextDocument

log = logging.getLogger(__name__)
BLOCK_SEPARATOR = "\u2029"  # how toRawText() ends a block (U+2029 in a post travels as a stand-in)


def _u16(line: str) -> int:
    return len(line.encode("utf-16-le", "surrogatepass")) // 2


class TextMirror:
    """`text()` equals `document.toRawText().replace("\u2029", "\n")` at every moment."""

    def __init__(self, document: QTextDocument) -> None:
        self._doc = document
        self._lines: list[str] = [""]
        self._units = 0  # UTF-16 units of all lines, without the block separators
        self._joined: str | None = ""
        self.paused = False  # set while the whole text is replaced; reset() follows
        self.rebuilds = 0  # times the copy disagreed with Qt (a bug if ever above 0)
        self.reset()
        document.contentsChange.connect(self._on_contents_change)

    def reset(self) -> None:
        raw = self._doc.toRawText()
        self._lines = raw.split(BLOCK_SEPARATOR)
        self._units = _u16(raw) - (len(self._lines) - 1)
        self._joined = None

    def text(self) -> str:
        if self._joined is None:
            self._joined = "\n".join(self._lines)
        return self._joined

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self.paused:
            return
        doc = self._doc
        first = doc.findBlock(position)
        if not first.isValid():
            self._rebuild("no block at the change")
            return
        # Blocks after the change are the old ones shifted by the change in block count, so
        # the block holding the end of the new text stands for the one that held the end of
        # the removed text. Reading a block too many is harmless.
        delta = doc.blockCount() - len(self._lines)
        end = doc.findBlock(position + added)
        last_new = end.blockNumber() if end.isValid() else doc.blockCount() - 1
        start, last_old = first.blockNumber(), last_new - delta
        if last_old < start - 1 or last_old >= len(self._lines):
            self._rebuild("change outside the copy")
            return
        fresh, block = [], first
        for _ in range(last_new - start + 1):
            fresh.append(block.text())
            block = block.next()
        old = self._lines[start:last_old + 1]
        self._units += sum(map(_u16, fresh)) - sum(map(_u16, old))
        self._lines[start:last_old + 1] = fresh
        self._joined = None
        if self._units + len(self._lines) != doc.characterCount():
            self._rebuild("length differs")

    def _rebuild(self, why: str) -> None:
        self.rebuilds += 1
        log.warning("editor text copy rebuilt from Qt: %s", why)
        self.reset()
