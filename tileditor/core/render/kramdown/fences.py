"""Fenced code blocks (``` and ~~~; which lines are one is core/lexicon.py's kramdown rule) and
indented code, highlighted in rouge's markup. Must not import PySide6."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core import lexicon
from tileditor.core.render.highlight import fenced_block_html, highlight_code
from tileditor.core.render.highlight.rouge_names import rouge_knows
from tileditor.core.render.kramdown import stash

_PRE_OPEN = re.compile(r"^ {0,3}<pre[\s>]", re.I)
_PRE_CLOSE = re.compile(r"</pre>", re.I)


# A line's block syntax: indentation and the markers after it (quote, list, heading,
# definition), whose tabs Python-Markdown reads only as spaces.
_PREFIX = re.compile(r"^(?:[ \t]|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])|#{1,6}(?=[ \t])|:(?=[ \t]))*")
# Lines whose patterns want spaces throughout: a rule or setext underline, a table's
# separator row, a link, footnote or abbreviation definition.
_WHOLE = re.compile(r"^[ \t]*(?:[-=*_][ \t]*)+$|^[+|: \t-]*-[+|: \t-]*$|^ {0,3}\*?\[[^\]]*\]:")


def _expand(line: str) -> str:
    """Tabs to 4-column stops where Markdown reads block syntax; a tab in running text or
    code stays a tab, as kramdown keeps it (`a<TAB>b` is no `a   b`; a heading's id is
    `a-b`; two trailing tabs are no line break)."""
    if "\t" not in line:
        return line
    if _WHOLE.match(line):
        return line.expandtabs(4)
    n = _PREFIX.match(line).end()
    return line[:n].expandtabs(4) + line[n:] if "\t" in line[:n] else line


def expand_tabs(lines: list[str]) -> list[str]:
    """Tabs in block syntax to 4-column stops, as Markdown reads indentation (see _expand),
    except inside fenced code, `<pre>` blocks and `{% highlight %}` tags, whose tabs kramdown
    and rouge keep; whitespace-only lines emptied (Markdown's blank lines) but inside fenced
    code, which keeps them as typed."""
    out = [_expand(ln) for ln in lines]
    keep: set[int] = set()
    for fence in lexicon.find_fences(out):
        keep.update(range(fence.first + 1, fence.last))
    fenced = set(keep)
    close, opened = None, 0  # the end of the <pre> or highlight region we are in
    for i in range(len(out)):
        if close is not None:
            keep.add(i)
            close = None if close.search(out[i]) else close
        elif i not in keep:
            close, opened = _verbatim_close(out[i]), i
    if close is not None:  # never closed: Markdown reads those lines after all
        keep.difference_update(range(opened, len(out)))
    return [lines[i] if i in keep and (i in fenced or lines[i].strip(" ")) else
            ln if ln.strip(" ") else "" for i, ln in enumerate(out)]


def _verbatim_close(line: str):
    """The pattern that closes the <pre> or highlight region `line` opens, or None."""
    if "<" in line and _PRE_OPEN.match(line) and "</pre>" not in line.lower():
        return _PRE_CLOSE
    if "{%" in line:
        close = lexicon.LIQUID_END["highlight"]
        for opened in lexicon.LIQUID_OPEN.finditer(line):
            if opened.group(1) == "highlight":
                return None if close.search(line, opened.end()) else close
    return None


class FencePreprocessor(Preprocessor):
    """Replace each fence with an html-stash placeholder line set apart by blank lines, so
    a fence interrupts a paragraph as in GFM."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        columns: list[int] | None = None
        for fence in lexicon.find_fences(lines):
            start, end = fence.first, fence.last
            out.extend(lines[i:start])
            indent = fence.opener.prefix
            body = [_strip_prefix(ln, indent, fence.base) for ln in lines[start + 1:end]]
            code = "\n".join(body) + ("\n" if body else "")
            lang = re.match(r"[^{?]*", fence.info).group(0) or self._ial_language(lines, end)
            placeholder = stash.store_block(self.md, self.holder.state,
                                            fenced_block_html(code, lang), end - start + 1)
            columns = columns if columns is not None else _item_columns(lines)
            column = columns[start - 1] if start else 0
            if indent.strip(" ") == "":  # (kept for a raw element an item leaves open)
                self.holder.state.block_sources[placeholder] = "\n".join(
                    ln[len(indent):] if ln.startswith(indent) else ln.lstrip(" ")
                    for ln in lines[start:end + 1])
            if lines[start][:fence.base].strip() and lexicon.list_item(lines[start]):
                # The fence opens the item's text (`1. ```python`): it is the item's text.
                out.append(lines[start][:fence.base] + placeholder)
                self.holder.state.fences_in_item.add(placeholder)
            elif column >= len(indent) and column and ">" not in indent:
                # Right under an item's text, kramdown keeps the block in that item.
                out.append(" " * column + placeholder)
                self.holder.state.fences_in_item.add(placeholder)
            else:
                # Inside a quote, blank quote lines keep the quote going around the block.
                blank = indent.rstrip() if ">" in indent else ""
                if out and out[-1].strip():
                    out.append(blank)
                after = lines[end + 1] if end + 1 < len(lines) else ""
                out.extend([indent + placeholder, blank if after.strip() else ""])
                if after.strip() and not indent:
                    # right under the fence: no block boundary (no table, setext heading)
                    self.holder.state.no_boundary_lines.add(after)
            i = end + 1
        out.extend(lines[i:])
        return out

    def _ial_language(self, lines: list[str], end: int) -> str:
        """The first `.language-x` class of the block IAL right under a fence (kramdown
        takes the language from it when the fence names none), else ""."""
        j = end + 1
        while j < len(lines) and j <= end + 2 and not lines[j].strip():
            j += 1
        m = _IAL_MARK.fullmatch(lines[j].strip()) if j < len(lines) else None
        if m is None or int(m.group(1)) >= len(self.holder.state.ials):
            return ""
        (attrs, _refs), direction = self.holder.state.ials[int(m.group(1))]
        if direction != "after":
            return ""
        classes = attrs.get("class", "").split()
        return next((c[9:] for c in classes if c.startswith("language-")), "")


_IAL_MARK = stash.mark_pattern("ial", r"(\d+)")


def _strip_prefix(line: str, indent: str, base: int) -> str:
    """A code line as kramdown reads it: without the `>` markers of the quotes the fence is
    in and the text column `base` of its list item, which kramdown takes off every line of
    an item that has it; the fence's own indentation stays in the code (`  ```` then
    `  aaa` is `  aaa`, CommonMark would say `aaa`)."""
    if ">" in indent:
        if line.startswith(indent):
            return line[len(indent):]
        return re.sub(rf"^(?: {{0,3}}> ?){{{indent.count('>')}}}", "", line)
    return line[base:] if line.startswith(" " * base) else line


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
            item = lexicon.list_item(line)
            column = item.column if item else column
        out.append(column)
    return out


class IndentedCodeTreeprocessor(Treeprocessor):
    """kramdown highlights indented code too: give `<pre><code>` rouge's wrapper, with the
    block IAL's attributes on it; a `.language-x` class highlights the code as x."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for idx, child in enumerate(list(parent)):
                if child.tag != "pre" or len(child) != 1 or child[0].tag != "code":
                    continue
                if child[0].get("class"):
                    continue
                attrs = dict(child.attrib)
                classes = attrs.pop("class", "").split()
                lang = next((c[9:] for c in classes if c.startswith("language-")), "")
                if lang and not rouge_knows(lang):
                    # No Rouge lexer: kramdown's bare <pre> (the IAL's rest on it).
                    rest = " ".join(c for c in classes if c != f"language-{lang}")
                    child.attrib.clear()
                    child.attrib.update({**({"class": rest} if rest else {}), **attrs})
                    child[0].set("class", f"language-{lang}")
                    continue
                if lang:
                    _highlight(child[0], lang)
                # kramdown's order: the language, the IAL's other classes, rouge's class.
                outer = etree.Element("div", {"class": " ".join([
                    f"language-{lang or 'plaintext'}",
                    *(c for c in classes if not c.startswith("language-")),
                    "highlighter-rouge"])})
                for key, value in attrs.items():
                    outer.set(key, value)
                inner = etree.SubElement(outer, "div", {"class": "highlight"})
                child.attrib.clear()
                child.set("class", "highlight")
                inner.append(child)
                outer.tail = child.tail
                child.tail = None
                parent.remove(child)
                parent.insert(idx, outer)


def _highlight(code: etree.Element, lang: str) -> None:
    """Rouge's spans for lang in place of the code element's plain text."""
    try:
        spans = etree.fromstring(f"<code>{highlight_code(html.unescape(code.text or ''), lang)}</code>")
    except etree.ParseError:  # a character XML refuses: keep the plain text
        return
    code.text = spans.text
    code[:] = list(spans)
    last = code[-1] if len(code) else None
    if last is not None and not (last.tail or "").endswith("\n"):
        last.tail = (last.tail or "") + "\n"
    elif last is None and not (code.text or "").endswith("\n"):
        code.text = (code.text or "") + "\n"


class FenceInItemTreeprocessor(Treeprocessor):
    """A fence right under an item's text sits inside that text's paragraph for
    Python-Markdown; kramdown ends the paragraph there: the fence is a block of the item and
    text after it a `<p>` of its own (`- a`, fence, `  b`: `<li>a <div..> <p>b</p></li>`)."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        held = self.holder.state.fences_in_item
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
