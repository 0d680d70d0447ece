"""The Markdown lexicon: how kramdown's GFM parser (Jekyll's default input) and Liquid mark up
a post's lines: fenced code, list items, ATX and setext headings, HTML comments, kramdown's
`{::comment}`/`{::nomarkdown}` blocks and Liquid's raw/highlight/comment blocks: one definition
for the renderer, block splitter, image scanner, outline and editor highlighter. Every scan
is linear (no regex that can backtrack over a line). Must not import Qt or Markdown.

kramdown's rules, checked against kramdown 2.4 / kramdown-parser-gfm 1.1 (tests/core/test_lexicon.py):
- A fence is 3+ backticks or tildes after at most 3 spaces (relative to a list item's text,
  a lazy line's too; `1. ```python` opens one), then at most one info word. It closes at the
  first later line of at least as many of the same character (at most 3 spaces, then only
  spaces); else kramdown's regex backtracks to a shorter fence when nothing stands between
  the run and the info (```` closed by ``` has the language "`"). Unclosed, it is text.
- ATX headings start at column 0 with 1-6 `#` and a space (`#Title` is text in GFM); setext
  text sits right after a blank line (or at the start), its underline at column 0.
- `<!--` at column 0 where a block starts hides everything up to the first `-->`;
  `{::comment}` / `{::nomarkdown}` alone on a line hide everything up to a line that is
  `{:/comment}` (or `{:/}`) alone. Unclosed, both are just text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from tileditor.core.range_max import max_table, range_max

_SPACE = " \t\r\f\v"  # Ruby's \s without the newline

# A list item's first line (kramdown: `*`, `+`, `-` or digits and a dot, then a space or tab).
LIST_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[*+-]|\d{1,9}\.)(?P<gap>[ \t]+)(?=\S)")
# kramdown-parser-gfm's ATX heading: no indentation, a space after the marks.
ATX = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*)$")
_HEADER_ID = re.compile(r"[ \t]\{#(?P<id>[A-Za-z][\w:-]*)\}$")
_CLOSING_HASHES = re.compile(r"[ \t]#+$")
# kramdown's setext underline: column 0, the level from the first character.
SETEXT_UNDERLINE = re.compile(r"^(?P<level>[-=])[-=]*[ \t\r\f\v]*$")
# Lines that another block claims before a setext heading could (kramdown's parser order).
_NOT_SETEXT_TEXT = re.compile(r"^ {0,3}(?:>|[*+-][ \t]|\d+\.[ \t]|:[ \t]|<[A-Za-z/!])"
                              r"|^ {0,3}([*_-])[ \t]*\1[ \t]*\1[ \t*_-]*$")

COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
# kramdown block extensions: the tag alone on its line (attributes allowed), closed by a line
# that is `{:/name}` or `{:/}` alone. KD_EXTENSION_TAG finds an opener anywhere in a line.
KD_EXTENSION_OPEN = re.compile(
    r"^ {0,3}\{::(?P<name>comment|nomarkdown)(?:\s[^}]*)?(?<!/)\}[ \t]*$")  # not `{::x /}`
KD_EXTENSION_TAG = re.compile(r"\{::(comment|nomarkdown)\b[^}]*(?<!/)\}")
KD_EXTENSION_END = re.compile(r"\{:/(comment|nomarkdown)?\}")
_KD_CLOSE_LINE = {name: re.compile(rf"^ {{0,3}}\{{:/(?:{name})?\}}[ \t]*$")
                  for name in ("comment", "nomarkdown")}

# Liquid block tags whose body is not Markdown's: raw (literal text), comment (dropped),
# highlight (code). Liquid runs before Markdown, so these cut across every Markdown block.
LIQUID_OPEN = re.compile(r"\{%-?\s*(raw|comment|highlight)\b[^%]*%\}")
LIQUID_END = {name: re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}")
              for name in ("raw", "comment", "highlight")}

# Python-Markdown's block-level elements that hold content: a block opening with one (and no
# `markdown=` attribute) is raw HTML to the renderer, so no fence starts inside it.
_RAW_BLOCK_TAGS = frozenset("""address article aside blockquote body canvas center colgroup dd
    details div dl dt fieldset figcaption figure footer form group header hgroup html iframe
    legend li main map math menu nav noscript object ol option output p pre progress script
    section style summary table tbody td textarea tfoot th thead tr ul video""".split())
_HTML_OPEN = re.compile(r"^ {0,3}<([A-Za-z][\w-]*)(?=[\s>/]|$)")
_MARKDOWN_ATTR = re.compile(r"\smarkdown\s*=")


# The fence lines themselves (possessive: a failed match gives nothing back to retry). Which
# indentation is allowed depends on the list around the line: fence_open()/fence_closes().
FENCE_OPEN = re.compile(r"(?P<quotes>(?: {0,3}> ?)*+)(?P<indent>[ \t]*+)(?P<run>`{3,}+|~{3,}+)"
                        r"(?P<gap>[ \t\r\f\v]*+)(?P<info>[^ \t\r\f\v]*+)[ \t\r\f\v]*+\Z")
FENCE_CLOSE = re.compile(r"(?P<quotes>(?: {0,3}> ?)*+)(?P<indent>[ \t]*+)(?P<run>`{3,}+|~{3,}+)"
                         r"[ \t\r\f\v]*+\Z")


def _columns(space: str) -> int:
    """Indentation in columns (a tab reaches the next multiple of 4)."""
    return len(space.expandtabs(4)) if "\t" in space else len(space)


def _indent_ok(col: int, base: int | None) -> bool:
    """At most 3 spaces, counted from a list item's text column `base` (None: any)."""
    return base is None or col <= 3 or base <= col <= base + 3


