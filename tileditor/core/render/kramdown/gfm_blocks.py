"""Rules where kramdown's GFM parser differs from Python-Markdown: `#Title` (no space) is
not a heading, `~~text~~` is struck through, a backslash ending a line is a hard break, and a
`***` or `___` rule right under a paragraph line is paragraph text (only list-like rules such
as `* * *` interrupt it; lists interrupting paragraphs: list_indent.py). No PySide6."""

from __future__ import annotations

import re

from markdown.blockprocessors import HashHeaderProcessor, HRProcessor, SetextHeaderProcessor
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor

_GFM_HASH = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)"
)


_LIST_LIKE = re.compile(r"[ ]{0,3}[-*+][ \t]")


class GfmRuleProcessor(HRProcessor):
    """A rule inside a block splits it only where kramdown-parser-gfm ends a paragraph."""

    def test(self, parent, block) -> bool:
        for m in self.SEARCH_RE.finditer(block):
            if m.start() == 0 or _LIST_LIKE.match(m.group(0)):
                self.match = m
                return True
        return False


class NoRuleSetextProcessor(SetextHeaderProcessor):
    """`***` over `---` is two rules for kramdown, not a heading whose text is `***`."""

    def test(self, parent, block) -> bool:
        return super().test(parent, block) and not HRProcessor.SEARCH_RE.match(
            block.split("\n", 1)[0])



class GfmHashHeaderProcessor(HashHeaderProcessor):
    """`#Title` without a space after the hashes is paragraph text for kramdown-parser-gfm."""

    RE = _GFM_HASH


def strike_processor() -> SimpleTagInlineProcessor:
    return SimpleTagInlineProcessor(r"(~~)(?=\S)(.+?)(?<=\S)~~", "del")


def backslash_break_processor() -> SubstituteTagInlineProcessor:
    return SubstituteTagInlineProcessor(r"\\\n", "br")
