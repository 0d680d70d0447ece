"""The kramdown TOC: a list marked `{:toc}` becomes `<ul id="markdown-toc">`, and every render
also yields the headings and a sidebar TOC list (Minimal Mistakes `toc: true`). No PySide6."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown import stash


def build_toc(entries, attrs: dict, link_prefix: str | None = None,
              tag: str = "ul") -> etree.Element:
    """kramdown's generate_toc_tree: each (level, id, heading element) entry nests under the
    last one of a lower level, in lists of the marked list's kind (`1. TOC` gives `<ol>`);
    with `link_prefix` every link gets the id `<prefix>-<heading id>`."""
    top = etree.Element(tag, attrs)
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
        if link_prefix:
            a.set("id", f"{link_prefix}-{hid}")
        a.text = heading.text
        for child in heading:
            a.append(copy.deepcopy(child))
        if link_prefix:
            _fix_for_toc_entry(a)
        stack.append((level, li))
    return top


def _fix_for_toc_entry(el: etree.Element) -> None:
    """kramdown's fix_for_toc_entry: footnote markers come out of the entry (their tail
    stays) and links give way to their content (no link inside the entry's link)."""
    idx = 0
    while idx < len(el):
        child = el[idx]
        if child.tag == "sup" and (child.get("id") or "").startswith("fnref:"):
            _replace(el, idx, None, [], child.tail)
            continue
        _fix_for_toc_entry(child)
        if child.tag == "a":
            _replace(el, idx, child.text, list(child), child.tail)
            continue
        idx += 1


def _replace(parent: etree.Element, idx: int, text: str | None, kids: list, tail: str | None):
    """Put `text`, `kids` and `tail` where parent[idx] was."""
    parent.remove(parent[idx])
    for offset, kid in enumerate(kids):
        parent.insert(idx + offset, kid)
    last = kids[-1] if kids else None
    if last is not None:
        last.tail = (last.tail or "") + (tail or "")
        tail = None
    _append_text(parent, idx, (text or "") + (tail or ""))


def _append_text(parent: etree.Element, idx: int, text: str) -> None:
    """Add `text` right before parent[idx] (after the child before it, or the parent's text)."""
    if not text:
        return
    if idx > 0:
        parent[idx - 1].tail = (parent[idx - 1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class TocTreeprocessor(Treeprocessor):
    """Collects the headings (and the sidebar TOC) into the conversion state and, as kramdown,
    replaces the first list marked `{:toc}` with the TOC (keeping the list's attributes; its
    id, default `markdown-toc`, prefixes the link ids). The marker attribute comes off every
    element, whatever it was on."""

    def __init__(self, md, holder, levels):
        super().__init__(md)
        self.holder = holder
        self.levels = set(levels)

    def run(self, root: etree.Element) -> None:
        state = self.holder.state
        entries = []
        for el in root.iter():
            if len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1].isdigit() and el.get("id"):
                level = int(el.tag[1])
                if level in self.levels and "no_toc" not in (el.get("class") or "").split():
                    entries.append((level, el.get("id"), el))
        state.headings = [(lv, hid, stash.element_text(self.md, el)) for lv, hid, el in entries]
        if entries:
            state.toc_html = stash.serialise(
                self.md, build_toc(entries, {"class": "toc__menu"}))
        done = False
        for parent in list(root.iter()):
            for idx, child in enumerate(list(parent)):
                if child.attrib.pop(stash.TOC_ATTR, None) != "toc":
                    continue
                if done or child.tag not in ("ul", "ol"):
                    continue  # kramdown: only the first list marked {:toc} becomes the TOC
                done = True
                attrs = dict(child.attrib)
                attrs.setdefault("id", "markdown-toc")
                toc = build_toc(entries, attrs, attrs["id"], child.tag)
                toc.tail = child.tail
                parent.remove(child)
                if len(toc):
                    parent.insert(idx, toc)
                elif child.tail:  # no headings: kramdown writes no list at all
                    _keep_tail(parent, idx, child.tail)


def _keep_tail(parent: etree.Element, idx: int, tail: str) -> None:
    if idx > 0:
        parent[idx - 1].tail = (parent[idx - 1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
