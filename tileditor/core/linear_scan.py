"""A regex tried only where it can match, so a failed try never rescans the rest of a line for
each opener (the editor highlighter and the spell checker run these per keystroke, also on
hostile 20,000-character lines). Must not import Qt."""

from __future__ import annotations

import re
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
