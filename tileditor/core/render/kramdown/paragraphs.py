"""Paragraphs as kramdown strips them: only ASCII whitespace (Ruby's lstrip) comes off a
paragraph's start, so an ideographic space (U+3000), a no-break or a hair space opening a
paragraph or a tight item's text stays, as the page shows it. Python-Markdown's own
ParagraphProcessor strips every Unicode space. Must not import PySide6."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockprocessors import ParagraphProcessor

_ASCII_SPACE = " \t\n\r\f\v\x00"  # Ruby's String#lstrip


class KramdownParagraphProcessor(ParagraphProcessor):
    """ParagraphProcessor.run (markdown 3.11) with Ruby's lstrip."""

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        if not block.strip(_ASCII_SPACE):
            return  # a blank block: nothing to add
        if self.parser.state.isstate("list"):
            # A tight list: the text goes into the item, after a child a heading left there.
            sibling = self.lastChild(parent)
            if sibling is not None:
                sibling.tail = f"{sibling.tail}\n{block}" if sibling.tail else f"\n{block}"
            elif parent.text:
                parent.text = f"{parent.text}\n{block}"
            else:
                parent.text = block.lstrip(_ASCII_SPACE)
        else:
            etree.SubElement(parent, "p").text = block.lstrip(_ASCII_SPACE)
