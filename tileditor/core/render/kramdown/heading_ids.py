"""Heading ids as Jekyll's kramdown makes them: GFM input keeps Unicode letters (`한글-제목`),
plain kramdown input keeps only ASCII (`section`, `section-1`...); `{#id}` after a heading
wins. Must not import PySide6."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from tileditor.core.render.kramdown import stash

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# kramdown's HEADER_ID: a space or tab, then `{#name}` ending the text, the name an XML
# name (a letter, `_` or `:` first: `{#9ab}` and `x{#id}` stay text).
EXPLICIT_ID = re.compile(r"[ \t]+\{#((?:[^\W\d]|:)[\w:.-]*)\}[ \t]*$")
_EXPLICIT = EXPLICIT_ID
_RAW = stash.RAW_TEXT_ATTR


def _word_char(ch: str) -> bool:
    """Ruby's \\p{Word}: letters, marks, numbers and connector punctuation."""
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    cat = unicodedata.category(ch)
    return cat[0] in "LMN" or cat == "Pc"


def gfm_id(text: str, used: dict[str, int]) -> str:
    """kramdown-parser-gfm's generate_gfm_header_id."""
    kept = "".join(ch for ch in text.lower() if ch in "- \t" or _word_char(ch))
    result = kept.replace(" ", "-").replace("\t", "-")
    used[result] = used.get(result, 0) + 1
    return result if used[result] == 1 else f"{result}-{used[result] - 1}"


def kramdown_id(text: str, used: dict[str, int]) -> str:
    """kramdown's own generate_id (input: kramdown)."""
    result = re.sub(r"^[^a-zA-Z]+", "", text)
    result = re.sub(r"[^a-zA-Z0-9 -]", "", result).replace(" ", "-").lower() or "section"
    if result in used:
        used[result] += 1
        return f"{result}-{used[result]}"
    used[result] = 0
    return result


class ExplicitIdTreeprocessor(Treeprocessor):
    """Before inline parsing: take `{#id}` off the heading text, keep the raw text."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag not in _HEADINGS:
                continue
            raw = el.text or ""
            m = _EXPLICIT.search(raw)
            if m:
                el.text = raw = raw[: m.start()]
                el.set("id", m.group(1))
            el.set(_RAW, stash.visible_text(self.md, raw).strip())


class HeadingIdTreeprocessor(Treeprocessor):
    """After inline parsing and typography: GFM hashes the heading's visible text
    (`A -- B` is `a--b`), plain kramdown its raw source text."""

    def __init__(self, md, style: str, enabled: bool):
        super().__init__(md)
        self.style, self.enabled = style, enabled

    def run(self, root: etree.Element) -> None:
        used: dict[str, int] = {}
        for el in root.iter():
            if el.tag not in _HEADINGS:
                continue
            raw = el.attrib.pop(_RAW, "")
            if el.get("id") is not None and not el.get("id").strip():
                # `{: id=""}`: kramdown makes no id and prints none (html_attributes).
                del el.attrib["id"]
                continue
            if el.get("id") or not self.enabled:
                continue
            if self.style == "gfm":
                # Not stripped: the space after a leading `<img>` stays (`-pic`), as in
                # kramdown's raw text, which only drops what ATX markup put around it.
                hid = gfm_id(stash.element_text(self.md, el, skip_notes=True, strip=False), used)
                if hid:  # kramdown-parser-gfm leaves a heading with no id characters bare
                    el.set("id", hid)
            else:
                el.set("id", kramdown_id(raw, used))

