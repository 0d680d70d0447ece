"""kramdown starts a new blockquote after a blank line (`> a`, blank, `> b` is two quotes);
Python-Markdown would merge them. And a quote takes every line after it up to a blank line as
its own, whatever block the line starts: `> a` then `# H` is a heading inside the quote.
Must not import PySide6."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockQuoteProcessor


def _nearing_recursion_limit() -> bool:
    """Python-Markdown's util.nearing_recursion_limit (within 100 frames of the limit), asked
    of the interpreter in C instead of by walking every frame in Python on each test (that
    walk made deeply nested quotes quadratic)."""
    try:
        sys._getframe(sys.getrecursionlimit() - 101)
    except ValueError:
        return False
    return True


class SeparateBlockQuoteProcessor(BlockQuoteProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.RE.search(block)) and not _nearing_recursion_limit()

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        m = self.RE.search(block)
        if m:
            self.parser.parseBlocks(parent, [block[: m.start()]])
            block = "\n".join(self.clean(line) for line in block[m.start():].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


class LazyBlockQuoteProcessor(SeparateBlockQuoteProcessor):
    """A block that opens with a quote line is all quote (kramdown's lazy lines), taken
    before the heading, rule and list processors can split a line out of it."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_QUOTE_FIRST.match(block)) and not _nearing_recursion_limit()


_QUOTE_FIRST = re.compile(r" {0,3}>")
