"""Source line numbers for top-level blocks (`data-line`, for scroll sync): the preprocessed
lines are aligned back to the file's lines, and a first block processor that never takes a
block sees where each top-level block starts, so each new top-level element learns its line.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left

from markdown.blockprocessors import BlockProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown import stash

# A `<p>` with attributes (data-line, a block IAL's) around one stashed block.
_ATTRS_P = re.compile('<p((?: [\\w:-]+="[^"]*")+)>\\s*(\x02wzxhzdk:(\\d+)\x03)\\s*</p>')
_ATTR = re.compile(r' ([\w:-]+)="([^"]*)"')
_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w:.-]*)([^>]*?)(\s*/?>)")
_BLOCK_TAG = re.compile(r"^\s*<([A-Za-z][\w-]*)")
_NEWLINE = re.compile("\n")


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


def stash_spans(md, state) -> dict[str, int]:
    """Source line counts of every stashed block: those noted when stashing, and the raw HTML
    blocks Python-Markdown stashed (as many lines as they hold)."""
    spans = dict(state.spans)
    for idx, raw in enumerate(md.htmlStash.rawHtmlBlocks):
        if isinstance(raw, str):
            spans.setdefault(md.htmlStash.get_placeholder(idx), raw.strip("\n").count("\n") + 1)
    return spans


class LineMapPreprocessor(Preprocessor):
    """The last preprocessor: aligns the lines the block parser will read with the source."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        state = self.holder.state
        if state.data_lines:
            state.line_of = align(lines, state.source_lines, stash_spans(self.md, state))
        return lines


class DataLineBlockProcessor(BlockProcessor):
    """The first block processor. It declines every block (run() returns False, so the others
    still try it) and, for each block of the document's own list at top level, notes the line
    it starts on and gives that line to what the block before it made. Python-Markdown calls
    the processors in priority order for every block, so this sees each one first."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def test(self, parent: etree.Element, block: str) -> bool:
        return parent is self.parser.root and self.holder.state.data_lines

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        state = self.holder.state
        if state.top_blocks is None:  # the first block of the document: its whole list
            state.top_blocks = blocks
            starts = [0] * (len(blocks) + 1)
            for k, block in enumerate(blocks):
                starts[k + 1] = starts[k] + block.count("\n") + 2
            state.block_starts = starts
            state.block_texts = list(blocks)
        elif blocks is not state.top_blocks:
            return False  # a processor parsing a piece of its block at top level
        tag_new_blocks(parent, state)
        # Processors take blocks from the front and may put back the rest of the first one,
        # so a block is known by its distance from the end; its text ends where that one did.
        n = len(state.block_starts) - 1
        k = n - len(blocks) + 1
        head = blocks[0]
        end = state.block_starts[k] if 0 <= k <= n else 0
        line = end - 2 - _newlines(state, k - 1, head) + (len(head) - len(head.lstrip("\n")))
        state.pending = (len(parent), line)
        return False


def _newlines(state, index: int, head: str) -> int:
    """head.count("\\n") without counting again: a processor that takes a block's first
    lines puts the rest back, a suffix of the block as first split (33,000 `---` lines in one
    block: counting each rest was 0.8 s; comparing it, a memcmp, is a tenth of that)."""
    texts = state.block_texts
    orig = texts[index] if 0 <= index < len(texts) else None
    if orig is None or len(head) < 256 or not orig.endswith(head):
        return head.count("\n")
    offset = len(orig) - len(head)
    positions = state.block_newlines.get(index)
    if positions is None:
        positions = state.block_newlines[index] = [m.start() for m in _NEWLINE.finditer(orig)]
    return len(positions) - bisect_left(positions, offset)


def tag_new_blocks(root: etree.Element, state) -> None:
    """data-line on the top-level elements made since the last block started."""
    if state.pending is None:
        return
    before, line = state.pending
    state.pending = None
    line_of = state.line_of
    src = line_of[min(max(line, 0), len(line_of) - 1)] if line_of else 0
    for child in root[before:]:
        if child.get("data-line") is None:
            child.set("data-line", str(src + state.first_line))


class DataLineTreeprocessor(Treeprocessor):
    """The first tree processor: tags what the document's last block made."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        if self.holder.state.data_lines:
            tag_new_blocks(root, self.holder.state)


