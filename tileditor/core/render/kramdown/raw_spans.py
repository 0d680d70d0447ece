"""Span-level HTML whose content kramdown keeps raw: every element outside its parsed
content models (`u`, `mark`, `font`, `s`, `kbd`, `code`, `var`, any unknown name) publishes
its content as typed (`<u>the `run` method</u>` keeps its backticks, stars and straight
quotes). kramdown reads spans left to right, so the element loses to a code span or `$$`
math that starts before it and wins over one that starts inside it; it nests with its own
name and is closed at the end of the text when its closing tag is missing. Stashed before
the inline pass, in one linear scan per text. Must not import PySide6."""

from __future__ import annotations

import re

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tileditor.core.render.kramdown import stash
from tileditor.core.render.kramdown.angle_text import NAME, TAG
from tileditor.core.render.kramdown.raw_elements import VOID_ELEMENTS as _VOIDS
from tileditor.core.render.kramdown.raw_elements import element_value

# kramdown's HTML parser parses the content of these span/block elements as Markdown (and
# these have no content); every other element keeps its content raw.
_PARSED = frozenset("""a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5
    h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th
    tt address applet article aside blockquote body dd details div dl fieldset figure figcaption
    footer form header hgroup iframe li main map menu nav noscript object section summary td
    area base br col command embed hr img input keygen link meta param source track
    wbr""".split())
# kramdown's HTML_TAG_RE: a name (Hangul ones too: `<요약>`), then attributes that are names
# with optional values.
_OPEN = re.compile(
    r"<(?!(?:" + "|".join(sorted(_PARSED)) + r")[\s/>])(" + NAME + r")"
    r"((?:\s+" + NAME + r"""(?:\s*=\s*(?:\w+|"[^"]*"|'[^']*'))?)*)\s*(/)?>""",
    re.IGNORECASE | re.DOTALL)
# Any element with `markdown="0"`: kramdown's raw content model whatever the element.
_OPEN_RAW = re.compile(
    r"<(" + NAME + r")((?:\s+" + NAME + r"""(?:\s*=\s*(?:\w+|"[^"]*"|'[^']*'))?)*)\s*(/)?>""",
    re.IGNORECASE | re.DOTALL)
_SPAN_HTML_OPTION = re.compile(r"""\{::options\b[^}]*?\bparse_span_html=["']?(true|false)""")
_MARKDOWN_0 = re.compile(r"""\s+markdown\s*=\s*(?:"0"|'0'|0\b)""", re.IGNORECASE)
# Where kramdown's span parsers may start: an escape, a code span, `$$` math, a tag.
_CLOSE = re.compile(rf"</{NAME}\s*>")
_START = re.compile(r"[\\`<]|\$\$")
_TICKS = re.compile("`+")
_ESCAPABLE = frozenset("\\.*_+`<>()[]{}#!:|\"'$=-")


def raw_spans(text: str, all_raw_from: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, the closing tags kramdown adds) of each raw-content element in `text`, as
    kramdown's span parser meets them from left to right; from offset `all_raw_from` on
    every element's content is raw (`{::options parse_span_html="false" /}`)."""
    found: list[tuple[int, int, str]] = []
    unclosed: set[str] = set()  # code/math delimiters with no closer left in the text
    pos = 0
    while (m := _START.search(text, pos)) is not None:
        at, mark = m.start(), m.group(0)
        if mark == "\\":
            pos = at + (2 if text[at + 1:at + 2] in _ESCAPABLE else 1)
        elif mark == "<":
            pos = _tag(text, at, found, all_raw_from is not None and at >= all_raw_from)
        else:
            pos = _delimited(text, at, unclosed)
    return found


def _tag(text: str, at: int, found: list, all_raw: bool = False) -> int:
    """Past the raw element or comment at `at`; else just past the `<`."""
    if text.startswith("<<", at):  # kramdown's typographic `<<` (a guillemet) comes first
        return at + 2
    if text.startswith("<!--", at):
        close = text.find("-->", at + 4)
        return close + 3 if close >= 0 else at + 1
    if text.endswith("](", 0, at):  # a link's `<destination>`
        close = text.find(">", at)
        return close + 1 if close >= 0 else at + 1
    m = _OPEN.match(text, at)
    if m is None:
        m = _OPEN_RAW.match(text, at)
        if m is None or not (all_raw and m.group(1).lower() not in _VOIDS
                             or _MARKDOWN_0.search(m.group(2))):
            return at + 1
    if m.group(3):
        return at + 1
    end, closers = _extent(text, m)
    found.append((at, end, closers))
    return end


