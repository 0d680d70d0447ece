"""The first match of a line-anchored pattern in a block, found without rereading the block
from its start every time. Python-Markdown's block processors take a block's first line and
hand the rest back, so the next block is the last one's tail; a test that searches the whole
block (`# heading` at any line, a quote line, a rule) then reads the same text again for
every line taken: 25,000 `---` lines in one block took over 20 s. Here a search resumes from
where the last one left off in the longest block seen, which is checked (not assumed) to end
with the block at hand. No PySide6."""

from __future__ import annotations

import re


class SuffixSearch:
    """`search(block)` is `regex.search(block)` for a regex whose matches start at a line
    start (`^` under re.MULTILINE, or `(?:^|\\n)`) and that has no lookbehind: then every
    match in a block that is a whole-line tail of a longer text is a match there too, at the
    same place (or at the newline before it), and the leftmost one can be looked for from
    where the last search stopped."""

    # Blocks nested in the one being taken apart (a definition's, an item's) are searched
    # between its lines: a few texts are followed at once, the least recent one given up.
    KEPT = 4
    # A short block is searched as it is: rereading it costs less than the bookkeeping (a
    # post's blocks are mostly a few lines; the memo is for blocks of thousands of lines).
    SHORT = 4096

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        self._kept: list[_Scan] = []

    def search(self, block: str) -> re.Match | None:
        if len(block) < self.SHORT:
            return self.regex.search(block)
        scan = self._scan_of(block)
        skip = len(scan.base) - len(block)
        start = max(0, skip - 1)  # `(?:^|\n)`: the newline before the tail may begin it
        if scan.scanned < 0 or start < scan.scanned or (
                scan.first is not None and scan.first < start):
            found = self.regex.search(scan.base, start)
            scan.scanned, scan.first = start, None if found is None else found.start()
        if scan.first is None:
            return None
        # The leftmost match in the block is at or after the one found in the longer text.
        return self.regex.search(block, max(0, scan.first - skip))

    def _scan_of(self, block: str) -> _Scan:
        kept = self._kept
        for i, scan in enumerate(kept):
            skip = len(scan.base) - len(block)
            if skip >= 0 and (not skip or scan.base[skip - 1] == "\n") \
                    and scan.base.endswith(block):
                if i:
                    kept.insert(0, kept.pop(i))
                return scan
        kept.insert(0, _Scan(block))
        del kept[self.KEPT:]
        return kept[0]


class _Scan:
    """A text searched lately: the search in it started at `scanned` and found its first
    match at `first` (None: none)."""

    __slots__ = ("base", "scanned", "first")

    def __init__(self, base: str) -> None:
        self.base, self.scanned, self.first = base, -1, None
