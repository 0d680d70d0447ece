"""Definition lists as kramdown's parse_definition_list reads them: a definition after a
blank line has its text in a `<p>` (first_as_para), one right under the line before has
not (Python-Markdown decides by whether the previous definition held blocks); an unindented
line under a definition is a lazy line of it up to the next `:` line (Python-Markdown read
the rest, the next definition included, as the definition's own blocks). Must not import
PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import EmptyBlockProcessor
from markdown.extensions.def_list import DefListProcessor

from tileditor.core.render.kramdown.ial_syntax import apply, parse_attributes, resolve_refs
from tileditor.core.render.kramdown.state import EobAware

_DEF_START = re.compile(r"^ {0,3}:[ \t]", re.M)  # kramdown's DEFINITION_LIST_START
_IAL_ONLY = re.compile(r"[ \t]*(?:\{:(?!(?:\w[\w-]*)?:|/)((?:\\\}|[^}])+)\})?[ \t]*")


class KramdownDefListProcessor(EobAware, DefListProcessor):
    """DefListProcessor.run (markdown 3.11) with kramdown's paragraphs and lazy lines."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        state = self.holder.state
        raw_block = blocks.pop(0)
        # A block this processor put back followed its definition line directly.
        after_blank = raw_block is not state.deflist_rest
        state.deflist_rest = None
        m = self.RE.search(raw_block)
        terms = [t.strip() for t in raw_block[:m.start()].split("\n") if t.strip()]
        # The rest of the block is sliced once (a block of 16,000 definitions was copied
        # three times per definition); NO_INDENT_RE reads at most its first four characters.
        if self.NO_INDENT_RE.match(raw_block[m.end():m.end() + 8]):
            nxt = _DEF_START.search(raw_block, m.end())  # `^`: m ends after a line end
            d, rest = ((raw_block[m.end():], None) if nxt is None else
                       (raw_block[m.end():nxt.start()].rstrip("\n"), raw_block[nxt.start():]))
        else:
            d, rest = self.detab(raw_block[m.end():])
        # kramdown's LIST_ITEM_IAL_CHECK: a `:` line holding nothing or an IAL puts the text
        # column at 4, so an 8-space line under it is code (Python-Markdown read text).
        code_ial = _IAL_ONLY.fullmatch(m.group(2)) if d.startswith("    ") else None
        d = f"{m.group(2)}\n{d}" if d and code_ial is None else (d or m.group(2))
        sibling = self.lastChild(parent)
        if not terms and sibling is None:
            blocks.insert(0, raw_block)
            return False
        loose = False
        if not terms and sibling.tag == "p" and raw_block is state.after_blanks:
            # kramdown takes a paragraph as the terms across one blank line only
            # (parse_definition_list: a :blank child of "\n"); after more, `:` is text.
            blocks.insert(0, raw_block)
            return False
        if not terms and sibling.tag == "p":
            loose = True  # the terms' paragraph, then a blank line
            terms = sibling.text.split("\n")
            parent.remove(sibling)
            sibling = self.lastChild(parent)
        if sibling is not None and sibling.tag == "dl":
            dl = sibling
            loose = loose or (not terms and after_blank)
        else:
            dl = etree.SubElement(parent, "dl")
        for term in terms:
            etree.SubElement(dl, "dt").text = term
        dd = etree.SubElement(dl, "dd")
        if code_ial is not None:
            if code_ial.group(1):
                attrs, refs = parse_attributes(code_ial.group(1))
                apply(dd, resolve_refs(attrs, refs, state.alds))
            self.parser.state.set("detabbed")  # no item text: the code block's own
        else:
            self.parser.state.set("looselist" if loose else "list")
        self.parser.parseBlocks(dd, [d])
        self.parser.state.reset()
        if rest:
            blocks.insert(0, rest)
            state.deflist_rest = rest
        return None


class BlankCountingEmptyProcessor(EmptyBlockProcessor):
    """Python-Markdown's empty-block pass, noting the block that follows a second blank line
    (the split on blank lines leaves it no trace) for the definition list above."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        self.holder.state.after_blanks = blocks[0] if blocks else None