@dataclass(frozen=True)
class FenceOpen:
    """A line that can open a fenced code block."""

    prefix: str  # the text before the run: `>` quote markers and indentation
    marker: str  # the whole run of ` or ~
    info: str  # the info word after it ("" for none)
    attached: bool  # no space between run and info: kramdown may read a shorter fence

    @property
    def char(self) -> str:
        return self.marker[0]

    @property
    def quotes(self) -> int:
        return self.prefix.count(">")

    def closes(self, line: str, length: int | None = None, base: int | None = 0,
               lazy: bool = False) -> bool:
        return fence_closes(line, self.char, length or len(self.marker), self.quotes, base, lazy)


def fence_open(line: str, base: int | None = 0) -> FenceOpen | None:
    """The fence `line` opens, or None. `base`: the text column of the list item the line is
    in (None: accept any indentation, for scans that must err towards "it is a fence")."""
    m = FENCE_OPEN.match(line)
    if m is None or not _indent_ok(_columns(m.group("indent")), base):
        return None
    return FenceOpen(line[:m.start("run")], m.group("run"), m.group("info"),
                     not m.group("gap") or not m.group("info"))


def fence_closes(line: str, char: str, length: int, quotes: int = 0, base: int | None = 0,
                 lazy: bool = False) -> bool:
    """True when `line` closes a fence of `length` `char`s opened at quote depth `quotes`
    (`lazy`: the line above is not blank, so a line with fewer `>` still belongs to the quote)."""
    found = _closing_run(line)
    if found is None or found[0] != char or found[1] < length or not _indent_ok(found[3], base):
        return False
    return found[2] == quotes or (lazy and found[2] < quotes)


def _closing_run(line: str) -> tuple[str, int, int, int] | None:
    """(char, run length, quote depth, indentation) of a line that could close a fence."""
    if "``" not in line and "~~" not in line:
        return None
    m = FENCE_CLOSE.match(line)
    if m is None:
        return None
    run = m.group("run")
    return run[0], len(run), m.group("quotes").count(">"), _columns(m.group("indent"))


def fence_on_marker(line: str, base: int) -> tuple[FenceOpen | None, int]:
    """(the fence an item line's text opens, the item's text column), or (None, base)."""
    item = list_item(line)
    if item is None or line[item.column:item.column + 3] not in ("```", "~~~"):
        return None, base
    opener = fence_open(" " * item.column + line[item.column:], base=item.column)
    return (opener, item.column) if opener is not None else (None, base)


class ListItem(NamedTuple):
    indent: int
    marker: str
    column: int  # where the item's text starts (tabs to 4-column stops)


