"""The tag and category index of a blog, with near-duplicate detection for names typed
slightly differently (MLOpsReveiw vs MLOpsReview). Must not import PySide6."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, capped at `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


@dataclass
class TagIndex:
    tags: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)

    @classmethod
    def from_entries(cls, entries) -> TagIndex:
        index = cls()
        for e in entries:
            index.tags.update(dict.fromkeys(e.tags, 1))
            index.categories.update(dict.fromkeys(e.categories, 1))
        return index

    def near_duplicates(self, name: str) -> list[str]:
        """Known tags or categories that look like `name` typed differently, most used first.

        Equal ignoring case, or within edit distance 2 when both names are longer than 5.
        """
        name = str(name)
        low = name.lower()
        known = Counter(self.tags) + Counter(self.categories)
        hits = []
        for other, count in known.items():
            if other == name:
                continue
            olow = other.lower()
            if olow == low or (
                min(len(low), len(olow)) > 5 and edit_distance(low, olow) <= 2
            ):
                hits.append((-count, other))
        return [o for _c, o in sorted(hits)]
