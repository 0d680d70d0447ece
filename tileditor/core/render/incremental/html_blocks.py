"""Cutting rendered HTML back into per-source-block groups: top-level items are found with a
tag-depth scan and owned through their `data-line`; anything whose owner is unclear merges
its neighbours into one group. Pure string work: must not import PySide6 or Markdown."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_DATA_LINE = re.compile(r'\sdata-line="(\d+)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_RAW_TEXT = {"script", "style", "textarea"}
_FOOTNOTES = '<div class="footnotes"'


@dataclass(frozen=True)
class Item:
    """A top-level piece of HTML: html[start:end], its own data-line (or None)."""

    start: int
    end: int
    line: int | None


@dataclass(frozen=True)
class Cut:
    """Blocks first..last (inclusive indexes) render to html[start:end] ('' when start==end)."""

    first: int
    last: int
    start: int
    end: int


def top_level_items(html: str) -> list[Item]:
    items: list[Item] = []
    depth, open_start, open_line, pos = 0, 0, None, 0
    n = len(html)
    while pos < n:
        m = _TAG.search(html, pos)
        stop = m.start() if m else n
        if depth == 0 and html[pos:stop].strip():
            items.append(Item(pos, stop, None))
        if m is None:
            break
        pos = m.end()
        closing, name, attrs = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if not name:  # a comment
            if depth == 0:
                items.append(Item(m.start(), m.end(), None))
            continue
        if closing:
            if depth == 0:
                items.append(Item(m.start(), m.end(), None))
                continue
            depth -= 1
            if depth == 0:
                items.append(Item(open_start, m.end(), open_line))
            continue
        if name in _RAW_TEXT:
            close = html.lower().find(f"</{name}", pos)
            end = n if close < 0 else html.find(">", close) + 1 or n
            if depth == 0:
                line = _DATA_LINE.search(m.group(0))
                items.append(Item(m.start(), end, int(line.group(1)) if line else None))
            pos = end
            continue
        if name in _VOID or attrs.rstrip().endswith("/"):
            if depth == 0:
                line = _DATA_LINE.search(m.group(0))
                items.append(Item(m.start(), m.end(), int(line.group(1)) if line else None))
            continue
        if depth == 0:
            line = _DATA_LINE.search(m.group(0))
            open_start, open_line = m.start(), int(line.group(1)) if line else None
        depth += 1
    if depth > 0:
        items.append(Item(open_start, n, open_line))
    return items


def split_tail(html: str, items: list[Item]) -> tuple[list[Item], int | None]:
    """Take the endnotes (kramdown's footnotes div, appended after every block) off the end;
    returns the other items and where the endnotes start (None without any)."""
    if items and items[-1].line is None and html.startswith(_FOOTNOTES, items[-1].start):
        return items[:-1], items[-1].start
    return items, None


def cut(html: str, items: list[Item], block_lines: list[int],
        block_last: list[int] | None = None) -> list[Cut] | None:
    """Group blocks (first file lines `block_lines`, ascending; last lines `block_last`) with
    the items they render to. None when the HTML cannot be attributed: items but no blocks,
    or data-lines that do not increase or fall outside every block (the line map guessed)."""
    nb = len(block_lines)
    if nb == 0:
        return None if items else []
    joined = [False] * nb  # joined[k]: block k and k+1 are one group
    lines_at = [(m.start(), int(m.group(1))) for m in _DATA_LINE.finditer(html)]
    positions = [p for p, _ in lines_at]
    values = [v for _, v in lines_at]
    if any(a >= b for a, b in zip(values, values[1:], strict=False)):
        return None
    if block_last is not None:
        for v in values:
            k = bisect_right(block_lines, v) - 1
            if k < 0 or v > block_last[k]:
                return None

    def owner(line: int) -> int:
        return max(bisect_right(block_lines, line) - 1, 0)

    def join(a: int, b: int) -> None:
        for k in range(min(a, b), max(a, b)):
            joined[k] = True

    owners: list[int | None] = []
    for it in items:
        inner = lines_at[bisect_left(positions, it.start):bisect_left(positions, it.end)]
        if it.line is None:
            owners.append(None)
        else:
            owners.append(owner(it.line))
        if inner:
            join(owner(min(v for _, v in inner)), owner(max(v for _, v in inner)))
    _join_unowned(owners, nb, join)
    return _cuts(items, owners, joined)


def _join_unowned(owners: list[int | None], nb: int, join) -> None:
    last_owned: int | None = None
    pending = False  # unowned items seen since last_owned
    for own in owners:
        if own is None:
            pending = True
            continue
        if last_owned is None:
            if pending:
                join(0, own)
        elif pending or own < last_owned:
            join(last_owned, own)
        last_owned, pending = own, False
    if pending:
        join(0 if last_owned is None else last_owned, nb - 1)


def _cuts(items: list[Item], owners: list[int | None], joined: list[bool]) -> list[Cut]:
    nb = len(joined)
    group_of = [0] * nb
    for k in range(1, nb):
        group_of[k] = group_of[k - 1] + (0 if joined[k - 1] else 1)
    spans: dict[int, list[int]] = {}
    current = 0
    for idx, own in enumerate(owners):
        g = group_of[own] if own is not None else current
        current = g
        spans.setdefault(g, [idx, idx])[1] = idx
    out: list[Cut] = []
    first = 0
    for k in range(nb):
        if k == nb - 1 or not joined[k]:
            g = group_of[k]
            span = spans.get(g)
            if span is None:
                out.append(Cut(first, k, 0, 0))
            else:
                out.append(Cut(first, k, items[span[0]].start, items[span[1]].end))
            first = k + 1
    return out
