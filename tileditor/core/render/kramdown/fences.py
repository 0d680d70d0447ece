"""Fenced code blocks (``` and ~~~, as kramdown's GFM parser reads them) and indented code,
highlighted in rouge's markup. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.highlight import fenced_block_html

# kramdown-parser-gfm's fence: one info word at most (`js?x` highlights as js), and a closing
# fence of the same character at least as long; without one the lines are a paragraph.
_OPEN = re.compile(
    r"^(?P<indent>(?: {0,3}> ?)* *)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[ \t]*$")
# A list item's first line: its text starts at the item's content column.
_ITEM = re.compile(r"^( *(?:[*+-]|\d{1,9}[.)])[ \t]+)\S")
_HTML_OPEN = re.compile(r"^ {0,3}<([A-Za-z][\w-]*)(?=[\s>/]|$)")
_MARKDOWN_ATTR = re.compile(r"\smarkdown\s*=")
# Python-Markdown's block-level elements that hold content (it decides what is a raw block).
_RAW_BLOCK_TAGS = frozenset("""address article aside blockquote body canvas center colgroup dd
    details div dl dt fieldset figcaption figure footer form group header hgroup html iframe
    legend li main map math menu nav noscript object ol option output p pre progress script
    section style summary table tbody td textarea tfoot th thead tr ul video""".split())
_PRE_OPEN = re.compile(r"^ {0,3}<pre[\s>]", re.I)
_PRE_CLOSE = re.compile(r"</pre>", re.I)
_HIGHLIGHT_OPEN = re.compile(r"\{%-?\s*highlight\s")
_HIGHLIGHT_CLOSE = re.compile(r"\{%-?\s*endhighlight\s*-?%\}")


def _closer(fence: str, quotes: int = 0) -> re.Pattern:
    """The closing fence: same character, at least as long, inside as many `>` quotes."""
    return re.compile(rf"^(?: {{0,3}}> ?){{{quotes}}} *" + re.escape(fence[0]) + "{"
                      + str(len(fence)) + r",}\s*$")


def find_fences(lines: list[str]) -> list[tuple[int, int, re.Match]]:
    """(opening line, closing line, opening match) of each closed fenced code block; fences
    inside a raw HTML block (no `markdown=` attribute) are raw text for kramdown."""
    found = []
    unclosed: set[str] = set()  # tags seen without a closing tag: not looked for again
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _OPEN.match(line) if ("```" in line or "~~~" in line) else None
        if m:
            close = _closer(m.group("fence"), m.group("indent").count(">"))
            end = next((j for j in range(i + 1, len(lines)) if close.match(lines[j])), None)
            if end is not None:
                found.append((i, end, m))
                i = end + 1
                continue
        elif "<" in line:
            i = _raw_html_end(lines, i, unclosed)
        i += 1
    return found


def _raw_html_end(lines: list[str], i: int, unclosed: set[str]) -> int:
    """The last line of the raw HTML block opening at line i (i itself when none does)."""
    m = _HTML_OPEN.match(lines[i])
    tag = m.group(1).lower() if m else ""
    if tag not in _RAW_BLOCK_TAGS or tag in unclosed:
        return i
    opener = re.compile(rf"<{tag}(?=[\s>/])", re.I)
    closer = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for j in range(i, len(lines)):
        depth += len(opener.findall(lines[j])) - len(closer.findall(lines[j]))
        if _MARKDOWN_ATTR.search(lines[j]):
            return i  # md_in_html parses it: its fences are fences
        if depth <= 0:
            return j
    unclosed.add(tag)
    return i


def expand_tabs(lines: list[str]) -> list[str]:
    """Tabs to 4-column stops, as Markdown reads indentation, except inside fenced code,
    `<pre>` blocks and `{% highlight %}` tags, whose tabs kramdown and rouge keep."""
    out = [ln.expandtabs(4) if "\t" in ln else ln for ln in lines]
    keep: set[int] = set()
    for start, end, _ in find_fences(out):
        keep.update(range(start + 1, end))
    close, opened = None, 0  # the end of the <pre> or highlight region we are in
    for i in range(len(out)):
        if close is not None:
            keep.add(i)
            close = None if close.search(out[i]) else close
        elif i not in keep:
            close, opened = _verbatim_close(out[i]), i
    if close is not None:  # never closed: Markdown reads those lines after all
        keep.difference_update(range(opened, len(out)))
    return [lines[i] if i in keep else ln for i, ln in enumerate(out)]


def _verbatim_close(line: str):
    """The pattern that closes the <pre> or highlight region `line` opens, or None."""
    if "<" in line and _PRE_OPEN.match(line) and "</pre>" not in line.lower():
        return _PRE_CLOSE
    if "{%" in line and _HIGHLIGHT_OPEN.search(line) and not _HIGHLIGHT_CLOSE.search(line):
        return _HIGHLIGHT_CLOSE
    return None


class FencePreprocessor(Preprocessor):
    """Replace each fence with an html-stash placeholder line set apart by blank lines, so
    a fence interrupts a paragraph as in GFM."""

    def run(self, lines: list[str]) -> list[str]:
        # Placeholders kept right under an item's text (see FenceInItemTreeprocessor).
        self.in_item: set[str] = set()
        out: list[str] = []
        i = 0
        columns: list[int] | None = None
        for start, end, m in find_fences(lines):
            out.extend(lines[i:start])
            indent = m.group("indent")
            body = [_strip_prefix(ln, indent) for ln in lines[start + 1:end]]
            code = "\n".join(body) + ("\n" if body else "")
            lang = re.match(r"[^{?]*", m.group("info")).group(0)
            placeholder = self.md.htmlStash.store(fenced_block_html(code, lang))
            self.md.tl_spans = getattr(self.md, "tl_spans", {})
            self.md.tl_spans[placeholder] = end - start + 1
            columns = columns if columns is not None else _item_columns(lines)
            column = columns[start - 1] if start else 0
            if column >= len(indent) and column and ">" not in indent:
                # Right under an item's text, kramdown keeps the block in that item.
                out.append(" " * column + placeholder)
                self.in_item.add(placeholder)
            else:
                # Inside a quote, blank quote lines keep the quote going around the block.
                blank = indent.rstrip() if ">" in indent else ""
                if out and out[-1].strip():
                    out.append(blank)
                after = lines[end + 1] if end + 1 < len(lines) else ""
                out.extend([indent + placeholder, blank if after.strip() else ""])
            i = end + 1
        out.extend(lines[i:])
        return out


def _strip_prefix(line: str, indent: str) -> str:
    """A code line without the fence's indentation and `>` quote markers."""
    if line.startswith(indent):
        return line[len(indent):]
    if ">" in indent:
        return re.sub(rf"^(?: {{0,3}}> ?){{{indent.count('>')}}}", "", line)
    return line.lstrip(" ")


