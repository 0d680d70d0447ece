"""kramdown nests list content by the column where an item's text starts (`- ` is 2, `1. `
is 3); Python-Markdown wants 4 spaces per level. Re-indent list lines so nested lists and
item paragraphs land where kramdown puts them; a change of marker type starts a new list.
Must not import PySide6."""

from __future__ import annotations

import re

from markdown.blockprocessors import ListIndentProcessor, OListProcessor, UListProcessor
from markdown.extensions.def_list import DefListIndentProcessor
from markdown.preprocessors import Preprocessor

from tileditor.core.render.kramdown import stash
from tileditor.core.render.kramdown.raw_elements import SPAN_ELEMENTS
from tileditor.core.render.kramdown.state import EobAware, after_eob

# An item: its marker, the spaces after it, its text; an empty one (`- ` then nothing) has
# its text column 4 in, as kramdown's LIST_ITEM_IAL_CHECK sets it.
_ITEM = re.compile(r"^( *)([*+-]|\d{1,9}\.)(?:( +)(\S.*)| +)$")
EMPTY_ITEM_MARK = stash.mark("emptyitem")
_EMPTY_ITEM = re.compile(r"^ *(?:[*+-]|\d{1,9}\.) " + re.escape(EMPTY_ITEM_MARK) + "$")
# A block of its own between two lists of one item that kramdown keeps apart (see
# _new_segment); list_tightness drops its paragraph.
LIST_BREAK_MARK = stash.mark("listbreak")
_LAZY_BLOCK = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>)")
_QUOTE = re.compile(r"^ {0,3}>")
_QUOTE_MARK = re.compile(r"^ {0,3}> ?")
# Quotes nested deeper than this keep Python-Markdown's reading of lists inside them (each
# level is one more pass over its lines).
MAX_QUOTE_DEPTH = 16
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
        out, soft = self._reindent(lines, 0)
        self.holder.state.soft_blanks = soft
        return out

    def _reindent(self, lines: list[str], quotes: int) -> tuple[list[str], set[int]]:
        """(lines re-indented, indexes of the blank lines added) for one container's lines;
        `quotes` is how many blockquotes hold them."""
        out: list[str] = []
        soft: set[int] = set()
        # (content column in source spaces, marker kind, opened by a lazy line)
        stack: list[tuple[int, str, bool]] = []
        prev_blank = True
        prev_item_depth = -1  # depth of the previous line when it was an item, else -1
        code = False  # in indented code outside any list: its lazy lines are code too
        empty_item = False  # the line above is an item with no text
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.strip():
                out.append(line)
                prev_blank, empty_item = True, False
                # kramdown: a blank line in an item counts as its nested list found
                stack[:] = [(c, kind, "seen" if lazy is True else lazy) for c, kind, lazy in stack]
                continue
            indented = line.startswith("    ")
            code = not stack and (indented if prev_blank else code and not _HTML_END.match(line))
            if code:
                out.append(line)
                prev_blank, prev_item_depth = False, -1
                continue
            if not stack and quotes < MAX_QUOTE_DEPTH and _QUOTE.match(line):
                end = quote_run_end(lines, i - 1)
                self._quote(lines[i - 1:end], quotes, out, soft)
                i, prev_blank, prev_item_depth = end, False, -1
                continue
            if (stack and not prev_blank and _HTML_END.match(line)
                    and len(line) - len(line.lstrip(" ")) < stack[0][0]):
                # kramdown's lazy lines stop at a block element's tag (`<center>` right
                # under an item): the lists end there
                stack.clear()
                soft.add(len(out))
                out += ["", line]
                prev_item_depth = -1
                continue
            if not prev_blank:
                line = _pushed_deeper(line, stack)
            if not prev_blank and (depth := _new_segment(line, stack)) is not None:
                soft.update(range(len(out), len(out) + 3))
                out += ["", " " * (4 * depth) + LIST_BREAK_MARK, ""]
                prev_blank, prev_item_depth = True, -1
            # Under an empty item a line keeps its place as under a blank line: no lazy
            # text to join (`- ` then eight spaces in: code in that item).
            new = (prev_blank and _lazy_list_item(line, stack)) or self._line(
                line, stack, prev_blank or empty_item)
            if empty_item and new.startswith(" " * (4 * len(stack) + 4)):
                soft.add(len(out))  # code right under it: Python-Markdown wants a blank line
                out.append("")
            empty_item = _EMPTY_ITEM.match(new) is not None
            depth = (len(new) - len(new.lstrip(" "))) // 4
            is_item = bool(_ITEM.match(new)) and len(stack) == depth + 1 and new.lstrip()[:1] != "\\"
            if not prev_blank and is_item and self._needs_break(
                    out[-1], prev_item_depth, depth):
                soft.add(len(out))
                out.append("")
            elif (not prev_blank and not is_item and stack and self.gfm
                  and _LAZY_BLOCK.match(line) and _atx_here(line, stack)):
                # kramdown starts a heading or a quote right under an item's text inside it.
                soft.add(len(out))
                out.append("")
            out.append(new)
            prev_item_depth = depth if is_item else -1
            prev_blank = False
        return out, soft

    def _quote(self, run: list[str], quotes: int, out: list[str], soft: set[int]) -> None:
        """A blockquote's lines, its content re-indented as a container of its own (kramdown
        parses a quote's content like a document: a list may interrupt its paragraph)."""
        prefixes = [m.group(0) if (m := _QUOTE_MARK.match(line)) else "" for line in run]
        inner = [line[len(p):] for line, p in zip(run, prefixes, strict=True)]
        if not any(_ITEM.match(line) or _QUOTE.match(line) for line in inner):
            out.extend(run)
            return
        lines, added = self._reindent(inner, quotes + 1)
        source = iter(prefixes)
        for k, line in enumerate(lines):
            if k in added:
                soft.add(len(out))
                out.append((prefixes[0] + line).rstrip())
            else:
                out.append(next(source) + line)

    def _needs_break(self, previous: str, prev_item_depth: int, depth: int) -> bool:
        if prev_item_depth < 0:
            # GFM: a list may interrupt a paragraph (at top level or inside an item).
            return self.gfm and not previous.lstrip().startswith("\x02") and (
                _text_line(previous))
        # Back out of a nested list: Python-Markdown may hold it in one indented block.
        return depth < prev_item_depth

    @staticmethod
    def _line(line: str, stack: list[tuple[int, str, bool]], prev_blank: bool) -> str:
        indent = len(line) - len(line.lstrip(" "))
        m = _ITEM.match(line)
        if m and not _RULE.match(line) and _item_fits(indent, stack):
            kind = _kind(m)
            sibling = None
            popped: list[tuple[int, str, bool]] = []
            _outer_sibling(indent, kind, stack)
            while stack and _in_segment(indent, stack, len(stack) - 1) < stack[-1][0]:
                sibling = stack.pop()
                popped.append(sibling)
            indent = _in_segment(indent, stack, len(stack))
            lazy = sibling is not None and sibling[1] != kind and not prev_blank
            if lazy:
                # kramdown reads another marker kind right under an item as a nested list.
                stack.append(sibling)
            depth = len(stack)
            if m.group(4) is None:  # an empty item: a marker holds its place (a bare `- `
                # would read as a setext underline), dropped from the page at the end
                stack.append((indent + 4, kind, lazy))
                return " " * (4 * depth) + m.group(2) + " " + EMPTY_ITEM_MARK
            # kramdown's text column counts every space after the marker (CommonMark's rule
            # of five or more meaning one does not apply): `1.     text` is text at 7.
            spaces = len(m.group(3))
            stack.append((indent + len(m.group(2)) + spaces, kind, lazy))
            return " " * (4 * depth) + m.group(2) + " " + m.group(4)
        if not stack:
            return line
        if not prev_blank:
            text = line.lstrip(" ")
            if m or (text.startswith("#") and not _atx_here(line, stack)):
                # a marker too deep to start an item is plain text in kramdown, as is a
                # `#` line that its spaces keep from being a heading
                text = _as_text(text)
            return " " * (4 * len(stack)) + text
        while stack and indent < stack[-1][0]:
            stack.pop()
        if not stack:
            return line
        return " " * (4 * len(stack) + indent - stack[-1][0]) + line.lstrip(" ")