def list_item(line: str) -> ListItem | None:
    """The list item `line` starts (any indentation; kramdown allows 3 more than its list)."""
    m = LIST_ITEM.match(line)
    if m is None:
        return None
    return ListItem(len(m.group("indent")), m.group("marker"), len(m.group(0).expandtabs(4)))


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line (closing `#`s and a `{#id}` dropped), or None."""
    m = ATX.match(line)
    if m is None:
        return None
    text = heading_text(m.group("text"))
    text = _CLOSING_HASHES.sub("", text).rstrip(_SPACE)
    return (len(m.group("marks")), text) if text else None


def heading_text(raw: str) -> str:
    """A heading's text as kramdown reads it: trailing space and a `{#id}` removed."""
    return _HEADER_ID.sub("", raw.rstrip(_SPACE)).rstrip(_SPACE)


def setext_underline(line: str) -> int | None:
    """1 for `===`, 2 for `---` (kramdown: column 0, the first character decides)."""
    m = SETEXT_UNDERLINE.match(line)
    return None if m is None else (1 if m.group("level") == "=" else 2)


def can_be_setext_text(line: str) -> bool:
    """Whether `line` may be a setext heading's text (it must also follow a blank line)."""
    indent = len(line) - len(line.lstrip(" "))
    if indent > 3 or not line.strip() or line[indent] == "\t":
        return False
    if atx_heading(line) or fence_open(line):
        return False
    return _NOT_SETEXT_TEXT.match(line) is None


class Region(NamedTuple):
    """Lines first..last (0-based, inclusive) of one construct. kind: fence, comment (HTML),
    kd_comment, nomarkdown or html (a raw HTML block)."""

    kind: str
    first: int
    last: int


class Fence(NamedTuple):
    first: int  # the opening line
    last: int  # the closing line
    opener: FenceOpen
    length: int  # the run kramdown matched (shorter than the marker when it backtracked)
    base: int = 0  # the text column of the list item it is in (0: none)

    @property
    def info(self) -> str:
        """kramdown's info word: the part of the run it did not use, then the word."""
        return self.opener.marker[self.length:] + self.opener.info


class Scan(NamedTuple):
    regions: tuple[Region, ...]
    fences: tuple[Fence, ...]
    headings: tuple[tuple[int, int, str], ...]  # (line, level, text)


_last_scan: tuple[tuple[str, ...], Scan] | None = None


def scan(lines: list[str]) -> Scan:
    """One pass over a post body's lines (Liquid already applied or not cared about). The
    last result is kept: the render's preprocessors scan the same lines one after another
    (25,000 fence lines: 0.18 s a scan); a Scan is immutable, so sharing it is safe."""
    global _last_scan
    key = tuple(lines)
    last = _last_scan  # one read: another thread may replace it meanwhile
    if last is not None and last[0] == key:
        return last[1]
    found = _Scanner(lines).run()
    _last_scan = (key, found)
    return found


def find_fences(lines: list[str]) -> tuple[Fence, ...]:
    """Each closed fenced code block, in order."""
    return scan(lines).fences


def code_regions(text: str) -> list[tuple[int, int]]:
    """(first, last) line of each fenced code block in `text` (0-based, inclusive)."""
    return [(f.first, f.last) for f in find_fences(text.split("\n"))]


def hidden_regions(text: str) -> list[tuple[int, int]]:
    """(first, last) lines the page does not show as Markdown: HTML comments, `{::comment}`
    and `{::nomarkdown}` blocks, and Liquid `{% comment %}` blocks."""
    out = [(r.first, r.last) for r in scan(text.split("\n")).regions
           if r.kind in ("comment", "kd_comment", "nomarkdown")]
    for block in liquid_blocks(text):
        if block.kind == "comment":
            out.append((text.count("\n", 0, block.start), text.count("\n", 0, block.end)))
    return sorted(out)


_ITEM_START = frozenset(" *+-0123456789")


