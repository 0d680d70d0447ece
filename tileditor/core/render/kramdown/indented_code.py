"""Indented code as kramdown's parse_codeblock reads it: after an indented line, every
non-blank line belongs to the block (a heading, list marker or rule too) up to an IAL, a `^`
or a line opening with a tag other than a span element's; a line indented less than four
columns joins the line before it with a space, and the last line keeps its trailing spaces.
Python-Markdown ends the block at the first line indented less and strips the trailing
spaces. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.blockprocessors import CodeBlockProcessor
from markdown.treeprocessors import PrettifyTreeprocessor

from tileditor.core.render.kramdown.list_indent import LAZY_END_HTML
from tileditor.core.render.kramdown.stash import STX
from tileditor.core.render.kramdown.state import EobAware

_JOINED = re.compile(r"\n( {0,3}\S)")  # kramdown: data.gsub!(/\n( {0,3}\S)/, ' \1')


def take(block: str, tab: int) -> tuple[str, str]:
    """(the block's code text, joined and de-indented as kramdown does; the lines after it)."""
    lines = block.split("\n")
    indent = " " * tab
    n = 0
    for line in lines:
        if not (line.startswith(indent) or not line.strip() or (n and _lazy(line))):
            break
        n += 1
    code = _JOINED.sub(r" \1", "\n".join(lines[:n]))
    code = "\n".join(ln[tab:] if ln.startswith(indent) else ln for ln in code.split("\n"))
    return code, "\n".join(lines[n:])


def _lazy(line: str) -> bool:
    # A stashed block (raw HTML, a fence) or a tag of a block element ends the code.
    return not line.lstrip(" ").startswith(STX) and not LAZY_END_HTML.match(line)


class KramdownCodeBlockProcessor(EobAware, CodeBlockProcessor):
    """CodeBlockProcessor.run with kramdown's lazy lines and trailing spaces (see above); a
    definition between two code blocks keeps them apart."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        sibling = self.lastChild(parent)
        code_text, rest = take(blocks.pop(0), self.tab_length)
        text = util.code_escape(code_text.rstrip("\n"))
        if (sibling is not None and sibling.tag == "pre" and len(sibling)
                and sibling[0].tag == "code"):
            # A block after blank lines continues the code block before them.
            code = sibling[0]
            code.text = util.AtomicString(f"{code.text}\n{text}\n")
        else:
            code = etree.SubElement(etree.SubElement(parent, "pre"), "code")
            code.text = util.AtomicString(f"{text}\n")
        if rest:
            blocks.insert(0, rest)


class CodePrettifyTreeprocessor(PrettifyTreeprocessor):
    """Python-Markdown's prettify, but code keeps the trailing spaces of its last line (the
    original strips all trailing whitespace); only trailing newlines become one."""

    def run(self, root: etree.Element) -> None:
        kept = [(pre[0], pre[0].text) for pre in root.iter("pre")
                if len(pre) and pre[0].tag == "code" and not len(pre[0]) and pre[0].text]
        super().run(root)
        for code, text in kept:
            code.text = util.AtomicString(text.rstrip("\n") + "\n")
