"""kramdown block and span inline attribute lists (IAL), ALD definitions, `^` block
separators and the `{::...}` extensions (options, comment, nomarkdown): none may show as text. Must not import
PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from tileditor.core import lexicon
from tileditor.core.render.kramdown import extensions, stash
from tileditor.core.render.kramdown.ial_syntax import (
    ALD_LINE,
    BLOCK_IAL_LINE,
    REFS,
    apply,
    merge,
    parse_attributes,
    parse_chain,
    resolve_refs,
)
from tileditor.core.render.kramdown.link_defs import LinkUrl

_EXT_OPEN = re.compile(r"^ {0,3}\{::(comment|nomarkdown)(?:\s((?:\\\}|[^}])*?))?\}")
# Only the names kramdown handles: `{::something/}` is an unknown extension, kept as text.
# (`\}` is a brace inside the attributes, as in kramdown's EXT_START_STR)
_EXT_SELF = re.compile(
    r"^ {0,3}\{::(?:comment|nomarkdown|options)(?:\s(?:\\\}|[^}])*)?/\}[ \t]*$")
_DEFINITION = re.compile(r"^ {0,3}(?:\[\^?[^\]\n]+\]:|\*\[[^\]\n]+\]:)")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[([^\^\]\n][^\]\n]*)\]:")
_ABBR_DEFINITION = re.compile(r"^ {0,3}\*\[([^\]\n]+)\]:")
_BLOCK_SEPARATOR = re.compile(r"^\^[ \t]*$")  # kramdown's explicit end of block
_MARKER = stash.mark_pattern("ial", r"(\d+)")
_LEFTOVER = re.compile(r"\{::(?:comment|nomarkdown|options)\b[^}\n]*/\}")  # kramdown drops it


class BlockIalPreprocessor(Preprocessor):
    """Turn IAL lines into marker paragraphs, drop ALDs and `{::options /}`, and turn
    `{::comment}` / `{::nomarkdown}` blocks into stashed HTML. Skips fenced code."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        regions = lexicon.scan(lines).regions
        fenced = {n for r in regions if r.kind == "fence" for n in range(r.first, r.last + 1)}
        # Extension blocks as kramdown reads them (tags alone on their lines); any other
        # opener is text of a paragraph, whose span pass (extensions.py) reads it.
        self._blocks = {r.first: r for r in regions if r.kind in ("kd_comment", "nomarkdown")}
        # Per line: is the nearest line above it that is no IAL line blank (or none)? One
        # pass, not a scan up per IAL line (a run of them was quadratic).
        # And does a link, footnote or abbreviation definition own it (the run of lines it
        # ends opens with one, or the line it opens is one)?
        # (The owner is the definition's line: the last one of a run of them above it.)
        self._after_blank, blank = [], True
        self._owner: list[str | None] = []
        run_def: str | None = None
        for ln in lines:
            self._after_blank.append(blank)
            self._owner.append(None if blank else run_def)
            if "{:" not in ln or not BLOCK_IAL_LINE.match(ln):
                is_def = _DEFINITION.match(ln) is not None
                run_def = ln if is_def and (blank or run_def is not None) else (
                    None if blank else run_def)
                blank = not ln.strip()
        following: str | None = None
        for k in range(len(lines) - 1, -1, -1):
            if self._after_blank[k]:
                self._owner[k] = following
            if "{:" not in lines[k] or not BLOCK_IAL_LINE.match(lines[k]):
                following = lines[k] if _DEFINITION.match(lines[k]) else None
        # IAL lines opening the text, before any blank line: kramdown's first blank line
        # below them takes their list (a block element, new_block_el) if one follows them
        self._lead = next((k for k, ln in enumerate(lines)
                           if "{:" not in ln or not BLOCK_IAL_LINE.match(ln)), len(lines))
        i = 0
        while i < len(lines):
            if i in fenced:
                out.append(lines[i])
                i += 1
                continue
            i = self._line(lines, i, out)
        return out

    def _line(self, lines: list[str], i: int, out: list[str]) -> int:
        line = lines[i]
        ald = ALD_LINE.match(line)
        if ald:
            # A name defined again adds to it (classes pile up), as in kramdown.
            alds = self.holder.state.alds
            ald_attrs, ald_refs = parse_attributes(ald.group(2))
            if ald_refs:  # kept for resolve_refs, which reads them first
                ald_attrs[REFS] = " ".join(ald_refs)
            merge(alds.setdefault(ald.group(1), {}), ald_attrs)
            out.append("")
            return i + 1
        if _BLOCK_SEPARATOR.match(line):
            # An empty marker paragraph keeps the blocks on each side apart, then vanishes.
            after_blank = not (out and out[-1].strip())
            self._marker(({}, []), "after", "", out, line)
            if after_blank:  # a list's last item keeps its <p> (list_tightness)
                self.holder.state.eobs_after_blank.add(out[-2].strip())
            return i + 1
        if _EXT_SELF.match(line):
            out.append("")
            return i + 1
        ext = _EXT_OPEN.match(line) if i in self._blocks else None
        if ext:
            block = self._blocks[i]
            body = "\n".join(lines[i + 1:block.last]).strip("\n")
            if ext.group(1) == "comment":
                self._stash_block(f"<!-- {body} -->", out)
            elif extensions.raw_html(ext.group(2)):
                self._stash_block(body, out)
            else:  # a nomarkdown body for another output (`type="latex"`): no HTML
                out.append("")
            return block.last + 1
        m = BLOCK_IAL_LINE.match(line)
        if not m:
            out.append(line)
            return i + 1
        # kramdown: after a blank line (IAL lines above it skipped, they pile up) the list is
        # the next block's, however many blank lines follow; else the block's just above.
        direction = "before" if self._after_blank[i] else "after"
        if i < self._lead and (self._lead == len(lines) or not lines[self._lead].strip()):
            out.append("")
            return i + 1
        owner = self._owner[i]
        if owner is not None:
            # kramdown gives it to the definition, not to the block next to it: a link
            # definition's links and an abbreviation take its attributes; a footnote's go.
            link = _LINK_DEFINITION.match(owner)
            abbr = _ABBR_DEFINITION.match(owner)
            if link:
                name = re.sub(r"\s+", " ", link.group(1)).lower()
                attrs, refs = self.holder.state.link_ials.setdefault(name, ({}, []))
                more, more_refs = parse_chain(m.group(1))
                merge(attrs, more)
                refs.extend(more_refs)
            elif abbr:  # an abbreviation's (abbr_defs.py)
                merge(self.holder.state.abbr_ials.setdefault(abbr.group(1), {}),
                      parse_chain(m.group(1))[0])
            out.append("")
            return i + 1
        indent = line[: len(line) - len(line.lstrip(" "))]
        self._marker(parse_chain(m.group(1)), direction, indent, out, line[len(indent):])
        if direction == "after" and i + 1 < len(lines) and lines[i + 1].strip():
            self.holder.state.no_boundary_lines.add(lines[i + 1])
        return i + 1

    def _marker(self, attrs, direction: str, indent: str, out: list[str], source: str) -> None:
        state = self.holder.state
        state.ials.append((attrs, direction))
        if out and out[-1].strip():
            out.append("")
        marker = stash.mark("ial", len(state.ials) - 1)
        state.spans[marker] = 1
        # Inside raw HTML no block takes it: kramdown prints the line as written.
        state.mark_sources[marker] = source
        out.extend([indent + marker, ""])

    def _stash_block(self, stored: str, out: list[str]) -> None:
        # Kept out of a <p> whatever its tag; kramdown prints a comment's body as is.
        out.extend(["", stash.store_block(self.md, self.holder.state, stored, None, whole=True),
                    ""])


