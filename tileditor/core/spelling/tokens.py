"""The checkable words of a Markdown post (kramdown/Jekyll flavour), with their offsets: line by
line with a small integer state (so an editor can re-scan only the lines an edit touched), or
over a whole text. Never yields words of front matter, fenced or indented code, math, HTML
tag internals, script/style/pre bodies, comments, Liquid, IAL, URLs or link targets
(spans.py has the in-line rules). Pure Python: no Qt, no enchant."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from tileditor.core import lexicon
from tileditor.core.spelling.spans import Span, excluded_spans, merge

# Line states: what the lines above leave open. START is also Qt's "no state" (-1); the
# front-matter and fence values are the editor highlighter's own, so the two agree.
START = -1  # top of the text: a `---` line opens front matter
FRONT_MATTER = 1
TEXT = 2  # after a paragraph line: an indented line continues it
BLANK = 3  # after a blank line or a one-line block: an indented line is code
CODE = 4  # after an indented code line
LIST_BASE = 20  # + 3 * content column + (0 text, 1 blank, 2 code): inside a list item
FENCE_BASE = 1000  # + 2 * fence length + (1 if tildes)
_MAX_LIST_COLUMN = 300  # keeps list states below FENCE_BASE

# Constructs that can span lines: (state, opener, closer).
_MULTILINE = (
    (5, r"<script\b", r"</script\s*>"),
    (6, r"<style\b", r"</style\s*>"),
    (7, r"<pre\b", r"</pre\s*>"),
    (8, r"<!--", r"-->"),
    (9, r"\{::comment\}", r"\{:/comment\}"),
    (10, r"\{%-?\s*comment\s*-?%\}", r"\{%-?\s*endcomment\s*-?%\}"),
    (11, r"\{%-?\s*highlight\b[^%]*%\}", r"\{%-?\s*endhighlight\s*-?%\}"),
    (12, r"\$\$", r"\$\$"),
)
_OPENERS = re.compile("|".join(f"(?P<s{state}>{opener})" for state, opener, _ in _MULTILINE),
                      re.I)
_CLOSERS = {state: re.compile(closer, re.I) for state, _, closer in _MULTILINE}
_OPENER_CHARS = ("<", "{", "$")

_LIST_ITEM = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)")
_ATX_OR_RULE = re.compile(r" {0,3}(?:#{1,6}(?:\s|$)|(?:[-*_=][ \t]*){3,}$)")

_LATIN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
_HANGUL = r"\uAC00-\uD7A3"  # syllables only: jamo runs (ㅋㅋ) are not words
_WORD = re.compile(rf"(?P<latin>[{_LATIN}]+(?:['’][{_LATIN}]+)*)|(?P<hangul>[{_HANGUL}]+)")
_CHUNK = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[]{}<>*_~!?.,;:|…—–-"
# A chunk with any of these is code, a path, a file name or an identifier, not a word.
_CODE_LIKE = re.compile(r"[_/\\@=#$%^&+|<>{}]|\w\.\w|::")
_DIGIT = re.compile(r"\d")


class Word(NamedTuple):
    """`text == source[start:end]`; `script` is "latin" or "hangul" (it picks the
    dictionary); `line` is 1-based in iter_words() and 0 from scan_line(). A tuple: the
    editor makes tens of thousands of them when it highlights a long post."""

    start: int
    end: int
    text: str
    script: str
    line: int = 0


def scan_line(line: str, state: int, want_words: bool = True) -> tuple[list[Word], int]:
    """The words of one line (offsets into `line`) given the state the line above left, and
    the state this line leaves for the next (`want_words=False`: only the state, cheaper)."""
    if state == FRONT_MATTER:
        return [], BLANK if line.rstrip() in ("---", "...") else FRONT_MATTER
    if state >= FENCE_BASE:
        return [], BLANK if closes_fence(line, state) else state
    if state in _CLOSERS:
        close = _CLOSERS[state].search(line)
        if close is None:
            return [], state
        words, after = _scan_normal(line[close.end():], BLANK, want_words, in_block=True)
        return [_shift(w, close.end()) for w in words], after
    if state == START and line.rstrip() == "---":
        return [], FRONT_MATTER
    return _scan_normal(line, BLANK if state == START else state, want_words)


def iter_words(text: str) -> Iterator[Word]:
    """Every checkable word of a whole post, offsets into `text`, lines 1-based. The front
    matter is found as Jekyll finds it; an unclosed fence runs to the end (nothing below an
    open fence is checked, as in the editor)."""
    from tileditor.core.frontmatter import split_front_matter

    span = split_front_matter(text)
    pos = span.body_start if span else 0
    number = text.count("\n", 0, pos) + 1
    state = BLANK
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        words, state = scan_line(text[pos:end], state)
        for w in words:
            yield Word(w.start + pos, w.end + pos, w.text, w.script, number)
        pos, number = end + 1, number + 1


# -- block structure -------------------------------------------------------------------------

def _list_state(column: int, sub: int) -> int:
    return LIST_BASE + 3 * min(column, _MAX_LIST_COLUMN) + sub


def _context(state: int) -> tuple[int | None, int]:
    """(list content column or None, 0 after text / 1 after blank / 2 after code)."""
    if LIST_BASE <= state < FENCE_BASE:
        column, sub = divmod(state - LIST_BASE, 3)
        return column, sub
    return None, {TEXT: 0, CODE: 2}.get(state, 1)


def _indent(line: str) -> int:
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def closes_fence(line: str, state: int) -> bool:
    """Whether `line` closes the fence of `state`: the same character, at least as many,
    nothing else on the line (any indentation: inside a list item it is the item's)."""
    length, tilde = divmod(state - FENCE_BASE, 2)
    stripped = line.strip()
    return len(stripped) >= length and set(stripped) == {"~" if tilde else "`"}


def _scan_normal(line: str, state: int, want_words: bool = True, in_block: bool = False
                 ) -> tuple[list[Word], int]:
    column, sub = _context(state)
    base = column or 0
    if not line.strip():
        return [], BLANK if column is None else _list_state(column, 1)
    indent = _indent(line)
    after_break = sub in (1, 2)
    if not in_block:
        if indent >= base + 4 and after_break:
            return [], CODE if column is None else _list_state(column, 2)
        fence = lexicon.fence_open(line, base)  # the renderer's own rule
        if fence is not None:
            marker = fence.marker
            return [], FENCE_BASE + 2 * len(marker) + (1 if marker[0] == "~" else 0)
    item = _LIST_ITEM.match(line) if column is None or indent < base + 4 else None
    if item:
        column = item.end() if item.group(3) else item.end() + 1
    elif column is not None and indent == 0 and sub == 1:
        column = None  # an unindented paragraph after a blank line ends the list
    words, open_state = _prose_words(line, want_words)
    if open_state is not None:
        return words, open_state
    one_line_block = _ATX_OR_RULE.match(line) is not None
    if column is None:
        return words, BLANK if one_line_block else TEXT
    return words, _list_state(column, 1 if one_line_block else 0)


# -- words -----------------------------------------------------------------------------------

def _prose_words(line: str, want_words: bool = True) -> tuple[list[Word], int | None]:
    """The words outside every excluded span, and the state of a construct left open at the
    end of the line (a `<script>` or `<!--` that closes further down), if any."""
    has_openers = any(c in line for c in _OPENER_CHARS)
    if not want_words and not has_openers:
        return [], None
    spans = excluded_spans(line)
    opened = None
    if has_openers:
        extra, opened = _multiline_spans(line, spans)
        if extra:
            spans = merge(spans + extra)
    if not want_words:
        return [], opened
    words: list[Word] = []
    pos = 0
    for start, end in [*spans, (len(line), len(line))]:
        if start > pos:
            words.extend(_gap_words(line, pos, start))
        pos = max(pos, end)
    return words, opened


def _multiline_spans(line: str, spans: list[Span]) -> tuple[list[Span], int | None]:
    out: list[Span] = []
    pos = 0
    while True:
        m = next((m for m in _OPENERS.finditer(line, pos) if not _inside(spans, m.start())), None)
        if m is None:
            return out, None
        state = int(m.lastgroup[1:])
        close = _CLOSERS[state].search(line, m.end())
        if close is None:
            out.append((m.start(), len(line)))
            return out, state
        out.append((m.start(), close.end()))
        pos = close.end()


def _inside(spans: list[Span], at: int) -> bool:
    """`at` strictly inside a span (a span that starts at `at` is the construct itself)."""
    return any(start < at < end for start, end in spans)


_OPEN_EDGE = "\"'“”‘’«(\\[*_~"
_CLOSE_EDGE = "\"'“”‘’»)\\].,;:!?*_~…"
# A whole chunk that is one plain word with punctuation around it (most of a post's chunks):
# group 1 an English-looking word, group 2 a Hangul one; anything else is group 3.
_FAST = re.compile(rf"[{_OPEN_EDGE}]*(?:([A-Za-z][a-z]+)|([{_HANGUL}]+))[{_CLOSE_EDGE}]*(?!\S)"
                   r"|(\S+)")


def _gap_words(line: str, start: int, end: int) -> Iterator[Word]:
    for chunk in _FAST.finditer(line, start, end):
        if chunk.lastindex == 1:
            yield Word(chunk.start(1), chunk.end(1), chunk.group(1), "latin")
            continue
        if chunk.lastindex == 2:
            yield Word(chunk.start(2), chunk.end(2), chunk.group(2), "hangul")
            continue
        text = chunk.group()
        core = text.strip(_EDGE)
        if not core or _CODE_LIKE.search(core):
            continue
        if _DIGIT.search(core) and any(c.isalpha() for c in core):
            continue  # TIL25, h264, 2025년: identifiers and numbers with units
        offset = chunk.start() + text.index(core)
        yield from _core_words(core, offset)


def _core_words(core: str, offset: int) -> Iterator[Word]:
    for m in _WORD.finditer(core):
        before = core[m.start() - 1] if m.start() else ""
        after = core[m.end()] if m.end() < len(core) else ""
        if m.lastgroup == "latin":
            # Mixed with another script's letters: a foreign token, not an English word
            # (but "Jekyll을": a Korean particle after an English word).
            if before.isalpha() or (after.isalpha() and not _is_hangul(after)):
                continue
            word = m.group()
            if len(word) < 2 or word.isupper() or any(c.isupper() for c in word[1:]):
                continue  # a letter, an acronym (API), camelCase or a brand (GitHub)
        else:
            if before.isalpha() or after.isalpha():
                continue  # a particle after a foreign word ("Jekyll을"), or mixed script
            word = m.group()
        yield Word(offset + m.start(), offset + m.end(), word, m.lastgroup)


def _is_hangul(ch: str) -> bool:
    return "\uAC00" <= ch <= "\uD7A3"


def _shift(word: Word, by: int) -> Word:
    return Word(word.start + by, word.end + by, word.text, word.script, word.line)
