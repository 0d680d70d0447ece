"""kramdown honours `markdown="1"` on an element nested in plain raw HTML; Python-Markdown's
md_in_html only does when every ancestor carries the attribute too. Give those ancestors
`markdown="block"` (which kramdown's output matches). Text after the closing tag of such an
element, on the same line, becomes its own block after it (md_in_html would move it past
the next paragraph). `markdown="1"` on li, td, dd, summary and address means block content
for kramdown (`<li><p>`), span content for md_in_html. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

_OPEN = re.compile(r"^\s*<([A-Za-z][\w-]*)\b([^<>]*)>\s*$")
_CLOSE = re.compile(r"^\s*</([A-Za-z][\w-]*)\s*>\s*$")
_WANTS = re.compile(r"""\bmarkdown\s*=\s*["']?(?:1|block)\b""")
_HAS_ATTR = re.compile(r"\bmarkdown\s*=")
# A block element on a line with more (`<th markdown="span">*a*</th>`) that wants its content
# parsed; not a span element (kramdown's HTML_SPAN_ELEMENTS), whose siblings stay raw.
_SPAN = """a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark
    option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var""".split()
_WANTS_INLINE = re.compile(r"<(?!(?:" + "|".join(_SPAN) + r")[\s>])[A-Za-z][^<>]*"
                           r"""\bmarkdown\s*=\s*["']?(?:1|block|span)\b""", re.I)
_BLOCK_MODEL_1 = re.compile(
    r"""(<(?:li|td|dd|summary|address)\b[^<>]*?\bmarkdown\s*=\s*)(["']?)1\2""", re.I)
_CLOSE_THEN = re.compile(r"^(\s*</([A-Za-z][\w-]*)\s*>)(.*\S.*)$")


class NestedMarkdownAttrPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("markdown" in line for line in lines):
            return lines
        out = [_BLOCK_MODEL_1.sub(r'\1"block"', ln) if "markdown" in ln else ln for ln in lines]
        stack: list[tuple[int, str]] = []  # (line index, tag) of open block tags
        split: dict[int, list[str]] = {}  # lines that become several
        for idx, line in enumerate(lines):
            opened = _OPEN.match(line)
            closed = _CLOSE.match(line)
            if opened:
                if _WANTS.search(opened.group(2)):
                    _parse_ancestors(stack, out)
                stack.append((idx, opened.group(1).lower()))
            elif closed:
                _pop(stack, closed.group(1).lower())
            elif (then := _CLOSE_THEN.match(line)) is not None:
                at = _pop(stack, then.group(2).lower())
                if at is not None and _HAS_ATTR.search(out[at]):
                    split[idx] = [then.group(1), "", then.group(3)]
            if not opened and stack and _WANTS_INLINE.search(line):
                _parse_ancestors(stack, out)
        return [piece for idx, line in enumerate(out) for piece in split.get(idx, [line])]


def _parse_ancestors(stack: list[tuple[int, str]], out: list[str]) -> None:
    for at, _tag in stack:
        if not _HAS_ATTR.search(out[at]):
            out[at] = re.sub(r"\s*>\s*$", ' markdown="block">', out[at], count=1)


def _pop(stack: list[tuple[int, str]], tag: str) -> int | None:
    """Close `tag`: pop up to its opener; the opener's line index, or None if not open."""
    while stack:
        at, open_tag = stack.pop()
        if open_tag == tag:
            return at
    return None

