"""Whether a tag or category name is probably a mistyped spelling of a known one: the one rule
the form's token fields and the repo health check share. Pure; must not import PySide6."""

from __future__ import annotations

import re
from collections import Counter

_DIGITS = re.compile(r"\d+")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of a and b, cut short at `limit` (returns `limit` when above)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


def series_shape(name: str) -> str | None:
    """`name` with its digit runs masked ("til_#"), or None when it has no digits."""
    return _DIGITS.sub("#", name) if _DIGITS.search(name) else None


def default_near_duplicate(name: str, completions: Counter) -> str | None:
    """The most used existing name that `name` probably meant, or None.

    Case-insensitive equality always counts; edit distance 2 only for names of 5+ characters
    (distance 1 for 3-4), since short tags like "AI" and "ML" are legitimately close. Names
    differing only in their numbers (TIL_25, TIL_26) are a series, not typos.
    """
    if not name or name in completions:
        return None
    low = name.casefold()
    series = series_shape(low)
    allowed = 2 if len(name) >= 5 else 1 if len(name) >= 3 else 0
    best: tuple[int, int, str] | None = None
    for other, count in completions.items():
        if other.casefold() == low:
            dist = 0
        elif series is not None and series_shape(other.casefold()) == series:
            continue
        elif allowed:
            dist = edit_distance(low, other.casefold(), allowed + 1)
            if dist > allowed:
                continue
        else:
            continue
        key = (dist, -count, other)
        if best is None or key < best:
            best = key
    return best[2] if best else None
