"""kramdown's footnote markup on top of Python-Markdown's footnotes extension: `<sup
role="doc-noteref"><a class="footnote" rel="footnote">`, `<div class="footnotes"
role="doc-endnotes">` without a rule, `reversefootnote` back links, numbered in order of first reference. No PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.footnotes import (
    FN_BACKLINK_TEXT,
    NBSP_PLACEHOLDER,
    FootnoteBlockProcessor,
    FootnoteExtension,
)
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown.ial_syntax import BLOCK_IAL_LINE
from tileditor.core.render.kramdown.stash import TOC_ATTR
from tileditor.core.render.kramdown.state import mark_eob

_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
# Python-Markdown names the n-th reference to a note `fnref<n>:name`; kramdown `fnref:name:<n-1>`.
_REPEAT = re.compile(r"^(#?)fnref(\d+):(.*)$")


def _kramdown_ref(ref: str) -> tuple[str, int]:
    """(kramdown's id for a reference id or href, which reference it is: 1, 2, ...)."""
    m = _REPEAT.match(ref)
    if not m:
        return ref, 1
    return f"{m.group(1)}fnref:{m.group(3)}:{int(m.group(2)) - 1}", int(m.group(2))


class KramdownFootnoteTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._markup(root)
        _renumber(root)
        _place(root)

    def _markup(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag == "sup" and (el.get("id") or "").startswith("fnref"):
                el.set("id", _kramdown_ref(el.get("id"))[0])
                el.set("role", "doc-noteref")
                for a in el.iter("a"):
                    a.attrib = {"href": a.get("href", ""), "class": "footnote", "rel": "footnote"}
            elif el.tag == "div" and el.get("class") == "footnote":
                el.attrib = {"class": "footnotes", "role": "doc-endnotes"}
                for hr in [c for c in el if c.tag == "hr"]:
                    el.remove(hr)
                for li in el.iter("li"):
                    if (li.get("id") or "").startswith("fn"):
                        li.set("role", "doc-endnote")
                        if not len(li) and not (li.text or "").strip():
                            # An empty note: kramdown still prints its back link.
                            back = etree.SubElement(etree.SubElement(li, "p"), "a", {
                                "href": "#fnref" + li.get("id")[2:],
                                "class": "footnote-backref"})
                            back.text = FN_BACKLINK_TEXT
                self._backlinks(el)

    @staticmethod
    def _backlinks(div: etree.Element) -> None:
        for parent in div.iter():
            kids = list(parent)
            for idx, a in enumerate(kids):
                if a.tag != "a" or a.get("class") != "footnote-backref":
                    continue
                href, nth = _kramdown_ref(a.get("href", ""))
                a.attrib = {"href": href, "class": "reversefootnote", "role": "doc-backlink"}
                # kramdown puts a no-break space before every back link.
                if nth > 1:
                    etree.SubElement(a, "sup").text = str(nth)
                    kids[idx - 1].tail = (kids[idx - 1].tail or "") + "\xa0"
                if idx == 0:
                    parent.text = (parent.text or "").replace(NBSP_PLACEHOLDER, "\xa0")
                else:
                    prev = kids[idx - 1]
                    prev.tail = (prev.tail or "").replace(NBSP_PLACEHOLDER, "\xa0")


class FootnoteEndPreprocessor(Preprocessor):
    """A note's text goes on only in lines indented 4 spaces; kramdown starts a new block at
    the first line indented less, where Python-Markdown would read it as more note text. A
    definition cannot interrupt a paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        inside = False
        for line in lines:
            if _DEFINITION.match(line):
                after_text = _continues_paragraph(out[-1]) if out else False
                if after_text and not (inside and _DEFINITION.match(out[-1])):
                    # Paragraph text goes on: kramdown prints the would-be note as text.
                    line = line.replace("[", "\\[", 1)
                else:
                    inside = True
            elif not line.strip():
                inside = False
            elif inside and not line.startswith("    ") and not BLOCK_IAL_LINE.match(line):
                # (an IAL line right under the note is the note's: kramdown gives it no block)
                out.append("")
                inside = False
            out.append(line)
        return out


def _continues_paragraph(previous: str) -> bool:
    """Whether a line under `previous` is read as more of its paragraph (or list item)."""
    text = previous.lstrip(" ")
    return bool(text) and not text.startswith(("#", "```", "~~~", "{:", "|", "<", "\x02"))


class EobFootnoteBlockProcessor(FootnoteBlockProcessor):
    """Python-Markdown's note definitions; one ends the list or code block before it."""

    def __init__(self, footnotes: _LinearRefs, holder):
        super().__init__(footnotes)
        self.holder = holder

    def test(self, parent, block: str) -> bool:
        # While the notes' own text is parsed (makeFootnotesDiv) a definition is text: kramdown
        # reads `[^2]: c` under a note's paragraph as more of it, and Python-Markdown would add
        # a note to the notes it is iterating (RuntimeError).
        return not self.footnotes.in_notes and super().test(parent, block)

    def run(self, parent, blocks: list[str]) -> bool:
        taken = super().run(parent, blocks)
        if taken:
            mark_eob(self.holder, parent)
        return taken


def footnote_extension() -> _LinearRefs:
    """Python-Markdown's footnotes, set up for the markup above: no back link title, the bare
    number as the reference text."""
    return _LinearRefs(BACKLINK_TITLE="", SUPERSCRIPT_TEXT="{}")


class _LinearRefs(FootnoteExtension):
    """Python-Markdown's unique_ref walks `fnref:1`, `fnref2:1`, ... from the first name for
    every reference, quadratic in the references to one note (20,000 `[^1]`: 330 s). The walk
    is the same each time and the used names only grow, so it resumes where the last ended."""

    def reset(self) -> None:
        super().reset()
        self._resume: dict[str, str] = {}

    in_notes = False  # the notes' text is being parsed (EobFootnoteBlockProcessor)

    def makeFootnotesDiv(self, root):  # noqa: N802 (Python-Markdown's name)
        self.in_notes = True
        try:
            return super().makeFootnotesDiv(root)
        finally:
            self.in_notes = False

    def unique_ref(self, reference: str, found: bool = False) -> str:
        resume = self._resume.get(reference) if found else None
        if resume is None:
            made = super().unique_ref(reference, found)
        else:  # the parent walks on from the last name made and counts it, not the original
            made = super().unique_ref(resume, found)
            self.found_refs[reference] += 1
            self.found_refs[resume] -= 1
            if not self.found_refs[resume]:
                del self.found_refs[resume]
        if found:
            self._resume[reference] = made
        return made


def _place(root: etree.Element) -> None:
    """kramdown's footnote placement: the first list marked `{:footnotes}` gives way to the
    notes (to nothing when there are none); the mark comes off other elements."""
    spot = None
    for parent in root.iter():
        for child in parent:
            if child.get(TOC_ATTR) == "footnotes":
                del child.attrib[TOC_ATTR]
                if spot is None and child.tag in ("ul", "ol"):
                    spot = (parent, child)
    if spot is None:
        return
    parent, marked = spot
    div = next((el for el in root.iter("div") if el.get("class") == "footnotes"), None)
    idx = list(parent).index(marked)
    tail = marked.tail
    parent.remove(marked)
    if div is not None:
        _remove(root, div)
        div.tail = tail
        parent.insert(idx, div)
    elif tail:
        if idx:
            parent[idx - 1].tail = (parent[idx - 1].tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _remove(root: etree.Element, target: etree.Element) -> None:
    for parent in root.iter():
        if target in list(parent):
            parent.remove(target)
            return


def _renumber(root: etree.Element) -> None:
    """kramdown numbers notes by first reference in document order (Python-Markdown's inline
    pass visits list items out of order)."""
    div = next((el for el in root.iter("div") if el.get("class") == "footnotes"), None)
    if div is None:
        return
    inside = set(div.iter())
    order: dict[str, int] = {}
    seen: dict[str, int] = {}  # note -> references met so far

    def number(sup: etree.Element) -> None:
        if not (sup.get("id") or "").startswith("fnref"):
            return
        # The n-th reference in document order is `fnref:name:<n-1>`, as its back link says.
        link = sup.find("a")
        name = (link.get("href", "") if link is not None else "")[len("#fn:"):]
        nth = seen[name] = seen.get(name, 0) + 1
        sup.set("id", f"fnref:{name}" + (f":{nth - 1}" if nth > 1 else ""))
        for a in sup.iter("a"):
            target = a.get("href", "")[1:]
            order.setdefault(target, len(order) + 1)
            a.text = str(order[target])

    for sup in root.iter("sup"):
        if sup not in inside:
            number(sup)
    ol = div.find("ol")
    if ol is None:
        return
    # kramdown converts the notes in their order, numbering the notes they refer to next
    # (a note only another note refers to is listed too).
    notes = {li.get("id", ""): li for li in ol}
    done = 0
    while done < len(order):
        note = notes.get(list(order)[done])
        done += 1
        for sup in note.iter("sup") if note is not None else ():
            number(sup)
    for li in [li for li in ol if li.get("id", "") not in order]:
        ol.remove(li)  # kramdown lists only the notes the text refers to
    if not len(ol):
        _remove(root, div)
        return
    items = list(ol)
    ranked = sorted(range(len(items)), key=lambda i: order.get(
        items[i].get("id", ""), len(order) + 1 + i))
    for li in items:
        ol.remove(li)
    ol.extend(items[i] for i in ranked)
