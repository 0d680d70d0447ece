"""Angle brackets that kramdown reads as text: in running text a `<` starts an element only
where its HTML_TAG_RE matches (a name, then attributes that are names with optional word or
quoted values), so `<Chapter 2: Basics>`, `Map<K, V>` and `$<a, b>$` print as typed; and a
block element's tag (`<div>`, `<p>`, `<hr>`) inside a paragraph is text too. Python-Markdown
would pass all of them to the page as raw HTML, where they vanish. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.inlinepatterns import InlineProcessor

NAME = r"[^\W\d][\w.-]*(?::[^\W\d][\w.-]*)?"  # REXML's UNAME_STR, near enough
TAG = re.compile(rf"""<({NAME})((?:\s+{NAME}(?:\s*=\s*(?:\w+|"[^"]*"|'[^']*'))?)*)\s*/?>""",
                 re.DOTALL)
CLOSE = re.compile(rf"</({NAME})\s*>")
# kramdown's HTML_BLOCK_ELEMENTS: in span-level text their tags are text.
_BLOCK = frozenset("""address article aside applet body blockquote caption col colgroup dd div
    dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe
    legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot
    tr ul""".split())


class AngleTextProcessor(InlineProcessor):
    """A `<` kramdown would not start an element with becomes text (the page shows `<`)."""

    def __init__(self, md):
        super().__init__(r"<(/?)(?=[^\W\d])", md)

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        tag = (CLOSE if m.group(1) else TAG).match(data, m.start())
        if tag is not None and tag.group(1).lower() not in _BLOCK:
            return None, None, None  # an element: raw HTML or a raw span
        return "<", m.start(), m.start() + 1