class ApplyBlockIalTreeprocessor(Treeprocessor):
    """Give each marker paragraph's attributes to its neighbour block and remove it."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        ials, alds = self.holder.state.ials, self.holder.state.alds
        if not ials:
            return
        for parent in list(root.iter()):
            children = list(parent)
            markers = [_marker_of(child) for child in children]
            if not any(markers):
                continue
            previous, following = _neighbours(
                [bool(_MARKER.fullmatch((c.text or "").strip())) for c in children])
            for idx, m in enumerate(markers):
                if m is None:
                    continue
                (attrs, refs), direction = ials[int(m.group(1))]
                target = (previous if direction == "after" else following)[idx]
                if target is not None:
                    apply(children[target], resolve_refs(attrs, refs, alds))
            # One rebuild, not one O(n) remove per marker (20,000 IAL lines were quadratic).
            parent[:] = [c for c, m in zip(children, markers, strict=True) if m is None]


def _marker_of(child):
    """The marker match of a paragraph that is only a block IAL marker, else None."""
    if child.tag != "p" or len(child):
        return None
    return _MARKER.fullmatch((child.text or "").strip())


def _neighbours(skip: list[bool]) -> tuple[list[int | None], list[int | None]]:
    """For each position, the nearest sibling before and after it whose text is not a
    marker (an IAL's target), in two linear passes instead of a scan per marker."""
    n = len(skip)
    previous: list[int | None] = [None] * n
    following: list[int | None] = [None] * n
    last = None
    for i in range(n):
        previous[i] = last
        last = last if skip[i] else i
    last = None
    for i in range(n - 1, -1, -1):
        following[i] = last
        last = last if skip[i] else i
    return previous, following


class SpanIalProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 (Python-Markdown's name)
        start = m.start(0)
        slashes = len(data[:start]) - len(data[:start].rstrip("\\"))
        if slashes % 2:  # `\{:` is an escaped brace (text), as kramdown reads it
            return None, None, None
        el = etree.Element("tl-ial")
        el.set("attrs", m.group(1))
        return el, m.start(0), m.end(0)


class ApplySpanIalTreeprocessor(Treeprocessor):
    """Span IALs attach to the span element right before them. As in kramdown, one that
    follows text or a space stays as text (`* Contents {:toc}` publishes literally); one right
    after raw inline HTML (stashed, so not an element here) vanishes."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        alds = self.holder.state.alds
        if self.holder.state.link_ials:
            # A link definition's IAL goes on its links first (then the link's own IAL).
            for el in root.iter():
                url = el.get("href" if el.tag == "a" else "src" if el.tag == "img" else "")
                if isinstance(url, LinkUrl):
                    apply(el, resolve_refs(*url.attrs, alds))
                    el.set("href" if el.tag == "a" else "src", str(url))
        for parent in list(root.iter()):
            for child in [c for c in parent if c.tag == "tl-ial"]:
                kids = list(parent)
                idx = kids.index(child)
                attrs, refs = parse_attributes(child.get("attrs", ""))
                prev = kids[idx - 1] if idx > 0 else None
                before = (prev.tail if prev is not None else parent.text) or ""
                literal = ""
                if prev is not None and not before:
                    apply(prev, resolve_refs(attrs, refs, alds))
                    if prev.tag == "img" and "standalone" in refs:
                        prev.set(_STANDALONE, "")
                elif not stash.ends_in_placeholder(before):
                    literal = "{:" + child.get("attrs", "") + "}"
                child.tail = literal + (child.tail or "")
                _remove_keep_tail(parent, child, prev)
            if parent.tag not in ("code", "pre") and parent.text and "{::" in parent.text:
                parent.text = _LEFTOVER.sub("", parent.text)
        _standalone_figures(root)


_STANDALONE = "data-tl-standalone"


def _standalone_figures(root: etree.Element) -> None:
    """kramdown's convert_standalone_image: a paragraph holding only an image whose IAL
    names `standalone` is a `<figure>` (the paragraph's attributes, else the image's id and
    class) with the image and a `<figcaption>` of its alt text."""
    for p in list(root.iter("p")):
        img = p[0] if len(p) == 1 else None
        if img is None or img.tag != "img" or img.get(_STANDALONE) is None or (
                (p.text or "").strip() or (img.tail or "").strip()):
            continue
        del img.attrib[_STANDALONE]
        p.tag = "figure"
        for key in ("class", "id"):
            if key in img.attrib and key not in p.attrib:
                p.set(key, img.attrib.pop(key))
        p.text, img.tail = "\n", "\n"
        caption = etree.SubElement(p, "figcaption")
        caption.text, caption.tail = img.get("alt", ""), "\n"
    for img in root.iter("img"):
        img.attrib.pop(_STANDALONE, None)


def _remove_keep_tail(parent, child, prev) -> None:
    tail = child.tail or ""
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(child)



# kramdown's LIST_ITEM_IAL: an IAL opening an item's (or a term's) text is the item's.
_ITEM_IAL = re.compile(r"^\s*\{:(?!(?:\w[\w-]*)?:|/)((?:\\\}|[^}])+)\}\s*")


class ItemIalTreeprocessor(Treeprocessor):
    """`* {:.cls} text` gives the `<li>` the class (and so for `<dd>` and `<dt>`); the
    attribute list leaves the text."""

    def __init__(self, md, holder):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        alds = self.holder.state.alds
        for el in root.iter():
            if el.tag not in ("li", "dd", "dt"):
                continue
            holder = el if (el.text or "").strip() or not len(el) or el[0].tag != "p" else el[0]
            m = _ITEM_IAL.match(holder.text or "")
            if m:
                holder.text = holder.text[m.end():]
                attrs, refs = parse_attributes(m.group(1))
                apply(el, resolve_refs(attrs, refs, alds))
