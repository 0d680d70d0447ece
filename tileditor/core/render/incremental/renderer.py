"""IncrementalRenderer: one per open post, used from one thread. It keeps the last render cut
into per-block HTML groups and, on an edit, renders only the blocks that changed, falling back
to a full render when the change reaches shared structure. Must not import PySide6."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from tileditor.core.frontmatter import split_front_matter
from tileditor.core.render import engine
from tileditor.core.render.incremental.blocks import Block, scan_blocks, split_blocks
from tileditor.core.render.incremental.html_blocks import cut, split_tail, top_level_items
from tileditor.core.render.kramdown.images import IMG_SRC
from tileditor.core.render.kramdown.toc import build_toc
from tileditor.core.render.options import RenderOptions, RenderResult

_HEADING = re.compile(r'<(h[1-6])\b[^>]*?\sid="([^"]*)".*?</\1>', re.S)
_DATA_LINE_NUM = re.compile(r'\sdata-line="(\d+)"')
# Whole-post state the per-block path cannot carry: Liquid variables, abbreviations, ALDs.
# Liquid whitespace control (`{%-`, `-}}`) eats blank lines, joining blocks; an empty list
# item matches any item in the list-tightness pass, which pairs items across the whole post.
_NEVER = re.compile(r"\{%-?\s*(?:assign|capture|increment|decrement|cycle)\b|^ {0,3}\*\[|"
                    r"^ {0,3}\{:[\w-]+:|[\r\x02\x03]|\{[{%]-|-[%}]\}|"
                    r"^[ \t>]*(?:[*+-]|\d+[.)])[ \t]*$", re.M)
# A change touching these re-renders the whole post: definitions and numbering are shared.
_SHARED = re.compile(r"\[\^|^[ \t>]*(?:(?:[*+-]|\d+[.)])[ \t]+)?\[[^\[\]\n]*\]:|"
                     r"\{:toc\}|^ {0,3}\*\[", re.M)


@dataclass(frozen=True)
class BlockPatch:
    """Replace groups start..start+removed of version `base` by `inserted`; the data-line of
    every later group moves by `line_delta`."""

    base: int
    start: int
    removed: int
    inserted: tuple[str, ...]
    line_delta: int
    first_line: int  # file line where the change starts (for the pane's scroll keeping)


def compose_patches(first: BlockPatch, second: BlockPatch, blocks: tuple[str, ...]
                    ) -> BlockPatch:
    """One patch doing `first` then `second` (whose result has `blocks`), so a result that
    was never shown can be skipped: the span is the union of both, in `second`'s blocks."""
    n1 = len(first.inserted)
    lo = min(first.start, second.start)
    hi1 = max(first.start + n1, second.start + second.removed)  # in the middle version
    hi2 = hi1 - second.removed + len(second.inserted)
    return BlockPatch(first.base, lo, hi1 - n1 + first.removed - lo, tuple(blocks[lo:hi2]),
                      first.line_delta + second.line_delta,
                      min(first.first_line, second.first_line))


@dataclass(frozen=True)
class IncrementalResult(RenderResult):
    """A RenderResult (html equal to render()'s) plus its per-group HTML and, when only some
    groups changed since version `patch.base`, the patch (fields of RenderResult)."""

    version: int = 0
    full: bool = True


@dataclass
class _Group:
    start: int  # body offsets
    end: int
    line: int  # file line of the first block
    html: str
    marks: tuple[tuple[int, int, int], ...]  # (start, end, line - self.line) of top data-lines
    ids: tuple[tuple[str, str], ...]
    headings: tuple
    images: tuple
    gap: str = ""  # whitespace the render puts after this group (raw HTML leaves a blank line)

    @property
    def text(self) -> str:
        """This group's part of the page HTML."""
        return self.html + self.gap if self.html else ""

    def moved(self, shift: int, line_delta: int) -> _Group:
        if not line_delta:
            return _Group(self.start + shift, self.end + shift, self.line, self.html,
                          self.marks, self.ids, self.headings, self.images, self.gap)
        line = self.line + line_delta
        parts, marks, pos, size = [], [], 0, 0
        for a, b, rel in self.marks:
            parts.append(self.html[pos:a])
            size += a - pos
            number = str(line + rel)
            parts.append(number)
            marks.append((size, size + len(number), rel))
            size += len(number)
            pos = b
        parts.append(self.html[pos:])
        return _Group(self.start + shift, self.end + shift, line, "".join(parts), tuple(marks),
                      self.ids, self.headings, self.images, self.gap)


@dataclass
class _State:
    text: str
    head: str
    body: str
    front_matter: dict
    fm_warnings: list[str]
    groups: list[_Group]
    blocks: list[Block]
    tail: str
    references: dict
    result: IncrementalResult
    incremental: bool


