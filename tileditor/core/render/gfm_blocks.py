"""Rules where kramdown's GFM parser differs from Python-Markdown: `#Title` (no space) is
not a heading, `~~text~~` is struck through (lists interrupting paragraphs: list_indent.py).
Must not import PySide6."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

_GFM_HASH = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)"
)


class GfmBlocksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"gfm": [True, "kramdown GFM input rules"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        if not self.getConfig("gfm"):
            return
        md.parser.blockprocessors["hashheader"].RE = _GFM_HASH
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~~)(?=\S)(.+?)(?<=\S)~~", "del"), "tl_strike", 65)
