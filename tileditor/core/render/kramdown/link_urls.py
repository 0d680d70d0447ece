"""A link's `(destination "title")` read as kramdown reads it (parser/kramdown/link.rb, 2.4):
the destination is the text up to the `)` that balances the `(`, or up to a space before a
quote, backslashes and all (`[a](foo\\_bar)` links to `foo\\_bar`; `\\(` counts as a
parenthesis); `(<...>)` takes what the angle brackets hold on their line; a title runs to the
first matching quote that only spaces separate from a `)`, backslashes kept too. So
`[a]("t")` links to `"t"`. Python-Markdown would drop the backslashes, read `"t"` as a title
and balance only unescaped parentheses. Must not import PySide6."""

from __future__ import annotations

import re

from markdown import util
from markdown.treeprocessors import UnescapeTreeprocessor

from tileditor.core.render.kramdown.link_scan import (
    LinearImageProcessor,
    LinearLinkProcessor,
    Pairs,
)

# A backslash escape reaches a link's pattern as a stashed node (INLINE_PLACEHOLDER) whose
# value is the escape pass's \x02NN\x03 (NN the character's code point).
_ESCAPED = UnescapeTreeprocessor.RE
_NODE = util.INLINE_PLACEHOLDER_RE
_NODE_ID = util.INLINE_PLACEHOLDER % r"(\d+)"
_PAREN = re.compile(r"[()]|" + _NODE_ID)
_SPACE_QUOTE = re.compile(r"[ \t\r\n\f\v](?=[\"'])")  # Ruby's \s before a quote
_SPACES = re.compile(r"[ \t\r\n\f\v]*")
_ANGLE_STOP = re.compile(r"[>\n]|" + _NODE_ID)
_REACH = 1024  # searches for a `>`, quote or title end stop this far on (bounded work per `](`)


class Escapes:
    """Reads the escapes of one inline pass (its stashed nodes)."""

    def __init__(self, stash: dict) -> None:
        self.stash = stash

    def char(self, node_id: str) -> str | None:
        """The character a stashed node escapes, or None when it is no escape."""
        value = self.stash.get(node_id)
        m = _ESCAPED.fullmatch(value) if isinstance(value, str) else None
        return chr(int(m.group(1))) if m else None

    def raw(self, text: str) -> str:
        """`text` with each escape back as the backslash and character typed."""
        if util.STX not in text:
            return text

        def typed(m: re.Match) -> str:
            ch = self.char(m.group(1))
            return m.group(0) if ch is None else "\\" + ch

        return _NODE.sub(typed, text)

    def plain(self, text: str) -> str:
        """`text` as read: each escape its character, other stashed nodes their text."""
        if util.STX not in text:
            return text

        def read(m: re.Match) -> str:
            ch = self.char(m.group(1))
            if ch is not None:
                return ch
            value = self.stash.get(m.group(1))
            if value is None:
                return m.group(0)
            return value if isinstance(value, str) else "".join(value.itertext())

        return _NODE.sub(read, text)


class KramdownParens(Pairs):
    """Pairs over kramdown's parentheses: escaped ones count (`\\(` is `\\` and `(`)."""

    def __init__(self) -> None:
        super().__init__("(", ")")
        self._scan = _PAREN
        self.escapes: Escapes | None = None

    def _build(self, data: str, start: int) -> None:
        n = len(data)
        close: dict[int, int] = {}
        stack: list[int] = []
        for m in self._scan.finditer(data, start):
            ch = m.group() if m.group(1) is None else self.escapes.char(m.group(1))
            if ch == "(":
                stack.append(n - m.start())
            elif ch == ")" and stack:
                close[stack.pop()] = n - m.start()
        self._text, self._covered, self._close = data, n - start, close


