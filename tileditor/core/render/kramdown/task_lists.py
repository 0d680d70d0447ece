"""GFM task list items (`- [ ] x`, `- [x] y`) in kramdown's markup. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

_BOX = re.compile(r"^\[([ xX])\][ \t]+")


class TaskListTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for ul in root.iter():
            if ul.tag not in ("ul", "ol"):
                continue
            found = False
            for li in ul:
                holder = li[0] if len(li) and li[0].tag == "p" and not (li.text or "").strip() else li
                m = _BOX.match(holder.text or "")
                if li.tag == "li" and found and not m:
                    # kramdown-parser-gfm marks every item after the list's first task item.
                    li.set("class", "task-list-item")
                if li.tag != "li" or not m:
                    continue
                found = True
                li.set("class", "task-list-item")
                box = etree.Element("input", {"type": "checkbox",
                                              "class": "task-list-item-checkbox",
                                              "disabled": "disabled"})
                if m.group(1) != " ":
                    box.set("checked", "checked")
                box.tail = holder.text[m.end():]
                holder.text = None
                holder.insert(0, box)
            if found:
                ul.set("class", f"{ul.get('class')} task-list" if ul.get("class") else "task-list")

