"""Block-level raw HTML that kramdown reads and Python-Markdown does not: a line opening with
the start tag of an element that is none of kramdown's HTML_SPAN_ELEMENTS and none of
Python-Markdown's block-level elements (`<font color="red">`, `<s>`, `<custom>`, `<요약>`)
ends the paragraph above it and opens a raw HTML element that runs to its end tag, or to the
end of the text when there is none: on the site the rest of the post is then unformatted
text, so the preview shows it so too. Python-Markdown would keep such a line inside the
paragraph and format everything after it. Must not import PySide6.

kramdown's rules (parser/kramdown/html.rb, parser/html.rb, 2.4): the element's content is raw
(text escaped, nested tags kept, each nested element wanting its own end tag); an end tag
closes only the innermost open element, compared with its name as written unless kramdown
knows the element (`<Note>` is closed by `</Note>`, not by `</note>`); void elements (`<source>`) and
`<x/>` have no content; text after the end tag on the same line starts a new paragraph."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_right

from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from tileditor.core import lexicon
from tileditor.core.render.kramdown import stash
from tileditor.core.render.kramdown.angle_text import BLOCK_ELEMENTS, NAME, TAG

SPAN_ELEMENTS = frozenset("""a abbr acronym b big bdo br button cite code del dfn em i img input
    ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt
    u var""".split())
VOID_ELEMENTS = frozenset("""area base br col command embed hr img input keygen link meta param
    source track wbr""".split())
# kramdown's HTML_ELEMENT: names it lower-cases (the rest keep their case, end tags included):
# its span, bodiless and block elements and the other names of its content models.
_KNOWN = SPAN_ELEMENTS | VOID_ELEMENTS | BLOCK_ELEMENTS | frozenset(
    "details figure math noscript object script style textarea".split())

_START = re.compile(rf"<({NAME})")  # a line that may open one (checked fully by TAG)
_TOKEN = re.compile(rf"</({NAME})\s*>|<")
_UNITS = (("<!--", "-->"), ("<?", "?>"))  # a comment and a processing instruction: kept whole
_LONE_LT = re.compile(r"<(?![^\W\d]|/|!--|\?)")  # a `<` that opens nothing: text
_LEAD = re.compile(r" {0,3}")  # before a tail's element (four spaces make the tail code)
_TAG_REACH = 4096  # a start tag longer than this is text (bounds the work per `<`)
_RAW_TEXT_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style")}


def is_known(value: str) -> bool:
    """Whether kramdown knows the element (its HTML_ELEMENT)."""
    return value.lower() in _KNOWN


def element_value(name: str) -> str:
    """The name kramdown keeps for an element, lower-cased only if it knows the element; an
    end tag closes the element when this is the same for both (`</CUSTOM>` closes no
    `<Custom>`; `</DIV>` closes `<div>`)."""
    return name.lower() if name.lower() in _KNOWN else name


def opener(md, line: str, nested: bool = False) -> re.Match | None:
    """The start tag opening `line` if it opens such an element; `nested` (in a container,
    where Python-Markdown's raw HTML blocks are not read) any element but a span's."""
    m = _START.match(line)
    if m is None or m.group(1).lower() in SPAN_ELEMENTS or (
            not nested and md.is_block_level(m.group(1))):
        return None
    tag = TAG.match(line)
    return tag if tag is not None and "markdown" not in tag.group(2) else None


class RawElementPreprocessor(Preprocessor):
    """Stashes each such element, from its start tag to its end (tag or text), whole."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        # kramdown's HTML_BLOCK_START: the start tag up to three spaces in (but an indented
        # line in a list item is the item's: NestedRawElementProcessor reads it there)
        opens = [(i, tag) for i, line in enumerate(lines)
                 if line[:4].lstrip(" ").startswith("<")
                 and (tag := self._opener(line.lstrip(" "))) is not None]
        if not opens:
            return lines
        if any(lines[i][0] == " " for i, _tag in opens):
            in_item = _item_lines(lines)
            opens = [(i, tag) for i, tag in opens if lines[i][0] != " " or i not in in_item]
        skip = self._hidden(lines)
        text = "\n".join(lines)
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        state = self.holder.state
        out: list[str] = []
        closers: dict[str, int] = {}
        done = 0  # lines before this are in `out` or inside an element
        for i, tag in opens:
            if i < done or i in skip:
                continue
            out.extend(lines[done:i])
            if out and out[-1].strip():
                out.append("")
            at = starts[i] + len(lines[i]) - len(lines[i].lstrip(" "))
            while True:  # an element, and another one its tail opens with (kramdown: a block)
                markup, used, _closed = _element(text, tag, at, closers)
                end = bisect_right(starts, max(used - 1, at)) - 1
                line_rest = text[used:starts[end] + len(lines[end])]
                tail = line_rest.rstrip()
                # For the line map: the tail stands for the element's last line.
                out.append(stash.store_block(self.md, state, markup, end - i + (not tail),
                                             whole=True))
                out.append("")
                i = end + (not tail)
                nested = _LEAD.match(tail)
                tag = self._opener(tail[nested.end():]) if tail.strip() else None
                if tag is None:
                    break
                at = used + nested.end()
            if tail.strip():
                state.spans.setdefault(tail.strip(), 1)
                out.append(line_rest)  # its trailing spaces may be a hard break
                state.no_boundary_lines.add(line_rest)
            done = end + 1
        out.extend(lines[done:])
        return out

    def _opener(self, line: str) -> re.Match | None:
        return opener(self.md, line)

    @staticmethod
    def _hidden(lines: list[str]) -> set[int]:
        """Lines where no element may open: code, comments, raw HTML blocks, `$$` math."""
        hidden: set[int] = set()
        for region in lexicon.scan(lines).regions:
            hidden.update(range(region.first + 1 if region.kind == "html" else region.first,
                                region.last + 1))
        in_math = False
        for k, line in enumerate(lines):
            if in_math:
                hidden.add(k)
            if line.count("$$") % 2:
                in_math = not in_math
        return hidden


class NestedRawElementProcessor(BlockProcessor):
    """The same inside a list item, a quote or a definition (the preprocessor saw the top
    level): a block opening with such an element gets it, raw to its end tag or to the end
    of its container, and text after the end tag is a paragraph of its own, in a tight list
    item too (`- <s>old</s> new`: `<li><s>old</s><p>new</p></li>`)."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def test(self, parent: etree.Element, block: str) -> bool:
        if id(parent) in self.holder.state.raw_open:
            if lexicon.list_item(block) is None:
                return True
            # A nested list is no part of it (kramdown's item keeps its list apart).
            del self.holder.state.raw_open[id(parent)]
        return (parent is not self.parser.root and "<" in block
                and self._at(block, _padded(parent)) is not None)

    def _at(self, block: str, item: bool) -> int | None:
        """The line of `block` an element opens on: the first (three spaces in at most) or
        a later one not indented (it ends the paragraph or list above, as at the top); an
        item's later lines are four spaces in (the list passes re-indent them so)."""
        return next(iter(self._opening_lines(block, item, first=True)), None)

    def _opening_lines(self, block: str, item: bool, first: bool = False) -> list[int]:
        md = self.parser.md
        if block[:4].lstrip(" ").startswith("<") and opener(md, block.lstrip(" "), True):
            if first:
                return [0]
            found = [0]
        else:
            found = []
        lines = block.split("\n")
        pad = "    " if item else ""
        for k in range(1, len(lines)):
            if lines[k].startswith(pad + "<") and opener(md, lines[k][len(pad):], True):
                found.append(k)
                if first:
                    break
        return found

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        item = _padded(parent)
        if self._at(blocks[0], item):
            # Cut the block before every line an element opens (the lines above go to the
            # other processors first): one pass, not one per element.
            lines = blocks[0].split("\n")
            cuts = [k for k in self._opening_lines(blocks[0], item) if k] + [len(lines)]
            # (kramdown's paragraph ends there: no hard break at its end; in a tight item a
            # line break stays between its text and the element, as kramdown prints them)
            text = "\n".join(lines[:cuts[0]]).rstrip()
            pieces = [text + ("\n" if item and not text.endswith("\\") else "")]
            for k, stop in zip(cuts, cuts[1:], strict=False):
                pieces.append("\n".join(ln[4:] if item and ln.startswith("    ") else ln
                                        for ln in lines[k:stop]))
            blocks[0:1] = pieces
            return False
        state, md = self.holder.state, self.parser.md
        if id(parent) in state.raw_open:  # the container's later blocks: still raw text
            idx, ends = state.raw_open[id(parent)]
            raw = md.htmlStash.rawHtmlBlocks[idx]
            more = _LONE_LT.sub("&lt;", _block_sources(state, "\n\n".join(blocks)))
            md.htmlStash.rawHtmlBlocks[idx] = f"{raw[:len(raw) - len(ends)]}\n{more}\n{ends}"
            blocks[:] = []
            return True
        first = blocks[0]
        lead = len(first) - len(first.lstrip(" "))
        tag = opener(md, first[lead:], True)
        markup, used, ends = _element(first, tag, lead, {})
        text, taken = first, 1
        if ends is not None:  # raw to the end of the container
            text, taken = _block_sources(state, "\n\n".join(blocks)), len(blocks)
            markup, used, ends = _element(text, tag, lead, {})
        placeholder = stash.store_block(md, state, markup, None, whole=True)
        if ends is not None:
            # Python-Markdown hands a list item's later blocks to another parse: they join it.
            state.raw_open[id(parent)] = (md.htmlStash.html_counter - 1, ends)
        whole = etree.SubElement(parent, stash.WHOLE_TAG)  # in no paragraph
        whole.text = placeholder
        chunks = text[used:].split("\n\n")
        head = chunks[0]
        if head.split("\n", 1)[0].strip():
            # The tail and the lines joined to it start a block: a paragraph even in a tight
            # item, or code if four spaces in, or the next element if it opens one.
            if opener(md, head.lstrip(" "), True) is not None:
                chunks[0] = head.lstrip(" ")
                whole.tail = "\n"  # kramdown prints each on a line: a space between them
            elif not head.startswith("    "):
                # ... up to a later line that opens another element (it ends the paragraph)
                later = self._opening_lines(head, item)
                cut = next((k for k in later if k), None)
                lines = head.split("\n")
                p = etree.SubElement(parent, "p")
                p.text = "\n".join(lines[:cut]).lstrip(" ")
                chunks[0] = "" if cut is None else "\n".join(
                    ln[4:] if item and ln.startswith("    ") else ln for ln in lines[cut:])
        blocks[0:taken] = [c for c in chunks if c.strip()]
        return True


_STASHED = re.compile(util.HTML_PLACEHOLDER % r"\d+")
_LIST_LINE = re.compile(r"^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)")


def _item_lines(lines: list[str]) -> set[int]:
    """The lines inside a list item: its own, its lazy ones and its blocks indented to
    the text of the last top-level item (after a blank line, less ends the list)."""
    inside: set[int] = set()
    in_item, prev_blank, column = False, True, 0
    for k, line in enumerate(lines):
        if not line.strip():
            prev_blank = True
            continue
        if (item := _LIST_LINE.match(line)) is not None:
            if not in_item or line[:4].strip():  # a top-level item: its text column
                column = len(line) - len(line[item.end():].lstrip(" \t"))
            in_item = True
        elif prev_blank and len(line) - len(line.lstrip(" ")) < column:
            in_item = False
        if in_item:
            inside.add(k)
        prev_blank = False
    return inside


def _block_sources(state, text: str) -> str:
    """`text` with each stashed fence put back as written: raw text holds no code block."""
    if "\x02" not in text or not state.block_sources:
        return text
    return _STASHED.sub(lambda m: state.block_sources.get(m.group(0), m.group(0)), text)


def _padded(parent: etree.Element) -> bool:
    """Whether the block is a list item's first, whose later lines are four spaces in (the
    list passes re-indent them so); the item's later blocks come dedented."""
    return parent.tag == "li" and not len(parent) and not (parent.text or "").strip()


def _element(text: str, tag: re.Match, at: int, closers: dict[str, int]
             ) -> tuple[str, int, str | None]:
    """kramdown's markup for the element whose start tag `tag` (matched on its line) opens
    `text` at offset `at`, the offset where the element ends, and None when an end tag
    ended it, else the end tags added at the end of `text` (`closers`: see _unit)."""
    name = tag.group(1)
    pos = at + tag.end()
    if tag.group(0).endswith("/>") or name.lower() in VOID_ELEMENTS:
        return tag.group(0), pos, None
    parts = [tag.group(0)]
    stack = [element_value(name)]
    while stack:
        end = _RAW_TEXT_END.get(stack[-1])
        if end is not None:  # script and style: text to their end tag
            found = end.search(text, pos)
            stop = found.end() if found else len(text)
            parts.append(text[pos:stop])
            if found is None:
                parts.append(f"</{stack[-1]}>")
            stack.pop()
            pos = stop
            continue
        found = _TOKEN.search(text, pos)
        if found is None:
            break
        parts.append(text[pos:found.start()])
        token, pos = found.group(0), found.end()
        if found.group(1) is not None:  # an end tag: closes the innermost element or is text
            if stack[-1] == element_value(found.group(1)):
                stack.pop()
                parts.append(token)
            else:
                parts.append(token.replace("<", "&lt;"))
        elif (unit := _unit(text, found.start(), closers)) > 0:
            parts.append(text[found.start():unit])
            pos = unit
        elif (inner := TAG.match(text, found.start(), found.start() + _TAG_REACH)) is not None:
            parts.append(inner.group(0))
            pos = inner.end()
            if not (inner.group(0).endswith("/>") or inner.group(1).lower() in VOID_ELEMENTS):
                stack.append(element_value(inner.group(1)))
        else:  # a `<` that opens nothing is text
            parts.append("&lt;")
    else:
        return "".join(parts), pos, None
    parts.append(text[pos:].rstrip("\n") + "\n")
    ends = "".join(f"</{value}>" for value in reversed(stack))
    return "".join(parts) + ends, len(text), ends


def _unit(text: str, at: int, closers: dict[str, int]) -> int:
    """The end of the comment or processing instruction opening at `at`, else 0. `closers`
    caches where each closer last occurs, so an unclosed one costs no scan to the end."""
    for opener, closer in _UNITS:
        if text.startswith(opener, at):
            if closer not in closers:
                closers[closer] = text.rfind(closer)
            if closers[closer] < at + len(opener):
                return 0
            return text.find(closer, at + len(opener)) + len(closer)
    return 0