class _Scanner:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._runs: list | None = None  # per line: _closing_run(), computed on first need
        self._closers: dict[tuple, tuple[list[int], list[int], list[int]]] = {}
        self.unclosed_tags: set[str] = set()  # raw HTML tags never closed: not looked for again
        self._next: dict[str, list[int]] = {}
        self._item_ends: dict[int, list[int]] = {}

    def run(self) -> Scan:
        lines, n = self.lines, len(self.lines)
        regions: list[Region] = []
        fences: list[Fence] = []
        headings: list[tuple[int, int, str]] = []
        items: list[int] = []  # text columns of the open list items, innermost last
        boundary = True  # a block may start here (after a blank line or a finished block)
        blank = True  # the line above is blank (kramdown's "after a block boundary")
        i = 0
        while i < n:
            line = lines[i]
            if not line.strip(" \t"):
                boundary = blank = True
                i += 1
                continue
            was_blank, blank = blank, False
            base = self._list_base(items, line, was_blank) if (
                items or line[0] in _ITEM_START) else 0
            opener = fence_open(line, base) if ("``" in line or "~~" in line) else None
            if opener is None and ("``" in line or "~~" in line):
                # `1. ```python`: a fence opens the item's text (kramdown reads it as blocks)
                opener, base = fence_on_marker(line, base)
            if opener is not None:
                found = self._closer(i, opener, base)
                if found is not None:
                    end, length = found
                    fences.append(Fence(i, end, opener, length, base))
                    regions.append(Region("fence", i, end))
                    boundary, i = True, end + 1
                    continue
            elif boundary and (region := self._hidden(i, line)) is not None:
                regions.append(region)
                boundary, i = True, region.last + 1
                continue
            elif "<" in line and (end := self._raw_html_end(i)) is not None:
                regions.append(Region("html", i, end))
                boundary, i = True, end + 1
                continue
            i, boundary = self._heading(i, line, was_blank, opener, headings)
        return Scan(tuple(regions), tuple(fences), tuple(headings))

    def _heading(self, i: int, line: str, after_blank: bool, opener, headings
                 ) -> tuple[int, bool]:
        """Record an ATX or setext heading (its text right after a blank line or at the
        start) at line i; (next line, whether a block may start there)."""
        atx = atx_heading(line) if line[0] == "#" else None
        if atx is not None:
            headings.append((i, atx[0], atx[1]))
            return i + 1, True
        if after_blank and opener is None and self.lines[i + 1:i + 2] and (
                self.lines[i + 1][:1] in ("=", "-")):
            level = setext_underline(self.lines[i + 1])
            if level is not None and can_be_setext_text(line):
                text = heading_text(line.strip(" "))
                headings.append((i, level, text))
                return i + 2, True
        return i + 1, False

    @staticmethod
    def _list_base(items: list[int], line: str, after_blank: bool) -> int:
        """The text column of the list item `line` belongs to (0: none); keeps `items`."""
        item = list_item(line)
        indent = len(line) - len(line.lstrip(" "))
        if item is not None or after_blank:
            # A new item, or a line after a blank one, ends the items it is not indented into.
            while items and items[-1] > indent:
                items.pop()
        lazy = items[-1] if items and not after_blank and item is None else 0  # lazy line
        base = next((c for c in reversed(items) if c <= indent), lazy)
        if item is not None and indent - base <= 3:
            items.append(item.column)
        return base

    def _closer(self, i: int, opener: FenceOpen, base: int) -> tuple[int, int] | None:
        """(closing line, run length used) for the fence opened at line i, as kramdown's
        regex finds it: the whole run if any later line closes it, else (run and info
        attached) the longest shorter run some later line closes; inside a list item, only
        lines before the item ends count (kramdown parses the item's lines on their own)."""
        positions, runs, table = self._closer_index(opener.char, opener.quotes, base)
        p = bisect_right(positions, i)
        q = len(positions)
        if base:
            q = bisect_right(positions, self._item_end(base, i + 1), p)
        if p >= q:
            return None
        best, length = range_max(table, p, q - 1), len(opener.marker)
        if best < length:
            if not opener.attached:
                return None
            length = best
        while runs[p] < length:  # lines skipped here are inside the fence: linear overall
            p += 1
        return positions[p], length

    def _item_end(self, column: int, start: int) -> int:
        """The last line, from `start` on, of a list item whose text starts at `column`: it
        ends before a line less indented that follows a blank line, or a less indented item."""
        if column not in self._item_ends:
            lines, n = self.lines, len(self.lines)
            ends = [n - 1] * (n + 1)
            for j in range(n - 1, 0, -1):
                line = lines[j]
                indent = len(line) - len(line.lstrip(" "))
                stops = line.strip() and indent < column and (
                    not lines[j - 1].strip() or list_item(line) is not None)
                ends[j] = j - 1 if stops else ends[j + 1]
            self._item_ends[column] = ends
        return self._item_ends[column][min(start, len(self.lines))]

    def _closer_index(self, char: str, quotes: int, base: int):
        """For one kind of fence: the lines that could close it, their runs, and a table of
        the longest run in any range of them (built once per kind: unclosed fences stay
        linear)."""
        key = (char, quotes, base)
        if key not in self._closers:
            if self._runs is None:
                self._runs = [_closing_run(ln) for ln in self.lines]
            positions, runs = [], []
            for j, info in enumerate(self._runs):
                if info is None or info[0] != char or not _indent_ok(info[3], base):
                    continue
                lazy = j > 0 and bool(self.lines[j - 1].strip())
                if info[2] == quotes or (lazy and info[2] < quotes):
                    positions.append(j)
                    runs.append(info[1])
            self._closers[key] = (positions, runs, max_table(runs))
        return self._closers[key]

    def _hidden(self, i: int, line: str) -> Region | None:
        """An HTML comment or kramdown comment/nomarkdown block starting at line i."""
        if line.startswith(COMMENT_OPEN):
            if line.find(COMMENT_CLOSE, len(COMMENT_OPEN)) >= 0:
                return Region("comment", i, i)
            j = self._next_line("-->", i + 1, lambda ln: COMMENT_CLOSE in ln)
            return Region("comment", i, j) if j is not None else None
        m = KD_EXTENSION_OPEN.match(line) if "{::" in line else None
        if m is None:
            return None
        name = m.group("name")
        closer = _KD_CLOSE_LINE[name]
        j = self._next_line("{:/" + name, i + 1, lambda ln: "{:/" in ln and closer.match(ln) is not None)
        if j is None:
            return None
        return Region("kd_comment" if name == "comment" else "nomarkdown", i, j)

    def _next_line(self, key: str, start: int, test) -> int | None:
        """The first line at or after `start` passing `test` (one backward pass per key, so
        many unclosed openers stay linear)."""
        if key not in self._next:
            n = len(self.lines)
            nxt = [n] * (n + 1)
            for j in range(n - 1, -1, -1):
                nxt[j] = j if test(self.lines[j]) else nxt[j + 1]
            self._next[key] = nxt
        found = self._next[key][min(start, len(self.lines))]
        return found if found < len(self.lines) else None

    def _raw_html_end(self, i: int) -> int | None:
        return raw_html_end(self.lines, i, self.unclosed_tags)


