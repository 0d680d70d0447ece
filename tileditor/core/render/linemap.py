"""Source line numbers for top-level blocks (`data-line`, for scroll sync): the preprocessed
lines are aligned back to the file's lines, and the block parser is driven here so each new
top-level element learns the line its block started on. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left

_DATA_LINE_P = re.compile('<p data-line="(\\d+)">\\s*(\x02wzxhzdk:(\\d+)\x03)\\s*</p>')
_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w:-]*)")
_BLOCK_TAG = re.compile(r"^\s*<([A-Za-z][\w-]*)")


def align(pre_lines: list[str], src_lines: list[str], spans: dict[str, int] | None = None
          ) -> list[int]:
    """For each preprocessed line, the 0-based index of the source line it came from.

    `spans` gives, for placeholder lines, how many source lines each one replaced."""
    spans = spans or {}
    index: dict[str, list[int]] = {}
    keys = [s.rstrip() for s in src_lines]
    for j, key in enumerate(keys):
        if key.strip():
            index.setdefault(key, []).append(j)
    last = max(len(src_lines) - 1, 0)
    out: list[int] = []
    j = floor = 0
    for i, line in enumerate(pre_lines):
        key = line.rstrip()
        if j < len(keys) and key == keys[j]:
            out.append(j)
            j += 1
            floor = j
            continue
        if key.strip() in spans:
            out.append(min(j, last))
            # Liquid loops can make a block longer than its source: remember where it began.
            floor = j
            j += spans[key.strip()]
            continue
        positions = index.get(key) if key.strip() else None
        target = _search(positions, j, pre_lines, keys, i)
        if target is None and floor < j:
            target = _search(positions, floor, pre_lines, keys, i)
        if target is None and key.strip():
            target = _fuzzy(key, keys, j)
        if target is not None:
            out.append(target)
            j = floor = target + 1
        else:
            out.append(min(j, last))
    return out


def _search(positions, j: int, pre_lines, keys, i: int):
    """First match at or after j, trusted when near or confirmed by the next line."""
    if not positions:
        return None
    k = bisect_left(positions, j)
    if k >= len(positions):
        return None
    pos = positions[k]
    if pos - j <= 3 or len(positions) == 1 or len(pre_lines[i].strip()) >= 12:
        return pos
    nxt = pre_lines[i + 1].rstrip() if i + 1 < len(pre_lines) else None
    if nxt is not None and pos + 1 < len(keys) and nxt == keys[pos + 1]:
        return pos
    return None


_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\x02[^\x03]*\x03|\s+")


def _fuzzy(key: str, keys: list[str], j: int, window: int = 30):
    """A line the Liquid pass rewrote: match on what is left without Liquid and placeholders."""
    flat = _LIQUID.sub("", key)
    if len(flat) < 3:
        return None
    for k in range(j, min(j + window, len(keys))):
        src = keys[k]
        if _LIQUID.sub("", src)[:12] == flat[:12]:
            return k
        head = _LIQUID.sub("", src[: _first_liquid(src)])
        if len(head) >= 4 and flat.startswith(head):
            return k
    return None


def _first_liquid(line: str) -> int:
    hits = [p for p in (line.find("{{"), line.find("{%")) if p >= 0]
    return min(hits) if hits else len(line)


def stash_spans(md) -> dict[str, int]:
    """Source line counts of stashed raw HTML blocks, plus those our preprocessors noted."""
    spans = dict(getattr(md, "tl_spans", {}))
    for idx, raw in enumerate(md.htmlStash.rawHtmlBlocks):
        if isinstance(raw, str):
            spans.setdefault(md.htmlStash.get_placeholder(idx), raw.strip("\n").count("\n") + 1)
    return spans


def parse_with_lines(md, lines: list[str], line_of: list[int], offset: int) -> etree.Element:
    """Python-Markdown's parseDocument, tagging new top-level elements with data-line."""
    parser = md.parser
    root = etree.Element(md.doc_tag)
    parser.root = root
    text = "\n".join(lines)
    blocks = text.split("\n\n")
    n = len(blocks)
    starts = [0] * (n + 1)
    for k, block in enumerate(blocks):
        starts[k + 1] = starts[k] + block.count("\n") + 2
    last = max(len(line_of) - 1, 0)
    while blocks:
        remaining = len(blocks)
        head = blocks[0]
        nxt = starts[n - remaining + 1] if 0 <= n - remaining + 1 <= n else 0
        line = nxt - 2 - head.count("\n") + (len(head) - len(head.lstrip("\n")))
        before = len(root)
        for processor in parser.blockprocessors:
            if processor.test(root, blocks[0]):
                if processor.run(root, blocks) is not False:
                    break
        src = line_of[min(max(line, 0), last)] if line_of else 0
        for child in root[before:]:
            if child.get("data-line") is None:
                child.set("data-line", str(src + offset))
    return root


def lift_data_lines(html: str, stash) -> str:
    """Move data-line from a `<p>` wrapping a stashed block of raw HTML onto that HTML."""

    def repl(m):
        idx = int(m.group(3))
        if idx >= len(stash.rawHtmlBlocks):
            return m.group(0)
        raw = str(stash.rawHtmlBlocks[idx])
        if raw.startswith("\\[") or raw.lstrip().startswith("<!--"):
            return m.group(2)
        tag = _BLOCK_TAG.match(raw)
        if idx not in getattr(stash, "tl_blocks", ()) and (
                not tag or tag.group(1).lower() not in _BLOCKISH):
            return m.group(0)
        stash.rawHtmlBlocks[idx] = _FIRST_TAG.sub(
            lambda t: f'{t.group(1)} data-line="{m.group(1)}"', raw, count=1)
        return m.group(2)

    return _DATA_LINE_P.sub(repl, html)


# Raw HTML that kramdown keeps outside a paragraph: not one of its HTML_SPAN_ELEMENTS
# (`<img>`, `<u>`, `<span>` alone on a line still get a `<p>`).
_BLOCKISH = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "canvas",
    "iframe", "script", "style", "video", "center", "audio", "picture", "font", "summary",
    "noscript", "object", "embed", "svg", "math",
}
