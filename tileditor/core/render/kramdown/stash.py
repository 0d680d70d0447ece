"""Every placeholder and marker the render puts in the text, in one place: stashing HTML (with
the source lines it stands for, for the line map), our own `\\x02tl...\\x03` markers, and the
ways back: restoring stashed HTML and escapes in serialised markup, reading the visible text of
an element (for heading ids and the TOC), and dropping any marker that would reach the page.
Processors stash and mark only through here. Qt-free (no PySide6)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.postprocessors import Postprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import UnescapeTreeprocessor

from tileditor.core.render.kramdown.state import ConversionState

STX, ETX = util.STX, util.ETX
_STASHED = util.HTML_PLACEHOLDER_RE  # \x02wzxhzdk:N\x03: htmlStash.store()
_ESCAPED = UnescapeTreeprocessor.RE  # \x02NN\x03: a backslash escape (code point NN)
_OURS = re.compile(STX + r"tl[a-z]+(?::\w+)?" + ETX)
_ANY = re.compile(STX + "[^" + STX + ETX + "]*" + ETX)
_ONLY_MARK = re.compile(r"<p>\s*(" + _OURS.pattern + r")\s*</p>")
_TAG = re.compile(r"<[^>]*>")
# A `<p>` holding only one stashed block: group 1 its attributes, group 2 the placeholder.
WRAPPED_BLOCK = re.compile(r"<p((?: [^>]*)?)>\s*(" + util.HTML_PLACEHOLDER % r"\d+" + r")\s*</p>")
# Attributes that carry a note from one pass to a later one, taken off by that pass: a list
# marked `{:toc}` (the TOC pass) and a heading's source text (the heading id pass).
TOC_ATTR = "data-tl-ref"
RAW_TEXT_ATTR = "data-tl-raw"
# An element holding only a stashed block that sits in a container, in no paragraph (a raw
# element in a list item): no pass takes it for a `<p>` (a footnote's backlink goes into a
# `<p>` of its own after it, as kramdown puts it); unwrap() takes it off the HTML.
WHOLE_TAG = "tl-raw"
_WHOLE = re.compile(f"</?{WHOLE_TAG}>")


def unwrap(markup: str) -> str:
    """`markup` without the WHOLE_TAG elements around stashed blocks."""
    return _WHOLE.sub("", markup) if WHOLE_TAG in markup else markup


# -- stashing ----------------------------------------------------------------------------

def store_block(md, state: ConversionState, markup: str, lines: int | None,
                whole: bool = False) -> str:
    """Stash block `markup` standing for `lines` source lines (0: none, a Liquid result;
    None: as many as `markup` holds); `whole` keeps it out of a `<p>` whatever its tag
    (`{::nomarkdown}`)."""
    placeholder = md.htmlStash.store(markup)
    if lines is not None:
        state.spans[placeholder] = lines
    if whole:
        state.whole_blocks.add(md.htmlStash.html_counter - 1)
    return placeholder


def store_inline(md, markup: str) -> str:
    """Stash inline `markup` so no later pattern (emphasis, smart quotes) reads inside it."""
    return md.htmlStash.store(markup)


# -- our markers -------------------------------------------------------------------------

def mark(kind: str, value: object = None) -> str:
    """An internal marker (`\\x02tlial:3\\x03`); the Markdown source can hold no STX/ETX
    (the engine removes them), so a marker can only be ours."""
    return f"{STX}tl{kind}{'' if value is None else f':{value}'}{ETX}"


def mark_pattern(kind: str, value: str | None = r"(\w+)") -> re.Pattern:
    """Matches `mark(kind, ...)` (value None: a marker without one), the value in group 1."""
    return re.compile(f"{STX}tl{kind}{'' if value is None else ':' + value}{ETX}")


def ends_in_placeholder(text: str) -> bool:
    """Whether stashed inline HTML (or a marker) ends `text`; an escaped character's
    placeholder (`\\\\` read as a backslash) is text, not HTML."""
    if not text.endswith(ETX):
        return False
    start = text.rfind(STX)
    return start < 0 or _ESCAPED.fullmatch(text[start:]) is None


def strip_marks(text: str) -> str:
    """`text` without our markers."""
    return _OURS.sub("", text) if STX in text else text


# -- the ways back -----------------------------------------------------------------------

def visible_text(md, text: str) -> str:
    """What a reader sees of `text` taken from the tree mid-conversion: stashed HTML as its
    text, escapes as their characters, markers and any other placeholder gone."""
    if STX not in text:
        return text
    blocks = md.htmlStash.rawHtmlBlocks

    def stashed(m: re.Match) -> str:
        idx = int(m.group(1))
        return html.unescape(_TAG.sub("", str(blocks[idx]))) if idx < len(blocks) else ""

    text = _STASHED.sub(stashed, text)
    text = _ESCAPED.sub(lambda m: chr(int(m.group(1))), text)
    return _ANY.sub("", text.replace(util.AMP_SUBSTITUTE, "&"))


def element_text(md, el: etree.Element, skip_notes: bool = False, strip: bool = True) -> str:
    """Visible text of an element and its children; footnote markers left out when
    `skip_notes` (kramdown leaves them out of heading ids); stripped unless `strip` is False."""
    text = visible_text(md, "".join(_texts(el, skip_notes)))
    return text.strip() if strip else text


def _texts(el: etree.Element, skip_notes: bool):
    if el.text:
        # a code span's text is held escaped (Python-Markdown's code_escape): its reader
        # sees the characters
        yield _code_unescape(el.text) if el.tag == "code" else el.text
    for child in el:
        if not (skip_notes and child.tag == "sup" and (child.get("id") or "").startswith("fnref")):
            yield from _texts(child, skip_notes)
        if child.tail:
            yield child.tail


def _code_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def serialise(md, el: etree.Element) -> str:
    """HTML of an element copied out of the tree before Markdown finished: escapes unescaped
    (as the tree's own unescape pass does), stashed HTML put back, markers dropped."""
    UnescapeTreeprocessor(md).run(el)
    # Python-Markdown's own serializer, as for the page: it leaves the entities a code
    # span's text already holds (`&lt;`) alone, where etree's escaped them again
    markup = to_html_string(el)
    return restore(md, markup)


def restore(md, markup: str) -> str:
    """Stashed HTML put back into serialised `markup`, so it shows and does not depend on
    stash numbering; markers dropped."""
    if STX not in markup:
        return markup
    if "raw_html" in md.postprocessors:
        markup = md.postprocessors["raw_html"].run(markup)
    return strip_marks(markup.replace(util.AMP_SUBSTITUTE, "&"))


class StrayMarkPostprocessor(Postprocessor):
    """Last line of defence: a marker no pass took (an IAL marker inside a raw HTML block has
    no element to attach to) never reaches the page; the text it replaced, if noted, does."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, text: str) -> str:
        if STX not in text:
            return text
        sources = self.holder.state.mark_sources
        # A paragraph of nothing but a marker that stood for nothing (an empty list item's
        # place holder in a loose list) is no paragraph: kramdown prints `<li></li>`.
        text = _ONLY_MARK.sub(lambda m: m.group(0) if sources.get(m.group(1)) else "", text)
        # (raw HTML keeps its text as written, so the source goes back unescaped)
        return _OURS.sub(lambda m: sources.get(m.group(0), ""), text)