def read_destination(data: str, index: int, parens: KramdownParens
                     ) -> tuple[str, str | None, int] | None:
    raw = parens.escapes.raw
    """(href, title, end offset) of the `(...)` at data[index], or None when kramdown makes
    no link of it."""
    if not data.startswith("(", index):
        return None
    reach = min(len(data), index + _REACH)
    if data.startswith("(<", index):
        angle = _angle_end(data, index + 2, reach, parens.escapes)
        if angle is not None:
            url, end = angle
            if data.startswith(")", end):
                return url, None, end + 1
            return _title(data, end, url, reach, parens.escapes)
    close = parens.close_of(data, index)
    stop = _SPACE_QUOTE.search(data, index, reach if close is None else min(close, reach))
    if stop is not None:
        return _title(data, stop.end(), raw(data[index + 1:stop.start()]).strip(), reach,
                      parens.escapes)
    if close is None:
        return None
    end = _PAREN.match(data, close)
    # An escaped `)` closes too; what the reader typed before it was its backslash.
    return (raw(data[index + 1:close]) + ("\\" if end.group(1) else "")).strip(), None, end.end()


def _angle_end(data: str, at: int, reach: int, escapes: Escapes) -> tuple[str, int] | None:
    """kramdown's `<(.*?)>` from `at` (after `(<`): the URL and the offset after the first
    `>` on the line (an escaped one too, its backslash kept), or None."""
    for m in _ANGLE_STOP.finditer(data, at, reach):
        if m.group() == "\n":
            return None
        if m.group(1) is None or escapes.char(m.group(1)) == ">":
            tail = "\\" if m.group(1) else ""
            return escapes.raw(data[at:m.start()]) + tail, m.end()
    return None


def _title(data: str, at: int, url: str, reach: int, escapes: Escapes
           ) -> tuple[str, str | None, int] | None:
    """kramdown's `\\s*?(["'])(.+?)\\1\\s*?\\)` at `at`: an escaped quote (`\\"`) ends a
    title too, its backslash kept."""
    at = _SPACES.match(data, at).end()
    quote = data[at:at + 1]
    if quote not in ('"', "'"):
        return None
    ender = re.compile(rf"(?:{quote}|{_NODE_ID})[ \t\r\n\f\v]*\)")
    for found in ender.finditer(data, at + 2, reach):
        escaped = found.group(1)
        if escaped is None or escapes.char(escaped) == quote:
            title = escapes.raw(data[at + 1:found.start()]) + ("\\" if escaped else "")
            return url, title, found.end()
    return None


class _KramdownDestination:
    _tl_parens: KramdownParens | None = None

    def getLink(self, data: str, index: int):  # noqa: N802 (Python-Markdown's name)
        if self._tl_parens is None:
            self._tl_parens = KramdownParens()
        self._tl_parens.escapes = Escapes(self.md.treeprocessors["inline"].stashed_nodes)
        found = read_destination(data, index, self._tl_parens)
        if found is None:
            return "", None, index, False
        href, title, end = found
        return self.unescape(href), title, end, True


class KramdownLinkProcessor(_KramdownDestination, LinearLinkProcessor):
    pass


class KramdownImageProcessor(_KramdownDestination, LinearImageProcessor):
    pass


class KramdownImageFirstProcessor(KramdownImageProcessor):
    """`![alt](src)` before links are read (kramdown reads left to right, so a link inside
    an image's brackets is alt text): the alt is the text between the brackets as typed,
    escapes read (`![foo [bar](/u)](/i)`: alt `foo [bar](/u)`)."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        el, start, end = super().handleMatch(m, data)
        if el is not None:
            text, _index, _handled = self.getText(data, m.end(0))
            escapes = Escapes(self.md.treeprocessors["inline"].stashed_nodes)
            el.set("alt", escapes.plain(text))
        return el, start, end


# The Python-Markdown pattern each one reads destinations for, in the kramdown bundle.
KRAMDOWN = {"link": KramdownLinkProcessor, "image_link": KramdownImageProcessor}
