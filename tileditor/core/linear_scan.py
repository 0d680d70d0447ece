"""A regex tried only where it can match, so a failed try never rescans the rest of a line for
each opener (the editor highlighter and the spell checker run these per keystroke, also on
hostile 20,000-character lines). Must not import Qt."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

Span = tuple[int, int]


def guarded(pattern: str, opener: str, closers: tuple[str, ...], barrier: str | None = None
            ) -> Callable[[str], Iterator[Span]]:
    """`finditer(pattern)` tried only where `opener` matches and only while one of `closers`
    still occurs further on; after a failed try, openers before the next `barrier` are skipped
    (a pattern that scans up to the barrier fails the same way from them)."""
    full, start = re.compile(pattern), re.compile(f"(?={opener})")

    def spans(text: str) -> Iterator[Span]:
        last = max(text.rfind(c) for c in closers)
        pos = 0
        for m in start.finditer(text):
            at = m.start()
            if at >= last:
                return
            if at < pos:
                continue
            found = full.match(text, at)
            if found and found.end() > at:
                yield found.start(), found.end()
                pos = found.end()
            elif barrier is not None:
                pos = text.find(barrier, at)
                if pos < 0:
                    return

    return spans


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _per_line(scan: Callable[[str], Iterator[Span]]) -> Callable[[str], Iterator[Span]]:
    """`scan` on each line (`.` stops at a newline), spans in the whole text."""
    def spans(text: str) -> Iterator[Span]:
        start = 0
        for line in text.split("\n"):
            for a, b in scan(line):
                yield start + a, start + b
            start += len(line) + 1
    return spans


def _emphasis_line(text: str) -> Iterator[Span]:
    closers = {d: [j for j in range(1, len(text)) if text[j] == d
                   and not text[j - 1].isspace() and text[j - 1] not in "*_"
                   and (j + 1 == len(text) or not (text[j + 1] == "*" or _is_word(text[j + 1])))]
               for d in "*_"}
    pos = 0
    for i, ch in enumerate(text):
        if i < pos or ch not in "*_" or i + 1 >= len(text):
            continue
        nxt = text[i + 1]
        if nxt.isspace() or nxt in "*_" or (i and (text[i - 1] == "*" or _is_word(text[i - 1]))):
            continue
        found = closers[ch]
        k = bisect_left(found, i + 2)
        if k < len(found):
            yield i, found[k] + 1
            pos = found[k] + 1


def _strong_line(text: str) -> Iterator[Span]:
    closers = {d: [j for j in range(1, len(text) - 1) if text.startswith(d, j)
                   and not text[j - 1].isspace()] for d in ("**", "__")}
    pos = 0
    for i in range(len(text) - 2):
        d = text[i:i + 2]
        if i < pos or d not in ("**", "__") or text[i + 2].isspace():
            continue
        found = closers[d]
        k = bisect_left(found, i + 3)
        if k < len(found):
            yield i, found[k] + 2
            pos = found[k] + 2


# What `finditer` of these finds, in O(n log n): the regexes try every opener up to the end of
# its line when no closer comes (a line of `*a *a ...` took seconds to highlight). A match ends
# at the first closer of its opener's kind far enough on.
EMPHASIS = r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])"
STRONG = r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
emphasis_spans = _per_line(_emphasis_line)
strong_spans = _per_line(_strong_line)
