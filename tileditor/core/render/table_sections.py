"""kramdown table separator rows inside a table body: `|---` starts a new `<tbody>`, `|===`
starts the `<tfoot>`. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_HEADER_SEP = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BODY_SEP = re.compile(r"^ {0,3}\|[\s|:+-]*-{3,}[\s|:+-]*$")
_FOOT_SEP = re.compile(r"^ {0,3}\|[\s|:+=]*={3,}[\s|:+=]*$")
_MARK = re.compile("^\x02tlsep:(body|foot)\x03$")


class TableSeparatorPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_table = False
        for idx, line in enumerate(lines):
            if not line.strip() or "|" not in line:
                in_table = False
            elif not in_table and idx > 0 and "|" in lines[idx - 1] and _HEADER_SEP.match(line):
                in_table = True
            elif in_table and _FOOT_SEP.match(line):
                line = "| \x02tlsep:foot\x03 |"
            elif in_table and _BODY_SEP.match(line):
                line = "| \x02tlsep:body\x03 |"
            out.append(line)
        return out


class TableSectionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
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


class TableSectionExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(TableSeparatorPreprocessor(md), "tl_table_sections", 24)
        md.treeprocessors.register(TableSectionTreeprocessor(md), "tl_table_sections", 25)
