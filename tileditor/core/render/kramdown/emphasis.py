"""Emphasis as kramdown's parse_emphasis reads it, in place of Python-Markdown's CommonMark
delimiter runs: an opener is `*`, `**`, `_` or `__` not followed by a space (`_` not inside a
word), the closer is the next same delimiter not after a space, and an element never nests in
one of its own kind, where the inner delimiters stay text (`*int *ptr;*` is `<em>int
*ptr;</em>`, `**fast mode ** and **safe mode**` one `<strong>`). A `**` left open retries as
`*` one character on, dropping the first star, as kramdown does. Outcomes are memoised by
distance from the text's end so that hostile runs of openers stay linear. No PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import util
from markdown.inlinepatterns import InlineProcessor

from tileditor.core.render.kramdown.inline_triggers import forward_only

_ASCII_SPACE = " \t\n\v\f\r"  # Ruby's \s
_CANDIDATE = re.compile(r"[*_]")
_AT = re.compile(util.INLINE_PLACEHOLDER % r"(\d+)")  # a node the inline pass stashed
_BEFORE = re.compile(_AT.pattern + "$")  # one ending here


class _Parser:
    """kramdown's emphasis over one inline text; memo keys count from the text's end."""

    def __init__(self, data: str, stashed=None):
        self.data = data
        self.n = len(data)
        self.stashed = stashed or {}  # the inline pass's stashed nodes, by placeholder id
        self.scans: dict[tuple, tuple[bool, int]] = {}  # (from end, ctx) -> (found, stop)
        self.opens: dict[tuple, tuple] = {}  # (from end, stack) -> how the opener there ends

    def rebase(self, data: str) -> None:
        """`data` is the old text with a stretch replaced before where scanning resumes:
        what was learnt of positions counted from the end still holds there (an outcome
        depends on the text after it and one character before it, and the characters on
        both sides of a replaced element are not letters or spaces)."""
        self.data, self.n = data, len(data)

    # -- finding --------------------------------------------------------------------

    def opener(self, i: int, stack: tuple) -> tuple:
        """How parse_emphasis ends at i: ("text", end) or (tag, end, content start, stop)."""
        key = (self.n - i, stack)
        hit = self.opens.get(key)
        if hit is not None:
            return _shift(hit, self.n)
        data = self.data
        delim = data[i:i + 2] if data.startswith(data[i] * 2, i) else data[i]
        tag = "strong" if len(delim) == 2 else "em"
        after = i + len(delim)
        if (delim[0] == "_" and _after_letters(data, i)) or (
                after < self.n and data[after] in _ASCII_SPACE) or self._break_at(after) or (
                tag in stack):
            out = ("text", after)
        else:
            found, stop = self.scan(after, delim, tag, stack)
            if found:
                out = (tag, stop + len(delim), after, stop)
            elif tag == "strong" and (not stack or stack[-1] != "em"):
                found, stop = self.scan(i + 1, delim[0], "em", stack)
                out = ("em", stop + 1, i + 1, stop) if found else ("text", after)
            else:
                out = ("text", after)
        self.opens[key] = _unshift(out, self.n)
        return out

    def scan(self, pos: int, delim: str, tag: str, stack: tuple) -> tuple[bool, int]:
        """kramdown's parse_spans with the emphasis stop: (found, position of the closer)."""
        ctx = (delim, tag, stack)
        inner = (*stack, tag)
        visited: list[int] = []
        i, filled = pos, False
        while True:
            if filled:
                hit = self.scans.get((self.n - i, ctx))
                if hit is not None:
                    found, stop = hit[0], self.n - hit[1]
                    break
                visited.append(i)
            m = _CANDIDATE.search(self.data, i)
            if m is None:
                found, stop = False, self.n
                break
            j = m.start()
            filled = filled or j > i
            if self.data.startswith(delim, j) and self._stops(j, delim, tag, filled):
                found, stop = True, j
                break
            i, filled = self.opener(j, inner)[1], True
        for v in visited:
            self.scans[(self.n - v, ctx)] = (found, self.n - stop)
        return found, stop

    def _stops(self, j: int, delim: str, tag: str, filled: bool) -> bool:
        data = self.data
        if not filled or (j and data[j - 1] in _ASCII_SPACE) or self._after_break(j):
            return False
        after = j + len(delim)
        if tag == "em" and data.startswith(delim * 2, j) and not data.startswith(delim * 3, j):
            return False
        return delim[0] != "_" or not (after < self.n and data[after].isalnum())

    def _after_break(self, j: int) -> bool:
        """A hard line break (`  ` then a newline) was taken by the inline pass just before."""
        if not self.data.endswith(util.ETX, 0, j):
            return False
        m = _BEFORE.search(self.data, max(0, j - 24), j)
        return m is not None and getattr(self.stashed.get(m.group(1)), "tag", None) == "br"

    def _break_at(self, k: int) -> bool:
        """A hard line break (spaces for kramdown) starts at k."""
        m = _AT.match(self.data, k) if self.data.startswith(util.STX, k) else None
        return m is not None and getattr(self.stashed.get(m.group(1)), "tag", None) == "br"

    # -- building -------------------------------------------------------------------

    def build(self, tag: str, start: int, stop: int, stack: tuple) -> etree.Element:
        """The element whose content runs from start to stop, nested emphasis inside."""
        el = etree.Element(tag)
        inner = (*stack, tag)
        i = start
        while (m := _CANDIDATE.search(self.data, i, stop)) is not None:
            _add_text(el, self.data[i:m.start()])
            how = self.opener(m.start(), inner)
            if how[0] == "text":
                _add_text(el, self.data[m.start():how[1]])
            else:
                el.append(self.build(how[0], how[2], how[3], inner))
            i = how[1]
        _add_text(el, self.data[i:stop])
        return el


