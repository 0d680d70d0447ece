"""The outline of a post: its headings with FILE line numbers, taken from a render's page
(the headings, ids and `data-line`s the page has) once one exists, else read from the text
through the lexicon, skipping front matter, fenced code, comments and Liquid comment and
highlight blocks. Must not import PySide6 or the renderer."""

from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING, NamedTuple

from tileditor.core import lexicon
from tileditor.core.frontmatter import split_front_matter

if TYPE_CHECKING:  # the annotation only: the outline must not import the renderer
    from tileditor.core.render import RenderResult


class Heading(NamedTuple):
    level: int
    file_line: int
    text: str
    id: str | None = None  # the page's id (None before a render, or with auto_ids off)


def _body_offset(text: str, first_line: int) -> tuple[str, int]:
    """Drop the front matter (only when the text starts the file); returns (body, its line)."""
    if first_line == 1:
        span = split_front_matter(text)
        if span is not None:
            return text[span.body_start:], 1 + text.count("\n", 0, span.body_start)
    return text, first_line


def _without_liquid_blocks(text: str) -> str:
    """The text with Liquid comment and highlight blocks blanked (newlines kept): Jekyll runs
    Liquid first, so no Markdown heading lives in them."""
    parts, pos = [], 0
    for block in lexicon.liquid_blocks(text):
        if block.kind == "raw":
            continue  # raw only keeps Liquid out: Markdown still reads what is inside
        parts.append(text[pos:block.start])
        parts.append("\n" * text.count("\n", block.start, block.end))
        pos = block.end
    parts.append(text[pos:])
    return "".join(parts)


def find_headings(text: str, first_line: int = 1) -> list[Heading]:
    """Headings of a post (or its body, when `first_line` > 1) as kramdown reads the text."""
    body, line0 = _body_offset(text, first_line)
    lines = _without_liquid_blocks(body).split("\n")
    return [Heading(level, line0 + i, title) for i, level, title in lexicon.scan(lines).headings]


# One pass over the page: comments (skipped), heading tags, and every data-line, so a heading
# nested in a list or quote (only top-level blocks carry data-line) gets its block's line.
_PAGE_TOKEN = re.compile(r'<!--|<h([1-6])(\s[^<>]*)?>|\sdata-line="(\d+)"')
_ATTR = re.compile(r'\s([\w:-]+)="([^"]*)"')
_TAG = re.compile(r"<[^<>]*>")


def headings_from_page(page_html: str, toc: list | tuple = (), text: str | None = None
                       ) -> list[Heading]:
    """The headings of rendered HTML in page order, with their ids and lines; `toc` (a
    RenderResult's `headings`: level, id, text) gives the plain text where the ids match.
    With the post's `text`, a heading the page numbers with the line of the block it was cut
    from ("para\n# Heading" is one block to the renderer) gets its own line from the text."""
    texts = {hid: title for _level, hid, title in toc}
    found: list[list] = []  # level, line, text, id, the next data-line after it
    last_line, pos = 1, 0
    while (m := _PAGE_TOKEN.search(page_html, pos)) is not None:
        pos = m.end()
        if m.group(0) == "<!--":
            close = page_html.find("-->", pos)
            pos = len(page_html) if close < 0 else close + 3
            continue
        line = int(m.group(3)) if m.group(3) is not None else None
        if m.group(1) is not None:
            level = int(m.group(1))
            attrs = {k: html_lib.unescape(v) for k, v in _ATTR.findall(m.group(2) or "")}
            own = attrs.get("data-line", "")
            line = int(own) if own.isdigit() else None
            close = page_html.find(f"</h{level}>", pos)
            inner = page_html[pos:close if close >= 0 else len(page_html)]
            hid = attrs.get("id")
            title = texts[hid] if hid in texts else _plain(inner)
            found.append([level, line if line is not None else last_line, title, hid, None])
        if line is not None:
            for entry in reversed(found):
                if entry[4] is not None:
                    break
                entry[4] = line if entry[1] < line else None
            last_line = line
    if text is not None:
        _own_lines(found, find_headings(text))
    return [Heading(level, line, title, hid) for level, line, title, hid, _next in found]


def _own_lines(found: list[list], read: list[Heading]) -> None:
    """Move each page heading to the first unused heading of its level that the text has
    between its block's line and the next block's."""
    used: set[int] = set()
    for entry in found:
        level, line, _title, _hid, nxt = entry
        for h in read:
            if h.file_line in used or h.level != level or h.file_line < line:
                continue
            if nxt is not None and h.file_line >= nxt:
                break
            entry[1] = h.file_line
            used.add(h.file_line)
            break


def _plain(inner: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", inner)).split())


def headings_from_render(result: RenderResult, text: str | None = None) -> list[Heading]:
    """The outline of a RenderResult (or IncrementalResult) of `text`: what its page shows."""
    return headings_from_page(result.html, result.headings or (), text)
