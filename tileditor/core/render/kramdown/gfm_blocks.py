"""Rules where kramdown's GFM parser differs from Python-Markdown: `#Title` (no space) is
not a heading, `~~text~~` is struck through, a backslash ending a line is a hard break, and a
`***` or `___` rule right under a paragraph line is paragraph text (only list-like rules such
as `* * *` interrupt it; lists interrupting paragraphs: list_indent.py). No PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import HashHeaderProcessor, HRProcessor, SetextHeaderProcessor
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor

from tileditor.core.render.kramdown import angle_text
from tileditor.core.render.kramdown.heading_ids import EXPLICIT_ID
from tileditor.core.render.kramdown.state import NeedsBoundary, StateHolder
from tileditor.core.render.kramdown.suffix_search import SuffixSearch

# The whole line after the hashes: which closing hashes go is _atx_text's (kramdown's) rule.
# kramdown-parser-gfm's ATX_HEADER_START wants a space or tab after them, and a header with
# no text (`#`, `# `) is paragraph text.
# (text after the blanks: any character but an ASCII blank, as Ruby's regexes read `\S`)
_GFM_HASH = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]+[^ \t\n])(?P<header>[^\n]*)(?:\n|$)")


# kramdown's HR_START: three of one of `*-_`, any spaces or tabs between and after
# (Python-Markdown allows two spaces between).
RULE = re.compile(r"^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$", re.MULTILINE)
# A rule that could start a list item (`* * *`, `- - -`): the one that ends a paragraph.
_LIST_LIKE_RULE = re.compile(r"^(?=[ ]{0,3}[-*+][ \t])" + RULE.pattern[1:], re.MULTILINE)


class _RestNoBoundary:
    """For a processor that takes a heading or rule off the top of a block and puts the
    lines under it back: those start right after it, no block boundary (kramdown's
    after_block_boundary?), so no table or setext heading opens there."""

    def __init__(self, parser, holder: StateHolder) -> None:
        super().__init__(parser)
        self.holder = holder

    def run(self, parent, blocks) -> None:
        count = len(blocks)
        super().run(parent, blocks)
        if blocks and len(blocks) == count:  # one block taken, its rest put back first
            self.holder.state.no_boundary = blocks[0]


class GfmRuleProcessor(_RestNoBoundary, HRProcessor):
    """A rule inside a block splits it only where kramdown-parser-gfm ends a paragraph."""

    SEARCH_RE = RULE

    def __init__(self, parser, holder: StateHolder) -> None:
        super().__init__(parser, holder)
        self._list_like = SuffixSearch(_LIST_LIKE_RULE)

    def test(self, parent, block) -> bool:
        # A rule at the block's start splits it; further down only a list-like one does.
        m = RULE.match(block) or self._list_like.search(block)
        if m:
            self.match = m
        return m is not None


class NoRuleSetextProcessor(NeedsBoundary, SetextHeaderProcessor):
    """`***` over `---` is two rules for kramdown, not a heading whose text is `***`; no
    heading right under a definition."""

    def test(self, parent, block) -> bool:
        first = block.split("\n", 1)[0]
        # a line of spaces is a blank line to kramdown, never a heading's text
        return super().test(parent, block) and self.at_boundary(block) and bool(
            first.strip()) and not RULE.match(first)

    def run(self, parent, blocks) -> None:
        # SetextHeaderProcessor.run splits the whole block into lines and joins all but two
        # back: quadratic in a block of 25,000 headings. Only the two lines it reads are cut.
        text, underline, *rest = blocks.pop(0).split("\n", 2)
        h = etree.SubElement(parent, "h1" if underline.startswith("=") else "h2")
        h.text = text.strip()
        if rest:
            blocks.insert(0, rest[0])
            self.holder.state.no_boundary = blocks[0]  # right under it: no block boundary



class GfmHashHeaderProcessor(_RestNoBoundary, HashHeaderProcessor):
    """`#Title` without a space after the hashes is paragraph text for kramdown-parser-gfm;
    closing hashes go only after a space or tab (`# Learning C#` keeps its `#`)."""

    RE = _GFM_HASH

    def __init__(self, parser, holder: StateHolder) -> None:
        super().__init__(parser, holder)
        self._heading = SuffixSearch(self.RE)

    def test(self, parent, block) -> bool:
        return self._heading.search(block) is not None

    def run(self, parent, blocks) -> None:
        m = self.RE.search(blocks[0])
        super().run(parent, blocks)
        heading = parent[-1]  # the lines before it were parsed first; those after wait
        # Ruby's strip: an ideographic space (U+3000) after the blanks stays in the text
        heading.text = _atx_text(m.group("header").strip(" \t") if m else heading.text or "")


def _atx_text(text: str) -> str:
    """kramdown-parser-gfm's parse_atx_header_gfm_quirk: one run of `#` at the end goes when
    a space or tab is before it (`foo \\###` keeps its run: the backslash escapes one); an
    explicit `{#id}` is read off first (`Header ## {#id}` is `Header`), kept for the ids pass."""
    text = text.rstrip(" \t")
    explicit = EXPLICIT_ID.search(text)
    if explicit:
        return _atx_text(text[:explicit.start()]) + explicit.group(0)
    bare = text.rstrip("#")
    if bare != text and bare.endswith((" ", "\t")):
        return bare.rstrip(" \t")
    return text


def strike_processor() -> SimpleTagInlineProcessor:
    # kramdown-parser-gfm's STRIKETHROUGH_MATCH: no space or `~` after the opening `~~`, none
    # before the closing one (`~~~a~~~` is `~<del>a</del>~`, `~~~~~~` text).
    return SimpleTagInlineProcessor(r"(~~)(?![\s~])(.*?[^\s~])~~", "del")


class BackslashBreakProcessor(SubstituteTagInlineProcessor):
    """A run of backslashes ending a line, read left to right as kramdown does: pairs are
    escaped backslashes, but a pair right before the newline is kramdown's `\\\\` break and a
    lone last one GFM's `\\` break (`c\\\\` breaks with no backslash shown, `g\\\\\\` shows
    one). The pairs before the break are left to the escape pattern."""

    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        if angle_text.inside_tag(data, m.start()):
            return None, None, None  # `<a href="a\\` newline `b">`: the tag's text
        run = len(m.group(1))
        el, _start, end = super().handleMatch(m, data)
        return el, m.start(1) + run - (1 if run % 2 else 2), end


def backslash_break_processor() -> SubstituteTagInlineProcessor:
    return BackslashBreakProcessor(r"(?<!\\)(\\+)\n", "br")
