"""Reads how a header is written (quoting, boolean case, list style, indentation) from its
scanned entries, so edits can follow the user's own habits. Must not import PySide6."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import accumulate

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tileditor.core.frontmatter.emit import Style, bool_case_of
from tileditor.core.frontmatter.scan import Entry, split_lines


class StyleReader:
    """Style facts of one header text and its entries."""

    def __init__(self, text: str, entries: list[Entry], nl: str, lines: list[str] | None = None):
        self.text = text
        self.lines = split_lines(text) if lines is None else lines  # `text`'s, when known
        self.entries = entries
        self.nl = nl
        self._starts = list(accumulate(map(len, self.lines), initial=0))[:-1]

    def node_text(self, node, shift: int = 0) -> str:
        """The text of `node`, one of the nodes of an entry whose `shift` is given."""
        return self.text[node.start_mark.index + shift:node.end_mark.index + shift]

    def prevailing(self, skip: Entry | None = None) -> Style:
        """The header's habits, ignoring the entry being rewritten."""
        others = [e for e in self.entries if e is not skip]
        quotes = Counter(
            e.node.style for e in others
            if isinstance(e.node, ScalarNode) and isinstance(e.value, str) and e.value
            and e.node.style in (None, "'", '"')
        )
        top = quotes.most_common()
        quote = None
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            quote = top[0][0]
        style = Style(quote=quote, nl=self.nl)
        for e in others:
            if isinstance(e.value, bool):
                style = replace(style, bool_case=bool_case_of(self.node_text(e.node, e.shift)))
                break
        for e in others:
            if isinstance(e.node, SequenceNode) and e.node.value:
                style = self.list_style(e, style)
                break
        for e in others:
            if isinstance(e.node, MappingNode) and not e.node.flow_style and e.node.value:
                style = replace(style, map_indent=self._child_indent(e))
                break
        return style

    def list_style(self, e: Entry, style: Style) -> Style:
        """`style` with the list habits of entry `e` (a sequence) laid over it."""
        node = e.node
        quotes = [i.style for i in node.value if isinstance(i, ScalarNode) and i.value]
        if quotes and quotes[0] in (None, "'", '"'):
            style = replace(style, item_quote=quotes[0])
        if node.flow_style:
            return replace(style, list_kind="flow", **self._flow_spacing(self.node_text(node, e.shift)))
        first = node.value[0]
        line, col = self._locate(first.start_mark.index + e.shift)
        text = self.lines[line]
        dash = text.rfind("-", 0, col)
        if dash < 0:
            return replace(style, list_kind="block")
        gap = text[dash + 1:col]
        return replace(
            style,
            list_kind="block",
            dash_indent=" " * max(0, dash - e.key_col),
            dash_gap=gap if gap and not gap.strip() else " ",
        )

    def nested_flow(self, e: Entry, style: Style) -> Style:
        """Spacing of a flow list nested in a block list, when there is one."""
        for item in e.node.value if isinstance(e.node, SequenceNode) else []:
            if isinstance(item, SequenceNode) and item.flow_style and len(item.value) > 1:
                return replace(style, **self._flow_spacing(self.node_text(item, e.shift)))
        return style

    def entry_style(self, e: Entry, base: Style) -> Style:
        """`base` with the habits of the entry being rewritten laid over it."""
        style = base
        node = e.node
        if isinstance(node, ScalarNode):
            if isinstance(e.value, bool):
                style = replace(style, bool_case=bool_case_of(self.node_text(node, e.shift)))
            elif isinstance(e.value, str) and node.style in (None, "'", '"'):
                style = replace(style, quote=node.style)
        elif isinstance(node, SequenceNode):
            if node.value:
                style = self.list_style(e, style)
            style = self.nested_flow(e, style)
        elif isinstance(node, MappingNode) and not node.flow_style and node.value:
            style = replace(style, map_indent=self._child_indent(e))
        return style

    def block_scalar_indent(self, e: Entry) -> str:
        for line in self.lines[e.first + 1:e.last + 1]:
            if line.strip():
                return line[: len(line) - len(line.lstrip(" "))]
        return " " * (e.key_col + 2)

    def _child_indent(self, e: Entry) -> str:
        key = e.node.value[0][0]
        _, col = self._locate(key.start_mark.index + e.shift)
        return " " * max(1, col - e.key_col)

    def _flow_spacing(self, text: str) -> dict:
        out = {}
        inner = text[1:-1]
        if inner.strip():
            out["flow_pad"] = " " if inner[:1] in " \t" else ""
        if re.search(r",[ \t]", inner):
            out["flow_sep"] = ", "
        elif "," in inner:
            out["flow_sep"] = ","
        return out

    def _locate(self, index: int) -> tuple[int, int]:
        """(line, column) of a character offset; past the end: (last line, 0)."""
        i = max(0, bisect_right(self._starts, index) - 1)
        if not self.lines or index >= self._starts[i] + len(self.lines[i]):
            return max(0, len(self.lines) - 1), 0
        return i, index - self._starts[i]
