"""Small markup details where kramdown's HTML differs from Python-Markdown's: the `markdown`
attribute never reaches the page, table cells align with `style="text-align: left"`, and
more characters can be backslash-escaped.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

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


class KramdownMarkupExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # kramdown's backslash escapes are a superset of Markdown.pl's.
        md.ESCAPED_CHARS = list(dict.fromkeys([*md.ESCAPED_CHARS, *_KRAMDOWN_ESCAPES]))
        md.treeprocessors.register(TableAlignTreeprocessor(md), "tl_table_align", 5)
        # After raw HTML is put back (raw_html is 30).
        md.postprocessors.register(MarkdownAttrPostprocessor(md), "tl_markdown_attr", 5)
