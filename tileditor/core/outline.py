"""The outline of a post: its headings with FILE line numbers, taken from a render's page
(the headings, ids and `data-line`s the page has) once one exists, else read from the text
through the lexicon, skipping front matter, fenced code, comments and Liquid comment and
highlight blocks. Must not import PySide6 or the renderer."""

from __future__ import annotations

import html as html_lib
import re
from typing import NamedTuple

from tileditor.core import lexicon
from tileditor.core.frontmatter import split_front_matter


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


def headings_from_page(page_html: str, toc: list | tuple = ()) -> list[Heading]:
    """The headings of rendered HTML in page order, with their ids and lines; `toc` (a
    RenderResult's `headings`: level, id, text) gives the plain text where the ids match."""
    texts = {hid: text for _level, hid, text in toc}
    out: list[Heading] = []
    last_line, pos = 1, 0
    while (m := _PAGE_TOKEN.search(page_html, pos)) is not None:
        pos = m.end()
        if m.group(0) == "<!--":
            close = page_html.find("-->", pos)
            pos = len(page_html) if close < 0 else close + 3
        elif m.group(3) is not None:
            last_line = int(m.group(3))
        else:
            level = int(m.group(1))
            attrs = {k: html_lib.unescape(v) for k, v in _ATTR.findall(m.group(2) or "")}
            close = page_html.find(f"</h{level}>", pos)
            inner = page_html[pos:close if close >= 0 else len(page_html)]
            hid = attrs.get("id")
            line = int(attrs["data-line"]) if attrs.get("data-line", "").isdigit() else last_line
            last_line = line
            text = texts[hid] if hid in texts else _plain(inner)
            out.append(Heading(level, line, text, hid))
    return out


def _plain(inner: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", inner)).split())


def headings_from_render(result) -> list[Heading]:
    """The outline of a RenderResult (or IncrementalResult): what its page shows."""
    return headings_from_page(result.html, getattr(result, "headings", ()) or ())
