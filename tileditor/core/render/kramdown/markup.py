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
    (`&lt;/em&gt;` shows), where Python-Markdown would pass it through as HTML."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        name = re.escape(m.group(1))
        before = data[:m.start()]
        opened = len(re.findall(rf"<{name}(?=[\s/>])", before, re.I))
        if opened > len(re.findall(rf"</{name}\s*>", before, re.I)):
            return None, None, None
        return m.group(0), m.start(), m.end()
