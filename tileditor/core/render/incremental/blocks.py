"""The block splitter for incremental rendering: a post body cut into top-level blocks that
render independently (blank-line separated, but fences, Liquid block tags, raw HTML, math,
lists, quotes and IAL-glued runs stay whole). Text work (fence, list and comment rules come
from core/lexicon.py): must not import PySide6.

Merging too much is always safe (a bigger block is just re-rendered more often); cutting where
the renderer sees one construct is not, so every rule below errs towards merging."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tileditor.core import lexicon
from tileditor.core.render.kramdown.raw_elements import element_value

_RAW_END = lexicon.LIQUID_END["raw"]
_LIQUID_OPENERS = {"if", "unless", "for", "capture", "comment", "highlight", "case", "tablerow"}
_HTML_OPEN = re.compile(r"^ {0,3}<([^\W\d][\w.:-]*)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_IAL_LINE = re.compile(r"^ {0,3}\{:.*\}[ \t]*$")
# Lines that may open something which spans a blank line: only they are scanned closely.
_SPECIAL = re.compile(r"[`~<>{}$]")


@dataclass(frozen=True)
class Block:
    """One top-level block: body text[start:end] (last line's newline excluded), first line
    `line` (0-based, in the body) and line count `lines`."""

    start: int
    end: int
    line: int
    lines: int


class _Open:
    """What is open at the end of the text seen so far (fence, Liquid, HTML, math...)."""

    def __init__(self) -> None:
        self.fence: lexicon.FenceOpen | None = None  # the open fenced code block
        self.raw = False  # inside {% raw %}
        self.tag: tuple[str, str] | None = None  # (closer, text so far) of an unended tag
        self.liquid = 0
        self.html: dict[str, int] = {}
        self.comment = False  # inside <!-- ... -->
        self.math = False  # inside $$ ... $$
        self.kd_ext = 0

    def any(self) -> bool:
        return bool(self.fence or self.raw or self.tag or self.liquid > 0 or self.comment or self.math
                    or self.kd_ext > 0 or any(v > 0 for v in self.html.values()))

    def feed(self, line: str) -> None:
        if not _SPECIAL.search(line):
            return
        self._liquid(line)
        # The renderer's own fence rule at any indentation (a fence that is never closed is
        # text, and this scan merging up to the end for it errs on the safe side).
        plain = line.expandtabs(4) if "\t" in line else line
        if self.fence is not None:
            if self.fence.closes(plain):
                self.fence = None
            return
        fence = None
        if "```" in plain or "~~~" in plain:
            fence = lexicon.fence_open(plain, base=None) or lexicon.fence_on_marker(plain, 0)[0]
        if fence:
            self.fence = fence
            return
        if line.count("$$") % 2:
            self.math = not self.math
        self._html(line)
        self.kd_ext += (len(lexicon.KD_EXTENSION_TAG.findall(line))
                        - len(lexicon.KD_EXTENSION_END.findall(line)))

    def _liquid(self, line: str) -> None:
        """Liquid's own tokens: `{%` runs to the first `%}` (lines and all), `{{` to the first
        `}}`, and {% raw %} to the first {% endraw %}."""
        pos = 0
        if self.tag:
            closer, head = self.tag
            idx = line.find(closer)
            if idx < 0:
                if len(head) < 80:
                    self.tag = (closer, head + "\n" + line)
                return
            self.tag, pos = None, idx + 2
            if closer == "%}":
                self._tag_name(head + "\n" + line[:idx])
        while True:
            if self.raw:
                m = _RAW_END.search(line, pos)
                if m is None:
                    return
                self.raw, pos = False, m.end()
                continue
            hits = [x for x in (line.find("{%", pos), line.find("{{", pos)) if x >= 0]
            if not hits:
                return
            at = min(hits)
            closer = "%}" if line.startswith("{%", at) else "}}"
            end = line.find(closer, at + 2)
            if end < 0:
                self.tag = (closer, line[at + 2:])
                return
            if closer == "%}":
                self._tag_name(line[at + 2:end])
            pos = end + 2

    def _tag_name(self, inner: str) -> None:
        name = inner.strip("-").strip().partition(" ")[0].strip()
        if name == "raw":
            self.raw = True
        elif name in _LIQUID_OPENERS:
            self.liquid += 1
        elif name.startswith("end") and name[3:] in _LIQUID_OPENERS:
            self.liquid -= 1

    def _html(self, line: str) -> None:
        if self.comment or lexicon.COMMENT_OPEN in line:
            opened = line.rfind(lexicon.COMMENT_OPEN)
            closed = line.rfind(lexicon.COMMENT_CLOSE)
            if opened >= 0 or self.comment:
                self.comment = closed < opened if opened >= 0 else closed < 0
        lower = line.lower()
        m = _HTML_OPEN.match(line)
        if m and m.group(1).lower() not in _VOID:
            self.html.setdefault(element_value(m.group(1)), 0)
        for name in self.html:
            # Only a complete end tag closes; a broken one (`</center`) leaves it open. An
            # element kramdown does not know closes only on its name as written (`<Note>`).
            text, tag = (lower, name) if name == name.lower() else (line, re.escape(name))
            self.html[name] += len(re.findall(rf"<{tag}(?![\w.:-])", text))
            self.html[name] -= len(re.findall(rf"<{tag}(?![\w.:-])[^<>]*/>", text))
            self.html[name] -= len(re.findall(rf"</{tag}\s*>", text))


def _continues(first_line: str) -> bool:
    """A chunk opening like this belongs to the block before it (lists, quotes, code...)."""
    c = first_line[:1]
    return (c in " \t>:" or first_line.startswith("{:") or first_line.startswith("^")
            or _starts_item(first_line))


def _starts_item(line: str) -> bool:
    """A list item at most 3 spaces in (an empty one too: merging more is safe)."""
    item = lexicon.list_item(line)
    if item is not None:
        return item.indent <= 3
    bare = line.strip(" \t")
    return bare in ("*", "+", "-") or bare[:-1].isdigit() and bare.endswith(".")


def _glues_next(last_line: str) -> bool:
    """A block ending like this takes the next one with it: an IAL may point forward, and
    blank lines after indented code become part of that code."""
    return (last_line.startswith(("    ", "\t")) or _IAL_LINE.match(last_line) is not None)


def split_blocks(body: str) -> list[Block]:
    """The top-level blocks of a post body (text after the front matter), in order."""
    return scan_blocks(body)[0]


def scan_blocks(body: str, start: int = 0, line: int = 0,
                stop: Callable[[int], bool] | None = None) -> tuple[list[Block], int | None]:
    """Blocks from offset `start` (a block start, on 0-based line `line`) onwards. Every block
    starts with nothing open, so a scan may resume at any earlier block start; `stop(offset)`
    is asked at each new block start and ends the scan there (returned), else None."""
    out: list[Block] = []
    state = _Open()
    cur: list[int] | None = None  # start, end, first line, last line
    glue = in_chunk = False
    last = ""
    pos, ln, n = start, line, len(body)
    while True:
        nl = body.find("\n", pos)
        end = n if nl < 0 else nl
        text = body[pos:end]
        if text.strip(" \t"):
            if not in_chunk:
                in_chunk = True
                if cur is None or not (glue or state.any() or _continues(text)):
                    if cur is not None:
                        out.append(Block(cur[0], cur[1], cur[2], cur[3] - cur[2] + 1))
                        if stop is not None and stop(pos):
                            return out, pos
                    cur, state = [pos, end, ln, ln], _Open()
            cur[1], cur[3] = end, ln
            state.feed(text)
            last = text
        elif in_chunk:
            in_chunk, glue = False, _glues_next(last)
        if nl < 0:
            break
        pos, ln = nl + 1, ln + 1
    if cur is not None:
        out.append(Block(cur[0], cur[1], cur[2], cur[3] - cur[2] + 1))
    return out, None
