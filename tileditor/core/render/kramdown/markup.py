"""Small markup details where kramdown's HTML differs from Python-Markdown's: the `markdown`
attribute never reaches the page, table cells align with `style="text-align: left"`, and
more characters can be backslash-escaped.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown.angle_text import AngleTextProcessor
from tileditor.core.render.kramdown.emphasis import KramdownEmphasisProcessor
from tileditor.core.render.kramdown.raw_spans import RawSpanTreeprocessor

_MARKDOWN_ATTR = re.compile(r"""(<[A-Za-z][^<>]*?)\s+markdown\s*=\s*(["']?)(?:0|1|block|span)\2""")


_KRAMDOWN_ESCAPES = (":", "|", '"', "'", "$", "~", "<", "=", "^")


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


class KramdownMarkupExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # kramdown's backslash escapes are a superset of Markdown.pl's.
        md.ESCAPED_CHARS = list(dict.fromkeys([*md.ESCAPED_CHARS, *_KRAMDOWN_ESCAPES]))
        # Before the stray closing tags (91) and Python-Markdown's raw inline HTML (90).
        md.inlinePatterns.register(AngleTextProcessor(md), "tl_angle_text", 92)
        # Before Python-Markdown's raw inline HTML (90) takes the tag.
        md.inlinePatterns.register(
            StrayCloseTagProcessor(r"</([A-Za-z][\w:-]*)\s*>", md), "tl_stray_close_tag", 91)
        md.inlinePatterns.register(KramdownEmphasisProcessor(md), "em_strong", 60)
        md.treeprocessors.register(TableAlignTreeprocessor(md), "tl_table_align", 5)
        # Raw-content elements are stashed right before the inline pass (20) reads spans.
        md.treeprocessors.register(RawSpanTreeprocessor(md), "tl_raw_span_html", 20.8)
        # After raw HTML is put back (raw_html is 30).
        md.postprocessors.register(MarkdownAttrPostprocessor(md), "tl_markdown_attr", 5)
