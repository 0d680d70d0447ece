"""Linear-time link, image, reference and footnote-reference scanning: Python-Markdown's own
processors rescan to the end of the text for every unmatched `[`, `(` or `[^` (quadratic on a
run of them); these subclasses find the same matches through a matching table built once per
text. Same output as the processors they replace. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.extensions.footnotes import FootnoteInlineProcessor
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)

from tileditor.core.render.kramdown.inline_triggers import forward_only


class Pairs:
    """Where the forward count of each opener (`[` or `(`) in one text first returns to zero,
    i.e. what Python-Markdown's getText/getLink loops find, for every opener at once.

    Positions are kept as distances from the text's end: Python-Markdown replaces each match
    with a placeholder, which rewrites only text *before* the scan position, so the table
    stays valid for the unchanged tail of the new text (checked, not assumed)."""

    def __init__(self, opener: str, closer: str) -> None:
        self._opener = opener
        self._scan = re.compile(f"[{re.escape(opener)}{re.escape(closer)}]")
        self._text: str | None = None
        self._covered = -1  # the table holds every opener within this distance from the end
        self._close: dict[int, int] = {}

    def close_of(self, data: str, pos: int) -> int | None:
        """Index of the closer matching the opener at data[pos], or None when none does."""
        n = len(data)
        dist = n - pos
        if data is not self._text or dist > self._covered:
            old = self._text
            if (old is not None and dist <= self._covered and len(old) >= dist
                    and old.endswith(data[pos:])):
                self._text, self._covered = data, dist
            else:
                self._build(data, pos)
        found = self._close.get(dist)
        return None if found is None else n - found

    def _build(self, data: str, start: int) -> None:
        n = len(data)
        close: dict[int, int] = {}
        stack: list[int] = []
        for m in self._scan.finditer(data, start):
            if m.group() == self._opener:
                stack.append(n - m.start())
            elif stack:
                close[stack.pop()] = n - m.start()
        self._text, self._covered, self._close = data, n - start, close


class NextMatch:
    """The next match of a pattern at or after a position, remembered per text: asked for
    rising positions, the whole text is searched once instead of once per position."""

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(pattern)
        self._last: tuple[str | None, int, int] = (None, 0, -1)  # text, from, found (-1: none)

    def at_or_after(self, data: str, pos: int) -> int:
        text, frm, found = self._last
        if not (text is data and frm <= pos and (found < 0 or pos <= found)):
            m = self._pattern.search(data, pos)
            found = m.start() if m else -1
            self._last = (data, pos, found)
        return found


class _LinearScan:
    """getText/getLink through Pairs tables; anything unusual falls back to the original."""

    _tl_pairs: tuple[Pairs, Pairs, NextMatch] | None = None  # made at first use, per processor

    def _tables(self) -> tuple[Pairs, Pairs, NextMatch]:
        if self._tl_pairs is None:
            self._tl_pairs = (Pairs("[", "]"), Pairs("(", ")"), NextMatch("['\"]"))
        return self._tl_pairs

    def getText(self, data: str, index: int):  # noqa: N802 (Python-Markdown's name)
        if index == 0 or data[index - 1] != "[":
            return super().getText(data, index)
        close = self._tables()[0].close_of(data, index - 1)
        if close is None:  # callers drop the text of an unclosed `[` (copying it is quadratic)
            return "", len(data), False
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int):  # noqa: N802 (Python-Markdown's name)
        m = self.RE_LINK.match(data, pos=index)
        if m is None or m.group(1):
            return super().getLink(data, index)
        _, parens, quotes = self._tables()
        close = parens.close_of(data, index)
        end = len(data) if close is None else close
        if 0 <= quotes.at_or_after(data, m.end()) < end:
            return super().getLink(data, index)  # a title: the original's quote tracking
        if close is None:
            return "", None, end, False
        return self.unescape(data[m.end():close]).strip(), None, close + 1, True


class LinearLinkProcessor(_LinearScan, LinkInlineProcessor):
    pass


class LinearImageProcessor(_LinearScan, ImageInlineProcessor):
    pass


class LinearReferenceProcessor(_LinearScan, ReferenceInlineProcessor):
    pass


class LinearShortReferenceProcessor(_LinearScan, ShortReferenceInlineProcessor):
    pass


class LinearImageReferenceProcessor(_LinearScan, ImageReferenceInlineProcessor):
    pass


class LinearShortImageReferenceProcessor(_LinearScan, ShortImageReferenceInlineProcessor):
    pass


_FOOTNOTE_FULL = re.compile(r"\[\^([^\]]*)\]")


@forward_only
class LinearFootnoteProcessor(FootnoteInlineProcessor):
    """`[^id]` found from `[^` and the next `]` (cached per text), instead of the regex
    `\\[\\^([^\\]]*)\\]` that runs to the end of the text for every `[^` without a `]`."""

    def __init__(self, footnotes) -> None:
        super().__init__(r"\[\^", footnotes)
        self._closer = NextMatch(r"\]")

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        start = m.end(0)
        found = self._closer.at_or_after(data, start)
        if found < 0 or found - start > max(map(len, self.footnotes.footnotes), default=-1):
            return None, None, None  # no `]`, or an id longer than any defined one
        full = _FOOTNOTE_FULL.match(data, m.start(0), found + 1)
        return super().handleMatch(full, data)


# Python-Markdown's name of each link-family pattern -> (linear twin, its pattern).
REPLACEMENTS = {
    "reference": (LinearReferenceProcessor, REFERENCE_RE),
    "link": (LinearLinkProcessor, LINK_RE),
    "image_link": (LinearImageProcessor, IMAGE_LINK_RE),
    "image_reference": (LinearImageReferenceProcessor, IMAGE_REFERENCE_RE),
    "short_reference": (LinearShortReferenceProcessor, REFERENCE_RE),
    "short_image_ref": (LinearShortImageReferenceProcessor, IMAGE_REFERENCE_RE),
}

