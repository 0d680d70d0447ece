"""Abbreviation definitions (`*[HTML]: Hyper Text`) in one pass per run of them. Python-
Markdown's processor takes one definition per call and puts the rest of the block back, so
every block processor re-tests the whole remainder each time (quadratic in the run). Qt-free (no
PySide6). The kramdown bundle reads them as kramdown does (below)."""

from __future__ import annotations

import html
import re

from markdown import util
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrTreeprocessor
from markdown.util import AtomicString

from tileditor.core.render.kramdown.state import mark_eob


class LinearAbbrBlockprocessor(AbbrBlockprocessor):
    """Takes, at once, the leading one-line definitions that are each followed by another
    one. Same result as one at a time: every processor tried before this one declined the
    whole block, and on the shorter block left after a definition they would decline again
    (those that search anywhere find nothing new; those that read the first or second line
    see definition lines). The last definition of a run goes the original way."""

    def run(self, parent, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        i = 0
        while i + 1 < len(lines) and self._definition(lines[i]) and self._definition(lines[i + 1]):
            abbr, title = self._definition(lines[i])
            if title in ("''", '""'):
                self.abbrs.pop(abbr, None)
            else:
                self.abbrs[abbr] = title
            i += 1
        if i == 0:
            return super().run(parent, blocks)
        blocks[0] = "\n".join(lines[i:])
        return True

    def _definition(self, line: str) -> tuple[str, str] | None:
        m = self.RE.match(line)
        if m is None or m.end() != len(line):
            return None
        abbr, title = m.group("abbr").strip(), m.group("title").strip()
        return (abbr, title) if abbr and title else None



# kramdown's ABBREV_DEFINITION_START: one line, up to three spaces in, the id up to the first
# `]:`; the text (maybe empty) is the rest of the line.
_KRAMDOWN_DEF = re.compile(r" {0,3}\*\[(.+?)\]:(.*)")
# Ruby's \w is ASCII: an abbreviation stands between non-word characters (kramdown's
# `(?=(?:\W|^)abbr(?!\w))`), so `(X)HTML` and `OtHeR!` are found too.
_WORD = "[A-Za-z0-9_]"


class _Untitled(str):
    """An abbreviation defined with no text: kramdown writes `<abbr>` with no title.
    Truthy, so Python-Markdown's tree pass still marks it."""

    def __bool__(self) -> bool:
        return True


class KramdownAbbrBlockprocessor(AbbrBlockprocessor):
    """kramdown's parse_abbrev_definition: the definition lines a block opens with (not one
    inside a paragraph: kramdown's paragraph runs on over `*[`), the title on the same line
    only, an empty one allowed, `""` a title like any other, a later definition winning."""

    def __init__(self, parser, abbrs: dict, holder):
        super().__init__(parser, abbrs)
        self.holder = holder

    def test(self, parent, block: str) -> bool:
        return _KRAMDOWN_DEF.match(block) is not None

    def run(self, parent, blocks: list[str]) -> bool:
        lines = blocks.pop(0).split("\n")
        i = 0
        while i < len(lines) and (m := _KRAMDOWN_DEF.fullmatch(lines[i])) is not None:
            title = m.group(2).strip()
            self.abbrs[m.group(1)] = title if title else _Untitled()
            i += 1
        mark_eob(self.holder, parent)
        rest = "\n".join(lines[i:])
        if rest.strip():
            blocks.insert(0, rest)
            self.holder.state.no_boundary = rest
        return True


class KramdownAbbrTreeprocessor(AbbrTreeprocessor):
    """The abbr extension's pass with kramdown's word boundaries and untitled abbreviations;
    an abbreviation takes the block IALs of its definition (`*[awesome]: x` / `{:.test}`:
    `<abbr class="test" title="x">`), its own title winning."""

    def __init__(self, md, abbrs, holder=None):
        super().__init__(md, abbrs)
        self.holder = holder

    def create_element(self, title: str, text: str, tail: str):
        abbr = super().create_element(title, text, tail)
        if isinstance(title, _Untitled):
            del abbr.attrib["title"]
        attrs = self.holder.state.abbr_ials.get(text) if self.holder is not None else None
        for key, value in (attrs or {}).items():
            if key == "class":
                abbr.set("class", f"{abbr.get('class', '')} {value}".strip())
            elif key not in abbr.attrib:
                abbr.set(key, value)
        return abbr

    def run(self, root):
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(rf"(?<!{_WORD})(?:{'|'.join(map(re.escape, keys))})(?!{_WORD})")
        self.iter_element(root)
        for link in root.iter("a"):
            self._mail_text(link)

    def _mail_text(self, link) -> None:
        """kramdown replaces abbreviations in a mail autolink's text too (`<CSS@x.com>`:
        `<abbr>CSS</abbr>@x.com`); that text is atomic here, written as entities."""
        text = link.text
        if not isinstance(text, AtomicString) or len(link) or "@" not in _plain(text):
            return
        plain = _plain(text)
        if not _plain(link.get("href", "")).startswith("mailto:") or not self.RE.search(plain):
            return
        link.text = plain
        self.iter_element(link)
        link.text = AtomicString(link.text or "")
        for child in link:
            child.tail = AtomicString(child.tail or "")


def _plain(text: str) -> str:
    """Text the automail pattern wrote as entities, as characters."""
    return html.unescape(text.replace(util.AMP_SUBSTITUTE, "&"))
