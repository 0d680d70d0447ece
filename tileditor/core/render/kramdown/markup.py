"""Small markup details where kramdown's HTML differs from Python-Markdown's: the `markdown`
attribute never reaches the page, table cells align with `style="text-align: left"`, and
more characters can be backslash-escaped.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import DelimiterProcessor, InlineProcessor
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


class GuardedDelimiterProcessor(DelimiterProcessor):
    """Python-Markdown 3.11's emphasis pairing can, after its rule-of-3 search, pair a closer
    with the wrong opener and take more delimiter characters than the closer has, cutting an
    inline placeholder in two (its halves then show as text). A pairing whose delimiter
    slices hold anything but delimiter characters is dropped and the run stays text."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        if self.regions:
            return self._cached(m, data)
        self._data, self._broken = data, False
        el, start, end = super().handleMatch(m, data)
        if self._broken:
            self.reset()
            run = self.delimiters[m.group(0)].bad.match(data, m.start(0))
            return None, m.start(0), run.end(0)
        return el, start, end

    def _cached(self, m, data):
        """A pairing found earlier is handed out at the next match, which may be another
        delimiter (an `_` before the `*` that opens it): then skip this match and keep it.
        The shift is the one DelimiterProcessor.get_cached_result applies."""
        region = self.regions[self.cache_index]
        pos = m.start(0)
        shift = pos - self.cache_pos if pos != self.cache_pos else pos - region[0]
        opener = data[region[0] + shift:region[1] + shift]
        closer = data[region[2] + shift:region[3] + shift]
        tokens = "".join(self.delimiters)
        if opener and closer and not opener.strip(tokens) and not closer.strip(tokens):
            return super().handleMatch(m, data)
        return None, m.start(0), m.end(0)

    def add_region(self, delim, a: int, b: int, c: int, d: int, size: int) -> None:
        token = delim.token
        if self._data[a:b].strip(token) or self._data[c:d].strip(token):
            self._broken = True
        super().add_region(delim, a, b, c, d, size)


class StrayCloseTagProcessor(InlineProcessor):
    """A closing tag with no open element before it in the paragraph is text for kramdown
    (`&lt;/em&gt;` shows), where Python-Markdown would pass it through as HTML."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        name = re.escape(m.group(1))
        before = data[:m.start()]
        opened = len(re.findall(rf"<{name}(?=[\s/>])", before, re.I))
        if opened > len(re.findall(rf"</{name}\s*>", before, re.I)):
            return None, None, None
        return m.group(0), m.start(), m.end()


def emphasis_processor(md) -> GuardedDelimiterProcessor:
    """Python-Markdown's own `em_strong` pairing (`*` and smart `_`), guarded."""
    guarded = GuardedDelimiterProcessor("*", "strong,em", md)
    guarded.add("_", "strong,em", smart=True)
    return guarded
