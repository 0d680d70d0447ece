"""Heading ids as Jekyll's kramdown makes them: GFM input keeps Unicode letters (`한글-제목`),
plain kramdown input keeps only ASCII (`section`, `section-1`...); `{#id}` after a heading
wins. Runs before inline parsing, because kramdown hashes the raw heading text. No PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_EXPLICIT = re.compile(r"[ \t]*\{#([\w:-]+)\}[ \t]*$")
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_GFM_DROP = re.compile(r"[^\w\- \t]")


def gfm_id(text: str, used: dict[str, int]) -> str:
    """kramdown-parser-gfm's generate_gfm_header_id."""
    result = _GFM_DROP.sub("", text.lower()).replace(" ", "-").replace("\t", "-")
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


class HeadingIdTreeprocessor(Treeprocessor):
    def __init__(self, md, style: str, enabled: bool):
        super().__init__(md)
        self.style, self.enabled = style, enabled

    def run(self, root: etree.Element) -> None:
        used: dict[str, int] = {}
        make = gfm_id if self.style == "gfm" else kramdown_id
        for el in root.iter():
            if el.tag not in _HEADINGS:
                continue
            raw = el.text or ""
            m = _EXPLICIT.search(raw)
            if m:
                el.text = raw[: m.start()]
                el.set("id", m.group(1))
            if el.get("id") or not self.enabled:
                continue
            el.set("id", make(_PLACEHOLDER.sub("", el.text or "").strip(), used))


class HeadingIdExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"style": ["gfm", "gfm or kramdown"], "enabled": [True, "auto_ids"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        tp = HeadingIdTreeprocessor(md, self.getConfig("style"), self.getConfig("enabled"))
        md.treeprocessors.register(tp, "tl_heading_ids", 24)
