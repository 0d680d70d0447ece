"""Small markup details where kramdown's HTML differs from Python-Markdown's: the `markdown`
attribute never reaches the page, table cells align with `style="text-align: left"`, and
more characters can be backslash-escaped.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

_MARKDOWN_ATTR = re.compile(r"""(<[A-Za-z][^<>]*?)\s+markdown\s*=\s*(["']?)(?:0|1|block|span)\2""")


# kramdown's backslash escapes are a superset of Markdown.pl's.
KRAMDOWN_ESCAPES = (":", "|", '"', "'", "$", "~", "<", "=")
STRAY_CLOSE_TAG = r"</([A-Za-z][\w:-]*)\s*>"


class TableAlignTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag in ("th", "td"):
                style = el.get("style")
                if style and style.startswith("text-align:") and style.endswith(";"):
                    el.set("style", style[:-1])


class MarkdownAttrPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return _MARKDOWN_ATTR.sub(r"\1", text) if "markdown" in text else text


class StrayCloseTagProcessor(InlineProcessor):
    """A closing tag with no open element before it in the paragraph is text for kramdown
    (`&lt;/em&gt;` shows), where Python-Markdown would pass it through as HTML.

    Counting the tags before each closing one afresh is quadratic (12,500 `</i>` after as
    many `<b>`: 3.2 s for 100 KB), so the counts are carried from one match to the next: the
    pass only ever turns the closing tag it just judged into a placeholder, so the text before
    it is unchanged (checked, not assumed) and only the stretch since then is read."""

    def __init__(self, pattern, md=None) -> None:
        super().__init__(pattern, md)
        self._prefix = ""  # the text the counts were taken over
        self._counts: dict[str, list[int]] = {}  # name -> [opened, closed]

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        counts = self._counts_before(data, m.start())
        opened, closed = counts.get(m.group(1).lower(), (0, 0))
        if opened > closed:
            return None, None, None
        return m.group(0), m.start(), m.end()

    def _counts_before(self, data: str, pos: int) -> dict[str, list[int]]:
        start = len(self._prefix)
        if pos < start or not data.startswith(self._prefix):
            start, self._counts = 0, {}
        counts = self._counts
        for tag in _TAG.finditer(data, start, pos):  # endpos: lookaheads stop there as well
            closing, name = tag.group(1), tag.group(2).lower()
            counts.setdefault(name, [0, 0])[1 if closing else 0] += 1
        self._prefix = data[:pos]
        return counts


# Opening tags as the stray check counts them (`<name` then space, `/` or `>`) and closing ones.
_TAG = re.compile(r"<(/)?([A-Za-z][\w:-]*)(?(1)\s*>|(?=[\s/>]))")
