"""Angle brackets that kramdown reads as text: in running text a `<` starts an element only
where its HTML_TAG_RE matches (a name, then attributes that are names with optional word or
quoted values), so `<Chapter 2: Basics>`, `Map<K, V>` and `$<a, b>$` print as typed; and a
block element's tag (`<div>`, `<p>`, `<hr>`) inside a paragraph is text too. Python-Markdown
would pass all of them to the page as raw HTML, where they vanish. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.inlinepatterns import InlineProcessor, SubstituteTagInlineProcessor

from tileditor.core.render.kramdown.autolinks import AUTOLINK
from tileditor.core.render.kramdown.inline_triggers import forward_only
from tileditor.core.render.kramdown.link_urls import Escapes

NAME = r"[^\W\d][\w.-]*(?::[^\W\d][\w.-]*)?"  # REXML's UNAME_STR, near enough
TAG = re.compile(rf"""<({NAME})((?:\s+{NAME}(?:\s*=\s*(?:\w+|"[^"]*"|'[^']*'))?)*)\s*/?>""",
                 re.DOTALL)
CLOSE = re.compile(rf"</({NAME})\s*>")
_AUTOLINK = re.compile(AUTOLINK)
# kramdown's HTML_BLOCK_ELEMENTS: in span-level text their tags are text.
BLOCK_ELEMENTS = frozenset("""address article aside applet body blockquote caption col colgroup dd div
    dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe
    legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot
    tr ul""".split())


@forward_only
class AngleTextProcessor(InlineProcessor):
    """A `<` kramdown would not start an element with becomes text (the page shows `<`)."""

    def __init__(self, md):
        super().__init__(r"<(/?)(?=[^\W\d])", md)

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        tag = (CLOSE if m.group(1) else TAG).match(data, m.start())
        if tag is not None and "\x02" in tag.group(0):
            # Escapes are read after tags: `<a href="\"">` is no tag as typed.
            typed = Escapes(self.md.treeprocessors["inline"].stashed_nodes).raw(tag.group(0))
            tag = (CLOSE if m.group(1) else TAG).fullmatch(typed)
        if tag is not None and tag.group(1).lower() not in BLOCK_ELEMENTS:
            return None, None, None  # an element: raw HTML or a raw span
        return "<", m.start(), m.start() + 1


class KramdownLineBreakProcessor(SubstituteTagInlineProcessor):
    """A line break pattern that leaves a line end inside a tag alone."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if inside_tag(data, m.start()):
            return None, None, None
        return super().handleMatch(m, data)


_TAG_REACH = 2048  # how far back a tag's `<` is looked for


def inside_tag(data: str, at: int) -> bool:
    """Whether data[at] lies inside a start tag, end tag or autolink that opens before it:
    kramdown reads spans left to right, so `<a href="`">` is a tag and `<http://a.b/`c>` a
    link, where Python-Markdown's code and line break patterns, run first, would take the
    backtick or the line end (`<a href="a  \nb">` keeps its attribute)."""
    lt = data.rfind("<", max(0, at - _TAG_REACH), at)
    if lt < 0 or data.find(">", lt, at) >= 0:
        return False
    slashes = lt - len(data[max(0, lt - 64):lt].rstrip("\\")) - max(0, lt - 64)
    if slashes % 2:
        return False  # `\<` is text
    found = (TAG.match(data, lt) or CLOSE.match(data, lt)
             or _AUTOLINK.match(data, lt))
    return found is not None and found.end() > at
