"""kramdown nests list content by the column where an item's text starts (`- ` is 2, `1. `
is 3); Python-Markdown wants 4 spaces per level. Re-indent list lines so nested lists and
item paragraphs land where kramdown puts them; a change of marker type starts a new list.
Must not import PySide6."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}\.)( +)(\S.*)$")
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")


class ListIndentPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        stack: list[int] = []  # content columns of the open items, in source spaces
        prev_blank = True
        for line in lines:
            if not line.strip():
                out.append(line)
                prev_blank = True
                continue
            out.append(self._line(line, stack, prev_blank))
            prev_blank = False
        return out

    @staticmethod
    def _line(line: str, stack: list[int], prev_blank: bool) -> str:
        indent = len(line) - len(line.lstrip(" "))
        m = _ITEM.match(line)
        code_deep = indent >= (stack[-1] if stack else 0) + 4
        if m and not _RULE.match(line) and not code_deep:
            while stack and indent < stack[-1]:
                stack.pop()
            depth = len(stack)
            spaces = len(m.group(3)) if len(m.group(3)) <= 4 else 1
            stack.append(indent + len(m.group(2)) + spaces)
            return " " * (4 * depth) + m.group(2) + " " + m.group(4)
        if not stack:
            return line
        if not prev_blank:
            return " " * (4 * len(stack)) + line.lstrip(" ")
        while stack and indent < stack[-1]:
            stack.pop()
        if not stack:
            return line
        return " " * (4 * len(stack) + indent - stack[-1]) + line.lstrip(" ")


class ListIndentExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(ListIndentPreprocessor(md), "tl_list_indent", 26)
        # kramdown starts a new list when the marker type changes (`-` list, then `1.`).
        md.parser.blockprocessors["olist"].SIBLING_TAGS = ["ol"]
        md.parser.blockprocessors["ulist"].SIBLING_TAGS = ["ul"]