def _item_columns(lines: list[str]) -> list[int]:
    """For each line, the content column of the nearest list item above it, or on it, in its
    run of non-blank lines (0: none); one pass, not a scan back per fence (a post of
    back-to-back fences was quadratic)."""
    out: list[int] = []
    column = 0
    for line in lines:
        if not line.strip():
            column = 0
        else:
            m = _ITEM.match(line)
            column = len(m.group(1).expandtabs(4)) if m else column
        out.append(column)
    return out


class IndentedCodeTreeprocessor(Treeprocessor):
    """kramdown highlights indented code too: give `<pre><code>` rouge's plaintext wrapper."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for idx, child in enumerate(list(parent)):
                if child.tag != "pre" or len(child) != 1 or child[0].tag != "code":
                    continue
                if child[0].get("class"):
                    continue
                outer = etree.Element("div", {"class": "language-plaintext highlighter-rouge"})
                if child.get("data-line"):
                    outer.set("data-line", child.get("data-line"))
                inner = etree.SubElement(outer, "div", {"class": "highlight"})
                child.attrib.clear()
                child.set("class", "highlight")
                inner.append(child)
                outer.tail = child.tail
                child.tail = None
                parent.remove(child)
                parent.insert(idx, outer)


class FenceInItemTreeprocessor(Treeprocessor):
    """A fence right under an item's text sits inside that text's paragraph for
    Python-Markdown; kramdown ends the paragraph there: the fence is a block of the item and
    text after it a `<p>` of its own (`- a`, fence, `  b`: `<li>a <div..> <p>b</p></li>`)."""

    def __init__(self, md, fences: FencePreprocessor):
        super().__init__(md)
        self.fences = fences

    def run(self, root: etree.Element) -> None:
        held = getattr(self.fences, "in_item", None)
        if not held:
            return
        split = re.compile("(" + "|".join(re.escape(p) for p in held) + ")")
        for parent in list(root.iter()):
            if parent.tag == "li" and parent.text and split.search(parent.text):
                parent.text, blocks = _split_at_fences(parent.text, split)
                parent[0:0] = blocks
            for idx in range(len(parent) - 1, -1, -1):
                child = parent[idx]
                text = (child.text or "").strip()
                if child.tag == "p" and not len(child) and split.search(text) and (
                        not split.fullmatch(text)):
                    child.text, blocks = _split_at_fences(child.text, split)
                    parent[idx + 1:idx + 1] = blocks


def _split_at_fences(text: str, split: re.Pattern) -> tuple[str, list[etree.Element]]:
    """(text before the first fence, then one `<p>` per fence and per stretch of text after
    it); a `<p>` holding only a placeholder is replaced by the fence's HTML later."""
    parts = split.split(text)
    blocks = []
    for k, part in enumerate(parts[1:], start=1):
        if k % 2 == 0:
            part = "\n".join(ln.strip() for ln in part.strip().split("\n"))
        if part:
            p = etree.Element("p")
            p.text, p.tail = part, "\n"
            blocks.append(p)
    return parts[0].rstrip(), blocks


class FencesExtension(Extension):
    def extendMarkdown(self, md) -> None:
        fences = FencePreprocessor(md)
        md.preprocessors.register(fences, "tl_fences", 28)
        # After list tightness (25) unwraps first paragraphs, before the inline pass (20).
        md.treeprocessors.register(FenceInItemTreeprocessor(md, fences), "tl_fence_in_item", 24.5)
        md.treeprocessors.register(IndentedCodeTreeprocessor(md), "tl_indented_code", 4)
