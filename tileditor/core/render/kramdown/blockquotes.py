"""kramdown starts a new blockquote after a blank line (`> a`, blank, `> b` is two quotes);
Python-Markdown would merge them. And a quote takes every line after it up to a blank line as
its own, whatever block the line starts: `> a` then `# H` is a heading inside the quote.
Must not import PySide6."""

from __future__ import annotations

import re
import sys
import threading
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockQuoteProcessor

from tileditor.core.render.kramdown.suffix_search import SuffixSearch


def _nearing_recursion_limit(deeper: int = 0) -> bool:
    """Python-Markdown's util.nearing_recursion_limit (within 100 frames of the limit), asked
    of the interpreter in C instead of by walking every frame in Python on each test (that
    walk made deeply nested quotes quadratic). `deeper`: as asked that many frames down; the
    levels the nesting shortcut made without recursing count as the frames they would take."""
    deeper += _shortcut.levels * _FRAMES_PER_LEVEL
    try:
        sys._getframe(sys.getrecursionlimit() - 101 - deeper)
    except ValueError:
        return False
    return True


# Frames one quote level adds when parsed by recursion: run -> parseChunk -> parseBlocks.
_FRAMES_PER_LEVEL = 3
NESTING_SHORTCUT = True  # tests turn it off to compare with the recursion it stands for
class _Shortcut(threading.local):
    levels = 0  # quote levels the shortcut made around this thread's parse in progress


_shortcut = _Shortcut()


def _only_a_deeper_quote(block: str) -> bool:
    """parseChunk(quote, block) would do nothing but hand the whole block to the lazy-quote
    processor again: one block (no blank line), its first line a quote line at column 0 (so
    no empty, indented-code or list-indent block), no `|` (no table); the processors before
    the lazy one decline such a block, the HTML-in-Markdown one on its placeholder test, the
    raw element one (block tl_raw_elements) as no line starts with `<`."""
    return (block[:1] == ">" and "\n\n" not in block and "|" not in block
            and "\n<" not in block)


class SeparateBlockQuoteProcessor(BlockQuoteProcessor):
    def __init__(self, parser) -> None:
        super().__init__(parser)
        self._quote_line = SuffixSearch(self.RE)  # a quote line anywhere in the block

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self._quote_line.search(block)) and not _nearing_recursion_limit()

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        m = self.RE.search(block)
        if m:
            self.parser.parseBlocks(parent, [block[: m.start()]])
            block = "\n".join(self.clean(line) for line in block[m.start():].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        levels = 1
        # `>>>> a` is one quote per `>`: each level made here, as the recursion would make
        # it, instead of running every block processor's test once per level (2,000 nested
        # lines of 50 KB: ~48,000 quotes, kramdown's output too).
        while (NESTING_SHORTCUT and _only_a_deeper_quote(block)
               and not _nearing_recursion_limit(_FRAMES_PER_LEVEL * levels)):
            quote = etree.SubElement(quote, "blockquote")
            self.parser.state.set("blockquote")
            block = "\n".join(self.clean(line) for line in block.split("\n"))
            levels += 1
        outer = _shortcut.levels
        _shortcut.levels = outer + levels - 1  # the depth limit still cuts where it did
        try:
            self.parser.parseChunk(quote, block)
        finally:
            _shortcut.levels = outer
        for _ in range(levels):
            self.parser.state.reset()


class LazyBlockQuoteProcessor(SeparateBlockQuoteProcessor):
    """A block that opens with a quote line is all quote (kramdown's lazy lines), taken
    before the heading, rule and list processors can split a line out of it."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_QUOTE_FIRST.match(block)) and not _nearing_recursion_limit()


_QUOTE_FIRST = re.compile(r" {0,3}>")
