"""Finding image references in a post: Markdown inline and reference images, HTML <img>,
Minimal Mistakes figure includes and front-matter image keys. Text scanning only (what is
code comes from core/lexicon.py), no file access. Must not import PySide6."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from tileditor.core import lexicon


@dataclass(frozen=True)
class ImageRef:
    src: str
    start: int  # offsets of `src` in the text, so an editor can replace it in place
    end: int
    kind: str  # 'markdown' | 'html' | 'reference' | 'include'


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_SRC_ATTR = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_REF_USE = re.compile(r"!\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\](?:[ \t]?\[([^\]]*)\])?")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
_INCLUDE = re.compile(
    r"\{%-?\s*include\s+(?:figure|figure\.html)\b[^%]*?\bimage_path\s*=\s*"
    r"""(?:"([^"]*)"|'([^']*)'|(\S+))""", re.S)
_TITLE = re.compile(r"""\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))\s*$""")


def code_regions(text: str) -> list[tuple[int, int]]:
    """Spans where an image reference is just text: fenced code (kramdown's fences: one that
    never closes is text), highlight blocks, code spans."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    spans = []
    for first, last in lexicon.code_regions(text):
        end = starts[last + 1] - 1 if last + 1 < len(starts) else len(text)
        spans.append((starts[first], end))
    spans += [(b.start, b.end) for b in lexicon.liquid_blocks(text)
              if b.kind == "highlight" and b.closed]
    covered = _Regions(spans)
    spans += [span for span in lexicon.code_spans(text) if not covered.has(span[0])]
    return sorted(spans)


_NEWLINE = re.compile("\n")


class _Regions:
    """Is a position inside any of the spans (which may overlap)? In log time: a post with
    thousands of code spans asked once per match took seconds when every span was tried."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self._starts = [a for a, _ in self.spans]
        self._reach = list(accumulate((b for _, b in self.spans), max))  # furthest end so far

    def has(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos


def _closing_paren(text: str, start: int) -> int:
    """Index of the ')' closing the '(' before `start`, with balanced inner parentheses."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "\n" and text.startswith("\n", i + 1):
            return -1  # a blank line ends the paragraph
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _inline_target(text: str, open_paren: int) -> tuple[int, int] | None:
    close = _closing_paren(text, open_paren + 1)
    if close < 0:
        return None
    inner = text[open_paren + 1:close]
    m = _TITLE.search(inner)
    if m and inner[: m.start()].count("{{") == inner[: m.start()].count("}}"):
        inner = inner[: m.start()]
    lead = len(inner) - len(inner.lstrip())
    body = inner.strip()
    start = open_paren + 1 + lead
    if body.startswith("<") and body.endswith(">"):
        return start + 1, start + len(body) - 1
    return start, start + len(body)


def _markdown_refs(text: str, skip: _Regions, defs: dict) -> list[ImageRef]:
    out: list[ImageRef] = []
    for m in _REF_USE.finditer(text):
        if skip.has(m.start()) or (m.start() > 0 and text[m.start() - 1] == "\\"):
            continue
        end = m.end(1) + 1
        if m.group(2) is None and text.startswith("(", end):
            span = _inline_target(text, end)
            if span and span[1] > span[0]:
                out.append(ImageRef(text[span[0]:span[1]], span[0], span[1], "markdown"))
            continue
        label = (m.group(2) or m.group(1) or "").strip().lower()
        hit = defs.get(_norm_label(label))
        if hit:
            out.append(ImageRef(hit[0], hit[1], hit[2], "reference"))
    return out


def _norm_label(label: str) -> str:
    return " ".join(label.lower().split())


def _definitions(text: str, skip: _Regions) -> dict:
    defs: dict = {}
    for m in _REF_DEF.finditer(text):
        if skip.has(m.start()):
            continue
        g = 2 if m.group(2) is not None else 3
        defs.setdefault(_norm_label(m.group(1)), (m.group(g), m.start(g), m.end(g)))
    return defs


def _html_refs(text: str, skip: _Regions) -> list[ImageRef]:
    out = []
    for tag in _IMG_TAG.finditer(text):
        if skip.has(tag.start()):
            continue
        a = _SRC_ATTR.search(tag.group(0))
        if not a:
            continue
        g = next(i for i in (1, 2, 3) if a.group(i) is not None)
        s, e = tag.start() + a.start(g), tag.start() + a.end(g)
        out.append(ImageRef(text[s:e], s, e, "html"))
    return out


def _include_refs(text: str, skip: _Regions) -> list[ImageRef]:
    out = []
    for m in _INCLUDE.finditer(text):
        if skip.has(m.start()):
            continue
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        out.append(ImageRef(m.group(g), m.start(g), m.end(g), "include"))
    return out


def find_image_references(text: str) -> list[ImageRef]:
    """Every image reference in a post body, in text order; code is skipped."""
    skip = _Regions(code_regions(text))
    defs = _definitions(text, skip)
    refs = _markdown_refs(text, skip, defs) + _html_refs(text, skip) + _include_refs(text, skip)
    unique = {(r.start, r.end): r for r in refs}
    return sorted(unique.values(), key=lambda r: (r.start, r.end))


_FM_KEYS = frozenset(
    {"image", "teaser", "overlay_image", "og_image", "image_path", "thumbnail", "cover"})


def _walk_front_matter(value, out: list[str], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(value, Mapping):
        for key, v in value.items():
            if key in _FM_KEYS and isinstance(v, str) and v.strip():
                out.append(v.strip())
            elif key in _FM_KEYS and isinstance(v, Mapping):
                # e.g. `image: {path: ..., width: ...}` (jekyll-seo-tag)
                p = v.get("path") or v.get("url")
                if isinstance(p, str) and p.strip():
                    out.append(p.strip())
            else:
                _walk_front_matter(v, out, depth + 1)
        # Gallery items: `url` is the full-size image next to the `image_path` thumbnail.
        if "image_path" in value and isinstance(value.get("url"), str):
            out.append(value["url"].strip())
    elif isinstance(value, list):
        for item in value:
            _walk_front_matter(item, out, depth + 1)


def front_matter_image_refs(front_matter) -> list[str]:
    """Image paths named in front matter at any depth: header.image/teaser/overlay_image,
    og_image, gallery and feature_row items (image_path and their url), sidebar images."""
    out: list[str] = []
    if isinstance(front_matter, Mapping):
        _walk_front_matter(front_matter, out)
    return list(dict.fromkeys(out))