def _after_letters(data: str, i: int) -> bool:
    r"""kramdown's `pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\z/`: `_` does not open right
    after letters, or after a letter and a hyphen."""
    before = data[i - 1:i]
    if before == "-":
        before = data[i - 2:i - 1]
    return before.isalpha()


def _shift(how: tuple, n: int) -> tuple:
    return (how[0], *(n - p for p in how[1:]))


def _unshift(how: tuple, n: int) -> tuple:
    return (how[0], *(n - p for p in how[1:]))


def _add_text(el: etree.Element, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


# Forward-only: an outcome reads the text after the opener and, for `_`, the one or two
# characters before it, which are a closing delimiter or a placeholder's end either way
# (see _Parser.rebase).
@forward_only
class KramdownEmphasisProcessor(InlineProcessor):
    """Registered as `em_strong`; builds the nested elements itself. Python-Markdown runs
    the inline patterns again over the text of elements inside the ones built here (a link's
    tail inside an `<em>`): delimiters there were judged text in context, so this pattern
    skips any text with an emphasis ancestor, and the tails it built itself."""

    ANCESTOR_EXCLUDES = ("em", "strong")

    def __init__(self, md, holder):
        super().__init__(r"\*\*?|__?", md)
        self.holder = holder

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        memo = self._memo()
        if memo.own.get(id(data)) is data:
            return None, None, None  # its delimiters were judged text already
        parser = self._parser_for(data, memo)
        how = parser.opener(m.start(), ())
        if how[0] == "text":
            return None, m.start(), how[1]
        el = parser.build(how[0], how[2], how[3], ())
        for child in el:
            if child.tail:
                memo.own[id(child.tail)] = child.tail
        memo.last = (m.start(), how[1])
        return el, m.start(), how[1]

    def _memo(self) -> EmphasisMemo:
        state = self.holder.state
        if state.emphasis is None:
            state.emphasis = EmphasisMemo()
        return state.emphasis

    def _parser_for(self, data: str, memo: EmphasisMemo) -> _Parser:
        parser = memo.parser
        if parser is not None and parser.data is data:
            return parser
        if parser is not None and memo.last is not None and _replaced(parser.data, data,
                                                                       *memo.last):
            parser.rebase(data)  # the same text with the element just made stashed
        else:
            inline = self.md.treeprocessors["inline"] if "inline" in self.md.treeprocessors else None
            parser = memo.parser = _Parser(data, getattr(inline, "stashed_nodes", None))
        memo.last = None
        return parser


@dataclass
class EmphasisMemo:
    """One conversion's emphasis work (in ConversionState.emphasis): the parser of the text
    being read, the span of the element last returned, and the tails built here (kept by
    identity: Python-Markdown reruns the pattern on them)."""

    parser: _Parser | None = None
    last: tuple[int, int] | None = None
    own: dict[int, str] = field(default_factory=dict)


def _replaced(old: str, new: str, start: int, end: int) -> bool:
    """True when `new` is `old` with old[start:end] replaced by one stash placeholder."""
    tail = len(old) - end
    middle = new[start:len(new) - tail]
    return (new.startswith(old[:start]) and new.endswith(old[end:]) and middle[:1] == util.STX
            and middle.find(util.ETX) == len(middle) - 1)
