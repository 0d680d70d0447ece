"""kramdown's rule for `<p>` in list items: an item's first paragraph stays bare unless a
blank line follows it inside the item (with kramdown's special case for the last item).
Python-Markdown wraps every item next to a blank line; this unwraps the ones kramdown leaves
bare. Runs on lines already re-indented to 4 spaces per level. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown.angle_text import TAG
from tileditor.core.render.kramdown.list_indent import (
    _QUOTE,
    _QUOTE_MARK,
    LIST_BREAK_MARK,
    MAX_QUOTE_DEPTH,
    quote_run_end,
)
from tileditor.core.render.kramdown.raw_elements import SPAN_ELEMENTS

_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}\.) (\S.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _next_content(lines: list[str], start: int) -> int | None:
    for k in range(start, len(lines)):
        if lines[k].strip():
            return k
    return None


def bare_items(lines: list[str], breaks=frozenset(), eobs=frozenset()
               ) -> list[tuple[str, bool]]:
    """(content prefix, first paragraph bare) for each list item, in document order;
    `breaks` are placeholder lines that end a paragraph as blocks of the item (fences),
    `eobs` the marker lines of kramdown's end-of-block `^`."""
    return [(prefix, bare) for _, prefix, bare in sorted(_decisions(lines, 0, 0, breaks, eobs))]


def _decisions(lines: list[str], offset: int, quotes: int, breaks, eobs
               ) -> list[tuple[int, str, bool]]:
    """(line index, content prefix, bare) for each item of these lines and of the lists in
    the blockquotes among them (each quote's content is a container of its own)."""
    out: list[tuple[int, str, bool]] = []
    lists: dict[int, tuple[str, list[bool]]] = {}  # depth -> (marker kind, decisions)
    prev_blank = True
    skip_to = 0  # past the top-level quote run already read
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        if not lists and quotes < MAX_QUOTE_DEPTH and _QUOTE.match(line):
            skip_to = quote_run_end(lines, i)
            inner = [_QUOTE_MARK.sub("", ln, count=1) for ln in lines[i:skip_to]]
            out += _decisions(inner, offset + i, quotes + 1, breaks, eobs)
            prev_blank = False
            continue
        if not line.strip():
            prev_blank = True
            continue
        m = _ITEM.match(line)
        if not m:
            if prev_blank:
                for depth in [d for d in lists if 4 * d + 2 > _indent(line)]:
                    del lists[depth]
            prev_blank = False
            continue
        depth = _indent(line) // 4
        kind = _kind(m)
        for deeper in [d for d in lists if d > depth]:
            del lists[deeper]
        if depth not in lists or lists[depth][0] != kind:
            lists[depth] = (kind, [])
        bare = _is_bare(lines, i, depth, lists[depth][1], breaks, eobs)
        lists[depth][1].append(bare or _opens_with_block(m.group(3)))
        out.append((offset + i, m.group(3).strip()[:16], bare))
        prev_blank = False
    return out


# An item's text that opens with a block other than a paragraph: a heading, quote, list,
# comment or block-level element, or a stashed block (a fence or display math) alone.
_BLOCK_FIRST = re.compile(r"(?:#{1,6}(?:[ \t]|$)|>|[*+-][ \t]|\d{1,9}[.)][ \t]|<!--"
                          r"|\x02[^\x03]*\x03\s*$|<([^\W\d_][\w-]*))")


def _opens_with_block(text: str) -> bool:
    m = _BLOCK_FIRST.match(text)
    if m is None or m.group(1) is None:
        return m is not None
    # a start tag kramdown reads as one (`<Chapter 2: Basics>` is text) of no span element
    return m.group(1).lower() not in SPAN_ELEMENTS and TAG.match(text) is not None


def _is_bare(lines: list[str], i: int, depth: int, earlier: list[bool], breaks, eobs
             ) -> bool:
    """kramdown's `transparent` test for the item on line i (see its parser/list.rb);
    `earlier`: for each item before it in its list, whether its first child is a bare
    paragraph or no paragraph at all."""
    last = _is_last(lines, i, depth)
    if last and earlier and not any(earlier):
        return False  # the last item of a list whose other items all open with a <p>
    j = i + 1
    while j < len(lines) and lines[j].strip() and not _ITEM.match(lines[j]):
        if lines[j].strip() in breaks:
            return True  # a block right after the paragraph: kramdown's children[1]
        j += 1
    if j >= len(lines) or lines[j].strip():
        return True  # no blank line after the first paragraph
    k = _next_content(lines, j)
    if k is not None and _indent(lines[k]) >= 4 * (depth + 1):
        return False  # more content in this item after a blank line
    # the last item's paragraph and blank line: bare, unless a `^` ended the list there
    return last and not (k is not None and lines[k] in eobs)


def _is_last(lines: list[str], i: int, depth: int) -> bool:
    kind = _kind(_ITEM.match(lines[i]))
    prev_blank = False
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if not line.strip():
            prev_blank = True
            continue
        ind = _indent(line)
        if ind >= 4 * (depth + 1) or (not prev_blank and not _ITEM.match(line)):
            prev_blank = False
            continue  # nested content or a lazy continuation line
        m = _ITEM.match(line)
        return not (m and ind // 4 == depth and _kind(m) == kind)
    return True


def _kind(m: re.Match) -> str:
    return "ol" if m.group(2)[0].isdigit() else "ul"


class ListTightnessPreprocessor(Preprocessor):
    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        state = self.holder.state
        soft = state.soft_blanks
        # A block list_indent set apart under an item's text (a heading, a quote: a blank
        # line added before it) follows the item's first paragraph as fences do.
        blocks = {lines[i + 1].strip() for i in soft if i + 1 < len(lines)
                  and lines[i + 1].strip() and not _ITEM.match(lines[i + 1])}
        state.bare_items = bare_items([ln for i, ln in enumerate(lines) if i not in soft],
                                      state.fences_in_item | blocks, state.eobs_after_blank)
        return lines


class ListTightnessTreeprocessor(Treeprocessor):
    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):  # list_indent's break between two lists: no block here
            for p in [c for c in li if c.tag == "p" and (c.text or "").strip() == LIST_BREAK_MARK]:
                li.remove(p)
        decisions = self.holder.state.bare_items
        pos = 0
        for li in root.iter("li"):
            raw = _raw_text(li)
            found = next((k for k in range(pos, min(pos + 4, len(decisions)))
                          if raw.startswith(decisions[k][0][:12])), None)
            if found is None:
                continue
            pos = found + 1
            if decisions[found][1]:
                _unwrap_first_paragraph(li)
            elif (li.text or "").strip() and len(li):
                # A blank line, then a block Python-Markdown keeps outside the text (indented
                # code): kramdown's first paragraph is a <p> all the same.
                p = etree.Element("p")
                p.text, p.tail = li.text.strip(), "\n"
                li.text = None
                li.insert(0, p)


def _raw_text(li: etree.Element) -> str:
    if (li.text or "").strip():
        return li.text.strip()
    if len(li) and li[0].tag == "p":
        return (li[0].text or "").strip()
    return ""


def _unwrap_first_paragraph(li: etree.Element) -> None:
    if (li.text or "").strip() or not len(li) or li[0].tag != "p":
        return
    p = li[0]
    li.remove(p)
    li.text = p.text
    for idx, child in enumerate(list(p)):
        li.insert(idx, child)
    if len(p) and len(li) > len(p):
        li[len(p) - 1].tail = (li[len(p) - 1].tail or "") + "\n"
    elif len(li) > 0 and not len(p):
        li.text = (li.text or "") + "\n"

