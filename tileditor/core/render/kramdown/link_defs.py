"""Link definitions as kramdown's parse_link_definition reads them: only where a block may
start (a definition under a paragraph line is text of that paragraph), one after another;
the URL may hold spaces (`[x]: my file.png`) or sit in `<>`, the title follows on the same
or the next line in quotes (no parentheses). Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import ReferenceProcessor

from tileditor.core.render.kramdown.state import mark_eob

# kramdown's LINK_DEFINITION_START, one definition at a line start.
DEFINITION = re.compile(
    r"""^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"""
    r"""(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?(?:\n|$)""", re.MULTILINE)


class LinkUrl(str):
    """A definition's URL carrying the attributes of the IALs under it (kramdown gives them
    to every link using the definition): Python-Markdown's reference patterns set it as the
    `href`/`src` as it is, where ial.ApplySpanIalTreeprocessor finds and applies them."""

    attrs: tuple[dict, list] = ({}, [])


class KramdownReferenceProcessor(ReferenceProcessor):
    """The definitions a block opens with; the rest of the block goes back."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        pos = 0
        while (m := DEFINITION.match(block, pos)) is not None:
            if m.group(3) and re.search(r"[ \t]+[\"']", m.group(3)):
                break  # a quote after a space in a bare URL: no definition (kramdown's check)
            # kramdown's normalize_link_id: whitespace runs are one space, case folded.
            name = re.sub(r"\s+", " ", m.group(1)).lower()
            url = m.group(2) if m.group(2) is not None else m.group(3)
            ials = self.holder.state.link_ials.get(name)
            if ials is not None:
                url = LinkUrl(url)
                url.attrs = ials
            self.parser.md.references[name] = (url, m.group(5))
            pos = m.end()
        if not pos:
            blocks.insert(0, block)
            return False
        mark_eob(self.holder, parent)
        if block[pos:].strip():
            blocks.insert(0, block[pos:])
            self.holder.state.no_boundary = blocks[0]
        return True