def raw_html_end(lines: list[str], i: int, unclosed: set[str]) -> int | None:
    """The last line of the raw HTML block opening at line i, or None when none does; a tag
    never closed goes into `unclosed` and is not looked for again."""
    m = _HTML_OPEN.match(lines[i])
    tag = m.group(1).lower() if m else ""
    if tag not in _RAW_BLOCK_TAGS or tag in unclosed:
        return None
    opener = re.compile(rf"<{tag}(?=[\s>/])", re.I)
    closer = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for j in range(i, len(lines)):
        depth += len(opener.findall(lines[j])) - len(closer.findall(lines[j]))
        if _MARKDOWN_ATTR.search(lines[j]):
            return None  # md_in_html parses it: its fences are fences
        if depth <= 0:
            return j
    unclosed.add(tag)
    return None


class LiquidBlock(NamedTuple):
    kind: str  # raw, comment or highlight
    start: int  # offsets in the text: the opening tag's start ...
    end: int  # ... and the closing tag's end (the text's end when never closed)
    closed: bool


def liquid_blocks(text: str) -> list[LiquidBlock]:
    """Liquid's raw, comment and highlight blocks, in order (one pass: a block's body is not
    searched for further openers)."""
    out: list[LiquidBlock] = []
    pos = text.find("{%")
    while pos >= 0:
        m = LIQUID_OPEN.match(text, pos)
        if m is None:
            pos = text.find("{%", pos + 2)
            continue
        close = LIQUID_END[m.group(1)].search(text, m.end())
        end = close.end() if close else len(text)
        out.append(LiquidBlock(m.group(1), m.start(), end, close is not None))
        pos = text.find("{%", end)
    return out


def code_spans(text: str):
    """(start, end) of each code span: a run of n backticks opens one that the next run of
    exactly n closes (one linear pass over the runs, not a backtracking regex)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        following[i] = seen.get(size)
        seen[size] = i
    i = 0
    while i < len(runs):
        j = following[i]
        if j is None:
            i += 1
            continue
        yield runs[i][0], runs[j][1]
        i = j + 1


_BACKTICKS = re.compile(r"`+")