# kramdown's HTML_SPAN_ELEMENTS (and script): a line opening with one is paragraph text.
_SPAN_TAGS = SPAN_ELEMENTS | {"script"}
_TAG = re.compile(r"^\s*<([A-Za-z][\w-]*)")
# kramdown's LAZY_END_HTML_START / _STOP: a tag other than a span element ends a quote.
_HTML_END = re.compile(r"^ {0,3}</?(?!(?:" + "|".join(sorted(_SPAN_TAGS)) + r")\b)[A-Za-z]")
LAZY_END_HTML = _HTML_END  # indented code's lazy lines end there too


def _text_line(line: str) -> bool:
    """False for a line that opens raw HTML going on below it (a list there is raw too)."""
    tag = _TAG.match(line)
    if tag is None:
        return not line.lstrip().startswith("<")
    name = tag.group(1)
    return name.lower() in _SPAN_TAGS or re.search(rf"</{name}\s*>", line, re.I) is not None


def quote_run_end(lines: list[str], start: int) -> int:
    """The end of the blockquote opening at line `start`: kramdown's quote takes the lines
    after it up to a blank line or a line opening block HTML, quote markers or not (lazy)."""
    end = start + 1
    while end < len(lines) and lines[end].strip() and (
            _QUOTE.match(lines[end]) or not _HTML_END.match(lines[end])):
        end += 1
    return end


