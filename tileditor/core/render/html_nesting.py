"""kramdown honours `markdown="1"` on an element nested in plain raw HTML; Python-Markdown's
md_in_html only does when every ancestor carries the attribute too. Give those ancestors
`markdown="block"` (which kramdown's output matches). Must not import PySide6."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

_OPEN = re.compile(r"^\s*<([A-Za-z][\w-]*)\b([^<>]*)>\s*$")
_CLOSE = re.compile(r"^\s*</([A-Za-z][\w-]*)\s*>\s*$")
_WANTS = re.compile(r"""\bmarkdown\s*=\s*["']?(?:1|block)\b""")
_HAS_ATTR = re.compile(r"\bmarkdown\s*=")


class NestedMarkdownAttrPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("markdown" in line for line in lines):
            return lines
        out = list(lines)
        stack: list[tuple[int, str]] = []  # (line index, tag) of open block tags
        for idx, line in enumerate(lines):
            opened = _OPEN.match(line)
            closed = _CLOSE.match(line)
            if opened:
                if _WANTS.search(opened.group(2)):
                    for at, _tag in stack:
                        if not _HAS_ATTR.search(out[at]):
                            out[at] = re.sub(r"\s*>\s*$", ' markdown="block">', out[at], count=1)
                stack.append((idx, opened.group(1).lower()))
            elif closed:
                tag = closed.group(1).lower()
                while stack:
                    if stack.pop()[1] == tag:
                        break
        return out


class NestedMarkdownAttrExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(NestedMarkdownAttrPreprocessor(md), "tl_nested_md_attr", 21)
