"""kramdown's math: only `$$` delimits math. A block that is one `$$...$$` (after a block
boundary, blank lines inside allowed, at top level, in a quote or in a list item) becomes
display math `\\[...\\]`, inline `$$x$$` becomes `\\(x\\)` (as kramdown's mathjax engine
emits), and the TeX is kept away from Markdown. `$$` inside a raw HTML block is left to the
page's MathJax, as is single `$`. No PySide6."""

from __future__ import annotations

import html
import re

from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from tileditor.core import lexicon
from tileditor.core.render.kramdown import stash

# `$$x$$` inline; a `$$` escaped with a backslash is text.
INLINE_MATH = r"(?<!\\)\$\$([\s\S]+?)\$\$"
_QUOTE = re.compile(r"^((?: {0,3}> ?)+)(.*)$")
_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}[.)])( +)(?=\S)")
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")
_ESCAPED_BLOCK = re.compile(r"^( {0,3})\\(?=\$\$)")


class MathBlockPreprocessor(Preprocessor):
    """Replace each display-math block by one stash placeholder line that keeps the block's
    container prefix (quote markers, item marker or indentation)."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        columns: list[int] = []  # content columns of the list items we are in
        unclosed: set[str] = set()
        i, prev_blank = 0, True
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                out.append(line)
                i, prev_blank = i + 1, True
                continue
            if "<" in line and (end := lexicon.raw_html_end(lines, i, unclosed) or i) > i:
                out.extend(lines[i:end + 1])  # kramdown leaves `$$` in raw HTML to MathJax
                i, prev_blank = end + 1, False
                continue
            if (esc := _ESCAPED_BLOCK.match(line)) is not None:
                # kramdown's parse_block_math takes the backslash of an escaped math block
                # and declines: the paragraph then reads `$$...$$` as inline math.
                lines[i] = line[:esc.end(1)] + line[esc.end():]
                if self._block(lines, i, list(columns), prev_blank) is None:
                    lines[i] = line
                out.append(lines[i])
                i, prev_blank = i + 1, False
                continue
            if line in self.holder.state.no_boundary_lines:
                prev_blank = False  # right under a block (state.no_boundary_lines): no boundary
            found = self._block(lines, i, columns, prev_blank)
            if found is None:
                out.append(line)
                i, prev_blank = i + 1, False
                continue
            prefix, end, tex, gap = found
            state = self.holder.state
            placeholder = stash.store_block(self.md, state,
                                            f"\\[{html.escape(tex, quote=False)}\\]", end - i + 1)
            state.math_blocks.add(placeholder)
            if ">" not in prefix:
                state.block_sources[placeholder] = "\n".join(
                    ln.lstrip(" ") if k else ln[len(prefix):]
                    for k, ln in enumerate(lines[i:end + 1]))
            out.extend([prefix + placeholder, ""] if gap else [prefix + placeholder])
            i, prev_blank = end + 1, False
        return out

    def _block(self, lines: list[str], i: int, columns: list[int], prev_blank: bool):
        """(prefix, last line, TeX, gap) when a math block opens at line i, else None; keeps
        `columns` up to date with the list items line i is in."""
        line = lines[i]
        quote = _QUOTE.match(line)
        if quote:
            depth = quote.group(1).count(">")
            above = _QUOTE.match(lines[i - 1]) if i and lines[i - 1].strip() else None
            # The quote's first line, or after a blank quote line, is a block boundary.
            boundary = above is None or above.group(1).count(">") != depth or not above.group(
                2).strip()
            rest = quote.group(2)
            lead = len(rest) - len(rest.lstrip(" "))
            if not boundary or lead > 3:
                return None
            strip = re.compile(rf"^(?: {{0,3}}> ?){{{depth}}}")
            return self._scan(lines, i, rest, quote.group(1) + rest[:lead],
                              lambda ln: _in_quote(ln, strip))
        indent = len(line) - len(line.lstrip(" "))
        if prev_blank:
            while columns and indent < columns[-1]:
                columns.pop()
        item = _ITEM.match(line) if not _RULE.match(line) else None
        if item:
            while columns and indent < columns[-1]:
                columns.pop()
            spaces = len(item.group(3)) if len(item.group(3)) <= 4 else 1
            column = indent + len(item.group(2)) + spaces
            columns.append(column)
            # An item's first block is always after a boundary; a sibling item right under
            # it keeps the list tight.
            found = self._scan(lines, i, line[column:], line[:column],
                               lambda ln: _in_item(ln, column))
            return found and (*found[:3], False)
        base = columns[-1] if columns else 0
        if not prev_blank or indent - base > 3:
            return None
        return self._scan(lines, i, line.lstrip(" "), line[:indent], lambda ln: _in_item(ln, base))

    @staticmethod
    def _scan(lines: list[str], i: int, rest: str, prefix: str, inside):
        """kramdown's BLOCK_MATH_START from `rest` (line i without its container): the first
        `$$` after the opening one closes; only blanks may follow it on its line and a block
        boundary (blank line, end of the container) must come next."""
        rest = rest.lstrip(" ")
        if not rest.startswith("$$"):
            return None
        body = [rest[2:]]
        j = i
        while "$$" not in body[-1]:
            j += 1
            text = inside(lines[j]) if j < len(lines) else _END
            if text is _END or text is _LAZY:
                return None
            body.append(text)
        head, _, tail = body[-1].partition("$$")
        if tail.strip():
            return None
        following = inside(lines[j + 1]) if j + 1 < len(lines) else _END
        if following is _LAZY or (following is not _END and following.strip()):
            return None
        # The next item right under the math: a blank line keeps it out of the placeholder's
        # paragraph (the item holding the math is loose already).
        gap = following is _END and j + 1 < len(lines) and bool(lines[j + 1].strip())
        return prefix, j, "\n".join([*body[:-1], head]).strip(), gap


# What a container says of a line: it ended before it, or the line is lazy paragraph text.
_END, _LAZY = object(), object()


def _in_quote(line: str, strip: re.Pattern):
    """A line's text inside the quote, _END after a blank line, else _LAZY."""
    if not line.strip():
        return _END
    m = strip.match(line)
    return line[m.end():] if m else _LAZY


def _in_item(line: str, column: int):
    """A line's text inside the list item whose content starts at `column` (0: top level),
    _END for the next item, _LAZY for less indented text."""
    indent = len(line) - len(line.lstrip(" "))
    if not line.strip() or indent >= column:
        return line[column:]
    return _END if _ITEM.match(line) else _LAZY


class MathParagraphPostprocessor(Postprocessor):
    """Display math is no paragraph: drop the `<p>` Python-Markdown puts around a math
    placeholder; one that carries attributes (an IAL) becomes kramdown's `<div>`."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, text: str) -> str:
        if not self.holder.state.math_blocks or "<p" not in text:
            return text
        return stash.WRAPPED_BLOCK.sub(self._unwrap, text)

    def _unwrap(self, m: re.Match) -> str:
        if m.group(2) not in self.holder.state.math_blocks:
            return m.group(0)
        attrs = m.group(1)
        return f"<div{attrs}>{m.group(2)}</div>" if attrs.strip() else m.group(2)




class InlineMathProcessor(InlineProcessor):
    def handleMatch(self, m, data):
        if stash.STX in m.group(1):
            # A code span already took part of it: leave the text as it is.
            return None, None, None
        tex = html.escape(m.group(1).strip(), quote=False)
        return stash.store_inline(self.md, f"\\({tex}\\)"), m.start(0), m.end(0)
