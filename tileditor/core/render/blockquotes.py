"""kramdown starts a new blockquote after a blank line (`> a`, blank, `> b` is two quotes);
Python-Markdown would merge them. Must not import PySide6."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import BlockQuoteProcessor


class SeparateBlockQuoteProcessor(BlockQuoteProcessor):
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


class BlockQuoteExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.parser.blockprocessors.register(SeparateBlockQuoteProcessor(md.parser), "quote", 20)