def _delimited(text: str, at: int, unclosed: set[str]) -> int:
    """Past the code span or `$$` math opening at `at`, or past its opener when it is text."""
    if text[at] == "$":
        mark = "$$"
    else:
        mark = _TICKS.match(text, at).group(0)
        # A lone backtick between spaces (or first, before a space) is text for kramdown.
        if mark == "`" and (at == 0 or text[at - 1].isspace()) and text[at + 1:at + 2].isspace():
            return at + 1
    if mark in unclosed:
        return at + len(mark)
    close = text.find(mark, at + len(mark))
    if close < 0:
        unclosed.add(mark)  # none later either: never search for it again
        return at + len(mark)
    return close + len(mark)


def _extent(text: str, opener: re.Match) -> tuple[int, str]:
    """(end of the element `opener` opens, "") or, when it is left open, (len(text), the
    closing tags kramdown adds at the end of the text: its own and those of every element
    opened inside it and left open, innermost first). Inside, kramdown still reads tags: an
    end tag closes the innermost open element when it names it, else it is text; an element
    kramdown does not know closes only on its name as written (`<SoMe>`)."""
    stack = [element_value(opener.group(1))]
    pos = opener.end()
    while (at := text.find("<", pos)) >= 0:
        pos = at + 1
        if text.startswith("<!--", at):
            continue
        if (close := _CLOSE.match(text, at)) is not None:
            pos = close.end()
            if stack[-1] == element_value(close.group(0)[2:-1].strip()):
                stack.pop()
                if not stack:
                    return pos, ""
        elif (tag := TAG.match(text, at)) is not None:
            pos = tag.end()
            if not tag.group(0).endswith("/>") and tag.group(1).lower() not in _VOIDS:
                stack.append(element_value(tag.group(1)))
    return len(text), "".join(f"</{name}>" for name in reversed(stack))


def _escape_stray_lt(raw: str) -> str:
    """Inside raw content kramdown still reads tags; a `<` that starts none is text, and so
    is an end tag of no element open there (`<SoMe>doit</some>` shows `</some>`)."""
    if raw.count("<") < 2:
        return raw
    first = TAG.match(raw)
    stack = [element_value(first.group(1))] if first else []
    out, pos = [], 1
    while (at := raw.find("<", pos)) >= 0:
        out.append(raw[pos:at])
        pos = at + 1
        if raw.startswith("<!--", at):
            out.append("<")
        elif (close := _CLOSE.match(raw, at)) is not None:
            name = element_value(close.group(0)[2:-1].strip())
            if stack and stack[-1] == name:
                stack.pop()
                out.append("<")
            else:
                out.append("&lt;")
        elif (tag := TAG.match(raw, at)) is not None:
            if not tag.group(0).endswith("/>") and tag.group(1).lower() not in _VOIDS:
                stack.append(element_value(tag.group(1)))
            out.append("<")
        else:
            out.append("&lt;")
    return raw[:1] + "".join(out) + raw[pos:]


class RawSpanTreeprocessor(Treeprocessor):
    """Before the inline pass: replace each raw-content element in every text by an HTML
    stash placeholder (an unclosed one gets its closing tag, as kramdown closes it)."""

    def run(self, root) -> None:
        self._all_raw = False  # `{::options parse_span_html="false" /}` read (document order)
        for el in root.iter():
            if el.text and "<" in el.text and not isinstance(el.text, AtomicString):
                el.text = self._stash(el.text)
            if el.tail and "<" in el.tail and not isinstance(el.tail, AtomicString):
                el.tail = self._stash(el.tail)

    def _stash(self, text: str) -> str:
        start = 0 if self._all_raw else None
        for option in _SPAN_HTML_OPTION.finditer(text) if "{::options" in text else ():
            self._all_raw = option.group(1) == "false"
            start = option.end() if self._all_raw else None
        spans = raw_spans(text, start)
        if not spans:
            return text
        out: list[str] = []
        pos = 0
        for start, end, closers in spans:
            # kramdown closes what is left open (nested ones too) at the end of the text.
            raw = _escape_stray_lt(text[start:end]) + closers
            tag_end = _OPEN_RAW.match(raw).end()  # kramdown prints no markdown attribute
            raw = _MARKDOWN_0.sub("", raw[:tag_end], count=1) + raw[tag_end:]
            out += [text[pos:start], stash.store_inline(self.md, raw)]
            pos = end
        out.append(text[pos:])
        return "".join(out)