def _atx_here(line: str, stack: list[tuple[int, str, bool]]) -> bool:
    """Whether a `#` line under an item can be a heading: kramdown-parser-gfm's ATX start
    allows no space before the hashes, so the line must sit at an item's text column (its
    content) or at the margin (a lazy line); other lines are not `#` lines at all."""
    if not line.lstrip(" ").startswith("#"):
        return True
    indent = len(line) - len(line.lstrip(" "))
    return indent == 0 or any(col == indent for col, _kind, _lazy in stack)


def _as_text(text: str) -> str:
    """An item line escaped so it reads as paragraph text."""
    return re.sub(r"^(\d+)\.", r"\1\\.", text) if text[0].isdigit() else "\\" + text


def _list_start(line: str) -> re.Match | None:
    """The item a line starts (a rule such as `- - -` starts none)."""
    m = _ITEM.match(line)
    return None if m is None or _RULE.match(line) else m


def _kind(item: re.Match) -> str:
    return "ol" if item.group(2)[0].isdigit() else "ul"


def _pushed_deeper(line: str, stack: list) -> str:
    """A lazy line starting a list of another kind than the item it is lazy for, once that
    item holds a nested list: kramdown pushes it the item's text column plus 4 deeper into
    the content and reads it there: lazy text of the innermost item mostly (`1. a`,
    `    - b`, `  - c` is one item "b - c"), a nested list where an item's text column is
    near it. Returns the line as it is read (unchanged when this does not apply)."""
    for _ in range(len(stack)):  # each push goes deeper: bounded by the depth
        m = _list_start(line)
        if m is None:
            return line
        indent = len(m.group(1))
        if not _item_fits(indent, stack):
            return line
        popped = []
        for entry in reversed(stack):
            if indent >= entry[0]:
                break
            popped.append(entry)
        kind = _kind(m)
        if len(popped) < 2 or popped[-1][1] == kind or popped[-2][2]:
            return line
        # In the coordinates of the item's list (the content of the item around it, whose
        # text column `base` its lines lose), it goes the item's text column plus 4 in; it
        # joins the item's content, which loses that column again.
        outer = len(stack) - len(popped) - 1
        base = stack[outer][0] if outer >= 0 else 0
        rel = indent - base if indent >= base else indent
        line = " " * (2 * popped[-1][0] - base + 4 + rel) + line.lstrip(" ")
    return line


def _lazy_list_item(line: str, stack: list) -> str | None:
    """After a blank line, a line indented to the text of an item whose nested list came on
    lazy lines: kramdown reads it in the item's content, where that list's lines sit as
    typed, so with at most 3 spaces left it is one more item of that list (`1. Step`,
    `  - a`, blank, `    - b`: `b` beside `a`). The line re-indented, or None."""
    m = _list_start(line)
    if m is None or m.group(4) is None:
        return None
    k = next((i for i, entry in enumerate(stack) if entry[2]), 0)
    if not k:
        return None
    rel = len(m.group(1)) - stack[k - 1][0]
    kind = _kind(m)
    if not 0 <= rel <= 3 or rel >= stack[k][0] or kind != stack[k][1]:
        return None
    del stack[k:]
    stack.append((len(m.group(1)) + len(m.group(2)) + len(m.group(3)), kind, "seen"))
    return " " * (4 * k) + m.group(2) + " " + m.group(4)


