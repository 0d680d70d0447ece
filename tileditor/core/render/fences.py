"""Fenced code blocks (``` and ~~~, as kramdown's GFM parser reads them) and indented code,
highlighted in rouge's markup. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.highlight import fenced_block_html

_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[^`\s{]*)[^`]*$")


_PRE_OPEN = re.compile(r"^ {0,3}<pre[\s>]", re.I)
_HIGHLIGHT_OPEN = re.compile(r"\{%-?\s*highlight\s")
_HIGHLIGHT_CLOSE = re.compile(r"\{%-?\s*endhighlight\s*-?%\}")


def expand_tabs(lines: list[str]) -> list[str]:
    """Tabs to 4-column stops, as Markdown reads indentation, except inside fenced code,
    `<pre>` blocks and `{% highlight %}` tags, whose tabs kramdown and rouge keep."""
    out: list[str] = []
    close = None  # what ends the verbatim region we are in
    for line in lines:
        if close is not None:
            out.append(line)
            if close.search(line.expandtabs(4)):
                close = None
            continue
        line = line.expandtabs(4) if "\t" in line else line
        out.append(line)
        close = _verbatim_close(line)
    return out


def _verbatim_close(line: str):
    """The pattern that closes the verbatim region `line` opens, or None."""
    if "```" in line or "~~~" in line:
        m = _OPEN.match(line)
        if m:
            fence = m.group("fence")
            return re.compile(r"^ *" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
    if "<" in line and _PRE_OPEN.match(line) and "</pre>" not in line.lower():
        return re.compile(r"</pre>", re.I)
    if "{%" in line and _HIGHLIGHT_OPEN.search(line) and not _HIGHLIGHT_CLOSE.search(line):
        return _HIGHLIGHT_CLOSE
    return None


class FencePreprocessor(Preprocessor):
    """Replace each fence with an html-stash placeholder line set apart by blank lines, so
    a fence interrupts a paragraph as in GFM."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _OPEN.match(lines[i])
            if not m:
                out.append(lines[i])
                i += 1
                continue
            fence, indent = m.group("fence"), m.group("indent")
            end = i + 1
            close = re.compile(r"^ *" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            while end < len(lines) and not close.match(lines[end]):
                end += 1
            body = [ln[len(indent):] if ln.startswith(indent) else ln.lstrip(" ")
                    for ln in lines[i + 1:end]]
            code = "\n".join(body) + ("\n" if body else "")
            placeholder = self.md.htmlStash.store(fenced_block_html(code, m.group("lang")))
            self.md.tl_spans = getattr(self.md, "tl_spans", {})
            self.md.tl_spans[placeholder] = min(end, len(lines) - 1) - i + 1
            if out and out[-1].strip():
                out.append("")
            out.extend([indent + placeholder, ""])
            i = end + 1
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


class FencesExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(FencePreprocessor(md), "tl_fences", 28)
        md.treeprocessors.register(IndentedCodeTreeprocessor(md), "tl_indented_code", 4)
