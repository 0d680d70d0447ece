"""kramdown nests list content by the column where an item's text starts (`- ` is 2, `1. `
is 3); Python-Markdown wants 4 spaces per level. Re-indent list lines so nested lists and
item paragraphs land where kramdown puts them; a change of marker type starts a new list.
Must not import PySide6."""

from __future__ import annotations

import re

from markdown.blockprocessors import OListProcessor, UListProcessor
from markdown.preprocessors import Preprocessor

_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}\.)( +)(\S.*)$")
_LAZY_BLOCK = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)")
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")
# `- - - a` opens one list per marker. Python-Markdown recurses per level (O(depth x line)
# before its RecursionError near 490 levels) and kramdown fails too ("stack level too deep"):
# past this depth the render stops at once with that error instead.
MAX_LIST_DEPTH = 200
_TOO_DEEP = re.compile(rf"^ {{0,3}}(?:(?:[*+-]|\d{{1,9}}[.)])[ \t]+){{{MAX_LIST_DEPTH + 1}}}")


class ListIndentPreprocessor(Preprocessor):
    def __init__(self, md, holder, gfm: bool = True):
        super().__init__(md)
        self.holder, self.gfm = holder, gfm

    def run(self, lines: list[str]) -> list[str]:
        """Re-indent; blank lines added only for Python-Markdown's sake go in the state's
        soft_blanks so list tightness can ignore them."""
        for line in lines:
            if _TOO_DEEP.match(line):
                raise RecursionError(f"a line opens more than {MAX_LIST_DEPTH} nested lists "
                                     "(kramdown fails on it too)")
        out: list[str] = []
        soft: set[int] = set()
        # (content column in source spaces, marker kind, opened by a lazy line)
        stack: list[tuple[int, str, bool]] = []
        prev_blank = True
        prev_item_depth = -1  # depth of the previous line when it was an item, else -1
        for line in lines:
            if not line.strip():
                out.append(line)
                prev_blank = True
                continue
            new = self._line(line, stack, prev_blank)
            depth = (len(new) - len(new.lstrip(" "))) // 4
            is_item = bool(_ITEM.match(new)) and len(stack) == depth + 1 and new.lstrip()[:1] != "\\"
            if not prev_blank and is_item and self._needs_break(
                    out[-1], prev_item_depth, depth):
                soft.add(len(out))
                out.append("")
            elif not prev_blank and not is_item and stack and self.gfm and _LAZY_BLOCK.match(line):
                # kramdown starts a heading or a quote right under an item's text inside it.
                soft.add(len(out))
                out.append("")
            out.append(new)
            prev_item_depth = depth if is_item else -1
            prev_blank = False
        self.holder.state.soft_blanks = soft
        return out

    def _needs_break(self, previous: str, prev_item_depth: int, depth: int) -> bool:
        if prev_item_depth < 0:
            # GFM: a list may interrupt a paragraph (at top level or inside an item).
            return self.gfm and not previous.lstrip().startswith(("|", "\x02")) and (
                _text_line(previous))
        # Back out of a nested list: Python-Markdown may hold it in one indented block.
        return depth < prev_item_depth

    @staticmethod
    def _line(line: str, stack: list[tuple[int, str, bool]], prev_blank: bool) -> str:
        indent = len(line) - len(line.lstrip(" "))
        m = _ITEM.match(line)
        if m and not _RULE.match(line) and _item_fits(indent, stack):
            kind = "ol" if m.group(2)[0].isdigit() else "ul"
            sibling = None
            popped: list[tuple[int, str, bool]] = []
            while stack and indent < stack[-1][0]:
                sibling = stack.pop()
                popped.append(sibling)
            lazy = sibling is not None and sibling[1] != kind and not prev_blank
            if lazy and len(popped) > 1 and not popped[-2][2]:
                # The item already holds an indented nested list: kramdown pushes the line
                # into it as lazy text (`1. a`, `    - b`, `  - c` is one item "b - c").
                stack.extend(reversed(popped))
                return " " * (4 * len(stack)) + _as_text(line.lstrip(" "))
            if lazy:
                # kramdown reads another marker kind right under an item as a nested list.
                stack.append(sibling)
            depth = len(stack)
            spaces = len(m.group(3)) if len(m.group(3)) <= 4 else 1
            stack.append((indent + len(m.group(2)) + spaces, kind, lazy))
            return " " * (4 * depth) + m.group(2) + " " + m.group(4)
        if not stack:
            return line
        if not prev_blank:
            text = line.lstrip(" ")
            if m:  # a marker too deep to start an item is plain text in kramdown
                text = _as_text(text)
            return " " * (4 * len(stack)) + text
        while stack and indent < stack[-1][0]:
            stack.pop()
        if not stack:
            return line
        return " " * (4 * len(stack) + indent - stack[-1][0]) + line.lstrip(" ")


# kramdown's HTML_SPAN_ELEMENTS (and script): a line opening with one is paragraph text.
_SPAN_TAGS = frozenset("""a abbr acronym b big bdo br button cite code del dfn em i img input ins
    kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var
    script""".split())
_TAG = re.compile(r"^\s*<([A-Za-z][\w-]*)")


def _text_line(line: str) -> bool:
    """False for a line that opens raw HTML going on below it (a list there is raw too)."""
    tag = _TAG.match(line)
    if tag is None:
        return not line.lstrip().startswith("<")
    name = tag.group(1)
    return name.lower() in _SPAN_TAGS or re.search(rf"</{name}\s*>", line, re.I) is not None


def _as_text(text: str) -> str:
    """An item line escaped so it reads as paragraph text."""
    return re.sub(r"^(\d+)\.", r"\1\\.", text) if text[0].isdigit() else "\\" + text


def _item_fits(indent: int, stack: list[tuple[int, str, bool]]) -> bool:
    """kramdown starts an item only 0-3 spaces past the enclosing item's content column."""
    base = 0
    for col, _kind, _lazy in stack:
        if col <= indent:
            base = col
    return indent - base <= 3



class KramdownOListProcessor(OListProcessor):
    """kramdown starts a new list when the marker type changes (`-` list, then `1.`)."""

    SIBLING_TAGS = ["ol"]


class KramdownUListProcessor(UListProcessor):
    SIBLING_TAGS = ["ul"]
