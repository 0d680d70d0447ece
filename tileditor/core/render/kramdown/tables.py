"""kramdown's tables (its parse_table, which the GFM parser keeps), in place of Python-Markdown's
GFM-style tables: every line of the block holds a `|` outside code; rows before the first
separator line (`|---`) are the header, a later separator starts a new `<tbody>`, a `|===`
line the `<tfoot>`; a table needs a body (a header and a separator alone stay a paragraph);
rows may lack the trailing (or leading) pipe and be ragged: all are padded to the widest.
Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from tileditor.core.render.kramdown.angle_text import BLOCK_ELEMENTS, TAG
from tileditor.core.render.kramdown.raw_elements import VOID_ELEMENTS
from tileditor.core.render.kramdown.state import NeedsBoundary

# kramdown's TABLE_SEP_LINE, TABLE_HSEP_ALIGN and TABLE_FSEP_LINE, a line at a time.
_SEP_LINE = re.compile(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$")
_HSEP_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
_FSEP_LINE = re.compile(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*$")
# The block parsers kramdown tries before tables: a line opening one is no table's first.
_OTHER_START = re.compile(
    r"^(?: {4}|\s*(?:#|>|<|\x02|\{:|[*+-][ \t]|\d+[.)][ \t]|\[\^|:[ \t]|```|~~~))")
_HTML_CODE = re.compile(r"(<code.*?>.*?</code>)")
_PIPE = re.compile(r"(?<!\\)\|")
_PIPE_CHECK = re.compile(r"^(?:\||.*?[^\\\n]\|)")  # kramdown's TABLE_PIPE_CHECK


def _code_spans(text: str) -> list[tuple[bool, str]]:
    """The text cut into (is a code span, source) pieces as kramdown's parse_codespan reads
    it: a run of backticks closes at the next same run; a lone one between spaces is text."""
    pieces, at, i = [], 0, 0
    while (i := text.find("`", i)) >= 0:
        end, stop = _code_span(text, i)
        if stop < 0:
            i = end
            continue
        pieces.append((False, text[at:i]))
        pieces.append((True, text[i:stop]))
        at = i = stop
    pieces.append((False, text[at:]))
    return pieces


def _code_span(text: str, i: int) -> tuple[int, int]:
    """(end of the backtick run at i, end of the code span it opens or -1 when none)."""
    end = i
    while end < len(text) and text[end] == "`":
        end += 1
    run = text[i:end]
    if len(run) == 1 and i and text[i - 1].isspace() and end < len(text) and text[end].isspace():
        return end, -1
    close = text.find(run, end)
    return end, (close + len(run) if close >= 0 else -1)


_START = re.compile(r"[`<]")


def _spans(text: str) -> list[tuple[bool, str]]:
    """The table's text cut as kramdown's check reads it (parse_spans with codespan and
    span_html, left to right): (True, code span or span HTML element) and (False, text).
    An element hides what it holds, up to its closing tag or, with none, the end."""
    pieces, at, i = [], 0, 0
    while (found := _START.search(text, i)) is not None:
        i = found.start()
        if text[i] == "`":
            end, stop = _code_span(text, i)
            if stop < 0:
                i = end
                continue
        else:
            tag = TAG.match(text, i)
            if tag is None or tag.group(1).lower() in BLOCK_ELEMENTS:
                i += 1
                continue
            stop = tag.end()
            name = tag.group(1)
            # kramdown's HTML_ELEMENTS_WITHOUT_BODY: such an element is its tag alone
            if not tag.group(0).endswith("/>") and name.lower() not in VOID_ELEMENTS:
                m = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(text, stop)
                stop = m.end() if m else len(text)
        pieces.append((False, text[at:i]))
        pieces.append((True, text[i:stop]))
        at = i = stop
    pieces.append((False, text[at:]))
    return pieces


def _outside_code(line: str) -> list[tuple[bool, str]]:
    """A row cut into (is code, text) pieces: `<code>` elements, then code spans, where a
    `|` splits no cell."""
    pieces: list[tuple[bool, str]] = []
    for k, part in enumerate(_HTML_CODE.split(line)):
        pieces.extend([(True, part)] if k % 2 else _code_spans(part))
    return pieces


def _pipe_on_every_line(lines: list[str]) -> bool:
    """kramdown's check over the table's text, code spans read across lines: each line has
    an unescaped pipe outside code (a code span over two lines takes the pipe before it)."""
    pipe_on_line = False
    for code, piece in _spans("\n".join(lines)):
        if code and piece.startswith("<"):
            continue  # an element: kramdown reads its name, which holds no pipe
        parts = piece.split("\n")
        while len(parts) > 1 and not parts[-1]:  # Ruby's split drops trailing empties
            parts.pop()
        if code:
            if len(parts) > 2 or (len(parts) == 2 and not pipe_on_line):
                return False
            if len(parts) == 2:
                pipe_on_line = False
        else:
            if len(parts) > 1 and not pipe_on_line and not _PIPE_CHECK.match(parts[0]):
                return False
            pipe_on_line = ((False if len(parts) > 1 else pipe_on_line)
                            or bool(_PIPE_CHECK.match(parts[-1])))
    return pipe_on_line


def _table_line(line: str) -> bool:
    # kramdown's TABLE_LINE: a pipe anywhere, code or not.
    return line.startswith("|") or _PIPE_CHECK.match(line) is not None


def _cells(line: str, leading_pipe: bool) -> list[str]:
    """kramdown's row split: at unescaped pipes outside code (`\\|` then reads `|`); an
    empty first cell goes when the table opens with a pipe, an empty last cell always."""
    cells: list[str] = []
    for code, text in _outside_code(line):
        if code:
            if cells:
                cells[-1] += text
            else:
                cells.append(text)
            continue
        first, *rest = [t.replace("\\|", "|") for t in _PIPE.split(text)]
        if cells:
            cells[-1] += first
        else:
            cells.append(first)
        cells.extend(rest)
    if leading_pipe and cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return [c.strip() for c in cells]


def _alignment(sep: str) -> list[str | None]:
    out: list[str | None] = []
    for left, right in _HSEP_ALIGN.findall(sep):
        out.append(None if not left and not right else "left" if not right
                   else "right" if not left else "center")
    return out


def parse(lines: list[str]) -> tuple[list[tuple[str, list[list[str]]]], list] | None:
    """([(section tag, rows of cell texts)], alignment) of a table's lines, or None where
    kramdown reads no table (it then reverts to a paragraph)."""
    if not lines or _OTHER_START.match(lines[0]) or not all(_table_line(ln) for ln in lines):
        return None
    if not _pipe_on_every_line(lines):
        return None
    leading_pipe = lines[0].lstrip().startswith("|")
    sections: list[tuple[str, list[list[str]]]] = []
    rows: list[list[str]] = []
    alignment: list | None = None
    has_footer = False

    def close(tag: str, force: bool = False) -> None:
        nonlocal rows
        if not has_footer or tag != "tbody" or force:
            sections.append((tag, rows))
            rows = []

    for line in lines:
        sep = _SEP_LINE.match(line)
        if sep:
            if not rows:
                continue  # leading or repeated separator lines: nothing to close
            if alignment is None and not has_footer:
                close("thead")
                alignment = _alignment(sep.group(1))
            else:
                close("tbody")
        elif _FSEP_LINE.match(line):
            if rows:
                close("tbody", force=True)
            has_footer = True
        else:
            rows.append(_cells(line, leading_pipe))
    if rows:
        close("tfoot" if has_footer else "tbody")
    if not any(tag == "tbody" for tag, _rows in sections):
        return None  # "Found table without body": a paragraph
    return sections, alignment or []


# What may follow a table (kramdown's before_block_boundary?): a blank line, `^`, an IAL.
_BOUNDARY = re.compile(r"^\s*$|^\^[ \t]*$|^ {0,3}\{:")


class UnboundedTablePreprocessor(Preprocessor):
    """kramdown's parse_table reverts when the table's lines are not followed by a block
    boundary: `| a |` / `|---|` / `| 1 |` right above a heading, a list, a quote or a fence
    is a paragraph. Later passes cut those lines off into a block of their own, so note the
    first line of each such run (stripped) here, on the lines as written. Only unindented
    runs (in a list item the item's end is a boundary, which lines alone do not show), and
    only a first line no bounded table shares (the table row knows a block by its text)."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        if not any("|" in line for line in lines):
            return lines
        found: set[str] = set()
        bounded: set[str] = set()
        prev_blank = True
        i = 0
        while i < len(lines):
            line = lines[i]
            if prev_blank and "|" in line and _table_line(line.strip()):
                j = i
                while j < len(lines) and lines[j].strip() and _table_line(lines[j].strip()):
                    j += 1
                unbounded = j < len(lines) and not _BOUNDARY.match(lines[j])
                (found if unbounded and not line[:1].isspace() else bounded).add(line.strip())
                prev_blank, i = False, j
                continue
            prev_blank = not line.strip()
            i += 1
        self.holder.state.unbounded_tables = found - bounded
        return lines


class KramdownTableProcessor(NeedsBoundary, BlockProcessor):
    """A block that is a kramdown table becomes one (see the module's docstring), not right
    under a definition."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return ("|" in block and self.at_boundary(block)
                and block.split("\n", 1)[0].strip() not in self.holder.state.unbounded_tables
                and parse(block.split("\n")) is not None)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        sections, alignment = parse(blocks.pop(0).split("\n"))
        columns = max((len(r) for _tag, rows in sections for r in rows), default=0)
        alignment = (alignment + [None] * columns)[:columns]
        table = etree.SubElement(parent, "table")
        for tag, rows in sections:
            section = etree.SubElement(table, tag)
            for cells in rows:
                tr = etree.SubElement(section, "tr")
                for i in range(columns):
                    cell = etree.SubElement(tr, "th" if tag == "thead" else "td")
                    # kramdown's convert_td: an empty cell holds a no-break space.
                    cell.text = (cells[i] if i < len(cells) else "") or "\u00a0"
                    if alignment[i]:
                        # Python-Markdown's form; tree tl_table_align writes kramdown's.
                        cell.set("style", f"text-align: {alignment[i]};")
