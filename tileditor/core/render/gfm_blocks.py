"""Rules where kramdown's GFM parser differs from Python-Markdown: a list may interrupt a
paragraph, `#Title` (no space) is not a heading, `~~text~~` is struck through.
Must not import PySide6."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor

_LIST_START = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}\.)[ \t]+\S")
_GFM_HASH = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)"
)


class ListInterruptsParagraph(Preprocessor):
    """Insert the blank line Python-Markdown needs before a list that ends a paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block_is_list = False
        prev_blank = True
        for line in lines:
            blank = not line.strip()
            if not blank and prev_blank:
                block_is_list = bool(_LIST_START.match(line)) or line.startswith((" ", "\t"))
            elif not blank and _LIST_START.match(line) and not block_is_list and not _special(
                    out[-1]):
                out.append("")
                block_is_list = True
            out.append(line)
            prev_blank = blank
        return out


def _special(previous: str) -> bool:
    """Lines after which a list line is not a new block for our purpose (tables, html)."""
    text = previous.lstrip()
    return text.startswith(("|", "<", "\x02"))


class GfmBlocksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"gfm": [True, "kramdown GFM input rules"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        if not self.getConfig("gfm"):
            return
        md.preprocessors.register(ListInterruptsParagraph(md), "tl_list_interrupts", 25)
        md.parser.blockprocessors["hashheader"].RE = _GFM_HASH
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~~)(?=\S)(.+?)(?<=\S)~~", "del"), "tl_strike", 65)