class LiftDataLinesPostprocessor(Postprocessor):
    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, text: str) -> str:
        return lift_data_lines(text, self.md.htmlStash, self.holder.state.whole_blocks)


class TrailingPostprocessor(Postprocessor):
    """The last postprocessor: notes the whitespace the output ends with (a raw HTML block
    leaves a blank line), which Markdown.convert strips, for joining fragments."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, text: str) -> str:
        self.holder.state.trailing = text[len(text.rstrip()):]
        return text


def lift_data_lines(html: str, html_stash, whole_blocks: set[int] = frozenset()) -> str:
    """Move the attributes of a `<p>` wrapping a stashed block of raw HTML onto that HTML:
    data-line, and a block IAL's, which kramdown gives the HTML element (its class added to
    the element's own, another attribute replacing the element's). A `{::nomarkdown}` body
    or a comment takes data-line only: kramdown prints those with no attributes."""

    def repl(m):
        idx = int(m.group(3))
        if idx >= len(html_stash.rawHtmlBlocks):
            return m.group(0)
        raw = str(html_stash.rawHtmlBlocks[idx])
        attrs = _ATTR.findall(m.group(1))
        if raw.startswith("\\[") and any(k != "data-line" for k, _v in attrs):
            return m.group(0)  # math with an IAL: post tl_math_unwrap makes kramdown's <div>
        if raw.startswith("\\[") or raw.lstrip().startswith("<!--"):
            return m.group(2)
        tag = _BLOCK_TAG.match(raw)
        whole = idx in whole_blocks
        if not whole and (not tag or tag.group(1).lower() not in _BLOCKISH):
            return m.group(0)
        if whole:
            attrs = [(k, v) for k, v in attrs if k == "data-line"]
        elif raw.startswith('<div class="language-') and ' highlighter-rouge"' in raw[:80]:
            # Highlighted code: its language is the fence's (or the IAL's, already read), so
            # kramdown keeps no other language-x class; the rest go before rouge's class.
            extra = " ".join(c for k, v in attrs if k == "class" for c in v.split()
                             if not c.startswith("language-"))
            attrs = [(k, v) for k, v in attrs if k != "class"]
            if extra:
                raw = raw.replace(' highlighter-rouge"', f' {extra} highlighter-rouge"', 1)
        html_stash.rawHtmlBlocks[idx] = _FIRST_TAG.sub(
            lambda t: t.group(1) + _with_attrs(t.group(2), attrs) + t.group(3), raw, count=1)
        return m.group(2)

    return stash.unwrap(_ATTRS_P.sub(repl, html))


def _with_attrs(existing: str, attrs: list[tuple[str, str]]) -> str:
    """A start tag's attribute text with `attrs` set on it, as kramdown's
    update_attr_with_ial does: a class is added to the tag's own, another attribute
    replaces the tag's."""
    for key, value in attrs:
        found = re.search(rf"""(\s{re.escape(key)}\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""",
                          existing, re.I)
        if found is None:
            existing = f' {key}="{value}"' + existing if key == "data-line" else (
                existing + f' {key}="{value}"')
            continue
        if key == "class":
            value = f"{found.group(2).strip(chr(34) + chr(39))} {value}".strip()
        existing = existing[:found.start()] + f' {key}="{value}"' + existing[found.end():]
    return existing


# Raw HTML that kramdown keeps outside a paragraph: not one of its HTML_SPAN_ELEMENTS
# (`<img>`, `<u>`, `<span>` alone on a line still get a `<p>`).
_BLOCKISH = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "canvas",
    "iframe", "script", "style", "video", "center", "audio", "picture", "font", "summary",
    "noscript", "object", "embed", "svg", "math",
    # the rest of kramdown's HTML_BLOCK_ELEMENTS, raw-content and bodiless elements
    "textarea", "applet", "body", "caption", "col", "colgroup", "dd", "dt", "html", "head",
    "legend", "li", "map", "optgroup", "tbody", "td", "th", "thead", "tfoot", "tr", "area",
    "base", "command", "keygen", "link", "meta", "param", "source", "track", "wbr",
}