def _new_segment(line: str, stack: list) -> int | None:
    """kramdown's parse_list: an item whose first nested list came on lazy lines (indented
    less than its text, `1. Step` then `  - a`) has found no nested list yet, so the next
    line indented to its text that starts a list starts a separate list in it (`    - b`:
    a second list beside the first, not nested in `a`). Returns the depth of the new list
    (what is open above it is closed), or None."""
    m = _list_start(line)
    if m is None:
        return None
    k = next((i for i, entry in enumerate(stack) if entry[2] is True), 0)
    indent = len(m.group(1))
    if not k or not stack[k - 1][0] <= indent <= stack[k - 1][0] + 3:
        return None
    del stack[k:]
    return k


def _outer_sibling(indent: int, kind: str, stack: list[tuple[int, str, bool]]) -> None:
    """kramdown's parse_list tries its own item pattern first (fetch_pattern: a marker of
    its kind up to its text column less one, at most 3, spaces in): a list line that fits
    an item outside a list opened on lazy lines is that item's sibling, however the lazy
    list's columns read it. Closes what lies inside that item."""
    for j in range(_first_lazy(stack)):
        base = stack[j - 1][0] if j else 0
        col, entry_kind, _lazy = stack[j]
        if entry_kind == kind and base <= indent and indent - base < min(col - base, 4):
            del stack[j + 1:]
            return


def _in_segment(indent: int, stack: list[tuple[int, str, bool]], j: int,
                lazy_at: int | None = None) -> int:
    """`indent` as stack entry j reads it: a list opened on lazy lines sits in its item's
    content as typed, where a line indented to the item's text loses that indentation
    (kramdown's indent_re). `lazy_at`: the first lazily opened entry, when known."""
    k = _first_lazy(stack) if lazy_at is None else lazy_at
    if k and j >= k and indent >= stack[k - 1][0]:
        return indent - stack[k - 1][0]
    return indent


def _first_lazy(stack: list[tuple[int, str, bool]]) -> int:
    """The index of the first entry opened on lazy lines (0: none; the first never is)."""
    return next((i for i, entry in enumerate(stack) if entry[2]), 0)


def _item_fits(indent: int, stack: list[tuple[int, str, bool]]) -> bool:
    """kramdown starts an item only 0-3 spaces past the enclosing item's content column."""
    base, at, lazy_at = 0, indent, _first_lazy(stack)
    for j, (col, _kind, _lazy) in enumerate(stack):
        rel = _in_segment(indent, stack, j, lazy_at)
        if col <= rel:
            base, at = col, rel
    return at - base <= 3



# A setext underline under an item's text, at the item's text column (4 after re-indenting).
_ITEM_UNDERLINE = re.compile(r"^ {4}(=+|-+)[ \t]*$", re.M)


class _ItemHeadings:
    """An item's text can be a setext heading (`* A\n  ===`): Python-Markdown keeps a
    same-block line's indentation, which hides the underline."""

    def get_items(self, block: str) -> list[str]:
        return [_ITEM_UNDERLINE.sub(r"\1", item) if "\n" in item else item
                for item in super().get_items(block)]


class KramdownOListProcessor(EobAware, _ItemHeadings, OListProcessor):
    """kramdown starts a new list when the marker type changes (`-` list, then `1.`), and
    after a definition."""

    SIBLING_TAGS = ["ol"]

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder


class KramdownUListProcessor(EobAware, _ItemHeadings, UListProcessor):
    SIBLING_TAGS = ["ul"]

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder


class _NotAfterEob:
    """Indented item text, but not right after a definition (kramdown: code there)."""

    def __init__(self, parser, holder):
        super().__init__(parser)
        self.holder = holder

    def test(self, parent, block: str) -> bool:
        return super().test(parent, block) and not after_eob(self.holder, parent)


class KramdownListIndentProcessor(_NotAfterEob, ListIndentProcessor):
    """Python-Markdown's `indent` row (list items). The text under an item's setext heading
    (`* A` / `  ===` / `  text`) is the item's next block at its text column; in a loose
    list Python-Markdown would read it at level 0, so as code."""

    def run(self, parent, blocks: list[str]):
        if (self.parser.state.isstate("looselist") and parent.tag == "li" and len(parent)
                and parent[-1].tag in ("h1", "h2")):
            blocks[0] = "\n".join(ln[4:] if ln.startswith("    ") else ln
                                   for ln in blocks[0].split("\n"))
            return False  # the other rows read it now (a paragraph)
        return super().run(parent, blocks)


class KramdownDefIndentProcessor(_NotAfterEob, DefListIndentProcessor):
    """def_list's `defindent` row (definitions and list items)."""