_TAG_START = re.compile(r"<(/?)([A-Za-z][\w-]*)([^<>\n]*)(>?)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "p", "li"}


def _local(text: str) -> bool:
    """True when `text` holds nothing whose effect reaches other blocks: no shared definitions,
    footnotes or TOC marker, and raw HTML that is whole (every tag ends on its line, and every
    element opened is closed)."""
    return not _SHARED.search(text) and _html_whole(text)


def _html_whole(text: str) -> bool:
    """Every tag ends on its line and every element opened is closed: Python-Markdown's raw
    HTML parser carries anything else across blocks."""
    if "<" not in text:
        return True
    if text.count("<!--") != text.count("-->") or text.rfind("<!--") > text.rfind("-->"):
        return False
    depth: dict[str, int] = {}
    for m in _TAG_START.finditer(text):
        attrs = re.sub(r'"[^"]*"', "", m.group(3))
        if not m.group(4) or attrs.count('"') % 2 or attrs.count("'") % 2:
            return False
        name = m.group(2).lower()
        if name in _VOID or m.group(3).rstrip().endswith("/"):
            continue
        depth[name] = depth.get(name, 0) + (-1 if m.group(1) else 1)
        if depth[name] < 0:
            return False
    return not any(depth.values())


class Fallback(Exception):
    """The edit needs a full render."""


class IncrementalRenderer:
    """`render(text)` returns what `render(text, site, post_path, options)` returns, as an
    IncrementalResult; `stats` counts full and partial renders (for tests and benchmarks)."""

    def __init__(self, site=None, post_path: Path | None = None,
                 options: RenderOptions = engine.DEFAULT_OPTIONS) -> None:
        self.site, self.post_path, self.options = site, post_path, options
        self._state: _State | None = None
        self._version = 0
        self.stats = {"full": 0, "partial": 0, "unchanged": 0}

    def render(self, text: str) -> IncrementalResult:
        prev = self._state
        if prev is not None and text == prev.text:
            self.stats["unchanged"] += 1
            return prev.result
        if prev is not None and prev.incremental:
            try:
                result = self._partial(prev, text)
            except Fallback:
                result = None
            if result is not None:
                self.stats["partial"] += 1
                return result
        self.stats["full"] += 1
        return self._full(text)

    # -- full ------------------------------------------------------------------------------

    def _full(self, text: str) -> IncrementalResult:
        body, fm, offset, fm_warnings = engine.read_front_matter(text)
        frag = engine.render_fragment(body, fm, offset + 1, self.site, self.post_path,
                                      self.options, None)
        blocks = split_blocks(body)
        groups, tail = self._groups(frag.html, blocks, 0, len(blocks), offset + 1,
                                    frag.trailing)
        ok = (groups is not None and not frag.liquid_warnings and self.options.data_lines
              and not _NEVER.search(body) and _html_whole(body) and "\x02" not in frag.html)
        if ok:
            ok = _assign_headings(groups, frag.headings) and _assign_images(groups, frag.images)
        self._version += 1
        title = fm.get("title")
        result = IncrementalResult(
            html=frag.html, warnings=fm_warnings + frag.liquid_warnings + frag.image_warnings,
            title=str(title) if title is not None else None, front_matter=fm,
            toc_html=frag.toc_html, headings=frag.headings, images=frag.images,
            blocks=tuple(g.text for g in groups) if ok else (frag.html,), tail=tail if ok else "",
            version=self._version, patch=None, full=True,
        )
        self._state = _State(text, text[: len(text) - len(body)], body, fm, fm_warnings,
                             groups if ok else [], blocks, tail, frag.references, result, ok)
        return result

    def _groups(self, html: str, blocks: list[Block], lo: int, hi: int, first_line: int,
                trailing: str) -> tuple[list[_Group] | None, str]:
        """Cut `html` (the render of blocks[lo:hi]) into groups, each with the whitespace
        that follows it; `trailing` is what the render left after its last block."""
        items, tail_at = split_tail(html, top_level_items(html))
        block_lines = [first_line + b.line for b in blocks[lo:hi]]
        block_last = [first_line + b.line + b.lines - 1 for b in blocks[lo:hi]]
        cuts = cut(html, items, block_lines, block_last)
        tail = html[tail_at:] if tail_at is not None else ""
        if cuts is None:
            return None, tail
        full = [c for c in cuts if c.end > c.start]
        gaps = {id(c): html[c.end:n.start] for c, n in zip(full, full[1:], strict=False)}
        if full:
            last = full[-1]
            gaps[id(last)] = html[last.end:tail_at] if tail_at is not None else "\n" + trailing
        out = []
        for c in cuts:
            a, b = blocks[lo + c.first], blocks[lo + c.last]
            out.append(_make_group(html[c.start:c.end], gaps.get(id(c), ""), a.start, b.end,
                                   first_line + a.line))
        return out, tail

    # -- partial ---------------------------------------------------------------------------

    def _partial(self, prev: _State, text: str) -> IncrementalResult:
        if not text.startswith(prev.head) or (not prev.head and split_front_matter(text)):
            raise Fallback
        body = text[len(prev.head):]
        if _NEVER.search(body, *_window(prev.body, body)):
            raise Fallback
        old = prev.body
        p, q = _common_affixes(old, body)
        shift = len(body) - len(old)
        line_delta = body.count("\n") - old.count("\n")
        blocks = _rescan(prev.blocks, body, p, len(old) - q, shift, line_delta)
        starts = {b.start: i for i, b in enumerate(blocks)}
        ends = {b.end: i for i, b in enumerate(blocks)}
        groups = prev.groups
        k = 0
        while k < len(groups) and groups[k].end <= p and groups[k].start in starts and (
                groups[k].end in ends) and (
                k < len(groups) - 1 or old[groups[k].end:] == body[groups[k].end:]):
            # (the last group also owns the blank lines after it: an open fence reaches them)
            k += 1
        s = len(groups)
        while s > k and groups[s - 1].start >= len(old) - q and (
                groups[s - 1].start + shift in starts) and groups[s - 1].end + shift in ends:
            s -= 1
        lo = ends[groups[k - 1].end] + 1 if k else 0
        hi = starts[groups[s].start + shift] if s < len(groups) else len(blocks)
        old_region = old[groups[k].start:groups[s - 1].end] if s > k else ""
        new_region = body[blocks[lo].start:blocks[hi - 1].end] if hi > lo else ""
        if hi < lo or not (_local(old_region) and _local(new_region)):
            raise Fallback
        offset_line = prev.head.count("\n") + 1
        fresh = self._render_region(prev, body, blocks, lo, hi, offset_line)
        suffix = [g.moved(shift, line_delta) for g in groups[s:]]
        new_groups = groups[:k] + fresh + suffix
        headings = None
        if _heading_key(groups[k:s]) != _heading_key(fresh):
            headings = _new_headings(body, groups[:k] + suffix, groups[k:s], fresh, new_groups)
        self._version += 1
        first_line = offset_line + (blocks[lo].line if hi > lo else body.count("\n", 0, p))
        patch = BlockPatch(prev.result.version, k, s - k, tuple(g.text for g in fresh),
                           line_delta, first_line)
        result = self._assemble(prev, new_groups, patch, headings)
        self._state = _State(text, prev.head, body, prev.front_matter, prev.fm_warnings,
                             new_groups, blocks, prev.tail, prev.references, result, True)
        return result

    def _render_region(self, prev: _State, body: str, blocks: list[Block], lo: int, hi: int,
                       offset_line: int) -> list[_Group]:
        if hi <= lo:
            return []
        first = blocks[lo]
        # Blank lines after the last block still reach an unclosed fence or HTML block.
        end = len(body) if hi == len(blocks) else blocks[hi - 1].end
        frag = engine.render_fragment(body[first.start:end], prev.front_matter,
                                      offset_line + first.line, self.site, self.post_path,
                                      self.options, prev.references)
        if frag.liquid_warnings or "\x02" in frag.html:
            # (a leaked internal marker is numbered across the whole post)
            raise Fallback
        rel = [Block(b.start - first.start, b.end - first.start, b.line - first.line, b.lines)
               for b in blocks[lo:hi]]
        groups, tail = self._groups(frag.html, rel, 0, len(rel), offset_line + first.line,
                                    frag.trailing)
        if groups is None or tail:
            raise Fallback
        for g in groups:
            g.start += first.start
            g.end += first.start
        if not (_assign_headings(groups, frag.headings) and _assign_images(groups, frag.images)):
            raise Fallback
        return groups

    def _assemble(self, prev: _State, groups: list[_Group], patch: BlockPatch,
                  headings: tuple[list, str] | None = None) -> IncrementalResult:
        html = "".join(g.text for g in groups)
        html = html + prev.tail if prev.tail else html.rstrip()
        images = [im for g in groups for im in g.images]
        base = prev.result
        heads, toc = headings if headings is not None else (base.headings, base.toc_html)
        return IncrementalResult(
            html=html, warnings=prev.fm_warnings + _image_warnings(images), title=base.title,
            front_matter=base.front_matter, toc_html=toc, headings=heads,
            images=images, blocks=tuple(g.text for g in groups), tail=prev.tail,
            version=self._version, patch=patch, full=False,
        )




def _make_group(html: str, gap: str, start: int, end: int, line: int) -> _Group:
    # Every data-line is the renderer's (only top-level blocks get one): all move together.
    marks = [(m.start(1), m.end(1), int(m.group(1)) - line)
             for m in _DATA_LINE_NUM.finditer(html)]
    return _Group(start, end, line, html, tuple(marks), _heading_marks(html), (),
                  (None,) * len(IMG_SRC.findall(html)), gap)


def _heading_marks(html: str) -> tuple[tuple[str, str], ...]:
    """(id, markup without data-line) of each heading: the sidebar TOC copies the markup."""
    return tuple((m.group(2), _DATA_LINE_NUM.sub("", m.group(0))) for m in _HEADING.finditer(html))


def _assign_headings(groups: list[_Group], headings: list) -> bool:
    """Give each group its TOC entries (render order = group order); False when they do not
    line up with the heading ids in the HTML."""
    pos = 0
    for g in groups:
        mine = []
        for hid in g.ids:
            if pos < len(headings) and headings[pos][1] == hid[0]:
                mine.append(tuple(headings[pos]))
                pos += 1
        g.headings = tuple(mine)
    return pos == len(headings)


def _assign_images(groups: list[_Group], images: list) -> bool:
    """Hand out the render's image list by how many images each group's HTML holds."""
    pos = 0
    for g in groups:
        n = len(g.images)
        g.images = tuple(images[pos:pos + n])
        pos += n
    return pos == len(images)


_ID_BASE = re.compile(r"-\d+$")


def _new_headings(body: str, others: list[_Group], old: list[_Group], fresh: list[_Group],
                  groups: list[_Group]) -> tuple[list, str]:
    """Headings and sidebar TOC after an edit that changed the headings of its blocks, when
    no other heading's id can move with it (no shared id stem) and no `{:toc}` lists them;
    else Fallback. Only plain-text headings: the TOC copies markup before postprocessing."""
    if "{:toc}" in body:
        raise Fallback
    # Duplicate ids are `base`, `base-1`, ...: two headings share a base only if one id is
    # the other's or the other's plus `-N`.
    other = {hid for g in others for hid, _ in g.ids}
    other_stems = {_ID_BASE.sub("", hid) for hid in other if _ID_BASE.search(hid)}
    for g in old + fresh:
        for hid, _ in g.ids:
            if hid in other or hid in other_stems or _ID_BASE.sub("", hid) in other:
                raise Fallback
    inner: dict[str, str] = {}
    for g in groups:
        for hid, markup in g.ids:
            inner[hid] = markup[markup.index(">") + 1:markup.rindex("</")]
    entries, seen = [], set()
    for g in groups:
        for level, hid, _text in g.headings:
            text = inner.get(hid)
            if text is None or "<" in text or "&" in text or hid in seen:
                raise Fallback
            seen.add(hid)
            heading = etree.Element(f"h{level}")
            heading.text = text
            entries.append((level, hid, heading))
    headings = [h for g in groups for h in g.headings]
    if not entries:
        return headings, ""
    sidebar = build_toc(entries, {"class": "toc__menu"})
    return headings, etree.tostring(sidebar, encoding="unicode", method="html")


def _heading_key(groups: list[_Group]) -> tuple:
    return (tuple(i for g in groups for i in g.ids), tuple(h for g in groups for h in g.headings))


def _image_warnings(images: list) -> list[str]:
    out: list[str] = []
    for src, url in images:
        msg = f"image not found: {src}"
        if url is None and msg not in out:
            out.append(msg)
    return out


def _rescan(old: list[Block], body: str, p: int, same_from: int, shift: int,
            line_delta: int) -> list[Block]:
    """The blocks of the edited body: old ones before the edit, a scan from the last block
    that ends before it until a block starts where an old one did past the edit, then the
    old ones again, moved."""
    i = bisect_left([b.end for b in old], p) - 1
    keep = old[:i] if i > 0 else []
    start, line = (old[i].start, old[i].line) if i > 0 else (0, 0)
    old_at = {b.start: j for j, b in enumerate(old)}
    mid, at = scan_blocks(body, start, line,
                          lambda x: x - shift >= same_from and (x - shift) in old_at)
    if at is None:
        return keep + mid
    moved = [Block(b.start + shift, b.end + shift, b.line + line_delta, b.lines)
             for b in old[old_at[at - shift]:]]
    return keep + mid + moved


def _common_affixes(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix, by bisection over
    slice comparisons (done in C)."""
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    p = lo
    lo, hi = 0, n - p
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return p, lo


def _window(old: str, new: str) -> tuple[int, int]:
    """Where `new` differs from `old`, widened to whole lines (for cheap pattern checks)."""
    p, q = _common_affixes(old, new)
    start = new.rfind("\n", 0, p) + 1
    end = new.find("\n", len(new) - q)
    return start, len(new) if end < 0 else end
