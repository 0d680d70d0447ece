"""The kramdown TOC: a list marked `{:toc}` becomes `<ul id="markdown-toc">`, and every render
also yields the headings and a sidebar TOC list (Minimal Mistakes `toc: true`). No PySide6."""

from __future__ import annotations

import copy
import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")


def plain_text(el: etree.Element, md, skip_notes: bool = False, strip: bool = True) -> str:
    """Visible text of an element, stash placeholders (smart quotes, raw HTML) expanded;
    footnote markers left out when `skip_notes`; stripped unless `strip` is False."""
    blocks = md.htmlStash.rawHtmlBlocks

    def expand(m):
        idx = int(m.group(1))
        value = blocks[idx] if idx < len(blocks) else ""
        return html.unescape(re.sub(r"<[^>]*>", "", str(value)))

    text = "".join(_texts(el, skip_notes))
    text = _PLACEHOLDER.sub(expand, text)
    return text.strip() if strip else text


def _texts(el: etree.Element, skip_notes: bool):
    if el.text:
        yield el.text
    for child in el:
        if not (skip_notes and child.tag == "sup" and (child.get("id") or "").startswith("fnref")):
            yield from _texts(child, skip_notes)
        if child.tail:
            yield child.tail


def _build(entries, ul_attrs: dict, link_ids: bool, tag: str = "ul") -> etree.Element:
    """kramdown's generate_toc: each entry nests under the last one of a lower level, in
    lists of the marked list's kind (`1. TOC` gives `<ol>`)."""
    top = etree.Element(tag, ul_attrs)
    stack: list[tuple[int, etree.Element]] = []  # (level, li)
    for level, hid, heading in entries:
        while stack and stack[-1][0] >= level:
            stack.pop()
        if stack:
            parent_li = stack[-1][1]
            sub = parent_li.find(tag)
            if sub is None:
                sub = etree.SubElement(parent_li, tag)
            li = etree.SubElement(sub, "li")
        else:
            li = etree.SubElement(top, "li")
        a = etree.SubElement(li, "a", {"href": f"#{hid}"})
        if link_ids:
            a.set("id", f"markdown-toc-{hid}")
        a.text = heading.text
        for child in heading:
            a.append(copy.deepcopy(child))
        stack.append((level, li))
    return top


class TocTreeprocessor(Treeprocessor):
    def __init__(self, md, levels):
        super().__init__(md)
        self.levels = set(levels)

    def run(self, root: etree.Element) -> None:
        entries = []
        for el in root.iter():
            if len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1].isdigit() and el.get("id"):
                level = int(el.tag[1])
                if level in self.levels and "no_toc" not in (el.get("class") or "").split():
                    entries.append((level, el.get("id"), el))
        self.md.tl_headings = [(lv, hid, plain_text(el, self.md)) for lv, hid, el in entries]
        sidebar = _build(entries, {"class": "toc__menu"}, False) if entries else None
        self.md.tl_toc_html = etree.tostring(sidebar, encoding="unicode", method="html") if (
            sidebar is not None) else ""
        for parent in list(root.iter()):
            for idx, child in enumerate(list(parent)):
                if "toc" in (child.get("data-tl-ref") or "").split():
                    kind = "ol" if child.tag == "ol" else "ul"
                    toc = _build(entries, {"id": "markdown-toc"}, True, kind)
                    for key in ("class", "data-line"):
                        if child.get(key):
                            toc.set(key, child.get(key))
                    toc.tail = child.tail
                    parent.remove(child)
                    parent.insert(idx, toc)


class TocExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"levels": [[1, 2, 3, 4, 5, 6], "toc_levels"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(TocTreeprocessor(md, self.getConfig("levels")), "tl_toc", 3)
