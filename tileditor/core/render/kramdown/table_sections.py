"""kramdown table separator rows inside a table body: `|---` starts a new `<tbody>`, `|===`
starts the `<tfoot>`; and kramdown's tables without a header row (a paragraph whose every
line holds a `|` outside code is a table). Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown import stash

_HEADER_SEP = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BODY_SEP = re.compile(r"^ {0,3}\|[\s|:+-]*-{3,}[\s|:+-]*$")
_FOOT_SEP = re.compile(r"^ {0,3}\|[\s|:+=]*={3,}[\s|:+=]*$")
_MARK = re.compile("^" + stash.mark_pattern("sep", r"(body|foot)\d+").pattern + "$")
_NO_HEAD = stash.mark("nohead")
_CODE = re.compile(r"(`+).*?\1")
_NOT_TABLE_START = re.compile(r"^(?: {4}|\s*(?:#|>|<|\x02|\{:|[*+-][ \t]|\d+[.)][ \t]|\[\^))")


def _cells(line: str) -> int:
    """How many cells a table line holds (0: no unescaped `|` outside code spans)."""
    text = _CODE.sub(lambda m: "x" * len(m.group(0)), line.strip()).replace("\\|", "xx")
    if "|" not in text:
        return 0
    return len(text.strip("|").split("|"))


class HeaderlessTablePreprocessor(Preprocessor):
    """Give a header-less table a marked empty header row so the tables extension reads it;
    the treeprocessor removes that row again."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            end = i
            # Blank as Markdown's block parser sees it: spaces and tabs only (an NBSP line is
            # text, so a table cannot start under it).
            while end < len(lines) and lines[end].strip(" \t"):
                end += 1
            block = lines[i:end]
            if block and all("|" in ln for ln in block) and self._headless(block):
                width = max(_cells(ln) for ln in block)
                out.append("| " + " | ".join([_NO_HEAD] + [" "] * (width - 1)) + " |")
                out.append("|" + "---|" * width)
                if width == 1 and end == len(lines) - 1:
                    # One blank line at the very end stays in the block as a trailing "\n",
                    # and Python-Markdown then refuses a one-column table (its empty last
                    # row has no pipe): a second blank line closes the block as usual.
                    out.extend(lines[i:end + 1])
                    out.append("")
                    i = end + 1
                    continue
            out.extend(lines[i:end + 1])
            i = end + 1
        return out

    @staticmethod
    def _headless(block: list[str]) -> bool:
        # Only separator lines (`|===|`) make no table in kramdown: it stays a paragraph.
        return (not _NOT_TABLE_START.match(block[0]) and all(_cells(ln) for ln in block)
                and not any(_HEADER_SEP.match(ln) for ln in block)
                and not all(_FOOT_SEP.match(ln) or _BODY_SEP.match(ln) for ln in block))


class TableSeparatorPreprocessor(Preprocessor):
    """A separator row becomes a one-cell row holding a marker; where no table takes it the
    marker row turns back into the line as written (stash.StrayMarkPostprocessor)."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        sources = self.holder.state.mark_sources
        in_table = False
        for idx, line in enumerate(lines):
            kind = None
            if not line.strip(" \t") or "|" not in line:
                in_table = False
            elif not in_table and idx > 0 and "|" in lines[idx - 1] and _HEADER_SEP.match(line):
                in_table = True
            elif in_table and _FOOT_SEP.match(line):
                kind = "foot"
            elif in_table and _BODY_SEP.match(line):
                kind = "body"
            if kind is not None:
                marker = stash.mark("sep", f"{kind}{len(sources)}")
                sources[stash.row_of(marker)] = line
                line = stash.row_of(marker)
            out.append(line)
        return out


class TableSectionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            cell = head.find("tr/th") if head is not None else None
            if cell is not None and (cell.text or "").strip() == _NO_HEAD:
                table.remove(head)
            tbody = table.find("tbody")
            if tbody is None:
                continue
            current = tbody
            for row in list(tbody):
                cell = row[0] if len(row) else None
                m = _MARK.match((cell.text or "").strip()) if cell is not None else None
                if not m:
                    if current is not tbody:
                        tbody.remove(row)
                        current.append(row)
                    continue
                tbody.remove(row)
                current = etree.SubElement(table, "tfoot" if m.group(1) == "foot" else "tbody")
            for section in [s for s in table if s.tag in ("tbody", "tfoot") and not len(s)]:
                table.remove(section)


# The two lines HeaderlessTablePreprocessor adds, as they read when a raw HTML block (an
# unclosed `<center>`) swallowed them as text instead of a table taking them.
_LEFT_HEADER = re.compile(r"\| " + re.escape(_NO_HEAD) + r"(?: \|  )* \|\n\|(?:---\|)+(?:\n|$)")


class LeftoverHeaderPostprocessor(Postprocessor):
    """Takes the added header lines back out of raw HTML, so the marker never shows."""

    def run(self, text: str) -> str:
        return _LEFT_HEADER.sub("", text) if _NO_HEAD in text else text

